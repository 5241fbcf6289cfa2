/* sc-kpi-detail-page.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-kpi-detail-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sc-format.h"
#include "sc-gauge.h"
#include "sc-kpi-card.h"
#include "sc-kpi-detail-page.h"
#include "sc-period.h"
#include "sc-score.h"
#include "sc-sync-account.h"
#include "sc-trend-chart.h"

/* One KPI: a large gauge, its numbers, its history as a chart and its
 * latest submissions. Everything follows the KPI as the store changes. */

#define HISTORY_DAYS 365
#define N_SUBMISSIONS 50

struct _ScKpiDetailPage
{
  GtkWidget     parent_instance;

  ScContext    *context;
  ScKpi        *kpi;
  GCancellable *cancellable;
  guint         n_submissions;
  gboolean      submitted_today;
  gboolean      can_submit;

  /* Template widgets */
  ScGauge      *gauge;
  GtkLabel     *value_label;
  GtkLabel     *target_label;
  GtkLabel     *achievement_label;
  GtkLabel     *facts_label;
  GtkLabel     *note_label;
  GtkButton    *submit_button;
  GtkLabel     *submit_hint;
  ScTrendChart *chart;
  GtkListBox   *submissions_list;
  GtkFlowBox   *cards_box;
  GtkBox       *outlook_box;
  GtkLabel     *outlook_label;
  GtkLabel     *method_label;
  ScKpiAnalysis *analysis;

  /* Trend, comparison and alert-status cards */
  GtkWidget    *cards[3];
};

G_DEFINE_FINAL_TYPE (ScKpiDetailPage, sc_kpi_detail_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_KPI,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_CAN_SUBMIT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void load_history           (ScKpiDetailPage *self);
static void show_forecast_on_chart (ScKpiDetailPage *self);

/* Auxiliary methods */

static char *
dup_subtitle (ScKpiDetailPage *self)
{
  const char *group;

  if (self->kpi == NULL)
    return NULL;

  group = sc_kpi_get_group_name (self->kpi);
  if (group != NULL)
    /* Translators: department · report group */
    return g_strdup_printf (_("%s · %s"), sc_department_label (sc_kpi_get_department (self->kpi)),
                            group);

  return g_strdup (sc_department_label (sc_kpi_get_department (self->kpi)));
}

/* What the user's KPI group on Odoo (reference §3.2) lets them submit.
 * With no server set up, values stay local and anything goes. */
static void
update_submit_permission (ScKpiDetailPage *self)
{
  ScSyncScheduler *sync = sc_context_get_sync (self->context);
  g_autofree char *reason = NULL;
  gboolean can_submit = TRUE;

  if (self->kpi != NULL && sc_kpi_get_kpi_type (self->kpi) == SC_KPI_TYPE_AUTO)
    reason = g_strdup (_("Auto KPIs are computed by Odoo from their formula"));
  else if (sc_sync_scheduler_get_login (sync) != NULL)
    {
      /* The rule is shared with scorecard-cli submit. */
      reason = sc_odoo_role_submit_refusal (sc_sync_scheduler_get_role (sync), self->submitted_today);
      can_submit = reason == NULL;
    }

  gtk_widget_set_tooltip_text (GTK_WIDGET (self->submit_button), reason);
  gtk_label_set_text (self->submit_hint, can_submit ? NULL : reason);
  gtk_widget_set_visible (GTK_WIDGET (self->submit_hint), !can_submit);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->submit_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, reason ? reason : "", -1);

  if (self->can_submit != can_submit)
    {
      self->can_submit = can_submit;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_SUBMIT]);
    }
}

