/* test-alert-engine.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "sc-alert-engine.h"

#define HOUR 3600
#define DAY  (24 * HOUR)

/* 2026-01-15 12:00:00 UTC, a Thursday */
#define T0 G_GINT64_CONSTANT (1768478400)

/* Auxiliary methods */

static ScAlertRule *
make_rule (void)
{
  ScAlertRule *rule = sc_alert_rule_new ("Revenue low");

  rule->id = 1;
  rule->type = SC_ALERT_TYPE_THRESHOLD;
  rule->comparison = SC_ALERT_COMPARISON_BELOW;
  rule->level = 100;
  rule->hysteresis = 5;
  rule->cooldown_seconds = 0;
  g_assert_true (sc_alert_rule_validate (rule, NULL));

  return rule;
}

static ScAlertInput
value_input (double value)
{
  ScAlertInput input;

  sc_alert_input_init (&input);
  input.kpi_id = 7;
  input.kpi_name = "Revenue";
  input.has_value = TRUE;
  input.value = value;
  input.target = 100;

  return input;
}

/* Evaluates and returns the event type, clearing the event. */
static ScAlertEventType
step (const ScAlertRule  *rule,
      const ScAlertInput *input,
      ScAlertState       *state,
      gint64              now)
{
  g_auto(ScAlertEvent) event;

  if (!sc_alert_evaluate (rule, input, state, now, &event))
    {
      g_assert_cmpint (event.type, ==, SC_ALERT_EVENT_NONE);
      return SC_ALERT_EVENT_NONE;
    }

  g_assert_cmpint (event.type, !=, SC_ALERT_EVENT_NONE);
  g_assert_nonnull (event.message);
  g_assert_cmpstr (event.rule_name, ==, rule->name);
  g_assert_cmpint (event.time, ==, now);

  return event.type;
}

static ScAlertEventType
step_value (const ScAlertRule *rule,
            double             value,
            ScAlertState      *state,
            gint64             now)
{
  ScAlertInput input = value_input (value);

  return step (rule, &input, state, now);
}

/* Tests */

static void
test_hover_fires_once (void)
{
  g_autoptr(ScAlertRule) rule = make_rule ();
  g_auto(ScAlertState) state;
  /* Noise of less than the hysteresis around the line, then recovery. */
  const double values[] = { 104, 99, 101, 99.5, 102, 98, 103, 99, 100, 97.5, 104.9, 103, 106, 104, 101, 107 };
  guint fired = 0, resolved = 0, other = 0;
  gint64 now = T0;

  sc_alert_state_init (&state);

  for (guint i = 0; i < G_N_ELEMENTS (values); i++, now += HOUR)
    {
      switch (step_value (rule, values[i], &state, now))
        {
        case SC_ALERT_EVENT_FIRED:
          g_assert_cmpuint (i, ==, 1);
          fired++;
          break;
        case SC_ALERT_EVENT_RESOLVED:
          g_assert_cmpuint (i, ==, 12);
          resolved++;
          break;
        case SC_ALERT_EVENT_NONE:
          break;
        default:
          other++;
        }
    }

  g_assert_cmpuint (fired, ==, 1);
  g_assert_cmpuint (resolved, ==, 1);
  g_assert_cmpuint (other, ==, 0);
  g_assert_cmpint (state.status, ==, SC_ALERT_STATUS_RESOLVED);
  g_assert_cmpuint (state.incident, ==, 1);
  g_assert_cmpint (state.resolved_at, ==, T0 + 12 * HOUR);
}

static void
test_event_numbers (void)
{
  g_autoptr(ScAlertRule) rule = make_rule ();
  g_auto(ScAlertState) state;
  g_auto(ScAlertEvent) event;
  ScAlertInput input = value_input (72);

  rule->metric = SC_ALERT_METRIC_ACHIEVEMENT;
  rule->level = 80;
  rule->severity = SC_ALERT_SEVERITY_CRITICAL;
  sc_alert_state_init (&state);

  g_assert_true (sc_alert_evaluate (rule, &input, &state, T0, &event));
  g_assert_cmpint (event.type, ==, SC_ALERT_EVENT_FIRED);
  g_assert_cmpstr (event.message, ==,
                   "Revenue fell below 80 % of target (72 %, rule “Revenue low”)");
  g_assert_cmpfloat (event.metric, ==, 72);
  g_assert_cmpfloat (event.value, ==, 72);
  g_assert_cmpfloat (event.level, ==, 80);
  g_assert_cmpfloat (event.clear_level, ==, 85);
  g_assert_cmpint (event.severity, ==, SC_ALERT_SEVERITY_CRITICAL);
  g_assert_cmpint (event.kpi_id, ==, 7);
  g_assert_cmpstr (event.kpi_name, ==, "Revenue");
  g_assert_cmpint (event.rule_id, ==, 1);
  g_assert_cmpuint (event.incident, ==, 1);
  g_assert_false (event.quiet);
  g_assert_false (event.has_baseline);
  g_assert_false (event.has_band);

  {
    g_auto(ScAlertEvent) copy;

    sc_alert_event_copy (&event, &copy);
    g_assert_cmpstr (copy.message, ==, event.message);
    g_assert_true (copy.message != event.message);
  }

  /* Plain value, above */
  {
    g_autoptr(ScAlertRule) above = make_rule ();
    g_auto(ScAlertState) s2;
    g_auto(ScAlertEvent) e2;
    ScAlertInput high = value_input (1250.5);

    above->comparison = SC_ALERT_COMPARISON_ABOVE;
    above->level = 1000;
    sc_alert_state_init (&s2);
    g_assert_true (sc_alert_evaluate (above, &high, &s2, T0, &e2));
    g_assert_cmpstr (e2.message, ==, "Revenue rose above 1000 (1250.5, rule “Revenue low”)");
  }
}

