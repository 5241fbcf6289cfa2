/* test-app.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-test"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <sqlite3.h>

#include "sc-alert-monitor.h"
#include "sc-alert-rule-json.h"
#include "sc-alert-run.h"
#include "sc-alert-store.h"
#include "sc-alerts-page.h"
#include "sc-alert-outbox.h"
#include "sc-application.h"
#include "sc-channels-window.h"
#include "sc-rule-dialog.h"
#include "sc-dashboard-page.h"
#include "sc-demo.h"
#include "sc-gauge.h"
#include "sc-kpi-card.h"
#include "sc-kpi-detail-page.h"
#include "sc-kpi-page.h"
#include "sc-submit-dialog.h"
#include "sc-test-app-utils.h"
#include "sc-trend-chart.h"
#include "sc-window.h"
#include "sc-zones-dialog.h"

/* The real app, driven as a person would: open a KPI, submit a value, see
 * the gauge and the store change, narrow the window to a phone's width.
 * Screenshots of what it showed are kept in the build folder. */

#define TIMEOUT_USEC (10 * G_USEC_PER_SEC)
/* 2026-11-29 00:00 UTC */
#define DEMO_END G_GINT64_CONSTANT (1795910400)

/* One application per process, as GTK allows: every test opens its own
 * store and window in it. */
static ScApplication *app;

typedef struct
{
  char          *dir;
  char          *path;
  ScContext     *context;
  ScWindow      *window;
} AppFixture;

typedef gboolean (*Condition) (gpointer data);

static gboolean
wait_for (Condition condition,
          gpointer  data)
{
  gint64 until = g_get_monotonic_time () + TIMEOUT_USEC;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > until)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  return TRUE;
}

static gint64
query_int64 (const char *path,
             const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

static gboolean
dashboard_ready (gpointer data)
{
  AppFixture *fixture = data;
  GtkWidget *page = sc_window_get_dashboard (fixture->window);

  return sc_dashboard_page_get_n_tiles (SC_DASHBOARD_PAGE (page)) > 0;
}

static void
app_setup (AppFixture    *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScStore) store = NULL;
  g_autoptr(ScStoreThread) thread = NULL;
  ScDemoOptions options;

  fixture->dir = g_dir_make_tmp ("scorecard-app-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "store.db", NULL);

  store = sc_store_open (fixture->path, &error);
  g_assert_no_error (error);
  sc_demo_options_init (&options);
  options.n_days = 120;
  options.end = DEMO_END;
  g_assert_true (sc_demo_generate (store, &options, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  thread = sc_store_thread_new (fixture->path, &error);
  g_assert_no_error (error);
  fixture->context = sc_context_new (thread, NULL);
  sc_context_reload (fixture->context);

  fixture->window = SC_WINDOW (sc_window_new (app, fixture->context, NULL));
  /* A test may ask for a phone-sized window: 360 px wide. */
  if (GPOINTER_TO_INT (data) > 0)
    gtk_window_set_default_size (GTK_WINDOW (fixture->window), GPOINTER_TO_INT (data), 740);
  else
    gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 900);
  gtk_window_present (GTK_WINDOW (fixture->window));

  g_assert_true (wait_for (dashboard_ready, fixture));
  sc_test_app_spin (200);
}

static void
app_teardown (AppFixture    *fixture,
              gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  sc_test_app_spin (100);
  g_clear_object (&fixture->context);
  sc_test_app_spin (300);
  sc_test_app_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static ScKpi *
find_kpi (AppFixture *fixture,
          const char *name)
{
  GListModel *kpis = sc_context_get_kpis (fixture->context);

  for (guint i = 0; i < g_list_model_get_n_items (kpis); i++)
    {
      g_autoptr(ScKpi) kpi = g_list_model_get_item (kpis, i);

      if (g_strcmp0 (sc_kpi_get_name (kpi), name) == 0)
        return kpi;
    }

  g_assert_not_reached ();
  return NULL;
}

/* Tests */

static gboolean
outlook_ready (gpointer data)
{
  return sc_dashboard_page_get_outlook (data, NULL) != NULL;
}

static void
test_dashboard (AppFixture    *fixture,
                gconstpointer  data)
{
  ScDashboardPage *page = SC_DASHBOARD_PAGE (sc_window_get_dashboard (fixture->window));
  ScKpi *revenue = find_kpi (fixture, "Revenue");
  GtkWidget *tile = sc_dashboard_page_get_tile (page, sc_kpi_get_id (revenue));

  /* 40 demo KPIs, four per department: every one has a tile. */
  g_assert_cmpuint (sc_dashboard_page_get_n_tiles (page), ==, 40);
  g_assert_nonnull (tile);
  g_assert_true (gtk_widget_get_mapped (tile));
  g_assert_cmpstr (sc_window_get_page (fixture->window), ==, "dashboard");
  g_assert_false (sc_window_get_narrow (fixture->window));

  /* The outlook arrives from the analytics worker, off the main loop. */
  g_assert_true (wait_for (outlook_ready, page));
  g_test_message ("outlook: %s", sc_dashboard_page_get_outlook (page, NULL));
  g_assert_nonnull (strstr (sc_dashboard_page_get_outlook (page, NULL), "KPIs"));

  sc_test_app_save_screenshot (GTK_WIDGET (fixture->window), "dashboard-light.png");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  sc_test_app_spin (300);
  sc_test_app_save_screenshot (GTK_WIDGET (fixture->window), "dashboard-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);
}

typedef struct
{
  ScKpi  *kpi;
  double  value;
} ValueWait;

static gboolean
kpi_has_value (gpointer data)
{
  ValueWait *wait = data;

  return sc_kpi_get_value (wait->kpi) == wait->value;
}

static ScSubmitDialog *find_submit_dialog (void);

static ScZonesDialog *
find_zones_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (SC_IS_ZONES_DIALOG (window))
        return SC_ZONES_DIALOG (window);
    }

  return NULL;
}

static gboolean
zones_dialog_shown (gpointer data)
{
  return find_zones_dialog () != NULL;
}

static gboolean
kpi_has_zones (gpointer data)
{
  return sc_kpi_get_warn_from (data) == 60 && sc_kpi_get_good_from (data) == 85;
}

static gboolean
chart_has_forecast (gpointer data)
{
  guint n = 0;

  sc_trend_chart_get_forecast (data, &n);

  return n > 0;
}

static gboolean
submit_dialog_shown (gpointer data)
{
  return find_submit_dialog () != NULL;
}

static gboolean
detail_has_submissions (gpointer data)
{
  return sc_kpi_detail_page_get_n_submissions (data) > 0;
}

static ScSubmitDialog *
find_submit_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (SC_IS_SUBMIT_DIALOG (window))
        return SC_SUBMIT_DIALOG (window);
    }

  return NULL;
}

