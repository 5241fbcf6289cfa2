/* sc-alerts-page.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-alerts-page"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>

#include "sc-alert-outbox.h"
#include "sc-alert-store.h"
#include "sc-alerts-page.h"
#include "sc-channels-window.h"
#include "sc-format.h"
#include "sc-rule-dialog.h"

/* The incidents the alert rules opened: what fired, on which KPI, since
 * when, and the numbers that fired it. They are read on the store thread
 * and read again whenever the store changes, so a run of the rules after a
 * submission or a sync, or an acknowledgement from scorecard-cli, shows up
 * here. There are few incidents at a time, so the rows are rebuilt on each
 * read and filtered in place. */

struct _ScAlertsPage
{
  GtkWidget       parent_instance;

  ScContext      *context;
  GCancellable   *cancellable;
  GPtrArray      *alerts;          /* ScAlertRow, in the store's order */
  guint           n_active;
  guint           n_loads;
  guint           n_shown;
  int             n_deliveries;
  guint           loading : 1;
  guint           reload_pending : 1;

  /* Template widgets */
  GtkFlowBox     *filter_box;
  GtkDropDown    *status_dropdown;
  GtkDropDown    *severity_dropdown;
  GtkDropDown    *department_dropdown;
  GtkStack       *state_stack;
  AdwStatusPage  *empty_page;
  GtkListBox     *list_box;
};

G_DEFINE_FINAL_TYPE (ScAlertsPage, sc_alerts_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_N_ACTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  gint64  rule_id;
  gint64  kpi_id;
  char   *comment;
  gint64  now;
  guint   incident;
} AckData;

static void reload (ScAlertsPage *self);

/* Auxiliary methods */

static void
ack_data_free (gpointer data)
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

static gpointer
deliveries_job (ScStore       *store,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  AckData *which = data;

  return sc_store_list_incident_deliveries (store, which->rule_id, which->kpi_id, which->incident,
                                            error);
}

static gboolean
is_resolved (ScAlertStatus status)
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
      if (!is_resolved (alert->status))
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

static char *
format_time (gint64 unix_time)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (unix_time);

  if (time == NULL)
    return g_strdup ("—");

  /* Translators: the date and time an alert fired, see g_date_time_format() */
  return g_date_time_format (time, C_("alert time", "%-d %b %Y, %H:%M"));
}

static char *
format_value (double value)
{
  int decimals;

  if (fabs (value) >= 1000 || value == round (value))
    decimals = 0;
  else if (fabs (value) >= 10)
    decimals = 1;
  else
    decimals = 2;

  return sc_format_number (value, decimals);
}

static gboolean
read_number (JsonObject *object,
             const char *name,
             double     *value)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node) || json_node_get_value_type (node) == G_TYPE_STRING)
    return FALSE;

  *value = json_node_get_double (node);
  return isfinite (*value);
}

/* "Value 72 · Measured 72.3 · Level 80 · Clears at 85": the numbers that
 * fired the alert, from its latest event. */
