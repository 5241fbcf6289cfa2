/* sc-odoo-client.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-odoo-client"

#include "config.h"

#include <string.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "sc-jsonrpc-private.h"
#include "sc-odoo-client-private.h"
#include "sc-sync-enums.h"

/* A client for Odoo's external API, the stateless /jsonrpc endpoint: every
 * call carries database, uid and password (or API key), so there is no
 * session to expire and nothing but the secret to keep. One SoupSession
 * gives keep-alive, gzip (SoupContentDecoder) and a timeout.
 *
 * The KPI group is read at login from the user's groups_id and the XML ids
 * of the three kpi_tracking groups in ir.model.data. res.users.has_group
 * is a record method in some versions and a model method in others, and no
 * transcript shows a better way; internal users may read both models
 * (base ir.model.access.csv: access_ir_model_data_user, access_res_users_all).
 * No kpi_tracking row in ir.model.data means the addon is not installed.
 *
 * The secret never reaches a log line or an error: requests are logged by
 * service and method only, and every error is passed through a mask.
 */

#define DEFAULT_TIMEOUT_SECONDS 30
#define THREADED_PARSE_THRESHOLD (256 * 1024)

G_DEFINE_FINAL_TYPE (ScOdooClient, sc_odoo_client, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_URL,
  PROP_DATABASE,
  PROP_TIMEOUT,
  PROP_UID,
  PROP_LOGIN,
  PROP_ROLE,
  PROP_ADDON_INSTALLED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* One JSON-RPC exchange. */
typedef struct
{
  SoupMessage *message;
  GBytes      *body;
  char        *what;         /* "object.execute_kw kpi.report.search_read", for logs */
  char        *secret;       /* to mask in errors; wiped on free */
  char        *fingerprint;  /* of a certificate we refused */
  char        *content_type;
  guint        status;
  GTlsCertificateFlags tls_errors;
  gint64       id;
  gint64       started;
} Rpc;

/* A login in progress: nothing is kept until it has fully succeeded. */
typedef struct
{
  char      *login;
  char      *secret;
  gint64     uid;
  GHashTable *group_roles;   /* res.groups id → ScOdooRole */
} Login;

/* Auxiliary methods */

static void
wipe_string (char **str)
{
  if (*str != NULL)
    {
      explicit_bzero (*str, strlen (*str));
      g_clear_pointer (str, g_free);
    }
}

static void
rpc_free (gpointer data)
{
  Rpc *rpc = data;

  g_clear_object (&rpc->message);
  g_clear_pointer (&rpc->body, g_bytes_unref);
  g_clear_pointer (&rpc->what, g_free);
  g_clear_pointer (&rpc->fingerprint, g_free);
  g_clear_pointer (&rpc->content_type, g_free);
  wipe_string (&rpc->secret);
  g_free (rpc);
}

static void
login_free (gpointer data)
{
  Login *login = data;

  g_clear_pointer (&login->login, g_free);
  wipe_string (&login->secret);
  g_clear_pointer (&login->group_roles, g_hash_table_unref);
  g_free (login);
}

/* "https://odoo.example.com/" → "https://odoo.example.com". */
static char *
normalize_url (const char *url)
{
  g_autofree char *stripped = g_strstrip (g_strdup (url));
  gsize length = strlen (stripped);

  while (length > 0 && stripped[length - 1] == '/')
    stripped[--length] = '\0';

  return g_steal_pointer (&stripped);
}

/* The address as we show it: never with a password in it. */
static char *
display_url_for (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);

  if (uri == NULL)
    return g_strdup (url);

  return g_uri_to_string_partial (uri, G_URI_HIDE_USERINFO | G_URI_HIDE_AUTH_PARAMS);
}

static GError *
new_error (ScSyncError  code,
           const char  *format,
           ...) G_GNUC_PRINTF (2, 3);

static GError *
new_error (ScSyncError  code,
           const char  *format,
           ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  return g_error_new_literal (SC_SYNC_ERROR, code, message);
}

static char *
describe_tls_errors (GTlsCertificateFlags flags)
{
  g_autoptr(GPtrArray) reasons = g_ptr_array_new ();

  if (flags & G_TLS_CERTIFICATE_UNKNOWN_CA)
    g_ptr_array_add (reasons, (gpointer) _("it is self-signed or signed by an unknown authority"));
  if (flags & G_TLS_CERTIFICATE_BAD_IDENTITY)
    g_ptr_array_add (reasons, (gpointer) _("it was issued for another host name"));
  if (flags & G_TLS_CERTIFICATE_NOT_ACTIVATED)
    g_ptr_array_add (reasons, (gpointer) _("it is not valid yet"));
  if (flags & G_TLS_CERTIFICATE_EXPIRED)
    g_ptr_array_add (reasons, (gpointer) _("it has expired"));
  if (flags & G_TLS_CERTIFICATE_REVOKED)
    g_ptr_array_add (reasons, (gpointer) _("it has been revoked"));
  if (flags & G_TLS_CERTIFICATE_INSECURE)
    g_ptr_array_add (reasons, (gpointer) _("its algorithm is insecure"));
  if (reasons->len == 0)
    g_ptr_array_add (reasons, (gpointer) _("it could not be verified"));
  g_ptr_array_add (reasons, NULL);

  return g_strjoinv (", ", (char **) reasons->pdata);
}

/* Gives the error its final wording for this server, and masks the
 * secret wherever it might appear. Safe on the parsing thread: it reads
 * only what never changes after construction. */
static void
finish_error (ScOdooClient *self,
              GError       *error,
              const char   *secret)
{
  if (error->domain == SC_SYNC_ERROR)
    {
      g_autofree char *message = NULL;

      switch (error->code)
        {
        case SC_SYNC_ERROR_ACCESS_DENIED:
          /* An HTTP 401/403 comes from a proxy and keeps its own wording. */
          if (sc_sync_error_get_http_status (error) == 0)
            message = g_strdup_printf (_("The login or password/API key was not accepted by "
                                         "%s on %s"), self->database, self->display_url);
          break;

        case SC_SYNC_ERROR_UNKNOWN_DATABASE:
          message = g_strdup_printf (_("The database “%s” does not exist on %s: check the "
                                       "database name"), self->database, self->display_url);
          break;

        default:
          break;
        }

      if (message != NULL)
        _sc_sync_error_set_message (error, message);
    }

  /* @secret is the one this call carried: a server can only quote that. */
  _sc_sync_error_mask (error, secret);
}

