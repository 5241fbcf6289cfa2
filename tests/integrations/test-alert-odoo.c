/* test-alert-odoo.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-test"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "sc-alert-drain.h"
#include "sc-alert-outbox.h"
#include "sc-fake-odoo.h"
#include "sc-store-private.h"

/* The Odoo chatter channel against the fake Odoo: an alert becomes a
 * comment on the KPI's record (message_post), posted once even after a
 * server failure; a KPI that is not on Odoo, or an account that may not
 * read it, is refused with the reason. */

#define NOW G_GINT64_CONSTANT (1796000000)

typedef struct
{
  char       *dir;
  char       *path;
  ScStore    *store;
  ScFakeOdoo *server;
  char       *secret;
  gint64      channel;
} Fixture;

const char *__asan_default_options (void);

__attribute__((used)) const char *
__asan_default_options (void)
{
  return "intercept_tls_get_addr=0";
}

static char *
lookup_secret (gint64   channel_id,
               gpointer user_data)
{
  Fixture *fixture = user_data;

  return g_strdup (fixture->secret);
}

static void
use_account (Fixture    *fixture,
             const char *login,
             const char *password)
{
  g_free (fixture->secret);
  fixture->secret = g_strdup_printf ("{\"url\": \"%s\", \"database\": \"%s\", \"login\": \"%s\", "
                                     "\"password\": \"%s\"}",
                                     sc_fake_odoo_get_url (fixture->server), SC_FAKE_ODOO_DATABASE,
                                     login, password);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("sc-alert-odoo-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "store.db", NULL);
  fixture->store = sc_store_open (fixture->path, &error);
  g_assert_no_error (error);
  fixture->server = sc_fake_odoo_new (&error);
  g_assert_no_error (error);
  use_account (fixture, SC_FAKE_ODOO_ADMIN_LOGIN, SC_FAKE_ODOO_ADMIN_PASSWORD);

  fixture->channel = sc_store_add_alert_channel (fixture->store, "odoo", "Chatter", NULL, NOW, &error);
  g_assert_no_error (error);
  /* Two KPIs: one synced from Odoo's KPI 2, one made here. */
  g_assert_true (_sc_store_exec (fixture->store,
                                 "INSERT INTO kpis (id, odoo_id, name, kpi_type, target_type, "
                                 "  target_value, priority, direction, sync_state) VALUES "
                                 "(1, 2, 'Revenue', 'manual', 'number', 100, 3, 'higher_better', 'synced'), "
                                 "(2, NULL, 'Local only', 'manual', 'number', 100, 3, 'higher_better', 'local')",
                                 &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fixture->path, "-shm", NULL);

  g_clear_object (&fixture->store);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&fixture->server);
  g_unlink (fixture->path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
  g_free (fixture->secret);
}

static void
record_event (Fixture *fixture,
              gint64   kpi_id)
{
  g_auto(ScAlertEvent) event = { 0, };
  g_autoptr(GError) error = NULL;

  event.type = SC_ALERT_EVENT_FIRED;
  event.rule_name = g_strdup ("Revenue <under> 80 %");
  event.kpi_id = kpi_id;
  event.kpi_name = g_strdup (kpi_id == 1 ? "Revenue" : "Local only");
  event.time = NOW;
  event.severity = SC_ALERT_SEVERITY_CRITICAL;
  event.incident = 1;
  event.metric = 71.4;
  event.level = 80;
  event.message = g_strdup ("Revenue fell below 80 % of target & stays there");
  sc_store_record_alert_event (fixture->store, &event, &fixture->channel, 1, NOW, &error);
  g_assert_no_error (error);
}

static ScAlertDrainReport
drain (Fixture *fixture,
       gint64   now)
{
  g_autoptr(ScAlertSender) sender = sc_alert_sender_new (10);
  g_autoptr(GError) error = NULL;
  ScAlertDrainReport report;

  g_assert_true (sc_alert_drain_sync (fixture->store, sender, lookup_secret, fixture, now, NULL, NULL,
                                      &report, &error));
  g_assert_no_error (error);

  return report;
}

static char *
last_error (Fixture *fixture)
{
  g_autoptr(GPtrArray) log = sc_store_list_alert_deliveries (fixture->store, 0, NULL);

  return g_strdup (((ScAlertDelivery *)g_ptr_array_index (log, 0))->last_error);
}

static void
test_posted_once (Fixture       *fixture,
                  gconstpointer  data)
{
  g_auto(GStrv) messages = NULL;
  ScAlertDrainReport report;

  record_event (fixture, 1);
  sc_fake_odoo_add_fault (fixture->server, SC_FAKE_ODOO_FAULT_HTTP_502, "kpi.report", "message_post", 1);

  report = drain (fixture, NOW);
  g_assert_cmpuint (report.retrying, ==, 1);
  messages = sc_fake_odoo_get_messages (fixture->server, "kpi.report", 2);
  g_assert_cmpuint (g_strv_length (messages), ==, 0);
  g_clear_pointer (&messages, g_strfreev);

  report = drain (fixture, report.next_due);
  g_assert_cmpuint (report.delivered, ==, 1);
  messages = sc_fake_odoo_get_messages (fixture->server, "kpi.report", 2);
  g_assert_cmpuint (g_strv_length (messages), ==, 1);

  /* HTML, escaped: the rule's "<under>" and the "&" stay text. */
  g_assert_nonnull (strstr (messages[0], "<strong>Critical: Revenue</strong>"));
  g_assert_nonnull (strstr (messages[0], "target &amp; stays there"));
  g_assert_nonnull (strstr (messages[0], "Revenue &lt;under&gt; 80 %"));

  g_assert_cmpuint (drain (fixture, NOW + 100000).delivered, ==, 0);
  g_clear_pointer (&messages, g_strfreev);
  messages = sc_fake_odoo_get_messages (fixture->server, "kpi.report", 2);
  g_assert_cmpuint (g_strv_length (messages), ==, 1);
}

static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *local = NULL;
  g_autofree char *denied = NULL;

  /* A KPI made here has no record on Odoo. */
  record_event (fixture, 2);
  g_assert_cmpuint (drain (fixture, NOW).failed, ==, 1);
  local = last_error (fixture);
  g_assert_nonnull (strstr (local, "is not on Odoo"));

  /* An account in no KPI group may not read the KPI. */
  use_account (fixture, SC_FAKE_ODOO_NOKPI_LOGIN, SC_FAKE_ODOO_NOKPI_PASSWORD);
  record_event (fixture, 1);
  g_assert_cmpuint (drain (fixture, NOW + 1).failed, ==, 1);
  denied = last_error (fixture);
  g_assert_null (strstr (denied, SC_FAKE_ODOO_NOKPI_PASSWORD));
  {
    g_auto(GStrv) messages = sc_fake_odoo_get_messages (fixture->server, "kpi.report", 2);

    g_assert_cmpuint (g_strv_length (messages), ==, 0);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("no_proxy", "127.0.0.1,localhost", TRUE);
  g_unsetenv ("http_proxy");
  g_unsetenv ("https_proxy");

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/alerts/odoo/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("posted-once", test_posted_once);
  ADD ("refused", test_refused);
#undef ADD

  return g_test_run ();
}
