/* sc-sync-engine.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-sync"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "sc-json-writer.h"
#include "sc-period.h"
#include "sc-store-private.h"
#include "sc-sync-engine.h"

/* Two-way sync between the local store and the kpi_tracking addon.
 *
 * A sync pushes the outbox first, then pulls each model incrementally by a
 * (write_date, id) cursor, then reconciles ids to notice deletions. All
 * SQLite work runs as jobs on the store thread; all network work goes
 * through the client's async API; the steps chain in the caller's context.
 *
 * Idempotency: every value pushed carries its outbox entry's idempotency
 * key at the end of its note, as " [sc:KEY]". Before creating or writing,
 * the push reads that day's rows of the KPI and user; a row that already
 * carries the key is the result of an earlier attempt whose answer was
 * lost, so it is adopted instead of sent again. A pull strips the marker
 * from the note it stores.
 */

#define DEFAULT_PAGE_SIZE 2000
#define SEARCH_PAGE_SIZE  20000
#define MARKER_PREFIX     " [sc:"

struct _ScSyncEngine
{
  GObject        parent_instance;

  ScStoreThread *store;
  ScOdooClient  *client;
  guint          page_size;
};

G_DEFINE_FINAL_TYPE (ScSyncEngine, sc_sync_engine, G_TYPE_OBJECT)

enum {
  PROGRESS,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const model_names[SC_SYNC_N_MODELS] = {
  "res.users",
  "kpi.report.group",
  "kpi.report",
  "kpi.report.submission",
  "kpi.report.group.submission",
};

/* groups_id gives each user's KPI group; fields_get leaves it out for an
 * account that may not see others' groups, and then only ours is known. */
static const char * const user_fields[] = { "id", "login", "name", "write_date", "groups_id", NULL };
static const char * const group_fields[] = {
  "id", "name", "description", "group_type", "department", "write_date", NULL
};
static const char * const kpi_fields[] = {
  "id", "name", "report_id", "kpi_type", "target_type", "target_value", "priority_weight",
  "kpi_direction", "value", "report_type", "department", "note", "formula_field",
  "source_domain", "assigned_user_ids", "write_date", NULL
};
static const char * const submission_fields[] = {
  "id", "kpi_id", "user_id", "value", "date", "note", "write_date", NULL
};

static const char * const group_submission_fields[] = {
  "id", "report_id", "user_id", "value", "date", "note", "write_date", NULL
};

static const char * const *model_fields[SC_SYNC_N_MODELS] = {
  user_fields, group_fields, kpi_fields, submission_fields, group_submission_fields,
};

/* Without these a model cannot be mirrored at all; any other field a
 * server lacks is skipped, and the local value kept (fields_get first). */
static const char * const user_required[] = { "id", "login", "name", "write_date", NULL };
static const char * const group_required[] = { "id", "name", "write_date", NULL };
static const char * const kpi_required[] = { "id", "name", "write_date", NULL };
static const char * const submission_required[] = {
  "id", "kpi_id", "value", "date", "write_date", NULL
};
static const char * const group_submission_required[] = {
  "id", "report_id", "value", "date", "write_date", NULL
};

static const char * const *model_required[SC_SYNC_N_MODELS] = {
  user_required, group_required, kpi_required, submission_required, group_submission_required,
};

typedef struct
{
  gint64  id;
  gint64  created_at;
  gint64  record_id;
  char   *payload;
  char   *base_write_date;
  char   *key;
  gint64  kpi_odoo_id;
  gint64  user_odoo_id;
  char   *user_login;
  double  value;
  char   *date;
  char   *note;
} OutboxEntry;

typedef enum
{
  OUTCOME_SYNCED,
  OUTCOME_FAILED,
  OUTCOME_PENDING,
} Outcome;

typedef struct
{
  gint64       entry_id;
  gint64       record_id;
  Outcome      outcome;
  char        *message;
  gint64       odoo_id;
  char        *write_date;
  /* When the server's version won: what to store locally. */
  JsonObject  *server_row;
  /* The losing version, kept in sync_conflicts. */
  char        *conflict_local;
  char        *conflict_server;
  char        *conflict_rule;
} EntryResult;

typedef struct
{
  ScSyncModel  model;
  JsonArray   *rows;
  JsonArray   *users;
  gboolean     move_cursor;
  gint64       own_uid;
  ScOdooRole   role;
  GHashTable  *user_roles;   /* odoo uid → ScOdooRole, from their groups_id */
} Page;

typedef struct
{
  char   *write_date;
  gint64  last_id;
} Cursor;

typedef struct
{
  ScSyncModel  model;
  GArray      *ids;
} Reconcile;

typedef struct
{
  ScSyncReport *report;

  GPtrArray    *entries;
  guint         entry_index;
  JsonArray    *same_day;
  char         *day_start;
  char         *day_end;
  EntryResult  *result;

  ScSyncModel   model;
  Cursor        cursor;
  gint64        total;
  guint         done;
  JsonArray     *rows;

  GArray       *ids;
  guint         offset;

  /* The page being stored: its rows went to the store thread, which
   * frees them there; what comes next is known from these. */
  guint         page_rows;
  Cursor        page_end;

  /* What fields_get found: the fields to ask for, per model; a model the
   * server lacks, or lacks essentials of, is skipped (and not reconciled). */
  GStrv         fields[SC_SYNC_N_MODELS];
  gboolean      skipped[SC_SYNC_N_MODELS];
} SyncOp;

static void push_next (GTask *task);
static void pull_model (GTask *task);
static void reconcile_model (GTask *task);

/* Auxiliary methods */

static void
outbox_entry_free (OutboxEntry *entry)
{
  g_free (entry->payload);
  g_free (entry->base_write_date);
  g_free (entry->key);
  g_free (entry->user_login);
  g_free (entry->date);
  g_free (entry->note);
  g_free (entry);
}

static void
entry_result_free (EntryResult *result)
{
  g_free (result->message);
  g_free (result->write_date);
  g_clear_pointer (&result->server_row, json_object_unref);
  g_free (result->conflict_local);
  g_free (result->conflict_server);
  g_free (result->conflict_rule);
  g_free (result);
}

static void
page_free (Page *page)
{
  g_clear_pointer (&page->rows, json_array_unref);
  g_clear_pointer (&page->users, json_array_unref);
  g_clear_pointer (&page->user_roles, g_hash_table_unref);
  g_free (page);
}

static void
cursor_free (Cursor *cursor)
{
  g_free (cursor->write_date);
  g_free (cursor);
}

static void
reconcile_free (Reconcile *reconcile)
{
  g_clear_pointer (&reconcile->ids, g_array_unref);
  g_free (reconcile);
}

static void
sync_op_free (SyncOp *op)
{
  g_clear_pointer (&op->report, sc_sync_report_free);
  g_clear_pointer (&op->entries, g_ptr_array_unref);
  g_clear_pointer (&op->same_day, json_array_unref);
  g_free (op->day_start);
  g_free (op->day_end);
  g_clear_pointer (&op->result, entry_result_free);
  g_free (op->cursor.write_date);
  g_free (op->page_end.write_date);
  g_clear_pointer (&op->rows, json_array_unref);
  g_clear_pointer (&op->ids, g_array_unref);
  for (guint i = 0; i < SC_SYNC_N_MODELS; i++)
    g_strfreev (op->fields[i]);
  g_free (op);
}

/* Odoo sends false for an empty field. */
static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_VALUE ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/* Bit @bit of a mask of the fields a row carries: fields a server lacks
 * are not asked for, and must not overwrite what we have. */
static gint64
member_bit (JsonObject *object,
            const char *name,
            guint       bit)
{
  return json_object_has_member (object, name) ? ((gint64)1 << bit) : 0;
}

static double
member_double (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_VALUE)
    return 0.0;
  if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    return json_node_get_double (node);
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return (double)json_node_get_int (node);

  return 0.0;
}

static gint64
member_int (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_VALUE ||
      json_node_get_value_type (node) != G_TYPE_INT64)
    return 0;

  return json_node_get_int (node);
}

/* A many2one reads as [id, "name"] or false. */
static gint64
member_many2one (JsonObject  *object,
                 const char  *name,
                 const char **display_name)
{
  JsonNode *node = json_object_get_member (object, name);
  JsonArray *array;

  if (display_name != NULL)
    *display_name = NULL;
  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_ARRAY)
    return 0;

  array = json_node_get_array (node);
  if (json_array_get_length (array) < 1)
    return 0;
  if (display_name != NULL && json_array_get_length (array) > 1 &&
      json_node_get_value_type (json_array_get_element (array, 1)) == G_TYPE_STRING)
    *display_name = json_array_get_string_element (array, 1);

  return json_array_get_int_element (array, 0);
}

static char *
strip_marker (const char *note)
{
  const char *marker;

  if (note == NULL)
    return NULL;

  marker = g_strrstr (note, MARKER_PREFIX);
  if (marker != NULL && g_str_has_suffix (marker, "]"))
    return g_strndup (note, marker - note);

  return g_strdup (note);
}

static gboolean
note_has_key (const char *note,
              const char *key)
{
  g_autofree char *marker = g_strconcat (MARKER_PREFIX, key, "]", NULL);

  return note != NULL && g_str_has_suffix (note, marker);
}

static char *
object_to_string (JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), object);

  return sc_json_node_to_string (node, FALSE);
}

static JsonArray *
parse_array (const char *text)
{
  g_autoptr(JsonNode) node = json_from_string (text, NULL);

  g_assert (node != NULL && JSON_NODE_HOLDS_ARRAY (node));

  return json_array_ref (json_node_get_array (node));
}

static JsonArray *
build_cursor_domain (const Cursor *cursor)
{
  g_autofree char *date = NULL;
  g_autofree char *text = NULL;

  if (cursor->write_date == NULL)
    return json_array_new ();

  /* (write_date, id) strictly after the cursor: rows sharing a write_date
   * are split across pages by id, so none is skipped or pulled twice. */
  date = g_strescape (cursor->write_date, NULL);
  text = g_strdup_printf ("[\"|\", [\"write_date\", \">\", \"%s\"], \"&\", "
                          "[\"write_date\", \"=\", \"%s\"], [\"id\", \">\", %" G_GINT64_FORMAT "]]",
                          date, date, cursor->last_id);

  return parse_array (text);
}

