/* sc-fake-odoo.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The database and accounts of shared/odoo-transcripts (README there). */
#define SC_FAKE_ODOO_DATABASE          "kpi"

#define SC_FAKE_ODOO_ADMIN_UID         2
#define SC_FAKE_ODOO_ADMIN_LOGIN       "admin"
#define SC_FAKE_ODOO_ADMIN_PASSWORD    "admin"
#define SC_FAKE_ODOO_ADMIN_API_KEY     "274befdd4fc18e5b6df22029a371dbdaf8167b01"

#define SC_FAKE_ODOO_USER_UID          6
#define SC_FAKE_ODOO_USER_LOGIN        "kpiuser"
#define SC_FAKE_ODOO_USER_PASSWORD     "kpiuser-pw"
#define SC_FAKE_ODOO_USER_API_KEY      "0d5c3a3e2b8f4c1d9e7a6b5c4d3e2f1a0b9c8d7e"

#define SC_FAKE_ODOO_MANAGER_UID       7
#define SC_FAKE_ODOO_MANAGER_LOGIN     "kpimanager"
#define SC_FAKE_ODOO_MANAGER_PASSWORD  "kpimanager-pw"

#define SC_FAKE_ODOO_NOKPI_UID         8
#define SC_FAKE_ODOO_NOKPI_LOGIN       "nokpi"
#define SC_FAKE_ODOO_NOKPI_PASSWORD    "nokpi-pw"

/* A KPI User assigned to the sales KPIs (transcripts 27b, 31, 32b). */
#define SC_FAKE_ODOO_SALES_UID         9
#define SC_FAKE_ODOO_SALES_LOGIN       "seed_sales_1"
#define SC_FAKE_ODOO_SALES_PASSWORD    "kpi-user-pw"

/**
 * ScFakeOdooRole:
 * @SC_FAKE_ODOO_ROLE_NONE: an internal user in no KPI group
 * @SC_FAKE_ODOO_ROLE_USER: KPI User
 * @SC_FAKE_ODOO_ROLE_MANAGER: KPI Manager
 * @SC_FAKE_ODOO_ROLE_ADMIN: KPI Admin
 */
typedef enum
{
  SC_FAKE_ODOO_ROLE_NONE,
  SC_FAKE_ODOO_ROLE_USER,
  SC_FAKE_ODOO_ROLE_MANAGER,
  SC_FAKE_ODOO_ROLE_ADMIN,
} ScFakeOdooRole;

/**
 * ScFakeOdooFault:
 * @SC_FAKE_ODOO_FAULT_HTTP_500: answer with werkzeug's 500 page, do nothing
 * @SC_FAKE_ODOO_FAULT_HTTP_502: answer with nginx's 502 page, do nothing
 * @SC_FAKE_ODOO_FAULT_DROP_BEFORE: close the connection, do nothing
 * @SC_FAKE_ODOO_FAULT_DROP_AFTER_COMMIT: carry out the call, then close the
 *   connection without answering
 * @SC_FAKE_ODOO_FAULT_TRUNCATED_JSON: carry out the call, send half the answer
 * @SC_FAKE_ODOO_FAULT_MALFORMED_JSON: carry out the call, send broken JSON
 * @SC_FAKE_ODOO_FAULT_SESSION_EXPIRED: answer "Odoo Session Expired" (code 100)
 *
 * What to do to a request instead of answering it normally.
 */
typedef enum
{
  SC_FAKE_ODOO_FAULT_HTTP_500,
  SC_FAKE_ODOO_FAULT_HTTP_502,
  SC_FAKE_ODOO_FAULT_DROP_BEFORE,
  SC_FAKE_ODOO_FAULT_DROP_AFTER_COMMIT,
  SC_FAKE_ODOO_FAULT_TRUNCATED_JSON,
  SC_FAKE_ODOO_FAULT_MALFORMED_JSON,
  SC_FAKE_ODOO_FAULT_SESSION_EXPIRED,
} ScFakeOdooFault;

#define SC_TYPE_FAKE_ODOO (sc_fake_odoo_get_type ())

G_DECLARE_FINAL_TYPE (ScFakeOdoo, sc_fake_odoo, SC, FAKE_ODOO, GObject)

/**
 * ScFakeOdooRequestHook:
 * @self: the server
 * @service: "common", "object", "db" or "web"
 * @method: the service method ("execute_kw"), or the path for "web"
 * @model: (nullable): the model of an execute_kw or call_kw
 * @model_method: (nullable): its method ("search_read")
 * @user_data: the hook's data
 *
 * Runs on the server thread before each request is carried out, with the
 * server's lock held: it may call the data functions of this header, to
 * play a concurrent edit at an exact moment.
 */
