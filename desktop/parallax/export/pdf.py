"""PDF through LibreOffice, when it is installed: `soffice --headless --convert-to pdf`.

LibreOffice is optional. Each conversion runs with a throw-away user profile, so it
neither collides with a LibreOffice the analyst has open nor depends on their settings.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from parallax.domain.errors import KnownError

logger = logging.getLogger(__name__)

BINARIES = ("soffice", "libreoffice")
TIMEOUT_S = 180.0
MISSING = "Install LibreOffice to export PDF."


class ConversionCancelled(KnownError):
    """The analyst cancelled the PDF conversion; nothing was written."""


def office_binary() -> str | None:
    """The LibreOffice program on PATH, or None."""
    for name in BINARIES:
        found = shutil.which(name)
        if found:
            return found
    return None


def pdf_available() -> bool:
    return office_binary() is not None


def convert_to_pdf(
    docx_path: Path,
    target: Path,
    *,
    timeout: float = TIMEOUT_S,
    cancelled: Callable[[], bool] | None = None,
) -> Path:
    """Convert `docx_path` to a PDF at `target` (replaced atomically); returns `target`.

    Raises KnownError when LibreOffice is missing, fails, takes longer than `timeout`
    seconds, or when `cancelled()` turns true (ConversionCancelled).
    """
    binary = office_binary()
    if binary is None:
        raise KnownError(f"Cannot write {target.name}: LibreOffice is not installed. {MISSING}")
    with tempfile.TemporaryDirectory(prefix="parallax-pdf-") as tmp:
        work = Path(tmp)
        source = work / "brief.docx"
        shutil.copyfile(docx_path, source)
        command = [
            binary,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--nologo",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work / "out"),
            str(source),
        ]
        _run(command, timeout, cancelled, target)
        produced = work / "out" / "brief.pdf"
        if not produced.is_file() or produced.stat().st_size == 0:
            raise KnownError(f"LibreOffice could not convert the brief to PDF ({target.name}).")
        _place(produced, target)
    return target


def _run(
    command: list[str], timeout: float, cancelled: Callable[[], bool] | None, target: Path
) -> None:
    env = dict(os.environ, HOME=os.environ.get("HOME", tempfile.gettempdir()))
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env
    )
    deadline = time.monotonic() + timeout
    try:
        while process.poll() is None:
            if cancelled is not None and cancelled():
                raise ConversionCancelled("The PDF export was cancelled; nothing was written.")
            if time.monotonic() > deadline:
                raise KnownError(
                    f"LibreOffice took longer than {timeout:.0f} s to convert {target.name}."
                )
            time.sleep(0.05)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    output = process.stdout.read().decode(errors="replace") if process.stdout else ""
    if process.returncode:
        logger.warning("soffice exited %s: %s", process.returncode, output.strip())


def _place(produced: Path, target: Path) -> None:
    """Copy beside the target and move it over, so a failure leaves no half PDF."""
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        os.close(fd)
        shutil.copyfile(produced, tmp_name)
        os.chmod(tmp_name, 0o644)
        os.replace(tmp_name, target)
    except OSError as exc:
        raise KnownError(f"{target}: cannot write the PDF here ({exc.strerror})") from exc
