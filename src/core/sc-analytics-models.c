/* sc-analytics-models.c
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

/* The forecasting models, each as a fit on y[0..n) (a regular series with
 * NAN gaps) and an h-step forecast with the standard deviation of its
 * error. sc-forecast.c chooses among them.
 *
 * Exponential smoothing uses the additive-error state space form of
 * Hyndman, Koehler, Ord and Snyder, "Forecasting with Exponential
 * Smoothing" (2008), with e_t the one-step error and ŷ_t = (l + φb) + s
 * or (l + φb)·s:
 *
 *     l_t = l + φb + α e_t            (÷ s_{t−m} when seasonality is ×)
 *     b_t = φb + β e_t                (÷ s_{t−m} when seasonality is ×)
 *     s_t = s_{t−m} + γ e_t           (÷ (l + φb) when seasonality is ×)
 *
 * with 0 < α < 1, 0 < β < α, 0 < γ < 1 − α and 0.8 ≤ φ ≤ 1. A gap carries
 * the state forward with e_t = 0, which is how the state space handles
 * missing values. α, β, γ and φ minimize the sum of squared one-step
 * errors: a coarse grid (up to 60 points) first, then a Nelder–Mead search
 * from each of its three best points over logit-transformed parameters, so
 * every point tried respects the bounds. It is deterministic and stops
 * after a fixed number of evaluations (200 for Holt–Winters), which bounds
 * the cost of a forecast. A refit on more data starts from the previous
 * optimum instead of the grid. The initial
 * states are not optimized but set by the usual heuristics: a line through
 * the first values, or through the means of the first (up to three) cycles
 * with the seasonal indices as the mean deviation from that line.
 *
 * Forecast variance (their Table 6.1, class 1): σ²_h = σ² (1 + Σ_{j<h} c_j²)
 * with c_j = α + β φ_j + γ [j ≡ 0 mod m] and φ_j = φ + … + φ^j. For
 * multiplicative seasonality, which has no closed form, the same formula is
 * applied to the deseasonalized errors e_t / s_{t−m} and rescaled by the
 * seasonal index of the step: the first-order approximation for small σ.
 */

#define ETS_INVALID 1e300
#define SES_INIT_VALUES 4
#define HOLT_INIT_VALUES 10
#define HW_INIT_CYCLES 3
#define GRID_STARTS 3
#define ETS_LANES 12
#define GRID_POINTS 60

typedef enum
{
  SEASON_NONE,
  SEASON_ADDITIVE,
  SEASON_MULTIPLICATIVE,
} SeasonKind;

typedef struct
{
  const double *y;
  gsize         n;
  int           m;
  gboolean      has_trend;
  SeasonKind    season;
  int           dim;

  double        l0;
  double        b0;
  const double *s0;
  double       *s_lanes;
} EtsProblem;

/* Auxiliary methods */

static double
logistic (double u)
{
  return 1.0 / (1.0 + exp (-u));
}

static double
logit (double p)
{
  p = CLAMP (p, 1e-6, 1.0 - 1e-6);

  return log (p / (1.0 - p));
}

static SeasonKind
season_of (ScForecastMethod method)
{
  switch (method)
    {
    case SC_FORECAST_METHOD_HW_ADDITIVE:
      return SEASON_ADDITIVE;
    case SC_FORECAST_METHOD_HW_MULTIPLICATIVE:
      return SEASON_MULTIPLICATIVE;
    default:
      return SEASON_NONE;
    }
}

/* u (unbounded) → { α, β, γ, φ } inside the bounds. */
static void
ets_params_from_u (const EtsProblem *pb,
                   const double     *u,
                   double           *p)
{
  int k = 0;

  p[0] = 1e-4 + (1.0 - 2e-4) * logistic (u[k++]);
  p[1] = 0.0;
  p[2] = 0.0;
  p[3] = 1.0;

  if (pb->has_trend)
    p[1] = p[0] * (1e-3 + (1.0 - 1e-3) * logistic (u[k++]));
  if (pb->season != SEASON_NONE)
    p[2] = (1.0 - p[0]) * (1e-3 + (1.0 - 2e-3) * logistic (u[k++]));
  if (pb->has_trend)
    p[3] = 0.8 + 0.2 * logistic (u[k++]);
}