static void
update_view (ScKpiDetailPage *self)
{
  ScKpi *kpi = self->kpi;
  g_autofree char *value = NULL;
  g_autofree char *target = NULL;
  g_autofree char *target_text = NULL;
  g_autofree char *achievement = NULL;
  g_autofree char *achievement_text = NULL;
  g_autofree char *last = NULL;
  g_autofree char *assignees = NULL;
  g_autoptr(GString) facts = g_string_new (NULL);
  ScScoreBand band;

  if (kpi == NULL)
    return;

  band = sc_kpi_get_score_band (kpi);
  value = sc_kpi_has_value (kpi) ? sc_kpi_format_value (kpi) : g_strdup ("—");
  target = sc_kpi_format_target (kpi);
  /* Translators: the target under a KPI's value, e.g. "Target $ 1,500 · Higher is better" */
  target_text = g_strdup_printf (_("Target %s · %s"), target,
                                 sc_direction_label (sc_kpi_get_direction (kpi)));
  achievement = sc_format_percent (sc_kpi_get_achievement (kpi));
  /* Translators: "87.3 % · Good" */
  achievement_text = g_strdup_printf (_("%s · %s"), achievement, sc_score_band_label (band));

  sc_gauge_set_kpi (self->gauge, kpi);
  gtk_label_set_text (self->value_label, value);
  gtk_label_set_text (self->target_label, target_text);
  gtk_label_set_text (self->achievement_label, sc_kpi_has_value (kpi) ? achievement_text
                                                                      : _("No value yet"));
  for (guint b = SC_SCORE_BAND_EXCELLENT; b <= SC_SCORE_BAND_UNDERPERFORMANCE; b++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->achievement_label),
                                 sc_score_band_css_class ((ScScoreBand)b));
  if (sc_kpi_has_value (kpi))
    gtk_widget_add_css_class (GTK_WIDGET (self->achievement_label), sc_score_band_css_class (band));

  last = sc_kpi_get_last_submitted (kpi) != 0
           ? sc_time_format_local (sc_kpi_get_last_submitted (kpi), NULL)
           : g_strdup (_("never"));
  assignees = g_strjoinv (", ", (char **)sc_kpi_get_assignees (kpi));
  g_string_append_printf (facts, _("%s KPI · %s"),
                          sc_kpi_type_label (sc_kpi_get_kpi_type (kpi)),
                          sc_report_type_label (sc_kpi_get_report_type (kpi)));
  g_string_append (facts, "\n");
  g_string_append_printf (facts, _("Last submitted %s"), last);
  if (*assignees != '\0')
    {
      g_string_append (facts, "\n");
      g_string_append_printf (facts, _("Assigned to %s"), assignees);
    }
  g_string_append (facts, "\n");
  g_string_append_printf (facts, _("Priority %d of 5"), sc_kpi_get_priority (kpi));
  gtk_label_set_text (self->facts_label, facts->str);

  gtk_label_set_text (self->note_label, sc_kpi_get_note (kpi));
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), sc_kpi_get_note (kpi) != NULL);

  update_submit_permission (self);

  for (guint i = 0; i < G_N_ELEMENTS (self->cards); i++)
    {
      static const char *titles[3] = { N_("Trend"), N_("Compared"), N_("Status") };

      sc_kpi_card_set_kpi (SC_KPI_CARD (self->cards[i]), kpi);
      sc_kpi_card_set_title (SC_KPI_CARD (self->cards[i]), _(titles[i]));
    }

  sc_trend_chart_set_target (self->chart, sc_kpi_get_target_value (kpi));
  sc_trend_chart_set_warn_from (self->chart, sc_kpi_get_warn_from (kpi));
  sc_trend_chart_set_good_from (self->chart, sc_kpi_get_good_from (kpi));
  sc_trend_chart_set_direction (self->chart, sc_kpi_get_direction (kpi));
  sc_trend_chart_set_target_type (self->chart, sc_kpi_get_target_type (kpi));
  sc_trend_chart_set_currency (self->chart, sc_kpi_get_currency (kpi));
  sc_trend_chart_set_label (self->chart, sc_kpi_get_name (kpi));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBTITLE]);
}

static void
history_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(ScKpiDetailPage) self = user_data;
  g_autoptr(GArray) points = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree ScChartPoint *chart_points = NULL;

  points = sc_context_history_finish (self->context, result, &error);
  if (points == NULL)
    return;

  chart_points = g_new (ScChartPoint, MAX (points->len, 1));
  for (guint i = 0; i < points->len; i++)
    {
      chart_points[i].time = g_array_index (points, ScHistoryPoint, i).time;
      chart_points[i].value = g_array_index (points, ScHistoryPoint, i).value;
    }
  sc_trend_chart_set_points (self->chart, chart_points, points->len);

  {
    g_autofree double *values = g_new (double, MAX (points->len, 1));
    g_autofree gint64 *times = g_new (gint64, MAX (points->len, 1));

    for (guint i = 0; i < points->len; i++)
      {
        values[i] = chart_points[i].value;
        times[i] = chart_points[i].time;
      }

    for (guint i = 0; i < G_N_ELEMENTS (self->cards); i++)
      sc_kpi_card_set_history (SC_KPI_CARD (self->cards[i]), values, times, points->len);
  }

  /* The analysis may have come first: mark its anomalies on these points. */
  if (self->analysis != NULL)
    show_forecast_on_chart (self);
}

