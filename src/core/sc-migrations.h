/* sc-migrations.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-store-private.h"

G_BEGIN_DECLS

typedef struct
{
  int         version;
  const char *sql;
} ScMigration;

gboolean _sc_store_apply_migrations (ScStore           *self,
                                     const ScMigration *migrations,
                                     guint              n_migrations,
                                     int                from_version,
                                     GError           **error);

G_END_DECLS
