/* test-sync-engine.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-test"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "sc-fake-odoo.h"
#include "sc-odoo-client.h"
#include "sc-score.h"
#include "sc-store-private.h"
#include "sc-store-thread.h"
#include "sc-sync-engine.h"

/* ScSyncEngine against the fake Odoo: each test has its own server and a
 * fresh store in a temporary folder. The test reads and prepares the store
 * through a second connection, as scorecard-cli would. */

#define TEST_TIMEOUT_SECONDS 30

const char *__asan_default_options (void);

__attribute__((used)) const char *
__asan_default_options (void)
{
  return "intercept_tls_get_addr=0";
}

typedef struct
{
  char          *dir;
  char          *path;
  ScFakeOdoo    *server;
  ScOdooClient  *client;
  ScStoreThread *thread;
  ScSyncEngine  *engine;
  ScStore       *store;
} Fixture;

/* Auxiliary methods */

static gboolean
abort_test_cb (gpointer data)
{
  g_error ("A sync took more than %d seconds", TEST_TIMEOUT_SECONDS);

  return G_SOURCE_REMOVE;
}

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  g_assert_null (*slot);
  *slot = g_object_ref (result);
}

static GAsyncResult *
await_result (GAsyncResult **slot)
{
  guint timeout = g_timeout_add_seconds (TEST_TIMEOUT_SECONDS, abort_test_cb, NULL);

  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (timeout);

  return *slot;
}

static void
login_client (ScOdooClient *client,
              const char   *login,
              const char   *password)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  sc_odoo_client_login_async (client, login, password, NULL, store_result_cb, &result);
  g_assert_cmpint (sc_odoo_client_login_finish (client, await_result (&result), &error), >, 0);
  g_assert_no_error (error);
}

static ScSyncReport *
sync_with (ScSyncEngine  *engine,
           GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  sc_sync_engine_sync_async (engine, NULL, store_result_cb, &result);

  return sc_sync_engine_sync_finish (engine, await_result (&result), error);
}

