/* sc-demo.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-store.h"

G_BEGIN_DECLS

/**
 * ScDemoOptions:
 * @n_kpis: how many KPIs (40 by default)
 * @n_days: how many days of history (730 by default)
 * @seed: the random seed; the same seed and end give the same store
 * @end: the last day of history, Unix seconds UTC (0 = today)
 */
typedef struct
{
  guint   n_kpis;
  guint   n_days;
  guint32 seed;
  gint64  end;
} ScDemoOptions;

typedef struct
{
  guint n_users;
  guint n_groups;
  guint n_kpis;
  guint n_submissions;
} ScDemoReport;

void     sc_demo_options_init (ScDemoOptions        *options);
gboolean sc_demo_generate     (ScStore              *store,
                               const ScDemoOptions  *options,
                               ScDemoReport         *report,
                               GError              **error);

G_END_DECLS
