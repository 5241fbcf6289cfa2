/* sc-smtp.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SC_SMTP_ERROR (sc_smtp_error_quark ())

/**
 * ScSmtpError:
 * @SC_SMTP_ERROR_TRANSIENT: the server said to try later (4xx), or the
 *   connection failed
 * @SC_SMTP_ERROR_REFUSED: the server refused for good (5xx): a bad address,
 *   bad credentials
 * @SC_SMTP_ERROR_PROTOCOL: the server does not speak SMTP as expected, or
 *   does not offer STARTTLS
 */
typedef enum
{
  SC_SMTP_ERROR_TRANSIENT,
  SC_SMTP_ERROR_REFUSED,
  SC_SMTP_ERROR_PROTOCOL,
} ScSmtpError;

/**
 * ScSmtpSecurity:
 * @SC_SMTP_SECURITY_STARTTLS: plain connection, then STARTTLS (port 587)
 * @SC_SMTP_SECURITY_TLS: TLS from the first byte (port 465)
 *
 * There is no unencrypted mode: certificates are always checked.
 */
typedef enum
{
  SC_SMTP_SECURITY_STARTTLS,
  SC_SMTP_SECURITY_TLS,
} ScSmtpSecurity;

typedef struct
{
  const char      *host;
  guint16          port;
  ScSmtpSecurity   security;
  const char      *username;    /* nullable: no AUTH */
  const char      *password;
  const char      *ca_file;     /* nullable: the system's CAs */
  guint            timeout;     /* seconds */
} ScSmtpServer;

typedef struct
{
  const char         *from;
  const char * const *to;
  const char         *subject;
  const char         *body;        /* UTF-8 text */
  const char         *message_id;  /* without < >; stable across retries */
  gint64              date;        /* Unix seconds */
} ScSmtpMessage;

GQuark    sc_smtp_error_quark     (void);

char     *sc_smtp_format_message  (const ScSmtpMessage  *message);
gboolean  sc_smtp_send_sync       (const ScSmtpServer   *server,
                                   const ScSmtpMessage  *message,
                                   GCancellable         *cancellable,
                                   guint                *last_code,
                                   GError              **error);

G_END_DECLS