static ScSyncReport *
sync_ok (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  ScSyncReport *report = sync_with (fixture->engine, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);

  return report;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("sc-sync-engine-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "store.db", NULL);

  fixture->server = sc_fake_odoo_new (&error);
  g_assert_no_error (error);
  fixture->client = sc_odoo_client_new (sc_fake_odoo_get_url (fixture->server), SC_FAKE_ODOO_DATABASE);
  sc_odoo_client_set_timeout (fixture->client, 10);

  fixture->thread = sc_store_thread_new (fixture->path, &error);
  g_assert_no_error (error);
  fixture->store = sc_store_open (fixture->path, &error);
  g_assert_no_error (error);
  fixture->engine = sc_sync_engine_new (fixture->thread, fixture->client);

  login_client (fixture->client, SC_FAKE_ODOO_ADMIN_LOGIN, SC_FAKE_ODOO_ADMIN_PASSWORD);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fixture->path, "-shm", NULL);

  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  g_clear_object (&fixture->engine);
  g_clear_object (&fixture->store);

  /* The store thread's jobs drop their references on that thread: wait
   * until ours is the last, so it is not finalised on itself. */
  while (G_OBJECT (fixture->thread)->ref_count > 1 && g_get_monotonic_time () < deadline)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  g_assert_finalize_object (g_steal_pointer (&fixture->thread));
  g_clear_object (&fixture->client);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&fixture->server);

  g_unlink (fixture->path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static gint64
query_int (Fixture    *fixture,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  /* Not _sc_store_prepare(): its cache keeps the SQL text, which must be static. */
  g_assert_cmpint (sqlite3_prepare_v2 (_sc_store_get_db (fixture->store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

static char *
query_text (Fixture    *fixture,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (_sc_store_get_db (fixture->store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup (_sc_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return value;
}

static gint64
local_kpi (Fixture *fixture,
           gint64   odoo_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM kpis WHERE odoo_id = %" G_GINT64_FORMAT, odoo_id);

  return query_int (fixture, sql);
}

static gint64
local_user (Fixture *fixture,
            gint64   odoo_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM users WHERE odoo_id = %" G_GINT64_FORMAT, odoo_id);

  return query_int (fixture, sql);
}

/* A day with no seeded history. */
static gint64
test_day (int hour)
{
  g_autoptr(GDateTime) time = g_date_time_new_utc (2026, 12, 5, hour, 0, 0);

  return g_date_time_to_unix (time);
}

static JsonArray *
parse_array (const char *text)
{
  g_autoptr(JsonNode) node = json_from_string (text, NULL);

  g_assert_nonnull (node);

  return json_array_ref (json_node_get_array (node));
}

static JsonObject *
parse_object (const char *text)
{
  g_autoptr(JsonNode) node = json_from_string (text, NULL);

  g_assert_nonnull (node);

  return json_object_ref (json_node_get_object (node));
}

static guint
server_same_day (Fixture *fixture,
                 gint64   kpi,
                 gint64   user)
{
  g_autofree char *text = g_strdup_printf ("[[\"kpi_id\", \"=\", %" G_GINT64_FORMAT "], "
                                           "[\"user_id\", \"=\", %" G_GINT64_FORMAT "], "
                                           "[\"date\", \">=\", \"2026-12-05 00:00:00\"], "
                                           "[\"date\", \"<\", \"2026-12-06 00:00:00\"]]",
                                           kpi, user);
  g_autoptr(JsonArray) domain = parse_array (text);

  return sc_fake_odoo_count_records (fixture->server, "kpi.report.submission", domain);
}

static void
submit (Fixture    *fixture,
        gint64      kpi_odoo_id,
        gint64      user_odoo_id,
        double      value,
        int         hour,
        const char *note)
{
  g_autoptr(GError) error = NULL;
  gint64 user = user_odoo_id > 0 ? local_user (fixture, user_odoo_id) : 0;

  g_assert_cmpint (user, >=, 0);
  g_assert_true (sc_store_submit (fixture->store, local_kpi (fixture, kpi_odoo_id), user, value,
                                  test_day (hour), note, NULL, &error));
  g_assert_no_error (error);
}

static void
progress_cb (ScSyncEngine *engine,
             const char   *model,
             guint         done,
             guint64       total,
             gpointer      user_data)
{
  guint64 *last = user_data;

  g_assert_cmpuint (done, <=, total);
  if (g_str_equal (model, "kpi.report.submission"))
    {
      last[0] = done;
      last[1] = total;
    }
}

/* Tests */

static void
test_first_sync (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(ScSyncReport) report = NULL;
  static const gint64 kpis[] = { 1, 2, 3, 4, 5, 10, 11 };
  guint n_submissions = sc_fake_odoo_count_records (fixture->server, "kpi.report.submission", NULL);
  guint64 progress[2] = { 0, 0 };

  g_signal_connect (fixture->engine, "progress", G_CALLBACK (progress_cb), progress);
  report = sync_ok (fixture);
  g_assert_cmpuint (progress[0], ==, n_submissions);
  g_assert_cmpuint (progress[1], ==, n_submissions);

  g_assert_cmpuint (report->pulled[SC_SYNC_MODEL_GROUPS], ==, 3);
  g_assert_cmpuint (report->pulled[SC_SYNC_MODEL_KPIS], ==, 7);
  g_assert_cmpuint (report->pulled[SC_SYNC_MODEL_SUBMISSIONS], ==, n_submissions);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM report_groups"), ==, 3);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM kpis"), ==, 7);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM submissions"), ==, n_submissions);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM submissions WHERE user_id IS NULL"), ==, 0);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM sync_cursors"), ==, 3);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM kpi_assignees"), ==, 14);
  g_assert_cmpint (local_user (fixture, SC_FAKE_ODOO_SALES_UID), >, 0);

  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM users WHERE odoo_id = 9 "
                                       "AND kpi_role = 'user'"), ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (kpis); i++)
    {
      g_autoptr(JsonObject) record = sc_fake_odoo_get_record (fixture->server, "kpi.report", kpis[i]);
      g_autoptr(ScKpi) kpi = sc_store_get_kpi (fixture->store, local_kpi (fixture, kpis[i]), NULL);

      g_assert_nonnull (kpi);
      g_assert_cmpstr (sc_kpi_get_name (kpi), ==, json_object_get_string_member (record, "name"));
      g_assert_cmpfloat (sc_kpi_get_value (kpi), ==, json_object_get_double_member (record, "value"));
      g_assert_cmpfloat (sc_kpi_get_target_value (kpi), ==,
                         json_object_get_double_member (record, "target_value"));
      g_assert_cmpfloat_with_epsilon (round (sc_kpi_get_achievement (kpi) * 100) / 100,
                                      json_object_get_double_member (record, "achievement_percent"),
                                      0.006);
    }

  /* Submission values match one by one. */
  for (gint64 id = 1; id <= 3; id++)
    {
      g_autoptr(JsonObject) record = sc_fake_odoo_get_record (fixture->server, "kpi.report.submission", id);
      g_autofree char *sql = g_strdup_printf ("SELECT value * 1000 FROM submissions WHERE odoo_id = %"
                                              G_GINT64_FORMAT, id);

      g_assert_cmpint (query_int (fixture, sql), ==,
                       (gint64)(json_object_get_double_member (record, "value") * 1000));
    }
}

