/* sc-trend-chart.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-trend-chart"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "sc-enums.h"
#include "sc-format.h"
#include "sc-period.h"
#include "sc-trend-chart-private.h"
#include "sc-widget-palette.h"

/* Where the expected value goes in the forecast tooltip's sentence until
 * it is escaped: U+E000, a private-use character that neither translations
 * nor escaping produce.
 */
#define MEAN_MARK "\xee\x80\x80"

struct _ScTrendChart
{
  GtkWidget             parent_instance;

  ScChartPoint         *points;
  guint                 n_points;
  double                target;
  ScDirection           direction;
  ScTargetType          target_type;
  char                 *currency;
  double                warn_from;
  double                good_from;
  char                 *label;

  ScChartForecastPoint *forecast;
  guint                 n_forecast;
  /* Sorted by index, with the reasons (each nullable) in the same order. */
  guint                *anomalies;
  char                **anomaly_reasons;
  guint                 n_anomalies;
  char                 *method_label;

  /* Derived in update_derived(). The painter fits both axes to the
   * points, the forecast, the target and the zone thresholds.
   */
  ScZone                zones[3];
  guint                 n_zones;

  int                   hover_index;
  int                   hover_forecast;
  ScPaintPalette        palette;
};

typedef struct
{
  guint       index;
  guint       position;
  const char *reason;
} Anomaly;

G_DEFINE_FINAL_TYPE (ScTrendChart, sc_trend_chart, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TARGET,
  PROP_DIRECTION,
  PROP_TARGET_TYPE,
  PROP_CURRENCY,
  PROP_WARN_FROM,
  PROP_GOOD_FROM,
  PROP_LABEL,
  PROP_HOVER_INDEX,
  PROP_METHOD_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Auxiliary methods */

static int
compare_points_by_time (gconstpointer a,
                        gconstpointer b)
{
  const ScChartPoint *pa = a;
  const ScChartPoint *pb = b;

  return (pa->time > pb->time) - (pa->time < pb->time);
}

static int
compare_forecast_by_time (gconstpointer a,
                          gconstpointer b)
{
  const ScChartForecastPoint *pa = a;
  const ScChartForecastPoint *pb = b;

  return (pa->time > pb->time) - (pa->time < pb->time);
}

/* By point, then in the order given, so a point's reasons keep theirs. */
static int
compare_anomalies (gconstpointer a,
                   gconstpointer b)
{
  const Anomaly *aa = a;
  const Anomaly *ab = b;

  if (aa->index != ab->index)
    return (aa->index > ab->index) - (aa->index < ab->index);

  return (aa->position > ab->position) - (aa->position < ab->position);
}

/* The reasons are a plain array, not a GStrv: any of them may be NULL. */
static void
clear_anomalies (ScTrendChart *self)
{
  for (guint i = 0; i < self->n_anomalies; i++)
    g_free (self->anomaly_reasons[i]);
  g_clear_pointer (&self->anomaly_reasons, g_free);
  g_clear_pointer (&self->anomalies, g_free);
  self->n_anomalies = 0;
}

/* The last forecast point the painter draws, or NULL. */
static const ScChartForecastPoint *
last_forecast_point (ScTrendChart *self)
{
  for (guint i = self->n_forecast; i-- > 0;)
    {
      const ScChartForecastPoint *point = &self->forecast[i];

      if (isfinite (point->mean) && isfinite (point->lower80) && isfinite (point->upper80) &&
          isfinite (point->lower95) && isfinite (point->upper95))
        return point;
    }

  return NULL;
}

/* Points with at least one anomaly, among those that exist. */
static guint
count_anomalous_points (ScTrendChart *self)
{
  guint count = 0;

  for (guint i = 0; i < self->n_anomalies; i++)
    {
      if (self->anomalies[i] < self->n_points &&
          (i == 0 || self->anomalies[i] != self->anomalies[i - 1]))
        count++;
    }

  return count;
}

static void
update_accessible (ScTrendChart *self)
{
  const ScChartForecastPoint *forecast;
  g_autofree char *label = NULL;
  g_autofree char *summary = NULL;
  guint n_anomalous;

  g_assert (SC_IS_TREND_CHART (self));

  if (self->n_points == 0)
    {
      summary = g_strdup (_("no values yet"));
    }
  else
    {
      const ScChartPoint *last = &self->points[self->n_points - 1];
      g_autofree char *from = sc_date_format_local (self->points[0].time, NULL);
      g_autofree char *to = sc_date_format_local (last->time, NULL);
      g_autofree char *latest = sc_format_measure (last->value, self->target_type, self->currency);

      /* Translators: the accessible description of a trend chart; %1$u is
       * the number of values, %2$s and %3$s dates, %4$s the latest value
       * with its unit.
       */
      summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%1$u value from %2$s to %3$s, latest %4$s",
                                              "%1$u values from %2$s to %3$s, latest %4$s",
                                              self->n_points),
                                 self->n_points, from, to, latest);

      if (self->target > 0.0 && self->target_type != SC_TARGET_TYPE_BOOLEAN)
        {
          g_autofree char *target = NULL;
          g_autofree char *with_target = NULL;

          target = sc_format_measure (self->target, self->target_type, self->currency);
          /* Translators: appended to a trend chart's description; %1$s is
           * the description, %2$s the target with its unit.
           */
          with_target = g_strdup_printf (_("%1$s, target %2$s"), summary, target);
          g_free (summary);
          summary = g_steal_pointer (&with_target);
        }
    }

  forecast = last_forecast_point (self);
  if (forecast != NULL)
    {
      g_autofree char *value = sc_format_measure (forecast->mean, self->target_type, self->currency);
      g_autofree char *date = sc_date_format_local (forecast->time, NULL);
      g_autofree char *with_forecast = NULL;

      /* Translators: appended to a trend chart's description; %1$s is the
       * description, %2$s the value forecast for the last date shown, with
       * its unit, %3$s that date.
       */
      with_forecast = g_strdup_printf (_("%1$s, forecast %2$s on %3$s"), summary, value, date);
      g_free (summary);
      summary = g_steal_pointer (&with_forecast);
    }

  n_anomalous = count_anomalous_points (self);
  if (n_anomalous > 0)
    {
      g_autofree char *with_anomalies = NULL;

      /* Translators: appended to a trend chart's description; %1$s is the
       * description, %2$u the number of values marked as unusual.
       */
      with_anomalies = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "%1$s, %2$u anomaly",
                                                     "%1$s, %2$u anomalies",
                                                     n_anomalous),
                                        summary, n_anomalous);
      g_free (summary);
      summary = g_steal_pointer (&with_anomalies);
    }

  if (self->label != NULL)
    /* Translators: the accessible name of a trend chart; %1$s is the KPI
     * name, %2$s the description of the values.
     */
    label = g_strdup_printf (_("%1$s trend: %2$s"), self->label, summary);
  else
    /* Translators: the accessible name of a trend chart without a KPI name;
     * %s is the description of the values.
     */
    label = g_strdup_printf (_("Trend: %s"), summary);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
