/* sc-analytics-private.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "sc-analytics.h"

G_BEGIN_DECLS

/* Statistics and numerics shared by sc-trend.c, sc-forecast.c and
 * sc-anomaly.c (implemented in sc-analytics-math.c). Arrays here are dense:
 * callers drop gaps first. None of these allocate unless they say so.
 */

#define SC_ANALYTICS_MAX_POLY_DEGREE 3

typedef double (*ScObjectiveFunc) (const double *u,
                                   gpointer      user_data);

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
double    _sc_rand_normal          (GRand           *rand);

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

double    _sc_finite_or            (double           value,
                                    double           fallback);

G_END_DECLS
