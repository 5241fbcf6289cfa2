/* sc-trend.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-analytics"

#include "config.h"

#include <math.h>
#include <string.h>

#include "sc-analytics-private.h"
#include "sc-trend.h"

#define SECONDS_PER_DAY  G_GINT64_CONSTANT (86400)

/* A history longer than this many periods keeps only its latest ones: a
 * century of days, far beyond any KPI, and it bounds the memory a corrupt
 * timestamp could make us allocate.
 */
#define MAX_PERIODS      G_GINT64_CONSTANT (36525)

/* Seasonality is tested at 5 % overall, Bonferroni-split across the
 * candidate lags, one-sided (only positive autocorrelation is seasonal).
 */
#define SEASONALITY_ALPHA 0.05

static const int daily_lags[] = { 7, 30, 365 };
static const int weekly_lags[] = { 52 };
static const int monthly_lags[] = { 12 };
static const int quarterly_lags[] = { 4 };

/* Auxiliary methods */

static int
compare_points (gconstpointer a,
                gconstpointer b)
{
  const ScHistoryPoint *p = a;
  const ScHistoryPoint *q = b;

  return (p->time > q->time) - (p->time < q->time);
}

/* The finite points sorted by time (stable for equal times, so the later
 * of two submissions at one instant stays last).
 */
static ScHistoryPoint *
sorted_finite_points (const ScHistoryPoint *points,
                      gsize                 n_points,
                      gsize                *n_out)
{
  ScHistoryPoint *copy = g_new (ScHistoryPoint, MAX (n_points, 1));
  gboolean sorted = TRUE;
  gsize n = 0;

  for (gsize i = 0; i < n_points; i++)
    {
      if (!isfinite (points[i].value))
        continue;
      if (n > 0 && points[i].time < copy[n - 1].time)
        sorted = FALSE;
      copy[n++] = points[i];
    }

  if (!sorted)
    g_qsort_with_data (copy, n, sizeof (ScHistoryPoint),
                       (GCompareDataFunc) compare_points, NULL);

  *n_out = n;

  return copy;
}

/* Detrends values for the autocorrelation test. With three cycles or more
 * a centred moving average of one cycle (2×m for even m, as in classical
 * decomposition) follows the trend without absorbing the season; shorter
 * series get a least-squares line instead. Slots that cannot be detrended
 * are NAN.
 */
static void
detrend (const double *y,
         gsize         n,
         int           m,
         double       *out)
{
  if (m >= 2 && n >= (gsize) (3 * m))
    {
      int half = m / 2;
      gboolean even = m % 2 == 0;
      g_autofree double *present_y = g_new (double, n);
      g_autofree double *present = g_new (double, n);
      g_autofree double *weight = g_new0 (double, n);
      g_autofree double *count = g_new0 (double, n);
      gsize lo = (gsize) half, hi = n - (gsize) half;

      gboolean gaps = FALSE;

      /* Gaps add zeros: the sums come out as if they were skipped, and
       * the loops over t (one window offset at a time, each t's terms in
       * the same order as before) run without branches.
       */
      for (gsize t = 0; t < n; t++)
        {
          gboolean finite = isfinite (y[t]);

          present_y[t] = finite ? y[t] : 0.0;
          present[t] = finite ? 1.0 : 0.0;
          out[t] = 0.0;
          gaps = gaps || !finite;
        }

      for (int k = -half; k <= half; k++)
        {
          double w = (even && (k == -half || k == half)) ? 0.5 : 1.0;

          for (gsize t = lo; t < hi; t++)
            out[t] += w * present_y[t + k];

          if (gaps)
            for (gsize t = lo; t < hi; t++)
              {
                weight[t] += w * present[t + k];
                count[t] += present[t + k];
              }
          else
            {
              /* The same sum for every t. */
              weight[lo] += w;
              count[lo] += 1.0;
            }
        }

      for (gsize t = lo + 1; !gaps && t < hi; t++)
        {
          weight[t] = weight[lo];
          count[t] = count[lo];
        }

      for (gsize t = 0; t < n; t++)
        {
          /* A window missing more than a quarter of its cycle would bias
           * the trend toward the seasons it does hold.
           */
          if (t < lo || t >= hi || !isfinite (y[t])
              || !(count[t] * 4 >= (double) (3 * (2 * half + 1)) && weight[t] > 0.0))
            out[t] = NAN;
          else
            out[t] = y[t] - out[t] / weight[t];
        }
    }
  else
    {
      double sx = 0.0, sy = 0.0, sxx = 0.0, sxy = 0.0, slope = 0.0, icept;
      gsize k = 0;

      for (gsize t = 0; t < n; t++)
        if (isfinite (y[t]))
          {
            sx += t;
            sy += y[t];
            sxx += (double) t * t;
            sxy += t * y[t];
            k++;
          }

      if (k >= 2 && k * sxx - sx * sx > 0.0)
        slope = (k * sxy - sx * sy) / (k * sxx - sx * sx);
      icept = k > 0 ? (sy - slope * sx) / k : 0.0;

      for (gsize t = 0; t < n; t++)
        out[t] = isfinite (y[t]) ? y[t] - icept - slope * t : NAN;
    }
}

