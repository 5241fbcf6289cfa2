#!/usr/bin/env python3
# check-app-id.py: the built desktop entry, metainfo and GSettings schema
# agree on the application id, the command and the version. Prints TAP.
#
#   check-app-id.py APP_ID COMMAND VERSION DESKTOP_FILE METAINFO_FILE GSCHEMA_FILE
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import sys
import xml.etree.ElementTree as ET

results = []


def check(ok, description, diagnostic=None):
    results.append((bool(ok), description, diagnostic))


def finish():
    print('1..%d' % len(results))
    for number, (ok, description, diagnostic) in enumerate(results, 1):
        print('%s %d - %s' % ('ok' if ok else 'not ok', number, description))
        if not ok and diagnostic:
            for line in str(diagnostic).splitlines():
                print('# ' + line)
    sys.exit(0 if all(ok for ok, _, _ in results) else 1)


def read_desktop_entry(path):
    """The untranslated keys of the [Desktop Entry] group."""
    entry, group = {}, None
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith('#'):
                continue
            if line.startswith('['):
                group = line
            elif group == '[Desktop Entry]' and '=' in line:
                key, value = line.split('=', 1)
                entry.setdefault(key.strip(), value.strip())
    return entry


def version_key(version):
    return [int(p) if p.isdigit() else p for p in version.replace('~', '.').split('.')]


def main():
    if len(sys.argv) != 7:
        print('usage: %s APP_ID COMMAND VERSION DESKTOP_FILE METAINFO_FILE GSCHEMA_FILE' % sys.argv[0],
              file=sys.stderr)
        sys.exit(2)
    app_id, command, version, desktop_path, metainfo_path, gschema_path = sys.argv[1:]

    # Desktop entry
    check(os.path.basename(desktop_path) == app_id + '.desktop',
          'the desktop file is named %s.desktop' % app_id, 'found %s' % os.path.basename(desktop_path))
    entry = read_desktop_entry(desktop_path)
    check(entry.get('Icon') == app_id, 'the desktop file Icon is %s' % app_id,
          'found %r' % entry.get('Icon'))
    exec_line = entry.get('Exec', '')
    check(exec_line.split()[:1] == [command], 'the desktop file runs %s' % command,
          'found Exec=%s' % exec_line)

    # Metainfo
    try:
        component = ET.parse(metainfo_path).getroot()
    except (OSError, ET.ParseError) as e:
        check(False, 'the metainfo file is readable XML', e)
        finish()
    check(os.path.basename(metainfo_path) == app_id + '.metainfo.xml',
          'the metainfo file is named %s.metainfo.xml' % app_id,
          'found %s' % os.path.basename(metainfo_path))
    check(component.findtext('id') == app_id, 'the metainfo id is %s' % app_id,
          'found %r' % component.findtext('id'))
    launchables = [l.text for l in component.findall('launchable') if l.get('type') == 'desktop-id']
    check(launchables == [app_id + '.desktop'], 'the metainfo launches %s.desktop' % app_id,
          'found %r' % launchables)
    releases = [r.get('version') for r in component.findall('releases/release')]
    newest = max(releases, key=version_key) if releases else None
    check(newest == version, 'the newest release in the metainfo is %s, the project version' % version,
          'found %r: add a <release> for the new version' % newest)

    # GSettings schema
    try:
        schemalist = ET.parse(gschema_path).getroot()
    except (OSError, ET.ParseError) as e:
        check(False, 'the schema file is readable XML', e)
        finish()
    schemas = schemalist.findall('schema')
    ids = [s.get('id') for s in schemas]
    check(app_id in ids, 'the GSettings schema id is %s' % app_id, 'found %r' % ids)
    path = '/' + app_id.replace('.', '/') + '/'
    paths = [s.get('path') for s in schemas if s.get('id') == app_id]
    check(paths == [path], 'the GSettings schema path is %s' % path, 'found %r' % paths)

    finish()


if __name__ == '__main__':
    main()
