/* sc-insights.c
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

#include "sc-format.h"
#include "sc-insights.h"
#include "sc-score.h"

/* Every sentence is one translatable string with all its numbers as
 * arguments, so translators can reorder them; clauses are never glued
 * together in code. Percentages are rounded to whole numbers: a KPI
 * forecast does not support more.
 */

/* Auxiliary methods */

static char *
format_percent (double percent)
{
  g_autofree char *number = sc_format_number (round (percent), 0);

  /* Translators: a percentage; %s is the number. The no-break space keeps
   * the sign with its number; move or drop it as your language writes
   * percentages.
   */
  return g_strdup_printf (C_("percent", "%s\u00A0%%"), number);
}

static const char *
display_name (const ScInsightInput *input)
{
  if (input->name != NULL && *input->name != '\0')
    return input->name;

  return C_("insight", "This KPI");
}

static gboolean
has_forecast (const ScInsightInput *input)
{
  return input->forecast != NULL
         && input->forecast->horizon > 0
         && input->forecast->method != SC_FORECAST_METHOD_NONE;
}

static char *
status_sentence (const ScInsightInput *input)
{
  const char *name = display_name (input);
  g_autofree char *gap_text = NULL;
  g_autofree char *end_text = NULL;
  g_autofree char *lo_text = NULL;
  g_autofree char *hi_text = NULL;
  double gap, rounded;
  gboolean forecast, days;
  int days_left = input->days_left;
  gulong plural = (gulong) MAX (days_left, 0);

  if (!input->has_value || !isfinite (input->value) || !isfinite (input->target)
      || input->target == 0.0 || input->target_type == SC_TARGET_TYPE_BOOLEAN)
    return NULL;

  gap = (input->value - input->target) / fabs (input->target) * 100.0;
  rounded = round (fabs (gap));
  gap_text = format_percent (fabs (gap));
  forecast = has_forecast (input);
  days = days_left >= 0;

  if (forecast)
    {
      const ScForecast *f = input->forecast;
      guint end = CLAMP (f->end_step, 1, f->horizon) - 1;
      double a = sc_score_achievement (f->mean[end], input->target, input->target_type, input->direction);
      double lo = sc_score_achievement (f->lower80[end], input->target, input->target_type, input->direction);
      double hi = sc_score_achievement (f->upper80[end], input->target, input->target_type, input->direction);

      end_text = format_percent (a);
      lo_text = sc_format_number (round (MIN (lo, hi)), 0);
      hi_text = sc_format_number (round (MAX (lo, hi)), 0);
    }

  if (rounded == 0.0)
    {
      if (forecast && days)
        /* Translators: %1$s is the KPI's name, %2$d the days left in the
         * period, %3$s the achievement forecast for the end of the period and
         * %4$s–%5$s its 80 % prediction interval (plain numbers).
         */
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%1$s is on target with %2$d day left; at the current pace it ends at %3$s (80\u00A0%% interval %4$s–%5$s\u00A0%%).",
                                             "%1$s is on target with %2$d days left; at the current pace it ends at %3$s (80\u00A0%% interval %4$s–%5$s\u00A0%%).",
                                             plural),
                                name, days_left, end_text, lo_text, hi_text);
      if (forecast)
        return g_strdup_printf (_("%1$s is on target; at the current pace it ends the period at %2$s (80\u00A0%% interval %3$s–%4$s\u00A0%%)."),
                                name, end_text, lo_text, hi_text);
      if (days)
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%1$s is on target with %2$d day left.",
                                             "%1$s is on target with %2$d days left.",
                                             plural),
                                name, days_left);
      return g_strdup_printf (_("%s is on target."), name);
    }

  if (gap < 0)
    {
      if (forecast && days)
        /* Translators: %1$s is the KPI's name, %2$s how far it is from its
         * target as a percentage, %3$d the days left in the period, %4$s
         * the achievement forecast for the end of the period and %5$s–%6$s
         * its 80 % prediction interval (plain numbers).
         */
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%1$s is %2$s below target with %3$d day left; at the current pace it ends at %4$s (80\u00A0%% interval %5$s–%6$s\u00A0%%).",
                                             "%1$s is %2$s below target with %3$d days left; at the current pace it ends at %4$s (80\u00A0%% interval %5$s–%6$s\u00A0%%).",
                                             plural),
                                name, gap_text, days_left, end_text, lo_text, hi_text);
      if (forecast)
        return g_strdup_printf (_("%1$s is %2$s below target; at the current pace it ends the period at %3$s (80\u00A0%% interval %4$s–%5$s\u00A0%%)."),
                                name, gap_text, end_text, lo_text, hi_text);
      if (days)
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%1$s is %2$s below target with %3$d day left.",
                                             "%1$s is %2$s below target with %3$d days left.",
                                             plural),
                                name, gap_text, days_left);
      return g_strdup_printf (_("%1$s is %2$s below target."), name, gap_text);
    }

  if (forecast && days)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%1$s is %2$s above target with %3$d day left; at the current pace it ends at %4$s (80\u00A0%% interval %5$s–%6$s\u00A0%%).",
                                         "%1$s is %2$s above target with %3$d days left; at the current pace it ends at %4$s (80\u00A0%% interval %5$s–%6$s\u00A0%%).",
                                         plural),
                            name, gap_text, days_left, end_text, lo_text, hi_text);
  if (forecast)
    return g_strdup_printf (_("%1$s is %2$s above target; at the current pace it ends the period at %3$s (80\u00A0%% interval %4$s–%5$s\u00A0%%)."),
                            name, gap_text, end_text, lo_text, hi_text);
  if (days)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%1$s is %2$s above target with %3$d day left.",
                                         "%1$s is %2$s above target with %3$d days left.",
                                         plural),
                            name, gap_text, days_left);

  return g_strdup_printf (_("%1$s is %2$s above target."), name, gap_text);
}

