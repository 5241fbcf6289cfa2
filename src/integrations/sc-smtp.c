/* sc-smtp.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-smtp"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sc-smtp.h"

/* E-mail over SMTP with GIO: STARTTLS or implicit TLS, certificates always
 * checked (against the system's CAs, or a CA file the user chose for a
 * private relay), AUTH PLAIN only inside TLS. Synchronous, for the
 * delivery worker thread. The message's Message-ID is the delivery's
 * idempotency key, so a retry after a lost answer is one message to any
 * system that deduplicates by it. */

G_DEFINE_QUARK (sc-smtp-error-quark, sc_smtp_error)

typedef struct
{
  GIOStream        *stream;
  GDataInputStream *in;
  GOutputStream    *out;
  GCancellable     *cancellable;
  const char       *host;
  guint            *last_code;
} Session;

/* Auxiliary methods */

static void
session_attach (Session   *session,
                GIOStream *stream)
{
  g_clear_object (&session->in);
  g_set_object (&session->stream, stream);
  session->in = g_data_input_stream_new (g_io_stream_get_input_stream (stream));
  g_data_input_stream_set_newline_type (session->in, G_DATA_STREAM_NEWLINE_TYPE_CR_LF);
  g_filter_input_stream_set_close_base_stream (G_FILTER_INPUT_STREAM (session->in), FALSE);
  session->out = g_io_stream_get_output_stream (stream);
}

static void
session_clear (Session *session)
{
  g_clear_object (&session->in);
  if (session->stream != NULL)
    g_io_stream_close (session->stream, NULL, NULL);
  g_clear_object (&session->stream);
}

static void
network_error (GError     **error,
               const char  *host,
               GError      *cause)
{
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, cause);
      return;
    }

  if (cause->domain == G_TLS_ERROR)
    g_set_error (error, SC_SMTP_ERROR, SC_SMTP_ERROR_REFUSED,
                 _("The mail server %s has no certificate we can trust: %s"), host, cause->message);
  else
    g_set_error (error, SC_SMTP_ERROR, SC_SMTP_ERROR_TRANSIENT,
                 _("The mail server %s could not be reached: %s"), host, cause->message);
  g_error_free (cause);
}

/* One reply, multi-line included ("250-…" then "250 …"). */
static gboolean
read_reply (Session  *session,
            guint     expected_class,
            GString  *text,
            GError  **error)
{
  guint code = 0;

  g_string_truncate (text, 0);
  for (;;)
    {
      g_autofree char *line = NULL;
      GError *local = NULL;
      gsize length = 0;

      line = g_data_input_stream_read_line (session->in, &length, session->cancellable, &local);
      if (line == NULL)
        {
          if (local == NULL)
            local = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED,
                                         _("the connection was closed"));
          network_error (error, session->host, local);
          return FALSE;
        }

      if (length < 3 || !g_ascii_isdigit (line[0]) || !g_ascii_isdigit (line[1]) ||
          !g_ascii_isdigit (line[2]) || (length > 3 && line[3] != ' ' && line[3] != '-'))
        {
          g_autofree char *valid = g_utf8_make_valid (line, MIN (length, 80));

          g_set_error (error, SC_SMTP_ERROR, SC_SMTP_ERROR_PROTOCOL,
                       _("The mail server %s answered something that is not SMTP: “%s”"),
                       session->host, valid);
          return FALSE;
        }

      code = (guint)g_ascii_strtoull (line, NULL, 10);
      if (text->len > 0)
        g_string_append_c (text, ' ');
      if (length > 4)
        {
          g_autofree char *valid = g_utf8_make_valid (line + 4, -1);

          g_string_append (text, valid);
        }

      if (length == 3 || line[3] == ' ')
        break;
    }

  if (session->last_code != NULL)
    *session->last_code = code;

  if (code / 100 != expected_class)
    {
      g_set_error (error, SC_SMTP_ERROR,
                   code / 100 == 4 ? SC_SMTP_ERROR_TRANSIENT
                   : code / 100 == 5 ? SC_SMTP_ERROR_REFUSED : SC_SMTP_ERROR_PROTOCOL,
                   _("The mail server %s answered %u: %s"), session->host, code, text->str);
      return FALSE;
    }

  return TRUE;
}

static gboolean
send_line (Session     *session,
           const char  *line,
           GError     **error)
{
  g_autofree char *crlf = g_strconcat (line, "\r\n", NULL);
  GError *local = NULL;

  if (!g_output_stream_write_all (session->out, crlf, strlen (crlf), NULL, session->cancellable, &local))
    {
      network_error (error, session->host, local);
      return FALSE;
    }

  return TRUE;
}

