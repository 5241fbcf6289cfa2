/* bench-sync.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bench-sync"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <sqlite3.h>

/* The sync pull's speed (issue 4): `scorecard-cli sync` pulls N
 * submissions from tests/sync/fake-odoo on 127.0.0.1 into a fresh store,
 * against two references in the same run, on the same server:
 *
 * - curl fetching the same submission pages: the floor set by the server
 *   and HTTP alone (goal: ours at most 1.5 times its time);
 * - pull-python.py, a plain standard-library JSON-RPC client that stores
 *   the same rows in sqlite3 (goal: ours at least 3 times faster).
 *
 * Peak resident memory must not grow with the row count, so it is shown at
 * every N. Each figure is the median of --runs runs; ours, curl and Python
 * take turns within a run, so that a busy machine slows all three alike,
 * and each ratio is the median of the runs' own ratios. CPU times (ours
 * counts every thread) are shown too: they hardly depend on the load.
 * It reports and never fails on a missed goal, only when a client pulls
 * the wrong number of rows or something it runs fails. Run it with
 * `meson test -C _build --benchmark sync --verbose` (the `bench` suite).
 *
 * Our time is the whole `sync` process: besides the submission pages it
 * signs in, pulls users, groups and KPIs, counts each model and reads
 * every submission id to notice deletions. The references do only the
 * pages (Python also signs in), so the ratios are on the strict side.
 *
 * How curl gets the same pages: the pages follow a (write_date, id)
 * cursor, so the body of page k+1 depends on the last row of page k and
 * cannot be written before page k is read. An untimed first pass runs one
 * curl per page and reads each answer's last row to build the next body;
 * the timed runs then send all those bodies from one curl process
 * (`curl -K`, one keep-alive connection, no parsing). That is the fastest
 * curl can fetch those pages, so it is the fairest floor: a curl per page
 * would charge process starts to curl, and limit/offset pages would make
 * the server do different work than the cursor pages we send. The timed
 * runs check that every page came back at the size the first pass saw.
 */

#define GOAL_CURL_RATIO   1.5
#define GOAL_PYTHON_RATIO 3.0

/* DEFAULT_PAGE_SIZE of src/sync/sc-sync-engine.c, which scorecard-cli
 * keeps, and the fields and order of its submission pages. */
#define PAGE_SIZE 2000
#define ORDER     "write_date asc, id asc"

#define DATABASE "kpi"
#define LOGIN    "admin"
#define PASSWORD "admin"
#define MODEL    "kpi.report.submission"

#define READY_TIMEOUT_S 60
#define N_PORT_TRIES    5

static const char * const submission_fields[] = {
  "id", "kpi_id", "user_id", "value", "date", "note", "write_date", NULL
};

typedef struct
{
  const char  *fake_odoo;
  const char  *cli;
  const char  *curl;
  const char  *python;
  const char  *script;
  char        *dir;
  gboolean     keep;
  guint        n_runs;
  guint        n_kpis;
  char       **envp;
  char        *password_path;
  SoupSession *session;
} Bench;

typedef struct
{
  GPid   pid;
  char  *url;
  char  *endpoint;
  gint64 uid;
  gint64 total;
} Server;

/* One process: wall time from spawn to exit, and its rusage. */
typedef struct
{
  gint64 usec;
  gint64 cpu_usec;
  glong  maxrss_kb;
} Sample;

typedef struct
{
  double seconds;
  double cpu_seconds;
  double rss_mb;
} Figure;

typedef struct
{
  gint64   rows;
  gint64   total;
  guint    n_pages;
  Figure   ours;
  Figure   curl;
  Figure   python;
  /* Medians of each run's ratio: the clients of one run share its load. */
  double   curl_ratio;
  double   python_ratio;
  gboolean have_curl;
  gboolean have_python;
} Result;

/* Auxiliary methods */

static gint64
rusage_cpu_usec (const struct rusage *usage)
{
  return (gint64)(usage->ru_utime.tv_sec + usage->ru_stime.tv_sec) * G_USEC_PER_SEC +
         usage->ru_utime.tv_usec + usage->ru_stime.tv_usec;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *)a;
  double y = *(const double *)b;

  return x < y ? -1 : x > y;
}

static double
median (double *values,
        guint   n)
{
  g_assert (n > 0);

  qsort (values, n, sizeof (double), compare_double);

  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

static Figure
summarize (const Sample *samples,
           guint         n)
{
  g_autofree double *seconds = g_new (double, n);
  g_autofree double *cpu = g_new (double, n);
  g_autofree double *rss = g_new (double, n);
  Figure figure;

  for (guint i = 0; i < n; i++)
    {
      seconds[i] = samples[i].usec / (double)G_USEC_PER_SEC;
      cpu[i] = samples[i].cpu_usec / (double)G_USEC_PER_SEC;
      rss[i] = samples[i].maxrss_kb / 1024.0;
    }

  figure.seconds = median (seconds, n);
  figure.cpu_seconds = median (cpu, n);
  figure.rss_mb = median (rss, n);

  return figure;
}

static const char *
verdict (gboolean met)
{
  return met ? "met" : "MISSED";
}

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

static int
open_or_fail (const char  *path,
              int          flags,
              GError     **error)
{
  int fd = g_open (path, flags | O_CLOEXEC, 0644);

  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "Cannot open %s: %s", path, g_strerror (saved_errno));
    }

  return fd;
}