static void
test_open_kpi_and_submit (AppFixture    *fixture,
                          gconstpointer  data)
{
  ScKpi *revenue = find_kpi (fixture, "Revenue");
  ScKpiDetailPage *detail = SC_KPI_DETAIL_PAGE (sc_window_get_detail (fixture->window));
  gint64 outbox_before = query_int64 (fixture->path, "SELECT count(*) FROM outbox");
  ScSubmitDialog *dialog;
  GtkWidget *gauge;
  ValueWait wait = { revenue, 150000 };

  /* Click the tile: the detail opens on that KPI. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-kpi", "x",
                              sc_kpi_get_id (revenue));
  sc_test_app_spin (300);
  g_assert_cmpstr (sc_window_get_page (fixture->window), ==, "detail");
  g_assert_true (sc_kpi_detail_page_get_kpi (detail) == revenue);
  gauge = sc_kpi_detail_page_get_gauge (detail);
  sc_gauge_skip_animation (SC_GAUGE (gauge));
  g_assert_cmpfloat (sc_gauge_get_value (SC_GAUGE (gauge)), ==, sc_kpi_get_value (revenue));
  g_assert_true (wait_for (detail_has_submissions, detail));

  /* The analysis arrives from a worker thread and draws its forecast band. */
  g_assert_true (wait_for (chart_has_forecast, sc_kpi_detail_page_get_chart (detail)));
  sc_test_app_spin (200);
  sc_test_app_save_screenshot (GTK_WIDGET (fixture->window), "kpi-detail.png");

  /* Submit Value: a bad number is refused with the reason, then a good one. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.submit", NULL);
  g_assert_true (wait_for (submit_dialog_shown, NULL));
  dialog = find_submit_dialog ();
  sc_submit_dialog_set_value (dialog, "abc");
  g_assert_false (sc_submit_dialog_can_submit (dialog));
  g_assert_nonnull (strstr (sc_submit_dialog_get_error (dialog), "not a number"));
  sc_submit_dialog_set_value (dialog, "150000");
  g_assert_true (sc_submit_dialog_can_submit (dialog));
  sc_test_app_save_screenshot (GTK_WIDGET (dialog), "submit-dialog.png");
  sc_submit_dialog_submit (dialog);

  /* The store, the KPI and the gauge all follow. */
  g_assert_true (wait_for (kpi_has_value, &wait));
  g_assert_null (find_submit_dialog ());
  g_assert_cmpint (query_int64 (fixture->path, "SELECT count(*) FROM outbox"), ==, outbox_before + 1);
  g_assert_cmpint (query_int64 (fixture->path, "SELECT CAST(value AS INTEGER) FROM kpis "
                                               "WHERE name = 'Revenue'"), ==, 150000);
  g_assert_cmpfloat (sc_gauge_get_value (SC_GAUGE (gauge)), ==, 150000);
  sc_gauge_skip_animation (SC_GAUGE (gauge));
  g_assert_cmpfloat (sc_gauge_get_shown_value (SC_GAUGE (gauge)), ==, 150000);

  /* Colour zones of its own: the gauge follows. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.zones", NULL);
  g_assert_true (wait_for (zones_dialog_shown, NULL));
  {
    ScZonesDialog *zones = find_zones_dialog ();

    sc_zones_dialog_set (zones, 90, 80);
    g_assert_false (sc_zones_dialog_is_valid (zones));
    sc_zones_dialog_set (zones, 60, 85);
    g_assert_true (sc_zones_dialog_is_valid (zones));
    sc_zones_dialog_save (zones);
  }
  g_assert_true (wait_for (kpi_has_zones, revenue));
  g_assert_cmpfloat (sc_gauge_get_warn_from (SC_GAUGE (gauge)), ==, 60);
  g_assert_cmpfloat (sc_gauge_get_good_from (SC_GAUGE (gauge)), ==, 85);
  g_assert_cmpint (query_int64 (fixture->path, "SELECT CAST(good_from AS INTEGER) FROM kpis "
                                               "WHERE name = 'Revenue'"), ==, 85);

  /* Back to the dashboard, whose tile shows the new value too. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.back", NULL);
  sc_test_app_spin (300);
  g_assert_cmpstr (sc_window_get_page (fixture->window), ==, "dashboard");
  {
    GtkWidget *tile = sc_dashboard_page_get_tile (SC_DASHBOARD_PAGE (sc_window_get_dashboard (fixture->window)),
                                                  sc_kpi_get_id (revenue));
    ScGauge *tile_gauge = g_object_get_data (G_OBJECT (tile), "gauge");

    g_assert_cmpfloat (sc_gauge_get_value (tile_gauge), ==, 150000);
  }
}

static gboolean
external_value_seen (gpointer data)
{
  return kpi_has_value (data);
}

static void
test_live_update_from_cli (AppFixture    *fixture,
                           gconstpointer  data)
{
  ScKpi *nps = find_kpi (fixture, "Net Promoter Score");
  g_autoptr(GError) error = NULL;
  g_autoptr(ScStore) other = sc_store_open (fixture->path, &error);
  ValueWait wait = { nps, 61 };

  /* Another process writes, as scorecard-cli submit would. */
  g_assert_no_error (error);
  g_assert_true (sc_store_submit (other, sc_kpi_get_id (nps), 0, 61, DEMO_END + 3600, NULL,
                                  NULL, &error));
  g_assert_no_error (error);

  g_assert_true (wait_for (external_value_seen, &wait));
}

