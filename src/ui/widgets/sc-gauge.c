/* sc-gauge.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-gauge"

#include "config.h"

#include <math.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "sc-enums.h"
#include "sc-format.h"
#include "sc-gauge-private.h"
#include "sc-period.h"
#include "sc-score.h"
#include "sc-widget-palette.h"

#define ANIMATION_DURATION_MS 600

struct _ScGauge
{
  GtkWidget       parent_instance;

  ScGaugeStyle    style;
  double          value;
  double          target;
  ScDirection     direction;
  ScTargetType    target_type;
  char           *currency;
  double          warn_from;
  double          good_from;
  char           *label;
  char           *value_text;
  guint           animate : 1;
  guint           no_value : 1;

  /* Set by sc_gauge_set_kpi() only. */
  ScKpi          *kpi;
  GSignalGroup   *kpi_signals;
  gint64          last_submitted;

  /* Derived from the above in update_derived(). */
  double          scale_min;
  double          scale_max;
  ScZone          zones[3];
  guint           n_zones;
  char           *display_text;
  char           *caption;
  double          achievement;
  ScScoreBand     band;

  ScPaintPalette  palette;

  /* The background layer (track, zones, ticks) as last painted, and what it
   * was painted for: an animation only repaints the foreground. */
  cairo_surface_t *background;
  struct
  {
    int             width;
    int             height;
    int             scale;
    ScGaugeStyle    style;
    double          scale_min;
    double          scale_max;
    ScZone          zones[3];
    guint           n_zones;
    ScPaintPalette  palette;
  } background_key;

  /* The needle or fill moves from anim_from to anim_to; the animations run
   * 0 → 1 so that the spring's epsilon means the same at any scale.
   */
  double          shown_value;
  double          anim_from;
  double          anim_to;
  AdwAnimation   *timed;
  AdwAnimation   *spring;
};

G_DEFINE_ENUM_TYPE (ScGaugeStyle, sc_gauge_style,
                    G_DEFINE_ENUM_VALUE (SC_GAUGE_STYLE_CIRCULAR, "circular"),
                    G_DEFINE_ENUM_VALUE (SC_GAUGE_STYLE_LINEAR, "linear"),
                    G_DEFINE_ENUM_VALUE (SC_GAUGE_STYLE_SPEEDOMETER, "speedometer"),
                    G_DEFINE_ENUM_VALUE (SC_GAUGE_STYLE_THERMOMETER, "thermometer"))

