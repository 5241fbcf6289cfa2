/* sc-fake-odoo-store.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-fake-odoo"

#include "config.h"

#include <math.h>
#include <string.h>

#include "sc-fake-odoo-resources.h"
#include "sc-fake-odoo-store.h"

/* The fake's database: the models of kpi_tracking 17.4.6 and the few base
 * models a client touches, described by the fields_get answers recorded
 * from the real server (fake-odoo/fields-*.json), with the addon's access
 * rights, record rules and business rules (shared/reference/
 * kpi-tracking-odoo-model.md §3 and §4) and Odoo's own behaviour where the
 * transcripts show it: read of a deleted id gives [], write and unlink of
 * one succeed, MissingError only when a method touches the record.
 *
 * Records are arrays of slots, one per field, so 100,000 submissions take
 * a few tens of megabytes and seed in a fraction of a second.
 */

#define RESOURCE_PATH "/io/github/scorecard_kpi/Scorecard/fake-odoo/"

/* 2026-11-29 21:27:13 UTC: when the transcripts' data was seeded. */
#define TRANSCRIPT_SEED_TIME G_GINT64_CONSTANT (1795987633)

#define GROUP_USER_ID    1
#define GROUP_SYSTEM_ID  2
#define GROUP_ADMIN_ID   40
#define GROUP_MANAGER_ID 41
#define GROUP_KPI_USER_ID 42

static const char *group_names[] = {
  [SC_FAKE_ODOO_ROLE_ADMIN] = "Tools/KPI Admin",
  [SC_FAKE_ODOO_ROLE_MANAGER] = "Tools/KPI Manager",
  [SC_FAKE_ODOO_ROLE_USER] = "Tools/KPI User",
};

typedef struct
{
  const char *name;
  const char *description;
  const char *rec_name;
  const char *order;
  gboolean    addon;
  guint8      perms[4];  /* none, user, manager, admin */
} ModelInfo;

#define R PERM_READ
#define W PERM_WRITE
#define C PERM_CREATE
#define D PERM_UNLINK

static const ModelInfo model_infos[] = {
  { "kpi.report", "KPI Report", "name", "department, name", TRUE, { 0, R, R|W|C, R|W|C|D } },
  { "kpi.report.group", "KPI Report Group", "name", "id", TRUE, { 0, R, R|W, R|W|C|D } },
  { "kpi.report.submission", "KPI Report Submission", NULL, "date desc", TRUE, { 0, R, R|C, R|W|C|D } },
  { "kpi.report.group.submission", "KPI Report Group Submission", NULL, "date desc", TRUE, { 0, R, R, R|W|C|D } },
  { "kpi.discussion", "KPI Discussion", "title", "create_date desc", TRUE, { 0, R|W|C, R|W|C, R|W|C|D } },
  { "kpi.action.item", "KPI Action Item", "description", "priority desc, due_date asc", TRUE, { 0, R|W|C, R|W|C, R|W|C|D } },
  { "kpi.approval.workflow", "KPI Approval Workflow", "name", "create_date desc", TRUE, { 0, R|W|C, R|W|C, R|W|C|D } },
  { "kpi.performance.coaching", "KPI Performance Coaching", "title", "session_date desc", TRUE, { 0, R|W|C, R|W|C, R|W|C|D } },
  { "res.users", "User", "name", "name, login", FALSE, { R, R, R, R } },
  { "res.groups", "Access Groups", "name", "name", FALSE, { R, R, R, R } },
  { "ir.model.data", "Model Data", "name", "module, model, name", FALSE, { R, R, R, R } },
  { "res.users.apikeys", "Users API Keys", "name", "id", FALSE, { R, R, R, R } },
};

#undef R
#undef W
#undef C
#undef D

/* Related fields: model, field, through, comodel field. */
static const struct
{
  const char *model;
  const char *field;
  const char *via;
  const char *target;
} related_fields[] = {
  { "kpi.report.submission", "report_id", "kpi_id", "report_id" },
  { "kpi.report.submission", "kpi_type", "kpi_id", "kpi_type" },
  { "kpi.report.submission", "report_type", "kpi_id", "report_type" },
  { "kpi.report.submission", "department", "kpi_id", "department" },
  { "kpi.report.submission", "target_type", "kpi_id", "target_type" },
  { "kpi.report.submission", "target_value", "kpi_id", "target_value" },
  { "kpi.report.submission", "target_unit_display", "kpi_id", "target_unit_display" },
  { "kpi.report.submission", "kpi_direction", "kpi_id", "kpi_direction" },
  { "kpi.report.submission", "priority_weight", "kpi_id", "priority_weight" },
  { "kpi.discussion", "department", "kpi_id", "department" },
  { "kpi.discussion", "kpi_name", "kpi_id", "name" },
  { "kpi.discussion", "current_value", "kpi_id", "value" },
  { "kpi.discussion", "target_value", "kpi_id", "target_value" },
  { "kpi.discussion", "achievement_percent", "kpi_id", "achievement_percent" },
  { "kpi.approval.workflow", "department", "kpi_id", "department" },
  { "kpi.approval.workflow", "kpi_name", "kpi_id", "name" },
  { "kpi.approval.workflow", "current_target_value", "kpi_id", "target_value" },
  { "kpi.approval.workflow", "current_formula", "kpi_id", "formula_field" },
  { "kpi.approval.workflow", "current_achievement", "kpi_id", "achievement_percent" },
  { "kpi.performance.coaching", "department", "kpi_id", "department" },
  { "kpi.performance.coaching", "kpi_name", "kpi_id", "name" },
  { "kpi.performance.coaching", "current_performance", "kpi_id", "achievement_percent" },
};

/* The KPI fields whose related copies live on every submission. */
static const char * const kpi_related_sources[] = {
  "report_id", "kpi_type", "report_type", "department", "target_type",
  "target_value", "kpi_direction", "priority_weight", NULL
};

typedef enum
{
  DEFAULT_STR,
  DEFAULT_FLOAT,
  DEFAULT_INT,
  DEFAULT_NOW,
  DEFAULT_TODAY,
  DEFAULT_UID,
} DefaultKind;

static const struct
{
  const char  *model;
  const char  *field;
  DefaultKind  kind;
  const char  *value;
} defaults[] = {
  { "kpi.report", "target_type", DEFAULT_STR, "number" },
  { "kpi.report", "priority_weight", DEFAULT_STR, "3" },
  { "kpi.report", "kpi_direction", DEFAULT_STR, "higher_better" },
  { "kpi.report", "value", DEFAULT_FLOAT, "0" },
  { "kpi.report", "manual_value", DEFAULT_FLOAT, "0" },
  { "kpi.report.group", "group_type", DEFAULT_STR, "daily" },
  { "kpi.report.submission", "date", DEFAULT_NOW, NULL },
  { "kpi.report.submission", "user_id", DEFAULT_UID, NULL },
  { "kpi.report.group.submission", "date", DEFAULT_NOW, NULL },
  { "kpi.report.group.submission", "user_id", DEFAULT_UID, NULL },
  { "kpi.discussion", "discussion_type", DEFAULT_STR, "performance_review" },
  { "kpi.discussion", "priority", DEFAULT_STR, "1" },
  { "kpi.discussion", "state", DEFAULT_STR, "draft" },
  { "kpi.discussion", "initiator_id", DEFAULT_UID, NULL },
  { "kpi.action.item", "start_date", DEFAULT_TODAY, NULL },
  { "kpi.action.item", "priority", DEFAULT_STR, "1" },
  { "kpi.action.item", "status", DEFAULT_STR, "open" },
  { "kpi.action.item", "created_by_id", DEFAULT_UID, NULL },
  { "kpi.approval.workflow", "state", DEFAULT_STR, "draft" },
  { "kpi.approval.workflow", "requested_by_id", DEFAULT_UID, NULL },
  { "kpi.approval.workflow", "request_date", DEFAULT_NOW, NULL },
  { "kpi.approval.workflow", "approval_levels", DEFAULT_INT, "1" },
  { "kpi.approval.workflow", "auto_approve_threshold", DEFAULT_FLOAT, "10" },
  { "kpi.approval.workflow", "escalation_timeout", DEFAULT_INT, "48" },
  { "kpi.performance.coaching", "coaching_type", DEFAULT_STR, "improvement_plan" },
  { "kpi.performance.coaching", "duration_hours", DEFAULT_FLOAT, "1" },
  { "kpi.performance.coaching", "state", DEFAULT_STR, "scheduled" },
  { "kpi.performance.coaching", "target_performance", DEFAULT_FLOAT, "100" },
  { "kpi.performance.coaching", "follow_up_frequency", DEFAULT_STR, "monthly" },
  { "res.users", "active", DEFAULT_INT, "1" },
};

static const char *mandatory_message =
  "The operation cannot be completed:\n"
  "- Create/update: a mandatory field is not set.\n"
  "- Delete: another model requires the record being deleted. If possible, archive it instead.\n\n";

/* Auxiliary methods: slots and records */

static void
slot_clear (Slot *slot)
{
  if (slot->kind == SLOT_STR)
    g_free (slot->s);
  else if (slot->kind == SLOT_IDS)
    g_array_unref (slot->ids);

  slot->kind = SLOT_EMPTY;
  slot->i = 0;
}

static void
slot_copy (Slot       *dest,
           const Slot *src)
{
  slot_clear (dest);
  dest->kind = src->kind;

  switch (src->kind)
    {
    case SLOT_STR:
      dest->s = g_strdup (src->s);
      break;
    case SLOT_IDS:
      dest->ids = g_array_copy (src->ids);
      break;
    case SLOT_FLOAT:
      dest->f = src->f;
      break;
    default:
      dest->i = src->i;
    }
}

static void
slot_set_int (Slot   *slot,
              gint64  value)
{
  slot_clear (slot);
  slot->kind = SLOT_INT;
  slot->i = value;
}

static void
slot_set_float (Slot   *slot,
                double  value)
{
  slot_clear (slot);
  slot->kind = SLOT_FLOAT;
  slot->f = value;
}

static void
slot_set_str (Slot       *slot,
              const char *value)
{
  slot_clear (slot);
  if (value != NULL)
    {
      slot->kind = SLOT_STR;
      slot->s = g_strdup (value);
    }
}

static void
slot_set_ids (Slot   *slot,
              GArray *ids)
{
  slot_clear (slot);
  slot->kind = SLOT_IDS;
  slot->ids = ids;
}

static FakeRecord *
record_new (FakeModel *model,
            gint64     id)
{
  FakeRecord *record = g_malloc0 (sizeof (FakeRecord) + model->fields->len * sizeof (Slot));

  record->id = id;
  record->n_slots = model->fields->len;

  return record;
}

static void
record_free (gpointer data)
{
  FakeRecord *record = data;

  if (record == NULL)
    return;

  for (guint i = 0; i < record->n_slots; i++)
    slot_clear (&record->slots[i]);
  g_free (record);
}

static FakeRecord *
record_clone (FakeRecord *record)
{
  FakeRecord *copy = g_malloc0 (sizeof (FakeRecord) + record->n_slots * sizeof (Slot));

  copy->id = record->id;
  copy->n_slots = record->n_slots;
  for (guint i = 0; i < record->n_slots; i++)
    slot_copy (&copy->slots[i], &record->slots[i]);

  return copy;
}

static Slot *
record_slot (FakeModel  *model,
             FakeRecord *record,
             const char *name)
{
  FakeField *field = model_lookup_field (model, name);

  g_assert (field != NULL);

  return &record->slots[field->index];
}

static const char *
slot_str (FakeModel  *model,
          FakeRecord *record,
          const char *name)
{
  Slot *slot = record_slot (model, record, name);

  return slot->kind == SLOT_STR ? slot->s : NULL;
}

static double
slot_float (FakeModel  *model,
            FakeRecord *record,
            const char *name)
{
  Slot *slot = record_slot (model, record, name);

  return slot->kind == SLOT_FLOAT ? slot->f : slot->kind == SLOT_INT ? (double) slot->i : 0.0;
}

static gint64
slot_int (FakeModel  *model,
          FakeRecord *record,
          const char *name)
{
  Slot *slot = record_slot (model, record, name);

  return slot->kind == SLOT_INT ? slot->i : 0;
}

static gboolean
ids_has (const GArray *ids,
         gint64        id)
{
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;

  return FALSE;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* Auxiliary methods: the request */

void
req_init (Req       *req,
          FakeStore *store,
          gint64     uid)
{
  memset (req, 0, sizeof *req);
  req->store = store;
  req->uid = uid;
  req->user = g_hash_table_lookup (store->users, &uid);
  req->now = store->clock;
  req->arena = g_string_chunk_new (4096);
  req->temps = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
}

void
req_clear (Req *req)
{
  g_clear_pointer (&req->arena, g_string_chunk_free);
  g_clear_pointer (&req->temps, g_ptr_array_unref);
}

static const char *
req_strdup (Req        *req,
            const char *text)
{
  return g_string_chunk_insert (req->arena, text);
}

static GArray *
req_ids (Req *req)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_ptr_array_add (req->temps, ids);

  return ids;
}

/* Every committing call happens one clock step after the last. */
static void
req_tick (Req *req)
{
  req->store->clock += req->store->clock_step;
  req->now = req->store->clock;
}

static ScFakeOdooRole
req_role (Req *req)
{
  return req->user != NULL ? req->user->role : SC_FAKE_ODOO_ROLE_NONE;
}

/* Auxiliary methods: models */

FakeModel *
store_lookup_model (FakeStore  *store,
                    const char *name)
{
  FakeModel *model;

  if (name == NULL || !(model = g_hash_table_lookup (store->models, name)))
    return NULL;

  if ((model->addon && !store->addon_installed) || model->removed)
    return NULL;

  return model;
}

FakeField *
model_lookup_field (FakeModel  *model,
                    const char *name)
{
  return g_hash_table_lookup (model->fields_by_name, name);
}

FakeRecord *
model_lookup_record (FakeModel *model,
                     gint64     id)
{
  return g_hash_table_lookup (model->records, &id);
}

static FieldType
parse_field_type (const char *type)
{
  static const struct { const char *name; FieldType type; } types[] = {
    { "integer", FT_INTEGER }, { "float", FT_FLOAT }, { "monetary", FT_FLOAT },
    { "char", FT_CHAR }, { "text", FT_TEXT }, { "html", FT_HTML },
    { "selection", FT_SELECTION }, { "boolean", FT_BOOLEAN }, { "date", FT_DATE },
    { "datetime", FT_DATETIME }, { "many2one", FT_MANY2ONE }, { "one2many", FT_ONE2MANY },
    { "many2many", FT_MANY2MANY }, { "many2one_reference", FT_REFERENCE_ID },
  };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (g_strcmp0 (type, types[i].name) == 0)
      return types[i].type;

  return FT_OTHER;
}

static void
field_free (gpointer data)
{
  FakeField *field = data;

  g_free (field->name);
  g_free (field->label);
  g_free (field->relation);
  g_clear_pointer (&field->selection, g_ptr_array_unref);
  g_clear_pointer (&field->description, json_object_unref);
  g_free (field);
}

