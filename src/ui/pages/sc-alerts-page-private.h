/* sc-alerts-page-private.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-alert-store.h"
#include "sc-alerts-page.h"

G_BEGIN_DECLS

struct _ScAlertsPage
{
  GtkWidget       parent_instance;

  ScContext      *context;
  GCancellable   *cancellable;
  GPtrArray      *alerts;          /* ScAlertRow, in the store's order */
  guint           n_active;
  guint           n_loads;
  guint           n_shown;
  int             n_deliveries;
  guint           loading : 1;
  guint           reload_pending : 1;

  /* Template widgets */
  GtkFlowBox     *filter_box;
  GtkDropDown    *status_dropdown;
  GtkDropDown    *severity_dropdown;
  GtkDropDown    *department_dropdown;
  GtkStack       *state_stack;
  AdwStatusPage  *empty_page;
  GtkListBox     *list_box;
};

/* One incident to acknowledge, or whose delivery log to read. */
typedef struct
{
  gint64  rule_id;
  gint64  kpi_id;
  char   *comment;
  gint64  now;
  guint   incident;
} AckData;

void       _sc_alerts_page_ack_data_free (gpointer            data);
gboolean   _sc_alerts_page_is_resolved   (ScAlertStatus       status);
GtkWidget *_sc_alerts_page_build_row     (ScAlertsPage       *self,
                                          const ScAlertRow   *alert);

G_END_DECLS
