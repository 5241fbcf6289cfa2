/* test-alert-channels.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-test"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "sc-alert-drain.h"
#include "sc-alert-outbox.h"
#include "sc-store-private.h"
#include "sc-webhook-signature.h"

/* Alert deliveries to each HTTP channel, against receivers on 127.0.0.1
 * that check the payload against the service's documented shape, verify
 * the webhook's signature, deduplicate by idempotency key, and play
 * faults: 500, 429 with Retry-After, a connection dropped after the body
 * arrived, an answer slower than the timeout. The clock is a parameter. */

#define NOW        G_GINT64_CONSTANT (1796000000)
#define SIGNING    "whsec-test-signing-key-5b1c"
#define TWILIO_SID "AC0123456789abcdef0123456789abcdef"
#define TWILIO_TOK "twilio-auth-token-7f3e9a"
#define TIMEOUT    1

const char *__asan_default_options (void);

__attribute__((used)) const char *
__asan_default_options (void)
{
  return "intercept_tls_get_addr=0";
}

typedef enum
{
  REPLY_OK,
  REPLY_404,
  REPLY_500,
  REPLY_429,
  REPLY_DROP_AFTER_BODY,
  REPLY_SLOW,
} Reply;

typedef struct
{
  char       *path;
  char       *body;
  char       *content_type;
  char       *idempotency_key;
  char       *signature;
  char       *authorization;
  Reply       reply;
} Received;

typedef struct
{
  GMutex        lock;
  GThread      *thread;
  GMainContext *context;
  GMainLoop    *loop;
  SoupServer   *server;
  GSocketService *service;
  guint         port;
  GCond         started_cond;
  gboolean      started;
  GPtrArray    *received;
  GQueue        script;       /* of Reply, for every path */
  GHashTable   *processed;    /* idempotency keys handled once */
} Receiver;

typedef struct
{
  char     *dir;
  char     *path;
  ScStore  *store;
  Receiver *receiver;
  GHashTable *secrets;        /* channel id → secret */
  ScAlertSender *sender;
} Fixture;

/* The receiver, on its own thread */

static void
received_free (Received *received)
{
  g_free (received->path);
  g_free (received->body);
  g_free (received->content_type);
  g_free (received->idempotency_key);
  g_free (received->signature);
  g_free (received->authorization);
  g_free (received);
}

static gboolean
slow_reply_cb (gpointer data)
{
  SoupServerMessage *message = data;

  soup_server_message_set_status (message, 200, NULL);
  soup_server_message_unpause (message);

  return G_SOURCE_REMOVE;
}

