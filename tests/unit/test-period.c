/* test-period.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-period"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <gio/gio.h>

#include "sc-period.h"

#define HOUR 3600
#define DAY  (24 * HOUR)

/* Every test names its zone: none relies on the machine's TZ. */

static gint64
utc_of (int year,
        int month,
        int day,
        int hour,
        int minute,
        int second)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (year, month, day, hour, minute, second);

  g_assert_nonnull (dt);

  return g_date_time_to_unix (dt);
}

static GTimeZone *
zone_or_skip (const char *identifier)
{
  GTimeZone *tz = g_time_zone_new_identifier (identifier);

  if (tz == NULL)
    {
      g_autofree char *message = g_strdup_printf ("time zone %s is not installed", identifier);

      g_test_skip (message);
    }

  return tz;
}

static void
assert_bounds (ScReportType  type,
               gint64        utc,
               int           offset,
               GTimeZone    *tz,
               gint64        expected_start,
               gint64        expected_end)
{
  gint64 start = 0, end = 0;

  sc_period_bounds_offset (type, utc, offset, tz, &start, &end);
  g_assert_cmpint (start, ==, expected_start);
  g_assert_cmpint (end, ==, expected_end);
}

static void
assert_label (ScReportType  type,
              gint64        utc,
              GTimeZone    *tz,
              const char   *expected)
{
  g_autofree char *label = sc_period_label (type, utc, tz);

  g_assert_cmpstr (label, ==, expected);
}

/* Tests */

