-- 004-sync-state.sql: where each model's pull stopped, and the conflicts
-- sync resolved.
--
-- A pull pages through a model in (write_date, id) order and commits each
-- page together with its cursor, so an interrupted pull resumes after the
-- last committed page. A conflict keeps the losing version of a record
-- (as JSON) with the rule that decided, so the user can see and re-apply it.
-- IF NOT EXISTS: a store rewound to an older user_version by hand (as the
-- store tests do) may still hold these tables.

CREATE TABLE IF NOT EXISTS sync_cursors (
  model       TEXT PRIMARY KEY,
  write_date  TEXT,
  last_id     INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS sync_conflicts (
  id              INTEGER PRIMARY KEY,
  model           TEXT NOT NULL,
  odoo_id         INTEGER,
  local_payload   TEXT,
  server_payload  TEXT,
  rule            TEXT NOT NULL,
  created_at      INTEGER NOT NULL
);
