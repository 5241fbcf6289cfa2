/* test-insights-suggest.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-test"

#include "config.h"

#include <math.h>
#include <string.h>

#include "sc-insights-suggest.h"

static void
test_department_drives_decline (void)
{
  const ScDeclineItem items[] = {
    { "Revenue", "Sales", "jonas", -18 },
    { "New Customers", "Sales", "jonas", -9 },
    { "Conversion Rate", "Sales", "zoe", -6 },
    { "Defect Rate", "Operations", "amara", -4 },
    { "Uptime", "IT", "mei", 2 },
    { "NPS", "Marketing", "lucia", NAN },
  };
  g_autofree char *text = sc_insights_decline_driver (items, G_N_ELEMENTS (items));

  /* -4 is no decline (the line is -5 %): Sales has all 33 points of it. */
  g_assert_cmpstr (text, ==, "Sales drives most of the decline: 3 of its KPIs fell, Revenue the "
                             "most (down 18 %).");
}

static void
test_owner_drives_decline (void)
{
  const ScDeclineItem items[] = {
    { "Revenue", "Sales", "jonas", -20 },
    { "Defect Rate", "Operations", "jonas", -15 },
    { "Uptime", "IT", "mei", -6 },
  };
  g_autofree char *text = sc_insights_decline_driver (items, G_N_ELEMENTS (items));

  /* No department has two declining KPIs, but one person does. */
  g_assert_cmpstr (text, ==, "Most of the decline is in KPIs jonas reports: 2 fell, Revenue the "
                             "most (down 20 %).");
}

static void
test_no_driver (void)
{
  const ScDeclineItem spread[] = {
    { "A", "Sales", "a", -10 },
    { "B", "IT", "b", -10 },
    { "C", "HR", "c", -10 },
  };
  const ScDeclineItem rising[] = {
    { "A", "Sales", "a", 10 },
    { "B", "Sales", "a", 3 },
  };

  g_assert_null (sc_insights_decline_driver (spread, G_N_ELEMENTS (spread)));
  g_assert_null (sc_insights_decline_driver (rising, G_N_ELEMENTS (rising)));
  g_assert_null (sc_insights_decline_driver (NULL, 0));
}

static ScSeries *
make_series (gint64  first,
             gsize   n,
             guint32 seed,
             double  follow,
             const ScSeries *leader)
{
  g_autofree double *values = g_new (double, n);
  GRand *rand = g_rand_new_with_seed (seed);
  double level = 100;

  for (gsize i = 0; i < n; i++)
    {
      double step = g_rand_double_range (rand, -1, 1);

      /* Follow the leader's change in the same period. */
      gint64 at = first + (gint64)i - (leader != NULL ? leader->first_index : 0);

      if (leader != NULL && at > 0 && (gsize)at < leader->n)
        step = follow * (leader->values[at] - leader->values[at - 1]) + 0.2 * step;
      level += step;
      values[i] = level;
    }
  g_rand_free (rand);

  return sc_series_new (SC_ANALYTICS_PERIOD_DAILY, first, values, n);
}

static void
test_comovement (void)
{
  g_autoptr(ScSeries) a = make_series (20000, 120, 1, 0, NULL);
  g_autoptr(ScSeries) b = make_series (20000, 120, 2, 1.0, a);
  g_autoptr(ScSeries) c = make_series (20000, 120, 3, 0, NULL);
  g_autoptr(ScSeries) d = make_series (20010, 120, 4, -1.0, c);
  const char *names[] = { "Daily Sales", "Basket Size", "Footfall", "Wait Time" };
  ScSeries *all[] = { a, b, c, d };
  ScSeries *unrelated[] = { a, c };
  g_autofree char *text = NULL;
  g_autofree char *none = NULL;

  text = sc_insights_comovement (names, all, 2, 90, 0.8);
  g_assert_nonnull (text);
  g_assert_true (g_str_has_prefix (text, "Daily Sales and Basket Size move together (correlation 0.9"));
  g_assert_nonnull (strstr (text, "over the last 90 periods"));
  g_clear_pointer (&text, g_free);

  /* d mirrors c from day 20010 on. */
  text = sc_insights_comovement (names + 2, all + 2, 2, 90, 0.8);
  g_assert_nonnull (text);
  g_assert_true (g_str_has_prefix (text, "Footfall and Wait Time move in opposite directions "
                                         "(correlation -0.9"));

  none = sc_insights_comovement ((const char *[]) { "Daily Sales", "Footfall" }, unrelated, 2, 90,
                                 0.8);
  g_assert_null (none);
}

/* Two unrelated daily KPIs that both dip at weekends do not "move
 * together". */
static void
test_shared_weekday_pattern (void)
{
  g_autofree double *a_values = g_new (double, 120);
  g_autofree double *b_values = g_new (double, 120);
  g_autoptr(ScSeries) a = NULL;
  g_autoptr(ScSeries) b = NULL;
  GRand *rand = g_rand_new_with_seed (9);
  const char *names[] = { "Invoices Processed", "Daily Sales" };
  ScSeries *all[2];
  g_autofree char *text = NULL;

  for (guint i = 0; i < 120; i++)
    {
      double weekend = i % 7 >= 5 ? -40 : 0;

      a_values[i] = 200 + weekend + g_rand_double_range (rand, -3, 3);
      b_values[i] = 4000 + 20 * weekend + g_rand_double_range (rand, -60, 60);
    }
  g_rand_free (rand);

  a = sc_series_new (SC_ANALYTICS_PERIOD_DAILY, 20000, a_values, 120);
  b = sc_series_new (SC_ANALYTICS_PERIOD_DAILY, 20000, b_values, 120);
  all[0] = a;
  all[1] = b;

  text = sc_insights_comovement (names, all, 2, 90, 0.8);
  g_assert_null (text);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/insights/department-drives-decline", test_department_drives_decline);
  g_test_add_func ("/core/insights/owner-drives-decline", test_owner_drives_decline);
  g_test_add_func ("/core/insights/no-driver", test_no_driver);
  g_test_add_func ("/core/insights/comovement", test_comovement);
  g_test_add_func ("/core/insights/shared-weekday-pattern", test_shared_weekday_pattern);

  return g_test_run ();
}