static void
test_iso_week_boundaries (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  struct {
    int year, month, day;
    const char *label;
  } cases[] = {
    { 2020, 12, 31, "2020-W53" },
    { 2021, 1, 1, "2020-W53" },
    { 2021, 1, 3, "2020-W53" },
    { 2021, 1, 4, "2021-W01" },
    { 2026, 11, 29, "2026-W48" },
    { 2026, 12, 28, "2026-W53" },
    { 2026, 12, 31, "2026-W53" },
    { 2027, 1, 1, "2026-W53" },
    { 2027, 1, 3, "2026-W53" },
    { 2027, 1, 4, "2027-W01" },
    { 2024, 12, 30, "2025-W01" },
    { 2008, 12, 29, "2009-W01" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_label (SC_REPORT_TYPE_WEEKLY,
                  utc_of (cases[i].year, cases[i].month, cases[i].day, 12, 0, 0),
                  utc, cases[i].label);
}

static void
test_iso_week_matches_glib (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  gint64 t = utc_of (1995, 1, 1, 6, 0, 0);
  gint64 stop = utc_of (2045, 1, 1, 0, 0, 0);

  for (; t < stop; t += DAY)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (t);
      g_autofree char *expected = g_date_time_format (dt, "%G-W%V");
      g_autofree char *label = sc_period_label (SC_REPORT_TYPE_WEEKLY, t, utc);
      gint64 start, end;

      g_assert_cmpstr (label, ==, expected);

      sc_period_bounds (SC_REPORT_TYPE_WEEKLY, t, utc, &start, &end);
      g_assert_cmpint (end - start, ==, 7 * DAY);
      g_assert_cmpint (start, <=, t);
      g_assert_cmpint (t, <, end);
      g_assert_cmpint (g_date_time_get_day_of_week (dt) - 1, ==, (t - start) / DAY);
    }
}

static void
test_weekly_bounds (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  assert_bounds (SC_REPORT_TYPE_WEEKLY, utc_of (2026, 11, 29, 21, 27, 13), 0, utc,
                 utc_of (2026, 11, 23, 0, 0, 0), utc_of (2026, 11, 30, 0, 0, 0));
  assert_bounds (SC_REPORT_TYPE_WEEKLY, utc_of (2026, 11, 23, 0, 0, 0), 0, utc,
                 utc_of (2026, 11, 23, 0, 0, 0), utc_of (2026, 11, 30, 0, 0, 0));
  assert_bounds (SC_REPORT_TYPE_WEEKLY, utc_of (2027, 1, 1, 9, 0, 0), 0, utc,
                 utc_of (2026, 12, 28, 0, 0, 0), utc_of (2027, 1, 4, 0, 0, 0));
}

static void
test_monthly_yearly_bounds (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  gint64 t = utc_of (2026, 11, 29, 21, 27, 13);

  assert_bounds (SC_REPORT_TYPE_MONTHLY, t, 0, utc,
                 utc_of (2026, 11, 1, 0, 0, 0), utc_of (2026, 12, 1, 0, 0, 0));
  assert_bounds (SC_REPORT_TYPE_MONTHLY, utc_of (2026, 12, 31, 23, 59, 59), 0, utc,
                 utc_of (2026, 12, 1, 0, 0, 0), utc_of (2027, 1, 1, 0, 0, 0));
  assert_bounds (SC_REPORT_TYPE_MONTHLY, utc_of (2028, 2, 29, 0, 0, 0), 0, utc,
                 utc_of (2028, 2, 1, 0, 0, 0), utc_of (2028, 3, 1, 0, 0, 0));
  assert_bounds (SC_REPORT_TYPE_MONTHLY, utc_of (2100, 2, 15, 0, 0, 0), 0, utc,
                 utc_of (2100, 2, 1, 0, 0, 0), utc_of (2100, 3, 1, 0, 0, 0));
  assert_bounds (SC_REPORT_TYPE_YEARLY, t, 0, utc,
                 utc_of (2026, 1, 1, 0, 0, 0), utc_of (2027, 1, 1, 0, 0, 0));
  assert_bounds (SC_REPORT_TYPE_DAILY, t, 0, utc,
                 utc_of (2026, 11, 29, 0, 0, 0), utc_of (2026, 11, 30, 0, 0, 0));

  assert_label (SC_REPORT_TYPE_DAILY, t, utc, "2026-11-29");
  assert_label (SC_REPORT_TYPE_MONTHLY, t, utc, "2026-11");
  assert_label (SC_REPORT_TYPE_YEARLY, t, utc, "2026");
  assert_label (SC_REPORT_TYPE_MONTHLY, utc_of (1969, 12, 31, 23, 59, 59), utc, "1969-12");
}

static void
test_dst_bounds (void)
{
  g_autoptr(GTimeZone) berlin = zone_or_skip ("Europe/Berlin");

  if (berlin == NULL)
    return;

  /* Spring forward: 2026-03-29 02:00 CET becomes 03:00 CEST. */
  assert_bounds (SC_REPORT_TYPE_DAILY, utc_of (2026, 3, 29, 12, 0, 0), 0, berlin,
                 utc_of (2026, 3, 28, 23, 0, 0), utc_of (2026, 3, 29, 22, 0, 0));
  /* Fall back: 2026-10-25 03:00 CEST becomes 02:00 CET. */
  assert_bounds (SC_REPORT_TYPE_DAILY, utc_of (2026, 10, 25, 12, 0, 0), 0, berlin,
                 utc_of (2026, 10, 24, 22, 0, 0), utc_of (2026, 10, 25, 23, 0, 0));
  /* Both hours of the repeated 02:00-03:00 belong to the same day. */
  assert_label (SC_REPORT_TYPE_DAILY, utc_of (2026, 10, 25, 0, 30, 0), berlin, "2026-10-25");
  assert_label (SC_REPORT_TYPE_DAILY, utc_of (2026, 10, 25, 1, 30, 0), berlin, "2026-10-25");

  assert_bounds (SC_REPORT_TYPE_WEEKLY, utc_of (2026, 3, 29, 12, 0, 0), 0, berlin,
                 utc_of (2026, 3, 22, 23, 0, 0), utc_of (2026, 3, 29, 22, 0, 0));
  assert_bounds (SC_REPORT_TYPE_MONTHLY, utc_of (2026, 3, 15, 0, 0, 0), 0, berlin,
                 utc_of (2026, 2, 28, 23, 0, 0), utc_of (2026, 3, 31, 22, 0, 0));
  assert_bounds (SC_REPORT_TYPE_YEARLY, utc_of (2026, 7, 1, 0, 0, 0), 0, berlin,
                 utc_of (2025, 12, 31, 23, 0, 0), utc_of (2026, 12, 31, 23, 0, 0));

  /* Progress is in real time: 12:00 on the 25-hour day is 13/25 through. */
  g_assert_cmpfloat_with_epsilon (sc_period_progress (SC_REPORT_TYPE_DAILY,
                                                      utc_of (2026, 10, 25, 11, 0, 0),
                                                      berlin),
                                  13.0 / 25.0, 1e-9);
}

static void
test_midnight_in_gap (void)
{
  /* Chile springs forward at 24:00, so 2026-09-06 00:00 never happens
   * in Santiago and that day starts at 01:00 -03, the moment of the jump.
   */
  g_autoptr(GTimeZone) santiago = zone_or_skip ("America/Santiago");
  gint64 start, end;

  if (santiago == NULL)
    return;

  sc_period_bounds (SC_REPORT_TYPE_DAILY, utc_of (2026, 9, 6, 18, 0, 0), santiago,
                    &start, &end);
  g_assert_cmpint (start, ==, utc_of (2026, 9, 6, 4, 0, 0));
  g_assert_cmpint (end, ==, utc_of (2026, 9, 7, 3, 0, 0));
  assert_label (SC_REPORT_TYPE_DAILY, start, santiago, "2026-09-06");
  assert_label (SC_REPORT_TYPE_DAILY, start - 1, santiago, "2026-09-05");
}

static void
test_zones (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GTimeZone) kolkata = zone_or_skip ("Asia/Kolkata");
  g_autoptr(GTimeZone) los_angeles = zone_or_skip ("America/Los_Angeles");
  gint64 evening = utc_of (2026, 11, 29, 20, 0, 0);
  gint64 night = utc_of (2026, 11, 30, 3, 0, 0);

  if (kolkata == NULL || los_angeles == NULL)
    return;

  /* 20:00 UTC is already 01:30 tomorrow in Kolkata, +05:30. */
  assert_label (SC_REPORT_TYPE_DAILY, evening, utc, "2026-11-29");
  assert_label (SC_REPORT_TYPE_DAILY, evening, kolkata, "2026-11-30");
  assert_bounds (SC_REPORT_TYPE_DAILY, evening, 0, kolkata,
                 utc_of (2026, 11, 29, 18, 30, 0), utc_of (2026, 11, 30, 18, 30, 0));

  /* 03:00 UTC is still 19:00 yesterday in Los Angeles, -08:00. */
  assert_label (SC_REPORT_TYPE_DAILY, night, utc, "2026-11-30");
  assert_label (SC_REPORT_TYPE_DAILY, night, los_angeles, "2026-11-29");
  assert_bounds (SC_REPORT_TYPE_DAILY, night, 0, los_angeles,
                 utc_of (2026, 11, 29, 8, 0, 0), utc_of (2026, 11, 30, 8, 0, 0));

  /* New Year's Eve in Los Angeles is already next year in UTC. */
  assert_label (SC_REPORT_TYPE_YEARLY, utc_of (2027, 1, 1, 5, 0, 0), los_angeles, "2026");
  assert_label (SC_REPORT_TYPE_MONTHLY, utc_of (2027, 1, 1, 5, 0, 0), los_angeles, "2026-12");
  assert_label (SC_REPORT_TYPE_WEEKLY, utc_of (2026, 11, 29, 20, 0, 0), kolkata, "2026-W49");
}

