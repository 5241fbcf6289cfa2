/* sc-kpi-analysis.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-analytics"

#include "config.h"

#include <math.h>

#include "sc-insights.h"
#include "sc-kpi-analysis.h"
#include "sc-period.h"

/* One KPI's analysis, from its history: the pieces of sc-trend,
 * sc-forecast, sc-anomaly and sc-insights put together the way the app
 * shows them. A pure function of its inputs, safe on any thread. */

#define AT_RISK_PROBABILITY 0.1
/* A method chosen by backtest is reused until the history has moved on by
 * a tenth of its values (73 days of a two-year daily history), then
 * chosen afresh.
 */
#define REUSE_SHARE 0.1

/* How far the app looks ahead, in steps of the KPI's report type, when the
 * current period ends sooner. */
static guint
display_horizon (ScAnalyticsPeriod period)
{
  switch (period)
    {
    case SC_ANALYTICS_PERIOD_DAILY:
      return 30;
    case SC_ANALYTICS_PERIOD_WEEKLY:
      return 8;
    case SC_ANALYTICS_PERIOD_MONTHLY:
      return 6;
    case SC_ANALYTICS_PERIOD_QUARTERLY:
      return 4;
    case SC_ANALYTICS_PERIOD_YEARLY:
    default:
      return 2;
    }
}

/* Where the red zone starts: achievement below warn_from. */
static double
red_line_or_nan (const ScKpiFacts *facts,
                 gboolean          has_target)
{
  if (!has_target)
    return NAN;

  return facts->direction == SC_DIRECTION_LOWER_BETTER ? facts->target / (facts->warn_from / 100.0)
                                                       : facts->target * facts->warn_from / 100.0;
}

/**
 * sc_kpi_facts_from_kpi:
 * @facts: (out caller-allocates): where to copy
 * @kpi: a KPI
 *
 * Copies what the analysis needs; clear with sc_kpi_facts_clear().
 */
void
sc_kpi_facts_from_kpi (ScKpiFacts *facts,
                       ScKpi      *kpi)
{
  g_return_if_fail (facts != NULL);
  g_return_if_fail (SC_IS_KPI (kpi));

  facts->kpi_id = sc_kpi_get_id (kpi);
  facts->name = g_strdup (sc_kpi_get_name (kpi));
  facts->target = sc_kpi_get_target_value (kpi);
  facts->target_type = sc_kpi_get_target_type (kpi);
  facts->direction = sc_kpi_get_direction (kpi);
  facts->report_type = sc_kpi_get_report_type (kpi);
  facts->has_value = sc_kpi_has_value (kpi);
  facts->value = sc_kpi_get_value (kpi);
  facts->warn_from = sc_kpi_get_warn_from (kpi);
  facts->department = sc_kpi_get_department (kpi) != SC_DEPARTMENT_NONE
                        ? g_strdup (sc_department_label (sc_kpi_get_department (kpi))) : NULL;
  facts->owner = g_strdup (sc_kpi_get_assignees (kpi)[0]);
}

void
sc_kpi_facts_clear (ScKpiFacts *facts)
{
  g_return_if_fail (facts != NULL);

  g_clear_pointer (&facts->name, g_free);
  g_clear_pointer (&facts->department, g_free);
  g_clear_pointer (&facts->owner, g_free);
}

/**
 * sc_kpi_analysis_compute:
 * @facts: the KPI
 * @points: (array length=n_points): its history, oldest first
 * @n_points: the number of points
 * @now: the current time, Unix seconds UTC
 * @tz: (nullable): the calendar's time zone, %NULL for local
 *
 * Returns: (transfer full): the analysis; never %NULL, labelled fallbacks
 *   stand in for what a short history cannot support
 */
ScKpiAnalysis *
sc_kpi_analysis_compute (const ScKpiFacts     *facts,
                         const ScHistoryPoint *points,
                         gsize                 n_points,
                         gint64                now,
                         GTimeZone            *tz)
{
  return sc_kpi_analysis_compute_reusing (facts, points, n_points, now, tz, NULL);
}

/**
 * sc_kpi_analysis_compute_reusing:
 * @facts: the KPI
 * @points: (array length=n_points): its history, oldest first
 * @n_points: the number of points
 * @now: the current time, Unix seconds UTC
 * @tz: (nullable): the calendar's time zone, %NULL for local
 * @previous: (nullable): the forecast of an earlier analysis of the same
 *   KPI, or its sc_forecast_copy_choice()
 *
 * Like sc_kpi_analysis_compute(), but the forecast reuses the method,
 * parameters and backtest figures of @previous instead of choosing them
 * by backtest again, which is most of the cost of an analysis, as long
 * as the history has moved on by less than a tenth of its values since
 * they were chosen (see #ScForecast.chosen_origin_index). The method's
 * states are always refitted to the whole history.
 *
 * Returns: (transfer full): the analysis
 */
