/* test-forecast.c
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

#define N_SIMULATED 300
#define N_KINDS     5

/* Every number of a forecast is finite and its distribution coherent. */
static void
assert_sane (const ScForecast *f)
{
  g_assert_nonnull (f);
  assert_all_finite (f->mean, f->horizon);
  assert_all_finite (f->sd, f->horizon);
  assert_all_finite (f->lower80, f->horizon);
  assert_all_finite (f->upper80, f->horizon);
  assert_all_finite (f->lower95, f->horizon);
  assert_all_finite (f->upper95, f->horizon);

  for (guint h = 0; h < f->horizon; h++)
    {
      g_assert_cmpfloat (f->sd[h], >=, 0.0);
      g_assert_cmpfloat (f->lower95[h], <=, f->lower80[h]);
      g_assert_cmpfloat (f->lower80[h], <=, f->upper80[h]);
      g_assert_cmpfloat (f->upper80[h], <=, f->upper95[h]);
    }

  g_assert_true (isfinite (f->mase) && isfinite (f->smape) && isfinite (f->df));
  g_assert_true (isfinite (f->alpha) && isfinite (f->phi) && isfinite (f->residual_sd));
  g_assert_cmpfloat (f->confidence, >=, 0.0);
  g_assert_cmpfloat (f->confidence, <=, 100.0);
  g_assert_cmpfloat (f->probability_target, >=, 0.0);
  g_assert_cmpfloat (f->probability_target, <=, 1.0);
  g_assert_cmpfloat (f->calibration, >=, 1.0);
  if (f->horizon > 0)
    {
      g_assert_cmpuint (f->end_step, >=, 1);
      g_assert_cmpuint (f->end_step, <=, f->horizon);
    }
  if (sc_forecast_method_is_fallback (f->method))
    {
      g_assert_true (f->low_confidence);
      g_assert_nonnull (f->reason);
      g_assert_cmpfloat (f->confidence, <=, 25.0);
    }
  if (f->low_confidence)
    g_assert_nonnull (f->reason);
}

/* The simulated series of the coverage and baseline tests: a local level
 * (random walk plus noise), a straight line plus noise, an additive yearly
 * season on monthly data, a multiplicative weekly season on daily data, and
 * a stationary AR(1). Returns the horizon.
 */
static guint
simulate (guint              i,
          double            *y,
          gsize             *n,
          ScAnalyticsPeriod *period)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7000 + i);
  double level = 50.0, ar = 0.0;
  double slope = 0.1 + g_rand_double (rand) * 0.3;
  double amplitude = 3.0 + g_rand_double (rand) * 5.0;
  double phase = g_rand_double (rand) * 2.0 * G_PI;
  guint kind = i % N_KINDS, horizon;

  switch (kind)
    {
    case 0:
      *n = 120;
      horizon = 12;
      *period = SC_ANALYTICS_PERIOD_WEEKLY;
      break;
    case 1:
    case 2:
      *n = 120;
      horizon = 12;
      *period = SC_ANALYTICS_PERIOD_MONTHLY;
      break;
    case 3:
      *n = 196;
      horizon = 14;
      *period = SC_ANALYTICS_PERIOD_DAILY;
      break;
    default:
      *n = 150;
      horizon = 14;
      *period = SC_ANALYTICS_PERIOD_DAILY;
      break;
    }

  for (gsize t = 0; t < *n + horizon; t++)
    {
      double e = test_normal (rand);

      switch (kind)
        {
        case 0:
          level += 0.5 * test_normal (rand);
          y[t] = level + e;
          break;
        case 1:
          y[t] = 10.0 + slope * t + 2.0 * e;
          break;
        case 2:
          y[t] = 50.0 + slope * t + amplitude * sin (2.0 * G_PI * t / 12.0 + phase) + e;
          break;
        case 3:
          y[t] = (100.0 + 0.2 * t) * (1.0 + 0.2 * sin (2.0 * G_PI * t / 7.0 + phase)) * (1.0 + 0.03 * e);
          break;
        default:
          ar = 0.6 * ar + e;
          y[t] = 20.0 + ar;
          break;
        }
    }

  return horizon;
}

