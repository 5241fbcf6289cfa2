/* sc-alert-outbox.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-alert-outbox"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "sc-json-writer.h"
#include "sc-alert-outbox.h"
#include "sc-store-private.h"

/* The durable delivery outbox of alerts (schema 6). An event and one
 * delivery per channel are written in one transaction, so an alert is
 * either queued everywhere or nowhere. Deliveries are claimed with a lease
 * and finished with an outcome; a delivered row is never claimed again. */

#define RETRY_BASE_SECONDS 30
#define RETRY_CAP_SECONDS  (6 * 3600)

static const char delivery_columns[] =
  "d.id, d.event_id, d.channel_id, c.kind, c.name, c.config, d.idempotency_key, d.attempts, "
  "d.state, d.last_status, d.last_error, d.next_attempt_at, d.delivered_at, "
  "e.rule_name, e.kpi_id, e.kpi_name, e.incident, e.type, e.severity, e.time, e.message, e.details, "
  "(SELECT k.odoo_id FROM kpis k WHERE k.id = e.kpi_id)";

/* Auxiliary methods */

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup (_sc_column_text (stmt, column));
}

static ScAlertDelivery *
delivery_from_row (sqlite3_stmt *stmt)
{
  ScAlertDelivery *delivery = g_new0 (ScAlertDelivery, 1);

  delivery->id = sqlite3_column_int64 (stmt, 0);
  delivery->event_id = sqlite3_column_int64 (stmt, 1);
  delivery->channel_id = sqlite3_column_int64 (stmt, 2);
  delivery->channel_kind = dup_column (stmt, 3);
  delivery->channel_name = dup_column (stmt, 4);
  delivery->channel_config = dup_column (stmt, 5);
  delivery->idempotency_key = dup_column (stmt, 6);
  delivery->attempts = (guint)sqlite3_column_int (stmt, 7);
  delivery->state = dup_column (stmt, 8);
  delivery->last_status = (guint)sqlite3_column_int (stmt, 9);
  delivery->last_error = dup_column (stmt, 10);
  delivery->next_attempt_at = sqlite3_column_int64 (stmt, 11);
  delivery->delivered_at = sqlite3_column_int64 (stmt, 12);
  delivery->rule_name = dup_column (stmt, 13);
  delivery->kpi_id = sqlite3_column_int64 (stmt, 14);
  delivery->kpi_name = dup_column (stmt, 15);
  delivery->incident = sqlite3_column_int64 (stmt, 16);
  delivery->event_type = dup_column (stmt, 17);
  delivery->severity = dup_column (stmt, 18);
  delivery->time = sqlite3_column_int64 (stmt, 19);
  delivery->message = dup_column (stmt, 20);
  delivery->details = dup_column (stmt, 21);
  delivery->kpi_odoo_id = sqlite3_column_int64 (stmt, 22);

  return delivery;
}

static void
add_number (JsonBuilder *builder,
            const char  *name,
            gboolean     known,
            double       value)
{
  json_builder_set_member_name (builder, name);
  if (known && isfinite (value))
    json_builder_add_double_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/* The numbers that fired it, so whoever reads the alert can see why. */
static char *
event_details (const ScAlertEvent *event)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "rule_type");
  json_builder_add_string_value (builder, sc_alert_type_to_key (event->rule_type));
  add_number (builder, "metric", TRUE, event->metric);
  add_number (builder, "value", TRUE, event->value);
  add_number (builder, "baseline", event->has_baseline, event->baseline);
  add_number (builder, "lower95", event->has_band, event->lower95);
  add_number (builder, "upper95", event->has_band, event->upper95);
  add_number (builder, "level", TRUE, event->level);
  add_number (builder, "clear_level", TRUE, event->clear_level);
  json_builder_set_member_name (builder, "previous_severity");
  json_builder_add_string_value (builder, sc_alert_severity_to_key (event->previous_severity));
  json_builder_set_member_name (builder, "quiet");
  json_builder_add_boolean_value (builder, event->quiet);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);

  return sc_json_node_to_string (root, FALSE);
}

/* Public API */

void
sc_alert_delivery_free (ScAlertDelivery *delivery)
{
  if (delivery == NULL)
    return;

  g_free (delivery->channel_kind);
  g_free (delivery->channel_name);
  g_free (delivery->channel_config);
  g_free (delivery->idempotency_key);
  g_free (delivery->state);
  g_free (delivery->last_error);
  g_free (delivery->rule_name);
  g_free (delivery->kpi_name);
  g_free (delivery->event_type);
  g_free (delivery->severity);
  g_free (delivery->message);
  g_free (delivery->details);
  g_free (delivery);
}

