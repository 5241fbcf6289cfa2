/* sc-channel-secrets.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-channel-secrets"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>

#include "sc-channel-secrets.h"
#include "sc-secrets.h"

/* What makes an alert channel work and must not leak — a Slack or Teams
 * webhook URL, a webhook's signing key, a Twilio token — lives in the
 * Secret Service as a small JSON object, found by the store's path and the
 * channel's id (issue 6). The store keeps only the channel's name, kind
 * and non-secret settings. Synchronous: callers are worker threads and
 * scorecard-cli. */

static const SecretSchema *
channel_schema (void)
{
  static const SecretSchema schema = {
    SC_CHANNEL_SECRETS_SCHEMA_NAME, SECRET_SCHEMA_NONE,
    {
      { "store", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "channel", SECRET_SCHEMA_ATTRIBUTE_INTEGER },
      { NULL, 0 },
    },
    0, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
  };

  return &schema;
}

static void
propagate (GError     **error,
           GError      *cause,
           const char  *what)
{
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, cause);
  else
    {
      g_set_error (error, SC_SECRETS_ERROR, SC_SECRETS_ERROR_FAILED, "%s: %s", what, cause->message);
      g_error_free (cause);
    }
}

/**
 * sc_channel_secret_store_sync:
 * @store_path: the store the channel belongs to
 * @channel_id: the channel's id
 * @channel_name: its name, for the keyring item's label
 * @secret: a JSON object with its URL, key or token
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Returns: %TRUE once saved
 */
gboolean
sc_channel_secret_store_sync (const char    *store_path,
                              gint64         channel_id,
                              const char    *channel_name,
                              const char    *secret,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autofree char *label = NULL;
  GError *local = NULL;

  g_return_val_if_fail (store_path != NULL, FALSE);
  g_return_val_if_fail (secret != NULL, FALSE);

  /* Translators: the label of a saved secret in Passwords and Keys. */
  label = g_strdup_printf (_("Scorecard: alert channel “%s”"), channel_name);
  if (!secret_password_store_sync (channel_schema (), SECRET_COLLECTION_DEFAULT, label, secret,
                                   cancellable, &local,
                                   "store", store_path, "channel", (int)channel_id, NULL))
    {
      propagate (error, local, _("Could not save the channel’s secret in the keyring"));
      return FALSE;
    }

  return TRUE;
}

/**
 * sc_channel_secret_lookup_sync:
 * @store_path: the store the channel belongs to
 * @channel_id: the channel's id
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the secret, to wipe after use; %NULL
 *   with %SC_SECRETS_ERROR_NOT_FOUND when none is saved
 */
char *
sc_channel_secret_lookup_sync (const char    *store_path,
                               gint64         channel_id,
                               GCancellable  *cancellable,
                               GError       **error)
{
  GError *local = NULL;
  char *found;
  char *secret;

  g_return_val_if_fail (store_path != NULL, NULL);

  found = secret_password_lookup_sync (channel_schema (), cancellable, &local,
                                       "store", store_path, "channel", (int)channel_id, NULL);
  if (local != NULL)
    {
      propagate (error, local, _("Could not read the channel’s secret from the keyring"));
      return NULL;
    }
  if (found == NULL)
    {
      g_set_error_literal (error, SC_SECRETS_ERROR, SC_SECRETS_ERROR_NOT_FOUND,
                           _("No secret is saved for this alert channel"));
      return NULL;
    }

  /* Ours to free with g_free, after wiping. */
  secret = g_strdup (found);
  secret_password_free (found);

  return secret;
}

/**
 * sc_channel_secret_clear_sync:
 * @store_path: the store the channel belongs to
 * @channel_id: the channel's id
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Returns: %TRUE unless the keyring failed (nothing saved is fine)
 */
gboolean
sc_channel_secret_clear_sync (const char    *store_path,
                              gint64         channel_id,
                              GCancellable  *cancellable,
                              GError       **error)
{
  GError *local = NULL;

  g_return_val_if_fail (store_path != NULL, FALSE);

  secret_password_clear_sync (channel_schema (), cancellable, &local,
                              "store", store_path, "channel", (int)channel_id, NULL);
  if (local != NULL)
    {
      propagate (error, local, _("Could not remove the channel’s secret from the keyring"));
      return FALSE;
    }

  return TRUE;
}
