/* sc-alert-secrets.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "sc-store.h"

G_BEGIN_DECLS

char *sc_alert_channel_secret_lookup (ScStore  *store,
                                      gint64    channel_id,
                                      GError  **error);
char *sc_alert_store_secret_lookup   (gint64    channel_id,
                                      gpointer  store);

G_END_DECLS
