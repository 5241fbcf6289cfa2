/* sc-alert-engine.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-alerts"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sc-alert-engine.h"
#include "sc-format.h"
#include "sc-score.h"
#include "sc-trend.h"

/* The preview's stand-in for the forecast band: the mean of the previous
 * values ± 1.96 standard deviations, over at most this many of them.
 */
#define PREVIEW_BAND_WINDOW 28
#define PREVIEW_BAND_MIN    7

typedef struct
{
  double    metric;
  double    level;
  double    clear_level;
  gboolean  breach;
  gboolean  clear;
  gboolean  has_baseline;
  double    baseline;
  gboolean  has_band;
  double    lower95;
  double    upper95;
} Measure;

/* Auxiliary methods */

static const char *status_keys[] = {
  "normal", "pending", "firing", "acknowledged", "resolved",
};

static const char *event_type_keys[] = {
  "none", "fired", "escalated", "resolved",
};

static char *
format_figure (double value)
{
  int decimals;

  if (fabs (value - round (value)) < 0.005)
    decimals = 0;
  else if (fabs (value * 10.0 - round (value * 10.0)) < 0.05)
    decimals = 1;
  else
    decimals = 2;

  return sc_format_number (value, decimals);
}

static gboolean
measure (const ScAlertRule  *rule,
         const ScAlertInput *input,
         Measure            *m)
{
  double h = rule->hysteresis;

  memset (m, 0, sizeof *m);
  m->level = rule->level;

  switch (rule->type)
    {
    case SC_ALERT_TYPE_THRESHOLD:
      if (!input->has_value || !isfinite (input->value))
        return FALSE;
      if (rule->baseline == SC_ALERT_BASELINE_SAME_WEEKDAY)
        {
          if (!input->has_baseline || !isfinite (input->baseline) || input->baseline == 0.0)
            return FALSE;
          m->has_baseline = TRUE;
          m->baseline = input->baseline;
          m->metric = (input->value - input->baseline) / fabs (input->baseline) * 100.0;
        }
      else if (rule->metric == SC_ALERT_METRIC_ACHIEVEMENT)
        {
          m->metric = sc_score_achievement (input->value, input->target,
                                            input->target_type, input->direction);
        }
      else
        {
          m->metric = input->value;
        }
      break;

    case SC_ALERT_TYPE_TREND:
      if (!input->has_trend || !isfinite (input->trend))
        return FALSE;
      m->metric = input->trend;
      break;

    case SC_ALERT_TYPE_TARGET_RISK:
      if (!input->has_probability || !isfinite (input->probability_target))
        return FALSE;
      m->metric = input->probability_target * 100.0;
      break;

    case SC_ALERT_TYPE_ANOMALY:
      {
        double lower = input->lower95;
        double upper = input->upper95;
        double v = input->value;
        gboolean above;
        gboolean below;

        if (!input->has_value || !input->has_band || !isfinite (v) ||
            !isfinite (lower) || !isfinite (upper) || upper < lower)
          return FALSE;

        /* A band narrower than twice the hysteresis could never clear. */
        h = MIN (h, (upper - lower) / 2.0);
        m->metric = v;
        m->has_band = TRUE;
        m->lower95 = lower;
        m->upper95 = upper;
        above = v > upper;
        below = v < lower;

        switch (rule->comparison)
          {
          case SC_ALERT_COMPARISON_ABOVE:
            m->breach = above;
            m->clear = v < upper - h;
            m->level = upper;
            m->clear_level = upper - h;
            break;

          case SC_ALERT_COMPARISON_BELOW:
            m->breach = below;
            m->clear = v > lower + h;
            m->level = lower;
            m->clear_level = lower + h;
            break;

          case SC_ALERT_COMPARISON_OUTSIDE:
          default:
            m->breach = above || below;
            m->clear = v < upper - h && v > lower + h;
            if (v >= (lower + upper) / 2.0)
              {
                m->level = upper;
                m->clear_level = upper - h;
              }
            else
              {
                m->level = lower;
                m->clear_level = lower + h;
              }
            break;
          }
        return TRUE;
      }

    default:
      return FALSE;
    }

  if (rule->comparison == SC_ALERT_COMPARISON_ABOVE)
    {
      m->breach = m->metric > rule->level;
      m->clear_level = rule->level - h;
      m->clear = m->metric < m->clear_level;
    }
  else
    {
      m->breach = m->metric < rule->level;
      m->clear_level = rule->level + h;
      m->clear = m->metric > m->clear_level;
    }

  return TRUE;
}

