/* test-odoo-client.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-test"

#include "config.h"

#include <string.h>

#include "sc-fake-odoo.h"
#include "sc-odoo-client.h"

/* ScOdooClient against the fake Odoo on 127.0.0.1: every call, every
 * error a server sends, every fault the network plays. Each test has its
 * own server and client, and proves both are freed at the end. */

#define TEST_TIMEOUT_SECONDS 30

/* Read by AddressSanitizer at start-up (ASAN_OPTIONS still wins). The TLS
 * test loads GnuTLS with dlopen(), and the LeakSanitizer of Debian 12's GCC
 * then crashes scanning its dynamic TLS ("Tracer caught signal 11"); not
 * tracking __tls_get_addr avoids that, and leaves leak checking on. */
const char *__asan_default_options (void);

__attribute__((used)) const char *
__asan_default_options (void)
{
  return "intercept_tls_get_addr=0";
}

static GString *captured_logs;

typedef struct
{
  ScFakeOdoo   *server;
  ScOdooClient *client;
} Fixture;

/* Auxiliary methods */

static gboolean
abort_test_cb (gpointer data)
{
  g_error ("A call took more than %d seconds", TEST_TIMEOUT_SECONDS);

  return G_SOURCE_REMOVE;
}

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  g_assert_null (*slot);
  *slot = g_object_ref (result);
}

/* Every call here finishes, or the test aborts: none hangs. */
static GAsyncResult *
await_result (GAsyncResult **slot)
{
  guint timeout = g_timeout_add_seconds (TEST_TIMEOUT_SECONDS, abort_test_cb, NULL);

  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (timeout);

  return *slot;
}

static void
drain_main_context (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Like g_assert_finalize_object(), but lets a worker thread that parsed a
 * large page drop its reference to the task first. */
static void
assert_finalized (gpointer object)
{
  gpointer weak = object;
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  g_object_add_weak_pointer (G_OBJECT (object), &weak);
  g_object_unref (object);

  while (weak != NULL && g_get_monotonic_time () < deadline)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }

  g_assert_null (weak);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->server = sc_fake_odoo_new (&error);
  g_assert_no_error (error);
  fixture->client = sc_odoo_client_new (sc_fake_odoo_get_url (fixture->server), SC_FAKE_ODOO_DATABASE);
  sc_odoo_client_set_timeout (fixture->client, 10);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  drain_main_context ();
  assert_finalized (fixture->client);
  g_assert_finalize_object (fixture->server);
}

static gint64
login (Fixture     *fixture,
       const char  *user,
       const char  *secret,
       GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  sc_odoo_client_login_async (fixture->client, user, secret, NULL, store_result_cb, &result);

  return sc_odoo_client_login_finish (fixture->client, await_result (&result), error);
}

static void
login_admin (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (login (fixture, SC_FAKE_ODOO_ADMIN_LOGIN, SC_FAKE_ODOO_ADMIN_PASSWORD, &error),
                   ==, SC_FAKE_ODOO_ADMIN_UID);
  g_assert_no_error (error);
}

static ScOdooVersion *
version (Fixture  *fixture,
         GError  **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  sc_odoo_client_version_async (fixture->client, NULL, store_result_cb, &result);

  return sc_odoo_client_version_finish (fixture->client, await_result (&result), error);
}

static JsonArray *
search_read (Fixture             *fixture,
             const char          *model,
             JsonArray           *domain,
             const char * const  *fields,
             guint                limit,
             guint                offset,
             const char          *order,
             GError             **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  sc_odoo_client_search_read_async (fixture->client, model, domain, fields, limit, offset, order, NULL,
                                    store_result_cb, &result);

  return sc_odoo_client_search_read_finish (fixture->client, await_result (&result), error);
}

static gint64
search_count (Fixture     *fixture,
              const char  *model,
              JsonArray   *domain,
              GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  sc_odoo_client_search_count_async (fixture->client, model, domain, NULL, store_result_cb, &result);

  return sc_odoo_client_search_count_finish (fixture->client, await_result (&result), error);
}

static JsonArray *
read_records (Fixture             *fixture,
              const char          *model,
              gint64               id,
              const char * const  *fields,
              GError             **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  sc_odoo_client_read_async (fixture->client, model, &id, 1, fields, NULL, store_result_cb, &result);

  return sc_odoo_client_read_finish (fixture->client, await_result (&result), error);
}

static GArray *
create (Fixture     *fixture,
        const char  *model,
        JsonNode    *values,
        GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  sc_odoo_client_create_async (fixture->client, model, values, NULL, store_result_cb, &result);

  return sc_odoo_client_create_finish (fixture->client, await_result (&result), error);
}

static gboolean
write_record (Fixture     *fixture,
              const char  *model,
              gint64       id,
              JsonObject  *values,
              GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  sc_odoo_client_write_async (fixture->client, model, &id, 1, values, NULL, store_result_cb, &result);

  return sc_odoo_client_write_finish (fixture->client, await_result (&result), error);
}

static gboolean
unlink_record (Fixture     *fixture,
               const char  *model,
               gint64       id,
               GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  sc_odoo_client_unlink_async (fixture->client, model, &id, 1, NULL, store_result_cb, &result);

  return sc_odoo_client_unlink_finish (fixture->client, await_result (&result), error);
}

static JsonNode *
execute_kw (Fixture     *fixture,
            const char  *model,
            const char  *method,
            JsonArray   *args,
            JsonObject  *kwargs,
            GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  sc_odoo_client_execute_kw_async (fixture->client, model, method, args, kwargs, NULL, store_result_cb, &result);

  return sc_odoo_client_execute_kw_finish (fixture->client, await_result (&result), error);
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

static JsonObject *
parse_object (const char *text)
{
  g_autoptr(JsonNode) node = parse_json (text);

  return json_object_ref (json_node_get_object (node));
}

static JsonArray *
parse_array (const char *text)
{
  g_autoptr(JsonNode) node = parse_json (text);

  return json_array_ref (json_node_get_array (node));
}

static gint64
create_submission (Fixture    *fixture,
                   gint64      kpi,
                   gint64      user,
                   double      value,
                   const char *date)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strdup_printf ("{\"kpi_id\": %" G_GINT64_FORMAT ", \"user_id\": %" G_GINT64_FORMAT
                                           ", \"value\": %g, \"note\": \"test\", \"date\": \"%s\"}",
                                           kpi, user, value, date);
  g_autoptr(JsonNode) values = parse_json (text);
  g_autoptr(GArray) ids = create (fixture, "kpi.report.submission", values, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 1);

  return g_array_index (ids, gint64, 0);
}

static void
assert_error_clean (const GError *error,
                    const char   *secret)
{
  g_assert_nonnull (error);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_null (strstr (error->message, secret));
  if (sc_sync_error_get_odoo_message (error) != NULL)
    g_assert_null (strstr (sc_sync_error_get_odoo_message (error), secret));
}

/* Versions */

