/* sc-forecast.c
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
#include "sc-forecast.h"
#include "sc-trend.h"

/* How a forecast is made (sc_forecast_series() has the user-facing
 * summary):
 *
 * 1. Gaps at either end are dropped; step 1 is the period after the last
 *    value. The season length is detected with sc_trend_seasonality()
 *    unless the caller fixes it.
 * 2. Histories that cannot support a model get a labelled fallback: none
 *    for no value, the last value for one value, a constant or fewer than
 *    six values, the mean of the last values when more than half the
 *    periods are gaps.
 * 3. Otherwise every applicable method is backtested by rolling origin
 *    (sc-analytics-backtest.c): up to four non-overlapping windows of h
 *    steps at the end of the series, each forecast from a fit on the data
 *    before it. Exponential smoothing fits its parameters once, on the
 *    data before the earliest origin, and reuses them at the later origins
 *    (the states are still re-estimated from the data before each origin,
 *    so nothing leaks from the future); that keeps a forecast to a few
 *    optimizer runs.
 * 4. The method with the lowest mean MASE wins; a tie goes to the simpler
 *    method in candidate order, seasonal naive first, so a method is only
 *    chosen when it beats the baseline.
 * 5. It is refitted on all the data and forecast. Its analytic standard
 *    deviations are widened by the calibration factor √(mean(e²/σ²)) of
 *    its backtest errors when that exceeds 1 (at most 3×): honest intervals
 *    even when the model's own formula is optimistic (autocorrelated
 *    residuals, selection among methods). Intervals use Student's t with
 *    the fit's residual degrees of freedom, so short histories get wider
 *    intervals, and are censored at 0 when no value was ever negative.
 */

#define DEFAULT_FOLDS         4
#define MAX_HW_SEASON         60
#define MAX_CALIBRATION       3.0
#define MAX_GAP_SHARE         0.5
#define FALLBACK_CONFIDENCE   25.0
#define LOW_CONFIDENCE        40.0
#define SINGLE_VALUE_SPREAD   0.25

static const char *method_keys[] = {
  "none", "last-value", "recent-mean", "seasonal-naive", "linear",
  "polynomial", "ses", "holt", "holt-winters-additive",
  "holt-winters-multiplicative", "auto",
};

/* Auxiliary methods */

static ScForecast *
forecast_new (ScAnalyticsPeriod period,
              gint64            origin_index,
              guint             horizon)
{
  ScForecast *f = g_new0 (ScForecast, 1);

  f->period = period;
  f->origin_index = origin_index;
  f->chosen_origin_index = origin_index;
  f->horizon = horizon;
  f->mean = g_new0 (double, MAX (horizon, 1));
  f->sd = g_new0 (double, MAX (horizon, 1));
  f->lower80 = g_new0 (double, MAX (horizon, 1));
  f->upper80 = g_new0 (double, MAX (horizon, 1));
  f->lower95 = g_new0 (double, MAX (horizon, 1));
  f->upper95 = g_new0 (double, MAX (horizon, 1));
  f->phi = 1.0;
  f->season_length = 1;
  f->calibration = 1.0;
  f->df = 1e6;

  return f;
}

static guint
default_horizon (ScAnalyticsPeriod period)
{
  return (guint) MAX (1.0, floor (30.0 / sc_analytics_period_days (period)));
}

/* Fills the intervals from mean, sd and df, and makes every number
 * finite.
 */
static void
finish_distribution (ScForecast *f)
{
  double t80, t95;

  f->df = CLAMP (_sc_finite_or (f->df, 1.0), 1.0, 1e6);
  t80 = _sc_student_t_quantile (0.90, f->df);
  t95 = _sc_student_t_quantile (0.975, f->df);

  for (guint h = 0; h < f->horizon; h++)
    {
      double mu = _sc_finite_or (f->mean[h], 0.0);
      double sd = MAX (_sc_finite_or (f->sd[h], 0.0), 0.0);

      f->mean[h] = mu;
      f->sd[h] = sd;
      f->lower80[h] = mu - t80 * sd;
      f->upper80[h] = mu + t80 * sd;
      f->lower95[h] = mu - t95 * sd;
      f->upper95[h] = mu + t95 * sd;

      if (f->nonnegative)
        {
          f->lower80[h] = MAX (f->lower80[h], 0.0);
          f->upper80[h] = MAX (f->upper80[h], 0.0);
          f->lower95[h] = MAX (f->lower95[h], 0.0);
          f->upper95[h] = MAX (f->upper95[h], 0.0);
        }
    }
}

