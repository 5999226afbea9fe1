"""The HTML view: self-contained, escaped, and every span where it belongs."""

from __future__ import annotations

import datetime as dt
import importlib.util
import io
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given

import briefings
from briefings import codecs
from briefings.codecs.html import to_html
from briefings.strategies import briefings as gen_briefings

REPO = Path(__file__).resolve().parent.parent
EVIL = "<script>alert('x')</script><img src=http://evil.example/x.png onerror=alert(1)>&amp;"
TEXT = f'Officials said "{EVIL}" \u2014 Peskov told reporters the drills were over.'


class Page(HTMLParser):
    """Collects tags and attributes, and the text of the highlighted document with
    each character's classes and claim numbers (leaving the claim-number tags out)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.stack: list[tuple[str, dict[str, str | None]]] = []
        self.doc_text: list[str] = []
        self.doc_classes: list[tuple[frozenset[str], frozenset[str]]] = []
        self.styles: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag not in {"meta", "br"}:
            self.stack.append((tag, a))

    def handle_endtag(self, tag: str) -> None:
        assert self.stack
        assert self.stack[-1][0] == tag
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1][0] == "style":
            self.styles.append(data)
        inside = [a.get("class") or "" for _, a in self.stack]
        if "doc" not in inside or any("tag" in c.split() for c in inside):
            return
        classes: set[str] = set()
        claims: set[str] = set()
        for tag, a in self.stack:
            if tag == "mark":
                classes.update((a.get("class") or "").split())
                claims.update((a.get("data-claims") or "").split())
        for ch in data:
            self.doc_text.append(ch)
            self.doc_classes.append((frozenset(classes), frozenset(claims)))


def parse_page(page: str) -> Page:
    parser = Page()
    parser.feed(page)
    parser.close()
    assert parser.stack == []
    return parser


def report() -> briefings.Briefing:
    content = briefings.Span.find(TEXT, f'"{EVIL}"')
    drills = briefings.Span.find(TEXT, "the drills were over")
    return briefings.Briefing(
        document=briefings.Document(
            text=TEXT,
            title="<b>Title</b> & co",
            outlet="Wire <i>",
            published=dt.date(2024, 5, 6),
        ),
        people=(briefings.Person(id="p1", name="Peskov <3"),),
        organizations=(briefings.Organization(id="o1", name="Radio & <North>"),),
        others=(briefings.OtherEntity(id="x1", name="Officials"),),
        mentions=(
            briefings.Mention(id="m1", entity_id="x1", span=briefings.Span.find(TEXT, "Officials")),
            briefings.Mention(id="m2", entity_id="p1", span=briefings.Span.find(TEXT, "Peskov")),
        ),
        claims=(
            briefings.Claim(
                id="c1",
                speaker_id="x1",
                mention_id="m1",
                cue=briefings.Cue(span=briefings.Span.find(TEXT, "said"), lemma="say"),
                form=briefings.Form.DIRECT,
                content=briefings.Span.of(TEXT, content.start, len(TEXT)),
                said_on=dt.date(2024, 5, 6),
                relayed_by=(briefings.Relay(entity_id="o1"),),
            ),
            # embedded in c1's content: nested and overlapping highlights
            briefings.Claim(
                id="c2",
                speaker_id="p1",
                mention_id="m2",
                cue=briefings.Cue(span=briefings.Span.find(TEXT, "told"), lemma="tell"),
                content=drills,
                parent_id="c1",
            ),
        ),
    )


def test_page_is_self_contained() -> None:
    page = to_html(report())
    parsed = parse_page(page)
    tags = {tag for tag, _ in parsed.tags}
    assert not tags & {"script", "link", "img", "iframe", "object", "embed", "base", "form"}
    for _tag, attrs in parsed.tags:
        assert "src" not in attrs
        assert not any(name.startswith("on") for name in attrs)
        href = attrs.get("href")
        assert href is None or href.startswith("#")
    style = "".join(parsed.styles)
    assert "url(" not in style
    assert "@import" not in style
    assert "@font-face" not in style
    csp = [a for t, a in parsed.tags if t == "meta" and a.get("http-equiv")]
    assert csp[0]["content"] == "default-src 'none'; style-src 'unsafe-inline'"


def test_everything_is_escaped() -> None:
    page = to_html(report())
    assert "<script" not in page
    assert "<img" not in page
    assert "<b>Title" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "&amp;amp;" in page
    assert "<title>&lt;b&gt;Title&lt;/b&gt; &amp; co</title>" in page
    assert "Wire &lt;i&gt;" in page
    assert "Peskov &lt;3" in page
    assert "Radio &amp; &lt;North&gt;" in page


def test_overlapping_spans_keep_the_text_and_every_class() -> None:
    b = report()
    parsed = parse_page(to_html(b))
    assert "".join(parsed.doc_text) == TEXT
    c1, c2 = b.claims
    for k in range(c2.content.start, c2.content.end):  # inside both contents
        classes, claims = parsed.doc_classes[k]
        assert classes == {"content"}
        assert claims == {"1", "2"}
    assert c2.cue is not None
    for k in range(c2.cue.span.start, c2.cue.span.end):  # c2's cue inside c1's content
        assert parsed.doc_classes[k] == ({"content", "cue"}, {"1", "2"})
    assert parsed.doc_classes[0] == ({"source"}, {"1"})
    assert parsed.doc_classes[c1.content.start - 1] == (set(), set())


def test_claims_list_and_legend() -> None:
    page = to_html(report())
    assert '<ul class="legend"><li><mark class="source">speaker mention</mark></li>' in page
    row = re.search(r'<tr id="claim-2">(.*?)</tr>', page)
    assert row is not None
    assert row.group(1) == (
        '<td>2 (in 1)</td><td>Peskov &lt;3 <span class="muted">(Peskov)</span></td>'
        "<td>statement</td><td>indirect</td><td></td><td>told</td><td></td>"
        '<td class="text">the drills were over</td>'
    )
    assert "<td>2024-05-06</td><td>said</td><td>Radio &amp; &lt;North&gt;</td>" in page


def test_registered_and_one_briefing_per_page() -> None:
    fmt = codecs.by_name("html")
    assert codecs.by_path("view.html") is fmt
    assert fmt.write is not None
    out = io.StringIO()
    fmt.write([report()], out)
    assert out.getvalue() == to_html(report())
    with pytest.raises(briefings.ValidationError, match="exactly one briefing, got 0"):
        fmt.write([], io.StringIO())


@given(gen_briefings())
def test_generated_briefings_render_their_text_and_spans(b: briefings.Briefing) -> None:
    parsed = parse_page(to_html(b))
    assert "".join(parsed.doc_text) == b.document.text
    for n, claim in enumerate(b.claims, start=1):
        for part in claim.content_parts or (claim.content,):
            for k in range(part.start, part.end):
                classes, claims = parsed.doc_classes[k]
                assert "content" in classes
                assert str(n) in claims
        if claim.cue is not None:
            for part in claim.cue.parts or (claim.cue.span,):
                for k in range(part.start, part.end):
                    assert "cue" in parsed.doc_classes[k][0]


# --------------------------------------------------------------------------- a real browser


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "screenshot_html", REPO / "scripts" / "screenshot_html.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="needs chromium (apt-get install -y chromium)")
def test_headless_chromium_renders_the_page_without_running_anything(tmp_path: Path) -> None:
    assert CHROMIUM is not None
    script = _script()
    page = tmp_path / "view.html"
    page.write_text(to_html(report()), encoding="utf-8")
    dom = script.chromium(CHROMIUM, page, "--dump-dom")
    parsed = parse_page(dom)
    assert "".join(parsed.doc_text) == TEXT  # the browser sees the text, not markup
    assert "script" not in {tag for tag, _ in parsed.tags}
    assert "<title>&lt;b&gt;Title&lt;/b&gt; &amp; co</title>" in dom

    png = tmp_path / "view.png"
    script.screenshot(to_html(report()), png, executable=CHROMIUM, width=800, height=600)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert png.stat().st_size > 5000


def test_seed_report_renders_its_text(shared_dir: Path) -> None:
    from briefings.text import parse

    text = (shared_dir / "seed" / "eirns-2022-01-25-peskov.txt").read_text(encoding="utf-8")
    b = parse(text)
    parsed = parse_page(to_html(b))
    assert "".join(parsed.doc_text) == text
    assert sum(1 for t, a in parsed.tags if t == "tr" and a.get("id")) == len(b.claims)
