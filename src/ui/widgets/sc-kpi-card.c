/* sc-kpi-card.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-kpi-card"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "sc-format.h"
#include "sc-kpi-card-private.h"
#include "sc-period.h"
#include "sc-score.h"
#include "sc-sparkline.h"

#define SECONDS_PER_DAY (24 * 60 * 60)

#define ICON_TRENDING_UP   "sc-trending-up-symbolic"
#define ICON_TRENDING_DOWN "sc-trending-down-symbolic"
#define ICON_ATTENTION     "sc-attention-symbolic"
#define ICON_COMPLETED     "sc-completed-symbolic"
#define ICON_PENDING       "sc-pending-symbolic"

struct _ScKpiCard
{
  GtkWidget       parent_instance;

  ScKpiCardStyle  style;
  char           *title;

  ScKpi          *kpi;
  GSignalGroup   *kpi_signals;

  double         *history_values;
  gint64         *history_times;
  guint           n_history;

  /* sc_kpi_card_set_metric(), for cards without a KPI. */
  char           *metric_value;
  char           *metric_detail;
  char           *metric_icon;
  char           *metric_class;

  /* Template widgets */
  GtkLabel       *title_label;
  GtkImage       *icon_image;
  GtkWidget      *value_box;
  GtkLabel       *value_label;
  GtkLabel       *unit_label;
  GtkWidget      *metric_box;
  GtkLabel       *target_label;
  GtkLabel       *pill_label;
  GtkWidget      *trend_box;
  ScSparkline    *sparkline;
  GtkImage       *change_7d_image;
  GtkLabel       *change_7d_label;
  GtkImage       *change_30d_image;
  GtkLabel       *change_30d_label;
  GtkWidget      *comparison_box;
  GtkImage       *previous_image;
  GtkLabel       *previous_label;
  GtkImage       *vs_target_image;
  GtkLabel       *vs_target_label;
  GtkWidget      *alert_box;
  GtkImage       *alert_image;
  GtkLabel       *status_label;
  GtkLabel       *detail_label;
};

G_DEFINE_ENUM_TYPE (ScKpiCardStyle, sc_kpi_card_style,
                    G_DEFINE_ENUM_VALUE (SC_KPI_CARD_STYLE_METRIC, "metric"),
                    G_DEFINE_ENUM_VALUE (SC_KPI_CARD_STYLE_TREND, "trend"),
                    G_DEFINE_ENUM_VALUE (SC_KPI_CARD_STYLE_COMPARISON, "comparison"),
                    G_DEFINE_ENUM_VALUE (SC_KPI_CARD_STYLE_ALERT, "alert"))