static GtkWidget *
create_submission_row (ScKpi        *kpi,
                       ScSubmission *submission)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *value = sc_format_measure (sc_submission_get_value (submission),
                                              sc_kpi_get_target_type (kpi),
                                              sc_kpi_get_currency (kpi));
  g_autofree char *when = sc_time_format_local (sc_submission_get_date (submission), NULL);
  g_autofree char *subtitle = NULL;
  g_autofree char *achievement = sc_format_percent (sc_submission_get_achievement (submission));
  GtkWidget *suffix = gtk_label_new (achievement);
  const char *who = sc_submission_get_user_name (submission);
  const char *note = sc_submission_get_note (submission);

  if (who != NULL && note != NULL)
    subtitle = g_strdup_printf ("%s · %s · %s", when, who, note);
  else if (who != NULL || note != NULL)
    subtitle = g_strdup_printf ("%s · %s", when, who != NULL ? who : note);
  else
    subtitle = g_strdup (when);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), value);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (suffix, "numeric");
  gtk_widget_add_css_class (suffix,
                            sc_score_band_css_class (sc_score_band (sc_submission_get_achievement (submission))));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);

  if (sc_submission_get_sync_state (submission) != SC_SYNC_STATE_SYNCED)
    {
      GtkWidget *pending = gtk_image_new_from_icon_name ("sc-pending-symbolic");

      gtk_widget_set_tooltip_text (pending, _("Not yet synced with Odoo"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (pending), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Not yet synced with Odoo"), -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), pending);
    }

  return row;
}

static void
submissions_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(ScKpiDetailPage) self = user_data;
  g_autoptr(GPtrArray) submissions = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  submissions = sc_context_submissions_finish (self->context, result, &error);
  if (submissions == NULL || self->kpi == NULL)
    return;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->submissions_list))) != NULL)
    gtk_list_box_remove (self->submissions_list, child);

  self->submitted_today = FALSE;
  for (guint i = 0; i < submissions->len; i++)
    {
      ScSubmission *submission = g_ptr_array_index (submissions, i);
      const char *by = sc_submission_get_user_login (submission);
      const char *login = sc_sync_scheduler_get_login (sc_context_get_sync (self->context));

      gtk_list_box_append (self->submissions_list, create_submission_row (self->kpi, submission));

      /* The addon keeps one value per KPI, user and UTC day (§4.3); one
       * not pushed yet can still be replaced here. */
      if (sc_submission_get_sync_state (submission) == SC_SYNC_STATE_SYNCED &&
          sc_utc_day_start (sc_submission_get_date (submission)) ==
          sc_utc_day_start (g_get_real_time () / G_USEC_PER_SEC) &&
          (by == NULL || g_strcmp0 (by, login) == 0))
        self->submitted_today = TRUE;
    }
  self->n_submissions = submissions->len;
  update_submit_permission (self);
}

/* The chart's points are single submissions; anomalies were found on
 * their per-period means. Each anomaly marks the submission of its period
 * closest to the period's start. */
static int
chart_point_for_time (const ScChartPoint *points,
                      guint               n_points,
                      gint64              start,
                      gint64              end)
{
  int found = -1;

  for (guint i = 0; i < n_points; i++)
    {
      if (points[i].time >= end)
        break;
      if (points[i].time >= start && found < 0)
        found = (int)i;
    }

  return found;
}

