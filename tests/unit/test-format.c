/* test-format.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-format"

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include <glib.h>

#include "sc-format.h"

#define NBSP "\u00A0"

typedef struct
{
  const char *text;
  double      value;
} Parse;

/* What each locale should give. A locale that is not installed is
 * skipped; only "C" is always there.
 */
typedef struct
{
  const char  *name;
  const char  *number_grouped;   /* 1234567.891, 2 decimals */
  const char  *number_rounded;   /* 1234.6, 0 decimals */
  const char  *number_negative;  /* -1234.5, 1 decimal */
  const char  *measure_number;   /* 1234.5 */
  const char  *measure_percent;  /* 12.5 */
  const char  *measure_inr;      /* 1000 */
  const char  *measure_jpy;      /* 1234.6 */
  const char  *measure_duration; /* 1.5 */
  const char  *percent;          /* 87.34 */
  const Parse *good;
  const char **bad;
} LocaleCase;

static const Parse c_good[] = {
  { "1234.5", 1234.5 },
  { "-3", -3 },
  { "+3", 3 },
  { ".5", 0.5 },
  { "5.", 5 },
  { "0", 0 },
  { "007", 7 },
  { "12.5%", 12.5 },
  { "12.5 %", 12.5 },
  { "12.5" NBSP "%", 12.5 },
  { " 42 ", 42 },
  { "\t42\n", 42 },
  { "1e3", 1000 },
  { "1.5E-2", 0.015 },
  { "\u2212" "2", -2 },
  { NULL, 0 },
};

static const char *c_bad[] = {
  "", "  ", "abc", "nan", "NaN", "-nan", "inf", "-inf", "infinity", "1,234.5", "1,5",
  "1.2.3", "12a", "a12", "--1", "+-1", "- 1", "%", "5%%", "%5", "1e999", "-1e999", "0x10",
  "1 234", "1e", "1e+", ".", "-", "+", "1.5e3.2", "١٢", NULL,
};

static const Parse en_us_good[] = {
  { "1,234.5", 1234.5 },
  { "1,234,567", 1234567 },
  { "1234.5", 1234.5 },
  { "-1,234.5", -1234.5 },
  { "1,234.5 %", 1234.5 },
  { "999,999.99", 999999.99 },
  { NULL, 0 },
};

static const char *en_us_bad[] = {
  "1,23", "12,34,567", ",123", "1,,234", "1,234,", "1,234.5.6", "1.234,5", "1,2345", "1 234",
  NULL,
};

static const Parse de_de_good[] = {
  { "1.234,5", 1234.5 },
  { "1234,5", 1234.5 },
  { "-1.234.567,89", -1234567.89 },
  { "12,5 %", 12.5 },
  { "12,5" NBSP "%", 12.5 },
  { ",5", 0.5 },
  /* Not grouped the German way, so read as C numbers. */
  { "1234.5", 1234.5 },
  { "1.5", 1.5 },
  /* Grouped the German way, so read as such. */
  { "1.234", 1234 },
  { NULL, 0 },
};

static const char *de_de_bad[] = {
  "1,234.5", "1.23,4", "1,2,3", "1.234.5,6,7", "1..234", NULL,
};

static const Parse en_in_good[] = {
  { "12,34,567.5", 1234567.5 },
  { "1,00,000", 100000 },
  { "1,234.5", 1234.5 },
  { "1,234,567", 1234567 },
  { NULL, 0 },
};

static const char *en_in_bad[] = {
  "1,2,34,567", "12,3456", NULL,
};

static const LocaleCase locale_cases[] = {
  {
    "C",
    "1234567.89", "1235", "-1234.5",
    "1234.5", "12.5" NBSP "%", "₹" NBSP "1000.00", "¥" NBSP "1235", "1.5" NBSP "h",
    "87.3" NBSP "%",
    c_good, c_bad,
  },
  {
    "en_US.UTF-8",
    "1,234,567.89", "1,235", "-1,234.5",
    "1,234.5", "12.5" NBSP "%", "₹" NBSP "1,000.00", "¥" NBSP "1,235", "1.5" NBSP "h",
    "87.3" NBSP "%",
    en_us_good, en_us_bad,
  },
  {
    "de_DE.UTF-8",
    "1.234.567,89", "1.235", "-1.234,5",
    "1.234,5", "12,5" NBSP "%", "₹" NBSP "1.000,00", "¥" NBSP "1.235", "1,5" NBSP "h",
    "87,3" NBSP "%",
    de_de_good, de_de_bad,
  },
  {
    "en_IN.UTF-8",
    "12,34,567.89", "1,235", "-1,234.5",
    "1,234.5", "12.5" NBSP "%", "₹" NBSP "1,000.00", "¥" NBSP "1,235", "1.5" NBSP "h",
    "87.3" NBSP "%",
    en_in_good, en_in_bad,
  },
};

