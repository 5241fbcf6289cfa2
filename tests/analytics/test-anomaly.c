/* test-anomaly.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-test"

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "analytics-test-utils.h"
#include "sc-anomaly.h"

/* Day 20458 is Monday 2026-01-05. */
#define MONDAY 20458

#define N_SPIKE_SERIES 40
#define N_SPIKES       8
#define N_SHIFT_SERIES 100

/* A year of daily values: trend, a weekly pattern and unit noise. */
static void
daily_series (GRand  *rand,
              double *y,
              gsize   n)
{
  double phase = g_rand_double (rand) * 2.0 * G_PI;
  double slope = g_rand_double_range (rand, -0.05, 0.05);

  for (gsize t = 0; t < n; t++)
    y[t] = 50.0 + slope * t + 5.0 * sin (2.0 * G_PI * t / 7.0 + phase) + test_normal (rand);
}

static void
test_spikes_precision_recall (void)
{
  guint tp = 0, fp = 0, fn = 0;

  for (guint i = 0; i < N_SPIKE_SERIES; i++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (500 + i);
      g_autoptr(ScSeries) s = NULL;
      g_autoptr(ScAnomalyReport) report = NULL;
      double y[365];
      gsize injected[N_SPIKES];
      double sign[N_SPIKES];
      guint found = 0;

      daily_series (rand, y, 365);

      /* Spikes of 5 to 9 σ, at least four days apart. */
      for (guint k = 0; k < N_SPIKES; k++)
        {
          gboolean clash;

          do
            {
              injected[k] = g_rand_int_range (rand, 0, 365);
              clash = FALSE;
              for (guint j = 0; j < k; j++)
                clash = clash || (injected[k] > injected[j] ? injected[k] - injected[j] : injected[j] - injected[k]) < 4;
            }
          while (clash);

          sign[k] = g_rand_boolean (rand) ? 1.0 : -1.0;
          y[injected[k]] += sign[k] * g_rand_double_range (rand, 5.0, 9.0);
        }

      s = sc_series_new (SC_ANALYTICS_PERIOD_DAILY, MONDAY, y, 365);
      report = sc_anomaly_detect (s, NULL, NULL);
      g_assert_cmpint (report->season_length, ==, 7);

      for (gsize a = 0; a < report->n_anomalies; a++)
        {
          const ScAnomaly *an = &report->anomalies[a];
          gboolean hit = FALSE;

          if (an->kind != SC_ANOMALY_SPIKE)
            continue;

          for (guint k = 0; k < N_SPIKES; k++)
            if (an->index == injected[k] && an->score * sign[k] > 0)
              hit = TRUE;

          if (hit)
            {
              tp++;
              found++;
            }
          else
            fp++;
        }

      fn += N_SPIKES - found;
    }

  g_test_message ("spikes: %u found, %u false, %u missed: precision %.3f, recall %.3f",
                  tp, fp, fn, (double) tp / (tp + fp), (double) tp / (tp + fn));
  g_assert_cmpfloat ((double) tp / (tp + fp), >=, 0.9);
  g_assert_cmpfloat ((double) tp / (tp + fn), >=, 0.9);
}

static void
count_shifts (double  size,
              guint  *found,
              guint  *false_alarms,
              double *error_sum)
{
  *found = *false_alarms = 0;
  *error_sum = 0.0;

  for (guint i = 0; i < N_SHIFT_SERIES; i++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (900 + i);
      g_autoptr(ScSeries) s = NULL;
      g_autoptr(ScAnomalyReport) report = NULL;
      double y[365];
      gsize tau = (gsize) g_rand_int_range (rand, 100, 265);
      gboolean hit = FALSE;

      daily_series (rand, y, 365);
      for (gsize t = tau; t < 365; t++)
        y[t] += size;

      s = sc_series_new (SC_ANALYTICS_PERIOD_DAILY, MONDAY, y, 365);
      report = sc_anomaly_detect (s, NULL, NULL);

      for (gsize a = 0; a < report->n_anomalies; a++)
        {
          const ScAnomaly *an = &report->anomalies[a];

          if (an->kind != SC_ANOMALY_LEVEL_SHIFT)
            continue;

          if (size != 0.0 && !hit && labs ((long) an->index - (long) tau) <= 5 && an->score * size > 0)
            {
              hit = TRUE;
              *error_sum += labs ((long) an->index - (long) tau);
              g_assert_cmpfloat (fabs (an->score - size), <, 1.5);
              g_assert_nonnull (an->reason);
            }
          else
            (*false_alarms)++;
        }

      *found += hit;
    }
}

