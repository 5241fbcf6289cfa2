/* test-json-writer.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-test"

#include "config.h"

#include <string.h>

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

/* json-glib 1.6 writes 1e+20 as "1e+20.0"; ours must stay JSON, and read
 * back to the same tree, whatever the values. */
static void
test_node (void)
{
  static const double values[] = { 1e20, 3e51, 1e-300, -2.5e-7, 123.456, 0.1, 70, -0.0 };
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  JsonArray *array;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "values");
  json_builder_begin_array (builder);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    json_builder_add_double_value (builder, values[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, "Marge « brute » \"x\"\n");
  json_builder_set_member_name (builder, "n");
  json_builder_add_int_value (builder, G_MAXINT64);
  json_builder_set_member_name (builder, "ok");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_set_member_name (builder, "none");
  json_builder_add_null_value (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  text = sc_json_node_to_string (root, FALSE);
  back = json_from_string (text, &error);
  g_assert_no_error (error);
  array = json_object_get_array_member (json_node_get_object (back), "values");
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    g_assert_cmpfloat (json_node_get_double (json_array_get_element (array, i)), ==, values[i]);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (back), "text"), ==,
                   "Marge « brute » \"x\"\n");
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (back), "n"), ==, G_MAXINT64);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (back), "ok"));
  g_assert_true (json_object_get_null_member (json_node_get_object (back), "none"));
  g_assert_null (strstr (text, "e+20.0"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/json-writer/round-trip", test_round_trip);
  g_test_add_func ("/core/json-writer/compact", test_compact);
  g_test_add_func ("/core/json-writer/node", test_node);

  return g_test_run ();
}
