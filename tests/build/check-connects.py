#!/usr/bin/env python3
"""Refuses a QObject::connect without a context object: connect(sender, &S::signal, functor)
keeps calling the functor after whatever it captured is gone. Qt 6.7's
QT_NO_CONTEXTLESS_CONNECT makes that overload a compile error; Qt 6.4 does not know the
define, so this check reads the sources instead: a connect whose second argument is a
pointer to member (&Class::signal) must have a third argument that is the context (the
receiver) and a fourth that is the slot or functor. POSIX connect(fd, addr, len) is not
matched: its second argument is no pointer to member.

    check-connects.py SOURCE_DIR    check app/, core/, ui/ and tests/, print each offender
    check-connects.py --self-test   show that a contextless connect is found and the
                                    allowed forms are not
"""
import pathlib
import re
import sys
import tempfile

FOLDERS = ("app", "core", "ui", "tests")
# Comments, string and character literals, blanked out so their commas and brackets do not
# count (a digit separator such as 1'000 is not a character literal).
NOISE = re.compile(r'//[^\n]*|/\*.*?\*/|R"(\w*)\(.*?\)\1"|"(?:\\.|[^"\\\n])*"'
                   r"|(?<![\w'])'(?:\\.|[^'\\\n])+'", re.S)
CONNECT = re.compile(r"(?<![\w.>])(?:QObject\s*::\s*)?connect\s*\(")
MEMBER = re.compile(r"^\s*&\s*[\w:<>]+::\w+\s*$")


def blank(match):
    return re.sub(r"[^\n]", " ", match.group(0))


def arguments(text, start):
    """The top-level arguments of the call whose '(' ends just before start."""
    depth, current, found = 0, start, []
    for at in range(start, len(text)):
        c = text[at]
        if c in "([{":
            depth += 1
        elif c in ")]}":
            if depth == 0:
                found.append(text[current:at])
                return found
            depth -= 1
        elif c == "," and depth == 0:
            found.append(text[current:at])
            current = at + 1
    return None


def offenders(path, text):
    text = NOISE.sub(blank, text)
    for match in CONNECT.finditer(text):
        args = arguments(text, match.end())
        if args and len(args) == 3 and MEMBER.match(args[1]):
            line = text.count("\n", 0, match.start()) + 1
            call = " ".join(text[match.start():match.end()].split()) + ", ".join(
                " ".join(a.split()) for a in args)[:100] + ")"
            yield f"{path}:{line}: connect without a context object: {call}"


def check(root):
    found = []
    for folder in FOLDERS:
        for path in sorted((root / folder).rglob("*")):
            if path.suffix in (".cpp", ".h") and "node_modules" not in path.parts:
                found += offenders(path.relative_to(root), path.read_text())
    return found


def self_test():
    bad = """
        connect(&timer, &QTimer::timeout, [this] { tick(); });
        QObject::connect(socket, &QTcpSocket::readyRead,
                         [&] { read(); });  // a comment, with a comma
    """
    good = """
        connect(&timer, &QTimer::timeout, this, [this] { tick(); });
        connect(&timer, &QTimer::timeout, this, &Pump::tick, Qt::QueuedConnection);
        QObject::connect(a, &A::changed, b, &B::update);
        ::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address);
        connect(m_fd, reinterpret_cast<const sockaddr *>(&address), sizeof address);
        socket.connect("a, b", 1'000, ',');
        disconnect(&timer, &QTimer::timeout, nullptr);
    """
    with tempfile.TemporaryDirectory() as work:
        root = pathlib.Path(work)
        (root / "core").mkdir()
        (root / "core" / "bad.cpp").write_text(bad)
        (root / "core" / "good.cpp").write_text(good)
        found = check(root)
    lines = sorted(f.split(":")[1] for f in found)
    if not all(f.startswith("core/bad.cpp:") for f in found) or lines != ["2", "3"]:
        print("FAIL: expected the two connects of bad.cpp (lines 2 and 3), found:")
        print("\n".join(found) or "  nothing")
        return 1
    print("ok: both contextless connects found, the seven allowed forms not")
    return 0


if __name__ == "__main__":
    if sys.argv[1:] == ["--self-test"]:
        sys.exit(self_test())
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    found = check(pathlib.Path(sys.argv[1]))
    print("\n".join(found) if found else "ok: every connect has a context object")
    sys.exit(1 if found else 0)
