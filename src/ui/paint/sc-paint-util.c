/* sc-paint-util.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-paint"

#include "config.h"

#include <math.h>

#include "sc-paint-private.h"

/* Auxiliary methods */

static int
decimals_needed (double value,
                 int    max_decimals)
{
  double scale = 1.0;

  value = fabs (value);

  for (int decimals = 0; decimals < max_decimals; decimals++)
    {
      double scaled = value * scale;

      if (fabs (scaled - round (scaled)) < 1e-6 * MAX (scaled, 1.0))
        return decimals;
      scale *= 10.0;
    }

  return max_decimals;
}

/* Internal API */

void
_sc_paint_set_source (cairo_t      *cr,
                      const ScRgba *rgba,
                      double        opacity)
{
  cairo_set_source_rgba (cr, rgba->red, rgba->green, rgba->blue, rgba->alpha * opacity);
}

double
_sc_paint_clamp01 (double fraction)
{
  if (isnan (fraction))
    return 0.0;

  return CLAMP (fraction, 0.0, 1.0);
}

PangoLayout *
_sc_paint_create_layout (cairo_t    *cr,
                         const char *family,
                         double      px,
                         gboolean    bold,
                         const char *text)
{
  PangoLayout *layout;
  PangoFontDescription *desc;
  PangoAttrList *attrs;

  layout = pango_cairo_create_layout (cr);

  desc = pango_font_description_new ();
  pango_font_description_set_family (desc, family != NULL ? family : SC_PAINT_DEFAULT_FONT);
  pango_font_description_set_weight (desc, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_absolute_size (desc, MAX (px, 1.0) * PANGO_SCALE);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);

  /* Tabular figures, so an animated value does not wobble. */
  attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_layout_set_text (layout, text, -1);

  return layout;
}

/* Shrinks the layout's font until it is at most @max_width wide.
 * Returns the size in pixels it ends up with, 0 if that is below @min_px.
 */
double
_sc_paint_layout_fit (PangoLayout *layout,
                      double       px,
                      double       max_width,
                      double       min_px)
{
  double width;
  double height;

  _sc_paint_layout_get_size (layout, &width, &height);

  if (width > max_width && width > 0.0)
    {
      PangoFontDescription *desc;

      /* Text width is close to proportional to the size; the 0.98 absorbs
       * what rounding and hinting add back. */
      px = floor (px * max_width / width * 0.98 * 4.0) / 4.0;
      if (px < min_px)
        return 0.0;

      desc = pango_font_description_copy (pango_layout_get_font_description (layout));
      pango_font_description_set_absolute_size (desc, px * PANGO_SCALE);
      pango_layout_set_font_description (layout, desc);
      pango_font_description_free (desc);
    }

  if (px < min_px)
    return 0.0;

  return px;
}

void
_sc_paint_layout_get_size (PangoLayout *layout,
                           double      *width,
                           double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);

  if (width != NULL)
    *width = (double)logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double)logical.height / PANGO_SCALE;
}

/* Draws @layout with its digits centred on @y; @x_align 0 puts its left
 * edge at @x, 0.5 its centre, 1 its right edge.
 */
void
_sc_paint_show_layout (cairo_t     *cr,
                       PangoLayout *layout,
                       double       px,
                       double       x,
                       double       y,
                       double       x_align)
{
  double width;
  double baseline;

  _sc_paint_layout_get_size (layout, &width, NULL);
  baseline = (double)pango_layout_get_baseline (layout) / PANGO_SCALE;

  cairo_move_to (cr, x - width * x_align, y + SC_PAINT_DIGIT_HALF_HEIGHT * px - baseline);
  pango_cairo_show_layout (cr, layout);
}

