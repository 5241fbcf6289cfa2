/* sc-insights.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "sc-anomaly.h"
#include "sc-forecast.h"
#include "sc-trend.h"
#include "sc-types.h"

G_BEGIN_DECLS

/**
 * ScInsightInput:
 * @name: the KPI's name, as shown to the user
 * @target: its target
 * @target_type: how the target is measured
 * @direction: whether higher or lower values are better
 * @days_left: days left in the current period, or -1 if unknown
 * @has_value: whether @value is set
 * @value: the KPI's current value
 * @forecast: (nullable): its forecast, with @end_step at the period end
 * @trend: (nullable): its trend summary
 * @anomalies: (nullable): its anomalies
 * @risk: (nullable): its degradation risk
 *
 * The numbers insight sentences are made from. Sentences are only made
 * for the numbers given: nothing is guessed.
 */
typedef struct
{
  const char               *name;
  double                    target;
  ScTargetType              target_type;
  ScDirection               direction;
  int                       days_left;
  gboolean                  has_value;
  double                    value;
  const ScForecast         *forecast;
  const ScTrendSummary     *trend;
  const ScAnomalyReport    *anomalies;
  const ScDegradationRisk  *risk;
} ScInsightInput;

void        sc_insight_input_init     (ScInsightInput       *input);
GPtrArray  *sc_insights_for_kpi       (const ScInsightInput *input);
char       *sc_insights_kpi_summary   (const ScInsightInput *input);
char       *sc_insights_group_summary (const char           *group_name,
                                       guint                 n_at_risk,
                                       guint                 n_total,
                                       const char           *biggest_drop_name,
                                       double                biggest_drop_percent);

G_END_DECLS
