/* sc-forecast.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "sc-analytics.h"
#include "sc-store.h"
#include "sc-types.h"

G_BEGIN_DECLS

/**
 * ScForecastMethod:
 * @SC_FORECAST_METHOD_NONE: no forecast: the history holds no value
 * @SC_FORECAST_METHOD_LAST_VALUE: fallback: the last value, carried
 *   forward, with a random-walk spread
 * @SC_FORECAST_METHOD_RECENT_MEAN: fallback: the mean of the last values
 * @SC_FORECAST_METHOD_SEASONAL_NAIVE: the value one season earlier (the
 *   last value when there is no season); the baseline
 * @SC_FORECAST_METHOD_LINEAR: least-squares straight line
 * @SC_FORECAST_METHOD_POLYNOMIAL: least-squares polynomial of degree 2 or
 *   3, the degree chosen by backtest
 * @SC_FORECAST_METHOD_SES: simple exponential smoothing, ETS(A,N,N)
 * @SC_FORECAST_METHOD_HOLT: Holt's linear trend, possibly damped,
 *   ETS(A,Ad,N)
 * @SC_FORECAST_METHOD_HW_ADDITIVE: Holt–Winters with additive seasonality,
 *   possibly damped, ETS(A,Ad,A)
 * @SC_FORECAST_METHOD_HW_MULTIPLICATIVE: Holt–Winters with multiplicative
 *   seasonality, possibly damped, ETS(A,Ad,M)
 * @SC_FORECAST_METHOD_AUTO: in #ScForecastOptions only: choose by backtest
 *
 * The forecasting methods.
 */
typedef enum
{
  SC_FORECAST_METHOD_NONE,
  SC_FORECAST_METHOD_LAST_VALUE,
  SC_FORECAST_METHOD_RECENT_MEAN,
  SC_FORECAST_METHOD_SEASONAL_NAIVE,
  SC_FORECAST_METHOD_LINEAR,
  SC_FORECAST_METHOD_POLYNOMIAL,
  SC_FORECAST_METHOD_SES,
  SC_FORECAST_METHOD_HOLT,
  SC_FORECAST_METHOD_HW_ADDITIVE,
  SC_FORECAST_METHOD_HW_MULTIPLICATIVE,
  SC_FORECAST_METHOD_AUTO,
} ScForecastMethod;

#define SC_FORECAST_N_METHODS SC_FORECAST_METHOD_AUTO

/**
 * ScIntervalSource:
 * @SC_INTERVAL_ANALYTIC: the method's own variance formula
 * @SC_INTERVAL_CALIBRATED: the method's formula, widened because the
 *   backtest errors were larger than it predicted
 * @SC_INTERVAL_HEURISTIC: a fallback's rough spread
 *
 * Where the prediction intervals come from.
 */
typedef enum
{
  SC_INTERVAL_ANALYTIC,
  SC_INTERVAL_CALIBRATED,
  SC_INTERVAL_HEURISTIC,
} ScIntervalSource;

/**
 * ScForecastOptions:
 * @method: %SC_FORECAST_METHOD_AUTO, or a model to force, seasonal naive
 *   to Holt–Winters (it still gets backtested; if it cannot be fitted the
 *   automatic choice applies)
 * @horizon: how many periods to forecast; 0 for @end_step, or 30 days'
 *   worth of periods (at least one) when that is 0 too
 * @end_step: the forecast step at which the KPI's current period ends,
 *   1-based; 0 for the last step. The horizon grows to reach it.
 * @season_length: 0 to detect it with sc_trend_seasonality(), 1 for no
 *   seasonality, or a period in steps to force
 * @has_target: whether @target is set
 * @target: the KPI's target, for the probability of meeting it
 * @direction: whether higher or lower values are better
 * @max_folds: rolling-origin folds, at most; 0 for 4
 * @max_evaluations: objective evaluations allowed per exponential
 *   smoothing fit; 0 for 50 per parameter, at most 200
 * @previous: (nullable): an earlier forecast of the same KPI and period
 *   whose choice to reuse: its method, season and parameters are kept and
 *   only the states are re-estimated from all the data, skipping the
 *   backtest (about 100 times faster). Ignored when it was a fallback, or
 *   when its method no longer fits the history.
 *
 * How to forecast. Initialize with sc_forecast_options_init().
 */
typedef struct
{
  ScForecastMethod  method;
  guint             horizon;
  guint             end_step;
  int               season_length;
  gboolean          has_target;
  double            target;
  ScDirection       direction;
  guint             max_folds;
  guint             max_evaluations;
  const struct _ScForecast *previous;
} ScForecastOptions;

/**
 * ScForecastScore:
 * @method: the method
 * @evaluated: whether it could be fitted on every backtest fold
 * @mase: mean absolute scaled error over the folds (see
 *   sc_forecast_mase())
 * @smape: symmetric mean absolute percentage error, 0–200
 * @degree: for polynomials, the degree that won
 * @damped: for exponential smoothing with a trend, whether the fitted
 *   damping was below 1
 *
 * One method's backtest.
 */
typedef struct
{
  ScForecastMethod  method;
  gboolean          evaluated;
  double            mase;
  double            smape;
  int               degree;
  gboolean          damped;
} ScForecastScore;

