/* test-json-writer.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-test"

#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>

#include "sc-json-writer.h"

/* What we write must read back, through json-glib, as what we meant. */

static void
test_round_trip (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  const char *tricky = "quote \" backslash \\ newline \n tab \t bell \a Zoë 売上";
  ScJsonWriter writer;
  JsonObject *object;
  JsonArray *array;

  sc_json_writer_init (&writer, out, TRUE);
  sc_json_writer_begin_object (&writer);
  sc_json_writer_member (&writer, "text");
  sc_json_writer_string (&writer, tricky);
  sc_json_writer_member (&writer, "nothing");
  sc_json_writer_string (&writer, NULL);
  sc_json_writer_member (&writer, "int");
  sc_json_writer_int (&writer, G_MININT64);
  sc_json_writer_member (&writer, "pi");
  sc_json_writer_double (&writer, G_PI);
  sc_json_writer_member (&writer, "tenth");
  sc_json_writer_double (&writer, 0.1);
  sc_json_writer_member (&writer, "nan");
  sc_json_writer_double (&writer, NAN);
  sc_json_writer_member (&writer, "yes");
  sc_json_writer_boolean (&writer, TRUE);
  sc_json_writer_member (&writer, "empty");
  sc_json_writer_begin_array (&writer);
  sc_json_writer_end_array (&writer);
  sc_json_writer_member (&writer, "list");
  sc_json_writer_begin_array (&writer);
  sc_json_writer_int (&writer, 1);
  sc_json_writer_begin_object (&writer);
  sc_json_writer_end_object (&writer);
  sc_json_writer_null (&writer);
  sc_json_writer_end_array (&writer);
  sc_json_writer_end_object (&writer);

  g_test_message ("%s", out->str);
  json_parser_load_from_data (parser, out->str, -1, &error);
  g_assert_no_error (error);

  object = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (object, "text"), ==, tricky);
  g_assert_true (json_object_get_null_member (object, "nothing"));
  g_assert_cmpint (json_object_get_int_member (object, "int"), ==, G_MININT64);
  g_assert_cmpfloat (json_object_get_double_member (object, "pi"), ==, G_PI);
  g_assert_cmpfloat (json_object_get_double_member (object, "tenth"), ==, 0.1);
  g_assert_true (json_object_get_null_member (object, "nan"));
  g_assert_true (json_object_get_boolean_member (object, "yes"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "empty")), ==, 0);
  array = json_object_get_array_member (object, "list");
  g_assert_cmpuint (json_array_get_length (array), ==, 3);
  g_assert_cmpint (json_array_get_int_element (array, 0), ==, 1);
}

static void
test_compact (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  ScJsonWriter writer;

  sc_json_writer_init (&writer, out, FALSE);
  sc_json_writer_begin_array (&writer);
  sc_json_writer_double (&writer, 2.5);
  sc_json_writer_double (&writer, 100);
  sc_json_writer_string (&writer, "a");
  sc_json_writer_end_array (&writer);

  g_assert_cmpstr (out->str, ==, "[2.5,100,\"a\"]");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/json-writer/round-trip", test_round_trip);
  g_test_add_func ("/core/json-writer/compact", test_compact);

  return g_test_run ();
}
