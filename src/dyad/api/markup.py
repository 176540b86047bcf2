"""An article's text marked up for its page: actor mentions, event triggers, check findings.

The text is untrusted. It is cut at every annotation boundary and each piece is escaped on
its own (`markupsafe.escape`) before the tags dyad writes are put around it, so nothing in
the article can open a tag, an attribute or a script.

    html = mark_article(text, sentence_starts, mentions, events, findings)   # -> Markup
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape


@dataclass(frozen=True, slots=True)
class Span:
    start: int  # offsets in the document text
    end: int
    kind: str  # mention | trigger | finding
    tip: str  # the hover text
    ref: str = ""  # the id of the list entry it points at
    covers: str = ""  # the words it was found on, when known


_ORDER = {"finding": 0, "trigger": 1, "mention": 2}


def sentence_starts(
    text: str, sentences: Sequence[dict[str, Any]] | None = None, events: Sequence[dict[str, Any]] = ()
) -> dict[int, int]:
    """Sentence index -> its start offset in `text`: from the sentence records, else found from the events."""
    if sentences:
        return {int(s["index"]): int(s["start"]) for s in sentences}
    starts: dict[int, int] = {}
    for e in sorted(events, key=lambda e: e["sentence"]):
        at = text.find(e["sentence_text"])
        if at >= 0:
            starts.setdefault(int(e["sentence"]), at)
    return starts


def spans_for(
    text: str,
    starts: dict[int, int],
    mentions: Sequence[dict[str, Any]],
    events: Sequence[dict[str, Any]],
    findings: Sequence[dict[str, Any]],
) -> list[Span]:
    """The annotations of an article in document offsets."""
    spans: list[Span] = []
    for m in mentions:
        base = starts.get(int(m["sentence"]))
        if base is None:
            continue
        tip = f"{m.get('code')} ({m.get('name') or m.get('country') or ''})"
        if m.get("kind"):
            tip += f", {m['kind']}"
        start = base + int(m["start"])
        spans.append(Span(start, base + int(m["end"]), "mention", tip, covers=str(m.get("text") or "")))
    for i, e in enumerate(events):
        trig = e.get("trigger")
        base = starts.get(int(e["sentence"]))
        if not trig or base is None:
            continue
        tip = (
            f"{e['source'].get('code')} {e.get('cameo')} {e.get('plover') or ''} {e['target'].get('code')}"
            f" ({e.get('mode')}, {float(e.get('confidence') or 0):.2f})"
        )
        start, end = base + int(trig["start"]), base + int(trig["end"])
        spans.append(Span(start, end, "trigger", tip, f"ev{i}", covers=str(trig.get("text") or "")))
    for i, f in enumerate(findings):
        tip = f"{f.get('kind')}: {f.get('message') or ''}"
        spans.append(
            Span(int(f["start"]), int(f["end"]), "finding", tip, f"fi{i}", covers=str(f.get("text") or ""))
        )
    # A span off the text, or over other words than it was found on (a re-split moved it), is dropped.
    return [
        s
        for s in spans
        if 0 <= s.start < s.end <= len(text) and (not s.covers or text[s.start : s.end] == s.covers)
    ]


def mark_article(text: str, spans: Sequence[Span], starts: dict[int, int] | None = None) -> Markup:
    """The text with each span wrapped (`<mark class="mention|trigger|finding">`), every piece escaped."""
    anchors: dict[int, list[int]] = {}
    for index, at in (starts or {}).items():
        anchors.setdefault(at, []).append(index)
    cuts = sorted({0, len(text), *anchors, *(s.start for s in spans), *(s.end for s in spans)})
    out: list[str] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        for index in anchors.get(a, ()):
            out.append(f'<a class="anchor" id="s{index}"></a>')
        piece = str(escape(text[a:b]))
        covering = sorted((s for s in spans if s.start <= a and b <= s.end), key=lambda s: _ORDER[s.kind])
        for s in reversed(covering):
            ref = f' data-ref="{escape(s.ref)}"' if s.ref else ""
            piece = f'<mark class="{s.kind}" title="{escape(s.tip)}"{ref}>{piece}</mark>'
        out.append(piece)
    return Markup("".join(out))