/* Known truth */

static void
test_linear_slope_recovery (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);
  g_autoptr(ScForecast) f = NULL;
  g_autoptr(ScForecast) forced = NULL;
  ScForecastOptions options;
  double y[100];

  for (int t = 0; t < 100; t++)
    y[t] = 10.0 + 0.8 * t + 2.0 * test_normal (rand);

  sc_forecast_options_init (&options);
  options.horizon = 12;
  f = sc_forecast_values (y, 100, SC_ANALYTICS_PERIOD_MONTHLY, &options);
  assert_sane (f);
  g_test_message ("chose %s, backtest MASE %.3f (seasonal naive %.3f)",
                  sc_forecast_method_to_key (f->method), f->mase, f->baseline_mase);
  g_assert_cmpint (f->season_length, ==, 1);
  g_assert_cmpfloat (f->mase, <, f->baseline_mase);

  /* The forecast follows the true line within its own 95 % interval. */
  for (guint h = 1; h <= 12; h++)
    {
      double truth = 10.0 + 0.8 * (99 + h);

      g_assert_cmpfloat (truth, >=, f->lower95[h - 1]);
      g_assert_cmpfloat (truth, <=, f->upper95[h - 1]);
    }

  options.method = SC_FORECAST_METHOD_LINEAR;
  forced = sc_forecast_values (y, 100, SC_ANALYTICS_PERIOD_MONTHLY, &options);
  assert_sane (forced);
  g_assert_cmpint (forced->method, ==, SC_FORECAST_METHOD_LINEAR);
  g_assert_cmpint (forced->degree, ==, 1);
  g_test_message ("linear slope %.4f (truth 0.8)", forced->mean[1] - forced->mean[0]);
  g_assert_cmpfloat (fabs (forced->mean[1] - forced->mean[0] - 0.8), <, 0.03);
  g_assert_cmpfloat (fabs (forced->mean[0] - (10.0 + 0.8 * 100)), <, 1.5);
  g_assert_cmpfloat (fabs (forced->residual_sd - 2.0), <, 0.4);
}

static void
test_seasonal_chooses_holt_winters (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (21);
  g_autoptr(ScForecast) f = NULL;
  ScForecastOptions options;
  double y[144];

  for (int t = 0; t < 144; t++)
    y[t] = 200.0 + 0.5 * t + 20.0 * sin (2.0 * G_PI * t / 12.0) + 2.0 * test_normal (rand);

  sc_forecast_options_init (&options);
  options.horizon = 12;
  f = sc_forecast_values (y, 132, SC_ANALYTICS_PERIOD_MONTHLY, &options);
  assert_sane (f);
  g_test_message ("chose %s (m = %d), backtest MASE %.3f, seasonal naive %.3f, α %.3f β %.4f γ %.3f φ %.3f",
                  sc_forecast_method_to_key (f->method), f->season_length, f->mase,
                  f->baseline_mase, f->alpha, f->beta, f->gamma, f->phi);
  g_assert_true (f->method == SC_FORECAST_METHOD_HW_ADDITIVE
                 || f->method == SC_FORECAST_METHOD_HW_MULTIPLICATIVE);
  g_assert_cmpint (f->season_length, ==, 12);
  g_assert_cmpfloat (f->mase, <, 0.7 * f->baseline_mase);
  g_assert_false (f->low_confidence);
  g_assert_cmpuint (f->folds, ==, 4);
  g_assert_cmpuint (f->n_scores, >=, 7);

  for (guint h = 0; h < 12; h++)
    {
      double truth = 200.0 + 0.5 * (132 + h) + 20.0 * sin (2.0 * G_PI * (132 + h) / 12.0);

      g_assert_cmpfloat (fabs (f->mean[h] - truth), <, 3.0 * f->sd[h]);
    }
}

