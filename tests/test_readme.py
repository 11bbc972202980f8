"""The README's outputs are what the commands print (cog), and the helpers behind them."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
HELPERS = ROOT / "docs" / "readme_cog.py"


def load_helpers() -> ModuleType:
    spec = importlib.util.spec_from_file_location("readme_cog", HELPERS)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("readme_cog", module)
    spec.loader.exec_module(module)
    return module


readme_cog = load_helpers()


def test_abridge_keeps_short_output_whole() -> None:
    assert readme_cog.abridge("a\nb\n", 2) == "a\nb"
    assert readme_cog.abridge("a\nb\n", None) == "a\nb"


def test_abridge_marks_the_cut_with_an_ellipsis() -> None:
    assert readme_cog.abridge("a\nb\nc\nd\n", 2) == "a\nb\n…"


def test_abridge_drops_trailing_spaces() -> None:
    assert readme_cog.abridge("a   \n b \n", None) == "a\n b"


def test_summary_is_the_first_paragraph_after_usage() -> None:
    help_output = (
        "Usage: claimtrack record [OPTIONS]\n"
        "                         TEXT\n"
        "\n"
        "  Record one claim;\n"
        "  prints its new id.\n"
        "\n"
        "  Examples:\n"
    )
    assert readme_cog.summary(help_output) == "Record one claim; prints its new id."


def test_session_shows_the_command_and_its_output() -> None:
    assert readme_cog.session("printf 'x\\ny\\nz\\n'", lines=1) == "$ printf 'x\\ny\\nz\\n'\nx\n…\n"


def test_a_failing_command_is_an_error_not_an_output() -> None:
    with pytest.raises(readme_cog.CommandFailed, match="exited 3"):
        readme_cog.run("exit 3")


def test_fields_names_columns_in_the_order_cut_prints_them() -> None:
    command = "claimtrack list"
    header = readme_cog.run(f"{command} --format tsv").stdout.split("\n")[0].split("\t")
    positions = sorted([header.index("id") + 1, header.index("side") + 1])
    assert readme_cog.fields(command, "side", "id") == ",".join(map(str, positions))
    assert readme_cog.fields(command, "id", "no-such-column?") == str(header.index("id") + 1)
    with pytest.raises(readme_cog.CommandFailed, match="no column"):
        readme_cog.fields(command, "no-such-column")


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_readme_matches_what_the_commands_print() -> None:
    """CI's `cog --check README.md`: run `cog -r README.md` after changing a command."""
    cog = Path(sys.executable).parent / "cog"
    result = subprocess.run(
        [str(cog), "--check", str(README)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
