/* test-gauge-paint.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-test"

#include "config.h"

#include <math.h>

#include "paint-test-utils.h"
#include "sc-gauge-paint.h"

#define TARGET 1500.0
#define MARGIN 24

static const char *style_names[] = { "circular", "linear", "speedometer", "thermometer" };

/* Sizes the widgets use, in proportion. */
static const int sizes[][2] = {
  { 300, 240 },
  { 400, 100 },
  { 320, 220 },
  { 240, 260 },
};

static const double percents[] = { 20, 75, 100, 130 };

typedef struct
{
  ScPaintPalette palette;
  ScZone         zones[3];
  ScGaugeSpec    spec;
  char           what[128];
} Gauge;

/* A gauge for a KPI with a target of 1500 at @percent achievement. */
static void
gauge_init (Gauge        *gauge,
            ScGaugeStyle  style,
            ScDirection   direction,
            double        percent)
{
  double value;

  if (direction == SC_DIRECTION_LOWER_BETTER)
    value = TARGET * 100.0 / percent;
  else
    value = TARGET * percent / 100.0;

  memset (gauge, 0, sizeof *gauge);
  sc_paint_palette_init_light (&gauge->palette);

  gauge->spec.style = style;
  gauge->spec.n_zones = sc_zones_for_kpi (TARGET, direction, 0, 0, value,
                                          &gauge->spec.scale_min, &gauge->spec.scale_max,
                                          gauge->zones);
  gauge->spec.zones = gauge->zones;
  gauge->spec.value = value;
  gauge->spec.target = TARGET;
  gauge->spec.show_target = TRUE;
  gauge->spec.value_text = "87.3 %";
  gauge->spec.caption = "of $ 1,500";
  gauge->spec.palette = &gauge->palette;
  gauge->spec.overshoot = value > gauge->spec.scale_max;

  g_snprintf (gauge->what, sizeof gauge->what, "%s-%s-%g",
              style_names[style],
              direction == SC_DIRECTION_LOWER_BETTER ? "lower" : "higher",
              percent);
}

static Canvas *
gauge_draw (Gauge *gauge)
{
  const int *size = sizes[gauge->spec.style];
  Canvas *canvas = canvas_new (size[0], size[1], MARGIN);

  sc_gauge_paint (canvas->cr, size[0], size[1], &gauge->spec);

  return canvas;
}

static void
point_at (Gauge  *gauge,
          double  fraction,
          double  radius_fraction,
          double *x,
          double *y)
{
  const ScGaugeSpec *spec = &gauge->spec;
  const int *size = sizes[spec->style];
  double value = spec->scale_min + fraction * (spec->scale_max - spec->scale_min);

  sc_gauge_point_at (spec, size[0], size[1], value, radius_fraction, x, y);
}

static gboolean
is_arc_style (ScGaugeStyle style)
{
  return style == SC_GAUGE_STYLE_CIRCULAR || style == SC_GAUGE_STYLE_SPEEDOMETER;
}

/* Looks for a zone colour across the band at a place on the scale: out
 * along the radius for arcs, sideways from the bar to the band's side.
 */
static gboolean
band_has_colour (Canvas       *canvas,
                 Gauge        *gauge,
                 double        fraction,
                 const ScRgba *colour)
{
  double x1, y1, x2, y2;

  if (is_arc_style (gauge->spec.style))
    {
      point_at (gauge, fraction, 0.85, &x1, &y1);
      point_at (gauge, fraction, 1.4, &x2, &y2);
    }
  else if (gauge->spec.style == SC_GAUGE_STYLE_LINEAR)
    {
      point_at (gauge, fraction, 1.0, &x1, &y1);
      x2 = x1;
      y2 = canvas->height;
    }
  else
    {
      point_at (gauge, fraction, 1.0, &x1, &y1);
      x2 = canvas->width;
      y2 = y1;
    }

  return canvas_find_along (canvas, x1, y1, x2, y2, colour);
}

