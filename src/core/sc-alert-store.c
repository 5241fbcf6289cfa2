/* sc-alert-store.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-alert-store"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "sc-alert-rule-json.h"
#include "sc-alert-store.h"
#include "sc-store-private.h"

/* Alert rules and the state of each (rule, KPI) incident in the store
 * (schema 6). A state is written only once it is more than "normal and
 * never fired", so 10,000 quiet KPIs cost no rows. */

/* Auxiliary methods */

static char *
channels_to_json (const gint64 *ids,
                  guint         n)
{
  GString *json = g_string_new ("[");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i ? ", " : "", ids[i]);
  g_string_append_c (json, ']');

  return g_string_free (json, FALSE);
}

static GArray *
channels_from_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  JsonArray *array;

  if (text == NULL || !json_parser_load_from_data (parser, text, -1, NULL) ||
      !JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)))
    return ids;

  array = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64)
        {
          gint64 id = json_node_get_int (node);

          g_array_append_val (ids, id);
        }
    }

  return ids;
}

static void
state_from_row (ScAlertState *state,
                sqlite3_stmt *stmt,
                int           first)
{
  ScAlertStatus status = SC_ALERT_STATUS_NORMAL;
  ScAlertSeverity severity = SC_ALERT_SEVERITY_WARNING;

  sc_alert_state_init (state);
  sc_alert_status_from_key (_sc_column_text (stmt, first), &status);
  sc_alert_severity_from_key (_sc_column_text (stmt, first + 1), &severity);
  state->status = status;
  state->severity = severity;
  state->incident = (guint)sqlite3_column_int (stmt, first + 2);
  state->pending_since = sqlite3_column_int64 (stmt, first + 3);
  state->pending_samples = (guint)sqlite3_column_int (stmt, first + 4);
  state->fired_at = sqlite3_column_int64 (stmt, first + 5);
  state->escalated_at = sqlite3_column_int64 (stmt, first + 6);
  state->acknowledged_at = sqlite3_column_int64 (stmt, first + 7);
  state->resolved_at = sqlite3_column_int64 (stmt, first + 8);
  state->snoozed_until = sqlite3_column_int64 (stmt, first + 9);
  state->comment = g_strdup (_sc_column_text (stmt, first + 10));
  state->last_metric = sqlite3_column_type (stmt, first + 11) == SQLITE_NULL
                       ? NAN : sqlite3_column_double (stmt, first + 11);
}

#define STATE_COLUMNS "status, severity, incident, pending_since, pending_samples, fired_at, " \
                      "escalated_at, acknowledged_at, resolved_at, snoozed_until, comment, last_metric"

static void
alert_state_free (gpointer data)
{
  ScAlertState *state = data;

  sc_alert_state_clear (state);
  g_free (state);
}

/* Public API */

void
sc_stored_alert_rule_free (ScStoredAlertRule *stored)
{
  if (stored == NULL)
    return;

  sc_alert_rule_free (stored->rule);
  g_clear_pointer (&stored->channels, g_array_unref);
  g_free (stored);
}

void
sc_alert_row_free (ScAlertRow *row)
{
  if (row == NULL)
    return;

  g_free (row->rule_name);
  g_free (row->kpi_name);
  g_free (row->department);
  g_free (row->comment);
  g_free (row->message);
  g_free (row->details);
  g_free (row);
}

/**
 * sc_alert_state_key:
 * @rule_id: a rule
 * @kpi_id: a KPI
 *
 * Returns: the key of their state in the tables sc_store_load_alert_states()
 *   fills (a pointer to it, as a #gint64 table's keys are)
 */
gint64
sc_alert_state_key (gint64 rule_id,
                    gint64 kpi_id)
{
  /* Ids are SQLite rowids; no store comes near 2^31 rules or KPIs. */
  return (rule_id << 32) ^ (kpi_id & G_GINT64_CONSTANT (0xffffffff));
}

/**
 * sc_store_add_alert_rule:
 * @store: a #ScStore
 * @rule: a valid rule
 * @channel_ids: (array length=n_channels): the channels it notifies
 * @n_channels: how many
 * @now: the time
 * @error: return location for a #GError
 *
 * Returns: the rule's id, or 0 with @error set
 */
