"""Output leaves through one door: `emit` for what a command shows on stdout, `say`
for messages on stderr. Both make store text visible; a stray `click.echo` or
`print` would not, so none is allowed to creep back."""

from __future__ import annotations

import ast
from pathlib import Path

import claimtrack

PACKAGE = Path(claimtrack.__file__).parent

ALLOWED = {
    # --version, in click's convention, before any command (and before render loads).
    ("cli.py", "print_version"),
    # extract's review is a dialogue on the terminal: a new line after Ctrl-D.
    ("extract.py", "_ask"),
}


def direct_writes(path: Path) -> list[tuple[str, str, int]]:
    """(file, function, line) of each call to click.echo, click.secho, print or .write
    on sys.stdout/sys.stderr in `path`."""
    found = []
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for function in ast.walk(tree):
        if not isinstance(function, ast.FunctionDef):
            continue
        for node in ast.walk(function):
            if isinstance(node, ast.Call) and _is_direct_write(node.func):
                found.append((path.name, function.name, node.lineno))
    return found


def _is_direct_write(func: ast.expr) -> bool:
    text = ast.unparse(func)
    return text in {"click.echo", "click.secho", "print"} or (
        text.startswith(("sys.stdout.", "sys.stderr.")) and text.endswith(".write")
    )


def test_commands_write_only_through_emit_and_say() -> None:
    writes = [
        (name, function, line)
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.name != "output.py"  # the door itself
        for name, function, line in direct_writes(path)
        if (name, function) not in ALLOWED
    ]
    assert writes == []
