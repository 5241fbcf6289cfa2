/* sc-format.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-format"

#include "config.h"

#include <limits.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "sc-format.h"

/* Numbers follow LC_NUMERIC: printf's ' flag groups digits the locale's way
 * (1,234.5 in en_US, 1.234,5 in de_DE, 12,34,567.5 in en_IN) and
 * sc_parse_number() reads localeconv(). Both read process-wide locale
 * state, which the application sets once at startup with setlocale().
 */

#define NO_VALUE     "—"
#define MAX_DECIMALS 12

typedef struct
{
  const char *code;
  const char *symbol;  /* NULL: show the code */
  int         decimals;
} Currency;

/* The usual symbols in English text. Dollars other than USD get CLDR's
 * prefixed forms (A$, CA$); the yen and yuan share "¥", and the Nordic
 * crowns "kr", as they do in their own countries. Currencies whose symbol
 * is in Arabic script, or that are usually written as their code, have no
 * symbol: the code reads well in any direction.
 */
static const Currency currencies[] = {
  { "AED", NULL, 2 },
  { "AUD", "A$", 2 },
  { "BDT", "৳", 2 },
  { "BHD", NULL, 3 },
  { "BRL", "R$", 2 },
  { "CAD", "CA$", 2 },
  { "CHF", "CHF", 2 },
  { "CLP", NULL, 0 },
  { "CNY", "¥", 2 },
  { "CZK", "Kč", 2 },
  { "DKK", "kr", 2 },
  { "EGP", "E£", 2 },
  { "EUR", "€", 2 },
  { "GBP", "£", 2 },
  { "HKD", "HK$", 2 },
  { "HUF", "Ft", 2 },
  { "IDR", "Rp", 2 },
  { "ILS", "₪", 2 },
  { "INR", "₹", 2 },
  { "IQD", NULL, 3 },
  { "ISK", "kr", 0 },
  { "JOD", NULL, 3 },
  { "JPY", "¥", 0 },
  { "KES", "KSh", 2 },
  { "KRW", "₩", 0 },
  { "KWD", NULL, 3 },
  { "LKR", "Rs", 2 },
  { "LYD", NULL, 3 },
  { "MXN", "MX$", 2 },
  { "MYR", "RM", 2 },
  { "NGN", "₦", 2 },
  { "NOK", "kr", 2 },
  { "NPR", "Rs", 2 },
  { "NZD", "NZ$", 2 },
  { "OMR", NULL, 3 },
  { "PHP", "₱", 2 },
  { "PKR", "Rs", 2 },
  { "PLN", "zł", 2 },
  { "PYG", NULL, 0 },
  { "QAR", NULL, 2 },
  { "RUB", "₽", 2 },
  { "SAR", NULL, 2 },
  { "SEK", "kr", 2 },
  { "SGD", "S$", 2 },
  { "THB", "฿", 2 },
  { "TND", NULL, 3 },
  { "TRY", "₺", 2 },
  { "TWD", "NT$", 2 },
  { "UAH", "₴", 2 },
  { "UGX", NULL, 0 },
  { "USD", "$", 2 },
  { "VND", "₫", 0 },
  { "XAF", NULL, 0 },
  { "XOF", NULL, 0 },
  { "ZAR", "R", 2 },
};

/* Auxiliary methods */

static const Currency *
find_currency (const char *iso_code)
{
  if (iso_code == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (currencies); i++)
    {
      if (g_ascii_strcasecmp (currencies[i].code, iso_code) == 0)
        return &currencies[i];
    }

  return NULL;
}

/* printf rounds -0.001 to "-0.00"; nobody wants to read that. */
static void
drop_negative_zero (char *text)
{
  if (text[0] == '-' && strpbrk (text, "123456789") == NULL)
    memmove (text, text + 1, strlen (text));
}

/* How many of two decimals a value needs: 2, 2.5 and 2.25 give 0, 1, 2. */
static int
trimmed_decimals (double value)
{
  g_autofree char *text = g_strdup_printf ("%.2f", value);
  gsize len = strlen (text);

  if (text[len - 1] != '0')
    return 2;
  if (text[len - 2] != '0')
    return 1;

  return 0;
}

static char *
format_trimmed (double value)
{
  return sc_format_number (value, trimmed_decimals (value));
}

