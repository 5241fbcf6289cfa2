/* sc-analytics-risk.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-analytics"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sc-analytics-private.h"
#include "sc-anomaly.h"
#include "sc-format.h"
#include "sc-trend.h"

/* The forward-looking half of sc-anomaly.h: the risk of entering the red
 * zone, how often to look at a KPI, and what target to set. Split from
 * sc-anomaly.c, which looks back at what already happened.
 */

#define RISK_PATHS           1000
#define RISK_SEED            0x5C0DE5u
/* Below this union bound, or above one minus it, simulating cannot tell
 * more than the bounds already do: it is the resolution of 1,000 paths.
 */
#define RISK_SETTLED         1e-3
#define NEAR_THRESHOLD_SHARE 0.10

/* Auxiliary methods */

static double
round_to_step (double value,
               double step)
{
  return step > 0.0 ? round (value / step) * step : value;
}

/* Decimals to show for a number known to about ±sd: one digit finer than
 * the spread's order of magnitude, 0–6.
 */
static int
decimals_for_spread (double sd)
{
  if (!(sd > 0.0) || !isfinite (sd))
    return 2;

  return CLAMP ((int) -floor (log10 (sd)) + 1, 0, 6);
}

/* The probability of being in the red zone at step s. */
static double
step_risk (const ScForecast *forecast,
           guint             s,
           double            threshold,
           ScDirection       direction)
{
  double below = sc_forecast_cdf (forecast, s, threshold);

  return CLAMP (direction == SC_DIRECTION_LOWER_BETTER ? 1.0 - below : below, 0.0, 1.0);
}

/* The bounds of sc_anomaly_degradation_risk() from two or three step
 * risks instead of all of them, when the spread is positive at every step
 * and no censoring at 0 intervenes: then a step's risk only grows with
 * its standardized distance z = (threshold − mean) / sd toward the red
 * zone, so the largest is at the step of extreme z, the sum is at most
 * horizon times that, and a step's risk can only exceed ½ where z is on
 * the red side. Fills out and returns TRUE when that settles the answer
 * exactly as the full sum would; FALSE leaves it to the caller.
 */
static gboolean
settle_by_extremes (const ScForecast  *forecast,
                    double             threshold,
                    ScDirection        direction,
                    guint              horizon,
                    ScDegradationRisk *out)
{
  double sign = direction == SC_DIRECTION_LOWER_BETTER ? -1.0 : 1.0;
  double worst_z = -G_MAXDOUBLE, max_beyond;
  guint worst = 0;

  if (forecast->nonnegative && threshold < 0.0)
    return FALSE;

  for (guint s = 0; s < horizon; s++)
    {
      double z;

      if (!(forecast->sd[s] > 0.0))
        return FALSE;
      z = sign * ((threshold - forecast->mean[s]) / forecast->sd[s]);
      if (z > worst_z)
        {
          worst_z = z;
          worst = s + 1;
        }
    }

  max_beyond = step_risk (forecast, worst, threshold, direction);
  if (!(max_beyond * horizon < RISK_SETTLED || max_beyond > 1.0 - RISK_SETTLED))
    return FALSE;

  out->probability = max_beyond;
  out->probability_end = step_risk (forecast, horizon, threshold, direction);
  for (guint s = 0; s < horizon && out->first_likely_step == 0; s++)
    if (sign * ((threshold - forecast->mean[s]) / forecast->sd[s]) > 0.0
        && step_risk (forecast, s + 1, threshold, direction) > 0.5)
      out->first_likely_step = s + 1;

  return TRUE;
}

/* Public API */

/**
 * sc_anomaly_degradation_risk:
 * @forecast: a forecast
 * @threshold: the edge of the red zone
 * @direction: %SC_DIRECTION_HIGHER_BETTER when the red zone lies below
 *   @threshold, %SC_DIRECTION_LOWER_BETTER when above
 * @horizon: steps to consider, 0 or more than the forecast's for all
 * @out: (out caller-allocates): the result
 *
 * The probability that the KPI enters its red zone at some step within the
 * horizon. A path's chance of crossing is higher than that of any single
 * step, so this simulates 1,000 paths (with a fixed seed: the result is
 * deterministic) whose every step has the forecast's distribution: the
 * variance of step h splits into an independent part, the one-step
 * variance, and a persistent part that accumulates as a random walk, σ²_h −
 * σ²_1. That is exact for a random walk plus noise, and errs toward more
 * crossings (the safe side) for models whose errors are more persistent.
 * Small degrees of freedom scale each whole path by √(df / χ²_df), as for
 * Student's t.
 *
 * The simulation is skipped when bounds settle the answer: the risk is at
 * least the largest risk P_s of being in the red zone at any one step s,
 * and at most Σ_s P_s (the union bound). When that sum is below 0.001, or
 * the largest P_s above 0.999, the largest P_s is reported: it is then
 * within 0.001 of the true value, the resolution of 1,000 paths. This is
 * the usual case of a KPI far from its red zone, or deep inside it.
 *
 * Returns: %FALSE for a forecast without steps
 */
