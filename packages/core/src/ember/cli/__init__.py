"""The ``ember`` command line (also ``python -m ember``).

ember info              versions, BLAS, threads, CPU features the kernels use
ember plugins [--json]  every plugin, its distribution, version, what it registers
ember --cmake-dir       where EmberConfig.cmake lives, for find_package(Ember)
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from ember._version import __version__


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ember", description="Ember's command line.")
    parser.add_argument("--version", action="version", version=f"ember {__version__}")
    parser.add_argument(
        "--cmake-dir",
        action="store_true",
        help="print the directory of EmberConfig.cmake (for find_package(Ember)) and exit",
    )
    parser.add_argument(
        "--include-dir", action="store_true", help="print the C++ include directory and exit"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    info = commands.add_parser("info", help="versions, BLAS, threads and CPU features")
    info.add_argument("--json", action="store_true", help="print JSON instead of text")
    plugins = commands.add_parser("plugins", help="list plugins and what they register")
    plugins.add_argument("--json", action="store_true", help="print JSON instead of a table")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.cmake_dir or args.include_dir:
        from ember import _paths

        print(_paths.cmake_dir() if args.cmake_dir else _paths.include_dir())
        return 0
    if args.command == "info":
        from ember.cli.info import run as run_info

        return run_info(as_json=args.json)
    if args.command == "plugins":
        from ember.cli.plugins import run as run_plugins

        return run_plugins(as_json=args.json)
    parser.print_help(sys.stderr)
    return 2
