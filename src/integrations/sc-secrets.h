/* sc-secrets.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SC_SECRETS_ERROR (sc_secrets_error_quark ())

/**
 * ScSecretsError:
 * @SC_SECRETS_ERROR_NOT_FOUND: no password or API key is saved for that account
 * @SC_SECRETS_ERROR_FAILED: the Secret Service could not store, find or clear it
 *
 * Errors of sc-secrets.
 */
typedef enum
{
  SC_SECRETS_ERROR_NOT_FOUND,
  SC_SECRETS_ERROR_FAILED,
} ScSecretsError;

/* The Secret Service schema of an Odoo account: url, database and login. */
#define SC_SECRETS_ODOO_SCHEMA_NAME "io.github.scorecard_kpi.Scorecard.Odoo"

GQuark    sc_secrets_error_quark      (void);

gboolean  sc_secrets_store_sync       (const char           *url,
                                       const char           *database,
                                       const char           *login,
                                       const char           *secret,
                                       GCancellable         *cancellable,
                                       GError              **error);
char     *sc_secrets_lookup_sync      (const char           *url,
                                       const char           *database,
                                       const char           *login,
                                       GCancellable         *cancellable,
                                       GError              **error);
gboolean  sc_secrets_clear_sync       (const char           *url,
                                       const char           *database,
                                       const char           *login,
                                       GCancellable         *cancellable,
                                       GError              **error);

void      sc_secrets_store_async      (const char           *url,
                                       const char           *database,
                                       const char           *login,
                                       const char           *secret,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
gboolean  sc_secrets_store_finish     (GAsyncResult         *result,
                                       GError              **error);
void      sc_secrets_lookup_async     (const char           *url,
                                       const char           *database,
                                       const char           *login,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
char     *sc_secrets_lookup_finish    (GAsyncResult         *result,
                                       GError              **error);
void      sc_secrets_clear_async      (const char           *url,
                                       const char           *database,
                                       const char           *login,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
gboolean  sc_secrets_clear_finish     (GAsyncResult         *result,
                                       GError              **error);

void      sc_secrets_free             (char                 *secret);

G_END_DECLS
