/* sc-test-app-utils.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void sc_test_app_spin            (guint       msec);
void sc_test_app_remove_tree     (const char *path);
void sc_test_app_save_screenshot (GtkWidget  *widget,
                                  const char *name);

G_END_DECLS
