/* sc-submission-private.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-submission.h"

G_BEGIN_DECLS

struct _ScSubmission
{
  GObject      parent_instance;

  gint64       id;
  gint64       odoo_id;
  gint64       kpi_id;
  char        *user_login;
  char        *user_name;
  double       value;
  gint64       date;
  char        *note;
  double       achievement;
  ScSyncState  sync_state;
};

ScSubmission *_sc_submission_new (void);

G_END_DECLS