static void
set_reason (ScForecast *f,
            char       *reason)
{
  g_free (f->reason);
  f->reason = reason;
}

/* Mean absolute value of the last values: the level that interval widths
 * and single-value spreads are judged against.
 */
static double
recent_level (const double *y,
              gsize         n,
              gsize         want)
{
  double sum = 0.0;
  gsize k = 0;

  for (gssize t = (gssize) n - 1; t >= 0 && k < want; t--)
    if (isfinite (y[t]))
      {
        sum += fabs (y[t]);
        k++;
      }

  return k > 0 ? sum / k : 0.0;
}

/* The confidence score, 0–100:
 *
 *     accuracy  = clamp(1 − MASE / 2, 0, 1)    MASE 0 → 1, 1 → ½, ≥ 2 → 0
 *     precision = 1 / (1 + w / 0.10)           w = half-width of the 80 %
 *                                              interval at the period end,
 *                                              relative to the level
 *     evidence  = min(1, backtest errors / 20)
 *     score     = 100 × √(accuracy × precision) × √evidence
 *
 * so a forecast that beats seasonal naive by half with a ±10 % interval
 * and 20 checked errors scores about 61; ±2 % with MASE 0.2 scores 87.
 * The level is the largest of |forecast|, the recent mean |value| and
 * |target|, so a KPI near zero does not make every interval look huge.
 * Fallbacks score at most 25.
 */
static void
score_confidence (ScForecast              *f,
                  const ScForecastOptions *options,
                  const double            *y,
                  gsize                    n,
                  gsize                    n_errors)
{
  guint end = f->end_step > 0 ? f->end_step - 1 : 0;
  double level, width, accuracy, precision, evidence;

  if (f->horizon == 0)
    {
      f->confidence = 0.0;
      return;
    }

  level = MAX (fabs (f->mean[end]), recent_level (y, n, MAX (f->season_length, 10)));
  if (f->has_target)
    level = MAX (level, fabs (options->target));

  width = (f->upper80[end] - f->lower80[end]) / 2.0;
  accuracy = CLAMP (1.0 - f->mase / 2.0, 0.0, 1.0);
  precision = level > 0.0 ? 1.0 / (1.0 + width / level / 0.10) : (width > 0.0 ? 0.0 : 1.0);
  evidence = MIN (1.0, n_errors / 20.0);

  f->confidence = 100.0 * sqrt (accuracy * precision) * sqrt (evidence);
  if (sc_forecast_method_is_fallback (f->method))
    f->confidence = MIN (f->confidence, FALLBACK_CONFIDENCE);
  f->confidence = CLAMP (_sc_finite_or (f->confidence, 0.0), 0.0, 100.0);

  if (f->confidence < LOW_CONFIDENCE)
    f->low_confidence = TRUE;

  if (f->low_confidence && f->reason == NULL)
    {
      if (accuracy < precision)
        /* Translators: MASE is the mean absolute scaled error; 1 means as
         * good as repeating the last season.
         */
        set_reason (f, g_strdup_printf (_("The forecast missed by a lot when tested on past data (MASE %.2f)."),
                                        f->mase));
      else
        set_reason (f, g_strdup (_("The prediction interval is wide compared with the values.")));
    }
}

static void
finish_target (ScForecast              *f,
               const ScForecastOptions *options)
{
  f->has_target = options->has_target && isfinite (options->target);
  if (f->has_target && f->horizon > 0)
    f->probability_target = sc_forecast_probability_meeting (f, f->end_step, options->target,
                                                             options->direction);
}

