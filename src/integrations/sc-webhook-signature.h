/* sc-webhook-signature.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The header a signed webhook carries: "t=<unix seconds>,v1=<hex>", where
 * hex is HMAC-SHA256 with the channel's signing key over
 * "<unix seconds>.<body>". */
#define SC_WEBHOOK_SIGNATURE_HEADER "X-Scorecard-Signature"
#define SC_WEBHOOK_REPLAY_WINDOW_SECONDS 300

#define SC_WEBHOOK_SIGNATURE_ERROR (sc_webhook_signature_error_quark ())

typedef enum
{
  SC_WEBHOOK_SIGNATURE_ERROR_MALFORMED,
  SC_WEBHOOK_SIGNATURE_ERROR_MISMATCH,
  SC_WEBHOOK_SIGNATURE_ERROR_EXPIRED,
} ScWebhookSignatureError;

GQuark    sc_webhook_signature_error_quark (void);

char     *sc_webhook_sign                  (const char   *key,
                                            gint64        timestamp,
                                            const char   *body,
                                            gsize         length);
gboolean  sc_webhook_verify                (const char   *key,
                                            const char   *header,
                                            const char   *body,
                                            gsize         length,
                                            gint64        now,
                                            gint64        window_seconds,
                                            GError      **error);

G_END_DECLS