static void
ets_u_from_params (const EtsProblem *pb,
                   const double     *p,
                   double           *u)
{
  int k = 0;

  u[k++] = logit ((p[0] - 1e-4) / (1.0 - 2e-4));
  if (pb->has_trend)
    u[k++] = logit ((p[1] / p[0] - 1e-3) / (1.0 - 1e-3));
  if (pb->season != SEASON_NONE)
    u[k++] = logit ((p[2] / (1.0 - p[0]) - 1e-3) / (1.0 - 2e-3));
  if (pb->has_trend)
    u[k++] = logit ((p[3] - 0.8) / 0.2);
}

/* Runs the filter with parameters p. Returns the sum of squared one-step
 * errors (deseasonalized ones in *sse_d for × seasonality), or
 * ETS_INVALID when a multiplicative state leaves the positive range. The
 * final states go to level, trend and season (ring: slot t % m holds the
 * latest seasonal index for the positions of t).
 */
static double
ets_filter (const EtsProblem *pb,
            const double     *p,
            double           *level,
            double           *trend,
            double           *season,
            double           *sse_d)
{
  double alpha = p[0], beta = p[1], gamma = p[2], phi = p[3];
  double l = pb->l0, b = pb->has_trend ? pb->b0 : 0.0;
  double sse = 0.0, ssd = 0.0;
  int m = pb->m;

  if (pb->season != SEASON_NONE)
    memcpy (season, pb->s0, m * sizeof (double));

  /* One loop per kind of season keeps the hot loop free of branches. */
  switch (pb->season)
    {
    case SEASON_ADDITIVE:
      for (gsize t = 0, j = 0; t < pb->n; t++)
        {
          double base = l + phi * b;
          double s = season[j];
          double y = pb->y[t];
          double e = isfinite (y) ? y - (base + s) : 0.0;

          l = base + alpha * e;
          b = phi * b + beta * e;
          season[j] = s + gamma * e;
          sse += e * e;
          if (++j == (gsize) m)
            j = 0;
        }
      ssd = sse;
      break;

    case SEASON_MULTIPLICATIVE:
      for (gsize t = 0, j = 0; t < pb->n; t++)
        {
          double base = l + phi * b;
          double s = season[j];
          double y = pb->y[t];
          double e, ed;

          if (base <= 0.0 || s <= 0.0)
            return ETS_INVALID;

          e = isfinite (y) ? y - base * s : 0.0;
          ed = e / s;
          l = base + alpha * ed;
          b = phi * b + beta * ed;
          season[j] = s + gamma * e / base;
          sse += e * e;
          ssd += ed * ed;
          if (++j == (gsize) m)
            j = 0;
        }
      break;

    case SEASON_NONE:
    default:
      for (gsize t = 0; t < pb->n; t++)
        {
          double base = l + phi * b;
          double y = pb->y[t];
          double e = isfinite (y) ? y - base : 0.0;

          l = base + alpha * e;
          b = phi * b + beta * e;
          sse += e * e;
        }
      ssd = sse;
      break;
    }

  if (!isfinite (sse) || !isfinite (l) || !isfinite (b))
    return ETS_INVALID;

  if (level != NULL)
    *level = l;
  if (trend != NULL)
    *trend = b;
  if (sse_d != NULL)
    *sse_d = ssd;

  return sse;
}

/* Two lanes in one SSE2 register (GCC and Clang vector extensions; other
 * targets get scalar code). Each element gets the same IEEE operations as
 * scalar code would.
 */
typedef double EtsPair __attribute__ ((vector_size (16)));
typedef gint64 EtsMask __attribute__ ((vector_size (16)));

#define ETS_PAIRS (ETS_LANES / 2)

/* The sum of squared one-step errors of ets_filter() for up to ETS_LANES
 * parameter sets at once, interleaved in one pass over the data. One
 * filter is a chain of dependent operations whose latency bounds its
 * speed, and the processor overlaps independent chains: several cost
 * little more than one. Each lane does exactly the arithmetic of ets_filter(),
 * in the same order, so its sum is the same to the last bit.
 */
