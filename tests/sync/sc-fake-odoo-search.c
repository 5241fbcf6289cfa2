/* sc-fake-odoo-search.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-fake-odoo"

#include "config.h"

#include <string.h>

#include "sc-fake-odoo-store.h"

/* Domains in Odoo's prefix notation ('&', '|', '!', implicit '&'), with
 * the operators a client uses: = != <> < <= > >= in, not in, like, ilike,
 * =like, =ilike, not like, not ilike, and dotted paths through many2one
 * fields. NULL semantics follow Odoo's SQL: "!=" and "not in" match an
 * empty field, comparisons do not.
 *
 * A search filters every record, then sorts. Offset paging over one
 * domain sorts once: the sorted list is kept until anything changes. A
 * small limit keeps only the best offset + limit records in a heap, so
 * keyset paging by (write_date, id) stays linear in the table size.
 */

typedef enum
{
  OP_EQ,
  OP_NE,
  OP_LT,
  OP_LE,
  OP_GT,
  OP_GE,
  OP_IN,
  OP_NOT_IN,
  OP_LIKE,
  OP_NOT_LIKE,
  OP_ILIKE,
  OP_NOT_ILIKE,
  OP_EQ_LIKE,
  OP_EQ_ILIKE,
} Op;

static const struct
{
  const char *text;
  Op          op;
} operators[] = {
  { "=", OP_EQ }, { "!=", OP_NE }, { "<>", OP_NE }, { "<", OP_LT }, { "<=", OP_LE },
  { ">", OP_GT }, { ">=", OP_GE }, { "in", OP_IN }, { "not in", OP_NOT_IN },
  { "like", OP_LIKE }, { "not like", OP_NOT_LIKE }, { "ilike", OP_ILIKE },
  { "not ilike", OP_NOT_ILIKE }, { "=like", OP_EQ_LIKE }, { "=ilike", OP_EQ_ILIKE },
};

typedef enum
{
  OPERAND_FALSE,
  OPERAND_INT,
  OPERAND_FLOAT,
  OPERAND_STR,
} OperandKind;

typedef struct
{
  OperandKind kind;
  gint64      i;
  double      f;
  char       *s;
} Operand;

typedef enum
{
  NODE_LEAF,
  NODE_AND,
  NODE_OR,
  NODE_NOT,
  NODE_TRUE,
} NodeKind;

typedef struct _Node Node;

struct _Node
{
  NodeKind    kind;
  Node       *a;
  Node       *b;

  /* Leaves */
  FakeField **path;
  FakeModel **path_models;
  guint       path_len;
  Op          op;
  Operand    *operands;
  guint       n_operands;
  gboolean    by_name;   /* a many2one compared with a name */
};

struct _Domain
{
  Node *root;
};

typedef struct
{
  FakeField *field;
  gboolean   descending;
} OrderKey;

#define ORDER_MAX_KEYS 6

struct _Order
{
  OrderKey keys[ORDER_MAX_KEYS];
  guint    n_keys;
};

/* Auxiliary methods */

static void
node_free (Node *node)
{
  if (node == NULL)
    return;

  node_free (node->a);
  node_free (node->b);
  for (guint i = 0; i < node->n_operands; i++)
    g_free (node->operands[i].s);
  g_free (node->operands);
  g_free (node->path);
  g_free (node->path_models);
  g_free (node);
}

void
domain_free (Domain *domain)
{
  if (domain == NULL)
    return;

  node_free (domain->root);
  g_free (domain);
}

void
order_free (Order *order)
{
  g_free (order);
}

static gboolean
is_time (FieldType type)
{
  return type == FT_DATE || type == FT_DATETIME;
}

static gboolean
invalid_leaf (JsonNode  *leaf,
              GError   **error)
{
  g_autofree char *repr = fake_py_repr (leaf);

  g_set_error (error, FAKE_ODOO_ERROR, FAKE_EXC_VALUE, "Invalid leaf %s", repr);

  return FALSE;
}