typedef struct
{
  char     *saved;
  gboolean  available;
} LocaleFixture;

static void
locale_setup (LocaleFixture *fixture,
              gconstpointer  user_data)
{
  const LocaleCase *lc = user_data;

  fixture->saved = g_strdup (setlocale (LC_ALL, NULL));
  fixture->available = setlocale (LC_ALL, lc->name) != NULL;

  if (!fixture->available)
    {
      g_autofree char *message = g_strdup_printf ("locale %s is not installed", lc->name);

      g_test_skip (message);
    }
}

static void
locale_teardown (LocaleFixture *fixture,
                 gconstpointer  user_data G_GNUC_UNUSED)
{
  setlocale (LC_ALL, fixture->saved);
  g_free (fixture->saved);
}

static void
assert_string_free (char       *text,
                    const char *expected)
{
  g_assert_cmpstr (text, ==, expected);
  g_free (text);
}

/* Locale-dependent tests */

static void
test_number_locale (LocaleFixture *fixture,
                    gconstpointer  user_data)
{
  const LocaleCase *lc = user_data;

  if (!fixture->available)
    return;

  assert_string_free (sc_format_number (1234567.891, 2), lc->number_grouped);
  assert_string_free (sc_format_number (1234.6, 0), lc->number_rounded);
  assert_string_free (sc_format_number (-1234.5, 1), lc->number_negative);
  assert_string_free (sc_format_number (7, 0), "7");
}

static void
test_measure_locale (LocaleFixture *fixture,
                     gconstpointer  user_data)
{
  const LocaleCase *lc = user_data;

  if (!fixture->available)
    return;

  assert_string_free (sc_format_measure (1234.5, SC_TARGET_TYPE_NUMBER, NULL), lc->measure_number);
  assert_string_free (sc_format_measure (12.5, SC_TARGET_TYPE_PERCENT, NULL), lc->measure_percent);
  assert_string_free (sc_format_measure (1000, SC_TARGET_TYPE_CURRENCY, "INR"), lc->measure_inr);
  assert_string_free (sc_format_measure (1234.6, SC_TARGET_TYPE_CURRENCY, "JPY"), lc->measure_jpy);
  assert_string_free (sc_format_measure (1.5, SC_TARGET_TYPE_DURATION, NULL), lc->measure_duration);
  assert_string_free (sc_format_percent (87.34), lc->percent);
}

static void
test_parse_locale (LocaleFixture *fixture,
                   gconstpointer  user_data)
{
  const LocaleCase *lc = user_data;

  if (!fixture->available)
    return;

  for (const Parse *p = lc->good; p->text != NULL; p++)
    {
      double value = NAN;

      if (!sc_parse_number (p->text, &value))
        g_error ("rejected “%s” in %s", p->text, lc->name);
      g_assert_cmpfloat_with_epsilon (value, p->value, 1e-9);
    }

  for (const char **bad = lc->bad; *bad != NULL; bad++)
    {
      double value = 42;

      if (sc_parse_number (*bad, &value))
        g_error ("accepted “%s” in %s as %g", *bad, lc->name, value);
      g_assert_cmpfloat (value, ==, 42);
    }
}

static void
test_round_trip_locale (LocaleFixture *fixture,
                        gconstpointer  user_data G_GNUC_UNUSED)
{
  const double values[] = { 0, 1, -1, 0.5, -0.25, 1234.5, 1234567.89, -9876543.21, 1e9 };

  if (!fixture->available)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *number = sc_format_number (values[i], 2);
      g_autofree char *percent = sc_format_measure (values[i], SC_TARGET_TYPE_PERCENT, NULL);
      g_autofree char *plain = sc_format_measure (values[i], SC_TARGET_TYPE_NUMBER, NULL);
      double value;

      g_assert_true (sc_parse_number (number, &value));
      g_assert_cmpfloat_with_epsilon (value, values[i], 1e-9);
      g_assert_true (sc_parse_number (percent, &value));
      g_assert_cmpfloat_with_epsilon (value, values[i], 1e-9);
      g_assert_true (sc_parse_number (plain, &value));
      g_assert_cmpfloat_with_epsilon (value, values[i], 1e-9);
    }
}

