/* sc-kpi-page.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sc-context.h"

G_BEGIN_DECLS

#define SC_TYPE_KPI_PAGE (sc_kpi_page_get_type ())

G_DECLARE_FINAL_TYPE (ScKpiPage, sc_kpi_page, SC, KPI_PAGE, GtkWidget)

GtkWidget     *sc_kpi_page_new             (ScContext  *context);
void           sc_kpi_page_focus_search    (ScKpiPage  *self);
void           sc_kpi_page_set_search      (ScKpiPage  *self,
                                            const char *text);
void           sc_kpi_page_set_department  (ScKpiPage  *self,
                                            const char *key);
GListModel    *sc_kpi_page_get_shown       (ScKpiPage  *self);
GtkColumnView *sc_kpi_page_get_column_view (ScKpiPage  *self);

G_END_DECLS