static gboolean
spawn (Bench               *bench,
       const char * const  *argv,
       const char          *stdin_path,
       const char          *stdout_path,
       GPid                *pid,
       GError             **error)
{
  int stdin_fd;
  int stdout_fd;
  gboolean spawned;

  stdin_fd = open_or_fail (stdin_path != NULL ? stdin_path : "/dev/null", O_RDONLY, error);
  if (stdin_fd < 0)
    return FALSE;

  stdout_fd = open_or_fail (stdout_path != NULL ? stdout_path : "/dev/null",
                            O_WRONLY | O_CREAT | O_TRUNC, error);
  if (stdout_fd < 0)
    {
      close (stdin_fd);
      return FALSE;
    }

  spawned = g_spawn_async_with_pipes_and_fds (NULL, argv, (const char * const *)bench->envp,
                                              G_SPAWN_DO_NOT_REAP_CHILD,
                                              NULL, NULL,
                                              stdin_fd, stdout_fd, -1,
                                              NULL, NULL, 0,
                                              pid, NULL, NULL, NULL,
                                              error);
  close (stdin_fd);
  close (stdout_fd);

  return spawned;
}

/* Runs @argv to completion; stderr stays ours so failures show. The time
 * covers the whole process: spawn, run and exit. ru_maxrss is the peak
 * resident set of that child alone, as wait4() gives it. */
static gboolean
run_timed (Bench               *bench,
           const char * const  *argv,
           const char          *stdin_path,
           const char          *stdout_path,
           Sample              *sample,
           GError             **error)
{
  struct rusage usage = { { 0, }, };
  int wait_status = 0;
  GPid pid = 0;
  gint64 start;

  start = g_get_monotonic_time ();
  if (!spawn (bench, argv, stdin_path, stdout_path, &pid, error))
    return FALSE;

  while (wait4 (pid, &wait_status, 0, &usage) < 0 && errno == EINTR)
    ;
  if (sample != NULL)
    {
      sample->usec = g_get_monotonic_time () - start;
      sample->cpu_usec = rusage_cpu_usec (&usage);
      sample->maxrss_kb = usage.ru_maxrss;
    }
  g_spawn_close_pid (pid);

  if (!g_spawn_check_wait_status (wait_status, error))
    {
      g_prefix_error (error, "%s: ", argv[0]);
      return FALSE;
    }

  return TRUE;
}

/* The submissions with a server id in the SQLite file at @path. */
static gint64
count_rows (const char  *path,
            const char  *sql,
            GError     **error)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 count = -1;
  int rc;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);

  if (count < 0)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Cannot count the rows of %s: %s",
                 path, db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));

  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return count;
}

static gboolean
check_count (const char  *who,
             gint64       count,
             gint64       expected,
             GError     **error)
{
  if (count == expected)
    return TRUE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               "%s pulled %" G_GINT64_FORMAT " submissions, not %" G_GINT64_FORMAT,
               who, count, expected);

  return FALSE;
}

/* JSON-RPC */

static char *
rpc_body (const char *service,
          const char *method,
          JsonNode   *args,
          gint64      id)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "jsonrpc");
  json_builder_add_string_value (builder, "2.0");
  json_builder_set_member_name (builder, "method");
  json_builder_add_string_value (builder, "call");
  json_builder_set_member_name (builder, "params");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "service");
  json_builder_add_string_value (builder, service);
  json_builder_set_member_name (builder, "method");
  json_builder_add_string_value (builder, method);
  json_builder_set_member_name (builder, "args");
  json_builder_add_value (builder, args);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, id);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);

  return json_to_string (root, FALSE);
}

/* The body ScOdooClient sends for a page of submissions after the cursor
 * (@write_date, @last_id), or for the first page when @write_date is
 * %NULL: object.execute_kw search_read with the engine's domain, fields,
 * order and limit, and the client's default context. */
static char *
search_read_body (gint64      uid,
                  const char *write_date,
                  gint64      last_id,
                  gint64      id)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, DATABASE);
  json_builder_add_int_value (builder, uid);
  json_builder_add_string_value (builder, PASSWORD);
  json_builder_add_string_value (builder, MODEL);
  json_builder_add_string_value (builder, "search_read");

  json_builder_begin_array (builder);
  json_builder_begin_array (builder);
  if (write_date != NULL)
    {
      json_builder_add_string_value (builder, "|");
      json_builder_begin_array (builder);
      json_builder_add_string_value (builder, "write_date");
      json_builder_add_string_value (builder, ">");
      json_builder_add_string_value (builder, write_date);
      json_builder_end_array (builder);
      json_builder_add_string_value (builder, "&");
      json_builder_begin_array (builder);
      json_builder_add_string_value (builder, "write_date");
      json_builder_add_string_value (builder, "=");
      json_builder_add_string_value (builder, write_date);
      json_builder_end_array (builder);
      json_builder_begin_array (builder);
      json_builder_add_string_value (builder, "id");
      json_builder_add_string_value (builder, ">");
      json_builder_add_int_value (builder, last_id);
      json_builder_end_array (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_array (builder);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "context");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "lang");
  json_builder_add_string_value (builder, "en_US");
  json_builder_set_member_name (builder, "tz");
  json_builder_add_string_value (builder, "UTC");
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "fields");
  json_builder_begin_array (builder);
  for (guint i = 0; submission_fields[i] != NULL; i++)
    json_builder_add_string_value (builder, submission_fields[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "limit");
  json_builder_add_int_value (builder, PAGE_SIZE);
  json_builder_set_member_name (builder, "offset");
  json_builder_add_int_value (builder, 0);
  json_builder_set_member_name (builder, "order");
  json_builder_add_string_value (builder, ORDER);
  json_builder_end_object (builder);
  json_builder_end_array (builder);

  return rpc_body ("object", "execute_kw", json_builder_get_root (builder), id);
}