static void
test_version_supported (Fixture       *fixture,
                        gconstpointer  data)
{
  static const struct { const char *text; int major; int minor; } versions[] = {
    { "16.0", 16, 0 }, { "17.0", 17, 0 }, { "18.0", 18, 0 }, { "saas~17.2", 17, 2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (versions); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ScOdooVersion) found = NULL;

      sc_fake_odoo_set_server_version (fixture->server, versions[i].text);
      found = version (fixture, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (found->server_version, ==, versions[i].text);
      g_assert_cmpint (found->major, ==, versions[i].major);
      g_assert_cmpint (found->minor, ==, versions[i].minor);
      g_assert_cmpstr (found->release_level, ==, "final");
      g_assert_cmpint (found->protocol_version, ==, 1);
      g_assert_true (sc_odoo_version_is_supported (found));
    }

  g_assert_cmpuint (sc_fake_odoo_get_request_count (fixture->server, "common", "version"), ==, 4);
}

static void
test_version_unsupported (Fixture       *fixture,
                          gconstpointer  data)
{
  static const char * const versions[] = { "15.0", "19.0", "saas~15.1" };

  for (guint i = 0; i < G_N_ELEMENTS (versions); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ScOdooVersion) found = NULL;

      sc_fake_odoo_set_server_version (fixture->server, versions[i]);
      found = version (fixture, &error);
      g_assert_null (found);
      g_assert_error (error, SC_SYNC_ERROR, SC_SYNC_ERROR_UNSUPPORTED_VERSION);
      g_assert_nonnull (strstr (error->message, versions[i]));
    }
}

/* Login */

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_login_password (Fixture       *fixture,
                     gconstpointer  data)
{
  guint notified = 0;

  g_signal_connect (fixture->client, "notify::role", G_CALLBACK (on_notify_cb), &notified);

  login_admin (fixture);
  g_assert_cmpint (sc_odoo_client_get_uid (fixture->client), ==, SC_FAKE_ODOO_ADMIN_UID);
  g_assert_cmpstr (sc_odoo_client_get_login (fixture->client), ==, SC_FAKE_ODOO_ADMIN_LOGIN);
  g_assert_cmpint (sc_odoo_client_get_role (fixture->client), ==, SC_ODOO_ROLE_ADMIN);
  g_assert_true (sc_odoo_client_get_addon_installed (fixture->client));
  g_assert_cmpuint (notified, ==, 1);

  /* authenticate, then the XML ids of the KPI groups, then the user's groups. */
  g_assert_cmpuint (sc_fake_odoo_get_request_count (fixture->server, "common", "authenticate"), ==, 1);
  g_assert_cmpuint (sc_fake_odoo_get_call_count (fixture->server, "ir.model.data", "search_read"), ==, 1);
  g_assert_cmpuint (sc_fake_odoo_get_call_count (fixture->server, "res.users", "read"), ==, 1);

  sc_odoo_client_logout (fixture->client);
  g_assert_cmpint (sc_odoo_client_get_uid (fixture->client), ==, 0);
  g_assert_cmpint (sc_odoo_client_get_role (fixture->client), ==, SC_ODOO_ROLE_NONE);
  g_assert_cmpuint (notified, ==, 2);
}

static void
test_login_api_key (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) records = NULL;

  g_assert_cmpint (login (fixture, SC_FAKE_ODOO_ADMIN_LOGIN, SC_FAKE_ODOO_ADMIN_API_KEY, &error),
                   ==, SC_FAKE_ODOO_ADMIN_UID);
  g_assert_no_error (error);

  /* The key then works for every call (transcript 52). */
  records = search_read (fixture, "kpi.report", NULL, NULL, 2, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (records), ==, 2);
}

static void
test_login_bad_password (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;

  g_assert_cmpint (login (fixture, SC_FAKE_ODOO_ADMIN_LOGIN, "wrong-password", &error), ==, 0);
  g_assert_error (error, SC_SYNC_ERROR, SC_SYNC_ERROR_ACCESS_DENIED);

  expected = g_strdup_printf ("The login or password/API key was not accepted by kpi on %s",
                              sc_fake_odoo_get_url (fixture->server));
  g_assert_cmpstr (error->message, ==, expected);
  assert_error_clean (error, "wrong-password");
  g_assert_cmpint (sc_odoo_client_get_uid (fixture->client), ==, 0);

  /* A failed login keeps the previous session. */
  login_admin (fixture);
  g_clear_error (&error);
  g_assert_cmpint (login (fixture, SC_FAKE_ODOO_USER_LOGIN, "nope", &error), ==, 0);
  g_assert_cmpint (sc_odoo_client_get_uid (fixture->client), ==, SC_FAKE_ODOO_ADMIN_UID);
  g_assert_cmpint (sc_odoo_client_get_role (fixture->client), ==, SC_ODOO_ROLE_ADMIN);
}

static void
test_login_roles (Fixture       *fixture,
                  gconstpointer  data)
{
  static const struct { const char *login; const char *secret; gint64 uid; ScOdooRole role; } users[] = {
    { SC_FAKE_ODOO_USER_LOGIN, SC_FAKE_ODOO_USER_PASSWORD, SC_FAKE_ODOO_USER_UID, SC_ODOO_ROLE_USER },
    { SC_FAKE_ODOO_MANAGER_LOGIN, SC_FAKE_ODOO_MANAGER_PASSWORD, SC_FAKE_ODOO_MANAGER_UID, SC_ODOO_ROLE_MANAGER },
    { SC_FAKE_ODOO_NOKPI_LOGIN, SC_FAKE_ODOO_NOKPI_PASSWORD, SC_FAKE_ODOO_NOKPI_UID, SC_ODOO_ROLE_NONE },
    { SC_FAKE_ODOO_SALES_LOGIN, SC_FAKE_ODOO_SALES_PASSWORD, SC_FAKE_ODOO_SALES_UID, SC_ODOO_ROLE_USER },
    { SC_FAKE_ODOO_ADMIN_LOGIN, SC_FAKE_ODOO_ADMIN_PASSWORD, SC_FAKE_ODOO_ADMIN_UID, SC_ODOO_ROLE_ADMIN },
  };

  for (guint i = 0; i < G_N_ELEMENTS (users); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_cmpint (login (fixture, users[i].login, users[i].secret, &error), ==, users[i].uid);
      g_assert_no_error (error);
      g_assert_cmpint (sc_odoo_client_get_role (fixture->client), ==, users[i].role);
      g_assert_true (sc_odoo_client_get_addon_installed (fixture->client));
    }

  /* A role changed on the server shows at the next login. */
  sc_fake_odoo_set_user_role (fixture->server, SC_FAKE_ODOO_USER_UID, SC_FAKE_ODOO_ROLE_MANAGER);
  g_assert_cmpint (login (fixture, SC_FAKE_ODOO_USER_LOGIN, SC_FAKE_ODOO_USER_PASSWORD, NULL), ==, SC_FAKE_ODOO_USER_UID);
  g_assert_cmpint (sc_odoo_client_get_role (fixture->client), ==, SC_ODOO_ROLE_MANAGER);
}

static void
test_login_addon_missing (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) records = NULL;

  sc_fake_odoo_set_addon_installed (fixture->server, FALSE);
  login_admin (fixture);
  g_assert_false (sc_odoo_client_get_addon_installed (fixture->client));
  g_assert_cmpint (sc_odoo_client_get_role (fixture->client), ==, SC_ODOO_ROLE_NONE);

  records = search_read (fixture, "kpi.report", NULL, NULL, 0, 0, NULL, &error);
  g_assert_null (records);
  g_assert_error (error, SC_SYNC_ERROR, SC_SYNC_ERROR_UNKNOWN_MODEL);
  g_assert_nonnull (strstr (error->message, "kpi_tracking"));
  g_assert_cmpstr (sc_sync_error_get_odoo_name (error), ==, "odoo.exceptions.UserError");
  g_assert_cmpstr (sc_sync_error_get_odoo_message (error), ==, "Object kpi.report doesn't exist");
}