/* Sample autocorrelations r_1 … r_max_lag of x, skipping gaps: each lag's
 * mean cross product over the pairs present, divided by the variance over
 * all values present (the usual biased estimator when nothing is missing).
 */
static gsize
autocorrelations (const double *x,
                  gsize         n,
                  int           max_lag,
                  double       *acf)
{
  g_autofree double *centred = NULL;
  g_autofree double *present = NULL;
  g_autofree double *sums = NULL;
  g_autofree double *pairs = NULL;
  double mean = 0.0, var = 0.0;
  gsize count = 0, first = 0, last = n - 1;
  gboolean inner = TRUE;

  for (gsize t = 0; t < n; t++)
    if (isfinite (x[t]))
      {
        mean += x[t];
        count++;
      }

  for (int k = 0; k <= max_lag; k++)
    acf[k] = 0.0;

  if (count < 3)
    return count;

  mean /= count;
  for (gsize t = 0; t < n; t++)
    if (isfinite (x[t]))
      var += (x[t] - mean) * (x[t] - mean);
  var /= count;

  acf[0] = 1.0;
  if (var <= 0.0)
    return count;

  /* Gaps add zeros, as in detrend(); t outside, the lags inside, so
   * each lag's sum takes its terms in the order of t.
   */
  max_lag = (int) MIN ((gsize) max_lag, n - 1);
  centred = g_new (double, n);
  present = g_new (double, n);
  sums = g_new0 (double, max_lag + 1);
  pairs = g_new0 (double, max_lag + 1);
  for (gsize t = 0; t < n; t++)
    {
      gboolean finite = isfinite (x[t]);

      centred[t] = finite ? x[t] - mean : 0.0;
      present[t] = finite ? 1.0 : 0.0;
    }

  /* Without gaps between the first and the last value (a detrended
   * series has them only at its ends), the pairs need no counting.
   */
  while (first < n && present[first] == 0.0)
    first++;
  while (last > first && present[last] == 0.0)
    last--;
  for (gsize t = first; t <= last && inner; t++)
    inner = present[t] != 0.0;

  for (gsize t = inner ? first : 0; t < (inner ? last : n - 1); t++)
    {
      int top = (int) MIN ((gsize) max_lag, (inner ? last : n - 1) - t);
      double c = centred[t], f = present[t];

      for (int k = 1; k <= top; k++)
        sums[k] += c * centred[t + k];

      for (int k = 1; k <= top && !inner; k++)
        pairs[k] += f * present[t + k];
    }

  for (int k = 1; inner && k <= max_lag; k++)
    pairs[k] = (gsize) k <= last - first ? (double) (last - first + 1 - (gsize) k) : 0.0;

  for (int k = 1; k <= max_lag; k++)
    {
      /* Scaled as the full-data estimator: Σ over n − k pairs, over n. */
      if (pairs[k] > 0)
        acf[k] = (sums[k] / pairs[k]) * ((double) (n - k) / n) / var;
    }

  return count;
}