static void
test_polynomial_degree (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (8);
  g_autoptr(ScForecast) f = NULL;
  ScForecastOptions options;
  double y[80];

  for (int t = 0; t < 80; t++)
    y[t] = 5.0 + 0.02 * (t - 40) * (t - 40) + 0.5 * test_normal (rand);

  sc_forecast_options_init (&options);
  options.horizon = 6;
  options.method = SC_FORECAST_METHOD_POLYNOMIAL;
  f = sc_forecast_values (y, 80, SC_ANALYTICS_PERIOD_YEARLY, &options);
  assert_sane (f);
  g_assert_cmpint (f->method, ==, SC_FORECAST_METHOD_POLYNOMIAL);
  g_assert_cmpint (f->degree, >=, 2);
  g_assert_cmpint (f->degree, <=, 3);
  g_assert_cmpfloat (fabs (f->mean[0] - (5.0 + 0.02 * 40 * 40)), <, 1.0);
}

/* 95 % intervals must cover 90–99 % of held-out values. */
static void
test_interval_coverage (void)
{
  guint inside95 = 0, inside80 = 0, total = 0;
  guint kind_inside[N_KINDS] = { 0, }, kind_total[N_KINDS] = { 0, };

  for (guint i = 0; i < N_SIMULATED; i++)
    {
      double y[256];
      ScAnalyticsPeriod period;
      ScForecastOptions options;
      g_autoptr(ScForecast) f = NULL;
      gsize n;
      guint horizon = simulate (i, y, &n, &period);

      sc_forecast_options_init (&options);
      options.horizon = horizon;
      f = sc_forecast_values (y, n, period, &options);
      assert_sane (f);

      for (guint h = 0; h < horizon; h++)
        {
          double actual = y[n + h];
          gboolean in95 = actual >= f->lower95[h] && actual <= f->upper95[h];

          inside95 += in95;
          inside80 += actual >= f->lower80[h] && actual <= f->upper80[h];
          kind_inside[i % N_KINDS] += in95;
          kind_total[i % N_KINDS]++;
          total++;
        }
    }

  for (guint k = 0; k < N_KINDS; k++)
    g_test_message ("kind %u: 95 %% coverage %.3f", k, (double) kind_inside[k] / kind_total[k]);
  g_test_message ("%u series, %u held-out values: 95 %% intervals cover %.3f, 80 %% cover %.3f",
                  N_SIMULATED, total, (double) inside95 / total, (double) inside80 / total);

  g_assert_cmpfloat ((double) inside95 / total, >=, 0.90);
  g_assert_cmpfloat ((double) inside95 / total, <=, 0.99);
  g_assert_cmpfloat ((double) inside80 / total, >=, 0.72);
  g_assert_cmpfloat ((double) inside80 / total, <=, 0.88);
}

/* The method chosen must beat (or tie) seasonal naive: by construction in
 * the backtest on every series, and on held-out data on average over the
 * series it was chosen for.
 */
static void
test_beats_baseline (void)
{
  double chosen_sum[SC_FORECAST_N_METHODS] = { 0, };
  double naive_sum[SC_FORECAST_N_METHODS] = { 0, };
  guint count[SC_FORECAST_N_METHODS] = { 0, };

  for (guint i = 0; i < N_SIMULATED; i++)
    {
      double y[256];
      ScAnalyticsPeriod period;
      ScForecastOptions options;
      g_autoptr(ScForecast) f = NULL;
      g_autoptr(ScForecast) naive = NULL;
      double scale;
      gsize n;
      guint horizon = simulate (i, y, &n, &period);

      sc_forecast_options_init (&options);
      options.horizon = horizon;
      f = sc_forecast_values (y, n, period, &options);
      g_assert_false (sc_forecast_method_is_fallback (f->method));
      g_assert_cmpfloat (f->mase, <=, f->baseline_mase);

      options.method = SC_FORECAST_METHOD_SEASONAL_NAIVE;
      options.season_length = MAX (f->season_length, 1);
      naive = sc_forecast_values (y, n, period, &options);
      g_assert_cmpint (naive->method, ==, SC_FORECAST_METHOD_SEASONAL_NAIVE);

      scale = sc_forecast_naive_scale (y, n, naive->season_length);
      chosen_sum[f->method] += sc_forecast_mase (y + n, f->mean, horizon, scale);
      naive_sum[f->method] += sc_forecast_mase (y + n, naive->mean, horizon, scale);
      count[f->method]++;
    }

  for (guint m = 0; m < SC_FORECAST_N_METHODS; m++)
    {
      if (count[m] == 0)
        continue;

      g_test_message ("%-28s chosen for %3u series: held-out MASE %.3f, seasonal naive %.3f",
                      sc_forecast_method_to_key (m), count[m], chosen_sum[m] / count[m],
                      naive_sum[m] / count[m]);
      g_assert_cmpfloat (chosen_sum[m] / count[m], <=, naive_sum[m] / count[m] + 1e-12);
    }
}