static void
test_dwell (void)
{
  g_autoptr(ScAlertRule) rule = make_rule ();
  g_auto(ScAlertState) state;

  /* By samples: dead-band samples neither count nor reset. */
  rule->dwell_samples = 3;
  sc_alert_state_init (&state);
  g_assert_cmpint (step_value (rule, 95, &state, T0), ==, SC_ALERT_EVENT_NONE);
  g_assert_cmpint (state.status, ==, SC_ALERT_STATUS_PENDING);
  g_assert_cmpint (step_value (rule, 101, &state, T0 + 1), ==, SC_ALERT_EVENT_NONE);
  g_assert_cmpint (step_value (rule, 95, &state, T0 + 2), ==, SC_ALERT_EVENT_NONE);
  g_assert_cmpuint (state.pending_samples, ==, 2);
  g_assert_cmpint (step_value (rule, 95, &state, T0 + 3), ==, SC_ALERT_EVENT_FIRED);
  g_assert_cmpint (state.status, ==, SC_ALERT_STATUS_FIRING);

  /* Recovering while pending resets the count. */
  sc_alert_state_clear (&state);
  g_assert_cmpint (step_value (rule, 95, &state, T0), ==, SC_ALERT_EVENT_NONE);
  g_assert_cmpint (step_value (rule, 95, &state, T0 + 1), ==, SC_ALERT_EVENT_NONE);
  g_assert_cmpint (step_value (rule, 106, &state, T0 + 2), ==, SC_ALERT_EVENT_NONE);
  g_assert_cmpint (state.status, ==, SC_ALERT_STATUS_NORMAL);
  g_assert_cmpint (step_value (rule, 95, &state, T0 + 3), ==, SC_ALERT_EVENT_NONE);
  g_assert_cmpint (step_value (rule, 95, &state, T0 + 4), ==, SC_ALERT_EVENT_NONE);
  g_assert_cmpint (step_value (rule, 95, &state, T0 + 5), ==, SC_ALERT_EVENT_FIRED);

  /* By time */
  rule->dwell_samples = 0;
  rule->dwell_seconds = HOUR;
  sc_alert_state_clear (&state);
  g_assert_cmpint (step_value (rule, 95, &state, T0), ==, SC_ALERT_EVENT_NONE);
  g_assert_cmpint (step_value (rule, 95, &state, T0 + 30 * 60), ==, SC_ALERT_EVENT_NONE);
  g_assert_cmpint (step_value (rule, 95, &state, T0 + HOUR - 1), ==, SC_ALERT_EVENT_NONE);
  g_assert_cmpint (state.status, ==, SC_ALERT_STATUS_PENDING);
  g_assert_cmpint (step_value (rule, 95, &state, T0 + HOUR), ==, SC_ALERT_EVENT_FIRED);
  g_assert_cmpint (state.fired_at, ==, T0 + HOUR);

  /* Missing data holds the state. */
  {
    ScAlertInput empty = value_input (0);

    empty.has_value = FALSE;
    g_assert_cmpint (step (rule, &empty, &state, T0 + 2 * HOUR), ==, SC_ALERT_EVENT_NONE);
    g_assert_cmpint (state.status, ==, SC_ALERT_STATUS_FIRING);
  }
}

