/* test-gauge.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-gauge"

#include "config.h"

#include <math.h>
#include <string.h>

#include "sc-gauge-private.h"
#include "sc-test-ui-utils.h"

#define TOLERANCE 0.12

typedef struct
{
  ScGaugeStyle style;
  const char  *name;
  int          width;
  int          height;
} StyleCase;

/* One and a half times the natural sizes, so probes have room. */
static const StyleCase styles[] = {
  { SC_GAUGE_STYLE_CIRCULAR, "circular", 240, 240 },
  { SC_GAUGE_STYLE_LINEAR, "linear", 360, 84 },
  { SC_GAUGE_STYLE_SPEEDOMETER, "speedometer", 300, 195 },
  { SC_GAUGE_STYLE_THERMOMETER, "thermometer", 252, 240 },
};

/* Auxiliary methods */

static ScGauge *
create_gauge (ScGaugeStyle  style,
              double        target,
              double        value,
              ScDirection   direction)
{
  ScGauge *gauge = g_object_new (SC_TYPE_GAUGE,
                                 "style", style,
                                 "target", target,
                                 "direction", direction,
                                 "label", "Revenue",
                                 NULL);

  sc_gauge_set_value (gauge, value);
  sc_gauge_skip_animation (gauge);

  return g_object_ref_sink (gauge);
}

static double
value_at_fraction (const ScGaugeSpec *spec,
                   double             fraction)
{
  return spec->scale_min + fraction * (spec->scale_max - spec->scale_min);
}

static gboolean
is_arc (ScGaugeStyle style)
{
  return style == SC_GAUGE_STYLE_CIRCULAR || style == SC_GAUGE_STYLE_SPEEDOMETER;
}

/* A ray across where the zone band lies at @value: radial for arcs, across
 * the bar for bars.
 */
static gboolean
zone_ray_has (ScTestImage       *image,
              const ScGaugeSpec *spec,
              double             value,
              const ScRgba      *color)
{
  double x0, y0, x1, y1;

  if (is_arc (spec->style))
    {
      sc_gauge_point_at (spec, image->width, image->height, value, 0.85, &x0, &y0);
      sc_gauge_point_at (spec, image->width, image->height, value, 1.35, &x1, &y1);
      return sc_test_image_ray_has (image, x0, y0, x1 - x0, y1 - y0,
                                    hypot (x1 - x0, y1 - y0), color, TOLERANCE);
    }
  else
    {
      double range = spec->scale_max - spec->scale_min;
      double ax, ay, bx, by, nx, ny, length;

      sc_gauge_point_at (spec, image->width, image->height, value, 1.0, &x0, &y0);
      sc_gauge_point_at (spec, image->width, image->height, value - range * 0.01, 1.0, &ax, &ay);
      sc_gauge_point_at (spec, image->width, image->height, value + range * 0.01, 1.0, &bx, &by);
      nx = -(by - ay);
      ny = bx - ax;
      length = MIN (image->width, image->height) * 0.45;

      return sc_test_image_ray_has (image, x0, y0, nx, ny, length, color, TOLERANCE) ||
             sc_test_image_ray_has (image, x0, y0, -nx, -ny, length, color, TOLERANCE);
    }
}

static void
assert_zone_at (ScTestImage       *image,
                const char        *name,
                const ScGaugeSpec *spec,
                double             value,
                const ScRgba      *color,
                gboolean           expected)
{
  if (zone_ray_has (image, spec, value, color) != expected)
    {
      g_autofree char *path = sc_test_image_save (image, name);
      g_autofree char *text = sc_test_color_to_string (color);

      g_test_fail_printf ("%s: %s %s at value %g (render in %s)", name, text,
                          expected ? "missing" : "present", value, path);
    }
}

/* Tests */

