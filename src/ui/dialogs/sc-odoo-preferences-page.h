/* sc-odoo-preferences-page.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sc-context.h"

G_BEGIN_DECLS

#define SC_TYPE_ODOO_PREFERENCES_PAGE (sc_odoo_preferences_page_get_type ())

G_DECLARE_FINAL_TYPE (ScOdooPreferencesPage, sc_odoo_preferences_page, SC, ODOO_PREFERENCES_PAGE,
                      AdwPreferencesPage)

GtkWidget  *sc_odoo_preferences_page_new        (ScContext              *context);
const char *sc_odoo_preferences_page_get_status (ScOdooPreferencesPage  *self,
                                                 const char            **subtitle);
gboolean    sc_odoo_preferences_page_get_busy   (ScOdooPreferencesPage  *self);

G_END_DECLS