G_DEFINE_FINAL_TYPE (ScGauge, sc_gauge, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STYLE,
  PROP_VALUE,
  PROP_TARGET,
  PROP_DIRECTION,
  PROP_TARGET_TYPE,
  PROP_CURRENCY,
  PROP_WARN_FROM,
  PROP_GOOD_FROM,
  PROP_LABEL,
  PROP_VALUE_TEXT,
  PROP_ANIMATE,
  PROP_SHOWN_VALUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Auxiliary methods */

static void
natural_size_for_style (ScGaugeStyle  style,
                        int          *width,
                        int          *height,
                        int          *min_width,
                        int          *min_height)
{
  switch (style)
    {
    case SC_GAUGE_STYLE_SPEEDOMETER:
      *width = 200, *height = 130, *min_width = 120, *min_height = 80;
      break;
    case SC_GAUGE_STYLE_LINEAR:
      *width = 240, *height = 56, *min_width = 120, *min_height = 40;
      break;
    case SC_GAUGE_STYLE_THERMOMETER:
      /* The value and caption sit beside the tube: nearly square. */
      *width = 168, *height = 160, *min_width = 84, *min_height = 80;
      break;
    case SC_GAUGE_STYLE_CIRCULAR:
    default:
      *width = 160, *height = 160, *min_width = 96, *min_height = 96;
      break;
    }
}

static char *
dup_caption (ScGauge *self)
{
  g_autofree char *target_text = NULL;

  if (self->target_type == SC_TARGET_TYPE_BOOLEAN || !(self->target > 0.0))
    return NULL;

  target_text = sc_format_measure (self->target, self->target_type, self->currency);

  if (self->direction == SC_DIRECTION_LOWER_BETTER)
    /* Translators: under a gauge's value, for a KPI where lower is better;
     * %s is the target with its unit, "at most ₹ 1,500".
     */
    return g_strdup_printf (C_("gauge caption", "at most %s"), target_text);

  /* Translators: under a gauge's value; %s is the target with its unit,
   * "of ₹ 1,500".
   */
  return g_strdup_printf (C_("gauge caption", "of %s"), target_text);
}

static void
update_accessible (ScGauge *self)
{
  g_autofree char *percent = NULL;
  g_autofree char *label = NULL;
  const char *band_label;

  g_assert (SC_IS_GAUGE (self));

  band_label = sc_score_band_label (self->band);

  if (self->no_value)
    {
      if (self->label != NULL)
        /* Translators: the accessible name of a gauge; %s is the KPI name. */
        label = g_strdup_printf (_("%s: no value yet"), self->label);
      else
        label = g_strdup (_("No value yet"));
    }
  else
    {
      percent = sc_format_percent (self->achievement);
      if (self->label != NULL)
        /* Translators: the accessible name of a gauge: KPI name, achievement
         * and score band, "Revenue: 87.0 % of target, Good".
         */
        label = g_strdup_printf (_("%1$s: %2$s of target, %3$s"), self->label, percent, band_label);
      else
        /* Translators: the accessible name of a gauge without a KPI name:
         * achievement and score band, "87.0 % of target, Good".
         */
        label = g_strdup_printf (_("%1$s of target, %2$s"), percent, band_label);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, self->scale_min,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, self->scale_max,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, self->value,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, self->display_text,
                                  -1);
}

/* Everything that depends on the properties but not on the animation. The
 * scale follows the final value, so it stays still while the needle moves.
 */
static void
update_derived (ScGauge *self)
{
  g_assert (SC_IS_GAUGE (self));

  self->n_zones = sc_zones_for_kpi (self->target, self->direction,
                                    self->warn_from, self->good_from,
                                    self->value,
                                    &self->scale_min, &self->scale_max,
                                    self->zones);
  if (!(self->scale_max > self->scale_min))
    {
      self->scale_min = MIN (0.0, self->value);
      self->scale_max = MAX (self->scale_min + 1.0, self->value);
    }

  g_clear_pointer (&self->display_text, g_free);
  if (self->value_text != NULL)
    self->display_text = g_strdup (self->value_text);
  else if (self->no_value)
    self->display_text = g_strdup ("—");
  else
    self->display_text = sc_format_measure (self->value, self->target_type, self->currency);

  g_clear_pointer (&self->caption, g_free);
  self->caption = dup_caption (self);

  self->achievement = sc_score_achievement (self->value, self->target,
                                            self->target_type, self->direction);
  self->band = sc_score_band (self->achievement);

  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_shown_value (ScGauge *self,
                 double   shown_value)
{
  g_assert (SC_IS_GAUGE (self));

  if (self->shown_value == shown_value)
    return;

  self->shown_value = shown_value;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWN_VALUE]);
}

static gboolean
is_playing (AdwAnimation *animation)
{
  return adw_animation_get_state (animation) == ADW_ANIMATION_PLAYING;
}

/* Always from what is on screen, so a new value arriving mid-flight bends
 * the motion instead of making the needle jump back.
 */
static void
animate_to (ScGauge *self,
            double   to)
{
  AdwAnimation *animation;
  AdwAnimation *other;
  double from = self->shown_value;

  g_assert (SC_IS_GAUGE (self));

  if (self->style == SC_GAUGE_STYLE_SPEEDOMETER)
    animation = self->spring, other = self->timed;
  else
    animation = self->timed, other = self->spring;

  self->anim_from = from;
  self->anim_to = to;

  /* Resetting sends 0 to the target, which now means "from": no jump. */
  if (adw_animation_get_state (other) != ADW_ANIMATION_IDLE)
    adw_animation_reset (other);

  if (!self->animate || from == to || !isfinite (from))
    {
      if (adw_animation_get_state (animation) != ADW_ANIMATION_IDLE)
        adw_animation_reset (animation);
      set_shown_value (self, to);
      return;
    }

  /* Skips to the end by itself when unmapped or with animations off. */
  adw_animation_play (animation);
}