static gboolean
step (ScStore       *store,
      sqlite3_stmt  *stmt,
      const char    *what,
      GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      _sc_store_set_error (store, error, rc, what);
      return FALSE;
    }

  return TRUE;
}

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           column,
                   const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, column, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, column);
}

static gint64
lookup_id (ScStore    *store,
           const char *sql,
           gint64      key,
           GError    **error)
{
  sqlite3_stmt *stmt = _sc_store_prepare (store, sql, error);
  gint64 id = 0;
  int rc;

  if (stmt == NULL)
    return -1;

  sqlite3_bind_int64 (stmt, 1, key);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _sc_store_set_error (store, error, rc, _("Reading the store"));
      return -1;
    }

  return id;
}

/* Store jobs: these run on the store thread */

static gpointer
load_outbox_job (ScStore       *store,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify)outbox_entry_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _sc_store_prepare (store,
                            "SELECT o.id, o.created_at, o.record_id, o.payload, o.base_write_date, "
                            "  o.idempotency_key, k.odoo_id, u.odoo_id, "
                            "  json_extract (o.payload, '$.user_login'), "
                            "  json_extract (o.payload, '$.value'), "
                            "  json_extract (o.payload, '$.date'), "
                            "  json_extract (o.payload, '$.note') "
                            "FROM outbox o "
                            "LEFT JOIN kpis k ON k.id = json_extract (o.payload, '$.kpi_id') "
                            "LEFT JOIN users u ON u.login = json_extract (o.payload, '$.user_login') "
                            "WHERE o.state = 'pending' AND o.operation = 'submit' "
                            "  AND o.model = 'kpi.report.submission' "
                            "ORDER BY o.id",
                            error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      OutboxEntry *entry = g_new0 (OutboxEntry, 1);

      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->created_at = sqlite3_column_int64 (stmt, 1);
      entry->record_id = sqlite3_column_int64 (stmt, 2);
      entry->payload = g_strdup (_sc_column_text (stmt, 3));
      entry->base_write_date = g_strdup (_sc_column_text (stmt, 4));
      entry->key = g_strdup (_sc_column_text (stmt, 5));
      entry->kpi_odoo_id = sqlite3_column_int64 (stmt, 6);
      entry->user_odoo_id = sqlite3_column_int64 (stmt, 7);
      entry->user_login = g_strdup (_sc_column_text (stmt, 8));
      entry->value = sqlite3_column_double (stmt, 9);
      entry->date = g_strdup (_sc_column_text (stmt, 10));
      entry->note = g_strdup (_sc_column_text (stmt, 11));
      g_ptr_array_add (entries, entry);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (store, error, rc, _("Reading the outbox"));
      return NULL;
    }

  return g_steal_pointer (&entries);
}