/* Tests in the C locale */

static void
test_number (void)
{
  g_assert_nonnull (setlocale (LC_ALL, "C"));

  assert_string_free (sc_format_number (1234.5, 2), "1234.50");
  assert_string_free (sc_format_number (0, 0), "0");
  assert_string_free (sc_format_number (2.5, -3), "2");
  assert_string_free (sc_format_number (0.1, 1000), "0.100000000000");
  assert_string_free (sc_format_number (-0.001, 2), "0.00");
  assert_string_free (sc_format_number (-0.0, 1), "0.0");
  assert_string_free (sc_format_number (-0.05, 1), "-0.1");
  assert_string_free (sc_format_number (1e20, 0), "100000000000000000000");
  assert_string_free (sc_format_number (NAN, 2), "—");
  assert_string_free (sc_format_number (INFINITY, 2), "—");
  assert_string_free (sc_format_number (-INFINITY, 0), "—");

  {
    g_autofree char *huge = sc_format_number (-1.7976931348623157e308, 2);

    g_assert_cmpint (strlen (huge), ==, 1 + 309 + 3);
  }
}

static void
test_currency (void)
{
  g_assert_cmpstr (sc_currency_symbol ("INR"), ==, "₹");
  g_assert_cmpstr (sc_currency_symbol ("EUR"), ==, "€");
  g_assert_cmpstr (sc_currency_symbol ("USD"), ==, "$");
  g_assert_cmpstr (sc_currency_symbol ("JPY"), ==, "¥");
  g_assert_cmpstr (sc_currency_symbol ("CNY"), ==, "¥");
  g_assert_cmpstr (sc_currency_symbol ("GBP"), ==, "£");
  g_assert_cmpstr (sc_currency_symbol ("CHF"), ==, "CHF");
  g_assert_cmpstr (sc_currency_symbol ("AUD"), ==, "A$");
  g_assert_cmpstr (sc_currency_symbol ("CAD"), ==, "CA$");
  g_assert_cmpstr (sc_currency_symbol ("BRL"), ==, "R$");
  g_assert_cmpstr (sc_currency_symbol ("ZAR"), ==, "R");
  g_assert_cmpstr (sc_currency_symbol ("SEK"), ==, "kr");
  g_assert_cmpstr (sc_currency_symbol ("inr"), ==, "₹");
  g_assert_cmpstr (sc_currency_symbol ("AED"), ==, "AED");
  g_assert_cmpstr (sc_currency_symbol ("XYZ"), ==, "XYZ");
  g_assert_cmpstr (sc_currency_symbol ("not a code"), ==, "not a code");
  g_assert_cmpstr (sc_currency_symbol (""), ==, "");
  g_assert_cmpstr (sc_currency_symbol (NULL), ==, "");

  g_assert_cmpint (sc_currency_decimals ("JPY"), ==, 0);
  g_assert_cmpint (sc_currency_decimals ("KRW"), ==, 0);
  g_assert_cmpint (sc_currency_decimals ("USD"), ==, 2);
  g_assert_cmpint (sc_currency_decimals ("INR"), ==, 2);
  g_assert_cmpint (sc_currency_decimals ("KWD"), ==, 3);
  g_assert_cmpint (sc_currency_decimals ("XYZ"), ==, 2);
  g_assert_cmpint (sc_currency_decimals (NULL), ==, 2);
  g_assert_cmpint (sc_currency_decimals (""), ==, 2);
}

