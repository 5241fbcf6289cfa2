/* sc-kpi-private.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-kpi.h"

G_BEGIN_DECLS

/* The store fills these fields directly when it reads a row, then calls
 * _sc_kpi_finish() to derive achievement and score band. */
struct _ScKpi
{
  GObject       parent_instance;

  gint64        id;
  gint64        odoo_id;
  char         *name;
  gint64        group_id;
  const char   *group_name;   /* interned: few groups, many KPIs */
  ScKpiType     kpi_type;
  ScTargetType  target_type;
  double        target_value;
  int           priority;
  ScDirection   direction;
  ScReportType  report_type;
  ScDepartment  department;
  double        value;
  double        previous_value;
  gboolean      has_previous;
  gint64        last_submitted;
  char         *note;
  char         *formula;
  char         *source_domain;
  char        **assignees;
  ScSyncState   sync_state;
  char         *write_date;
  const char   *currency;     /* interned */

  double        warn_from;     /* 0: the default */
  double        good_from;     /* 0: the default */

  double        achievement;
  ScScoreBand   score_band;
};

ScKpi *_sc_kpi_new    (void);
void   _sc_kpi_finish (ScKpi *self);

G_END_DECLS
