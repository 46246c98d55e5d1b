"""A desk's sync round in its own process, which can stop dead at a chosen point.

    python desk_process.py DATA_DIR CENTRAL_URL CITY --batch N [--pause-at POINT --after K]

At the pause point it prints PAUSED and waits forever, so the test can SIGKILL it exactly
there. The points:

  push-before-commit  inside central's transaction of push K: rows inserted, not committed
  push-committed      push K committed at central, not yet marked sent on the desk
  pull-before-commit  pulled batch K applied in the desk's transaction, not committed
  pull-committed      pulled batch K committed with its cursor, batch K+1 not yet asked for

Without --pause-at it runs the round to the end and prints the report as JSON.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
import threading
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import event

from workstation.domain.programme import DEFAULT_RULES
from workstation.journal.envelope import Event
from workstation.store.local import LocalStore
from workstation.sync.gateway import CentralGateway
from workstation.sync.intake import CentralRow
from workstation.sync.syncer import sync_once

POINTS = ("push-before-commit", "push-committed", "pull-before-commit", "pull-committed")


def pause() -> None:
    os.write(1, b"PAUSED\n")
    threading.Event().wait()  # until SIGKILL


class PausingGateway(CentralGateway):
    def __init__(self, url: str, point: str | None, after: int) -> None:
        super().__init__(url)
        self.point, self.after = point, after
        self.pushes = self.pulls = 0
        if point == "push-before-commit":
            # Fires before the DBAPI commit; push is the only commit this gateway makes.
            event.listen(self.engine, "commit", self._before_central_commit)

    def _before_central_commit(self, _conn: object) -> None:
        if self.pushes + 1 == self.after:
            pause()

    def push(self, batch: Sequence[tuple[Event, str]]) -> int:
        fresh = super().push(batch)
        self.pushes += 1
        if self.point == "push-committed" and self.pushes == self.after:
            pause()
        return fresh

    def pull_rows(self, after_seq: int, city: str | None, limit: int) -> list[CentralRow]:
        if self.point == "pull-committed" and self.pulls == self.after:
            pause()
        self.pulls += 1
        return super().pull_rows(after_seq, city, limit)


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("central")
    parser.add_argument("city")
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--pause-at", choices=POINTS, default=None)
    parser.add_argument("--after", type=int, default=1)
    args = parser.parse_args(argv)

    store = LocalStore.open(args.data_dir)
    gateway = PausingGateway(args.central, args.pause_at, args.after)
    if args.pause_at == "pull-before-commit":

        def before_local_commit(_conn: object) -> None:
            # The desk commits once per pulled batch, after the pull that fetched it.
            if gateway.pulls == args.after:
                pause()

        event.listen(store.engine, "commit", before_local_commit)
    report = sync_once(
        store, gateway, DEFAULT_RULES, city=args.city, batch=args.batch, trust_unsigned=True
    )
    gateway.dispose()
    store.close()
    fields = dataclasses.asdict(report)
    print(json.dumps({k: v for k, v in fields.items() if isinstance(v, int)}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