/* The "result" of a JSON-RPC answer. */
static JsonNode *
rpc_result (JsonParser  *parser,
            const char  *what,
            GError     **error)
{
  JsonNode *root = json_parser_get_root (parser);
  JsonObject *object;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s: the answer is not a JSON-RPC object", what);
      return NULL;
    }

  object = json_node_get_object (root);
  if (!json_object_has_member (object, "result"))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: the server answered an error", what);
      return NULL;
    }

  return json_object_get_member (object, "result");
}

static JsonNode *
rpc_call (Bench       *bench,
          Server      *server,
          const char  *body,
          const char  *what,
          JsonParser  *parser,
          GError     **error)
{
  g_autoptr(SoupMessage) message = soup_message_new (SOUP_METHOD_POST, server->endpoint);
  g_autoptr(GBytes) request = g_bytes_new (body, strlen (body));
  g_autoptr(GBytes) answer = NULL;

  soup_message_set_request_body_from_bytes (message, "application/json", request);
  answer = soup_session_send_and_read (bench->session, message, NULL, error);
  if (answer == NULL)
    return NULL;

  if (soup_message_get_status (message) != SOUP_STATUS_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: HTTP %u", what,
                   soup_message_get_status (message));
      return NULL;
    }

  if (!json_parser_load_from_data (parser, g_bytes_get_data (answer, NULL),
                                   g_bytes_get_size (answer), error))
    return NULL;

  return rpc_result (parser, what, error);
}

/* The fake Odoo */

static guint16
find_free_port (GError **error)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, error);
  if (socket == NULL || !g_socket_bind (socket, address, FALSE, error) ||
      !(bound = g_socket_get_local_address (socket, error)))
    return 0;

  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

static void
server_stop (Server *server)
{
  if (server->pid > 0)
    {
      int status;

      kill (server->pid, SIGTERM);
      while (waitpid (server->pid, &status, 0) < 0 && errno == EINTR)
        ;
      g_spawn_close_pid (server->pid);
      server->pid = 0;
    }

  g_clear_pointer (&server->url, g_free);
  g_clear_pointer (&server->endpoint, g_free);
  server->uid = 0;
  server->total = 0;
}

/* Waits until the server signs us in and counts every seeded submission.
 * It listens before it seeds, so it may first answer with the transcripts'
 * rows alone; seeding holds its lock throughout, so a count of at least
 * @n_rows means seeding is done. */
static gboolean
server_wait_ready (Bench   *bench,
                   Server  *server,
                   gint64   n_rows,
                   GError **error)
{
  gint64 deadline = g_get_monotonic_time () + READY_TIMEOUT_S * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) local_error = NULL;
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autofree char *body = NULL;
      JsonNode *result;
      int status;

      if (waitpid (server->pid, &status, WNOHANG) == server->pid)
        {
          g_spawn_close_pid (server->pid);
          server->pid = 0;
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_ADDRESS_IN_USE,
                       "fake-odoo exited before it answered");
          return FALSE;
        }

      json_builder_begin_array (builder);
      json_builder_add_string_value (builder, DATABASE);
      json_builder_add_string_value (builder, LOGIN);
      json_builder_add_string_value (builder, PASSWORD);
      json_builder_begin_object (builder);
      json_builder_end_object (builder);
      json_builder_end_array (builder);
      body = rpc_body ("common", "authenticate", json_builder_get_root (builder), 1);

      result = rpc_call (bench, server, body, "common.authenticate", parser, &local_error);
      if (result == NULL)
        {
          g_usleep (20 * 1000);
          continue;
        }

      if (!JSON_NODE_HOLDS_VALUE (result) || json_node_get_value_type (result) != G_TYPE_INT64)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "fake-odoo refused %s/%s",
                       LOGIN, PASSWORD);
          return FALSE;
        }
      server->uid = json_node_get_int (result);

      g_clear_object (&builder);
      g_clear_pointer (&body, g_free);
      builder = json_builder_new ();
      json_builder_begin_array (builder);
      json_builder_add_string_value (builder, DATABASE);
      json_builder_add_int_value (builder, server->uid);
      json_builder_add_string_value (builder, PASSWORD);
      json_builder_add_string_value (builder, MODEL);
      json_builder_add_string_value (builder, "search_count");
      json_builder_begin_array (builder);
      json_builder_begin_array (builder);
      json_builder_end_array (builder);
      json_builder_end_array (builder);
      json_builder_end_array (builder);
      body = rpc_body ("object", "execute_kw", json_builder_get_root (builder), 2);

      if (!(result = rpc_call (bench, server, body, MODEL ".search_count", parser, error)))
        return FALSE;
      if (!JSON_NODE_HOLDS_VALUE (result) || json_node_get_value_type (result) != G_TYPE_INT64)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "search_count gave no number");
          return FALSE;
        }

      server->total = json_node_get_int (result);
      if (server->total >= n_rows)
        return TRUE;

      g_usleep (20 * 1000);
    }

  if (server->total > 0)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                 "fake-odoo had %" G_GINT64_FORMAT " submissions after %d s, not at least %"
                 G_GINT64_FORMAT, server->total, READY_TIMEOUT_S, n_rows);
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                 "fake-odoo did not answer within %d s", READY_TIMEOUT_S);

  return FALSE;
}

