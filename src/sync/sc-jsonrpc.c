/* sc-jsonrpc.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-jsonrpc"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sc-json-writer.h"
#include "sc-jsonrpc.h"
#include "sc-jsonrpc-private.h"

/* The JSON-RPC 2.0 dialect of Odoo's /jsonrpc endpoint.
 *
 * Every Odoo failure arrives as HTTP 200 with an "error" member whose
 * data.name is the Python exception class; only malformed HTTP gets a 400
 * page (shared/odoo-transcripts/README.md). A method returning None gives
 * neither "result" nor "error" (transcript 32b), which we read as a null
 * result.
 *
 * The parser is fed whatever a server, a proxy or a captive portal sends,
 * and is fuzzed (tests/sync/fuzz-jsonrpc.c): it checks UTF-8 and nesting
 * depth before json-glib sees a byte, and every member before using it.
 */

/* Error domain */

typedef struct
{
  char  *odoo_name;
  char  *odoo_message;
  int    odoo_code;
  guint  http_status;
  char  *fingerprint;
} ScSyncErrorPrivate;

static void
sc_sync_error_private_init (ScSyncErrorPrivate *priv)
{
}

static void
sc_sync_error_private_copy (const ScSyncErrorPrivate *src,
                            ScSyncErrorPrivate       *dest)
{
  dest->odoo_name = g_strdup (src->odoo_name);
  dest->odoo_message = g_strdup (src->odoo_message);
  dest->odoo_code = src->odoo_code;
  dest->http_status = src->http_status;
  dest->fingerprint = g_strdup (src->fingerprint);
}

static void
sc_sync_error_private_clear (ScSyncErrorPrivate *priv)
{
  g_clear_pointer (&priv->odoo_name, g_free);
  g_clear_pointer (&priv->odoo_message, g_free);
  g_clear_pointer (&priv->fingerprint, g_free);
}

/* An extended domain, so the Odoo exception travels with the GError
 * through GTask, g_error_copy() and g_propagate_error(). */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wcast-align"
G_DEFINE_EXTENDED_ERROR (ScSyncError, sc_sync_error)
#pragma GCC diagnostic pop

static ScSyncErrorPrivate *
lookup_private (const GError *error)
{
  if (error == NULL || error->domain != SC_SYNC_ERROR)
    return NULL;

  return sc_sync_error_get_private (error);
}

/* Auxiliary methods */

static const char *
get_string_member (JsonObject *object,
                   const char *name)
{
  JsonNode *node;

  if (object == NULL || !(node = json_object_get_member (object, name)))
    return NULL;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);

  return NULL;
}

static JsonObject *
get_object_member (JsonObject *object,
                   const char *name)
{
  JsonNode *node;

  if (object == NULL || !(node = json_object_get_member (object, name)))
    return NULL;

  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static gboolean
get_int_member (JsonObject *object,
                const char *name,
                gint64     *value)
{
  JsonNode *node;

  if (object == NULL || !(node = json_object_get_member (object, name)))
    return FALSE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;

  *value = json_node_get_int (node);

  return TRUE;
}

/* The class name without its module: "odoo.exceptions.AccessError" →
 * "AccessError". Odoo 16 to 18 all spell the module the same way, but
 * matching on the class alone also covers addons that subclass. */
static const char *
exception_class (const char *name)
{
  const char *dot;

  if (name == NULL)
    return "";

  dot = strrchr (name, '.');

  return dot != NULL ? dot + 1 : name;
}

/* Odoo's messages often end with a newline (transcripts 30c, 45). */
static char *
tidy_message (const char *message)
{
  char *copy = g_strdup (message != NULL ? message : "");

  return g_strstrip (copy);
}

/* "Object kpi.report doesn't exist" (UserError, transcript 28, Odoo 16+).
 * Returns the model, or NULL when the message is something else. */
static char *
model_from_unknown_model_message (const char *message)
{
  static const char prefix[] = "Object ";
  static const char suffix[] = " doesn't exist";
  gsize length;

  if (message == NULL || !g_str_has_prefix (message, prefix) || !g_str_has_suffix (message, suffix))
    return NULL;

  length = strlen (message);
  if (length <= strlen (prefix) + strlen (suffix))
    return NULL;

  return g_strndup (message + strlen (prefix), length - strlen (prefix) - strlen (suffix));
}

/* KeyError('kpi.report') is how older servers report an unknown model; a
 * KeyError on anything else ('nosuch' for an unknown service, transcript
 * 42) is a bad request. */
static gboolean
looks_like_model_name (const char *text)
{
  gboolean has_dot = FALSE;

  if (text == NULL || *text == '\0' || *text == '.')
    return FALSE;

  for (const char *p = text; *p; p++)
    {
      if (*p == '.')
        has_dot = TRUE;
      else if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '_')
        return FALSE;
    }

  return has_dot;
}