static gboolean
make_operand (FakeField  *field,
              JsonNode   *node,
              JsonNode   *leaf,
              Operand    *operand,
              gboolean   *by_name,
              GError    **error)
{
  if (JSON_NODE_HOLDS_NULL (node))
    {
      operand->kind = OPERAND_FALSE;
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node))
    return invalid_leaf (leaf, error);

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_BOOLEAN:
      if (!json_node_get_boolean (node))
        operand->kind = OPERAND_FALSE;
      else
        {
          operand->kind = OPERAND_INT;
          operand->i = 1;
        }
      return TRUE;

    case G_TYPE_INT64:
      operand->kind = OPERAND_INT;
      operand->i = json_node_get_int (node);
      if (field->type == FT_FLOAT)
        {
          operand->kind = OPERAND_FLOAT;
          operand->f = (double) operand->i;
        }
      return TRUE;

    case G_TYPE_DOUBLE:
      operand->kind = OPERAND_FLOAT;
      operand->f = json_node_get_double (node);
      return TRUE;

    case G_TYPE_STRING:
      {
        const char *text = json_node_get_string (node);

        if (is_time (field->type))
          {
            if (!fake_parse_datetime (text, &operand->i))
              {
                g_autofree char *repr = fake_py_str_repr (text);

                g_set_error (error, FAKE_ODOO_ERROR, FAKE_EXC_VALUE,
                             "time data %s does not match format '%%Y-%%m-%%d %%H:%%M:%%S'", repr);
                return FALSE;
              }
            operand->kind = OPERAND_INT;
          }
        else if (field->type == FT_FLOAT || field->type == FT_INTEGER)
          {
            char *end;

            operand->kind = OPERAND_FLOAT;
            operand->f = g_ascii_strtod (text, &end);
            if (*text == '\0' || *end != '\0')
              {
                g_autofree char *repr = fake_py_str_repr (text);

                g_set_error (error, FAKE_ODOO_ERROR, FAKE_EXC_VALUE,
                             "could not convert string to float: %s", repr);
                return FALSE;
              }
          }
        else
          {
            operand->kind = OPERAND_STR;
            operand->s = g_strdup (text);
            if (field->type == FT_MANY2ONE || field->type == FT_MANY2MANY || field->type == FT_ONE2MANY)
              *by_name = TRUE;
          }
      }
      return TRUE;

    default:
      return invalid_leaf (leaf, error);
    }
}