static void
test_cooldown (void)
{
  g_autoptr(ScAlertRule) rule = make_rule ();
  g_auto(ScAlertState) state;

  rule->cooldown_seconds = HOUR;
  sc_alert_state_init (&state);

  g_assert_cmpint (step_value (rule, 90, &state, T0), ==, SC_ALERT_EVENT_FIRED);
  g_assert_cmpint (step_value (rule, 90, &state, T0 + 60), ==, SC_ALERT_EVENT_NONE);
  g_assert_cmpint (step_value (rule, 110, &state, T0 + 600), ==, SC_ALERT_EVENT_RESOLVED);
  /* Breaks the line again right away: silent during the cooldown */
  g_assert_cmpint (step_value (rule, 90, &state, T0 + 660), ==, SC_ALERT_EVENT_NONE);
  g_assert_cmpint (step_value (rule, 90, &state, T0 + 600 + HOUR - 1), ==, SC_ALERT_EVENT_NONE);
  g_assert_cmpint (state.status, ==, SC_ALERT_STATUS_RESOLVED);
  g_assert_cmpint (step_value (rule, 90, &state, T0 + 600 + HOUR), ==, SC_ALERT_EVENT_FIRED);
  g_assert_cmpuint (state.incident, ==, 2);
}

static void
test_quiet_hours (void)
{
  g_autoptr(ScAlertRule) rule = make_rule ();
  g_auto(ScAlertState) state;
  ScAlertInput low = value_input (90);
  ScAlertInput high = value_input (110);
  /* 2026-01-15 22:30 UTC = 23:30 in Berlin */
  gint64 night = T0 + 10 * HOUR + 30 * 60;

  rule->has_quiet_hours = TRUE;
  rule->quiet_start_hour = 22;
  rule->quiet_end_hour = 7;
  rule->quiet_tz = g_strdup ("Europe/Berlin");
  sc_alert_state_init (&state);

  {
    g_auto(ScAlertEvent) event;

    g_assert_true (sc_alert_evaluate (rule, &low, &state, night, &event));
    g_assert_cmpint (event.type, ==, SC_ALERT_EVENT_FIRED);
    g_assert_true (event.quiet);
    g_assert_cmpint (state.status, ==, SC_ALERT_STATUS_FIRING);
  }
  {
    g_auto(ScAlertEvent) event;

    /* 00:30 the next day in Berlin: across midnight, still quiet */
    g_assert_true (sc_alert_evaluate (rule, &high, &state, night + HOUR, &event));
    g_assert_cmpint (event.type, ==, SC_ALERT_EVENT_RESOLVED);
    g_assert_true (event.quiet);
    g_assert_cmpint (state.status, ==, SC_ALERT_STATUS_RESOLVED);
  }
  {
    g_auto(ScAlertEvent) event;

    /* 07:30 in Berlin */
    g_assert_true (sc_alert_evaluate (rule, &low, &state, night + 8 * HOUR, &event));
    g_assert_cmpint (event.type, ==, SC_ALERT_EVENT_FIRED);
    g_assert_false (event.quiet);
  }
}

static guint
count_escalations (const ScAlertRule *rule,
                   ScAlertState      *state,
                   gint64             from,
                   gint64             to,
                   ScAlertSeverity   *last)
{
  guint n = 0;

  for (gint64 now = from; now <= to; now += 60)
    {
      g_auto(ScAlertEvent) event;
      ScAlertInput input = value_input (90);

      if (sc_alert_evaluate (rule, &input, state, now, &event))
        {
          g_assert_cmpint (event.type, ==, SC_ALERT_EVENT_ESCALATED);
          g_assert_cmpint (event.severity, ==, event.previous_severity + 1);
          *last = event.severity;
          n++;
        }
    }

  return n;
}