/* Starts fake-odoo on a free port. The port is free when we look; should
 * another process take it before the server binds it, the server exits
 * and we try another. */
static gboolean
server_start (Bench   *bench,
              Server  *server,
              gint64   n_rows,
              GError **error)
{
  for (guint attempt = 1; ; attempt++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *port = NULL;
      g_autofree char *kpis = g_strdup_printf ("%u", bench->n_kpis);
      g_autofree char *rows = g_strdup_printf ("%" G_GINT64_FORMAT, n_rows);
      g_autofree char *log = g_build_filename (bench->dir, "fake-odoo.log", NULL);
      guint16 number = find_free_port (error);

      if (number == 0)
        return FALSE;

      port = g_strdup_printf ("%u", number);
      {
        const char *argv[] = {
          bench->fake_odoo, "--port", port, "--kpis", kpis, "--submissions", rows, NULL
        };

        if (!spawn (bench, argv, NULL, log, &server->pid, error))
          return FALSE;
      }

      server->url = g_strdup_printf ("http://127.0.0.1:%u", number);
      server->endpoint = g_strconcat (server->url, "/jsonrpc", NULL);

      if (server_wait_ready (bench, server, n_rows, &local_error))
        return TRUE;

      server_stop (server);
      if (attempt >= N_PORT_TRIES ||
          !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_ADDRESS_IN_USE))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }
}

/* The clients */

static gboolean
run_ours (Bench       *bench,
          Server      *server,
          const char  *dir,
          Sample      *sample,
          GError     **error)
{
  g_autofree char *store = g_build_filename (dir, "scorecard.db", NULL);
  const char *login_argv[] = {
    bench->cli, "--store", store, "login", "--url", server->url,
    "--database", DATABASE, "--user", LOGIN, NULL
  };
  const char *sync_argv[] = { bench->cli, "--store", store, "sync", NULL };
  gint64 count;

  if (!run_timed (bench, login_argv, bench->password_path, NULL, NULL, error) ||
      !run_timed (bench, sync_argv, NULL, NULL, sample, error))
    return FALSE;

  count = count_rows (store, "SELECT count(*) FROM submissions WHERE odoo_id IS NOT NULL", error);

  return count >= 0 && check_count ("scorecard-cli sync", count, server->total, error);
}

static gboolean
run_python (Bench       *bench,
            Server      *server,
            const char  *dir,
            Sample      *sample,
            GError     **error)
{
  g_autofree char *db = g_build_filename (dir, "python.db", NULL);
  g_autofree char *page_size = g_strdup_printf ("%u", PAGE_SIZE);
  const char *argv[] = {
    bench->python, bench->script, server->url, DATABASE, LOGIN, db, page_size, NULL
  };
  gint64 count;

  if (!run_timed (bench, argv, bench->password_path, NULL, sample, error))
    return FALSE;

  count = count_rows (db, "SELECT count(*) FROM submissions", error);

  return count >= 0 && check_count ("pull-python.py", count, server->total, error);
}

/* The untimed first pass: one curl per page, the next body from the last
 * row of each answer. Writes curl.conf, which fetches every page again
 * from one process, and returns each page's size in @sizes. */
