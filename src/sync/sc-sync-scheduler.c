/* sc-sync-scheduler.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-sync-scheduler"

#include "config.h"

#include <float.h>
#include <glib/gi18n-lib.h>

#include "sc-store-private.h"
#include "sc-sync-account.h"
#include "sc-sync-engine.h"
#include "sc-sync-enums.h"
#include "sc-sync-scheduler.h"

/* When to sync, and how it went. The scheduler owns the client and the
 * engine of the account saved in the store's settings (sc-sync-account),
 * syncs on demand, every #ScSyncScheduler:interval milliseconds, and after
 * a failure again with exponential backoff: the n-th retry (n from 0)
 * waits min (cap, base · 2^n) · U, with U uniform in [0.5, 1) ("equal
 * jitter": never less than half the step, so the delays keep growing, yet
 * clients that failed together spread out). Success resets it.
 *
 * While the GNetworkMonitor says the network is down, nothing is tried and
 * the state is offline; when it comes back, a sync follows shortly.
 * Failures that only the user can fix (a refused password, a missing
 * database, an untrusted certificate) are not retried until the user acts
 * or the account changes.
 *
 * Each sync is an Attempt with its own cancellable. Whoever cancels one
 * (dispose, a new account) also resets the scheduler, so a callback whose
 * attempt was cancelled leaves the scheduler, which may be gone, alone. */

#define DEFAULT_INTERVAL_MSEC   (15 * 60 * 1000)
#define DEFAULT_BASE_MSEC       (30 * 1000)
#define DEFAULT_CAP_MSEC        (30 * 60 * 1000)
#define DEFAULT_RECONNECT_MSEC  (3 * 1000)
#define DEFAULT_TIMEOUT_SECONDS 30

struct _ScSyncScheduler
{
  GObject            parent_instance;

  ScStoreThread     *store;
  GNetworkMonitor   *monitor;
  ScSyncSecretFuncs  funcs;
  gboolean           has_funcs;

  ScSyncAccount     *account;
  ScOdooClient      *client;
  ScSyncEngine      *engine;

  GCancellable      *cancellable;
  struct _Attempt   *attempt;

  ScSyncStatus        state;
  double             progress;
  char              *error_message;
  GDateTime         *last_sync;
  guint              pending;
  guint              failed;
  guint              conflicts;

  guint              interval_msec;
  guint              base_msec;
  guint              cap_msec;
  guint              reconnect_msec;
  guint              timeout_seconds;
  guint              failures;
  guint              retry_delay;
  guint              timer_id;

  guint              network_available : 1;
  guint              started : 1;
  guint              hopeless : 1;
  guint              loading_account : 1;
  guint              reload_again : 1;
  guint              relogin : 1;
  guint              counting : 1;
  guint              count_again : 1;
};

typedef struct _Attempt
{
  ScSyncScheduler   *self;
  GCancellable      *cancellable;
  ScSyncSecretFuncs  funcs;
} Attempt;

typedef struct
{
  guint  pending;
  guint  failed;
  guint  conflicts;
} Counts;

typedef struct
{
  ScOdooRole  role;
  GDateTime  *time;
} Synced;

G_DEFINE_FINAL_TYPE (ScSyncScheduler, sc_sync_scheduler, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_NETWORK_MONITOR,
  PROP_STATE,
  PROP_PROGRESS,
  PROP_ERROR_MESSAGE,
  PROP_LAST_SYNC,
  PROP_PENDING,
  PROP_FAILED,
  PROP_CONFLICTS,
  PROP_ROLE,
  PROP_LOGIN,
  PROP_INTERVAL,
  PROP_RETRY_DELAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void begin_sync   (ScSyncScheduler *self);
static void load_account (ScSyncScheduler *self);

/* Auxiliary methods */

static void
attempt_free (Attempt *attempt)
{
  g_clear_object (&attempt->cancellable);
  g_free (attempt);
}

/* TRUE when the attempt was given up: its scheduler must not be touched. */
static gboolean
attempt_abandoned (Attempt      *attempt,
                   const GError *error)
{
  if (g_cancellable_is_cancelled (attempt->cancellable) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      attempt_free (attempt);
      return TRUE;
    }

  return FALSE;
}

static void
cancel_attempt (ScSyncScheduler *self)
{
  if (self->attempt == NULL)
    return;

  self->attempt->self = NULL;
  g_cancellable_cancel (self->attempt->cancellable);
  self->attempt = NULL;
}

static gboolean
is_configured (ScSyncScheduler *self)
{
  return sc_sync_account_is_configured (self->account);
}

static void
set_state (ScSyncScheduler *self,
           ScSyncStatus      state)
{
  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
set_progress (ScSyncScheduler *self,
              double           progress)
{
  progress = CLAMP (progress, 0.0, 1.0);
  if (G_APPROX_VALUE (self->progress, progress, DBL_EPSILON))
    return;

  self->progress = progress;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
}

static void
set_error_message (ScSyncScheduler *self,
                   const char      *message)
{
  if (g_strcmp0 (self->error_message, message) == 0)
    return;

  g_free (self->error_message);
  self->error_message = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR_MESSAGE]);
}

