"""``briefings evaluate``: score brat predictions against PolNeAR/PARC-style gold."""

from __future__ import annotations

import argparse
import json

NAME = "evaluate"
HELP = "score attribution predictions (brat) against gold: content P/R/F1, source, cue, end-to-end"

EPILOG = """\
examples:
  briefings evaluate --gold corpora/polnear/dev --pred out/
  briefings evaluate --gold corpora/polnear/dev --pred out/ --format json

Gold is a PolNeAR folder (text/NAME.txt, attributions/NAME_ANNOTATOR.ann) or a
folder of NAME.txt with NAME.ann; predictions are NAME.ann files, e.g. written by
'briefings parse --to brat --out out/ corpora/polnear/dev/text/*.txt'.
"""


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.formatter_class = argparse.RawDescriptionHelpFormatter
    p.epilog = EPILOG
    p.add_argument("--gold", required=True, metavar="DIR", help="gold folder")
    p.add_argument("--pred", required=True, metavar="DIR", help="folder of predicted NAME.ann")
    p.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text: one line per subset (default); json: every figure",
    )


def run(args: argparse.Namespace) -> int:
    from briefings.evaluate import evaluate

    reports = evaluate(args.gold, args.pred)
    if args.format == "json":
        print(json.dumps({k: r.to_dict() for k, r in reports.items()}, indent=2))
    else:
        for subset, report in reports.items():
            print(report.line(subset))
    return 0
