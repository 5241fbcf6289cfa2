/* sc-channels-window.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sc-context.h"

G_BEGIN_DECLS

#define SC_TYPE_CHANNELS_WINDOW (sc_channels_window_get_type ())

G_DECLARE_FINAL_TYPE (ScChannelsWindow, sc_channels_window, SC, CHANNELS_WINDOW, AdwWindow)

ScChannelsWindow *sc_channels_window_present      (ScContext        *context,
                                                   GtkWindow        *parent);
guint             sc_channels_window_get_n_channels (ScChannelsWindow *self);
void              sc_channels_window_set_form     (ScChannelsWindow *self,
                                                   const char       *kind,
                                                   const char       *name,
                                                   const char       *url);
gboolean          sc_channels_window_can_add      (ScChannelsWindow *self);
void              sc_channels_window_add          (ScChannelsWindow *self);
void              sc_channels_window_send_test    (ScChannelsWindow *self,
                                                   guint             index);
guint             sc_channels_window_get_n_results (ScChannelsWindow *self);
const char       *sc_channels_window_get_status   (ScChannelsWindow *self,
                                                   gboolean         *success);

G_END_DECLS