static void
ets_filter_sse_lanes (const EtsProblem *pb,
                      const double      p[][4],
                      int               n_lanes,
                      double           *sse_out)
{
  EtsPair alpha[ETS_PAIRS], beta[ETS_PAIRS], gamma[ETS_PAIRS], phi[ETS_PAIRS];
  EtsPair l[ETS_PAIRS], b[ETS_PAIRS], sse[ETS_PAIRS];
  EtsMask invalid[ETS_PAIRS];
  const EtsPair zero = { 0.0, 0.0 };
  EtsPair *season = (EtsPair *) (void *) pb->s_lanes;
  int m = pb->m;
  int n_pairs = (n_lanes + 1) / 2;

  g_assert (n_lanes >= 1 && n_lanes <= ETS_LANES);

  /* An odd lane out is paired with a copy of the first. */
  for (int q = 0; q < n_pairs; q++)
    {
      const double *p0 = p[2 * q < n_lanes ? 2 * q : 0];
      const double *p1 = p[2 * q + 1 < n_lanes ? 2 * q + 1 : 0];
      double b0 = pb->has_trend ? pb->b0 : 0.0;

      alpha[q] = (EtsPair) { p0[0], p1[0] };
      beta[q] = (EtsPair) { p0[1], p1[1] };
      gamma[q] = (EtsPair) { p0[2], p1[2] };
      phi[q] = (EtsPair) { p0[3], p1[3] };
      l[q] = (EtsPair) { pb->l0, pb->l0 };
      b[q] = (EtsPair) { b0, b0 };
      sse[q] = zero;
      invalid[q] = (EtsMask) { 0, 0 };
    }

  /* season[j * ETS_PAIRS + q]: pair q's indices for position j. */
  if (pb->season != SEASON_NONE)
    for (int j = 0; j < m; j++)
      for (int q = 0; q < n_pairs; q++)
        season[j * ETS_PAIRS + q] = (EtsPair) { pb->s0[j], pb->s0[j] };

  switch (pb->season)
    {
    case SEASON_ADDITIVE:
      for (gsize t = 0, j = 0; t < pb->n; t++)
        {
          double y = pb->y[t];
          gboolean present = isfinite (y);
          EtsPair *sj = season + j * ETS_PAIRS;

          for (int q = 0; q < n_pairs; q++)
            {
              EtsPair base = l[q] + phi[q] * b[q];
              EtsPair s = sj[q];
              EtsPair e = zero;

              if (present)
                e = y - (base + s);
              l[q] = base + alpha[q] * e;
              b[q] = phi[q] * b[q] + beta[q] * e;
              sj[q] = s + gamma[q] * e;
              sse[q] += e * e;
            }
          if (++j == (gsize) m)
            j = 0;
        }
      break;

    case SEASON_MULTIPLICATIVE:
      for (gsize t = 0, j = 0; t < pb->n; t++)
        {
          double y = pb->y[t];
          gboolean present = isfinite (y);
          EtsPair *sj = season + j * ETS_PAIRS;

          for (int q = 0; q < n_pairs; q++)
            {
              EtsPair base = l[q] + phi[q] * b[q];
              EtsPair s = sj[q];
              EtsPair e = zero, ed;

              /* ets_filter() stops here; a lane goes on, ignored. */
              invalid[q] |= (base <= zero) | (s <= zero);

              if (present)
                e = y - base * s;
              ed = e / s;
              l[q] = base + alpha[q] * ed;
              b[q] = phi[q] * b[q] + beta[q] * ed;
              sj[q] = s + gamma[q] * e / base;
              sse[q] += e * e;
            }
          if (++j == (gsize) m)
            j = 0;
        }
      break;

    case SEASON_NONE:
    default:
      for (gsize t = 0; t < pb->n; t++)
        {
          double y = pb->y[t];
          gboolean present = isfinite (y);

          for (int q = 0; q < n_pairs; q++)
            {
              EtsPair base = l[q] + phi[q] * b[q];
              EtsPair e = zero;

              if (present)
                e = y - base;
              l[q] = base + alpha[q] * e;
              b[q] = phi[q] * b[q] + beta[q] * e;
              sse[q] += e * e;
            }
        }
      break;
    }

  for (int k = 0; k < n_lanes; k++)
    {
      double sse_k = sse[k / 2][k % 2];

      sse_out[k] = invalid[k / 2][k % 2] != 0 || !isfinite (sse_k)
                   || !isfinite (l[k / 2][k % 2]) || !isfinite (b[k / 2][k % 2])
                   ? ETS_INVALID : sse_k;
    }
}

