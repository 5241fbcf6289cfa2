/* sc-chart-paint.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

#include "sc-paint-types.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 time;   /* seconds since the epoch, UTC */
  double value;
} ScChartPoint;

/* One step of a forecast: the expected value and its 80 % and 95 %
 * prediction intervals.
 */
typedef struct
{
  gint64 time;   /* seconds since the epoch, UTC */
  double mean;
  double lower80;
  double upper80;
  double lower95;
  double upper95;
} ScChartForecastPoint;

/* New members go at the end, so zero-initialised specs keep working. */
typedef struct
{
  const ScChartPoint         *points;          /* sorted by time */
  guint                       n_points;
  gint64                      time_min;        /* x range; both 0: from the points */
  gint64                      time_max;
  double                      value_min;       /* y range; both 0: automatic */
  double                      value_max;
  double                      target;
  gboolean                    show_target;
  const ScZone               *zones;           /* faint horizontal bands */
  guint                       n_zones;
  int                         hover_index;     /* -1 for none */
  const ScPaintPalette       *palette;         /* nullable: light defaults */
  const char                 *font_family;     /* nullable: Cantarell, else sans */
  const ScChartForecastPoint *forecast;        /* sorted by time, after the points */
  guint                       n_forecast;
  const guint                *anomalies;       /* indices into points, ringed */
  guint                       n_anomalies;
  const char                 *method_label;    /* nullable: small, above the plot */
  guint                       hover_forecast;  /* 1 + index of the hovered forecast
                                                * point, 0 for none */
} ScChartSpec;

void sc_chart_paint             (cairo_t           *cr,
                                 double             width,
                                 double             height,
                                 const ScChartSpec *spec);
int  sc_chart_hit_test          (const ScChartSpec *spec,
                                 double             width,
                                 double             height,
                                 double             x,
                                 double             y);
int  sc_chart_hit_test_forecast (const ScChartSpec *spec,
                                 double             width,
                                 double             height,
                                 double             x,
                                 double             y);
void sc_chart_point_position    (const ScChartSpec *spec,
                                 double             width,
                                 double             height,
                                 guint              index,
                                 double            *x,
                                 double            *y);
void sc_chart_forecast_position (const ScChartSpec *spec,
                                 double             width,
                                 double             height,
                                 guint              index,
                                 double            *x,
                                 double            *y);

G_END_DECLS
