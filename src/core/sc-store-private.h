/* sc-store-private.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "sc-store.h"

G_BEGIN_DECLS

sqlite3      *_sc_store_get_db             (ScStore      *self);
sqlite3_stmt *_sc_store_prepare            (ScStore      *self,
                                            const char   *sql,
                                            GError      **error);
gboolean      _sc_store_exec               (ScStore      *self,
                                            const char   *sql,
                                            GError      **error);
gboolean      _sc_store_begin              (ScStore      *self,
                                            GError      **error);
gboolean      _sc_store_commit             (ScStore      *self,
                                            ScStoreChange changes,
                                            GError      **error);
void          _sc_store_rollback           (ScStore      *self);
gboolean      _sc_store_in_transaction     (ScStore      *self);
void          _sc_store_set_error          (ScStore      *self,
                                            GError      **error,
                                            int           rc,
                                            const char   *what);
gboolean      _sc_store_step_done          (ScStore      *self,
                                            sqlite3_stmt *stmt,
                                            const char   *what,
                                            GError      **error);
void          _sc_store_emit_changed       (ScStore      *self,
                                            ScStoreChange changes);
gint64        _sc_store_enqueue            (ScStore      *self,
                                            const char   *operation,
                                            const char   *model,
                                            gint64        record_id,
                                            const char   *payload,
                                            const char   *base_write_date,
                                            GError      **error);
gboolean      _sc_store_refresh_kpi_value  (ScStore      *self,
                                            gint64        kpi_id,
                                            GError      **error);
gboolean      _sc_store_migrate            (ScStore      *self,
                                            int           from_version,
                                            GError      **error);

static inline const char *
_sc_column_text (sqlite3_stmt *stmt,
                 int           column)
{
  return (const char *)sqlite3_column_text (stmt, column);
}

G_END_DECLS
