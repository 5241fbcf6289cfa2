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
#include <time.h>

#include "analytics-test-utils.h"
#include "sc-anomaly.h"
#include "sc-forecast.h"
#include "sc-insights.h"
#include "sc-kpi-analysis.h"
#include "sc-trend.h"

/* Speed of the analytics on one core: one KPI with two years of daily
 * submissions, forecast alone and the full set (resampling, trends,
 * forecast, anomalies, risk, insight sentences), then many such KPIs,
 * stage by stage, cold (every forecast method chosen by backtest, as on
 * the app's first analysis) and warm (the choices reused, as on every
 * later one), and the same through the app's own per-KPI function. It
 * reports and never fails on a missed goal (STYLE.md §10).
 *
 * SC_BENCH_KPIS sets how many KPIs the many-KPI figures run (default
 * 1000, extrapolated to 10,000; SC_BENCH_KPIS=10000 runs the issue's
 * 10,000 for real, in about a minute).
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

/* The stages of the analysis, timed separately. */
enum
{
  STAGE_TREND,
  STAGE_FORECAST,
  STAGE_ANOMALIES,
  STAGE_RISK,
  STAGE_INSIGHTS,
  N_STAGES
};

static const char * const stage_names[N_STAGES] = {
  "resample + trend",
  "forecast",
  "anomalies",
  "degradation risk",
  "insights + advice",
};

static gint64
now_ns (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);

  return (gint64) ts.tv_sec * G_GINT64_CONSTANT (1000000000) + ts.tv_nsec;
}

/* Everything the app shows for one KPI, as sc_kpi_analysis_compute()
 * does it, except that the season is tested once, by
 * sc_trend_summarize_series(), and handed to the forecast and the anomaly
 * detection. With previous, the forecast reuses its choice of method (what
 * a recompute after one new submission needs); the result replaces
 * *previous either way. When stage_ns is given, the time of each stage is
 * added to it.
 */
static void
full_analytics (const ScHistoryPoint  *points,
                gsize                  n,
                ScForecast           **previous,
                gint64                *stage_ns)
{
  g_autoptr(ScSeries) series = NULL;
  g_autoptr(ScForecast) forecast = NULL;
  g_autoptr(ScAnomalyReport) anomalies = NULL;
  g_autoptr(GPtrArray) sentences = NULL;
  g_autofree char *summary = NULL;
  ScForecastOptions options;
  ScAnomalyOptions anomaly_options;
  ScTrendSummary trend;
  ScDegradationRisk risk;
  ScTargetSuggestion suggestion;
  ScMonitoringAdvice monitoring;
  ScInsightInput input;
  gint64 t[N_STAGES + 1];

  t[0] = now_ns ();
  series = sc_trend_resample (points, n, SC_ANALYTICS_PERIOD_DAILY, NULL);
  sc_trend_summarize_series (points, n, series, 1500.0, &trend);

  t[1] = now_ns ();
  sc_forecast_options_init (&options);
  options.horizon = 30;
  options.has_target = TRUE;
  options.target = 1500.0;
  options.season_length = trend.seasonality.period;
  options.previous = previous != NULL ? *previous : NULL;
  forecast = sc_forecast_series (series, &options);

  t[2] = now_ns ();
  sc_anomaly_options_init (&anomaly_options);
  anomaly_options.season_length = trend.seasonality.period;
  anomalies = sc_anomaly_detect (series, &anomaly_options, NULL);

  t[3] = now_ns ();
  sc_anomaly_degradation_risk (forecast, 800.0, SC_DIRECTION_HIGHER_BETTER, 0, &risk);

  t[4] = now_ns ();
  sc_anomaly_suggest_target (forecast, SC_DIRECTION_HIGHER_BETTER, 0.7, &suggestion);
  sc_anomaly_monitoring_advice (series, TRUE, 800.0, SC_DIRECTION_HIGHER_BETTER, &monitoring);
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
  summary = sc_insights_kpi_summary (&input);
  sc_target_suggestion_clear (&suggestion);
  sc_monitoring_advice_clear (&monitoring);
  t[5] = now_ns ();

  if (stage_ns != NULL)
    for (guint s = 0; s < N_STAGES; s++)
      stage_ns[s] += t[s + 1] - t[s];

  if (previous != NULL)
    {
      sc_forecast_free (*previous);
      *previous = g_steal_pointer (&forecast);
    }
}

/* Runs n_kpis KPIs, each with its own history, and prints the total and
 * the cost of each stage per KPI. cached holds the forecasts to reuse the
 * methods of (all NULL to choose every method) and receives the new ones.
 */
static void
run_kpis (const char   *label,
          guint         n_kpis,
          ScForecast  **cached)
{
  gint64 stage_ns[N_STAGES] = { 0, };
  gint64 history_ns = 0, start, total_ns;
  double total_s;

  start = now_ns ();
  for (guint k = 0; k < n_kpis; k++)
    {
      gint64 h0 = now_ns ();
      g_autofree ScHistoryPoint *points = kpi_history (100 + k);

      history_ns += now_ns () - h0;
      full_analytics (points, DAYS, &cached[k], stage_ns);
    }
  total_ns = now_ns () - start - history_ns;
  total_s = total_ns / 1e9;

  printf ("  %s: %7.3f s (%.3f ms a KPI; %.2f s for 10,000)\n",
          label, total_s, total_s * 1000.0 / n_kpis, total_s / n_kpis * 10000.0);
  for (guint s = 0; s < N_STAGES; s++)
    printf ("    %-18s %8.4f ms a KPI (%4.1f %%)\n", stage_names[s],
            stage_ns[s] / 1e6 / n_kpis, 100.0 * stage_ns[s] / MAX (total_ns, 1));
}