static void
test_escalation (void)
{
  g_autoptr(ScAlertRule) rule = make_rule ();
  g_auto(ScAlertState) state;
  ScAlertSeverity last = SC_ALERT_SEVERITY_INFO;

  rule->severity = SC_ALERT_SEVERITY_WARNING;
  rule->escalation_seconds = 30 * 60;
  rule->escalation_severity = SC_ALERT_SEVERITY_URGENT;
  g_assert_true (sc_alert_rule_validate (rule, NULL));
  sc_alert_state_init (&state);

  g_assert_cmpint (step_value (rule, 90, &state, T0), ==, SC_ALERT_EVENT_FIRED);
  g_assert_cmpint (step_value (rule, 90, &state, T0 + 30 * 60 - 1), ==, SC_ALERT_EVENT_NONE);
  {
    g_auto(ScAlertEvent) event;
    ScAlertInput input = value_input (90);

    g_assert_true (sc_alert_evaluate (rule, &input, &state, T0 + 30 * 60, &event));
    g_assert_cmpint (event.type, ==, SC_ALERT_EVENT_ESCALATED);
    g_assert_cmpint (event.previous_severity, ==, SC_ALERT_SEVERITY_WARNING);
    g_assert_cmpint (event.severity, ==, SC_ALERT_SEVERITY_CRITICAL);
    g_assert_cmpstr (event.message, ==,
                     "Revenue: alert “Revenue low” was not acknowledged in time and is now Critical");
  }
  /* Once per level: one more to urgent, then nothing */
  g_assert_cmpuint (count_escalations (rule, &state, T0 + 30 * 60 + 60, T0 + 6 * HOUR, &last), ==, 1);
  g_assert_cmpint (last, ==, SC_ALERT_SEVERITY_URGENT);
  g_assert_cmpint (state.severity, ==, SC_ALERT_SEVERITY_URGENT);
  g_assert_cmpint (state.escalated_at, ==, T0 + HOUR);

  /* Acknowledged alerts do not escalate, and still resolve. */
  sc_alert_state_clear (&state);
  g_assert_false (sc_alert_acknowledge (&state, T0, "nothing open"));
  g_assert_cmpint (step_value (rule, 90, &state, T0), ==, SC_ALERT_EVENT_FIRED);
  g_assert_true (sc_alert_acknowledge (&state, T0 + 100, "Looking into it"));
  g_assert_false (sc_alert_acknowledge (&state, T0 + 200, "twice"));
  g_assert_cmpint (state.status, ==, SC_ALERT_STATUS_ACKNOWLEDGED);
  g_assert_cmpstr (state.comment, ==, "Looking into it");
  g_assert_cmpint (state.acknowledged_at, ==, T0 + 100);
  g_assert_cmpuint (count_escalations (rule, &state, T0 + 60, T0 + 6 * HOUR, &last), ==, 0);
  g_assert_cmpint (state.severity, ==, SC_ALERT_SEVERITY_WARNING);
  g_assert_cmpint (step_value (rule, 120, &state, T0 + 7 * HOUR), ==, SC_ALERT_EVENT_RESOLVED);

  /* Without a timeout, never */
  rule->escalation_seconds = 0;
  sc_alert_state_clear (&state);
  g_assert_cmpint (step_value (rule, 90, &state, T0), ==, SC_ALERT_EVENT_FIRED);
  g_assert_cmpuint (count_escalations (rule, &state, T0 + 60, T0 + 6 * HOUR, &last), ==, 0);
}

static void
test_snooze (void)
{
  g_autoptr(ScAlertRule) rule = make_rule ();
  g_auto(ScAlertState) state;
  ScAlertSeverity last = SC_ALERT_SEVERITY_INFO;

  rule->escalation_seconds = 30 * 60;
  rule->escalation_severity = SC_ALERT_SEVERITY_CRITICAL;
  sc_alert_state_init (&state);

  /* A firing alert, snoozed, does not escalate until the snooze is over. */
  g_assert_cmpint (step_value (rule, 90, &state, T0), ==, SC_ALERT_EVENT_FIRED);
  g_assert_true (sc_alert_snooze (&state, T0 + 2 * HOUR, "Known outage"));
  g_assert_cmpstr (state.comment, ==, "Known outage");
  g_assert_cmpuint (count_escalations (rule, &state, T0 + 60, T0 + 2 * HOUR + 29 * 60, &last), ==, 0);
  g_assert_cmpuint (count_escalations (rule, &state, T0 + 2 * HOUR + 30 * 60, T0 + 4 * HOUR, &last), ==, 1);
  g_assert_cmpint (state.escalated_at, ==, T0 + 2 * HOUR + 30 * 60);

  /* Snoozed before the condition: it fires only when the snooze ends. */
  sc_alert_state_clear (&state);
  sc_alert_snooze (&state, T0 + HOUR, "Maintenance");
  g_assert_cmpint (step_value (rule, 90, &state, T0), ==, SC_ALERT_EVENT_NONE);
  g_assert_cmpint (step_value (rule, 90, &state, T0 + HOUR - 1), ==, SC_ALERT_EVENT_NONE);
  g_assert_cmpint (state.status, ==, SC_ALERT_STATUS_PENDING);
  g_assert_cmpint (step_value (rule, 90, &state, T0 + HOUR), ==, SC_ALERT_EVENT_FIRED);

  /* Resolution is never held back. */
  sc_alert_snooze (&state, T0 + 10 * HOUR, NULL);
  g_assert_null (state.comment);
  g_assert_cmpint (step_value (rule, 110, &state, T0 + 2 * HOUR), ==, SC_ALERT_EVENT_RESOLVED);
}

