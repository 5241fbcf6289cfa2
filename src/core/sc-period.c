/* sc-period.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-period"

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "sc-period.h"

/* Calendar arithmetic runs on day numbers (days since 1970-01-01 in the
 * proleptic Gregorian calendar) rather than on GDateTime, so that no input,
 * however extreme, can make a constructor return NULL halfway through. The
 * time zone is only asked for its UTC offset at a given instant, and local
 * wall time is turned back into an instant by local_to_utc(), which handles
 * DST gaps and overlaps in one place. GDateTime is left to localized
 * formatting.
 *
 * Instants are clamped to 0001-01-01 00:00:00 to 9999-12-31 23:59:59 UTC, the
 * range GDateTime and Odoo's four-digit years can represent, and local dates
 * to the same calendar range.
 */

#define SECONDS_PER_DAY  G_GINT64_CONSTANT (86400)
#define TIME_MIN         G_GINT64_CONSTANT (-62135596800)  /* 0001-01-01 00:00:00 UTC */
#define TIME_MAX         G_GINT64_CONSTANT (253402300799)  /* 9999-12-31 23:59:59 UTC */
#define DAY_MIN          G_GINT64_CONSTANT (-719162)       /* 0001-01-01, a Monday */
#define DAY_MAX          G_GINT64_CONSTANT (2932896)       /* 9999-12-31 */
#define YEAR_MIN         1
#define YEAR_MAX         9999

/* Auxiliary methods */

static gint64
floor_div (gint64 a,
           gint64 b)
{
  gint64 q = a / b;

  if (a % b != 0 && (a < 0) != (b < 0))
    q--;

  return q;
}

/* Howard Hinnant's days_from_civil() and civil_from_days(), valid far beyond
 * the years we clamp to.
 */
static gint64
days_from_civil (gint64 year,
                 int    month,
                 int    day)
{
  gint64 era, yoe, doy, doe;

  year -= month <= 2;
  era = (year >= 0 ? year : year - 399) / 400;
  yoe = year - era * 400;
  doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return era * 146097 + doe - 719468;
}

static void
civil_from_days (gint64  days,
                 int    *year,
                 int    *month,
                 int    *day)
{
  gint64 z, era, doe, yoe, doy, mp;

  z = days + 719468;
  era = (z >= 0 ? z : z - 146096) / 146097;
  doe = z - era * 146097;
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;

  *day = (int) (doy - (153 * mp + 2) / 5 + 1);
  *month = (int) (mp < 10 ? mp + 3 : mp - 9);
  *year = (int) (yoe + era * 400 + (*month <= 2));
}

/* 0 for Monday to 6 for Sunday; 1970-01-01 was a Thursday. */
static int
weekday_of_days (gint64 days)
{
  return (int) (((days + 3) % 7 + 7) % 7);
}

