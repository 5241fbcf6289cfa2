/* sc-fake-odoo.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-fake-odoo"

#include "config.h"

#include <netinet/in.h>
#include <netinet/tcp.h>

#include <stdlib.h>
#include <string.h>

#include <libsoup/soup.h>

#include "sc-fake-odoo-private.h"

/* A fake Odoo 17 with the kpi_tracking addon, for tests: a SoupServer on
 * 127.0.0.1 in its own thread and GMainContext (after GNOME Calendar's
 * tests/gcal-simple-server.c), answering /jsonrpc and the few /web routes
 * as shared/odoo-transcripts show the real server doing it: the same
 * bytes for the same data, the same error codes, names and messages, the
 * same 400 pages. Its data lives in sc-fake-odoo-store.c.
 *
 * Faults are played per request, matched by model and method: the server
 * answers a 500 or 502 page, drops the connection before or after doing
 * the work, truncates or breaks the JSON, or says the session expired.
 * Everything the test thread calls takes the server's lock.
 */

#define SERVER_HEADER "Werkzeug/2.2.2 Python/3.11.2"

typedef struct
{
  ScFakeOdooFault  fault;
  char            *model;
  char            *method;
  guint            remaining;   /* 0: until cleared */
} FaultRule;

struct _ScFakeOdoo
{
  GObject                parent_instance;

  GRecMutex              lock;
  FakeStore             *store;

  /* The server thread; the fields below are set before it runs. */
  GThread               *thread;
  GMainContext          *context;
  GMainLoop             *loop;
  GTlsCertificate       *certificate;
  guint                  requested_port;
  GMutex                 start_mutex;
  GCond                  start_cond;
  gboolean               started;
  GError                *start_error;
  char                  *url;
  guint                  port;

  /* Shared, under the lock. */
  char                  *version;
  gboolean               list_db;
  guint                  latency;
  gboolean               gzip;
  GPtrArray             *faults;
  GHashTable            *request_counts;
  guint                  connection_count;
  GHashTable            *call_counts;
  GHashTable            *sessions;     /* session id → uid */
  guint                  session_serial;
  char                  *last_request;
  GStrv                  last_headers;
  ScFakeOdooRequestHook  hook;
  gpointer               hook_data;
  GDestroyNotify         hook_destroy;

  /* Server thread only. */
  SoupServer            *server;
  GPtrArray             *delayed;
};

G_DEFINE_FINAL_TYPE (ScFakeOdoo, sc_fake_odoo, G_TYPE_OBJECT)

typedef struct
{
  ScFakeOdoo        *self;
  SoupServerMessage *message;
  guint              status;
  char              *content_type;
  GBytes            *body;
  GSource           *source;
  gboolean           disconnected;
} Delayed;

/* What one request asks, as far as counters and faults care. */
typedef struct
{
  const char *service;
  const char *method;
  const char *model;
  const char *model_method;
} Call;

/* A response in the making. */
typedef struct
{
  guint      status;
  GString   *body;
  GPtrArray *cookies;
} Response;

static const char invalid_json_page[] = "Invalid JSON data";

static const char wrong_type_page[] =
  "<!doctype html>\n<html lang=en>\n<title>400 Bad Request</title>\n<h1>Bad Request</h1>\n"
  "<p>Request inferred type is compatible with [&#39;http&#39;] but &#39;%s&#39; is type=&#39;json&#39;.</p>\n";

static const char not_found_page[] =
  "<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n"
  "<p>The requested URL was not found on the server. If you entered the URL manually please "
  "check your spelling and try again.</p>\n";

static const char internal_error_page[] =
  "<!doctype html>\n<html lang=en>\n<title>500 Internal Server Error</title>\n"
  "<h1>Internal Server Error</h1>\n<p>The server encountered an internal error and was unable to "
  "complete your request. Either the server is overloaded or there is an error in the application.</p>\n";

static const char bad_gateway_page[] =
  "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
  "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.22.1</center>\r\n</body>\r\n</html>\r\n";

/* Auxiliary methods */

static void
fault_rule_free (gpointer data)
{
  FaultRule *rule = data;

  g_free (rule->model);
  g_free (rule->method);
  g_free (rule);
}

static void
delayed_free (gpointer data)
{
  Delayed *delayed = data;

  g_signal_handlers_disconnect_matched (delayed->message, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, delayed);
  g_clear_object (&delayed->message);
  g_clear_pointer (&delayed->body, g_bytes_unref);
  g_free (delayed->content_type);
  g_free (delayed);
}

static gboolean
media_type_is_json (const char *content_type)
{
  g_autofree char *media = NULL;
  const char *semicolon;

  if (content_type == NULL)
    return FALSE;

  semicolon = strchr (content_type, ';');
  media = g_strstrip (semicolon ? g_strndup (content_type, semicolon - content_type) : g_strdup (content_type));

  return g_ascii_strcasecmp (media, "application/json") == 0 ||
         g_ascii_strcasecmp (media, "application/json-rpc") == 0;
}

static char *
format_version_info (const char *version)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *dot = strchr (version, '.');
  g_autofree char *major = dot ? g_strndup (version, dot - version) : g_strdup (version);
  const char *minor = dot ? dot + 1 : "0";
  gboolean numeric = *major != '\0';

  for (const char *p = major; *p; p++)
    if (!g_ascii_isdigit (*p))
      numeric = FALSE;

  g_string_append (out, "{\"server_version\": ");
  fake_json_string (out, version);
  g_string_append (out, ", \"server_version_info\": [");
  if (numeric)
    g_string_append (out, major);
  else
    fake_json_string (out, major);
  g_string_append_printf (out, ", %d, 0, \"final\", 0, \"\"], \"server_serie\": ", atoi (minor));
  fake_json_string (out, version);
  g_string_append (out, ", \"protocol_version\": 1}");

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
append_id (GString  *out,
           JsonNode *id)
{
  fake_json_node (out, id);
}

static void
write_result (GString    *out,
              JsonNode   *id,
              const char *result)
{
  g_string_append (out, "{\"jsonrpc\": \"2.0\", \"id\": ");
  append_id (out, id);
  if (result != NULL)
    {
      g_string_append (out, ", \"result\": ");
      g_string_append (out, result);
    }
  g_string_append_c (out, '}');
}

/* Odoo's error envelope (odoo.http.serialize_exception). The traceback is
 * the real server's last line only, as the recorder kept it. */
static void
write_error (GString      *out,
             JsonNode     *id,
             const GError *error)
{
  FakeException code = error->domain == FAKE_ODOO_ERROR ? (FakeException) error->code : FAKE_EXC_VALUE;
  gboolean expired = code == FAKE_EXC_SESSION_EXPIRED;
  g_autofree char *debug = NULL;

  debug = g_strdup_printf ("Traceback (most recent call last):\n"
                           "  File \"/usr/lib/python3/dist-packages/odoo/http.py\", line 1, in _serve_db\n"
                           "    (sc-fake-odoo)\n%s: %s\n",
                           fake_exception_short_name (code), error->message);

  g_string_append (out, "{\"jsonrpc\": \"2.0\", \"id\": ");
  if (expired)
    g_string_append (out, "null");
  else
    append_id (out, id);
  g_string_append_printf (out, ", \"error\": {\"code\": %d, \"message\": ", expired ? 100 : 200);
  fake_json_string (out, expired ? "Odoo Session Expired" : "Odoo Server Error");
  g_string_append (out, ", \"data\": {\"name\": ");
  fake_json_string (out, fake_exception_name (code));
  g_string_append (out, ", \"debug\": ");
  fake_json_string (out, debug);
  g_string_append (out, ", \"message\": ");
  fake_json_string (out, error->message);
  g_string_append (out, ", \"arguments\": [");
  fake_json_string (out, error->message);
  g_string_append (out, "], \"context\": {}}}}");
}