static void
fill_from_fit (ScForecast       *f,
               const ScModelFit *fit)
{
  _sc_model_forecast (fit, f->horizon, f->mean, f->sd);
  f->df = fit->df;
  f->season_length = fit->m;
  f->alpha = fit->params[0];
  f->beta = fit->params[1];
  f->gamma = fit->params[2];
  f->phi = fit->params[3];
  f->damped = (f->method == SC_FORECAST_METHOD_HOLT
               || f->method == SC_FORECAST_METHOD_HW_ADDITIVE
               || f->method == SC_FORECAST_METHOD_HW_MULTIPLICATIVE)
              && f->phi < 0.995;
  f->degree = f->method == SC_FORECAST_METHOD_LINEAR ? 1
            : f->method == SC_FORECAST_METHOD_POLYNOMIAL ? fit->degree
            : 0;
  f->residual_sd = fit->sigma;
}

/* The last value carried forward; spread from the changes, or a guess of
 * 25 % of the value (or of the target, or 1) per step for a single value.
 */
static void
forecast_last_value (ScForecast              *f,
                     const double            *y,
                     gsize                    n,
                     const ScForecastOptions *options)
{
  ScModelFit fit;

  if (!_sc_model_fit (&fit, SC_FORECAST_METHOD_LAST_VALUE, y, n, 1, 0, NULL, FALSE, 0))
    return;

  if (f->n_values == 1)
    {
      double scale = fabs (fit.level);

      if (scale == 0.0 && options->has_target)
        scale = fabs (options->target);
      if (scale == 0.0 || !isfinite (scale))
        scale = 1.0;
      fit.sigma = SINGLE_VALUE_SPREAD * scale;
      fit.df = 1e6;
    }

  f->method = SC_FORECAST_METHOD_LAST_VALUE;
  fill_from_fit (f, &fit);
  f->interval_source = SC_INTERVAL_HEURISTIC;
  _sc_model_fit_clear (&fit);
}

/* Refits the method of options->previous with its parameters: the
 * regression coefficients and the states of exponential smoothing come from
 * all the data, the parameters, backtest figures and calibration are kept.
 */
static gboolean
reuse_previous (ScForecast              *f,
                const ScForecastOptions *options,
                const double            *y,
                gsize                    n,
                gboolean                 positive)
{
  const ScForecast *prev = options->previous;
  double params[4] = { prev->alpha, prev->beta, prev->gamma, prev->phi };
  ScModelFit fit;

  if (sc_forecast_method_is_fallback (prev->method)
      || prev->method == SC_FORECAST_METHOD_AUTO
      || prev->period != f->period
      || (prev->method == SC_FORECAST_METHOD_HW_MULTIPLICATIVE && !positive))
    return FALSE;

  if (!_sc_model_fit (&fit, prev->method, y, n, prev->season_length, prev->degree,
                      params, FALSE, 0))
    return FALSE;

  f->method = prev->method;
  fill_from_fit (f, &fit);
  _sc_model_fit_clear (&fit);

  f->reused = TRUE;
  f->chosen_origin_index = prev->chosen_origin_index;
  f->mase = prev->mase;
  f->smape = prev->smape;
  f->baseline_mase = prev->baseline_mase;
  f->baseline_smape = prev->baseline_smape;
  f->folds = prev->folds;
  f->backtest_horizon = prev->backtest_horizon;
  f->backtest_errors = prev->backtest_errors;
  f->n_scores = prev->n_scores;
  memcpy (f->scores, prev->scores, sizeof f->scores);
  f->interval_source = prev->interval_source;
  f->calibration = MAX (prev->calibration, 1.0);
  for (guint h = 0; h < f->horizon; h++)
    f->sd[h] *= f->calibration;

  finish_distribution (f);
  finish_target (f, options);
  score_confidence (f, options, y, n, f->backtest_errors);

  return TRUE;
}

/* Public API */

/**
 * sc_forecast_options_init:
 * @options: (out caller-allocates): options to reset
 *
 * Sets the defaults: automatic method, default horizon, detected season,
 * no target, higher is better.
 */
void
sc_forecast_options_init (ScForecastOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->method = SC_FORECAST_METHOD_AUTO;
  options->direction = SC_DIRECTION_HIGHER_BETTER;
}

