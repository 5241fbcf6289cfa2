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
 * @digest: (nullable): one sentence for all the events, or %NULL when none
 *   happened
 * @notify_counts: alerts that fired or escalated outside their rules'
 *   quiet hours, by severity
 * @notify_digest: (nullable): the sentence for the events outside quiet
 *   hours, as a desktop notification shows them; %NULL when all were quiet
 */
typedef struct
{
  guint  rules;
  guint  evaluated;
  guint  analysed;
  guint  events;
  guint  counts[SC_ALERT_N_SEVERITIES];
  char  *digest;
  guint  notify_counts[SC_ALERT_N_SEVERITIES];
  char  *notify_digest;
} ScAlertRunReport;

gboolean  sc_alert_run              (ScStore           *store,
                                     gint64             now,
                                     GTimeZone         *tz,
                                     ScAlertRunReport  *report,
                                     GError           **error);
void      sc_alert_run_report_clear (ScAlertRunReport  *report);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ScAlertRunReport, sc_alert_run_report_clear)

G_END_DECLS