static char *
with_percent_sign (const char *number)
{
  /* Translators: a percentage; %s is the number. The no-break space keeps
   * the sign with its number; move or drop it as your language writes
   * percentages.
   */
  return g_strdup_printf (C_("percent", "%s\u00A0%%"), number);
}

/* Length of a space character at p, or 0: ASCII white space and the
 * no-break, narrow no-break and thin spaces that locales use to group
 * digits and that we put before units.
 */
static gsize
space_length (const char *p,
              const char *end)
{
  gsize left = (gsize) (end - p);

  if (left >= 1 && g_ascii_isspace (*p))
    return 1;
  if (left >= 2 && memcmp (p, "\u00A0", 2) == 0)
    return 2;
  if (left >= 3 && (memcmp (p, "\u202F", 3) == 0 || memcmp (p, "\u2009", 3) == 0))
    return 3;

  return 0;
}

static const char *
trim_space_back (const char *start,
                 const char *end)
{
  for (;;)
    {
      if (end - start >= 1 && space_length (end - 1, end) == 1)
        end -= 1;
      else if (end - start >= 2 && space_length (end - 2, end) == 2)
        end -= 2;
      else if (end - start >= 3 && space_length (end - 3, end) == 3)
        end -= 3;
      else
        return end;
    }
}

static gboolean
has_prefix_in (const char *p,
               const char *end,
               const char *prefix,
               gsize       prefix_len)
{
  return prefix_len > 0 && (gsize) (end - p) >= prefix_len && memcmp (p, prefix, prefix_len) == 0;
}

/* Size of the k-th digit group left of the decimal point, as lconv's
 * grouping describes it, or -1 if no more grouping is done.
 */
static int
group_size (const char *grouping,
            guint       k)
{
  int size = -1;

  for (guint j = 0; ; j++)
    {
      if (grouping[j] == 0)
        return size;
      if (grouping[j] == CHAR_MAX || grouping[j] < 0)
        return -1;
      size = grouping[j];
      if (j == k)
        return size;
    }
}

/* Whether the digit counts of groups, left to right, follow grouping: the
 * rightmost groups exactly, the leftmost one at most.
 */
static gboolean
groups_valid (const GArray *groups,
              const char   *grouping)
{
  guint n = groups->len;

  for (guint i = n; i-- > 0;)
    {
      int group = g_array_index (groups, int, i);
      int size = group_size (grouping, n - 1 - i);

      if (size <= 0 || group < 1 || group > size)
        return FALSE;
      if (i > 0 && group != size)
        return FALSE;
    }

  return TRUE;
}

/* The locale's form: digits in groups as LC_NUMERIC describes them, or not
 * grouped at all, then the locale's decimal point and more digits. Appends
 * the number in C form to out.
 */
static gboolean
parse_locale_form (const char *p,
                   const char *end,
                   GString    *out)
{
  const struct lconv *lc = localeconv ();
  const char *point = lc->decimal_point != NULL && *lc->decimal_point ? lc->decimal_point : ".";
  const char *sep = lc->thousands_sep != NULL ? lc->thousands_sep : "";
  const char *grouping = lc->grouping != NULL ? lc->grouping : "";
  gsize point_len = strlen (point);
  gsize sep_len = strlen (sep);
  gboolean sep_is_space;
  g_autoptr(GArray) groups = g_array_new (FALSE, FALSE, sizeof (int));
  int digits = 0, n_digits = 0;

  if (sep_len == point_len && memcmp (sep, point, sep_len) == 0)
    sep_len = 0;

  /* Where the locale groups with a space, any space will do. */
  sep_is_space = sep_len > 0 && space_length (sep, sep + sep_len) == sep_len;

  while (p < end)
    {
      gsize space;

      if (g_ascii_isdigit (*p))
        {
          g_string_append_c (out, *p++);
          digits++;
          continue;
        }

      if (has_prefix_in (p, end, sep, sep_len))
        space = sep_len;
      else if (sep_is_space)
        space = space_length (p, end);
      else
        space = 0;

      if (space == 0)
        break;

      g_array_append_val (groups, digits);
      n_digits += digits;
      digits = 0;
      p += space;
    }

  n_digits += digits;
  if (groups->len > 0)
    {
      g_array_append_val (groups, digits);
      /* Thousands are accepted wherever digits are grouped, so that
       * 1,234,567 is read in en_IN, which writes 12,34,567.
       */
      if (!groups_valid (groups, grouping) && !groups_valid (groups, "\3"))
        return FALSE;
    }

  if (has_prefix_in (p, end, point, point_len))
    {
      p += point_len;
      g_string_append_c (out, '.');
      while (p < end && g_ascii_isdigit (*p))
        {
          g_string_append_c (out, *p++);
          n_digits++;
        }
    }

  return p == end && n_digits > 0;
}