static void
model_free (gpointer data)
{
  FakeModel *model = data;

  g_clear_pointer (&model->records, g_hash_table_unref);
  g_clear_pointer (&model->fields_by_name, g_hash_table_unref);
  g_clear_pointer (&model->fields, g_ptr_array_unref);
  g_free (model->name);
  g_free (model);
}

static void
user_free (gpointer data)
{
  FakeUser *user = data;

  g_free (user->login);
  g_free (user->name);
  g_free (user->password);
  g_free (user->department);
  g_clear_pointer (&user->api_keys, g_ptr_array_unref);
  g_free (user);
}

/* Computed fields */

static void
get_id (Req        *req,
        FakeModel  *model,
        FakeRecord *record,
        FakeField  *field,
        Value      *out)
{
  out->kind = SLOT_INT;
  out->i = record->id;
}

const char *
record_display_name (Req        *req,
                     FakeModel  *model,
                     FakeRecord *record)
{
  if (model->rec_name != NULL)
    {
      FakeField *field = model_lookup_field (model, model->rec_name);
      Value value = { SLOT_EMPTY, };

      if (field != NULL)
        get_value (req, model, record, field, &value);
      if (value.kind == SLOT_STR)
        return value.s;
      return "";
    }

  {
    char buf[128];

    g_snprintf (buf, sizeof buf, "%s,%" G_GINT64_FORMAT, model->name, record->id);
    return req_strdup (req, buf);
  }
}

static void
get_display_name (Req        *req,
                  FakeModel  *model,
                  FakeRecord *record,
                  FakeField  *field,
                  Value      *out)
{
  out->kind = SLOT_STR;
  out->s = record_display_name (req, model, record);
}

static void
get_related (Req        *req,
             FakeModel  *model,
             FakeRecord *record,
             FakeField  *field,
             Value      *out)
{
  FakeField *via = model_lookup_field (model, field->related_via);
  Slot *link = &record->slots[via->index];
  FakeModel *comodel = store_lookup_model (req->store, via->relation);
  FakeRecord *target;
  FakeField *target_field;

  out->kind = SLOT_EMPTY;
  if (link->kind != SLOT_INT || comodel == NULL ||
      !(target = model_lookup_record (comodel, link->i)) ||
      !(target_field = model_lookup_field (comodel, field->related)))
    return;

  get_value (req, comodel, target, target_field, out);
}

/* The comodel's many2one back to us: the one2many's inverse. */
static FakeField *
inverse_field (FakeModel *comodel,
               FakeModel *model)
{
  for (guint i = 0; i < comodel->fields->len; i++)
    {
      FakeField *field = g_ptr_array_index (comodel->fields, i);

      if (field->type == FT_MANY2ONE && field->store && field->compute == NULL &&
          g_strcmp0 (field->relation, model->name) == 0)
        return field;
    }

  return NULL;
}

static GArray *
collect_inverse (Req        *req,
                 FakeModel  *model,
                 FakeRecord *record,
                 const char *relation)
{
  FakeModel *comodel = store_lookup_model (req->store, relation);
  FakeField *inverse;
  GHashTableIter iter;
  gpointer value;
  GArray *ids = req_ids (req);

  if (comodel == NULL || !(inverse = inverse_field (comodel, model)))
    return ids;

  g_hash_table_iter_init (&iter, comodel->records);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      FakeRecord *other = value;
      Slot *slot = &other->slots[inverse->index];

      if (slot->kind == SLOT_INT && slot->i == record->id)
        g_array_append_val (ids, other->id);
    }

  g_array_sort (ids, compare_ids);

  return ids;
}

static void
get_one2many (Req        *req,
              FakeModel  *model,
              FakeRecord *record,
              FakeField  *field,
              Value      *out)
{
  out->kind = SLOT_IDS;
  out->ids = collect_inverse (req, model, record, field->relation);
}

static void
get_count (Req        *req,
           FakeModel  *model,
           FakeRecord *record,
           FakeField  *field,
           Value      *out)
{
  g_autofree char *list_name = g_strndup (field->name, strlen (field->name) - strlen ("_count"));
  g_autofree char *ids_name = g_strconcat (list_name, "_ids", NULL);
  FakeField *list = model_lookup_field (model, ids_name);

  out->kind = SLOT_INT;
  out->i = list != NULL ? collect_inverse (req, model, record, list->relation)->len : 0;
}

static void
get_true (Req        *req,
          FakeModel  *model,
          FakeRecord *record,
          FakeField  *field,
          Value      *out)
{
  out->kind = SLOT_INT;
  out->i = 1;
}

static char *
format_thousands (double value)
{
  g_autofree char *plain = g_strdup_printf ("%.2f", fabs (value));
  char *dot = strchr (plain, '.');
  GString *out = g_string_new (value < 0 ? "-" : "");
  gsize digits = dot - plain;

  for (gsize i = 0; i < digits; i++)
    {
      if (i > 0 && (digits - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, plain[i]);
    }
  g_string_append (out, dot);

  return g_string_free (out, FALSE);
}

static void
get_target_unit_display (Req        *req,
                         FakeModel  *model,
                         FakeRecord *record,
                         FakeField  *field,
                         Value      *out)
{
  const char *type = slot_str (model, record, "target_type");
  double target = slot_float (model, record, "target_value");
  g_autofree char *text = NULL;

  if (g_strcmp0 (type, "percent") == 0)
    text = g_strdup_printf ("%.2f %%", target);
  else if (g_strcmp0 (type, "currency") == 0)
    {
      g_autofree char *number = format_thousands (target);

      text = g_strdup_printf ("₹ %s", number);
    }
  else if (g_strcmp0 (type, "duration") == 0)
    text = g_strdup_printf ("%.2f hrs", target);
  else if (g_strcmp0 (type, "boolean") == 0)
    text = g_strdup (target != 0 ? "Achieved" : "Not Achieved");
  else
    text = g_strdup_printf ("%.2f", target);

  out->kind = SLOT_STR;
  out->s = req_strdup (req, text);
}

static void
append_user_groups (GArray *ids,
                    gint64  uid,
                    ScFakeOdooRole role,
                    gboolean addon)
{
  gint64 gid = GROUP_USER_ID;

  g_array_append_val (ids, gid);
  if (uid == SC_FAKE_ODOO_ADMIN_UID)
    {
      gid = GROUP_SYSTEM_ID;
      g_array_append_val (ids, gid);
    }

  if (!addon)
    return;

  gid = role == SC_FAKE_ODOO_ROLE_ADMIN ? GROUP_ADMIN_ID :
        role == SC_FAKE_ODOO_ROLE_MANAGER ? GROUP_MANAGER_ID :
        role == SC_FAKE_ODOO_ROLE_USER ? GROUP_KPI_USER_ID : 0;
  if (gid != 0)
    g_array_append_val (ids, gid);
}

static void
get_user_groups (Req        *req,
                 FakeModel  *model,
                 FakeRecord *record,
                 FakeField  *field,
                 Value      *out)
{
  FakeUser *user = g_hash_table_lookup (req->store->users, &record->id);
  GArray *ids = req_ids (req);

  if (user != NULL)
    append_user_groups (ids, user->uid, user->role, req->store->addon_installed);

  out->kind = SLOT_IDS;
  out->ids = ids;
}

static void
get_group_users (Req        *req,
                 FakeModel  *model,
                 FakeRecord *record,
                 FakeField  *field,
                 Value      *out)
{
  GArray *ids = req_ids (req);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, req->store->users);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      FakeUser *user = value;
      g_autoptr(GArray) groups = g_array_new (FALSE, FALSE, sizeof (gint64));

      append_user_groups (groups, user->uid, user->role, req->store->addon_installed);
      if (ids_has (groups, record->id))
        g_array_append_val (ids, user->uid);
    }
  g_array_sort (ids, compare_ids);

  out->kind = SLOT_IDS;
  out->ids = ids;
}

static void
get_group_full_name (Req        *req,
                     FakeModel  *model,
                     FakeRecord *record,
                     FakeField  *field,
                     Value      *out)
{
  const char *name = slot_str (model, record, "name");
  const char *category = record->id >= GROUP_ADMIN_ID ? "Tools" :
                         record->id == GROUP_SYSTEM_ID ? "Administration" : "User types";
  g_autofree char *full = g_strdup_printf ("%s / %s", category, name ? name : "");

  out->kind = SLOT_STR;
  out->s = req_strdup (req, full);
}

static void
get_complete_name (Req        *req,
                   FakeModel  *model,
                   FakeRecord *record,
                   FakeField  *field,
                   Value      *out)
{
  g_autofree char *full = g_strdup_printf ("%s.%s", slot_str (model, record, "module"),
                                           slot_str (model, record, "name"));

  out->kind = SLOT_STR;
  out->s = req_strdup (req, full);
}

void
get_value (Req        *req,
           FakeModel  *model,
           FakeRecord *record,
           FakeField  *field,
           Value      *out)
{
  Slot *slot;

  memset (out, 0, sizeof *out);

  if (field->compute != NULL)
    {
      field->compute (req, model, record, field, out);
      return;
    }

  slot = &record->slots[field->index];
  out->kind = slot->kind;
  switch (slot->kind)
    {
    case SLOT_INT: out->i = slot->i; break;
    case SLOT_FLOAT: out->f = slot->f; break;
    case SLOT_STR: out->s = slot->s; break;
    case SLOT_IDS: out->ids = slot->ids; break;
    default: break;
    }
}

static void
setup_computed_fields (FakeModel *model)
{
  for (guint i = 0; i < model->fields->len; i++)
    {
      FakeField *field = g_ptr_array_index (model->fields, i);

      if (g_str_equal (field->name, "id"))
        field->compute = get_id;
      else if (g_str_equal (field->name, "display_name"))
        field->compute = get_display_name;
      else if (field->type == FT_ONE2MANY)
        field->compute = get_one2many;

      for (guint j = 0; j < G_N_ELEMENTS (related_fields); j++)
        {
          if (g_str_equal (related_fields[j].model, model->name) &&
              g_str_equal (related_fields[j].field, field->name))
            {
              field->compute = get_related;
              field->related_via = related_fields[j].via;
              field->related = related_fields[j].target;
            }
        }
    }

  if (g_str_equal (model->name, "kpi.report"))
    {
      model_lookup_field (model, "target_unit_display")->compute = get_target_unit_display;
      model_lookup_field (model, "is_admin")->compute = get_true;
      model_lookup_field (model, "discussion_count")->compute = get_count;
      model_lookup_field (model, "action_item_count")->compute = get_count;
      model_lookup_field (model, "approval_workflow_count")->compute = get_count;
      model_lookup_field (model, "coaching_session_count")->compute = get_count;
      model_lookup_field (model, "achievement_percent")->recomputed = TRUE;
      model_lookup_field (model, "score_label")->recomputed = TRUE;
      model_lookup_field (model, "score_color")->recomputed = TRUE;
    }
  else if (g_str_equal (model->name, "kpi.report.submission"))
    model_lookup_field (model, "achievement_percent")->recomputed = TRUE;
  else if (g_str_equal (model->name, "kpi.report.group"))
    {
      model_lookup_field (model, "group_achievement_percent")->recomputed = TRUE;
      model_lookup_field (model, "score_label")->recomputed = TRUE;
      model_lookup_field (model, "score_color")->recomputed = TRUE;
    }
  else if (g_str_equal (model->name, "res.users"))
    model_lookup_field (model, "groups_id")->compute = get_user_groups;
  else if (g_str_equal (model->name, "res.groups"))
    {
      model_lookup_field (model, "users")->compute = get_group_users;
      model_lookup_field (model, "full_name")->compute = get_group_full_name;
    }
  else if (g_str_equal (model->name, "ir.model.data"))
    model_lookup_field (model, "complete_name")->compute = get_complete_name;
}

static FakeModel *
load_model (FakeStore       *store,
            const ModelInfo *info)
{
  g_autofree char *path = g_strconcat (RESOURCE_PATH "fields-", info->name, ".json", NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;
  FakeModel *model;

  bytes = g_resource_lookup_data (store->resource, path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);

  model = g_new0 (FakeModel, 1);
  model->name = g_strdup (info->name);
  model->description = info->description;
  model->rec_name = info->rec_name;
  model->order = info->order;
  model->addon = info->addon;
  memcpy (model->perms, info->perms, sizeof model->perms);
  model->fields = g_ptr_array_new_with_free_func (field_free);
  model->fields_by_name = g_hash_table_new (g_str_hash, g_str_equal);
  model->records = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, record_free);
  model->next_id = 1;

  json_object_iter_init_ordered (&iter, json_node_get_object (json_parser_get_root (parser)));
  while (json_object_iter_next_ordered (&iter, &name, &node))
    {
      JsonObject *description = json_node_get_object (node);
      FakeField *field = g_new0 (FakeField, 1);

      field->name = g_strdup (name);
      field->description = json_object_ref (description);
      field->type = parse_field_type (json_object_get_string_member_with_default (description, "type", ""));
      field->label = g_strdup (json_object_get_string_member_with_default (description, "string", name));
      field->relation = g_strdup (json_object_get_string_member_with_default (description, "relation", NULL));
      field->required = json_object_get_boolean_member_with_default (description, "required", FALSE);
      field->readonly = json_object_get_boolean_member_with_default (description, "readonly", FALSE);
      field->store = json_object_get_boolean_member_with_default (description, "store", TRUE);
      field->index = model->fields->len;

      if (json_object_has_member (description, "selection"))
        {
          JsonArray *selection = json_object_get_array_member (description, "selection");

          field->selection = g_ptr_array_new ();
          for (guint i = 0; i < json_array_get_length (selection); i++)
            g_ptr_array_add (field->selection,
                             (gpointer) json_array_get_string_element (json_array_get_array_element (selection, i), 0));
        }

      g_ptr_array_add (model->fields, field);
      g_hash_table_insert (model->fields_by_name, field->name, field);
    }

  setup_computed_fields (model);
  g_hash_table_insert (store->models, model->name, model);

  return model;
}

/* Auxiliary methods: access */

static const char *
operation_verb (guint perm)
{
  switch (perm)
    {
    case PERM_READ: return "access";
    case PERM_WRITE: return "modify";
    case PERM_CREATE: return "create";
    default: return "delete";
    }
}

static gboolean
check_acl (Req        *req,
           FakeModel  *model,
           guint       perm,
           GError    **error)
{
  g_autoptr(GString) groups = NULL;

  if (req->superuser || (model->perms[req_role (req)] & perm) != 0)
    return TRUE;

  groups = g_string_new (NULL);
  if (model->addon)
    {
      for (int role = SC_FAKE_ODOO_ROLE_ADMIN; role >= SC_FAKE_ODOO_ROLE_USER; role--)
        if (model->perms[role] & perm)
          g_string_append_printf (groups, "\t- %s\n", group_names[role]);
    }
  else
    g_string_append (groups, "\t- Administration/Access Rights\n");

  g_set_error (error, FAKE_ODOO_ERROR, FAKE_EXC_ACCESS_ERROR,
               "You are not allowed to %s '%s' (%s) records.\n\n"
               "This operation is allowed for the following groups:\n%s\n"
               "Contact your administrator to request access if necessary.",
               operation_verb (perm), model->description, model->name, groups->str);

  return FALSE;
}

/* kpi.report's record rules (reference §3.3); the group's assigned
 * employees are not modelled. */
