/* sc-test-secrets.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-sync-scheduler.h"

G_BEGIN_DECLS

const ScSyncSecretFuncs *sc_test_secret_funcs (void);

G_END_DECLS
