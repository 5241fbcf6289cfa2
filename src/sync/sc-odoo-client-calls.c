/* sc-odoo-client-calls.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-odoo-client"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-odoo-client-private.h"

/* The ORM calls a sync needs, over _sc_odoo_client_call_kw_async(): each
 * checks the shape of its result, so callers get the type they asked for
 * or SC_SYNC_ERROR_MALFORMED, and each sends the client's context (lang,
 * tz). */

/* Callbacks */

static void
array_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = _sc_odoo_client_rpc_finish (SC_ODOO_CLIENT (object), result, &error);

  if (node == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else if (!JSON_NODE_HOLDS_ARRAY (node))
    _sc_odoo_client_return_unexpected (task, g_task_get_name (task), _("a list"));
  else
    g_task_return_pointer (task, json_array_ref (json_node_get_array (node)),
                           (GDestroyNotify) json_array_unref);
}

static void
search_count_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = _sc_odoo_client_rpc_finish (SC_ODOO_CLIENT (object), result, &error);

  if (node == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else if (!_sc_json_node_is_int (node) || json_node_get_int (node) < 0)
    _sc_odoo_client_return_unexpected (task, "search_count", _("a number"));
  else
    g_task_return_int (task, (gssize) json_node_get_int (node));
}

static void
fields_get_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = _sc_odoo_client_rpc_finish (SC_ODOO_CLIENT (object), result, &error);

  if (node == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else if (!JSON_NODE_HOLDS_OBJECT (node))
    _sc_odoo_client_return_unexpected (task, "fields_get", _("a dictionary"));
  else
    g_task_return_pointer (task, json_object_ref (json_node_get_object (node)),
                           (GDestroyNotify) json_object_unref);
}

static void
create_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = _sc_odoo_client_rpc_finish (SC_ODOO_CLIENT (object), result, &error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint expected = GPOINTER_TO_UINT (g_task_get_task_data (task));

  if (node == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* One dict gives an id, a list gives a list (transcripts 17, 18). */
  if (_sc_json_node_is_int (node))
    {
      gint64 id = json_node_get_int (node);

      g_array_append_val (ids, id);
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          gint64 id;

          if (!_sc_json_node_is_int (element))
            break;
          id = json_node_get_int (element);
          g_array_append_val (ids, id);
        }
    }

  if (ids->len != expected)
    {
      _sc_odoo_client_return_unexpected (task, "create", _("one id per record"));
      return;
    }

  for (guint i = 0; i < ids->len; i++)
    {
      if (g_array_index (ids, gint64, i) <= 0)
        {
          _sc_odoo_client_return_unexpected (task, "create", _("one id per record"));
          return;
        }
    }

  g_task_return_pointer (task, g_steal_pointer (&ids), (GDestroyNotify) g_array_unref);
}

static void
boolean_result_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = _sc_odoo_client_rpc_finish (SC_ODOO_CLIENT (object), result, &error);

  if (node == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else if (!_sc_json_node_is_boolean (node, TRUE))
    _sc_odoo_client_return_unexpected (task, g_task_get_name (task), _("true"));
  else
    g_task_return_boolean (task, TRUE);
}

/* Public API */

/**
 * sc_odoo_client_search_read_async:
 * @self: a signed-in #ScOdooClient
 * @model: the model
 * @domain: (nullable): the domain, %NULL for all records
 * @fields: (nullable) (array zero-terminated=1): the fields, %NULL for all
 * @limit: at most this many records, 0 for no limit
 * @offset: skip this many first
 * @order: (nullable): such as "write_date asc, id asc"; %NULL for the model's order
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the records
 * @user_data: data for @callback
 */
void
sc_odoo_client_search_read_async (ScOdooClient        *self,
                                  const char          *model,
                                  JsonArray           *domain,
                                  const char * const  *fields,
                                  guint                limit,
                                  guint                offset,
                                  const char          *order,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonArray) args = json_array_new ();
  g_autoptr(JsonObject) kwargs = NULL;

  g_return_if_fail (SC_IS_ODOO_CLIENT (self));
  g_return_if_fail (model != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sc_odoo_client_search_read_async);
  g_task_set_name (task, "search_read");

  json_array_add_array_element (args, domain != NULL ? json_array_ref (domain) : json_array_new ());
  kwargs = _sc_odoo_client_new_kwargs (self);
  if (fields != NULL)
    json_object_set_array_member (kwargs, "fields", _sc_odoo_string_array (fields));
  if (limit > 0)
    json_object_set_int_member (kwargs, "limit", limit);
  json_object_set_int_member (kwargs, "offset", offset);
  if (order != NULL)
    json_object_set_string_member (kwargs, "order", order);

  _sc_odoo_client_call_kw_async (self, model, "search_read", args, kwargs, cancellable,
                 array_result_cb, g_steal_pointer (&task));
}

