/* test-kpi-card.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-kpi-card"

#include "config.h"

#include <math.h>
#include <string.h>

#include "sc-kpi-card-private.h"
#include "sc-kpi-private.h"
#include "sc-sparkline.h"
#include "sc-test-ui-utils.h"

/* 2026-11-01 09:00 UTC; the tests run with TZ=UTC. */
#define NOV_1_9AM G_GINT64_CONSTANT (1793523600)
#define DAY       (24 * 60 * 60)
#define N_DAYS    31

/* Auxiliary methods */

static const char *
part_text (ScKpiCard     *card,
           ScKpiCardPart  part)
{
  return gtk_label_get_text (GTK_LABEL (_sc_kpi_card_get_part (card, part)));
}

static const char *
part_icon (ScKpiCard     *card,
           ScKpiCardPart  part)
{
  return gtk_image_get_icon_name (GTK_IMAGE (_sc_kpi_card_get_part (card, part)));
}

static gboolean
part_visible (ScKpiCard     *card,
              ScKpiCardPart  part)
{
  GtkWidget *widget = _sc_kpi_card_get_part (card, part);

  /* Visible itself and in every box up to the card. */
  for (; widget != NULL && widget != GTK_WIDGET (card); widget = gtk_widget_get_parent (widget))
    {
      if (!gtk_widget_get_visible (widget))
        return FALSE;
    }

  return TRUE;
}

static gboolean
part_has_class (ScKpiCard     *card,
                ScKpiCardPart  part,
                const char    *css_class)
{
  return gtk_widget_has_css_class (_sc_kpi_card_get_part (card, part), css_class);
}

static ScKpiCard *
create_card (ScKpiCardStyle style)
{
  return g_object_ref_sink (SC_KPI_CARD (sc_kpi_card_new (style)));
}

/* Revenue: 1,305 against 1,500 INR, 87 %: Good. */
static ScKpi *
create_revenue (void)
{
  return sc_test_kpi_new ("Revenue", SC_TARGET_TYPE_CURRENCY, 1500.0, 1305.0,
                          SC_DIRECTION_HIGHER_BETTER, "INR",
                          NOV_1_9AM + 27 * DAY + 5 * 3600 + 30 * 60);
}

/* Daily values ending on @last; the 7-day and 30-day references are known. */
static void
fill_history (double *values,
              gint64 *times,
              double  last)
{
  for (guint i = 0; i < N_DAYS; i++)
    {
      values[i] = 1000.0 + 10.0 * i;
      times[i] = NOV_1_9AM + (gint64)i * DAY;
    }
  values[N_DAYS - 1] = last;
}

static char *
signed_percent (double percent)
{
  return g_strdup_printf ("%s%.1f\u00A0%%", percent > 0 ? "+" : "\u2212", fabs (percent));
}

/* Tests */

static void
test_kpi_card_basics (void)
{
  g_autoptr(ScKpiCard) card = create_card (SC_KPI_CARD_STYLE_TREND);
  const char *title_label = "Sales";

  g_assert_cmpint (sc_kpi_card_get_card_style (card), ==, SC_KPI_CARD_STYLE_TREND);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (card), "card"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (card), "kpi-card"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (card), "kpi-card-trend"));
  g_assert_null (sc_kpi_card_get_kpi (card));

  sc_kpi_card_set_card_style (card, SC_KPI_CARD_STYLE_ALERT);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (card), "kpi-card-trend"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (card), "kpi-card-alert"));

  sc_kpi_card_set_title (card, title_label);
  g_assert_cmpstr (sc_kpi_card_get_title (card), ==, "Sales");
  g_assert_cmpstr (part_text (card, SC_KPI_CARD_PART_TITLE), ==, "Sales");

  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (card),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, title_label);
  g_assert_true (G_TYPE_IS_ENUM (SC_TYPE_KPI_CARD_STYLE));

  g_assert_finalize_object (g_steal_pointer (&card));
}

