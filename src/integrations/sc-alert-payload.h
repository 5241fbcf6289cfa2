/* sc-alert-payload.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "sc-alert-outbox.h"

G_BEGIN_DECLS

char    *sc_alert_payload_title      (const ScAlertDelivery *delivery);
GBytes  *sc_alert_payload_slack      (const ScAlertDelivery *delivery);
GBytes  *sc_alert_payload_teams      (const ScAlertDelivery *delivery);
GBytes  *sc_alert_payload_webhook    (const ScAlertDelivery *delivery);
GBytes  *sc_alert_payload_powerbi    (const ScAlertDelivery *delivery);
char    *sc_alert_payload_sms_text   (const ScAlertDelivery *delivery);

G_END_DECLS
