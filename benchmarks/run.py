"""Benchmarks of briefings, each figure a ratio to a baseline measured in the same run.

Run on demand, never as a unit test::

    python benchmarks/run.py                 # everything, best of 5
    python benchmarks/run.py --quick         # smaller inputs, best of 3
    python benchmarks/run.py reading codec   # some sections only
    python benchmarks/run.py --profile       # also profile the hot paths (pyinstrument)

Sections (see ``benchmarks/README.md`` for the targets and the latest figures):

``reading``
    ``parse_report`` / ``parse_transcript`` / ``parse`` over the PolNeAR train texts
    and the briefing corpus in the shared folder, in MB/s (UTF-8) and as a ratio
    to a plain regex pass over the same texts (quote spans plus the nearest
    speech verb). Target: >= 1 MB/s and within 12x of the regex pass.
``codec``
    ``from_json(to_json(b))`` against ``json.loads(json.dumps(d))`` of the same
    data (``d = to_dict(b)``). Target: <= 3x.
``scaling``
    1x, 4x, 16x concatenated corpus text: time of 16x within 20x the time of 1x,
    and tracemalloc peak memory linear in the input (16x input <= 20x peak).
``pathological``
    the inputs of ``tests/test_pathological.py`` at 64 KB and at 1 MB (16x):
    time of the 1 MB version within 20x the time of the 64 KB one.
``streaming``
    writing and reading 100,000 briefings as JSON Lines with ``dump_lines`` /
    ``iter_lines``: tracemalloc peak flat (100,000 briefings within 2x the
    peak of 10,000).

Every figure is the best of ``--repeat`` runs. The table is printed and the
figures are written to ``benchmarks/results.json``. Inputs that are absent (the
shared corpora) are skipped with a message. ``--check`` makes the exit status 1
when a target is missed.
"""

from __future__ import annotations

import argparse
import bisect
import csv
import datetime as dt
import functools
import gc
import itertools
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "tests"))

import briefings  # noqa: E402
from briefings.codecs import dump_lines, from_json, iter_lines, to_dict, to_json  # noqa: E402
from briefings.model import Briefing  # noqa: E402
from briefings.text import parse, parse_report, parse_transcript  # noqa: E402

MB = 1_000_000

# --------------------------------------------------------------------------- inputs


def shared_dir(arg: str | None) -> Path:
    return Path(arg or os.environ.get("BRIEFINGS_SHARED") or REPO.parent / "shared")


def polnear_train(shared: Path) -> list[str]:
    folder = shared / "corpora" / "polnear" / "train" / "text"
    return [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]


def briefing_corpus(shared: Path) -> dict[str, list[str]]:
    """The briefing corpus by kind (``transcript``, ``report``) from its manifest."""
    folder = shared / "corpora" / "briefings"
    manifest = folder / "MANIFEST.tsv"
    out: dict[str, list[str]] = {"transcript": [], "report": []}
    if not manifest.is_file():
        return out
    with manifest.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            path = folder / row["file"]
            if path.is_file():
                kind = "transcript" if row["kind"].startswith("transcript") else "report"
                out[kind].append(path.read_text(encoding="utf-8"))
    return out


def size_mb(texts: Iterable[str]) -> float:
    return sum(len(t.encode("utf-8", "surrogatepass")) for t in texts) / MB


# --------------------------------------------------------------------------- the baseline

_QUOTE = re.compile(r"“[^”\n]*”|\"[^\"\n]*\"|«[^»\n]*»")
_VERB = re.compile(
    r"\b(?:said|says|say|told|tells|added|adds|stressed|noted|asked|warned|denied|"
    r"explained|announced|claimed|insisted|according to|stated|declared)\b"
)


def regex_pass(text: str) -> list[tuple[int, int, int]]:
    """Quote spans, each with the offset of the nearest speech verb (or -1)."""
    verbs = [m.start() for m in _VERB.finditer(text)]
    out = []
    for m in _QUOTE.finditer(text):
        i = bisect.bisect_left(verbs, m.start())
        near = verbs[max(0, i - 1) : i + 1]
        best = min(near, key=lambda v: abs(v - m.start()), default=-1)
        out.append((m.start(), m.end(), best))
    return out


