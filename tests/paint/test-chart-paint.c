/* test-chart-paint.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-test"

#include "config.h"

#include <math.h>

#include "paint-test-utils.h"
#include "sc-chart-paint.h"
#include "sc-paint-private.h"

#define WIDTH  640
#define HEIGHT 280
#define MARGIN 16
#define DAY    G_GINT64_CONSTANT (86400)
#define START  G_GINT64_CONSTANT (1767225600) /* 2026-01-01 */

typedef struct
{
  ScPaintPalette  palette;
  ScChartPoint   *points;
  ScChartSpec     spec;
} Chart;

static void
chart_init (Chart *chart,
            guint  n_points,
            gint64 spacing)
{
  memset (chart, 0, sizeof *chart);
  sc_paint_palette_init_light (&chart->palette);

  chart->points = g_new0 (ScChartPoint, MAX (n_points, 1));
  for (guint i = 0; i < n_points; i++)
    {
      chart->points[i].time = START + (gint64)i * spacing;
      chart->points[i].value = 1000.0 + 400.0 * sin (i * 6.0 / MAX (n_points, 2));
    }

  chart->spec.points = chart->points;
  chart->spec.n_points = n_points;
  chart->spec.hover_index = -1;
  chart->spec.palette = &chart->palette;
}

static void
chart_clear (Chart *chart)
{
  g_clear_pointer (&chart->points, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Chart, chart_clear)

static Canvas *
chart_draw (Chart *chart)
{
  Canvas *canvas = canvas_new (WIDTH, HEIGHT, MARGIN);

  sc_chart_paint (canvas->cr, WIDTH, HEIGHT, &chart->spec);

  return canvas;
}

/* The line passes through every point, with the area filled below it. */
static void
test_chart_points (void)
{
  g_auto(Chart) chart;
  g_autoptr(Canvas) canvas = NULL;
  double previous_x = -1.0;

  chart_init (&chart, 20, DAY);
  canvas = chart_draw (&chart);

  for (guint i = 0; i < chart.spec.n_points; i++)
    {
      double x, y;
      ScRgba below;

      sc_chart_point_position (&chart.spec, WIDTH, HEIGHT, i, &x, &y);
      g_assert_cmpfloat (x, >, previous_x);
      g_assert_cmpfloat (x, >=, 0.0);
      g_assert_cmpfloat (x, <=, WIDTH);
      g_assert_cmpfloat (y, >=, 0.0);
      g_assert_cmpfloat (y, <=, HEIGHT);
      previous_x = x;

      canvas_assert (canvas, canvas_pixel_is (canvas, x, y, &chart.palette.accent, 0.9),
                     "chart-points: point %u at (%.0f, %.0f)", i, x, y);

      /* Well above the line: no line colour. Below: the faint area. */
      canvas_assert (canvas, !canvas_find_near (canvas, x, y - 25, 1, &chart.palette.accent, 0.5),
                     "chart-points: nothing above point %u", i);
      /* The last point is on the plot's right edge: look just inside. */
      below = canvas_pixel (canvas, i + 1 == chart.spec.n_points ? x - 1 : x, y + 12);
      canvas_assert (canvas, below.alpha > 0.1 && below.alpha < 0.5 && below.blue > below.red,
                     "chart-points: area below point %u", i);
    }

  /* Higher values are drawn higher. */
  {
    double y_low, y_high, x;
    guint low = 0, high = 0;

    for (guint i = 0; i < chart.spec.n_points; i++)
      {
        if (chart.points[i].value < chart.points[low].value)
          low = i;
        if (chart.points[i].value > chart.points[high].value)
          high = i;
      }
    sc_chart_point_position (&chart.spec, WIDTH, HEIGHT, low, &x, &y_low);
    sc_chart_point_position (&chart.spec, WIDTH, HEIGHT, high, &x, &y_high);
    g_assert_cmpfloat (y_high, <, y_low - 100);
  }

  canvas_assert (canvas, canvas_margin_is_clear (canvas), "chart-points: margin");
}

/* The target is a dashed line at the target's height. */
static void
test_chart_target (void)
{
  g_auto(Chart) chart;
  g_autoptr(Canvas) canvas = NULL;
  double x0, y0, x1, y1, y_target;
  guint hits = 0, columns = 0;

  chart_init (&chart, 2, 30 * DAY);
  chart.points[0].value = 100.0;
  chart.points[1].value = 200.0;
  chart.spec.target = 500.0;
  chart.spec.show_target = TRUE;
  canvas = chart_draw (&chart);

  /* y is linear in the value: extrapolate from the two points. */
  sc_chart_point_position (&chart.spec, WIDTH, HEIGHT, 0, &x0, &y0);
  sc_chart_point_position (&chart.spec, WIDTH, HEIGHT, 1, &x1, &y1);
  y_target = y0 + (500.0 - 100.0) / (200.0 - 100.0) * (y1 - y0);
  g_assert_cmpfloat (y_target, >, 0.0);
  g_assert_cmpfloat (y_target, <, y1 - 20);

  for (double x = x0 + 2; x < x1 - 2; x += 1.0, columns++)
    {
      if (canvas_pixel_is (canvas, x, y_target, &chart.palette.target, 0.4))
        hits++;
      const ScRgba *target = &chart.palette.target;

      canvas_assert (canvas, !canvas_pixel_is (canvas, x, y_target - 5, target, 0.2) &&
                             !canvas_pixel_is (canvas, x, y_target + 5, target, 0.2),
                     "chart-target: only at the target's height");
    }

  /* Dashes: about 6 on, 4 off. */
  canvas_assert (canvas, hits > columns * 0.4 && hits < columns * 0.8,
                 "chart-target: dashed line at y %.1f (%u of %u)", y_target, hits, columns);

  chart.spec.show_target = FALSE;
  g_clear_pointer (&canvas, canvas_free);
  canvas = chart_draw (&chart);
  for (double x = x0 + 2; x < x1 - 2; x += 1.0)
    canvas_assert (canvas, !canvas_pixel_is (canvas, x, y_target, &chart.palette.target, 0.4),
                   "chart-target: hidden");
}

/* The hovered point gets a guide and a ringed marker. */
static void
test_chart_hover (void)
{
  g_auto(Chart) chart;
  g_autoptr(Canvas) plain = NULL;
  g_autoptr(Canvas) hover = NULL;
  double x, y;
  guint index = 60;
  double guide_x;

  chart_init (&chart, 90, DAY);
  plain = chart_draw (&chart);
  chart.spec.hover_index = index;
  hover = chart_draw (&chart);

  sc_chart_point_position (&chart.spec, WIDTH, HEIGHT, index, &x, &y);

  canvas_assert (hover, canvas_pixel_is (hover, x, y, &chart.palette.accent, 0.9),
                 "chart-hover: marker");
  /* The ring in the background colour sets the marker off the line. */
  canvas_assert (hover, canvas_find_near (hover, x, y - 5, 0.5, &chart.palette.background, 0.9),
                 "chart-hover: ring");
  canvas_assert (plain, !canvas_find_near (plain, x, y - 5, 0.5, &chart.palette.background, 0.9),
                 "chart-hover: no ring without hover");

  /* The guide runs the height of the plot, here above the line. */
  g_assert_cmpfloat (y, >, 100);
  guide_x = floor (x) + 0.5;
  for (double dy = 20; dy < 60; dy += 10)
    {
      double gy = y - dy;

      canvas_assert (hover, canvas_pixel_is (hover, guide_x, gy, &chart.palette.dim_text, 0.2),
                     "chart-hover: guide at y %.0f", gy);
    }

  /* Out of range: ignored. */
  chart.spec.hover_index = 1000;
  g_clear_pointer (&hover, canvas_free);
  hover = chart_draw (&chart);
  canvas_assert (hover, !canvas_find_near (hover, x, y - 5, 0.5, &chart.palette.background, 0.9),
                 "chart-hover: out of range");
}

static void
test_chart_hit_test (void)
{
  g_auto(Chart) chart;
  double x0, y0, x1, y1;

  chart_init (&chart, 10, DAY);

  for (guint i = 0; i < chart.spec.n_points; i++)
    {
      double x, y;

      sc_chart_point_position (&chart.spec, WIDTH, HEIGHT, i, &x, &y);
      g_assert_cmpint (sc_chart_hit_test (&chart.spec, WIDTH, HEIGHT, x, y), ==, i);
      g_assert_cmpint (sc_chart_hit_test (&chart.spec, WIDTH, HEIGHT, x + 3, HEIGHT / 2), ==, i);
    }

  /* Nearest by x. */
  sc_chart_point_position (&chart.spec, WIDTH, HEIGHT, 4, &x0, &y0);
  sc_chart_point_position (&chart.spec, WIDTH, HEIGHT, 5, &x1, &y1);
  g_assert_cmpint (sc_chart_hit_test (&chart.spec, WIDTH, HEIGHT, x0 + (x1 - x0) * 0.4, y0), ==, 4);
  g_assert_cmpint (sc_chart_hit_test (&chart.spec, WIDTH, HEIGHT, x0 + (x1 - x0) * 0.6, y0), ==, 5);

  /* Points without a value are passed over. */
  chart.points[5].value = NAN;
  g_assert_cmpint (sc_chart_hit_test (&chart.spec, WIDTH, HEIGHT, x1, y0), !=, 5);

  /* Outside the plot: the labels, the corners, beyond the area. */
  g_assert_cmpint (sc_chart_hit_test (&chart.spec, WIDTH, HEIGHT, 2, 2), ==, -1);
  g_assert_cmpint (sc_chart_hit_test (&chart.spec, WIDTH, HEIGHT, WIDTH / 2, HEIGHT - 1), ==, -1);
  g_assert_cmpint (sc_chart_hit_test (&chart.spec, WIDTH, HEIGHT, -50, HEIGHT / 2), ==, -1);
  g_assert_cmpint (sc_chart_hit_test (&chart.spec, WIDTH, HEIGHT, WIDTH + 50, HEIGHT / 2), ==, -1);

  chart.spec.n_points = 0;
  g_assert_cmpint (sc_chart_hit_test (&chart.spec, WIDTH, HEIGHT, WIDTH / 2, HEIGHT / 2), ==, -1);
}

/* No points: an empty frame with grid and labels; one point: a dot. */
static void
test_chart_empty_and_single (void)
{
  g_auto(Chart) chart;
  g_autoptr(Canvas) canvas = NULL;
  double x, y;

  chart_init (&chart, 0, DAY);
  canvas = chart_draw (&chart);
  canvas_assert (canvas, canvas_count_drawn (canvas) > 0, "chart-empty: grid drawn");
  canvas_assert (canvas, canvas_count (canvas, &chart.palette.accent, 0.5) == 0,
                 "chart-empty: no line");
  canvas_assert (canvas, canvas_margin_is_clear (canvas), "chart-empty: margin");

  /* Empty with a target, zones and a time range. */
  {
    const ScZone zones[] = {
      { 0, 70, SC_ZONE_BAD },
      { 70, 95, SC_ZONE_WARN },
      { 95, 120, SC_ZONE_GOOD },
    };

    chart.spec.zones = zones;
    chart.spec.n_zones = G_N_ELEMENTS (zones);
    chart.spec.target = 100;
    chart.spec.show_target = TRUE;
    chart.spec.time_min = START;
    chart.spec.time_max = START + 30 * DAY;
    chart.spec.hover_index = 0;
    g_clear_pointer (&canvas, canvas_free);
    canvas = chart_draw (&chart);
    canvas_assert (canvas, canvas_margin_is_clear (canvas), "chart-empty-target: margin");
    g_assert_cmpint (sc_chart_hit_test (&chart.spec, WIDTH, HEIGHT, WIDTH / 2, HEIGHT / 2), ==, -1);
  }

  chart_clear (&chart);
  chart_init (&chart, 1, DAY);
  canvas_free (g_steal_pointer (&canvas));
  canvas = chart_draw (&chart);
  sc_chart_point_position (&chart.spec, WIDTH, HEIGHT, 0, &x, &y);
  g_assert_true (isfinite (x) && isfinite (y));
  canvas_assert (canvas, canvas_pixel_is (canvas, x, y, &chart.palette.accent, 0.9),
                 "chart-single: dot at (%.0f, %.0f)", x, y);
  /* A single point sits in the middle. */
  g_assert_cmpfloat (fabs (x - WIDTH / 2.0), <, WIDTH / 4.0);
  g_assert_cmpint (sc_chart_hit_test (&chart.spec, WIDTH, HEIGHT, x + 40, y), ==, 0);
  canvas_assert (canvas, canvas_margin_is_clear (canvas), "chart-single: margin");
}

/* Ten thousand points draw in one call, thinned but faithful. */
static void
test_chart_many_points (void)
{
  g_auto(Chart) chart;
  g_autoptr(Canvas) canvas = NULL;
  guint n = 10000;

  chart_init (&chart, n, 600);
  chart.spec.hover_index = n / 2;
  canvas = chart_draw (&chart);

  for (guint i = 0; i < n; i += 397)
    {
      double x, y;

      sc_chart_point_position (&chart.spec, WIDTH, HEIGHT, i, &x, &y);
      canvas_assert (canvas, canvas_find_near (canvas, x, y, 2, &chart.palette.accent, 0.9),
                     "chart-many: point %u at (%.0f, %.0f)", i, x, y);
    }

  g_assert_cmpint (sc_chart_hit_test (&chart.spec, WIDTH, HEIGHT, WIDTH / 2, HEIGHT / 2), >=, 0);
  canvas_assert (canvas, canvas_margin_is_clear (canvas), "chart-many: margin");
}

/* Spikes survive thinning: each column keeps its extremes. */
static void
test_chart_decimate (void)
{
  ScPaintPoint points[] = {
    { 0.1, 5 }, { 0.5, 9 }, { 0.7, 1 }, { 0.9, 5 },
    { 1.2, 3 },
    { 2.0, 4 }, { 2.5, 4 },
  };
  guint n = _sc_paint_decimate (points, G_N_ELEMENTS (points));

  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpfloat (points[0].y, ==, 9);
  g_assert_cmpfloat (points[1].y, ==, 1);
  g_assert_cmpfloat (points[2].y, ==, 3);
  g_assert_cmpfloat (points[3].y, ==, 4);
}

/* Bad input draws what it can. */
static void
test_chart_degenerate (void)
{
  g_auto(Chart) chart;
  g_autoptr(Canvas) canvas = NULL;

  chart_init (&chart, 30, DAY);
  chart.points[3].value = NAN;
  chart.points[4].value = INFINITY;
  chart.spec.value_min = 5000;
  chart.spec.value_max = 6000;
  canvas = chart_draw (&chart);
  canvas_assert (canvas, canvas_margin_is_clear (canvas), "chart-range: margin");

  /* All at one value and one time. */
  for (guint i = 0; i < chart.spec.n_points; i++)
    {
      chart.points[i].time = START;
      chart.points[i].value = 7;
    }
  chart.spec.value_min = chart.spec.value_max = 0;
  sc_chart_paint (canvas->cr, WIDTH, HEIGHT, &chart.spec);

  /* Tiny and empty areas, far-off dates. */
  chart.points[0].time = G_GINT64_CONSTANT (-62135596800);
  chart.points[chart.spec.n_points - 1].time = G_GINT64_CONSTANT (253402300799);
  sc_chart_paint (canvas->cr, 30, 20, &chart.spec);
  sc_chart_paint (canvas->cr, 0, 0, &chart.spec);
  sc_chart_paint (canvas->cr, WIDTH, HEIGHT, &chart.spec);
  canvas_assert (canvas, canvas_margin_is_clear (canvas), "chart-degenerate: margin");
}

/* Value labels are short; dates are in UTC. */
static void
test_chart_labels (void)
{
  const struct
  {
    double      value;
    double      step;
    const char *text;
  } cases[] = {
    { 0, 200, "0" },
    { 950, 50, "950" },
    { 1000, 200, "1k" },
    { 1200, 200, "1.2k" },
    { 1250, 250, "1.25k" },
    { 3400000, 200000, "3.4M" },
    { 2.5e9, 5e8, "2.5B" },
    { 0.25, 0.25, "0.25" },
    { 0.5, 0.25, "0.5" },
    { -1500, 500, "−1.5k" },
    { 1e-12, 0.5, "0" },
  };
  g_auto(Chart) chart;
  g_autoptr(Canvas) canvas = NULL;
  guint drawn = 0;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = _sc_paint_format_compact (cases[i].value, cases[i].step);

      g_assert_cmpstr (text, ==, cases[i].text);
    }

  g_assert_cmpfloat (_sc_paint_nice_step (0.9), ==, 1.0);
  g_assert_cmpfloat (_sc_paint_nice_step (1.1), ==, 2.0);
  g_assert_cmpfloat (_sc_paint_nice_step (240), ==, 250.0);
  g_assert_cmpfloat (_sc_paint_nice_step (3), ==, 5.0);
  g_assert_cmpfloat (_sc_paint_nice_step (7000), ==, 10000.0);

  /* Something is written under the plot and left of it. */
  chart_init (&chart, 60, DAY);
  canvas = chart_draw (&chart);
  for (int y = HEIGHT - 20; y < HEIGHT; y++)
    for (int x = 0; x < WIDTH; x++)
      if (canvas_pixel (canvas, x, y).alpha > 0.3)
        drawn++;
  canvas_assert (canvas, drawn > 50, "chart-labels: dates");
  drawn = 0;
  for (int y = 0; y < HEIGHT - 30; y++)
    for (int x = 0; x < 40; x++)
      if (canvas_pixel (canvas, x, y).alpha > 0.3)
        drawn++;
  canvas_assert (canvas, drawn > 50, "chart-labels: values");
}