static Node *
compile_leaf (Req        *req,
              FakeModel  *model,
              JsonNode   *leaf,
              GError    **error)
{
  g_autoptr(GPtrArray) path = g_ptr_array_new ();
  g_autoptr(GPtrArray) path_models = g_ptr_array_new ();
  g_auto(GStrv) parts = NULL;
  JsonArray *array = json_node_get_array (leaf);
  JsonNode *name_node = json_array_get_element (array, 0);
  JsonNode *op_node = json_array_get_element (array, 1);
  JsonNode *value = json_array_get_element (array, 2);
  FakeModel *current = model;
  FakeField *last;
  Node *node;
  const char *op_text;
  gboolean found = FALSE;

  if (!JSON_NODE_HOLDS_VALUE (name_node) || json_node_get_value_type (name_node) != G_TYPE_STRING ||
      !JSON_NODE_HOLDS_VALUE (op_node) || json_node_get_value_type (op_node) != G_TYPE_STRING)
    {
      /* Odoo's own constant leaves. */
      if (JSON_NODE_HOLDS_VALUE (name_node) && json_node_get_value_type (name_node) == G_TYPE_INT64 &&
          JSON_NODE_HOLDS_VALUE (op_node) && json_node_get_value_type (op_node) == G_TYPE_STRING &&
          g_str_equal (json_node_get_string (op_node), "=") &&
          JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_INT64)
        {
          node = g_new0 (Node, 1);
          node->kind = NODE_TRUE;
          if (json_node_get_int (name_node) != json_node_get_int (value))
            {
              Node *not = g_new0 (Node, 1);

              not->kind = NODE_NOT;
              not->a = node;
              node = not;
            }
          return node;
        }

      invalid_leaf (leaf, error);
      return NULL;
    }

  parts = g_strsplit (json_node_get_string (name_node), ".", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      FakeField *field = current != NULL ? model_lookup_field (current, parts[i]) : NULL;

      if (field == NULL || (!field->store && field->compute == NULL && !g_str_equal (field->name, "id")))
        {
          g_autofree char *repr = fake_py_repr (leaf);

          if (field != NULL)
            g_set_error (error, FAKE_ODOO_ERROR, FAKE_EXC_VALUE,
                         "Non-stored field %s.%s cannot be searched.", current->name, parts[i]);
          else
            g_set_error (error, FAKE_ODOO_ERROR, FAKE_EXC_VALUE, "Invalid field %s.%s in leaf %s",
                         current != NULL ? current->name : model->name, parts[i], repr);
          return NULL;
        }

      g_ptr_array_add (path, field);
      g_ptr_array_add (path_models, current);

      if (parts[i + 1] != NULL)
        {
          if (field->type != FT_MANY2ONE)
            {
              g_autofree char *repr = fake_py_repr (leaf);

              g_set_error (error, FAKE_ODOO_ERROR, FAKE_EXC_VALUE, "Invalid field %s.%s in leaf %s",
                           current->name, json_node_get_string (name_node), repr);
              return NULL;
            }
          current = store_lookup_model (req->store, field->relation);
        }
    }

  op_text = json_node_get_string (op_node);
  node = g_new0 (Node, 1);
  node->kind = NODE_LEAF;
  for (guint i = 0; i < G_N_ELEMENTS (operators); i++)
    {
      if (g_str_equal (op_text, operators[i].text))
        {
          node->op = operators[i].op;
          found = TRUE;
        }
    }

  node->path_len = path->len;
  node->path = (FakeField **) g_ptr_array_free (g_steal_pointer (&path), FALSE);
  node->path_models = (FakeModel **) g_ptr_array_free (g_steal_pointer (&path_models), FALSE);
  last = node->path[node->path_len - 1];

  if (!found)
    {
      node_free (node);
      invalid_leaf (leaf, error);
      return NULL;
    }

  if (node->op == OP_IN || node->op == OP_NOT_IN)
    {
      if (JSON_NODE_HOLDS_ARRAY (value))
        {
          JsonArray *values = json_node_get_array (value);

          node->n_operands = json_array_get_length (values);
          node->operands = g_new0 (Operand, MAX (node->n_operands, 1));
          for (guint i = 0; i < node->n_operands; i++)
            {
              if (!make_operand (last, json_array_get_element (values, i), leaf,
                                 &node->operands[i], &node->by_name, error))
                {
                  node_free (node);
                  return NULL;
                }
            }
          return node;
        }
    }

  node->n_operands = 1;
  node->operands = g_new0 (Operand, 1);
  if (!make_operand (last, value, leaf, &node->operands[0], &node->by_name, error))
    {
      node_free (node);
      return NULL;
    }

  return node;
}

/* SQL LIKE: % any run, _ any one character, on UTF-8 text. */
static gboolean
like_match (const char *text,
            const char *pattern)
{
  while (*pattern)
    {
      if (*pattern == '%')
        {
          while (*pattern == '%')
            pattern++;
          if (*pattern == '\0')
            return TRUE;
          for (const char *p = text; *p; p = g_utf8_next_char (p))
            if (like_match (p, pattern))
              return TRUE;
          return FALSE;
        }

      if (*text == '\0')
        return FALSE;

      if (*pattern == '_')
        {
          text = g_utf8_next_char (text);
          pattern++;
          continue;
        }

      if (g_utf8_get_char (text) != g_utf8_get_char (pattern))
        return FALSE;
      text = g_utf8_next_char (text);
      pattern = g_utf8_next_char (pattern);
    }

  return *text == '\0';
}

static gboolean
string_like (const char *text,
             const char *pattern,
             gboolean    insensitive,
             gboolean    anchored)
{
  g_autofree char *full = anchored ? g_strdup (pattern) : g_strconcat ("%", pattern, "%", NULL);

  if (insensitive)
    {
      g_autofree char *folded_text = g_utf8_casefold (text, -1);
      g_autofree char *folded_pattern = g_utf8_casefold (full, -1);

      return like_match (folded_text, folded_pattern);
    }

  return like_match (text, full);
}

