/* sc-rule-dialog.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-rule-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-alert-engine.h"
#include "sc-alert-outbox.h"
#include "sc-alert-store.h"
#include "sc-kpi.h"
#include "sc-rule-dialog.h"
#include "sc-window.h"

/* A new alert rule (threshold, trend, anomaly or target risk) with a
 * preview of what it would have fired on the last 90 days of one KPI. The
 * history is read on the store thread once per KPI; the replay itself is a
 * pure function over at most a few hundred values, cheap enough to run on
 * every change. */

#define PREVIEW_DAYS 90

enum {
  SCOPE_ROW_ALL,
  SCOPE_ROW_KPI,
  SCOPE_ROW_DEPARTMENT,
};

struct _ScRuleDialog
{
  AdwWindow          parent_instance;

  ScContext         *context;
  GCancellable      *cancellable;
  GArray            *kpi_ids;          /* gint64, the order of both KPI rows */
  GHashTable        *histories;        /* gint64 → GArray of ScHistoryPoint */
  GHashTable        *requested;        /* gint64 → itself */
  GArray            *channel_ids;      /* gint64 */
  GPtrArray         *channel_checks;   /* GtkCheckButton, as channel_ids */
  gint64             since;
  int                preview_count;
  gboolean           busy;

  /* Template widgets */
  AdwToastOverlay   *toast_overlay;
  GtkWidget         *save_button;
  AdwEntryRow       *name_row;
  AdwComboRow       *type_row;
  AdwComboRow       *metric_row;
  AdwActionRow      *level_row;
  AdwComboRow       *comparison_row;
  GtkSpinButton     *level_spin;
  GtkSpinButton     *hysteresis_spin;
  GtkSpinButton     *dwell_spin;
  AdwComboRow       *severity_row;
  AdwComboRow       *scope_row;
  AdwComboRow       *kpi_row;
  AdwComboRow       *department_row;
  AdwPreferencesGroup *channels_group;
  GtkSpinButton     *escalation_spin;
  AdwComboRow       *preview_row;
  AdwActionRow      *preview_result_row;
};

G_DEFINE_FINAL_TYPE (ScRuleDialog, sc_rule_dialog, ADW_TYPE_WINDOW)

typedef struct
{
  ScAlertRule *rule;
  GArray      *channels;
  gint64       now;
} SaveData;

static void update (ScRuleDialog *self);

/* Auxiliary methods */

static void
save_data_free (gpointer data)
{
  SaveData *save = data;

  g_clear_pointer (&save->rule, sc_alert_rule_free);
  g_clear_pointer (&save->channels, g_array_unref);
  g_free (save);
}

static gpointer
save_job (ScStore       *store,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  SaveData *save = data;
  gint64 *id = g_new (gint64, 1);

  *id = sc_store_add_alert_rule (store, save->rule, (const gint64 *)(gpointer)save->channels->data,
                                 save->channels->len, save->now, error);
  if (*id == 0)
    {
      g_free (id);
      return NULL;
    }

  return id;
}

static gpointer
list_channels_job (ScStore       *store,
                   gpointer       data,
                   GCancellable  *cancellable,
                   GError       **error)
{
  return sc_store_list_alert_channels (store, error);
}

static gint64
selected_kpi (ScRuleDialog *self,
              AdwComboRow  *row)
{
  guint index = adw_combo_row_get_selected (row);

  if (index == GTK_INVALID_LIST_POSITION || index >= self->kpi_ids->len)
    return 0;

  return g_array_index (self->kpi_ids, gint64, index);
}

static void
select_kpi (ScRuleDialog *self,
            AdwComboRow  *row,
            gint64        kpi_id)
{
  for (guint i = 0; i < self->kpi_ids->len; i++)
    if (g_array_index (self->kpi_ids, gint64, i) == kpi_id)
      {
        adw_combo_row_set_selected (row, i);
        return;
      }
}