static gboolean
store_submission_row (ScStore     *store,
                      gint64       local_id,
                      JsonObject  *row,
                      GError     **error)
{
  g_autofree char *note = strip_marker (member_string (row, "note"));
  sqlite3_stmt *stmt;
  gint64 date = 0;

  sc_time_from_odoo (member_string (row, "date"), &date);
  stmt = _sc_store_prepare (store,
                            "UPDATE submissions SET value = ?1, "
                            "  note = CASE WHEN ?7 THEN ?2 ELSE note END, date = ?3, "
                            "  write_date = ?4, odoo_id = ?5, sync_state = 'synced' WHERE id = ?6",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_double (stmt, 1, member_double (row, "value"));
  bind_text_or_null (stmt, 2, note);
  sqlite3_bind_int64 (stmt, 3, date);
  bind_text_or_null (stmt, 4, member_string (row, "write_date"));
  sqlite3_bind_int64 (stmt, 5, member_int (row, "id"));
  sqlite3_bind_int64 (stmt, 6, local_id);
  sqlite3_bind_int64 (stmt, 7, member_bit (row, "note", 0));

  return step (store, stmt, _("Saving the submission"), error);
}

static gpointer
finish_entry_job (ScStore       *store,
                  gpointer       data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  EntryResult *result = data;
  sqlite3_stmt *stmt;
  gint64 kpi_id;

  if (!_sc_store_begin (store, error))
    return NULL;

  if (result->outcome == OUTCOME_SYNCED)
    {
      gint64 odoo_id = result->server_row ? member_int (result->server_row, "id") : result->odoo_id;

      /* Another local row holding the same server record is a stale copy. */
      stmt = _sc_store_prepare (store,
                                "DELETE FROM submissions WHERE odoo_id = ?1 AND id <> ?2 "
                                "  AND sync_state = 'synced' "
                                "  AND id NOT IN (SELECT record_id FROM outbox "
                                "                 WHERE model = 'kpi.report.submission')",
                                error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_int64 (stmt, 1, odoo_id);
      sqlite3_bind_int64 (stmt, 2, result->record_id);
      if (!step (store, stmt, _("Saving the submission"), error))
        goto failed;

      if (result->server_row != NULL)
        {
          if (!store_submission_row (store, result->record_id, result->server_row, error))
            goto failed;
        }
      else
        {
          stmt = _sc_store_prepare (store,
                                    "UPDATE submissions SET odoo_id = ?1, write_date = ?2, "
                                    "  sync_state = 'synced' WHERE id = ?3",
                                    error);
          if (stmt == NULL)
            goto failed;
          sqlite3_bind_int64 (stmt, 1, odoo_id);
          bind_text_or_null (stmt, 2, result->write_date);
          sqlite3_bind_int64 (stmt, 3, result->record_id);
          if (!step (store, stmt, _("Saving the submission"), error))
            goto failed;
        }

      kpi_id = lookup_id (store, "SELECT kpi_id FROM submissions WHERE id = ?", result->record_id, error);
      if (kpi_id < 0 || (kpi_id > 0 && !_sc_store_refresh_kpi_value (store, kpi_id, error)))
        goto failed;

      stmt = _sc_store_prepare (store, "DELETE FROM outbox WHERE id = ?", error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_int64 (stmt, 1, result->entry_id);
      if (!step (store, stmt, _("Updating the outbox"), error))
        goto failed;
    }
  else
    {
      stmt = _sc_store_prepare (store,
                                "UPDATE outbox SET state = ?1, last_error = ?2, "
                                "  attempts = attempts + 1 WHERE id = ?3",
                                error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_text (stmt, 1, result->outcome == OUTCOME_FAILED ? "failed" : "pending", -1,
                         SQLITE_STATIC);
      bind_text_or_null (stmt, 2, result->message);
      sqlite3_bind_int64 (stmt, 3, result->entry_id);
      if (!step (store, stmt, _("Updating the outbox"), error))
        goto failed;
    }

  if (result->conflict_rule != NULL)
    {
      stmt = _sc_store_prepare (store,
                                "INSERT INTO sync_conflicts (model, odoo_id, local_payload, "
                                "  server_payload, rule, created_at) "
                                "VALUES ('kpi.report.submission', ?1, ?2, ?3, ?4, ?5)",
                                error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_int64 (stmt, 1, result->odoo_id);
      bind_text_or_null (stmt, 2, result->conflict_local);
      bind_text_or_null (stmt, 3, result->conflict_server);
      sqlite3_bind_text (stmt, 4, result->conflict_rule, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 5, g_get_real_time () / G_USEC_PER_SEC);
      if (!step (store, stmt, _("Saving the conflict"), error))
        goto failed;
    }

  if (!_sc_store_commit (store,
                         SC_STORE_CHANGE_OUTBOX | SC_STORE_CHANGE_SUBMISSIONS | SC_STORE_CHANGE_KPIS,
                         error))
    return NULL;

  return GINT_TO_POINTER (1);

failed:
  _sc_store_rollback (store);
  return NULL;
}

static gpointer
get_cursor_job (ScStore       *store,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  const char *model = data;
  Cursor *cursor = g_new0 (Cursor, 1);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _sc_store_prepare (store, "SELECT write_date, last_id FROM sync_cursors WHERE model = ?",
                            error);
  if (stmt == NULL)
    {
      cursor_free (cursor);
      return NULL;
    }

  sqlite3_bind_text (stmt, 1, model, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      cursor->write_date = g_strdup (_sc_column_text (stmt, 0));
      cursor->last_id = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);

  return cursor;
}

/* The server ids of the users a page refers to that we do not have yet. */
static gpointer
unknown_users_job (ScStore       *store,
                   gpointer       data,
                   GCancellable  *cancellable,
                   GError       **error)
{
  GArray *wanted = data;
  g_autoptr(GArray) unknown = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < wanted->len; i++)
    {
      gint64 odoo_id = g_array_index (wanted, gint64, i);
      gint64 id = lookup_id (store, "SELECT id FROM users WHERE odoo_id = ?", odoo_id, error);

      if (id < 0)
        return NULL;
      if (id == 0)
        g_array_append_val (unknown, odoo_id);
    }

  return g_steal_pointer (&unknown);
}

static gpointer
known_users_job (ScStore       *store,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;

  stmt = _sc_store_prepare (store, "SELECT odoo_id FROM users WHERE odoo_id IS NOT NULL", error);
  if (stmt == NULL)
    return NULL;

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);

  return g_steal_pointer (&ids);
}

static gint64
upsert_user (ScStore     *store,
             JsonObject  *row,
             ScOdooRole   own_role,
             gint64       own_uid,
             GHashTable  *user_roles,
             GError     **error)
{
  gint64 odoo_id = member_int (row, "id");
  const char *login = member_string (row, "login");
  const char *name = member_string (row, "name");
  const char *role = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  if (login == NULL)
    return 0;
  if (name == NULL)
    name = login;

  /* Ours from the login; others' from their groups_id when the server
   * lets us read it, else they keep what we knew. */
  {
    gpointer found = NULL;
    gboolean known = odoo_id == own_uid;
    ScOdooRole user_role = own_role;

    if (!known && user_roles != NULL &&
        g_hash_table_lookup_extended (user_roles, &odoo_id, NULL, &found))
      {
        known = TRUE;
        user_role = GPOINTER_TO_INT (found);
      }

    if (known)
      switch (user_role)
        {
        case SC_ODOO_ROLE_ADMIN: role = "admin"; break;
        case SC_ODOO_ROLE_MANAGER: role = "manager"; break;
        case SC_ODOO_ROLE_USER: role = "user"; break;
        case SC_ODOO_ROLE_NONE: default: role = "none"; break;
        }
  }

  id = lookup_id (store, "SELECT id FROM users WHERE odoo_id = ?", odoo_id, error);
  if (id < 0)
    return -1;

  if (id == 0)
    {
      /* A user created here with the same login becomes the server's. */
      stmt = _sc_store_prepare (store, "SELECT id FROM users WHERE login = ? AND odoo_id IS NULL",
                                error);
      if (stmt == NULL)
        return -1;
      sqlite3_bind_text (stmt, 1, login, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
    }

  if (id > 0)
    stmt = _sc_store_prepare (store,
                              "UPDATE users SET odoo_id = ?1, login = ?2, name = ?3, "
                              "  kpi_role = coalesce (?4, kpi_role), write_date = ?5, "
                              "  sync_state = 'synced' WHERE id = ?6",
                              error);
  else
    stmt = _sc_store_prepare (store,
                              "INSERT INTO users (odoo_id, login, name, kpi_role, write_date, "
                              "  sync_state) VALUES (?1, ?2, ?3, coalesce (?4, 'user'), ?5, 'synced')",
                              error);
  if (stmt == NULL)
    return -1;

  sqlite3_bind_int64 (stmt, 1, odoo_id);
  sqlite3_bind_text (stmt, 2, login, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, name, -1, SQLITE_TRANSIENT);
  bind_text_or_null (stmt, 4, role);
  bind_text_or_null (stmt, 5, member_string (row, "write_date"));
  if (id > 0)
    sqlite3_bind_int64 (stmt, 6, id);
  if (!step (store, stmt, _("Saving the user"), error))
    return -1;

  return id > 0 ? id : sqlite3_last_insert_rowid (_sc_store_get_db (store));
}

static const char *
valid_key (const char *key,
           gboolean  (*from_key) (const char *, int *))
{
  int value;

  if (key == NULL || !from_key (key, &value))
    return NULL;

  return key;
}

static gboolean
department_from_key (const char *key, int *value)
{
  return sc_department_from_key (key, (ScDepartment *)value);
}

static gboolean
report_type_from_key (const char *key, int *value)
{
  return sc_report_type_from_key (key, (ScReportType *)value);
}

static gboolean
upsert_group (ScStore     *store,
              JsonObject  *row,
              GError     **error)
{
  gint64 odoo_id = member_int (row, "id");
  const char *department = valid_key (member_string (row, "department"), department_from_key);
  const char *group_type = valid_key (member_string (row, "group_type"), report_type_from_key);
  sqlite3_stmt *stmt;
  gint64 id;

  /* The groups' department list has no "technician", unlike KPIs'. */
  if (g_strcmp0 (department, "technician") == 0)
    department = NULL;

  id = lookup_id (store, "SELECT id FROM report_groups WHERE odoo_id = ?", odoo_id, error);
  if (id < 0)
    return FALSE;

  if (id > 0)
    stmt = _sc_store_prepare (store,
                              "UPDATE report_groups SET name = ?2, "
                              "  description = CASE WHEN ?8 & 1 THEN ?3 ELSE description END, "
                              "  group_type = CASE WHEN ?8 & 2 THEN coalesce (?4, 'daily') "
                              "                    ELSE group_type END, "
                              "  department = CASE WHEN ?8 & 4 THEN ?5 ELSE department END, "
                              "  write_date = ?6, sync_state = 'synced' WHERE id = ?7",
                              error);
  else
    stmt = _sc_store_prepare (store,
                              "INSERT INTO report_groups (odoo_id, name, description, group_type, "
                              "  department, write_date, sync_state) "
                              "VALUES (?1, ?2, ?3, coalesce (?4, 'daily'), ?5, ?6, 'synced')",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, odoo_id);
  bind_text_or_null (stmt, 2, member_string (row, "name") ? member_string (row, "name") : "");
  bind_text_or_null (stmt, 3, member_string (row, "description"));
  bind_text_or_null (stmt, 4, group_type);
  bind_text_or_null (stmt, 5, department);
  bind_text_or_null (stmt, 6, member_string (row, "write_date"));
  if (id > 0)
    {
      sqlite3_bind_int64 (stmt, 7, id);
      sqlite3_bind_int64 (stmt, 8, member_bit (row, "description", 0) |
                                   member_bit (row, "group_type", 1) |
                                   member_bit (row, "department", 2));
    }

  return step (store, stmt, _("Saving the report group"), error);
}

static gint64
ensure_group (ScStore     *store,
              gint64       odoo_id,
              const char  *name,
              GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 id = lookup_id (store, "SELECT id FROM report_groups WHERE odoo_id = ?", odoo_id, error);

  if (id != 0)
    return id;

  /* A group we cannot read yet: a placeholder the next pull completes. */
  stmt = _sc_store_prepare (store,
                            "INSERT INTO report_groups (odoo_id, name, sync_state) "
                            "VALUES (?, ?, 'synced')",
                            error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, odoo_id);
  sqlite3_bind_text (stmt, 2, name ? name : "", -1, SQLITE_TRANSIENT);
  if (!step (store, stmt, _("Saving the report group"), error))
    return -1;

  return sqlite3_last_insert_rowid (_sc_store_get_db (store));
}

static gboolean
upsert_kpi (ScStore     *store,
            JsonObject  *row,
            GError     **error)
{
  gint64 odoo_id = member_int (row, "id");
  const char *group_name = NULL;
  gint64 group_odoo_id = member_many2one (row, "report_id", &group_name);
  gint64 group_id = 0;
  const char *priority = member_string (row, "priority_weight");
  int priority_value = priority ? (int)g_ascii_strtoll (priority, NULL, 10) : 3;
  ScKpiType kpi_type;
  ScTargetType target_type;
  ScDirection direction;
  ScReportType report_type;
  ScDepartment department;
  sqlite3_stmt *stmt;
  JsonNode *assigned;
  gint64 id;

  if (group_odoo_id > 0 && (group_id = ensure_group (store, group_odoo_id, group_name, error)) < 0)
    return FALSE;
  if (priority_value < 1 || priority_value > 5)
    priority_value = 3;

  id = lookup_id (store, "SELECT id FROM kpis WHERE odoo_id = ?", odoo_id, error);
  if (id < 0)
    return FALSE;

  if (id == 0)
    {
      /* A KPI made here under the same name and group becomes the server's. */
      stmt = _sc_store_prepare (store,
                                "SELECT id FROM kpis WHERE name = ?1 AND group_id IS ?2 "
                                "  AND odoo_id IS NULL",
                                error);
      if (stmt == NULL)
        return FALSE;
      bind_text_or_null (stmt, 1, member_string (row, "name"));
      if (group_id > 0)
        sqlite3_bind_int64 (stmt, 2, group_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
    }

  /* Server wins for KPI definitions. */
  if (id > 0)
    stmt = _sc_store_prepare (store,
                              "UPDATE kpis SET odoo_id = ?1, name = ?2, "
                              "  group_id = CASE WHEN ?17 & 1 THEN ?3 ELSE group_id END, "
                              "  kpi_type = CASE WHEN ?17 & 2 THEN ?4 ELSE kpi_type END, "
                              "  target_type = CASE WHEN ?17 & 4 THEN ?5 ELSE target_type END, "
                              "  target_value = CASE WHEN ?17 & 8 THEN ?6 ELSE target_value END, "
                              "  priority = CASE WHEN ?17 & 16 THEN ?7 ELSE priority END, "
                              "  direction = CASE WHEN ?17 & 32 THEN ?8 ELSE direction END, "
                              "  value = CASE WHEN ?17 & 64 THEN ?9 ELSE value END, "
                              "  report_type = CASE WHEN ?17 & 128 THEN ?10 ELSE report_type END, "
                              "  department = CASE WHEN ?17 & 256 THEN ?11 ELSE department END, "
                              "  note = CASE WHEN ?17 & 512 THEN ?12 ELSE note END, "
                              "  formula = CASE WHEN ?17 & 1024 THEN ?13 ELSE formula END, "
                              "  source_domain = CASE WHEN ?17 & 2048 THEN ?14 ELSE source_domain END, "
                              "  write_date = ?15, sync_state = 'synced' WHERE id = ?16",
                              error);
  else
    stmt = _sc_store_prepare (store,
                              "INSERT INTO kpis (odoo_id, name, group_id, kpi_type, target_type, "
                              "  target_value, priority, direction, value, report_type, department, "
                              "  note, formula, source_domain, write_date, sync_state) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
                              "  ?15, 'synced')",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, odoo_id);
  bind_text_or_null (stmt, 2, member_string (row, "name"));
  if (group_id > 0)
    sqlite3_bind_int64 (stmt, 3, group_id);
  else
    sqlite3_bind_null (stmt, 3);
  bind_text_or_null (stmt, 4, sc_kpi_type_from_key (member_string (row, "kpi_type"), &kpi_type)
                               ? member_string (row, "kpi_type") : "manual");
  bind_text_or_null (stmt, 5, sc_target_type_from_key (member_string (row, "target_type"), &target_type)
                               ? member_string (row, "target_type") : "number");
  sqlite3_bind_double (stmt, 6, member_double (row, "target_value"));
  sqlite3_bind_int (stmt, 7, priority_value);
  bind_text_or_null (stmt, 8, sc_direction_from_key (member_string (row, "kpi_direction"), &direction)
                               ? member_string (row, "kpi_direction") : "higher_better");
  sqlite3_bind_double (stmt, 9, member_double (row, "value"));
  bind_text_or_null (stmt, 10, sc_report_type_from_key (member_string (row, "report_type"), &report_type)
                                ? member_string (row, "report_type") : NULL);
  bind_text_or_null (stmt, 11, sc_department_from_key (member_string (row, "department"), &department)
                                ? member_string (row, "department") : NULL);
  bind_text_or_null (stmt, 12, member_string (row, "note"));
  bind_text_or_null (stmt, 13, member_string (row, "formula_field"));
  bind_text_or_null (stmt, 14, member_string (row, "source_domain"));
  bind_text_or_null (stmt, 15, member_string (row, "write_date"));
  if (id > 0)
    {
      sqlite3_bind_int64 (stmt, 16, id);
      sqlite3_bind_int64 (stmt, 17, member_bit (row, "report_id", 0) |
                                    member_bit (row, "kpi_type", 1) |
                                    member_bit (row, "target_type", 2) |
                                    member_bit (row, "target_value", 3) |
                                    member_bit (row, "priority_weight", 4) |
                                    member_bit (row, "kpi_direction", 5) |
                                    member_bit (row, "value", 6) |
                                    member_bit (row, "report_type", 7) |
                                    member_bit (row, "department", 8) |
                                    member_bit (row, "note", 9) |
                                    member_bit (row, "formula_field", 10) |
                                    member_bit (row, "source_domain", 11));
    }
  if (!step (store, stmt, _("Saving the KPI"), error))
    return FALSE;

  if (id == 0)
    id = sqlite3_last_insert_rowid (_sc_store_get_db (store));

  assigned = json_object_get_member (row, "assigned_user_ids");
  if (assigned != NULL && JSON_NODE_HOLDS_ARRAY (assigned))
    {
      JsonArray *users = json_node_get_array (assigned);

      stmt = _sc_store_prepare (store, "DELETE FROM kpi_assignees WHERE kpi_id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      if (!step (store, stmt, _("Saving the KPI"), error))
        return FALSE;

      for (guint i = 0; i < json_array_get_length (users); i++)
        {
          stmt = _sc_store_prepare (store,
                                    "INSERT OR IGNORE INTO kpi_assignees (kpi_id, user_id) "
                                    "SELECT ?1, id FROM users WHERE odoo_id = ?2",
                                    error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, id);
          sqlite3_bind_int64 (stmt, 2, json_array_get_int_element (users, i));
          if (!step (store, stmt, _("Saving the KPI"), error))
            return FALSE;
        }
    }

  return TRUE;
}

/* A page's rows mostly name the same few KPIs and users: look each up
 * once per page. */
static gint64
cached_lookup (ScStore     *store,
               GHashTable  *cache,
               const char  *sql,
               gint64       odoo_id,
               GError     **error)
{
  gpointer found;
  gint64 id;

  if (g_hash_table_lookup_extended (cache, &odoo_id, NULL, &found))
    return *(gint64 *)found;

  id = lookup_id (store, sql, odoo_id, error);
  if (id >= 0)
    g_hash_table_insert (cache, g_memdup2 (&odoo_id, sizeof odoo_id), g_memdup2 (&id, sizeof id));

  return id;
}

static gboolean
upsert_submission (ScStore     *store,
                   JsonObject  *row,
                   GHashTable  *touched_kpis,
                   GHashTable  *kpi_cache,
                   GHashTable  *user_cache,
                   GError     **error)
{
  gint64 odoo_id = member_int (row, "id");
  gint64 kpi_id, user_id = 0, user_odoo_id, id;
  sqlite3_stmt *stmt;
  gboolean busy = FALSE;
  int rc;

  kpi_id = cached_lookup (store, kpi_cache, "SELECT id FROM kpis WHERE odoo_id = ?",
                          member_many2one (row, "kpi_id", NULL), error);
  if (kpi_id < 0)
    return FALSE;
  /* Submissions of KPIs the record rules hide from us (reference 3.3). */
  if (kpi_id == 0)
    return TRUE;

  user_odoo_id = member_many2one (row, "user_id", NULL);
  if (user_odoo_id > 0 &&
      (user_id = cached_lookup (store, user_cache, "SELECT id FROM users WHERE odoo_id = ?",
                                user_odoo_id, error)) < 0)
    return FALSE;

  stmt = _sc_store_prepare (store,
                            "SELECT s.id, s.sync_state = 'dirty' OR EXISTS ("
                            "  SELECT 1 FROM outbox o WHERE o.model = 'kpi.report.submission' "
                            "    AND o.record_id = s.id AND o.state = 'pending') "
                            "FROM submissions s WHERE s.odoo_id = ?",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, odoo_id);
  id = 0;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      busy = sqlite3_column_int (stmt, 1) != 0;
    }
  sqlite3_reset (stmt);

  /* A local edit not pushed yet: the push settles it. */
  if (busy)
    return TRUE;

  if (id == 0)
    {
      g_autofree char *note = strip_marker (member_string (row, "note"));
      gint64 date = 0;

      /* A new row is written once, whole: a placeholder updated at once
       * wrote the row and its indexes twice, a third of a pull's SQLite
       * work. The values are the ones store_submission_row() sets. */
      sc_time_from_odoo (member_string (row, "date"), &date);
      stmt = _sc_store_prepare (store,
                                "INSERT INTO submissions (odoo_id, kpi_id, user_id, value, date, "
                                "  note, write_date, sync_state) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'synced')",
                                error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, odoo_id);
      sqlite3_bind_int64 (stmt, 2, kpi_id);
      if (user_id > 0)
        sqlite3_bind_int64 (stmt, 3, user_id);
      sqlite3_bind_double (stmt, 4, member_double (row, "value"));
      sqlite3_bind_int64 (stmt, 5, date);
      bind_text_or_null (stmt, 6, note);
      bind_text_or_null (stmt, 7, member_string (row, "write_date"));
      if (!step (store, stmt, _("Saving the submission"), error))
        return FALSE;

      g_hash_table_add (touched_kpis, g_memdup2 (&kpi_id, sizeof kpi_id));

      return TRUE;
    }
  else
    {
      stmt = _sc_store_prepare (store, "UPDATE submissions SET kpi_id = ?1, user_id = ?2 WHERE id = ?3",
                                error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, kpi_id);
      if (user_id > 0)
        sqlite3_bind_int64 (stmt, 2, user_id);
      sqlite3_bind_int64 (stmt, 3, id);
      if (!step (store, stmt, _("Saving the submission"), error))
        return FALSE;
    }

  g_hash_table_add (touched_kpis, g_memdup2 (&kpi_id, sizeof kpi_id));

  return store_submission_row (store, id, row, error);
}

/* The daily history of group scores is the server's alone: no local edits. */
static gboolean
upsert_group_submission (ScStore     *store,
                         JsonObject  *row,
                         GError     **error)
{
  const char *group_name = NULL;
  gint64 group_odoo_id = member_many2one (row, "report_id", &group_name);
  gint64 user_odoo_id = member_many2one (row, "user_id", NULL);
  gint64 group_id, user_id = 0, date = 0;
  g_autofree char *note = NULL;
  sqlite3_stmt *stmt;

  if (group_odoo_id <= 0)
    return TRUE;
  if ((group_id = ensure_group (store, group_odoo_id, group_name, error)) < 0)
    return FALSE;
  if (user_odoo_id > 0 &&
      (user_id = lookup_id (store, "SELECT id FROM users WHERE odoo_id = ?", user_odoo_id, error)) < 0)
    return FALSE;

  sc_time_from_odoo (member_string (row, "date"), &date);
  note = g_strdup (member_string (row, "note"));

  stmt = _sc_store_prepare (store,
                            "INSERT INTO group_submissions (odoo_id, group_id, user_id, value, date, "
                            "  note, write_date, sync_state) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'synced') "
                            "ON CONFLICT (odoo_id) WHERE odoo_id IS NOT NULL DO UPDATE SET "
                            "  group_id = excluded.group_id, user_id = excluded.user_id, "
                            "  value = excluded.value, date = excluded.date, "
                            "  note = CASE WHEN ?8 THEN excluded.note ELSE note END, "
                            "  write_date = excluded.write_date, sync_state = 'synced'",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, member_int (row, "id"));
  sqlite3_bind_int64 (stmt, 2, group_id);
  if (user_id > 0)
    sqlite3_bind_int64 (stmt, 3, user_id);
  else
    sqlite3_bind_null (stmt, 3);
  sqlite3_bind_double (stmt, 4, member_double (row, "value"));
  sqlite3_bind_int64 (stmt, 5, date);
  bind_text_or_null (stmt, 6, note);
  bind_text_or_null (stmt, 7, member_string (row, "write_date"));
  sqlite3_bind_int64 (stmt, 8, member_bit (row, "note", 0));

  return step (store, stmt, _("Saving the group score history"), error);
}

static gpointer apply_page_rows (ScStore       *store,
                                 gpointer       data,
                                 GCancellable  *cancellable,
                                 GError       **error);

/* The rows are freed here, on the store thread, while the main thread
 * fetches and parses the next page. */
static gpointer
apply_page_job (ScStore       *store,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  Page *page = data;
  gpointer result = apply_page_rows (store, data, cancellable, error);

  g_clear_pointer (&page->rows, json_array_unref);
  g_clear_pointer (&page->users, json_array_unref);

  return result;
}

static gpointer
apply_page_rows (ScStore       *store,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  Page *page = data;
  g_autoptr(GHashTable) touched_kpis = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) kpi_cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) user_cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  guint n_rows = page->rows ? json_array_get_length (page->rows) : 0;
  static const ScStoreChange changes[] = {
    SC_STORE_CHANGE_USERS, SC_STORE_CHANGE_GROUPS, SC_STORE_CHANGE_KPIS,
    SC_STORE_CHANGE_SUBMISSIONS | SC_STORE_CHANGE_KPIS, SC_STORE_CHANGE_GROUPS,
  };
  GHashTableIter iter;
  gpointer key;

  if (!_sc_store_begin (store, error))
    return NULL;

  for (guint i = 0; page->users != NULL && i < json_array_get_length (page->users); i++)
    if (upsert_user (store, json_array_get_object_element (page->users, i), page->role,
                     page->own_uid, page->user_roles, error) < 0)
      goto failed;

  for (guint i = 0; i < n_rows; i++)
    {
      JsonObject *row = json_array_get_object_element (page->rows, i);
      gboolean ok = TRUE;

      switch (page->model)
        {
        case SC_SYNC_MODEL_USERS:
          ok = upsert_user (store, row, page->role, page->own_uid, page->user_roles, error) >= 0;
          break;
        case SC_SYNC_MODEL_GROUPS:
          ok = upsert_group (store, row, error);
          break;
        case SC_SYNC_MODEL_KPIS:
          ok = upsert_kpi (store, row, error);
          break;
        case SC_SYNC_MODEL_SUBMISSIONS:
          ok = upsert_submission (store, row, touched_kpis, kpi_cache, user_cache, error);
          break;
        case SC_SYNC_MODEL_GROUP_SUBMISSIONS:
          ok = upsert_group_submission (store, row, error);
          break;
        case SC_SYNC_N_MODELS:
        default:
          g_assert_not_reached ();
        }

      if (!ok)
        goto failed;
    }

  /* Only previous_value and last_submitted follow the history here: the
   * KPI's own value is the server's. */
  g_hash_table_iter_init (&iter, touched_kpis);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      sqlite3_stmt *stmt;

      stmt = _sc_store_prepare (store,
                                "UPDATE kpis SET "
                                "  previous_value = (SELECT value FROM submissions WHERE kpi_id = ?1 "
                                "                    ORDER BY date DESC, id DESC LIMIT 1 OFFSET 1), "
                                "  last_submitted = (SELECT max (date) FROM submissions WHERE kpi_id = ?1) "
                                "WHERE id = ?1",
                                error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_int64 (stmt, 1, *(gint64 *)key);
      if (!step (store, stmt, _("Updating the KPI"), error))
        goto failed;
    }

  if (page->move_cursor && n_rows > 0)
    {
      JsonObject *last = json_array_get_object_element (page->rows, n_rows - 1);
      sqlite3_stmt *stmt;

      stmt = _sc_store_prepare (store,
                                "INSERT OR REPLACE INTO sync_cursors (model, write_date, last_id) "
                                "VALUES (?, ?, ?)",
                                error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_text (stmt, 1, model_names[page->model], -1, SQLITE_STATIC);
      bind_text_or_null (stmt, 2, member_string (last, "write_date"));
      sqlite3_bind_int64 (stmt, 3, member_int (last, "id"));
      if (!step (store, stmt, _("Saving the sync cursor"), error))
        goto failed;
    }

  if (!_sc_store_commit (store, changes[page->model] | (page->users ? SC_STORE_CHANGE_USERS : 0),
                         error))
    return NULL;

  return GINT_TO_POINTER (1);

failed:
  _sc_store_rollback (store);
  return NULL;
}

static gpointer
reconcile_job (ScStore       *store,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  Reconcile *reconcile = data;
  static const char * const deletes[SC_SYNC_N_MODELS] = {
    NULL,
    "DELETE FROM report_groups WHERE odoo_id IS NOT NULL AND sync_state = 'synced' "
    "  AND odoo_id NOT IN (SELECT id FROM temp.sc_sync_ids) "
    "  AND NOT EXISTS (SELECT 1 FROM kpis WHERE kpis.group_id = report_groups.id "
    "                  AND kpis.odoo_id IS NULL)",
    "DELETE FROM kpis WHERE odoo_id IS NOT NULL AND sync_state = 'synced' "
    "  AND odoo_id NOT IN (SELECT id FROM temp.sc_sync_ids) "
    "  AND NOT EXISTS (SELECT 1 FROM submissions WHERE submissions.kpi_id = kpis.id)",
    "DELETE FROM submissions WHERE odoo_id IS NOT NULL AND sync_state = 'synced' "
    "  AND odoo_id NOT IN (SELECT id FROM temp.sc_sync_ids) "
    "  AND id NOT IN (SELECT record_id FROM outbox WHERE model = 'kpi.report.submission' "
    "                 AND record_id IS NOT NULL)",
    "DELETE FROM group_submissions WHERE odoo_id IS NOT NULL AND sync_state = 'synced' "
    "  AND odoo_id NOT IN (SELECT id FROM temp.sc_sync_ids)",
  };
  sqlite3_stmt *stmt;
  guint deleted;

  if (!_sc_store_exec (store, "CREATE TEMP TABLE IF NOT EXISTS sc_sync_ids (id INTEGER PRIMARY KEY)",
                       error))
    return NULL;
  if (!_sc_store_begin (store, error))
    return NULL;
  if (!_sc_store_exec (store, "DELETE FROM temp.sc_sync_ids", error))
    goto failed;

  stmt = _sc_store_prepare (store, "INSERT OR IGNORE INTO temp.sc_sync_ids (id) VALUES (?)", error);
  if (stmt == NULL)
    goto failed;
  for (guint i = 0; i < reconcile->ids->len; i++)
    {
      sqlite3_bind_int64 (stmt, 1, g_array_index (reconcile->ids, gint64, i));
      if (!step (store, stmt, _("Comparing ids with the server"), error))
        goto failed;
    }

  if (!_sc_store_exec (store, deletes[reconcile->model], error))
    goto failed;
  deleted = sqlite3_changes (_sc_store_get_db (store));

  if (!_sc_store_exec (store, "DELETE FROM temp.sc_sync_ids", error))
    goto failed;

  if (!_sc_store_commit (store, deleted ? SC_STORE_CHANGE_ALL : 0, error))
    return NULL;

  return GUINT_TO_POINTER (deleted + 1);

failed:
  _sc_store_rollback (store);
  return NULL;
}

/* Callbacks: these run in the caller's context */

static SyncOp *
op_of (GTask *task)
{
  return g_task_get_task_data (task);
}

static ScSyncEngine *
engine_of (GTask *task)
{
  return g_task_get_source_object (task);
}

static gboolean
is_refusal (const GError *error)
{
  return g_error_matches (error, SC_SYNC_ERROR, SC_SYNC_ERROR_ACCESS_ERROR) ||
         g_error_matches (error, SC_SYNC_ERROR, SC_SYNC_ERROR_VALIDATION) ||
         g_error_matches (error, SC_SYNC_ERROR, SC_SYNC_ERROR_MISSING_RECORD);
}

static void
entry_finished_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  SyncOp *op = op_of (task);
  EntryResult *entry_result = g_steal_pointer (&op->result);
  Outcome outcome = entry_result->outcome;

  sc_store_thread_run_finish (SC_STORE_THREAD (object), result, &error);
  entry_result_free (entry_result);
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (outcome == OUTCOME_SYNCED)
    op->report->pushed++;
  else if (outcome == OUTCOME_FAILED)
    op->report->failed++;

  op->entry_index++;
  push_next (g_steal_pointer (&task));
}

static void
finish_entry (GTask        *task,
              EntryResult  *result)
{
  ScSyncEngine *self = engine_of (task);
  SyncOp *op = op_of (task);
  OutboxEntry *entry = g_ptr_array_index (op->entries, op->entry_index);

  result->entry_id = entry->id;
  result->record_id = entry->record_id;
  if (result->conflict_rule != NULL)
    op->report->conflicts++;

  g_assert (op->result == NULL);
  op->result = result;
  sc_store_thread_run_async (self->store, finish_entry_job, result, NULL, NULL,
                             g_task_get_cancellable (task), entry_finished_cb, task);
}

static void
fail_entry (GTask      *task,
            const char *message)
{
  EntryResult *result = g_new0 (EntryResult, 1);

  result->outcome = OUTCOME_FAILED;
  result->message = g_strdup (message);
  finish_entry (task, result);
}

/* A network or server failure: the entry stays pending and the sync stops. */
static void
stop_push (GTask  *task,
           GError *error)
{
  g_task_return_error (task, error);
}

static void
handle_call_error (GTask  *task,
                   GError *error)
{
  if (is_refusal (error))
    {
      fail_entry (task, error->message);
      g_error_free (error);
    }
  else
    {
      stop_push (task, error);
      g_object_unref (task);
    }
}

static void
read_back_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonArray) rows = NULL;
  GError *error = NULL;
  SyncOp *op = op_of (task);
  EntryResult *entry_result;

  rows = sc_odoo_client_read_finish (SC_ODOO_CLIENT (object), result, &error);
  if (rows == NULL)
    {
      handle_call_error (g_steal_pointer (&task), error);
      return;
    }

  entry_result = g_steal_pointer (&op->result);
  if (json_array_get_length (rows) == 0)
    {
      entry_result->outcome = OUTCOME_FAILED;
      g_clear_pointer (&entry_result->message, g_free);
      entry_result->message = g_strdup (_("The submission was deleted on the server while it was being sent"));
    }
  else
    {
      g_free (entry_result->write_date);
      entry_result->write_date = g_strdup (member_string (json_array_get_object_element (rows, 0),
                                                          "write_date"));
    }

  finish_entry (g_steal_pointer (&task), entry_result);
}

static void
read_back (GTask       *task,
           EntryResult *entry_result)
{
  static const char * const fields[] = { "write_date", NULL };
  ScSyncEngine *self = engine_of (task);
  SyncOp *op = op_of (task);

  op->result = entry_result;
  sc_odoo_client_read_async (self->client, "kpi.report.submission", &entry_result->odoo_id, 1, fields,
                             g_task_get_cancellable (task), read_back_cb, task);
}

static void
created_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  GTask *task = user_data;
  g_autoptr(GArray) ids = NULL;
  GError *error = NULL;
  EntryResult *entry_result;

  ids = sc_odoo_client_create_finish (SC_ODOO_CLIENT (object), result, &error);
  if (ids == NULL)
    {
      handle_call_error (task, error);
      return;
    }

  entry_result = g_new0 (EntryResult, 1);
  entry_result->outcome = OUTCOME_SYNCED;
  entry_result->odoo_id = g_array_index (ids, gint64, 0);
  read_back (task, entry_result);
}

