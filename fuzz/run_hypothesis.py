"""Fuzzing without native code: the targets of ``fuzz/targets.py`` under Hypothesis.

    python fuzz/run_hypothesis.py --minutes 10            # every target, 10 minutes in all
    python fuzz/run_hypothesis.py report json_bytes --examples 200000

Inputs are drawn from arbitrary bytes, from text built of the tokens the readers
react to, and from the seed corpus (``fuzz/seeds``) mutated. Hypothesis shrinks a
failure to a minimal input and prints it; add it to the regression list in
``tests/test_totality.py``. Each target runs until its share of ``--minutes`` is
spent or ``--examples`` inputs were tried, whichever comes first. The exit status
is 1 when a target failed.
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE))

import targets  # noqa: E402
from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

TOKENS = [
    '"', "'", "“", "”", "‘", "’", "«", "»", "„", "`", " said ", " told ", " according to ",
    ", he said.", "Peskov", "Mr. ", "U.S. ", "MS. PSAKI:", "Q:", "Q ", "A:", "(Laughter.)",
    "[", "]", "(", ")", "...", "…", " -- ", "\n", "\n\n", "\r\n", "\r", "\u2028", "\x00",
    "\ud800", "\udc00", "\u200b", "\u202e", "\ufeff", "MOSCOW, January 25 (TASS). ", "END",
    "yesterday", "last week", "Dec. 15, 2021", " not ", " might ", ".", ",", ":", "?", " ",
    "{", "}", '"schema":"briefings/1"', '"document":{"text":', '"start":', '"end":', "NaN",
    "1e999", "T1\t", "Source 0 3\t", "E1\tAttribution:T1 ", "\x00\x00",
]  # fmt: skip


def seeds(target: str) -> list[bytes]:
    folder = HERE / "seeds" / target
    return [p.read_bytes() for p in sorted(folder.glob("*"))] if folder.is_dir() else []


def inputs(target: str) -> st.SearchStrategy[bytes]:
    tokens = st.lists(st.sampled_from(TOKENS) | st.text(max_size=6), max_size=80).map(
        lambda parts: "".join(parts).encode("utf-8", "surrogatepass")
    )
    options = [st.binary(max_size=2048), tokens]
    pool = seeds(target)
    if pool:

        @st.composite
        def mutated(draw: st.DrawFn) -> bytes:
            data = bytearray(draw(st.sampled_from(pool)))
            for _ in range(draw(st.integers(0, 8))):
                i = draw(st.integers(0, len(data)))
                op = draw(st.integers(0, 2))
                piece = draw(tokens)[:16] if op else b""
                if op == 0:
                    del data[i : i + draw(st.integers(1, 8))]
                elif op == 1:
                    data[i:i] = piece
                else:
                    data[i : i + len(piece)] = piece
            return bytes(data)

        options.append(mutated())
    return st.one_of(options)


def fuzz(target: str, seconds: float, examples: int) -> bool:
    fn = targets.TARGETS[target]
    deadline = time.monotonic() + seconds
    tried = 0

    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
        phases=[Phase.explicit, Phase.generate, Phase.shrink],
    )
    @given(data=inputs(target))
    def run(data: bytes) -> None:
        nonlocal tried
        if time.monotonic() > deadline:
            return
        tried += 1
        fn(data)

    t0 = time.monotonic()
    try:
        # Hypothesis stops at max_examples; run again until the time is spent.
        while time.monotonic() < deadline:
            run()
    except Exception:  # a finding: print the minimal input and the traceback
        traceback.print_exc()
        print(f"{target}: FAILED after {tried} inputs", flush=True)
        return False
    print(f"{target}: {tried} inputs in {time.monotonic() - t0:.0f} s, no failure", flush=True)
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("targets", nargs="*", help=f"some of {', '.join(targets.TARGETS)}")
    parser.add_argument("--minutes", type=float, default=10.0, help="total time (default 10)")
    parser.add_argument("--examples", type=int, default=10_000, help="inputs per Hypothesis run")
    args = parser.parse_args(argv)
    chosen = args.targets or list(targets.TARGETS)
    unknown = [t for t in chosen if t not in targets.TARGETS]
    if unknown:
        parser.error(f"unknown target(s): {', '.join(unknown)}")
    share = args.minutes * 60 / len(chosen)
    ok = [fuzz(t, share, args.examples) for t in chosen]
    return 0 if all(ok) else 1


if __name__ == "__main__":
    raise SystemExit(main())
