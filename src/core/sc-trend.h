/* sc-trend.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "sc-analytics.h"
#include "sc-store.h"

G_BEGIN_DECLS

/**
 * ScTrendReference:
 * @SC_TREND_REFERENCE_NONE: no usable value that far back
 * @SC_TREND_REFERENCE_EXACT: a value at the reference instant itself
 * @SC_TREND_REFERENCE_INTERPOLATED: interpolated linearly in time between
 *   the values either side
 * @SC_TREND_REFERENCE_NEAREST: the nearest value, within half the span
 *
 * How sc_trend_change() found the value it compares against.
 */
typedef enum
{
  SC_TREND_REFERENCE_NONE,
  SC_TREND_REFERENCE_EXACT,
  SC_TREND_REFERENCE_INTERPOLATED,
  SC_TREND_REFERENCE_NEAREST,
} ScTrendReference;

/**
 * ScTrendChange:
 * @available: whether the change could be computed
 * @percent: (last − reference) / |reference| × 100
 * @change: last − reference, in the KPI's unit
 * @last_value: the latest value
 * @last_time: when it was recorded
 * @reference_value: the value compared against
 * @reference_time: the reference instant, @last_time minus the span
 * @rule: how @reference_value was found
 *
 * The change of a KPI over a span of days. All numbers are 0 when
 * @available is %FALSE.
 */
typedef struct
{
  gboolean          available;
  double            percent;
  double            change;
  double            last_value;
  gint64            last_time;
  double            reference_value;
  gint64            reference_time;
  ScTrendReference  rule;
} ScTrendChange;

/**
 * ScVelocity:
 * @available: whether there were at least three periods to fit
 * @slope: least-squares slope, KPI units per period
 * @slope_se: its standard error (0 with three points on a line)
 * @normalized: @slope as a percentage of the target per period
 * @normalized_available: %FALSE for a zero target
 * @r_squared: share of the variance the line explains
 * @n_used: periods with a value among those fitted
 *
 * Performance velocity: how fast the KPI moves, per period.
 */
typedef struct
{
  gboolean  available;
  double    slope;
  double    slope_se;
  double    normalized;
  gboolean  normalized_available;
  double    r_squared;
  gsize     n_used;
} ScVelocity;

/**
 * ScVolatilityLevel:
 * @SC_VOLATILITY_LOW: index below 5
 * @SC_VOLATILITY_MODERATE: index from 5 to below 15
 * @SC_VOLATILITY_HIGH: index of 15 and more
 *
 * Bands of the volatility index.
 */
typedef enum
{
  SC_VOLATILITY_LOW,
  SC_VOLATILITY_MODERATE,
  SC_VOLATILITY_HIGH,
} ScVolatilityLevel;

/**
 * ScVolatility:
 * @available: whether there were at least two period-over-period changes
 * @index: 100 × sd(Δy) / mean(|y|), see sc_trend_volatility()
 * @change_sd: the standard deviation of the period-over-period changes
 * @mean_level: the mean absolute level of the values used
 * @n_changes: how many changes were measured
 * @level: the band of @index
 *
 * How much a KPI moves from one period to the next, relative to its size.
 */
typedef struct
{
  gboolean           available;
  double             index;
  double             change_sd;
  double             mean_level;
  gsize              n_changes;
  ScVolatilityLevel  level;
} ScVolatility;

#define SC_TREND_MAX_SEASONAL_LAGS 4

/**
 * ScSeasonalLag:
 * @lag: the candidate period, in steps
 * @tested: %FALSE when the series is shorter than two cycles plus two
 * @acf: autocorrelation of the detrended series at @lag
 * @threshold: the value @acf had to exceed: z × Bartlett's standard error
 * @strength: share of the detrended variance the seasonal means explain,
 *   0–1 (see sc_trend_seasonality())
 * @significant: whether @acf exceeded @threshold
 *
 * One candidate period of sc_trend_seasonality().
 */
typedef struct
{
  int       lag;
  gboolean  tested;
  double    acf;
  double    threshold;
  double    strength;
  gboolean  significant;
} ScSeasonalLag;

/**
 * ScSeasonality:
 * @found: whether a significant seasonal period was found
 * @period: the period in steps, 1 when none
 * @strength: its strength, 0–1; 0 when none
 * @acf: its autocorrelation
 * @n_lags: how many candidates were considered
 * @lags: (array length=n_lags): the candidates
 *
 * The result of the seasonality test.
 */
typedef struct
{
  gboolean       found;
  int            period;
  double         strength;
  double         acf;
  guint          n_lags;
  ScSeasonalLag  lags[SC_TREND_MAX_SEASONAL_LAGS];
} ScSeasonality;

/**
 * ScTrendSummary:
 * @week: the 7-day change
 * @month: the 30-day change
 * @velocity: the velocity over the last periods
 * @volatility: the volatility over the last periods
 * @seasonality: the seasonality test
 *
 * Everything sc_trend_summarize() computes for one KPI.
 */
typedef struct
{
  ScTrendChange  week;
  ScTrendChange  month;
  ScVelocity     velocity;
  ScVolatility   volatility;
  ScSeasonality  seasonality;
} ScTrendSummary;

ScSeries   *sc_trend_resample          (const ScHistoryPoint *points,
                                        gsize                 n_points,
                                        ScAnalyticsPeriod     period,
                                        GTimeZone            *tz);
gboolean    sc_trend_change            (const ScHistoryPoint *points,
                                        gsize                 n_points,
                                        int                   days,
                                        ScTrendChange        *out);
gboolean    sc_trend_velocity          (const ScSeries       *series,
                                        gsize                 last_periods,
                                        double                target,
                                        ScVelocity           *out);
gboolean    sc_trend_volatility        (const ScSeries       *series,
                                        gsize                 last_periods,
                                        ScVolatility         *out);
const int  *sc_trend_seasonal_lags     (ScAnalyticsPeriod     period,
                                        guint                *n_lags);
gboolean    sc_trend_seasonality       (const ScSeries       *series,
                                        ScSeasonality        *out);
gboolean    sc_trend_seasonality_lags  (const double         *values,
                                        gsize                 n,
                                        const int            *lags,
                                        guint                 n_lags,
                                        ScSeasonality        *out);
gsize       sc_trend_default_window    (ScAnalyticsPeriod     period);
void        sc_trend_summarize         (const ScHistoryPoint *points,
                                        gsize                 n_points,
                                        ScAnalyticsPeriod     period,
                                        GTimeZone            *tz,
                                        double                target,
                                        ScTrendSummary       *out);
void        sc_trend_summarize_series  (const ScHistoryPoint *points,
                                        gsize                 n_points,
                                        const ScSeries       *series,
                                        double                target,
                                        ScTrendSummary       *out);

G_END_DECLS