static char *
describe_fired (const ScAlertRule  *rule,
                const char         *kpi,
                const Measure      *m,
                double              value)
{
  g_autofree char *metric = format_figure (m->metric);
  g_autofree char *level = format_figure (m->level);
  gboolean above = rule->comparison == SC_ALERT_COMPARISON_ABOVE;

  switch (rule->type)
    {
    case SC_ALERT_TYPE_THRESHOLD:
      if (rule->baseline == SC_ALERT_BASELINE_SAME_WEEKDAY)
        {
          g_autofree char *v = format_figure (value);
          g_autofree char *b = format_figure (m->baseline);

          if (above)
            /* Translators: KPI, change in percent, level in percent, value,
             * value a week earlier, rule name */
            return g_strdup_printf (_("%s rose %s %% against the same weekday last week, above %s %% (%s against %s, rule “%s”)"),
                                    kpi, metric, level, v, b, rule->name);
          /* Translators: KPI, change in percent, level in percent, value,
           * value a week earlier, rule name */
          return g_strdup_printf (_("%s changed %s %% against the same weekday last week, below %s %% (%s against %s, rule “%s”)"),
                                  kpi, metric, level, v, b, rule->name);
        }
      if (rule->metric == SC_ALERT_METRIC_ACHIEVEMENT)
        {
          if (above)
            /* Translators: KPI, level, achievement, rule name */
            return g_strdup_printf (_("%s rose above %s %% of target (%s %%, rule “%s”)"),
                                    kpi, level, metric, rule->name);
          /* Translators: KPI, level, achievement, rule name */
          return g_strdup_printf (_("%s fell below %s %% of target (%s %%, rule “%s”)"),
                                  kpi, level, metric, rule->name);
        }
      if (above)
        /* Translators: KPI, level, value, rule name */
        return g_strdup_printf (_("%s rose above %s (%s, rule “%s”)"),
                                kpi, level, metric, rule->name);
      /* Translators: KPI, level, value, rule name */
      return g_strdup_printf (_("%s fell below %s (%s, rule “%s”)"),
                              kpi, level, metric, rule->name);

    case SC_ALERT_TYPE_TREND:
      if (above)
        /* Translators: KPI, 30-day change in percent, level, rule name */
        return g_strdup_printf (_("%s is trending at %s %% over 30 days, above %s %% (rule “%s”)"),
                                kpi, metric, level, rule->name);
      /* Translators: KPI, 30-day change in percent, level, rule name */
      return g_strdup_printf (_("%s is trending at %s %% over 30 days, below %s %% (rule “%s”)"),
                              kpi, metric, level, rule->name);

    case SC_ALERT_TYPE_ANOMALY:
      {
        g_autofree char *lower = format_figure (m->lower95);
        g_autofree char *upper = format_figure (m->upper95);

        /* Translators: KPI, value, lower and upper bound, rule name */
        return g_strdup_printf (_("%s is outside its expected range (%s, expected %s to %s, rule “%s”)"),
                                kpi, metric, lower, upper, rule->name);
      }

    case SC_ALERT_TYPE_TARGET_RISK:
    default:
      if (above)
        /* Translators: KPI, probability in percent, level, rule name */
        return g_strdup_printf (_("%s has a %s %% chance of meeting its target, above %s %% (rule “%s”)"),
                                kpi, metric, level, rule->name);
      /* Translators: KPI, probability in percent, level, rule name */
      return g_strdup_printf (_("%s has only a %s %% chance of meeting its target, below %s %% (rule “%s”)"),
                              kpi, metric, level, rule->name);
    }
}