static void
set_uint (ScSyncScheduler *self,
          guint           *field,
          guint            value,
          int              prop)
{
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_last_sync (ScSyncScheduler *self,
               GDateTime       *time)
{
  if (self->last_sync == time ||
      (self->last_sync != NULL && time != NULL && g_date_time_equal (self->last_sync, time)))
    return;

  g_clear_pointer (&self->last_sync, g_date_time_unref);
  self->last_sync = time != NULL ? g_date_time_ref (time) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_SYNC]);
}

/* The state when no sync runs. */
static void
update_state (ScSyncScheduler *self)
{
  if (self->attempt != NULL)
    set_state (self, SC_SYNC_STATUS_SYNCING);
  else if (!is_configured (self))
    set_state (self, SC_SYNC_STATUS_NOT_CONFIGURED);
  else if (!self->network_available)
    set_state (self, SC_SYNC_STATUS_OFFLINE);
  else if (self->error_message != NULL)
    set_state (self, SC_SYNC_STATUS_ERROR);
  else
    set_state (self, SC_SYNC_STATUS_IDLE);
}

static gboolean
timer_cb (gpointer data)
{
  ScSyncScheduler *self = data;

  self->timer_id = 0;
  begin_sync (self);

  return G_SOURCE_REMOVE;
}

static void
schedule (ScSyncScheduler *self,
          guint            delay_msec)
{
  g_clear_handle_id (&self->timer_id, g_source_remove);

  if (!self->started || !is_configured (self) || !self->network_available || self->hopeless)
    return;

  self->timer_id = g_timeout_add (delay_msec, timer_cb, self);
}

static void
drop_client (ScSyncScheduler *self)
{
  cancel_attempt (self);
  g_clear_object (&self->engine);
  if (self->client != NULL)
    sc_odoo_client_logout (self->client);
  g_clear_object (&self->client);
}

/* Failures the user must fix before a retry can work. */
static gboolean
needs_the_user (const GError *error)
{
  if (error->domain != SC_SYNC_ERROR)
    return FALSE;

  switch (error->code)
    {
    case SC_SYNC_ERROR_ACCESS_DENIED:
    case SC_SYNC_ERROR_UNKNOWN_DATABASE:
    case SC_SYNC_ERROR_UNSUPPORTED_VERSION:
    case SC_SYNC_ERROR_CERTIFICATE:
    case SC_SYNC_ERROR_UNKNOWN_MODEL:
      return TRUE;
    default:
      return FALSE;
    }
}

static void
attempt_failed (Attempt      *attempt,
                const GError *error,
                gboolean      hopeless)
{
  ScSyncScheduler *self = attempt->self;

  self->attempt = NULL;
  attempt_free (attempt);

  /* A refused login must sign in again, with the secret looked up anew. */
  if (self->client != NULL &&
      (g_error_matches (error, SC_SYNC_ERROR, SC_SYNC_ERROR_ACCESS_DENIED) ||
       g_error_matches (error, SC_SYNC_ERROR, SC_SYNC_ERROR_SESSION_EXPIRED)))
    sc_odoo_client_logout (self->client);

  set_error_message (self, error->message);
  self->hopeless = hopeless || needs_the_user (error);

  if (!self->hopeless)
    {
      set_uint (self, &self->retry_delay,
                sc_sync_backoff_delay (self->base_msec, self->cap_msec, self->failures,
                                       g_random_double_range (0.5, 1.0)),
                PROP_RETRY_DELAY);
      self->failures++;
      schedule (self, self->retry_delay);
    }

  update_state (self);
  sc_sync_scheduler_refresh_counts (self);
}

