/* sc-outbox.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-outbox"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-store-private.h"

/* The outbox keeps local changes until the server confirms them. Entries
 * are only written inside the caller's transaction, together with the
 * change they describe, so a crash can never leave one without the other.
 */

gint64
_sc_store_enqueue (ScStore     *self,
                   const char  *operation,
                   const char  *model,
                   gint64       record_id,
                   const char  *payload,
                   const char  *base_write_date,
                   GError     **error)
{
  g_autofree char *key = g_uuid_string_random ();
  sqlite3_stmt *stmt;
  int rc;

  g_assert (SC_IS_STORE (self));
  g_assert (operation != NULL);
  g_assert (model != NULL);
  g_assert (payload != NULL);

  stmt = _sc_store_prepare (self,
                            "INSERT INTO outbox (created_at, operation, model, record_id, payload, "
                            "  base_write_date, idempotency_key) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?)",
                            error);
  if (stmt == NULL)
    return -1;

  sqlite3_bind_int64 (stmt, 1, g_get_real_time () / G_USEC_PER_SEC);
  sqlite3_bind_text (stmt, 2, operation, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, model, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, record_id);
  sqlite3_bind_text (stmt, 5, payload, -1, SQLITE_STATIC);
  if (base_write_date != NULL)
    sqlite3_bind_text (stmt, 6, base_write_date, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, key, -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (self, error, rc, _("Queueing the change for sync"));
      return -1;
    }

  return sqlite3_last_insert_rowid (_sc_store_get_db (self));
}
