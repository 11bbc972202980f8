"""commands.common.write_stdout: text and UTF-8 bytes reach stdout whole and in order."""

from __future__ import annotations

import sys

import click
from click.testing import CliRunner

from claimtrack.commands.common import write_stdout


def test_text_and_bytes_arrive_in_order() -> None:
    @click.command()
    def command() -> None:
        sys.stdout.write("before ")
        write_stdout("روسيا\n".encode())
        write_stdout("after\n")

    result = CliRunner().invoke(command)
    assert result.exit_code == 0
    assert result.stdout == "before روسيا\nafter\n"
