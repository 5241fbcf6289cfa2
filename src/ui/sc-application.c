/* sc-application.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-application"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-alert-monitor.h"
#include "sc-application-private.h"
#include "sc-window.h"

struct _ScApplication
{
  AdwApplication  parent_instance;

  ScContext      *context;
  ScAlertMonitor *alert_monitor;
  char           *store_path;
  gint64          started_at;
  gboolean        bench_startup;
};

G_DEFINE_FINAL_TYPE (ScApplication, sc_application, ADW_TYPE_APPLICATION)

/* Auxiliary methods */

static GSettings *
create_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);

  if (schema == NULL)
    {
      /* Running from the build tree without the schema installed. */
      g_message ("The settings schema %s is not installed; window size and filters "
                 "will not be remembered", APP_ID);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}

static char *
settings_store_path (GSettings *settings)
{
  g_autofree char *path = NULL;

  if (settings == NULL)
    return NULL;

  path = g_settings_get_string (settings, "store-path");

  return path != NULL && *path != '\0' ? g_steal_pointer (&path) : NULL;
}

/* Overrides */

static int
sc_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  ScApplication *self = SC_APPLICATION (app);
  const char *store = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_lookup (options, "store", "^&ay", &store))
    self->store_path = g_canonicalize_filename (store, NULL);

  if (g_variant_dict_contains (options, "bench-startup"))
    {
      self->bench_startup = TRUE;
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
    }

  /* A store named on the command line gets its own instance, so that the
   * demo store and the real one can be open side by side. */
  if (self->store_path != NULL)
    g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);

  return -1;
}

static void
sc_application_activate (GApplication *app)
{
  ScApplication *self = SC_APPLICATION (app);
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(ScStoreThread) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  GtkWindow *window;

  if ((window = gtk_application_get_active_window (GTK_APPLICATION (app))) != NULL)
    {
      gtk_window_present (window);
      return;
    }

  settings = create_settings ();
  if (settings != NULL)
    {
      g_autofree char *scheme = g_settings_get_string (settings, "color-scheme");
      AdwColorScheme value = ADW_COLOR_SCHEME_DEFAULT;

      if (g_strcmp0 (scheme, "light") == 0)
        value = ADW_COLOR_SCHEME_FORCE_LIGHT;
      else if (g_strcmp0 (scheme, "dark") == 0)
        value = ADW_COLOR_SCHEME_FORCE_DARK;
      adw_style_manager_set_color_scheme (adw_style_manager_get_default (), value);
    }

  path = self->store_path != NULL ? g_strdup (self->store_path) : settings_store_path (settings);
  store = sc_store_thread_new (path, &error);

  if (store != NULL)
    {
      self->context = sc_context_new (store, settings);
      sc_context_reload (self->context);
      if (!self->bench_startup)
        {
          sc_sync_scheduler_start (sc_context_get_sync (self->context));
          self->alert_monitor = sc_alert_monitor_new (store, app);
        }
    }

  window = GTK_WINDOW (sc_window_new (self, self->context, error));
  gtk_window_present (window);
}

static void
sc_application_startup (GApplication *app)
{
  ScApplication *self = SC_APPLICATION (app);

  G_APPLICATION_CLASS (sc_application_parent_class)->startup (app);

  _sc_application_install_actions (self);
}

static void
sc_application_finalize (GObject *object)
{
  ScApplication *self = (ScApplication *)object;

  g_clear_object (&self->alert_monitor);
  g_clear_object (&self->context);
  g_clear_pointer (&self->store_path, g_free);

  G_OBJECT_CLASS (sc_application_parent_class)->finalize (object);
}

static void
sc_application_class_init (ScApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = sc_application_finalize;

  app_class->activate = sc_application_activate;
  app_class->startup = sc_application_startup;
  app_class->handle_local_options = sc_application_handle_local_options;
}

static void
sc_application_init (ScApplication *self)
{
  static const GOptionEntry entries[] = {
    { "store", 's', 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Open this store instead of the default one"), N_("PATH") },
    { "bench-startup", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Print the time to the first drawn dashboard and the memory used, then quit"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("KPIs from Odoo at a glance, online or offline."));
}

/* Public API */

ScApplication *
sc_application_new (gint64 started_at)
{
  ScApplication *self;

  self = g_object_new (SC_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/scorecard_kpi/Scorecard",
                       NULL);
  self->started_at = started_at;

  return self;
}

/**
 * sc_application_get_context:
 * @self: a #ScApplication
 *
 * Returns: (transfer none) (nullable): the context, or %NULL when the store
 *   could not be opened
 */
ScContext *
sc_application_get_context (ScApplication *self)
{
  g_return_val_if_fail (SC_IS_APPLICATION (self), NULL);

  return self->context;
}

gboolean
sc_application_get_bench_startup (ScApplication *self)
{
  g_return_val_if_fail (SC_IS_APPLICATION (self), FALSE);

  return self->bench_startup;
}

gint64
sc_application_get_started_at (ScApplication *self)
{
  g_return_val_if_fail (SC_IS_APPLICATION (self), 0);

  return self->started_at;
}
