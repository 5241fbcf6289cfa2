/* sc-analytics-math.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-analytics"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sc-analytics-private.h"

/* Everything here is written out rather than taken from libm's less
 * portable corners (lgamma() sets the global signgam, which would make the
 * analytics unsafe to run on several worker threads at once).
 */

#define NM_MAX_DIM 8

/* Auxiliary methods */

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

/* ln Γ(x) for x > 0, Lanczos (g = 7, n = 9), accurate to about 1e-15. */
static double
log_gamma (double x)
{
  static const double c[] = {
    0.99999999999980993, 676.5203681218851, -1259.1392167224028,
    771.32342877765313, -176.61502916214059, 12.507343278686905,
    -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  };
  double sum, t;

  if (x < 0.5)
    return log (G_PI / fabs (sin (G_PI * x))) - log_gamma (1.0 - x);

  x -= 1.0;
  sum = c[0];
  for (int i = 1; i < 9; i++)
    sum += c[i] / (x + i);
  t = x + 7.5;

  return 0.5 * log (2.0 * G_PI) + (x + 0.5) * log (t) - t + log (sum);
}

/* Continued fraction of the regularized incomplete beta function, by the
 * modified Lentz method (Numerical Recipes §6.4).
 */
static double
beta_continued_fraction (double a,
                         double b,
                         double x)
{
  const double tiny = 1e-300;
  double qab = a + b;
  double qap = a + 1.0;
  double qam = a - 1.0;
  double c = 1.0;
  double d = 1.0 - qab * x / qap;
  double h;

  if (fabs (d) < tiny)
    d = tiny;
  d = 1.0 / d;
  h = d;

  for (int m = 1; m <= 300; m++)
    {
      int m2 = 2 * m;
      double aa, del;

      aa = m * (b - m) * x / ((qam + m2) * (a + m2));
      d = 1.0 + aa * d;
      if (fabs (d) < tiny)
        d = tiny;
      c = 1.0 + aa / c;
      if (fabs (c) < tiny)
        c = tiny;
      d = 1.0 / d;
      h *= d * c;

      aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
      d = 1.0 + aa * d;
      if (fabs (d) < tiny)
        d = tiny;
      c = 1.0 + aa / c;
      if (fabs (c) < tiny)
        c = tiny;
      d = 1.0 / d;
      del = d * c;
      h *= del;

      if (fabs (del - 1.0) < 3e-15)
        break;
    }

  return h;
}

/* I_x(a, b), given ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b). */
static double
incomplete_beta (double a,
                 double b,
                 double log_beta,
                 double x)
{
  double front;

  if (x <= 0.0)
    return 0.0;
  if (x >= 1.0)
    return 1.0;

  front = exp (a * log (x) + b * log1p (-x) - log_beta);

  if (x < (a + 1.0) / (a + b + 2.0))
    return front * beta_continued_fraction (a, b, x) / a;

  return 1.0 - front * beta_continued_fraction (b, a, 1.0 - x) / b;
}

/* Public (library-private) API */

double
_sc_finite_or (double value,
               double fallback)
{
  return isfinite (value) ? value : fallback;
}

double
_sc_stats_mean (const double *x,
                gsize         n)
{
  double sum = 0.0;

  if (n == 0)
    return 0.0;

  for (gsize i = 0; i < n; i++)
    sum += x[i];

  return sum / n;
}

/* The sample variance (n − 1 in the denominator), 0 below two values. */
double
_sc_stats_variance (const double *x,
                    gsize         n)
{
  double mean, ss = 0.0;

  if (n < 2)
    return 0.0;

  mean = _sc_stats_mean (x, n);
  for (gsize i = 0; i < n; i++)
    ss += (x[i] - mean) * (x[i] - mean);

  return ss / (n - 1);
}

void
_sc_stats_sort (double *x,
                gsize   n)
{
  if (n > 1)
    qsort (x, n, sizeof (double), compare_doubles);
}

/* Hyndman and Fan's type 7, the default of R and NumPy. */
double
_sc_stats_quantile_sorted (const double *sorted,
                           gsize         n,
                           double        p)
{
  double h;
  gsize lo;

  if (n == 0)
    return 0.0;

  p = CLAMP (p, 0.0, 1.0);
  h = (n - 1) * p;
  lo = (gsize) floor (h);
  if (lo + 1 >= n)
    return sorted[n - 1];

  return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
}