static double
zone_middle (const ScGaugeSpec *spec,
             const ScZone      *zone)
{
  return sc_gauge_fraction (spec, (MAX (zone->from, spec->scale_min) +
                                   MIN (zone->to, spec->scale_max)) / 2.0);
}

/* Every zone shows its colour in the band, whatever the value. */
static void
test_gauge_zones (gconstpointer data)
{
  ScGaugeStyle style = GPOINTER_TO_INT (data);

  for (guint p = 0; p < G_N_ELEMENTS (percents); p++)
    {
      Gauge gauge;
      g_autoptr(Canvas) canvas = NULL;
      ScZoneKind value_kind;
      double value_fraction;

      gauge_init (&gauge, style, SC_DIRECTION_HIGHER_BETTER, percents[p]);
      canvas = gauge_draw (&gauge);
      g_assert_true (sc_zone_kind_at (gauge.zones, 3, gauge.spec.value, &value_kind));
      value_fraction = sc_gauge_fraction (&gauge.spec, gauge.spec.value);

      for (guint z = 0; z < gauge.spec.n_zones; z++)
        {
          const ScZone *zone = &gauge.zones[z];
          double middle = zone_middle (&gauge.spec, zone);

          /* Where the fill covers a zone of its own colour, the fill could
           * pass for the band. */
          if (style != SC_GAUGE_STYLE_SPEEDOMETER && zone->kind == value_kind &&
              middle < value_fraction)
            continue;

          canvas_assert (canvas,
                         band_has_colour (canvas, &gauge, middle,
                                          &gauge.palette.zone[zone->kind]),
                         "%s: zone %u colour in the band", gauge.what, z);
        }

      canvas_assert (canvas, canvas_margin_is_clear (canvas), "%s: margin", gauge.what);
    }
}

/* The fill (arc, bar, liquid) ends at the value, in the colour of the zone
 * the value is in.
 */
static void
test_gauge_fill (gconstpointer data)
{
  ScGaugeStyle style = GPOINTER_TO_INT (data);

  for (guint p = 0; p < G_N_ELEMENTS (percents); p++)
    {
      Gauge gauge;
      g_autoptr(Canvas) canvas = NULL;
      const ScRgba *fill;
      ScRgba pixel;
      ScZoneKind kind;
      double fraction;
      double target;
      double beyond;
      double x, y;

      gauge_init (&gauge, style, SC_DIRECTION_HIGHER_BETTER, percents[p]);
      canvas = gauge_draw (&gauge);

      g_assert_true (sc_zone_kind_at (gauge.zones, 3, gauge.spec.value, &kind));
      fill = &gauge.palette.zone[kind];
      fraction = sc_gauge_fraction (&gauge.spec, gauge.spec.value);
      target = sc_gauge_fraction (&gauge.spec, TARGET);

      point_at (&gauge, fraction - 0.05, 1.0, &x, &y);
      canvas_assert (canvas, canvas_pixel_is (canvas, x, y, fill, 0.9),
                     "%s: fill just inside its end at (%.0f, %.0f)", gauge.what, x, y);

      point_at (&gauge, fraction / 2.0, 1.0, &x, &y);
      canvas_assert (canvas, canvas_pixel_is (canvas, x, y, fill, 0.9),
                     "%s: fill halfway at (%.0f, %.0f)", gauge.what, x, y);

      beyond = fraction + 0.1;
      if (fabs (beyond - target) < 0.04)
        beyond += 0.08;
      if (beyond > 0.98)
        continue;

      point_at (&gauge, beyond, 1.0, &x, &y);
      pixel = canvas_pixel (canvas, x, y);
      canvas_assert (canvas, rgba_matches (&pixel, &gauge.palette.track, 0.0, 0.08) &&
                             fabs (pixel.alpha - gauge.palette.track.alpha) < 0.03,
                     "%s: bare track beyond the fill at (%.0f, %.0f)", gauge.what, x, y);
    }
}

