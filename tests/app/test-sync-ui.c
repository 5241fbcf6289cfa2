/* test-sync-ui.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-test"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "sc-application.h"
#include "sc-fake-odoo.h"
#include "sc-kpi-detail-page.h"
#include "sc-odoo-preferences-page.h"
#include "sc-store-private.h"
#include "sc-sync-account.h"
#include "sc-sync-indicator.h"
#include "sc-test-app-utils.h"
#include "sc-test-network-monitor.h"
#include "sc-test-secrets.h"
#include "sc-window.h"

/* Sync in the app, under Xvfb, against the in-process fake Odoo: the
 * header bar's indicator in each state, Ctrl+R, the "Odoo Server"
 * preferences page, and what a KPI User may submit. The network is a
 * test monitor the tests switch; secrets go to a file keyring
 * (SECRET_BACKEND=file) or to a lookup that needs none. */

/* Generous: under ASan, with other tests beside it, a sync is slow. */
#define TIMEOUT_USEC (90 * G_USEC_PER_SEC)

static ScApplication *app;

typedef struct
{
  char               *dir;
  char               *path;
  ScFakeOdoo         *server;
  TestNetworkMonitor *monitor;
  ScStoreThread      *thread;
  ScContext          *context;
  ScSyncScheduler    *sync;
  ScWindow           *window;
} Fixture;

typedef gboolean (*Condition) (Fixture *fixture);

static void
wait_for (Fixture    *fixture,
          Condition   condition,
          const char *what)
{
  gint64 until = g_get_monotonic_time () + TIMEOUT_USEC;

  while (!condition (fixture))
    {
      if (g_get_monotonic_time () > until)
        g_error ("Waited too long for %s", what);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

#define WAIT_FOR(fixture, condition) wait_for (fixture, condition, #condition)

static gboolean
contains_bytes (const char *data,
                gsize       length,
                const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;

  return FALSE;
}

/* With SC_TEST_ROOT_SCREENSHOT=DIR, the whole X screen too (ImageMagick's
 * import), popovers included, which a widget snapshot leaves out. */
static void
save_root_screenshot (const char *name)
{
  const char *dir = g_getenv ("SC_TEST_ROOT_SCREENSHOT");
  g_autofree char *path = NULL;
  g_autofree char *command = NULL;

  if (dir == NULL || g_find_program_in_path ("import") == NULL)
    return;

  path = g_build_filename (dir, name, NULL);
  command = g_strdup_printf ("import -window root %s", path);
  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));
  g_test_message ("screen: %s", path);
}

/* Fixture */

static void
save_account (Fixture    *fixture,
              const char *login)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScStore) store = sc_store_open (fixture->path, &error);
  ScSyncAccount account = { 0 };

  g_assert_no_error (error);
  account.url = (char *)sc_fake_odoo_get_url (fixture->server);
  account.database = (char *)SC_FAKE_ODOO_DATABASE;
  account.login = (char *)login;
  g_assert_true (sc_sync_account_save (store, &account, &error));
  g_assert_no_error (error);
  sc_sync_scheduler_reload_account (fixture->sync);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("scorecard-sync-ui-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "store.db", NULL);

  fixture->server = sc_fake_odoo_new (&error);
  g_assert_no_error (error);
  fixture->monitor = g_object_new (TEST_TYPE_NETWORK_MONITOR, NULL);
  fixture->thread = sc_store_thread_new (fixture->path, &error);
  g_assert_no_error (error);
  fixture->context = g_object_new (SC_TYPE_CONTEXT,
                                   "store", fixture->thread,
                                   "network-monitor", fixture->monitor,
                                   NULL);
  sc_context_reload (fixture->context);
  fixture->sync = sc_context_get_sync (fixture->context);
  sc_sync_scheduler_set_secret_funcs (fixture->sync, sc_test_secret_funcs ());
  sc_sync_scheduler_set_reconnect_delay (fixture->sync, 10);
  sc_sync_scheduler_set_timeout (fixture->sync, 30);
  /* A call that timed out on a loaded machine is soon tried again. */
  sc_sync_scheduler_set_backoff (fixture->sync, 200, 2000);

  fixture->window = SC_WINDOW (sc_window_new (app, fixture->context, NULL));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1100, 760);
  gtk_window_present (GTK_WINDOW (fixture->window));
  sc_sync_scheduler_start (fixture->sync);
  sc_test_app_spin (100);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  sc_test_app_spin (100);
  g_clear_object (&fixture->context);
  g_clear_object (&fixture->thread);
  sc_test_app_spin (300);
  g_clear_object (&fixture->monitor);
  g_clear_object (&fixture->server);
  sc_test_app_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static ScSyncIndicator *