/**
 * ScForecast:
 * @method: the method used
 * @degree: its polynomial degree (1 for a line), else 0
 * @damped: whether its trend is damped (@phi < 1)
 * @season_length: the seasonal period used, in steps; 1 for none
 * @alpha: smoothing parameter of the level (exponential smoothing)
 * @beta: of the trend
 * @gamma: of the season
 * @phi: damping (1 undamped)
 * @period: the period of a step
 * @origin_index: the period number of step 1, the period after the last
 *   one with a value
 * @horizon: the number of steps
 * @mean: (array length=horizon): point forecasts
 * @sd: (array length=horizon): scale of the predictive distribution
 * @lower80: (array length=horizon): 80 % interval, lower bound
 * @upper80: (array length=horizon): 80 % interval, upper bound
 * @lower95: (array length=horizon): 95 % interval, lower bound
 * @upper95: (array length=horizon): 95 % interval, upper bound
 * @df: degrees of freedom of the Student t predictive distribution
 * @nonnegative: whether all history was ≥ 0, so the distribution is
 *   censored at 0 and no bound goes below it
 * @end_step: the step at which the KPI's period ends (1-based)
 * @has_target: whether a target was given
 * @probability_target: the probability of meeting it at @end_step, 0–1
 * @mase: the backtest MASE of @method
 * @smape: the backtest sMAPE of @method
 * @baseline_mase: the backtest MASE of seasonal naive
 * @baseline_smape: the backtest sMAPE of seasonal naive
 * @folds: rolling-origin folds run (0: no backtest, a fallback)
 * @backtest_horizon: steps forecast in each fold
 * @backtest_errors: errors the backtest of @method measured
 * @reused: whether the method and parameters came from
 *   #ScForecastOptions.previous (the backtest figures are then those of
 *   that forecast)
 * @chosen_origin_index: the @origin_index of the forecast whose backtest
 *   chose @method: this one's, or an earlier one's when @reused
 * @n_scores: the number of entries in @scores
 * @scores: (array length=n_scores): every method tried
 * @interval_source: where the intervals come from
 * @calibration: the factor the model's standard deviation was widened by
 *   after the backtest, ≥ 1
 * @residual_sd: standard deviation of the one-step errors in-sample
 * @n_values: periods with a value
 * @n_missing: gaps among them
 * @confidence: 0–100, see sc_forecast_series()
 * @low_confidence: whether the forecast should be shown as uncertain
 * @reason: (nullable): why it is uncertain or which fallback was used,
 *   translated
 *
 * A forecast with its predictive distribution: at step h the value is
 * distributed as @mean[h−1] + @sd[h−1] × T(@df), censored at 0 when
 * @nonnegative. Never NAN: every number is finite.
 */
typedef struct _ScForecast
{
  ScForecastMethod  method;
  int               degree;
  gboolean          damped;
  int               season_length;
  double            alpha;
  double            beta;
  double            gamma;
  double            phi;

  ScAnalyticsPeriod period;
  gint64            origin_index;
  guint             horizon;
  double           *mean;
  double           *sd;
  double           *lower80;
  double           *upper80;
  double           *lower95;
  double           *upper95;
  double            df;
  gboolean          nonnegative;

  guint             end_step;
  gboolean          has_target;
  double            probability_target;

  double            mase;
  double            smape;
  double            baseline_mase;
  double            baseline_smape;
  guint             folds;
  guint             backtest_horizon;
  guint             backtest_errors;
  gboolean          reused;
  gint64            chosen_origin_index;
  guint             n_scores;
  ScForecastScore   scores[SC_FORECAST_N_METHODS];

  ScIntervalSource  interval_source;
  double            calibration;
  double            residual_sd;
  gsize             n_values;
  gsize             n_missing;

  double            confidence;
  gboolean          low_confidence;
  char             *reason;
} ScForecast;

void         sc_forecast_options_init        (ScForecastOptions       *options);

ScForecast  *sc_forecast_series              (const ScSeries          *series,
                                              const ScForecastOptions *options);
ScForecast  *sc_forecast_values              (const double            *values,
                                              gsize                    n,
                                              ScAnalyticsPeriod        period,
                                              const ScForecastOptions *options);
ScForecast  *sc_forecast_history             (const ScHistoryPoint    *points,
                                              gsize                    n_points,
                                              ScAnalyticsPeriod        period,
                                              GTimeZone               *tz,
                                              const ScForecastOptions *options);
ScForecast  *sc_forecast_copy_choice         (const ScForecast        *forecast);
void         sc_forecast_free                (ScForecast              *forecast);

double       sc_forecast_quantile            (const ScForecast        *forecast,
                                              guint                    step,
                                              double                   p);
double       sc_forecast_cdf                 (const ScForecast        *forecast,
                                              guint                    step,
                                              double                   x);
double       sc_forecast_probability_meeting (const ScForecast        *forecast,
                                              guint                    step,
                                              double                   target,
                                              ScDirection              direction);
gint64       sc_forecast_step_start          (const ScForecast        *forecast,
                                              guint                    step,
                                              GTimeZone               *tz);

const char  *sc_forecast_method_to_key       (ScForecastMethod         method);
const char  *sc_forecast_method_label        (ScForecastMethod         method);
gboolean     sc_forecast_method_is_fallback  (ScForecastMethod         method);

double       sc_forecast_naive_scale         (const double            *values,
                                              gsize                    n,
                                              int                      season_length);
double       sc_forecast_mase                (const double            *actual,
                                              const double            *predicted,
                                              gsize                    n,
                                              double                   scale);
double       sc_forecast_smape               (const double            *actual,
                                              const double            *predicted,
                                              gsize                    n);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScForecast, sc_forecast_free)

G_END_DECLS