static char *
format_numbers (const char *details)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  JsonObject *object;
  double value, metric, baseline, lower, upper, level, clear;
  gboolean has_value;

  if (details == NULL || !json_parser_load_from_data (parser, details, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;

  object = json_node_get_object (json_parser_get_root (parser));

  if ((has_value = read_number (object, "value", &value)))
    {
      g_autofree char *text = format_value (value);

      g_ptr_array_add (parts, g_strdup_printf (_("Value %s"), text));
    }
  if (read_number (object, "metric", &metric) && (!has_value || metric != value))
    {
      g_autofree char *text = format_value (metric);

      /* Translators: the number the rule compared: an achievement or a change in percent */
      g_ptr_array_add (parts, g_strdup_printf (_("Measured %s"), text));
    }
  if (read_number (object, "baseline", &baseline))
    {
      g_autofree char *text = format_value (baseline);

      g_ptr_array_add (parts, g_strdup_printf (_("Baseline %s"), text));
    }
  if (read_number (object, "lower95", &lower) && read_number (object, "upper95", &upper))
    {
      g_autofree char *low = format_value (lower);
      g_autofree char *high = format_value (upper);

      /* Translators: the forecast's 95 % band */
      g_ptr_array_add (parts, g_strdup_printf (_("Expected %s – %s"), low, high));
    }
  if (read_number (object, "level", &level))
    {
      g_autofree char *text = format_value (level);

      g_ptr_array_add (parts, g_strdup_printf (_("Level %s"), text));
    }
  if (read_number (object, "clear_level", &clear) && (!read_number (object, "level", &level) ||
                                                      clear != level))
    {
      g_autofree char *text = format_value (clear);

      g_ptr_array_add (parts, g_strdup_printf (_("Clears at %s"), text));
    }

  if (parts->len == 0)
    return NULL;

  g_ptr_array_add (parts, NULL);

  return g_strjoinv (" · ", (char **)parts->pdata);
}

static char *
describe_status (const ScAlertRow *alert)
{
  g_autofree char *fired = format_time (alert->fired_at);

  switch (alert->status)
    {
    case SC_ALERT_STATUS_FIRING:
      return g_strdup_printf (_("Active since %s"), fired);
    case SC_ALERT_STATUS_ACKNOWLEDGED:
      {
        g_autofree char *acknowledged = format_time (alert->acknowledged_at);

        return g_strdup_printf (_("Since %s · Acknowledged %s"), fired, acknowledged);
      }
    default:
      if (alert->resolved_at > 0)
        {
          g_autofree char *resolved = format_time (alert->resolved_at);

          return g_strdup_printf (_("Since %s · Resolved %s"), fired, resolved);
        }
      return g_strdup_printf (_("Since %s · Resolved"), fired);
    }
}

static GtkWidget *
add_label (GtkBox     *box,
           const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (box, label);

  return label;
}

static void on_acknowledge_clicked_cb (ScAlertsPage *self,
                                       GtkButton    *button);
static void on_deliveries_shown_cb    (ScAlertsPage *self,
                                       GtkPopover   *popover);

static GtkWidget *
build_row (ScAlertsPage     *self,
           const ScAlertRow *alert)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *severity, *title, *button, *chevron;
  const char *kpi = alert->kpi_name != NULL ? alert->kpi_name : _("Unknown KPI");
  g_autofree char *status = describe_status (alert);
  g_autofree char *subtitle = g_strdup_printf ("%s · %s", alert->rule_name ? alert->rule_name : "",
                                               status);
  g_autofree char *numbers = format_numbers (alert->details);
  g_autofree char *accessible = NULL;

  /* The text takes the width; the buttons go under it, so a phone's
   * width still reads well. */
  gtk_widget_set_margin_top (outer, 12);
  gtk_widget_set_margin_bottom (outer, 12);
  gtk_widget_set_margin_start (outer, 12);
  gtk_widget_set_margin_end (outer, 12);
  gtk_box_append (GTK_BOX (outer), box);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), outer);

  /* The severity in words as well as in colour. */
  severity = gtk_label_new (sc_alert_severity_label (alert->severity));
  gtk_widget_set_valign (severity, GTK_ALIGN_START);
  gtk_widget_add_css_class (severity, "alert-severity");
  gtk_widget_add_css_class (severity, sc_alert_severity_to_key (alert->severity));
  if (is_resolved (alert->status))
    gtk_widget_add_css_class (severity, "resolved");
  gtk_box_append (GTK_BOX (box), severity);

  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (box), text);
  title = add_label (GTK_BOX (text), kpi, "heading");
  gtk_widget_set_name (title, "kpi");
  add_label (GTK_BOX (text), subtitle, "dim-label");
  if (alert->message != NULL)
    add_label (GTK_BOX (text), alert->message, NULL);
  if (numbers != NULL)
    gtk_widget_add_css_class (add_label (GTK_BOX (text), numbers, "caption"), "numeric");
  if (alert->status == SC_ALERT_STATUS_ACKNOWLEDGED && alert->comment != NULL && *alert->comment)
    {
      g_autofree char *comment = g_strdup_printf (_("Comment: %s"), alert->comment);

      add_label (GTK_BOX (text), comment, "caption");
    }

  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (outer), buttons);

  if (alert->status == SC_ALERT_STATUS_FIRING)
    {
      button = gtk_button_new_with_mnemonic (_("_Acknowledge…"));
      gtk_widget_set_tooltip_text (button, _("Stop the alert from escalating, with a comment"));
      g_object_set_data (G_OBJECT (button), "alert", (gpointer)alert);
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_acknowledge_clicked_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_box_append (GTK_BOX (buttons), button);
      g_object_set_data (G_OBJECT (row), "acknowledge", button);
    }

  {
    GtkWidget *popover = gtk_popover_new ();
    GtkWidget *list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

    button = gtk_menu_button_new ();
    gtk_menu_button_set_label (GTK_MENU_BUTTON (button), _("Deliveries"));
    gtk_widget_set_tooltip_text (button, _("Where this alert was sent, and how it went"));
    gtk_widget_set_margin_top (list, 6);
    gtk_widget_set_margin_bottom (list, 6);
    gtk_widget_set_margin_start (list, 6);
    gtk_widget_set_margin_end (list, 6);
    gtk_popover_set_child (GTK_POPOVER (popover), list);
    gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
    g_object_set_data (G_OBJECT (popover), "alert", (gpointer)alert);
    g_signal_connect_object (popover, "show", G_CALLBACK (on_deliveries_shown_cb), self,
                             G_CONNECT_SWAPPED);
    gtk_box_append (GTK_BOX (buttons), button);
    g_object_set_data (G_OBJECT (row), "deliveries", button);
  }

  /* The row itself opens the KPI, as a GNOME list row with a chevron. */
  chevron = gtk_image_new_from_icon_name ("go-next-symbolic");
  gtk_widget_set_valign (chevron, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), chevron);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-kpi");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", alert->kpi_id);
  gtk_widget_set_tooltip_text (row, _("Open the KPI"));

  accessible = g_strdup_printf ("%s: %s, %s", sc_alert_severity_label (alert->severity), kpi, subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);

  g_object_set_data (G_OBJECT (row), "alert", (gpointer)alert);

  return row;
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
      gtk_list_box_append (self->list_box, build_row (self, alert));
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