/**
 * sc_forecast_series:
 * @series: a regular series
 * @options: (nullable): how to forecast, %NULL for the defaults
 *
 * Forecasts @series. Step 1 is the period after its last value. The method
 * is chosen by rolling-origin backtest among seasonal naive, a straight
 * line, a polynomial of degree 2 or 3, simple exponential smoothing, Holt's
 * (damped) trend and additive or multiplicative Holt–Winters (the latter
 * only for positive series and seasons of at most 60 steps): the lowest
 * mean MASE wins, with MASE scaled by the in-sample MAE of seasonal naive;
 * on a tie the simpler method, so seasonal naive unless another beats it.
 * sMAPE is reported alongside.
 *
 * The predictive distribution at each step is Student's t around the
 * point forecast: the method's analytic standard deviation, widened when
 * the backtest showed larger errors, with the fit's residual degrees of
 * freedom; censored at 0 when the history is never negative.
 *
 * Histories too short, constant or gappy for a model get a fallback
 * (see #ScForecastMethod) with @low_confidence set, a translated @reason
 * and a confidence of at most 25. A history without values gives
 * %SC_FORECAST_METHOD_NONE and a horizon of 0.
 *
 * The confidence score combines backtest accuracy, the relative width of
 * the 80 % interval at the period end and how many errors the backtest
 * saw: 100 × √(accuracy × precision) × √evidence, where accuracy =
 * clamp(1 − MASE/2, 0, 1), precision = 1 / (1 + w/0.1) for the half-width
 * w relative to the level, and evidence = min(1, errors / 20). Below 40
 * the forecast is flagged @low_confidence.
 *
 * Returns: (transfer full): the forecast
 */
ScForecast *
sc_forecast_series (const ScSeries          *series,
                    const ScForecastOptions *options)
{
  ScForecastOptions defaults;
  ScBacktestCandidate candidates[8];
  guint n_candidates = 0;
  ScForecast *f;
  ScBacktestPlan plan = { 0, };
  const double *y;
  gsize first = 0, last = 0, n, n_values = 0;
  gboolean any_value = FALSE, positive = TRUE, nonnegative = TRUE, constant = TRUE;
  guint horizon;
  int m, chosen = -1;

  g_return_val_if_fail (series != NULL, NULL);

  if (options == NULL)
    {
      sc_forecast_options_init (&defaults);
      options = &defaults;
    }

  for (gsize t = 0; t < series->n; t++)
    if (isfinite (series->values[t]))
      {
        if (!any_value)
          first = t;
        else if (series->values[t] != series->values[first])
          constant = FALSE;
        any_value = TRUE;
        last = t;
        n_values++;
        positive = positive && series->values[t] > 0.0;
        nonnegative = nonnegative && series->values[t] >= 0.0;
      }

  horizon = options->horizon > 0 ? options->horizon
          : options->end_step > 0 ? options->end_step
          : default_horizon (series->period);
  horizon = MAX (horizon, options->end_step);

  if (!any_value)
    {
      f = forecast_new (series->period, series->first_index + (gint64) series->n, 0);
      f->method = SC_FORECAST_METHOD_NONE;
      f->low_confidence = TRUE;
      f->interval_source = SC_INTERVAL_HEURISTIC;
      f->reason = g_strdup (_("There are no values to forecast from yet."));
      return f;
    }

  y = series->values + first;
  n = last - first + 1;

  f = forecast_new (series->period, series->first_index + (gint64) last + 1, horizon);
  f->end_step = options->end_step > 0 ? options->end_step : horizon;
  f->n_values = n_values;
  f->n_missing = n - n_values;
  f->nonnegative = nonnegative;

  /* Fallbacks for histories that cannot carry a model. */
  if (n_values == 1 || constant || n_values < SC_FORECAST_MIN_VALUES)
    {
      forecast_last_value (f, y, n, options);
      f->low_confidence = TRUE;
      if (n_values == 1)
        f->reason = g_strdup (_("There is only one value so far; the forecast repeats it with a guessed spread."));
      else if (constant)
        f->reason = g_strdup (_("The values have never changed; the forecast repeats them, and its uncertainty cannot be measured."));
      else
        f->reason = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "There is only %u value so far, too few for a trend or a season; the forecast carries the last one forward.",
                                                  "There are only %u values so far, too few for a trend or a season; the forecast carries the last one forward.",
                                                  (gulong) n_values),
                                     (guint) n_values);
      finish_distribution (f);
      finish_target (f, options);
      score_confidence (f, options, y, n, 0);
      return f;
    }

  if ((double) f->n_missing / n > MAX_GAP_SHARE)
    {
      ScModelFit fit;
      int want = (int) MIN (n_values, 8);

      if (_sc_model_fit (&fit, SC_FORECAST_METHOD_RECENT_MEAN, y, n, 1, want, NULL, FALSE, 0))
        {
          f->method = SC_FORECAST_METHOD_RECENT_MEAN;
          fill_from_fit (f, &fit);
          f->interval_source = SC_INTERVAL_HEURISTIC;
          _sc_model_fit_clear (&fit);
        }
      else
        forecast_last_value (f, y, n, options);
      f->low_confidence = TRUE;
      /* Translators: the plural follows the last number. */
      f->reason = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%u of %u periods have no value; the forecast is the mean of the last %d value.",
                                                "%u of %u periods have no value; the forecast is the mean of the last %d values.",
                                                (gulong) want),
                                   (guint) f->n_missing, (guint) n, want);
      finish_distribution (f);
      finish_target (f, options);
      score_confidence (f, options, y, n, 0);
      return f;
    }

  if (options->previous != NULL && reuse_previous (f, options, y, n, positive))
    return f;

  /* The season. */
  m = options->season_length;
  if (m <= 0)
    {
      ScSeasonality seasonality;
      const int *lags;
      guint n_lags;

      lags = sc_trend_seasonal_lags (series->period, &n_lags);
      sc_trend_seasonality_lags (y, n, lags, n_lags, &seasonality);
      m = seasonality.found ? seasonality.period : 1;
    }

  plan.y = y;
  plan.n = n;
  plan.m = MAX (m, 1);
  plan.max_evals = options->max_evaluations > 0 ? (int) options->max_evaluations : 0;

  if (!_sc_backtest_plan_folds (&plan, horizon, options->max_folds > 0 ? options->max_folds : DEFAULT_FOLDS))
    {
      forecast_last_value (f, y, n, options);
      f->low_confidence = TRUE;
      f->reason = g_strdup (_("The history is too short to test any model on; the forecast carries the last value forward."));
      finish_distribution (f);
      finish_target (f, options);
      score_confidence (f, options, y, n, 0);
      return f;
    }

  /* Candidates, simplest first (ties go to the earlier). */
