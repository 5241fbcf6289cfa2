/* sc-alert-rules.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-alerts"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sc-alert-rules.h"

typedef struct
{
  const char *key;
  const char *label;
} KeyLabel;

/* Auxiliary methods */

static const KeyLabel alert_types[] = {
  { "threshold", N_("Threshold") },
  { "trend", N_("Trend") },
  { "anomaly", N_("Anomaly") },
  { "target_risk", N_("Target at risk") },
};

static const KeyLabel alert_metrics[] = {
  { "value", NULL },
  { "achievement", NULL },
};

static const KeyLabel alert_baselines[] = {
  { "none", NULL },
  { "same_weekday", NULL },
};

static const KeyLabel alert_comparisons[] = {
  { "above", NULL },
  { "below", NULL },
  { "outside", NULL },
};

static const KeyLabel alert_severities[] = {
  { "info", N_("Info") },
  { "warning", N_("Warning") },
  { "critical", N_("Critical") },
  { "urgent", N_("Urgent") },
};

static const KeyLabel alert_scopes[] = {
  { "all", NULL },
  { "kpi", NULL },
  { "department", NULL },
  { "group", NULL },
};

static const char *
table_to_key (const KeyLabel *table,
              guint           n,
              guint           value)
{
  g_return_val_if_fail (value < n, NULL);

  return table[value].key;
}

static gboolean
table_from_key (const KeyLabel *table,
                guint           n,
                const char     *key,
                guint          *value)
{
  if (key == NULL)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      if (g_str_equal (table[i].key, key))
        {
          *value = i;
          return TRUE;
        }
    }

  return FALSE;
}

#define DEFINE_KEYS(prefix, Type, table)                                   \
  const char *                                                             \
  prefix##_to_key (Type value)                                             \
  {                                                                        \
    return table_to_key (table, G_N_ELEMENTS (table), (guint)value);       \
  }                                                                        \
                                                                           \
  gboolean                                                                 \
  prefix##_from_key (const char *key,                                      \
                     Type       *value)                                    \
  {                                                                        \
    guint v;                                                               \
                                                                           \
    g_return_val_if_fail (value != NULL, FALSE);                           \
                                                                           \
    if (!table_from_key (table, G_N_ELEMENTS (table), key, &v))            \
      return FALSE;                                                        \
    *value = (Type)v;                                                      \
    return TRUE;                                                           \
  }

static gboolean
hour_in_window (int hour,
                int start,
                int end)
{
  if (start == end)
    return FALSE;
  if (start < end)
    return hour >= start && hour < end;
  /* Spans midnight, e.g. 22–7. */
  return hour >= start || hour < end;
}

/* Parsing a zoneinfo file costs about 250 µs, which would dominate the
 * evaluation of thousands of rules; a rule set names only a few zones.
 */
G_LOCK_DEFINE_STATIC (time_zones);
static GHashTable *time_zones;

static GTimeZone *
lookup_time_zone (const char *identifier)
{
  GTimeZone *tz;

  if (identifier == NULL || *identifier == '\0')
    return g_time_zone_new_local ();

  G_LOCK (time_zones);

  if (time_zones == NULL)
    time_zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify)g_time_zone_unref);

  tz = g_hash_table_lookup (time_zones, identifier);
  if (tz == NULL && g_hash_table_size (time_zones) < 64)
    {
      tz = g_time_zone_new_identifier (identifier);
      if (tz != NULL)
        g_hash_table_insert (time_zones, g_strdup (identifier), tz);
    }
  else if (tz == NULL)
    {
      G_UNLOCK (time_zones);
      return g_time_zone_new_identifier (identifier);
    }

  if (tz != NULL)
    g_time_zone_ref (tz);

  G_UNLOCK (time_zones);

  return tz;
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (; *text != '\0'; text = g_utf8_next_char (text))
    {
      if (!g_unichar_isspace (g_utf8_get_char (text)))
        return FALSE;
    }

  return TRUE;
}

