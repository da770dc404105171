"""``ember info``: what this installation is and what it runs on."""

from __future__ import annotations

import json
import os
import platform
import sys
from importlib import metadata
from typing import Any

# First-party distributions, listed whether installed or not.
EMBER_DISTRIBUTIONS = (
    "ember",
    "ember-vision",
    "ember-audio",
    "ember-text",
    "ember-distributed",
    "ember-profiler",
)


def package_versions() -> dict[str, str | None]:
    versions: dict[str, str | None] = {}
    for name in EMBER_DISTRIBUTIONS:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    return versions


def blas_summary(blas: dict[str, Any]) -> dict[str, Any]:
    """OpenBLAS's version and chosen kernel, and whether the environment forced it."""
    config = blas["config"]
    forced = os.environ.get("OPENBLAS_CORETYPE")
    return {
        "library": blas["name"],
        "version": config.split()[1] if config.startswith("OpenBLAS ") else config,
        "config": config,
        "kernel": blas["corename"],
        "kernel_forced_by_env": forced,  # OPENBLAS_CORETYPE overrides the CPU's choice
        "threads": blas["num_threads"],
        "threading": blas["threading"],
    }


def collect() -> dict[str, Any]:
    import ember
    from ember import _C

    cpu = _C._cpu_info()
    return {
        "packages": package_versions(),
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "build": _C._build_info(),
        "blas": blas_summary(_C._blas_info()),
        "threads": ember.get_num_threads(),
        "cpu": {
            "features": cpu["features"],
            "kernels": cpu["capability"],
            "best_supported": cpu["supported_capability"],
        },
    }


def format_text(info: dict[str, Any]) -> str:
    lines = ["Ember packages:"]
    for name, version in info["packages"].items():
        lines.append(f"  {name:<20} {version or 'not installed'}")
    build = info["build"]
    sanitizers = build["sanitizers"] or "none"
    lines += [
        f"Python:   {info['python']} on {info['platform']}",
        f"Core:     {build['version']} ({build['build_type']}, {build['compiler']}, "
        f"OpenMP {'on' if build['openmp'] else 'off'}, sanitizers: {sanitizers})",
    ]
    blas = info["blas"]
    kernel = blas["kernel"]
    if blas["kernel_forced_by_env"]:
        kernel += f" (forced by OPENBLAS_CORETYPE={blas['kernel_forced_by_env']})"
    lines += [
        f"BLAS:     {blas['library']} {blas['version']}, kernel {kernel}, "
        f"{blas['threads']} threads ({blas['threading']})",
        f"Threads:  {info['threads']} (ember.get_num_threads)",
    ]
    cpu = info["cpu"]
    kernels = cpu["kernels"]
    if kernels != cpu["best_supported"]:
        kernels += f" (CPU supports {cpu['best_supported']}; lowered by EMBER_CPU_CAPABILITY)"
    lines += [
        f"Kernels:  {kernels}",
        f"CPU:      {' '.join(cpu['features']) or 'no SIMD extensions detected'}",
    ]
    return "\n".join(lines)


def run(as_json: bool = False) -> int:
    info = collect()
    print(json.dumps(info, indent=2) if as_json else format_text(info))
    return 0