indicator_of (Fixture *fixture)
{
  return SC_SYNC_INDICATOR (sc_window_get_sync_indicator (fixture->window));
}

static gboolean
is_idle (Fixture *fixture)
{
  return sc_sync_scheduler_get_state (fixture->sync) == SC_SYNC_STATUS_IDLE &&
         sc_sync_scheduler_get_last_sync (fixture->sync) != NULL;
}

static gboolean
is_spinning (Fixture *fixture)
{
  return g_strcmp0 (sc_sync_indicator_get_icon_name (indicator_of (fixture)), "spinner") == 0;
}

static gboolean
is_error (Fixture *fixture)
{
  return sc_sync_scheduler_get_state (fixture->sync) == SC_SYNC_STATUS_ERROR;
}

static gboolean
is_configured (Fixture *fixture)
{
  return sc_sync_scheduler_get_login (fixture->sync) != NULL;
}

/* Tests */

static void
test_indicator_states (Fixture       *fixture,
                       gconstpointer  data)
{
  ScSyncIndicator *indicator = indicator_of (fixture);
  GtkPopover *popover = sc_sync_indicator_get_popover (indicator);
  const char *tooltip;

  gtk_test_widget_wait_for_draw (GTK_WIDGET (indicator));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (indicator)));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (indicator)), >, 0);

  /* No server: the app works offline and says so. */
  g_assert_cmpint (sc_sync_scheduler_get_state (fixture->sync), ==, SC_SYNC_STATUS_NOT_CONFIGURED);
  g_assert_cmpstr (sc_sync_indicator_get_status_title (indicator), ==, "Not Connected to Odoo");

  /* Set up: the first sync runs; a slow one shows the spinner. */
  sc_fake_odoo_set_latency (fixture->server, 150);
  save_account (fixture, SC_FAKE_ODOO_ADMIN_LOGIN);
  WAIT_FOR (fixture, is_spinning);
  g_assert_cmpstr (sc_sync_indicator_get_status_title (indicator), ==, "Syncing…");
  WAIT_FOR (fixture, is_idle);
  sc_fake_odoo_set_latency (fixture->server, 0);
  g_assert_cmpstr (sc_sync_indicator_get_status_title (indicator), ==, "Up to Date");
  g_assert_cmpstr (sc_sync_indicator_get_icon_name (indicator), ==, "emblem-synchronizing-symbolic");

  /* Offline, then back. */
  test_network_monitor_set_available (fixture->monitor, FALSE);
  g_assert_cmpstr (sc_sync_indicator_get_status_title (indicator), ==, "Offline");
  g_assert_cmpstr (sc_sync_indicator_get_icon_name (indicator), ==, "network-offline-symbolic");
  test_network_monitor_set_available (fixture->monitor, TRUE);
  WAIT_FOR (fixture, is_idle);

  /* An error, with the reason. */
  sc_sync_scheduler_set_backoff (fixture->sync, 60000, 60000);
  sc_fake_odoo_add_fault (fixture->server, SC_FAKE_ODOO_FAULT_HTTP_502, NULL, NULL, 1);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "app.sync-now", NULL);
  WAIT_FOR (fixture, is_error);
  g_assert_cmpstr (sc_sync_indicator_get_status_title (indicator), ==, "Sync Failed");
  g_assert_cmpstr (sc_sync_indicator_get_icon_name (indicator), ==, "dialog-warning-symbolic");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (indicator), "error"));
  tooltip = gtk_widget_get_tooltip_text (gtk_widget_get_first_child (GTK_WIDGET (indicator)));
  g_assert_nonnull (strstr (tooltip, "502"));

  /* The popover, opened, in the window's screenshot. */
  gtk_popover_popup (popover);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (popover));
  sc_test_app_spin (300);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (popover)));
  sc_test_app_save_screenshot (GTK_WIDGET (popover), "sync-popover-error.png");
  gtk_popover_popdown (popover);
}