/* Short, gappy and degenerate histories */

static ScForecast *
forecast_with_target (const double *y,
                      gsize         n,
                      double        target)
{
  ScForecastOptions options;

  sc_forecast_options_init (&options);
  options.horizon = 10;
  options.has_target = TRUE;
  options.target = target;

  return sc_forecast_values (y, n, SC_ANALYTICS_PERIOD_DAILY, &options);
}

static void
test_fallback_empty (void)
{
  double gaps[] = { NAN, NAN, INFINITY };
  g_autoptr(ScForecast) none = forecast_with_target (NULL, 0, 10.0);
  g_autoptr(ScForecast) all_gaps = forecast_with_target (gaps, 3, 10.0);

  assert_sane (none);
  g_assert_cmpint (none->method, ==, SC_FORECAST_METHOD_NONE);
  g_assert_cmpuint (none->horizon, ==, 0);
  g_assert_true (none->low_confidence);
  g_assert_nonnull (none->reason);
  g_assert_cmpfloat (sc_forecast_quantile (none, 1, 0.5), ==, 0.0);
  g_assert_cmpfloat (sc_forecast_probability_meeting (none, 1, 5.0, SC_DIRECTION_HIGHER_BETTER), ==, 0.0);

  assert_sane (all_gaps);
  g_assert_cmpint (all_gaps->method, ==, SC_FORECAST_METHOD_NONE);
}

static void
test_fallback_one_value (void)
{
  double one[] = { 42.0 };
  double zero[] = { 0.0 };
  g_autoptr(ScForecast) f = forecast_with_target (one, 1, 50.0);
  g_autoptr(ScForecast) z = forecast_with_target (zero, 1, 0.0);

  assert_sane (f);
  g_assert_cmpint (f->method, ==, SC_FORECAST_METHOD_LAST_VALUE);
  g_assert_cmpfloat (f->mean[9], ==, 42.0);
  g_assert_cmpint (f->interval_source, ==, SC_INTERVAL_HEURISTIC);
  /* Wide: no fake precision from a single number. */
  g_assert_cmpfloat (f->upper95[0] - f->lower95[0], >, 0.25 * 42.0);
  g_assert_cmpfloat (f->sd[9], >, f->sd[0]);
  g_assert_cmpfloat (f->probability_target, >, 0.05);
  g_assert_cmpfloat (f->probability_target, <, 0.5);

  assert_sane (z);
  g_assert_cmpint (z->method, ==, SC_FORECAST_METHOD_LAST_VALUE);
  g_assert_cmpfloat (z->sd[0], >, 0.0);
  g_assert_cmpfloat (z->lower95[0], ==, 0.0);
}

