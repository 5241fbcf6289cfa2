/* sc-score.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-score"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "sc-error.h"
#include "sc-score.h"

/* The kpi_tracking addon stores achievement_percent as a float field with
 * two digits, which Odoo rounds half away from zero after nudging the value
 * by one unit in the last place of its magnitude (float_utils.float_round).
 * Doing the same here makes 94.995 land on 95.00 (Excellent) exactly as the
 * server shows it.
 */
double
sc_score_round2 (double value)
{
  double normalized;
  double epsilon;
  double rounded;

  if (!isfinite (value) || value == 0.0)
    return value;

  normalized = value * 100.0;
  epsilon = ldexp (1.0, (int)floor (log2 (fabs (normalized))) - 52);
  normalized += copysign (epsilon, normalized);
  rounded = copysign (floor (fabs (normalized) + 0.5), normalized);

  return rounded / 100.0;
}

/**
 * sc_score_achievement:
 * @value: the KPI's latest value
 * @target: the KPI's target
 * @target_type: how the target is measured
 * @direction: whether higher or lower values are better
 *
 * Computes the achievement percentage exactly as the addon does: for
 * higher-is-better KPIs value / target × 100 (0 for a zero target, not
 * capped); for lower-is-better KPIs 100 for a zero value, otherwise
 * target / value × 100 capped at 100; for boolean targets 100 when the value
 * is non-zero, else 0. The result is rounded to two decimals like the
 * stored field.
 *
 * Returns: the achievement in percent
 */
double
sc_score_achievement (double       value,
                      double       target,
                      ScTargetType target_type,
                      ScDirection  direction)
{
  double achievement;

  if (!isfinite (value) || !isfinite (target))
    return 0.0;

  if (target_type == SC_TARGET_TYPE_BOOLEAN)
    return value != 0.0 ? 100.0 : 0.0;

  if (direction == SC_DIRECTION_LOWER_BETTER)
    {
      if (value == 0.0)
        return 100.0;
      achievement = MIN (target / value * 100.0, 100.0);
    }
  else
    {
      if (target == 0.0)
        return 0.0;
      achievement = value / target * 100.0;
    }

  return sc_score_round2 (achievement);
}

/**
 * sc_score_band:
 * @achievement: an achievement percentage
 *
 * Returns: the addon's score band: ≥ 95 Excellent, ≥ 80 Good, ≥ 70 Average,
 *   ≥ 50 Needs Improvement, else Underperformance
 */
ScScoreBand
sc_score_band (double achievement)
{
  if (achievement >= 95.0)
    return SC_SCORE_BAND_EXCELLENT;
  if (achievement >= 80.0)
    return SC_SCORE_BAND_GOOD;
  if (achievement >= 70.0)
    return SC_SCORE_BAND_AVERAGE;
  if (achievement >= 50.0)
    return SC_SCORE_BAND_NEEDS_IMPROVEMENT;
  return SC_SCORE_BAND_UNDERPERFORMANCE;
}

const char *
sc_score_band_label (ScScoreBand band)
{
  switch (band)
    {
    case SC_SCORE_BAND_EXCELLENT:
      return _("Excellent");
    case SC_SCORE_BAND_GOOD:
      return _("Good");
    case SC_SCORE_BAND_AVERAGE:
      return _("Average");
    case SC_SCORE_BAND_NEEDS_IMPROVEMENT:
      return _("Needs Improvement");
    case SC_SCORE_BAND_UNDERPERFORMANCE:
    default:
      return _("Underperformance");
    }
}

/**
 * sc_score_band_color_key:
 * @band: a score band
 *
 * Returns: the addon's `score_color` selection key ("1" green … "5" dark red)
 */
const char *
sc_score_band_color_key (ScScoreBand band)
{
  static const char *keys[] = { "1", "2", "3", "4", "5" };

  g_return_val_if_fail ((guint)band < G_N_ELEMENTS (keys), "0");

  return keys[band];
}

/**
 * sc_score_band_css_class:
 * @band: a score band
 *
 * Returns: the style class the UI uses for the band's colour
 */
const char *
sc_score_band_css_class (ScScoreBand band)
{
  static const char *classes[] = {
    "score-excellent", "score-good", "score-average",
    "score-needs-improvement", "score-underperformance",
  };

  g_return_val_if_fail ((guint)band < G_N_ELEMENTS (classes), NULL);

  return classes[band];
}

/**
 * sc_score_group:
 * @achievements: (array length=n_kpis): the KPIs' achievements
 * @weights: (array length=n_kpis) (nullable): their priority weights, 1–5
 * @n_kpis: number of KPIs in the group
 *
 * The group score of the addon: the mean of min(achievement, 100) weighted
 * by priority, a weight outside 1–5 counting as 1, and 0 for an empty group.
 * Not rounded; the group record rounds it to two decimals when stored.
 *
 * Returns: the group achievement in percent
 */
double
sc_score_group (const double *achievements,
                const int    *weights,
                gsize         n_kpis)
{
  double sum = 0.0;
  double weight_sum = 0.0;

  for (gsize i = 0; i < n_kpis; i++)
    {
      int weight = weights != NULL ? weights[i] : 1;

      if (weight < 1 || weight > 5)
        weight = 1;

      sum += MIN (achievements[i], 100.0) * weight;
      weight_sum += weight;
    }

  if (weight_sum == 0.0)
    return 0.0;

  return sum / weight_sum;
}

/**
 * sc_score_validate_target:
 * @target_type: how the target is measured
 * @target: the proposed target
 * @error: return location for a #GError
 *
 * Applies the addon's constraints on `target_value`, with its messages.
 *
 * Returns: %TRUE if the target is acceptable
 */
gboolean
sc_score_validate_target (ScTargetType   target_type,
                          double         target,
                          GError       **error)
{
  if (!isfinite (target))
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                   _("Target value must be a finite number"));
      return FALSE;
    }

  if (target < 0)
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                   _("Target value cannot be negative"));
      return FALSE;
    }

  if (target_type == SC_TARGET_TYPE_PERCENT && target > 100.0)
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                   _("Percentage target cannot exceed 100%%"));
      return FALSE;
    }

  if (target_type == SC_TARGET_TYPE_BOOLEAN && target != 0.0 && target != 1.0)
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                   _("Boolean target must be 0 or 1"));
      return FALSE;
    }

  return TRUE;
}

gboolean
sc_score_validate_value (double   value,
                         GError **error)
{
  if (!isfinite (value))
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                   _("Value must be a finite number"));
      return FALSE;
    }

  return TRUE;
}

gboolean
sc_score_validate_priority (int      priority,
                            GError **error)
{
  if (priority < 1 || priority > 5)
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                   _("Priority weight must be between 1 and 5, not %d"), priority);
      return FALSE;
    }

  return TRUE;
}
