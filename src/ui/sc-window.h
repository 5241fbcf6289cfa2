/* sc-window.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sc-application.h"

G_BEGIN_DECLS

#define SC_TYPE_WINDOW (sc_window_get_type ())

G_DECLARE_FINAL_TYPE (ScWindow, sc_window, SC, WINDOW, AdwApplicationWindow)

GtkWidget  *sc_window_new            (ScApplication *application,
                                      ScContext     *context,
                                      const GError  *error);
void        sc_window_show_page      (ScWindow      *self,
                                      const char    *name);
const char *sc_window_get_page       (ScWindow      *self);
void        sc_window_show_kpi       (ScWindow      *self,
                                      gint64         kpi_id);
gint64      sc_window_get_shown_kpi  (ScWindow      *self);
void        sc_window_add_toast      (ScWindow      *self,
                                      const char    *text);
ScContext  *sc_window_get_context    (ScWindow      *self);
GtkWidget  *sc_window_get_sync_indicator (ScWindow  *self);
GtkWidget  *sc_window_get_dashboard  (ScWindow      *self);
GtkWidget  *sc_window_get_kpi_list   (ScWindow      *self);
GtkWidget  *sc_window_get_detail     (ScWindow      *self);
GtkWidget  *sc_window_get_alerts     (ScWindow      *self);
gboolean    sc_window_get_narrow     (ScWindow      *self);

G_END_DECLS