static void
test_fallback_short (void)
{
  double values[] = { 10.0, 12.0, NAN, 11.0, 13.0 };
  g_autoptr(ScForecast) f = forecast_with_target (values, 5, 12.0);

  assert_sane (f);
  g_assert_cmpint (f->method, ==, SC_FORECAST_METHOD_LAST_VALUE);
  g_assert_cmpfloat (f->mean[0], ==, 13.0);
  g_assert_cmpuint (f->n_values, ==, 4);
  g_assert_cmpuint (f->n_missing, ==, 1);
  g_assert_cmpuint (f->folds, ==, 0);
  g_assert_true (strstr (f->reason, "4 values") != NULL);
}

static void
test_fallback_constant_and_zero (void)
{
  double constant[40], zeros[40], mixed[60];
  g_autoptr(ScForecast) c = NULL;
  g_autoptr(ScForecast) z = NULL;
  g_autoptr(ScForecast) m = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (4);

  for (int t = 0; t < 40; t++)
    {
      constant[t] = 7.0;
      zeros[t] = 0.0;
    }
  for (int t = 0; t < 60; t++)
    mixed[t] = t % 7 == 6 ? 0.0 : 10.0 + (t % 7) + test_normal (rand);

  c = forecast_with_target (constant, 40, 7.0);
  assert_sane (c);
  g_assert_cmpint (c->method, ==, SC_FORECAST_METHOD_LAST_VALUE);
  g_assert_cmpfloat (c->mean[5], ==, 7.0);
  g_assert_cmpfloat (c->probability_target, ==, 1.0);
  g_assert_true (c->low_confidence);

  z = forecast_with_target (zeros, 40, 1.0);
  assert_sane (z);
  g_assert_cmpfloat (z->mean[0], ==, 0.0);
  g_assert_cmpfloat (z->probability_target, ==, 0.0);

  /* Zeros rule out multiplicative seasonality, nothing else. */
  m = forecast_with_target (mixed, 60, 10.0);
  assert_sane (m);
  g_assert_false (sc_forecast_method_is_fallback (m->method));
  for (guint i = 0; i < m->n_scores; i++)
    g_assert_cmpint (m->scores[i].method, !=, SC_FORECAST_METHOD_HW_MULTIPLICATIVE);
}

static void
test_fallback_gappy (void)
{
  double values[100];
  g_autoptr(ScForecast) f = NULL;

  for (int t = 0; t < 100; t++)
    values[t] = t % 3 == 0 ? 50.0 + (t % 2) : NAN;

  f = forecast_with_target (values, 100, 60.0);
  assert_sane (f);
  g_assert_cmpint (f->method, ==, SC_FORECAST_METHOD_RECENT_MEAN);
  g_assert_cmpfloat (fabs (f->mean[0] - 50.5), <, 0.5);
  g_assert_true (strstr (f->reason, "have no value") != NULL);
}

static void
test_fallback_shorter_than_season (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (77);
  double values[20];
  g_autoptr(ScForecast) f = NULL;
  ScForecastOptions options;

  for (int t = 0; t < 20; t++)
    values[t] = 100.0 + 10.0 * sin (2.0 * G_PI * t / 12.0) + test_normal (rand);

  sc_forecast_options_init (&options);
  options.horizon = 12;
  options.season_length = 12;
  f = sc_forecast_values (values, 20, SC_ANALYTICS_PERIOD_MONTHLY, &options);
  assert_sane (f);
  g_assert_cmpint (f->method, !=, SC_FORECAST_METHOD_HW_ADDITIVE);
  g_assert_cmpint (f->method, !=, SC_FORECAST_METHOD_HW_MULTIPLICATIVE);
  for (guint i = 0; i < f->n_scores; i++)
    if (f->scores[i].method == SC_FORECAST_METHOD_SEASONAL_NAIVE)
      g_assert_true (f->scores[i].evaluated);
}

/* The predictive distribution */