/**
 * sc_alert_retry_delay:
 * @attempts: attempts made so far (1 after the first failure)
 * @jitter: a random number in [0, 1)
 *
 * Exponential backoff with jitter: 30 s, 60 s, 2 min… capped at 6 hours,
 * each scaled by a random factor in [0.5, 1) so that many deliveries that
 * failed together do not retry together.
 *
 * Returns: seconds to wait before the next attempt
 */
gint64
sc_alert_retry_delay (guint  attempts,
                      double jitter)
{
  double delay = RETRY_BASE_SECONDS * ldexp (1.0, (int)MIN (MAX (attempts, 1u) - 1, 20u));

  delay = MIN (delay, RETRY_CAP_SECONDS);

  return MAX ((gint64)(delay * (0.5 + 0.5 * CLAMP (jitter, 0.0, 1.0))), 1);
}

/**
 * sc_store_add_alert_channel:
 * @store: a #ScStore
 * @kind: desktop, odoo, email, slack, teams, twilio_sms, twilio_whatsapp,
 *   webhook or powerbi
 * @name: a unique name the user gave it
 * @config_json: (nullable): its settings that are not secret, as a JSON object
 * @now: the time, for created_at
 * @error: return location for a #GError
 *
 * Returns: the channel's id, or 0 with @error set
 */
gint64
sc_store_add_alert_channel (ScStore     *store,
                            const char  *kind,
                            const char  *name,
                            const char  *config_json,
                            gint64       now,
                            GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (SC_IS_STORE (store), 0);

  if (!_sc_store_begin (store, error))
    return 0;

  stmt = _sc_store_prepare (store,
                            "INSERT INTO alert_channels (kind, name, config, created_at) "
                            "VALUES (?, ?, coalesce (?, '{}'), ?)",
                            error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, config_json, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, now);
  if (!_sc_store_step_done (store, stmt, _("Saving the alert channel"), error))
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
 * sc_store_remove_alert_channel:
 * @store: a #ScStore
 * @channel_id: a channel that nothing was delivered to yet
 * @error: return location for a #GError
 *
 * Takes back a channel just added, e.g. when its secret could not be
 * stored: a channel without its secret would only fail.
 *
 * Returns: %TRUE if it is gone
 */
gboolean
sc_store_remove_alert_channel (ScStore  *store,
                               gint64    channel_id,
                               GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SC_IS_STORE (store), FALSE);

  if (!_sc_store_begin (store, error))
    return FALSE;

  stmt = _sc_store_prepare (store, "DELETE FROM alert_channels WHERE id = ?", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, channel_id);
  if (!_sc_store_step_done (store, stmt, _("Removing the alert channel"), error))
    goto failed;

  return _sc_store_commit (store, SC_STORE_CHANGE_SETTINGS, error);

failed:
  _sc_store_rollback (store);
  return FALSE;
}

void
sc_alert_channel_free (ScAlertChannel *channel)
{
  if (channel == NULL)
    return;

  g_free (channel->kind);
  g_free (channel->name);
  g_free (channel->config);
  g_free (channel);
}

/**
 * sc_store_list_alert_channels:
 * @store: a #ScStore
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type ScAlertChannel): every channel,
 *   by name; %NULL with @error set
 */
GPtrArray *
sc_store_list_alert_channels (ScStore  *store,
                              GError  **error)
{
  g_autoptr(GPtrArray) channels = g_ptr_array_new_with_free_func ((GDestroyNotify)sc_alert_channel_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SC_IS_STORE (store), NULL);

  stmt = _sc_store_prepare (store,
                            "SELECT id, kind, name, config, enabled FROM alert_channels "
                            "ORDER BY name COLLATE NOCASE",
                            error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ScAlertChannel *channel = g_new0 (ScAlertChannel, 1);

      channel->id = sqlite3_column_int64 (stmt, 0);
      channel->kind = g_strdup (_sc_column_text (stmt, 1));
      channel->name = g_strdup (_sc_column_text (stmt, 2));
      channel->config = g_strdup (_sc_column_text (stmt, 3));
      channel->enabled = sqlite3_column_int (stmt, 4) != 0;
      g_ptr_array_add (channels, channel);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (store, error, rc, _("Reading the alert channels"));
      return NULL;
    }

  return g_steal_pointer (&channels);
}

