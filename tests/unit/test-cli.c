/* test-cli.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-test"

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>

/* scorecard-cli as its users see it: exit codes, messages, and what ends
 * up in the store. Every test runs the real binary, named by
 * $SCORECARD_CLI, against stores in a fresh temporary folder.
 */

typedef struct
{
  char  *dir;
  char  *store;
  char **envp;
} CliFixture;

typedef struct
{
  char *command;
  char *out;
  char *err;
  int   status;
} CliRun;

/* The KPIs most tests start from: every target type, both directions, two
 * groups, and a note with a comma. */
static const char kpis_csv[] =
  "name,group,kpi_type,target_type,target_value,priority,direction,report_type,department,note\n"
  "Revenue,Sales,manual,currency,1000,5,higher_better,monthly,sales,\n"
  "Tickets,Support,manual,number,10,3,lower_better,daily,technician,\n"
  "Conversion,Sales,auto,percent,40,4,higher_better,weekly,sales,\"Leads, then deals\"\n"
  "Audit Passed,Ops,manual,boolean,1,2,higher_better,yearly,operations,\n";

static const char *cli_path;

/* Auxiliary methods */

#define assert_status(run, expected)                                                  \
  G_STMT_START {                                                                      \
    if ((run)->status != (expected))                                                  \
      g_test_message ("%s\nexit status %d\nstdout:\n%s\nstderr:\n%s", (run)->command, \
                      (run)->status, (run)->out, (run)->err);                         \
    g_assert_cmpint ((run)->status, ==, (expected));                                  \
  } G_STMT_END

#define assert_has(text, needle)                                         \
  G_STMT_START {                                                         \
    if (strstr ((text), (needle)) == NULL)                               \
      g_test_message ("“%s” not found in:\n%s", (needle), (text));       \
    g_assert_nonnull (strstr ((text), (needle)));                        \
  } G_STMT_END

#define assert_lacks(text, needle)                                       \
  G_STMT_START {                                                         \
    if (strstr ((text), (needle)) != NULL)                               \
      g_test_message ("“%s” unexpectedly found in:\n%s", (needle), (text)); \
    g_assert_null (strstr ((text), (needle)));                           \
  } G_STMT_END

static void
cli_run_free (CliRun *run)
{
  g_free (run->command);
  g_free (run->out);
  g_free (run->err);
  g_free (run);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CliRun, cli_run_free)

static void
rm_rf (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          rm_rf (child);
        }
      g_rmdir (path);
    }
  else
    g_remove (path);
}

static CliRun *
cli_runv (char       **envp,
          const char  *first,
          va_list      args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  CliRun *run = g_new0 (CliRun, 1);
  int wait_status = 0;

  g_ptr_array_add (argv, (gpointer)cli_path);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer)arg);
  g_ptr_array_add (argv, NULL);

  run->command = g_strjoinv (" ", (char **)argv->pdata);

  g_spawn_sync (NULL, (char **)argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);

  if (g_spawn_check_wait_status (wait_status, &error))
    run->status = 0;
  else if (error->domain == G_SPAWN_EXIT_ERROR)
    run->status = error->code;
  else
    {
      /* Killed by a signal: a crash, an assertion or a sanitizer. */
      g_test_message ("%s\nstderr:\n%s", run->command, run->err);
      g_assert_no_error (error);
    }

  return run;
}

/* Runs scorecard-cli with the NULL-terminated arguments and the fixture's
 * environment, and returns what it printed and its exit status. */
G_GNUC_NULL_TERMINATED
static CliRun *
cli (CliFixture *fixture,
     const char *first,
     ...)
{
  CliRun *run;
  va_list args;

  va_start (args, first);
  run = cli_runv (fixture->envp, first, args);
  va_end (args);

  return run;
}

G_GNUC_NULL_TERMINATED
static CliRun *
cli_env (char       **envp,
         const char  *first,
         ...)
{
  CliRun *run;
  va_list args;

  va_start (args, first);
  run = cli_runv (envp, first, args);
  va_end (args);

  return run;
}

/* Runs a command that must succeed and returns its standard output. */
G_GNUC_NULL_TERMINATED
static char *
cli_ok (CliFixture *fixture,
        const char *first,
        ...)
{
  g_autoptr(CliRun) run = NULL;
  va_list args;

  va_start (args, first);
  run = cli_runv (fixture->envp, first, args);
  va_end (args);

  assert_status (run, 0);

  return g_steal_pointer (&run->out);
}

static char *
write_file (CliFixture *fixture,
            const char *name,
            const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);

  return path;
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

static gint64
mtime_nsec (const char *path)
{
  GStatBuf buf;

  g_assert_cmpint (g_stat (path, &buf), ==, 0);

  return (gint64)buf.st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) + buf.st_mtim.tv_nsec;
}

static guint
count_lines_with (const char *text,
                  const char *needle)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], needle) != NULL)
      n++;

  return n;
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  return json_parser_steal_root (parser);
}

static JsonArray *
root_array (JsonNode *root)
{
  g_assert_nonnull (root);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));

  return json_node_get_array (root);
}

