/* bench-store.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bench-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "sc-demo.h"
#include "sc-import.h"
#include "sc-store.h"

/* The store's three speed figures: ingesting a large submissions CSV
 * (against the sqlite3 shell's own .import of the same file), the
 * dashboard query behind sc_store_list_kpis(), and `scorecard-cli list
 * --json` as a whole process. It reports; it never fails on a missed goal,
 * only when something it runs fails.
 */

#define GOAL_INGEST_ROWS_PER_S 500000.0
#define GOAL_LIST_MS           20.0
#define GOAL_CLI_MS            150.0

#define N_LIST_RUNS 20
#define N_CLI_RUNS  10

/* 2026-01-01T00:00:00Z: the first day of the imported history. The demo
 * KPIs get their one day of history the day before, so that every imported
 * row is newer and becomes the KPI's latest value. */
#define FIRST_DAY ((gint64)1767225600)
#define DAY       ((gint64)86400)

#define STORE_FILE  "bench-store.db"
#define PLAIN_FILE  "bench-sqlite3.db"
#define CSV_FILE    "bench-submissions.csv"
#define SCRIPT_FILE "bench-sqlite3-import.txt"

static const char * const logins[] = {
  "admin", "cfo", "sales.lead", "ops.lead", "marketing.lead",
  "tech.1", "store.1", "finance.1", "it.1", "hr.1",
};

static const char * const bench_files[] = {
  STORE_FILE, STORE_FILE "-wal", STORE_FILE "-shm", STORE_FILE "-journal",
  PLAIN_FILE, PLAIN_FILE "-wal", PLAIN_FILE "-shm", PLAIN_FILE "-journal",
  CSV_FILE, SCRIPT_FILE,
};

typedef struct
{
  gint64    n_rows;
  guint     n_kpis;
  gboolean  by_name;
  gboolean  kpi_major;
  char     *dir;
  gboolean  keep;

  char     *store_path;
  char     *plain_path;
  char     *csv_path;
  char     *script_path;
} Bench;

typedef struct
{
  double median_ms;
  double worst_ms;
  guint  n_runs;
} Timings;

/* Auxiliary methods */

static double
usec_to_ms (gint64 usec)
{
  return usec / 1000.0;
}

static double
elapsed_ms_since (gint64 start)
{
  return usec_to_ms (g_get_monotonic_time () - start);
}

static gint64
rusage_cpu_usec (const struct rusage *usage)
{
  return (gint64)(usage->ru_utime.tv_sec + usage->ru_stime.tv_sec) * G_USEC_PER_SEC +
         usage->ru_utime.tv_usec + usage->ru_stime.tv_usec;
}

/* User plus system time of this process so far: on a busy machine it
 * tells our own work from waiting for a CPU. */
static gint64
self_cpu_usec (void)
{
  struct rusage usage;

  if (getrusage (RUSAGE_SELF, &usage) != 0)
    return 0;

  return rusage_cpu_usec (&usage);
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *)a;
  gint64 y = *(const gint64 *)b;

  return x < y ? -1 : x > y;
}

static Timings
summarize (gint64 *usec,
           guint   n)
{
  Timings t = { 0, };

  g_assert (n > 0);

  qsort (usec, n, sizeof (gint64), compare_gint64);
  t.n_runs = n;
  t.worst_ms = usec_to_ms (usec[n - 1]);
  t.median_ms = n % 2 ? usec_to_ms (usec[n / 2])
                      : (usec_to_ms (usec[n / 2 - 1]) + usec_to_ms (usec[n / 2])) / 2.0;

  return t;
}

static const char *
verdict (gboolean met)
{
  return met ? "met" : "MISSED";
}

static void
remove_bench_files (const char *dir)
{
  for (guint i = 0; i < G_N_ELEMENTS (bench_files); i++)
    {
      g_autofree char *path = g_build_filename (dir, bench_files[i], NULL);

      if (g_unlink (path) != 0 && errno != ENOENT)
        g_printerr ("bench-store: cannot remove %s: %s\n", path, g_strerror (errno));
    }
}

