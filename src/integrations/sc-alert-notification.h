/* sc-alert-notification.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sc-alert-rules.h"

G_BEGIN_DECLS

/* The id of the desktop notification for alerts: a new one replaces the
 * one still shown. */
#define SC_ALERT_NOTIFICATION_ID "alerts"

GNotificationPriority  sc_alert_notification_priority  (const guint  counts[SC_ALERT_N_SEVERITIES]);
char                  *sc_alert_notification_title     (const guint  counts[SC_ALERT_N_SEVERITIES]);
GNotification         *sc_alert_notification_new       (const guint  counts[SC_ALERT_N_SEVERITIES],
                                                        const char  *digest);

G_END_DECLS