static void
test_kpi_list (AppFixture    *fixture,
               gconstpointer  data)
{
  ScKpiPage *page = SC_KPI_PAGE (sc_window_get_kpi_list (fixture->window));
  GListModel *shown = sc_kpi_page_get_shown (page);
  GtkColumnView *view = sc_kpi_page_get_column_view (page);
  GListModel *columns = gtk_column_view_get_columns (view);
  g_autoptr(GtkColumnViewColumn) achievement = NULL;
  double previous = -G_MAXDOUBLE;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search", NULL);
  sc_test_app_spin (200);
  g_assert_cmpstr (sc_window_get_page (fixture->window), ==, "kpis");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 40);

  /* Conversion Rate, Defect Rate, Stock-Out Rate and Email Open Rate. */
  sc_kpi_page_set_search (page, "RATE");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 4);
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(ScKpi) kpi = g_list_model_get_item (shown, i);

      g_assert_true (g_str_has_suffix (sc_kpi_get_name (kpi), " Rate"));
    }
  sc_kpi_page_set_search (page, "");

  /* Sorted by achievement, lowest first. */
  achievement = g_list_model_get_item (columns, 4);
  g_assert_cmpstr (gtk_column_view_column_get_title (achievement), ==, "Achievement");
  gtk_column_view_sort_by_column (view, achievement, GTK_SORT_ASCENDING);
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(ScKpi) kpi = g_list_model_get_item (shown, i);

      g_assert_cmpfloat (sc_kpi_get_achievement (kpi), >=, previous);
      previous = sc_kpi_get_achievement (kpi);
    }

  sc_test_app_spin (300);
  sc_test_app_save_screenshot (GTK_WIDGET (fixture->window), "kpi-list.png");
}


/* Alerts */

static gboolean
alerts_loaded (gpointer data)
{
  return sc_alerts_page_get_n_loads (data) > 0;
}

static gboolean
alerts_shown (gpointer data)
{
  return sc_alerts_page_get_n_shown (data) > 0;
}

static gint64
add_rule_and_run (AppFixture *fixture,
                  const char *name,
                  const char *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScStore) other = sc_store_open (fixture->path, &error);
  g_autoptr(ScAlertRule) rule = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_auto(ScAlertRunReport) report = { 0, };
  gint64 id, channel;

  /* Another process adds a rule notifying a webhook and runs the rules, as
   * scorecard-cli would; nothing sends the deliveries here. */
  g_assert_no_error (error);
  channel = sc_store_add_alert_channel (other, "webhook", "Hook", NULL, DEMO_END, &error);
  g_assert_no_error (error);
  rule = sc_alert_rule_from_json (json, name, &error);
  g_assert_no_error (error);
  id = sc_store_add_alert_rule (other, rule, &channel, 1, DEMO_END, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_true (sc_alert_run (other, DEMO_END + 60, utc, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.events, >, 0);

  return id;
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static gboolean
message_dialog_shown (gpointer data)
{
  return find_message_dialog () != NULL;
}

typedef struct
{
  AppFixture *fixture;
  const char *sql;
  gint64      expected;
} StoreWait;

static gboolean
store_has (gpointer data)
{
  StoreWait *wait = data;

  return query_int64 (wait->fixture->path, wait->sql) == wait->expected;
}

typedef struct
{
  GtkWidget  *widget;
  const char *prefix;
} TooltipWait;

static gboolean
tooltip_starts_with (gpointer data)
{
  TooltipWait *wait = data;
  const char *tooltip = gtk_widget_get_tooltip_text (wait->widget);

  return tooltip != NULL && g_str_has_prefix (tooltip, wait->prefix);
}

static gboolean
deliveries_loaded (gpointer data)
{
  return sc_alerts_page_get_n_deliveries (data) >= 0;
}

static gboolean
no_active_alerts (gpointer data)
{
  return sc_alerts_page_get_n_active (data) == 0;
}

static void
test_alerts_empty (AppFixture    *fixture,
                   gconstpointer  data)
{
  ScAlertsPage *page = SC_ALERTS_PAGE (sc_window_get_alerts (fixture->window));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "alerts");
  g_assert_true (wait_for (alerts_loaded, page));
  g_assert_cmpstr (sc_window_get_page (fixture->window), ==, "alerts");
  g_assert_cmpuint (sc_alerts_page_get_n_shown (page), ==, 0);
  g_assert_cmpuint (sc_alerts_page_get_n_active (page), ==, 0);
  g_assert_true (sc_alerts_page_get_empty (page));
  sc_test_app_spin (200);
  sc_test_app_save_screenshot (GTK_WIDGET (fixture->window), "alerts-empty.png");
}

static void
test_alerts (AppFixture    *fixture,
             gconstpointer  data)
{
  ScAlertsPage *page = SC_ALERTS_PAGE (sc_window_get_alerts (fixture->window));
  g_autoptr(GError) error = NULL;
  g_autoptr(ScStore) other = NULL;
  g_autoptr(GPtrArray) alerts = NULL;
  ScAlertRow *first;
  AdwMessageDialog *dialog;
  GtkWidget *row, *entry;
  AdwViewStackPage *stack_page;
  GtkWidget *stack;
  guint n_fired;
  gint64 rule_id;
  g_autofree char *sql = NULL;
  StoreWait wait = { fixture, NULL, 1 };

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "alerts");
  g_assert_true (wait_for (alerts_loaded, page));
  g_assert_true (sc_alerts_page_get_empty (page));

  /* Rules run by another process: the page follows the store. */
  rule_id = add_rule_and_run (fixture, "Below 80 %",
                              "{\"metric\": \"achievement\", \"comparison\": \"below\", "
                              "\"level\": 80, \"severity\": \"critical\"}");
  g_assert_true (wait_for (alerts_shown, page));
  other = sc_store_open (fixture->path, &error);
  g_assert_no_error (error);
  alerts = sc_store_list_alerts (other, FALSE, &error);
  g_assert_no_error (error);
  n_fired = alerts->len;
  g_assert_cmpuint (n_fired, >, 0);
  g_assert_cmpuint (sc_alerts_page_get_n_shown (page), ==, n_fired);
  g_assert_cmpuint (sc_alerts_page_get_n_active (page), ==, n_fired);
  g_assert_false (sc_alerts_page_get_empty (page));
  first = g_ptr_array_index (alerts, 0);
  row = sc_alerts_page_get_row (page, rule_id, first->kpi_id);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_child_visible (row) || gtk_widget_get_visible (row));
  g_assert_nonnull (g_object_get_data (G_OBJECT (row), "acknowledge"));

  /* The view switcher counts them. */
  stack = gtk_widget_get_ancestor (GTK_WIDGET (page), ADW_TYPE_VIEW_STACK);
  stack_page = adw_view_stack_get_page (ADW_VIEW_STACK (stack), GTK_WIDGET (page));
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (stack_page), ==, n_fired);
  g_assert_true (adw_view_stack_page_get_needs_attention (stack_page));

  sc_test_app_spin (200);
  sc_test_app_save_screenshot (GTK_WIDGET (fixture->window), "alerts.png");

  /* Its delivery log: queued for the webhook. */
  sc_alerts_page_show_deliveries (page, rule_id, first->kpi_id);
  g_assert_true (wait_for (deliveries_loaded, page));
  g_assert_cmpint (sc_alerts_page_get_n_deliveries (page), ==, 1);
  sc_test_app_spin (100);
  sc_test_app_save_screenshot (GTK_WIDGET (fixture->window), "alerts-deliveries.png");
  gtk_menu_button_popdown (g_object_get_data (G_OBJECT (row), "deliveries"));

  /* The dashboard's card counts them by severity, and opens this page. */
  {
    ScDashboardPage *dashboard = SC_DASHBOARD_PAGE (sc_window_get_dashboard (fixture->window));
    GtkWidget *card = sc_dashboard_page_get_alerts_card (dashboard);
    g_autofree char *expected = g_strdup_printf ("%u open alert%s: %u critical.", n_fired,
                                                 n_fired == 1 ? "" : "s", n_fired);
    TooltipWait tooltip = { card, expected };

    g_assert_true (wait_for (tooltip_starts_with, &tooltip));
    g_assert_cmpstr (sc_kpi_card_get_title (SC_KPI_CARD (card)), ==, "Open Alerts");
    gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "dashboard");
    g_signal_emit_by_name (gtk_widget_get_parent (card), "activate");
    g_assert_cmpstr (sc_window_get_page (fixture->window), ==, "alerts");
  }

  /* Filters: no urgent alert, then the critical ones again. */
  sc_alerts_page_set_severity (page, SC_ALERT_SEVERITY_URGENT);
  g_assert_cmpuint (sc_alerts_page_get_n_shown (page), ==, 0);
  g_assert_true (sc_alerts_page_get_empty (page));
  g_assert_false (gtk_widget_get_child_visible (row) && gtk_widget_get_mapped (row));
  sc_alerts_page_set_severity (page, SC_ALERT_SEVERITY_CRITICAL);
  g_assert_cmpuint (sc_alerts_page_get_n_shown (page), ==, n_fired);
  sc_alerts_page_set_department (page, first->department);
  g_assert_cmpuint (sc_alerts_page_get_n_shown (page), >, 0);
  sc_alerts_page_set_filter (page, SC_ALERTS_FILTER_RESOLVED);
  g_assert_cmpuint (sc_alerts_page_get_n_shown (page), ==, 0);
  sc_alerts_page_set_filter (page, SC_ALERTS_FILTER_OPEN);
  sc_alerts_page_set_department (page, NULL);
  sc_alerts_page_set_severity (page, -1);
  g_assert_cmpuint (sc_alerts_page_get_n_shown (page), ==, n_fired);

  /* Acknowledge with a comment, through the dialog. */
  gtk_widget_activate (g_object_get_data (G_OBJECT (row), "acknowledge"));
  g_assert_true (wait_for (message_dialog_shown, NULL));
  dialog = find_message_dialog ();
  entry = adw_message_dialog_get_extra_child (dialog);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Looking into it");
  sc_test_app_save_screenshot (GTK_WIDGET (dialog), "alerts-acknowledge.png");
  adw_message_dialog_response (dialog, "acknowledge");
  gtk_window_destroy (GTK_WINDOW (dialog));

  sql = g_strdup_printf ("SELECT count(*) FROM alert_states WHERE rule_id = %" G_GINT64_FORMAT
                         " AND kpi_id = %" G_GINT64_FORMAT " AND status = 'acknowledged' "
                         "AND comment = 'Looking into it'", rule_id, first->kpi_id);
  wait.sql = sql;
  g_assert_true (wait_for (store_has, &wait));

  /* The row follows: acknowledged, no longer counted as active. */
  if (n_fired == 1)
    g_assert_true (wait_for (no_active_alerts, page));
  sc_alerts_page_set_filter (page, SC_ALERTS_FILTER_ACKNOWLEDGED);
  g_assert_true (wait_for (alerts_shown, page));
  g_assert_cmpuint (sc_alerts_page_get_n_shown (page), ==, 1);
  row = sc_alerts_page_get_row (page, rule_id, first->kpi_id);
  g_assert_nonnull (row);
  g_assert_null (g_object_get_data (G_OBJECT (row), "acknowledge"));
  g_assert_cmpuint (sc_alerts_page_get_n_active (page), ==, n_fired - 1);

  /* The row opens its KPI. */
  g_signal_emit_by_name (row, "activate");
  sc_test_app_spin (300);
  g_assert_cmpstr (sc_window_get_page (fixture->window), ==, "detail");
  g_assert_cmpint (sc_window_get_shown_kpi (fixture->window), ==, first->kpi_id);
}

