/* sc-alerts-page.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-alerts-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-alert-store.h"
#include "sc-alerts-page-private.h"
#include "sc-channels-window.h"
#include "sc-rule-dialog.h"

/* The incidents the alert rules opened: what fired, on which KPI, since
 * when, and the numbers that fired it. They are read on the store thread
 * and read again whenever the store changes, so a run of the rules after a
 * submission or a sync, or an acknowledgement from scorecard-cli, shows up
 * here. There are few incidents at a time, so the rows are rebuilt on each
 * read and filtered in place. */

G_DEFINE_FINAL_TYPE (ScAlertsPage, sc_alerts_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_N_ACTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void reload (ScAlertsPage *self);

/* Auxiliary methods */

void
_sc_alerts_page_ack_data_free (gpointer data)
{
  AckData *ack = data;

  g_free (ack->comment);
  g_free (ack);
}

static gpointer
list_alerts_job (ScStore       *store,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  return sc_store_list_alerts (store, TRUE, error);
}

static gpointer
acknowledge_job (ScStore       *store,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  AckData *ack = data;

  if (!sc_store_acknowledge_alert (store, ack->rule_id, ack->kpi_id, ack->now, ack->comment, error))
    return NULL;

  return GINT_TO_POINTER (TRUE);
}

gboolean
_sc_alerts_page_is_resolved (ScAlertStatus status)
{
  return status == SC_ALERT_STATUS_RESOLVED || status == SC_ALERT_STATUS_NORMAL ||
         status == SC_ALERT_STATUS_PENDING;
}

static gboolean
alert_matches (ScAlertsPage     *self,
               const ScAlertRow *alert)
{
  guint status = gtk_drop_down_get_selected (self->status_dropdown);
  guint severity = gtk_drop_down_get_selected (self->severity_dropdown);
  guint department = gtk_drop_down_get_selected (self->department_dropdown);

  switch (status)
    {
    case SC_ALERTS_FILTER_OPEN:
      if (alert->status != SC_ALERT_STATUS_FIRING && alert->status != SC_ALERT_STATUS_ACKNOWLEDGED)
        return FALSE;
      break;
    case SC_ALERTS_FILTER_ACTIVE:
      if (alert->status != SC_ALERT_STATUS_FIRING)
        return FALSE;
      break;
    case SC_ALERTS_FILTER_ACKNOWLEDGED:
      if (alert->status != SC_ALERT_STATUS_ACKNOWLEDGED)
        return FALSE;
      break;
    case SC_ALERTS_FILTER_RESOLVED:
      if (!_sc_alerts_page_is_resolved (alert->status))
        return FALSE;
      break;
    default:
      break;
    }

  /* Index 0 is "All" in both drop-downs; then the enums, in order. */
  if (severity != GTK_INVALID_LIST_POSITION && severity > 0 && alert->severity != severity - 1)
    return FALSE;

  if (department != GTK_INVALID_LIST_POSITION && department > 0)
    {
      ScDepartment value = SC_DEPARTMENT_NONE;

      if (!sc_department_from_key (alert->department, &value) || (guint)value != department)
        return FALSE;
    }

  return TRUE;
}

static gboolean
filter_row (GtkListBoxRow *row,
            gpointer       user_data)
{
  ScAlertsPage *self = user_data;
  const ScAlertRow *alert = g_object_get_data (G_OBJECT (row), "alert");

  return alert != NULL && alert_matches (self, alert);
}

static void
update_state (ScAlertsPage *self)
{
  guint status = gtk_drop_down_get_selected (self->status_dropdown);
  gboolean filtered = gtk_drop_down_get_selected (self->severity_dropdown) > 0 ||
                      gtk_drop_down_get_selected (self->department_dropdown) > 0;

  self->n_shown = 0;
  for (guint i = 0; i < self->alerts->len; i++)
    if (alert_matches (self, g_ptr_array_index (self->alerts, i)))
      self->n_shown++;

  gtk_list_box_invalidate_filter (self->list_box);

  if (self->n_shown > 0)
    {
      gtk_stack_set_visible_child_name (self->state_stack, "list");
      return;
    }

  if (!filtered && (status == SC_ALERTS_FILTER_OPEN || status == SC_ALERTS_FILTER_ACTIVE))
    {
      adw_status_page_set_icon_name (self->empty_page, "sc-completed-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Active Alerts"));
      adw_status_page_set_description (self->empty_page,
                                       _("Every KPI is within its alert rules."));
    }
  else
    {
      adw_status_page_set_icon_name (self->empty_page, "edit-find-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Matching Alerts"));
      adw_status_page_set_description (self->empty_page,
                                       _("Try another status, severity or department."));
    }
  gtk_stack_set_visible_child_name (self->state_stack, "empty");
}