G_DEFINE_FINAL_TYPE (ScKpiCard, sc_kpi_card, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CARD_STYLE,
  PROP_TITLE,
  PROP_KPI,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const style_classes[] = {
  "kpi-card-metric", "kpi-card-trend", "kpi-card-comparison", "kpi-card-alert",
};
static const char * const tone_classes[] = { "success", "warning", "error" };

/* Auxiliary methods */

static void
remove_classes (GtkWidget          *widget,
                const char * const *classes,
                guint               n_classes)
{
  for (guint i = 0; i < n_classes; i++)
    gtk_widget_remove_css_class (widget, classes[i]);
}

static void
set_band_class (GtkWidget   *widget,
                gboolean     has_band,
                ScScoreBand  band)
{
  for (guint i = SC_SCORE_BAND_EXCELLENT; i <= SC_SCORE_BAND_UNDERPERFORMANCE; i++)
    gtk_widget_remove_css_class (widget, sc_score_band_css_class (i));

  if (has_band)
    gtk_widget_add_css_class (widget, sc_score_band_css_class (band));
}

static void
set_tone_class (GtkWidget  *widget,
                const char *tone)
{
  remove_classes (widget, tone_classes, G_N_ELEMENTS (tone_classes));
  if (tone != NULL)
    gtk_widget_add_css_class (widget, tone);
}

/* "+12.5 %", "−3.0 %": always signed, with a real minus sign. */
static char *
format_signed_percent (double percent)
{
  g_autofree char *number = NULL;
  g_autofree char *text = NULL;

  if (!isfinite (percent))
    return g_strdup ("—");

  number = sc_format_number (fabs (percent), 1);
  /* Translators: a percentage; %s is the number. Same as in sc-format.c. */
  text = g_strdup_printf (C_("percent", "%s\u00A0%%"), number);

  if (g_strcmp0 (number, "0.0") == 0 || strpbrk (number, "123456789") == NULL)
    return g_steal_pointer (&text);

  return g_strconcat (percent > 0.0 ? "+" : "\u2212", text, NULL);
}

/* Shows a change with an arrow, coloured by whether it is good news for a
 * KPI going in @direction.
 */
static void
show_change (GtkImage    *image,
             GtkLabel    *label,
             gboolean     available,
             double       percent,
             ScDirection  direction)
{
  g_autofree char *text = NULL;
  const char *tone = NULL;

  if (!available || !isfinite (percent))
    {
      gtk_label_set_text (label, "—");
      gtk_widget_set_visible (GTK_WIDGET (image), FALSE);
      set_tone_class (GTK_WIDGET (label), NULL);
      set_tone_class (GTK_WIDGET (image), NULL);
      return;
    }

  text = format_signed_percent (percent);
  gtk_label_set_text (label, text);

  if (percent != 0.0)
    {
      gboolean up = percent > 0.0;
      gboolean good = up == (direction == SC_DIRECTION_HIGHER_BETTER);

      gtk_image_set_from_icon_name (image, up ? ICON_TRENDING_UP : ICON_TRENDING_DOWN);
      tone = good ? "success" : "error";
    }

  gtk_widget_set_visible (GTK_WIDGET (image), percent != 0.0);
  set_tone_class (GTK_WIDGET (label), tone);
  set_tone_class (GTK_WIDGET (image), tone);
}

/* The change from @reference to @last as a percentage of @reference. */
static gboolean
percent_change (double  reference,
                double  last,
                double *percent)
{
  if (reference == 0.0 || !isfinite (reference) || !isfinite (last))
    return FALSE;

  *percent = (last - reference) / fabs (reference) * 100.0;

  return TRUE;
}

/* Last value against the latest one recorded at least @days before it. */
static gboolean
history_change_over (ScKpiCard *self,
                     guint      days,
                     double    *percent)
{
  guint last = self->n_history - 1;

  if (self->n_history < 2)
    return FALSE;

  if (self->history_times == NULL)
    {
      /* Without times, one value a day. */
      if (last < days)
        return FALSE;
      return percent_change (self->history_values[last - days],
                             self->history_values[last], percent);
    }

  for (guint i = last; i-- > 0;)
    {
      if (self->history_times[i] <= self->history_times[last] - (gint64)days * SECONDS_PER_DAY)
        return percent_change (self->history_values[i], self->history_values[last], percent);
    }

  return FALSE;
}

static double
latest_value (ScKpiCard *self)
{
  if (self->kpi != NULL)
    return sc_kpi_get_value (self->kpi);
  if (self->n_history > 0)
    return self->history_values[self->n_history - 1];
  return NAN;
}

static ScDirection
card_direction (ScKpiCard *self)
{
  return self->kpi != NULL ? sc_kpi_get_direction (self->kpi) : SC_DIRECTION_HIGHER_BETTER;
}

/* The big number and, apart, a short unit: "1,305" and "INR". */
static void
update_value (ScKpiCard *self)
{
  ScKpi *kpi = self->kpi;
  g_autofree char *value = NULL;
  const char *unit = NULL;
  ScTargetType type;

  if (kpi == NULL)
    {
      gtk_label_set_text (self->value_label,
                          self->metric_value != NULL ? self->metric_value : "—");
      gtk_widget_set_visible (GTK_WIDGET (self->unit_label), FALSE);
      return;
    }

  type = sc_kpi_get_target_type (kpi);

  if (!sc_kpi_has_value (kpi))
    {
      value = g_strdup ("—");
    }
  else
    {
      switch (type)
        {
        case SC_TARGET_TYPE_PERCENT:
          value = sc_format_measure (sc_kpi_get_value (kpi), SC_TARGET_TYPE_NUMBER, NULL);
          unit = "%";
          break;
        case SC_TARGET_TYPE_CURRENCY:
          value = sc_format_number (sc_kpi_get_value (kpi),
                                    sc_currency_decimals (sc_kpi_get_currency (kpi)));
          unit = sc_kpi_get_currency (kpi);
          break;
        case SC_TARGET_TYPE_DURATION:
          value = sc_format_measure (sc_kpi_get_value (kpi), SC_TARGET_TYPE_NUMBER, NULL);
          /* Translators: the unit beside a duration on a KPI card. */
          unit = C_("unit", "hours");
          break;
        case SC_TARGET_TYPE_BOOLEAN:
        case SC_TARGET_TYPE_NUMBER:
        default:
          value = sc_kpi_format_value (kpi);
          break;
        }
    }

  gtk_label_set_text (self->value_label, value);
  gtk_label_set_text (self->unit_label, unit != NULL ? unit : "");
  gtk_widget_set_visible (GTK_WIDGET (self->unit_label), unit != NULL && *unit != '\0');
}

static void
update_metric (ScKpiCard *self)
{
  ScKpi *kpi = self->kpi;
  g_autofree char *target = NULL;
  g_autofree char *target_text = NULL;
  g_autofree char *percent = NULL;
  g_autofree char *pill_name = NULL;

  if (kpi == NULL)
    return;

  target = sc_kpi_format_target (kpi);
  if (sc_kpi_get_direction (kpi) == SC_DIRECTION_LOWER_BETTER)
    /* Translators: on a KPI card; %s is the target with its unit, for a KPI
     * where lower is better.
     */
    target_text = g_strdup_printf (_("Target at most %s"), target);
  else
    /* Translators: on a KPI card; %s is the target with its unit. */
    target_text = g_strdup_printf (_("Target %s"), target);
  gtk_label_set_text (self->target_label, target_text);

  if (!sc_kpi_has_value (kpi))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->pill_label), FALSE);
      return;
    }

  percent = sc_format_percent (sc_kpi_get_achievement (kpi));
  gtk_label_set_text (self->pill_label, percent);
  gtk_widget_set_visible (GTK_WIDGET (self->pill_label), TRUE);
  set_band_class (GTK_WIDGET (self->pill_label), TRUE, sc_kpi_get_score_band (kpi));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->pill_label),
                               sc_score_band_label (sc_kpi_get_score_band (kpi)));

  /* Translators: how a screen reader reads the achievement pill:
   * "87.0 % of target, Good".
   */
  pill_name = g_strdup_printf (_("%1$s of target, %2$s"), percent,
                               sc_score_band_label (sc_kpi_get_score_band (kpi)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->pill_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, pill_name,
                                  -1);
}