static void
written_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  GTask *task = user_data;
  SyncOp *op = op_of (task);
  GError *error = NULL;

  if (!sc_odoo_client_write_finish (SC_ODOO_CLIENT (object), result, &error))
    {
      g_clear_pointer (&op->result, entry_result_free);
      handle_call_error (task, error);
      return;
    }

  read_back (task, g_steal_pointer (&op->result));
}

static JsonObject *
build_values (OutboxEntry *entry,
              gboolean     with_keys,
              gint64       user_odoo_id)
{
  JsonObject *values = json_object_new ();
  g_autofree char *note = g_strconcat (entry->note ? entry->note : "", MARKER_PREFIX, entry->key, "]",
                                       NULL);

  if (with_keys)
    {
      json_object_set_int_member (values, "kpi_id", entry->kpi_odoo_id);
      json_object_set_int_member (values, "user_id", user_odoo_id);
    }
  json_object_set_double_member (values, "value", entry->value);
  json_object_set_string_member (values, "date", entry->date);
  json_object_set_string_member (values, "note", note);

  return values;
}

static gint64
entry_user (GTask       *task,
            OutboxEntry *entry)
{
  if (entry->user_login == NULL)
    return sc_odoo_client_get_uid (engine_of (task)->client);

  return entry->user_odoo_id;
}