/* The KPI object named @name in `list --json` output, or NULL. */
static JsonObject *
find_kpi (JsonArray  *kpis,
          const char *name)
{
  for (guint i = 0; i < json_array_get_length (kpis); i++)
    {
      JsonObject *kpi = json_array_get_object_element (kpis, i);

      if (g_strcmp0 (json_object_get_string_member (kpi, "name"), name) == 0)
        return kpi;
    }

  return NULL;
}

static gboolean
member_is_number (JsonObject *object,
                  const char *member)
{
  JsonNode *node = json_object_get_member (object, member);
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  type = json_node_get_value_type (node);

  return type == G_TYPE_DOUBLE || type == G_TYPE_INT64;
}

static gboolean
member_is_string (JsonObject *object,
                  const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_STRING;
}

/* `list --json` without the local ids, which differ between stores. */
static char *
list_json_without_ids (CliFixture *fixture,
                       const char *store)
{
  g_autofree char *out = cli_ok (fixture, "--store", store, "list", "--json", NULL);
  g_autoptr(JsonNode) root = parse_json (out);
  JsonArray *kpis = root_array (root);

  for (guint i = 0; i < json_array_get_length (kpis); i++)
    json_object_remove_member (json_array_get_object_element (kpis, i), "id");

  return json_to_string (root, TRUE);
}

static void
import_kpis (CliFixture *fixture)
{
  g_autofree char *csv = write_file (fixture, "kpis.csv", kpis_csv, -1);
  g_autofree char *out = cli_ok (fixture, "--store", fixture->store, "import", csv, NULL);

  assert_has (out, "4 new");
}

static void
fill_demo (CliFixture *fixture,
           const char *store)
{
  g_autofree char *out = cli_ok (fixture, "--store", store, "demo", "--kpis", "12",
                                 "--days", "30", "--seed", "7", "--until", "2026-11-29", NULL);

  assert_has (out, "12 KPIs");
}

static sqlite3 *
open_db (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);

  return db;
}

static gint64
query_int (sqlite3    *db,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

static gint64
count_outbox (const char *store)
{
  sqlite3 *db = open_db (store);
  gint64 n = query_int (db, "SELECT count(*) FROM outbox");

  sqlite3_close (db);

  return n;
}

/* Runs each command of a store-opening set against @fixture->store, which
 * must be refused: exit 2 with a message naming the store and containing
 * @expected, and not a byte of the file changed. */
static void
assert_store_refused (CliFixture *fixture,
                      const char *expected)
{
  g_autofree char *csv = write_file (fixture, "some.csv", kpis_csv, -1);
  g_autoptr(GBytes) before = read_bytes (fixture->store);
  gint64 mtime_before = mtime_nsec (fixture->store);
  const char *commands[][3] = {
    { "init", NULL, NULL },
    { "list", NULL, NULL },
    { "list", "--json", NULL },
    { "show", "Revenue", NULL },
    { "submit", "Revenue", "1" },
    { "import", csv, NULL },
    { "export", NULL, NULL },
    { "demo", NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autoptr(CliRun) run = cli (fixture, "--store", fixture->store, commands[i][0],
                                   commands[i][1], commands[i][2], NULL);
      g_autoptr(GBytes) after = NULL;

      assert_status (run, 2);
      assert_has (run->err, fixture->store);
      assert_has (run->err, expected);
      g_assert_cmpstr (run->out, ==, "");

      after = read_bytes (fixture->store);
      g_assert_true (g_bytes_equal (before, after));
      g_assert_cmpint (mtime_nsec (fixture->store), ==, mtime_before);
    }
}

/* Fixture */

static void
fixture_setup (CliFixture    *fixture,
               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = NULL;

  fixture->dir = g_dir_make_tmp ("sc-test-cli-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->store = g_build_filename (fixture->dir, "store.db", NULL);

  /* Never touch the user's own store, whatever a test forgets to pass. */
  data_home = g_build_filename (fixture->dir, "data-home", NULL);
  fixture->envp = g_get_environ ();
  fixture->envp = g_environ_unsetenv (fixture->envp, "SCORECARD_STORE");
  fixture->envp = g_environ_setenv (fixture->envp, "XDG_DATA_HOME", data_home, TRUE);
  fixture->envp = g_environ_setenv (fixture->envp, "TZ", "UTC", TRUE);
  fixture->envp = g_environ_setenv (fixture->envp, "LC_ALL", "C.UTF-8", TRUE);
}

static void
fixture_teardown (CliFixture    *fixture,
                  gconstpointer  user_data)
{
  rm_rf (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->store, g_free);
  g_clear_pointer (&fixture->envp, g_strfreev);
}

/* Usage */

static void
test_usage_help (CliFixture    *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(CliRun) run = cli (fixture, "--help", NULL);
  const char *commands[] = { "init", "demo", "list", "show", "submit", "import", "export" };

  assert_status (run, 0);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *entry = g_strdup_printf ("\n  %s ", commands[i]);

      assert_has (run->out, entry);
    }
  assert_has (run->out, "--store");
}

static void
test_usage_no_command (CliFixture    *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(CliRun) run = cli (fixture, NULL, NULL);
  g_autoptr(CliRun) store_only = cli (fixture, "--store", fixture->store, NULL);

  assert_status (run, 1);
  assert_has (run->err, "Usage");
  assert_status (store_only, 1);
  g_assert_false (g_file_test (fixture->store, G_FILE_TEST_EXISTS));
}

static void
test_usage_unknown_command (CliFixture    *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(CliRun) run = cli (fixture, "--store", fixture->store, "frobnicate", NULL);

  assert_status (run, 1);
  assert_has (run->err, "frobnicate");
  g_assert_false (g_file_test (fixture->store, G_FILE_TEST_EXISTS));
}

static void
test_usage_unknown_option (CliFixture    *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(CliRun) command_option = cli (fixture, "--store", fixture->store, "list",
                                          "--frobnicate", NULL);
  g_autoptr(CliRun) global_option = cli (fixture, "--frobnicate", "list", NULL);

  assert_status (command_option, 1);
  assert_has (command_option->err, "--frobnicate");
  assert_status (global_option, 1);
  assert_has (global_option->err, "--frobnicate");
  g_assert_false (g_file_test (fixture->store, G_FILE_TEST_EXISTS));
}

/* init */

static void
test_init_store_option (CliFixture    *fixture,
                        gconstpointer  user_data)
{
  g_autofree char *nested = g_build_filename (fixture->dir, "a", "b", "store.db", NULL);
  g_autofree char *out = cli_ok (fixture, "--store", fixture->store, "init", NULL);
  g_autofree char *nested_out = cli_ok (fixture, "--store", nested, "init", NULL);
  g_autofree char *again = cli_ok (fixture, "--store", fixture->store, "init", NULL);

  assert_has (out, fixture->store);
  g_assert_true (g_file_test (fixture->store, G_FILE_TEST_IS_REGULAR));
  assert_has (nested_out, nested);
  g_assert_true (g_file_test (nested, G_FILE_TEST_IS_REGULAR));
  assert_has (again, fixture->store);
}

static void
test_init_env_store (CliFixture    *fixture,
                     gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "from-env.db", NULL);
  g_auto(GStrv) envp = g_environ_setenv (g_strdupv (fixture->envp), "SCORECARD_STORE", path,
                                         TRUE);
  g_autoptr(CliRun) run = cli_env (envp, "init", NULL);
  g_autoptr(CliRun) list = cli_env (envp, "list", NULL);

  assert_status (run, 0);
  assert_has (run->out, path);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (fixture->store, G_FILE_TEST_EXISTS));

  /* The next command finds the same, empty store. */
  assert_status (list, 0);
  assert_has (list->out, "no KPIs");
}

