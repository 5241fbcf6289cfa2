/* sc-types.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The selection keys of Odoo's kpi_tracking addon, in the order the addon
 * lists them. sc_*_to_key() and sc_*_from_key() convert to and from the
 * strings Odoo reads and writes over JSON-RPC and that our store keeps.
 */

typedef enum
{
  SC_KPI_TYPE_MANUAL,
  SC_KPI_TYPE_AUTO,
} ScKpiType;

typedef enum
{
  SC_TARGET_TYPE_NUMBER,
  SC_TARGET_TYPE_PERCENT,
  SC_TARGET_TYPE_CURRENCY,
  SC_TARGET_TYPE_BOOLEAN,
  SC_TARGET_TYPE_DURATION,
} ScTargetType;

typedef enum
{
  SC_DIRECTION_HIGHER_BETTER,
  SC_DIRECTION_LOWER_BETTER,
} ScDirection;

typedef enum
{
  SC_REPORT_TYPE_DAILY,
  SC_REPORT_TYPE_WEEKLY,
  SC_REPORT_TYPE_MONTHLY,
  SC_REPORT_TYPE_YEARLY,
} ScReportType;

typedef enum
{
  SC_DEPARTMENT_NONE,
  SC_DEPARTMENT_SALES,
  SC_DEPARTMENT_TECHNICIAN,
  SC_DEPARTMENT_OPERATIONS,
  SC_DEPARTMENT_STORE,
  SC_DEPARTMENT_MARKETING,
  SC_DEPARTMENT_HR,
  SC_DEPARTMENT_FINANCE,
  SC_DEPARTMENT_RND,
  SC_DEPARTMENT_IT,
  SC_DEPARTMENT_ADMIN,
} ScDepartment;

#define SC_N_DEPARTMENTS 10

typedef enum
{
  SC_SCORE_BAND_EXCELLENT,
  SC_SCORE_BAND_GOOD,
  SC_SCORE_BAND_AVERAGE,
  SC_SCORE_BAND_NEEDS_IMPROVEMENT,
  SC_SCORE_BAND_UNDERPERFORMANCE,
} ScScoreBand;

typedef enum
{
  SC_KPI_ROLE_NONE,
  SC_KPI_ROLE_USER,
  SC_KPI_ROLE_MANAGER,
  SC_KPI_ROLE_ADMIN,
} ScKpiRole;

typedef enum
{
  SC_SYNC_STATE_LOCAL,
  SC_SYNC_STATE_SYNCED,
  SC_SYNC_STATE_DIRTY,
} ScSyncState;

const char *sc_kpi_type_to_key       (ScKpiType     value);
gboolean    sc_kpi_type_from_key     (const char   *key,
                                      ScKpiType    *value);
const char *sc_kpi_type_label        (ScKpiType     value);

const char *sc_target_type_to_key    (ScTargetType  value);
gboolean    sc_target_type_from_key  (const char   *key,
                                      ScTargetType *value);
const char *sc_target_type_label     (ScTargetType  value);

const char *sc_direction_to_key      (ScDirection   value);
gboolean    sc_direction_from_key    (const char   *key,
                                      ScDirection  *value);
const char *sc_direction_label       (ScDirection   value);

const char *sc_report_type_to_key    (ScReportType  value);
gboolean    sc_report_type_from_key  (const char   *key,
                                      ScReportType *value);
const char *sc_report_type_label     (ScReportType  value);

const char *sc_department_to_key     (ScDepartment  value);
gboolean    sc_department_from_key   (const char   *key,
                                      ScDepartment *value);
const char *sc_department_label      (ScDepartment  value);

const char *sc_kpi_role_to_key       (ScKpiRole     value);
gboolean    sc_kpi_role_from_key     (const char   *key,
                                      ScKpiRole    *value);
const char *sc_kpi_role_label        (ScKpiRole     value);

const char *sc_sync_state_to_key     (ScSyncState   value);
gboolean    sc_sync_state_from_key   (const char   *key,
                                      ScSyncState  *value);

G_END_DECLS