static void
same_day_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GTask *task = user_data;
  ScSyncEngine *self = engine_of (task);
  SyncOp *op = op_of (task);
  OutboxEntry *entry = g_ptr_array_index (op->entries, op->entry_index);
  g_autoptr(JsonArray) rows = NULL;
  JsonObject *found = NULL;
  GError *error = NULL;

  rows = sc_odoo_client_search_read_finish (SC_ODOO_CLIENT (object), result, &error);
  if (rows == NULL)
    {
      handle_call_error (task, error);
      return;
    }

  /* An earlier attempt reached the server but its answer was lost. */
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);

      if (note_has_key (member_string (row, "note"), entry->key))
        {
          EntryResult *entry_result = g_new0 (EntryResult, 1);

          entry_result->outcome = OUTCOME_SYNCED;
          entry_result->odoo_id = member_int (row, "id");
          entry_result->write_date = g_strdup (member_string (row, "write_date"));
          finish_entry (task, entry_result);
          return;
        }
    }

  if (json_array_get_length (rows) > 0)
    found = json_array_get_object_element (rows, 0);

  if (sc_odoo_client_get_role (self->client) == SC_ODOO_ROLE_MANAGER)
    {
      if (found != NULL)
        {
          fail_entry (task, _("A KPI Manager cannot overwrite a value already submitted today"));
          return;
        }
    }

  if (found == NULL)
    {
      g_autoptr(JsonObject) values = build_values (entry, TRUE, entry_user (task, entry));
      g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), values);

      sc_odoo_client_create_async (self->client, "kpi.report.submission", node,
                                   g_task_get_cancellable (task), created_cb, task);
      return;
    }

  /* KPI Admin: the addon's upsert, one submission per KPI, user and UTC day. */
  {
    const char *server_write_date = member_string (found, "write_date");
    gint64 odoo_id = member_int (found, "id");
    EntryResult *entry_result = g_new0 (EntryResult, 1);
    g_autoptr(JsonObject) values = NULL;

    entry_result->outcome = OUTCOME_SYNCED;
    entry_result->odoo_id = odoo_id;

    if (entry->base_write_date != NULL && server_write_date != NULL &&
        g_strcmp0 (server_write_date, entry->base_write_date) > 0)
      {
        gint64 server_time = 0;

        sc_time_from_odoo (server_write_date, &server_time);
        entry_result->conflict_local = g_strdup (entry->payload);
        entry_result->conflict_server = object_to_string (found);

        if (server_time > entry->created_at)
          {
            /* The server's edit is the later one: keep it, file ours. */
            entry_result->conflict_rule = g_strdup ("later-edit-wins:server");
            g_clear_pointer (&entry_result->conflict_server, g_free);
            entry_result->server_row = json_object_ref (found);
            finish_entry (task, entry_result);
            return;
          }

        entry_result->conflict_rule = g_strdup ("later-edit-wins:local");
        g_clear_pointer (&entry_result->conflict_local, g_free);
      }

    values = build_values (entry, FALSE, 0);
    op->result = entry_result;
    sc_odoo_client_write_async (self->client, "kpi.report.submission", &odoo_id, 1, values,
                                g_task_get_cancellable (task), written_cb, task);
  }
}

