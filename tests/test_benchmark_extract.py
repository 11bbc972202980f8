"""benchmarks/extract.py: the figures it prints are deterministic and complete."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "benchmarks" / "extract.py"
SEEDS = next(
    (
        folder / "shared" / "seeds"
        for folder in ROOT.parents
        if (folder / "shared" / "seeds").is_dir()
    ),
    None,
)
FIGURES = (
    "recall of quote and readout claims",
    "precision",
    "speaker right, of matched",
    "side right, of matched",
    "date right, of matched",
    "kind right, of matched",
)


@pytest.mark.slow
@pytest.mark.skipif(SEEDS is None, reason="needs the seed articles in ../shared/seeds")
def test_the_scoring_script_prints_every_figure_the_same_each_time() -> None:
    def run() -> str:
        result = subprocess.run(
            [sys.executable, str(SCRIPT), "--format", "md"],
            capture_output=True, text=True, check=True, cwd=ROOT,
        )  # fmt: skip
        assert result.stderr.count(" proposals\n") == 5  # one line per article
        return result.stdout

    first = run()
    assert first == run()
    rows = first.splitlines()
    assert rows[:2] == ["| figure | value | count | target |", "|---|---:|---:|---:|"]
    assert [row.split(" | ")[0].lstrip("| ") for row in rows[2:]] == list(FIGURES)


def test_missing_seeds_folder_is_a_clear_error(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--seeds", str(tmp_path)],
        capture_output=True, text=True, cwd=ROOT,
    )  # fmt: skip
    assert result.returncode == 2
    assert f"no articles (*.txt) in {tmp_path}; give the folder with --seeds" in result.stderr
