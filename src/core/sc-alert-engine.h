/* sc-alert-engine.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "sc-alert-rules.h"
#include "sc-kpi-analysis.h"
#include "sc-store.h"
#include "sc-types.h"

G_BEGIN_DECLS

/**
 * ScAlertStatus:
 * @SC_ALERT_STATUS_NORMAL: the condition does not hold
 * @SC_ALERT_STATUS_PENDING: the condition holds, the dwell is not over yet
 * @SC_ALERT_STATUS_FIRING: an alert is open and not acknowledged
 * @SC_ALERT_STATUS_ACKNOWLEDGED: an alert is open and acknowledged
 * @SC_ALERT_STATUS_RESOLVED: the last alert resolved; the cooldown may
 *   still run
 *
 * Where one rule stands for one KPI.
 */
typedef enum
{
  SC_ALERT_STATUS_NORMAL,
  SC_ALERT_STATUS_PENDING,
  SC_ALERT_STATUS_FIRING,
  SC_ALERT_STATUS_ACKNOWLEDGED,
  SC_ALERT_STATUS_RESOLVED,
} ScAlertStatus;

/**
 * ScAlertEventType:
 * @SC_ALERT_EVENT_NONE: nothing happened
 * @SC_ALERT_EVENT_FIRED: a new alert opened
 * @SC_ALERT_EVENT_ESCALATED: an open alert was not acknowledged in time
 *   and went up one severity level
 * @SC_ALERT_EVENT_RESOLVED: the KPI recovered and the alert closed
 *
 * What sc_alert_evaluate() reports.
 */
typedef enum
{
  SC_ALERT_EVENT_NONE,
  SC_ALERT_EVENT_FIRED,
  SC_ALERT_EVENT_ESCALATED,
  SC_ALERT_EVENT_RESOLVED,
} ScAlertEventType;

/**
 * ScAlertInput:
 * @kpi_id: the KPI's id
 * @kpi_name: (nullable): its name, for the message
 * @has_value: whether the KPI has a latest value
 * @value: the latest value
 * @target: the KPI's target
 * @target_type: how the target is measured
 * @direction: whether higher values are better
 * @has_baseline: whether @baseline is set
 * @baseline: the value of the same weekday one week earlier, see
 *   sc_alert_baseline_same_weekday()
 * @has_trend: whether @trend is set
 * @trend: the 30-day change in percent (#ScTrendSummary.month.percent)
 * @has_band: whether @lower95 and @upper95 are set
 * @lower95: the lower bound of the forecast's 95 % band for the latest
 *   value
 * @upper95: its upper bound
 * @has_probability: whether @probability_target is set
 * @probability_target: the probability of meeting the target by the end
 *   of the period, 0–1 (#ScForecast.probability_target)
 *
 * The numbers one evaluation looks at. Initialise with
 * sc_alert_input_init(); the strings are borrowed.
 */
typedef struct
{
  gint64        kpi_id;
  const char   *kpi_name;
  gboolean      has_value;
  double        value;
  double        target;
  ScTargetType  target_type;
  ScDirection   direction;
  gboolean      has_baseline;
  double        baseline;
  gboolean      has_trend;
  double        trend;
  gboolean      has_band;
  double        lower95;
  double        upper95;
  gboolean      has_probability;
  double        probability_target;
} ScAlertInput;

/**
 * ScAlertState:
 * @status: where the rule stands for the KPI
 * @severity: the severity of the open alert, escalations included
 * @incident: how many alerts this rule has fired for the KPI
 * @pending_since: when the condition started to hold, if pending
 * @pending_samples: how many samples met the condition since then
 * @fired_at: when the open or last alert fired
 * @escalated_at: when it last escalated, or fired
 * @acknowledged_at: when it was acknowledged, 0 if not
 * @resolved_at: when the last alert resolved, 0 if never
 * @snoozed_until: no alert fires or escalates before then; 0 for none
 * @comment: (nullable): the comment of the last acknowledgement or snooze
 * @last_metric: the number the rule last compared
 *
 * What the engine remembers about one rule and one KPI between two
 * evaluations. The caller keeps it, e.g. in the database. Initialise with
 * sc_alert_state_init() and free the comment with sc_alert_state_clear().
 */
