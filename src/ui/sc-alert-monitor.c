/* sc-alert-monitor.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-alert-monitor"

#include "config.h"

#include "sc-alert-drain.h"
#include "sc-alert-secrets.h"
#include "sc-alert-monitor.h"
#include "sc-alert-notification.h"
#include "sc-alert-run.h"
#include "sc-alert-store.h"

/* Evaluates the alert rules when new values arrive, from a submission, a
 * sync or another process, and tells the desktop in one notification.
 *
 * Changes are debounced, so a sync that writes hundreds of values runs
 * the rules once. The run itself is a job on the store thread; the HTTP
 * deliveries it queues are sent from a worker thread with its own
 * connection to the store, so neither the main loop nor the store thread
 * waits on the network. */

#define DEBOUNCE_MSEC        500
#define SEND_TIMEOUT_SECONDS 15

struct _ScAlertMonitor
{
  GObject        parent_instance;

  ScStoreThread *store;
  GApplication  *application;   /* weak */
  GCancellable  *cancellable;
  guint          debounce_id;
  guint          drain_id;
  guint          n_runs;
  char          *last_digest;
  guint          running : 1;
  guint          rerun : 1;
  guint          draining : 1;
  guint          redrain : 1;
  guint          online : 1;
};

G_DEFINE_FINAL_TYPE (ScAlertMonitor, sc_alert_monitor, G_TYPE_OBJECT)

enum {
  RAN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void run_rules   (ScAlertMonitor *self);
static void acknowledge_alerts_action (GSimpleAction *action,
                                       GVariant      *param,
                                       gpointer       user_data);

/* The notification's button, on the application it is sent from. */
static const GActionEntry app_actions[] = {
  { "acknowledge-alerts", acknowledge_alerts_action },
};
static void drain_queue (ScAlertMonitor *self);

/* Auxiliary methods */

static void
report_free (gpointer data)
{
  ScAlertRunReport *report = data;

  sc_alert_run_report_clear (report);
  g_free (report);
}

static gpointer
run_job (ScStore       *store,
         gpointer       data,
         GCancellable  *cancellable,
         GError       **error)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  ScAlertRunReport *report = g_new0 (ScAlertRunReport, 1);

  if (!sc_alert_run (store, g_get_real_time () / G_USEC_PER_SEC, tz, report, error))
    {
      report_free (report);
      return NULL;
    }

  return report;
}

static void
drain_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr(ScStore) store = NULL;
  g_autoptr(ScAlertSender) sender = NULL;
  g_autoptr(GRand) rand = g_rand_new ();
  g_autoptr(GError) error = NULL;
  ScAlertDrainReport *report = g_new0 (ScAlertDrainReport, 1);

  /* Never the store thread's connection: this one may wait on the
   * network while the app keeps reading. */
  if (!(store = sc_store_open (path, &error)))
    {
      g_free (report);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  sender = sc_alert_sender_new (SEND_TIMEOUT_SECONDS);
  /* Each channel's secret from the keyring; Odoo's chatter uses the
   * store's sync account. */
  if (!sc_alert_drain_sync (store, sender, sc_alert_store_secret_lookup, store,
                            g_get_real_time () / G_USEC_PER_SEC, rand, cancellable, report, &error))
    {
      g_free (report);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, report, g_free);
}

static gpointer
acknowledge_alerts_job (ScStore       *store,
                        gpointer       data,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GPtrArray) alerts = sc_store_list_alerts (store, FALSE, error);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  if (alerts == NULL)
    return NULL;

  for (guint i = 0; i < alerts->len; i++)
    {
      const ScAlertRow *alert = g_ptr_array_index (alerts, i);

      if (alert->status == SC_ALERT_STATUS_FIRING &&
          !sc_store_acknowledge_alert (store, alert->rule_id, alert->kpi_id, now, NULL, error))
        return NULL;
    }

  return GINT_TO_POINTER (TRUE);
}

/* Callbacks */

typedef struct
{
  ScAlertMonitor *self;
  GNotification  *notification;
} PendingNotification;

static void
name_has_owner_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  PendingNotification *pending = user_data;
  g_autoptr(GVariant) reply = NULL;
  gboolean has_owner = FALSE;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &has_owner);

  if (has_owner && pending->self->application != NULL)
    g_application_send_notification (pending->self->application, SC_ALERT_NOTIFICATION_ID,
                                     pending->notification);
  else if (!has_owner)
    g_debug ("No notification server: the alerts are on the Alerts page only");

  g_object_unref (pending->notification);
  g_object_unref (pending->self);
  g_free (pending);
}

/* Without a notification server GLib would warn on every start; the
 * alerts are on the Alerts page anyway. In a sandbox the portal shows
 * them, and the bus there may not tell who owns the name. */
