/* sc-import.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sc-store.h"

G_BEGIN_DECLS

typedef enum
{
  SC_IMPORT_AUTO,
  SC_IMPORT_KPIS,
  SC_IMPORT_SUBMISSIONS,
} ScImportKind;

/**
 * ScImportReport:
 * @kind: what the file held
 * @n_rows: data rows read
 * @n_created: rows that became new records
 * @n_updated: rows that changed an existing record
 * @n_skipped: bad rows left out (with --skip-bad)
 * @problems: (element-type utf8): one "FILE:LINE: FIELD: message" per bad row
 */
typedef struct
{
  ScImportKind  kind;
  guint         n_rows;
  guint         n_created;
  guint         n_updated;
  guint         n_skipped;
  GPtrArray    *problems;
} ScImportReport;

ScImportReport *sc_import_report_new  (void);
void            sc_import_report_free (ScImportReport *report);

gboolean        sc_import_csv_file    (ScStore         *store,
                                       const char      *path,
                                       ScImportKind     kind,
                                       gboolean         skip_bad,
                                       ScImportReport  *report,
                                       GError         **error);
gboolean        sc_import_csv_data    (ScStore         *store,
                                       const char      *display_name,
                                       const char      *data,
                                       gsize            length,
                                       ScImportKind     kind,
                                       gboolean         skip_bad,
                                       ScImportReport  *report,
                                       GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScImportReport, sc_import_report_free)

G_END_DECLS