static void
test_relative_baseline (void)
{
  g_autoptr(ScAlertRule) rule = make_rule ();
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_auto(ScAlertState) state;
  ScHistoryPoint history[21];
  double baseline = 0;

  /* Daily values at 09:00 UTC, plus a second one on day 7 at 20:00 */
  for (guint i = 0; i < 20; i++)
    {
      history[i].time = T0 - 3 * HOUR + i * DAY;
      history[i].value = 100 + i;
    }
  history[20].time = T0 + 8 * HOUR + 7 * DAY;
  history[20].value = 500;

  g_assert_true (sc_alert_baseline_same_weekday (history, G_N_ELEMENTS (history),
                                                 T0 - 3 * HOUR + 14 * DAY, NULL, &baseline));
  g_assert_cmpfloat (baseline, ==, 107);
  /* Nearest to the time of day: the evening value */
  g_assert_true (sc_alert_baseline_same_weekday (history, G_N_ELEMENTS (history),
                                                 T0 + 7 * HOUR + 14 * DAY, berlin, &baseline));
  g_assert_cmpfloat (baseline, ==, 500);
  /* Nothing a week before the first day */
  g_assert_false (sc_alert_baseline_same_weekday (history, G_N_ELEMENTS (history),
                                                  T0 - 3 * HOUR + 2 * DAY, berlin, &baseline));

  rule->baseline = SC_ALERT_BASELINE_SAME_WEEKDAY;
  rule->level = -20;
  rule->hysteresis = 5;
  g_assert_true (sc_alert_rule_validate (rule, NULL));
  sc_alert_state_init (&state);

  {
    ScAlertInput input = value_input (70);

    /* No baseline: nothing to compare, state unchanged */
    g_assert_cmpint (step (rule, &input, &state, T0), ==, SC_ALERT_EVENT_NONE);
    g_assert_cmpint (state.status, ==, SC_ALERT_STATUS_NORMAL);

    input.has_baseline = TRUE;
    input.baseline = 90;
    /* −22 %: fires */
    {
      g_auto(ScAlertEvent) event;

      g_assert_true (sc_alert_evaluate (rule, &input, &state, T0 + DAY, &event));
      g_assert_cmpint (event.type, ==, SC_ALERT_EVENT_FIRED);
      g_assert_true (event.has_baseline);
      g_assert_cmpfloat (event.baseline, ==, 90);
      g_assert_cmpfloat_with_epsilon (event.metric, -22.222, 0.001);
      g_assert_cmpstr (event.message, ==,
                       "Revenue changed -22.22 % against the same weekday last week, below -20 % (70 against 90, rule “Revenue low”)");
    }
    /* −17 %: within the hysteresis, holds */
    input.value = 75;
    g_assert_cmpint (step (rule, &input, &state, T0 + 2 * DAY), ==, SC_ALERT_EVENT_NONE);
    g_assert_cmpint (state.status, ==, SC_ALERT_STATUS_FIRING);
    /* −11 %: resolves */
    input.value = 80;
    g_assert_cmpint (step (rule, &input, &state, T0 + 3 * DAY), ==, SC_ALERT_EVENT_RESOLVED);
  }
}

static void
test_anomaly (void)
{
  g_autoptr(ScAlertRule) rule = make_rule ();
  g_auto(ScAlertState) state;
  ScAlertInput input = value_input (115);

  rule->type = SC_ALERT_TYPE_ANOMALY;
  rule->comparison = SC_ALERT_COMPARISON_OUTSIDE;
  rule->level = 0;
  rule->hysteresis = 1;
  g_assert_true (sc_alert_rule_validate (rule, NULL));
  sc_alert_state_init (&state);

  /* No band: nothing */
  g_assert_cmpint (step (rule, &input, &state, T0), ==, SC_ALERT_EVENT_NONE);

  input.has_band = TRUE;
  input.lower95 = 90;
  input.upper95 = 110;
  {
    g_auto(ScAlertEvent) event;

    g_assert_true (sc_alert_evaluate (rule, &input, &state, T0, &event));
    g_assert_cmpint (event.type, ==, SC_ALERT_EVENT_FIRED);
    g_assert_true (event.has_band);
    g_assert_cmpfloat (event.lower95, ==, 90);
    g_assert_cmpfloat (event.upper95, ==, 110);
    g_assert_cmpfloat (event.level, ==, 110);
    g_assert_cmpfloat (event.clear_level, ==, 109);
    g_assert_cmpstr (event.message, ==,
                     "Revenue is outside its expected range (115, expected 90 to 110, rule “Revenue low”)");
  }
  input.value = 109.5;
  g_assert_cmpint (step (rule, &input, &state, T0 + DAY), ==, SC_ALERT_EVENT_NONE);
  input.value = 100;
  g_assert_cmpint (step (rule, &input, &state, T0 + 2 * DAY), ==, SC_ALERT_EVENT_RESOLVED);
  input.value = 80;
  g_assert_cmpint (step (rule, &input, &state, T0 + 3 * DAY), ==, SC_ALERT_EVENT_FIRED);

  /* Above only: a low value does not fire */
  rule->comparison = SC_ALERT_COMPARISON_ABOVE;
  sc_alert_state_clear (&state);
  g_assert_cmpint (step (rule, &input, &state, T0), ==, SC_ALERT_EVENT_NONE);
  input.value = 111;
  g_assert_cmpint (step (rule, &input, &state, T0 + 1), ==, SC_ALERT_EVENT_FIRED);
}

