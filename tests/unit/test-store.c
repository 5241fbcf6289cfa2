/* test-store.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-test"

#include "config.h"

#include <math.h>
#include <unistd.h>

#include "sc-enums.h"
#include "sc-migrations.h"
#include "sc-store-private.h"
#include "test-fixture.h"

#define OPEN GINT_TO_POINTER (1)
#define DAY 86400
/* 2026-11-29 00:00:00 UTC */
#define NOV29 G_GINT64_CONSTANT (1795910400)

static char *
read_bytes (const char *path,
            gsize      *length)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, length, NULL));

  return contents;
}

static void
write_file (const char *path,
            const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

static void
exec_sql (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* Opening */

static void
test_open_creates (StoreFixture  *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *nested = g_build_filename (fixture->dir, "a", "b", "store.db", NULL);
  g_autoptr(ScStore) store = sc_store_open (nested, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (sc_store_get_path (store), ==, nested);
  g_assert_cmpint (sc_store_get_schema_version (store), ==, SC_STORE_SCHEMA_VERSION);
  g_assert_true (g_file_test (nested, G_FILE_TEST_EXISTS));
  g_assert_cmpint (query_int64 (nested, "PRAGMA user_version"), ==, SC_STORE_SCHEMA_VERSION);
  g_assert_cmpint (query_int64 (nested, "PRAGMA application_id"), ==, 0x53434b50);
  g_assert_cmpint (query_int64 (nested, "SELECT count(*) FROM sqlite_schema "
                                        "WHERE name IN ('kpis', 'submissions', 'outbox', "
                                        "'users', 'report_groups', 'group_submissions')"), ==, 6);
  g_assert_cmpstr (sc_store_get_currency (store), ==, "USD");
  g_assert_finalize_object (g_steal_pointer (&store));
}

static void
test_open_pragmas (StoreFixture  *fixture,
                   gconstpointer  data)
{
  sqlite3 *db = _sc_store_get_db (fixture->store);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "wal");
  sqlite3_finalize (stmt);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA foreign_keys", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  sqlite3_finalize (stmt);
}

static void
test_default_path (void)
{
  g_autofree char *previous = g_strdup (g_getenv ("SCORECARD_STORE"));
  g_autofree char *path = NULL;

  g_unsetenv ("SCORECARD_STORE");
  path = sc_store_default_path ();
  g_assert_true (g_str_has_prefix (path, g_get_user_data_dir ()));
  g_assert_true (g_str_has_suffix (path, G_DIR_SEPARATOR_S "scorecard" G_DIR_SEPARATOR_S "scorecard.db"));
  g_clear_pointer (&path, g_free);

  g_setenv ("SCORECARD_STORE", "/tmp/elsewhere.db", TRUE);
  path = sc_store_default_path ();
  g_assert_cmpstr (path, ==, "/tmp/elsewhere.db");

  if (previous != NULL)
    g_setenv ("SCORECARD_STORE", previous, TRUE);
  else
    g_unsetenv ("SCORECARD_STORE");
}

static void
test_reopen_keeps_data (StoreFixture  *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScStore) store = NULL;

  add_test_kpi (fixture->store, "Revenue", SC_TARGET_TYPE_CURRENCY, 1000, SC_DIRECTION_HIGHER_BETTER);
  g_assert_finalize_object (g_steal_pointer (&fixture->store));

  store = sc_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sc_store_count_kpis (store), ==, 1);
}

static void
test_refuse_newer_schema (StoreFixture  *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScStore) store = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_length, after_length;

  g_assert_finalize_object (g_steal_pointer (&fixture->store));
  exec_sql (fixture->path, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99");
  before = read_bytes (fixture->path, &before_length);

  store = sc_store_open (fixture->path, &error);
  g_assert_null (store);
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_NEWER_SCHEMA);
  g_assert_nonnull (strstr (error->message, fixture->path));
  g_assert_nonnull (strstr (error->message, "newer version"));

  /* Not a byte changed, and no WAL file appeared. */
  after = read_bytes (fixture->path, &after_length);
  g_assert_cmpmem (before, before_length, after, after_length);
  {
    g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);

    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  }
}

static void
test_refuse_garbage (StoreFixture  *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScStore) store = NULL;
  g_autofree char *garbage = g_malloc (8192);
  g_autofree char *after = NULL;
  gsize after_length;

  for (guint i = 0; i < 8192; i++)
    garbage[i] = (char)(g_test_rand_int () & 0xff);
  write_file (fixture->path, garbage, 8192);

  store = sc_store_open (fixture->path, &error);
  g_assert_null (store);
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_NOT_A_STORE);
  g_assert_nonnull (strstr (error->message, fixture->path));

  after = read_bytes (fixture->path, &after_length);
  g_assert_cmpmem (garbage, 8192, after, after_length);
}

