/* sc-sparkline.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-sparkline"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "sc-format.h"
#include "sc-sparkline-paint.h"
#include "sc-sparkline.h"
#include "sc-widget-palette.h"

/* The line is in the accent colour, or, under one of the .score-* classes
 * of sc_score_band_css_class(), in the CSS colour style.css gives the band.
 */
struct _ScSparkline
{
  GtkWidget  parent_instance;

  double    *values;
  guint      n_values;
  gboolean   fill;

  ScRgba     color;
};

G_DEFINE_FINAL_TYPE (ScSparkline, sc_sparkline, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FILL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Auxiliary methods */

static char *
dup_trend_description (const double *values,
                       guint         n_values)
{
  g_autofree char *number = NULL;
  g_autofree char *percent = NULL;
  double first, last, change;

  if (n_values == 0)
    return g_strdup (_("No data"));

  if (n_values == 1)
    return g_strdup (_("One value"));

  first = values[0];
  last = values[n_values - 1];

  if (last == first)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Flat over %u value",
                                         "Flat over %u values", n_values),
                            n_values);

  if (first == 0.0)
    {
      if (last > first)
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "Rising over %u value",
                                             "Rising over %u values", n_values),
                                n_values);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Falling over %u value",
                                           "Falling over %u values", n_values),
                              n_values);
    }

  change = (last - first) / fabs (first) * 100.0;
  number = sc_format_number (fabs (change), fabs (change) < 10.0 ? 1 : 0);
  /* Translators: a percentage; %s is the number. Same as in sc-format.c. */
  percent = g_strdup_printf (C_("percent", "%s\u00A0%%"), number);

  if (change > 0.0)
    /* Translators: the accessible description of a sparkline; %1$s is a
     * percentage ("12 %"), %2$u the number of values.
     */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Rising %1$s over %2$u value",
                                         "Rising %1$s over %2$u values", n_values),
                            percent, n_values);

  /* Translators: the accessible description of a sparkline; %1$s is a
   * percentage ("12 %"), %2$u the number of values.
   */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Falling %1$s over %2$u value",
                                       "Falling %1$s over %2$u values", n_values),
                          percent, n_values);
}

static gboolean
has_band_class (GtkWidget *widget)
{
  g_auto(GStrv) classes = gtk_widget_get_css_classes (widget);

  for (guint i = 0; classes[i] != NULL; i++)
    {
      if (g_str_has_prefix (classes[i], "score-"))
        return TRUE;
    }

  return FALSE;
}

static void
update_accessible (ScSparkline *self)
{
  g_autofree char *label = dup_trend_description (self->values, self->n_values);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

/* Overrides */

static void
sc_sparkline_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = 24, *natural = 96;
  else
    *minimum = 12, *natural = 28;
}

static void
sc_sparkline_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  ScSparkline *self = SC_SPARKLINE (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (width <= 0 || height <= 0 || self->n_values == 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  sc_sparkline_paint (cr, width, height, self->values, self->n_values, &self->color, self->fill);
  cairo_destroy (cr);
}

static void
sc_sparkline_css_changed (GtkWidget         *widget,
                          GtkCssStyleChange *change)
{
  ScSparkline *self = SC_SPARKLINE (widget);

  GTK_WIDGET_CLASS (sc_sparkline_parent_class)->css_changed (widget, change);

  if (!has_band_class (widget) &&
      _sc_widget_lookup_rgba (widget, "accent_color", &self->color))
    {
      gtk_widget_queue_draw (widget);
      return;
    }

  _sc_widget_get_css_color (widget, &self->color);
  gtk_widget_queue_draw (widget);
}

static void
sc_sparkline_finalize (GObject *object)
{
  ScSparkline *self = (ScSparkline *)object;

  g_clear_pointer (&self->values, g_free);

  G_OBJECT_CLASS (sc_sparkline_parent_class)->finalize (object);
}

static void
sc_sparkline_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  ScSparkline *self = SC_SPARKLINE (object);

  switch (prop_id)
    {
    case PROP_FILL:
      g_value_set_boolean (value, self->fill);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_sparkline_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  ScSparkline *self = SC_SPARKLINE (object);

  switch (prop_id)
    {
    case PROP_FILL:
      sc_sparkline_set_fill (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_sparkline_class_init (ScSparklineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = sc_sparkline_finalize;
  object_class->get_property = sc_sparkline_get_property;
  object_class->set_property = sc_sparkline_set_property;

  widget_class->measure = sc_sparkline_measure;
  widget_class->snapshot = sc_sparkline_snapshot;
  widget_class->css_changed = sc_sparkline_css_changed;

  properties[PROP_FILL] =
    g_param_spec_boolean ("fill", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "sparkline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
sc_sparkline_init (ScSparkline *self)
{
  self->fill = TRUE;
  update_accessible (self);
}

/* Public API */

GtkWidget *
sc_sparkline_new (void)
{
  return g_object_new (SC_TYPE_SPARKLINE, NULL);
}

/**
 * sc_sparkline_set_values:
 * @self: a #ScSparkline
 * @values: (array length=n_values) (nullable): the series, oldest first
 * @n_values: the number of values
 *
 * Copies @values and draws them.
 */
void
sc_sparkline_set_values (ScSparkline  *self,
                         const double *values,
                         guint         n_values)
{
  double *copy;

  g_return_if_fail (SC_IS_SPARKLINE (self));
  g_return_if_fail (values != NULL || n_values == 0);

  /* Copy before freeing: @values may be what sc_sparkline_get_values() gave. */
  copy = n_values > 0 ? g_memdup2 (values, sizeof (double) * n_values) : NULL;
  g_free (self->values);
  self->values = copy;
  self->n_values = n_values;

  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * sc_sparkline_get_values:
 * @self: a #ScSparkline
 * @n_values: (out): the number of values
 *
 * Returns: (transfer none) (array length=n_values) (nullable): the values
 */
const double *
sc_sparkline_get_values (ScSparkline *self,
                         guint       *n_values)
{
  g_return_val_if_fail (SC_IS_SPARKLINE (self), NULL);
  g_return_val_if_fail (n_values != NULL, NULL);

  *n_values = self->n_values;

  return self->values;
}

gboolean
sc_sparkline_get_fill (ScSparkline *self)
{
  g_return_val_if_fail (SC_IS_SPARKLINE (self), FALSE);
  return self->fill;
}

void
sc_sparkline_set_fill (ScSparkline *self,
                       gboolean     fill)
{
  g_return_if_fail (SC_IS_SPARKLINE (self));

  fill = !!fill;
  if (self->fill == fill)
    return;

  self->fill = fill;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILL]);
}