/* Public API */

G_DEFINE_QUARK (sc-alert-error-quark, sc_alert_error)

DEFINE_KEYS (sc_alert_type, ScAlertType, alert_types)
DEFINE_KEYS (sc_alert_metric, ScAlertMetric, alert_metrics)
DEFINE_KEYS (sc_alert_baseline, ScAlertBaseline, alert_baselines)
DEFINE_KEYS (sc_alert_comparison, ScAlertComparison, alert_comparisons)
DEFINE_KEYS (sc_alert_severity, ScAlertSeverity, alert_severities)
DEFINE_KEYS (sc_alert_scope, ScAlertScope, alert_scopes)

/**
 * sc_alert_type_label:
 * @value: an alert type
 *
 * Returns: the translated name of @value
 */
const char *
sc_alert_type_label (ScAlertType value)
{
  g_return_val_if_fail ((guint)value < G_N_ELEMENTS (alert_types), NULL);

  return _(alert_types[value].label);
}

/**
 * sc_alert_severity_label:
 * @value: a severity
 *
 * Returns: the translated name of @value
 */
const char *
sc_alert_severity_label (ScAlertSeverity value)
{
  g_return_val_if_fail ((guint)value < G_N_ELEMENTS (alert_severities), NULL);

  return _(alert_severities[value].label);
}

/**
 * sc_alert_rule_init:
 * @rule: (out caller-allocates): the rule to fill
 *
 * Sets @rule to the defaults: a threshold on the value, below 0, with no
 * hysteresis, no dwell, warning severity, for all KPIs, a one-hour
 * cooldown, no quiet hours and no escalation.
 */
void
sc_alert_rule_init (ScAlertRule *rule)
{
  g_return_if_fail (rule != NULL);

  memset (rule, 0, sizeof *rule);
  rule->type = SC_ALERT_TYPE_THRESHOLD;
  rule->metric = SC_ALERT_METRIC_VALUE;
  rule->baseline = SC_ALERT_BASELINE_NONE;
  rule->comparison = SC_ALERT_COMPARISON_BELOW;
  rule->severity = SC_ALERT_SEVERITY_WARNING;
  rule->scope = SC_ALERT_SCOPE_ALL;
  rule->cooldown_seconds = 3600;
  rule->escalation_severity = SC_ALERT_SEVERITY_URGENT;
}

/**
 * sc_alert_rule_clear:
 * @rule: a rule
 *
 * Frees the strings of @rule and resets it to the defaults.
 */
void
sc_alert_rule_clear (ScAlertRule *rule)
{
  g_return_if_fail (rule != NULL);

  g_free (rule->name);
  g_free (rule->scope_department);
  g_free (rule->quiet_tz);
  sc_alert_rule_init (rule);
}

/**
 * sc_alert_rule_new:
 * @name: (nullable): the rule's name
 *
 * Returns: (transfer full): a rule with the defaults of
 *   sc_alert_rule_init(), free with sc_alert_rule_free()
 */
ScAlertRule *
sc_alert_rule_new (const char *name)
{
  ScAlertRule *rule = g_new (ScAlertRule, 1);

  sc_alert_rule_init (rule);
  rule->name = g_strdup (name);

  return rule;
}

/**
 * sc_alert_rule_copy:
 * @rule: a rule
 *
 * Returns: (transfer full): a deep copy of @rule
 */
ScAlertRule *
sc_alert_rule_copy (const ScAlertRule *rule)
{
  ScAlertRule *copy;

  g_return_val_if_fail (rule != NULL, NULL);

  copy = g_new (ScAlertRule, 1);
  *copy = *rule;
  copy->name = g_strdup (rule->name);
  copy->scope_department = g_strdup (rule->scope_department);
  copy->quiet_tz = g_strdup (rule->quiet_tz);

  return copy;
}

/**
 * sc_alert_rule_free:
 * @rule: (nullable) (transfer full): a rule from sc_alert_rule_new() or
 *   sc_alert_rule_copy()
 */
