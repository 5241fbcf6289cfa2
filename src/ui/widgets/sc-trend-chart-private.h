/* sc-trend-chart-private.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-trend-chart.h"

G_BEGIN_DECLS

/* Test hooks: what snapshot() and query-tooltip use. */

void  _sc_trend_chart_get_spec           (ScTrendChart *self,
                                          ScChartSpec  *spec);
char *_sc_trend_chart_dup_tooltip_text   (ScTrendChart *self,
                                          double        x,
                                          double        y);
int   _sc_trend_chart_get_hover_forecast (ScTrendChart *self);

G_END_DECLS
