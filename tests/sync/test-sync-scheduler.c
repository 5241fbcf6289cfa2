/* test-sync-scheduler.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-test"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "sc-fake-odoo.h"
#include "sc-store-private.h"
#include "sc-store-thread.h"
#include "sc-sync-account.h"
#include "sc-sync-enums.h"
#include "sc-sync-issues.h"
#include "sc-sync-scheduler.h"
#include "sc-test-network-monitor.h"
#include "sc-test-secrets.h"

/* ScSyncScheduler against the fake Odoo, with a network monitor the test
 * switches on and off and a secret lookup that needs no keyring. Timers
 * are milliseconds long; the tests wait on conditions, never sleep. */

#define TEST_TIMEOUT_SECONDS 30

const char *__asan_default_options (void);

__attribute__((used)) const char *
__asan_default_options (void)
{
  return "intercept_tls_get_addr=0";
}

/* Fixture */

typedef struct
{
  char               *dir;
  char               *path;
  ScFakeOdoo         *server;
  ScStoreThread      *thread;
  ScStore            *store;
  TestNetworkMonitor *monitor;
  ScSyncScheduler    *scheduler;
} Fixture;

static gboolean
abort_test_cb (gpointer data)
{
  g_error ("Waited more than %d seconds for %s", TEST_TIMEOUT_SECONDS, (const char *)data);

  return G_SOURCE_REMOVE;
}

#define wait_until(condition) G_STMT_START {                                      \
    guint timeout_ = g_timeout_add_seconds (TEST_TIMEOUT_SECONDS, abort_test_cb,   \
                                            (gpointer) #condition);                \
    while (!(condition))                                                           \
      g_main_context_iteration (NULL, TRUE);                                       \
    g_source_remove (timeout_);                                                    \
  } G_STMT_END