/* The needle points at the value, and the hub shows the value's zone. */
static void
test_gauge_needle (void)
{
  for (guint p = 0; p < G_N_ELEMENTS (percents); p++)
    {
      Gauge gauge;
      g_autoptr(Canvas) canvas = NULL;
      double fraction;
      ScZoneKind kind;
      double x, y;

      gauge_init (&gauge, SC_GAUGE_STYLE_SPEEDOMETER, SC_DIRECTION_HIGHER_BETTER, percents[p]);
      canvas = gauge_draw (&gauge);
      fraction = sc_gauge_fraction (&gauge.spec, gauge.spec.value);

      for (double r = 0.3; r <= 0.75; r += 0.15)
        {
          point_at (&gauge, fraction, r, &x, &y);
          canvas_assert (canvas, canvas_pixel_is (canvas, x, y, &gauge.palette.needle, 0.9),
                         "%s: needle at radius %.2f (%.0f, %.0f)", gauge.what, r, x, y);
        }

      for (int side = -1; side <= 1; side += 2)
        {
          double other = CLAMP (fraction + side * 0.15, 0.0, 1.0);

          if (fabs (other - fraction) < 0.1)
            continue;

          point_at (&gauge, other, 0.5, &x, &y);
          canvas_assert (canvas, !canvas_pixel_is (canvas, x, y, &gauge.palette.needle, 0.3),
                         "%s: no needle at %.2f (%.0f, %.0f)", gauge.what, other, x, y);
        }

      g_assert_true (sc_zone_kind_at (gauge.zones, 3, gauge.spec.value, &kind));
      point_at (&gauge, fraction, 0.0, &x, &y);
      canvas_assert (canvas, canvas_pixel_is (canvas, x, y, &gauge.palette.zone[kind], 0.9),
                     "%s: hub in the value's zone colour", gauge.what);
    }
}

/* The target tick crosses the track at the target. */
static void
test_gauge_target (gconstpointer data)
{
  ScGaugeStyle style = GPOINTER_TO_INT (data);
  Gauge gauge;
  g_autoptr(Canvas) canvas = NULL;
  g_autoptr(Canvas) hidden = NULL;
  double target;
  double x1, y1, x2, y2;

  gauge_init (&gauge, style, SC_DIRECTION_HIGHER_BETTER, 20);
  canvas = gauge_draw (&gauge);
  gauge.spec.show_target = FALSE;
  hidden = gauge_draw (&gauge);

  target = sc_gauge_fraction (&gauge.spec, TARGET);
  if (is_arc_style (style))
    {
      point_at (&gauge, target, 0.8, &x1, &y1);
      point_at (&gauge, target, 1.4, &x2, &y2);
    }
  else
    {
      double dx, dy;

      point_at (&gauge, target, 1.0, &x1, &y1);
      /* Across the bar: perpendicular to it. */
      point_at (&gauge, target + 0.01, 1.0, &dx, &dy);
      dx -= x1;
      dy -= y1;
      x2 = x1 + dy / hypot (dx, dy) * 10.0;
      y2 = y1 - dx / hypot (dx, dy) * 10.0;
      x1 -= x2 - x1;
      y1 -= y2 - y1;
    }

  canvas_assert (canvas, canvas_find_along (canvas, x1, y1, x2, y2, &gauge.palette.target),
                 "%s: target tick", gauge.what);
  canvas_assert (hidden, !canvas_find_along (hidden, x1, y1, x2, y2, &gauge.palette.target),
                 "%s: no target tick when hidden", gauge.what);
}