static void
test_login_unknown_database (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(ScOdooClient) client = sc_odoo_client_new (sc_fake_odoo_get_url (fixture->server), "nodb");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  sc_odoo_client_login_async (client, SC_FAKE_ODOO_ADMIN_LOGIN, SC_FAKE_ODOO_ADMIN_PASSWORD, NULL,
                              store_result_cb, &result);
  g_assert_cmpint (sc_odoo_client_login_finish (client, await_result (&result), &error), ==, 0);
  g_assert_error (error, SC_SYNC_ERROR, SC_SYNC_ERROR_UNKNOWN_DATABASE);
  g_assert_nonnull (strstr (error->message, "“nodb”"));
  g_assert_cmpstr (sc_sync_error_get_odoo_name (error), ==, "psycopg2.OperationalError");

  g_clear_object (&result);
  drain_main_context ();
  assert_finalized (g_steal_pointer (&client));
}

static void
test_not_signed_in (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) records = search_read (fixture, "kpi.report", NULL, NULL, 0, 0, NULL, &error);

  g_assert_null (records);
  g_assert_error (error, SC_SYNC_ERROR, SC_SYNC_ERROR_ACCESS_DENIED);
  g_assert_cmpuint (sc_fake_odoo_get_request_count (fixture->server, NULL, NULL), ==, 0);
}

static void
test_list_databases (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) result2 = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;
  g_auto(GStrv) none = NULL;

  sc_odoo_client_list_databases_async (fixture->client, NULL, store_result_cb, &result);
  names = sc_odoo_client_list_databases_finish (fixture->client, await_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (names), ==, 1);
  g_assert_cmpstr (names[0], ==, SC_FAKE_ODOO_DATABASE);

  sc_fake_odoo_set_list_databases (fixture->server, FALSE);
  sc_odoo_client_list_databases_async (fixture->client, NULL, store_result_cb, &result2);
  none = sc_odoo_client_list_databases_finish (fixture->client, await_result (&result2), &error);
  g_assert_null (none);
  g_assert_error (error, SC_SYNC_ERROR, SC_SYNC_ERROR_DATABASE_LIST_DISABLED);
  g_assert_nonnull (strstr (error->message, "type the database name"));
}

/* Reading */

static void
check_page_order (JsonArray   *rows,
                  char       **last_date,
                  gint64      *last_id,
                  GHashTable  *seen)
{
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      const char *date = json_object_get_string_member (row, "write_date");
      gint64 id = json_object_get_int_member (row, "id");
      int cmp = g_strcmp0 (date, *last_date);

      /* Strictly increasing by (write_date, id): nothing twice, nothing skipped. */
      g_assert_true (cmp > 0 || (cmp == 0 && id > *last_id));
      g_assert_true (g_hash_table_add (seen, g_memdup2 (&id, sizeof id)));
      g_free (*last_date);
      *last_date = g_strdup (date);
      *last_id = id;
    }
}

static void
test_search_read_paging (Fixture       *fixture,
                         gconstpointer  data)
{
  static const char * const fields[] = { "id", "kpi_id", "user_id", "value", "date", "write_date", NULL };
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) seen_keyset = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(JsonArray) domain = parse_array ("[[\"write_date\", \">=\", \"2020-01-01 00:00:00\"]]");
  g_autoptr(JsonObject) note = parse_object ("{\"note\": \"edited\"}");
  g_autofree char *last_date = g_strdup ("");
  g_autoptr(GError) error = NULL;
  gint64 last_id = 0;
  gint64 total;
  guint offset = 0;

  sc_fake_odoo_seed (fixture->server, 12, 2500);
  login_admin (fixture);

  /* An edit in between: the edited rows move to the end of the order. */
  g_assert_true (sc_fake_odoo_edit_record (fixture->server, "kpi.report.submission", 5, note, NULL));

  total = search_count (fixture, "kpi.report.submission", domain, &error);
  g_assert_no_error (error);
  g_assert_cmpint (total, ==, sc_fake_odoo_count_records (fixture->server, "kpi.report.submission", NULL));

  /* Offset paging. */
  for (;;)
    {
      g_autoptr(JsonArray) rows = search_read (fixture, "kpi.report.submission", domain, fields, 400, offset,
                                               "write_date asc, id asc", &error);

      g_assert_no_error (error);
      check_page_order (rows, &last_date, &last_id, seen);
      offset += json_array_get_length (rows);
      if (json_array_get_length (rows) < 400)
        break;
    }
  g_assert_cmpint (g_hash_table_size (seen), ==, total);

  /* Keyset paging by the (write_date, id) cursor gives the same rows. */
  g_clear_pointer (&last_date, g_free);
  last_date = g_strdup ("");
  last_id = 0;
  for (;;)
    {
      g_autofree char *text = g_strdup_printf ("[\"|\", [\"write_date\", \">\", \"%s\"], \"&\", "
                                               "[\"write_date\", \"=\", \"%s\"], [\"id\", \">\", %" G_GINT64_FORMAT "]]",
                                               *last_date ? last_date : "2020-01-01 00:00:00",
                                               *last_date ? last_date : "2020-01-01 00:00:00", last_id);
      g_autoptr(JsonArray) cursor = parse_array (text);
      g_autoptr(JsonArray) rows = search_read (fixture, "kpi.report.submission", cursor, fields, 700, 0,
                                               "write_date asc, id asc", &error);

      g_assert_no_error (error);
      check_page_order (rows, &last_date, &last_id, seen_keyset);
      if (json_array_get_length (rows) < 700)
        break;
    }
  g_assert_cmpint (g_hash_table_size (seen_keyset), ==, total);
}

static void
test_search_read_context (Fixture       *fixture,
                          gconstpointer  data)
{
  static const char * const fields[] = { "name", "target_value", "value", "achievement_percent", "score_label", NULL };
  g_autoptr(JsonArray) domain = parse_array ("[[\"department\", \"=\", \"sales\"]]");
  g_autoptr(JsonArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) request = NULL;
  g_autofree char *body = NULL;
  JsonArray *args;
  JsonObject *kwargs;
  JsonObject *row;

  login_admin (fixture);
  sc_odoo_client_set_context (fixture->client, "fr_BE", "Europe/Brussels");
  rows = search_read (fixture, "kpi.report", domain, fields, 3, 0, "id asc", &error);
  g_assert_no_error (error);

  /* As transcript 09 shows them. */
  g_assert_cmpuint (json_array_get_length (rows), ==, 3);
  row = json_array_get_object_element (rows, 1);
  g_assert_cmpint (json_object_get_int_member (row, "id"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (row, "name"), ==, "Seed sales KPI 2");
  g_assert_cmpfloat (json_object_get_double_member (row, "achievement_percent"), ==, 98.81);
  g_assert_cmpstr (json_object_get_string_member (row, "score_label"), ==, "Excellent");

  body = sc_fake_odoo_get_last_request (fixture->server);
  request = parse_json (body);
  args = json_object_get_array_member (json_object_get_object_member (json_node_get_object (request), "params"), "args");
  g_assert_cmpstr (json_array_get_string_element (args, 0), ==, SC_FAKE_ODOO_DATABASE);
  g_assert_cmpint (json_array_get_int_element (args, 1), ==, SC_FAKE_ODOO_ADMIN_UID);
  g_assert_cmpstr (json_array_get_string_element (args, 3), ==, "kpi.report");
  g_assert_cmpstr (json_array_get_string_element (args, 4), ==, "search_read");
  kwargs = json_array_get_object_element (args, 6);
  g_assert_cmpint (json_object_get_int_member (kwargs, "limit"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (kwargs, "offset"), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (kwargs, "order"), ==, "id asc");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (kwargs, "context"), "lang"), ==, "fr_BE");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (kwargs, "context"), "tz"), ==, "Europe/Brussels");
}

