/* sc-csv.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SC_CSV_ERROR (sc_csv_error_quark ())

/**
 * ScCsvError:
 * @SC_CSV_ERROR_UNTERMINATED_QUOTE: the input ends inside a quoted field
 * @SC_CSV_ERROR_BAD_QUOTE: a quote inside an unquoted field, or text
 *   between a closing quote and the next separator
 * @SC_CSV_ERROR_INVALID_UTF8: a record is not valid UTF-8, or holds a NUL
 * @SC_CSV_ERROR_TOO_LARGE: a record is over %SC_CSV_MAX_RECORD_SIZE bytes
 *   or %SC_CSV_MAX_FIELDS fields
 *
 * Errors from sc_csv_reader_next(). Each message names the line, and
 * where it helps the column, so it can be shown to the user as it is.
 */
typedef enum
{
  SC_CSV_ERROR_UNTERMINATED_QUOTE,
  SC_CSV_ERROR_BAD_QUOTE,
  SC_CSV_ERROR_INVALID_UTF8,
  SC_CSV_ERROR_TOO_LARGE,
} ScCsvError;

/* A record may span at most this many bytes of input (terminator excluded)
 * and hold at most this many fields.
 */
#define SC_CSV_MAX_RECORD_SIZE (1024 * 1024)
#define SC_CSV_MAX_FIELDS      4096

GQuark       sc_csv_error_quark   (void);

typedef struct _ScCsvReader ScCsvReader;

ScCsvReader *sc_csv_reader_new    (const char         *data,
                                   gsize               length);
void         sc_csv_reader_free   (ScCsvReader        *reader);
gboolean     sc_csv_reader_next   (ScCsvReader        *reader,
                                   const char * const **fields,
                                   guint              *n_fields,
                                   guint              *line,
                                   GError            **error);
gboolean     sc_csv_reader_at_end (ScCsvReader        *reader);

void         sc_csv_append_field  (GString            *line,
                                   const char         *field);
void         sc_csv_append_row    (GString            *out,
                                   const char * const *fields,
                                   guint               n_fields);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScCsvReader, sc_csv_reader_free)

G_END_DECLS