/* Adjusted share of variance explained by the seasonal means of the
 * detrended values d: 1 − [SS_resid / (N − m)] / [SS_total / (N − 1)],
 * clipped to 0–1. This is the seasonal strength of Wang, Smith and
 * Hyndman (2006), max(0, 1 − Var(R) / Var(S + R)), with degrees of freedom
 * that keep it unbiased when only two or three cycles are available (the
 * plain ratio would call pure noise seasonal with two cycles).
 */
static double
seasonal_strength (const double *d,
                   gsize         n,
                   int           m)
{
  g_autofree double *sum = g_new0 (double, m);
  g_autofree gsize *count = g_new0 (gsize, m);
  double total = 0.0, ss_total = 0.0, ss_resid = 0.0, mean;
  gsize used = 0;
  int groups = 0;

  /* j follows t % m without dividing at every slot. */
  for (gsize t = 0, j = 0; t < n; t++)
    {
      if (isfinite (d[t]))
        {
          sum[j] += d[t];
          count[j]++;
          total += d[t];
          used++;
        }
      if (++j == (gsize) m)
        j = 0;
    }

  for (int j = 0; j < m; j++)
    groups += count[j] > 0;

  if (used <= (gsize) groups + 1)
    return 0.0;

  /* The seasonal means, in place of the sums. */
  for (int j = 0; j < m; j++)
    if (count[j] > 0)
      sum[j] /= count[j];

  mean = total / used;
  for (gsize t = 0, j = 0; t < n; t++)
    {
      if (isfinite (d[t]))
        {
          double s = sum[j];

          ss_total += (d[t] - mean) * (d[t] - mean);
          ss_resid += (d[t] - s) * (d[t] - s);
        }
      if (++j == (gsize) m)
        j = 0;
    }

  if (ss_total <= 0.0)
    return 0.0;

  return CLAMP (1.0 - (ss_resid / (used - groups)) / (ss_total / (used - 1)), 0.0, 1.0);
}

/* Public API */

/**
 * sc_trend_resample:
 * @points: (array length=n_points): values with their times, in any order
 * @n_points: the number of points
 * @period: the period to resample to
 * @tz: (nullable): the time zone of the calendar, %NULL for UTC
 *
 * Turns irregular submissions into a regular series: the mean of the
 * finite values in each period, from the first period with a value to the
 * last. Periods without a value are gaps (NAN, count 0): they are not
 * filled, since an interpolated value would be reported back as if someone
 * had submitted it. At most the latest 36,525 periods are kept.
 *
 * Returns: (transfer full): the series, with @n 0 when no value is finite
 */
ScSeries *
sc_trend_resample (const ScHistoryPoint *points,
                   gsize                 n_points,
                   ScAnalyticsPeriod     period,
                   GTimeZone            *tz)
{
  g_autofree gint64 *index = NULL;
  ScSeries *series;
  gint64 first = G_MAXINT64, last = G_MININT64;
  gsize n_finite = 0;

  g_return_val_if_fail (points != NULL || n_points == 0, NULL);

  index = g_new (gint64, MAX (n_points, 1));
  for (gsize i = 0; i < n_points; i++)
    {
      if (!isfinite (points[i].value))
        continue;
      index[i] = sc_analytics_period_index (period, points[i].time, tz);
      last = MAX (last, index[i]);
      n_finite++;
    }

  if (n_finite == 0)
    return sc_series_new (period, 0, NULL, 0);

  for (gsize i = 0; i < n_points; i++)
    if (isfinite (points[i].value) && index[i] > last - MAX_PERIODS)
      first = MIN (first, index[i]);

  series = g_new0 (ScSeries, 1);
  series->period = period;
  series->first_index = first;
  series->n = (gsize) (last - first + 1);
  series->values = g_new0 (double, series->n);
  series->counts = g_new0 (guint, series->n);

  for (gsize i = 0; i < n_points; i++)
    {
      gsize slot;

      if (!isfinite (points[i].value) || index[i] < first)
        continue;
      slot = (gsize) (index[i] - first);
      series->values[slot] += points[i].value;
      series->counts[slot]++;
    }

  for (gsize t = 0; t < series->n; t++)
    {
      if (series->counts[t] > 0)
        series->values[t] /= series->counts[t];
      else
        {
          series->values[t] = NAN;
          series->n_missing++;
        }
    }

  return series;
}

