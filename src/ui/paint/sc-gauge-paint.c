/* sc-gauge-paint.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-paint"

#include "config.h"

#include <math.h>
#include <string.h>

#include "sc-gauge-paint.h"
#include "sc-paint-private.h"

/* Every style is laid out from one length, its "unit": the radius of the
 * arc for the circular and speedometer styles, the height of the drawing for
 * the linear and thermometer ones. The proportions below are fractions of
 * that unit. The layout never depends on the text, so sc_gauge_point_at()
 * needs no fonts and agrees with what sc_gauge_paint() draws.
 */

/* Keeps antialiased edges inside the area. */
#define MARGIN 1.0

/* Circular: unit = radius of the middle of the value track. */
#define CIRC_TRACK        0.16
#define CIRC_BAND         0.045
#define CIRC_BAND_GAP     0.045
#define CIRC_TICK_OVER    0.05
#define CIRC_TICK_WIDTH   0.03
#define CIRC_EXTENT       1.24  /* above and beside the centre */
#define CIRC_BELOW        0.9   /* below it: arc ends and the overshoot mark */
#define CIRC_VALUE_PX     0.34
#define CIRC_CAPTION_PX   0.13
#define CIRC_CAPTION_Y    0.3

/* Speedometer: unit = radius of the middle of the zone band. */
#define SPEEDO_BAND       0.1
#define SPEEDO_TICK_OVER  0.05
#define SPEEDO_TICK_WIDTH 0.03
#define SPEEDO_EXTENT     1.12
#define SPEEDO_BELOW      0.5
#define SPEEDO_MAJOR_OUT  0.91
#define SPEEDO_MAJOR_IN   0.81
#define SPEEDO_MINOR_IN   0.86
#define SPEEDO_LABEL_R    0.68
#define SPEEDO_LABEL_PX   0.085
#define SPEEDO_NEEDLE     0.84
#define SPEEDO_NEEDLE_W   0.035
#define SPEEDO_HUB        0.08
#define SPEEDO_HUB_DOT    0.035
#define SPEEDO_VALUE_PX   0.24
#define SPEEDO_VALUE_Y    0.215
#define SPEEDO_CAPTION_PX 0.085
#define SPEEDO_CAPTION_Y  0.4

/* Linear: unit = height of the drawing. */
#define LIN_HEIGHT        0.94
#define LIN_TEXT_Y        0.2
#define LIN_VALUE_PX      0.3
#define LIN_CAPTION_PX    0.2
#define LIN_BAR_Y         0.62
#define LIN_TRACK         0.2
#define LIN_BAND          0.07
#define LIN_BAND_OFFSET   0.195
#define LIN_TICK_OVER     0.06
#define LIN_TICK_WIDTH    0.035
#define LIN_ARROW_SPACE   0.22
#define LIN_MAX_UNIT      0.2   /* of the width, so wide bars stay slim */

/* Thermometer: unit = height of the drawing. */
#define THERMO_WIDTH      1.05
#define THERMO_TUBE_X     0.14
#define THERMO_TUBE       0.11
#define THERMO_BULB       0.12
#define THERMO_BULB_Y     0.87
#define THERMO_INSET      0.022
#define THERMO_MIN_Y      0.72
#define THERMO_MAX_Y      0.15
#define THERMO_BAND       0.04
#define THERMO_BAND_OFFSET 0.115
#define THERMO_TICK_OVER  0.04
#define THERMO_TICK_WIDTH 0.022
#define THERMO_TEXT_X     0.38
#define THERMO_VALUE_PX   0.17
#define THERMO_VALUE_Y    0.4
#define THERMO_CAPTION_PX 0.085
#define THERMO_CAPTION_Y  0.54

#define MIN_TEXT_PX       6.0
#define MIN_CAPTION_PX    7.0
#define READABLE_PX       8.0

typedef struct
{
  double unit;

  /* Arc styles: the scale runs clockwise from angle0 over sweep. */
  double cx;
  double cy;
  double angle0;
  double sweep;

  /* Bar styles: the scale runs from (x0, y0) to (x1, y1). */
  double x0;
  double y0;
  double x1;
  double y1;
  double left;
  double top;
} GaugeLayout;

typedef struct
{
  cairo_t              *cr;
  const ScGaugeSpec    *spec;
  const ScPaintPalette *palette;
  GaugeLayout           layout;
  double                fraction;
  ScRgba                fill;
  gboolean              overshoot;
} GaugePaint;

/* Auxiliary methods */