/* Odoo quotes the KeyError's argument as Python would: 'kpi.report'. */
static char *
unquote (const char *text)
{
  gsize length = text != NULL ? strlen (text) : 0;

  if (length >= 2 && (text[0] == '\'' || text[0] == '"') && text[length - 1] == text[0])
    return g_strndup (text + 1, length - 2);

  return g_strdup (text);
}

static void
set_private (GError     *error,
             const char *odoo_name,
             const char *odoo_message,
             int         odoo_code,
             guint       http_status)
{
  ScSyncErrorPrivate *priv = lookup_private (error);

  g_assert (priv != NULL);

  g_free (priv->odoo_name);
  priv->odoo_name = g_strdup (odoo_name);
  g_free (priv->odoo_message);
  priv->odoo_message = g_strdup (odoo_message);
  priv->odoo_code = odoo_code;
  priv->http_status = http_status;
}

/* A few hundred bytes of a body, as text that is safe to show. */
static char *
excerpt (const char *data,
         gsize       length)
{
  gsize limit = MIN (length, 200);
  const char *end;
  g_autofree char *valid = NULL;
  g_autoptr(GString) text = NULL;

  if (data == NULL || length == 0)
    return g_strdup ("");

  /* Stop at the first invalid or NUL byte rather than fail. */
  g_utf8_validate (data, limit, &end);
  valid = g_strndup (data, end - data);
  text = g_string_new (NULL);

  for (const char *p = valid; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_string_append_unichar (text, g_unichar_isspace (c) ? ' ' : c);
    }

  g_strstrip (text->str);
  text->len = strlen (text->str);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Counts [ and { outside strings; anything deeper than the limit, and any
 * unbalanced close, is refused before json-glib recurses into it. */
/* json-glib 1.6 lets some invalid escapes ("\\o") through as raw
 * bytes, so a UTF-8 body can still yield strings that are not. Nothing
 * downstream should ever see those; depth is bounded by check_depth(). */
static gboolean
node_is_valid_utf8 (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;

        json_object_iter_init (&iter, json_node_get_object (node));
        while (json_object_iter_next (&iter, &name, &member))
          if (!g_utf8_validate (name, -1, NULL) || !node_is_valid_utf8 (member))
            return FALSE;
        return TRUE;
      }

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        for (guint i = 0; i < n; i++)
          if (!node_is_valid_utf8 (json_array_get_element (array, i)))
            return FALSE;
        return TRUE;
      }

    case JSON_NODE_VALUE:
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        return g_utf8_validate (json_node_get_string (node), -1, NULL);
      return TRUE;

    case JSON_NODE_NULL:
    default:
      return TRUE;
    }
}

static gboolean
check_depth (const char *data,
             gsize       length)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }

      if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > SC_JSONRPC_MAX_DEPTH)
            return FALSE;
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }

  return TRUE;
}