static void
test_kpi_card_metric (void)
{
  g_autoptr(ScKpiCard) card = create_card (SC_KPI_CARD_STYLE_METRIC);
  g_autoptr(ScKpi) kpi = create_revenue ();
  const char *pill_label = "87.0\u00A0% of target, Good";
  GtkWidget *window;

  sc_kpi_card_set_kpi (card, kpi);
  g_assert_true (sc_kpi_card_get_kpi (card) == kpi);

  g_assert_cmpstr (part_text (card, SC_KPI_CARD_PART_TITLE), ==, "Revenue");
  g_assert_cmpstr (part_text (card, SC_KPI_CARD_PART_VALUE), ==, "1,305.00");
  g_assert_cmpstr (part_text (card, SC_KPI_CARD_PART_UNIT), ==, "INR");
  g_assert_true (part_visible (card, SC_KPI_CARD_PART_UNIT));
  g_assert_cmpstr (part_text (card, SC_KPI_CARD_PART_TARGET), ==, "Target ₹\u00A01,500.00");
  g_assert_cmpstr (part_text (card, SC_KPI_CARD_PART_PILL), ==, "87.0\u00A0%");
  g_assert_true (part_visible (card, SC_KPI_CARD_PART_PILL));
  g_assert_true (part_has_class (card, SC_KPI_CARD_PART_PILL, "score-good"));
  g_assert_true (part_has_class (card, SC_KPI_CARD_PART_PILL, "achievement-pill"));
  g_assert_cmpstr (part_text (card, SC_KPI_CARD_PART_DETAIL), ==, "Updated 2026-11-28 14:30");
  g_assert_false (part_visible (card, SC_KPI_CARD_PART_SPARKLINE));
  g_assert_false (part_visible (card, SC_KPI_CARD_PART_STATUS));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (_sc_kpi_card_get_part (card, SC_KPI_CARD_PART_PILL)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, pill_label);

  window = sc_test_present (GTK_WIDGET (card), 280, -1);
  sc_test_screenshot (GTK_WIDGET (card), "kpi-card-metric");

  /* The card follows the KPI: a new value moves it to Excellent. */
  kpi->value = 1450.0;
  _sc_kpi_finish (kpi);
  g_object_notify (G_OBJECT (kpi), "value");
  g_assert_cmpstr (part_text (card, SC_KPI_CARD_PART_PILL), ==, "96.7\u00A0%");
  g_assert_true (part_has_class (card, SC_KPI_CARD_PART_PILL, "score-excellent"));
  g_assert_false (part_has_class (card, SC_KPI_CARD_PART_PILL, "score-good"));

  sc_test_close (window);
  g_assert_finalize_object (g_steal_pointer (&card));
  g_assert_finalize_object (g_steal_pointer (&kpi));
}

