/* sc-store-thread.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-store-thread"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-enums.h"
#include "sc-store-thread.h"

/* One thread owns one SQLite connection; the UI sends it jobs and gets the
 * results back in its own main context, so a query over a million rows
 * never stalls a frame. Jobs run in the order they were sent, which keeps
 * writes ordered too.
 *
 * The thread's store emits "changed" on the thread; we re-emit it in the
 * context that created us. Commits by other processes (scorecard-cli, a
 * sync) are noticed through a file monitor on the store's folder and
 * checked with PRAGMA data_version on the thread.
 */

#define WATCH_DELAY_MSEC 150

typedef struct
{
  GTask          *task;
  ScStoreJob      job;
  gpointer        data;
  GDestroyNotify  data_free;
  GDestroyNotify  result_free;
} Request;

struct _ScStoreThread
{
  GObject        parent_instance;

  char          *path;
  GMainContext  *owner_context;
  GThread       *thread;
  GAsyncQueue   *requests;
  GFileMonitor  *monitor;
  guint          watch_source;

  /* Only touched on the thread. */
  struct
  {
    ScStore     *store;
  } thread_only;
};

G_DEFINE_FINAL_TYPE (ScStoreThread, sc_store_thread, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A request with no task tells the thread to stop. */
static Request stop_request;

typedef struct
{
  ScStoreThread *self;
  ScStoreChange  changes;
} ChangedEvent;

/* Auxiliary methods */

static void
request_free (Request *request)
{
  if (request->data_free != NULL)
    request->data_free (request->data);
  g_clear_object (&request->task);
  g_free (request);
}

/* The request holds the task, and the task holds us: the last reference
 * must go in the owner's context, never on the store thread, which would
 * otherwise end up joining itself. */
static gboolean
release_request_in_owner (gpointer data)
{
  request_free (data);

  return G_SOURCE_REMOVE;
}

static gboolean
emit_changed_in_owner (gpointer data)
{
  ChangedEvent *event = data;

  g_signal_emit (event->self, signals[CHANGED], 0, event->changes);

  return G_SOURCE_REMOVE;
}

static void
changed_event_free (gpointer data)
{
  ChangedEvent *event = data;

  g_object_unref (event->self);
  g_free (event);
}

static void
on_store_changed_cb (ScStore       *store,
                     ScStoreChange  changes,
                     ScStoreThread *self)
{
  ChangedEvent *event = g_new0 (ChangedEvent, 1);

  event->self = g_object_ref (self);
  event->changes = changes;
  g_main_context_invoke_full (self->owner_context, G_PRIORITY_DEFAULT,
                              emit_changed_in_owner, event, changed_event_free);
}

static gpointer
store_thread_main (gpointer data)
{
  ScStoreThread *self = data;
  Request *request;

  while ((request = g_async_queue_pop (self->requests)) != &stop_request)
    {
      GCancellable *cancellable = g_task_get_cancellable (request->task);
      g_autoptr(GError) error = NULL;
      gpointer result;

      if (g_cancellable_set_error_if_cancelled (cancellable, &error))
        g_task_return_error (request->task, g_steal_pointer (&error));
      else
        {
          result = request->job (self->thread_only.store, request->data, cancellable, &error);

          if (error != NULL)
            g_task_return_error (request->task, g_steal_pointer (&error));
          else
            g_task_return_pointer (request->task, result, request->result_free);
        }

      g_main_context_invoke_full (self->owner_context, G_PRIORITY_DEFAULT,
                                  release_request_in_owner, request, NULL);
    }

  g_signal_handlers_disconnect_by_func (self->thread_only.store, on_store_changed_cb, self);
  g_clear_object (&self->thread_only.store);

  return NULL;
}

static gpointer
poll_job (ScStore       *store,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  sc_store_poll_external_changes (store);

  return GINT_TO_POINTER (TRUE);
}

static gboolean
watch_timeout_cb (gpointer data)
{
  ScStoreThread *self = data;

  self->watch_source = 0;
  sc_store_thread_run_async (self, poll_job, NULL, NULL, NULL, NULL, NULL, NULL);

  return G_SOURCE_REMOVE;
}

static void
on_monitor_changed_cb (GFileMonitor      *monitor,
                       GFile             *file,
                       GFile             *other,
                       GFileMonitorEvent  event,
                       ScStoreThread     *self)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *store_name = g_path_get_basename (self->path);

  if (!g_str_has_prefix (name, store_name))
    return;

  /* A commit touches the file several times: look once it settles. */
  if (self->watch_source == 0)
    self->watch_source = g_timeout_add (WATCH_DELAY_MSEC, watch_timeout_cb, self);
}

/* Overrides */

