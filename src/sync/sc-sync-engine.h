/* sc-sync-engine.h
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
 * ScSyncModel:
 *
 * The models a sync pulls, in the order it pulls them.
 */
typedef enum
{
  SC_SYNC_MODEL_USERS,
  SC_SYNC_MODEL_GROUPS,
  SC_SYNC_MODEL_KPIS,
  SC_SYNC_MODEL_SUBMISSIONS,
  SC_SYNC_MODEL_GROUP_SUBMISSIONS,
  SC_SYNC_N_MODELS,
} ScSyncModel;

/**
 * ScSyncReport:
 * @pulled: rows received per #ScSyncModel
 * @deleted: local rows removed because the server no longer has them
 * @pushed: outbox entries the server accepted
 * @failed: outbox entries the server refused (now marked failed)
 * @conflicts: conflicts resolved by a rule (see the sync_conflicts table)
 * @notes: (element-type utf8): what this server lacks and the sync therefore
 *   skipped (a field of an older addon, a model), as sentences for the user
 *
 * What one sync did.
 */
typedef struct
{
  guint  pulled[SC_SYNC_N_MODELS];
  guint  deleted;
  guint  pushed;
  guint  failed;
  guint  conflicts;
  GPtrArray *notes;
} ScSyncReport;

#define SC_TYPE_SYNC_ENGINE (sc_sync_engine_get_type ())

G_DECLARE_FINAL_TYPE (ScSyncEngine, sc_sync_engine, SC, SYNC_ENGINE, GObject)

const char   *sc_sync_model_name            (ScSyncModel           model);

ScSyncEngine *sc_sync_engine_new            (ScStoreThread        *store,
                                             ScOdooClient         *client);
void          sc_sync_engine_set_page_size  (ScSyncEngine         *self,
                                             guint                 page_size);
void          sc_sync_engine_sync_async     (ScSyncEngine         *self,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
ScSyncReport *sc_sync_engine_sync_finish    (ScSyncEngine         *self,
                                             GAsyncResult         *result,
                                             GError              **error);
void          sc_sync_report_free           (ScSyncReport         *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScSyncReport, sc_sync_report_free)

G_END_DECLS