static ScAlertRule *
build_rule (ScRuleDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  ScAlertRule *rule = sc_alert_rule_new (name);
  guint scope = adw_combo_row_get_selected (self->scope_row);
  int escalation_minutes = gtk_spin_button_get_value_as_int (self->escalation_spin);

  /* The rows list the enums in their order. */
  rule->type = (ScAlertType)MIN (adw_combo_row_get_selected (self->type_row),
                                 SC_ALERT_TYPE_TARGET_RISK);
  rule->metric = adw_combo_row_get_selected (self->metric_row) == 1 ? SC_ALERT_METRIC_ACHIEVEMENT
                                                                    : SC_ALERT_METRIC_VALUE;
  rule->comparison = (ScAlertComparison)MIN (adw_combo_row_get_selected (self->comparison_row),
                                             SC_ALERT_COMPARISON_OUTSIDE);
  rule->level = gtk_spin_button_get_value (self->level_spin);
  rule->hysteresis = gtk_spin_button_get_value (self->hysteresis_spin);
  rule->dwell_samples = (guint)gtk_spin_button_get_value_as_int (self->dwell_spin);
  rule->severity = (ScAlertSeverity)MIN (adw_combo_row_get_selected (self->severity_row),
                                         SC_ALERT_N_SEVERITIES - 1);

  if (scope == SCOPE_ROW_KPI)
    {
      rule->scope = SC_ALERT_SCOPE_KPI;
      rule->scope_kpi_id = selected_kpi (self, self->kpi_row);
    }
  else if (scope == SCOPE_ROW_DEPARTMENT)
    {
      guint department = adw_combo_row_get_selected (self->department_row);

      rule->scope = SC_ALERT_SCOPE_DEPARTMENT;
      if (department != GTK_INVALID_LIST_POSITION)
        rule->scope_department = g_strdup (sc_department_to_key ((ScDepartment)(department + 1)));
    }
  else
    rule->scope = SC_ALERT_SCOPE_ALL;

  rule->escalation_seconds = (gint64)escalation_minutes * 60;
  rule->escalation_severity = SC_ALERT_SEVERITY_URGENT;

  return rule;
}

static void
show_preview (ScRuleDialog      *self,
              const ScAlertRule *rule)
{
  gint64 kpi_id = selected_kpi (self, self->preview_row);
  g_autoptr(GArray) events = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  GArray *history;
  ScKpiFacts facts;
  ScKpi *kpi;
  guint fired = 0;

  self->preview_count = -1;

  if (kpi_id == 0 || !(kpi = sc_context_lookup_kpi (self->context, kpi_id)))
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->preview_result_row),
                                     _("Choose a KPI to preview the rule on."));
      return;
    }

  history = g_hash_table_lookup (self->histories, &kpi_id);
  if (history == NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->preview_result_row),
                                     _("Loading the history…"));
      return;
    }

  if (history->len == 0)
    {
      self->preview_count = 0;
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->preview_result_row),
                                     _("No values in the last 90 days to preview on."));
      return;
    }

  tz = g_time_zone_new_local ();
  sc_kpi_facts_from_kpi (&facts, kpi);
  events = sc_alert_preview (rule, (const ScHistoryPoint *)(gpointer)history->data, history->len,
                             &facts, tz);
  sc_kpi_facts_clear (&facts);

  for (guint i = 0; i < events->len; i++)
    if (g_array_index (events, ScAlertEvent, i).type == SC_ALERT_EVENT_FIRED)
      fired++;

  self->preview_count = (int)fired;

  if (fired == 0)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->preview_result_row),
                                   _("Would not have fired in the last 90 days."));
  else
    {
      g_autofree char *text =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "Would have fired %u time in the last 90 days, on %u values.",
                                      "Would have fired %u times in the last 90 days, on %u values.",
                                      fired),
                         fired, history->len);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->preview_result_row), text);
    }
}

typedef struct
{
  ScRuleDialog *self;
  gint64        kpi_id;
} HistoryRequest;

static void
history_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  HistoryRequest *request = user_data;
  g_autoptr(ScRuleDialog) self = request->self;
  g_autoptr(GError) error = NULL;
  GArray *history;
  gint64 *key;

  key = g_new (gint64, 1);
  *key = request->kpi_id;
  g_free (request);

  history = sc_context_history_finish (self->context, result, &error);
  if (history == NULL)
    {
      g_hash_table_remove (self->requested, key);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->preview_result_row),
                                       error->message);
      g_free (key);
      return;
    }

  g_hash_table_insert (self->histories, key, history);
  update (self);
}

