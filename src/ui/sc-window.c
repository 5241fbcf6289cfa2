/* sc-window.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-window"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "sc-alerts-page.h"
#include "sc-dashboard-page.h"
#include "sc-kpi-detail-page.h"
#include "sc-kpi-page.h"
#include "sc-submit-dialog.h"
#include "sc-sync-indicator.h"
#include "sc-zones-dialog.h"
#include "sc-window.h"

struct _ScWindow
{
  AdwApplicationWindow  parent_instance;

  ScContext            *context;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *state_stack;
  AdwStatusPage        *error_page;
  AdwLeaflet           *leaflet;
  AdwHeaderBar         *header_bar;
  AdwViewStack         *stack;
  AdwViewSwitcherTitle *switcher_title;
  GtkBox               *detail_box;
  AdwWindowTitle       *detail_title;

  ScDashboardPage      *dashboard_page;
  ScKpiPage            *kpi_page;
  ScKpiDetailPage      *detail_page;
  GtkWidget            *sync_indicator;
  ScAlertsPage         *alerts_page;

  gulong                after_paint_handler;
  gboolean              state_restored;
};

G_DEFINE_FINAL_TYPE (ScWindow, sc_window, ADW_TYPE_APPLICATION_WINDOW)

/* Auxiliary methods */

static void
restore_state (ScWindow *self)
{
  GSettings *settings = sc_context_get_settings (self->context);
  g_autofree char *page = NULL;

  if (settings == NULL)
    return;

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  page = g_settings_get_string (settings, "last-page");
  if (adw_view_stack_get_child_by_name (self->stack, page) != NULL)
    adw_view_stack_set_visible_child_name (self->stack, page);
  self->state_restored = TRUE;
}

static void
save_state (ScWindow *self)
{
  GSettings *settings;
  int width, height;

  if (self->context == NULL || !(settings = sc_context_get_settings (self->context)))
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (settings);
  g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)))
    {
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
    }
  g_settings_apply (settings);
}

static void
print_bench_and_quit (ScWindow *self)
{
  ScApplication *app = SC_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  gint64 elapsed = g_get_monotonic_time () - sc_application_get_started_at (app);
  g_autofree char *statm = NULL;
  long pages_resident = 0;

  if (g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL))
    {
      g_auto(GStrv) fields = g_strsplit (statm, " ", 3);

      if (fields[0] != NULL && fields[1] != NULL)
        pages_resident = strtol (fields[1], NULL, 10);
    }

  g_print ("startup-to-first-frame-ms: %.1f\n", elapsed / 1000.0);
  g_print ("kpis: %u\n", g_list_model_get_n_items (sc_context_get_kpis (self->context)));
  g_print ("resident-memory-mb: %.1f\n",
           pages_resident * (double)sysconf (_SC_PAGESIZE) / (1024.0 * 1024.0));

  /* Anonymous memory is ours; file pages are shared libraries and fonts. */
  {
    g_autofree char *rollup = NULL;

    if (g_file_get_contents ("/proc/self/smaps_rollup", &rollup, NULL, NULL))
      {
        g_auto(GStrv) lines = g_strsplit (rollup, "\n", -1);

        for (guint i = 0; lines[i] != NULL; i++)
          if (g_str_has_prefix (lines[i], "Rss") || g_str_has_prefix (lines[i], "Anonymous"))
            {
              g_auto(GStrv) fields = g_strsplit_set (lines[i], " :", -1);
              guint n = g_strv_length (fields);
              double kb = n >= 2 ? g_ascii_strtod (fields[n - 2], NULL) : 0;

              g_autofree char *name = g_ascii_strdown (fields[0], -1);

              g_print ("%s-mb: %.1f\n", name, kb / 1024.0);
            }
      }
  }

  g_application_quit (G_APPLICATION (app));
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   ScWindow      *self)
{
  g_clear_signal_handler (&self->after_paint_handler, clock);
  print_bench_and_quit (self);
}