static void
ets_objective (const double * const *points,
               int                   n,
               double               *values,
               gpointer              user_data)
{
  const EtsProblem *pb = user_data;

  for (int i = 0; i < n; i += ETS_LANES)
    {
      double p[ETS_LANES][4];
      int lanes = MIN (n - i, ETS_LANES);

      for (int k = 0; k < lanes; k++)
        ets_params_from_u (pb, points[i + k], p[k]);
      ets_filter_sse_lanes (pb, (const double (*)[4]) p, lanes, values + i);
    }
}

/* The SSE surface has local minima (a high α can stand in for a seasonal
 * or trend smoothing that fits better), so the simplex starts from the
 * best points of a coarse grid rather than from one fixed guess. Fills
 * starts (n_starts × dim, best first) and returns the evaluations spent.
 */
static int
ets_grid_starts (const EtsProblem *pb,
                 double           *starts,
                 int               n_starts)
{
  static const double alphas_ses[] = { 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9 };
  static const double alphas[] = { 0.05, 0.15, 0.3, 0.5, 0.8 };
  static const double beta_ratios[] = { 0.01, 0.1 };
  static const double gamma_ratios[] = { 0.05, 0.2, 0.5 };
  static const double phis[] = { 0.9, 1.0 };
  double grid_u[GRID_POINTS][4];
  double grid_sse[GRID_POINTS];
  const double *points[GRID_POINTS];
  double best[GRID_STARTS];
  int evals = 0;
  const double *alpha_list = pb->has_trend || pb->season != SEASON_NONE ? alphas : alphas_ses;
  guint n_alpha = pb->has_trend || pb->season != SEASON_NONE ? G_N_ELEMENTS (alphas) : G_N_ELEMENTS (alphas_ses);
  guint n_beta = pb->has_trend ? G_N_ELEMENTS (beta_ratios) : 1;
  guint n_gamma = pb->season != SEASON_NONE ? G_N_ELEMENTS (gamma_ratios) : 1;
  guint n_phi = pb->has_trend ? G_N_ELEMENTS (phis) : 1;

  g_assert (n_starts <= GRID_STARTS);
  g_assert (n_alpha * n_beta * n_gamma * n_phi <= GRID_POINTS);

  for (int i = 0; i < n_starts; i++)
    best[i] = G_MAXDOUBLE;

  for (guint a = 0; a < n_alpha; a++)
    for (guint b = 0; b < n_beta; b++)
      for (guint g = 0; g < n_gamma; g++)
        for (guint f = 0; f < n_phi; f++)
          {
            double p[4];

            p[0] = alpha_list[a];
            p[1] = pb->has_trend ? p[0] * beta_ratios[b] : 0.0;
            p[2] = pb->season != SEASON_NONE ? (1.0 - p[0]) * gamma_ratios[g] : 0.0;
            p[3] = pb->has_trend ? MIN (phis[f], 0.999) : 1.0;
            ets_u_from_params (pb, p, grid_u[evals]);
            points[evals] = grid_u[evals];
            evals++;
          }

  ets_objective (points, evals, grid_sse, (gpointer) pb);

  for (int i = 0; i < evals; i++)
    {
      double sse = grid_sse[i];
      int slot;

      /* Insert into the sorted list of the best starts. */
      for (slot = n_starts; slot > 0 && sse < best[slot - 1]; slot--)
        {
          if (slot < n_starts)
            {
              best[slot] = best[slot - 1];
              memcpy (starts + slot * pb->dim, starts + (slot - 1) * pb->dim,
                      pb->dim * sizeof (double));
            }
        }
      if (slot < n_starts)
        {
          best[slot] = sse;
          memcpy (starts + slot * pb->dim, grid_u[i], pb->dim * sizeof (double));
        }
    }

  return evals;
}

/* Least-squares line through the present (t, y) pairs among the first
 * `want` values; FALSE when fewer than two.
 */
static gboolean
initial_line (const double *y,
              gsize         n,
              gsize         want,
              double       *intercept,
              double       *slope)
{
  double sx = 0.0, sy = 0.0, sxx = 0.0, sxy = 0.0;
  gsize k = 0;

  for (gsize t = 0; t < n && k < want; t++)
    if (isfinite (y[t]))
      {
        sx += t;
        sy += y[t];
        sxx += (double) t * t;
        sxy += t * y[t];
        k++;
      }

  if (k == 0)
    return FALSE;

  if (k >= 2 && k * sxx - sx * sx > 0.0)
    *slope = (k * sxy - sx * sy) / (k * sxx - sx * sx);
  else
    *slope = 0.0;
  *intercept = (sy - *slope * sx) / k;

  return TRUE;
}