static void
test_kpi_card_trend (void)
{
  g_autoptr(ScKpiCard) card = create_card (SC_KPI_CARD_STYLE_TREND);
  g_autoptr(ScKpi) kpi = create_revenue ();
  g_autofree char *week = NULL;
  g_autofree char *month = NULL;
  double values[N_DAYS];
  gint64 times[N_DAYS];
  const double *shown;
  guint n;

  fill_history (values, times, 1305.0);
  sc_kpi_card_set_kpi (card, kpi);

  /* No history: no changes to show. */
  g_assert_cmpstr (part_text (card, SC_KPI_CARD_PART_CHANGE_7D), ==, "—");
  g_assert_false (part_visible (card, SC_KPI_CARD_PART_CHANGE_7D_ICON));

  sc_kpi_card_set_history (card, values, times, N_DAYS);

  shown = sc_sparkline_get_values (SC_SPARKLINE (_sc_kpi_card_get_part (card, SC_KPI_CARD_PART_SPARKLINE)), &n);
  g_assert_cmpuint (n, ==, N_DAYS);
  g_assert_cmpfloat (shown[N_DAYS - 1], ==, 1305.0);
  g_assert_true (part_visible (card, SC_KPI_CARD_PART_SPARKLINE));
  g_assert_true (part_has_class (card, SC_KPI_CARD_PART_SPARKLINE, "score-good"));

  /* 7 days before the last is day 23 (1230); 30 days before, day 0 (1000). */
  week = signed_percent ((1305.0 - 1230.0) / 1230.0 * 100.0);
  month = signed_percent ((1305.0 - 1000.0) / 1000.0 * 100.0);
  g_assert_cmpstr (part_text (card, SC_KPI_CARD_PART_CHANGE_7D), ==, week);
  g_assert_cmpstr (part_text (card, SC_KPI_CARD_PART_CHANGE_30D), ==, month);
  g_assert_cmpstr (part_icon (card, SC_KPI_CARD_PART_CHANGE_7D_ICON), ==, "sc-trending-up-symbolic");
  g_assert_true (part_has_class (card, SC_KPI_CARD_PART_CHANGE_7D, "success"));

  /* Only 10 days of history: no 30-day change. */
  sc_kpi_card_set_history (card, values + N_DAYS - 10, times + N_DAYS - 10, 10);
  g_assert_cmpstr (part_text (card, SC_KPI_CARD_PART_CHANGE_7D), ==, week);
  g_assert_cmpstr (part_text (card, SC_KPI_CARD_PART_CHANGE_30D), ==, "—");

  /* Without times, a value a day. */
  sc_kpi_card_set_history (card, values, NULL, N_DAYS);
  g_assert_cmpstr (part_text (card, SC_KPI_CARD_PART_CHANGE_7D), ==, week);

  g_assert_finalize_object (g_steal_pointer (&card));
  g_assert_finalize_object (g_steal_pointer (&kpi));
}

static void
test_kpi_card_trend_lower_is_better (void)
{
  g_autoptr(ScKpiCard) card = create_card (SC_KPI_CARD_STYLE_TREND);
  g_autoptr(ScKpi) kpi = NULL;
  double values[N_DAYS];
  gint64 times[N_DAYS];

  /* Defects rising is bad news. */
  kpi = sc_test_kpi_new ("Defects", SC_TARGET_TYPE_NUMBER, 1000.0, 1305.0,
                         SC_DIRECTION_LOWER_BETTER, NULL, 0);
  fill_history (values, times, 1305.0);
  sc_kpi_card_set_kpi (card, kpi);
  sc_kpi_card_set_history (card, values, times, N_DAYS);

  g_assert_cmpstr (part_icon (card, SC_KPI_CARD_PART_CHANGE_7D_ICON), ==, "sc-trending-up-symbolic");
  g_assert_true (part_has_class (card, SC_KPI_CARD_PART_CHANGE_7D, "error"));
  g_assert_false (part_has_class (card, SC_KPI_CARD_PART_CHANGE_7D, "success"));

  /* Falling is good news. */
  values[N_DAYS - 1] = 900.0;
  sc_kpi_card_set_history (card, values, times, N_DAYS);
  g_assert_cmpstr (part_icon (card, SC_KPI_CARD_PART_CHANGE_7D_ICON), ==, "sc-trending-down-symbolic");
  g_assert_true (part_has_class (card, SC_KPI_CARD_PART_CHANGE_7D, "success"));

  g_assert_finalize_object (g_steal_pointer (&card));
  g_assert_finalize_object (g_steal_pointer (&kpi));
}

