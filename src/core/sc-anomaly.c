/* sc-anomaly.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-analytics"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sc-analytics-private.h"
#include "sc-anomaly.h"
#include "sc-trend.h"

/* Anomaly detection on seasonally adjusted values:
 *
 * 1. A robust decomposition y = T + S + R: T is a running median over a
 *    window of one cycle (at least 7 periods, odd), S the median of y − T
 *    at each seasonal position (calendar-aligned, so position 1 of a daily
 *    series with m = 7 is always the same weekday), centred; two rounds.
 *    Medians keep a spike from dragging T or S toward it and keep the
 *    edge of a level shift sharp.
 * 2. Spikes: robust z = (R − median R) / (1.4826 × MAD R); |z| above 3.5
 *    (Iglewicz and Hoaglin's cut-off) is a spike.
 * 3. Level shifts: a two-sided tabular CUSUM (k = 0.5, h = 8, in standard
 *    deviations) on the
 *    one-step prediction errors of the seasonally adjusted series y − S
 *    against a local level moved along a robust slope: a steady trend is
 *    expected, a level shift is not (see control_charts()).
 * 4. Drifts: an EWMA chart (λ = 0.2, limits ± 3.75 σ √(λ/(2 − λ) (1 − (1 −
 *    λ)^{2i}))) on the same errors, reported once where each excursion
 *    beyond the limits starts, unless a level shift explains it.
 *
 * The textbook h = 5 and 3σ limits assume independent errors and give a
 * false alarm every 465 and 500 periods, more than one a year on daily data
 * and more still here, where consecutive errors share their baseline. With
 * h = 8 and 3.75σ, simulated daily series with a trend and a weekly season
 * (tests/analytics/test-anomaly.c) see about one false level shift in ten
 * years and one false drift in five, and still find 90 % of 2σ shifts within
 * five days of where they happened.
 *
 * Shift sizes are given in units of the noise σ: 1.4826 × MAD of the first
 * differences of y − S divided by √2, which measures period-to-period noise
 * and is neither inflated by the level shifts it is meant to size nor by
 * spikes. Spikes are left out of the CUSUM and EWMA.
 */

#define MIN_VALUES          8
#define DEFAULT_CUSUM_H     8.0
#define DEFAULT_EWMA_WIDTH  3.75
#define MIN_WINDOW          7
#define MIN_BASELINE        14
#define MIN_SHIFT_SD        0.75
#define MIN_LEVEL_WINDOW    28

/* Auxiliary methods */

static int
season_position (gint64 first_index,
                 gsize  t,
                 int    m)
{
  gint64 p = (first_index + (gint64) t) % m;

  return (int) (p < 0 ? p + m : p);
}

/* A multiset of doubles kept sorted, for medians of sliding windows: an
 * insertion or removal moves at most the window's length of values, where
 * selecting the median afresh at each step would copy and partition it.
 * The medians are the very order statistics _sc_stats_median() picks.
 */
typedef struct
{
  double *v;
  gsize   n;
} SortedWindow;

/* The place of the first value not below x: a count, without branches
 * to mispredict, which beats bisection on windows this short.
 */
static gsize
sorted_window_lower_bound (const SortedWindow *sw,
                           double              x)
{
  gsize i = 0;

  for (gsize k = 0; k < sw->n; k++)
    i += sw->v[k] < x;

  return i;
}

static void
sorted_window_insert (SortedWindow *sw,
                      double        x)
{
  gsize i = sw->n;

  /* Windows are short: shifting beats searching. */
  for (; i > 0 && sw->v[i - 1] >= x; i--)
    sw->v[i] = sw->v[i - 1];
  sw->v[i] = x;
  sw->n++;
}

/* x must be present. */
static void
sorted_window_remove (SortedWindow *sw,
                      double        x)
{
  gsize i = sorted_window_lower_bound (sw, x);

  g_assert (i < sw->n && sw->v[i] == x);
  for (sw->n--; i < sw->n; i++)
    sw->v[i] = sw->v[i + 1];
}

/* Removes out, which must be present, and inserts in, moving only the
 * values between their places.
 */