static void
update_trend (ScKpiCard *self)
{
  ScDirection direction = card_direction (self);
  double percent = 0.0;
  gboolean available;

  sc_sparkline_set_values (self->sparkline, self->history_values, self->n_history);
  gtk_widget_set_visible (GTK_WIDGET (self->sparkline), self->n_history > 1);
  set_band_class (GTK_WIDGET (self->sparkline),
                  self->kpi != NULL && sc_kpi_has_value (self->kpi),
                  self->kpi != NULL ? sc_kpi_get_score_band (self->kpi) : 0);

  available = history_change_over (self, 7, &percent);
  show_change (self->change_7d_image, self->change_7d_label, available, percent, direction);

  available = history_change_over (self, 30, &percent);
  show_change (self->change_30d_image, self->change_30d_label, available, percent, direction);
}

static void
update_comparison (ScKpiCard *self)
{
  ScDirection direction = card_direction (self);
  double percent = 0.0;
  gboolean available = FALSE;
  double previous;

  if (self->n_history >= 2)
    available = percent_change (self->history_values[self->n_history - 2],
                                self->history_values[self->n_history - 1], &percent);
  else if (self->kpi != NULL && sc_kpi_get_previous_value (self->kpi, &previous))
    /* No history given: the KPI knows the value before its latest. */
    available = percent_change (previous, sc_kpi_get_value (self->kpi), &percent);
  show_change (self->previous_image, self->previous_label, available, percent, direction);

  available = FALSE;
  if (self->kpi != NULL && sc_kpi_has_value (self->kpi) &&
      sc_kpi_get_target_type (self->kpi) != SC_TARGET_TYPE_BOOLEAN)
    available = percent_change (sc_kpi_get_target_value (self->kpi), latest_value (self), &percent);
  show_change (self->vs_target_image, self->vs_target_label, available, percent, direction);
}

