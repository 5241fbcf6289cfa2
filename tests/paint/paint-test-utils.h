/* paint-test-utils.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <unistd.h>
#include <pango/pangocairo.h>

#include "sc-paint-types.h"

/* A canvas is an image surface with a transparent margin around the area a
 * painter gets, so a test can tell that nothing spills out of it. Pixel
 * coordinates below are in the painter's space, margin excluded.
 */
typedef struct
{
  cairo_surface_t *surface;
  cairo_t         *cr;
  int              width;
  int              height;
  int              margin;
} Canvas;

static inline Canvas *
canvas_new (int width,
            int height,
            int margin)
{
  Canvas *canvas = g_new0 (Canvas, 1);

  canvas->width = width;
  canvas->height = height;
  canvas->margin = margin;
  canvas->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                width + 2 * margin,
                                                height + 2 * margin);
  canvas->cr = cairo_create (canvas->surface);
  cairo_translate (canvas->cr, margin, margin);

  return canvas;
}

static inline void
canvas_free (Canvas *canvas)
{
  cairo_destroy (canvas->cr);
  cairo_surface_destroy (canvas->surface);
  g_free (canvas);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Canvas, canvas_free)

/* Unpremultiplied colour of the pixel under (x, y); transparent outside. */
static inline ScRgba
canvas_pixel (Canvas *canvas,
              double  x,
              double  y)
{
  ScRgba rgba = { 0.0, 0.0, 0.0, 0.0 };
  int px = (int)floor (x) + canvas->margin;
  int py = (int)floor (y) + canvas->margin;
  unsigned char *data;
  int stride;
  guint32 argb;
  double alpha;

  if (px < 0 || py < 0 ||
      px >= cairo_image_surface_get_width (canvas->surface) ||
      py >= cairo_image_surface_get_height (canvas->surface))
    return rgba;

  cairo_surface_flush (canvas->surface);
  stride = cairo_image_surface_get_stride (canvas->surface);
  /* ARGB32 is a native-endian 32-bit word: B, G, R, A in memory on x86. */
  data = cairo_image_surface_get_data (canvas->surface);
  argb = *(guint32 *)(gpointer)(data + py * stride + px * 4);

  alpha = (argb >> 24) / 255.0;
  if (alpha > 0.0)
    {
      rgba.red = ((argb >> 16) & 0xff) / 255.0 / alpha;
      rgba.green = ((argb >> 8) & 0xff) / 255.0 / alpha;
      rgba.blue = (argb & 0xff) / 255.0 / alpha;
    }
  rgba.alpha = alpha;

  return rgba;
}

/* Same colour, drawn at least at @min_alpha (antialiased edges are
 * fainter but keep their colour when drawn on transparency).
 */
static inline gboolean
rgba_matches (const ScRgba *pixel,
              const ScRgba *expected,
              double        min_alpha,
              double        tolerance)
{
  return pixel->alpha >= min_alpha &&
         fabs (pixel->red - expected->red) <= tolerance &&
         fabs (pixel->green - expected->green) <= tolerance &&
         fabs (pixel->blue - expected->blue) <= tolerance;
}

static inline gboolean
canvas_pixel_is (Canvas       *canvas,
                 double        x,
                 double        y,
                 const ScRgba *expected,
                 double        min_alpha)
{
  ScRgba pixel = canvas_pixel (canvas, x, y);

  return rgba_matches (&pixel, expected, min_alpha, 0.08);
}

/* Whether some pixel on the segment has the colour, fully opaque. */
static inline gboolean
canvas_find_along (Canvas       *canvas,
                   double        x1,
                   double        y1,
                   double        x2,
                   double        y2,
                   const ScRgba *expected)
{
  double length = hypot (x2 - x1, y2 - y1);
  guint steps = MAX (1, (guint)ceil (length * 2.0));

  for (guint i = 0; i <= steps; i++)
    {
      double t = (double)i / steps;

      if (canvas_pixel_is (canvas, x1 + t * (x2 - x1), y1 + t * (y2 - y1), expected, 0.9))
        return TRUE;
    }

  return FALSE;
}

static inline gboolean
canvas_find_near (Canvas       *canvas,
                  double        x,
                  double        y,
                  double        radius,
                  const ScRgba *expected,
                  double        min_alpha)
{
  for (double dy = -radius; dy <= radius; dy += 1.0)
    for (double dx = -radius; dx <= radius; dx += 1.0)
      if (canvas_pixel_is (canvas, x + dx, y + dy, expected, min_alpha))
        return TRUE;

  return FALSE;
}

static inline guint
canvas_count (Canvas       *canvas,
              const ScRgba *expected,
              double        min_alpha)
{
  guint count = 0;

  for (int y = 0; y < canvas->height; y++)
    for (int x = 0; x < canvas->width; x++)
      if (canvas_pixel_is (canvas, x, y, expected, min_alpha))
        count++;

  return count;
}

static inline guint
canvas_count_drawn (Canvas *canvas)
{
  guint count = 0;

  for (int y = 0; y < canvas->height; y++)
    for (int x = 0; x < canvas->width; x++)
      if (canvas_pixel (canvas, x, y).alpha > 0.0)
        count++;

  return count;
}

/* Whether every pixel of the margin is still transparent. */
static inline gboolean
canvas_margin_is_clear (Canvas *canvas)
{
  int full_width = canvas->width + 2 * canvas->margin;
  int full_height = canvas->height + 2 * canvas->margin;

  for (int y = 0; y < full_height; y++)
    for (int x = 0; x < full_width; x++)
      {
        int ax = x - canvas->margin;
        int ay = y - canvas->margin;

        if (ax >= 0 && ay >= 0 && ax < canvas->width && ay < canvas->height)
          continue;
        if (canvas_pixel (canvas, ax, ay).alpha > 0.0)
          return FALSE;
      }

  return TRUE;
}

/* Keeps the picture of a failure and says where it is. */
static inline void
canvas_dump (Canvas     *canvas,
             const char *what)
{
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *slug = g_strdup (what);

  g_strcanon (slug, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-", '-');
  name = g_strdup_printf ("sc-paint-%s-%d.png", slug, (int)getpid ());
  path = g_build_filename (g_get_tmp_dir (), name, NULL);

  cairo_surface_flush (canvas->surface);
  if (cairo_surface_write_to_png (canvas->surface, path) == CAIRO_STATUS_SUCCESS)
    g_test_message ("%s: picture saved to %s", what, path);
  else
    g_test_message ("%s: could not save the picture to %s", what, path);
}

#define canvas_assert(canvas, condition, ...) \
  G_STMT_START { \
    if (!(condition)) \
      { \
        g_autofree char *canvas_what_ = g_strdup_printf (__VA_ARGS__); \
        canvas_dump ((canvas), canvas_what_); \
        g_test_message ("failed: %s (%s)", canvas_what_, #condition); \
        g_assert_not_reached (); \
      } \
  } G_STMT_END

/* Frees what fontconfig, pango and cairo cache for the whole process, so
 * leak checkers see only our own leaks.
 */
static inline void
paint_test_shutdown (void)
{
  pango_cairo_font_map_set_default (NULL);
  cairo_debug_reset_static_data ();
  FcFini ();
}