/* A forecast that goes on from the chart's last point, one day at a time,
 * its intervals widening.
 */
static ScChartForecastPoint *
forecast_new (const Chart *chart,
              guint        n)
{
  const ScChartPoint *last = &chart->points[chart->spec.n_points - 1];
  ScChartForecastPoint *forecast = g_new0 (ScChartForecastPoint, n);

  for (guint i = 0; i < n; i++)
    {
      double spread = 60.0 + 20.0 * i;

      forecast[i].time = last->time + (gint64)(i + 1) * DAY;
      forecast[i].mean = last->value + 15.0 * (i + 1);
      forecast[i].lower80 = forecast[i].mean - 1.2816 * spread;
      forecast[i].upper80 = forecast[i].mean + 1.2816 * spread;
      forecast[i].lower95 = forecast[i].mean - 1.96 * spread;
      forecast[i].upper95 = forecast[i].mean + 1.96 * spread;
    }

  return forecast;
}

/* y is linear in the value: the pixel row of @value, from two points. */
static double
y_for_value (const ScChartSpec *spec,
             double             value)
{
  guint low = 0, high = 0;
  double x, y_low, y_high;

  for (guint i = 0; i < spec->n_points; i++)
    {
      if (spec->points[i].value < spec->points[low].value)
        low = i;
      if (spec->points[i].value > spec->points[high].value)
        high = i;
    }
  g_assert_cmpuint (low, !=, high);

  sc_chart_point_position (spec, WIDTH, HEIGHT, low, &x, &y_low);
  sc_chart_point_position (spec, WIDTH, HEIGHT, high, &x, &y_high);

  return y_low + (value - spec->points[low].value) /
                 (spec->points[high].value - spec->points[low].value) * (y_high - y_low);
}