static void
update_alert (ScKpiCard *self)
{
  ScKpi *kpi = self->kpi;
  const char *icon;
  const char *status;
  const char *tone;

  if (kpi == NULL)
    {
      gtk_image_set_from_icon_name (self->alert_image,
                                    self->metric_icon != NULL ? self->metric_icon : ICON_ATTENTION);
      gtk_label_set_text (self->status_label,
                          self->metric_value != NULL ? self->metric_value : "—");
      set_tone_class (GTK_WIDGET (self->alert_image), NULL);
      return;
    }

  if (!sc_kpi_has_value (kpi))
    {
      icon = ICON_PENDING;
      status = C_("KPI status", "Awaiting submission");
      tone = NULL;
    }
  else if (sc_kpi_get_score_band (kpi) >= SC_SCORE_BAND_NEEDS_IMPROVEMENT)
    {
      icon = ICON_ATTENTION;
      status = C_("KPI status", "Needs attention");
      tone = sc_kpi_get_score_band (kpi) == SC_SCORE_BAND_UNDERPERFORMANCE ? "error" : "warning";
    }
  else
    {
      icon = ICON_COMPLETED;
      status = C_("KPI status", "On track");
      tone = "success";
    }

  gtk_image_set_from_icon_name (self->alert_image, icon);
  set_tone_class (GTK_WIDGET (self->alert_image), tone);
  gtk_label_set_text (self->status_label, status);
}

static char *
dup_kpi_detail (ScKpiCard *self)
{
  ScKpi *kpi = self->kpi;
  g_autofree char *percent = NULL;
  gint64 submitted;

  switch (self->style)
    {
    case SC_KPI_CARD_STYLE_ALERT:
      if (!sc_kpi_has_value (kpi))
        {
          g_autofree char *target = sc_kpi_format_target (kpi);

          /* Translators: on an alert card; %s is the target with its unit. */
          return g_strdup_printf (_("No value yet · target %s"), target);
        }
      percent = sc_format_percent (sc_kpi_get_achievement (kpi));
      /* Translators: on an alert card: the achievement and the score band,
       * "62.0 % of target · Needs Improvement".
       */
      return g_strdup_printf (_("%1$s of target · %2$s"), percent,
                              sc_score_band_label (sc_kpi_get_score_band (kpi)));

    case SC_KPI_CARD_STYLE_METRIC:
      submitted = sc_kpi_get_last_submitted (kpi);
      if (submitted == 0)
        return NULL;
      {
        g_autofree char *when = sc_time_format_local (submitted, NULL);

        /* Translators: on a KPI card; %s is a date and time. */
        return g_strdup_printf (_("Updated %s"), when);
      }

    case SC_KPI_CARD_STYLE_TREND:
    case SC_KPI_CARD_STYLE_COMPARISON:
    default:
      return NULL;
    }
}