#define ADD_CANDIDATE(meth, deg) \
  G_STMT_START { \
    memset (&candidates[n_candidates], 0, sizeof (ScBacktestCandidate)); \
    candidates[n_candidates].method = (meth); \
    candidates[n_candidates].degree = (deg); \
    n_candidates++; \
  } G_STMT_END

  ADD_CANDIDATE (SC_FORECAST_METHOD_SEASONAL_NAIVE, 0);
  ADD_CANDIDATE (SC_FORECAST_METHOD_LINEAR, 1);
  ADD_CANDIDATE (SC_FORECAST_METHOD_SES, 0);
  ADD_CANDIDATE (SC_FORECAST_METHOD_HOLT, 0);
  ADD_CANDIDATE (SC_FORECAST_METHOD_POLYNOMIAL, 2);
  ADD_CANDIDATE (SC_FORECAST_METHOD_POLYNOMIAL, 3);
  if (plan.m >= 2 && plan.m <= MAX_HW_SEASON)
    {
      ADD_CANDIDATE (SC_FORECAST_METHOD_HW_ADDITIVE, 0);
      if (positive)
        ADD_CANDIDATE (SC_FORECAST_METHOD_HW_MULTIPLICATIVE, 0);
    }
#undef ADD_CANDIDATE

  for (guint i = 0; i < n_candidates; i++)
    {
      ScBacktestPlan p = plan;

      if (p.max_evals == 0)
        p.max_evals = _sc_backtest_default_evaluations (candidates[i].method);
      _sc_backtest_run (&candidates[i], &p);
    }

  /* A forced method wins if it could be backtested; otherwise, and for
   * the automatic choice, the lowest MASE, the earlier on a tie.
   */
  if (options->method != SC_FORECAST_METHOD_AUTO)
    for (guint i = 0; i < n_candidates; i++)
      if (candidates[i].eligible && candidates[i].method == options->method
          && (chosen < 0 || candidates[i].mase < candidates[chosen].mase))
        chosen = (int) i;

  if (chosen < 0)
    for (guint i = 0; i < n_candidates; i++)
      if (candidates[i].eligible
          && (chosen < 0 || candidates[i].mase < candidates[chosen].mase - 1e-12))
        chosen = (int) i;

  /* Scores, one per method (the better polynomial degree). */
  for (guint i = 0; i < n_candidates; i++)
    {
      ScBacktestCandidate *c = &candidates[i];
      ScForecastScore *s = NULL;

      for (guint j = 0; j < f->n_scores; j++)
        if (f->scores[j].method == c->method)
          s = &f->scores[j];

      if (s == NULL)
        {
          s = &f->scores[f->n_scores++];
          s->method = c->method;
          s->degree = c->degree;
        }
      else if (!c->eligible || (s->evaluated && s->mase <= c->mase))
        continue;

      s->evaluated = c->eligible;
      s->mase = c->eligible ? c->mase : 0.0;
      s->smape = c->eligible ? c->smape : 0.0;
      s->degree = c->degree;
      s->damped = c->have_params && c->params[3] < 0.995
                  && c->method != SC_FORECAST_METHOD_SES
                  && c->method >= SC_FORECAST_METHOD_HOLT;

      if (c->method == SC_FORECAST_METHOD_SEASONAL_NAIVE && c->eligible)
        {
          f->baseline_mase = c->mase;
          f->baseline_smape = c->smape;
        }
    }

  f->folds = plan.folds;
  f->backtest_horizon = plan.horizon;

  if (chosen >= 0)
    {
      ScBacktestCandidate *c = &candidates[chosen];
      ScModelFit fit;
      int max_evals = plan.max_evals > 0 ? plan.max_evals : _sc_backtest_default_evaluations (c->method);

      /* Refit on all the data, starting from the backtest's parameters. */
      if (_sc_model_fit (&fit, c->method, y, n, plan.m, c->degree,
                         c->have_params ? c->params : NULL, TRUE, MAX (max_evals / 3, 20)))
        {
          double r = c->n_u > 0 ? sqrt (c->sum_u2 / c->n_u) : 1.0;

          f->method = c->method;
          fill_from_fit (f, &fit);
          _sc_model_fit_clear (&fit);

          f->mase = c->mase;
          f->smape = c->smape;
          f->backtest_errors = (guint) c->n_errors;
          f->interval_source = SC_INTERVAL_ANALYTIC;
          if (c->n_u >= 5 && r > 1.0)
            {
              f->calibration = MIN (r, MAX_CALIBRATION);
              f->interval_source = SC_INTERVAL_CALIBRATED;
              for (guint h = 0; h < f->horizon; h++)
                f->sd[h] *= f->calibration;
            }

          finish_distribution (f);
          finish_target (f, options);
          score_confidence (f, options, y, n, f->backtest_errors);
          return f;
        }
    }

  forecast_last_value (f, y, n, options);
  f->low_confidence = TRUE;
  f->reason = g_strdup (_("No model could be fitted; the forecast carries the last value forward."));
  finish_distribution (f);
  finish_target (f, options);
  score_confidence (f, options, y, n, 0);

  return f;
}