static void
test_gauge_defaults (void)
{
  g_autoptr(ScGauge) gauge = g_object_ref_sink (SC_GAUGE (sc_gauge_new (SC_GAUGE_STYLE_LINEAR)));
  g_autofree char *currency = NULL;
  ScGaugeStyle style;
  double warn_from, good_from;
  gboolean animate;

  g_object_get (gauge,
                "style", &style,
                "warn-from", &warn_from,
                "good-from", &good_from,
                "animate", &animate,
                "currency", &currency,
                NULL);

  g_assert_cmpint (style, ==, SC_GAUGE_STYLE_LINEAR);
  g_assert_cmpfloat (warn_from, ==, 70.0);
  g_assert_cmpfloat (good_from, ==, 95.0);
  g_assert_true (animate);
  g_assert_null (currency);
  g_assert_null (sc_gauge_get_value_text (gauge));
  g_assert_cmpfloat (sc_gauge_get_shown_value (gauge), ==, 0.0);
  g_assert_true (gtk_widget_get_has_tooltip (GTK_WIDGET (gauge)));
  g_assert_cmpstr (gtk_widget_get_css_name (GTK_WIDGET (gauge)), ==, "gauge");
  g_assert_true (G_TYPE_IS_ENUM (SC_TYPE_GAUGE_STYLE));

  g_assert_finalize_object (g_steal_pointer (&gauge));
}

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_gauge_notify (void)
{
  g_autoptr(ScGauge) gauge = g_object_ref_sink (SC_GAUGE (sc_gauge_new (SC_GAUGE_STYLE_CIRCULAR)));
  guint count = 0;

  g_signal_connect (gauge, "notify::target", G_CALLBACK (on_notify_cb), &count);
  sc_gauge_set_target (gauge, 10.0);
  sc_gauge_set_target (gauge, 10.0);
  g_assert_cmpuint (count, ==, 1);

  count = 0;
  g_signal_handlers_disconnect_by_func (gauge, on_notify_cb, &count);
  g_signal_connect (gauge, "notify::value-text", G_CALLBACK (on_notify_cb), &count);
  sc_gauge_set_value_text (gauge, "Custom");
  sc_gauge_set_value_text (gauge, "Custom");
  sc_gauge_set_value_text (gauge, NULL);
  g_assert_cmpuint (count, ==, 2);

  g_assert_finalize_object (g_steal_pointer (&gauge));
}

static void
test_gauge_measure (void)
{
  static const int natural[][2] = { { 160, 160 }, { 240, 56 }, { 200, 130 }, { 168, 160 } };

  for (guint i = 0; i < G_N_ELEMENTS (natural); i++)
    {
      g_autoptr(ScGauge) gauge = g_object_ref_sink (SC_GAUGE (sc_gauge_new (i)));
      int min_w, nat_w, min_h, nat_h;

      gtk_widget_measure (GTK_WIDGET (gauge), GTK_ORIENTATION_HORIZONTAL, -1,
                          &min_w, &nat_w, NULL, NULL);
      gtk_widget_measure (GTK_WIDGET (gauge), GTK_ORIENTATION_VERTICAL, -1,
                          &min_h, &nat_h, NULL, NULL);

      g_assert_cmpint (nat_w, ==, natural[i][0]);
      g_assert_cmpint (nat_h, ==, natural[i][1]);
      g_assert_cmpint (min_w, >, 0);
      g_assert_cmpint (min_w, <=, nat_w);
      g_assert_cmpint (min_h, >, 0);
      g_assert_cmpint (min_h, <=, nat_h);

      g_assert_finalize_object (g_steal_pointer (&gauge));
    }
}

/* Every style, with the value in each zone: zones where they belong, the
 * fill (or needle) reaching the value and no further.
 */