gint64
sc_store_add_alert_rule (ScStore            *store,
                         const ScAlertRule  *rule,
                         const gint64       *channel_ids,
                         guint               n_channels,
                         gint64              now,
                         GError            **error)
{
  g_autofree char *definition = NULL;
  g_autofree char *channels = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (SC_IS_STORE (store), 0);
  g_return_val_if_fail (rule != NULL, 0);

  if (!sc_alert_rule_validate (rule, error))
    return 0;

  definition = sc_alert_rule_to_json (rule);
  channels = channels_to_json (channel_ids, n_channels);

  if (!_sc_store_begin (store, error))
    return 0;

  /* Every channel must exist: a rule never points at nothing. */
  for (guint i = 0; i < n_channels; i++)
    {
      stmt = _sc_store_prepare (store, "SELECT 1 FROM alert_channels WHERE id = ?", error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_int64 (stmt, 1, channel_ids[i]);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          sqlite3_reset (stmt);
          g_set_error (error, SC_ALERT_ERROR, SC_ALERT_ERROR_INVALID,
                       _("There is no alert channel %lld"), (long long)channel_ids[i]);
          goto failed;
        }
      sqlite3_reset (stmt);
    }

  stmt = _sc_store_prepare (store,
                            "INSERT INTO alert_rules (name, definition, channels, created_at) "
                            "VALUES (?, ?, ?, ?)",
                            error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, rule->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, definition, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, channels, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, now);
  if (!_sc_store_step_done (store, stmt, _("Saving the alert rule"), error))
    goto failed;
  id = sqlite3_last_insert_rowid (_sc_store_get_db (store));

  if (!_sc_store_commit (store, SC_STORE_CHANGE_SETTINGS, error))
    return 0;

  return id;

failed:
  _sc_store_rollback (store);
  return 0;
}

/**
 * sc_store_list_alert_rules:
 * @store: a #ScStore
 * @error: return location for a #GError
 *
 * A rule whose stored definition no longer reads (written by a newer
 * version) is skipped with a warning rather than failing the others.
 *
 * Returns: (transfer full) (element-type ScStoredAlertRule): the rules by
 *   name, or %NULL with @error set
 */
GPtrArray *
sc_store_list_alert_rules (ScStore  *store,
                           GError  **error)
{
  g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func ((GDestroyNotify)sc_stored_alert_rule_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SC_IS_STORE (store), NULL);

  stmt = _sc_store_prepare (store,
                            "SELECT id, name, definition, channels, enabled FROM alert_rules "
                            "ORDER BY name",
                            error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GError) local = NULL;
      ScAlertRule *rule = sc_alert_rule_from_json (_sc_column_text (stmt, 2), _sc_column_text (stmt, 1),
                                                   &local);
      ScStoredAlertRule *stored;

      if (rule == NULL)
        {
          g_warning ("Skipping the alert rule “%s”: %s", _sc_column_text (stmt, 1), local->message);
          continue;
        }

      rule->id = sqlite3_column_int64 (stmt, 0);
      stored = g_new0 (ScStoredAlertRule, 1);
      stored->rule = rule;
      stored->channels = channels_from_json (_sc_column_text (stmt, 3));
      stored->enabled = sqlite3_column_int (stmt, 4) != 0;
      g_ptr_array_add (rules, stored);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (store, error, rc, _("Reading the alert rules"));
      return NULL;
    }

  return g_steal_pointer (&rules);
}