/* demo and list */

static void
test_demo_list_table (CliFixture    *fixture,
                      gconstpointer  user_data)
{
  g_autofree char *table = NULL;
  g_autofree char *json = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_auto(GStrv) lines = NULL;
  JsonArray *kpis;
  guint n_rows = 0;
  gboolean in_body = FALSE;

  fill_demo (fixture, fixture->store);
  table = cli_ok (fixture, "--store", fixture->store, "list", NULL);

  /* Summary, blank line, header, a rule of box-drawing dashes, then one
   * row per KPI. */
  lines = g_strsplit (table, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (in_body && *lines[i] != '\0')
        n_rows++;
      else if (g_str_has_prefix (lines[i], "──"))
        in_body = TRUE;
    }
  g_assert_true (in_body);
  g_assert_cmpuint (n_rows, ==, 12);

  json = cli_ok (fixture, "--store", fixture->store, "list", "--json", NULL);
  root = parse_json (json);
  kpis = root_array (root);
  for (guint i = 0; i < json_array_get_length (kpis); i++)
    assert_has (table, json_object_get_string_member (json_array_get_object_element (kpis, i),
                                                      "name"));
}

static void
test_demo_list_json (CliFixture    *fixture,
                     gconstpointer  user_data)
{
  g_autofree char *out = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *kpis;

  fill_demo (fixture, fixture->store);
  out = cli_ok (fixture, "--store", fixture->store, "list", "--json", NULL);
  root = parse_json (out);
  kpis = root_array (root);

  g_assert_cmpuint (json_array_get_length (kpis), ==, 12);
  for (guint i = 0; i < json_array_get_length (kpis); i++)
    {
      JsonNode *node = json_array_get_element (kpis, i);
      JsonObject *kpi;

      g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
      kpi = json_node_get_object (node);
      g_assert_true (member_is_string (kpi, "name"));
      g_assert_cmpstr (json_object_get_string_member (kpi, "name"), !=, "");
      g_assert_true (member_is_number (kpi, "value"));
      g_assert_true (member_is_number (kpi, "target_value"));
      g_assert_true (member_is_number (kpi, "achievement"));
      g_assert_true (member_is_string (kpi, "score"));
    }
}

static void
test_demo_deterministic (CliFixture    *fixture,
                         gconstpointer  user_data)
{
  g_autofree char *other = g_build_filename (fixture->dir, "other.db", NULL);
  g_autofree char *submissions1 = NULL;
  g_autofree char *submissions2 = NULL;
  g_autofree char *kpis1 = NULL;
  g_autofree char *kpis2 = NULL;

  fill_demo (fixture, fixture->store);
  fill_demo (fixture, other);

  submissions1 = cli_ok (fixture, "--store", fixture->store, "export", "--what", "submissions",
                         NULL);
  submissions2 = cli_ok (fixture, "--store", other, "export", "--what", "submissions", NULL);
  g_assert_cmpuint (count_lines_with (submissions1, "Z,"), >, 12);
  g_assert_cmpstr (submissions1, ==, submissions2);

  kpis1 = cli_ok (fixture, "--store", fixture->store, "export", NULL);
  kpis2 = cli_ok (fixture, "--store", other, "export", NULL);
  g_assert_cmpstr (kpis1, ==, kpis2);
}

