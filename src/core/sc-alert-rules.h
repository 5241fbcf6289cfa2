/* sc-alert-rules.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "sc-types.h"

G_BEGIN_DECLS

#define SC_ALERT_ERROR (sc_alert_error_quark ())

/**
 * ScAlertError:
 * @SC_ALERT_ERROR_INVALID: a rule is not valid; the message says why
 *
 * Errors of the alert functions.
 */
typedef enum
{
  SC_ALERT_ERROR_INVALID,
} ScAlertError;

GQuark        sc_alert_error_quark            (void);

/**
 * ScAlertType:
 * @SC_ALERT_TYPE_THRESHOLD: the value, the achievement or the change
 *   against a baseline crosses a level
 * @SC_ALERT_TYPE_TREND: the 30-day change, in percent, crosses a level
 * @SC_ALERT_TYPE_ANOMALY: the latest value lies outside the forecast's
 *   95 % band
 * @SC_ALERT_TYPE_TARGET_RISK: the probability of meeting the target by the
 *   end of the period, in percent, crosses a level
 *
 * What a rule watches.
 */
typedef enum
{
  SC_ALERT_TYPE_THRESHOLD,
  SC_ALERT_TYPE_TREND,
  SC_ALERT_TYPE_ANOMALY,
  SC_ALERT_TYPE_TARGET_RISK,
} ScAlertType;

/**
 * ScAlertMetric:
 * @SC_ALERT_METRIC_VALUE: the KPI's value, in its unit
 * @SC_ALERT_METRIC_ACHIEVEMENT: its achievement, in percent of target
 *
 * What a threshold rule compares.
 */
typedef enum
{
  SC_ALERT_METRIC_VALUE,
  SC_ALERT_METRIC_ACHIEVEMENT,
} ScAlertMetric;

/**
 * ScAlertBaseline:
 * @SC_ALERT_BASELINE_NONE: the level is absolute
 * @SC_ALERT_BASELINE_SAME_WEEKDAY: the level is a change in percent
 *   against the value of the same weekday one week earlier
 *
 * What a threshold rule's level is relative to.
 */
typedef enum
{
  SC_ALERT_BASELINE_NONE,
  SC_ALERT_BASELINE_SAME_WEEKDAY,
} ScAlertBaseline;

/**
 * ScAlertComparison:
 * @SC_ALERT_COMPARISON_ABOVE: the condition holds above the level (for
 *   anomalies: above the band)
 * @SC_ALERT_COMPARISON_BELOW: the condition holds below the level (for
 *   anomalies: below the band)
 * @SC_ALERT_COMPARISON_OUTSIDE: anomalies only: on either side of the band
 *
 * On which side of the level a rule fires.
 */
typedef enum
{
  SC_ALERT_COMPARISON_ABOVE,
  SC_ALERT_COMPARISON_BELOW,
  SC_ALERT_COMPARISON_OUTSIDE,
} ScAlertComparison;

/**
 * ScAlertSeverity:
 * @SC_ALERT_SEVERITY_INFO: for information
 * @SC_ALERT_SEVERITY_WARNING: needs a look
 * @SC_ALERT_SEVERITY_CRITICAL: needs action
 * @SC_ALERT_SEVERITY_URGENT: needs action now
 *
 * How serious an alert is, in increasing order.
 */
typedef enum
{
  SC_ALERT_SEVERITY_INFO,
  SC_ALERT_SEVERITY_WARNING,
  SC_ALERT_SEVERITY_CRITICAL,
  SC_ALERT_SEVERITY_URGENT,
} ScAlertSeverity;

#define SC_ALERT_N_SEVERITIES 4

/**
 * ScAlertScope:
 * @SC_ALERT_SCOPE_ALL: every KPI
 * @SC_ALERT_SCOPE_KPI: one KPI, #ScAlertRule.scope_kpi_id
 * @SC_ALERT_SCOPE_DEPARTMENT: the KPIs of one department,
 *   #ScAlertRule.scope_department
 * @SC_ALERT_SCOPE_GROUP: the KPIs of one report group,
 *   #ScAlertRule.scope_group_id
 *
 * Which KPIs a rule applies to.
 */
typedef enum
{
  SC_ALERT_SCOPE_ALL,
  SC_ALERT_SCOPE_KPI,
  SC_ALERT_SCOPE_DEPARTMENT,
  SC_ALERT_SCOPE_GROUP,
} ScAlertScope;