static gboolean
is_leap_year (int year)
{
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static int
days_in_month (int year,
               int month)
{
  static const int lengths[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  if (month == 2 && is_leap_year (year))
    return 29;

  return lengths[month - 1];
}

static void
iso_week_of_days (gint64  days,
                  int    *week_year,
                  int    *week)
{
  gint64 thursday = days - weekday_of_days (days) + 3;
  int year, month, day;

  /* An ISO week belongs to the year that holds its Thursday. */
  civil_from_days (thursday, &year, &month, &day);

  *week_year = year;
  *week = (int) ((thursday - days_from_civil (year, 1, 1)) / 7 + 1);
}

static GTimeZone *
ref_zone (GTimeZone *tz)
{
  return tz != NULL ? g_time_zone_ref (tz) : g_time_zone_new_local ();
}

static gint32
offset_at (GTimeZone *tz,
           gint64     utc)
{
  int interval = g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, utc);

  return g_time_zone_get_offset (tz, MAX (interval, 0));
}

/* The first instant whose local wall time in tz is at or after local. That
 * is the instant itself when it exists once, the earlier of the two in a
 * fall-back overlap, and the end of the gap when a spring-forward skips it:
 * a day whose midnight does not exist starts when the clock jumps.
 *
 * UTC offsets stay within ±1 day, so the offsets a day either side are the
 * only two that can apply, unless a zone changes twice within two days.
 */
static gint64
local_to_utc (GTimeZone *tz,
              gint64     local)
{
  gint32 before = offset_at (tz, local - SECONDS_PER_DAY);
  gint32 after = offset_at (tz, local + SECONDS_PER_DAY);
  gint64 early = local - before;
  gint64 late = local - after;
  gboolean early_ok = offset_at (tz, early) == before;
  gboolean late_ok = offset_at (tz, late) == after;
  gint64 lo, hi;

  if (early_ok && late_ok)
    return MIN (early, late);
  if (early_ok)
    return early;
  if (late_ok)
    return late;

  if (before >= after)
    return early;

  /* A gap: the transition to `after` lies in (late, early]. */
  lo = late;
  hi = early;
  while (hi - lo > 1)
    {
      gint64 mid = lo + (hi - lo) / 2;

      if (offset_at (tz, mid) == after)
        hi = mid;
      else
        lo = mid;
    }

  return hi;
}

static gint64
utc_to_local (GTimeZone *tz,
              gint64     utc)
{
  gint64 local;

  utc = CLAMP (utc, TIME_MIN, TIME_MAX);
  local = utc + offset_at (tz, utc);

  return CLAMP (local, TIME_MIN, TIME_MAX);
}

static gint64
local_days_of (GTimeZone *tz,
               gint64     utc)
{
  return floor_div (utc_to_local (tz, utc), SECONDS_PER_DAY);
}

static gint64
period_start_days (ScReportType type,
                   gint64       days)
{
  int year, month, day;

  switch (type)
    {
    case SC_REPORT_TYPE_WEEKLY:
      return days - weekday_of_days (days);

    case SC_REPORT_TYPE_MONTHLY:
      civil_from_days (days, &year, &month, &day);
      return days_from_civil (year, month, 1);

    case SC_REPORT_TYPE_YEARLY:
      civil_from_days (days, &year, &month, &day);
      return days_from_civil (year, 1, 1);

    case SC_REPORT_TYPE_DAILY:
    default:
      return days;
    }
}

/* Moves a period start by offset periods, clamped to the first and last
 * period that fit in years 1 to 9999.
 */
static gint64
period_move_days (ScReportType type,
                  gint64       start,
                  gint64       offset)
{
  gint64 index;
  int year, month, day;

  switch (type)
    {
    case SC_REPORT_TYPE_WEEKLY:
      start = CLAMP (start + 7 * offset, DAY_MIN, DAY_MAX);
      return start - weekday_of_days (start);

    case SC_REPORT_TYPE_MONTHLY:
      civil_from_days (start, &year, &month, &day);
      index = (gint64) year * 12 + (month - 1) + offset;
      index = CLAMP (index, YEAR_MIN * 12, YEAR_MAX * 12 + 11);
      return days_from_civil (index / 12, (int) (index % 12) + 1, 1);

    case SC_REPORT_TYPE_YEARLY:
      civil_from_days (start, &year, &month, &day);
      index = CLAMP (year + offset, YEAR_MIN, YEAR_MAX);
      return days_from_civil (index, 1, 1);

    case SC_REPORT_TYPE_DAILY:
    default:
      return CLAMP (start + offset, DAY_MIN, DAY_MAX);
    }
}

static gint64
period_end_days (ScReportType type,
                 gint64       start)
{
  int year, month, day;

  switch (type)
    {
    case SC_REPORT_TYPE_WEEKLY:
      return start + 7;

    case SC_REPORT_TYPE_MONTHLY:
      civil_from_days (start, &year, &month, &day);
      return start + days_in_month (year, month);

    case SC_REPORT_TYPE_YEARLY:
      civil_from_days (start, &year, &month, &day);
      return days_from_civil ((gint64) year + 1, 1, 1);

    case SC_REPORT_TYPE_DAILY:
    default:
      return start + 1;
    }
}

static void
period_days (ScReportType  type,
             gint64        utc,
             int           offset,
             GTimeZone    *tz,
             gint64       *start,
             gint64       *end)
{
  gint64 days = period_start_days (type, local_days_of (tz, utc));

  if (offset != 0)
    days = period_move_days (type, days, offset);

  *start = days;
  *end = period_end_days (type, days);
}

/* Reads exactly n_digits ASCII digits. Stops at the first non-digit, so it
 * never reads past a terminating NUL.
 */
static gboolean
parse_digits (const char **p,
              int          n_digits,
              int         *value)
{
  int result = 0;

  for (int i = 0; i < n_digits; i++)
    {
      if (!g_ascii_isdigit ((*p)[i]))
        return FALSE;
      result = result * 10 + ((*p)[i] - '0');
    }

  *p += n_digits;
  *value = result;

  return TRUE;
}

/* YYYY-MM-DD, years 1 to 9999, days checked against the month. */
static gboolean
parse_date (const char **p,
            gint64      *days)
{
  int year, month, day;

  if (!parse_digits (p, 4, &year) || *(*p)++ != '-' ||
      !parse_digits (p, 2, &month) || *(*p)++ != '-' ||
      !parse_digits (p, 2, &day))
    return FALSE;

  if (year < YEAR_MIN || month < 1 || month > 12 ||
      day < 1 || day > days_in_month (year, month))
    return FALSE;

  *days = days_from_civil (year, month, day);

  return TRUE;
}

/* HH:MM, then :SS unless need_seconds is FALSE and it is missing. */
static gboolean
parse_time (const char **p,
            gboolean     need_seconds,
            int         *seconds_of_day)
{
  int hour, minute, second = 0;

  if (!parse_digits (p, 2, &hour) || *(*p)++ != ':' ||
      !parse_digits (p, 2, &minute))
    return FALSE;

  if (**p == ':')
    {
      (*p)++;
      if (!parse_digits (p, 2, &second))
        return FALSE;
    }
  else if (need_seconds)
    {
      return FALSE;
    }

  if (hour > 23 || minute > 59 || second > 59)
    return FALSE;

  *seconds_of_day = hour * 3600 + minute * 60 + second;

  return TRUE;
}

/* Z, or ±HH[[:]MM]. Offsets up to ±23:59 are accepted although real zones
 * stay within ±14:00.
 */
static gboolean
parse_zone (const char **p,
            int         *offset)
{
  int sign, hours, minutes = 0;

  if (**p == 'Z' || **p == 'z')
    {
      (*p)++;
      *offset = 0;
      return TRUE;
    }

  if (**p != '+' && **p != '-')
    return FALSE;

  sign = *(*p)++ == '-' ? -1 : 1;

  if (!parse_digits (p, 2, &hours))
    return FALSE;

  if (**p == ':')
    {
      (*p)++;
      if (!parse_digits (p, 2, &minutes))
        return FALSE;
    }
  else if (g_ascii_isdigit (**p) && !parse_digits (p, 2, &minutes))
    {
      return FALSE;
    }

  if (hours > 23 || minutes > 59)
    return FALSE;

  *offset = sign * (hours * 3600 + minutes * 60);

  return TRUE;
}

static gboolean
parse_user_time (const char *text,
                 GTimeZone  *tz,
                 gint64     *utc)
{
  const char *p = text;
  gint64 days, local;
  int seconds_of_day, offset;

  if (!parse_date (&p, &days))
    return FALSE;

  if (*p == '\0')
    {
      /* A bare date means that day at noon local time. The kpi_tracking
       * addon keeps one submission per KPI, user and UTC day, and noon is
       * the instant whose UTC date stays the same calendar date for every
       * offset within ±11 hours (noon minus 11 h is 01:00 UTC, noon plus
       * 11 h is 23:00 UTC). Midnight would file an entry made in Kolkata or
       * Berlin under the previous UTC day. Only zones at +12 h and beyond
       * (New Zealand in summer, Tonga, Kiribati) land on the previous UTC
       * day, and -12 h is uninhabited.
       */
      *utc = local_to_utc (tz, days * SECONDS_PER_DAY + 12 * 3600);
      return TRUE;
    }

  if (*p != ' ' && *p != 'T' && *p != 't')
    return FALSE;
  p++;

  if (!parse_time (&p, FALSE, &seconds_of_day))
    return FALSE;

  /* Fractions of a second, as ISO 8601 allows, are dropped. */
  if ((*p == '.' || *p == ',') && g_ascii_isdigit (p[1]))
    {
      p++;
      while (g_ascii_isdigit (*p))
        p++;
    }

  local = days * SECONDS_PER_DAY + seconds_of_day;

  while (*p == ' ')
    p++;

  if (*p == '\0')
    {
      *utc = local_to_utc (tz, local);
      return TRUE;
    }

  if (!parse_zone (&p, &offset) || *p != '\0')
    return FALSE;

  *utc = local - offset;

  return TRUE;
}

static char *
format_date_days (gint64 days)
{
  int year, month, day;

  civil_from_days (days, &year, &month, &day);

  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

/* Public API */

/**
 * sc_period_bounds:
 * @type: the reporting period
 * @utc: an instant, in Unix seconds
 * @tz: (nullable): the time zone that defines the calendar, or %NULL for
 *   the local one
 * @start: (out) (optional): the first second of the period
 * @end: (out) (optional): the first second after the period
 *
 * Gets the bounds [@start, @end) of the period of @type that contains @utc.
 * Periods begin at local midnight in @tz: a calendar day, an ISO 8601 week
 * from Monday, a calendar month or a calendar year. Across a DST change a
 * day lasts 23 or 25 hours. If midnight falls in a DST gap, the day begins
 * when the clock jumps.
 */
void
sc_period_bounds (ScReportType  type,
                  gint64        utc,
                  GTimeZone    *tz,
                  gint64       *start,
                  gint64       *end)
{
  sc_period_bounds_offset (type, utc, 0, tz, start, end);
}

/**
 * sc_period_bounds_offset:
 * @type: the reporting period
 * @utc: an instant, in Unix seconds
 * @offset: how many periods to move, -1 for the previous one
 * @tz: (nullable): the time zone, or %NULL for the local one
 * @start: (out) (optional): the first second of the period
 * @end: (out) (optional): the first second after the period
 *
 * Like sc_period_bounds(), but for the period @offset periods away from the
 * one that contains @utc. Moving stops at the first and last periods of
 * years 1 to 9999.
 */
void
sc_period_bounds_offset (ScReportType  type,
                         gint64        utc,
                         int           offset,
                         GTimeZone    *tz,
                         gint64       *start,
                         gint64       *end)
{
  g_autoptr(GTimeZone) zone = NULL;
  gint64 start_days, end_days;

  g_return_if_fail (type <= SC_REPORT_TYPE_YEARLY);

  zone = ref_zone (tz);
  period_days (type, utc, offset, zone, &start_days, &end_days);

  if (start != NULL)
    *start = local_to_utc (zone, start_days * SECONDS_PER_DAY);
  if (end != NULL)
    *end = local_to_utc (zone, end_days * SECONDS_PER_DAY);
}

/**
 * sc_period_label:
 * @type: the reporting period
 * @utc: an instant, in Unix seconds
 * @tz: (nullable): the time zone, or %NULL for the local one
 *
 * Gets a stable, untranslated key for the period that contains @utc:
 * "2026-11-29", "2026-W48", "2026-11" or "2026". Weeks are numbered by
 * ISO 8601 week-year, so 2027-01-01 is in "2026-W53".
 *
 * Returns: (transfer full): the label
 */
char *
sc_period_label (ScReportType  type,
                 gint64        utc,
                 GTimeZone    *tz)
{
  g_autoptr(GTimeZone) zone = NULL;
  gint64 start, end;
  int year, month, day, week_year, week;

  g_return_val_if_fail (type <= SC_REPORT_TYPE_YEARLY, NULL);

  zone = ref_zone (tz);
  period_days (type, utc, 0, zone, &start, &end);
  civil_from_days (start, &year, &month, &day);

  switch (type)
    {
    case SC_REPORT_TYPE_WEEKLY:
      iso_week_of_days (start, &week_year, &week);
      return g_strdup_printf ("%04d-W%02d", week_year, week);

    case SC_REPORT_TYPE_MONTHLY:
      return g_strdup_printf ("%04d-%02d", year, month);

    case SC_REPORT_TYPE_YEARLY:
      return g_strdup_printf ("%04d", year);

    case SC_REPORT_TYPE_DAILY:
    default:
      return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
    }
}

/**
 * sc_period_title:
 * @type: the reporting period
 * @utc: an instant, in Unix seconds
 * @tz: (nullable): the time zone, or %NULL for the local one
 *
 * Gets a localized title for the period that contains @utc, such as
 * "Sunday, 11/29/26", "Week 48, 2026", "November 2026" or "2026". It
 * follows LC_TIME and the translation.
 *
 * Returns: (transfer full): the title
 */
char *
sc_period_title (ScReportType  type,
                 gint64        utc,
                 GTimeZone    *tz)
{
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) dt = NULL;
  char *title = NULL;
  gint64 start, end;
  int year, month, day, week_year, week;

  g_return_val_if_fail (type <= SC_REPORT_TYPE_YEARLY, NULL);

  zone = ref_zone (tz);
  period_days (type, utc, 0, zone, &start, &end);
  civil_from_days (start, &year, &month, &day);

  switch (type)
    {
    case SC_REPORT_TYPE_WEEKLY:
      iso_week_of_days (start, &week_year, &week);
      /* Translators: title of a weekly period: the ISO week number, then
       * its year. Use %2$d and %1$d to swap them.
       */
      return g_strdup_printf (C_("weekly period", "Week %d, %d"), week, week_year);

    case SC_REPORT_TYPE_YEARLY:
      return g_strdup_printf ("%d", year);

    case SC_REPORT_TYPE_MONTHLY:
    case SC_REPORT_TYPE_DAILY:
    default:
      break;
    }

  /* Noon always exists, whatever the DST rules. NULL only at the very ends
   * of the supported range.
   */
  dt = g_date_time_new (zone, year, month, day, 12, 0, 0);
  if (dt != NULL)
    {
      if (type == SC_REPORT_TYPE_MONTHLY)
        {
          /* Translators: title of a monthly period, a g_date_time_format()
           * format. %OB is the month name in the form used without a day.
           */
          /* xgettext:no-c-format */
          title = g_date_time_format (dt, C_("monthly period", "%OB %Y"));
        }
      else
        {
          /* Translators: title of a daily period, a g_date_time_format()
           * format. %A is the weekday, %x the locale's date.
           */
          /* xgettext:no-c-format */
          title = g_date_time_format (dt, C_("daily period", "%A, %x"));
        }
    }

  if (title == NULL)
    title = sc_period_label (type, utc, zone);

  return title;
}

/**
 * sc_period_progress:
 * @type: the reporting period
 * @utc: an instant, in Unix seconds
 * @tz: (nullable): the time zone, or %NULL for the local one
 *
 * Gets how much of the period that contains @utc has elapsed at @utc, in
 * real time: 12:00 on a 25-hour day is 0.52, not 0.5.
 *
 * Returns: a fraction from 0 to 1
 */
double
sc_period_progress (ScReportType  type,
                    gint64        utc,
                    GTimeZone    *tz)
{
  gint64 start, end;

  g_return_val_if_fail (type <= SC_REPORT_TYPE_YEARLY, 0.0);

  sc_period_bounds (type, utc, tz, &start, &end);

  if (end <= start || utc <= start)
    return 0.0;
  if (utc >= end)
    return 1.0;

  return (double) (utc - start) / (double) (end - start);
}

/**
 * sc_period_days_left:
 * @type: the reporting period
 * @utc: an instant, in Unix seconds
 * @tz: (nullable): the time zone, or %NULL for the local one
 *
 * Gets the calendar days left in the period that contains @utc, counting
 * the current day, which is the same as the time left rounded up to whole
 * days. The last day of a period has 1 day left.
 *
 * Returns: the number of days, at least 1
 */
int
sc_period_days_left (ScReportType  type,
                     gint64        utc,
                     GTimeZone    *tz)
{
  g_autoptr(GTimeZone) zone = NULL;
  gint64 start, end;

  g_return_val_if_fail (type <= SC_REPORT_TYPE_YEARLY, 0);

  zone = ref_zone (tz);
  period_days (type, utc, 0, zone, &start, &end);

  return (int) (end - local_days_of (zone, utc));
}

/**
 * sc_utc_day_start:
 * @utc: an instant, in Unix seconds
 *
 * Gets the start of the UTC day that contains @utc. The kpi_tracking addon
 * allows one submission per KPI, user and UTC day. Negative times round
 * down, so -1 gives -86400. The result is clamped to %G_MININT64 near the
 * bottom of the range.
 *
 * Returns: a multiple of 86400
 */
gint64
sc_utc_day_start (gint64 utc)
{
  gint64 rest = utc % SECONDS_PER_DAY;

  if (rest < 0)
    rest += SECONDS_PER_DAY;

  if (utc < G_MININT64 + rest)
    return G_MININT64;

  return utc - rest;
}

/**
 * sc_time_to_odoo:
 * @utc: an instant, in Unix seconds
 *
 * Formats @utc the way Odoo writes datetimes: UTC, "YYYY-MM-DD HH:MM:SS".
 * Instants outside years 1 to 9999 are clamped.
 *
 * Returns: (transfer full): the text
 */
char *
sc_time_to_odoo (gint64 utc)
{
  gint64 days, rest;
  int year, month, day;

  utc = CLAMP (utc, TIME_MIN, TIME_MAX);
  days = floor_div (utc, SECONDS_PER_DAY);
  rest = utc - days * SECONDS_PER_DAY;
  civil_from_days (days, &year, &month, &day);

  return g_strdup_printf ("%04d-%02d-%02d %02d:%02d:%02d",
                          year, month, day,
                          (int) (rest / 3600), (int) (rest / 60 % 60), (int) (rest % 60));
}

/**
 * sc_time_from_odoo:
 * @text: (nullable): an Odoo datetime or date
 * @utc: (out) (optional): where to store the instant
 *
 * Parses an Odoo datetime, "YYYY-MM-DD HH:MM:SS" in UTC, or an Odoo date,
 * "YYYY-MM-DD", taken as 00:00 UTC. Nothing else is accepted: no other
 * separators, no fractions, no surrounding space, no out-of-range field.
 * %NULL, as Odoo's `false` for an empty field may become, is rejected
 * quietly.
 *
 * Returns: %TRUE if @text was valid
 */
gboolean
sc_time_from_odoo (const char *text,
                   gint64     *utc)
{
  const char *p = text;
  gint64 days;
  int seconds_of_day = 0;

  if (text == NULL || !parse_date (&p, &days))
    return FALSE;

  if (*p == ' ')
    {
      p++;
      if (!parse_time (&p, TRUE, &seconds_of_day))
        return FALSE;
    }

  if (*p != '\0')
    return FALSE;

  if (utc != NULL)
    *utc = days * SECONDS_PER_DAY + seconds_of_day;

  return TRUE;
}

/**
 * sc_time_parse_user:
 * @text: what the user typed
 * @tz: (nullable): the time zone for local times, or %NULL for the local one
 * @utc: (out) (optional): where to store the instant
 * @error: return location for a #GError
 *
 * Parses a date or time typed by a user, for example a command-line
 * `--date` or a CSV cell. Surrounding space is ignored. Accepted forms:
 *
 * - "YYYY-MM-DD": that date at 12:00 in @tz. Noon keeps the UTC date, which
 *   decides the addon's one submission per day, on the same calendar date
 *   for any offset within ±11 hours.
 * - "YYYY-MM-DD HH:MM" or "YYYY-MM-DD HH:MM:SS", with a space or a "T":
 *   that wall time in @tz. A time skipped by a DST change gives the instant
 *   the clock jumped; a time that occurs twice gives the first.
 * - ISO 8601 with "Z" or a ±HH:MM, ±HHMM or ±HH offset, such as
 *   "2026-11-29T21:27:13Z": that instant. Fractions of a second are
 *   dropped.
 *
 * Returns: %TRUE on success, %FALSE with @error set in %G_IO_ERROR
 *   (%G_IO_ERROR_INVALID_DATA) otherwise
 */
gboolean
sc_time_parse_user (const char  *text,
                    GTimeZone   *tz,
                    gint64      *utc,
                    GError     **error)
{
  g_autoptr(GTimeZone) zone = NULL;
  g_autofree char *stripped = NULL;
  g_autofree char *valid = NULL;
  g_autofree char *shown = NULL;
  gint64 result;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  zone = ref_zone (tz);
  stripped = g_strstrip (g_strdup (text));

  if (parse_user_time (stripped, zone, &result))
    {
      if (utc != NULL)
        *utc = result;
      return TRUE;
    }

  if (*stripped == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("No date given. Use YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS], "
                             "or ISO 8601 with a time zone such as 2026-11-29T21:27:00Z"));
      return FALSE;
    }

  /* The text goes into a UTF-8 message and may be a whole CSV line. */
  valid = g_utf8_make_valid (stripped, -1);
  if (g_utf8_strlen (valid, -1) > 40)
    {
      g_autofree char *head = g_utf8_substring (valid, 0, 40);

      shown = g_strconcat (head, "…", NULL);
    }
  else
    {
      shown = g_steal_pointer (&valid);
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               /* Translators: %s is the text the user gave. Translate the
                * format names if your language writes them differently.
                */
               _("“%s” is not a valid date or time. Use YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS], "
                 "or ISO 8601 with a time zone such as 2026-11-29T21:27:00Z"),
               shown);

  return FALSE;
}

