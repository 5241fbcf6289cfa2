/* sc-webhook-signature.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-webhook-signature"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sc-webhook-signature.h"

/* Signed webhooks for Zapier, Make, n8n or your own receiver. The receiver
 * recomputes the HMAC over the timestamp and the exact body bytes, compares
 * in constant time, and refuses a timestamp outside its replay window. */

G_DEFINE_QUARK (sc-webhook-signature-error-quark, sc_webhook_signature_error)

static char *
hmac_hex (const char *key,
          gint64      timestamp,
          const char *body,
          gsize       length)
{
  g_autoptr(GHmac) hmac = g_hmac_new (G_CHECKSUM_SHA256, (const guchar *)key, strlen (key));
  char prefix[32];

  g_snprintf (prefix, sizeof prefix, "%" G_GINT64_FORMAT ".", timestamp);
  g_hmac_update (hmac, (const guchar *)prefix, -1);
  g_hmac_update (hmac, (const guchar *)body, length);

  return g_strdup (g_hmac_get_string (hmac));
}

static gboolean
equal_in_constant_time (const char *a,
                        const char *b)
{
  gsize na = strlen (a), nb = strlen (b);
  guint diff = na != nb;

  for (gsize i = 0; i < MIN (na, nb); i++)
    diff |= (guint)(a[i] ^ b[i]);

  return diff == 0;
}

/**
 * sc_webhook_sign:
 * @key: the channel's signing key
 * @timestamp: the time of sending, in Unix seconds
 * @body: the exact bytes sent
 * @length: their length
 *
 * Returns: (transfer full): the value of the %SC_WEBHOOK_SIGNATURE_HEADER
 */
char *
sc_webhook_sign (const char *key,
                 gint64      timestamp,
                 const char *body,
                 gsize       length)
{
  g_autofree char *hex = NULL;

  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (body != NULL || length == 0, NULL);

  hex = hmac_hex (key, timestamp, body ? body : "", length);

  return g_strdup_printf ("t=%" G_GINT64_FORMAT ",v1=%s", timestamp, hex);
}

/**
 * sc_webhook_verify:
 * @key: the signing key
 * @header: (nullable): the received %SC_WEBHOOK_SIGNATURE_HEADER
 * @body: the received bytes
 * @length: their length
 * @now: the receiver's time
 * @window_seconds: how far the timestamp may be from @now
 * @error: return location for a #GError
 *
 * What a receiver does; our tests' receivers use it too.
 *
 * Returns: %TRUE if the body is what the key's holder signed, recently
 */
gboolean
sc_webhook_verify (const char  *key,
                   const char  *header,
                   const char  *body,
                   gsize        length,
                   gint64       now,
                   gint64       window_seconds,
                   GError     **error)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *expected = NULL;
  const char *signature = NULL;
  gint64 timestamp = 0;
  gboolean has_time = FALSE;

  g_return_val_if_fail (key != NULL, FALSE);

  if (header == NULL)
    {
      g_set_error_literal (error, SC_WEBHOOK_SIGNATURE_ERROR, SC_WEBHOOK_SIGNATURE_ERROR_MALFORMED,
                           _("The request is not signed"));
      return FALSE;
    }

  parts = g_strsplit (header, ",", 0);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *part = g_strstrip (parts[i]);

      if (g_str_has_prefix (part, "t="))
        has_time = g_ascii_string_to_signed (part + 2, 10, 0, G_MAXINT64, &timestamp, NULL);
      else if (g_str_has_prefix (part, "v1="))
        signature = part + 3;
    }

  if (!has_time || signature == NULL)
    {
      g_set_error_literal (error, SC_WEBHOOK_SIGNATURE_ERROR, SC_WEBHOOK_SIGNATURE_ERROR_MALFORMED,
                           _("The signature header is not of the form t=…,v1=…"));
      return FALSE;
    }

  expected = hmac_hex (key, timestamp, body ? body : "", length);
  if (!equal_in_constant_time (expected, signature))
    {
      g_set_error_literal (error, SC_WEBHOOK_SIGNATURE_ERROR, SC_WEBHOOK_SIGNATURE_ERROR_MISMATCH,
                           _("The signature does not match the body"));
      return FALSE;
    }

  if (timestamp < now - window_seconds || timestamp > now + window_seconds)
    {
      g_set_error (error, SC_WEBHOOK_SIGNATURE_ERROR, SC_WEBHOOK_SIGNATURE_ERROR_EXPIRED,
                   _("The request’s timestamp is outside the replay window of %d seconds"),
                   (int)MIN (window_seconds, G_MAXINT));
      return FALSE;
    }

  return TRUE;
}