static void
test_kpi_card_comparison (void)
{
  g_autoptr(ScKpiCard) card = create_card (SC_KPI_CARD_STYLE_COMPARISON);
  g_autoptr(ScKpi) kpi = create_revenue ();
  g_autofree char *previous = NULL;
  g_autofree char *vs_target = NULL;
  double values[N_DAYS];
  gint64 times[N_DAYS];

  fill_history (values, times, 1305.0);
  sc_kpi_card_set_kpi (card, kpi);
  sc_kpi_card_set_history (card, values, times, N_DAYS);

  /* The value before the last is 1,290; the target 1,500. */
  previous = signed_percent ((1305.0 - 1290.0) / 1290.0 * 100.0);
  vs_target = signed_percent ((1305.0 - 1500.0) / 1500.0 * 100.0);
  g_assert_cmpstr (part_text (card, SC_KPI_CARD_PART_PREVIOUS), ==, previous);
  g_assert_cmpstr (part_text (card, SC_KPI_CARD_PART_VS_TARGET), ==, vs_target);
  g_assert_cmpstr (part_icon (card, SC_KPI_CARD_PART_PREVIOUS_ICON), ==, "sc-trending-up-symbolic");
  g_assert_cmpstr (part_icon (card, SC_KPI_CARD_PART_VS_TARGET_ICON), ==, "sc-trending-down-symbolic");
  g_assert_true (part_has_class (card, SC_KPI_CARD_PART_PREVIOUS, "success"));
  g_assert_true (part_has_class (card, SC_KPI_CARD_PART_VS_TARGET, "error"));
  g_assert_true (part_visible (card, SC_KPI_CARD_PART_VS_TARGET));
  g_assert_false (part_visible (card, SC_KPI_CARD_PART_PILL));
  g_assert_false (part_visible (card, SC_KPI_CARD_PART_SPARKLINE));

  /* Without history, the KPI's own previous value. */
  kpi->previous_value = 1450.0;
  kpi->has_previous = TRUE;
  sc_kpi_card_set_history (card, NULL, NULL, 0);
  g_clear_pointer (&previous, g_free);
  previous = signed_percent ((1305.0 - 1450.0) / 1450.0 * 100.0);
  g_assert_cmpstr (part_text (card, SC_KPI_CARD_PART_PREVIOUS), ==, previous);
  g_assert_true (part_has_class (card, SC_KPI_CARD_PART_PREVIOUS, "error"));

  g_assert_finalize_object (g_steal_pointer (&card));
  g_assert_finalize_object (g_steal_pointer (&kpi));
}

static void
test_kpi_card_alert (void)
{
  g_autoptr(ScKpiCard) card = create_card (SC_KPI_CARD_STYLE_ALERT);
  g_autoptr(ScKpi) poor = NULL;
  g_autoptr(ScKpi) good = NULL;
  g_autoptr(ScKpi) pending = NULL;

  poor = sc_test_kpi_new ("Leads", SC_TARGET_TYPE_NUMBER, 100.0, 40.0,
                          SC_DIRECTION_HIGHER_BETTER, NULL, NOV_1_9AM);
  good = sc_test_kpi_new ("Leads", SC_TARGET_TYPE_NUMBER, 100.0, 98.0,
                          SC_DIRECTION_HIGHER_BETTER, NULL, NOV_1_9AM);
  pending = sc_test_kpi_new ("Leads", SC_TARGET_TYPE_NUMBER, 100.0, 0.0,
                             SC_DIRECTION_HIGHER_BETTER, NULL, 0);

  sc_kpi_card_set_kpi (card, poor);
  g_assert_cmpstr (part_icon (card, SC_KPI_CARD_PART_ALERT_ICON), ==, "sc-attention-symbolic");
  g_assert_cmpstr (part_text (card, SC_KPI_CARD_PART_STATUS), ==, "Needs attention");
  g_assert_true (part_has_class (card, SC_KPI_CARD_PART_ALERT_ICON, "error"));
  g_assert_nonnull (strstr (part_text (card, SC_KPI_CARD_PART_DETAIL), "Underperformance"));
  g_assert_false (part_visible (card, SC_KPI_CARD_PART_VALUE));
  g_assert_true (part_visible (card, SC_KPI_CARD_PART_STATUS));

  sc_kpi_card_set_kpi (card, good);
  g_assert_cmpstr (part_icon (card, SC_KPI_CARD_PART_ALERT_ICON), ==, "sc-completed-symbolic");
  g_assert_cmpstr (part_text (card, SC_KPI_CARD_PART_STATUS), ==, "On track");
  g_assert_true (part_has_class (card, SC_KPI_CARD_PART_ALERT_ICON, "success"));
  g_assert_false (part_has_class (card, SC_KPI_CARD_PART_ALERT_ICON, "error"));

  sc_kpi_card_set_kpi (card, pending);
  g_assert_cmpstr (part_icon (card, SC_KPI_CARD_PART_ALERT_ICON), ==, "sc-pending-symbolic");
  g_assert_cmpstr (part_text (card, SC_KPI_CARD_PART_STATUS), ==, "Awaiting submission");

  sc_kpi_card_set_kpi (card, NULL);
  g_assert_finalize_object (g_steal_pointer (&card));
  g_assert_finalize_object (g_steal_pointer (&poor));
  g_assert_finalize_object (g_steal_pointer (&good));
  g_assert_finalize_object (g_steal_pointer (&pending));
}