update_derived (ScTrendChart *self)
{
  double last_value = 0.0;
  double scale_min, scale_max;

  g_assert (SC_IS_TREND_CHART (self));

  if (self->n_points > 0)
    last_value = self->points[self->n_points - 1].value;

  self->n_zones = sc_zones_for_kpi (self->target, self->direction,
                                    self->warn_from, self->good_from,
                                    last_value, &scale_min, &scale_max,
                                    self->zones);

  /* Without a target the single zone only says how the value scores, which
   * the line already shows; a band across the whole chart would be noise.
   */
  if (!(self->target > 0.0) || self->target_type == SC_TARGET_TYPE_BOOLEAN)
    self->n_zones = 0;

  if (self->hover_index >= (int)self->n_points)
    {
      self->hover_index = -1;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOVER_INDEX]);
    }
  if (self->hover_forecast >= (int)self->n_forecast)
    self->hover_forecast = -1;

  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_hover (ScTrendChart *self,
           int           hover_index,
           int           hover_forecast)
{
  g_assert (SC_IS_TREND_CHART (self));

  if (self->hover_forecast != hover_forecast)
    {
      self->hover_forecast = hover_forecast;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }

  if (self->hover_index == hover_index)
    return;

  self->hover_index = hover_index;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOVER_INDEX]);
}

static int
hit_test (ScTrendChart *self,
          double        x,
          double        y)
{
  ScChartSpec spec;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  int index;

  if (width <= 0 || height <= 0 || self->n_points == 0)
    return -1;

  _sc_trend_chart_get_spec (self, &spec);
  index = sc_chart_hit_test (&spec, width, height, x, y);

  return index >= 0 && index < (int)self->n_points ? index : -1;
}