/* Hoare's selection, the fallback of select_kth(): puts the k-th
 * smallest of x[0..n) at x[k], smaller ones before it and larger ones
 * after, in expected linear time.
 */
static double
select_kth_hoare (double *x,
            gsize   n,
            gsize   k)
{
  gsize lo = 0, hi = n - 1;

  while (hi > lo)
    {
      double pivot = x[lo + (hi - lo) / 2];
      gsize i = lo, j = hi;

      while (i <= j)
        {
          while (x[i] < pivot)
            i++;
          while (x[j] > pivot)
            j--;
          if (i <= j)
            {
              double tmp = x[i];
              x[i] = x[j];
              x[j] = tmp;
              i++;
              if (j == 0)
                break;
              j--;
            }
        }

      if (k <= j)
        hi = j;
      else if (k >= i)
        lo = i;
      else
        break;
    }

  return x[k];
}

/* Puts the k-th smallest of x[0..n) at x[k] with smaller or equal ones
 * before it, as select_kth_hoare() does, but partitions without
 * branches on the data (Lomuto's scheme, each value swapped whether or
 * not it moves), around a median of three: the comparisons of a
 * selection are coin flips the processor cannot predict. The value
 * returned is the same, the order statistic.
 */
static double
select_kth (double *x,
            gsize   n,
            gsize   k)
{
  gsize lo = 0, hi = n;

  while (hi - lo > 16)
    {
      double a = x[lo], b = x[lo + (hi - lo) / 2], c = x[hi - 1];
      double pivot = MAX (MIN (a, b), MIN (MAX (a, b), c));
      gsize less = lo, equal;

      for (gsize i = lo; i < hi; i++)
        {
          double v = x[i];

          x[i] = x[less];
          x[less] = v;
          less += v < pivot;
        }
      equal = less;
      for (gsize i = less; i < hi; i++)
        {
          double v = x[i];

          x[i] = x[equal];
          x[equal] = v;
          equal += v <= pivot;
        }

      if (equal == less)
        {
          /* No value equals the pivot: only a NAN does that. */
          return select_kth_hoare (x + lo, hi - lo, k - lo);
        }

      if (k < less)
        hi = less;
      else if (k < equal)
        return x[k];
      else
        lo = equal;
    }

  /* A few left: insertion sort. */
  for (gsize i = lo + 1; i < hi; i++)
    {
      double v = x[i];
      gsize j = i;

      for (; j > lo && x[j - 1] > v; j--)
        x[j] = x[j - 1];
      x[j] = v;
    }

  return x[k];
}

/* Reorders x. */
double
_sc_stats_median (double *x,
                  gsize   n)
{
  double upper, lower;

  if (n == 0)
    return 0.0;

  upper = select_kth (x, n, n / 2);
  if (n % 2 == 1)
    return upper;

  /* The largest of the lower half. */
  lower = x[0];
  for (gsize i = 1; i < n / 2; i++)
    lower = MAX (lower, x[i]);

  return 0.5 * (lower + upper);
}

/* The median absolute deviation scaled by 1.4826, which makes it estimate
 * the standard deviation of normal data (R's mad() does the same); so one
 * "MAD" in our messages is one robust standard deviation.
 */
double
_sc_stats_mad (const double *x,
               gsize         n,
               double       *median)
{
  g_autofree double *buf = NULL;
  double med;

  if (n == 0)
    {
      if (median != NULL)
        *median = 0.0;
      return 0.0;
    }

  buf = g_new (double, n);
  memcpy (buf, x, n * sizeof (double));
  med = _sc_stats_median (buf, n);
  for (gsize i = 0; i < n; i++)
    buf[i] = fabs (x[i] - med);

  if (median != NULL)
    *median = med;

  return 1.482602218505602 * _sc_stats_median (buf, n);
}

double
_sc_normal_cdf (double z)
{
  return 0.5 * erfc (-z / G_SQRT2);
}