/**
 * sc_store_load_alert_states:
 * @store: a #ScStore
 * @states: a table from sc_alert_states_new()
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
sc_store_load_alert_states (ScStore     *store,
                            GHashTable  *states,
                            GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SC_IS_STORE (store), FALSE);

  stmt = _sc_store_prepare (store, "SELECT rule_id, kpi_id, " STATE_COLUMNS " FROM alert_states", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ScAlertState *state = g_new0 (ScAlertState, 1);
      gint64 key = sc_alert_state_key (sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1));

      state_from_row (state, stmt, 2);
      g_hash_table_insert (states, g_memdup2 (&key, sizeof key), state);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (store, error, rc, _("Reading the alerts"));
      return FALSE;
    }

  return TRUE;
}

/**
 * sc_store_save_alert_state:
 * @store: a #ScStore, in a transaction
 * @rule_id: the rule
 * @kpi_id: the KPI
 * @state: its state
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
sc_store_save_alert_state (ScStore             *store,
                           gint64               rule_id,
                           gint64               kpi_id,
                           const ScAlertState  *state,
                           GError             **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SC_IS_STORE (store), FALSE);
  g_return_val_if_fail (_sc_store_in_transaction (store), FALSE);

  stmt = _sc_store_prepare (store,
                            "INSERT OR REPLACE INTO alert_states (rule_id, kpi_id, " STATE_COLUMNS ") "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, rule_id);
  sqlite3_bind_int64 (stmt, 2, kpi_id);
  sqlite3_bind_text (stmt, 3, sc_alert_status_to_key (state->status), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, sc_alert_severity_to_key (state->severity), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, state->incident);
  sqlite3_bind_int64 (stmt, 6, state->pending_since);
  sqlite3_bind_int64 (stmt, 7, state->pending_samples);
  sqlite3_bind_int64 (stmt, 8, state->fired_at);
  sqlite3_bind_int64 (stmt, 9, state->escalated_at);
  sqlite3_bind_int64 (stmt, 10, state->acknowledged_at);
  sqlite3_bind_int64 (stmt, 11, state->resolved_at);
  sqlite3_bind_int64 (stmt, 12, state->snoozed_until);
  if (state->comment != NULL)
    sqlite3_bind_text (stmt, 13, state->comment, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 13);
  if (isfinite (state->last_metric))
    sqlite3_bind_double (stmt, 14, state->last_metric);
  else
    sqlite3_bind_null (stmt, 14);

  return _sc_store_step_done (store, stmt, _("Saving the alert"), error);
}

/**
 * sc_store_list_alerts:
 * @store: a #ScStore
 * @include_normal: also incidents that are over and quiet again
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type ScAlertRow): firing, pending and
 *   acknowledged first, most severe first, then the resolved ones; %NULL
 *   with @error set
 */
GPtrArray *
sc_store_list_alerts (ScStore   *store,
                      gboolean   include_normal,
                      GError   **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)sc_alert_row_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SC_IS_STORE (store), NULL);

  stmt = _sc_store_prepare (store,
                            "SELECT s.rule_id, r.name, s.kpi_id, k.name, k.department, "
                            "  s.status, s.severity, s.incident, s.fired_at, s.acknowledged_at, "
                            "  s.resolved_at, s.snoozed_until, s.comment, "
                            "  (SELECT e.message FROM alert_events e WHERE e.rule_id = s.rule_id "
                            "     AND e.kpi_id = s.kpi_id ORDER BY e.time DESC, e.id DESC LIMIT 1), "
                            "  (SELECT e.details FROM alert_events e WHERE e.rule_id = s.rule_id "
                            "     AND e.kpi_id = s.kpi_id ORDER BY e.time DESC, e.id DESC LIMIT 1) "
                            "FROM alert_states s JOIN alert_rules r ON r.id = s.rule_id "
                            "JOIN kpis k ON k.id = s.kpi_id "
                            "WHERE s.incident > 0 AND (?1 OR s.status <> 'normal') "
                            "ORDER BY s.status IN ('resolved', 'normal'), "
                            "  CASE s.severity WHEN 'urgent' THEN 0 WHEN 'critical' THEN 1 "
                            "    WHEN 'warning' THEN 2 ELSE 3 END, s.fired_at DESC",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, include_normal);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ScAlertRow *row = g_new0 (ScAlertRow, 1);
      ScAlertStatus status = SC_ALERT_STATUS_NORMAL;
      ScAlertSeverity severity = SC_ALERT_SEVERITY_WARNING;

      row->rule_id = sqlite3_column_int64 (stmt, 0);
      row->rule_name = g_strdup (_sc_column_text (stmt, 1));
      row->kpi_id = sqlite3_column_int64 (stmt, 2);
      row->kpi_name = g_strdup (_sc_column_text (stmt, 3));
      row->department = g_strdup (_sc_column_text (stmt, 4));
      sc_alert_status_from_key (_sc_column_text (stmt, 5), &status);
      sc_alert_severity_from_key (_sc_column_text (stmt, 6), &severity);
      row->status = status;
      row->severity = severity;
      row->incident = (guint)sqlite3_column_int (stmt, 7);
      row->fired_at = sqlite3_column_int64 (stmt, 8);
      row->acknowledged_at = sqlite3_column_int64 (stmt, 9);
      row->resolved_at = sqlite3_column_int64 (stmt, 10);
      row->snoozed_until = sqlite3_column_int64 (stmt, 11);
      row->comment = g_strdup (_sc_column_text (stmt, 12));
      row->message = g_strdup (_sc_column_text (stmt, 13));
      row->details = g_strdup (_sc_column_text (stmt, 14));
      g_ptr_array_add (rows, row);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (store, error, rc, _("Reading the alerts"));
      return NULL;
    }

  return g_steal_pointer (&rows);
}