static void
apply_kpi (ScGauge *self)
{
  ScKpi *kpi = self->kpi;

  g_assert (SC_IS_GAUGE (self));

  if (kpi == NULL)
    {
      self->last_submitted = 0;
      if (self->no_value)
        {
          self->no_value = FALSE;
          update_derived (self);
        }
      return;
    }

  g_object_freeze_notify (G_OBJECT (self));

  self->last_submitted = sc_kpi_get_last_submitted (kpi);
  self->no_value = !sc_kpi_has_value (kpi);

  sc_gauge_set_label (self, sc_kpi_get_name (kpi));
  sc_gauge_set_target_type (self, sc_kpi_get_target_type (kpi));
  sc_gauge_set_currency (self, sc_kpi_get_currency (kpi));
  sc_gauge_set_direction (self, sc_kpi_get_direction (kpi));
  sc_gauge_set_target (self, sc_kpi_get_target_value (kpi));
  sc_gauge_set_warn_from (self, sc_kpi_get_warn_from (kpi));
  sc_gauge_set_good_from (self, sc_kpi_get_good_from (kpi));
  sc_gauge_set_value (self, sc_kpi_get_value (kpi));

  /* no_value and last_submitted have no property of their own. */
  update_derived (self);

  g_object_thaw_notify (G_OBJECT (self));
}

/* Callbacks */

static void
on_animation_value_cb (double   progress,
                       gpointer user_data)
{
  ScGauge *self = user_data;

  g_assert (SC_IS_GAUGE (self));

  set_shown_value (self, adw_lerp (self->anim_from, self->anim_to, progress));
}

static void
on_animation_done_cb (ScGauge      *self,
                      AdwAnimation *animation)
{
  g_assert (SC_IS_GAUGE (self));

  /* A spring stops within epsilon of 1; land exactly. */
  set_shown_value (self, self->anim_to);
}

static void
on_kpi_notify_cb (ScGauge    *self,
                  GParamSpec *pspec,
                  ScKpi      *kpi)
{
  g_assert (SC_IS_GAUGE (self));

  apply_kpi (self);
}

/* Overrides */

static void
sc_gauge_measure (GtkWidget      *widget,
                  GtkOrientation  orientation,
                  int             for_size,
                  int            *minimum,
                  int            *natural,
                  int            *minimum_baseline,
                  int            *natural_baseline)
{
  ScGauge *self = SC_GAUGE (widget);
  int width, height, min_width, min_height;

  natural_size_for_style (self->style, &width, &height, &min_width, &min_height);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = min_width, *natural = width;
  else
    *minimum = min_height, *natural = height;
}

static gboolean
background_is_current (ScGauge           *self,
                       const ScGaugeSpec *spec,
                       int                width,
                       int                height,
                       int                scale)
{
  return self->background != NULL &&
         self->background_key.width == width &&
         self->background_key.height == height &&
         self->background_key.scale == scale &&
         self->background_key.style == spec->style &&
         self->background_key.scale_min == spec->scale_min &&
         self->background_key.scale_max == spec->scale_max &&
         self->background_key.n_zones == spec->n_zones &&
         memcmp (self->background_key.zones, spec->zones,
                 spec->n_zones * sizeof (ScZone)) == 0 &&
         memcmp (&self->background_key.palette, spec->palette, sizeof (ScPaintPalette)) == 0;
}

/* Paints the layer that does not move with the value into an image, at the
 * display's scale, so that frames of an animation only paint the rest. */