static void
show_alerts (ScAlertsPage *self,
             GPtrArray    *alerts)
{
  GtkWidget *child;
  guint n_active = 0;

  /* The rows point into the old array: drop them first. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);

  g_clear_pointer (&self->alerts, g_ptr_array_unref);
  self->alerts = g_ptr_array_ref (alerts);

  for (guint i = 0; i < alerts->len; i++)
    {
      const ScAlertRow *alert = g_ptr_array_index (alerts, i);

      if (alert->status == SC_ALERT_STATUS_FIRING)
        n_active++;
      gtk_list_box_append (self->list_box, _sc_alerts_page_build_row (self, alert));
    }

  self->n_loads++;
  update_state (self);

  if (n_active != self->n_active)
    {
      self->n_active = n_active;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ACTIVE]);
    }
}

static void
add_toast (ScAlertsPage *self,
           const char   *text)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (text));
  else
    g_message ("%s", text);
}

/* Callbacks */

static void
list_alerts_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(ScAlertsPage) self = user_data;
  g_autoptr(GPtrArray) alerts = NULL;
  g_autoptr(GError) error = NULL;

  self->loading = FALSE;

  alerts = sc_store_thread_run_finish (SC_STORE_THREAD (object), result, &error);
  if (alerts == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        add_toast (self, error->message);
      return;
    }

  show_alerts (self, alerts);

  if (self->reload_pending)
    {
      self->reload_pending = FALSE;
      reload (self);
    }
}

static void
acknowledge_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(ScAlertsPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (sc_store_thread_run_finish (SC_STORE_THREAD (object), result, &error) == NULL &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *text = g_strdup_printf (_("Could not acknowledge the alert: %s"),
                                               error->message);

      add_toast (self, text);
    }
}

static void
on_ack_dialog_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           ScAlertsPage     *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "comment");
  const gint64 *ids = g_object_get_data (G_OBJECT (dialog), "ids");
  AckData *ack;

  g_assert (SC_IS_ALERTS_PAGE (self));

  if (g_strcmp0 (response, "acknowledge") != 0 || self->context == NULL)
    return;

  ack = g_new0 (AckData, 1);
  ack->rule_id = ids[0];
  ack->kpi_id = ids[1];
  ack->comment = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  if (*ack->comment == '\0')
    g_clear_pointer (&ack->comment, g_free);
  ack->now = g_get_real_time () / G_USEC_PER_SEC;

  sc_store_thread_run_async (sc_context_get_store (self->context), acknowledge_job, ack,
                             _sc_alerts_page_ack_data_free, NULL, self->cancellable, acknowledge_cb,
                             g_object_ref (self));
}

static void
on_filter_changed_cb (ScAlertsPage *self)
{
  g_assert (SC_IS_ALERTS_PAGE (self));

  if (self->alerts != NULL)
    update_state (self);
}

static void
on_store_changed_cb (ScAlertsPage  *self,
                     ScStoreChange  changes,
                     ScStoreThread *store)
{
  /* Runs of the rules and acknowledgements write alert states and the
   * delivery outbox; KPIs and submissions change names and departments. */
  if (changes & (SC_STORE_CHANGE_SETTINGS | SC_STORE_CHANGE_OUTBOX | SC_STORE_CHANGE_KPIS |
                 SC_STORE_CHANGE_SUBMISSIONS | SC_STORE_CHANGE_GROUPS))
    reload (self);
}

static void
reload (ScAlertsPage *self)
{
  if (self->loading)
    {
      self->reload_pending = TRUE;
      return;
    }

  self->loading = TRUE;
  sc_store_thread_run_async (sc_context_get_store (self->context), list_alerts_job, NULL, NULL,
                             (GDestroyNotify)g_ptr_array_unref, self->cancellable,
                             list_alerts_cb, g_object_ref (self));
}

static void
new_rule_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  ScAlertsPage *self = SC_ALERTS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  sc_rule_dialog_present (self->context, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
}

static void
channels_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  ScAlertsPage *self = SC_ALERTS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  sc_channels_window_present (self->context, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
}

/* Overrides */