static char *
describe_delivery (const ScAlertDelivery *delivery)
{
  g_autofree char *when = NULL;
  const char *event;

  if (g_strcmp0 (delivery->event_type, "escalated") == 0)
    event = C_("alert event", "Escalation");
  else if (g_strcmp0 (delivery->event_type, "resolved") == 0)
    event = C_("alert event", "Resolution");
  else
    event = C_("alert event", "Alert");

  if (g_strcmp0 (delivery->state, "delivered") == 0)
    {
      when = format_time (delivery->delivered_at);
      /* Translators: "Alert to Ops Slack: delivered 30 Nov 2026, 09:12" */
      return g_strdup_printf (_("%s to %s: delivered %s"), event, delivery->channel_name, when);
    }

  if (g_strcmp0 (delivery->state, "failed") == 0)
    return g_strdup_printf (_("%s to %s: failed after %u attempts: %s"), event,
                            delivery->channel_name, delivery->attempts,
                            delivery->last_error != NULL ? delivery->last_error : "");

  when = format_time (delivery->next_attempt_at);
  if (delivery->attempts > 0)
    return g_strdup_printf (_("%s to %s: attempt %u failed (%s), next try %s"), event,
                            delivery->channel_name, delivery->attempts,
                            delivery->last_error != NULL ? delivery->last_error : "", when);

  return g_strdup_printf (_("%s to %s: waiting to be sent"), event, delivery->channel_name);
}

static void
deliveries_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GtkPopover) popover = user_data;
  g_autoptr(GPtrArray) deliveries = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *list = gtk_popover_get_child (popover);
  GtkWidget *alerts_page = gtk_widget_get_ancestor (GTK_WIDGET (popover), SC_TYPE_ALERTS_PAGE);
  GtkWidget *child;

  deliveries = sc_store_thread_run_finish (SC_STORE_THREAD (object), result, &error);
  if (deliveries == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  while ((child = gtk_widget_get_first_child (list)) != NULL)
    gtk_box_remove (GTK_BOX (list), child);

  if (deliveries == NULL)
    add_label (GTK_BOX (list), error->message, NULL);
  else if (deliveries->len == 0)
    add_label (GTK_BOX (list), _("This alert went to no channel: its rule notifies none."),
               "dim-label");
  else
    for (guint i = 0; i < deliveries->len; i++)
      {
        g_autofree char *text = describe_delivery (g_ptr_array_index (deliveries, i));
        GtkWidget *label = add_label (GTK_BOX (list), text, NULL);

        gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
      }

  if (alerts_page != NULL)
    SC_ALERTS_PAGE (alerts_page)->n_deliveries = deliveries != NULL ? (int)deliveries->len : -1;
}

static void
on_deliveries_shown_cb (ScAlertsPage *self,
                        GtkPopover   *popover)
{
  const ScAlertRow *alert = g_object_get_data (G_OBJECT (popover), "alert");
  GtkWidget *list = gtk_popover_get_child (popover);
  GtkWidget *child;
  AckData *which;

  g_assert (SC_IS_ALERTS_PAGE (self));

  self->n_deliveries = -1;
  while ((child = gtk_widget_get_first_child (list)) != NULL)
    gtk_box_remove (GTK_BOX (list), child);
  add_label (GTK_BOX (list), _("Loading…"), "dim-label");

  which = g_new0 (AckData, 1);
  which->rule_id = alert->rule_id;
  which->kpi_id = alert->kpi_id;
  which->incident = alert->incident;
  sc_store_thread_run_async (sc_context_get_store (self->context), deliveries_job, which,
                             ack_data_free, (GDestroyNotify)g_ptr_array_unref, self->cancellable,
                             deliveries_cb, g_object_ref (popover));
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
                             ack_data_free, NULL, self->cancellable, acknowledge_cb,
                             g_object_ref (self));
}

static void
on_acknowledge_clicked_cb (ScAlertsPage *self,
                           GtkButton    *button)
{
  const ScAlertRow *alert = g_object_get_data (G_OBJECT (button), "alert");

  g_assert (SC_IS_ALERTS_PAGE (self));

  sc_alerts_page_acknowledge (self, alert->rule_id, alert->kpi_id);
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
