/* test-jsonrpc.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-test"

#include "config.h"

#include <string.h>

#include "sc-jsonrpc.h"

/* The codec against every response recorded from the real server
 * (tests/sync/transcripts, a copy of shared/odoo-transcripts), and
 * against answers no Odoo would give. */

#define RESULT (-1)

static const struct
{
  const char *prefix;
  int         code;
} expectations[] = {
  { "08-", SC_SYNC_ERROR_ACCESS_DENIED },
  { "11-", SC_SYNC_ERROR_SESSION_EXPIRED },
  { "23d-", SC_SYNC_ERROR_MISSING_RECORD },
  { "23e-", SC_SYNC_ERROR_MISSING_RECORD },
  { "24-", SC_SYNC_ERROR_ACCESS_DENIED },
  { "25-", SC_SYNC_ERROR_ACCESS_ERROR },
  { "26-", SC_SYNC_ERROR_ACCESS_ERROR },
  { "27d-", SC_SYNC_ERROR_ACCESS_ERROR },
  { "28-", SC_SYNC_ERROR_UNKNOWN_MODEL },
  { "29-", SC_SYNC_ERROR_BAD_REQUEST },
  { "29b-", SC_SYNC_ERROR_ACCESS_ERROR },
  { "30-", SC_SYNC_ERROR_VALIDATION },
  { "30b-", SC_SYNC_ERROR_VALIDATION },
  { "30c-", SC_SYNC_ERROR_VALIDATION },
  { "30d-", SC_SYNC_ERROR_BAD_REQUEST },
  { "31-", SC_SYNC_ERROR_ACCESS_ERROR },
  { "32c-", SC_SYNC_ERROR_ACCESS_ERROR },
  { "40-", SC_SYNC_ERROR_MALFORMED },
  { "41-", SC_SYNC_ERROR_BAD_REQUEST },
  { "42-", SC_SYNC_ERROR_BAD_REQUEST },
  { "43-", SC_SYNC_ERROR_BAD_REQUEST },
  { "44-", SC_SYNC_ERROR_BAD_REQUEST },
  { "45-", SC_SYNC_ERROR_UNKNOWN_DATABASE },
  { "46-", SC_SYNC_ERROR_MALFORMED },
  { "47-", SC_SYNC_ERROR_MALFORMED },
  { "48-", SC_SYNC_ERROR_MALFORMED },
  { "53-", SC_SYNC_ERROR_ACCESS_DENIED },
};

static int
expected_code (const char *file)
{
  for (guint i = 0; i < G_N_ELEMENTS (expectations); i++)
    if (g_str_has_prefix (file, expectations[i].prefix))
      return expectations[i].code;

  return RESULT;
}

