/* sc-sync-issues.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-sync-issues"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "sc-period.h"
#include "sc-store-private.h"
#include "sc-sync-issues.h"

/* What a sync left for the user: changes Odoo refused, which stay in the
 * outbox marked failed with Odoo's message, and versions that lost a
 * conflict. A failed change can be tried again; a local version that lost
 * can be re-applied, which submits it again (so it is queued in the outbox
 * with today's base, and wins unless the server changes once more). */

typedef struct
{
  ScSyncIssueKind  kind;
  gint64           id;
  gboolean         dismiss;
} Action;

/* Auxiliary methods */

static const char *
rule_message (const char *rule)
{
  if (g_strcmp0 (rule, "later-edit-wins:server") == 0)
    return _("Changed on Odoo after your edit: Odoo’s value was kept; yours is here");
  if (g_strcmp0 (rule, "later-edit-wins:local") == 0)
    return _("Your later edit replaced a value changed on Odoo");

  return rule;
}

static gboolean
read_issues (ScStore          *store,
             GPtrArray        *issues,
             ScSyncIssueKind   kind,
             const char       *sql,
             GError          **error)
{
  sqlite3_stmt *stmt = _sc_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ScSyncIssue *issue = g_new0 (ScSyncIssue, 1);
      const char *date = _sc_column_text (stmt, 3);
      const char *message = _sc_column_text (stmt, 4);

      issue->kind = kind;
      issue->id = sqlite3_column_int64 (stmt, 0);
      issue->kpi_name = g_strdup (_sc_column_text (stmt, 1));
      issue->value = sqlite3_column_double (stmt, 2);
      if (date == NULL || !sc_time_from_odoo (date, &issue->date))
        issue->date = 0;
      issue->message = g_strdup (kind == SC_SYNC_ISSUE_CONFLICT ? rule_message (message) : message);
      issue->can_reapply = sqlite3_column_int (stmt, 5) != 0;
      g_ptr_array_add (issues, issue);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (store, error, rc, _("Reading what the sync left"));
      return FALSE;
    }

  return TRUE;
}

static gpointer
list_job (ScStore       *store,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  return sc_sync_issues_list (store, error);
}

static gpointer
act_job (ScStore       *store,
         gpointer       data,
         GCancellable  *cancellable,
         GError       **error)
{
  Action *action = data;
  gboolean ok;

  if (action->kind == SC_SYNC_ISSUE_FAILED)
    ok = sc_sync_issues_retry (store, action->id, error);
  else if (action->dismiss)
    ok = sc_sync_issues_dismiss (store, action->id, error);
  else
    ok = sc_sync_issues_reapply (store, action->id, error);

  return ok ? GINT_TO_POINTER (TRUE) : NULL;
}

/* Public API */

void
sc_sync_issue_free (ScSyncIssue *issue)
{
  if (issue == NULL)
    return;

  g_free (issue->kpi_name);
  g_free (issue->message);
  g_free (issue);
}

/**
 * sc_sync_issues_list:
 * @store: a #ScStore
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type ScSyncIssue): the failed outbox
 *   entries, then the conflicts, newest first
 */
GPtrArray *
sc_sync_issues_list (ScStore  *store,
                     GError  **error)
{
  g_autoptr(GPtrArray) issues = g_ptr_array_new_with_free_func ((GDestroyNotify)sc_sync_issue_free);

  g_return_val_if_fail (SC_IS_STORE (store), NULL);

  if (!read_issues (store, issues, SC_SYNC_ISSUE_FAILED,
                    "SELECT o.id, k.name, json_extract (o.payload, '$.value'), "
                    "  json_extract (o.payload, '$.date'), o.last_error, 0 "
                    "FROM outbox o "
                    "LEFT JOIN kpis k ON k.id = json_extract (o.payload, '$.kpi_id') "
                    "WHERE o.state = 'failed' ORDER BY o.id DESC",
                    error))
    return NULL;

  if (!read_issues (store, issues, SC_SYNC_ISSUE_CONFLICT,
                    "SELECT c.id, coalesce (k.name, json_extract (c.server_payload, '$.kpi_id[1]')), "
                    "  json_extract (coalesce (c.local_payload, c.server_payload), '$.value'), "
                    "  json_extract (coalesce (c.local_payload, c.server_payload), '$.date'), "
                    "  c.rule, c.local_payload IS NOT NULL "
                    "FROM sync_conflicts c "
                    "LEFT JOIN kpis k ON k.id = json_extract (c.local_payload, '$.kpi_id') "
                    "ORDER BY c.id DESC",
                    error))
    return NULL;

  return g_steal_pointer (&issues);
}

/**
 * sc_sync_issues_reapply:
 * @store: a #ScStore
 * @conflict_id: a conflict whose local version lost
 * @error: return location for a #GError
 *
 * Submits the losing local version again, which queues it in the outbox,
 * and forgets the conflict, in one transaction.
 *
 * Returns: %TRUE on success
 */
