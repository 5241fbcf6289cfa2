/* test-crash.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-test"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/types.h>
#include <sys/wait.h>

/* Crash safety: scorecard-cli is killed with SIGKILL in the middle of its
 * work, and the store must come back whole. An import is all or nothing,
 * a submission and its outbox entry are stored together or not at all, and
 * nothing already queued for sync is lost or changed.
 */

#define N_IMPORT_KPIS 50
#define N_IMPORT_DAYS 6000
#define N_IMPORT_ROWS (N_IMPORT_KPIS * N_IMPORT_DAYS)

#define N_SUBMIT_KILLS 20

typedef struct
{
  char  *dir;
  char  *store;
  char **envp;
} CrashFixture;

typedef struct
{
  gint64  n_submissions;
  gint64  n_outbox;
  char   *outbox;
} StoreState;

typedef enum
{
  KILL_AT_WAL_FRACTION,
  KILL_AT_CHECKPOINT,
} KillMoment;

typedef struct
{
  const char *name;
  KillMoment  moment;
  double      wal_fraction;
} KillPlan;

static const char *cli_path;

/* Auxiliary methods */

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

static char **
build_argv (const char *first,
            va_list     args)
{
  GPtrArray *argv = g_ptr_array_new ();

  g_ptr_array_add (argv, g_strdup (cli_path));
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, g_strdup (arg));
  g_ptr_array_add (argv, NULL);

  return (char **)g_ptr_array_free (argv, FALSE);
}

/* Runs scorecard-cli to completion; it must succeed. */
G_GNUC_NULL_TERMINATED
static void
cli_ok (CrashFixture *fixture,
        const char   *first,
        ...)
{
  g_auto(GStrv) argv = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int wait_status = 0;
  va_list args;

  va_start (args, first);
  argv = build_argv (first, args);
  va_end (args);

  g_spawn_sync (NULL, argv, fixture->envp, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                &wait_status, &error);
  g_assert_no_error (error);

  if (!g_spawn_check_wait_status (wait_status, &error))
    {
      g_autofree char *command = g_strjoinv (" ", argv);

      g_test_message ("%s\nstdout:\n%s\nstderr:\n%s", command, out, err);
    }
  g_assert_no_error (error);
}

/* Starts scorecard-cli without waiting for it; the caller reaps it. */
G_GNUC_NULL_TERMINATED
static GPid
cli_start (CrashFixture *fixture,
           const char   *first,
           ...)
{
  g_auto(GStrv) argv = NULL;
  g_autoptr(GError) error = NULL;
  GPid pid = 0;
  va_list args;

  va_start (args, first);
  argv = build_argv (first, args);
  va_end (args);

  g_spawn_async (NULL, argv, fixture->envp,
                 G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL |
                 G_SPAWN_STDERR_TO_DEV_NULL,
                 NULL, NULL, &pid, &error);
  g_assert_no_error (error);

  return pid;
}

/* Waits for @pid and tells whether SIGKILL ended it; a run that was not
 * killed must have succeeded. */
static gboolean
reap (GPid pid)
{
  int status = 0;
  pid_t ret;

  do
    ret = waitpid (pid, &status, 0);
  while (ret < 0 && errno == EINTR);
  g_assert_cmpint (ret, ==, pid);
  g_spawn_close_pid (pid);

  if (WIFSIGNALED (status))
    {
      g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);
      return TRUE;
    }

  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);

  return FALSE;
}

/* Non-blocking: whether @pid has exited, in which case it is reaped and
 * *killed says how. */
static gboolean
try_reap (GPid      pid,
          gboolean *killed)
{
  int status = 0;
  pid_t ret = waitpid (pid, &status, WNOHANG);

  g_assert_cmpint (ret, >=, 0);
  if (ret == 0)
    return FALSE;

  g_spawn_close_pid (pid);
  *killed = WIFSIGNALED (status);
  if (*killed)
    g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);
  else
    {
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 0);
    }

  return TRUE;
}

static gboolean
kill_and_reap (GPid pid)
{
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);

  return reap (pid);
}

static gint64
file_size (const char *path)
{
  GStatBuf buf;

  if (g_stat (path, &buf) != 0)
    return -1;

  return buf.st_size;
}

