/* sc-cli-sync-commands.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-cli"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "sc-json-writer.h"
#include "sc-cli.h"
#include "sc-odoo-client.h"
#include "sc-secrets.h"
#include "sc-store-private.h"
#include "sc-store-thread.h"
#include "sc-sync-account.h"
#include "sc-sync-engine.h"

/* login, sync and status: the commands that talk to Odoo, or say how the
 * last talk went. The password or API key comes from standard input and
 * goes to the Secret Service only (issue 4): never an argument, an
 * environment variable, the store or the output. A GMainLoop drives the
 * asynchronous client and sync engine. */


typedef struct
{
  GMainLoop    *loop;
  GAsyncResult *result;
} Waiter;

typedef struct
{
  gint64  id;
  gint64  created_at;
  char   *operation;
  char   *model;
  char   *state;
  gint64  attempts;
  char   *last_error;
} OutboxEntry;

/* Auxiliary methods */

static void
outbox_entry_free (gpointer data)
{
  OutboxEntry *entry = data;

  g_free (entry->operation);
  g_free (entry->model);
  g_free (entry->state);
  g_free (entry->last_error);
  g_free (entry);
}

static void
waiter_init (Waiter *waiter)
{
  waiter->loop = g_main_loop_new (NULL, FALSE);
  waiter->result = NULL;
}

static void
waiter_clear (Waiter *waiter)
{
  g_clear_object (&waiter->result);
  g_clear_pointer (&waiter->loop, g_main_loop_unref);
}

static void
waiter_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Waiter *waiter = user_data;

  waiter->result = g_object_ref (result);
  g_main_loop_quit (waiter->loop);
}

/* Runs the main loop until the operation started with waiter_done_cb ends;
 * returns its result, which the next call replaces. */
static GAsyncResult *
waiter_wait (Waiter *waiter)
{
  g_clear_object (&waiter->result);
  g_main_loop_run (waiter->loop);

  return waiter->result;
}

static void
secret_wipe_free (char *secret)
{
  if (secret == NULL)
    return;

  explicit_bzero (secret, strlen (secret));
  g_free (secret);
}

static char *
read_secret (const char  *login,
             GError     **error)
{
  g_autofree char *prompt = g_strdup_printf (_("Password or API key for %s: "), login);

  return sc_cli_read_secret (prompt, error);
}

static const char *
role_label (ScOdooRole role)
{
  switch (role)
    {
    case SC_ODOO_ROLE_ADMIN:
      return _("KPI Admin (creates and edits submissions)");
    case SC_ODOO_ROLE_MANAGER:
      return _("KPI Manager (creates submissions, cannot edit them)");
    case SC_ODOO_ROLE_USER:
      return _("KPI User (reads KPIs, cannot submit values)");
    case SC_ODOO_ROLE_NONE:
    default:
      return _("none (the user is in no KPI group)");
    }
}

static void
print_json (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = sc_json_node_to_string (root, TRUE);

  printf ("%s\n", text);
}

static void
add_string_or_null (JsonBuilder *builder,
                    const char  *member,
                    const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/* A UTC ISO 8601 time from the settings, shown in local time. */
static char *
format_local (const char *iso_utc)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (iso_utc == NULL || !(time = g_date_time_new_from_iso8601 (iso_utc, utc)))
    return NULL;

  local = g_date_time_to_local (time);

  return g_date_time_format (local, "%Y-%m-%d %H:%M:%S %Z");
}

/* Not _sc_store_prepare(): its statement cache is for the store's own
 * static SQL. */
