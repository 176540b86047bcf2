"""Property-based tests: arbitrary text, HTML, bytes and JSON thrown at the pipeline and the readers.

Whatever comes in, the library either answers with well-formed records (offsets inside their
text, the contract's JSON) or refuses with a `DyadError`; nothing else escapes. Example counts
are bounded so the suite stays fast.
"""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import dyad
from dyad.engine import default_engine
from dyad.errors import DyadError, InputError
from dyad.ingest.readers import decode_bytes, document_from_bytes, document_from_html, iter_jsonl
from dyad.pipeline import Pipeline
from dyad.text.normalize import fold, scrub
from dyad.text.sentences import split_sentences

BOUNDED = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)

# Words that make the pipeline work (actors, verbs, dates), mixed with anything at all.
_WORDS = [
    "Chile",
    "Peru",
    "Bolivia",
    "North Korea",
    "Venezuela",
    "Caracas",
    "Lima",
    "the United Nations",
    "criticised",
    "met",
    "signed",
    "an agreement",
    "accused",
    "will",
    "not",
    "on Monday",
    "in 2015",
    "embassy",
    "opened",
    "president",
    "minister",
    "said",
    ".",
    ",",
    "\n",
    "?",
    "\u201c",
    "\u00bf",
    "Kim Jong-un",
    "Maduro",
    "rechazó",
    "Corea del Norte",
    "🇰🇵",
    "🇰🇷",
    "\u200b",
    "\ufeff",
]
newsy_text = st.lists(st.one_of(st.sampled_from(_WORDS), st.text(max_size=12)), max_size=60).map(" ".join)
any_text = st.one_of(
    st.text(max_size=400),
    newsy_text,
    st.text(alphabet=st.characters(min_codepoint=0xD7F0, max_codepoint=0xE010), max_size=30),
)

_TAGS = [
    "div",
    "p",
    "span",
    "article",
    "script",
    "style",
    "table",
    "td",
    "li",
    "a",
    "img",
    "b",
    "iframe",
    "svg",
]


@st.composite
def html_pages(draw: st.DrawFn) -> str:
    """Nested, unbalanced, attribute-laden HTML with scripts, entities and news words inside."""

    def node(depth: int) -> str:
        if depth > 6 or draw(st.booleans()):
            return draw(
                st.one_of(
                    newsy_text,
                    st.sampled_from(
                        ["&amp;", "&#0;", "&#x110000;", "&bogus;", "<!--", "]]>", "<![CDATA[", "\x00", "</p>"]
                    ),
                )
            )
        tag = draw(st.sampled_from(_TAGS))
        attrs = draw(
            st.lists(
                st.tuples(
                    st.sampled_from(["src", "alt", "class", "onload", "href", "lang"]), st.text(max_size=15)
                ),
                max_size=3,
            )
        )
        attr_text = "".join(f' {k}="{v}"' for k, v in attrs)
        children = "".join(node(depth + 1) for _ in range(draw(st.integers(0, 3))))
        close = draw(st.sampled_from([f"</{tag}>", f"</{tag}>", "", "</div>"]))
        return f"<{tag}{attr_text}>{children}{close}"

    head = draw(st.sampled_from(["", "<!doctype html>", "<html lang='es'>", "<?xml version='1.0'?>"]))
    return head + "<body>" + "".join(node(0) for _ in range(draw(st.integers(1, 4))))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | any_text,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=12,
)
# Records whose fields have the types the contract names (strings), with any content.
typed_records = st.fixed_dictionaries(
    {},
    optional={
        "id": any_text,
        "text": any_text,
        "html": html_pages(),
        "date": st.one_of(st.dates().map(str), any_text),
        "lang": st.one_of(st.sampled_from(["en", "es", "fr", ""]), any_text),
        "url": any_text,
        "title": any_text,
    },
)
# Records whose fields may be any JSON value at all.
records = st.fixed_dictionaries(
    {},
    optional={
        "id": json_values,
        "text": st.one_of(any_text, json_values),
        "html": st.one_of(html_pages(), json_values),
        "date": st.one_of(st.just("2015-06-23"), st.dates().map(str), json_values),
        "lang": json_values,
        "url": json_values,
        "title": json_values,
    },
)


def _check_events(events: list[dyad.Event]) -> None:
    for e in events:
        data = e.to_dict()
        json.dumps(data, ensure_ascii=False).encode("utf-8")  # serialisable and encodable
        text = data["sentence_text"]
        for role in ("source", "target"):
            span = data[role]
            assert 0 <= span["start"] <= span["end"] <= len(text)
            assert text[span["start"] : span["end"]] == span["text"]
        assert data["quad"] in (1, 2, 3, 4)
        assert 0 <= data["confidence"] <= 1
        assert data["root"] == data["cameo"][:2]


