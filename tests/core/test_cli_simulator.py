"""`dnr-workstation sbi-simulator` hands its options to the simulator unchanged."""

from __future__ import annotations

import pytest

from workstation import cli
from workstation.biometrics import simulator


def test_options_are_forwarded_to_the_simulator(monkeypatch: pytest.MonkeyPatch) -> None:
    received: list[list[str] | None] = []

    def fake_main(argv: list[str] | None = None) -> int:
        received.append(argv)
        return 7

    monkeypatch.setattr(simulator, "main", fake_main)
    argv = ["sbi-simulator", "--port", "4555", "--missing-finger", "Left Thumb", "--busy"]
    assert cli.main(argv) == 7
    assert received == [["--port", "4555", "--missing-finger", "Left Thumb", "--busy"]]
    assert "sbi-simulator" in cli.HEADLESS_COMMANDS


def test_help_is_the_simulators_own(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        cli.main(["sbi-simulator", "--help"])
    assert stopped.value.code == 0
    out = capsys.readouterr().out
    assert "--scan-ms" in out and "--ca-out" in out


def test_other_commands_still_refuse_unknown_options(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        cli.main(["case", "show", "DNR-1", "--port", "4501"])
    assert stopped.value.code == 2
    assert "unrecognized arguments: --port 4501" in capsys.readouterr().err
