/* sc-test-secrets.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-test"

#include "config.h"

#include "sc-fake-odoo.h"
#include "sc-test-secrets.h"

/* A secret lookup for the sync scheduler that needs no keyring: it knows
 * the passwords of the fake Odoo's accounts, and no other. */

static void
lookup_async (const char          *url,
              const char          *database,
              const char          *login,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  static const struct { const char *login; const char *password; } accounts[] = {
    { SC_FAKE_ODOO_ADMIN_LOGIN, SC_FAKE_ODOO_ADMIN_PASSWORD },
    { SC_FAKE_ODOO_USER_LOGIN, SC_FAKE_ODOO_USER_PASSWORD },
    { SC_FAKE_ODOO_MANAGER_LOGIN, SC_FAKE_ODOO_MANAGER_PASSWORD },
    { SC_FAKE_ODOO_SALES_LOGIN, SC_FAKE_ODOO_SALES_PASSWORD },
  };
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  for (guint i = 0; i < G_N_ELEMENTS (accounts); i++)
    if (g_strcmp0 (login, accounts[i].login) == 0)
      {
        g_task_return_pointer (task, g_strdup (accounts[i].password), g_free);
        return;
      }

  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           "No password is saved for %s", login);
}

static char *
lookup_finish (GAsyncResult  *result,
               GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
free_secret (char *secret)
{
  g_free (secret);
}

/**
 * sc_test_secret_funcs:
 *
 * Returns: (transfer none): secret functions for the fake Odoo's accounts
 */
const ScSyncSecretFuncs *
sc_test_secret_funcs (void)
{
  static const ScSyncSecretFuncs funcs = { lookup_async, lookup_finish, free_secret };

  return &funcs;
}
