"""Ember's sessions: build, tests per package, lint, bench, demo, sanitize.

    nox -l                     list sessions
    nox -s demo                build, install ember[vision], run the demo
    nox -t tests               every package's tests, the plugin integration, lint
    nox -s tests -k vision -p 3.12    one package on another interpreter

The core is compiled once per interpreter: every session installs the wheels in dist/,
and a wheel is rebuilt only when its package's sources changed (see ``ensure_wheels``).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

import nox

ROOT = Path(__file__).resolve().parent
DIST = ROOT / "dist"  # the wheels users install
EXAMPLE_WHEELS = ROOT / "build" / "example-wheels"  # wheels of examples/, not shipped
STAMPS = ROOT / "build" / "wheel-stamps"

PYTHONS = ["3.10", "3.11", "3.12", "3.13"]
DEFAULT_PYTHON = "3.11"

# The pyenv interpreters nox may pick. `pyenv exec` (how a shim starts nox) sets
# PYENV_VERSION to its one version, so add ours rather than only defaulting it.
PYENV_PYTHONS = ["3.11.7", "3.10.13", "3.12.1", "3.13.0"]
_pyenv = [v for v in os.environ.get("PYENV_VERSION", "").split(":") if v]
os.environ["PYENV_VERSION"] = ":".join(dict.fromkeys([*_pyenv, *PYENV_PYTHONS]))
# uv must never download an interpreter: a missing one fails at once.
os.environ.setdefault("UV_PYTHON_DOWNLOADS", "never")

nox.needs_version = ">=2024.3.2"
nox.options.default_venv_backend = "uv|virtualenv"
nox.options.pythons = [DEFAULT_PYTHON]  # `-p 3.12` (or `-p 3.10 3.13`) selects others
nox.options.error_on_missing_interpreters = True
nox.options.tags = ["tests"]  # plain `nox` runs what CI runs


@dataclass(frozen=True)
class Package:
    path: str  # relative to the repository root
    dist: str  # distribution name
    compiled: bool = False  # one wheel per interpreter when true
    shipped: bool = True  # False for examples: built, tested, never put in dist/
    needs: tuple[str, ...] = ()  # other packages of this repo it depends on

    @property
    def out_dir(self) -> Path:
        return DIST if self.shipped else EXAMPLE_WHEELS


PACKAGES = {
    "core": Package("packages/core", "ember", compiled=True),
    "vision": Package("packages/vision", "ember-vision", needs=("core",)),
    "plugin-template": Package(
        "examples/plugin-template", "ember-plugin-template", shipped=False, needs=("core",)
    ),
}
SHIPPED = [name for name, package in PACKAGES.items() if package.shipped]


# ---- wheels -------------------------------------------------------------------------


def uv_command() -> list[str]:
    found = shutil.which("uv")
    return [found] if found else [sys.executable, "-m", "uv"]


def python_tag(session: nox.Session) -> str:
    code = "import sys; print(f'cp{sys.version_info[0]}{sys.version_info[1]}')"
    return session.run("python", "-c", code, silent=True).strip()


def source_digest(package: Package) -> str:
    """Hash of the files a wheel is built from (build outputs and caches left out)."""
    skip_dirs = {"build", "dist", "__pycache__", ".pytest_cache", ".ruff_cache", ".hypothesis"}
    digest = hashlib.sha256()
    root = ROOT / package.path
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in skip_dirs and not d.endswith(".egg-info"))
        for name in sorted(files):
            if name.endswith((".pyc", ".so")):
                continue
            path = Path(folder, name)
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def wheel_glob(package: Package, tag: str) -> str:
    stem = package.dist.replace("-", "_")
    return f"{stem}-*-{tag}-{tag}-*.whl" if package.compiled else f"{stem}-*-py3-none-any.whl"


def ensure_wheels(session: nox.Session, names: list[str], force: bool = False) -> list[Path]:
    """The wheel of each named package (and of what it needs), built for this session's
    interpreter unless an up-to-date one is already there."""
    wanted: list[str] = []
    for name in names:
        for dependency in (*PACKAGES[name].needs, name):
            if dependency not in wanted:
                wanted.append(dependency)
    tag = python_tag(session)
    wheels = []
    for name in wanted:
        package = PACKAGES[name]
        pattern = wheel_glob(package, tag)
        stamp = STAMPS / f"{package.dist}-{tag if package.compiled else 'py3'}.sha256"
        digest = source_digest(package)
        existing = sorted(package.out_dir.glob(pattern))
        fresh = existing and stamp.exists() and stamp.read_text() == digest
        if force or not fresh:
            for old in existing:
                old.unlink()
            session.log(f"building {package.dist} ({'for ' + tag if package.compiled else 'pure'})")
            interpreter = ["--python", str(Path(session.virtualenv.location, "bin", "python"))]
            session.run(
                *uv_command(), "build", "--wheel", "--out-dir", str(package.out_dir),
                *(interpreter if package.compiled else []), str(ROOT / package.path),
                external=True, silent=True,
            )  # fmt: skip
            STAMPS.mkdir(parents=True, exist_ok=True)
            stamp.write_text(digest)
            existing = sorted(package.out_dir.glob(pattern))
        if len(existing) != 1:
            session.error(f"expected one wheel matching {pattern} in {package.out_dir}")
        wheels.append(existing[0])
    return wheels


def install_wheels(session: nox.Session, names: list[str], extras: str = "test") -> None:
    """Install the built wheels (direct references, so a rebuilt wheel of the same
    version is never taken from a cache) with the test extra of ``names``."""
    requirements = []
    for wheel in ensure_wheels(session, names):
        dist = wheel.name.split("-")[0].replace("_", "-")
        wanted = extras and any(PACKAGES[name].dist == dist for name in names)
        requirements.append(f"{dist}{f'[{extras}]' if wanted else ''} @ {wheel.as_uri()}")
    session.install(*requirements)


# ---- sessions -------------------------------------------------------------------------


@nox.session(python=PYTHONS)
def build(session: nox.Session) -> None:
    """Write every package's wheel into dist/ (the core's for this interpreter)."""
    for wheel in ensure_wheels(session, SHIPPED, force="--if-stale" not in session.posargs):
        session.log(f"wheel: {wheel.relative_to(ROOT)}")


@nox.session(python=PYTHONS, tags=["tests"])
@nox.parametrize("package", list(PACKAGES))
def tests(session: nox.Session, package: str) -> None:
    """One package's tests, in a venv holding only that package and its dependencies."""
    install_wheels(session, [package])
    session.chdir(ROOT / PACKAGES[package].path)
    session.run("pytest", *session.posargs)