static void
test_gauge_pixels (void)
{
  static const double achievements[] = { 50.0, 85.0, 110.0 };
  const double target = 1500.0;

  for (guint s = 0; s < G_N_ELEMENTS (styles); s++)
    {
      for (guint a = 0; a < G_N_ELEMENTS (achievements); a++)
        {
          g_autoptr(ScGauge) gauge = NULL;
          g_autoptr(ScTestImage) image = NULL;
          g_autofree char *name = NULL;
          const ScPaintPalette *palette;
          const ScRgba *good, *warn, *bad, *fill;
          double value = target * achievements[a] / 100.0;
          double value_fraction;
          ScGaugeSpec spec;
          GtkWidget *window;
          ScZoneKind kind;
          double x, y;

          name = g_strdup_printf ("gauge-%s-%g", styles[s].name, achievements[a]);
          gauge = create_gauge (styles[s].style, target, value, SC_DIRECTION_HIGHER_BETTER);
          sc_gauge_set_currency (gauge, "INR");
          sc_gauge_set_target_type (gauge, SC_TARGET_TYPE_CURRENCY);
          window = sc_test_present (GTK_WIDGET (gauge), styles[s].width, styles[s].height);
          image = sc_test_render (GTK_WIDGET (gauge));
          sc_test_screenshot (GTK_WIDGET (gauge), name);

          _sc_gauge_get_spec (gauge, &spec);
          palette = _sc_gauge_get_palette (gauge);
          good = &palette->zone[SC_ZONE_GOOD];
          warn = &palette->zone[SC_ZONE_WARN];
          bad = &palette->zone[SC_ZONE_BAD];

          g_assert_cmpuint (spec.n_zones, ==, 3);
          g_assert_cmpfloat (spec.value, ==, value);
          g_assert_true (sc_zone_kind_at (spec.zones, spec.n_zones, value, &kind));
          fill = &palette->zone[kind];

          /* Zones: red at half the target, yellow at 80 %, green at 110 %. */
          assert_zone_at (image, name, &spec, target * 0.4, bad, TRUE);
          assert_zone_at (image, name, &spec, target * 0.82, warn, TRUE);
          assert_zone_at (image, name, &spec, target * 1.12, good, TRUE);

          /* Beyond the value the other zones keep their own colour only. */
          if (kind == SC_ZONE_BAD)
            {
              assert_zone_at (image, name, &spec, target * 1.12, bad, FALSE);
              assert_zone_at (image, name, &spec, target * 0.82, bad, FALSE);
            }

          value_fraction = sc_gauge_fraction (&spec, value);

          if (styles[s].style == SC_GAUGE_STYLE_SPEEDOMETER)
            {
              /* The needle points at the value, and not elsewhere. */
              sc_gauge_point_at (&spec, image->width, image->height, value, 0.55, &x, &y);
              sc_test_assert_pixel (image, name, x, y, 1.5, &palette->needle, TOLERANCE);

              sc_gauge_point_at (&spec, image->width, image->height,
                                 value_at_fraction (&spec, fmod (value_fraction + 0.3, 1.0)),
                                 0.55, &x, &y);
              sc_test_assert_no_pixel (image, name, x, y, 1.5, &palette->needle, TOLERANCE);
            }
          else
            {
              /* The fill, in the colour of the value's zone, reaches the value. */
              sc_gauge_point_at (&spec, image->width, image->height,
                                 value_at_fraction (&spec, value_fraction * 0.5), 1.0, &x, &y);
              sc_test_assert_pixel (image, name, x, y, 1.0, fill, TOLERANCE);

              sc_gauge_point_at (&spec, image->width, image->height,
                                 value_at_fraction (&spec, value_fraction * 0.97), 1.0, &x, &y);
              sc_test_assert_pixel (image, name, x, y, 1.0, fill, TOLERANCE);

              if (value_fraction < 0.85)
                {
                  sc_gauge_point_at (&spec, image->width, image->height,
                                     value_at_fraction (&spec, value_fraction + 0.1), 1.0, &x, &y);
                  sc_test_assert_no_pixel (image, name, x, y, 1.0, fill, TOLERANCE);
                }
            }

          sc_test_close (window);
          g_assert_finalize_object (g_steal_pointer (&gauge));
        }
    }
}

/* Lower is better: green at the start of the scale, red at its end. */
static void
test_gauge_lower_is_better (void)
{
  for (guint s = 0; s < G_N_ELEMENTS (styles); s++)
    {
      g_autoptr(ScGauge) gauge = NULL;
      g_autoptr(ScTestImage) image = NULL;
      g_autofree char *name = g_strdup_printf ("gauge-%s-lower", styles[s].name);
      const ScPaintPalette *palette;
      ScGaugeSpec spec;
      GtkWidget *window;
      double start, end;

      gauge = create_gauge (styles[s].style, 10.0, 8.0, SC_DIRECTION_LOWER_BETTER);
      window = sc_test_present (GTK_WIDGET (gauge), styles[s].width, styles[s].height);
      image = sc_test_render (GTK_WIDGET (gauge));
      sc_test_screenshot (GTK_WIDGET (gauge), name);

      _sc_gauge_get_spec (gauge, &spec);
      palette = _sc_gauge_get_palette (gauge);
      start = value_at_fraction (&spec, 0.15);
      end = value_at_fraction (&spec, 0.93);

      assert_zone_at (image, name, &spec, start, &palette->zone[SC_ZONE_GOOD], TRUE);
      assert_zone_at (image, name, &spec, start, &palette->zone[SC_ZONE_BAD], FALSE);
      assert_zone_at (image, name, &spec, end, &palette->zone[SC_ZONE_BAD], TRUE);
      assert_zone_at (image, name, &spec, end, &palette->zone[SC_ZONE_GOOD], FALSE);

      if (styles[s].style != SC_GAUGE_STYLE_SPEEDOMETER)
        {
          double x, y;

          /* 8 against at most 10: on target, so the fill is green. */
          sc_gauge_point_at (&spec, image->width, image->height,
                             value_at_fraction (&spec, sc_gauge_fraction (&spec, 8.0) * 0.5),
                             1.0, &x, &y);
          sc_test_assert_pixel (image, name, x, y, 1.0, &palette->zone[SC_ZONE_GOOD], TOLERANCE);
        }

      sc_test_close (window);
      g_assert_finalize_object (g_steal_pointer (&gauge));
    }
}