static void
test_target_risk (void)
{
  g_autoptr(ScAlertRule) rule = make_rule ();
  g_auto(ScAlertState) state;
  ScAlertInput input = value_input (50);

  rule->type = SC_ALERT_TYPE_TARGET_RISK;
  rule->level = 50;
  rule->hysteresis = 10;
  rule->severity = SC_ALERT_SEVERITY_URGENT;
  g_assert_true (sc_alert_rule_validate (rule, NULL));
  sc_alert_state_init (&state);

  input.has_probability = TRUE;
  input.probability_target = 0.4;
  {
    g_auto(ScAlertEvent) event;

    g_assert_true (sc_alert_evaluate (rule, &input, &state, T0, &event));
    g_assert_cmpint (event.type, ==, SC_ALERT_EVENT_FIRED);
    g_assert_cmpfloat_with_epsilon (event.metric, 40, 1e-9);
    g_assert_cmpint (event.severity, ==, SC_ALERT_SEVERITY_URGENT);
    g_assert_cmpstr (event.message, ==,
                     "Revenue has only a 40 % chance of meeting its target, below 50 % (rule “Revenue low”)");
  }
  input.probability_target = 0.55;
  g_assert_cmpint (step (rule, &input, &state, T0 + DAY), ==, SC_ALERT_EVENT_NONE);
  input.probability_target = 0.65;
  g_assert_cmpint (step (rule, &input, &state, T0 + 2 * DAY), ==, SC_ALERT_EVENT_RESOLVED);
}

static void
test_trend (void)
{
  g_autoptr(ScAlertRule) rule = make_rule ();
  g_auto(ScAlertState) state;
  ScAlertInput input = value_input (50);

  rule->type = SC_ALERT_TYPE_TREND;
  rule->level = -10;
  rule->hysteresis = 2;
  sc_alert_state_init (&state);

  input.has_trend = TRUE;
  input.trend = -12.5;
  {
    g_auto(ScAlertEvent) event;

    g_assert_true (sc_alert_evaluate (rule, &input, &state, T0, &event));
    g_assert_cmpstr (event.message, ==,
                     "Revenue is trending at -12.5 % over 30 days, below -10 % (rule “Revenue low”)");
  }
  input.trend = -9;
  g_assert_cmpint (step (rule, &input, &state, T0 + DAY), ==, SC_ALERT_EVENT_NONE);
  input.trend = -7.5;
  g_assert_cmpint (step (rule, &input, &state, T0 + 2 * DAY), ==, SC_ALERT_EVENT_RESOLVED);
}

static void
set_event (ScAlertEvent     *event,
           ScAlertEventType  type,
           ScAlertSeverity   severity,
           const char       *message)
{
  memset (event, 0, sizeof *event);
  event->type = type;
  event->severity = severity;
  event->message = g_strdup (message);
}

