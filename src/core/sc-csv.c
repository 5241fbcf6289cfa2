/* sc-csv.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-csv"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sc-csv.h"

/* An RFC 4180 reader that makes one pass over borrowed memory. Unescaped
 * fields are copied back to back, each NUL-terminated, into one buffer the
 * reader keeps between records, so reading a record allocates nothing once
 * the buffer and the field array have grown to fit.
 */

struct _ScCsvReader
{
  const guchar  *data;
  gsize          length;
  gsize          pos;        /* where the next record may start */
  gsize          text_start; /* first byte after the BOM */
  guint          line;       /* physical line at pos, 1-based */

  char          *buf;
  gsize          buf_size;

  const char   **fields;     /* n_fields pointers into buf, then NULL */
  guint          fields_size;
};

/* Byte classes for the scanning loops. The quoted loop takes COMMA as plain
 * text, so it must stay right after PLAIN. OTHER marks the bytes that need
 * a UTF-8 check: everything above ASCII, and NUL, which no field can hold.
 */
enum
{
  CLASS_PLAIN,
  CLASS_COMMA,
  CLASS_QUOTE,
  CLASS_CR,
  CLASS_LF,
  CLASS_OTHER,
};

static const guint8 byte_class[256] = {
  ['\0'] = CLASS_OTHER,
  [','] = CLASS_COMMA,
  ['"'] = CLASS_QUOTE,
  ['\r'] = CLASS_CR,
  ['\n'] = CLASS_LF,
  [0x80 ... 0xFF] = CLASS_OTHER,
};

G_DEFINE_QUARK (sc-csv-error-quark, sc_csv_error)

/* Auxiliary methods */

static inline gboolean
is_line_break (guchar c)
{
  return c == '\n' || c == '\r';
}

/* Consumes the CR, LF or CRLF at @p, which must be one of them. */
static inline const guchar *
skip_line_break (const guchar *p,
                 const guchar *eof)
{
  if (*p++ == '\r' && p < eof && *p == '\n')
    p++;

  return p;
}

static void
ensure_buffer (ScCsvReader *self,
               gsize        size)
{
  if (self->buf_size >= size)
    return;

  /* The first record's window is the largest the input will ask for, so
   * the buffer grows once and needs no slack.
   */
  self->buf_size = size;
  g_free (self->buf);
  self->buf = g_malloc (self->buf_size);
}

static void
grow_fields (ScCsvReader *self)
{
  self->fields_size = MAX (16, self->fields_size * 2);
  self->fields = g_renew (const char *, self->fields, self->fields_size);
}

static void
skip_empty_lines (ScCsvReader *self)
{
  const guchar *eof = self->data + self->length;
  const guchar *p = self->data + self->pos;

  while (p < eof && is_line_break (*p))
    {
      p = skip_line_break (p, eof);
      self->line++;
    }

  self->pos = p - self->data;
}

/* Resyncs after a malformed record: drops everything up to and including
 * the next line break.
 */
static void
skip_line (ScCsvReader  *self,
           const guchar *p,
           guint         line)
{
  const guchar *eof = self->data + self->length;

  while (p < eof && !is_line_break (*p))
    p++;

  if (p < eof)
    {
      p = skip_line_break (p, eof);
      line++;
    }

  self->pos = p - self->data;
  self->line = line;
}

/* Resyncs after an oversized record: drops the rest of it, honouring quotes
 * so a quoted line break does not end it, and counting the lines it spans.
 */
static void
skip_record (ScCsvReader  *self,
             const guchar *p,
             guint         line,
             gboolean      in_quotes)
{
  const guchar *eof = self->data + self->length;

  while (p < eof)
    {
      if (*p == '"')
        {
          in_quotes = !in_quotes;
          p++;
        }
      else if (is_line_break (*p))
        {
          p = skip_line_break (p, eof);
          line++;

          if (!in_quotes)
            break;
        }
      else
        {
          p++;
        }
    }

  self->pos = p - self->data;
  self->line = line;
}