static void
test_gauge_skip_animation (void)
{
  g_autoptr(ScGauge) gauge = NULL;
  GtkWidget *window;

  gauge = create_gauge (SC_GAUGE_STYLE_CIRCULAR, 100.0, 10.0, SC_DIRECTION_HIGHER_BETTER);
  window = sc_test_present (GTK_WIDGET (gauge), 160, 160);

  g_assert_cmpfloat (sc_gauge_get_shown_value (gauge), ==, 10.0);

  sc_gauge_set_value (gauge, 90.0);
  sc_gauge_skip_animation (gauge);
  g_assert_cmpfloat (sc_gauge_get_shown_value (gauge), ==, 90.0);

  /* The spring of the speedometer too. */
  sc_gauge_set_style (gauge, SC_GAUGE_STYLE_SPEEDOMETER);
  sc_gauge_set_value (gauge, 30.0);
  sc_gauge_skip_animation (gauge);
  g_assert_cmpfloat (sc_gauge_get_shown_value (gauge), ==, 30.0);

  sc_test_close (window);
  g_assert_finalize_object (g_steal_pointer (&gauge));
}

/* Iterates until the shown value has moved away from @from, and returns it. */
static double
wait_for_motion (ScGauge *gauge,
                 double   from)
{
  for (guint i = 0; i < 200; i++)
    {
      sc_test_iterate (5);
      if (sc_gauge_get_shown_value (gauge) != from)
        return sc_gauge_get_shown_value (gauge);
    }

  g_assert_not_reached ();
}

static void
test_gauge_animation (void)
{
  g_autoptr(ScGauge) gauge = NULL;
  GtkWidget *window;
  double shown, before;

  gauge = create_gauge (SC_GAUGE_STYLE_CIRCULAR, 200.0, 100.0, SC_DIRECTION_HIGHER_BETTER);
  window = sc_test_present (GTK_WIDGET (gauge), 160, 160);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (gauge)));

  /* Starts where it is and moves part of the way in the first frames. */
  sc_gauge_set_value (gauge, 200.0);
  g_assert_cmpfloat (sc_gauge_get_value (gauge), ==, 200.0);
  g_assert_cmpfloat (sc_gauge_get_shown_value (gauge), ==, 100.0);

  shown = wait_for_motion (gauge, 100.0);
  g_assert_cmpfloat (shown, >, 100.0);
  g_assert_cmpfloat (shown, <, 200.0);

  /* A new value mid-flight starts from what is shown, not from 100 or 200. */
  before = sc_gauge_get_shown_value (gauge);
  sc_gauge_set_value (gauge, 50.0);
  g_assert_cmpfloat (sc_gauge_get_shown_value (gauge), ==, before);

  shown = wait_for_motion (gauge, before);
  g_assert_cmpfloat (shown, <, before);
  g_assert_cmpfloat (shown, >, 50.0);

  /* It lands exactly. */
  for (guint i = 0; i < 200 && sc_gauge_get_shown_value (gauge) != 50.0; i++)
    sc_test_iterate (10);
  g_assert_cmpfloat (sc_gauge_get_shown_value (gauge), ==, 50.0);

  /* animate = FALSE jumps. */
  sc_gauge_set_animate (gauge, FALSE);
  sc_gauge_set_value (gauge, 150.0);
  g_assert_cmpfloat (sc_gauge_get_shown_value (gauge), ==, 150.0);
  sc_gauge_set_animate (gauge, TRUE);

  /* So does reduced motion, through AdwAnimation. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  sc_gauge_set_value (gauge, 20.0);
  g_assert_cmpfloat (sc_gauge_get_shown_value (gauge), ==, 20.0);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);

  sc_test_close (window);
  g_assert_finalize_object (g_steal_pointer (&gauge));
}

static void
test_gauge_speedometer_spring (void)
{
  g_autoptr(ScGauge) gauge = NULL;
  GtkWidget *window;
  double peak = 0.0;

  gauge = create_gauge (SC_GAUGE_STYLE_SPEEDOMETER, 100.0, 0.0, SC_DIRECTION_HIGHER_BETTER);
  window = sc_test_present (GTK_WIDGET (gauge), 200, 130);

  sc_gauge_set_value (gauge, 80.0);
  for (guint i = 0; i < 300 && sc_gauge_get_shown_value (gauge) != 80.0; i++)
    {
      sc_test_iterate (5);
      peak = MAX (peak, sc_gauge_get_shown_value (gauge));
    }

  /* The needle swings past and settles on the value. */
  g_assert_cmpfloat (sc_gauge_get_shown_value (gauge), ==, 80.0);
  g_assert_cmpfloat (peak, >, 80.0);
  g_assert_cmpfloat (peak, <, 100.0);

  sc_test_close (window);
  g_assert_finalize_object (g_steal_pointer (&gauge));
}

