/* sc-fake-odoo-json.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-fake-odoo"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sc-fake-odoo-private.h"

/* Odoo answers with json.dumps(response, ensure_ascii=False): ", " and ": "
 * separators, floats as Python's repr (the shortest text that reads back
 * as the same double, "22.0" rather than "22"), UTF-8 left as is. Every
 * Content-Length in shared/odoo-transcripts matches that, so the fake
 * writes the same bytes. Error messages quote values as Python's repr.
 */

G_DEFINE_QUARK (sc-fake-odoo-error-quark, fake_odoo_error)

static const struct
{
  const char *name;
  const char *short_name;
} exceptions[] = {
  [FAKE_EXC_ACCESS_DENIED] = { "odoo.exceptions.AccessDenied", "odoo.exceptions.AccessDenied" },
  [FAKE_EXC_ACCESS_ERROR] = { "odoo.exceptions.AccessError", "odoo.exceptions.AccessError" },
  [FAKE_EXC_VALIDATION] = { "odoo.exceptions.ValidationError", "odoo.exceptions.ValidationError" },
  [FAKE_EXC_USER] = { "odoo.exceptions.UserError", "odoo.exceptions.UserError" },
  [FAKE_EXC_MISSING] = { "odoo.exceptions.MissingError", "odoo.exceptions.MissingError" },
  [FAKE_EXC_VALUE] = { "builtins.ValueError", "ValueError" },
  [FAKE_EXC_TYPE] = { "builtins.TypeError", "TypeError" },
  [FAKE_EXC_ATTRIBUTE] = { "builtins.AttributeError", "AttributeError" },
  [FAKE_EXC_KEY] = { "builtins.KeyError", "KeyError" },
  [FAKE_EXC_NAME] = { "builtins.NameError", "NameError" },
  [FAKE_EXC_INDEX] = { "builtins.IndexError", "IndexError" },
  [FAKE_EXC_OPERATIONAL] = { "psycopg2.OperationalError", "psycopg2.OperationalError" },
  [FAKE_EXC_SESSION_EXPIRED] = { "odoo.http.SessionExpiredException", "odoo.http.SessionExpiredException" },
};

const char *
fake_exception_name (FakeException code)
{
  g_return_val_if_fail (code < G_N_ELEMENTS (exceptions), "builtins.Exception");

  return exceptions[code].name;
}

/* How the exception shows on the last line of a traceback. */
const char *
fake_exception_short_name (FakeException code)
{
  g_return_val_if_fail (code < G_N_ELEMENTS (exceptions), "Exception");

  return exceptions[code].short_name;
}

void
fake_json_string (GString    *out,
                  const char *text)
{
  const char *run = text;
  const char *p;

  g_string_append_c (out, '"');

  for (p = text; *p; p++)
    {
      guchar c = *p;
      const char *escape = NULL;
      char buf[8];

      switch (c)
        {
        case '"': escape = "\\\""; break;
        case '\\': escape = "\\\\"; break;
        case '\n': escape = "\\n"; break;
        case '\r': escape = "\\r"; break;
        case '\t': escape = "\\t"; break;
        case '\b': escape = "\\b"; break;
        case '\f': escape = "\\f"; break;
        default:
          if (c < 0x20)
            {
              g_snprintf (buf, sizeof buf, "\\u%04x", c);
              escape = buf;
            }
        }

      if (escape != NULL)
        {
          g_string_append_len (out, run, p - run);
          g_string_append (out, escape);
          run = p + 1;
        }
    }

  g_string_append_len (out, run, p - run);
  g_string_append_c (out, '"');
}