/**
 * sc_forecast_values:
 * @values: (array length=n): one value per period, NAN for gaps
 * @n: the number of periods
 * @period: the period of a step
 * @options: (nullable): how to forecast
 *
 * sc_forecast_series() on a plain array, numbered from period 0.
 *
 * Returns: (transfer full): the forecast
 */
ScForecast *
sc_forecast_values (const double            *values,
                    gsize                    n,
                    ScAnalyticsPeriod        period,
                    const ScForecastOptions *options)
{
  g_autoptr(ScSeries) series = NULL;

  g_return_val_if_fail (values != NULL || n == 0, NULL);

  series = sc_series_new (period, 0, values, n);

  return sc_forecast_series (series, options);
}

/**
 * sc_forecast_history:
 * @points: (array length=n_points): a KPI's history, in any order
 * @n_points: the number of points
 * @period: the period to resample to
 * @tz: (nullable): the time zone of the calendar, %NULL for UTC
 * @options: (nullable): how to forecast
 *
 * Resamples with sc_trend_resample() and forecasts with
 * sc_forecast_series(). Step 1 is the period after the last one with a
 * value, so a caller forecasting to the end of the current period counts
 * @options->end_step from there.
 *
 * Returns: (transfer full): the forecast
 */
ScForecast *
sc_forecast_history (const ScHistoryPoint    *points,
                     gsize                    n_points,
                     ScAnalyticsPeriod        period,
                     GTimeZone               *tz,
                     const ScForecastOptions *options)
{
  g_autoptr(ScSeries) series = NULL;

  g_return_val_if_fail (points != NULL || n_points == 0, NULL);

  series = sc_trend_resample (points, n_points, period, tz);

  return sc_forecast_series (series, options);
}