static void
test_gauge_accessible (void)
{
  /* Variables: GTK 4.8's assertion macro pastes its arguments into a format. */
  const char *label_87 = "Revenue: 87.0\u00A0% of target, Good";
  const char *label_80 = "Revenue: 80.0\u00A0% of target, Good";
  const char *label_40 = "Revenue: 40.0\u00A0% of target, Underperformance";
  g_autoptr(ScGauge) gauge = NULL;
  g_autoptr(ScKpi) kpi = NULL;
  ScGaugeSpec spec;

  gauge = g_object_ref_sink (SC_GAUGE (sc_gauge_new (SC_GAUGE_STYLE_CIRCULAR)));
  kpi = sc_test_kpi_new ("Revenue", SC_TARGET_TYPE_CURRENCY, 1500.0, 1305.0,
                         SC_DIRECTION_HIGHER_BETTER, "INR", 0);
  sc_gauge_set_kpi (gauge, kpi);
  sc_gauge_skip_animation (gauge);
  _sc_gauge_get_spec (gauge, &spec);

  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (gauge), GTK_ACCESSIBLE_ROLE_METER);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (gauge),
                                       GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, 1305.0);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (gauge),
                                       GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, spec.scale_min);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (gauge),
                                       GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, spec.scale_max);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (gauge),
                                       GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, "₹\u00A01,305.00");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (gauge),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, label_87);

  /* It follows the value. */
  sc_gauge_set_value (gauge, 1200.0);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (gauge),
                                       GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, 1200.0);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (gauge),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, label_80);

  sc_gauge_set_value (gauge, 600.0);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (gauge),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, label_40);

  sc_gauge_set_kpi (gauge, NULL);
  g_assert_finalize_object (g_steal_pointer (&gauge));
  g_assert_finalize_object (g_steal_pointer (&kpi));
}

static void
test_gauge_tooltip (void)
{
  g_autoptr(ScGauge) gauge = NULL;
  g_autoptr(ScKpi) kpi = NULL;
  g_autofree char *text = NULL;
  /* 2026-11-28 14:30 UTC; the tests run with TZ=UTC. */
  gint64 submitted = 1795876200;

  gauge = g_object_ref_sink (SC_GAUGE (sc_gauge_new (SC_GAUGE_STYLE_LINEAR)));
  kpi = sc_test_kpi_new ("Revenue & margin", SC_TARGET_TYPE_CURRENCY, 1500.0, 1305.0,
                         SC_DIRECTION_HIGHER_BETTER, "INR", submitted);
  sc_gauge_set_kpi (gauge, kpi);

  text = _sc_gauge_dup_tooltip_text (gauge);
  g_test_message ("tooltip: %s", text);
  g_assert_nonnull (strstr (text, "<b>Revenue &amp; margin</b>"));
  g_assert_nonnull (strstr (text, "₹\u00A01,305.00"));
  g_assert_nonnull (strstr (text, "₹\u00A01,500.00"));
  g_assert_nonnull (strstr (text, "87.0\u00A0%"));
  g_assert_nonnull (strstr (text, "Good"));
  g_assert_nonnull (strstr (text, "Last submitted: 2026-"));
  g_assert_true (pango_parse_markup (text, -1, 0, NULL, NULL, NULL, NULL));

  /* Without a KPI there is no submission time. */
  sc_gauge_set_kpi (gauge, NULL);
  g_clear_pointer (&text, g_free);
  text = _sc_gauge_dup_tooltip_text (gauge);
  g_assert_null (strstr (text, "Last submitted"));
  g_assert_nonnull (strstr (text, "Good"));

  g_assert_finalize_object (g_steal_pointer (&gauge));
  g_assert_finalize_object (g_steal_pointer (&kpi));
}