static void
on_request_cb (SoupServer        *server,
               SoupServerMessage *message,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  Receiver *receiver = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (message);
  SoupMessageBody *body = soup_server_message_get_request_body (message);
  g_autoptr(GBytes) bytes = soup_message_body_flatten (body);
  Received *received = g_new0 (Received, 1);
  Reply reply;

  received->path = g_strdup (path);
  received->body = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  received->content_type = g_strdup (soup_message_headers_get_content_type (headers, NULL));
  received->idempotency_key = g_strdup (soup_message_headers_get_one (headers, "Idempotency-Key"));
  received->signature = g_strdup (soup_message_headers_get_one (headers, SC_WEBHOOK_SIGNATURE_HEADER));
  received->authorization = g_strdup (soup_message_headers_get_one (headers, "Authorization"));

  g_mutex_lock (&receiver->lock);
  reply = g_queue_is_empty (&receiver->script) ? REPLY_OK
                                               : GPOINTER_TO_INT (g_queue_pop_head (&receiver->script));
  received->reply = reply;
  g_ptr_array_add (receiver->received, received);
  /* A receiver that deduplicates: the body counts once per key, even when
   * its answer was lost and the same delivery came again. */
  if ((reply == REPLY_OK || reply == REPLY_DROP_AFTER_BODY || reply == REPLY_SLOW) &&
      received->idempotency_key != NULL)
    g_hash_table_add (receiver->processed, g_strdup (received->idempotency_key));
  g_mutex_unlock (&receiver->lock);

  switch (reply)
    {
    case REPLY_OK:
      soup_server_message_set_response (message, "text/plain", SOUP_MEMORY_STATIC, "ok", 2);
      soup_server_message_set_status (message, 200, NULL);
      break;
    case REPLY_404:
      soup_server_message_set_response (message, "text/plain", SOUP_MEMORY_STATIC, "no_service", 10);
      soup_server_message_set_status (message, 404, NULL);
      break;
    case REPLY_500:
      soup_server_message_set_status (message, 500, NULL);
      break;
    case REPLY_429:
      soup_message_headers_replace (soup_server_message_get_response_headers (message),
                                    "Retry-After", "120");
      soup_server_message_set_status (message, 429, NULL);
      break;
    case REPLY_DROP_AFTER_BODY:
      {
        g_autoptr(GIOStream) stream = soup_server_message_steal_connection (message);

        if (stream != NULL)
          g_io_stream_close (stream, NULL, NULL);
      }
      break;
    case REPLY_SLOW:
      {
        g_autoptr(GSource) source = g_timeout_source_new ((TIMEOUT + 2) * 1000);

        soup_server_message_pause (message);
        g_source_set_callback (source, slow_reply_cb, g_object_ref (message), g_object_unref);
        g_source_attach (source, receiver->context);
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

static gboolean
on_incoming_cb (GSocketService    *service,
                GSocketConnection *connection,
                GObject           *source,
                gpointer           user_data)
{
  Receiver *receiver = user_data;
  g_autoptr(GSocketAddress) local = g_socket_connection_get_local_address (connection, NULL);
  g_autoptr(GSocketAddress) remote = g_socket_connection_get_remote_address (connection, NULL);

  if (local != NULL && remote != NULL)
    soup_server_accept_iostream (receiver->server, G_IO_STREAM (connection), local, remote, NULL);

  return TRUE;
}

static gpointer
receiver_thread (gpointer data)
{
  Receiver *receiver = data;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) effective = NULL;
  g_autoptr(GError) error = NULL;

  g_main_context_push_thread_default (receiver->context);

  /* Our own listener, as in the fake Odoo: libsoup 3.2's leaks sockets. */
  receiver->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (receiver->server, NULL, on_request_cb, receiver, NULL);
  receiver->service = g_socket_service_new ();
  g_socket_listener_add_address (G_SOCKET_LISTENER (receiver->service), address, G_SOCKET_TYPE_STREAM,
                                 G_SOCKET_PROTOCOL_TCP, NULL, &effective, &error);
  g_assert_no_error (error);
  receiver->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (effective));
  g_signal_connect (receiver->service, "incoming", G_CALLBACK (on_incoming_cb), receiver);
  g_socket_service_start (receiver->service);

  g_mutex_lock (&receiver->lock);
  receiver->started = TRUE;
  g_cond_signal (&receiver->started_cond);
  g_mutex_unlock (&receiver->lock);

  g_main_loop_run (receiver->loop);

  g_socket_service_stop (receiver->service);
  g_socket_listener_close (G_SOCKET_LISTENER (receiver->service));
  g_clear_object (&receiver->service);
  soup_server_disconnect (receiver->server);
  g_clear_object (&receiver->server);
  while (g_main_context_iteration (receiver->context, FALSE))
    ;
  g_main_context_pop_thread_default (receiver->context);

  return NULL;
}

static Receiver *
receiver_new (void)
{
  Receiver *receiver = g_new0 (Receiver, 1);

  g_mutex_init (&receiver->lock);
  g_cond_init (&receiver->started_cond);
  receiver->context = g_main_context_new ();
  receiver->loop = g_main_loop_new (receiver->context, FALSE);
  receiver->received = g_ptr_array_new_with_free_func ((GDestroyNotify)received_free);
  receiver->processed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_queue_init (&receiver->script);
  receiver->thread = g_thread_new ("receiver", receiver_thread, receiver);

  g_mutex_lock (&receiver->lock);
  while (!receiver->started)
    g_cond_wait (&receiver->started_cond, &receiver->lock);
  g_mutex_unlock (&receiver->lock);

  return receiver;
}

static gboolean
quit_cb (gpointer data)
{
  g_main_loop_quit (data);

  return G_SOURCE_REMOVE;
}

static void
receiver_free (Receiver *receiver)
{
  g_main_context_invoke (receiver->context, quit_cb, receiver->loop);
  g_thread_join (receiver->thread);
  g_main_loop_unref (receiver->loop);
  g_main_context_unref (receiver->context);
  g_ptr_array_unref (receiver->received);
  g_hash_table_unref (receiver->processed);
  g_queue_clear (&receiver->script);
  g_mutex_clear (&receiver->lock);
  g_cond_clear (&receiver->started_cond);
  g_free (receiver);
}

static void
receiver_script (Receiver *receiver,
                 Reply     reply)
{
  g_mutex_lock (&receiver->lock);
  g_queue_push_tail (&receiver->script, GINT_TO_POINTER (reply));
  g_mutex_unlock (&receiver->lock);
}

static guint
receiver_count (Receiver *receiver)
{
  guint n;

  g_mutex_lock (&receiver->lock);
  n = receiver->received->len;
  g_mutex_unlock (&receiver->lock);

  return n;
}

/* Only read after the drain returned: the receiver has answered by then. */
static Received *
receiver_get (Receiver *receiver,
              guint     index)
{
  Received *received;

  g_mutex_lock (&receiver->lock);
  g_assert_cmpuint (index, <, receiver->received->len);
  received = g_ptr_array_index (receiver->received, index);
  g_mutex_unlock (&receiver->lock);

  return received;
}

static char *
receiver_url (Receiver   *receiver,
              const char *path)
{
  return g_strdup_printf ("http://127.0.0.1:%u%s", receiver->port, path);
}

/* Fixture */

static char *
lookup_secret (gint64   channel_id,
               gpointer user_data)
{
  Fixture *fixture = user_data;

  return g_strdup (g_hash_table_lookup (fixture->secrets, &channel_id));
}

static gint64
add_channel (Fixture    *fixture,
             const char *kind,
             const char *name,
             const char *config,
             char       *secret)
{
  g_autoptr(GError) error = NULL;
  gint64 id = sc_store_add_alert_channel (fixture->store, kind, name, config, NOW, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  if (secret != NULL)
    g_hash_table_insert (fixture->secrets, g_memdup2 (&id, sizeof id), secret);

  return id;
}

static char *
url_secret (Receiver   *receiver,
            const char *path)
{
  g_autofree char *url = receiver_url (receiver, path);

  return g_strdup_printf ("{\"url\": \"%s\"}", url);
}

static void
record_event (Fixture      *fixture,
              const gint64 *channels,
              guint         n_channels)
{
  g_auto(ScAlertEvent) event = { 0, };
  g_autoptr(GError) error = NULL;

  event.type = SC_ALERT_EVENT_FIRED;
  event.rule_id = 4;
  event.rule_name = g_strdup ("Revenue below 90 %");
  event.rule_type = SC_ALERT_TYPE_THRESHOLD;
  event.kpi_name = g_strdup ("Revenue");
  event.time = NOW;
  event.severity = SC_ALERT_SEVERITY_CRITICAL;
  event.incident = 2;
  event.metric = 84.5;
  event.value = 84500;
  event.level = 90;
  event.clear_level = 92;
  event.message = g_strdup ("Revenue is at 84.5 % of its target, below the 90 % line");

  g_assert_cmpint (sc_store_record_alert_event (fixture->store, &event, channels, n_channels, NOW,
                                                &error), >, 0);
  g_assert_no_error (error);
}

static ScAlertDrainReport
drain (Fixture *fixture,
       gint64   now)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GError) error = NULL;
  ScAlertDrainReport report;

  g_assert_true (sc_alert_drain_sync (fixture->store, fixture->sender, lookup_secret, fixture, now,
                                      rand, NULL, &report, &error));
  g_assert_no_error (error);

  return report;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("sc-alert-channels-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "store.db", NULL);
  fixture->store = sc_store_open (fixture->path, &error);
  g_assert_no_error (error);
  fixture->receiver = receiver_new ();
  fixture->secrets = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  fixture->sender = sc_alert_sender_new (TIMEOUT);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fixture->path, "-shm", NULL);

  g_clear_object (&fixture->sender);
  g_clear_object (&fixture->store);
  receiver_free (fixture->receiver);
  g_hash_table_unref (fixture->secrets);
  g_unlink (fixture->path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static JsonNode *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);

  return node;
}