/**
 * sc_store_record_alert_event:
 * @store: a #ScStore
 * @event: what the alert engine decided
 * @channel_ids: (array length=n_channels): the channels it goes to
 * @n_channels: how many
 * @now: when the deliveries are first due
 * @error: return location for a #GError
 *
 * Writes the event and one pending delivery per enabled channel in one
 * transaction. Each delivery gets its idempotency key now, once: every
 * retry of it carries the same one.
 *
 * Returns: the event's id, or 0 with @error set
 */
gint64
sc_store_record_alert_event (ScStore             *store,
                             const ScAlertEvent  *event,
                             const gint64        *channel_ids,
                             guint                n_channels,
                             gint64               now,
                             GError             **error)
{
  g_autofree char *details = NULL;
  sqlite3_stmt *stmt;
  gint64 event_id;

  g_return_val_if_fail (SC_IS_STORE (store), 0);
  g_return_val_if_fail (event != NULL, 0);
  g_return_val_if_fail (event->type != SC_ALERT_EVENT_NONE, 0);

  details = event_details (event);

  if (!_sc_store_begin (store, error))
    return 0;

  stmt = _sc_store_prepare (store,
                            "INSERT INTO alert_events (rule_id, rule_name, kpi_id, kpi_name, "
                            "  incident, type, severity, time, message, details) "
                            "VALUES (?1, ?2, (SELECT id FROM kpis WHERE id = ?3), ?4, ?5, ?6, ?7, "
                            "  ?8, ?9, ?10)",
                            error);
  if (stmt == NULL)
    goto failed;
  if (event->rule_id > 0)
    sqlite3_bind_int64 (stmt, 1, event->rule_id);
  sqlite3_bind_text (stmt, 2, event->rule_name ? event->rule_name : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, event->kpi_id);
  sqlite3_bind_text (stmt, 4, event->kpi_name ? event->kpi_name : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, event->incident);
  sqlite3_bind_text (stmt, 6, sc_alert_event_type_to_key (event->type), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, sc_alert_severity_to_key (event->severity), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 8, event->time);
  sqlite3_bind_text (stmt, 9, event->message ? event->message : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 10, details, -1, SQLITE_TRANSIENT);
  if (!_sc_store_step_done (store, stmt, _("Saving the alert"), error))
    goto failed;
  event_id = sqlite3_last_insert_rowid (_sc_store_get_db (store));

  for (guint i = 0; i < n_channels; i++)
    {
      g_autofree char *uuid = g_uuid_string_random ();
      g_autofree char *key = g_strdup_printf ("scorecard-%s", uuid);

      stmt = _sc_store_prepare (store,
                                "INSERT INTO alert_deliveries (event_id, channel_id, "
                                "  idempotency_key, next_attempt_at) "
                                "SELECT ?1, id, ?2, ?3 FROM alert_channels WHERE id = ?4 AND enabled",
                                error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_int64 (stmt, 1, event_id);
      sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 3, now);
      sqlite3_bind_int64 (stmt, 4, channel_ids[i]);
      if (!_sc_store_step_done (store, stmt, _("Queuing the alert’s delivery"), error))
        goto failed;
    }

  if (!_sc_store_commit (store, SC_STORE_CHANGE_OUTBOX, error))
    return 0;

  return event_id;

failed:
  _sc_store_rollback (store);
  return 0;
}

/**
 * sc_store_claim_alert_deliveries:
 * @store: a #ScStore
 * @kinds: (nullable) (array zero-terminated=1): only channels of these
 *   kinds (each sender claims what it can send), or %NULL for all
 * @now: the time
 * @limit: at most this many
 * @error: return location for a #GError
 *
 * Takes the deliveries due at @now (pending, or left "sending" by a
 * process that died more than a lease ago), oldest first, marks them
 * "sending" with a lease and counts the attempt, in one transaction.
 *
 * Returns: (transfer full) (element-type ScAlertDelivery): the claimed
 *   deliveries, or %NULL with @error set
 */