gboolean
sc_anomaly_degradation_risk (const ScForecast  *forecast,
                             double             threshold,
                             ScDirection        direction,
                             guint              horizon,
                             ScDegradationRisk *out)
{
  g_autofree double *increment_sd = NULL;
  double sign = direction == SC_DIRECTION_LOWER_BETTER ? -1.0 : 1.0;
  double noise_sd, sum_beyond = 0.0, max_beyond = 0.0;
  ScRng rng;
  guint crossed = 0;
  gboolean small_df;
  int df;

  g_return_val_if_fail (forecast != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  memset (out, 0, sizeof *out);

  if (forecast->horizon == 0 || !isfinite (threshold))
    return FALSE;

  if (horizon == 0 || horizon > forecast->horizon)
    horizon = forecast->horizon;
  out->horizon = horizon;

  if (settle_by_extremes (forecast, threshold, direction, horizon, out))
    return TRUE;

  for (guint s = 1; s <= horizon; s++)
    {
      double beyond = step_risk (forecast, s, threshold, direction);

      if (beyond > 0.5 && out->first_likely_step == 0)
        out->first_likely_step = s;
      if (s == horizon)
        out->probability_end = beyond;
      sum_beyond += beyond;
      max_beyond = MAX (max_beyond, beyond);
    }

  if (sum_beyond < RISK_SETTLED || max_beyond > 1.0 - RISK_SETTLED)
    {
      out->probability = max_beyond;
      return TRUE;
    }

  noise_sd = forecast->sd[0];
  increment_sd = g_new (double, horizon);
  for (guint s = 0; s < horizon; s++)
    {
      double v = forecast->sd[s] * forecast->sd[s] - noise_sd * noise_sd;
      double v_prev = s > 0 ? forecast->sd[s - 1] * forecast->sd[s - 1] - noise_sd * noise_sd : 0.0;

      increment_sd[s] = sqrt (MAX (v - MAX (v_prev, 0.0), 0.0));
    }

  _sc_rng_init (&rng, RISK_SEED);
  df = (int) MIN (forecast->df, 1e6);
  small_df = df < 30;

  for (guint p = 0; p < RISK_PATHS; p++)
    {
      double walk = 0.0, scale = 1.0;

      if (small_df)
        {
          double chi2 = 0.0;

          for (int i = 0; i < df; i++)
            {
              double z = _sc_rng_normal (&rng);

              chi2 += z * z;
            }
          scale = sqrt (df / MAX (chi2, 1e-12));
        }

      for (guint s = 0; s < horizon; s++)
        {
          double value;

          walk += increment_sd[s] * _sc_rng_normal (&rng);
          value = forecast->mean[s] + scale * (walk + noise_sd * _sc_rng_normal (&rng));
          if (forecast->nonnegative)
            value = MAX (value, 0.0);

          if (sign * (value - threshold) < 0.0)
            {
              crossed++;
              break;
            }
        }
    }

  out->probability = (double) crossed / RISK_PATHS;
  /* Never report less than the certain marginal risk of one step. */
  out->probability = MAX (out->probability, max_beyond);

  return TRUE;
}

/**
 * sc_anomaly_monitoring_advice:
 * @series: a regular series
 * @has_threshold: whether @threshold is set
 * @threshold: the edge of the red zone
 * @direction: %SC_DIRECTION_HIGHER_BETTER when the red zone lies below
 *   @threshold, %SC_DIRECTION_LOWER_BETTER when above
 * @out: (out caller-allocates): the advice; clear it with
 *   sc_monitoring_advice_clear()
 *
 * Suggests how often to check a KPI, from its volatility. With σ the
 * standard deviation of its period-over-period changes (see
 * sc_trend_volatility()) and D the distance from the latest value to
 * @threshold (or a tenth of its level without one), a random walk with
 * that σ covers D with a 2σ move in k = (D / 2σ)² periods. The advice is
 * the calendar frequency just finer than k periods, never finer than the
 * series' own period, at most yearly: checking more often finds nothing
 * new, less often risks missing the move. A KPI already in its red zone is
 * to be checked every period.
 *
 * Returns: @out->available
 */
gboolean
sc_anomaly_monitoring_advice (const ScSeries     *series,
                              gboolean            has_threshold,
                              double              threshold,
                              ScDirection         direction,
                              ScMonitoringAdvice *out)
{
  ScVolatility volatility;
  double last = NAN, distance, periods, days, period_days;
  guint day_count;

  g_return_val_if_fail (series != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  memset (out, 0, sizeof *out);

  for (gsize t = series->n; t-- > 0;)
    if (isfinite (series->values[t]))
      {
        last = series->values[t];
        break;
      }

  if (!isfinite (last) || !sc_trend_volatility (series, 0, &volatility))
    return FALSE;

  period_days = sc_analytics_period_days (series->period);
  has_threshold = has_threshold && isfinite (threshold);

  if (has_threshold
      && (direction == SC_DIRECTION_LOWER_BETTER ? last > threshold : last < threshold))
    {
      out->available = TRUE;
      out->frequency = series->period;
      out->periods_between_checks = 1.0;
      out->days_to_threshold = 0.0;
      out->reason = g_strdup (_("It is already in the red zone: check it every period until it recovers."));
      return TRUE;
    }

  if (has_threshold)
    distance = fabs (last - threshold);
  else
    distance = NEAR_THRESHOLD_SHARE * volatility.mean_level;

  if (volatility.change_sd > 0.0)
    periods = pow (distance / (2.0 * volatility.change_sd), 2.0);
  else
    periods = G_MAXDOUBLE;

  days = CLAMP (periods * period_days, period_days, 365.2425);
  out->periods_between_checks = days / period_days;
  out->days_to_threshold = days;

  if (days < 7.0)
    out->frequency = SC_ANALYTICS_PERIOD_DAILY;
  else if (days < 365.2425 / 12.0)
    out->frequency = SC_ANALYTICS_PERIOD_WEEKLY;
  else if (days < 365.2425 / 4.0)
    out->frequency = SC_ANALYTICS_PERIOD_MONTHLY;
  else if (days < 365.2425)
    out->frequency = SC_ANALYTICS_PERIOD_QUARTERLY;
  else
    out->frequency = SC_ANALYTICS_PERIOD_YEARLY;
  out->frequency = MAX (out->frequency, series->period);
  out->available = TRUE;

  day_count = (guint) MAX (1.0, round (days));

  switch (out->frequency)
    {
    case SC_ANALYTICS_PERIOD_DAILY:
      out->reason = g_strdup_printf (has_threshold
                                     ? g_dngettext (GETTEXT_PACKAGE,
                                                    "Check it daily: at its usual pace of change it could reach the red zone within %u day.",
                                                    "Check it daily: at its usual pace of change it could reach the red zone within %u days.",
                                                    day_count)
                                     : g_dngettext (GETTEXT_PACKAGE,
                                                    "Check it daily: at its usual pace of change it could move by a tenth within %u day.",
                                                    "Check it daily: at its usual pace of change it could move by a tenth within %u days.",
                                                    day_count),
                                     day_count);
      break;
    case SC_ANALYTICS_PERIOD_WEEKLY:
      out->reason = g_strdup_printf (has_threshold
                                     ? g_dngettext (GETTEXT_PACKAGE,
                                                    "Check it weekly: at its usual pace of change it could reach the red zone within %u day.",
                                                    "Check it weekly: at its usual pace of change it could reach the red zone within %u days.",
                                                    day_count)
                                     : g_dngettext (GETTEXT_PACKAGE,
                                                    "Check it weekly: at its usual pace of change it could move by a tenth within %u day.",
                                                    "Check it weekly: at its usual pace of change it could move by a tenth within %u days.",
                                                    day_count),
                                     day_count);
      break;
    case SC_ANALYTICS_PERIOD_MONTHLY:
      out->reason = g_strdup_printf (has_threshold
                                     ? g_dngettext (GETTEXT_PACKAGE,
                                                    "Check it monthly: at its usual pace of change it could reach the red zone within %u day.",
                                                    "Check it monthly: at its usual pace of change it could reach the red zone within %u days.",
                                                    day_count)
                                     : g_dngettext (GETTEXT_PACKAGE,
                                                    "Check it monthly: at its usual pace of change it could move by a tenth within %u day.",
                                                    "Check it monthly: at its usual pace of change it could move by a tenth within %u days.",
                                                    day_count),
                                     day_count);
      break;
    case SC_ANALYTICS_PERIOD_QUARTERLY:
      out->reason = g_strdup_printf (has_threshold
                                     ? g_dngettext (GETTEXT_PACKAGE,
                                                    "Check it quarterly: at its usual pace of change it could reach the red zone within %u day.",
                                                    "Check it quarterly: at its usual pace of change it could reach the red zone within %u days.",
                                                    day_count)
                                     : g_dngettext (GETTEXT_PACKAGE,
                                                    "Check it quarterly: at its usual pace of change it could move by a tenth within %u day.",
                                                    "Check it quarterly: at its usual pace of change it could move by a tenth within %u days.",
                                                    day_count),
                                     day_count);
      break;
    case SC_ANALYTICS_PERIOD_YEARLY:
    default:
      out->reason = g_strdup (_("Check it yearly: it hardly moves from one period to the next."));
      break;
    }

  return TRUE;
}

/**
 * sc_monitoring_advice_clear:
 * @advice: advice from sc_anomaly_monitoring_advice()
 *
 * Frees the reason held by @advice.
 */
void
sc_monitoring_advice_clear (ScMonitoringAdvice *advice)
{
  g_return_if_fail (advice != NULL);

  g_clear_pointer (&advice->reason, g_free);
}

/**
 * sc_anomaly_suggest_target:
 * @forecast: a forecast
 * @direction: whether higher or lower values are better
 * @quantile: how hard the target should be, 0.5–0.99; 0 for 0.7
 * @out: (out caller-allocates): the suggestion; clear it with
 *   sc_target_suggestion_clear()
 *
 * Suggests a stretch-but-achievable target from the predictive
 * distribution at the period end: its @quantile quantile when higher is
 * better, its 1 − @quantile quantile when lower is better, so that the
 * target is met with a probability of about 1 − @quantile (30 % by
 * default) at the current pace. It is rounded to one digit finer than the
 * forecast's spread, and the probability is that of the rounded value.
 *
 * Returns: @out->available: %FALSE without a forecast
 */
gboolean
sc_anomaly_suggest_target (const ScForecast   *forecast,
                           ScDirection         direction,
                           double              quantile,
                           ScTargetSuggestion *out)
{
  g_autofree char *target_text = NULL;
  g_autofree char *probability_text = NULL;
  g_autofree char *percent_number = NULL;
  guint end;
  double p, value, sd;
  int decimals;

  g_return_val_if_fail (forecast != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  memset (out, 0, sizeof *out);

  if (forecast->horizon == 0)
    return FALSE;

  if (!(quantile > 0.0))
    quantile = 0.7;
  quantile = CLAMP (quantile, 0.5, 0.99);

  end = CLAMP (forecast->end_step, 1, forecast->horizon);
  sd = forecast->sd[end - 1];
  p = direction == SC_DIRECTION_LOWER_BETTER ? 1.0 - quantile : quantile;
  value = sc_forecast_quantile (forecast, end, p);

  decimals = decimals_for_spread (sd);
  value = round_to_step (value, pow (10.0, -decimals));

  out->available = TRUE;
  out->target = _sc_finite_or (value, forecast->mean[end - 1]);
  out->quantile = quantile;
  out->probability = sc_forecast_probability_meeting (forecast, end, out->target, direction);

  target_text = sc_format_number (out->target, decimals);
  percent_number = sc_format_number (round (out->probability * 100.0), 0);
  /* Translators: a percentage; %s is the number. */
  probability_text = g_strdup_printf (C_("percent", "%s\u00A0%%"), percent_number);

  if (forecast->low_confidence)
    out->reason = g_strdup_printf (_("A target of %1$s would be a stretch: at the current pace it is met with a probability of %2$s by the end of the period, but the forecast is uncertain."),
                                   target_text, probability_text);
  else
    out->reason = g_strdup_printf (_("A target of %1$s is a stretch but achievable: at the current pace it is met with a probability of %2$s by the end of the period."),
                                   target_text, probability_text);

  return TRUE;
}

/**
 * sc_target_suggestion_clear:
 * @suggestion: a suggestion from sc_anomaly_suggest_target()
 *
 * Frees the reason held by @suggestion.
 */
void
sc_target_suggestion_clear (ScTargetSuggestion *suggestion)
{
  g_return_if_fail (suggestion != NULL);

  g_clear_pointer (&suggestion->reason, g_free);
}