static void
test_kpi_card_summary (void)
{
  g_autoptr(ScKpiCard) card = create_card (SC_KPI_CARD_STYLE_METRIC);
  g_autoptr(ScKpi) kpi = create_revenue ();

  sc_kpi_card_set_kpi (card, kpi);
  sc_kpi_card_set_metric (card, "On target", "12 of 20", "3 need attention",
                          "sc-target-symbolic", "score-good");

  g_assert_null (sc_kpi_card_get_kpi (card));
  g_assert_cmpstr (sc_kpi_card_get_title (card), ==, "On target");
  g_assert_cmpstr (part_text (card, SC_KPI_CARD_PART_TITLE), ==, "On target");
  g_assert_cmpstr (part_text (card, SC_KPI_CARD_PART_VALUE), ==, "12 of 20");
  g_assert_cmpstr (part_text (card, SC_KPI_CARD_PART_DETAIL), ==, "3 need attention");
  g_assert_cmpstr (part_icon (card, SC_KPI_CARD_PART_ICON), ==, "sc-target-symbolic");
  g_assert_true (part_visible (card, SC_KPI_CARD_PART_ICON));
  g_assert_false (part_visible (card, SC_KPI_CARD_PART_PILL));
  g_assert_false (part_visible (card, SC_KPI_CARD_PART_UNIT));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (card), "score-good"));

  /* The next summary replaces the class. */
  sc_kpi_card_set_metric (card, "Alerts", "3", NULL, "sc-attention-symbolic", "score-underperformance");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (card), "score-good"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (card), "score-underperformance"));
  g_assert_false (part_visible (card, SC_KPI_CARD_PART_DETAIL));

  /* An alert card shows the icon beside the count. */
  sc_kpi_card_set_card_style (card, SC_KPI_CARD_STYLE_ALERT);
  g_assert_cmpstr (part_text (card, SC_KPI_CARD_PART_STATUS), ==, "3");
  g_assert_cmpstr (part_icon (card, SC_KPI_CARD_PART_ALERT_ICON), ==, "sc-attention-symbolic");
  g_assert_false (part_visible (card, SC_KPI_CARD_PART_ICON));

  g_assert_finalize_object (g_steal_pointer (&card));
  g_assert_finalize_object (g_steal_pointer (&kpi));
}

/* The pill is drawn in its band's colour. */
static void
test_kpi_card_pill_pixels (void)
{
  g_autoptr(ScKpiCard) card = create_card (SC_KPI_CARD_STYLE_METRIC);
  g_autoptr(ScKpi) kpi = NULL;
  g_autoptr(ScTestImage) image = NULL;
  GtkWidget *pill;
  GdkRGBA color;
  ScRgba tint, background;
  GtkWidget *window;

  kpi = sc_test_kpi_new ("Leads", SC_TARGET_TYPE_NUMBER, 100.0, 40.0,
                         SC_DIRECTION_HIGHER_BETTER, NULL, NOV_1_9AM);
  sc_kpi_card_set_kpi (card, kpi);
  window = sc_test_present (GTK_WIDGET (card), 280, -1);

  pill = _sc_kpi_card_get_part (card, SC_KPI_CARD_PART_PILL);
  g_assert_true (gtk_widget_has_css_class (pill, "score-underperformance"));

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (pill), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS

  /* The pill's background: 15 % of its text colour. */
  image = sc_test_render (pill);
  tint = (ScRgba) { color.red, color.green, color.blue, color.alpha * 0.15 };
  background = tint;
  sc_test_assert_pixel (image, "kpi-card-pill", image->width / 2.0, 1.5, 1.0, &background, 0.04);

  sc_test_close (window);
  g_assert_finalize_object (g_steal_pointer (&card));
  g_assert_finalize_object (g_steal_pointer (&kpi));
}