# --------------------------------------------------------------------------- timing


#: a run shorter than this is repeated in a loop and timed as a whole
MIN_RUN = 0.02


def best_of(repeat: int, fn: Callable[[], object], *, collector: bool = False) -> float:
    """The fastest of ``repeat`` runs of ``fn``, in seconds per call (GC off while
    timing, unless ``collector``: then it runs as in a user's program).

    A call faster than :data:`MIN_RUN` is looped enough times to take that long,
    so that tiny inputs are not timed at the clock's resolution. The first call
    only warms up and sizes the loop; it is never timed, at any size, so that small
    and large inputs of a growth ratio are measured alike (warm, GC off).
    """
    t0 = time.perf_counter()
    fn()
    first = time.perf_counter() - t0
    number = 1 if first >= MIN_RUN else min(10_000, int(MIN_RUN / max(first, 1e-7)) + 1)
    times: list[float] = []
    for _ in range(repeat):
        gc.collect()
        if not collector:
            gc.disable()
        try:
            t0 = time.perf_counter()
            for _ in range(number):
                fn()
            times.append((time.perf_counter() - t0) / number)
        finally:
            gc.enable()
    return min(times)


def peak_memory(fn: Callable[[], object]) -> int:
    """The tracemalloc peak, in bytes, of one run of ``fn``."""
    gc.collect()
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def over_all(reader: Callable[[str], Briefing], texts: list[str]) -> Callable[[], object]:
    def run() -> object:
        for t in texts:
            reader(t)
        return None

    return run


# --------------------------------------------------------------------------- sections

Row = dict[str, Any]


def reading(args: argparse.Namespace, shared: Path) -> list[Row]:
    rows: list[Row] = []
    inputs: list[tuple[str, str, Callable[[str], Briefing], list[str]]] = []
    train = polnear_train(shared)
    corpus = briefing_corpus(shared)
    if train:
        if args.quick:
            train = train[:200]
        inputs.append(("parse_report", "PolNeAR train", parse_report, train))
    else:
        print(f"reading: skipped PolNeAR train (not found under {shared})", file=sys.stderr)
    if corpus["report"]:
        inputs.append(("parse_report", "briefings reports", parse_report, corpus["report"]))
    if corpus["transcript"]:
        inputs.append(
            ("parse_transcript", "briefings transcripts", parse_transcript, corpus["transcript"])
        )
    every = corpus["report"] + corpus["transcript"]
    if every:
        inputs.append(("parse (auto)", "briefings all", parse, every))
    else:
        print(f"reading: skipped the briefing corpus (not found under {shared})", file=sys.stderr)
    if train:
        # as a user's program runs it: garbage left by the reader costs collections
        inputs.append(("parse_report", "PolNeAR train, collector on", parse_report, train))
    for name, label, reader, texts in inputs:
        mb = size_mb(texts)
        collector = label.endswith("collector on")
        t_reader = best_of(args.repeat, over_all(reader, texts), collector=collector)
        t_regex = best_of(args.repeat, over_all(regex_pass, texts), collector=collector)  # type: ignore[arg-type]
        speed = mb / t_reader
        ratio = t_reader / t_regex
        rows.append(
            {
                "section": "reading",
                "name": f"{name} / {label}",
                "input": f"{len(texts)} texts, {mb:.2f} MB",
                "seconds": t_reader,
                "baseline_seconds": t_regex,
                "mb_per_s": speed,
                "ratio": ratio,
                "target": ">= 1 MB/s and <= 12x regex",
                "ok": speed >= 1.0 and ratio <= 12.0,
            }
        )
    return rows


def codec_briefings(shared: Path, quick: bool) -> list[Briefing]:
    texts = polnear_train(shared)
    corpus = briefing_corpus(shared)
    if quick:
        texts = texts[:200]
    out = [parse_report(t) for t in texts]
    out += [parse_transcript(t) for t in corpus["transcript"]]
    out += [parse_report(t) for t in corpus["report"]]
    if not out:
        print("codec: no corpus found; using a synthetic briefing", file=sys.stderr)
        text = "“Talks will resume next week,” Kremlin spokesman Dmitry Peskov told reporters. "
        out = [parse_report(text * 20) for _ in range(200)]
    return out