static GError *
transport_error (ScOdooClient *self,
                 Rpc          *rpc,
                 const GError *error)
{
  GError *mapped;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (error);

  if (error->domain == G_TLS_ERROR || rpc->fingerprint != NULL)
    {
      g_autofree char *reasons = describe_tls_errors (rpc->tls_errors);

      if (rpc->fingerprint != NULL && self->pinned != NULL)
        mapped = new_error (SC_SYNC_ERROR_CERTIFICATE,
                            _("The certificate of %s is not the one you chose to trust: its "
                              "SHA-256 fingerprint is %s. Do not connect unless the server’s "
                              "administrator confirms the change."),
                            self->display_url, rpc->fingerprint);
      else if (rpc->fingerprint != NULL)
        mapped = new_error (SC_SYNC_ERROR_CERTIFICATE,
                            _("The certificate of %s is not trusted (%s). If the server’s "
                              "administrator confirms its SHA-256 fingerprint %s, you can "
                              "choose to trust it."),
                            self->display_url, reasons, rpc->fingerprint);
      else
        mapped = new_error (SC_SYNC_ERROR_CERTIFICATE,
                            _("A secure connection to %s could not be made: %s"),
                            self->display_url, error->message);

      if (rpc->fingerprint != NULL)
        _sc_sync_error_set_certificate_fingerprint (mapped, rpc->fingerprint);

      return mapped;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return new_error (SC_SYNC_ERROR_NETWORK,
                      g_dngettext (GETTEXT_PACKAGE,
                                   "The Odoo server at %s did not answer within %u second: check "
                                   "the connection or try again later",
                                   "The Odoo server at %s did not answer within %u seconds: check "
                                   "the connection or try again later",
                                   self->timeout),
                      self->display_url, self->timeout);

  if (error->domain == G_RESOLVER_ERROR)
    return new_error (SC_SYNC_ERROR_NETWORK,
                      _("The server %s could not be found: check the address and the "
                        "network connection (%s)"),
                      self->display_url, error->message);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED))
    return new_error (SC_SYNC_ERROR_NETWORK,
                      _("Nothing answers at %s: check the address, and that the Odoo server "
                        "is running"),
                      self->display_url);

  return new_error (SC_SYNC_ERROR_NETWORK,
                    _("The connection to the Odoo server at %s failed: %s"),
                    self->display_url, error->message);
}

/* Callbacks */

/* A call is small: headers and body go out in two writes, and with Nagle's
 * algorithm the second waits for the server's delayed ACK, 40 ms a call on
 * a kept-alive connection. A sync makes dozens of calls. */
static void
on_message_network_event_cb (SoupMessage        *message,
                             GSocketClientEvent  event,
                             GIOStream          *connection,
                             gpointer            user_data)
{
  if (event == G_SOCKET_CLIENT_CONNECTED && G_IS_SOCKET_CONNECTION (connection))
    g_socket_set_option (g_socket_connection_get_socket (G_SOCKET_CONNECTION (connection)),
                         IPPROTO_TCP, TCP_NODELAY, TRUE, NULL);
}

static gboolean
on_message_accept_certificate_cb (SoupMessage          *message,
                                  GTlsCertificate      *certificate,
                                  GTlsCertificateFlags  errors,
                                  gpointer              user_data)
{
  GTask *task = user_data;
  ScOdooClient *self = g_task_get_source_object (task);
  Rpc *rpc = g_task_get_task_data (task);
  g_autofree char *fingerprint = sc_odoo_certificate_fingerprint (certificate);

  if (self->pinned != NULL && fingerprint != NULL && g_str_equal (fingerprint, self->pinned))
    {
      g_debug ("Accepting the pinned certificate of %s", self->display_url);
      return TRUE;
    }

  rpc->tls_errors = errors;
  g_free (rpc->fingerprint);
  rpc->fingerprint = g_steal_pointer (&fingerprint);

  return FALSE;
}

static void
parse_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  ScOdooClient *self = source_object;
  Rpc *rpc = task_data;
  g_autoptr(GError) error = NULL;
  JsonNode *result;
  gsize length;
  const char *data = g_bytes_get_data (rpc->body, &length);

  /* Only the body and what was copied from the message: the SoupMessage
   * belongs to the session's thread. */
  result = sc_jsonrpc_parse_http_response (rpc->status, rpc->content_type, data, length, rpc->id, &error);
  if (result == NULL)
    {
      finish_error (self, error, rpc->secret);
      g_task_return_error (task, g_steal_pointer (&error));
    }
  else
    g_task_return_pointer (task, result, (GDestroyNotify) json_node_unref);
}

static void
rpc_send_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ScOdooClient *self = g_task_get_source_object (task);
  Rpc *rpc = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;

  g_signal_handlers_disconnect_by_func (rpc->message, on_message_accept_certificate_cb, task);
  self->in_flight--;

  body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);
  if (body == NULL)
    {
      GError *mapped = transport_error (self, rpc, error);

      g_debug ("← %s (id %" G_GINT64_FORMAT "): %s", rpc->what, rpc->id, mapped->message);
      finish_error (self, mapped, rpc->secret);
      g_task_return_error (task, mapped);
      return;
    }

  g_debug ("← %s (id %" G_GINT64_FORMAT "): HTTP %u, %" G_GSIZE_FORMAT " bytes in %.0f ms",
           rpc->what, rpc->id, soup_message_get_status (rpc->message), g_bytes_get_size (body),
           (g_get_monotonic_time () - rpc->started) / 1000.0);

  g_clear_pointer (&rpc->body, g_bytes_unref);
  rpc->body = g_steal_pointer (&body);
  rpc->status = soup_message_get_status (rpc->message);
  rpc->content_type = g_strdup (soup_message_headers_get_one (soup_message_get_response_headers (rpc->message),
                                                              "Content-Type"));

  /* A page of thousands of rows takes long enough to parse to drop frames. */
  if (g_bytes_get_size (rpc->body) >= THREADED_PARSE_THRESHOLD)
    g_task_run_in_thread (task, parse_in_thread);
  else
    parse_in_thread (task, self, rpc, g_task_get_cancellable (task));
}

/* libsoup sends a request on a kept-alive connection only when it may send
 * it twice (the server may have closed that connection meanwhile). Reads
 * may; a create or write must not: those take a fresh connection, and a
 * lost answer is settled by the sync engine's idempotency key instead. */