static void
test_offsets (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GTimeZone) berlin = zone_or_skip ("Europe/Berlin");
  gint64 t = utc_of (2026, 1, 15, 10, 0, 0);
  gint64 start, end, start0, end0;

  if (berlin == NULL)
    return;

  assert_bounds (SC_REPORT_TYPE_DAILY, t, -1, utc,
                 utc_of (2026, 1, 14, 0, 0, 0), utc_of (2026, 1, 15, 0, 0, 0));
  assert_bounds (SC_REPORT_TYPE_DAILY, t, 1, utc,
                 utc_of (2026, 1, 16, 0, 0, 0), utc_of (2026, 1, 17, 0, 0, 0));
  assert_bounds (SC_REPORT_TYPE_WEEKLY, utc_of (2026, 1, 1, 0, 0, 0), -1, utc,
                 utc_of (2025, 12, 22, 0, 0, 0), utc_of (2025, 12, 29, 0, 0, 0));
  assert_bounds (SC_REPORT_TYPE_WEEKLY, t, 1, utc,
                 utc_of (2026, 1, 19, 0, 0, 0), utc_of (2026, 1, 26, 0, 0, 0));
  assert_bounds (SC_REPORT_TYPE_MONTHLY, t, -1, utc,
                 utc_of (2025, 12, 1, 0, 0, 0), utc_of (2026, 1, 1, 0, 0, 0));
  assert_bounds (SC_REPORT_TYPE_MONTHLY, utc_of (2026, 1, 31, 0, 0, 0), 1, utc,
                 utc_of (2026, 2, 1, 0, 0, 0), utc_of (2026, 3, 1, 0, 0, 0));
  assert_bounds (SC_REPORT_TYPE_MONTHLY, t, 13, utc,
                 utc_of (2027, 2, 1, 0, 0, 0), utc_of (2027, 3, 1, 0, 0, 0));
  assert_bounds (SC_REPORT_TYPE_YEARLY, t, -1, utc,
                 utc_of (2025, 1, 1, 0, 0, 0), utc_of (2026, 1, 1, 0, 0, 0));
  assert_bounds (SC_REPORT_TYPE_YEARLY, t, 1, utc,
                 utc_of (2027, 1, 1, 0, 0, 0), utc_of (2028, 1, 1, 0, 0, 0));

  /* The day before 2026-03-30 in Berlin is the 23-hour one. */
  assert_bounds (SC_REPORT_TYPE_DAILY, utc_of (2026, 3, 30, 12, 0, 0), -1, berlin,
                 utc_of (2026, 3, 28, 23, 0, 0), utc_of (2026, 3, 29, 22, 0, 0));

  /* Offset 0 is sc_period_bounds(), and a previous period ends where the
   * current one starts.
   */
  for (ScReportType type = SC_REPORT_TYPE_DAILY; type <= SC_REPORT_TYPE_YEARLY; type++)
    {
      sc_period_bounds (type, t, berlin, &start0, &end0);
      sc_period_bounds_offset (type, t, 0, berlin, &start, &end);
      g_assert_cmpint (start, ==, start0);
      g_assert_cmpint (end, ==, end0);
      sc_period_bounds_offset (type, t, -1, berlin, &start, &end);
      g_assert_cmpint (end, ==, start0);
      sc_period_bounds_offset (type, t, 1, berlin, &start, &end);
      g_assert_cmpint (start, ==, end0);
    }
}