static JsonNode *
parse_text (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

static void
test_transcript (gconstpointer data)
{
  const char *file = data;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "sync", "transcripts", file, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) result = NULL;
  g_autofree char *body = NULL;
  JsonObject *transcript;
  JsonNode *response;
  JsonNode *request_id = NULL;
  JsonObject *request;
  const char *content_type;
  gint64 expected_id = -1;
  int code = expected_code (file);

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  transcript = json_node_get_object (json_parser_get_root (parser));
  response = json_object_get_member (transcript, "response");
  content_type = json_object_get_string_member (json_object_get_object_member (transcript, "response_headers"),
                                                "Content-Type");

  if (JSON_NODE_HOLDS_OBJECT (json_object_get_member (transcript, "request")))
    {
      request = json_object_get_object_member (transcript, "request");
      request_id = json_object_get_member (request, "id");
      if (request_id != NULL && json_node_get_value_type (request_id) == G_TYPE_INT64)
        expected_id = json_node_get_int (request_id);
    }

  if (JSON_NODE_HOLDS_OBJECT (response))
    body = json_to_string (response, FALSE);
  else
    body = g_strdup (json_node_get_string (response));

  result = sc_jsonrpc_parse_http_response (json_object_get_int_member (transcript, "response_status"),
                                           content_type, body, strlen (body), expected_id, &error);

  if (code == RESULT)
    {
      JsonObject *object = json_node_get_object (response);

      g_assert_no_error (error);
      g_assert_nonnull (result);

      /* A method returning None: neither result nor error (32b, 55). */
      if (!json_object_has_member (object, "result"))
        g_assert_true (JSON_NODE_HOLDS_NULL (result));
      else
        g_assert_true (json_node_equal (result, json_object_get_member (object, "result")));
      return;
    }

  g_assert_null (result);
  g_assert_error (error, SC_SYNC_ERROR, code);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_cmpstr (error->message, !=, "");

  if (JSON_NODE_HOLDS_OBJECT (response))
    {
      JsonObject *odoo_error = json_object_get_object_member (json_node_get_object (response), "error");
      JsonObject *odoo_data = json_object_get_object_member (odoo_error, "data");
      g_autofree char *odoo_message = g_strstrip (g_strdup (json_object_get_string_member (odoo_data, "message")));

      /* Odoo's own words reach the user; the exception stays at hand. */
      g_assert_nonnull (strstr (error->message, odoo_message));
      g_assert_cmpstr (sc_sync_error_get_odoo_name (error), ==, json_object_get_string_member (odoo_data, "name"));
      g_assert_cmpstr (sc_sync_error_get_odoo_message (error), ==, json_object_get_string_member (odoo_data, "message"));
      g_assert_cmpint (sc_sync_error_get_odoo_code (error), ==, json_object_get_int_member (odoo_error, "code"));
      g_assert_cmpuint (sc_sync_error_get_http_status (error), ==, 0);
    }
  else
    g_assert_cmpuint (sc_sync_error_get_http_status (error), ==, 400);
}

static void
test_validation_message (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "sync", "transcripts",
                                                 "30-error-ValidationError-negative-target_value.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) result = NULL;
  g_autofree char *body = NULL;
  g_autoptr(GError) copy = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  body = json_to_string (json_object_get_member (json_node_get_object (json_parser_get_root (parser)), "response"), FALSE);

  result = sc_jsonrpc_parse_response (body, strlen (body), 30, &error);
  g_assert_null (result);
  g_assert_error (error, SC_SYNC_ERROR, SC_SYNC_ERROR_VALIDATION);
  g_assert_cmpstr (error->message, ==, "Odoo refused the change: Target value cannot be negative");

  /* The details survive a copy, as through a GTask. */
  copy = g_error_copy (error);
  g_assert_cmpstr (sc_sync_error_get_odoo_name (copy), ==, "odoo.exceptions.ValidationError");
  g_assert_cmpstr (sc_sync_error_get_odoo_message (copy), ==, "Target value cannot be negative");
}

static void
test_unknown_model_message (void)
{
  static const char body[] =
    "{\"jsonrpc\": \"2.0\", \"id\": 3, \"error\": {\"code\": 200, \"message\": \"Odoo Server Error\", "
    "\"data\": {\"name\": \"odoo.exceptions.UserError\", \"message\": \"Object kpi.report doesn't exist\", "
    "\"arguments\": [\"Object kpi.report doesn't exist\"], \"context\": {}}}}";
  static const char key_error[] =
    "{\"jsonrpc\": \"2.0\", \"id\": 3, \"error\": {\"code\": 200, \"message\": \"Odoo Server Error\", "
    "\"data\": {\"name\": \"builtins.KeyError\", \"message\": \"'kpi.report.submission'\"}}}";
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) older = NULL;

  g_assert_null (sc_jsonrpc_parse_response (body, strlen (body), 3, &error));
  g_assert_error (error, SC_SYNC_ERROR, SC_SYNC_ERROR_UNKNOWN_MODEL);
  g_assert_nonnull (strstr (error->message, "“kpi.report”"));
  g_assert_nonnull (strstr (error->message, "kpi_tracking"));

  /* Older servers raise KeyError with the model's name. */
  g_assert_null (sc_jsonrpc_parse_response (key_error, strlen (key_error), 3, &older));
  g_assert_error (older, SC_SYNC_ERROR, SC_SYNC_ERROR_UNKNOWN_MODEL);
  g_assert_nonnull (strstr (older->message, "“kpi.report.submission”"));
}

