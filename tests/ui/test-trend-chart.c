/* test-trend-chart.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-trend-chart"

#include "config.h"

#include <math.h>
#include <string.h>

#include "sc-format.h"
#include "sc-test-ui-utils.h"
#include "sc-trend-chart-private.h"

/* 2026-11-01 00:00 UTC; the tests run with TZ=UTC. */
#define NOV_1 G_GINT64_CONSTANT (1793491200)
#define DAY   (24 * 60 * 60)
#define N_DAYS 30

/* Auxiliary methods */

static void
fill_points (ScChartPoint *points)
{
  for (guint i = 0; i < N_DAYS; i++)
    {
      points[i].time = NOV_1 + (gint64)i * DAY + 9 * 3600;
      points[i].value = 1000.0 + 300.0 * sin (i / 4.0) + 12.0 * i;
    }
}

static ScTrendChart *
create_chart (void)
{
  ScChartPoint points[N_DAYS];
  ScTrendChart *chart;

  fill_points (points);
  chart = g_object_new (SC_TYPE_TREND_CHART,
                        "label", "Revenue",
                        "target", 1500.0,
                        "target-type", SC_TARGET_TYPE_CURRENCY,
                        "currency", "INR",
                        NULL);
  sc_trend_chart_set_points (chart, points, N_DAYS);

  return g_object_ref_sink (chart);
}

static GtkEventController *
find_motion_controller (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_MOTION (controller))
        return controller;
    }

  return NULL;
}

/* Tests */

static void
test_trend_chart_points (void)
{
  g_autoptr(ScTrendChart) chart = g_object_ref_sink (SC_TREND_CHART (sc_trend_chart_new ()));
  ScChartPoint points[3] = {
    { NOV_1 + 2 * DAY, 3.0 },
    { NOV_1, 1.0 },
    { NOV_1 + DAY, 2.0 },
  };
  const ScChartPoint *stored;
  guint n;

  g_assert_cmpstr (gtk_widget_get_css_name (GTK_WIDGET (chart)), ==, "trendchart");
  g_assert_cmpint (sc_trend_chart_get_hover_index (chart), ==, -1);
  g_assert_cmpfloat (sc_trend_chart_get_warn_from (chart), ==, 70.0);
  g_assert_cmpfloat (sc_trend_chart_get_good_from (chart), ==, 95.0);

  /* Copied, and put in time order. */
  sc_trend_chart_set_points (chart, points, G_N_ELEMENTS (points));
  points[0].value = 100.0;
  stored = sc_trend_chart_get_points (chart, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpfloat (stored[0].value, ==, 1.0);
  g_assert_cmpfloat (stored[1].value, ==, 2.0);
  g_assert_cmpfloat (stored[2].value, ==, 3.0);

  sc_trend_chart_set_points (chart, NULL, 0);
  stored = sc_trend_chart_get_points (chart, &n);
  g_assert_null (stored);
  g_assert_cmpuint (n, ==, 0);

  g_assert_finalize_object (g_steal_pointer (&chart));
}

static void
test_trend_chart_measure (void)
{
  g_autoptr(ScTrendChart) chart = g_object_ref_sink (SC_TREND_CHART (sc_trend_chart_new ()));
  int min, nat;

  gtk_widget_measure (GTK_WIDGET (chart), GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  g_assert_cmpint (nat, ==, 480);
  g_assert_cmpint (min, <=, nat);
  gtk_widget_measure (GTK_WIDGET (chart), GTK_ORIENTATION_VERTICAL, -1, &min, &nat, NULL, NULL);
  g_assert_cmpint (nat, ==, 220);
  g_assert_cmpint (min, <=, nat);

  g_assert_finalize_object (g_steal_pointer (&chart));
}

static void
test_trend_chart_accessible (void)
{
  g_autoptr(ScTrendChart) chart = create_chart ();
  g_autoptr(ScTrendChart) empty = g_object_ref_sink (SC_TREND_CHART (sc_trend_chart_new ()));
  ScChartPoint points[N_DAYS];
  g_autofree char *latest = NULL;
  g_autofree char *expected = NULL;
  const char *empty_label = "Trend: no values yet";

  fill_points (points);
  latest = sc_format_measure (points[N_DAYS - 1].value, SC_TARGET_TYPE_CURRENCY, "INR");
  expected = g_strdup_printf ("Revenue trend: 30 values from 2026-11-01 to 2026-11-30, "
                              "latest %s, target ₹\u00A01,500.00", latest);

  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_ROLE_IMG);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (chart),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, expected);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (empty),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, empty_label);

  g_assert_finalize_object (g_steal_pointer (&chart));
  g_assert_finalize_object (g_steal_pointer (&empty));
}

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