static void
save_account (Fixture    *fixture,
              const char *login)
{
  g_autoptr(GError) error = NULL;
  ScSyncAccount account = { 0 };

  account.url = (char *)sc_fake_odoo_get_url (fixture->server);
  account.database = (char *)SC_FAKE_ODOO_DATABASE;
  account.login = (char *)login;
  g_assert_true (sc_sync_account_save (fixture->store, &account, &error));
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("sc-sync-scheduler-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "store.db", NULL);

  fixture->server = sc_fake_odoo_new (&error);
  g_assert_no_error (error);
  fixture->thread = sc_store_thread_new (fixture->path, &error);
  g_assert_no_error (error);
  fixture->store = sc_store_open (fixture->path, &error);
  g_assert_no_error (error);

  fixture->monitor = g_object_new (TEST_TYPE_NETWORK_MONITOR, NULL);
  fixture->scheduler = sc_sync_scheduler_new (fixture->thread, G_NETWORK_MONITOR (fixture->monitor));
  sc_sync_scheduler_set_secret_funcs (fixture->scheduler, sc_test_secret_funcs ());
  sc_sync_scheduler_set_timeout (fixture->scheduler, 10);
  sc_sync_scheduler_set_reconnect_delay (fixture->scheduler, 10);
  sc_sync_scheduler_set_backoff (fixture->scheduler, 40, 400);
}

static void
release_thread (Fixture *fixture)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  /* The store thread's jobs drop their references on that thread. */
  while (G_OBJECT (fixture->thread)->ref_count > 1 && g_get_monotonic_time () < deadline)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  g_assert_finalize_object (g_steal_pointer (&fixture->thread));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fixture->path, "-shm", NULL);

  if (fixture->scheduler != NULL)
    g_assert_finalize_object (g_steal_pointer (&fixture->scheduler));
  g_clear_object (&fixture->store);
  release_thread (fixture);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (g_steal_pointer (&fixture->monitor));
  g_clear_object (&fixture->server);

  g_unlink (fixture->path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static gint64
local_kpi (Fixture *fixture,
           gint64   odoo_id)
{
  sqlite3_stmt *stmt = NULL;
  gint64 id = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (_sc_store_get_db (fixture->store),
                                       "SELECT id FROM kpis WHERE odoo_id = ?", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, odoo_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return id;
}

static void
count_cb (guint *counter)
{
  (*counter)++;
}

static ScSyncStatus
state_of (Fixture *fixture)
{
  return sc_sync_scheduler_get_state (fixture->scheduler);
}

/* Tests */

static void
test_not_configured (Fixture       *fixture,
                     gconstpointer  data)
{
  guint loaded = 0;

  /* "login" is notified once the account has been read. */
  g_signal_connect_swapped (fixture->scheduler, "notify::login", G_CALLBACK (count_cb), &loaded);
  sc_sync_scheduler_start (fixture->scheduler);
  wait_until (loaded > 0);

  g_assert_cmpint (state_of (fixture), ==, SC_SYNC_STATUS_NOT_CONFIGURED);
  g_assert_null (sc_sync_scheduler_get_login (fixture->scheduler));
  sc_sync_scheduler_sync_now (fixture->scheduler);
  g_assert_cmpint (state_of (fixture), ==, SC_SYNC_STATUS_NOT_CONFIGURED);
  g_assert_cmpuint (sc_fake_odoo_get_request_count (fixture->server, NULL, NULL), ==, 0);
}

static void
test_sync_now (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScSyncAccount) saved = NULL;
  GDateTime *last_sync;
  gint64 kpi;

  save_account (fixture, SC_FAKE_ODOO_ADMIN_LOGIN);
  sc_sync_scheduler_start (fixture->scheduler);

  /* Started with an account: it syncs on its own. */
  wait_until (sc_sync_scheduler_get_last_sync (fixture->scheduler) != NULL);
  g_assert_cmpint (state_of (fixture), ==, SC_SYNC_STATUS_IDLE);
  g_assert_cmpint (sc_sync_scheduler_get_role (fixture->scheduler), ==, SC_ODOO_ROLE_ADMIN);
  g_assert_cmpfloat (sc_sync_scheduler_get_progress (fixture->scheduler), ==, 1.0);
  g_assert_null (sc_sync_scheduler_get_error_message (fixture->scheduler));
  g_assert_cmpuint (sc_sync_scheduler_get_pending (fixture->scheduler), ==, 0);

  /* A value typed offline waits in the outbox, then goes with "Sync Now". */
  kpi = local_kpi (fixture, 2);
  g_assert_cmpint (kpi, >, 0);
  g_assert_true (sc_store_submit (fixture->store, kpi, 0, 64, g_get_real_time () / G_USEC_PER_SEC,
                                  "from the scheduler", NULL, &error));
  g_assert_no_error (error);
  sc_sync_scheduler_refresh_counts (fixture->scheduler);
  wait_until (sc_sync_scheduler_get_pending (fixture->scheduler) == 1);

  last_sync = g_date_time_ref (sc_sync_scheduler_get_last_sync (fixture->scheduler));
  sc_sync_scheduler_sync_now (fixture->scheduler);
  g_assert_cmpint (state_of (fixture), ==, SC_SYNC_STATUS_SYNCING);
  /* A second request joins the running sync. */
  sc_sync_scheduler_sync_now (fixture->scheduler);
  wait_until (state_of (fixture) == SC_SYNC_STATUS_IDLE &&
              sc_sync_scheduler_get_pending (fixture->scheduler) == 0);
  g_assert_true (sc_sync_scheduler_get_last_sync (fixture->scheduler) != last_sync);
  g_assert_cmpint (g_date_time_compare (sc_sync_scheduler_get_last_sync (fixture->scheduler),
                                        last_sync), >=, 0);
  g_date_time_unref (last_sync);
  g_assert_cmpuint (sc_fake_odoo_get_call_count (fixture->server, "kpi.report.submission",
                                                 "create"), ==, 1);

  /* The time and the role reached the store, for the CLI and offline starts. */
  saved = sc_sync_account_load (fixture->store);
  while (saved->last_sync == NULL)
    {
      g_main_context_iteration (NULL, TRUE);
      g_clear_pointer (&saved, sc_sync_account_free);
      saved = sc_sync_account_load (fixture->store);
    }
  g_assert_cmpint (saved->role, ==, SC_ODOO_ROLE_ADMIN);
}

static void
test_periodic (Fixture       *fixture,
               gconstpointer  data)
{
  guint syncs = 0;

  save_account (fixture, SC_FAKE_ODOO_ADMIN_LOGIN);
  sc_sync_scheduler_set_interval (fixture->scheduler, 50);
  g_signal_connect_swapped (fixture->scheduler, "notify::last-sync", G_CALLBACK (count_cb), &syncs);
  sc_sync_scheduler_start (fixture->scheduler);

  /* Three syncs without asking: the first, then two periodic ones. */
  wait_until (syncs >= 3);
  g_assert_null (sc_sync_scheduler_get_error_message (fixture->scheduler));
}

static void
test_backoff (Fixture       *fixture,
              gconstpointer  data)
{
  guint delays[3];

  save_account (fixture, SC_FAKE_ODOO_ADMIN_LOGIN);
  sc_fake_odoo_add_fault (fixture->server, SC_FAKE_ODOO_FAULT_HTTP_502, NULL, NULL, 3);
  sc_sync_scheduler_start (fixture->scheduler);

  for (guint i = 0; i < G_N_ELEMENTS (delays); i++)
    {
      wait_until (sc_sync_scheduler_get_failures (fixture->scheduler) == i + 1);
      g_assert_cmpint (state_of (fixture), ==, SC_SYNC_STATUS_ERROR);
      g_assert_nonnull (sc_sync_scheduler_get_error_message (fixture->scheduler));
      g_assert_nonnull (strstr (sc_sync_scheduler_get_error_message (fixture->scheduler), "502"));
      delays[i] = sc_sync_scheduler_get_retry_delay (fixture->scheduler);
      g_test_message ("retry %u after %u ms", i + 1, delays[i]);
    }

  /* Equal jitter: the n-th delay lies in [½, 1) of min (cap, base·2^n). */
  g_assert_cmpuint (delays[0], >=, 20);
  g_assert_cmpuint (delays[0], <=, 40);
  g_assert_cmpuint (delays[1], >=, 40);
  g_assert_cmpuint (delays[1], <=, 80);
  g_assert_cmpuint (delays[2], >=, 80);
  g_assert_cmpuint (delays[2], <=, 160);
  g_assert_cmpuint (delays[0], <=, delays[1]);
  g_assert_cmpuint (delays[1], <=, delays[2]);

  /* The faults are spent: the next retry works and resets the backoff. */
  wait_until (state_of (fixture) == SC_SYNC_STATUS_IDLE &&
              sc_sync_scheduler_get_last_sync (fixture->scheduler) != NULL);
  g_assert_null (sc_sync_scheduler_get_error_message (fixture->scheduler));
  g_assert_cmpuint (sc_sync_scheduler_get_failures (fixture->scheduler), ==, 0);
  g_assert_cmpuint (sc_sync_scheduler_get_retry_delay (fixture->scheduler), ==, 0);
}

static void
test_backoff_formula (void)
{
  g_assert_cmpuint (sc_sync_backoff_delay (1000, 60000, 0, 1.0), ==, 1000);
  g_assert_cmpuint (sc_sync_backoff_delay (1000, 60000, 0, 0.5), ==, 500);
  g_assert_cmpuint (sc_sync_backoff_delay (1000, 60000, 3, 1.0), ==, 8000);
  g_assert_cmpuint (sc_sync_backoff_delay (1000, 60000, 10, 1.0), ==, 60000);
  g_assert_cmpuint (sc_sync_backoff_delay (1000, 60000, 1000, 0.75), ==, 45000);
  /* Out-of-range jitter is clamped. */
  g_assert_cmpuint (sc_sync_backoff_delay (1000, 60000, 0, 0.0), ==, 500);
}

static void
test_wrong_password (Fixture       *fixture,
                     gconstpointer  data)
{
  save_account (fixture, SC_FAKE_ODOO_USER_LOGIN);
  sc_fake_odoo_set_user_password (fixture->server, SC_FAKE_ODOO_USER_UID, "changed");
  sc_sync_scheduler_start (fixture->scheduler);

  wait_until (state_of (fixture) == SC_SYNC_STATUS_ERROR);
  g_assert_nonnull (strstr (sc_sync_scheduler_get_error_message (fixture->scheduler),
                            "not accepted"));
  /* Only the user can mend a refused password: no retries. */
  g_assert_cmpuint (sc_sync_scheduler_get_retry_delay (fixture->scheduler), ==, 0);
}

static void
test_offline (Fixture       *fixture,
              gconstpointer  data)
{
  guint loaded = 0;

  test_network_monitor_set_available (fixture->monitor, FALSE);
  save_account (fixture, SC_FAKE_ODOO_ADMIN_LOGIN);
  g_signal_connect_swapped (fixture->scheduler, "notify::login", G_CALLBACK (count_cb), &loaded);
  sc_sync_scheduler_start (fixture->scheduler);
  wait_until (loaded > 0);

  g_assert_cmpint (state_of (fixture), ==, SC_SYNC_STATUS_OFFLINE);
  sc_sync_scheduler_sync_now (fixture->scheduler);
  g_assert_cmpint (state_of (fixture), ==, SC_SYNC_STATUS_OFFLINE);

  /* Give timers a chance to misbehave. */
  for (int i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (sc_fake_odoo_get_request_count (fixture->server, NULL, NULL), ==, 0);

  /* The network comes back: a sync follows without asking. */
  test_network_monitor_set_available (fixture->monitor, TRUE);
  wait_until (sc_sync_scheduler_get_last_sync (fixture->scheduler) != NULL);
  g_assert_cmpint (state_of (fixture), ==, SC_SYNC_STATUS_IDLE);
  g_assert_cmpuint (sc_fake_odoo_get_request_count (fixture->server, NULL, NULL), >, 0);

  /* And goes again. */
  test_network_monitor_set_available (fixture->monitor, FALSE);
  g_assert_cmpint (state_of (fixture), ==, SC_SYNC_STATUS_OFFLINE);
}

static void
test_dispose_cancels (Fixture       *fixture,
                      gconstpointer  data)
{
  save_account (fixture, SC_FAKE_ODOO_ADMIN_LOGIN);
  sc_fake_odoo_set_latency (fixture->server, 300);
  sc_sync_scheduler_start (fixture->scheduler);
  wait_until (state_of (fixture) == SC_SYNC_STATUS_SYNCING);
  wait_until (sc_fake_odoo_get_request_count (fixture->server, NULL, NULL) > 0);

  /* Dropped mid-sync: it goes at once, and its callbacks find nothing. */
  g_assert_finalize_object (g_steal_pointer (&fixture->scheduler));

  {
    gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC;

    while (g_get_monotonic_time () < until)
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
  }
  g_assert_null (sc_store_get_setting (fixture->store, SC_SYNC_SETTING_LAST_SYNC));
}

static void
exec_sql (Fixture    *fixture,
          const char *sql)
{
  g_assert_cmpint (sqlite3_exec (_sc_store_get_db (fixture->store), sql, NULL, NULL, NULL), ==,
                   SQLITE_OK);
}

static void
test_issues (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) issues = NULL;
  ScSyncIssue *issue;
  gint64 kpi;

  save_account (fixture, SC_FAKE_ODOO_ADMIN_LOGIN);
  sc_sync_scheduler_start (fixture->scheduler);
  wait_until (sc_sync_scheduler_get_last_sync (fixture->scheduler) != NULL);

  /* A local value that lost a conflict, and a change Odoo refused. */
  kpi = local_kpi (fixture, 2);
  g_assert_true (sc_store_submit (fixture->store, kpi, 0, 41, g_get_real_time () / G_USEC_PER_SEC,
                                  "lost", NULL, &error));
  g_assert_no_error (error);
  exec_sql (fixture, "INSERT INTO sync_conflicts (model, odoo_id, local_payload, rule, created_at) "
                     "SELECT model, 1, payload, 'later-edit-wins:server', 0 FROM outbox");
  exec_sql (fixture, "UPDATE outbox SET state = 'failed', last_error = 'Odoo refused the change: "
                     "no'");

  issues = sc_sync_issues_list (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (issues->len, ==, 2);
  issue = g_ptr_array_index (issues, 0);
  g_assert_cmpint (issue->kind, ==, SC_SYNC_ISSUE_FAILED);
  g_assert_cmpstr (issue->message, ==, "Odoo refused the change: no");
  g_assert_cmpfloat (issue->value, ==, 41);
  g_assert_nonnull (issue->kpi_name);
  issue = g_ptr_array_index (issues, 1);
  g_assert_cmpint (issue->kind, ==, SC_SYNC_ISSUE_CONFLICT);
  g_assert_true (issue->can_reapply);
  g_assert_cmpint (issue->date, >, 0);

  sc_sync_scheduler_refresh_counts (fixture->scheduler);
  wait_until (sc_sync_scheduler_get_failed (fixture->scheduler) == 1 &&
              sc_sync_scheduler_get_conflicts (fixture->scheduler) == 1);

  /* Re-applied: queued again, the conflict gone; retried: pending again. */
  exec_sql (fixture, "DELETE FROM outbox");
  g_assert_true (sc_sync_issues_reapply (fixture->store, issue->id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sc_store_count_outbox (fixture->store), ==, 1);
  exec_sql (fixture, "UPDATE outbox SET state = 'failed'");
  g_clear_pointer (&issues, g_ptr_array_unref);
  issues = sc_sync_issues_list (fixture->store, &error);
  g_assert_cmpuint (issues->len, ==, 1);
  issue = g_ptr_array_index (issues, 0);
  g_assert_true (sc_sync_issues_retry (fixture->store, issue->id, &error));
  g_assert_no_error (error);
  g_clear_pointer (&issues, g_ptr_array_unref);
  issues = sc_sync_issues_list (fixture->store, &error);
  g_assert_cmpuint (issues->len, ==, 0);

  /* And the next sync pushes it. */
  sc_sync_scheduler_sync_now (fixture->scheduler);
  wait_until (state_of (fixture) == SC_SYNC_STATUS_IDLE);
  g_assert_cmpint (sc_store_count_outbox (fixture->store), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/sync/scheduler/not-configured", test_not_configured);
  ADD ("/sync/scheduler/sync-now", test_sync_now);
  ADD ("/sync/scheduler/periodic", test_periodic);
  ADD ("/sync/scheduler/backoff", test_backoff);
  ADD ("/sync/scheduler/wrong-password", test_wrong_password);
  ADD ("/sync/scheduler/offline", test_offline);
  ADD ("/sync/scheduler/dispose-cancels", test_dispose_cancels);
  ADD ("/sync/issues/reapply-and-retry", test_issues);
  g_test_add_func ("/sync/scheduler/backoff-formula", test_backoff_formula);

#undef ADD

  return g_test_run ();
}
