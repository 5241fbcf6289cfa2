/* sc-application.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sc-context.h"

G_BEGIN_DECLS

#define SC_TYPE_APPLICATION (sc_application_get_type ())

G_DECLARE_FINAL_TYPE (ScApplication, sc_application, SC, APPLICATION, AdwApplication)

ScApplication *sc_application_new             (gint64         started_at);
ScContext     *sc_application_get_context     (ScApplication *self);
gboolean       sc_application_get_bench_startup (ScApplication *self);
gint64         sc_application_get_started_at  (ScApplication *self);

G_END_DECLS
