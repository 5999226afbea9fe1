"""Coverage-guided fuzzing of the readers with atheris (libFuzzer for Python).

    pip install atheris                       # in the project's venv (group "fuzz")
    python fuzz/run_atheris.py all -max_total_time=600 fuzz/corpus/all fuzz/seeds/all
    python fuzz/run_atheris.py report -runs=100000 fuzz/corpus/report fuzz/seeds/report

The first argument names a target of ``fuzz/targets.py`` (``all`` picks the target
by the first input byte); the rest go to libFuzzer unchanged: ``-max_total_time``
(seconds), ``-runs``, ``-max_len`` (default here 65536), ``-timeout`` (seconds for
one input, default here 30: a hang is a finding), then corpus directories (the
first is written to). A crash leaves ``crash-<sha1>`` (or ``timeout-...``) in the
working directory; reproduce with ``python fuzz/run_atheris.py TARGET crash-...``,
then turn it into a regression test (see ``fuzz/README.md``).
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE))

try:
    import atheris
except ImportError:  # pragma: no cover - optional
    sys.exit("atheris is not installed: pip install atheris, or use fuzz/run_hypothesis.py")

with atheris.instrument_imports(include=["briefings", "targets"]):
    import targets


def main() -> None:
    if len(sys.argv) < 2 or (sys.argv[1] not in targets.TARGETS and sys.argv[1] != "all"):
        names = ", ".join(["all", *targets.TARGETS])
        sys.exit(f"usage: run_atheris.py TARGET [libFuzzer options] [corpus dirs]; TARGET: {names}")
    name = sys.argv.pop(1)
    target = targets.run if name == "all" else targets.TARGETS[name]
    args = list(sys.argv)
    if not any(a.startswith("-max_len=") for a in args):
        args.append("-max_len=65536")
    if not any(a.startswith("-timeout=") for a in args):
        args.append("-timeout=30")
    atheris.Setup(args, target)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