static gboolean
kpi_visible (Req        *req,
             FakeModel  *model,
             FakeRecord *record)
{
  Slot *assigned = record_slot (model, record, "assigned_user_ids");
  ScFakeOdooRole role = req_role (req);
  const char *department;

  if (role == SC_FAKE_ODOO_ROLE_ADMIN || role == SC_FAKE_ODOO_ROLE_NONE)
    return TRUE;

  if (assigned->kind != SLOT_IDS || assigned->ids->len == 0 || ids_has (assigned->ids, req->uid))
    return TRUE;

  if (slot_int (model, record, "create_uid") == req->uid)
    return TRUE;

  department = slot_str (model, record, "department");
  if (role == SC_FAKE_ODOO_ROLE_MANAGER && req->user->department != NULL &&
      g_strcmp0 (department, req->user->department) == 0)
    return TRUE;

  return FALSE;
}

gboolean
record_visible (Req        *req,
                FakeModel  *model,
                FakeRecord *record)
{
  if (!req->store->addon_installed)
    {
      if (g_str_equal (model->name, "ir.model.data") &&
          g_strcmp0 (slot_str (model, record, "module"), "kpi_tracking") == 0)
        return FALSE;
      if (g_str_equal (model->name, "res.groups") && record->id >= GROUP_ADMIN_ID)
        return FALSE;
    }

  if (req->superuser)
    return TRUE;

  if (g_str_equal (model->name, "kpi.report"))
    return kpi_visible (req, model, record);

  if (g_str_equal (model->name, "res.users.apikeys"))
    return slot_int (model, record, "user_id") == req->uid;

  return TRUE;
}

static gboolean
check_rules (Req         *req,
             FakeModel   *model,
             GPtrArray   *records,
             const char  *operation,
             GError     **error)
{
  for (guint i = 0; i < records->len; i++)
    {
      if (!record_visible (req, model, g_ptr_array_index (records, i)))
        {
          g_set_error (error, FAKE_ODOO_ERROR, FAKE_EXC_ACCESS_ERROR,
                       "Uh-oh! Looks like you have stumbled upon some top-secret records.\n\n"
                       "Sorry, %s (id=%" G_GINT64_FORMAT ") doesn't have '%s' access to:\n"
                       "- %s (%s)\n\n"
                       "If you really, really need access, perhaps you can win over your "
                       "friendly administrator with a batch of freshly baked cookies.",
                       req->user != NULL ? req->user->name : "?", req->uid, operation,
                       model->description, model->name);
          return FALSE;
        }
    }

  return TRUE;
}

static char *
format_record_repr (FakeModel *model,
                    GArray    *ids)
{
  GString *out = g_string_new (model->name);

  g_string_append_c (out, '(');
  for (guint i = 0; i < ids->len; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      g_string_append_printf (out, "%" G_GINT64_FORMAT, g_array_index (ids, gint64, i));
    }
  g_string_append (out, ids->len == 1 ? ",)" : ")");

  return g_string_free (out, FALSE);
}

/* The records a record method touches: MissingError for any that is gone. */
static GPtrArray *
browse_existing (Req         *req,
                 FakeModel   *model,
                 GArray      *ids,
                 GError     **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new ();
  g_autoptr(GArray) missing = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      FakeRecord *record = model_lookup_record (model, id);

      if (record == NULL)
        g_array_append_val (missing, id);
      else
        g_ptr_array_add (records, record);
    }

  if (missing->len > 0)
    {
      g_autofree char *repr = format_record_repr (model, missing);

      g_set_error (error, FAKE_ODOO_ERROR, FAKE_EXC_MISSING,
                   "Record does not exist or has been deleted.\n(Record: %s, User: %" G_GINT64_FORMAT ")",
                   repr, req->uid);
      return NULL;
    }

  return g_steal_pointer (&records);
}

/* Auxiliary methods: the addon's rules (reference §4) */

/* Odoo's float_round(value, 2), HALF-UP with its epsilon. */
static double
round2 (double value)
{
  double normalized, epsilon;

  if (value == 0)
    return 0.0;

  normalized = value / 0.01;
  epsilon = pow (2, log2 (fabs (normalized)) - 52);
  normalized += copysign (epsilon, normalized);

  return round (normalized) / 100.0;
}

static double
achievement (double      value,
             double      target,
             const char *target_type,
             const char *direction)
{
  if (g_strcmp0 (target_type, "boolean") == 0)
    return value != 0 ? 100.0 : 0.0;

  if (g_strcmp0 (direction, "lower_better") == 0)
    {
      if (value == 0)
        return 100.0;
      if (target == 0)
        return 0.0;
      return MIN (target / value * 100.0, 100.0);
    }

  if (target == 0)
    return 0.0;

  return value / target * 100.0;
}

static void
score_band (double       percent,
            const char **label,
            const char **color)
{
  if (percent >= 95)
    *label = "Excellent", *color = "1";
  else if (percent >= 80)
    *label = "Good", *color = "2";
  else if (percent >= 70)
    *label = "Average", *color = "3";
  else if (percent >= 50)
    *label = "Needs Improvement", *color = "4";
  else
    *label = "Underperformance", *color = "5";
}

static void
compute_kpi (FakeModel  *kpis,
             FakeRecord *kpi)
{
  double percent = round2 (achievement (slot_float (kpis, kpi, "value"),
                                        slot_float (kpis, kpi, "target_value"),
                                        slot_str (kpis, kpi, "target_type"),
                                        slot_str (kpis, kpi, "kpi_direction")));
  const char *label, *color;

  score_band (percent, &label, &color);
  slot_set_float (record_slot (kpis, kpi, "achievement_percent"), percent);
  slot_set_str (record_slot (kpis, kpi, "score_label"), label);
  slot_set_str (record_slot (kpis, kpi, "score_color"), color);
}

static void
compute_submission (FakeModel  *kpis,
                    FakeModel  *submissions,
                    FakeRecord *submission)
{
  Slot *link = record_slot (submissions, submission, "kpi_id");
  FakeRecord *kpi = link->kind == SLOT_INT ? model_lookup_record (kpis, link->i) : NULL;
  double percent = 0.0;

  if (kpi != NULL)
    percent = round2 (achievement (slot_float (submissions, submission, "value"),
                                   slot_float (kpis, kpi, "target_value"),
                                   slot_str (kpis, kpi, "target_type"),
                                   slot_str (kpis, kpi, "kpi_direction")));

  slot_set_float (record_slot (submissions, submission, "achievement_percent"), percent);
}

static void
stamp_write (Req        *req,
             FakeModel  *model,
             FakeRecord *record)
{
  slot_set_int (record_slot (model, record, "write_date"), req->now);
  slot_set_int (record_slot (model, record, "write_uid"), req->superuser && req->uid == 0 ? 1 : req->uid);
}

/* Recomputes a group's stored score (§4.2). Returns the unrounded mean,
 * which group history rows keep. */
static double
compute_group (Req    *req,
               gint64  group_id)
{
  FakeStore *store = req->store;
  FakeModel *groups = g_hash_table_lookup (store->models, "kpi.report.group");
  FakeModel *kpis = g_hash_table_lookup (store->models, "kpi.report");
  FakeRecord *group = model_lookup_record (groups, group_id);
  GHashTableIter iter;
  gpointer value;
  double sum = 0, weights = 0, mean, rounded;
  const char *label, *color;

  if (group == NULL)
    return 0.0;

  g_hash_table_iter_init (&iter, kpis->records);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      FakeRecord *kpi = value;
      const char *priority;
      double weight;

      if (slot_int (kpis, kpi, "report_id") != group_id)
        continue;

      priority = slot_str (kpis, kpi, "priority_weight");
      weight = priority != NULL ? g_ascii_strtod (priority, NULL) : 1;
      if (weight <= 0)
        weight = 1;
      sum += MIN (slot_float (kpis, kpi, "achievement_percent"), 100.0) * weight;
      weights += weight;
    }

  mean = weights > 0 ? sum / weights : 0.0;
  rounded = round2 (mean);
  score_band (rounded, &label, &color);

  if (slot_float (groups, group, "group_achievement_percent") != rounded ||
      g_strcmp0 (slot_str (groups, group, "score_label"), label) != 0)
    {
      slot_set_float (record_slot (groups, group, "group_achievement_percent"), rounded);
      slot_set_str (record_slot (groups, group, "score_label"), label);
      slot_set_str (record_slot (groups, group, "score_color"), color);
      stamp_write (req, groups, group);
    }

  return mean;
}

/* A KPI's related fields changed: every submission of it is rewritten and
 * re-stamped (§2.3, §4.5). */
static void
touch_submissions (Req    *req,
                   gint64  kpi_id)
{
  FakeModel *kpis = g_hash_table_lookup (req->store->models, "kpi.report");
  FakeModel *submissions = g_hash_table_lookup (req->store->models, "kpi.report.submission");
  FakeField *link = model_lookup_field (submissions, "kpi_id");
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, submissions->records);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      FakeRecord *submission = value;
      Slot *slot = &submission->slots[link->index];

      if (slot->kind == SLOT_INT && slot->i == kpi_id)
        {
          compute_submission (kpis, submissions, submission);
          stamp_write (req, submissions, submission);
        }
    }
}

static gboolean
contains_forbidden_word (const char *text,
                         const char **word)
{
  static const char * const words[] = { "exec", "eval", "open", "file", "compile", "globals", NULL };
  g_autofree char *lower = NULL;

  if (text == NULL)
    return FALSE;

  lower = g_ascii_strdown (text, -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (strstr (lower, words[i]) != NULL)
        {
          *word = words[i];
          return TRUE;
        }
    }

  return FALSE;
}

/* The Python constraints of kpi.report, then the database's CHECKs. */
static gboolean
validate_record (Req         *req,
                 FakeModel   *model,
                 FakeRecord  *record,
                 GError     **error)
{
  FakeModel *kpis = g_hash_table_lookup (req->store->models, "kpi.report");

  if (model == kpis)
    {
      const char *type = slot_str (model, record, "target_type");
      double target = slot_float (model, record, "target_value");
      const char *word;
      const char *name = slot_str (model, record, "name");
      gint64 report = slot_int (model, record, "report_id");
      GHashTableIter iter;
      gpointer value;

      if (target < 0)
        {
          g_set_error_literal (error, FAKE_ODOO_ERROR, FAKE_EXC_VALIDATION, "Target value cannot be negative");
          return FALSE;
        }
      if (g_strcmp0 (type, "percent") == 0 && target > 100)
        {
          g_set_error_literal (error, FAKE_ODOO_ERROR, FAKE_EXC_VALIDATION, "Percentage target cannot exceed 100%");
          return FALSE;
        }
      if (g_strcmp0 (type, "boolean") == 0 && target != 0 && target != 1)
        {
          g_set_error_literal (error, FAKE_ODOO_ERROR, FAKE_EXC_VALIDATION, "Boolean target must be 0 or 1");
          return FALSE;
        }
      /* Wording of our own: the transcripts do not show these two. */
      if (contains_forbidden_word (slot_str (model, record, "formula_field"), &word) ||
          contains_forbidden_word (slot_str (model, record, "source_domain"), &word))
        {
          g_set_error (error, FAKE_ODOO_ERROR, FAKE_EXC_VALIDATION,
                       "Forbidden keyword '%s' in the formula or the domain", word);
          return FALSE;
        }
      if (report != 0)
        {
          g_hash_table_iter_init (&iter, model->records);
          while (g_hash_table_iter_next (&iter, NULL, &value))
            {
              FakeRecord *other = value;

              if (other->id != record->id && slot_int (model, other, "report_id") == report &&
                  g_strcmp0 (slot_str (model, other, "name"), name) == 0)
                {
                  g_set_error_literal (error, FAKE_ODOO_ERROR, FAKE_EXC_VALIDATION,
                                       "KPI name must be unique per report group!");
                  return FALSE;
                }
            }
        }

      compute_kpi (model, record);
    }
  else if (g_str_equal (model->name, "kpi.report.submission"))
    compute_submission (kpis, model, record);
  else
    return TRUE;

  if (slot_float (model, record, "achievement_percent") < 0)
    {
      g_set_error_literal (error, FAKE_ODOO_ERROR, FAKE_EXC_VALIDATION,
                           "Achievement percent cannot be negative");
      return FALSE;
    }

  return TRUE;
}

static char *
table_name (FakeModel *model)
{
  return g_strdelimit (g_strdup (model->name), ".", '_');
}

static gboolean
check_required_and_links (Req         *req,
                          FakeModel   *model,
                          FakeRecord  *record,
                          GError     **error)
{
  for (guint i = 0; i < model->fields->len; i++)
    {
      FakeField *field = g_ptr_array_index (model->fields, i);
      Slot *slot = &record->slots[field->index];

      if (field->compute != NULL || !field->store)
        continue;

      if (field->required && slot->kind == SLOT_EMPTY)
        {
          g_set_error (error, FAKE_ODOO_ERROR, FAKE_EXC_VALIDATION,
                       "%sModel: %s (%s)\nField: %s (%s)\n",
                       mandatory_message, model->description, model->name, field->label, field->name);
          return FALSE;
        }

      if (field->type == FT_MANY2ONE && slot->kind == SLOT_INT)
        {
          FakeModel *comodel = g_hash_table_lookup (req->store->models, field->relation);

          if (comodel != NULL && model_lookup_record (comodel, slot->i) == NULL)
            {
              g_autofree char *table = table_name (model);

              g_set_error (error, FAKE_ODOO_ERROR, FAKE_EXC_VALIDATION,
                           "%sModel: %s (%s)\nConstraint: %s_%s_fkey\n",
                           mandatory_message, model->description, model->name, table, field->name);
              return FALSE;
            }
        }
    }

  return TRUE;
}

/* Auxiliary methods: values in */

static gboolean
node_is (JsonNode *node,
         GType     type)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

static gboolean
node_is_false (JsonNode *node)
{
  return node == NULL || JSON_NODE_HOLDS_NULL (node) ||
         (node_is (node, G_TYPE_BOOLEAN) && !json_node_get_boolean (node));
}

static gboolean
parse_ids (JsonNode  *node,
           GArray   **out,
           GError   **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (node_is (node, G_TYPE_INT64))
    {
      gint64 id = json_node_get_int (node);

      g_array_append_val (ids, id);
    }
  else if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          gint64 id;

          if (!node_is (element, G_TYPE_INT64))
            {
              g_autofree char *repr = fake_py_repr (element);

              g_set_error (error, FAKE_ODOO_ERROR, FAKE_EXC_TYPE,
                           "Invalid id %s: record ids are integers", repr);
              return FALSE;
            }
          id = json_node_get_int (element);
          if (!ids_has (ids, id))
            g_array_append_val (ids, id);
        }
    }
  else if (!node_is_false (node))
    {
      g_autofree char *repr = fake_py_repr (node);

      g_set_error (error, FAKE_ODOO_ERROR, FAKE_EXC_TYPE, "Invalid ids %s", repr);
      return FALSE;
    }

  *out = g_steal_pointer (&ids);

  return TRUE;
}