static void
test_extremes (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GTimeZone) kolkata = zone_or_skip ("Asia/Kolkata");
  g_autoptr(GTimeZone) los_angeles = zone_or_skip ("America/Los_Angeles");
  GTimeZone *zones[] = { utc, kolkata, los_angeles };
  const gint64 times[] = { G_MININT64, G_MININT64 + 1, -62135596801, 0,
                           253402300800, G_MAXINT64 - 1, G_MAXINT64 };
  const int offsets[] = { G_MININT, -1, 0, 1, G_MAXINT };

  if (kolkata == NULL || los_angeles == NULL)
    return;

  for (guint z = 0; z < G_N_ELEMENTS (zones); z++)
    for (guint i = 0; i < G_N_ELEMENTS (times); i++)
      for (ScReportType type = SC_REPORT_TYPE_DAILY; type <= SC_REPORT_TYPE_YEARLY; type++)
        {
          g_autofree char *label = sc_period_label (type, times[i], zones[z]);
          g_autofree char *title = sc_period_title (type, times[i], zones[z]);
          g_autofree char *local_time = sc_time_format_local (times[i], zones[z]);
          g_autofree char *local_date = sc_date_format_local (times[i], zones[z]);
          double progress = sc_period_progress (type, times[i], zones[z]);

          g_assert_nonnull (label);
          g_assert_nonnull (title);
          g_assert_nonnull (local_time);
          g_assert_nonnull (local_date);
          g_assert_cmpfloat (progress, >=, 0.0);
          g_assert_cmpfloat (progress, <=, 1.0);
          g_assert_cmpint (sc_period_days_left (type, times[i], zones[z]), >=, 1);

          for (guint o = 0; o < G_N_ELEMENTS (offsets); o++)
            {
              gint64 start, end;

              sc_period_bounds_offset (type, times[i], offsets[o], zones[z], &start, &end);
              g_assert_cmpint (start, <, end);
            }
        }

  assert_bounds (SC_REPORT_TYPE_YEARLY, 0, G_MAXINT, utc,
                 utc_of (9999, 1, 1, 0, 0, 0), 253402300800);
  assert_bounds (SC_REPORT_TYPE_MONTHLY, 0, G_MININT, utc,
                 utc_of (1, 1, 1, 0, 0, 0), utc_of (1, 2, 1, 0, 0, 0));
  assert_label (SC_REPORT_TYPE_DAILY, G_MAXINT64, utc, "9999-12-31");
  assert_label (SC_REPORT_TYPE_WEEKLY, G_MININT64, utc, "0001-W01");
}

