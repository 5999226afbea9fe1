"""Write the seed corpus of nasty inputs: ``fuzz/seeds/<target>/<name>``.

    python fuzz/make_seeds.py            # (re)writes fuzz/seeds/

Each seed is small (at most 4 KB: the fuzzer mutates better from small inputs):
the pathological inputs of ``tests/test_pathological.py`` cut short, a few
realistic report and transcript snippets written for the purpose, valid and
broken JSON of briefings, JSON Lines, and brat standoff. ``seeds/all`` holds
every seed prefixed with the byte that selects its target in ``targets.run``.
Deterministic: running it twice gives the same files.
"""

from __future__ import annotations

import hashlib
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE.parent / "tests"))
sys.path.insert(0, str(HERE))

import targets  # noqa: E402

from briefings.codecs import to_json  # noqa: E402
from briefings.text import parse_report, parse_transcript  # noqa: E402
from test_pathological import cases  # noqa: E402

SIZE = 4096
#: the pathological inputs are cut to this many characters
SMALL = 512

REPORT = (
    "MOSCOW, January 25. /TASS/. Russia is not going to attack anyone, Kremlin "
    "spokesman Dmitry Peskov told reporters on Tuesday. “We have said it many "
    "times,” he stressed, adding that talks “would resume [next week]…”. "
    "According to Mr. Peskov, the U.S. had not replied. Asked whether Moscow "
    "might respond, he said: ‘No decisions have been made.’\n"
)
TRANSCRIPT = (
    "1:30 P.M. EST\n\nMS. PSAKI: Good afternoon. (Laughter.)\n\n"
    "Q    Thanks, Jen. Is the President \u2014 will he meet Putin?\n\n"
    "MS. PSAKI: I don't have anything to preview. -- Go ahead.\r\n"
    "Q: On Ukraine?\u2028A: We've been clear.\n\nEND\n2:15 P.M. EST\n"
)


def text_seeds() -> dict[str, str]:
    out = {name: text[:SMALL] for name, text in cases(SMALL).items()}
    out["report"] = REPORT
    out["transcript"] = TRANSCRIPT
    out["report with bidi and NUL"] = "\u202e" + REPORT.replace(" ", "\u200b ", 5) + "\x00"
    out["transcript with CR"] = TRANSCRIPT.replace("\n", "\r")
    return out


def json_seeds() -> dict[str, str]:
    good = to_json(parse_report(REPORT))
    tgood = to_json(parse_transcript(TRANSCRIPT))
    return {
        "report": good,
        "transcript": tgood,
        "minimal": '{"schema":"briefings/1","document":{"text":""}}',
        "nan": good.replace('"start":0', '"start":NaN', 1),
        "duplicate key": good.replace('{"text":', '{"text":"x","text":', 1),
        "deep": "[" * 64 + "]" * 64,
        "span outside": '{"schema":"briefings/1","document":{"text":"ab"},'
        '"stage_directions":[{"start":1,"end":5,"text":"bxyz"}]}',
        "dangling id": '{"schema":"briefings/1","document":{"text":"ab"},"briefer_ids":["p9"]}',
        "wrong type": '{"schema":"briefings/1","document":{"text":5}}',
        "surrogate": '{"schema":"briefings/1","document":{"text":"\\ud800\\u0000"}}',
        "truncated": good[: len(good) // 2],
        "huge number": good.replace('"start":0', '"start":1e999', 1),
    }


def brat_seeds() -> dict[str, str]:
    ann = (
        "T1\tSource 31 55\tKremlin spokesman Dmitry\n"
        "T2\tCue 63 67\ttold\n"
        "T3\tContent 0 10\tMOSCOW, Ja\n"
        "T4\tAttribution 63 67\ttold\n"
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
        "T5\tContent 0 3;5 8\tMOSCOW\n"
        "#1\tAnnotatorNotes T1\tnote\n"
    )
    return {
        "report": ann + "\x00\x00" + REPORT,
        "bad offsets": "T1\tSource 5 2\tx\nT2\tCue -1 99999999999\ty\n\x00\x00abc",
        "dangling": "E1\tAttribution:T9 Content:T8\n\x00\x00abc",
        "garbage": "\t\t\t;;;\n" * 20 + "\x00\x00" + "\r\n" * 10,
    }


def main() -> None:
    root = HERE / "seeds"
    if root.exists():
        shutil.rmtree(root)
    texts, jsons, brats = text_seeds(), json_seeds(), brat_seeds()
    jsonl_seed = "\n".join(jsons.values())
    by_target = {
        "report": texts,
        "transcript": texts,
        "auto": texts,
        "json_str": jsons,
        "json_bytes": jsons,
        "jsonl": {"all": jsonl_seed, "blank lines": "\n\n  \n" + jsons["minimal"] + "\n"},
        "brat": brats,
    }
    names = list(targets.TARGETS)
    n = 0
    for target, seeds in by_target.items():
        folder = root / target
        folder.mkdir(parents=True)
        for name, text in seeds.items():
            data = text.encode("utf-8", "surrogatepass")[:SIZE]
            digest = hashlib.sha1(data).hexdigest()[:12]  # a file name, not security
            slug = "".join(c if c.isalnum() else "-" for c in name.lower()).strip("-")[:40]
            (folder / f"{slug}-{digest}").write_bytes(data)
            prefix = bytes([names.index(target)])
            (root / "all").mkdir(exist_ok=True)
            (root / "all" / f"{target}-{slug}-{digest}").write_bytes(prefix + data)
            n += 1
    print(f"wrote {n} seeds (and {n} in seeds/all) under {root}")


if __name__ == "__main__":
    main()
