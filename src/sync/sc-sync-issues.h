/* sc-sync-issues.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sc-store-thread.h"

G_BEGIN_DECLS

/**
 * ScSyncIssueKind:
 * @SC_SYNC_ISSUE_FAILED: an outbox entry Odoo refused, kept and marked failed
 * @SC_SYNC_ISSUE_CONFLICT: a version that lost a conflict (sync_conflicts)
 *
 * What needs the user's eye after a sync.
 */
typedef enum
{
  SC_SYNC_ISSUE_FAILED,
  SC_SYNC_ISSUE_CONFLICT,
} ScSyncIssueKind;

/**
 * ScSyncIssue:
 * @kind: what it is
 * @id: the outbox entry's or the conflict's id
 * @kpi_name: (nullable): the KPI it is about
 * @value: the value concerned
 * @date: when that value was for, Unix seconds UTC (0 if unknown)
 * @message: (nullable): Odoo's refusal, or the rule that settled the conflict
 * @can_reapply: %TRUE when our losing local version can be queued again
 */
typedef struct
{
  ScSyncIssueKind  kind;
  gint64           id;
  char            *kpi_name;
  double           value;
  gint64           date;
  char            *message;
  gboolean         can_reapply;
} ScSyncIssue;

void        sc_sync_issue_free            (ScSyncIssue          *issue);

GPtrArray  *sc_sync_issues_list           (ScStore              *store,
                                           GError              **error);
gboolean    sc_sync_issues_reapply        (ScStore              *store,
                                           gint64                conflict_id,
                                           GError              **error);
gboolean    sc_sync_issues_retry          (ScStore              *store,
                                           gint64                outbox_id,
                                           GError              **error);
gboolean    sc_sync_issues_dismiss        (ScStore              *store,
                                           gint64                conflict_id,
                                           GError              **error);

void        sc_sync_issues_list_async     (ScStoreThread        *store,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
GPtrArray  *sc_sync_issues_list_finish    (ScStoreThread        *store,
                                           GAsyncResult         *result,
                                           GError              **error);
void        sc_sync_issues_act_async      (ScStoreThread        *store,
                                           const ScSyncIssue    *issue,
                                           gboolean              dismiss,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
gboolean    sc_sync_issues_act_finish     (ScStoreThread        *store,
                                           GAsyncResult         *result,
                                           GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScSyncIssue, sc_sync_issue_free)

G_END_DECLS