static void
test_probability (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (9);
  g_autoptr(ScForecast) f = NULL;
  ScForecastOptions options;
  double y[120], median, previous = 1.0;

  for (int t = 0; t < 120; t++)
    y[t] = 100.0 + test_normal (rand) * 5.0;

  sc_forecast_options_init (&options);
  options.horizon = 20;
  options.end_step = 25;
  options.has_target = TRUE;
  options.target = 100.0;
  f = sc_forecast_values (y, 120, SC_ANALYTICS_PERIOD_DAILY, &options);
  assert_sane (f);

  g_assert_cmpuint (f->horizon, ==, 25);
  g_assert_cmpuint (f->end_step, ==, 25);

  median = sc_forecast_quantile (f, 25, 0.5);
  g_assert_cmpfloat_with_epsilon (median, f->mean[24], 1e-9);
  g_assert_cmpfloat_with_epsilon (sc_forecast_cdf (f, 25, median), 0.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (sc_forecast_cdf (f, 25, f->upper95[24]), 0.975, 1e-6);
  g_assert_cmpfloat_with_epsilon (sc_forecast_cdf (f, 25, f->lower80[24]), 0.10, 1e-6);

  /* Direction-aware and complementary. */
  for (double target = 80.0; target <= 120.0; target += 5.0)
    {
      double up = sc_forecast_probability_meeting (f, 25, target, SC_DIRECTION_HIGHER_BETTER);
      double down = sc_forecast_probability_meeting (f, 25, target, SC_DIRECTION_LOWER_BETTER);

      g_assert_cmpfloat_with_epsilon (up + down, 1.0, 1e-9);
      g_assert_cmpfloat (up, <=, previous);
      previous = up;
    }

  g_assert_cmpfloat_with_epsilon (f->probability_target,
                                  sc_forecast_probability_meeting (f, 25, 100.0, SC_DIRECTION_HIGHER_BETTER),
                                  1e-12);
  g_assert_cmpfloat (fabs (f->probability_target - 0.5), <, 0.15);
}

static void
test_deterministic (void)
{
  double y[256];
  ScAnalyticsPeriod period;
  gsize n;
  guint horizon = simulate (3, y, &n, &period);
  ScForecastOptions options;
  g_autoptr(ScForecast) a = NULL;
  g_autoptr(ScForecast) b = NULL;

  sc_forecast_options_init (&options);
  options.horizon = horizon;
  a = sc_forecast_values (y, n, period, &options);
  b = sc_forecast_values (y, n, period, &options);

  g_assert_cmpint (a->method, ==, b->method);
  g_assert_cmpmem (a->mean, a->horizon * sizeof (double), b->mean, b->horizon * sizeof (double));
  g_assert_cmpmem (a->upper95, a->horizon * sizeof (double), b->upper95, b->horizon * sizeof (double));
  g_assert_cmpfloat (a->confidence, ==, b->confidence);
}

static void
test_history (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (31);
  g_autoptr(ScForecast) f = NULL;
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (ScHistoryPoint));
  gint64 start = 1767225600; /* 2026-01-01 */
  gint64 last = 0;
  ScForecastOptions options;

  /* A weekday pattern, two submissions on some days, none on others. */
  for (int day = 0; day < 200; day++)
    {
      ScHistoryPoint p;

      if (day % 11 == 3)
        continue;
      p.time = start + day * 86400 + 9 * 3600;
      p.value = 100.0 + (day % 7 < 5 ? 10.0 : -25.0) + test_normal (rand);
      g_array_append_val (points, p);
      last = p.time;
      if (day % 5 == 0)
        {
          p.time += 3600;
          g_array_append_val (points, p);
          last = p.time;
        }
    }

  sc_forecast_options_init (&options);
  options.horizon = 14;
  f = sc_forecast_history ((ScHistoryPoint *) (void *) points->data, points->len,
                           SC_ANALYTICS_PERIOD_DAILY, NULL, &options);
  assert_sane (f);
  g_assert_cmpint (f->season_length, ==, 7);
  g_assert_cmpint (sc_forecast_step_start (f, 1, NULL), ==, (last / 86400 + 1) * 86400);
  g_assert_cmpuint (f->n_missing, >, 0);
}