static void
sorted_window_replace (SortedWindow *sw,
                       double        out,
                       double        in)
{
  gsize i = 0, r = 0;

  for (gsize k = 0; k < sw->n; k++)
    {
      i += sw->v[k] < out;
      r += sw->v[k] < in;
    }
  /* r counted out itself when it is below in. */
  r -= out < in;

  g_assert (i < sw->n && sw->v[i] == out);
  for (; i < r; i++)
    sw->v[i] = sw->v[i + 1];
  for (; i > r; i--)
    sw->v[i] = sw->v[i - 1];
  sw->v[i] = in;
}

/* The median of the window without its element at sorted position skip
 * (or of all of it when skip is sw->n); the window must keep a value.
 */
static double
sorted_window_median_without (const SortedWindow *sw,
                              gsize               skip)
{
  gsize k = skip < sw->n ? sw->n - 1 : sw->n;
  gsize hi = k / 2;
  double upper = sw->v[hi >= skip ? hi + 1 : hi];
  double lower;

  if (k % 2 == 1)
    return upper;

  lower = sw->v[hi - 1 >= skip ? hi : hi - 1];

  return 0.5 * (lower + upper);
}

/* Running median of the present values in a window of w slots centred on
 * t, shifted inward at the ends so it keeps its width; gaps in the result
 * are filled by linear interpolation (or the nearest value at the ends).
 * With leave_out, x[t] itself is left out of its own window: otherwise it
 * is its own median one time in w, and the residuals' MAD comes out some
 * 20 % too small, doubling the false alarms. buf holds w values.
 */
static void
running_median (const double *x,
                gsize         n,
                int           w,
                gboolean      leave_out,
                double       *out,
                double       *buf)
{
  SortedWindow sw = { buf, 0 };
  gssize half = w / 2;
  gssize prev = -1;
  gssize cur_lo = 0, cur_hi = -1;

  for (gsize t = 0; t < n; t++)
    {
      gssize lo = (gssize) t - half;
      gssize hi = (gssize) t + half;
      gsize k, skip;

      if (lo < 0)
        {
          hi -= lo;
          lo = 0;
        }
      if (hi >= (gssize) n)
        {
          lo -= hi - (gssize) n + 1;
          hi = (gssize) n - 1;
          lo = MAX (lo, 0);
        }

      /* The window only moves forward, mostly by one. */
      if (lo == cur_lo + 1 && hi == cur_hi + 1 && isfinite (x[cur_lo]) && isfinite (x[hi]))
        {
          sorted_window_replace (&sw, x[cur_lo], x[hi]);
          cur_lo = lo;
          cur_hi = hi;
        }
      for (; cur_lo < lo; cur_lo++)
        if (cur_lo <= cur_hi && isfinite (x[cur_lo]))
          sorted_window_remove (&sw, x[cur_lo]);
      for (cur_hi = MAX (cur_hi, cur_lo - 1); cur_hi < hi;)
        if (isfinite (x[++cur_hi]))
          sorted_window_insert (&sw, x[cur_hi]);

      k = sw.n;
      skip = sw.n;
      if (leave_out && isfinite (x[t]))
        {
          skip = sorted_window_lower_bound (&sw, x[t]);
          k--;
        }

      out[t] = k > 0 ? sorted_window_median_without (&sw, skip) : NAN;
    }

  for (gsize t = 0; t < n; t++)
    {
      if (!isfinite (out[t]))
        continue;

      if (prev < 0)
        for (gsize i = 0; i < t; i++)
          out[i] = out[t];
      else
        for (gsize i = (gsize) prev + 1; i < t; i++)
          out[i] = out[prev] + (out[t] - out[prev]) * (double) (i - prev) / (double) (t - prev);
      prev = (gssize) t;
    }

  for (gsize i = (gsize) MAX (prev, 0) + 1; prev >= 0 && i < n; i++)
    out[i] = out[prev];
}

static void
seasonal_medians (const double *y,
                  const double *trend,
                  gsize         n,
                  gint64        first_index,
                  int           m,
                  double       *season)
{
  g_autofree double *buf = g_new (double, n / m + 2);
  double mean = 0.0;

  for (int j = 0; j < m; j++)
    {
      int k = 0;

      /* The slots at position j, in order. */
      for (gsize t = (gsize) ((j - season_position (first_index, 0, m) + m) % m); t < n; t += m)
        if (isfinite (y[t]))
          buf[k++] = y[t] - trend[t];

      season[j] = k > 0 ? _sc_stats_median (buf, k) : 0.0;
      mean += season[j];
    }

  mean /= m;
  for (int j = 0; j < m; j++)
    season[j] -= mean;
}

