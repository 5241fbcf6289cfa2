/* sc-sync-account.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sc-odoo-client.h"
#include "sc-store.h"
#include "sc-store-thread.h"

G_BEGIN_DECLS

/* The store settings that name the Odoo account a store syncs with. The
 * password or API key is never among them: it lives in the Secret Service. */
#define SC_SYNC_SETTING_URL       "odoo_url"
#define SC_SYNC_SETTING_DATABASE  "odoo_database"
#define SC_SYNC_SETTING_LOGIN     "odoo_login"
#define SC_SYNC_SETTING_ROLE      "odoo_role"
#define SC_SYNC_SETTING_LAST_SYNC "last_sync"
#define SC_SYNC_SETTING_CERTIFICATE "odoo_certificate"

/**
 * ScSyncAccount:
 * @url: (nullable): the server, as the client normalised it
 * @database: (nullable): the Odoo database
 * @login: (nullable): the user's login
 * @role: the KPI group read at the last login
 * @last_sync: (nullable): when the last sync ended, UTC ISO 8601
 * @certificate: (nullable): the SHA-256 fingerprint of a certificate the
 *   user chose to trust although the system does not (self-signed)
 *
 * The Odoo account of a store, read from its settings; all %NULL when none
 * is set up.
 */
typedef struct
{
  char        *url;
  char        *database;
  char        *login;
  ScOdooRole   role;
  char        *last_sync;
  char        *certificate;
} ScSyncAccount;

const char    *sc_odoo_role_to_string           (ScOdooRole            role);
ScOdooRole     sc_odoo_role_from_string         (const char           *text);

ScSyncAccount *sc_sync_account_load             (ScStore              *store);
gboolean       sc_sync_account_save             (ScStore              *store,
                                                 const ScSyncAccount  *account,
                                                 GError              **error);
gboolean       sc_sync_account_set_synced       (ScStore              *store,
                                                 ScOdooRole            role,
                                                 GDateTime            *time,
                                                 GError              **error);
gboolean       sc_sync_account_is_configured    (const ScSyncAccount  *account);
char          *sc_odoo_role_submit_refusal      (ScOdooRole            role,
                                                 gboolean              submitted_today);
gboolean       sc_sync_account_same_identity    (const ScSyncAccount  *a,
                                                 const ScSyncAccount  *b);
GDateTime     *sc_sync_account_get_last_sync    (const ScSyncAccount  *account);
ScSyncAccount *sc_sync_account_copy             (const ScSyncAccount  *account);
void           sc_sync_account_free             (ScSyncAccount        *account);

void           sc_sync_account_load_async       (ScStoreThread        *store,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
ScSyncAccount *sc_sync_account_load_finish      (ScStoreThread        *store,
                                                 GAsyncResult         *result,
                                                 GError              **error);
void           sc_sync_account_save_async       (ScStoreThread        *store,
                                                 const ScSyncAccount  *account,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean       sc_sync_account_save_finish      (ScStoreThread        *store,
                                                 GAsyncResult         *result,
                                                 GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScSyncAccount, sc_sync_account_free)

G_END_DECLS