/**
 * sc_forecast_copy_choice:
 * @forecast: a forecast
 *
 * Copies what #ScForecastOptions.previous needs to reuse the choice of
 * method of @forecast (the method, its parameters and its backtest
 * figures) without the forecast itself: the copy has no steps.
 *
 * Returns: (transfer full): the copy; free with sc_forecast_free()
 */
ScForecast *
sc_forecast_copy_choice (const ScForecast *forecast)
{
  ScForecast *copy;

  g_return_val_if_fail (forecast != NULL, NULL);

  copy = g_memdup2 (forecast, sizeof *forecast);
  copy->horizon = 0;
  copy->mean = copy->sd = NULL;
  copy->lower80 = copy->upper80 = NULL;
  copy->lower95 = copy->upper95 = NULL;
  copy->reason = NULL;

  return copy;
}

/**
 * sc_forecast_free:
 * @forecast: (nullable) (transfer full): a forecast
 *
 * Frees @forecast.
 */
void
sc_forecast_free (ScForecast *forecast)
{
  if (forecast == NULL)
    return;

  g_free (forecast->mean);
  g_free (forecast->sd);
  g_free (forecast->lower80);
  g_free (forecast->upper80);
  g_free (forecast->lower95);
  g_free (forecast->upper95);
  g_free (forecast->reason);
  g_free (forecast);
}

/**
 * sc_forecast_quantile:
 * @forecast: a forecast
 * @step: a step, 1 to @forecast->horizon
 * @p: a probability, 0–1
 *
 * Returns: the @p quantile of the predictive distribution at @step
 *   (0 for a forecast without steps)
 */
double
sc_forecast_quantile (const ScForecast *forecast,
                      guint             step,
                      double            p)
{
  double q;

  g_return_val_if_fail (forecast != NULL, 0.0);

  if (forecast->horizon == 0)
    return 0.0;

  step = CLAMP (step, 1, forecast->horizon);
  p = CLAMP (p, 1e-9, 1.0 - 1e-9);
  q = forecast->mean[step - 1] + forecast->sd[step - 1] * _sc_student_t_quantile (p, forecast->df);
  if (forecast->nonnegative)
    q = MAX (q, 0.0);

  return _sc_finite_or (q, forecast->mean[step - 1]);
}

/**
 * sc_forecast_cdf:
 * @forecast: a forecast
 * @step: a step, 1 to @forecast->horizon
 * @x: a value
 *
 * Returns: the probability that the value at @step is at most @x
 */
double
sc_forecast_cdf (const ScForecast *forecast,
                 guint             step,
                 double            x)
{
  double mu, sd;

  g_return_val_if_fail (forecast != NULL, 0.0);

  if (forecast->horizon == 0 || !isfinite (x))
    return x > 0 ? 1.0 : 0.0;

  step = CLAMP (step, 1, forecast->horizon);
  mu = forecast->mean[step - 1];
  sd = forecast->sd[step - 1];

  if (forecast->nonnegative && x < 0.0)
    return 0.0;
  if (sd <= 0.0)
    return x >= mu ? 1.0 : 0.0;

  return CLAMP (_sc_student_t_cdf ((x - mu) / sd, forecast->df), 0.0, 1.0);
}