static void
update_background (ScGauge     *self,
                   ScGaugeSpec *spec,
                   int          width,
                   int          height,
                   int          scale)
{
  cairo_t *cr;

  if (background_is_current (self, spec, width, height, scale))
    return;

  g_clear_pointer (&self->background, cairo_surface_destroy);

  /* An image surface, not a GdkTexture: cairo composites it in one
   * operation, where the cairo renderer would convert a texture's pixels on
   * every frame. */
  self->background = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                 width * scale, height * scale);
  cairo_surface_set_device_scale (self->background, scale, scale);
  cr = cairo_create (self->background);
  spec->layers = SC_GAUGE_LAYERS_BACKGROUND;
  sc_gauge_paint (cr, width, height, spec);
  cairo_destroy (cr);

  self->background_key.width = width;
  self->background_key.height = height;
  self->background_key.scale = scale;
  self->background_key.style = spec->style;
  self->background_key.scale_min = spec->scale_min;
  self->background_key.scale_max = spec->scale_max;
  self->background_key.n_zones = MIN (spec->n_zones, G_N_ELEMENTS (self->background_key.zones));
  memcpy (self->background_key.zones, spec->zones,
          self->background_key.n_zones * sizeof (ScZone));
  self->background_key.palette = *spec->palette;
}

static void
sc_gauge_snapshot (GtkWidget   *widget,
                   GtkSnapshot *snapshot)
{
  ScGauge *self = SC_GAUGE (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int scale = gtk_widget_get_scale_factor (widget);
  ScGaugeSpec spec;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  _sc_gauge_get_spec (self, &spec);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  if (spec.n_zones <= G_N_ELEMENTS (self->background_key.zones))
    {
      update_background (self, &spec, width, height, scale);
      cairo_set_source_surface (cr, self->background, 0, 0);
      cairo_paint (cr);
      spec.layers = SC_GAUGE_LAYERS_FOREGROUND;
    }
  else
    spec.layers = SC_GAUGE_LAYERS_ALL;

  sc_gauge_paint (cr, width, height, &spec);
  cairo_destroy (cr);
}

static void
sc_gauge_css_changed (GtkWidget         *widget,
                      GtkCssStyleChange *change)
{
  ScGauge *self = SC_GAUGE (widget);

  GTK_WIDGET_CLASS (sc_gauge_parent_class)->css_changed (widget, change);

  _sc_widget_resolve_palette (widget, &self->palette);
  gtk_widget_queue_draw (widget);
}

static gboolean
sc_gauge_query_tooltip (GtkWidget  *widget,
                        int         x,
                        int         y,
                        gboolean    keyboard_tooltip,
                        GtkTooltip *tooltip)
{
  g_autofree char *markup = _sc_gauge_dup_tooltip_text (SC_GAUGE (widget));

  gtk_tooltip_set_markup (tooltip, markup);

  return TRUE;
}

static void
sc_gauge_dispose (GObject *object)
{
  ScGauge *self = (ScGauge *)object;

  if (self->kpi_signals != NULL)
    g_signal_group_set_target (self->kpi_signals, NULL);
  g_clear_object (&self->kpi_signals);
  g_clear_object (&self->kpi);

  /* A playing animation holds a reference on itself; let it go now. */
  if (self->timed != NULL && is_playing (self->timed))
    adw_animation_skip (self->timed);
  if (self->spring != NULL && is_playing (self->spring))
    adw_animation_skip (self->spring);
  g_clear_object (&self->timed);
  g_clear_pointer (&self->background, cairo_surface_destroy);
  g_clear_object (&self->spring);

  G_OBJECT_CLASS (sc_gauge_parent_class)->dispose (object);
}

static void
sc_gauge_finalize (GObject *object)
{
  ScGauge *self = (ScGauge *)object;

  g_clear_pointer (&self->currency, g_free);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->value_text, g_free);
  g_clear_pointer (&self->display_text, g_free);
  g_clear_pointer (&self->caption, g_free);

  G_OBJECT_CLASS (sc_gauge_parent_class)->finalize (object);
}

