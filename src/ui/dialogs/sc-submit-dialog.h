/* sc-submit-dialog.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sc-context.h"
#include "sc-kpi.h"

G_BEGIN_DECLS

#define SC_TYPE_SUBMIT_DIALOG (sc_submit_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ScSubmitDialog, sc_submit_dialog, SC, SUBMIT_DIALOG, AdwWindow)

ScSubmitDialog *sc_submit_dialog_present   (ScContext      *context,
                                            ScKpi          *kpi,
                                            GtkWindow      *parent);
void            sc_submit_dialog_set_value (ScSubmitDialog *self,
                                            const char     *text);
gboolean        sc_submit_dialog_can_submit (ScSubmitDialog *self);
const char     *sc_submit_dialog_get_error (ScSubmitDialog *self);
void            sc_submit_dialog_submit    (ScSubmitDialog *self);

G_END_DECLS
