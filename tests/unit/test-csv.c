/* test-csv.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-csv"

#include "config.h"

#include <string.h>

#include "sc-csv.h"

/* Reads all of @csv, which is copied to a buffer of exactly @length bytes
 * so any read past the end shows up under ASan, and describes each record
 * as "LINE:[field][field]\n", or each error as "LINE!CODE: message\n".
 */
static char *
describe_len (const char *csv,
              gsize       length)
{
  g_autofree char *copy = g_memdup2 (csv, length);
  g_autoptr(ScCsvReader) reader = sc_csv_reader_new (copy, length);
  GString *out = g_string_new (NULL);
  guint calls = 0;

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      const char * const *fields;
      guint n_fields;
      guint line = 0;

      g_assert_cmpuint (++calls, <=, length + 1);

      if (sc_csv_reader_next (reader, &fields, &n_fields, &line, &error))
        {
          g_assert_no_error (error);
          g_assert_cmpuint (n_fields, >=, 1);
          g_assert_null (fields[n_fields]);

          g_string_append_printf (out, "%u:", line);
          for (guint i = 0; i < n_fields; i++)
            g_string_append_printf (out, "[%s]", fields[i]);
          g_string_append_c (out, '\n');
        }
      else if (error != NULL)
        {
          g_assert_true (error->domain == SC_CSV_ERROR);
          g_assert_null (fields);
          g_assert_cmpuint (n_fields, ==, 0);
          g_string_append_printf (out, "%u!%d: %s\n", line, error->code, error->message);
        }
      else
        {
          g_assert_true (sc_csv_reader_at_end (reader));
          break;
        }
    }

  return g_string_free (out, FALSE);
}

static char *
describe (const char *csv)
{
  return describe_len (csv, strlen (csv));
}

#define assert_csv(csv, expected) \
  G_STMT_START { \
    g_autofree char *_described = describe (csv); \
    g_assert_cmpstr (_described, ==, expected); \
  } G_STMT_END