static void
test_measure (void)
{
  g_assert_nonnull (setlocale (LC_ALL, "C"));

  /* Up to two decimals, trailing zeros trimmed. */
  assert_string_free (sc_format_measure (3, SC_TARGET_TYPE_NUMBER, NULL), "3");
  assert_string_free (sc_format_measure (2.5, SC_TARGET_TYPE_NUMBER, NULL), "2.5");
  assert_string_free (sc_format_measure (2.25, SC_TARGET_TYPE_NUMBER, NULL), "2.25");
  assert_string_free (sc_format_measure (2.999, SC_TARGET_TYPE_NUMBER, NULL), "3");
  assert_string_free (sc_format_measure (2.101, SC_TARGET_TYPE_NUMBER, NULL), "2.1");
  assert_string_free (sc_format_measure (-0.001, SC_TARGET_TYPE_NUMBER, NULL), "0");
  assert_string_free (sc_format_measure (-7.5, SC_TARGET_TYPE_NUMBER, NULL), "-7.5");
  assert_string_free (sc_format_measure (100, SC_TARGET_TYPE_PERCENT, NULL), "100" NBSP "%");

  assert_string_free (sc_format_measure (1000, SC_TARGET_TYPE_CURRENCY, "EUR"), "€" NBSP "1000.00");
  assert_string_free (sc_format_measure (1000, SC_TARGET_TYPE_CURRENCY, "USD"), "$" NBSP "1000.00");
  assert_string_free (sc_format_measure (2.5, SC_TARGET_TYPE_CURRENCY, "KWD"), "KWD" NBSP "2.500");
  assert_string_free (sc_format_measure (1000, SC_TARGET_TYPE_CURRENCY, "XYZ"), "XYZ" NBSP "1000.00");
  assert_string_free (sc_format_measure (1000, SC_TARGET_TYPE_CURRENCY, NULL), "1000.00");
  assert_string_free (sc_format_measure (1000, SC_TARGET_TYPE_CURRENCY, ""), "1000.00");

  assert_string_free (sc_format_measure (1, SC_TARGET_TYPE_BOOLEAN, NULL), "Achieved");
  assert_string_free (sc_format_measure (0.5, SC_TARGET_TYPE_BOOLEAN, NULL), "Achieved");
  assert_string_free (sc_format_measure (-1, SC_TARGET_TYPE_BOOLEAN, NULL), "Achieved");
  assert_string_free (sc_format_measure (0, SC_TARGET_TYPE_BOOLEAN, NULL), "Not Achieved");
  assert_string_free (sc_format_measure (-0.0, SC_TARGET_TYPE_BOOLEAN, NULL), "Not Achieved");

  assert_string_free (sc_format_measure (8, SC_TARGET_TYPE_DURATION, NULL), "8" NBSP "h");
  assert_string_free (sc_format_measure (1, SC_TARGET_TYPE_DURATION, NULL), "1" NBSP "h");

  for (ScTargetType type = SC_TARGET_TYPE_NUMBER; type <= SC_TARGET_TYPE_DURATION; type++)
    {
      assert_string_free (sc_format_measure (NAN, type, "INR"), "—");
      assert_string_free (sc_format_measure (INFINITY, type, "INR"), "—");
      assert_string_free (sc_format_measure (-INFINITY, type, "INR"), "—");
    }
}

static void
test_percent (void)
{
  g_assert_nonnull (setlocale (LC_ALL, "C"));

  assert_string_free (sc_format_percent (87.34), "87.3" NBSP "%");
  assert_string_free (sc_format_percent (100), "100.0" NBSP "%");
  assert_string_free (sc_format_percent (0), "0.0" NBSP "%");
  assert_string_free (sc_format_percent (-0.01), "0.0" NBSP "%");
  assert_string_free (sc_format_percent (150.06), "150.1" NBSP "%");
  assert_string_free (sc_format_percent (NAN), "—");
  assert_string_free (sc_format_percent (INFINITY), "—");
}

static void
test_parse_null (void)
{
  double value = 42;

  g_assert_false (sc_parse_number (NULL, &value));
  g_assert_cmpfloat (value, ==, 42);
  g_assert_true (sc_parse_number ("1", NULL));
  g_assert_false (sc_parse_number ("x", NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/format/number/c", test_number);
  g_test_add_func ("/core/format/currency", test_currency);
  g_test_add_func ("/core/format/measure/c", test_measure);
  g_test_add_func ("/core/format/percent/c", test_percent);
  g_test_add_func ("/core/format/parse-number/null", test_parse_null);

  for (guint i = 0; i < G_N_ELEMENTS (locale_cases); i++)
    {
      const LocaleCase *lc = &locale_cases[i];
      struct {
        const char *what;
        void (*func) (LocaleFixture *, gconstpointer);
      } tests[] = {
        { "number", test_number_locale },
        { "measure", test_measure_locale },
        { "parse-number", test_parse_locale },
        { "round-trip", test_round_trip_locale },
      };

      for (guint j = 0; j < G_N_ELEMENTS (tests); j++)
        {
          g_autofree char *path = g_strdup_printf ("/core/format/%s/locale/%s",
                                                   tests[j].what, lc->name);

          g_test_add (path, LocaleFixture, lc,
                      locale_setup, tests[j].func, locale_teardown);
        }
    }

  return g_test_run ();
}