static void
test_refuse_truncated (StoreFixture  *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScStore) store = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  add_test_kpi (fixture->store, "Revenue", SC_TARGET_TYPE_NUMBER, 10, SC_DIRECTION_HIGHER_BETTER);
  g_assert_finalize_object (g_steal_pointer (&fixture->store));
  exec_sql (fixture->path, "PRAGMA journal_mode = DELETE");

  /* Keep the header page, lose the pages the schema points to. */
  contents = read_bytes (fixture->path, &length);
  g_assert_cmpuint (length, >, 4096);
  memset (contents + 100, 0xa5, 3000);
  write_file (fixture->path, contents, (gssize)length);

  store = sc_store_open (fixture->path, &error);
  g_assert_null (store);
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_NOT_A_STORE);
  g_assert_nonnull (strstr (error->message, fixture->path));
}

static void
test_refuse_foreign_database (StoreFixture  *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScStore) store = NULL;

  exec_sql (fixture->path, "CREATE TABLE recipes (name TEXT)");
  store = sc_store_open (fixture->path, &error);
  g_assert_null (store);
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_NOT_A_STORE);
  g_assert_cmpint (query_int64 (fixture->path, "SELECT count(*) FROM sqlite_schema"), ==, 1);
}

static void
test_refuse_folder (StoreFixture  *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScStore) store = sc_store_open (fixture->dir, &error);

  g_assert_null (store);
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, fixture->dir));
}

static void
test_refuse_unreadable (StoreFixture  *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScStore) store = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("root can read any file");
      return;
    }

  g_assert_finalize_object (g_steal_pointer (&fixture->store));
  g_assert_cmpint (g_chmod (fixture->path, 0), ==, 0);
  store = sc_store_open (fixture->path, &error);
  g_chmod (fixture->path, 0600);
  g_assert_null (store);
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, fixture->path));
}

static void
test_empty_file_is_new_store (StoreFixture  *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScStore) store = NULL;

  /* A zero-length file is an empty SQLite database: migrate from 0. */
  write_file (fixture->path, "", 0);
  store = sc_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int64 (fixture->path, "PRAGMA user_version"), ==, SC_STORE_SCHEMA_VERSION);
}

/* Migrations */

static void
test_migration_failure_rolls_back (StoreFixture  *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const ScMigration broken[] = {
    { SC_STORE_SCHEMA_VERSION + 1,
      "CREATE TABLE half_done (a INTEGER);"
      "ALTER TABLE kpis ADD COLUMN colour TEXT;"
      "INSERT INTO no_such_table VALUES (1);" },
  };

  g_assert_false (_sc_store_apply_migrations (fixture->store, broken, G_N_ELEMENTS (broken),
                                              SC_STORE_SCHEMA_VERSION, &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "nothing was changed"));

  g_assert_cmpint (query_int64 (fixture->path, "PRAGMA user_version"), ==, SC_STORE_SCHEMA_VERSION);
  g_assert_cmpint (query_int64 (fixture->path,
                                "SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'"), ==, 0);
  g_assert_cmpint (query_int64 (fixture->path,
                                "SELECT count(*) FROM pragma_table_info('kpis') "
                                "WHERE name = 'colour'"), ==, 0);
}

