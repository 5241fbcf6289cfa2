/* sc-analytics-private.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "sc-analytics.h"
#include "sc-forecast.h"

G_BEGIN_DECLS

/* Statistics and numerics shared by sc-trend.c, sc-forecast.c and
 * sc-anomaly.c (implemented in sc-analytics-math.c). Arrays here are dense:
 * callers drop gaps first. None of these allocate unless they say so.
 */

#define SC_ANALYTICS_MAX_POLY_DEGREE 3

/* Evaluates n points at once, values[i] for points[i]. */
typedef void (*ScObjectiveFunc) (const double * const *points,
                                 int                   n,
                                 double               *values,
                                 gpointer              user_data);

double    _sc_stats_mean           (const double    *x,
                                    gsize            n);
double    _sc_stats_variance       (const double    *x,
                                    gsize            n);
void      _sc_stats_sort           (double          *x,
                                    gsize            n);
double    _sc_stats_quantile_sorted (const double   *sorted,
                                    gsize            n,
                                    double           p);
double    _sc_stats_median         (double          *x,
                                    gsize            n);
double    _sc_stats_mad            (const double    *x,
                                    gsize            n,
                                    double          *median);

double    _sc_normal_cdf           (double           z);
double    _sc_normal_quantile      (double           p);
double    _sc_student_t_cdf        (double           t,
                                    double           df);
double    _sc_student_t_quantile   (double           p,
                                    double           df);

/* A small, fast generator for simulations: xoshiro256+ (Blackman and
 * Vigna) seeded through splitmix64. Not for anything secret.
 */
typedef struct
{
  guint64 s[4];
} ScRng;

void      _sc_rng_init             (ScRng           *rng,
                                    guint64          seed);
double    _sc_rng_double           (ScRng           *rng);
double    _sc_rng_normal           (ScRng           *rng);

gboolean  _sc_polyfit              (const double    *x,
                                    const double    *y,
                                    gsize            n,
                                    int              degree,
                                    double          *coef,
                                    double          *xtx_inv,
                                    double          *rss);
double    _sc_poly_eval            (const double    *coef,
                                    int              degree,
                                    double           x);
double    _sc_poly_leverage        (const double    *xtx_inv,
                                    int              degree,
                                    double           x);

double    _sc_nelder_mead          (ScObjectiveFunc  func,
                                    gpointer         user_data,
                                    double          *u,
                                    int              dim,
                                    double           step,
                                    int              max_evals,
                                    double           ftol);

#define SC_NM_MAX_SEARCHES 4

void      _sc_nelder_mead_several  (ScObjectiveFunc  func,
                                    gpointer         user_data,
                                    double          *starts,
                                    int              n,
                                    int              dim,
                                    double           step,
                                    int              max_evals,
                                    double           ftol,
                                    double          *values);

double    _sc_finite_or            (double           value,
                                    double           fallback);

/* One fitted forecasting model (sc-analytics-models.c). The fit keeps no
 * pointer into the data: everything it needs to forecast is copied in.
 * Parameters of exponential smoothing are { α, β, γ, φ }.
 */
typedef struct
{
  ScForecastMethod  method;
  int               m;
  int               degree;
  gsize             n;
  gsize             n_obs;

  double            params[4];
  double            level;
  double            trend;
  double           *season;

  double            coef[SC_ANALYTICS_MAX_POLY_DEGREE + 1];
  double            xtx_inv[(SC_ANALYTICS_MAX_POLY_DEGREE + 1) * (SC_ANALYTICS_MAX_POLY_DEGREE + 1)];
  double            x_center;
  double            x_scale;

  double            sigma;
  double            df;
  gboolean          seasonal_sigma;
} ScModelFit;

gboolean  _sc_model_fit            (ScModelFit       *fit,
                                    ScForecastMethod  method,
                                    const double     *y,
                                    gsize             n,
                                    int               m,
                                    int               degree,
                                    const double     *params,
                                    gboolean          refine,
                                    int               max_evals);
void      _sc_model_forecast       (const ScModelFit *fit,
                                    guint             horizon,
                                    double           *mean,
                                    double           *sd);
void      _sc_model_fit_clear      (ScModelFit       *fit);
int       _sc_model_n_params       (ScForecastMethod  method,
                                    int               m,
                                    int               degree);

/* Rolling-origin backtests (sc-analytics-backtest.c). */

#define SC_BACKTEST_MAX_FOLDS  16

/* Fewer values than this get a fallback instead of a model. */
#define SC_FORECAST_MIN_VALUES 6

typedef struct
{
  ScForecastMethod  method;
  int               degree;
  gboolean          eligible;
  gboolean          have_params;
  double            params[4];
  double            mase;
  double            smape;
  gsize             n_errors;
  double            sum_u2;
  gsize             n_u;
} ScBacktestCandidate;

typedef struct
{
  const double     *y;
  gsize             n;
  int               m;
  int               m_scale;
  guint             horizon;
  guint             folds;
  gsize             origins[SC_BACKTEST_MAX_FOLDS];
  int               max_evals;
} ScBacktestPlan;

gboolean  _sc_backtest_plan_folds          (ScBacktestPlan      *plan,
                                            guint                horizon,
                                            guint                max_folds);
void      _sc_backtest_run                 (ScBacktestCandidate *c,
                                            const ScBacktestPlan *plan);
int       _sc_backtest_default_evaluations (ScForecastMethod     method);

G_END_DECLS
