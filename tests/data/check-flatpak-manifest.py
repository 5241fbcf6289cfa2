#!/usr/bin/env python3
# check-flatpak-manifest.py: the Flatpak manifest builds this project, under
# the right id, with the smallest sandbox that works. Prints TAP.
#
#   check-flatpak-manifest.py MANIFEST APP_ID COMMAND PROJECT_NAME
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import sys

REQUIRED_FINISH_ARGS = [
    '--share=network',
    '--share=ipc',
    '--socket=wayland',
    '--socket=fallback-x11',
    '--device=dri',
]
# Notifications, secrets and file choosers go through portals, which need
# no permission; anything beyond the list above widens the sandbox.
BROAD_PREFIXES = [
    ('--filesystem=', 'file system access'),
    ('--socket=session-bus', 'the whole session bus'),
    ('--socket=system-bus', 'the whole system bus'),
    ('--socket=x11', 'X11 without the Wayland fallback'),
    ('--talk-name=', 'session bus names'),
    ('--system-talk-name=', 'system bus names'),
    ('--device=all', 'every device'),
]
REQUIRED_CLEANUP = ['/include', '/lib/pkgconfig', '/share/man', '*.a', '*.la']

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


def is_project_top(path, project_name):
    meson_build = os.path.join(path, 'meson.build')
    if not os.path.isfile(meson_build):
        return False
    with open(meson_build, encoding='utf-8') as f:
        head = f.read(2000)
    return ("project('%s'" % project_name) in head or ('project("%s"' % project_name) in head


def main():
    if len(sys.argv) != 5:
        print('usage: %s MANIFEST APP_ID COMMAND PROJECT_NAME' % sys.argv[0], file=sys.stderr)
        sys.exit(2)
    manifest_path, app_id, command, project_name = sys.argv[1:]

    try:
        with open(manifest_path, encoding='utf-8') as f:
            manifest = json.load(f)
    except (OSError, ValueError) as e:
        check(False, 'the manifest is readable JSON', e)
        finish()
    check(isinstance(manifest, dict), 'the manifest is a JSON object')
    if not isinstance(manifest, dict):
        finish()

    found_id = manifest.get('app-id', manifest.get('id'))
    check(found_id == app_id, 'app-id is %s' % app_id, 'found %r' % found_id)
    check(manifest.get('command') == command, 'command is %s' % command,
          'found %r' % manifest.get('command'))
    check(manifest.get('runtime') == 'org.gnome.Platform', 'runtime is org.gnome.Platform',
          'found %r' % manifest.get('runtime'))
    check(manifest.get('sdk') == 'org.gnome.Sdk', 'sdk is org.gnome.Sdk',
          'found %r' % manifest.get('sdk'))
    version = manifest.get('runtime-version')
    check(isinstance(version, str) and version != '', 'runtime-version is set',
          'found %r' % version)

    finish_args = manifest.get('finish-args', [])
    if not isinstance(finish_args, list):
        finish_args = []
    for arg in REQUIRED_FINISH_ARGS:
        check(arg in finish_args, 'finish-args has %s' % arg)
    for prefix, what in BROAD_PREFIXES:
        hits = [a for a in finish_args if a.startswith(prefix)]
        check(not hits, 'finish-args do not grant %s' % what, 'found ' + ', '.join(hits))
    extra = [a for a in finish_args if a not in REQUIRED_FINISH_ARGS]
    check(not extra, 'finish-args grant nothing beyond those five', 'found ' + ', '.join(extra))

    cleanup = manifest.get('cleanup', [])
    missing = [c for c in REQUIRED_CLEANUP if c not in cleanup]
    check(not missing, 'cleanup drops headers, pkg-config files, man pages and static libraries',
          'missing ' + ', '.join(missing))

    modules = manifest.get('modules', [])
    last = modules[-1] if isinstance(modules, list) and modules else None
    if not isinstance(last, dict):
        check(False, 'the last module is %s' % project_name,
              'the last module is %r (a module file is not allowed last)' % last)
        finish()
    check(last.get('name') == project_name, 'the last module is %s' % project_name,
          'found %r' % last.get('name'))
    check(last.get('buildsystem') == 'meson', 'the last module builds with meson',
          'found %r' % last.get('buildsystem'))
    config_opts = last.get('config-opts', [])
    check('-Dbuildtype=release' in config_opts, 'the last module builds with -Dbuildtype=release',
          'found %r' % config_opts)
    check(not any(o.startswith('-Ddevelopment=') and not o.endswith('=false') for o in config_opts),
          'the last module builds the release application id, not .Devel', 'found %r' % config_opts)

    manifest_dir = os.path.dirname(os.path.abspath(manifest_path))
    dir_sources = [s for s in last.get('sources', []) if isinstance(s, dict) and s.get('type') == 'dir']
    tops = [os.path.normpath(os.path.join(manifest_dir, s.get('path', ''))) for s in dir_sources]
    check(any(is_project_top(t, project_name) for t in tops),
          'the last module has a dir source at the top of the %s tree' % project_name,
          'dir sources resolve to: %s' % (', '.join(tops) or 'none'))

    finish()


if __name__ == '__main__':
    main()
