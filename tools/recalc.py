#!/usr/bin/python3
"""Opens workbooks in LibreOffice (headless, through UNO), recalculates every
formula (optionally after setting input cells), and prints the cells asked
for as JSON. Used by the tests of the Excel export.

One workbook, as the browser end-to-end tests call it (starts its own office
unless --connect names the pipe of one that is running):

    recalc.py book.xlsx --set Antaganden!C2=0.75 --get Budget!D5 Budget!D40
    recalc.py book.xlsx --as-opened --get Budget!D5   (no recalculation: what
                                                      a reader sees on opening)
    recalc.py book.xlsx --connect PIPE --get Budget!D5
    recalc.py book.xlsx --timeout 60 --get Budget!D5  (how long to wait for
                                                      the office, s; 240)

As a server for a whole test run (tests/support): starts ONE office with a
fresh profile, prints one line {"ready": true} (or {"error": "..."} and
exits 1), then answers one JSON request per line of stdin with one JSON line
on stdout. A request is an object {"book": path, "as_opened": bool,
"set": ["Sheet!C2=0.75", "Sheet!B12=budget"], "get": ["Budget!B5"]} or a list
of them (a value that is not a number is set as text); the answer
is {"results": [{cell: value, ...}, ...]} or {"error": "..."}. At the end of
stdin (the test binary ended, however it ended) the office is shut down and
its profile removed:

    recalc.py --serve [--timeout 240] [--remove-at-end DIR]

(--remove-at-end: a scratch directory of the caller's, removed at the end.)

A cell's value is its number, its text ("" when empty or an empty text), or
"#ERROR <code>". UNO: XCalculatable.calculateAll() recalculates every formula
of a document regardless of the stored results; XCell.getType() tells
EMPTY/VALUE/TEXT/FORMULA, and a formula's FormulaResultType2 is 2 for text.
"""
import glob
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

# A cold office on a fresh machine can take well over a minute to answer.
DEFAULT_TIMEOUT = 240


class Failure(Exception):
    """A failure to report in one sentence (and exit 1)."""


def load_uno():
    try:
        import uno  # noqa: F401  (python3-uno, LibreOffice's bridge)
        from com.sun.star.beans import PropertyValue  # noqa: F401
    except ImportError as e:
        raise Failure(f'python3-uno missing: {sys.executable} cannot import uno ({e}); '
                      'install LibreOffice with python3-uno (apt-get install libreoffice-calc python3-uno)')
    return uno


def prop(name, value):
    from com.sun.star.beans import PropertyValue
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