static int
hit_test_forecast (ScTrendChart *self,
                   double        x,
                   double        y)
{
  ScChartSpec spec;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  int index;

  if (width <= 0 || height <= 0 || self->n_forecast == 0)
    return -1;

  _sc_trend_chart_get_spec (self, &spec);
  index = sc_chart_hit_test_forecast (&spec, width, height, x, y);

  return index >= 0 && index < (int)self->n_forecast ? index : -1;
}

static char *
dup_forecast_tooltip (ScTrendChart               *self,
                      const ScChartForecastPoint *point)
{
  g_autofree char *mean = NULL;
  g_autofree char *mean_markup = NULL;
  g_autofree char *lower80 = NULL;
  g_autofree char *upper80 = NULL;
  g_autofree char *lower95 = NULL;
  g_autofree char *upper95 = NULL;
  g_autofree char *when = NULL;
  g_autofree char *text = NULL;
  g_autofree char *escaped = NULL;
  GString *markup;

  mean = sc_format_measure (point->mean, self->target_type, self->currency);
  lower80 = sc_format_measure (point->lower80, self->target_type, self->currency);
  upper80 = sc_format_measure (point->upper80, self->target_type, self->currency);
  lower95 = sc_format_measure (point->lower95, self->target_type, self->currency);
  upper95 = sc_format_measure (point->upper95, self->target_type, self->currency);
  when = sc_date_format_local (point->time, NULL);

  /* Translators: a forecast in a chart's tooltip; %1$s is the expected
   * value, %2$s–%3$s its 80 % and %4$s–%5$s its 95 % prediction interval,
   * all with their unit. The no-break spaces keep the percentages whole.
   */
  text = g_strdup_printf (C_("chart tooltip",
                             "Forecast %1$s (80\u00A0%%: %2$s–%3$s; 95\u00A0%%: %4$s–%5$s)"),
                          MEAN_MARK, lower80, upper80, lower95, upper95);

  escaped = g_markup_printf_escaped ("%s\n%s", text, when);
  mean_markup = g_markup_printf_escaped ("<b>%s</b>", mean);
  markup = g_string_new (escaped);
  g_string_replace (markup, MEAN_MARK, mean_markup, 1);

  return g_string_free (markup, FALSE);
}

/* Callbacks */

static void
on_motion_cb (ScTrendChart             *self,
              double                    x,
              double                    y,
              GtkEventControllerMotion *motion)
{
  int forecast;

  g_assert (SC_IS_TREND_CHART (self));

  forecast = hit_test_forecast (self, x, y);
  set_hover (self, forecast >= 0 ? -1 : hit_test (self, x, y), forecast);
}

static void
on_leave_cb (ScTrendChart             *self,
             GtkEventControllerMotion *motion)
{
  g_assert (SC_IS_TREND_CHART (self));

  set_hover (self, -1, -1);
}

/* Overrides */

static void
sc_trend_chart_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = 200, *natural = 480;
  else
    *minimum = 120, *natural = 220;
}

static void
sc_trend_chart_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  ScTrendChart *self = SC_TREND_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  ScChartSpec spec;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  _sc_trend_chart_get_spec (self, &spec);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  sc_chart_paint (cr, width, height, &spec);
  cairo_destroy (cr);
}

static void
sc_trend_chart_css_changed (GtkWidget         *widget,
                            GtkCssStyleChange *change)
{
  ScTrendChart *self = SC_TREND_CHART (widget);

  GTK_WIDGET_CLASS (sc_trend_chart_parent_class)->css_changed (widget, change);

  _sc_widget_resolve_palette (widget, &self->palette);
  gtk_widget_queue_draw (widget);
}

static gboolean
sc_trend_chart_query_tooltip (GtkWidget  *widget,
                              int         x,
                              int         y,
                              gboolean    keyboard_tooltip,
                              GtkTooltip *tooltip)
{
  ScTrendChart *self = SC_TREND_CHART (widget);
  g_autofree char *markup = NULL;

  if (keyboard_tooltip)
    return FALSE;

  markup = _sc_trend_chart_dup_tooltip_text (self, x, y);
  if (markup == NULL)
    return FALSE;

  gtk_tooltip_set_markup (tooltip, markup);

  return TRUE;
}

