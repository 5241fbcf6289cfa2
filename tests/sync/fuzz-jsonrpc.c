/* fuzz-jsonrpc.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fuzz-jsonrpc"

#include "config.h"

#include <stdint.h>

#include "sc-jsonrpc.h"
#include "sc-odoo-client.h"

/* libFuzzer harness for the JSON-RPC response parser: whatever a server,
 * proxy or portal sends, the parser returns a result or an SC_SYNC_ERROR
 * with a readable message, and never crashes, hangs or leaks. Built with
 * tests/fuzz/fuzz-replay.c, it replays tests/fuzz/corpus/jsonrpc/.
 */

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void
check_error (const GError *error)
{
  g_autoptr(GError) copy = NULL;

  g_assert_nonnull (error);
  g_assert_true (error->domain == SC_SYNC_ERROR);
  g_assert_cmpint (error->code, >=, SC_SYNC_ERROR_ACCESS_DENIED);
  g_assert_cmpint (error->code, <=, SC_SYNC_ERROR_DATABASE_LIST_DISABLED);
  g_assert_nonnull (error->message);
  g_assert_cmpstr (error->message, !=, "");
  g_assert_true (g_utf8_validate (error->message, -1, NULL));

  if (sc_sync_error_get_odoo_name (error) != NULL)
    g_assert_true (g_utf8_validate (sc_sync_error_get_odoo_name (error), -1, NULL));
  if (sc_sync_error_get_odoo_message (error) != NULL)
    g_assert_true (g_utf8_validate (sc_sync_error_get_odoo_message (error), -1, NULL));

  /* Details travel with copies, as through a GTask. */
  copy = g_error_copy (error);
  g_assert_cmpstr (sc_sync_error_get_odoo_name (copy), ==, sc_sync_error_get_odoo_name (error));
  g_assert_cmpstr (sc_sync_error_get_odoo_message (copy), ==, sc_sync_error_get_odoo_message (error));
  g_assert_cmpint (sc_sync_error_get_odoo_code (copy), ==, sc_sync_error_get_odoo_code (error));
}

static void
check_result (JsonNode *result)
{
  g_autoptr(ScOdooVersion) version = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_nonnull (result);

  /* Callers walk and copy results: the tree must be whole. */
  text = json_to_string (result, FALSE);
  g_assert_nonnull (text);

  /* common.version's result is read field by field, defensively too. */
  version = sc_odoo_version_new_from_json (result, &error);
  if (version != NULL)
    {
      g_assert_no_error (error);
      g_assert_cmpint (version->major, >=, 0);
      g_assert_true (g_utf8_validate (version->server_version, -1, NULL));
      g_assert_nonnull (version->server_serie);
      g_assert_nonnull (version->release_level);
    }
  else
    g_assert_error (error, SC_SYNC_ERROR, SC_SYNC_ERROR_MALFORMED);
}

static void
parse_once (guint       status,
            const char *content_type,
            const char *data,
            gsize       size,
            gint64      expected_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) result = NULL;

  result = sc_jsonrpc_parse_http_response (status, content_type, data, size, expected_id, &error);

  /* One or the other, never both, never neither. */
  g_assert_true ((result == NULL) != (error == NULL));

  if (result != NULL)
    check_result (result);
  else
    check_error (error);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *text = (const char *) data;

  parse_once (200, "application/json; charset=utf-8", text, size, -1);
  parse_once (200, "application/json", text, size, 1);
  parse_once (200, NULL, text, size, 42);
  parse_once (400, "text/html; charset=utf-8", text, size, 1);
  parse_once (502, "text/html", text, size, 1);

  return 0;
}
