/* sc-store-submissions.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "sc-json-writer.h"
#include "sc-kpi-private.h"
#include "sc-period.h"
#include "sc-score.h"
#include "sc-store-private.h"
#include "sc-submission-private.h"

/* Auxiliary methods */

static char *
build_submit_payload (ScKpi      *kpi,
                      const char *user_login,
                      double      value,
                      gint64      date,
                      const char *note)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *odoo_date = sc_time_to_odoo (date);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "kpi_id");
  json_builder_add_int_value (builder, kpi->id);
  json_builder_set_member_name (builder, "kpi_odoo_id");
  if (kpi->odoo_id > 0)
    json_builder_add_int_value (builder, kpi->odoo_id);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "user_login");
  if (user_login != NULL)
    json_builder_add_string_value (builder, user_login);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "value");
  json_builder_add_double_value (builder, value);
  json_builder_set_member_name (builder, "date");
  json_builder_add_string_value (builder, odoo_date);
  json_builder_set_member_name (builder, "note");
  if (note != NULL)
    json_builder_add_string_value (builder, note);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);

  return sc_json_node_to_string (root, FALSE);
}

static char *
lookup_login (ScStore *self,
              gint64   user_id)
{
  sqlite3_stmt *stmt;
  char *login = NULL;

  if (user_id <= 0)
    return NULL;

  stmt = _sc_store_prepare (self, "SELECT login FROM users WHERE id = ?", NULL);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, user_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    login = g_strdup (_sc_column_text (stmt, 0));
  sqlite3_reset (stmt);

  return login;
}

/* Private API */

/* The KPI's latest and previous values follow its two newest submissions. */
gboolean
_sc_store_refresh_kpi_value (ScStore  *self,
                             gint64    kpi_id,
                             GError  **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _sc_store_prepare (self,
                            "UPDATE kpis SET "
                            "  value = coalesce ((SELECT value FROM submissions WHERE kpi_id = ?1 "
                            "                     ORDER BY date DESC, id DESC LIMIT 1), value), "
                            "  previous_value = (SELECT value FROM submissions WHERE kpi_id = ?1 "
                            "                    ORDER BY date DESC, id DESC LIMIT 1 OFFSET 1), "
                            "  last_submitted = (SELECT max (date) FROM submissions WHERE kpi_id = ?1) "
                            "WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, kpi_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (self, error, rc, _("Updating the KPI"));
      return FALSE;
    }

  return TRUE;
}

/* Public API */

/**
 * sc_store_submit:
 * @self: a #ScStore
 * @kpi_id: the KPI
 * @user_id: the user the value is reported for, or 0 for none
 * @value: the value
 * @date: when, in Unix seconds UTC
 * @note: (nullable): a note
 * @result: (out caller-allocates) (optional): what was written
 * @error: return location for a #GError
 *
 * Records a value the way the addon's submit action does: one submission
 * per KPI, user and UTC day, so a second value on the same day overwrites
 * the first. The KPI's latest value follows the newest submission. The
 * change is queued in the outbox for the next sync, in the same
 * transaction, so it is either stored and queued or not stored at all.
 *
 * A value that is not a finite number, or whose achievement, rounded to
 * two decimals as Odoo stores it, would be negative (which the server
 * refuses), changes nothing.
 *
 * Returns: %TRUE on success
 */
