/* sc-alert-run.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-alert-run"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "sc-alert-outbox.h"
#include "sc-alert-run.h"
#include "sc-alert-store.h"
#include "sc-kpi-analysis.h"
#include "sc-store-private.h"

/* Evaluates every enabled rule on every KPI in its scope, after a sync or
 * a submission, and in one transaction saves the incidents' states and
 * the events they fired with their deliveries: a crash leaves either the
 * whole run or nothing. Threshold rules read only the KPI's current value
 * (and last week's, for a same-weekday baseline); trend, anomaly and risk
 * rules need the KPI's analysis, computed once per KPI and only for KPIs
 * such a rule watches. */

#define BASELINE_DAYS 9

typedef struct
{
  ScKpi          *kpi;
  ScKpiFacts      facts;
  ScKpiAnalysis  *analysis;
  GArray         *recent;     /* ScHistoryPoint, for the baseline */
  gboolean        loaded;
} KpiInputs;

static void
kpi_inputs_clear (KpiInputs *inputs)
{
  sc_kpi_facts_clear (&inputs->facts);
  g_clear_pointer (&inputs->analysis, sc_kpi_analysis_free);
  g_clear_pointer (&inputs->recent, g_array_unref);
}

static gboolean
rule_needs_analysis (const ScAlertRule *rule)
{
  return rule->type != SC_ALERT_TYPE_THRESHOLD;
}

/* The last days of every KPI in one pass, for same-weekday baselines:
 * one query instead of one per KPI. */
static GHashTable *
load_recent (ScStore  *store,
             gint64    since,
             GError  **error)
{
  g_autoptr(GHashTable) recent = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                        (GDestroyNotify)g_array_unref);
  sqlite3_stmt *stmt;
  GArray *points = NULL;
  gint64 current = 0;
  int rc;

  stmt = _sc_store_prepare (store,
                            "SELECT kpi_id, date, value FROM submissions WHERE date >= ? "
                            "ORDER BY kpi_id, date",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, since);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 kpi_id = sqlite3_column_int64 (stmt, 0);
      ScHistoryPoint point = { sqlite3_column_int64 (stmt, 1), sqlite3_column_double (stmt, 2) };

      if (points == NULL || kpi_id != current)
        {
          points = g_array_new (FALSE, FALSE, sizeof (ScHistoryPoint));
          current = kpi_id;
          g_hash_table_insert (recent, g_memdup2 (&kpi_id, sizeof kpi_id), points);
        }
      g_array_append_val (points, point);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (store, error, rc, _("Reading the recent values"));
      return NULL;
    }

  return g_steal_pointer (&recent);
}

static gboolean
load_history (ScStore    *store,
              KpiInputs  *inputs,
              gboolean    full,
              gint64      now,
              GTimeZone  *tz,
              guint      *analysed,
              GError    **error)
{
  gint64 id = sc_kpi_get_id (inputs->kpi);

  if (full && inputs->analysis == NULL)
    {
      g_autoptr(GArray) history = sc_store_get_history (store, id, 0, 0, error);

      if (history == NULL)
        return FALSE;
      if (inputs->facts.name == NULL)
        sc_kpi_facts_from_kpi (&inputs->facts, inputs->kpi);
      inputs->analysis = sc_kpi_analysis_compute (&inputs->facts, (ScHistoryPoint *)(gpointer)history->data,
                                                  history->len, now, tz);
      (*analysed)++;
      if (inputs->recent == NULL)
        inputs->recent = g_array_ref (history);
    }

  if (inputs->recent == NULL)
    {
      inputs->recent = sc_store_get_history (store, id, now - BASELINE_DAYS * 86400, 0, error);
      if (inputs->recent == NULL)
        return FALSE;
    }

  return TRUE;
}