/**
 * sc_trend_change:
 * @points: (array length=n_points): values with their times, in any order
 * @n_points: the number of points
 * @days: the span, e.g. 7 or 30
 * @out: (out caller-allocates): the result
 *
 * Compares the latest value with the value @days days before it. The
 * reference instant is the latest point's time minus @days × 24 h, and its
 * value is:
 *
 * - the value recorded at that very instant, if any (exact);
 * - otherwise, when there are values on both sides no more than @days
 *   apart, the linear interpolation in time between them (interpolated);
 * - otherwise the nearer of those two values, if it lies within half the
 *   span (at least one day) of the instant and is not the latest value
 *   itself (nearest);
 * - otherwise nothing: the history is too short or too sparse.
 *
 * The percentage is undefined for a reference value of 0, and then
 * @available is %FALSE too. Non-finite values are ignored; of several values
 * at one instant the last in @points counts.
 *
 * Returns: @out->available
 */
gboolean
sc_trend_change (const ScHistoryPoint *points,
                 gsize                 n_points,
                 int                   days,
                 ScTrendChange        *out)
{
  g_autofree ScHistoryPoint *sorted = NULL;
  const ScHistoryPoint *last, *before = NULL, *after = NULL;
  gint64 span, reference;
  gsize n;

  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (points != NULL || n_points == 0, FALSE);

  memset (out, 0, sizeof *out);
  out->rule = SC_TREND_REFERENCE_NONE;

  if (days <= 0)
    return FALSE;

  sorted = sorted_finite_points (points, n_points, &n);
  if (n < 2)
    return FALSE;

  last = &sorted[n - 1];
  span = days * SECONDS_PER_DAY;
  reference = last->time - span;

  for (gsize i = 0; i < n - 1; i++)
    {
      if (sorted[i].time <= reference)
        before = &sorted[i];
      else
        {
          after = &sorted[i];
          break;
        }
    }
  if (after == NULL && before != NULL && before != last)
    after = last;

  if (before != NULL && before->time == reference)
    {
      /* The last of several values at that instant. */
      out->reference_value = before->value;
      out->rule = SC_TREND_REFERENCE_EXACT;
    }
  else if (before != NULL && after != NULL && after->time - before->time <= span)
    {
      double f = (double) (reference - before->time) / (double) (after->time - before->time);

      out->reference_value = before->value + f * (after->value - before->value);
      out->rule = SC_TREND_REFERENCE_INTERPOLATED;
    }
  else
    {
      gint64 tolerance = MAX (span / 2, SECONDS_PER_DAY);
      const ScHistoryPoint *nearest = NULL;

      if (before != NULL && reference - before->time <= tolerance)
        nearest = before;
      if (after != NULL && after != last && after->time - reference <= tolerance
          && (nearest == NULL || after->time - reference < reference - nearest->time))
        nearest = after;

      if (nearest == NULL)
        return FALSE;

      out->reference_value = nearest->value;
      out->rule = SC_TREND_REFERENCE_NEAREST;
    }

  out->last_value = last->value;
  out->last_time = last->time;
  out->reference_time = reference;
  out->change = last->value - out->reference_value;

  if (out->reference_value == 0.0)
    {
      out->available = FALSE;
      return FALSE;
    }

  out->percent = out->change / fabs (out->reference_value) * 100.0;
  out->available = isfinite (out->percent);
  if (!out->available)
    out->percent = 0.0;

  return out->available;
}

/**
 * sc_trend_velocity:
 * @series: a regular series
 * @last_periods: how many of the latest periods to fit, gaps included; 0
 *   for sc_trend_default_window()
 * @target: the KPI's target, used to normalize the slope
 * @out: (out caller-allocates): the result
 *
 * Performance velocity: the ordinary least-squares slope of value against
 * period number over the last @last_periods periods (gaps skipped), with its
 * standard error, and normalized as 100 × slope / |target|, the percentage
 * of the target gained (or lost) per period.
 *
 * Returns: @out->available: %FALSE with fewer than three values
 */