static void
compute_layout (ScGaugeStyle  style,
                double        width,
                double        height,
                GaugeLayout  *l)
{
  double w = MAX (width - 2.0 * MARGIN, 0.0);
  double h = MAX (height - 2.0 * MARGIN, 0.0);
  double u;

  memset (l, 0, sizeof *l);

  switch (style)
    {
    case SC_GAUGE_STYLE_SPEEDOMETER:
      u = MIN (w / (2.0 * SPEEDO_EXTENT), h / (SPEEDO_EXTENT + SPEEDO_BELOW));
      l->cx = width / 2.0;
      l->cy = height / 2.0 + (SPEEDO_EXTENT - SPEEDO_BELOW) / 2.0 * u;
      l->angle0 = G_PI;
      l->sweep = G_PI;
      break;

    case SC_GAUGE_STYLE_LINEAR:
      u = MIN (h / LIN_HEIGHT, w * LIN_MAX_UNIT);
      l->left = MARGIN;
      l->top = (height - u * LIN_HEIGHT) / 2.0;
      l->x0 = MARGIN + u * LIN_TRACK / 2.0;
      l->x1 = width - MARGIN - u * (LIN_TRACK / 2.0 + LIN_ARROW_SPACE);
      l->y0 = l->y1 = l->top + u * LIN_BAR_Y;
      if (l->x1 < l->x0)
        u = 0.0;
      break;

    case SC_GAUGE_STYLE_THERMOMETER:
      u = MIN (h, w / THERMO_WIDTH);
      l->left = (width - u * THERMO_WIDTH) / 2.0;
      l->top = (height - u) / 2.0;
      l->x0 = l->x1 = l->left + u * THERMO_TUBE_X;
      l->y0 = l->top + u * THERMO_MIN_Y;
      l->y1 = l->top + u * THERMO_MAX_Y;
      break;

    case SC_GAUGE_STYLE_CIRCULAR:
    default:
      u = MIN (w / (2.0 * CIRC_EXTENT), h / (CIRC_EXTENT + CIRC_BELOW));
      l->cx = width / 2.0;
      l->cy = height / 2.0 + (CIRC_EXTENT - CIRC_BELOW) / 2.0 * u;
      l->angle0 = G_PI * 0.75;
      l->sweep = G_PI * 1.5;
      break;
    }

  l->unit = MAX (u, 0.0);
}

static gboolean
is_arc_style (ScGaugeStyle style)
{
  return style == SC_GAUGE_STYLE_CIRCULAR || style == SC_GAUGE_STYLE_SPEEDOMETER;
}

static double
angle_at (const GaugeLayout *l,
          double             fraction)
{
  return l->angle0 + fraction * l->sweep;
}

static void
point_on_bar (const GaugeLayout *l,
              double             fraction,
              double            *x,
              double            *y)
{
  *x = l->x0 + fraction * (l->x1 - l->x0);
  *y = l->y0 + fraction * (l->y1 - l->y0);
}

/* Unit vector along the bar and the normal on the side of the zone band. */
static void
bar_axes (const GaugeLayout *l,
          double            *dx,
          double            *dy,
          double            *nx,
          double            *ny)
{
  double length = hypot (l->x1 - l->x0, l->y1 - l->y0);

  if (length <= 0.0)
    {
      *dx = 1.0;
      *dy = 0.0;
    }
  else
    {
      *dx = (l->x1 - l->x0) / length;
      *dy = (l->y1 - l->y0) / length;
    }

  *nx = -*dy;
  *ny = *dx;
}

static void
stroke_arc (cairo_t *cr,
            double   cx,
            double   cy,
            double   radius,
            double   angle1,
            double   angle2,
            double   line_width)
{
  cairo_new_path (cr);
  if (angle2 - angle1 < 1e-6)
    {
      /* A zero-length segment still shows as a dot with round caps. */
      cairo_move_to (cr, cx + radius * cos (angle1), cy + radius * sin (angle1));
      cairo_rel_line_to (cr, 0.0, 0.0);
    }
  else
    {
      cairo_arc (cr, cx, cy, radius, angle1, angle2);
    }
  cairo_set_line_width (cr, line_width);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_stroke (cr);
}

static void
stroke_line (cairo_t *cr,
             double   x1,
             double   y1,
             double   x2,
             double   y2,
             double   line_width)
{
  cairo_new_path (cr);
  cairo_move_to (cr, x1, y1);
  cairo_line_to (cr, x2, y2);
  cairo_set_line_width (cr, line_width);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_stroke (cr);
}