static void
test_demo_non_empty_store (CliFixture    *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(CliRun) run = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  import_kpis (fixture);
  before = cli_ok (fixture, "--store", fixture->store, "export", NULL);

  run = cli (fixture, "--store", fixture->store, "demo", "--kpis", "12", "--seed", "7", NULL);
  assert_status (run, 2);
  assert_has (run->err, fixture->store);

  after = cli_ok (fixture, "--store", fixture->store, "export", NULL);
  g_assert_cmpstr (before, ==, after);
}

/* show */

static void
test_show_by_name (CliFixture    *fixture,
                   gconstpointer  user_data)
{
  g_autofree char *out = NULL;

  import_kpis (fixture);
  out = cli_ok (fixture, "--store", fixture->store, "show", "Conversion", NULL);

  g_assert_true (g_str_has_prefix (out, "Conversion (#"));
  assert_has (out, "Leads, then deals");
  assert_has (out, "No submissions yet");
}

static void
test_show_by_id (CliFixture    *fixture,
                 gconstpointer  user_data)
{
  g_autofree char *json = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *id = NULL;
  g_autofree char *by_id = NULL;
  g_autofree char *by_name = NULL;
  JsonObject *kpi;

  import_kpis (fixture);
  json = cli_ok (fixture, "--store", fixture->store, "list", "--json", NULL);
  root = parse_json (json);
  kpi = find_kpi (root_array (root), "Tickets");
  g_assert_nonnull (kpi);
  id = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (kpi, "id"));

  by_id = cli_ok (fixture, "--store", fixture->store, "show", id, NULL);
  by_name = cli_ok (fixture, "--store", fixture->store, "show", "Tickets", NULL);
  g_assert_cmpstr (by_id, ==, by_name);
  g_assert_true (g_str_has_prefix (by_id, "Tickets (#"));
}

static void
test_show_unknown (CliFixture    *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(CliRun) run = NULL;

  import_kpis (fixture);
  run = cli (fixture, "--store", fixture->store, "show", "No Such KPI", NULL);

  assert_status (run, 2);
  assert_has (run->err, "No Such KPI");
  g_assert_cmpstr (run->out, ==, "");
}

/* submit */

static void
test_submit_records (CliFixture    *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(CliRun) run = NULL;
  g_autofree char *json = NULL;
  g_autofree char *submissions = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *kpi;

  import_kpis (fixture);
  run = cli (fixture, "--store", fixture->store, "submit", "Revenue", "1500", NULL);

  assert_status (run, 0);
  assert_has (run->out, "Recorded");
  assert_has (run->out, "Revenue");

  submissions = cli_ok (fixture, "--store", fixture->store, "export", "--what", "submissions",
                        NULL);
  g_assert_cmpuint (count_lines_with (submissions, "Revenue,Sales,,"), ==, 1);
  g_assert_cmpint (count_outbox (fixture->store), ==, 1);

  json = cli_ok (fixture, "--store", fixture->store, "list", "--json", NULL);
  root = parse_json (json);
  kpi = find_kpi (root_array (root), "Revenue");
  g_assert_nonnull (kpi);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (kpi, "value"), 1500.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (kpi, "achievement"), 150.0,
                                  1e-9);
}

static void
test_submit_replaces_same_day (CliFixture    *fixture,
                               gconstpointer  user_data)
{
  g_autofree char *first = NULL;
  g_autoptr(CliRun) second = NULL;
  g_autofree char *submissions = NULL;

  import_kpis (fixture);
  first = cli_ok (fixture, "--store", fixture->store, "submit", "Revenue", "100",
                  "--date", "2026-11-20", NULL);
  assert_has (first, "Recorded");

  second = cli (fixture, "--store", fixture->store, "submit", "Revenue", "200",
                "--date", "2026-11-20 17:30", NULL);
  assert_status (second, 0);
  assert_has (second->out, "Replaced");

  submissions = cli_ok (fixture, "--store", fixture->store, "export", "--what", "submissions",
                        NULL);
  g_assert_cmpuint (count_lines_with (submissions, ",2026-11-20T"), ==, 1);
  g_assert_cmpuint (count_lines_with (submissions, ",2026-11-20T17:30:00Z,200,"), ==, 1);
}

static void
test_submit_date (CliFixture    *fixture,
                  gconstpointer  user_data)
{
  g_autofree char *submissions = NULL;
  g_autofree char *show = NULL;

  import_kpis (fixture);
  g_free (cli_ok (fixture, "--store", fixture->store, "submit", "Tickets", "8",
                  "--date", "2026-11-20", NULL));
  g_free (cli_ok (fixture, "--store", fixture->store, "submit", "Tickets", "9",
                  "--date", "2026-11-21", NULL));

  submissions = cli_ok (fixture, "--store", fixture->store, "export", "--what", "submissions",
                        NULL);
  g_assert_cmpuint (count_lines_with (submissions, "Tickets,Support,,2026-11-20T"), ==, 1);
  g_assert_cmpuint (count_lines_with (submissions, "Tickets,Support,,2026-11-21T"), ==, 1);

  show = cli_ok (fixture, "--store", fixture->store, "show", "Tickets", NULL);
  assert_has (show, "2026-11-20");
  assert_has (show, "2026-11-21");
}