static gboolean
discover_pages (Bench    *bench,
                Server   *server,
                GArray   *sizes,
                GError  **error)
{
  g_autofree char *config_path = g_build_filename (bench->dir, "curl.conf", NULL);
  g_autoptr(GString) config = g_string_new (NULL);
  g_autofree char *write_date = NULL;
  gint64 last_id = 0;
  gint64 total = 0;

  g_array_set_size (sizes, 0);

  for (guint page = 0; ; page++)
    {
      g_autofree char *body = search_read_body (server->uid, write_date, last_id, page + 1);
      g_autofree char *body_name = g_strdup_printf ("page-%04u.json", page);
      g_autofree char *out_name = g_strdup_printf ("page-%04u.out", page);
      g_autofree char *body_path = g_build_filename (bench->dir, body_name, NULL);
      g_autofree char *out_path = g_build_filename (bench->dir, out_name, NULL);
      g_autofree char *data_arg = g_strconcat ("@", body_path, NULL);
      g_autoptr(JsonParser) parser = json_parser_new ();
      const char *argv[] = {
        bench->curl, "--silent", "--show-error", "--fail",
        "--header", "Content-Type: application/json",
        "--data-binary", data_arg, "--output", out_path, server->endpoint, NULL
      };
      g_autofree char *what = g_strdup_printf ("curl page %u", page);
      JsonNode *result;
      JsonArray *rows;
      JsonObject *last;
      guint n;
      GStatBuf st;
      gint64 size;

      if (!g_file_set_contents (body_path, body, -1, error) ||
          !run_timed (bench, argv, NULL, NULL, NULL, error))
        return FALSE;

      if (g_stat (out_path, &st) != 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s wrote no %s", what, out_path);
          return FALSE;
        }
      size = st.st_size;
      g_array_append_val (sizes, size);

      if (!json_parser_load_from_file (parser, out_path, error) ||
          !(result = rpc_result (parser, what, error)))
        return FALSE;
      if (!JSON_NODE_HOLDS_ARRAY (result))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: no list of rows", what);
          return FALSE;
        }

      g_string_append_printf (config,
                              "url = \"%s\"\n"
                              "silent\n"
                              "show-error\n"
                              "fail\n"
                              "header = \"Content-Type: application/json\"\n"
                              "data-binary = \"@%s\"\n"
                              "output = \"%s\"\n",
                              server->endpoint, body_path, out_path);

      rows = json_node_get_array (result);
      n = json_array_get_length (rows);
      total += n;
      if (n < PAGE_SIZE)
        break;

      g_string_append (config, "next\n");
      last = json_array_get_object_element (rows, n - 1);
      g_free (write_date);
      write_date = g_strdup (json_object_get_string_member_with_default (last, "write_date", ""));
      last_id = json_object_get_int_member_with_default (last, "id", 0);
    }

  if (!check_count ("curl", total, server->total, error))
    return FALSE;

  return g_file_set_contents (config_path, config->str, config->len, error);
}

static gboolean
run_curl (Bench    *bench,
          GArray   *sizes,
          Sample   *sample,
          GError  **error)
{
  g_autofree char *config_path = g_build_filename (bench->dir, "curl.conf", NULL);
  const char *argv[] = { bench->curl, "--config", config_path, NULL };

  for (guint page = 0; page < sizes->len; page++)
    {
      g_autofree char *out_name = g_strdup_printf ("page-%04u.out", page);
      g_autofree char *out_path = g_build_filename (bench->dir, out_name, NULL);

      g_unlink (out_path);
    }

  if (!run_timed (bench, argv, NULL, NULL, sample, error))
    return FALSE;

  /* Same bodies, same server state: the same answers, byte for byte. */
  for (guint page = 0; page < sizes->len; page++)
    {
      g_autofree char *out_name = g_strdup_printf ("page-%04u.out", page);
      g_autofree char *out_path = g_build_filename (bench->dir, out_name, NULL);
      GStatBuf st;

      if (g_stat (out_path, &st) != 0 || st.st_size != g_array_index (sizes, gint64, page))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       "curl -K: page %u did not come back as in the first pass", page);
          return FALSE;
        }
    }

  return TRUE;
}

static void
remove_pages (Bench *bench,
              guint  n_pages)
{
  g_autofree char *config_path = g_build_filename (bench->dir, "curl.conf", NULL);

  for (guint page = 0; page < n_pages; page++)
    {
      g_autofree char *body_name = g_strdup_printf ("page-%04u.json", page);
      g_autofree char *out_name = g_strdup_printf ("page-%04u.out", page);
      g_autofree char *body_path = g_build_filename (bench->dir, body_name, NULL);
      g_autofree char *out_path = g_build_filename (bench->dir, out_name, NULL);

      g_unlink (body_path);
      g_unlink (out_path);
    }
  g_unlink (config_path);
}

/* The figures */