static void
test_incremental (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(ScSyncReport) first = sync_ok (fixture);
  g_autoptr(ScSyncReport) second = NULL;
  g_autoptr(ScSyncReport) third = NULL;
  g_autoptr(JsonObject) note = parse_object ("{\"note\": \"edited on the server\"}");

  sc_fake_odoo_reset_counters (fixture->server);
  second = sync_ok (fixture);
  /* Users learnt from other models' pages are read once more, to start
   * their own cursor. */
  for (guint i = SC_SYNC_MODEL_GROUPS; i < SC_SYNC_N_MODELS; i++)
    g_assert_cmpuint (second->pulled[i], ==, 0);
  /* Nothing changed: counted, not read. */
  g_assert_cmpuint (sc_fake_odoo_get_call_count (fixture->server, "kpi.report.submission", "search_read"), ==, 0);

  g_assert_true (sc_fake_odoo_edit_record (fixture->server, "kpi.report.submission", 5, note, NULL));
  sc_fake_odoo_reset_counters (fixture->server);
  third = sync_ok (fixture);
  g_assert_cmpuint (third->pulled[SC_SYNC_MODEL_SUBMISSIONS], ==, 1);
  g_assert_cmpuint (third->pulled[SC_SYNC_MODEL_KPIS], ==, 0);
  g_assert_cmpuint (third->pulled[SC_SYNC_MODEL_USERS], ==, 0);
  g_assert_cmpuint (sc_fake_odoo_get_call_count (fixture->server, "kpi.report.submission", "search_read"), ==, 1);
  g_assert_cmpuint (sc_fake_odoo_get_call_count (fixture->server, "kpi.report", "search_read"), ==, 0);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM submissions WHERE odoo_id = 5 "
                                       "AND note = 'edited on the server'"), ==, 1);
}

/* Plays a kill -9 in the middle of a pull: the third page never arrives. */
static void
drop_third_page (ScFakeOdoo *server,
                 const char *service,
                 const char *method,
                 const char *model,
                 const char *model_method,
                 gpointer    user_data)
{
  guint *pages = user_data;

  if (g_strcmp0 (model, "kpi.report.submission") == 0 && g_strcmp0 (model_method, "search_read") == 0 &&
      ++*pages == 2)
    sc_fake_odoo_add_fault (server, SC_FAKE_ODOO_FAULT_DROP_BEFORE, "kpi.report.submission", "search_read", 1);
}

static void
test_paging_resume (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(ScSyncReport) interrupted = NULL;
  g_autoptr(ScSyncReport) report = NULL;
  g_autoptr(GError) error = NULL;
  guint pages = 0;
  guint total;

  /* Thousands of rows sharing one write_date: only the id splits pages. */
  sc_fake_odoo_seed (fixture->server, 20, 3000);
  total = sc_fake_odoo_count_records (fixture->server, "kpi.report.submission", NULL);
  sc_sync_engine_set_page_size (fixture->engine, 500);

  sc_fake_odoo_set_request_hook (fixture->server, drop_third_page, &pages, NULL);
  interrupted = sync_with (fixture->engine, &error);
  g_assert_null (interrupted);
  g_assert_error (error, SC_SYNC_ERROR, SC_SYNC_ERROR_NETWORK);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM submissions"), ==, 1000);
  sc_fake_odoo_set_request_hook (fixture->server, NULL, NULL, NULL);

  /* The next sync resumes after the last committed page. */
  report = sync_ok (fixture);
  g_assert_cmpuint (report->pulled[SC_SYNC_MODEL_SUBMISSIONS], ==, total - 1000);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM submissions"), ==, total);
  g_assert_cmpint (query_int (fixture, "SELECT count(DISTINCT odoo_id) FROM submissions"), ==, total);
  g_assert_cmpint (query_int (fixture, "SELECT last_id FROM sync_cursors "
                                       "WHERE model = 'kpi.report.submission'"), >, 0);
}

