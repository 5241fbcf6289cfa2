/* sc-cli-table.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-cli"

#include "config.h"

#include "sc-cli-table.h"

/* A plain-text table whose columns are as wide as their widest cell,
 * measured in characters (not bytes) so that names like “Zoë” line up. */

struct _ScCliTable
{
  guint       n_columns;
  char      **titles;
  ScCliAlign *aligns;
  GPtrArray  *rows;
};

static void
free_row (gpointer data)
{
  g_strfreev (data);
}

ScCliTable *
sc_cli_table_new (guint n_columns)
{
  ScCliTable *table = g_new0 (ScCliTable, 1);

  table->n_columns = n_columns;
  table->titles = g_new0 (char *, n_columns + 1);
  table->aligns = g_new0 (ScCliAlign, n_columns);
  table->rows = g_ptr_array_new_with_free_func (free_row);

  return table;
}

void
sc_cli_table_free (ScCliTable *table)
{
  if (table == NULL)
    return;

  g_strfreev (table->titles);
  g_free (table->aligns);
  g_ptr_array_unref (table->rows);
  g_free (table);
}

void
sc_cli_table_set_header (ScCliTable *table,
                         guint       column,
                         const char *title,
                         ScCliAlign  align)
{
  g_return_if_fail (column < table->n_columns);

  g_free (table->titles[column]);
  table->titles[column] = g_strdup (title);
  table->aligns[column] = align;
}

void
sc_cli_table_add_row (ScCliTable         *table,
                      const char * const *cells)
{
  char **row = g_new0 (char *, table->n_columns + 1);

  for (guint i = 0; i < table->n_columns; i++)
    {
      const char *cell = cells[i] != NULL ? cells[i] : "";

      /* Keep each row on one line. */
      row[i] = g_strdelimit (g_strdup (cell), "\r\n\t", ' ');
    }

  g_ptr_array_add (table->rows, row);
}

static void
append_cell (GString    *out,
             const char *text,
             guint       width,
             ScCliAlign  align,
             gboolean    last)
{
  guint length = (guint)g_utf8_strlen (text, -1);
  guint pad = width > length ? width - length : 0;

  if (align == SC_CLI_ALIGN_RIGHT)
    for (guint i = 0; i < pad; i++)
      g_string_append_c (out, ' ');

  g_string_append (out, text);

  if (align == SC_CLI_ALIGN_LEFT && !last)
    for (guint i = 0; i < pad; i++)
      g_string_append_c (out, ' ');

  if (!last)
    g_string_append (out, "  ");
}

char *
sc_cli_table_render (ScCliTable *table)
{
  g_autofree guint *widths = g_new0 (guint, table->n_columns);
  GString *out = g_string_new (NULL);

  for (guint c = 0; c < table->n_columns; c++)
    widths[c] = table->titles[c] ? (guint)g_utf8_strlen (table->titles[c], -1) : 0;

  for (guint r = 0; r < table->rows->len; r++)
    {
      char **row = g_ptr_array_index (table->rows, r);

      for (guint c = 0; c < table->n_columns; c++)
        widths[c] = MAX (widths[c], (guint)g_utf8_strlen (row[c], -1));
    }

  for (guint c = 0; c < table->n_columns; c++)
    append_cell (out, table->titles[c] ? table->titles[c] : "", widths[c], table->aligns[c],
                 c + 1 == table->n_columns);
  g_string_append_c (out, '\n');

  for (guint c = 0; c < table->n_columns; c++)
    {
      for (guint i = 0; i < widths[c]; i++)
        g_string_append (out, "─");
      if (c + 1 < table->n_columns)
        g_string_append (out, "  ");
    }
  g_string_append_c (out, '\n');

  for (guint r = 0; r < table->rows->len; r++)
    {
      char **row = g_ptr_array_index (table->rows, r);

      for (guint c = 0; c < table->n_columns; c++)
        append_cell (out, row[c], widths[c], table->aligns[c], c + 1 == table->n_columns);
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}
