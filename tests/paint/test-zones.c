/* test-zones.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-test"

#include "config.h"

#include <math.h>
#include <string.h>

#include "sc-paint-types.h"
#include "sc-score.h"

#define assert_zone(zone, f, t, k) \
  G_STMT_START { \
    g_assert_cmpfloat_with_epsilon ((zone).from, (f), 1e-9); \
    g_assert_cmpfloat_with_epsilon ((zone).to, (t), 1e-9); \
    g_assert_cmpint ((zone).kind, ==, (k)); \
  } G_STMT_END

static void
test_zones_higher_default (void)
{
  ScZone zones[3];
  double lo, hi;
  guint n;

  /* Red below 70 %, yellow to 95 %, green above: the score bands. */
  n = sc_zones_for_kpi (1000, SC_DIRECTION_HIGHER_BETTER, 0, 0, 500, &lo, &hi, zones);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpfloat (lo, ==, 0.0);
  g_assert_cmpfloat_with_epsilon (hi, 1200.0, 1e-9);
  assert_zone (zones[0], 0, 700, SC_ZONE_BAD);
  assert_zone (zones[1], 700, 950, SC_ZONE_WARN);
  assert_zone (zones[2], 950, 1200, SC_ZONE_GOOD);

  /* Overshoot beyond target × 1.2 stretches the scale to fit... */
  sc_zones_for_kpi (1000, SC_DIRECTION_HIGHER_BETTER, 0, 0, 1300, &lo, &hi, zones);
  g_assert_cmpfloat_with_epsilon (hi, 1365.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (zones[2].to, 1365.0, 1e-9);

  /* ...up to target × 3; further is the painter's overshoot mark. */
  sc_zones_for_kpi (1000, SC_DIRECTION_HIGHER_BETTER, 0, 0, 5000, &lo, &hi, zones);
  g_assert_cmpfloat_with_epsilon (hi, 3000.0, 1e-9);
}

static void
test_zones_lower_default (void)
{
  ScZone zones[3];
  double lo, hi;
  guint n;

  /* Achievement = target / value: green up to target / 0.95. */
  n = sc_zones_for_kpi (4, SC_DIRECTION_LOWER_BETTER, 0, 0, 3, &lo, &hi, zones);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpfloat (lo, ==, 0.0);
  assert_zone (zones[0], 0, 4 / 0.95, SC_ZONE_GOOD);
  assert_zone (zones[1], 4 / 0.95, 4 / 0.7, SC_ZONE_WARN);
  assert_zone (zones[2], 4 / 0.7, 4 / 0.7 * 1.3, SC_ZONE_BAD);
  g_assert_cmpfloat_with_epsilon (hi, 4 / 0.7 * 1.3, 1e-9);

  sc_zones_for_kpi (4, SC_DIRECTION_LOWER_BETTER, 0, 0, 10, &lo, &hi, zones);
  g_assert_cmpfloat_with_epsilon (hi, 10.5, 1e-9);

  sc_zones_for_kpi (4, SC_DIRECTION_LOWER_BETTER, 0, 0, 100, &lo, &hi, zones);
  g_assert_cmpfloat_with_epsilon (hi, 12.0, 1e-9);
}

static void
test_zones_custom_thresholds (void)
{
  ScZone zones[3];
  double lo, hi;

  sc_zones_for_kpi (200, SC_DIRECTION_HIGHER_BETTER, 50, 100, 0, &lo, &hi, zones);
  assert_zone (zones[0], 0, 100, SC_ZONE_BAD);
  assert_zone (zones[1], 100, 200, SC_ZONE_WARN);
  assert_zone (zones[2], 200, 240, SC_ZONE_GOOD);

  /* A green threshold past 120 % still leaves green in view. */
  sc_zones_for_kpi (100, SC_DIRECTION_HIGHER_BETTER, 80, 150, 0, &lo, &hi, zones);
  g_assert_cmpfloat (hi, >, zones[2].from);

  /* Invalid thresholds fall back to the defaults, and green never starts
   * below yellow. */
  sc_zones_for_kpi (1000, SC_DIRECTION_HIGHER_BETTER, NAN, -5, 0, &lo, &hi, zones);
  assert_zone (zones[0], 0, 700, SC_ZONE_BAD);
  assert_zone (zones[1], 700, 950, SC_ZONE_WARN);
  sc_zones_for_kpi (1000, SC_DIRECTION_HIGHER_BETTER, 90, 80, 0, &lo, &hi, zones);
  g_assert_cmpfloat_with_epsilon (zones[1].from, 900, 1e-9);
  g_assert_cmpfloat_with_epsilon (zones[1].to, 900, 1e-9);
}