static void
test_progress (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  gint64 t = utc_of (2026, 11, 29, 21, 27, 13);

  g_assert_cmpfloat_with_epsilon (sc_period_progress (SC_REPORT_TYPE_MONTHLY,
                                                      utc_of (2026, 11, 16, 0, 0, 0), utc),
                                  0.5, 1e-12);
  g_assert_cmpfloat (sc_period_progress (SC_REPORT_TYPE_DAILY,
                                         utc_of (2026, 11, 29, 0, 0, 0), utc), ==, 0.0);
  g_assert_cmpfloat_with_epsilon (sc_period_progress (SC_REPORT_TYPE_DAILY,
                                                      utc_of (2026, 11, 29, 18, 0, 0), utc),
                                  0.75, 1e-12);

  g_assert_cmpint (sc_period_days_left (SC_REPORT_TYPE_DAILY, t, utc), ==, 1);
  g_assert_cmpint (sc_period_days_left (SC_REPORT_TYPE_WEEKLY, t, utc), ==, 1);
  g_assert_cmpint (sc_period_days_left (SC_REPORT_TYPE_MONTHLY, t, utc), ==, 2);
  g_assert_cmpint (sc_period_days_left (SC_REPORT_TYPE_YEARLY, t, utc), ==, 33);
  g_assert_cmpint (sc_period_days_left (SC_REPORT_TYPE_MONTHLY,
                                        utc_of (2026, 11, 1, 0, 0, 0), utc), ==, 30);
  g_assert_cmpint (sc_period_days_left (SC_REPORT_TYPE_WEEKLY,
                                        utc_of (2026, 11, 23, 0, 0, 0), utc), ==, 7);
}

static void
test_titles (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  gint64 t = utc_of (2026, 11, 29, 21, 27, 13);
  struct {
    ScReportType type;
    const char *title;
  } c_titles[] = {
    { SC_REPORT_TYPE_DAILY, "Sunday, 11/29/26" },
    { SC_REPORT_TYPE_WEEKLY, "Week 48, 2026" },
    { SC_REPORT_TYPE_MONTHLY, "November 2026" },
    { SC_REPORT_TYPE_YEARLY, "2026" },
  }, de_titles[] = {
    { SC_REPORT_TYPE_DAILY, "Sonntag, 29.11.2026" },
    { SC_REPORT_TYPE_MONTHLY, "November 2026" },
    { SC_REPORT_TYPE_YEARLY, "2026" },
  };

  g_assert_nonnull (setlocale (LC_ALL, "C"));
  for (guint i = 0; i < G_N_ELEMENTS (c_titles); i++)
    {
      g_autofree char *title = sc_period_title (c_titles[i].type, t, utc);

      g_assert_cmpstr (title, ==, c_titles[i].title);
    }

  if (setlocale (LC_ALL, "de_DE.UTF-8") != NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (de_titles); i++)
        {
          g_autofree char *title = sc_period_title (de_titles[i].type, t, utc);

          g_assert_cmpstr (title, ==, de_titles[i].title);
        }
    }
  else
    {
      g_test_message ("de_DE.UTF-8 is not available; checked the C locale only");
    }

  setlocale (LC_ALL, saved);
}

static void
test_utc_day_start (void)
{
  g_assert_cmpint (sc_utc_day_start (0), ==, 0);
  g_assert_cmpint (sc_utc_day_start (1), ==, 0);
  g_assert_cmpint (sc_utc_day_start (DAY - 1), ==, 0);
  g_assert_cmpint (sc_utc_day_start (DAY), ==, DAY);
  g_assert_cmpint (sc_utc_day_start (-1), ==, -DAY);
  g_assert_cmpint (sc_utc_day_start (-DAY), ==, -DAY);
  g_assert_cmpint (sc_utc_day_start (-DAY - 1), ==, -2 * DAY);
  g_assert_cmpint (sc_utc_day_start (utc_of (2026, 11, 29, 21, 27, 13)), ==,
                   utc_of (2026, 11, 29, 0, 0, 0));
  g_assert_cmpint (sc_utc_day_start (utc_of (1965, 6, 1, 13, 0, 0)), ==,
                   utc_of (1965, 6, 1, 0, 0, 0));
  g_assert_cmpint (sc_utc_day_start (G_MAXINT64) % DAY, ==, 0);
  g_assert_cmpint (sc_utc_day_start (G_MAXINT64), <=, G_MAXINT64);
  /* The day holding G_MININT64 starts before it, so that clamps. */
  g_assert_cmpint (sc_utc_day_start (G_MININT64), ==, G_MININT64);
  g_assert_cmpint (sc_utc_day_start (G_MININT64 + 2 * DAY) % DAY, ==, 0);
  g_assert_cmpint (sc_utc_day_start (G_MININT64 + 2 * DAY), >, G_MININT64 + DAY);
}

