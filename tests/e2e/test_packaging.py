"""The package installs as a wheel and as both kinds of editable install, resources included."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PIP = [sys.executable, "-m", "pip"]
CHECK = (
    "import importlib.resources as r, parallax;"
    "t = r.files('parallax.resources') / 'brief-template.docx';"
    "assert t.is_file(), t;"
    "m = r.files('parallax.store.migrations') / 'versions' / '0001_baseline.py';"
    "assert m.is_file(), m;"
    "print(parallax.__version__, len(t.read_bytes()) > 1000)"
)


def _venv(path: Path) -> Path:
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(path)], check=True)
    return path / "bin" / "python"


def _install(python: Path, *args: str) -> None:
    subprocess.run(
        [*PIP, "--python", str(python), "install", "--quiet", "--no-deps", *args],
        check=True,
        cwd=ROOT,
        timeout=300,
    )


def _check(python: Path) -> None:
    out = subprocess.run(
        [str(python), "-c", CHECK], capture_output=True, text=True, cwd="/", timeout=60
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["0.1.0", "True"]
    script = python.parent / "parallax"
    version = subprocess.run([str(script), "--version"], capture_output=True, text=True)
    # With --no-deps the CLI still answers --version: it imports nothing heavy first.
    assert version.stdout.strip() == "parallax 0.1.0", version.stderr


def test_every_package_on_disk_is_listed_in_pyproject() -> None:
    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    on_disk = {
        ".".join(p.parent.relative_to(ROOT / "desktop").parts)
        for p in (ROOT / "desktop" / "parallax").rglob("__init__.py")
    }
    assert on_disk | {"parallax.resources"} == listed


@pytest.mark.slow
def test_wheel_installs_into_a_fresh_venv(tmp_path: Path) -> None:
    subprocess.run(
        [*PIP, "wheel", "--quiet", "--no-deps", "-w", str(tmp_path / "dist"), str(ROOT)],
        check=True,
        timeout=300,
    )
    (wheel,) = (tmp_path / "dist").glob("parallax-*.whl")
    python = _venv(tmp_path / "venv")
    _install(python, str(wheel))
    _check(python)


@pytest.mark.slow
@pytest.mark.parametrize("mode", ["lenient", "strict"])
def test_editable_install_finds_resources(tmp_path: Path, mode: str) -> None:
    python = _venv(tmp_path / "venv")
    _install(python, "-e", str(ROOT), "--config-settings", f"editable_mode={mode}")
    _check(python)