/* The initial states: l0 and b0 are the states just before t = 0, so that
 * l0 + b0 is the line's value at 0.
 */
static gboolean
ets_initial_states (EtsProblem *pb,
                    double     *s0)
{
  int m = pb->m;
  double icept, slope;

  if (pb->season == SEASON_NONE)
    {
      if (pb->has_trend)
        {
          if (!initial_line (pb->y, pb->n, HOLT_INIT_VALUES, &icept, &slope))
            return FALSE;
          pb->b0 = slope;
          pb->l0 = icept - slope;
        }
      else
        {
          double sum = 0.0;
          gsize k = 0;

          for (gsize t = 0; t < pb->n && k < SES_INIT_VALUES; t++)
            if (isfinite (pb->y[t]))
              {
                sum += pb->y[t];
                k++;
              }
          if (k == 0)
            return FALSE;
          pb->l0 = sum / k;
          pb->b0 = 0.0;
        }
      return TRUE;
    }
  else
    {
      int cycles = (int) MIN (pb->n / m, HW_INIT_CYCLES);
      double cycle_t[HW_INIT_CYCLES], cycle_mean[HW_INIT_CYCLES];
      g_autofree double *sum = g_new0 (double, m);
      g_autofree int *count = g_new0 (int, m);
      double sx = 0.0, sy = 0.0, sxx = 0.0, sxy = 0.0;
      double norm = 0.0;
      int used = 0;

      if (cycles < 2)
        return FALSE;

      for (int c = 0; c < cycles; c++)
        {
          double total = 0.0, tsum = 0.0;
          int k = 0;

          for (int j = 0; j < m; j++)
            {
              double y = pb->y[c * m + j];

              if (isfinite (y))
                {
                  total += y;
                  tsum += c * m + j;
                  k++;
                }
            }
          /* A cycle more than half empty says little about the level. */
          if (k * 2 < m || k == 0)
            continue;
          cycle_mean[used] = total / k;
          cycle_t[used] = tsum / k;
          used++;
        }

      if (used < 1)
        return FALSE;

      for (int c = 0; c < used; c++)
        {
          sx += cycle_t[c];
          sy += cycle_mean[c];
          sxx += cycle_t[c] * cycle_t[c];
          sxy += cycle_t[c] * cycle_mean[c];
        }
      slope = 0.0;
      if (used >= 2 && used * sxx - sx * sx > 0.0)
        slope = (used * sxy - sx * sy) / (used * sxx - sx * sx);
      icept = (sy - slope * sx) / used;

      for (int c = 0; c < cycles; c++)
        for (int j = 0; j < m; j++)
          {
            gsize t = (gsize) c * m + j;
            double y = pb->y[t];
            double line = icept + slope * t;

            if (!isfinite (y))
              continue;
            if (pb->season == SEASON_MULTIPLICATIVE)
              {
                if (line <= 0.0)
                  return FALSE;
                sum[j] += y / line;
              }
            else
              sum[j] += y - line;
            count[j]++;
          }

      for (int j = 0; j < m; j++)
        {
          if (count[j] > 0)
            s0[j] = sum[j] / count[j];
          else
            s0[j] = pb->season == SEASON_MULTIPLICATIVE ? 1.0 : 0.0;
          norm += s0[j];
        }
      norm /= m;

      for (int j = 0; j < m; j++)
        {
          if (pb->season == SEASON_MULTIPLICATIVE)
            {
              if (norm <= 0.0)
                return FALSE;
              s0[j] /= norm;
              if (s0[j] <= 0.0)
                s0[j] = 1e-3;
            }
          else
            s0[j] -= norm;
        }

      pb->b0 = slope;
      pb->l0 = icept - slope;
      return TRUE;
    }
}

