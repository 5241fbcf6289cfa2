#!/usr/bin/env python3
# pull-python.py
#
# Copyright 2026 The Scorecard authors
#
# SPDX-License-Identifier: GPL-3.0-or-later

"""Pull every kpi.report.submission from an Odoo into a SQLite file.

The reference client of bench-sync: what a competent Python developer
would write with the standard library only (urllib.request, json,
sqlite3). It signs in with common.authenticate, then pages through
search_read with the same domain, fields, order and page size as
ScSyncEngine (a (write_date, id) cursor, 2000 rows a page), and stores
each page with one executemany in one transaction. The database gets
the same journal settings as Scorecard's store (WAL, synchronous=NORMAL),
so that neither side pays for durability the other skips.

Usage: pull-python.py URL DATABASE LOGIN DB_FILE [PAGE_SIZE]
The password comes from the first line of standard input. Prints the
number of rows pulled on standard output.
"""

import json
import sqlite3
import sys
import urllib.request

FIELDS = ["id", "kpi_id", "user_id", "value", "date", "note", "write_date"]
ORDER = "write_date asc, id asc"
MARKER_PREFIX = " [sc:"


class RpcError(Exception):
    pass


class Client:
    def __init__(self, url, database):
        self.endpoint = url.rstrip("/") + "/jsonrpc"
        self.database = database
        self.next_id = 1
        self.uid = None
        self.password = None

    def call(self, service, method, *args):
        body = json.dumps({
            "jsonrpc": "2.0",
            "method": "call",
            "params": {"service": service, "method": method, "args": list(args)},
            "id": self.next_id,
        }).encode()
        self.next_id += 1
        request = urllib.request.Request(self.endpoint, data=body,
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=120) as response:
            answer = json.load(response)
        if "error" in answer:
            error = answer["error"]
            raise RpcError(error.get("data", {}).get("message") or error.get("message"))
        return answer["result"]

    def login(self, login, password):
        uid = self.call("common", "authenticate", self.database, login, password, {})
        if not uid:
            raise RpcError("login refused")
        self.uid = uid
        self.password = password

    def execute_kw(self, model, method, args, kwargs):
        return self.call("object", "execute_kw", self.database, self.uid, self.password,
                         model, method, args, kwargs)


def cursor_domain(write_date, last_id):
    if write_date is None:
        return []
    return ["|", ["write_date", ">", write_date],
            "&", ["write_date", "=", write_date], ["id", ">", last_id]]


def many2one(value):
    # [id, "display name"] or false
    return value[0] if value else None


def strip_marker(note):
    if not note:
        return None
    at = note.rfind(MARKER_PREFIX)
    if at >= 0 and note.endswith("]"):
        return note[:at]
    return note


def open_db(path):
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")
    db.execute("CREATE TABLE IF NOT EXISTS submissions ("
               "  odoo_id INTEGER PRIMARY KEY, kpi_id INTEGER NOT NULL, user_id INTEGER,"
               "  value REAL NOT NULL, date TEXT NOT NULL, note TEXT, write_date TEXT)")
    db.execute("CREATE TABLE IF NOT EXISTS sync_cursors ("
               "  model TEXT PRIMARY KEY, write_date TEXT, last_id INTEGER)")
    return db


def pull(client, db, page_size):
    model = "kpi.report.submission"
    row = db.execute("SELECT write_date, last_id FROM sync_cursors WHERE model = ?",
                     (model,)).fetchone()
    write_date, last_id = row if row else (None, 0)
    total = 0

    while True:
        rows = client.execute_kw(model, "search_read", [cursor_domain(write_date, last_id)], {
            "context": {"lang": "en_US", "tz": "UTC"},
            "fields": FIELDS,
            "limit": page_size,
            "offset": 0,
            "order": ORDER,
        })
        if rows:
            last = rows[-1]
            write_date, last_id = last["write_date"], last["id"]
            db.execute("BEGIN")
            db.executemany(
                "INSERT OR REPLACE INTO submissions"
                "  (odoo_id, kpi_id, user_id, value, date, note, write_date)"
                "  VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(r["id"], many2one(r["kpi_id"]), many2one(r["user_id"]), r["value"] or 0.0,
                  r["date"], strip_marker(r["note"]), r["write_date"] or None) for r in rows])
            db.execute("INSERT OR REPLACE INTO sync_cursors (model, write_date, last_id) "
                       "VALUES (?, ?, ?)", (model, write_date, last_id))
            db.execute("COMMIT")
            total += len(rows)
        if len(rows) < page_size:
            return total


def main(argv):
    if len(argv) not in (5, 6):
        print("usage: pull-python.py URL DATABASE LOGIN DB_FILE [PAGE_SIZE]", file=sys.stderr)
        return 2

    url, database, login, path = argv[1:5]
    page_size = int(argv[5]) if len(argv) == 6 else 2000
    password = sys.stdin.readline().rstrip("\r\n")

    client = Client(url, database)
    client.login(login, password)
    db = open_db(path)
    try:
        total = pull(client, db, page_size)
    finally:
        db.close()
    print(total)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