/* The name of a seasonal position for "the expected Tuesday value": the
 * weekday of a daily series with a weekly season, the month of a monthly
 * one with a yearly season; NULL otherwise.
 */
static char *
position_label (const ScSeries *series,
                gsize           t,
                int             m,
                GTimeZone      *tz)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  const char *format;

  if (series->period == SC_ANALYTICS_PERIOD_DAILY && m == 7)
    format = "%A";
  else if (series->period == SC_ANALYTICS_PERIOD_MONTHLY && m == 12)
    format = "%B";
  else
    return NULL;

  utc = g_date_time_new_from_unix_utc (sc_series_period_start (series, t, tz));
  if (utc == NULL)
    return NULL;
  local = tz != NULL ? g_date_time_to_timezone (utc, tz) : g_date_time_ref (utc);
  if (local == NULL)
    return NULL;

  return g_date_time_format (local, format);
}

static char *
spike_reason (double      z,
              const char *label)
{
  if (label != NULL && z >= 0)
    /* Translators: MAD is the (normal-consistent) median absolute
     * deviation, a robust standard deviation; %2$s is a weekday or month
     * name: "3.4 MADs above the expected Tuesday value".
     */
    return g_strdup_printf (_("%1$.1f MADs above the expected %2$s value"), fabs (z), label);

  if (label != NULL)
    /* Translators: MAD is the (normal-consistent) median absolute
     * deviation, a robust standard deviation; %2$s is a weekday or month
     * name: "3.4 MADs below the expected Tuesday value".
     */
    return g_strdup_printf (_("%1$.1f MADs below the expected %2$s value"), fabs (z), label);

  if (z >= 0)
    /* Translators: MAD is the (normal-consistent) median absolute
     * deviation, a robust standard deviation.
     */
    return g_strdup_printf (_("%.1f MADs above the expected value"), fabs (z));

  /* Translators: MAD is the (normal-consistent) median absolute
   * deviation, a robust standard deviation.
   */
  return g_strdup_printf (_("%.1f MADs below the expected value"), fabs (z));
}

static void
add_anomaly (GArray         *anomalies,
             const ScSeries *series,
             GTimeZone      *tz,
             gsize           t,
             ScAnomalyKind   kind,
             double          expected,
             double          score,
             char           *reason)
{
  ScAnomaly a = { 0, };

  a.index = t;
  a.time = sc_series_period_start (series, t, tz);
  a.kind = kind;
  a.value = _sc_finite_or (series->values[t], expected);
  a.expected = _sc_finite_or (expected, 0.0);
  a.score = _sc_finite_or (score, 0.0);
  a.reason = reason;
  g_array_append_val (anomalies, a);
}

static int
compare_anomalies (gconstpointer a,
                   gconstpointer b)
{
  const ScAnomaly *x = a;
  const ScAnomaly *y = b;

  if (x->index != y->index)
    return x->index < y->index ? -1 : 1;

  return (int) x->kind - (int) y->kind;
}

/* The expected level at x from the present, unflagged values of a in
 * [lo, hi): the median of a_i − slope·i, moved along the slope to x. With
 * the slope fixed, a median of W values is far steadier than a line fitted
 * to them, and it ignores a level shift until half the window lies past
 * it. FALSE with fewer than min_count values.
 */
static gboolean
local_level_at (const double   *a,
                const gboolean *skip,
                gsize           lo,
                gsize           hi,
                double          x,
                double          slope,
                gsize           min_count,
                double         *value,
                double         *buf)
{
  gsize count = 0;

  for (gsize t = lo; t < hi; t++)
    if (isfinite (a[t]) && !skip[t])
      buf[count++] = a[t] - slope * (double) t;

  if (count < MAX (min_count, 3))
    return FALSE;

  *value = _sc_stats_median (buf, count) + slope * x;

  return isfinite (*value);
}

/* local_level_at() for windows [lo, hi) that only move forward, as the
 * charts' do: the values a_i − slope·i enter and leave a sorted window
 * instead of being gathered and partitioned at every step. The result is
 * the same to the last bit.
 */
typedef struct
{
  const double   *a;
  const gboolean *skip;
  double          slope;
  gsize           lo;
  gsize           hi;
  SortedWindow    sw;
} LevelWindow;

static void
level_window_init (LevelWindow    *lw,
                   const double   *a,
                   const gboolean *skip,
                   double          slope,
                   double         *buf)
{
  lw->a = a;
  lw->skip = skip;
  lw->slope = slope;
  lw->lo = lw->hi = 0;
  lw->sw.v = buf;
  lw->sw.n = 0;
}

