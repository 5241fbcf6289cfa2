/* test-kpi-analysis.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-test"

#include "config.h"

#include <math.h>
#include <string.h>

#include "sc-kpi-analysis.h"

/* 2026-11-29 12:00 UTC */
#define NOW G_GINT64_CONSTANT (1795953600)

static GArray *
daily_history (guint  days,
               double start,
               double slope,
               double noise)
{
  GArray *points = g_array_new (FALSE, FALSE, sizeof (ScHistoryPoint));
  GRand *rand = g_rand_new_with_seed (11);

  for (guint d = 0; d < days; d++)
    {
      ScHistoryPoint point;

      point.time = NOW - (gint64)(days - d) * 86400;
      point.value = start + slope * d + g_rand_double_range (rand, -noise, noise);
      g_array_append_val (points, point);
    }
  g_rand_free (rand);

  return points;
}

static void
facts_init (ScKpiFacts *facts,
            double      target,
            ScDirection direction,
            double      value)
{
  memset (facts, 0, sizeof *facts);
  facts->kpi_id = 1;
  facts->name = (char *)"Revenue";
  facts->target = target;
  facts->target_type = SC_TARGET_TYPE_NUMBER;
  facts->direction = direction;
  facts->report_type = SC_REPORT_TYPE_DAILY;
  facts->has_value = TRUE;
  facts->value = value;
  facts->warn_from = 70;
}

static void
assert_finite (const ScKpiAnalysis *analysis)
{
  const ScForecast *f = analysis->forecast;

  g_assert_nonnull (f);
  for (guint h = 0; h < f->horizon; h++)
    {
      g_assert_true (isfinite (f->mean[h]));
      g_assert_true (isfinite (f->lower95[h]));
      g_assert_true (isfinite (f->upper95[h]));
      g_assert_cmpfloat (f->lower95[h], <=, f->upper95[h]);
    }
  g_assert_nonnull (analysis->summary);
  g_assert_nonnull (analysis->insights);
}

static void
test_declining_kpi_is_at_risk (void)
{
  g_autoptr(GArray) points = daily_history (120, 120, -0.6, 2);
  g_autoptr(ScKpiAnalysis) analysis = NULL;
  ScKpiFacts facts;

  /* 120 falling to about 48 against a target of 100: clearly at risk. */
  facts_init (&facts, 100, SC_DIRECTION_HIGHER_BETTER, 48);
  analysis = sc_kpi_analysis_compute (&facts, (ScHistoryPoint *)(gpointer)points->data,
                                      points->len, NOW, g_time_zone_new_utc ());
  assert_finite (analysis);
  g_assert_true (analysis->at_risk);
  g_assert_true (analysis->forecast->has_target);
  g_assert_cmpfloat (analysis->forecast->probability_target, <, 0.1);
  g_assert_cmpfloat (analysis->trend.velocity.slope, <, 0);
  g_test_message ("%s", analysis->summary);
}

static void
test_healthy_kpi_is_not_at_risk (void)
{
  g_autoptr(GArray) points = daily_history (120, 130, 0.1, 2);
  g_autoptr(ScKpiAnalysis) analysis = NULL;
  ScKpiFacts facts;

  facts_init (&facts, 100, SC_DIRECTION_HIGHER_BETTER, 142);
  analysis = sc_kpi_analysis_compute (&facts, (ScHistoryPoint *)(gpointer)points->data,
                                      points->len, NOW, NULL);
  assert_finite (analysis);
  g_assert_false (analysis->at_risk);
  g_assert_cmpfloat (analysis->forecast->probability_target, >, 0.9);

  /* A stretch above where it is heading, with the reasoning. */
  g_assert_true (analysis->suggestion.available);
  g_assert_cmpfloat (analysis->suggestion.target, >, analysis->forecast->mean[0]);
  g_assert_nonnull (analysis->suggestion.reason);
}

static void
test_short_history (void)
{
  g_autoptr(GArray) points = daily_history (1, 50, 0, 0);
  g_autoptr(ScKpiAnalysis) one = NULL;
  g_autoptr(ScKpiAnalysis) none = NULL;
  ScKpiFacts facts;

  facts_init (&facts, 100, SC_DIRECTION_LOWER_BETTER, 50);
  one = sc_kpi_analysis_compute (&facts, (ScHistoryPoint *)(gpointer)points->data, points->len,
                                 NOW, NULL);
  assert_finite (one);
  g_assert_true (one->forecast->low_confidence);
  g_assert_nonnull (one->forecast->reason);

  none = sc_kpi_analysis_compute (&facts, NULL, 0, NOW, NULL);
  g_assert_nonnull (none->forecast);
  g_assert_nonnull (none->summary);
  g_assert_false (none->at_risk);
}

/* A later analysis reuses the earlier choice of method, with the same
 * backtest figures and fresh states, until the history has moved on by a
 * tenth of its values.
 */
static void
test_reuse_method (void)
{
  g_autoptr(GArray) points = daily_history (200, 100, 0.3, 4);
  g_autoptr(ScKpiAnalysis) first = NULL;
  g_autoptr(ScKpiAnalysis) next = NULL;
  g_autoptr(ScKpiAnalysis) later = NULL;
  g_autoptr(ScForecast) choice = NULL;
  const ScHistoryPoint *p = (const ScHistoryPoint *)(gconstpointer)points->data;
  ScKpiFacts facts;

  facts_init (&facts, 200, SC_DIRECTION_HIGHER_BETTER, 160);
  first = sc_kpi_analysis_compute (&facts, p, 180, NOW, NULL);
  g_assert_false (first->forecast->reused);
  choice = sc_forecast_copy_choice (first->forecast);
  g_assert_cmpuint (choice->horizon, ==, 0);
  g_assert_null (choice->mean);

  /* Ten more days: less than a tenth of the history. */
  next = sc_kpi_analysis_compute_reusing (&facts, p, 190, NOW, NULL, choice);
  assert_finite (next);
  g_assert_true (next->forecast->reused);
  g_assert_cmpint (next->forecast->method, ==, first->forecast->method);
  g_assert_cmpfloat (next->forecast->mase, ==, first->forecast->mase);
  g_assert_cmpint (next->forecast->chosen_origin_index, ==, first->forecast->origin_index);
  g_assert_cmpint (next->forecast->origin_index, ==, first->forecast->origin_index + 10);

  /* Twenty more: chosen afresh. */
  later = sc_kpi_analysis_compute_reusing (&facts, p, 200, NOW, NULL, next->forecast);
  assert_finite (later);
  g_assert_false (later->forecast->reused);
  g_assert_cmpint (later->forecast->chosen_origin_index, ==, later->forecast->origin_index);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/kpi-analysis/declining-is-at-risk", test_declining_kpi_is_at_risk);
  g_test_add_func ("/core/kpi-analysis/healthy-is-not-at-risk", test_healthy_kpi_is_not_at_risk);
  g_test_add_func ("/core/kpi-analysis/short-history", test_short_history);
  g_test_add_func ("/core/kpi-analysis/reuse-method", test_reuse_method);

  return g_test_run ();
}
