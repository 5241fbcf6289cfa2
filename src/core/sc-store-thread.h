/* sc-store-thread.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sc-store.h"

G_BEGIN_DECLS

#define SC_TYPE_STORE_THREAD (sc_store_thread_get_type ())

G_DECLARE_FINAL_TYPE (ScStoreThread, sc_store_thread, SC, STORE_THREAD, GObject)

/**
 * ScStoreJob:
 * @store: the store, owned by the store thread
 * @data: the job's data
 * @cancellable: (nullable): cancelled when the caller gave up
 * @error: return location for a #GError
 *
 * Work done on the store thread. Returns a result handed to the caller's
 * callback (freed with the job's result free function if nobody takes it),
 * or %NULL with @error set.
 */
typedef gpointer (*ScStoreJob) (ScStore       *store,
                                gpointer       data,
                                GCancellable  *cancellable,
                                GError       **error);

ScStoreThread *sc_store_thread_new         (const char           *path,
                                            GError              **error);
const char    *sc_store_thread_get_path    (ScStoreThread        *self);
void           sc_store_thread_run_async   (ScStoreThread        *self,
                                            ScStoreJob            job,
                                            gpointer              data,
                                            GDestroyNotify        data_free,
                                            GDestroyNotify        result_free,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gpointer       sc_store_thread_run_finish  (ScStoreThread        *self,
                                            GAsyncResult         *result,
                                            GError              **error);
void           sc_store_thread_watch       (ScStoreThread        *self);

G_END_DECLS