class Office:
    """A LibreOffice process of our own (fresh profile, own pipe) or a
    connection to one that is running."""

    def __init__(self, uno, timeout, pipe=None):
        self.uno, self.process, self.profile, self.log = uno, None, None, None
        self.command, self.desktop = None, None
        self.pipe = pipe if pipe is not None else self.start()
        try:
            self.desktop = self.connect(timeout)
        except BaseException:
            self.close()
            raise

    def start(self):
        exe = shutil.which('soffice')
        if exe is None:
            raise Failure(f"LibreOffice not found: no 'soffice' on PATH ({os.environ.get('PATH', '')})")
        self.profile = tempfile.mkdtemp(prefix='recalc-profile-')
        pipe = f'recalc-{os.getpid()}-{int(time.time() * 1000)}'
        self.command = [exe, '--headless', '--invisible', '--nologo', '--norestore', '--nodefault',
                        '--nolockcheck', f'-env:UserInstallation={self.uno.systemPathToFileUrl(self.profile)}',
                        f'--accept=pipe,name={pipe};urp;']
        self.log = tempfile.TemporaryFile()
        # Its own session: soffice is a script that starts oosplash, which
        # starts soffice.bin; the whole group is ended together.
        self.process = subprocess.Popen(self.command, stdin=subprocess.DEVNULL, stdout=self.log,
                                        stderr=subprocess.STDOUT, start_new_session=True)
        return pipe

    def connect(self, timeout):
        local = self.uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext('com.sun.star.bridge.UnoUrlResolver', local)
        deadline = time.monotonic() + timeout
        while True:
            try:
                context = resolver.resolve(f'uno:pipe,name={self.pipe};urp;StarOffice.ComponentContext')
                return context.ServiceManager.createInstanceWithContext('com.sun.star.frame.Desktop', context)
            except Exception as e:  # NoConnectException until the office listens
                last = e
            if self.process is not None and self.process.poll() is not None:
                raise Failure(f'LibreOffice exited with code {self.process.returncode} before answering: '
                              f'{" ".join(self.command)}{self.output()}')
            if time.monotonic() > deadline:
                what = ' '.join(self.command) if self.command else f'pipe {self.pipe}'
                raise Failure(f'LibreOffice did not answer within {timeout} s ({type(last).__name__}): '
                              f'{what}{self.output()}')
            time.sleep(0.2)

    def output(self):
        if self.log is None:
            return ''
        self.log.seek(0)
        text = self.log.read().decode('utf-8', 'replace').strip()
        return f'; its output: {text}' if text else ''

    def close(self):
        """Ends our own office (never one we only connected to)."""
        if self.process is None:
            return
        try:
            if self.desktop is not None:
                self.desktop.terminate()
        except Exception:
            pass  # the bridge goes away as the office quits
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            pass
        try:
            os.killpg(self.process.pid, signal.SIGKILL)  # whatever of the group is left
        except (ProcessLookupError, PermissionError):
            pass
        self.process.wait()
        shutil.rmtree(self.profile, ignore_errors=True)
        # A killed office leaves its pipe's socket behind (/tmp/OSL_PIPE_<uid>_<name>).
        for leftover in glob.glob(os.path.join(tempfile.gettempdir(), f'OSL_PIPE_*_{self.pipe}')):
            try:
                os.remove(leftover)
            except OSError:
                pass
        self.process = None

    def evaluate(self, request):
        """One workbook: open, recalculate (after the sets) unless as opened,
        read the cells, close."""
        path = os.path.abspath(request['book'])
        sets, gets = request.get('set', []), request.get('get', [])
        as_opened = request.get('as_opened', False)
        if as_opened and sets:
            raise Failure('--set needs a recalculation; it cannot be combined with --as-opened')
        if not os.path.exists(path):
            raise Failure(f'no such workbook: {path}')
        url = self.uno.systemPathToFileUrl(path)
        doc = self.desktop.loadComponentFromURL(url, '_blank', 0, (prop('Hidden', True),))
        if doc is None:
            raise Failure(f'LibreOffice could not open {path}')
        try:
            sheets = doc.getSheets()

            def cell(ref):
                sheet, address = ref.rsplit('!', 1)
                # 'Budget 1'!B5 as in a formula
                return sheet_named(sheets, sheet.strip("'"), path).getCellRangeByName(address)

            if not as_opened:
                doc.calculateAll()
                for assignment in sets:
                    ref, value = assignment.rsplit('=', 1)
                    set_cell(cell(ref), value)
                doc.calculateAll()
            return read_all(sheets, path, gets)
        finally:
            doc.close(True)


def sheet_named(sheets, name, path):
    if not sheets.hasByName(name):
        raise Failure(f'no sheet {name!r} in {path} (it has {", ".join(sheets.getElementNames())})')
    return sheets.getByName(name)


def split_ref(ref):
    """'Budget 1'!B5 -> ('Budget 1', column 1, row 4), zero-based."""
    sheet, address = ref.rsplit('!', 1)
    letters = address.rstrip('0123456789')
    digits = address[len(letters):]
    if not letters.isalpha() or not digits:
        raise Failure(f'not a cell address: {ref!r}')
    column = 0
    for letter in letters.upper():
        column = column * 26 + ord(letter) - ord('A') + 1
    return sheet.strip("'"), column - 1, int(digits) - 1


def read_all(sheets, path, gets):
    """The cells asked for, read one sheet at a time: each sheet's cells
    come in one call (getDataArray over the block that holds them) instead
    of three bridge calls per cell, which made reading most of a request's
    time. A formula whose result is an error is found by
    queryFormulaCells and read on its own, as `read` does."""
    wanted = {}
    for ref in gets:
        sheet, column, row = split_ref(ref)
        wanted.setdefault(sheet, []).append((ref, column, row))
    out = {}
    for sheet, cells in wanted.items():
        grid = sheet_named(sheets, sheet, path)
        left, top = min(c for _, c, _ in cells), min(r for _, _, r in cells)
        right, bottom = max(c for _, c, _ in cells), max(r for _, _, r in cells)
        block = grid.getCellRangeByPosition(left, top, right, bottom)
        values = block.getDataArray()
        errors = set()
        for found in block.queryFormulaCells(FORMULA_RESULT_ERROR).getRangeAddresses():
            for r in range(found.StartRow, found.EndRow + 1):
                for c in range(found.StartColumn, found.EndColumn + 1):
                    errors.add((c, r))
        for ref, column, row in cells:
            if (column, row) in errors:
                out[ref] = read(grid.getCellByPosition(column, row))
            else:
                out[ref] = values[row - top][column - left]
    return {ref: out[ref] for ref in gets}