static char *
probability_sentence (const ScInsightInput *input)
{
  g_autofree char *text = NULL;

  if (!has_forecast (input) || !input->forecast->has_target)
    return NULL;

  text = format_percent (input->forecast->probability_target * 100.0);

  return g_strdup_printf (_("The chance of meeting the target by the end of the period is %s."), text);
}

static char *
change_sentence (const ScInsightInput *input,
                 const ScTrendChange  *change,
                 int                   days)
{
  const char *name = display_name (input);
  g_autofree char *text = NULL;

  if (change == NULL || !change->available)
    return NULL;

  if (round (fabs (change->percent)) == 0.0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%1$s held steady over the last %2$d day.",
                                         "%1$s held steady over the last %2$d days.",
                                         (gulong) days),
                            name, days);

  text = format_percent (fabs (change->percent));
  if (change->percent > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%1$s rose %2$s over the last %3$d day.",
                                         "%1$s rose %2$s over the last %3$d days.",
                                         (gulong) days),
                            name, text, days);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%1$s fell %2$s over the last %3$d day.",
                                       "%1$s fell %2$s over the last %3$d days.",
                                       (gulong) days),
                          name, text, days);
}

static char *
risk_sentence (const ScInsightInput *input)
{
  const char *name = display_name (input);
  g_autofree char *text = NULL;
  double period_days;
  guint days;

  if (input->risk == NULL || input->risk->horizon == 0)
    return NULL;

  period_days = input->forecast != NULL
                ? sc_analytics_period_days (input->forecast->period)
                : 1.0;
  days = (guint) MAX (1.0, round (input->risk->horizon * period_days));

  if (input->risk->probability < 0.005)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%1$s is very unlikely (under 1\u00A0%%) to enter the red zone within %2$u day.",
                                         "%1$s is very unlikely (under 1\u00A0%%) to enter the red zone within %2$u days.",
                                         days),
                            name, days);

  text = format_percent (input->risk->probability * 100.0);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "There is a %1$s risk that %2$s enters the red zone within %3$u day.",
                                       "There is a %1$s risk that %2$s enters the red zone within %3$u days.",
                                       days),
                          text, name, days);
}

static void
add_anomaly_sentences (const ScInsightInput *input,
                       GPtrArray            *sentences)
{
  const ScAnomalyReport *report = input->anomalies;
  const ScAnomaly *latest_spike = NULL;
  const ScAnomaly *latest_shift = NULL;
  guint n_spikes = 0, n_shifts = 0;

  if (report == NULL)
    return;

  for (gsize i = 0; i < report->n_anomalies; i++)
    {
      const ScAnomaly *a = &report->anomalies[i];

      if (a->kind == SC_ANOMALY_SPIKE)
        {
          n_spikes++;
          latest_spike = a;
        }
      else if (a->kind == SC_ANOMALY_LEVEL_SHIFT)
        {
          n_shifts++;
          latest_shift = a;
        }
    }

  if (latest_spike != NULL)
    g_ptr_array_add (sentences,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%1$u value stands out: %2$s.",
                                                   "%1$u values stand out; the latest is %2$s.",
                                                   n_spikes),
                                      n_spikes, latest_spike->reason));

  if (latest_shift != NULL)
    {
      if (latest_shift->score > 0)
        g_ptr_array_add (sentences,
                         g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                       "Its level shifted %1$u time; the latest shift was up by %2$.1f standard deviations.",
                                                       "Its level shifted %1$u times; the latest shift was up by %2$.1f standard deviations.",
                                                       n_shifts),
                                          n_shifts, latest_shift->score));
      else
        g_ptr_array_add (sentences,
                         g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                       "Its level shifted %1$u time; the latest shift was down by %2$.1f standard deviations.",
                                                       "Its level shifted %1$u times; the latest shift was down by %2$.1f standard deviations.",
                                                       n_shifts),
                                          n_shifts, -latest_shift->score));
    }
}