static void
test_migration_steps_in_order (StoreFixture  *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const ScMigration steps[] = {
    { SC_STORE_SCHEMA_VERSION, "CREATE TABLE must_not_run (a INTEGER);" },
    { SC_STORE_SCHEMA_VERSION + 1, "CREATE TABLE v2 (a INTEGER);" },
    { SC_STORE_SCHEMA_VERSION + 2, "INSERT INTO v2 VALUES (42);" },
  };

  g_assert_true (_sc_store_apply_migrations (fixture->store, steps, G_N_ELEMENTS (steps),
                                             SC_STORE_SCHEMA_VERSION, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int64 (fixture->path, "PRAGMA user_version"), ==,
                   SC_STORE_SCHEMA_VERSION + 2);
  g_assert_cmpint (query_int64 (fixture->path, "SELECT a FROM v2"), ==, 42);
  g_assert_cmpint (query_int64 (fixture->path,
                                "SELECT count(*) FROM sqlite_schema WHERE name = 'must_not_run'"),
                   ==, 0);
}

/* A store written by the first version: its history index, KPI values and
 * submission checks move to the current schema on open, without losing a
 * row. */
static void
test_migrate_v1_to_current (StoreFixture  *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScStore) store = NULL;
  g_autoptr(ScKpi) kpi = NULL;
  gint64 id;

  id = add_test_kpi (fixture->store, "NPS", SC_TARGET_TYPE_NUMBER, 50, SC_DIRECTION_HIGHER_BETTER);
  g_assert_true (sc_store_submit (fixture->store, id, 0, 40, NOV29 - DAY, NULL, NULL, NULL));
  g_assert_true (sc_store_submit (fixture->store, id, 0, 45, NOV29, NULL, NULL, NULL));
  g_assert_finalize_object (g_steal_pointer (&fixture->store));

  /* Put the file back as version 1 wrote it. */
  exec_sql (fixture->path,
            "DROP INDEX submissions_kpi_date;"
            "CREATE INDEX submissions_kpi_user_date ON submissions (kpi_id, user_id, date);"
            "ALTER TABLE kpis DROP COLUMN previous_value;"
            "ALTER TABLE kpis DROP COLUMN warn_from;"
            "ALTER TABLE kpis DROP COLUMN good_from;"
            "DROP TABLE alert_deliveries;"
            "DROP TABLE alert_events;"
            "DROP TABLE alert_channels;"
            "DROP TABLE alert_states;"
            "DROP TABLE alert_rules;"
            "PRAGMA user_version = 1;");

  store = sc_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int64 (fixture->path, "PRAGMA user_version"), ==, SC_STORE_SCHEMA_VERSION);
  g_assert_cmpint (query_int64 (fixture->path, "SELECT count(*) FROM sqlite_schema "
                                               "WHERE name = 'submissions' "
                                               "AND sql LIKE '%OR sync_state = ''dirty''%'"), ==, 1);
  g_assert_cmpint (query_int64 (fixture->path, "PRAGMA foreign_key_check"), ==, -1);
  g_assert_cmpint (query_int64 (fixture->path, "SELECT count(*) FROM sqlite_schema "
                                               "WHERE name = 'alert_deliveries_due'"), ==, 1);
  g_assert_cmpint (query_int64 (fixture->path, "SELECT count(*) FROM sqlite_schema "
                                               "WHERE name = 'submissions_kpi_date'"), ==, 1);
  g_assert_cmpint (query_int64 (fixture->path, "SELECT count(*) FROM sqlite_schema "
                                               "WHERE name = 'submissions_kpi_user_date'"), ==, 0);
  g_assert_cmpint (sc_store_count_submissions (store), ==, 2);

  kpi = sc_store_get_kpi (store, id, &error);
  g_assert_cmpfloat (sc_kpi_get_value (kpi), ==, 45);
  {
    double previous = 0;

    g_assert_true (sc_kpi_get_previous_value (kpi, &previous));
    g_assert_cmpfloat (previous, ==, 40);
    g_assert_cmpfloat_with_epsilon (sc_kpi_get_change (kpi), 12.5, 1e-9);
  }
}

/* KPIs and constraints */

static void
test_kpi_refused (StoreFixture  *fixture,
                  gconstpointer  data)
{
  static const struct { const char *name; ScTargetType type; double target; int priority; } bad[] = {
    { "", SC_TARGET_TYPE_NUMBER, 1, 3 },
    { "   ", SC_TARGET_TYPE_NUMBER, 1, 3 },
    { "Negative", SC_TARGET_TYPE_NUMBER, -5, 3 },
    { "Over 100", SC_TARGET_TYPE_PERCENT, 120, 3 },
    { "Half true", SC_TARGET_TYPE_BOOLEAN, 0.5, 3 },
    { "NaN target", SC_TARGET_TYPE_NUMBER, NAN, 3 },
    { "Infinite target", SC_TARGET_TYPE_CURRENCY, INFINITY, 3 },
    { "Priority 0", SC_TARGET_TYPE_NUMBER, 1, 0 },
    { "Priority 6", SC_TARGET_TYPE_NUMBER, 1, 6 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      ScKpiSpec spec;

      sc_kpi_spec_init (&spec);
      spec.name = bad[i].name;
      spec.target_type = bad[i].type;
      spec.target_value = bad[i].target;
      spec.priority = bad[i].priority;

      g_assert_cmpint (sc_store_add_kpi (fixture->store, &spec, &error), ==, -1);
      g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID);
    }

  g_assert_cmpint (sc_store_count_kpis (fixture->store), ==, 0);
}

