/* test-insights.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-test"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "sc-insights.h"

/* The sentences, word for word, in the C locale (test_env sets
 * LC_ALL=C.UTF-8; percentages carry a no-break space). The numbers come
 * from hand-made results so each sentence is known exactly.
 */

#define NBSP "\u00A0"

typedef struct
{
  ScForecast  forecast;
  double      mean[9];
  double      sd[9];
  double      lower80[9];
  double      upper80[9];
  double      lower95[9];
  double      upper95[9];
} FakeForecast;

/* A forecast ending at step `steps` with the given mean and 80 % bounds
 * there. Not allocated: never passed to sc_forecast_free().
 */
static void
fake_forecast (FakeForecast *fake,
               guint         steps,
               double        mean,
               double        lower80,
               double        upper80)
{
  memset (fake, 0, sizeof *fake);
  fake->forecast.method = SC_FORECAST_METHOD_HW_ADDITIVE;
  fake->forecast.period = SC_ANALYTICS_PERIOD_DAILY;
  fake->forecast.horizon = steps;
  fake->forecast.end_step = steps;
  fake->forecast.mean = fake->mean;
  fake->forecast.sd = fake->sd;
  fake->forecast.lower80 = fake->lower80;
  fake->forecast.upper80 = fake->upper80;
  fake->forecast.lower95 = fake->lower95;
  fake->forecast.upper95 = fake->upper95;
  fake->forecast.confidence = 70.0;

  for (guint i = 0; i < steps; i++)
    {
      fake->mean[i] = mean;
      fake->lower80[i] = lower80;
      fake->upper80[i] = upper80;
      fake->lower95[i] = lower80;
      fake->upper95[i] = upper80;
    }
}