void
sc_alert_rule_free (ScAlertRule *rule)
{
  if (rule == NULL)
    return;

  sc_alert_rule_clear (rule);
  g_free (rule);
}

/**
 * sc_alert_rule_validate:
 * @rule: a rule
 * @error: return location for a #SC_ALERT_ERROR_INVALID error
 *
 * Checks that @rule makes sense: a name, known enumerations, a finite
 * level in the range of what the rule watches, a hysteresis that is not
 * negative and smaller than that range, no negative dwell, cooldown or
 * escalation timeout, quiet hours within 0–23 and a known time zone, and an
 * escalation severity not below the starting one.
 *
 * Returns: %TRUE when @rule is valid
 */
gboolean
sc_alert_rule_validate (const ScAlertRule  *rule,
                        GError            **error)
{
  double range_min = -INFINITY;
  double range_max = INFINITY;

  g_return_val_if_fail (rule != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

#define FAIL(...)                                                   \
  G_STMT_START {                                                    \
    g_set_error (error, SC_ALERT_ERROR, SC_ALERT_ERROR_INVALID,     \
                 __VA_ARGS__);                                      \
    return FALSE;                                                   \
  } G_STMT_END

  if (is_blank (rule->name))
    FAIL ("%s", _("The rule needs a name."));

  if ((guint)rule->type >= G_N_ELEMENTS (alert_types) ||
      (guint)rule->metric >= G_N_ELEMENTS (alert_metrics) ||
      (guint)rule->baseline >= G_N_ELEMENTS (alert_baselines) ||
      (guint)rule->comparison >= G_N_ELEMENTS (alert_comparisons) ||
      (guint)rule->severity >= G_N_ELEMENTS (alert_severities) ||
      (guint)rule->escalation_severity >= G_N_ELEMENTS (alert_severities) ||
      (guint)rule->scope >= G_N_ELEMENTS (alert_scopes))
    FAIL (_("The rule “%s” has an unknown type, comparison, severity or scope."),
          rule->name);

  if (rule->comparison == SC_ALERT_COMPARISON_OUTSIDE &&
      rule->type != SC_ALERT_TYPE_ANOMALY)
    FAIL ("%s", _("Only anomaly rules can fire on either side; choose above or below."));

  if (!isfinite (rule->level))
    FAIL ("%s", _("The level must be a number."));

  if (!isfinite (rule->hysteresis) || rule->hysteresis < 0)
    FAIL ("%s", _("The hysteresis cannot be negative."));

  switch (rule->type)
    {
    case SC_ALERT_TYPE_THRESHOLD:
      if (rule->baseline == SC_ALERT_BASELINE_SAME_WEEKDAY)
        range_min = -100.0;
      else if (rule->metric == SC_ALERT_METRIC_ACHIEVEMENT)
        range_min = 0.0;
      break;

    case SC_ALERT_TYPE_TREND:
      range_min = -100.0;
      break;

    case SC_ALERT_TYPE_TARGET_RISK:
      range_min = 0.0;
      range_max = 100.0;
      break;

    case SC_ALERT_TYPE_ANOMALY:
    default:
      break;
    }

  if (rule->type != SC_ALERT_TYPE_ANOMALY &&
      (rule->level < range_min || rule->level > range_max))
    {
      if (isfinite (range_max))
        FAIL (_("The level must lie between %g and %g."), range_min, range_max);
      else
        FAIL (_("The level cannot be below %g."), range_min);
    }

  if (isfinite (range_max) && rule->hysteresis >= range_max - range_min)
    FAIL (_("The hysteresis (%g) must be smaller than the range of the level (%g to %g)."),
          rule->hysteresis, range_min, range_max);

  if (rule->dwell_seconds < 0)
    FAIL ("%s", _("The dwell time cannot be negative."));

  if (rule->cooldown_seconds < 0)
    FAIL ("%s", _("The cooldown cannot be negative."));

  if (rule->escalation_seconds < 0)
    FAIL ("%s", _("The escalation timeout cannot be negative."));

  if (rule->escalation_seconds > 0 && rule->escalation_severity <= rule->severity)
    FAIL ("%s", _("An alert can only escalate to a higher severity."));

  switch (rule->scope)
    {
    case SC_ALERT_SCOPE_KPI:
      if (rule->scope_kpi_id <= 0)
        FAIL ("%s", _("Choose the KPI the rule applies to."));
      break;

    case SC_ALERT_SCOPE_DEPARTMENT:
      {
        ScDepartment department;

        if (!sc_department_from_key (rule->scope_department, &department))
          FAIL ("%s", _("Choose the department the rule applies to."));
      }
      break;

    case SC_ALERT_SCOPE_GROUP:
      if (rule->scope_group_id <= 0)
        FAIL ("%s", _("Choose the report group the rule applies to."));
      break;

    case SC_ALERT_SCOPE_ALL:
    default:
      break;
    }

  if (rule->has_quiet_hours)
    {
      if (rule->quiet_start_hour < 0 || rule->quiet_start_hour > 23 ||
          rule->quiet_end_hour < 0 || rule->quiet_end_hour > 23)
        FAIL ("%s", _("Quiet hours must start and end at an hour from 0 to 23."));

      if (rule->quiet_start_hour == rule->quiet_end_hour)
        FAIL ("%s", _("Quiet hours must not start and end at the same hour."));

      if (rule->quiet_tz != NULL && *rule->quiet_tz != '\0')
        {
          g_autoptr(GTimeZone) tz = lookup_time_zone (rule->quiet_tz);

          if (tz == NULL)
            FAIL (_("Unknown time zone “%s”."), rule->quiet_tz);
        }
    }

#undef FAIL

  return TRUE;
}

/**
 * sc_alert_rule_matches_kpi:
 * @rule: a rule
 * @kpi_id: the KPI's id
 * @department: (nullable): the KPI's department key
 * @group_id: the id of the KPI's report group, 0 for none
 *
 * Returns: whether @rule applies to the KPI
 */
gboolean
sc_alert_rule_matches_kpi (const ScAlertRule *rule,
                           gint64             kpi_id,
                           const char        *department,
                           gint64             group_id)
{
  g_return_val_if_fail (rule != NULL, FALSE);

  switch (rule->scope)
    {
    case SC_ALERT_SCOPE_ALL:
      return TRUE;

    case SC_ALERT_SCOPE_KPI:
      return rule->scope_kpi_id > 0 && rule->scope_kpi_id == kpi_id;

    case SC_ALERT_SCOPE_DEPARTMENT:
      return department != NULL && rule->scope_department != NULL &&
             g_str_equal (department, rule->scope_department);

    case SC_ALERT_SCOPE_GROUP:
      return rule->scope_group_id > 0 && rule->scope_group_id == group_id;

    default:
      return FALSE;
    }
}

/**
 * sc_alert_rule_is_quiet:
 * @rule: a rule
 * @now: the current time, Unix seconds UTC
 *
 * Whether @now falls in the rule's quiet hours, in the rule's time zone
 * (the local one when it has none or an unknown one).
 *
 * Returns: %TRUE during quiet hours
 */
gboolean
sc_alert_rule_is_quiet (const ScAlertRule *rule,
                        gint64             now)
{
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (rule != NULL, FALSE);

  if (!rule->has_quiet_hours)
    return FALSE;

  tz = lookup_time_zone (rule->quiet_tz);
  if (tz == NULL)
    tz = g_time_zone_new_local ();

  utc = g_date_time_new_from_unix_utc (now);
  if (utc == NULL)
    return FALSE;
  local = g_date_time_to_timezone (utc, tz);
  if (local == NULL)
    return FALSE;

  return hour_in_window (g_date_time_get_hour (local),
                         rule->quiet_start_hour,
                         rule->quiet_end_hour);
}
