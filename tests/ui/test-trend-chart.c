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

/* Ten days on from the last point, intervals widening. */
static void
fill_forecast (ScChartForecastPoint *forecast,
               guint                 n)
{
  for (guint i = 0; i < n; i++)
    {
      double spread = 60.0 + 20.0 * i;

      forecast[i].time = NOV_1 + (gint64)(N_DAYS + i) * DAY;
      forecast[i].mean = 1600.0 + 10.0 * i;
      forecast[i].lower80 = forecast[i].mean - 1.2816 * spread;
      forecast[i].upper80 = forecast[i].mean + 1.2816 * spread;
      forecast[i].lower95 = forecast[i].mean - 1.96 * spread;
      forecast[i].upper95 = forecast[i].mean + 1.96 * spread;
    }
}

static char *
format_inr (double value)
{
  return sc_format_measure (value, SC_TARGET_TYPE_CURRENCY, "INR");
}

static guint
count_lines (const char *text)
{
  guint lines = 1;

  for (const char *p = text; *p != '\0'; p++)
    if (*p == '\n')
      lines++;

  return lines;
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

/* The forecast continues the line; over it, the tooltip tells the
 * expected value and its intervals. */
static void
test_trend_chart_forecast (void)
{
  g_autoptr(ScTrendChart) chart = create_chart ();
  g_autoptr(ScTestImage) image = NULL;
  g_autofree char *tooltip = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *mean = NULL;
  g_autofree char *lower80 = NULL;
  g_autofree char *upper80 = NULL;
  g_autofree char *lower95 = NULL;
  g_autofree char *upper95 = NULL;
  g_autofree char *latest = NULL;
  g_autofree char *last_mean = NULL;
  g_autofree char *label = NULL;
  ScChartForecastPoint forecast[10];
  ScChartForecastPoint reversed[10];
  const ScChartForecastPoint *stored;
  GtkEventController *motion;
  ScChartPoint points[N_DAYS];
  ScChartSpec spec;
  GtkWidget *window;
  guint n;
  double x, y;

  fill_points (points);
  fill_forecast (forecast, G_N_ELEMENTS (forecast));
  for (guint i = 0; i < G_N_ELEMENTS (forecast); i++)
    reversed[i] = forecast[G_N_ELEMENTS (forecast) - 1 - i];

  /* Copied, and put in time order. */
  sc_trend_chart_set_forecast (chart, reversed, G_N_ELEMENTS (reversed));
  reversed[0].mean = -1.0;
  stored = sc_trend_chart_get_forecast (chart, &n);
  g_assert_cmpuint (n, ==, 10);
  for (guint i = 0; i < n; i++)
    g_assert_cmpmem (&stored[i], sizeof *stored, &forecast[i], sizeof *forecast);

  /* The accessible description names the last forecast. */
  latest = format_inr (points[N_DAYS - 1].value);
  last_mean = format_inr (forecast[9].mean);
  label = g_strdup_printf ("Revenue trend: 30 values from 2026-11-01 to 2026-11-30, "
                           "latest %s, target ₹\u00A01,500.00, forecast %s on 2026-12-10",
                           latest, last_mean);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (chart),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, label);

  sc_test_set_dark (FALSE);
  window = sc_test_present (GTK_WIDGET (chart), 480, 220);
  image = sc_test_render (GTK_WIDGET (chart));
  sc_test_screenshot (GTK_WIDGET (chart), "trend-chart-forecast-light");

  _sc_trend_chart_get_spec (chart, &spec);
  g_assert_cmpuint (spec.n_forecast, ==, 10);
  g_assert_cmpuint (spec.hover_forecast, ==, 0);

  /* The dashed mean goes through the forecast points. */
  for (guint i = 1; i < n; i += 3)
    {
      sc_chart_forecast_position (&spec, image->width, image->height, i, &x, &y);
      sc_test_assert_pixel (image, "trend-chart-forecast-mean", x, y, 3, &spec.palette->accent, 0.12);
    }

  /* Hovering a forecast point marks it, not a point. */
  sc_chart_forecast_position (&spec, image->width, image->height, 3, &x, &y);
  motion = find_motion_controller (GTK_WIDGET (chart));
  g_signal_emit_by_name (motion, "motion", x, y);
  g_assert_cmpint (_sc_trend_chart_get_hover_forecast (chart), ==, 3);
  g_assert_cmpint (sc_trend_chart_get_hover_index (chart), ==, -1);
  _sc_trend_chart_get_spec (chart, &spec);
  g_assert_cmpuint (spec.hover_forecast, ==, 4);
  sc_test_wait_for_draw (GTK_WIDGET (chart));
  sc_test_screenshot (GTK_WIDGET (chart), "trend-chart-forecast-hover");

  mean = format_inr (forecast[3].mean);
  lower80 = format_inr (forecast[3].lower80);
  upper80 = format_inr (forecast[3].upper80);
  lower95 = format_inr (forecast[3].lower95);
  upper95 = format_inr (forecast[3].upper95);
  expected = g_strdup_printf ("Forecast <b>%s</b> (80\u00A0%%: %s–%s; 95\u00A0%%: %s–%s)\n2026-12-04",
                              mean, lower80, upper80, lower95, upper95);
  tooltip = _sc_trend_chart_dup_tooltip_text (chart, x, y);
  g_test_message ("tooltip: %s", tooltip);
  g_assert_cmpstr (tooltip, ==, expected);
  g_assert_true (pango_parse_markup (tooltip, -1, 0, NULL, NULL, NULL, NULL));
  g_clear_pointer (&tooltip, g_free);

  /* Back over the data, points are found as before. */
  sc_chart_point_position (&spec, image->width, image->height, 10, &x, &y);
  g_signal_emit_by_name (motion, "motion", x, y);
  g_assert_cmpint (sc_trend_chart_get_hover_index (chart), ==, 10);
  g_assert_cmpint (_sc_trend_chart_get_hover_forecast (chart), ==, -1);
  tooltip = _sc_trend_chart_dup_tooltip_text (chart, x, y);
  g_assert_nonnull (strstr (tooltip, "2026-11-11 09:00"));
  g_assert_null (strstr (tooltip, "Forecast"));
  g_clear_pointer (&tooltip, g_free);

  /* The last actual point is not part of the forecast. */
  sc_chart_point_position (&spec, image->width, image->height, N_DAYS - 1, &x, &y);
  tooltip = _sc_trend_chart_dup_tooltip_text (chart, x, y);
  g_assert_null (strstr (tooltip, "Forecast"));
  g_clear_pointer (&tooltip, g_free);

  sc_test_set_dark (TRUE);
  sc_test_wait_for_draw (GTK_WIDGET (chart));
  sc_test_screenshot (GTK_WIDGET (chart), "trend-chart-forecast-dark");
  sc_test_set_dark (FALSE);

  /* New points keep the forecast; no forecast points remove it. */
  sc_chart_forecast_position (&spec, image->width, image->height, 8, &x, &y);
  g_signal_emit_by_name (motion, "motion", x, y);
  g_assert_cmpint (_sc_trend_chart_get_hover_forecast (chart), ==, 8);
  sc_trend_chart_set_points (chart, points, N_DAYS);
  _sc_trend_chart_get_spec (chart, &spec);
  g_assert_cmpuint (spec.n_forecast, ==, 10);
  g_assert_cmpint (_sc_trend_chart_get_hover_forecast (chart), ==, 8);

  sc_trend_chart_set_forecast (chart, NULL, 0);
  _sc_trend_chart_get_spec (chart, &spec);
  g_assert_cmpuint (spec.n_forecast, ==, 0);
  g_assert_null (spec.forecast);
  g_assert_cmpuint (spec.hover_forecast, ==, 0);
  g_assert_cmpint (_sc_trend_chart_get_hover_forecast (chart), ==, -1);
  tooltip = _sc_trend_chart_dup_tooltip_text (chart, x, y);
  g_assert_true (tooltip == NULL || strstr (tooltip, "Forecast") == NULL);

  sc_test_close (window);
  g_assert_finalize_object (g_steal_pointer (&chart));
}