static int
open_or_fail (const char  *path,
              int          flags,
              GError     **error)
{
  int fd = g_open (path, flags | O_CLOEXEC, 0);

  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "Cannot open %s: %s", path, g_strerror (saved_errno));
    }

  return fd;
}

/* Runs @argv to completion with stdin from @stdin_path (or /dev/null) and
 * stdout to /dev/null; stderr stays ours so failures show. The time covers
 * the whole process: spawn, run and exit; @cpu_usec, the child's user and
 * system time. */
static gboolean
run_timed (const char * const  *argv,
           const char          *stdin_path,
           gint64              *elapsed_usec,
           gint64              *cpu_usec,
           GError             **error)
{
  struct rusage usage = { { 0, }, };
  int stdin_fd;
  int stdout_fd;
  int wait_status = 0;
  GPid pid = 0;
  gint64 start;
  gboolean spawned;

  stdin_fd = open_or_fail (stdin_path != NULL ? stdin_path : "/dev/null", O_RDONLY, error);
  if (stdin_fd < 0)
    return FALSE;

  stdout_fd = open_or_fail ("/dev/null", O_WRONLY, error);
  if (stdout_fd < 0)
    {
      close (stdin_fd);
      return FALSE;
    }

  start = g_get_monotonic_time ();
  spawned = g_spawn_async_with_pipes_and_fds (NULL, argv, NULL,
                                              G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD,
                                              NULL, NULL,
                                              stdin_fd, stdout_fd, -1,
                                              NULL, NULL, 0,
                                              &pid, NULL, NULL, NULL,
                                              error);
  if (spawned)
    {
      while (wait4 (pid, &wait_status, 0, &usage) < 0 && errno == EINTR)
        ;
      *elapsed_usec = g_get_monotonic_time () - start;
      if (cpu_usec != NULL)
        *cpu_usec = rusage_cpu_usec (&usage);
      g_spawn_close_pid (pid);
    }

  close (stdin_fd);
  close (stdout_fd);

  if (!spawned)
    return FALSE;

  if (!g_spawn_check_wait_status (wait_status, error))
    {
      g_prefix_error (error, "%s: ", argv[0]);
      return FALSE;
    }

  return TRUE;
}

/* Runs @argv and returns its stdout, failing on a non-zero exit. */
static char *
run_capture (const char * const  *argv,
             GError             **error)
{
  g_autofree char *out = NULL;
  int wait_status = 0;

  if (!g_spawn_sync (NULL, (char **)argv, NULL,
                     G_SPAWN_SEARCH_PATH | G_SPAWN_STDIN_FROM_DEV_NULL,
                     NULL, NULL, &out, NULL, &wait_status, error))
    return NULL;

  if (!g_spawn_check_wait_status (wait_status, error))
    {
      g_prefix_error (error, "%s: ", argv[0]);
      return NULL;
    }

  return g_steal_pointer (&out);
}

static const char *
find_sqlite3 (void)
{
  static char *path = NULL;
  const char *env = g_getenv ("SQLITE3");

  if (env != NULL && *env != '\0')
    return env;

  if (path == NULL)
    path = g_find_program_in_path ("sqlite3");

  return path;
}

/* Setup */

/* The KPIs, with one day of demo history each, so that the store has the
 * users, groups and assignees a real one has. Returns the KPIs' ids, in
 * ascending order, or names when @by_name. */