ScKpiAnalysis *
sc_kpi_analysis_compute_reusing (const ScKpiFacts     *facts,
                                 const ScHistoryPoint *points,
                                 gsize                 n_points,
                                 gint64                now,
                                 GTimeZone            *tz,
                                 const ScForecast     *previous)
{
  g_autoptr(GTimeZone) local = tz == NULL ? g_time_zone_new_local () : g_time_zone_ref (tz);
  ScKpiAnalysis *analysis = g_new0 (ScKpiAnalysis, 1);
  ScAnalyticsPeriod period = sc_analytics_period_from_report (facts->report_type);
  gboolean has_target = facts->target_type != SC_TARGET_TYPE_BOOLEAN && facts->target > 0;
  ScForecastOptions options;
  ScAnomalyOptions anomaly_options;
  ScInsightInput input;
  double red_line;

  g_return_val_if_fail (facts != NULL, NULL);

  analysis->facts = *facts;
  analysis->facts.name = g_strdup (facts->name);
  analysis->facts.department = g_strdup (facts->department);
  analysis->facts.owner = g_strdup (facts->owner);

  analysis->series = sc_trend_resample (points, n_points, period, local);
  sc_trend_summarize_series (points, n_points, analysis->series,
                             has_target ? facts->target : NAN, &analysis->trend);

  sc_forecast_options_init (&options);
  options.horizon = display_horizon (period);
  options.end_step = 1;
  options.has_target = has_target;
  options.target = facts->target;
  options.direction = facts->direction;
  /* The season is tested once, here, for the forecast and the anomalies:
   * on the same series they would find the same.
   */
  options.season_length = analysis->trend.seasonality.period;
  if (previous != NULL && previous->period == period)
    {
      gint64 origin = analysis->series->first_index + (gint64) analysis->series->n;
      gint64 moved = origin - previous->chosen_origin_index;
      double limit = MAX (REUSE_SHARE * (double) sc_series_count_values (analysis->series), 1.0);

      if (moved >= 0 && (double) moved < limit)
        options.previous = previous;
    }
  analysis->forecast = sc_forecast_series (analysis->series, &options);

  sc_anomaly_options_init (&anomaly_options);
  anomaly_options.season_length = analysis->trend.seasonality.period;
  analysis->anomalies = sc_anomaly_detect (analysis->series, &anomaly_options, local);

  /* The red zone starts where achievement drops below warn_from. */
  red_line = red_line_or_nan (facts, has_target);
  if (has_target)
    {
      analysis->has_risk = sc_anomaly_degradation_risk (analysis->forecast, red_line,
                                                        facts->direction,
                                                        analysis->forecast->horizon,
                                                        &analysis->risk);
    }

  /* At risk: more likely than not to be in the red zone at the end of the
   * forecast, or nearly sure to miss the target at the period's end. A KPI
   * running at 90 % of its target is not "at risk" merely for being
   * unlikely to reach 100 %. */
  analysis->at_risk = (analysis->has_risk && analysis->risk.probability_end >= 0.5) ||
                      (analysis->forecast->has_target &&
                       analysis->forecast->probability_target < AT_RISK_PROBABILITY);

  /* The 70th percentile of the period-end forecast: a stretch, not a
   * wish. */
  sc_anomaly_suggest_target (analysis->forecast, facts->direction, 0.7, &analysis->suggestion);
  sc_anomaly_monitoring_advice (analysis->series, has_target, red_line, facts->direction,
                                &analysis->monitoring);

  sc_insight_input_init (&input);
  input.name = facts->name;
  input.target = facts->target;
  input.target_type = facts->target_type;
  input.direction = facts->direction;
  input.days_left = sc_period_days_left (facts->report_type, now, local);
  input.has_value = facts->has_value;
  input.value = facts->value;
  input.forecast = analysis->forecast;
  input.trend = &analysis->trend;
  input.anomalies = analysis->anomalies;
  input.risk = analysis->has_risk ? &analysis->risk : NULL;
  analysis->insights = sc_insights_for_kpi (&input);
  analysis->summary = sc_insights_kpi_summary (&input);

  return analysis;
}

void
sc_kpi_analysis_free (ScKpiAnalysis *analysis)
{
  if (analysis == NULL)
    return;

  sc_kpi_facts_clear (&analysis->facts);
  g_clear_pointer (&analysis->series, sc_series_free);
  g_clear_pointer (&analysis->forecast, sc_forecast_free);
  g_clear_pointer (&analysis->anomalies, sc_anomaly_report_free);
  g_clear_pointer (&analysis->insights, g_ptr_array_unref);
  sc_target_suggestion_clear (&analysis->suggestion);
  sc_monitoring_advice_clear (&analysis->monitoring);
  g_clear_pointer (&analysis->summary, g_free);
  g_free (analysis);
}