static void
test_submit_bad_number (CliFixture    *fixture,
                        gconstpointer  user_data)
{
  const char *bad[] = { "abc", "nan", "NaN", "inf", "Infinity", "1e999", "12abc", "" };
  g_autoptr(GBytes) before = NULL;

  import_kpis (fixture);
  before = read_bytes (fixture->store);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(CliRun) run = cli (fixture, "--store", fixture->store, "submit", "Revenue",
                                   bad[i], NULL);
      g_autoptr(GBytes) after = NULL;
      g_autofree char *quoted = g_strdup_printf ("“%s”", bad[i]);

      assert_status (run, 1);
      assert_has (run->err, quoted);
      assert_lacks (run->out, "Recorded");

      after = read_bytes (fixture->store);
      g_assert_true (g_bytes_equal (before, after));
    }

  g_assert_cmpint (count_outbox (fixture->store), ==, 0);
}

static void
test_submit_bad_date (CliFixture    *fixture,
                      gconstpointer  user_data)
{
  const char *bad[] = { "2026-13-45", "2026-02-30", "yesterday", "2026-11-20 25:00" };
  g_autoptr(GBytes) before = NULL;

  import_kpis (fixture);
  before = read_bytes (fixture->store);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(CliRun) run = cli (fixture, "--store", fixture->store, "submit", "Revenue", "5",
                                   "--date", bad[i], NULL);
      g_autoptr(GBytes) after = NULL;

      assert_status (run, 1);
      assert_has (run->err, bad[i]);

      after = read_bytes (fixture->store);
      g_assert_true (g_bytes_equal (before, after));
    }
}

static void
test_submit_negative_value (CliFixture    *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(CliRun) run = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  import_kpis (fixture);
  before = cli_ok (fixture, "--store", fixture->store, "export", "--what", "submissions", NULL);

  /* U+2212 MINUS SIGN, which the number parser accepts and the option
   * parser leaves alone. */
  run = cli (fixture, "--store", fixture->store, "submit", "Revenue", "−500", NULL);
  assert_status (run, 2);
  assert_has (run->err, "negative");
  assert_has (run->err, "Revenue");

  after = cli_ok (fixture, "--store", fixture->store, "export", "--what", "submissions", NULL);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (count_outbox (fixture->store), ==, 0);
}

static void
test_submit_negative_value_ascii (CliFixture    *fixture,
                                  gconstpointer  user_data)
{
  const char *forms[][4] = {
    { "submit", "Revenue", "-500", NULL },
    { "submit", "--", "Revenue", "-500" },
    { "submit", "Revenue", "--", "-500" },
  };

  import_kpis (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autoptr(CliRun) run = cli (fixture, "--store", fixture->store, forms[i][0], forms[i][1],
                                   forms[i][2], forms[i][3], NULL);

      g_test_message ("%s\n%s", run->command, run->err);
      assert_status (run, 2);
      assert_has (run->err, "negative");
    }

  g_assert_cmpint (count_outbox (fixture->store), ==, 0);
}

static void
test_submit_user (CliFixture    *fixture,
                  gconstpointer  user_data)
{
  g_autofree char *json = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *submissions = NULL;
  g_autofree char *expected = NULL;
  JsonObject *kpi;
  JsonArray *assigned;
  const char *name;
  const char *login;

  fill_demo (fixture, fixture->store);
  json = cli_ok (fixture, "--store", fixture->store, "list", "--json", NULL);
  root = parse_json (json);
  kpi = json_array_get_object_element (root_array (root), 0);
  name = json_object_get_string_member (kpi, "name");
  assigned = json_object_get_array_member (kpi, "assigned");
  g_assert_cmpuint (json_array_get_length (assigned), >, 0);
  login = json_array_get_string_element (assigned, 0);

  g_free (cli_ok (fixture, "--store", fixture->store, "submit", name, "5", "--user", login,
                  "--date", "2020-01-01", NULL));

  submissions = cli_ok (fixture, "--store", fixture->store, "export", "--what", "submissions",
                        NULL);
  expected = g_strdup_printf (",%s,2020-01-01T12:00:00Z,5,", login);
  g_assert_cmpuint (count_lines_with (submissions, expected), ==, 1);
}

static void
test_submit_unknown_user (CliFixture    *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(CliRun) run = NULL;

  import_kpis (fixture);
  run = cli (fixture, "--store", fixture->store, "submit", "Revenue", "5", "--user", "nobody.here",
             NULL);

  assert_status (run, 2);
  assert_has (run->err, "nobody.here");
  g_assert_cmpint (count_outbox (fixture->store), ==, 0);
}

/* import */

