/* sc-alert-outbox.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "sc-alert-engine.h"
#include "sc-store.h"

G_BEGIN_DECLS

/**
 * ScAlertDeliveryOutcome:
 * @SC_ALERT_DELIVERY_DELIVERED: the channel confirmed it; never sent again
 * @SC_ALERT_DELIVERY_RETRY: try again at the given time
 * @SC_ALERT_DELIVERY_FAILED: refused for good (a bad URL or token): the
 *   reason stays in the delivery log
 */
typedef enum
{
  SC_ALERT_DELIVERY_DELIVERED,
  SC_ALERT_DELIVERY_RETRY,
  SC_ALERT_DELIVERY_FAILED,
} ScAlertDeliveryOutcome;

/**
 * ScAlertDelivery:
 *
 * One alert event on its way to one channel, with everything a sender
 * needs: the channel's kind and non-secret settings, the event's numbers,
 * and the idempotency key that stays the same across retries.
 */
typedef struct
{
  gint64  id;
  gint64  event_id;
  gint64  channel_id;
  char   *channel_kind;
  char   *channel_name;
  char   *channel_config;   /* JSON object */
  char   *idempotency_key;
  guint   attempts;         /* this one included */
  char   *state;
  guint   last_status;
  char   *last_error;
  gint64  next_attempt_at;
  gint64  delivered_at;

  char   *rule_name;
  gint64  kpi_id;
  gint64  kpi_odoo_id;      /* 0 when the KPI is not on Odoo */
  char   *kpi_name;
  gint64  incident;
  char   *event_type;       /* fired, escalated, resolved */
  char   *severity;
  gint64  time;
  char   *message;
  char   *details;          /* JSON object: the numbers that fired it */
} ScAlertDelivery;

/**
 * ScAlertChannel:
 * @id: the channel's id
 * @kind: "slack", "teams", "webhook", "powerbi", "twilio_sms", …
 * @name: its unique name
 * @config: its non-secret settings, a JSON object
 * @enabled: whether alerts go to it
 *
 * Where alerts are delivered. Its secret is in the Secret Service.
 */
typedef struct
{
  gint64    id;
  char     *kind;
  char     *name;
  char     *config;
  gboolean  enabled;
} ScAlertChannel;

/* A claimed delivery is not due again for this long: a crash mid-send
 * retries it after that, with the same key; another process draining the
 * same store meanwhile does not send it twice. */
#define SC_ALERT_DELIVERY_LEASE_SECONDS 300

void             sc_alert_delivery_free              (ScAlertDelivery        *delivery);
void             sc_alert_channel_free               (ScAlertChannel         *channel);

gint64           sc_alert_retry_delay                (guint                   attempts,
                                                      double                  jitter);

gint64           sc_store_add_alert_channel          (ScStore                *store,
                                                      const char             *kind,
                                                      const char             *name,
                                                      const char             *config_json,
                                                      gint64                  now,
                                                      GError                **error);
gboolean         sc_store_remove_alert_channel       (ScStore                *store,
                                                      gint64                  channel_id,
                                                      GError                **error);
GPtrArray       *sc_store_list_alert_channels        (ScStore                *store,
                                                      GError                **error);
gint64           sc_store_record_alert_event         (ScStore                *store,
                                                      const ScAlertEvent     *event,
                                                      const gint64           *channel_ids,
                                                      guint                   n_channels,
                                                      gint64                  now,
                                                      GError                **error);
GPtrArray       *sc_store_claim_alert_deliveries     (ScStore                *store,
                                                      const char * const     *kinds,
                                                      gint64                  now,
                                                      guint                   limit,
                                                      GError                **error);
gboolean         sc_store_finish_alert_delivery      (ScStore                *store,
                                                      gint64                  delivery_id,
                                                      ScAlertDeliveryOutcome  outcome,
                                                      guint                   http_status,
                                                      const char             *reason,
                                                      gint64                  next_attempt_at,
                                                      gint64                  now,
                                                      GError                **error);
guint            sc_store_hurry_alert_deliveries     (ScStore                *store,
                                                      gint64                  now,
                                                      GError                **error);
GPtrArray       *sc_store_list_alert_deliveries      (ScStore                *store,
                                                      gint64                  event_id,
                                                      GError                **error);
GPtrArray       *sc_store_list_incident_deliveries   (ScStore                *store,
                                                      gint64                  rule_id,
                                                      gint64                  kpi_id,
                                                      guint                   incident,
                                                      GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScAlertDelivery, sc_alert_delivery_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScAlertChannel, sc_alert_channel_free)

G_END_DECLS