static void
test_search_count (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(JsonArray) domain = parse_array ("[[\"kpi_id\", \"=\", 1]]");
  g_autoptr(GError) error = NULL;

  login_admin (fixture);
  g_assert_cmpint (search_count (fixture, "kpi.report.submission", NULL, &error), ==,
                   sc_fake_odoo_count_records (fixture->server, "kpi.report.submission", NULL));
  g_assert_cmpint (search_count (fixture, "kpi.report.submission", domain, &error), ==, 6);
  g_assert_no_error (error);
}

static void
test_read_deleted (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char * const fields[] = { "value", NULL };
  g_autoptr(JsonObject) values = parse_object ("{\"value\": 1}");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) before = NULL;
  g_autoptr(JsonArray) after = NULL;
  gint64 id;

  login_admin (fixture);
  id = create_submission (fixture, 1, SC_FAKE_ODOO_SALES_UID, 18.5, "2026-11-29 08:30:00");

  before = read_records (fixture, "kpi.report.submission", id, fields, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (before), ==, 1);
  g_assert_cmpfloat (json_object_get_double_member (json_array_get_object_element (before, 0), "value"), ==, 18.5);

  g_assert_true (unlink_record (fixture, "kpi.report.submission", id, &error));
  g_assert_no_error (error);

  /* Transcripts 23, 23b, 23c: no error for a deleted id. */
  after = read_records (fixture, "kpi.report.submission", id, fields, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (after), ==, 0);
  g_assert_true (write_record (fixture, "kpi.report.submission", id, values, &error));
  g_assert_no_error (error);
  g_assert_true (unlink_record (fixture, "kpi.report.submission", id, &error));
  g_assert_no_error (error);
  g_assert_null (sc_fake_odoo_get_record (fixture->server, "kpi.report.submission", id));
}

static void
test_create (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(JsonNode) batch = parse_json ("[{\"kpi_id\": 2, \"user_id\": 9, \"value\": 70, \"note\": \"batch a\", "
                                          "\"date\": \"2026-11-29 08:31:00\"}, {\"kpi_id\": 2, \"user_id\": 10, "
                                          "\"value\": 80, \"note\": \"batch b\", \"date\": \"2026-11-29 08:32:00\"}]");
  g_autoptr(JsonArray) same_day = parse_array ("[[\"kpi_id\", \"=\", 1], [\"user_id\", \"=\", 9], "
                                               "[\"date\", \">=\", \"2026-11-29 00:00:00\"], "
                                               "[\"date\", \"<\", \"2026-11-30 00:00:00\"]]");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(JsonObject) record = NULL;
  gint64 first, second;

  login_admin (fixture);

  ids = create (fixture, "kpi.report.submission", batch, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, g_array_index (ids, gint64, 0) + 1);

  record = sc_fake_odoo_get_record (fixture->server, "kpi.report.submission", g_array_index (ids, gint64, 1));
  g_assert_cmpstr (json_object_get_string_member (record, "note"), ==, "batch b");
  /* Related and computed fields follow the KPI: 80 of a 75 % target. */
  g_assert_cmpfloat (json_object_get_double_member (record, "achievement_percent"), ==, 106.67);
  g_assert_cmpstr (json_object_get_string_member (record, "department"), ==, "sales");

  /* No uniqueness per KPI, user and day on the server (transcript 19). */
  first = create_submission (fixture, 1, 9, 18.5, "2026-11-29 08:30:00");
  second = create_submission (fixture, 1, 9, 19.0, "2026-11-29 15:00:00");
  g_assert_cmpint (second, >, first);
  g_assert_cmpuint (sc_fake_odoo_count_records (fixture->server, "kpi.report.submission", same_day), ==, 2);
}

/* Refusals */

static void
test_access_errors (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(JsonNode) submission = parse_json ("{\"kpi_id\": 1, \"user_id\": 6, \"value\": 5}");
  g_autoptr(JsonObject) value = parse_object ("{\"value\": 3}");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) manager_ids = NULL;
  g_autoptr(JsonArray) records = NULL;

  /* A KPI User cannot create submissions (transcript 26). */
  login (fixture, SC_FAKE_ODOO_USER_LOGIN, SC_FAKE_ODOO_USER_PASSWORD, NULL);
  ids = create (fixture, "kpi.report.submission", submission, &error);
  g_assert_null (ids);
  g_assert_error (error, SC_SYNC_ERROR, SC_SYNC_ERROR_ACCESS_ERROR);
  g_assert_cmpstr (sc_sync_error_get_odoo_name (error), ==, "odoo.exceptions.AccessError");
  g_assert_true (g_str_has_prefix (error->message, "Odoo refused access: You are not allowed to create "
                                                   "'KPI Report Submission' (kpi.report.submission) records."));
  g_clear_error (&error);

  /* A KPI Manager creates but cannot modify (transcript 27d). */
  login (fixture, SC_FAKE_ODOO_MANAGER_LOGIN, SC_FAKE_ODOO_MANAGER_PASSWORD, NULL);
  manager_ids = create (fixture, "kpi.report.submission", submission, &error);
  g_assert_no_error (error);
  g_assert_false (write_record (fixture, "kpi.report.submission", 1, value, &error));
  g_assert_error (error, SC_SYNC_ERROR, SC_SYNC_ERROR_ACCESS_ERROR);
  g_assert_nonnull (strstr (error->message, "You are not allowed to modify"));
  g_clear_error (&error);

  /* No KPI group at all (transcript 25). */
  login (fixture, SC_FAKE_ODOO_NOKPI_LOGIN, SC_FAKE_ODOO_NOKPI_PASSWORD, NULL);
  records = search_read (fixture, "kpi.report", NULL, NULL, 2, 0, NULL, &error);
  g_assert_null (records);
  g_assert_error (error, SC_SYNC_ERROR, SC_SYNC_ERROR_ACCESS_ERROR);
  g_assert_nonnull (strstr (error->message, "Tools/KPI User"));
}

static void
test_record_rules (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char * const fields[] = { "name", "assigned_user_ids", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) visible = NULL;
  g_autoptr(JsonArray) hidden = NULL;
  g_autoptr(JsonArray) none = NULL;

  login (fixture, SC_FAKE_ODOO_SALES_LOGIN, SC_FAKE_ODOO_SALES_PASSWORD, NULL);
  visible = search_read (fixture, "kpi.report", NULL, fields, 0, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (visible), ==, 3);

  /* Reading a KPI the rules hide is an access error (transcript 32c's kind). */
  hidden = read_records (fixture, "kpi.report", 4, fields, &error);
  g_assert_null (hidden);
  g_assert_error (error, SC_SYNC_ERROR, SC_SYNC_ERROR_ACCESS_ERROR);
  g_assert_nonnull (strstr (error->message, "Seed sales user 1 (id=9)"));
  g_clear_error (&error);

  /* A KPI User assigned to nothing sees no KPI, yet all submissions (27, 27c). */
  login (fixture, SC_FAKE_ODOO_USER_LOGIN, SC_FAKE_ODOO_USER_PASSWORD, NULL);
  none = search_read (fixture, "kpi.report", NULL, fields, 5, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (none), ==, 0);
  g_assert_cmpint (search_count (fixture, "kpi.report.submission", NULL, &error), ==,
                   sc_fake_odoo_count_records (fixture->server, "kpi.report.submission", NULL));
}