static Received *
received_on (Receiver   *receiver,
             const char *prefix)
{
  for (guint i = 0; i < receiver_count (receiver); i++)
    if (g_str_has_prefix (receiver_get (receiver, i)->path, prefix))
      return receiver_get (receiver, i);

  g_error ("Nothing was received on %s", prefix);
}

/* Tests */

static void
test_every_channel (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *webhook_url = receiver_url (fixture->receiver, "/n8n");
  g_autofree char *twilio_config = NULL;
  ScAlertDrainReport report;
  gint64 channels[6];
  Received *received;

  twilio_config = g_strdup_printf ("{\"from\": \"+15550100\", \"to\": \"+15550199\", "
                                   "\"base_url\": \"http://127.0.0.1:%u\"}",
                                   fixture->receiver->port);
  channels[0] = add_channel (fixture, "slack", "Slack", NULL, url_secret (fixture->receiver, "/slack"));
  channels[1] = add_channel (fixture, "teams", "Teams", NULL, url_secret (fixture->receiver, "/teams"));
  channels[2] = add_channel (fixture, "webhook", "n8n", NULL,
                             g_strdup_printf ("{\"url\": \"%s\", \"signing_key\": \"%s\"}", webhook_url,
                                              SIGNING));
  channels[3] = add_channel (fixture, "powerbi", "Power BI", NULL,
                             url_secret (fixture->receiver, "/powerbi"));
  channels[4] = add_channel (fixture, "twilio_sms", "SMS", twilio_config,
                             g_strdup ("{\"account_sid\": \"" TWILIO_SID "\", \"auth_token\": \"" TWILIO_TOK "\"}"));
  channels[5] = add_channel (fixture, "twilio_whatsapp", "WhatsApp", twilio_config,
                             g_strdup ("{\"account_sid\": \"" TWILIO_SID "\", \"auth_token\": \"" TWILIO_TOK "\"}"));
  record_event (fixture, channels, G_N_ELEMENTS (channels));

  report = drain (fixture, NOW);
  g_assert_cmpuint (report.delivered, ==, 6);
  g_assert_cmpuint (report.retrying + report.failed, ==, 0);
  g_assert_cmpint (report.next_due, ==, 0);
  g_assert_cmpuint (receiver_count (fixture->receiver), ==, 6);

  /* Slack Block Kit: a fallback text, a header, a section with fields. */
  {
    g_autoptr(JsonNode) node = NULL;
    JsonObject *root;
    JsonArray *blocks;

    received = received_on (fixture->receiver, "/slack");
    g_assert_cmpstr (received->content_type, ==, "application/json");
    node = parse (received->body);
    root = json_node_get_object (node);
    g_assert_nonnull (strstr (json_object_get_string_member (root, "text"), "Critical: Revenue"));
    blocks = json_object_get_array_member (root, "blocks");
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (blocks, 0), "type"), ==, "header");
    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (json_array_get_object_element (blocks, 0), "text"), "type"), ==, "plain_text");
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (blocks, 1), "type"), ==, "section");
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_array_get_object_element (blocks, 1), "fields")), ==, 3);
    g_assert_nonnull (strstr (received->body, "*Value*\\n84500"));
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (blocks, 2), "type"), ==, "context");
  }

  /* Teams: a message whose attachment is an Adaptive Card. */
  {
    g_autoptr(JsonNode) node = NULL;
    JsonObject *attachment, *card;

    received = received_on (fixture->receiver, "/teams");
    node = parse (received->body);
    g_assert_cmpstr (json_object_get_string_member (json_node_get_object (node), "type"), ==, "message");
    attachment = json_array_get_object_element (json_object_get_array_member (json_node_get_object (node), "attachments"), 0);
    g_assert_cmpstr (json_object_get_string_member (attachment, "contentType"), ==,
                     "application/vnd.microsoft.card.adaptive");
    card = json_object_get_object_member (attachment, "content");
    g_assert_cmpstr (json_object_get_string_member (card, "type"), ==, "AdaptiveCard");
    g_assert_cmpstr (json_object_get_string_member (card, "version"), ==, "1.4");
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (card, "body"), 2), "type"), ==, "FactSet");
  }

  /* The signed webhook: the receiver verifies it, and only it. */
  {
    g_autoptr(JsonNode) node = NULL;
    g_autoptr(GError) error = NULL;
    JsonObject *root;

    received = received_on (fixture->receiver, "/n8n");
    g_assert_true (sc_webhook_verify (SIGNING, received->signature, received->body,
                                      strlen (received->body), NOW + 10,
                                      SC_WEBHOOK_REPLAY_WINDOW_SECONDS, &error));
    g_assert_no_error (error);
    g_assert_false (sc_webhook_verify ("another key", received->signature, received->body,
                                       strlen (received->body), NOW, 300, &error));
    g_assert_error (error, SC_WEBHOOK_SIGNATURE_ERROR, SC_WEBHOOK_SIGNATURE_ERROR_MISMATCH);
    g_clear_error (&error);
    g_assert_false (sc_webhook_verify (SIGNING, received->signature, received->body,
                                       strlen (received->body), NOW + 3600, 300, &error));
    g_assert_error (error, SC_WEBHOOK_SIGNATURE_ERROR, SC_WEBHOOK_SIGNATURE_ERROR_EXPIRED);
    g_clear_error (&error);

    node = parse (received->body);
    root = json_node_get_object (node);
    g_assert_cmpstr (json_object_get_string_member (root, "id"), ==, received->idempotency_key);
    g_assert_cmpstr (json_object_get_string_member (root, "event"), ==, "alert.fired");
    g_assert_cmpstr (json_object_get_string_member (root, "severity"), ==, "critical");
    g_assert_cmpfloat (json_object_get_double_member (json_object_get_object_member (root, "details"), "metric"), ==, 84.5);
  }

  /* Power BI: an array of rows. */
  {
    g_autoptr(JsonNode) node = NULL;
    JsonObject *row;

    received = received_on (fixture->receiver, "/powerbi");
    node = parse (received->body);
    g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
    row = json_array_get_object_element (json_node_get_array (node), 0);
    g_assert_cmpstr (json_object_get_string_member (row, "kpi"), ==, "Revenue");
    g_assert_cmpfloat (json_object_get_double_member (row, "value"), ==, 84500);
    g_assert_cmpstr (json_object_get_string_member (row, "time"), ==, "2026-11-30T00:53:20Z");
  }

  /* Twilio: its Messages resource, basic auth, a form; WhatsApp prefixed. */
  {
    g_autofree char *credentials = g_base64_encode ((const guchar *)TWILIO_SID ":" TWILIO_TOK,
                                                    strlen (TWILIO_SID ":" TWILIO_TOK));
    g_autofree char *basic = g_strconcat ("Basic ", credentials, NULL);
    guint sms = 0, whatsapp = 0;

    for (guint i = 0; i < receiver_count (fixture->receiver); i++)
      {
        g_autoptr(GHashTable) form = NULL;

        received = receiver_get (fixture->receiver, i);
        if (!g_str_has_prefix (received->path, "/2010-04-01/"))
          continue;
        g_assert_cmpstr (received->path, ==, "/2010-04-01/Accounts/" TWILIO_SID "/Messages.json");
        g_assert_cmpstr (received->authorization, ==, basic);
        g_assert_cmpstr (received->content_type, ==, SOUP_FORM_MIME_TYPE_URLENCODED);
        form = soup_form_decode (received->body);
        g_assert_nonnull (strstr (g_hash_table_lookup (form, "Body"), "Revenue is at 84.5 %"));
        if (g_str_has_prefix (g_hash_table_lookup (form, "To"), "whatsapp:"))
          {
            g_assert_cmpstr (g_hash_table_lookup (form, "From"), ==, "whatsapp:+15550100");
            whatsapp++;
          }
        else
          {
            g_assert_cmpstr (g_hash_table_lookup (form, "To"), ==, "+15550199");
            sms++;
          }
      }
    g_assert_cmpuint (sms, ==, 1);
    g_assert_cmpuint (whatsapp, ==, 1);
  }

  /* Nothing is sent twice: a second drain has nothing to do. */
  report = drain (fixture, NOW + 100000);
  g_assert_cmpuint (report.delivered + report.retrying + report.failed, ==, 0);
  g_assert_cmpuint (receiver_count (fixture->receiver), ==, 6);
}