gboolean
sc_sync_issues_reapply (ScStore  *store,
                        gint64    conflict_id,
                        GError  **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *payload = NULL;
  sqlite3_stmt *stmt;
  JsonObject *object;
  const char *login;
  gint64 user_id = 0;
  gint64 date = 0;

  g_return_val_if_fail (SC_IS_STORE (store), FALSE);

  if (!_sc_store_begin (store, error))
    return FALSE;

  stmt = _sc_store_prepare (store, "SELECT local_payload FROM sync_conflicts WHERE id = ?", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, conflict_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    payload = g_strdup (_sc_column_text (stmt, 0));
  sqlite3_reset (stmt);

  if (payload == NULL || !json_parser_load_from_data (parser, payload, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error_literal (error, SC_STORE_ERROR, SC_STORE_ERROR_NOT_FOUND,
                           _("There is no local version of this conflict to re-apply"));
      goto failed;
    }

  object = json_node_get_object (json_parser_get_root (parser));
  login = json_object_get_string_member_with_default (object, "user_login", NULL);
  if (login != NULL && (user_id = sc_store_find_user (store, login, error)) < 0)
    goto failed;

  if (!sc_time_from_odoo (json_object_get_string_member_with_default (object, "date", NULL),
                          &date))
    date = g_get_real_time () / G_USEC_PER_SEC;

  if (!sc_store_submit (store, json_object_get_int_member_with_default (object, "kpi_id", 0),
                        user_id, json_object_get_double_member_with_default (object, "value", 0),
                        date, json_object_get_string_member_with_default (object, "note", NULL),
                        NULL, error))
    goto failed;

  stmt = _sc_store_prepare (store, "DELETE FROM sync_conflicts WHERE id = ?", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, conflict_id);
  if (!_sc_store_step_done (store, stmt, _("Re-applying the value"), error))
    goto failed;

  return _sc_store_commit (store, SC_STORE_CHANGE_OUTBOX | SC_STORE_CHANGE_SUBMISSIONS, error);

failed:
  _sc_store_rollback (store);
  return FALSE;
}

/**
 * sc_sync_issues_retry:
 * @store: a #ScStore
 * @outbox_id: an outbox entry marked failed
 * @error: return location for a #GError
 *
 * Marks the entry pending again, for the next sync to push.
 *
 * Returns: %TRUE on success
 */
gboolean
sc_sync_issues_retry (ScStore  *store,
                      gint64    outbox_id,
                      GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SC_IS_STORE (store), FALSE);

  if (!_sc_store_begin (store, error))
    return FALSE;

  stmt = _sc_store_prepare (store,
                            "UPDATE outbox SET state = 'pending' WHERE id = ? AND state = 'failed'",
                            error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, outbox_id);
  if (!_sc_store_step_done (store, stmt, _("Updating the outbox"), error))
    goto failed;

  return _sc_store_commit (store, SC_STORE_CHANGE_OUTBOX, error);

failed:
  _sc_store_rollback (store);
  return FALSE;
}

/**
 * sc_sync_issues_dismiss:
 * @store: a #ScStore
 * @conflict_id: a conflict
 * @error: return location for a #GError
 *
 * Forgets the conflict and its losing version.
 *
 * Returns: %TRUE on success
 */
gboolean
sc_sync_issues_dismiss (ScStore  *store,
                        gint64    conflict_id,
                        GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SC_IS_STORE (store), FALSE);

  if (!_sc_store_begin (store, error))
    return FALSE;

  stmt = _sc_store_prepare (store, "DELETE FROM sync_conflicts WHERE id = ?", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, conflict_id);
  if (!_sc_store_step_done (store, stmt, _("Dismissing the conflict"), error))
    goto failed;

  /* The outbox flag: the conflict count is shown beside the outbox's. */
  return _sc_store_commit (store, SC_STORE_CHANGE_OUTBOX, error);

failed:
  _sc_store_rollback (store);
  return FALSE;
}

/**
 * sc_sync_issues_list_async:
 * @store: the store thread
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the caller's context
 * @user_data: data for @callback
 *
 * Runs sc_sync_issues_list() on the store thread.
 */
void
sc_sync_issues_list_async (ScStoreThread       *store,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_return_if_fail (SC_IS_STORE_THREAD (store));

  sc_store_thread_run_async (store, list_job, NULL, NULL, (GDestroyNotify)g_ptr_array_unref,
                             cancellable, callback, user_data);
}

/**
 * sc_sync_issues_list_finish:
 * @store: the store thread
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type ScSyncIssue): the issues
 */
GPtrArray *
sc_sync_issues_list_finish (ScStoreThread  *store,
                            GAsyncResult   *result,
                            GError        **error)
{
  g_return_val_if_fail (SC_IS_STORE_THREAD (store), NULL);

  return sc_store_thread_run_finish (store, result, error);
}

/**
 * sc_sync_issues_act_async:
 * @store: the store thread
 * @issue: the issue
 * @dismiss: for a conflict: %TRUE to forget it, %FALSE to re-apply it
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the caller's context
 * @user_data: data for @callback
 *
 * Retries a failed change, or re-applies or dismisses a conflict, on the
 * store thread.
 */
void
sc_sync_issues_act_async (ScStoreThread       *store,
                          const ScSyncIssue   *issue,
                          gboolean             dismiss,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  Action *action = g_new0 (Action, 1);

  g_return_if_fail (SC_IS_STORE_THREAD (store));
  g_return_if_fail (issue != NULL);

  action->kind = issue->kind;
  action->id = issue->id;
  action->dismiss = dismiss;

  sc_store_thread_run_async (store, act_job, action, g_free, NULL, cancellable, callback,
                             user_data);
}

gboolean
sc_sync_issues_act_finish (ScStoreThread  *store,
                           GAsyncResult   *result,
                           GError        **error)
{
  g_return_val_if_fail (SC_IS_STORE_THREAD (store), FALSE);

  return sc_store_thread_run_finish (store, result, error) != NULL;
}
