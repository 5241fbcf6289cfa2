/* sc-format.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "sc-types.h"

G_BEGIN_DECLS

char        *sc_format_number      (double        value,
                                    int           decimals);
const char  *sc_currency_symbol    (const char   *iso_code);
int          sc_currency_decimals  (const char   *iso_code);
char        *sc_format_measure     (double        value,
                                    ScTargetType  type,
                                    const char   *currency_code);
char        *sc_format_percent     (double        percent);
gboolean     sc_parse_number       (const char   *text,
                                    double       *value);

G_END_DECLS