static void
test_target_change (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(ScSyncReport) first = sync_ok (fixture);
  g_autoptr(ScSyncReport) second = NULL;
  g_autoptr(JsonObject) target = parse_object ("{\"target_value\": 50}");
  g_autoptr(JsonArray) domain = parse_array ("[[\"kpi_id\", \"=\", 2]]");
  guint n = sc_fake_odoo_count_records (fixture->server, "kpi.report.submission", domain);
  g_autoptr(ScKpi) kpi = NULL;

  g_assert_true (sc_fake_odoo_edit_record (fixture->server, "kpi.report", 2, target, NULL));
  second = sync_ok (fixture);
  g_assert_cmpuint (second->pulled[SC_SYNC_MODEL_KPIS], ==, 1);
  g_assert_cmpuint (second->pulled[SC_SYNC_MODEL_SUBMISSIONS], ==, n);

  kpi = sc_store_get_kpi (fixture->store, local_kpi (fixture, 2), NULL);
  g_assert_cmpfloat (sc_kpi_get_target_value (kpi), ==, 50.0);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM submissions"), ==,
                   sc_fake_odoo_count_records (fixture->server, "kpi.report.submission", NULL));
}

static void
test_deletion (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(ScSyncReport) first = sync_ok (fixture);
  g_autoptr(ScSyncReport) quiet = NULL;
  g_autoptr(ScSyncReport) second = NULL;

  /* Nothing deleted: the counts agree, and no id is read. */
  sc_fake_odoo_reset_counters (fixture->server);
  quiet = sync_ok (fixture);
  g_assert_cmpuint (quiet->deleted, ==, 0);
  g_assert_cmpuint (sc_fake_odoo_get_call_count (fixture->server, NULL, "search"), ==, 0);

  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM submissions WHERE odoo_id = 7"), ==, 1);
  g_assert_true (sc_fake_odoo_delete_record (fixture->server, "kpi.report.submission", 7));
  second = sync_ok (fixture);
  g_assert_cmpuint (second->deleted, ==, 1);
  g_assert_cmpuint (sc_fake_odoo_get_call_count (fixture->server, "kpi.report.submission", "search"), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM submissions WHERE odoo_id = 7"), ==, 0);
}

static void
test_push_create (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(ScSyncReport) first = sync_ok (fixture);
  g_autoptr(ScSyncReport) second = NULL;

  submit (fixture, 2, SC_FAKE_ODOO_SALES_UID, 70, 9, "pushed");
  g_assert_cmpint (sc_store_count_outbox (fixture->store), ==, 1);

  second = sync_ok (fixture);
  g_assert_cmpuint (second->pushed, ==, 1);
  g_assert_cmpuint (second->failed, ==, 0);
  g_assert_cmpuint (server_same_day (fixture, 2, SC_FAKE_ODOO_SALES_UID), ==, 1);
  g_assert_cmpint (sc_store_count_outbox (fixture->store), ==, 0);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM submissions WHERE note = 'pushed' "
                                       "AND sync_state = 'synced' AND odoo_id IS NOT NULL "
                                       "AND write_date IS NOT NULL"), ==, 1);
  /* The pull after the push does not bring it back twice. */
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM submissions"), ==,
                   sc_fake_odoo_count_records (fixture->server, "kpi.report.submission", NULL));
}

static void
test_push_admin_upsert (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(ScSyncReport) first = sync_ok (fixture);
  g_autoptr(ScSyncReport) second = NULL;
  g_autoptr(ScSyncReport) third = NULL;
  g_autofree char *sql = NULL;
  gint64 odoo_id;

  submit (fixture, 2, SC_FAKE_ODOO_SALES_UID, 70, 9, "first");
  second = sync_ok (fixture);
  submit (fixture, 2, SC_FAKE_ODOO_SALES_UID, 72, 15, "second");
  third = sync_ok (fixture);
  g_assert_cmpuint (third->pushed, ==, 1);

  g_assert_cmpuint (server_same_day (fixture, 2, SC_FAKE_ODOO_SALES_UID), ==, 1);
  odoo_id = query_int (fixture, "SELECT odoo_id FROM submissions WHERE note = 'second'");
  g_assert_cmpint (odoo_id, >, 0);
  {
    g_autoptr(JsonObject) record = sc_fake_odoo_get_record (fixture->server, "kpi.report.submission", odoo_id);

    g_assert_cmpfloat (json_object_get_double_member (record, "value"), ==, 72.0);
  }
  g_assert_cmpint (sc_store_count_outbox (fixture->store), ==, 0);
}

