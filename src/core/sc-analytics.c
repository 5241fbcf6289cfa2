/* sc-analytics.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-analytics"

#include "config.h"

#include <math.h>
#include <string.h>

#include "sc-analytics.h"

/* Period numbers run on day numbers (days since 1970-01-01, proleptic
 * Gregorian), like sc-period.c, so that any instant maps to a period
 * without GDateTime. A %NULL time zone means UTC here, not the local zone:
 * analytics are pure functions and must not depend on the machine they run
 * on. Callers that want local periods pass the zone.
 */

#define SECONDS_PER_DAY G_GINT64_CONSTANT (86400)

static const char *period_keys[] = {
  "daily", "weekly", "monthly", "quarterly", "yearly",
};

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

/* Howard Hinnant's days_from_civil() and civil_from_days(). */
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
                 gint64 *year,
                 int    *month)
{
  gint64 z, era, doe, yoe, doy, mp;

  z = days + 719468;
  era = (z >= 0 ? z : z - 146096) / 146097;
  doe = z - era * 146097;
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;

  *month = (int) (mp < 10 ? mp + 3 : mp - 9);
  *year = yoe + era * 400 + (*month <= 2);
}

static gint32
offset_at (GTimeZone *tz,
           gint64     utc)
{
  int interval;

  if (tz == NULL)
    return 0;

  interval = g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, utc);

  return g_time_zone_get_offset (tz, MAX (interval, 0));
}

static gint64
local_day (gint64     utc,
           GTimeZone *tz)
{
  return floor_div (utc + offset_at (tz, utc), SECONDS_PER_DAY);
}

/* Public API */

/**
 * sc_series_new:
 * @period: the length of one step
 * @first_index: the period number of @values[0] (see #ScSeries)
 * @values: (array length=n) (nullable): the values, NAN or ±infinity for gaps
 * @n: the number of periods
 *
 * Creates a regular series from values that are already one per period,
 * such as a CSV of monthly figures. Non-finite values become gaps with a
 * count of 0; the others count as one value each.
 *
 * Returns: (transfer full): a new #ScSeries
 */
ScSeries *
sc_series_new (ScAnalyticsPeriod  period,
               gint64             first_index,
               const double      *values,
               gsize              n)
{
  ScSeries *series;

  g_return_val_if_fail (values != NULL || n == 0, NULL);

  series = g_new0 (ScSeries, 1);
  series->period = period;
  series->first_index = first_index;
  series->n = n;
  series->values = g_new (double, MAX (n, 1));
  series->counts = g_new0 (guint, MAX (n, 1));

  for (gsize i = 0; i < n; i++)
    {
      if (isfinite (values[i]))
        {
          series->values[i] = values[i];
          series->counts[i] = 1;
        }
      else
        {
          series->values[i] = NAN;
          series->n_missing++;
        }
    }

  return series;
}

/**
 * sc_series_copy:
 * @series: a #ScSeries
 *
 * Returns: (transfer full): a deep copy of @series
 */
ScSeries *
sc_series_copy (const ScSeries *series)
{
  ScSeries *copy;

  g_return_val_if_fail (series != NULL, NULL);

  copy = g_new0 (ScSeries, 1);
  *copy = *series;
  copy->values = g_memdup2 (series->values, MAX (series->n, 1) * sizeof (double));
  copy->counts = g_memdup2 (series->counts, MAX (series->n, 1) * sizeof (guint));

  return copy;
}

/**
 * sc_series_free:
 * @series: (nullable) (transfer full): a #ScSeries
 *
 * Frees @series and its arrays.
 */
void
sc_series_free (ScSeries *series)
{
  if (series == NULL)
    return;

  g_free (series->values);
  g_free (series->counts);
  g_free (series);
}

/**
 * sc_series_count_values:
 * @series: a #ScSeries
 *
 * Returns: the number of periods that are not gaps
 */
gsize
sc_series_count_values (const ScSeries *series)
{
  g_return_val_if_fail (series != NULL, 0);

  return series->n - series->n_missing;
}

/**
 * sc_series_period_start:
 * @series: a #ScSeries
 * @i: a slot of @series, or beyond its end for forecast periods
 * @tz: (nullable): the time zone of the calendar, %NULL for UTC
 *
 * Returns: the first instant, Unix seconds UTC, of period @i of @series
 */
gint64
sc_series_period_start (const ScSeries *series,
                        gsize           i,
                        GTimeZone      *tz)
{
  g_return_val_if_fail (series != NULL, 0);

  return sc_analytics_period_index_start (series->period,
                                          series->first_index + (gint64) i, tz);
}

/**
 * sc_analytics_period_from_report:
 * @report_type: a KPI's report type
 *
 * Returns: the analytics period of a KPI reported with @report_type
 */