static void
test_kpi_unique_in_group (StoreFixture  *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  ScKpiSpec spec;
  gint64 sales, ops;

  sales = sc_store_ensure_group (fixture->store, "Sales", SC_REPORT_TYPE_DAILY,
                                 SC_DEPARTMENT_SALES, NULL, &error);
  g_assert_no_error (error);
  ops = sc_store_ensure_group (fixture->store, "Operations", SC_REPORT_TYPE_WEEKLY,
                               SC_DEPARTMENT_OPERATIONS, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sc_store_ensure_group (fixture->store, "Sales", SC_REPORT_TYPE_DAILY,
                                          SC_DEPARTMENT_SALES, NULL, NULL), ==, sales);

  sc_kpi_spec_init (&spec);
  spec.name = "Revenue";
  spec.group_id = sales;
  g_assert_cmpint (sc_store_add_kpi (fixture->store, &spec, &error), >, 0);
  g_assert_cmpint (sc_store_add_kpi (fixture->store, &spec, &error), ==, -1);
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  /* The same name in another group is another KPI. */
  spec.group_id = ops;
  g_assert_cmpint (sc_store_add_kpi (fixture->store, &spec, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (sc_store_count_kpis (fixture->store), ==, 2);

  /* Referring to it by name is now ambiguous, and says which ids exist. */
  g_assert_null (sc_store_find_kpi (fixture->store, "revenue", &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "#1, #2"));
}

static void
test_schema_checks (StoreFixture  *fixture,
                    gconstpointer  data)
{
  sqlite3 *db = _sc_store_get_db (fixture->store);

  /* Even SQL that bypasses our API cannot store what the server forbids. */
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO kpis (name, kpi_type, target_value) "
                                     "VALUES ('x', 'manual', -1)", NULL, NULL, NULL) & 0xff,
                   ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO kpis (name, kpi_type, target_type, target_value) "
                                     "VALUES ('x', 'manual', 'percent', 101)", NULL, NULL, NULL) & 0xff,
                   ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO kpis (name, kpi_type, department) "
                                     "VALUES ('x', 'manual', 'legal')", NULL, NULL, NULL) & 0xff,
                   ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO submissions (kpi_id, value, date) "
                                     "VALUES (999, 1, 0)", NULL, NULL, NULL) & 0xff,
                   ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO outbox (created_at, operation, model, payload, "
                                     "idempotency_key) VALUES (0, 'x', 'y', '{not json', 'k')",
                                 NULL, NULL, NULL) & 0xff,
                   ==, SQLITE_CONSTRAINT);
}

static void
test_delete_kpi_with_history_refused (StoreFixture  *fixture,
                                      gconstpointer  data)
{
  sqlite3 *db = _sc_store_get_db (fixture->store);
  gint64 kpi = add_test_kpi (fixture->store, "Revenue", SC_TARGET_TYPE_NUMBER, 10,
                             SC_DIRECTION_HIGHER_BETTER);

  g_assert_true (sc_store_submit (fixture->store, kpi, 0, 5, NOV29, NULL, NULL, NULL));
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM kpis", NULL, NULL, NULL) & 0xff, ==,
                   SQLITE_CONSTRAINT);
  g_assert_cmpint (sc_store_count_kpis (fixture->store), ==, 1);
}

static void
test_kpi_object (StoreFixture  *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScKpi) kpi = NULL;
  g_auto(GStrv) assignees = NULL;
  g_autofree char *name = NULL;
  g_autofree char *target = NULL;
  double achievement = 0;
  ScScoreBand band = 0;
  ScDirection direction = 0;
  gint64 id, user;

  id = add_test_kpi (fixture->store, "Response time", SC_TARGET_TYPE_DURATION, 4,
                     SC_DIRECTION_LOWER_BETTER);
  user = sc_store_ensure_user (fixture->store, "zoe", "Zoë Ångström", SC_KPI_ROLE_MANAGER, &error);
  g_assert_no_error (error);
  g_assert_true (sc_store_assign_user (fixture->store, id, user, &error));
  g_assert_true (sc_store_submit (fixture->store, id, user, 5, NOV29, "slow day", NULL, &error));

  kpi = sc_store_find_kpi (fixture->store, "#1", &error);
  g_assert_no_error (error);
  g_object_get (kpi,
                "name", &name,
                "achievement", &achievement,
                "score-band", &band,
                "direction", &direction,
                "assignees", &assignees,
                NULL);
  g_assert_cmpstr (name, ==, "Response time");
  g_assert_cmpfloat (achievement, ==, 80.0);
  g_assert_cmpint (band, ==, SC_SCORE_BAND_GOOD);
  g_assert_cmpint (direction, ==, SC_DIRECTION_LOWER_BETTER);
  g_assert_cmpstrv (assignees, ((const char * const[]) { "zoe", NULL }));
  g_assert_cmpfloat (sc_kpi_get_value (kpi), ==, 5.0);
  g_assert_cmpint (sc_kpi_get_last_submitted (kpi), ==, NOV29);
  g_assert_true (sc_kpi_has_value (kpi));
  target = sc_kpi_format_target (kpi);
  g_assert_cmpstr (target, ==, "4\u00a0h");

  g_assert_finalize_object (g_steal_pointer (&kpi));
}