# com.sun.star.sheet.FormulaResult.ERROR
FORMULA_RESULT_ERROR = 4


def set_cell(c, value):
    """A number where the text is one (0.75), else the text (budget)."""
    try:
        number = float(value)
    except ValueError:
        c.setString(value)
    else:
        c.setValue(number)


def read(c):
    kind = c.getType().value
    if c.getError():
        return f'#ERROR {c.getError()}'
    if kind == 'EMPTY':
        return ''
    if kind == 'TEXT' or (kind == 'FORMULA' and c.getPropertyValue('FormulaResultType2') == 2):
        return c.getString()
    return c.getValue()


def serve(timeout, remove_at_end=None):
    """One office for many requests, until stdin ends; then the office is
    shut down and `remove_at_end` (the caller's scratch directory) removed."""
    try:
        return answer_requests(timeout)
    finally:
        if remove_at_end:
            shutil.rmtree(remove_at_end, ignore_errors=True)


def answer_requests(timeout):
    try:
        office = Office(load_uno(), timeout)
    except Failure as e:
        print(json.dumps({'error': str(e)}, ensure_ascii=False), flush=True)
        return 1
    try:
        print(json.dumps({'ready': True, 'pipe': office.pipe}), flush=True)
        for line in sys.stdin:
            if not line.strip():
                continue
            try:
                request = json.loads(line)
                batch = request if isinstance(request, list) else [request]
                answer = {'results': [office.evaluate(r) for r in batch]}
            except Exception as e:  # reported to the caller, the office stays up
                answer = {'error': f'{type(e).__name__}: {e}'}
            print(json.dumps(answer, ensure_ascii=False), flush=True)
    finally:
        office.close()
    return 0


def once(argv):
    """The command line of one workbook (see the module's text)."""
    book, sets, gets, mode, pipe, timeout = None, [], [], None, None, DEFAULT_TIMEOUT
    as_opened = False
    args = iter(argv)
    for arg in args:
        if arg == '--as-opened':
            as_opened = True
        elif arg == '--connect':
            pipe = next(args)
        elif arg == '--timeout':
            timeout = float(next(args))
        elif arg in ('--set', '--get'):
            mode = arg
        elif mode == '--set':
            sets.append(arg)
        elif mode == '--get':
            gets.append(arg)
        elif book is None:
            book = arg
        else:
            raise Failure(f'unexpected argument {arg!r}')
    if book is None:
        raise Failure('usage: recalc.py book.xlsx [--as-opened] [--connect PIPE] [--timeout S] '
                      '[--set Sheet!C2=0.75 ...] --get Sheet!B5 ...')
    office = Office(load_uno(), timeout, pipe)
    try:
        out = office.evaluate({'book': book, 'as_opened': as_opened, 'set': sets, 'get': gets})
    finally:
        office.close()
    print(json.dumps(out, ensure_ascii=False))
    return 0


def main(argv):
    # A terminated driver still ends its office (the finally blocks run).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    signal.signal(signal.SIGHUP, lambda *_: sys.exit(1))
    try:
        if argv[:1] == ['--serve']:
            options = dict(zip(argv[1::2], argv[2::2]))
            unknown = set(options) - {'--timeout', '--remove-at-end'}
            if unknown or len(argv) % 2 == 0:
                raise Failure('usage: recalc.py --serve [--timeout S] [--remove-at-end DIR]')
            return serve(float(options.get('--timeout', DEFAULT_TIMEOUT)), options.get('--remove-at-end'))
        return once(argv)
    except Failure as e:
        print(f'recalc.py: {e}', file=sys.stderr)
        return 1


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
