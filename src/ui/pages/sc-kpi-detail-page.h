/* sc-kpi-detail-page.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sc-context.h"
#include "sc-kpi.h"

G_BEGIN_DECLS

#define SC_TYPE_KPI_DETAIL_PAGE (sc_kpi_detail_page_get_type ())

G_DECLARE_FINAL_TYPE (ScKpiDetailPage, sc_kpi_detail_page, SC, KPI_DETAIL_PAGE, GtkWidget)

GtkWidget *sc_kpi_detail_page_new           (ScContext       *context);
ScKpi     *sc_kpi_detail_page_get_kpi       (ScKpiDetailPage *self);
void       sc_kpi_detail_page_set_kpi       (ScKpiDetailPage *self,
                                             ScKpi           *kpi);
GtkWidget *sc_kpi_detail_page_get_gauge     (ScKpiDetailPage *self);
GtkWidget *sc_kpi_detail_page_get_chart     (ScKpiDetailPage *self);
guint      sc_kpi_detail_page_get_n_submissions (ScKpiDetailPage *self);
gboolean   sc_kpi_detail_page_get_can_submit (ScKpiDetailPage *self);

G_END_DECLS