static void
send_notification (ScAlertMonitor *self,
                   GNotification  *notification)
{
  GDBusConnection *bus = g_application_get_dbus_connection (self->application);
  PendingNotification *pending;

  if (bus == NULL)
    return;

  if (g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS))
    {
      g_application_send_notification (self->application, SC_ALERT_NOTIFICATION_ID, notification);
      return;
    }

  pending = g_new0 (PendingNotification, 1);
  pending->self = g_object_ref (self);
  pending->notification = g_object_ref (notification);
  g_dbus_connection_call (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                          "org.freedesktop.DBus", "NameHasOwner",
                          g_variant_new ("(s)", "org.freedesktop.Notifications"),
                          G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL,
                          name_has_owner_cb, pending);
}

static void
acknowledge_alerts_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (sc_store_thread_run_finish (SC_STORE_THREAD (object), result, &error) == NULL &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_message ("Could not acknowledge the alerts: %s", error->message);
}

static void
acknowledge_alerts_action (GSimpleAction *action,
                           GVariant      *param,
                           gpointer       user_data)
{
  ScAlertMonitor *self = user_data;

  g_assert (SC_IS_ALERT_MONITOR (self));

  sc_store_thread_run_async (self->store, acknowledge_alerts_job, NULL, NULL, NULL,
                             self->cancellable, acknowledge_alerts_cb, NULL);
  if (self->application != NULL)
    g_application_withdraw_notification (self->application, SC_ALERT_NOTIFICATION_ID);
}

static gboolean
on_drain_timeout_cb (gpointer user_data)
{
  ScAlertMonitor *self = user_data;

  self->drain_id = 0;
  drain_queue (self);

  return G_SOURCE_REMOVE;
}