static void
test_import_kpis (CliFixture    *fixture,
                  gconstpointer  user_data)
{
  /* A spreadsheet's export: BOM, CRLF, a quoted cell with a comma and a
   * line break, names outside ASCII. */
  static const char csv[] =
    "\xef\xbb\xbf" "name,group,target_type,target_value,direction,department,note\r\n"
    "\"Zoë Ångström's Umsatz\",Nordic,currency,5000,higher_better,sales,"
    "\"first, second\r\nthird line\"\r\n"
    "Støre – Ticket “Backlog”,Support,number,10,lower_better,technician,\r\n"
    "日本の売上,Nordic,percent,95,higher_better,sales,\r\n";
  g_autofree char *path = write_file (fixture, "kpis-bom.csv", csv, -1);
  g_autofree char *out = NULL;
  g_autofree char *json = NULL;
  g_autofree char *show = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *kpis;
  JsonObject *kpi;
  const char *note;

  out = cli_ok (fixture, "--store", fixture->store, "import", path, NULL);
  assert_has (out, "3 new");

  json = cli_ok (fixture, "--store", fixture->store, "list", "--json", NULL);
  root = parse_json (json);
  kpis = root_array (root);
  g_assert_cmpuint (json_array_get_length (kpis), ==, 3);

  kpi = find_kpi (kpis, "Zoë Ångström's Umsatz");
  g_assert_nonnull (kpi);
  g_assert_cmpstr (json_object_get_string_member (kpi, "group"), ==, "Nordic");
  g_assert_cmpstr (json_object_get_string_member (kpi, "target_type"), ==, "currency");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (kpi, "target_value"), 5000.0,
                                  1e-9);
  note = json_object_get_string_member (kpi, "note");
  g_assert_true (g_str_has_prefix (note, "first, second"));
  g_assert_true (g_str_has_suffix (note, "\nthird line"));

  kpi = find_kpi (kpis, "Støre – Ticket “Backlog”");
  g_assert_nonnull (kpi);
  g_assert_cmpstr (json_object_get_string_member (kpi, "direction"), ==, "lower_better");
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (kpi, "note")));

  g_assert_nonnull (find_kpi (kpis, "日本の売上"));

  show = cli_ok (fixture, "--store", fixture->store, "show", "Zoë Ångström's Umsatz", NULL);
  g_assert_true (g_str_has_prefix (show, "Zoë Ångström's Umsatz (#"));
}

static const char bad_rows_csv[] =
  "name,target_type,target_value\n"
  "Good One,number,5\n"
  "Bad Negative,number,-3\n"
  "Good Two,currency,700\n"
  "Bad Percent,percent,150\n"
  "Good Three,percent,80\n";

static void
test_import_bad_rows (CliFixture    *fixture,
                      gconstpointer  user_data)
{
  g_autofree char *path = NULL;
  g_autofree char *line3 = NULL;
  g_autofree char *line5 = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(CliRun) run = NULL;

  import_kpis (fixture);
  path = write_file (fixture, "bad.csv", bad_rows_csv, -1);
  before = cli_ok (fixture, "--store", fixture->store, "list", "--json", NULL);

  run = cli (fixture, "--store", fixture->store, "import", path, NULL);
  assert_status (run, 2);

  line3 = g_strdup_printf ("%s:3: target_value", path);
  line5 = g_strdup_printf ("%s:5: target_value", path);
  assert_has (run->err, line3);
  assert_has (run->err, line5);
  assert_lacks (run->err, ":2:");
  assert_lacks (run->err, ":4:");
  assert_lacks (run->err, ":6:");
  assert_has (run->err, "nothing was imported");

  /* All or nothing: not even the good rows went in. */
  after = cli_ok (fixture, "--store", fixture->store, "list", "--json", NULL);
  g_assert_cmpstr (before, ==, after);
  assert_lacks (after, "Good One");
  assert_lacks (after, "Bad Negative");
}

static void
test_import_skip_bad (CliFixture    *fixture,
                      gconstpointer  user_data)
{
  g_autofree char *path = write_file (fixture, "bad.csv", bad_rows_csv, -1);
  g_autofree char *line3 = g_strdup_printf ("%s:3: target_value", path);
  g_autofree char *line5 = g_strdup_printf ("%s:5: target_value", path);
  g_autofree char *json = NULL;
  g_autoptr(CliRun) run = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *kpis;

  /* sc_cli_cmd_import(): rows skipped with --skip-bad still make the exit
   * status 2, after the good rows were stored. */
  run = cli (fixture, "--store", fixture->store, "import", "--skip-bad", path, NULL);
  assert_status (run, 2);
  assert_has (run->err, line3);
  assert_has (run->err, line5);
  assert_has (run->out, "3 new");
  assert_has (run->out, "2 skipped");

  json = cli_ok (fixture, "--store", fixture->store, "list", "--json", NULL);
  root = parse_json (json);
  kpis = root_array (root);
  g_assert_cmpuint (json_array_get_length (kpis), ==, 3);
  g_assert_nonnull (find_kpi (kpis, "Good One"));
  g_assert_nonnull (find_kpi (kpis, "Good Two"));
  g_assert_nonnull (find_kpi (kpis, "Good Three"));
  g_assert_null (find_kpi (kpis, "Bad Negative"));
  g_assert_null (find_kpi (kpis, "Bad Percent"));
}