static void
test_level_shifts (void)
{
  guint found, false_alarms;
  double error_sum;

  count_shifts (0.0, &found, &false_alarms, &error_sum);
  g_test_message ("no shift: %u false level shifts in %u series-years", false_alarms, N_SHIFT_SERIES);
  g_assert_cmpuint (false_alarms, <=, N_SHIFT_SERIES / 5);

  count_shifts (3.0, &found, &false_alarms, &error_sum);
  g_test_message ("3σ shift: found %u of %u within 5 days (mean error %.2f days), %u other alarms",
                  found, N_SHIFT_SERIES, error_sum / MAX (found, 1), false_alarms);
  g_assert_cmpuint (found, >=, N_SHIFT_SERIES * 85 / 100);

  count_shifts (-2.0, &found, &false_alarms, &error_sum);
  g_test_message ("-2σ shift: found %u of %u within 5 days (mean error %.2f days), %u other alarms",
                  found, N_SHIFT_SERIES, error_sum / MAX (found, 1), false_alarms);
  g_assert_cmpuint (found, >=, N_SHIFT_SERIES * 80 / 100);
}

static void
test_trend_is_not_a_shift (void)
{
  guint shifts = 0;

  for (guint i = 0; i < 50; i++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (1300 + i);
      g_autoptr(ScSeries) s = NULL;
      g_autoptr(ScAnomalyReport) report = NULL;
      double y[365];

      daily_series (rand, y, 365);
      for (gsize t = 0; t < 365; t++)
        y[t] += 0.1 * t;

      s = sc_series_new (SC_ANALYTICS_PERIOD_DAILY, MONDAY, y, 365);
      report = sc_anomaly_detect (s, NULL, NULL);
      shifts += sc_anomaly_report_count (report, SC_ANOMALY_LEVEL_SHIFT);
      shifts += sc_anomaly_report_count (report, SC_ANOMALY_DRIFT);
    }

  g_test_message ("steady trend of 0.1σ a day: %u level shifts and drifts in 50 series", shifts);
  g_assert_cmpuint (shifts, <=, 15);
}

static void
test_reason (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (1);
  g_autoptr(ScSeries) s = NULL;
  g_autoptr(ScAnomalyReport) report = NULL;
  double y[140];
  gboolean seen = FALSE;

  daily_series (rand, y, 140);
  y[71] += 12.0;   /* day 71 after a Monday: a Tuesday */
  y[103] -= 12.0;  /* a Saturday */

  s = sc_series_new (SC_ANALYTICS_PERIOD_DAILY, MONDAY, y, 140);
  report = sc_anomaly_detect (s, NULL, NULL);

  for (gsize a = 0; a < report->n_anomalies; a++)
    {
      const ScAnomaly *an = &report->anomalies[a];

      g_test_message ("%" G_GSIZE_FORMAT ": %s %.2f: %s", an->index,
                      sc_anomaly_kind_to_key (an->kind), an->score, an->reason);
      if (an->index == 71)
        {
          g_assert_cmpint (an->kind, ==, SC_ANOMALY_SPIKE);
          g_assert_true (g_regex_match_simple ("^[0-9]+\\.[0-9] MADs above the expected Tuesday value$",
                                               an->reason, 0, 0));
          g_assert_cmpint (an->time, ==, (MONDAY + 71) * G_GINT64_CONSTANT (86400));
          g_assert_cmpfloat (an->value, ==, y[71]);
          g_assert_cmpfloat (fabs (an->value - an->expected - 12.0), <, 3.0);
          seen = TRUE;
        }
      if (an->index == 103)
        g_assert_true (g_regex_match_simple ("^[0-9]+\\.[0-9] MADs below the expected Saturday value$",
                                             an->reason, 0, 0));
    }

  g_assert_true (seen);
  assert_all_finite (report->expected, report->n);
}

