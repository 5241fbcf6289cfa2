/* sc-gauge-private.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-gauge.h"

G_BEGIN_DECLS

/* Test hooks: what snapshot() and query-tooltip use, without a pointer. */

void                  _sc_gauge_get_spec         (ScGauge     *self,
                                                  ScGaugeSpec *spec);
const ScPaintPalette *_sc_gauge_get_palette      (ScGauge     *self);
char                 *_sc_gauge_dup_tooltip_text (ScGauge     *self);

G_END_DECLS