void
fake_json_double (GString *out,
                  double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  gboolean integral = TRUE;

  if (!isfinite (value))
    {
      g_string_append (out, isnan (value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
      return;
    }

  /* The shortest of 15, 16 or 17 digits that reads back exactly. */
  for (int precision = 15; precision <= 17; precision++)
    {
      g_ascii_formatd (buf, sizeof buf, precision == 15 ? "%.15g" : precision == 16 ? "%.16g" : "%.17g", value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }

  g_string_append (out, buf);

  for (const char *p = buf; *p; p++)
    if (!g_ascii_isdigit (*p) && *p != '-')
      integral = FALSE;

  if (integral)
    g_string_append (out, ".0");
}

static void
append_node (GString  *out,
             JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_NULL:
      g_string_append (out, "null");
      break;

    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_INT64:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
          break;

        case G_TYPE_DOUBLE:
          fake_json_double (out, json_node_get_double (node));
          break;

        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          break;

        case G_TYPE_STRING:
          fake_json_string (out, json_node_get_string (node));
          break;

        default:
          g_string_append (out, "null");
        }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        g_string_append_c (out, '[');
        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            if (i > 0)
              g_string_append (out, ", ");
            append_node (out, json_array_get_element (array, i));
          }
        g_string_append_c (out, ']');
      }
      break;

    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;
        gboolean first = TRUE;

        g_string_append_c (out, '{');
        json_object_iter_init_ordered (&iter, json_node_get_object (node));
        while (json_object_iter_next_ordered (&iter, &name, &member))
          {
            if (!first)
              g_string_append (out, ", ");
            first = FALSE;
            fake_json_string (out, name);
            g_string_append (out, ": ");
            append_node (out, member);
          }
        g_string_append_c (out, '}');
      }
      break;
    }
}

void
fake_json_node (GString  *out,
                JsonNode *node)
{
  if (node == NULL)
    g_string_append (out, "null");
  else
    append_node (out, node);
}

/* Python's repr of a str: single quotes unless the text holds a single
 * quote and no double quote. */
char *
fake_py_str_repr (const char *text)
{
  gboolean use_double = strchr (text, '\'') != NULL && strchr (text, '"') == NULL;
  char quote = use_double ? '"' : '\'';
  GString *out = g_string_new (NULL);

  g_string_append_c (out, quote);
  for (const char *p = text; *p; p++)
    {
      if (*p == '\\' || *p == quote)
        g_string_append_c (out, '\\');

      if (*p == '\n')
        g_string_append (out, "\\n");
      else if (*p == '\t')
        g_string_append (out, "\\t");
      else if (*p == '\r')
        g_string_append (out, "\\r");
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, quote);

  return g_string_free (out, FALSE);
}

static void
append_repr (GString  *out,
             JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_NULL:
      g_string_append (out, "None");
      break;

    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_INT64:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
          break;

        case G_TYPE_DOUBLE:
          fake_json_double (out, json_node_get_double (node));
          break;

        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "True" : "False");
          break;

        case G_TYPE_STRING:
          {
            g_autofree char *repr = fake_py_str_repr (json_node_get_string (node));

            g_string_append (out, repr);
          }
          break;

        default:
          g_string_append (out, "None");
        }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        g_string_append_c (out, '[');
        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            if (i > 0)
              g_string_append (out, ", ");
            append_repr (out, json_array_get_element (array, i));
          }
        g_string_append_c (out, ']');
      }
      break;

    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;
        gboolean first = TRUE;

        g_string_append_c (out, '{');
        json_object_iter_init_ordered (&iter, json_node_get_object (node));
        while (json_object_iter_next_ordered (&iter, &name, &member))
          {
            g_autofree char *key = fake_py_str_repr (name);

            if (!first)
              g_string_append (out, ", ");
            first = FALSE;
            g_string_append_printf (out, "%s: ", key);
            append_repr (out, member);
          }
        g_string_append_c (out, '}');
      }
      break;
    }
}

/* Python's repr; a JSON array of three shows as a domain leaf does in
 * Odoo's messages, as a tuple. */
char *
fake_py_repr (JsonNode *node)
{
  GString *out = g_string_new (NULL);

  if (node == NULL)
    g_string_append (out, "None");
  else if (JSON_NODE_HOLDS_ARRAY (node) && json_array_get_length (json_node_get_array (node)) == 3)
    {
      JsonArray *array = json_node_get_array (node);

      g_string_append_c (out, '(');
      for (guint i = 0; i < 3; i++)
        {
          if (i > 0)
            g_string_append (out, ", ");
          append_repr (out, json_array_get_element (array, i));
        }
      g_string_append_c (out, ')');
    }
  else
    append_repr (out, node);

  return g_string_free (out, FALSE);
}