static gpointer
counts_job (ScStore       *store,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  static const char *sql =
    "SELECT (SELECT count(*) FROM outbox WHERE state = 'pending'), "
    "  (SELECT count(*) FROM outbox WHERE state = 'failed'), "
    "  (SELECT count(*) FROM sync_conflicts)";
  Counts *counts = g_new0 (Counts, 1);
  sqlite3_stmt *stmt = _sc_store_prepare (store, sql, error);

  if (stmt == NULL)
    {
      g_free (counts);
      return NULL;
    }

  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      counts->pending = sqlite3_column_int (stmt, 0);
      counts->failed = sqlite3_column_int (stmt, 1);
      counts->conflicts = sqlite3_column_int (stmt, 2);
    }
  sqlite3_reset (stmt);

  return counts;
}

static void
counts_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  ScSyncScheduler *self = user_data;
  g_autofree Counts *counts = NULL;
  g_autoptr(GError) error = NULL;

  counts = sc_store_thread_run_finish (SC_STORE_THREAD (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->counting = FALSE;

  if (counts == NULL)
    g_warning ("Could not count the outbox: %s", error->message);
  else
    {
      g_object_freeze_notify (G_OBJECT (self));
      set_uint (self, &self->pending, counts->pending, PROP_PENDING);
      set_uint (self, &self->failed, counts->failed, PROP_FAILED);
      set_uint (self, &self->conflicts, counts->conflicts, PROP_CONFLICTS);
      g_object_thaw_notify (G_OBJECT (self));
    }

  if (self->count_again)
    {
      self->count_again = FALSE;
      sc_sync_scheduler_refresh_counts (self);
    }
}

static gpointer
synced_job (ScStore       *store,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  Synced *synced = data;

  if (!sc_sync_account_set_synced (store, synced->role, synced->time, error))
    return NULL;

  return GINT_TO_POINTER (TRUE);
}

static void
synced_free (gpointer data)
{
  Synced *synced = data;

  g_clear_pointer (&synced->time, g_date_time_unref);
  g_free (synced);
}

static void
synced_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (sc_store_thread_run_finish (SC_STORE_THREAD (object), result, &error) == NULL &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Could not save the time of the sync: %s", error->message);
}

static void
sync_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Attempt *attempt = user_data;
  ScSyncScheduler *self;
  g_autoptr(ScSyncReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  Synced *synced;
  ScOdooRole role;

  report = sc_sync_engine_sync_finish (SC_SYNC_ENGINE (object), result, &error);
  if (attempt_abandoned (attempt, error))
    return;

  if (report == NULL)
    {
      attempt_failed (attempt, error, FALSE);
      return;
    }

  self = attempt->self;
  self->attempt = NULL;
  attempt_free (attempt);

  now = g_date_time_new_now_utc ();
  role = sc_odoo_client_get_role (self->client);

  g_object_freeze_notify (G_OBJECT (self));
  self->failures = 0;
  set_uint (self, &self->retry_delay, 0, PROP_RETRY_DELAY);
  set_error_message (self, NULL);
  set_progress (self, 1.0);
  set_last_sync (self, now);
  if (self->account->role != role)
    {
      self->account->role = role;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
    }
  update_state (self);
  g_object_thaw_notify (G_OBJECT (self));

  synced = g_new0 (Synced, 1);
  synced->role = role;
  synced->time = g_date_time_ref (now);
  sc_store_thread_run_async (self->store, synced_job, synced, synced_free, NULL,
                             self->cancellable, synced_cb, NULL);

  sc_sync_scheduler_refresh_counts (self);
  if (self->interval_msec > 0)
    schedule (self, self->interval_msec);
}

static void
run_engine (Attempt *attempt)
{
  ScSyncScheduler *self = attempt->self;

  sc_sync_engine_sync_async (self->engine, attempt->cancellable, sync_cb, attempt);
}

static void
login_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Attempt *attempt = user_data;
  g_autoptr(GError) error = NULL;
  ScSyncScheduler *self;

  sc_odoo_client_login_finish (SC_ODOO_CLIENT (object), result, &error);
  if (attempt_abandoned (attempt, error))
    return;

  if (error != NULL)
    {
      attempt_failed (attempt, error, FALSE);
      return;
    }

  self = attempt->self;
  if (self->account->role != sc_odoo_client_get_role (self->client))
    {
      self->account->role = sc_odoo_client_get_role (self->client);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
    }

  run_engine (attempt);
}