static gboolean
command (Session     *session,
         const char  *line,
         guint        expected_class,
         GString     *reply,
         GError     **error)
{
  return send_line (session, line, error) && read_reply (session, expected_class, reply, error);
}

static gboolean
start_tls (Session             *session,
           const ScSmtpServer  *server,
           GError             **error)
{
  g_autoptr(GSocketConnectable) identity = g_network_address_new (server->host, server->port);
  g_autoptr(GIOStream) tls = NULL;
  GError *local = NULL;

  tls = g_tls_client_connection_new (session->stream, identity, &local);
  if (tls == NULL)
    {
      network_error (error, server->host, local);
      return FALSE;
    }

  if (server->ca_file != NULL)
    {
      g_autoptr(GTlsDatabase) database = g_tls_file_database_new (server->ca_file, &local);

      if (database == NULL)
        {
          g_set_error (error, SC_SMTP_ERROR, SC_SMTP_ERROR_REFUSED,
                       _("The certificate authority file %s cannot be read: %s"), server->ca_file,
                       local->message);
          g_error_free (local);
          return FALSE;
        }
      g_tls_connection_set_database (G_TLS_CONNECTION (tls), database);
    }

  if (!g_tls_connection_handshake (G_TLS_CONNECTION (tls), session->cancellable, &local))
    {
      network_error (error, server->host, local);
      return FALSE;
    }

  session_attach (session, tls);

  return TRUE;
}

/* RFC 2047: a header value outside ASCII as =?UTF-8?B?…?= words. */
static char *
encode_header (const char *value)
{
  GString *out;
  const char *p = value;

  for (const char *c = value; *c; c++)
    if ((guchar)*c >= 0x80 || *c == '\r' || *c == '\n')
      goto encode;

  return g_strdup (value);

encode:
  out = g_string_new (NULL);
  while (*p)
    {
      const char *end = p;
      g_autofree char *chunk = NULL;

      /* At most 45 bytes a word, cut between characters. */
      while (*end && end - p < 45)
        end = g_utf8_next_char (end);
      chunk = g_base64_encode ((const guchar *)p, end - p);
      g_string_append_printf (out, "%s=?UTF-8?B?%s?=", out->len ? "\r\n " : "", chunk);
      p = end;
    }

  return g_string_free (out, FALSE);
}

static gboolean
is_plain_address (const char *address)
{
  return address != NULL && *address != '\0' && strchr (address, '@') != NULL &&
         strpbrk (address, "<>\r\n \t,") == NULL;
}

/* Public API */

/**
 * sc_smtp_format_message:
 * @message: the message
 *
 * Returns: (transfer full): the RFC 5322 message, CRLF line ends, the body
 *   in base64 so that any UTF-8 passes any server
 */
char *
sc_smtp_format_message (const ScSmtpMessage *message)
{
  g_autoptr(GDateTime) date = g_date_time_new_from_unix_utc (message->date);
  g_autofree char *when = g_date_time_format (date, "%a, %d %b %Y %H:%M:%S +0000");
  g_autofree char *subject = encode_header (message->subject);
  g_autofree char *to = g_strjoinv (", ", (char **)message->to);
  g_autofree char *body = g_base64_encode ((const guchar *)message->body, strlen (message->body));
  GString *out = g_string_new (NULL);
  gsize length = strlen (body);

  g_string_append_printf (out,
                          "From: %s\r\n"
                          "To: %s\r\n"
                          "Subject: %s\r\n"
                          "Date: %s\r\n"
                          "Message-ID: <%s>\r\n"
                          "MIME-Version: 1.0\r\n"
                          "Content-Type: text/plain; charset=UTF-8\r\n"
                          "Content-Transfer-Encoding: base64\r\n"
                          "Auto-Submitted: auto-generated\r\n"
                          "X-Mailer: Scorecard " PACKAGE_VERSION "\r\n"
                          "\r\n",
                          message->from, to, subject, when, message->message_id);

  for (gsize i = 0; i < length; i += 76)
    {
      g_string_append_len (out, body + i, MIN (76, length - i));
      g_string_append (out, "\r\n");
    }

  return g_string_free (out, FALSE);
}

/**
 * sc_smtp_send_sync:
 * @server: where and how
 * @message: what
 * @cancellable: (nullable): a #GCancellable
 * @last_code: (out) (optional): the server's last reply code
 * @error: return location for a #GError, in %SC_SMTP_ERROR
 *
 * Returns: %TRUE once the server accepted the message (250 after DATA)
 */
