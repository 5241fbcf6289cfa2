/* sc-paint-private.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>
#include <pango/pangocairo.h>

#include "sc-paint-types.h"

G_BEGIN_DECLS

#define SC_PAINT_DEFAULT_FONT "Cantarell,sans-serif"

/* Digits fill about 0.72 em above the baseline in Cantarell and the usual
 * sans fallbacks; centring that box instead of the logical extents keeps
 * numbers visually centred and still independent of the glyphs shown.
 */
#define SC_PAINT_DIGIT_HALF_HEIGHT 0.36

typedef struct
{
  double x;
  double y;
} ScPaintPoint;

const ScPaintPalette *_sc_paint_default_palette     (void);

void                  _sc_paint_set_source          (cairo_t      *cr,
                                                     const ScRgba *rgba,
                                                     double        opacity);
double                _sc_paint_clamp01             (double        fraction);

PangoLayout          *_sc_paint_create_layout       (cairo_t      *cr,
                                                     const char   *family,
                                                     double        px,
                                                     gboolean      bold,
                                                     const char   *text);
double                _sc_paint_layout_fit          (PangoLayout  *layout,
                                                     double        px,
                                                     double        max_width,
                                                     double        min_px);
void                  _sc_paint_layout_get_size     (PangoLayout  *layout,
                                                     double       *width,
                                                     double       *height);
void                  _sc_paint_show_layout         (cairo_t      *cr,
                                                     PangoLayout  *layout,
                                                     double        px,
                                                     double        x,
                                                     double        y,
                                                     double        x_align);
gboolean              _sc_paint_show_text           (cairo_t      *cr,
                                                     const char   *family,
                                                     const char   *text,
                                                     gboolean      bold,
                                                     const ScRgba *color,
                                                     double        px,
                                                     double        min_px,
                                                     double        max_width,
                                                     double        x,
                                                     double        y,
                                                     double        x_align);

double                _sc_paint_nice_step           (double        rough);
double                _sc_paint_minor_step          (double        step);
char                 *_sc_paint_format_compact      (double        value,
                                                     double        step);

guint                 _sc_paint_decimate            (ScPaintPoint *points,
                                                     guint         n_points);

G_END_DECLS