static void
test_gauge_set_kpi (void)
{
  g_autoptr(ScGauge) gauge = NULL;
  g_autoptr(ScKpi) first = NULL;
  g_autoptr(ScKpi) second = NULL;
  GtkWidget *window;

  first = sc_test_kpi_new ("Response time", SC_TARGET_TYPE_DURATION, 4.0, 6.0,
                           SC_DIRECTION_LOWER_BETTER, NULL, 0);
  second = sc_test_kpi_new ("Response time", SC_TARGET_TYPE_DURATION, 4.0, 3.0,
                            SC_DIRECTION_LOWER_BETTER, NULL, 0);

  gauge = g_object_ref_sink (SC_GAUGE (sc_gauge_new (SC_GAUGE_STYLE_CIRCULAR)));
  window = sc_test_present (GTK_WIDGET (gauge), 160, 160);

  sc_gauge_set_kpi (gauge, first);
  sc_gauge_skip_animation (gauge);
  g_assert_cmpstr (sc_gauge_get_label (gauge), ==, "Response time");
  g_assert_cmpint (sc_gauge_get_direction (gauge), ==, SC_DIRECTION_LOWER_BETTER);
  g_assert_cmpint (sc_gauge_get_target_type (gauge), ==, SC_TARGET_TYPE_DURATION);
  g_assert_cmpfloat (sc_gauge_get_target (gauge), ==, 4.0);
  g_assert_cmpfloat (sc_gauge_get_shown_value (gauge), ==, 6.0);

  /* The next KPI animates from what is shown. */
  sc_gauge_set_kpi (gauge, second);
  g_assert_cmpfloat (sc_gauge_get_value (gauge), ==, 3.0);
  g_assert_cmpfloat (sc_gauge_get_shown_value (gauge), ==, 6.0);
  sc_gauge_skip_animation (gauge);
  g_assert_cmpfloat (sc_gauge_get_shown_value (gauge), ==, 3.0);

  sc_test_screenshot (GTK_WIDGET (gauge), "gauge-kpi-duration-lower");

  sc_test_close (window);
  g_assert_finalize_object (g_steal_pointer (&gauge));
  g_assert_finalize_object (g_steal_pointer (&first));
  g_assert_finalize_object (g_steal_pointer (&second));
}

static void
test_gauge_dark (void)
{
  g_autoptr(ScGauge) gauge = NULL;
  g_autoptr(ScTestImage) light = NULL;
  g_autoptr(ScTestImage) dark = NULL;
  ScRgba light_track, dark_track, light_pixel, dark_pixel;
  ScGaugeSpec spec;
  GtkWidget *window;
  double x, y;

  sc_test_set_dark (FALSE);
  gauge = create_gauge (SC_GAUGE_STYLE_CIRCULAR, 100.0, 30.0, SC_DIRECTION_HIGHER_BETTER);
  window = sc_test_present (GTK_WIDGET (gauge), 240, 240);

  light_track = _sc_gauge_get_palette (gauge)->track;
  light = sc_test_render (GTK_WIDGET (gauge));

  sc_test_set_dark (TRUE);
  sc_test_wait_for_draw (GTK_WIDGET (gauge));
  dark_track = _sc_gauge_get_palette (gauge)->track;
  dark = sc_test_render (GTK_WIDGET (gauge));
  sc_test_screenshot (GTK_WIDGET (gauge), "gauge-circular-dark");

  g_assert_false (sc_test_color_near (&light_track, &dark_track, 0.01));

  /* The empty track beyond the value. */
  _sc_gauge_get_spec (gauge, &spec);
  sc_gauge_point_at (&spec, light->width, light->height, 70.0, 1.0, &x, &y);
  g_assert_true (sc_test_image_get (light, x, y, &light_pixel));
  g_assert_true (sc_test_image_get (dark, x, y, &dark_pixel));
  sc_test_assert_pixel (light, "gauge-dark-light", x, y, 0.0, &light_track, 0.03);
  sc_test_assert_pixel (dark, "gauge-dark-dark", x, y, 0.0, &dark_track, 0.03);
  g_assert_false (sc_test_color_near (&light_pixel, &dark_pixel, 0.03));

  sc_test_set_dark (FALSE);
  sc_test_close (window);
  g_assert_finalize_object (g_steal_pointer (&gauge));
}