static GPtrArray *
read_outbox (ScStore  *store,
             GError  **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (outbox_entry_free);
  sqlite3 *db = _sc_store_get_db (store);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db,
                           "SELECT id, created_at, operation, model, state, attempts, last_error "
                           "FROM outbox ORDER BY id",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _sc_store_set_error (store, error, rc, _("Reading the outbox"));
      return NULL;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      OutboxEntry *entry = g_new0 (OutboxEntry, 1);

      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->created_at = sqlite3_column_int64 (stmt, 1);
      entry->operation = g_strdup (_sc_column_text (stmt, 2));
      entry->model = g_strdup (_sc_column_text (stmt, 3));
      entry->state = g_strdup (_sc_column_text (stmt, 4));
      entry->attempts = sqlite3_column_int64 (stmt, 5);
      entry->last_error = g_strdup (_sc_column_text (stmt, 6));
      g_ptr_array_add (entries, entry);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (store, error, rc, _("Reading the outbox"));
      return NULL;
    }

  return g_steal_pointer (&entries);
}

static gint64
count_conflicts (ScStore *store)
{
  sqlite3_stmt *stmt = NULL;
  gint64 count = 0;

  /* A store from before the sync tables has none. */
  if (sqlite3_prepare_v2 (_sc_store_get_db (store), "SELECT count(*) FROM sync_conflicts", -1,
                          &stmt, NULL) != SQLITE_OK)
    return 0;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return count;
}

static void
print_entry (FILE              *stream,
             const OutboxEntry *entry)
{
  fprintf (stream, _("  #%" G_GINT64_FORMAT " %s %s (%" G_GINT64_FORMAT " attempts): %s\n"),
           entry->id, entry->operation, entry->model, entry->attempts,
           entry->last_error != NULL ? entry->last_error : _("no error yet"));
}

static void
add_entry_json (JsonBuilder       *builder,
                const OutboxEntry *entry)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, entry->id);
  json_builder_set_member_name (builder, "created_at");
  json_builder_add_int_value (builder, entry->created_at);
  add_string_or_null (builder, "operation", entry->operation);
  add_string_or_null (builder, "model", entry->model);
  add_string_or_null (builder, "state", entry->state);
  json_builder_set_member_name (builder, "attempts");
  json_builder_add_int_value (builder, entry->attempts);
  add_string_or_null (builder, "last_error", entry->last_error);
  json_builder_end_object (builder);
}

/* Waits until the store thread's jobs have dropped their references (on
 * that thread), so that ours is the last and it is not finalised on itself. */
/* On a terminal, one line that counts up while a model is pulled. */
static void
on_engine_progress_cb (ScSyncEngine *engine,
                       const char   *model,
                       guint         done,
                       guint64       total,
                       gpointer      user_data)
{
  gboolean *shown = user_data;

  if (total == 0)
    return;

  fprintf (stderr, "\r\033[K");
  fprintf (stderr, _("Pulling %s: %u of %u (%u %%)"), model, done, (guint) MIN (total, G_MAXUINT),
           (guint) (100 * (guint64) done / total));
  fflush (stderr);
  *shown = TRUE;
}

static void
release_store_thread (ScStoreThread *thread)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (G_OBJECT (thread)->ref_count > 1 && g_get_monotonic_time () < deadline)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  g_object_unref (thread);
}

/* Commands */

