/* sc-sync-account.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-sync-account"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-store-private.h"
#include "sc-sync-account.h"

/* Which Odoo account a store syncs with, kept in the store's settings so
 * that scorecard-cli and the app share it, and so the app knows the user's
 * KPI group while offline. Both read and write it here; the app does so on
 * its store thread through the _async variants. */

/* Auxiliary methods */

static gpointer
load_job (ScStore       *store,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  return sc_sync_account_load (store);
}

static gpointer
save_job (ScStore       *store,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  if (!sc_sync_account_save (store, data, error))
    return NULL;

  return GINT_TO_POINTER (TRUE);
}

/* Public API */

/**
 * sc_odoo_role_to_string:
 * @role: a #ScOdooRole
 *
 * Returns: the role's key in the store: "admin", "manager", "user" or "none"
 */
const char *
sc_odoo_role_to_string (ScOdooRole role)
{
  switch (role)
    {
    case SC_ODOO_ROLE_ADMIN:
      return "admin";
    case SC_ODOO_ROLE_MANAGER:
      return "manager";
    case SC_ODOO_ROLE_USER:
      return "user";
    case SC_ODOO_ROLE_NONE:
    default:
      return "none";
    }
}

/**
 * sc_odoo_role_from_string:
 * @text: (nullable): a key from sc_odoo_role_to_string()
 *
 * Returns: the role, %SC_ODOO_ROLE_NONE for anything else
 */
ScOdooRole
sc_odoo_role_from_string (const char *text)
{
  if (g_strcmp0 (text, "admin") == 0)
    return SC_ODOO_ROLE_ADMIN;
  if (g_strcmp0 (text, "manager") == 0)
    return SC_ODOO_ROLE_MANAGER;
  if (g_strcmp0 (text, "user") == 0)
    return SC_ODOO_ROLE_USER;

  return SC_ODOO_ROLE_NONE;
}

/**
 * sc_sync_account_load:
 * @store: a #ScStore
 *
 * Returns: (transfer full): the account in @store's settings, with %NULL
 *   members for what is not set
 */
ScSyncAccount *
sc_sync_account_load (ScStore *store)
{
  ScSyncAccount *account;
  g_autofree char *role = NULL;

  g_return_val_if_fail (SC_IS_STORE (store), NULL);

  account = g_new0 (ScSyncAccount, 1);
  account->url = sc_store_get_setting (store, SC_SYNC_SETTING_URL);
  account->database = sc_store_get_setting (store, SC_SYNC_SETTING_DATABASE);
  account->login = sc_store_get_setting (store, SC_SYNC_SETTING_LOGIN);
  account->last_sync = sc_store_get_setting (store, SC_SYNC_SETTING_LAST_SYNC);
  account->certificate = sc_store_get_setting (store, SC_SYNC_SETTING_CERTIFICATE);
  role = sc_store_get_setting (store, SC_SYNC_SETTING_ROLE);
  account->role = sc_odoo_role_from_string (role);

  return account;
}

/**
 * sc_sync_account_save:
 * @store: a #ScStore
 * @account: the account that just signed in
 * @error: return location for a #GError
 *
 * Saves the account's server, database, login, role and trusted
 * certificate (none when %NULL) in one transaction.
 * Another account than the one saved before forgets the last sync time,
 * which was about that other account.
 *
 * Returns: %TRUE on success
 */
gboolean
sc_sync_account_save (ScStore              *store,
                      const ScSyncAccount  *account,
                      GError              **error)
{
  g_autoptr(ScSyncAccount) old = NULL;

  g_return_val_if_fail (SC_IS_STORE (store), FALSE);
  g_return_val_if_fail (sc_sync_account_is_configured (account), FALSE);

  if (!_sc_store_begin (store, error))
    return FALSE;

  old = sc_sync_account_load (store);

  if (!sc_store_set_setting (store, SC_SYNC_SETTING_URL, account->url, error) ||
      !sc_store_set_setting (store, SC_SYNC_SETTING_DATABASE, account->database, error) ||
      !sc_store_set_setting (store, SC_SYNC_SETTING_LOGIN, account->login, error) ||
      !sc_store_set_setting (store, SC_SYNC_SETTING_ROLE, sc_odoo_role_to_string (account->role),
                             error) ||
      !sc_store_set_setting (store, SC_SYNC_SETTING_CERTIFICATE, account->certificate, error))
    goto failed;

  if (!sc_sync_account_same_identity (old, account) &&
      !sc_store_set_setting (store, SC_SYNC_SETTING_LAST_SYNC, NULL, error))
    goto failed;

  return _sc_store_commit (store, SC_STORE_CHANGE_SETTINGS, error);

failed:
  _sc_store_rollback (store);
  return FALSE;
}

/**
 * sc_sync_account_set_synced:
 * @store: a #ScStore
 * @role: the KPI group the server gave at this sync's login
 * @time: when the sync ended
 * @error: return location for a #GError
 *
 * Records a successful sync: its time and the role, in one transaction.
 *
 * Returns: %TRUE on success
 */
gboolean
sc_sync_account_set_synced (ScStore     *store,
                            ScOdooRole   role,
                            GDateTime   *time,
                            GError     **error)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (SC_IS_STORE (store), FALSE);
  g_return_val_if_fail (time != NULL, FALSE);

  utc = g_date_time_to_utc (time);
  text = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");

  if (!_sc_store_begin (store, error))
    return FALSE;

  if (!sc_store_set_setting (store, SC_SYNC_SETTING_LAST_SYNC, text, error) ||
      !sc_store_set_setting (store, SC_SYNC_SETTING_ROLE, sc_odoo_role_to_string (role), error))
    {
      _sc_store_rollback (store);
      return FALSE;
    }

  return _sc_store_commit (store, SC_STORE_CHANGE_SETTINGS, error);
}