/**
 * sc_store_snooze_alert:
 * @store: a #ScStore
 * @rule_id: the rule
 * @kpi_id: the KPI
 * @until: when the snooze ends, Unix seconds UTC
 * @comment: (nullable): why, for the others
 * @error: return location for a #GError
 *
 * Snoozes a rule for one KPI, firing or not yet: until @until it neither
 * fires nor escalates; it still resolves.
 *
 * Returns: %TRUE on success; %SC_ALERT_ERROR_INVALID for a rule that does
 *   not watch that KPI
 */
gboolean
sc_store_snooze_alert (ScStore     *store,
                       gint64       rule_id,
                       gint64       kpi_id,
                       gint64       until,
                       const char  *comment,
                       GError     **error)
{
  g_auto(ScAlertState) state = { 0, };
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SC_IS_STORE (store), FALSE);

  sc_alert_state_init (&state);

  if (!_sc_store_begin (store, error))
    return FALSE;

  stmt = _sc_store_prepare (store,
                            "SELECT (SELECT count(*) FROM alert_rules WHERE id = ?1), "
                            "  (SELECT count(*) FROM kpis WHERE id = ?2)",
                            error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, rule_id);
  sqlite3_bind_int64 (stmt, 2, kpi_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW || sqlite3_column_int (stmt, 0) == 0 || sqlite3_column_int (stmt, 1) == 0)
    {
      sqlite3_reset (stmt);
      g_set_error_literal (error, SC_ALERT_ERROR, SC_ALERT_ERROR_INVALID,
                           _("There is no such alert rule or KPI to snooze"));
      goto failed;
    }
  sqlite3_reset (stmt);

  stmt = _sc_store_prepare (store,
                            "SELECT " STATE_COLUMNS " FROM alert_states WHERE rule_id = ? AND kpi_id = ?",
                            error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, rule_id);
  sqlite3_bind_int64 (stmt, 2, kpi_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      sc_alert_state_clear (&state);
      state_from_row (&state, stmt, 0);
    }
  sqlite3_reset (stmt);

  sc_alert_snooze (&state, until, comment);
  if (!sc_store_save_alert_state (store, rule_id, kpi_id, &state, error))
    goto failed;

  return _sc_store_commit (store, SC_STORE_CHANGE_SETTINGS, error);

failed:
  _sc_store_rollback (store);
  return FALSE;
}

/**
 * sc_store_acknowledge_alert:
 * @store: a #ScStore
 * @rule_id: the rule
 * @kpi_id: the KPI
 * @now: the time
 * @comment: (nullable): what the user said
 * @error: return location for a #GError
 *
 * Acknowledges a firing alert, which stops its escalation.
 *
 * Returns: %TRUE on success; %SC_ALERT_ERROR_INVALID when that alert is
 *   not firing
 */
gboolean
sc_store_acknowledge_alert (ScStore     *store,
                            gint64       rule_id,
                            gint64       kpi_id,
                            gint64       now,
                            const char  *comment,
                            GError     **error)
{
  g_auto(ScAlertState) state = { 0, };
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SC_IS_STORE (store), FALSE);

  if (!_sc_store_begin (store, error))
    return FALSE;

  stmt = _sc_store_prepare (store,
                            "SELECT " STATE_COLUMNS " FROM alert_states WHERE rule_id = ? AND kpi_id = ?",
                            error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, rule_id);
  sqlite3_bind_int64 (stmt, 2, kpi_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    state_from_row (&state, stmt, 0);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW || !sc_alert_acknowledge (&state, now, comment))
    {
      g_set_error_literal (error, SC_ALERT_ERROR, SC_ALERT_ERROR_INVALID,
                           _("That alert is not firing, so there is nothing to acknowledge"));
      goto failed;
    }

  if (!sc_store_save_alert_state (store, rule_id, kpi_id, &state, error))
    goto failed;

  return _sc_store_commit (store, SC_STORE_CHANGE_SETTINGS, error);

failed:
  _sc_store_rollback (store);
  return FALSE;
}

/**
 * sc_alert_states_new:
 *
 * Returns: (transfer full): an empty table for sc_store_load_alert_states()
 */
GHashTable *
sc_alert_states_new (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, alert_state_free);
}