static void
test_odoo_round_trip (void)
{
  const char *texts[] = {
    "2026-11-29 21:27:13",
    "1970-01-01 00:00:00",
    "1969-12-31 23:59:59",
    "1900-02-28 12:00:00",
    "2000-02-29 00:00:01",
    "0001-01-01 00:00:00",
    "9999-12-31 23:59:59",
  };
  gint64 t;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *back = NULL;

      g_assert_true (sc_time_from_odoo (texts[i], &t));
      back = sc_time_to_odoo (t);
      g_assert_cmpstr (back, ==, texts[i]);
    }

  g_assert_true (sc_time_from_odoo ("2026-11-29 21:27:13", &t));
  g_assert_cmpint (t, ==, utc_of (2026, 11, 29, 21, 27, 13));
  g_assert_true (sc_time_from_odoo ("1969-12-31 23:59:59", &t));
  g_assert_cmpint (t, ==, -1);

  /* A date is midnight UTC. */
  g_assert_true (sc_time_from_odoo ("2026-11-29", &t));
  g_assert_cmpint (t, ==, utc_of (2026, 11, 29, 0, 0, 0));
  g_assert_true (sc_time_from_odoo ("2024-02-29", NULL));

  for (gint64 u = -3 * DAY; u < 3 * DAY; u += 4321)
    {
      g_autofree char *text = sc_time_to_odoo (u);

      g_assert_true (sc_time_from_odoo (text, &t));
      g_assert_cmpint (t, ==, u);
    }

  {
    g_autofree char *low = sc_time_to_odoo (G_MININT64);
    g_autofree char *high = sc_time_to_odoo (G_MAXINT64);

    g_assert_cmpstr (low, ==, "0001-01-01 00:00:00");
    g_assert_cmpstr (high, ==, "9999-12-31 23:59:59");
  }
}

static void
test_odoo_reject (void)
{
  const char *bad[] = {
    "",
    " ",
    "2026",
    "2026-11",
    "2026-13-01",
    "2026-00-10",
    "2026-11-00",
    "2026-11-31",
    "2026-02-29",
    "2026-02-30",
    "2100-02-29",
    "0000-01-01",
    "2026-1-01",
    "2026/11/29",
    " 2026-11-29",
    "2026-11-29 ",
    "2026-11-29x",
    "2026-11-29 21:27:13x",
    "2026-11-29 21:27:13 ",
    "2026-11-29 21:27:13.5",
    "2026-11-29 21:27:13Z",
    "2026-11-29T21:27:13",
    "2026-11-29 21:27",
    "2026-11-29 24:00:00",
    "2026-11-29 21:60:00",
    "2026-11-29 21:27:60",
    "2026-11-29 2:27:13",
    "+2026-11-29",
    "-2026-11-29",
    "20261-11-29",
    "false",
  };
  gint64 t = 42;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      if (sc_time_from_odoo (bad[i], &t))
        g_error ("accepted “%s”", bad[i]);
      g_assert_cmpint (t, ==, 42);
    }

  g_assert_false (sc_time_from_odoo (NULL, &t));
  g_assert_cmpint (t, ==, 42);
}

static void
test_parse_user (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GTimeZone) berlin = zone_or_skip ("Europe/Berlin");
  g_autoptr(GTimeZone) kolkata = zone_or_skip ("Asia/Kolkata");
  g_autoptr(GTimeZone) los_angeles = zone_or_skip ("America/Los_Angeles");
  gint64 t;

  if (berlin == NULL || kolkata == NULL || los_angeles == NULL)
    return;