GPtrArray *
sc_store_claim_alert_deliveries (ScStore            *store,
                                 const char * const *kinds,
                                 gint64              now,
                                 guint     limit,
                                 GError  **error)
{
  g_autoptr(GPtrArray) claimed = g_ptr_array_new_with_free_func ((GDestroyNotify)sc_alert_delivery_free);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SC_IS_STORE (store), NULL);

  if (!_sc_store_begin (store, error))
    return NULL;

  sql = g_strdup_printf ("SELECT %s FROM alert_deliveries d "
                         "JOIN alert_channels c ON c.id = d.channel_id "
                         "JOIN alert_events e ON e.id = d.event_id "
                         "WHERE d.state IN ('pending', 'sending') AND d.next_attempt_at <= ?1 "
                         "  AND (?3 IS NULL OR instr (?3, ',' || c.kind || ',') > 0) "
                         "ORDER BY d.next_attempt_at, d.id LIMIT ?2",
                         delivery_columns);
  stmt = _sc_store_prepare (store, sql, error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, now);
  sqlite3_bind_int64 (stmt, 2, limit);
  if (kinds != NULL)
    {
      g_autofree char *joined = g_strjoinv (",", (char **)kinds);
      g_autofree char *list = g_strconcat (",", joined, ",", NULL);

      sqlite3_bind_text (stmt, 3, list, -1, SQLITE_TRANSIENT);
    }
  else
    sqlite3_bind_null (stmt, 3);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (claimed, delivery_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (store, error, rc, _("Reading the alert deliveries"));
      goto failed;
    }

  for (guint i = 0; i < claimed->len; i++)
    {
      ScAlertDelivery *delivery = g_ptr_array_index (claimed, i);

      stmt = _sc_store_prepare (store,
                                "UPDATE alert_deliveries SET state = 'sending', "
                                "  attempts = attempts + 1, next_attempt_at = ?2 WHERE id = ?1",
                                error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_int64 (stmt, 1, delivery->id);
      sqlite3_bind_int64 (stmt, 2, now + SC_ALERT_DELIVERY_LEASE_SECONDS);
      if (!_sc_store_step_done (store, stmt, _("Claiming an alert delivery"), error))
        goto failed;

      delivery->attempts++;
      g_free (delivery->state);
      delivery->state = g_strdup ("sending");
    }

  if (!_sc_store_commit (store, claimed->len > 0 ? SC_STORE_CHANGE_OUTBOX : 0, error))
    return NULL;

  return g_steal_pointer (&claimed);

failed:
  _sc_store_rollback (store);
  return NULL;
}

/**
 * sc_store_finish_alert_delivery:
 * @store: a #ScStore
 * @delivery_id: a delivery claimed before
 * @outcome: what the channel said
 * @http_status: its HTTP status, or 0
 * @reason: (nullable): why it failed, for the delivery log
 * @next_attempt_at: for %SC_ALERT_DELIVERY_RETRY, when to try again
 * @now: the time
 * @error: return location for a #GError
 *
 * Records the attempt's outcome. A delivery already delivered stays so,
 * whatever a late duplicate attempt reports.
 *
 * Returns: %TRUE on success
 */
gboolean
sc_store_finish_alert_delivery (ScStore                 *store,
                                gint64                   delivery_id,
                                ScAlertDeliveryOutcome   outcome,
                                guint                    http_status,
                                const char              *reason,
                                gint64                   next_attempt_at,
                                gint64                   now,
                                GError                 **error)
{
  static const char * const states[] = { "delivered", "pending", "failed" };
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SC_IS_STORE (store), FALSE);
  g_return_val_if_fail (outcome <= SC_ALERT_DELIVERY_FAILED, FALSE);

  if (!_sc_store_begin (store, error))
    return FALSE;

  stmt = _sc_store_prepare (store,
                            "UPDATE alert_deliveries SET state = ?2, last_status = ?3, "
                            "  last_error = ?4, next_attempt_at = ?5, "
                            "  delivered_at = CASE WHEN ?2 = 'delivered' THEN ?6 ELSE delivered_at END "
                            "WHERE id = ?1 AND state <> 'delivered'",
                            error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, delivery_id);
  sqlite3_bind_text (stmt, 2, states[outcome], -1, SQLITE_STATIC);
  if (http_status > 0)
    sqlite3_bind_int (stmt, 3, (int)http_status);
  else
    sqlite3_bind_null (stmt, 3);
  if (outcome == SC_ALERT_DELIVERY_DELIVERED || reason == NULL)
    sqlite3_bind_null (stmt, 4);
  else
    sqlite3_bind_text (stmt, 4, reason, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, outcome == SC_ALERT_DELIVERY_RETRY ? next_attempt_at : now);
  sqlite3_bind_int64 (stmt, 6, now);
  if (!_sc_store_step_done (store, stmt, _("Saving an alert delivery"), error))
    goto failed;

  return _sc_store_commit (store, SC_STORE_CHANGE_OUTBOX, error);

