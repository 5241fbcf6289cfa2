/* sc-export.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sc-json-writer.h"
#include "sc-store.h"

G_BEGIN_DECLS

typedef enum
{
  SC_EXPORT_KPIS,
  SC_EXPORT_SUBMISSIONS,
} ScExportWhat;

typedef enum
{
  SC_EXPORT_CSV,
  SC_EXPORT_JSON,
} ScExportFormat;

char     *sc_export_format_utc (gint64          utc);
void      sc_export_kpi_json   (ScJsonWriter   *writer,
                                ScKpi          *kpi);
gboolean  sc_export_kpis_json  (GPtrArray      *kpis,
                                GOutputStream  *out,
                                GError        **error);
gboolean  sc_export_write      (ScStore        *store,
                                ScExportWhat    what,
                                ScExportFormat  format,
                                GOutputStream  *out,
                                GError        **error);

G_END_DECLS