static gboolean
bench_rows (Bench    *bench,
            gint64    n_rows,
            Result   *result,
            GError  **error)
{
  Server server = { 0, };
  g_autoptr(GArray) sizes = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree Sample *ours = g_new0 (Sample, bench->n_runs);
  g_autofree Sample *curl = g_new0 (Sample, bench->n_runs);
  g_autofree Sample *python = g_new0 (Sample, bench->n_runs);
  gboolean ok = FALSE;

  result->rows = n_rows;
  result->have_curl = bench->curl != NULL;
  result->have_python = bench->python != NULL;

  if (!server_start (bench, &server, n_rows, error))
    return FALSE;
  result->total = server.total;

  g_print ("# %" G_GINT64_FORMAT " submissions (%" G_GINT64_FORMAT " on the server) at %s\n",
           n_rows, server.total, server.url);

  /* Also the warm-up: the server's first search is its slowest. */
  if (result->have_curl && !discover_pages (bench, &server, sizes, error))
    goto out;
  result->n_pages = sizes->len;

  for (guint run = 0; run < bench->n_runs; run++)
    {
      g_autofree char *name = g_strdup_printf ("run-%" G_GINT64_FORMAT "-%u", n_rows, run + 1);
      g_autofree char *dir = g_build_filename (bench->dir, name, NULL);
      g_autofree char *keyring = g_build_filename (dir, "keyring", NULL);

      rm_rf (dir);
      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno),
                       "Cannot create %s: %s", dir, g_strerror (errno));
          goto out;
        }
      bench->envp = g_environ_setenv (bench->envp, "SECRET_FILE_TEST_PATH", keyring, TRUE);

      if (!run_ours (bench, &server, dir, &ours[run], error))
        goto out;
      g_print ("run %u: ours %.3f s (%.3f s CPU, %.1f MB)", run + 1,
               ours[run].usec / 1e6, ours[run].cpu_usec / 1e6, ours[run].maxrss_kb / 1024.0);

      if (result->have_curl)
        {
          if (!run_curl (bench, sizes, &curl[run], error))
            goto out;
          g_print (", curl %.3f s", curl[run].usec / 1e6);
        }

      if (result->have_python)
        {
          if (!run_python (bench, &server, dir, &python[run], error))
            goto out;
          g_print (", python %.3f s (%.3f s CPU, %.1f MB)", python[run].usec / 1e6,
                   python[run].cpu_usec / 1e6, python[run].maxrss_kb / 1024.0);
        }
      g_print ("\n");

      if (!bench->keep)
        rm_rf (dir);
    }

  result->ours = summarize (ours, bench->n_runs);
  if (result->have_curl)
    {
      g_autofree double *ratios = g_new (double, bench->n_runs);

      for (guint run = 0; run < bench->n_runs; run++)
        ratios[run] = ours[run].usec / (double)MAX (curl[run].usec, 1);
      result->curl = summarize (curl, bench->n_runs);
      result->curl_ratio = median (ratios, bench->n_runs);
    }
  if (result->have_python)
    {
      g_autofree double *ratios = g_new (double, bench->n_runs);

      for (guint run = 0; run < bench->n_runs; run++)
        ratios[run] = python[run].usec / (double)MAX (ours[run].usec, 1);
      result->python = summarize (python, bench->n_runs);
      result->python_ratio = median (ratios, bench->n_runs);
    }
  ok = TRUE;

out:
  server_stop (&server);
  if (!bench->keep)
    remove_pages (bench, sizes->len);

  return ok;
}