static gboolean
shows_warning (Fixture *fixture)
{
  return g_strcmp0 (sc_sync_indicator_get_icon_name (indicator_of (fixture)),
                    "dialog-warning-symbolic") == 0;
}

static void
test_issues_in_popover (Fixture       *fixture,
                        gconstpointer  data)
{
  ScSyncIndicator *indicator = indicator_of (fixture);
  GtkPopover *popover = sc_sync_indicator_get_popover (indicator);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScStore) store = NULL;

  save_account (fixture, SC_FAKE_ODOO_ADMIN_LOGIN);
  WAIT_FOR (fixture, is_idle);

  /* A refused change and a conflict, as the engine leaves them. */
  store = sc_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (_sc_store_get_db (store),
                                 "INSERT INTO outbox (created_at, operation, model, record_id, "
                                 "  payload, state, attempts, last_error, idempotency_key) "
                                 "SELECT 0, 'submit', 'kpi.report.submission', NULL, "
                                 "  json_object ('kpi_id', id, 'value', 12.5, 'date', "
                                 "  '2026-11-29 10:00:00'), 'failed', 1, "
                                 "  'Odoo refused access: You are not allowed to create', 'k1' "
                                 "FROM kpis ORDER BY id LIMIT 1;"
                                 "INSERT INTO sync_conflicts (model, odoo_id, local_payload, rule, "
                                 "  created_at) "
                                 "SELECT 'kpi.report.submission', 1, json_object ('kpi_id', id, "
                                 "  'value', 7, 'date', '2026-11-28 09:00:00'), "
                                 "  'later-edit-wins:server', 0 FROM kpis ORDER BY id LIMIT 1;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sc_sync_scheduler_refresh_counts (fixture->sync);

  gtk_popover_popup (popover);
  while (sc_sync_indicator_get_n_issues (indicator) < 2)
    g_main_context_iteration (NULL, TRUE);

  /* The button says that something waits for the user. */
  WAIT_FOR (fixture, shows_warning);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (indicator), "warning"));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (popover));
  sc_test_app_spin (300);
  sc_test_app_save_screenshot (GTK_WIDGET (popover), "sync-popover-issues.png");
  save_root_screenshot ("sync-popover-light.png");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  sc_test_app_spin (500);
  sc_test_app_save_screenshot (GTK_WIDGET (popover), "sync-popover-issues-dark.png");
  save_root_screenshot ("sync-popover-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  gtk_popover_popdown (popover);
}

/* GTK 4.8 cannot inject key events, so this finds the shortcut the
 * window's controllers would run for the key and runs it. */
static gboolean
press_shortcut (GtkWidget       *window,
                guint            keyval,
                GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (window);
  g_autoptr(GtkShortcutTrigger) key = gtk_keyval_trigger_new (keyval, modifiers);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
            {
              if (!gtk_shortcut_trigger_equal (gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)), key) &&
                  !gtk_shortcut_trigger_equal (gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)), key))
                continue;
            }
          else if (!gtk_shortcut_trigger_equal (trigger, key))
            continue;

          return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                               GTK_SHORTCUT_ACTION_EXCLUSIVE, window,
                                               gtk_shortcut_get_arguments (shortcut));
        }
    }

  return FALSE;
}