static void
test_validation_errors (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(JsonObject) negative = parse_object ("{\"target_value\": -5}");
  g_autoptr(JsonObject) legal = parse_object ("{\"department\": \"legal\"}");
  g_autoptr(JsonNode) percent = parse_json ("{\"name\": \"bad percent\", \"kpi_type\": \"manual\", "
                                            "\"target_type\": \"percent\", \"target_value\": 150}");
  g_autoptr(JsonNode) no_kpi = parse_json ("{\"value\": 5}");
  g_autoptr(JsonNode) gone_kpi = parse_json ("{\"kpi_id\": 99999, \"value\": 5}");
  g_autoptr(JsonNode) negative_value = parse_json ("{\"kpi_id\": 2, \"value\": -5}");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(JsonObject) kpi = NULL;

  login_admin (fixture);

  g_assert_false (write_record (fixture, "kpi.report", 1, negative, &error));
  g_assert_error (error, SC_SYNC_ERROR, SC_SYNC_ERROR_VALIDATION);
  g_assert_cmpstr (error->message, ==, "Odoo refused the change: Target value cannot be negative");
  g_clear_error (&error);
  kpi = sc_fake_odoo_get_record (fixture->server, "kpi.report", 1);
  g_assert_cmpfloat (json_object_get_double_member (kpi, "target_value"), ==, 22.0);

  ids = create (fixture, "kpi.report", percent, &error);
  g_assert_error (error, SC_SYNC_ERROR, SC_SYNC_ERROR_VALIDATION);
  g_assert_cmpstr (error->message, ==, "Odoo refused the change: Percentage target cannot exceed 100%");
  g_clear_error (&error);

  g_assert_false (write_record (fixture, "kpi.report", 1, legal, &error));
  g_assert_error (error, SC_SYNC_ERROR, SC_SYNC_ERROR_BAD_REQUEST);
  g_assert_nonnull (strstr (error->message, "Wrong value for kpi.report.department: 'legal'"));
  g_clear_error (&error);

  ids = create (fixture, "kpi.report.submission", no_kpi, &error);
  g_assert_error (error, SC_SYNC_ERROR, SC_SYNC_ERROR_VALIDATION);
  g_assert_nonnull (strstr (error->message, "Field: KPI (kpi_id)"));
  g_clear_error (&error);

  ids = create (fixture, "kpi.report.submission", gone_kpi, &error);
  g_assert_error (error, SC_SYNC_ERROR, SC_SYNC_ERROR_VALIDATION);
  g_assert_nonnull (strstr (error->message, "kpi_report_submission_kpi_id_fkey"));
  g_clear_error (&error);

  ids = create (fixture, "kpi.report.submission", negative_value, &error);
  g_assert_error (error, SC_SYNC_ERROR, SC_SYNC_ERROR_VALIDATION);
  g_assert_nonnull (strstr (error->message, "Achievement percent cannot be negative"));
}

static void
test_bad_requests (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(JsonArray) args = parse_array ("[[]]");
  g_autoptr(JsonArray) ids = parse_array ("[[1]]");
  g_autoptr(JsonArray) bad_domain = parse_array ("[[\"no_such_field\", \"=\", 1]]");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) result = NULL;
  g_autoptr(JsonArray) rows = NULL;

  login_admin (fixture);

  result = execute_kw (fixture, "kpi.report", "no_such_method", args, NULL, &error);
  g_assert_error (error, SC_SYNC_ERROR, SC_SYNC_ERROR_BAD_REQUEST);
  g_assert_cmpstr (sc_sync_error_get_odoo_name (error), ==, "builtins.AttributeError");
  g_clear_error (&error);

  result = execute_kw (fixture, "kpi.report", "_calculate_achievement_percent", ids, NULL, &error);
  g_assert_error (error, SC_SYNC_ERROR, SC_SYNC_ERROR_ACCESS_ERROR);
  g_clear_error (&error);

  result = execute_kw (fixture, "kpi.no.such.model", "search_read", args, NULL, &error);
  g_assert_error (error, SC_SYNC_ERROR, SC_SYNC_ERROR_UNKNOWN_MODEL);
  g_clear_error (&error);

  rows = search_read (fixture, "kpi.report", bad_domain, NULL, 1, 0, NULL, &error);
  g_assert_error (error, SC_SYNC_ERROR, SC_SYNC_ERROR_BAD_REQUEST);
  g_assert_nonnull (strstr (error->message, "Invalid field kpi.report.no_such_field in leaf ('no_such_field', '=', 1)"));
}

static void
test_fields_get (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) fields = NULL;
  JsonObject *kpi_id;
  JsonObject *department;

  login_admin (fixture);
  sc_odoo_client_fields_get_async (fixture->client, "kpi.report.submission", NULL, store_result_cb, &result);
  fields = sc_odoo_client_fields_get_finish (fixture->client, await_result (&result), &error);
  g_assert_no_error (error);

  kpi_id = json_object_get_object_member (fields, "kpi_id");
  g_assert_cmpstr (json_object_get_string_member (kpi_id, "type"), ==, "many2one");
  g_assert_cmpstr (json_object_get_string_member (kpi_id, "relation"), ==, "kpi.report");
  g_assert_true (json_object_get_boolean_member (kpi_id, "required"));
  g_assert_false (json_object_has_member (kpi_id, "readonly"));

  department = json_object_get_object_member (fields, "department");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (department, "selection")), ==, 10);
  g_assert_true (json_object_has_member (fields, "write_date"));
}

static void
test_none_result (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(JsonArray) args = parse_array ("[[1]]");
  g_autoptr(JsonArray) today = parse_array ("[[\"kpi_id\", \"=\", 1], [\"date\", \">=\", \"2026-11-29 00:00:00\"]]");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) result = NULL;
  g_autoptr(JsonNode) again = NULL;

  /* The KPI User's only way to submit (transcript 32b); it returns None. */
  login (fixture, SC_FAKE_ODOO_SALES_LOGIN, SC_FAKE_ODOO_SALES_PASSWORD, &error);
  result = execute_kw (fixture, "kpi.report", "action_manual_refresh_kpi", args, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  g_assert_true (JSON_NODE_HOLDS_NULL (result));

  /* One row per assignee for today; a second press overwrites them. */
  g_assert_cmpuint (sc_fake_odoo_count_records (fixture->server, "kpi.report.submission", today), ==, 2);
  again = execute_kw (fixture, "kpi.report", "action_manual_refresh_kpi", args, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sc_fake_odoo_count_records (fixture->server, "kpi.report.submission", today), ==, 2);
  g_assert_cmpuint (sc_fake_odoo_count_records (fixture->server, "kpi.report.group.submission", NULL), ==, 1);
}