static GPtrArray *
create_kpis (Bench    *bench,
             ScStore  *store,
             GError  **error)
{
  g_autoptr(GPtrArray) kpis = NULL;
  g_autoptr(GPtrArray) refs = NULL;
  ScDemoOptions options;
  ScDemoReport report;

  sc_demo_options_init (&options);
  options.n_kpis = bench->n_kpis;
  options.n_days = 1;
  options.seed = 20261129;
  options.end = FIRST_DAY - DAY;

  if (!sc_demo_generate (store, &options, &report, error))
    return NULL;

  if (!(kpis = sc_store_list_kpis (store, error)))
    return NULL;

  if (kpis->len != bench->n_kpis)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "The demo made %u KPIs, not %u", kpis->len, bench->n_kpis);
      return NULL;
    }

  refs = g_ptr_array_new_full (kpis->len, g_free);
  if (bench->by_name)
    {
      for (guint i = 0; i < kpis->len; i++)
        {
          const char *name = sc_kpi_get_name (g_ptr_array_index (kpis, i));
          g_autoptr(GString) quoted = g_string_new ("\"");

          for (const char *p = name; *p != '\0'; p++)
            {
              if (*p == '"')
                g_string_append_c (quoted, '"');
              g_string_append_c (quoted, *p);
            }
          g_string_append_c (quoted, '"');
          g_ptr_array_add (refs, g_string_free (g_steal_pointer (&quoted), FALSE));
        }
    }
  else
    {
      g_autofree gint64 *ids = g_new (gint64, kpis->len);

      for (guint i = 0; i < kpis->len; i++)
        ids[i] = sc_kpi_get_id (g_ptr_array_index (kpis, i));
      qsort (ids, kpis->len, sizeof (gint64), compare_gint64);
      for (guint i = 0; i < kpis->len; i++)
        g_ptr_array_add (refs, g_strdup_printf ("#%" G_GINT64_FORMAT, ids[i]));
    }

  return g_steal_pointer (&refs);
}

/* Writes rows for distinct (KPI, UTC day) pairs, so that no row of the
 * file replaces another on import: day after day for every KPI, or (with
 * --order=kpi) a KPI's whole history after another's. About one row in
 * ten has a note, one in a hundred a quoted one with a comma. */
static gboolean
write_csv (Bench      *bench,
           GPtrArray  *refs,
           goffset    *size,
           GError    **error)
{
  g_autofree char *buffer = g_malloc (1 << 20);
  g_autofree char *dates = NULL;
  guint n_kpis = refs->len;
  gint64 n_days = (bench->n_rows + n_kpis - 1) / n_kpis;
  FILE *file;
  GStatBuf st;

  /* "YYYY-MM-DD" of each day, worked out once rather than per row. */
  dates = g_malloc (n_days * 11);
  for (gint64 day = 0; day < n_days; day++)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (FIRST_DAY + day * DAY);

      g_snprintf (dates + day * 11, 11, "%04d-%02d-%02d", g_date_time_get_year (dt),
                  g_date_time_get_month (dt), g_date_time_get_day_of_month (dt));
    }

  file = g_fopen (bench->csv_path, "we");
  if (file == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "Cannot write %s: %s", bench->csv_path, g_strerror (saved_errno));
      return FALSE;
    }
  setvbuf (file, buffer, _IOFBF, 1 << 20);

  fputs ("kpi,user,date,value,note\n", file);
  for (gint64 r = 0; r < bench->n_rows; r++)
    {
      guint kpi = bench->kpi_major ? (guint)(r / n_days) : (guint)(r % n_kpis);
      gint64 day = bench->kpi_major ? r % n_days : r / n_kpis;
      guint32 hash = (guint32)(r * 2654435761u) ^ (guint32)(r >> 13);
      const char *note = "";

      if (r % 100 == 7)
        note = "\"late, estimated\"";
      else if (r % 10 == 3)
        note = "checked";

      fprintf (file, "%s,%s,%sT%02u:%02u:00Z,%u.%02u,%s\n",
               (const char *)g_ptr_array_index (refs, kpi),
               logins[(kpi + day) % G_N_ELEMENTS (logins)],
               dates + day * 11,
               8 + hash % 10, (hash >> 4) % 60,
               (hash >> 10) % 100, (hash >> 17) % 100,
               note);
    }

  if (fclose (file) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "Cannot write %s: %s", bench->csv_path, g_strerror (saved_errno));
      return FALSE;
    }

  if (g_stat (bench->csv_path, &st) == 0)
    *size = st.st_size;

  return TRUE;
}