static char *
describe_event (const ScAlertRule *rule,
                const char        *kpi,
                ScAlertEventType   type,
                const Measure     *m,
                double             value,
                ScAlertSeverity    severity)
{
  switch (type)
    {
    case SC_ALERT_EVENT_FIRED:
      return describe_fired (rule, kpi, m, value);

    case SC_ALERT_EVENT_ESCALATED:
      /* Translators: KPI, rule name, severity */
      return g_strdup_printf (_("%s: alert “%s” was not acknowledged in time and is now %s"),
                              kpi, rule->name, sc_alert_severity_label (severity));

    case SC_ALERT_EVENT_RESOLVED:
      {
        g_autofree char *metric = format_figure (m->metric);

        /* Translators: KPI, the number the rule watches, rule name */
        return g_strdup_printf (_("%s recovered (%s, rule “%s”)"), kpi, metric, rule->name);
      }

    case SC_ALERT_EVENT_NONE:
    default:
      return NULL;
    }
}

static void
fill_event (ScAlertEvent       *event,
            ScAlertEventType    type,
            const ScAlertRule  *rule,
            const ScAlertInput *input,
            const ScAlertState *state,
            const Measure      *m,
            ScAlertSeverity     previous,
            gint64              now)
{
  const char *kpi = input->kpi_name != NULL ? input->kpi_name : _("KPI");
  Measure held = { .metric = state->last_metric, .level = rule->level };

  event->type = type;
  event->rule_id = rule->id;
  event->rule_name = g_strdup (rule->name);
  event->rule_type = rule->type;
  event->kpi_id = input->kpi_id;
  event->kpi_name = g_strdup (input->kpi_name);
  event->time = now;
  event->severity = state->severity;
  event->previous_severity = previous;
  event->quiet = sc_alert_rule_is_quiet (rule, now);
  event->incident = state->incident;
  event->value = input->value;
  if (m != NULL)
    {
      event->metric = m->metric;
      event->has_baseline = m->has_baseline;
      event->baseline = m->baseline;
      event->has_band = m->has_band;
      event->lower95 = m->lower95;
      event->upper95 = m->upper95;
      event->level = m->level;
      event->clear_level = m->clear_level;
    }
  else
    {
      event->metric = state->last_metric;
      event->level = rule->level;
    }
  /* Escalations need no fresh numbers: they describe the last ones. */
  event->message = describe_event (rule, kpi, type, m != NULL ? m : &held,
                                   input->value, state->severity);
}

static gboolean
is_snoozed (const ScAlertState *state,
            gint64              now)
{
  return state->snoozed_until > now;
}

static int
compare_points (gconstpointer a,
                gconstpointer b)
{
  const ScHistoryPoint *pa = a;
  const ScHistoryPoint *pb = b;

  return (pa->time > pb->time) - (pa->time < pb->time);
}

static gboolean
rolling_band (const ScHistoryPoint *points,
              gsize                 i,
              double               *lower,
              double               *upper)
{
  gsize start = i > PREVIEW_BAND_WINDOW ? i - PREVIEW_BAND_WINDOW : 0;
  gsize n = i - start;
  double mean = 0.0;
  double ss = 0.0;
  double sd;

  if (n < PREVIEW_BAND_MIN)
    return FALSE;

  for (gsize j = start; j < i; j++)
    mean += points[j].value;
  mean /= n;
  for (gsize j = start; j < i; j++)
    ss += (points[j].value - mean) * (points[j].value - mean);
  sd = sqrt (ss / (n - 1));

  *lower = mean - 1.96 * sd;
  *upper = mean + 1.96 * sd;

  return TRUE;
}

/* Public API */

/**
 * sc_alert_status_to_key:
 * @value: a status
 *
 * Returns: the key of @value, for storage
 */
const char *
sc_alert_status_to_key (ScAlertStatus value)
{
  g_return_val_if_fail ((guint)value < G_N_ELEMENTS (status_keys), NULL);

  return status_keys[value];
}

