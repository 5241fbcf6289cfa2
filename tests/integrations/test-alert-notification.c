/* test-alert-notification.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-test"

#include "config.h"

#include "sc-alert-notification.h"

/* The desktop notification for a run of the rules: its priority follows
 * the most severe alert, its title the count. */

static void
test_priority (void)
{
  guint counts[SC_ALERT_N_SEVERITIES] = { 0, };

  g_assert_cmpint (sc_alert_notification_priority (counts), ==, G_NOTIFICATION_PRIORITY_LOW);
  counts[SC_ALERT_SEVERITY_INFO] = 2;
  g_assert_cmpint (sc_alert_notification_priority (counts), ==, G_NOTIFICATION_PRIORITY_NORMAL);
  counts[SC_ALERT_SEVERITY_WARNING] = 1;
  g_assert_cmpint (sc_alert_notification_priority (counts), ==, G_NOTIFICATION_PRIORITY_NORMAL);
  counts[SC_ALERT_SEVERITY_CRITICAL] = 1;
  g_assert_cmpint (sc_alert_notification_priority (counts), ==, G_NOTIFICATION_PRIORITY_HIGH);
  counts[SC_ALERT_SEVERITY_URGENT] = 1;
  g_assert_cmpint (sc_alert_notification_priority (counts), ==, G_NOTIFICATION_PRIORITY_URGENT);
  counts[SC_ALERT_SEVERITY_CRITICAL] = 0;
  g_assert_cmpint (sc_alert_notification_priority (counts), ==, G_NOTIFICATION_PRIORITY_URGENT);
}

static void
test_title (void)
{
  guint counts[SC_ALERT_N_SEVERITIES] = { 0, };
  char *title;

  title = sc_alert_notification_title (counts);
  g_assert_cmpstr (title, ==, "Alerts Resolved");
  g_free (title);

  counts[SC_ALERT_SEVERITY_CRITICAL] = 1;
  title = sc_alert_notification_title (counts);
  g_assert_cmpstr (title, ==, "Critical Alert");
  g_free (title);

  counts[SC_ALERT_SEVERITY_CRITICAL] = 0;
  counts[SC_ALERT_SEVERITY_URGENT] = 1;
  title = sc_alert_notification_title (counts);
  g_assert_cmpstr (title, ==, "Urgent Alert");
  g_free (title);

  counts[SC_ALERT_SEVERITY_WARNING] = 2;
  title = sc_alert_notification_title (counts);
  g_assert_cmpstr (title, ==, "3 New Alerts");
  g_free (title);
}

static void
test_new (void)
{
  guint counts[SC_ALERT_N_SEVERITIES] = { 0, };
  g_autoptr(GNotification) resolved = NULL;
  g_autoptr(GNotification) fired = NULL;

  /* GNotification has no getters: this checks it builds without a warning,
   * with or without its button. */
  resolved = sc_alert_notification_new (counts, "1 resolved");
  g_assert_true (G_IS_NOTIFICATION (resolved));

  counts[SC_ALERT_SEVERITY_CRITICAL] = 1;
  fired = sc_alert_notification_new (counts, "Revenue fell below 80 % of target");
  g_assert_true (G_IS_NOTIFICATION (fired));
  g_assert_finalize_object (g_steal_pointer (&fired));
  g_assert_finalize_object (g_steal_pointer (&resolved));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/integrations/alert-notification/priority", test_priority);
  g_test_add_func ("/integrations/alert-notification/title", test_title);
  g_test_add_func ("/integrations/alert-notification/new", test_new);

  return g_test_run ();
}
