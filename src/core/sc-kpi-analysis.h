/* sc-kpi-analysis.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "sc-anomaly.h"
#include "sc-forecast.h"
#include "sc-kpi.h"
#include "sc-trend.h"

G_BEGIN_DECLS

/**
 * ScKpiFacts:
 *
 * What the analysis needs to know about a KPI, copied from an #ScKpi so
 * that the analysis can run on another thread.
 */
typedef struct
{
  gint64        kpi_id;
  char         *name;
  double        target;
  ScTargetType  target_type;
  ScDirection   direction;
  ScReportType  report_type;
  gboolean      has_value;
  double        value;
  double        warn_from;
  char         *department;
  char         *owner;
} ScKpiFacts;

/**
 * ScKpiAnalysis:
 * @facts: the KPI analysed
 * @series: its history in periods of its report type
 * @trend: trend figures
 * @forecast: the forecast to the end of the current period and beyond
 * @anomalies: unusual values in @series
 * @risk: the chance of falling into the red zone within the forecast
 * @has_risk: whether @risk could be computed
 * @suggestion: a stretch-but-achievable target, with its reasoning
 * @monitoring: how often the KPI is worth checking, from its volatility
 * @at_risk: the KPI is more likely than not to be in the red zone at the
 *   end of the forecast, or less than 10 % likely to meet its target
 * @insights: (element-type utf8): plain-language sentences
 * @summary: the most important one
 *
 * Everything the app shows about where a KPI is going.
 */
typedef struct
{
  ScKpiFacts         facts;
  ScSeries          *series;
  ScTrendSummary     trend;
  ScForecast        *forecast;
  ScAnomalyReport   *anomalies;
  ScDegradationRisk  risk;
  gboolean           has_risk;
  gboolean           at_risk;
  ScTargetSuggestion suggestion;
  ScMonitoringAdvice monitoring;
  GPtrArray         *insights;
  char              *summary;
} ScKpiAnalysis;

void           sc_kpi_facts_from_kpi    (ScKpiFacts           *facts,
                                         ScKpi                *kpi);
void           sc_kpi_facts_clear       (ScKpiFacts           *facts);
ScKpiAnalysis *sc_kpi_analysis_compute  (const ScKpiFacts     *facts,
                                         const ScHistoryPoint *points,
                                         gsize                 n_points,
                                         gint64                now,
                                         GTimeZone            *tz);
ScKpiAnalysis *sc_kpi_analysis_compute_reusing (const ScKpiFacts     *facts,
                                                const ScHistoryPoint *points,
                                                gsize                 n_points,
                                                gint64                now,
                                                GTimeZone            *tz,
                                                const ScForecast     *previous);
void           sc_kpi_analysis_free     (ScKpiAnalysis        *analysis);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScKpiAnalysis, sc_kpi_analysis_free)

G_END_DECLS
