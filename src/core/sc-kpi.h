/* sc-kpi.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "sc-types.h"

G_BEGIN_DECLS

#define SC_TYPE_KPI (sc_kpi_get_type ())

G_DECLARE_FINAL_TYPE (ScKpi, sc_kpi, SC, KPI, GObject)

gint64               sc_kpi_get_id             (ScKpi    *self);
gint64               sc_kpi_get_odoo_id        (ScKpi    *self);
const char          *sc_kpi_get_name           (ScKpi    *self);
gint64               sc_kpi_get_group_id       (ScKpi    *self);
const char          *sc_kpi_get_group_name     (ScKpi    *self);
ScKpiType            sc_kpi_get_kpi_type       (ScKpi    *self);
ScTargetType         sc_kpi_get_target_type    (ScKpi    *self);
double               sc_kpi_get_target_value   (ScKpi    *self);
int                  sc_kpi_get_priority       (ScKpi    *self);
ScDirection          sc_kpi_get_direction      (ScKpi    *self);
ScReportType         sc_kpi_get_report_type    (ScKpi    *self);
ScDepartment         sc_kpi_get_department     (ScKpi    *self);
double               sc_kpi_get_value          (ScKpi    *self);
gboolean             sc_kpi_has_value          (ScKpi    *self);
gboolean             sc_kpi_get_previous_value (ScKpi    *self,
                                                double   *previous);
double               sc_kpi_get_change         (ScKpi    *self);
double               sc_kpi_get_achievement    (ScKpi    *self);
ScScoreBand          sc_kpi_get_score_band     (ScKpi    *self);
gint64               sc_kpi_get_last_submitted (ScKpi    *self);
const char          *sc_kpi_get_note           (ScKpi    *self);
const char          *sc_kpi_get_formula        (ScKpi    *self);
const char          *sc_kpi_get_source_domain  (ScKpi    *self);
const char * const  *sc_kpi_get_assignees      (ScKpi    *self);
ScSyncState          sc_kpi_get_sync_state     (ScKpi    *self);
const char          *sc_kpi_get_write_date     (ScKpi    *self);
const char          *sc_kpi_get_currency       (ScKpi    *self);
char                *sc_kpi_format_value       (ScKpi    *self);
char                *sc_kpi_format_target      (ScKpi    *self);
double               sc_kpi_get_warn_from      (ScKpi    *self);
double               sc_kpi_get_good_from      (ScKpi    *self);
gboolean             sc_kpi_update_from        (ScKpi    *self,
                                                ScKpi    *fresh);

G_END_DECLS