typedef struct
{
  const char *name;
  guint       status;
  const char *content_type;
  const char *body;
  gint64      id;
  int         code;
} Case;

static const Case malformed_cases[] = {
  { "empty", 200, "application/json", "", 1, SC_SYNC_ERROR_MALFORMED },
  { "null", 200, "application/json", "null", 1, SC_SYNC_ERROR_MALFORMED },
  { "array", 200, "application/json", "[1, 2]", 1, SC_SYNC_ERROR_MALFORMED },
  { "empty-object", 200, "application/json", "{}", 1, SC_SYNC_ERROR_MALFORMED },
  { "no-id", 200, "application/json", "{\"jsonrpc\": \"2.0\", \"result\": 1}", -1, SC_SYNC_ERROR_MALFORMED },
  { "wrong-id", 200, "application/json", "{\"jsonrpc\": \"2.0\", \"id\": 2, \"result\": 1}", 1, SC_SYNC_ERROR_MALFORMED },
  { "string-id", 200, "application/json", "{\"jsonrpc\": \"2.0\", \"id\": \"1\", \"result\": 1}", 1, SC_SYNC_ERROR_MALFORMED },
  { "version-1", 200, "application/json", "{\"jsonrpc\": \"1.0\", \"id\": 1, \"result\": 1}", 1, SC_SYNC_ERROR_MALFORMED },
  { "truncated", 200, "application/json", "{\"jsonrpc\": \"2.0\", \"id\": 1, \"result\": [{\"id\": 1, \"na", 1, SC_SYNC_ERROR_MALFORMED },
  { "trailing-garbage", 200, "application/json", "{\"jsonrpc\": \"2.0\", \"id\": 1, \"result\": 1} x", 1, SC_SYNC_ERROR_MALFORMED },
  { "html-200", 200, "application/json", "<!doctype html><title>Login</title>", 1, SC_SYNC_ERROR_MALFORMED },
  { "html-type", 200, "text/html; charset=utf-8", "<html>captive portal</html>", 1, SC_SYNC_ERROR_MALFORMED },
  { "error-string", 200, "application/json", "{\"jsonrpc\": \"2.0\", \"id\": 1, \"error\": \"boom\"}", 1, SC_SYNC_ERROR_MALFORMED },
  { "error-no-data", 200, "application/json", "{\"jsonrpc\": \"2.0\", \"id\": 1, \"error\": {\"code\": 200, \"message\": \"Odoo Server Error\"}}", 1, SC_SYNC_ERROR_SERVER },
  { "error-empty", 200, "application/json", "{\"jsonrpc\": \"2.0\", \"id\": 1, \"error\": {}}", 1, SC_SYNC_ERROR_SERVER },
  { "error-bad-types", 200, "application/json", "{\"jsonrpc\": \"2.0\", \"id\": 1, \"error\": {\"code\": \"x\", \"data\": {\"name\": 5, \"message\": [1]}}}", 1, SC_SYNC_ERROR_SERVER },
  { "error-unknown-class", 200, "application/json", "{\"jsonrpc\": \"2.0\", \"id\": 1, \"error\": {\"code\": 200, \"message\": \"Odoo Server Error\", \"data\": {\"name\": \"psycopg2.errors.SerializationFailure\", \"message\": \"could not serialize access\"}}}", 1, SC_SYNC_ERROR_SERVER },
  { "db-down", 200, "application/json", "{\"jsonrpc\": \"2.0\", \"id\": 1, \"error\": {\"code\": 200, \"data\": {\"name\": \"psycopg2.OperationalError\", \"message\": \"connection refused\"}}}", 1, SC_SYNC_ERROR_SERVER },
  { "session-code", 200, "application/json", "{\"jsonrpc\": \"2.0\", \"id\": null, \"error\": {\"code\": 100, \"message\": \"Odoo Session Expired\"}}", 1, SC_SYNC_ERROR_SESSION_EXPIRED },
  { "http-500", 500, "text/html; charset=utf-8", "<!doctype html><title>500 Internal Server Error</title>", 1, SC_SYNC_ERROR_SERVER },
  { "http-502", 502, "text/html", "<html><head><title>502 Bad Gateway</title></head></html>", 1, SC_SYNC_ERROR_SERVER },
  { "http-503-json", 503, "application/json", "{\"jsonrpc\": \"2.0\", \"id\": 1, \"result\": 1}", 1, SC_SYNC_ERROR_SERVER },
  { "http-404", 404, "text/html", "Not Found", 1, SC_SYNC_ERROR_MALFORMED },
  { "http-401", 401, "text/html", "", 1, SC_SYNC_ERROR_ACCESS_DENIED },
  { "http-301", 301, "text/html", "", 1, SC_SYNC_ERROR_MALFORMED },
  { "http-400-binary", 400, "text/html", "\xff\xfe\x00 bad", 1, SC_SYNC_ERROR_MALFORMED },
};