static gboolean
level_window_at (LevelWindow *lw,
                 gsize        lo,
                 gsize        hi,
                 double       x,
                 gsize        min_count,
                 double      *value)
{
  if (lo < lw->lo || hi < lw->hi || lo >= lw->hi)
    {
      /* Backward or past the whole window: start afresh. */
      lw->sw.n = 0;
      lw->lo = lw->hi = lo;
    }

  /* Mostly one value leaves as one enters. */
  if (lo == lw->lo + 1 && hi == lw->hi + 1
      && isfinite (lw->a[lw->lo]) && !lw->skip[lw->lo]
      && isfinite (lw->a[lw->hi]) && !lw->skip[lw->hi])
    {
      sorted_window_replace (&lw->sw, lw->a[lw->lo] - lw->slope * (double) lw->lo,
                             lw->a[lw->hi] - lw->slope * (double) lw->hi);
      lw->lo = lo;
      lw->hi = hi;
    }
  for (; lw->lo < lo; lw->lo++)
    if (isfinite (lw->a[lw->lo]) && !lw->skip[lw->lo])
      sorted_window_remove (&lw->sw, lw->a[lw->lo] - lw->slope * (double) lw->lo);
  for (; lw->hi < hi; lw->hi++)
    if (isfinite (lw->a[lw->hi]) && !lw->skip[lw->hi])
      sorted_window_insert (&lw->sw, lw->a[lw->hi] - lw->slope * (double) lw->hi);

  if (lw->sw.n < MAX (min_count, 3))
    return FALSE;

  *value = sorted_window_median_without (&lw->sw, lw->sw.n) + lw->slope * x;

  return isfinite (*value);
}

/* The CUSUM and EWMA charts run on one-step prediction errors: each value
 * against local_level_at() over the previous W = max(2m, 28) values along a
 * robust slope of the whole series (the median of the lag-W changes / W, which
 * a level shift only touches W of n times). A steady trend is thus
 * expected rather than flagged, while a level shift leaves a run of
 * same-signed errors until the window moves past it. Errors are
 * standardized by their robust spread (1.4826 × MAD over the whole series,
 * a first pass).
 *
 * CUSUM (two-sided, tabular): at an alarm the change point is the period
 * after the sum last left zero; the shift is the median offset of the next
 * max(2m, 14) values from the level before the change, reported when at
 * least 0.75 noise σ (1.4826 × MAD of first differences / √2); the window
 * then restarts at the change point.
 *
 * EWMA (λ, limits ± L √(λ/(2 − λ) (1 − (1 − λ)^{2i}))) on the same
 * standardized errors, restarted with each segment, reported where each
 * excursion begins.
 */