/* Captions grow to a readable size on small gauges, but stay smaller than
 * the value; below MIN_CAPTION_PX they are left out.
 */
static double
caption_px (double proportional,
            double value_px)
{
  return MIN (MAX (proportional, READABLE_PX), value_px * 0.6);
}

/* Clamps a zone to the scale. Returns FALSE if nothing of it is left. */
static gboolean
zone_span (const ScGaugeSpec *spec,
           const ScZone      *zone,
           double            *from,
           double            *to)
{
  double lo = MIN (zone->from, zone->to);
  double hi = MAX (zone->from, zone->to);

  if ((guint)zone->kind >= SC_N_ZONE_KINDS)
    return FALSE;

  *from = sc_gauge_fraction (spec, lo);
  *to = sc_gauge_fraction (spec, hi);

  return *to > *from;
}

/* A small rounded triangle pointing along (dx, dy) from (x, y): the value
 * lies beyond the end of the scale.
 */
static void
fill_arrow (cairo_t      *cr,
            const ScRgba *color,
            double        x,
            double        y,
            double        dx,
            double        dy,
            double        length,
            double        half_width)
{
  double rounding = length * 0.25;

  /* Pull the corners in by the rounding so the stroke keeps the size. */
  length -= rounding;
  half_width -= rounding * 0.5;
  x += dx * rounding * 0.5;
  y += dy * rounding * 0.5;

  cairo_new_path (cr);
  cairo_move_to (cr, x - dy * half_width, y + dx * half_width);
  cairo_line_to (cr, x + dx * length, y + dy * length);
  cairo_line_to (cr, x + dy * half_width, y - dx * half_width);
  cairo_close_path (cr);
  _sc_paint_set_source (cr, color, 1.0);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width (cr, rounding);
  cairo_fill_preserve (cr);
  cairo_stroke (cr);
}

/* Zones as a band of rounded segments parted by small gaps. */
static void
paint_arc_zones (GaugePaint *gp,
                 double      radius,
                 double      band,
                 double      gap)
{
  const GaugeLayout *l = &gp->layout;
  const ScGaugeSpec *spec = gp->spec;
  double inset = (band + gap) / 2.0 / radius;

  for (guint i = 0; i < spec->n_zones; i++)
    {
      double from, to;
      double a1, a2;

      if (!zone_span (spec, &spec->zones[i], &from, &to))
        continue;

      a1 = angle_at (l, from);
      a2 = angle_at (l, to);
      if (from > 0.0)
        a1 += inset;
      if (to < 1.0)
        a2 -= inset;
      if (a2 < a1)
        a1 = a2 = (a1 + a2) / 2.0;

      _sc_paint_set_source (gp->cr, &gp->palette->zone[spec->zones[i].kind], 1.0);
      stroke_arc (gp->cr, l->cx, l->cy, radius, a1, a2, band);
    }
}

static void
paint_bar_zones (GaugePaint *gp,
                 double      offset,
                 double      band,
                 double      gap)
{
  const GaugeLayout *l = &gp->layout;
  const ScGaugeSpec *spec = gp->spec;
  double length = hypot (l->x1 - l->x0, l->y1 - l->y0);
  double dx, dy, nx, ny;
  double inset;

  if (length <= 0.0)
    return;

  bar_axes (l, &dx, &dy, &nx, &ny);
  inset = (band + gap) / 2.0 / length;

  for (guint i = 0; i < spec->n_zones; i++)
    {
      double from, to;
      double x1, y1, x2, y2;

      if (!zone_span (spec, &spec->zones[i], &from, &to))
        continue;

      if (from > 0.0)
        from += inset;
      if (to < 1.0)
        to -= inset;
      if (to < from)
        from = to = (from + to) / 2.0;

      point_on_bar (l, from, &x1, &y1);
      point_on_bar (l, to, &x2, &y2);

      _sc_paint_set_source (gp->cr, &gp->palette->zone[spec->zones[i].kind], 1.0);
      stroke_line (gp->cr,
                   x1 + nx * offset, y1 + ny * offset,
                   x2 + nx * offset, y2 + ny * offset,
                   band);
    }
}

static gboolean
target_fraction (GaugePaint *gp,
                 double     *fraction)
{
  const ScGaugeSpec *spec = gp->spec;
  double lo = MIN (spec->scale_min, spec->scale_max);
  double hi = MAX (spec->scale_min, spec->scale_max);

  if (!spec->show_target || !isfinite (spec->target))
    return FALSE;
  if (spec->target < lo || spec->target > hi)
    return FALSE;

  *fraction = sc_gauge_fraction (spec, spec->target);
  return TRUE;
}