static void
test_push_lost_response (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(ScSyncReport) first = sync_ok (fixture);
  g_autoptr(ScSyncReport) retry = NULL;
  g_autoptr(ScSyncReport) lost = NULL;
  g_autoptr(GError) error = NULL;

  submit (fixture, 2, SC_FAKE_ODOO_SALES_UID, 70, 9, "once");
  sc_fake_odoo_add_fault (fixture->server, SC_FAKE_ODOO_FAULT_DROP_AFTER_COMMIT, "kpi.report.submission",
                          "create", 1);
  lost = sync_with (fixture->engine, &error);
  g_assert_null (lost);
  g_assert_error (error, SC_SYNC_ERROR, SC_SYNC_ERROR_NETWORK);
  g_assert_cmpuint (server_same_day (fixture, 2, SC_FAKE_ODOO_SALES_UID), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM outbox WHERE state = 'pending'"), ==, 1);

  retry = sync_ok (fixture);
  g_assert_cmpuint (retry->pushed, ==, 1);
  g_assert_cmpuint (server_same_day (fixture, 2, SC_FAKE_ODOO_SALES_UID), ==, 1);
  g_assert_cmpuint (sc_fake_odoo_get_call_count (fixture->server, "kpi.report.submission", "create"), ==, 1);
  g_assert_cmpint (sc_store_count_outbox (fixture->store), ==, 0);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM submissions WHERE note = 'once' "
                                       "AND sync_state = 'synced'"), ==, 1);
}

static ScSyncEngine *
engine_as (Fixture      *fixture,
           ScOdooClient **client,
           const char   *login,
           const char   *password)
{
  *client = sc_odoo_client_new (sc_fake_odoo_get_url (fixture->server), SC_FAKE_ODOO_DATABASE);
  login_client (*client, login, password);

  return sc_sync_engine_new (fixture->thread, *client);
}

static void
test_push_manager (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(ScSyncReport) first = sync_ok (fixture);
  g_autoptr(ScSyncReport) report = NULL;
  g_autoptr(ScOdooClient) client = NULL;
  g_autoptr(ScSyncEngine) engine = NULL;
  g_autoptr(JsonObject) values = parse_object ("{\"kpi_id\": 4, \"user_id\": 7, \"value\": 20, "
                                               "\"date\": \"2026-12-05 08:00:00\"}");
  g_autoptr(GError) error = NULL;
  g_autofree char *last_error = NULL;

  engine = engine_as (fixture, &client, SC_FAKE_ODOO_MANAGER_LOGIN, SC_FAKE_ODOO_MANAGER_PASSWORD);
  g_assert_cmpint (sc_fake_odoo_create_record (fixture->server, "kpi.report.submission", values, &error), >, 0);
  g_assert_no_error (error);

  submit (fixture, 4, 0, 21, 9, "manager again");
  submit (fixture, 5, 0, 90, 9, "manager first");
  report = sync_with (engine, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->failed, ==, 1);
  g_assert_cmpuint (report->pushed, ==, 1);

  last_error = query_text (fixture, "SELECT last_error FROM outbox WHERE state = 'failed'");
  g_assert_cmpstr (last_error, ==, "A KPI Manager cannot overwrite a value already submitted today");
  g_assert_cmpuint (server_same_day (fixture, 4, SC_FAKE_ODOO_MANAGER_UID), ==, 1);
  g_assert_cmpuint (server_same_day (fixture, 5, SC_FAKE_ODOO_MANAGER_UID), ==, 1);
  g_assert_cmpint (sc_store_count_outbox (fixture->store), ==, 1);
}

static void
test_push_kpi_user (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(ScSyncReport) first = sync_ok (fixture);
  g_autoptr(ScSyncReport) report = NULL;
  g_autoptr(ScOdooClient) client = NULL;
  g_autoptr(ScSyncEngine) engine = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *last_error = NULL;
  guint before = sc_fake_odoo_count_records (fixture->server, "kpi.report.submission", NULL);

  engine = engine_as (fixture, &client, SC_FAKE_ODOO_SALES_LOGIN, SC_FAKE_ODOO_SALES_PASSWORD);
  submit (fixture, 1, SC_FAKE_ODOO_SALES_UID, 12, 9, NULL);
  report = sync_with (engine, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->failed, ==, 1);

  last_error = query_text (fixture, "SELECT last_error FROM outbox WHERE state = 'failed'");
  g_assert_cmpstr (last_error, ==, "KPI Users cannot submit values; ask a KPI Manager or Admin");
  g_assert_cmpuint (sc_fake_odoo_count_records (fixture->server, "kpi.report.submission", NULL), ==, before);
  /* The local value is kept, never lost to the pull. */
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM submissions WHERE value = 12"), ==, 1);
}

