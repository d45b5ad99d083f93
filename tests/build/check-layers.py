#!/usr/bin/env python3
"""Checks core/'s includes against core/layers.txt: every include of another core folder's
header must be an edge the table allows, the table itself must have no circle, and core/
includes nothing from ui/ or app/.

    check-layers.py SOURCE_DIR      check the tree, print each include outside the table
    check-layers.py --self-test     show that a forbidden include and a circle are found
"""
import os
import re
import sys
import tempfile

INCLUDE = re.compile(r'^\s*#\s*include\s*"([^"]+)"', re.M)


def read_table(path):
    table = {}
    with open(path) as f:
        for number, line in enumerate(f, 1):
            line = line.split('#', 1)[0].strip()
            if not line:
                continue
            if ':' not in line:
                raise SystemExit(f"{path}:{number}: expected 'folder: allowed folders'")
            folder, allowed = line.split(':', 1)
            table[folder.strip()] = set(allowed.split())
    for folder, allowed in table.items():
        for other in allowed - set(table):
            raise SystemExit(f"{path}: {folder} may include '{other}', which is no folder of the table")
    return table


def circle(table):
    """A list of folders that include each other in a circle, or None."""
    state = {}

    def visit(folder, path):
        state[folder] = 'open'
        for other in sorted(table[folder]):
            if state.get(other) == 'open':
                return path + [folder, other]
            if other not in state:
                found = visit(other, path + [folder])
                if found:
                    return found
        state[folder] = 'done'
        return None

    for folder in sorted(table):
        if folder not in state:
            found = visit(folder, [])
            if found:
                return found[found.index(found[-1]):]
    return None


def violations(core, table):
    problems = []
    folders = {d for d in os.listdir(core) if os.path.isdir(os.path.join(core, d))}
    for folder in sorted(folders - set(table)):
        problems.append(f"core/{folder}/ is not in the table: add it to core/layers.txt")
    for folder in sorted(folders & set(table)):
        for directory, _, files in os.walk(os.path.join(core, folder)):
            for name in sorted(files):
                if not name.endswith(('.h', '.cpp')):
                    continue
                path = os.path.join(directory, name)
                text = open(path, encoding='utf-8').read()
                for match in INCLUDE.finditer(text):
                    included = match.group(1)
                    line = text.count('\n', 0, match.start()) + 1
                    where = f"{os.path.relpath(path, os.path.dirname(core))}:{line}"
                    target = included.split('/', 1)[0] if '/' in included else None
                    if target in ('ui', 'app') or included.startswith('../'):
                        problems.append(f'{where}: includes "{included}" from outside core/')
                    elif target is None:
                        if not os.path.exists(os.path.join(directory, included)):
                            problems.append(f'{where}: "{included}" is not in its own folder: '
                                            'write the folder ("base/x.h")')
                    elif target != folder and target in folders and target not in table[folder]:
                        problems.append(f'{where}: {folder} -> {target} ("{included}") is not '
                                        'allowed by core/layers.txt')
    return problems


def check(source):
    core = os.path.join(source, 'core')
    table = read_table(os.path.join(core, 'layers.txt'))
    problems = violations(core, table)
    found = circle(table)
    if found:
        problems.append('core/layers.txt has a circle: ' + ' -> '.join(found))
    for p in problems:
        print(p)
    print(f"{len(problems)} problem(s) in {len(table)} folders")
    return 1 if problems else 0


def self_test():
    with tempfile.TemporaryDirectory() as tmp:
        core = os.path.join(tmp, 'core')
        for folder in ('base', 'engine', 'modbus'):
            os.makedirs(os.path.join(core, folder))
        open(os.path.join(core, 'layers.txt'), 'w').write('base:\nengine: base\nmodbus: base engine\n')
        open(os.path.join(core, 'base', 'clock.h'), 'w').write('#pragma once\n')
        open(os.path.join(core, 'modbus', 'link.h'), 'w').write('#include "engine/serverlink.h"\n')
        open(os.path.join(core, 'engine', 'serverlink.h'), 'w').write('#include "base/clock.h"\n')
        assert check(tmp) == 0, 'a clean tree was refused'
        open(os.path.join(core, 'engine', 'engine.cpp'), 'w').write('#include "modbus/link.h"\n')
        assert check(tmp) == 1, 'engine -> modbus was not found'
        os.remove(os.path.join(core, 'engine', 'engine.cpp'))
        open(os.path.join(core, 'layers.txt'), 'w').write('base: modbus\nengine: base\nmodbus: base engine\n')
        assert circle(read_table(os.path.join(core, 'layers.txt'))), 'the circle was not found'
        assert check(tmp) == 1, 'a table with a circle passed'
    print('self-test passed')
    return 0


if __name__ == '__main__':
    if sys.argv[1:] == ['--self-test']:
        sys.exit(self_test())
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(check(sys.argv[1]))
