/* sc-secrets.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-secrets"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>

#include "sc-secrets.h"

/* The Odoo password or API key lives in the Secret Service, never in the
 * store, GSettings, logs or command lines (issue 4). One item per account,
 * found by its server URL, database and login. */

typedef struct
{
  char *url;
  char *login;
} Account;

/* Auxiliary methods */

static const SecretSchema *
odoo_schema (void)
{
  static const SecretSchema schema = {
    SC_SECRETS_ODOO_SCHEMA_NAME, SECRET_SCHEMA_NONE,
    {
      { "url", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "database", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "login", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
    0, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
  };

  return &schema;
}

static char *
item_label (const char *url,
            const char *database,
            const char *login)
{
  /* Translators: the label of the saved password in Passwords and Keys;
   * the login, the database and the server's URL. */
  return g_strdup_printf (_("Scorecard: Odoo password for %s (%s on %s)"), login, database, url);
}

static gboolean
check_account (const char  *url,
               const char  *database,
               const char  *login,
               GError     **error)
{
  if (url == NULL || *url == '\0' || database == NULL || *database == '\0' ||
      login == NULL || *login == '\0')
    {
      g_set_error_literal (error, SC_SECRETS_ERROR, SC_SECRETS_ERROR_FAILED,
                           _("The Odoo server URL, database and login are all needed to find its "
                             "password"));
      return FALSE;
    }

  return TRUE;
}

static void
set_not_found (GError     **error,
               const char  *url,
               const char  *login)
{
  g_set_error (error, SC_SECRETS_ERROR, SC_SECRETS_ERROR_NOT_FOUND,
               _("No password is saved for %s on %s; run “scorecard-cli login” first"),
               login, url);
}

/* libsecret's own errors (no Secret Service on the bus, a locked keyring)
 * become ours, prefixed with what we were doing. */
static void
propagate_failure (GError     **error,
                   GError      *cause,
                   const char  *what)
{
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, cause);
      return;
    }

  g_set_error (error, SC_SECRETS_ERROR, SC_SECRETS_ERROR_FAILED, "%s: %s", what, cause->message);
  g_error_free (cause);
}

static Account *
account_new (const char *url,
             const char *login)
{
  Account *account = g_new0 (Account, 1);

  account->url = g_strdup (url);
  account->login = g_strdup (login);

  return account;
}

static void
account_free (gpointer data)
{
  Account *account = data;

  g_free (account->url);
  g_free (account->login);
  g_free (account);
}

/* Callbacks */

static void
store_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!secret_password_store_finish (result, &error))
    {
      GError *ours = NULL;

      propagate_failure (&ours, error, _("Could not save the password in the keyring"));
      g_task_return_error (task, ours);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
lookup_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Account *account = g_task_get_task_data (task);
  GError *error = NULL;
  char *secret;

  secret = secret_password_lookup_finish (result, &error);
  if (error != NULL)
    {
      GError *ours = NULL;

      propagate_failure (&ours, error, _("Could not read the password from the keyring"));
      g_task_return_error (task, ours);
      return;
    }

  if (secret == NULL)
    {
      GError *ours = NULL;

      set_not_found (&ours, account->url, account->login);
      g_task_return_error (task, ours);
      return;
    }

  g_task_return_pointer (task, secret, (GDestroyNotify)secret_password_free);
}

