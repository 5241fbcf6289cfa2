/* sc-sparkline-paint.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

#include "sc-paint-types.h"

G_BEGIN_DECLS

void sc_sparkline_paint (cairo_t      *cr,
                         double        width,
                         double        height,
                         const double *values,
                         guint         n_values,
                         const ScRgba *color,
                         gboolean      fill);

G_END_DECLS