/* -1, 0, 1, or 2 when the two cannot be compared. */
static int
compare_value_operand (const Value   *value,
                       const Operand *operand)
{
  double a, b;

  if (value->kind == SLOT_STR && operand->kind == OPERAND_STR)
    {
      int cmp = strcmp (value->s, operand->s);

      return (cmp > 0) - (cmp < 0);
    }

  if (value->kind == SLOT_INT && operand->kind == OPERAND_INT)
    return (value->i > operand->i) - (value->i < operand->i);

  if ((value->kind != SLOT_INT && value->kind != SLOT_FLOAT) ||
      (operand->kind != OPERAND_INT && operand->kind != OPERAND_FLOAT))
    return 2;

  a = value->kind == SLOT_INT ? (double) value->i : value->f;
  b = operand->kind == OPERAND_INT ? (double) operand->i : operand->f;

  return (a > b) - (a < b);
}

static gboolean
value_is_empty (FakeField   *field,
                const Value *value)
{
  if (value->kind == SLOT_EMPTY)
    return TRUE;
  if (value->kind == SLOT_IDS)
    return value->ids == NULL || value->ids->len == 0;
  if (field->type == FT_BOOLEAN)
    return value->i == 0;

  return FALSE;
}

static gboolean
scalar_equals (Req           *req,
               FakeField     *field,
               const Value   *value,
               const Operand *operand,
               gboolean       by_name)
{
  if (operand->kind == OPERAND_FALSE)
    return value_is_empty (field, value);

  if (value_is_empty (field, value) && field->type != FT_BOOLEAN)
    return FALSE;

  if (by_name && field->type == FT_MANY2ONE && operand->kind == OPERAND_STR)
    {
      FakeModel *comodel = store_lookup_model (req->store, field->relation);
      FakeRecord *target = comodel != NULL ? model_lookup_record (comodel, value->i) : NULL;

      return target != NULL && g_strcmp0 (record_display_name (req, comodel, target), operand->s) == 0;
    }

  return compare_value_operand (value, operand) == 0;
}

static gboolean
ids_contain (const Value *value,
             gint64       id)
{
  if (value->kind != SLOT_IDS || value->ids == NULL)
    return FALSE;

  for (guint i = 0; i < value->ids->len; i++)
    if (g_array_index (value->ids, gint64, i) == id)
      return TRUE;

  return FALSE;
}

static gboolean
leaf_match_value (Req         *req,
                  Node        *node,
                  FakeField   *field,
                  const Value *value)
{
  const Operand *operand = &node->operands[0];
  gboolean x2many = field->type == FT_MANY2MANY || field->type == FT_ONE2MANY;
  int cmp;

  if (x2many)
    {
      switch (node->op)
        {
        case OP_EQ:
        case OP_IN:
        case OP_NE:
        case OP_NOT_IN:
          {
            gboolean any = FALSE;

            for (guint i = 0; i < node->n_operands && !any; i++)
              {
                if (node->operands[i].kind == OPERAND_FALSE)
                  any = value_is_empty (field, value);
                else if (node->operands[i].kind == OPERAND_INT)
                  any = ids_contain (value, node->operands[i].i);
              }

            return (node->op == OP_EQ || node->op == OP_IN) ? any : !any;
          }

        default:
          return FALSE;
        }
    }

  switch (node->op)
    {
    case OP_EQ:
      return scalar_equals (req, field, value, operand, node->by_name);

    case OP_NE:
      return !scalar_equals (req, field, value, operand, node->by_name);

    case OP_IN:
    case OP_NOT_IN:
      {
        gboolean any = FALSE;

        for (guint i = 0; i < node->n_operands && !any; i++)
          any = scalar_equals (req, field, value, &node->operands[i], node->by_name);

        return node->op == OP_IN ? any : !any;
      }

    case OP_LT:
    case OP_LE:
    case OP_GT:
    case OP_GE:
      if (value_is_empty (field, value) && field->type != FT_BOOLEAN)
        return FALSE;
      cmp = compare_value_operand (value, operand);
      if (cmp == 2)
        return FALSE;
      switch (node->op)
        {
        case OP_LT: return cmp < 0;
        case OP_LE: return cmp <= 0;
        case OP_GT: return cmp > 0;
        default:    return cmp >= 0;
        }

    case OP_LIKE:
    case OP_ILIKE:
    case OP_EQ_LIKE:
    case OP_EQ_ILIKE:
    case OP_NOT_LIKE:
    case OP_NOT_ILIKE:
      {
        gboolean insensitive = node->op == OP_ILIKE || node->op == OP_EQ_ILIKE || node->op == OP_NOT_ILIKE;
        gboolean anchored = node->op == OP_EQ_LIKE || node->op == OP_EQ_ILIKE;
        gboolean negated = node->op == OP_NOT_LIKE || node->op == OP_NOT_ILIKE;
        const char *text = NULL;
        char number[G_ASCII_DTOSTR_BUF_SIZE];

        if (operand->kind == OPERAND_FALSE)
          return negated ? !value_is_empty (field, value) : value_is_empty (field, value);

        if (field->type == FT_MANY2ONE && value->kind == SLOT_INT)
          {
            FakeModel *comodel = store_lookup_model (req->store, field->relation);
            FakeRecord *target = comodel != NULL ? model_lookup_record (comodel, value->i) : NULL;

            text = target != NULL ? record_display_name (req, comodel, target) : NULL;
          }
        else if (value->kind == SLOT_STR)
          text = value->s;
        else if (value->kind == SLOT_INT)
          text = g_ascii_dtostr (number, sizeof number, (double) value->i);
        else if (value->kind == SLOT_FLOAT)
          text = g_ascii_dtostr (number, sizeof number, value->f);

        if (text == NULL)
          return negated;

        if (operand->kind == OPERAND_STR)
          return string_like (text, operand->s, insensitive, anchored) != negated;

        return negated;
      }
    }

  return FALSE;
}