static void
fill_input (ScAlertInput      *input,
            const KpiInputs   *inputs,
            const ScAlertRule *rule,
            gint64             now,
            GTimeZone         *tz)
{
  if (inputs->analysis != NULL)
    sc_alert_input_from_analysis (input, inputs->analysis);
  else
    {
      /* Thresholds need only what the KPI holds: no copies. */
      sc_alert_input_init (input);
      input->kpi_id = sc_kpi_get_id (inputs->kpi);
      input->kpi_name = sc_kpi_get_name (inputs->kpi);
      input->has_value = sc_kpi_has_value (inputs->kpi);
      input->value = sc_kpi_get_value (inputs->kpi);
      input->target = sc_kpi_get_target_value (inputs->kpi);
      input->target_type = sc_kpi_get_target_type (inputs->kpi);
      input->direction = sc_kpi_get_direction (inputs->kpi);
    }

  if (rule->baseline == SC_ALERT_BASELINE_SAME_WEEKDAY && inputs->recent != NULL && inputs->recent->len > 0)
    {
      const ScHistoryPoint *points = (const ScHistoryPoint *)(gconstpointer)inputs->recent->data;
      const ScHistoryPoint *latest = &points[0];

      for (guint i = 1; i < inputs->recent->len; i++)
        if (points[i].time > latest->time)
          latest = &points[i];

      input->has_baseline = sc_alert_baseline_same_weekday (points, inputs->recent->len, latest->time,
                                                            tz, &input->baseline);
    }
}

/**
 * sc_alert_run:
 * @store: a #ScStore
 * @now: the time (injected, for tests)
 * @tz: (nullable): the calendar's time zone, %NULL for local
 * @report: (out caller-allocates): what happened
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success; on failure nothing of the run is kept
 */