gboolean
_sc_paint_show_text (cairo_t      *cr,
                     const char   *family,
                     const char   *text,
                     gboolean      bold,
                     const ScRgba *color,
                     double        px,
                     double        min_px,
                     double        max_width,
                     double        x,
                     double        y,
                     double        x_align)
{
  g_autoptr(PangoLayout) layout = NULL;

  if (text == NULL || text[0] == '\0' || px < min_px || max_width <= 0.0)
    return FALSE;

  layout = _sc_paint_create_layout (cr, family, px, bold, text);
  px = _sc_paint_layout_fit (layout, px, max_width, min_px);
  if (px <= 0.0)
    return FALSE;

  _sc_paint_set_source (cr, color, 1.0);
  _sc_paint_show_layout (cr, layout, px, x, y, x_align);

  return TRUE;
}

/* The smallest of 1, 2, 2.5, 5 × 10ⁿ at or above @rough. */
double
_sc_paint_nice_step (double rough)
{
  double base;
  double fraction;

  if (!isfinite (rough) || rough <= 0.0)
    return 1.0;

  base = pow (10.0, floor (log10 (rough)));
  fraction = rough / base;

  if (fraction <= 1.0 + 1e-9)
    return base;
  if (fraction <= 2.0 + 1e-9)
    return 2.0 * base;
  if (fraction <= 2.5 + 1e-9)
    return 2.5 * base;
  if (fraction <= 5.0 + 1e-9)
    return 5.0 * base;
  return 10.0 * base;
}

/* Minor ticks: quarters of a step of 2, fifths of 1, 2.5 and 5. */
double
_sc_paint_minor_step (double step)
{
  double mantissa;

  if (!isfinite (step) || step <= 0.0)
    return 0.0;

  mantissa = step / pow (10.0, floor (log10 (step) + 1e-9));
  if (fabs (mantissa - 2.0) < 1e-6)
    return step / 4.0;

  return step / 5.0;
}

/* Formats an axis label compactly: 950, 1.2k, 3.45M, 2B, 0.25. @step is
 * the distance between labels, which decides the decimals; each label picks
 * its own suffix, so an axis reads 0, 500, 1k, 1.5k.
 */
char *
_sc_paint_format_compact (double value,
                          double step)
{
  static const struct
  {
    double      divisor;
    const char *suffix;
  } units[] = {
    { 1e12, "T" },
    { 1e9, "B" },
    { 1e6, "M" },
    { 1e3, "k" },
  };
  const char *suffix = "";
  double divisor = 1.0;
  double magnitude;
  int decimals;

  if (!isfinite (value))
    return g_strdup ("–");

  if (step > 0.0 && fabs (value) < step * 1e-6)
    value = 0.0;
  if (value == 0.0)
    return g_strdup ("0");

  magnitude = fabs (value);
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      if (magnitude >= units[i].divisor)
        {
          divisor = units[i].divisor;
          suffix = units[i].suffix;
          break;
        }
    }

  decimals = decimals_needed (magnitude / divisor, 3);
  if (step > 0.0 && isfinite (step))
    decimals = MIN (decimals, decimals_needed (step / divisor, 4));

  /* U+2212 MINUS SIGN lines up with the digits, unlike a hyphen. */
  return g_strdup_printf ("%s%.*f%s", value < 0.0 ? "−" : "",
                          decimals, magnitude / divisor, suffix);
}

/* Thins a polyline sorted by x to the lowest and highest point of each
 * pixel column, in their original order, so a long series strokes fast and
 * still shows every spike. Works in place; returns the new length.
 */
guint
_sc_paint_decimate (ScPaintPoint *points,
                    guint         n_points)
{
  guint out = 0;
  guint i = 0;

  while (i < n_points)
    {
      double column = floor (points[i].x);
      guint lo = i;
      guint hi = i;
      guint j;

      for (j = i + 1; j < n_points && floor (points[j].x) == column; j++)
        {
          if (points[j].y < points[lo].y)
            lo = j;
          if (points[j].y > points[hi].y)
            hi = j;
        }

      if (lo == hi)
        {
          points[out++] = points[lo];
        }
      else
        {
          ScPaintPoint first = points[MIN (lo, hi)];
          ScPaintPoint second = points[MAX (lo, hi)];

          points[out++] = first;
          points[out++] = second;
        }

      i = j;
    }

  return out;
}
