/* test-trend.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-test"

#include "config.h"

#include <locale.h>
#include <math.h>

#include "analytics-test-utils.h"
#include "sc-trend.h"

#define DAY G_GINT64_CONSTANT (86400)

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

/* Resampling */

static void
test_resample_daily_gaps (void)
{
  ScHistoryPoint points[] = {
    { utc (2026, 3, 7, 9, 0), 40.0 },
    { utc (2026, 3, 2, 10, 0), 10.0 },
    { utc (2026, 3, 2, 18, 0), 20.0 },
    { utc (2026, 3, 4, 0, 0), 30.0 },
    { utc (2026, 3, 5, 0, 0), NAN },
  };
  g_autoptr(ScSeries) s = sc_trend_resample (points, G_N_ELEMENTS (points),
                                             SC_ANALYTICS_PERIOD_DAILY, NULL);

  g_assert_cmpuint (s->n, ==, 6);
  g_assert_cmpint (s->first_index, ==, utc (2026, 3, 2, 0, 0) / DAY);
  g_assert_cmpuint (s->n_missing, ==, 3);
  g_assert_cmpuint (sc_series_count_values (s), ==, 3);
  g_assert_cmpfloat (s->values[0], ==, 15.0);
  g_assert_cmpuint (s->counts[0], ==, 2);
  g_assert_true (isnan (s->values[1]));
  g_assert_cmpuint (s->counts[1], ==, 0);
  g_assert_cmpfloat (s->values[2], ==, 30.0);
  g_assert_true (isnan (s->values[3]));
  g_assert_true (isnan (s->values[4]));
  g_assert_cmpfloat (s->values[5], ==, 40.0);
  g_assert_cmpint (sc_series_period_start (s, 2, NULL), ==, utc (2026, 3, 4, 0, 0));
}

static void
test_resample_periods (void)
{
  ScHistoryPoint week_points[] = {
    { utc (2026, 3, 8, 23, 0), 1.0 },  /* Sunday: ISO week 10 */
    { utc (2026, 3, 9, 0, 0), 2.0 },   /* Monday: week 11 */
  };
  ScHistoryPoint month_points[] = {
    { utc (2026, 2, 28, 12, 0), 1.0 },
    { utc (2026, 3, 1, 0, 0), 3.0 },
    { utc (2026, 3, 31, 23, 59), 5.0 },
  };
  ScHistoryPoint quarter_points[] = {
    { utc (2026, 3, 31, 12, 0), 1.0 },
    { utc (2026, 4, 1, 12, 0), 2.0 },
    { utc (2026, 10, 1, 12, 0), 4.0 },
  };
  ScHistoryPoint year_points[] = {
    { utc (2024, 12, 31, 23, 0), 1.0 },
    { utc (2026, 1, 1, 0, 0), 2.0 },
  };
  g_autoptr(ScSeries) weekly = NULL;
  g_autoptr(ScSeries) monthly = NULL;
  g_autoptr(ScSeries) quarterly = NULL;
  g_autoptr(ScSeries) yearly = NULL;

  weekly = sc_trend_resample (week_points, 2, SC_ANALYTICS_PERIOD_WEEKLY, NULL);
  g_assert_cmpuint (weekly->n, ==, 2);
  g_assert_cmpint (sc_series_period_start (weekly, 0, NULL), ==, utc (2026, 3, 2, 0, 0));
  g_assert_cmpint (sc_series_period_start (weekly, 1, NULL), ==, utc (2026, 3, 9, 0, 0));

  monthly = sc_trend_resample (month_points, 3, SC_ANALYTICS_PERIOD_MONTHLY, NULL);
  g_assert_cmpuint (monthly->n, ==, 2);
  g_assert_cmpint (monthly->first_index, ==, 2026 * 12 + 1);
  g_assert_cmpfloat (monthly->values[0], ==, 1.0);
  g_assert_cmpfloat (monthly->values[1], ==, 4.0);
  g_assert_cmpint (sc_series_period_start (monthly, 1, NULL), ==, utc (2026, 3, 1, 0, 0));

  quarterly = sc_trend_resample (quarter_points, 3, SC_ANALYTICS_PERIOD_QUARTERLY, NULL);
  g_assert_cmpuint (quarterly->n, ==, 4);
  g_assert_cmpuint (quarterly->n_missing, ==, 1);
  g_assert_cmpint (sc_series_period_start (quarterly, 3, NULL), ==, utc (2026, 10, 1, 0, 0));

  yearly = sc_trend_resample (year_points, 2, SC_ANALYTICS_PERIOD_YEARLY, NULL);
  g_assert_cmpuint (yearly->n, ==, 3);
  g_assert_cmpint (yearly->first_index, ==, 2024);
  g_assert_true (isnan (yearly->values[1]));
}