static void
test_target_change (Fixture       *fixture,
                    gconstpointer  data)
{
  static const char * const fields[] = { "id", "write_date", "target_value", "achievement_percent", NULL };
  g_autoptr(JsonArray) domain = parse_array ("[[\"kpi_id\", \"=\", 2]]");
  g_autoptr(JsonObject) target = parse_object ("{\"target_value\": 50}");
  g_autoptr(JsonArray) before = NULL;
  g_autoptr(JsonArray) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *cursor = NULL;
  g_autofree char *text = NULL;
  g_autoptr(JsonArray) changed = NULL;

  login_admin (fixture);
  before = search_read (fixture, "kpi.report.submission", domain, fields, 0, 0, "write_date desc, id desc", &error);
  g_assert_no_error (error);
  cursor = g_strdup (json_object_get_string_member (json_array_get_object_element (before, 0), "write_date"));

  /* Someone changes the KPI's target on the server (reference 4.5). */
  g_assert_true (sc_fake_odoo_edit_record (fixture->server, "kpi.report", 2, target, &error));
  g_assert_no_error (error);

  text = g_strdup_printf ("[[\"write_date\", \">\", \"%s\"]]", cursor);
  changed = parse_array (text);
  after = search_read (fixture, "kpi.report.submission", changed, fields, 0, 0, "write_date asc, id asc", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (after), ==, json_array_get_length (before));
  for (guint i = 0; i < json_array_get_length (after); i++)
    g_assert_cmpfloat (json_object_get_double_member (json_array_get_object_element (after, i), "target_value"), ==, 50.0);
}

static void
edit_on_first_search (ScFakeOdoo *server,
                      const char *service,
                      const char *method,
                      const char *model,
                      const char *model_method,
                      gpointer    user_data)
{
  guint *calls = user_data;

  if (g_strcmp0 (model_method, "search_read") == 0 && (*calls)++ == 0)
    {
      g_autoptr(JsonObject) values = parse_object ("{\"manual_value\": 42}");

      g_assert_true (sc_fake_odoo_edit_record (server, "kpi.report", 3, values, NULL));
    }
}

static void
test_concurrent_edit (Fixture       *fixture,
                      gconstpointer  data)
{
  static const char * const fields[] = { "manual_value", NULL };
  g_autoptr(JsonArray) domain = parse_array ("[[\"id\", \"=\", 3]]");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) rows = NULL;
  guint calls = 0;

  login_admin (fixture);
  sc_fake_odoo_set_request_hook (fixture->server, edit_on_first_search, &calls, NULL);
  rows = search_read (fixture, "kpi.report", domain, fields, 0, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (json_object_get_double_member (json_array_get_object_element (rows, 0), "manual_value"), ==, 42.0);
  g_assert_cmpuint (calls, ==, 1);
  sc_fake_odoo_set_request_hook (fixture->server, NULL, NULL, NULL);
}

/* Faults */

static void
assert_next_call_works (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (search_count (fixture, "kpi.report", NULL, &error), ==, 7);
  g_assert_no_error (error);
}

static void
test_fault_timeout (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* The answer would come, but after the client has given up: no timing
   * is asserted, the error itself says which came first. */
  login_admin (fixture);
  sc_odoo_client_set_timeout (fixture->client, 1);
  sc_fake_odoo_set_latency (fixture->server, 2500);

  g_assert_cmpint (search_count (fixture, "kpi.report", NULL, &error), ==, -1);
  g_assert_error (error, SC_SYNC_ERROR, SC_SYNC_ERROR_NETWORK);
  g_assert_nonnull (strstr (error->message, "did not answer within 1 second"));

  sc_fake_odoo_set_latency (fixture->server, 0);
  assert_next_call_works (fixture);
}

static void
test_fault_http (Fixture       *fixture,
                 gconstpointer  data)
{
  static const struct { ScFakeOdooFault fault; guint status; } faults[] = {
    { SC_FAKE_ODOO_FAULT_HTTP_500, 500 }, { SC_FAKE_ODOO_FAULT_HTTP_502, 502 },
  };

  login_admin (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (faults); i++)
    {
      g_autoptr(GError) error = NULL;

      sc_fake_odoo_add_fault (fixture->server, faults[i].fault, "kpi.report", "search_count", 1);
      g_assert_cmpint (search_count (fixture, "kpi.report", NULL, &error), ==, -1);
      g_assert_error (error, SC_SYNC_ERROR, SC_SYNC_ERROR_SERVER);
      g_assert_cmpuint (sc_sync_error_get_http_status (error), ==, faults[i].status);
      assert_next_call_works (fixture);
    }
}

static void
test_fault_drop_before (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(JsonNode) values = parse_json ("{\"kpi_id\": 1, \"user_id\": 9, \"value\": 3}");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  guint before;

  login_admin (fixture);
  before = sc_fake_odoo_count_records (fixture->server, "kpi.report.submission", NULL);

  sc_fake_odoo_add_fault (fixture->server, SC_FAKE_ODOO_FAULT_DROP_BEFORE, "kpi.report.submission", "create", 1);
  ids = create (fixture, "kpi.report.submission", values, &error);
  g_assert_null (ids);
  g_assert_error (error, SC_SYNC_ERROR, SC_SYNC_ERROR_NETWORK);

  /* Nothing was done, and the client did not resend by itself. */
  g_assert_cmpuint (sc_fake_odoo_count_records (fixture->server, "kpi.report.submission", NULL), ==, before);
  g_assert_cmpuint (sc_fake_odoo_get_call_count (fixture->server, "kpi.report.submission", "create"), ==, 1);
  assert_next_call_works (fixture);
}

static void
test_fault_drop_after_commit (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(JsonNode) values = parse_json ("{\"kpi_id\": 1, \"user_id\": 9, \"value\": 3}");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  guint before;

  login_admin (fixture);
  before = sc_fake_odoo_count_records (fixture->server, "kpi.report.submission", NULL);

  sc_fake_odoo_add_fault (fixture->server, SC_FAKE_ODOO_FAULT_DROP_AFTER_COMMIT, NULL, "create", 1);
  ids = create (fixture, "kpi.report.submission", values, &error);
  g_assert_null (ids);
  g_assert_error (error, SC_SYNC_ERROR, SC_SYNC_ERROR_NETWORK);

  /* The client saw a failure, yet the record exists, once. */
  g_assert_cmpuint (sc_fake_odoo_count_records (fixture->server, "kpi.report.submission", NULL), ==, before + 1);
  g_assert_cmpuint (sc_fake_odoo_get_call_count (fixture->server, "kpi.report.submission", "create"), ==, 1);
  assert_next_call_works (fixture);
}

static void
test_fault_bad_json (Fixture       *fixture,
                     gconstpointer  data)
{
  static const ScFakeOdooFault faults[] = { SC_FAKE_ODOO_FAULT_TRUNCATED_JSON, SC_FAKE_ODOO_FAULT_MALFORMED_JSON };

  login_admin (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (faults); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonArray) rows = NULL;

      sc_fake_odoo_add_fault (fixture->server, faults[i], NULL, "search_read", 1);
      rows = search_read (fixture, "kpi.report", NULL, NULL, 0, 0, NULL, &error);
      g_assert_null (rows);
      g_assert_error (error, SC_SYNC_ERROR, SC_SYNC_ERROR_MALFORMED);
      assert_next_call_works (fixture);
    }
}