static void
update_accessible (ScKpiCard *self)
{
  const char *title = gtk_label_get_text (self->title_label);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
}

static void
update (ScKpiCard *self)
{
  g_autofree char *detail = NULL;
  const char *title;
  const char *header_icon = NULL;
  gboolean alert = self->style == SC_KPI_CARD_STYLE_ALERT;

  g_assert (SC_IS_KPI_CARD (self));

  title = self->title;
  if (title == NULL && self->kpi != NULL)
    title = sc_kpi_get_name (self->kpi);
  gtk_label_set_text (self->title_label, title != NULL ? title : "");

  gtk_widget_set_visible (self->value_box, !alert);
  gtk_widget_set_visible (self->metric_box,
                          self->style == SC_KPI_CARD_STYLE_METRIC && self->kpi != NULL);
  gtk_widget_set_visible (self->trend_box, self->style == SC_KPI_CARD_STYLE_TREND);
  gtk_widget_set_visible (self->comparison_box, self->style == SC_KPI_CARD_STYLE_COMPARISON);
  gtk_widget_set_visible (self->alert_box, alert);

  update_value (self);

  switch (self->style)
    {
    case SC_KPI_CARD_STYLE_METRIC:
      update_metric (self);
      break;
    case SC_KPI_CARD_STYLE_TREND:
      update_trend (self);
      break;
    case SC_KPI_CARD_STYLE_COMPARISON:
      update_comparison (self);
      break;
    case SC_KPI_CARD_STYLE_ALERT:
    default:
      update_alert (self);
      break;
    }

  if (self->kpi != NULL)
    detail = dup_kpi_detail (self);
  else
    detail = g_strdup (self->metric_detail);
  gtk_label_set_text (self->detail_label, detail != NULL ? detail : "");
  gtk_widget_set_visible (GTK_WIDGET (self->detail_label), detail != NULL && *detail != '\0');

  /* The alert icon stands beside the status; elsewhere the header has it. */
  if (self->kpi == NULL && !alert)
    header_icon = self->metric_icon;
  gtk_image_set_from_icon_name (self->icon_image, header_icon);
  gtk_widget_set_visible (GTK_WIDGET (self->icon_image), header_icon != NULL);

  update_accessible (self);
}

/* Callbacks */

static void
on_kpi_notify_cb (ScKpiCard  *self,
                  GParamSpec *pspec,
                  ScKpi      *kpi)
{
  g_assert (SC_IS_KPI_CARD (self));

  update (self);
}

/* Overrides */

