/* sc-json-writer.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-json-writer"

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "sc-json-writer.h"

/* Auxiliary methods */

static void
newline (ScJsonWriter *writer)
{
  if (!writer->pretty)
    return;

  g_string_append_c (writer->out, '\n');
  for (guint i = 0; i < writer->depth; i++)
    g_string_append (writer->out, "  ");
}

/* Separates values: a comma after the previous one, then indentation.
 * A value right after its member name needs neither. */
static void
before_value (ScJsonWriter *writer)
{
  if (writer->after_member)
    {
      writer->after_member = FALSE;
      return;
    }

  if (writer->depth == 0)
    return;

  if (!writer->first[writer->depth])
    g_string_append_c (writer->out, ',');
  writer->first[writer->depth] = FALSE;
  newline (writer);
}

static void
begin (ScJsonWriter *writer,
       char          open)
{
  before_value (writer);
  g_string_append_c (writer->out, open);
  g_return_if_fail (writer->depth + 1 < SC_JSON_WRITER_MAX_DEPTH);
  writer->depth++;
  writer->first[writer->depth] = TRUE;
}

static void
end (ScJsonWriter *writer,
     char          close)
{
  gboolean empty;

  g_return_if_fail (writer->depth > 0);

  empty = writer->first[writer->depth];
  writer->depth--;
  if (!empty)
    newline (writer);
  g_string_append_c (writer->out, close);
}

static void
append_escaped (GString    *out,
                const char *text)
{
  static const char hex[] = "0123456789abcdef";

  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar)*p;

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if (c < 0x20)
            {
              g_string_append (out, "\\u00");
              g_string_append_c (out, hex[c >> 4]);
              g_string_append_c (out, hex[c & 0xf]);
            }
          else
            g_string_append_c (out, (char)c);
        }
    }
  g_string_append_c (out, '"');
}

/* Public API */

void
sc_json_writer_init (ScJsonWriter *writer,
                     GString      *out,
                     gboolean      pretty)
{
  g_return_if_fail (writer != NULL);
  g_return_if_fail (out != NULL);

  writer->out = out;
  writer->pretty = pretty;
  writer->depth = 0;
  writer->first[0] = TRUE;
  writer->after_member = FALSE;
}

void
sc_json_writer_begin_object (ScJsonWriter *writer)
{
  begin (writer, '{');
}

void
sc_json_writer_end_object (ScJsonWriter *writer)
{
  end (writer, '}');
}

void
sc_json_writer_begin_array (ScJsonWriter *writer)
{
  begin (writer, '[');
}

void
sc_json_writer_end_array (ScJsonWriter *writer)
{
  end (writer, ']');
}

void
sc_json_writer_member (ScJsonWriter *writer,
                       const char   *name)
{
  before_value (writer);
  append_escaped (writer->out, name);
  g_string_append (writer->out, writer->pretty ? ": " : ":");
  writer->after_member = TRUE;
}

/**
 * sc_json_writer_string:
 * @writer: a #ScJsonWriter
 * @value: (nullable): UTF-8 text, or %NULL for null
 */
void
sc_json_writer_string (ScJsonWriter *writer,
                       const char   *value)
{
  before_value (writer);
  if (value == NULL)
    g_string_append (writer->out, "null");
  else
    append_escaped (writer->out, value);
}

void
sc_json_writer_int (ScJsonWriter *writer,
                    gint64        value)
{
  before_value (writer);
  g_string_append_printf (writer->out, "%" G_GINT64_FORMAT, value);
}

/* The shortest text that reads back as the same double, as JavaScript
 * prints numbers; JSON has no NaN or infinity, so those are null. */
void
sc_json_writer_double (ScJsonWriter *writer,
                       double        value)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  before_value (writer);

  if (!isfinite (value))
    {
      g_string_append (writer->out, "null");
      return;
    }

  /* -0 reads back as the integer 0: write it so. */
  if (value == 0.0)
    value = 0.0;

  g_ascii_formatd (text, sizeof text, "%.15g", value);
  if (g_ascii_strtod (text, NULL) != value)
    g_ascii_formatd (text, sizeof text, "%.17g", value);
  g_string_append (writer->out, text);
}

void
sc_json_writer_boolean (ScJsonWriter *writer,
                        gboolean      value)
{
  before_value (writer);
  g_string_append (writer->out, value ? "true" : "false");
}

void
sc_json_writer_null (ScJsonWriter *writer)
{
  before_value (writer);
  g_string_append (writer->out, "null");
}

/**
 * sc_json_writer_node:
 * @writer: a #ScJsonWriter
 * @node: a json-glib tree
 *
 * Writes a json-glib tree. Use this rather than json_to_string(): json-glib
 * 1.6 writes a double such as 1e+20 as "1e+20.0", which is not JSON (and
 * which SQLite's json_valid() and every server refuse).
 */
void
sc_json_writer_node (ScJsonWriter *writer,
                     JsonNode     *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      sc_json_writer_null (writer);
      return;
    }

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;

        if (writer->depth + 1 >= SC_JSON_WRITER_MAX_DEPTH)
          {
            sc_json_writer_null (writer);
            return;
          }
        sc_json_writer_begin_object (writer);
        json_object_iter_init_ordered (&iter, json_node_get_object (node));
        while (json_object_iter_next_ordered (&iter, &name, &member))
          {
            sc_json_writer_member (writer, name);
            sc_json_writer_node (writer, member);
          }
        sc_json_writer_end_object (writer);
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        if (writer->depth + 1 >= SC_JSON_WRITER_MAX_DEPTH)
          {
            sc_json_writer_null (writer);
            return;
          }
        sc_json_writer_begin_array (writer);
        for (guint i = 0; i < json_array_get_length (array); i++)
          sc_json_writer_node (writer, json_array_get_element (array, i));
        sc_json_writer_end_array (writer);
      }
      break;

    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_INT64:
          sc_json_writer_int (writer, json_node_get_int (node));
          break;
        case G_TYPE_DOUBLE:
          sc_json_writer_double (writer, json_node_get_double (node));
          break;
        case G_TYPE_BOOLEAN:
          sc_json_writer_boolean (writer, json_node_get_boolean (node));
          break;
        case G_TYPE_STRING:
          sc_json_writer_string (writer, json_node_get_string (node));
          break;
        default:
          sc_json_writer_null (writer);
          break;
        }
      break;

    case JSON_NODE_NULL:
    default:
      sc_json_writer_null (writer);
      break;
    }
}

/**
 * sc_json_node_to_string:
 * @node: a json-glib tree
 * @pretty: whether to indent
 *
 * Returns: (transfer full): @node as JSON text; see sc_json_writer_node()
 */
char *
sc_json_node_to_string (JsonNode *node,
                        gboolean  pretty)
{
  GString *out = g_string_new (NULL);
  ScJsonWriter writer;

  sc_json_writer_init (&writer, out, pretty);
  sc_json_writer_node (&writer, node);

  return g_string_free (out, FALSE);
}