/* Status icons are symbolic: they take the colour of their tone. */
static void
test_kpi_card_icon_tone (void)
{
  g_autoptr(ScKpiCard) card = create_card (SC_KPI_CARD_STYLE_ALERT);
  g_autoptr(ScKpi) kpi = NULL;
  g_autoptr(ScTestImage) image = NULL;
  GtkWidget *icon;
  GdkRGBA color;
  ScRgba tone;
  GtkWidget *window;
  gboolean found = FALSE;

  if (!g_resources_get_info (APP_PATH "icons/scalable/actions/sc-attention-symbolic.svg",
                             0, NULL, NULL, NULL))
    {
      g_test_skip ("data/icons has no sc-attention-symbolic.svg yet");
      return;
    }

  kpi = sc_test_kpi_new ("Leads", SC_TARGET_TYPE_NUMBER, 100.0, 40.0,
                         SC_DIRECTION_HIGHER_BETTER, NULL, NOV_1_9AM);
  sc_kpi_card_set_kpi (card, kpi);
  window = sc_test_present (GTK_WIDGET (card), 280, -1);

  icon = _sc_kpi_card_get_part (card, SC_KPI_CARD_PART_ALERT_ICON);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (icon), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  tone = (ScRgba) { color.red, color.green, color.blue, 1.0 };

  image = sc_test_render (icon);
  for (int y = 0; y < image->height && !found; y++)
    {
      for (int x = 0; x < image->width && !found; x++)
        {
          ScRgba pixel;

          sc_test_image_get (image, x, y, &pixel);
          found = pixel.alpha > 0.9 && sc_test_color_near (&pixel, &tone, 0.1);
        }
    }

  if (!found)
    {
      g_autofree char *path = sc_test_image_save (image, "kpi-card-icon-tone");

      g_test_fail_printf ("the alert icon is not drawn in its tone colour, render in %s", path);
    }

  sc_test_close (window);
  g_assert_finalize_object (g_steal_pointer (&card));
  g_assert_finalize_object (g_steal_pointer (&kpi));
}