/**
 * ScAlertRule:
 * @id: the rule's id, 0 when not stored yet
 * @name: its name, shown in every alert it raises
 * @type: what it watches
 * @metric: thresholds: the value or the achievement
 * @baseline: thresholds: whether @level is absolute or a change in percent
 *   against a baseline
 * @comparison: on which side of @level the rule fires
 * @level: the line: a value, an achievement or a change in percent, a
 *   30-day change in percent (trend) or a probability in percent (target
 *   risk); unused for anomalies
 * @hysteresis: how far back past @level (for anomalies: inside the band)
 *   the watched number must come for the alert to resolve, ≥ 0, in the
 *   unit of @level
 * @dwell_seconds: how long the condition must hold before the alert fires
 * @dwell_samples: how many samples must meet the condition before the
 *   alert fires; 0 and 1 both mean the first one fires
 * @severity: the severity an alert starts with
 * @scope: which KPIs the rule applies to
 * @scope_kpi_id: for %SC_ALERT_SCOPE_KPI
 * @scope_department: for %SC_ALERT_SCOPE_DEPARTMENT, a department key
 *   (see sc_department_to_key())
 * @scope_group_id: for %SC_ALERT_SCOPE_GROUP
 * @cooldown_seconds: after an alert resolves, how long the rule stays
 *   silent for the same KPI
 * @has_quiet_hours: whether @quiet_start_hour and @quiet_end_hour apply
 * @quiet_start_hour: local hour, 0–23, at which quiet hours begin
 * @quiet_end_hour: local hour, 0–23, at which they end; before
 *   @quiet_start_hour when they span midnight
 * @quiet_tz: (nullable): the IANA time zone of the quiet hours, %NULL for
 *   the local one
 * @escalation_seconds: how long an alert may stay unacknowledged before it
 *   escalates one severity level; 0 for never
 * @escalation_severity: the highest severity escalation goes to
 *
 * An alert rule. Initialise with sc_alert_rule_init(); the strings are
 * owned by the struct and freed by sc_alert_rule_clear().
 */
typedef struct
{
  gint64             id;
  char              *name;
  ScAlertType        type;
  ScAlertMetric      metric;
  ScAlertBaseline    baseline;
  ScAlertComparison  comparison;
  double             level;
  double             hysteresis;
  gint64             dwell_seconds;
  guint              dwell_samples;
  ScAlertSeverity    severity;
  ScAlertScope       scope;
  gint64             scope_kpi_id;
  char              *scope_department;
  gint64             scope_group_id;
  gint64             cooldown_seconds;
  gboolean           has_quiet_hours;
  int                quiet_start_hour;
  int                quiet_end_hour;
  char              *quiet_tz;
  gint64             escalation_seconds;
  ScAlertSeverity    escalation_severity;
} ScAlertRule;

void          sc_alert_rule_init              (ScAlertRule       *rule);
void          sc_alert_rule_clear             (ScAlertRule       *rule);
ScAlertRule  *sc_alert_rule_new               (const char        *name);
ScAlertRule  *sc_alert_rule_copy              (const ScAlertRule *rule);
void          sc_alert_rule_free              (ScAlertRule       *rule);

gboolean      sc_alert_rule_validate          (const ScAlertRule *rule,
                                               GError           **error);
gboolean      sc_alert_rule_matches_kpi       (const ScAlertRule *rule,
                                               gint64             kpi_id,
                                               const char        *department,
                                               gint64             group_id);
gboolean      sc_alert_rule_is_quiet          (const ScAlertRule *rule,
                                               gint64             now);

const char   *sc_alert_type_to_key            (ScAlertType        value);
gboolean      sc_alert_type_from_key          (const char        *key,
                                               ScAlertType       *value);
const char   *sc_alert_type_label             (ScAlertType        value);

const char   *sc_alert_metric_to_key          (ScAlertMetric      value);
gboolean      sc_alert_metric_from_key        (const char        *key,
                                               ScAlertMetric     *value);

const char   *sc_alert_baseline_to_key        (ScAlertBaseline    value);
gboolean      sc_alert_baseline_from_key      (const char        *key,
                                               ScAlertBaseline   *value);

const char   *sc_alert_comparison_to_key      (ScAlertComparison  value);
gboolean      sc_alert_comparison_from_key    (const char        *key,
                                               ScAlertComparison *value);

const char   *sc_alert_severity_to_key        (ScAlertSeverity    value);
gboolean      sc_alert_severity_from_key      (const char        *key,
                                               ScAlertSeverity   *value);
const char   *sc_alert_severity_label         (ScAlertSeverity    value);

const char   *sc_alert_scope_to_key           (ScAlertScope       value);
gboolean      sc_alert_scope_from_key         (const char        *key,
                                               ScAlertScope      *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScAlertRule, sc_alert_rule_free)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ScAlertRule, sc_alert_rule_clear)

G_END_DECLS
