/* sc-preferences-window.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-odoo-preferences-page.h"
#include "sc-preferences-window.h"

struct _ScPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  ScContext            *context;
  AdwComboRow          *gauge_row;
  AdwComboRow          *scheme_row;
};

G_DEFINE_FINAL_TYPE (ScPreferencesWindow, sc_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static const char *gauge_styles[] = { "circular", "linear", "speedometer", "thermometer" };
static const char *schemes[] = { "default", "light", "dark" };

static guint
index_of (const char * const *keys,
          guint               n_keys,
          const char         *key)
{
  for (guint i = 0; i < n_keys; i++)
    if (g_strcmp0 (keys[i], key) == 0)
      return i;

  return 0;
}

static void
on_gauge_selected_cb (ScPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->gauge_row);
  GSettings *settings = sc_context_get_settings (self->context);

  if (settings != NULL && selected < G_N_ELEMENTS (gauge_styles))
    g_settings_set_string (settings, "gauge-style", gauge_styles[selected]);
}

static void
on_scheme_selected_cb (ScPreferencesWindow *self)
{
  static const AdwColorScheme values[] = {
    ADW_COLOR_SCHEME_DEFAULT, ADW_COLOR_SCHEME_FORCE_LIGHT, ADW_COLOR_SCHEME_FORCE_DARK,
  };
  guint selected = adw_combo_row_get_selected (self->scheme_row);
  GSettings *settings = sc_context_get_settings (self->context);

  if (selected >= G_N_ELEMENTS (values))
    return;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), values[selected]);
  if (settings != NULL)
    g_settings_set_string (settings, "color-scheme", schemes[selected]);
}

static GtkWidget *
combo_row (const char         *title,
           const char         *subtitle,
           const char * const *labels)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new (labels);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));

  return row;
}

static void
build (ScPreferencesWindow *self)
{
  GSettings *settings = sc_context_get_settings (self->context);
  const char *gauge_labels[] = {
    _("Circular"), _("Linear"), _("Speedometer"), _("Thermometer"), NULL
  };
  const char *scheme_labels[] = { _("Follow System"), _("Light"), _("Dark"), NULL };
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *appearance = adw_preferences_group_new ();
  GtkWidget *store = adw_preferences_group_new ();
  GtkWidget *location = adw_action_row_new ();

  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), _("General"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (page), "preferences-system-symbolic");

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (appearance), _("Appearance"));
  self->gauge_row = ADW_COMBO_ROW (combo_row (_("Gauge Style"),
                                              _("How dashboard tiles draw their KPI"),
                                              gauge_labels));
  self->scheme_row = ADW_COMBO_ROW (combo_row (_("Style"), _("Light or dark colours"),
                                               scheme_labels));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (appearance), GTK_WIDGET (self->gauge_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (appearance), GTK_WIDGET (self->scheme_row));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (store), _("Store"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (store),
                                         _("KPIs are kept in this file, so they can be read "
                                           "offline. Open another with “scorecard --store PATH”."));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (location), _("Location"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (location),
                               sc_store_thread_get_path (sc_context_get_store (self->context)));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (store), location);

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (appearance));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (store));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (page));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (sc_odoo_preferences_page_new (self->context)));

  if (settings != NULL)
    {
      g_autofree char *style = g_settings_get_string (settings, "gauge-style");
      g_autofree char *scheme = g_settings_get_string (settings, "color-scheme");

      adw_combo_row_set_selected (self->gauge_row,
                                  index_of (gauge_styles, G_N_ELEMENTS (gauge_styles), style));
      adw_combo_row_set_selected (self->scheme_row,
                                  index_of (schemes, G_N_ELEMENTS (schemes), scheme));
    }
  else
    gtk_widget_set_sensitive (GTK_WIDGET (self->gauge_row), FALSE);

  g_signal_connect_swapped (self->gauge_row, "notify::selected",
                            G_CALLBACK (on_gauge_selected_cb), self);
  g_signal_connect_swapped (self->scheme_row, "notify::selected",
                            G_CALLBACK (on_scheme_selected_cb), self);
}

static void
sc_preferences_window_finalize (GObject *object)
{
  ScPreferencesWindow *self = (ScPreferencesWindow *)object;

  g_clear_object (&self->context);

  G_OBJECT_CLASS (sc_preferences_window_parent_class)->finalize (object);
}

static void
sc_preferences_window_class_init (ScPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sc_preferences_window_finalize;
}

static void
sc_preferences_window_init (ScPreferencesWindow *self)
{
  gtk_window_set_default_size (GTK_WINDOW (self), 600, 640);
}

GtkWidget *
sc_preferences_window_new (ScContext *context)
{
  ScPreferencesWindow *self;

  g_return_val_if_fail (SC_IS_CONTEXT (context), NULL);

  self = g_object_new (SC_TYPE_PREFERENCES_WINDOW, "modal", TRUE, NULL);
  self->context = g_object_ref (context);
  build (self);

  return GTK_WIDGET (self);
}