static void
control_charts (const ScSeries *series,
                GTimeZone      *tz,
                const double   *adjusted,
                const gboolean *spike,
                int             m,
                const double   *season,
                double          lambda,
                double          width,
                double          k,
                double          h,
                GArray         *anomalies)
{
  g_autofree double *first_pred = NULL;
  g_autofree double *work = NULL;
  g_autofree double *buf = NULL;
  g_autofree double *level_buf = NULL;
  LevelWindow level;
  gsize n = series->n;
  gsize window = (gsize) MAX (2 * m, MIN_LEVEL_WINDOW);
  gsize min_count = window / 2;
  double slope = 0.0;
  gsize baseline_len = MAX ((gsize) (2 * m), MIN_BASELINE);
  gsize n_err = 0, n_diff = 0, seg_start = 0;
  gssize prev = -1;
  double sigma_e, sigma_n, s_hi = 0.0, s_lo = 0.0, z = 0.0, decay = 1.0;
  gsize zero_hi = 0, zero_lo = 0;
  gboolean out = FALSE;
  gssize last_drift = -1;

  first_pred = g_new (double, MAX (n, 1));
  work = g_new (double, MAX (n, 1));
  buf = g_new (double, MAX (n, window) + 1);
  level_buf = g_new (double, MAX (n, window) + 1);

  /* Noise σ from first differences. */
  for (gsize t = 0; t < n; t++)
    {
      if (!isfinite (adjusted[t]) || spike[t])
        continue;
      if (prev >= 0 && (gsize) prev + 1 == t)
        work[n_diff++] = adjusted[t] - adjusted[prev];
      prev = (gssize) t;
    }
  sigma_n = n_diff >= 4 ? _sc_stats_mad (work, n_diff, NULL) / G_SQRT2 : 0.0;

  /* The robust slope. */
  n_diff = 0;
  for (gsize t = 0; t + window < n; t++)
    if (isfinite (adjusted[t]) && !spike[t] && isfinite (adjusted[t + window]) && !spike[t + window])
      work[n_diff++] = (adjusted[t + window] - adjusted[t]) / (double) window;
  if (n_diff >= 5)
    slope = _sc_stats_median (work, n_diff);

  /* First pass: the spread of the prediction errors. */
  level_window_init (&level, adjusted, spike, slope, level_buf);
  for (gsize t = 0; t < n; t++)
    {
      double pred;

      first_pred[t] = NAN;
      if (!isfinite (adjusted[t]) || spike[t])
        continue;
      if (level_window_at (&level, t > window ? t - window : 0, t, (double) t, min_count, &pred))
        {
          first_pred[t] = pred;
          work[n_err++] = adjusted[t] - pred;
        }
    }

  sigma_e = n_err >= 8 ? _sc_stats_mad (work, n_err, NULL) : 0.0;
  if (!(sigma_e > 0.0) || !(sigma_n > 0.0))
    return;

  /* Second pass, restarting the window at each change point. */
  level_window_init (&level, adjusted, spike, slope, level_buf);
  for (gsize t = 0; t < n; t++)
    {
      double pred, x, limit;

      if (!isfinite (adjusted[t]) || spike[t])
        continue;
      /* Until the first change point, the windows are the first pass'. */
      if (seg_start == 0)
        {
          pred = first_pred[t];
          if (!isfinite (pred))
            continue;
        }
      else if (!level_window_at (&level, MAX (seg_start, t > window ? t - window : 0), t,
                                 (double) t, min_count, &pred))
        continue;

      x = (adjusted[t] - pred) / sigma_e;

      s_hi = MAX (0.0, s_hi + x - k);
      s_lo = MAX (0.0, s_lo - x - k);
      if (s_hi == 0.0)
        zero_hi = t;
      if (s_lo == 0.0)
        zero_lo = t;

      /* EWMA. */
      z = lambda * x + (1.0 - lambda) * z;
      decay *= (1.0 - lambda) * (1.0 - lambda);
      limit = width * sqrt (lambda / (2.0 - lambda) * (1.0 - decay));
      if (fabs (z) > limit && !out)
        {
          char *reason;

          if (z > 0)
            reason = g_strdup_printf (_("The smoothed level drifted %.1f standard deviations above its expected path"),
                                      z);
          else
            reason = g_strdup_printf (_("The smoothed level drifted %.1f standard deviations below its expected path"),
                                      -z);
          add_anomaly (anomalies, series, tz, t, SC_ANOMALY_DRIFT,
                       pred + (season != NULL ? season[season_position (series->first_index, t, m)] : 0.0),
                       z, reason);
          last_drift = (gssize) anomalies->len - 1;
        }
      out = fabs (z) > limit;

      if (s_hi > h || s_lo > h)
        {
          gsize change = MAX ((s_hi > h ? zero_hi : zero_lo) + 1, seg_start);
          double before;
          gsize count = 0;

          while (change < t && (!isfinite (adjusted[change]) || spike[change]))
            change++;

          if (local_level_at (adjusted, spike, MAX (seg_start, change > window ? change - window : 0),
                              change, (double) change, slope, min_count, &before, buf))
            {
              double offset, shift;

              /* Offsets from the level before the change, along the slope. */
              for (gsize i = change; i < n && count < baseline_len; i++)
                if (isfinite (adjusted[i]) && !spike[i])
                  work[count++] = adjusted[i] - (before + slope * (double) (i - change));

              offset = count > 0 ? _sc_stats_median (work, count) : 0.0;
              shift = offset / sigma_n;

              if (fabs (offset) >= MIN_SHIFT_SD * sigma_n)
                {
                  char *reason;

                  if (shift > 0)
                    reason = g_strdup_printf (_("The level shifted up by %.1f standard deviations from here"),
                                              shift);
                  else
                    reason = g_strdup_printf (_("The level shifted down by %.1f standard deviations from here"),
                                              -shift);

                  /* The EWMA reacts to a shift too; one event, one anomaly. */
                  if (last_drift >= 0
                      && g_array_index (anomalies, ScAnomaly, last_drift).index >= change)
                    {
                      g_free (g_array_index (anomalies, ScAnomaly, last_drift).reason);
                      g_array_remove_index (anomalies, (guint) last_drift);
                    }
                  last_drift = -1;

                  add_anomaly (anomalies, series, tz, change, SC_ANOMALY_LEVEL_SHIFT,
                               before + (season != NULL ? season[season_position (series->first_index, change, m)] : 0.0),
                               shift, reason);
                  seg_start = change;
                }
            }

          s_hi = s_lo = 0.0;
          z = 0.0;
          decay = 1.0;
          out = FALSE;
        }
    }
}