static gboolean
fail_too_large (ScCsvReader   *self,
                const guchar  *p,
                guint          line,
                gboolean       in_quotes,
                GError       **error)
{
  if (in_quotes)
    g_set_error (error, SC_CSV_ERROR, SC_CSV_ERROR_TOO_LARGE,
                 /* Translators: %u is a line number in a CSV file */
                 _("line %u: quoted field is larger than 1 MiB; is a closing quote missing?"),
                 self->line);
  else
    g_set_error (error, SC_CSV_ERROR, SC_CSV_ERROR_TOO_LARGE,
                 /* Translators: %u is a line number in a CSV file */
                 _("line %u: record is larger than 1 MiB"),
                 self->line);

  skip_record (self, p, line, in_quotes);

  return FALSE;
}

/* The 1-based column of @at within its physical line, in characters. */
static guint
column_of (ScCsvReader  *self,
           const guchar *at)
{
  const guchar *begin = self->data + self->text_start;
  const guchar *p = at;
  guint column = 1;

  while (p > begin && !is_line_break (p[-1]))
    p--;

  for (; p < at; p++)
    {
      if ((*p & 0xC0) != 0x80)
        column++;
    }

  return column;
}

/* The physical line of @at, counting breaks from the start of the record. */
static guint
line_of (const guchar *record,
         guint         record_line,
         const guchar *at)
{
  const guchar *p = record;
  guint line = record_line;

  while (p < at)
    {
      if (is_line_break (*p))
        {
          p = skip_line_break (p, at);
          line++;
        }
      else
        {
          p++;
        }
    }

  return line;
}

static gboolean
needs_quotes (const char *field,
              gsize       length)
{
  if (length == 0)
    return FALSE;

  /* Leading and trailing blanks would be lost to a trimming reader, and a
   * leading U+FEFF to a reader that takes it for a byte order mark.
   */
  if (field[0] == ' ' || field[0] == '\t' ||
      field[length - 1] == ' ' || field[length - 1] == '\t' ||
      (length >= 3 && memcmp (field, "\xEF\xBB\xBF", 3) == 0))
    return TRUE;

  return strpbrk (field, ",\"\r\n") != NULL;
}

/* Public API */

/**
 * sc_csv_reader_new:
 * @data: (array length=length): CSV text, which need not be NUL-terminated
 * @length: the length of @data in bytes
 *
 * Creates a reader over @data. The reader borrows @data, which must outlive
 * it. A leading UTF-8 byte order mark is skipped.
 *
 * Returns: (transfer full): a new reader; free it with sc_csv_reader_free()
 */
ScCsvReader *
sc_csv_reader_new (const char *data,
                   gsize       length)
{
  ScCsvReader *self;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  self = g_new0 (ScCsvReader, 1);
  /* Even adding 0 to NULL is undefined. */
  self->data = (const guchar *) (data != NULL ? data : "");
  self->length = length;
  self->line = 1;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    self->pos = self->text_start = 3;

  return self;
}

/**
 * sc_csv_reader_free:
 * @reader: (nullable): a reader
 *
 * Frees @reader and the fields it last returned.
 */
void
sc_csv_reader_free (ScCsvReader *reader)
{
  if (reader == NULL)
    return;

  g_free (reader->buf);
  g_free (reader->fields);
  g_free (reader);
}

/**
 * sc_csv_reader_at_end:
 * @reader: a reader
 *
 * Returns: %TRUE if only empty lines, or nothing, remain to be read
 */
gboolean
sc_csv_reader_at_end (ScCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, TRUE);

  skip_empty_lines (reader);

  return reader->pos >= reader->length;
}

/**
 * sc_csv_reader_next:
 * @reader: a reader
 * @fields: (out) (optional) (array length=n_fields) (transfer none): the
 *   record's fields, NUL-terminated UTF-8 strings followed by a %NULL, owned
 *   by @reader and valid until the next call
 * @n_fields: (out) (optional): the number of fields, at least 1
 * @line: (out) (optional): the 1-based physical line where the record
 *   starts, also set when the record is malformed
 * @error: return location for a #GError in the %SC_CSV_ERROR domain
 *
 * Reads the next record, skipping empty lines. Fields are not trimmed.
 *
 * On a malformed record this returns %FALSE with @error set, and the reader
 * moves past the bad record so the caller may carry on reading and report
 * every bad row. At the end of the input it returns %FALSE, @error unset.
 *
 * Returns: %TRUE if a record was read
 */