static void
secret_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Attempt *attempt = user_data;
  ScSyncScheduler *self;
  g_autoptr(GError) error = NULL;
  char *secret;

  secret = attempt->funcs.lookup_finish (result, &error);
  if (attempt_abandoned (attempt, error))
    {
      if (secret != NULL)
        attempt->funcs.free_secret (secret);
      return;
    }

  /* A keyring without the secret, or locked, will not change by itself. */
  if (secret == NULL)
    {
      attempt_failed (attempt, error, TRUE);
      return;
    }

  self = attempt->self;
  sc_odoo_client_login_async (self->client, self->account->login, secret, attempt->cancellable,
                              login_cb, attempt);
  attempt->funcs.free_secret (secret);
}

static void
on_engine_progress_cb (ScSyncScheduler *self,
                       const char      *model,
                       guint            done,
                       guint64          total,
                       ScSyncEngine    *engine)
{
  double part = total > 0 ? MIN (1.0, (double)done / (double)total) : 0.0;
  guint index = 0;

  for (guint i = 0; i < SC_SYNC_N_MODELS; i++)
    if (g_strcmp0 (sc_sync_model_name (i), model) == 0)
      index = i;

  /* Each model is an equal share: row counts differ by orders of magnitude. */
  set_progress (self, (index + part) / SC_SYNC_N_MODELS);
}

static void
begin_sync (ScSyncScheduler *self)
{
  Attempt *attempt;

  g_clear_handle_id (&self->timer_id, g_source_remove);

  if (self->attempt != NULL || !is_configured (self) || !self->network_available)
    return;

  if (self->client == NULL)
    {
      self->client = sc_odoo_client_new (self->account->url, self->account->database);
      sc_odoo_client_set_timeout (self->client, self->timeout_seconds);
      sc_odoo_client_set_pinned_certificate (self->client, self->account->certificate);
      self->engine = sc_sync_engine_new (self->store, self->client);
      g_signal_connect_object (self->engine, "progress", G_CALLBACK (on_engine_progress_cb),
                               self, G_CONNECT_SWAPPED);
    }

  attempt = g_new0 (Attempt, 1);
  attempt->self = self;
  attempt->cancellable = g_cancellable_new ();
  self->attempt = attempt;
  self->hopeless = FALSE;

  g_object_freeze_notify (G_OBJECT (self));
  set_progress (self, 0.0);
  set_state (self, SC_SYNC_STATUS_SYNCING);
  g_object_thaw_notify (G_OBJECT (self));

  if (sc_odoo_client_get_uid (self->client) > 0)
    {
      run_engine (attempt);
      return;
    }

  if (!self->has_funcs)
    {
      g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                                     _("There is no keyring to read the "
                                                       "password or API key from"));
      attempt_failed (attempt, error, TRUE);
      return;
    }

  attempt->funcs = self->funcs;
  self->funcs.lookup_async (self->account->url, self->account->database, self->account->login,
                            attempt->cancellable, secret_cb, attempt);
}

static void
account_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ScSyncScheduler *self = user_data;
  g_autoptr(ScSyncAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) last_sync = NULL;
  gboolean changed;
  gboolean first;
  ScOdooRole old_role;

  account = sc_sync_account_load_finish (SC_STORE_THREAD (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->loading_account = FALSE;

  if (account == NULL)
    {
      g_warning ("Could not read the Odoo account: %s", error->message);
      return;
    }

  first = self->account == NULL;
  /* Asked to reload: the password may have changed too, so sign in anew. */
  changed = first || self->relogin || !sc_sync_account_same_identity (self->account, account);
  self->relogin = FALSE;
  old_role = self->account != NULL ? self->account->role : SC_ODOO_ROLE_NONE;

  g_object_freeze_notify (G_OBJECT (self));

  if (changed && !first)
    {
      drop_client (self);
      self->failures = 0;
      self->hopeless = FALSE;
      set_uint (self, &self->retry_delay, 0, PROP_RETRY_DELAY);
      set_error_message (self, NULL);
    }

  /* The engine's login knows the role better than a setting read mid-sync. */
  if (!changed && self->attempt != NULL)
    account->role = old_role;

  g_clear_pointer (&self->account, sc_sync_account_free);
  self->account = g_steal_pointer (&account);

  if (first || changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOGIN]);
  if (first || old_role != self->account->role)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);

  last_sync = sc_sync_account_get_last_sync (self->account);
  set_last_sync (self, last_sync);
  update_state (self);

  g_object_thaw_notify (G_OBJECT (self));

  if (changed && is_configured (self))
    schedule (self, 0);

  if (self->reload_again)
    {
      self->reload_again = FALSE;
      load_account (self);
    }
}