static void
sc_trend_chart_finalize (GObject *object)
{
  ScTrendChart *self = (ScTrendChart *)object;

  g_clear_pointer (&self->points, g_free);
  g_clear_pointer (&self->currency, g_free);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->forecast, g_free);
  clear_anomalies (self);
  g_clear_pointer (&self->method_label, g_free);

  G_OBJECT_CLASS (sc_trend_chart_parent_class)->finalize (object);
}

static void
sc_trend_chart_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ScTrendChart *self = SC_TREND_CHART (object);

  switch (prop_id)
    {
    case PROP_TARGET:
      g_value_set_double (value, self->target);
      break;
    case PROP_DIRECTION:
      g_value_set_enum (value, self->direction);
      break;
    case PROP_TARGET_TYPE:
      g_value_set_enum (value, self->target_type);
      break;
    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;
    case PROP_WARN_FROM:
      g_value_set_double (value, self->warn_from);
      break;
    case PROP_GOOD_FROM:
      g_value_set_double (value, self->good_from);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_HOVER_INDEX:
      g_value_set_int (value, self->hover_index);
      break;
    case PROP_METHOD_LABEL:
      g_value_set_string (value, self->method_label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_trend_chart_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  ScTrendChart *self = SC_TREND_CHART (object);

  switch (prop_id)
    {
    case PROP_TARGET:
      sc_trend_chart_set_target (self, g_value_get_double (value));
      break;
    case PROP_DIRECTION:
      sc_trend_chart_set_direction (self, g_value_get_enum (value));
      break;
    case PROP_TARGET_TYPE:
      sc_trend_chart_set_target_type (self, g_value_get_enum (value));
      break;
    case PROP_CURRENCY:
      sc_trend_chart_set_currency (self, g_value_get_string (value));
      break;
    case PROP_WARN_FROM:
      sc_trend_chart_set_warn_from (self, g_value_get_double (value));
      break;
    case PROP_GOOD_FROM:
      sc_trend_chart_set_good_from (self, g_value_get_double (value));
      break;
    case PROP_LABEL:
      sc_trend_chart_set_label (self, g_value_get_string (value));
      break;
    case PROP_METHOD_LABEL:
      sc_trend_chart_set_method_label (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_trend_chart_class_init (ScTrendChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sc_trend_chart_finalize;
  object_class->get_property = sc_trend_chart_get_property;
  object_class->set_property = sc_trend_chart_set_property;

  widget_class->measure = sc_trend_chart_measure;
  widget_class->snapshot = sc_trend_chart_snapshot;
  widget_class->css_changed = sc_trend_chart_css_changed;
  widget_class->query_tooltip = sc_trend_chart_query_tooltip;

  properties[PROP_TARGET] =
    g_param_spec_double ("target", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0, flags);
  properties[PROP_DIRECTION] =
    g_param_spec_enum ("direction", NULL, NULL,
                       SC_TYPE_DIRECTION, SC_DIRECTION_HIGHER_BETTER, flags);
  properties[PROP_TARGET_TYPE] =
    g_param_spec_enum ("target-type", NULL, NULL,
                       SC_TYPE_TARGET_TYPE, SC_TARGET_TYPE_NUMBER, flags);
  properties[PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL, NULL, flags);
  properties[PROP_WARN_FROM] =
    g_param_spec_double ("warn-from", NULL, NULL,
                         0.0, G_MAXDOUBLE, SC_ZONE_DEFAULT_WARN_FROM, flags);
  properties[PROP_GOOD_FROM] =
    g_param_spec_double ("good-from", NULL, NULL,
                         0.0, G_MAXDOUBLE, SC_ZONE_DEFAULT_GOOD_FROM, flags);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL, flags);
  properties[PROP_HOVER_INDEX] =
    g_param_spec_int ("hover-index", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_METHOD_LABEL] =
    g_param_spec_string ("method-label", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "trendchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
sc_trend_chart_init (ScTrendChart *self)
{
  GtkEventController *motion;

  self->warn_from = SC_ZONE_DEFAULT_WARN_FROM;
  self->good_from = SC_ZONE_DEFAULT_GOOD_FROM;
  self->hover_index = -1;
  self->hover_forecast = -1;
  /* Until css_changed() resolves the theme's colours. */
  sc_paint_palette_init_light (&self->palette);

  motion = gtk_event_controller_motion_new ();
  g_signal_connect_object (motion, "enter", G_CALLBACK (on_motion_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (motion, "motion", G_CALLBACK (on_motion_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (motion, "leave", G_CALLBACK (on_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);

  update_derived (self);
}

/* Internal API */

void
_sc_trend_chart_get_spec (ScTrendChart *self,
                          ScChartSpec  *spec)
{
  g_return_if_fail (SC_IS_TREND_CHART (self));
  g_return_if_fail (spec != NULL);

  memset (spec, 0, sizeof *spec);
  spec->points = self->points;
  spec->n_points = self->n_points;
  spec->target = self->target;
  spec->show_target = self->target > 0.0 && self->target_type != SC_TARGET_TYPE_BOOLEAN;
  spec->zones = self->zones;
  spec->n_zones = self->n_zones;
  spec->hover_index = self->hover_index;
  spec->palette = &self->palette;
  spec->font_family = _sc_widget_get_font_family (GTK_WIDGET (self));
  spec->forecast = self->forecast;
  spec->n_forecast = self->n_forecast;
  spec->anomalies = self->anomalies;
  spec->n_anomalies = self->n_anomalies;
  spec->method_label = self->method_label;
  spec->hover_forecast = self->hover_forecast >= 0 ? (guint)self->hover_forecast + 1 : 0;
}

char *
_sc_trend_chart_dup_tooltip_text (ScTrendChart *self,
                                  double        x,
                                  double        y)
{
  g_autofree char *when = NULL;
  g_autofree char *value = NULL;
  g_autofree char *first = NULL;
  const ScChartPoint *point;
  GString *markup;
  int index;

  g_return_val_if_fail (SC_IS_TREND_CHART (self), NULL);

  index = hit_test_forecast (self, x, y);
  if (index >= 0)
    return dup_forecast_tooltip (self, &self->forecast[index]);

  index = hit_test (self, x, y);
  if (index < 0)
    return NULL;

  point = &self->points[index];
  when = sc_time_format_local (point->time, NULL);
  value = sc_format_measure (point->value, self->target_type, self->currency);

  first = g_markup_printf_escaped ("<b>%s</b>\n%s", value, when);
  markup = g_string_new (first);
  /* Each reason the point is unusual, on a line of its own. */
  for (guint i = 0; i < self->n_anomalies; i++)
    {
      const char *reason = self->anomaly_reasons[i];

      if (self->anomalies[i] == (guint)index && reason != NULL && reason[0] != '\0')
        {
          g_autofree char *escaped = g_markup_escape_text (reason, -1);

          g_string_append_printf (markup, "\n%s", escaped);
        }
    }

  return g_string_free (markup, FALSE);
}

int
_sc_trend_chart_get_hover_forecast (ScTrendChart *self)
{
  g_return_val_if_fail (SC_IS_TREND_CHART (self), -1);
  return self->hover_forecast;
}

/* Public API */

GtkWidget *
sc_trend_chart_new (void)
{
  return g_object_new (SC_TYPE_TREND_CHART, NULL);
}

/**
 * sc_trend_chart_set_points:
 * @self: a #ScTrendChart
 * @points: (array length=n_points) (nullable): the values over time
 * @n_points: the number of points
 *
 * Copies @points, in time order, and draws them.
 */
void
sc_trend_chart_set_points (ScTrendChart       *self,
                           const ScChartPoint *points,
                           guint               n_points)
{
  ScChartPoint *copy;

  g_return_if_fail (SC_IS_TREND_CHART (self));
  g_return_if_fail (points != NULL || n_points == 0);

  /* Copy before freeing: @points may be what sc_trend_chart_get_points() gave. */
  copy = n_points > 0 ? g_memdup2 (points, sizeof (ScChartPoint) * n_points) : NULL;
  if (copy != NULL)
    qsort (copy, n_points, sizeof (ScChartPoint), compare_points_by_time);

  g_free (self->points);
  self->points = copy;
  self->n_points = n_points;

  update_derived (self);
}

/**
 * sc_trend_chart_get_points:
 * @self: a #ScTrendChart
 * @n_points: (out): the number of points
 *
 * Returns: (transfer none) (array length=n_points) (nullable): the points,
 *   in time order
 */
const ScChartPoint *
sc_trend_chart_get_points (ScTrendChart *self,
                           guint        *n_points)
{
  g_return_val_if_fail (SC_IS_TREND_CHART (self), NULL);
  g_return_val_if_fail (n_points != NULL, NULL);

  *n_points = self->n_points;

  return self->points;
}

double
sc_trend_chart_get_target (ScTrendChart *self)
{
  g_return_val_if_fail (SC_IS_TREND_CHART (self), 0.0);
  return self->target;
}

void
sc_trend_chart_set_target (ScTrendChart *self,
                           double        target)
{
  g_return_if_fail (SC_IS_TREND_CHART (self));
  g_return_if_fail (isfinite (target));

  if (self->target == target)
    return;

  self->target = target;
  update_derived (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET]);
}

ScDirection
sc_trend_chart_get_direction (ScTrendChart *self)
{
  g_return_val_if_fail (SC_IS_TREND_CHART (self), SC_DIRECTION_HIGHER_BETTER);
  return self->direction;
}

void
sc_trend_chart_set_direction (ScTrendChart *self,
                              ScDirection   direction)
{
  g_return_if_fail (SC_IS_TREND_CHART (self));

  if (self->direction == direction)
    return;

  self->direction = direction;
  update_derived (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRECTION]);
}

ScTargetType
sc_trend_chart_get_target_type (ScTrendChart *self)
{
  g_return_val_if_fail (SC_IS_TREND_CHART (self), SC_TARGET_TYPE_NUMBER);
  return self->target_type;
}

void
sc_trend_chart_set_target_type (ScTrendChart *self,
                                ScTargetType  target_type)
{
  g_return_if_fail (SC_IS_TREND_CHART (self));

  if (self->target_type == target_type)
    return;

  self->target_type = target_type;
  update_derived (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET_TYPE]);
}

const char *
sc_trend_chart_get_currency (ScTrendChart *self)
{
  g_return_val_if_fail (SC_IS_TREND_CHART (self), NULL);
  return self->currency;
}

void
sc_trend_chart_set_currency (ScTrendChart *self,
                             const char   *currency)
{
  g_return_if_fail (SC_IS_TREND_CHART (self));

  if (g_strcmp0 (self->currency, currency) == 0)
    return;

  g_free (self->currency);
  self->currency = g_strdup (currency);
  update_derived (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENCY]);
}

double
sc_trend_chart_get_warn_from (ScTrendChart *self)
{
  g_return_val_if_fail (SC_IS_TREND_CHART (self), SC_ZONE_DEFAULT_WARN_FROM);
  return self->warn_from;
}

void
sc_trend_chart_set_warn_from (ScTrendChart *self,
                              double        warn_from)
{
  g_return_if_fail (SC_IS_TREND_CHART (self));

  if (self->warn_from == warn_from)
    return;

  self->warn_from = warn_from;
  update_derived (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WARN_FROM]);
}

double
sc_trend_chart_get_good_from (ScTrendChart *self)
{
  g_return_val_if_fail (SC_IS_TREND_CHART (self), SC_ZONE_DEFAULT_GOOD_FROM);
  return self->good_from;
}

void
sc_trend_chart_set_good_from (ScTrendChart *self,
                              double        good_from)
{
  g_return_if_fail (SC_IS_TREND_CHART (self));

  if (self->good_from == good_from)
    return;

  self->good_from = good_from;
  update_derived (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GOOD_FROM]);
}

const char *
sc_trend_chart_get_label (ScTrendChart *self)
{
  g_return_val_if_fail (SC_IS_TREND_CHART (self), NULL);
  return self->label;
}

/**
 * sc_trend_chart_set_label:
 * @self: a #ScTrendChart
 * @label: (nullable): the KPI name, for the accessible description
 */
void
sc_trend_chart_set_label (ScTrendChart *self,
                          const char   *label)
{
  g_return_if_fail (SC_IS_TREND_CHART (self));

  if (g_strcmp0 (self->label, label) == 0)
    return;

  g_free (self->label);
  self->label = g_strdup (label);
  update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

/**
 * sc_trend_chart_get_hover_index:
 * @self: a #ScTrendChart
 *
 * Returns: the index of the point under the pointer, or -1
 */
int
sc_trend_chart_get_hover_index (ScTrendChart *self)
{
  g_return_val_if_fail (SC_IS_TREND_CHART (self), -1);
  return self->hover_index;
}

/**
 * sc_trend_chart_set_forecast:
 * @self: a #ScTrendChart
 * @points: (array length=n_points) (nullable): the forecast, for times
 *   after the last point
 * @n_points: the number of forecast points; 0 removes the forecast
 *
 * Copies @points, in time order, and draws them as a continuation of the
 * line: the expected values dashed, within their 80 % and 95 % bands.
 */
void
sc_trend_chart_set_forecast (ScTrendChart               *self,
                             const ScChartForecastPoint *points,
                             guint                       n_points)
{
  ScChartForecastPoint *copy;

  g_return_if_fail (SC_IS_TREND_CHART (self));
  g_return_if_fail (points != NULL || n_points == 0);

  copy = n_points > 0 ? g_memdup2 (points, sizeof (ScChartForecastPoint) * n_points) : NULL;
  if (copy != NULL)
    qsort (copy, n_points, sizeof (ScChartForecastPoint), compare_forecast_by_time);

  g_free (self->forecast);
  self->forecast = copy;
  self->n_forecast = n_points;

  update_derived (self);
}

/**
 * sc_trend_chart_get_forecast:
 * @self: a #ScTrendChart
 * @n_points: (out): the number of forecast points
 *
 * Returns: (transfer none) (array length=n_points) (nullable): the
 *   forecast, in time order
 */
const ScChartForecastPoint *
sc_trend_chart_get_forecast (ScTrendChart *self,
                             guint        *n_points)
{
  g_return_val_if_fail (SC_IS_TREND_CHART (self), NULL);
  g_return_val_if_fail (n_points != NULL, NULL);

  *n_points = self->n_forecast;

  return self->forecast;
}

/**
 * sc_trend_chart_set_anomalies:
 * @self: a #ScTrendChart
 * @indices: (array length=n_anomalies) (nullable): indices into the points,
 *   in the time order sc_trend_chart_get_points() returns them
 * @reasons: (array length=n_anomalies) (nullable): for each index, why the
 *   value is unusual, as a translated sentence, or %NULL
 * @n_anomalies: the number of anomalies; 0 removes them
 *
 * Copies @indices and @reasons. Each anomaly is ringed on the chart, and
 * its reason added to the tooltip of its point. An index may come more
 * than once, with different reasons; indices past the points are kept but
 * not shown.
 */
void
sc_trend_chart_set_anomalies (ScTrendChart       *self,
                              const guint        *indices,
                              const char * const *reasons,
                              guint               n_anomalies)
{
  g_autofree Anomaly *sorted = NULL;
  guint *copy = NULL;
  char **copy_reasons = NULL;

  g_return_if_fail (SC_IS_TREND_CHART (self));
  g_return_if_fail (indices != NULL || n_anomalies == 0);

  /* Copy before freeing: @reasons may be our own. */
  if (n_anomalies > 0)
    {
      sorted = g_new (Anomaly, n_anomalies);
      for (guint i = 0; i < n_anomalies; i++)
        {
          sorted[i].index = indices[i];
          sorted[i].position = i;
          sorted[i].reason = reasons != NULL ? reasons[i] : NULL;
        }
      qsort (sorted, n_anomalies, sizeof (Anomaly), compare_anomalies);

      copy = g_new (guint, n_anomalies);
      copy_reasons = g_new0 (char *, n_anomalies);
      for (guint i = 0; i < n_anomalies; i++)
        {
          copy[i] = sorted[i].index;
          copy_reasons[i] = g_strdup (sorted[i].reason);
        }
    }

  clear_anomalies (self);
  self->anomalies = copy;
  self->anomaly_reasons = copy_reasons;
  self->n_anomalies = n_anomalies;

  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
sc_trend_chart_get_method_label (ScTrendChart *self)
{
  g_return_val_if_fail (SC_IS_TREND_CHART (self), NULL);
  return self->method_label;
}

/**
 * sc_trend_chart_set_method_label:
 * @self: a #ScTrendChart
 * @text: (nullable): how the forecast was made, such as "Holt–Winters ·
 *   backtest MASE 0.70"; written small above the plot's top left corner
 */
void
sc_trend_chart_set_method_label (ScTrendChart *self,
                                 const char   *text)
{
  g_return_if_fail (SC_IS_TREND_CHART (self));

  if (text != NULL && text[0] == '\0')
    text = NULL;

  if (g_strcmp0 (self->method_label, text) == 0)
    return;

  g_free (self->method_label);
  self->method_label = g_strdup (text);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_METHOD_LABEL]);
}