static void
show_forecast_on_chart (ScKpiDetailPage *self)
{
  ScKpiAnalysis *analysis = self->analysis;
  g_autoptr(GArray) forecast = NULL;
  g_autoptr(GArray) indices = NULL;
  g_autoptr(GPtrArray) reasons = NULL;
  g_autofree char *label = NULL;
  const ScChartPoint *points;
  guint n_points = 0;

  if (analysis == NULL)
    {
      sc_trend_chart_set_forecast (self->chart, NULL, 0);
      sc_trend_chart_set_anomalies (self->chart, NULL, NULL, 0);
      sc_trend_chart_set_method_label (self->chart, NULL);
      return;
    }

  forecast = g_array_new (FALSE, FALSE, sizeof (ScChartForecastPoint));
  for (guint h = 1; h <= analysis->forecast->horizon; h++)
    {
      ScChartForecastPoint point = {
        sc_forecast_step_start (analysis->forecast, h, NULL),
        analysis->forecast->mean[h - 1],
        analysis->forecast->lower80[h - 1],
        analysis->forecast->upper80[h - 1],
        analysis->forecast->lower95[h - 1],
        analysis->forecast->upper95[h - 1],
      };

      g_array_append_val (forecast, point);
    }
  sc_trend_chart_set_forecast (self->chart, (const ScChartForecastPoint *)(gpointer)forecast->data,
                               forecast->len);

  points = sc_trend_chart_get_points (self->chart, &n_points);
  indices = g_array_new (FALSE, FALSE, sizeof (guint));
  reasons = g_ptr_array_new ();
  for (gsize i = 0; i < analysis->anomalies->n_anomalies; i++)
    {
      const ScAnomaly *anomaly = &analysis->anomalies->anomalies[i];
      gint64 length = (gint64)(sc_analytics_period_days (analysis->series->period) * 86400);
      int index = chart_point_for_time (points, n_points, anomaly->time, anomaly->time + length);

      if (index >= 0)
        {
          guint value = (guint)index;

          g_array_append_val (indices, value);
          g_ptr_array_add (reasons, anomaly->reason);
        }
    }
  sc_trend_chart_set_anomalies (self->chart, (const guint *)(gpointer)indices->data,
                                (const char * const *)reasons->pdata, indices->len);

  if (analysis->forecast->folds > 0)
    /* Translators: above the chart: the forecast's method and its backtest error */
    label = g_strdup_printf (_("%s · backtest MASE %.2f"),
                             sc_forecast_method_label (analysis->forecast->method),
                             analysis->forecast->mase);
  else
    label = g_strdup (sc_forecast_method_label (analysis->forecast->method));
  sc_trend_chart_set_method_label (self->chart, label);
}

static void
show_analysis (ScKpiDetailPage *self)
{
  ScKpiAnalysis *analysis = self->analysis;
  g_autoptr(GString) outlook = g_string_new (NULL);
  g_autofree char *method = NULL;
  const ScForecast *forecast;

  if (analysis == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->outlook_box), FALSE);
      show_forecast_on_chart (self);
      return;
    }

  forecast = analysis->forecast;
  for (guint i = 0; i < analysis->insights->len; i++)
    g_string_append_printf (outlook, "%s• %s", i > 0 ? "\n" : "",
                            (const char *)g_ptr_array_index (analysis->insights, i));
  if (outlook->len == 0 && analysis->summary != NULL)
    g_string_append (outlook, analysis->summary);

  if (analysis->suggestion.available)
    {
      g_autofree char *target = sc_format_measure (analysis->suggestion.target,
                                                   analysis->facts.target_type,
                                                   sc_kpi_get_currency (self->kpi));

      /* Translators: a suggested target, then the reasoning behind it */
      g_string_append_printf (outlook, _("\n• Suggested target: %s. %s"), target,
                              analysis->suggestion.reason != NULL ? analysis->suggestion.reason : "");
    }

  if (analysis->monitoring.available && analysis->monitoring.reason != NULL)
    g_string_append_printf (outlook, "\n• %s", analysis->monitoring.reason);
  gtk_label_set_text (self->outlook_label, outlook->str);

  if (forecast->folds > 0)
    /* Translators: how the forecast was made, e.g. "Forecast by Holt–Winters (additive),
     * backtest MASE 0.70 (seasonal naive 1.04), confidence 74 %" */
    method = g_strdup_printf (_("Forecast by %s, backtest MASE %.2f (seasonal naive %.2f), "
                                "confidence %.0f %%"),
                              sc_forecast_method_label (forecast->method), forecast->mase,
                              forecast->baseline_mase, forecast->confidence);
  else
    method = g_strdup_printf (_("Forecast by %s: %s"), sc_forecast_method_label (forecast->method),
                              forecast->reason != NULL ? forecast->reason
                                                       : _("too little history to test it"));
  gtk_label_set_text (self->method_label, method);
  gtk_widget_set_visible (GTK_WIDGET (self->outlook_box), TRUE);

  show_forecast_on_chart (self);
}

static void
analyze_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(ScKpiDetailPage) self = user_data;
  g_autoptr(GPtrArray) analyses = NULL;
  g_autoptr(GError) error = NULL;

  analyses = sc_context_analyze_finish (self->context, result, &error);
  if (analyses == NULL || analyses->len == 0)
    return;

  g_clear_pointer (&self->analysis, sc_kpi_analysis_free);
  self->analysis = g_ptr_array_steal_index (analyses, 0);
  show_analysis (self);
}