static void
test_ctrl_r (Fixture       *fixture,
             gconstpointer  data)
{
  g_auto(GStrv) actions = NULL;
  GDateTime *before;

  /* Ctrl+R is app.sync-now, and the shortcuts window lists it. */
  actions = gtk_application_get_actions_for_accel (GTK_APPLICATION (app), "<Control>r");
  g_assert_true (g_strv_contains ((const char * const *)actions, "app.sync-now"));

  save_account (fixture, SC_FAKE_ODOO_ADMIN_LOGIN);
  WAIT_FOR (fixture, is_idle);
  before = g_date_time_ref (sc_sync_scheduler_get_last_sync (fixture->sync));
  sc_fake_odoo_reset_counters (fixture->server);

  /* What the window does on Ctrl+R: its shortcut for that key. */
  g_assert_true (press_shortcut (GTK_WIDGET (fixture->window), GDK_KEY_r, GDK_CONTROL_MASK));
  g_assert_cmpint (sc_sync_scheduler_get_state (fixture->sync), ==, SC_SYNC_STATUS_SYNCING);
  WAIT_FOR (fixture, is_idle);
  g_assert_cmpuint (sc_fake_odoo_get_request_count (fixture->server, NULL, NULL), >, 0);
  g_assert_true (sc_sync_scheduler_get_last_sync (fixture->sync) != before);
  g_date_time_unref (before);
}

static gboolean
page_done (Fixture *fixture)
{
  ScOdooPreferencesPage *page = g_object_get_data (G_OBJECT (fixture->window), "page");

  return !sc_odoo_preferences_page_get_busy (page);
}

static gboolean
databases_listed (Fixture *fixture)
{
  ScOdooPreferencesPage *page = g_object_get_data (G_OBJECT (fixture->window), "page");
  GObject *combo = gtk_widget_get_template_child (GTK_WIDGET (page), SC_TYPE_ODOO_PREFERENCES_PAGE,
                                                  "database_combo");

  return gtk_widget_get_visible (GTK_WIDGET (combo));
}

static void
set_row (GtkWidget  *page,
         const char *name,
         const char *text)
{
  GObject *row = gtk_widget_get_template_child (page, SC_TYPE_ODOO_PREFERENCES_PAGE, name);

  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
click (GtkWidget  *page,
       const char *name)
{
  GObject *button = gtk_widget_get_template_child (page, SC_TYPE_ODOO_PREFERENCES_PAGE, name);

  g_signal_emit_by_name (button, "clicked");
}

static void
test_preferences (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(ScStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScSyncAccount) account = NULL;
  g_autofree char *contents = NULL;
  GtkWidget *window = adw_preferences_window_new ();
  GtkWidget *page = sc_odoo_preferences_page_new (fixture->context);
  const char *subtitle = NULL;
  gsize length = 0;

  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window), ADW_PREFERENCES_PAGE (page));
  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (window),
                                           ADW_PREFERENCES_PAGE (page));
  gtk_window_set_default_size (GTK_WINDOW (window), 600, 640);
  gtk_window_present (GTK_WINDOW (window));
  g_object_set_data (G_OBJECT (fixture->window), "page", page);

  /* The server lists its databases: a choice, not a guess. */
  sc_fake_odoo_set_list_databases (fixture->server, TRUE);
  set_row (page, "url_row", sc_fake_odoo_get_url (fixture->server));
  WAIT_FOR (fixture, databases_listed);

  /* Test Connection: the version, the addon and the role. */
  set_row (page, "login_row", SC_FAKE_ODOO_ADMIN_LOGIN);
  set_row (page, "secret_row", SC_FAKE_ODOO_ADMIN_PASSWORD);
  click (page, "test_button");
  g_assert_true (sc_odoo_preferences_page_get_busy (SC_ODOO_PREFERENCES_PAGE (page)));
  WAIT_FOR (fixture, page_done);
  g_assert_cmpstr (sc_odoo_preferences_page_get_status (SC_ODOO_PREFERENCES_PAGE (page), &subtitle),
                   ==, "Odoo 17.0");
  g_assert_nonnull (strstr (subtitle, "KPI Tracking addon is installed"));
  g_assert_nonnull (strstr (subtitle, "KPI Admin"));
  sc_test_app_save_screenshot (window, "preferences-odoo.png");

  /* A wrong password: Odoo's precise refusal. */
  set_row (page, "secret_row", "wrong");
  click (page, "test_button");
  WAIT_FOR (fixture, page_done);
  g_assert_cmpstr (sc_odoo_preferences_page_get_status (SC_ODOO_PREFERENCES_PAGE (page), &subtitle),
                   ==, "Connection Failed");
  g_assert_nonnull (strstr (subtitle, "not accepted"));

  /* Sign in and save as a KPI User: the account and role in the store,
   * the password in the (file) keyring and nowhere in the store. */
  set_row (page, "login_row", SC_FAKE_ODOO_USER_LOGIN);
  set_row (page, "secret_row", SC_FAKE_ODOO_USER_PASSWORD);
  click (page, "save_button");
  WAIT_FOR (fixture, page_done);
  WAIT_FOR (fixture, is_configured);
  /* The account syncs at once; the test leaves nothing in flight. */
  WAIT_FOR (fixture, is_idle);
  g_assert_cmpstr (sc_odoo_preferences_page_get_status (SC_ODOO_PREFERENCES_PAGE (page), &subtitle),
                   ==, "Odoo 17.0");
  g_assert_nonnull (strstr (subtitle, "KPI User"));

  store = sc_store_open (fixture->path, &error);
  g_assert_no_error (error);
  account = sc_sync_account_load (store);
  g_assert_cmpstr (account->login, ==, SC_FAKE_ODOO_USER_LOGIN);
  g_assert_cmpstr (account->database, ==, SC_FAKE_ODOO_DATABASE);
  g_assert_cmpint (account->role, ==, SC_ODOO_ROLE_USER);
  g_clear_object (&store);
  sc_test_app_spin (200);
  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, NULL));
  g_assert_false (contains_bytes (contents, length, SC_FAKE_ODOO_USER_PASSWORD));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (gtk_widget_get_template_child (
                     page, SC_TYPE_ODOO_PREFERENCES_PAGE, "secret_row"))), ==, "");

  gtk_window_destroy (GTK_WINDOW (window));
  sc_test_app_spin (100);
}

