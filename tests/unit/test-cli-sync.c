/* test-cli-sync.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-test"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <signal.h>
#include <sys/wait.h>

#include <sqlite3.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "sc-fake-odoo.h"
#include "sc-secrets.h"
#include "sc-store-private.h"

/* scorecard-cli login, sync and status against the fake Odoo, started in
 * this process on its own thread. The CLI ($SCORECARD_CLI) runs as a child
 * with libsecret's file backend (testing-recipes.md), in a keyring of the
 * test's temporary folder; a helper process looks into the same keyring. The
 * password is always an API key, so that finding it in the store's bytes
 * cannot be a coincidence with the login. */

#define SECRET SC_FAKE_ODOO_ADMIN_API_KEY

const char *__asan_default_options (void);

__attribute__((used)) const char *
__asan_default_options (void)
{
  return "intercept_tls_get_addr=0";
}

typedef struct
{
  char       *dir;
  char       *store;
  char       *keyring;
  char      **envp;
  ScFakeOdoo *server;
  GString    *all_output;
} Fixture;

typedef struct
{
  char *command;
  char *out;
  char *err;
  int   status;
} CliRun;

static const char *cli_path;
static const char *self_path;

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

/* Runs the CLI on the fixture's store with @input on standard input. */
static CliRun *
cli_run_input (Fixture    *fixture,
               const char *input,
               const char *first,
               ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stdin_path = NULL;
  CliRun *run = g_new0 (CliRun, 1);
  va_list args;

  g_ptr_array_add (argv, (gpointer)cli_path);
  g_ptr_array_add (argv, (gpointer)"--store");
  g_ptr_array_add (argv, fixture->store);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  run->command = g_strjoinv (" ", (char **)argv->pdata);

  /* Standard input comes from a file: a CLI that exits before reading it
   * (a usage error) must not make the test fail on a broken pipe. */
  stdin_path = g_build_filename (fixture->dir, "stdin.txt", NULL);
  g_file_set_contents (stdin_path, input != NULL ? input : "", -1, &error);
  g_assert_no_error (error);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_environ (launcher, fixture->envp);
  g_subprocess_launcher_set_stdin_file_path (launcher, stdin_path);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *)argv->pdata, &error);
  g_assert_no_error (error);

  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  /* Gone before anyone checks the folder for the secret. */
  g_unlink (stdin_path);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);

  g_string_append (fixture->all_output, run->out);
  g_string_append (fixture->all_output, run->err);

  return run;
}

#define cli_run(fixture, ...) cli_run_input ((fixture), NULL, __VA_ARGS__)

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);

  return node;
}

static JsonObject *
status_json (Fixture *fixture)
{
  g_autoptr(CliRun) run = cli_run (fixture, "status", "--json", NULL);
  g_autoptr(JsonNode) node = NULL;

  assert_status (run, 0);
  node = parse_json (run->out);

  return json_object_ref (json_node_get_object (node));
}

static void
login_ok (Fixture *fixture)
{
  g_autoptr(CliRun) run = cli_run_input (fixture, SECRET "\n", "login",
                                         "--url", sc_fake_odoo_get_url (fixture->server),
                                         "--database", SC_FAKE_ODOO_DATABASE,
                                         "--user", SC_FAKE_ODOO_ADMIN_LOGIN, NULL);

  assert_status (run, 0);
}

static JsonObject *
sync_ok (Fixture *fixture)
{
  g_autoptr(CliRun) run = cli_run (fixture, "sync", "--json", NULL);
  g_autoptr(JsonNode) node = NULL;

  assert_status (run, 0);
  node = parse_json (run->out);

  return json_object_ref (json_node_get_object (node));
}

/* libsecret's file backend reads the keyring once per process: look it up
 * in a new process each time, this test binary in its helper mode. */
