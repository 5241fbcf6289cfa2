/* sc-fake-odoo-private.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-fake-odoo.h"

G_BEGIN_DECLS

/* The Python exceptions the fake raises, as error codes of one domain. */
#define FAKE_ODOO_ERROR (fake_odoo_error_quark ())

typedef enum
{
  FAKE_EXC_ACCESS_DENIED,
  FAKE_EXC_ACCESS_ERROR,
  FAKE_EXC_VALIDATION,
  FAKE_EXC_USER,
  FAKE_EXC_MISSING,
  FAKE_EXC_VALUE,
  FAKE_EXC_TYPE,
  FAKE_EXC_ATTRIBUTE,
  FAKE_EXC_KEY,
  FAKE_EXC_NAME,
  FAKE_EXC_INDEX,
  FAKE_EXC_OPERATIONAL,
  FAKE_EXC_SESSION_EXPIRED,
} FakeException;

GQuark      fake_odoo_error_quark    (void);
const char *fake_exception_name      (FakeException code);
const char *fake_exception_short_name (FakeException code);

/* JSON exactly as Odoo's json.dumps(…, ensure_ascii=False) writes it. */
void        fake_json_string         (GString     *out,
                                      const char  *text);
void        fake_json_double         (GString     *out,
                                      double       value);
void        fake_json_node           (GString     *out,
                                      JsonNode    *node);
char       *fake_py_repr             (JsonNode    *node);
char       *fake_py_str_repr         (const char  *text);
#define FAKE_DATETIME_SIZE 20
void        fake_format_datetime_into (gint64      unix_utc,
                                      gboolean     with_time,
                                      char        *buf);
char       *fake_format_datetime     (gint64       unix_utc);
gboolean    fake_parse_datetime      (const char  *text,
                                      gint64      *unix_utc);

/* The in-memory database. Not thread-safe: ScFakeOdoo locks around it. */
typedef struct _FakeStore FakeStore;

FakeStore  *fake_store_new           (void);
void        fake_store_free          (FakeStore   *store);
void        fake_store_seed_transcripts (FakeStore *store);
void        fake_store_seed          (FakeStore   *store,
                                      guint        n_kpis,
                                      guint        n_submissions);

gint64      fake_store_add_user      (FakeStore      *store,
                                      gint64          uid,
                                      const char     *login,
                                      const char     *name,
                                      const char     *password,
                                      ScFakeOdooRole  role);
void        fake_store_add_api_key   (FakeStore   *store,
                                      gint64       uid,
                                      const char  *key);
void        fake_store_set_user_role (FakeStore      *store,
                                      gint64          uid,
                                      ScFakeOdooRole  role);
void        fake_store_set_user_password (FakeStore  *store,
                                      gint64       uid,
                                      const char  *password);
gint64      fake_store_authenticate  (FakeStore   *store,
                                      const char  *login,
                                      const char  *secret,
                                      gboolean     allow_api_key);
gboolean    fake_store_check_uid     (FakeStore   *store,
                                      gint64       uid,
                                      const char  *secret);
JsonNode   *fake_store_session_info  (FakeStore   *store,
                                      gint64       uid,
                                      const char  *database);

void        fake_store_set_addon_installed (FakeStore *store,
                                      gboolean     installed);
gboolean    fake_store_get_addon_installed (FakeStore *store);
gboolean    fake_store_remove_field        (FakeStore  *store,
                                            const char *model,
                                            const char *field);
gboolean    fake_store_remove_model        (FakeStore  *store,
                                            const char *model);
GStrv       fake_store_get_messages        (FakeStore  *store,
                                            const char *model,
                                            gint64      res_id);
void        fake_store_set_clock     (FakeStore   *store,
                                      gint64       unix_utc,
                                      guint        step);
gint64      fake_store_get_clock     (FakeStore   *store);
gboolean    fake_store_set_next_id   (FakeStore   *store,
                                      const char  *model,
                                      gint64       id);

/* Runs a model method as @uid, like odoo.service.model.execute_kw after
 * authentication: writes the JSON of the result to @result, or sets
 * @has_result to FALSE for a method that returns None. */
gboolean    fake_store_call          (FakeStore   *store,
                                      gint64       uid,
                                      const char  *model,
                                      const char  *method,
                                      JsonArray   *args,
                                      JsonObject  *kwargs,
                                      GString     *result,
                                      gboolean    *has_result,
                                      GError     **error);

/* Direct access for tests, as the superuser. */
gint64      fake_store_create        (FakeStore   *store,
                                      const char  *model,
                                      JsonObject  *values,
                                      GError     **error);
gboolean    fake_store_edit          (FakeStore   *store,
                                      const char  *model,
                                      gint64       id,
                                      JsonObject  *values,
                                      GError     **error);
gboolean    fake_store_delete        (FakeStore   *store,
                                      const char  *model,
                                      gint64       id);
JsonObject *fake_store_get           (FakeStore   *store,
                                      const char  *model,
                                      gint64       id);
guint       fake_store_count         (FakeStore   *store,
                                      const char  *model,
                                      JsonArray   *domain);

G_END_DECLS