/* Whether most pixels of the column from @y1 to @y2 are the accent colour
 * with an alpha between @min_alpha and @max_alpha: one grid line may cross.
 */
static gboolean
column_is_tinted (Canvas       *canvas,
                  const ScRgba *accent,
                  double        x,
                  double        y1,
                  double        y2,
                  double        min_alpha,
                  double        max_alpha)
{
  guint tinted = 0, total = 0;

  for (double y = ceil (y1); y <= floor (y2); y += 1.0, total++)
    {
      ScRgba pixel = canvas_pixel (canvas, x, y);

      if (pixel.alpha <= max_alpha && rgba_matches (&pixel, accent, min_alpha, 0.1))
        tinted++;
    }

  return total > 0 && tinted * 4 >= total * 3;
}

/* The bands and the dashed mean go on from the last point. */
static void
test_chart_forecast (void)
{
  g_auto(Chart) chart;
  g_autoptr(Canvas) canvas = NULL;
  g_autofree ScChartForecastPoint *forecast = NULL;
  const ScRgba *accent;
  guint n_forecast = 10;
  guint last;
  double last_x, last_y, x, y;
  guint solid = 0, samples = 0;
  gboolean now_line = FALSE;

  chart_init (&chart, 20, DAY);
  accent = &chart.palette.accent;
  last = chart.spec.n_points - 1;

  forecast = forecast_new (&chart, n_forecast);
  chart.spec.forecast = forecast;
  chart.spec.n_forecast = n_forecast;
  canvas = chart_draw (&chart);

  /* The time axis reaches the last forecast point, the value axis its
   * widest bounds. */
  sc_chart_point_position (&chart.spec, WIDTH, HEIGHT, last, &last_x, &last_y);
  sc_chart_forecast_position (&chart.spec, WIDTH, HEIGHT, n_forecast - 1, &x, &y);
  g_assert_cmpfloat (last_x, <, WIDTH * 0.8);
  g_assert_cmpfloat (x, >, WIDTH - 20);
  g_assert_cmpfloat (x, <=, WIDTH);
  g_assert_cmpfloat (y_for_value (&chart.spec, forecast[n_forecast - 1].upper95), >=, 0.0);
  g_assert_cmpfloat (y_for_value (&chart.spec, forecast[n_forecast - 1].lower95), <=, HEIGHT - 20);

  /* Just right of the last point: the 95 % band is faintly tinted, the 80 %
   * band more, and above the 95 % bound there is nothing. */
  for (guint i = 0; i < 3; i++)
    {
      double upper95, upper80, lower80, lower95;

      sc_chart_forecast_position (&chart.spec, WIDTH, HEIGHT, i, &x, &y);
      upper95 = y_for_value (&chart.spec, forecast[i].upper95);
      upper80 = y_for_value (&chart.spec, forecast[i].upper80);
      lower80 = y_for_value (&chart.spec, forecast[i].lower80);
      lower95 = y_for_value (&chart.spec, forecast[i].lower95);
      g_assert_cmpfloat (upper80 - upper95, >, 4.0);

      canvas_assert (canvas, column_is_tinted (canvas, accent, x, upper95 + 1, upper80 - 1, 0.08, 0.17),
                     "chart-forecast: 95 %% band above forecast %u", i);
      canvas_assert (canvas, column_is_tinted (canvas, accent, x, lower80 + 1, lower95 - 1, 0.08, 0.17),
                     "chart-forecast: 95 %% band below forecast %u", i);
      canvas_assert (canvas, column_is_tinted (canvas, accent, x, upper80 + 1, y - 3, 0.17, 0.28),
                     "chart-forecast: 80 %% band above forecast %u", i);
      canvas_assert (canvas, !canvas_find_near (canvas, x, upper95 - 6, 3, accent, 0.03),
                     "chart-forecast: background above forecast %u", i);
    }

  /* The dashed mean passes through the forecast points, and on from the
   * last actual point without a gap. */
  for (guint i = 0; i < n_forecast; i++)
    {
      sc_chart_forecast_position (&chart.spec, WIDTH, HEIGHT, i, &x, &y);
      canvas_assert (canvas, canvas_find_near (canvas, x, y, 3, accent, 0.9),
                     "chart-forecast: mean at forecast %u (%.0f, %.0f)", i, x, y);
    }
  sc_chart_forecast_position (&chart.spec, WIDTH, HEIGHT, 0, &x, &y);
  canvas_assert (canvas, canvas_find_along (canvas, last_x + 1, last_y, last_x + 3, last_y, accent) ||
                         canvas_find_near (canvas, last_x + 2, last_y, 2, accent, 0.9),
                 "chart-forecast: joined to the last point");

  for (guint i = 2; i + 1 < n_forecast; i++)
    {
      double x1, y1, x2, y2;

      sc_chart_forecast_position (&chart.spec, WIDTH, HEIGHT, i, &x1, &y1);
      sc_chart_forecast_position (&chart.spec, WIDTH, HEIGHT, i + 1, &x2, &y2);
      for (double t = 0.0; t < 1.0; t += 0.1, samples++)
        if (canvas_pixel_is (canvas, x1 + t * (x2 - x1), y1 + t * (y2 - y1), accent, 0.9))
          solid++;
    }
  canvas_assert (canvas, solid > samples * 0.35 && solid < samples * 0.85,
                 "chart-forecast: dashed mean (%u of %u solid)", solid, samples);

  /* A dotted line at the last actual time, above the data. */
  for (double dy = 0; dy < 12; dy += 1.0)
    if (canvas_pixel (canvas, floor (last_x) + 0.5, 12 + dy).alpha > 0.1)
      now_line = TRUE;
  canvas_assert (canvas, now_line, "chart-forecast: now line at x %.1f", last_x);

  /* Hovering a forecast point marks it hollow: accent ring, background
   * inside. */
  chart.spec.hover_forecast = 4;
  g_clear_pointer (&canvas, canvas_free);
  canvas = chart_draw (&chart);
  sc_chart_forecast_position (&chart.spec, WIDTH, HEIGHT, 3, &x, &y);
  canvas_assert (canvas, canvas_pixel_is (canvas, x, y, &chart.palette.background, 0.9),
                 "chart-forecast: hover marker hollow");
  canvas_assert (canvas, canvas_find_near (canvas, x, y - 3, 1, accent, 0.9),
                 "chart-forecast: hover marker ring");
  canvas_assert (canvas, canvas_margin_is_clear (canvas), "chart-forecast: margin");

  /* Without actual points the forecast still draws, on its own. */
  chart.spec.n_points = 0;
  chart.spec.hover_forecast = 0;
  g_clear_pointer (&canvas, canvas_free);
  canvas = chart_draw (&chart);
  sc_chart_forecast_position (&chart.spec, WIDTH, HEIGHT, 5, &x, &y);
  canvas_assert (canvas, canvas_find_near (canvas, x, y, 3, accent, 0.9),
                 "chart-forecast-alone: mean");
  canvas_assert (canvas, canvas_margin_is_clear (canvas), "chart-forecast-alone: margin");
}