static char *
saved_secret (Fixture *fixture)
{
  const char *argv[] = { self_path, "--lookup-secret", sc_fake_odoo_get_url (fixture->server),
                         SC_FAKE_ODOO_DATABASE, SC_FAKE_ODOO_ADMIN_LOGIN, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int wait_status = 0;

  g_spawn_sync (NULL, (char **)argv, fixture->envp, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL,
                &wait_status, &error);
  g_assert_no_error (error);
  if (WIFEXITED (wait_status) && WEXITSTATUS (wait_status) == 3)
    return NULL;
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));

  return g_steal_pointer (&out);
}

static int
lookup_secret_main (char **argv)
{
  g_autoptr(GError) error = NULL;
  char *secret = sc_secrets_lookup_sync (argv[2], argv[3], argv[4], NULL, &error);

  if (secret == NULL)
    {
      if (g_error_matches (error, SC_SECRETS_ERROR, SC_SECRETS_ERROR_NOT_FOUND))
        return 3;
      g_printerr ("%s\n", error->message);
      return 1;
    }

  fputs (secret, stdout);
  sc_secrets_free (secret);

  return 0;
}

static gboolean
bytes_contain (const char *bytes,
               gsize       length,
               const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (bytes + i, needle, n) == 0)
      return TRUE;

  return FALSE;
}

/* The store, its WAL and anything else in the store's folder but the
 * keyring hold no byte of the secret. */
static void
assert_secret_nowhere (Fixture *fixture)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;
  guint n_files = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_autofree char *bytes = NULL;
      gsize length = 0;

      if (g_strcmp0 (path, fixture->keyring) == 0)
        continue;
      g_assert_true (g_file_get_contents (path, &bytes, &length, NULL));
      if (bytes_contain (bytes, length, SECRET))
        g_error ("The secret is in %s", path);
      n_files++;
    }
  g_assert_cmpuint (n_files, >, 0);

  g_assert_null (strstr (fixture->all_output->str, SECRET));
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("sc-cli-sync-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->store = g_build_filename (fixture->dir, "store.db", NULL);
  fixture->keyring = g_build_filename (fixture->dir, "keyring", NULL);
  fixture->all_output = g_string_new (NULL);

  /* The recipe's variables, exactly: libsecret's file backend in a keyring
   * of our own, for the CLI and the lookup helper. */
  fixture->envp = g_get_environ ();
  fixture->envp = g_environ_setenv (fixture->envp, "SECRET_BACKEND", "file", TRUE);
  fixture->envp = g_environ_setenv (fixture->envp, "SECRET_FILE_TEST_PATH", fixture->keyring, TRUE);
  fixture->envp = g_environ_setenv (fixture->envp, "SECRET_FILE_TEST_PASSWORD", "test", TRUE);
  fixture->envp = g_environ_unsetenv (fixture->envp, "SCORECARD_STORE");

  fixture->server = sc_fake_odoo_new (&error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->server);
  rm_rf (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->store);
  g_free (fixture->keyring);
  g_strfreev (fixture->envp);
  g_string_free (fixture->all_output, TRUE);
}

/* Tests */

static void
test_login_wrong (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(CliRun) run = NULL;
  g_autoptr(JsonObject) status = NULL;

  run = cli_run_input (fixture, "not-the-password\n", "login",
                       "--url", sc_fake_odoo_get_url (fixture->server),
                       "--database", SC_FAKE_ODOO_DATABASE,
                       "--user", SC_FAKE_ODOO_ADMIN_LOGIN, NULL);
  assert_status (run, 2);
  assert_has (run->err, "not accepted");
  g_assert_null (strstr (run->err, "not-the-password"));

  g_assert_null (saved_secret (fixture));
  status = status_json (fixture);
  g_assert_true (json_object_get_null_member (status, "server"));
}

