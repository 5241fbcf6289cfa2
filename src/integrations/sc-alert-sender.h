/* sc-alert-sender.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sc-alert-outbox.h"

G_BEGIN_DECLS

/**
 * ScAlertSendResult:
 * @outcome: delivered, retry or failed for good
 * @http_status: the service's HTTP status, 0 when none came
 * @reason: (nullable): why it was not delivered, for the delivery log;
 *   never holds the channel's URL or token
 * @retry_after: seconds the service asked us to wait (Retry-After), or -1
 */
typedef struct
{
  ScAlertDeliveryOutcome  outcome;
  guint                   http_status;
  char                   *reason;
  gint64                  retry_after;
} ScAlertSendResult;

#define SC_TYPE_ALERT_SENDER (sc_alert_sender_get_type ())

G_DECLARE_FINAL_TYPE (ScAlertSender, sc_alert_sender, SC, ALERT_SENDER, GObject)

const char * const *sc_alert_sender_kinds       (void);

ScAlertSender      *sc_alert_sender_new         (guint                   timeout_seconds);
void                sc_alert_sender_send        (ScAlertSender          *self,
                                                 const ScAlertDelivery  *delivery,
                                                 const char             *secret,
                                                 gint64                  now,
                                                 GCancellable           *cancellable,
                                                 ScAlertSendResult      *result);
void                sc_alert_sender_send_test   (ScAlertSender          *self,
                                                 gint64                  channel_id,
                                                 const char             *kind,
                                                 const char             *name,
                                                 const char             *config,
                                                 const char             *secret,
                                                 gint64                  now,
                                                 GCancellable           *cancellable,
                                                 ScAlertSendResult      *result);
void                sc_alert_send_result_clear  (ScAlertSendResult      *result);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ScAlertSendResult, sc_alert_send_result_clear)

G_END_DECLS
