/* test-cli-analytics.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-test"

#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "test-fixture.h"

/* scorecard-cli trend, forecast and anomalies, as a script would use them. */

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_free (Run *run)
{
  g_free (run->out);
  g_free (run->err);
  g_free (run);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Run, run_free)

static Run *
cli (const char *first,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  Run *run = g_new0 (Run, 1);
  const char *arg;
  int wait_status = 0;
  va_list args;

  g_ptr_array_add (argv, (gpointer)g_getenv ("SCORECARD_CLI"));
  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  envp = g_environ_setenv (envp, "TZ", "UTC", TRUE);
  envp = g_environ_setenv (envp, "LC_ALL", "C.UTF-8", TRUE);
  g_spawn_sync (NULL, (char **)argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);

  return run;
}

/* A daily series with a weekly pattern, a trend and one spike. */
static char *
write_series (const char *dir,
              gboolean    with_spike)
{
  g_autofree char *path = g_build_filename (dir, "series.csv", NULL);
  g_autoptr(GString) csv = g_string_new ("date,value\n");
  g_autoptr(GError) error = NULL;
  GRand *rand = g_rand_new_with_seed (3);

  for (int day = 0; day < 140; day++)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_utc (2026, 1, 1, 12, 0, 0);
      g_autoptr(GDateTime) when = g_date_time_add_days (dt, day);
      g_autofree char *date = g_date_time_format (when, "%Y-%m-%d");
      double value = 100 + 0.2 * day + 15 * (day % 7 >= 5 ? -1 : 0.4) + g_rand_double_range (rand, -2, 2);

      if (with_spike && day == 100)
        value += 60;
      g_string_append_printf (csv, "%s,%.2f\n", date, value);
    }
  g_rand_free (rand);

  g_file_set_contents (path, csv->str, -1, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

static void
test_forecast_csv (StoreFixture  *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = write_series (fixture->dir, FALSE);
  g_autoptr(Run) run = cli ("forecast", "--csv", path, "--horizon", "14", NULL);
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (run->status, ==, 0);
  lines = g_strsplit (run->out, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "step,period_start,mean,lower80,upper80,lower95,upper95,"
                                 "method,backtest_mase,backtest_smape");
  g_assert_cmpuint (g_strv_length (lines), ==, 14 + 2);

  for (guint i = 1; i <= 14; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], ",", -1);
      double mean = g_ascii_strtod (f[2], NULL);

      g_assert_cmpuint (g_strv_length (f), ==, 10);
      g_assert_cmpint (atoi (f[0]), ==, (int)i);
      /* The intervals nest around the point forecast. */
      g_assert_cmpfloat (g_ascii_strtod (f[5], NULL), <=, g_ascii_strtod (f[3], NULL));
      g_assert_cmpfloat (g_ascii_strtod (f[3], NULL), <=, mean);
      g_assert_cmpfloat (mean, <=, g_ascii_strtod (f[4], NULL));
      g_assert_cmpfloat (g_ascii_strtod (f[4], NULL), <=, g_ascii_strtod (f[6], NULL));
      /* The weekly pattern is seen, so a seasonal method wins the backtest. */
      g_assert_true (g_str_has_prefix (f[7], "holt-winters") || g_str_equal (f[7], "seasonal-naive"));
      g_assert_cmpfloat (g_ascii_strtod (f[8], NULL), <, 1.0);
    }
}