gboolean
sc_store_submit (ScStore         *self,
                 gint64           kpi_id,
                 gint64           user_id,
                 double           value,
                 gint64           date,
                 const char      *note,
                 ScSubmitResult  *result,
                 GError         **error)
{
  g_autoptr(ScKpi) kpi = NULL;
  g_autofree char *login = NULL;
  g_autofree char *payload = NULL;
  g_autofree char *base_write_date = NULL;
  sqlite3_stmt *stmt;
  sqlite3 *db;
  gint64 day_start;
  gint64 submission_id = 0;
  gint64 outbox_id;
  gboolean replaced = FALSE;
  double previous_value = 0.0;
  int rc;

  g_return_val_if_fail (SC_IS_STORE (self), FALSE);

  if (!sc_score_validate_value (value, error))
    return FALSE;

  if (!(kpi = sc_store_get_kpi (self, kpi_id, error)))
    return FALSE;

  if (sc_score_achievement (value, kpi->target_value, kpi->target_type, kpi->direction) < 0)
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                   _("Achievement percent cannot be negative: %g is not a valid value for “%s”"),
                   value, kpi->name);
      return FALSE;
    }

  if (note != NULL && !g_utf8_validate (note, -1, NULL))
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                   _("The note is not valid UTF-8"));
      return FALSE;
    }

  if (user_id > 0 && !(login = lookup_login (self, user_id)))
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_NOT_FOUND,
                   _("There is no user #%" G_GINT64_FORMAT), user_id);
      return FALSE;
    }

  db = _sc_store_get_db (self);
  day_start = sc_utc_day_start (date);

  if (!_sc_store_begin (self, error))
    return FALSE;

  stmt = _sc_store_prepare (self,
                            "SELECT id, value, write_date FROM submissions "
                            "WHERE kpi_id = ?1 AND user_id IS ?2 AND date >= ?3 AND date < ?4 "
                            "ORDER BY date DESC, id DESC LIMIT 1",
                            error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_int64 (stmt, 1, kpi_id);
  if (user_id > 0)
    sqlite3_bind_int64 (stmt, 2, user_id);
  sqlite3_bind_int64 (stmt, 3, day_start);
  sqlite3_bind_int64 (stmt, 4, day_start + 86400);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      submission_id = sqlite3_column_int64 (stmt, 0);
      previous_value = sqlite3_column_double (stmt, 1);
      base_write_date = g_strdup (_sc_column_text (stmt, 2));
      replaced = TRUE;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _sc_store_set_error (self, error, rc, _("Reading the submissions"));
      goto failed;
    }

  if (replaced)
    stmt = _sc_store_prepare (self,
                              "UPDATE submissions SET value = ?1, note = ?2, date = ?3, "
                              "  sync_state = CASE sync_state WHEN 'synced' THEN 'dirty' "
                              "                 ELSE sync_state END "
                              "WHERE id = ?4",
                              error);
  else
    stmt = _sc_store_prepare (self,
                              "INSERT INTO submissions (value, note, date, kpi_id, user_id) "
                              "VALUES (?1, ?2, ?3, ?5, ?6)",
                              error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_double (stmt, 1, value);
  if (note != NULL)
    sqlite3_bind_text (stmt, 2, note, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, date);
  if (replaced)
    sqlite3_bind_int64 (stmt, 4, submission_id);
  else
    {
      sqlite3_bind_int64 (stmt, 5, kpi_id);
      if (user_id > 0)
        sqlite3_bind_int64 (stmt, 6, user_id);
    }
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (self, error, rc, _("Saving the value"));
      goto failed;
    }

  if (!replaced)
    submission_id = sqlite3_last_insert_rowid (db);

  if (!_sc_store_refresh_kpi_value (self, kpi_id, error))
    goto failed;

  payload = build_submit_payload (kpi, login, value, date, note);
  outbox_id = _sc_store_enqueue (self, "submit", "kpi.report.submission", submission_id,
                                 payload, base_write_date, error);
  if (outbox_id < 0)
    goto failed;

  if (!_sc_store_commit (self,
                         SC_STORE_CHANGE_SUBMISSIONS | SC_STORE_CHANGE_KPIS | SC_STORE_CHANGE_OUTBOX,
                         error))
    return FALSE;

  if (result != NULL)
    {
      result->submission_id = submission_id;
      result->replaced = replaced;
      result->previous_value = previous_value;
      result->outbox_id = outbox_id;
    }

  return TRUE;

failed:
  _sc_store_rollback (self);
  return FALSE;
}