static void
push_entry (GTask       *task,
            OutboxEntry *entry)
{
  static const char * const fields[] = { "id", "kpi_id", "user_id", "value", "date", "note", "write_date", NULL };
  ScSyncEngine *self = engine_of (task);
  SyncOp *op = op_of (task);
  ScOdooRole role = sc_odoo_client_get_role (self->client);
  g_autofree char *text = NULL;
  g_autoptr(JsonArray) domain = NULL;
  gint64 time = 0;
  gint64 day;

  if (role != SC_ODOO_ROLE_ADMIN && role != SC_ODOO_ROLE_MANAGER)
    {
      fail_entry (task, _("KPI Users cannot submit values; ask a KPI Manager or Admin"));
      return;
    }

  if (entry->kpi_odoo_id <= 0)
    {
      fail_entry (task, _("This KPI exists only on this computer; create it on the server first"));
      return;
    }

  if (entry->user_login != NULL && entry->user_odoo_id <= 0)
    {
      g_autofree char *message = g_strdup_printf (_("The user “%s” does not exist on the server"),
                                                  entry->user_login);
      fail_entry (task, message);
      return;
    }

  if (entry->date == NULL || !sc_time_from_odoo (entry->date, &time))
    {
      fail_entry (task, _("The queued value has no valid date"));
      return;
    }

  day = sc_utc_day_start (time);
  g_free (op->day_start);
  g_free (op->day_end);
  op->day_start = sc_time_to_odoo (day);
  op->day_end = sc_time_to_odoo (day + 86400);

  text = g_strdup_printf ("[[\"kpi_id\", \"=\", %" G_GINT64_FORMAT "], "
                          "[\"user_id\", \"=\", %" G_GINT64_FORMAT "], "
                          "[\"date\", \">=\", \"%s\"], [\"date\", \"<\", \"%s\"]]",
                          entry->kpi_odoo_id, entry_user (task, entry), op->day_start, op->day_end);
  domain = parse_array (text);

  sc_odoo_client_search_read_async (self->client, "kpi.report.submission", domain, fields, 0, 0,
                                    "date desc, id desc", g_task_get_cancellable (task),
                                    same_day_cb, task);
}

static void
push_next (GTask *task)
{
  SyncOp *op = op_of (task);

  if (g_task_return_error_if_cancelled (task))
    {
      g_object_unref (task);
      return;
    }

  if (op->entry_index < op->entries->len)
    {
      push_entry (task, g_ptr_array_index (op->entries, op->entry_index));
      return;
    }

  op->model = SC_SYNC_MODEL_USERS;
  pull_model (task);
}

static void
outbox_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GTask *task = user_data;
  SyncOp *op = op_of (task);
  GError *error = NULL;

  op->entries = sc_store_thread_run_finish (SC_STORE_THREAD (object), result, &error);
  if (op->entries == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  push_next (task);
}

/* Pull */

static void fetch_page (GTask *task);

static void
emit_progress (GTask *task)
{
  SyncOp *op = op_of (task);

  g_signal_emit (engine_of (task), signals[PROGRESS], 0, model_names[op->model], op->done,
                 (guint64)MAX (op->total, 0));
}

static void
next_model (GTask *task)
{
  SyncOp *op = op_of (task);

  if (op->model + 1 < SC_SYNC_N_MODELS)
    {
      op->model++;
      pull_model (task);
      return;
    }

  /* Histories first, so the KPIs and groups they held can go too. */
  op->model = SC_SYNC_N_MODELS - 1;
  reconcile_model (task);
}

static void
page_applied_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GTask *task = user_data;
  ScSyncEngine *self = engine_of (task);
  SyncOp *op = op_of (task);
  GError *error = NULL;
  guint n_rows = op->page_rows;

  if (sc_store_thread_run_finish (SC_STORE_THREAD (object), result, &error) == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  op->done += n_rows;
  op->report->pulled[op->model] += n_rows;
  emit_progress (task);

  if (n_rows < self->page_size)
    {
      next_model (task);
      return;
    }

  g_free (op->cursor.write_date);
  op->cursor.write_date = g_steal_pointer (&op->page_end.write_date);
  op->cursor.last_id = op->page_end.last_id;
  fetch_page (task);
}

static void
collect_user_roles (ScOdooClient *client,
                    GHashTable   *roles,
                    JsonArray    *users)
{
  for (guint i = 0; users != NULL && i < json_array_get_length (users); i++)
    {
      JsonObject *row = json_array_get_object_element (users, i);
      JsonNode *groups = row ? json_object_get_member (row, "groups_id") : NULL;
      gint64 uid;

      if (groups == NULL || !JSON_NODE_HOLDS_ARRAY (groups))
        continue;
      uid = member_int (row, "id");
      g_hash_table_insert (roles, g_memdup2 (&uid, sizeof uid),
                           GINT_TO_POINTER (sc_odoo_client_role_for_groups (client,
                                                                            json_node_get_array (groups))));
    }
}