static void
test_chart_forecast_hit_test (void)
{
  g_auto(Chart) chart;
  g_autofree ScChartForecastPoint *forecast = NULL;
  guint n_forecast = 6;
  guint last;
  double last_x, last_y, x0, y0;

  chart_init (&chart, 10, DAY);
  last = chart.spec.n_points - 1;
  forecast = forecast_new (&chart, n_forecast);
  chart.spec.forecast = forecast;
  chart.spec.n_forecast = n_forecast;

  for (guint i = 0; i < n_forecast; i++)
    {
      double x, y;

      sc_chart_forecast_position (&chart.spec, WIDTH, HEIGHT, i, &x, &y);
      g_assert_cmpint (sc_chart_hit_test_forecast (&chart.spec, WIDTH, HEIGHT, x, y), ==, i);
      g_assert_cmpint (sc_chart_hit_test_forecast (&chart.spec, WIDTH, HEIGHT, x + 3, HEIGHT / 2), ==, i);
      /* Actual points are still found as before: the last is nearest. */
      g_assert_cmpint (sc_chart_hit_test (&chart.spec, WIDTH, HEIGHT, x, y), ==, last);
    }

  /* The forecast region starts halfway to the first forecast point. */
  sc_chart_point_position (&chart.spec, WIDTH, HEIGHT, last, &last_x, &last_y);
  sc_chart_forecast_position (&chart.spec, WIDTH, HEIGHT, 0, &x0, &y0);
  g_assert_cmpint (sc_chart_hit_test_forecast (&chart.spec, WIDTH, HEIGHT, last_x, last_y), ==, -1);
  g_assert_cmpint (sc_chart_hit_test_forecast (&chart.spec, WIDTH, HEIGHT,
                                               last_x + (x0 - last_x) * 0.4, y0), ==, -1);
  g_assert_cmpint (sc_chart_hit_test_forecast (&chart.spec, WIDTH, HEIGHT,
                                               last_x + (x0 - last_x) * 0.6, y0), ==, 0);
  g_assert_cmpint (sc_chart_hit_test_forecast (&chart.spec, WIDTH, HEIGHT, WIDTH / 4, y0), ==, -1);

  /* Outside the plot. */
  g_assert_cmpint (sc_chart_hit_test_forecast (&chart.spec, WIDTH, HEIGHT, x0, HEIGHT - 1), ==, -1);
  g_assert_cmpint (sc_chart_hit_test_forecast (&chart.spec, WIDTH, HEIGHT, WIDTH + 50, y0), ==, -1);
  g_assert_cmpint (sc_chart_hit_test_forecast (&chart.spec, WIDTH, HEIGHT, x0, -50), ==, -1);

  /* Points without values are passed over. */
  forecast[1].mean = NAN;
  {
    double x1, y1;

    sc_chart_forecast_position (&chart.spec, WIDTH, HEIGHT, 1, &x1, &y1);
    g_assert_cmpint (sc_chart_hit_test_forecast (&chart.spec, WIDTH, HEIGHT, x1, y0), !=, 1);
    g_assert_cmpfloat (y1, >, HEIGHT / 2);
  }

  chart.spec.n_forecast = 0;
  g_assert_cmpint (sc_chart_hit_test_forecast (&chart.spec, WIDTH, HEIGHT, x0, y0), ==, -1);
}