/* The pointer over a point marks it and its tooltip tells date and value. */
static void
test_trend_chart_hover (void)
{
  g_autoptr(ScTrendChart) chart = create_chart ();
  g_autoptr(ScTestImage) before = NULL;
  g_autoptr(ScTestImage) after = NULL;
  g_autofree char *tooltip = NULL;
  GtkEventController *motion;
  ScChartSpec spec;
  GtkWidget *window;
  guint notified = 0;
  gboolean changed = FALSE;
  double x, y;

  window = sc_test_present (GTK_WIDGET (chart), 480, 220);
  before = sc_test_render (GTK_WIDGET (chart));
  sc_test_screenshot (GTK_WIDGET (chart), "trend-chart-light");

  g_signal_connect (chart, "notify::hover-index", G_CALLBACK (on_notify_cb), &notified);

  _sc_trend_chart_get_spec (chart, &spec);
  sc_chart_point_position (&spec, before->width, before->height, 10, &x, &y);

  motion = find_motion_controller (GTK_WIDGET (chart));
  g_assert_nonnull (motion);
  g_signal_emit_by_name (motion, "motion", x, y);

  g_assert_cmpint (sc_trend_chart_get_hover_index (chart), ==, 10);
  g_assert_cmpuint (notified, ==, 1);

  /* Moving within the same point changes nothing. */
  g_signal_emit_by_name (motion, "motion", x + 0.5, y);
  g_assert_cmpuint (notified, ==, 1);

  after = sc_test_render (GTK_WIDGET (chart));
  sc_test_screenshot (GTK_WIDGET (chart), "trend-chart-hover");
  for (int dy = -6; dy <= 6 && !changed; dy++)
    {
      for (int dx = -6; dx <= 6 && !changed; dx++)
        {
          ScRgba a, b;

          if (sc_test_image_get (before, x + dx, y + dy, &a) &&
              sc_test_image_get (after, x + dx, y + dy, &b) &&
              !sc_test_color_near (&a, &b, 0.05))
            changed = TRUE;
        }
    }
  if (!changed)
    {
      g_autofree char *path = sc_test_image_save (after, "trend-chart-hover");

      g_test_fail_printf ("no hover marker near (%.1f, %.1f), render in %s", x, y, path);
    }

  tooltip = _sc_trend_chart_dup_tooltip_text (chart, x, y);
  g_test_message ("tooltip: %s", tooltip);
  g_assert_nonnull (tooltip);
  g_assert_nonnull (strstr (tooltip, "2026-11-11 09:00"));
  g_assert_nonnull (strstr (tooltip, "₹\u00A0"));
  g_assert_true (pango_parse_markup (tooltip, -1, 0, NULL, NULL, NULL, NULL));

  g_signal_emit_by_name (motion, "leave");
  g_assert_cmpint (sc_trend_chart_get_hover_index (chart), ==, -1);
  g_assert_cmpuint (notified, ==, 2);

  /* Fewer points drop a hover that no longer exists. */
  g_signal_emit_by_name (motion, "motion", x, y);
  g_assert_cmpint (sc_trend_chart_get_hover_index (chart), ==, 10);
  sc_trend_chart_set_points (chart, spec.points, 5);
  g_assert_cmpint (sc_trend_chart_get_hover_index (chart), ==, -1);

  sc_test_close (window);
  g_assert_finalize_object (g_steal_pointer (&chart));
}