static gboolean
fit_ets (ScModelFit   *fit,
         const double *y,
         gsize         n,
         int           m,
         const double *params,
         gboolean      refine,
         int           max_evals)
{
  EtsProblem pb = { 0, };
  g_autofree double *s0 = NULL;
  g_autofree double *s_lanes = NULL;
  double p[4], sse, sse_d;
  int n_params;

  pb.y = y;
  pb.n = n;
  pb.season = season_of (fit->method);
  pb.m = pb.season != SEASON_NONE ? m : 1;
  pb.has_trend = fit->method != SC_FORECAST_METHOD_SES;
  pb.dim = 1 + (pb.has_trend ? 2 : 0) + (pb.season != SEASON_NONE ? 1 : 0);

  if (pb.season != SEASON_NONE && (m < 2 || n < (gsize) (2 * m)))
    return FALSE;

  n_params = _sc_model_n_params (fit->method, pb.m, 0);
  if ((gssize) fit->n_obs - n_params < 1)
    return FALSE;

  s0 = g_new0 (double, pb.m);
  s_lanes = (double *) (void *) g_new0 (EtsPair, pb.m * ETS_PAIRS);
  pb.s0 = s0;
  pb.s_lanes = s_lanes;

  if (!ets_initial_states (&pb, s0))
    return FALSE;

  if (params != NULL && !refine)
    memcpy (p, params, sizeof p);
  else if (params != NULL)
    {
      double u[4];

      /* A warm start near a known optimum (the same model on most of the
       * same data) needs no grid.
       */
      ets_u_from_params (&pb, params, u);
      _sc_nelder_mead (ets_objective, &pb, u, pb.dim, 0.25, max_evals, 1e-6);
      ets_params_from_u (&pb, u, p);
    }
  else
    {
      double starts[GRID_STARTS * 4];
      double values[GRID_STARTS];
      double best = G_MAXDOUBLE;
      int n_starts = pb.dim == 1 ? 1 : GRID_STARTS;
      int budget;

      budget = MAX (max_evals - ets_grid_starts (&pb, starts, n_starts), 10 * pb.dim * n_starts);
      _sc_nelder_mead_several (ets_objective, &pb, starts, n_starts, pb.dim, 0.5,
                               budget / n_starts, 1e-6, values);
      for (int i = 0; i < n_starts; i++)
        if (values[i] < best)
          {
            best = values[i];
            ets_params_from_u (&pb, starts + i * pb.dim, p);
          }
    }

  fit->season = g_new0 (double, pb.m);
  sse = ets_filter (&pb, p, &fit->level, &fit->trend, fit->season, &sse_d);
  if (sse >= ETS_INVALID)
    return FALSE;

  memcpy (fit->params, p, sizeof p);
  fit->m = pb.m;
  fit->df = (double) ((gssize) fit->n_obs - n_params);
  fit->seasonal_sigma = pb.season == SEASON_MULTIPLICATIVE;
  fit->sigma = sqrt ((fit->seasonal_sigma ? sse_d : sse) / fit->df);

  return isfinite (fit->sigma);
}

static gboolean
fit_regression (ScModelFit   *fit,
                const double *y,
                gsize         n,
                int           degree)
{
  g_autofree double *xs = g_new (double, n);
  g_autofree double *ys = g_new (double, n);
  double rss;
  gsize k = 0;

  fit->x_center = (n - 1) / 2.0;
  fit->x_scale = MAX ((n - 1) / 2.0, 1.0);

  for (gsize t = 0; t < n; t++)
    if (isfinite (y[t]))
      {
        xs[k] = (t - fit->x_center) / fit->x_scale;
        ys[k] = y[t];
        k++;
      }

  if ((gssize) k - (degree + 1) < 1)
    return FALSE;
  if (!_sc_polyfit (xs, ys, k, degree, fit->coef, fit->xtx_inv, &rss))
    return FALSE;

  fit->degree = degree;
  fit->df = (double) (k - (degree + 1));
  fit->sigma = sqrt (rss / fit->df);

  return isfinite (fit->sigma);
}

/* Seasonal naive keeps the latest value of each seasonal position (the
 * last value for m = 1); its σ is the RMS of the in-sample seasonal
 * differences, and σ_h = σ √(k + 1) with k the full cycles before step h.
 */
