/* sc-test-ui-utils.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-test-ui"

#include "config.h"

#include <math.h>
#include <string.h>

#include "sc-kpi-private.h"
#include "sc-test-ui-utils.h"

/* Auxiliary methods */

/* What the app loads: its style.css, which has the score band colours, and
 * the widgets' own rules, which style.css imports.
 */
static void
load_css (void)
{
  g_autoptr(GtkCssProvider) widgets = gtk_css_provider_new ();
  const char *data_dir = g_getenv ("SC_TEST_DATA_DIR");

  if (data_dir != NULL)
    {
      g_autofree char *path = g_build_filename (data_dir, "style.css", NULL);

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        {
          g_autoptr(GtkCssProvider) app = gtk_css_provider_new ();

          gtk_css_provider_load_from_path (app, path);
          gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                      GTK_STYLE_PROVIDER (app),
                                                      GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
        }
    }

  gtk_css_provider_load_from_resource (widgets, APP_PATH "ui/widgets/widgets.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (widgets),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

/* AdwApplication adds its resource's icons itself; tests have no app. */
static void
add_icons (void)
{
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    APP_PATH "icons");
}

static gboolean
quit_cb (gpointer user_data)
{
  gboolean *done = user_data;

  *done = TRUE;

  return G_SOURCE_REMOVE;
}

/* Public API */

void
sc_test_ui_init (int    *argc,
                 char ***argv)
{
  /* GTK 4.8 rejects keys newer GTKs take, and a developer's GDK_DEBUG
   * would change what the tests see.
   */
  g_unsetenv ("GDK_DEBUG");

  gtk_test_init (argc, argv, NULL);
  adw_init ();

  load_css ();
  add_icons ();
}

GtkWidget *
sc_test_present (GtkWidget *widget,
                 int        width,
                 int        height)
{
  GtkWidget *window;

  window = gtk_window_new ();
  gtk_window_set_decorated (GTK_WINDOW (window), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_set_child (GTK_WINDOW (window), widget);
  gtk_window_present (GTK_WINDOW (window));

  sc_test_wait_for_draw (widget);

  return window;
}

void
sc_test_close (GtkWidget *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  sc_test_iterate (20);
}

void
sc_test_wait_for_draw (GtkWidget *widget)
{
  gtk_test_widget_wait_for_draw (widget);
  gdk_display_sync (gtk_widget_get_display (widget));
}

void
sc_test_iterate (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, quit_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

void
sc_test_set_dark (gboolean dark)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
}

/* Paintable → snapshot → the window's own renderer, as Console's
 * kgx-test-gtk-utils.c does.
 */
ScTestImage *
sc_test_render (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  GtkSnapshot *snapshot;
  GskRenderer *renderer;
  ScTestImage *image;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  sc_test_wait_for_draw (widget);

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  g_assert_nonnull (renderer);

  image = g_new0 (ScTestImage, 1);
  image->width = width;
  image->height = height;
  image->stride = (gsize)width * 4;
  image->data = g_malloc0 (image->stride * height);

  if (node != NULL)
    {
      image->texture = gsk_renderer_render_texture (renderer, node,
                                                    &GRAPHENE_RECT_INIT (0, 0, width, height));
      gdk_texture_download (image->texture, image->data, image->stride);
    }

  return image;
}

void
sc_test_image_free (ScTestImage *image)
{
  if (image == NULL)
    return;

  g_clear_object (&image->texture);
  g_free (image->data);
  g_free (image);
}

/* Returns: (transfer full): where the PNG went */
char *
sc_test_image_save (ScTestImage *image,
                    const char  *name)
{
  g_autofree char *file = g_strdup_printf ("scorecard-%s.png", name);
  char *path;

  g_strdelimit (file, "/ ", '-');
  path = g_build_filename (g_get_tmp_dir (), file, NULL);

  if (image->texture != NULL)
    gdk_texture_save_to_png (image->texture, path);

  g_printerr ("# saved render to %s\n", path);

  return path;
}

/* With SC_TEST_SCREENSHOT_DIR set, saves the whole window @widget is in,
 * background and all: how it looks in the app.
 */
void
sc_test_screenshot (GtkWidget  *widget,
                    const char *name)
{
  const char *dir = g_getenv ("SC_TEST_SCREENSHOT_DIR");
  g_autoptr(ScTestImage) image = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  GtkWidget *root;

  if (dir == NULL || *dir == '\0')
    return;

  root = GTK_WIDGET (gtk_widget_get_root (widget));
  image = sc_test_render (root);
  file = g_strdup_printf ("%s.png", name);
  path = g_build_filename (dir, file, NULL);
  gdk_texture_save_to_png (image->texture, path);
  g_test_message ("screenshot: %s", path);
}

/* Un-premultiplies the pixel nearest (x, y). */
gboolean
sc_test_image_get (ScTestImage *image,
                   double       x,
                   double       y,
                   ScRgba      *rgba)
{
  int ix = (int)floor (x);
  int iy = (int)floor (y);
  const guchar *p;
  double a;

  if (ix < 0 || iy < 0 || ix >= image->width || iy >= image->height)
    return FALSE;

  p = image->data + iy * image->stride + ix * 4;
  a = p[3] / 255.0;
  rgba->alpha = a;
  rgba->red = a > 0 ? p[2] / 255.0 / a : 0.0;
  rgba->green = a > 0 ? p[1] / 255.0 / a : 0.0;
  rgba->blue = a > 0 ? p[0] / 255.0 / a : 0.0;

  return TRUE;
}

/* Compares premultiplied, so a faint pixel is close to transparent. */
gboolean
sc_test_color_near (const ScRgba *pixel,
                    const ScRgba *expected,
                    double        tolerance)
{
  return fabs (pixel->red * pixel->alpha - expected->red * expected->alpha) <= tolerance &&
         fabs (pixel->green * pixel->alpha - expected->green * expected->alpha) <= tolerance &&
         fabs (pixel->blue * pixel->alpha - expected->blue * expected->alpha) <= tolerance &&
         fabs (pixel->alpha - expected->alpha) <= tolerance;
}

/* Whether any pixel within @radius of (x, y) has the colour. */
gboolean
sc_test_image_near (ScTestImage  *image,
                    double        x,
                    double        y,
                    double        radius,
                    const ScRgba *expected,
                    double        tolerance)
{
  int r = (int)ceil (radius);

  for (int dy = -r; dy <= r; dy++)
    {
      for (int dx = -r; dx <= r; dx++)
        {
          ScRgba pixel;

          if (dx * dx + dy * dy > radius * radius)
            continue;
          if (!sc_test_image_get (image, x + dx, y + dy, &pixel))
            continue;
          if (sc_test_color_near (&pixel, expected, tolerance))
            return TRUE;
        }
    }

  return FALSE;
}

gboolean
sc_test_image_ray_has (ScTestImage  *image,
                       double        x,
                       double        y,
                       double        dx,
                       double        dy,
                       double        length,
                       const ScRgba *expected,
                       double        tolerance)
{
  double norm = hypot (dx, dy);

  if (norm <= 0.0)
    return FALSE;

  dx /= norm;
  dy /= norm;

  for (double t = 0.0; t <= length; t += 0.5)
    {
      ScRgba pixel;

      if (sc_test_image_get (image, x + dx * t, y + dy * t, &pixel) &&
          sc_test_color_near (&pixel, expected, tolerance))
        return TRUE;
    }

  return FALSE;
}

char *
sc_test_color_to_string (const ScRgba *rgba)
{
  return g_strdup_printf ("rgba(%d, %d, %d, %.2f)",
                          (int)round (rgba->red * 255), (int)round (rgba->green * 255),
                          (int)round (rgba->blue * 255), rgba->alpha);
}

ScKpi *
sc_test_kpi_new (const char   *name,
                 ScTargetType  target_type,
                 double        target,
                 double        value,
                 ScDirection   direction,
                 const char   *currency,
                 gint64        last_submitted)
{
  ScKpi *kpi = _sc_kpi_new ();

  kpi->id = 1;
  kpi->name = g_strdup (name);
  kpi->target_type = target_type;
  kpi->target_value = target;
  kpi->value = value;
  kpi->direction = direction;
  kpi->currency = g_intern_string (currency);
  kpi->last_submitted = last_submitted;
  _sc_kpi_finish (kpi);

  return kpi;
}
