/* sc-alert-run.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "sc-alert-engine.h"
#include "sc-store.h"

G_BEGIN_DECLS

/**
 * ScAlertRunReport:
 * @rules: enabled rules evaluated
 * @evaluated: (rule, KPI) pairs evaluated
 * @analysed: KPIs whose history was analysed (for trend, anomaly and
 *   risk rules)
 * @events: alert events recorded (fired, escalated, resolved)
 * @counts: events by severity
 * @digest: (nullable): one sentence for all the events, as a notification
 *   shows them, or %NULL when none happened
 */
typedef struct
{
  guint  rules;
  guint  evaluated;
  guint  analysed;
  guint  events;
  guint  counts[SC_ALERT_N_SEVERITIES];
  char  *digest;
} ScAlertRunReport;

gboolean  sc_alert_run              (ScStore           *store,
                                     gint64             now,
                                     GTimeZone         *tz,
                                     ScAlertRunReport  *report,
                                     GError           **error);
void      sc_alert_run_report_clear (ScAlertRunReport  *report);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ScAlertRunReport, sc_alert_run_report_clear)

G_END_DECLS