/* Acklam's rational approximation, polished with one Halley step. */
double
_sc_normal_quantile (double p)
{
  static const double a[] = {
    -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
    1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00,
  };
  static const double b[] = {
    -5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
    6.680131188771972e+01, -1.328068155288572e+01,
  };
  static const double c[] = {
    -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
    -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00,
  };
  static const double d[] = {
    7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
    3.754408661907416e+00,
  };
  double q, r, x, e, u;

  if (p <= 0.0)
    return -38.0;
  if (p >= 1.0)
    return 38.0;

  if (p < 0.02425)
    {
      q = sqrt (-2.0 * log (p));
      x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
          / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1.0);
    }
  else if (p > 1.0 - 0.02425)
    {
      q = sqrt (-2.0 * log1p (-p));
      x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
          / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1.0);
    }
  else
    {
      q = p - 0.5;
      r = q * q;
      x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
          / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1.0);
    }

  e = _sc_normal_cdf (x) - p;
  u = e * sqrt (2.0 * G_PI) * exp (x * x / 2.0);

  return x - u / (1.0 + x * u / 2.0);
}

static double
log_beta_t (double df)
{
  return log_gamma (df / 2.0) + log_gamma (0.5) - log_gamma (df / 2.0 + 0.5);
}

static double
student_t_cdf (double t,
               double df,
               double log_beta)
{
  double tail;

  if (t == 0.0)
    return 0.5;

  tail = 0.5 * incomplete_beta (df / 2.0, 0.5, log_beta, df / (df + t * t));

  return t > 0.0 ? 1.0 - tail : tail;
}

double
_sc_student_t_cdf (double t,
                   double df)
{
  if (!isfinite (df) || df > 1e7)
    return _sc_normal_cdf (t);

  return student_t_cdf (t, df, log_beta_t (df));
}

/* Bisection on the CDF: some 60 steps, run a handful of times per forecast,
 * and it cannot diverge for one degree of freedom the way Newton can.
 */
/* Whether the distribution function at t is below p, without computing
 * it where the bracket [below, above] around the quantile tells: below
 * it, F(t) ≤ F(below) < p; above it, F(t) ≥ F(above) ≥ p.
 */
static gboolean
t_cdf_below (double t,
             double df,
             double log_beta,
             double p,
             double below,
             double above)
{
  if (t <= below)
    return TRUE;
  if (t >= above)
    return FALSE;

  return student_t_cdf (t, df, log_beta) < p;
}

/* Newton's method for the p quantile of Student's t, p > ½, from the
 * Cornish–Fisher expansion: FALSE when it does not settle.
 */
static gboolean
newton_t_quantile (double  p,
                   double  df,
                   double  log_beta,
                   double *quantile)
{
  double z = _sc_normal_quantile (p);
  double q = z + (z * z * z + z) / (4.0 * df)
             + (5.0 * pow (z, 5) + 16.0 * z * z * z + 3.0 * z) / (96.0 * df * df);

  for (int i = 0; i < 12; i++)
    {
      double density = exp (-log_beta - 0.5 * log (df) - 0.5 * (df + 1.0) * log1p (q * q / df));
      double next;

      if (!(density > 0.0) || !isfinite (q))
        return FALSE;
      next = q - (student_t_cdf (q, df, log_beta) - p) / density;
      if (!(next > 0.0))
        next = 0.5 * q;
      if (fabs (next - q) <= 1e-12 * q)
        {
          *quantile = next;
          return isfinite (next);
        }
      q = next;
    }

  return FALSE;
}

double
_sc_student_t_quantile (double p,
                        double df)
{
  double lo, hi, log_beta, q;
  double known_below = -G_MAXDOUBLE, known_above = G_MAXDOUBLE;

  if (!isfinite (df) || df > 1e7)
    return _sc_normal_quantile (p);
  if (p <= 0.0 || p >= 1.0)
    return p <= 0.0 ? -1e6 : 1e6;
  if (p < 0.5)
    return -_sc_student_t_quantile (1.0 - p, df);
  if (p == 0.5)
    return 0.0;

  log_beta = log_beta_t (df);

  /* Newton's method finds nearly where the bisection below will end, and
   * two evaluations bracket that closely: the bisection then needs the
   * distribution function only for the points inside the bracket, the
   * last steps. Outside it, the outcome of each comparison is known, so
   * the result is the bisection's own, to the last bit.
   */
  if (newton_t_quantile (p, df, log_beta, &q))
    {
      double delta = 1e-9 * MAX (q, 1.0);

      if (q - delta > 0.0
          && student_t_cdf (q - delta, df, log_beta) < p
          && student_t_cdf (q + delta, df, log_beta) >= p)
        {
          known_below = q - delta;
          known_above = q + delta;
        }
    }

  lo = 0.0;
  hi = MAX (1.0, _sc_normal_quantile (p));
  while (t_cdf_below (hi, df, log_beta, p, known_below, known_above) && hi < 1e6)
    hi *= 2.0;

  for (int i = 0; i < 100 && hi - lo > 1e-12 * hi; i++)
    {
      double mid = 0.5 * (lo + hi);

      if (t_cdf_below (mid, df, log_beta, p, known_below, known_above))
        lo = mid;
      else
        hi = mid;
    }

  return 0.5 * (lo + hi);
}