static void
test_push_validation (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(ScSyncReport) first = sync_ok (fixture);
  g_autoptr(ScSyncReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *payload = NULL;
  g_autofree char *last_error = NULL;

  /* A value the server refuses, queued behind the store's own checks. */
  payload = g_strdup_printf ("{\"kpi_id\": %" G_GINT64_FORMAT ", \"kpi_odoo_id\": 4, "
                             "\"user_login\": \"seed_operations_1\", \"value\": -5, "
                             "\"date\": \"2026-12-05 09:00:00\", \"note\": null}",
                             local_kpi (fixture, 4));
  g_assert_true (_sc_store_begin (fixture->store, &error));
  g_assert_cmpint (_sc_store_enqueue (fixture->store, "submit", "kpi.report.submission", 0, payload, NULL,
                                      &error), >, 0);
  g_assert_true (_sc_store_commit (fixture->store, SC_STORE_CHANGE_OUTBOX, &error));
  g_assert_no_error (error);
  submit (fixture, 2, SC_FAKE_ODOO_SALES_UID, 70, 9, "after the refusal");

  report = sync_ok (fixture);
  g_assert_cmpuint (report->failed, ==, 1);
  g_assert_cmpuint (report->pushed, ==, 1);
  last_error = query_text (fixture, "SELECT last_error FROM outbox WHERE state = 'failed'");
  g_assert_nonnull (last_error);
  g_assert_nonnull (strstr (last_error, "cannot be negative"));
  g_assert_cmpint (query_int (fixture, "SELECT attempts FROM outbox WHERE state = 'failed'"), ==, 1);
  g_assert_cmpuint (server_same_day (fixture, 2, SC_FAKE_ODOO_SALES_UID), ==, 1);
}

static void
test_network_fault (Fixture       *fixture,
                    gconstpointer  data)
{
  static const ScFakeOdooFault faults[] = {
    SC_FAKE_ODOO_FAULT_HTTP_502, SC_FAKE_ODOO_FAULT_HTTP_500, SC_FAKE_ODOO_FAULT_DROP_BEFORE,
    SC_FAKE_ODOO_FAULT_TRUNCATED_JSON, SC_FAKE_ODOO_FAULT_MALFORMED_JSON,
  };
  static const gint64 kpis[] = { 2, 3, 4, 5, 1 };
  g_autoptr(ScSyncReport) first = sync_ok (fixture);

  G_STATIC_ASSERT (G_N_ELEMENTS (kpis) == G_N_ELEMENTS (faults));

  for (guint i = 0; i < G_N_ELEMENTS (faults); i++)
    {
      g_autoptr(ScSyncReport) failed = NULL;
      g_autoptr(ScSyncReport) report = NULL;
      g_autoptr(GError) error = NULL;

      submit (fixture, kpis[i], SC_FAKE_ODOO_SALES_UID, 70, 9, "fault");
      sc_fake_odoo_add_fault (fixture->server, faults[i], "kpi.report.submission", "create", 1);
      failed = sync_with (fixture->engine, &error);
      g_assert_null (failed);
      g_assert_true (g_error_matches (error, SC_SYNC_ERROR, SC_SYNC_ERROR_SERVER) ||
                     g_error_matches (error, SC_SYNC_ERROR, SC_SYNC_ERROR_NETWORK) ||
                     g_error_matches (error, SC_SYNC_ERROR, SC_SYNC_ERROR_MALFORMED));
      g_assert_cmpstr (error->message, !=, "");
      /* Nothing is lost: the change waits; a broken answer may follow a
       * commit, so the server holds at most the one row. */
      g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM outbox WHERE state = 'pending'"), ==, 1);
      g_assert_cmpuint (server_same_day (fixture, kpis[i], SC_FAKE_ODOO_SALES_UID), <=, 1);

      /* The next sync succeeds, and never makes a second row. */
      report = sync_ok (fixture);
      g_assert_cmpuint (report->pushed, ==, 1);
      g_assert_cmpuint (server_same_day (fixture, kpis[i], SC_FAKE_ODOO_SALES_UID), ==, 1);
      g_assert_cmpint (sc_store_count_outbox (fixture->store), ==, 0);
    }
}

static void
test_session_expired (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(ScSyncReport) report = NULL;

  /* A portal in front of Odoo ends the session mid-pull: signed in again,
   * the sync goes on without the user noticing. */
  sc_fake_odoo_add_fault (fixture->server, SC_FAKE_ODOO_FAULT_SESSION_EXPIRED, "kpi.report.submission",
                          "search_read", 1);
  report = sync_ok (fixture);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM submissions"), ==,
                   sc_fake_odoo_count_records (fixture->server, "kpi.report.submission", NULL));
}

