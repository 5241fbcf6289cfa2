/* sc-alert-sender.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-alert-sender"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "sc-alert-payload.h"
#include "sc-alert-sender.h"
#include "sc-odoo-client.h"
#include "sc-smtp.h"
#include "sc-webhook-signature.h"

/* Sends one alert delivery to one HTTP channel (Slack, Teams, a signed
 * webhook, Power BI, Twilio SMS or WhatsApp) and says what came of it.
 * Synchronous on purpose: the delivery drain runs in a worker thread, one
 * delivery after the other, and never on the main loop.
 *
 * The channel's secret (its webhook URL, signing key or Twilio token) is a
 * JSON object from the Secret Service; it is used for the request and
 * masked out of anything we report. Certificates are always verified.
 */

#define EXCERPT_LENGTH 160
#define RETRY_AFTER_CAP_SECONDS (6 * 3600)

struct _ScAlertSender
{
  GObject      parent_instance;
  SoupSession *session;
  guint        timeout;
};

G_DEFINE_FINAL_TYPE (ScAlertSender, sc_alert_sender, G_TYPE_OBJECT)

static const char * const sender_kinds[] = {
  "slack", "teams", "webhook", "powerbi", "twilio_sms", "twilio_whatsapp", "email", "odoo", NULL
};

/* Auxiliary methods */