static gboolean
leaf_match (Req        *req,
            Node       *node,
            FakeModel  *model,
            FakeRecord *record)
{
  FakeModel *current_model = model;
  FakeRecord *current = record;
  Value value = { SLOT_EMPTY, };

  for (guint i = 0; i < node->path_len; i++)
    {
      FakeField *field = node->path[i];

      get_value (req, current_model, current, field, &value);

      if (i + 1 < node->path_len)
        {
          FakeModel *comodel = store_lookup_model (req->store, field->relation);
          FakeRecord *target = NULL;

          if (value.kind == SLOT_INT && comodel != NULL)
            target = model_lookup_record (comodel, value.i);

          if (target == NULL)
            {
              /* An empty link: the leaf sees an empty value. */
              Value empty = { SLOT_EMPTY, };

              return leaf_match_value (req, node, node->path[node->path_len - 1], &empty);
            }

          current_model = comodel;
          current = target;
        }
    }

  return leaf_match_value (req, node, node->path[node->path_len - 1], &value);
}

static gboolean
node_match (Req        *req,
            Node       *node,
            FakeModel  *model,
            FakeRecord *record)
{
  switch (node->kind)
    {
    case NODE_TRUE:
      return TRUE;
    case NODE_AND:
      return node_match (req, node->a, model, record) && node_match (req, node->b, model, record);
    case NODE_OR:
      return node_match (req, node->a, model, record) || node_match (req, node->b, model, record);
    case NODE_NOT:
      return !node_match (req, node->a, model, record);
    case NODE_LEAF:
      return leaf_match (req, node, model, record);
    }

  return FALSE;
}

