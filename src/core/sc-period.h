/* sc-period.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "sc-types.h"

G_BEGIN_DECLS

void      sc_period_bounds        (ScReportType   type,
                                   gint64         utc,
                                   GTimeZone     *tz,
                                   gint64        *start,
                                   gint64        *end);
void      sc_period_bounds_offset (ScReportType   type,
                                   gint64         utc,
                                   int            offset,
                                   GTimeZone     *tz,
                                   gint64        *start,
                                   gint64        *end);
char     *sc_period_label         (ScReportType   type,
                                   gint64         utc,
                                   GTimeZone     *tz);
char     *sc_period_title         (ScReportType   type,
                                   gint64         utc,
                                   GTimeZone     *tz);
double    sc_period_progress      (ScReportType   type,
                                   gint64         utc,
                                   GTimeZone     *tz);
int       sc_period_days_left     (ScReportType   type,
                                   gint64         utc,
                                   GTimeZone     *tz);

gint64    sc_utc_day_start        (gint64         utc);

char     *sc_time_to_odoo         (gint64         utc);
gboolean  sc_time_from_odoo       (const char    *text,
                                   gint64        *utc);
gboolean  sc_time_parse_user      (const char    *text,
                                   GTimeZone     *tz,
                                   gint64        *utc,
                                   GError       **error);
char     *sc_time_format_local    (gint64         utc,
                                   GTimeZone     *tz);
char     *sc_date_format_local    (gint64         utc,
                                   GTimeZone     *tz);

G_END_DECLS