static gboolean
parse_x2many (JsonNode    *node,
              const Slot  *current,
              GArray     **out,
              GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  JsonArray *commands;

  if (current->kind == SLOT_IDS)
    g_array_append_vals (ids, current->ids->data, current->ids->len);

  if (node_is_false (node))
    {
      g_array_set_size (ids, 0);
      *out = g_steal_pointer (&ids);
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_ARRAY (node))
    goto invalid;

  commands = json_node_get_array (node);

  /* A plain list of ids replaces the set, as (6, 0, ids) would. */
  if (json_array_get_length (commands) == 0 || node_is (json_array_get_element (commands, 0), G_TYPE_INT64))
    {
      g_autoptr(GArray) plain = NULL;

      if (!parse_ids (node, &plain, error))
        return FALSE;
      g_array_sort (plain, compare_ids);
      *out = g_steal_pointer (&plain);
      return TRUE;
    }

  for (guint i = 0; i < json_array_get_length (commands); i++)
    {
      JsonNode *command_node = json_array_get_element (commands, i);
      JsonArray *command;
      gint64 code, id = 0;

      if (!JSON_NODE_HOLDS_ARRAY (command_node))
        goto invalid;
      command = json_node_get_array (command_node);
      if (json_array_get_length (command) < 1 || !node_is (json_array_get_element (command, 0), G_TYPE_INT64))
        goto invalid;

      code = json_array_get_int_element (command, 0);
      if (json_array_get_length (command) >= 2 && node_is (json_array_get_element (command, 1), G_TYPE_INT64))
        id = json_array_get_int_element (command, 1);

      switch (code)
        {
        case 6:
          {
            g_autoptr(GArray) set = NULL;

            if (json_array_get_length (command) < 3 || !parse_ids (json_array_get_element (command, 2), &set, error))
              return FALSE;
            g_array_set_size (ids, 0);
            g_array_append_vals (ids, set->data, set->len);
          }
          break;

        case 4:
          if (!ids_has (ids, id))
            g_array_append_val (ids, id);
          break;

        case 2:
        case 3:
          for (guint j = ids->len; j-- > 0;)
            if (g_array_index (ids, gint64, j) == id)
              g_array_remove_index (ids, j);
          break;

        case 5:
          g_array_set_size (ids, 0);
          break;

        default:
          goto invalid;
        }
    }

  g_array_sort (ids, compare_ids);
  *out = g_steal_pointer (&ids);

  return TRUE;

invalid:
  {
    g_autofree char *repr = fake_py_repr (node);

    g_set_error (error, FAKE_ODOO_ERROR, FAKE_EXC_VALUE, "Wrong value for x2many commands: %s", repr);
    return FALSE;
  }
}

static gboolean
parse_value (FakeModel   *model,
             FakeField   *field,
             JsonNode    *node,
             const Slot  *current,
             Slot        *out,
             GError     **error)
{
  g_autofree char *repr = NULL;

  switch (field->type)
    {
    case FT_ONE2MANY:
    case FT_MANY2MANY:
      {
        GArray *ids = NULL;

        if (!parse_x2many (node, current, &ids, error))
          return FALSE;
        slot_set_ids (out, ids);
        return TRUE;
      }

    case FT_BOOLEAN:
      if (node_is_false (node))
        slot_set_int (out, 0);
      else if (node_is (node, G_TYPE_INT64))
        slot_set_int (out, json_node_get_int (node) != 0);
      else if (node_is (node, G_TYPE_STRING))
        slot_set_int (out, *json_node_get_string (node) != '\0');
      else
        slot_set_int (out, 1);
      return TRUE;

    default:
      break;
    }

  if (node_is_false (node))
    {
      slot_clear (out);
      return TRUE;
    }

  switch (field->type)
    {
    case FT_INTEGER:
    case FT_MANY2ONE:
    case FT_REFERENCE_ID:
      if (node_is (node, G_TYPE_INT64))
        slot_set_int (out, json_node_get_int (node));
      else if (node_is (node, G_TYPE_DOUBLE))
        slot_set_int (out, (gint64) json_node_get_double (node));
      else if (node_is (node, G_TYPE_BOOLEAN))
        slot_set_int (out, 1);
      else
        {
          repr = fake_py_repr (node);
          g_set_error (error, FAKE_ODOO_ERROR, FAKE_EXC_VALUE,
                       "invalid literal for int() with base 10: %s", repr);
          return FALSE;
        }
      return TRUE;

    case FT_FLOAT:
      if (node_is (node, G_TYPE_INT64))
        slot_set_float (out, (double) json_node_get_int (node));
      else if (node_is (node, G_TYPE_DOUBLE))
        slot_set_float (out, json_node_get_double (node));
      else if (node_is (node, G_TYPE_BOOLEAN))
        slot_set_float (out, 1.0);
      else if (node_is (node, G_TYPE_STRING))
        {
          const char *text = json_node_get_string (node);
          char *end;
          double value = g_ascii_strtod (text, &end);

          if (*text == '\0' || *end != '\0')
            {
              repr = fake_py_repr (node);
              g_set_error (error, FAKE_ODOO_ERROR, FAKE_EXC_VALUE,
                           "could not convert string to float: %s", repr);
              return FALSE;
            }
          slot_set_float (out, value);
        }
      else
        {
          repr = fake_py_repr (node);
          g_set_error (error, FAKE_ODOO_ERROR, FAKE_EXC_TYPE,
                       "float() argument must be a string or a real number, not %s",
                       JSON_NODE_HOLDS_ARRAY (node) ? "'list'" : "'dict'");
          return FALSE;
        }
      return TRUE;

    case FT_DATE:
    case FT_DATETIME:
      {
        gint64 when;

        if (!node_is (node, G_TYPE_STRING) || !fake_parse_datetime (json_node_get_string (node), &when))
          {
            repr = fake_py_repr (node);
            g_set_error (error, FAKE_ODOO_ERROR, FAKE_EXC_VALUE,
                         "time data %s does not match format '%s'", repr,
                         field->type == FT_DATE ? "%Y-%m-%d" : "%Y-%m-%d %H:%M:%S");
            return FALSE;
          }
        if (field->type == FT_DATE)
          when -= when % 86400;
        slot_set_int (out, when);
      }
      return TRUE;

    case FT_SELECTION:
      {
        gboolean valid = FALSE;

        if (node_is (node, G_TYPE_STRING) && field->selection != NULL)
          for (guint i = 0; i < field->selection->len && !valid; i++)
            valid = g_str_equal (json_node_get_string (node), g_ptr_array_index (field->selection, i));

        if (!valid)
          {
            repr = fake_py_repr (node);
            g_set_error (error, FAKE_ODOO_ERROR, FAKE_EXC_VALUE, "Wrong value for %s.%s: %s",
                         model->name, field->name, repr);
            return FALSE;
          }
        slot_set_str (out, json_node_get_string (node));
      }
      return TRUE;

    case FT_CHAR:
    case FT_TEXT:
    case FT_HTML:
      if (node_is (node, G_TYPE_STRING))
        slot_set_str (out, json_node_get_string (node));
      else
        {
          g_autoptr(GString) text = g_string_new (NULL);

          fake_json_node (text, node);
          slot_set_str (out, text->str);
        }
      return TRUE;

    default:
      slot_clear (out);
      return TRUE;
    }
}

static gboolean
field_is_writable (FakeField *field)
{
  if (field->compute != NULL && field->type != FT_ONE2MANY)
    return FALSE;
  if (field->recomputed || field->type == FT_ONE2MANY)
    return FALSE;

  return !g_str_equal (field->name, "create_uid") && !g_str_equal (field->name, "create_date") &&
         !g_str_equal (field->name, "write_uid") && !g_str_equal (field->name, "write_date");
}

static gboolean
apply_values (Req         *req,
              FakeModel   *model,
              FakeRecord  *record,
              JsonObject  *values,
              GHashTable  *changed,
              GError     **error)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  json_object_iter_init_ordered (&iter, values);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    {
      FakeField *field = model_lookup_field (model, name);
      Slot *slot;
      Slot before = { SLOT_EMPTY, };

      if (field == NULL || field->removed)
        {
          g_set_error (error, FAKE_ODOO_ERROR, FAKE_EXC_VALUE, "Invalid field '%s' on model '%s'",
                       name, model->name);
          return FALSE;
        }

      if (!field_is_writable (field))
        continue;

      slot = &record->slots[field->index];
      slot_copy (&before, slot);
      if (!parse_value (model, field, node, slot, slot, error))
        {
          slot_clear (&before);
          return FALSE;
        }

      if (changed != NULL)
        {
          gboolean same = before.kind == slot->kind &&
                          (before.kind == SLOT_EMPTY ||
                           (before.kind == SLOT_INT && before.i == slot->i) ||
                           (before.kind == SLOT_FLOAT && before.f == slot->f) ||
                           (before.kind == SLOT_STR && g_str_equal (before.s, slot->s)));

          if (!same)
            g_hash_table_add (changed, field->name);
        }
      slot_clear (&before);
    }

  return TRUE;
}

static void
apply_defaults (Req        *req,
                FakeModel  *model,
                FakeRecord *record)
{
  for (guint i = 0; i < G_N_ELEMENTS (defaults); i++)
    {
      Slot *slot;

      if (!g_str_equal (defaults[i].model, model->name))
        continue;

      slot = record_slot (model, record, defaults[i].field);
      switch (defaults[i].kind)
        {
        case DEFAULT_STR:
          slot_set_str (slot, defaults[i].value);
          break;
        case DEFAULT_FLOAT:
          slot_set_float (slot, g_ascii_strtod (defaults[i].value, NULL));
          break;
        case DEFAULT_INT:
          slot_set_int (slot, g_ascii_strtoll (defaults[i].value, NULL, 10));
          break;
        case DEFAULT_NOW:
          slot_set_int (slot, req->now);
          break;
        case DEFAULT_TODAY:
          slot_set_int (slot, req->now - req->now % 86400);
          break;
        case DEFAULT_UID:
          slot_set_int (slot, req->uid);
          break;
        }
    }
}

/* Auxiliary methods: the ORM */

static void
bump (FakeStore *store)
{
  store->generation++;
}

static void
after_kpi_change (Req        *req,
                  gint64      kpi_id,
                  gint64      old_group,
                  gint64      new_group,
                  GHashTable *changed)
{
  gboolean related = changed == NULL;

  for (guint i = 0; changed != NULL && kpi_related_sources[i] != NULL; i++)
    if (g_hash_table_contains (changed, kpi_related_sources[i]))
      related = TRUE;

  if (related)
    touch_submissions (req, kpi_id);
  if (old_group != 0)
    compute_group (req, old_group);
  if (new_group != 0 && new_group != old_group)
    compute_group (req, new_group);
}

static gint64
create_one (Req         *req,
            FakeModel   *model,
            JsonObject  *values,
            GError     **error)
{
  FakeRecord *record = record_new (model, model->next_id);
  gint64 uid = req->uid;

  apply_defaults (req, model, record);
  if (!apply_values (req, model, record, values, NULL, error) ||
      !check_required_and_links (req, model, record, error) ||
      !validate_record (req, model, record, error))
    {
      record_free (record);
      return 0;
    }

  slot_set_int (record_slot (model, record, "create_date"), req->now);
  slot_set_int (record_slot (model, record, "create_uid"), uid);
  stamp_write (req, model, record);

  model->next_id++;
  g_hash_table_insert (model->records, &record->id, record);
  bump (req->store);

  if (g_str_equal (model->name, "kpi.report"))
    after_kpi_change (req, record->id, 0, slot_int (model, record, "report_id"), NULL);

  return record->id;
}

static void
delete_created (FakeModel *model,
                GArray    *ids)
{
  for (guint i = 0; i < ids->len; i++)
    g_hash_table_remove (model->records, &g_array_index (ids, gint64, i));
}

static gboolean
write_records (Req         *req,
               FakeModel   *model,
               GPtrArray   *records,
               JsonObject  *values,
               GError     **error)
{
  g_autoptr(GPtrArray) clones = g_ptr_array_new_with_free_func (record_free);
  g_autoptr(GHashTable) changed = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean is_kpi = g_str_equal (model->name, "kpi.report");
  g_autoptr(GArray) old_groups = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* All or nothing, as one transaction. */
  for (guint i = 0; i < records->len; i++)
    {
      FakeRecord *clone = record_clone (g_ptr_array_index (records, i));

      g_ptr_array_add (clones, clone);
      if (!apply_values (req, model, clone, values, changed, error) ||
          !check_required_and_links (req, model, clone, error) ||
          !validate_record (req, model, clone, error))
        return FALSE;
    }

  for (guint i = 0; i < clones->len; i++)
    {
      FakeRecord *clone = g_ptr_array_index (clones, i);
      gint64 old_group = is_kpi ? slot_int (model, g_ptr_array_index (records, i), "report_id") : 0;

      g_array_append_val (old_groups, old_group);
      stamp_write (req, model, clone);
      g_ptr_array_index (clones, i) = NULL;
      g_hash_table_replace (model->records, &clone->id, clone);
      g_ptr_array_index (records, i) = clone;
    }

  bump (req->store);

  if (is_kpi)
    for (guint i = 0; i < records->len; i++)
      {
        FakeRecord *kpi = g_ptr_array_index (records, i);

        after_kpi_change (req, kpi->id, g_array_index (old_groups, gint64, i),
                          slot_int (model, kpi, "report_id"), changed);
      }

  return TRUE;
}

static gboolean
unlink_records (Req         *req,
                FakeModel   *model,
                GPtrArray   *records,
                GError     **error)
{
  FakeStore *store = req->store;
  FakeModel *kpis = g_hash_table_lookup (store->models, "kpi.report");
  FakeModel *submissions = g_hash_table_lookup (store->models, "kpi.report.submission");
  FakeModel *group_submissions = g_hash_table_lookup (store->models, "kpi.report.group.submission");
  g_autoptr(GArray) groups = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (model == kpis)
    {
      for (guint i = 0; i < records->len; i++)
        {
          FakeRecord *kpi = g_ptr_array_index (records, i);
          GHashTableIter iter;
          gpointer value;

          g_hash_table_iter_init (&iter, submissions->records);
          while (g_hash_table_iter_next (&iter, NULL, &value))
            {
              if (slot_int (submissions, value, "kpi_id") == kpi->id)
                {
                  g_set_error (error, FAKE_ODOO_ERROR, FAKE_EXC_VALIDATION,
                               "%sModel: %s (%s)\nConstraint: kpi_report_submission_kpi_id_fkey\n",
                               mandatory_message, submissions->description, submissions->name);
                  return FALSE;
                }
            }
        }
    }

  for (guint i = 0; i < records->len; i++)
    {
      FakeRecord *record = g_ptr_array_index (records, i);
      gint64 id = record->id;

      if (model == kpis)
        {
          gint64 group = slot_int (model, record, "report_id");

          g_array_append_val (groups, group);
        }

      if (g_str_equal (model->name, "kpi.report.group"))
        {
          GHashTableIter iter;
          gpointer value;

          /* ondelete cascade for history rows; KPIs lose their group. */
          g_hash_table_iter_init (&iter, group_submissions->records);
          while (g_hash_table_iter_next (&iter, NULL, &value))
            if (slot_int (group_submissions, value, "report_id") == id)
              g_hash_table_iter_remove (&iter);

          g_hash_table_iter_init (&iter, kpis->records);
          while (g_hash_table_iter_next (&iter, NULL, &value))
            {
              FakeRecord *kpi = value;

              if (slot_int (kpis, kpi, "report_id") == id)
                {
                  slot_clear (record_slot (kpis, kpi, "report_id"));
                  stamp_write (req, kpis, kpi);
                  touch_submissions (req, kpi->id);
                }
            }
        }

      g_hash_table_remove (model->records, &id);
    }

  for (guint i = 0; i < groups->len; i++)
    if (g_array_index (groups, gint64, i) != 0)
      compute_group (req, g_array_index (groups, gint64, i));

  bump (store);

  return TRUE;
}

