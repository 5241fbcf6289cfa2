/* sc-submission.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "sc-types.h"

G_BEGIN_DECLS

#define SC_TYPE_SUBMISSION (sc_submission_get_type ())

G_DECLARE_FINAL_TYPE (ScSubmission, sc_submission, SC, SUBMISSION, GObject)

gint64       sc_submission_get_id          (ScSubmission *self);
gint64       sc_submission_get_odoo_id     (ScSubmission *self);
gint64       sc_submission_get_kpi_id      (ScSubmission *self);
const char  *sc_submission_get_user_login  (ScSubmission *self);
const char  *sc_submission_get_user_name   (ScSubmission *self);
double       sc_submission_get_value       (ScSubmission *self);
gint64       sc_submission_get_date        (ScSubmission *self);
const char  *sc_submission_get_note        (ScSubmission *self);
double       sc_submission_get_achievement (ScSubmission *self);
ScSyncState  sc_submission_get_sync_state  (ScSubmission *self);

G_END_DECLS