/* Each anomaly is ringed in the bad zone's colour, over the line. */
static void
test_chart_anomalies (void)
{
  g_auto(Chart) chart;
  g_autoptr(Canvas) canvas = NULL;
  g_autoptr(Canvas) plain = NULL;
  const guint anomalies[] = { 5, 17, 20000 };
  const ScRgba *bad;
  static const double directions[][2] = { { 1, 0 }, { -1, 0 }, { 0, 1 }, { 0, -1 } };

  chart_init (&chart, 30, DAY);
  bad = &chart.palette.zone[SC_ZONE_BAD];
  chart.points[17].value = 2500.0;
  plain = chart_draw (&chart);
  chart.spec.anomalies = anomalies;
  chart.spec.n_anomalies = G_N_ELEMENTS (anomalies);
  canvas = chart_draw (&chart);

  for (guint i = 0; i < 2; i++)
    {
      double x, y;

      sc_chart_point_position (&chart.spec, WIDTH, HEIGHT, anomalies[i], &x, &y);
      for (guint d = 0; d < G_N_ELEMENTS (directions); d++)
        {
          double rx = x + 5.0 * directions[d][0];
          double ry = y + 5.0 * directions[d][1];

          canvas_assert (canvas, canvas_pixel_is (canvas, rx, ry, bad, 0.9),
                         "chart-anomalies: ring around point %u at (%.1f, %.1f)", anomalies[i], rx, ry);
          canvas_assert (plain, !canvas_pixel_is (plain, rx, ry, bad, 0.3),
                         "chart-anomalies: no ring without anomalies");
        }

      /* The point itself stays visible inside its ring. */
      canvas_assert (canvas, canvas_pixel_is (canvas, x, y, &chart.palette.accent, 0.9),
                     "chart-anomalies: point %u inside its ring", anomalies[i]);
    }

  /* Only the rings differ: about 2π × 5 × 2 pixels each. */
  {
    guint rings = canvas_count (canvas, bad, 0.5);

    canvas_assert (canvas, rings > 2 * 25 && rings < 2 * 100, "chart-anomalies: %u ring pixels", rings);
  }
  canvas_assert (canvas, canvas_margin_is_clear (canvas), "chart-anomalies: margin");
}