/* kpi.report.action_manual_refresh_kpi (§4.3), for manual KPIs. */
static gboolean
refresh_kpis (Req         *req,
              FakeModel   *kpis,
              GPtrArray   *records,
              GError     **error)
{
  FakeStore *store = req->store;
  FakeModel *submissions = g_hash_table_lookup (store->models, "kpi.report.submission");
  FakeModel *groups = g_hash_table_lookup (store->models, "kpi.report.group");
  FakeModel *group_submissions = g_hash_table_lookup (store->models, "kpi.report.group.submission");
  gint64 day_start = req->now - req->now % 86400;
  gint64 acting_uid = req->uid;
  gboolean was_superuser = req->superuser;
  ScFakeOdooRole role = req_role (req);

  for (guint i = 0; i < records->len; i++)
    {
      FakeRecord *kpi = g_ptr_array_index (records, i);
      Slot *assigned = record_slot (kpis, kpi, "assigned_user_ids");
      gint64 group_id;
      double mean;

      if (role != SC_FAKE_ODOO_ROLE_ADMIN && role != SC_FAKE_ODOO_ROLE_MANAGER && !req->superuser &&
          !(assigned->kind == SLOT_IDS && ids_has (assigned->ids, req->uid)))
        {
          g_set_error_literal (error, FAKE_ODOO_ERROR, FAKE_EXC_USER, "You can only update KPIs assigned to you.");
          return FALSE;
        }

      if (g_strcmp0 (slot_str (kpis, kpi, "kpi_type"), "manual") != 0)
        {
          slot_set_int (record_slot (kpis, kpi, "last_submitted"), day_start);
          stamp_write (req, kpis, kpi);
          continue;
        }

      /* The method runs as superuser inside. */
      req->superuser = TRUE;

      slot_set_float (record_slot (kpis, kpi, "value"), slot_float (kpis, kpi, "manual_value"));
      compute_kpi (kpis, kpi);
      stamp_write (req, kpis, kpi);

      for (guint j = 0; assigned->kind == SLOT_IDS && j < assigned->ids->len; j++)
        {
          gint64 user = g_array_index (assigned->ids, gint64, j);
          FakeRecord *found = NULL;
          GHashTableIter iter;
          gpointer value;

          g_hash_table_iter_init (&iter, submissions->records);
          while (g_hash_table_iter_next (&iter, NULL, &value))
            {
              FakeRecord *submission = value;
              gint64 date = slot_int (submissions, submission, "date");

              if (slot_int (submissions, submission, "kpi_id") == kpi->id &&
                  slot_int (submissions, submission, "user_id") == user &&
                  date >= day_start && date < day_start + 86400 &&
                  (found == NULL || submission->id < found->id))
                found = submission;
            }

          if (found == NULL)
            {
              found = record_new (submissions, submissions->next_id++);
              slot_set_int (record_slot (submissions, found, "kpi_id"), kpi->id);
              slot_set_int (record_slot (submissions, found, "user_id"), user);
              slot_set_int (record_slot (submissions, found, "create_date"), req->now);
              slot_set_int (record_slot (submissions, found, "create_uid"), acting_uid);
              g_hash_table_insert (submissions->records, &found->id, found);
            }

          slot_set_float (record_slot (submissions, found, "value"), slot_float (kpis, kpi, "value"));
          slot_set_str (record_slot (submissions, found, "note"), slot_str (kpis, kpi, "note"));
          slot_set_int (record_slot (submissions, found, "date"), req->now);
          compute_submission (kpis, submissions, found);
          stamp_write (req, submissions, found);
        }

      group_id = slot_int (kpis, kpi, "report_id");
      mean = compute_group (req, group_id);
      if (group_id != 0 && model_lookup_record (groups, group_id) != NULL)
        {
          FakeRecord *group = model_lookup_record (groups, group_id);
          FakeRecord *row = NULL;
          GHashTableIter iter;
          gpointer value;
          char day[FAKE_DATETIME_SIZE];
          g_autofree char *note = NULL;

          g_hash_table_iter_init (&iter, group_submissions->records);
          while (g_hash_table_iter_next (&iter, NULL, &value))
            {
              gint64 date = slot_int (group_submissions, value, "date");

              if (slot_int (group_submissions, value, "report_id") == group_id &&
                  date >= day_start && date < day_start + 86400)
                row = value;
            }

          if (row == NULL)
            {
              row = record_new (group_submissions, group_submissions->next_id++);
              slot_set_int (record_slot (group_submissions, row, "report_id"), group_id);
              slot_set_int (record_slot (group_submissions, row, "create_date"), req->now);
              slot_set_int (record_slot (group_submissions, row, "create_uid"), acting_uid);
              g_hash_table_insert (group_submissions->records, &row->id, row);
            }

          fake_format_datetime_into (req->now, FALSE, day);
          note = g_strdup_printf ("Group submission updated on %s - triggered by KPI: %s",
                                  day, slot_str (kpis, kpi, "name"));
          slot_set_int (record_slot (group_submissions, row, "date"), req->now);
          slot_set_float (record_slot (group_submissions, row, "value"), mean);
          slot_set_int (record_slot (group_submissions, row, "user_id"), acting_uid);
          slot_set_str (record_slot (group_submissions, row, "note"), note);
          slot_set_str (record_slot (group_submissions, row, "score_label"), slot_str (groups, group, "score_label"));
          slot_set_str (record_slot (group_submissions, row, "score_color"), slot_str (groups, group, "score_color"));
          stamp_write (req, group_submissions, row);
        }

      req->superuser = was_superuser;
    }

  bump (store);

  return TRUE;
}

/* Auxiliary methods: values out */

static void
write_field_value (Req        *req,
                   GString    *out,
                   FakeModel  *model,
                   FakeRecord *record,
                   FakeField  *field)
{
  Value value;
  char buf[FAKE_DATETIME_SIZE];

  get_value (req, model, record, field, &value);

  switch (field->type)
    {
    case FT_INTEGER:
    case FT_REFERENCE_ID:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, value.kind == SLOT_INT ? value.i : 0);
      break;

    case FT_FLOAT:
      fake_json_double (out, value.kind == SLOT_FLOAT ? value.f : value.kind == SLOT_INT ? (double) value.i : 0.0);
      break;

    case FT_BOOLEAN:
      g_string_append (out, value.kind == SLOT_INT && value.i ? "true" : "false");
      break;

    case FT_CHAR:
    case FT_TEXT:
    case FT_HTML:
    case FT_SELECTION:
      if (value.kind == SLOT_STR)
        fake_json_string (out, value.s);
      else
        g_string_append (out, "false");
      break;

    case FT_DATE:
    case FT_DATETIME:
      if (value.kind == SLOT_INT)
        {
          fake_format_datetime_into (value.i, field->type == FT_DATETIME, buf);
          fake_json_string (out, buf);
        }
      else
        g_string_append (out, "false");
      break;

    case FT_MANY2ONE:
      {
        FakeModel *comodel = store_lookup_model (req->store, field->relation);
        FakeRecord *target = NULL;

        if (value.kind == SLOT_INT && comodel != NULL)
          target = model_lookup_record (comodel, value.i);

        if (target == NULL)
          g_string_append (out, "false");
        else
          {
            g_string_append_printf (out, "[%" G_GINT64_FORMAT ", ", value.i);
            fake_json_string (out, record_display_name (req, comodel, target));
            g_string_append_c (out, ']');
          }
      }
      break;

    case FT_ONE2MANY:
    case FT_MANY2MANY:
      g_string_append_c (out, '[');
      for (guint i = 0; value.kind == SLOT_IDS && value.ids != NULL && i < value.ids->len; i++)
        {
          if (i > 0)
            g_string_append (out, ", ");
          g_string_append_printf (out, "%" G_GINT64_FORMAT, g_array_index (value.ids, gint64, i));
        }
      g_string_append_c (out, ']');
      break;

    default:
      g_string_append (out, "false");
    }
}

static gboolean
resolve_fields (FakeModel   *model,
                JsonNode    *fields_node,
                GPtrArray  **out,
                GError     **error)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();
  JsonArray *names;

  if (node_is_false (fields_node) ||
      (JSON_NODE_HOLDS_ARRAY (fields_node) && json_array_get_length (json_node_get_array (fields_node)) == 0))
    {
      for (guint i = 0; i < model->fields->len; i++)
        {
          FakeField *field = g_ptr_array_index (model->fields, i);

          if (!g_str_equal (field->name, "id") && !field->removed)
            g_ptr_array_add (fields, field);
        }
      *out = g_steal_pointer (&fields);
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_ARRAY (fields_node))
    {
      g_autofree char *repr = fake_py_repr (fields_node);

      g_set_error (error, FAKE_ODOO_ERROR, FAKE_EXC_VALUE, "Invalid field %s on model '%s'", repr, model->name);
      return FALSE;
    }

  names = json_node_get_array (fields_node);
  for (guint i = 0; i < json_array_get_length (names); i++)
    {
      JsonNode *name = json_array_get_element (names, i);
      FakeField *field = node_is (name, G_TYPE_STRING) ? model_lookup_field (model, json_node_get_string (name)) : NULL;

      if (field == NULL || field->removed)
        {
          g_autofree char *repr = fake_py_repr (name);

          g_set_error (error, FAKE_ODOO_ERROR, FAKE_EXC_VALUE, "Invalid field %s on model '%s'", repr, model->name);
          return FALSE;
        }
      if (!g_str_equal (field->name, "id") && !g_ptr_array_find (fields, field, NULL))
        g_ptr_array_add (fields, field);
    }

  *out = g_steal_pointer (&fields);

  return TRUE;
}

static void
write_records_json (Req        *req,
                    GString    *out,
                    FakeModel  *model,
                    GPtrArray  *records,
                    GPtrArray  *fields)
{
  g_string_append_c (out, '[');
  for (guint i = 0; i < records->len; i++)
    {
      FakeRecord *record = g_ptr_array_index (records, i);

      if (i > 0)
        g_string_append (out, ", ");
      g_string_append_printf (out, "{\"id\": %" G_GINT64_FORMAT, record->id);
      for (guint j = 0; j < fields->len; j++)
        {
          FakeField *field = g_ptr_array_index (fields, j);

          g_string_append (out, ", ");
          fake_json_string (out, field->name);
          g_string_append (out, ": ");
          write_field_value (req, out, model, record, field);
        }
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');
}

/* Auxiliary methods: arguments */

typedef struct
{
  const char *name;
  gboolean    required;
} Param;

static char *
quote_list (GPtrArray *names)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < names->len; i++)
    {
      if (i > 0)
        g_string_append (out, names->len == 2 ? " and " : i + 1 == names->len ? ", and " : ", ");
      g_string_append_printf (out, "'%s'", (const char *) g_ptr_array_index (names, i));
    }

  return g_string_free (out, FALSE);
}

/* Python's binding of positional and keyword arguments, with its errors. */
static gboolean
bind_args (const char   *qualname,
           const Param  *params,
           guint         n_params,
           JsonArray    *args,
           guint         first,
           JsonObject   *kwargs,
           JsonNode    **bound,
           GError      **error)
{
  guint n_args = args != NULL ? json_array_get_length (args) : 0;
  guint n_positional = n_args > first ? n_args - first : 0;
  guint n_required = 0;
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();

  for (guint i = 0; i < n_params; i++)
    {
      bound[i] = NULL;
      if (params[i].required)
        n_required++;
    }

  if (n_positional > n_params)
    {
      if (n_required == n_params)
        g_set_error (error, FAKE_ODOO_ERROR, FAKE_EXC_TYPE,
                     "%s() takes %u positional arguments but %u were given",
                     qualname, n_params + 1, n_positional + 1);
      else
        g_set_error (error, FAKE_ODOO_ERROR, FAKE_EXC_TYPE,
                     "%s() takes from %u to %u positional arguments but %u were given",
                     qualname, n_required + 1, n_params + 1, n_positional + 1);
      return FALSE;
    }

  for (guint i = 0; i < n_positional; i++)
    bound[i] = json_array_get_element (args, first + i);

  if (kwargs != NULL)
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *node;

      json_object_iter_init_ordered (&iter, kwargs);
      while (json_object_iter_next_ordered (&iter, &name, &node))
        {
          gboolean known = FALSE;

          if (g_str_equal (name, "context"))
            continue;

          for (guint i = 0; i < n_params; i++)
            {
              if (g_str_equal (params[i].name, name))
                {
                  if (bound[i] != NULL)
                    {
                      g_set_error (error, FAKE_ODOO_ERROR, FAKE_EXC_TYPE,
                                   "%s() got multiple values for argument '%s'", qualname, name);
                      return FALSE;
                    }
                  bound[i] = node;
                  known = TRUE;
                }
            }

          if (!known)
            {
              g_set_error (error, FAKE_ODOO_ERROR, FAKE_EXC_TYPE,
                           "%s() got an unexpected keyword argument '%s'", qualname, name);
              return FALSE;
            }
        }
    }

  for (guint i = 0; i < n_params; i++)
    if (params[i].required && bound[i] == NULL)
      g_ptr_array_add (missing, (gpointer) params[i].name);

  if (missing->len > 0)
    {
      g_autofree char *list = quote_list (missing);

      g_set_error (error, FAKE_ODOO_ERROR, FAKE_EXC_TYPE,
                   "%s() missing %u required positional argument%s: %s",
                   qualname, missing->len, missing->len == 1 ? "" : "s", list);
      return FALSE;
    }

  return TRUE;
}

static gboolean
get_uint_arg (JsonNode    *node,
              const char  *name,
              guint       *value,
              GError     **error)
{
  if (node_is_false (node))
    {
      *value = 0;
      return TRUE;
    }

  if (!node_is (node, G_TYPE_INT64) || json_node_get_int (node) < 0)
    {
      g_autofree char *repr = fake_py_repr (node);

      g_set_error (error, FAKE_ODOO_ERROR, FAKE_EXC_VALUE, "Invalid %s: %s", name, repr);
      return FALSE;
    }

  *value = (guint) MIN (json_node_get_int (node), G_MAXUINT);

  return TRUE;
}

static gboolean
get_string_arg (JsonNode     *node,
                const char  **value)
{
  *value = node_is (node, G_TYPE_STRING) ? json_node_get_string (node) : NULL;

  return TRUE;
}

/* Auxiliary methods: the methods */