static gboolean
is_idempotent (const char *service,
               const char *method,
               JsonArray  *args)
{
  static const char * const reads[] = {
    "search_read", "read", "search", "search_count", "fields_get", NULL
  };

  if (!g_str_equal (service, "object"))
    return TRUE;

  if (!g_str_equal (method, "execute_kw") || json_array_get_length (args) < 5)
    return FALSE;

  method = json_node_get_string (json_array_get_element (args, 4));

  return method != NULL && g_strv_contains (reads, method);
}

/* The transport: one call of /jsonrpc. @secret is what to mask in errors
 * besides the stored secret (the one being tried at login). */
static void
rpc_async (ScOdooClient        *self,
           const char          *service,
           const char          *method,
           JsonArray           *args,
           const char          *what,
           const char          *secret,
           GCancellable        *cancellable,
           GAsyncReadyCallback  callback,
           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonNode) params = NULL;
  g_autoptr(GBytes) request = NULL;
  Rpc *rpc;

  g_assert (SC_IS_ODOO_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rpc_async);

  rpc = g_new0 (Rpc, 1);
  rpc->id = self->next_id++;
  /* What the logs say; a secret may hide anywhere, even in a model name. */
  {
    g_autofree char *plain = g_strdup_printf ("%s.%s%s%s", service, method, what ? " " : "", what ? what : "");
    g_autofree char *masked = _sc_jsonrpc_mask (plain, secret);

    rpc->what = _sc_jsonrpc_mask (masked, self->secret);
  }
  rpc->secret = g_strdup (secret);
  rpc->started = g_get_monotonic_time ();
  g_task_set_task_data (task, rpc, rpc_free);

  rpc->message = soup_message_new (SOUP_METHOD_POST, self->endpoint);
  if (rpc->message == NULL)
    {
      g_task_return_new_error (task, SC_SYNC_ERROR, SC_SYNC_ERROR_NETWORK,
                               _("“%s” is not a server address: type one such as "
                                 "https://odoo.example.com"), self->display_url);
      return;
    }

  if (is_idempotent (service, method, args))
    soup_message_add_flags (rpc->message, SOUP_MESSAGE_IDEMPOTENT);

  params = sc_jsonrpc_build_params (service, method, args);
  request = sc_jsonrpc_build_request (params, rpc->id);
  soup_message_set_request_body_from_bytes (rpc->message, "application/json", request);
  g_signal_connect (rpc->message, "accept-certificate",
                    G_CALLBACK (on_message_accept_certificate_cb), task);
  g_signal_connect (rpc->message, "network-event", G_CALLBACK (on_message_network_event_cb), NULL);

  g_debug ("→ %s (id %" G_GINT64_FORMAT ") to %s", rpc->what, rpc->id, self->display_url);

  self->in_flight++;
  soup_session_send_and_read_async (self->session, rpc->message, G_PRIORITY_DEFAULT,
                                    cancellable, rpc_send_cb, g_object_ref (task));
}

JsonNode *
_sc_odoo_client_rpc_finish (ScOdooClient  *self,
            GAsyncResult  *result,
            GError       **error)
{
  g_assert (SC_IS_ODOO_CLIENT (self));
  g_assert (g_task_is_valid (result, self));

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* object.execute_kw with the stored credentials. */
static void
call_kw_async (ScOdooClient        *self,
               gint64               uid,
               const char          *secret,
               const char          *model,
               const char          *method,
               JsonArray           *args,
               JsonObject          *kwargs,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  g_autoptr(JsonArray) rpc_args = json_array_new ();
  g_autofree char *what = g_strdup_printf ("%s.%s", model, method);

  if (uid <= 0 || secret == NULL)
    {
      g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

      g_task_set_source_tag (task, rpc_async);
      g_task_return_new_error (task, SC_SYNC_ERROR, SC_SYNC_ERROR_ACCESS_DENIED,
                               _("Not signed in to %s: sign in first"), self->display_url);
      return;
    }

  json_array_add_string_element (rpc_args, self->database);
  json_array_add_int_element (rpc_args, uid);
  json_array_add_string_element (rpc_args, secret);
  json_array_add_string_element (rpc_args, model);
  json_array_add_string_element (rpc_args, method);
  json_array_add_array_element (rpc_args, args != NULL ? json_array_ref (args) : json_array_new ());
  if (kwargs != NULL)
    json_array_add_object_element (rpc_args, json_object_ref (kwargs));

  rpc_async (self, "object", "execute_kw", rpc_args, what, secret,
             cancellable, callback, user_data);
}

/* One ORM call as the signed-in user, kept to be sent again once. */
typedef struct
{
  char       *model;
  char       *method;
  JsonArray  *args;
  JsonObject *kwargs;
  GError     *expired;
} KwCall;

static void
kw_call_free (gpointer data)
{
  KwCall *call = data;

  g_clear_pointer (&call->model, g_free);
  g_clear_pointer (&call->method, g_free);
  g_clear_pointer (&call->args, json_array_unref);
  g_clear_pointer (&call->kwargs, json_object_unref);
  g_clear_error (&call->expired);
  g_free (call);
}

static void kw_call_done_cb (GObject      *object,
                             GAsyncResult *result,
                             gpointer      user_data);

static void
kw_call_send (GTask *task)
{
  ScOdooClient *self = g_task_get_source_object (task);
  KwCall *call = g_task_get_task_data (task);

  call_kw_async (self, self->uid, self->secret, call->model, call->method, call->args,
                 call->kwargs, g_task_get_cancellable (task), kw_call_done_cb, task);
}

static void
kw_call_signed_in_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  GTask *task = user_data;
  KwCall *call = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  /* Signed in again: the call that met the expired session goes once more.
   * If signing in fails, the user sees why the session could not be renewed. */
  if (sc_odoo_client_login_finish (SC_ODOO_CLIENT (object), result, &error) <= 0)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  g_debug ("Signed in again after an expired session; sending %s.%s once more",
           call->model, call->method);
  kw_call_send (task);
}

