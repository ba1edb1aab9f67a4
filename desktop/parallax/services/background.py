"""A second process for slow, read-only analysis: link suggestions, dates and names.

Why a process and not a thread: ranking passages is pure Python, and a thread doing it
holds the interpreter lock for seconds. The GUI thread then waits for the lock after
every database call and every paint, and a highlight that takes 30 ms alone takes
300 ms. A process runs on the other core and leaves the GUI thread alone.

The child opens the same project (SQLite in WAL mode, or the same PostgreSQL server) and
keeps it open, with its caches, for as long as it lives. Every job reads committed data
only, so it sees each edit the moment the GUI commits it.

A job is a picklable callable taking the child's `Project`: a module-level function,
`functools.partial` of one, or `operator.methodcaller("suggest_links", 7, 10)`.
Jobs and replies travel as pickles over the child's stdin and a private copy of its
stdout; the child's own stdout is pointed at stderr so that nothing printed by a library
can corrupt a reply.
"""

from __future__ import annotations

import logging
import os
import pickle
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Any

from parallax.domain.errors import KnownError

if TYPE_CHECKING:
    from parallax.services.project import Project

logger = logging.getLogger(__name__)

Job = Callable[["Project"], object]


class WorkerStopped(KnownError):
    """The background process ended before it answered (it crashed or was stopped)."""


@dataclass(frozen=True, slots=True)
class Reply:
    """The outcome of one job: `value` is its result, or the exception it raised."""

    token: int
    ok: bool
    value: Any


OnReply = Callable[[Reply], None]
OnExit = Callable[[], None]


class BackgroundProcess:
    """The parent's side: `send(token, job)`; replies arrive through `on_reply`, called on
    a reader thread (hand them to your own thread from there). `on_exit` is called when
    the child ends, whether stopped or crashed. The child starts on the first `send`
    and again on the next `send` after it ended."""

    def __init__(self, address: str, on_reply: OnReply, on_exit: OnExit) -> None:
        self.address = address
        self._on_reply = on_reply
        self._on_exit = on_exit
        self._child: subprocess.Popen[bytes] | None = None
        self._lock = threading.Lock()

    @property
    def running(self) -> bool:
        return self._child is not None and self._child.poll() is None

    def send(self, token: int, job: Job) -> None:
        """Queue `job` in the child (started now if it is not running)."""
        payload = pickle.dumps((token, job), protocol=pickle.HIGHEST_PROTOCOL)
        with self._lock:
            child = self._child if self.running else self._start()
            assert child.stdin is not None
            try:
                child.stdin.write(payload)
                child.stdin.flush()
            except (BrokenPipeError, OSError) as exc:
                raise WorkerStopped(f"The background process is not answering: {exc}") from exc

    def stop(self) -> None:
        """End the child at once: its work in progress is of no use to anyone any more."""
        with self._lock:
            child, self._child = self._child, None
        if child is None:
            return
        if child.poll() is None:
            child.terminate()
            try:
                child.wait(timeout=5)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()
        for stream in (child.stdin, child.stdout):
            if stream is not None:
                stream.close()

    def _start(self) -> subprocess.Popen[bytes]:
        command = [sys.executable, "-m", "parallax.services.background", self.address]
        child = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self._child = child
        reader = threading.Thread(
            target=self._read, args=(child,), name="parallax-background-reader", daemon=True
        )
        reader.start()
        return child

    def _read(self, child: subprocess.Popen[bytes]) -> None:
        assert child.stdout is not None
        try:
            while True:
                reply = pickle.load(child.stdout)
                _call_safely(self._on_reply, reply)
        except (EOFError, OSError):
            pass  # the child ended: stopped, or crashed (its error went to stderr)
        except Exception:  # a garbled reply: nothing after it can be trusted
            logger.exception("unreadable reply from the background process")
            child.kill()
        finally:
            child.wait()
            _call_safely(self._on_exit)


def _call_safely(callback: Callable[..., None], *args: object) -> None:
    """Listeners may be gone (a window closed while its job ran): nobody left to tell."""
    try:
        callback(*args)
    except RuntimeError:
        logger.debug("background reply dropped: its listener is gone", exc_info=True)


# --- the child ---------------------------------------------------------------------------


def serve(address: str, jobs: IO[bytes], replies: IO[bytes]) -> None:
    """Open the project and answer jobs until the parent closes our stdin."""
    import parallax

    project = parallax.open_project(address)
    try:
        while True:
            try:
                token, job = pickle.load(jobs)
            except EOFError:
                return
            _answer(replies, token, job, project)
    finally:
        project.close()


def _answer(replies: IO[bytes], token: int, job: Job, project: Project) -> None:
    try:
        reply = Reply(token, True, job(project))
    except Exception as exc:  # every failure goes back to the parent, which shows it
        logger.debug("background job failed", exc_info=True)
        reply = Reply(token, False, _portable(exc))
    try:
        payload = pickle.dumps(reply, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception as exc:  # a result that cannot travel is a bug in the job
        payload = pickle.dumps(Reply(token, False, RuntimeError(f"unpicklable result: {exc}")))
    replies.write(payload)
    replies.flush()


def _portable(exc: Exception) -> Exception:
    """The exception itself if it survives pickling, else its message as a RuntimeError."""
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:
        return RuntimeError(f"{type(exc).__name__}: {exc}")
    return exc


def _end_with_parent(interval: float = 1.0) -> None:
    """Quit at once if the window's process goes away: a job can run for minutes before
    we would next read our stdin and see it closed, and nobody wants its answer."""
    parent = os.getppid()

    def watch() -> None:
        while True:
            time.sleep(interval)
            if os.getppid() != parent:
                os._exit(0)

    threading.Thread(target=watch, name="parallax-parent-watch", daemon=True).start()


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m parallax.services.background PROJECT", file=sys.stderr)
        return 2
    replies = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())  # stray prints must not corrupt replies
    logging.basicConfig(level=logging.WARNING)
    _end_with_parent()
    serve(argv[0], sys.stdin.buffer, replies)
    return 0


if __name__ == "__main__":
    # Run the package's copy of this module, not `__main__`: replies must unpickle in
    # the parent as parallax.services.background.Reply.
    from parallax.services import background

    raise SystemExit(background.main(sys.argv[1:]))