static void
test_zones_zero_target (void)
{
  ScZone zones[3];
  double lo, hi;
  guint n;

  n = sc_zones_for_kpi (0, SC_DIRECTION_HIGHER_BETTER, 0, 0, 50, &lo, &hi, zones);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpfloat (lo, ==, 0.0);
  g_assert_cmpfloat_with_epsilon (hi, 60.0, 1e-9);
  /* sc_score_achievement() gives 0 % for a zero target. */
  assert_zone (zones[0], 0, 60, SC_ZONE_BAD);

  n = sc_zones_for_kpi (0, SC_DIRECTION_HIGHER_BETTER, 0, 0, 0, &lo, &hi, zones);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpfloat_with_epsilon (hi, 1.0, 1e-9);

  /* Lower is better: a zero value meets a zero target. */
  n = sc_zones_for_kpi (0, SC_DIRECTION_LOWER_BETTER, 0, 0, 0, &lo, &hi, zones);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (zones[0].kind, ==, SC_ZONE_GOOD);
  sc_zones_for_kpi (0, SC_DIRECTION_LOWER_BETTER, 0, 0, 5, &lo, &hi, zones);
  g_assert_cmpint (zones[0].kind, ==, SC_ZONE_BAD);
  g_assert_cmpfloat_with_epsilon (hi, 6.0, 1e-9);

  /* Negative, infinite and NaN targets or values give a finite scale. */
  {
    const double targets[] = { -10, NAN, INFINITY };
    const double values[] = { -40, NAN, 7 };

    for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
      for (guint j = 0; j < G_N_ELEMENTS (values); j++)
        for (int d = 0; d < 2; d++)
          {
            n = sc_zones_for_kpi (targets[i], d, 0, 0, values[j], &lo, &hi, zones);
            g_assert_cmpuint (n, ==, 1);
            g_assert_true (isfinite (lo) && isfinite (hi));
            g_assert_cmpfloat (hi, >, lo);
            g_assert_cmpfloat (zones[0].to, >, zones[0].from);
          }
  }
}

static void
test_zones_negative_value (void)
{
  ScZone zones[3];
  double lo, hi;

  sc_zones_for_kpi (1000, SC_DIRECTION_HIGHER_BETTER, 0, 0, -200, &lo, &hi, zones);
  g_assert_cmpfloat (lo, <=, -200);
  g_assert_cmpfloat (zones[0].from, ==, lo);
  g_assert_cmpint (zones[0].kind, ==, SC_ZONE_BAD);
}

static ScZoneKind
kind_for_band (ScScoreBand band)
{
  switch (band)
    {
    case SC_SCORE_BAND_EXCELLENT:
      return SC_ZONE_GOOD;
    case SC_SCORE_BAND_GOOD:
    case SC_SCORE_BAND_AVERAGE:
      return SC_ZONE_WARN;
    case SC_SCORE_BAND_NEEDS_IMPROVEMENT:
    case SC_SCORE_BAND_UNDERPERFORMANCE:
    default:
      return SC_ZONE_BAD;
    }
}

/* With the default thresholds the zone colour of any value is the colour
 * of its score band, in both directions.
 */
static void
test_zones_agree_with_score (void)
{
  const double targets[] = { 1, 22, 1500, 4 };

  for (guint t = 0; t < G_N_ELEMENTS (targets); t++)
    for (int d = 0; d < 2; d++)
      {
        double target = targets[t];
        ScZone zones[3];
        double lo, hi;
        guint n;

        n = sc_zones_for_kpi (target, d, 0, 0, target, &lo, &hi, zones);

        for (double f = 0.013; f < 2.9; f += 0.0071)
          {
            double value = target * f;
            double achievement = sc_score_achievement (value, target, SC_TARGET_TYPE_NUMBER, d);
            ScZoneKind kind;

            /* Two-decimal rounding may tip a hair's breadth either way. */
            if (fabs (achievement - 95.0) < 0.01 || fabs (achievement - 70.0) < 0.01)
              continue;

            g_assert_true (sc_zone_kind_at (zones, n, value, &kind));
            if (kind != kind_for_band (sc_score_band (achievement)))
              g_error ("%s, target %g, value %g (%.2f %%): zone %d",
                       d ? "lower" : "higher", target, value, achievement, kind);
          }
      }
}

