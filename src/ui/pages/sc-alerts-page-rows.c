/* sc-alerts-page-rows.c
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
#include "sc-alerts-page-private.h"
#include "sc-format.h"

/* One row of the Alerts page: the severity in words on a tinted pill, the
 * KPI, the rule, since when, the message, the numbers that fired it, and
 * its buttons; and the delivery log it opens. */

static void on_acknowledge_clicked_cb (ScAlertsPage *self,
                                       GtkButton    *button);
static void on_deliveries_shown_cb    (ScAlertsPage *self,
                                       GtkPopover   *popover);

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

GtkWidget *
_sc_alerts_page_build_row (ScAlertsPage     *self,
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
  if (_sc_alerts_page_is_resolved (alert->status))
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
                             _sc_alerts_page_ack_data_free, (GDestroyNotify)g_ptr_array_unref, self->cancellable,
                             deliveries_cb, g_object_ref (popover));
}

static void
on_acknowledge_clicked_cb (ScAlertsPage *self,
                           GtkButton    *button)
{
  const ScAlertRow *alert = g_object_get_data (G_OBJECT (button), "alert");

  g_assert (SC_IS_ALERTS_PAGE (self));

  sc_alerts_page_acknowledge (self, alert->rule_id, alert->kpi_id);
}