static void
apply_page (GTask     *task,
            JsonArray *users)
{
  ScSyncEngine *self = engine_of (task);
  SyncOp *op = op_of (task);
  Page *page = g_new0 (Page, 1);

  op->page_rows = json_array_get_length (op->rows);
  g_clear_pointer (&op->page_end.write_date, g_free);
  if (op->page_rows > 0)
    {
      JsonObject *last = json_array_get_object_element (op->rows, op->page_rows - 1);

      op->page_end.write_date = g_strdup (member_string (last, "write_date"));
      op->page_end.last_id = member_int (last, "id");
    }

  /* Others' KPI groups, worked out here where the client is. */
  page->user_roles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  collect_user_roles (self->client, page->user_roles, users);
  if (op->model == SC_SYNC_MODEL_USERS)
    collect_user_roles (self->client, page->user_roles, op->rows);

  page->model = op->model;
  page->rows = g_steal_pointer (&op->rows);
  page->users = users;
  page->move_cursor = TRUE;
  page->own_uid = sc_odoo_client_get_uid (self->client);
  page->role = sc_odoo_client_get_role (self->client);

  sc_store_thread_run_async (self->store, apply_page_job, page, (GDestroyNotify)page_free, NULL,
                             g_task_get_cancellable (task), page_applied_cb, task);
}

static void
users_read_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GTask *task = user_data;
  GError *error = NULL;
  JsonArray *users;

  users = sc_odoo_client_read_finish (SC_ODOO_CLIENT (object), result, &error);
  if (users == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  apply_page (task, users);
}

static void
unknown_users_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GTask *task = user_data;
  ScSyncEngine *self = engine_of (task);
  g_autoptr(GArray) unknown = NULL;
  GError *error = NULL;

  unknown = sc_store_thread_run_finish (SC_STORE_THREAD (object), result, &error);
  if (unknown == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  if (unknown->len == 0)
    {
      apply_page (task, NULL);
      return;
    }

  sc_odoo_client_read_async (self->client, "res.users", (const gint64 *)(gpointer)unknown->data,
                             unknown->len,
                             op_of (task)->fields[SC_SYNC_MODEL_USERS] != NULL
                             ? (const char * const *)op_of (task)->fields[SC_SYNC_MODEL_USERS]
                             : user_required,
                             g_task_get_cancellable (task), users_read_cb, task);
}

static void
add_unique (GArray     *ids,
            GHashTable *seen,
            gint64      id)
{
  if (id > 0 && !g_hash_table_contains (seen, &id))
    {
      g_hash_table_add (seen, g_memdup2 (&id, sizeof id));
      g_array_append_val (ids, id);
    }
}

static void
page_read_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GTask *task = user_data;
  ScSyncEngine *self = engine_of (task);
  SyncOp *op = op_of (task);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  GArray *wanted;
  GError *error = NULL;

  op->rows = sc_odoo_client_search_read_finish (SC_ODOO_CLIENT (object), result, &error);
  if (op->rows == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  /* Users the page refers to and we lack are read first, and stored in
   * the same transaction as the page. */
  wanted = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < json_array_get_length (op->rows); i++)
    {
      JsonObject *row = json_array_get_object_element (op->rows, i);

      if (op->model == SC_SYNC_MODEL_SUBMISSIONS || op->model == SC_SYNC_MODEL_GROUP_SUBMISSIONS)
        add_unique (wanted, seen, member_many2one (row, "user_id", NULL));
      else if (op->model == SC_SYNC_MODEL_KPIS)
        {
          JsonNode *node = json_object_get_member (row, "assigned_user_ids");

          if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
            for (guint j = 0; j < json_array_get_length (json_node_get_array (node)); j++)
              add_unique (wanted, seen, json_array_get_int_element (json_node_get_array (node), j));
        }
    }

  if (wanted->len == 0)
    {
      g_array_unref (wanted);
      apply_page (task, NULL);
      return;
    }

  sc_store_thread_run_async (self->store, unknown_users_job, wanted, (GDestroyNotify)g_array_unref,
                             (GDestroyNotify)g_array_unref, g_task_get_cancellable (task),
                             unknown_users_cb, task);
}

static JsonArray *
model_domain (GTask *task)
{
  SyncOp *op = op_of (task);
  JsonArray *domain = build_cursor_domain (&op->cursor);

  /* Only the users we refer to, not every account of the company. */
  if (op->model == SC_SYNC_MODEL_USERS)
    {
      JsonArray *in = json_array_new ();
      JsonArray *ids = json_array_new ();
      JsonArray *with_ids = json_array_new ();

      for (guint i = 0; i < op->ids->len; i++)
        json_array_add_int_element (ids, g_array_index (op->ids, gint64, i));
      json_array_add_string_element (in, "id");
      json_array_add_string_element (in, "in");
      json_array_add_array_element (in, ids);
      if (json_array_get_length (domain) > 0)
        json_array_add_string_element (with_ids, "&");
      json_array_add_array_element (with_ids, in);
      for (guint i = 0; i < json_array_get_length (domain); i++)
        json_array_add_element (with_ids, json_node_copy (json_array_get_element (domain, i)));
      json_array_unref (domain);
      domain = with_ids;
    }

  return domain;
}

static void
fetch_page (GTask *task)
{
  ScSyncEngine *self = engine_of (task);
  SyncOp *op = op_of (task);
  g_autoptr(JsonArray) domain = NULL;

  if (g_task_return_error_if_cancelled (task))
    {
      g_object_unref (task);
      return;
    }

  domain = model_domain (task);
  sc_odoo_client_search_read_async (self->client, model_names[op->model], domain,
                                    (const char * const *)op->fields[op->model], self->page_size, 0,
                                    "write_date asc, id asc", g_task_get_cancellable (task),
                                    page_read_cb, task);
}

static void
count_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  GTask *task = user_data;
  SyncOp *op = op_of (task);
  GError *error = NULL;

  op->total = sc_odoo_client_search_count_finish (SC_ODOO_CLIENT (object), result, &error);
  if (op->total < 0)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  emit_progress (task);
  if (op->total == 0)
    {
      next_model (task);
      return;
    }

  fetch_page (task);
}

static void
cursor_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GTask *task = user_data;
  ScSyncEngine *self = engine_of (task);
  SyncOp *op = op_of (task);
  g_autoptr(JsonArray) domain = NULL;
  GError *error = NULL;
  Cursor *cursor;

  cursor = sc_store_thread_run_finish (SC_STORE_THREAD (object), result, &error);
  if (cursor == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  g_free (op->cursor.write_date);
  op->cursor = *cursor;
  g_free (cursor);
  op->done = 0;
  op->total = 0;

  domain = model_domain (task);
  sc_odoo_client_search_count_async (self->client, model_names[op->model], domain,
                                     g_task_get_cancellable (task), count_cb, task);
}

static void
load_cursor (GTask *task)
{
  ScSyncEngine *self = engine_of (task);
  SyncOp *op = op_of (task);

  sc_store_thread_run_async (self->store, get_cursor_job, (gpointer)model_names[op->model], NULL,
                             (GDestroyNotify)cursor_free, g_task_get_cancellable (task),
                             cursor_loaded_cb, task);
}

static void
known_users_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GTask *task = user_data;
  SyncOp *op = op_of (task);
  GError *error = NULL;

  g_clear_pointer (&op->ids, g_array_unref);
  op->ids = sc_store_thread_run_finish (SC_STORE_THREAD (object), result, &error);
  if (op->ids == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  /* No user known yet: the pages of the other models bring theirs. */
  if (op->ids->len == 0)
    {
      next_model (task);
      return;
    }

  load_cursor (task);
}

static void
add_note (SyncOp     *op,
          char       *note)
{
  if (op->report->notes == NULL)
    op->report->notes = g_ptr_array_new_with_free_func (g_free);

  g_debug ("%s", note);
  g_ptr_array_add (op->report->notes, note);
}

static void
pull_model_fields_known (GTask *task)
{
  ScSyncEngine *self = engine_of (task);
  SyncOp *op = op_of (task);

  if (op->model == SC_SYNC_MODEL_USERS)
    {
      sc_store_thread_run_async (self->store, known_users_job, NULL, NULL,
                                 (GDestroyNotify)g_array_unref, g_task_get_cancellable (task),
                                 known_users_cb, task);
      return;
    }

  load_cursor (task);
}

static void
fields_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GTask *task = user_data;
  SyncOp *op = op_of (task);
  const char *model = model_names[op->model];
  g_autoptr(JsonObject) fields = NULL;
  g_autoptr(GStrvBuilder) wanted = g_strv_builder_new ();
  g_autoptr(GString) missing = g_string_new (NULL);
  GError *error = NULL;

  fields = sc_odoo_client_fields_get_finish (SC_ODOO_CLIENT (object), result, &error);
  if (fields == NULL)
    {
      /* An addon too old for this model: the rest still syncs. */
      if (g_error_matches (error, SC_SYNC_ERROR, SC_SYNC_ERROR_UNKNOWN_MODEL))
        {
          add_note (op, g_strdup_printf (_("The server has no “%s”, so it was skipped"), model));
          op->skipped[op->model] = TRUE;
          g_error_free (error);
          next_model (task);
          return;
        }

      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  for (const char * const *required = model_required[op->model]; *required; required++)
    if (!json_object_has_member (fields, *required))
      {
        add_note (op, g_strdup_printf (_("The server’s “%s” has no field “%s”, so it was skipped"),
                                       model, *required));
        op->skipped[op->model] = TRUE;
        next_model (task);
        return;
      }

  for (const char * const *field = model_fields[op->model]; *field; field++)
    {
      if (json_object_has_member (fields, *field))
        g_strv_builder_add (wanted, *field);
      /* Others' groups are hidden from most accounts: not worth a note. */
      else if (!(op->model == SC_SYNC_MODEL_USERS && g_str_equal (*field, "groups_id")))
        g_string_append_printf (missing, "%s“%s”", missing->len ? ", " : "", *field);
    }

  if (missing->len > 0)
    add_note (op, g_strdup_printf (_("The server’s “%s” lacks %s: kept as they are here"),
                                   model, missing->str));

  g_strfreev (op->fields[op->model]);
  op->fields[op->model] = g_strv_builder_end (wanted);
  pull_model_fields_known (task);
}

