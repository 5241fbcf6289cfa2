/* sc-alert-monitor.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sc-store-thread.h"

G_BEGIN_DECLS

#define SC_TYPE_ALERT_MONITOR (sc_alert_monitor_get_type ())

G_DECLARE_FINAL_TYPE (ScAlertMonitor, sc_alert_monitor, SC, ALERT_MONITOR, GObject)

ScAlertMonitor *sc_alert_monitor_new              (ScStoreThread  *store,
                                                   GApplication   *application);
guint           sc_alert_monitor_get_n_runs       (ScAlertMonitor *self);
const char     *sc_alert_monitor_get_last_digest  (ScAlertMonitor *self);

G_END_DECLS
