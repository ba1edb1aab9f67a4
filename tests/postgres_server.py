"""Start a throwaway PostgreSQL server for tests (initdb + pg_ctl on a private socket)."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def _pg_bin() -> Path | None:
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).resolve().parent  # /usr/local/bin may hold only a few links
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    return Path(versions[-1]).parent if versions else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_server_user(cmd: list[str]) -> list[str]:
    """initdb refuses to run as root: run it as the `postgres` system user instead."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *cmd]
    return cmd


@contextmanager
def postgres_server() -> Iterator[str]:
    """Yield a postgresql+psycopg URL of a fresh server listening on 127.0.0.1."""
    pg_bin = _pg_bin()
    if pg_bin is None:
        raise RuntimeError("PostgreSQL is not installed (make test installs it)")
    # Not under pytest's tmp folder: as root, that is private and the server runs as
    # the `postgres` user, which must be able to reach its data folder.
    base = Path(tempfile.mkdtemp(prefix="parallax-pg-"))
    base.chmod(0o755)
    data = base / "pgdata"
    data.mkdir()
    if os.geteuid() == 0:
        shutil.chown(data, "postgres")
    try:
        yield from _serve(pg_bin, data)
    finally:
        shutil.rmtree(base, ignore_errors=True)


def _serve(pg_bin: Path, data: Path) -> Iterator[str]:
    port = _free_port()
    run = {"check": True, "capture_output": True, "timeout": 120}
    subprocess.run(
        _as_server_user([str(pg_bin / "initdb"), "-D", str(data), "-U", "parallax", "-A", "trust"]),
        **run,
    )
    # With -l the server's output goes to a file, not to our pipe (which would never close).
    log = str(data / "server.log")
    options = f"-c listen_addresses=127.0.0.1 -p {port} -k {data} -c fsync=off"
    subprocess.run(
        _as_server_user(
            [str(pg_bin / "pg_ctl"), "-D", str(data), "-o", options, "-l", log, "-w", "start"]
        ),
        **run,
    )
    try:
        subprocess.run(
            [str(pg_bin / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "parallax", "p"],
            **run,
        )
        yield f"postgresql+psycopg://parallax@127.0.0.1:{port}/p"
    finally:
        subprocess.run(
            _as_server_user([str(pg_bin / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
            capture_output=True,
            timeout=60,
        )