/**
 * sc_time_format_local:
 * @utc: an instant, in Unix seconds
 * @tz: (nullable): the time zone, or %NULL for the local one
 *
 * Formats @utc as wall time in @tz, "YYYY-MM-DD HH:MM".
 *
 * Returns: (transfer full): the text
 */
char *
sc_time_format_local (gint64     utc,
                      GTimeZone *tz)
{
  g_autoptr(GTimeZone) zone = ref_zone (tz);
  gint64 local = utc_to_local (zone, utc);
  gint64 days = floor_div (local, SECONDS_PER_DAY);
  gint64 rest = local - days * SECONDS_PER_DAY;
  g_autofree char *date = format_date_days (days);

  return g_strdup_printf ("%s %02d:%02d", date, (int) (rest / 3600), (int) (rest / 60 % 60));
}

/**
 * sc_date_format_local:
 * @utc: an instant, in Unix seconds
 * @tz: (nullable): the time zone, or %NULL for the local one
 *
 * Formats the date of @utc in @tz, "YYYY-MM-DD".
 *
 * Returns: (transfer full): the text
 */
char *
sc_date_format_local (gint64     utc,
                      GTimeZone *tz)
{
  g_autoptr(GTimeZone) zone = ref_zone (tz);

  return format_date_days (floor_div (utc_to_local (zone, utc), SECONDS_PER_DAY));
}