gboolean
sc_trend_velocity (const ScSeries *series,
                   gsize           last_periods,
                   double          target,
                   ScVelocity     *out)
{
  double sx = 0.0, sy = 0.0, sxx = 0.0, sxy = 0.0, syy = 0.0;
  double mx, my, rss;
  gsize start, k = 0;

  g_return_val_if_fail (series != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  memset (out, 0, sizeof *out);

  if (last_periods == 0)
    last_periods = sc_trend_default_window (series->period);
  start = series->n > last_periods ? series->n - last_periods : 0;

  for (gsize t = start; t < series->n; t++)
    if (isfinite (series->values[t]))
      {
        double x = (double) (t - start);

        sx += x;
        sy += series->values[t];
        k++;
      }

  if (k < 3)
    return FALSE;

  mx = sx / k;
  my = sy / k;
  for (gsize t = start; t < series->n; t++)
    if (isfinite (series->values[t]))
      {
        double dx = (double) (t - start) - mx;
        double dy = series->values[t] - my;

        sxx += dx * dx;
        sxy += dx * dy;
        syy += dy * dy;
      }

  if (sxx <= 0.0)
    return FALSE;

  out->slope = sxy / sxx;
  rss = MAX (syy - out->slope * sxy, 0.0);
  out->slope_se = sqrt (rss / (k - 2) / sxx);
  out->r_squared = syy > 0.0 ? CLAMP (1.0 - rss / syy, 0.0, 1.0) : 0.0;
  out->n_used = k;
  out->available = TRUE;

  if (target != 0.0 && isfinite (target))
    {
      out->normalized = out->slope / fabs (target) * 100.0;
      out->normalized_available = TRUE;
    }

  return TRUE;
}

/**
 * sc_trend_volatility:
 * @series: a regular series
 * @last_periods: how many of the latest periods to use, gaps included; 0
 *   for sc_trend_default_window()
 * @out: (out caller-allocates): the result
 *
 * The volatility index:
 *
 *     V = 100 × sd(Δy) / mean(|y|)
 *
 * where Δy are the changes between consecutive periods that both hold a
 * value (a change across a gap is not a one-period change and is skipped),
 * sd is the sample standard deviation and mean(|y|) the mean absolute level
 * over the same periods. It is the coefficient of variation of the
 * period-over-period changes taken relative to the level rather than to the
 * mean change, which is near zero for any steady KPI and would make the
 * plain ratio explode. A constant series has V = 0; a series of zeros with
 * changes has no defined V. Bands: below 5 low, below 15 moderate, else
 * high.
 *
 * Returns: @out->available: %FALSE with fewer than two changes
 */
gboolean
sc_trend_volatility (const ScSeries *series,
                     gsize           last_periods,
                     ScVolatility   *out)
{
  g_autofree double *changes = NULL;
  double level = 0.0;
  gsize start, n_changes = 0, n_levels = 0;

  g_return_val_if_fail (series != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  memset (out, 0, sizeof *out);

  if (last_periods == 0)
    last_periods = sc_trend_default_window (series->period);
  start = series->n > last_periods ? series->n - last_periods : 0;

  changes = g_new (double, MAX (series->n - start, 1));
  for (gsize t = start; t < series->n; t++)
    {
      if (!isfinite (series->values[t]))
        continue;
      level += fabs (series->values[t]);
      n_levels++;
      if (t > start && isfinite (series->values[t - 1]))
        changes[n_changes++] = series->values[t] - series->values[t - 1];
    }

  if (n_changes < 2)
    return FALSE;

  out->n_changes = n_changes;
  out->change_sd = sqrt (_sc_stats_variance (changes, n_changes));
  out->mean_level = level / n_levels;

  if (out->mean_level > 0.0)
    out->index = 100.0 * out->change_sd / out->mean_level;
  else if (out->change_sd == 0.0)
    out->index = 0.0;
  else
    return FALSE;

  if (!isfinite (out->index))
    return FALSE;

  out->level = out->index < 5.0 ? SC_VOLATILITY_LOW
             : out->index < 15.0 ? SC_VOLATILITY_MODERATE
             : SC_VOLATILITY_HIGH;
  out->available = TRUE;

  return TRUE;
}

/**
 * sc_trend_seasonal_lags:
 * @period: the period of a series
 * @n_lags: (out): the number of candidates
 *
 * The seasonal periods worth testing for a series of @period: for days a
 * week (7), a month (30) and a year (365); for weeks a year (52); for
 * months a year (12); for quarters a year (4); none for years.
 *
 * Returns: (array length=n_lags) (transfer none): the candidate lags
 */
const int *
sc_trend_seasonal_lags (ScAnalyticsPeriod  period,
                        guint             *n_lags)
{
  g_return_val_if_fail (n_lags != NULL, NULL);

  switch (period)
    {
    case SC_ANALYTICS_PERIOD_DAILY:
      *n_lags = G_N_ELEMENTS (daily_lags);
      return daily_lags;
    case SC_ANALYTICS_PERIOD_WEEKLY:
      *n_lags = G_N_ELEMENTS (weekly_lags);
      return weekly_lags;
    case SC_ANALYTICS_PERIOD_MONTHLY:
      *n_lags = G_N_ELEMENTS (monthly_lags);
      return monthly_lags;
    case SC_ANALYTICS_PERIOD_QUARTERLY:
      *n_lags = G_N_ELEMENTS (quarterly_lags);
      return quarterly_lags;
    case SC_ANALYTICS_PERIOD_YEARLY:
    default:
      *n_lags = 0;
      return NULL;
    }
}

/**
 * sc_trend_seasonality_lags:
 * @values: (array length=n): a regular series, NAN for gaps
 * @n: its length
 * @lags: (array length=n_lags): candidate periods, at most 4
 * @n_lags: their number
 * @out: (out caller-allocates): the result
 *
 * Tests each candidate lag m for which the series holds at least two
 * cycles plus two periods:
 *
 * 1. detrend: subtract a centred moving average of one cycle when there are
 *    three cycles or more, else a least-squares line;
 * 2. compute the autocorrelations r_1 … r_m of the detrended values;
 * 3. call m significant when r_m > z × se, with Bartlett's standard error
 *    se = √((1 + 2 Σ_{k<m} r_k²) / N) and z the one-sided normal quantile
 *    at 5 % Bonferroni-split across the lags tested (1.645 for one lag,
 *    2.128 for three);
 * 4. measure the strength of m as the adjusted share of the detrended
 *    variance explained by the mean of each seasonal position (see
 *    seasonal_strength() in the source; 0 is none, 1 is pure season).
 *
 * The period reported is the significant lag of greatest strength, the
 * shorter on a tie.
 *
 * Returns: @out->found
 */
gboolean
sc_trend_seasonality_lags (const double  *values,
                           gsize          n,
                           const int     *lags,
                           guint          n_lags,
                           ScSeasonality *out)
{
  g_autofree double *detrended = NULL;
  g_autofree double *acf = NULL;
  guint n_tested = 0;
  double z;
  int best = -1;

  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (values != NULL || n == 0, FALSE);
  g_return_val_if_fail (lags != NULL || n_lags == 0, FALSE);

  memset (out, 0, sizeof *out);
  out->period = 1;
  out->n_lags = MIN (n_lags, SC_TREND_MAX_SEASONAL_LAGS);

  for (guint i = 0; i < out->n_lags; i++)
    {
      out->lags[i].lag = lags[i];
      if (lags[i] >= 2 && n >= (gsize) (2 * lags[i] + 2))
        n_tested++;
    }

  if (n_tested == 0)
    return FALSE;

  z = _sc_normal_quantile (1.0 - SEASONALITY_ALPHA / n_tested);
  detrended = g_new (double, n);

  for (guint i = 0; i < out->n_lags; i++)
    {
      ScSeasonalLag *lag = &out->lags[i];
      int m = lag->lag;
      double sum_sq = 0.0;
      gsize count;

      if (m < 2 || n < (gsize) (2 * m + 2))
        continue;

      detrend (values, n, m, detrended);
      acf = g_renew (double, acf, m + 1);
      count = autocorrelations (detrended, n, m, acf);
      if (count < (gsize) (m + 2))
        continue;

      for (int k = 1; k < m; k++)
        sum_sq += acf[k] * acf[k];

      lag->tested = TRUE;
      lag->acf = acf[m];
      lag->threshold = z * sqrt ((1.0 + 2.0 * sum_sq) / count);
      lag->significant = lag->acf > lag->threshold;
      lag->strength = seasonal_strength (detrended, n, m);

      if (lag->significant && lag->strength > 0.0
          && (best < 0 || lag->strength > out->lags[best].strength))
        best = (int) i;
    }

  if (best < 0)
    return FALSE;

  out->found = TRUE;
  out->period = out->lags[best].lag;
  out->strength = out->lags[best].strength;
  out->acf = out->lags[best].acf;

  return TRUE;
}

/**
 * sc_trend_seasonality:
 * @series: a regular series
 * @out: (out caller-allocates): the result
 *
 * Runs sc_trend_seasonality_lags() with the lags of
 * sc_trend_seasonal_lags() for the series' period.
 *
 * Returns: @out->found
 */
gboolean
sc_trend_seasonality (const ScSeries *series,
                      ScSeasonality  *out)
{
  const int *lags;
  guint n_lags;

  g_return_val_if_fail (series != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  lags = sc_trend_seasonal_lags (series->period, &n_lags);

  return sc_trend_seasonality_lags (series->values, series->n, lags, n_lags, out);
}

/**
 * sc_trend_default_window:
 * @period: a period
 *
 * Returns: how many periods velocity and volatility look back by default:
 *   30 days, 13 weeks, 12 months, 8 quarters or 5 years
 */
gsize
sc_trend_default_window (ScAnalyticsPeriod period)
{
  switch (period)
    {
    case SC_ANALYTICS_PERIOD_DAILY:
      return 30;
    case SC_ANALYTICS_PERIOD_WEEKLY:
      return 13;
    case SC_ANALYTICS_PERIOD_MONTHLY:
      return 12;
    case SC_ANALYTICS_PERIOD_QUARTERLY:
      return 8;
    case SC_ANALYTICS_PERIOD_YEARLY:
    default:
      return 5;
    }
}

/**
 * sc_trend_summarize:
 * @points: (array length=n_points): a KPI's history, in any order
 * @n_points: the number of points
 * @period: the KPI's period
 * @tz: (nullable): the time zone of the calendar, %NULL for UTC
 * @target: the KPI's target
 * @out: (out caller-allocates): the result
 *
 * Computes the 7-day and 30-day changes on the raw points, and velocity,
 * volatility (over sc_trend_default_window() periods) and seasonality on
 * the series resampled to @period. Pass @out->seasonality.period on as the
 * season_length of sc_forecast_series() and sc_anomaly_detect() so the
 * seasonality test runs once.
 */
void
sc_trend_summarize (const ScHistoryPoint *points,
                    gsize                 n_points,
                    ScAnalyticsPeriod     period,
                    GTimeZone            *tz,
                    double                target,
                    ScTrendSummary       *out)
{
  g_autoptr(ScSeries) series = NULL;

  g_return_if_fail (out != NULL);

  series = sc_trend_resample (points, n_points, period, tz);
  sc_trend_summarize_series (points, n_points, series, target, out);
}

/**
 * sc_trend_summarize_series:
 * @points: (array length=n_points): a KPI's history, in any order
 * @n_points: the number of points
 * @series: the history resampled by sc_trend_resample()
 * @target: the KPI's target
 * @out: (out caller-allocates): the result
 *
 * sc_trend_summarize() for a caller that has resampled the history
 * already.
 */
void
sc_trend_summarize_series (const ScHistoryPoint *points,
                           gsize                 n_points,
                           const ScSeries       *series,
                           double                target,
                           ScTrendSummary       *out)
{
  g_return_if_fail (series != NULL);
  g_return_if_fail (out != NULL);

  sc_trend_change (points, n_points, 7, &out->week);
  sc_trend_change (points, n_points, 30, &out->month);

  sc_trend_velocity (series, 0, target, &out->velocity);
  sc_trend_volatility (series, 0, &out->volatility);
  sc_trend_seasonality (series, &out->seasonality);
}