static void
sc_alerts_page_constructed (GObject *object)
{
  ScAlertsPage *self = (ScAlertsPage *)object;
  g_autoptr(GtkStringList) severities = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) departments = gtk_string_list_new (NULL);

  G_OBJECT_CLASS (sc_alerts_page_parent_class)->constructed (object);

  gtk_string_list_append (severities, _("All Severities"));
  for (guint s = 0; s < SC_ALERT_N_SEVERITIES; s++)
    gtk_string_list_append (severities, sc_alert_severity_label ((ScAlertSeverity)s));
  gtk_drop_down_set_model (self->severity_dropdown, G_LIST_MODEL (severities));

  gtk_string_list_append (departments, _("All Departments"));
  for (guint d = 1; d <= SC_N_DEPARTMENTS; d++)
    gtk_string_list_append (departments, sc_department_label ((ScDepartment)d));
  gtk_drop_down_set_model (self->department_dropdown, G_LIST_MODEL (departments));

  gtk_list_box_set_filter_func (self->list_box, filter_row, self, NULL);

  g_signal_connect_object (sc_context_get_store (self->context), "changed",
                           G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
  reload (self);
}

static void
sc_alerts_page_dispose (GObject *object)
{
  ScAlertsPage *self = (ScAlertsPage *)object;
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_ALERTS_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (sc_alerts_page_parent_class)->dispose (object);
}

static void
sc_alerts_page_finalize (GObject *object)
{
  ScAlertsPage *self = (ScAlertsPage *)object;

  g_clear_object (&self->context);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->alerts, g_ptr_array_unref);

  G_OBJECT_CLASS (sc_alerts_page_parent_class)->finalize (object);
}

static void
sc_alerts_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ScAlertsPage *self = SC_ALERTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_N_ACTIVE:
      g_value_set_uint (value, self->n_active);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_alerts_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  ScAlertsPage *self = SC_ALERTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_alerts_page_class_init (ScAlertsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sc_alerts_page_constructed;
  object_class->dispose = sc_alerts_page_dispose;
  object_class->finalize = sc_alerts_page_finalize;
  object_class->get_property = sc_alerts_page_get_property;
  object_class->set_property = sc_alerts_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, SC_TYPE_CONTEXT,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ACTIVE] =
    g_param_spec_uint ("n-active", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "ui/sc-alerts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ScAlertsPage, filter_box);
  gtk_widget_class_bind_template_child (widget_class, ScAlertsPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ScAlertsPage, severity_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ScAlertsPage, department_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ScAlertsPage, state_stack);
  gtk_widget_class_bind_template_child (widget_class, ScAlertsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, ScAlertsPage, list_box);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);

  gtk_widget_class_install_action (widget_class, "alerts.new-rule", NULL, new_rule_action);
  gtk_widget_class_install_action (widget_class, "alerts.channels", NULL, channels_action);

  gtk_widget_class_set_css_name (widget_class, "alertspage");
}

static void
sc_alerts_page_init (ScAlertsPage *self)
{
  self->cancellable = g_cancellable_new ();
  self->n_deliveries = -1;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The flow box only wraps the filters on a narrow window: Tab goes
   * straight to the drop-downs. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->filter_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);
}

/* Public API */

GtkWidget *
sc_alerts_page_new (ScContext *context)
{
  g_return_val_if_fail (SC_IS_CONTEXT (context), NULL);

  return g_object_new (SC_TYPE_ALERTS_PAGE, "context", context, NULL);
}

/**
 * sc_alerts_page_get_n_active:
 * @self: a #ScAlertsPage
 *
 * Returns: how many alerts fired and nobody acknowledged yet
 */
guint
sc_alerts_page_get_n_active (ScAlertsPage *self)
{
  g_return_val_if_fail (SC_IS_ALERTS_PAGE (self), 0);
  return self->n_active;
}

/**
 * sc_alerts_page_get_n_loads:
 * @self: a #ScAlertsPage
 *
 * Returns: how many times the alerts were read from the store
 */
guint
sc_alerts_page_get_n_loads (ScAlertsPage *self)
{
  g_return_val_if_fail (SC_IS_ALERTS_PAGE (self), 0);
  return self->n_loads;
}

/**
 * sc_alerts_page_get_n_shown:
 * @self: a #ScAlertsPage
 *
 * Returns: how many alerts the filters let through
 */
guint
sc_alerts_page_get_n_shown (ScAlertsPage *self)
{
  g_return_val_if_fail (SC_IS_ALERTS_PAGE (self), 0);
  return self->n_shown;
}

/**
 * sc_alerts_page_get_empty:
 * @self: a #ScAlertsPage
 *
 * Returns: whether the page shows its empty state instead of a list
 */
gboolean
sc_alerts_page_get_empty (ScAlertsPage *self)
{
  g_return_val_if_fail (SC_IS_ALERTS_PAGE (self), FALSE);
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->state_stack), "empty") == 0;
}

