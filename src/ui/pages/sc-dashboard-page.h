/* sc-dashboard-page.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sc-context.h"

G_BEGIN_DECLS

#define SC_TYPE_DASHBOARD_PAGE (sc_dashboard_page_get_type ())

G_DECLARE_FINAL_TYPE (ScDashboardPage, sc_dashboard_page, SC, DASHBOARD_PAGE, GtkWidget)

GtkWidget *sc_dashboard_page_new            (ScContext       *context);
guint      sc_dashboard_page_get_n_tiles    (ScDashboardPage *self);
GtkWidget *sc_dashboard_page_get_tile       (ScDashboardPage *self,
                                             gint64           kpi_id);
const char *sc_dashboard_page_get_outlook   (ScDashboardPage *self,
                                             guint           *n_at_risk);
GtkWidget *sc_dashboard_page_get_alerts_card (ScDashboardPage *self);

G_END_DECLS
