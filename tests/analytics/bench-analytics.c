/* bench-analytics.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bench-analytics"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "analytics-test-utils.h"
#include "sc-anomaly.h"
#include "sc-forecast.h"
#include "sc-insights.h"
#include "sc-trend.h"

/* Speed of the analytics on one core: one KPI with two years of daily
 * submissions, forecast alone and the full set (resampling, trends,
 * forecast, anomalies, risk, insight sentences), then many such KPIs.
 * It reports and never fails on a missed goal (STYLE.md §10).
 *
 * SC_BENCH_KPIS sets how many KPIs the last figure runs (default 1000;
 * the goal is stated for 10,000).
 */

#define DAYS     730
#define DAY      G_GINT64_CONSTANT (86400)
#define START    G_GINT64_CONSTANT (1704067200) /* 2024-01-01 */

static ScHistoryPoint *
kpi_history (guint32 seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  ScHistoryPoint *points = g_new (ScHistoryPoint, DAYS);
  double level = 1000.0 + g_rand_double_range (rand, -200, 200);
  double slope = g_rand_double_range (rand, -0.5, 1.0);

  for (int d = 0; d < DAYS; d++)
    {
      points[d].time = START + d * DAY + 10 * 3600;
      points[d].value = level + slope * d + (d % 7 >= 5 ? -120.0 : 30.0)
                        + 25.0 * test_normal (rand);
    }

  return points;
}

/* Everything the app shows for one KPI. The season is tested once, by
 * sc_trend_summarize(), and handed to the forecast and the anomaly
 * detection. With previous, the forecast reuses its choice of method
 * (what a recompute after one new submission needs); the result replaces
 * *previous either way.
 */