static gboolean
content_type_is_json (const char *content_type)
{
  g_autofree char *media = NULL;
  const char *semicolon;

  if (content_type == NULL)
    return TRUE;

  semicolon = strchr (content_type, ';');
  media = semicolon != NULL ? g_strndup (content_type, semicolon - content_type)
                            : g_strdup (content_type);
  g_strstrip (media);

  return g_ascii_strcasecmp (media, "application/json") == 0 ||
         g_ascii_strcasecmp (media, "application/json-rpc") == 0 ||
         g_ascii_strcasecmp (media, "text/json") == 0;
}

static const char *
status_phrase (guint status)
{
  switch (status)
    {
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 407: return "Proxy Authentication Required";
    case 408: return "Request Timeout";
    case 413: return "Payload Too Large";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default:  return NULL;
    }
}

static char *
describe_status (guint status)
{
  const char *phrase = status_phrase (status);

  if (phrase != NULL)
    return g_strdup_printf ("HTTP %u %s", status, phrase);

  return g_strdup_printf ("HTTP %u", status);
}

static GError *
http_error (guint       status,
            const char *data,
            gsize       length)
{
  g_autofree char *what = describe_status (status);
  g_autofree char *body = excerpt (data, length);
  GError *error;

  if (status >= 500)
    {
      if (status == 502 || status == 503 || status == 504)
        error = g_error_new (SC_SYNC_ERROR, SC_SYNC_ERROR_SERVER,
                             _("The Odoo server is not answering behind its proxy (%s); "
                               "try again later"), what);
      else
        error = g_error_new (SC_SYNC_ERROR, SC_SYNC_ERROR_SERVER,
                             _("The Odoo server failed (%s); try again later"), what);
    }
  else if (status == 401 || status == 403 || status == 407)
    error = g_error_new (SC_SYNC_ERROR, SC_SYNC_ERROR_ACCESS_DENIED,
                         _("The server refused the connection (%s): it asks for a "
                           "login of its own, before Odoo’s"), what);
  else if (status == 404)
    error = g_error_new (SC_SYNC_ERROR, SC_SYNC_ERROR_MALFORMED,
                         _("There is no Odoo JSON-RPC service at this address (%s): "
                           "check the server address"), what);
  else if (status >= 400)
    error = g_error_new (SC_SYNC_ERROR, SC_SYNC_ERROR_MALFORMED,
                         _("Odoo could not read the request (%s): %s"),
                         what, *body ? body : _("no details"));
  else if (status >= 300)
    error = g_error_new (SC_SYNC_ERROR, SC_SYNC_ERROR_MALFORMED,
                         _("The server redirected the request elsewhere (%s): "
                           "use the address it redirects to"), what);
  else
    error = g_error_new (SC_SYNC_ERROR, SC_SYNC_ERROR_MALFORMED,
                         _("The server gave an unexpected answer (%s)"), what);

  set_private (error, NULL, NULL, 0, status);

  return error;
}

static GError *
malformed (const char *reason)
{
  /* json-glib quotes the bad input in its messages, bytes and all. */
  g_autofree char *valid = g_utf8_make_valid (reason, -1);

  return g_error_new (SC_SYNC_ERROR, SC_SYNC_ERROR_MALFORMED,
                      _("The server’s answer is not an Odoo JSON-RPC response (%s): "
                        "is this the address of an Odoo server?"), valid);
}

/* Public API: errors */

/**
 * sc_sync_error_get_odoo_name:
 * @error: a #GError
 *
 * Returns: (nullable): the Python exception Odoo raised, such as
 *   "odoo.exceptions.ValidationError", or %NULL when @error did not come
 *   from an Odoo error response
 */
const char *
sc_sync_error_get_odoo_name (const GError *error)
{
  ScSyncErrorPrivate *priv = lookup_private (error);

  return priv != NULL ? priv->odoo_name : NULL;
}

/**
 * sc_sync_error_get_odoo_message:
 * @error: a #GError
 *
 * Returns: (nullable): Odoo's own message (`error.data.message`), or %NULL
 */
const char *
sc_sync_error_get_odoo_message (const GError *error)
{
  ScSyncErrorPrivate *priv = lookup_private (error);

  return priv != NULL ? priv->odoo_message : NULL;
}

