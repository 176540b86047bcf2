"""Flags: emoji in the text (regional-indicator pairs) and flag images in the HTML.

An image counts as a flag when its path, alt text, title or class carries a flag word
(flag, bandera, drapeau, ...); its country comes from the file name (`kr.png`, `KOR.svg`,
`flag-of-south-korea.svg`, `bandera-de-corea-del-sur.png`), else from the alt text, else
from a flag-icon class (`fi fi-kr`). A flag mismatches when nothing in the story points to
its country while a place confused with it has support.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import PurePosixPath
from urllib.parse import unquote, urlparse

from dyad.checks.data import CheckData
from dyad.resources import Resources
from dyad.text.normalize import fold_key

_EMOJI_FLAG = re.compile("[\U0001f1e6-\U0001f1ff]{2}")
_ICON_CLASS = re.compile(r"\b(?:fi|flag-icon|flag)-([a-z]{2})\b")
_SKIP_TAGS = {"nav", "footer", "aside", "script", "style", "noscript"}
_SCOPE_TAGS = {"article", "main"}
_STOP = {
    "of",
    "the",
    "de",
    "del",
    "la",
    "el",
    "los",
    "las",
    "du",
    "des",
    "da",
    "do",
    "von",
    "and",
    "y",
    "icon",
    "small",
    "large",
    "big",
    "mini",
    "round",
    "circle",
    "square",
    "svg",
    "png",
    "gif",
    "jpg",
    "jpeg",
    "webp",
    "img",
    "image",
    "images",
    "imagen",
    "emoji",
    "wave",
    "waving",
    "country",
    "pais",
    "national",
    "nacional",
}


@dataclass(frozen=True, slots=True)
class FlagSeen:
    iso3: str
    text: str  # the emoji, or the image's file name
    start: int  # offsets in Document.text (an image: where the text after it begins; start == end)
    end: int
    how: str  # "emoji" | "image file name" | "image alt text" | "icon class"
    detail: str = ""


class FlagReader:
    """Tells which country a flag emoji, file name or alt text shows."""

    def __init__(self, data: CheckData, resources: Resources):
        self.data = data
        self.iso3 = set(resources.countries)
        self.flag_words = {fold_key(w) for w in data.flag_words}
        index: dict[str, str] = {}
        for n in data.names:
            if n.style != "shared" and n.entity in resources.countries:
                index.setdefault(_loose(n.name), n.entity)
        for c in resources.countries.values():
            for text in (c.name, c.name_es, c.formal):
                if text:
                    index.setdefault(_loose(text), c.iso3)
        for name in resources.actor_names:
            if (
                name.country
                and not name.sector
                and name.kind in ("country", "demonym")
                and name.lang in ("en", "es", "und", "fr", "de", "pt", "it")
            ):
                index.setdefault(_loose(name.name), name.country)
        index.pop("", None)
        self.index = index

    def emoji(self, text: str) -> list[FlagSeen]:
        out = []
        for m in _EMOJI_FLAG.finditer(text):
            iso2 = "".join(chr(ord(ch) - 0x1F1E6 + ord("A")) for ch in m.group())
            iso3 = self.data.iso2.get(iso2)
            if iso3:
                out.append(FlagSeen(iso3, m.group(), m.start(), m.end(), "emoji"))
        return out

    def images(self, html: str, text: str) -> list[FlagSeen]:
        parser = _ImageParser()
        try:
            parser.feed(html)
            parser.close()
        except (AssertionError, ValueError):
            return []
        images = parser.images
        if any(img.in_scope for img in images) or parser.saw_scope:
            images = [img for img in images if img.in_scope]
        out = []
        cursor = 0
        for img in images:
            where = _locate(text, img.after, cursor)
            cursor = max(cursor, where)
            found = self._image_country(img)
            if found is None:
                continue
            iso3, how = found
            if img.src.startswith("data:"):
                name, shown = img.alt or "embedded image", "embedded in the page"
            else:
                name = PurePosixPath(unquote(urlparse(img.src).path)).name if img.src else img.classes
                shown = img.src or img.classes
            detail = (
                f"image {shown}" + (f" (alt '{img.alt}')" if img.alt else "") + f" at HTML line {img.line}"
            )
            out.append(FlagSeen(iso3, name or "?", where, where, how, detail))
        return out

    def _image_country(self, img: _Image) -> tuple[str, str] | None:
        path = unquote(urlparse(img.src).path) if img.src else ""
        words = set(re.split(r"[^a-z]+", fold_key(f"{path} {img.alt} {img.title} {img.classes}")))
        icon = _ICON_CLASS.search(img.classes.lower())
        if icon and icon.group(1).upper() in self.data.iso2:
            return self.data.iso2[icon.group(1).upper()], "icon class"
        if not (words & self.flag_words) and not any(w in path.lower() for w in self.flag_words):
            return None
        if path and not img.src.startswith("data:"):
            stem = PurePosixPath(path).stem
            country = self._from_words(stem)
            if country:
                return country, "image file name"
        for text in (img.alt, img.title):
            country = self._from_words(text) if text else None
            if country:
                return country, "image alt text"
        return None

    def _from_words(self, text: str) -> str | None:
        tokens = [t for t in re.split(r"[\s_\-.@,;:()]+|(?<=[a-z])(?=[A-Z])", text) if t]
        tokens = [t for t in tokens if not re.fullmatch(r"\d+(?:x\d+)?|\d+px|[0-9]+x", t.lower())]
        kept = [t for t in tokens if fold_key(t) not in self.flag_words and fold_key(t) not in _STOP]
        if len(kept) == 1 and len(kept[0]) == 2 and kept[0].upper() in self.data.iso2:
            return self.data.iso2[kept[0].upper()]
        if len(kept) == 1 and len(kept[0]) == 3 and kept[0].upper() in self.iso3:
            return kept[0].upper()
        return self.index.get(_loose(" ".join(kept)))


def _loose(text: str) -> str:
    words = re.split(r"[^a-z0-9]+", fold_key(text.replace("’", "'").replace("'", "")))
    return " ".join(w for w in words if w and w not in _STOP)


def _locate(text: str, after: str, cursor: int) -> int:
    """Where the text that follows an image in the HTML begins in the extracted text."""
    probe = " ".join(after.split())[:40]
    while len(probe) >= 6:
        found = text.find(probe, cursor)
        if found < 0:
            found = text.find(probe)
        if found >= 0:
            return found
        probe = probe[: len(probe) // 2]
    return min(cursor, len(text))


@dataclass(slots=True)
class _Image:
    src: str
    alt: str
    title: str
    classes: str
    in_scope: bool
    line: int = 0
    after: str = ""


class _ImageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.images: list[_Image] = []
        self._stack: list[str] = []
        self._waiting: list[_Image] = []
        self.saw_scope = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag in _SCOPE_TAGS:
            self.saw_scope = True
        skipped = any(t in _SKIP_TAGS for t in self._stack)
        in_scope = any(t in _SCOPE_TAGS for t in self._stack)
        if not skipped and (tag == "img" or _ICON_CLASS.search(a.get("class", "").lower())):
            img = _Image(
                a.get("src", "") if tag == "img" else "",
                a.get("alt", ""),
                a.get("title", ""),
                a.get("class", ""),
                in_scope,
                self.getpos()[0],
            )
            self.images.append(img)
            self._waiting.append(img)
        if tag not in ("img", "br", "hr", "meta", "link", "input", "source", "wbr"):
            self._stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self._stack:
            while self._stack and self._stack.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if (
            self._waiting
            and len(data.strip()) >= 6
            and not any(t in ("script", "style") for t in self._stack)
        ):
            for img in self._waiting:
                img.after = data.strip()
            self._waiting = []