typedef struct
{
  ScAlertsPage *page;
  gint64        rule_id;
  gint64        kpi_id;
} AlertRowWait;

static gboolean
alert_row_shown (gpointer data)
{
  AlertRowWait *wait = data;

  return sc_alerts_page_get_row (wait->page, wait->rule_id, wait->kpi_id) != NULL;
}

typedef struct
{
  ScAlertMonitor *monitor;
  guint           n_runs;
} RunWait;

static gboolean
monitor_ran (gpointer data)
{
  RunWait *wait = data;

  return sc_alert_monitor_get_n_runs (wait->monitor) > wait->n_runs;
}

static void
test_alerts_evaluated_in_app (AppFixture    *fixture,
                              gconstpointer  data)
{
  ScAlertsPage *page = SC_ALERTS_PAGE (sc_window_get_alerts (fixture->window));
  ScKpi *revenue = find_kpi (fixture, "Revenue");
  g_autoptr(ScAlertMonitor) monitor = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScStore) other = sc_store_open (fixture->path, &error);
  g_autoptr(ScAlertRule) rule = NULL;
  g_autofree char *json = NULL;
  RunWait run = { NULL, 0 };
  AlertRowWait row = { page, 0, sc_kpi_get_id (revenue) };

  g_assert_no_error (error);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "alerts");

  /* No application: the run happens, only the notification is not sent. */
  monitor = sc_alert_monitor_new (sc_context_get_store (fixture->context), NULL);
  run.monitor = monitor;
  g_assert_true (wait_for (monitor_ran, &run));
  g_assert_null (sc_alert_monitor_get_last_digest (monitor));

  /* A healthy value, then a rule on Revenue alone. */
  g_assert_true (sc_store_submit (other, sc_kpi_get_id (revenue), 0, 150000, DEMO_END + 3600, NULL,
                                  NULL, &error));
  g_assert_no_error (error);
  json = g_strdup_printf ("{\"metric\": \"value\", \"comparison\": \"below\", \"level\": 100000, "
                          "\"severity\": \"urgent\", \"scope\": \"kpi\", \"kpi\": %" G_GINT64_FORMAT "}",
                          sc_kpi_get_id (revenue));
  rule = sc_alert_rule_from_json (json, "Revenue under 100k", &error);
  g_assert_no_error (error);
  row.rule_id = sc_store_add_alert_rule (other, rule, NULL, 0, DEMO_END, &error);
  g_assert_no_error (error);
  run.n_runs = sc_alert_monitor_get_n_runs (monitor);
  g_assert_true (wait_for (monitor_ran, &run));
  g_assert_null (sc_alert_monitor_get_last_digest (monitor));
  g_assert_null (sc_alerts_page_get_row (page, row.rule_id, row.kpi_id));

  /* A value under the line, from another process as from a sync: the app
   * runs the rules by itself, and the page shows the alert. */
  g_assert_true (sc_store_submit (other, sc_kpi_get_id (revenue), 0, 50000, DEMO_END + 7200, NULL,
                                  NULL, &error));
  g_assert_no_error (error);
  g_assert_true (wait_for (alert_row_shown, &row));
  g_assert_nonnull (sc_alert_monitor_get_last_digest (monitor));
  g_test_message ("digest: %s", sc_alert_monitor_get_last_digest (monitor));
  g_assert_nonnull (strstr (sc_alert_monitor_get_last_digest (monitor), "Revenue"));
  g_assert_cmpint (query_int64 (fixture->path, "SELECT count(*) FROM alert_events "
                                               "WHERE type = 'fired'"), ==, 1);
  g_assert_cmpuint (sc_alerts_page_get_n_active (page), ==, 1);

  g_clear_object (&monitor);
  sc_test_app_spin (200);
}