/**
 * sc_odoo_client_search_read_finish:
 * @self: a #ScOdooClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the records, or %NULL with @error set
 */
JsonArray *
sc_odoo_client_search_read_finish (ScOdooClient  *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (SC_IS_ODOO_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * sc_odoo_client_search_count_async:
 * @self: a signed-in #ScOdooClient
 * @model: the model
 * @domain: (nullable): the domain, %NULL for all records
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the count
 * @user_data: data for @callback
 */
void
sc_odoo_client_search_count_async (ScOdooClient        *self,
                                   const char          *model,
                                   JsonArray           *domain,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonArray) args = json_array_new ();
  g_autoptr(JsonObject) kwargs = NULL;

  g_return_if_fail (SC_IS_ODOO_CLIENT (self));
  g_return_if_fail (model != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sc_odoo_client_search_count_async);

  json_array_add_array_element (args, domain != NULL ? json_array_ref (domain) : json_array_new ());
  kwargs = _sc_odoo_client_new_kwargs (self);

  _sc_odoo_client_call_kw_async (self, model, "search_count", args, kwargs, cancellable,
                 search_count_cb, g_steal_pointer (&task));
}

/**
 * sc_odoo_client_search_count_finish:
 * @self: a #ScOdooClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: the number of records, or -1 with @error set
 */
gint64
sc_odoo_client_search_count_finish (ScOdooClient  *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (SC_IS_ODOO_CLIENT (self), -1);
  g_return_val_if_fail (g_task_is_valid (result, self), -1);

  return g_task_propagate_int (G_TASK (result), error);
}

/**
 * sc_odoo_client_read_async:
 * @self: a signed-in #ScOdooClient
 * @model: the model
 * @ids: (array length=n_ids): record ids
 * @n_ids: how many
 * @fields: (nullable) (array zero-terminated=1): the fields, %NULL for all
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the records
 * @user_data: data for @callback
 *
 * Reads records by id. Deleted ids are left out of the result (transcript
 * 23), so a missing record shows as a shorter list, not an error.
 */
void
sc_odoo_client_read_async (ScOdooClient        *self,
                           const char          *model,
                           const gint64        *ids,
                           gsize                n_ids,
                           const char * const  *fields,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonArray) args = json_array_new ();
  g_autoptr(JsonObject) kwargs = NULL;

  g_return_if_fail (SC_IS_ODOO_CLIENT (self));
  g_return_if_fail (model != NULL);
  g_return_if_fail (ids != NULL || n_ids == 0);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sc_odoo_client_read_async);
  g_task_set_name (task, "read");

  json_array_add_array_element (args, _sc_odoo_id_array (ids, n_ids));
  kwargs = _sc_odoo_client_new_kwargs (self);
  if (fields != NULL)
    json_object_set_array_member (kwargs, "fields", _sc_odoo_string_array (fields));

  _sc_odoo_client_call_kw_async (self, model, "read", args, kwargs, cancellable,
                 array_result_cb, g_steal_pointer (&task));
}

/**
 * sc_odoo_client_read_finish:
 * @self: a #ScOdooClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the records that still exist, or %NULL with
 *   @error set
 */