/* Days since 1970-01-01 of a proleptic Gregorian date, and back
 * (H. Hinnant's algorithms): fast enough for 100,000 rows a page. */
static gint64
days_from_civil (gint64 y,
                 guint  m,
                 guint  d)
{
  gint64 era;
  guint yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = (guint) (y - era * 400);
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return era * 146097 + (gint64) doe - 719468;
}

static void
civil_from_days (gint64  z,
                 gint64 *year,
                 guint  *month,
                 guint  *day)
{
  gint64 era;
  guint doe, yoe, doy, mp;

  z += 719468;
  era = (z >= 0 ? z : z - 146096) / 146097;
  doe = (guint) (z - era * 146097);
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  *day = doy - (153 * mp + 2) / 5 + 1;
  *month = mp < 10 ? mp + 3 : mp - 9;
  *year = (gint64) yoe + era * 400 + (*month <= 2);
}

/* Writes "YYYY-MM-DD HH:MM:SS" (19 bytes and a NUL) to @buf, or only the
 * date when @with_time is FALSE. */
void
fake_format_datetime_into (gint64    unix_utc,
                           gboolean  with_time,
                           char     *buf)
{
  gint64 days = unix_utc >= 0 ? unix_utc / 86400 : -((-unix_utc + 86399) / 86400);
  gint64 seconds = unix_utc - days * 86400;
  gint64 year;
  guint month, day;

  civil_from_days (days, &year, &month, &day);
  year = CLAMP (year, 0, 9999);

  if (with_time)
    g_snprintf (buf, FAKE_DATETIME_SIZE, "%04u-%02u-%02u %02u:%02u:%02u",
                (guint) year, month, day,
                (guint) (seconds / 3600), (guint) (seconds / 60 % 60), (guint) (seconds % 60));
  else
    g_snprintf (buf, FAKE_DATETIME_SIZE, "%04u-%02u-%02u", (guint) year, month, day);
}

char *
fake_format_datetime (gint64 unix_utc)
{
  char buf[FAKE_DATETIME_SIZE];

  fake_format_datetime_into (unix_utc, TRUE, buf);

  return g_strdup (buf);
}

/* "2026-11-29 08:30:00", "2026-11-29 08:30:00.123" or "2026-11-29". */
gboolean
fake_parse_datetime (const char *text,
                     gint64     *unix_utc)
{
  guint year, month, day, hour = 0, minute = 0, second = 0;
  static const guint days_in_month[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  const char *p = text;
  char *end;

  if (text == NULL || strlen (text) < 10 ||
      !g_ascii_isdigit (text[0]) || text[4] != '-' || text[7] != '-')
    return FALSE;

  year = strtoul (p, &end, 10);
  if (end != text + 4)
    return FALSE;
  month = strtoul (text + 5, &end, 10);
  if (end != text + 7)
    return FALSE;
  day = strtoul (text + 8, &end, 10);
  if (end != text + 10)
    return FALSE;

  p = text + 10;
  if (*p == ' ' || *p == 'T')
    {
      if (strlen (p) < 9 || p[3] != ':' || p[6] != ':' ||
          !g_ascii_isdigit (p[1]) || !g_ascii_isdigit (p[2]) ||
          !g_ascii_isdigit (p[4]) || !g_ascii_isdigit (p[5]) ||
          !g_ascii_isdigit (p[7]) || !g_ascii_isdigit (p[8]))
        return FALSE;
      hour = (p[1] - '0') * 10 + (p[2] - '0');
      minute = (p[4] - '0') * 10 + (p[5] - '0');
      second = (p[7] - '0') * 10 + (p[8] - '0');
      p += 9;
      if (*p == '.')
        for (p++; g_ascii_isdigit (*p); p++)
          ;
    }

  if (*p != '\0' || month < 1 || month > 12 || day < 1 || day > days_in_month[month - 1] ||
      hour > 23 || minute > 59 || second > 59)
    return FALSE;

  *unix_utc = days_from_civil (year, month, day) * 86400 + hour * 3600 + minute * 60 + second;

  return TRUE;
}