static char *
format_session_cookie (ScFakeOdoo *self,
                       const char *session_id)
{
  g_autoptr(GDateTime) expires = NULL;
  g_autofree char *expires_text = NULL;

  /* A year ahead, while Max-Age says a week: as Odoo 17 does. */
  expires = g_date_time_new_from_unix_utc (fake_store_get_clock (self->store) + 365 * 86400);
  expires_text = g_date_time_format (expires, "%a, %d %b %Y %H:%M:%S GMT");

  return g_strdup_printf ("session_id=%s; Expires=%s; Max-Age=604800; HttpOnly; Path=/",
                          session_id, expires_text);
}

static char *
new_session_cookie (ScFakeOdoo *self,
                    char      **session_id)
{
  g_autofree char *seed = g_strdup_printf ("sc-fake-odoo-%p-%u", (void *) self, ++self->session_serial);

  *session_id = g_compute_checksum_for_string (G_CHECKSUM_SHA1, seed, -1);

  return format_session_cookie (self, *session_id);
}

static char *
request_session_id (SoupServerMessage *message)
{
  const char *cookies = soup_message_headers_get_one (soup_server_message_get_request_headers (message), "Cookie");
  g_auto(GStrv) parts = NULL;

  if (cookies == NULL)
    return NULL;

  parts = g_strsplit (cookies, ";", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *part = g_strstrip (parts[i]);

      if (g_str_has_prefix (part, "session_id="))
        return g_strdup (part + strlen ("session_id="));
    }

  return NULL;
}

static gint64
session_uid (ScFakeOdoo        *self,
             SoupServerMessage *message)
{
  g_autofree char *session_id = request_session_id (message);
  gpointer uid;

  if (session_id == NULL || !g_hash_table_lookup_extended (self->sessions, session_id, NULL, &uid))
    return 0;

  return GPOINTER_TO_SIZE (uid);
}

static char *
python_missing (const char  *function,
                const char **names,
                guint        n_names)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < n_names; i++)
    {
      if (i > 0)
        g_string_append (list, n_names == 2 ? " and " : i + 1 == n_names ? ", and " : ", ");
      g_string_append_printf (list, "'%s'", names[i]);
    }

  return g_strdup_printf ("%s() missing %u required positional argument%s: %s",
                          function, n_names, n_names == 1 ? "" : "s", list->str);
}

static gboolean
check_arity (const char   *function,
             const char  **params,
             guint         n_params,
             guint         n_optional,
             JsonArray    *args,
             GError      **error)
{
  guint given = json_array_get_length (args);
  guint required = n_params - n_optional;

  if (given < required)
    {
      g_autofree char *message = python_missing (function, params + given, required - given);

      g_set_error_literal (error, FAKE_ODOO_ERROR, FAKE_EXC_TYPE, message);
      return FALSE;
    }

  if (given > n_params)
    {
      if (n_optional == 0)
        g_set_error (error, FAKE_ODOO_ERROR, FAKE_EXC_TYPE,
                     "%s() takes %u positional arguments but %u were given", function, n_params, given);
      else
        g_set_error (error, FAKE_ODOO_ERROR, FAKE_EXC_TYPE,
                     "%s() takes from %u to %u positional arguments but %u were given",
                     function, required, n_params, given);
      return FALSE;
    }

  return TRUE;
}