JsonArray *
sc_odoo_client_read_finish (ScOdooClient  *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (SC_IS_ODOO_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * sc_odoo_client_fields_get_async:
 * @self: a signed-in #ScOdooClient
 * @model: the model
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the field descriptions
 * @user_data: data for @callback
 *
 * Asks which fields the model has, with their type, label, whether they
 * are required, and their selection keys or related model.
 */
void
sc_odoo_client_fields_get_async (ScOdooClient        *self,
                                 const char          *model,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  static const char * const attributes[] = { "type", "string", "required", "selection", "relation", NULL };
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonObject) kwargs = NULL;

  g_return_if_fail (SC_IS_ODOO_CLIENT (self));
  g_return_if_fail (model != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sc_odoo_client_fields_get_async);

  kwargs = _sc_odoo_client_new_kwargs (self);
  json_object_set_array_member (kwargs, "attributes", _sc_odoo_string_array (attributes));

  _sc_odoo_client_call_kw_async (self, model, "fields_get", NULL, kwargs, cancellable,
                 fields_get_cb, g_steal_pointer (&task));
}

/**
 * sc_odoo_client_fields_get_finish:
 * @self: a #ScOdooClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full): field name → description, or %NULL with
 *   @error set
 */
JsonObject *
sc_odoo_client_fields_get_finish (ScOdooClient  *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (SC_IS_ODOO_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * sc_odoo_client_create_async:
 * @self: a signed-in #ScOdooClient
 * @model: the model
 * @values: one record's values (an object), or a list of them (an array)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the new ids
 * @user_data: data for @callback
 *
 * Creates one record, or several in one call.
 */
void
sc_odoo_client_create_async (ScOdooClient        *self,
                             const char          *model,
                             JsonNode            *values,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonArray) args = json_array_new ();
  g_autoptr(JsonObject) kwargs = NULL;
  guint expected;

  g_return_if_fail (SC_IS_ODOO_CLIENT (self));
  g_return_if_fail (model != NULL);
  g_return_if_fail (values != NULL);
  g_return_if_fail (JSON_NODE_HOLDS_OBJECT (values) || JSON_NODE_HOLDS_ARRAY (values));

  expected = JSON_NODE_HOLDS_ARRAY (values) ? json_array_get_length (json_node_get_array (values)) : 1;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sc_odoo_client_create_async);
  g_task_set_task_data (task, GUINT_TO_POINTER (expected), NULL);

  json_array_add_element (args, json_node_copy (values));
  kwargs = _sc_odoo_client_new_kwargs (self);

  _sc_odoo_client_call_kw_async (self, model, "create", args, kwargs, cancellable,
                 create_cb, g_steal_pointer (&task));
}

/**
 * sc_odoo_client_create_finish:
 * @self: a #ScOdooClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type gint64): the new ids, one per
 *   record and in order, or %NULL with @error set
 */
GArray *
sc_odoo_client_create_finish (ScOdooClient  *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (SC_IS_ODOO_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * sc_odoo_client_write_async:
 * @self: a signed-in #ScOdooClient
 * @model: the model
 * @ids: (array length=n_ids): record ids
 * @n_ids: how many
 * @values: the values to write to each
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Writing to a deleted id succeeds (transcript 23b): check with a read
 * when it matters.
 */
void
sc_odoo_client_write_async (ScOdooClient        *self,
                            const char          *model,
                            const gint64        *ids,
                            gsize                n_ids,
                            JsonObject          *values,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonArray) args = json_array_new ();
  g_autoptr(JsonObject) kwargs = NULL;

  g_return_if_fail (SC_IS_ODOO_CLIENT (self));
  g_return_if_fail (model != NULL);
  g_return_if_fail (ids != NULL || n_ids == 0);
  g_return_if_fail (values != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sc_odoo_client_write_async);
  g_task_set_name (task, "write");

  json_array_add_array_element (args, _sc_odoo_id_array (ids, n_ids));
  json_array_add_object_element (args, json_object_ref (values));
  kwargs = _sc_odoo_client_new_kwargs (self);

  _sc_odoo_client_call_kw_async (self, model, "write", args, kwargs, cancellable,
                 boolean_result_cb, g_steal_pointer (&task));
}

gboolean
sc_odoo_client_write_finish (ScOdooClient  *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (SC_IS_ODOO_CLIENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * sc_odoo_client_unlink_async:
 * @self: a signed-in #ScOdooClient
 * @model: the model
 * @ids: (array length=n_ids): record ids
 * @n_ids: how many
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Deletes records; deleting an id that is already gone succeeds
 * (transcript 23c), so a retried delete is harmless.
 */
void
sc_odoo_client_unlink_async (ScOdooClient        *self,
                             const char          *model,
                             const gint64        *ids,
                             gsize                n_ids,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonArray) args = json_array_new ();
  g_autoptr(JsonObject) kwargs = NULL;

  g_return_if_fail (SC_IS_ODOO_CLIENT (self));
  g_return_if_fail (model != NULL);
  g_return_if_fail (ids != NULL || n_ids == 0);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sc_odoo_client_unlink_async);
  g_task_set_name (task, "unlink");

  json_array_add_array_element (args, _sc_odoo_id_array (ids, n_ids));
  kwargs = _sc_odoo_client_new_kwargs (self);

  _sc_odoo_client_call_kw_async (self, model, "unlink", args, kwargs, cancellable,
                 boolean_result_cb, g_steal_pointer (&task));
}

gboolean
sc_odoo_client_unlink_finish (ScOdooClient  *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (SC_IS_ODOO_CLIENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
