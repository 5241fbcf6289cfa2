/* sc-sync-indicator.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sc-context.h"

G_BEGIN_DECLS

#define SC_TYPE_SYNC_INDICATOR (sc_sync_indicator_get_type ())

G_DECLARE_FINAL_TYPE (ScSyncIndicator, sc_sync_indicator, SC, SYNC_INDICATOR, GtkWidget)

GtkWidget  *sc_sync_indicator_new              (ScContext       *context);
const char *sc_sync_indicator_get_status_title (ScSyncIndicator *self);
const char *sc_sync_indicator_get_icon_name    (ScSyncIndicator *self);
GtkPopover *sc_sync_indicator_get_popover      (ScSyncIndicator *self);
guint       sc_sync_indicator_get_n_issues     (ScSyncIndicator *self);

G_END_DECLS