static sqlite3 *
open_db (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);

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

static char *
query_text (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return value;
}

static void
store_state_clear (StoreState *state)
{
  g_clear_pointer (&state->outbox, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (StoreState, store_state_clear)

/* Opens the store after a crash, which lets SQLite recover it, checks that
 * it is sound, and reads what the tests compare. */
static void
read_store_state (const char *path,
                  StoreState *state)
{
  sqlite3 *db = open_db (path);
  g_autofree char *integrity = query_text (db, "PRAGMA integrity_check");

  g_assert_cmpstr (integrity, ==, "ok");
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);

  /* Every queued submission exists. */
  g_assert_cmpint (query_int (db,
                              "SELECT count(*) FROM outbox o "
                              "LEFT JOIN submissions s ON s.id = o.record_id "
                              "WHERE o.model = 'kpi.report.submission' AND s.id IS NULL"),
                   ==, 0);

  state->n_submissions = query_int (db, "SELECT count(*) FROM submissions");
  state->n_outbox = query_int (db, "SELECT count(*) FROM outbox");
  g_free (state->outbox);
  state->outbox = query_text (db,
                              "SELECT coalesce (group_concat (row, char (10)), '') FROM "
                              "(SELECT id || '|' || operation || '|' || model || '|' || "
                              "   coalesce (record_id, '') || '|' || payload || '|' || state || "
                              "   '|' || idempotency_key AS row "
                              " FROM outbox ORDER BY id)");

  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static void
remove_store (CrashFixture *fixture)
{
  g_autofree char *wal = g_strconcat (fixture->store, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fixture->store, "-shm", NULL);

  g_remove (fixture->store);
  g_remove (wal);
  g_remove (shm);
}

static void
restore_store (CrashFixture *fixture,
               GBytes       *pristine)
{
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (pristine, &length);

  remove_store (fixture);
  g_file_set_contents (fixture->store, data, length, &error);
  g_assert_no_error (error);
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

/* A submissions CSV of N_IMPORT_ROWS rows, one per KPI (by id) and day,
 * on days long before the demo history so that every row is new. */
static char *
write_import_csv (CrashFixture *fixture)
{
  g_autoptr(GString) csv = g_string_sized_new (N_IMPORT_ROWS * 30);
  g_autoptr(GDate) date = g_date_new_dmy (1, G_DATE_JANUARY, 1990);
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir, "big.csv", NULL);

  g_string_append (csv, "kpi,date,value,note\n");
  for (guint day = 0; day < N_IMPORT_DAYS; day++)
    {
      char text[16];

      g_date_strftime (text, sizeof text, "%Y-%m-%d", date);
      for (guint kpi = 1; kpi <= N_IMPORT_KPIS; kpi++)
        g_string_append_printf (csv, "%u,%sT12:00:00Z,%u.5,\n", kpi, text,
                                10 + (kpi * 7 + day) % 90);
      g_date_add_days (date, 1);
    }

  g_file_set_contents (path, csv->str, csv->len, &error);
  g_assert_no_error (error);

  return path;
}

/* Fixture */

static void
fixture_setup (CrashFixture  *fixture,
               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = NULL;

  fixture->dir = g_dir_make_tmp ("sc-test-crash-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->store = g_build_filename (fixture->dir, "store.db", NULL);

  data_home = g_build_filename (fixture->dir, "data-home", NULL);
  fixture->envp = g_get_environ ();
  fixture->envp = g_environ_unsetenv (fixture->envp, "SCORECARD_STORE");
  fixture->envp = g_environ_setenv (fixture->envp, "XDG_DATA_HOME", data_home, TRUE);
  fixture->envp = g_environ_setenv (fixture->envp, "TZ", "UTC", TRUE);
  fixture->envp = g_environ_setenv (fixture->envp, "LC_ALL", "C.UTF-8", TRUE);
}

static void
fixture_teardown (CrashFixture  *fixture,
                  gconstpointer  user_data)
{
  rm_rf (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->store, g_free);
  g_clear_pointer (&fixture->envp, g_strfreev);
}

/* Tests */

static void
test_import_killed (CrashFixture  *fixture,
                    gconstpointer  user_data)
{
  static const KillPlan plans[] = {
    { "early, 10 % of the rows written", KILL_AT_WAL_FRACTION, 0.10 },
    { "middle, 50 % of the rows written", KILL_AT_WAL_FRACTION, 0.50 },
    { "during the commit, 99 % of the WAL written", KILL_AT_WAL_FRACTION, 0.99 },
    { "during the checkpoint after the commit", KILL_AT_CHECKPOINT, 0.0 },
  };
  g_autofree char *wal = g_strconcat (fixture->store, "-wal", NULL);
  g_autofree char *csv = NULL;
  g_autoptr(GBytes) pristine = NULL;
  g_auto(StoreState) before = { 0, };
  g_auto(StoreState) after = { 0, };
  gint64 pristine_size;
  gint64 wal_max = 0;
  gint64 started;
  gboolean killed = FALSE;
  guint n_none = 0;
  GPid pid;

  /* A demo store with two changes queued for sync. */
  cli_ok (fixture, "--store", fixture->store, "demo", "--kpis", "50", "--days", "5",
          "--seed", "3", "--until", "2026-11-29", NULL);
  cli_ok (fixture, "--store", fixture->store, "submit", "1", "5", "--date", "2026-11-10",
          "--note", "queued before the crash", NULL);
  cli_ok (fixture, "--store", fixture->store, "submit", "2", "6", "--date", "2026-11-11", NULL);

  read_store_state (fixture->store, &before);
  g_assert_cmpint (before.n_outbox, ==, 2);
  pristine = read_bytes (fixture->store);
  pristine_size = (gint64)g_bytes_get_size (pristine);

  csv = write_import_csv (fixture);

  /* One full import, to learn how far the WAL grows and to check that the
   * file is good, so a killed import can only be all or nothing. */
  started = g_get_monotonic_time ();
  pid = cli_start (fixture, "--store", fixture->store, "import", csv, NULL);
  while (!try_reap (pid, &killed))
    {
      wal_max = MAX (wal_max, file_size (wal));
      g_usleep (200);
    }
  g_assert_false (killed);
  g_test_message ("full import: %.2f s, WAL up to %" G_GINT64_FORMAT " bytes",
                  (g_get_monotonic_time () - started) / (double)G_USEC_PER_SEC, wal_max);
  g_assert_cmpint (wal_max, >, 1024 * 1024);

  read_store_state (fixture->store, &after);
  g_assert_cmpint (after.n_submissions, ==, before.n_submissions + N_IMPORT_ROWS);
  g_assert_cmpstr (after.outbox, ==, before.outbox);

  for (guint i = 0; i < G_N_ELEMENTS (plans); i++)
    {
      const KillPlan *plan = &plans[i];
      gboolean exited = FALSE;
      gboolean all;

      restore_store (fixture, pristine);
      pid = cli_start (fixture, "--store", fixture->store, "import", csv, NULL);

      for (;;)
        {
          gboolean now;

          if (try_reap (pid, &killed))
            {
              exited = TRUE;
              break;
            }

          if (plan->moment == KILL_AT_WAL_FRACTION)
            now = file_size (wal) >= (gint64)(wal_max * plan->wal_fraction);
          else
            now = file_size (fixture->store) > pristine_size;

          if (now)
            break;

          g_usleep (100);
        }

      if (!exited)
        killed = kill_and_reap (pid);

      read_store_state (fixture->store, &after);
      all = after.n_submissions == before.n_submissions + N_IMPORT_ROWS;

      g_test_message ("kill %s: %s, %s of the import kept", plan->name,
                      killed ? "killed" : "had already finished", all ? "all" : "none");

      /* None or all of the rows, never part; the outbox as it was. */
      if (!all)
        g_assert_cmpint (after.n_submissions, ==, before.n_submissions);
      if (!killed)
        g_assert_true (all);
      if (killed && !all)
        n_none++;
      g_assert_cmpint (after.n_outbox, ==, before.n_outbox);
      g_assert_cmpstr (after.outbox, ==, before.outbox);

      cli_ok (fixture, "--store", fixture->store, "list", NULL);
    }

  /* At least one kill landed in the middle of the import. */
  g_assert_cmpuint (n_none, >, 0);
}

static void
test_submit_killed (CrashFixture  *fixture,
                    gconstpointer  user_data)
{
  g_auto(StoreState) state = { 0, };
  g_autofree char *queued = NULL;
  gint64 n_submissions;
  gint64 n_outbox;
  gint64 started;
  gint64 duration;
  guint n_killed_none = 0;
  guint n_killed_both = 0;
  guint n_finished = 0;

  cli_ok (fixture, "--store", fixture->store, "demo", "--kpis", "5", "--days", "5",
          "--seed", "3", "--until", "2026-11-29", NULL);
  read_store_state (fixture->store, &state);

  /* A few submits run to the end: each adds one row to both tables, and
   * the quickest tells how long a run takes, start-up included. */
  duration = G_MAXINT64;
  for (guint i = 0; i < 3; i++)
    {
      char date_text[16];
      GPid pid;

      g_snprintf (date_text, sizeof date_text, "1989-12-%02u", 29 + i);
      n_submissions = state.n_submissions;
      n_outbox = state.n_outbox;

      started = g_get_monotonic_time ();
      pid = cli_start (fixture, "--store", fixture->store, "submit", "1", "42",
                       "--date", date_text, NULL);
      g_assert_false (reap (pid));
      duration = MIN (duration, g_get_monotonic_time () - started);

      read_store_state (fixture->store, &state);
      g_assert_cmpint (state.n_submissions, ==, n_submissions + 1);
      g_assert_cmpint (state.n_outbox, ==, n_outbox + 1);
    }
  g_test_message ("one submit takes %" G_GINT64_FORMAT " us", duration);

  for (guint i = 0; i < N_SUBMIT_KILLS; i++)
    {
      g_autoptr(GDate) date = g_date_new_dmy (1, G_DATE_JANUARY, 1990);
      char date_text[16];
      char value_text[16];
      gboolean killed = FALSE;
      gulong delay;
      GPid pid;

      /* A new day every time, so that a stored value is a new row. */
      g_date_add_days (date, i);
      g_date_strftime (date_text, sizeof date_text, "%Y-%m-%d", date);
      g_snprintf (value_text, sizeof value_text, "%u", i + 1);

      n_submissions = state.n_submissions;
      n_outbox = state.n_outbox;
      g_free (queued);
      queued = g_strdup (state.outbox);
      delay = (gulong)g_test_rand_int_range (0, (gint32)MIN (duration, G_MAXINT32));

      pid = cli_start (fixture, "--store", fixture->store, "submit", "1", value_text,
                       "--date", date_text, NULL);
      g_usleep (delay);
      killed = kill_and_reap (pid);

      read_store_state (fixture->store, &state);

      /* The submission and its outbox entry: both or neither. */
      g_assert_cmpint (state.n_submissions - n_submissions, ==, state.n_outbox - n_outbox);
      g_assert_cmpint (state.n_submissions - n_submissions, >=, 0);
      g_assert_cmpint (state.n_submissions - n_submissions, <=, 1);

      /* What was queued before is still there, as it was. */
      g_assert_true (g_str_has_prefix (state.outbox, queued));

      if (!killed)
        {
          g_assert_cmpint (state.n_submissions, ==, n_submissions + 1);
          n_finished++;
        }
      else if (state.n_submissions == n_submissions)
        n_killed_none++;
      else
        n_killed_both++;
    }

  g_test_message ("%u kills before the commit, %u after it, %u runs finished first",
                  n_killed_none, n_killed_both, n_finished);

  cli_ok (fixture, "--store", fixture->store, "list", NULL);
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
      g_test_add_func ("/crash/skipped", test_skip_all);
      return g_test_run ();
    }

  g_test_add ("/crash/import/killed", CrashFixture, NULL,
              fixture_setup, test_import_killed, fixture_teardown);
  g_test_add ("/crash/submit/killed", CrashFixture, NULL,
              fixture_setup, test_submit_killed, fixture_teardown);

  return g_test_run ();
}
