/* test-alert-email.c
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

#include "sc-alert-drain.h"
#include "sc-alert-outbox.h"
#include "sc-smtp.h"
#include "sc-store-private.h"

/* The e-mail channel against a real SMTP server on 127.0.0.1: Debian's
 * python3-aiosmtpd (tests/integrations/smtp-receiver.py), with STARTTLS or
 * implicit TLS on the tests' self-signed certificate, AUTH, and scripted
 * refusals. The certificate is trusted through the channel's CA file, as a
 * private relay's would be; without it the send must fail. */

#define NOW      G_GINT64_CONSTANT (1796000000)
#define PASSWORD "smtp-secret-pw"

typedef struct
{
  char        *dir;
  char        *outdir;
  char        *path;
  char        *cert;
  ScStore     *store;
  GSubprocess *receiver;
  guint        port;
  char        *secret;
} Fixture;

static const char *python;

static void
start_receiver (Fixture    *fixture,
                const char *option)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "integrations", "smtp-receiver.py", NULL);
  g_autoptr(GDataInputStream) in = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  const char *argv[] = { python, script, "--cert", fixture->cert, "--outdir", fixture->outdir, option, NULL };

  fixture->receiver = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);
  in = g_data_input_stream_new (g_subprocess_get_stdout_pipe (fixture->receiver));
  line = g_data_input_stream_read_line (in, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  fixture->port = (guint)g_ascii_strtoull (line, NULL, 10);
  g_assert_cmpuint (fixture->port, >, 0);
}

static char *
lookup_secret (gint64   channel_id,
               gpointer user_data)
{
  Fixture *fixture = user_data;

  return g_strdup (fixture->secret);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("sc-alert-email-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->outdir = g_build_filename (fixture->dir, "mail", NULL);
  g_mkdir (fixture->outdir, 0700);
  fixture->path = g_build_filename (fixture->dir, "store.db", NULL);
  fixture->cert = g_test_build_filename (G_TEST_DIST, "sync", "data", "fake-odoo-selfsigned.pem", NULL);
  fixture->store = sc_store_open (fixture->path, &error);
  g_assert_no_error (error);
  fixture->secret = g_strdup ("{\"password\": \"" PASSWORD "\"}");
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (fixture->receiver != NULL)
    {
      g_subprocess_force_exit (fixture->receiver);
      g_subprocess_wait (fixture->receiver, NULL, NULL);
      g_clear_object (&fixture->receiver);
    }
  g_clear_object (&fixture->store);

  dir = g_dir_open (fixture->outdir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (fixture->outdir, name, NULL);

      g_unlink (file);
    }
  g_rmdir (fixture->outdir);
  g_clear_pointer (&dir, g_dir_close);
  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (fixture->dir, name, NULL);

      g_unlink (file);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->outdir);
  g_free (fixture->path);
  g_free (fixture->cert);
  g_free (fixture->secret);
}

static void
queue_alert (Fixture    *fixture,
             const char *security,
             gboolean    trust_test_ca,
             const char *username)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) config = g_string_new (NULL);
  g_auto(ScAlertEvent) event = { 0, };
  gint64 channel;

  g_string_printf (config, "{\"host\": \"localhost\", \"port\": %u, \"security\": \"%s\", "
                           "\"from\": \"scorecard@example.com\", "
                           "\"to\": [\"cfo@example.com\", \"ops@example.com\"]",
                   fixture->port, security);
  if (username != NULL)
    g_string_append_printf (config, ", \"username\": \"%s\"", username);
  if (trust_test_ca)
    g_string_append_printf (config, ", \"ca_file\": \"%s\"", fixture->cert);
  g_string_append_c (config, '}');

  channel = sc_store_add_alert_channel (fixture->store, "email", "Board mail", config->str, NOW, &error);
  g_assert_no_error (error);

  event.type = SC_ALERT_EVENT_FIRED;
  event.rule_name = g_strdup ("Marge sous 30 %");
  event.kpi_name = g_strdup ("Marge brute — Europe");
  event.time = NOW;
  event.severity = SC_ALERT_SEVERITY_URGENT;
  event.incident = 1;
  event.metric = 27.5;
  event.value = 27.5;
  event.level = 30;
  event.message = g_strdup ("La marge brute est à 27,5 %, sous les 30 %");
  sc_store_record_alert_event (fixture->store, &event, &channel, 1, NOW, &error);
  g_assert_no_error (error);
}

static ScAlertDrainReport
drain (Fixture *fixture,
       gint64   now)
{
  g_autoptr(ScAlertSender) sender = sc_alert_sender_new (10);
  g_autoptr(GError) error = NULL;
  ScAlertDrainReport report;

  g_assert_true (sc_alert_drain_sync (fixture->store, sender, lookup_secret, fixture, now, NULL, NULL,
                                      &report, &error));
  g_assert_no_error (error);

  return report;
}

static char *
last_error (Fixture *fixture)
{
  g_autoptr(GPtrArray) log = sc_store_list_alert_deliveries (fixture->store, 0, NULL);

  g_assert_cmpuint (log->len, ==, 1);

  return g_strdup (((ScAlertDelivery *)g_ptr_array_index (log, 0))->last_error);
}

static guint
received (Fixture *fixture)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->outdir, 0, NULL);
  guint n = 0;
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    n += g_str_has_suffix (name, ".eml");

  return n;
}

/* Tests */

