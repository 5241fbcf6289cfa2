/* sc-alert-drain.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sc-alert-sender.h"
#include "sc-store.h"

G_BEGIN_DECLS

/* After this many attempts a delivery is given up, and says so. */
#define SC_ALERT_DELIVERY_MAX_ATTEMPTS 12

/**
 * ScAlertSecretLookup:
 * @channel_id: an alert channel's id
 * @user_data: the data given with the function
 *
 * Returns: (transfer full) (nullable): the channel's secret (a JSON
 *   object), or %NULL when none is saved
 */
typedef char *(*ScAlertSecretLookup) (gint64   channel_id,
                                      gpointer user_data);

/**
 * ScAlertDrainReport:
 * @delivered: deliveries the channels confirmed
 * @retrying: deliveries to try again later
 * @failed: deliveries given up for good
 * @next_due: when the earliest waiting delivery is due, 0 if none waits
 */
typedef struct
{
  guint   delivered;
  guint   retrying;
  guint   failed;
  gint64  next_due;
} ScAlertDrainReport;

gboolean  sc_alert_drain_sync  (ScStore              *store,
                                ScAlertSender        *sender,
                                ScAlertSecretLookup   lookup,
                                gpointer              lookup_data,
                                gint64                now,
                                GRand                *rand,
                                GCancellable         *cancellable,
                                ScAlertDrainReport   *report,
                                GError              **error);

G_END_DECLS
