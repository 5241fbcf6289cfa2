/* sc-channel-secrets.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The Secret Service schema of an alert channel's secret (a webhook URL,
 * a signing key, a token): the store's path and the channel's id. */
#define SC_CHANNEL_SECRETS_SCHEMA_NAME "io.github.scorecard_kpi.Scorecard.AlertChannel"

gboolean  sc_channel_secret_store_sync   (const char    *store_path,
                                          gint64         channel_id,
                                          const char    *channel_name,
                                          const char    *secret,
                                          GCancellable  *cancellable,
                                          GError       **error);
char     *sc_channel_secret_lookup_sync  (const char    *store_path,
                                          gint64         channel_id,
                                          GCancellable  *cancellable,
                                          GError       **error);
gboolean  sc_channel_secret_clear_sync   (const char    *store_path,
                                          gint64         channel_id,
                                          GCancellable  *cancellable,
                                          GError       **error);

G_END_DECLS