static void
paint_arc_target (GaugePaint *gp,
                  double      inner,
                  double      outer,
                  double      line_width)
{
  const GaugeLayout *l = &gp->layout;
  double fraction;
  double angle;

  if (!target_fraction (gp, &fraction))
    return;

  angle = angle_at (l, fraction);
  _sc_paint_set_source (gp->cr, &gp->palette->target, 1.0);
  stroke_line (gp->cr,
               l->cx + inner * cos (angle), l->cy + inner * sin (angle),
               l->cx + outer * cos (angle), l->cy + outer * sin (angle),
               line_width);
}

static void
paint_bar_target (GaugePaint *gp,
                  double      before,
                  double      after,
                  double      line_width)
{
  double dx, dy, nx, ny;
  double fraction;
  double x, y;

  if (!target_fraction (gp, &fraction))
    return;

  bar_axes (&gp->layout, &dx, &dy, &nx, &ny);
  point_on_bar (&gp->layout, fraction, &x, &y);

  _sc_paint_set_source (gp->cr, &gp->palette->target, 1.0);
  stroke_line (gp->cr,
               x - nx * before, y - ny * before,
               x + nx * after, y + ny * after,
               line_width);
}

/* The arrow continues the arc past its end, along the tangent. */
static void
paint_arc_overshoot (GaugePaint *gp,
                     double      radius,
                     double      offset,
                     double      length,
                     double      half_width)
{
  const GaugeLayout *l = &gp->layout;
  double angle = l->angle0 + l->sweep;
  double dx = -sin (angle);
  double dy = cos (angle);
  double x = l->cx + radius * cos (angle) + dx * offset;
  double y = l->cy + radius * sin (angle) + dy * offset;

  if (!gp->overshoot)
    return;

  fill_arrow (gp->cr, &gp->fill, x, y, dx, dy, length, half_width);
}

static void
paint_bar_overshoot (GaugePaint *gp,
                     double      offset,
                     double      length,
                     double      half_width)
{
  const GaugeLayout *l = &gp->layout;
  double dx, dy, nx, ny;

  if (!gp->overshoot)
    return;

  bar_axes (l, &dx, &dy, &nx, &ny);
  fill_arrow (gp->cr, &gp->fill,
              l->x1 + dx * offset, l->y1 + dy * offset,
              dx, dy, length, half_width);
}

static inline gboolean
paints_background (const GaugePaint *gp)
{
  return gp->spec->layers != SC_GAUGE_LAYERS_FOREGROUND;
}

static inline gboolean
paints_foreground (const GaugePaint *gp)
{
  return gp->spec->layers != SC_GAUGE_LAYERS_BACKGROUND;
}

static void
paint_circular (GaugePaint *gp)
{
  cairo_t *cr = gp->cr;
  const GaugeLayout *l = &gp->layout;
  const ScGaugeSpec *spec = gp->spec;
  double r = l->unit;
  double track = r * CIRC_TRACK;
  double band = r * CIRC_BAND;
  double band_r = r + track / 2.0 + r * CIRC_BAND_GAP + band / 2.0;
  double inner = r - track / 2.0;
  double value_y = l->cy;

  if (paints_background (gp))
    {
      _sc_paint_set_source (cr, &gp->palette->track, 1.0);
      stroke_arc (cr, l->cx, l->cy, r, l->angle0, l->angle0 + l->sweep, track);
      paint_arc_zones (gp, band_r, band, MAX (r * 0.025, 1.5));
    }

  if (!paints_foreground (gp))
    return;

  if (gp->fraction > 0.0)
    {
      _sc_paint_set_source (cr, &gp->fill, 1.0);
      stroke_arc (cr, l->cx, l->cy, r, l->angle0, angle_at (l, gp->fraction), track);
    }

  paint_arc_target (gp,
                    inner - r * CIRC_TICK_OVER,
                    band_r + band / 2.0 + r * CIRC_TICK_OVER,
                    MAX (r * CIRC_TICK_WIDTH, 1.5));

  paint_arc_overshoot (gp, r, track / 2.0 + r * 0.04, r * 0.14, r * 0.09);

  if (spec->caption != NULL && spec->caption[0] != '\0')
    {
      value_y -= r * 0.06;
      _sc_paint_show_text (cr, spec->font_family, spec->caption, FALSE,
                           &gp->palette->dim_text,
                           caption_px (r * CIRC_CAPTION_PX, r * CIRC_VALUE_PX),
                           MIN_CAPTION_PX, inner * 1.5,
                           l->cx, l->cy + r * CIRC_CAPTION_Y, 0.5);
    }

  _sc_paint_show_text (cr, spec->font_family, spec->value_text, TRUE,
                       &gp->palette->text,
                       r * CIRC_VALUE_PX, MIN_TEXT_PX, inner * 1.6,
                       l->cx, value_y, 0.5);
}

