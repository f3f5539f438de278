"""Kill `kg build` with SIGKILL at random points many times and check every document stays whole.

    .venv/bin/python bench/kill_soak.py [--runs 200]

Runs the crash test of the suite with more runs (the suite itself does 20).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=200)
    args = ap.parse_args()
    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "KG_KILL_RUNS": str(args.runs)}
    sys.exit(subprocess.call([sys.executable, "-m", "pytest", "-q", "tests/system/test_crash.py", "-k", "killed"],
                             cwd=root, env=env))


if __name__ == "__main__":
    main()
