/* sc-analytics.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "sc-types.h"

G_BEGIN_DECLS

/**
 * ScAnalyticsPeriod:
 * @SC_ANALYTICS_PERIOD_DAILY: calendar days
 * @SC_ANALYTICS_PERIOD_WEEKLY: ISO weeks, Monday to Sunday
 * @SC_ANALYTICS_PERIOD_MONTHLY: calendar months
 * @SC_ANALYTICS_PERIOD_QUARTERLY: calendar quarters
 * @SC_ANALYTICS_PERIOD_YEARLY: calendar years
 *
 * The length of one step of a regular series. Periods follow the local
 * calendar of the time zone given to the functions that take one.
 */
typedef enum
{
  SC_ANALYTICS_PERIOD_DAILY,
  SC_ANALYTICS_PERIOD_WEEKLY,
  SC_ANALYTICS_PERIOD_MONTHLY,
  SC_ANALYTICS_PERIOD_QUARTERLY,
  SC_ANALYTICS_PERIOD_YEARLY,
} ScAnalyticsPeriod;

#define SC_ANALYTICS_N_PERIODS 5

/**
 * ScSeries:
 * @period: the length of one step
 * @first_index: the period number of @values[0]: days since 1970-01-01,
 *   weeks since Monday 1969-12-29, months, quarters or years since year 0
 * @n: the number of periods, gaps included
 * @values: (array length=n): the mean of the values in each period, NAN
 *   for a period without any (a gap)
 * @counts: (array length=n): how many values each period holds
 * @n_missing: how many periods are gaps
 *
 * A regular series: one slot per period from the first period with a value
 * to the last, in order. Gaps stay gaps, as NAN with a count of 0; the
 * analytics functions skip them or carry their state over them, and never
 * return NAN themselves.
 */
typedef struct
{
  ScAnalyticsPeriod  period;
  gint64             first_index;
  gsize              n;
  double            *values;
  guint             *counts;
  gsize              n_missing;
} ScSeries;

ScSeries          *sc_series_new                   (ScAnalyticsPeriod  period,
                                                    gint64             first_index,
                                                    const double      *values,
                                                    gsize              n);
ScSeries          *sc_series_copy                  (const ScSeries    *series);
void               sc_series_free                  (ScSeries          *series);
gsize              sc_series_count_values          (const ScSeries    *series);
gint64             sc_series_period_start          (const ScSeries    *series,
                                                    gsize              i,
                                                    GTimeZone         *tz);

ScAnalyticsPeriod  sc_analytics_period_from_report (ScReportType       report_type);
const char        *sc_analytics_period_to_key      (ScAnalyticsPeriod  period);
gboolean           sc_analytics_period_from_key    (const char        *key,
                                                    ScAnalyticsPeriod *period);
double             sc_analytics_period_days        (ScAnalyticsPeriod  period);
gint64             sc_analytics_period_index       (ScAnalyticsPeriod  period,
                                                    gint64             utc,
                                                    GTimeZone         *tz);
gint64             sc_analytics_period_index_start (ScAnalyticsPeriod  period,
                                                    gint64             index,
                                                    GTimeZone         *tz);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScSeries, sc_series_free)

G_END_DECLS