int
sc_cli_cmd_login (ScCliGlobals  *globals,
                  int            argc,
                  char         **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(ScStore) store = NULL;
  g_autoptr(ScOdooClient) client = NULL;
  g_autoptr(ScOdooVersion) version = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *database = NULL;
  g_autofree char *login = NULL;
  g_autoptr(ScSyncAccount) old = NULL;
  ScSyncAccount account = { 0 };
  char *secret = NULL;
  const char *server_url;
  gboolean json = FALSE;
  gboolean addon;
  ScOdooRole role;
  Waiter waiter;
  gint64 uid = 0;
  int status;
  const GOptionEntry entries[] = {
    { "url", 0, 0, G_OPTION_ARG_STRING, &url, N_("The Odoo server, such as https://odoo.example.com"),
      N_("URL") },
    { "database", 'd', 0, G_OPTION_ARG_STRING, &database, N_("The Odoo database"), N_("DB") },
    { "user", 'u', 0, G_OPTION_ARG_STRING, &login, N_("Your Odoo login"), N_("LOGIN") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  g_option_context_set_summary (context,
                                _("Check an Odoo account and remember it for “sync”. The password "
                                  "or API key is read from the first line of standard input (not "
                                  "shown on a terminal) and saved in the keyring, never in the "
                                  "store."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = sc_cli_parse_options (context, &argc, &argv)) != SC_CLI_EXIT_OK)
    return status;

  if (argc > 1)
    return sc_cli_usage_error (context, _("login takes no arguments; the password is read from "
                                          "standard input"));
  if (url == NULL || *url == '\0' || database == NULL || *database == '\0' ||
      login == NULL || *login == '\0')
    return sc_cli_usage_error (context, _("login needs --url, --database and --user"));

  if (!(store = sc_cli_open_store (globals, &error)))
    return sc_cli_data_error (error);

  if (!(secret = read_secret (login, &error)))
    return sc_cli_usage_error (NULL, "%s", error->message);

  client = sc_odoo_client_new (url, database);
  server_url = sc_odoo_client_get_url (client);
  old = sc_sync_account_load (store);
  /* A certificate trusted in the app for this server stays trusted. */
  if (g_strcmp0 (old->url, server_url) == 0)
    sc_odoo_client_set_pinned_certificate (client, old->certificate);
  waiter_init (&waiter);

  sc_odoo_client_version_async (client, NULL, waiter_done_cb, &waiter);
  version = sc_odoo_client_version_finish (client, waiter_wait (&waiter), &error);
  if (version != NULL)
    {
      sc_odoo_client_login_async (client, login, secret, NULL, waiter_done_cb, &waiter);
      uid = sc_odoo_client_login_finish (client, waiter_wait (&waiter), &error);
    }
  waiter_clear (&waiter);

  if (version == NULL || uid <= 0)
    {
      secret_wipe_free (secret);
      return sc_cli_data_error (error);
    }

  if (!sc_secrets_store_sync (server_url, database, login, secret, NULL, &error))
    {
      secret_wipe_free (secret);
      return sc_cli_data_error (error);
    }
  secret_wipe_free (secret);

  role = sc_odoo_client_get_role (client);
  addon = sc_odoo_client_get_addon_installed (client);

  account.url = (char *)server_url;
  account.database = database;
  account.login = login;
  account.role = role;
  account.certificate = (char *)sc_odoo_client_get_pinned_certificate (client);
  if (!sc_sync_account_save (store, &account, &error))
    return sc_cli_data_error (error);

  /* Another account replaced: its password has no use any more. */
  if (sc_sync_account_is_configured (old) && !sc_sync_account_same_identity (old, &account))
    sc_secrets_clear_sync (old->url, old->database, old->login, NULL, NULL);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      add_string_or_null (builder, "url", server_url);
      add_string_or_null (builder, "database", database);
      add_string_or_null (builder, "login", login);
      json_builder_set_member_name (builder, "uid");
      json_builder_add_int_value (builder, uid);
      add_string_or_null (builder, "server_version", version->server_version);
      add_string_or_null (builder, "role", sc_odoo_role_to_string (role));
      json_builder_set_member_name (builder, "addon_installed");
      json_builder_add_boolean_value (builder, addon);
      json_builder_end_object (builder);
      print_json (builder);
    }
  else
    {
      printf (_("Logged in to %s (database %s) as %s.\n"), server_url, database, login);
      printf (_("Odoo %s; your KPI role: %s.\n"), version->server_version, role_label (role));
      if (addon)
        printf ("%s\n", _("The kpi_tracking addon is installed."));
      else
        printf ("%s\n", _("The kpi_tracking addon is not installed on this database: there is "
                          "nothing to sync until it is."));
      printf ("%s\n", _("The password is saved in the keyring; run “scorecard-cli sync”."));
    }

  return SC_CLI_EXIT_OK;
}

int
sc_cli_cmd_sync (ScCliGlobals  *globals,
                 int            argc,
                 char         **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(ScStore) store = NULL;
  g_autoptr(ScOdooClient) client = NULL;
  g_autoptr(ScSyncEngine) engine = NULL;
  g_autoptr(ScSyncReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GHashTable) failed_before = NULL;
  guint alert_events = 0;
  guint alerts_delivered = 0;
  g_autoptr(GPtrArray) newly_failed = NULL;
  g_autoptr(ScSyncAccount) account = NULL;
  g_autoptr(GDateTime) now = NULL;
  const char *url;
  const char *database;
  const char *login;
  ScStoreThread *thread = NULL;
  char *secret = NULL;
  gboolean json = FALSE;
  Waiter waiter;
  gint64 uid = 0;
  int status;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  g_option_context_set_summary (context,
                                _("Push the changes waiting in the outbox to Odoo and pull what "
                                  "changed there, with the account saved by “login”."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = sc_cli_parse_options (context, &argc, &argv)) != SC_CLI_EXIT_OK)
    return status;

  if (argc > 1)
    return sc_cli_usage_error (context, _("sync takes no arguments"));

  if (!(store = sc_cli_open_store (globals, &error)))
    return sc_cli_data_error (error);

  account = sc_sync_account_load (store);
  url = account->url;
  database = account->database;
  login = account->login;
  if (!sc_sync_account_is_configured (account))
    {
      fprintf (stderr, _("scorecard-cli: no Odoo server is set up for the store “%s”; run "
                         "“scorecard-cli login” first\n"),
               sc_store_get_path (store));
      return SC_CLI_EXIT_DATA;
    }

  if (!(secret = sc_secrets_lookup_sync (url, database, login, NULL, &error)))
    return sc_cli_data_error (error);

  /* Which entries had already failed, to name only the new failures. */
  if (!(before = read_outbox (store, &error)))
    {
      sc_secrets_free (secret);
      return sc_cli_data_error (error);
    }
  failed_before = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint i = 0; i < before->len; i++)
    {
      OutboxEntry *entry = g_ptr_array_index (before, i);

      if (g_strcmp0 (entry->state, "failed") == 0)
        g_hash_table_insert (failed_before, g_memdup2 (&entry->id, sizeof entry->id),
                             g_memdup2 (&entry->attempts, sizeof entry->attempts));
    }

  client = sc_odoo_client_new (url, database);
  sc_odoo_client_set_pinned_certificate (client, account->certificate);
  waiter_init (&waiter);

  sc_odoo_client_login_async (client, login, secret, NULL, waiter_done_cb, &waiter);
  uid = sc_odoo_client_login_finish (client, waiter_wait (&waiter), &error);
  sc_secrets_free (secret);

  if (uid > 0 && (thread = sc_store_thread_new (sc_store_get_path (store), &error)) != NULL)
    {
      gboolean progress_shown = FALSE;

      engine = sc_sync_engine_new (thread, client);
      if (isatty (STDERR_FILENO))
        g_signal_connect (engine, "progress", G_CALLBACK (on_engine_progress_cb), &progress_shown);
      sc_sync_engine_sync_async (engine, NULL, waiter_done_cb, &waiter);
      report = sc_sync_engine_sync_finish (engine, waiter_wait (&waiter), &error);
      if (progress_shown)
        fprintf (stderr, "\r\033[K");
    }
  waiter_clear (&waiter);
  g_clear_object (&engine);
  if (thread != NULL)
    release_store_thread (thread);

  if (report == NULL)
    return sc_cli_data_error (error);

  now = g_date_time_new_now_utc ();
  if (!sc_sync_account_set_synced (store, sc_odoo_client_get_role (client), now, &error))
    return sc_cli_data_error (error);
  g_free (account->last_sync);
  account->last_sync = sc_store_get_setting (store, SC_SYNC_SETTING_LAST_SYNC);

  sc_cli_alerts_after_sync (store, &alert_events, &alerts_delivered);

  if (!(after = read_outbox (store, &error)))
    return sc_cli_data_error (error);

  newly_failed = g_ptr_array_new ();
  for (guint i = 0; i < after->len; i++)
    {
      OutboxEntry *entry = g_ptr_array_index (after, i);
      gint64 *attempts;

      if (g_strcmp0 (entry->state, "failed") != 0)
        continue;
      attempts = g_hash_table_lookup (failed_before, &entry->id);
      if (attempts == NULL || *attempts != entry->attempts)
        g_ptr_array_add (newly_failed, entry);
    }

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      add_string_or_null (builder, "url", url);
      add_string_or_null (builder, "database", database);
      add_string_or_null (builder, "login", login);
      add_string_or_null (builder, "last_sync", account->last_sync);
      json_builder_set_member_name (builder, "pulled");
      json_builder_begin_object (builder);
      for (int model = 0; model < SC_SYNC_N_MODELS; model++)
        {
          json_builder_set_member_name (builder, sc_sync_model_name (model));
          json_builder_add_int_value (builder, report->pulled[model]);
        }
      json_builder_end_object (builder);
      json_builder_set_member_name (builder, "deleted");
      json_builder_add_int_value (builder, report->deleted);
      json_builder_set_member_name (builder, "pushed");
      json_builder_add_int_value (builder, report->pushed);
      json_builder_set_member_name (builder, "failed");
      json_builder_add_int_value (builder, report->failed);
      json_builder_set_member_name (builder, "conflicts");
      json_builder_add_int_value (builder, report->conflicts);
      json_builder_set_member_name (builder, "notes");
      json_builder_begin_array (builder);
      for (guint i = 0; report->notes != NULL && i < report->notes->len; i++)
        json_builder_add_string_value (builder, g_ptr_array_index (report->notes, i));
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "alert_events");
      json_builder_add_int_value (builder, alert_events);
      json_builder_set_member_name (builder, "alerts_delivered");
      json_builder_add_int_value (builder, alerts_delivered);
      json_builder_set_member_name (builder, "failed_entries");
      json_builder_begin_array (builder);
      for (guint i = 0; i < newly_failed->len; i++)
        add_entry_json (builder, g_ptr_array_index (newly_failed, i));
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      print_json (builder);
    }
  else
    {
      printf (_("Synced with %s (database %s) as %s.\n"), url, database, login);
      printf (_("Pulled: %u users, %u report groups, %u KPIs, %u submissions, %u group scores.\n"),
              report->pulled[SC_SYNC_MODEL_USERS], report->pulled[SC_SYNC_MODEL_GROUPS],
              report->pulled[SC_SYNC_MODEL_KPIS], report->pulled[SC_SYNC_MODEL_SUBMISSIONS],
              report->pulled[SC_SYNC_MODEL_GROUP_SUBMISSIONS]);
      printf (_("Deleted locally: %u. Pushed: %u. Failed: %u. Conflicts: %u.\n"),
              report->deleted, report->pushed, report->failed, report->conflicts);
      for (guint i = 0; report->notes != NULL && i < report->notes->len; i++)
        printf (_("Note: %s.\n"), (const char *) g_ptr_array_index (report->notes, i));
      if (alert_events > 0 || alerts_delivered > 0)
        printf (_("Alerts: %u new, %u notifications sent.\n"), alert_events, alerts_delivered);
    }

  if (newly_failed->len > 0 || report->failed > 0)
    {
      fprintf (stderr, _("scorecard-cli: the server refused %u change(s); they stay in the "
                         "outbox, marked failed:\n"),
               MAX (report->failed, newly_failed->len));
      for (guint i = 0; i < newly_failed->len; i++)
        print_entry (stderr, g_ptr_array_index (newly_failed, i));
      return SC_CLI_EXIT_DATA;
    }

  return SC_CLI_EXIT_OK;
}

