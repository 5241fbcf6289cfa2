/* sc-kpi-card.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sc-kpi.h"

G_BEGIN_DECLS

typedef enum
{
  SC_KPI_CARD_STYLE_METRIC,
  SC_KPI_CARD_STYLE_TREND,
  SC_KPI_CARD_STYLE_COMPARISON,
  SC_KPI_CARD_STYLE_ALERT,
} ScKpiCardStyle;

#define SC_TYPE_KPI_CARD_STYLE (sc_kpi_card_style_get_type ())

GType sc_kpi_card_style_get_type (void) G_GNUC_CONST;

#define SC_TYPE_KPI_CARD (sc_kpi_card_get_type ())

G_DECLARE_FINAL_TYPE (ScKpiCard, sc_kpi_card, SC, KPI_CARD, GtkWidget)

GtkWidget      *sc_kpi_card_new            (ScKpiCardStyle  style);
ScKpiCardStyle  sc_kpi_card_get_card_style (ScKpiCard      *self);
void            sc_kpi_card_set_card_style (ScKpiCard      *self,
                                            ScKpiCardStyle  style);
const char     *sc_kpi_card_get_title      (ScKpiCard      *self);
void            sc_kpi_card_set_title      (ScKpiCard      *self,
                                            const char     *title);
ScKpi          *sc_kpi_card_get_kpi        (ScKpiCard      *self);
void            sc_kpi_card_set_kpi        (ScKpiCard      *self,
                                            ScKpi          *kpi);
void            sc_kpi_card_set_history    (ScKpiCard      *self,
                                            const double   *values,
                                            const gint64   *times,
                                            guint           n_values);
void            sc_kpi_card_set_metric     (ScKpiCard      *self,
                                            const char     *title,
                                            const char     *value_text,
                                            const char     *detail_text,
                                            const char     *icon_name,
                                            const char     *css_class);

G_END_DECLS