static void
kw_call_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GTask *task = user_data;
  ScOdooClient *self = SC_ODOO_CLIENT (object);
  KwCall *call = g_task_get_task_data (task);
  GError *error = NULL;
  JsonNode *node;

  node = _sc_odoo_client_rpc_finish (self, result, &error);
  if (node != NULL)
    {
      g_task_return_pointer (task, node, (GDestroyNotify) json_node_unref);
      g_object_unref (task);
      return;
    }

  /* A portal or proxy in front of Odoo may end a session: the server did
   * nothing, so signing in again and repeating the call is safe. Once. */
  if (g_error_matches (error, SC_SYNC_ERROR, SC_SYNC_ERROR_SESSION_EXPIRED) &&
      call->expired == NULL && self->login != NULL && self->secret != NULL)
    {
      g_autofree char *login = g_strdup (self->login);
      g_autofree char *secret = g_strdup (self->secret);

      call->expired = error;
      sc_odoo_client_login_async (self, login, secret, g_task_get_cancellable (task),
                                  kw_call_signed_in_cb, task);
      explicit_bzero (secret, strlen (secret));
      return;
    }

  g_task_return_error (task, error);
  g_object_unref (task);
}

/* object.execute_kw as the signed-in user, for sc-odoo-client-calls.c. */
void
_sc_odoo_client_call_kw_async (ScOdooClient        *self,
                               const char          *model,
                               const char          *method,
                               JsonArray           *args,
                               JsonObject          *kwargs,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task;
  KwCall *call;

  g_assert (SC_IS_ODOO_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, _sc_odoo_client_call_kw_async);

  call = g_new0 (KwCall, 1);
  call->model = g_strdup (model);
  call->method = g_strdup (method);
  call->args = args != NULL ? json_array_ref (args) : NULL;
  call->kwargs = kwargs != NULL ? json_object_ref (kwargs) : NULL;
  g_task_set_task_data (task, call, kw_call_free);

  kw_call_send (task);
}

JsonObject *
_sc_odoo_client_new_kwargs (ScOdooClient *self)
{
  JsonObject *kwargs = json_object_new ();
  JsonObject *context = json_object_new ();

  json_object_set_string_member (context, "lang", self->lang);
  json_object_set_string_member (context, "tz", self->tz);
  json_object_set_object_member (kwargs, "context", context);

  return kwargs;
}

JsonArray *
_sc_odoo_string_array (const char * const *strings)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; strings != NULL && strings[i] != NULL; i++)
    json_array_add_string_element (array, strings[i]);

  return array;
}

JsonArray *
_sc_odoo_id_array (const gint64 *ids,
              gsize         n_ids)
{
  JsonArray *array = json_array_sized_new (n_ids);

  for (gsize i = 0; i < n_ids; i++)
    json_array_add_int_element (array, ids[i]);

  return array;
}

void
_sc_odoo_client_return_unexpected (GTask      *task,
                   const char *method,
                   const char *expected)
{
  ScOdooClient *self = g_task_get_source_object (task);

  g_task_return_new_error (task, SC_SYNC_ERROR, SC_SYNC_ERROR_MALFORMED,
                           _("The server’s answer is not an Odoo JSON-RPC response (%s "
                             "returned something other than %s): is %s an Odoo server?"),
                           method, expected, self->display_url);
}

gboolean
_sc_json_node_is_int (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64;
}

gboolean
_sc_json_node_is_boolean (JsonNode *node,
                 gboolean  value)
{
  return node != NULL &&
         JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_BOOLEAN &&
         json_node_get_boolean (node) == value;
}

static ScOdooRole
role_for_xml_name (const char *name)
{
  if (g_strcmp0 (name, "group_kpi_admin") == 0)
    return SC_ODOO_ROLE_ADMIN;
  if (g_strcmp0 (name, "group_kpi_manager") == 0)
    return SC_ODOO_ROLE_MANAGER;
  if (g_strcmp0 (name, "group_kpi_user") == 0)
    return SC_ODOO_ROLE_USER;

  return SC_ODOO_ROLE_NONE;
}

static void
complete_login (GTask      *task,
                ScOdooRole  role,
                gboolean    addon_installed)
{
  ScOdooClient *self = g_task_get_source_object (task);
  Login *login = g_task_get_task_data (task);
  gboolean uid_changed = self->uid != login->uid;
  gboolean login_changed = g_strcmp0 (self->login, login->login) != 0;
  gboolean role_changed = self->role != role;
  gboolean addon_changed = self->addon_installed != addon_installed;

  self->uid = login->uid;
  g_free (self->login);
  self->login = g_strdup (login->login);
  wipe_string (&self->secret);
  self->secret = g_steal_pointer (&login->secret);
  self->role = role;
  self->addon_installed = addon_installed;
  g_clear_pointer (&self->group_roles, g_hash_table_unref);
  self->group_roles = login->group_roles ? g_hash_table_ref (login->group_roles) : NULL;

  g_debug ("Signed in to %s as %s (uid %" G_GINT64_FORMAT "), KPI role %d%s",
           self->display_url, self->login, self->uid, role,
           addon_installed ? "" : ", kpi_tracking not installed");

  if (uid_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UID]);
  if (login_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOGIN]);
  if (role_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
  if (addon_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ADDON_INSTALLED]);

  g_task_return_int (task, self->uid);
}

static void
login_read_groups_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Login *login = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = _sc_odoo_client_rpc_finish (SC_ODOO_CLIENT (object), result, &error);
  ScOdooRole role = SC_ODOO_ROLE_NONE;
  JsonArray *records;

  if (node == NULL)
    {
      if (g_error_matches (error, SC_SYNC_ERROR, SC_SYNC_ERROR_ACCESS_ERROR))
        complete_login (task, SC_ODOO_ROLE_NONE, TRUE);
      else
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      _sc_odoo_client_return_unexpected (task, "res.users.read", _("a list"));
      return;
    }

  records = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (records); i++)
    {
      JsonNode *record = json_array_get_element (records, i);
      JsonNode *groups;

      if (!JSON_NODE_HOLDS_OBJECT (record) ||
          !(groups = json_object_get_member (json_node_get_object (record), "groups_id")) ||
          !JSON_NODE_HOLDS_ARRAY (groups))
        continue;

      for (guint j = 0; j < json_array_get_length (json_node_get_array (groups)); j++)
        {
          JsonNode *gid = json_array_get_element (json_node_get_array (groups), j);
          gpointer found;

          if (_sc_json_node_is_int (gid) &&
              g_hash_table_lookup_extended (login->group_roles,
                                            GSIZE_TO_POINTER ((gsize) json_node_get_int (gid)),
                                            NULL, &found))
            role = MAX (role, (ScOdooRole) GPOINTER_TO_INT (found));
        }
    }

  complete_login (task, role, TRUE);
}