static void
test_list_order (StoreFixture  *fixture,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) kpis = NULL;
  g_autoptr(GError) error = NULL;
  const char *names[] = { "b", "a", "c" };
  ScDepartment departments[] = { SC_DEPARTMENT_SALES, SC_DEPARTMENT_SALES, SC_DEPARTMENT_FINANCE };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      ScKpiSpec spec;

      sc_kpi_spec_init (&spec);
      spec.name = names[i];
      spec.department = departments[i];
      g_assert_cmpint (sc_store_add_kpi (fixture->store, &spec, &error), >, 0);
    }

  /* The addon's order: department key, then name. */
  kpis = sc_store_list_kpis (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kpis->len, ==, 3);
  g_assert_cmpstr (sc_kpi_get_name (g_ptr_array_index (kpis, 0)), ==, "c");
  g_assert_cmpstr (sc_kpi_get_name (g_ptr_array_index (kpis, 1)), ==, "a");
  g_assert_cmpstr (sc_kpi_get_name (g_ptr_array_index (kpis, 2)), ==, "b");
}

/* Submissions */

static void
test_submit_upsert (StoreFixture  *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScKpi) kpi = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  ScSubmitResult result;
  gint64 id, alice, bob;

  id = add_test_kpi (fixture->store, "Revenue", SC_TARGET_TYPE_CURRENCY, 1000,
                     SC_DIRECTION_HIGHER_BETTER);
  alice = sc_store_ensure_user (fixture->store, "alice", NULL, SC_KPI_ROLE_ADMIN, &error);
  bob = sc_store_ensure_user (fixture->store, "bob", NULL, SC_KPI_ROLE_MANAGER, &error);
  g_assert_no_error (error);

  g_assert_true (sc_store_submit (fixture->store, id, alice, 800, NOV29 + 9 * 3600, "am", &result, &error));
  g_assert_no_error (error);
  g_assert_false (result.replaced);

  /* Later the same UTC day: the same row, overwritten. */
  g_assert_true (sc_store_submit (fixture->store, id, alice, 950, NOV29 + 23 * 3600 + 59 * 60,
                                  "pm", &result, &error));
  g_assert_true (result.replaced);
  g_assert_cmpfloat (result.previous_value, ==, 800);
  g_assert_cmpint (sc_store_count_submissions (fixture->store), ==, 1);

  /* Another user, or the next UTC day, is another row. */
  g_assert_true (sc_store_submit (fixture->store, id, bob, 700, NOV29 + 12 * 3600, NULL, &result, &error));
  g_assert_false (result.replaced);
  g_assert_true (sc_store_submit (fixture->store, id, alice, 1100, NOV29 + DAY, NULL, &result, &error));
  g_assert_false (result.replaced);
  g_assert_cmpint (sc_store_count_submissions (fixture->store), ==, 3);

  /* Every change is queued for sync, in order. */
  g_assert_cmpint (sc_store_count_outbox (fixture->store), ==, 4);
  g_assert_cmpint (query_int64 (fixture->path, "SELECT count(DISTINCT idempotency_key) FROM outbox"),
                   ==, 4);

  /* The KPI's value follows the newest submission. */
  kpi = sc_store_get_kpi (fixture->store, id, &error);
  g_assert_cmpfloat (sc_kpi_get_value (kpi), ==, 1100);
  g_assert_cmpfloat (sc_kpi_get_achievement (kpi), ==, 110);
  g_assert_cmpint (sc_kpi_get_last_submitted (kpi), ==, NOV29 + DAY);

  rows = sc_store_list_submissions (fixture->store, id, 0, &error);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpfloat (sc_submission_get_value (g_ptr_array_index (rows, 0)), ==, 1100);
  g_assert_cmpfloat (sc_submission_get_value (g_ptr_array_index (rows, 1)), ==, 950);
  g_assert_cmpstr (sc_submission_get_note (g_ptr_array_index (rows, 1)), ==, "pm");
  g_assert_cmpfloat (sc_submission_get_achievement (g_ptr_array_index (rows, 2)), ==, 70);
}