failed:
  _sc_store_rollback (store);
  return FALSE;
}

/**
 * sc_store_hurry_alert_deliveries:
 * @store: a #ScStore
 * @now: the time
 * @error: return location for a #GError
 *
 * The network is back: deliveries waiting out a backoff (most likely
 * because it was down) are due now. Those a service asked to wait for
 * (429 or 503, with or without Retry-After) keep their time.
 *
 * Returns: how many were hurried, or %G_MAXUINT with @error set
 */
guint
sc_store_hurry_alert_deliveries (ScStore  *store,
                                 gint64    now,
                                 GError  **error)
{
  sqlite3_stmt *stmt;
  guint changed;

  g_return_val_if_fail (SC_IS_STORE (store), G_MAXUINT);

  if (!_sc_store_begin (store, error))
    return G_MAXUINT;

  stmt = _sc_store_prepare (store,
                            "UPDATE alert_deliveries SET next_attempt_at = ?1 "
                            "WHERE state = 'pending' AND next_attempt_at > ?1 "
                            "  AND coalesce (last_status, 0) NOT IN (429, 503)",
                            error);
  if (stmt != NULL)
    sqlite3_bind_int64 (stmt, 1, now);
  if (stmt == NULL || !_sc_store_step_done (store, stmt, _("Saving an alert delivery"), error))
    {
      _sc_store_rollback (store);
      return G_MAXUINT;
    }
  changed = (guint)sqlite3_changes (_sc_store_get_db (store));

  if (!_sc_store_commit (store, changed > 0 ? SC_STORE_CHANGE_OUTBOX : 0, error))
    return G_MAXUINT;

  return changed;
}

/**
 * sc_store_list_alert_deliveries:
 * @store: a #ScStore
 * @event_id: an event, or 0 for all
 * @error: return location for a #GError
 *
 * The delivery log: newest event first, then by channel.
 *
 * Returns: (transfer full) (element-type ScAlertDelivery): the deliveries,
 *   or %NULL with @error set
 */
GPtrArray *
sc_store_list_alert_deliveries (ScStore  *store,
                                gint64    event_id,
                                GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify)sc_alert_delivery_free);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SC_IS_STORE (store), NULL);

  sql = g_strdup_printf ("SELECT %s FROM alert_deliveries d "
                         "JOIN alert_channels c ON c.id = d.channel_id "
                         "JOIN alert_events e ON e.id = d.event_id "
                         "WHERE ?1 = 0 OR d.event_id = ?1 "
                         "ORDER BY e.time DESC, e.id DESC, c.name",
                         delivery_columns);
  stmt = _sc_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, event_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, delivery_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (store, error, rc, _("Reading the alert deliveries"));
      return NULL;
    }

  return g_steal_pointer (&list);
}

/**
 * sc_store_list_incident_deliveries:
 * @store: a #ScStore
 * @rule_id: a rule
 * @kpi_id: a KPI
 * @incident: the rule's alert number on the KPI, see #ScAlertRow
 * @error: return location for a #GError
 *
 * The delivery log of one alert: its firing, escalations and resolution,
 * to every channel.
 *
 * Returns: (transfer full) (element-type ScAlertDelivery): newest event
 *   first; %NULL with @error set
 */
GPtrArray *
sc_store_list_incident_deliveries (ScStore  *store,
                                   gint64    rule_id,
                                   gint64    kpi_id,
                                   guint     incident,
                                   GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify)sc_alert_delivery_free);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SC_IS_STORE (store), NULL);

  sql = g_strdup_printf ("SELECT %s FROM alert_deliveries d "
                         "JOIN alert_channels c ON c.id = d.channel_id "
                         "JOIN alert_events e ON e.id = d.event_id "
                         "WHERE e.rule_id = ? AND e.kpi_id = ? AND e.incident = ? "
                         "ORDER BY e.time DESC, e.id DESC, c.name",
                         delivery_columns);
  stmt = _sc_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, rule_id);
  sqlite3_bind_int64 (stmt, 2, kpi_id);
  sqlite3_bind_int64 (stmt, 3, incident);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, delivery_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (store, error, rc, _("Reading the alert deliveries"));
      return NULL;
    }

  return g_steal_pointer (&list);
}