/**
 * sc_sync_error_get_odoo_code:
 * @error: a #GError
 *
 * Returns: the JSON-RPC `error.code` (200 for server errors, 100 for an
 *   expired session), or 0
 */
int
sc_sync_error_get_odoo_code (const GError *error)
{
  ScSyncErrorPrivate *priv = lookup_private (error);

  return priv != NULL ? priv->odoo_code : 0;
}

/**
 * sc_sync_error_get_http_status:
 * @error: a #GError
 *
 * Returns: the HTTP status of an answer refused for its status, or 0
 */
guint
sc_sync_error_get_http_status (const GError *error)
{
  ScSyncErrorPrivate *priv = lookup_private (error);

  return priv != NULL ? priv->http_status : 0;
}

/**
 * sc_sync_error_get_certificate_fingerprint:
 * @error: a #GError
 *
 * Returns: (nullable): for %SC_SYNC_ERROR_CERTIFICATE, the SHA-256
 *   fingerprint of the certificate the server presented, as
 *   "AB:CD:…", for the user to compare and pin; else %NULL
 */
const char *
sc_sync_error_get_certificate_fingerprint (const GError *error)
{
  ScSyncErrorPrivate *priv = lookup_private (error);

  return priv != NULL ? priv->fingerprint : NULL;
}

void
_sc_sync_error_set_certificate_fingerprint (GError     *error,
                                            const char *fingerprint)
{
  ScSyncErrorPrivate *priv = lookup_private (error);

  g_return_if_fail (priv != NULL);

  g_free (priv->fingerprint);
  priv->fingerprint = g_strdup (fingerprint);
}

/* Replaces every occurrence of @secret in @error, its Odoo message
 * included. The message is rebuilt; nothing else changes. */
void
_sc_sync_error_mask (GError     *error,
                     const char *secret)
{
  ScSyncErrorPrivate *priv;

  if (error == NULL || secret == NULL || *secret == '\0')
    return;

  if (error->message != NULL && strstr (error->message, secret) != NULL)
    {
      char *masked = _sc_jsonrpc_mask (error->message, secret);

      g_free (error->message);
      error->message = masked;
    }

  if ((priv = lookup_private (error)) != NULL)
    {
      if (priv->odoo_message != NULL && strstr (priv->odoo_message, secret) != NULL)
        {
          char *masked = _sc_jsonrpc_mask (priv->odoo_message, secret);

          g_free (priv->odoo_message);
          priv->odoo_message = masked;
        }
    }
}

char *
_sc_jsonrpc_mask (const char *text,
                  const char *secret)
{
  g_autoptr(GString) masked = NULL;

  if (text == NULL)
    return NULL;

  masked = g_string_new (text);
  if (secret != NULL && *secret != '\0')
    g_string_replace (masked, secret, "********", 0);

  return g_string_free (g_steal_pointer (&masked), FALSE);
}

/* Rewrites the message of an error, keeping its code and Odoo details. */
void
_sc_sync_error_set_message (GError     *error,
                            const char *message)
{
  char *copy = g_strdup (message);

  g_free (error->message);
  error->message = copy;
}

/**
 * sc_jsonrpc_error_from_odoo:
 * @error_member: the `error` member of a JSON-RPC response
 *
 * Turns an Odoo error object into a #GError of %SC_SYNC_ERROR whose code
 * says what went wrong and whose message is a sentence the user can act
 * on, with Odoo's own message in it. The exception name and message stay
 * available through sc_sync_error_get_odoo_name() and
 * sc_sync_error_get_odoo_message().
 *
 * Returns: (transfer full): a new #GError
 */