int
sc_cli_cmd_status (ScCliGlobals  *globals,
                   int            argc,
                   char         **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(ScStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) outbox = NULL;
  g_autoptr(ScSyncAccount) account = NULL;
  const char *url;
  const char *database;
  const char *login;
  const char *last_sync;
  guint n_pending = 0;
  guint n_failed = 0;
  gint64 n_conflicts;
  gboolean json = FALSE;
  int status;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  g_option_context_set_summary (context,
                                _("Show the Odoo server this store syncs with, the last sync, the "
                                  "changes waiting to be pushed and the conflicts. Works offline."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = sc_cli_parse_options (context, &argc, &argv)) != SC_CLI_EXIT_OK)
    return status;

  if (argc > 1)
    return sc_cli_usage_error (context, _("status takes no arguments"));

  if (!(store = sc_cli_open_store (globals, &error)) ||
      !(outbox = read_outbox (store, &error)))
    return sc_cli_data_error (error);

  account = sc_sync_account_load (store);
  url = account->url;
  database = account->database;
  login = account->login;
  last_sync = account->last_sync;
  n_conflicts = count_conflicts (store);

  for (guint i = 0; i < outbox->len; i++)
    {
      OutboxEntry *entry = g_ptr_array_index (outbox, i);

      if (g_strcmp0 (entry->state, "failed") == 0)
        n_failed++;
      else
        n_pending++;
    }

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "server");
      if (url != NULL)
        {
          json_builder_begin_object (builder);
          add_string_or_null (builder, "url", url);
          add_string_or_null (builder, "database", database);
          add_string_or_null (builder, "login", login);
          add_string_or_null (builder, "role", sc_odoo_role_to_string (account->role));
          json_builder_end_object (builder);
        }
      else
        json_builder_add_null_value (builder);
      add_string_or_null (builder, "last_sync", last_sync);
      json_builder_set_member_name (builder, "pending");
      json_builder_add_int_value (builder, n_pending);
      json_builder_set_member_name (builder, "failed");
      json_builder_add_int_value (builder, n_failed);
      json_builder_set_member_name (builder, "conflicts");
      json_builder_add_int_value (builder, n_conflicts);
      json_builder_set_member_name (builder, "outbox");
      json_builder_begin_array (builder);
      for (guint i = 0; i < outbox->len; i++)
        add_entry_json (builder, g_ptr_array_index (outbox, i));
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      print_json (builder);

      return SC_CLI_EXIT_OK;
    }

  if (url != NULL)
    {
      printf (_("Server: %s (database %s) as %s\n"), url, database ? database : "?",
              login ? login : "?");
      printf (_("KPI role at the last sign-in: %s\n"), role_label (account->role));
    }
  else
    printf ("%s\n", _("Server: none; run “scorecard-cli login” to set one up"));

  if (last_sync != NULL)
    {
      g_autofree char *shown = format_local (last_sync);

      printf (_("Last sync: %s\n"), shown != NULL ? shown : last_sync);
    }
  else
    printf ("%s\n", _("Last sync: never"));

  printf (_("Pending changes: %u\n"), n_pending);
  for (guint i = 0; i < outbox->len; i++)
    {
      OutboxEntry *entry = g_ptr_array_index (outbox, i);

      if (g_strcmp0 (entry->state, "failed") != 0)
        print_entry (stdout, entry);
    }
  printf (_("Failed changes: %u\n"), n_failed);
  for (guint i = 0; i < outbox->len; i++)
    {
      OutboxEntry *entry = g_ptr_array_index (outbox, i);

      if (g_strcmp0 (entry->state, "failed") == 0)
        print_entry (stdout, entry);
    }
  printf (_("Conflicts: %" G_GINT64_FORMAT "\n"), n_conflicts);

  return SC_CLI_EXIT_OK;
}
