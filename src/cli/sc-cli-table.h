/* sc-cli-table.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _ScCliTable ScCliTable;

typedef enum
{
  SC_CLI_ALIGN_LEFT,
  SC_CLI_ALIGN_RIGHT,
} ScCliAlign;

ScCliTable *sc_cli_table_new        (guint               n_columns);
void        sc_cli_table_free       (ScCliTable         *table);
void        sc_cli_table_set_header (ScCliTable         *table,
                                     guint               column,
                                     const char         *title,
                                     ScCliAlign          align);
void        sc_cli_table_add_row    (ScCliTable         *table,
                                     const char * const *cells);
char       *sc_cli_table_render     (ScCliTable         *table);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScCliTable, sc_cli_table_free)

G_END_DECLS