/* Anomalies are ringed; their reasons are in the tooltip and counted in the
 * accessible description. */
static void
test_trend_chart_anomalies (void)
{
  g_autoptr(ScTrendChart) chart = create_chart ();
  g_autoptr(ScTestImage) image = NULL;
  g_autofree char *latest = NULL;
  g_autofree char *plain_label = NULL;
  g_autofree char *label = NULL;
  g_autofree char *tooltip = NULL;
  guint indices[] = { 12, 3, 12, 200 };
  char *reasons[] = {
    g_strdup ("Level shift since <Monday>"),
    g_strdup ("3.4 MADs above the expected Tuesday value"),
    g_strdup ("Spike & dip"),
    g_strdup ("Past the end"),
  };
  ScChartPoint points[N_DAYS];
  ScChartSpec spec;
  GtkWidget *window;
  double x, y;

  fill_points (points);
  latest = format_inr (points[N_DAYS - 1].value);
  plain_label = g_strdup_printf ("Revenue trend: 30 values from 2026-11-01 to 2026-11-30, "
                                 "latest %s, target ₹\u00A01,500.00", latest);

  /* Copied: the caller's arrays can go. */
  sc_trend_chart_set_anomalies (chart, indices, (const char * const *)reasons, G_N_ELEMENTS (indices));
  indices[1] = 4;
  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    g_clear_pointer (&reasons[i], g_free);

  /* Point 12 twice counts once; 200 is past the points. */
  label = g_strdup_printf ("%s, 2 anomalies", plain_label);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (chart),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, label);

  window = sc_test_present (GTK_WIDGET (chart), 480, 220);
  image = sc_test_render (GTK_WIDGET (chart));
  sc_test_screenshot (GTK_WIDGET (chart), "trend-chart-anomalies");
  _sc_trend_chart_get_spec (chart, &spec);
  g_assert_cmpuint (spec.n_anomalies, ==, 4);

  sc_chart_point_position (&spec, image->width, image->height, 3, &x, &y);
  sc_test_assert_pixel (image, "trend-chart-anomaly-ring", x + 5, y, 1, &spec.palette->zone[SC_ZONE_BAD], 0.12);
  sc_test_assert_pixel (image, "trend-chart-anomaly-ring", x, y - 5, 1, &spec.palette->zone[SC_ZONE_BAD], 0.12);
  sc_chart_point_position (&spec, image->width, image->height, 4, &x, &y);
  sc_test_assert_no_pixel (image, "trend-chart-anomaly-none", x, y - 5, 1, &spec.palette->zone[SC_ZONE_BAD], 0.12);

  /* The reason is added to the point's tooltip. */
  sc_chart_point_position (&spec, image->width, image->height, 3, &x, &y);
  tooltip = _sc_trend_chart_dup_tooltip_text (chart, x, y);
  g_test_message ("tooltip: %s", tooltip);
  g_assert_true (g_str_has_suffix (tooltip, "\n3.4 MADs above the expected Tuesday value"));
  g_assert_cmpuint (count_lines (tooltip), ==, 3);
  g_clear_pointer (&tooltip, g_free);

  /* Each reason on its own line, in the order given, escaped. */
  sc_chart_point_position (&spec, image->width, image->height, 12, &x, &y);
  tooltip = _sc_trend_chart_dup_tooltip_text (chart, x, y);
  g_test_message ("tooltip: %s", tooltip);
  g_assert_true (g_str_has_suffix (tooltip, "\nLevel shift since &lt;Monday&gt;\nSpike &amp; dip"));
  g_assert_true (pango_parse_markup (tooltip, -1, 0, NULL, NULL, NULL, NULL));
  g_clear_pointer (&tooltip, g_free);

  sc_chart_point_position (&spec, image->width, image->height, 4, &x, &y);
  tooltip = _sc_trend_chart_dup_tooltip_text (chart, x, y);
  g_assert_cmpuint (count_lines (tooltip), ==, 2);
  g_clear_pointer (&tooltip, g_free);

  /* New points keep the anomalies. */
  sc_trend_chart_set_points (chart, points, N_DAYS);
  _sc_trend_chart_get_spec (chart, &spec);
  g_assert_cmpuint (spec.n_anomalies, ==, 4);

  /* Without reasons: rings, and the tooltip as before. */
  sc_trend_chart_set_anomalies (chart, indices, NULL, 1);
  sc_chart_point_position (&spec, image->width, image->height, 12, &x, &y);
  tooltip = _sc_trend_chart_dup_tooltip_text (chart, x, y);
  g_assert_cmpuint (count_lines (tooltip), ==, 2);
  g_clear_pointer (&tooltip, g_free);
  g_clear_pointer (&label, g_free);
  label = g_strdup_printf ("%s, 1 anomaly", plain_label);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (chart),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, label);

  sc_trend_chart_set_anomalies (chart, NULL, NULL, 0);
  _sc_trend_chart_get_spec (chart, &spec);
  g_assert_cmpuint (spec.n_anomalies, ==, 0);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (chart),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, plain_label);

  sc_test_close (window);
  g_assert_finalize_object (g_steal_pointer (&chart));
}