static void
print_results (Bench  *bench,
               Result *results,
               guint   n_results)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;

  g_print ("\n%8s %8s %9s %8s %8s %10s %9s %10s %9s\n",
           "rows", "ours s", "rows/s", "ours MB", "curl s", "ours/curl",
           "python s", "py/ours", "python MB");
  for (guint i = 0; i < n_results; i++)
    {
      Result *r = &results[i];
      g_autofree char *curl_s = r->have_curl ? g_strdup_printf ("%.3f", r->curl.seconds) : g_strdup ("-");
      g_autofree char *curl_ratio = r->have_curl ? g_strdup_printf ("%.2f", r->curl_ratio)
                                                 : g_strdup ("-");
      g_autofree char *python_s = r->have_python ? g_strdup_printf ("%.3f", r->python.seconds)
                                                 : g_strdup ("-");
      g_autofree char *python_ratio = r->have_python
                                      ? g_strdup_printf ("%.2f", r->python_ratio)
                                      : g_strdup ("-");
      g_autofree char *python_mb = r->have_python ? g_strdup_printf ("%.1f", r->python.rss_mb)
                                                  : g_strdup ("-");

      g_print ("%8" G_GINT64_FORMAT " %8.3f %9.0f %8.1f %8s %10s %9s %10s %9s\n",
               r->total, r->ours.seconds, r->total / MAX (r->ours.seconds, 1e-9), r->ours.rss_mb,
               curl_s, curl_ratio, python_s, python_ratio, python_mb);
    }
  g_print ("(medians of %u runs, ratios of each run's times; "
           "ours/curl goal <= %.1f, py/ours goal >= %.1f)\n\n",
           bench->n_runs, GOAL_CURL_RATIO, GOAL_PYTHON_RATIO);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "bench");
  json_builder_add_string_value (builder, "sync");
  json_builder_set_member_name (builder, "runs");
  json_builder_add_int_value (builder, bench->n_runs);
  json_builder_set_member_name (builder, "kpis");
  json_builder_add_int_value (builder, bench->n_kpis);
  json_builder_set_member_name (builder, "page_size");
  json_builder_add_int_value (builder, PAGE_SIZE);
  json_builder_set_member_name (builder, "results");
  json_builder_begin_array (builder);

  for (guint i = 0; i < n_results; i++)
    {
      Result *r = &results[i];
      const char *key = NULL;

      g_print ("sync.%" G_GINT64_FORMAT ".ours: %.0f rows/s [%.3f s, %.3f s CPU, peak RSS %.1f MB]\n",
               r->rows, r->total / MAX (r->ours.seconds, 1e-9), r->ours.seconds,
               r->ours.cpu_seconds, r->ours.rss_mb);
      if (r->have_curl)
        {
          double ratio = r->curl_ratio;

          g_print ("sync.%" G_GINT64_FORMAT ".curl_ratio: %.2f ours/curl (goal <= %.1f, %s) "
                   "[curl %.3f s, %u pages, %.3f s CPU]\n",
                   r->rows, ratio, GOAL_CURL_RATIO, verdict (ratio <= GOAL_CURL_RATIO),
                   r->curl.seconds, r->n_pages, r->curl.cpu_seconds);
        }
      else
        g_print ("sync.%" G_GINT64_FORMAT ".curl_ratio: skipped (no curl: set CURL)\n", r->rows);

      if (r->have_python)
        {
          double ratio = r->python_ratio;

          g_print ("sync.%" G_GINT64_FORMAT ".python_ratio: %.2f python/ours (goal >= %.1f, %s) "
                   "[python %.3f s, %.3f s CPU, peak RSS %.1f MB]\n",
                   r->rows, ratio, GOAL_PYTHON_RATIO, verdict (ratio >= GOAL_PYTHON_RATIO),
                   r->python.seconds, r->python.cpu_seconds, r->python.rss_mb);
        }
      else
        g_print ("sync.%" G_GINT64_FORMAT ".python_ratio: skipped (no python3: set PYTHON3)\n",
                 r->rows);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "rows");
      json_builder_add_int_value (builder, r->rows);
      json_builder_set_member_name (builder, "server_rows");
      json_builder_add_int_value (builder, r->total);
      json_builder_set_member_name (builder, "ours_seconds");
      json_builder_add_double_value (builder, r->ours.seconds);
      json_builder_set_member_name (builder, "ours_cpu_seconds");
      json_builder_add_double_value (builder, r->ours.cpu_seconds);
      json_builder_set_member_name (builder, "ours_rows_per_s");
      json_builder_add_double_value (builder, r->total / MAX (r->ours.seconds, 1e-9));
      json_builder_set_member_name (builder, "ours_peak_rss_mb");
      json_builder_add_double_value (builder, r->ours.rss_mb);

      for (guint k = 0; k < 2; k++)
        {
          gboolean have = k == 0 ? r->have_curl : r->have_python;
          Figure *figure = k == 0 ? &r->curl : &r->python;

          key = k == 0 ? "curl" : "python";
          json_builder_set_member_name (builder, key);
          if (!have)
            {
              json_builder_add_null_value (builder);
              continue;
            }
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "seconds");
          json_builder_add_double_value (builder, figure->seconds);
          json_builder_set_member_name (builder, "cpu_seconds");
          json_builder_add_double_value (builder, figure->cpu_seconds);
          json_builder_set_member_name (builder, "peak_rss_mb");
          json_builder_add_double_value (builder, figure->rss_mb);
          json_builder_set_member_name (builder, "ratio");
          json_builder_add_double_value (builder, k == 0 ? r->curl_ratio : r->python_ratio);
          json_builder_set_member_name (builder, "goal_met");
          json_builder_add_boolean_value (builder,
                                          k == 0 ? r->curl_ratio <= GOAL_CURL_RATIO
                                                 : r->python_ratio >= GOAL_PYTHON_RATIO);
          json_builder_end_object (builder);
        }
      json_builder_end_object (builder);
    }

  json_builder_end_array (builder);
  json_builder_end_object (builder);

  if (n_results > 1)
    g_print ("sync.peak_rss: %.1f MB at %" G_GINT64_FORMAT " rows, %.1f MB at %" G_GINT64_FORMAT
             " rows (x%.2f for x%.0f rows; goal: no growth with the row count)\n",
             results[0].ours.rss_mb, results[0].total,
             results[n_results - 1].ours.rss_mb, results[n_results - 1].total,
             results[n_results - 1].ours.rss_mb / MAX (results[0].ours.rss_mb, 1e-9),
             (double)results[n_results - 1].total / MAX (results[0].total, 1));

  root = json_builder_get_root (builder);
  json = json_to_string (root, FALSE);
  g_print ("%s\n", json);
}

/* The interpreter itself, so that a launcher in front of it (a pyenv shim
 * is a shell script) does not count against Python's time. */
static char *
resolve_python (const char *python)
{
  const char *argv[] = { python, "-c", "import sys; print(sys.executable)", NULL };
  g_autofree char *out = NULL;
  int wait_status = 0;

  if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDIN_FROM_DEV_NULL, NULL, NULL,
                     &out, NULL, &wait_status, NULL) ||
      !g_spawn_check_wait_status (wait_status, NULL))
    return NULL;

  g_strstrip (out);
  if (*out == '\0' || !g_file_test (out, G_FILE_TEST_IS_EXECUTABLE))
    return g_strdup (python);

  return g_steal_pointer (&out);
}

