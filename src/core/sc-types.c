/* sc-types.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-types"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sc-types.h"

typedef struct
{
  const char *key;
  const char *label;
} KeyLabel;

static const KeyLabel kpi_types[] = {
  { "manual", N_("Manual") },
  { "auto", N_("Auto") },
};

static const KeyLabel target_types[] = {
  { "number", N_("Number") },
  { "percent", N_("Percentage") },
  { "currency", N_("Currency") },
  { "boolean", N_("Achieved / Not Achieved") },
  { "duration", N_("Time (hours)") },
};

static const KeyLabel directions[] = {
  { "higher_better", N_("Higher is better") },
  { "lower_better", N_("Lower is better") },
};

static const KeyLabel report_types[] = {
  { "daily", N_("Daily") },
  { "weekly", N_("Weekly") },
  { "monthly", N_("Monthly") },
  { "yearly", N_("Yearly") },
};

static const KeyLabel departments[] = {
  { "", N_("No department") },
  { "sales", N_("Sales") },
  { "technician", N_("Technician") },
  { "operations", N_("Operations") },
  { "store", N_("Store") },
  { "marketing", N_("Marketing") },
  { "hr", N_("HR") },
  { "finance", N_("Finance") },
  { "rnd", N_("R&D") },
  { "it", N_("IT") },
  { "admin", N_("Admin") },
};

static const KeyLabel kpi_roles[] = {
  { "none", N_("No KPI access") },
  { "user", N_("KPI User") },
  { "manager", N_("KPI Manager") },
  { "admin", N_("KPI Admin") },
};

static const KeyLabel sync_states[] = {
  { "local", NULL },
  { "synced", NULL },
  { "dirty", NULL },
};

static gboolean
lookup_key (const KeyLabel *table,
            guint           n_items,
            const char     *key,
            int            *value)
{
  if (key == NULL)
    return FALSE;

  for (guint i = 0; i < n_items; i++)
    {
      if (strcmp (table[i].key, key) == 0)
        {
          *value = (int)i;
          return TRUE;
        }
    }

  return FALSE;
}

#define DEFINE_KEYS(prefix, Type, table)                                   \
  const char *                                                             \
  prefix##_to_key (Type value)                                             \
  {                                                                        \
    g_return_val_if_fail ((guint)value < G_N_ELEMENTS (table), NULL);      \
    return table[value].key;                                               \
  }                                                                        \
                                                                           \
  gboolean                                                                 \
  prefix##_from_key (const char *key,                                      \
                     Type       *value)                                    \
  {                                                                        \
    int found = 0;                                                         \
    if (!lookup_key (table, G_N_ELEMENTS (table), key, &found))            \
      return FALSE;                                                        \
    if (value != NULL)                                                     \
      *value = (Type)found;                                                \
    return TRUE;                                                           \
  }

#define DEFINE_LABEL(prefix, Type, table)                                  \
  const char *                                                             \
  prefix##_label (Type value)                                              \
  {                                                                        \
    g_return_val_if_fail ((guint)value < G_N_ELEMENTS (table), NULL);      \
    return _(table[value].label);                                          \
  }

DEFINE_KEYS (sc_kpi_type, ScKpiType, kpi_types)
DEFINE_LABEL (sc_kpi_type, ScKpiType, kpi_types)
DEFINE_KEYS (sc_target_type, ScTargetType, target_types)
DEFINE_LABEL (sc_target_type, ScTargetType, target_types)
DEFINE_KEYS (sc_direction, ScDirection, directions)
DEFINE_LABEL (sc_direction, ScDirection, directions)
DEFINE_KEYS (sc_report_type, ScReportType, report_types)
DEFINE_LABEL (sc_report_type, ScReportType, report_types)
DEFINE_KEYS (sc_department, ScDepartment, departments)
DEFINE_LABEL (sc_department, ScDepartment, departments)
DEFINE_KEYS (sc_kpi_role, ScKpiRole, kpi_roles)
DEFINE_LABEL (sc_kpi_role, ScKpiRole, kpi_roles)
DEFINE_KEYS (sc_sync_state, ScSyncState, sync_states)