/* Every style in light and dark, for people to look at. */
static void
test_kpi_card_gallery (void)
{
  for (guint dark = 0; dark <= 1; dark++)
    {
      g_autoptr(ScKpi) revenue = create_revenue ();
      g_autoptr(ScKpi) defects = NULL;
      g_autoptr(ScKpi) leads = NULL;
      g_autoptr(ScKpi) conversion = NULL;
      double values[N_DAYS];
      gint64 times[N_DAYS];
      GtkWidget *grid = gtk_grid_new ();
      GtkWidget *card;
      GtkWidget *window;

      sc_test_set_dark (dark);

      defects = sc_test_kpi_new ("Defect rate", SC_TARGET_TYPE_PERCENT, 2.0, 3.1,
                                 SC_DIRECTION_LOWER_BETTER, NULL, NOV_1_9AM);
      leads = sc_test_kpi_new ("Qualified leads", SC_TARGET_TYPE_NUMBER, 120.0, 58.0,
                               SC_DIRECTION_HIGHER_BETTER, NULL, NOV_1_9AM);
      conversion = sc_test_kpi_new ("Conversion", SC_TARGET_TYPE_PERCENT, 40.0, 42.5,
                                    SC_DIRECTION_HIGHER_BETTER, NULL, NOV_1_9AM);
      for (guint i = 0; i < N_DAYS; i++)
        {
          values[i] = 1000.0 + 150.0 * sin (i / 3.0) + 9.0 * i;
          times[i] = NOV_1_9AM + (gint64)i * DAY;
        }
      values[N_DAYS - 1] = 1305.0;

      gtk_grid_set_row_spacing (GTK_GRID (grid), 12);
      gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
      gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
      gtk_widget_set_margin_start (grid, 24);
      gtk_widget_set_margin_end (grid, 24);
      gtk_widget_set_margin_top (grid, 24);
      gtk_widget_set_margin_bottom (grid, 24);

      card = sc_kpi_card_new (SC_KPI_CARD_STYLE_METRIC);
      sc_kpi_card_set_kpi (SC_KPI_CARD (card), revenue);
      gtk_grid_attach (GTK_GRID (grid), card, 0, 0, 1, 1);

      card = sc_kpi_card_new (SC_KPI_CARD_STYLE_TREND);
      sc_kpi_card_set_kpi (SC_KPI_CARD (card), revenue);
      sc_kpi_card_set_history (SC_KPI_CARD (card), values, times, N_DAYS);
      gtk_grid_attach (GTK_GRID (grid), card, 1, 0, 1, 1);

      card = sc_kpi_card_new (SC_KPI_CARD_STYLE_COMPARISON);
      sc_kpi_card_set_kpi (SC_KPI_CARD (card), revenue);
      sc_kpi_card_set_history (SC_KPI_CARD (card), values, times, N_DAYS);
      gtk_grid_attach (GTK_GRID (grid), card, 2, 0, 1, 1);

      card = sc_kpi_card_new (SC_KPI_CARD_STYLE_ALERT);
      sc_kpi_card_set_kpi (SC_KPI_CARD (card), leads);
      gtk_grid_attach (GTK_GRID (grid), card, 3, 0, 1, 1);

      card = sc_kpi_card_new (SC_KPI_CARD_STYLE_METRIC);
      sc_kpi_card_set_kpi (SC_KPI_CARD (card), defects);
      gtk_grid_attach (GTK_GRID (grid), card, 0, 1, 1, 1);

      card = sc_kpi_card_new (SC_KPI_CARD_STYLE_METRIC);
      sc_kpi_card_set_kpi (SC_KPI_CARD (card), conversion);
      gtk_grid_attach (GTK_GRID (grid), card, 1, 1, 1, 1);

      card = sc_kpi_card_new (SC_KPI_CARD_STYLE_METRIC);
      sc_kpi_card_set_metric (SC_KPI_CARD (card), "On target", "12 of 20",
                              "3 need attention", "sc-target-symbolic", NULL);
      gtk_grid_attach (GTK_GRID (grid), card, 2, 1, 1, 1);

      card = sc_kpi_card_new (SC_KPI_CARD_STYLE_ALERT);
      sc_kpi_card_set_metric (SC_KPI_CARD (card), "Alerts", "3 open",
                              "Oldest 2 days ago", "sc-attention-symbolic", NULL);
      gtk_grid_attach (GTK_GRID (grid), card, 3, 1, 1, 1);

      window = sc_test_present (grid, 1100, -1);
      sc_test_screenshot (grid, dark ? "kpi-card-gallery-dark" : "kpi-card-gallery-light");
      sc_test_close (window);
    }

  sc_test_set_dark (FALSE);
}

int
main (int   argc,
      char *argv[])
{
  sc_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/kpi-card/basics", test_kpi_card_basics);
  g_test_add_func ("/ui/kpi-card/metric", test_kpi_card_metric);
  g_test_add_func ("/ui/kpi-card/trend", test_kpi_card_trend);
  g_test_add_func ("/ui/kpi-card/trend-lower-is-better", test_kpi_card_trend_lower_is_better);
  g_test_add_func ("/ui/kpi-card/comparison", test_kpi_card_comparison);
  g_test_add_func ("/ui/kpi-card/alert", test_kpi_card_alert);
  g_test_add_func ("/ui/kpi-card/summary", test_kpi_card_summary);
  g_test_add_func ("/ui/kpi-card/pill-pixels", test_kpi_card_pill_pixels);
  g_test_add_func ("/ui/kpi-card/icon-tone", test_kpi_card_icon_tone);
  g_test_add_func ("/ui/kpi-card/gallery", test_kpi_card_gallery);

  return g_test_run ();
}
