/* test-fake-odoo.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-test"

#include "config.h"

#include <string.h>

#include <libsoup/soup.h>

#include "sc-fake-odoo.h"

/* The fake answers like the real server: every request of the transcripts
 * is replayed, in order, against one fake, and its answer compared with
 * the recorded one. Status, content type, cookies and every error field
 * must match; results must match exactly where the fake holds the same
 * data (then the byte count matches too), and in shape elsewhere.
 */

/* The API-key wizard of the web client is not part of the fake. */
static const char * const skipped[] = { "50a-", "50b-", "50c-", "50d-", "99-", NULL };

/* Requests the recorder made with its web session's cookies. */
static const char * const with_cookies[] = { "07-", "08-", "09-", "10-", "53-", "55-", NULL };

/* Transcripts whose results the fake reproduces byte for byte. */
static const char * const exact[] = {
  "01-", "02-", "03-", "04-", "05-", "06-", "07-", "09-", "10-", "15-", "16-", "17-", "18-",
  "19-", "20-", "22-", "23-", "23b-", "23c-", "27-", "27b-", "32a-", "32b-", "32e-", "51-",
  "52-", "55-", NULL
};

typedef struct
{
  ScFakeOdoo  *server;
  SoupSession *plain;
  SoupSession *web;
  GPtrArray   *files;
} Replay;

static Replay replay;

static gboolean
has_prefix_in (const char         *file,
               const char * const *prefixes)
{
  for (guint i = 0; prefixes[i] != NULL; i++)
    if (g_str_has_prefix (file, prefixes[i]))
      return TRUE;

  return FALSE;
}

static void
assert_same_shape (JsonNode *ours,
                   JsonNode *theirs)
{
  g_assert_cmpint (json_node_get_node_type (ours), ==, json_node_get_node_type (theirs));

  if (JSON_NODE_HOLDS_VALUE (theirs))
    g_assert_true (json_node_get_value_type (ours) == json_node_get_value_type (theirs));

  if (JSON_NODE_HOLDS_ARRAY (theirs))
    {
      JsonArray *a = json_node_get_array (ours);
      JsonArray *b = json_node_get_array (theirs);

      if (json_array_get_length (a) > 0 && json_array_get_length (b) > 0)
        assert_same_shape (json_array_get_element (a, 0), json_array_get_element (b, 0));
    }

  if (JSON_NODE_HOLDS_OBJECT (theirs))
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;
      JsonObject *ours_object = json_node_get_object (ours);
      g_autoptr(GList) ours_names = json_object_get_members (ours_object);
      g_autoptr(GList) theirs_names = json_object_get_members (json_node_get_object (theirs));

      /* Same keys, same order (Odoo's dicts keep the fields' order). */
      g_assert_cmpuint (g_list_length (ours_names), ==, g_list_length (theirs_names));
      json_object_iter_init_ordered (&iter, json_node_get_object (theirs));
      for (GList *l = ours_names; json_object_iter_next_ordered (&iter, &name, &member); l = l->next)
        {
          JsonNode *mine = json_object_get_member (ours_object, name);

          g_assert_cmpstr (l->data, ==, name);
          g_assert_nonnull (mine);
          /* false stands for an empty value of any type. */
          if (!(JSON_NODE_HOLDS_VALUE (member) && json_node_get_value_type (member) == G_TYPE_BOOLEAN) &&
              !(JSON_NODE_HOLDS_VALUE (mine) && json_node_get_value_type (mine) == G_TYPE_BOOLEAN))
            assert_same_shape (mine, member);
        }
    }
}

static void
assert_member_equal (JsonObject *ours,
                     JsonObject *theirs,
                     const char *name)
{
  JsonNode *a = json_object_get_member (ours, name);
  JsonNode *b = json_object_get_member (theirs, name);

  if (b == NULL)
    {
      g_assert_null (a);
      return;
    }

  g_assert_nonnull (a);
  if (!json_node_equal (a, b))
    {
      g_autofree char *a_text = json_to_string (a, FALSE);
      g_autofree char *b_text = json_to_string (b, FALSE);

      g_assert_cmpstr (a_text, ==, b_text);
    }
}