static void
full_analytics (const ScHistoryPoint  *points,
                gsize                  n,
                ScForecast           **previous)
{
  g_autoptr(ScSeries) series = sc_trend_resample (points, n, SC_ANALYTICS_PERIOD_DAILY, NULL);
  g_autoptr(ScForecast) forecast = NULL;
  g_autoptr(ScAnomalyReport) anomalies = NULL;
  g_autoptr(GPtrArray) sentences = NULL;
  ScForecastOptions options;
  ScAnomalyOptions anomaly_options;
  ScTrendSummary trend;
  ScDegradationRisk risk;
  ScInsightInput input;

  sc_trend_summarize (points, n, SC_ANALYTICS_PERIOD_DAILY, NULL, 1500.0, &trend);

  sc_forecast_options_init (&options);
  options.horizon = 30;
  options.has_target = TRUE;
  options.target = 1500.0;
  options.season_length = trend.seasonality.period;
  options.previous = previous != NULL ? *previous : NULL;
  forecast = sc_forecast_series (series, &options);

  sc_anomaly_options_init (&anomaly_options);
  anomaly_options.season_length = trend.seasonality.period;
  anomalies = sc_anomaly_detect (series, &anomaly_options, NULL);
  sc_anomaly_degradation_risk (forecast, 800.0, SC_DIRECTION_HIGHER_BETTER, 0, &risk);

  sc_insight_input_init (&input);
  input.name = "Revenue";
  input.target = 1500.0;
  input.days_left = 30;
  input.has_value = TRUE;
  input.value = points[n - 1].value;
  input.forecast = forecast;
  input.trend = &trend;
  input.anomalies = anomalies;
  input.risk = &risk;
  sentences = sc_insights_for_kpi (&input);

  if (previous != NULL)
    {
      sc_forecast_free (*previous);
      *previous = g_steal_pointer (&forecast);
    }
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median_ms (double *samples,
           guint   n)
{
  qsort (samples, n, sizeof (double), compare_doubles);

  return samples[n / 2];
}

int
main (int   argc,
      char *argv[])
{
  g_autofree ScHistoryPoint *one = kpi_history (1);
  g_autoptr(ScSeries) series = sc_trend_resample (one, DAYS, SC_ANALYTICS_PERIOD_DAILY, NULL);
  g_autoptr(ScSeries) shorter = sc_trend_resample (one, DAYS - 1, SC_ANALYTICS_PERIOD_DAILY, NULL);
  g_autoptr(ScForecast) previous = NULL;
  const char *env = g_getenv ("SC_BENCH_KPIS");
  guint n_kpis = env != NULL ? (guint) MAX (1, atoi (env)) : 1000;
  g_autofree ScForecast **cached = NULL;
  double samples[101];
  ScForecastOptions options;
  gint64 start;
  double total_s;

  sc_forecast_options_init (&options);
  options.horizon = 30;

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      ScForecast *f;

      start = g_get_monotonic_time ();
      f = sc_forecast_series (series, &options);
      samples[i] = (g_get_monotonic_time () - start) / 1000.0;
      if (i == 0)
        printf ("one KPI, %d daily values: %s, season %d, backtest MASE %.3f\n",
                DAYS, sc_forecast_method_to_key (f->method), f->season_length, f->mase);
      sc_forecast_free (f);
    }
  printf ("  forecast, choosing the method by backtest:  %7.3f ms (median of %u)\n",
          median_ms (samples, G_N_ELEMENTS (samples)), (guint) G_N_ELEMENTS (samples));

  /* The day before, then one more value. */
  previous = sc_forecast_series (shorter, &options);
  options.previous = previous;
  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      ScForecast *f;

      start = g_get_monotonic_time ();
      f = sc_forecast_series (series, &options);
      samples[i] = (g_get_monotonic_time () - start) / 1000.0;
      g_assert (f->reused);
      sc_forecast_free (f);
    }
  printf ("  forecast, reusing the previous choice:      %7.3f ms\n",
          median_ms (samples, G_N_ELEMENTS (samples)));

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      start = g_get_monotonic_time ();
      full_analytics (one, DAYS, NULL);
      samples[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  printf ("  full analytics, choosing the method:        %7.3f ms\n",
          median_ms (samples, G_N_ELEMENTS (samples)));

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autoptr(ScForecast) before = sc_forecast_series (shorter, NULL);
      ScForecast *cache = g_steal_pointer (&before);

      start = g_get_monotonic_time ();
      full_analytics (one, DAYS, &cache);
      samples[i] = (g_get_monotonic_time () - start) / 1000.0;
      sc_forecast_free (cache);
    }
  printf ("  full analytics after one new submission:    %7.3f ms (reusing the method)\n",
          median_ms (samples, G_N_ELEMENTS (samples)));

  cached = g_new0 (ScForecast *, n_kpis);

  start = g_get_monotonic_time ();
  for (guint k = 0; k < n_kpis; k++)
    {
      g_autofree ScHistoryPoint *points = kpi_history (100 + k);

      full_analytics (points, DAYS, &cached[k]);
    }
  total_s = (g_get_monotonic_time () - start) / 1e6;
  printf ("%u KPIs × %d days, full analytics on one core:\n", n_kpis, DAYS);
  printf ("  choosing every method:  %7.3f s (%.3f ms a KPI; %.1f s for 10,000)\n",
          total_s, total_s * 1000.0 / n_kpis, total_s / n_kpis * 10000.0);

  start = g_get_monotonic_time ();
  for (guint k = 0; k < n_kpis; k++)
    {
      g_autofree ScHistoryPoint *points = kpi_history (100 + k);

      full_analytics (points, DAYS, &cached[k]);
    }
  total_s = (g_get_monotonic_time () - start) / 1e6;
  printf ("  reusing the methods:    %7.3f s (%.3f ms a KPI; %.1f s for 10,000)\n",
          total_s, total_s * 1000.0 / n_kpis, total_s / n_kpis * 10000.0);

  for (guint k = 0; k < n_kpis; k++)
    sc_forecast_free (cached[k]);

  return 0;
}