static void
request_history (ScRuleDialog *self,
                 gint64        kpi_id)
{
  HistoryRequest *request;
  gint64 *key;

  if (kpi_id == 0 || g_hash_table_contains (self->requested, &kpi_id))
    return;

  key = g_new (gint64, 1);
  *key = kpi_id;
  g_hash_table_add (self->requested, key);

  request = g_new0 (HistoryRequest, 1);
  request->self = g_object_ref (self);
  request->kpi_id = kpi_id;
  sc_context_history_async (self->context, kpi_id, self->since, 0, self->cancellable, history_cb,
                            request);
}

static void
update (ScRuleDialog *self)
{
  g_autoptr(ScAlertRule) rule = build_rule (self);
  g_autoptr(GError) error = NULL;
  guint scope = adw_combo_row_get_selected (self->scope_row);
  gboolean valid;

  gtk_widget_set_visible (GTK_WIDGET (self->metric_row), rule->type == SC_ALERT_TYPE_THRESHOLD);
  gtk_widget_set_visible (GTK_WIDGET (self->level_row), rule->type != SC_ALERT_TYPE_ANOMALY);
  switch (rule->type)
    {
    case SC_ALERT_TYPE_TREND:
      adw_action_row_set_subtitle (self->level_row, _("The 30-day change, in percent"));
      break;
    case SC_ALERT_TYPE_TARGET_RISK:
      adw_action_row_set_subtitle (self->level_row,
                                   _("The chance of meeting the target by the period’s end, in percent"));
      break;
    case SC_ALERT_TYPE_THRESHOLD:
      adw_action_row_set_subtitle (self->level_row, rule->metric == SC_ALERT_METRIC_ACHIEVEMENT
                                                      ? _("Percent of the target")
                                                      : _("In the KPI’s unit"));
      break;
    case SC_ALERT_TYPE_ANOMALY:
    default:
      break;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->kpi_row), scope == SCOPE_ROW_KPI);
  gtk_widget_set_visible (GTK_WIDGET (self->department_row), scope == SCOPE_ROW_DEPARTMENT);

  valid = sc_alert_rule_validate (rule, &error);
  gtk_widget_set_sensitive (self->save_button, valid && !self->busy);
  gtk_widget_set_tooltip_text (self->save_button, valid ? NULL : error->message);

  if (!valid && !(rule->name == NULL || *rule->name == '\0'))
    {
      self->preview_count = -1;
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->preview_result_row), error->message);
      return;
    }

  request_history (self, selected_kpi (self, self->preview_row));
  show_preview (self, rule);
}

static void
list_channels_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(ScRuleDialog) self = user_data;
  g_autoptr(GPtrArray) channels = NULL;
  g_autoptr(GError) error = NULL;

  channels = sc_store_thread_run_finish (SC_STORE_THREAD (object), result, &error);
  if (channels == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }

  for (guint i = 0; i < channels->len; i++)
    {
      const ScAlertChannel *channel = g_ptr_array_index (channels, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      if (!channel->enabled)
        continue;

      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), channel->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), channel->kind);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->channels_group, row);

      g_array_append_val (self->channel_ids, channel->id);
      g_ptr_array_add (self->channel_checks, check);
    }
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(ScRuleDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree gint64 *id = NULL;
  GtkWindow *parent;

  self->busy = FALSE;

  id = sc_store_thread_run_finish (SC_STORE_THREAD (object), result, &error);
  if (id == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *text = g_strdup_printf (_("Could not save the rule: %s"), error->message);

          adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
          update (self);
        }
      return;
    }

  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  if (SC_IS_WINDOW (parent))
    {
      g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
      /* Translators: a toast after saving an alert rule */
      g_autofree char *text = g_strdup_printf (_("Added the alert rule “%s”"), name);

      sc_window_add_toast (SC_WINDOW (parent), text);
    }

  gtk_window_close (GTK_WINDOW (self));
}

