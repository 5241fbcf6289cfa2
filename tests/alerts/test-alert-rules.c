/* test-alert-rules.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "sc-alert-rules.h"

static void
test_keys (void)
{
  for (guint i = SC_ALERT_TYPE_THRESHOLD; i <= SC_ALERT_TYPE_TARGET_RISK; i++)
    {
      ScAlertType value;

      g_assert_true (sc_alert_type_from_key (sc_alert_type_to_key (i), &value));
      g_assert_cmpint (value, ==, i);
      g_assert_nonnull (sc_alert_type_label (i));
    }
  for (guint i = SC_ALERT_SEVERITY_INFO; i <= SC_ALERT_SEVERITY_URGENT; i++)
    {
      ScAlertSeverity value;

      g_assert_true (sc_alert_severity_from_key (sc_alert_severity_to_key (i), &value));
      g_assert_cmpint (value, ==, i);
    }
  for (guint i = SC_ALERT_SCOPE_ALL; i <= SC_ALERT_SCOPE_GROUP; i++)
    {
      ScAlertScope value;

      g_assert_true (sc_alert_scope_from_key (sc_alert_scope_to_key (i), &value));
      g_assert_cmpint (value, ==, i);
    }
  for (guint i = SC_ALERT_COMPARISON_ABOVE; i <= SC_ALERT_COMPARISON_OUTSIDE; i++)
    {
      ScAlertComparison value;

      g_assert_true (sc_alert_comparison_from_key (sc_alert_comparison_to_key (i), &value));
      g_assert_cmpint (value, ==, i);
    }

  {
    ScAlertMetric metric;
    ScAlertBaseline baseline;
    ScAlertType type;

    g_assert_true (sc_alert_metric_from_key ("achievement", &metric));
    g_assert_cmpint (metric, ==, SC_ALERT_METRIC_ACHIEVEMENT);
    g_assert_true (sc_alert_baseline_from_key ("same_weekday", &baseline));
    g_assert_cmpint (baseline, ==, SC_ALERT_BASELINE_SAME_WEEKDAY);
    g_assert_cmpstr (sc_alert_type_to_key (SC_ALERT_TYPE_TARGET_RISK), ==, "target_risk");
    g_assert_false (sc_alert_type_from_key ("bogus", &type));
    g_assert_false (sc_alert_type_from_key (NULL, &type));
    g_assert_cmpstr (sc_alert_severity_label (SC_ALERT_SEVERITY_URGENT), ==, "Urgent");
  }
}

static void
assert_invalid (const ScAlertRule *rule,
                const char        *message)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (sc_alert_rule_validate (rule, &error));
  g_assert_error (error, SC_ALERT_ERROR, SC_ALERT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_validate (void)
{
  g_autoptr(ScAlertRule) rule = sc_alert_rule_new ("Revenue low");
  g_autoptr(GError) error = NULL;

  g_assert_true (sc_alert_rule_validate (rule, &error));
  g_assert_no_error (error);

  g_free (rule->name);
  rule->name = g_strdup ("   ");
  assert_invalid (rule, "The rule needs a name.");
  g_clear_pointer (&rule->name, g_free);
  assert_invalid (rule, "The rule needs a name.");
  rule->name = g_strdup ("Revenue low");

  rule->dwell_seconds = -5;
  assert_invalid (rule, "The dwell time cannot be negative.");
  rule->dwell_seconds = 0;

  rule->hysteresis = -1;
  assert_invalid (rule, "The hysteresis cannot be negative.");
  rule->hysteresis = NAN;
  assert_invalid (rule, "The hysteresis cannot be negative.");
  rule->hysteresis = 0;

  rule->cooldown_seconds = -1;
  assert_invalid (rule, "The cooldown cannot be negative.");
  rule->cooldown_seconds = 0;

  rule->type = SC_ALERT_TYPE_TARGET_RISK;
  rule->level = 30;
  rule->hysteresis = 150;
  assert_invalid (rule, "The hysteresis (150) must be smaller than the range of the level (0 to 100).");
  rule->hysteresis = 5;
  g_assert_true (sc_alert_rule_validate (rule, NULL));
  rule->level = 120;
  assert_invalid (rule, "The level must lie between 0 and 100.");
  rule->level = 30;

  rule->type = SC_ALERT_TYPE_THRESHOLD;
  rule->baseline = SC_ALERT_BASELINE_SAME_WEEKDAY;
  rule->level = -150;
  assert_invalid (rule, "The level cannot be below -100.");
  rule->level = -20;
  g_assert_true (sc_alert_rule_validate (rule, NULL));

  rule->comparison = SC_ALERT_COMPARISON_OUTSIDE;
  assert_invalid (rule, "Only anomaly rules can fire on either side; choose above or below.");
  rule->type = SC_ALERT_TYPE_ANOMALY;
  g_assert_true (sc_alert_rule_validate (rule, NULL));
  rule->type = SC_ALERT_TYPE_THRESHOLD;
  rule->comparison = SC_ALERT_COMPARISON_BELOW;

  rule->level = INFINITY;
  assert_invalid (rule, "The level must be a number.");
  rule->level = -20;

  rule->escalation_seconds = 600;
  rule->escalation_severity = SC_ALERT_SEVERITY_WARNING;
  assert_invalid (rule, "An alert can only escalate to a higher severity.");
  rule->escalation_severity = SC_ALERT_SEVERITY_CRITICAL;
  g_assert_true (sc_alert_rule_validate (rule, NULL));
  rule->escalation_seconds = -1;
  assert_invalid (rule, "The escalation timeout cannot be negative.");
  rule->escalation_seconds = 0;

  rule->scope = SC_ALERT_SCOPE_KPI;
  assert_invalid (rule, "Choose the KPI the rule applies to.");
  rule->scope_kpi_id = 3;
  g_assert_true (sc_alert_rule_validate (rule, NULL));
  rule->scope = SC_ALERT_SCOPE_DEPARTMENT;
  assert_invalid (rule, "Choose the department the rule applies to.");
  rule->scope_department = g_strdup ("sales");
  g_assert_true (sc_alert_rule_validate (rule, NULL));
  rule->scope = SC_ALERT_SCOPE_GROUP;
  assert_invalid (rule, "Choose the report group the rule applies to.");
  rule->scope = SC_ALERT_SCOPE_ALL;

  rule->has_quiet_hours = TRUE;
  rule->quiet_start_hour = 22;
  rule->quiet_end_hour = 24;
  assert_invalid (rule, "Quiet hours must start and end at an hour from 0 to 23.");
  rule->quiet_end_hour = 22;
  assert_invalid (rule, "Quiet hours must not start and end at the same hour.");
  rule->quiet_end_hour = 7;
  rule->quiet_tz = g_strdup ("Mars/Olympus_Mons");
  assert_invalid (rule, "Unknown time zone “Mars/Olympus_Mons”.");
  g_free (rule->quiet_tz);
  rule->quiet_tz = g_strdup ("Europe/Berlin");
  g_assert_true (sc_alert_rule_validate (rule, NULL));

  rule->type = 42;
  assert_invalid (rule, "The rule “Revenue low” has an unknown type, comparison, severity or scope.");
}

static void
test_scope (void)
{
  g_auto(ScAlertRule) rule;

  sc_alert_rule_init (&rule);
  rule.name = g_strdup ("Scoped");

  g_assert_true (sc_alert_rule_matches_kpi (&rule, 1, NULL, 0));
  g_assert_true (sc_alert_rule_matches_kpi (&rule, 2, "sales", 5));

  rule.scope = SC_ALERT_SCOPE_KPI;
  rule.scope_kpi_id = 7;
  g_assert_true (sc_alert_rule_matches_kpi (&rule, 7, "sales", 5));
  g_assert_false (sc_alert_rule_matches_kpi (&rule, 8, "sales", 5));

  rule.scope = SC_ALERT_SCOPE_DEPARTMENT;
  rule.scope_department = g_strdup ("finance");
  g_assert_true (sc_alert_rule_matches_kpi (&rule, 8, "finance", 0));
  g_assert_false (sc_alert_rule_matches_kpi (&rule, 8, "sales", 0));
  g_assert_false (sc_alert_rule_matches_kpi (&rule, 8, NULL, 0));

  rule.scope = SC_ALERT_SCOPE_GROUP;
  rule.scope_group_id = 12;
  g_assert_true (sc_alert_rule_matches_kpi (&rule, 8, NULL, 12));
  g_assert_false (sc_alert_rule_matches_kpi (&rule, 8, NULL, 13));
  g_assert_false (sc_alert_rule_matches_kpi (&rule, 8, NULL, 0));
}

static gint64
utc (int year,
     int month,
     int day,
     int hour,
     int minute)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (year, month, day, hour, minute, 0);

  return g_date_time_to_unix (dt);
}

static void
test_quiet_hours (void)
{
  g_autoptr(ScAlertRule) rule = sc_alert_rule_new ("Night");

  g_assert_false (sc_alert_rule_is_quiet (rule, utc (2026, 1, 15, 23, 0)));

  rule->has_quiet_hours = TRUE;
  rule->quiet_start_hour = 22;
  rule->quiet_end_hour = 7;
  rule->quiet_tz = g_strdup ("Europe/Berlin");

  /* Winter, UTC+1 */
  g_assert_false (sc_alert_rule_is_quiet (rule, utc (2026, 1, 15, 20, 59)));
  g_assert_true (sc_alert_rule_is_quiet (rule, utc (2026, 1, 15, 21, 0)));
  g_assert_true (sc_alert_rule_is_quiet (rule, utc (2026, 1, 15, 23, 30)));
  g_assert_true (sc_alert_rule_is_quiet (rule, utc (2026, 1, 16, 5, 59)));
  g_assert_false (sc_alert_rule_is_quiet (rule, utc (2026, 1, 16, 6, 0)));
  /* Summer, UTC+2 */
  g_assert_false (sc_alert_rule_is_quiet (rule, utc (2026, 7, 15, 19, 59)));
  g_assert_true (sc_alert_rule_is_quiet (rule, utc (2026, 7, 15, 20, 0)));
  g_assert_false (sc_alert_rule_is_quiet (rule, utc (2026, 7, 16, 5, 0)));

  /* Within one day */
  rule->quiet_start_hour = 12;
  rule->quiet_end_hour = 14;
  g_assert_true (sc_alert_rule_is_quiet (rule, utc (2026, 1, 15, 11, 0)));
  g_assert_false (sc_alert_rule_is_quiet (rule, utc (2026, 1, 15, 13, 0)));
}

static void
test_copy (void)
{
  g_autoptr(ScAlertRule) rule = sc_alert_rule_new ("Original");
  g_autoptr(ScAlertRule) copy = NULL;

  rule->scope = SC_ALERT_SCOPE_DEPARTMENT;
  rule->scope_department = g_strdup ("sales");
  rule->quiet_tz = g_strdup ("UTC");
  rule->level = 42;

  copy = sc_alert_rule_copy (rule);
  g_assert_true (copy->name != rule->name);
  g_assert_cmpstr (copy->name, ==, "Original");
  g_assert_cmpstr (copy->scope_department, ==, "sales");
  g_assert_cmpstr (copy->quiet_tz, ==, "UTC");
  g_assert_cmpfloat (copy->level, ==, 42);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/alerts/rules/keys", test_keys);
  g_test_add_func ("/core/alerts/rules/validate", test_validate);
  g_test_add_func ("/core/alerts/rules/scope", test_scope);
  g_test_add_func ("/core/alerts/rules/quiet-hours", test_quiet_hours);
  g_test_add_func ("/core/alerts/rules/copy", test_copy);

  return g_test_run ();
}
