/* sc-kpi.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-kpi"

#include "config.h"

#include <math.h>

#include "sc-enums.h"
#include "sc-format.h"
#include "sc-kpi-private.h"
#include "sc-score.h"

G_DEFINE_FINAL_TYPE (ScKpi, sc_kpi, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ODOO_ID,
  PROP_NAME,
  PROP_GROUP_ID,
  PROP_GROUP_NAME,
  PROP_KPI_TYPE,
  PROP_TARGET_TYPE,
  PROP_TARGET_VALUE,
  PROP_PRIORITY,
  PROP_DIRECTION,
  PROP_REPORT_TYPE,
  PROP_DEPARTMENT,
  PROP_VALUE,
  PROP_ACHIEVEMENT,
  PROP_SCORE_BAND,
  PROP_LAST_SUBMITTED,
  PROP_NOTE,
  PROP_FORMULA,
  PROP_SOURCE_DOMAIN,
  PROP_ASSIGNEES,
  PROP_SYNC_STATE,
  PROP_CURRENCY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Overrides */

static void
sc_kpi_finalize (GObject *object)
{
  ScKpi *self = (ScKpi *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->formula, g_free);
  g_clear_pointer (&self->source_domain, g_free);
  g_clear_pointer (&self->assignees, g_strfreev);
  g_clear_pointer (&self->write_date, g_free);

  G_OBJECT_CLASS (sc_kpi_parent_class)->finalize (object);
}