/* A desktop notification server on the test's own session bus
 * (dbus-run-session), as GNOME Shell would be: it records what it was
 * asked to show. */

static const char notifications_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.Notifications'>"
  "    <method name='Notify'>"
  "      <arg type='s' direction='in'/><arg type='u' direction='in'/>"
  "      <arg type='s' direction='in'/><arg type='s' direction='in'/>"
  "      <arg type='s' direction='in'/><arg type='as' direction='in'/>"
  "      <arg type='a{sv}' direction='in'/><arg type='i' direction='in'/>"
  "      <arg type='u' direction='out'/>"
  "    </method>"
  "    <method name='CloseNotification'><arg type='u' direction='in'/></method>"
  "    <method name='GetCapabilities'><arg type='as' direction='out'/></method>"
  "    <method name='GetServerInformation'>"
  "      <arg type='s' direction='out'/><arg type='s' direction='out'/>"
  "      <arg type='s' direction='out'/><arg type='s' direction='out'/>"
  "    </method>"
  "  </interface>"
  "</node>";

typedef struct
{
  guint    n_notify;
  char    *summary;
  char    *body;
  char   **actions;
  guchar   urgency;
} NotificationServer;

static void
notifications_method_call (GDBusConnection       *connection,
                           const char            *sender,
                           const char            *object_path,
                           const char            *interface_name,
                           const char            *method_name,
                           GVariant              *parameters,
                           GDBusMethodInvocation *invocation,
                           gpointer               user_data)
{
  NotificationServer *server = user_data;

  if (g_str_equal (method_name, "Notify"))
    {
      g_autoptr(GVariant) hints = NULL;

      g_clear_pointer (&server->summary, g_free);
      g_clear_pointer (&server->body, g_free);
      g_clear_pointer (&server->actions, g_strfreev);
      g_variant_get (parameters, "(&suss&s^as@a{sv}i)", NULL, NULL, NULL,
                     &server->summary, NULL, &server->actions, &hints, NULL);
      g_variant_get (parameters, "(&su&s&ss^as@a{sv}i)", NULL, NULL, NULL, NULL,
                     &server->body, NULL, NULL, NULL);
      server->urgency = 1;
      g_variant_lookup (hints, "urgency", "y", &server->urgency);
      server->n_notify++;
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", server->n_notify));
    }
  else if (g_str_equal (method_name, "GetCapabilities"))
    {
      const char *caps[] = { "actions", "body", NULL };

      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(^as)", caps));
    }
  else if (g_str_equal (method_name, "GetServerInformation"))
    g_dbus_method_invocation_return_value (invocation,
                                           g_variant_new ("(ssss)", "test", "scorecard", "1", "1.2"));
  else
    g_dbus_method_invocation_return_value (invocation, NULL);
}

static gboolean
notified (gpointer data)
{
  NotificationServer *server = data;

  return server->n_notify > 0;
}

static gboolean
name_owned (gpointer data)
{
  return *(gboolean *)data;
}

static void
on_name_acquired_cb (GDBusConnection *connection,
                     const char      *name,
                     gpointer         user_data)
{
  *(gboolean *)user_data = TRUE;
}