static void
login_xml_ids_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ScOdooClient *self = g_task_get_source_object (task);
  Login *login = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = _sc_odoo_client_rpc_finish (SC_ODOO_CLIENT (object), result, &error);
  g_autoptr(JsonArray) args = NULL;
  g_autoptr(JsonArray) ids = NULL;
  g_autoptr(JsonObject) kwargs = NULL;
  static const char * const fields[] = { "groups_id", NULL };
  GCancellable *cancellable;
  JsonArray *rows;

  if (node == NULL)
    {
      /* A user who may not read XML ids is no internal user: no KPI role. */
      if (g_error_matches (error, SC_SYNC_ERROR, SC_SYNC_ERROR_ACCESS_ERROR))
        complete_login (task, SC_ODOO_ROLE_NONE, TRUE);
      else
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      _sc_odoo_client_return_unexpected (task, "ir.model.data.search_read", _("a list"));
      return;
    }

  rows = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonNode *row = json_array_get_element (rows, i);
      JsonObject *object_row;
      JsonNode *res_id;
      JsonNode *name;

      if (!JSON_NODE_HOLDS_OBJECT (row))
        continue;

      object_row = json_node_get_object (row);
      res_id = json_object_get_member (object_row, "res_id");
      name = json_object_get_member (object_row, "name");
      if (!_sc_json_node_is_int (res_id) || name == NULL || json_node_get_value_type (name) != G_TYPE_STRING)
        continue;

      if (role_for_xml_name (json_node_get_string (name)) != SC_ODOO_ROLE_NONE)
        g_hash_table_insert (login->group_roles,
                             GSIZE_TO_POINTER ((gsize) json_node_get_int (res_id)),
                             GINT_TO_POINTER (role_for_xml_name (json_node_get_string (name))));
    }

  if (g_hash_table_size (login->group_roles) == 0)
    {
      complete_login (task, SC_ODOO_ROLE_NONE, FALSE);
      return;
    }

  ids = json_array_new ();
  json_array_add_int_element (ids, login->uid);
  args = json_array_new ();
  json_array_add_array_element (args, g_steal_pointer (&ids));
  kwargs = _sc_odoo_client_new_kwargs (self);
  json_object_set_array_member (kwargs, "fields", _sc_odoo_string_array (fields));

  cancellable = g_task_get_cancellable (task);
  call_kw_async (self, login->uid, login->secret, "res.users", "read", args, kwargs,
                 cancellable, login_read_groups_cb, g_steal_pointer (&task));
}

static void
login_authenticate_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ScOdooClient *self = g_task_get_source_object (task);
  Login *login = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = _sc_odoo_client_rpc_finish (SC_ODOO_CLIENT (object), result, &error);
  g_autoptr(JsonArray) domain = NULL;
  g_autoptr(JsonArray) leaf = NULL;
  g_autoptr(JsonArray) args = NULL;
  g_autoptr(JsonObject) kwargs = NULL;
  static const char * const group_names[] = { "group_kpi_admin", "group_kpi_manager", "group_kpi_user", NULL };
  static const char * const fields[] = { "res_id", "name", NULL };
  GCancellable *cancellable;

  if (node == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Wrong credentials are a plain false (transcripts 05, 06). */
  if (_sc_json_node_is_boolean (node, FALSE))
    {
      g_task_return_new_error (task, SC_SYNC_ERROR, SC_SYNC_ERROR_ACCESS_DENIED,
                               _("The login or password/API key was not accepted by %s on %s"),
                               self->database, self->display_url);
      return;
    }

  if (!_sc_json_node_is_int (node) || json_node_get_int (node) <= 0)
    {
      _sc_odoo_client_return_unexpected (task, "common.authenticate", _("a user id"));
      return;
    }

  login->uid = json_node_get_int (node);

  domain = json_array_new ();
  leaf = json_array_new ();
  json_array_add_string_element (leaf, "module");
  json_array_add_string_element (leaf, "=");
  json_array_add_string_element (leaf, "kpi_tracking");
  json_array_add_array_element (domain, g_steal_pointer (&leaf));
  leaf = json_array_new ();
  json_array_add_string_element (leaf, "name");
  json_array_add_string_element (leaf, "in");
  json_array_add_array_element (leaf, _sc_odoo_string_array (group_names));
  json_array_add_array_element (domain, g_steal_pointer (&leaf));

  args = json_array_new ();
  json_array_add_array_element (args, g_steal_pointer (&domain));
  kwargs = _sc_odoo_client_new_kwargs (self);
  json_object_set_array_member (kwargs, "fields", _sc_odoo_string_array (fields));

  cancellable = g_task_get_cancellable (task);
  call_kw_async (self, login->uid, login->secret, "ir.model.data", "search_read", args, kwargs,
                 cancellable, login_xml_ids_cb, g_steal_pointer (&task));
}

static void
version_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = _sc_odoo_client_rpc_finish (SC_ODOO_CLIENT (object), result, &error);
  g_autoptr(ScOdooVersion) version = NULL;

  if (node == NULL || !(version = sc_odoo_version_new_from_json (node, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (!sc_odoo_version_is_supported (version))
    {
      g_task_return_new_error (task, SC_SYNC_ERROR, SC_SYNC_ERROR_UNSUPPORTED_VERSION,
                               _("This server runs Odoo %s; Scorecard works with Odoo %d, "
                                 "%d and %d"),
                               version->server_version, SC_ODOO_MIN_MAJOR_VERSION,
                               SC_ODOO_MIN_MAJOR_VERSION + 1, SC_ODOO_MAX_MAJOR_VERSION);
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&version), (GDestroyNotify) sc_odoo_version_free);
}

static void
list_databases_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ScOdooClient *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = _sc_odoo_client_rpc_finish (SC_ODOO_CLIENT (object), result, &error);
  g_autoptr(GStrvBuilder) builder = NULL;
  JsonArray *names;

  if (node == NULL)
    {
      /* With list_db = False, db.list raises AccessDenied. */
      if (g_error_matches (error, SC_SYNC_ERROR, SC_SYNC_ERROR_ACCESS_DENIED) &&
          sc_sync_error_get_http_status (error) == 0)
        g_task_return_new_error (task, SC_SYNC_ERROR, SC_SYNC_ERROR_DATABASE_LIST_DISABLED,
                                 _("The Odoo server at %s does not list its databases: type "
                                   "the database name"), self->display_url);
      else
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      _sc_odoo_client_return_unexpected (task, "db.list", _("a list"));
      return;
    }

  builder = g_strv_builder_new ();
  names = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (names); i++)
    {
      JsonNode *name = json_array_get_element (names, i);

      if (!JSON_NODE_HOLDS_VALUE (name) || json_node_get_value_type (name) != G_TYPE_STRING)
        {
          _sc_odoo_client_return_unexpected (task, "db.list", _("a list of names"));
          return;
        }
      g_strv_builder_add (builder, json_node_get_string (name));
    }

  g_task_return_pointer (task, g_strv_builder_end (builder), (GDestroyNotify) g_strfreev);
}