/* The dashboard has its data: the next frame drawn is the first real one. */
static void
on_dashboard_ready_cb (ScWindow        *self,
                       ScDashboardPage *page)
{
  ScApplication *app = SC_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  GdkFrameClock *clock;

  if (app == NULL || !sc_application_get_bench_startup (app) || self->after_paint_handler != 0)
    return;

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  if (clock == NULL)
    return;

  self->after_paint_handler = g_signal_connect (clock, "after-paint",
                                                G_CALLBACK (on_after_paint_cb), self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_stack_visible_child_cb (ScWindow *self)
{
  GSettings *settings;
  const char *name = adw_view_stack_get_visible_child_name (self->stack);

  /* Adding the first page shows it: that is no choice to remember. */
  if (self->context == NULL || name == NULL || !self->state_restored ||
      !(settings = sc_context_get_settings (self->context)))
    return;

  g_settings_set_string (settings, "last-page", name);
}

static void
on_leaflet_visible_child_cb (ScWindow *self)
{
  const char *name = adw_leaflet_get_visible_child_name (self->leaflet);

  /* Leaving the detail by swipe or Back: stop following that KPI. */
  if (g_strcmp0 (name, "main") == 0 && self->detail_page != NULL)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.submit", FALSE);
}

/* The switcher shows how many alerts wait for someone to look at them. */
static void
on_alerts_n_active_cb (ScWindow     *self,
                       GParamSpec   *pspec,
                       ScAlertsPage *alerts)
{
  AdwViewStackPage *page = adw_view_stack_get_page (self->stack, GTK_WIDGET (alerts));
  guint n_active = sc_alerts_page_get_n_active (alerts);

  adw_view_stack_page_set_badge_number (page, n_active);
  adw_view_stack_page_set_needs_attention (page, n_active > 0);
}

static void
update_submit_action (ScWindow *self)
{
  ScKpi *kpi = self->detail_page != NULL ? sc_kpi_detail_page_get_kpi (self->detail_page) : NULL;
  gboolean shown = g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "detail") == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.submit",
                                 shown && kpi != NULL &&
                                 sc_kpi_get_kpi_type (kpi) == SC_KPI_TYPE_MANUAL &&
                                 sc_kpi_detail_page_get_can_submit (self->detail_page));
}

static void
build_pages (ScWindow *self)
{
  AdwViewStackPage *page;

  self->sync_indicator = sc_sync_indicator_new (self->context);
  /* At the start: the end has the menu, and the strict centring keeps both sides as wide. */
  adw_header_bar_pack_start (self->header_bar, self->sync_indicator);

  self->dashboard_page = SC_DASHBOARD_PAGE (sc_dashboard_page_new (self->context));
  page = adw_view_stack_add_titled (self->stack, GTK_WIDGET (self->dashboard_page),
                                    "dashboard", _("Dashboard"));
  adw_view_stack_page_set_icon_name (page, "view-grid-symbolic");
  g_signal_connect_object (self->dashboard_page, "ready",
                           G_CALLBACK (on_dashboard_ready_cb), self, G_CONNECT_SWAPPED);

  self->kpi_page = SC_KPI_PAGE (sc_kpi_page_new (self->context));
  page = adw_view_stack_add_titled (self->stack, GTK_WIDGET (self->kpi_page),
                                    "kpis", _("KPIs"));
  adw_view_stack_page_set_icon_name (page, "view-list-symbolic");

  self->alerts_page = SC_ALERTS_PAGE (sc_alerts_page_new (self->context));
  page = adw_view_stack_add_titled (self->stack, GTK_WIDGET (self->alerts_page),
                                    "alerts", _("Alerts"));
  adw_view_stack_page_set_icon_name (page, "dialog-warning-symbolic");
  g_signal_connect_object (self->alerts_page, "notify::n-active",
                           G_CALLBACK (on_alerts_n_active_cb), self, G_CONNECT_SWAPPED);

  self->detail_page = SC_KPI_DETAIL_PAGE (sc_kpi_detail_page_new (self->context));
  gtk_widget_set_vexpand (GTK_WIDGET (self->detail_page), TRUE);
  gtk_box_append (self->detail_box, GTK_WIDGET (self->detail_page));
  g_object_bind_property (self->detail_page, "title", self->detail_title, "title",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->detail_page, "subtitle", self->detail_title, "subtitle",
                          G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->detail_page, "notify::can-submit",
                           G_CALLBACK (update_submit_action), self, G_CONNECT_SWAPPED);
}

