/* sc-application-actions.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-application"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-application-private.h"
#include "sc-preferences-window.h"
#include "sc-window.h"

/* The context of the window in front: each window may show its own store. */
static ScContext *
active_context (ScApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (SC_IS_WINDOW (window) && sc_window_get_context (SC_WINDOW (window)) != NULL)
    return sc_window_get_context (SC_WINDOW (window));

  return sc_application_get_context (self);
}

static void
sc_application_about (GSimpleAction *action,
                      GVariant      *param,
                      gpointer       user_data)
{
  ScApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *developers[] = { "The Scorecard developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "application-name", _("Scorecard"),
                        "application-icon", APP_ID,
                        "developer-name", _("The Scorecard developers"),
                        "developers", developers,
                        "version", PACKAGE_VERSION,
                        "website", "https://github.com/scorecard-kpi/scorecard",
                        "issue-url", "https://github.com/scorecard-kpi/scorecard/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", "© 2026 The Scorecard developers",
                        /* Translators: your names, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
sc_application_preferences (GSimpleAction *action,
                            GVariant      *param,
                            gpointer       user_data)
{
  ScApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  ScContext *context = active_context (self);
  GtkWindow *window;

  if (context == NULL)
    return;

  window = GTK_WINDOW (sc_preferences_window_new (context));
  gtk_window_set_transient_for (window, parent);
  gtk_window_present (window);
}

static void
sc_application_sync_now (GSimpleAction *action,
                         GVariant      *param,
                         gpointer       user_data)
{
  ScContext *context = active_context (user_data);

  if (context != NULL)
    sc_sync_scheduler_sync_now (sc_context_get_sync (context));
}

static void
sc_application_quit (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       user_data)
{
  ScApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Close windows so they save their state, then quit. */
  for (GList *l = windows; l != NULL;)
    {
      GList *next = l->next;

      gtk_window_close (l->data);
      l = next;
    }

  g_application_quit (G_APPLICATION (self));
}

/* From the alerts notification: open the window on a page. */
static void
sc_application_show_page (GSimpleAction *action,
                          GVariant      *param,
                          gpointer       user_data)
{
  ScApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    {
      g_application_activate (G_APPLICATION (self));
      window = gtk_application_get_active_window (GTK_APPLICATION (self));
    }

  if (!SC_IS_WINDOW (window))
    return;

  sc_window_show_page (SC_WINDOW (window), g_variant_get_string (param, NULL));
  gtk_window_present (window);
}

static const GActionEntry actions[] = {
  { "about", sc_application_about },
  { "show-page", sc_application_show_page, "s" },
  { "preferences", sc_application_preferences },
  { "sync-now", sc_application_sync_now },
  { "quit", sc_application_quit },
};

void
_sc_application_install_actions (ScApplication *self)
{
  static const struct { const char *action; const char *accels[3]; } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "app.sync-now", { "<Control>r", NULL } },
    { "win.show-page::dashboard", { "<Control>1", NULL } },
    { "win.show-page::kpis", { "<Control>2", NULL } },
    { "win.show-page::alerts", { "<Control>3", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "win.back", { "<Alt>Left", "Escape", NULL } },
    { "win.submit", { "<Control>n", NULL } },
    { "window.close", { "<Control>w", NULL } },
  };

  g_action_map_add_action_entries (G_ACTION_MAP (self), actions, G_N_ELEMENTS (actions), self);

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action,
                                           accels[i].accels);
}