@BOUNDED
@given(text=any_text, date=st.one_of(st.none(), st.dates().map(str)))
def test_code_text_any_text(text: str, date: str | None) -> None:
    try:
        events = dyad.code_text(text, date=date, fast=True)
    except DyadError:
        return
    _check_events(events)


@BOUNDED
@given(text=any_text, html=st.one_of(st.none(), html_pages()))
def test_check_text_any_text_and_html(text: str, html: str | None) -> None:
    try:
        findings = dyad.check_text(text, html=html)
    except DyadError:
        return
    for f in findings:
        data = f.to_dict()
        json.dumps(data, ensure_ascii=False).encode("utf-8")
        if data["start"] is not None and data["end"] is not None and data["kind"] == "name-confusion":
            assert 0 <= data["start"] <= data["end"] <= len(text)


@BOUNDED
@given(html=html_pages())
def test_html_reader_then_pipeline(html: str) -> None:
    try:
        doc = document_from_html(html, "page.html")
    except InputError:
        return
    assert doc.text.strip()
    _check_events(dyad.process_document(doc, fast=True).events)


@BOUNDED
@given(data=st.binary(max_size=600))
def test_bytes_reader_reads_or_refuses(data: bytes) -> None:
    try:
        doc = document_from_bytes(data, "blob")
    except InputError as exc:
        assert str(exc).startswith("blob: ")
        return
    assert isinstance(doc.text, str) and doc.text.strip()
    doc.text.encode("utf-8")  # the decoder never leaves unencodable characters
    decode_bytes(data, "blob")


def _one_item_per_line(lines: list[str]) -> None:
    lines = [line.replace("\n", " ").replace("\r", " ") for line in lines]
    items = list(iter_jsonl(None, iter(lines)))
    assert len(items) == sum(1 for line in lines if line.strip())
    for item in items:
        assert isinstance(item, dyad.Document | InputError)


@BOUNDED
@given(
    lines=st.lists(
        st.one_of(typed_records.map(json.dumps), json_values.map(json.dumps), st.text(max_size=40)),
        max_size=8,
    )
)
def test_jsonl_reader_one_item_per_line(lines: list[str]) -> None:
    _one_item_per_line(lines)


@BOUNDED
@given(lines=st.lists(records.map(json.dumps), max_size=8))
def test_jsonl_reader_one_item_per_line_any_field_types(lines: list[str]) -> None:
    _one_item_per_line(lines)


@BOUNDED
@given(lines=st.lists(typed_records.map(lambda r: json.dumps(r, ensure_ascii=False)), min_size=1, max_size=5))
def test_jsonl_records_through_the_runner_never_escape(lines: list[str]) -> None:
    """Whatever the records hold, the runner yields or skips each document: no exception escapes."""
    engine = default_engine(True)  # built once per process, as the CLI does
    skipped: list[tuple[str, str]] = []
    docs = [d for d in iter_jsonl(None, iter(lines)) if isinstance(d, dyad.Document)]
    done = list(engine.run(docs, on_skip=lambda i, r: skipped.append((i, r))))
    assert len(done) + len(skipped) == len(docs)
    for doc in done:
        _check_events(doc.events)
    for _doc_id, reason in skipped:
        assert "\n" not in reason


@BOUNDED
@given(text=any_text)
def test_sentence_spans_and_fold(text: str) -> None:
    clean = scrub(text)
    assert len(clean) == len(text)
    clean.encode("utf-8")
    assert len(fold(clean)) == len(clean)
    last = 0
    for s in split_sentences(clean):
        assert last <= s.start < s.end <= len(clean)
        assert clean[s.start : s.end] == s.text
        last = s.end


def test_runner_skips_a_document_whose_stage_has_a_bug() -> None:
    """A stage that raises anything on one document costs that document only, with one line."""

    def faulty(doc: dyad.Document) -> dyad.Document:
        if "boom" in doc.text:
            raise AttributeError("'NoneType' object has no attribute 'code'")
        return doc

    pipeline = Pipeline([("faulty", faulty)])
    docs = [dyad.Document(id=str(i), text=t) for i, t in enumerate(["fine", "boom", "fine again"])]
    skipped: list[tuple[str, str]] = []
    done = [d.id for d in pipeline.run(docs, on_skip=lambda i, r: skipped.append((i, r)))]
    assert done == ["0", "2"]
    assert skipped == [
        (
            "1",
            "internal error in stage 'faulty' (AttributeError: 'NoneType' object has no "
            "attribute 'code'); please report it with this document",
        )
    ]
