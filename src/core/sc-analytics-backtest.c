/* sc-analytics-backtest.c
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
#include "sc-forecast.h"

/* Rolling-origin backtests of the forecasting models for
 * sc_forecast_series(), and the accuracy measures they report (MASE and
 * sMAPE, public as sc_forecast_mase() and sc_forecast_smape()).
 */

#define MAX_MASE 1000.0

/* Auxiliary methods */

static double
clamp_mase (double value)
{
  return _sc_finite_or (MIN (value, MAX_MASE), MAX_MASE);
}

/* MASE scale: the in-sample MAE of the seasonal naive forecast (naive for
 * m = 1) on y[0..n), over the pairs present.
 */
static double
naive_scale (const double *y,
             gsize         n,
             int           m)
{
  double sum = 0.0;
  gsize pairs = 0;

  m = MAX (m, 1);
  for (gsize t = m; t < n; t++)
    if (isfinite (y[t]) && isfinite (y[t - m]))
      {
        sum += fabs (y[t] - y[t - m]);
        pairs++;
      }

  return pairs > 0 ? sum / pairs : 0.0;
}

/* Library-private API */

/* 50 per parameter, at most 200: enough for Nelder–Mead to settle on
 * these smooth, bounded objectives, and the main cost of a forecast.
 */
int
_sc_backtest_default_evaluations (ScForecastMethod method)
{
  switch (method)
    {
    case SC_FORECAST_METHOD_SES:
      return 50;
    case SC_FORECAST_METHOD_HOLT:
      return 150;
    default:
      return 200;
    }
}

/* Plans the rolling-origin folds; FALSE when the series is too short for
 * even one.
 */
gboolean
_sc_backtest_plan_folds (ScBacktestPlan *plan,
                         guint           horizon,
                         guint           max_folds)
{
  gsize min_train = SC_FORECAST_MIN_VALUES;
  gsize avail;
  guint h;

  if (plan->m >= 2)
    min_train = MAX (min_train, (gsize) (2 * plan->m + 2));

  if (plan->n <= min_train && plan->m >= 2)
    {
      /* Too short for the season: plan without it. */
      plan->m = 1;
      min_train = SC_FORECAST_MIN_VALUES;
    }

  if (plan->n <= min_train)
    return FALSE;

  avail = plan->n - min_train;
  h = (guint) MIN ((gsize) horizon, avail);
  plan->horizon = h;
  plan->folds = (guint) CLAMP (avail / h, 1, MIN (max_folds, G_N_ELEMENTS (plan->origins)));
  for (guint k = 0; k < plan->folds; k++)
    plan->origins[k] = plan->n - (gsize) (k + 1) * h;
  plan->m_scale = plan->m;

  return TRUE;
}

/* Backtests one candidate on the planned folds: mean MASE over the folds,
 * sMAPE over all errors, and Σ(e/σ)² for the calibration of its intervals.
 * The candidate stays ineligible if a fold cannot be fitted.
 */