static void
test_zone_kind_at (void)
{
  const ScZone zones[] = {
    { 0, 10, SC_ZONE_BAD },
    { 10, 20, SC_ZONE_WARN },
    { 20, 30, SC_ZONE_GOOD },
  };
  const ScZone reversed[] = {
    { 0, 10, SC_ZONE_GOOD },
    { 10, 20, SC_ZONE_WARN },
    { 20, 30, SC_ZONE_BAD },
  };
  ScZoneKind kind;

  g_assert_true (sc_zone_kind_at (zones, 3, 5, &kind));
  g_assert_cmpint (kind, ==, SC_ZONE_BAD);
  g_assert_true (sc_zone_kind_at (zones, 3, 15, &kind));
  g_assert_cmpint (kind, ==, SC_ZONE_WARN);

  /* On a threshold the value has reached the better band. */
  g_assert_true (sc_zone_kind_at (zones, 3, 20, &kind));
  g_assert_cmpint (kind, ==, SC_ZONE_GOOD);
  g_assert_true (sc_zone_kind_at (reversed, 3, 10, &kind));
  g_assert_cmpint (kind, ==, SC_ZONE_GOOD);

  /* Outside the zones: the nearest. */
  g_assert_true (sc_zone_kind_at (zones, 3, -100, &kind));
  g_assert_cmpint (kind, ==, SC_ZONE_BAD);
  g_assert_true (sc_zone_kind_at (zones, 3, 1e9, &kind));
  g_assert_cmpint (kind, ==, SC_ZONE_GOOD);

  g_assert_false (sc_zone_kind_at (zones, 3, NAN, &kind));
  g_assert_false (sc_zone_kind_at (NULL, 0, 1, &kind));
  g_assert_true (sc_zone_kind_at (zones, 3, 1, NULL));
}

static double
luminance (const ScRgba *rgba)
{
  return 0.2126 * rgba->red + 0.7152 * rgba->green + 0.0722 * rgba->blue;
}

static void
test_palettes (void)
{
  void (*inits[]) (ScPaintPalette *) = {
    sc_paint_palette_init_light,
    sc_paint_palette_init_dark,
    sc_paint_palette_init_high_contrast,
  };

  for (guint i = 0; i < G_N_ELEMENTS (inits); i++)
    {
      ScPaintPalette palette;
      const ScRgba *bad, *warn, *good;
      gboolean dark;

      memset (&palette, 0xff, sizeof palette);
      inits[i] (&palette);

      bad = &palette.zone[SC_ZONE_BAD];
      warn = &palette.zone[SC_ZONE_WARN];
      good = &palette.zone[SC_ZONE_GOOD];

      /* Red is red, yellow is red and green, green is green. */
      g_assert_cmpfloat (bad->red, >, bad->green + 0.4);
      g_assert_cmpfloat (warn->red, >, warn->blue + 0.4);
      g_assert_cmpfloat (warn->green, >, warn->blue + 0.3);
      g_assert_cmpfloat (good->green, >, good->red + 0.2);
      for (guint z = 0; z < SC_N_ZONE_KINDS; z++)
        g_assert_cmpfloat (palette.zone[z].alpha, ==, 1.0);

      /* Text contrasts with the background. */
      dark = luminance (&palette.background) < 0.5;
      g_assert_cmpint (dark, ==, inits[i] == sc_paint_palette_init_dark);
      g_assert_cmpfloat (fabs (luminance (&palette.text) - luminance (&palette.background)),
                         >, 0.6);
      g_assert_cmpfloat (palette.track.alpha, <, 0.5);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/paint/zones/higher-default", test_zones_higher_default);
  g_test_add_func ("/paint/zones/lower-default", test_zones_lower_default);
  g_test_add_func ("/paint/zones/custom-thresholds", test_zones_custom_thresholds);
  g_test_add_func ("/paint/zones/zero-target", test_zones_zero_target);
  g_test_add_func ("/paint/zones/negative-value", test_zones_negative_value);
  g_test_add_func ("/paint/zones/agree-with-score", test_zones_agree_with_score);
  g_test_add_func ("/paint/zones/kind-at", test_zone_kind_at);
  g_test_add_func ("/paint/palettes", test_palettes);

  return g_test_run ();
}