static void
sc_gauge_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  ScGauge *self = SC_GAUGE (object);

  switch (prop_id)
    {
    case PROP_STYLE:
      g_value_set_enum (value, self->style);
      break;
    case PROP_VALUE:
      g_value_set_double (value, self->value);
      break;
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
    case PROP_VALUE_TEXT:
      g_value_set_string (value, self->value_text);
      break;
    case PROP_ANIMATE:
      g_value_set_boolean (value, self->animate);
      break;
    case PROP_SHOWN_VALUE:
      g_value_set_double (value, self->shown_value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_gauge_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  ScGauge *self = SC_GAUGE (object);

  switch (prop_id)
    {
    case PROP_STYLE:
      sc_gauge_set_style (self, g_value_get_enum (value));
      break;
    case PROP_VALUE:
      sc_gauge_set_value (self, g_value_get_double (value));
      break;
    case PROP_TARGET:
      sc_gauge_set_target (self, g_value_get_double (value));
      break;
    case PROP_DIRECTION:
      sc_gauge_set_direction (self, g_value_get_enum (value));
      break;
    case PROP_TARGET_TYPE:
      sc_gauge_set_target_type (self, g_value_get_enum (value));
      break;
    case PROP_CURRENCY:
      sc_gauge_set_currency (self, g_value_get_string (value));
      break;
    case PROP_WARN_FROM:
      sc_gauge_set_warn_from (self, g_value_get_double (value));
      break;
    case PROP_GOOD_FROM:
      sc_gauge_set_good_from (self, g_value_get_double (value));
      break;
    case PROP_LABEL:
      sc_gauge_set_label (self, g_value_get_string (value));
      break;
    case PROP_VALUE_TEXT:
      sc_gauge_set_value_text (self, g_value_get_string (value));
      break;
    case PROP_ANIMATE:
      sc_gauge_set_animate (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_gauge_class_init (ScGaugeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = sc_gauge_dispose;
  object_class->finalize = sc_gauge_finalize;
  object_class->get_property = sc_gauge_get_property;
  object_class->set_property = sc_gauge_set_property;

  widget_class->measure = sc_gauge_measure;
  widget_class->snapshot = sc_gauge_snapshot;
  widget_class->css_changed = sc_gauge_css_changed;
  widget_class->query_tooltip = sc_gauge_query_tooltip;

  properties[PROP_STYLE] =
    g_param_spec_enum ("style", NULL, NULL,
                       SC_TYPE_GAUGE_STYLE, SC_GAUGE_STYLE_CIRCULAR,
                       flags | G_PARAM_CONSTRUCT);
  properties[PROP_VALUE] =
    g_param_spec_double ("value", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0, flags);
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
  properties[PROP_VALUE_TEXT] =
    g_param_spec_string ("value-text", NULL, NULL, NULL, flags);
  properties[PROP_ANIMATE] =
    g_param_spec_boolean ("animate", NULL, NULL, TRUE, flags);
  properties[PROP_SHOWN_VALUE] =
    g_param_spec_double ("shown-value", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "gauge");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_METER);
}

static void
sc_gauge_init (ScGauge *self)
{
  AdwAnimationTarget *target;

  self->style = SC_GAUGE_STYLE_CIRCULAR;
  sc_paint_palette_init_light (&self->palette);
  self->warn_from = SC_ZONE_DEFAULT_WARN_FROM;
  self->good_from = SC_ZONE_DEFAULT_GOOD_FROM;
  self->animate = TRUE;
  self->anim_to = 0.0;

  target = adw_callback_animation_target_new (on_animation_value_cb, self, NULL);
  self->timed = adw_timed_animation_new (GTK_WIDGET (self), 0.0, 1.0,
                                        ANIMATION_DURATION_MS, target);
  adw_timed_animation_set_easing (ADW_TIMED_ANIMATION (self->timed), ADW_EASE_OUT_CUBIC);
  g_signal_connect_object (self->timed, "done", G_CALLBACK (on_animation_done_cb), self,
                           G_CONNECT_SWAPPED);

  /* Slightly under-damped: the needle swings a little past the value and
   * settles, like a real one, in about the time the timed animation takes.
   */
  target = adw_callback_animation_target_new (on_animation_value_cb, self, NULL);
  self->spring = adw_spring_animation_new (GTK_WIDGET (self), 0.0, 1.0,
                                           adw_spring_params_new (0.62, 1.0, 110.0),
                                           target);
  adw_spring_animation_set_epsilon (ADW_SPRING_ANIMATION (self->spring), 0.002);
  g_signal_connect_object (self->spring, "done", G_CALLBACK (on_animation_done_cb), self,
                           G_CONNECT_SWAPPED);

  self->kpi_signals = g_signal_group_new (SC_TYPE_KPI);
  g_signal_group_connect_object (self->kpi_signals, "notify",
                                 G_CALLBACK (on_kpi_notify_cb), self, G_CONNECT_SWAPPED);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);

  update_derived (self);
}

/* Internal API */

void
_sc_gauge_get_spec (ScGauge     *self,
                    ScGaugeSpec *spec)
{
  g_return_if_fail (SC_IS_GAUGE (self));
  g_return_if_fail (spec != NULL);

  memset (spec, 0, sizeof *spec);
  spec->style = self->style;
  spec->scale_min = self->scale_min;
  spec->scale_max = self->scale_max;
  spec->value = self->shown_value;
  spec->target = self->target;
  spec->show_target = self->target > 0.0 && self->target_type != SC_TARGET_TYPE_BOOLEAN;
  spec->zones = self->zones;
  spec->n_zones = self->n_zones;
  spec->value_text = self->display_text;
  spec->caption = self->caption;
  /* Keep the mark while a spring swings back below the end of the scale. */
  spec->overshoot = self->value > self->scale_max;
  spec->palette = &self->palette;
  spec->font_family = _sc_widget_get_font_family (GTK_WIDGET (self));
}

const ScPaintPalette *
_sc_gauge_get_palette (ScGauge *self)
{
  g_return_val_if_fail (SC_IS_GAUGE (self), NULL);

  return &self->palette;
}

char *
_sc_gauge_dup_tooltip_text (ScGauge *self)
{
  g_autoptr(GString) text = NULL;
  g_autofree char *target = NULL;
  g_autofree char *percent = NULL;
  g_autofree char *body = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (SC_IS_GAUGE (self), NULL);

  text = g_string_new (NULL);

  /* Translators: a line in a gauge's tooltip; %s is the value with its unit. */
  g_string_append_printf (text, _("Value: %s"), self->display_text);

  if (self->target_type != SC_TARGET_TYPE_BOOLEAN)
    {
      target = sc_format_measure (self->target, self->target_type, self->currency);
      g_string_append_c (text, '\n');
      if (self->direction == SC_DIRECTION_LOWER_BETTER)
        /* Translators: a line in a gauge's tooltip; %s is the target with its
         * unit, for a KPI where lower is better.
         */
        g_string_append_printf (text, _("Target: at most %s"), target);
      else
        /* Translators: a line in a gauge's tooltip; %s is the target with its unit. */
        g_string_append_printf (text, _("Target: %s"), target);
    }

  if (!self->no_value)
    {
      percent = sc_format_percent (self->achievement);
      g_string_append_c (text, '\n');
      /* Translators: a line in a gauge's tooltip; %1$s is the achievement
       * ("87.0 %"), %2$s the score band ("Good").
       */
      g_string_append_printf (text, _("Achievement: %1$s (%2$s)"),
                              percent, sc_score_band_label (self->band));
    }

  if (self->last_submitted != 0)
    {
      g_autofree char *when = sc_time_format_local (self->last_submitted, NULL);

      g_string_append_c (text, '\n');
      /* Translators: a line in a gauge's tooltip; %s is a date and time. */
      g_string_append_printf (text, _("Last submitted: %s"), when);
    }

  /* Names and units come from users and currencies: escape them all. */
  body = g_markup_escape_text (text->str, -1);
  if (self->label == NULL)
    return g_steal_pointer (&body);

  name = g_markup_escape_text (self->label, -1);

  return g_strdup_printf ("<b>%s</b>\n%s", name, body);
}

/* Public API */

GtkWidget *
sc_gauge_new (ScGaugeStyle style)
{
  return g_object_new (SC_TYPE_GAUGE, "style", style, NULL);
}

ScGaugeStyle
sc_gauge_get_style (ScGauge *self)
{
  g_return_val_if_fail (SC_IS_GAUGE (self), SC_GAUGE_STYLE_CIRCULAR);
  return self->style;
}

void
sc_gauge_set_style (ScGauge      *self,
                    ScGaugeStyle  style)
{
  gboolean playing;

  g_return_if_fail (SC_IS_GAUGE (self));
  g_return_if_fail (style <= SC_GAUGE_STYLE_THERMOMETER);

  if (self->style == style)
    return;

  playing = is_playing (self->timed) || is_playing (self->spring);
  self->style = style;

  /* The other kind of animation takes over from wherever this one is. */
  if (playing)
    animate_to (self, self->anim_to);

  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STYLE]);
}

