/* sc-alert-rule-json.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "sc-alert-rules.h"

G_BEGIN_DECLS

char        *sc_alert_rule_to_json    (const ScAlertRule  *rule);
ScAlertRule *sc_alert_rule_from_json  (const char         *json,
                                       const char         *name,
                                       GError            **error);

G_END_DECLS
