"""A person the story introduced with a title goes by a surname afterwards: "Foreign Minister Li Zhaoxing
visited Chad ... Li agreed to forgive the debt". The later surname is the same actor."""

from __future__ import annotations

import re
from functools import lru_cache

from dyad.doc import Mention
from dyad.resources import Resources
from dyad.text.normalize import fold_key

# Words that go before a surname without being part of another name.
_HONORIFICS = frozenset("mr mrs ms dr sir madam president minister premier general gen".split())


def with_surnames(mentions: list[Mention], sentences_text: dict[int, str], resources: Resources) -> list[Mention]:
    """`mentions` and, after each titled person with a country ("Foreign Minister Li Zhaoxing", CHNGOV), the
    later sentences' bare uses of the person's surname ("Li", "Li's") as mentions of the same actor."""
    people: dict[str, set[tuple[str, str]]] = {}  # surname -> {(code, introducing mention's text)}
    first: dict[str, tuple[int, int]] = {}  # surname -> where the person was introduced (sentence, end)
    for m in mentions:
        if m.kind != "role" or not m.country or not m.why.endswith("named person"):
            continue
        for surname in _surnames(m.text, title_words(resources)):
            people.setdefault(surname, set()).add((m.code, m.text))
            first.setdefault(surname, (m.sentence, m.end))
    found: list[Mention] = []
    for surname, who in people.items():
        codes = {code for code, _ in who}
        if len(codes) != 1:
            continue  # two people of that surname: which one is meant is not known
        code, intro = sorted(who)[0]
        pattern = re.compile(rf"(?<![\w-]){re.escape(surname)}(?![\w-])")
        for index, text in sorted(sentences_text.items()):
            if index < first[surname][0]:
                continue
            for hit in pattern.finditer(text):
                if (index, hit.start()) < first[surname] or not _stands_alone(text, hit.start(), hit.end()):
                    continue
                if any(o.sentence == index and o.start < hit.end() and hit.start() < o.end for o in mentions):
                    continue
                source = next(o for o in mentions if o.code == code and o.text == intro)
                found.append(
                    Mention(
                        index,
                        hit.start(),
                        hit.end(),
                        surname,
                        code,
                        source.country,
                        source.sector,
                        source.name,
                        kind="role",
                        why=f"context: '{surname}' = {intro}, named before ({code})",
                        confidence=min(source.confidence, 0.7),
                    )
                )
    if not found:
        return mentions
    return sorted([*mentions, *found], key=lambda m: (m.sentence, m.start))


def _surnames(text: str, title_words: frozenset[str]) -> list[str]:
    """The surname candidates of "Foreign Minister Li Zhaoxing": the first and last words of the name after
    the title ("Li", "Zhaoxing"; family names come first in some languages)."""
    name: list[str] = []
    for word in reversed(re.split(r"\s+of\s+", text)[0].split()):
        if not word[:1].isupper() or fold_key(word) in title_words:
            break
        name.insert(0, word)
    candidates = {name[0], name[-1]} if name else set()
    return sorted(
        w for w in candidates if len(w) >= 2 and not w.endswith(".") and fold_key(w) not in title_words
    )


def _stands_alone(text: str, start: int, end: int) -> bool:
    """ "Li said", "Li's tour", "Mr Li": not a part of another person's name ("Li Keqiang", "Jet Li")."""
    before = re.search(r"([\w.'’-]+)\s+$", text[:start])
    if before and before.group(1)[:1].isupper() and fold_key(before.group(1).rstrip(".")) not in _HONORIFICS:
        if before.start() > 0:
            return False
    after = re.match(r"\s+([\w'’-]+)", text[end:])
    return not (after and after.group(1)[:1].isupper() and not text[end:].startswith(("'s", "’s")))


@lru_cache(maxsize=8)
def title_words(resources: Resources) -> frozenset[str]:
    """Every word of every title ("foreign", "minister", "secretary"): never a surname."""
    return frozenset(w for r in resources.roles if r.title for w in fold_key(r.name).split())