static gboolean
method_search_read (Req         *req,
                    FakeModel   *model,
                    JsonArray   *args,
                    JsonObject  *kwargs,
                    GString     *result,
                    GError     **error)
{
  static const Param params[] = {
    { "domain", FALSE }, { "fields", FALSE }, { "offset", FALSE }, { "limit", FALSE },
    { "order", FALSE }, { "load", FALSE },
  };
  JsonNode *bound[G_N_ELEMENTS (params)];
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) fields = NULL;
  const char *order;
  guint offset, limit;

  if (!bind_args ("BaseModel.search_read", params, G_N_ELEMENTS (params), args, 0, kwargs, bound, error) ||
      !get_uint_arg (bound[2], "offset", &offset, error) ||
      !get_uint_arg (bound[3], "limit", &limit, error) ||
      !get_string_arg (bound[4], &order) ||
      !check_acl (req, model, PERM_READ, error) ||
      !resolve_fields (model, bound[1], &fields, error) ||
      !(records = search_records (req, model, bound[0], order, offset, limit, error)))
    return FALSE;

  write_records_json (req, result, model, records, fields);

  return TRUE;
}

static gboolean
method_search (Req         *req,
               FakeModel   *model,
               JsonArray   *args,
               JsonObject  *kwargs,
               GString     *result,
               GError     **error)
{
  static const Param params[] = {
    { "domain", TRUE }, { "offset", FALSE }, { "limit", FALSE }, { "order", FALSE },
  };
  JsonNode *bound[G_N_ELEMENTS (params)];
  g_autoptr(GPtrArray) records = NULL;
  const char *order;
  guint offset, limit;

  if (!bind_args ("BaseModel.search", params, G_N_ELEMENTS (params), args, 0, kwargs, bound, error) ||
      !get_uint_arg (bound[1], "offset", &offset, error) ||
      !get_uint_arg (bound[2], "limit", &limit, error) ||
      !get_string_arg (bound[3], &order) ||
      !check_acl (req, model, PERM_READ, error) ||
      !(records = search_records (req, model, bound[0], order, offset, limit, error)))
    return FALSE;

  g_string_append_c (result, '[');
  for (guint i = 0; i < records->len; i++)
    g_string_append_printf (result, "%s%" G_GINT64_FORMAT, i > 0 ? ", " : "",
                            ((FakeRecord *) g_ptr_array_index (records, i))->id);
  g_string_append_c (result, ']');

  return TRUE;
}

static gboolean
method_search_count (Req         *req,
                     FakeModel   *model,
                     JsonArray   *args,
                     JsonObject  *kwargs,
                     GString     *result,
                     GError     **error)
{
  static const Param params[] = { { "domain", TRUE }, { "limit", FALSE } };
  JsonNode *bound[G_N_ELEMENTS (params)];
  guint limit;
  gint64 count;

  if (!bind_args ("BaseModel.search_count", params, G_N_ELEMENTS (params), args, 0, kwargs, bound, error) ||
      !get_uint_arg (bound[1], "limit", &limit, error) ||
      !check_acl (req, model, PERM_READ, error) ||
      (count = count_records (req, model, bound[0], error)) < 0)
    return FALSE;

  if (limit > 0)
    count = MIN (count, limit);
  g_string_append_printf (result, "%" G_GINT64_FORMAT, count);

  return TRUE;
}

static gboolean
method_read (Req         *req,
             FakeModel   *model,
             GArray      *ids,
             JsonArray   *args,
             JsonObject  *kwargs,
             GString     *result,
             GError     **error)
{
  static const Param params[] = { { "fields", FALSE }, { "load", FALSE } };
  JsonNode *bound[G_N_ELEMENTS (params)];
  g_autoptr(GPtrArray) records = g_ptr_array_new ();
  g_autoptr(GPtrArray) fields = NULL;

  if (!bind_args ("BaseModel.read", params, G_N_ELEMENTS (params), args, 1, kwargs, bound, error) ||
      !check_acl (req, model, PERM_READ, error) ||
      !resolve_fields (model, bound[0], &fields, error))
    return FALSE;

  /* Deleted ids are left out (transcript 23). */
  for (guint i = 0; i < ids->len; i++)
    {
      FakeRecord *record = model_lookup_record (model, g_array_index (ids, gint64, i));

      if (record != NULL)
        g_ptr_array_add (records, record);
    }

  if (!check_rules (req, model, records, "read", error))
    return FALSE;

  write_records_json (req, result, model, records, fields);

  return TRUE;
}

static gboolean
method_fields_get (Req         *req,
                   FakeModel   *model,
                   JsonArray   *args,
                   JsonObject  *kwargs,
                   GString     *result,
                   GError     **error)
{
  static const Param params[] = { { "allfields", FALSE }, { "attributes", FALSE } };
  JsonNode *bound[G_N_ELEMENTS (params)];
  gboolean first = TRUE;

  if (!bind_args ("BaseModel.fields_get", params, G_N_ELEMENTS (params), args, 0, kwargs, bound, error))
    return FALSE;

  g_string_append_c (result, '{');
  for (guint i = 0; i < model->fields->len; i++)
    {
      FakeField *field = g_ptr_array_index (model->fields, i);
      JsonObjectIter iter;
      const char *name;
      JsonNode *node;
      gboolean first_attribute = TRUE;

      if (field->removed)
        continue;

      if (bound[0] != NULL && JSON_NODE_HOLDS_ARRAY (bound[0]) &&
          json_array_get_length (json_node_get_array (bound[0])) > 0)
        {
          gboolean wanted = FALSE;
          JsonArray *wanted_fields = json_node_get_array (bound[0]);

          for (guint j = 0; j < json_array_get_length (wanted_fields) && !wanted; j++)
            wanted = node_is (json_array_get_element (wanted_fields, j), G_TYPE_STRING) &&
                     g_str_equal (json_array_get_string_element (wanted_fields, j), field->name);
          if (!wanted)
            continue;
        }

      if (!first)
        g_string_append (result, ", ");
      first = FALSE;
      fake_json_string (result, field->name);
      g_string_append (result, ": {");

      json_object_iter_init_ordered (&iter, field->description);
      while (json_object_iter_next_ordered (&iter, &name, &node))
        {
          if (bound[1] != NULL && JSON_NODE_HOLDS_ARRAY (bound[1]))
            {
              JsonArray *attributes = json_node_get_array (bound[1]);
              gboolean wanted = FALSE;

              for (guint j = 0; j < json_array_get_length (attributes) && !wanted; j++)
                wanted = node_is (json_array_get_element (attributes, j), G_TYPE_STRING) &&
                         g_str_equal (json_array_get_string_element (attributes, j), name);
              if (!wanted)
                continue;
            }

          if (!first_attribute)
            g_string_append (result, ", ");
          first_attribute = FALSE;
          fake_json_string (result, name);
          g_string_append (result, ": ");
          fake_json_node (result, node);
        }
      g_string_append_c (result, '}');
    }
  g_string_append_c (result, '}');

  return TRUE;
}

static gboolean
method_create (Req         *req,
               FakeModel   *model,
               JsonArray   *args,
               JsonObject  *kwargs,
               GString     *result,
               GError     **error)
{
  static const Param params[] = { { "vals_list", TRUE } };
  JsonNode *bound[G_N_ELEMENTS (params)];
  g_autoptr(GArray) created = g_array_new (FALSE, FALSE, sizeof (gint64));
  JsonNode *vals;

  if (!bind_args ("BaseModel.create", params, G_N_ELEMENTS (params), args, 0, kwargs, bound, error) ||
      !check_acl (req, model, PERM_CREATE, error))
    return FALSE;

  vals = bound[0];
  req_tick (req);

  /* One dict gives an id, a list a list (transcripts 17, 18). */
  if (JSON_NODE_HOLDS_OBJECT (vals))
    {
      gint64 id = create_one (req, model, json_node_get_object (vals), error);

      if (id == 0)
        return FALSE;
      g_string_append_printf (result, "%" G_GINT64_FORMAT, id);
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_ARRAY (vals))
    {
      g_set_error (error, FAKE_ODOO_ERROR, FAKE_EXC_ATTRIBUTE, "'%s' object has no attribute 'items'",
                   node_is (vals, G_TYPE_STRING) ? "str" : node_is (vals, G_TYPE_INT64) ? "int" : "bool");
      return FALSE;
    }

  for (guint i = 0; i < json_array_get_length (json_node_get_array (vals)); i++)
    {
      JsonNode *element = json_array_get_element (json_node_get_array (vals), i);
      gint64 id;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          g_set_error_literal (error, FAKE_ODOO_ERROR, FAKE_EXC_ATTRIBUTE,
                               "'list' object has no attribute 'items'");
          delete_created (model, created);
          return FALSE;
        }

      if ((id = create_one (req, model, json_node_get_object (element), error)) == 0)
        {
          delete_created (model, created);
          return FALSE;
        }
      g_array_append_val (created, id);
    }

  g_string_append_c (result, '[');
  for (guint i = 0; i < created->len; i++)
    g_string_append_printf (result, "%s%" G_GINT64_FORMAT, i > 0 ? ", " : "", g_array_index (created, gint64, i));
  g_string_append_c (result, ']');

  return TRUE;
}

static gboolean
method_write (Req         *req,
              FakeModel   *model,
              GArray      *ids,
              JsonArray   *args,
              JsonObject  *kwargs,
              GString     *result,
              GError     **error)
{
  static const Param params[] = { { "vals", TRUE } };
  JsonNode *bound[G_N_ELEMENTS (params)];
  g_autoptr(GPtrArray) records = g_ptr_array_new ();

  if (!bind_args ("BaseModel.write", params, G_N_ELEMENTS (params), args, 1, kwargs, bound, error) ||
      !check_acl (req, model, PERM_WRITE, error))
    return FALSE;

  if (!JSON_NODE_HOLDS_OBJECT (bound[0]))
    {
      g_set_error_literal (error, FAKE_ODOO_ERROR, FAKE_EXC_ATTRIBUTE, "'list' object has no attribute 'items'");
      return FALSE;
    }

  /* Writing to a deleted id is no error (transcript 23b). */
  for (guint i = 0; i < ids->len; i++)
    {
      FakeRecord *record = model_lookup_record (model, g_array_index (ids, gint64, i));

      if (record != NULL)
        g_ptr_array_add (records, record);
    }

  if (!check_rules (req, model, records, "write", error))
    return FALSE;

  req_tick (req);
  if (!write_records (req, model, records, json_node_get_object (bound[0]), error))
    return FALSE;

  g_string_append (result, "true");

  return TRUE;
}

static gboolean
method_unlink (Req         *req,
               FakeModel   *model,
               GArray      *ids,
               JsonArray   *args,
               JsonObject  *kwargs,
               GString     *result,
               GError     **error)
{
  JsonNode *bound[1];
  g_autoptr(GPtrArray) records = g_ptr_array_new ();

  if (!bind_args ("BaseModel.unlink", NULL, 0, args, 1, kwargs, bound, error) ||
      !check_acl (req, model, PERM_UNLINK, error))
    return FALSE;

  /* Deleting what is gone already succeeds (transcript 23c). */
  for (guint i = 0; i < ids->len; i++)
    {
      FakeRecord *record = model_lookup_record (model, g_array_index (ids, gint64, i));

      if (record != NULL)
        g_ptr_array_add (records, record);
    }

  if (!check_rules (req, model, records, "unlink", error))
    return FALSE;

  req_tick (req);
  if (!unlink_records (req, model, records, error))
    return FALSE;

  g_string_append (result, "true");

  return TRUE;
}

static void
fake_message_free (gpointer data)
{
  FakeMessage *message = data;

  g_free (message->model);
  g_free (message->body);
  g_free (message);
}

/* mail.thread's message_post, as the addon's models (all with chatter)
 * have it: a comment on one record its reader may see, which Odoo mails to
 * the record's followers. Returns the new mail.message id. */
static gboolean
method_message_post (Req         *req,
                     FakeModel   *model,
                     GArray      *ids,
                     JsonArray   *args,
                     JsonObject  *kwargs,
                     GString     *result,
                     GError     **error)
{
  static const Param params[] = {
    { "body", FALSE }, { "subject", FALSE }, { "message_type", FALSE }, { "subtype_xmlid", FALSE },
    { "partner_ids", FALSE }, { "body_is_html", FALSE },
  };
  JsonNode *bound[G_N_ELEMENTS (params)];
  g_autoptr(GPtrArray) records = NULL;
  FakeMessage *message;

  if (!bind_args ("MailThread.message_post", params, G_N_ELEMENTS (params), args, 1, kwargs, bound, error) ||
      !check_acl (req, model, PERM_READ, error) ||
      !(records = browse_existing (req, model, ids, error)) ||
      !check_rules (req, model, records, "read", error))
    return FALSE;

  if (records->len != 1)
    {
      g_autofree char *repr = format_record_repr (model, ids);

      g_set_error (error, FAKE_ODOO_ERROR, FAKE_EXC_VALUE, "Expected singleton: %s", repr);
      return FALSE;
    }

  message = g_new0 (FakeMessage, 1);
  message->id = (gint64)req->store->messages->len + 1;
  message->model = g_strdup (model->name);
  message->res_id = ((FakeRecord *)g_ptr_array_index (records, 0))->id;
  message->author_uid = req->uid;
  message->body = g_strdup (bound[0] != NULL && node_is (bound[0], G_TYPE_STRING)
                            ? json_node_get_string (bound[0]) : "");
  g_ptr_array_add (req->store->messages, message);

  g_string_append_printf (result, "%" G_GINT64_FORMAT, message->id);

  return TRUE;
}

static gboolean
method_copy (Req         *req,
             FakeModel   *model,
             GArray      *ids,
             JsonArray   *args,
             JsonObject  *kwargs,
             GString     *result,
             GError     **error)
{
  static const Param params[] = { { "default", FALSE } };
  JsonNode *bound[G_N_ELEMENTS (params)];
  g_autoptr(GPtrArray) records = NULL;
  FakeRecord *source;
  FakeRecord *copy;
  gint64 id;

  if (!bind_args ("BaseModel.copy", params, G_N_ELEMENTS (params), args, 1, kwargs, bound, error) ||
      !check_acl (req, model, PERM_CREATE, error) ||
      !(records = browse_existing (req, model, ids, error)) ||
      !check_rules (req, model, records, "read", error))
    return FALSE;

  if (records->len != 1)
    {
      g_autofree char *repr = format_record_repr (model, ids);

      g_set_error (error, FAKE_ODOO_ERROR, FAKE_EXC_VALUE, "Expected singleton: %s", repr);
      return FALSE;
    }

  source = g_ptr_array_index (records, 0);
  req_tick (req);

  /* Stored values are copied; computed ones follow. */
  copy = record_clone (source);
  copy->id = model->next_id;
  if ((bound[0] != NULL && JSON_NODE_HOLDS_OBJECT (bound[0]) &&
       !apply_values (req, model, copy, json_node_get_object (bound[0]), NULL, error)) ||
      !check_required_and_links (req, model, copy, error) ||
      !validate_record (req, model, copy, error))
    {
      record_free (copy);
      return FALSE;
    }

  slot_set_int (record_slot (model, copy, "create_date"), req->now);
  slot_set_int (record_slot (model, copy, "create_uid"), req->uid);
  stamp_write (req, model, copy);
  id = copy->id;
  model->next_id++;
  g_hash_table_insert (model->records, &copy->id, copy);
  bump (req->store);

  if (g_str_equal (model->name, "kpi.report"))
    after_kpi_change (req, id, 0, slot_int (model, copy, "report_id"), NULL);

  g_string_append_printf (result, "%" G_GINT64_FORMAT, id);

  return TRUE;
}

