/* sc-json-writer.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define SC_JSON_WRITER_MAX_DEPTH 32

/**
 * ScJsonWriter:
 *
 * Writes JSON text straight into a #GString, for exports too large to
 * build as a json-glib tree first. Reading JSON stays with json-glib.
 */
typedef struct
{
  GString  *out;
  gboolean  pretty;
  guint     depth;
  gboolean  first[SC_JSON_WRITER_MAX_DEPTH];
  gboolean  after_member;
} ScJsonWriter;

void sc_json_writer_init         (ScJsonWriter *writer,
                                  GString      *out,
                                  gboolean      pretty);
void sc_json_writer_begin_object (ScJsonWriter *writer);
void sc_json_writer_end_object   (ScJsonWriter *writer);
void sc_json_writer_begin_array  (ScJsonWriter *writer);
void sc_json_writer_end_array    (ScJsonWriter *writer);
void sc_json_writer_member       (ScJsonWriter *writer,
                                  const char   *name);
void sc_json_writer_string       (ScJsonWriter *writer,
                                  const char   *value);
void sc_json_writer_int          (ScJsonWriter *writer,
                                  gint64        value);
void sc_json_writer_double       (ScJsonWriter *writer,
                                  double        value);
void sc_json_writer_boolean      (ScJsonWriter *writer,
                                  gboolean      value);
void sc_json_writer_null         (ScJsonWriter *writer);
void sc_json_writer_node         (ScJsonWriter *writer,
                                  JsonNode     *node);

char *sc_json_node_to_string     (JsonNode     *node,
                                  gboolean      pretty);

G_END_DECLS