double
sc_gauge_get_value (ScGauge *self)
{
  g_return_val_if_fail (SC_IS_GAUGE (self), 0.0);
  return self->value;
}

/**
 * sc_gauge_set_value:
 * @self: a #ScGauge
 * @value: the new value
 *
 * Sets the value and, when #ScGauge:animate is set and the gauge is mapped,
 * moves the fill or needle from where it is shown now to @value.
 */
void
sc_gauge_set_value (ScGauge *self,
                    double   value)
{
  g_return_if_fail (SC_IS_GAUGE (self));
  g_return_if_fail (isfinite (value));

  if (self->value == value)
    return;

  self->value = value;
  update_derived (self);
  animate_to (self, value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

double
sc_gauge_get_target (ScGauge *self)
{
  g_return_val_if_fail (SC_IS_GAUGE (self), 0.0);
  return self->target;
}

void
sc_gauge_set_target (ScGauge *self,
                     double   target)
{
  g_return_if_fail (SC_IS_GAUGE (self));
  g_return_if_fail (isfinite (target));

  if (self->target == target)
    return;

  self->target = target;
  update_derived (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET]);
}

ScDirection
sc_gauge_get_direction (ScGauge *self)
{
  g_return_val_if_fail (SC_IS_GAUGE (self), SC_DIRECTION_HIGHER_BETTER);
  return self->direction;
}

void
sc_gauge_set_direction (ScGauge     *self,
                        ScDirection  direction)
{
  g_return_if_fail (SC_IS_GAUGE (self));

  if (self->direction == direction)
    return;

  self->direction = direction;
  update_derived (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRECTION]);
}