static void
on_input_changed_cb (ScRuleDialog *self)
{
  g_assert (SC_IS_RULE_DIALOG (self));

  if (self->kpi_ids != NULL)
    update (self);
}

static void
on_preview_kpi_changed_cb (ScRuleDialog *self)
{
  g_assert (SC_IS_RULE_DIALOG (self));

  if (self->kpi_ids != NULL)
    update (self);
}

static void
on_kpi_row_selected_cb (ScRuleDialog *self)
{
  gint64 kpi_id = selected_kpi (self, self->kpi_row);

  /* Preview a one-KPI rule on its KPI. */
  if (kpi_id != 0 && adw_combo_row_get_selected (self->scope_row) == SCOPE_ROW_KPI)
    select_kpi (self, self->preview_row, kpi_id);
}

static void
on_save_clicked_cb (ScRuleDialog *self)
{
  g_assert (SC_IS_RULE_DIALOG (self));

  sc_rule_dialog_save (self);
}

/* Overrides */

static void
sc_rule_dialog_dispose (GObject *object)
{
  ScRuleDialog *self = (ScRuleDialog *)object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_RULE_DIALOG);

  G_OBJECT_CLASS (sc_rule_dialog_parent_class)->dispose (object);
}

static void
sc_rule_dialog_finalize (GObject *object)
{
  ScRuleDialog *self = (ScRuleDialog *)object;

  g_clear_object (&self->context);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->kpi_ids, g_array_unref);
  g_clear_pointer (&self->histories, g_hash_table_unref);
  g_clear_pointer (&self->requested, g_hash_table_unref);
  g_clear_pointer (&self->channel_ids, g_array_unref);
  g_clear_pointer (&self->channel_checks, g_ptr_array_unref);

  G_OBJECT_CLASS (sc_rule_dialog_parent_class)->finalize (object);
}