Domain *
domain_compile (Req        *req,
                FakeModel  *model,
                JsonNode   *domain_node,
                GError    **error)
{
  g_autoptr(GPtrArray) stack = g_ptr_array_new_with_free_func ((GDestroyNotify) node_free);
  Domain *domain;
  JsonArray *terms;
  Node *root;

  if (domain_node == NULL || JSON_NODE_HOLDS_NULL (domain_node) ||
      (JSON_NODE_HOLDS_VALUE (domain_node) && json_node_get_value_type (domain_node) == G_TYPE_BOOLEAN &&
       !json_node_get_boolean (domain_node)))
    {
      domain = g_new0 (Domain, 1);
      domain->root = g_new0 (Node, 1);
      domain->root->kind = NODE_TRUE;
      return domain;
    }

  if (!JSON_NODE_HOLDS_ARRAY (domain_node))
    {
      g_autofree char *repr = fake_py_repr (domain_node);

      g_set_error (error, FAKE_ODOO_ERROR, FAKE_EXC_VALUE, "Invalid domain: %s", repr);
      return NULL;
    }

  /* Read backwards, as Odoo's normalization does. */
  terms = json_node_get_array (domain_node);
  for (guint i = json_array_get_length (terms); i-- > 0;)
    {
      JsonNode *term = json_array_get_element (terms, i);
      Node *node;

      if (JSON_NODE_HOLDS_VALUE (term) && json_node_get_value_type (term) == G_TYPE_STRING &&
          (g_str_equal (json_node_get_string (term), "&") ||
           g_str_equal (json_node_get_string (term), "|") ||
           g_str_equal (json_node_get_string (term), "!")))
        {
          const char *op = json_node_get_string (term);
          guint needed = g_str_equal (op, "!") ? 1 : 2;

          if (stack->len < needed)
            {
              g_set_error (error, FAKE_ODOO_ERROR, FAKE_EXC_VALUE,
                           "Domain %s is syntactically not correct.", "[…]");
              return NULL;
            }

          node = g_new0 (Node, 1);
          node->kind = g_str_equal (op, "!") ? NODE_NOT : g_str_equal (op, "&") ? NODE_AND : NODE_OR;
          node->a = g_ptr_array_steal_index (stack, stack->len - 1);
          if (needed == 2)
            node->b = g_ptr_array_steal_index (stack, stack->len - 1);
          g_ptr_array_add (stack, node);
          continue;
        }

      if (!JSON_NODE_HOLDS_ARRAY (term) || json_array_get_length (json_node_get_array (term)) != 3)
        {
          invalid_leaf (term, error);
          return NULL;
        }

      if (!(node = compile_leaf (req, model, term, error)))
        return NULL;
      g_ptr_array_add (stack, node);
    }

  /* Whatever is left is joined by the implicit '&'. */
  root = NULL;
  while (stack->len > 0)
    {
      Node *node = g_ptr_array_steal_index (stack, stack->len - 1);

      if (root == NULL)
        root = node;
      else
        {
          Node *and = g_new0 (Node, 1);

          and->kind = NODE_AND;
          and->a = root;
          and->b = node;
          root = and;
        }
    }

  if (root == NULL)
    {
      root = g_new0 (Node, 1);
      root->kind = NODE_TRUE;
    }

  domain = g_new0 (Domain, 1);
  domain->root = root;

  return domain;
}

gboolean
domain_match (Req        *req,
              Domain     *domain,
              FakeModel  *model,
              FakeRecord *record)
{
  return node_match (req, domain->root, model, record);
}

Order *
order_compile (FakeModel   *model,
               const char  *spec,
               GError     **error)
{
  g_autoptr(Order) order = g_new0 (Order, 1);
  g_auto(GStrv) terms = g_strsplit (spec != NULL && *spec ? spec : model->order, ",", -1);
  gboolean has_id = FALSE;

  for (guint i = 0; terms[i] != NULL; i++)
    {
      g_auto(GStrv) words = g_strsplit_set (g_strstrip (terms[i]), " \t", -1);
      g_autoptr(GPtrArray) nonempty = g_ptr_array_new ();
      FakeField *field;

      for (guint j = 0; words[j] != NULL; j++)
        if (*words[j] != '\0')
          g_ptr_array_add (nonempty, words[j]);

      if (nonempty->len == 0 || nonempty->len > 2 ||
          (nonempty->len == 2 &&
           g_ascii_strcasecmp (g_ptr_array_index (nonempty, 1), "asc") != 0 &&
           g_ascii_strcasecmp (g_ptr_array_index (nonempty, 1), "desc") != 0) ||
          order->n_keys >= ORDER_MAX_KEYS - 1)
        {
          g_set_error (error, FAKE_ODOO_ERROR, FAKE_EXC_VALUE,
                       "Invalid \"order\" specified (%s). A valid \"order\" specification is a "
                       "comma-separated list of valid field names (optionally followed by asc/desc "
                       "for the direction)", spec);
          return NULL;
        }

      field = model_lookup_field (model, g_ptr_array_index (nonempty, 0));
      if (field == NULL || (!field->store && !g_str_equal (field->name, "id")))
        {
          g_set_error (error, FAKE_ODOO_ERROR, FAKE_EXC_VALUE, "Invalid field '%s' on model '%s'",
                       (const char *) g_ptr_array_index (nonempty, 0), model->name);
          return NULL;
        }

      order->keys[order->n_keys].field = field;
      order->keys[order->n_keys].descending =
        nonempty->len == 2 && g_ascii_strcasecmp (g_ptr_array_index (nonempty, 1), "desc") == 0;
      order->n_keys++;

      if (g_str_equal (field->name, "id"))
        has_id = TRUE;
    }

  /* PostgreSQL leaves ties in any order; the fake breaks them by id. */
  if (!has_id)
    {
      order->keys[order->n_keys].field = model_lookup_field (model, "id");
      order->keys[order->n_keys].descending = FALSE;
      order->n_keys++;
    }

  return g_steal_pointer (&order);
}