static void
sc_kpi_card_dispose (GObject *object)
{
  ScKpiCard *self = (ScKpiCard *)object;
  GtkWidget *child;

  if (self->kpi_signals != NULL)
    g_signal_group_set_target (self->kpi_signals, NULL);
  g_clear_object (&self->kpi_signals);
  g_clear_object (&self->kpi);

  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_KPI_CARD);

  /* GTK 4.8 leaves the template's children without an id behind. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (sc_kpi_card_parent_class)->dispose (object);
}

static void
sc_kpi_card_finalize (GObject *object)
{
  ScKpiCard *self = (ScKpiCard *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->history_values, g_free);
  g_clear_pointer (&self->history_times, g_free);
  g_clear_pointer (&self->metric_value, g_free);
  g_clear_pointer (&self->metric_detail, g_free);
  g_clear_pointer (&self->metric_icon, g_free);
  g_clear_pointer (&self->metric_class, g_free);

  G_OBJECT_CLASS (sc_kpi_card_parent_class)->finalize (object);
}

static void
sc_kpi_card_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  ScKpiCard *self = SC_KPI_CARD (object);

  switch (prop_id)
    {
    case PROP_CARD_STYLE:
      g_value_set_enum (value, self->style);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_KPI:
      g_value_set_object (value, self->kpi);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_kpi_card_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  ScKpiCard *self = SC_KPI_CARD (object);

  switch (prop_id)
    {
    case PROP_CARD_STYLE:
      sc_kpi_card_set_card_style (self, g_value_get_enum (value));
      break;
    case PROP_TITLE:
      sc_kpi_card_set_title (self, g_value_get_string (value));
      break;
    case PROP_KPI:
      sc_kpi_card_set_kpi (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_kpi_card_class_init (ScKpiCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = sc_kpi_card_dispose;
  object_class->finalize = sc_kpi_card_finalize;
  object_class->get_property = sc_kpi_card_get_property;
  object_class->set_property = sc_kpi_card_set_property;

  properties[PROP_CARD_STYLE] =
    g_param_spec_enum ("card-style", NULL, NULL,
                       SC_TYPE_KPI_CARD_STYLE, SC_KPI_CARD_STYLE_METRIC,
                       flags | G_PARAM_CONSTRUCT);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_KPI] =
    g_param_spec_object ("kpi", NULL, NULL, SC_TYPE_KPI, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SC_TYPE_SPARKLINE);

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "ui/widgets/sc-kpi-card.ui");
  gtk_widget_class_bind_template_child (widget_class, ScKpiCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, ScKpiCard, icon_image);
  gtk_widget_class_bind_template_child (widget_class, ScKpiCard, value_box);
  gtk_widget_class_bind_template_child (widget_class, ScKpiCard, value_label);
  gtk_widget_class_bind_template_child (widget_class, ScKpiCard, unit_label);
  gtk_widget_class_bind_template_child (widget_class, ScKpiCard, metric_box);
  gtk_widget_class_bind_template_child (widget_class, ScKpiCard, target_label);
  gtk_widget_class_bind_template_child (widget_class, ScKpiCard, pill_label);
  gtk_widget_class_bind_template_child (widget_class, ScKpiCard, trend_box);
  gtk_widget_class_bind_template_child (widget_class, ScKpiCard, sparkline);
  gtk_widget_class_bind_template_child (widget_class, ScKpiCard, change_7d_image);
  gtk_widget_class_bind_template_child (widget_class, ScKpiCard, change_7d_label);
  gtk_widget_class_bind_template_child (widget_class, ScKpiCard, change_30d_image);
  gtk_widget_class_bind_template_child (widget_class, ScKpiCard, change_30d_label);
  gtk_widget_class_bind_template_child (widget_class, ScKpiCard, comparison_box);
  gtk_widget_class_bind_template_child (widget_class, ScKpiCard, previous_image);
  gtk_widget_class_bind_template_child (widget_class, ScKpiCard, previous_label);
  gtk_widget_class_bind_template_child (widget_class, ScKpiCard, vs_target_image);
  gtk_widget_class_bind_template_child (widget_class, ScKpiCard, vs_target_label);
  gtk_widget_class_bind_template_child (widget_class, ScKpiCard, alert_box);
  gtk_widget_class_bind_template_child (widget_class, ScKpiCard, alert_image);
  gtk_widget_class_bind_template_child (widget_class, ScKpiCard, status_label);
  gtk_widget_class_bind_template_child (widget_class, ScKpiCard, detail_label);

  gtk_widget_class_set_css_name (widget_class, "kpicard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
sc_kpi_card_init (ScKpiCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_widget_add_css_class (GTK_WIDGET (self), "card");
  gtk_widget_add_css_class (GTK_WIDGET (self), "kpi-card");
  gtk_widget_add_css_class (GTK_WIDGET (self), style_classes[self->style]);

  self->kpi_signals = g_signal_group_new (SC_TYPE_KPI);
  g_signal_group_connect_object (self->kpi_signals, "notify",
                                 G_CALLBACK (on_kpi_notify_cb), self, G_CONNECT_SWAPPED);

  update (self);
}

/* Internal API */