static void
test_replay (gconstpointer data)
{
  const char *file = data;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "sync", "transcripts", file, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) answer_parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GBytes) answer = NULL;
  g_autofree char *url = NULL;
  g_auto(GStrv) endpoint = NULL;
  JsonObject *transcript;
  JsonObject *headers;
  JsonNode *request;
  JsonNode *response;
  const char *content_type;
  const char *set_cookie;
  SoupSession *session;
  gsize answer_length;
  const char *answer_data;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  transcript = json_node_get_object (json_parser_get_root (parser));
  headers = json_object_get_object_member (transcript, "response_headers");
  request = json_object_get_member (transcript, "request");
  response = json_object_get_member (transcript, "response");

  endpoint = g_strsplit (json_object_get_string_member (transcript, "endpoint"), " ", 2);
  url = g_strconcat (sc_fake_odoo_get_url (replay.server), endpoint[1], NULL);
  message = soup_message_new (endpoint[0], url);

  if (JSON_NODE_HOLDS_OBJECT (request))
    {
      char *text = json_to_string (request, FALSE);

      body = g_bytes_new_take (text, strlen (text));
    }
  else
    body = g_bytes_new (json_node_get_string (request), strlen (json_node_get_string (request)));

  content_type = json_object_get_string_member (transcript, "request_content_type");
  if (g_bytes_get_size (body) > 0)
    soup_message_set_request_body_from_bytes (message, content_type, body);
  else
    soup_message_headers_replace (soup_message_get_request_headers (message), "Content-Type", content_type);

  session = has_prefix_in (file, with_cookies) ? replay.web : replay.plain;
  answer = soup_session_send_and_read (session, message, NULL, &error);
  g_assert_no_error (error);
  answer_data = g_bytes_get_data (answer, &answer_length);

  g_assert_cmpint (soup_message_get_status (message), ==, json_object_get_int_member (transcript, "response_status"));
  g_assert_cmpstr (soup_message_headers_get_one (soup_message_get_response_headers (message), "Content-Type"), ==,
                   json_object_get_string_member (headers, "Content-Type"));

  set_cookie = soup_message_headers_get_list (soup_message_get_response_headers (message), "Set-Cookie");
  if (json_object_has_member (headers, "Set-Cookie"))
    {
      g_assert_nonnull (set_cookie);
      g_assert_true (g_str_has_prefix (set_cookie, JSON_NODE_HOLDS_ARRAY (json_object_get_member (headers, "Set-Cookie"))
                                                   ? "cids=; " : "session_id="));
      g_assert_nonnull (strstr (set_cookie, "Max-Age="));
    }
  else
    g_assert_null (set_cookie);

  if (!JSON_NODE_HOLDS_OBJECT (response))
    {
      g_autofree char *text = g_strndup (answer_data, answer_length);

      g_assert_cmpstr (text, ==, json_node_get_string (response));
      return;
    }

  json_parser_load_from_data (answer_parser, answer_data, answer_length, &error);
  g_assert_no_error (error);

  {
    JsonObject *ours = json_node_get_object (json_parser_get_root (answer_parser));
    JsonObject *theirs = json_node_get_object (response);

    assert_member_equal (ours, theirs, "jsonrpc");
    assert_member_equal (ours, theirs, "id");

    if (json_object_has_member (theirs, "error"))
      {
        JsonObject *ours_error = json_object_get_object_member (ours, "error");
        JsonObject *theirs_error = json_object_get_object_member (theirs, "error");
        JsonObject *ours_data, *theirs_data;

        g_assert_nonnull (ours_error);
        g_assert_false (json_object_has_member (ours, "result"));
        assert_member_equal (ours_error, theirs_error, "code");
        assert_member_equal (ours_error, theirs_error, "message");
        ours_data = json_object_get_object_member (ours_error, "data");
        theirs_data = json_object_get_object_member (theirs_error, "data");
        assert_member_equal (ours_data, theirs_data, "name");
        assert_member_equal (ours_data, theirs_data, "message");
        assert_member_equal (ours_data, theirs_data, "arguments");
        assert_member_equal (ours_data, theirs_data, "context");
        g_assert_nonnull (json_object_get_string_member (ours_data, "debug"));
      }
    else if (json_object_has_member (theirs, "result"))
      {
        g_assert_false (json_object_has_member (ours, "error"));
        if (has_prefix_in (file, exact))
          {
            assert_member_equal (ours, theirs, "result");
            g_assert_cmpuint (answer_length, ==,
                              g_ascii_strtoull (json_object_get_string_member (headers, "Content-Length"), NULL, 10));
          }
        else
          assert_same_shape (json_object_get_member (ours, "result"), json_object_get_member (theirs, "result"));
      }
    else
      {
        g_assert_false (json_object_has_member (ours, "result"));
        g_assert_false (json_object_has_member (ours, "error"));
        g_assert_cmpuint (answer_length, ==,
                          g_ascii_strtoull (json_object_get_string_member (headers, "Content-Length"), NULL, 10));
      }
  }
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
  g_autoptr(GError) error = NULL;
  g_autofree char *dir_path = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  int status;

  /* Loopback only: no proxy may stand between the client and the fake. */
  g_setenv ("no_proxy", "127.0.0.1,localhost", TRUE);
  g_unsetenv ("http_proxy");
  g_unsetenv ("https_proxy");

  g_test_init (&argc, &argv, NULL);

  replay.server = sc_fake_odoo_new (&error);
  g_assert_no_error (error);
  /* Transcript 17 created submission 100085. */
  sc_fake_odoo_set_next_id (replay.server, "kpi.report.submission", 100085);
  replay.plain = soup_session_new ();
  replay.web = soup_session_new ();
  soup_session_add_feature_by_type (replay.web, SOUP_TYPE_COOKIE_JAR);

  replay.files = g_ptr_array_new_with_free_func (g_free);
  dir_path = g_test_build_filename (G_TEST_DIST, "sync", "transcripts", NULL);
  dir = g_dir_open (dir_path, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".json") && !has_prefix_in (name, skipped))
      g_ptr_array_add (replay.files, g_strdup (name));
  g_ptr_array_sort (replay.files, compare_names);

  /* In order: later transcripts see the changes of earlier ones. */
  for (guint i = 0; i < replay.files->len; i++)
    {
      g_autofree char *test_path = g_strdup_printf ("/sync/fake-odoo/replay/%s",
                                                    (char *) g_ptr_array_index (replay.files, i));

      g_test_add_data_func (test_path, g_ptr_array_index (replay.files, i), test_replay);
    }

  status = g_test_run ();

  g_clear_object (&replay.plain);
  g_clear_object (&replay.web);
  g_assert_finalize_object (replay.server);
  g_clear_pointer (&replay.files, g_ptr_array_unref);

  return status;
}