static void
test_alerts_notification (AppFixture    *fixture,
                          gconstpointer  data)
{
  static const GDBusInterfaceVTable vtable = { notifications_method_call, NULL, NULL, { 0 } };
  GDBusConnection *bus = g_application_get_dbus_connection (G_APPLICATION (app));
  g_autoptr(GDBusNodeInfo) node = NULL;
  g_autoptr(ScAlertMonitor) monitor = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScStore) other = NULL;
  g_autoptr(ScAlertRule) rule = NULL;
  g_autofree char *json = NULL;
  NotificationServer server = { 0, };
  ScKpi *revenue = find_kpi (fixture, "Revenue");
  gboolean owned = FALSE;
  guint registration, owner;

  if (bus == NULL)
    {
      g_test_skip ("No session bus: run under dbus-run-session");
      return;
    }

  node = g_dbus_node_info_new_for_xml (notifications_xml, &error);
  g_assert_no_error (error);
  registration = g_dbus_connection_register_object (bus, "/org/freedesktop/Notifications",
                                                    node->interfaces[0], &vtable, &server,
                                                    NULL, &error);
  g_assert_no_error (error);
  owner = g_bus_own_name_on_connection (bus, "org.freedesktop.Notifications",
                                        G_BUS_NAME_OWNER_FLAGS_NONE, on_name_acquired_cb, NULL,
                                        &owned, NULL);
  g_assert_true (wait_for (name_owned, &owned));

  /* An urgent alert: one notification, urgent, with the digest. */
  monitor = sc_alert_monitor_new (sc_context_get_store (fixture->context), G_APPLICATION (app));
  other = sc_store_open (fixture->path, &error);
  g_assert_no_error (error);
  json = g_strdup_printf ("{\"metric\": \"value\", \"comparison\": \"below\", \"level\": 100000, "
                          "\"severity\": \"urgent\", \"scope\": \"kpi\", \"kpi\": %" G_GINT64_FORMAT "}",
                          sc_kpi_get_id (revenue));
  rule = sc_alert_rule_from_json (json, "Revenue under 100k", &error);
  g_assert_no_error (error);
  sc_store_add_alert_rule (other, rule, NULL, 0, DEMO_END, &error);
  g_assert_no_error (error);
  g_assert_true (sc_store_submit (other, sc_kpi_get_id (revenue), 0, 50000, DEMO_END + 7200, NULL,
                                  NULL, &error));
  g_assert_no_error (error);

  g_assert_true (wait_for (notified, &server));
  g_test_message ("notification: %s: %s (urgency %u)", server.summary, server.body, server.urgency);
  g_assert_cmpuint (server.n_notify, ==, 1);
  g_assert_cmpstr (server.summary, ==, "Urgent Alert");
  g_assert_nonnull (strstr (server.body, "Revenue"));
  g_assert_cmpuint (server.urgency, ==, 2);
  g_assert_true (g_strv_contains ((const char * const *)server.actions, "Acknowledge All"));

  /* Its default action opens the Alerts page. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "dashboard");
  g_action_group_activate_action (G_ACTION_GROUP (app), "show-page", g_variant_new_string ("alerts"));
  g_assert_cmpstr (sc_window_get_page (fixture->window), ==, "alerts");

  /* Its button acknowledges every open alert. */
  {
    StoreWait wait = { fixture, "SELECT count(*) FROM alert_states WHERE status = 'acknowledged'", 1 };

    g_action_group_activate_action (G_ACTION_GROUP (app), "acknowledge-alerts", NULL);
    g_assert_true (wait_for (store_has, &wait));
  }

  g_clear_object (&monitor);
  g_bus_unown_name (owner);
  g_dbus_connection_unregister_object (bus, registration);
  sc_test_app_spin (200);
  g_free (server.summary);
  g_free (server.body);
  g_strfreev (server.actions);
}

static ScRuleDialog *
find_rule_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (SC_IS_RULE_DIALOG (window))
        return SC_RULE_DIALOG (window);
    }

  return NULL;
}

static gboolean
rule_dialog_shown (gpointer data)
{
  return find_rule_dialog () != NULL;
}

static gboolean
rule_dialog_closed (gpointer data)
{
  return find_rule_dialog () == NULL;
}

static gboolean
preview_ready (gpointer data)
{
  return sc_rule_dialog_get_preview_count (data) >= 0;
}

static gboolean
channels_listed (gpointer data)
{
  return sc_rule_dialog_get_n_channels (data) > 0;
}

static void
test_rule_editor (AppFixture    *fixture,
                  gconstpointer  data)
{
  ScAlertsPage *page = SC_ALERTS_PAGE (sc_window_get_alerts (fixture->window));
  ScKpi *daily = find_kpi (fixture, "Daily Sales");
  g_autoptr(GError) error = NULL;
  g_autoptr(ScStore) other = sc_store_open (fixture->path, &error);
  g_autoptr(ScAlertRule) rule = NULL;
  g_autoptr(ScAlertRule) shown = NULL;
  g_autoptr(GArray) history = NULL;
  g_autoptr(GArray) events = NULL;
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  g_autofree char *json = NULL;
  ScRuleDialog *dialog;
  ScKpiFacts facts;
  gint64 channel;
  guint expected = 0;
  StoreWait wait = { fixture, NULL, 1 };

  g_assert_no_error (error);
  channel = sc_store_add_alert_channel (other, "webhook", "Ops Hook", NULL, DEMO_END, &error);
  g_assert_no_error (error);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "alerts");
  gtk_widget_activate_action (GTK_WIDGET (page), "alerts.new-rule", NULL);
  g_assert_true (wait_for (rule_dialog_shown, NULL));
  dialog = find_rule_dialog ();

  /* An empty name cannot be saved. */
  g_assert_false (sc_rule_dialog_can_save (dialog));

  json = g_strdup_printf ("{\"metric\": \"achievement\", \"comparison\": \"below\", \"level\": 100, "
                          "\"hysteresis\": 2, \"severity\": \"critical\", \"scope\": \"kpi\", "
                          "\"kpi\": %" G_GINT64_FORMAT "}", sc_kpi_get_id (daily));
  rule = sc_alert_rule_from_json (json, "Daily sales under target", &error);
  g_assert_no_error (error);
  sc_rule_dialog_set_rule (dialog, rule);
  sc_rule_dialog_set_preview_kpi (dialog, sc_kpi_get_id (daily));
  g_assert_true (sc_rule_dialog_can_save (dialog));

  /* The preview is sc_alert_preview() on the same 90 days. */
  g_assert_true (wait_for (preview_ready, dialog));
  shown = sc_rule_dialog_get_rule (dialog);
  g_assert_cmpfloat (shown->level, ==, 100);
  g_assert_cmpint (shown->scope_kpi_id, ==, sc_kpi_get_id (daily));
  history = sc_store_get_history (other, sc_kpi_get_id (daily),
                                  sc_rule_dialog_get_preview_since (dialog), 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, >, 0);
  sc_kpi_facts_from_kpi (&facts, daily);
  events = sc_alert_preview (shown, (const ScHistoryPoint *)(gpointer)history->data, history->len,
                             &facts, tz);
  sc_kpi_facts_clear (&facts);
  for (guint i = 0; i < events->len; i++)
    if (g_array_index (events, ScAlertEvent, i).type == SC_ALERT_EVENT_FIRED)
      expected++;
  g_test_message ("preview: %d alerts on %u values", sc_rule_dialog_get_preview_count (dialog),
                  history->len);
  g_assert_cmpint (sc_rule_dialog_get_preview_count (dialog), ==, expected);
  g_assert_cmpuint (expected, >, 0);

  /* An invalid change has no preview and cannot be saved. */
  {
    g_autoptr(ScAlertRule) bad = sc_alert_rule_copy (rule);

    bad->severity = SC_ALERT_SEVERITY_URGENT;
    bad->escalation_seconds = 3600;
    sc_rule_dialog_set_rule (dialog, bad);
    g_assert_cmpint (sc_rule_dialog_get_preview_count (dialog), ==, -1);
    sc_rule_dialog_set_rule (dialog, rule);
    g_assert_cmpint (sc_rule_dialog_get_preview_count (dialog), ==, expected);
  }

  /* Other types preview the same way: an anomaly outside the band. */
  {
    g_autoptr(ScAlertRule) anomaly = sc_alert_rule_copy (rule);
    g_autoptr(ScAlertRule) shown_anomaly = NULL;
    g_autoptr(GArray) anomaly_events = NULL;

    anomaly->type = SC_ALERT_TYPE_ANOMALY;
    anomaly->comparison = SC_ALERT_COMPARISON_OUTSIDE;
    anomaly->hysteresis = 0;
    sc_rule_dialog_set_rule (dialog, anomaly);
    g_assert_true (sc_rule_dialog_can_save (dialog));
    shown_anomaly = sc_rule_dialog_get_rule (dialog);
    g_assert_cmpint (shown_anomaly->type, ==, SC_ALERT_TYPE_ANOMALY);
    g_assert_cmpint (shown_anomaly->comparison, ==, SC_ALERT_COMPARISON_OUTSIDE);
    sc_kpi_facts_from_kpi (&facts, daily);
    anomaly_events = sc_alert_preview (shown_anomaly, (const ScHistoryPoint *)(gpointer)history->data,
                                       history->len, &facts, tz);
    sc_kpi_facts_clear (&facts);
    {
      guint fired = 0;

      for (guint i = 0; i < anomaly_events->len; i++)
        if (g_array_index (anomaly_events, ScAlertEvent, i).type == SC_ALERT_EVENT_FIRED)
          fired++;
      g_assert_cmpint (sc_rule_dialog_get_preview_count (dialog), ==, fired);
    }
    sc_rule_dialog_set_rule (dialog, rule);
  }

  /* Notify the webhook too, and save. */
  g_assert_true (wait_for (channels_listed, dialog));
  g_assert_cmpuint (sc_rule_dialog_get_n_channels (dialog), ==, 1);
  sc_rule_dialog_set_channel_active (dialog, 0, TRUE);
  sc_test_app_spin (200);
  sc_test_app_save_screenshot (GTK_WIDGET (dialog), "rule-editor.png");
  sc_rule_dialog_save (dialog);
  g_assert_true (wait_for (rule_dialog_closed, NULL));

  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM alert_rules WHERE name = "
                                            "'Daily sales under target' AND channels = '[%" G_GINT64_FORMAT "]'",
                                            channel);
    g_autoptr(GPtrArray) rules = NULL;

    wait.sql = sql;
    g_assert_true (wait_for (store_has, &wait));
    rules = sc_store_list_alert_rules (other, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (rules->len, ==, 1);
    g_assert_cmpfloat (((ScStoredAlertRule *)g_ptr_array_index (rules, 0))->rule->level, ==, 100);
  }
}