static void
test_fault_session_expired (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  guint authenticated;

  login_admin (fixture);
  authenticated = sc_fake_odoo_get_request_count (fixture->server, NULL, "authenticate");

  /* Once: the client signs in again by itself and the call goes through. */
  sc_fake_odoo_add_fault (fixture->server, SC_FAKE_ODOO_FAULT_SESSION_EXPIRED, NULL, "execute_kw", 1);
  g_assert_cmpint (search_count (fixture, "kpi.report", NULL, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (sc_fake_odoo_get_request_count (fixture->server, NULL, "authenticate"), ==,
                    authenticated + 1);

  /* Again right after signing in: the session cannot be renewed, and the
   * user is told so; nothing loops. */
  sc_fake_odoo_add_fault (fixture->server, SC_FAKE_ODOO_FAULT_SESSION_EXPIRED, NULL, "execute_kw", 3);
  g_assert_cmpint (search_count (fixture, "kpi.report", NULL, &error), ==, -1);
  g_assert_error (error, SC_SYNC_ERROR, SC_SYNC_ERROR_SESSION_EXPIRED);
  g_assert_cmpint (sc_sync_error_get_odoo_code (error), ==, 100);
  g_assert_cmpuint (sc_fake_odoo_get_request_count (fixture->server, NULL, "authenticate"), <=,
                    authenticated + 2);
  sc_fake_odoo_clear_faults (fixture->server);
  assert_next_call_works (fixture);
}

static void
test_unreachable (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *url = g_strdup (sc_fake_odoo_get_url (fixture->server));
  g_autoptr(ScOdooClient) client = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScOdooVersion) found = NULL;

  /* Nothing listens on the port once the server has stopped. */
  sc_fake_odoo_stop (fixture->server);
  client = sc_odoo_client_new (url, SC_FAKE_ODOO_DATABASE);
  sc_odoo_client_version_async (client, NULL, store_result_cb, &result);
  found = sc_odoo_client_version_finish (client, await_result (&result), &error);
  g_assert_null (found);
  g_assert_error (error, SC_SYNC_ERROR, SC_SYNC_ERROR_NETWORK);
  g_assert_nonnull (strstr (error->message, url));

  g_clear_object (&result);
  drain_main_context ();
  assert_finalized (g_steal_pointer (&client));
}

static void
test_gzip (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) rows = NULL;
  g_auto(GStrv) headers = NULL;
  gboolean accepts_gzip = FALSE;

  sc_fake_odoo_seed (fixture->server, 5, 600);
  sc_fake_odoo_set_gzip (fixture->server, TRUE);
  login_admin (fixture);

  rows = search_read (fixture, "kpi.report.submission", NULL, NULL, 0, 0, "id asc", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (rows), ==,
                    sc_fake_odoo_count_records (fixture->server, "kpi.report.submission", NULL));

  headers = sc_fake_odoo_get_last_request_headers (fixture->server);
  for (guint i = 0; headers[i] != NULL; i++)
    if (g_str_has_prefix (headers[i], "Accept-Encoding: ") && strstr (headers[i], "gzip") != NULL)
      accepts_gzip = TRUE;
  g_assert_true (accepts_gzip);
}

static void
test_keep_alive (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint before;

  /* A sync is many small calls: one connection carries them all. */
  login_admin (fixture);
  before = sc_fake_odoo_get_connection_count (fixture->server);
  for (guint i = 0; i < 5; i++)
    {
      g_assert_cmpint (search_count (fixture, "kpi.report", NULL, &error), >, 0);
      g_assert_no_error (error);
    }
  g_assert_cmpuint (sc_fake_odoo_get_connection_count (fixture->server), ==, MAX (before, 1));
}

/* Cancellation */

static gboolean
cancel_cb (gpointer data)
{
  g_cancellable_cancel (data);

  return G_SOURCE_REMOVE;
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) result2 = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) error2 = NULL;
  g_autoptr(ScOdooVersion) found = NULL;
  g_autoptr(ScOdooVersion) found2 = NULL;

  /* Cancelled while the server still holds its answer back. */
  sc_fake_odoo_set_latency (fixture->server, 3000);
  g_timeout_add (100, cancel_cb, cancellable);
  sc_odoo_client_version_async (fixture->client, cancellable, store_result_cb, &result);
  found = sc_odoo_client_version_finish (fixture->client, await_result (&result), &error);
  g_assert_null (found);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  g_cancellable_cancel (cancelled);
  sc_odoo_client_version_async (fixture->client, cancelled, store_result_cb, &result2);
  found2 = sc_odoo_client_version_finish (fixture->client, await_result (&result2), &error2);
  g_assert_null (found2);
  g_assert_error (error2, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  sc_fake_odoo_set_latency (fixture->server, 0);
}

/* Secrets */

static void
test_secret_never_shown (Fixture       *fixture,
                         gconstpointer  data)
{
  static const char secret[] = "Sup3r-S3cret-Pa55";
  g_autoptr(JsonArray) args = parse_array ("[[]]");
  g_autoptr(GError) bad_login = NULL;
  g_autoptr(GError) unknown = NULL;
  g_autoptr(GError) dropped = NULL;
  g_autoptr(GError) broken = NULL;
  g_autoptr(GError) failed = NULL;
  g_autoptr(JsonNode) result = NULL;
  g_autoptr(JsonArray) rows = NULL;
  g_autoptr(GError) copy = NULL;

  g_string_truncate (captured_logs, 0);

  sc_fake_odoo_add_user (fixture->server, "ceo", "Chief", secret, SC_FAKE_ODOO_ROLE_ADMIN);
  g_assert_cmpint (login (fixture, "ceo", "Sup3r-S3cret-Pa55x", &bad_login), ==, 0);
  assert_error_clean (bad_login, secret);
  g_assert_cmpint (login (fixture, "ceo", secret, NULL), >, 0);

  /* A server that quotes the secret back: it is masked. */
  result = execute_kw (fixture, secret, "search_read", args, NULL, &unknown);
  g_assert_error (unknown, SC_SYNC_ERROR, SC_SYNC_ERROR_UNKNOWN_MODEL);
  assert_error_clean (unknown, secret);
  g_assert_nonnull (strstr (unknown->message, "********"));
  copy = g_error_copy (unknown);
  assert_error_clean (copy, secret);

  sc_fake_odoo_add_fault (fixture->server, SC_FAKE_ODOO_FAULT_DROP_BEFORE, NULL, NULL, 1);
  g_assert_cmpint (search_count (fixture, "kpi.report", NULL, &dropped), ==, -1);
  assert_error_clean (dropped, secret);

  sc_fake_odoo_add_fault (fixture->server, SC_FAKE_ODOO_FAULT_MALFORMED_JSON, NULL, NULL, 1);
  rows = search_read (fixture, "kpi.report", NULL, NULL, 0, 0, NULL, &broken);
  assert_error_clean (broken, secret);

  sc_fake_odoo_add_fault (fixture->server, SC_FAKE_ODOO_FAULT_HTTP_500, NULL, NULL, 1);
  g_assert_cmpint (search_count (fixture, "kpi.report", NULL, &failed), ==, -1);
  assert_error_clean (failed, secret);

  /* The debug log names calls, never their credentials. */
  g_assert_cmpuint (captured_logs->len, >, 0);
  if (strstr (captured_logs->str, secret) != NULL)
    g_printerr ("%s", captured_logs->str);
  g_assert_null (strstr (captured_logs->str, secret));
  g_assert_nonnull (strstr (captured_logs->str, "object.execute_kw"));
}

/* TLS */

static GTlsCertificate *
load_certificate (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "sync", "data", "fake-odoo-selfsigned.pem", NULL);
  g_autoptr(GError) error = NULL;
  GTlsCertificate *certificate = g_tls_certificate_new_from_file (path, &error);

  g_assert_no_error (error);

  return certificate;
}

