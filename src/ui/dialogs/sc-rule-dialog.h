/* sc-rule-dialog.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sc-alert-rules.h"
#include "sc-context.h"

G_BEGIN_DECLS

#define SC_TYPE_RULE_DIALOG (sc_rule_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ScRuleDialog, sc_rule_dialog, SC, RULE_DIALOG, AdwWindow)

ScRuleDialog *sc_rule_dialog_present            (ScContext          *context,
                                                 GtkWindow          *parent);
void          sc_rule_dialog_set_rule           (ScRuleDialog       *self,
                                                 const ScAlertRule  *rule);
ScAlertRule  *sc_rule_dialog_get_rule           (ScRuleDialog       *self);
void          sc_rule_dialog_set_preview_kpi    (ScRuleDialog       *self,
                                                 gint64              kpi_id);
int           sc_rule_dialog_get_preview_count  (ScRuleDialog       *self);
gint64        sc_rule_dialog_get_preview_since  (ScRuleDialog       *self);
guint         sc_rule_dialog_get_n_channels     (ScRuleDialog       *self);
void          sc_rule_dialog_set_channel_active (ScRuleDialog       *self,
                                                 guint               index,
                                                 gboolean            active);
gboolean      sc_rule_dialog_can_save           (ScRuleDialog       *self);
void          sc_rule_dialog_save               (ScRuleDialog       *self);

G_END_DECLS