static void
test_preferences_certificate (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *pem = g_test_build_filename (G_TEST_DIST, "sync", "data",
                                                "fake-odoo-selfsigned.pem", NULL);
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(ScFakeOdoo) tls_server = NULL;
  g_autoptr(ScStore) store = NULL;
  g_autoptr(ScSyncAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *fingerprint = NULL;
  GtkWidget *window = adw_preferences_window_new ();
  GtkWidget *page = sc_odoo_preferences_page_new (fixture->context);
  GObject *trust;
  const char *subtitle = NULL;

  certificate = g_tls_certificate_new_from_file (pem, &error);
  g_assert_no_error (error);
  fingerprint = sc_odoo_certificate_fingerprint (certificate);
  tls_server = sc_fake_odoo_new_full (0, certificate, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (sc_fake_odoo_get_url (tls_server), "https://"));

  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window), ADW_PREFERENCES_PAGE (page));
  gtk_window_present (GTK_WINDOW (window));
  g_object_set_data (G_OBJECT (fixture->window), "page", page);
  trust = gtk_widget_get_template_child (page, SC_TYPE_ODOO_PREFERENCES_PAGE, "trust_button");

  set_row (page, "url_row", sc_fake_odoo_get_url (tls_server));
  set_row (page, "database_row", SC_FAKE_ODOO_DATABASE);
  set_row (page, "login_row", SC_FAKE_ODOO_ADMIN_LOGIN);
  set_row (page, "secret_row", SC_FAKE_ODOO_ADMIN_PASSWORD);

  /* Self-signed: refused, with the fingerprint and a way to trust it. */
  click (page, "test_button");
  WAIT_FOR (fixture, page_done);
  g_assert_cmpstr (sc_odoo_preferences_page_get_status (SC_ODOO_PREFERENCES_PAGE (page), &subtitle),
                   ==, "Connection Failed");
  g_assert_nonnull (strstr (subtitle, fingerprint));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (trust)));
  sc_test_app_spin (300);
  sc_test_app_save_screenshot (window, "preferences-odoo-certificate.png");

  /* Trusted: the test goes through. */
  g_signal_emit_by_name (trust, "clicked");
  WAIT_FOR (fixture, page_done);
  g_assert_cmpstr (sc_odoo_preferences_page_get_status (SC_ODOO_PREFERENCES_PAGE (page), &subtitle),
                   ==, "Odoo 17.0");
  g_assert_nonnull (strstr (subtitle, "trusted by its fingerprint"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (trust)));

  /* The scheduler pins a trusted certificate saved with the account. Not
   * through Save: a second write to libsecret's file keyring in one
   * process leaks the first one's etag (libsecret 0.20), which LSan
   * reports. */
  store = sc_store_open (fixture->path, &error);
  g_assert_no_error (error);
  account = g_new0 (ScSyncAccount, 1);
  account->url = g_strdup (sc_fake_odoo_get_url (tls_server));
  account->database = g_strdup (SC_FAKE_ODOO_DATABASE);
  account->login = g_strdup (SC_FAKE_ODOO_ADMIN_LOGIN);
  account->certificate = g_strdup (fingerprint);
  g_assert_true (sc_sync_account_save (store, account, &error));
  g_assert_no_error (error);
  sc_sync_scheduler_reload_account (fixture->sync);
  WAIT_FOR (fixture, is_idle);
  g_assert_cmpuint (sc_fake_odoo_get_request_count (tls_server, "object", "execute_kw"), >, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  sc_test_app_spin (100);
}