static void
test_trend_chart_method_label (void)
{
  g_autoptr(ScTrendChart) chart = create_chart ();
  g_autofree char *value = NULL;
  ScChartSpec spec;
  guint notified = 0;

  g_assert_null (sc_trend_chart_get_method_label (chart));
  g_signal_connect (chart, "notify::method-label", G_CALLBACK (on_notify_cb), &notified);

  sc_trend_chart_set_method_label (chart, "Holt–Winters · backtest MASE 0.70");
  sc_trend_chart_set_method_label (chart, "Holt–Winters · backtest MASE 0.70");
  g_assert_cmpuint (notified, ==, 1);
  g_object_get (chart, "method-label", &value, NULL);
  g_assert_cmpstr (value, ==, "Holt–Winters · backtest MASE 0.70");
  _sc_trend_chart_get_spec (chart, &spec);
  g_assert_cmpstr (spec.method_label, ==, "Holt–Winters · backtest MASE 0.70");

  /* Empty is none. */
  sc_trend_chart_set_method_label (chart, "");
  g_assert_null (sc_trend_chart_get_method_label (chart));
  g_assert_cmpuint (notified, ==, 2);

  g_assert_finalize_object (g_steal_pointer (&chart));
}

/* Everything at once, for the screenshots. */
static void
test_trend_chart_all (void)
{
  g_autoptr(ScTrendChart) chart = create_chart ();
  ScChartForecastPoint forecast[10];
  const guint indices[] = { 7, 19 };
  const char *reasons[] = { "3.4 MADs above the expected Tuesday value", NULL };
  GtkWidget *window;

  fill_forecast (forecast, G_N_ELEMENTS (forecast));
  sc_trend_chart_set_forecast (chart, forecast, G_N_ELEMENTS (forecast));
  sc_trend_chart_set_anomalies (chart, indices, reasons, G_N_ELEMENTS (indices));
  sc_trend_chart_set_method_label (chart, "Holt–Winters · backtest MASE 0.70");

  sc_test_set_dark (FALSE);
  window = sc_test_present (GTK_WIDGET (chart), 480, 220);
  sc_test_screenshot (GTK_WIDGET (chart), "trend-chart-all-light");
  sc_test_set_dark (TRUE);
  sc_test_wait_for_draw (GTK_WIDGET (chart));
  sc_test_screenshot (GTK_WIDGET (chart), "trend-chart-all-dark");
  sc_test_set_dark (FALSE);

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
  g_test_add_func ("/ui/trend-chart/forecast", test_trend_chart_forecast);
  g_test_add_func ("/ui/trend-chart/anomalies", test_trend_chart_anomalies);
  g_test_add_func ("/ui/trend-chart/method-label", test_trend_chart_method_label);
  g_test_add_func ("/ui/trend-chart/all", test_trend_chart_all);

  return g_test_run ();
}
