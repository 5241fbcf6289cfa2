/* analytics-test-utils.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <math.h>
#include <stdio.h>

#include <glib.h>

#include "sc-analytics.h"

/* Helpers shared by the analytics tests: a seeded normal generator (so
 * every "random" series is the same on every run and machine), checks that
 * numbers are finite, and a loader for the date,value CSV files in
 * tests/data/series.
 */

static inline double
test_normal (GRand *rand)
{
  double u1 = g_rand_double (rand);
  double u2 = g_rand_double (rand);

  if (u1 < 1e-300)
    u1 = 1e-300;

  return sqrt (-2.0 * log (u1)) * cos (2.0 * G_PI * u2);
}

static inline void
assert_all_finite (const double *values,
                   gsize         n)
{
  for (gsize i = 0; i < n; i++)
    if (!isfinite (values[i]))
      g_error ("value %" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT " is %g", i, n, values[i]);
}

/* Loads tests/data/series/<name>.csv (G_TEST_SRCDIR is tests/, as
 * test_env sets it): a "date,value" header, then ISO dates at the start of
 * each period and values, empty for a missing one.
 */
static inline ScSeries *
test_load_series (const char        *name,
                  ScAnalyticsPeriod  period)
{
  g_autofree char *file = g_strconcat (name, ".csv", NULL);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "series", file, NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GArray) index = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree double *slots = NULL;
  gint64 first, last;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);

  lines = g_strsplit (text, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "date,value");

  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_autoptr(GDateTime) date = NULL;
      int year, month, day;
      char cell[64] = "";
      double value;
      gint64 ix;

      if (lines[i][0] == '\0')
        continue;
      if (sscanf (lines[i], "%d-%d-%d,%63s", &year, &month, &day, cell) < 3)
        g_error ("%s:%u: cannot read \"%s\"", path, i + 1, lines[i]);

      date = g_date_time_new_utc (year, month, day, 12, 0, 0);
      g_assert_nonnull (date);
      ix = sc_analytics_period_index (period, g_date_time_to_unix (date), NULL);
      value = cell[0] != '\0' ? g_ascii_strtod (cell, NULL) : NAN;

      g_array_append_val (index, ix);
      g_array_append_val (values, value);
    }

  g_assert_cmpuint (index->len, >, 0);
  first = g_array_index (index, gint64, 0);
  last = g_array_index (index, gint64, index->len - 1);
  g_assert_cmpint (last, >=, first);

  slots = g_new (double, last - first + 1);
  for (gint64 i = 0; i <= last - first; i++)
    slots[i] = NAN;
  for (guint i = 0; i < index->len; i++)
    slots[g_array_index (index, gint64, i) - first] = g_array_index (values, double, i);

  return sc_series_new (period, first, slots, (gsize) (last - first + 1));
}