static void
drain_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  ScAlertMonitor *self = SC_ALERT_MONITOR (object);
  g_autofree ScAlertDrainReport *report = NULL;
  g_autoptr(GError) error = NULL;

  self->draining = FALSE;

  report = g_task_propagate_pointer (G_TASK (result), &error);
  if (report == NULL)
    {
      /* The deliveries stay in the outbox; the next run tries again. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_message ("Could not send alert deliveries: %s", error->message);
      return;
    }

  g_debug ("Alert deliveries: %u sent, %u to retry, %u failed",
           report->delivered, report->retrying, report->failed);

  if (self->redrain)
    {
      self->redrain = FALSE;
      drain_queue (self);
    }
  else if (report->next_due > 0 && self->drain_id == 0)
    {
      gint64 wait = report->next_due - g_get_real_time () / G_USEC_PER_SEC;

      self->drain_id = g_timeout_add_seconds ((guint)CLAMP (wait, 1, 3600), on_drain_timeout_cb, self);
    }
}

static void
run_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(ScAlertMonitor) self = user_data;
  g_autoptr(GError) error = NULL;
  ScAlertRunReport *report;
  guint events = 0;

  self->running = FALSE;

  report = sc_store_thread_run_finish (SC_STORE_THREAD (object), result, &error);
  if (report == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_message ("Could not evaluate the alert rules: %s", error->message);
    }
  else
    {
      self->n_runs++;
      events = report->events;

      if (report->notify_digest != NULL)
        {
          g_free (self->last_digest);
          self->last_digest = g_strdup (report->notify_digest);

          if (self->application != NULL)
            {
              g_autoptr(GNotification) notification =
                sc_alert_notification_new (report->notify_counts, report->notify_digest);

              send_notification (self, notification);
            }
        }

      report_free (report);

      if (events > 0)
        drain_queue (self);

      g_signal_emit (self, signals[RAN], 0, events);
    }

  if (self->rerun)
    {
      self->rerun = FALSE;
      run_rules (self);
    }
}

static gpointer
hurry_job (ScStore       *store,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  guint hurried = sc_store_hurry_alert_deliveries (store, g_get_real_time () / G_USEC_PER_SEC, error);

  return hurried == G_MAXUINT ? NULL : GUINT_TO_POINTER (hurried + 1);
}

static void
hurried_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(ScAlertMonitor) self = user_data;
  g_autoptr(GError) error = NULL;

  if (sc_store_thread_run_finish (SC_STORE_THREAD (object), result, &error) == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not requeue alert deliveries: %s", error->message);
      return;
    }

  drain_queue (self);
}

/* Back online: what waited out a backoff while the network was down goes
 * now, not an hour later. */
static void
on_network_changed_cb (ScAlertMonitor *self,
                       gboolean        available,
                       GNetworkMonitor *monitor)
{
  gboolean was_online = self->online;

  self->online = available;
  if (!available || was_online)
    return;

  sc_store_thread_run_async (self->store, hurry_job, NULL, NULL, NULL, self->cancellable, hurried_cb,
                             g_object_ref (self));
}

static gboolean
on_debounce_timeout_cb (gpointer user_data)
{
  ScAlertMonitor *self = user_data;

  self->debounce_id = 0;
  run_rules (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_run (ScAlertMonitor *self)
{
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  self->debounce_id = g_timeout_add (DEBOUNCE_MSEC, on_debounce_timeout_cb, self);
}

static void
on_store_changed_cb (ScAlertMonitor *self,
                     ScStoreChange   changes,
                     ScStoreThread  *store)
{
  /* New values or KPIs. A run writes only alert states and the outbox,
   * so it does not set itself off again. */
  if (changes & (SC_STORE_CHANGE_SUBMISSIONS | SC_STORE_CHANGE_KPIS))
    schedule_run (self);
}

static void
run_rules (ScAlertMonitor *self)
{
  if (self->running)
    {
      self->rerun = TRUE;
      return;
    }

  self->running = TRUE;
  sc_store_thread_run_async (self->store, run_job, NULL, NULL, report_free, self->cancellable,
                             run_cb, g_object_ref (self));
}

static void
drain_queue (ScAlertMonitor *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->draining)
    {
      self->redrain = TRUE;
      return;
    }

  g_clear_handle_id (&self->drain_id, g_source_remove);
  self->draining = TRUE;

  task = g_task_new (self, self->cancellable, drain_cb, NULL);
  g_task_set_source_tag (task, drain_queue);
  g_task_set_task_data (task, g_strdup (sc_store_thread_get_path (self->store)), g_free);
  g_task_run_in_thread (task, drain_in_thread);
}

/* Overrides */

static void
sc_alert_monitor_dispose (GObject *object)
{
  ScAlertMonitor *self = (ScAlertMonitor *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  g_clear_handle_id (&self->drain_id, g_source_remove);
  if (self->application != NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (app_actions); i++)
        g_action_map_remove_action (G_ACTION_MAP (self->application), app_actions[i].name);
      g_object_remove_weak_pointer (G_OBJECT (self->application), (gpointer *)&self->application);
    }
  self->application = NULL;

  G_OBJECT_CLASS (sc_alert_monitor_parent_class)->dispose (object);
}

static void
sc_alert_monitor_finalize (GObject *object)
{
  ScAlertMonitor *self = (ScAlertMonitor *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->last_digest, g_free);

  G_OBJECT_CLASS (sc_alert_monitor_parent_class)->finalize (object);
}

static void
sc_alert_monitor_class_init (ScAlertMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sc_alert_monitor_dispose;
  object_class->finalize = sc_alert_monitor_finalize;

  /**
   * ScAlertMonitor::ran:
   * @self: the monitor
   * @events: the alert events the run recorded
   *
   * Emitted after each run of the rules.
   */
  signals[RAN] = g_signal_new ("ran", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                               NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
sc_alert_monitor_init (ScAlertMonitor *self)
{
  self->cancellable = g_cancellable_new ();
}

/* Public API */

/**
 * sc_alert_monitor_new:
 * @store: the store thread
 * @application: (nullable): the application that sends the desktop
 *   notification, or %NULL for none; it gets the action
 *   `app.acknowledge-alerts` of the notification's button
 *
 * Starts watching @store. The rules run once soon after, for values that
 * arrived while the app was closed, and deliveries left in the outbox are
 * sent.
 *
 * Returns: (transfer full): a new monitor
 */
ScAlertMonitor *
sc_alert_monitor_new (ScStoreThread *store,
                      GApplication  *application)
{
  ScAlertMonitor *self;

  g_return_val_if_fail (SC_IS_STORE_THREAD (store), NULL);
  g_return_val_if_fail (!application || G_IS_APPLICATION (application), NULL);

  self = g_object_new (SC_TYPE_ALERT_MONITOR, NULL);
  self->store = g_object_ref (store);
  if (application != NULL)
    {
      self->application = application;
      g_object_add_weak_pointer (G_OBJECT (application), (gpointer *)&self->application);
      g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions,
                                       G_N_ELEMENTS (app_actions), self);
    }

  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  self->online = g_network_monitor_get_network_available (g_network_monitor_get_default ());
  g_signal_connect_object (g_network_monitor_get_default (), "network-changed",
                           G_CALLBACK (on_network_changed_cb), self, G_CONNECT_SWAPPED);
  sc_store_thread_watch (store);
  schedule_run (self);
  drain_queue (self);

  return self;
}

/**
 * sc_alert_monitor_get_n_runs:
 * @self: a #ScAlertMonitor
 *
 * Returns: how many times the rules ran
 */
guint
sc_alert_monitor_get_n_runs (ScAlertMonitor *self)
{
  g_return_val_if_fail (SC_IS_ALERT_MONITOR (self), 0);
  return self->n_runs;
}

/**
 * sc_alert_monitor_get_last_digest:
 * @self: a #ScAlertMonitor
 *
 * Returns: (nullable): the body of the last notification, sent or, with
 *   no application, that would have been
 */
const char *
sc_alert_monitor_get_last_digest (ScAlertMonitor *self)
{
  g_return_val_if_fail (SC_IS_ALERT_MONITOR (self), NULL);
  return self->last_digest;
}
