/* sc-anomaly.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "sc-analytics.h"
#include "sc-forecast.h"
#include "sc-types.h"

G_BEGIN_DECLS

/**
 * ScAnomalyKind:
 * @SC_ANOMALY_SPIKE: one value far from its expected value (robust
 *   z-score of the seasonally adjusted residual)
 * @SC_ANOMALY_DRIFT: the exponentially weighted moving average of the
 *   seasonally adjusted values left its control limits
 * @SC_ANOMALY_LEVEL_SHIFT: a lasting change of level found by CUSUM; the
 *   index is the estimated change point
 *
 * What kind of anomaly was found.
 */
typedef enum
{
  SC_ANOMALY_SPIKE,
  SC_ANOMALY_DRIFT,
  SC_ANOMALY_LEVEL_SHIFT,
} ScAnomalyKind;

/**
 * ScAnomaly:
 * @index: the slot of the series
 * @time: the start of its period, Unix seconds UTC
 * @kind: what was found
 * @value: the value in that slot
 * @expected: the value expected there (trend plus season for spikes, the
 *   baseline plus season otherwise)
 * @score: signed size: robust z-score in MADs for spikes, standard
 *   deviations of the values for drifts and level shifts
 * @reason: (transfer full): why it was flagged, translated, such as "3.4
 *   MADs above the expected Tuesday value"
 *
 * One anomaly.
 */
typedef struct
{
  gsize          index;
  gint64         time;
  ScAnomalyKind  kind;
  double         value;
  double         expected;
  double         score;
  char          *reason;
} ScAnomaly;

/**
 * ScAnomalyOptions:
 * @season_length: 0 to detect it, 1 for none, or a period in steps
 * @z_threshold: robust z-score beyond which a value is a spike; 0 for 3.5
 * @ewma_lambda: EWMA weight of the newest value; 0 for 0.2
 * @ewma_width: EWMA control limit in standard deviations of the average;
 *   0 for 3.75
 * @cusum_k: CUSUM allowance in standard deviations; 0 for 0.5
 * @cusum_h: CUSUM decision interval in standard deviations; 0 for 8
 *
 * Tuning of sc_anomaly_detect(). Initialize with sc_anomaly_options_init().
 */
typedef struct
{
  int     season_length;
  double  z_threshold;
  double  ewma_lambda;
  double  ewma_width;
  double  cusum_k;
  double  cusum_h;
} ScAnomalyOptions;

/**
 * ScAnomalyReport:
 * @n_anomalies: the number of anomalies
 * @anomalies: (array length=n_anomalies): the anomalies, by index, then
 *   kind
 * @season_length: the seasonal period used, 1 for none
 * @noise_sd: robust standard deviation (1.4826 × MAD) of the residuals
 * @n: the length of the series
 * @expected: (array length=n): the expected value of every slot, gaps
 *   included, for drawing
 *
 * What sc_anomaly_detect() found.
 */
typedef struct
{
  gsize       n_anomalies;
  ScAnomaly  *anomalies;
  int         season_length;
  double      noise_sd;
  gsize       n;
  double     *expected;
} ScAnomalyReport;

/**
 * ScDegradationRisk:
 * @probability: probability of crossing into the red zone at some step
 *   within the horizon, 0–1
 * @probability_end: probability of being in it at the last step
 * @first_likely_step: the first step at which being in it is more likely
 *   than not, 0 if none
 * @horizon: the number of steps considered
 *
 * The risk that a KPI degrades past a threshold.
 */
typedef struct
{
  double  probability;
  double  probability_end;
  guint   first_likely_step;
  guint   horizon;
} ScDegradationRisk;

/**
 * ScMonitoringAdvice:
 * @available: whether the history allowed advice
 * @frequency: how often to check the KPI at least
 * @periods_between_checks: the interval found, in periods of the series
 * @days_to_threshold: days a typical (2σ) random-walk move needs to cover
 *   the distance to the threshold
 * @reason: (transfer full) (nullable): the advice as a sentence, translated
 *
 * A suggested monitoring frequency.
 */
typedef struct
{
  gboolean           available;
  ScAnalyticsPeriod  frequency;
  double             periods_between_checks;
  double             days_to_threshold;
  char              *reason;
} ScMonitoringAdvice;

/**
 * ScTargetSuggestion:
 * @available: whether a forecast allowed a suggestion
 * @target: the suggested target, rounded to the precision the forecast
 *   supports
 * @probability: the probability of meeting it at the period end
 * @quantile: the quantile of the period-end forecast it came from, 0–1
 * @reason: (transfer full) (nullable): the reasoning, translated
 *
 * A stretch-but-achievable target.
 */
typedef struct
{
  gboolean  available;
  double    target;
  double    probability;
  double    quantile;
  char     *reason;
} ScTargetSuggestion;

void              sc_anomaly_options_init       (ScAnomalyOptions        *options);
ScAnomalyReport  *sc_anomaly_detect             (const ScSeries          *series,
                                                 const ScAnomalyOptions  *options,
                                                 GTimeZone               *tz);
void              sc_anomaly_report_free        (ScAnomalyReport         *report);
gsize             sc_anomaly_report_count       (const ScAnomalyReport   *report,
                                                 ScAnomalyKind            kind);
const char       *sc_anomaly_kind_to_key        (ScAnomalyKind            kind);

gboolean          sc_anomaly_degradation_risk   (const ScForecast        *forecast,
                                                 double                   threshold,
                                                 ScDirection              direction,
                                                 guint                    horizon,
                                                 ScDegradationRisk       *out);
gboolean          sc_anomaly_monitoring_advice  (const ScSeries          *series,
                                                 gboolean                 has_threshold,
                                                 double                   threshold,
                                                 ScDirection              direction,
                                                 ScMonitoringAdvice      *out);
void              sc_monitoring_advice_clear    (ScMonitoringAdvice      *advice);
gboolean          sc_anomaly_suggest_target     (const ScForecast        *forecast,
                                                 ScDirection              direction,
                                                 double                   quantile,
                                                 ScTargetSuggestion      *out);
void              sc_target_suggestion_clear    (ScTargetSuggestion      *suggestion);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScAnomalyReport, sc_anomaly_report_free)

G_END_DECLS
