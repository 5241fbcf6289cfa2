/* sc-context.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sc-kpi-analysis.h"
#include "sc-store-thread.h"
#include "sc-sync-scheduler.h"

G_BEGIN_DECLS

#define SC_TYPE_CONTEXT (sc_context_get_type ())

G_DECLARE_FINAL_TYPE (ScContext, sc_context, SC, CONTEXT, GObject)

ScContext     *sc_context_new               (ScStoreThread        *store,
                                             GSettings            *settings);
ScStoreThread *sc_context_get_store         (ScContext            *self);
GSettings     *sc_context_get_settings      (ScContext            *self);
ScSyncScheduler *sc_context_get_sync        (ScContext            *self);
GListModel    *sc_context_get_kpis          (ScContext            *self);
gboolean       sc_context_get_loaded        (ScContext            *self);
void           sc_context_reload            (ScContext            *self);
ScKpi         *sc_context_lookup_kpi        (ScContext            *self,
                                             gint64                kpi_id);
void           sc_context_submit_async      (ScContext            *self,
                                             gint64                kpi_id,
                                             double                value,
                                             gint64                date,
                                             const char           *note,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean       sc_context_submit_finish     (ScContext            *self,
                                             GAsyncResult         *result,
                                             ScSubmitResult       *submit_result,
                                             GError              **error);
void           sc_context_history_async     (ScContext            *self,
                                             gint64                kpi_id,
                                             gint64                since,
                                             guint                 limit,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
GArray        *sc_context_history_finish    (ScContext            *self,
                                             GAsyncResult         *result,
                                             GError              **error);
void           sc_context_submissions_async (ScContext            *self,
                                             gint64                kpi_id,
                                             guint                 limit,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
GPtrArray     *sc_context_submissions_finish (ScContext           *self,
                                              GAsyncResult        *result,
                                              GError             **error);

void           sc_context_set_zones_async   (ScContext            *self,
                                             gint64                kpi_id,
                                             double                warn_from,
                                             double                good_from,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean       sc_context_set_zones_finish  (ScContext            *self,
                                             GAsyncResult         *result,
                                             GError              **error);
void           sc_context_analyze_async     (ScContext            *self,
                                             GPtrArray            *kpis,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
GPtrArray     *sc_context_analyze_finish    (ScContext            *self,
                                             GAsyncResult         *result,
                                             GError              **error);

G_END_DECLS
