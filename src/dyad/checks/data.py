"""The tables the checks read, built once from `Resources` and `data/checks/*.tsv`.

Which places get confused (`confusables.tsv`, plus pairs of countries whose names differ by a
letter or two, derived from the country table), what each is called (`names.tsv` and the actor
tables), and what points to each: capitals (countries.tsv), cities (places/cities.tsv), leaders
(leaders.tsv, read from the actor mentions), office holders (`officials.tsv`, by name, and by
surname after a title) and the cues of `cues.tsv`; the words the checks read around them
(`words.tsv`) and the facts of `world.py` (neighbours, diplomatic relations).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from dyad.checks.world import World
from dyad.data._load import read_tsv
from dyad.resources import Resources
from dyad.text.normalize import fold_key

_CITY_MIN_POPULATION = 150_000
_DERIVED = "names that differ by a letter or two"
_ACTOR_SOURCES = ("curated", "iso3166")  # the actor tables' names trusted for a country's own names


@dataclass(frozen=True, slots=True)
class Entity:
    """A country (ISO alpha-3) or a region that is confused with one (ISO 3166-2)."""

    code: str
    country: str  # the ISO alpha-3 country it belongs to (itself for a country)
    name: str
    name_es: str


@dataclass(frozen=True, slots=True)
class NameRow:
    entity: str
    lang: str
    style: str  # short | formal | abbr | demonym | shared
    form: str
    name: str


@dataclass(frozen=True, slots=True)
class Cue:
    entity: str
    kind: str  # capital | city | institution | leader | surname (counts after a title) | mask
    text: str


@dataclass(slots=True)
class CheckData:
    entities: dict[str, Entity]
    partners: dict[str, set[str]]
    names: list[NameRow]
    cues: list[Cue]
    titles: dict[str, list[str]]  # lang -> title phrases
    former: list[str]
    attach: list[str]
    flag_words: list[str]
    iso2: dict[str, str] = field(default_factory=dict)
    pair_notes: dict[frozenset[str], str] = field(default_factory=dict)
    words: dict[str, list[str]] = field(default_factory=dict)  # kind -> phrases, every language
    world: World | None = None
    _by_entity: dict[str, list[NameRow]] = field(default_factory=dict)

    @classmethod
    def build(cls, resources: Resources) -> CheckData:
        countries = resources.countries
        entities = {c.iso3: Entity(c.iso3, c.iso3, c.name, c.name_es or c.name) for c in countries.values()}
        for r in read_tsv("checks/regions.tsv", required=("code", "country", "name")):
            entities[r["code"]] = Entity(r["code"], r["country"], r["name"], r["name_es"] or r["name"])
        partners: dict[str, set[str]] = {}
        notes: dict[frozenset[str], str] = {}
        for r in read_tsv("checks/confusables.tsv", required=("a", "b")):
            _pair(partners, r["a"], r["b"])
            notes[frozenset((r["a"], r["b"]))] = r.get("note", "")
        for a, b in _similar_countries(resources):
            if frozenset((a, b)) not in notes:
                _pair(partners, a, b)
                notes[frozenset((a, b))] = _DERIVED
        names = [
            NameRow(r["entity"], r["lang"], r["style"], r["form"], r["name"])
            for r in read_tsv("checks/names.tsv", required=("entity", "lang", "style", "name"))
        ]
        names.extend(_actor_table_names(resources, set(partners), names))
        cues = [
            Cue(r["entity"], r["kind"], r["cue"])
            for r in read_tsv("checks/cues.tsv", required=("entity", "kind", "cue"))
        ]
        cues.extend(_official_cues(names, cues))
        cues.extend(_table_cues(resources, set(partners), names, cues))
        words = read_tsv("checks/words.tsv", required=("word", "kind"))
        by_kind: dict[str, list[str]] = {}
        for w in words:
            by_kind.setdefault(w["kind"], []).append(w["word"])
        titles: dict[str, list[str]] = {}
        for w in words:
            if w["kind"] == "title":
                titles.setdefault(w["lang"] or "und", []).append(w["word"])
        return cls(
            entities=entities,
            partners=partners,
            names=names,
            cues=cues,
            titles=titles,
            former=by_kind.get("former", []),
            attach=[
                w["word"]
                for w in words
                if w["kind"] in ("attach", "title", "office", "honorific", "modifier")
            ],
            flag_words=[w["word"] for w in words if w["kind"] == "flag"],
            iso2={c.iso2.upper(): c.iso3 for c in countries.values() if c.iso2},
            pair_notes=notes,
            words=by_kind,
            world=World.load(),
        )

    def listed(self, a: str, b: str) -> bool:
        """Whether (a, b) is a hand-listed confusable pair, not one derived from similar spellings."""
        note = self.pair_notes.get(frozenset((a, b)))
        return note is not None and note != _DERIVED

    def only(self, a: str, b: str, candidates: list[str]) -> bool:
        """Whether `b` is the one partner of `a` among `candidates` (a hand-listed pair wins over derived ones)."""
        if candidates == [b]:
            return True
        listed = [p for p in candidates if self.listed(a, p)]
        return listed == [b]

    def country_of(self, entity: str) -> str:
        found = self.entities.get(entity)
        return found.country if found else entity

    def display(self, entity: str, lang: str | None = None) -> str:
        found = self.entities.get(entity)
        if found is None:
            return entity
        return found.name_es if lang == "es" else found.name

    def suggestion(self, entity: str, lang: str, style: str, form: str) -> str | None:
        """The name of `entity` in the same language and style as a confused name."""
        if not self._by_entity:
            for n in self.names:
                if n.style != "shared":
                    self._by_entity.setdefault(n.entity, []).append(n)
        rows = self._by_entity.get(entity, [])
        wanted = (
            (lang, style, form),
            (lang, style, None),
            (lang, "short", None),
            (None, "short", None),
            (lang, "formal", None),
        )
        for want in wanted:
            w_lang, w_style, w_form = want
            for n in rows:
                if (
                    (w_lang is None or n.lang == w_lang)
                    and n.style == w_style
                    and (w_form is None or n.form == w_form)
                ):
                    return n.name
        return None


def _pair(partners: dict[str, set[str]], a: str, b: str) -> None:
    partners.setdefault(a, set()).add(b)
    partners.setdefault(b, set()).add(a)


def _distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def _similar_countries(resources: Resources) -> list[tuple[str, str]]:
    """Pairs of countries whose English or Spanish short names share their first three letters and
    differ by at most two (Liberia/Libya, Belgium/Belize), or where one name is the other plus one
    or two words (Samoa/American Samoa)."""
    rows = [(c.iso3, fold_key(c.name), fold_key(c.name_es or c.name)) for c in resources.countries.values()]
    out = []
    for (a, a_en, a_es), (b, b_en, b_es) in itertools.combinations(rows, 2):
        for x, y in ((a_en, b_en), (a_es, b_es)):
            if min(len(x), len(y)) < 4 or x == y:
                continue
            close = min(len(x), len(y)) >= 5 and x[:3] == y[:3] and _distance(x, y) <= 2
            short, long_ = sorted((x, y), key=len)
            within = (
                f" {short} " in f" {long_} "
                and len(long_.split()) - len(short.split()) <= 2
                and "sar" not in long_.split()
            )
            if close or within:
                out.append((a, b))
                break
    return out


def _actor_table_names(resources: Resources, entities: set[str], own: list[NameRow]) -> list[NameRow]:
    """Names of the confusable countries that only the actor tables know (English and Spanish)."""
    known = {fold_key(n.name) for n in own}
    out = []
    for name in resources.actor_names:
        if name.country not in entities or name.kind not in ("country", "demonym", "abbreviation"):
            continue
        if name.source not in _ACTOR_SOURCES or name.lang not in ("en", "es", "und") or name.sector:
            continue
        text = name.name[4:] if name.name.startswith(("The ", "the ")) else name.name
        key = fold_key(text)
        if key in known or "," in text:
            continue
        known.add(key)
        style = {"demonym": "demonym", "abbreviation": "abbr"}.get(name.kind, "short")
        out.append(NameRow(name.country, name.lang if name.lang != "und" else "en", style, "", text))
    for c in resources.countries.values():
        if c.iso3 not in entities:
            continue
        for lang, text in (("en", c.name), ("es", c.name_es)):
            if text and fold_key(text) not in known and "," not in text and " - " not in text:
                known.add(fold_key(text))
                out.append(NameRow(c.iso3, lang, "short", "", text))
    return out


def _official_cues(names: list[NameRow], own: list[Cue]) -> list[Cue]:
    """Office holders (`officials.tsv`) by name and alias, and by surname (a `surname` cue counts only
    after a title); a surname that names a place or is already another place's cue is left out."""
    taken = {(c.entity, fold_key(c.text)) for c in own}
    elsewhere = {fold_key(n.name) for n in names} | {fold_key(c.text) for c in own}
    rows = read_tsv("checks/officials.tsv", required=("entity", "name"))
    surnames: dict[str, set[str]] = {}
    for r in rows:
        for s in filter(None, r.get("surnames", "").split("|")):
            surnames.setdefault(fold_key(s), set()).add(r["entity"])
    out = []
    for r in rows:
        for text in (r["name"], *filter(None, r.get("aliases", "").split("|"))):
            if (r["entity"], fold_key(text)) not in taken:
                taken.add((r["entity"], fold_key(text)))
                out.append(Cue(r["entity"], "leader", text))
        for text in filter(None, r.get("surnames", "").split("|")):
            key = fold_key(text)
            if (r["entity"], key) in taken or key in elsewhere or len(surnames[key]) > 1:
                continue
            taken.add((r["entity"], key))
            out.append(Cue(r["entity"], "surname", text))
    return out


def _table_cues(resources: Resources, entities: set[str], names: list[NameRow], own: list[Cue]) -> list[Cue]:
    """Capitals and large cities of the confusable countries, from the country and place tables."""
    taken = {fold_key(n.name) for n in names} | {fold_key(c.text) for c in own}
    taken |= {fold_key(n.name) for n in resources.actor_names if n.kind in ("country", "demonym")}
    out = []
    for iso3 in sorted(e for e in entities if e in resources.countries):
        capital = resources.countries[iso3].capital
        if capital and fold_key(capital) not in taken:
            taken.add(fold_key(capital))
            out.append(Cue(iso3, "capital", capital))
    for places in resources.places.values():
        top = places[0]
        key = fold_key(top.name)
        if top.country not in entities or top.population < _CITY_MIN_POPULATION or key in taken:
            continue
        if len({p.country for p in places}) > 1 and places[1].population * 4 > top.population:
            continue  # a name shared by cities of several countries points to none of them
        if len(top.name) < 4 or not top.name[:1].isupper():
            continue
        taken.add(key)
        out.append(Cue(top.country, "city", top.name))
    return out