static void
paint_speedometer_ticks (GaugePaint *gp)
{
  cairo_t *cr = gp->cr;
  const GaugeLayout *l = &gp->layout;
  const ScGaugeSpec *spec = gp->spec;
  double r = l->unit;
  double lo = MIN (spec->scale_min, spec->scale_max);
  double hi = MAX (spec->scale_min, spec->scale_max);
  double step;
  double minor;
  double first;
  double label_px = r * SPEEDO_LABEL_PX;
  gboolean labels = label_px >= MIN_TEXT_PX;

  if (!(hi > lo) || !isfinite (hi - lo))
    return;

  step = _sc_paint_nice_step ((hi - lo) / 6.0);
  minor = _sc_paint_minor_step (step);

  /* Minor ticks first, skipping those under a major one. */
  if (minor > 0.0 && (hi - lo) / minor <= 80.0 && r * 0.2 >= 8.0)
    {
      first = ceil (lo / minor - 1e-9) * minor;
      _sc_paint_set_source (cr, &gp->palette->dim_text, 0.6);
      for (guint i = 0; i <= 80; i++)
        {
          double v = first + i * minor;
          double angle;
          double k;

          if (v > hi + minor * 1e-6)
            break;
          k = v / step;
          if (fabs (k - round (k)) < 1e-6)
            continue;

          angle = angle_at (l, sc_gauge_fraction (spec, v));
          stroke_line (cr,
                       l->cx + r * SPEEDO_MINOR_IN * cos (angle),
                       l->cy + r * SPEEDO_MINOR_IN * sin (angle),
                       l->cx + r * SPEEDO_MAJOR_OUT * cos (angle),
                       l->cy + r * SPEEDO_MAJOR_OUT * sin (angle),
                       MAX (r * 0.01, 1.0));
        }
    }

  first = ceil (lo / step - 1e-9) * step;
  for (guint i = 0; i <= 20; i++)
    {
      double v = first + i * step;
      double angle;

      if (v > hi + step * 1e-6)
        break;

      angle = angle_at (l, sc_gauge_fraction (spec, v));
      _sc_paint_set_source (cr, &gp->palette->dim_text, 1.0);
      stroke_line (cr,
                   l->cx + r * SPEEDO_MAJOR_IN * cos (angle),
                   l->cy + r * SPEEDO_MAJOR_IN * sin (angle),
                   l->cx + r * SPEEDO_MAJOR_OUT * cos (angle),
                   l->cy + r * SPEEDO_MAJOR_OUT * sin (angle),
                   MAX (r * 0.018, 1.0));

      if (labels)
        {
          g_autofree char *text = _sc_paint_format_compact (v, step);
          double lx = l->cx + r * SPEEDO_LABEL_R * cos (angle);
          double ly = l->cy + r * SPEEDO_LABEL_R * sin (angle);

          /* Towards the ends of the dial, labels grow inwards, away from
           * their ticks. */
          _sc_paint_show_text (cr, spec->font_family, text, FALSE,
                               &gp->palette->dim_text,
                               label_px, MIN_TEXT_PX, r * 0.4,
                               lx, ly, 0.5 + 0.5 * cos (angle));
        }
    }
}