typedef struct
{
  ScAlertStatus    status;
  ScAlertSeverity  severity;
  guint            incident;
  gint64           pending_since;
  guint            pending_samples;
  gint64           fired_at;
  gint64           escalated_at;
  gint64           acknowledged_at;
  gint64           resolved_at;
  gint64           snoozed_until;
  char            *comment;
  double           last_metric;
} ScAlertState;

/**
 * ScAlertEvent:
 * @type: what happened
 * @rule_id: the rule's id
 * @rule_name: (nullable): its name
 * @rule_type: its type
 * @kpi_id: the KPI's id
 * @kpi_name: (nullable): the KPI's name
 * @time: when it happened
 * @severity: the alert's severity after the event
 * @previous_severity: before it (differs for escalations)
 * @quiet: the event happened in the rule's quiet hours: record it, do not
 *   notify
 * @incident: the alert's number for this rule and KPI, from 1
 * @metric: the number compared with @level: the value, the achievement or
 *   change in percent, the 30-day change, the probability in percent
 * @value: the KPI's latest value
 * @has_baseline: whether @baseline is set
 * @baseline: the value the change was measured against
 * @has_band: whether @lower95 and @upper95 are set
 * @lower95: the forecast band's lower bound
 * @upper95: its upper bound
 * @level: the rule's level
 * @clear_level: the number past which the alert resolves
 * @message: (nullable): a translated sentence saying what happened and why
 *
 * An alert event, carrying the numbers that caused it. Free the strings
 * with sc_alert_event_clear().
 */
typedef struct
{
  ScAlertEventType  type;
  gint64            rule_id;
  char             *rule_name;
  ScAlertType       rule_type;
  gint64            kpi_id;
  char             *kpi_name;
  gint64            time;
  ScAlertSeverity   severity;
  ScAlertSeverity   previous_severity;
  gboolean          quiet;
  guint             incident;
  double            metric;
  double            value;
  gboolean          has_baseline;
  double            baseline;
  gboolean          has_band;
  double            lower95;
  double            upper95;
  double            level;
  double            clear_level;
  char             *message;
} ScAlertEvent;

void         sc_alert_input_init             (ScAlertInput         *input);
void         sc_alert_input_from_analysis    (ScAlertInput         *input,
                                              const ScKpiAnalysis  *analysis);
gboolean     sc_alert_baseline_same_weekday  (const ScHistoryPoint *history,
                                              gsize                 n,
                                              gint64                at,
                                              GTimeZone            *tz,
                                              double               *baseline);

void         sc_alert_state_init             (ScAlertState         *state);
void         sc_alert_state_clear            (ScAlertState         *state);

void         sc_alert_event_clear            (ScAlertEvent         *event);
void         sc_alert_event_copy             (const ScAlertEvent   *event,
                                              ScAlertEvent         *copy);

gboolean     sc_alert_evaluate               (const ScAlertRule    *rule,
                                              const ScAlertInput   *input,
                                              ScAlertState         *state,
                                              gint64                now,
                                              ScAlertEvent         *event_out);
gboolean     sc_alert_acknowledge            (ScAlertState         *state,
                                              gint64                now,
                                              const char           *comment);
gboolean     sc_alert_snooze                 (ScAlertState         *state,
                                              gint64                until,
                                              const char           *comment);

char        *sc_alert_digest                 (const ScAlertEvent   *events,
                                              gsize                 n,
                                              guint                 counts[SC_ALERT_N_SEVERITIES]);

GArray      *sc_alert_preview                (const ScAlertRule    *rule,
                                              const ScHistoryPoint *history,
                                              gsize                 n,
                                              const ScKpiFacts     *facts,
                                              GTimeZone            *tz);

const char  *sc_alert_status_to_key          (ScAlertStatus         value);
gboolean     sc_alert_status_from_key        (const char           *key,
                                              ScAlertStatus        *value);
const char  *sc_alert_event_type_to_key      (ScAlertEventType      value);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ScAlertState, sc_alert_state_clear)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ScAlertEvent, sc_alert_event_clear)

G_END_DECLS