static void
test_reuse_previous (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (61);
  g_autoptr(ScForecast) before = NULL;
  g_autoptr(ScForecast) reused = NULL;
  g_autoptr(ScForecast) fresh = NULL;
  g_autoptr(ScForecast) fallback = NULL;
  ScForecastOptions options;
  double y[400], few[] = { 1.0, 2.0 };

  for (int t = 0; t < 400; t++)
    y[t] = 500.0 + 0.3 * t + (t % 7 >= 5 ? -60.0 : 15.0) + 8.0 * test_normal (rand);

  sc_forecast_options_init (&options);
  options.horizon = 30;
  before = sc_forecast_values (y, 399, SC_ANALYTICS_PERIOD_DAILY, &options);
  g_assert_false (before->reused);

  options.previous = before;
  reused = sc_forecast_values (y, 400, SC_ANALYTICS_PERIOD_DAILY, &options);
  assert_sane (reused);
  g_assert_true (reused->reused);
  g_assert_cmpint (reused->method, ==, before->method);
  g_assert_cmpint (reused->season_length, ==, before->season_length);
  g_assert_cmpfloat (reused->alpha, ==, before->alpha);
  g_assert_cmpfloat (reused->mase, ==, before->mase);
  g_assert_cmpint (reused->origin_index, ==, before->origin_index + 1);

  /* The new value moves the states: close to a fresh forecast. */
  options.previous = NULL;
  fresh = sc_forecast_values (y, 400, SC_ANALYTICS_PERIOD_DAILY, &options);
  for (guint h = 0; h < 30; h++)
    g_assert_cmpfloat (fabs (reused->mean[h] - fresh->mean[h]), <, fresh->sd[h]);

  /* A history that cannot carry the model falls back as usual. */
  options.previous = before;
  fallback = sc_forecast_values (few, 2, SC_ANALYTICS_PERIOD_DAILY, &options);
  assert_sane (fallback);
  g_assert_false (fallback->reused);
  g_assert_cmpint (fallback->method, ==, SC_FORECAST_METHOD_LAST_VALUE);
}

static void
test_method_keys (void)
{
  for (int m = 0; m <= SC_FORECAST_METHOD_AUTO; m++)
    {
      g_assert_nonnull (sc_forecast_method_to_key (m));
      g_assert_nonnull (sc_forecast_method_label (m));
    }
  g_assert_cmpstr (sc_forecast_method_to_key (SC_FORECAST_METHOD_HW_ADDITIVE), ==, "holt-winters-additive");
}

int
main (int   argc,
      char *argv[])
{
  /* For readable test messages: σ, ±, —. */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/analytics/forecast/linear/slope-recovery", test_linear_slope_recovery);
  g_test_add_func ("/analytics/forecast/seasonal/holt-winters", test_seasonal_chooses_holt_winters);
  g_test_add_func ("/analytics/forecast/polynomial/degree", test_polynomial_degree);
  g_test_add_func ("/analytics/forecast/intervals/coverage", test_interval_coverage);
  g_test_add_func ("/analytics/forecast/selection/beats-seasonal-naive", test_beats_baseline);
  g_test_add_func ("/analytics/forecast/fallback/empty", test_fallback_empty);
  g_test_add_func ("/analytics/forecast/fallback/one-value", test_fallback_one_value);
  g_test_add_func ("/analytics/forecast/fallback/short", test_fallback_short);
  g_test_add_func ("/analytics/forecast/fallback/constant-and-zero", test_fallback_constant_and_zero);
  g_test_add_func ("/analytics/forecast/fallback/gappy", test_fallback_gappy);
  g_test_add_func ("/analytics/forecast/fallback/shorter-than-season", test_fallback_shorter_than_season);
  g_test_add_func ("/analytics/forecast/distribution/probability", test_probability);
  g_test_add_func ("/analytics/forecast/deterministic", test_deterministic);
  g_test_add_func ("/analytics/forecast/history", test_history);
  g_test_add_func ("/analytics/forecast/reuse-previous", test_reuse_previous);
  g_test_add_func ("/analytics/forecast/method-keys", test_method_keys);

  return g_test_run ();
}