/* Settings written by anyone, ourselves included: follow a new account. */
static void
load_account (ScSyncScheduler *self)
{
  if (self->loading_account)
    {
      self->reload_again = TRUE;
      return;
    }

  self->loading_account = TRUE;
  sc_sync_account_load_async (self->store, self->cancellable, account_loaded_cb, self);
}

static void
on_store_changed_cb (ScSyncScheduler *self,
                     ScStoreChange    changes,
                     ScStoreThread   *store)
{
  if (changes & SC_STORE_CHANGE_SETTINGS)
    load_account (self);
  if (changes & SC_STORE_CHANGE_OUTBOX)
    sc_sync_scheduler_refresh_counts (self);
}

static void
on_network_changed_cb (ScSyncScheduler *self,
                       gboolean         available,
                       GNetworkMonitor *monitor)
{
  available = g_network_monitor_get_network_available (monitor);

  if (self->network_available == available)
    return;

  self->network_available = available;

  if (!available)
    {
      /* A sync under way fails on its own, or finishes if it can. */
      g_clear_handle_id (&self->timer_id, g_source_remove);
    }
  else
    {
      self->failures = 0;
      self->hopeless = FALSE;
      schedule (self, self->reconnect_msec);
    }

  update_state (self);
}

/* Overrides */

