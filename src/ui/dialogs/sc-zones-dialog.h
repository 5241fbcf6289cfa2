/* sc-zones-dialog.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sc-context.h"

G_BEGIN_DECLS

#define SC_TYPE_ZONES_DIALOG (sc_zones_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ScZonesDialog, sc_zones_dialog, SC, ZONES_DIALOG, AdwWindow)

ScZonesDialog *sc_zones_dialog_present (ScContext     *context,
                                        ScKpi         *kpi,
                                        GtkWindow     *parent);
void           sc_zones_dialog_set     (ScZonesDialog *self,
                                        double         warn_from,
                                        double         good_from);
gboolean       sc_zones_dialog_is_valid (ScZonesDialog *self);
void           sc_zones_dialog_save    (ScZonesDialog *self);

G_END_DECLS