static ScChannelsWindow *
find_channels_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (SC_IS_CHANNELS_WINDOW (window))
        return SC_CHANNELS_WINDOW (window);
    }

  return NULL;
}

static gboolean
channels_window_shown (gpointer data)
{
  return find_channels_window () != NULL;
}

typedef struct
{
  ScChannelsWindow *window;
  guint             n;
} CountWait;

static gboolean
channels_results (gpointer data)
{
  CountWait *wait = data;

  return sc_channels_window_get_n_results (wait->window) >= wait->n;
}

static gboolean
channels_listed_n (gpointer data)
{
  CountWait *wait = data;

  return sc_channels_window_get_n_channels (wait->window) == wait->n;
}

static void
on_hook_request_cb (SoupServer        *server,
                    SoupServerMessage *message,
                    const char        *path,
                    GHashTable        *query,
                    gpointer           user_data)
{
  guint *received = user_data;

  (*received)++;
  soup_server_message_set_status (message, 200, NULL);
  soup_server_message_set_response (message, "text/plain", SOUP_MEMORY_STATIC, "ok", 2);
}

static gboolean
on_hook_incoming_cb (GSocketService    *service,
                     GSocketConnection *connection,
                     GObject           *source,
                     gpointer           user_data)
{
  g_autoptr(GSocketAddress) local = g_socket_connection_get_local_address (connection, NULL);
  g_autoptr(GSocketAddress) remote = g_socket_connection_get_remote_address (connection, NULL);

  if (local != NULL && remote != NULL)
    soup_server_accept_iostream (user_data, G_IO_STREAM (connection), local, remote, NULL);

  return TRUE;
}