static void
test_import_skip_bad_clean (CliFixture    *fixture,
                            gconstpointer  user_data)
{
  g_autofree char *path = write_file (fixture, "kpis.csv", kpis_csv, -1);
  g_autoptr(CliRun) run = cli (fixture, "--store", fixture->store, "import", "--skip-bad", path,
                               NULL);

  /* Nothing skipped: success. */
  assert_status (run, 0);
  assert_has (run->out, "0 skipped");
  g_assert_cmpstr (run->err, ==, "");
}

static void
test_import_submissions (CliFixture    *fixture,
                         gconstpointer  user_data)
{
  static const char csv[] =
    "kpi,group,date,value,note\n"
    "Revenue,Sales,2026-11-20,800,\"quoted, note\"\n"
    "Tickets,,2026-11-21T08:00:00Z,12,\n"
    "Revenue,Sales,2026-11-22 09:15,900,\n";
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  g_autofree char *submissions = NULL;
  g_autofree char *json = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *kpi;

  import_kpis (fixture);
  path = write_file (fixture, "submissions.csv", csv, -1);
  out = cli_ok (fixture, "--store", fixture->store, "import", path, NULL);
  assert_has (out, "3 rows");
  assert_has (out, "3 new");

  submissions = cli_ok (fixture, "--store", fixture->store, "export", "--what", "submissions",
                        NULL);
  g_assert_cmpuint (count_lines_with (submissions, "Revenue,Sales,,2026-11-20T"), ==, 1);
  assert_has (submissions, "\"quoted, note\"");
  g_assert_cmpuint (count_lines_with (submissions, "Tickets,Support,,2026-11-21T08:00:00Z,12,"),
                    ==, 1);
  g_assert_cmpuint (count_lines_with (submissions, "Revenue,Sales,,2026-11-22T09:15:00Z,900,"),
                    ==, 1);

  json = cli_ok (fixture, "--store", fixture->store, "list", "--json", NULL);
  root = parse_json (json);
  kpi = find_kpi (root_array (root), "Revenue");
  g_assert_nonnull (kpi);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (kpi, "value"), 900.0, 1e-9);
  g_assert_cmpstr (json_object_get_string_member (kpi, "last_submitted"), ==,
                   "2026-11-22T09:15:00Z");
}

static void
test_import_missing_file (CliFixture    *fixture,
                          gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "no-such-file.csv", NULL);
  g_autoptr(CliRun) run = NULL;

  import_kpis (fixture);
  run = cli (fixture, "--store", fixture->store, "import", path, NULL);

  assert_status (run, 2);
  assert_has (run->err, path);
}

static void
test_import_unknown_column (CliFixture    *fixture,
                            gconstpointer  user_data)
{
  g_autofree char *path = write_file (fixture, "colour.csv",
                                      "name,colour,target_value\nPainted,red,5\n", -1);
  g_autoptr(CliRun) run = cli (fixture, "--store", fixture->store, "import", path, NULL);
  g_autofree char *json = NULL;

  assert_status (run, 2);
  assert_has (run->err, "colour");
  assert_has (run->err, path);

  json = cli_ok (fixture, "--store", fixture->store, "list", "--json", NULL);
  assert_lacks (json, "Painted");
}

/* export */

static void
test_export_round_trip (CliFixture    *fixture,
                        gconstpointer  user_data)
{
  static const char submissions_csv[] =
    "kpi,group,date,value,note\n"
    "Revenue,Sales,2026-11-20,800,\"quoted, note\"\n"
    "Tickets,Support,2026-11-21T08:00:00Z,12,\n"
    "Conversion,Sales,2026-11-21T08:00:00Z,38.5,\n";
  g_autofree char *copy = g_build_filename (fixture->dir, "copy.db", NULL);
  g_autofree char *kpis_out = g_build_filename (fixture->dir, "kpis-out.csv", NULL);
  g_autofree char *submissions_out = g_build_filename (fixture->dir, "submissions-out.csv", NULL);
  g_autofree char *submissions_in = NULL;
  g_autofree char *original = NULL;
  g_autofree char *copied = NULL;
  g_autoptr(CliRun) run = NULL;

  import_kpis (fixture);
  submissions_in = write_file (fixture, "submissions.csv", submissions_csv, -1);
  g_free (cli_ok (fixture, "--store", fixture->store, "import", submissions_in, NULL));

  g_free (cli_ok (fixture, "--store", fixture->store, "export", "-o", kpis_out, NULL));
  g_free (cli_ok (fixture, "--store", fixture->store, "export", "--what", "submissions",
                  "--output", submissions_out, NULL));

  /* The derived columns of the export (value, achievement, score, …) are
   * ignored on the way back in. */
  run = cli (fixture, "--store", copy, "import", kpis_out, NULL);
  assert_status (run, 0);
  assert_has (run->out, "4 new");

  g_free (cli_ok (fixture, "--store", copy, "import", submissions_out, NULL));

  original = list_json_without_ids (fixture, fixture->store);
  copied = list_json_without_ids (fixture, copy);
  g_assert_cmpstr (original, ==, copied);
}