static void
execute_kw_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  JsonNode *node = _sc_odoo_client_rpc_finish (SC_ODOO_CLIENT (object), result, &error);

  if (node == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, node, (GDestroyNotify) json_node_unref);
}

/* Overrides */

static void
sc_odoo_client_dispose (GObject *object)
{
  ScOdooClient *self = (ScOdooClient *)object;

  if (self->session != NULL)
    soup_session_abort (self->session);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (sc_odoo_client_parent_class)->dispose (object);
}

static void
sc_odoo_client_finalize (GObject *object)
{
  ScOdooClient *self = (ScOdooClient *)object;

  wipe_string (&self->secret);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->display_url, g_free);
  g_clear_pointer (&self->endpoint, g_free);
  g_clear_pointer (&self->database, g_free);
  g_clear_pointer (&self->pinned, g_free);
  g_clear_pointer (&self->lang, g_free);
  g_clear_pointer (&self->tz, g_free);
  g_clear_pointer (&self->login, g_free);
  g_clear_pointer (&self->group_roles, g_hash_table_unref);

  G_OBJECT_CLASS (sc_odoo_client_parent_class)->finalize (object);
}

static void
sc_odoo_client_constructed (GObject *object)
{
  ScOdooClient *self = (ScOdooClient *)object;

  G_OBJECT_CLASS (sc_odoo_client_parent_class)->constructed (object);

  self->endpoint = g_strconcat (self->url, "/jsonrpc", NULL);
  self->display_url = display_url_for (self->url);
}