static void
test_submit_backdated_keeps_latest (StoreFixture  *fixture,
                                    gconstpointer  data)
{
  g_autoptr(ScKpi) kpi = NULL;
  gint64 id = add_test_kpi (fixture->store, "NPS", SC_TARGET_TYPE_NUMBER, 50,
                            SC_DIRECTION_HIGHER_BETTER);

  g_assert_true (sc_store_submit (fixture->store, id, 0, 48, NOV29, NULL, NULL, NULL));
  g_assert_true (sc_store_submit (fixture->store, id, 0, 20, NOV29 - 10 * DAY, NULL, NULL, NULL));

  kpi = sc_store_get_kpi (fixture->store, id, NULL);
  g_assert_cmpfloat (sc_kpi_get_value (kpi), ==, 48);
  g_assert_cmpint (sc_kpi_get_last_submitted (kpi), ==, NOV29);
}

static void
test_submit_refused (StoreFixture  *fixture,
                     gconstpointer  data)
{
  gint64 id = add_test_kpi (fixture->store, "Revenue", SC_TARGET_TYPE_NUMBER, 100,
                            SC_DIRECTION_HIGHER_BETTER);
  static const struct { double value; gint64 kpi; gint64 user; int code; } cases[] = {
    { NAN, 1, 0, SC_STORE_ERROR_INVALID },
    { INFINITY, 1, 0, SC_STORE_ERROR_INVALID },
    { -INFINITY, 1, 0, SC_STORE_ERROR_INVALID },
    { -1, 1, 0, SC_STORE_ERROR_INVALID },
    { 10, 999, 0, SC_STORE_ERROR_NOT_FOUND },
    { 10, 1, 999, SC_STORE_ERROR_NOT_FOUND },
  };

  g_assert_cmpint (id, ==, 1);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (sc_store_submit (fixture->store, cases[i].kpi, cases[i].user, cases[i].value,
                                       NOV29, NULL, NULL, &error));
      g_assert_error (error, SC_STORE_ERROR, cases[i].code);
    }

  g_assert_cmpint (sc_store_count_submissions (fixture->store), ==, 0);
  g_assert_cmpint (sc_store_count_outbox (fixture->store), ==, 0);
  g_assert_cmpint (query_int64 (fixture->path, "SELECT value FROM kpis"), ==, 0);
}

static void
test_outbox_payload (StoreFixture  *fixture,
                     gconstpointer  data)
{
  gint64 id = add_test_kpi (fixture->store, "Revenue", SC_TARGET_TYPE_NUMBER, 100,
                            SC_DIRECTION_HIGHER_BETTER);
  gint64 user = sc_store_ensure_user (fixture->store, "alice", NULL, SC_KPI_ROLE_ADMIN, NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_true (sc_store_submit (fixture->store, id, user, 42.5, NOV29 + 3600, "hello", NULL, NULL));

  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT operation, model, state, "
                                       "  json_extract (payload, '$.value'), "
                                       "  json_extract (payload, '$.date'), "
                                       "  json_extract (payload, '$.user_login'), "
                                       "  json_extract (payload, '$.note') FROM outbox",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "submit");
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 1), ==, "kpi.report.submission");
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 2), ==, "pending");
  g_assert_cmpfloat (sqlite3_column_double (stmt, 3), ==, 42.5);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 4), ==, "2026-11-29 01:00:00");
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 5), ==, "alice");
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 6), ==, "hello");
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

/* Change notification */

static void
on_changed (ScStore       *store,
            ScStoreChange  changes,
            gpointer       user_data)
{
  GArray *seen = user_data;

  g_array_append_val (seen, changes);
}

static void
test_changed_signal (StoreFixture  *fixture,
                     gconstpointer  data)
{
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (ScStoreChange));
  gint64 id = add_test_kpi (fixture->store, "Revenue", SC_TARGET_TYPE_NUMBER, 100,
                            SC_DIRECTION_HIGHER_BETTER);
  ScStoreChange changes;

  g_signal_connect (fixture->store, "changed", G_CALLBACK (on_changed), seen);

  g_assert_true (sc_store_submit (fixture->store, id, 0, 10, NOV29, NULL, NULL, NULL));
  g_assert_cmpuint (seen->len, ==, 1);
  changes = g_array_index (seen, ScStoreChange, 0);
  g_assert_true (changes & SC_STORE_CHANGE_SUBMISSIONS);
  g_assert_true (changes & SC_STORE_CHANGE_KPIS);
  g_assert_true (changes & SC_STORE_CHANGE_OUTBOX);

  /* A refused change changes nothing and says nothing. */
  g_assert_false (sc_store_submit (fixture->store, id, 0, NAN, NOV29, NULL, NULL, NULL));
  g_assert_cmpuint (seen->len, ==, 1);

  g_signal_handlers_disconnect_by_func (fixture->store, on_changed, seen);
}