static void
paint_needle (GaugePaint *gp)
{
  cairo_t *cr = gp->cr;
  const GaugeLayout *l = &gp->layout;
  double r = l->unit;
  double angle = angle_at (l, gp->fraction);
  double dx = cos (angle);
  double dy = sin (angle);
  double half = r * SPEEDO_NEEDLE_W / 2.0;
  double tip = r * SPEEDO_NEEDLE;
  double rounding = MAX (r * 0.012, 1.0);

  cairo_new_path (cr);
  cairo_move_to (cr, l->cx - dy * half, l->cy + dx * half);
  cairo_line_to (cr, l->cx + dx * (tip - rounding / 2.0), l->cy + dy * (tip - rounding / 2.0));
  cairo_line_to (cr, l->cx + dy * half, l->cy - dx * half);
  cairo_close_path (cr);
  _sc_paint_set_source (cr, &gp->palette->needle, 1.0);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width (cr, rounding);
  cairo_fill_preserve (cr);
  cairo_stroke (cr);

  cairo_new_path (cr);
  cairo_arc (cr, l->cx, l->cy, r * SPEEDO_HUB, 0.0, 2.0 * G_PI);
  cairo_fill (cr);

  /* The hub shows the colour of the zone the value is in. */
  cairo_new_path (cr);
  cairo_arc (cr, l->cx, l->cy, r * SPEEDO_HUB_DOT, 0.0, 2.0 * G_PI);
  _sc_paint_set_source (cr, &gp->fill, 1.0);
  cairo_fill (cr);
}

static void
paint_speedometer (GaugePaint *gp)
{
  cairo_t *cr = gp->cr;
  const GaugeLayout *l = &gp->layout;
  const ScGaugeSpec *spec = gp->spec;
  double r = l->unit;
  double band = r * SPEEDO_BAND;

  if (paints_background (gp))
    {
      if (spec->n_zones == 0)
        {
          _sc_paint_set_source (cr, &gp->palette->track, 1.0);
          stroke_arc (cr, l->cx, l->cy, r, l->angle0, l->angle0 + l->sweep, band);
        }
      paint_arc_zones (gp, r, band, MAX (r * 0.03, 1.5));
      paint_speedometer_ticks (gp);
    }

  if (!paints_foreground (gp))
    return;

  paint_arc_target (gp,
                    r - band / 2.0 - r * 0.03,
                    r + band / 2.0 + r * SPEEDO_TICK_OVER,
                    MAX (r * SPEEDO_TICK_WIDTH, 1.5));

  paint_arc_overshoot (gp, r, band / 2.0 + r * 0.04, r * 0.12, r * 0.07);

  paint_needle (gp);

  _sc_paint_show_text (cr, spec->font_family, spec->value_text, TRUE,
                       &gp->palette->text,
                       r * SPEEDO_VALUE_PX, MIN_TEXT_PX, r * 1.6,
                       l->cx, l->cy + r * SPEEDO_VALUE_Y, 0.5);
  _sc_paint_show_text (cr, spec->font_family, spec->caption, FALSE,
                       &gp->palette->dim_text,
                       caption_px (r * SPEEDO_CAPTION_PX, r * SPEEDO_VALUE_PX),
                       MIN_CAPTION_PX, r * 1.6,
                       l->cx, l->cy + r * SPEEDO_CAPTION_Y, 0.5);
}

static void
paint_linear (GaugePaint *gp)
{
  cairo_t *cr = gp->cr;
  const GaugeLayout *l = &gp->layout;
  const ScGaugeSpec *spec = gp->spec;
  double u = l->unit;
  double track = u * LIN_TRACK;
  double band = u * LIN_BAND;
  double start = l->x0 - track / 2.0;
  double end = l->x1 + track / 2.0;
  double text_y = l->top + u * LIN_TEXT_Y;
  double value_width = 0.0;
  double value_px = 0.0;

  if (paints_background (gp))
    {
      _sc_paint_set_source (cr, &gp->palette->track, 1.0);
      stroke_line (cr, l->x0, l->y0, l->x1, l->y1, track);
      paint_bar_zones (gp, u * LIN_BAND_OFFSET, band, MAX (u * 0.04, 1.5));
    }

  if (!paints_foreground (gp))
    return;

  if (gp->fraction > 0.0)
    {
      double x, y;

      point_on_bar (l, gp->fraction, &x, &y);
      _sc_paint_set_source (cr, &gp->fill, 1.0);
      stroke_line (cr, l->x0, l->y0, x, y, track);
    }

  paint_bar_target (gp,
                    track / 2.0 + u * LIN_TICK_OVER,
                    u * LIN_BAND_OFFSET + band / 2.0 + u * LIN_TICK_OVER,
                    MAX (u * LIN_TICK_WIDTH, 1.5));

  paint_bar_overshoot (gp, track / 2.0 + u * 0.06, u * 0.16, u * 0.11);

  if (spec->value_text != NULL && spec->value_text[0] != '\0')
    {
      g_autoptr(PangoLayout) layout = NULL;

      value_px = u * LIN_VALUE_PX;
      layout = _sc_paint_create_layout (cr, spec->font_family, value_px, TRUE, spec->value_text);
      value_px = _sc_paint_layout_fit (layout, value_px, (end - start) * 0.6, MIN_TEXT_PX);
      if (value_px > 0.0)
        {
          _sc_paint_layout_get_size (layout, &value_width, NULL);
          _sc_paint_set_source (cr, &gp->palette->text, 1.0);
          _sc_paint_show_layout (cr, layout, value_px, start, text_y, 0.0);
        }
    }

  /* The caption sits on the value's baseline, at the end of the bar. */
  if (spec->caption != NULL && spec->caption[0] != '\0')
    {
      g_autoptr(PangoLayout) layout = NULL;
      double px = caption_px (u * LIN_CAPTION_PX, u * LIN_VALUE_PX);
      double baseline;

      if (value_px <= 0.0)
        value_px = u * LIN_VALUE_PX;
      baseline = text_y + SC_PAINT_DIGIT_HALF_HEIGHT * value_px;

      layout = _sc_paint_create_layout (cr, spec->font_family, px, FALSE, spec->caption);
      px = _sc_paint_layout_fit (layout, px, end - start - value_width - u * 0.2, MIN_CAPTION_PX);
      if (px > 0.0)
        {
          _sc_paint_set_source (cr, &gp->palette->dim_text, 1.0);
          _sc_paint_show_layout (cr, layout, px, end,
                                 baseline - SC_PAINT_DIGIT_HALF_HEIGHT * px, 1.0);
        }
    }
}