GError *
sc_jsonrpc_error_from_odoo (JsonNode *error_member)
{
  JsonObject *object = NULL;
  JsonObject *data;
  g_autofree char *valid_name = NULL;
  g_autofree char *valid_message = NULL;
  const char *name = NULL;
  const char *klass;
  const char *raw_message;
  g_autofree char *message = NULL;
  g_autofree char *model = NULL;
  gint64 code = 0;
  GError *error;

  if (error_member != NULL && JSON_NODE_HOLDS_OBJECT (error_member))
    object = json_node_get_object (error_member);

  if (object == NULL)
    return malformed (_("its “error” member is not an object"));

  get_int_member (object, "code", &code);
  data = get_object_member (object, "data");

  /* A \ud800 escape gives json-glib a string that is not UTF-8. */
  if (get_string_member (data, "name") != NULL)
    name = valid_name = g_utf8_make_valid (get_string_member (data, "name"), -1);
  klass = exception_class (name);

  /* data.message is Odoo's text; error.message is only "Odoo Server Error". */
  raw_message = get_string_member (data, "message");
  if (raw_message == NULL)
    raw_message = get_string_member (object, "message");
  if (raw_message != NULL)
    raw_message = valid_message = g_utf8_make_valid (raw_message, -1);
  message = tidy_message (raw_message);
  if (*message == '\0')
    {
      g_free (message);
      message = g_strdup (_("no details given"));
    }

  if (code == 100 || g_str_equal (klass, "SessionExpiredException"))
    error = g_error_new (SC_SYNC_ERROR, SC_SYNC_ERROR_SESSION_EXPIRED,
                         _("The Odoo session has expired: sign in again (%s)"), message);
  else if (g_str_equal (klass, "AccessDenied"))
    error = g_error_new (SC_SYNC_ERROR, SC_SYNC_ERROR_ACCESS_DENIED,
                         _("Odoo did not accept the login or password/API key (%s): "
                           "check them and sign in again"), message);
  else if (g_str_equal (klass, "AccessError"))
    error = g_error_new (SC_SYNC_ERROR, SC_SYNC_ERROR_ACCESS_ERROR,
                         _("Odoo refused access: %s"), message);
  else if (g_str_equal (klass, "MissingError"))
    error = g_error_new (SC_SYNC_ERROR, SC_SYNC_ERROR_MISSING_RECORD,
                         _("The record was deleted on the Odoo server: %s"), message);
  else if (g_str_equal (klass, "UserError") &&
           (model = model_from_unknown_model_message (message)) != NULL)
    error = g_error_new (SC_SYNC_ERROR, SC_SYNC_ERROR_UNKNOWN_MODEL,
                         _("The Odoo database has no model “%s”: is the KPI Tracking "
                           "addon (kpi_tracking) installed? (Odoo: %s)"), model, message);
  else if (g_str_equal (klass, "KeyError") &&
           looks_like_model_name ((model = unquote (message))))
    error = g_error_new (SC_SYNC_ERROR, SC_SYNC_ERROR_UNKNOWN_MODEL,
                         _("The Odoo database has no model “%s”: is the KPI Tracking "
                           "addon (kpi_tracking) installed?"), model);
  else if (g_str_equal (klass, "ValidationError") ||
           g_str_equal (klass, "UserError") ||
           g_str_equal (klass, "RedirectWarning") ||
           g_str_equal (klass, "Warning") ||
           g_str_equal (klass, "except_orm"))
    error = g_error_new (SC_SYNC_ERROR, SC_SYNC_ERROR_VALIDATION,
                         _("Odoo refused the change: %s"), message);
  else if (g_str_equal (klass, "KeyError") ||
           g_str_equal (klass, "TypeError") ||
           g_str_equal (klass, "AttributeError") ||
           g_str_equal (klass, "ValueError") ||
           g_str_equal (klass, "NameError") ||
           g_str_equal (klass, "IndexError") ||
           g_str_equal (klass, "NotImplementedError"))
    error = g_error_new (SC_SYNC_ERROR, SC_SYNC_ERROR_BAD_REQUEST,
                         _("Odoo could not carry out the request: %s"), message);
  else if (g_str_equal (klass, "OperationalError") && strstr (message, "does not exist") != NULL)
    error = g_error_new (SC_SYNC_ERROR, SC_SYNC_ERROR_UNKNOWN_DATABASE,
                         _("The database does not exist on this Odoo server: check the "
                           "database name (%s)"), message);
  else
    error = g_error_new (SC_SYNC_ERROR, SC_SYNC_ERROR_SERVER,
                         _("The Odoo server failed: %s"), message);

  set_private (error, name, raw_message, (int) CLAMP (code, G_MININT, G_MAXINT), 0);

  return error;
}