/**
 * sc_store_list_submissions:
 * @self: a #ScStore
 * @kpi_id: a KPI
 * @limit: the most rows to return, 0 for all
 * @error: return location for a #GError
 *
 * The KPI's history, newest first, each row judged against the KPI's
 * current target as the addon does.
 *
 * Returns: (transfer container) (element-type ScSubmission): the rows
 */
GPtrArray *
sc_store_list_submissions (ScStore  *self,
                           gint64    kpi_id,
                           guint     limit,
                           GError  **error)
{
  g_autoptr(GPtrArray) submissions = NULL;
  g_autoptr(ScKpi) kpi = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SC_IS_STORE (self), NULL);

  if (!(kpi = sc_store_get_kpi (self, kpi_id, error)))
    return NULL;

  stmt = _sc_store_prepare (self,
                            "SELECT s.id, s.odoo_id, s.value, s.date, s.note, s.sync_state, "
                            "  u.login, u.name "
                            "FROM submissions s LEFT JOIN users u ON u.id = s.user_id "
                            "WHERE s.kpi_id = ? ORDER BY s.date DESC, s.id DESC LIMIT ?",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, kpi_id);
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (gint64)limit : -1);

  submissions = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ScSubmission *submission = _sc_submission_new ();

      submission->id = sqlite3_column_int64 (stmt, 0);
      submission->odoo_id = sqlite3_column_int64 (stmt, 1);
      submission->kpi_id = kpi_id;
      submission->value = sqlite3_column_double (stmt, 2);
      submission->date = sqlite3_column_int64 (stmt, 3);
      submission->note = g_strdup (_sc_column_text (stmt, 4));
      sc_sync_state_from_key (_sc_column_text (stmt, 5), &submission->sync_state);
      submission->user_login = g_strdup (_sc_column_text (stmt, 6));
      submission->user_name = g_strdup (_sc_column_text (stmt, 7));
      submission->achievement = sc_score_achievement (submission->value, kpi->target_value,
                                                      kpi->target_type, kpi->direction);
      g_ptr_array_add (submissions, submission);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (self, error, rc, _("Reading the submissions"));
      return NULL;
    }

  return g_steal_pointer (&submissions);
}

/**
 * sc_store_get_history:
 * @self: a #ScStore
 * @kpi_id: a KPI
 * @since: the earliest time to include, Unix seconds UTC (0 for all)
 * @limit: the most recent points to return at most, 0 for all
 * @error: return location for a #GError
 *
 * The KPI's values over time, oldest first, for charts and sparklines.
 * Several users' values on one day are separate points.
 *
 * Returns: (transfer full) (element-type ScHistoryPoint): the points
 */
GArray *
sc_store_get_history (ScStore  *self,
                      gint64    kpi_id,
                      gint64    since,
                      guint     limit,
                      GError  **error)
{
  g_autoptr(GArray) points = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SC_IS_STORE (self), NULL);

  stmt = _sc_store_prepare (self,
                            "SELECT date, value FROM submissions "
                            "WHERE kpi_id = ? AND date >= ? "
                            "ORDER BY date DESC, id DESC LIMIT ?",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, kpi_id);
  sqlite3_bind_int64 (stmt, 2, since);
  sqlite3_bind_int64 (stmt, 3, limit > 0 ? (gint64)limit : -1);

  points = g_array_new (FALSE, FALSE, sizeof (ScHistoryPoint));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ScHistoryPoint point = {
        sqlite3_column_int64 (stmt, 0),
        sqlite3_column_double (stmt, 1),
      };

      g_array_append_val (points, point);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (self, error, rc, _("Reading the history"));
      return NULL;
    }

  /* Newest first from the index; charts want oldest first. */
  for (guint i = 0, j = points->len; i + 1 < j; i++, j--)
    {
      ScHistoryPoint tmp = g_array_index (points, ScHistoryPoint, i);

      g_array_index (points, ScHistoryPoint, i) = g_array_index (points, ScHistoryPoint, j - 1);
      g_array_index (points, ScHistoryPoint, j - 1) = tmp;
    }

  return g_steal_pointer (&points);
}
