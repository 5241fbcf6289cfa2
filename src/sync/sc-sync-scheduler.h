/* sc-sync-scheduler.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sc-odoo-client.h"
#include "sc-store-thread.h"

G_BEGIN_DECLS

/**
 * ScSyncStatus:
 * @SC_SYNC_STATUS_NOT_CONFIGURED: no Odoo account is set up; the app works offline
 * @SC_SYNC_STATUS_IDLE: the last sync worked, or none was needed yet
 * @SC_SYNC_STATUS_SYNCING: a sync is running
 * @SC_SYNC_STATUS_OFFLINE: the network is down; nothing is tried until it is back
 * @SC_SYNC_STATUS_ERROR: the last sync failed (see #ScSyncScheduler:error-message)
 *
 * What the sync scheduler is doing.
 */
typedef enum
{
  SC_SYNC_STATUS_NOT_CONFIGURED,
  SC_SYNC_STATUS_IDLE,
  SC_SYNC_STATUS_SYNCING,
  SC_SYNC_STATUS_OFFLINE,
  SC_SYNC_STATUS_ERROR,
} ScSyncStatus;

/**
 * ScSyncSecretFuncs:
 * @lookup_async: finds the password or API key of an account
 * @lookup_finish: returns it, or %NULL with an error
 * @free_secret: wipes and frees what @lookup_finish returned
 *
 * Where the scheduler gets the secret it signs in with. The app passes
 * sc-secrets (libsecret); tests pass their own.
 */
typedef struct
{
  void   (*lookup_async)  (const char           *url,
                           const char           *database,
                           const char           *login,
                           GCancellable         *cancellable,
                           GAsyncReadyCallback   callback,
                           gpointer              user_data);
  char  *(*lookup_finish) (GAsyncResult         *result,
                           GError              **error);
  void   (*free_secret)   (char                 *secret);
} ScSyncSecretFuncs;

#define SC_TYPE_SYNC_SCHEDULER (sc_sync_scheduler_get_type ())

G_DECLARE_FINAL_TYPE (ScSyncScheduler, sc_sync_scheduler, SC, SYNC_SCHEDULER, GObject)

ScSyncScheduler *sc_sync_scheduler_new                (ScStoreThread           *store,
                                                       GNetworkMonitor         *monitor);
void             sc_sync_scheduler_set_secret_funcs   (ScSyncScheduler         *self,
                                                       const ScSyncSecretFuncs *funcs);
void             sc_sync_scheduler_start              (ScSyncScheduler         *self);
void             sc_sync_scheduler_sync_now           (ScSyncScheduler         *self);
void             sc_sync_scheduler_reload_account     (ScSyncScheduler         *self);
void             sc_sync_scheduler_refresh_counts     (ScSyncScheduler         *self);

ScSyncStatus      sc_sync_scheduler_get_state          (ScSyncScheduler         *self);
double           sc_sync_scheduler_get_progress       (ScSyncScheduler         *self);
const char      *sc_sync_scheduler_get_error_message  (ScSyncScheduler         *self);
GDateTime       *sc_sync_scheduler_get_last_sync      (ScSyncScheduler         *self);
guint            sc_sync_scheduler_get_pending        (ScSyncScheduler         *self);
guint            sc_sync_scheduler_get_failed         (ScSyncScheduler         *self);
guint            sc_sync_scheduler_get_conflicts      (ScSyncScheduler         *self);
ScOdooRole       sc_sync_scheduler_get_role           (ScSyncScheduler         *self);
const char      *sc_sync_scheduler_get_login          (ScSyncScheduler         *self);
guint            sc_sync_scheduler_get_retry_delay    (ScSyncScheduler         *self);
guint            sc_sync_scheduler_get_failures       (ScSyncScheduler         *self);

guint            sc_sync_scheduler_get_interval       (ScSyncScheduler         *self);
void             sc_sync_scheduler_set_interval       (ScSyncScheduler         *self,
                                                       guint                    msec);
void             sc_sync_scheduler_set_backoff        (ScSyncScheduler         *self,
                                                       guint                    base_msec,
                                                       guint                    cap_msec);
void             sc_sync_scheduler_set_reconnect_delay (ScSyncScheduler        *self,
                                                       guint                    msec);
void             sc_sync_scheduler_set_timeout        (ScSyncScheduler         *self,
                                                       guint                    seconds);

guint            sc_sync_backoff_delay                (guint                    base_msec,
                                                       guint                    cap_msec,
                                                       guint                    failures,
                                                       double                   jitter);

G_END_DECLS
