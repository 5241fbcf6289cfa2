/* sc-alert-payload.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-alert-payload"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "sc-json-writer.h"
#include "sc-alert-payload.h"

/* What each channel receives for one alert event, in that service's own
 * documented format: Slack Block Kit, a Teams message with an Adaptive
 * Card, Power BI streaming rows, a plain text for SMS, and our own JSON for
 * generic webhooks. Pure functions: the tests check them byte by byte. */

typedef struct
{
  const char *label;
  double      value;
} Fact;

/* Auxiliary methods */

static JsonObject *
parse_details (const ScAlertDelivery *delivery)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (delivery->details != NULL &&
      json_parser_load_from_data (parser, delivery->details, -1, NULL) &&
      JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return json_object_ref (json_node_get_object (json_parser_get_root (parser)));

  return json_object_new ();
}

static double
detail_number (JsonObject *details,
               const char *name)
{
  JsonNode *node = json_object_get_member (details, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NAN;
  if (json_node_get_value_type (node) == G_TYPE_DOUBLE || json_node_get_value_type (node) == G_TYPE_INT64)
    return json_node_get_double (node);

  return NAN;
}

static char *
format_number (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (fabs (value - round (value)) < 1e-9 && fabs (value) < 1e15)
    return g_strdup_printf ("%.0f", value);

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.2f", value));
}

/* The numbers that fired it, in the order a reader wants them. */
static GArray *
facts_of (const ScAlertDelivery *delivery)
{
  g_autoptr(JsonObject) details = parse_details (delivery);
  GArray *facts = g_array_new (FALSE, FALSE, sizeof (Fact));
  const Fact all[] = {
    { N_("Value"), detail_number (details, "value") },
    { N_("Measured"), detail_number (details, "metric") },
    { N_("Baseline"), detail_number (details, "baseline") },
    { N_("Expected from"), detail_number (details, "lower95") },
    { N_("Expected to"), detail_number (details, "upper95") },
    { N_("Alert level"), detail_number (details, "level") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    if (isfinite (all[i].value))
      g_array_append_val (facts, all[i]);

  return facts;
}

static const char *
severity_label (const char *severity)
{
  if (g_strcmp0 (severity, "urgent") == 0)
    return _("Urgent");
  if (g_strcmp0 (severity, "critical") == 0)
    return _("Critical");
  if (g_strcmp0 (severity, "warning") == 0)
    return _("Warning");
  return _("Info");
}

static char *
iso_time (gint64 unix_utc)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (unix_utc);

  return time ? g_date_time_format_iso8601 (time) : g_strdup ("");
}

static GBytes *
builder_bytes (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  char *text = sc_json_node_to_string (root, FALSE);

  return g_bytes_new_take (text, strlen (text));
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value ? value : "");
}

/* Public API */

/**
 * sc_alert_payload_title:
 * @delivery: an alert delivery
 *
 * Returns: (transfer full): "Critical: Revenue", "Resolved: Revenue"…
 */
char *
sc_alert_payload_title (const ScAlertDelivery *delivery)
{
  g_return_val_if_fail (delivery != NULL, NULL);

  if (g_strcmp0 (delivery->event_type, "resolved") == 0)
    /* Translators: a resolved alert; %s is the KPI's name. */
    return g_strdup_printf (_("Resolved: %s"), delivery->kpi_name);
  if (g_strcmp0 (delivery->event_type, "escalated") == 0)
    /* Translators: the severity an alert escalated to, and the KPI's name. */
    return g_strdup_printf (_("Escalated to %s: %s"), severity_label (delivery->severity),
                            delivery->kpi_name);

  /* Translators: the alert's severity and the KPI's name. */
  return g_strdup_printf (_("%s: %s"), severity_label (delivery->severity), delivery->kpi_name);
}

/**
 * sc_alert_payload_slack:
 * @delivery: an alert delivery
 *
 * An incoming-webhook message in Block Kit, with `text` as the
 * notification's fallback (api.slack.com/messaging/webhooks).
 *
 * Returns: (transfer full): the JSON body
 */
GBytes *
sc_alert_payload_slack (const ScAlertDelivery *delivery)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *title = sc_alert_payload_title (delivery);
  g_autofree char *fallback = g_strdup_printf ("%s — %s", title, delivery->message);
  g_autoptr(GArray) facts = facts_of (delivery);
  g_autofree char *context = NULL;

  /* Translators: under an alert in Slack: the rule's name and the incident number. */
  context = g_strdup_printf (_("Rule “%s” · incident %lld · Scorecard"),
                             delivery->rule_name, (long long)delivery->incident);

  json_builder_begin_object (builder);
  add_string (builder, "text", fallback);
  json_builder_set_member_name (builder, "blocks");
  json_builder_begin_array (builder);

  json_builder_begin_object (builder);
  add_string (builder, "type", "header");
  json_builder_set_member_name (builder, "text");
  json_builder_begin_object (builder);
  add_string (builder, "type", "plain_text");
  add_string (builder, "text", title);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  json_builder_begin_object (builder);
  add_string (builder, "type", "section");
  json_builder_set_member_name (builder, "text");
  json_builder_begin_object (builder);
  add_string (builder, "type", "mrkdwn");
  add_string (builder, "text", delivery->message);
  json_builder_end_object (builder);
  if (facts->len > 0)
    {
      json_builder_set_member_name (builder, "fields");
      json_builder_begin_array (builder);
      for (guint i = 0; i < facts->len && i < 10; i++)
        {
          const Fact *fact = &g_array_index (facts, Fact, i);
          g_autofree char *number = format_number (fact->value);
          g_autofree char *text = g_strdup_printf ("*%s*\n%s", _(fact->label), number);

          json_builder_begin_object (builder);
          add_string (builder, "type", "mrkdwn");
          add_string (builder, "text", text);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);

  json_builder_begin_object (builder);
  add_string (builder, "type", "context");
  json_builder_set_member_name (builder, "elements");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  add_string (builder, "type", "mrkdwn");
  add_string (builder, "text", context);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return builder_bytes (builder);
}

/**
 * sc_alert_payload_teams:
 * @delivery: an alert delivery
 *
 * A message with one Adaptive Card attachment, as Teams incoming webhooks
 * and Workflows take it (learn.microsoft.com, "Send Adaptive Cards using
 * an Incoming Webhook").
 *
 * Returns: (transfer full): the JSON body
 */
GBytes *
sc_alert_payload_teams (const ScAlertDelivery *delivery)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *title = sc_alert_payload_title (delivery);
  g_autoptr(GArray) facts = facts_of (delivery);
  const char *color = "Attention";

  if (g_strcmp0 (delivery->event_type, "resolved") == 0)
    color = "Good";
  else if (g_strcmp0 (delivery->severity, "warning") == 0)
    color = "Warning";
  else if (g_strcmp0 (delivery->severity, "info") == 0)
    color = "Accent";

  json_builder_begin_object (builder);
  add_string (builder, "type", "message");
  json_builder_set_member_name (builder, "attachments");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  add_string (builder, "contentType", "application/vnd.microsoft.card.adaptive");
  json_builder_set_member_name (builder, "contentUrl");
  json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "content");
  json_builder_begin_object (builder);
  add_string (builder, "$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
  add_string (builder, "type", "AdaptiveCard");
  add_string (builder, "version", "1.4");
  json_builder_set_member_name (builder, "body");
  json_builder_begin_array (builder);

  json_builder_begin_object (builder);
  add_string (builder, "type", "TextBlock");
  add_string (builder, "size", "Large");
  add_string (builder, "weight", "Bolder");
  add_string (builder, "color", color);
  add_string (builder, "text", title);
  json_builder_set_member_name (builder, "wrap");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_end_object (builder);

  json_builder_begin_object (builder);
  add_string (builder, "type", "TextBlock");
  add_string (builder, "text", delivery->message);
  json_builder_set_member_name (builder, "wrap");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_end_object (builder);

  json_builder_begin_object (builder);
  add_string (builder, "type", "FactSet");
  json_builder_set_member_name (builder, "facts");
  json_builder_begin_array (builder);
  for (guint i = 0; i < facts->len; i++)
    {
      const Fact *fact = &g_array_index (facts, Fact, i);
      g_autofree char *number = format_number (fact->value);

      json_builder_begin_object (builder);
      add_string (builder, "title", _(fact->label));
      add_string (builder, "value", number);
      json_builder_end_object (builder);
    }
  json_builder_begin_object (builder);
  add_string (builder, "title", _("Rule"));
  add_string (builder, "value", delivery->rule_name);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return builder_bytes (builder);
}