typedef struct
{
  FakeRecord *record;
  Value       keys[ORDER_MAX_KEYS];
} Entry;

typedef struct
{
  Order *order;
} SortContext;

static int
compare_values (const Value *a,
                const Value *b)
{
  double x, y;

  if (a->kind == SLOT_STR && b->kind == SLOT_STR)
    {
      int cmp = strcmp (a->s, b->s);

      return (cmp > 0) - (cmp < 0);
    }

  if (a->kind == SLOT_INT && b->kind == SLOT_INT)
    return (a->i > b->i) - (a->i < b->i);

  x = a->kind == SLOT_INT ? (double) a->i : a->f;
  y = b->kind == SLOT_INT ? (double) b->i : b->f;

  return (x > y) - (x < y);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  const Entry *x = a;
  const Entry *y = b;
  Order *order = ((SortContext *) user_data)->order;

  for (guint i = 0; i < order->n_keys; i++)
    {
      const Value *u = &x->keys[i];
      const Value *v = &y->keys[i];
      gboolean u_empty = u->kind == SLOT_EMPTY || u->kind == SLOT_IDS;
      gboolean v_empty = v->kind == SLOT_EMPTY || v->kind == SLOT_IDS;
      int cmp;

      /* NULLS LAST ascending, NULLS FIRST descending, as PostgreSQL. */
      if (u_empty || v_empty)
        cmp = u_empty == v_empty ? 0 : u_empty ? 1 : -1;
      else
        cmp = compare_values (u, v);

      if (cmp != 0)
        return order->keys[i].descending ? -cmp : cmp;
    }

  return 0;
}

static void
fill_entry (Req        *req,
            FakeModel  *model,
            Order      *order,
            FakeRecord *record,
            Entry      *entry)
{
  entry->record = record;
  for (guint i = 0; i < order->n_keys; i++)
    get_value (req, model, record, order->keys[i].field, &entry->keys[i]);
}

/* A max-heap of the best k entries seen so far. */
static void
heap_sift_down (Entry       *heap,
                guint        n,
                guint        i,
                SortContext *context)
{
  for (;;)
    {
      guint largest = i;
      guint l = 2 * i + 1;
      guint r = l + 1;

      if (l < n && compare_entries (&heap[l], &heap[largest], context) > 0)
        largest = l;
      if (r < n && compare_entries (&heap[r], &heap[largest], context) > 0)
        largest = r;
      if (largest == i)
        return;

      Entry tmp = heap[i];
      heap[i] = heap[largest];
      heap[largest] = tmp;
      i = largest;
    }
}

static void
heap_sift_up (Entry       *heap,
              guint        i,
              SortContext *context)
{
  while (i > 0)
    {
      guint parent = (i - 1) / 2;

      if (compare_entries (&heap[i], &heap[parent], context) <= 0)
        return;

      Entry tmp = heap[i];
      heap[i] = heap[parent];
      heap[parent] = tmp;
      i = parent;
    }
}

static char *
cache_key (Req        *req,
           FakeModel  *model,
           JsonNode   *domain,
           const char *order)
{
  g_autofree char *domain_text = domain != NULL ? json_to_string (domain, FALSE) : g_strdup ("[]");

  return g_strdup_printf ("%s\x1f%s\x1f%s\x1f%" G_GINT64_FORMAT "\x1f%d",
                          model->name, domain_text, order ? order : "", req->uid, req->superuser);
}