/* Public API */

/**
 * sc_anomaly_options_init:
 * @options: (out caller-allocates): options to reset
 *
 * Sets the defaults: season detected, spikes beyond 3.5 MADs, EWMA with
 * λ = 0.2 and 3.75σ limits, CUSUM with k = 0.5 and h = 8.
 */
void
sc_anomaly_options_init (ScAnomalyOptions *options)
{
  g_return_if_fail (options != NULL);

  options->season_length = 0;
  options->z_threshold = 3.5;
  options->ewma_lambda = 0.2;
  options->ewma_width = DEFAULT_EWMA_WIDTH;
  options->cusum_k = 0.5;
  options->cusum_h = DEFAULT_CUSUM_H;
}

/**
 * sc_anomaly_detect:
 * @series: a regular series
 * @options: (nullable): tuning, %NULL for the defaults
 * @tz: (nullable): the time zone for period starts and weekday names,
 *   %NULL for UTC
 *
 * Finds spikes (robust z-score of the residual after removing a running
 * median trend and the seasonal medians), drifts (EWMA control chart) and
 * level shifts (CUSUM with change-point estimate) in @series; see the top
 * of sc-anomaly.c for the exact procedure. Series with fewer than 8 values
 * give no anomalies.
 *
 * Returns: (transfer full): the report
 */