void
_sc_rng_init (ScRng   *rng,
              guint64  seed)
{
  /* splitmix64 spreads any seed, 0 included, over the whole state. */
  for (guint i = 0; i < 4; i++)
    {
      guint64 z = (seed += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));

      z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
      z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
      rng->s[i] = z ^ (z >> 31);
    }
}

static inline guint64
rotl (guint64 x,
      int     k)
{
  return (x << k) | (x >> (64 - k));
}

/* Uniform on [0, 1), from the top 53 bits of xoshiro256+ (its low bits are
 * the weak ones).
 */
double
_sc_rng_double (ScRng *rng)
{
  guint64 *s = rng->s;
  guint64 result = s[0] + s[3];
  guint64 t = s[1] << 17;

  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl (s[3], 45);

  return (double) (result >> 11) * 0x1.0p-53;
}

/* Standard normal draws by the ziggurat method of Marsaglia and Tsang
 * (2000), in the form of Doornik's ZIGNOR (2005): 128 layers of equal
 * area under the density; nearly every draw is one uniform, one table
 * look-up and one multiplication, the rest are exact rejections.
 */
#define ZIG_LAYERS 128
#define ZIG_R      3.442619855899
#define ZIG_V      9.91256303526217e-3

typedef struct
{
  double x[ZIG_LAYERS + 1];
  double ratio[ZIG_LAYERS];
} ZigTables;

static const ZigTables *
zig_tables (void)
{
  static ZigTables tables;
  static gsize ready = 0;

  if (g_once_init_enter (&ready))
    {
      double f = exp (-0.5 * ZIG_R * ZIG_R);

      tables.x[0] = ZIG_V / f;
      tables.x[1] = ZIG_R;
      tables.x[ZIG_LAYERS] = 0.0;
      for (int i = 2; i < ZIG_LAYERS; i++)
        {
          tables.x[i] = sqrt (-2.0 * log (ZIG_V / tables.x[i - 1] + f));
          f = exp (-0.5 * tables.x[i] * tables.x[i]);
        }
      for (int i = 0; i < ZIG_LAYERS; i++)
        tables.ratio[i] = tables.x[i + 1] / tables.x[i];

      g_once_init_leave (&ready, 1);
    }

  return &tables;
}

double
_sc_rng_normal (ScRng *rng)
{
  const ZigTables *zig = zig_tables ();

  for (;;)
    {
      guint64 *s = rng->s;
      guint64 bits = s[0] + s[3];
      guint64 t = s[1] << 17;
      double u, x, f0, f1;
      int i;

      s[2] ^= s[0];
      s[3] ^= s[1];
      s[1] ^= s[2];
      s[0] ^= s[3];
      s[2] ^= t;
      s[3] = rotl (s[3], 45);

      /* u from the top 53 bits, the layer from 7 others, not the weak
       * lowest ones of xoshiro256+.
       */
      u = 2.0 * ((double) (bits >> 11) * 0x1.0p-53) - 1.0;
      i = (int) ((bits >> 4) & (ZIG_LAYERS - 1));

      if (fabs (u) < zig->ratio[i])
        return u * zig->x[i];

      if (i == 0)
        {
          /* The tail beyond R (Marsaglia, 1964). */
          double y;

          do
            {
              x = log (1.0 - _sc_rng_double (rng)) / ZIG_R;
              y = log (1.0 - _sc_rng_double (rng));
            }
          while (-2.0 * y < x * x);

          return u < 0.0 ? x - ZIG_R : ZIG_R - x;
        }

      x = u * zig->x[i];
      f0 = exp (-0.5 * (zig->x[i] * zig->x[i] - x * x));
      f1 = exp (-0.5 * (zig->x[i + 1] * zig->x[i + 1] - x * x));
      if (f1 + _sc_rng_double (rng) * (f0 - f1) < 1.0)
        return x;
    }
}

