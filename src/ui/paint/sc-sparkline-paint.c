/* sc-sparkline-paint.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-paint"

#include "config.h"

#include <math.h>

#include "sc-paint-private.h"
#include "sc-sparkline-paint.h"

#define AREA_OPACITY 0.2

/**
 * sc_sparkline_paint:
 * @cr: a cairo context
 * @width: width of the area to draw in
 * @height: its height
 * @values: (array length=n_values) (nullable): the series, oldest first
 * @n_values: number of values
 * @color: (nullable): colour of the line; %NULL for the default accent
 * @fill: whether to fill the area under the line
 *
 * Draws a small trend line stretched over the rectangle from (0, 0) to
 * (@width, @height), ending in a dot on the latest value. NaN and infinite
 * values are skipped: the line joins their neighbours.
 */
void
sc_sparkline_paint (cairo_t      *cr,
                    double        width,
                    double        height,
                    const double *values,
                    guint         n_values,
                    const ScRgba *color,
                    gboolean      fill)
{
  g_autofree ScPaintPoint *line = NULL;
  double lo = INFINITY;
  double hi = -INFINITY;
  double line_width;
  double dot;
  double pad;
  double step;
  guint n = 0;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (values != NULL || n_values == 0);

  if (!(width > 0.0) || !(height > 0.0) || !isfinite (width) || !isfinite (height))
    return;

  if (color == NULL)
    color = &_sc_paint_default_palette ()->accent;

  for (guint i = 0; i < n_values; i++)
    {
      if (!isfinite (values[i]))
        continue;
      lo = MIN (lo, values[i]);
      hi = MAX (hi, values[i]);
      n++;
    }

  if (n == 0)
    return;

  line_width = CLAMP (height / 16.0, 1.0, 2.0);
  dot = CLAMP (MIN (width, height) / 10.0, 1.5, 3.0);
  pad = dot + 0.5;
  step = n_values > 1 ? (width - 2.0 * pad) / (n_values - 1) : 0.0;

  line = g_new (ScPaintPoint, n);
  n = 0;
  for (guint i = 0; i < n_values; i++)
    {
      if (!isfinite (values[i]))
        continue;

      line[n].x = n_values > 1 ? pad + i * step : width / 2.0;
      /* A flat series runs through the middle. */
      if (hi > lo)
        line[n].y = pad + (hi - values[i]) / (hi - lo) * (height - 2.0 * pad);
      else
        line[n].y = height / 2.0;
      n++;
    }

  if (n > 2.0 * width)
    {
      ScPaintPoint last = line[n - 1];

      n = _sc_paint_decimate (line, n);
      line[n - 1] = last;
    }

  cairo_save (cr);
  cairo_rectangle (cr, 0.0, 0.0, width, height);
  cairo_clip (cr);

  if (n >= 2)
    {
      cairo_new_path (cr);
      cairo_move_to (cr, line[0].x, line[0].y);
      for (guint i = 1; i < n; i++)
        cairo_line_to (cr, line[i].x, line[i].y);

      if (fill)
        {
          cairo_path_t *path = cairo_copy_path (cr);

          cairo_line_to (cr, line[n - 1].x, height);
          cairo_line_to (cr, line[0].x, height);
          cairo_close_path (cr);
          _sc_paint_set_source (cr, color, AREA_OPACITY);
          cairo_fill (cr);

          cairo_append_path (cr, path);
          cairo_path_destroy (path);
        }

      cairo_set_line_width (cr, line_width);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      _sc_paint_set_source (cr, color, 1.0);
      cairo_stroke (cr);
    }

  cairo_new_path (cr);
  cairo_arc (cr, line[n - 1].x, line[n - 1].y, dot, 0.0, 2.0 * G_PI);
  _sc_paint_set_source (cr, color, 1.0);
  cairo_fill (cr);

  cairo_restore (cr);
}