static const char *
string_at (JsonArray *args,
           guint      index)
{
  JsonNode *node;

  if (index >= json_array_get_length (args))
    return NULL;

  node = json_array_get_element (args, index);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static gboolean
check_database (const char  *database,
                GError     **error)
{
  if (g_strcmp0 (database, SC_FAKE_ODOO_DATABASE) == 0)
    return TRUE;

  g_set_error (error, FAKE_ODOO_ERROR, FAKE_EXC_OPERATIONAL,
               "connection to server at \"127.0.0.1\", port 5432 failed: FATAL:  database \"%s\" does not exist\n",
               database != NULL ? database : "None");

  return FALSE;
}

static gboolean
call_common (ScFakeOdoo  *self,
             const char  *method,
             JsonArray   *args,
             GString     *result,
             GError     **error)
{
  if (g_str_equal (method, "version"))
    {
      g_autofree char *info = format_version_info (self->version);

      g_string_append (result, info);
      return TRUE;
    }

  if (g_str_equal (method, "login") || g_str_equal (method, "authenticate"))
    {
      static const char *params[] = { "db", "login", "password", "user_agent_env" };
      gboolean authenticate = g_str_equal (method, "authenticate");
      gint64 uid;

      if (!check_arity (authenticate ? "exp_authenticate" : "exp_login", params,
                        authenticate ? 4 : 3, 0, args, error) ||
          !check_database (string_at (args, 0), error))
        return FALSE;

      uid = fake_store_authenticate (self->store, string_at (args, 1), string_at (args, 2), TRUE);
      if (uid > 0)
        g_string_append_printf (result, "%" G_GINT64_FORMAT, uid);
      else
        g_string_append (result, "false");
      return TRUE;
    }

  g_set_error (error, FAKE_ODOO_ERROR, FAKE_EXC_KEY, "exp_%s", method);

  return FALSE;
}

static gboolean
call_object (ScFakeOdoo  *self,
             const char  *method,
             JsonArray   *args,
             GString     *result,
             gboolean    *has_result,
             GError     **error)
{
  static const char *execute_kw_params[] = { "obj", "method", "args", "kw" };
  g_autoptr(JsonArray) tail = NULL;
  JsonNode *uid_node;
  JsonNode *method_args;
  JsonNode *kwargs = NULL;
  gint64 uid;
  guint n_args = json_array_get_length (args);

  if (!g_str_equal (method, "execute_kw") && !g_str_equal (method, "execute"))
    {
      g_set_error (error, FAKE_ODOO_ERROR, FAKE_EXC_NAME, "Method not available %s", method);
      return FALSE;
    }

  if (n_args < 3)
    {
      g_set_error_literal (error, FAKE_ODOO_ERROR, FAKE_EXC_INDEX, "list index out of range");
      return FALSE;
    }

  uid_node = json_array_get_element (args, 1);
  if (!JSON_NODE_HOLDS_VALUE (uid_node) || json_node_get_value_type (uid_node) != G_TYPE_INT64)
    {
      g_autofree char *repr = fake_py_repr (uid_node);

      g_set_error (error, FAKE_ODOO_ERROR, FAKE_EXC_VALUE, "invalid literal for int() with base 10: %s", repr);
      return FALSE;
    }
  uid = json_node_get_int (uid_node);

  /* odoo.service.security.check */
  if (!check_database (string_at (args, 0), error))
    return FALSE;
  if (!fake_store_check_uid (self->store, uid, string_at (args, 2)))
    {
      g_set_error_literal (error, FAKE_ODOO_ERROR, FAKE_EXC_ACCESS_DENIED, "Access Denied");
      return FALSE;
    }

  tail = json_array_new ();
  for (guint i = 3; i < n_args; i++)
    json_array_add_element (tail, json_node_copy (json_array_get_element (args, i)));

  if (g_str_equal (method, "execute_kw"))
    {
      if (!check_arity ("execute_kw", execute_kw_params, 4, 1, tail, error))
        return FALSE;
      method_args = json_array_get_element (tail, 2);
      if (n_args > 6)
        kwargs = json_array_get_element (tail, 3);
      if (!JSON_NODE_HOLDS_ARRAY (method_args))
        {
          g_set_error (error, FAKE_ODOO_ERROR, FAKE_EXC_TYPE,
                       "odoo.service.model.execute() argument after * must be an iterable");
          return FALSE;
        }
      if (kwargs != NULL && !JSON_NODE_HOLDS_OBJECT (kwargs) && !JSON_NODE_HOLDS_NULL (kwargs))
        {
          g_set_error (error, FAKE_ODOO_ERROR, FAKE_EXC_TYPE,
                       "odoo.service.model.execute() argument after ** must be a mapping");
          return FALSE;
        }
      if (string_at (tail, 0) == NULL || string_at (tail, 1) == NULL)
        {
          g_set_error_literal (error, FAKE_ODOO_ERROR, FAKE_EXC_TYPE, "model and method must be strings");
          return FALSE;
        }

      return fake_store_call (self->store, uid, string_at (tail, 0), string_at (tail, 1),
                              json_node_get_array (method_args),
                              kwargs != NULL && JSON_NODE_HOLDS_OBJECT (kwargs) ? json_node_get_object (kwargs) : NULL,
                              result, has_result, error);
    }
  else
    {
      g_autoptr(JsonArray) positional = json_array_new ();

      if (json_array_get_length (tail) < 2)
        {
          g_autofree char *message = python_missing ("execute", execute_kw_params + json_array_get_length (tail),
                                                     2 - json_array_get_length (tail));

          g_set_error_literal (error, FAKE_ODOO_ERROR, FAKE_EXC_TYPE, message);
          return FALSE;
        }
      if (string_at (tail, 0) == NULL || string_at (tail, 1) == NULL)
        {
          g_set_error_literal (error, FAKE_ODOO_ERROR, FAKE_EXC_TYPE, "model and method must be strings");
          return FALSE;
        }
      for (guint i = 2; i < json_array_get_length (tail); i++)
        json_array_add_element (positional, json_node_copy (json_array_get_element (tail, i)));

      return fake_store_call (self->store, uid, string_at (tail, 0), string_at (tail, 1), positional, NULL,
                              result, has_result, error);
    }
}

static gboolean
call_db (ScFakeOdoo  *self,
         const char  *method,
         GString     *result,
         GError     **error)
{
  if (g_str_equal (method, "list"))
    {
      if (!self->list_db)
        {
          g_set_error_literal (error, FAKE_ODOO_ERROR, FAKE_EXC_ACCESS_DENIED, "Access Denied");
          return FALSE;
        }
      g_string_append (result, "[\"" SC_FAKE_ODOO_DATABASE "\"]");
      return TRUE;
    }

  if (g_str_equal (method, "server_version"))
    {
      fake_json_string (result, self->version);
      return TRUE;
    }

  g_set_error (error, FAKE_ODOO_ERROR, FAKE_EXC_KEY, "exp_%s", method);

  return FALSE;
}

/* RPC.jsonrpc(service, method, args), the /jsonrpc route. */
static gboolean
dispatch_jsonrpc (ScFakeOdoo  *self,
                  JsonObject  *params,
                  GString     *result,
                  gboolean    *has_result,
                  GError     **error)
{
  static const char *names[] = { "service", "method", "args" };
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;
  const char *service, *method;
  JsonNode *args;

  json_object_iter_init_ordered (&iter, params);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    {
      if (!g_str_equal (name, "service") && !g_str_equal (name, "method") && !g_str_equal (name, "args"))
        {
          g_set_error (error, FAKE_ODOO_ERROR, FAKE_EXC_TYPE,
                       "RPC.jsonrpc() got an unexpected keyword argument '%s'", name);
          return FALSE;
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (!json_object_has_member (params, names[i]))
      g_ptr_array_add (missing, (gpointer) names[i]);

  if (missing->len > 0)
    {
      g_autofree char *message = python_missing ("RPC.jsonrpc", (const char **) missing->pdata, missing->len);

      g_set_error_literal (error, FAKE_ODOO_ERROR, FAKE_EXC_TYPE, message);
      return FALSE;
    }

  service = json_object_get_string_member_with_default (params, "service", "");
  method = json_object_get_string_member_with_default (params, "method", "");
  args = json_object_get_member (params, "args");
  if (!JSON_NODE_HOLDS_ARRAY (args))
    {
      g_set_error_literal (error, FAKE_ODOO_ERROR, FAKE_EXC_TYPE, "argument after * must be an iterable");
      return FALSE;
    }

  if (g_str_equal (service, "common"))
    return call_common (self, method, json_node_get_array (args), result, error);
  if (g_str_equal (service, "object"))
    return call_object (self, method, json_node_get_array (args), result, has_result, error);
  if (g_str_equal (service, "db"))
    return call_db (self, method, result, error);

  g_set_error_literal (error, FAKE_ODOO_ERROR, FAKE_EXC_KEY, service);

  return FALSE;
}

static gboolean
dispatch_web (ScFakeOdoo         *self,
              SoupServerMessage  *message,
              const char         *path,
              JsonObject         *params,
              Response           *response,
              GString            *result,
              gboolean           *has_result,
              GError            **error)
{
  gint64 uid = session_uid (self, message);

  if (g_str_equal (path, "/web/webclient/version_info"))
    {
      g_autofree char *info = format_version_info (self->version);

      g_string_append (result, info);
      return TRUE;
    }

  if (g_str_equal (path, "/web/session/authenticate"))
    {
      g_autofree char *session_id = NULL;
      g_autoptr(JsonNode) info = NULL;
      const char *database = json_object_get_string_member_with_default (params, "db", NULL);

      if (!check_database (database, error))
        return FALSE;

      /* API keys are for RPC only (transcript 53). */
      uid = fake_store_authenticate (self->store,
                                     json_object_get_string_member_with_default (params, "login", NULL),
                                     json_object_get_string_member_with_default (params, "password", NULL),
                                     FALSE);
      if (uid <= 0)
        {
          g_set_error_literal (error, FAKE_ODOO_ERROR, FAKE_EXC_ACCESS_DENIED, "Access Denied");
          return FALSE;
        }

      g_ptr_array_add (response->cookies, new_session_cookie (self, &session_id));
      g_hash_table_insert (self->sessions, g_steal_pointer (&session_id), GSIZE_TO_POINTER (uid));
      info = fake_store_session_info (self->store, uid, database);
      fake_json_node (result, info);
      return TRUE;
    }

  if (uid <= 0)
    {
      g_set_error_literal (error, FAKE_ODOO_ERROR, FAKE_EXC_SESSION_EXPIRED, "Session expired");
      return FALSE;
    }

  if (g_str_equal (path, "/web/session/get_session_info"))
    {
      g_autoptr(JsonNode) info = fake_store_session_info (self->store, uid, SC_FAKE_ODOO_DATABASE);
      g_autofree char *session_id = request_session_id (message);

      /* The session is touched, and its cookie sent again (transcript 10). */
      g_ptr_array_add (response->cookies, format_session_cookie (self, session_id));

      fake_json_node (result, info);
      return TRUE;
    }

  if (g_str_equal (path, "/web/session/destroy"))
    {
      g_autofree char *old_id = request_session_id (message);
      g_autofree char *session_id = NULL;
      g_autoptr(GDateTime) expires = g_date_time_new_from_unix_utc (fake_store_get_clock (self->store) + 365 * 86400);
      g_autofree char *expires_text = g_date_time_format (expires, "%a, %d %b %Y %H:%M:%S GMT");

      g_hash_table_remove (self->sessions, old_id);
      g_ptr_array_add (response->cookies, g_strdup_printf ("cids=; Expires=%s; Max-Age=0; Path=/", expires_text));
      g_ptr_array_add (response->cookies, new_session_cookie (self, &session_id));
      *has_result = FALSE;
      return TRUE;
    }

  /* /web/dataset/call_kw[/model.method] */
  {
    JsonNode *args = json_object_get_member (params, "args");
    JsonNode *kwargs = json_object_get_member (params, "kwargs");

    return fake_store_call (self->store, uid,
                            json_object_get_string_member_with_default (params, "model", ""),
                            json_object_get_string_member_with_default (params, "method", ""),
                            args != NULL && JSON_NODE_HOLDS_ARRAY (args) ? json_node_get_array (args) : NULL,
                            kwargs != NULL && JSON_NODE_HOLDS_OBJECT (kwargs) ? json_node_get_object (kwargs) : NULL,
                            result, has_result, error);
  }
}

static gboolean
is_json_route (const char *path)
{
  return g_str_equal (path, "/jsonrpc") ||
         g_str_equal (path, "/web/webclient/version_info") ||
         g_str_equal (path, "/web/session/authenticate") ||
         g_str_equal (path, "/web/session/get_session_info") ||
         g_str_equal (path, "/web/session/destroy") ||
         g_str_equal (path, "/web/dataset/call_kw") ||
         g_str_has_prefix (path, "/web/dataset/call_kw/");
}

static char *
counter_key (const char *a,
             const char *b)
{
  return g_strconcat (a ? a : "", "\x1f", b ? b : "", NULL);
}

static void
count (GHashTable *counts,
       const char *a,
       const char *b)
{
  char *key = counter_key (a, b);
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, key));

  g_hash_table_replace (counts, key, GUINT_TO_POINTER (n + 1));
}

static guint
sum_counts (GHashTable *counts,
            const char *a,
            const char *b)
{
  GHashTableIter iter;
  gpointer key, value;
  guint total = 0;

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_auto(GStrv) parts = g_strsplit (key, "\x1f", 2);

      if ((a == NULL || g_str_equal (parts[0], a)) && (b == NULL || g_str_equal (parts[1], b)))
        total += GPOINTER_TO_UINT (value);
    }

  return total;
}