/* Actions */

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  sc_window_show_page (SC_WINDOW (widget), g_variant_get_string (param, NULL));
}

static void
show_kpi_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  sc_window_show_kpi (SC_WINDOW (widget), g_variant_get_int64 (param));
}

static void
show_department_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  ScWindow *self = SC_WINDOW (widget);

  if (self->kpi_page == NULL)
    return;

  sc_kpi_page_set_department (self->kpi_page, g_variant_get_string (param, NULL));
  sc_window_show_page (self, "kpis");
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  ScWindow *self = SC_WINDOW (widget);

  if (g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "detail") == 0)
    adw_leaflet_set_visible_child_name (self->leaflet, "main");
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  ScWindow *self = SC_WINDOW (widget);

  if (self->kpi_page == NULL)
    return;

  sc_window_show_page (self, "kpis");
  sc_kpi_page_focus_search (self->kpi_page);
}

static void
submit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  ScWindow *self = SC_WINDOW (widget);
  ScKpi *kpi;

  if (self->detail_page == NULL || !(kpi = sc_kpi_detail_page_get_kpi (self->detail_page)))
    return;

  sc_submit_dialog_present (self->context, kpi, GTK_WINDOW (self));
}

static void
zones_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  ScWindow *self = SC_WINDOW (widget);
  ScKpi *kpi;

  if (self->detail_page == NULL || !(kpi = sc_kpi_detail_page_get_kpi (self->detail_page)))
    return;

  sc_zones_dialog_present (self->context, kpi, GTK_WINDOW (self));
}

/* Overrides */

static gboolean
sc_window_close_request (GtkWindow *window)
{
  save_state (SC_WINDOW (window));

  return GTK_WINDOW_CLASS (sc_window_parent_class)->close_request (window);
}

static void
sc_window_dispose (GObject *object)
{
  ScWindow *self = (ScWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_WINDOW);

  G_OBJECT_CLASS (sc_window_parent_class)->dispose (object);
}

static void
sc_window_finalize (GObject *object)
{
  ScWindow *self = (ScWindow *)object;

  g_clear_object (&self->context);

  G_OBJECT_CLASS (sc_window_parent_class)->finalize (object);
}

static void
sc_window_class_init (ScWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = sc_window_dispose;
  object_class->finalize = sc_window_finalize;
  window_class->close_request = sc_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "ui/sc-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ScWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, state_stack);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, detail_box);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, detail_title);
  gtk_widget_class_bind_template_callback (widget_class, on_stack_visible_child_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_visible_child_cb);

  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.show-kpi", "x", show_kpi_action);
  gtk_widget_class_install_action (widget_class, "win.show-department", "s",
                                   show_department_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.submit", NULL, submit_action);
  gtk_widget_class_install_action (widget_class, "win.zones", NULL, zones_action);
}

static void
sc_window_init (ScWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.submit", FALSE);
}

/* Public API */

/**
 * sc_window_new:
 * @application: the application
 * @context: (nullable): the context, or %NULL if the store could not open
 * @error: (nullable): why the store could not open
 *
 * Returns: (transfer full): a new main window
 */
GtkWidget *
sc_window_new (ScApplication *application,
               ScContext     *context,
               const GError  *error)
{
  ScWindow *self;

  g_return_val_if_fail (SC_IS_APPLICATION (application), NULL);

  self = g_object_new (SC_TYPE_WINDOW, "application", application, NULL);

  if (context == NULL)
    {
      adw_status_page_set_description (self->error_page,
                                       error != NULL ? error->message : _("Unknown error"));
      gtk_stack_set_visible_child_name (self->state_stack, "error");
      return GTK_WIDGET (self);
    }

  self->context = g_object_ref (context);
  build_pages (self);
  restore_state (self);
  gtk_stack_set_visible_child_name (self->state_stack, "main");

  return GTK_WIDGET (self);
}

void
sc_window_show_page (ScWindow   *self,
                     const char *name)
{
  g_return_if_fail (SC_IS_WINDOW (self));

  if (adw_view_stack_get_child_by_name (self->stack, name) == NULL)
    return;

  adw_leaflet_set_visible_child_name (self->leaflet, "main");
  adw_view_stack_set_visible_child_name (self->stack, name);
}

const char *
sc_window_get_page (ScWindow *self)
{
  g_return_val_if_fail (SC_IS_WINDOW (self), NULL);

  if (g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "detail") == 0)
    return "detail";

  return adw_view_stack_get_visible_child_name (self->stack);
}

