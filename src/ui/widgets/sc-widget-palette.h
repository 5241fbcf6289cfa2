/* sc-widget-palette.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sc-paint-types.h"

G_BEGIN_DECLS

gboolean     _sc_widget_lookup_rgba      (GtkWidget      *widget,
                                          const char     *name,
                                          ScRgba         *rgba);
void         _sc_widget_resolve_palette  (GtkWidget      *widget,
                                          ScPaintPalette *palette);
void         _sc_widget_get_css_color    (GtkWidget      *widget,
                                          ScRgba         *rgba);
const char  *_sc_widget_get_font_family  (GtkWidget      *widget);

G_END_DECLS