static gboolean
kpis_pulled (Fixture *fixture)
{
  return is_idle (fixture) &&
         g_list_model_get_n_items (sc_context_get_kpis (fixture->context)) > 0;
}

static void
test_kpi_user_cannot_submit (Fixture       *fixture,
                             gconstpointer  data)
{
  GListModel *kpis = sc_context_get_kpis (fixture->context);
  ScKpiDetailPage *detail;
  GObject *button;
  GObject *hint;
  gint64 manual = 0;

  /* A KPI User who sees the sales KPIs assigned to them. */
  save_account (fixture, SC_FAKE_ODOO_SALES_LOGIN);
  WAIT_FOR (fixture, kpis_pulled);
  g_assert_cmpint (sc_sync_scheduler_get_role (fixture->sync), ==, SC_ODOO_ROLE_USER);

  for (guint i = 0; i < g_list_model_get_n_items (kpis) && manual == 0; i++)
    {
      g_autoptr(ScKpi) kpi = g_list_model_get_item (kpis, i);

      if (sc_kpi_get_kpi_type (kpi) == SC_KPI_TYPE_MANUAL)
        manual = sc_kpi_get_id (kpi);
    }
  g_assert_cmpint (manual, >, 0);

  sc_window_show_kpi (fixture->window, manual);
  detail = SC_KPI_DETAIL_PAGE (sc_window_get_detail (fixture->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (detail));
  g_assert_false (sc_kpi_detail_page_get_can_submit (detail));
  /* The button follows win.submit, which the window disabled. */
  button = gtk_widget_get_template_child (GTK_WIDGET (detail), SC_TYPE_KPI_DETAIL_PAGE,
                                          "submit_button");
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (button)));
  g_assert_nonnull (gtk_widget_get_tooltip_text (GTK_WIDGET (button)));
  hint = gtk_widget_get_template_child (GTK_WIDGET (detail), SC_TYPE_KPI_DETAIL_PAGE, "submit_hint");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (hint)));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (hint)), ==,
                   "Your Odoo KPI group (KPI User) cannot submit values; ask a KPI Manager");
  sc_test_app_spin (200);
  sc_test_app_save_screenshot (GTK_WIDGET (fixture->window), "kpi-user-submit-disabled.png");
}

static gboolean
manager_refused (Fixture *fixture)
{
  return !sc_kpi_detail_page_get_can_submit (SC_KPI_DETAIL_PAGE (sc_window_get_detail (fixture->window)));
}