static void
test_login_usage (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(CliRun) missing = NULL;
  g_autoptr(CliRun) argument = NULL;
  g_autoptr(CliRun) empty = NULL;

  /* The password is never an argument. */
  missing = cli_run_input (fixture, SECRET "\n", "login", "--url",
                           sc_fake_odoo_get_url (fixture->server), NULL);
  assert_status (missing, 1);
  argument = cli_run_input (fixture, "", "login", "--url", sc_fake_odoo_get_url (fixture->server),
                            "--database", SC_FAKE_ODOO_DATABASE, "--user", "admin", "admin", NULL);
  assert_status (argument, 1);
  empty = cli_run_input (fixture, "", "login", "--url", sc_fake_odoo_get_url (fixture->server),
                         "--database", SC_FAKE_ODOO_DATABASE, "--user", "admin", NULL);
  assert_status (empty, 1);
  assert_has (empty->err, "standard input");
  g_assert_null (saved_secret (fixture));
}

static void
test_login_status (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(CliRun) run = NULL;
  g_autoptr(CliRun) text = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonObject) status = NULL;
  g_autofree char *secret = NULL;
  JsonObject *login;
  JsonObject *server;

  run = cli_run_input (fixture, SECRET "\n", "login", "--json",
                       "--url", sc_fake_odoo_get_url (fixture->server),
                       "--database", SC_FAKE_ODOO_DATABASE,
                       "--user", SC_FAKE_ODOO_ADMIN_LOGIN, NULL);
  assert_status (run, 0);
  node = parse_json (run->out);
  login = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (login, "url"), ==,
                   sc_fake_odoo_get_url (fixture->server));
  g_assert_cmpstr (json_object_get_string_member (login, "server_version"), ==, "17.0");
  g_assert_cmpstr (json_object_get_string_member (login, "role"), ==, "admin");
  g_assert_cmpint (json_object_get_int_member (login, "uid"), ==, SC_FAKE_ODOO_ADMIN_UID);
  g_assert_true (json_object_get_boolean_member (login, "addon_installed"));

  secret = saved_secret (fixture);
  g_assert_cmpstr (secret, ==, SECRET);

  status = status_json (fixture);
  server = json_object_get_object_member (status, "server");
  g_assert_cmpstr (json_object_get_string_member (server, "url"), ==,
                   sc_fake_odoo_get_url (fixture->server));
  g_assert_cmpstr (json_object_get_string_member (server, "database"), ==, SC_FAKE_ODOO_DATABASE);
  g_assert_cmpstr (json_object_get_string_member (server, "login"), ==, SC_FAKE_ODOO_ADMIN_LOGIN);
  /* The role read at login is kept, so the app knows it offline. */
  g_assert_cmpstr (json_object_get_string_member (server, "role"), ==, "admin");
  g_assert_true (json_object_get_null_member (status, "last_sync"));
  g_assert_cmpint (json_object_get_int_member (status, "pending"), ==, 0);

  text = cli_run (fixture, "status", NULL);
  assert_status (text, 0);
  assert_has (text->out, sc_fake_odoo_get_url (fixture->server));
  assert_has (text->out, "Last sync: never");

  assert_secret_nowhere (fixture);
}

static void
test_sync_without_login (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(CliRun) run = cli_run (fixture, "sync", NULL);

  assert_status (run, 2);
  assert_has (run->err, "scorecard-cli login");
}

static void
test_sync_pull (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(JsonObject) report = NULL;
  g_autoptr(JsonObject) status = NULL;
  g_autoptr(JsonObject) record = sc_fake_odoo_get_record (fixture->server, "kpi.report", 1);
  g_autoptr(CliRun) list = NULL;
  g_autoptr(JsonNode) kpis = NULL;
  gboolean found = FALSE;
  JsonObject *pulled;

  login_ok (fixture);
  report = sync_ok (fixture);
  pulled = json_object_get_object_member (report, "pulled");
  g_assert_cmpint (json_object_get_int_member (pulled, "kpi.report"), ==,
                   sc_fake_odoo_count_records (fixture->server, "kpi.report", NULL));
  g_assert_cmpint (json_object_get_int_member (pulled, "kpi.report.submission"), ==,
                   sc_fake_odoo_count_records (fixture->server, "kpi.report.submission", NULL));
  g_assert_cmpint (json_object_get_int_member (report, "failed"), ==, 0);

  list = cli_run (fixture, "list", "--json", NULL);
  assert_status (list, 0);
  kpis = parse_json (list->out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (kpis)), ==,
                    sc_fake_odoo_count_records (fixture->server, "kpi.report", NULL));
  for (guint i = 0; i < json_array_get_length (json_node_get_array (kpis)); i++)
    {
      JsonObject *kpi = json_array_get_object_element (json_node_get_array (kpis), i);

      if (json_object_get_int_member (kpi, "odoo_id") == 1)
        {
          g_assert_cmpstr (json_object_get_string_member (kpi, "name"), ==,
                           json_object_get_string_member (record, "name"));
          found = TRUE;
        }
    }
  g_assert_true (found);

  status = status_json (fixture);
  g_assert_nonnull (json_object_get_string_member (status, "last_sync"));
  g_assert_true (g_str_has_suffix (json_object_get_string_member (status, "last_sync"), "Z"));

  assert_secret_nowhere (fixture);
}

