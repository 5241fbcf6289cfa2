/* fake-odoo-main.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fake-odoo"

#include "config.h"

#include <stdlib.h>

#include <glib-unix.h>

#include "sc-fake-odoo.h"

/* Runs the fake Odoo by hand, to point the app, curl or a script at it:
 *
 *   fake-odoo [--port N] [--kpis K] [--submissions S] [--latency MS]
 *             [--version 17.0] [--no-addon] [--gzip]
 *
 * The database is "kpi"; logins as in sc-fake-odoo.h (admin/admin).
 * Ctrl+C stops it.
 */

static gboolean
on_signal_cb (gpointer data)
{
  g_main_loop_quit (data);

  return G_SOURCE_REMOVE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScFakeOdoo) server = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autofree char *version = NULL;
  int port = 8069;
  int kpis = 0;
  int submissions = 0;
  int latency = 0;
  gboolean no_addon = FALSE;
  gboolean gzip = FALSE;
  gint64 started;
  const GOptionEntry entries[] = {
    { "port", 'p', 0, G_OPTION_ARG_INT, &port, "Port on 127.0.0.1 (0 for any; default 8069)", "N" },
    { "kpis", 'k', 0, G_OPTION_ARG_INT, &kpis, "Extra KPIs to seed", "K" },
    { "submissions", 's', 0, G_OPTION_ARG_INT, &submissions, "Extra submissions to seed", "S" },
    { "latency", 'l', 0, G_OPTION_ARG_INT, &latency, "Delay every answer", "MS" },
    { "version", 0, 0, G_OPTION_ARG_STRING, &version, "Odoo version to report (default 17.0)", "V" },
    { "no-addon", 0, 0, G_OPTION_ARG_NONE, &no_addon, "Play a database without kpi_tracking", NULL },
    { "gzip", 0, 0, G_OPTION_ARG_NONE, &gzip, "Gzip answers, as a proxy would", NULL },
    { NULL }
  };

  context = g_option_context_new ("— a fake Odoo 17 with kpi_tracking, for tests");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("fake-odoo: %s\n", error->message);
      return EXIT_FAILURE;
    }

  if (port < 0 || port > 65535 || kpis < 0 || submissions < 0 || latency < 0)
    {
      g_printerr ("fake-odoo: numbers must be positive (and the port at most 65535)\n");
      return EXIT_FAILURE;
    }

  if (!(server = sc_fake_odoo_new_full (port, NULL, &error)))
    {
      g_printerr ("fake-odoo: cannot listen on 127.0.0.1:%d: %s\n", port, error->message);
      return EXIT_FAILURE;
    }

  started = g_get_monotonic_time ();
  if (kpis > 0 || submissions > 0)
    sc_fake_odoo_seed (server, MAX (kpis, submissions > 0 ? 1 : 0), submissions);
  if (version != NULL)
    sc_fake_odoo_set_server_version (server, version);
  sc_fake_odoo_set_addon_installed (server, !no_addon);
  sc_fake_odoo_set_latency (server, latency);
  sc_fake_odoo_set_gzip (server, gzip);

  g_print ("Fake Odoo on %s, database \"%s\", login \"%s\", password \"%s\"\n",
           sc_fake_odoo_get_url (server), SC_FAKE_ODOO_DATABASE,
           SC_FAKE_ODOO_ADMIN_LOGIN, SC_FAKE_ODOO_ADMIN_PASSWORD);
  if (kpis > 0 || submissions > 0)
    g_print ("Seeded %d KPIs and %d submissions in %.0f ms\n", kpis, submissions,
             (g_get_monotonic_time () - started) / 1000.0);

  loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGINT, on_signal_cb, loop);
  g_unix_signal_add (SIGTERM, on_signal_cb, loop);
  g_main_loop_run (loop);

  return EXIT_SUCCESS;
}