/* Solves the (degree + 1)² normal equations by Gauss–Jordan elimination
 * with partial pivoting, returning the coefficients, (XᵀX)⁻¹ (row-major)
 * and the residual sum of squares. Callers scale x to about [−1, 1] so the
 * system stays well conditioned up to degree 3.
 */
gboolean
_sc_polyfit (const double *x,
             const double *y,
             gsize         n,
             int           degree,
             double       *coef,
             double       *xtx_inv,
             double       *rss)
{
  enum { MAX_P = SC_ANALYTICS_MAX_POLY_DEGREE + 1 };
  double a[MAX_P][2 * MAX_P];
  double xty[MAX_P];
  int p = degree + 1;

  g_return_val_if_fail (degree >= 0 && degree <= SC_ANALYTICS_MAX_POLY_DEGREE, FALSE);

  if (n < (gsize) p)
    return FALSE;

  memset (a, 0, sizeof a);
  memset (xty, 0, sizeof xty);

  for (gsize i = 0; i < n; i++)
    {
      double pw[2 * MAX_P];

      pw[0] = 1.0;
      for (int k = 1; k < 2 * p - 1; k++)
        pw[k] = pw[k - 1] * x[i];
      for (int r = 0; r < p; r++)
        {
          for (int c = 0; c < p; c++)
            a[r][c] += pw[r + c];
          xty[r] += pw[r] * y[i];
        }
    }

  for (int r = 0; r < p; r++)
    for (int c = 0; c < p; c++)
      a[r][p + c] = r == c ? 1.0 : 0.0;

  for (int col = 0; col < p; col++)
    {
      int pivot = col;
      double scale;

      for (int r = col + 1; r < p; r++)
        if (fabs (a[r][col]) > fabs (a[pivot][col]))
          pivot = r;

      if (fabs (a[pivot][col]) < 1e-12 * (fabs (a[0][0]) + 1e-300))
        return FALSE;

      if (pivot != col)
        for (int c = 0; c < 2 * p; c++)
          {
            double tmp = a[col][c];
            a[col][c] = a[pivot][c];
            a[pivot][c] = tmp;
          }

      scale = a[col][col];
      for (int c = 0; c < 2 * p; c++)
        a[col][c] /= scale;

      for (int r = 0; r < p; r++)
        {
          double f;

          if (r == col)
            continue;
          f = a[r][col];
          for (int c = 0; c < 2 * p; c++)
            a[r][c] -= f * a[col][c];
        }
    }

  for (int r = 0; r < p; r++)
    {
      coef[r] = 0.0;
      for (int c = 0; c < p; c++)
        coef[r] += a[r][p + c] * xty[c];
      if (xtx_inv != NULL)
        for (int c = 0; c < p; c++)
          xtx_inv[r * p + c] = a[r][p + c];
    }

  if (rss != NULL)
    {
      double sum = 0.0;

      for (gsize i = 0; i < n; i++)
        {
          double e = y[i] - _sc_poly_eval (coef, degree, x[i]);
          sum += e * e;
        }
      *rss = sum;
    }

  return TRUE;
}

double
_sc_poly_eval (const double *coef,
               int           degree,
               double        x)
{
  double value = 0.0;

  for (int k = degree; k >= 0; k--)
    value = value * x + coef[k];

  return value;
}

/* x₀ᵀ (XᵀX)⁻¹ x₀ for x₀ = (1, x, x², …): the variance of the fitted mean
 * at x in units of the noise variance.
 */
double
_sc_poly_leverage (const double *xtx_inv,
                   int           degree,
                   double        x)
{
  double pw[SC_ANALYTICS_MAX_POLY_DEGREE + 1];
  double sum = 0.0;
  int p = degree + 1;

  pw[0] = 1.0;
  for (int k = 1; k < p; k++)
    pw[k] = pw[k - 1] * x;

  for (int r = 0; r < p; r++)
    for (int c = 0; c < p; c++)
      sum += pw[r] * xtx_inv[r * p + c] * pw[c];

  return MAX (sum, 0.0);
}