ScTargetType
sc_gauge_get_target_type (ScGauge *self)
{
  g_return_val_if_fail (SC_IS_GAUGE (self), SC_TARGET_TYPE_NUMBER);
  return self->target_type;
}

void
sc_gauge_set_target_type (ScGauge      *self,
                          ScTargetType  target_type)
{
  g_return_if_fail (SC_IS_GAUGE (self));

  if (self->target_type == target_type)
    return;

  self->target_type = target_type;
  update_derived (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET_TYPE]);
}

const char *
sc_gauge_get_currency (ScGauge *self)
{
  g_return_val_if_fail (SC_IS_GAUGE (self), NULL);
  return self->currency;
}

void
sc_gauge_set_currency (ScGauge    *self,
                       const char *currency)
{
  g_return_if_fail (SC_IS_GAUGE (self));

  if (g_strcmp0 (self->currency, currency) == 0)
    return;

  g_free (self->currency);
  self->currency = g_strdup (currency);
  update_derived (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENCY]);
}

double
sc_gauge_get_warn_from (ScGauge *self)
{
  g_return_val_if_fail (SC_IS_GAUGE (self), SC_ZONE_DEFAULT_WARN_FROM);
  return self->warn_from;
}

void
sc_gauge_set_warn_from (ScGauge *self,
                        double   warn_from)
{
  g_return_if_fail (SC_IS_GAUGE (self));

  if (self->warn_from == warn_from)
    return;

  self->warn_from = warn_from;
  update_derived (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WARN_FROM]);
}