def codec(args: argparse.Namespace, shared: Path) -> list[Row]:
    items = codec_briefings(shared, args.quick)
    dicts = [to_dict(b) for b in items]
    n_claims = sum(len(b.claims) for b in items)
    n_spans = sum(1 for b in items for _ in briefings.model.iter_spans(b))

    def ours() -> None:
        for b in items:
            from_json(to_json(b))

    def plain() -> None:
        for d in dicts:
            json.loads(json.dumps(d, ensure_ascii=False, separators=(",", ":")))

    def write_only() -> None:
        for b in items:
            to_json(b)

    def read_only_setup() -> list[str]:
        return [to_json(b) for b in items]

    encoded = read_only_setup()

    def read_only() -> None:
        for s in encoded:
            from_json(s)

    def plain_read() -> None:
        for s in encoded:
            json.loads(s)

    def plain_write() -> None:
        for d in dicts:
            json.dumps(d, ensure_ascii=False, separators=(",", ":"))

    t_ours = best_of(args.repeat, ours)
    t_plain = best_of(args.repeat, plain)
    mb = sum(len(s.encode("utf-8", "surrogatepass")) for s in encoded) / MB
    rows = [
        {
            "section": "codec",
            "name": "from_json(to_json(b))",
            "input": f"{len(items)} briefings, {n_claims} claims, {n_spans} spans, "
            f"{mb:.2f} MB JSON",
            "seconds": t_ours,
            "baseline_seconds": t_plain,
            "mb_per_s": mb / t_ours,
            "ratio": t_ours / t_plain,
            "target": "<= 3x json.loads(json.dumps(d))",
            "ok": t_ours / t_plain <= 3.0,
        }
    ]
    for name, fn, base in (
        ("to_json(b)", write_only, plain_write),
        ("from_json(s)", read_only, plain_read),
    ):
        t, tb = best_of(args.repeat, fn), best_of(args.repeat, base)
        rows.append(
            {
                "section": "codec",
                "name": name,
                "input": "same",
                "seconds": t,
                "baseline_seconds": tb,
                "mb_per_s": mb / t,
                "ratio": t / tb,
                "target": "(detail)",
                "ok": None,
            }
        )
    return rows


def scaling_base(shared: Path, size: int) -> str:
    texts = polnear_train(shared)
    corpus = briefing_corpus(shared)
    pool = texts + corpus["report"] + corpus["transcript"]
    if not pool:
        print("scaling: no corpus found; using a synthetic text", file=sys.stderr)
        pool = ["“Talks will resume next week,” Kremlin spokesman Dmitry Peskov told reporters.\n"]
    out: list[str] = []
    n = 0
    for t in itertools.cycle(pool):
        out.append(t)
        n += len(t)
        if n >= size:
            break
    return "\n\n".join(out)[:size]


def _growth_rows(
    *,
    section: str,
    name: str,
    base: str,
    readers: dict[str, Callable[[str], Briefing]],
    factors: tuple[int, ...],
    repeat: int,
    memory: bool,
) -> list[Row]:
    rows: list[Row] = []
    for rname, reader in readers.items():
        times: dict[int, float] = {}
        peaks: dict[int, int] = {}
        for k in factors:
            job = functools.partial(reader, base * k)
            times[k] = best_of(repeat, job)
            if memory:
                peaks[k] = peak_memory(job)
        top = factors[-1]
        t_ratio = times[top] / times[1]
        row: Row = {
            "section": section,
            "name": f"{rname} / {name}",
            "input": f"{len(base) / 1000:.0f} K chars x {', '.join(map(str, factors))}",
            "seconds": times[top],
            "baseline_seconds": times[1],
            "mb_per_s": len((base * top).encode("utf-8", "surrogatepass")) / MB / times[top],
            "ratio": t_ratio,
            "times": {str(k): v for k, v in times.items()},
            "target": f"{top}x input <= 20x time" + (", peak memory linear" if memory else ""),
            "ok": t_ratio <= 20.0,
        }
        if memory:
            m_ratio = peaks[top] / max(1, peaks[1])
            row["peak_bytes"] = {str(k): v for k, v in peaks.items()}
            row["memory_ratio"] = m_ratio
            row["peak_bytes_per_char"] = peaks[top] / len(base * top)
            row["ok"] = row["ok"] and m_ratio <= 20.0
        rows.append(row)
    return rows