static void
test_resample_time_zone (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("+02:00");
  ScHistoryPoint points[] = {
    { utc (2026, 3, 1, 21, 30), 1.0 },  /* 23:30 local, 1 March */
    { utc (2026, 3, 1, 22, 30), 3.0 },  /* 00:30 local, 2 March */
  };
  g_autoptr(ScSeries) local = NULL;
  g_autoptr(ScSeries) utc_days = NULL;

  g_assert_nonnull (tz);

  local = sc_trend_resample (points, 2, SC_ANALYTICS_PERIOD_DAILY, tz);
  g_assert_cmpuint (local->n, ==, 2);
  g_assert_cmpint (sc_series_period_start (local, 1, tz), ==, utc (2026, 3, 1, 22, 0));

  utc_days = sc_trend_resample (points, 2, SC_ANALYTICS_PERIOD_DAILY, NULL);
  g_assert_cmpuint (utc_days->n, ==, 1);
  g_assert_cmpfloat (utc_days->values[0], ==, 2.0);
}

static void
test_resample_empty (void)
{
  ScHistoryPoint points[] = { { 0, NAN }, { 86400, INFINITY } };
  g_autoptr(ScSeries) none = sc_trend_resample (NULL, 0, SC_ANALYTICS_PERIOD_DAILY, NULL);
  g_autoptr(ScSeries) bad = sc_trend_resample (points, 2, SC_ANALYTICS_PERIOD_DAILY, NULL);

  g_assert_cmpuint (none->n, ==, 0);
  g_assert_cmpuint (bad->n, ==, 0);
}

/* 7- and 30-day changes */