static void
test_faults_then_delivered (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *url = receiver_url (fixture->receiver, "/n8n");
  gint64 channel = add_channel (fixture, "webhook", "n8n", NULL,
                                g_strdup_printf ("{\"url\": \"%s\", \"signing_key\": \"%s\"}", url, SIGNING));
  g_autoptr(GPtrArray) log = NULL;
  ScAlertDelivery *delivery;
  ScAlertDrainReport report;
  gint64 now = NOW;
  const char *key;

  record_event (fixture, &channel, 1);
  receiver_script (fixture->receiver, REPLY_500);
  receiver_script (fixture->receiver, REPLY_429);
  receiver_script (fixture->receiver, REPLY_DROP_AFTER_BODY);
  receiver_script (fixture->receiver, REPLY_SLOW);

  /* 500: backoff with jitter, 15 to 30 s for the first retry. */
  report = drain (fixture, now);
  g_assert_cmpuint (report.retrying, ==, 1);
  g_assert_cmpint (report.next_due, >=, now + 15);
  g_assert_cmpint (report.next_due, <=, now + 30);
  g_assert_cmpuint (drain (fixture, report.next_due - 1).retrying, ==, 0);

  /* 429 with Retry-After: 120 is honoured to the second. */
  now = report.next_due;
  report = drain (fixture, now);
  g_assert_cmpuint (report.retrying, ==, 1);
  g_assert_cmpint (report.next_due, ==, now + 120);

  /* The connection drops after the body arrived: retried, same key. */
  now = report.next_due;
  report = drain (fixture, now);
  g_assert_cmpuint (report.retrying, ==, 1);

  /* Slower than the timeout. */
  now = report.next_due;
  report = drain (fixture, now);
  g_assert_cmpuint (report.retrying, ==, 1);

  now = report.next_due;
  report = drain (fixture, now);
  g_assert_cmpuint (report.delivered, ==, 1);
  g_assert_cmpint (report.next_due, ==, 0);

  /* Five attempts, one key: a deduplicating receiver handled it once. */
  g_assert_cmpuint (receiver_count (fixture->receiver), ==, 5);
  key = receiver_get (fixture->receiver, 0)->idempotency_key;
  g_assert_nonnull (key);
  for (guint i = 1; i < 5; i++)
    g_assert_cmpstr (receiver_get (fixture->receiver, i)->idempotency_key, ==, key);
  g_assert_cmpuint (g_hash_table_size (fixture->receiver->processed), ==, 1);

  log = sc_store_list_alert_deliveries (fixture->store, 0, NULL);
  g_assert_cmpuint (log->len, ==, 1);
  delivery = g_ptr_array_index (log, 0);
  g_assert_cmpstr (delivery->state, ==, "delivered");
  g_assert_cmpuint (delivery->attempts, ==, 5);
  g_assert_cmpuint (delivery->last_status, ==, 200);
}

