/* sc-submission.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-submission"

#include "config.h"

#include "sc-enums.h"
#include "sc-submission-private.h"

G_DEFINE_FINAL_TYPE (ScSubmission, sc_submission, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KPI_ID,
  PROP_USER_NAME,
  PROP_VALUE,
  PROP_DATE,
  PROP_NOTE,
  PROP_ACHIEVEMENT,
  PROP_SYNC_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sc_submission_finalize (GObject *object)
{
  ScSubmission *self = (ScSubmission *)object;

  g_clear_pointer (&self->user_login, g_free);
  g_clear_pointer (&self->user_name, g_free);
  g_clear_pointer (&self->note, g_free);

  G_OBJECT_CLASS (sc_submission_parent_class)->finalize (object);
}

static void
sc_submission_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ScSubmission *self = SC_SUBMISSION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_KPI_ID:
      g_value_set_int64 (value, self->kpi_id);
      break;
    case PROP_USER_NAME:
      g_value_set_string (value, self->user_name);
      break;
    case PROP_VALUE:
      g_value_set_double (value, self->value);
      break;
    case PROP_DATE:
      g_value_set_int64 (value, self->date);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    case PROP_ACHIEVEMENT:
      g_value_set_double (value, self->achievement);
      break;
    case PROP_SYNC_STATE:
      g_value_set_enum (value, self->sync_state);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_submission_class_init (ScSubmissionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sc_submission_finalize;
  object_class->get_property = sc_submission_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_KPI_ID] = g_param_spec_int64 ("kpi-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_USER_NAME] = g_param_spec_string ("user-name", NULL, NULL, NULL, flags);
  properties[PROP_VALUE] =
    g_param_spec_double ("value", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
  properties[PROP_DATE] =
    g_param_spec_int64 ("date", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, flags);
  properties[PROP_ACHIEVEMENT] =
    g_param_spec_double ("achievement", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
  properties[PROP_SYNC_STATE] =
    g_param_spec_enum ("sync-state", NULL, NULL, SC_TYPE_SYNC_STATE, SC_SYNC_STATE_LOCAL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sc_submission_init (ScSubmission *self)
{
}

ScSubmission *
_sc_submission_new (void)
{
  return g_object_new (SC_TYPE_SUBMISSION, NULL);
}

gint64
sc_submission_get_id (ScSubmission *self)
{
  g_return_val_if_fail (SC_IS_SUBMISSION (self), 0);
  return self->id;
}

gint64
sc_submission_get_odoo_id (ScSubmission *self)
{
  g_return_val_if_fail (SC_IS_SUBMISSION (self), 0);
  return self->odoo_id;
}

gint64
sc_submission_get_kpi_id (ScSubmission *self)
{
  g_return_val_if_fail (SC_IS_SUBMISSION (self), 0);
  return self->kpi_id;
}

/**
 * sc_submission_get_user_login:
 * @self: a #ScSubmission
 *
 * Returns: (nullable): the login of the user the value was submitted for
 */
const char *
sc_submission_get_user_login (ScSubmission *self)
{
  g_return_val_if_fail (SC_IS_SUBMISSION (self), NULL);
  return self->user_login;
}

/**
 * sc_submission_get_user_name:
 * @self: a #ScSubmission
 *
 * Returns: (nullable): the display name of that user
 */
const char *
sc_submission_get_user_name (ScSubmission *self)
{
  g_return_val_if_fail (SC_IS_SUBMISSION (self), NULL);
  return self->user_name;
}

double
sc_submission_get_value (ScSubmission *self)
{
  g_return_val_if_fail (SC_IS_SUBMISSION (self), 0);
  return self->value;
}

gint64
sc_submission_get_date (ScSubmission *self)
{
  g_return_val_if_fail (SC_IS_SUBMISSION (self), 0);
  return self->date;
}

const char *
sc_submission_get_note (ScSubmission *self)
{
  g_return_val_if_fail (SC_IS_SUBMISSION (self), NULL);
  return self->note;
}

/**
 * sc_submission_get_achievement:
 * @self: a #ScSubmission
 *
 * Returns: the achievement of this value against the KPI's current target,
 *   which is how the addon judges history too
 */
double
sc_submission_get_achievement (ScSubmission *self)
{
  g_return_val_if_fail (SC_IS_SUBMISSION (self), 0);
  return self->achievement;
}

ScSyncState
sc_submission_get_sync_state (ScSubmission *self)
{
  g_return_val_if_fail (SC_IS_SUBMISSION (self), SC_SYNC_STATE_LOCAL);
  return self->sync_state;
}