static void
sc_kpi_get_property (GObject    *object,
                     guint       prop_id,
                     GValue     *value,
                     GParamSpec *pspec)
{
  ScKpi *self = SC_KPI (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_ODOO_ID:
      g_value_set_int64 (value, self->odoo_id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_GROUP_ID:
      g_value_set_int64 (value, self->group_id);
      break;
    case PROP_GROUP_NAME:
      g_value_set_string (value, self->group_name);
      break;
    case PROP_KPI_TYPE:
      g_value_set_enum (value, self->kpi_type);
      break;
    case PROP_TARGET_TYPE:
      g_value_set_enum (value, self->target_type);
      break;
    case PROP_TARGET_VALUE:
      g_value_set_double (value, self->target_value);
      break;
    case PROP_PRIORITY:
      g_value_set_int (value, self->priority);
      break;
    case PROP_DIRECTION:
      g_value_set_enum (value, self->direction);
      break;
    case PROP_REPORT_TYPE:
      g_value_set_enum (value, self->report_type);
      break;
    case PROP_DEPARTMENT:
      g_value_set_enum (value, self->department);
      break;
    case PROP_VALUE:
      g_value_set_double (value, self->value);
      break;
    case PROP_ACHIEVEMENT:
      g_value_set_double (value, self->achievement);
      break;
    case PROP_SCORE_BAND:
      g_value_set_enum (value, self->score_band);
      break;
    case PROP_LAST_SUBMITTED:
      g_value_set_int64 (value, self->last_submitted);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    case PROP_FORMULA:
      g_value_set_string (value, self->formula);
      break;
    case PROP_SOURCE_DOMAIN:
      g_value_set_string (value, self->source_domain);
      break;
    case PROP_ASSIGNEES:
      g_value_set_boxed (value, self->assignees);
      break;
    case PROP_SYNC_STATE:
      g_value_set_enum (value, self->sync_state);
      break;
    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_kpi_class_init (ScKpiClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sc_kpi_finalize;
  object_class->get_property = sc_kpi_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_ODOO_ID] = g_param_spec_int64 ("odoo-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_GROUP_ID] = g_param_spec_int64 ("group-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_GROUP_NAME] = g_param_spec_string ("group-name", NULL, NULL, NULL, flags);
  properties[PROP_KPI_TYPE] =
    g_param_spec_enum ("kpi-type", NULL, NULL, SC_TYPE_KPI_TYPE, SC_KPI_TYPE_MANUAL, flags);
  properties[PROP_TARGET_TYPE] =
    g_param_spec_enum ("target-type", NULL, NULL, SC_TYPE_TARGET_TYPE, SC_TARGET_TYPE_NUMBER, flags);
  properties[PROP_TARGET_VALUE] =
    g_param_spec_double ("target-value", NULL, NULL, 0, G_MAXDOUBLE, 0, flags);
  properties[PROP_PRIORITY] = g_param_spec_int ("priority", NULL, NULL, 1, 5, 3, flags);
  properties[PROP_DIRECTION] =
    g_param_spec_enum ("direction", NULL, NULL, SC_TYPE_DIRECTION, SC_DIRECTION_HIGHER_BETTER, flags);
  properties[PROP_REPORT_TYPE] =
    g_param_spec_enum ("report-type", NULL, NULL, SC_TYPE_REPORT_TYPE, SC_REPORT_TYPE_DAILY, flags);
  properties[PROP_DEPARTMENT] =
    g_param_spec_enum ("department", NULL, NULL, SC_TYPE_DEPARTMENT, SC_DEPARTMENT_NONE, flags);
  properties[PROP_VALUE] =
    g_param_spec_double ("value", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
  properties[PROP_ACHIEVEMENT] =
    g_param_spec_double ("achievement", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
  properties[PROP_SCORE_BAND] =
    g_param_spec_enum ("score-band", NULL, NULL, SC_TYPE_SCORE_BAND,
                       SC_SCORE_BAND_UNDERPERFORMANCE, flags);
  properties[PROP_LAST_SUBMITTED] =
    g_param_spec_int64 ("last-submitted", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, flags);
  properties[PROP_FORMULA] = g_param_spec_string ("formula", NULL, NULL, NULL, flags);
  properties[PROP_SOURCE_DOMAIN] = g_param_spec_string ("source-domain", NULL, NULL, NULL, flags);
  properties[PROP_ASSIGNEES] = g_param_spec_boxed ("assignees", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_SYNC_STATE] =
    g_param_spec_enum ("sync-state", NULL, NULL, SC_TYPE_SYNC_STATE, SC_SYNC_STATE_LOCAL, flags);
  properties[PROP_CURRENCY] = g_param_spec_string ("currency", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sc_kpi_init (ScKpi *self)
{
  self->priority = 3;
}

/* Private API */

ScKpi *
_sc_kpi_new (void)
{
  return g_object_new (SC_TYPE_KPI, NULL);
}

void
_sc_kpi_finish (ScKpi *self)
{
  g_assert (SC_IS_KPI (self));

  self->achievement = sc_score_achievement (self->value, self->target_value,
                                            self->target_type, self->direction);
  self->score_band = sc_score_band (self->achievement);
}

/* Public API */

gint64
sc_kpi_get_id (ScKpi *self)
{
  g_return_val_if_fail (SC_IS_KPI (self), 0);
  return self->id;
}

gint64
sc_kpi_get_odoo_id (ScKpi *self)
{
  g_return_val_if_fail (SC_IS_KPI (self), 0);
  return self->odoo_id;
}

const char *
sc_kpi_get_name (ScKpi *self)
{
  g_return_val_if_fail (SC_IS_KPI (self), NULL);
  return self->name;
}

gint64
sc_kpi_get_group_id (ScKpi *self)
{
  g_return_val_if_fail (SC_IS_KPI (self), 0);
  return self->group_id;
}

/**
 * sc_kpi_get_group_name:
 * @self: a #ScKpi
 *
 * Returns: (nullable): the name of the KPI's report group
 */
const char *
sc_kpi_get_group_name (ScKpi *self)
{
  g_return_val_if_fail (SC_IS_KPI (self), NULL);
  return self->group_name;
}

ScKpiType
sc_kpi_get_kpi_type (ScKpi *self)
{
  g_return_val_if_fail (SC_IS_KPI (self), SC_KPI_TYPE_MANUAL);
  return self->kpi_type;
}

ScTargetType
sc_kpi_get_target_type (ScKpi *self)
{
  g_return_val_if_fail (SC_IS_KPI (self), SC_TARGET_TYPE_NUMBER);
  return self->target_type;
}

double
sc_kpi_get_target_value (ScKpi *self)
{
  g_return_val_if_fail (SC_IS_KPI (self), 0);
  return self->target_value;
}

int
sc_kpi_get_priority (ScKpi *self)
{
  g_return_val_if_fail (SC_IS_KPI (self), 3);
  return self->priority;
}

ScDirection
sc_kpi_get_direction (ScKpi *self)
{
  g_return_val_if_fail (SC_IS_KPI (self), SC_DIRECTION_HIGHER_BETTER);
  return self->direction;
}

ScReportType
sc_kpi_get_report_type (ScKpi *self)
{
  g_return_val_if_fail (SC_IS_KPI (self), SC_REPORT_TYPE_DAILY);
  return self->report_type;
}

ScDepartment
sc_kpi_get_department (ScKpi *self)
{
  g_return_val_if_fail (SC_IS_KPI (self), SC_DEPARTMENT_NONE);
  return self->department;
}

double
sc_kpi_get_value (ScKpi *self)
{
  g_return_val_if_fail (SC_IS_KPI (self), 0);
  return self->value;
}

/**
 * sc_kpi_has_value:
 * @self: a #ScKpi
 *
 * Returns: %TRUE once a value has been submitted or synced for the KPI
 */
gboolean
sc_kpi_has_value (ScKpi *self)
{
  g_return_val_if_fail (SC_IS_KPI (self), FALSE);
  return self->last_submitted != 0 || self->value != 0.0;
}

/**
 * sc_kpi_get_previous_value:
 * @self: a #ScKpi
 * @previous: (out) (optional): the value submitted before the latest one
 *
 * Returns: %TRUE if the KPI has a previous value
 */
gboolean
sc_kpi_get_previous_value (ScKpi  *self,
                           double *previous)
{
  g_return_val_if_fail (SC_IS_KPI (self), FALSE);

  if (previous != NULL)
    *previous = self->previous_value;

  return self->has_previous;
}

/**
 * sc_kpi_get_change:
 * @self: a #ScKpi
 *
 * The latest value's change from the previous one, in percent of the
 * previous one, with the sign turned round for lower-is-better KPIs so
 * that a positive change is always an improvement.
 *
 * Returns: the change in percent, 0 without a previous value
 */
double
sc_kpi_get_change (ScKpi *self)
{
  double change;

  g_return_val_if_fail (SC_IS_KPI (self), 0.0);

  if (!self->has_previous || self->previous_value == 0.0)
    return 0.0;

  change = (self->value - self->previous_value) / fabs (self->previous_value) * 100.0;

  return self->direction == SC_DIRECTION_LOWER_BETTER ? -change : change;
}

double
sc_kpi_get_achievement (ScKpi *self)
{
  g_return_val_if_fail (SC_IS_KPI (self), 0);
  return self->achievement;
}

ScScoreBand
sc_kpi_get_score_band (ScKpi *self)
{
  g_return_val_if_fail (SC_IS_KPI (self), SC_SCORE_BAND_UNDERPERFORMANCE);
  return self->score_band;
}

/**
 * sc_kpi_get_last_submitted:
 * @self: a #ScKpi
 *
 * Returns: when the latest value was submitted, in Unix seconds UTC, or 0
 */
gint64
sc_kpi_get_last_submitted (ScKpi *self)
{
  g_return_val_if_fail (SC_IS_KPI (self), 0);
  return self->last_submitted;
}

const char *
sc_kpi_get_note (ScKpi *self)
{
  g_return_val_if_fail (SC_IS_KPI (self), NULL);
  return self->note;
}

const char *
sc_kpi_get_formula (ScKpi *self)
{
  g_return_val_if_fail (SC_IS_KPI (self), NULL);
  return self->formula;
}

const char *
sc_kpi_get_source_domain (ScKpi *self)
{
  g_return_val_if_fail (SC_IS_KPI (self), NULL);
  return self->source_domain;
}

/**
 * sc_kpi_get_assignees:
 * @self: a #ScKpi
 *
 * Returns: (transfer none) (array zero-terminated=1): the logins of the
 *   users assigned to report this KPI
 */
const char * const *
sc_kpi_get_assignees (ScKpi *self)
{
  static const char *none[] = { NULL };

  g_return_val_if_fail (SC_IS_KPI (self), NULL);

  return self->assignees != NULL ? (const char * const *)self->assignees : none;
}

ScSyncState
sc_kpi_get_sync_state (ScKpi *self)
{
  g_return_val_if_fail (SC_IS_KPI (self), SC_SYNC_STATE_LOCAL);
  return self->sync_state;
}

const char *
sc_kpi_get_write_date (ScKpi *self)
{
  g_return_val_if_fail (SC_IS_KPI (self), NULL);
  return self->write_date;
}

/**
 * sc_kpi_get_warn_from:
 * @self: a #ScKpi
 *
 * Returns: the achievement percent where the KPI's yellow zone starts:
 *   its own setting, or 70 (below Average is red)
 */
double
sc_kpi_get_warn_from (ScKpi *self)
{
  g_return_val_if_fail (SC_IS_KPI (self), 70.0);
  return self->warn_from > 0 ? self->warn_from : 70.0;
}

/**
 * sc_kpi_get_good_from:
 * @self: a #ScKpi
 *
 * Returns: the achievement percent where the KPI's green zone starts:
 *   its own setting, or 95 (Excellent)
 */
double
sc_kpi_get_good_from (ScKpi *self)
{
  g_return_val_if_fail (SC_IS_KPI (self), 95.0);
  return self->good_from > 0 ? self->good_from : 95.0;
}

/**
 * sc_kpi_get_currency:
 * @self: a #ScKpi
 *
 * Returns: the ISO 4217 code of the company currency currency targets use
 */
const char *
sc_kpi_get_currency (ScKpi *self)
{
  g_return_val_if_fail (SC_IS_KPI (self), NULL);
  return self->currency;
}

/**
 * sc_kpi_format_value:
 * @self: a #ScKpi
 *
 * Returns: (transfer full): the latest value with its unit, for display
 */
char *
sc_kpi_format_value (ScKpi *self)
{
  g_return_val_if_fail (SC_IS_KPI (self), NULL);
  return sc_format_measure (self->value, self->target_type, self->currency);
}

/**
 * sc_kpi_format_target:
 * @self: a #ScKpi
 *
 * Returns: (transfer full): the target with its unit, for display
 */
char *
sc_kpi_format_target (ScKpi *self)
{
  g_return_val_if_fail (SC_IS_KPI (self), NULL);
  return sc_format_measure (self->target_value, self->target_type, self->currency);
}

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);

  return TRUE;
}

/**
 * sc_kpi_update_from:
 * @self: a #ScKpi shown somewhere
 * @fresh: the same KPI as just read from the store
 *
 * Copies @fresh into @self and notifies each property that changed, so
 * that widgets bound to @self follow (a gauge then animates to the new
 * value instead of being rebuilt).
 *
 * Returns: %TRUE if anything changed
 */
gboolean
sc_kpi_update_from (ScKpi *self,
                    ScKpi *fresh)
{
  gboolean changed[N_PROPS] = { FALSE, };
  gboolean any = FALSE;

  g_return_val_if_fail (SC_IS_KPI (self), FALSE);
  g_return_val_if_fail (SC_IS_KPI (fresh), FALSE);
  g_return_val_if_fail (self->id == fresh->id, FALSE);

#define UPDATE(field, prop)                  \
  if (self->field != fresh->field)          \
    {                                        \
      self->field = fresh->field;            \
      changed[prop] = TRUE;                  \
    }

  UPDATE (odoo_id, PROP_ODOO_ID);
  UPDATE (group_id, PROP_GROUP_ID);
  UPDATE (kpi_type, PROP_KPI_TYPE);
  UPDATE (target_type, PROP_TARGET_TYPE);
  UPDATE (target_value, PROP_TARGET_VALUE);
  UPDATE (priority, PROP_PRIORITY);
  UPDATE (direction, PROP_DIRECTION);
  UPDATE (report_type, PROP_REPORT_TYPE);
  UPDATE (department, PROP_DEPARTMENT);
  UPDATE (value, PROP_VALUE);
  UPDATE (previous_value, PROP_VALUE);
  UPDATE (has_previous, PROP_VALUE);
  UPDATE (last_submitted, PROP_LAST_SUBMITTED);
  UPDATE (sync_state, PROP_SYNC_STATE);
  UPDATE (achievement, PROP_ACHIEVEMENT);
  UPDATE (score_band, PROP_SCORE_BAND);
  UPDATE (warn_from, PROP_TARGET_VALUE);
  UPDATE (good_from, PROP_TARGET_VALUE);
#undef UPDATE

  changed[PROP_NAME] = set_string (&self->name, fresh->name);
  if (self->group_name != fresh->group_name)
    {
      self->group_name = fresh->group_name;
      changed[PROP_GROUP_NAME] = TRUE;
    }
  changed[PROP_NOTE] = set_string (&self->note, fresh->note);
  changed[PROP_FORMULA] = set_string (&self->formula, fresh->formula);
  changed[PROP_SOURCE_DOMAIN] = set_string (&self->source_domain, fresh->source_domain);
  if (self->currency != fresh->currency)
    {
      self->currency = fresh->currency;
      changed[PROP_CURRENCY] = TRUE;
    }
  set_string (&self->write_date, fresh->write_date);

  if (!g_strv_equal ((const char * const *)sc_kpi_get_assignees (self),
                     (const char * const *)sc_kpi_get_assignees (fresh)))
    {
      g_strfreev (self->assignees);
      self->assignees = g_strdupv (fresh->assignees);
      changed[PROP_ASSIGNEES] = TRUE;
    }

  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = 1; i < N_PROPS; i++)
    {
      if (changed[i])
        {
          g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
          any = TRUE;
        }
    }
  g_object_thaw_notify (G_OBJECT (self));

  return any;
}