/* A plain Nelder–Mead simplex (reflection 1, expansion 2, contraction ½,
 * shrink ½) from u with an initial step on each axis. It is deterministic,
 * stops after max_evals evaluations or when the spread of the simplex
 * values falls below ftol relative to the best, and leaves the best point
 * found in u. Callers map bounded parameters to unbounded u themselves.
 *
 * func evaluates several points at once: an objective whose cost is
 * latency (a recursive filter) evaluates several in about the time of
 * one. So each step evaluates the reflection, the expansion and both
 * contractions together, and uses the ones the sequential method would
 * have; and _sc_nelder_mead_several() runs searches from several starts
 * in step, evaluating all their points together. The paths, the results
 * and the counts of evaluations (which max_evals bounds) are those of the
 * sequential method, one start after the other.
 */

typedef enum
{
  NM_INIT,
  NM_STEP,
  NM_SHRINK,
  NM_DONE,
} NmPhase;

typedef struct
{
  NmPhase phase;
  int     dim;
  int     max_evals;
  double  ftol;
  int     evals;
  int     best;
  double  simplex[NM_MAX_DIM + 1][NM_MAX_DIM];
  double  fval[NM_MAX_DIM + 1];
  double  xr[NM_MAX_DIM], xe[NM_MAX_DIM], xoc[NM_MAX_DIM], xic[NM_MAX_DIM];
} NmSearch;

static void
nm_init (NmSearch     *nm,
         const double *u,
         int           dim,
         double        step,
         int           max_evals,
         double        ftol)
{
  nm->phase = NM_INIT;
  nm->dim = dim;
  nm->max_evals = max_evals;
  nm->ftol = ftol;
  nm->evals = 0;
  nm->best = 0;

  for (int i = 0; i <= dim; i++)
    {
      memcpy (nm->simplex[i], u, dim * sizeof (double));
      if (i > 0)
        nm->simplex[i][i - 1] += step;
    }
}

/* Prepares the next step, or finishes. */
static void
nm_prepare (NmSearch *nm)
{
  int dim = nm->dim;
  int best = 0, worst = 0;
  double centroid[NM_MAX_DIM];
  const double (*simplex)[NM_MAX_DIM] = (const double (*)[NM_MAX_DIM]) nm->simplex;
  const double *fval = nm->fval;

  for (int i = 1; i <= dim; i++)
    {
      if (fval[i] < fval[best])
        best = i;
      if (fval[i] > fval[worst])
        worst = i;
    }

  if (nm->evals >= nm->max_evals
      || fabs (fval[worst] - fval[best]) <= nm->ftol * (fabs (fval[best]) + 1e-300))
    {
      nm->phase = NM_DONE;
      return;
    }

  for (int j = 0; j < dim; j++)
    {
      centroid[j] = 0.0;
      for (int i = 0; i <= dim; i++)
        if (i != worst)
          centroid[j] += simplex[i][j];
      centroid[j] /= dim;
    }

  for (int j = 0; j < dim; j++)
    {
      nm->xr[j] = centroid[j] + (centroid[j] - simplex[worst][j]);
      nm->xe[j] = centroid[j] + 2.0 * (centroid[j] - simplex[worst][j]);
      nm->xoc[j] = centroid[j] + 0.5 * (nm->xr[j] - centroid[j]);
      nm->xic[j] = centroid[j] + 0.5 * (simplex[worst][j] - centroid[j]);
    }

  nm->phase = NM_STEP;
}

/* The points to evaluate next; 0 when done. */
static int
nm_points (NmSearch      *nm,
           const double **points)
{
  int k = 0;

  switch (nm->phase)
    {
    case NM_INIT:
      for (int i = 0; i <= nm->dim; i++)
        points[k++] = nm->simplex[i];
      break;

    case NM_STEP:
      points[k++] = nm->xr;
      points[k++] = nm->xe;
      points[k++] = nm->xoc;
      points[k++] = nm->xic;
      break;

    case NM_SHRINK:
      for (int i = 0; i <= nm->dim; i++)
        if (i != nm->best)
          points[k++] = nm->simplex[i];
      break;

    case NM_DONE:
    default:
      break;
    }

  return k;
}