/* All styles side by side, for people to look at (SC_TEST_SCREENSHOT_DIR). */
static void
test_gauge_gallery (void)
{
  for (guint dark = 0; dark <= 1; dark++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
      g_autoptr(ScKpi) revenue = NULL;
      g_autoptr(ScKpi) defects = NULL;
      g_autoptr(ScKpi) conversion = NULL;
      g_autoptr(ScKpi) hours = NULL;
      g_autoptr(ScTestImage) image = NULL;
      ScKpi *kpis[4];
      GtkWidget *window;

      sc_test_set_dark (dark);

      revenue = sc_test_kpi_new ("Revenue", SC_TARGET_TYPE_CURRENCY, 1500.0, 1305.0,
                                 SC_DIRECTION_HIGHER_BETTER, "INR", 0);
      conversion = sc_test_kpi_new ("Conversion", SC_TARGET_TYPE_PERCENT, 40.0, 42.5,
                                    SC_DIRECTION_HIGHER_BETTER, NULL, 0);
      defects = sc_test_kpi_new ("Defects", SC_TARGET_TYPE_NUMBER, 5.0, 9.0,
                                 SC_DIRECTION_LOWER_BETTER, NULL, 0);
      hours = sc_test_kpi_new ("Training", SC_TARGET_TYPE_DURATION, 20.0, 11.0,
                               SC_DIRECTION_HIGHER_BETTER, NULL, 0);
      kpis[0] = revenue, kpis[1] = conversion, kpis[2] = defects, kpis[3] = hours;

      gtk_widget_set_margin_start (box, 24);
      gtk_widget_set_margin_end (box, 24);
      gtk_widget_set_margin_top (box, 24);
      gtk_widget_set_margin_bottom (box, 24);

      for (guint s = 0; s < G_N_ELEMENTS (styles); s++)
        {
          GtkWidget *gauge = sc_gauge_new (styles[s].style);

          gtk_widget_set_valign (gauge, GTK_ALIGN_CENTER);
          sc_gauge_set_kpi (SC_GAUGE (gauge), kpis[s]);
          sc_gauge_skip_animation (SC_GAUGE (gauge));
          gtk_box_append (GTK_BOX (box), gauge);
        }

      window = sc_test_present (box, -1, -1);
      image = sc_test_render (box);
      g_assert_cmpint (image->width, >=, 160 + 200 + 240 + 168);
      sc_test_screenshot (box, dark ? "gauge-gallery-dark" : "gauge-gallery-light");

      sc_test_close (window);
    }

  sc_test_set_dark (FALSE);
}

int
main (int   argc,
      char *argv[])
{
  sc_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/gauge/defaults", test_gauge_defaults);
  g_test_add_func ("/ui/gauge/notify", test_gauge_notify);
  g_test_add_func ("/ui/gauge/measure", test_gauge_measure);
  g_test_add_func ("/ui/gauge/pixels", test_gauge_pixels);
  g_test_add_func ("/ui/gauge/lower-is-better", test_gauge_lower_is_better);
  g_test_add_func ("/ui/gauge/skip-animation", test_gauge_skip_animation);
  g_test_add_func ("/ui/gauge/animation", test_gauge_animation);
  g_test_add_func ("/ui/gauge/speedometer-spring", test_gauge_speedometer_spring);
  g_test_add_func ("/ui/gauge/accessible", test_gauge_accessible);
  g_test_add_func ("/ui/gauge/tooltip", test_gauge_tooltip);
  g_test_add_func ("/ui/gauge/set-kpi", test_gauge_set_kpi);
  g_test_add_func ("/ui/gauge/dark", test_gauge_dark);
  g_test_add_func ("/ui/gauge/gallery", test_gauge_gallery);

  return g_test_run ();
}
