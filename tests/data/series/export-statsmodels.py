#!/usr/bin/env python3
# export-statsmodels.py
#
# Copyright 2026 The Scorecard authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Regenerates the CSV series in this folder from the datasets that Debian's
# python3-statsmodels package ships (0.13.5+dfsg-7 on Debian 12), so the
# tests need no Python. Run it from anywhere:
#
#     apt-get install python3-statsmodels
#     /usr/bin/python3 tests/data/series/export-statsmodels.py
#
# It reads the packaged CSV files directly (no pandas) and writes
# "date,value" files, ISO dates at the start of each period, an empty value
# for a missing observation. See README.md for provenance and licences.

import csv
import os
import sys

SRC = '/usr/lib/python3/dist-packages/statsmodels/datasets'
OUT = os.path.dirname(os.path.abspath(__file__))

MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun',
          'jul', 'aug', 'sep', 'oct', 'nov', 'dec']


def rows(name):
    with open(os.path.join(SRC, name, name + '.csv'), newline='') as f:
        reader = csv.reader(f)
        header = next(reader)
        return header, [r for r in reader if r]


def write(name, pairs):
    path = os.path.join(OUT, name + '.csv')
    with open(path, 'w', newline='') as f:
        f.write('date,value\n')
        for date, value in pairs:
            f.write('%s,%s\n' % (date, value))
    print('wrote %s (%d rows)' % (path, len(pairs)))


def number(text):
    text = text.strip()
    if text == '' or text.lower() == 'nan':
        return ''
    return repr(float(text)).rstrip('0').rstrip('.') if '.' in text else text


def main():
    # co2: weekly (Saturdays), YYYYMMDD, some weeks missing.
    _, data = rows('co2')
    write('co2', [('%s-%s-%s' % (r[0][:4], r[0][4:6], r[0][6:8]), number(r[1]))
                  for r in data])

    # elec_equip: monthly, "Jan-1-1995".
    _, data = rows('elec_equip')
    out = []
    for r in data:
        mon, day, year = r[0].split('-')
        out.append(('%s-%02d-01' % (year, MONTHS.index(mon.lower()) + 1), number(r[1])))
    write('elec_equip', out)

    # elnino: monthly, one row per year, one column per month.
    _, data = rows('elnino')
    out = []
    for r in data:
        year = int(float(r[0]))
        for m in range(12):
            out.append(('%04d-%02d-01' % (year, m + 1), number(r[m + 1])))
    write('elnino', out)

    # macrodata: quarterly; realgdp (billions of chained 2005 dollars, SAAR).
    header, data = rows('macrodata')
    col = header.index('realgdp')
    write('macrodata_realgdp',
          [('%04d-%02d-01' % (int(float(r[0])), (int(float(r[1])) - 1) * 3 + 1), number(r[col]))
           for r in data])

    # nile: annual flow volume.
    _, data = rows('nile')
    write('nile', [('%04d-01-01' % int(float(r[0])), number(r[1])) for r in data])

    # sunspots: annual activity.
    _, data = rows('sunspots')
    write('sunspots', [('%04d-01-01' % int(float(r[0])), number(r[1])) for r in data])


if __name__ == '__main__':
    sys.exit(main())