static void
load_history (ScKpiDetailPage *self)
{
  gint64 since;

  if (self->kpi == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  since = sc_kpi_get_last_submitted (self->kpi) - (gint64)HISTORY_DAYS * 86400;
  sc_context_history_async (self->context, sc_kpi_get_id (self->kpi), MAX (since, 0), 0,
                            self->cancellable, history_cb, g_object_ref (self));
  sc_context_submissions_async (self->context, sc_kpi_get_id (self->kpi), N_SUBMISSIONS,
                                self->cancellable, submissions_cb, g_object_ref (self));

  {
    g_autoptr(GPtrArray) kpis = g_ptr_array_new ();

    g_ptr_array_add (kpis, self->kpi);
    sc_context_analyze_async (self->context, kpis, self->cancellable, analyze_cb,
                              g_object_ref (self));
  }
}

static void
on_kpi_notify_cb (ScKpiDetailPage *self,
                  GParamSpec      *pspec)
{
  update_view (self);

  if (g_strcmp0 (pspec->name, "value") == 0 || g_strcmp0 (pspec->name, "last-submitted") == 0)
    load_history (self);
}

/* Overrides */

static void
sc_kpi_detail_page_dispose (GObject *object)
{
  ScKpiDetailPage *self = (ScKpiDetailPage *)object;

  g_cancellable_cancel (self->cancellable);
  if (self->kpi != NULL)
    g_signal_handlers_disconnect_by_func (self->kpi, on_kpi_notify_cb, self);
  g_clear_object (&self->kpi);
  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_KPI_DETAIL_PAGE);
  {
    GtkWidget *child;

    /* The template's unnamed children too. */
    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
      gtk_widget_unparent (child);
  }

  G_OBJECT_CLASS (sc_kpi_detail_page_parent_class)->dispose (object);
}

static void
sc_kpi_detail_page_finalize (GObject *object)
{
  ScKpiDetailPage *self = (ScKpiDetailPage *)object;

  g_clear_object (&self->context);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->analysis, sc_kpi_analysis_free);

  G_OBJECT_CLASS (sc_kpi_detail_page_parent_class)->finalize (object);
}