double
sc_gauge_get_good_from (ScGauge *self)
{
  g_return_val_if_fail (SC_IS_GAUGE (self), SC_ZONE_DEFAULT_GOOD_FROM);
  return self->good_from;
}

void
sc_gauge_set_good_from (ScGauge *self,
                        double   good_from)
{
  g_return_if_fail (SC_IS_GAUGE (self));

  if (self->good_from == good_from)
    return;

  self->good_from = good_from;
  update_derived (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GOOD_FROM]);
}

const char *
sc_gauge_get_label (ScGauge *self)
{
  g_return_val_if_fail (SC_IS_GAUGE (self), NULL);
  return self->label;
}

/**
 * sc_gauge_set_label:
 * @self: a #ScGauge
 * @label: (nullable): the KPI name
 *
 * Sets what the gauge measures, for its accessible name and tooltip.
 */
void
sc_gauge_set_label (ScGauge    *self,
                    const char *label)
{
  g_return_if_fail (SC_IS_GAUGE (self));

  if (g_strcmp0 (self->label, label) == 0)
    return;

  g_free (self->label);
  self->label = g_strdup (label);
  update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

const char *
sc_gauge_get_value_text (ScGauge *self)
{
  g_return_val_if_fail (SC_IS_GAUGE (self), NULL);
  return self->value_text;
}

/**
 * sc_gauge_set_value_text:
 * @self: a #ScGauge
 * @value_text: (nullable): what to show instead of the formatted value
 */
void
sc_gauge_set_value_text (ScGauge    *self,
                         const char *value_text)
{
  g_return_if_fail (SC_IS_GAUGE (self));

  if (g_strcmp0 (self->value_text, value_text) == 0)
    return;

  g_free (self->value_text);
  self->value_text = g_strdup (value_text);
  update_derived (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE_TEXT]);
}

gboolean
sc_gauge_get_animate (ScGauge *self)
{
  g_return_val_if_fail (SC_IS_GAUGE (self), FALSE);
  return self->animate;
}

void
sc_gauge_set_animate (ScGauge  *self,
                      gboolean  animate)
{
  g_return_if_fail (SC_IS_GAUGE (self));

  animate = !!animate;
  if (self->animate == animate)
    return;

  self->animate = animate;
  if (!animate)
    sc_gauge_skip_animation (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANIMATE]);
}

/**
 * sc_gauge_get_shown_value:
 * @self: a #ScGauge
 *
 * Returns: the value the fill or needle shows now, which trails
 *   #ScGauge:value while an animation runs
 */
double
sc_gauge_get_shown_value (ScGauge *self)
{
  g_return_val_if_fail (SC_IS_GAUGE (self), 0.0);
  return self->shown_value;
}

/**
 * sc_gauge_set_kpi:
 * @self: a #ScGauge
 * @kpi: (nullable): a KPI
 *
 * Takes value, target, direction, unit and name from @kpi, and follows its
 * changes. Value changes animate from what is shown.
 */
void
sc_gauge_set_kpi (ScGauge *self,
                  ScKpi   *kpi)
{
  g_return_if_fail (SC_IS_GAUGE (self));
  g_return_if_fail (kpi == NULL || SC_IS_KPI (kpi));

  if (g_set_object (&self->kpi, kpi))
    g_signal_group_set_target (self->kpi_signals, kpi);

  apply_kpi (self);
}

/**
 * sc_gauge_skip_animation:
 * @self: a #ScGauge
 *
 * Finishes a running animation at once, so #ScGauge:shown-value equals
 * #ScGauge:value.
 */
void
sc_gauge_skip_animation (ScGauge *self)
{
  g_return_if_fail (SC_IS_GAUGE (self));

  if (is_playing (self->timed))
    adw_animation_skip (self->timed);
  if (is_playing (self->spring))
    adw_animation_skip (self->spring);

  self->anim_to = self->value;
  set_shown_value (self, self->value);
}