static void
paint_thermometer (GaugePaint *gp)
{
  cairo_t *cr = gp->cr;
  const GaugeLayout *l = &gp->layout;
  const ScGaugeSpec *spec = gp->spec;
  double u = l->unit;
  double tube = u * THERMO_TUBE;
  double bulb = u * THERMO_BULB;
  double inset = u * THERMO_INSET;
  double bulb_y = l->top + u * THERMO_BULB_Y;
  double text_x = l->left + u * THERMO_TEXT_X;
  double text_width = l->left + u * THERMO_WIDTH - text_x;
  double x, y;

  /* Tube and bulb overlap: draw them opaque in a group and fade the group,
   * so a translucent track does not darken where they meet. */
  if (paints_background (gp))
    {
      cairo_push_group (cr);
      cairo_set_source_rgb (cr, gp->palette->track.red, gp->palette->track.green,
                            gp->palette->track.blue);
      stroke_line (cr, l->x0, bulb_y, l->x1, l->y1, tube);
      cairo_new_path (cr);
      cairo_arc (cr, l->x0, bulb_y, bulb, 0.0, 2.0 * G_PI);
      cairo_fill (cr);
      cairo_pop_group_to_source (cr);
      cairo_paint_with_alpha (cr, gp->palette->track.alpha);

      paint_bar_zones (gp, u * THERMO_BAND_OFFSET, u * THERMO_BAND, MAX (u * 0.02, 1.5));
    }

  if (!paints_foreground (gp))
    return;

  point_on_bar (l, gp->fraction, &x, &y);
  cairo_push_group (cr);
  cairo_set_source_rgb (cr, gp->fill.red, gp->fill.green, gp->fill.blue);
  stroke_line (cr, l->x0, bulb_y, x, y, tube - 2.0 * inset);
  cairo_new_path (cr);
  cairo_arc (cr, l->x0, bulb_y, bulb - inset, 0.0, 2.0 * G_PI);
  cairo_fill (cr);
  cairo_pop_group_to_source (cr);
  cairo_paint_with_alpha (cr, gp->fill.alpha);

  paint_bar_target (gp,
                    tube / 2.0 + u * THERMO_TICK_OVER,
                    u * (THERMO_BAND_OFFSET + THERMO_BAND / 2.0 + THERMO_TICK_OVER),
                    MAX (u * THERMO_TICK_WIDTH, 1.5));

  paint_bar_overshoot (gp, tube / 2.0 + u * 0.02, u * 0.07, u * 0.05);

  _sc_paint_show_text (cr, spec->font_family, spec->value_text, TRUE,
                       &gp->palette->text,
                       u * THERMO_VALUE_PX, MIN_TEXT_PX, text_width,
                       text_x, l->top + u * THERMO_VALUE_Y, 0.0);
  _sc_paint_show_text (cr, spec->font_family, spec->caption, FALSE,
                       &gp->palette->dim_text,
                       caption_px (u * THERMO_CAPTION_PX, u * THERMO_VALUE_PX),
                       MIN_CAPTION_PX, text_width,
                       text_x, l->top + u * THERMO_CAPTION_Y, 0.0);
}