static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *secret_path = g_strdup ("/services/T000/B000/XXXXsecretXXXX");
  gint64 channels[2];
  g_autoptr(GPtrArray) log = NULL;
  ScAlertDrainReport report;
  g_autofree char *bytes = NULL;
  gsize length = 0;

  channels[0] = add_channel (fixture, "slack", "Slack", NULL, url_secret (fixture->receiver, secret_path));
  channels[1] = add_channel (fixture, "teams", "Teams without secret", NULL, NULL);
  record_event (fixture, channels, 2);
  receiver_script (fixture->receiver, REPLY_404);

  report = drain (fixture, NOW);
  g_assert_cmpuint (report.failed, ==, 2);
  g_assert_cmpint (report.next_due, ==, 0);

  log = sc_store_list_alert_deliveries (fixture->store, 0, NULL);
  for (guint i = 0; i < log->len; i++)
    {
      ScAlertDelivery *delivery = g_ptr_array_index (log, i);

      g_assert_cmpstr (delivery->state, ==, "failed");
      if (g_strcmp0 (delivery->channel_kind, "slack") == 0)
        {
          g_assert_cmpuint (delivery->last_status, ==, 404);
          g_assert_cmpstr (delivery->last_error, ==, "Slack answered HTTP 404: no_service");
        }
      else
        g_assert_nonnull (strstr (delivery->last_error, "No address or token is saved"));
    }

  /* The webhook URL is a secret: never in the store. */
  g_clear_object (&fixture->store);
  g_assert_true (g_file_get_contents (fixture->path, &bytes, &length, NULL));
  g_assert_null (g_strstr_len (bytes, length, "XXXXsecretXXXX"));
  fixture->store = sc_store_open (fixture->path, NULL);
}

