/* sc-alert-drain.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-alert-drain"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-alert-drain.h"
#include "sc-alert-outbox.h"
#include "sc-store-private.h"

/* Sends what is due in the alert delivery outbox, one delivery at a time,
 * and records each outcome before the next: a kill -9 at any point loses
 * at most the knowledge that one send happened, and that delivery goes
 * again after its lease with the same idempotency key. Runs in a worker
 * thread with its own store connection (or in scorecard-cli). */

#define CLAIM_BATCH 20

static gint64
next_due (ScStore *store)
{
  sqlite3_stmt *stmt = _sc_store_prepare (store,
                                          "SELECT min (next_attempt_at) FROM alert_deliveries "
                                          "WHERE state IN ('pending', 'sending')",
                                          NULL);
  gint64 due = 0;

  if (stmt == NULL)
    return 0;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    due = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return due;
}

/**
 * sc_alert_drain_sync:
 * @store: the store
 * @sender: sends over HTTP
 * @lookup: finds a channel's secret
 * @lookup_data: data for @lookup
 * @now: the time (injected, for tests)
 * @rand: (nullable): for the backoff's jitter
 * @cancellable: (nullable): stops between two deliveries
 * @report: (out caller-allocates): what happened
 * @error: return location for a #GError
 *
 * Returns: %TRUE unless the store failed or it was cancelled
 */
gboolean
sc_alert_drain_sync (ScStore             *store,
                     ScAlertSender       *sender,
                     ScAlertSecretLookup  lookup,
                     gpointer             lookup_data,
                     gint64               now,
                     GRand               *rand,
                     GCancellable        *cancellable,
                     ScAlertDrainReport  *report,
                     GError             **error)
{
  g_autoptr(GRand) own_rand = NULL;

  g_return_val_if_fail (SC_IS_STORE (store), FALSE);
  g_return_val_if_fail (SC_IS_ALERT_SENDER (sender), FALSE);
  g_return_val_if_fail (lookup != NULL, FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  memset (report, 0, sizeof *report);
  if (rand == NULL)
    rand = own_rand = g_rand_new ();

  for (;;)
    {
      g_autoptr(GPtrArray) claimed = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      claimed = sc_store_claim_alert_deliveries (store, sc_alert_sender_kinds (), now, CLAIM_BATCH,
                                                 error);
      if (claimed == NULL)
        return FALSE;
      if (claimed->len == 0)
        break;

      for (guint i = 0; i < claimed->len; i++)
        {
          ScAlertDelivery *delivery = g_ptr_array_index (claimed, i);
          g_auto(ScAlertSendResult) result = { 0, };
          g_autofree char *reason = NULL;
          char *secret;
          gint64 next = now;

          if (g_cancellable_is_cancelled (cancellable))
            break;

          secret = lookup (delivery->channel_id, lookup_data);
          sc_alert_sender_send (sender, delivery, secret, now, cancellable, &result);
          if (secret != NULL)
            {
              explicit_bzero (secret, strlen (secret));
              g_free (secret);
            }

          reason = g_strdup (result.reason);
          if (result.outcome == SC_ALERT_DELIVERY_RETRY)
            {
              if (delivery->attempts >= SC_ALERT_DELIVERY_MAX_ATTEMPTS)
                {
                  g_free (reason);
                  reason = g_strdup_printf (_("Gave up after %u attempts; the last: %s"),
                                            delivery->attempts, result.reason);
                  result.outcome = SC_ALERT_DELIVERY_FAILED;
                }
              else if (result.retry_after >= 0)
                next = now + MAX (result.retry_after, 1);
              else
                next = now + sc_alert_retry_delay (delivery->attempts, g_rand_double (rand));
            }

          if (!sc_store_finish_alert_delivery (store, delivery->id, result.outcome, result.http_status,
                                               reason, next, now, error))
            return FALSE;

          switch (result.outcome)
            {
            case SC_ALERT_DELIVERY_DELIVERED: report->delivered++; break;
            case SC_ALERT_DELIVERY_RETRY: report->retrying++; break;
            case SC_ALERT_DELIVERY_FAILED:
            default:
              g_message ("Alert delivery %" G_GINT64_FORMAT " to “%s” failed: %s", delivery->id,
                         delivery->channel_name, reason ? reason : "");
              report->failed++;
              break;
            }
        }
    }

  report->next_due = next_due (store);

  return TRUE;
}