static gboolean
method_refresh (Req         *req,
                FakeModel   *model,
                GArray      *ids,
                JsonArray   *args,
                JsonObject  *kwargs,
                GError     **error)
{
  JsonNode *bound[1];
  g_autoptr(GPtrArray) records = NULL;

  if (!bind_args ("KpiReport.action_manual_refresh_kpi", NULL, 0, args, 1, kwargs, bound, error) ||
      !check_acl (req, model, PERM_READ, error) ||
      !(records = browse_existing (req, model, ids, error)) ||
      !check_rules (req, model, records, "read", error))
    return FALSE;

  req_tick (req);

  return refresh_kpis (req, model, records, error);
}

/* Public API */

FakeStore *
fake_store_new (void)
{
  FakeStore *store = g_new0 (FakeStore, 1);
  FakeModel *groups;
  FakeModel *data;
  static const struct { gint64 id; const char *name; } base_groups[] = {
    { GROUP_USER_ID, "Internal User" }, { GROUP_SYSTEM_ID, "Settings" },
    { GROUP_ADMIN_ID, "KPI Admin" }, { GROUP_MANAGER_ID, "KPI Manager" }, { GROUP_KPI_USER_ID, "KPI User" },
  };
  static const struct { const char *module; const char *name; gint64 res_id; } xml_ids[] = {
    { "base", "group_user", GROUP_USER_ID }, { "base", "group_system", GROUP_SYSTEM_ID },
    { "kpi_tracking", "group_kpi_admin", GROUP_ADMIN_ID },
    { "kpi_tracking", "group_kpi_manager", GROUP_MANAGER_ID },
    { "kpi_tracking", "group_kpi_user", GROUP_KPI_USER_ID },
  };

  store->resource = g_resource_ref (sc_fake_odoo_get_resource ());
  store->models = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, model_free);
  store->users = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, user_free);
  store->clock = TRANSCRIPT_SEED_TIME;
  store->clock_step = 1;
  store->addon_installed = TRUE;
  store->messages = g_ptr_array_new_with_free_func (fake_message_free);

  for (guint i = 0; i < G_N_ELEMENTS (model_infos); i++)
    load_model (store, &model_infos[i]);

  groups = g_hash_table_lookup (store->models, "res.groups");
  for (guint i = 0; i < G_N_ELEMENTS (base_groups); i++)
    {
      FakeRecord *record = record_new (groups, base_groups[i].id);

      slot_set_str (record_slot (groups, record, "name"), base_groups[i].name);
      slot_set_int (record_slot (groups, record, "create_date"), store->clock);
      slot_set_int (record_slot (groups, record, "write_date"), store->clock);
      g_hash_table_insert (groups->records, &record->id, record);
    }
  groups->next_id = GROUP_KPI_USER_ID + 1;

  data = g_hash_table_lookup (store->models, "ir.model.data");
  for (guint i = 0; i < G_N_ELEMENTS (xml_ids); i++)
    {
      FakeRecord *record = record_new (data, data->next_id++);

      slot_set_str (record_slot (data, record, "module"), xml_ids[i].module);
      slot_set_str (record_slot (data, record, "name"), xml_ids[i].name);
      slot_set_str (record_slot (data, record, "model"), "res.groups");
      slot_set_int (record_slot (data, record, "res_id"), xml_ids[i].res_id);
      slot_set_int (record_slot (data, record, "create_date"), store->clock);
      slot_set_int (record_slot (data, record, "write_date"), store->clock);
      g_hash_table_insert (data->records, &record->id, record);
    }

  return store;
}

void
fake_store_free (FakeStore *store)
{
  if (store == NULL)
    return;

  g_clear_pointer (&store->cache.key, g_free);
  g_clear_pointer (&store->cache.records, g_ptr_array_unref);
  g_clear_pointer (&store->models, g_hash_table_unref);
  g_clear_pointer (&store->users, g_hash_table_unref);
  g_clear_pointer (&store->resource, g_resource_unref);
  g_clear_pointer (&store->messages, g_ptr_array_unref);
  g_free (store);
}

/* The bodies posted on one record's chatter, oldest first. */
GStrv
fake_store_get_messages (FakeStore  *store,
                         const char *model,
                         gint64      res_id)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < store->messages->len; i++)
    {
      FakeMessage *message = g_ptr_array_index (store->messages, i);

      if (g_str_equal (message->model, model) && message->res_id == res_id)
        g_strv_builder_add (builder, message->body);
    }

  return g_strv_builder_end (builder);
}

gint64
fake_store_add_user (FakeStore      *store,
                     gint64          uid,
                     const char     *login,
                     const char     *name,
                     const char     *password,
                     ScFakeOdooRole  role)
{
  FakeModel *users = g_hash_table_lookup (store->models, "res.users");
  FakeUser *user = g_new0 (FakeUser, 1);
  FakeRecord *record;
  Req req;

  if (uid <= 0)
    uid = users->next_id;
  users->next_id = MAX (users->next_id, uid + 1);

  user->uid = uid;
  user->login = g_strdup (login);
  user->name = g_strdup (name);
  user->password = g_strdup (password);
  user->api_keys = g_ptr_array_new_with_free_func (g_free);
  user->role = role;
  g_hash_table_insert (store->users, &user->uid, user);

  req_init (&req, store, SC_FAKE_ODOO_ADMIN_UID);
  record = record_new (users, uid);
  apply_defaults (&req, users, record);
  slot_set_str (record_slot (users, record, "name"), name);
  slot_set_str (record_slot (users, record, "login"), login);
  slot_set_int (record_slot (users, record, "share"), 0);
  slot_set_str (record_slot (users, record, "tz"), "UTC");
  slot_set_str (record_slot (users, record, "lang"), "en_US");
  slot_set_int (record_slot (users, record, "create_date"), store->clock);
  slot_set_int (record_slot (users, record, "write_date"), store->clock);
  slot_set_int (record_slot (users, record, "create_uid"), 1);
  slot_set_int (record_slot (users, record, "write_uid"), 1);
  g_hash_table_replace (users->records, &record->id, record);
  req_clear (&req);
  bump (store);

  return uid;
}

void
fake_store_add_api_key (FakeStore  *store,
                        gint64      uid,
                        const char *key)
{
  FakeUser *user = g_hash_table_lookup (store->users, &uid);
  FakeModel *keys = g_hash_table_lookup (store->models, "res.users.apikeys");
  FakeRecord *record;

  g_return_if_fail (user != NULL);

  g_ptr_array_add (user->api_keys, g_strdup (key));

  record = record_new (keys, keys->next_id++);
  slot_set_str (record_slot (keys, record, "name"), "kpi-desktop-client");
  slot_set_int (record_slot (keys, record, "user_id"), uid);
  slot_set_int (record_slot (keys, record, "create_date"), store->clock);
  slot_set_int (record_slot (keys, record, "write_date"), store->clock);
  slot_set_int (record_slot (keys, record, "create_uid"), uid);
  slot_set_int (record_slot (keys, record, "write_uid"), uid);
  g_hash_table_insert (keys->records, &record->id, record);
  bump (store);
}

void
fake_store_set_user_role (FakeStore      *store,
                          gint64          uid,
                          ScFakeOdooRole  role)
{
  FakeUser *user = g_hash_table_lookup (store->users, &uid);

  g_return_if_fail (user != NULL);

  user->role = role;
  bump (store);
}

void
fake_store_set_user_password (FakeStore  *store,
                              gint64      uid,
                              const char *password)
{
  FakeUser *user = g_hash_table_lookup (store->users, &uid);

  g_return_if_fail (user != NULL);

  g_free (user->password);
  user->password = g_strdup (password);
}

static gboolean
secret_matches (FakeUser   *user,
                const char *secret,
                gboolean    allow_api_key)
{
  if (secret == NULL || *secret == '\0')
    return FALSE;

  if (g_strcmp0 (user->password, secret) == 0)
    return TRUE;

  for (guint i = 0; allow_api_key && i < user->api_keys->len; i++)
    if (g_str_equal (g_ptr_array_index (user->api_keys, i), secret))
      return TRUE;

  return FALSE;
}

gint64
fake_store_authenticate (FakeStore  *store,
                         const char *login,
                         const char *secret,
                         gboolean    allow_api_key)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, store->users);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      FakeUser *user = value;

      if (g_strcmp0 (user->login, login) == 0 && secret_matches (user, secret, allow_api_key))
        return user->uid;
    }

  return 0;
}

gboolean
fake_store_check_uid (FakeStore  *store,
                      gint64      uid,
                      const char *secret)
{
  FakeUser *user = g_hash_table_lookup (store->users, &uid);

  return user != NULL && secret_matches (user, secret, TRUE);
}

JsonNode *
fake_store_session_info (FakeStore  *store,
                         gint64      uid,
                         const char *database)
{
  g_autoptr(GBytes) bytes = g_resource_lookup_data (store->resource, RESOURCE_PATH "session-info.json",
                                                    G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  FakeUser *user = g_hash_table_lookup (store->users, &uid);
  JsonObject *info;
  JsonArray *user_id;

  g_return_val_if_fail (bytes != NULL && user != NULL, NULL);

  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL);
  info = json_node_get_object (json_parser_get_root (parser));

  json_object_set_int_member (info, "uid", uid);
  json_object_set_boolean_member (info, "is_system", uid == SC_FAKE_ODOO_ADMIN_UID);
  json_object_set_boolean_member (info, "is_admin", uid == SC_FAKE_ODOO_ADMIN_UID);
  json_object_set_int_member (json_object_get_object_member (info, "user_context"), "uid", uid);
  json_object_set_string_member (info, "db", database);
  json_object_set_string_member (info, "name", user->name);
  json_object_set_string_member (info, "username", user->login);
  json_object_set_string_member (info, "partner_display_name", user->name);
  json_object_set_int_member (json_object_get_object_member (json_object_get_object_member (info, "user_settings"), "user_id"), "id", uid);
  user_id = json_array_new ();
  json_array_add_int_element (user_id, uid);
  json_object_set_array_member (info, "user_id", user_id);

  return json_node_copy (json_parser_get_root (parser));
}

void
fake_store_set_addon_installed (FakeStore *store,
                                gboolean   installed)
{
  store->addon_installed = installed;
  bump (store);
}

/* An older kpi_tracking: the field is gone from fields_get, from reads of
 * all fields, and asking for it is Odoo's "Invalid field". */
gboolean
fake_store_remove_field (FakeStore  *store,
                         const char *model_name,
                         const char *field_name)
{
  FakeModel *model = g_hash_table_lookup (store->models, model_name);
  FakeField *field;

  if (model == NULL || !(field = g_hash_table_lookup (model->fields_by_name, field_name)))
    return FALSE;

  /* Still there inside, for the addon's own rules; gone from the API. */
  field->removed = TRUE;
  bump (store);

  return TRUE;
}

gboolean
fake_store_remove_model (FakeStore  *store,
                         const char *model_name)
{
  FakeModel *model = g_hash_table_lookup (store->models, model_name);

  if (model == NULL)
    return FALSE;

  model->removed = TRUE;
  bump (store);

  return TRUE;
}

gboolean
fake_store_get_addon_installed (FakeStore *store)
{
  return store->addon_installed;
}

void
fake_store_set_clock (FakeStore *store,
                      gint64     unix_utc,
                      guint      step)
{
  store->clock = unix_utc;
  store->clock_step = step;
}

gint64
fake_store_get_clock (FakeStore *store)
{
  return store->clock;
}

gboolean
fake_store_set_next_id (FakeStore  *store,
                        const char *model_name,
                        gint64      id)
{
  FakeModel *model = g_hash_table_lookup (store->models, model_name);

  if (model == NULL)
    return FALSE;

  model->next_id = id;

  return TRUE;
}

gboolean
fake_store_call (FakeStore   *store,
                 gint64       uid,
                 const char  *model_name,
                 const char  *method,
                 JsonArray   *args,
                 JsonObject  *kwargs,
                 GString     *result,
                 gboolean    *has_result,
                 GError     **error)
{
  static const char * const record_methods[] = {
    "read", "write", "unlink", "copy", "action_manual_refresh_kpi", "message_post", NULL
  };
  static const char * const model_methods[] = {
    "search_read", "search", "search_count", "fields_get", "create", NULL
  };
  FakeModel *model;
  g_autoptr(GArray) ids = NULL;
  gboolean ok = FALSE;
  gboolean is_record_method;
  Req req;

  *has_result = TRUE;

  if (g_str_has_prefix (method, "_"))
    {
      g_set_error (error, FAKE_ODOO_ERROR, FAKE_EXC_ACCESS_ERROR,
                   "Private methods (such as %s) cannot be called remotely.", method);
      return FALSE;
    }

  if (!(model = store_lookup_model (store, model_name)))
    {
      g_set_error (error, FAKE_ODOO_ERROR, FAKE_EXC_USER, "Object %s doesn't exist", model_name);
      return FALSE;
    }

  is_record_method = g_strv_contains (record_methods, method);
  if ((!is_record_method && !g_strv_contains (model_methods, method)) ||
      (g_str_equal (method, "action_manual_refresh_kpi") && !g_str_equal (model->name, "kpi.report")) ||
      (g_str_equal (method, "message_post") && !model->addon))
    {
      g_set_error (error, FAKE_ODOO_ERROR, FAKE_EXC_ATTRIBUTE,
                   "The method '%s' does not exist on the model '%s'", method, model->name);
      return FALSE;
    }

  if (is_record_method)
    {
      if (args == NULL || json_array_get_length (args) == 0)
        {
          g_set_error_literal (error, FAKE_ODOO_ERROR, FAKE_EXC_INDEX, "list index out of range");
          return FALSE;
        }
      if (!parse_ids (json_array_get_element (args, 0), &ids, error))
        return FALSE;
    }

  req_init (&req, store, uid);

  if (g_str_equal (method, "search_read"))
    ok = method_search_read (&req, model, args, kwargs, result, error);
  else if (g_str_equal (method, "search"))
    ok = method_search (&req, model, args, kwargs, result, error);
  else if (g_str_equal (method, "search_count"))
    ok = method_search_count (&req, model, args, kwargs, result, error);
  else if (g_str_equal (method, "fields_get"))
    ok = method_fields_get (&req, model, args, kwargs, result, error);
  else if (g_str_equal (method, "create"))
    ok = method_create (&req, model, args, kwargs, result, error);
  else if (g_str_equal (method, "read"))
    ok = method_read (&req, model, ids, args, kwargs, result, error);
  else if (g_str_equal (method, "write"))
    ok = method_write (&req, model, ids, args, kwargs, result, error);
  else if (g_str_equal (method, "unlink"))
    ok = method_unlink (&req, model, ids, args, kwargs, result, error);
  else if (g_str_equal (method, "copy"))
    ok = method_copy (&req, model, ids, args, kwargs, result, error);
  else if (g_str_equal (method, "message_post"))
    ok = method_message_post (&req, model, ids, args, kwargs, result, error);
  else if (g_str_equal (method, "action_manual_refresh_kpi"))
    {
      ok = method_refresh (&req, model, ids, args, kwargs, error);
      *has_result = FALSE;
    }

  req_clear (&req);

  return ok;
}