/* Lower is better: green near the start of the scale, red at its end. */
static void
test_gauge_lower_better (gconstpointer data)
{
  ScGaugeStyle style = GPOINTER_TO_INT (data);
  const double lower_percents[] = { 50, 90, 100 };

  for (guint p = 0; p < G_N_ELEMENTS (lower_percents); p++)
    {
      Gauge gauge;
      g_autoptr(Canvas) canvas = NULL;
      ScZoneKind kind;
      double x, y;

      gauge_init (&gauge, style, SC_DIRECTION_LOWER_BETTER, lower_percents[p]);
      g_assert_cmpint (gauge.zones[0].kind, ==, SC_ZONE_GOOD);

      /* With no fill over the start, the band shows clearly. */
      gauge.spec.value = gauge.spec.scale_min;
      canvas = gauge_draw (&gauge);
      canvas_assert (canvas,
                     band_has_colour (canvas, &gauge, 0.1, &gauge.palette.zone[SC_ZONE_GOOD]),
                     "%s: green near the start", gauge.what);
      canvas_assert (canvas,
                     band_has_colour (canvas, &gauge, 0.95, &gauge.palette.zone[SC_ZONE_BAD]),
                     "%s: red at the end", gauge.what);
      g_clear_pointer (&canvas, canvas_free);

      /* The fill takes the colour of the value's zone. */
      gauge_init (&gauge, style, SC_DIRECTION_LOWER_BETTER, lower_percents[p]);
      canvas = gauge_draw (&gauge);
      g_assert_true (sc_zone_kind_at (gauge.zones, 3, gauge.spec.value, &kind));
      g_assert_cmpint (kind, ==, lower_percents[p] >= 95 ? SC_ZONE_GOOD
                                 : lower_percents[p] >= 70 ? SC_ZONE_WARN : SC_ZONE_BAD);
      if (style == SC_GAUGE_STYLE_SPEEDOMETER)
        point_at (&gauge, 0.0, 0.0, &x, &y);
      else
        point_at (&gauge, sc_gauge_fraction (&gauge.spec, gauge.spec.value) * 0.35, 1.0, &x, &y);
      canvas_assert (canvas, canvas_pixel_is (canvas, x, y, &gauge.palette.zone[kind], 0.9),
                     "%s: fill in the value's zone colour", gauge.what);
    }
}

static guint
count_differences (Canvas       *a,
                   Canvas       *b,
                   const ScRgba *colour)
{
  guint count = 0;

  for (int y = 0; y < a->height; y++)
    for (int x = 0; x < a->width; x++)
      if (canvas_pixel_is (a, x, y, colour, 0.9) && canvas_pixel (b, x, y).alpha < 0.05)
        count++;

  return count;
}

/* A value past the end of the scale draws a mark past its end. */
static void
test_gauge_overshoot (gconstpointer data)
{
  ScGaugeStyle style = GPOINTER_TO_INT (data);
  Gauge gauge;
  g_autoptr(Canvas) full = NULL;
  g_autoptr(Canvas) over = NULL;
  g_autoptr(Canvas) flagged = NULL;
  const ScRgba *green;

  gauge_init (&gauge, style, SC_DIRECTION_HIGHER_BETTER, 500);
  g_assert_true (gauge.spec.overshoot);
  g_assert_cmpfloat_with_epsilon (gauge.spec.scale_max, TARGET * 3.0, 1e-9);
  green = &gauge.palette.zone[SC_ZONE_GOOD];

  over = gauge_draw (&gauge);

  gauge.spec.value = gauge.spec.scale_max;
  gauge.spec.overshoot = FALSE;
  full = gauge_draw (&gauge);

  gauge.spec.overshoot = TRUE;
  flagged = gauge_draw (&gauge);

  /* Both marked pictures have green where the full one has nothing. */
  canvas_assert (over, count_differences (over, full, green) >= 20,
                 "%s: overshoot mark", gauge.what);
  canvas_assert (flagged, count_differences (flagged, full, green) >= 20,
                 "%s: overshoot mark when flagged", gauge.what);
  canvas_assert (full, count_differences (full, over, green) == 0,
                 "%s: no mark without overshoot", gauge.what);
  canvas_assert (over, canvas_margin_is_clear (over), "%s: margin", gauge.what);
}