/* The figures */

static gboolean
bench_ingest (Bench    *bench,
              ScStore  *store,
              double   *rows_per_s,
              double   *seconds,
              double   *cpu_seconds,
              GError  **error)
{
  g_autoptr(ScImportReport) report = sc_import_report_new ();
  gint64 before = sc_store_count_submissions (store);
  gint64 after;
  gint64 start;
  gint64 cpu_start;
  gboolean ok;

  cpu_start = self_cpu_usec ();
  start = g_get_monotonic_time ();
  ok = sc_import_csv_file (store, bench->csv_path, SC_IMPORT_SUBMISSIONS, FALSE, report, error);
  *seconds = (g_get_monotonic_time () - start) / (double)G_USEC_PER_SEC;
  *cpu_seconds = (self_cpu_usec () - cpu_start) / (double)G_USEC_PER_SEC;

  if (!ok)
    {
      for (guint i = 0; i < report->problems->len && i < 10; i++)
        g_printerr ("  %s\n", (const char *)g_ptr_array_index (report->problems, i));
      return FALSE;
    }

  after = sc_store_count_submissions (store);
  if (report->n_rows != bench->n_rows || report->n_created != bench->n_rows ||
      after - before != bench->n_rows)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "The import read %u rows and created %u submissions (%" G_GINT64_FORMAT
                   " new in the store), not %" G_GINT64_FORMAT,
                   report->n_rows, report->n_created, after - before, bench->n_rows);
      return FALSE;
    }

  *rows_per_s = bench->n_rows / MAX (*seconds, 1e-9);

  return TRUE;
}

static gboolean
bench_sqlite3_import (Bench       *bench,
                      const char  *sqlite3,
                      double      *rows_per_s,
                      double      *seconds,
                      double      *cpu_seconds,
                      GError     **error)
{
  g_autofree char *script = NULL;
  g_autofree char *out = NULL;
  const char *run_argv[] = { sqlite3, bench->plain_path, NULL };
  const char *count_argv[] = { sqlite3, bench->plain_path, "SELECT count(*) FROM t", NULL };
  gint64 elapsed = 0;
  gint64 cpu = 0;
  gint64 count;

  if (strchr (bench->csv_path, '"') != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                   "The sqlite3 shell cannot import %s: it has a double quote", bench->csv_path);
      return FALSE;
    }

  /* With no table t yet, .import takes the header for its column names. */
  script = g_strdup_printf (".bail on\n"
                            ".mode csv\n"
                            ".import --csv \"%s\" t\n",
                            bench->csv_path);
  if (!g_file_set_contents (bench->script_path, script, -1, error))
    return FALSE;

  if (!run_timed (run_argv, bench->script_path, &elapsed, &cpu, error))
    return FALSE;

  if (!(out = run_capture (count_argv, error)))
    return FALSE;

  count = g_ascii_strtoll (out, NULL, 10);
  if (count != bench->n_rows)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "sqlite3 imported %" G_GINT64_FORMAT " rows, not %" G_GINT64_FORMAT,
                   count, bench->n_rows);
      return FALSE;
    }

  *seconds = elapsed / (double)G_USEC_PER_SEC;
  *cpu_seconds = cpu / (double)G_USEC_PER_SEC;
  *rows_per_s = bench->n_rows / MAX (*seconds, 1e-9);

  return TRUE;
}