/**
 * sc_alert_payload_webhook:
 * @delivery: an alert delivery
 *
 * Our generic JSON event, for Zapier, Make or n8n: documented in the
 * README. `id` is the delivery's idempotency key, the same on every retry.
 *
 * Returns: (transfer full): the JSON body
 */
GBytes *
sc_alert_payload_webhook (const ScAlertDelivery *delivery)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *time = iso_time (delivery->time);
  g_autofree char *event = g_strconcat ("alert.", delivery->event_type, NULL);

  json_builder_begin_object (builder);
  add_string (builder, "id", delivery->idempotency_key);
  add_string (builder, "event", event);
  add_string (builder, "time", time);
  add_string (builder, "severity", delivery->severity);
  json_builder_set_member_name (builder, "incident");
  json_builder_add_int_value (builder, delivery->incident);
  json_builder_set_member_name (builder, "kpi");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, delivery->kpi_id);
  add_string (builder, "name", delivery->kpi_name);
  json_builder_end_object (builder);
  add_string (builder, "rule", delivery->rule_name);
  add_string (builder, "message", delivery->message);
  json_builder_set_member_name (builder, "details");
  if (delivery->details != NULL && json_parser_load_from_data (parser, delivery->details, -1, NULL))
    json_builder_add_value (builder, json_node_copy (json_parser_get_root (parser)));
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);

  return builder_bytes (builder);
}

/**
 * sc_alert_payload_powerbi:
 * @delivery: an alert delivery
 *
 * One row for a Power BI streaming dataset's push URL: an array of rows
 * whose keys are the dataset's columns (time, kpi, severity, event, value,
 * metric, level).
 *
 * Returns: (transfer full): the JSON body
 */
GBytes *
sc_alert_payload_powerbi (const ScAlertDelivery *delivery)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonObject) details = parse_details (delivery);
  g_autofree char *time = iso_time (delivery->time);
  static const char * const numbers[] = { "value", "metric", "level" };

  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  add_string (builder, "time", time);
  add_string (builder, "kpi", delivery->kpi_name);
  add_string (builder, "severity", delivery->severity);
  add_string (builder, "event", delivery->event_type);
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      double value = detail_number (details, numbers[i]);

      json_builder_set_member_name (builder, numbers[i]);
      if (isfinite (value))
        json_builder_add_double_value (builder, value);
      else
        json_builder_add_null_value (builder);
    }
  json_builder_end_object (builder);
  json_builder_end_array (builder);

  return builder_bytes (builder);
}

/**
 * sc_alert_payload_sms_text:
 * @delivery: an alert delivery
 *
 * Returns: (transfer full): a short text for SMS or WhatsApp
 */
char *
sc_alert_payload_sms_text (const ScAlertDelivery *delivery)
{
  g_autofree char *title = sc_alert_payload_title (delivery);

  return g_strdup_printf ("%s — %s", title, delivery->message);
}
