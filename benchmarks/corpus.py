"""Generate a corpus of article-length news documents for the benchmarks, streamed to JSONL.

    python benchmarks/corpus.py OUT.jsonl --docs 10000 [--seed 7] [--words 600]

Articles are recombined from the bundled demo corpus (src/dyad/data/demo) and from background
sentences written here for dyad: a headline, a dateline, then sentences drawn at random, with
the countries and capitals of the demo's event sentences swapped for others so the actor
tables are exercised across the board. About a third of the sentences can hold an event, as
in real wire copy. Deterministic for a given seed; nothing is read from any evaluation set.
Each document gets a distinct URL and date, so ingesting N documents stores N articles.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

# (country, capital, demonym): swapped into the demo's event sentences.
COUNTRIES = [
    ("France", "Paris", "French"),
    ("Germany", "Berlin", "German"),
    ("Brazil", "Brasilia", "Brazilian"),
    ("India", "New Delhi", "Indian"),
    ("Japan", "Tokyo", "Japanese"),
    ("Kenya", "Nairobi", "Kenyan"),
    ("Egypt", "Cairo", "Egyptian"),
    ("Turkey", "Ankara", "Turkish"),
    ("Mexico", "Mexico City", "Mexican"),
    ("Argentina", "Buenos Aires", "Argentine"),
    ("Nigeria", "Abuja", "Nigerian"),
    ("Iran", "Tehran", "Iranian"),
    ("Pakistan", "Islamabad", "Pakistani"),
    ("Poland", "Warsaw", "Polish"),
    ("Spain", "Madrid", "Spanish"),
    ("Italy", "Rome", "Italian"),
    ("Canada", "Ottawa", "Canadian"),
    ("Australia", "Canberra", "Australian"),
    ("Indonesia", "Jakarta", "Indonesian"),
    ("Vietnam", "Hanoi", "Vietnamese"),
    ("Chile", "Santiago", "Chilean"),
    ("Peru", "Lima", "Peruvian"),
    ("Colombia", "Bogota", "Colombian"),
    ("Ethiopia", "Addis Ababa", "Ethiopian"),
    ("Sweden", "Stockholm", "Swedish"),
    ("Ukraine", "Kyiv", "Ukrainian"),
    ("Israel", "Jerusalem", "Israeli"),
    ("Saudi Arabia", "Riyadh", "Saudi"),
    ("South Africa", "Pretoria", "South African"),
    ("Thailand", "Bangkok", "Thai"),
    ("Morocco", "Rabat", "Moroccan"),
    ("Algeria", "Algiers", "Algerian"),
]

# Background sentences written for dyad: the kind of copy around events that holds none.
FILLER = [
    "The talks took place behind closed doors and lasted more than four hours.",
    "Officials did not give details of the agenda.",
    "The weather in the capital was cold and wet for most of the week.",
    "Markets were little changed on the news, and the currency held steady against the dollar.",
    "Analysts said the announcement had been expected for several months.",
    "The ministry published a short statement on its website late in the evening.",
    "Local newspapers gave the story prominent coverage on their front pages.",
    "The building, a former hotel, was renovated last year at a cost that was not disclosed.",
    "Traffic in the city centre was diverted for the motorcade.",
    "A spokesman said more information would be released in the coming days.",
    "The visit was the first of its kind in more than a decade.",
    "Both delegations posed for photographs before the meeting began.",
    "Inflation rose to its highest level in two years in the last quarter.",
    "The opposition has called for a parliamentary debate on the matter.",
    "Several hundred people gathered outside the venue, most of them journalists.",
    "The government has not said how many staff will work at the new offices.",
    "Exports of copper and soybeans account for most of the trade between the two.",
    "The minister is expected to travel on to two other capitals in the region.",
    "Reporters were not allowed to ask questions after the statements.",
    "The previous agreement expired at the end of last year.",
    "Diplomats described the atmosphere as cordial but cautious.",
    "The news agency said its correspondent had seen the documents.",
    "The country's central bank left interest rates unchanged on Thursday.",
    "Flights between the two cities resumed in the spring after a long pause.",
    "Some of the details were first reported by a regional radio station.",
    "Turnout in the last election was just over sixty percent.",
    "The committee will meet again next month to review progress.",
    "A full transcript of the speech was not immediately available.",
    "The harbour has been expanded twice since the end of the war.",
    "Schools in the area remained closed because of the holiday.",
]

# Event sentences written for dyad, filled with two countries ({A}, {Adem}, {Bcap}, ...).
EVENTS = [
    "{A} and {B} signed an agreement on trade and investment on {day}.",
    "The foreign minister of {A} met his {Bdem} counterpart in {Bcap} on {day}.",
    "{A} expelled three {Bdem} diplomats, accusing them of spying.",
    "{B} condemned the decision and summoned the {Adem} ambassador.",
    "{A} accused {B} of violating the ceasefire along the border.",
    "{Adem} troops fired on a {Bdem} patrol near the border, officials said.",
    "{A} pledged 50 million dollars in aid to {B} after the floods.",
    "{A} will open an embassy in {Bcap} next year, the ministry said.",
    "{A} recalled its ambassador from {B} for consultations on {day}.",
    "{A} threatened to impose sanctions on {B} if the talks failed.",
    "{A} praised {B} for its role in the negotiations.",
    "{A} urged {B} to release the detained journalists.",
    "{A} rejected a {Bdem} proposal for a new round of talks.",
    "{A} and {B} agreed to restore diplomatic relations.",
    "The president of {A} will visit {B} in May, his office said.",
    "{Adem} police arrested two {Bdem} nationals on {day}.",
    "{A} imposed new tariffs on imports from {B}.",
    "{A} denied {Bdem} claims that it had moved troops to the border.",
    "{A} offered to mediate between {B} and its neighbours.",
    "{A} suspended military cooperation with {B} on {day}.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
# Names in the demo's sentences, swapped for generated countries' (country, capital).
DEMO_NAMES = [
    ("North Korea", "Pyongyang"),
    ("Venezuela", "Caracas"),
    ("The United States", "Washington"),
    ("the United States", "Washington"),
    ("Cuba", "Havana"),
    ("Russia", "Moscow"),
    ("Britain", "London"),
]

_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\u00c0-\u00dd\"'])")


def demo_sentences() -> list[str]:
    """Sentences of the bundled demo corpus (English plain text and JSONL samples)."""
    folder = resources.files("dyad") / "data" / "demo"
    texts = [(folder / "caracas-chronicles-2015-06-23.txt").read_text(encoding="utf-8")]
    for line in (folder / "samples.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            if record.get("lang", "en") == "en":
                texts.append(record["text"])
    out: list[str] = []
    for text in texts:
        for para in text.split("\n"):
            for sent in _SENT.split(para.strip()):
                if len(sent.split()) >= 6 and sent.rstrip().endswith((".", "!", "?", '"')):
                    out.append(sent.strip())
    return out


def _swap_names(sentence: str, rng: random.Random) -> str:
    """Replace the demo's country and capital names with another country's, consistently."""
    for country, capital in DEMO_NAMES:
        if country in sentence or capital in sentence:
            other = rng.choice(COUNTRIES)
            sentence = sentence.replace(country, other[0]).replace(capital, other[1])
    return sentence


def _event(rng: random.Random, a: tuple[str, str, str], b: tuple[str, str, str]) -> str:
    if rng.random() < 0.5:
        a, b = b, a
    return rng.choice(EVENTS).format(
        A=a[0], Acap=a[1], Adem=a[2], B=b[0], Bcap=b[1], Bdem=b[2], day=rng.choice(DAYS)
    )


def articles(count: int, *, seed: int = 7, words: int = 600) -> Iterator[dict[str, str]]:
    """`count` article records {"id", "url", "date", "lang", "title", "text"}, generated one by one."""
    rng = random.Random(seed)
    events = demo_sentences()
    if not events:
        raise RuntimeError("the demo corpus yielded no sentences")
    for n in range(count):
        a, b = rng.sample(COUNTRIES, 2)
        lead = f"{a[0]} and {b[0]} hold talks in {b[1]}"
        parts = [lead, "", f"{b[1].upper()}, {rng.randint(1, 28)} March."]
        total = 0
        while total < words:
            roll = rng.random()
            if roll < 0.1:
                sent = _swap_names(rng.choice(events), rng)
            elif roll < 0.35:
                sent = _event(rng, a, b if rng.random() < 0.7 else rng.choice(COUNTRIES))
            else:
                sent = rng.choice(FILLER)
            parts.append(sent)
            total += len(sent.split())
        year, month, day = 2010 + n % 15, 1 + n % 12, 1 + n % 28
        yield {
            "id": f"gen-{seed}-{n:07d}",
            "url": f"https://example.org/dyad-bench/{seed}/{n:07d}",
            "date": f"{year}-{month:02d}-{day:02d}",
            "lang": "en",
            "title": lead,
            "text": parts[0] + "\n\n" + " ".join(parts[2:]),
        }


def write_corpus(path: Path, count: int, *, seed: int = 7, words: int = 600) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for record in articles(count, seed=seed, words=words):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--words", type=int, default=600, help="approximate words per article")
    args = parser.parse_args(argv)
    write_corpus(args.out, args.docs, seed=args.seed, words=args.words)
    print(f"wrote {args.docs} articles to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