static void
test_starttls_with_auth (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *envelope = NULL;
  g_autofree char *eml = NULL;
  g_autofree char *json_path = g_build_filename (fixture->outdir, "1.json", NULL);
  g_autofree char *eml_path = g_build_filename (fixture->outdir, "1.eml", NULL);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GPtrArray) log = NULL;
  ScAlertDrainReport report;
  const char *key;
  const char *body_start;
  g_autofree guchar *body = NULL;
  gsize body_length = 0;

  start_receiver (fixture, NULL);
  queue_alert (fixture, "starttls", TRUE, "alerts");
  report = drain (fixture, NOW);
  g_assert_cmpuint (report.delivered, ==, 1);
  g_assert_cmpuint (received (fixture), ==, 1);

  g_assert_true (g_file_get_contents (json_path, &envelope, NULL, NULL));
  node = json_from_string (envelope, NULL);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (node), "from"), ==, "scorecard@example.com");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (node), "to")), ==, 2);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (node), "tls"));

  /* The message: its Message-ID is the delivery's key; the French text
   * survives (an encoded-word subject, a base64 body). */
  log = sc_store_list_alert_deliveries (fixture->store, 0, NULL);
  key = ((ScAlertDelivery *)g_ptr_array_index (log, 0))->idempotency_key;
  g_assert_true (g_file_get_contents (eml_path, &eml, NULL, NULL));
  {
    g_autofree char *id = g_strdup_printf ("Message-ID: <%s@scorecard.invalid>", key);

    g_assert_nonnull (strstr (eml, id));
  }
  g_assert_nonnull (strstr (eml, "Subject: =?UTF-8?B?"));
  g_assert_nonnull (strstr (eml, "Content-Type: text/plain; charset=UTF-8"));
  body_start = strstr (eml, "\r\n\r\n");
  g_assert_nonnull (body_start);
  body = g_base64_decode (body_start + 4, &body_length);
  g_assert_nonnull (g_strstr_len ((const char *)body, body_length, "La marge brute est à 27,5 %"));
  g_assert_nonnull (g_strstr_len ((const char *)body, body_length, "Marge brute — Europe"));

  /* The password never reaches the store. */
  g_clear_object (&fixture->store);
  {
    g_autofree char *bytes = NULL;
    gsize length = 0;

    g_assert_true (g_file_get_contents (fixture->path, &bytes, &length, NULL));
    g_assert_null (g_strstr_len (bytes, length, PASSWORD));
  }
}

static void
test_implicit_tls (Fixture       *fixture,
                   gconstpointer  data)
{
  ScAlertDrainReport report;

  start_receiver (fixture, "--implicit-tls");
  queue_alert (fixture, "tls", TRUE, "alerts");
  report = drain (fixture, NOW);
  if (report.delivered != 1)
    {
      g_autofree char *reason = last_error (fixture);

      g_error ("Not delivered: %s", reason);
    }
  g_assert_cmpuint (received (fixture), ==, 1);
}

static void
test_never_unencrypted (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *reason = NULL;

  start_receiver (fixture, "--no-starttls");
  queue_alert (fixture, "starttls", TRUE, NULL);
  g_assert_cmpuint (drain (fixture, NOW).failed, ==, 1);
  reason = last_error (fixture);
  g_assert_nonnull (strstr (reason, "does not offer STARTTLS"));
  g_assert_cmpuint (received (fixture), ==, 0);
}

static void
test_untrusted_certificate (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *reason = NULL;

  start_receiver (fixture, NULL);
  queue_alert (fixture, "starttls", FALSE, "alerts");
  g_assert_cmpuint (drain (fixture, NOW).failed, ==, 1);
  reason = last_error (fixture);
  g_assert_nonnull (strstr (reason, "no certificate we can trust"));
  g_assert_cmpuint (received (fixture), ==, 0);
}

static void
test_wrong_password (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *reason = NULL;

  g_free (fixture->secret);
  fixture->secret = g_strdup ("{\"password\": \"not-it\"}");
  start_receiver (fixture, NULL);
  queue_alert (fixture, "starttls", TRUE, "alerts");
  g_assert_cmpuint (drain (fixture, NOW).failed, ==, 1);
  reason = last_error (fixture);
  g_assert_nonnull (strstr (reason, "535"));
  g_assert_null (strstr (reason, "not-it"));
}

static void
test_try_later_then_refused (Fixture       *fixture,
                             gconstpointer  data)
{
  ScAlertDrainReport report;

  /* 451: retried later, then delivered once. */
  start_receiver (fixture, "--fail-first=1");
  queue_alert (fixture, "starttls", TRUE, "alerts");
  report = drain (fixture, NOW);
  g_assert_cmpuint (report.retrying, ==, 1);
  g_assert_cmpuint (received (fixture), ==, 0);
  report = drain (fixture, report.next_due);
  g_assert_cmpuint (report.delivered, ==, 1);
  g_assert_cmpuint (received (fixture), ==, 1);
}

static void
test_relay_denied (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *reason = NULL;

  start_receiver (fixture, "--reject");
  queue_alert (fixture, "starttls", TRUE, "alerts");
  g_assert_cmpuint (drain (fixture, NOW).failed, ==, 1);
  reason = last_error (fixture);
  g_assert_nonnull (strstr (reason, "550"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  python = g_getenv ("SMTP_RECEIVER_PYTHON");
  if (python == NULL || !g_file_test (python, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("No python3 with aiosmtpd (SMTP_RECEIVER_PYTHON); build-aux/dev.sh installs it");
      return g_test_run ();
    }

#define ADD(path, func) g_test_add ("/alerts/email/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("starttls-with-auth", test_starttls_with_auth);
  ADD ("implicit-tls", test_implicit_tls);
  ADD ("never-unencrypted", test_never_unencrypted);
  ADD ("untrusted-certificate", test_untrusted_certificate);
  ADD ("wrong-password", test_wrong_password);
  ADD ("try-later", test_try_later_then_refused);
  ADD ("relay-denied", test_relay_denied);
#undef ADD

  return g_test_run ();
}
