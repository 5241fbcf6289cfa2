/* test-alert-run.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-test"

#include "config.h"

#include <string.h>

#include "sc-alert-outbox.h"
#include "sc-alert-rule-json.h"
#include "sc-alert-run.h"
#include "sc-alert-store.h"
#include "test-fixture.h"

/* Rules kept in the store, evaluated against the KPIs' stored values: one
 * incident is one alert until it resolves, it survives a restart, an
 * acknowledgement stops its escalation, and every event is queued on the
 * rule's channels in the same transaction. The clock is a parameter. */

#define T0   G_GINT64_CONSTANT (1796000000)
#define HOUR 3600

static ScAlertRule *
rule_from (const char *json,
           const char *name)
{
  g_autoptr(GError) error = NULL;
  ScAlertRule *rule = sc_alert_rule_from_json (json, name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (rule);

  return rule;
}

static void
submit (ScStore *store,
        gint64   kpi,
        double   value,
        gint64   at)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sc_store_submit (store, kpi, 0, value, at, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
run (ScStore          *store,
     gint64            now,
     ScAlertRunReport *report)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GError) error = NULL;

  sc_alert_run_report_clear (report);
  g_assert_true (sc_alert_run (store, now, utc, report, &error));
  g_assert_no_error (error);
}

/* Tests */

static void
test_json_round_trip (void)
{
  g_autoptr(ScAlertRule) rule = NULL;
  g_autoptr(ScAlertRule) again = NULL;
  g_autofree char *json = NULL;
  g_autofree char *json_again = NULL;

  rule = rule_from ("{\"type\": \"threshold\", \"metric\": \"achievement\", \"comparison\": \"below\", "
                    "\"level\": 90, \"hysteresis\": 2.5, \"dwell_samples\": 2, \"severity\": \"critical\", "
                    "\"scope\": \"department\", \"department\": \"sales\", \"cooldown_seconds\": 600, "
                    "\"quiet_hours\": {\"start\": 22, \"end\": 7, \"tz\": \"Europe/Berlin\"}, "
                    "\"escalation\": {\"after_seconds\": 7200, \"severity\": \"urgent\"}}",
                    "Sales below 90 %");
  g_assert_cmpint (rule->metric, ==, SC_ALERT_METRIC_ACHIEVEMENT);
  g_assert_cmpfloat (rule->hysteresis, ==, 2.5);
  g_assert_cmpstr (rule->scope_department, ==, "sales");
  g_assert_true (rule->has_quiet_hours);
  g_assert_cmpstr (rule->quiet_tz, ==, "Europe/Berlin");
  g_assert_cmpint (rule->escalation_seconds, ==, 7200);

  json = sc_alert_rule_to_json (rule);
  again = rule_from (json, "Sales below 90 %");
  json_again = sc_alert_rule_to_json (again);
  g_assert_cmpstr (json, ==, json_again);
}

static void
test_json_refusals (void)
{
  static const struct { const char *json; const char *names; } cases[] = {
    { "[1, 2]", "not a JSON object" },
    { "{\"level\": \"high\"}", "“level” must be a number" },
    { "{\"severity\": \"apocalyptic\"}", "“severity” cannot be “apocalyptic”" },
    { "{\"colour\": \"red\"}", "unknown member “colour”" },
    { "{\"quiet_hours\": {\"start\": 25}}", "“start” must be a whole number from 0 to 23" },
    { "{\"escalation\": {\"after\": 5}}", "unknown member “escalation.after”" },
    { "{\"dwell_samples\": 1.5}", "“dwell_samples” must be a whole number" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ScAlertRule) rule = sc_alert_rule_from_json (cases[i].json, "Rule", &error);

      g_assert_null (rule);
      g_assert_error (error, SC_ALERT_ERROR, SC_ALERT_ERROR_INVALID);
      if (strstr (error->message, cases[i].names) == NULL)
        g_error ("“%s” gave “%s”, which does not say “%s”", cases[i].json, error->message, cases[i].names);
    }
}