static void
test_export_json (CliFixture    *fixture,
                  gconstpointer  user_data)
{
  g_autofree char *kpis_json = NULL;
  g_autofree char *submissions_json = NULL;
  g_autofree char *submissions_csv = NULL;
  g_autoptr(JsonNode) kpis_root = NULL;
  g_autoptr(JsonNode) submissions_root = NULL;
  JsonArray *kpis;
  JsonArray *submissions;
  guint n_csv_rows;

  fill_demo (fixture, fixture->store);

  kpis_json = cli_ok (fixture, "--store", fixture->store, "export", "--format", "json", NULL);
  kpis_root = parse_json (kpis_json);
  kpis = root_array (kpis_root);
  g_assert_cmpuint (json_array_get_length (kpis), ==, 12);
  for (guint i = 0; i < json_array_get_length (kpis); i++)
    {
      JsonObject *kpi = json_array_get_object_element (kpis, i);

      g_assert_nonnull (kpi);
      g_assert_true (member_is_string (kpi, "name"));
      g_assert_true (member_is_number (kpi, "target_value"));
    }

  submissions_json = cli_ok (fixture, "--store", fixture->store, "export", "--what",
                             "submissions", "-f", "json", NULL);
  submissions_root = parse_json (submissions_json);
  submissions = root_array (submissions_root);

  submissions_csv = cli_ok (fixture, "--store", fixture->store, "export", "--what",
                            "submissions", NULL);
  n_csv_rows = count_lines_with (submissions_csv, "Z,");
  g_assert_cmpuint (json_array_get_length (submissions), >, 0);
  g_assert_cmpuint (json_array_get_length (submissions), ==, n_csv_rows);
  for (guint i = 0; i < json_array_get_length (submissions); i++)
    {
      JsonObject *submission = json_array_get_object_element (submissions, i);

      g_assert_nonnull (submission);
      g_assert_true (member_is_string (submission, "kpi"));
      g_assert_true (member_is_string (submission, "date"));
      g_assert_true (member_is_number (submission, "value"));
    }
}

/* Stores that must be refused and left alone */

static void
test_store_garbage (CliFixture    *fixture,
                    gconstpointer  user_data)
{
  g_autofree guint8 *garbage = g_new (guint8, 16384);

  for (guint i = 0; i < 16384; i++)
    garbage[i] = (guint8)g_test_rand_int_range (0, 256);
  g_free (write_file (fixture, "store.db", (const char *)garbage, 16384));

  assert_store_refused (fixture, "not a Scorecard store");
}

static void
test_store_newer_schema (CliFixture    *fixture,
                         gconstpointer  user_data)
{
  sqlite3 *db;

  g_free (cli_ok (fixture, "--store", fixture->store, "init", NULL));

  db = open_db (fixture->store);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  assert_store_refused (fixture, "newer version");
}

static void
test_skip_all (void)
{
  g_test_skip ("SCORECARD_CLI is not set");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  cli_path = g_getenv ("SCORECARD_CLI");
  if (cli_path == NULL || *cli_path == '\0')
    {
      g_test_add_func ("/cli/skipped", test_skip_all);
      return g_test_run ();
    }

#define ADD(path, func) \
  g_test_add (path, CliFixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/cli/usage/help", test_usage_help);
  ADD ("/cli/usage/no-command", test_usage_no_command);
  ADD ("/cli/usage/unknown-command", test_usage_unknown_command);
  ADD ("/cli/usage/unknown-option", test_usage_unknown_option);
  ADD ("/cli/init/store-option", test_init_store_option);
  ADD ("/cli/init/env-store", test_init_env_store);
  ADD ("/cli/demo/list-table", test_demo_list_table);
  ADD ("/cli/demo/list-json", test_demo_list_json);
  ADD ("/cli/demo/deterministic", test_demo_deterministic);
  ADD ("/cli/demo/non-empty-store", test_demo_non_empty_store);
  ADD ("/cli/show/by-name", test_show_by_name);
  ADD ("/cli/show/by-id", test_show_by_id);
  ADD ("/cli/show/unknown", test_show_unknown);
  ADD ("/cli/submit/records", test_submit_records);
  ADD ("/cli/submit/replaces-same-day", test_submit_replaces_same_day);
  ADD ("/cli/submit/date", test_submit_date);
  ADD ("/cli/submit/bad-number", test_submit_bad_number);
  ADD ("/cli/submit/bad-date", test_submit_bad_date);
  ADD ("/cli/submit/negative-value", test_submit_negative_value);
  ADD ("/cli/submit/negative-value-ascii", test_submit_negative_value_ascii);
  ADD ("/cli/submit/user", test_submit_user);
  ADD ("/cli/submit/unknown-user", test_submit_unknown_user);
  ADD ("/cli/import/kpis", test_import_kpis);
  ADD ("/cli/import/bad-rows", test_import_bad_rows);
  ADD ("/cli/import/skip-bad", test_import_skip_bad);
  ADD ("/cli/import/skip-bad-clean", test_import_skip_bad_clean);
  ADD ("/cli/import/submissions", test_import_submissions);
  ADD ("/cli/import/missing-file", test_import_missing_file);
  ADD ("/cli/import/unknown-column", test_import_unknown_column);
  ADD ("/cli/export/round-trip", test_export_round_trip);
  ADD ("/cli/export/json", test_export_json);
  ADD ("/cli/store/garbage", test_store_garbage);
  ADD ("/cli/store/newer-schema", test_store_newer_schema);

#undef ADD

  return g_test_run ();
}
