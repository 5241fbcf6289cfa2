/* sc-store.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "sc-error.h"
#include "sc-kpi.h"
#include "sc-submission.h"
#include "sc-types.h"

G_BEGIN_DECLS

#define SC_TYPE_STORE (sc_store_get_type ())

G_DECLARE_FINAL_TYPE (ScStore, sc_store, SC, STORE, GObject)

/* The schema version this build writes; see sql/NNN-*.sql. */
#define SC_STORE_SCHEMA_VERSION 6

typedef enum /*< flags >*/
{
  SC_STORE_CHANGE_USERS       = 1 << 0,
  SC_STORE_CHANGE_GROUPS      = 1 << 1,
  SC_STORE_CHANGE_KPIS        = 1 << 2,
  SC_STORE_CHANGE_SUBMISSIONS = 1 << 3,
  SC_STORE_CHANGE_OUTBOX      = 1 << 4,
  SC_STORE_CHANGE_SETTINGS    = 1 << 5,
  SC_STORE_CHANGE_ALL         = 0x3f,
} ScStoreChange;

/**
 * ScKpiSpec:
 *
 * The definition of a KPI to create or update. Initialise with
 * sc_kpi_spec_init() to get the addon's defaults.
 */
typedef struct
{
  const char    *name;
  gint64         group_id;
  ScKpiType      kpi_type;
  ScTargetType   target_type;
  double         target_value;
  int            priority;
  ScDirection    direction;
  ScReportType   report_type;
  ScDepartment   department;
  const char    *note;
  const char    *formula;
  const char    *source_domain;
} ScKpiSpec;

/**
 * ScSubmitResult:
 * @submission_id: the local id of the submission row written
 * @replaced: %TRUE when an existing row of the same KPI, user and UTC day
 *   was overwritten instead of a new one created
 * @previous_value: the overwritten value, when @replaced
 * @outbox_id: the id of the outbox entry that will push the change
 */
typedef struct
{
  gint64    submission_id;
  gboolean  replaced;
  double    previous_value;
  gint64    outbox_id;
} ScSubmitResult;

/**
 * ScHistoryPoint:
 * @time: when, Unix seconds UTC
 * @value: the value submitted then
 */
typedef struct
{
  gint64  time;
  double  value;
} ScHistoryPoint;

void        sc_kpi_spec_init               (ScKpiSpec       *spec);

char       *sc_store_default_path          (void);
ScStore    *sc_store_open                  (const char      *path,
                                            GError         **error);
const char *sc_store_get_path              (ScStore         *self);
int         sc_store_get_schema_version    (ScStore         *self);
gboolean    sc_store_poll_external_changes (ScStore         *self);
gboolean    sc_store_check_integrity       (ScStore         *self,
                                            GError         **error);

char       *sc_store_get_setting           (ScStore         *self,
                                            const char      *key);
gboolean    sc_store_set_setting           (ScStore         *self,
                                            const char      *key,
                                            const char      *value,
                                            GError         **error);
const char *sc_store_get_currency          (ScStore         *self);

gint64      sc_store_ensure_user           (ScStore         *self,
                                            const char      *login,
                                            const char      *name,
                                            ScKpiRole        role,
                                            GError         **error);
gint64      sc_store_find_user             (ScStore         *self,
                                            const char      *login,
                                            GError         **error);
gint64      sc_store_ensure_group          (ScStore         *self,
                                            const char      *name,
                                            ScReportType     group_type,
                                            ScDepartment     department,
                                            const char      *description,
                                            GError         **error);
gint64      sc_store_find_group            (ScStore         *self,
                                            const char      *name,
                                            GError         **error);

gint64      sc_store_add_kpi               (ScStore         *self,
                                            const ScKpiSpec *spec,
                                            GError         **error);
gboolean    sc_store_update_kpi            (ScStore         *self,
                                            gint64           kpi_id,
                                            const ScKpiSpec *spec,
                                            GError         **error);
gboolean    sc_store_set_kpi_zones         (ScStore         *self,
                                            gint64           kpi_id,
                                            double           warn_from,
                                            double           good_from,
                                            GError         **error);
gboolean    sc_store_assign_user           (ScStore         *self,
                                            gint64           kpi_id,
                                            gint64           user_id,
                                            GError         **error);
ScKpi      *sc_store_get_kpi               (ScStore         *self,
                                            gint64           kpi_id,
                                            GError         **error);
ScKpi      *sc_store_find_kpi              (ScStore         *self,
                                            const char      *reference,
                                            GError         **error);
GPtrArray  *sc_store_list_kpis             (ScStore         *self,
                                            GError         **error);
gint64      sc_store_count_kpis            (ScStore         *self);

gboolean    sc_store_submit                (ScStore         *self,
                                            gint64           kpi_id,
                                            gint64           user_id,
                                            double           value,
                                            gint64           date,
                                            const char      *note,
                                            ScSubmitResult  *result,
                                            GError         **error);
GPtrArray  *sc_store_list_submissions      (ScStore         *self,
                                            gint64           kpi_id,
                                            guint            limit,
                                            GError         **error);
GArray     *sc_store_get_history           (ScStore         *self,
                                            gint64           kpi_id,
                                            gint64           since,
                                            guint            limit,
                                            GError         **error);
gint64      sc_store_count_submissions     (ScStore         *self);
gint64      sc_store_count_outbox          (ScStore         *self);

G_END_DECLS
