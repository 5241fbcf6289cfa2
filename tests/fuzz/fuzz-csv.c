/* fuzz-csv.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fuzz-csv"

#include "config.h"

#include <stdint.h>

#include "sc-csv.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* Writes a record back out and checks that it reads back as itself. */
static void
round_trip (const char * const *fields,
            guint               n_fields)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(ScCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *again;
  guint n_again;
  guint line;

  sc_csv_append_row (text, fields, n_fields);
  reader = sc_csv_reader_new (text->str, text->len);

  /* Quoting can push a record that fitted past the size limit. */
  if (text->len - 1 > SC_CSV_MAX_RECORD_SIZE)
    {
      g_assert_false (sc_csv_reader_next (reader, &again, &n_again, &line, &error));
      g_assert_error (error, SC_CSV_ERROR, SC_CSV_ERROR_TOO_LARGE);
      return;
    }

  g_assert_true (sc_csv_reader_next (reader, &again, &n_again, &line, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (line, ==, 1);
  g_assert_cmpuint (n_again, ==, n_fields);
  for (guint i = 0; i < n_fields; i++)
    g_assert_cmpstr (again[i], ==, fields[i]);

  g_assert_true (sc_csv_reader_at_end (reader));
  g_assert_false (sc_csv_reader_next (reader, &again, &n_again, &line, &error));
  g_assert_no_error (error);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(ScCsvReader) reader = sc_csv_reader_new ((const char *) data, size);
  guint last_line = 0;
  gsize calls = 0;

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      const char * const *fields;
      guint n_fields;
      guint line = 0;
      gboolean ok;

      /* Every call must consume input, or the caller loops forever. */
      g_assert_cmpuint (++calls, <=, size + 1);

      ok = sc_csv_reader_next (reader, &fields, &n_fields, &line, &error);

      if (!ok && error == NULL)
        {
          g_assert_true (sc_csv_reader_at_end (reader));
          break;
        }

      /* Records never share a line, good or bad. */
      g_assert_cmpuint (line, >, last_line);
      last_line = line;

      if (!ok)
        {
          g_assert_true (error->domain == SC_CSV_ERROR);
          g_assert_cmpint (error->code, >=, SC_CSV_ERROR_UNTERMINATED_QUOTE);
          g_assert_cmpint (error->code, <=, SC_CSV_ERROR_TOO_LARGE);
          g_assert_null (fields);
          continue;
        }

      g_assert_no_error (error);
      g_assert_cmpuint (n_fields, >=, 1);
      g_assert_cmpuint (n_fields, <=, SC_CSV_MAX_FIELDS);
      g_assert_null (fields[n_fields]);
      for (guint i = 0; i < n_fields; i++)
        g_assert_true (g_utf8_validate (fields[i], -1, NULL));

      round_trip (fields, n_fields);
    }

  return 0;
}
