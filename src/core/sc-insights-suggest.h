/* sc-insights-suggest.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "sc-analytics.h"

G_BEGIN_DECLS

/**
 * ScDeclineItem:
 * @kpi_name: the KPI
 * @department: (nullable): its department, as shown
 * @owner: (nullable): who reports it
 * @change_percent: its change over the last 30 days, signed so that a
 *   negative number is a decline whatever the KPI's direction
 *
 * One KPI's recent change, for sc_insights_decline_driver().
 */
typedef struct
{
  const char *kpi_name;
  const char *department;
  const char *owner;
  double      change_percent;
} ScDeclineItem;

char *sc_insights_decline_driver (const ScDeclineItem  *items,
                                  gsize                 n_items);
char *sc_insights_comovement     (const char * const   *names,
                                  ScSeries * const     *series,
                                  gsize                 n_series,
                                  gsize                 window,
                                  double                min_correlation);

G_END_DECLS