static void
test_incident_lifecycle (StoreFixture  *fixture,
                         gconstpointer  data)
{
  g_auto(ScAlertRunReport) report = { 0, };
  g_autoptr(ScAlertRule) rule = NULL;
  g_autoptr(GPtrArray) alerts = NULL;
  g_autoptr(GPtrArray) deliveries = NULL;
  g_autoptr(GError) error = NULL;
  gint64 revenue, churn, channel, rule_id;
  ScAlertRow *row;

  revenue = add_test_kpi (fixture->store, "Revenue", SC_TARGET_TYPE_NUMBER, 100, SC_DIRECTION_HIGHER_BETTER);
  churn = add_test_kpi (fixture->store, "Churn", SC_TARGET_TYPE_NUMBER, 5, SC_DIRECTION_LOWER_BETTER);
  channel = sc_store_add_alert_channel (fixture->store, "slack", "Slack", NULL, T0, &error);
  g_assert_no_error (error);

  rule = rule_from ("{\"metric\": \"value\", \"comparison\": \"below\", \"level\": 80, \"hysteresis\": 5, "
                    "\"severity\": \"critical\", \"cooldown_seconds\": 0, "
                    "\"escalation\": {\"after_seconds\": 3600, \"severity\": \"urgent\"}}",
                    "Revenue under 80");
  rule->scope = SC_ALERT_SCOPE_KPI;
  rule->scope_kpi_id = revenue;
  rule_id = sc_store_add_alert_rule (fixture->store, rule, &channel, 1, T0, &error);
  g_assert_no_error (error);

  /* Healthy: evaluated, nothing fires, nothing is written. */
  submit (fixture->store, revenue, 95, T0);
  submit (fixture->store, churn, 2, T0);
  run (fixture->store, T0 + 60, &report);
  g_assert_cmpuint (report.rules, ==, 1);
  g_assert_cmpuint (report.evaluated, ==, 1);
  g_assert_cmpuint (report.events, ==, 0);
  g_assert_null (report.digest);
  g_assert_cmpint (query_int64 (fixture->path, "SELECT count(*) FROM alert_states"), ==, 0);

  /* Below the line: one incident, one event, queued on the channel. */
  submit (fixture->store, revenue, 70, T0 + 86400);
  run (fixture->store, T0 + 86400 + 60, &report);
  g_assert_cmpuint (report.events, ==, 1);
  g_assert_cmpuint (report.counts[SC_ALERT_SEVERITY_CRITICAL], ==, 1);
  g_assert_nonnull (report.digest);
  g_assert_cmpint (query_int64 (fixture->path, "SELECT count(*) FROM alert_deliveries "
                                               "WHERE state = 'pending'"), ==, 1);
  {
    g_autoptr(GPtrArray) log = sc_store_list_incident_deliveries (fixture->store, rule_id, revenue,
                                                                  1, &error);
    g_autoptr(GPtrArray) none = sc_store_list_incident_deliveries (fixture->store, rule_id, revenue,
                                                                   2, &error);

    /* The delivery log of this alert, as its row in the app shows it. */
    g_assert_no_error (error);
    g_assert_cmpuint (log->len, ==, 1);
    g_assert_cmpstr (((ScAlertDelivery *)g_ptr_array_index (log, 0))->channel_name, ==, "Slack");
    g_assert_cmpstr (((ScAlertDelivery *)g_ptr_array_index (log, 0))->state, ==, "pending");
    g_assert_cmpuint (none->len, ==, 0);
  }

  /* Still below on the next run, after a restart: the same incident, no
   * second alert. */
  g_assert_finalize_object (g_steal_pointer (&fixture->store));
  fixture->store = sc_store_open (fixture->path, &error);
  g_assert_no_error (error);
  run (fixture->store, T0 + 86400 + 120, &report);
  g_assert_cmpuint (report.events, ==, 0);

  alerts = sc_store_list_alerts (fixture->store, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (alerts->len, ==, 1);
  row = g_ptr_array_index (alerts, 0);
  g_assert_cmpint (row->rule_id, ==, rule_id);
  g_assert_cmpstr (row->kpi_name, ==, "Revenue");
  g_assert_cmpint (row->status, ==, SC_ALERT_STATUS_FIRING);
  g_assert_cmpint (row->severity, ==, SC_ALERT_SEVERITY_CRITICAL);
  g_assert_nonnull (row->message);
  g_assert_nonnull (strstr (row->details, "\"value\":70"));

  /* Acknowledged: it does not escalate when its timeout passes. */
  g_assert_true (sc_store_acknowledge_alert (fixture->store, rule_id, revenue, T0 + 86400 + 200,
                                             "On it", &error));
  g_assert_no_error (error);
  run (fixture->store, T0 + 86400 + 2 * HOUR, &report);
  g_assert_cmpuint (report.events, ==, 0);
  g_clear_pointer (&alerts, g_ptr_array_unref);
  alerts = sc_store_list_alerts (fixture->store, FALSE, NULL);
  row = g_ptr_array_index (alerts, 0);
  g_assert_cmpint (row->status, ==, SC_ALERT_STATUS_ACKNOWLEDGED);
  g_assert_cmpstr (row->comment, ==, "On it");
  g_assert_false (sc_store_acknowledge_alert (fixture->store, rule_id, churn, T0, NULL, &error));
  g_assert_error (error, SC_ALERT_ERROR, SC_ALERT_ERROR_INVALID);
  g_clear_error (&error);

  /* Recovered past the hysteresis: resolved on its own, and said so. */
  submit (fixture->store, revenue, 90, T0 + 2 * 86400);
  run (fixture->store, T0 + 2 * 86400 + 60, &report);
  g_assert_cmpuint (report.events, ==, 1);
  g_clear_pointer (&alerts, g_ptr_array_unref);
  alerts = sc_store_list_alerts (fixture->store, TRUE, NULL);
  g_assert_cmpint (((ScAlertRow *)g_ptr_array_index (alerts, 0))->status, ==, SC_ALERT_STATUS_RESOLVED);

  deliveries = sc_store_list_alert_deliveries (fixture->store, 0, NULL);
  g_assert_cmpuint (deliveries->len, ==, 2);
  g_assert_cmpstr (((ScAlertDelivery *)g_ptr_array_index (deliveries, 0))->event_type, ==, "resolved");
  g_assert_cmpstr (((ScAlertDelivery *)g_ptr_array_index (deliveries, 1))->event_type, ==, "fired");
}

static void
test_escalation (StoreFixture  *fixture,
                 gconstpointer  data)
{
  g_auto(ScAlertRunReport) report = { 0, };
  g_autoptr(ScAlertRule) rule = NULL;
  g_autoptr(GError) error = NULL;
  gint64 kpi;

  kpi = add_test_kpi (fixture->store, "Uptime", SC_TARGET_TYPE_PERCENT, 99, SC_DIRECTION_HIGHER_BETTER);
  rule = rule_from ("{\"comparison\": \"below\", \"level\": 98, \"severity\": \"warning\", "
                    "\"escalation\": {\"after_seconds\": 3600, \"severity\": \"urgent\"}}",
                    "Uptime under 98");
  sc_store_add_alert_rule (fixture->store, rule, NULL, 0, T0, &error);
  g_assert_no_error (error);

  submit (fixture->store, kpi, 95, T0);
  run (fixture->store, T0 + 60, &report);
  g_assert_cmpuint (report.counts[SC_ALERT_SEVERITY_WARNING], ==, 1);

  /* Nobody acknowledged it within the hour: it escalates one level, and
   * one more each hour after, up to the rule's ceiling. */
  run (fixture->store, T0 + 60 + HOUR, &report);
  g_assert_cmpuint (report.events, ==, 1);
  g_assert_cmpuint (report.counts[SC_ALERT_SEVERITY_CRITICAL], ==, 1);
  run (fixture->store, T0 + 60 + HOUR + 60, &report);
  g_assert_cmpuint (report.events, ==, 0);
  run (fixture->store, T0 + 60 + 2 * HOUR, &report);
  g_assert_cmpuint (report.counts[SC_ALERT_SEVERITY_URGENT], ==, 1);
  run (fixture->store, T0 + 60 + 5 * HOUR, &report);
  g_assert_cmpuint (report.events, ==, 0);
  g_assert_cmpint (query_int64 (fixture->path, "SELECT count(*) FROM alert_events "
                                               "WHERE type = 'escalated'"), ==, 2);
}

static void
test_quiet_hours_digest (StoreFixture  *fixture,
                         gconstpointer  data)
{
  g_auto(ScAlertRunReport) report = { 0, };
  g_autoptr(ScAlertRule) quiet = NULL;
  g_autoptr(ScAlertRule) loud = NULL;
  g_autoptr(GError) error = NULL;
  gint64 revenue;

  revenue = add_test_kpi (fixture->store, "Revenue", SC_TARGET_TYPE_NUMBER, 100, SC_DIRECTION_HIGHER_BETTER);

  /* Quiet but from 22:00 to 23:00 UTC, and T0 is at 00:53: recorded, but
   * nothing for a notification to say. */
  quiet = rule_from ("{\"metric\": \"value\", \"comparison\": \"below\", \"level\": 80, "
                     "\"severity\": \"warning\"}", "Quiet");
  quiet->has_quiet_hours = TRUE;
  quiet->quiet_start_hour = 23;
  quiet->quiet_end_hour = 22;
  quiet->quiet_tz = g_strdup ("UTC");
  sc_store_add_alert_rule (fixture->store, quiet, NULL, 0, T0, &error);
  g_assert_no_error (error);

  submit (fixture->store, revenue, 70, T0);
  run (fixture->store, T0 + 60, &report);
  g_assert_cmpuint (report.events, ==, 1);
  g_assert_nonnull (report.digest);
  g_assert_null (report.notify_digest);
  g_assert_cmpuint (report.notify_counts[SC_ALERT_SEVERITY_WARNING], ==, 0);

  /* A rule without quiet hours fires: only it is notified. */
  loud = rule_from ("{\"metric\": \"value\", \"comparison\": \"below\", \"level\": 90, "
                    "\"severity\": \"critical\"}", "Loud");
  sc_store_add_alert_rule (fixture->store, loud, NULL, 0, T0, &error);
  g_assert_no_error (error);
  run (fixture->store, T0 + 120, &report);
  g_assert_cmpuint (report.events, ==, 1);
  g_assert_nonnull (report.notify_digest);
  g_assert_cmpstr (report.notify_digest, ==, report.digest);
  g_assert_cmpuint (report.notify_counts[SC_ALERT_SEVERITY_CRITICAL], ==, 1);
  g_assert_cmpuint (report.notify_counts[SC_ALERT_SEVERITY_WARNING], ==, 0);
}

static void
test_unknown_channel (StoreFixture  *fixture,
                      gconstpointer  data)
{
  g_autoptr(ScAlertRule) rule = rule_from ("{}", "Any");
  g_autoptr(GError) error = NULL;
  gint64 missing = 42;

  g_assert_cmpint (sc_store_add_alert_rule (fixture->store, rule, &missing, 1, T0, &error), ==, 0);
  g_assert_error (error, SC_ALERT_ERROR, SC_ALERT_ERROR_INVALID);
  g_assert_cmpint (query_int64 (fixture->path, "SELECT count(*) FROM alert_rules"), ==, 0);
}

static void
test_snooze (StoreFixture  *fixture,
             gconstpointer  data)
{
  g_auto(ScAlertRunReport) report = { 0, };
  g_autoptr(ScAlertRule) rule = NULL;
  g_autoptr(GPtrArray) alerts = NULL;
  g_autoptr(GError) error = NULL;
  gint64 kpi, rule_id;

  kpi = add_test_kpi (fixture->store, "Backlog", SC_TARGET_TYPE_NUMBER, 50, SC_DIRECTION_LOWER_BETTER);
  rule = rule_from ("{\"comparison\": \"above\", \"level\": 80, \"severity\": \"critical\"}", "Backlog over 80");
  rule_id = sc_store_add_alert_rule (fixture->store, rule, NULL, 0, T0, &error);
  g_assert_no_error (error);

  /* Snoozed before it fires, with the reason: quiet until then. */
  g_assert_true (sc_store_snooze_alert (fixture->store, rule_id, kpi, T0 + 4 * HOUR,
                                        "Migration weekend", &error));
  g_assert_no_error (error);
  submit (fixture->store, kpi, 95, T0);
  run (fixture->store, T0 + HOUR, &report);
  g_assert_cmpuint (report.events, ==, 0);

  /* Once the snooze is over, a condition that still holds fires. */
  run (fixture->store, T0 + 4 * HOUR + 1, &report);
  g_assert_cmpuint (report.events, ==, 1);
  alerts = sc_store_list_alerts (fixture->store, FALSE, NULL);
  g_assert_cmpuint (alerts->len, ==, 1);

  g_assert_false (sc_store_snooze_alert (fixture->store, rule_id + 100, kpi, T0, NULL, &error));
  g_assert_error (error, SC_ALERT_ERROR, SC_ALERT_ERROR_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/alerts/rule-json/round-trip", test_json_round_trip);
  g_test_add_func ("/alerts/rule-json/refusals", test_json_refusals);
  STORE_TEST ("/alerts/run/incident-lifecycle", test_incident_lifecycle, GINT_TO_POINTER (1));
  STORE_TEST ("/alerts/run/escalation", test_escalation, GINT_TO_POINTER (1));
  STORE_TEST ("/alerts/run/quiet-hours-digest", test_quiet_hours_digest, GINT_TO_POINTER (1));
  STORE_TEST ("/alerts/run/unknown-channel", test_unknown_channel, GINT_TO_POINTER (1));
  STORE_TEST ("/alerts/run/snooze", test_snooze, GINT_TO_POINTER (1));

  return g_test_run ();
}