#define PARSES(text, tz, expected) \
  G_STMT_START { \
    g_autoptr(GError) error = NULL; \
    t = 0; \
    g_assert_true (sc_time_parse_user ((text), (tz), &t, &error)); \
    g_assert_no_error (error); \
    g_assert_cmpint (t, ==, (expected)); \
  } G_STMT_END

  /* A date is noon local time. */
  PARSES ("2026-11-29", utc, utc_of (2026, 11, 29, 12, 0, 0));
  PARSES ("2026-11-29", kolkata, utc_of (2026, 11, 29, 6, 30, 0));
  PARSES ("2026-11-29", los_angeles, utc_of (2026, 11, 29, 20, 0, 0));
  PARSES ("2026-03-29", berlin, utc_of (2026, 3, 29, 10, 0, 0));
  PARSES ("  2026-11-29\n", utc, utc_of (2026, 11, 29, 12, 0, 0));

  /* ...so its UTC day is the same date wherever the user is. */
  {
    const char *zones[] = { "Pacific/Pago_Pago", "America/Los_Angeles", "America/Sao_Paulo",
                            "UTC", "Europe/Berlin", "Asia/Kolkata", "Asia/Tokyo",
                            "Pacific/Noumea" };

    for (guint i = 0; i < G_N_ELEMENTS (zones); i++)
      {
        g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (zones[i]);

        if (tz == NULL)
          continue;
        g_assert_true (sc_time_parse_user ("2026-06-15", tz, &t, NULL));
        g_assert_cmpint (sc_utc_day_start (t), ==, utc_of (2026, 6, 15, 0, 0, 0));
        g_assert_true (sc_time_parse_user ("2026-12-15", tz, &t, NULL));
        g_assert_cmpint (sc_utc_day_start (t), ==, utc_of (2026, 12, 15, 0, 0, 0));
      }
  }

  /* Local date and time. */
  PARSES ("2026-11-29 22:27", berlin, utc_of (2026, 11, 29, 21, 27, 0));
  PARSES ("2026-11-29 22:27:13", berlin, utc_of (2026, 11, 29, 21, 27, 13));
  PARSES ("2026-11-29T22:27:13", berlin, utc_of (2026, 11, 29, 21, 27, 13));
  PARSES ("2026-07-01 12:00", berlin, utc_of (2026, 7, 1, 10, 0, 0));
  PARSES ("2026-11-29 02:57", kolkata, utc_of (2026, 11, 28, 21, 27, 0));
  PARSES ("2026-11-29 13:27", los_angeles, utc_of (2026, 11, 29, 21, 27, 0));

  /* 02:30 does not exist on 2026-03-29 in Berlin: the clock jumps at
   * 01:00 UTC. On 2026-10-25 it happens twice; the first is taken.
   */
  PARSES ("2026-03-29 02:30", berlin, utc_of (2026, 3, 29, 1, 0, 0));
  PARSES ("2026-03-29 03:00", berlin, utc_of (2026, 3, 29, 1, 0, 0));
  PARSES ("2026-03-29 01:59:59", berlin, utc_of (2026, 3, 29, 0, 59, 59));
  PARSES ("2026-10-25 02:30", berlin, utc_of (2026, 10, 25, 0, 30, 0));
  PARSES ("2026-10-25 03:00", berlin, utc_of (2026, 10, 25, 2, 0, 0));

  /* ISO 8601 instants ignore the zone. */
  PARSES ("2026-11-29T21:27:13Z", berlin, utc_of (2026, 11, 29, 21, 27, 13));
  PARSES ("2026-11-29T21:27:13z", los_angeles, utc_of (2026, 11, 29, 21, 27, 13));
  PARSES ("2026-11-29T21:27Z", kolkata, utc_of (2026, 11, 29, 21, 27, 0));
  PARSES ("2026-11-29T21:27:13.250Z", utc, utc_of (2026, 11, 29, 21, 27, 13));
  PARSES ("2026-11-29T22:27:13+01:00", los_angeles, utc_of (2026, 11, 29, 21, 27, 13));
  PARSES ("2026-11-30T02:57:13+05:30", utc, utc_of (2026, 11, 29, 21, 27, 13));
  PARSES ("2026-11-30T02:57:13+0530", utc, utc_of (2026, 11, 29, 21, 27, 13));
  PARSES ("2026-11-29T13:27:13-08", utc, utc_of (2026, 11, 29, 21, 27, 13));
  PARSES ("2026-11-29 13:27:13 -08:00", kolkata, utc_of (2026, 11, 29, 21, 27, 13));
  PARSES ("1969-12-31T23:59:59Z", berlin, -1);