@nox.session(python=PYTHONS, tags=["tests"])
def plugins(session: nox.Session) -> None:
    """ember-vision and the third-party template installed together: both discovered,
    registered and listed by `ember plugins`."""
    install_wheels(session, ["vision", "plugin-template"])
    session.install("pytest>=8")
    session.run("pytest", str(ROOT / "tests" / "integration"), *session.posargs)


@nox.session(python=DEFAULT_PYTHON, venv_backend="venv", tags=["tests"])
def extras(session: nox.Session) -> None:
    """`pip install --find-links dist "ember[vision]"` works in a fresh virtual env."""
    ensure_wheels(session, SHIPPED)
    session.run("python", "-m", "pip", "install", "--quiet", "--find-links", str(DIST),
                "ember[vision]")  # fmt: skip
    session.run("python", str(ROOT / "tools" / "check_extras_install.py"), "vision")


@nox.session(python=DEFAULT_PYTHON, tags=["tests", "lint"])
def lint(session: nox.Session) -> None:
    """ruff check and ruff format --check over the whole repository."""
    session.install("ruff>=0.6")
    session.run("ruff", "check", str(ROOT))
    session.run("ruff", "format", "--check", str(ROOT))


@nox.session(python=DEFAULT_PYTHON)
def demo(session: nox.Session) -> None:
    """Install ember[vision] from the built wheels and run the demo."""
    ensure_wheels(session, SHIPPED)
    session.install("--find-links", str(DIST), *_refresh(session), "ember[vision]")
    session.run("python", str(ROOT / "examples" / "demo.py"), *session.posargs)


@nox.session(python=DEFAULT_PYTHON)
def bench(session: nox.Session) -> None:
    """Benchmarks as ratios to NumPy and, when a local wheel is available, torch 2.13."""
    # Byte-compile at install: with PYTHONDONTWRITEBYTECODE set, imports would otherwise
    # recompile every module in every process and the import benchmark would time that.
    session.env["UV_COMPILE_BYTECODE"] = "1"
    install_wheels(session, ["core"], extras="")
    session.install("numpy")
    torch_wheels = [
        path
        for folder in os.environ.get("PIP_FIND_LINKS", "").split()
        for path in Path(folder).glob("torch-2.13.0*.whl")
    ]
    if torch_wheels:
        session.install(str(torch_wheels[0]))
    session.run(
        "python", str(ROOT / "packages" / "core" / "benchmarks" / "run.py"), *session.posargs
    )


@nox.session(python=DEFAULT_PYTHON)
def sanitize(session: nox.Session) -> None:
    """The core built with AddressSanitizer and UBSan, then its tests."""
    session.install("scikit-build-core>=0.10", "pybind11>=2.13", "scipy-openblas32>=0.3.28", "pip")
    session.run(
        "python", "-m", "pip", "install", "--quiet", "--no-build-isolation",
        "-C", "cmake.build-type=Debug", "-C", "cmake.define.EMBER_SANITIZE=address,undefined",
        "-C", f"build-dir={ROOT / 'build' / 'sanitize-{wheel_tag}'}",
        f"{ROOT / 'packages' / 'core'}[test]",
    )  # fmt: skip
    preload = [
        session.run("g++", f"-print-file-name={lib}", silent=True, external=True).strip()
        for lib in ("libasan.so", "libstdc++.so")  # libstdc++ too: ASan must see __cxa_throw
    ]
    env = {
        "LD_PRELOAD": " ".join(preload),
        # CPython keeps objects alive until exit by design; leaks are not errors here.
        "ASAN_OPTIONS": "detect_leaks=0:abort_on_error=1",
        "UBSAN_OPTIONS": "print_stacktrace=1:halt_on_error=1",
    }
    session.chdir(ROOT / "packages" / "core")
    session.run("python", "-m", "ember", "info", env=env)
    session.run("pytest", "-p", "no:cacheprovider", *session.posargs, env=env)


def _refresh(session: nox.Session) -> list[str]:
    """Make uv re-read our wheels: a rebuilt wheel keeps its file name and version."""
    if session.venv_backend != "uv":
        return []
    return [arg for name in SHIPPED for arg in ("--refresh-package", PACKAGES[name].dist)]
