/* sc-gauge-paint.h
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

typedef enum
{
  SC_GAUGE_STYLE_CIRCULAR,
  SC_GAUGE_STYLE_LINEAR,
  SC_GAUGE_STYLE_SPEEDOMETER,
  SC_GAUGE_STYLE_THERMOMETER,
} ScGaugeStyle;

/**
 * ScGaugeLayers:
 * @SC_GAUGE_LAYERS_ALL: the whole gauge
 * @SC_GAUGE_LAYERS_BACKGROUND: what does not move with the value: the
 *   track, the zone bands and the ticks
 * @SC_GAUGE_LAYERS_FOREGROUND: the rest: fill, needle, target, overshoot
 *   mark and text, drawn over a background painted earlier
 *
 * A widget that animates the value can keep the background as an image and
 * paint only the foreground on every frame.
 */
typedef enum
{
  SC_GAUGE_LAYERS_ALL,
  SC_GAUGE_LAYERS_BACKGROUND,
  SC_GAUGE_LAYERS_FOREGROUND,
} ScGaugeLayers;

typedef struct
{
  ScGaugeStyle          style;
  double                scale_min;    /* value space */
  double                scale_max;
  double                value;        /* shown value; may lie outside the scale */
  double                target;
  gboolean              show_target;
  const ScZone         *zones;
  guint                 n_zones;
  const char           *value_text;   /* big, centred: "87.3 %", "$ 1,234" */
  const char           *caption;      /* small, dim: "of $ 1,500"; nullable */
  gboolean              overshoot;    /* mark the end of the scale as passed */
  const ScPaintPalette *palette;      /* nullable: light defaults */
  const char           *font_family;  /* nullable: Cantarell, else sans */
  ScGaugeLayers         layers;       /* what to paint; 0 = all of it */
} ScGaugeSpec;

void   sc_gauge_paint    (cairo_t           *cr,
                          double             width,
                          double             height,
                          const ScGaugeSpec *spec);
double sc_gauge_fraction (const ScGaugeSpec *spec,
                          double             value);
void   sc_gauge_point_at (const ScGaugeSpec *spec,
                          double             width,
                          double             height,
                          double             value,
                          double             radius_fraction,
                          double            *x,
                          double            *y);

G_END_DECLS