static void
test_external_changes (StoreFixture  *fixture,
                       gconstpointer  data)
{
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (ScStoreChange));
  g_autoptr(GError) error = NULL;
  g_autoptr(ScStore) other = sc_store_open (fixture->path, &error);
  gint64 id;

  g_assert_no_error (error);
  g_signal_connect (fixture->store, "changed", G_CALLBACK (on_changed), seen);

  g_assert_false (sc_store_poll_external_changes (fixture->store));

  /* Another connection, as scorecard-cli in another process would be. */
  id = add_test_kpi (other, "Revenue", SC_TARGET_TYPE_NUMBER, 100, SC_DIRECTION_HIGHER_BETTER);
  g_assert_true (sc_store_submit (other, id, 0, 10, NOV29, NULL, NULL, NULL));

  g_assert_true (sc_store_poll_external_changes (fixture->store));
  g_assert_cmpuint (seen->len, ==, 1);
  g_assert_cmpint (g_array_index (seen, ScStoreChange, 0), ==, SC_STORE_CHANGE_ALL);
  g_assert_cmpint (sc_store_count_submissions (fixture->store), ==, 1);

  /* Our own commits are not reported again as external. */
  g_assert_false (sc_store_poll_external_changes (fixture->store));
  g_assert_true (sc_store_submit (fixture->store, id, 0, 20, NOV29 + DAY, NULL, NULL, NULL));
  g_assert_false (sc_store_poll_external_changes (fixture->store));

  g_signal_handlers_disconnect_by_func (fixture->store, on_changed, seen);
  g_assert_finalize_object (g_steal_pointer (&other));
}

/* Transactions */

static void
test_nested_transaction_rollback (StoreFixture  *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (_sc_store_begin (fixture->store, &error));
  add_test_kpi (fixture->store, "Kept", SC_TARGET_TYPE_NUMBER, 1, SC_DIRECTION_HIGHER_BETTER);

  g_assert_true (_sc_store_begin (fixture->store, &error));
  add_test_kpi (fixture->store, "Dropped", SC_TARGET_TYPE_NUMBER, 1, SC_DIRECTION_HIGHER_BETTER);
  _sc_store_rollback (fixture->store);

  g_assert_true (_sc_store_commit (fixture->store, SC_STORE_CHANGE_KPIS, &error));
  g_assert_no_error (error);

  g_assert_cmpint (query_int64 (fixture->path, "SELECT count(*) FROM kpis WHERE name = 'Kept'"), ==, 1);
  g_assert_cmpint (query_int64 (fixture->path, "SELECT count(*) FROM kpis WHERE name = 'Dropped'"), ==, 0);

  /* An outer rollback drops everything. */
  g_assert_true (_sc_store_begin (fixture->store, &error));
  add_test_kpi (fixture->store, "Gone", SC_TARGET_TYPE_NUMBER, 1, SC_DIRECTION_HIGHER_BETTER);
  _sc_store_rollback (fixture->store);
  g_assert_cmpint (sc_store_count_kpis (fixture->store), ==, 1);
}

