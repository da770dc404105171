"""Check, in the environment it runs in, that `ember[<extra>]` installed the domain
package and that Ember discovers it as a plugin. Used by `nox -s extras`."""

import json
import subprocess
import sys

EXTRA_TO_PLUGIN = {"vision": "ember-vision"}


def main(extras: list[str]) -> int:
    info = json.loads(
        subprocess.run(
            ["ember", "info", "--json"], check=True, capture_output=True, text=True
        ).stdout
    )
    plugins = json.loads(
        subprocess.run(
            ["ember", "plugins", "--json"], check=True, capture_output=True, text=True
        ).stdout
    )
    loaded = {p["distribution"]: p for p in plugins if p["status"] == "loaded"}
    failures = []
    for extra in extras:
        dist = EXTRA_TO_PLUGIN[extra]
        if info["packages"].get(dist) is None:
            failures.append(f"ember[{extra}] did not install {dist}")
        elif dist not in loaded:
            failures.append(f"{dist} is installed but not loaded as a plugin: {plugins}")
        else:
            print(f"ember[{extra}]: {dist} {info['packages'][dist]} installed and loaded")
    for failure in failures:
        print(failure, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:] or ["vision"]))