void
_sc_backtest_run (ScBacktestCandidate  *c,
                  const ScBacktestPlan *plan)
{
  g_autofree double *mean = g_new (double, plan->horizon);
  g_autofree double *sd = g_new (double, plan->horizon);
  double mase_sum = 0.0, smape_sum = 0.0;
  guint folds_used = 0;

  c->eligible = FALSE;

  /* Earliest origin first: exponential smoothing fits its parameters
   * there and reuses them later.
   */
  for (guint k = plan->folds; k-- > 0;)
    {
      gsize origin = plan->origins[k];
      ScModelFit fit;
      double abs_sum = 0.0, scale;
      gsize count = 0;

      if (!_sc_model_fit (&fit, c->method, plan->y, origin, plan->m, c->degree,
                          c->have_params ? c->params : NULL, FALSE, plan->max_evals))
        return;

      if (!c->have_params)
        {
          memcpy (c->params, fit.params, sizeof c->params);
          c->have_params = TRUE;
        }

      _sc_model_forecast (&fit, plan->horizon, mean, sd);
      _sc_model_fit_clear (&fit);

      for (guint h = 0; h < plan->horizon && origin + h < plan->n; h++)
        {
          double actual = plan->y[origin + h];
          double e, denom;

          if (!isfinite (actual))
            continue;

          e = actual - mean[h];
          if (!isfinite (e))
            return;

          abs_sum += fabs (e);
          denom = fabs (actual) + fabs (mean[h]);
          smape_sum += denom > 0.0 ? 200.0 * fabs (e) / denom : 0.0;
          count++;

          if (sd[h] > 0.0)
            {
              c->sum_u2 += (e / sd[h]) * (e / sd[h]);
              c->n_u++;
            }
          else if (e != 0.0)
            {
              c->sum_u2 += 1e6;
              c->n_u++;
            }
        }

      if (count == 0)
        continue;

      scale = naive_scale (plan->y, origin, plan->m_scale);
      if (scale > 0.0)
        mase_sum += clamp_mase (abs_sum / count / scale);
      else
        mase_sum += abs_sum > 0.0 ? MAX_MASE : 0.0;

      c->n_errors += count;
      folds_used++;
    }

  if (folds_used == 0)
    return;

  c->mase = clamp_mase (mase_sum / folds_used);
  c->smape = smape_sum / c->n_errors;
  c->eligible = TRUE;
}

/* Public API */

/**
 * sc_forecast_naive_scale:
 * @values: (array length=n): a regular series, NAN for gaps
 * @n: its length
 * @season_length: the seasonal period, 1 for none
 *
 * The MASE scale of Hyndman and Koehler (2006): the in-sample mean absolute
 * error of the seasonal naive forecast, y_t − y_{t−m}, over the pairs
 * present.
 *
 * Returns: the scale, 0 when there is no pair or the series is constant
 */
double
sc_forecast_naive_scale (const double *values,
                         gsize         n,
                         int           season_length)
{
  g_return_val_if_fail (values != NULL || n == 0, 0.0);

  return naive_scale (values, n, season_length);
}

/**
 * sc_forecast_mase:
 * @actual: (array length=n): actual values, NAN where unknown
 * @predicted: (array length=n): forecasts
 * @n: the number of steps
 * @scale: from sc_forecast_naive_scale() on the training data
 *
 * Returns: the mean absolute scaled error: mean |actual − predicted| /
 *   @scale over the steps with an actual value; at most 1000, and 0 when
 *   there is nothing to compare
 */
double
sc_forecast_mase (const double *actual,
                  const double *predicted,
                  gsize         n,
                  double        scale)
{
  double sum = 0.0;
  gsize k = 0;

  g_return_val_if_fail ((actual != NULL && predicted != NULL) || n == 0, 0.0);

  for (gsize i = 0; i < n; i++)
    if (isfinite (actual[i]) && isfinite (predicted[i]))
      {
        sum += fabs (actual[i] - predicted[i]);
        k++;
      }

  if (k == 0)
    return 0.0;
  if (scale <= 0.0)
    return sum > 0.0 ? MAX_MASE : 0.0;

  return clamp_mase (sum / k / scale);
}

/**
 * sc_forecast_smape:
 * @actual: (array length=n): actual values, NAN where unknown
 * @predicted: (array length=n): forecasts
 * @n: the number of steps
 *
 * Returns: the symmetric mean absolute percentage error, mean of
 *   200 |a − p| / (|a| + |p|) in percent (0–200), a term with a = p = 0
 *   counting as 0
 */
double
sc_forecast_smape (const double *actual,
                   const double *predicted,
                   gsize         n)
{
  double sum = 0.0;
  gsize k = 0;

  g_return_val_if_fail ((actual != NULL && predicted != NULL) || n == 0, 0.0);

  for (gsize i = 0; i < n; i++)
    if (isfinite (actual[i]) && isfinite (predicted[i]))
      {
        double denom = fabs (actual[i]) + fabs (predicted[i]);

        sum += denom > 0.0 ? 200.0 * fabs (actual[i] - predicted[i]) / denom : 0.0;
        k++;
      }

  return k > 0 ? sum / k : 0.0;
}