static void
test_degenerate (void)
{
  double few[] = { 1.0, 2.0, 3.0 };
  double flat[60];
  double gaps[60];
  g_autoptr(ScSeries) a = sc_series_new (SC_ANALYTICS_PERIOD_DAILY, 0, few, 3);
  g_autoptr(ScSeries) b = NULL;
  g_autoptr(ScSeries) c = NULL;
  g_autoptr(ScAnomalyReport) ra = NULL;
  g_autoptr(ScAnomalyReport) rb = NULL;
  g_autoptr(ScAnomalyReport) rc = NULL;

  ra = sc_anomaly_detect (a, NULL, NULL);
  g_assert_cmpuint (ra->n_anomalies, ==, 0);
  assert_all_finite (ra->expected, ra->n);

  /* A flat line with one odd value: the MAD is 0, the value still stands
   * out.
   */
  for (int t = 0; t < 60; t++)
    flat[t] = 5.0;
  flat[30] = 9.0;
  b = sc_series_new (SC_ANALYTICS_PERIOD_DAILY, 0, flat, 60);
  rb = sc_anomaly_detect (b, NULL, NULL);
  g_assert_cmpuint (sc_anomaly_report_count (rb, SC_ANOMALY_SPIKE), ==, 1);
  g_assert_cmpuint (rb->anomalies[0].index, ==, 30);
  g_assert_true (isfinite (rb->anomalies[0].score));

  for (int t = 0; t < 60; t++)
    gaps[t] = t % 4 == 0 ? NAN : 10.0 + (t % 3);
  c = sc_series_new (SC_ANALYTICS_PERIOD_DAILY, 0, gaps, 60);
  rc = sc_anomaly_detect (c, NULL, NULL);
  assert_all_finite (rc->expected, rc->n);
  for (gsize i = 0; i < rc->n_anomalies; i++)
    g_assert_true (isfinite (rc->anomalies[i].value) && isfinite (rc->anomalies[i].score));
}

/* Risk, monitoring, targets */

static ScForecast *
steady_forecast (double mean,
                 double noise,
                 guint  horizon)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2);
  ScForecastOptions options;
  double y[200];

  for (int t = 0; t < 200; t++)
    y[t] = mean + noise * test_normal (rand);

  sc_forecast_options_init (&options);
  options.horizon = horizon;

  return sc_forecast_values (y, 200, SC_ANALYTICS_PERIOD_DAILY, &options);
}

static void
test_degradation_risk (void)
{
  g_autoptr(ScForecast) f = steady_forecast (100.0, 5.0, 30);
  ScDegradationRisk risk, previous = { 0, };

  g_assert_true (sc_anomaly_degradation_risk (f, 50.0, SC_DIRECTION_HIGHER_BETTER, 0, &risk));
  g_assert_cmpfloat (risk.probability, <, 0.01);
  g_assert_cmpuint (risk.first_likely_step, ==, 0);
  g_assert_cmpuint (risk.horizon, ==, 30);

  g_assert_true (sc_anomaly_degradation_risk (f, 150.0, SC_DIRECTION_HIGHER_BETTER, 0, &risk));
  g_assert_cmpfloat (risk.probability, >, 0.99);
  g_assert_cmpuint (risk.first_likely_step, ==, 1);

  /* Crossing at some step is likelier than being past it at the end, and
   * the risk grows as the threshold nears the forecast.
   */
  for (double threshold = 80.0; threshold <= 100.0; threshold += 5.0)
    {
      g_assert_true (sc_anomaly_degradation_risk (f, threshold, SC_DIRECTION_HIGHER_BETTER, 30, &risk));
      g_test_message ("threshold %.0f: risk %.3f, at the end %.3f", threshold, risk.probability,
                      risk.probability_end);
      g_assert_cmpfloat (risk.probability, >=, risk.probability_end);
      g_assert_cmpfloat (risk.probability, >=, previous.probability);
      previous = risk;
    }

  /* Lower is better: the red zone is above. */
  g_assert_true (sc_anomaly_degradation_risk (f, 150.0, SC_DIRECTION_LOWER_BETTER, 10, &risk));
  g_assert_cmpfloat (risk.probability, <, 0.01);
  g_assert_cmpuint (risk.horizon, ==, 10);
  g_assert_true (sc_anomaly_degradation_risk (f, 50.0, SC_DIRECTION_LOWER_BETTER, 10, &risk));
  g_assert_cmpfloat (risk.probability, >, 0.99);
}

