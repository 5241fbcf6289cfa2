/* sc-alert-secrets.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-alert-secrets"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "sc-json-writer.h"
#include "sc-alert-secrets.h"
#include "sc-channel-secrets.h"
#include "sc-secrets.h"
#include "sc-store-private.h"
#include "sc-sync-account.h"

/* What a channel needs to send, from the keyring: its own secret, or for
 * the Odoo chatter channel, the store's sync account and its password or
 * API key. For sc_alert_drain_sync() in scorecard-cli and the app's
 * delivery thread; synchronous. */

static char *
channel_kind (ScStore  *store,
              gint64    channel_id)
{
  sqlite3_stmt *stmt = _sc_store_prepare (store, "SELECT kind FROM alert_channels WHERE id = ?", NULL);
  char *kind = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, channel_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    kind = g_strdup (_sc_column_text (stmt, 0));
  sqlite3_reset (stmt);

  return kind;
}

static char *
odoo_account_secret (ScStore  *store,
                     GError  **error)
{
  g_autoptr(ScSyncAccount) account = sc_sync_account_load (store);
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) root = NULL;
  char *password;
  char *json;

  if (account == NULL || !sc_sync_account_is_configured (account))
    {
      g_set_error_literal (error, SC_SECRETS_ERROR, SC_SECRETS_ERROR_NOT_FOUND,
                           _("No Odoo account is set up for this store"));
      return NULL;
    }

  password = sc_secrets_lookup_sync (account->url, account->database, account->login, NULL, error);
  if (password == NULL)
    return NULL;

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "url");
  json_builder_add_string_value (builder, account->url);
  json_builder_set_member_name (builder, "database");
  json_builder_add_string_value (builder, account->database);
  json_builder_set_member_name (builder, "login");
  json_builder_add_string_value (builder, account->login);
  json_builder_set_member_name (builder, "password");
  json_builder_add_string_value (builder, password);
  if (account->certificate != NULL)
    {
      json_builder_set_member_name (builder, "certificate");
      json_builder_add_string_value (builder, account->certificate);
    }
  json_builder_end_object (builder);
  sc_secrets_free (password);

  root = json_builder_get_root (builder);
  json = sc_json_node_to_string (root, FALSE);

  return json;
}

/**
 * sc_alert_channel_secret_lookup:
 * @store: the store the channel belongs to
 * @channel_id: the channel
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the channel's secret as a JSON
 *   object, to wipe after use, or %NULL with @error set
 */
char *
sc_alert_channel_secret_lookup (ScStore  *store,
                                gint64    channel_id,
                                GError  **error)
{
  g_autofree char *kind = NULL;

  g_return_val_if_fail (SC_IS_STORE (store), NULL);

  kind = channel_kind (store, channel_id);
  if (g_strcmp0 (kind, "odoo") == 0)
    return odoo_account_secret (store, error);

  return sc_channel_secret_lookup_sync (sc_store_get_path (store), channel_id, NULL, error);
}

/**
 * sc_alert_store_secret_lookup:
 * @channel_id: the channel
 * @store: (type ScStore): the store
 *
 * An #ScAlertSecretLookup over sc_alert_channel_secret_lookup(): a channel
 * with no secret gets %NULL, which its sender reports; a keyring that
 * fails is logged.
 *
 * Returns: (transfer full) (nullable): the secret
 */
char *
sc_alert_store_secret_lookup (gint64   channel_id,
                              gpointer store)
{
  g_autoptr(GError) error = NULL;
  char *secret = sc_alert_channel_secret_lookup (store, channel_id, &error);

  if (secret == NULL && !g_error_matches (error, SC_SECRETS_ERROR, SC_SECRETS_ERROR_NOT_FOUND))
    g_warning ("%s", error->message);

  return secret;
}