static void
pull_model (GTask *task)
{
  ScSyncEngine *self = engine_of (task);
  SyncOp *op = op_of (task);

  if (g_task_return_error_if_cancelled (task))
    {
      g_object_unref (task);
      return;
    }

  /* fields_get first: a server whose addon lacks a field still syncs. */
  sc_odoo_client_fields_get_async (self->client, model_names[op->model],
                                   g_task_get_cancellable (task), fields_cb, task);
}

/* Reconcile */

static void search_ids (GTask *task);

/* Users are not reconciled: they outlive what refers to them. */
static void
reconcile_next (GTask *task)
{
  SyncOp *op = op_of (task);

  if (op->model == SC_SYNC_MODEL_GROUPS)
    {
      g_task_return_pointer (task, g_steal_pointer (&op->report), (GDestroyNotify)sc_sync_report_free);
      g_object_unref (task);
      return;
    }

  op->model--;
  reconcile_model (task);
}

static void
reconciled_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GTask *task = user_data;
  SyncOp *op = op_of (task);
  GError *error = NULL;
  gpointer deleted;

  deleted = sc_store_thread_run_finish (SC_STORE_THREAD (object), result, &error);
  if (deleted == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  op->report->deleted += GPOINTER_TO_UINT (deleted) - 1;
  reconcile_next (task);
}

static void
ids_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  GTask *task = user_data;
  ScSyncEngine *self = engine_of (task);
  SyncOp *op = op_of (task);
  g_autoptr(JsonNode) node = NULL;
  GError *error = NULL;
  JsonArray *ids;
  Reconcile *reconcile;
  guint n;

  node = sc_odoo_client_execute_kw_finish (SC_ODOO_CLIENT (object), result, &error);
  if (node == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_task_return_new_error (task, SC_SYNC_ERROR, SC_SYNC_ERROR_MALFORMED,
                               _("The server answered a search with something other than a list of ids"));
      g_object_unref (task);
      return;
    }

  ids = json_node_get_array (node);
  n = json_array_get_length (ids);
  for (guint i = 0; i < n; i++)
    {
      gint64 id = json_array_get_int_element (ids, i);

      g_array_append_val (op->ids, id);
    }

  if (n == SEARCH_PAGE_SIZE)
    {
      op->offset += n;
      search_ids (task);
      return;
    }

  reconcile = g_new0 (Reconcile, 1);
  reconcile->model = op->model;
  reconcile->ids = g_steal_pointer (&op->ids);
  sc_store_thread_run_async (self->store, reconcile_job, reconcile, (GDestroyNotify)reconcile_free,
                             NULL, g_task_get_cancellable (task), reconciled_cb, task);
}

static void
search_ids (GTask *task)
{
  ScSyncEngine *self = engine_of (task);
  SyncOp *op = op_of (task);
  g_autoptr(JsonArray) args = json_array_new ();
  g_autoptr(JsonObject) kwargs = json_object_new ();

  json_array_add_array_element (args, json_array_new ());
  json_object_set_int_member (kwargs, "limit", SEARCH_PAGE_SIZE);
  json_object_set_int_member (kwargs, "offset", op->offset);
  json_object_set_string_member (kwargs, "order", "id asc");

  sc_odoo_client_execute_kw_async (self->client, model_names[op->model], "search", args, kwargs,
                                   g_task_get_cancellable (task), ids_cb, task);
}

static gpointer
local_count_job (ScStore       *store,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  static const char * const counts[SC_SYNC_N_MODELS] = {
    NULL,
    "SELECT count(*) FROM report_groups WHERE odoo_id IS NOT NULL",
    "SELECT count(*) FROM kpis WHERE odoo_id IS NOT NULL",
    "SELECT count(*) FROM submissions WHERE odoo_id IS NOT NULL",
    "SELECT count(*) FROM group_submissions WHERE odoo_id IS NOT NULL",
  };
  ScSyncModel model = GPOINTER_TO_UINT (data);
  sqlite3_stmt *stmt = _sc_store_prepare (store, counts[model], error);
  gint64 *count;
  int rc;

  if (stmt == NULL)
    return NULL;

  count = g_new0 (gint64, 1);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      _sc_store_set_error (store, error, rc, _("Reading the store"));
      g_free (count);
      return NULL;
    }

  return count;
}

static void
local_count_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GTask *task = user_data;
  SyncOp *op = op_of (task);
  g_autofree gint64 *local = NULL;
  GError *error = NULL;

  local = sc_store_thread_run_finish (SC_STORE_THREAD (object), result, &error);
  if (local == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  if (*local == op->total)
    {
      reconcile_next (task);
      return;
    }

  g_debug ("%s: %" G_GINT64_FORMAT " rows here, %" G_GINT64_FORMAT " on the server: comparing ids",
           model_names[op->model], *local, op->total);
  g_clear_pointer (&op->ids, g_array_unref);
  op->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  op->offset = 0;
  search_ids (task);
}

static void
server_count_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GTask *task = user_data;
  SyncOp *op = op_of (task);
  GError *error = NULL;

  op->total = sc_odoo_client_search_count_finish (SC_ODOO_CLIENT (object), result, &error);
  if (op->total < 0)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  sc_store_thread_run_async (engine_of (task)->store, local_count_job, GUINT_TO_POINTER (op->model),
                             NULL, g_free, g_task_get_cancellable (task), local_count_cb, task);
}

static void
reconcile_model (GTask *task)
{
  SyncOp *op = op_of (task);

  if (g_task_return_error_if_cancelled (task))
    {
      g_object_unref (task);
      return;
    }

  /* Nothing of a model we skipped may go: we never saw its ids. */
  if (op->skipped[op->model])
    {
      reconcile_next (task);
      return;
    }

  /* Counting first: when the server holds as many rows as we mirror, and
   * we hold all it changed since the last sync, none went; reading every
   * id (50 calls for a million rows) is only for when the counts differ. */
  sc_odoo_client_search_count_async (engine_of (task)->client, model_names[op->model], NULL,
                                     g_task_get_cancellable (task), server_count_cb, task);
}

/* GObject overrides */

static void
sc_sync_engine_dispose (GObject *object)
{
  ScSyncEngine *self = (ScSyncEngine *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (sc_sync_engine_parent_class)->dispose (object);
}

static void
sc_sync_engine_class_init (ScSyncEngineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sc_sync_engine_dispose;

  /**
   * ScSyncEngine::progress:
   * @self: the engine
   * @model: the Odoo model being pulled
   * @done: rows of it received so far in this sync
   * @total: rows to receive, from search_count
   *
   * Emitted before the first page of each model and after every page.
   */
  signals[PROGRESS] = g_signal_new ("progress",
                                    G_TYPE_FROM_CLASS (klass),
                                    G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 3,
                                    G_TYPE_STRING, G_TYPE_UINT, G_TYPE_UINT64);
}

static void
sc_sync_engine_init (ScSyncEngine *self)
{
  self->page_size = DEFAULT_PAGE_SIZE;
}

/* Public API */

/**
 * sc_sync_model_name:
 * @model: a #ScSyncModel
 *
 * Returns: the Odoo model's technical name
 */
const char *
sc_sync_model_name (ScSyncModel model)
{
  g_return_val_if_fail (model < SC_SYNC_N_MODELS, NULL);

  return model_names[model];
}

/**
 * sc_sync_report_free:
 * @report: (transfer full): a #ScSyncReport
 */
void
sc_sync_report_free (ScSyncReport *report)
{
  g_clear_pointer (&report->notes, g_ptr_array_unref);
  g_free (report);
}

/**
 * sc_sync_engine_new:
 * @store: the store thread
 * @client: a client, signed in before each sync
 *
 * Returns: (transfer full): a new #ScSyncEngine
 */
ScSyncEngine *
sc_sync_engine_new (ScStoreThread *store,
                    ScOdooClient  *client)
{
  ScSyncEngine *self;

  g_return_val_if_fail (SC_IS_STORE_THREAD (store), NULL);
  g_return_val_if_fail (SC_IS_ODOO_CLIENT (client), NULL);

  self = g_object_new (SC_TYPE_SYNC_ENGINE, NULL);
  self->store = g_object_ref (store);
  self->client = g_object_ref (client);

  return self;
}

/**
 * sc_sync_engine_set_page_size:
 * @self: a #ScSyncEngine
 * @page_size: rows per search_read page (2000 by default)
 */
void
sc_sync_engine_set_page_size (ScSyncEngine *self,
                              guint         page_size)
{
  g_return_if_fail (SC_IS_SYNC_ENGINE (self));
  g_return_if_fail (page_size > 0);

  self->page_size = page_size;
}

/**
 * sc_sync_engine_sync_async:
 * @self: a #ScSyncEngine
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the sync is over
 * @user_data: data for @callback
 *
 * Pushes the pending outbox entries in order, then pulls every model
 * incrementally, then removes local rows the server no longer has. The
 * client must be signed in. Each pulled page is committed with its
 * cursor, so an interrupted sync resumes where it stopped.
 */
void
sc_sync_engine_sync_async (ScSyncEngine        *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task;
  SyncOp *op;

  g_return_if_fail (SC_IS_SYNC_ENGINE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sc_sync_engine_sync_async);

  op = g_new0 (SyncOp, 1);
  op->report = g_new0 (ScSyncReport, 1);
  g_task_set_task_data (task, op, (GDestroyNotify)sync_op_free);

  sc_store_thread_run_async (self->store, load_outbox_job, NULL, NULL,
                             (GDestroyNotify)g_ptr_array_unref, cancellable,
                             outbox_loaded_cb, task);
}

/**
 * sc_sync_engine_sync_finish:
 * @self: a #ScSyncEngine
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * A network or server failure stops the sync: pending entries stay
 * pending, and every page committed before it is kept.
 *
 * Returns: (transfer full): what the sync did, or %NULL with @error set
 */
ScSyncReport *
sc_sync_engine_sync_finish (ScSyncEngine  *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (SC_IS_SYNC_ENGINE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