static void
test_monitoring_advice (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);
  double volatile_y[60], calm_y[60];
  g_autoptr(ScSeries) jumpy = NULL;
  g_autoptr(ScSeries) calm = NULL;
  g_autoptr(ScSeries) monthly = NULL;
  ScMonitoringAdvice advice;

  for (int t = 0; t < 60; t++)
    {
      volatile_y[t] = 100.0 + 15.0 * test_normal (rand);
      calm_y[t] = 100.0 + 0.05 * test_normal (rand);
    }
  volatile_y[59] = 100.0;
  calm_y[59] = 100.0;

  jumpy = sc_series_new (SC_ANALYTICS_PERIOD_DAILY, MONDAY, volatile_y, 60);
  g_assert_true (sc_anomaly_monitoring_advice (jumpy, TRUE, 90.0, SC_DIRECTION_HIGHER_BETTER, &advice));
  g_test_message ("volatile: %s", advice.reason);
  g_assert_cmpint (advice.frequency, ==, SC_ANALYTICS_PERIOD_DAILY);
  g_assert_true (g_str_has_prefix (advice.reason, "Check it daily"));
  sc_monitoring_advice_clear (&advice);

  calm = sc_series_new (SC_ANALYTICS_PERIOD_DAILY, MONDAY, calm_y, 60);
  g_assert_true (sc_anomaly_monitoring_advice (calm, TRUE, 90.0, SC_DIRECTION_HIGHER_BETTER, &advice));
  g_test_message ("calm: %s", advice.reason);
  g_assert_cmpint (advice.frequency, >=, SC_ANALYTICS_PERIOD_MONTHLY);
  sc_monitoring_advice_clear (&advice);

  g_assert_true (sc_anomaly_monitoring_advice (calm, TRUE, 100.5, SC_DIRECTION_HIGHER_BETTER, &advice));
  g_assert_cmpint (advice.frequency, ==, SC_ANALYTICS_PERIOD_DAILY);
  g_assert_cmpfloat (advice.days_to_threshold, ==, 0.0);
  sc_monitoring_advice_clear (&advice);

  /* Never finer than the data. */
  monthly = sc_series_new (SC_ANALYTICS_PERIOD_MONTHLY, 24000, volatile_y, 24);
  g_assert_true (sc_anomaly_monitoring_advice (monthly, FALSE, 0.0, SC_DIRECTION_HIGHER_BETTER, &advice));
  g_assert_cmpint (advice.frequency, >=, SC_ANALYTICS_PERIOD_MONTHLY);
  g_assert_nonnull (advice.reason);
  sc_monitoring_advice_clear (&advice);
}

static void
test_target_suggestion (void)
{
  g_autoptr(ScForecast) f = steady_forecast (100.0, 5.0, 30);
  ScTargetSuggestion up, down;

  g_assert_true (sc_anomaly_suggest_target (f, SC_DIRECTION_HIGHER_BETTER, 0.0, &up));
  g_test_message ("%s", up.reason);
  g_assert_cmpfloat (up.quantile, ==, 0.7);
  g_assert_cmpfloat (up.target, >, f->mean[29]);
  g_assert_cmpfloat (fabs (up.probability - 0.3), <, 0.02);
  g_assert_true (g_str_has_prefix (up.reason, "A target of "));

  g_assert_true (sc_anomaly_suggest_target (f, SC_DIRECTION_LOWER_BETTER, 0.8, &down));
  g_assert_cmpfloat (down.target, <, f->mean[29]);
  g_assert_cmpfloat (fabs (down.probability - 0.2), <, 0.02);

  sc_target_suggestion_clear (&up);
  sc_target_suggestion_clear (&down);
  g_assert_null (up.reason);
}

int
main (int   argc,
      char *argv[])
{
  /* For readable test messages: σ, ±, —. */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/analytics/anomaly/spikes/precision-recall", test_spikes_precision_recall);
  g_test_add_func ("/analytics/anomaly/level-shifts/cusum", test_level_shifts);
  g_test_add_func ("/analytics/anomaly/level-shifts/not-a-trend", test_trend_is_not_a_shift);
  g_test_add_func ("/analytics/anomaly/reason", test_reason);
  g_test_add_func ("/analytics/anomaly/degenerate", test_degenerate);
  g_test_add_func ("/analytics/anomaly/degradation-risk", test_degradation_risk);
  g_test_add_func ("/analytics/anomaly/monitoring-advice", test_monitoring_advice);
  g_test_add_func ("/analytics/anomaly/target-suggestion", test_target_suggestion);

  return g_test_run ();
}
