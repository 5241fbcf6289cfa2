/* sc-odoo-client.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "sc-jsonrpc.h"
#include "sc-odoo-version.h"

G_BEGIN_DECLS

/**
 * ScOdooRole:
 * @SC_ODOO_ROLE_NONE: the user is in no KPI group (or the addon is missing)
 * @SC_ODOO_ROLE_USER: KPI User: reads KPIs and submissions, submits nothing
 * @SC_ODOO_ROLE_MANAGER: KPI Manager: creates submissions, cannot edit them
 * @SC_ODOO_ROLE_ADMIN: KPI Admin: creates, edits and deletes submissions
 *
 * The user's KPI group on the server (reference §3); with several groups,
 * the one with the most rights.
 */
typedef enum
{
  SC_ODOO_ROLE_NONE,
  SC_ODOO_ROLE_USER,
  SC_ODOO_ROLE_MANAGER,
  SC_ODOO_ROLE_ADMIN,
} ScOdooRole;

#define SC_TYPE_ODOO_CLIENT (sc_odoo_client_get_type ())

G_DECLARE_FINAL_TYPE (ScOdooClient, sc_odoo_client, SC, ODOO_CLIENT, GObject)

ScOdooClient  *sc_odoo_client_new                    (const char           *url,
                                                      const char           *database);
const char    *sc_odoo_client_get_url                (ScOdooClient         *self);
const char    *sc_odoo_client_get_database           (ScOdooClient         *self);
guint          sc_odoo_client_get_timeout            (ScOdooClient         *self);
void           sc_odoo_client_set_timeout            (ScOdooClient         *self,
                                                      guint                 seconds);
gboolean       sc_odoo_client_set_pinned_certificate (ScOdooClient         *self,
                                                      const char           *sha256_fingerprint);
const char    *sc_odoo_client_get_pinned_certificate (ScOdooClient         *self);
void           sc_odoo_client_set_context            (ScOdooClient         *self,
                                                      const char           *lang,
                                                      const char           *tz);
gint64         sc_odoo_client_get_uid                (ScOdooClient         *self);
const char    *sc_odoo_client_get_login              (ScOdooClient         *self);
ScOdooRole     sc_odoo_client_get_role               (ScOdooClient         *self);
gboolean       sc_odoo_client_get_addon_installed    (ScOdooClient         *self);
void           sc_odoo_client_logout                 (ScOdooClient         *self);
ScOdooRole     sc_odoo_client_role_for_groups        (ScOdooClient         *self,
                                                      JsonArray            *group_ids);

char          *sc_odoo_certificate_fingerprint       (GTlsCertificate      *certificate);
char          *sc_odoo_normalize_fingerprint         (const char           *fingerprint);

void           sc_odoo_client_version_async          (ScOdooClient         *self,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
ScOdooVersion *sc_odoo_client_version_finish         (ScOdooClient         *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

void           sc_odoo_client_list_databases_async   (ScOdooClient         *self,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
GStrv          sc_odoo_client_list_databases_finish  (ScOdooClient         *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

void           sc_odoo_client_login_async            (ScOdooClient         *self,
                                                      const char           *login,
                                                      const char           *secret,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
gint64         sc_odoo_client_login_finish           (ScOdooClient         *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

void           sc_odoo_client_execute_kw_async       (ScOdooClient         *self,
                                                      const char           *model,
                                                      const char           *method,
                                                      JsonArray            *args,
                                                      JsonObject           *kwargs,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
JsonNode      *sc_odoo_client_execute_kw_finish      (ScOdooClient         *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

void           sc_odoo_client_search_read_async      (ScOdooClient         *self,
                                                      const char           *model,
                                                      JsonArray            *domain,
                                                      const char * const   *fields,
                                                      guint                 limit,
                                                      guint                 offset,
                                                      const char           *order,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
JsonArray     *sc_odoo_client_search_read_finish     (ScOdooClient         *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

void           sc_odoo_client_search_count_async     (ScOdooClient         *self,
                                                      const char           *model,
                                                      JsonArray            *domain,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
gint64         sc_odoo_client_search_count_finish    (ScOdooClient         *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

void           sc_odoo_client_read_async             (ScOdooClient         *self,
                                                      const char           *model,
                                                      const gint64         *ids,
                                                      gsize                 n_ids,
                                                      const char * const   *fields,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
JsonArray     *sc_odoo_client_read_finish            (ScOdooClient         *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

void           sc_odoo_client_fields_get_async       (ScOdooClient         *self,
                                                      const char           *model,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
JsonObject    *sc_odoo_client_fields_get_finish      (ScOdooClient         *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

void           sc_odoo_client_create_async           (ScOdooClient         *self,
                                                      const char           *model,
                                                      JsonNode             *values,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
GArray        *sc_odoo_client_create_finish          (ScOdooClient         *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

void           sc_odoo_client_write_async            (ScOdooClient         *self,
                                                      const char           *model,
                                                      const gint64         *ids,
                                                      gsize                 n_ids,
                                                      JsonObject           *values,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
gboolean       sc_odoo_client_write_finish           (ScOdooClient         *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

void           sc_odoo_client_unlink_async           (ScOdooClient         *self,
                                                      const char           *model,
                                                      const gint64         *ids,
                                                      gsize                 n_ids,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
gboolean       sc_odoo_client_unlink_finish          (ScOdooClient         *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

G_END_DECLS