/* Public API: seeding */

static FakeRecord *
seed_record (FakeStore *store,
             FakeModel *model,
             gint64     id)
{
  FakeRecord *record;

  if (id <= 0)
    id = model->next_id;
  model->next_id = MAX (model->next_id, id + 1);

  record = record_new (model, id);
  slot_set_int (record_slot (model, record, "create_date"), store->clock);
  slot_set_int (record_slot (model, record, "write_date"), store->clock);
  slot_set_int (record_slot (model, record, "create_uid"), SC_FAKE_ODOO_ADMIN_UID);
  slot_set_int (record_slot (model, record, "write_uid"), SC_FAKE_ODOO_ADMIN_UID);
  g_hash_table_insert (model->records, &record->id, record);

  return record;
}

static gint64
seed_group (FakeStore  *store,
            gint64      id,
            const char *name,
            const char *department)
{
  FakeModel *groups = g_hash_table_lookup (store->models, "kpi.report.group");
  FakeRecord *group = seed_record (store, groups, id);

  slot_set_str (record_slot (groups, group, "name"), name);
  slot_set_str (record_slot (groups, group, "group_type"), "daily");
  slot_set_str (record_slot (groups, group, "department"), department);

  return group->id;
}

static FakeRecord *
seed_kpi (FakeStore  *store,
          gint64      id,
          const char *name,
          gint64      group,
          const char *department,
          gint64      user_a,
          gint64      user_b,
          const char *target_type,
          double      target,
          const char *priority,
          const char *direction,
          double      value)
{
  FakeModel *kpis = g_hash_table_lookup (store->models, "kpi.report");
  FakeRecord *kpi = seed_record (store, kpis, id);
  GArray *assigned = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_array_append_val (assigned, user_a);
  g_array_append_val (assigned, user_b);

  slot_set_str (record_slot (kpis, kpi, "name"), name);
  slot_set_int (record_slot (kpis, kpi, "report_id"), group);
  slot_set_str (record_slot (kpis, kpi, "kpi_type"), "manual");
  slot_set_ids (record_slot (kpis, kpi, "assigned_user_ids"), assigned);
  slot_set_str (record_slot (kpis, kpi, "target_type"), target_type);
  slot_set_float (record_slot (kpis, kpi, "target_value"), target);
  slot_set_str (record_slot (kpis, kpi, "priority_weight"), priority);
  slot_set_str (record_slot (kpis, kpi, "kpi_direction"), direction);
  slot_set_str (record_slot (kpis, kpi, "report_type"), "daily");
  slot_set_str (record_slot (kpis, kpi, "department"), department);
  slot_set_float (record_slot (kpis, kpi, "manual_value"), value);
  slot_set_float (record_slot (kpis, kpi, "value"), value);
  compute_kpi (kpis, kpi);

  return kpi;
}

static void
seed_submission (FakeStore  *store,
                 FakeModel  *kpis,
                 FakeModel  *submissions,
                 FakeRecord *kpi,
                 gint64      user,
                 gint64      date,
                 double      value)
{
  FakeRecord *submission = seed_record (store, submissions, 0);

  slot_set_int (record_slot (submissions, submission, "kpi_id"), kpi->id);
  slot_set_int (record_slot (submissions, submission, "user_id"), user);
  slot_set_int (record_slot (submissions, submission, "date"), date);
  slot_set_float (record_slot (submissions, submission, "value"), value);
  slot_set_str (record_slot (submissions, submission, "note"), "seed");
  compute_submission (kpis, submissions, submission);
}

/* The users and data the transcripts show (README and files 09-32). */
void
fake_store_seed_transcripts (FakeStore *store)
{
  static const struct
  {
    gint64 uid;
    const char *login;
    const char *name;
    const char *password;
    ScFakeOdooRole role;
  } users[] = {
    { SC_FAKE_ODOO_ADMIN_UID, SC_FAKE_ODOO_ADMIN_LOGIN, "Administrator", SC_FAKE_ODOO_ADMIN_PASSWORD, SC_FAKE_ODOO_ROLE_ADMIN },
    { SC_FAKE_ODOO_USER_UID, SC_FAKE_ODOO_USER_LOGIN, "KPI User", SC_FAKE_ODOO_USER_PASSWORD, SC_FAKE_ODOO_ROLE_USER },
    { SC_FAKE_ODOO_MANAGER_UID, SC_FAKE_ODOO_MANAGER_LOGIN, "KPI Manager", SC_FAKE_ODOO_MANAGER_PASSWORD, SC_FAKE_ODOO_ROLE_MANAGER },
    { SC_FAKE_ODOO_NOKPI_UID, SC_FAKE_ODOO_NOKPI_LOGIN, "No KPI", SC_FAKE_ODOO_NOKPI_PASSWORD, SC_FAKE_ODOO_ROLE_NONE },
    { SC_FAKE_ODOO_SALES_UID, SC_FAKE_ODOO_SALES_LOGIN, "Seed sales user 1", SC_FAKE_ODOO_SALES_PASSWORD, SC_FAKE_ODOO_ROLE_USER },
    { 10, "seed_sales_2", "Seed sales user 2", "seed-pw", SC_FAKE_ODOO_ROLE_USER },
    { 11, "seed_operations_1", "Seed operations user 1", "seed-pw", SC_FAKE_ODOO_ROLE_USER },
    { 12, "seed_operations_2", "Seed operations user 2", "seed-pw", SC_FAKE_ODOO_ROLE_USER },
    { 13, "seed_finance_1", "Seed finance user 1", "seed-pw", SC_FAKE_ODOO_ROLE_USER },
    { 14, "seed_finance_2", "Seed finance user 2", "seed-pw", SC_FAKE_ODOO_ROLE_USER },
  };
  FakeModel *kpis = g_hash_table_lookup (store->models, "kpi.report");
  FakeModel *submissions = g_hash_table_lookup (store->models, "kpi.report.submission");
  FakeRecord *seeded[7];
  Req req;

  for (guint i = 0; i < G_N_ELEMENTS (users); i++)
    fake_store_add_user (store, users[i].uid, users[i].login, users[i].name, users[i].password, users[i].role);
  fake_store_add_api_key (store, SC_FAKE_ODOO_ADMIN_UID, SC_FAKE_ODOO_ADMIN_API_KEY);
  fake_store_add_api_key (store, SC_FAKE_ODOO_USER_UID, SC_FAKE_ODOO_USER_API_KEY);

  seed_group (store, 1, "Seed sales report", "sales");
  seed_group (store, 2, "Seed operations report", "operations");
  seed_group (store, 3, "Seed finance report", "finance");

  /* Values and targets as transcripts 09, 12, 15 and 52 show them. */
  seeded[0] = seed_kpi (store, 1, "Seed sales KPI 1", 1, "sales", 9, 10, "number", 22.0, "3", "lower_better", 15.0);
  seeded[1] = seed_kpi (store, 2, "Seed sales KPI 2", 1, "sales", 9, 10, "percent", 75.0, "1", "higher_better", 74.11);
  seeded[2] = seed_kpi (store, 3, "Seed sales KPI 3", 1, "sales", 9, 10, "number", 2.0, "4", "lower_better", 0.92);
  seeded[3] = seed_kpi (store, 4, "Seed operations KPI 1", 2, "operations", 11, 12, "number", 25.0, "2", "higher_better", 30.56);
  seeded[4] = seed_kpi (store, 5, "Seed operations KPI 2", 2, "operations", 11, 12, "percent", 100.0, "1", "lower_better", 81.76);
  seeded[5] = seed_kpi (store, 10, "Seed finance KPI 1", 3, "finance", 13, 14, "number", 100.0, "3", "higher_better", 34.19);
  seeded[6] = seed_kpi (store, 11, "Seed finance KPI 2", 3, "finance", 13, 14, "number", 100.0, "3", "higher_better", 77.07);

  /* Three days of history per KPI and assignee. */
  for (guint i = 0; i < G_N_ELEMENTS (seeded); i++)
    {
      Slot *assigned = record_slot (kpis, seeded[i], "assigned_user_ids");

      for (guint day = 1; day <= 3; day++)
        for (guint j = 0; j < assigned->ids->len; j++)
          seed_submission (store, kpis, submissions, seeded[i], g_array_index (assigned->ids, gint64, j),
                           store->clock - day * 86400 - (j + 1) * 3600 * (i + 1) % 43200,
                           slot_float (kpis, seeded[i], "target_value") * (0.5 + 0.1 * (day + j)));
    }

  req_init (&req, store, SC_FAKE_ODOO_ADMIN_UID);
  for (gint64 group = 1; group <= 3; group++)
    compute_group (&req, group);
  req_clear (&req);

  bump (store);
  store->clock += store->clock_step;
}

/* Bulk data for benchmarks: @n_kpis KPIs in groups of ten, and
 * @n_submissions submissions spread over them, all with one write_date
 * (as a server's seeding leaves them). Deterministic. */
void
fake_store_seed (FakeStore *store,
                 guint      n_kpis,
                 guint      n_submissions)
{
  static const char * const departments[] = {
    "sales", "operations", "marketing", "finance", "hr", "store", "admin", "rnd", "it"
  };
  static const char * const types[] = { "number", "percent", "currency", "duration" };
  FakeModel *kpis = g_hash_table_lookup (store->models, "kpi.report");
  FakeModel *submissions = g_hash_table_lookup (store->models, "kpi.report.submission");
  g_autoptr(GPtrArray) created = g_ptr_array_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261129);
  g_autoptr(GArray) groups = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 group = 0;
  Req req;

  for (guint i = 0; i < n_kpis; i++)
    {
      const char *department = departments[(i / 10) % G_N_ELEMENTS (departments)];
      g_autofree char *name = NULL;
      const char *type = types[i % G_N_ELEMENTS (types)];
      double target = g_str_equal (type, "percent") ? 50 + g_rand_int_range (rand, 0, 50)
                                                   : 10 + g_rand_int_range (rand, 0, 990);

      if (i % 10 == 0)
        {
          g_autofree char *group_name = g_strdup_printf ("Bench %s report %u", department, i / 10 + 1);

          group = seed_group (store, 0, group_name, department);
          g_array_append_val (groups, group);
        }

      name = g_strdup_printf ("Bench %s KPI %u", department, i + 1);
      g_ptr_array_add (created,
                       seed_kpi (store, 0, name, group, department, SC_FAKE_ODOO_SALES_UID, 10, type, target,
                                 (i % 5 == 0) ? "5" : "3", (i % 3 == 0) ? "lower_better" : "higher_better",
                                 target * g_rand_double_range (rand, 0.4, 1.3)));
    }

  for (guint i = 0; i < n_submissions && created->len > 0; i++)
    {
      FakeRecord *kpi = g_ptr_array_index (created, i % created->len);
      double target = slot_float (kpis, kpi, "target_value");
      gint64 days_back = 1 + i / created->len / 2;

      seed_submission (store, kpis, submissions, kpi, (i / created->len) % 2 ? 10 : SC_FAKE_ODOO_SALES_UID,
                       store->clock - days_back * 86400 - g_rand_int_range (rand, 0, 36000),
                       round2 (target * g_rand_double_range (rand, 0.3, 1.4)));
    }

  req_init (&req, store, SC_FAKE_ODOO_ADMIN_UID);
  for (guint i = 0; i < groups->len; i++)
    compute_group (&req, g_array_index (groups, gint64, i));
  req_clear (&req);

  bump (store);
  store->clock += store->clock_step;
}

/* Public API: direct access */

gint64
fake_store_create (FakeStore   *store,
                   const char  *model_name,
                   JsonObject  *values,
                   GError     **error)
{
  FakeModel *model = store_lookup_model (store, model_name);
  gint64 id;
  Req req;

  if (model == NULL)
    {
      g_set_error (error, FAKE_ODOO_ERROR, FAKE_EXC_USER, "Object %s doesn't exist", model_name);
      return 0;
    }

  req_init (&req, store, SC_FAKE_ODOO_ADMIN_UID);
  req.superuser = TRUE;
  req_tick (&req);
  id = create_one (&req, model, values, error);
  req_clear (&req);

  return id;
}

gboolean
fake_store_edit (FakeStore   *store,
                 const char  *model_name,
                 gint64       id,
                 JsonObject  *values,
                 GError     **error)
{
  FakeModel *model = store_lookup_model (store, model_name);
  g_autoptr(GPtrArray) records = g_ptr_array_new ();
  FakeRecord *record;
  gboolean ok;
  Req req;

  if (model == NULL || !(record = model_lookup_record (model, id)))
    {
      g_set_error (error, FAKE_ODOO_ERROR, FAKE_EXC_MISSING,
                   "Record does not exist or has been deleted.\n(Record: %s(%" G_GINT64_FORMAT ",), User: 2)",
                   model_name, id);
      return FALSE;
    }

  g_ptr_array_add (records, record);
  req_init (&req, store, SC_FAKE_ODOO_ADMIN_UID);
  req.superuser = TRUE;
  req_tick (&req);
  ok = write_records (&req, model, records, values, error);
  req_clear (&req);

  return ok;
}

gboolean
fake_store_delete (FakeStore  *store,
                   const char *model_name,
                   gint64      id)
{
  FakeModel *model = store_lookup_model (store, model_name);
  g_autoptr(GPtrArray) records = g_ptr_array_new ();
  FakeRecord *record;
  gboolean ok;
  Req req;

  if (model == NULL || !(record = model_lookup_record (model, id)))
    return FALSE;

  g_ptr_array_add (records, record);
  req_init (&req, store, SC_FAKE_ODOO_ADMIN_UID);
  req.superuser = TRUE;
  req_tick (&req);
  ok = unlink_records (&req, model, records, NULL);
  req_clear (&req);

  return ok;
}

JsonObject *
fake_store_get (FakeStore  *store,
                const char *model_name,
                gint64      id)
{
  FakeModel *model = store_lookup_model (store, model_name);
  g_autoptr(GPtrArray) records = g_ptr_array_new ();
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  FakeRecord *record;
  JsonArray *array;
  Req req;

  if (model == NULL || !(record = model_lookup_record (model, id)))
    return NULL;

  g_ptr_array_add (records, record);
  resolve_fields (model, NULL, &fields, NULL);
  req_init (&req, store, SC_FAKE_ODOO_ADMIN_UID);
  req.superuser = TRUE;
  write_records_json (&req, json, model, records, fields);
  req_clear (&req);

  if (!json_parser_load_from_data (parser, json->str, json->len, NULL))
    return NULL;

  array = json_node_get_array (json_parser_get_root (parser));

  return json_object_ref (json_array_get_object_element (array, 0));
}

guint
fake_store_count (FakeStore  *store,
                  const char *model_name,
                  JsonArray  *domain)
{
  FakeModel *model = store_lookup_model (store, model_name);
  g_autoptr(JsonNode) node = NULL;
  gint64 count;
  Req req;

  if (model == NULL)
    return 0;

  if (domain != NULL)
    {
      node = json_node_new (JSON_NODE_ARRAY);
      json_node_set_array (node, domain);
    }

  req_init (&req, store, SC_FAKE_ODOO_ADMIN_UID);
  req.superuser = TRUE;
  count = count_records (&req, model, node, NULL);
  req_clear (&req);

  return (guint) MAX (count, 0);
}
