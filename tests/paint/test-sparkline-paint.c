/* test-sparkline-paint.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-test"

#include "config.h"

#include <math.h>

#include "paint-test-utils.h"
#include "sc-sparkline-paint.h"

#define WIDTH  120
#define HEIGHT 32
#define MARGIN 8

static const ScRgba green = { 0x26 / 255.0, 0xa2 / 255.0, 0x69 / 255.0, 1.0 };

static Canvas *
sparkline_draw (const double *values,
                guint         n_values,
                gboolean      fill)
{
  Canvas *canvas = canvas_new (WIDTH, HEIGHT, MARGIN);

  sc_sparkline_paint (canvas->cr, WIDTH, HEIGHT, values, n_values, &green, fill);

  return canvas;
}

/* Rows (top to bottom) of the first and last opaque pixels of a column. */
static gboolean
column_extent (Canvas *canvas,
               int     x,
               int    *top,
               int    *bottom)
{
  *top = -1;
  *bottom = -1;

  for (int y = 0; y < canvas->height; y++)
    if (canvas_pixel_is (canvas, x, y, &green, 0.9))
      {
        if (*top < 0)
          *top = y;
        *bottom = y;
      }

  return *top >= 0;
}

/* A rising series climbs from bottom left to top right and ends in a dot. */
static void
test_sparkline_trend (void)
{
  double values[20];
  g_autoptr(Canvas) canvas = NULL;
  int top, bottom;
  int first = -1, last = -1;

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    values[i] = 10.0 + i;

  canvas = sparkline_draw (values, G_N_ELEMENTS (values), FALSE);

  for (int x = 0; x < WIDTH; x++)
    if (column_extent (canvas, x, &top, &bottom))
      {
        if (first < 0)
          first = x;
        last = x;
      }

  canvas_assert (canvas, first >= 0 && first < 6,
                 "sparkline-trend: starts at the left (%d)", first);
  canvas_assert (canvas, last > WIDTH - 6, "sparkline-trend: ends at the right (%d)", last);

  g_assert_true (column_extent (canvas, first + 1, &top, &bottom));
  canvas_assert (canvas, bottom > HEIGHT - 8, "sparkline-trend: low on the left");

  /* The dot on the latest value is thicker than the line. */
  g_assert_true (column_extent (canvas, last - 3, &top, &bottom));
  canvas_assert (canvas, top < 8 && bottom - top >= 4, "sparkline-trend: dot at the end");
  g_assert_true (column_extent (canvas, WIDTH / 2, &top, &bottom));
  canvas_assert (canvas, bottom - top <= 3, "sparkline-trend: thin line in the middle");

  canvas_assert (canvas, canvas_margin_is_clear (canvas), "sparkline-trend: margin");
}

/* NaN values are skipped: the line joins their neighbours. */
static void
test_sparkline_nan (void)
{
  double values[] = { 1, 2, NAN, NAN, 3, 2, INFINITY, 4, 5, NAN };
  g_autoptr(Canvas) canvas = sparkline_draw (values, G_N_ELEMENTS (values), FALSE);
  int top, bottom;
  int first = -1, last = -1;

  for (int x = 0; x < WIDTH; x++)
    if (column_extent (canvas, x, &top, &bottom))
      {
        if (first < 0)
          first = x;
        last = x;
      }

  for (int x = first; x <= last; x++)
    canvas_assert (canvas, column_extent (canvas, x, &top, &bottom),
                   "sparkline-nan: no gap at column %d", x);

  /* The last finite value (5, the highest) carries the dot, short of the
   * right edge where the trailing NaN would have been. */
  canvas_assert (canvas, last < WIDTH - 8, "sparkline-nan: ends at the last value (%d)", last);
  g_assert_true (column_extent (canvas, last - 2, &top, &bottom));
  canvas_assert (canvas, top < 6, "sparkline-nan: dot at the top");
}

/* Fill puts a faint area under the line. */
static void
test_sparkline_fill (void)
{
  const double values[] = { 3, 3, 3, 4, 5, 4, 3, 3 };
  g_autoptr(Canvas) filled = sparkline_draw (values, G_N_ELEMENTS (values), TRUE);
  g_autoptr(Canvas) bare = sparkline_draw (values, G_N_ELEMENTS (values), FALSE);
  ScRgba pixel;

  pixel = canvas_pixel (filled, WIDTH / 2, HEIGHT - 2);
  canvas_assert (filled, rgba_matches (&pixel, &green, 0.1, 0.08) && pixel.alpha < 0.4,
                 "sparkline-fill: area");
  pixel = canvas_pixel (bare, WIDTH / 2, HEIGHT - 2);
  canvas_assert (bare, pixel.alpha == 0.0, "sparkline-fill: none");
  canvas_assert (filled, canvas_margin_is_clear (filled), "sparkline-fill: margin");
}

static void
test_sparkline_degenerate (void)
{
  const double nans[] = { NAN, NAN };
  const double one[] = { 42 };
  const double flat[] = { 7, 7, 7, 7 };
  g_autoptr(Canvas) canvas = NULL;
  double many[5000];
  int top, bottom;

  canvas = sparkline_draw (NULL, 0, TRUE);
  g_assert_cmpuint (canvas_count_drawn (canvas), ==, 0);
  g_clear_pointer (&canvas, canvas_free);

  canvas = sparkline_draw (nans, G_N_ELEMENTS (nans), TRUE);
  g_assert_cmpuint (canvas_count_drawn (canvas), ==, 0);
  g_clear_pointer (&canvas, canvas_free);

  /* One value: just the dot, in the middle. */
  canvas = sparkline_draw (one, 1, TRUE);
  canvas_assert (canvas, canvas_pixel_is (canvas, WIDTH / 2, HEIGHT / 2, &green, 0.9),
                 "sparkline-one: dot");
  g_clear_pointer (&canvas, canvas_free);

  /* Flat: through the middle. */
  canvas = sparkline_draw (flat, G_N_ELEMENTS (flat), FALSE);
  g_assert_true (column_extent (canvas, WIDTH / 2, &top, &bottom));
  canvas_assert (canvas, abs ((top + bottom) / 2 - HEIGHT / 2) <= 1, "sparkline-flat: middle");
  g_clear_pointer (&canvas, canvas_free);

  /* More values than pixels. */
  for (guint i = 0; i < G_N_ELEMENTS (many); i++)
    many[i] = sin (i / 300.0);
  canvas = sparkline_draw (many, G_N_ELEMENTS (many), TRUE);
  canvas_assert (canvas, canvas_margin_is_clear (canvas), "sparkline-many: margin");
  g_assert_true (column_extent (canvas, WIDTH / 2, &top, &bottom));

  /* A default colour, and sizes too small to draw in. */
  sc_sparkline_paint (canvas->cr, WIDTH, HEIGHT, flat, G_N_ELEMENTS (flat), NULL, TRUE);
  sc_sparkline_paint (canvas->cr, 0, HEIGHT, flat, G_N_ELEMENTS (flat), NULL, TRUE);
  sc_sparkline_paint (canvas->cr, 2, 2, many, G_N_ELEMENTS (many), NULL, TRUE);
  canvas_assert (canvas, canvas_margin_is_clear (canvas), "sparkline-degenerate: margin");
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/paint/sparkline/trend", test_sparkline_trend);
  g_test_add_func ("/paint/sparkline/nan", test_sparkline_nan);
  g_test_add_func ("/paint/sparkline/fill", test_sparkline_fill);
  g_test_add_func ("/paint/sparkline/degenerate", test_sparkline_degenerate);

  ret = g_test_run ();
  paint_test_shutdown ();

  return ret;
}