READERS: dict[str, Callable[[str], Briefing]] = {
    "parse_report": parse_report,
    "parse_transcript": parse_transcript,
}


def scaling(args: argparse.Namespace, shared: Path) -> list[Row]:
    base = scaling_base(shared, 16_000 if args.quick else 64_000)
    return _growth_rows(
        section="scaling",
        name="corpus text",
        base=base,
        readers=READERS,
        factors=(1, 4, 16),
        repeat=args.repeat,
        memory=True,
    )


def pathological(args: argparse.Namespace, shared: Path) -> list[Row]:
    del shared
    try:
        from test_pathological import cases
    except ImportError as exc:  # pragma: no cover - run from a checkout without tests
        print(f"pathological: skipped ({exc})", file=sys.stderr)
        return []
    size = 16_000 if args.quick else 64_000
    rows: list[Row] = []
    repeat = min(args.repeat, 2)
    for name, text in cases(size).items():
        rows += _growth_rows(
            section="pathological",
            name=name,
            base=text,
            readers=READERS,
            factors=(1, 16),
            repeat=repeat,
            memory=False,
        )
    return rows


def streaming(args: argparse.Namespace, shared: Path) -> list[Row]:
    del shared
    n_big = 10_000 if args.quick else 100_000
    n_small = n_big // 10
    text = (
        "MOSCOW, January 25. “We are not going to attack anyone,” Kremlin spokesman "
        "Dmitry Peskov told reporters, adding that talks would resume next week. "
    )
    pool = [parse_report(text + str(i)) for i in range(100)]

    def write_and_read(n: int, path: Path) -> int:
        with path.open("w", encoding="utf-8") as f:
            written = dump_lines(itertools.islice(itertools.cycle(pool), n), f)
        count = 0
        with path.open(encoding="utf-8") as f:
            for _ in iter_lines(f):
                count += 1
        assert written == count == n, (written, count, n)
        return count

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "corpus.jsonl"
        t0 = time.perf_counter()
        write_and_read(n_big, path)
        seconds = time.perf_counter() - t0
        file_mb = path.stat().st_size / MB
        peak_small = peak_memory(lambda: write_and_read(n_small, path))
        peak_big = peak_memory(lambda: write_and_read(n_big, path))
    ratio = peak_big / max(1, peak_small)
    return [
        {
            "section": "streaming",
            "name": "dump_lines + iter_lines",
            "input": f"{n_big} briefings, {file_mb:.1f} MB JSONL",
            "seconds": seconds,
            "baseline_seconds": None,
            "mb_per_s": 2 * file_mb / seconds,
            "briefings_per_s": 2 * n_big / seconds,
            "ratio": ratio,
            "peak_bytes": {str(n_small): peak_small, str(n_big): peak_big},
            "target": f"flat memory: peak at {n_big} <= 2x peak at {n_small}",
            "ok": ratio <= 2.0,
        }
    ]


SECTIONS: dict[str, Callable[[argparse.Namespace, Path], list[Row]]] = {
    "reading": reading,
    "codec": codec,
    "scaling": scaling,
    "pathological": pathological,
    "streaming": streaming,
}

# --------------------------------------------------------------------------- profiling


def profile(args: argparse.Namespace, shared: Path) -> None:
    try:
        from pyinstrument import Profiler
    except ImportError:
        print("--profile needs pyinstrument (pip install pyinstrument)", file=sys.stderr)
        return
    texts = polnear_train(shared)[: 200 if args.quick else None]
    corpus = briefing_corpus(shared)
    items = codec_briefings(shared, quick=True)
    jobs: dict[str, Callable[[], object]] = {
        "parse_report": over_all(parse_report, texts),
        "parse_transcript": over_all(parse_transcript, corpus["transcript"]),
        "codec": lambda: [from_json(to_json(b)) for b in items],
    }
    for name, job in jobs.items():
        profiler = Profiler(interval=0.0005)
        profiler.start()
        job()
        profiler.stop()
        out = HERE / f"profile-{name}.txt"
        out.write_text(profiler.output_text(unicode=True, color=False, show_all=False))
        print(f"profile of {name}: {out.relative_to(REPO)}")