/* The first fault for this call, used up once. */
static gboolean
take_fault (ScFakeOdoo      *self,
            const Call      *call,
            ScFakeOdooFault *fault)
{
  for (guint i = 0; i < self->faults->len; i++)
    {
      FaultRule *rule = g_ptr_array_index (self->faults, i);

      if (rule->model != NULL && g_strcmp0 (rule->model, call->model) != 0)
        continue;
      if (rule->method != NULL && g_strcmp0 (rule->method, call->method) != 0 &&
          g_strcmp0 (rule->method, call->model_method) != 0)
        continue;

      *fault = rule->fault;
      if (rule->remaining > 0 && --rule->remaining == 0)
        g_ptr_array_remove_index (self->faults, i);

      return TRUE;
    }

  return FALSE;
}

static void
drop_connection (SoupServerMessage *message)
{
  g_autoptr(GIOStream) stream = soup_server_message_steal_connection (message);

  if (stream != NULL)
    g_io_stream_close (stream, NULL, NULL);
}

static GBytes *
gzip_bytes (GBytes *bytes)
{
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, -1);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) stream = g_converter_output_stream_new (memory, G_CONVERTER (compressor));
  gsize written;

  g_output_stream_write_all (stream, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &written, NULL, NULL);
  g_output_stream_close (stream, NULL, NULL);

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

static void
set_response (SoupServerMessage *message,
              guint              status,
              const char        *content_type,
              GBytes            *body)
{
  soup_server_message_set_status (message, status, NULL);
  soup_server_message_set_response (message, content_type, SOUP_MEMORY_COPY,
                                    g_bytes_get_data (body, NULL), g_bytes_get_size (body));
}

static void
on_delayed_disconnected_cb (SoupServerMessage *message,
                            Delayed           *delayed)
{
  delayed->disconnected = TRUE;
}

static gboolean
delayed_response_cb (gpointer data)
{
  Delayed *delayed = data;

  if (!delayed->disconnected)
    {
      set_response (delayed->message, delayed->status, delayed->content_type, delayed->body);
      soup_server_message_unpause (delayed->message);
    }

  g_ptr_array_remove_fast (delayed->self->delayed, delayed->source);

  return G_SOURCE_REMOVE;
}

static void
send_response (ScFakeOdoo        *self,
               SoupServerMessage *message,
               guint              status,
               const char        *content_type,
               GBytes            *body)
{
  g_autoptr(GBytes) sent = g_bytes_ref (body);
  const char *accept = soup_message_headers_get_one (soup_server_message_get_request_headers (message),
                                                     "Accept-Encoding");

  if (self->gzip && accept != NULL && strstr (accept, "gzip") != NULL)
    {
      g_bytes_unref (sent);
      sent = gzip_bytes (body);
      soup_message_headers_replace (soup_server_message_get_response_headers (message),
                                    "Content-Encoding", "gzip");
    }

  if (self->latency == 0)
    {
      set_response (message, status, content_type, sent);
      return;
    }

  {
    Delayed *delayed = g_new0 (Delayed, 1);

    delayed->self = self;
    delayed->message = g_object_ref (message);
    delayed->status = status;
    delayed->content_type = g_strdup (content_type);
    delayed->body = g_steal_pointer (&sent);
    g_signal_connect (message, "disconnected", G_CALLBACK (on_delayed_disconnected_cb), delayed);

    soup_server_message_pause (message);
    delayed->source = g_timeout_source_new (self->latency);
    g_source_set_callback (delayed->source, delayed_response_cb, delayed, delayed_free);
    g_ptr_array_add (self->delayed, delayed->source);
    g_source_attach (delayed->source, self->context);
    g_source_unref (delayed->source);
  }
}

static void
send_text (ScFakeOdoo        *self,
           SoupServerMessage *message,
           guint              status,
           const char        *content_type,
           const char        *text)
{
  g_autoptr(GBytes) body = g_bytes_new (text, strlen (text));

  send_response (self, message, status, content_type, body);
}

static void
remember_request (ScFakeOdoo        *self,
                  SoupServerMessage *message)
{
  SoupMessageBody *body = soup_server_message_get_request_body (message);
  SoupMessageHeadersIter iter;
  g_autoptr(GStrvBuilder) headers = g_strv_builder_new ();
  const char *name, *value;
  g_autoptr(GBytes) data = soup_message_body_flatten (body);

  g_free (self->last_request);
  self->last_request = g_strndup (g_bytes_get_data (data, NULL), g_bytes_get_size (data));

  soup_message_headers_iter_init (&iter, soup_server_message_get_request_headers (message));
  while (soup_message_headers_iter_next (&iter, &name, &value))
    {
      g_autofree char *line = g_strdup_printf ("%s: %s", name, value);

      g_strv_builder_add (headers, line);
    }

  g_strfreev (self->last_headers);
  self->last_headers = g_strv_builder_end (headers);
}