static gboolean
fit_seasonal_naive (ScModelFit   *fit,
                    const double *y,
                    gsize         n,
                    int           m)
{
  double ss = 0.0;
  gsize pairs = 0;

  m = MAX (m, 1);
  fit->m = m;
  fit->season = g_new (double, m);
  for (int j = 0; j < m; j++)
    fit->season[j] = NAN;

  for (gsize t = 0; t < n; t++)
    {
      if (!isfinite (y[t]))
        continue;
      fit->season[t % m] = y[t];
      if (t >= (gsize) m && isfinite (y[t - m]))
        {
          ss += (y[t] - y[t - m]) * (y[t] - y[t - m]);
          pairs++;
        }
    }

  /* A position never seen takes the last value. */
  for (int j = 0; j < m; j++)
    if (!isfinite (fit->season[j]))
      {
        for (gssize t = (gssize) n - 1; t >= 0; t--)
          if (isfinite (y[t]))
            {
              fit->season[j] = y[t];
              break;
            }
      }

  if (pairs < 1)
    return FALSE;

  fit->df = (double) pairs;
  fit->sigma = sqrt (ss / pairs);

  return isfinite (fit->sigma);
}

/* The last value with the RMS of the changes between consecutive values
 * as a random-walk σ (a change across a gap of g periods counts as g steps:
 * divided by √g).
 */
static gboolean
fit_last_value (ScModelFit   *fit,
                const double *y,
                gsize         n)
{
  double ss = 0.0;
  gssize prev = -1;
  gsize changes = 0;

  for (gsize t = 0; t < n; t++)
    {
      if (!isfinite (y[t]))
        continue;
      if (prev >= 0)
        {
          double d = y[t] - y[prev];

          ss += d * d / (double) (t - prev);
          changes++;
        }
      prev = (gssize) t;
      fit->level = y[t];
    }

  if (prev < 0)
    return FALSE;

  fit->m = 1;
  fit->df = (double) MAX (changes, 1);
  fit->sigma = changes > 0 ? sqrt (ss / changes) : 0.0;

  return TRUE;
}

/* The mean of the last (up to) degree values, as iid noise around it:
 * σ_h = s √(1 + 1/k), t with k − 1 degrees of freedom.
 */
static gboolean
fit_recent_mean (ScModelFit   *fit,
                 const double *y,
                 gsize         n,
                 int           want)
{
  g_autofree double *values = g_new (double, MAX (want, 1));
  int k = 0;

  for (gssize t = (gssize) n - 1; t >= 0 && k < want; t--)
    if (isfinite (y[t]))
      values[k++] = y[t];

  if (k < 2)
    return FALSE;

  fit->m = 1;
  fit->degree = k;
  fit->level = _sc_stats_mean (values, k);
  fit->sigma = sqrt (_sc_stats_variance (values, k) * (1.0 + 1.0 / k));
  fit->df = k - 1;

  return TRUE;
}

/* Library-private API */

int
_sc_model_n_params (ScForecastMethod method,
                    int              m,
                    int              degree)
{
  switch (method)
    {
    case SC_FORECAST_METHOD_LINEAR:
      return 2;
    case SC_FORECAST_METHOD_POLYNOMIAL:
      return degree + 1;
    case SC_FORECAST_METHOD_SES:
      return 2;
    case SC_FORECAST_METHOD_HOLT:
      return 5;
    case SC_FORECAST_METHOD_HW_ADDITIVE:
    case SC_FORECAST_METHOD_HW_MULTIPLICATIVE:
      return 5 + m;
    case SC_FORECAST_METHOD_SEASONAL_NAIVE:
    case SC_FORECAST_METHOD_LAST_VALUE:
    case SC_FORECAST_METHOD_RECENT_MEAN:
    case SC_FORECAST_METHOD_NONE:
    case SC_FORECAST_METHOD_AUTO:
    default:
      return 0;
    }
}

/* Fits method on y[0..n). m is the seasonal period, degree the polynomial
 * degree (or, for the recent mean, how many values to average). With
 * params, exponential smoothing only runs its filter with them, or, with
 * refine, searches from them instead of from a grid.
 */
