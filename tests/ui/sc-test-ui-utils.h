/* sc-test-ui-utils.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sc-kpi.h"
#include "sc-paint-types.h"

G_BEGIN_DECLS

/* A widget rendered offscreen: cairo ARGB32 bytes, in memory order B, G, R,
 * A, premultiplied.
 */
typedef struct
{
  GdkTexture *texture;
  guchar     *data;
  int         width;
  int         height;
  gsize       stride;
} ScTestImage;

void         sc_test_ui_init             (int           *argc,
                                          char        ***argv);
GtkWidget   *sc_test_present             (GtkWidget     *widget,
                                          int            width,
                                          int            height);
void         sc_test_close               (GtkWidget     *window);
void         sc_test_wait_for_draw       (GtkWidget     *widget);
void         sc_test_set_dark            (gboolean       dark);
void         sc_test_iterate             (guint          ms);

ScTestImage *sc_test_render              (GtkWidget     *widget);
void         sc_test_image_free          (ScTestImage   *image);
char        *sc_test_image_save          (ScTestImage   *image,
                                          const char    *name);
void         sc_test_screenshot          (GtkWidget     *widget,
                                          const char    *name);

gboolean     sc_test_image_get           (ScTestImage   *image,
                                          double         x,
                                          double         y,
                                          ScRgba        *rgba);
gboolean     sc_test_color_near          (const ScRgba  *pixel,
                                          const ScRgba  *expected,
                                          double         tolerance);
gboolean     sc_test_image_near          (ScTestImage   *image,
                                          double         x,
                                          double         y,
                                          double         radius,
                                          const ScRgba  *expected,
                                          double         tolerance);
gboolean     sc_test_image_ray_has       (ScTestImage   *image,
                                          double         x,
                                          double         y,
                                          double         dx,
                                          double         dy,
                                          double         length,
                                          const ScRgba  *expected,
                                          double         tolerance);
char        *sc_test_color_to_string     (const ScRgba  *rgba);

ScKpi       *sc_test_kpi_new             (const char    *name,
                                          ScTargetType   target_type,
                                          double         target,
                                          double         value,
                                          ScDirection    direction,
                                          const char    *currency,
                                          gint64         last_submitted);

#define sc_test_assert_pixel(image, name, x, y, radius, expected, tolerance)             \
  G_STMT_START {                                                                       \
    if (!sc_test_image_near ((image), (x), (y), (radius), (expected), (tolerance)))    \
      {                                                                                \
        ScRgba got__ = { 0 };                                                          \
        g_autofree char *path__ = sc_test_image_save ((image), (name));                \
        g_autofree char *want__ = sc_test_color_to_string (expected);                  \
        g_autofree char *have__ = NULL;                                                \
        sc_test_image_get ((image), (x), (y), &got__);                                 \
        have__ = sc_test_color_to_string (&got__);                                     \
        g_test_message ("render saved to %s", path__);                                 \
        g_test_fail_printf ("%s: pixel at (%.1f, %.1f) is %s, expected %s near it",               \
                 (name), (double)(x), (double)(y), have__, want__);                    \
      }                                                                                \
  } G_STMT_END

#define sc_test_assert_no_pixel(image, name, x, y, radius, unexpected, tolerance)        \
  G_STMT_START {                                                                       \
    if (sc_test_image_near ((image), (x), (y), (radius), (unexpected), (tolerance)))   \
      {                                                                                \
        g_autofree char *path__ = sc_test_image_save ((image), (name));                \
        g_autofree char *color__ = sc_test_color_to_string (unexpected);               \
        g_test_message ("render saved to %s", path__);                                 \
        g_test_fail_printf ("%s: found %s within %.1f px of (%.1f, %.1f)",                        \
                 (name), color__, (double)(radius), (double)(x), (double)(y));         \
      }                                                                                \
  } G_STMT_END

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScTestImage, sc_test_image_free)

G_END_DECLS