static void
test_malformed (gconstpointer data)
{
  const Case *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) result = NULL;

  result = sc_jsonrpc_parse_http_response (c->status, c->content_type, c->body, strlen (c->body), c->id, &error);
  g_assert_null (result);
  g_assert_error (error, SC_SYNC_ERROR, c->code);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  if (c->status != 200)
    g_assert_cmpuint (sc_sync_error_get_http_status (error), ==, c->status);
}

static void
test_invalid_utf8 (void)
{
  static const char body[] = "{\"jsonrpc\": \"2.0\", \"id\": 1, \"result\": \"\xc3\x28\"}";
  g_autoptr(GError) error = NULL;

  g_assert_null (sc_jsonrpc_parse_response (body, sizeof body - 1, 1, &error));
  g_assert_error (error, SC_SYNC_ERROR, SC_SYNC_ERROR_MALFORMED);
}

static void
test_embedded_nul (void)
{
  static const char body[] = "{\"jsonrpc\": \"2.0\", \"id\": 1, \"result\": 1}\0garbage";
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) result = NULL;

  result = sc_jsonrpc_parse_response (body, sizeof body - 1, 1, &error);
  g_assert_null (result);
  g_assert_error (error, SC_SYNC_ERROR, SC_SYNC_ERROR_MALFORMED);
}

static void
test_deep_nesting (void)
{
  g_autoptr(GString) body = g_string_new ("{\"jsonrpc\": \"2.0\", \"id\": 1, \"result\": ");
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) shallow = NULL;
  g_autoptr(JsonNode) result = NULL;

  /* Deep enough to overflow a recursive parser's stack. */
  for (guint i = 0; i < 200000; i++)
    g_string_append_c (body, '[');
  for (guint i = 0; i < 200000; i++)
    g_string_append_c (body, ']');
  g_string_append_c (body, '}');

  g_assert_null (sc_jsonrpc_parse_response (body->str, body->len, 1, &error));
  g_assert_error (error, SC_SYNC_ERROR, SC_SYNC_ERROR_MALFORMED);

  /* Brackets inside strings do not count. */
  shallow = g_string_new ("{\"jsonrpc\": \"2.0\", \"id\": 1, \"result\": \"");
  for (guint i = 0; i < 1000; i++)
    g_string_append (shallow, "[{\\\"");
  g_string_append (shallow, "\"}");
  result = sc_jsonrpc_parse_response (shallow->str, shallow->len, 1, NULL);
  g_assert_nonnull (result);
}

static void
test_null_result (void)
{
  static const char body[] = "{\"jsonrpc\": \"2.0\", \"id\": 322}";
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) result = NULL;

  result = sc_jsonrpc_parse_response (body, strlen (body), 322, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  g_assert_true (JSON_NODE_HOLDS_NULL (result));
}

