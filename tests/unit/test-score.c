/* test-score.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-test"

#include "config.h"

#include <math.h>

#include "sc-error.h"
#include "sc-score.h"

/* The addon's rules, case by case (reference §4.1 and §4.2). */

typedef struct
{
  double        value;
  double        target;
  ScTargetType  type;
  ScDirection   direction;
  double        expected;
} AchievementCase;

static const AchievementCase achievement_cases[] = {
  /* Higher is better: value / target × 100, not capped. */
  { 87, 100, SC_TARGET_TYPE_NUMBER, SC_DIRECTION_HIGHER_BETTER, 87.0 },
  { 26.89, 22, SC_TARGET_TYPE_NUMBER, SC_DIRECTION_HIGHER_BETTER, 122.23 },
  { 150, 100, SC_TARGET_TYPE_CURRENCY, SC_DIRECTION_HIGHER_BETTER, 150.0 },
  { 0, 100, SC_TARGET_TYPE_PERCENT, SC_DIRECTION_HIGHER_BETTER, 0.0 },
  /* A zero target gives 0, whatever the value. */
  { 50, 0, SC_TARGET_TYPE_NUMBER, SC_DIRECTION_HIGHER_BETTER, 0.0 },
  /* Lower is better: 100 for a zero value, else target / value capped. */
  { 0, 4, SC_TARGET_TYPE_DURATION, SC_DIRECTION_LOWER_BETTER, 100.0 },
  { 8, 4, SC_TARGET_TYPE_DURATION, SC_DIRECTION_LOWER_BETTER, 50.0 },
  { 2, 4, SC_TARGET_TYPE_DURATION, SC_DIRECTION_LOWER_BETTER, 100.0 },
  { 3, 0, SC_TARGET_TYPE_NUMBER, SC_DIRECTION_LOWER_BETTER, 0.0 },
  { 28.27, 22, SC_TARGET_TYPE_NUMBER, SC_DIRECTION_LOWER_BETTER, 77.82 },
  /* Boolean: non-zero is 100, the target is ignored. */
  { 1, 1, SC_TARGET_TYPE_BOOLEAN, SC_DIRECTION_HIGHER_BETTER, 100.0 },
  { 0, 1, SC_TARGET_TYPE_BOOLEAN, SC_DIRECTION_HIGHER_BETTER, 0.0 },
  { 5, 0, SC_TARGET_TYPE_BOOLEAN, SC_DIRECTION_LOWER_BETTER, 100.0 },
  /* Stored with two decimals, rounded half away from zero like Odoo. */
  { 2, 3, SC_TARGET_TYPE_NUMBER, SC_DIRECTION_HIGHER_BETTER, 66.67 },
  { 94.995, 100, SC_TARGET_TYPE_NUMBER, SC_DIRECTION_HIGHER_BETTER, 95.0 },
  { 1, 8, SC_TARGET_TYPE_NUMBER, SC_DIRECTION_HIGHER_BETTER, 12.5 },
  /* A negative value gives a negative achievement, which the server refuses. */
  { -10, 100, SC_TARGET_TYPE_NUMBER, SC_DIRECTION_HIGHER_BETTER, -10.0 },
};

static void
test_achievement_table (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (achievement_cases); i++)
    {
      const AchievementCase *c = &achievement_cases[i];
      double got = sc_score_achievement (c->value, c->target, c->type, c->direction);

      g_test_message ("case %u: value %g target %g", i, c->value, c->target);
      g_assert_cmpfloat_with_epsilon (got, c->expected, 1e-9);
    }
}

static void
test_achievement_not_finite (void)
{
  g_assert_cmpfloat (sc_score_achievement (NAN, 10, SC_TARGET_TYPE_NUMBER,
                                           SC_DIRECTION_HIGHER_BETTER), ==, 0.0);
  g_assert_cmpfloat (sc_score_achievement (INFINITY, 10, SC_TARGET_TYPE_NUMBER,
                                           SC_DIRECTION_HIGHER_BETTER), ==, 0.0);
  g_assert_cmpfloat (sc_score_achievement (10, NAN, SC_TARGET_TYPE_NUMBER,
                                           SC_DIRECTION_LOWER_BETTER), ==, 0.0);
}

