/* sc-fake-odoo-store.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-fake-odoo-private.h"

G_BEGIN_DECLS

/* The fake's ORM, shared by sc-fake-odoo-store.c (records, methods and the
 * addon's rules) and sc-fake-odoo-search.c (domains, order, search). */

typedef enum
{
  FT_INTEGER,
  FT_FLOAT,
  FT_CHAR,
  FT_TEXT,
  FT_HTML,
  FT_SELECTION,
  FT_BOOLEAN,
  FT_DATE,
  FT_DATETIME,
  FT_MANY2ONE,
  FT_ONE2MANY,
  FT_MANY2MANY,
  FT_REFERENCE_ID,   /* many2one_reference: a bare id */
  FT_OTHER,          /* binary, monetary without currency…: read as false */
} FieldType;

typedef enum
{
  SLOT_EMPTY,        /* NULL in the database: false when read */
  SLOT_INT,          /* integers, booleans, ids, and times as Unix seconds */
  SLOT_FLOAT,
  SLOT_STR,
  SLOT_IDS,          /* x2many: a GArray of gint64 */
} SlotKind;

typedef struct
{
  guint8 kind;
  union
  {
    gint64  i;
    double  f;
    char   *s;
    GArray *ids;
  };
} Slot;

typedef struct
{
  gint64 id;
  guint  n_slots;
  Slot   slots[];
} FakeRecord;

/* A value as read: borrowed from a record, or from the request's arena. */
typedef struct
{
  guint8        kind;
  gint64        i;
  double        f;
  const char   *s;
  const GArray *ids;
} Value;

typedef struct _FakeModel FakeModel;
typedef struct _FakeField FakeField;
typedef struct _Req Req;

typedef void (*FakeGetter) (Req        *req,
                            FakeModel  *model,
                            FakeRecord *record,
                            FakeField  *field,
                            Value      *out);

struct _FakeField
{
  char        *name;
  FieldType    type;
  char        *label;
  char        *relation;
  gboolean     required;
  gboolean     readonly;
  gboolean     store;
  GPtrArray   *selection;   /* keys */
  JsonObject  *description; /* as fields_get gives it */
  guint        index;
  FakeGetter   compute;     /* computed at read time */
  gboolean     recomputed;  /* stored, but kept up to date by the addon's rules */
  const char  *related;     /* the comodel field a related field copies */
  const char  *related_via; /* the many2one it goes through */
  gboolean     removed;     /* an older addon without it */
};

#define PERM_READ   1
#define PERM_WRITE  2
#define PERM_CREATE 4
#define PERM_UNLINK 8

struct _FakeModel
{
  char        *name;
  const char  *description;
  const char  *rec_name;
  const char  *order;
  GPtrArray   *fields;
  GHashTable  *fields_by_name;
  GHashTable  *records;     /* &record->id → FakeRecord */
  gint64       next_id;
  guint8       perms[4];    /* by ScFakeOdooRole */
  gboolean     addon;       /* part of kpi_tracking */
  gboolean     removed;     /* an older addon without it */
};

typedef struct
{
  gint64          uid;
  char           *login;
  char           *name;
  char           *password;
  GPtrArray      *api_keys;
  ScFakeOdooRole  role;
  char           *department; /* the manager rule's department key */
} FakeUser;

typedef struct
{
  char      *key;
  guint      generation;
  GPtrArray *records;
} SortCache;

struct _FakeStore
{
  GHashTable *models;
  GHashTable *users;        /* uid → FakeUser */
  gint64      clock;
  guint       clock_step;
  gboolean    addon_installed;
  guint       generation;   /* bumped by every change: invalidates the cache */
  SortCache   cache;
  GResource  *resource;
  GPtrArray  *messages;     /* FakeMessage: chatter posted with message_post */
};

typedef struct
{
  gint64  id;
  char   *model;
  gint64  res_id;
  gint64  author_uid;
  char   *body;
} FakeMessage;

struct _Req
{
  FakeStore    *store;
  gint64        uid;
  FakeUser     *user;
  gboolean      superuser;
  gint64        now;
  GStringChunk *arena;
  GPtrArray    *temps;      /* GArrays to free with the request */
};

/* sc-fake-odoo-store.c */
FakeModel  *store_lookup_model      (FakeStore   *store,
                                     const char  *name);
FakeField  *model_lookup_field      (FakeModel   *model,
                                     const char  *name);
FakeRecord *model_lookup_record     (FakeModel   *model,
                                     gint64       id);
void        get_value               (Req         *req,
                                     FakeModel   *model,
                                     FakeRecord  *record,
                                     FakeField   *field,
                                     Value       *out);
const char *record_display_name     (Req         *req,
                                     FakeModel   *model,
                                     FakeRecord  *record);
gboolean    record_visible          (Req         *req,
                                     FakeModel   *model,
                                     FakeRecord  *record);
void        req_init                (Req         *req,
                                     FakeStore   *store,
                                     gint64       uid);
void        req_clear               (Req         *req);

/* sc-fake-odoo-search.c */
typedef struct _Domain Domain;
typedef struct _Order Order;

Domain     *domain_compile          (Req         *req,
                                     FakeModel   *model,
                                     JsonNode    *domain,
                                     GError     **error);
void        domain_free             (Domain      *domain);
gboolean    domain_match            (Req         *req,
                                     Domain      *domain,
                                     FakeModel   *model,
                                     FakeRecord  *record);
Order      *order_compile           (FakeModel   *model,
                                     const char  *spec,
                                     GError     **error);
void        order_free              (Order       *order);
GPtrArray  *search_records          (Req         *req,
                                     FakeModel   *model,
                                     JsonNode    *domain,
                                     const char  *order,
                                     guint        offset,
                                     guint        limit,
                                     GError     **error);
gint64      count_records           (Req         *req,
                                     FakeModel   *model,
                                     JsonNode    *domain,
                                     GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Domain, domain_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Order, order_free)

G_END_DECLS
