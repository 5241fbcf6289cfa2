/* fuzz-alerts.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fuzz-alerts"

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "sc-alert-rule-json.h"
#include "sc-webhook-signature.h"

/* libFuzzer harness for what alerts read from outside: a rule as JSON
 * (scorecard-cli alerts add-rule, and the store) and a webhook signature
 * header (what our receivers and our users' check). The first byte picks
 * the parser. A rule that reads must write back to the same JSON; a header
 * verifies only with the right key. */

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void
fuzz_rule (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScAlertRule) rule = sc_alert_rule_from_json (text, "Fuzzed", &error);

  if (rule == NULL)
    {
      g_assert_error (error, SC_ALERT_ERROR, SC_ALERT_ERROR_INVALID);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return;
    }

  {
    g_autofree char *json = sc_alert_rule_to_json (rule);
    g_autoptr(GError) again_error = NULL;
    g_autoptr(ScAlertRule) again = sc_alert_rule_from_json (json, "Fuzzed", &again_error);
    g_autofree char *json_again = NULL;

    g_assert_no_error (again_error);
    json_again = sc_alert_rule_to_json (again);
    g_assert_cmpstr (json, ==, json_again);
  }
}

static void
fuzz_signature (const char *data,
                size_t      size)
{
  const char *nul = memchr (data, '\0', size);
  g_autofree char *header = NULL;
  const char *body;
  gsize body_length;
  g_autofree char *signature = NULL;
  g_autoptr(GError) error = NULL;

  if (nul == NULL)
    return;
  header = g_strndup (data, nul - data);
  body = nul + 1;
  body_length = size - (nul - data) - 1;

  if (!sc_webhook_verify ("fuzz-key", header, body, body_length, 1800000000, 300, &error))
    g_assert_true (error != NULL && error->domain == SC_WEBHOOK_SIGNATURE_ERROR);

  /* What we sign always verifies, whatever the body. */
  signature = sc_webhook_sign ("fuzz-key", 1800000000, body, body_length);
  g_assert_true (sc_webhook_verify ("fuzz-key", signature, body, body_length, 1800000000, 300, NULL));
  g_assert_false (sc_webhook_verify ("other-key", signature, body, body_length, 1800000000, 300, NULL));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = NULL;

  if (size < 1)
    return 0;

  switch (data[0] % 2)
    {
    case 0:
      text = g_strndup ((const char *)data + 1, size - 1);
      fuzz_rule (text);
      break;
    case 1:
    default:
      fuzz_signature ((const char *)data + 1, size - 1);
      break;
    }

  return 0;
}