static void
test_pinned_certificate (void)
{
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(ScFakeOdoo) server = NULL;
  g_autoptr(ScOdooClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) refused = NULL;
  g_autoptr(GAsyncResult) pinned = NULL;
  g_autoptr(GAsyncResult) wrong = NULL;
  g_autoptr(ScOdooVersion) version_refused = NULL;
  g_autoptr(ScOdooVersion) version_pinned = NULL;
  g_autoptr(ScOdooVersion) version_wrong = NULL;
  g_autofree char *fingerprint = NULL;

  if (!g_tls_backend_supports_tls (g_tls_backend_get_default ()))
    {
      g_test_skip ("No TLS backend (glib-networking)");
      return;
    }

  certificate = load_certificate ();
  fingerprint = sc_odoo_certificate_fingerprint (certificate);
  g_assert_cmpuint (strlen (fingerprint), ==, 95);

  server = sc_fake_odoo_new_full (0, certificate, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (sc_fake_odoo_get_url (server), "https://"));
  client = sc_odoo_client_new (sc_fake_odoo_get_url (server), SC_FAKE_ODOO_DATABASE);

  /* Verified by default: a self-signed certificate is refused... */
  sc_odoo_client_version_async (client, NULL, store_result_cb, &refused);
  version_refused = sc_odoo_client_version_finish (client, await_result (&refused), &error);
  g_assert_null (version_refused);
  g_assert_error (error, SC_SYNC_ERROR, SC_SYNC_ERROR_CERTIFICATE);
  g_assert_cmpstr (sc_sync_error_get_certificate_fingerprint (error), ==, fingerprint);
  g_assert_nonnull (strstr (error->message, fingerprint));
  g_clear_error (&error);

  /* ...until the user pins it (in any spelling)... */
  {
    g_autofree char *lower = g_ascii_strdown (fingerprint, -1);

    g_assert_false (sc_odoo_client_set_pinned_certificate (client, "not a fingerprint"));
    g_assert_true (sc_odoo_client_set_pinned_certificate (client, lower));
    g_assert_cmpstr (sc_odoo_client_get_pinned_certificate (client), ==, fingerprint);
  }
  sc_odoo_client_version_async (client, NULL, store_result_cb, &pinned);
  version_pinned = sc_odoo_client_version_finish (client, await_result (&pinned), &error);
  g_assert_no_error (error);
  g_assert_cmpint (version_pinned->major, ==, 17);

  /* ...and only that one. */
  {
    g_autoptr(ScOdooClient) other = sc_odoo_client_new (sc_fake_odoo_get_url (server), SC_FAKE_ODOO_DATABASE);

    g_assert_true (sc_odoo_client_set_pinned_certificate (other, "00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:"
                                                                 "00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF"));
    sc_odoo_client_version_async (other, NULL, store_result_cb, &wrong);
    version_wrong = sc_odoo_client_version_finish (other, await_result (&wrong), &error);
    g_assert_null (version_wrong);
    g_assert_error (error, SC_SYNC_ERROR, SC_SYNC_ERROR_CERTIFICATE);
    g_assert_nonnull (strstr (error->message, "not the one you chose to trust"));
    g_clear_object (&wrong);
    drain_main_context ();
    assert_finalized (g_steal_pointer (&other));
  }

  g_clear_object (&refused);
  g_clear_object (&pinned);
  drain_main_context ();
  assert_finalized (g_steal_pointer (&client));
  g_assert_finalize_object (g_steal_pointer (&server));
}

static void
test_bad_url (void)
{
  g_autoptr(ScOdooClient) client = sc_odoo_client_new ("not a url", SC_FAKE_ODOO_DATABASE);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScOdooVersion) found = NULL;

  sc_odoo_client_version_async (client, NULL, store_result_cb, &result);
  found = sc_odoo_client_version_finish (client, await_result (&result), &error);
  g_assert_null (found);
  g_assert_error (error, SC_SYNC_ERROR, SC_SYNC_ERROR_NETWORK);
  g_assert_nonnull (strstr (error->message, "not a server address"));

  g_clear_object (&result);
  drain_main_context ();
  assert_finalized (g_steal_pointer (&client));
}

/* The secret test reads the debug log, so every message is kept; debug
 * messages are not printed. */
static GLogFunc test_log_handler;

static void
capture_log_handler (const char     *log_domain,
                     GLogLevelFlags  level,
                     const char     *message,
                     gpointer        user_data)
{
  g_string_append_printf (captured_logs, "%s: %s\n", log_domain ? log_domain : "", message);

  if ((level & G_LOG_LEVEL_DEBUG) == 0)
    test_log_handler (log_domain, level, message, user_data);
}

static GLogWriterOutput
quiet_log_writer (GLogLevelFlags   level,
                  const GLogField *fields,
                  gsize            n_fields,
                  gpointer         user_data)
{
  if (level & G_LOG_LEVEL_DEBUG)
    {
      for (gsize i = 0; i < n_fields; i++)
        if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].length < 0)
          g_string_append_printf (captured_logs, "%s\n", (const char *) fields[i].value);
      return G_LOG_WRITER_HANDLED;
    }

  return g_log_writer_default (level, fields, n_fields, user_data);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  captured_logs = g_string_new (NULL);
  g_log_set_writer_func (quiet_log_writer, NULL, NULL);

  /* Loopback only: no proxy may stand between the client and the fake. */
  g_setenv ("no_proxy", "127.0.0.1,localhost", TRUE);
  g_unsetenv ("http_proxy");
  g_unsetenv ("https_proxy");

  g_test_init (&argc, &argv, NULL);
  g_log_set_debug_enabled (TRUE);
  test_log_handler = g_log_set_default_handler (capture_log_handler, NULL);

#define ADD(path, func) g_test_add ("/sync/client/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("version/supported", test_version_supported);
  ADD ("version/unsupported", test_version_unsupported);
  ADD ("login/password", test_login_password);
  ADD ("login/api-key", test_login_api_key);
  ADD ("login/bad-password", test_login_bad_password);
  ADD ("login/roles", test_login_roles);
  ADD ("login/addon-missing", test_login_addon_missing);
  ADD ("login/unknown-database", test_login_unknown_database);
  ADD ("login/not-signed-in", test_not_signed_in);
  ADD ("list-databases", test_list_databases);
  ADD ("search-read/paging", test_search_read_paging);
  ADD ("search-read/context", test_search_read_context);
  ADD ("search-count", test_search_count);
  ADD ("read/deleted", test_read_deleted);
  ADD ("create", test_create);
  ADD ("refusal/access", test_access_errors);
  ADD ("refusal/record-rules", test_record_rules);
  ADD ("refusal/validation", test_validation_errors);
  ADD ("refusal/bad-request", test_bad_requests);
  ADD ("fields-get", test_fields_get);
  ADD ("execute-kw/none-result", test_none_result);
  ADD ("server/target-change", test_target_change);
  ADD ("server/concurrent-edit", test_concurrent_edit);
  ADD ("fault/timeout", test_fault_timeout);
  ADD ("fault/http", test_fault_http);
  ADD ("fault/drop-before", test_fault_drop_before);
  ADD ("fault/drop-after-commit", test_fault_drop_after_commit);
  ADD ("fault/bad-json", test_fault_bad_json);
  ADD ("fault/session-expired", test_fault_session_expired);
  ADD ("fault/unreachable", test_unreachable);
  ADD ("gzip", test_gzip);
  ADD ("keep-alive", test_keep_alive);
  ADD ("cancel", test_cancel);
  ADD ("secret/never-shown", test_secret_never_shown);
#undef ADD
  g_test_add_func ("/sync/client/tls/pinned-certificate", test_pinned_certificate);
  g_test_add_func ("/sync/client/bad-url", test_bad_url);

  status = g_test_run ();
  g_string_free (captured_logs, TRUE);

  return status;
}
