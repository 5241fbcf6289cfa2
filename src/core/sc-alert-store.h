/* sc-alert-store.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "sc-alert-engine.h"
#include "sc-store.h"

G_BEGIN_DECLS

/**
 * ScStoredAlertRule:
 * @rule: the rule, with its id and name
 * @channels: (element-type gint64): the channels it notifies
 * @enabled: whether it is evaluated
 */
typedef struct
{
  ScAlertRule *rule;
  GArray      *channels;
  gboolean     enabled;
} ScStoredAlertRule;

/**
 * ScAlertRow:
 *
 * One incident of one rule on one KPI, as the Alerts page and
 * `scorecard-cli alerts` list it, with the message of its latest event.
 */
typedef struct
{
  gint64           rule_id;
  char            *rule_name;
  gint64           kpi_id;
  char            *kpi_name;
  char            *department;
  ScAlertStatus    status;
  ScAlertSeverity  severity;
  guint            incident;
  gint64           fired_at;
  gint64           acknowledged_at;
  gint64           resolved_at;
  gint64           snoozed_until;
  char            *comment;
  char            *message;
  char            *details;
} ScAlertRow;

void        sc_stored_alert_rule_free        (ScStoredAlertRule  *stored);
void        sc_alert_row_free                (ScAlertRow         *row);

gint64      sc_store_add_alert_rule          (ScStore            *store,
                                              const ScAlertRule  *rule,
                                              const gint64       *channel_ids,
                                              guint               n_channels,
                                              gint64              now,
                                              GError            **error);
GPtrArray  *sc_store_list_alert_rules        (ScStore            *store,
                                              GError            **error);
gboolean    sc_store_load_alert_states       (ScStore            *store,
                                              GHashTable         *states,
                                              GError            **error);
gboolean    sc_store_save_alert_state        (ScStore            *store,
                                              gint64              rule_id,
                                              gint64              kpi_id,
                                              const ScAlertState *state,
                                              GError            **error);
GPtrArray  *sc_store_list_alerts             (ScStore            *store,
                                              gboolean            include_normal,
                                              GError            **error);
gboolean    sc_store_snooze_alert            (ScStore            *store,
                                              gint64              rule_id,
                                              gint64              kpi_id,
                                              gint64              until,
                                              const char         *comment,
                                              GError            **error);
gboolean    sc_store_acknowledge_alert       (ScStore            *store,
                                              gint64              rule_id,
                                              gint64              kpi_id,
                                              gint64              now,
                                              const char         *comment,
                                              GError            **error);

GHashTable *sc_alert_states_new              (void);
gint64      sc_alert_state_key               (gint64              rule_id,
                                              gint64              kpi_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScStoredAlertRule, sc_stored_alert_rule_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScAlertRow, sc_alert_row_free)

G_END_DECLS