static void
test_channels (AppFixture    *fixture,
               gconstpointer  data)
{
  ScAlertsPage *page = SC_ALERTS_PAGE (sc_window_get_alerts (fixture->window));
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GSocketService) service = g_socket_service_new ();
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) effective = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  ScChannelsWindow *window;
  guint received = 0;
  gboolean success = FALSE;
  CountWait wait = { NULL, 1 };
  const char *status;

  /* A receiver on 127.0.0.1, answered from this main loop. Our own
   * listener, as in tests/integrations: libsoup 3.2's leaks sockets. */
  soup_server_add_handler (server, "/hook", on_hook_request_cb, &received, NULL);
  g_socket_listener_add_address (G_SOCKET_LISTENER (service), address, G_SOCKET_TYPE_STREAM,
                                 G_SOCKET_PROTOCOL_TCP, NULL, &effective, &error);
  g_assert_no_error (error);
  g_signal_connect (service, "incoming", G_CALLBACK (on_hook_incoming_cb), server);
  g_socket_service_start (service);
  url = g_strdup_printf ("http://127.0.0.1:%d/hook",
                         g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (effective)));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "alerts");
  gtk_widget_activate_action (GTK_WIDGET (page), "alerts.channels", NULL);
  g_assert_true (wait_for (channels_window_shown, NULL));
  window = find_channels_window ();
  wait.window = window;

  /* Add a webhook: the store keeps it, the keyring its URL. */
  g_assert_false (sc_channels_window_can_add (window));
  sc_channels_window_set_form (window, "webhook", "Loopback", url);
  g_assert_true (sc_channels_window_can_add (window));
  sc_channels_window_add (window);
  g_assert_true (wait_for (channels_results, &wait));
  status = sc_channels_window_get_status (window, &success);
  g_test_message ("add: %s", status);
  g_assert_true (success);
  g_assert_true (wait_for (channels_listed_n, &wait));
  g_assert_cmpint (query_int64 (fixture->path, "SELECT count(*) FROM alert_channels "
                                               "WHERE name = 'Loopback' AND kind = 'webhook'"), ==, 1);
  g_assert_cmpint (query_int64 (fixture->path, "SELECT count(*) FROM alert_channels "
                                               "WHERE config LIKE '%127.0.0.1%'"), ==, 0);

  /* Send Test reaches the receiver. */
  sc_channels_window_send_test (window, 0);
  wait.n = 2;
  g_assert_true (wait_for (channels_results, &wait));
  status = sc_channels_window_get_status (window, &success);
  g_test_message ("test: %s", status);
  g_assert_true (success);
  g_assert_cmpuint (received, ==, 1);
  g_assert_nonnull (strstr (status, "Loopback"));

  /* A dead port: the toast says why. */
  sc_channels_window_set_form (window, "webhook", "Dead", "http://127.0.0.1:9/hook");
  sc_channels_window_add (window);
  wait.n = 3;
  g_assert_true (wait_for (channels_results, &wait));
  wait.n = 2;
  g_assert_true (wait_for (channels_listed_n, &wait));
  sc_channels_window_send_test (window, 0);   /* "Dead" sorts first */
  wait.n = 4;
  g_assert_true (wait_for (channels_results, &wait));
  status = sc_channels_window_get_status (window, &success);
  g_test_message ("test: %s", status);
  g_assert_false (success);
  g_assert_nonnull (strstr (status, "did not reach “Dead”: "));
  g_assert_cmpuint (received, ==, 1);

  sc_test_app_spin (200);
  sc_test_app_save_screenshot (GTK_WIDGET (window), "channels.png");
  gtk_window_destroy (GTK_WINDOW (window));
  g_socket_service_stop (service);
  g_socket_listener_close (G_SOCKET_LISTENER (service));
  soup_server_disconnect (server);
  sc_test_app_spin (100);
}

static gboolean
is_narrow (gpointer data)
{
  AppFixture *fixture = data;

  return sc_window_get_narrow (fixture->window) &&
         gtk_widget_get_width (GTK_WIDGET (fixture->window)) <= 400;
}

static gboolean
is_wide (gpointer data)
{
  AppFixture *fixture = data;

  return gtk_widget_get_width (GTK_WIDGET (fixture->window)) >= 1000;
}

static void
test_narrow (AppFixture    *fixture,
             gconstpointer  data)
{
  ScDashboardPage *page = SC_DASHBOARD_PAGE (sc_window_get_dashboard (fixture->window));
  ScKpi *revenue = find_kpi (fixture, "Revenue");
  ScKpi *daily = find_kpi (fixture, "Daily Sales");
  GtkWidget *a = sc_dashboard_page_get_tile (page, sc_kpi_get_id (revenue));
  GtkWidget *b = sc_dashboard_page_get_tile (page, sc_kpi_get_id (daily));
  graphene_point_t pa, pb;

  /* Resize only once the window has its first, wide size, or the window
   * system's answer to the first request could undo the second. */
  g_assert_true (wait_for (is_wide, fixture));
  g_assert_false (sc_window_get_narrow (fixture->window));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 740);

  if (!wait_for (is_narrow, fixture))
    g_error ("the window did not become narrow: %d px wide, switcher bar %s",
             gtk_widget_get_width (GTK_WIDGET (fixture->window)),
             sc_window_get_narrow (fixture->window) ? "shown" : "hidden");
  sc_test_app_spin (500);

  /* A phone's width: the switcher moves to the bottom bar and tiles stack
   * in one column. */
  g_assert_true (sc_window_get_narrow (fixture->window));
  g_assert_true (gtk_widget_compute_point (a, GTK_WIDGET (fixture->window),
                                           &GRAPHENE_POINT_INIT (0, 0), &pa));
  g_assert_true (gtk_widget_compute_point (b, GTK_WIDGET (fixture->window),
                                           &GRAPHENE_POINT_INIT (0, 0), &pb));
  g_assert_cmpfloat (pa.x, ==, pb.x);
  g_assert_cmpfloat (pa.y, !=, pb.y);

  sc_test_app_save_screenshot (GTK_WIDGET (fixture->window), "dashboard-narrow.png");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *keyring_dir = NULL;
  g_autofree char *keyring = NULL;
  int status;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  /* Channel secrets in a file, not the desktop's keyring. */
  keyring_dir = g_dir_make_tmp ("scorecard-keyring-XXXXXX", &error);
  g_assert_no_error (error);
  keyring = g_build_filename (keyring_dir, "test.keyring", NULL);
  g_setenv ("SECRET_BACKEND", "file", TRUE);
  g_setenv ("SECRET_FILE_TEST_PATH", keyring, TRUE);
  g_setenv ("SECRET_FILE_TEST_PASSWORD", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = sc_application_new (g_get_monotonic_time ());
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  g_test_add ("/ui/app/dashboard", AppFixture, NULL, app_setup, test_dashboard, app_teardown);
  g_test_add ("/ui/app/open-kpi-and-submit", AppFixture, NULL, app_setup,
              test_open_kpi_and_submit, app_teardown);
  g_test_add ("/ui/app/live-update-from-cli", AppFixture, NULL, app_setup,
              test_live_update_from_cli, app_teardown);
  g_test_add ("/ui/app/kpi-list", AppFixture, NULL, app_setup, test_kpi_list, app_teardown);
  g_test_add ("/ui/app/alerts-empty", AppFixture, NULL, app_setup, test_alerts_empty,
              app_teardown);
  g_test_add ("/ui/app/alerts", AppFixture, NULL, app_setup, test_alerts, app_teardown);
  g_test_add ("/ui/app/alerts-evaluated-in-app", AppFixture, NULL, app_setup,
              test_alerts_evaluated_in_app, app_teardown);
  g_test_add ("/ui/app/alerts-notification", AppFixture, NULL, app_setup,
              test_alerts_notification, app_teardown);
  g_test_add ("/ui/app/rule-editor", AppFixture, NULL, app_setup, test_rule_editor, app_teardown);
  g_test_add ("/ui/app/channels", AppFixture, NULL, app_setup, test_channels, app_teardown);
  g_test_add ("/ui/app/narrow", AppFixture, NULL, app_setup, test_narrow, app_teardown);

  status = g_test_run ();
  g_clear_object (&app);
  sc_test_app_remove_tree (keyring_dir);

  return status;
}