/* The C form: 1234.5, .5, 5. or 1.5e3. Appends it to out. */
static gboolean
parse_c_form (const char *p,
              const char *end,
              GString    *out)
{
  const char *start = p;
  int n_digits = 0;

  for (; p < end && g_ascii_isdigit (*p); p++)
    n_digits++;

  if (p < end && *p == '.')
    {
      for (p++; p < end && g_ascii_isdigit (*p); p++)
        n_digits++;
    }

  if (n_digits == 0)
    return FALSE;

  if (p < end && (*p == 'e' || *p == 'E'))
    {
      int n_exponent = 0;

      p++;
      if (p < end && (*p == '+' || *p == '-'))
        p++;
      for (; p < end && g_ascii_isdigit (*p); p++)
        n_exponent++;

      if (n_exponent == 0)
        return FALSE;
    }

  if (p != end)
    return FALSE;

  g_string_append_len (out, start, end - start);

  return TRUE;
}

/* Public API */

/**
 * sc_format_number:
 * @value: a number
 * @decimals: how many digits to show after the decimal point
 *
 * Formats @value with LC_NUMERIC's digit grouping and decimal point and
 * exactly @decimals decimals (0 to 12). A value that rounds to zero shows
 * no minus sign.
 *
 * Returns: (transfer full): the text, "—" for NaN and infinities
 */
char *
sc_format_number (double value,
                  int    decimals)
{
  char *text;

  if (!isfinite (value))
    return g_strdup (NO_VALUE);

  decimals = CLAMP (decimals, 0, MAX_DECIMALS);
  text = g_strdup_printf ("%'.*f", decimals, value);
  drop_negative_zero (text);

  return text;
}

/**
 * sc_currency_symbol:
 * @iso_code: (nullable): an ISO 4217 code such as "INR"
 *
 * Gets the symbol to show with amounts in @iso_code: "₹" for INR, "€" for
 * EUR, "A$" for AUD. Codes are matched without regard to case.
 *
 * Returns: (transfer none): the symbol; @iso_code itself for a code
 *   without a well-known symbol; "" for %NULL or ""
 */
const char *
sc_currency_symbol (const char *iso_code)
{
  const Currency *currency;

  if (iso_code == NULL || *iso_code == '\0')
    return "";

  currency = find_currency (iso_code);
  if (currency == NULL || currency->symbol == NULL)
    return iso_code;

  return currency->symbol;
}

/**
 * sc_currency_decimals:
 * @iso_code: (nullable): an ISO 4217 code
 *
 * Gets the number of decimals amounts in @iso_code are shown with: 0 for
 * JPY and KRW, 3 for KWD, 2 for most and for unknown codes.
 *
 * Returns: the number of decimals
 */
int
sc_currency_decimals (const char *iso_code)
{
  const Currency *currency = find_currency (iso_code);

  return currency != NULL ? currency->decimals : 2;
}

/**
 * sc_format_measure:
 * @value: a KPI value or target
 * @type: how the KPI measures
 * @currency_code: (nullable): an ISO 4217 code, for %SC_TARGET_TYPE_CURRENCY
 *
 * Formats @value with its unit, as the kpi_tracking addon's
 * `target_unit_display` does, but following the locale and the currency:
 *
 * - number: "1,234.5", with up to 2 decimals and no trailing zeros
 * - percent: "12.5 %"
 * - currency: "₹ 1,000.00", with the currency's decimals
 * - boolean: "Achieved" for any non-zero value, else "Not Achieved"
 * - duration, in hours: "8 h", "1.5 h"
 *
 * The spaces are no-break spaces.
 *
 * Returns: (transfer full): the text, "—" for NaN and infinities
 */