GtkWidget *
_sc_kpi_card_get_part (ScKpiCard     *self,
                       ScKpiCardPart  part)
{
  g_return_val_if_fail (SC_IS_KPI_CARD (self), NULL);

  GtkWidget *parts[] = {
    [SC_KPI_CARD_PART_TITLE] = GTK_WIDGET (self->title_label),
    [SC_KPI_CARD_PART_VALUE] = GTK_WIDGET (self->value_label),
    [SC_KPI_CARD_PART_UNIT] = GTK_WIDGET (self->unit_label),
    [SC_KPI_CARD_PART_DETAIL] = GTK_WIDGET (self->detail_label),
    [SC_KPI_CARD_PART_ICON] = GTK_WIDGET (self->icon_image),
    [SC_KPI_CARD_PART_TARGET] = GTK_WIDGET (self->target_label),
    [SC_KPI_CARD_PART_PILL] = GTK_WIDGET (self->pill_label),
    [SC_KPI_CARD_PART_SPARKLINE] = GTK_WIDGET (self->sparkline),
    [SC_KPI_CARD_PART_CHANGE_7D] = GTK_WIDGET (self->change_7d_label),
    [SC_KPI_CARD_PART_CHANGE_7D_ICON] = GTK_WIDGET (self->change_7d_image),
    [SC_KPI_CARD_PART_CHANGE_30D] = GTK_WIDGET (self->change_30d_label),
    [SC_KPI_CARD_PART_CHANGE_30D_ICON] = GTK_WIDGET (self->change_30d_image),
    [SC_KPI_CARD_PART_PREVIOUS] = GTK_WIDGET (self->previous_label),
    [SC_KPI_CARD_PART_PREVIOUS_ICON] = GTK_WIDGET (self->previous_image),
    [SC_KPI_CARD_PART_VS_TARGET] = GTK_WIDGET (self->vs_target_label),
    [SC_KPI_CARD_PART_VS_TARGET_ICON] = GTK_WIDGET (self->vs_target_image),
    [SC_KPI_CARD_PART_ALERT_ICON] = GTK_WIDGET (self->alert_image),
    [SC_KPI_CARD_PART_STATUS] = GTK_WIDGET (self->status_label),
  };

  g_return_val_if_fail ((guint)part < G_N_ELEMENTS (parts), NULL);

  return parts[part];
}

/* Public API */

GtkWidget *
sc_kpi_card_new (ScKpiCardStyle style)
{
  return g_object_new (SC_TYPE_KPI_CARD, "card-style", style, NULL);
}

ScKpiCardStyle
sc_kpi_card_get_card_style (ScKpiCard *self)
{
  g_return_val_if_fail (SC_IS_KPI_CARD (self), SC_KPI_CARD_STYLE_METRIC);
  return self->style;
}

void
sc_kpi_card_set_card_style (ScKpiCard      *self,
                            ScKpiCardStyle  style)
{
  g_return_if_fail (SC_IS_KPI_CARD (self));
  g_return_if_fail (style <= SC_KPI_CARD_STYLE_ALERT);

  if (self->style == style)
    return;

  gtk_widget_remove_css_class (GTK_WIDGET (self), style_classes[self->style]);
  self->style = style;
  gtk_widget_add_css_class (GTK_WIDGET (self), style_classes[self->style]);

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CARD_STYLE]);
}

const char *
sc_kpi_card_get_title (ScKpiCard *self)
{
  g_return_val_if_fail (SC_IS_KPI_CARD (self), NULL);
  return self->title;
}

/**
 * sc_kpi_card_set_title:
 * @self: a #ScKpiCard
 * @title: (nullable): the title, or %NULL for the KPI's name
 */
