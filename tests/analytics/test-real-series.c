/* test-real-series.c
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
#include "sc-forecast.h"
#include "sc-trend.h"

/* The accuracy benchmark on real public series (tests/data/series, from
 * Debian's python3-statsmodels; see the README there). Each series is
 * evaluated out of sample on its tail: from each of the last ten origins
 * (fewer when the series is short), h periods apart, every method is
 * fitted on the data before the origin only and forecasts the next h
 * periods, h being one season for the seasonal series. MASE is scaled by
 * the in-sample MAE of seasonal naive before that origin (lag m for the
 * seasonal series, 1 otherwise), the same scale for every method, and
 * averaged over the windows. A single window says little: El Niño's last
 * year alone favours Holt–Winters, the five before it seasonal naive.
 *
 * Where a seasonal pattern exists, the automatically chosen method must
 * beat that scale (MASE < 1). The whole table goes to the test log.
 */

#define MAX_WINDOWS 10
#define MIN_TRAIN   40

typedef struct
{
  const char        *name;
  ScAnalyticsPeriod  period;
  guint              horizon;
  int                scale_lag;
  gboolean           seasonal;
} RealSeries;

static const RealSeries real_series[] = {
  { "co2", SC_ANALYTICS_PERIOD_WEEKLY, 52, 52, TRUE },
  { "elec_equip", SC_ANALYTICS_PERIOD_MONTHLY, 12, 12, TRUE },
  { "elnino", SC_ANALYTICS_PERIOD_MONTHLY, 12, 12, TRUE },
  { "macrodata_realgdp", SC_ANALYTICS_PERIOD_QUARTERLY, 8, 1, FALSE },
  { "nile", SC_ANALYTICS_PERIOD_YEARLY, 10, 1, FALSE },
  { "sunspots", SC_ANALYTICS_PERIOD_YEARLY, 10, 1, FALSE },
};

static const ScForecastMethod methods[] = {
  SC_FORECAST_METHOD_SEASONAL_NAIVE,
  SC_FORECAST_METHOD_LINEAR,
  SC_FORECAST_METHOD_POLYNOMIAL,
  SC_FORECAST_METHOD_SES,
  SC_FORECAST_METHOD_HOLT,
  SC_FORECAST_METHOD_HW_ADDITIVE,
  SC_FORECAST_METHOD_HW_MULTIPLICATIVE,
};

static void
test_series (gconstpointer data)
{
  const RealSeries *rs = data;
  g_autoptr(ScSeries) full = test_load_series (rs->name, rs->period);
  g_autoptr(GString) chosen_names = g_string_new (NULL);
  g_autoptr(GString) row = g_string_new (NULL);
  double method_sum[G_N_ELEMENTS (methods)] = { 0, };
  guint method_count[G_N_ELEMENTS (methods)] = { 0, };
  double auto_sum = 0.0, coverage_in = 0.0, coverage_total = 0.0;
  guint windows;

  g_assert_cmpuint (full->n, >, MIN_TRAIN + rs->horizon);
  windows = (guint) MIN (MAX_WINDOWS, (full->n - MIN_TRAIN) / rs->horizon);

  for (guint k = windows; k >= 1; k--)
    {
      gsize origin = full->n - (gsize) k * rs->horizon;
      g_autoptr(ScSeries) train = sc_series_new (full->period, full->first_index, full->values, origin);
      const double *actual = full->values + origin;
      ScForecastOptions options;
      g_autoptr(ScForecast) f = NULL;
      double scale = sc_forecast_naive_scale (full->values, origin, rs->scale_lag);

      g_assert_cmpfloat (scale, >, 0.0);

      sc_forecast_options_init (&options);
      options.horizon = rs->horizon;
      f = sc_forecast_series (train, &options);
      g_assert_false (sc_forecast_method_is_fallback (f->method));
      auto_sum += sc_forecast_mase (actual, f->mean, rs->horizon, scale);
      g_string_append_printf (chosen_names, "%s%s", k == windows ? "" : ", ",
                              sc_forecast_method_to_key (f->method));

      for (guint h = 0; h < rs->horizon; h++)
        if (isfinite (actual[h]))
          {
            coverage_in += actual[h] >= f->lower95[h] && actual[h] <= f->upper95[h];
            coverage_total++;
          }

      for (guint i = 0; i < G_N_ELEMENTS (methods); i++)
        {
          g_autoptr(ScForecast) g = NULL;

          options.method = methods[i];
          g = sc_forecast_series (train, &options);
          if (g->method != methods[i])
            continue;
          method_sum[i] += sc_forecast_mase (actual, g->mean, rs->horizon, scale);
          method_count[i]++;
        }
    }

  g_string_append_printf (row, "| %-17s | %-5.3f |", rs->name, auto_sum / windows);
  for (guint i = 0; i < G_N_ELEMENTS (methods); i++)
    {
      if (method_count[i] == windows)
        g_string_append_printf (row, " %-5.3f |", method_sum[i] / windows);
      else
        g_string_append (row, "   —   |");
    }

  g_test_message ("| series            | auto  | snaive | linear | poly  | ses   | holt  | hw-add | hw-mul |");
  g_test_message ("%s", row->str);
  g_test_message ("%s: %u windows of %u; chosen: %s; 95 %% interval coverage %.0f/%.0f",
                  rs->name, windows, rs->horizon, chosen_names->str, coverage_in, coverage_total);

  if (rs->seasonal)
    g_assert_cmpfloat (auto_sum / windows, <, 1.0);
}

/* The latest tail alone, as a user would check it by hand. */
static void
test_latest_tail (void)
{
  struct
  {
    const char *name;
    ScAnalyticsPeriod period;
    guint horizon;
    int lag;
  } cases[] = {
    { "co2", SC_ANALYTICS_PERIOD_WEEKLY, 52, 52 },
    { "elec_equip", SC_ANALYTICS_PERIOD_MONTHLY, 12, 12 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ScSeries) full = test_load_series (cases[i].name, cases[i].period);
      gsize n = full->n - cases[i].horizon;
      g_autoptr(ScSeries) train = sc_series_new (full->period, full->first_index, full->values, n);
      ScForecastOptions options;
      g_autoptr(ScForecast) f = NULL;
      ScSeasonality season;
      double mase;

      g_assert_true (sc_trend_seasonality (train, &season));
      g_assert_cmpint (season.period, ==, cases[i].lag);

      sc_forecast_options_init (&options);
      options.horizon = cases[i].horizon;
      f = sc_forecast_series (train, &options);
      mase = sc_forecast_mase (full->values + n, f->mean, cases[i].horizon,
                               sc_forecast_naive_scale (train->values, n, cases[i].lag));

      g_test_message ("%s: season %d (strength %.2f), chose %s, backtest MASE %.3f "
                      "(seasonal naive %.3f), held-out MASE %.3f, sMAPE %.2f, confidence %.0f",
                      cases[i].name, season.period, season.strength,
                      sc_forecast_method_to_key (f->method), f->mase, f->baseline_mase, mase,
                      sc_forecast_smape (full->values + n, f->mean, cases[i].horizon), f->confidence);
      g_assert_cmpfloat (mase, <, 1.0);
    }
}

int
main (int   argc,
      char *argv[])
{
  /* For readable test messages: σ, ±, —. */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (real_series); i++)
    {
      g_autofree char *path = g_strdup_printf ("/analytics/real-series/rolling/%s", real_series[i].name);

      g_test_add_data_func (path, &real_series[i], test_series);
    }
  g_test_add_func ("/analytics/real-series/latest-tail", test_latest_tail);

  return g_test_run ();
}
