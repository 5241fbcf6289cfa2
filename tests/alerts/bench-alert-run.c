/* bench-alert-run.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bench-alert-run"

#include "config.h"

#include <glib/gstdio.h>

#include "sc-alert-rule-json.h"
#include "sc-alert-run.h"
#include "sc-alert-store.h"
#include "sc-demo.h"
#include "test-fixture.h"

/* The figure: every rule evaluated for 10,000 KPIs after a sync,
 * from the store, states and events saved in one transaction. Rules: a
 * value threshold, an achievement threshold per department, and a change
 * against the same weekday last week (which reads each KPI's last nine
 * days). Trend, anomaly and risk rules need each KPI's analysis, whose cost
 * bench-analytics reports. Reports medians; never fails on a figure. */

#define N_KPIS 10000
#define N_DAYS 30
#define RUNS   7

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

static void
add_rule (ScStore    *store,
          const char *name,
          const char *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScAlertRule) rule = sc_alert_rule_from_json (json, name, &error);

  g_assert_no_error (error);
  sc_store_add_alert_rule (store, rule, NULL, 0, 0, &error);
  g_assert_no_error (error);
}

static void
measure (ScStore    *store,
         const char *what,
         gint64      now)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  double ms[RUNS];
  guint events = 0, evaluated = 0;

  for (guint i = 0; i < RUNS; i++)
    {
      g_auto(ScAlertRunReport) report = { 0, };
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();

      g_assert_true (sc_alert_run (store, now + i * 60, utc, &report, &error));
      g_assert_no_error (error);
      ms[i] = (g_get_monotonic_time () - start) / 1000.0;
      if (i == 0)
        {
          events = report.events;
          evaluated = report.evaluated;
        }
    }

  qsort (ms, RUNS, sizeof ms[0], compare_doubles);
  g_print ("  %-40s %6u evaluations, %5u events on the first run; median %.1f ms, worst %.1f ms\n",
           what, evaluated, events, ms[RUNS / 2], ms[RUNS - 1]);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScStore) store = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bench-alert-run-XXXXXX", &error);
  g_autofree char *path = NULL;
  ScDemoOptions options;
  ScDemoReport demo;
  gint64 now;

  g_assert_no_error (error);
  path = g_build_filename (dir, "store.db", NULL);
  store = sc_store_open (path, &error);
  g_assert_no_error (error);

  sc_demo_options_init (&options);
  options.n_kpis = N_KPIS;
  options.n_days = N_DAYS;
  g_assert_true (sc_demo_generate (store, &options, &demo, &error));
  g_assert_no_error (error);
  now = options.end + 3600;
  g_print ("Alert rules on %u KPIs with %u days of history (%u submissions):\n", demo.n_kpis, N_DAYS,
           demo.n_submissions);

  add_rule (store, "Value under 10", "{\"comparison\": \"below\", \"level\": 10}");
  measure (store, "1 rule: value threshold", now);

  add_rule (store, "Sales under 80 %", "{\"metric\": \"achievement\", \"comparison\": \"below\", "
                                       "\"level\": 80, \"hysteresis\": 2, \"scope\": \"department\", "
                                       "\"department\": \"sales\", \"severity\": \"critical\"}");
  add_rule (store, "Achievement under 60 %", "{\"metric\": \"achievement\", \"comparison\": \"below\", "
                                             "\"level\": 60, \"dwell_samples\": 2}");
  measure (store, "3 rules: thresholds", now + 86400);

  add_rule (store, "Down 20 % on last week", "{\"baseline\": \"same_weekday\", \"comparison\": \"below\", "
                                             "\"level\": -20}");
  measure (store, "4 rules: with a same-weekday baseline", now + 2 * 86400);

  g_clear_object (&store);
  remove_tree (dir);

  return 0;
}