# --------------------------------------------------------------------------- report


def fmt(value: Any, spec: str) -> str:
    return "-" if value is None else format(value, spec)


def shown(rows: list[Row]) -> list[Row]:
    """The rows for the printed table: pathological inputs folded to the slowest
    growth per reader plus every miss (all of them are in the JSON file)."""
    out = [r for r in rows if r["section"] != "pathological"]
    patho = [r for r in rows if r["section"] == "pathological"]
    worsts: list[int] = []
    for reader in READERS:
        mine = [r for r in patho if r["name"].startswith(reader + " /")]
        if mine:
            worst = max(mine, key=lambda r: r["ratio"])
            worsts.append(id(worst))
            out.append({**worst, "name": f"{worst['name']} (slowest growth of {len(mine)})"})
    out += [r for r in patho if r["ok"] is False and id(r) not in worsts]
    return out


def table(rows: list[Row]) -> str:
    rows = shown(rows)
    head = ("section", "name", "input", "seconds", "baseline", "MB/s", "ratio", "ok")
    body = [
        (
            r["section"],
            r["name"],
            r["input"],
            fmt(r["seconds"], ".4f"),
            fmt(r["baseline_seconds"], ".4f"),
            fmt(r.get("mb_per_s"), ".2f"),
            fmt(r["ratio"], ".2f") + ("x" if r["ratio"] is not None else ""),
            {True: "yes", False: "NO", None: ""}[r["ok"]],
        )
        for r in rows
    ]
    widths = [max(len(str(x)) for x in col) for col in zip(head, *body, strict=True)]
    lines = [
        "  ".join(str(x).ljust(w) for x, w in zip(line, widths, strict=True))
        for line in [head, *body]
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def machine() -> dict[str, Any]:
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
    except OSError:
        commit = ""
    return {
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "commit": commit,
        "briefings": briefings.__version__,
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "processor": platform.processor() or platform.machine(),
        "cpus": os.cpu_count(),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sections", nargs="*", help=f"some of: {', '.join(SECTIONS)} (default all)")
    parser.add_argument("--repeat", type=int, default=5, help="best of N runs (default 5)")
    parser.add_argument("--quick", action="store_true", help="smaller inputs, best of 3")
    parser.add_argument("--shared", help="the shared folder (default ../shared)")
    parser.add_argument("--out", default=str(HERE / "results.json"), help="results JSON file")
    parser.add_argument("--profile", action="store_true", help="also profile with pyinstrument")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)
    if args.quick:
        args.repeat = min(args.repeat, 3)
    unknown = [s for s in args.sections if s not in SECTIONS]
    if unknown:
        parser.error(f"unknown section(s) {', '.join(unknown)}; known: {', '.join(SECTIONS)}")
    shared = shared_dir(args.shared)
    chosen = args.sections or list(SECTIONS)
    rows: list[Row] = []
    for name in chosen:
        t0 = time.perf_counter()
        section_rows = SECTIONS[name](args, shared)
        rows += section_rows
        print(
            f"{name}: {len(section_rows)} figures in {time.perf_counter() - t0:.1f} s",
            file=sys.stderr,
        )
    print(table(rows))
    missed = [r for r in rows if r["ok"] is False]
    result = {
        "machine": machine(),
        "command": " ".join(
            ["python", "benchmarks/run.py", *(argv if argv is not None else sys.argv[1:])]
        ),
        "repeat": args.repeat,
        "quick": args.quick,
        "rows": rows,
        "missed": [f"{r['section']}: {r['name']}" for r in missed],
    }
    Path(args.out).write_text(
        json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(
        f"\n{len(rows) - len(missed)} of {len(rows)} figures meet their targets; "
        f"results in {args.out}"
    )
    if args.profile:
        profile(args, shared)
    return 1 if (args.check and missed) else 0


if __name__ == "__main__":
    raise SystemExit(main())