/* The line in the accent colour, through the points; dark changes it. */
static void
test_trend_chart_pixels (void)
{
  g_autoptr(ScTrendChart) chart = create_chart ();
  g_autoptr(ScTestImage) light = NULL;
  g_autoptr(ScTestImage) dark = NULL;
  ScRgba light_accent, dark_accent;
  ScChartSpec spec;
  GtkWidget *window;
  double x, y;

  sc_test_set_dark (FALSE);
  window = sc_test_present (GTK_WIDGET (chart), 480, 220);
  light = sc_test_render (GTK_WIDGET (chart));
  _sc_trend_chart_get_spec (chart, &spec);
  light_accent = spec.palette->accent;

  for (guint i = 2; i < N_DAYS; i += 7)
    {
      sc_chart_point_position (&spec, light->width, light->height, i, &x, &y);
      sc_test_assert_pixel (light, "trend-chart-line", x, y, 1.5, &light_accent, 0.12);
    }

  sc_test_set_dark (TRUE);
  sc_test_wait_for_draw (GTK_WIDGET (chart));
  dark = sc_test_render (GTK_WIDGET (chart));
  _sc_trend_chart_get_spec (chart, &spec);
  dark_accent = spec.palette->accent;
  sc_test_screenshot (GTK_WIDGET (chart), "trend-chart-dark");
  g_assert_false (sc_test_color_near (&light_accent, &dark_accent, 0.02));

  sc_chart_point_position (&spec, dark->width, dark->height, 16, &x, &y);
  sc_test_assert_pixel (dark, "trend-chart-line-dark", x, y, 1.5, &dark_accent, 0.12);

  sc_test_set_dark (FALSE);
  sc_test_close (window);
  g_assert_finalize_object (g_steal_pointer (&chart));
}

static void
test_trend_chart_lower_is_better (void)
{
  g_autoptr(ScTrendChart) chart = g_object_ref_sink (SC_TREND_CHART (sc_trend_chart_new ()));
  ScChartPoint points[N_DAYS];
  ScChartSpec spec;
  GtkWidget *window;

  fill_points (points);
  for (guint i = 0; i < N_DAYS; i++)
    points[i].value = 6.0 + 3.0 * cos (i / 3.0);

  sc_trend_chart_set_label (chart, "Response time");
  sc_trend_chart_set_target_type (chart, SC_TARGET_TYPE_DURATION);
  sc_trend_chart_set_direction (chart, SC_DIRECTION_LOWER_BETTER);
  sc_trend_chart_set_target (chart, 5.0);
  sc_trend_chart_set_points (chart, points, N_DAYS);

  _sc_trend_chart_get_spec (chart, &spec);
  g_assert_cmpuint (spec.n_zones, ==, 3);
  g_assert_cmpint (spec.zones[0].kind, ==, SC_ZONE_GOOD);
  g_assert_cmpint (spec.zones[2].kind, ==, SC_ZONE_BAD);

  window = sc_test_present (GTK_WIDGET (chart), 480, 220);
  sc_test_screenshot (GTK_WIDGET (chart), "trend-chart-lower");

  sc_test_close (window);
  g_assert_finalize_object (g_steal_pointer (&chart));
}

int
main (int   argc,
      char *argv[])
{
  sc_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/trend-chart/points", test_trend_chart_points);
  g_test_add_func ("/ui/trend-chart/measure", test_trend_chart_measure);
  g_test_add_func ("/ui/trend-chart/accessible", test_trend_chart_accessible);
  g_test_add_func ("/ui/trend-chart/hover", test_trend_chart_hover);
  g_test_add_func ("/ui/trend-chart/pixels", test_trend_chart_pixels);
  g_test_add_func ("/ui/trend-chart/lower-is-better", test_trend_chart_lower_is_better);

  return g_test_run ();
}