char *
sc_format_measure (double        value,
                   ScTargetType  type,
                   const char   *currency_code)
{
  g_autofree char *number = NULL;
  const char *symbol;

  if (!isfinite (value))
    return g_strdup (NO_VALUE);

  switch (type)
    {
    case SC_TARGET_TYPE_PERCENT:
      number = format_trimmed (value);
      return with_percent_sign (number);

    case SC_TARGET_TYPE_CURRENCY:
      number = sc_format_number (value, sc_currency_decimals (currency_code));
      symbol = sc_currency_symbol (currency_code);
      if (*symbol == '\0')
        return g_steal_pointer (&number);
      /* Translators: an amount of money; %1$s is the currency symbol,
       * %2$s the amount. Swap them (%2$s %1$s) if your language puts the
       * symbol after the amount. The no-break space keeps them together.
       */
      return g_strdup_printf (C_("currency", "%1$s\u00A0%2$s"), symbol, number);

    case SC_TARGET_TYPE_BOOLEAN:
      if (value != 0.0)
        return g_strdup (C_("boolean target", "Achieved"));
      else
        return g_strdup (C_("boolean target", "Not Achieved"));

    case SC_TARGET_TYPE_DURATION:
      number = format_trimmed (value);
      /* Translators: a duration; %s is a number of hours and "h" the
       * abbreviation for hours, so it needs no plural form.
       */
      return g_strdup_printf (C_("duration", "%s\u00A0h"), number);

    case SC_TARGET_TYPE_NUMBER:
    default:
      return format_trimmed (value);
    }
}

/**
 * sc_format_percent:
 * @percent: an achievement, 100 meaning on target
 *
 * Formats an achievement percentage with 1 decimal: "87.3 %".
 *
 * Returns: (transfer full): the text, "—" for NaN and infinities
 */
char *
sc_format_percent (double percent)
{
  g_autofree char *number = NULL;

  if (!isfinite (percent))
    return g_strdup (NO_VALUE);

  number = sc_format_number (percent, 1);

  return with_percent_sign (number);
}

/**
 * sc_parse_number:
 * @text: (nullable): what the user typed
 * @value: (out) (optional): where to store the number
 *
 * Parses a number typed by a user or read from a CSV cell. Accepted are an
 * optional sign ("+", "-" or "−"), then either the locale's form, with or
 * without its digit grouping ("1,234.5" in en_US, "1.234,5" in de_DE), or
 * the C form ("1234.5", "1.5e3"), then an optional "%" that leaves the
 * value as it is: "12.5 %" is 12.5. Surrounding space is ignored.
 *
 * Grouping must be regular: the locale's, or thousands. Text that fits both
 * forms is read the locale's way: in de_DE "1.234" is 1234, while "1234.5"
 * and "1.5" are not grouped correctly and so are read as C numbers. Where
 * the locale groups with a space, any space will do.
 *
 * Returns: %TRUE if @text held a finite number
 */
gboolean
sc_parse_number (const char *text,
                 double     *value)
{
  g_autoptr(GString) normal = NULL;
  const char *p, *end;
  char *parsed_end = NULL;
  double result;
  gsize space;

  if (text == NULL)
    return FALSE;

  p = text;
  end = text + strlen (text);
  while ((space = space_length (p, end)) > 0)
    p += space;
  end = trim_space_back (p, end);

  if (end > p && end[-1] == '%')
    end = trim_space_back (p, end - 1);

  normal = g_string_new (NULL);
  if (has_prefix_in (p, end, "-", 1) || has_prefix_in (p, end, "+", 1))
    {
      if (*p == '-')
        g_string_append_c (normal, '-');
      p++;
    }
  else if (has_prefix_in (p, end, "\u2212", 3))
    {
      g_string_append_c (normal, '-');
      p += 3;
    }

  if (!parse_locale_form (p, end, normal))
    {
      g_string_truncate (normal, *normal->str == '-' ? 1 : 0);
      if (!parse_c_form (p, end, normal))
        return FALSE;
    }

  result = g_ascii_strtod (normal->str, &parsed_end);
  if (parsed_end == normal->str || *parsed_end != '\0' || !isfinite (result))
    return FALSE;

  if (value != NULL)
    *value = result;

  return TRUE;
}