static const char *
find_tool (const char *env,
           const char *name,
           char      **owned)
{
  const char *path = g_getenv (env);

  if (path != NULL && *path != '\0')
    return g_file_test (path, G_FILE_TEST_IS_EXECUTABLE) ? path : NULL;

  *owned = g_find_program_in_path (name);

  return *owned;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *keep = NULL;
  g_autofree char *rows_list = NULL;
  g_autofree char *curl_owned = NULL;
  g_autofree char *python_owned = NULL;
  g_autofree char *script_owned = NULL;
  g_auto(GStrv) rows = NULL;
  g_autofree Result *results = NULL;
  int n_runs = 3;
  int n_kpis = 100;
  guint n_results = 0;
  Bench bench = { 0, };
  gboolean ok = TRUE;
  const GOptionEntry entries[] = {
    { "rows", 0, 0, G_OPTION_ARG_STRING, &rows_list,
      "Submissions to seed, comma-separated (10000,100000)", "N,…" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &n_runs, "Runs of each client per N (3)", "N" },
    { "kpis", 0, 0, G_OPTION_ARG_INT, &n_kpis, "KPIs the submissions spread over (100)", "N" },
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep, "Work in DIR and keep the files", "DIR" },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                "Measure “scorecard-cli sync” pulling submissions from the fake "
                                "Odoo, against curl and a plain Python client.\n\n"
                                "Tools come from FAKE_ODOO, SCORECARD_CLI, CURL, PYTHON3 and "
                                "PULL_PYTHON (the path of pull-python.py).");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-sync: %s\n", error->message);
      return 2;
    }

  if (n_runs < 1 || n_kpis < 1)
    {
      g_printerr ("bench-sync: --runs and --kpis must be positive\n");
      return 2;
    }

  rows = g_strsplit (rows_list != NULL ? rows_list : "10000,100000", ",", -1);
  results = g_new0 (Result, g_strv_length (rows));
  for (guint i = 0; rows[i] != NULL; i++)
    {
      guint64 n;

      if (!g_ascii_string_to_unsigned (g_strstrip (rows[i]), 10, 1, G_MAXINT, &n, &error))
        {
          g_printerr ("bench-sync: --rows: %s\n", error->message);
          return 2;
        }
      results[n_results++].rows = (gint64)n;
    }

  bench.fake_odoo = g_getenv ("FAKE_ODOO");
  bench.cli = g_getenv ("SCORECARD_CLI");
  if (bench.fake_odoo == NULL || *bench.fake_odoo == '\0' ||
      bench.cli == NULL || *bench.cli == '\0')
    {
      g_print ("bench-sync: skipped: set FAKE_ODOO and SCORECARD_CLI to the built programs\n");
      return 77;
    }

  bench.curl = find_tool ("CURL", "curl", &curl_owned);
  bench.python = find_tool ("PYTHON3", "python3", &python_owned);
  if (bench.python != NULL)
    {
      char *resolved = resolve_python (bench.python);

      g_free (python_owned);
      bench.python = python_owned = resolved;
    }
  bench.script = g_getenv ("PULL_PYTHON");
  if (bench.script == NULL || *bench.script == '\0')
    {
      g_autofree char *here = g_path_get_dirname (argv[0]);

      bench.script = script_owned = g_build_filename (here, "pull-python.py", NULL);
    }
  if (bench.python != NULL && !g_file_test (bench.script, G_FILE_TEST_EXISTS))
    {
      g_print ("bench-sync: no %s: set PULL_PYTHON; Python skipped\n", bench.script);
      bench.python = NULL;
    }
  if (bench.curl == NULL)
    g_print ("bench-sync: no curl (set CURL): curl skipped\n");
  if (bench.python == NULL)
    g_print ("bench-sync: no python3 (set PYTHON3): Python skipped\n");

  bench.n_runs = (guint)n_runs;
  bench.n_kpis = (guint)n_kpis;
  bench.keep = keep != NULL;

  if (keep != NULL)
    {
      if (g_mkdir_with_parents (keep, 0755) != 0)
        {
          g_printerr ("bench-sync: cannot create %s: %s\n", keep, g_strerror (errno));
          return 1;
        }
      bench.dir = g_canonicalize_filename (keep, NULL);
    }
  else if (!(bench.dir = g_dir_make_tmp ("bench-sync-XXXXXX", &error)))
    {
      g_printerr ("bench-sync: %s\n", error->message);
      return 1;
    }

  /* libsecret's file backend, as in the tests: no keyring daemon, no
   * D-Bus. Each run gets its own keyring file. */
  bench.envp = g_get_environ ();
  bench.envp = g_environ_setenv (bench.envp, "SECRET_BACKEND", "file", TRUE);
  bench.envp = g_environ_setenv (bench.envp, "SECRET_FILE_TEST_PASSWORD", "test", TRUE);
  bench.envp = g_environ_setenv (bench.envp, "GSETTINGS_BACKEND", "memory", FALSE);
  bench.password_path = g_build_filename (bench.dir, "password", NULL);
  bench.session = soup_session_new ();

  g_print ("# bench-sync: %u KPIs, %u rows a page, %u runs of each client, in %s\n",
           bench.n_kpis, PAGE_SIZE, bench.n_runs, bench.dir);

  if (!g_file_set_contents (bench.password_path, PASSWORD "\n", -1, &error))
    ok = FALSE;

  for (guint i = 0; ok && i < n_results; i++)
    if (!bench_rows (&bench, results[i].rows, &results[i], &error))
      ok = FALSE;

  if (ok)
    print_results (&bench, results, n_results);
  else
    g_printerr ("bench-sync: %s\n", error != NULL ? error->message : "failed");

  if (!bench.keep)
    rm_rf (bench.dir);
  else
    g_print ("# files kept in %s\n", bench.dir);

  g_clear_object (&bench.session);
  g_strfreev (bench.envp);
  g_free (bench.password_path);
  g_free (bench.dir);

  return ok ? 0 : 1;
}