static void
handle_request (ScFakeOdoo        *self,
                SoupServerMessage *message,
                const char        *path)
{
  SoupMessageHeaders *request_headers = soup_server_message_get_request_headers (message);
  g_autoptr(GBytes) request = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GString) result = g_string_new (NULL);
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) id = NULL;
  g_autoptr(GPtrArray) cookies = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GBytes) bytes = NULL;
  Response response = { 200, body, cookies };
  ScFakeOdooFault fault;
  gboolean faulted;
  gboolean has_result = TRUE;
  gboolean ok = FALSE;
  JsonObject *root = NULL;
  JsonObject *params = NULL;
  Call call = { NULL, };

  remember_request (self, message);

  if (!is_json_route (path))
    {
      count (self->request_counts, "http", path);
      send_text (self, message, 404, "text/html; charset=utf-8", not_found_page);
      return;
    }

  /* Odoo infers a request's type from its Content-Type (transcript 47). */
  if (!media_type_is_json (soup_message_headers_get_content_type (request_headers, NULL)))
    {
      g_autofree char *page = g_strdup_printf (wrong_type_page, path);

      count (self->request_counts, "http", path);
      send_text (self, message, 400, "text/html; charset=utf-8", page);
      return;
    }

  request = soup_message_body_flatten (soup_server_message_get_request_body (message));
  if (g_bytes_get_size (request) == 0 ||
      !g_utf8_validate_len (g_bytes_get_data (request, NULL), g_bytes_get_size (request), NULL) ||
      !json_parser_load_from_data (parser, g_bytes_get_data (request, NULL), g_bytes_get_size (request), NULL))
    {
      /* Invalid JSON: 400 (transcripts 40, 46, 48). */
      g_autofree char *session_id = request_session_id (message);

      count (self->request_counts, "http", path);
      if (g_str_has_prefix (path, "/web/") && session_id == NULL)
        {
          g_autofree char *cookie = new_session_cookie (self, &session_id);

          soup_message_headers_append (soup_server_message_get_response_headers (message), "Set-Cookie", cookie);
        }
      send_text (self, message, 400, "text/html; charset=utf-8", invalid_json_page);
      return;
    }

  if (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      root = json_node_get_object (json_parser_get_root (parser));
      if (json_object_has_member (root, "id"))
        id = json_node_copy (json_object_get_member (root, "id"));
      if (json_object_has_member (root, "params") && JSON_NODE_HOLDS_OBJECT (json_object_get_member (root, "params")))
        params = json_object_get_object_member (root, "params");
    }

  if (g_str_equal (path, "/jsonrpc"))
    {
      call.service = params ? json_object_get_string_member_with_default (params, "service", NULL) : NULL;
      call.method = params ? json_object_get_string_member_with_default (params, "method", NULL) : NULL;
      if (g_strcmp0 (call.service, "object") == 0 && params != NULL &&
          json_object_has_member (params, "args") && JSON_NODE_HOLDS_ARRAY (json_object_get_member (params, "args")))
        {
          JsonArray *args = json_object_get_array_member (params, "args");

          call.model = string_at (args, 3);
          call.model_method = string_at (args, 4);
        }
    }
  else
    {
      call.service = "web";
      call.method = path;
      if (g_str_has_prefix (path, "/web/dataset/call_kw") && params != NULL)
        {
          call.model = json_object_get_string_member_with_default (params, "model", NULL);
          call.model_method = json_object_get_string_member_with_default (params, "method", NULL);
        }
    }

  count (self->request_counts, call.service, call.method);
  if (call.model != NULL)
    count (self->call_counts, call.model, call.model_method);

  faulted = take_fault (self, &call, &fault);

  if (self->hook != NULL)
    self->hook (self, call.service ? call.service : "", call.method ? call.method : "",
                call.model, call.model_method, self->hook_data);

  if (faulted)
    {
      switch (fault)
        {
        case SC_FAKE_ODOO_FAULT_DROP_BEFORE:
          drop_connection (message);
          return;

        case SC_FAKE_ODOO_FAULT_HTTP_500:
          send_text (self, message, 500, "text/html; charset=utf-8", internal_error_page);
          return;

        case SC_FAKE_ODOO_FAULT_HTTP_502:
          send_text (self, message, 502, "text/html", bad_gateway_page);
          return;

        case SC_FAKE_ODOO_FAULT_SESSION_EXPIRED:
          {
            g_autoptr(GError) expired = g_error_new_literal (FAKE_ODOO_ERROR, FAKE_EXC_SESSION_EXPIRED,
                                                             "Session expired");

            write_error (body, id, expired);
            bytes = g_bytes_new (body->str, body->len);
            send_response (self, message, 200, "application/json; charset=utf-8", bytes);
          }
          return;

        default:
          break;
        }
    }

  if (root == NULL)
    {
      const char *type = JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)) ? "list" :
                         JSON_NODE_HOLDS_NULL (json_parser_get_root (parser)) ? "NoneType" : "str";

      g_set_error (&error, FAKE_ODOO_ERROR, FAKE_EXC_ATTRIBUTE, "'%s' object has no attribute 'get'", type);
    }
  else
    {
      g_autoptr(JsonObject) empty = json_object_new ();

      if (g_str_equal (path, "/jsonrpc"))
        ok = dispatch_jsonrpc (self, params ? params : empty, result, &has_result, &error);
      else
        ok = dispatch_web (self, message, path, params ? params : empty, &response, result, &has_result, &error);
    }

  if (ok)
    write_result (body, id, has_result ? result->str : NULL);
  else
    write_error (body, id, error);

  /* /web routes hand out a session to a client that has none. */
  if (ok && cookies->len == 0 && g_str_has_prefix (path, "/web/"))
    {
      g_autofree char *session_id = request_session_id (message);

      if (session_id == NULL)
        g_ptr_array_add (cookies, new_session_cookie (self, &session_id));
    }

  for (guint i = 0; i < cookies->len; i++)
    soup_message_headers_append (soup_server_message_get_response_headers (message), "Set-Cookie",
                                 g_ptr_array_index (cookies, i));

  if (faulted)
    {
      switch (fault)
        {
        case SC_FAKE_ODOO_FAULT_DROP_AFTER_COMMIT:
          drop_connection (message);
          return;

        case SC_FAKE_ODOO_FAULT_TRUNCATED_JSON:
          g_string_truncate (body, body->len / 2);
          break;

        case SC_FAKE_ODOO_FAULT_MALFORMED_JSON:
          g_string_assign (body, "{\"jsonrpc\": \"2.0\", \"id\": ");
          append_id (body, id);
          g_string_append (body, ", \"result\": [{\"id\": 1,, \"name\": 'x'}]}");
          break;

        default:
          break;
        }
    }

  bytes = g_bytes_new (body->str, body->len);
  send_response (self, message, response.status, "application/json; charset=utf-8", bytes);
}

/* Callbacks */

static void
on_server_request_cb (SoupServer        *server,
                      SoupServerMessage *message,
                      const char        *path,
                      GHashTable        *query,
                      gpointer           user_data)
{
  ScFakeOdoo *self = user_data;

  g_rec_mutex_lock (&self->lock);
  handle_request (self, message, path);
  g_rec_mutex_unlock (&self->lock);
}

static gboolean
quit_server_cb (gpointer data)
{
  ScFakeOdoo *self = data;

  g_main_loop_quit (self->loop);

  return G_SOURCE_REMOVE;
}

/* We accept connections ourselves and hand them to the SoupServer:
 * libsoup 3.2.3's own listener leaks every accepted GSocket and its local
 * address (fixed upstream since), which would hide our leaks under ASan. */
static gboolean
on_service_incoming_cb (GSocketService    *service,
                        GSocketConnection *connection,
                        GObject           *source_object,
                        gpointer           user_data)
{
  ScFakeOdoo *self = user_data;
  g_autoptr(GSocketAddress) local = g_socket_connection_get_local_address (connection, NULL);
  g_autoptr(GSocketAddress) remote = g_socket_connection_get_remote_address (connection, NULL);
  g_autoptr(GIOStream) tls = NULL;
  g_autoptr(GError) error = NULL;
  GIOStream *stream = G_IO_STREAM (connection);

  if (local == NULL || remote == NULL)
    return TRUE;

  g_rec_mutex_lock (&self->lock);
  self->connection_count++;
  g_rec_mutex_unlock (&self->lock);

  /* SoupServer writes an answer's headers and body apart: without this,
   * Nagle holds the body for the client's delayed ACK, 40 ms an answer on
   * a kept-alive connection. */
  g_socket_set_option (g_socket_connection_get_socket (connection), IPPROTO_TCP, TCP_NODELAY, TRUE,
                       NULL);

  if (self->certificate != NULL)
    {
      tls = g_tls_server_connection_new (stream, self->certificate, &error);
      if (tls == NULL)
        {
          g_warning ("Cannot serve TLS: %s", error->message);
          return TRUE;
        }
      stream = tls;
    }

  soup_server_accept_iostream (self->server, stream, local, remote, NULL);

  return TRUE;
}

