/* sc-jsonrpc-private.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-jsonrpc.h"

G_BEGIN_DECLS

void  _sc_sync_error_set_certificate_fingerprint (GError     *error,
                                                  const char *fingerprint);
void  _sc_sync_error_set_message                 (GError     *error,
                                                  const char *message);
void  _sc_sync_error_mask                        (GError     *error,
                                                  const char *secret);
char *_sc_jsonrpc_mask                           (const char *text,
                                                  const char *secret);

G_END_DECLS