static gboolean
bench_list_kpis (Bench    *bench,
                 ScStore  *store,
                 Timings  *timings,
                 GError  **error)
{
  gint64 usec[N_LIST_RUNS];

  for (guint i = 0; i < N_LIST_RUNS; i++)
    {
      g_autoptr(GPtrArray) kpis = NULL;
      gint64 start = g_get_monotonic_time ();

      kpis = sc_store_list_kpis (store, error);
      usec[i] = g_get_monotonic_time () - start;

      if (kpis == NULL)
        return FALSE;

      if (kpis->len != bench->n_kpis)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       "sc_store_list_kpis() gave %u KPIs, not %u", kpis->len, bench->n_kpis);
          return FALSE;
        }
    }

  *timings = summarize (usec, N_LIST_RUNS);

  return TRUE;
}

static gboolean
bench_cli_list (Bench       *bench,
                const char  *cli,
                Timings     *timings,
                GError     **error)
{
  const char *argv[] = { cli, "--store", bench->store_path, "list", "--json", NULL };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *out = NULL;
  gint64 usec[N_CLI_RUNS];
  JsonNode *root;

  /* One untimed run to check the output, which also warms the page cache. */
  if (!(out = run_capture (argv, error)))
    return FALSE;

  if (!json_parser_load_from_data (parser, out, -1, error))
    {
      g_prefix_error (error, "%s list --json: ", cli);
      return FALSE;
    }

  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_ARRAY (root) ||
      json_array_get_length (json_node_get_array (root)) != bench->n_kpis)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "%s list --json did not print an array of %u KPIs", cli, bench->n_kpis);
      return FALSE;
    }

  for (guint i = 0; i < N_CLI_RUNS; i++)
    if (!run_timed (argv, NULL, &usec[i], NULL, error))
      return FALSE;

  *timings = summarize (usec, N_CLI_RUNS);

  return TRUE;
}