static void
sc_rule_dialog_class_init (ScRuleDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_rule_dialog_dispose;
  object_class->finalize = sc_rule_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "ui/sc-rule-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ScRuleDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ScRuleDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, ScRuleDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, ScRuleDialog, type_row);
  gtk_widget_class_bind_template_child (widget_class, ScRuleDialog, metric_row);
  gtk_widget_class_bind_template_child (widget_class, ScRuleDialog, level_row);
  gtk_widget_class_bind_template_child (widget_class, ScRuleDialog, comparison_row);
  gtk_widget_class_bind_template_child (widget_class, ScRuleDialog, level_spin);
  gtk_widget_class_bind_template_child (widget_class, ScRuleDialog, hysteresis_spin);
  gtk_widget_class_bind_template_child (widget_class, ScRuleDialog, dwell_spin);
  gtk_widget_class_bind_template_child (widget_class, ScRuleDialog, severity_row);
  gtk_widget_class_bind_template_child (widget_class, ScRuleDialog, scope_row);
  gtk_widget_class_bind_template_child (widget_class, ScRuleDialog, kpi_row);
  gtk_widget_class_bind_template_child (widget_class, ScRuleDialog, department_row);
  gtk_widget_class_bind_template_child (widget_class, ScRuleDialog, channels_group);
  gtk_widget_class_bind_template_child (widget_class, ScRuleDialog, escalation_spin);
  gtk_widget_class_bind_template_child (widget_class, ScRuleDialog, preview_row);
  gtk_widget_class_bind_template_child (widget_class, ScRuleDialog, preview_result_row);
  gtk_widget_class_bind_template_callback (widget_class, on_input_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_preview_kpi_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sc_rule_dialog_init (ScRuleDialog *self)
{
  self->cancellable = g_cancellable_new ();
  self->histories = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                           (GDestroyNotify)g_array_unref);
  self->requested = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->channel_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->channel_checks = g_ptr_array_new ();
  self->preview_count = -1;
  self->since = g_get_real_time () / G_USEC_PER_SEC - (gint64)PREVIEW_DAYS * 86400;

  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

/**
 * sc_rule_dialog_present:
 * @context: the app's context
 * @parent: (nullable): the window to be modal to
 *
 * Returns: (transfer none): the dialog, shown
 */
ScRuleDialog *
sc_rule_dialog_present (ScContext *context,
                        GtkWindow *parent)
{
  g_autoptr(GtkStringList) kpis = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) departments = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) severities = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) types = gtk_string_list_new (NULL);
  GListModel *model;
  ScRuleDialog *self;

  g_return_val_if_fail (SC_IS_CONTEXT (context), NULL);

  self = g_object_new (SC_TYPE_RULE_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);

  for (guint t = SC_ALERT_TYPE_THRESHOLD; t <= SC_ALERT_TYPE_TARGET_RISK; t++)
    gtk_string_list_append (types, sc_alert_type_label ((ScAlertType)t));
  adw_combo_row_set_model (self->type_row, G_LIST_MODEL (types));

  for (guint s = 0; s < SC_ALERT_N_SEVERITIES; s++)
    gtk_string_list_append (severities, sc_alert_severity_label ((ScAlertSeverity)s));
  adw_combo_row_set_model (self->severity_row, G_LIST_MODEL (severities));
  adw_combo_row_set_selected (self->severity_row, SC_ALERT_SEVERITY_WARNING);
  adw_combo_row_set_selected (self->comparison_row, 1);
  adw_combo_row_set_selected (self->metric_row, 1);

  for (guint d = 1; d <= SC_N_DEPARTMENTS; d++)
    gtk_string_list_append (departments, sc_department_label ((ScDepartment)d));
  adw_combo_row_set_model (self->department_row, G_LIST_MODEL (departments));

  model = sc_context_get_kpis (context);
  self->kpi_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ScKpi) kpi = g_list_model_get_item (model, i);
      gint64 id = sc_kpi_get_id (kpi);

      gtk_string_list_append (kpis, sc_kpi_get_name (kpi));
      g_array_append_val (self->kpi_ids, id);
    }
  adw_combo_row_set_model (self->kpi_row, G_LIST_MODEL (kpis));
  adw_combo_row_set_model (self->preview_row, G_LIST_MODEL (kpis));
  g_signal_connect_object (self->kpi_row, "notify::selected", G_CALLBACK (on_kpi_row_selected_cb),
                           self, G_CONNECT_SWAPPED);

  sc_store_thread_run_async (sc_context_get_store (context), list_channels_job, NULL, NULL,
                             (GDestroyNotify)g_ptr_array_unref, self->cancellable,
                             list_channels_cb, g_object_ref (self));

  update (self);
  gtk_window_present (GTK_WINDOW (self));

  return self;
}

/**
 * sc_rule_dialog_set_rule:
 * @self: a #ScRuleDialog
 * @rule: a rule to start from
 *
 * Fills the form from @rule.
 */
void
sc_rule_dialog_set_rule (ScRuleDialog      *self,
                         const ScAlertRule *rule)
{
  g_return_if_fail (SC_IS_RULE_DIALOG (self));
  g_return_if_fail (rule != NULL);

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), rule->name != NULL ? rule->name : "");
  adw_combo_row_set_selected (self->type_row, rule->type);
  adw_combo_row_set_selected (self->metric_row, rule->metric == SC_ALERT_METRIC_ACHIEVEMENT ? 1 : 0);
  adw_combo_row_set_selected (self->comparison_row, rule->comparison);
  gtk_spin_button_set_value (self->level_spin, rule->level);
  gtk_spin_button_set_value (self->hysteresis_spin, rule->hysteresis);
  gtk_spin_button_set_value (self->dwell_spin, rule->dwell_samples);
  adw_combo_row_set_selected (self->severity_row, rule->severity);
  gtk_spin_button_set_value (self->escalation_spin, (double)(rule->escalation_seconds / 60));

  switch (rule->scope)
    {
    case SC_ALERT_SCOPE_KPI:
      adw_combo_row_set_selected (self->scope_row, SCOPE_ROW_KPI);
      select_kpi (self, self->kpi_row, rule->scope_kpi_id);
      break;
    case SC_ALERT_SCOPE_DEPARTMENT:
      {
        ScDepartment department = SC_DEPARTMENT_NONE;

        adw_combo_row_set_selected (self->scope_row, SCOPE_ROW_DEPARTMENT);
        if (sc_department_from_key (rule->scope_department, &department) && department > 0)
          adw_combo_row_set_selected (self->department_row, department - 1);
      }
      break;
    default:
      adw_combo_row_set_selected (self->scope_row, SCOPE_ROW_ALL);
      break;
    }

  update (self);
}