static void
test_bands (void)
{
  static const struct { double achievement; ScScoreBand band; const char *label; const char *color; } cases[] = {
    { 150, SC_SCORE_BAND_EXCELLENT, "Excellent", "1" },
    { 95, SC_SCORE_BAND_EXCELLENT, "Excellent", "1" },
    { 94.99, SC_SCORE_BAND_GOOD, "Good", "2" },
    { 80, SC_SCORE_BAND_GOOD, "Good", "2" },
    { 79.99, SC_SCORE_BAND_AVERAGE, "Average", "3" },
    { 70, SC_SCORE_BAND_AVERAGE, "Average", "3" },
    { 69.99, SC_SCORE_BAND_NEEDS_IMPROVEMENT, "Needs Improvement", "4" },
    { 50, SC_SCORE_BAND_NEEDS_IMPROVEMENT, "Needs Improvement", "4" },
    { 49.99, SC_SCORE_BAND_UNDERPERFORMANCE, "Underperformance", "5" },
    { 0, SC_SCORE_BAND_UNDERPERFORMANCE, "Underperformance", "5" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ScScoreBand band = sc_score_band (cases[i].achievement);

      g_assert_cmpint (band, ==, cases[i].band);
      g_assert_cmpstr (sc_score_band_label (band), ==, cases[i].label);
      g_assert_cmpstr (sc_score_band_color_key (band), ==, cases[i].color);
      g_assert_nonnull (sc_score_band_css_class (band));
    }
}

static void
test_group (void)
{
  const double achievements[] = { 120, 50, 90 };
  const int weights[] = { 5, 1, 3 };
  const int bad_weights[] = { 0, 9, -1 };

  /* min(120, 100) × 5 + 50 × 1 + 90 × 3 = 820, over 9. */
  g_assert_cmpfloat_with_epsilon (sc_score_group (achievements, weights, 3), 820.0 / 9.0, 1e-9);
  /* Without weights, or with weights outside 1–5, every KPI counts once. */
  g_assert_cmpfloat_with_epsilon (sc_score_group (achievements, NULL, 3), 240.0 / 3.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (sc_score_group (achievements, bad_weights, 3), 240.0 / 3.0, 1e-9);
  /* An empty group scores 0. */
  g_assert_cmpfloat (sc_score_group (NULL, NULL, 0), ==, 0.0);
  /* Every KPI over target: exactly 100. */
  {
    const double over[] = { 130, 101 };

    g_assert_cmpfloat (sc_score_group (over, weights, 2), ==, 100.0);
  }
}

static void
test_round2 (void)
{
  g_assert_cmpfloat (sc_score_round2 (1.005), ==, 1.01);
  g_assert_cmpfloat (sc_score_round2 (2.675), ==, 2.68);
  g_assert_cmpfloat (sc_score_round2 (-1.005), ==, -1.01);
  g_assert_cmpfloat (sc_score_round2 (99.994), ==, 99.99);
  g_assert_cmpfloat (sc_score_round2 (0.0), ==, 0.0);
}

static void
test_validate_target (void)
{
  static const struct { ScTargetType type; double target; gboolean ok; const char *message; } cases[] = {
    { SC_TARGET_TYPE_NUMBER, 0, TRUE, NULL },
    { SC_TARGET_TYPE_NUMBER, 1e9, TRUE, NULL },
    { SC_TARGET_TYPE_NUMBER, -1, FALSE, "Target value cannot be negative" },
    { SC_TARGET_TYPE_CURRENCY, -0.01, FALSE, "Target value cannot be negative" },
    { SC_TARGET_TYPE_PERCENT, 100, TRUE, NULL },
    { SC_TARGET_TYPE_PERCENT, 100.5, FALSE, "Percentage target cannot exceed 100%" },
    { SC_TARGET_TYPE_BOOLEAN, 0, TRUE, NULL },
    { SC_TARGET_TYPE_BOOLEAN, 1, TRUE, NULL },
    { SC_TARGET_TYPE_BOOLEAN, 0.5, FALSE, "Boolean target must be 0 or 1" },
    { SC_TARGET_TYPE_BOOLEAN, 2, FALSE, "Boolean target must be 0 or 1" },
    { SC_TARGET_TYPE_DURATION, NAN, FALSE, "Target value must be a finite number" },
    { SC_TARGET_TYPE_NUMBER, INFINITY, FALSE, "Target value must be a finite number" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok = sc_score_validate_target (cases[i].type, cases[i].target, &error);

      g_assert_cmpint (ok, ==, cases[i].ok);
      if (cases[i].ok)
        g_assert_no_error (error);
      else
        {
          g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID);
          g_assert_cmpstr (error->message, ==, cases[i].message);
        }
    }
}

static void
test_validate_value_priority (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sc_score_validate_value (-3.5, NULL));
  g_assert_false (sc_score_validate_value (NAN, &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sc_score_validate_value (-INFINITY, &error));
  g_clear_error (&error);

  for (int p = 1; p <= 5; p++)
    g_assert_true (sc_score_validate_priority (p, NULL));
  g_assert_false (sc_score_validate_priority (0, &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sc_score_validate_priority (6, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/score/achievement-table", test_achievement_table);
  g_test_add_func ("/core/score/achievement-not-finite", test_achievement_not_finite);
  g_test_add_func ("/core/score/bands", test_bands);
  g_test_add_func ("/core/score/group", test_group);
  g_test_add_func ("/core/score/round2", test_round2);
  g_test_add_func ("/core/score/validate-target", test_validate_target);
  g_test_add_func ("/core/score/validate-value-priority", test_validate_value_priority);

  return g_test_run ();
}