gboolean
sc_csv_reader_next (ScCsvReader         *reader,
                    const char * const **fields,
                    guint               *n_fields,
                    guint               *line,
                    GError             **error)
{
  const guchar *record;
  const guchar *p;
  const guchar *limit;
  const guchar *eof;
  const guchar *content_end;
  char *out;
  guint cur_line;
  guint quote_line;
  guint n = 0;
  gboolean check_utf8 = FALSE;
  guint8 c = CLASS_PLAIN;

  g_return_val_if_fail (reader != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (fields != NULL)
    *fields = NULL;
  if (n_fields != NULL)
    *n_fields = 0;

  skip_empty_lines (reader);

  if (reader->pos >= reader->length)
    return FALSE;

  if (line != NULL)
    *line = reader->line;

  record = p = reader->data + reader->pos;
  eof = reader->data + reader->length;
  cur_line = reader->line;

  /* Scanning stops one byte past the largest record allowed, so we never
   * copy more than that. A CRLF or a doubled quote may step one further,
   * and each field adds a NUL but drops its separator, hence the two spare
   * bytes.
   */
  limit = record + MIN (reader->length - reader->pos, (gsize) SC_CSV_MAX_RECORD_SIZE + 1);
  ensure_buffer (reader, (limit - record) + 2);
  out = reader->buf;

  for (;;)
    {
      const guchar *span;

      if (n + 1 >= reader->fields_size)
        grow_fields (reader);
      reader->fields[n++] = out;

      if (p < limit && *p == '"')
        {
          quote_line = cur_line;
          p++;

          for (;;)
            {
              span = p;
              while (p < limit && (c = byte_class[*p]) <= CLASS_COMMA)
                p++;
              memcpy (out, span, p - span);
              out += p - span;

              if (p >= limit)
                {
                  if ((gsize) (p - record) > SC_CSV_MAX_RECORD_SIZE)
                    return fail_too_large (reader, p, cur_line, TRUE, error);

                  reader->pos = reader->length;
                  reader->line = cur_line;
                  g_set_error (error, SC_CSV_ERROR, SC_CSV_ERROR_UNTERMINATED_QUOTE,
                               /* Translators: %u is a line number in a CSV file */
                               _("line %u: unterminated quoted field"),
                               quote_line);
                  return FALSE;
                }

              if (c == CLASS_QUOTE)
                {
                  if (p + 1 < eof && p[1] == '"')
                    {
                      *out++ = '"';
                      p += 2;
                      continue;
                    }

                  p++;
                  break;
                }
              else if (c == CLASS_CR)
                {
                  *out++ = '\r';
                  p++;
                  if (p < eof && *p == '\n')
                    {
                      *out++ = '\n';
                      p++;
                    }
                  cur_line++;
                }
              else if (c == CLASS_LF)
                {
                  *out++ = '\n';
                  p++;
                  cur_line++;
                }
              else
                {
                  check_utf8 = TRUE;
                  *out++ = *p++;
                }
            }

          if (p >= limit)
            {
              if ((gsize) (p - record) > SC_CSV_MAX_RECORD_SIZE)
                return fail_too_large (reader, p, cur_line, FALSE, error);
              break;
            }

          c = byte_class[*p];
          if (c != CLASS_COMMA && c != CLASS_CR && c != CLASS_LF)
            {
              g_set_error (error, SC_CSV_ERROR, SC_CSV_ERROR_BAD_QUOTE,
                           /* Translators: a line and a column number in a CSV file */
                           _("line %u, column %u: unexpected text after a closing quote"),
                           cur_line, column_of (reader, p));
              skip_line (reader, p, cur_line);
              return FALSE;
            }
        }
      else
        {
          for (;;)
            {
              span = p;
              while (p < limit && (c = byte_class[*p]) == CLASS_PLAIN)
                p++;
              memcpy (out, span, p - span);
              out += p - span;

              if (p >= limit || c != CLASS_OTHER)
                break;

              check_utf8 = TRUE;
              *out++ = *p++;
            }

          if (p >= limit)
            {
              if ((gsize) (p - record) > SC_CSV_MAX_RECORD_SIZE)
                return fail_too_large (reader, p, cur_line, FALSE, error);
              break;
            }

          if (c == CLASS_QUOTE)
            {
              g_set_error (error, SC_CSV_ERROR, SC_CSV_ERROR_BAD_QUOTE,
                           /* Translators: a line and a column number in a CSV file */
                           _("line %u, column %u: quote inside an unquoted field"),
                           cur_line, column_of (reader, p));
              skip_line (reader, p, cur_line);
              return FALSE;
            }
        }

      /* Here *p is a comma or a line break. */
      *out++ = '\0';

      if (c != CLASS_COMMA)
        break;

      p++;

      if (n == SC_CSV_MAX_FIELDS)
        {
          g_set_error (error, SC_CSV_ERROR, SC_CSV_ERROR_TOO_LARGE,
                       /* Translators: a line number in a CSV file, then a count */
                       _("line %u: record has more than %u fields"),
                       reader->line, (guint) SC_CSV_MAX_FIELDS);
          skip_record (reader, p, cur_line, FALSE);
          return FALSE;
        }
    }

  /* The record ended at a line break or at the end of the input. */
  content_end = p;
  if (p < eof)
    {
      p = skip_line_break (p, eof);
      cur_line++;
    }
  else
    {
      *out++ = '\0';
    }

  reader->fields[n] = NULL;
  g_assert ((gsize) (out - reader->buf) <= (gsize) (limit - record) + 2);

  if (check_utf8)
    {
      const char *bad = NULL;

      if (!g_utf8_validate_len ((const char *) record, content_end - record, &bad))
        {
          guint bad_line = line_of (record, reader->line, (const guchar *) bad);

          reader->pos = p - reader->data;
          reader->line = cur_line;

          if (*bad == '\0')
            g_set_error (error, SC_CSV_ERROR, SC_CSV_ERROR_INVALID_UTF8,
                         /* Translators: %u is a line number in a CSV file */
                         _("line %u: text contains a NUL byte"),
                         bad_line);
          else
            g_set_error (error, SC_CSV_ERROR, SC_CSV_ERROR_INVALID_UTF8,
                         /* Translators: %u is a line number in a CSV file */
                         _("line %u: text is not valid UTF-8"),
                         bad_line);
          return FALSE;
        }
    }

  reader->pos = p - reader->data;
  reader->line = cur_line;

  if (fields != NULL)
    *fields = reader->fields;
  if (n_fields != NULL)
    *n_fields = n;

  return TRUE;
}

/**
 * sc_csv_append_field:
 * @line: the line being built
 * @field: (nullable): the field's text; %NULL is written as an empty field
 *
 * Appends @field to @line, quoted when it holds a comma, a quote, a line
 * break, leading or trailing blanks, or a leading U+FEFF, with any quotes
 * doubled. No separator is added.
 */
void
sc_csv_append_field (GString    *line,
                     const char *field)
{
  const char *quote;
  gsize length;

  g_return_if_fail (line != NULL);

  if (field == NULL)
    return;

  length = strlen (field);

  if (!needs_quotes (field, length))
    {
      g_string_append_len (line, field, length);
      return;
    }

  g_string_append_c (line, '"');

  while ((quote = strchr (field, '"')) != NULL)
    {
      g_string_append_len (line, field, quote - field + 1);
      g_string_append_c (line, '"');
      field = quote + 1;
    }

  g_string_append (line, field);
  g_string_append_c (line, '"');
}

/**
 * sc_csv_append_row:
 * @out: the text being built
 * @fields: (array length=n_fields) (nullable): the fields
 * @n_fields: the number of fields
 *
 * Appends one record to @out: the fields as sc_csv_append_field() writes
 * them, separated by commas and ended by "\n".
 */
void
sc_csv_append_row (GString            *out,
                   const char * const *fields,
                   guint               n_fields)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (fields != NULL || n_fields == 0);

  /* A lone empty field would make an empty line, which readers skip. */
  if (n_fields == 1 && (fields[0] == NULL || fields[0][0] == '\0'))
    {
      g_string_append (out, "\"\"\n");
      return;
    }

  for (guint i = 0; i < n_fields; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      sc_csv_append_field (out, fields[i]);
    }

  g_string_append_c (out, '\n');
}