/**
 * sc_rule_dialog_get_rule:
 * @self: a #ScRuleDialog
 *
 * Returns: (transfer full): the rule as the form describes it
 */
ScAlertRule *
sc_rule_dialog_get_rule (ScRuleDialog *self)
{
  g_return_val_if_fail (SC_IS_RULE_DIALOG (self), NULL);
  return build_rule (self);
}

void
sc_rule_dialog_set_preview_kpi (ScRuleDialog *self,
                                gint64        kpi_id)
{
  g_return_if_fail (SC_IS_RULE_DIALOG (self));

  select_kpi (self, self->preview_row, kpi_id);
}

/**
 * sc_rule_dialog_get_preview_count:
 * @self: a #ScRuleDialog
 *
 * Returns: how many alerts the rule would have fired on the preview KPI's
 *   last 90 days, or -1 while its history loads or the rule is invalid
 */
int
sc_rule_dialog_get_preview_count (ScRuleDialog *self)
{
  g_return_val_if_fail (SC_IS_RULE_DIALOG (self), -1);
  return self->preview_count;
}

/**
 * sc_rule_dialog_get_preview_since:
 * @self: a #ScRuleDialog
 *
 * Returns: the start of the history the preview replays
 */
gint64
sc_rule_dialog_get_preview_since (ScRuleDialog *self)
{
  g_return_val_if_fail (SC_IS_RULE_DIALOG (self), 0);
  return self->since;
}

/**
 * sc_rule_dialog_get_n_channels:
 * @self: a #ScRuleDialog
 *
 * Returns: how many channels the rule can notify; 0 until they are read
 */
guint
sc_rule_dialog_get_n_channels (ScRuleDialog *self)
{
  g_return_val_if_fail (SC_IS_RULE_DIALOG (self), 0);
  return self->channel_ids->len;
}

void
sc_rule_dialog_set_channel_active (ScRuleDialog *self,
                                   guint         index,
                                   gboolean      active)
{
  g_return_if_fail (SC_IS_RULE_DIALOG (self));
  g_return_if_fail (index < self->channel_checks->len);

  gtk_check_button_set_active (g_ptr_array_index (self->channel_checks, index), active);
}

gboolean
sc_rule_dialog_can_save (ScRuleDialog *self)
{
  g_return_val_if_fail (SC_IS_RULE_DIALOG (self), FALSE);
  return gtk_widget_get_sensitive (self->save_button);
}

/**
 * sc_rule_dialog_save:
 * @self: a #ScRuleDialog
 *
 * Adds the rule on the store thread, then closes the dialog; an error
 * shows in a toast and the dialog stays.
 */
void
sc_rule_dialog_save (ScRuleDialog *self)
{
  SaveData *save;

  g_return_if_fail (SC_IS_RULE_DIALOG (self));

  if (!sc_rule_dialog_can_save (self))
    return;

  save = g_new0 (SaveData, 1);
  save->rule = build_rule (self);
  save->channels = g_array_new (FALSE, FALSE, sizeof (gint64));
  save->now = g_get_real_time () / G_USEC_PER_SEC;
  for (guint i = 0; i < self->channel_checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->channel_checks, i)))
      g_array_append_val (save->channels, g_array_index (self->channel_ids, gint64, i));

  self->busy = TRUE;
  gtk_widget_set_sensitive (self->save_button, FALSE);
  sc_store_thread_run_async (sc_context_get_store (self->context), save_job, save, save_data_free,
                             g_free, self->cancellable, save_cb, g_object_ref (self));
}