/**
 * sc_sync_account_is_configured:
 * @account: (nullable): an account
 *
 * Returns: %TRUE when the server, database and login are all known
 */
gboolean
sc_sync_account_is_configured (const ScSyncAccount *account)
{
  return account != NULL &&
         account->url != NULL && *account->url != '\0' &&
         account->database != NULL && *account->database != '\0' &&
         account->login != NULL && *account->login != '\0';
}

/**
 * sc_sync_account_same_identity:
 * @a: (nullable): an account
 * @b: (nullable): another
 *
 * Returns: %TRUE when both name the same server, database and login (the
 *   same secret in the keyring)
 */
gboolean
sc_sync_account_same_identity (const ScSyncAccount *a,
                               const ScSyncAccount *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_strcmp0 (a->url, b->url) == 0 &&
         g_strcmp0 (a->database, b->database) == 0 &&
         g_strcmp0 (a->login, b->login) == 0;
}

/**
 * sc_sync_account_get_last_sync:
 * @account: an account
 *
 * Returns: (transfer full) (nullable): when the last sync ended, or %NULL
 */
GDateTime *
sc_sync_account_get_last_sync (const ScSyncAccount *account)
{
  g_autoptr(GTimeZone) utc = NULL;

  g_return_val_if_fail (account != NULL, NULL);

  if (account->last_sync == NULL)
    return NULL;

  utc = g_time_zone_new_utc ();

  return g_date_time_new_from_iso8601 (account->last_sync, utc);
}

ScSyncAccount *
sc_sync_account_copy (const ScSyncAccount *account)
{
  ScSyncAccount *copy;

  g_return_val_if_fail (account != NULL, NULL);

  copy = g_new0 (ScSyncAccount, 1);
  copy->url = g_strdup (account->url);
  copy->database = g_strdup (account->database);
  copy->login = g_strdup (account->login);
  copy->role = account->role;
  copy->last_sync = g_strdup (account->last_sync);
  copy->certificate = g_strdup (account->certificate);

  return copy;
}

void
sc_sync_account_free (ScSyncAccount *account)
{
  if (account == NULL)
    return;

  g_free (account->url);
  g_free (account->database);
  g_free (account->login);
  g_free (account->last_sync);
  g_free (account->certificate);
  g_free (account);
}

/**
 * sc_sync_account_load_async:
 * @store: the store thread
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the caller's context
 * @user_data: data for @callback
 *
 * Reads the account on the store thread.
 */
void
sc_sync_account_load_async (ScStoreThread       *store,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (SC_IS_STORE_THREAD (store));

  sc_store_thread_run_async (store, load_job, NULL, NULL, (GDestroyNotify)sc_sync_account_free,
                             cancellable, callback, user_data);
}

/**
 * sc_sync_account_load_finish:
 * @store: the store thread
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the account, or %NULL on error
 */
ScSyncAccount *
sc_sync_account_load_finish (ScStoreThread  *store,
                             GAsyncResult   *result,
                             GError        **error)
{
  g_return_val_if_fail (SC_IS_STORE_THREAD (store), NULL);

  return sc_store_thread_run_finish (store, result, error);
}

/**
 * sc_sync_account_save_async:
 * @store: the store thread
 * @account: the account to save, copied
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the caller's context
 * @user_data: data for @callback
 *
 * Runs sc_sync_account_save() on the store thread.
 */
void
sc_sync_account_save_async (ScStoreThread       *store,
                            const ScSyncAccount *account,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (SC_IS_STORE_THREAD (store));
  g_return_if_fail (sc_sync_account_is_configured (account));

  sc_store_thread_run_async (store, save_job, sc_sync_account_copy (account),
                             (GDestroyNotify)sc_sync_account_free, NULL, cancellable, callback,
                             user_data);
}

gboolean
sc_sync_account_save_finish (ScStoreThread  *store,
                             GAsyncResult   *result,
                             GError        **error)
{
  g_return_val_if_fail (SC_IS_STORE_THREAD (store), FALSE);

  return sc_store_thread_run_finish (store, result, error) != NULL;
}

/**
 * sc_odoo_role_submit_refusal:
 * @role: the user's KPI group on Odoo, as read at sign-in
 * @submitted_today: whether today's value of the KPI is already on Odoo
 *
 * What the user's KPI group (reference §3.2, §4.3) forbids, said before
 * anything is queued: a KPI User, or an account in no KPI group, cannot
 * submit; a KPI Manager cannot replace a value already submitted today.
 * Only for a store with an account: without one, values stay local and
 * anything goes.
 *
 * Returns: (transfer full) (nullable): why a value cannot be submitted,
 *   or %NULL when it can
 */
char *
sc_odoo_role_submit_refusal (ScOdooRole role,
                             gboolean   submitted_today)
{
  switch (role)
    {
    case SC_ODOO_ROLE_USER:
      return g_strdup (_("Your Odoo KPI group (KPI User) cannot submit values; ask a KPI Manager"));
    case SC_ODOO_ROLE_NONE:
      return g_strdup (_("Your Odoo account is in no KPI group, so it cannot submit values; ask a "
                         "KPI Admin to add you to one"));
    case SC_ODOO_ROLE_MANAGER:
      if (submitted_today)
        return g_strdup (_("Today’s value is already submitted. Your Odoo KPI group (KPI Manager) "
                           "cannot change a submitted value; ask a KPI Admin, or submit again "
                           "tomorrow"));
      return NULL;
    case SC_ODOO_ROLE_ADMIN:
    default:
      return NULL;
    }
}