static void
conflict_case (Fixture    *fixture,
               gboolean    server_later)
{
  g_autoptr(ScSyncReport) first = sync_ok (fixture);
  g_autoptr(ScSyncReport) second = NULL;
  g_autoptr(ScSyncReport) third = NULL;
  g_autoptr(JsonObject) edit = parse_object ("{\"value\": 55, \"note\": \"server edit\"}");
  g_autofree char *rule = NULL;
  gint64 odoo_id;

  submit (fixture, 2, SC_FAKE_ODOO_SALES_UID, 70, 9, "base");
  second = sync_ok (fixture);
  odoo_id = query_int (fixture, "SELECT odoo_id FROM submissions WHERE note = 'base'");
  g_assert_cmpint (odoo_id, >, 0);

  /* A local edit based on the synced version... */
  submit (fixture, 2, SC_FAKE_ODOO_SALES_UID, 80, 10, "local edit");
  /* ...and a server edit of the same row, before or after it. */
  if (server_later)
    sc_fake_odoo_set_clock (fixture->server, g_get_real_time () / G_USEC_PER_SEC + 3600, 1);
  g_assert_true (sc_fake_odoo_edit_record (fixture->server, "kpi.report.submission", odoo_id, edit, NULL));

  third = sync_ok (fixture);
  g_assert_cmpuint (third->conflicts, ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM sync_conflicts"), ==, 1);
  g_assert_cmpuint (server_same_day (fixture, 2, SC_FAKE_ODOO_SALES_UID), ==, 1);
  g_assert_cmpint (sc_store_count_outbox (fixture->store), ==, 0);
  rule = query_text (fixture, "SELECT rule FROM sync_conflicts");

  {
    g_autoptr(JsonObject) record = sc_fake_odoo_get_record (fixture->server, "kpi.report.submission", odoo_id);
    g_autofree char *sql = g_strdup_printf ("SELECT value FROM submissions WHERE odoo_id = %" G_GINT64_FORMAT,
                                            odoo_id);

    if (server_later)
      {
        g_assert_cmpstr (rule, ==, "later-edit-wins:server");
        g_assert_cmpfloat (json_object_get_double_member (record, "value"), ==, 55.0);
        g_assert_cmpint (query_int (fixture, sql), ==, 55);
        g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM sync_conflicts "
                                             "WHERE json_extract (local_payload, '$.value') = 80"), ==, 1);
      }
    else
      {
        g_assert_cmpstr (rule, ==, "later-edit-wins:local");
        g_assert_cmpfloat (json_object_get_double_member (record, "value"), ==, 80.0);
        g_assert_cmpint (query_int (fixture, sql), ==, 80);
        g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM sync_conflicts "
                                             "WHERE json_extract (server_payload, '$.value') = 55"), ==, 1);
      }
  }
}

static void
test_conflict_local_later (Fixture       *fixture,
                           gconstpointer  data)
{
  conflict_case (fixture, FALSE);
}

static void
test_conflict_server_later (Fixture       *fixture,
                            gconstpointer  data)
{
  conflict_case (fixture, TRUE);
}

static gboolean
report_notes_mention (ScSyncReport *report,
                      const char   *text)
{
  for (guint i = 0; report->notes != NULL && i < report->notes->len; i++)
    if (strstr (g_ptr_array_index (report->notes, i), text) != NULL)
      return TRUE;

  return FALSE;
}

static void
test_group_history (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(ScSyncReport) first = sync_ok (fixture);
  g_autoptr(ScSyncReport) second = NULL;
  g_autoptr(ScSyncReport) third = NULL;
  guint on_server;
  gint64 odoo_id;

  /* The KPI's refresh button makes the addon write its group's daily score. */
  {
    g_autoptr(JsonArray) args = parse_array ("[[2]]");
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(JsonNode) node = NULL;
    g_autoptr(GError) error = NULL;

    sc_odoo_client_execute_kw_async (fixture->client, "kpi.report", "action_manual_refresh_kpi",
                                     args, NULL, NULL, store_result_cb, &result);
    node = sc_odoo_client_execute_kw_finish (fixture->client, await_result (&result), &error);
    g_assert_no_error (error);
  }
  second = sync_ok (fixture);
  on_server = sc_fake_odoo_count_records (fixture->server, "kpi.report.group.submission", NULL);
  g_assert_cmpuint (on_server, >, 0);
  g_assert_cmpuint (second->pulled[SC_SYNC_MODEL_GROUP_SUBMISSIONS], ==, on_server);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM group_submissions"), ==, on_server);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM group_submissions g "
                                       "JOIN report_groups r ON r.id = g.group_id "
                                       "WHERE r.odoo_id IS NOT NULL AND g.value > 0 "
                                       "AND g.date > 0 AND g.user_id IS NOT NULL"), ==, on_server);

  /* Gone from the server, gone here. */
  odoo_id = query_int (fixture, "SELECT odoo_id FROM group_submissions LIMIT 1");
  g_assert_true (sc_fake_odoo_delete_record (fixture->server, "kpi.report.group.submission", odoo_id));
  third = sync_ok (fixture);
  g_assert_cmpuint (third->deleted, ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM group_submissions"), ==, on_server - 1);
}