/**
 * sc_forecast_probability_meeting:
 * @forecast: a forecast
 * @step: a step, 1 to @forecast->horizon
 * @target: the target
 * @direction: whether higher or lower values are better
 *
 * The probability that the value at @step meets @target: at least @target
 * when higher is better, at most when lower is better.
 *
 * Returns: a probability, 0–1 (0 for a forecast without steps)
 */
double
sc_forecast_probability_meeting (const ScForecast *forecast,
                                 guint             step,
                                 double            target,
                                 ScDirection       direction)
{
  double below;

  g_return_val_if_fail (forecast != NULL, 0.0);

  if (forecast->horizon == 0 || !isfinite (target))
    return 0.0;

  step = CLAMP (step, 1, forecast->horizon);

  if (direction == SC_DIRECTION_LOWER_BETTER)
    return sc_forecast_cdf (forecast, step, target);

  /* P(Y ≥ target) = 1 − P(Y < target); the two differ only on a point
   * mass, which a zero spread or the censoring at 0 can create.
   */
  if (forecast->sd[step - 1] <= 0.0)
    return forecast->mean[step - 1] >= target ? 1.0 : 0.0;
  if (forecast->nonnegative && target <= 0.0)
    return 1.0;

  below = sc_forecast_cdf (forecast, step, target);

  return CLAMP (1.0 - below, 0.0, 1.0);
}

/**
 * sc_forecast_step_start:
 * @forecast: a forecast
 * @step: a step, 1-based
 * @tz: (nullable): the time zone of the calendar, %NULL for UTC
 *
 * Returns: the first instant, Unix seconds UTC, of the period of @step
 */
gint64
sc_forecast_step_start (const ScForecast *forecast,
                        guint             step,
                        GTimeZone        *tz)
{
  g_return_val_if_fail (forecast != NULL, 0);

  return sc_analytics_period_index_start (forecast->period,
                                          forecast->origin_index + (gint64) step - 1, tz);
}

/**
 * sc_forecast_method_to_key:
 * @method: a method
 *
 * Returns: (transfer none): a stable key for CSV and JSON output, such as
 *   "holt-winters-additive"
 */
const char *
sc_forecast_method_to_key (ScForecastMethod method)
{
  g_return_val_if_fail ((guint) method < G_N_ELEMENTS (method_keys), NULL);

  return method_keys[method];
}

/**
 * sc_forecast_method_label:
 * @method: a method
 *
 * Returns: (transfer none): the method's name for people, translated
 */
const char *
sc_forecast_method_label (ScForecastMethod method)
{
  switch (method)
    {
    case SC_FORECAST_METHOD_NONE:
      return C_("forecast method", "None");
    case SC_FORECAST_METHOD_LAST_VALUE:
      return C_("forecast method", "Last value");
    case SC_FORECAST_METHOD_RECENT_MEAN:
      return C_("forecast method", "Mean of the last values");
    case SC_FORECAST_METHOD_SEASONAL_NAIVE:
      return C_("forecast method", "Seasonal naive");
    case SC_FORECAST_METHOD_LINEAR:
      return C_("forecast method", "Linear trend");
    case SC_FORECAST_METHOD_POLYNOMIAL:
      return C_("forecast method", "Polynomial trend");
    case SC_FORECAST_METHOD_SES:
      return C_("forecast method", "Exponential smoothing");
    case SC_FORECAST_METHOD_HOLT:
      return C_("forecast method", "Holt trend");
    case SC_FORECAST_METHOD_HW_ADDITIVE:
      return C_("forecast method", "Holt–Winters (additive)");
    case SC_FORECAST_METHOD_HW_MULTIPLICATIVE:
      return C_("forecast method", "Holt–Winters (multiplicative)");
    case SC_FORECAST_METHOD_AUTO:
    default:
      return C_("forecast method", "Automatic");
    }
}

/**
 * sc_forecast_method_is_fallback:
 * @method: a method
 *
 * Returns: whether @method is one of the fallbacks for histories that
 *   cannot carry a model
 */
gboolean
sc_forecast_method_is_fallback (ScForecastMethod method)
{
  return method == SC_FORECAST_METHOD_NONE
         || method == SC_FORECAST_METHOD_LAST_VALUE
         || method == SC_FORECAST_METHOD_RECENT_MEAN;
}