gboolean
sc_smtp_send_sync (const ScSmtpServer   *server,
                   const ScSmtpMessage  *message,
                   GCancellable         *cancellable,
                   guint                *last_code,
                   GError              **error)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;
  g_autoptr(GString) reply = g_string_new (NULL);
  g_autofree char *text = NULL;
  Session session = { 0, };
  GError *local = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (server != NULL && server->host != NULL, FALSE);
  g_return_val_if_fail (message != NULL && message->to != NULL, FALSE);

  if (last_code != NULL)
    *last_code = 0;

  if (!is_plain_address (message->from) || message->to[0] == NULL)
    {
      g_set_error_literal (error, SC_SMTP_ERROR, SC_SMTP_ERROR_REFUSED,
                           _("The e-mail channel needs a sender and at least one recipient"));
      return FALSE;
    }
  for (guint i = 0; message->to[i] != NULL; i++)
    if (!is_plain_address (message->to[i]))
      {
        g_set_error (error, SC_SMTP_ERROR, SC_SMTP_ERROR_REFUSED,
                     _("“%s” is not an e-mail address"), message->to[i]);
        return FALSE;
      }

  session.cancellable = cancellable;
  session.host = server->host;
  session.last_code = last_code;

  g_socket_client_set_timeout (client, server->timeout);
  connection = g_socket_client_connect_to_host (client, server->host, server->port, cancellable, &local);
  if (connection == NULL)
    {
      network_error (error, server->host, local);
      return FALSE;
    }
  session_attach (&session, G_IO_STREAM (connection));

  if (server->security == SC_SMTP_SECURITY_TLS && !start_tls (&session, server, error))
    goto out;

  if (!read_reply (&session, 2, reply, error) ||
      !command (&session, "EHLO scorecard.localdomain", 2, reply, error))
    goto out;

  if (server->security == SC_SMTP_SECURITY_STARTTLS)
    {
      if (strstr (reply->str, "STARTTLS") == NULL)
        {
          g_set_error (error, SC_SMTP_ERROR, SC_SMTP_ERROR_PROTOCOL,
                       _("The mail server %s does not offer STARTTLS; Scorecard never sends mail "
                         "unencrypted"),
                       server->host);
          goto out;
        }
      if (!command (&session, "STARTTLS", 2, reply, error) || !start_tls (&session, server, error) ||
          !command (&session, "EHLO scorecard.localdomain", 2, reply, error))
        goto out;
    }

  if (server->username != NULL && *server->username != '\0')
    {
      gsize user_length = strlen (server->username);
      gsize password_length = server->password ? strlen (server->password) : 0;
      gsize length = user_length + password_length + 2;
      g_autofree guchar *plain = g_malloc0 (length);
      g_autofree char *encoded = NULL;
      g_autofree char *line = NULL;
      gboolean authenticated;

      memcpy (plain + 1, server->username, user_length);
      if (password_length > 0)
        memcpy (plain + 2 + user_length, server->password, password_length);
      encoded = g_base64_encode (plain, length);
      line = g_strconcat ("AUTH PLAIN ", encoded, NULL);
      authenticated = command (&session, line, 2, reply, error);
      explicit_bzero (plain, length);
      explicit_bzero (encoded, strlen (encoded));
      explicit_bzero (line, strlen (line));
      if (!authenticated)
        goto out;
    }

  {
    g_autofree char *from = g_strdup_printf ("MAIL FROM:<%s>", message->from);

    if (!command (&session, from, 2, reply, error))
      goto out;
  }
  for (guint i = 0; message->to[i] != NULL; i++)
    {
      g_autofree char *to = g_strdup_printf ("RCPT TO:<%s>", message->to[i]);

      if (!command (&session, to, 2, reply, error))
        goto out;
    }
  if (!command (&session, "DATA", 3, reply, error))
    goto out;

  /* Dot-stuffing is moot (base64 body, plain headers), but a header line
   * starting with a dot would still need it: none of ours does. */
  text = sc_smtp_format_message (message);
  if (!g_output_stream_write_all (session.out, text, strlen (text), NULL, cancellable, &local))
    {
      network_error (error, server->host, local);
      goto out;
    }
  if (!command (&session, ".", 2, reply, error))
    goto out;

  ok = TRUE;
  send_line (&session, "QUIT", NULL);

out:
  session_clear (&session);

  return ok;
}