/* Nothing outside the area, at any size, value or palette. */
static void
test_gauge_bounds (gconstpointer data)
{
  ScGaugeStyle style = GPOINTER_TO_INT (data);
  const double values[] = { -2000, 0, 1500, 1e9, NAN, INFINITY };
  const int extra_sizes[][2] = { { 40, 40 }, { 600, 80 }, { 80, 600 }, { 3, 2 }, { 1000, 1000 } };
  void (*inits[]) (ScPaintPalette *) = {
    sc_paint_palette_init_light,
    sc_paint_palette_init_dark,
    sc_paint_palette_init_high_contrast,
  };

  for (guint s = 0; s < G_N_ELEMENTS (extra_sizes); s++)
    for (guint v = 0; v < G_N_ELEMENTS (values); v++)
      {
        Gauge gauge;
        g_autoptr(Canvas) canvas = NULL;
        int width = extra_sizes[s][0];
        int height = extra_sizes[s][1];

        gauge_init (&gauge, style, SC_DIRECTION_HIGHER_BETTER, 100);
        inits[(s + v) % G_N_ELEMENTS (inits)] (&gauge.palette);
        gauge.spec.value = values[v];
        gauge.spec.overshoot = TRUE;
        gauge.spec.value_text = "$ 1,234,567,890.00";
        gauge.spec.caption = "of a rather long caption that cannot fit";

        canvas = canvas_new (width, height, MARGIN);
        sc_gauge_paint (canvas->cr, width, height, &gauge.spec);
        canvas_assert (canvas, canvas_margin_is_clear (canvas),
                       "%s-%dx%d-value-%g: margin", gauge.what, width, height, values[v]);
        if (width >= 40)
          canvas_assert (canvas, canvas_count_drawn (canvas) > 0,
                         "%s-%dx%d: something drawn", gauge.what, width, height);
      }
}

/* Degenerate specs draw what they can and never crash. */
static void
test_gauge_degenerate (gconstpointer data)
{
  ScGaugeStyle style = GPOINTER_TO_INT (data);
  ScGaugeSpec spec = { 0 };
  g_autoptr(Canvas) canvas = canvas_new (200, 200, MARGIN);
  const ScZone odd_zones[] = {
    { 50, 10, SC_ZONE_GOOD },
    { NAN, 3, SC_ZONE_BAD },
    { 0, 100, (ScZoneKind)42 },
  };

  /* No zones, no texts, no palette, an empty scale. */
  spec.style = style;
  sc_gauge_paint (canvas->cr, 200, 200, &spec);
  spec.scale_max = 100;
  spec.value = 40;
  sc_gauge_paint (canvas->cr, 200, 200, &spec);

  spec.zones = odd_zones;
  spec.n_zones = G_N_ELEMENTS (odd_zones);
  spec.scale_min = 100;
  spec.scale_max = 0;
  sc_gauge_paint (canvas->cr, 200, 200, &spec);
  sc_gauge_paint (canvas->cr, 0, 200, &spec);
  sc_gauge_paint (canvas->cr, NAN, INFINITY, &spec);

  canvas_assert (canvas, canvas_margin_is_clear (canvas), "%s-degenerate", style_names[style]);
}