void
sc_kpi_card_set_title (ScKpiCard  *self,
                       const char *title)
{
  g_return_if_fail (SC_IS_KPI_CARD (self));

  if (g_strcmp0 (self->title, title) == 0)
    return;

  g_free (self->title);
  self->title = g_strdup (title);

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/**
 * sc_kpi_card_get_kpi:
 * @self: a #ScKpiCard
 *
 * Returns: (transfer none) (nullable): the KPI the card shows
 */
ScKpi *
sc_kpi_card_get_kpi (ScKpiCard *self)
{
  g_return_val_if_fail (SC_IS_KPI_CARD (self), NULL);
  return self->kpi;
}

/**
 * sc_kpi_card_set_kpi:
 * @self: a #ScKpiCard
 * @kpi: (nullable): a KPI
 *
 * Shows @kpi and follows its changes.
 */
void
sc_kpi_card_set_kpi (ScKpiCard *self,
                     ScKpi     *kpi)
{
  g_return_if_fail (SC_IS_KPI_CARD (self));
  g_return_if_fail (kpi == NULL || SC_IS_KPI (kpi));

  if (!g_set_object (&self->kpi, kpi))
    return;

  g_signal_group_set_target (self->kpi_signals, kpi);

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KPI]);
}

/**
 * sc_kpi_card_set_history:
 * @self: a #ScKpiCard
 * @values: (array length=n_values) (nullable): values, oldest first
 * @times: (array length=n_values) (nullable): when each was recorded, in
 *   Unix seconds; %NULL for one value a day
 * @n_values: the number of values
 *
 * Copies the KPI's recent values, for the sparkline, the 7-day and 30-day
 * changes (the last value against the latest one at least that many days
 * older) and the change from the previous period (the value before the last).
 */
void
sc_kpi_card_set_history (ScKpiCard    *self,
                         const double *values,
                         const gint64 *times,
                         guint         n_values)
{
  double *new_values;
  gint64 *new_times;

  g_return_if_fail (SC_IS_KPI_CARD (self));
  g_return_if_fail (values != NULL || n_values == 0);

  /* Copy before freeing, in case the caller passes our own arrays back. */
  new_values = n_values > 0 ? g_memdup2 (values, sizeof (double) * n_values) : NULL;
  new_times = n_values > 0 && times != NULL ? g_memdup2 (times, sizeof (gint64) * n_values) : NULL;

  g_free (self->history_values);
  g_free (self->history_times);
  self->history_values = new_values;
  self->history_times = new_times;
  self->n_history = n_values;

  update (self);
}

/**
 * sc_kpi_card_set_metric:
 * @self: a #ScKpiCard
 * @title: (nullable): the title
 * @value_text: (nullable): the big value, or an alert's count or status
 * @detail_text: (nullable): a line of detail
 * @icon_name: (nullable): an icon for the header, or beside an alert
 * @css_class: (nullable): a style class for the card, such as "score-good"
 *
 * Shows a summary that no single KPI backs, such as "KPIs on target".
 * Drops any KPI the card showed.
 */
void
sc_kpi_card_set_metric (ScKpiCard  *self,
                        const char *title,
                        const char *value_text,
                        const char *detail_text,
                        const char *icon_name,
                        const char *css_class)
{
  g_return_if_fail (SC_IS_KPI_CARD (self));

  g_object_freeze_notify (G_OBJECT (self));

  if (self->metric_class != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self), self->metric_class);

  g_free (self->metric_value);
  self->metric_value = g_strdup (value_text);
  g_free (self->metric_detail);
  self->metric_detail = g_strdup (detail_text);
  g_free (self->metric_icon);
  self->metric_icon = g_strdup (icon_name);
  g_free (self->metric_class);
  self->metric_class = g_strdup (css_class);

  if (css_class != NULL && *css_class != '\0')
    gtk_widget_add_css_class (GTK_WIDGET (self), css_class);

  if (g_set_object (&self->kpi, NULL))
    {
      g_signal_group_set_target (self->kpi_signals, NULL);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KPI]);
    }

  if (g_strcmp0 (self->title, title) != 0)
    {
      g_free (self->title);
      self->title = g_strdup (title);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
    }

  update (self);

  g_object_thaw_notify (G_OBJECT (self));
}