static void
sc_kpi_detail_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ScKpiDetailPage *self = SC_KPI_DETAIL_PAGE (object);

  switch (prop_id)
    {
    case PROP_KPI:
      g_value_set_object (value, self->kpi);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->kpi != NULL ? sc_kpi_get_name (self->kpi) : "");
      break;
    case PROP_CAN_SUBMIT:
      g_value_set_boolean (value, self->can_submit);
      break;
    case PROP_SUBTITLE:
      g_value_take_string (value, dup_subtitle (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_kpi_detail_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ScKpiDetailPage *self = SC_KPI_DETAIL_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      g_signal_connect_object (sc_context_get_sync (self->context), "notify::role",
                               G_CALLBACK (update_submit_permission), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (sc_context_get_sync (self->context), "notify::login",
                               G_CALLBACK (update_submit_permission), self, G_CONNECT_SWAPPED);
      break;
    case PROP_KPI:
      sc_kpi_detail_page_set_kpi (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_kpi_detail_page_class_init (ScKpiDetailPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_kpi_detail_page_dispose;
  object_class->finalize = sc_kpi_detail_page_finalize;
  object_class->get_property = sc_kpi_detail_page_get_property;
  object_class->set_property = sc_kpi_detail_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, SC_TYPE_CONTEXT,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KPI] =
    g_param_spec_object ("kpi", NULL, NULL, SC_TYPE_KPI,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_SUBMIT] =
    g_param_spec_boolean ("can-submit", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SC_TYPE_GAUGE);
  g_type_ensure (SC_TYPE_TREND_CHART);

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "ui/sc-kpi-detail-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ScKpiDetailPage, gauge);
  gtk_widget_class_bind_template_child (widget_class, ScKpiDetailPage, value_label);
  gtk_widget_class_bind_template_child (widget_class, ScKpiDetailPage, target_label);
  gtk_widget_class_bind_template_child (widget_class, ScKpiDetailPage, achievement_label);
  gtk_widget_class_bind_template_child (widget_class, ScKpiDetailPage, facts_label);
  gtk_widget_class_bind_template_child (widget_class, ScKpiDetailPage, note_label);
  gtk_widget_class_bind_template_child (widget_class, ScKpiDetailPage, submit_button);
  gtk_widget_class_bind_template_child (widget_class, ScKpiDetailPage, submit_hint);
  gtk_widget_class_bind_template_child (widget_class, ScKpiDetailPage, chart);
  gtk_widget_class_bind_template_child (widget_class, ScKpiDetailPage, submissions_list);
  gtk_widget_class_bind_template_child (widget_class, ScKpiDetailPage, cards_box);
  gtk_widget_class_bind_template_child (widget_class, ScKpiDetailPage, outlook_box);
  gtk_widget_class_bind_template_child (widget_class, ScKpiDetailPage, outlook_label);
  gtk_widget_class_bind_template_child (widget_class, ScKpiDetailPage, method_label);

  gtk_widget_class_set_css_name (widget_class, "kpidetail");
}

static void
sc_kpi_detail_page_init (ScKpiDetailPage *self)
{
  static const ScKpiCardStyle styles[] = {
    SC_KPI_CARD_STYLE_TREND, SC_KPI_CARD_STYLE_COMPARISON, SC_KPI_CARD_STYLE_ALERT,
  };

  gtk_widget_init_template (GTK_WIDGET (self));
  self->can_submit = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    {
      self->cards[i] = sc_kpi_card_new (styles[i]);
      gtk_flow_box_append (self->cards_box, self->cards[i]);
    }

}

/* Public API */

GtkWidget *
sc_kpi_detail_page_new (ScContext *context)
{
  g_return_val_if_fail (SC_IS_CONTEXT (context), NULL);

  return g_object_new (SC_TYPE_KPI_DETAIL_PAGE, "context", context, NULL);
}

/**
 * sc_kpi_detail_page_get_can_submit:
 * @self: a #ScKpiDetailPage
 *
 * Returns: %FALSE when the user's KPI group on Odoo cannot submit a value
 *   for the KPI shown (the page says why)
 */
gboolean
sc_kpi_detail_page_get_can_submit (ScKpiDetailPage *self)
{
  g_return_val_if_fail (SC_IS_KPI_DETAIL_PAGE (self), FALSE);
  return self->can_submit;
}

/**
 * sc_kpi_detail_page_get_kpi:
 * @self: a #ScKpiDetailPage
 *
 * Returns: (transfer none) (nullable): the KPI shown
 */
ScKpi *
sc_kpi_detail_page_get_kpi (ScKpiDetailPage *self)
{
  g_return_val_if_fail (SC_IS_KPI_DETAIL_PAGE (self), NULL);

  return self->kpi;
}

void
sc_kpi_detail_page_set_kpi (ScKpiDetailPage *self,
                            ScKpi           *kpi)
{
  gboolean same;

  g_return_if_fail (SC_IS_KPI_DETAIL_PAGE (self));
  g_return_if_fail (!kpi || SC_IS_KPI (kpi));

  same = self->kpi == kpi;

  if (self->kpi != NULL && !same)
    g_signal_handlers_disconnect_by_func (self->kpi, on_kpi_notify_cb, self);

  if (!same)
    {
      g_set_object (&self->kpi, kpi);
      if (kpi != NULL)
        g_signal_connect_object (kpi, "notify", G_CALLBACK (on_kpi_notify_cb), self,
                                 G_CONNECT_SWAPPED);
      sc_trend_chart_set_points (self->chart, NULL, 0);
      g_clear_pointer (&self->analysis, sc_kpi_analysis_free);
      show_analysis (self);
    }

  update_view (self);
  if (!same)
    sc_gauge_skip_animation (self->gauge);
  load_history (self);

  if (!same)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KPI]);
}

/**
 * sc_kpi_detail_page_get_gauge:
 * @self: a #ScKpiDetailPage
 *
 * Returns: (transfer none): the large gauge
 */
GtkWidget *
sc_kpi_detail_page_get_gauge (ScKpiDetailPage *self)
{
  g_return_val_if_fail (SC_IS_KPI_DETAIL_PAGE (self), NULL);

  return GTK_WIDGET (self->gauge);
}

/**
 * sc_kpi_detail_page_get_chart:
 * @self: a #ScKpiDetailPage
 *
 * Returns: (transfer none): the history chart
 */
GtkWidget *
sc_kpi_detail_page_get_chart (ScKpiDetailPage *self)
{
  g_return_val_if_fail (SC_IS_KPI_DETAIL_PAGE (self), NULL);

  return GTK_WIDGET (self->chart);
}

guint
sc_kpi_detail_page_get_n_submissions (ScKpiDetailPage *self)
{
  g_return_val_if_fail (SC_IS_KPI_DETAIL_PAGE (self), 0);

  return self->n_submissions;
}