#undef PARSES

  {
    const char *bad[] = {
      "",
      "   ",
      "garbage",
      "29.11.2026",
      "11/29/2026",
      "2026-11",
      "2026-02-30",
      "2026-13-01",
      "0000-01-01",
      "2026-11-29 25:00",
      "2026-11-29 24:00",
      "2026-11-29 21:60",
      "2026-11-29 21",
      "2026-11-29 21:27:",
      "2026-11-29T21:27:13+",
      "2026-11-29T21:27:13+5",
      "2026-11-29T21:27:13+05:3",
      "2026-11-29T21:27:13+24:00",
      "2026-11-29T21:27:13Zjunk",
      "2026-11-29T21:27:13.Z",
      "2026-11-29Z",
      "2026-11-29 tomorrow",
      "2026-11-29\xff",
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr(GError) error = NULL;

        t = 42;
        if (sc_time_parse_user (bad[i], utc, &t, &error))
          g_error ("accepted “%s”", bad[i]);
        g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
        g_assert_true (g_utf8_validate (error->message, -1, NULL));
        g_assert_nonnull (strstr (error->message, "YYYY-MM-DD"));
        g_assert_cmpint (t, ==, 42);
      }
  }

  {
    g_autoptr(GError) error = NULL;
    g_autofree char *long_text = g_strnfill (500, 'x');

    g_assert_false (sc_time_parse_user ("2026-02-30", utc, &t, &error));
    g_assert_nonnull (strstr (error->message, "“2026-02-30”"));
    g_clear_error (&error);

    g_assert_false (sc_time_parse_user (long_text, utc, &t, &error));
    g_assert_cmpint (strlen (error->message), <, 300);
  }
}

static void
test_format_local (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GTimeZone) berlin = zone_or_skip ("Europe/Berlin");
  g_autoptr(GTimeZone) los_angeles = zone_or_skip ("America/Los_Angeles");
  gint64 t = utc_of (2026, 11, 29, 21, 27, 13);
  struct {
    GTimeZone *tz;
    const char *time;
    const char *date;
  } cases[] = {
    { utc, "2026-11-29 21:27", "2026-11-29" },
    { berlin, "2026-11-29 22:27", "2026-11-29" },
    { los_angeles, "2026-11-29 13:27", "2026-11-29" },
  };

  if (berlin == NULL || los_angeles == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *time = sc_time_format_local (t, cases[i].tz);
      g_autofree char *date = sc_date_format_local (t, cases[i].tz);

      g_assert_cmpstr (time, ==, cases[i].time);
      g_assert_cmpstr (date, ==, cases[i].date);
    }

  {
    g_autofree char *late = sc_time_format_local (utc_of (2026, 11, 29, 23, 30, 0), berlin);
    g_autofree char *early = sc_date_format_local (-1, los_angeles);

    g_assert_cmpstr (late, ==, "2026-11-30 00:30");
    g_assert_cmpstr (early, ==, "1969-12-31");
  }

  {
    g_autofree char *low = sc_time_format_local (G_MININT64, los_angeles);
    g_autofree char *high = sc_date_format_local (G_MAXINT64, berlin);

    g_assert_cmpstr (low, ==, "0001-01-01 00:00");
    g_assert_cmpstr (high, ==, "9999-12-31");
  }
}

static void
test_local_zone (void)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 start, end;
  g_autofree char *label = sc_period_label (SC_REPORT_TYPE_DAILY, now, NULL);

  /* NULL means the process's zone, whatever it is here. */
  sc_period_bounds (SC_REPORT_TYPE_DAILY, now, NULL, &start, &end);
  g_assert_cmpint (start, <=, now);
  g_assert_cmpint (now, <, end);
  g_assert_cmpint (strlen (label), ==, 10);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/period/iso-week/boundaries", test_iso_week_boundaries);
  g_test_add_func ("/core/period/iso-week/matches-glib", test_iso_week_matches_glib);
  g_test_add_func ("/core/period/bounds/weekly", test_weekly_bounds);
  g_test_add_func ("/core/period/bounds/monthly-yearly", test_monthly_yearly_bounds);
  g_test_add_func ("/core/period/bounds/dst", test_dst_bounds);
  g_test_add_func ("/core/period/bounds/midnight-in-gap", test_midnight_in_gap);
  g_test_add_func ("/core/period/bounds/zones", test_zones);
  g_test_add_func ("/core/period/bounds/offsets", test_offsets);
  g_test_add_func ("/core/period/extremes", test_extremes);
  g_test_add_func ("/core/period/progress", test_progress);
  g_test_add_func ("/core/period/titles", test_titles);
  g_test_add_func ("/core/period/utc-day-start", test_utc_day_start);
  g_test_add_func ("/core/period/odoo/round-trip", test_odoo_round_trip);
  g_test_add_func ("/core/period/odoo/reject", test_odoo_reject);
  g_test_add_func ("/core/period/parse-user", test_parse_user);
  g_test_add_func ("/core/period/format-local", test_format_local);
  g_test_add_func ("/core/period/local-zone", test_local_zone);

  return g_test_run ();
}