static void
test_digest (void)
{
  ScAlertEvent events[6];
  guint counts[SC_ALERT_N_SEVERITIES];
  g_autofree char *text = NULL;
  g_autofree char *one = NULL;
  g_autofree char *none = NULL;
  g_autofree char *only_resolved = NULL;

  set_event (&events[0], SC_ALERT_EVENT_FIRED, SC_ALERT_SEVERITY_URGENT, "a");
  set_event (&events[1], SC_ALERT_EVENT_FIRED, SC_ALERT_SEVERITY_CRITICAL, "b");
  set_event (&events[2], SC_ALERT_EVENT_ESCALATED, SC_ALERT_SEVERITY_CRITICAL, "c");
  set_event (&events[3], SC_ALERT_EVENT_FIRED, SC_ALERT_SEVERITY_WARNING, "d");
  set_event (&events[4], SC_ALERT_EVENT_RESOLVED, SC_ALERT_SEVERITY_INFO, "e");
  set_event (&events[5], SC_ALERT_EVENT_RESOLVED, SC_ALERT_SEVERITY_WARNING, "f");

  text = sc_alert_digest (events, G_N_ELEMENTS (events), counts);
  g_assert_cmpstr (text, ==, "4 alerts need attention: 1 urgent, 2 critical, 1 warning; 2 resolved");
  g_assert_cmpuint (counts[SC_ALERT_SEVERITY_URGENT], ==, 1);
  g_assert_cmpuint (counts[SC_ALERT_SEVERITY_CRITICAL], ==, 2);
  g_assert_cmpuint (counts[SC_ALERT_SEVERITY_WARNING], ==, 1);
  g_assert_cmpuint (counts[SC_ALERT_SEVERITY_INFO], ==, 0);

  one = sc_alert_digest (events, 1, counts);
  g_assert_cmpstr (one, ==, "a");
  g_assert_cmpuint (counts[SC_ALERT_SEVERITY_URGENT], ==, 1);
  g_assert_cmpuint (counts[SC_ALERT_SEVERITY_CRITICAL], ==, 0);

  only_resolved = sc_alert_digest (&events[4], 2, NULL);
  g_assert_cmpstr (only_resolved, ==, "2 resolved");

  none = sc_alert_digest (NULL, 0, counts);
  g_assert_cmpstr (none, ==, "No alerts");
  g_assert_cmpuint (counts[SC_ALERT_SEVERITY_URGENT], ==, 0);

  {
    g_autofree char *single = NULL;
    ScAlertEvent two[2];

    set_event (&two[0], SC_ALERT_EVENT_FIRED, SC_ALERT_SEVERITY_INFO, "x");
    set_event (&two[1], SC_ALERT_EVENT_FIRED, SC_ALERT_SEVERITY_INFO, "y");
    single = sc_alert_digest (two, 2, NULL);
    g_assert_cmpstr (single, ==, "2 alerts need attention: 2 info");
    sc_alert_event_clear (&two[0]);
    sc_alert_event_clear (&two[1]);
  }

  for (guint i = 0; i < G_N_ELEMENTS (events); i++)
    sc_alert_event_clear (&events[i]);
}

static void
test_preview (void)
{
  g_autoptr(ScAlertRule) rule = make_rule ();
  g_autoptr(GArray) events = NULL;
  ScHistoryPoint history[90];
  ScKpiFacts facts = { 0, };
  const struct { ScAlertEventType type; guint day; guint incident; } expected[] = {
    { SC_ALERT_EVENT_FIRED, 31, 1 },
    { SC_ALERT_EVENT_RESOLVED, 40, 1 },
    { SC_ALERT_EVENT_FIRED, 62, 2 },
    { SC_ALERT_EVENT_RESOLVED, 70, 2 },
  };

  facts.kpi_id = 7;
  facts.name = (char *)"Revenue";
  facts.target = 100;

  rule->level = 80;
  rule->hysteresis = 5;
  rule->dwell_samples = 2;
  rule->cooldown_seconds = 3 * DAY;

  /* Given in reverse order: the preview sorts. */
  for (guint d = 0; d < 90; d++)
    {
      double v = 100;

      if (d >= 30 && d < 40)
        v = 70;
      else if (d == 41)
        v = 70; /* inside the cooldown */
      else if (d >= 60 && d < 70)
        v = d % 2 == 0 ? 79 : 82; /* hovering */
      history[89 - d].time = T0 + d * DAY;
      history[89 - d].value = v;
    }

  events = sc_alert_preview (rule, history, G_N_ELEMENTS (history), &facts, NULL);
  g_assert_cmpuint (events->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < events->len; i++)
    {
      const ScAlertEvent *event = &g_array_index (events, ScAlertEvent, i);

      g_assert_cmpint (event->type, ==, expected[i].type);
      g_assert_cmpint (event->time, ==, T0 + expected[i].day * DAY);
      g_assert_cmpuint (event->incident, ==, expected[i].incident);
      g_assert_cmpint (event->kpi_id, ==, 7);
      g_assert_cmpstr (event->kpi_name, ==, "Revenue");
    }
  g_assert_cmpstr (g_array_index (events, ScAlertEvent, 0).message, ==,
                   "Revenue fell below 80 (70, rule “Revenue low”)");

  /* Anomalies: a spike in a noisy but steady series */
  {
    g_autoptr(GArray) spikes = NULL;

    rule->type = SC_ALERT_TYPE_ANOMALY;
    rule->comparison = SC_ALERT_COMPARISON_OUTSIDE;
    rule->hysteresis = 0;
    rule->dwell_samples = 0;
    rule->cooldown_seconds = 0;
    for (guint d = 0; d < 90; d++)
      {
        history[d].time = T0 + d * DAY;
        history[d].value = 100 + 3 * sin (d * 1.7);
      }
    history[50].value = 200;

    spikes = sc_alert_preview (rule, history, G_N_ELEMENTS (history), &facts, NULL);
    g_assert_cmpuint (spikes->len, ==, 2);
    g_assert_cmpint (g_array_index (spikes, ScAlertEvent, 0).type, ==, SC_ALERT_EVENT_FIRED);
    g_assert_cmpint (g_array_index (spikes, ScAlertEvent, 0).time, ==, T0 + 50 * DAY);
    g_assert_true (g_array_index (spikes, ScAlertEvent, 0).has_band);
    g_assert_cmpint (g_array_index (spikes, ScAlertEvent, 1).type, ==, SC_ALERT_EVENT_RESOLVED);
    g_assert_cmpint (g_array_index (spikes, ScAlertEvent, 1).time, ==, T0 + 51 * DAY);
  }

  /* Trend: a steady decline of 1 % of the start per day */
  {
    g_autoptr(GArray) trend = NULL;
    const ScAlertEvent *first;

    rule->type = SC_ALERT_TYPE_TREND;
    rule->comparison = SC_ALERT_COMPARISON_BELOW;
    rule->level = -25;
    rule->hysteresis = 2;
    for (guint d = 0; d < 90; d++)
      {
        history[d].time = T0 + d * DAY;
        history[d].value = d < 45 ? 100 : 100 - (d - 44);
      }

    trend = sc_alert_preview (rule, history, G_N_ELEMENTS (history), &facts, NULL);
    g_assert_cmpuint (trend->len, ==, 1);
    first = &g_array_index (trend, ScAlertEvent, 0);
    g_assert_cmpint (first->type, ==, SC_ALERT_EVENT_FIRED);
    g_assert_cmpfloat (first->metric, <, -25);
  }

  /* Empty history */
  {
    g_autoptr(GArray) nothing = sc_alert_preview (rule, NULL, 0, NULL, NULL);

    g_assert_cmpuint (nothing->len, ==, 0);
  }
}