gboolean
_sc_model_fit (ScModelFit       *fit,
               ScForecastMethod  method,
               const double     *y,
               gsize             n,
               int               m,
               int               degree,
               const double     *params,
               gboolean          refine,
               int               max_evals)
{
  gboolean ok = FALSE;

  memset (fit, 0, sizeof *fit);
  fit->method = method;
  fit->m = 1;
  fit->n = n;
  fit->params[3] = 1.0;

  for (gsize t = 0; t < n; t++)
    fit->n_obs += isfinite (y[t]);

  if (fit->n_obs == 0)
    return FALSE;

  switch (method)
    {
    case SC_FORECAST_METHOD_SEASONAL_NAIVE:
      ok = fit_seasonal_naive (fit, y, n, m);
      break;
    case SC_FORECAST_METHOD_LINEAR:
      ok = fit_regression (fit, y, n, 1);
      break;
    case SC_FORECAST_METHOD_POLYNOMIAL:
      ok = fit_regression (fit, y, n, CLAMP (degree, 1, SC_ANALYTICS_MAX_POLY_DEGREE));
      break;
    case SC_FORECAST_METHOD_SES:
    case SC_FORECAST_METHOD_HOLT:
    case SC_FORECAST_METHOD_HW_ADDITIVE:
    case SC_FORECAST_METHOD_HW_MULTIPLICATIVE:
      ok = fit_ets (fit, y, n, m, params, refine, max_evals);
      break;
    case SC_FORECAST_METHOD_LAST_VALUE:
      ok = fit_last_value (fit, y, n);
      break;
    case SC_FORECAST_METHOD_RECENT_MEAN:
      ok = fit_recent_mean (fit, y, n, degree);
      break;
    case SC_FORECAST_METHOD_NONE:
    case SC_FORECAST_METHOD_AUTO:
    default:
      ok = FALSE;
      break;
    }

  if (!ok)
    _sc_model_fit_clear (fit);

  return ok;
}

void
_sc_model_fit_clear (ScModelFit *fit)
{
  g_clear_pointer (&fit->season, g_free);
}

/* Point forecasts and the standard deviation of their errors for steps
 * 1 … horizon after the end of the fitted data.
 */
void
_sc_model_forecast (const ScModelFit *fit,
                    guint             horizon,
                    double           *mean,
                    double           *sd)
{
  double alpha = fit->params[0], beta = fit->params[1];
  double gamma = fit->params[2], phi = fit->params[3];
  double phi_h = 0.0, phi_pow = 1.0, sum_c2 = 0.0;

  for (guint h = 1; h <= horizon; h++)
    {
      gsize t = fit->n + h - 1;
      double x, s;

      switch (fit->method)
        {
        case SC_FORECAST_METHOD_SEASONAL_NAIVE:
          mean[h - 1] = fit->season[t % fit->m];
          sd[h - 1] = fit->sigma * sqrt ((double) ((h - 1) / fit->m + 1));
          break;

        case SC_FORECAST_METHOD_LINEAR:
        case SC_FORECAST_METHOD_POLYNOMIAL:
          x = (t - fit->x_center) / fit->x_scale;
          mean[h - 1] = _sc_poly_eval (fit->coef, fit->degree, x);
          sd[h - 1] = fit->sigma * sqrt (1.0 + _sc_poly_leverage (fit->xtx_inv, fit->degree, x));
          break;

        case SC_FORECAST_METHOD_LAST_VALUE:
          mean[h - 1] = fit->level;
          sd[h - 1] = fit->sigma * sqrt ((double) h);
          break;

        case SC_FORECAST_METHOD_RECENT_MEAN:
          mean[h - 1] = fit->level;
          sd[h - 1] = fit->sigma;
          break;

        case SC_FORECAST_METHOD_SES:
        case SC_FORECAST_METHOD_HOLT:
        case SC_FORECAST_METHOD_HW_ADDITIVE:
        case SC_FORECAST_METHOD_HW_MULTIPLICATIVE:
          if (h > 1)
            {
              /* c_{h−1}; phi_h still holds φ_{h−1} here. */
              double c = alpha + beta * phi_h
                         + (fit->m > 1 && (h - 1) % fit->m == 0 ? gamma : 0.0);
              sum_c2 += c * c;
            }
          phi_pow *= phi;
          phi_h += phi_pow;
          x = fit->level + phi_h * fit->trend;
          s = fit->season != NULL && fit->m > 1 ? fit->season[t % fit->m] : 0.0;
          if (fit->method == SC_FORECAST_METHOD_HW_MULTIPLICATIVE)
            {
              mean[h - 1] = x * s;
              sd[h - 1] = fabs (s) * fit->sigma * sqrt (1.0 + sum_c2);
            }
          else
            {
              mean[h - 1] = x + s;
              sd[h - 1] = fit->sigma * sqrt (1.0 + sum_c2);
            }
          break;

        case SC_FORECAST_METHOD_NONE:
        case SC_FORECAST_METHOD_AUTO:
        default:
          mean[h - 1] = 0.0;
          sd[h - 1] = 0.0;
          break;
        }
    }
}