static gpointer
run_server_in_thread (gpointer data)
{
  ScFakeOdoo *self = data;
  g_autoptr(GSocketService) service = NULL;
  g_autoptr(GInetAddress) loopback = NULL;
  g_autoptr(GSocketAddress) address = NULL;
  g_autoptr(GSocketAddress) effective = NULL;
  g_autoptr(GError) error = NULL;

  g_main_context_push_thread_default (self->context);

  self->server = soup_server_new ("server-header", SERVER_HEADER, NULL);
  soup_server_add_handler (self->server, NULL, on_server_request_cb, self, NULL);

  /* libsoup 3.2 keeps a connection alive only while the server has a
   * listener of its own (request_finished() checks priv->listeners), and
   * Odoo keeps them alive. So it gets one, on a loopback port nobody
   * is told about; the connections we serve come from our own service. */
  if (!soup_server_listen_local (self->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error))
    {
      g_warning ("The fake Odoo cannot keep connections alive: %s", error->message);
      g_clear_error (&error);
    }

  /* 127.0.0.1 only: tests never reach beyond loopback. */
  service = g_socket_service_new ();
  loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  address = g_inet_socket_address_new (loopback, self->requested_port);
  if (g_socket_listener_add_address (G_SOCKET_LISTENER (service), address, G_SOCKET_TYPE_STREAM,
                                     G_SOCKET_PROTOCOL_TCP, NULL, &effective, &error))
    {
      self->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (effective));
      self->url = g_strdup_printf ("%s://127.0.0.1:%u", self->certificate ? "https" : "http", self->port);
      g_signal_connect (service, "incoming", G_CALLBACK (on_service_incoming_cb), self);
      g_socket_service_start (service);
    }

  g_mutex_lock (&self->start_mutex);
  self->start_error = g_steal_pointer (&error);
  self->started = TRUE;
  g_cond_signal (&self->start_cond);
  g_mutex_unlock (&self->start_mutex);

  if (self->start_error == NULL)
    g_main_loop_run (self->loop);

  /* Answers still waiting for their latency are dropped with the server. */
  while (self->delayed->len > 0)
    g_source_destroy (g_ptr_array_steal_index (self->delayed, self->delayed->len - 1));

  g_socket_service_stop (service);
  g_socket_listener_close (G_SOCKET_LISTENER (service));
  soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  g_clear_object (&service);

  while (g_main_context_iteration (self->context, FALSE))
    ;

  g_main_context_pop_thread_default (self->context);

  return NULL;
}

/* Overrides */

static void
sc_fake_odoo_finalize (GObject *object)
{
  ScFakeOdoo *self = (ScFakeOdoo *)object;

  sc_fake_odoo_stop (self);

  if (self->hook_destroy != NULL)
    self->hook_destroy (self->hook_data);

  g_clear_pointer (&self->store, fake_store_free);
  g_clear_pointer (&self->loop, g_main_loop_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_object (&self->certificate);
  g_clear_error (&self->start_error);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->version, g_free);
  g_clear_pointer (&self->faults, g_ptr_array_unref);
  g_clear_pointer (&self->request_counts, g_hash_table_unref);
  g_clear_pointer (&self->call_counts, g_hash_table_unref);
  g_clear_pointer (&self->sessions, g_hash_table_unref);
  g_clear_pointer (&self->last_request, g_free);
  g_clear_pointer (&self->last_headers, g_strfreev);
  g_clear_pointer (&self->delayed, g_ptr_array_unref);
  g_mutex_clear (&self->start_mutex);
  g_cond_clear (&self->start_cond);
  g_rec_mutex_clear (&self->lock);

  G_OBJECT_CLASS (sc_fake_odoo_parent_class)->finalize (object);
}

static void
sc_fake_odoo_class_init (ScFakeOdooClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sc_fake_odoo_finalize;
}

static void
sc_fake_odoo_init (ScFakeOdoo *self)
{
  g_rec_mutex_init (&self->lock);
  g_mutex_init (&self->start_mutex);
  g_cond_init (&self->start_cond);

  self->store = fake_store_new ();
  fake_store_seed_transcripts (self->store);
  self->version = g_strdup ("17.0");
  self->list_db = TRUE;
  self->faults = g_ptr_array_new_with_free_func (fault_rule_free);
  self->request_counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->call_counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->sessions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->delayed = g_ptr_array_new ();
  self->context = g_main_context_new ();
  self->loop = g_main_loop_new (self->context, FALSE);
}

/* Public API */

/**
 * sc_fake_odoo_new:
 * @error: return location for a #GError
 *
 * Starts a fake Odoo on 127.0.0.1, on a free port, with the users and
 * data of the transcripts.
 *
 * Returns: (transfer full): the running server, or %NULL with @error set
 */
ScFakeOdoo *
sc_fake_odoo_new (GError **error)
{
  return sc_fake_odoo_new_full (0, NULL, error);
}

/**
 * sc_fake_odoo_new_full:
 * @port: the port, 0 for any free one
 * @certificate: (nullable): a certificate with its private key, to serve HTTPS
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the running server, or %NULL with @error set
 */
ScFakeOdoo *
sc_fake_odoo_new_full (guint             port,
                       GTlsCertificate  *certificate,
                       GError          **error)
{
  g_autoptr(ScFakeOdoo) self = g_object_new (SC_TYPE_FAKE_ODOO, NULL);

  self->requested_port = port;
  g_set_object (&self->certificate, certificate);
  self->thread = g_thread_new ("sc-fake-odoo", run_server_in_thread, self);

  g_mutex_lock (&self->start_mutex);
  while (!self->started)
    g_cond_wait (&self->start_cond, &self->start_mutex);
  g_mutex_unlock (&self->start_mutex);

  if (self->start_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->start_error));
      return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * sc_fake_odoo_get_url:
 * @self: a #ScFakeOdoo
 *
 * Returns: "http://127.0.0.1:PORT" (https with a certificate)
 */
const char *
sc_fake_odoo_get_url (ScFakeOdoo *self)
{
  g_return_val_if_fail (SC_IS_FAKE_ODOO (self), NULL);

  return self->url;
}

guint
sc_fake_odoo_get_port (ScFakeOdoo *self)
{
  g_return_val_if_fail (SC_IS_FAKE_ODOO (self), 0);

  return self->port;
}

/**
 * sc_fake_odoo_stop:
 * @self: a #ScFakeOdoo
 *
 * Stops the server and joins its thread; connections are closed.
 */
void
sc_fake_odoo_stop (ScFakeOdoo *self)
{
  g_return_if_fail (SC_IS_FAKE_ODOO (self));

  if (self->thread == NULL)
    return;

  g_main_context_invoke (self->context, quit_server_cb, self);
  g_thread_join (self->thread);
  self->thread = NULL;
}

/**
 * sc_fake_odoo_seed:
 * @self: a #ScFakeOdoo
 * @n_kpis: how many KPIs to add
 * @n_submissions: how many submissions to spread over them
 *
 * Adds bulk data: KPIs in groups of ten across departments, assigned to
 * the sales users, and submissions with one write_date, like a freshly
 * seeded server. 100,000 submissions take well under a second.
 */
void
sc_fake_odoo_seed (ScFakeOdoo *self,
                   guint       n_kpis,
                   guint       n_submissions)
{
  g_return_if_fail (SC_IS_FAKE_ODOO (self));

  g_rec_mutex_lock (&self->lock);
  fake_store_seed (self->store, n_kpis, n_submissions);
  g_rec_mutex_unlock (&self->lock);
}

gint64
sc_fake_odoo_add_user (ScFakeOdoo     *self,
                       const char     *login,
                       const char     *name,
                       const char     *password,
                       ScFakeOdooRole  role)
{
  gint64 uid;

  g_return_val_if_fail (SC_IS_FAKE_ODOO (self), 0);

  g_rec_mutex_lock (&self->lock);
  uid = fake_store_add_user (self->store, 0, login, name, password, role);
  g_rec_mutex_unlock (&self->lock);

  return uid;
}