static gboolean
run_bench (Bench   *bench,
           GError **error)
{
  g_autoptr(ScStore) store = NULL;
  g_autoptr(GPtrArray) refs = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;
  const char *sqlite3 = find_sqlite3 ();
  const char *cli = g_getenv ("SCORECARD_CLI");
  goffset csv_size = 0;
  double ingest_rate = 0, ingest_s = 0, ingest_cpu_s = 0;
  double sqlite_rate = 0, sqlite_s = 0, sqlite_cpu_s = 0;
  Timings list = { 0, };
  Timings cli_list = { 0, };
  gboolean have_sqlite3 = FALSE;
  gboolean have_cli = FALSE;
  gint64 start;

  g_print ("# bench-store: %" G_GINT64_FORMAT " rows, %u KPIs, %s order, KPIs by %s, in %s\n",
           bench->n_rows, bench->n_kpis, bench->kpi_major ? "kpi" : "day",
           bench->by_name ? "name" : "id", bench->dir);

  start = g_get_monotonic_time ();
  if (!(store = sc_store_open (bench->store_path, error)) ||
      !(refs = create_kpis (bench, store, error)))
    return FALSE;
  g_print ("setup.kpis: %.1f ms (%u KPIs by sc_demo_generate, not a goal)\n",
           elapsed_ms_since (start), bench->n_kpis);

  start = g_get_monotonic_time ();
  if (!write_csv (bench, refs, &csv_size, error))
    return FALSE;
  g_print ("setup.csv: %.1f ms (%.1f MiB, not a goal)\n",
           elapsed_ms_since (start), csv_size / (1024.0 * 1024.0));

  /* 1. Ingest */
  if (!bench_ingest (bench, store, &ingest_rate, &ingest_s, &ingest_cpu_s, error))
    return FALSE;
  g_print ("ingest.scorecard: %.0f rows/s (goal >= %.0f rows/s, %s) [%.3f s, %.3f s CPU]\n",
           ingest_rate, GOAL_INGEST_ROWS_PER_S,
           verdict (ingest_rate >= GOAL_INGEST_ROWS_PER_S), ingest_s, ingest_cpu_s);

  if (sqlite3 != NULL)
    {
      if (!bench_sqlite3_import (bench, sqlite3, &sqlite_rate, &sqlite_s, &sqlite_cpu_s, error))
        return FALSE;
      have_sqlite3 = TRUE;
      g_print ("ingest.sqlite3: %.0f rows/s (reference: sqlite3 .import --csv) "
               "[%.3f s, %.3f s CPU]\n",
               sqlite_rate, sqlite_s, sqlite_cpu_s);
      g_print ("ingest.ratio: %.2f scorecard/sqlite3 (reference)\n", ingest_rate / sqlite_rate);
    }
  else
    g_print ("ingest.sqlite3: skipped (no sqlite3: set SQLITE3)\n");

  /* 2. The dashboard query, on the store the ingest just filled */
  if (!bench_list_kpis (bench, store, &list, error))
    return FALSE;
  g_print ("list_kpis.median: %.2f ms (goal <= %.0f ms, %s) [%u runs]\n",
           list.median_ms, GOAL_LIST_MS, verdict (list.median_ms <= GOAL_LIST_MS), list.n_runs);
  g_print ("list_kpis.worst: %.2f ms (goal <= %.0f ms, %s)\n",
           list.worst_ms, GOAL_LIST_MS, verdict (list.worst_ms <= GOAL_LIST_MS));

  /* Closing checkpoints the WAL, so the CLI opens the store as a user's
   * shell would find it. */
  g_clear_object (&store);

  /* 3. The CLI as a whole process */
  if (cli != NULL && *cli != '\0')
    {
      if (!bench_cli_list (bench, cli, &cli_list, error))
        return FALSE;
      have_cli = TRUE;
      g_print ("cli_list_json.median: %.1f ms (goal <= %.0f ms, %s) [%u runs]\n",
               cli_list.median_ms, GOAL_CLI_MS, verdict (cli_list.median_ms <= GOAL_CLI_MS),
               cli_list.n_runs);
      g_print ("cli_list_json.worst: %.1f ms (goal <= %.0f ms, %s)\n",
               cli_list.worst_ms, GOAL_CLI_MS, verdict (cli_list.worst_ms <= GOAL_CLI_MS));
    }
  else
    g_print ("cli_list_json: skipped (set SCORECARD_CLI to scorecard-cli's path)\n");

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "bench");
  json_builder_add_string_value (builder, "store");
  json_builder_set_member_name (builder, "rows");
  json_builder_add_int_value (builder, bench->n_rows);
  json_builder_set_member_name (builder, "kpis");
  json_builder_add_int_value (builder, bench->n_kpis);
  json_builder_set_member_name (builder, "csv_bytes");
  json_builder_add_int_value (builder, csv_size);
  json_builder_set_member_name (builder, "ingest_rows_per_s");
  json_builder_add_double_value (builder, ingest_rate);
  json_builder_set_member_name (builder, "ingest_seconds");
  json_builder_add_double_value (builder, ingest_s);
  json_builder_set_member_name (builder, "ingest_cpu_seconds");
  json_builder_add_double_value (builder, ingest_cpu_s);
  json_builder_set_member_name (builder, "ingest_goal_met");
  json_builder_add_boolean_value (builder, ingest_rate >= GOAL_INGEST_ROWS_PER_S);
  json_builder_set_member_name (builder, "sqlite3_rows_per_s");
  if (have_sqlite3)
    json_builder_add_double_value (builder, sqlite_rate);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "sqlite3_seconds");
  if (have_sqlite3)
    json_builder_add_double_value (builder, sqlite_s);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "sqlite3_cpu_seconds");
  if (have_sqlite3)
    json_builder_add_double_value (builder, sqlite_cpu_s);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "ingest_ratio");
  if (have_sqlite3)
    json_builder_add_double_value (builder, ingest_rate / sqlite_rate);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "list_kpis_median_ms");
  json_builder_add_double_value (builder, list.median_ms);
  json_builder_set_member_name (builder, "list_kpis_worst_ms");
  json_builder_add_double_value (builder, list.worst_ms);
  json_builder_set_member_name (builder, "list_kpis_goal_met");
  json_builder_add_boolean_value (builder, list.worst_ms <= GOAL_LIST_MS);
  json_builder_set_member_name (builder, "cli_list_json_median_ms");
  if (have_cli)
    json_builder_add_double_value (builder, cli_list.median_ms);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "cli_list_json_worst_ms");
  if (have_cli)
    json_builder_add_double_value (builder, cli_list.worst_ms);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "cli_list_json_goal_met");
  if (have_cli)
    json_builder_add_boolean_value (builder, cli_list.worst_ms <= GOAL_CLI_MS);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json = json_to_string (root, FALSE);
  g_print ("%s\n", json);

  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *keep = NULL;
  g_autofree char *order = NULL;
  gint64 n_rows = 1000000;
  int n_kpis = 10000;
  gboolean by_name = FALSE;
  Bench bench = { 0, };
  gboolean ok;
  const GOptionEntry entries[] = {
    { "rows", 0, 0, G_OPTION_ARG_INT64, &n_rows, "Submissions to import (1000000)", "N" },
    { "kpis", 0, 0, G_OPTION_ARG_INT, &n_kpis, "KPIs in the store (10000)", "N" },
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep, "Work in DIR and keep the files", "DIR" },
    { "order", 0, 0, G_OPTION_ARG_STRING, &order,
      "Row order of the CSV: day (every KPI day after day, the default) or kpi", "ORDER" },
    { "by-name", 0, 0, G_OPTION_ARG_NONE, &by_name,
      "Name the KPIs in the CSV instead of “#ID”", NULL },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                "Measure the store's ingest rate, the dashboard query and "
                                "“scorecard-cli list --json”.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-store: %s\n", error->message);
      return 2;
    }

  if (n_rows < 1 || n_rows > G_MAXUINT || n_kpis < 1)
    {
      g_printerr ("bench-store: --rows and --kpis must be positive\n");
      return 2;
    }

  if (order != NULL && strcmp (order, "day") != 0 && strcmp (order, "kpi") != 0)
    {
      g_printerr ("bench-store: --order is day or kpi, not “%s”\n", order);
      return 2;
    }

  bench.n_rows = n_rows;
  bench.n_kpis = (guint)n_kpis;
  bench.by_name = by_name;
  bench.kpi_major = g_strcmp0 (order, "kpi") == 0;
  bench.keep = keep != NULL;

  if (keep != NULL)
    {
      if (g_mkdir_with_parents (keep, 0755) != 0)
        {
          g_printerr ("bench-store: cannot create %s: %s\n", keep, g_strerror (errno));
          return 1;
        }
      bench.dir = g_canonicalize_filename (keep, NULL);
      /* Leftovers of an earlier run would turn the demo's KPIs into
       * duplicates. */
      remove_bench_files (bench.dir);
    }
  else if (!(bench.dir = g_dir_make_tmp ("bench-store-XXXXXX", &error)))
    {
      g_printerr ("bench-store: %s\n", error->message);
      return 1;
    }

  bench.store_path = g_build_filename (bench.dir, STORE_FILE, NULL);
  bench.plain_path = g_build_filename (bench.dir, PLAIN_FILE, NULL);
  bench.csv_path = g_build_filename (bench.dir, CSV_FILE, NULL);
  bench.script_path = g_build_filename (bench.dir, SCRIPT_FILE, NULL);

  ok = run_bench (&bench, &error);
  if (!ok)
    g_printerr ("bench-store: %s\n", error != NULL ? error->message : "failed");

  if (!bench.keep)
    {
      remove_bench_files (bench.dir);
      if (g_rmdir (bench.dir) != 0)
        g_printerr ("bench-store: cannot remove %s: %s\n", bench.dir, g_strerror (errno));
    }
  else
    g_print ("# files kept in %s\n", bench.dir);

  g_free (bench.dir);
  g_free (bench.store_path);
  g_free (bench.plain_path);
  g_free (bench.csv_path);
  g_free (bench.script_path);

  return ok ? 0 : 1;
}