void
sc_alerts_page_set_filter (ScAlertsPage   *self,
                           ScAlertsFilter  filter)
{
  g_return_if_fail (SC_IS_ALERTS_PAGE (self));
  g_return_if_fail (filter <= SC_ALERTS_FILTER_ALL);

  gtk_drop_down_set_selected (self->status_dropdown, filter);
}

/**
 * sc_alerts_page_set_severity:
 * @self: a #ScAlertsPage
 * @severity: an #ScAlertSeverity, or -1 for all
 *
 * Shows only the alerts of one severity.
 */
void
sc_alerts_page_set_severity (ScAlertsPage *self,
                             int           severity)
{
  g_return_if_fail (SC_IS_ALERTS_PAGE (self));
  g_return_if_fail (severity >= -1 && severity < SC_ALERT_N_SEVERITIES);

  gtk_drop_down_set_selected (self->severity_dropdown, (guint)(severity + 1));
}

void
sc_alerts_page_set_department (ScAlertsPage *self,
                               const char   *key)
{
  ScDepartment department = SC_DEPARTMENT_NONE;

  g_return_if_fail (SC_IS_ALERTS_PAGE (self));

  sc_department_from_key (key, &department);
  gtk_drop_down_set_selected (self->department_dropdown, department);
}

/**
 * sc_alerts_page_show_deliveries:
 * @self: a #ScAlertsPage
 * @rule_id: a rule
 * @kpi_id: a KPI
 *
 * Opens the delivery log of that rule's alert on that KPI.
 */
void
sc_alerts_page_show_deliveries (ScAlertsPage *self,
                                gint64        rule_id,
                                gint64        kpi_id)
{
  GtkWidget *row;

  g_return_if_fail (SC_IS_ALERTS_PAGE (self));

  if ((row = sc_alerts_page_get_row (self, rule_id, kpi_id)) != NULL)
    gtk_menu_button_popup (g_object_get_data (G_OBJECT (row), "deliveries"));
}

/**
 * sc_alerts_page_get_n_deliveries:
 * @self: a #ScAlertsPage
 *
 * Returns: how many deliveries the open delivery log lists, -1 while it
 *   loads
 */
int
sc_alerts_page_get_n_deliveries (ScAlertsPage *self)
{
  g_return_val_if_fail (SC_IS_ALERTS_PAGE (self), -1);
  return self->n_deliveries;
}

/**
 * sc_alerts_page_get_row:
 * @self: a #ScAlertsPage
 * @rule_id: a rule
 * @kpi_id: a KPI
 *
 * Returns: (transfer none) (nullable): the row of that rule's incident on
 *   that KPI, shown or filtered out
 */
GtkWidget *
sc_alerts_page_get_row (ScAlertsPage *self,
                        gint64        rule_id,
                        gint64        kpi_id)
{
  g_return_val_if_fail (SC_IS_ALERTS_PAGE (self), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const ScAlertRow *alert = g_object_get_data (G_OBJECT (child), "alert");

      if (alert != NULL && alert->rule_id == rule_id && alert->kpi_id == kpi_id)
        return child;
    }

  return NULL;
}

/**
 * sc_alerts_page_acknowledge:
 * @self: a #ScAlertsPage
 * @rule_id: a rule
 * @kpi_id: a KPI
 *
 * Asks for an optional comment, then acknowledges the rule's open alert
 * on the KPI, on the store thread.
 */
void
sc_alerts_page_acknowledge (ScAlertsPage *self,
                            gint64        rule_id,
                            gint64        kpi_id)
{
  GtkWidget *dialog, *entry;
  GtkRoot *root;
  gint64 *ids;
  const char *kpi = NULL;
  g_autofree char *body = NULL;

  g_return_if_fail (SC_IS_ALERTS_PAGE (self));

  for (guint i = 0; self->alerts != NULL && i < self->alerts->len; i++)
    {
      const ScAlertRow *alert = g_ptr_array_index (self->alerts, i);

      if (alert->rule_id == rule_id && alert->kpi_id == kpi_id)
        kpi = alert->kpi_name;
    }

  body = g_strdup_printf (_("The alert on “%s” stops escalating. It still resolves on its own "
                            "when the KPI recovers."), kpi != NULL ? kpi : "");
  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Acknowledge Alert?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "acknowledge", _("_Acknowledge"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "acknowledge",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "acknowledge");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Comment (optional)"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Comment"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);

  ids = g_new (gint64, 2);
  ids[0] = rule_id;
  ids[1] = kpi_id;
  g_object_set_data_full (G_OBJECT (dialog), "ids", ids, g_free);
  g_object_set_data (G_OBJECT (dialog), "comment", entry);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_ack_dialog_response_cb), self, 0);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}