static void
assert_sentences (GPtrArray   *sentences,
                  const char **expected)
{
  guint n = 0;

  while (expected[n] != NULL)
    n++;

  for (guint i = 0; i < sentences->len; i++)
    g_test_message ("%s", (const char *) g_ptr_array_index (sentences, i));

  g_assert_cmpuint (sentences->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (g_ptr_array_index (sentences, i), ==, expected[i]);
}

static void
test_issue_example (void)
{
  FakeForecast fake;
  ScInsightInput input;
  g_autoptr(GPtrArray) sentences = NULL;
  const char *expected[] = {
    "Revenue is 12" NBSP "% below target with 9 days left; at the current pace it ends at 93" NBSP "% "
    "(80" NBSP "% interval 88–98" NBSP "%).",
    NULL,
  };

  fake_forecast (&fake, 9, 93000.0, 88000.0, 98000.0);
  sc_insight_input_init (&input);
  input.name = "Revenue";
  input.target = 100000.0;
  input.target_type = SC_TARGET_TYPE_CURRENCY;
  input.days_left = 9;
  input.has_value = TRUE;
  input.value = 88000.0;
  input.forecast = &fake.forecast;

  sentences = sc_insights_for_kpi (&input);
  assert_sentences (sentences, expected);
}

static void
test_lower_is_better (void)
{
  FakeForecast fake;
  ScInsightInput input;
  g_autoptr(GPtrArray) sentences = NULL;
  const char *expected[] = {
    "Response time is 25" NBSP "% above target with 1 day left; at the current pace it ends at 89" NBSP "% "
    "(80" NBSP "% interval 77–100" NBSP "%).",
    "The chance of meeting the target by the end of the period is 35" NBSP "%.",
    NULL,
  };

  fake_forecast (&fake, 1, 4.5, 4.0, 5.2);
  fake.forecast.has_target = TRUE;
  fake.forecast.probability_target = 0.35;

  sc_insight_input_init (&input);
  input.name = "Response time";
  input.target = 4.0;
  input.target_type = SC_TARGET_TYPE_DURATION;
  input.direction = SC_DIRECTION_LOWER_BETTER;
  input.days_left = 1;
  input.has_value = TRUE;
  input.value = 5.0;
  input.forecast = &fake.forecast;

  sentences = sc_insights_for_kpi (&input);
  assert_sentences (sentences, expected);
}

static void
test_everything (void)
{
  FakeForecast fake;
  ScInsightInput input;
  ScTrendSummary trend;
  ScAnomaly anomalies[3];
  ScAnomalyReport report;
  ScDegradationRisk risk = { 0.4, 0.2, 0, 30 };
  g_autoptr(GPtrArray) sentences = NULL;
  g_autofree char *summary = NULL;
  const char *expected[] = {
    "Revenue is on target; at the current pace it ends the period at 101" NBSP "% "
    "(80" NBSP "% interval 95–107" NBSP "%).",
    "The chance of meeting the target by the end of the period is 60" NBSP "%.",
    "Revenue rose 4" NBSP "% over the last 30 days.",
    "Revenue held steady over the last 7 days.",
    "There is a 40" NBSP "% risk that Revenue enters the red zone within 30 days.",
    "2 values stand out; the latest is 3.4 MADs above the expected Tuesday value.",
    "Its level shifted 1 time; the latest shift was down by 2.1 standard deviations.",
    "The history is short.",
    NULL,
  };

  fake_forecast (&fake, 9, 1010.0, 950.0, 1070.0);
  fake.forecast.has_target = TRUE;
  fake.forecast.probability_target = 0.6;
  fake.forecast.low_confidence = TRUE;
  fake.forecast.reason = (char *) "The history is short.";

  memset (&trend, 0, sizeof trend);
  trend.month.available = TRUE;
  trend.month.percent = 4.2;
  trend.week.available = TRUE;
  trend.week.percent = -0.3;

  memset (anomalies, 0, sizeof anomalies);
  anomalies[0].kind = SC_ANOMALY_SPIKE;
  anomalies[0].reason = (char *) "5.0 MADs below the expected Monday value";
  anomalies[1].kind = SC_ANOMALY_LEVEL_SHIFT;
  anomalies[1].score = -2.1;
  anomalies[2].kind = SC_ANOMALY_SPIKE;
  anomalies[2].reason = (char *) "3.4 MADs above the expected Tuesday value";
  memset (&report, 0, sizeof report);
  report.anomalies = anomalies;
  report.n_anomalies = 3;

  sc_insight_input_init (&input);
  input.name = "Revenue";
  input.target = 1000.0;
  input.has_value = TRUE;
  input.value = 1003.0;
  input.forecast = &fake.forecast;
  input.trend = &trend;
  input.anomalies = &report;
  input.risk = &risk;

  sentences = sc_insights_for_kpi (&input);
  assert_sentences (sentences, expected);

  summary = sc_insights_kpi_summary (&input);
  g_assert_true (g_str_has_prefix (summary, "Revenue is on target; "));
  g_assert_true (g_str_has_suffix (summary, "deviations. The history is short."));
}

static void
test_only_what_is_known (void)
{
  ScInsightInput input;
  g_autoptr(GPtrArray) nothing = NULL;
  g_autoptr(GPtrArray) value_only = NULL;
  g_autoptr(GPtrArray) boolean = NULL;
  g_autofree char *empty = NULL;
  const char *expected_value[] = { "Tickets is 30" NBSP "% below target with 0 days left.", NULL };

  sc_insight_input_init (&input);
  nothing = sc_insights_for_kpi (&input);
  g_assert_cmpuint (nothing->len, ==, 0);
  empty = sc_insights_kpi_summary (&input);
  g_assert_cmpstr (empty, ==, "");

  input.name = "Tickets";
  input.target = 10.0;
  input.has_value = TRUE;
  input.value = 7.0;
  input.days_left = 0;
  value_only = sc_insights_for_kpi (&input);
  assert_sentences (value_only, expected_value);

  /* Achieved / not achieved has no percentage to state. */
  input.target_type = SC_TARGET_TYPE_BOOLEAN;
  input.target = 1.0;
  boolean = sc_insights_for_kpi (&input);
  g_assert_cmpuint (boolean->len, ==, 0);
}

static void
test_group_summary (void)
{
  g_autofree char *company = sc_insights_group_summary (NULL, 3, 41, "Revenue", -12.4);
  g_autofree char *department = sc_insights_group_summary ("Sales", 1, 5, NULL, 0.0);
  g_autofree char *no_drop = sc_insights_group_summary (NULL, 0, 12, "Revenue", 3.0);

  g_assert_cmpstr (company, ==, "3 of 41 KPIs are at risk this period. The biggest drop is Revenue, down 12" NBSP "%.");
  g_assert_cmpstr (department, ==, "1 of 5 KPIs in Sales is at risk this period.");
  g_assert_cmpstr (no_drop, ==, "0 of 12 KPIs are at risk this period.");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/analytics/insights/issue-example", test_issue_example);
  g_test_add_func ("/analytics/insights/lower-is-better", test_lower_is_better);
  g_test_add_func ("/analytics/insights/everything", test_everything);
  g_test_add_func ("/analytics/insights/only-what-is-known", test_only_what_is_known);
  g_test_add_func ("/analytics/insights/group-summary", test_group_summary);

  return g_test_run ();
}