ScAnalyticsPeriod
sc_analytics_period_from_report (ScReportType report_type)
{
  switch (report_type)
    {
    case SC_REPORT_TYPE_DAILY:
      return SC_ANALYTICS_PERIOD_DAILY;
    case SC_REPORT_TYPE_WEEKLY:
      return SC_ANALYTICS_PERIOD_WEEKLY;
    case SC_REPORT_TYPE_YEARLY:
      return SC_ANALYTICS_PERIOD_YEARLY;
    case SC_REPORT_TYPE_MONTHLY:
    default:
      return SC_ANALYTICS_PERIOD_MONTHLY;
    }
}

/**
 * sc_analytics_period_to_key:
 * @period: a period
 *
 * Returns: (transfer none): "daily", "weekly", "monthly", "quarterly" or
 *   "yearly", as `scorecard-cli --period` reads them
 */
const char *
sc_analytics_period_to_key (ScAnalyticsPeriod period)
{
  g_return_val_if_fail ((guint) period < G_N_ELEMENTS (period_keys), NULL);

  return period_keys[period];
}

/**
 * sc_analytics_period_from_key:
 * @key: a key such as "weekly"
 * @period: (out) (optional): where to store the period
 *
 * Returns: %TRUE if @key names a period
 */
gboolean
sc_analytics_period_from_key (const char        *key,
                              ScAnalyticsPeriod *period)
{
  if (key == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (period_keys); i++)
    {
      if (g_ascii_strcasecmp (key, period_keys[i]) == 0)
        {
          if (period != NULL)
            *period = (ScAnalyticsPeriod) i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * sc_analytics_period_days:
 * @period: a period
 *
 * Returns: the mean length of @period in days (30.436875 for a month of
 *   the Gregorian calendar)
 */
double
sc_analytics_period_days (ScAnalyticsPeriod period)
{
  switch (period)
    {
    case SC_ANALYTICS_PERIOD_DAILY:
      return 1.0;
    case SC_ANALYTICS_PERIOD_WEEKLY:
      return 7.0;
    case SC_ANALYTICS_PERIOD_MONTHLY:
      return 365.2425 / 12.0;
    case SC_ANALYTICS_PERIOD_QUARTERLY:
      return 365.2425 / 4.0;
    case SC_ANALYTICS_PERIOD_YEARLY:
    default:
      return 365.2425;
    }
}

/**
 * sc_analytics_period_index:
 * @period: a period
 * @utc: an instant, Unix seconds UTC
 * @tz: (nullable): the time zone of the calendar, %NULL for UTC
 *
 * Numbers periods so that consecutive periods have consecutive numbers:
 * days since 1970-01-01, weeks since Monday 1969-12-29, and months,
 * quarters or years since the start of year 0.
 *
 * Returns: the number of the period holding @utc
 */
gint64
sc_analytics_period_index (ScAnalyticsPeriod  period,
                           gint64             utc,
                           GTimeZone         *tz)
{
  gint64 day = local_day (utc, tz);
  gint64 year;
  int month;

  switch (period)
    {
    case SC_ANALYTICS_PERIOD_DAILY:
      return day;
    case SC_ANALYTICS_PERIOD_WEEKLY:
      return floor_div (day + 3, 7);
    case SC_ANALYTICS_PERIOD_MONTHLY:
      civil_from_days (day, &year, &month);
      return year * 12 + month - 1;
    case SC_ANALYTICS_PERIOD_QUARTERLY:
      civil_from_days (day, &year, &month);
      return year * 4 + (month - 1) / 3;
    case SC_ANALYTICS_PERIOD_YEARLY:
    default:
      civil_from_days (day, &year, &month);
      return year;
    }
}

/**
 * sc_analytics_period_index_start:
 * @period: a period
 * @index: a period number from sc_analytics_period_index()
 * @tz: (nullable): the time zone of the calendar, %NULL for UTC
 *
 * Returns: the instant, Unix seconds UTC, at which local period @index
 *   starts
 */
gint64
sc_analytics_period_index_start (ScAnalyticsPeriod  period,
                                 gint64             index,
                                 GTimeZone         *tz)
{
  gint64 day, local;

  switch (period)
    {
    case SC_ANALYTICS_PERIOD_DAILY:
      day = index;
      break;
    case SC_ANALYTICS_PERIOD_WEEKLY:
      day = index * 7 - 3;
      break;
    case SC_ANALYTICS_PERIOD_MONTHLY:
      day = days_from_civil (floor_div (index, 12), (int) (index - floor_div (index, 12) * 12) + 1, 1);
      break;
    case SC_ANALYTICS_PERIOD_QUARTERLY:
      day = days_from_civil (floor_div (index, 4), (int) (index - floor_div (index, 4) * 4) * 3 + 1, 1);
      break;
    case SC_ANALYTICS_PERIOD_YEARLY:
    default:
      day = days_from_civil (index, 1, 1);
      break;
    }

  local = day * SECONDS_PER_DAY;

  /* Two rounds find the offset in force at local midnight, except inside
   * a DST gap, where the start lands an hour off: good enough for labels.
   */
  return local - offset_at (tz, local - offset_at (tz, local));
}
