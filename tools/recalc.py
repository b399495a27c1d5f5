#!/usr/bin/python3
"""Opens a workbook in LibreOffice (headless, through UNO), recalculates every
formula, optionally sets input cells first, and prints the cells asked for as
JSON. Used by the end-to-end test of the Excel export:

    recalc.py book.xlsx --set Antaganden!C2=0.75 --get Budget!D5 Budget!D40
    recalc.py book.xlsx --as-opened --get Budget!D5   (no recalculation: what
                                                      a reader sees on opening)
"""
import json
import os
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def main(argv):
    path = os.path.abspath(argv[0])
    sets, gets, mode = [], [], None
    as_opened = '--as-opened' in argv
    argv = [a for a in argv if a != '--as-opened']
    for arg in argv[1:]:
        if arg in ('--set', '--get'):
            mode = arg
        elif mode == '--set':
            sets.append(arg)
        else:
            gets.append(arg)
    profile = tempfile.mkdtemp(prefix='lo-profile-')
    pipe = f'recalc{os.getpid()}'
    office = subprocess.Popen(
        ['soffice', '--headless', '--invisible', '--nologo', '--norestore', '--nodefault',
         f'-env:UserInstallation=file://{profile}', f'--accept=pipe,name={pipe};urp;'],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext('com.sun.star.bridge.UnoUrlResolver', local)
        for _ in range(200):
            try:
                context = resolver.resolve(f'uno:pipe,name={pipe};urp;StarOffice.ComponentContext')
                break
            except Exception:
                time.sleep(0.1)
        else:
            raise SystemExit('LibreOffice did not start')
        desktop = context.ServiceManager.createInstanceWithContext('com.sun.star.frame.Desktop', context)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(path), '_blank', 0, (prop('Hidden', True),))
        sheets = doc.getSheets()

        def cell(ref):
            sheet, address = ref.split('!')
            return sheets.getByName(sheet).getCellRangeByName(address)

        if not as_opened:
            doc.calculateAll()
            for assignment in sets:
                ref, value = assignment.split('=')
                cell(ref).setValue(float(value))
            doc.calculateAll()
        out = {}
        for ref in gets:
            c = cell(ref)
            kind = c.getType().value
            if c.getError():
                out[ref] = f'#ERROR {c.getError()}'
            elif kind == 'EMPTY':
                out[ref] = ''
            elif kind == 'TEXT' or (kind == 'FORMULA' and c.getPropertyValue('FormulaResultType2') == 2):
                out[ref] = c.getString()
            else:
                out[ref] = c.getValue()
        doc.close(True)
        print(json.dumps(out, ensure_ascii=False))
    finally:
        office.terminate()
        office.wait()


if __name__ == '__main__':
    main(sys.argv[1:])