static void
test_gauge_geometry (void)
{
  ScGaugeSpec spec = { 0 };
  double x, y, cx, cy;

  spec.scale_min = 100;
  spec.scale_max = 300;
  g_assert_cmpfloat (sc_gauge_fraction (&spec, 200), ==, 0.5);
  g_assert_cmpfloat (sc_gauge_fraction (&spec, 0), ==, 0.0);
  g_assert_cmpfloat (sc_gauge_fraction (&spec, 1e9), ==, 1.0);
  g_assert_cmpfloat (sc_gauge_fraction (&spec, NAN), ==, 0.0);

  /* Speedometer: min on the left, max on the right, middle at the top. */
  spec.style = SC_GAUGE_STYLE_SPEEDOMETER;
  sc_gauge_point_at (&spec, 320, 220, 100, 0.0, &cx, &cy);
  sc_gauge_point_at (&spec, 320, 220, 100, 1.0, &x, &y);
  g_assert_cmpfloat (x, <, cx - 50);
  g_assert_cmpfloat_with_epsilon (y, cy, 1e-6);
  sc_gauge_point_at (&spec, 320, 220, 300, 1.0, &x, &y);
  g_assert_cmpfloat (x, >, cx + 50);
  g_assert_cmpfloat_with_epsilon (y, cy, 1e-6);
  sc_gauge_point_at (&spec, 320, 220, 200, 1.0, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, cx, 1e-6);
  g_assert_cmpfloat (y, <, cy - 50);

  /* Circular: the gap is at the bottom. */
  spec.style = SC_GAUGE_STYLE_CIRCULAR;
  sc_gauge_point_at (&spec, 300, 240, 100, 0.0, &cx, &cy);
  sc_gauge_point_at (&spec, 300, 240, 100, 1.0, &x, &y);
  g_assert_cmpfloat (x, <, cx);
  g_assert_cmpfloat (y, >, cy);
  sc_gauge_point_at (&spec, 300, 240, 300, 1.0, &x, &y);
  g_assert_cmpfloat (x, >, cx);
  g_assert_cmpfloat (y, >, cy);

  /* Linear runs left to right, thermometer bottom to top. */
  spec.style = SC_GAUGE_STYLE_LINEAR;
  sc_gauge_point_at (&spec, 400, 100, 100, 0.0, &cx, &cy);
  sc_gauge_point_at (&spec, 400, 100, 300, 0.0, &x, &y);
  g_assert_cmpfloat (x, >, cx + 300);
  g_assert_cmpfloat (y, ==, cy);
  spec.style = SC_GAUGE_STYLE_THERMOMETER;
  sc_gauge_point_at (&spec, 240, 260, 100, 0.0, &cx, &cy);
  sc_gauge_point_at (&spec, 240, 260, 300, 0.0, &x, &y);
  g_assert_cmpfloat (x, ==, cx);
  g_assert_cmpfloat (y, <, cy - 100);
}

/* Same picture, twice as large: everything scales. */
static void
test_gauge_scales (gconstpointer data)
{
  ScGaugeStyle style = GPOINTER_TO_INT (data);
  const int *size = sizes[style];
  Gauge gauge;
  double x1, y1, x2, y2;

  gauge_init (&gauge, style, SC_DIRECTION_HIGHER_BETTER, 75);

  sc_gauge_point_at (&gauge.spec, size[0], size[1], gauge.spec.value, 1.0, &x1, &y1);
  sc_gauge_point_at (&gauge.spec, size[0] * 2, size[1] * 2, gauge.spec.value, 1.0, &x2, &y2);
  g_assert_cmpfloat (fabs (x2 - 2 * x1), <, 3.0);
  g_assert_cmpfloat (fabs (y2 - 2 * y1), <, 3.0);
}

static void
add_style_test (const char         *name,
                ScGaugeStyle        style,
                GTestDataFunc       func)
{
  g_autofree char *path = g_strdup_printf ("/paint/gauge/%s/%s", style_names[style], name);

  g_test_add_data_func (path, GINT_TO_POINTER (style), func);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  for (ScGaugeStyle style = 0; style < G_N_ELEMENTS (style_names); style++)
    {
      add_style_test ("zones", style, test_gauge_zones);
      if (style != SC_GAUGE_STYLE_SPEEDOMETER)
        add_style_test ("fill", style, test_gauge_fill);
      add_style_test ("target", style, test_gauge_target);
      add_style_test ("lower-better", style, test_gauge_lower_better);
      add_style_test ("overshoot", style, test_gauge_overshoot);
      add_style_test ("bounds", style, test_gauge_bounds);
      add_style_test ("degenerate", style, test_gauge_degenerate);
      add_style_test ("scales", style, test_gauge_scales);
    }
  g_test_add_func ("/paint/gauge/speedometer/needle", test_gauge_needle);
  g_test_add_func ("/paint/gauge/geometry", test_gauge_geometry);

  ret = g_test_run ();
  paint_test_shutdown ();

  return ret;
}