static JsonObject *
parse_object (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (text != NULL && json_parser_load_from_data (parser, text, -1, NULL) &&
      JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return json_object_ref (json_node_get_object (json_parser_get_root (parser)));

  return NULL;
}

static const char *
get_string (JsonObject *object,
            const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static const char *
channel_label (const char *kind)
{
  if (g_strcmp0 (kind, "slack") == 0)
    return "Slack";
  if (g_strcmp0 (kind, "teams") == 0)
    return "Microsoft Teams";
  if (g_strcmp0 (kind, "powerbi") == 0)
    return "Power BI";
  if (g_str_has_prefix (kind, "twilio"))
    return "Twilio";
  if (g_strcmp0 (kind, "email") == 0)
    return _("The mail server");
  if (g_strcmp0 (kind, "odoo") == 0)
    return "Odoo";
  return _("The webhook");
}

/* Every occurrence of each secret string replaced, so no reason we log or
 * show can carry it, even if a service echoes it back. */
static char *
mask_secrets (const char *text,
              JsonObject *secret)
{
  g_autoptr(GString) out = g_string_new (text);
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  if (secret == NULL)
    return g_string_free (g_steal_pointer (&out), FALSE);

  json_object_iter_init (&iter, secret);
  while (json_object_iter_next (&iter, &name, &node))
    if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING &&
        strlen (json_node_get_string (node)) >= 4)
      g_string_replace (out, json_node_get_string (node), "•••", 0);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
set_result (ScAlertSendResult      *result,
            ScAlertDeliveryOutcome  outcome,
            guint                   status,
            JsonObject             *secret,
            char                   *reason)
{
  g_free (result->reason);
  result->outcome = outcome;
  result->http_status = status;
  result->reason = reason ? mask_secrets (reason, secret) : NULL;
  g_free (reason);
}

/* The first line of a service's answer, as readable text. */
static char *
excerpt (GBytes *body)
{
  gsize length = 0;
  const char *data = body ? g_bytes_get_data (body, &length) : NULL;
  g_autofree char *valid = NULL;
  char *line;

  if (data == NULL || length == 0)
    return g_strdup ("");

  valid = g_utf8_make_valid (data, MIN (length, EXCERPT_LENGTH));
  line = g_strdup (g_strstrip (g_strdelimit (valid, "\r\n\t", ' ')));

  return line;
}

static gint64
parse_retry_after (SoupMessage *message,
                   gint64       now)
{
  const char *value = soup_message_headers_get_one (soup_message_get_response_headers (message),
                                                    "Retry-After");
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *trimmed = NULL;
  guint64 seconds;

  if (value == NULL)
    return -1;

  trimmed = g_strstrip (g_strdup (value));
  if (g_ascii_string_to_unsigned (trimmed, 10, 0, RETRY_AFTER_CAP_SECONDS, &seconds, NULL))
    return (gint64)seconds;

  if ((date = soup_date_time_new_from_http_string (value)) != NULL)
    return CLAMP (g_date_time_to_unix (date) - now, 0, RETRY_AFTER_CAP_SECONDS);

  return -1;
}

static SoupMessage *
json_message (const char *url,
              GBytes     *body)
{
  SoupMessage *message = soup_message_new (SOUP_METHOD_POST, url);

  if (message != NULL)
    soup_message_set_request_body_from_bytes (message, "application/json", body);

  return message;
}

static SoupMessage *
twilio_message (const ScAlertDelivery *delivery,
                JsonObject            *secret,
                char                 **problem)
{
  g_autoptr(JsonObject) config = parse_object (delivery->channel_config);
  const char *sid = get_string (secret, "account_sid");
  const char *token = get_string (secret, "auth_token");
  const char *from = get_string (config, "from");
  const char *to = get_string (config, "to");
  const char *base = get_string (config, "base_url");
  gboolean whatsapp = g_strcmp0 (delivery->channel_kind, "twilio_whatsapp") == 0;
  g_autofree char *url = NULL;
  g_autofree char *text = NULL;
  g_autofree char *from_address = NULL;
  g_autofree char *to_address = NULL;
  g_autofree char *credentials = NULL;
  g_autofree char *basic = NULL;
  g_autofree char *authorization = NULL;
  g_autofree char *form = NULL;
  g_autoptr(GBytes) body = NULL;
  SoupMessage *message;

  if (sid == NULL || token == NULL || from == NULL || to == NULL)
    {
      *problem = g_strdup (_("The Twilio channel needs an account SID, an auth token and the "
                             "“from” and “to” numbers"));
      return NULL;
    }

  if (base == NULL)
    base = "https://api.twilio.com";
  url = g_strdup_printf ("%s/2010-04-01/Accounts/%s/Messages.json", base, sid);
  text = sc_alert_payload_sms_text (delivery);
  from_address = whatsapp ? g_strconcat ("whatsapp:", from, NULL) : g_strdup (from);
  to_address = whatsapp ? g_strconcat ("whatsapp:", to, NULL) : g_strdup (to);
  form = soup_form_encode ("To", to_address, "From", from_address, "Body", text, NULL);

  message = soup_message_new (SOUP_METHOD_POST, url);
  if (message == NULL)
    return NULL;

  credentials = g_strdup_printf ("%s:%s", sid, token);
  basic = g_base64_encode ((const guchar *)credentials, strlen (credentials));
  authorization = g_strconcat ("Basic ", basic, NULL);
  soup_message_headers_replace (soup_message_get_request_headers (message), "Authorization",
                                authorization);
  explicit_bzero (credentials, strlen (credentials));
  explicit_bzero (authorization, strlen (authorization));

  {
    gsize length = strlen (form);

    body = g_bytes_new_take (g_steal_pointer (&form), length);
  }
  soup_message_set_request_body_from_bytes (message, SOUP_FORM_MIME_TYPE_URLENCODED, body);

  return message;
}

static void
send_email (const ScAlertDelivery *delivery,
            JsonObject            *secret,
            gint64                 now,
            guint                  timeout,
            GCancellable          *cancellable,
            ScAlertSendResult     *result)
{
  g_autoptr(JsonObject) config = parse_object (delivery->channel_config);
  g_autoptr(GPtrArray) to = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *subject = sc_alert_payload_title (delivery);
  g_autofree char *body = NULL;
  g_autofree char *message_id = NULL;
  const char *security = get_string (config, "security");
  JsonNode *recipients = config ? json_object_get_member (config, "to") : NULL;
  ScSmtpServer server = { 0, };
  ScSmtpMessage message = { 0, };
  guint code = 0;

  server.host = get_string (config, "host");
  server.port = config && json_object_has_member (config, "port")
                ? (guint16)json_object_get_int_member (config, "port") : 0;
  server.security = g_strcmp0 (security, "tls") == 0 ? SC_SMTP_SECURITY_TLS : SC_SMTP_SECURITY_STARTTLS;
  if (server.port == 0)
    server.port = server.security == SC_SMTP_SECURITY_TLS ? 465 : 587;
  server.username = get_string (config, "username");
  server.password = get_string (secret, "password");
  server.ca_file = get_string (config, "ca_file");
  server.timeout = timeout;

  if (recipients != NULL && JSON_NODE_HOLDS_ARRAY (recipients))
    for (guint i = 0; i < json_array_get_length (json_node_get_array (recipients)); i++)
      {
        JsonNode *node = json_array_get_element (json_node_get_array (recipients), i);

        if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
          g_ptr_array_add (to, (gpointer)json_node_get_string (node));
      }
  else if (get_string (config, "to") != NULL)
    g_ptr_array_add (to, (gpointer)get_string (config, "to"));
  g_ptr_array_add (to, NULL);

  if (server.host == NULL)
    {
      set_result (result, SC_ALERT_DELIVERY_FAILED, 0, secret,
                  g_strdup_printf (_("The e-mail channel “%s” has no mail server"), delivery->channel_name));
      return;
    }

  body = g_strdup_printf ("%s\n\n%s\n\n%s\n— Scorecard\n", subject, delivery->message,
                          delivery->rule_name);
  message_id = g_strdup_printf ("%s@scorecard.invalid", delivery->idempotency_key);
  message.from = get_string (config, "from");
  message.to = (const char * const *)to->pdata;
  message.subject = subject;
  message.body = body;
  message.message_id = message_id;
  message.date = now;

  if (sc_smtp_send_sync (&server, &message, cancellable, &code, &error))
    {
      set_result (result, SC_ALERT_DELIVERY_DELIVERED, code, secret, NULL);
      return;
    }

  set_result (result,
              g_error_matches (error, SC_SMTP_ERROR, SC_SMTP_ERROR_TRANSIENT) ? SC_ALERT_DELIVERY_RETRY
                                                                              : SC_ALERT_DELIVERY_FAILED,
              code, secret, g_strdup (error->message));
}

typedef struct
{
  GAsyncResult *result;
} Wait;

static void
wait_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Wait *wait = user_data;

  wait->result = g_object_ref (result);
}

static GAsyncResult *
wait_for (GMainContext *context,
          Wait         *wait)
{
  while (wait->result == NULL)
    g_main_context_iteration (context, TRUE);

  return wait->result;
}

/* A comment in the KPI's chatter on Odoo (mail.thread's message_post), so
 * its followers get Odoo's own e-mail. The account is the store's sync
 * account; the client runs on a private main context of this thread. */
static void
send_odoo_chatter (const ScAlertDelivery *delivery,
                   JsonObject            *secret,
                   guint                  timeout,
                   GCancellable          *cancellable,
                   ScAlertSendResult     *result)
{
  g_autoptr(GMainContext) context = NULL;
  g_autoptr(ScOdooClient) client = NULL;
  g_autoptr(JsonArray) args = NULL;
  g_autoptr(JsonArray) ids = NULL;
  g_autoptr(JsonObject) kwargs = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *html = NULL;
  g_autofree char *title_html = NULL;
  g_autofree char *message_html = NULL;
  g_autofree char *rule_html = NULL;
  const char *url = get_string (secret, "url");
  const char *database = get_string (secret, "database");
  const char *login = get_string (secret, "login");
  const char *password = get_string (secret, "password");
  Wait wait = { NULL };

  if (delivery->kpi_odoo_id <= 0)
    {
      set_result (result, SC_ALERT_DELIVERY_FAILED, 0, secret,
                  g_strdup_printf (_("“%s” is not on Odoo, so its chatter cannot take the alert"),
                                   delivery->kpi_name));
      return;
    }
  if (url == NULL || database == NULL || login == NULL || password == NULL)
    {
      set_result (result, SC_ALERT_DELIVERY_FAILED, 0, secret,
                  g_strdup (_("No Odoo account is set up for this store: sign in first")));
      return;
    }

  context = g_main_context_new ();
  g_main_context_push_thread_default (context);

  client = sc_odoo_client_new (url, database);
  sc_odoo_client_set_timeout (client, timeout);
  if (get_string (secret, "certificate") != NULL)
    sc_odoo_client_set_pinned_certificate (client, get_string (secret, "certificate"));

  sc_odoo_client_login_async (client, login, password, cancellable, wait_cb, &wait);
  if (sc_odoo_client_login_finish (client, wait_for (context, &wait), &error) > 0)
    {
      title = sc_alert_payload_title (delivery);
      title_html = g_markup_escape_text (title, -1);
      message_html = g_markup_escape_text (delivery->message, -1);
      rule_html = g_markup_escape_text (delivery->rule_name, -1);
      html = g_strdup_printf ("<p><strong>%s</strong></p><p>%s</p><p>%s · Scorecard</p>",
                              title_html, message_html, rule_html);

      args = json_array_new ();
      ids = json_array_new ();
      json_array_add_int_element (ids, delivery->kpi_odoo_id);
      json_array_add_array_element (args, g_steal_pointer (&ids));
      kwargs = json_object_new ();
      json_object_set_string_member (kwargs, "body", html);
      json_object_set_string_member (kwargs, "message_type", "comment");
      json_object_set_string_member (kwargs, "subtype_xmlid", "mail.mt_comment");

      g_clear_object (&wait.result);
      sc_odoo_client_execute_kw_async (client, "kpi.report", "message_post", args, kwargs, cancellable,
                                       wait_cb, &wait);
      node = sc_odoo_client_execute_kw_finish (client, wait_for (context, &wait), &error);
    }
  g_clear_object (&wait.result);
  g_clear_object (&client);
  while (g_main_context_iteration (context, FALSE))
    ;
  g_main_context_pop_thread_default (context);

  if (node != NULL)
    {
      set_result (result, SC_ALERT_DELIVERY_DELIVERED, 200, secret, NULL);
      return;
    }

  /* The network and the server's bad days pass; refusals need a person. */
  set_result (result,
              (g_error_matches (error, SC_SYNC_ERROR, SC_SYNC_ERROR_NETWORK) ||
               g_error_matches (error, SC_SYNC_ERROR, SC_SYNC_ERROR_SERVER) ||
               g_error_matches (error, SC_SYNC_ERROR, SC_SYNC_ERROR_MALFORMED) ||
               g_error_matches (error, SC_SYNC_ERROR, SC_SYNC_ERROR_SESSION_EXPIRED))
              ? SC_ALERT_DELIVERY_RETRY : SC_ALERT_DELIVERY_FAILED,
              0, secret, g_strdup (error->message));
}

/* GObject overrides */

static void
sc_alert_sender_dispose (GObject *object)
{
  ScAlertSender *self = (ScAlertSender *)object;

  g_clear_object (&self->session);

  G_OBJECT_CLASS (sc_alert_sender_parent_class)->dispose (object);
}

static void
sc_alert_sender_class_init (ScAlertSenderClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sc_alert_sender_dispose;
}

static void
sc_alert_sender_init (ScAlertSender *self)
{
}

/* Public API */

/**
 * sc_alert_sender_kinds:
 *
 * Returns: (transfer none): the channel kinds this sender sends
 */
const char * const *
sc_alert_sender_kinds (void)
{
  return sender_kinds;
}

/**
 * sc_alert_sender_new:
 * @timeout_seconds: how long a service may take to answer
 *
 * Returns: (transfer full): a new #ScAlertSender, for one thread at a time
 */
ScAlertSender *
sc_alert_sender_new (guint timeout_seconds)
{
  ScAlertSender *self = g_object_new (SC_TYPE_ALERT_SENDER, NULL);

  self->timeout = timeout_seconds;
  self->session = soup_session_new_with_options ("timeout", timeout_seconds,
                                                 "user-agent", "Scorecard/" PACKAGE_VERSION " ",
                                                 NULL);

  return self;
}

/**
 * sc_alert_sender_send:
 * @self: a #ScAlertSender
 * @delivery: the delivery to send
 * @secret: (nullable): the channel's secret, a JSON object
 * @now: the time, for signatures and Retry-After dates
 * @cancellable: (nullable): a #GCancellable
 * @result: (out caller-allocates): what came of it
 *
 * 2xx is delivered. 429, 408 and 5xx, a timeout or a dropped connection
 * are worth retrying (with the service's Retry-After when it gives one);
 * any other answer is a refusal to fix in the channel's settings.
 */
void
sc_alert_sender_send (ScAlertSender          *self,
                      const ScAlertDelivery  *delivery,
                      const char             *secret,
                      gint64                  now,
                      GCancellable           *cancellable,
                      ScAlertSendResult      *result)
{
  g_autoptr(JsonObject) secrets = NULL;
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = NULL;
  const char *label;
  const char *url;
  guint status;

  g_return_if_fail (SC_IS_ALERT_SENDER (self));
  g_return_if_fail (delivery != NULL);
  g_return_if_fail (result != NULL);

  memset (result, 0, sizeof *result);
  result->retry_after = -1;
  label = channel_label (delivery->channel_kind);

  if (!g_strv_contains (sender_kinds, delivery->channel_kind))
    {
      set_result (result, SC_ALERT_DELIVERY_FAILED, 0, NULL,
                  g_strdup_printf (_("Channels of kind “%s” are not sent over HTTP"),
                                   delivery->channel_kind));
      return;
    }

  secrets = parse_object (secret);

  /* A mail relay may take mail without signing in: no secret needed. */
  if (g_strcmp0 (delivery->channel_kind, "email") == 0)
    {
      send_email (delivery, secrets, now, self->timeout, cancellable, result);
      return;
    }

  if (g_strcmp0 (delivery->channel_kind, "odoo") == 0)
    {
      send_odoo_chatter (delivery, secrets, self->timeout, cancellable, result);
      return;
    }

  if (secrets == NULL)
    {
      set_result (result, SC_ALERT_DELIVERY_FAILED, 0, NULL,
                  g_strdup_printf (_("No address or token is saved for the channel “%s”: set it "
                                     "again in its settings"),
                                   delivery->channel_name));
      return;
    }

  if (g_str_has_prefix (delivery->channel_kind, "twilio"))
    message = twilio_message (delivery, secrets, &problem);
  else
    {
      url = get_string (secrets, "url");
      if (g_strcmp0 (delivery->channel_kind, "slack") == 0)
        body = sc_alert_payload_slack (delivery);
      else if (g_strcmp0 (delivery->channel_kind, "teams") == 0)
        body = sc_alert_payload_teams (delivery);
      else if (g_strcmp0 (delivery->channel_kind, "powerbi") == 0)
        body = sc_alert_payload_powerbi (delivery);
      else
        body = sc_alert_payload_webhook (delivery);

      if (url == NULL)
        problem = g_strdup_printf (_("No address is saved for the channel “%s”"),
                                   delivery->channel_name);
      else
        message = json_message (url, body);
    }

  if (message == NULL)
    {
      if (problem == NULL)
        problem = g_strdup_printf (_("The address saved for the channel “%s” is not a valid "
                                     "http or https URL"),
                                   delivery->channel_name);
      set_result (result, SC_ALERT_DELIVERY_FAILED, 0, secrets, g_steal_pointer (&problem));
      return;
    }

  /* Receivers that can deduplicate see the same key on every retry. */
  soup_message_headers_replace (soup_message_get_request_headers (message), "Idempotency-Key",
                                delivery->idempotency_key);

  if (g_strcmp0 (delivery->channel_kind, "webhook") == 0)
    {
      const char *key = get_string (secrets, "signing_key");

      if (key != NULL)
        {
          gsize length = 0;
          const char *data = g_bytes_get_data (body, &length);
          g_autofree char *signature = sc_webhook_sign (key, now, data, length);

          soup_message_headers_replace (soup_message_get_request_headers (message),
                                        SC_WEBHOOK_SIGNATURE_HEADER, signature);
        }
    }

  answer = soup_session_send_and_read (self->session, message, cancellable, &error);
  if (answer == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
        set_result (result, SC_ALERT_DELIVERY_RETRY, 0, secrets,
                    g_strdup_printf (_("%s did not answer in time"), label));
      else if (error->domain == G_TLS_ERROR)
        set_result (result, SC_ALERT_DELIVERY_RETRY, 0, secrets,
                    g_strdup_printf (_("%s’s certificate is not trusted: %s"), label, error->message));
      else
        set_result (result, SC_ALERT_DELIVERY_RETRY, 0, secrets,
                    g_strdup_printf (_("%s could not be reached: %s"), label, error->message));
      return;
    }

  status = soup_message_get_status (message);
  if (SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      set_result (result, SC_ALERT_DELIVERY_DELIVERED, status, secrets, NULL);
      return;
    }

  {
    g_autofree char *text = excerpt (answer);
    gboolean transient = status == 429 /* Too Many Requests */ || status == SOUP_STATUS_REQUEST_TIMEOUT ||
                         status >= 500;

    result->retry_after = parse_retry_after (message, now);
    set_result (result, transient ? SC_ALERT_DELIVERY_RETRY : SC_ALERT_DELIVERY_FAILED, status, secrets,
                *text != '\0'
                ? g_strdup_printf (_("%s answered HTTP %u: %s"), label, status, text)
                : g_strdup_printf (_("%s answered HTTP %u"), label, status));
  }
}

/**
 * sc_alert_sender_send_test:
 * @self: a #ScAlertSender
 * @channel_id: the channel
 * @kind: its kind
 * @name: its name
 * @config: (nullable): its settings that are not secret, as JSON
 * @secret: (nullable): its secret, as JSON
 * @now: the time
 * @cancellable: (nullable): a #GCancellable
 * @result: (out caller-allocates): what came of it
 *
 * Sends a made-up info alert to one channel, recording nothing: the
 * "Send Test" of the app and of `scorecard-cli alerts test-channel`.
 */
void
sc_alert_sender_send_test (ScAlertSender     *self,
                           gint64             channel_id,
                           const char        *kind,
                           const char        *name,
                           const char        *config,
                           const char        *secret,
                           gint64             now,
                           GCancellable      *cancellable,
                           ScAlertSendResult *result)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *key = g_strconcat ("scorecard-test-", uuid, NULL);
  ScAlertDelivery delivery = { 0, };

  g_return_if_fail (SC_IS_ALERT_SENDER (self));

  delivery.channel_id = channel_id;
  delivery.channel_kind = (char *)kind;
  delivery.channel_name = (char *)name;
  delivery.channel_config = (char *)config;
  delivery.idempotency_key = key;
  delivery.rule_name = (char *)_("Test");
  delivery.kpi_name = (char *)_("Scorecard test");
  delivery.incident = 1;
  delivery.event_type = (char *)"fired";
  delivery.severity = (char *)"info";
  delivery.time = now;
  delivery.message = (char *)_("This is a test notification from Scorecard: this channel works.");
  delivery.details = (char *)"{}";

  sc_alert_sender_send (self, &delivery, secret, now, cancellable, result);
}

/**
 * sc_alert_send_result_clear:
 * @result: a #ScAlertSendResult
 */
void
sc_alert_send_result_clear (ScAlertSendResult *result)
{
  g_clear_pointer (&result->reason, g_free);
}
