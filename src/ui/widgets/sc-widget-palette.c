/* sc-widget-palette.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-widget-palette"

#include "config.h"

#include <adwaita.h>

#include "sc-widget-palette.h"

/* Auxiliary methods */

static void
rgba_from_gdk (ScRgba        *rgba,
               const GdkRGBA *color)
{
  rgba->red = color->red;
  rgba->green = color->green;
  rgba->blue = color->blue;
  rgba->alpha = color->alpha;
}

/* Tries each name in turn, so we can prefer a newer or more specific colour
 * and still work with themes that only define the basic one.
 */
static gboolean
lookup_first (GtkWidget  *widget,
              ScRgba     *rgba,
              const char *first_name,
              ...)
{
  const char *name = first_name;
  gboolean found = FALSE;
  va_list args;

  va_start (args, first_name);
  while (name != NULL && !found)
    {
      found = _sc_widget_lookup_rgba (widget, name, rgba);
      name = va_arg (args, const char *);
    }
  va_end (args);

  return found;
}

/* Internal API */

gboolean
_sc_widget_lookup_rgba (GtkWidget  *widget,
                        const char *name,
                        ScRgba     *rgba)
{
  GtkStyleContext *context;
  GdkRGBA color;
  gboolean found;

  g_assert (GTK_IS_WIDGET (widget));
  g_assert (name != NULL);
  g_assert (rgba != NULL);

  /* Deprecated in GTK 4.10 with no replacement for named colours; 4.8 is
   * our baseline, so keep using it and silence newer SDKs.
   */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  context = gtk_widget_get_style_context (widget);
  found = gtk_style_context_lookup_color (context, name, &color);
  G_GNUC_END_IGNORE_DEPRECATIONS

  if (found)
    rgba_from_gdk (rgba, &color);

  return found;
}

void
_sc_widget_get_css_color (GtkWidget *widget,
                          ScRgba    *rgba)
{
  GdkRGBA color;

  g_assert (GTK_IS_WIDGET (widget));

  /* gtk_widget_get_color() arrives in 4.10. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS

  rgba_from_gdk (rgba, &color);
}

/* Starts from the painters' own light, dark or high-contrast palette and
 * takes over every colour the theme names, so accent colours, custom
 * stylesheets and high contrast follow the desktop.
 */
void
_sc_widget_resolve_palette (GtkWidget      *widget,
                            ScPaintPalette *palette)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  ScRgba color;

  g_assert (GTK_IS_WIDGET (widget));
  g_assert (palette != NULL);

  if (adw_style_manager_get_high_contrast (manager))
    sc_paint_palette_init_high_contrast (palette);
  else if (adw_style_manager_get_dark (manager))
    sc_paint_palette_init_dark (palette);
  else
    sc_paint_palette_init_light (palette);

  /* The _bg_ variants are the saturated ones meant for filled shapes; the
   * plain ones are tuned for text and look muddy as bands.
   */
  lookup_first (widget, &palette->zone[SC_ZONE_GOOD], "success_bg_color", "success_color", NULL);
  lookup_first (widget, &palette->zone[SC_ZONE_WARN], "warning_bg_color", "warning_color", NULL);
  lookup_first (widget, &palette->zone[SC_ZONE_BAD], "error_bg_color", "error_color", NULL);
  lookup_first (widget, &palette->fill, "accent_bg_color", "accent_color", NULL);
  lookup_first (widget, &palette->accent, "accent_color", "accent_bg_color", NULL);
  lookup_first (widget, &palette->background, "card_bg_color", "window_bg_color", NULL);

  if (lookup_first (widget, &color, "window_fg_color", "view_fg_color", NULL))
    {
      palette->text = color;
      palette->needle = color;
      palette->target = color;
      palette->dim_text = color;
      palette->dim_text.alpha *= 0.55;
    }

  /* card_bg_color is translucent in the dark style; painters use the
   * background to cut shapes out, so it has to be opaque.
   */
  if (palette->background.alpha < 1.0 &&
      lookup_first (widget, &color, "window_bg_color", "view_bg_color", NULL))
    {
      double a = palette->background.alpha;

      palette->background.red = palette->background.red * a + color.red * (1.0 - a);
      palette->background.green = palette->background.green * a + color.green * (1.0 - a);
      palette->background.blue = palette->background.blue * a + color.blue * (1.0 - a);
      palette->background.alpha = 1.0;
    }
}

const char *
_sc_widget_get_font_family (GtkWidget *widget)
{
  const PangoFontDescription *desc;

  g_assert (GTK_IS_WIDGET (widget));

  desc = pango_context_get_font_description (gtk_widget_get_pango_context (widget));
  if (desc == NULL)
    return NULL;

  return pango_font_description_get_family (desc);
}