static void
nm_tell (NmSearch     *nm,
         const double *values)
{
  int dim = nm->dim;
  double *fval = nm->fval;

  switch (nm->phase)
    {
    case NM_INIT:
      memcpy (fval, values, (dim + 1) * sizeof (double));
      nm->evals += dim + 1;
      break;

    case NM_STEP:
      {
        int best = 0, worst = 0, second;
        double fr = values[0], fe = values[1];

        for (int i = 1; i <= dim; i++)
          {
            if (fval[i] < fval[best])
              best = i;
            if (fval[i] > fval[worst])
              worst = i;
          }
        second = best;
        for (int i = 0; i <= dim; i++)
          if (i != worst && fval[i] > fval[second])
            second = i;

        nm->evals++;
        if (fr < fval[best])
          {
            nm->evals++;
            memcpy (nm->simplex[worst], fe < fr ? nm->xe : nm->xr, dim * sizeof (double));
            fval[worst] = fe < fr ? fe : fr;
          }
        else if (fr < fval[second])
          {
            memcpy (nm->simplex[worst], nm->xr, dim * sizeof (double));
            fval[worst] = fr;
          }
        else
          {
            gboolean outside = fr < fval[worst];
            const double *xc = outside ? nm->xoc : nm->xic;
            double fc = outside ? values[2] : values[3];

            nm->evals++;
            if (fc < MIN (fr, fval[worst]))
              {
                memcpy (nm->simplex[worst], xc, dim * sizeof (double));
                fval[worst] = fc;
              }
            else
              {
                for (int i = 0; i <= dim; i++)
                  {
                    if (i == best)
                      continue;
                    for (int j = 0; j < dim; j++)
                      nm->simplex[i][j] = nm->simplex[best][j]
                                          + 0.5 * (nm->simplex[i][j] - nm->simplex[best][j]);
                  }
                nm->best = best;
                nm->phase = NM_SHRINK;
                return;
              }
          }
      }
      break;

    case NM_SHRINK:
      for (int i = 0, j = 0; i <= dim; i++)
        if (i != nm->best)
          fval[i] = values[j++];
      nm->evals += dim;
      break;

    case NM_DONE:
    default:
      return;
    }

  nm_prepare (nm);
}

static double
nm_result (const NmSearch *nm,
           double         *u)
{
  int best = 0;

  for (int i = 1; i <= nm->dim; i++)
    if (nm->fval[i] < nm->fval[best])
      best = i;
  memcpy (u, nm->simplex[best], nm->dim * sizeof (double));

  return nm->fval[best];
}

/* Runs n searches in step, from the points starts[i × dim …], each with
 * max_evals; leaves each best point in place and its value in values.
 */
void
_sc_nelder_mead_several (ScObjectiveFunc  func,
                         gpointer         user_data,
                         double          *starts,
                         int              n,
                         int              dim,
                         double           step,
                         int              max_evals,
                         double           ftol,
                         double          *values)
{
  NmSearch nm[SC_NM_MAX_SEARCHES];
  const double *points[SC_NM_MAX_SEARCHES * (NM_MAX_DIM + 1)];
  double results[SC_NM_MAX_SEARCHES * (NM_MAX_DIM + 1)];
  int counts[SC_NM_MAX_SEARCHES];

  g_return_if_fail (dim >= 1 && dim <= NM_MAX_DIM);
  g_return_if_fail (n >= 1 && n <= SC_NM_MAX_SEARCHES);

  for (int i = 0; i < n; i++)
    nm_init (&nm[i], starts + i * dim, dim, step, max_evals, ftol);

  for (;;)
    {
      int total = 0;

      for (int i = 0; i < n; i++)
        {
          counts[i] = nm_points (&nm[i], points + total);
          total += counts[i];
        }
      if (total == 0)
        break;

      func (points, total, results, user_data);

      for (int i = 0, offset = 0; i < n; offset += counts[i], i++)
        if (counts[i] > 0)
          nm_tell (&nm[i], results + offset);
    }

  for (int i = 0; i < n; i++)
    values[i] = nm_result (&nm[i], starts + i * dim);
}

double
_sc_nelder_mead (ScObjectiveFunc  func,
                 gpointer         user_data,
                 double          *u,
                 int              dim,
                 double           step,
                 int              max_evals,
                 double           ftol)
{
  double value = G_MAXDOUBLE;

  g_return_val_if_fail (dim >= 1 && dim <= NM_MAX_DIM, G_MAXDOUBLE);

  _sc_nelder_mead_several (func, user_data, u, 1, dim, step, max_evals, ftol, &value);

  return value;
}