/* Public API: requests */

/**
 * sc_jsonrpc_build_params:
 * @service: "common", "object" or "db"
 * @method: the service's method, such as "execute_kw"
 * @args: (nullable): its positional arguments
 *
 * Returns: (transfer full): the `params` object of a /jsonrpc call
 */
JsonNode *
sc_jsonrpc_build_params (const char *service,
                         const char *method,
                         JsonArray  *args)
{
  g_autoptr(JsonObject) params = json_object_new ();
  JsonNode *node;

  g_return_val_if_fail (service != NULL, NULL);
  g_return_val_if_fail (method != NULL, NULL);

  json_object_set_string_member (params, "service", service);
  json_object_set_string_member (params, "method", method);
  json_object_set_array_member (params, "args",
                                args != NULL ? json_array_ref (args) : json_array_new ());

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_set_object (node, params);

  return node;
}

/**
 * sc_jsonrpc_build_request:
 * @params: (nullable): the `params` member, an object; %NULL for `{}`
 * @id: the request id, echoed by the server
 *
 * Builds `{"jsonrpc":"2.0","method":"call","params":…,"id":N}`.
 *
 * Returns: (transfer full): the request body, UTF-8 JSON
 */
GBytes *
sc_jsonrpc_build_request (JsonNode *params,
                          gint64    id)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  char *text;

  g_return_val_if_fail (params == NULL || JSON_NODE_HOLDS_OBJECT (params), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "jsonrpc");
  json_builder_add_string_value (builder, "2.0");
  json_builder_set_member_name (builder, "method");
  json_builder_add_string_value (builder, "call");
  json_builder_set_member_name (builder, "params");
  if (params != NULL)
    json_builder_add_value (builder, json_node_copy (params));
  else
    {
      json_builder_begin_object (builder);
      json_builder_end_object (builder);
    }
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, id);
  json_builder_end_object (builder);

  /* Not json-glib's generator: it writes 1e+20 as "1e+20.0". */
  root = json_builder_get_root (builder);
  text = sc_json_node_to_string (root, FALSE);

  return g_bytes_new_take (text, strlen (text));
}

/**
 * sc_jsonrpc_build_request_variant:
 * @params: (nullable): the `params` member as a dictionary (`a{sv}`)
 * @id: the request id
 *
 * Like sc_jsonrpc_build_request(), for callers holding a #GVariant.
 *
 * Returns: (transfer full): the request body
 */
GBytes *
sc_jsonrpc_build_request_variant (GVariant *params,
                                  gint64    id)
{
  g_autoptr(JsonNode) node = NULL;

  if (params == NULL)
    return sc_jsonrpc_build_request (NULL, id);

  node = json_gvariant_serialize (params);
  g_return_val_if_fail (node != NULL && JSON_NODE_HOLDS_OBJECT (node), NULL);

  return sc_jsonrpc_build_request (node, id);
}

/* Public API: responses */

/**
 * sc_jsonrpc_parse_response:
 * @data: (array length=length): the response body
 * @length: its length in bytes
 * @expected_id: the id of the request, or -1 to accept any
 * @error: return location for a #GError
 *
 * Parses a JSON-RPC response body. A response with neither `result` nor
 * `error` is a method that returned None: its result is a null node.
 *
 * Returns: (transfer full): the `result` member (never %NULL on success),
 *   or %NULL with @error set: the Odoo error as an %SC_SYNC_ERROR, or
 *   %SC_SYNC_ERROR_MALFORMED
 */