static void
test_preview_target_risk (void)
{
  g_autoptr(ScAlertRule) rule = make_rule ();
  g_autoptr(GArray) events = NULL;
  ScHistoryPoint history[90];
  ScKpiFacts facts = { 0, };

  facts.kpi_id = 7;
  facts.name = (char *)"Revenue";
  facts.target = 100;
  facts.direction = SC_DIRECTION_HIGHER_BETTER;

  rule->type = SC_ALERT_TYPE_TARGET_RISK;
  rule->level = 20;
  rule->hysteresis = 10;

  /* Comfortably above target, then collapsing far below it */
  for (guint d = 0; d < 90; d++)
    {
      history[d].time = T0 + d * DAY;
      history[d].value = (d < 60 ? 150 : 150 - 5.0 * (d - 59)) + (d % 3);
    }

  events = sc_alert_preview (rule, history, G_N_ELEMENTS (history), &facts, NULL);
  g_assert_cmpuint (events->len, >=, 1);
  g_assert_cmpint (g_array_index (events, ScAlertEvent, 0).type, ==, SC_ALERT_EVENT_FIRED);
  g_assert_cmpint (g_array_index (events, ScAlertEvent, 0).time, >, T0 + 59 * DAY);
  g_assert_cmpfloat (g_array_index (events, ScAlertEvent, 0).metric, <, 20);
}

static void
test_keys (void)
{
  ScAlertStatus status;

  for (guint i = SC_ALERT_STATUS_NORMAL; i <= SC_ALERT_STATUS_RESOLVED; i++)
    {
      g_assert_true (sc_alert_status_from_key (sc_alert_status_to_key (i), &status));
      g_assert_cmpint (status, ==, i);
    }
  g_assert_false (sc_alert_status_from_key ("bogus", &status));
  g_assert_cmpstr (sc_alert_event_type_to_key (SC_ALERT_EVENT_ESCALATED), ==, "escalated");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/alerts/engine/hover-fires-once", test_hover_fires_once);
  g_test_add_func ("/core/alerts/engine/event-numbers", test_event_numbers);
  g_test_add_func ("/core/alerts/engine/dwell", test_dwell);
  g_test_add_func ("/core/alerts/engine/cooldown", test_cooldown);
  g_test_add_func ("/core/alerts/engine/quiet-hours", test_quiet_hours);
  g_test_add_func ("/core/alerts/engine/escalation", test_escalation);
  g_test_add_func ("/core/alerts/engine/snooze", test_snooze);
  g_test_add_func ("/core/alerts/engine/relative-baseline", test_relative_baseline);
  g_test_add_func ("/core/alerts/engine/anomaly", test_anomaly);
  g_test_add_func ("/core/alerts/engine/target-risk", test_target_risk);
  g_test_add_func ("/core/alerts/engine/trend", test_trend);
  g_test_add_func ("/core/alerts/engine/digest", test_digest);
  g_test_add_func ("/core/alerts/engine/preview", test_preview);
  g_test_add_func ("/core/alerts/engine/preview-target-risk", test_preview_target_risk);
  g_test_add_func ("/core/alerts/engine/keys", test_keys);

  return g_test_run ();
}