typedef void (*ScFakeOdooRequestHook) (ScFakeOdoo *self,
                                       const char *service,
                                       const char *method,
                                       const char *model,
                                       const char *model_method,
                                       gpointer    user_data);

ScFakeOdoo *sc_fake_odoo_new                (GError               **error);
ScFakeOdoo *sc_fake_odoo_new_full           (guint                  port,
                                             GTlsCertificate       *certificate,
                                             GError               **error);
const char *sc_fake_odoo_get_url            (ScFakeOdoo            *self);
guint       sc_fake_odoo_get_port           (ScFakeOdoo            *self);
void        sc_fake_odoo_stop               (ScFakeOdoo            *self);

/* Data */
void        sc_fake_odoo_seed               (ScFakeOdoo            *self,
                                             guint                  n_kpis,
                                             guint                  n_submissions);
gint64      sc_fake_odoo_add_user           (ScFakeOdoo            *self,
                                             const char            *login,
                                             const char            *name,
                                             const char            *password,
                                             ScFakeOdooRole         role);
void        sc_fake_odoo_add_api_key        (ScFakeOdoo            *self,
                                             gint64                 uid,
                                             const char            *key);
void        sc_fake_odoo_set_user_role      (ScFakeOdoo            *self,
                                             gint64                 uid,
                                             ScFakeOdooRole         role);
void        sc_fake_odoo_set_user_password  (ScFakeOdoo            *self,
                                             gint64                 uid,
                                             const char            *password);
gint64      sc_fake_odoo_create_record      (ScFakeOdoo            *self,
                                             const char            *model,
                                             JsonObject            *values,
                                             GError               **error);
gboolean    sc_fake_odoo_edit_record        (ScFakeOdoo            *self,
                                             const char            *model,
                                             gint64                 id,
                                             JsonObject            *values,
                                             GError               **error);
gboolean    sc_fake_odoo_delete_record      (ScFakeOdoo            *self,
                                             const char            *model,
                                             gint64                 id);
JsonObject *sc_fake_odoo_get_record         (ScFakeOdoo            *self,
                                             const char            *model,
                                             gint64                 id);
guint       sc_fake_odoo_count_records      (ScFakeOdoo            *self,
                                             const char            *model,
                                             JsonArray             *domain);
void        sc_fake_odoo_set_next_id        (ScFakeOdoo            *self,
                                             const char            *model,
                                             gint64                 id);
void        sc_fake_odoo_set_clock          (ScFakeOdoo            *self,
                                             gint64                 unix_utc,
                                             guint                  step_seconds);
gint64      sc_fake_odoo_get_clock          (ScFakeOdoo            *self);

/* Behaviour */
void        sc_fake_odoo_set_server_version (ScFakeOdoo            *self,
                                             const char            *version);
void        sc_fake_odoo_remove_field       (ScFakeOdoo            *self,
                                             const char            *model,
                                             const char            *field);
void        sc_fake_odoo_remove_model       (ScFakeOdoo            *self,
                                             const char            *model);
void        sc_fake_odoo_set_addon_installed (ScFakeOdoo           *self,
                                             gboolean               installed);
void        sc_fake_odoo_set_list_databases (ScFakeOdoo            *self,
                                             gboolean               enabled);
void        sc_fake_odoo_set_latency        (ScFakeOdoo            *self,
                                             guint                  msec);
void        sc_fake_odoo_set_gzip           (ScFakeOdoo            *self,
                                             gboolean               gzip);
void        sc_fake_odoo_add_fault          (ScFakeOdoo            *self,
                                             ScFakeOdooFault        fault,
                                             const char            *model,
                                             const char            *method,
                                             guint                  times);
void        sc_fake_odoo_clear_faults       (ScFakeOdoo            *self);
void        sc_fake_odoo_set_request_hook   (ScFakeOdoo            *self,
                                             ScFakeOdooRequestHook  hook,
                                             gpointer               user_data,
                                             GDestroyNotify         destroy);

/* Counters */
guint       sc_fake_odoo_get_request_count  (ScFakeOdoo            *self,
                                             const char            *service,
                                             const char            *method);
guint       sc_fake_odoo_get_connection_count (ScFakeOdoo          *self);
GStrv       sc_fake_odoo_get_messages       (ScFakeOdoo            *self,
                                             const char            *model,
                                             gint64                 res_id);
guint       sc_fake_odoo_get_call_count     (ScFakeOdoo            *self,
                                             const char            *model,
                                             const char            *method);
char       *sc_fake_odoo_get_last_request   (ScFakeOdoo            *self);
GStrv       sc_fake_odoo_get_last_request_headers (ScFakeOdoo      *self);
void        sc_fake_odoo_reset_counters     (ScFakeOdoo            *self);

G_END_DECLS