gboolean
sc_alert_run (ScStore           *store,
              gint64             now,
              GTimeZone         *tz,
              ScAlertRunReport  *report,
              GError           **error)
{
  g_autoptr(GPtrArray) rules = NULL;
  g_autoptr(GPtrArray) kpis = NULL;
  g_autoptr(GHashTable) states = NULL;
  g_autoptr(GArray) events = NULL;
  g_autoptr(GTimeZone) local = NULL;
  g_autoptr(GHashTable) recent = NULL;
  KpiInputs *inputs = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (SC_IS_STORE (store), FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  memset (report, 0, sizeof *report);
  if (tz == NULL)
    tz = local = g_time_zone_new_local ();

  if (!(rules = sc_store_list_alert_rules (store, error)))
    return FALSE;
  for (guint r = rules->len; r > 0; r--)
    if (!((ScStoredAlertRule *)g_ptr_array_index (rules, r - 1))->enabled)
      g_ptr_array_remove_index (rules, r - 1);
  report->rules = rules->len;
  if (rules->len == 0)
    return TRUE;

  if (!(kpis = sc_store_list_kpis (store, error)))
    return FALSE;
  states = sc_alert_states_new ();
  if (!sc_store_load_alert_states (store, states, error))
    return FALSE;

  events = g_array_new (FALSE, TRUE, sizeof (ScAlertEvent));
  g_array_set_clear_func (events, (GDestroyNotify)sc_alert_event_clear);
  inputs = g_new0 (KpiInputs, kpis->len);

  for (guint r = 0; r < rules->len; r++)
    {
      const ScAlertRule *rule = ((ScStoredAlertRule *)g_ptr_array_index (rules, r))->rule;

      if (rule->baseline != SC_ALERT_BASELINE_NONE && !rule_needs_analysis (rule) && recent == NULL &&
          !(recent = load_recent (store, now - BASELINE_DAYS * 86400, error)))
        goto out;
    }

  if (!_sc_store_begin (store, error))
    goto out;

  for (guint k = 0; k < kpis->len; k++)
    {
      KpiInputs *in = &inputs[k];

      gint64 kpi_id;
      const char *department;

      in->kpi = g_ptr_array_index (kpis, k);
      kpi_id = sc_kpi_get_id (in->kpi);
      department = sc_kpi_get_department (in->kpi) != SC_DEPARTMENT_NONE
                   ? sc_department_to_key (sc_kpi_get_department (in->kpi)) : NULL;
      if (recent != NULL)
        {
          GArray *points = g_hash_table_lookup (recent, &kpi_id);

          in->recent = points != NULL ? g_array_ref (points)
                                      : g_array_new (FALSE, FALSE, sizeof (ScHistoryPoint));
        }

      for (guint r = 0; r < rules->len; r++)
        {
          ScStoredAlertRule *stored = g_ptr_array_index (rules, r);
          const ScAlertRule *rule = stored->rule;
          gint64 key;
          ScAlertEvent event = { 0, };
          ScAlertState *state;
          ScAlertInput input;
          gboolean had_state;

          if (!sc_alert_rule_matches_kpi (rule, kpi_id, department, sc_kpi_get_group_id (in->kpi)))
            continue;

          if ((rule_needs_analysis (rule) || rule->baseline != SC_ALERT_BASELINE_NONE) &&
              !load_history (store, in, rule_needs_analysis (rule), now, tz, &report->analysed, error))
            goto rollback;

          fill_input (&input, in, rule, now, tz);

          key = sc_alert_state_key (rule->id, kpi_id);
          state = g_hash_table_lookup (states, &key);
          had_state = state != NULL;
          if (state == NULL)
            {
              state = g_new0 (ScAlertState, 1);
              sc_alert_state_init (state);
              g_hash_table_insert (states, g_memdup2 (&key, sizeof key), state);
            }

          {
            ScAlertStatus before_status = state->status;
            guint before_samples = state->pending_samples;
            gint64 before_pending = state->pending_since;
            double before_metric = state->last_metric;
            gboolean fired = sc_alert_evaluate (rule, &input, state, now, &event);
            gboolean changed = fired || state->status != before_status ||
                               state->pending_samples != before_samples ||
                               state->pending_since != before_pending ||
                               (had_state && !(before_metric == state->last_metric ||
                                                (isnan (before_metric) && isnan (state->last_metric))));

            report->evaluated++;

            /* Quiet KPIs that never fired take no row. */
            if (changed && (had_state || state->status != SC_ALERT_STATUS_NORMAL || state->incident > 0) &&
                !sc_store_save_alert_state (store, rule->id, kpi_id, state, error))
              {
                sc_alert_event_clear (&event);
                goto rollback;
              }

            if (fired && event.type != SC_ALERT_EVENT_NONE)
              {
                if (sc_store_record_alert_event (store, &event, (const gint64 *)(gpointer)stored->channels->data,
                                                 stored->channels->len, now, error) == 0)
                  {
                    sc_alert_event_clear (&event);
                    goto rollback;
                  }
                report->events++;
                report->counts[event.severity]++;
                g_array_append_val (events, event);
              }
            else
              sc_alert_event_clear (&event);
          }
        }

      /* The analysis is only needed while this KPI is evaluated. */
      kpi_inputs_clear (in);
    }

  if (!_sc_store_commit (store, report->events > 0 ? SC_STORE_CHANGE_OUTBOX | SC_STORE_CHANGE_SETTINGS : 0,
                         error))
    goto out;

  if (events->len > 0)
    {
      /* Shallow copies: the strings stay owned by events. */
      g_autoptr(GArray) loud = g_array_new (FALSE, FALSE, sizeof (ScAlertEvent));

      report->digest = sc_alert_digest ((const ScAlertEvent *)(gpointer)events->data, events->len, NULL);

      for (guint i = 0; i < events->len; i++)
        if (!g_array_index (events, ScAlertEvent, i).quiet)
          g_array_append_val (loud, g_array_index (events, ScAlertEvent, i));
      if (loud->len > 0)
        report->notify_digest = sc_alert_digest ((const ScAlertEvent *)(gpointer)loud->data,
                                                 loud->len, report->notify_counts);
    }

  ok = TRUE;
  goto out;

rollback:
  _sc_store_rollback (store);
  memset (report->counts, 0, sizeof report->counts);
  report->events = 0;

out:
  if (inputs != NULL)
    {
      for (guint k = 0; k < kpis->len; k++)
        kpi_inputs_clear (&inputs[k]);
      g_free (inputs);
    }

  return ok;
}

/**
 * sc_alert_run_report_clear:
 * @report: a report
 */
void
sc_alert_run_report_clear (ScAlertRunReport *report)
{
  g_clear_pointer (&report->digest, g_free);
  g_clear_pointer (&report->notify_digest, g_free);
}