void
sc_window_show_kpi (ScWindow *self,
                    gint64    kpi_id)
{
  ScKpi *kpi;

  g_return_if_fail (SC_IS_WINDOW (self));

  if (self->context == NULL || !(kpi = sc_context_lookup_kpi (self->context, kpi_id)))
    return;

  sc_kpi_detail_page_set_kpi (self->detail_page, kpi);
  adw_leaflet_set_visible_child_name (self->leaflet, "detail");
  update_submit_action (self);
}

gint64
sc_window_get_shown_kpi (ScWindow *self)
{
  ScKpi *kpi;

  g_return_val_if_fail (SC_IS_WINDOW (self), 0);

  if (self->detail_page == NULL || !(kpi = sc_kpi_detail_page_get_kpi (self->detail_page)))
    return 0;

  return sc_kpi_get_id (kpi);
}

void
sc_window_add_toast (ScWindow   *self,
                     const char *text)
{
  g_return_if_fail (SC_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

/**
 * sc_window_get_context:
 * @self: a #ScWindow
 *
 * Returns: (transfer none) (nullable): the context, %NULL when the store
 *   could not be opened
 */
ScContext *
sc_window_get_context (ScWindow *self)
{
  g_return_val_if_fail (SC_IS_WINDOW (self), NULL);
  return self->context;
}

/**
 * sc_window_get_sync_indicator:
 * @self: a #ScWindow
 *
 * Returns: (transfer none) (nullable): the header bar's sync indicator
 */
GtkWidget *
sc_window_get_sync_indicator (ScWindow *self)
{
  g_return_val_if_fail (SC_IS_WINDOW (self), NULL);
  return self->sync_indicator;
}

/**
 * sc_window_get_dashboard:
 * @self: a #ScWindow
 *
 * Returns: (transfer none) (nullable): the dashboard page
 */
GtkWidget *
sc_window_get_dashboard (ScWindow *self)
{
  g_return_val_if_fail (SC_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->dashboard_page);
}

/**
 * sc_window_get_kpi_list:
 * @self: a #ScWindow
 *
 * Returns: (transfer none) (nullable): the KPI list page
 */
GtkWidget *
sc_window_get_kpi_list (ScWindow *self)
{
  g_return_val_if_fail (SC_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->kpi_page);
}

/**
 * sc_window_get_detail:
 * @self: a #ScWindow
 *
 * Returns: (transfer none) (nullable): the KPI detail page
 */
GtkWidget *
sc_window_get_detail (ScWindow *self)
{
  g_return_val_if_fail (SC_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->detail_page);
}

/**
 * sc_window_get_alerts:
 * @self: a #ScWindow
 *
 * Returns: (transfer none) (nullable): the alerts page
 */
GtkWidget *
sc_window_get_alerts (ScWindow *self)
{
  g_return_val_if_fail (SC_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->alerts_page);
}

/**
 * sc_window_get_narrow:
 * @self: a #ScWindow
 *
 * Returns: %TRUE when the window is too narrow for the header bar's view
 *   switcher, which then moves to a bar at the bottom
 */
gboolean
sc_window_get_narrow (ScWindow *self)
{
  g_return_val_if_fail (SC_IS_WINDOW (self), FALSE);
  return adw_view_switcher_title_get_title_visible (self->switcher_title);
}