static void
test_kpi_zones (StoreFixture  *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScKpi) kpi = NULL;
  gint64 id = add_test_kpi (fixture->store, "NPS", SC_TARGET_TYPE_NUMBER, 50,
                            SC_DIRECTION_HIGHER_BETTER);

  /* The defaults come from the score bands. */
  kpi = sc_store_get_kpi (fixture->store, id, &error);
  g_assert_cmpfloat (sc_kpi_get_warn_from (kpi), ==, 70);
  g_assert_cmpfloat (sc_kpi_get_good_from (kpi), ==, 95);
  g_clear_object (&kpi);

  g_assert_true (sc_store_set_kpi_zones (fixture->store, id, 60, 90, &error));
  g_assert_no_error (error);
  kpi = sc_store_get_kpi (fixture->store, id, &error);
  g_assert_cmpfloat (sc_kpi_get_warn_from (kpi), ==, 60);
  g_assert_cmpfloat (sc_kpi_get_good_from (kpi), ==, 90);
  g_clear_object (&kpi);

  /* Refused, changing nothing. */
  g_assert_false (sc_store_set_kpi_zones (fixture->store, id, 90, 60, &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sc_store_set_kpi_zones (fixture->store, id, NAN, 90, &error));
  g_clear_error (&error);
  g_assert_false (sc_store_set_kpi_zones (fixture->store, 999, 60, 90, &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  kpi = sc_store_get_kpi (fixture->store, id, &error);
  g_assert_cmpfloat (sc_kpi_get_warn_from (kpi), ==, 60);
  g_clear_object (&kpi);

  /* Both 0: back to the defaults. */
  g_assert_true (sc_store_set_kpi_zones (fixture->store, id, 0, 0, &error));
  kpi = sc_store_get_kpi (fixture->store, id, &error);
  g_assert_cmpfloat (sc_kpi_get_good_from (kpi), ==, 95);
}

static void
test_settings (StoreFixture  *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScKpi) kpi = NULL;
  g_autofree char *target = NULL;
  gint64 id;

  g_assert_true (sc_store_set_setting (fixture->store, "company_currency", "INR", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sc_store_get_currency (fixture->store), ==, "INR");

  id = add_test_kpi (fixture->store, "Revenue", SC_TARGET_TYPE_CURRENCY, 1000,
                     SC_DIRECTION_HIGHER_BETTER);
  kpi = sc_store_get_kpi (fixture->store, id, &error);
  target = sc_kpi_format_target (kpi);
  g_assert_true (g_str_has_prefix (target, "₹"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  STORE_TEST ("/core/store/open-creates", test_open_creates, NULL);
  STORE_TEST ("/core/store/open-pragmas", test_open_pragmas, OPEN);
  g_test_add_func ("/core/store/default-path", test_default_path);
  STORE_TEST ("/core/store/reopen-keeps-data", test_reopen_keeps_data, OPEN);
  STORE_TEST ("/core/store/refuse-newer-schema", test_refuse_newer_schema, OPEN);
  STORE_TEST ("/core/store/refuse-garbage", test_refuse_garbage, NULL);
  STORE_TEST ("/core/store/refuse-truncated", test_refuse_truncated, OPEN);
  STORE_TEST ("/core/store/refuse-foreign-database", test_refuse_foreign_database, NULL);
  STORE_TEST ("/core/store/refuse-folder", test_refuse_folder, NULL);
  STORE_TEST ("/core/store/refuse-unreadable", test_refuse_unreadable, OPEN);
  STORE_TEST ("/core/store/empty-file-is-new-store", test_empty_file_is_new_store, NULL);
  STORE_TEST ("/core/store/migration-failure-rolls-back", test_migration_failure_rolls_back, OPEN);
  STORE_TEST ("/core/store/migration-steps-in-order", test_migration_steps_in_order, OPEN);
  STORE_TEST ("/core/store/migrate-v1-to-current", test_migrate_v1_to_current, OPEN);
  STORE_TEST ("/core/store/kpi-refused", test_kpi_refused, OPEN);
  STORE_TEST ("/core/store/kpi-unique-in-group", test_kpi_unique_in_group, OPEN);
  STORE_TEST ("/core/store/schema-checks", test_schema_checks, OPEN);
  STORE_TEST ("/core/store/delete-kpi-with-history-refused", test_delete_kpi_with_history_refused, OPEN);
  STORE_TEST ("/core/store/kpi-object", test_kpi_object, OPEN);
  STORE_TEST ("/core/store/list-order", test_list_order, OPEN);
  STORE_TEST ("/core/store/submit-upsert", test_submit_upsert, OPEN);
  STORE_TEST ("/core/store/submit-backdated-keeps-latest", test_submit_backdated_keeps_latest, OPEN);
  STORE_TEST ("/core/store/submit-refused", test_submit_refused, OPEN);
  STORE_TEST ("/core/store/outbox-payload", test_outbox_payload, OPEN);
  STORE_TEST ("/core/store/changed-signal", test_changed_signal, OPEN);
  STORE_TEST ("/core/store/external-changes", test_external_changes, OPEN);
  STORE_TEST ("/core/store/nested-transaction-rollback", test_nested_transaction_rollback, OPEN);
  STORE_TEST ("/core/store/kpi-zones", test_kpi_zones, OPEN);
  STORE_TEST ("/core/store/settings", test_settings, OPEN);

  return g_test_run ();
}