static void
sc_odoo_client_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ScOdooClient *self = SC_ODOO_CLIENT (object);

  switch (prop_id)
    {
    case PROP_URL:
      g_value_set_string (value, self->url);
      break;

    case PROP_DATABASE:
      g_value_set_string (value, self->database);
      break;

    case PROP_TIMEOUT:
      g_value_set_uint (value, self->timeout);
      break;

    case PROP_UID:
      g_value_set_int64 (value, self->uid);
      break;

    case PROP_LOGIN:
      g_value_set_string (value, self->login);
      break;

    case PROP_ROLE:
      g_value_set_enum (value, self->role);
      break;

    case PROP_ADDON_INSTALLED:
      g_value_set_boolean (value, self->addon_installed);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_odoo_client_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  ScOdooClient *self = SC_ODOO_CLIENT (object);

  switch (prop_id)
    {
    case PROP_URL:
      self->url = normalize_url (g_value_get_string (value) ? g_value_get_string (value) : "");
      break;

    case PROP_DATABASE:
      self->database = g_value_dup_string (value);
      break;

    case PROP_TIMEOUT:
      sc_odoo_client_set_timeout (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_odoo_client_class_init (ScOdooClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = sc_odoo_client_constructed;
  object_class->dispose = sc_odoo_client_dispose;
  object_class->finalize = sc_odoo_client_finalize;
  object_class->get_property = sc_odoo_client_get_property;
  object_class->set_property = sc_odoo_client_set_property;

  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DATABASE] =
    g_param_spec_string ("database", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TIMEOUT] =
    g_param_spec_uint ("timeout", NULL, NULL, 0, G_MAXUINT, DEFAULT_TIMEOUT_SECONDS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_UID] =
    g_param_spec_int64 ("uid", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  properties[PROP_LOGIN] =
    g_param_spec_string ("login", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  properties[PROP_ROLE] =
    g_param_spec_enum ("role", NULL, NULL, SC_TYPE_ODOO_ROLE, SC_ODOO_ROLE_NONE,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  properties[PROP_ADDON_INSTALLED] =
    g_param_spec_boolean ("addon-installed", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sc_odoo_client_init (ScOdooClient *self)
{
  self->timeout = DEFAULT_TIMEOUT_SECONDS;
  self->next_id = 1;
  self->lang = g_strdup ("en_US");
  self->tz = g_strdup ("UTC");
  self->session = soup_session_new_with_options ("timeout", self->timeout,
                                                 "user-agent", "Scorecard/" PACKAGE_VERSION " ",
                                                 NULL);

  /* libsoup 3 adds it by default; we depend on it, so make sure. */
  if (!soup_session_has_feature (self->session, SOUP_TYPE_CONTENT_DECODER))
    soup_session_add_feature_by_type (self->session, SOUP_TYPE_CONTENT_DECODER);
}

/* Public API: certificates */

/**
 * sc_odoo_certificate_fingerprint:
 * @certificate: a #GTlsCertificate
 *
 * Returns: (transfer full) (nullable): the SHA-256 of its DER encoding,
 *   as upper-case hex pairs joined by colons
 */
char *
sc_odoo_certificate_fingerprint (GTlsCertificate *certificate)
{
  g_autoptr(GByteArray) der = NULL;
  g_autofree char *hex = NULL;
  GString *text;

  g_return_val_if_fail (G_IS_TLS_CERTIFICATE (certificate), NULL);

  g_object_get (certificate, "certificate", &der, NULL);
  if (der == NULL || der->len == 0)
    return NULL;

  hex = g_compute_checksum_for_data (G_CHECKSUM_SHA256, der->data, der->len);
  text = g_string_sized_new (96);
  for (guint i = 0; hex[i] != '\0'; i += 2)
    {
      if (i > 0)
        g_string_append_c (text, ':');
      g_string_append_c (text, g_ascii_toupper (hex[i]));
      g_string_append_c (text, g_ascii_toupper (hex[i + 1]));
    }

  return g_string_free (text, FALSE);
}

/**
 * sc_odoo_normalize_fingerprint:
 * @fingerprint: a SHA-256 fingerprint, as hex with or without separators
 *
 * Returns: (transfer full) (nullable): the fingerprint as
 *   "AB:CD:…" (32 pairs), or %NULL if it is not one
 */
char *
sc_odoo_normalize_fingerprint (const char *fingerprint)
{
  g_autoptr(GString) hex = g_string_new (NULL);
  GString *text;

  g_return_val_if_fail (fingerprint != NULL, NULL);

  for (const char *p = fingerprint; *p; p++)
    {
      if (g_ascii_isxdigit (*p))
        g_string_append_c (hex, g_ascii_toupper (*p));
      else if (*p != ':' && *p != ' ' && *p != '-')
        return NULL;
    }

  if (hex->len != 64)
    return NULL;

  text = g_string_sized_new (96);
  for (guint i = 0; i < hex->len; i += 2)
    {
      if (i > 0)
        g_string_append_c (text, ':');
      g_string_append_len (text, hex->str + i, 2);
    }

  return g_string_free (text, FALSE);
}

/* Public API: the client */

/**
 * sc_odoo_client_new:
 * @url: the server's address, such as "https://odoo.example.com"
 * @database: the database name
 *
 * Returns: (transfer full): a client, not yet signed in
 */
ScOdooClient *
sc_odoo_client_new (const char *url,
                    const char *database)
{
  g_return_val_if_fail (url != NULL, NULL);
  g_return_val_if_fail (database != NULL, NULL);

  return g_object_new (SC_TYPE_ODOO_CLIENT,
                       "url", url,
                       "database", database,
                       NULL);
}

const char *
sc_odoo_client_get_url (ScOdooClient *self)
{
  g_return_val_if_fail (SC_IS_ODOO_CLIENT (self), NULL);

  return self->url;
}

const char *
sc_odoo_client_get_database (ScOdooClient *self)
{
  g_return_val_if_fail (SC_IS_ODOO_CLIENT (self), NULL);

  return self->database;
}

guint
sc_odoo_client_get_timeout (ScOdooClient *self)
{
  g_return_val_if_fail (SC_IS_ODOO_CLIENT (self), 0);

  return self->timeout;
}

/**
 * sc_odoo_client_set_timeout:
 * @self: a #ScOdooClient
 * @seconds: how long a connection may stay silent, 0 for no limit
 *
 * Sets the I/O timeout of every request.
 */
void
sc_odoo_client_set_timeout (ScOdooClient *self,
                            guint         seconds)
{
  g_return_if_fail (SC_IS_ODOO_CLIENT (self));

  if (self->timeout == seconds)
    return;

  self->timeout = seconds;
  soup_session_set_timeout (self->session, seconds);

  /* A connection keeps the timeout it was opened with: close the idle
   * ones, so the next call already waits no longer than this. */
  if (self->in_flight == 0)
    soup_session_abort (self->session);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEOUT]);
}

/**
 * sc_odoo_client_set_pinned_certificate:
 * @self: a #ScOdooClient
 * @sha256_fingerprint: (nullable): the SHA-256 fingerprint of the
 *   certificate the user chose to trust, or %NULL to trust only
 *   certificates the system verifies
 *
 * Certificates are always verified; a server whose certificate fails
 * verification (self-signed, say) is accepted only if its certificate has
 * exactly this fingerprint.
 *
 * Returns: %FALSE if @sha256_fingerprint is not a SHA-256 fingerprint (the
 *   pin is then left as it was)
 */
gboolean
sc_odoo_client_set_pinned_certificate (ScOdooClient *self,
                                       const char   *sha256_fingerprint)
{
  char *normalized = NULL;

  g_return_val_if_fail (SC_IS_ODOO_CLIENT (self), FALSE);

  if (sha256_fingerprint != NULL && !(normalized = sc_odoo_normalize_fingerprint (sha256_fingerprint)))
    return FALSE;

  g_free (self->pinned);
  self->pinned = normalized;

  return TRUE;
}

const char *
sc_odoo_client_get_pinned_certificate (ScOdooClient *self)
{
  g_return_val_if_fail (SC_IS_ODOO_CLIENT (self), NULL);

  return self->pinned;
}

/**
 * sc_odoo_client_set_context:
 * @self: a #ScOdooClient
 * @lang: (nullable): the language of Odoo's labels and messages, "en_US" if %NULL
 * @tz: (nullable): the user's time zone, "UTC" if %NULL
 *
 * Sets the context sent with every call of the convenience wrappers.
 */
void
sc_odoo_client_set_context (ScOdooClient *self,
                            const char   *lang,
                            const char   *tz)
{
  g_return_if_fail (SC_IS_ODOO_CLIENT (self));

  g_free (self->lang);
  self->lang = g_strdup (lang != NULL ? lang : "en_US");
  g_free (self->tz);
  self->tz = g_strdup (tz != NULL ? tz : "UTC");
}

gint64
sc_odoo_client_get_uid (ScOdooClient *self)
{
  g_return_val_if_fail (SC_IS_ODOO_CLIENT (self), 0);

  return self->uid;
}

const char *
sc_odoo_client_get_login (ScOdooClient *self)
{
  g_return_val_if_fail (SC_IS_ODOO_CLIENT (self), NULL);

  return self->login;
}

/**
 * sc_odoo_client_get_role:
 * @self: a #ScOdooClient
 *
 * Returns: the signed-in user's KPI group, read at login
 */
ScOdooRole
sc_odoo_client_get_role (ScOdooClient *self)
{
  g_return_val_if_fail (SC_IS_ODOO_CLIENT (self), SC_ODOO_ROLE_NONE);

  return self->role;
}

/**
 * sc_odoo_client_get_addon_installed:
 * @self: a #ScOdooClient
 *
 * Returns: whether the database has the kpi_tracking addon, as seen at login
 */
gboolean
sc_odoo_client_get_addon_installed (ScOdooClient *self)
{
  g_return_val_if_fail (SC_IS_ODOO_CLIENT (self), FALSE);

  return self->addon_installed;
}

/**
 * sc_odoo_client_logout:
 * @self: a #ScOdooClient
 *
 * Forgets the credentials; the secret is wiped from memory.
 */
void
sc_odoo_client_logout (ScOdooClient *self)
{
  g_return_if_fail (SC_IS_ODOO_CLIENT (self));

  wipe_string (&self->secret);

  if (self->uid != 0)
    {
      self->uid = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UID]);
    }
  if (self->login != NULL)
    {
      g_clear_pointer (&self->login, g_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOGIN]);
    }
  if (self->role != SC_ODOO_ROLE_NONE)
    {
      self->role = SC_ODOO_ROLE_NONE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
    }
  g_clear_pointer (&self->group_roles, g_hash_table_unref);
}

/**
 * sc_odoo_client_role_for_groups:
 * @self: a signed-in #ScOdooClient
 * @group_ids: a user's groups_id, as read from res.users
 *
 * Any user's KPI group, from the groups the addon's XML ids named at
 * login: the highest of KPI Admin, KPI Manager and KPI User they hold.
 *
 * Returns: the role; %SC_ODOO_ROLE_NONE for none of them
 */
ScOdooRole
sc_odoo_client_role_for_groups (ScOdooClient *self,
                                JsonArray    *group_ids)
{
  ScOdooRole role = SC_ODOO_ROLE_NONE;

  g_return_val_if_fail (SC_IS_ODOO_CLIENT (self), SC_ODOO_ROLE_NONE);

  if (self->group_roles == NULL || group_ids == NULL)
    return SC_ODOO_ROLE_NONE;

  for (guint i = 0; i < json_array_get_length (group_ids); i++)
    {
      JsonNode *gid = json_array_get_element (group_ids, i);
      gpointer found;

      if (_sc_json_node_is_int (gid) &&
          g_hash_table_lookup_extended (self->group_roles, GSIZE_TO_POINTER ((gsize) json_node_get_int (gid)),
                                        NULL, &found))
        role = MAX (role, (ScOdooRole) GPOINTER_TO_INT (found));
    }

  return role;
}

/**
 * sc_odoo_client_version_async:
 * @self: a #ScOdooClient
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the server has answered
 * @user_data: data for @callback
 *
 * Asks the server which Odoo it runs (`common.version`); needs no login.
 */
void
sc_odoo_client_version_async (ScOdooClient        *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SC_IS_ODOO_CLIENT (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sc_odoo_client_version_async);

  rpc_async (self, "common", "version", NULL, NULL, NULL, cancellable,
             version_cb, g_steal_pointer (&task));
}

/**
 * sc_odoo_client_version_finish:
 * @self: a #ScOdooClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the server's version, or %NULL with @error set;
 *   a version other than 16, 17 or 18 fails with
 *   %SC_SYNC_ERROR_UNSUPPORTED_VERSION
 */
ScOdooVersion *
sc_odoo_client_version_finish (ScOdooClient  *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (SC_IS_ODOO_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * sc_odoo_client_list_databases_async:
 * @self: a #ScOdooClient
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the server has answered
 * @user_data: data for @callback
 *
 * Lists the server's databases (`db.list`), which servers may disable.
 */
void
sc_odoo_client_list_databases_async (ScOdooClient        *self,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SC_IS_ODOO_CLIENT (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sc_odoo_client_list_databases_async);

  rpc_async (self, "db", "list", NULL, NULL, NULL, cancellable,
             list_databases_cb, g_steal_pointer (&task));
}

/**
 * sc_odoo_client_list_databases_finish:
 * @self: a #ScOdooClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the database names, or %NULL with @error set
 *   (%SC_SYNC_ERROR_DATABASE_LIST_DISABLED if the server does not list them)
 */
GStrv
sc_odoo_client_list_databases_finish (ScOdooClient  *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (SC_IS_ODOO_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * sc_odoo_client_login_async:
 * @self: a #ScOdooClient
 * @login: the user's login
 * @secret: the password or an API key
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the login has succeeded or failed
 * @user_data: data for @callback
 *
 * Signs in with `common.authenticate`, then reads the user's KPI group.
 * Until this succeeds, the client keeps its previous credentials.
 */
void
sc_odoo_client_login_async (ScOdooClient        *self,
                            const char          *login,
                            const char          *secret,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonArray) args = NULL;
  Login *data;

  g_return_if_fail (SC_IS_ODOO_CLIENT (self));
  g_return_if_fail (login != NULL);
  g_return_if_fail (secret != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sc_odoo_client_login_async);

  data = g_new0 (Login, 1);
  data->login = g_strdup (login);
  data->secret = g_strdup (secret);
  data->group_roles = g_hash_table_new (NULL, NULL);
  g_task_set_task_data (task, data, login_free);

  args = json_array_new ();
  json_array_add_string_element (args, self->database);
  json_array_add_string_element (args, login);
  json_array_add_string_element (args, secret);
  json_array_add_object_element (args, json_object_new ());

  rpc_async (self, "common", "authenticate", args, NULL, secret, cancellable,
             login_authenticate_cb, g_steal_pointer (&task));
}

/**
 * sc_odoo_client_login_finish:
 * @self: a #ScOdooClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: the user id, or 0 with @error set (%SC_SYNC_ERROR_ACCESS_DENIED
 *   for a login or secret the server does not accept)
 */
gint64
sc_odoo_client_login_finish (ScOdooClient  *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  gint64 uid;

  g_return_val_if_fail (SC_IS_ODOO_CLIENT (self), 0);
  g_return_val_if_fail (g_task_is_valid (result, self), 0);

  uid = g_task_propagate_int (G_TASK (result), error);

  return MAX (uid, 0);
}

/**
 * sc_odoo_client_execute_kw_async:
 * @self: a signed-in #ScOdooClient
 * @model: the model, such as "kpi.report"
 * @method: the method, such as "search_read"
 * @args: (nullable): positional arguments
 * @kwargs: (nullable): keyword arguments
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the result
 * @user_data: data for @callback
 *
 * Calls any model method through `object.execute_kw`.
 */
void
sc_odoo_client_execute_kw_async (ScOdooClient        *self,
                                 const char          *model,
                                 const char          *method,
                                 JsonArray           *args,
                                 JsonObject          *kwargs,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SC_IS_ODOO_CLIENT (self));
  g_return_if_fail (model != NULL);
  g_return_if_fail (method != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sc_odoo_client_execute_kw_async);

  call_kw_async (self, self->uid, self->secret, model, method, args, kwargs, cancellable,
                 execute_kw_cb, g_steal_pointer (&task));
}

/**
 * sc_odoo_client_execute_kw_finish:
 * @self: a #ScOdooClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the result; a method that returns nothing
 *   gives a null node. %NULL with @error set on failure.
 */
JsonNode *
sc_odoo_client_execute_kw_finish (ScOdooClient  *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (SC_IS_ODOO_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
