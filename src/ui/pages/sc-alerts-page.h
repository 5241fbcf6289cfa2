/* sc-alerts-page.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sc-alert-rules.h"
#include "sc-context.h"

G_BEGIN_DECLS

/**
 * ScAlertsFilter:
 * @SC_ALERTS_FILTER_OPEN: firing and acknowledged alerts
 * @SC_ALERTS_FILTER_ACTIVE: firing alerts nobody acknowledged yet
 * @SC_ALERTS_FILTER_ACKNOWLEDGED: acknowledged alerts still open
 * @SC_ALERTS_FILTER_RESOLVED: alerts that resolved
 * @SC_ALERTS_FILTER_ALL: every incident
 *
 * The status filter, in the order of its drop-down.
 */
typedef enum
{
  SC_ALERTS_FILTER_OPEN,
  SC_ALERTS_FILTER_ACTIVE,
  SC_ALERTS_FILTER_ACKNOWLEDGED,
  SC_ALERTS_FILTER_RESOLVED,
  SC_ALERTS_FILTER_ALL,
} ScAlertsFilter;

#define SC_TYPE_ALERTS_PAGE (sc_alerts_page_get_type ())

G_DECLARE_FINAL_TYPE (ScAlertsPage, sc_alerts_page, SC, ALERTS_PAGE, GtkWidget)

GtkWidget *sc_alerts_page_new                (ScContext       *context);
guint      sc_alerts_page_get_n_active       (ScAlertsPage    *self);
guint      sc_alerts_page_get_n_loads        (ScAlertsPage    *self);
guint      sc_alerts_page_get_n_shown        (ScAlertsPage    *self);
gboolean   sc_alerts_page_get_empty          (ScAlertsPage    *self);
void       sc_alerts_page_set_filter         (ScAlertsPage    *self,
                                              ScAlertsFilter   filter);
void       sc_alerts_page_set_severity       (ScAlertsPage    *self,
                                              int              severity);
void       sc_alerts_page_set_department     (ScAlertsPage    *self,
                                              const char      *key);
GtkWidget *sc_alerts_page_get_row            (ScAlertsPage    *self,
                                              gint64           rule_id,
                                              gint64           kpi_id);
void       sc_alerts_page_show_deliveries    (ScAlertsPage    *self,
                                              gint64           rule_id,
                                              gint64           kpi_id);
int        sc_alerts_page_get_n_deliveries   (ScAlertsPage    *self);
void       sc_alerts_page_acknowledge        (ScAlertsPage    *self,
                                              gint64           rule_id,
                                              gint64           kpi_id);

G_END_DECLS