JsonNode *
sc_jsonrpc_parse_response (const char  *data,
                           gsize        length,
                           gint64       expected_id,
                           GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;
  JsonObject *object;
  JsonNode *root;
  JsonNode *member;
  JsonNode *id;
  const char *version;

  if (data == NULL || length == 0)
    {
      g_propagate_error (error, malformed (_("the answer is empty")));
      return NULL;
    }

  if (!g_utf8_validate_len (data, length, NULL))
    {
      g_propagate_error (error, malformed (_("the answer is not UTF-8 text")));
      return NULL;
    }

  if (!check_depth (data, length))
    {
      g_propagate_error (error, malformed (_("the answer is nested too deeply")));
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, length, &parse_error))
    {
      g_autofree char *head = excerpt (data, length);
      g_autofree char *reason = NULL;

      if (g_str_has_prefix (head, "<"))
        reason = g_strdup (_("the server sent a web page"));
      else
        reason = g_strdup_printf (_("invalid or truncated JSON: %s"), parse_error->message);

      g_propagate_error (error, malformed (reason));
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_propagate_error (error, malformed (_("it is not a JSON object")));
      return NULL;
    }

  /* Without a backslash there is no escape, and every string is a slice
   * of the body between ASCII quotes, which is valid UTF-8 already: the
   * walk is for escapes only (5% of a pull's CPU time on 2000-row pages). */
  if (memchr (data, '\\', length) != NULL && !node_is_valid_utf8 (root))
    {
      g_propagate_error (error, malformed (_("it holds text that is not UTF-8")));
      return NULL;
    }

  object = json_node_get_object (root);

  version = get_string_member (object, "jsonrpc");
  if (version == NULL || !g_str_equal (version, "2.0"))
    {
      g_propagate_error (error, malformed (_("it does not say “jsonrpc”: “2.0”")));
      return NULL;
    }

  if ((member = json_object_get_member (object, "error")) != NULL)
    {
      g_propagate_error (error, sc_jsonrpc_error_from_odoo (member));
      return NULL;
    }

  /* Errors may carry a null id (transcript 11); results echo ours. */
  id = json_object_get_member (object, "id");
  if (expected_id >= 0)
    {
      if (id == NULL ||
          !JSON_NODE_HOLDS_VALUE (id) ||
          json_node_get_value_type (id) != G_TYPE_INT64 ||
          json_node_get_int (id) != expected_id)
        {
          g_propagate_error (error, malformed (_("it answers another request")));
          return NULL;
        }
    }
  else if (id == NULL)
    {
      g_propagate_error (error, malformed (_("it has no “id”")));
      return NULL;
    }

  if ((member = json_object_get_member (object, "result")) != NULL)
    return json_node_copy (member);

  return json_node_new (JSON_NODE_NULL);
}

/**
 * sc_jsonrpc_parse_http_response:
 * @status: the HTTP status
 * @content_type: (nullable): the Content-Type header
 * @data: (array length=length): the response body
 * @length: its length in bytes
 * @expected_id: the id of the request, or -1 to accept any
 * @error: return location for a #GError
 *
 * Like sc_jsonrpc_parse_response(), after the HTTP layer: Odoo answers
 * every JSON-RPC call with 200 and application/json, so anything else is
 * a broken request (400), a server or proxy failure (5xx) or not Odoo at
 * all.
 *
 * Returns: (transfer full): the result, or %NULL with @error set
 */
JsonNode *
sc_jsonrpc_parse_http_response (guint        status,
                                const char  *content_type,
                                const char  *data,
                                gsize        length,
                                gint64       expected_id,
                                GError     **error)
{
  if (status < 200 || status >= 300)
    {
      g_propagate_error (error, http_error (status, data, length));
      return NULL;
    }

  if (!content_type_is_json (content_type))
    {
      g_autofree char *type = excerpt (content_type, strlen (content_type));
      g_autofree char *reason = g_strdup_printf (_("it is “%s”"), type);

      g_propagate_error (error, malformed (reason));
      return NULL;
    }

  return sc_jsonrpc_parse_response (data, length, expected_id, error);
}