/* Returns the matching records, sorted, offset and limit applied. */
GPtrArray *
search_records (Req         *req,
                FakeModel   *model,
                JsonNode    *domain_node,
                const char  *order_spec,
                guint        offset,
                guint        limit,
                GError     **error)
{
  g_autoptr(Domain) domain = NULL;
  g_autoptr(Order) order = NULL;
  g_autofree char *key = NULL;
  FakeStore *store = req->store;
  SortContext context;
  GPtrArray *result;
  GHashTableIter iter;
  gpointer value;
  guint total = g_hash_table_size (model->records);
  guint k;

  if (!(domain = domain_compile (req, model, domain_node, error)))
    return NULL;
  if (!(order = order_compile (model, order_spec, error)))
    return NULL;

  context.order = order;
  key = cache_key (req, model, domain_node, order_spec);
  result = g_ptr_array_new ();

  if (store->cache.key != NULL && store->cache.generation == store->generation &&
      g_str_equal (store->cache.key, key))
    {
      for (guint i = offset; i < store->cache.records->len && (limit == 0 || i < (guint64) offset + limit); i++)
        g_ptr_array_add (result, g_ptr_array_index (store->cache.records, i));
      return result;
    }

  k = limit > 0 && (guint64) offset + limit <= G_MAXUINT ? offset + limit : 0;

  if (k > 0 && k <= total / 8)
    {
      g_autofree Entry *heap = g_new (Entry, k);
      guint n = 0;
      Entry candidate;

      g_hash_table_iter_init (&iter, model->records);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        {
          FakeRecord *record = value;

          if (!record_visible (req, model, record) || !domain_match (req, domain, model, record))
            continue;

          fill_entry (req, model, order, record, &candidate);
          if (n < k)
            {
              heap[n] = candidate;
              heap_sift_up (heap, n++, &context);
            }
          else if (compare_entries (&candidate, &heap[0], &context) < 0)
            {
              heap[0] = candidate;
              heap_sift_down (heap, n, 0, &context);
            }
        }

      g_qsort_with_data (heap, (gint) n, sizeof (Entry), compare_entries, &context);
      for (guint i = offset; i < n; i++)
        g_ptr_array_add (result, heap[i].record);

      return result;
    }
  else
    {
      g_autoptr(GArray) entries = g_array_sized_new (FALSE, FALSE, sizeof (Entry), total);
      GPtrArray *sorted;

      g_hash_table_iter_init (&iter, model->records);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        {
          FakeRecord *record = value;
          Entry entry;

          if (!record_visible (req, model, record) || !domain_match (req, domain, model, record))
            continue;

          fill_entry (req, model, order, record, &entry);
          g_array_append_val (entries, entry);
        }

      g_qsort_with_data (entries->data, (gint) entries->len, sizeof (Entry), compare_entries, &context);

      sorted = g_ptr_array_sized_new (entries->len);
      for (guint i = 0; i < entries->len; i++)
        g_ptr_array_add (sorted, g_array_index (entries, Entry, i).record);

      for (guint i = offset; i < sorted->len && (limit == 0 || i < (guint64) offset + limit); i++)
        g_ptr_array_add (result, g_ptr_array_index (sorted, i));

      /* Values borrowed from the request's arena cannot outlive it, but the
       * cache keeps records only. */
      g_clear_pointer (&store->cache.key, g_free);
      g_clear_pointer (&store->cache.records, g_ptr_array_unref);
      store->cache.key = g_steal_pointer (&key);
      store->cache.records = sorted;
      store->cache.generation = store->generation;

      return result;
    }
}

gint64
count_records (Req        *req,
               FakeModel  *model,
               JsonNode   *domain_node,
               GError    **error)
{
  g_autoptr(Domain) domain = NULL;
  GHashTableIter iter;
  gpointer value;
  gint64 count = 0;

  if (!(domain = domain_compile (req, model, domain_node, error)))
    return -1;

  g_hash_table_iter_init (&iter, model->records);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      if (record_visible (req, model, value) && domain_match (req, domain, model, value))
        count++;
    }

  return count;
}
