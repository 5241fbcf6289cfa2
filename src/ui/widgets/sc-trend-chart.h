/* sc-trend-chart.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sc-chart-paint.h"
#include "sc-types.h"

G_BEGIN_DECLS

#define SC_TYPE_TREND_CHART (sc_trend_chart_get_type ())

G_DECLARE_FINAL_TYPE (ScTrendChart, sc_trend_chart, SC, TREND_CHART, GtkWidget)

GtkWidget                   *sc_trend_chart_new              (void);
void                         sc_trend_chart_set_points       (ScTrendChart               *self,
                                                              const ScChartPoint         *points,
                                                              guint                       n_points);
const ScChartPoint          *sc_trend_chart_get_points       (ScTrendChart               *self,
                                                              guint                      *n_points);
double                       sc_trend_chart_get_target       (ScTrendChart               *self);
void                         sc_trend_chart_set_target       (ScTrendChart               *self,
                                                              double                      target);
ScDirection                  sc_trend_chart_get_direction    (ScTrendChart               *self);
void                         sc_trend_chart_set_direction    (ScTrendChart               *self,
                                                              ScDirection                 direction);
ScTargetType                 sc_trend_chart_get_target_type  (ScTrendChart               *self);
void                         sc_trend_chart_set_target_type  (ScTrendChart               *self,
                                                              ScTargetType                target_type);
const char                  *sc_trend_chart_get_currency     (ScTrendChart               *self);
void                         sc_trend_chart_set_currency     (ScTrendChart               *self,
                                                              const char                 *currency);
double                       sc_trend_chart_get_warn_from    (ScTrendChart               *self);
void                         sc_trend_chart_set_warn_from    (ScTrendChart               *self,
                                                              double                      warn_from);
double                       sc_trend_chart_get_good_from    (ScTrendChart               *self);
void                         sc_trend_chart_set_good_from    (ScTrendChart               *self,
                                                              double                      good_from);
const char                  *sc_trend_chart_get_label        (ScTrendChart               *self);
void                         sc_trend_chart_set_label        (ScTrendChart               *self,
                                                              const char                 *label);
int                          sc_trend_chart_get_hover_index  (ScTrendChart               *self);
const ScChartForecastPoint  *sc_trend_chart_get_forecast     (ScTrendChart               *self,
                                                              guint                      *n_points);
void                         sc_trend_chart_set_forecast     (ScTrendChart               *self,
                                                              const ScChartForecastPoint *points,
                                                              guint                       n_points);
void                         sc_trend_chart_set_anomalies    (ScTrendChart               *self,
                                                              const guint                *indices,
                                                              const char * const         *reasons,
                                                              guint                       n_anomalies);
const char                  *sc_trend_chart_get_method_label (ScTrendChart               *self);
void                         sc_trend_chart_set_method_label (ScTrendChart               *self,
                                                              const char                 *text);

G_END_DECLS