static void
clear_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  /* FALSE without an error: there was nothing to clear, which is fine. */
  secret_password_clear_finish (result, &error);
  if (error != NULL)
    {
      GError *ours = NULL;

      propagate_failure (&ours, error, _("Could not remove the password from the keyring"));
      g_task_return_error (task, ours);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/* Public API */

G_DEFINE_QUARK (sc-secrets-error-quark, sc_secrets_error)

/**
 * sc_secrets_store_sync:
 * @url: the Odoo server's URL
 * @database: the Odoo database
 * @login: the user's login
 * @secret: the password or API key
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Saves the password or API key of an Odoo account in the Secret Service,
 * replacing the one saved before for the same account. Blocks.
 *
 * Returns: whether it was saved
 */
gboolean
sc_secrets_store_sync (const char    *url,
                       const char    *database,
                       const char    *login,
                       const char    *secret,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autofree char *label = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (secret != NULL, FALSE);

  if (!check_account (url, database, login, error))
    return FALSE;

  label = item_label (url, database, login);
  if (!secret_password_store_sync (odoo_schema (), SECRET_COLLECTION_DEFAULT, label, secret,
                                   cancellable, &local_error,
                                   "url", url, "database", database, "login", login, NULL))
    {
      propagate_failure (error, local_error, _("Could not save the password in the keyring"));
      return FALSE;
    }

  return TRUE;
}

/**
 * sc_secrets_lookup_sync:
 * @url: the Odoo server's URL
 * @database: the Odoo database
 * @login: the user's login
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Finds the saved password or API key of an Odoo account. Blocks. No saved
 * password is an error, %SC_SECRETS_ERROR_NOT_FOUND.
 *
 * Returns: (transfer full) (nullable): the secret, to free with
 *   sc_secrets_free(), or %NULL on error
 */
char *
sc_secrets_lookup_sync (const char    *url,
                        const char    *database,
                        const char    *login,
                        GCancellable  *cancellable,
                        GError       **error)
{
  GError *local_error = NULL;
  char *secret;

  if (!check_account (url, database, login, error))
    return NULL;

  secret = secret_password_lookup_sync (odoo_schema (), cancellable, &local_error,
                                        "url", url, "database", database, "login", login, NULL);
  if (local_error != NULL)
    {
      propagate_failure (error, local_error, _("Could not read the password from the keyring"));
      return NULL;
    }

  if (secret == NULL)
    set_not_found (error, url, login);

  return secret;
}

/**
 * sc_secrets_clear_sync:
 * @url: the Odoo server's URL
 * @database: the Odoo database
 * @login: the user's login
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Removes the saved password or API key of an Odoo account, if there is
 * one. Blocks.
 *
 * Returns: %FALSE on error; %TRUE when none is saved any more
 */
gboolean
sc_secrets_clear_sync (const char    *url,
                       const char    *database,
                       const char    *login,
                       GCancellable  *cancellable,
                       GError       **error)
{
  GError *local_error = NULL;

  if (!check_account (url, database, login, error))
    return FALSE;

  secret_password_clear_sync (odoo_schema (), cancellable, &local_error,
                              "url", url, "database", database, "login", login, NULL);
  if (local_error != NULL)
    {
      propagate_failure (error, local_error, _("Could not remove the password from the keyring"));
      return FALSE;
    }

  return TRUE;
}

/**
 * sc_secrets_store_async:
 * @url: the Odoo server's URL
 * @database: the Odoo database
 * @login: the user's login
 * @secret: the password or API key
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when it is saved or failed
 * @user_data: data for @callback
 *
 * Saves the password or API key of an Odoo account, as
 * sc_secrets_store_sync() does, without blocking.
 */
void
sc_secrets_store_async (const char          *url,
                        const char          *database,
                        const char          *login,
                        const char          *secret,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  g_autofree char *label = NULL;
  GError *error = NULL;

  g_return_if_fail (secret != NULL);

  g_task_set_source_tag (task, sc_secrets_store_async);
  if (!check_account (url, database, login, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  label = item_label (url, database, login);
  secret_password_store (odoo_schema (), SECRET_COLLECTION_DEFAULT, label, secret, cancellable,
                         store_cb, g_steal_pointer (&task),
                         "url", url, "database", database, "login", login, NULL);
}

/**
 * sc_secrets_store_finish:
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: whether the secret was saved
 */
gboolean
sc_secrets_store_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * sc_secrets_lookup_async:
 * @url: the Odoo server's URL
 * @database: the Odoo database
 * @login: the user's login
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when it is found or not
 * @user_data: data for @callback
 *
 * Finds the saved password or API key of an Odoo account, as
 * sc_secrets_lookup_sync() does, without blocking.
 */
void
sc_secrets_lookup_async (const char          *url,
                         const char          *database,
                         const char          *login,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  GError *error = NULL;

  g_task_set_source_tag (task, sc_secrets_lookup_async);
  if (!check_account (url, database, login, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_set_task_data (task, account_new (url, login), account_free);
  secret_password_lookup (odoo_schema (), cancellable, lookup_cb, g_steal_pointer (&task),
                          "url", url, "database", database, "login", login, NULL);
}

/**
 * sc_secrets_lookup_finish:
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the secret, to free with
 *   sc_secrets_free(), or %NULL on error (%SC_SECRETS_ERROR_NOT_FOUND when
 *   none is saved)
 */
char *
sc_secrets_lookup_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * sc_secrets_clear_async:
 * @url: the Odoo server's URL
 * @database: the Odoo database
 * @login: the user's login
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when it is removed or failed
 * @user_data: data for @callback
 *
 * Removes the saved password or API key of an Odoo account, as
 * sc_secrets_clear_sync() does, without blocking.
 */
void
sc_secrets_clear_async (const char          *url,
                        const char          *database,
                        const char          *login,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  GError *error = NULL;

  g_task_set_source_tag (task, sc_secrets_clear_async);
  if (!check_account (url, database, login, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  secret_password_clear (odoo_schema (), cancellable, clear_cb, g_steal_pointer (&task),
                         "url", url, "database", database, "login", login, NULL);
}

/**
 * sc_secrets_clear_finish:
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: %FALSE on error; %TRUE when none is saved any more
 */
gboolean
sc_secrets_clear_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * sc_secrets_free:
 * @secret: (nullable): a secret from sc_secrets_lookup_sync() or
 *   sc_secrets_lookup_finish()
 *
 * Wipes the secret's memory and frees it.
 */
void
sc_secrets_free (char *secret)
{
  if (secret != NULL)
    secret_password_free (secret);
}