/* Rings are drawn from the points, so thinning cannot lose them. */
static void
test_chart_anomalies_many_points (void)
{
  g_auto(Chart) chart;
  g_autoptr(Canvas) canvas = NULL;
  guint n = 10000;
  const guint anomalies[] = { 1234, 5000, n - 1 };

  chart_init (&chart, n, 600);
  chart.points[1234].value = 2200.0;
  chart.points[1235].value = 300.0;
  chart.spec.anomalies = anomalies;
  chart.spec.n_anomalies = G_N_ELEMENTS (anomalies);
  canvas = chart_draw (&chart);

  for (guint i = 0; i < G_N_ELEMENTS (anomalies); i++)
    {
      double x, y;

      sc_chart_point_position (&chart.spec, WIDTH, HEIGHT, anomalies[i], &x, &y);
      canvas_assert (canvas, canvas_pixel_is (canvas, x, y - 5, &chart.palette.zone[SC_ZONE_BAD], 0.9),
                     "chart-anomalies-many: ring around point %u", anomalies[i]);
    }
  canvas_assert (canvas, canvas_margin_is_clear (canvas), "chart-anomalies-many: margin");
}

static gboolean
canvas_equal (Canvas *a,
              Canvas *b)
{
  int stride = cairo_image_surface_get_stride (a->surface);
  int rows = cairo_image_surface_get_height (a->surface);

  cairo_surface_flush (a->surface);
  cairo_surface_flush (b->surface);

  return stride == cairo_image_surface_get_stride (b->surface) &&
         rows == cairo_image_surface_get_height (b->surface) &&
         memcmp (cairo_image_surface_get_data (a->surface),
                 cairo_image_surface_get_data (b->surface),
                 (gsize)stride * rows) == 0;
}