static void
add_sentence (GPtrArray *sentences,
              char      *sentence)
{
  if (sentence != NULL)
    g_ptr_array_add (sentences, sentence);
}

/* Public API */

/**
 * sc_insight_input_init:
 * @input: (out caller-allocates): input to reset
 *
 * Clears @input: no name, no value, no days left (-1), higher is better,
 * nothing computed.
 */
void
sc_insight_input_init (ScInsightInput *input)
{
  g_return_if_fail (input != NULL);

  memset (input, 0, sizeof *input);
  input->days_left = -1;
  input->target_type = SC_TARGET_TYPE_NUMBER;
  input->direction = SC_DIRECTION_HIGHER_BETTER;
}

/**
 * sc_insights_for_kpi:
 * @input: the numbers of one KPI
 *
 * Writes plain-language sentences about one KPI, in this order and each
 * only when its numbers are given: where it stands against its target
 * (with the days left and the forecast achievement at the period end with
 * its 80 % interval), the chance of meeting the target, the 30-day and
 * 7-day changes, the risk of entering the red zone, the values that stand
 * out and level shifts, and why the forecast is uncertain when it is.
 *
 * Returns: (transfer full) (element-type utf8): the sentences, translated
 */
GPtrArray *
sc_insights_for_kpi (const ScInsightInput *input)
{
  GPtrArray *sentences;

  g_return_val_if_fail (input != NULL, NULL);

  sentences = g_ptr_array_new_with_free_func (g_free);

  add_sentence (sentences, status_sentence (input));
  add_sentence (sentences, probability_sentence (input));
  if (input->trend != NULL)
    {
      add_sentence (sentences, change_sentence (input, &input->trend->month, 30));
      add_sentence (sentences, change_sentence (input, &input->trend->week, 7));
    }
  add_sentence (sentences, risk_sentence (input));
  add_anomaly_sentences (input, sentences);

  if (has_forecast (input) && input->forecast->low_confidence && input->forecast->reason != NULL)
    g_ptr_array_add (sentences, g_strdup (input->forecast->reason));

  return sentences;
}

/**
 * sc_insights_kpi_summary:
 * @input: the numbers of one KPI
 *
 * Returns: (transfer full): the sentences of sc_insights_for_kpi(),
 *   separated by spaces; "" when there is nothing to say
 */
char *
sc_insights_kpi_summary (const ScInsightInput *input)
{
  g_autoptr(GPtrArray) sentences = NULL;

  g_return_val_if_fail (input != NULL, NULL);

  sentences = sc_insights_for_kpi (input);
  g_ptr_array_add (sentences, NULL);

  return g_strjoinv (" ", (char **) sentences->pdata);
}

/**
 * sc_insights_group_summary:
 * @group_name: (nullable): a department's name, or %NULL for the company
 * @n_at_risk: KPIs at risk of missing their target this period
 * @n_total: KPIs in the group
 * @biggest_drop_name: (nullable): the KPI that fell the most
 * @biggest_drop_percent: its change in percent (negative for a drop)
 *
 * Returns: (transfer full): one or two sentences such as "3 of 41 KPIs are
 *   at risk this period. The biggest drop is Revenue, down 12 %.";
 *   the drop is left out unless @biggest_drop_percent is negative
 */
char *
sc_insights_group_summary (const char *group_name,
                           guint       n_at_risk,
                           guint       n_total,
                           const char *biggest_drop_name,
                           double      biggest_drop_percent)
{
  g_autofree char *first = NULL;
  g_autofree char *drop = NULL;

  if (group_name != NULL && *group_name != '\0')
    first = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%1$u of %2$u KPIs in %3$s is at risk this period.",
                                          "%1$u of %2$u KPIs in %3$s are at risk this period.",
                                          n_at_risk),
                             n_at_risk, n_total, group_name);
  else
    first = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%1$u of %2$u KPIs is at risk this period.",
                                          "%1$u of %2$u KPIs are at risk this period.",
                                          n_at_risk),
                             n_at_risk, n_total);

  if (biggest_drop_name != NULL && *biggest_drop_name != '\0'
      && isfinite (biggest_drop_percent) && round (biggest_drop_percent) < 0.0)
    {
      g_autofree char *text = format_percent (-biggest_drop_percent);

      drop = g_strdup_printf (_("The biggest drop is %1$s, down %2$s."), biggest_drop_name, text);
      return g_strconcat (first, " ", drop, NULL);
    }

  return g_steal_pointer (&first);
}