/* Public API */

/**
 * sc_gauge_fraction:
 * @spec: a gauge
 * @value: a value
 *
 * Returns: where @value lies along the scale, from 0 at `scale_min` to 1 at
 *   `scale_max`, clamped; 0 for an empty scale or a NaN value
 */
double
sc_gauge_fraction (const ScGaugeSpec *spec,
                   double             value)
{
  double range;

  g_return_val_if_fail (spec != NULL, 0.0);

  range = spec->scale_max - spec->scale_min;
  if (!isfinite (range) || range <= 0.0 || isnan (value))
    return 0.0;

  return _sc_paint_clamp01 ((value - spec->scale_min) / range);
}

/**
 * sc_gauge_point_at:
 * @spec: a gauge
 * @width: width of the area sc_gauge_paint() draws in
 * @height: its height
 * @value: a value, clamped to the scale
 * @radius_fraction: for arc styles, the distance from the centre as a
 *   fraction of the arc's radius (the middle of the value track, or of the
 *   zone band of a speedometer); ignored by bar styles
 * @x: (out): the point's x
 * @y: (out): the point's y
 *
 * Finds where @value lies on the gauge, for hit testing: on the arc (or the
 * needle, with a @radius_fraction below 1), or on the centre line of the bar
 * or tube.
 */
void
sc_gauge_point_at (const ScGaugeSpec *spec,
                   double             width,
                   double             height,
                   double             value,
                   double             radius_fraction,
                   double            *x,
                   double            *y)
{
  GaugeLayout l;
  double fraction;

  g_return_if_fail (spec != NULL);
  g_return_if_fail (x != NULL);
  g_return_if_fail (y != NULL);

  compute_layout (spec->style, width, height, &l);
  fraction = sc_gauge_fraction (spec, value);

  if (is_arc_style (spec->style))
    {
      double angle = angle_at (&l, fraction);
      double radius = l.unit * radius_fraction;

      *x = l.cx + radius * cos (angle);
      *y = l.cy + radius * sin (angle);
    }
  else
    {
      point_on_bar (&l, fraction, x, y);
    }
}

/**
 * sc_gauge_paint:
 * @cr: a cairo context
 * @width: width of the area to draw in
 * @height: its height
 * @spec: what to draw
 *
 * Draws a gauge in the rectangle from (0, 0) to (@width, @height) of @cr's
 * user space, centred and keeping its proportions, and nothing outside it.
 * The fill, the needle hub and the overshoot mark take the colour of the
 * zone the value is in (the palette's fill colour without zones); a value
 * beyond `scale_max` is drawn at the end of the scale with an overshoot
 * mark, whether or not @spec sets `overshoot`.
 */
void
sc_gauge_paint (cairo_t           *cr,
                double             width,
                double             height,
                const ScGaugeSpec *spec)
{
  GaugePaint gp = { 0 };
  ScZoneKind kind;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (spec != NULL);
  g_return_if_fail (spec->zones != NULL || spec->n_zones == 0);

  if (!(width > 0.0) || !(height > 0.0) || !isfinite (width) || !isfinite (height))
    return;

  gp.cr = cr;
  gp.spec = spec;
  gp.palette = spec->palette != NULL ? spec->palette : _sc_paint_default_palette ();
  gp.fraction = sc_gauge_fraction (spec, spec->value);
  gp.overshoot = spec->overshoot ||
                 (spec->value > spec->scale_max && spec->scale_max > spec->scale_min);
  if (sc_zone_kind_at (spec->zones, spec->n_zones, spec->value, &kind))
    gp.fill = gp.palette->zone[kind];
  else
    gp.fill = gp.palette->fill;

  compute_layout (spec->style, width, height, &gp.layout);
  if (gp.layout.unit <= 0.0)
    return;

  cairo_save (cr);
  cairo_rectangle (cr, 0.0, 0.0, width, height);
  cairo_clip (cr);

  switch (spec->style)
    {
    case SC_GAUGE_STYLE_LINEAR:
      paint_linear (&gp);
      break;

    case SC_GAUGE_STYLE_SPEEDOMETER:
      paint_speedometer (&gp);
      break;

    case SC_GAUGE_STYLE_THERMOMETER:
      paint_thermometer (&gp);
      break;

    case SC_GAUGE_STYLE_CIRCULAR:
    default:
      paint_circular (&gp);
      break;
    }

  cairo_restore (cr);
}