/**
 * sc_alert_status_from_key:
 * @key: (nullable): a key from sc_alert_status_to_key()
 * @value: (out): the status
 *
 * Returns: whether @key is known
 */
gboolean
sc_alert_status_from_key (const char    *key,
                          ScAlertStatus *value)
{
  g_return_val_if_fail (value != NULL, FALSE);

  if (key == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (status_keys); i++)
    {
      if (g_str_equal (key, status_keys[i]))
        {
          *value = (ScAlertStatus)i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * sc_alert_event_type_to_key:
 * @value: an event type
 *
 * Returns: the key of @value, for storage
 */
const char *
sc_alert_event_type_to_key (ScAlertEventType value)
{
  g_return_val_if_fail ((guint)value < G_N_ELEMENTS (event_type_keys), NULL);

  return event_type_keys[value];
}

/**
 * sc_alert_input_init:
 * @input: (out caller-allocates): the input to reset
 *
 * Sets every field of @input to zero, %NULL or %FALSE.
 */
void
sc_alert_input_init (ScAlertInput *input)
{
  g_return_if_fail (input != NULL);

  memset (input, 0, sizeof *input);
  input->target_type = SC_TARGET_TYPE_NUMBER;
  input->direction = SC_DIRECTION_HIGHER_BETTER;
}

/**
 * sc_alert_input_from_analysis:
 * @input: (out caller-allocates): the input to fill
 * @analysis: a KPI's analysis
 *
 * Fills @input from an analysis: the facts, the 30-day change, the
 * probability of meeting the target, and as the band the anomaly
 * detector's expected latest value ± 1.96 times its noise. The strings
 * are borrowed from @analysis. There is no baseline: see
 * sc_alert_baseline_same_weekday().
 */
void
sc_alert_input_from_analysis (ScAlertInput        *input,
                              const ScKpiAnalysis *analysis)
{
  g_return_if_fail (input != NULL);
  g_return_if_fail (analysis != NULL);

  sc_alert_input_init (input);
  input->kpi_id = analysis->facts.kpi_id;
  input->kpi_name = analysis->facts.name;
  input->has_value = analysis->facts.has_value;
  input->value = analysis->facts.value;
  input->target = analysis->facts.target;
  input->target_type = analysis->facts.target_type;
  input->direction = analysis->facts.direction;

  if (analysis->trend.month.available)
    {
      input->has_trend = TRUE;
      input->trend = analysis->trend.month.percent;
    }

  if (analysis->forecast != NULL && analysis->forecast->has_target)
    {
      input->has_probability = TRUE;
      input->probability_target = analysis->forecast->probability_target;
    }

  if (analysis->anomalies != NULL && analysis->anomalies->n > 0 &&
      analysis->anomalies->expected != NULL &&
      isfinite (analysis->anomalies->expected[analysis->anomalies->n - 1]) &&
      isfinite (analysis->anomalies->noise_sd))
    {
      double expected = analysis->anomalies->expected[analysis->anomalies->n - 1];
      double spread = 1.96 * analysis->anomalies->noise_sd;

      input->has_band = TRUE;
      input->lower95 = expected - spread;
      input->upper95 = expected + spread;
    }
}

/**
 * sc_alert_baseline_same_weekday:
 * @history: (array length=n): values with their times, in any order
 * @n: the number of values
 * @at: the time of the value to compare, Unix seconds UTC
 * @tz: (nullable): the time zone of the calendar, %NULL for UTC
 * @baseline: (out): the value of the same weekday one week before @at
 *
 * Finds the value recorded on the local calendar day one week before @at,
 * the one nearest to the same time of day when there are several.
 *
 * Returns: whether there was one
 */
gboolean
sc_alert_baseline_same_weekday (const ScHistoryPoint *history,
                                gsize                 n,
                                gint64                at,
                                GTimeZone            *tz,
                                double               *baseline)
{
  g_autoptr(GTimeZone) utc = NULL;
  g_autoptr(GDateTime) utc_time = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) ref = NULL;
  g_autoptr(GDateTime) day = NULL;
  gint64 ref_time;
  gint64 day_start;
  gint64 day_end;
  gint64 best_distance = G_MAXINT64;
  gboolean found = FALSE;

  g_return_val_if_fail (history != NULL || n == 0, FALSE);
  g_return_val_if_fail (baseline != NULL, FALSE);

  if (tz == NULL)
    tz = utc = g_time_zone_new_utc ();

  utc_time = g_date_time_new_from_unix_utc (at);
  if (utc_time == NULL)
    return FALSE;
  when = g_date_time_to_timezone (utc_time, tz);
  ref = g_date_time_add_weeks (when, -1);
  if (ref == NULL)
    return FALSE;
  ref_time = g_date_time_to_unix (ref);
  day = g_date_time_new (tz,
                         g_date_time_get_year (ref),
                         g_date_time_get_month (ref),
                         g_date_time_get_day_of_month (ref),
                         0, 0, 0);
  if (day == NULL)
    return FALSE;
  day_start = g_date_time_to_unix (day);
  {
    g_autoptr(GDateTime) next = g_date_time_add_days (day, 1);

    day_end = g_date_time_to_unix (next);
  }

  for (gsize i = 0; i < n; i++)
    {
      gint64 distance;

      if (history[i].time < day_start || history[i].time >= day_end ||
          !isfinite (history[i].value))
        continue;

      distance = ABS (history[i].time - ref_time);
      if (distance < best_distance)
        {
          best_distance = distance;
          *baseline = history[i].value;
          found = TRUE;
        }
    }

  return found;
}

/**
 * sc_alert_state_init:
 * @state: (out caller-allocates): the state to reset
 *
 * Puts @state in %SC_ALERT_STATUS_NORMAL with no history.
 */
void
sc_alert_state_init (ScAlertState *state)
{
  g_return_if_fail (state != NULL);

  memset (state, 0, sizeof *state);
  state->status = SC_ALERT_STATUS_NORMAL;
  state->last_metric = NAN;
}

/**
 * sc_alert_state_clear:
 * @state: a state
 *
 * Frees the comment of @state and resets it.
 */
void
sc_alert_state_clear (ScAlertState *state)
{
  g_return_if_fail (state != NULL);

  g_free (state->comment);
  sc_alert_state_init (state);
}

/**
 * sc_alert_event_clear:
 * @event: an event
 *
 * Frees the strings of @event and zeroes it.
 */
void
sc_alert_event_clear (ScAlertEvent *event)
{
  g_return_if_fail (event != NULL);

  g_free (event->rule_name);
  g_free (event->kpi_name);
  g_free (event->message);
  memset (event, 0, sizeof *event);
}

/**
 * sc_alert_event_copy:
 * @event: an event
 * @copy: (out caller-allocates): where to copy it
 *
 * Copies @event deeply into @copy; clear it with sc_alert_event_clear().
 */
void
sc_alert_event_copy (const ScAlertEvent *event,
                     ScAlertEvent       *copy)
{
  g_return_if_fail (event != NULL);
  g_return_if_fail (copy != NULL);

  *copy = *event;
  copy->rule_name = g_strdup (event->rule_name);
  copy->kpi_name = g_strdup (event->kpi_name);
  copy->message = g_strdup (event->message);
}

/**
 * sc_alert_evaluate:
 * @rule: a valid rule
 * @input: the KPI's current numbers
 * @state: (inout): the rule's state for this KPI, kept by the caller
 * @now: the current time, Unix seconds UTC; one call is one sample
 * @event_out: (out caller-allocates) (optional): the event, if any; clear
 *   it with sc_alert_event_clear()
 *
 * Evaluates @rule for one KPI and advances @state:
 *
 * - When the condition starts to hold the state becomes pending. It fires
 *   once #ScAlertRule.dwell_samples samples met the condition and
 *   #ScAlertRule.dwell_seconds have passed, unless the number came back
 *   past the level ± the hysteresis in between, which resets it. Samples
 *   between the level and that line neither count nor reset.
 * - An open alert stays one alert until the number comes back past the
 *   level ± the hysteresis; then it resolves by itself. For the
 *   #ScAlertRule.cooldown_seconds after that, the rule does not fire again.
 * - An open alert that is neither acknowledged nor snoozed escalates one
 *   severity level after each #ScAlertRule.escalation_seconds, up to
 *   #ScAlertRule.escalation_severity.
 * - Snoozed states do not fire or escalate until the snooze ends.
 * - In quiet hours events still happen, with #ScAlertEvent.quiet set.
 *
 * Numbers the rule needs but @input lacks leave the state as it is, apart
 * from escalation, which only depends on time.
 *
 * Returns: %TRUE when an event happened and was written to @event_out
 */
gboolean
sc_alert_evaluate (const ScAlertRule  *rule,
                   const ScAlertInput *input,
                   ScAlertState       *state,
                   gint64              now,
                   ScAlertEvent       *event_out)
{
  ScAlertEventType type = SC_ALERT_EVENT_NONE;
  ScAlertSeverity previous;
  gboolean measured;
  Measure m;

  g_return_val_if_fail (rule != NULL, FALSE);
  g_return_val_if_fail (input != NULL, FALSE);
  g_return_val_if_fail (state != NULL, FALSE);

  if (event_out != NULL)
    memset (event_out, 0, sizeof *event_out);

  measured = measure (rule, input, &m);
  if (measured)
    state->last_metric = m.metric;
  previous = state->severity;

  switch (state->status)
    {
    case SC_ALERT_STATUS_NORMAL:
    case SC_ALERT_STATUS_RESOLVED:
      if (!measured || !m.breach)
        break;
      if (state->resolved_at > 0 && now < state->resolved_at + rule->cooldown_seconds)
        break;
      state->status = SC_ALERT_STATUS_PENDING;
      state->pending_since = now;
      state->pending_samples = 0;
      G_GNUC_FALLTHROUGH;

    case SC_ALERT_STATUS_PENDING:
      if (!measured)
        break;
      if (m.clear)
        {
          state->status = state->resolved_at > 0 ? SC_ALERT_STATUS_RESOLVED
                                                 : SC_ALERT_STATUS_NORMAL;
          state->pending_since = 0;
          state->pending_samples = 0;
          break;
        }
      if (m.breach)
        state->pending_samples++;
      if (state->pending_samples >= MAX (rule->dwell_samples, 1) &&
          now - state->pending_since >= rule->dwell_seconds &&
          !is_snoozed (state, now))
        {
          state->status = SC_ALERT_STATUS_FIRING;
          state->incident++;
          state->severity = rule->severity;
          previous = rule->severity;
          state->fired_at = now;
          state->escalated_at = now;
          state->acknowledged_at = 0;
          state->pending_since = 0;
          state->pending_samples = 0;
          g_clear_pointer (&state->comment, g_free);
          type = SC_ALERT_EVENT_FIRED;
        }
      break;

    case SC_ALERT_STATUS_FIRING:
    case SC_ALERT_STATUS_ACKNOWLEDGED:
      if (measured && m.clear)
        {
          state->status = SC_ALERT_STATUS_RESOLVED;
          state->resolved_at = now;
          state->snoozed_until = 0;
          type = SC_ALERT_EVENT_RESOLVED;
          break;
        }
      if (state->status == SC_ALERT_STATUS_FIRING &&
          rule->escalation_seconds > 0 &&
          state->severity < rule->escalation_severity &&
          !is_snoozed (state, now))
        {
          gint64 since = MAX (state->escalated_at, state->snoozed_until);

          if (now - since >= rule->escalation_seconds)
            {
              state->severity++;
              state->escalated_at = now;
              type = SC_ALERT_EVENT_ESCALATED;
            }
        }
      break;

    default:
      g_return_val_if_reached (FALSE);
    }

  if (type == SC_ALERT_EVENT_NONE)
    return FALSE;

  if (event_out != NULL)
    fill_event (event_out, type, rule, input, state, measured ? &m : NULL, previous, now);

  return TRUE;
}

/**
 * sc_alert_acknowledge:
 * @state: (inout): a rule's state for one KPI
 * @now: the current time, Unix seconds UTC
 * @comment: (nullable): why, or what is being done
 *
 * Acknowledges the open alert: it stops escalating, and still resolves by
 * itself when the KPI recovers.
 *
 * Returns: %TRUE when there was an unacknowledged alert
 */
gboolean
sc_alert_acknowledge (ScAlertState *state,
                      gint64        now,
                      const char   *comment)
{
  g_return_val_if_fail (state != NULL, FALSE);

  if (state->status != SC_ALERT_STATUS_FIRING)
    return FALSE;

  state->status = SC_ALERT_STATUS_ACKNOWLEDGED;
  state->acknowledged_at = now;
  g_free (state->comment);
  state->comment = g_strdup (comment);

  return TRUE;
}

/**
 * sc_alert_snooze:
 * @state: (inout): a rule's state for one KPI
 * @until: when the snooze ends, Unix seconds UTC
 * @comment: (nullable): why
 *
 * Snoozes the rule for the KPI: until @until it neither fires nor
 * escalates. An alert that is still open then escalates one timeout after
 * @until at the earliest; a condition that still holds then fires at the
 * next evaluation. Resolutions are never held back.
 *
 * Returns: %TRUE
 */
gboolean
sc_alert_snooze (ScAlertState *state,
                 gint64        until,
                 const char   *comment)
{
  g_return_val_if_fail (state != NULL, FALSE);

  state->snoozed_until = until;
  g_free (state->comment);
  state->comment = g_strdup (comment);

  return TRUE;
}

/**
 * sc_alert_digest:
 * @events: (array length=n): events that happened together
 * @n: the number of events
 * @counts: (out caller-allocates) (optional): the number of new or
 *   escalated alerts per severity, indexed by #ScAlertSeverity
 *
 * Sums up many events in one sentence, for one notification instead of a
 * flood: one event gives its own message; several give e.g. "5 alerts
 * need attention: 1 urgent, 2 critical, 2 warning; 1 resolved".
 *
 * Returns: (transfer full): the sentence, translated
 */
char *
sc_alert_digest (const ScAlertEvent *events,
                 gsize               n,
                 guint               counts[SC_ALERT_N_SEVERITIES])
{
  guint by_severity[SC_ALERT_N_SEVERITIES] = { 0, };
  guint open = 0;
  guint resolved = 0;
  GString *text;

  g_return_val_if_fail (events != NULL || n == 0, NULL);

  for (gsize i = 0; i < n; i++)
    {
      if (events[i].type == SC_ALERT_EVENT_RESOLVED)
        {
          resolved++;
        }
      else if (events[i].type != SC_ALERT_EVENT_NONE &&
               (guint)events[i].severity < SC_ALERT_N_SEVERITIES)
        {
          by_severity[events[i].severity]++;
          open++;
        }
    }

  if (counts != NULL)
    memcpy (counts, by_severity, sizeof by_severity);

  if (n == 1 && events[0].message != NULL)
    return g_strdup (events[0].message);

  text = g_string_new (NULL);

  if (open > 0)
    {
      gboolean first = TRUE;

      g_string_append_printf (text,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%u alert needs attention",
                                           "%u alerts need attention",
                                           open),
                              open);
      g_string_append (text, ": ");

      for (int s = SC_ALERT_N_SEVERITIES - 1; s >= 0; s--)
        {
          g_autofree char *label = NULL;

          if (by_severity[s] == 0)
            continue;
          if (!first)
            g_string_append (text, ", ");
          first = FALSE;
          label = g_utf8_strdown (sc_alert_severity_label ((ScAlertSeverity)s), -1);
          /* Translators: a count and a severity, e.g. "2 critical" */
          g_string_append_printf (text, C_("alert digest", "%u %s"), by_severity[s], label);
        }
    }

  if (resolved > 0)
    {
      if (open > 0)
        g_string_append (text, "; ");
      g_string_append_printf (text,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%u resolved",
                                           "%u resolved",
                                           resolved),
                              resolved);
    }

  if (text->len == 0)
    g_string_append (text, _("No alerts"));

  return g_string_free (text, FALSE);
}