static void
sc_sync_scheduler_constructed (GObject *object)
{
  ScSyncScheduler *self = (ScSyncScheduler *)object;

  G_OBJECT_CLASS (sc_sync_scheduler_parent_class)->constructed (object);

  if (self->monitor == NULL)
    self->monitor = g_object_ref (g_network_monitor_get_default ());

  self->network_available = g_network_monitor_get_network_available (self->monitor);
  g_signal_connect_object (self->monitor, "network-changed",
                           G_CALLBACK (on_network_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
sc_sync_scheduler_dispose (GObject *object)
{
  ScSyncScheduler *self = (ScSyncScheduler *)object;

  g_clear_handle_id (&self->timer_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  drop_client (self);

  G_OBJECT_CLASS (sc_sync_scheduler_parent_class)->dispose (object);
}

static void
sc_sync_scheduler_finalize (GObject *object)
{
  ScSyncScheduler *self = (ScSyncScheduler *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->monitor);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->account, sc_sync_account_free);
  g_clear_pointer (&self->error_message, g_free);
  g_clear_pointer (&self->last_sync, g_date_time_unref);

  G_OBJECT_CLASS (sc_sync_scheduler_parent_class)->finalize (object);
}

static void
sc_sync_scheduler_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ScSyncScheduler *self = SC_SYNC_SCHEDULER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_NETWORK_MONITOR:
      g_value_set_object (value, self->monitor);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_PROGRESS:
      g_value_set_double (value, self->progress);
      break;
    case PROP_ERROR_MESSAGE:
      g_value_set_string (value, self->error_message);
      break;
    case PROP_LAST_SYNC:
      g_value_set_boxed (value, self->last_sync);
      break;
    case PROP_PENDING:
      g_value_set_uint (value, self->pending);
      break;
    case PROP_FAILED:
      g_value_set_uint (value, self->failed);
      break;
    case PROP_CONFLICTS:
      g_value_set_uint (value, self->conflicts);
      break;
    case PROP_ROLE:
      g_value_set_enum (value, sc_sync_scheduler_get_role (self));
      break;
    case PROP_LOGIN:
      g_value_set_string (value, sc_sync_scheduler_get_login (self));
      break;
    case PROP_INTERVAL:
      g_value_set_uint (value, self->interval_msec);
      break;
    case PROP_RETRY_DELAY:
      g_value_set_uint (value, self->retry_delay);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_sync_scheduler_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  ScSyncScheduler *self = SC_SYNC_SCHEDULER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_NETWORK_MONITOR:
      self->monitor = g_value_dup_object (value);
      break;
    case PROP_INTERVAL:
      sc_sync_scheduler_set_interval (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_sync_scheduler_class_init (ScSyncSchedulerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = sc_sync_scheduler_constructed;
  object_class->dispose = sc_sync_scheduler_dispose;
  object_class->finalize = sc_sync_scheduler_finalize;
  object_class->get_property = sc_sync_scheduler_get_property;
  object_class->set_property = sc_sync_scheduler_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SC_TYPE_STORE_THREAD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NETWORK_MONITOR] =
    g_param_spec_object ("network-monitor", NULL, NULL, G_TYPE_NETWORK_MONITOR,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, SC_TYPE_SYNC_STATUS, SC_SYNC_STATUS_NOT_CONFIGURED, ro);
  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL, 0.0, 1.0, 0.0, ro);
  properties[PROP_ERROR_MESSAGE] =
    g_param_spec_string ("error-message", NULL, NULL, NULL, ro);
  properties[PROP_LAST_SYNC] =
    g_param_spec_boxed ("last-sync", NULL, NULL, G_TYPE_DATE_TIME, ro);
  properties[PROP_PENDING] =
    g_param_spec_uint ("pending", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_FAILED] =
    g_param_spec_uint ("failed", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_CONFLICTS] =
    g_param_spec_uint ("conflicts", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_ROLE] =
    g_param_spec_enum ("role", NULL, NULL, SC_TYPE_ODOO_ROLE, SC_ODOO_ROLE_NONE, ro);
  properties[PROP_LOGIN] =
    g_param_spec_string ("login", NULL, NULL, NULL, ro);
  properties[PROP_INTERVAL] =
    g_param_spec_uint ("interval", NULL, NULL, 0, G_MAXUINT, DEFAULT_INTERVAL_MSEC,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RETRY_DELAY] =
    g_param_spec_uint ("retry-delay", NULL, NULL, 0, G_MAXUINT, 0, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sc_sync_scheduler_init (ScSyncScheduler *self)
{
  self->cancellable = g_cancellable_new ();
  self->state = SC_SYNC_STATUS_NOT_CONFIGURED;
  self->interval_msec = DEFAULT_INTERVAL_MSEC;
  self->base_msec = DEFAULT_BASE_MSEC;
  self->cap_msec = DEFAULT_CAP_MSEC;
  self->reconnect_msec = DEFAULT_RECONNECT_MSEC;
  self->timeout_seconds = DEFAULT_TIMEOUT_SECONDS;
}

/* Public API */

/**
 * sc_sync_scheduler_new:
 * @store: the store thread
 * @monitor: (nullable): the network monitor, or %NULL for the default one
 *
 * Returns: (transfer full): a scheduler; call sc_sync_scheduler_start()
 */
ScSyncScheduler *
sc_sync_scheduler_new (ScStoreThread   *store,
                       GNetworkMonitor *monitor)
{
  g_return_val_if_fail (SC_IS_STORE_THREAD (store), NULL);
  g_return_val_if_fail (!monitor || G_IS_NETWORK_MONITOR (monitor), NULL);

  return g_object_new (SC_TYPE_SYNC_SCHEDULER,
                       "store", store,
                       "network-monitor", monitor,
                       NULL);
}

/**
 * sc_sync_scheduler_set_secret_funcs:
 * @self: a #ScSyncScheduler
 * @funcs: (nullable): how to find the secret, copied; %NULL for none
 */
void
sc_sync_scheduler_set_secret_funcs (ScSyncScheduler         *self,
                                    const ScSyncSecretFuncs *funcs)
{
  g_return_if_fail (SC_IS_SYNC_SCHEDULER (self));

  self->has_funcs = funcs != NULL;
  if (funcs != NULL)
    self->funcs = *funcs;
}

/**
 * sc_sync_scheduler_start:
 * @self: a #ScSyncScheduler
 *
 * Reads the account and the outbox, then syncs soon if an account is set
 * up and the network is available.
 */
void
sc_sync_scheduler_start (ScSyncScheduler *self)
{
  g_return_if_fail (SC_IS_SYNC_SCHEDULER (self));

  if (self->started)
    return;

  self->started = TRUE;
  load_account (self);
  sc_sync_scheduler_refresh_counts (self);
}

/**
 * sc_sync_scheduler_sync_now:
 * @self: a #ScSyncScheduler
 *
 * Syncs now, unless a sync is already running (this call then joins it),
 * no account is set up, or the network is down.
 */
void
sc_sync_scheduler_sync_now (ScSyncScheduler *self)
{
  g_return_if_fail (SC_IS_SYNC_SCHEDULER (self));

  if (self->attempt != NULL)
    return;

  self->failures = 0;
  begin_sync (self);
}

/**
 * sc_sync_scheduler_reload_account:
 * @self: a #ScSyncScheduler
 *
 * Reads the account from the store's settings again and signs in anew
 * with the secret in the keyring, which may have changed: call it after
 * saving an account. A running sync is cancelled and a new one starts.
 */
void
sc_sync_scheduler_reload_account (ScSyncScheduler *self)
{
  g_return_if_fail (SC_IS_SYNC_SCHEDULER (self));

  self->relogin = TRUE;
  load_account (self);
}

/**
 * sc_sync_scheduler_refresh_counts:
 * @self: a #ScSyncScheduler
 *
 * Counts the pending and failed outbox entries and the conflicts again.
 */
void
sc_sync_scheduler_refresh_counts (ScSyncScheduler *self)
{
  g_return_if_fail (SC_IS_SYNC_SCHEDULER (self));

  if (self->counting)
    {
      self->count_again = TRUE;
      return;
    }

  self->counting = TRUE;
  sc_store_thread_run_async (self->store, counts_job, NULL, NULL, g_free, self->cancellable,
                             counts_cb, self);
}

ScSyncStatus
sc_sync_scheduler_get_state (ScSyncScheduler *self)
{
  g_return_val_if_fail (SC_IS_SYNC_SCHEDULER (self), SC_SYNC_STATUS_NOT_CONFIGURED);
  return self->state;
}

/**
 * sc_sync_scheduler_get_progress:
 * @self: a #ScSyncScheduler
 *
 * Returns: how far the running sync is, from 0 to 1
 */
double
sc_sync_scheduler_get_progress (ScSyncScheduler *self)
{
  g_return_val_if_fail (SC_IS_SYNC_SCHEDULER (self), 0.0);
  return self->progress;
}

/**
 * sc_sync_scheduler_get_error_message:
 * @self: a #ScSyncScheduler
 *
 * Returns: (nullable): why the last sync failed, a sentence for the user
 */
const char *
sc_sync_scheduler_get_error_message (ScSyncScheduler *self)
{
  g_return_val_if_fail (SC_IS_SYNC_SCHEDULER (self), NULL);
  return self->error_message;
}

/**
 * sc_sync_scheduler_get_last_sync:
 * @self: a #ScSyncScheduler
 *
 * Returns: (transfer none) (nullable): when the last sync ended, in UTC
 */
GDateTime *
sc_sync_scheduler_get_last_sync (ScSyncScheduler *self)
{
  g_return_val_if_fail (SC_IS_SYNC_SCHEDULER (self), NULL);
  return self->last_sync;
}

guint
sc_sync_scheduler_get_pending (ScSyncScheduler *self)
{
  g_return_val_if_fail (SC_IS_SYNC_SCHEDULER (self), 0);
  return self->pending;
}

guint
sc_sync_scheduler_get_failed (ScSyncScheduler *self)
{
  g_return_val_if_fail (SC_IS_SYNC_SCHEDULER (self), 0);
  return self->failed;
}

guint
sc_sync_scheduler_get_conflicts (ScSyncScheduler *self)
{
  g_return_val_if_fail (SC_IS_SYNC_SCHEDULER (self), 0);
  return self->conflicts;
}

/**
 * sc_sync_scheduler_get_role:
 * @self: a #ScSyncScheduler
 *
 * Returns: the user's KPI group, as read at the last login (known offline)
 */
ScOdooRole
sc_sync_scheduler_get_role (ScSyncScheduler *self)
{
  g_return_val_if_fail (SC_IS_SYNC_SCHEDULER (self), SC_ODOO_ROLE_NONE);

  if (!is_configured (self))
    return SC_ODOO_ROLE_NONE;

  return self->account->role;
}

/**
 * sc_sync_scheduler_get_login:
 * @self: a #ScSyncScheduler
 *
 * Returns: (nullable): the account's login, or %NULL when none is set up
 */
const char *
sc_sync_scheduler_get_login (ScSyncScheduler *self)
{
  g_return_val_if_fail (SC_IS_SYNC_SCHEDULER (self), NULL);

  return is_configured (self) ? self->account->login : NULL;
}

/**
 * sc_sync_scheduler_get_retry_delay:
 * @self: a #ScSyncScheduler
 *
 * Returns: the wait before the retry after the last failure, in
 *   milliseconds; 0 after a success
 */
guint
sc_sync_scheduler_get_retry_delay (ScSyncScheduler *self)
{
  g_return_val_if_fail (SC_IS_SYNC_SCHEDULER (self), 0);
  return self->retry_delay;
}

/**
 * sc_sync_scheduler_get_failures:
 * @self: a #ScSyncScheduler
 *
 * Returns: failed syncs in a row since the last success
 */
guint
sc_sync_scheduler_get_failures (ScSyncScheduler *self)
{
  g_return_val_if_fail (SC_IS_SYNC_SCHEDULER (self), 0);
  return self->failures;
}

guint
sc_sync_scheduler_get_interval (ScSyncScheduler *self)
{
  g_return_val_if_fail (SC_IS_SYNC_SCHEDULER (self), 0);
  return self->interval_msec;
}

/**
 * sc_sync_scheduler_set_interval:
 * @self: a #ScSyncScheduler
 * @msec: the time between periodic syncs, in milliseconds; 0 for none
 */
void
sc_sync_scheduler_set_interval (ScSyncScheduler *self,
                                guint            msec)
{
  g_return_if_fail (SC_IS_SYNC_SCHEDULER (self));

  if (self->interval_msec == msec)
    return;

  self->interval_msec = msec;
  if (self->failures == 0 && self->attempt == NULL && self->last_sync != NULL)
    {
      if (msec > 0)
        schedule (self, msec);
      else
        g_clear_handle_id (&self->timer_id, g_source_remove);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTERVAL]);
}

/**
 * sc_sync_scheduler_set_backoff:
 * @self: a #ScSyncScheduler
 * @base_msec: the first retry's step
 * @cap_msec: the longest step
 *
 * See sc_sync_backoff_delay().
 */
void
sc_sync_scheduler_set_backoff (ScSyncScheduler *self,
                               guint            base_msec,
                               guint            cap_msec)
{
  g_return_if_fail (SC_IS_SYNC_SCHEDULER (self));
  g_return_if_fail (base_msec > 0 && cap_msec >= base_msec);

  self->base_msec = base_msec;
  self->cap_msec = cap_msec;
}

/**
 * sc_sync_scheduler_set_reconnect_delay:
 * @self: a #ScSyncScheduler
 * @msec: the wait between the network coming back and the sync
 */
void
sc_sync_scheduler_set_reconnect_delay (ScSyncScheduler *self,
                                       guint            msec)
{
  g_return_if_fail (SC_IS_SYNC_SCHEDULER (self));

  self->reconnect_msec = msec;
}

/**
 * sc_sync_scheduler_set_timeout:
 * @self: a #ScSyncScheduler
 * @seconds: the time each call to the server may take
 */
void
sc_sync_scheduler_set_timeout (ScSyncScheduler *self,
                               guint            seconds)
{
  g_return_if_fail (SC_IS_SYNC_SCHEDULER (self));

  self->timeout_seconds = seconds;
  if (self->client != NULL)
    sc_odoo_client_set_timeout (self->client, seconds);
}

/**
 * sc_sync_backoff_delay:
 * @base_msec: the first step
 * @cap_msec: the longest step
 * @failures: failures before this one (0 for the first retry)
 * @jitter: a random factor in [0.5, 1]
 *
 * Returns: min (@cap_msec, @base_msec · 2^@failures) · @jitter, in milliseconds
 */
guint
sc_sync_backoff_delay (guint  base_msec,
                       guint  cap_msec,
                       guint  failures,
                       double jitter)
{
  double step = base_msec;

  for (guint i = 0; i < failures && step < cap_msec; i++)
    step *= 2;

  step = MIN (step, (double)cap_msec);

  return (guint)(step * CLAMP (jitter, 0.5, 1.0));
}
