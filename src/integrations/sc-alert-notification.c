/* sc-alert-notification.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-alert-notification"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-alert-notification.h"

/* One desktop notification for a run of the alert rules, however many
 * alerts it opened: the digest says how many of each severity, and the
 * most severe one sets how loudly the desktop shows it. */

static guint
count_open (const guint counts[SC_ALERT_N_SEVERITIES])
{
  guint n = 0;

  for (guint s = 0; s < SC_ALERT_N_SEVERITIES; s++)
    n += counts[s];

  return n;
}

/**
 * sc_alert_notification_priority:
 * @counts: alerts that fired or escalated, by #ScAlertSeverity
 *
 * Urgent alerts are urgent for the desktop too (GNOME shows them even in
 * Do Not Disturb), critical ones high, warnings and information normal;
 * a notification of resolved alerts only is low.
 *
 * Returns: the priority of the notification for @counts
 */
GNotificationPriority
sc_alert_notification_priority (const guint counts[SC_ALERT_N_SEVERITIES])
{
  g_return_val_if_fail (counts != NULL, G_NOTIFICATION_PRIORITY_NORMAL);

  if (counts[SC_ALERT_SEVERITY_URGENT] > 0)
    return G_NOTIFICATION_PRIORITY_URGENT;
  if (counts[SC_ALERT_SEVERITY_CRITICAL] > 0)
    return G_NOTIFICATION_PRIORITY_HIGH;
  if (count_open (counts) > 0)
    return G_NOTIFICATION_PRIORITY_NORMAL;

  return G_NOTIFICATION_PRIORITY_LOW;
}

/**
 * sc_alert_notification_title:
 * @counts: alerts that fired or escalated, by #ScAlertSeverity
 *
 * Returns: (transfer full): the notification's title, such as "Critical
 *   Alert" or "3 New Alerts"
 */
char *
sc_alert_notification_title (const guint counts[SC_ALERT_N_SEVERITIES])
{
  guint n;

  g_return_val_if_fail (counts != NULL, NULL);

  n = count_open (counts);

  if (n == 0)
    return g_strdup (_("Alerts Resolved"));

  if (n == 1)
    {
      if (counts[SC_ALERT_SEVERITY_URGENT] > 0)
        return g_strdup (_("Urgent Alert"));
      if (counts[SC_ALERT_SEVERITY_CRITICAL] > 0)
        return g_strdup (_("Critical Alert"));
      if (counts[SC_ALERT_SEVERITY_WARNING] > 0)
        return g_strdup (_("Warning Alert"));
      return g_strdup (_("New Alert"));
    }

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u New Alert", "%u New Alerts", n), n);
}

/**
 * sc_alert_notification_new:
 * @counts: alerts that fired or escalated, by #ScAlertSeverity
 * @digest: the sentence that sums them up, see sc_alert_digest()
 *
 * Builds the notification for a run of the rules. Clicking it activates
 * `app.show-page` with "alerts"; its button activates
 * `app.acknowledge-alerts`, which the application must provide, and
 * only appears when an alert is open.
 *
 * Returns: (transfer full): the notification, to send with the id
 *   %SC_ALERT_NOTIFICATION_ID
 */
GNotification *
sc_alert_notification_new (const guint  counts[SC_ALERT_N_SEVERITIES],
                           const char  *digest)
{
  g_autofree char *title = NULL;
  GNotification *notification;

  g_return_val_if_fail (counts != NULL, NULL);
  g_return_val_if_fail (digest != NULL, NULL);

  title = sc_alert_notification_title (counts);
  notification = g_notification_new (title);
  g_notification_set_body (notification, digest);
  g_notification_set_priority (notification, sc_alert_notification_priority (counts));
  g_notification_set_default_action_and_target (notification, "app.show-page", "s", "alerts");
  if (count_open (counts) > 0)
    g_notification_add_button (notification, _("Acknowledge All"), "app.acknowledge-alerts");

  return notification;
}