void
sc_fake_odoo_add_api_key (ScFakeOdoo *self,
                          gint64      uid,
                          const char *key)
{
  g_return_if_fail (SC_IS_FAKE_ODOO (self));

  g_rec_mutex_lock (&self->lock);
  fake_store_add_api_key (self->store, uid, key);
  g_rec_mutex_unlock (&self->lock);
}

void
sc_fake_odoo_set_user_role (ScFakeOdoo     *self,
                            gint64          uid,
                            ScFakeOdooRole  role)
{
  g_return_if_fail (SC_IS_FAKE_ODOO (self));

  g_rec_mutex_lock (&self->lock);
  fake_store_set_user_role (self->store, uid, role);
  g_rec_mutex_unlock (&self->lock);
}

void
sc_fake_odoo_set_user_password (ScFakeOdoo *self,
                                gint64      uid,
                                const char *password)
{
  g_return_if_fail (SC_IS_FAKE_ODOO (self));

  g_rec_mutex_lock (&self->lock);
  fake_store_set_user_password (self->store, uid, password);
  g_rec_mutex_unlock (&self->lock);
}

/**
 * sc_fake_odoo_create_record:
 * @self: a #ScFakeOdoo
 * @model: the model
 * @values: the values, as a create call would give them
 * @error: return location for a #GError
 *
 * Creates a record as the server itself would, bypassing access rights.
 *
 * Returns: the new id, or 0 with @error set
 */
gint64
sc_fake_odoo_create_record (ScFakeOdoo  *self,
                            const char  *model,
                            JsonObject  *values,
                            GError     **error)
{
  gint64 id;

  g_return_val_if_fail (SC_IS_FAKE_ODOO (self), 0);

  g_rec_mutex_lock (&self->lock);
  id = fake_store_create (self->store, model, values, error);
  g_rec_mutex_unlock (&self->lock);

  return id;
}

/**
 * sc_fake_odoo_edit_record:
 * @self: a #ScFakeOdoo
 * @model: the model
 * @id: the record
 * @values: the values to write
 * @error: return location for a #GError
 *
 * A concurrent edit on the server: writes @values as the administrator
 * would, one clock step later, bumping write_date (and, for a KPI's
 * target, every submission's).
 *
 * Returns: whether the record exists and the write was valid
 */
gboolean
sc_fake_odoo_edit_record (ScFakeOdoo  *self,
                          const char  *model,
                          gint64       id,
                          JsonObject  *values,
                          GError     **error)
{
  gboolean ok;

  g_return_val_if_fail (SC_IS_FAKE_ODOO (self), FALSE);

  g_rec_mutex_lock (&self->lock);
  ok = fake_store_edit (self->store, model, id, values, error);
  g_rec_mutex_unlock (&self->lock);

  return ok;
}

gboolean
sc_fake_odoo_delete_record (ScFakeOdoo *self,
                            const char *model,
                            gint64      id)
{
  gboolean ok;

  g_return_val_if_fail (SC_IS_FAKE_ODOO (self), FALSE);

  g_rec_mutex_lock (&self->lock);
  ok = fake_store_delete (self->store, model, id);
  g_rec_mutex_unlock (&self->lock);

  return ok;
}

/**
 * sc_fake_odoo_get_record:
 * @self: a #ScFakeOdoo
 * @model: the model
 * @id: the record
 *
 * Returns: (transfer full) (nullable): every field of the record, as read
 *   would give them, or %NULL if there is no such record
 */
JsonObject *
sc_fake_odoo_get_record (ScFakeOdoo *self,
                         const char *model,
                         gint64      id)
{
  JsonObject *record;

  g_return_val_if_fail (SC_IS_FAKE_ODOO (self), NULL);

  g_rec_mutex_lock (&self->lock);
  record = fake_store_get (self->store, model, id);
  g_rec_mutex_unlock (&self->lock);

  return record;
}

guint
sc_fake_odoo_count_records (ScFakeOdoo *self,
                            const char *model,
                            JsonArray  *domain)
{
  guint n;

  g_return_val_if_fail (SC_IS_FAKE_ODOO (self), 0);

  g_rec_mutex_lock (&self->lock);
  n = fake_store_count (self->store, model, domain);
  g_rec_mutex_unlock (&self->lock);

  return n;
}

void
sc_fake_odoo_set_next_id (ScFakeOdoo *self,
                          const char *model,
                          gint64      id)
{
  g_return_if_fail (SC_IS_FAKE_ODOO (self));

  g_rec_mutex_lock (&self->lock);
  fake_store_set_next_id (self->store, model, id);
  g_rec_mutex_unlock (&self->lock);
}

/**
 * sc_fake_odoo_set_clock:
 * @self: a #ScFakeOdoo
 * @unix_utc: the server's time
 * @step_seconds: how far each change moves it on (0 to freeze it)
 *
 * The server's clock is deterministic: it starts at the transcripts' seed
 * time, 2026-11-29 21:27:13 UTC, and every committed change happens one
 * step (one second) later than the one before.
 */
void
sc_fake_odoo_set_clock (ScFakeOdoo *self,
                        gint64      unix_utc,
                        guint       step_seconds)
{
  g_return_if_fail (SC_IS_FAKE_ODOO (self));

  g_rec_mutex_lock (&self->lock);
  fake_store_set_clock (self->store, unix_utc, step_seconds);
  g_rec_mutex_unlock (&self->lock);
}

gint64
sc_fake_odoo_get_clock (ScFakeOdoo *self)
{
  gint64 clock;

  g_return_val_if_fail (SC_IS_FAKE_ODOO (self), 0);

  g_rec_mutex_lock (&self->lock);
  clock = fake_store_get_clock (self->store);
  g_rec_mutex_unlock (&self->lock);

  return clock;
}

/**
 * sc_fake_odoo_set_server_version:
 * @self: a #ScFakeOdoo
 * @version: what common.version reports: "17.0", "15.0", "saas~17.2"
 */
void
sc_fake_odoo_set_server_version (ScFakeOdoo *self,
                                 const char *version)
{
  g_return_if_fail (SC_IS_FAKE_ODOO (self));
  g_return_if_fail (version != NULL);

  g_rec_mutex_lock (&self->lock);
  g_free (self->version);
  self->version = g_strdup (version);
  g_rec_mutex_unlock (&self->lock);
}

/**
 * sc_fake_odoo_set_addon_installed:
 * @self: a #ScFakeOdoo
 * @installed: %FALSE to play a database without kpi_tracking
 *
 * Without the addon, kpi.* models do not exist (UserError "Object … doesn't
 * exist", transcript 28) and its groups and XML ids are gone.
 */
void
sc_fake_odoo_set_addon_installed (ScFakeOdoo *self,
                                  gboolean    installed)
{
  g_return_if_fail (SC_IS_FAKE_ODOO (self));

  g_rec_mutex_lock (&self->lock);
  fake_store_set_addon_installed (self->store, installed);
  g_rec_mutex_unlock (&self->lock);
}

/**
 * sc_fake_odoo_remove_field:
 * @self: a #ScFakeOdoo
 * @model: a model's technical name
 * @field: one of its fields
 *
 * Plays an older kpi_tracking without @field: fields_get no longer lists
 * it, and asking for it is Odoo's ValueError "Invalid field".
 */
void
sc_fake_odoo_remove_field (ScFakeOdoo *self,
                           const char *model,
                           const char *field)
{
  g_return_if_fail (SC_IS_FAKE_ODOO (self));

  g_rec_mutex_lock (&self->lock);
  if (!fake_store_remove_field (self->store, model, field))
    g_critical ("The fake Odoo has no field %s.%s", model, field);
  g_rec_mutex_unlock (&self->lock);
}

/**
 * sc_fake_odoo_remove_model:
 * @self: a #ScFakeOdoo
 * @model: a model's technical name
 *
 * Plays an older kpi_tracking without @model: every call on it is
 * "Object … doesn't exist" (transcript 28).
 */