static void
sc_store_thread_dispose (GObject *object)
{
  ScStoreThread *self = (ScStoreThread *)object;

  g_clear_handle_id (&self->watch_source, g_source_remove);
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->monitor, on_monitor_changed_cb, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }

  G_OBJECT_CLASS (sc_store_thread_parent_class)->dispose (object);
}

static void
sc_store_thread_finalize (GObject *object)
{
  ScStoreThread *self = (ScStoreThread *)object;

  if (self->thread != NULL)
    {
      g_async_queue_push (self->requests, &stop_request);
      g_thread_join (self->thread);
      self->thread = NULL;
    }

  g_clear_pointer (&self->requests, g_async_queue_unref);
  g_clear_pointer (&self->owner_context, g_main_context_unref);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (sc_store_thread_parent_class)->finalize (object);
}

static void
sc_store_thread_class_init (ScStoreThreadClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sc_store_thread_dispose;
  object_class->finalize = sc_store_thread_finalize;

  /**
   * ScStoreThread::changed:
   * @self: the store thread
   * @changes: an #ScStoreChange mask
   *
   * The store changed, by a job of ours or by another process; emitted in
   * the main context of the thread that created @self.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, SC_TYPE_STORE_CHANGE);
}

static void
sc_store_thread_init (ScStoreThread *self)
{
  self->requests = g_async_queue_new ();
  self->owner_context = g_main_context_ref_thread_default ();
}

/* Public API */

/**
 * sc_store_thread_new:
 * @path: (nullable): the store, or %NULL for the default
 * @error: return location for a #GError
 *
 * Opens the store (creating or migrating it) and starts its thread. The
 * open itself happens here, so a store that cannot be opened is reported
 * at once with the store's own error.
 *
 * Returns: (transfer full): the store thread, or %NULL with @error set
 */
ScStoreThread *
sc_store_thread_new (const char  *path,
                     GError     **error)
{
  g_autoptr(ScStoreThread) self = NULL;
  g_autoptr(ScStore) store = NULL;

  if (!(store = sc_store_open (path, error)))
    return NULL;

  self = g_object_new (SC_TYPE_STORE_THREAD, NULL);
  self->path = g_strdup (sc_store_get_path (store));
  self->thread_only.store = g_steal_pointer (&store);
  g_signal_connect (self->thread_only.store, "changed", G_CALLBACK (on_store_changed_cb), self);
  self->thread = g_thread_new ("sc-store", store_thread_main, self);

  return g_steal_pointer (&self);
}

const char *
sc_store_thread_get_path (ScStoreThread *self)
{
  g_return_val_if_fail (SC_IS_STORE_THREAD (self), NULL);

  return self->path;
}

/**
 * sc_store_thread_run_async:
 * @self: a #ScStoreThread
 * @job: (scope async): what to run on the store thread
 * @data: (nullable): the job's data
 * @data_free: (nullable): frees @data once the job has run
 * @result_free: (nullable): frees a result nobody took
 * @cancellable: (nullable): a #GCancellable
 * @callback: (nullable): called in the caller's main context with the result
 * @user_data: data for @callback
 *
 * Queues @job on the store thread. Jobs run one at a time, in order.
 */
void
sc_store_thread_run_async (ScStoreThread       *self,
                           ScStoreJob           job,
                           gpointer             data,
                           GDestroyNotify       data_free,
                           GDestroyNotify       result_free,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  Request *request;

  g_return_if_fail (SC_IS_STORE_THREAD (self));
  g_return_if_fail (job != NULL);

  request = g_new0 (Request, 1);
  request->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (request->task, sc_store_thread_run_async);
  request->job = job;
  request->data = data;
  request->data_free = data_free;
  request->result_free = result_free;

  g_async_queue_push (self->requests, request);
}

/**
 * sc_store_thread_run_finish:
 * @self: a #ScStoreThread
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the job's result, or %NULL with @error set
 */
gpointer
sc_store_thread_run_finish (ScStoreThread  *self,
                            GAsyncResult   *result,
                            GError        **error)
{
  g_return_val_if_fail (SC_IS_STORE_THREAD (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * sc_store_thread_watch:
 * @self: a #ScStoreThread
 *
 * Starts watching the store's file for commits by other processes, which
 * are then reported through #ScStoreThread::changed.
 */
void
sc_store_thread_watch (ScStoreThread *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) dir = NULL;

  g_return_if_fail (SC_IS_STORE_THREAD (self));

  if (self->monitor != NULL)
    return;

  file = g_file_new_for_path (self->path);
  dir = g_file_get_parent (file);
  self->monitor = g_file_monitor_directory (dir, G_FILE_MONITOR_NONE, NULL, NULL);
  if (self->monitor == NULL)
    return;

  g_signal_connect (self->monitor, "changed", G_CALLBACK (on_monitor_changed_cb), self);
}