static void
test_missing_field (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(ScSyncReport) first = sync_ok (fixture);
  g_autoptr(ScSyncReport) second = NULL;
  g_autoptr(JsonObject) target = parse_object ("{\"target_value\": 55}");
  g_autoptr(ScKpi) kpi = NULL;
  g_autofree char *sql = NULL;

  /* A choice made here that this server cannot hold any more... */
  sql = g_strdup_printf ("UPDATE kpis SET priority = 5 WHERE id = %" G_GINT64_FORMAT,
                         local_kpi (fixture, 2));
  g_assert_true (_sc_store_exec (fixture->store, sql, NULL));

  /* ...on an addon without priority_weight: the rest still syncs. */
  sc_fake_odoo_remove_field (fixture->server, "kpi.report", "priority_weight");
  g_assert_true (sc_fake_odoo_edit_record (fixture->server, "kpi.report", 2, target, NULL));
  second = sync_ok (fixture);
  g_assert_cmpuint (second->pulled[SC_SYNC_MODEL_KPIS], ==, 1);
  g_assert_true (report_notes_mention (second, "priority_weight"));
  g_assert_false (report_notes_mention (second, "kpi.report.submission"));

  kpi = sc_store_get_kpi (fixture->store, local_kpi (fixture, 2), NULL);
  g_assert_cmpfloat (sc_kpi_get_target_value (kpi), ==, 55.0);
  g_assert_cmpint (sc_kpi_get_priority (kpi), ==, 5);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM kpis"), ==, 7);
}

static void
test_missing_model (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(ScSyncReport) report = NULL;

  sc_fake_odoo_remove_model (fixture->server, "kpi.report.group.submission");
  report = sync_ok (fixture);
  g_assert_true (report_notes_mention (report, "kpi.report.group.submission"));
  g_assert_cmpuint (report->pulled[SC_SYNC_MODEL_KPIS], ==, 7);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM submissions"), ==,
                   sc_fake_odoo_count_records (fixture->server, "kpi.report.submission", NULL));

  /* A server missing what makes a model: skipped, never the whole sync. */
  sc_fake_odoo_remove_field (fixture->server, "kpi.report.group", "name");
  g_clear_pointer (&report, sc_sync_report_free);
  report = sync_ok (fixture);
  g_assert_true (report_notes_mention (report, "“name”"));
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM report_groups"), ==, 3);
}

static void
test_user_roles (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(JsonObject) values = parse_object ("{\"kpi_id\": 2, \"user_id\": 7, \"value\": 64}");
  g_autoptr(ScSyncReport) report = NULL;
  g_autoptr(GError) error = NULL;

  /* A KPI Manager's value: everyone's KPI group comes from their
   * groups_id, not only ours. */
  g_assert_cmpint (sc_fake_odoo_create_record (fixture->server, "kpi.report.submission", values, &error), >, 0);
  g_assert_no_error (error);
  report = sync_ok (fixture);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM users WHERE odoo_id = 7 "
                                       "AND kpi_role = 'manager'"), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM users WHERE odoo_id = 9 "
                                       "AND kpi_role = 'user'"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("no_proxy", "127.0.0.1,localhost", TRUE);
  g_unsetenv ("http_proxy");
  g_unsetenv ("https_proxy");

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/sync/engine/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("pull/first", test_first_sync);
  ADD ("pull/user-roles", test_user_roles);
  ADD ("pull/incremental", test_incremental);
  ADD ("pull/paging", test_paging_resume);
  ADD ("pull/target-change", test_target_change);
  ADD ("pull/deletion", test_deletion);
  ADD ("pull/group-history", test_group_history);
  ADD ("pull/missing-field", test_missing_field);
  ADD ("pull/missing-model", test_missing_model);
  ADD ("push/create", test_push_create);
  ADD ("push/admin-upsert", test_push_admin_upsert);
  ADD ("push/lost-response", test_push_lost_response);
  ADD ("push/manager", test_push_manager);
  ADD ("push/kpi-user", test_push_kpi_user);
  ADD ("push/validation", test_push_validation);
  ADD ("push/network-fault", test_network_fault);
  ADD ("pull/session-expired", test_session_expired);
  ADD ("conflict/local-later", test_conflict_local_later);
  ADD ("conflict/server-later", test_conflict_server_later);
#undef ADD

  return g_test_run ();
}