ScAnomalyReport *
sc_anomaly_detect (const ScSeries         *series,
                   const ScAnomalyOptions *options,
                   GTimeZone              *tz)
{
  ScAnomalyOptions defaults;
  ScAnomalyReport *report;
  g_autoptr(GArray) anomalies = NULL;
  g_autofree double *trend = NULL;
  g_autofree double *season = NULL;
  g_autofree double *work = NULL;
  g_autofree double *window = NULL;
  g_autofree double *adjusted = NULL;
  g_autofree gboolean *spike = NULL;
  const double *y;
  double z_threshold, lambda, width, k, h;
  double med_r, sigma_r;
  gsize n, n_values, n_resid = 0;
  int m, w;

  g_return_val_if_fail (series != NULL, NULL);

  if (options == NULL)
    {
      sc_anomaly_options_init (&defaults);
      options = &defaults;
    }

  z_threshold = options->z_threshold > 0.0 ? options->z_threshold : 3.5;
  lambda = options->ewma_lambda > 0.0 && options->ewma_lambda <= 1.0 ? options->ewma_lambda : 0.2;
  width = options->ewma_width > 0.0 ? options->ewma_width : DEFAULT_EWMA_WIDTH;
  k = options->cusum_k > 0.0 ? options->cusum_k : 0.5;
  h = options->cusum_h > 0.0 ? options->cusum_h : DEFAULT_CUSUM_H;

  y = series->values;
  n = series->n;
  n_values = sc_series_count_values (series);

  report = g_new0 (ScAnomalyReport, 1);
  report->n = n;
  report->season_length = 1;
  report->expected = g_new0 (double, MAX (n, 1));
  for (gsize t = 0; t < n; t++)
    report->expected[t] = _sc_finite_or (y[t], 0.0);

  if (n_values < MIN_VALUES)
    return report;

  m = options->season_length;
  if (m <= 0)
    {
      ScSeasonality seasonality;

      sc_trend_seasonality (series, &seasonality);
      m = seasonality.found ? seasonality.period : 1;
    }
  if (m < 2 || n < (gsize) (2 * m + 2))
    m = 1;
  report->season_length = m;

  w = MAX (m % 2 == 1 ? m : m + 1, MIN_WINDOW);
  trend = g_new (double, n);
  season = g_new0 (double, m);
  work = g_new (double, n);
  window = g_new (double, w);
  adjusted = g_new (double, n);
  spike = g_new0 (gboolean, n);

  /* Decomposition, two rounds. */
  running_median (y, n, w, FALSE, trend, window);
  memcpy (work, y, n * sizeof (double));
  for (int round = 0; round < 2 && m > 1; round++)
    {
      seasonal_medians (y, trend, n, series->first_index, m, season);
      /* Positions counted along, not divided out at every slot. */
      for (gsize t = 0, j = (gsize) season_position (series->first_index, 0, m); t < n; t++)
        {
          work[t] = y[t] - season[j];
          if (++j == (gsize) m)
            j = 0;
        }
      /* The last round's trend is the leave-one-out one below. */
      if (round == 0)
        running_median (work, n, w, FALSE, trend, window);
    }
  running_median (work, n, w, TRUE, trend, window);

  for (gsize t = 0, j = (gsize) season_position (series->first_index, 0, m); t < n; t++)
    {
      double s = m > 1 ? season[j] : 0.0;

      if (++j == (gsize) m)
        j = 0;

      report->expected[t] = trend[t] + s;
      adjusted[t] = y[t] - s;
      if (isfinite (y[t]))
        work[n_resid++] = y[t] - report->expected[t];
    }

  sigma_r = _sc_stats_mad (work, n_resid, &med_r);
  if (sigma_r <= 0.0)
    {
      /* More than half the residuals are equal (a flat series): fall back
       * to the mean absolute deviation, scaled to σ for normal data.
       */
      double sum = 0.0;

      for (gsize i = 0; i < n_resid; i++)
        sum += fabs (work[i] - med_r);
      sigma_r = 1.2533 * sum / n_resid;
    }
  report->noise_sd = sigma_r;

  anomalies = g_array_new (FALSE, TRUE, sizeof (ScAnomaly));

  /* Spikes. */
  if (sigma_r > 0.0)
    for (gsize t = 0; t < n; t++)
      {
        double z;

        if (!isfinite (y[t]))
          continue;
        z = (y[t] - report->expected[t] - med_r) / sigma_r;
        if (fabs (z) > z_threshold)
          {
            g_autofree char *label = position_label (series, t, m, tz);

            spike[t] = TRUE;
            add_anomaly (anomalies, series, tz, t, SC_ANOMALY_SPIKE, report->expected[t], z,
                         spike_reason (z, label));
          }
      }

  control_charts (series, tz, adjusted, spike, m, m > 1 ? season : NULL,
                  lambda, width, k, h, anomalies);

  g_array_sort (anomalies, compare_anomalies);
  report->n_anomalies = anomalies->len;
  report->anomalies = (ScAnomaly *) (void *) g_array_free (g_steal_pointer (&anomalies), FALSE);

  for (gsize t = 0; t < n; t++)
    report->expected[t] = _sc_finite_or (report->expected[t], 0.0);

  return report;
}

/**
 * sc_anomaly_report_free:
 * @report: (nullable) (transfer full): a report
 *
 * Frees @report with its anomalies.
 */
void
sc_anomaly_report_free (ScAnomalyReport *report)
{
  if (report == NULL)
    return;

  for (gsize i = 0; i < report->n_anomalies; i++)
    g_free (report->anomalies[i].reason);
  g_free (report->anomalies);
  g_free (report->expected);
  g_free (report);
}

/**
 * sc_anomaly_report_count:
 * @report: a report
 * @kind: a kind of anomaly
 *
 * Returns: how many anomalies of @kind @report holds
 */
gsize
sc_anomaly_report_count (const ScAnomalyReport *report,
                         ScAnomalyKind          kind)
{
  gsize count = 0;

  g_return_val_if_fail (report != NULL, 0);

  for (gsize i = 0; i < report->n_anomalies; i++)
    count += report->anomalies[i].kind == kind;

  return count;
}

/**
 * sc_anomaly_kind_to_key:
 * @kind: a kind of anomaly
 *
 * Returns: (transfer none): "spike", "drift" or "level-shift"
 */
const char *
sc_anomaly_kind_to_key (ScAnomalyKind kind)
{
  switch (kind)
    {
    case SC_ANOMALY_SPIKE:
      return "spike";
    case SC_ANOMALY_DRIFT:
      return "drift";
    case SC_ANOMALY_LEVEL_SHIFT:
      return "level-shift";
    default:
      g_return_val_if_reached (NULL);
    }
}
