"""How a command ends: exit codes as the README promises, one sentence instead of a traceback,
and, when a run is stopped (Ctrl-C, SIGTERM), what it stored and how to go on.

0 done; 1 some inputs failed; 2 a usage, database or system error; 130 stopped by Ctrl-C
(SIGINT); 143 stopped by SIGTERM.
"""

from __future__ import annotations

import errno
import logging
import signal
from typing import Any

from rich.console import Console
from rich.markup import escape
from sqlalchemy.exc import SQLAlchemyError

from newsgraph.errors import NewsgraphError

# A long run registers what it has done so far, so a stop can say so (see `stopped_note`).
_progress: dict[str, Any] = {}


def watch_progress(kind: str, report: Any) -> None:
    """Name the report (anything with `new`, `unchanged`) a stop should summarise."""
    _progress.clear()
    _progress[kind] = report


def stopped_note() -> str:
    if not _progress:
        return "nothing is stored half-written"
    [(kind, report)] = _progress.items()
    return (
        f"{report.new} new articles stored before the {kind} stopped ({report.unchanged} unchanged); "
        "nothing is stored half-written: run the same command again to go on (what is stored is skipped)"
    )


class Stopped(BaseException):
    """Raised by the signal handlers: a BaseException, so no `except Exception` on the way up
    (a reader turning any parse failure into a failed record) can swallow a stop."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


def _on_signal(signum: int, _frame: Any) -> None:
    # What unwinds after a stop may find a database connection cut mid-call, and SQLAlchemy's
    # pool logs its failed reset with a traceback; the stop's own message says what happened.
    logging.getLogger("sqlalchemy.pool").setLevel(logging.CRITICAL)
    raise Stopped(signum)


def run_until_stopped(app: Any, err: Console) -> int:
    """Run the Typer app and turn every way it can end into an exit code and one sentence
    (usage errors and `typer.Exit` keep Typer's own handling)."""
    signal.signal(signal.SIGTERM, _on_signal)
    signal.signal(signal.SIGINT, _on_signal)
    try:
        app()
    except SystemExit as done:
        return done.code if isinstance(done.code, int) else (0 if done.code is None else 2)
    except Stopped as stop:
        return _stopped(stop, err)
    except (NewsgraphError, SQLAlchemyError, OSError) as error:
        # A stop in the middle of a database call can make the driver's cleanup fail ("cannot
        # exit pipeline mode while busy"): that failure is the stop's, not an error of its own.
        behind = _stop_behind(error)
        return _stopped(behind, err) if behind is not None else _error(error, err)
    except MemoryError:
        err.print("[red]error:[/red] out of memory", markup=True)
        return 2
    return 0


def _stopped(stop: Stopped, err: Console) -> int:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not cut the message
    err.print(f"stopped ({stop}): {stopped_note()}")
    return 128 + stop.signum


def _stop_behind(error: BaseException) -> Stopped | None:
    """The stop an error was raised while handling, if any."""
    seen: set[int] = set()
    cause: BaseException | None = error
    while cause is not None and id(cause) not in seen:
        if isinstance(cause, Stopped):
            return cause
        seen.add(id(cause))
        cause = cause.__cause__ or cause.__context__
    return None


def _error(error: BaseException, err: Console) -> int:
    """One sentence for a library, database or system error; exit 2."""
    if isinstance(error, SQLAlchemyError):
        from newsgraph.store.database import database_reason

        err.print(f"[red]database error:[/red] {escape(database_reason(error))}", markup=True)
    elif isinstance(error, OSError):
        err.print(f"[red]error:[/red] {escape(_system_reason(error))}", markup=True)
    else:
        err.print(f"[red]error:[/red] {escape(str(error))}", markup=True)
    return 2


def _system_reason(error: OSError) -> str:
    if error.errno == errno.ENOSPC:
        return "no space left on the device: free some and run the same command again"
    where = f": {error.filename}" if error.filename else ""
    return f"{error.strerror or error}{where}"