static void
test_sync_push (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(JsonObject) first = NULL;
  g_autoptr(JsonObject) second = NULL;
  g_autoptr(JsonObject) pending = NULL;
  g_autoptr(JsonObject) done = NULL;
  g_autoptr(JsonObject) record = sc_fake_odoo_get_record (fixture->server, "kpi.report", 2);
  g_autoptr(CliRun) submit = NULL;
  guint n_server = sc_fake_odoo_count_records (fixture->server, "kpi.report.submission", NULL);

  login_ok (fixture);
  first = sync_ok (fixture);

  submit = cli_run (fixture, "submit", json_object_get_string_member (record, "name"), "70",
                    "--user", SC_FAKE_ODOO_SALES_LOGIN, "--date", "2026-12-05",
                    "--note", "from the cli", NULL);
  assert_status (submit, 0);
  pending = status_json (fixture);
  g_assert_cmpint (json_object_get_int_member (pending, "pending"), ==, 1);

  second = sync_ok (fixture);
  g_assert_cmpint (json_object_get_int_member (second, "pushed"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (second, "failed"), ==, 0);
  g_assert_cmpuint (sc_fake_odoo_count_records (fixture->server, "kpi.report.submission", NULL),
                    ==, n_server + 1);

  done = status_json (fixture);
  g_assert_cmpint (json_object_get_int_member (done, "pending"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (done, "failed"), ==, 0);

  assert_secret_nowhere (fixture);
}

static void
test_sync_offline (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(JsonObject) first = NULL;
  g_autoptr(JsonObject) status = NULL;
  g_autoptr(JsonObject) record = sc_fake_odoo_get_record (fixture->server, "kpi.report", 2);
  g_autoptr(CliRun) submit = NULL;
  g_autoptr(CliRun) run = NULL;
  g_autoptr(CliRun) text = NULL;
  JsonObject *entry;

  login_ok (fixture);
  first = sync_ok (fixture);
  submit = cli_run (fixture, "submit", json_object_get_string_member (record, "name"), "71",
                    "--user", SC_FAKE_ODOO_SALES_LOGIN, "--date", "2026-12-05", NULL);
  assert_status (submit, 0);

  sc_fake_odoo_stop (fixture->server);

  run = cli_run (fixture, "sync", NULL);
  assert_status (run, 2);
  assert_has (run->err, "Nothing answers at");
  assert_has (run->err, sc_fake_odoo_get_url (fixture->server));

  /* status needs no server. */
  status = status_json (fixture);
  g_assert_cmpint (json_object_get_int_member (status, "pending"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (status, "failed"), ==, 0);
  entry = json_array_get_object_element (json_object_get_array_member (status, "outbox"), 0);
  g_assert_cmpstr (json_object_get_string_member (entry, "state"), ==, "pending");

  text = cli_run (fixture, "status", NULL);
  assert_status (text, 0);
  assert_has (text->out, "Pending changes: 1");

  assert_secret_nowhere (fixture);
}

static gint64
local_kpi_id (Fixture *fixture,
              gint64   odoo_id)
{
  g_autoptr(CliRun) list = cli_run (fixture, "list", "--json", NULL);
  g_autoptr(JsonNode) node = NULL;
  JsonArray *kpis;

  assert_status (list, 0);
  node = parse_json (list->out);
  kpis = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (kpis); i++)
    {
      JsonObject *kpi = json_array_get_object_element (kpis, i);

      if (json_object_get_int_member (kpi, "odoo_id") == odoo_id)
        return json_object_get_int_member (kpi, "id");
    }

  g_assert_not_reached ();
}

static void
test_sync_refused (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(JsonObject) first = NULL;
  g_autoptr(JsonObject) status = NULL;
  g_autoptr(JsonObject) record = sc_fake_odoo_get_record (fixture->server, "kpi.report", 2);
  g_autoptr(ScStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CliRun) submit = NULL;
  g_autoptr(CliRun) run = NULL;
  g_autoptr(CliRun) again = NULL;
  g_autofree char *payload = NULL;
  JsonObject *entry;

  login_ok (fixture);
  first = sync_ok (fixture);

  /* A value the server refuses, queued behind the store's own checks (as
   * in test-sync-engine), then one it accepts. */
  payload = g_strdup_printf ("{\"kpi_id\": %" G_GINT64_FORMAT ", \"kpi_odoo_id\": 4, "
                             "\"user_login\": \"seed_operations_1\", \"value\": -5, "
                             "\"date\": \"2026-12-05 09:00:00\", \"note\": null}",
                             local_kpi_id (fixture, 4));
  store = sc_store_open (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_true (_sc_store_begin (store, &error));
  g_assert_cmpint (_sc_store_enqueue (store, "submit", "kpi.report.submission", 0, payload, NULL,
                                      &error), >, 0);
  g_assert_true (_sc_store_commit (store, SC_STORE_CHANGE_OUTBOX, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  submit = cli_run (fixture, "submit", json_object_get_string_member (record, "name"), "72",
                    "--user", SC_FAKE_ODOO_SALES_LOGIN, "--date", "2026-12-05", NULL);
  assert_status (submit, 0);

  run = cli_run (fixture, "sync", NULL);
  assert_status (run, 2);
  assert_has (run->out, "Pushed: 1. Failed: 1.");
  assert_has (run->err, "kpi.report.submission");
  assert_has (run->err, "cannot be negative");

  status = status_json (fixture);
  g_assert_cmpint (json_object_get_int_member (status, "pending"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (status, "failed"), ==, 1);
  entry = json_array_get_object_element (json_object_get_array_member (status, "outbox"), 0);
  g_assert_cmpstr (json_object_get_string_member (entry, "state"), ==, "failed");
  g_assert_nonnull (strstr (json_object_get_string_member (entry, "last_error"),
                            "cannot be negative"));

  /* A failure already reported is not one of the next sync's. */
  again = cli_run (fixture, "sync", NULL);
  assert_status (again, 0);
}


static void
test_submit_refused_for_kpi_user (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(JsonObject) record = sc_fake_odoo_get_record (fixture->server, "kpi.report", 2);
  g_autoptr(JsonObject) status = NULL;
  g_autoptr(CliRun) login = NULL;
  g_autoptr(CliRun) submit = NULL;
  g_autoptr(JsonObject) first = NULL;

  /* Signed in as a KPI User: the CLI says no at once; nothing is queued
   * to fail on the next push. */
  login = cli_run_input (fixture, SC_FAKE_ODOO_SALES_PASSWORD "\n", "login",
                         "--url", sc_fake_odoo_get_url (fixture->server),
                         "--database", SC_FAKE_ODOO_DATABASE,
                         "--user", SC_FAKE_ODOO_SALES_LOGIN, NULL);
  assert_status (login, 0);
  first = sync_ok (fixture);

  submit = cli_run (fixture, "submit", json_object_get_string_member (record, "name"), "70", NULL);
  assert_status (submit, 2);
  assert_has (submit->err, "KPI User");
  status = status_json (fixture);
  g_assert_cmpint (json_object_get_int_member (status, "pending"), ==, 0);
}

/* kill -9 */

#define KILL_DEADLINE_SECONDS 60

/* `scorecard-cli sync`, left running for the test to kill. */
static GSubprocess *
cli_spawn_sync (Fixture *fixture)
{
  const char *argv[] = { cli_path, "--store", fixture->store, "sync", NULL };
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;
  GSubprocess *process;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                        G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_set_environ (launcher, fixture->envp);
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);

  return process;
}

/* Read-only, as another program would look: never the CLI's connection. */
static gint64
store_int (Fixture    *fixture,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  if (sqlite3_open_v2 (fixture->store, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
      sqlite3_busy_timeout (db, 5000) == SQLITE_OK &&
      sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);

  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

typedef gboolean (*KillWhen) (Fixture *fixture,
                              gpointer data);

/* Runs a sync and kills it with SIGKILL once @when says so. Fails the test
 * if the sync ends by itself first: the moment was missed. */
static void
kill_sync_when (Fixture  *fixture,
                KillWhen  when,
                gpointer  data)
{
  g_autoptr(GSubprocess) process = cli_spawn_sync (fixture);
  gint64 deadline = g_get_monotonic_time () + KILL_DEADLINE_SECONDS * G_USEC_PER_SEC;
  g_autoptr(GError) error = NULL;

  while (!when (fixture, data))
    {
      if (g_subprocess_get_identifier (process) == NULL)
        g_error ("The sync ended before the moment to kill it came");
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (2000);
    }

  g_subprocess_send_signal (process, SIGKILL);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (process));
  g_assert_cmpint (g_subprocess_get_term_sig (process), ==, SIGKILL);
}

static void
assert_store_whole (Fixture *fixture)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (fixture->store, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  g_assert_cmpint (store_int (fixture, "SELECT count(*) - count(DISTINCT odoo_id) FROM submissions "
                                       "WHERE odoo_id IS NOT NULL"), ==, 0);
}

static gboolean
some_pages_pulled (Fixture  *fixture,
                   gpointer  data)
{
  return store_int (fixture, "SELECT count(*) FROM sync_cursors "
                             "WHERE model = 'kpi.report.submission'") > 0;
}

static void
test_kill_mid_pull (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(JsonObject) report = NULL;
  guint total;
  gint64 before;

  /* Many pages, each slow enough to be caught between two. */
  sc_fake_odoo_seed (fixture->server, 5, 12000);
  total = sc_fake_odoo_count_records (fixture->server, "kpi.report.submission", NULL);
  login_ok (fixture);
  sc_fake_odoo_set_latency (fixture->server, 150);

  kill_sync_when (fixture, some_pages_pulled, NULL);
  assert_store_whole (fixture);
  before = store_int (fixture, "SELECT count(*) FROM submissions");
  g_assert_cmpint (before, >, 0);
  g_assert_cmpint (before, <, total);

  /* The next sync resumes at the cursor: only the rest comes again. */
  sc_fake_odoo_set_latency (fixture->server, 0);
  report = sync_ok (fixture);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (report, "pulled"),
                                               "kpi.report.submission"), ==, total - before);
  g_assert_cmpint (store_int (fixture, "SELECT count(*) FROM submissions"), ==, total);
  assert_store_whole (fixture);
}

typedef struct
{
  const char *method;
  guint       calls;
  guint       records;
} PushMoment;

/* The push has reached the server: @method was called on submissions, and
 * if @records is set, the server holds that many (it has committed). */
static gboolean
push_reached (Fixture  *fixture,
              gpointer  data)
{
  PushMoment *moment = data;

  if (sc_fake_odoo_get_call_count (fixture->server, "kpi.report.submission", moment->method) <
      moment->calls)
    return FALSE;

  return moment->records == 0 ||
         sc_fake_odoo_count_records (fixture->server, "kpi.report.submission", NULL) >= moment->records;
}

static void
kill_during_push (Fixture    *fixture,
                  const char *method,
                  gboolean    committed)
{
  g_autoptr(JsonObject) first = NULL;
  g_autoptr(JsonObject) report = NULL;
  g_autoptr(JsonObject) status = NULL;
  g_autoptr(JsonObject) record = sc_fake_odoo_get_record (fixture->server, "kpi.report", 2);
  g_autoptr(CliRun) submit = NULL;
  guint n_server = sc_fake_odoo_count_records (fixture->server, "kpi.report.submission", NULL);
  PushMoment moment = { method, 0, committed ? n_server + 1 : 0 };

  login_ok (fixture);
  first = sync_ok (fixture);
  submit = cli_run (fixture, "submit", json_object_get_string_member (record, "name"), "70",
                    "--user", SC_FAKE_ODOO_SALES_LOGIN, "--date", "2026-12-05", NULL);
  assert_status (submit, 0);
  g_assert_cmpint (store_int (fixture, "SELECT count(*) FROM outbox WHERE state = 'pending'"), ==, 1);

  /* Every answer is slow: the CLI is killed while it waits for one. */
  moment.calls = sc_fake_odoo_get_call_count (fixture->server, "kpi.report.submission", method) + 1;
  sc_fake_odoo_set_latency (fixture->server, 500);
  kill_sync_when (fixture, push_reached, &moment);
  assert_store_whole (fixture);

  /* Nothing lost: the change still waits, and nothing was marked done. */
  g_assert_cmpint (store_int (fixture, "SELECT count(*) FROM outbox WHERE state = 'pending'"), ==, 1);
  g_assert_cmpuint (sc_fake_odoo_count_records (fixture->server, "kpi.report.submission", NULL), ==,
                    n_server + (committed ? 1 : 0));

  /* Nothing applied twice: the next sync ends with exactly one row. */
  sc_fake_odoo_set_latency (fixture->server, 0);
  report = sync_ok (fixture);
  g_assert_cmpint (json_object_get_int_member (report, "pushed"), ==, 1);
  g_assert_cmpuint (sc_fake_odoo_count_records (fixture->server, "kpi.report.submission", NULL), ==,
                    n_server + 1);
  status = status_json (fixture);
  g_assert_cmpint (json_object_get_int_member (status, "pending"), ==, 0);
  g_assert_cmpint (store_int (fixture, "SELECT count(*) FROM submissions WHERE odoo_id IS NULL"), ==, 0);
  assert_store_whole (fixture);
}

static void
test_kill_before_push (Fixture       *fixture,
                       gconstpointer  data)
{
  /* Killed while the day's row is looked up: the server has nothing yet. */
  kill_during_push (fixture, "search_read", FALSE);
}

static void
test_kill_after_server_commit (Fixture       *fixture,
                               gconstpointer  data)
{
  /* Killed after the server created the row, before its answer came. */
  kill_during_push (fixture, "create", TRUE);
}

int
main (int    argc,
      char **argv)
{
  if (argc == 5 && strcmp (argv[1], "--lookup-secret") == 0)
    return lookup_secret_main (argv);

  g_test_init (&argc, &argv, NULL);
  self_path = argv[0];

  cli_path = g_getenv ("SCORECARD_CLI");
  if (cli_path == NULL)
    {
      g_test_skip ("SCORECARD_CLI is not set; run with meson test");
      return g_test_run ();
    }

#define ADD(path, func) g_test_add ("/cli/sync/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("login-wrong", test_login_wrong);
  ADD ("login-usage", test_login_usage);
  ADD ("login-status", test_login_status);
  ADD ("sync-without-login", test_sync_without_login);
  ADD ("sync-pull", test_sync_pull);
  ADD ("sync-push", test_sync_push);
  ADD ("sync-offline", test_sync_offline);
  ADD ("sync-refused", test_sync_refused);
  ADD ("submit-refused-for-kpi-user", test_submit_refused_for_kpi_user);
  ADD ("kill-mid-pull", test_kill_mid_pull);
  ADD ("kill-before-push", test_kill_before_push);
  ADD ("kill-after-server-commit", test_kill_after_server_commit);
#undef ADD

  return g_test_run ();
}