static void
test_build_request (void)
{
  g_autoptr(JsonArray) args = json_array_new ();
  g_autoptr(JsonNode) params = NULL;
  g_autoptr(GBytes) request = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GVariant) variant = NULL;
  g_autoptr(GBytes) from_variant = NULL;
  g_autoptr(JsonNode) variant_root = NULL;
  g_autofree char *text = NULL;
  JsonObject *object;
  JsonObject *params_object;

  json_array_add_string_element (args, "kpi");
  json_array_add_string_element (args, "admin");
  params = sc_jsonrpc_build_params ("common", "login", args);
  request = sc_jsonrpc_build_request (params, 7);

  text = g_strndup (g_bytes_get_data (request, NULL), g_bytes_get_size (request));
  root = parse_text (text);
  object = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (object, "jsonrpc"), ==, "2.0");
  g_assert_cmpstr (json_object_get_string_member (object, "method"), ==, "call");
  g_assert_cmpint (json_object_get_int_member (object, "id"), ==, 7);
  params_object = json_object_get_object_member (object, "params");
  g_assert_cmpstr (json_object_get_string_member (params_object, "service"), ==, "common");
  g_assert_cmpstr (json_object_get_string_member (params_object, "method"), ==, "login");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (params_object, "args")), ==, 2);

  variant = g_variant_ref_sink (g_variant_new_parsed ("{'service': <'common'>, 'method': <'version'>, 'args': <@as []>}"));
  from_variant = sc_jsonrpc_build_request_variant (variant, 8);
  g_clear_pointer (&text, g_free);
  text = g_strndup (g_bytes_get_data (from_variant, NULL), g_bytes_get_size (from_variant));
  variant_root = parse_text (text);
  object = json_node_get_object (variant_root);
  g_assert_cmpint (json_object_get_int_member (object, "id"), ==, 8);
  params_object = json_object_get_object_member (object, "params");
  g_assert_cmpstr (json_object_get_string_member (params_object, "method"), ==, "version");
}

static void
test_build_empty_params (void)
{
  g_autoptr(GBytes) request = sc_jsonrpc_build_request (NULL, 1);
  g_autofree char *text = g_strndup (g_bytes_get_data (request, NULL), g_bytes_get_size (request));
  g_autoptr(JsonNode) root = parse_text (text);

  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_object_get_member (json_node_get_object (root), "params")));
}

static void
test_other_domains (void)
{
  g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "Cancelled");

  g_assert_null (sc_sync_error_get_odoo_name (error));
  g_assert_null (sc_sync_error_get_odoo_message (error));
  g_assert_cmpint (sc_sync_error_get_odoo_code (error), ==, 0);
  g_assert_null (sc_sync_error_get_certificate_fingerprint (error));
  g_assert_null (sc_sync_error_get_odoo_name (NULL));
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir_path = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_test_init (&argc, &argv, NULL);

  dir_path = g_test_build_filename (G_TEST_DIST, "sync", "transcripts", NULL);
  dir = g_dir_open (dir_path, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".json") && !g_str_has_prefix (name, "99-"))
      g_ptr_array_add (files, g_strdup (name));
  g_ptr_array_sort (files, compare_names);

  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *test_path = g_strdup_printf ("/sync/jsonrpc/transcript/%s", (char *) g_ptr_array_index (files, i));

      g_test_add_data_func (test_path, g_ptr_array_index (files, i), test_transcript);
    }

  for (guint i = 0; i < G_N_ELEMENTS (malformed_cases); i++)
    {
      g_autofree char *test_path = g_strdup_printf ("/sync/jsonrpc/malformed/%s", malformed_cases[i].name);

      g_test_add_data_func (test_path, &malformed_cases[i], test_malformed);
    }

  g_test_add_func ("/sync/jsonrpc/validation-message", test_validation_message);
  g_test_add_func ("/sync/jsonrpc/unknown-model-message", test_unknown_model_message);
  g_test_add_func ("/sync/jsonrpc/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/sync/jsonrpc/embedded-nul", test_embedded_nul);
  g_test_add_func ("/sync/jsonrpc/deep-nesting", test_deep_nesting);
  g_test_add_func ("/sync/jsonrpc/null-result", test_null_result);
  g_test_add_func ("/sync/jsonrpc/build-request", test_build_request);
  g_test_add_func ("/sync/jsonrpc/build-empty-params", test_build_empty_params);
  g_test_add_func ("/sync/jsonrpc/other-domains", test_other_domains);

  return g_test_run ();
}
