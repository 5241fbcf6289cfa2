/* sc-application-private.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-application.h"

G_BEGIN_DECLS

void _sc_application_install_actions (ScApplication *self);

G_END_DECLS