static void
test_gives_up (Fixture       *fixture,
               gconstpointer  data)
{
  gint64 channel = add_channel (fixture, "slack", "Slack", NULL, url_secret (fixture->receiver, "/slack"));
  g_autoptr(GPtrArray) log = NULL;
  ScAlertDrainReport report = { 0, };
  gint64 now = NOW;

  record_event (fixture, &channel, 1);
  for (guint i = 0; i < SC_ALERT_DELIVERY_MAX_ATTEMPTS; i++)
    receiver_script (fixture->receiver, REPLY_500);

  for (guint i = 0; i < SC_ALERT_DELIVERY_MAX_ATTEMPTS; i++)
    {
      report = drain (fixture, now);
      now = report.next_due;
    }
  g_assert_cmpuint (report.failed, ==, 1);
  g_assert_cmpuint (receiver_count (fixture->receiver), ==, SC_ALERT_DELIVERY_MAX_ATTEMPTS);

  log = sc_store_list_alert_deliveries (fixture->store, 0, NULL);
  g_assert_nonnull (strstr (((ScAlertDelivery *)g_ptr_array_index (log, 0))->last_error,
                            "Gave up after 12 attempts"));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("no_proxy", "127.0.0.1,localhost", TRUE);
  g_unsetenv ("http_proxy");
  g_unsetenv ("https_proxy");

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/alerts/channels/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("every-channel", test_every_channel);
  ADD ("faults-then-delivered", test_faults_then_delivered);
  ADD ("refused", test_refused);
  ADD ("gives-up", test_gives_up);
#undef ADD

  return g_test_run ();
}