static void
test_change_rules (void)
{
  gint64 t0 = utc (2026, 3, 1, 12, 0);
  ScHistoryPoint exact[] = { { t0 + 7 * DAY, 110.0 }, { t0, 100.0 } };
  ScHistoryPoint interpolated[] = { { t0, 100.0 }, { t0 + 4 * DAY, 140.0 }, { t0 + 10 * DAY, 150.0 } };
  ScHistoryPoint nearest[] = { { t0, 80.0 }, { t0 + 2 * DAY, 100.0 }, { t0 + 11 * DAY, 150.0 } };
  ScHistoryPoint too_short[] = { { t0, 100.0 }, { t0 + DAY, 110.0 } };
  ScHistoryPoint zero[] = { { t0, 0.0 }, { t0 + 7 * DAY, 10.0 } };
  ScTrendChange c;

  g_assert_true (sc_trend_change (exact, 2, 7, &c));
  g_assert_cmpint (c.rule, ==, SC_TREND_REFERENCE_EXACT);
  g_assert_cmpfloat_with_epsilon (c.percent, 10.0, 1e-9);
  g_assert_cmpfloat (c.last_value, ==, 110.0);
  g_assert_cmpint (c.reference_time, ==, t0);

  g_assert_true (sc_trend_change (interpolated, 3, 7, &c));
  g_assert_cmpint (c.rule, ==, SC_TREND_REFERENCE_INTERPOLATED);
  g_assert_cmpfloat_with_epsilon (c.reference_value, 130.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (c.percent, 20.0 / 130.0 * 100.0, 1e-9);

  /* Day 4's neighbours are 9 days apart: too far to interpolate; day 2 is
   * within half the span.
   */
  g_assert_true (sc_trend_change (nearest, 3, 7, &c));
  g_assert_cmpint (c.rule, ==, SC_TREND_REFERENCE_NEAREST);
  g_assert_cmpfloat (c.reference_value, ==, 100.0);
  g_assert_cmpfloat_with_epsilon (c.percent, 50.0, 1e-9);

  g_assert_false (sc_trend_change (too_short, 2, 7, &c));
  g_assert_cmpint (c.rule, ==, SC_TREND_REFERENCE_NONE);
  g_assert_cmpfloat (c.percent, ==, 0.0);

  /* A percentage of zero is undefined; the change is still there. */
  g_assert_false (sc_trend_change (zero, 2, 7, &c));
  g_assert_cmpint (c.rule, ==, SC_TREND_REFERENCE_EXACT);
  g_assert_cmpfloat (c.change, ==, 10.0);

  g_assert_false (sc_trend_change (exact, 1, 7, &c));
  g_assert_false (sc_trend_change (NULL, 0, 30, &c));
}

static void
test_change_thirty_days (void)
{
  g_autofree ScHistoryPoint *points = g_new (ScHistoryPoint, 61);
  gint64 t0 = utc (2026, 1, 1, 8, 0);
  ScTrendChange c;

  for (int i = 0; i <= 60; i++)
    {
      points[i].time = t0 + i * DAY;
      points[i].value = 200.0 + i;
    }

  g_assert_true (sc_trend_change (points, 61, 30, &c));
  g_assert_cmpint (c.rule, ==, SC_TREND_REFERENCE_EXACT);
  g_assert_cmpfloat_with_epsilon (c.percent, 30.0 / 230.0 * 100.0, 1e-9);
}

/* Velocity and volatility */

static void
test_velocity_slope_recovery (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  double values[60];
  g_autoptr(ScSeries) s = NULL;
  ScVelocity v;

  for (int t = 0; t < 60; t++)
    values[t] = 50.0 + 2.5 * t + test_normal (rand);
  values[40] = NAN;
  s = sc_series_new (SC_ANALYTICS_PERIOD_DAILY, 20000, values, 60);

  g_assert_true (sc_trend_velocity (s, 30, 200.0, &v));
  g_test_message ("slope %.4f ± %.4f (truth 2.5), R² %.3f", v.slope, v.slope_se, v.r_squared);
  g_assert_cmpuint (v.n_used, ==, 29);
  g_assert_cmpfloat (fabs (v.slope - 2.5), <, 4.0 * v.slope_se);
  g_assert_cmpfloat (v.slope_se, <, 0.05);
  g_assert_cmpfloat (v.r_squared, >, 0.99);
  g_assert_true (v.normalized_available);
  g_assert_cmpfloat_with_epsilon (v.normalized, v.slope / 200.0 * 100.0, 1e-12);

  g_assert_true (sc_trend_velocity (s, 30, 0.0, &v));
  g_assert_false (v.normalized_available);

  /* Two values are not a trend. */
  g_assert_false (sc_trend_velocity (s, 2, 100.0, &v));
}

static void
test_volatility_formula (void)
{
  double values[] = { 100.0, 110.0, 99.0, 104.0 };
  double constant[] = { 5.0, 5.0, 5.0, 5.0 };
  double gappy[] = { 100.0, NAN, 120.0, 121.0, 119.0 };
  double changes[] = { 10.0, -11.0, 5.0 };
  double mean = (10.0 - 11.0 + 5.0) / 3.0, ss = 0.0, sd;
  g_autoptr(ScSeries) s = sc_series_new (SC_ANALYTICS_PERIOD_MONTHLY, 0, values, 4);
  g_autoptr(ScSeries) c = sc_series_new (SC_ANALYTICS_PERIOD_MONTHLY, 0, constant, 4);
  g_autoptr(ScSeries) g = sc_series_new (SC_ANALYTICS_PERIOD_MONTHLY, 0, gappy, 5);
  ScVolatility v;

  for (int i = 0; i < 3; i++)
    ss += (changes[i] - mean) * (changes[i] - mean);
  sd = sqrt (ss / 2.0);

  g_assert_true (sc_trend_volatility (s, 0, &v));
  g_assert_cmpuint (v.n_changes, ==, 3);
  g_assert_cmpfloat_with_epsilon (v.change_sd, sd, 1e-12);
  g_assert_cmpfloat_with_epsilon (v.mean_level, 103.25, 1e-12);
  g_assert_cmpfloat_with_epsilon (v.index, 100.0 * sd / 103.25, 1e-9);
  g_assert_cmpint (v.level, ==, SC_VOLATILITY_MODERATE);

  g_assert_true (sc_trend_volatility (c, 0, &v));
  g_assert_cmpfloat (v.index, ==, 0.0);
  g_assert_cmpint (v.level, ==, SC_VOLATILITY_LOW);

  /* The change across the gap is not a one-period change. */
  g_assert_true (sc_trend_volatility (g, 0, &v));
  g_assert_cmpuint (v.n_changes, ==, 2);
}

/* Seasonality */

static ScSeries *
seasonal_series (ScAnalyticsPeriod period,
                 int               m,
                 double            amplitude,
                 double            slope,
                 gsize             n,
                 guint32           seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autofree double *values = g_new (double, n);

  for (gsize t = 0; t < n; t++)
    values[t] = 100.0 + slope * t + amplitude * sin (2.0 * G_PI * t / m) + test_normal (rand);

  return sc_series_new (period, 1000, values, n);
}

static void
test_seasonality_periods (void)
{
  struct
  {
    ScAnalyticsPeriod period;
    int m;
    gsize n;
  } cases[] = {
    { SC_ANALYTICS_PERIOD_DAILY, 7, 365 },
    { SC_ANALYTICS_PERIOD_DAILY, 30, 400 },
    { SC_ANALYTICS_PERIOD_WEEKLY, 52, 260 },
    { SC_ANALYTICS_PERIOD_MONTHLY, 12, 96 },
    { SC_ANALYTICS_PERIOD_QUARTERLY, 4, 40 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (guint32 seed = 1; seed <= 10; seed++)
      {
        g_autoptr(ScSeries) s = seasonal_series (cases[i].period, cases[i].m, 2.0, 0.05, cases[i].n, seed);
        ScSeasonality season;

        g_assert_true (sc_trend_seasonality (s, &season));
        g_assert_cmpint (season.period, ==, cases[i].m);
      }
}

/* With a sine of amplitude A over unit noise, the seasonal share of the
 * detrended variance is (A²/2) / (A²/2 + 1).
 */
static void
test_seasonality_strength (void)
{
  double amplitudes[] = { 0.75, 1.5, 3.0, 6.0 };

  for (guint i = 0; i < G_N_ELEMENTS (amplitudes); i++)
    {
      double a = amplitudes[i];
      double truth = (a * a / 2.0) / (a * a / 2.0 + 1.0);
      double sum = 0.0;

      for (guint32 seed = 1; seed <= 10; seed++)
        {
          g_autoptr(ScSeries) s = seasonal_series (SC_ANALYTICS_PERIOD_MONTHLY, 12, a, 0.3, 120, 100 + seed);
          ScSeasonality season;

          /* The strength is measured whether or not it is significant. */
          sc_trend_seasonality (s, &season);
          g_assert_true (season.lags[0].tested);
          g_assert_cmpint (season.lags[0].lag, ==, 12);
          sum += season.lags[0].strength;
          if (a >= 1.5)
            g_assert_cmpint (season.period, ==, 12);
        }

      g_test_message ("amplitude %.2f: strength %.3f, truth %.3f", a, sum / 10.0, truth);
      g_assert_cmpfloat (fabs (sum / 10.0 - truth), <, 0.06);
    }
}

static void
test_seasonality_none (void)
{
  guint false_noise = 0, false_walk = 0, false_trend = 0;

  for (guint32 seed = 1; seed <= 100; seed++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      double noise[365], walk[365], trend[365], level = 0.0;
      g_autoptr(ScSeries) a = NULL;
      g_autoptr(ScSeries) b = NULL;
      g_autoptr(ScSeries) c = NULL;
      ScSeasonality season;

      for (int t = 0; t < 365; t++)
        {
          level += test_normal (rand);
          noise[t] = 10.0 + test_normal (rand);
          walk[t] = level;
          trend[t] = 0.5 * t + test_normal (rand);
        }

      a = sc_series_new (SC_ANALYTICS_PERIOD_DAILY, 0, noise, 365);
      b = sc_series_new (SC_ANALYTICS_PERIOD_DAILY, 0, walk, 365);
      c = sc_series_new (SC_ANALYTICS_PERIOD_DAILY, 0, trend, 365);
      false_noise += sc_trend_seasonality (a, &season);
      false_walk += sc_trend_seasonality (b, &season);
      false_trend += sc_trend_seasonality (c, &season);
      if (!season.found)
        g_assert_cmpint (season.period, ==, 1);
    }

  /* The test has a 5 % level across its lags. */
  g_test_message ("false seasonality in 100 series: noise %u, random walk %u, trend %u",
                  false_noise, false_walk, false_trend);
  g_assert_cmpuint (false_noise, <=, 10);
  g_assert_cmpuint (false_walk, <=, 10);
  g_assert_cmpuint (false_trend, <=, 10);
}

static void
test_seasonality_short_and_gappy (void)
{
  double values[20];
  g_autoptr(ScSeries) s = NULL;
  g_autoptr(ScSeries) gappy = NULL;
  ScSeasonality season;

  for (int t = 0; t < 20; t++)
    values[t] = sin (2.0 * G_PI * t / 12.0);
  s = sc_series_new (SC_ANALYTICS_PERIOD_MONTHLY, 0, values, 20);
  g_assert_false (sc_trend_seasonality (s, &season));
  g_assert_cmpint (season.period, ==, 1);
  g_assert_false (season.lags[0].tested);

  gappy = seasonal_series (SC_ANALYTICS_PERIOD_MONTHLY, 12, 4.0, 0.0, 96, 3);
  for (gsize t = 0; t < gappy->n; t += 5)
    {
      gappy->values[t] = NAN;
      gappy->counts[t] = 0;
      gappy->n_missing++;
    }
  g_assert_true (sc_trend_seasonality (gappy, &season));
  g_assert_cmpint (season.period, ==, 12);
}

static void
test_summarize (void)
{
  g_autofree ScHistoryPoint *points = g_new (ScHistoryPoint, 120);
  gint64 t0 = utc (2026, 1, 5, 9, 0);
  ScTrendSummary summary;

  for (int i = 0; i < 120; i++)
    {
      points[i].time = t0 + i * DAY;
      points[i].value = 1000.0 + 2.0 * i + 50.0 * (i % 7 == 5 || i % 7 == 6 ? -1 : 0.4);
    }

  sc_trend_summarize (points, 120, SC_ANALYTICS_PERIOD_DAILY, NULL, 1500.0, &summary);
  g_assert_true (summary.week.available);
  g_assert_true (summary.month.available);
  g_assert_true (summary.velocity.available);
  g_assert_true (summary.volatility.available);
  g_assert_true (summary.seasonality.found);
  g_assert_cmpint (summary.seasonality.period, ==, 7);
}

int
main (int   argc,
      char *argv[])
{
  /* For readable test messages: σ, ±, —. */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/analytics/trend/resample/daily-gaps", test_resample_daily_gaps);
  g_test_add_func ("/analytics/trend/resample/periods", test_resample_periods);
  g_test_add_func ("/analytics/trend/resample/time-zone", test_resample_time_zone);
  g_test_add_func ("/analytics/trend/resample/empty", test_resample_empty);
  g_test_add_func ("/analytics/trend/change/rules", test_change_rules);
  g_test_add_func ("/analytics/trend/change/thirty-days", test_change_thirty_days);
  g_test_add_func ("/analytics/trend/velocity/slope-recovery", test_velocity_slope_recovery);
  g_test_add_func ("/analytics/trend/volatility/formula", test_volatility_formula);
  g_test_add_func ("/analytics/trend/seasonality/periods", test_seasonality_periods);
  g_test_add_func ("/analytics/trend/seasonality/strength", test_seasonality_strength);
  g_test_add_func ("/analytics/trend/seasonality/none", test_seasonality_none);
  g_test_add_func ("/analytics/trend/seasonality/short-and-gappy", test_seasonality_short_and_gappy);
  g_test_add_func ("/analytics/trend/summarize", test_summarize);

  return g_test_run ();
}