/**
 * sc_alert_preview:
 * @rule: a rule
 * @history: (array length=n): a KPI's history, in any order, e.g. the last
 *   90 days
 * @n: the number of values
 * @facts: (nullable): the KPI's name, id, target and direction
 * @tz: (nullable): the time zone of the calendar, %NULL for UTC
 *
 * Replays @rule over @history as if it had been evaluated at every value
 * in turn, with nobody acknowledging, and returns the events it would
 * have raised: the rule editor's preview. Each sample sees only the
 * values up to itself: the baseline of the same weekday a week earlier,
 * the 30-day change, for anomalies a band of the mean ± 1.96 standard
 * deviations of the previous 28 values, and for target risk the forecast's
 * probability of meeting the target 30 days ahead.
 *
 * Returns: (transfer full) (element-type ScAlertEvent): the events, in
 *   time order; the array clears them when freed
 */
GArray *
sc_alert_preview (const ScAlertRule    *rule,
                  const ScHistoryPoint *history,
                  gsize                 n,
                  const ScKpiFacts     *facts,
                  GTimeZone            *tz)
{
  g_autofree ScHistoryPoint *points = NULL;
  g_auto(ScAlertState) state;
  GArray *events;

  g_return_val_if_fail (rule != NULL, NULL);
  g_return_val_if_fail (history != NULL || n == 0, NULL);

  events = g_array_new (FALSE, TRUE, sizeof (ScAlertEvent));
  g_array_set_clear_func (events, (GDestroyNotify)sc_alert_event_clear);

  sc_alert_state_init (&state);

  if (n == 0)
    return events;

  points = g_memdup2 (history, n * sizeof *points);
  qsort (points, n, sizeof *points, compare_points);

  for (gsize i = 0; i < n; i++)
    {
      ScAlertInput input;
      ScAlertEvent event;

      if (!isfinite (points[i].value))
        continue;

      sc_alert_input_init (&input);
      if (facts != NULL)
        {
          input.kpi_id = facts->kpi_id;
          input.kpi_name = facts->name;
          input.target = facts->target;
          input.target_type = facts->target_type;
          input.direction = facts->direction;
        }
      input.has_value = TRUE;
      input.value = points[i].value;

      switch (rule->type)
        {
        case SC_ALERT_TYPE_THRESHOLD:
          if (rule->baseline == SC_ALERT_BASELINE_SAME_WEEKDAY)
            input.has_baseline = sc_alert_baseline_same_weekday (points, i, points[i].time,
                                                                 tz, &input.baseline);
          break;

        case SC_ALERT_TYPE_TREND:
          {
            ScTrendChange change;

            if (sc_trend_change (points, i + 1, 30, &change))
              {
                input.has_trend = TRUE;
                input.trend = change.percent;
              }
          }
          break;

        case SC_ALERT_TYPE_ANOMALY:
          input.has_band = rolling_band (points, i, &input.lower95, &input.upper95);
          break;

        case SC_ALERT_TYPE_TARGET_RISK:
          if (facts != NULL && i + 1 >= PREVIEW_BAND_MIN)
            {
              g_autoptr(ScForecast) forecast = NULL;
              ScForecastOptions options;

              sc_forecast_options_init (&options);
              options.has_target = TRUE;
              options.target = facts->target;
              options.direction = facts->direction;
              forecast = sc_forecast_history (points, i + 1, SC_ANALYTICS_PERIOD_DAILY,
                                              tz, &options);
              if (forecast != NULL && forecast->has_target)
                {
                  input.has_probability = TRUE;
                  input.probability_target = forecast->probability_target;
                }
            }
          break;

        default:
          break;
        }

      if (sc_alert_evaluate (rule, &input, &state, points[i].time, &event))
        g_array_append_val (events, event);
    }

  return events;
}