/* The same KPIs through sc_kpi_analysis_compute_reusing(), the function
 * the app runs for each KPI, with each KPI's previous forecast in
 * previous (NULL to choose every method), which receives the new one.
 */
static void
run_app_kpis (const char  *label,
              guint        n_kpis,
              ScForecast **previous,
              GTimeZone   *tz)
{
  gint64 history_ns = 0, start, total_ns;
  double total_s;
  ScKpiFacts facts = { 0, };

  facts.name = (char *) "Revenue";
  facts.target = 1500.0;
  facts.target_type = SC_TARGET_TYPE_NUMBER;
  facts.direction = SC_DIRECTION_HIGHER_BETTER;
  facts.report_type = SC_REPORT_TYPE_DAILY;
  facts.has_value = TRUE;
  facts.warn_from = 800.0 / 15.0;

  start = now_ns ();
  for (guint k = 0; k < n_kpis; k++)
    {
      gint64 h0 = now_ns ();
      g_autofree ScHistoryPoint *points = kpi_history (100 + k);
      ScKpiAnalysis *analysis;

      history_ns += now_ns () - h0;
      facts.kpi_id = k;
      facts.value = points[DAYS - 1].value;
      analysis = sc_kpi_analysis_compute_reusing (&facts, points, DAYS,
                                                  points[DAYS - 1].time + DAY, tz, previous[k]);
      sc_forecast_free (previous[k]);
      previous[k] = sc_forecast_copy_choice (analysis->forecast);
      sc_kpi_analysis_free (analysis);
    }
  total_ns = now_ns () - start - history_ns;
  total_s = total_ns / 1e9;

  printf ("  %s: %7.3f s (%.3f ms a KPI; %.2f s for 10,000)\n",
          label, total_s, total_s * 1000.0 / n_kpis, total_s / n_kpis * 10000.0);
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
  g_autoptr(GTimeZone) tz = g_time_zone_new_utc ();
  double samples[101];
  ScForecastOptions options;
  gint64 start;

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
      full_analytics (one, DAYS, NULL, NULL);
      samples[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  printf ("  full analytics, choosing the method:        %7.3f ms\n",
          median_ms (samples, G_N_ELEMENTS (samples)));

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autoptr(ScForecast) before = sc_forecast_series (shorter, NULL);
      ScForecast *cache = g_steal_pointer (&before);

      start = g_get_monotonic_time ();
      full_analytics (one, DAYS, &cache, NULL);
      samples[i] = (g_get_monotonic_time () - start) / 1000.0;
      sc_forecast_free (cache);
    }
  printf ("  full analytics after one new submission:    %7.3f ms (reusing the method)\n",
          median_ms (samples, G_N_ELEMENTS (samples)));

  /* The KPIs below are far from their red zone, where bounds settle the
   * risk; one near it needs the simulation.
   */
  {
    ScForecast *f = sc_forecast_series (series, &options);
    double threshold = G_MAXDOUBLE;
    ScDegradationRisk risk;

    /* Two standard deviations below the lowest step: a few percent a
     * step, more over the month.
     */
    for (guint h = 0; h < f->horizon; h++)
      threshold = MIN (threshold, f->mean[h] - 2.0 * f->sd[h]);

    for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
      {
        start = g_get_monotonic_time ();
        sc_anomaly_degradation_risk (f, threshold, SC_DIRECTION_HIGHER_BETTER, 0, &risk);
        samples[i] = (g_get_monotonic_time () - start) / 1000.0;
      }
    printf ("  degradation risk near the red zone:         %7.3f ms (risk %.3f, simulated)\n",
            median_ms (samples, G_N_ELEMENTS (samples)), risk.probability);
    g_assert (risk.probability > 0.01 && risk.probability < 0.99);
    sc_forecast_free (f);
  }

  cached = g_new0 (ScForecast *, n_kpis);

  /* Cold: every method chosen by backtest, as on the first analysis.
   * Warm: the choices of the cold run reused on the same histories, as
   * on every later analysis that has them. Generating the histories is
   * not counted.
   */
  printf ("%u KPIs × %d days, full analytics on one core:\n", n_kpis, DAYS);
  run_kpis ("cold, choosing every method", n_kpis, cached);
  run_kpis ("warm, reusing the methods  ", n_kpis, cached);

  for (guint k = 0; k < n_kpis; k++)
    g_clear_pointer (&cached[k], sc_forecast_free);

  printf ("The same through sc_kpi_analysis_compute_reusing(), as the app runs it:\n");
  run_app_kpis ("cold, choosing every method", n_kpis, cached, tz);
  run_app_kpis ("warm, reusing the methods  ", n_kpis, cached, tz);

  for (guint k = 0; k < n_kpis; k++)
    sc_forecast_free (cached[k]);

  return 0;
}
