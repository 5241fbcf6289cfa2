/* sc-sparkline.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SC_TYPE_SPARKLINE (sc_sparkline_get_type ())

G_DECLARE_FINAL_TYPE (ScSparkline, sc_sparkline, SC, SPARKLINE, GtkWidget)

GtkWidget     *sc_sparkline_new        (void);
void           sc_sparkline_set_values (ScSparkline  *self,
                                        const double *values,
                                        guint         n_values);
const double  *sc_sparkline_get_values (ScSparkline  *self,
                                        guint        *n_values);
gboolean       sc_sparkline_get_fill   (ScSparkline  *self);
void           sc_sparkline_set_fill   (ScSparkline  *self,
                                        gboolean      fill);

G_END_DECLS