static void
test_manager_second_value (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(JsonObject) values = json_object_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d %H:%M:%S");
  ScKpiDetailPage *detail;
  GObject *hint;
  ScKpi *kpi = NULL;
  GListModel *kpis = sc_context_get_kpis (fixture->context);

  /* A KPI Manager sees the KPIs assigned to them (record rules). */
  {
    g_autoptr(JsonParser) parser = json_parser_new ();

    g_assert_true (json_parser_load_from_data (parser, "{\"assigned_user_ids\": [[6, 0, [7]]]}",
                                               -1, NULL));
    g_assert_true (sc_fake_odoo_edit_record (fixture->server, "kpi.report", 2,
                                             json_node_get_object (json_parser_get_root (parser)),
                                             &error));
    g_assert_no_error (error);
  }
  save_account (fixture, SC_FAKE_ODOO_MANAGER_LOGIN);
  WAIT_FOR (fixture, kpis_pulled);
  g_assert_cmpint (sc_sync_scheduler_get_role (fixture->sync), ==, SC_ODOO_ROLE_MANAGER);

  for (guint i = 0; i < g_list_model_get_n_items (kpis) && kpi == NULL; i++)
    {
      g_autoptr(ScKpi) item = g_list_model_get_item (kpis, i);

      if (sc_kpi_get_kpi_type (item) == SC_KPI_TYPE_MANUAL && sc_kpi_get_odoo_id (item) > 0)
        kpi = item;
    }
  g_assert_nonnull (kpi);

  /* Nothing today yet: a KPI Manager may submit. */
  sc_window_show_kpi (fixture->window, sc_kpi_get_id (kpi));
  detail = SC_KPI_DETAIL_PAGE (sc_window_get_detail (fixture->window));
  sc_test_app_spin (300);
  g_assert_true (sc_kpi_detail_page_get_can_submit (detail));

  /* Today's value arrives from Odoo: a second one would be refused. */
  json_object_set_int_member (values, "kpi_id", sc_kpi_get_odoo_id (kpi));
  json_object_set_int_member (values, "user_id", SC_FAKE_ODOO_MANAGER_UID);
  json_object_set_double_member (values, "value", 5);
  json_object_set_string_member (values, "date", date);
  g_assert_cmpint (sc_fake_odoo_create_record (fixture->server, "kpi.report.submission", values,
                                               &error), >, 0);
  g_assert_no_error (error);
  g_action_group_activate_action (G_ACTION_GROUP (app), "sync-now", NULL);
  WAIT_FOR (fixture, is_idle);

  sc_window_show_kpi (fixture->window, sc_kpi_get_id (kpi));
  WAIT_FOR (fixture, manager_refused);
  hint = gtk_widget_get_template_child (GTK_WIDGET (detail), SC_TYPE_KPI_DETAIL_PAGE, "submit_hint");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (hint)));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (hint)), "KPI Manager"));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *keyring_dir = NULL;
  g_autofree char *keyring = NULL;
  int status;

  /* A file keyring: the real libsecret path, no Secret Service needed. */
  keyring_dir = g_dir_make_tmp ("scorecard-keyring-XXXXXX", &error);
  g_assert_no_error (error);
  keyring = g_build_filename (keyring_dir, "keyring", NULL);
  g_setenv ("SECRET_BACKEND", "file", TRUE);
  g_setenv ("SECRET_FILE_TEST_PATH", keyring, TRUE);
  g_setenv ("SECRET_FILE_TEST_PASSWORD", "test", TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = sc_application_new (g_get_monotonic_time ());
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/ui/sync/indicator-states", test_indicator_states);
  ADD ("/ui/sync/issues-in-popover", test_issues_in_popover);
  ADD ("/ui/sync/ctrl-r", test_ctrl_r);
  ADD ("/ui/sync/preferences", test_preferences);
  ADD ("/ui/sync/preferences-certificate", test_preferences_certificate);
  ADD ("/ui/sync/kpi-user-cannot-submit", test_kpi_user_cannot_submit);
  ADD ("/ui/sync/manager-second-value", test_manager_second_value);
#undef ADD

  status = g_test_run ();
  g_clear_object (&app);
  g_unlink (keyring);
  g_rmdir (keyring_dir);

  return status;
}