static void
test_forecast_json_kpi (StoreFixture  *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = write_series (fixture->dir, FALSE);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(Run) demo = cli ("--store", fixture->path, "demo", "--kpis", "4", "--days", "120",
                             "--until", "2026-11-29", NULL);
  g_autoptr(Run) run = cli ("--store", fixture->path, "forecast", "Daily Sales", "--json", NULL);
  JsonObject *root;

  g_assert_cmpint (demo->status, ==, 0);
  g_assert_cmpint (run->status, ==, 0);
  json_parser_load_from_data (parser, run->out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "series"), ==, "Daily Sales");
  g_assert_cmpstr (json_object_get_string_member (root, "period"), ==, "daily");
  g_assert_true (json_object_has_member (root, "method"));
  g_assert_true (json_object_has_member (root, "backtest_mase"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "forecast")), >, 0);
  /* A KPI has a target, so the chance of meeting it is given. */
  {
    double p = json_object_get_double_member (root, "probability_meeting_target");

    g_assert_cmpfloat (p, >=, 0.0);
    g_assert_cmpfloat (p, <=, 1.0);
  }
}

static void
test_trend_and_anomalies (StoreFixture  *fixture,
                          gconstpointer  data)
{
  g_autofree char *path = write_series (fixture->dir, TRUE);
  g_autoptr(Run) trend = cli ("trend", "--csv", path, "--json", NULL);
  g_autoptr(Run) anomalies = cli ("anomalies", "--csv", path, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;

  g_assert_cmpint (trend->status, ==, 0);
  json_parser_load_from_data (parser, trend->out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (root, "seasonality_period"), ==, 7);
  g_assert_cmpfloat (json_object_get_double_member (root, "velocity_per_period"), >, 0.0);

  /* Day 100 is 2026-04-11, a Saturday, 60 above what a Saturday gives. */
  g_assert_cmpint (anomalies->status, ==, 0);
  g_assert_nonnull (strstr (anomalies->out, "2026-04-11,spike,"));
  g_assert_nonnull (strstr (anomalies->out, "above the expected Saturday value"));
}

static void
test_errors (StoreFixture  *fixture,
             gconstpointer  data)
{
  g_autofree char *bad = g_build_filename (fixture->dir, "bad.csv", NULL);
  g_autofree char *empty = g_build_filename (fixture->dir, "empty.csv", NULL);
  g_autoptr(Run) bad_run = NULL;
  g_autoptr(Run) empty_run = NULL;
  g_autoptr(Run) both = NULL;
  g_autoptr(Run) period = NULL;
  g_autoptr(Run) missing = NULL;

  g_assert_true (g_file_set_contents (bad, "date,value\n2026-01-01,1\n2026-01-02,nan\n", -1, NULL));
  g_assert_true (g_file_set_contents (empty, "date,value\n", -1, NULL));

  bad_run = cli ("forecast", "--csv", bad, NULL);
  g_assert_cmpint (bad_run->status, ==, 2);
  g_assert_nonnull (strstr (bad_run->err, "bad.csv:3: value"));

  /* Nothing to forecast from: a clear refusal, no numbers. */
  empty_run = cli ("forecast", "--csv", empty, NULL);
  g_assert_cmpint (empty_run->status, ==, 2);

  both = cli ("forecast", "Revenue", "--csv", bad, NULL);
  g_assert_cmpint (both->status, ==, 1);

  period = cli ("trend", "--csv", bad, "--period", "hourly", NULL);
  g_assert_cmpint (period->status, ==, 1);
  g_assert_nonnull (strstr (period->err, "hourly"));

  missing = cli ("anomalies", "--csv", "/nonexistent/series.csv", NULL);
  g_assert_cmpint (missing->status, ==, 2);
  g_assert_nonnull (strstr (missing->err, "/nonexistent/series.csv"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("SCORECARD_CLI") == NULL)
    {
      g_test_skip ("SCORECARD_CLI is not set");
      return g_test_run ();
    }

  STORE_TEST ("/cli/analytics/forecast-csv", test_forecast_csv, NULL);
  STORE_TEST ("/cli/analytics/forecast-json-kpi", test_forecast_json_kpi, NULL);
  STORE_TEST ("/cli/analytics/trend-and-anomalies", test_trend_and_anomalies, NULL);
  STORE_TEST ("/cli/analytics/errors", test_errors, NULL);

  return g_test_run ();
}