static void
test_plain (void)
{
  const char *csv =
    "kpi_id,user,date,value,note\n"
    "1,alice,2024-01-01,3.5,ok\n"
    "2,bob,2024-01-02,-1,\n";
  g_autoptr(ScCsvReader) reader = sc_csv_reader_new (csv, strlen (csv));
  g_autoptr(GError) error = NULL;
  const char * const *fields;
  guint n_fields;
  guint line;

  g_assert_false (sc_csv_reader_at_end (reader));

  g_assert_true (sc_csv_reader_next (reader, &fields, &n_fields, &line, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_fields, ==, 5);
  g_assert_cmpuint (line, ==, 1);
  g_assert_cmpstr (fields[0], ==, "kpi_id");
  g_assert_cmpstr (fields[4], ==, "note");

  g_assert_true (sc_csv_reader_next (reader, &fields, &n_fields, &line, &error));
  g_assert_cmpuint (n_fields, ==, 5);
  g_assert_cmpuint (line, ==, 2);
  g_assert_cmpstr (fields[1], ==, "alice");
  g_assert_cmpstr (fields[3], ==, "3.5");

  g_assert_true (sc_csv_reader_next (reader, &fields, &n_fields, &line, &error));
  g_assert_cmpuint (line, ==, 3);
  g_assert_cmpstr (fields[3], ==, "-1");
  g_assert_cmpstr (fields[4], ==, "");

  g_assert_true (sc_csv_reader_at_end (reader));
  g_assert_false (sc_csv_reader_next (reader, &fields, &n_fields, &line, &error));
  g_assert_no_error (error);
  g_assert_false (sc_csv_reader_next (reader, NULL, NULL, NULL, NULL));
}

static void
test_empty_input (void)
{
  g_autoptr(ScCsvReader) reader = sc_csv_reader_new (NULL, 0);

  g_assert_true (sc_csv_reader_at_end (reader));
  g_assert_false (sc_csv_reader_next (reader, NULL, NULL, NULL, NULL));

  assert_csv ("", "");
  assert_csv ("\n", "");
  assert_csv ("\r\n\r\n\r", "");
  assert_csv ("\xEF\xBB\xBF", "");
  assert_csv ("\xEF\xBB\xBF\n", "");
}

static void
test_bom (void)
{
  assert_csv ("\xEF\xBB\xBFkpi_id,value\n1,2\n", "1:[kpi_id][value]\n2:[1][2]\n");
  assert_csv ("\xEF\xBB\xBF\"a\",b", "1:[a][b]\n");
  /* Only a leading BOM is one; elsewhere U+FEFF is text. */
  assert_csv ("a\n\xEF\xBB\xBF" "b\n", "1:[a]\n2:[\xEF\xBB\xBF" "b]\n");
  assert_csv ("\xEF\xBB\xBF\xEF\xBB\xBF" "a", "1:[\xEF\xBB\xBF" "a]\n");
}

static void
test_crlf (void)
{
  assert_csv ("a,b\r\nc,d\r\n", "1:[a][b]\n2:[c][d]\n");
  assert_csv ("a,b\r\n\r\nc,d", "1:[a][b]\n3:[c][d]\n");
  assert_csv ("\"a\"\r\n\"b\"\r\n", "1:[a]\n2:[b]\n");
}

static void
test_lone_cr (void)
{
  assert_csv ("a,b\rc,d\r", "1:[a][b]\n2:[c][d]\n");
  assert_csv ("a\r\rb\r\n\nc", "1:[a]\n3:[b]\n5:[c]\n");
  assert_csv ("a\n\rb", "1:[a]\n3:[b]\n");
}

static void
test_quoted_comma (void)
{
  assert_csv ("\"a,b\",c\n", "1:[a,b][c]\n");
  assert_csv ("x,\",\",\",,\"\n", "1:[x][,][,,]\n");
  assert_csv ("\"\",\"\"\n", "1:[][]\n");
}

static void
test_quoted_newline (void)
{
  /* The line break stays in the field and counts as a line, so the next
   * record reports the physical line it starts on.
   */
  assert_csv ("id,note\n1,\"first\nsecond\"\n2,x\n",
              "1:[id][note]\n2:[1][first\nsecond]\n4:[2][x]\n");
  assert_csv ("1,\"a\r\nb\r\nc\"\r\n2,x\r\n", "1:[1][a\r\nb\r\nc]\n4:[2][x]\n");
  assert_csv ("1,\"a\rb\"\r2,x", "1:[1][a\rb]\n3:[2][x]\n");
  assert_csv ("\"\n\n\"\n\nx", "1:[\n\n]\n5:[x]\n");
}

static void
test_doubled_quotes (void)
{
  assert_csv ("\"say \"\"hi\"\"\",b\n", "1:[say \"hi\"][b]\n");
  assert_csv ("\"\"\"\"\n", "1:[\"]\n");
  assert_csv ("\"\"\"\"\"\"\n", "1:[\"\"]\n");
  assert_csv ("\"a\"\"\",\"\"\"b\"\n", "1:[a\"][\"b]\n");
}

static void
test_utf8 (void)
{
  assert_csv ("user,dept\nZoë Ångström,売上\n\"Zoë, Ångström\",売上\n",
              "1:[user][dept]\n2:[Zoë Ångström][売上]\n3:[Zoë, Ångström][売上]\n");
  assert_csv ("😀,\"日本\n語\"", "1:[😀][日本\n語]\n");
}

static void
test_empty_fields (void)
{
  assert_csv (",\n", "1:[][]\n");
  assert_csv (",,\n", "1:[][][]\n");
  assert_csv ("a,,b\n", "1:[a][][b]\n");
  assert_csv (",a\n", "1:[][a]\n");
  assert_csv ("\"\"\n", "1:[]\n");
}

static void
test_trailing_comma (void)
{
  assert_csv ("a,b,\nc,d,\n", "1:[a][b][]\n2:[c][d][]\n");
  assert_csv ("a,b,", "1:[a][b][]\n");
  assert_csv ("a,\"b\",\r\n", "1:[a][b][]\n");
}

static void
test_empty_lines (void)
{
  assert_csv ("\n\na\n\n\nb\n\n", "3:[a]\n6:[b]\n");
  assert_csv ("\r\n\r\na\r\n\r\nb", "3:[a]\n5:[b]\n");
}

static void
test_no_final_newline (void)
{
  assert_csv ("a,b\nc,d", "1:[a][b]\n2:[c][d]\n");
  assert_csv ("a", "1:[a]\n");
  assert_csv ("\"a\"", "1:[a]\n");
  assert_csv ("a,\"b\"", "1:[a][b]\n");
  assert_csv ("a,\"b\nc\"", "1:[a][b\nc]\n");
}

static void
test_not_nul_terminated (void)
{
  /* describe_len() copies exactly the bytes it reads, with no NUL. */
  g_autofree char *described = describe_len ("a,b\nc,dXYZ", 7);

  g_assert_cmpstr (described, ==, "1:[a][b]\n2:[c][d]\n");
}

static void
test_no_trimming (void)
{
  assert_csv (" a , b ,\t\n", "1:[ a ][ b ][\t]\n");
  assert_csv ("   \n", "1:[   ]\n");
}

static void
test_error_unterminated_quote (void)
{
  const char *csv = "a,b\nc,\"d\ne,f\n";
  g_autoptr(ScCsvReader) reader = sc_csv_reader_new (csv, strlen (csv));
  g_autoptr(GError) error = NULL;
  const char * const *fields;
  guint n_fields;
  guint line;

  g_assert_true (sc_csv_reader_next (reader, &fields, &n_fields, &line, &error));
  g_assert_false (sc_csv_reader_next (reader, &fields, &n_fields, &line, &error));
  g_assert_error (error, SC_CSV_ERROR, SC_CSV_ERROR_UNTERMINATED_QUOTE);
  g_assert_cmpstr (error->message, ==, "line 2: unterminated quoted field");
  g_assert_cmpuint (line, ==, 2);
  g_assert_null (fields);
  g_clear_error (&error);

  g_assert_true (sc_csv_reader_at_end (reader));
  g_assert_false (sc_csv_reader_next (reader, &fields, &n_fields, &line, &error));
  g_assert_no_error (error);

  /* The line named is where the quoted field opens, not where it ends. */
  assert_csv ("a\n\nb,\"c\n\"\"\n\"\"\n", "1:[a]\n3!0: line 3: unterminated quoted field\n");
  assert_csv ("\"", "1!0: line 1: unterminated quoted field\n");
}

static void
test_error_bad_quote (void)
{
  const char *csv = "a,b\nc,d\"e,f\ng,h\n";
  g_autoptr(ScCsvReader) reader = sc_csv_reader_new (csv, strlen (csv));
  g_autoptr(GError) error = NULL;
  const char * const *fields;
  guint n_fields;
  guint line;

  g_assert_true (sc_csv_reader_next (reader, &fields, &n_fields, &line, &error));
  g_assert_false (sc_csv_reader_next (reader, &fields, &n_fields, &line, &error));
  g_assert_error (error, SC_CSV_ERROR, SC_CSV_ERROR_BAD_QUOTE);
  g_assert_cmpstr (error->message, ==, "line 2, column 4: quote inside an unquoted field");
  g_assert_cmpuint (line, ==, 2);
  g_clear_error (&error);

  g_assert_true (sc_csv_reader_next (reader, &fields, &n_fields, &line, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (line, ==, 3);
  g_assert_cmpstr (fields[0], ==, "g");

  assert_csv ("\"a\"b,c\n", "1!1: line 1, column 4: unexpected text after a closing quote\n");
  assert_csv ("\"a\" ,c\n", "1!1: line 1, column 4: unexpected text after a closing quote\n");
  assert_csv ("a,\"b\n\"x\nc\n",
              "1!1: line 2, column 2: unexpected text after a closing quote\n3:[c]\n");
  /* Columns count characters, not bytes. */
  assert_csv ("Zoë,Å\"\n", "1!1: line 1, column 6: quote inside an unquoted field\n");
  assert_csv ("\xEF\xBB\xBF" "a\"\n", "1!1: line 1, column 2: quote inside an unquoted field\n");
}

static void
test_error_invalid_utf8 (void)
{
  const char *csv = "ok,1\nbad\xff,2\nok,3\n";
  g_autoptr(ScCsvReader) reader = sc_csv_reader_new (csv, strlen (csv));
  g_autoptr(GError) error = NULL;
  const char * const *fields;
  guint n_fields;
  guint line;

  g_assert_true (sc_csv_reader_next (reader, &fields, &n_fields, &line, &error));
  g_assert_false (sc_csv_reader_next (reader, &fields, &n_fields, &line, &error));
  g_assert_error (error, SC_CSV_ERROR, SC_CSV_ERROR_INVALID_UTF8);
  g_assert_cmpstr (error->message, ==, "line 2: text is not valid UTF-8");
  g_assert_cmpuint (line, ==, 2);
  g_clear_error (&error);

  g_assert_true (sc_csv_reader_next (reader, &fields, &n_fields, &line, &error));
  g_assert_cmpuint (line, ==, 3);
  g_assert_cmpstr (fields[1], ==, "3");

  /* Latin-1, a truncated sequence, an overlong form, a surrogate. */
  assert_csv ("Zo\xeb\n", "1!2: line 1: text is not valid UTF-8\n");
  assert_csv ("a,\xe5\xa3", "1!2: line 1: text is not valid UTF-8\n");
  assert_csv ("\xc0\xaf\n", "1!2: line 1: text is not valid UTF-8\n");
  assert_csv ("\"\xed\xa0\x80\"\n", "1!2: line 1: text is not valid UTF-8\n");
  /* The message names the line of the bad byte, *line the record's. */
  assert_csv ("x\n\"a\nb\nc\xff\",d\ne\n", "1:[x]\n2!2: line 4: text is not valid UTF-8\n5:[e]\n");
}

static void
test_error_nul (void)
{
  g_autofree char *described = describe_len ("a\nb\0c\nd\n", 8);

  g_assert_cmpstr (described, ==, "1:[a]\n2!2: line 2: text contains a NUL byte\n3:[d]\n");
}

static void
test_resync (void)
{
  const char *csv =
    "kpi_id,value\n"
    "1,\"3\"x\n"
    "2,4\n"
    "3,fo\"o\n"
    "\n"
    "4,\xfe\n"
    "5,\"multi\nline\"\n"
    "6,\"bad\"\"\"quote\n"
    "7,7";

  assert_csv (csv,
              "1:[kpi_id][value]\n"
              "2!1: line 2, column 6: unexpected text after a closing quote\n"
              "3:[2][4]\n"
              "4!1: line 4, column 5: quote inside an unquoted field\n"
              "6!2: line 6: text is not valid UTF-8\n"
              "7:[5][multi\nline]\n"
              "9!1: line 9, column 10: unexpected text after a closing quote\n"
              "10:[7][7]\n");
}

static void
test_too_large_record (void)
{
  GString *csv = g_string_new ("a,b\n");
  g_autofree char *expected = NULL;
  g_autofree char *described = NULL;
  gsize start;

  /* Exactly the limit is fine... */
  start = csv->len;
  for (guint i = 0; i < SC_CSV_MAX_RECORD_SIZE / 4; i++)
    g_string_append (csv, "Zoë");
  g_assert_cmpuint (csv->len - start, ==, SC_CSV_MAX_RECORD_SIZE);
  g_string_append (csv, "\r\n");

  /* ...two quotes more are not, and the reader goes on at the next line. */
  g_string_append (csv, "\"");
  g_string_append_len (csv, csv->str + start, SC_CSV_MAX_RECORD_SIZE);
  g_string_append (csv, "\"\nc,d\n");

  /* An unquoted field past the limit. */
  for (guint i = 0; i < SC_CSV_MAX_RECORD_SIZE + 10; i++)
    g_string_append_c (csv, 'y');
  g_string_append (csv, "\ne\n");

  /* A quoted field with line breaks past the limit. */
  g_string_append (csv, "\"");
  for (guint i = 0; i < SC_CSV_MAX_RECORD_SIZE / 2; i++)
    g_string_append (csv, "\r\n");
  g_string_append (csv, "\"\nf\n");

  /* A quote that never closes: reported as too large, not unterminated,
   * as we stop looking after 1 MiB.
   */
  g_string_append (csv, "g,\"h\n");
  for (guint i = 0; i < SC_CSV_MAX_RECORD_SIZE + 10; i++)
    g_string_append_c (csv, 'z');

  described = describe_len (csv->str, csv->len);
  g_string_free (csv, TRUE);

  /* Drop the huge good record before comparing. */
  g_assert_true (g_str_has_prefix (described, "1:[a][b]\n2:[ZoëZoë"));
  expected = g_strdup_printf ("3!3: line 3: quoted field is larger than 1 MiB; "
                              "is a closing quote missing?\n"
                              "4:[c][d]\n"
                              "5!3: line 5: record is larger than 1 MiB\n"
                              "6:[e]\n"
                              "7!3: line 7: quoted field is larger than 1 MiB; "
                              "is a closing quote missing?\n"
                              "%u:[f]\n"
                              "%u!3: line %u: quoted field is larger than 1 MiB; "
                              "is a closing quote missing?\n",
                              7 + SC_CSV_MAX_RECORD_SIZE / 2 + 1,
                              7 + SC_CSV_MAX_RECORD_SIZE / 2 + 2,
                              7 + SC_CSV_MAX_RECORD_SIZE / 2 + 2);
  g_assert_cmpstr (strstr (described, "]\n3!") + 2, ==, expected);
}

static void
test_too_large_at_end (void)
{
  g_autofree char *csv = g_malloc (SC_CSV_MAX_RECORD_SIZE + 1);
  g_autofree char *described = NULL;

  memset (csv, 'a', SC_CSV_MAX_RECORD_SIZE + 1);

  /* With no line break after it, a record of exactly the limit is fine and
   * one byte more is not.
   */
  described = describe_len (csv, SC_CSV_MAX_RECORD_SIZE);
  g_assert_true (g_str_has_prefix (described, "1:[aaaa"));
  g_assert_cmpuint (strlen (described), ==, SC_CSV_MAX_RECORD_SIZE + 5);
  g_clear_pointer (&described, g_free);

  described = describe_len (csv, SC_CSV_MAX_RECORD_SIZE + 1);
  g_assert_cmpstr (described, ==, "1!3: line 1: record is larger than 1 MiB\n");
}

static void
test_too_many_fields (void)
{
  GString *csv = g_string_new (NULL);
  g_autoptr(ScCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *fields;
  guint n_fields;
  guint line;

  for (guint i = 1; i < SC_CSV_MAX_FIELDS; i++)
    g_string_append_c (csv, ',');
  g_string_append (csv, "last\n");
  for (guint i = 0; i < SC_CSV_MAX_FIELDS; i++)
    g_string_append_c (csv, ',');
  g_string_append (csv, "\"and\nmore\"\nok\n");

  reader = sc_csv_reader_new (csv->str, csv->len);

  g_assert_true (sc_csv_reader_next (reader, &fields, &n_fields, &line, &error));
  g_assert_cmpuint (n_fields, ==, SC_CSV_MAX_FIELDS);
  g_assert_cmpstr (fields[SC_CSV_MAX_FIELDS - 1], ==, "last");
  g_assert_null (fields[SC_CSV_MAX_FIELDS]);

  g_assert_false (sc_csv_reader_next (reader, &fields, &n_fields, &line, &error));
  g_assert_error (error, SC_CSV_ERROR, SC_CSV_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "line 2: record has more than 4096 fields");
  g_assert_cmpuint (line, ==, 2);
  g_clear_error (&error);

  /* The skipped record's quoted line break still counts. */
  g_assert_true (sc_csv_reader_next (reader, &fields, &n_fields, &line, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (line, ==, 4);
  g_assert_cmpstr (fields[0], ==, "ok");

  g_string_free (csv, TRUE);
}

static void
test_writer_quoting (void)
{
  static const struct {
    const char *field;
    const char *written;
  } cases[] = {
    { "", "" },
    { "plain", "plain" },
    { "Zoë Ångström", "Zoë Ångström" },
    { "a,b", "\"a,b\"" },
    { "say \"hi\"", "\"say \"\"hi\"\"\"" },
    { "\"", "\"\"\"\"" },
    { "a\nb", "\"a\nb\"" },
    { "a\rb", "\"a\rb\"" },
    { " lead", "\" lead\"" },
    { "trail ", "\"trail \"" },
    { "\ttab", "\"\ttab\"" },
    { "in side", "in side" },
    { "\xEF\xBB\xBF" "bom", "\"\xEF\xBB\xBF" "bom\"" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) line = g_string_new ("x,");

      sc_csv_append_field (line, cases[i].field);
      g_assert_cmpstr (line->str + 2, ==, cases[i].written);
    }
}

static void
test_writer_row (void)
{
  const char *row[] = { "1", NULL, "a,b" };
  const char *empty[] = { "" };
  g_autoptr(GString) out = g_string_new (NULL);

  sc_csv_append_row (out, row, G_N_ELEMENTS (row));
  sc_csv_append_row (out, empty, 1);
  sc_csv_append_row (out, row, 1);
  g_assert_cmpstr (out->str, ==, "1,,\"a,b\"\n\"\"\n1\n");
}

static void
test_writer_round_trip (void)
{
  static const char *rows[][5] = {
    { "kpi_id", "user", "date", "value", "note" },
    { "1", "Zoë Ångström", "2024-01-31", "3.5", "売上, \"Q1\"" },
    { "", "", "", "", "" },
    { "\"", "\"\"", ",", "\r\n", "\r" },
    { " both ", "line\nbreak", "cr\rlf\r\n", "😀", "end\"" },
    { "\xEF\xBB\xBF" "bom", "a\"b\"c", ",lead", "trail,", "\n" },
  };
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(ScCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *fields;
  guint n_fields;
  guint line;
  guint expected_line = 1;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    sc_csv_append_row (out, rows[i], G_N_ELEMENTS (rows[i]));
  sc_csv_append_row (out, (const char *[]) { "" }, 1);
  sc_csv_append_row (out, (const char *[]) { "lone" }, 1);

  reader = sc_csv_reader_new (out->str, out->len);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_assert_true (sc_csv_reader_next (reader, &fields, &n_fields, &line, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (n_fields, ==, G_N_ELEMENTS (rows[i]));
      g_assert_cmpuint (line, ==, expected_line);

      for (guint j = 0; j < n_fields; j++)
        {
          g_assert_cmpstr (fields[j], ==, rows[i][j]);
          for (const char *s = rows[i][j]; *s != '\0'; s++)
            {
              if (*s == '\n' || (*s == '\r' && s[1] != '\n'))
                expected_line++;
            }
        }
      expected_line++;
    }

  g_assert_true (sc_csv_reader_next (reader, &fields, &n_fields, &line, &error));
  g_assert_cmpuint (n_fields, ==, 1);
  g_assert_cmpstr (fields[0], ==, "");
  g_assert_true (sc_csv_reader_next (reader, &fields, &n_fields, &line, &error));
  g_assert_cmpuint (n_fields, ==, 1);
  g_assert_cmpstr (fields[0], ==, "lone");
  g_assert_true (sc_csv_reader_at_end (reader));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/csv/plain", test_plain);
  g_test_add_func ("/core/csv/empty-input", test_empty_input);
  g_test_add_func ("/core/csv/bom", test_bom);
  g_test_add_func ("/core/csv/crlf", test_crlf);
  g_test_add_func ("/core/csv/lone-cr", test_lone_cr);
  g_test_add_func ("/core/csv/quoted-comma", test_quoted_comma);
  g_test_add_func ("/core/csv/quoted-newline", test_quoted_newline);
  g_test_add_func ("/core/csv/doubled-quotes", test_doubled_quotes);
  g_test_add_func ("/core/csv/utf8", test_utf8);
  g_test_add_func ("/core/csv/empty-fields", test_empty_fields);
  g_test_add_func ("/core/csv/trailing-comma", test_trailing_comma);
  g_test_add_func ("/core/csv/empty-lines", test_empty_lines);
  g_test_add_func ("/core/csv/no-final-newline", test_no_final_newline);
  g_test_add_func ("/core/csv/not-nul-terminated", test_not_nul_terminated);
  g_test_add_func ("/core/csv/no-trimming", test_no_trimming);
  g_test_add_func ("/core/csv/error/unterminated-quote", test_error_unterminated_quote);
  g_test_add_func ("/core/csv/error/bad-quote", test_error_bad_quote);
  g_test_add_func ("/core/csv/error/invalid-utf8", test_error_invalid_utf8);
  g_test_add_func ("/core/csv/error/nul", test_error_nul);
  g_test_add_func ("/core/csv/error/resync", test_resync);
  g_test_add_func ("/core/csv/error/too-large-record", test_too_large_record);
  g_test_add_func ("/core/csv/error/too-large-at-end", test_too_large_at_end);
  g_test_add_func ("/core/csv/error/too-many-fields", test_too_many_fields);
  g_test_add_func ("/core/csv/writer/quoting", test_writer_quoting);
  g_test_add_func ("/core/csv/writer/row", test_writer_row);
  g_test_add_func ("/core/csv/writer/round-trip", test_writer_round_trip);

  return g_test_run ();
}