void
sc_fake_odoo_remove_model (ScFakeOdoo *self,
                           const char *model)
{
  g_return_if_fail (SC_IS_FAKE_ODOO (self));

  g_rec_mutex_lock (&self->lock);
  if (!fake_store_remove_model (self->store, model))
    g_critical ("The fake Odoo has no model %s", model);
  g_rec_mutex_unlock (&self->lock);
}

/**
 * sc_fake_odoo_set_list_databases:
 * @self: a #ScFakeOdoo
 * @enabled: %FALSE to play a server with list_db = False
 */
void
sc_fake_odoo_set_list_databases (ScFakeOdoo *self,
                                 gboolean    enabled)
{
  g_return_if_fail (SC_IS_FAKE_ODOO (self));

  g_rec_mutex_lock (&self->lock);
  self->list_db = enabled;
  g_rec_mutex_unlock (&self->lock);
}

/**
 * sc_fake_odoo_set_latency:
 * @self: a #ScFakeOdoo
 * @msec: how long every answer waits, after the work is done
 */
void
sc_fake_odoo_set_latency (ScFakeOdoo *self,
                          guint       msec)
{
  g_return_if_fail (SC_IS_FAKE_ODOO (self));

  g_rec_mutex_lock (&self->lock);
  self->latency = msec;
  g_rec_mutex_unlock (&self->lock);
}

/**
 * sc_fake_odoo_set_gzip:
 * @self: a #ScFakeOdoo
 * @gzip: whether to gzip answers to clients that accept it, as a proxy in
 *   front of Odoo may (Odoo itself does not)
 */
void
sc_fake_odoo_set_gzip (ScFakeOdoo *self,
                       gboolean    gzip)
{
  g_return_if_fail (SC_IS_FAKE_ODOO (self));

  g_rec_mutex_lock (&self->lock);
  self->gzip = gzip;
  g_rec_mutex_unlock (&self->lock);
}

/**
 * sc_fake_odoo_add_fault:
 * @self: a #ScFakeOdoo
 * @fault: what to do
 * @model: (nullable): only for calls on this model
 * @method: (nullable): only for this method: a service method
 *   ("authenticate", "execute_kw") or a model method ("create")
 * @times: for how many matching requests, 0 for all until cleared
 */
void
sc_fake_odoo_add_fault (ScFakeOdoo      *self,
                        ScFakeOdooFault  fault,
                        const char      *model,
                        const char      *method,
                        guint            times)
{
  FaultRule *rule;

  g_return_if_fail (SC_IS_FAKE_ODOO (self));

  rule = g_new0 (FaultRule, 1);
  rule->fault = fault;
  rule->model = g_strdup (model);
  rule->method = g_strdup (method);
  rule->remaining = times;

  g_rec_mutex_lock (&self->lock);
  g_ptr_array_add (self->faults, rule);
  g_rec_mutex_unlock (&self->lock);
}

void
sc_fake_odoo_clear_faults (ScFakeOdoo *self)
{
  g_return_if_fail (SC_IS_FAKE_ODOO (self));

  g_rec_mutex_lock (&self->lock);
  g_ptr_array_set_size (self->faults, 0);
  g_rec_mutex_unlock (&self->lock);
}

void
sc_fake_odoo_set_request_hook (ScFakeOdoo            *self,
                               ScFakeOdooRequestHook  hook,
                               gpointer               user_data,
                               GDestroyNotify         destroy)
{
  GDestroyNotify old_destroy;
  gpointer old_data;

  g_return_if_fail (SC_IS_FAKE_ODOO (self));

  g_rec_mutex_lock (&self->lock);
  old_destroy = self->hook_destroy;
  old_data = self->hook_data;
  self->hook = hook;
  self->hook_data = user_data;
  self->hook_destroy = destroy;
  g_rec_mutex_unlock (&self->lock);

  if (old_destroy != NULL)
    old_destroy (old_data);
}

/**
 * sc_fake_odoo_get_request_count:
 * @self: a #ScFakeOdoo
 * @service: (nullable): "common", "object", "db", "web" or "http" (bad
 *   requests); %NULL for any
 * @method: (nullable): the service method, or the path for "web" and
 *   "http"; %NULL for any
 *
 * Returns: how many requests the server received, faulted ones included
 */
guint
sc_fake_odoo_get_request_count (ScFakeOdoo *self,
                                const char *service,
                                const char *method)
{
  guint n;

  g_return_val_if_fail (SC_IS_FAKE_ODOO (self), 0);

  g_rec_mutex_lock (&self->lock);
  n = sum_counts (self->request_counts, service, method);
  g_rec_mutex_unlock (&self->lock);

  return n;
}

/**
 * sc_fake_odoo_get_messages:
 * @self: a #ScFakeOdoo
 * @model: a model
 * @res_id: a record of it
 *
 * Returns: (transfer full): the bodies posted on the record's chatter
 */
GStrv
sc_fake_odoo_get_messages (ScFakeOdoo *self,
                           const char *model,
                           gint64      res_id)
{
  GStrv messages;

  g_return_val_if_fail (SC_IS_FAKE_ODOO (self), NULL);

  g_rec_mutex_lock (&self->lock);
  messages = fake_store_get_messages (self->store, model, res_id);
  g_rec_mutex_unlock (&self->lock);

  return messages;
}

/**
 * sc_fake_odoo_get_connection_count:
 * @self: a #ScFakeOdoo
 *
 * Returns: how many TCP connections the server accepted
 */
guint
sc_fake_odoo_get_connection_count (ScFakeOdoo *self)
{
  guint n;

  g_return_val_if_fail (SC_IS_FAKE_ODOO (self), 0);

  g_rec_mutex_lock (&self->lock);
  n = self->connection_count;
  g_rec_mutex_unlock (&self->lock);

  return n;
}

/**
 * sc_fake_odoo_get_call_count:
 * @self: a #ScFakeOdoo
 * @model: (nullable): the model, %NULL for any
 * @method: (nullable): the model method, %NULL for any
 *
 * Returns: how many execute_kw (or call_kw) requests named them
 */
guint
sc_fake_odoo_get_call_count (ScFakeOdoo *self,
                             const char *model,
                             const char *method)
{
  guint n;

  g_return_val_if_fail (SC_IS_FAKE_ODOO (self), 0);

  g_rec_mutex_lock (&self->lock);
  n = sum_counts (self->call_counts, model, method);
  g_rec_mutex_unlock (&self->lock);

  return n;
}

/**
 * sc_fake_odoo_get_last_request:
 * @self: a #ScFakeOdoo
 *
 * Returns: (transfer full) (nullable): the body of the last request
 */
char *
sc_fake_odoo_get_last_request (ScFakeOdoo *self)
{
  char *body;

  g_return_val_if_fail (SC_IS_FAKE_ODOO (self), NULL);

  g_rec_mutex_lock (&self->lock);
  body = g_strdup (self->last_request);
  g_rec_mutex_unlock (&self->lock);

  return body;
}

/**
 * sc_fake_odoo_get_last_request_headers:
 * @self: a #ScFakeOdoo
 *
 * Returns: (transfer full): the headers of the last request, "Name: value"
 */
GStrv
sc_fake_odoo_get_last_request_headers (ScFakeOdoo *self)
{
  GStrv headers;

  g_return_val_if_fail (SC_IS_FAKE_ODOO (self), NULL);

  g_rec_mutex_lock (&self->lock);
  headers = g_strdupv (self->last_headers);
  g_rec_mutex_unlock (&self->lock);

  return headers;
}

void
sc_fake_odoo_reset_counters (ScFakeOdoo *self)
{
  g_return_if_fail (SC_IS_FAKE_ODOO (self));

  g_rec_mutex_lock (&self->lock);
  g_hash_table_remove_all (self->request_counts);
  g_hash_table_remove_all (self->call_counts);
  g_rec_mutex_unlock (&self->lock);
}