/* Empty forecasts, anomalies and labels draw exactly what a spec without
 * them draws. */
static void
test_chart_extras_empty (void)
{
  g_auto(Chart) chart;
  g_autoptr(Canvas) before = NULL;
  g_autoptr(Canvas) after = NULL;
  g_autofree ScChartForecastPoint *forecast = NULL;
  const guint anomalies[] = { 3 };
  const ScZone zones[] = {
    { 0, 800, SC_ZONE_BAD },
    { 800, 1200, SC_ZONE_WARN },
    { 1200, 2000, SC_ZONE_GOOD },
  };

  chart_init (&chart, 40, DAY);
  chart.spec.zones = zones;
  chart.spec.n_zones = G_N_ELEMENTS (zones);
  chart.spec.target = 1300;
  chart.spec.show_target = TRUE;
  chart.spec.hover_index = 12;
  before = chart_draw (&chart);

  forecast = forecast_new (&chart, 5);
  chart.spec.forecast = forecast;
  chart.spec.n_forecast = 0;
  chart.spec.anomalies = anomalies;
  chart.spec.n_anomalies = 0;
  chart.spec.method_label = "";
  chart.spec.hover_forecast = 2;
  after = chart_draw (&chart);

  canvas_assert (after, canvas_equal (before, after), "chart-extras-empty: same pixels");
}

