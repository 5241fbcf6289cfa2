/* test-sparkline.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-sparkline"

#include "config.h"

#include "sc-sparkline.h"
#include "sc-test-ui-utils.h"
#include "sc-widget-palette.h"

static const double rising[] = {
  100, 104, 101, 106, 108, 105, 109, 111, 108, 112, 110, 114, 113, 112,
};

/* Tests */

static void
test_sparkline_values (void)
{
  g_autoptr(ScSparkline) sparkline = g_object_ref_sink (SC_SPARKLINE (sc_sparkline_new ()));
  double values[3] = { 1.0, 2.0, 3.0 };
  const double *stored;
  guint n;

  stored = sc_sparkline_get_values (sparkline, &n);
  g_assert_null (stored);
  g_assert_cmpuint (n, ==, 0);

  /* A copy: changing the caller's array changes nothing. */
  sc_sparkline_set_values (sparkline, values, G_N_ELEMENTS (values));
  values[0] = 100.0;
  stored = sc_sparkline_get_values (sparkline, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpfloat (stored[0], ==, 1.0);
  g_assert_cmpfloat (stored[2], ==, 3.0);

  /* Its own values back, shortened. */
  sc_sparkline_set_values (sparkline, stored, 2);
  stored = sc_sparkline_get_values (sparkline, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpfloat (stored[1], ==, 2.0);

  sc_sparkline_set_values (sparkline, NULL, 0);
  stored = sc_sparkline_get_values (sparkline, &n);
  g_assert_null (stored);
  g_assert_cmpuint (n, ==, 0);

  g_assert_true (sc_sparkline_get_fill (sparkline));
  g_assert_cmpstr (gtk_widget_get_css_name (GTK_WIDGET (sparkline)), ==, "sparkline");

  g_assert_finalize_object (g_steal_pointer (&sparkline));
}

static void
test_sparkline_measure (void)
{
  g_autoptr(ScSparkline) sparkline = g_object_ref_sink (SC_SPARKLINE (sc_sparkline_new ()));
  int min, nat;

  gtk_widget_measure (GTK_WIDGET (sparkline), GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  g_assert_cmpint (nat, ==, 96);
  g_assert_cmpint (min, <=, nat);
  gtk_widget_measure (GTK_WIDGET (sparkline), GTK_ORIENTATION_VERTICAL, -1, &min, &nat, NULL, NULL);
  g_assert_cmpint (nat, ==, 28);
  g_assert_cmpint (min, <=, nat);

  g_assert_finalize_object (g_steal_pointer (&sparkline));
}

static void
test_sparkline_accessible (void)
{
  g_autoptr(ScSparkline) sparkline = g_object_ref_sink (SC_SPARKLINE (sc_sparkline_new ()));
  const double falling[] = { 200, 190, 150 };
  const double flat[] = { 5, 7, 5 };
  const double from_zero[] = { 0, 3 };
  /* Variables: GTK 4.8's assertion macro pastes its arguments into a format. */
  const char *rising_label = "Rising 12\u00A0% over 14 values";
  const char *falling_label = "Falling 25\u00A0% over 3 values";
  const char *flat_label = "Flat over 3 values";
  const char *zero_label = "Rising over 2 values";
  const char *empty_label = "No data";

  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (sparkline), GTK_ACCESSIBLE_ROLE_IMG);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (sparkline),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, empty_label);

  sc_sparkline_set_values (sparkline, rising, G_N_ELEMENTS (rising));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (sparkline),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, rising_label);

  sc_sparkline_set_values (sparkline, falling, G_N_ELEMENTS (falling));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (sparkline),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, falling_label);

  sc_sparkline_set_values (sparkline, flat, G_N_ELEMENTS (flat));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (sparkline),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, flat_label);

  sc_sparkline_set_values (sparkline, from_zero, G_N_ELEMENTS (from_zero));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (sparkline),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, zero_label);

  g_assert_finalize_object (g_steal_pointer (&sparkline));
}

/* The line is drawn in the CSS colour: the accent, or a band's colour. */
static void
test_sparkline_pixels (void)
{
  g_autoptr(ScSparkline) sparkline = g_object_ref_sink (SC_SPARKLINE (sc_sparkline_new ()));
  g_autoptr(ScTestImage) image = NULL;
  g_autoptr(ScTestImage) excellent = NULL;
  g_autoptr(ScTestImage) poor = NULL;
  ScRgba accent, band;
  GtkWidget *window;

  sc_sparkline_set_values (sparkline, rising, G_N_ELEMENTS (rising));
  window = sc_test_present (GTK_WIDGET (sparkline), 96, 28);

  g_assert_true (_sc_widget_lookup_rgba (GTK_WIDGET (sparkline), "accent_color", &accent));

  /* The line ends in a dot on the last value, at the right edge. */
  image = sc_test_render (GTK_WIDGET (sparkline));
  sc_test_assert_pixel (image, "sparkline-accent", image->width - 4, image->height / 2.0,
                        image->height / 2.0, &accent, 0.1);
  sc_test_screenshot (GTK_WIDGET (sparkline), "sparkline-accent");

  /* style.css gives each band a colour. */
  gtk_widget_add_css_class (GTK_WIDGET (sparkline), "score-excellent");
  _sc_widget_get_css_color (GTK_WIDGET (sparkline), &band);
  g_assert_false (sc_test_color_near (&band, &accent, 0.05));
  excellent = sc_test_render (GTK_WIDGET (sparkline));
  sc_test_assert_pixel (excellent, "sparkline-excellent", excellent->width - 4,
                        excellent->height / 2.0, excellent->height / 2.0, &band, 0.1);
  sc_test_assert_no_pixel (excellent, "sparkline-excellent", excellent->width / 2.0,
                           excellent->height / 2.0, excellent->height / 2.0, &accent, 0.05);

  gtk_widget_remove_css_class (GTK_WIDGET (sparkline), "score-excellent");
  gtk_widget_add_css_class (GTK_WIDGET (sparkline), "score-underperformance");
  _sc_widget_get_css_color (GTK_WIDGET (sparkline), &band);
  poor = sc_test_render (GTK_WIDGET (sparkline));
  sc_test_assert_pixel (poor, "sparkline-poor", poor->width - 4, poor->height / 2.0,
                        poor->height / 2.0, &band, 0.1);
  sc_test_screenshot (GTK_WIDGET (sparkline), "sparkline-underperformance");

  sc_test_close (window);
  g_assert_finalize_object (g_steal_pointer (&sparkline));
}

int
main (int   argc,
      char *argv[])
{
  sc_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/sparkline/values", test_sparkline_values);
  g_test_add_func ("/ui/sparkline/measure", test_sparkline_measure);
  g_test_add_func ("/ui/sparkline/accessible", test_sparkline_accessible);
  g_test_add_func ("/ui/sparkline/pixels", test_sparkline_pixels);

  return g_test_run ();
}