/* The method label sits above the plot's top left corner; the plot makes
 * room for it. */
static void
test_chart_method_label (void)
{
  g_auto(Chart) chart;
  g_autoptr(Canvas) plain = NULL;
  g_autoptr(Canvas) labelled = NULL;
  double x, y_plain, y_labelled;
  guint drawn_plain = 0, drawn_labelled = 0;

  chart_init (&chart, 30, DAY);
  plain = chart_draw (&chart);
  sc_chart_point_position (&chart.spec, WIDTH, HEIGHT, 0, &x, &y_plain);

  chart.spec.method_label = "Holt–Winters · backtest MASE 0.70";
  labelled = chart_draw (&chart);
  sc_chart_point_position (&chart.spec, WIDTH, HEIGHT, 0, &x, &y_labelled);

  for (int py = 0; py < 7; py++)
    for (int px = 60; px < 260; px++)
      {
        if (canvas_pixel (plain, px, py).alpha > 0.3)
          drawn_plain++;
        if (canvas_pixel_is (labelled, px, py, &chart.palette.dim_text, 0.2))
          drawn_labelled++;
      }

  canvas_assert (plain, drawn_plain == 0, "chart-method-label: nothing there without");
  canvas_assert (labelled, drawn_labelled > 30, "chart-method-label: drawn (%u)", drawn_labelled);
  g_assert_cmpfloat (y_labelled, !=, y_plain);
  g_assert_cmpint (sc_chart_hit_test (&chart.spec, WIDTH, HEIGHT, x, y_labelled), ==, 0);
  canvas_assert (labelled, canvas_margin_is_clear (labelled), "chart-method-label: margin");
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/paint/chart/points", test_chart_points);
  g_test_add_func ("/paint/chart/target", test_chart_target);
  g_test_add_func ("/paint/chart/hover", test_chart_hover);
  g_test_add_func ("/paint/chart/hit-test", test_chart_hit_test);
  g_test_add_func ("/paint/chart/empty-and-single", test_chart_empty_and_single);
  g_test_add_func ("/paint/chart/many-points", test_chart_many_points);
  g_test_add_func ("/paint/chart/decimate", test_chart_decimate);
  g_test_add_func ("/paint/chart/degenerate", test_chart_degenerate);
  g_test_add_func ("/paint/chart/labels", test_chart_labels);
  g_test_add_func ("/paint/chart/forecast", test_chart_forecast);
  g_test_add_func ("/paint/chart/forecast-hit-test", test_chart_forecast_hit_test);
  g_test_add_func ("/paint/chart/anomalies", test_chart_anomalies);
  g_test_add_func ("/paint/chart/anomalies-many-points", test_chart_anomalies_many_points);
  g_test_add_func ("/paint/chart/extras-empty", test_chart_extras_empty);
  g_test_add_func ("/paint/chart/method-label", test_chart_method_label);

  ret = g_test_run ();
  paint_test_shutdown ();

  return ret;
}
