"""The function words the coding rules read, per language (`data/lexicon/grammar.tsv`).

The rules never parse; they look at a few words around a trigger or an actor. Which words those
are depends on the language, so each language has a `Grammar`: named classes of folded words.

    determiner         articles and possessives: no verb right after one ("the attack"), skipped
                       before an actor when looking for its preposition
    no_verb_after      other words a verb does not follow ("in protest", "au sommet", "do ataque")
    clause_opener      words that open a clause with its own subject ("that", "que", "dass")
    conjunction        coordinating words that, after a comma, open a new clause
    relative           words that open a relative clause ("who", "dont", "cujo")
    relative_pronoun   the subset that makes a verb after it not the sentence's main verb
    be                 passive auxiliaries right before a participle ("was", "fue", "été", "foi")
    werden             passive auxiliaries anywhere in the clause before the participle (German)
    reflexive          a reflexive pronoun before `be` makes it active ("s'est réuni")
    unaccusative       participles that take "être" and are active ("est arrivé")
    by                 the preposition of a passive's agent ("by", "por", "par", "von")
    of                 the preposition of a nominal's agent or owner ("of", "de", "des")
    against            the preposition of a nominal's target ("on", "contra", "gegen")
    destination        the prepositions of a visit's place ("to", "a", "à", "nach"): "la visita de X a Y"
    infinitive         words before an infinitive ("to", "para", "pour")
    and                coordinating words between actors
    participle_opener  words before a fronted participle ("after", "tras", "après")
    preposition        words after which an actor is not a subject
    adjunct            the prepositions among them of time and cause ("following", "despite", "tras"): an
                       actor after one is no target while the act names another
    locative           prepositions of place ("in", "en", "im")
    object_article     articles that mark an object, never a subject ("den", "dem")
    possessive         possessive determiners ("its", "su", "ihren", "son", "seu"): "its ambassador" is the
                       subject's own envoy, not the act's target
    both               phrases naming both parties ("both", "ambos", "les deux")
    according          words before a source of information ("according to", "según", "segundo", "selon",
                       "laut"): the actor after them reports the act, it is no party to it
    told               verbs of telling whose addressee, the press, is no party ("told reporters", "disse à
                       AFP", "dijo a EFE", "a déclaré à l'AFP", "sagte der dpa")
    gerund             endings of the gerund ("-ing", "-ando", "-iendo", "-endo") and words before one
                       (French "en", "en rompant"): after a comma it opens an adjunct whose subject is
                       the previous verb's ("X recognised Y, cutting ties with Z")
    attributed         participles after an act's noun naming its doer ("une frappe attribuée à la Turquie"): the
                       actor after them did it
    adjective_agent    the side of a noun its adjectives stand on ("before", "after"): a demonym there
                       qualifying a nominal trigger acted ("der russische Angriff", "o ataque russo")
    bare_passive       English participles of acts done to someone that are passive with no auxiliary
                       when `passive_after` follows ("3 soldiers killed in clash with ...")
    suffered           verbs whose subject suffered the act named after `suffered_in` ("were killed in an
                       air strike"): the subject is that act's target; after `with` stands a partner
    mutual             nouns of acts both sides do ("clash", "fighting"): those killed in one fought too
    resolution         the noun "resolution": an act named right after it is the resolution's content
    adopt              verbs of adopting one ("adoptée", "verabschiedet", "aprobó", "aprovou"): its adopter
                       (subject, or agent after `by`) condemns or demands what the content names
    between            the preposition that names the two parties of a joint act's noun ("a ceasefire between X
                       and Y"); English only so far
    absolute_with      the word that opens an absolute phrase after a comma (", with X threatening ..."): the
                       actor after it is the gerund's subject; English only so far
    since              the word opening a phrase of time that dates the act by a past event ("since its
                       independence from Britain"): its actors are no objects; English only so far
    agent_from         the preposition after an act's noun that names who did it ("criticism from China",
                       "aid from Japan"); English only so far
    matter, matter_prep nouns of a matter ("case", "probe", "scandal") and the prepositions of a phrase about
                       one ("in", "over"): a state qualifying the noun there is what the matter is about, no
                       party ("in a Russian spying case"); English only so far
    border, border_link, border_prep, border_modifier
                       nouns of a border, the words tying it to a state ("the border with X", "between"),
                       the prepositions of place before it and the adjectives that may stand between: a
                       state naming a border in such a phrase is a place ("near the Somali border"), while
                       "a deal on the Irish border" is about it; English only so far
    sea, sea_prep      nouns of a stretch of water or coast and the prepositions of place before them: a state
                       after "of" there names water ("off the coast of Yemen"); English only so far
    bound_for, destination_prep
                       words saying where a cargo or vessel was going and the prepositions after them
                       ("bound for", "en route to"); English only so far
    force_not_at_home  CAMEO codes of fighting an organ of a state never does to its own state as a whole (it
                       fires on someone: "fired on an aircraft over Greece's islands" names Greece as a place);
                       read by `stage.distrust_domestic`; the same codes in every language
    addressee          prepositions before whom a statement is made to or about ("spoke to X", "habló con X")
    audience           those a statement is made before ("told reporters", "en rueda de prensa"): with
                       `addressee`, `that`, determiners and dates, all that may stand between a statement's
                       verb and its target (`coding/stage.py`, statement_aside)
    date_prep          the words before a date ("on Monday", "am Montag", "na segunda-feira")
    personal_object    the preposition before a person as direct object (Spanish "a": "advirtió a Japón")
    warn               verbs of warning: a threat (130) only to the addressee right after them (`stage.warning_aside`)
    envoy, posted      an envoy noun and the prepositions of his post ("the ambassador in Moscow")
    host_acts_on_envoy the codes a host does to a guest envoy (summon, reprimand, expel): with no agent named,
                       the state of his post does them (`roles._posted_envoy_roles`)
    say                verbs of saying: an actor before one, with the act's subject after it ("Iran says
                       its navy seized ..."), is the speaker of a report, not the target of the act
    plural_verb        endings of third-person plural verb forms ("-n": "acusaron"): the subject left unsaid
                       is plural, one opened by a `plural_determiner` ("los", "las": "las autoridades")
    first_person_verb  endings of first-person forms ("-mos": "condenamos"): their subject is the speaker
    impersonal         the pronoun of an impersonal or passive verb ("se"): "se acusó a X" has no agent
    auxiliary, complement, that, opener, function: see dyad/coding/stage.py, modes.py and patterns.py
    flag               properties: verb_final, compounds, capitalised_nouns, located_people (people named
                       without a state are those of the place the sentence puts them in), nominal_against (an
                       actor after `against` is a nominal trigger's target, whatever the order of the actors),
                       pro_drop (a finite verb may leave its subject unsaid, the one of the sentence before:
                       dyad/coding/unsaid.py)

    grammar_for("de").has("werden", "wurde")   # -> True
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from dyad.data._load import read_tsv
from dyad.errors import DataFileError
from dyad.text.normalize import fold_key

CLASSES = frozenset(
    """determiner no_verb_after clause_opener conjunction relative relative_pronoun be werden reflexive
    unaccusative by of against infinitive and participle_opener preposition adjunct locative object_article both
    possessive gerund according told auxiliary complement that opener function flag adjective_agent
    destination bare_passive passive_after suffered suffered_in with mutual resolution adopt say attributed
    between absolute_with since agent_from matter matter_prep sent_from plural_verb first_person_verb
    plural_determiner impersonal border border_link border_prep border_modifier sea sea_prep bound_for
    destination_prep force_not_at_home addressee audience date_prep envoy posted host_acts_on_envoy warn
    personal_object""".split()
)
FLAGS = frozenset({"verb_final", "compounds", "capitalised_nouns", "located_people", "nominal_against", "pro_drop"})
_FILE = "lexicon/grammar.tsv"


@dataclass(frozen=True, slots=True)
class Grammar:
    lang: str
    words: dict[str, frozenset[str]]

    def of(self, cls: str) -> frozenset[str]:
        """The folded words of a class (empty when the language has none)."""
        return self.words.get(cls, frozenset())

    def has(self, cls: str, word: str) -> bool:
        return word in self.words.get(cls, ())

    def flag(self, name: str) -> bool:
        return name in self.words.get("flag", ())


@lru_cache(maxsize=1)
def _table() -> dict[str, dict[str, frozenset[str]]]:
    table: dict[str, dict[str, set[str]]] = {}
    for n, row in enumerate(read_tsv(_FILE, ("lang", "class", "words")), 1):
        cls = row["class"]
        if cls not in CLASSES:
            raise DataFileError(f"{_FILE}: row {n} has unknown class '{cls}'; use one of {sorted(CLASSES)}")
        words = {fold_key(w) for w in row["words"].split("|") if w.strip()}
        if cls == "flag" and words - FLAGS:
            raise DataFileError(f"{_FILE}: row {n} names unknown flags {sorted(words - FLAGS)}; use {sorted(FLAGS)}")
        table.setdefault(row["lang"], {}).setdefault(cls, set()).update(words)
    return {lang: {c: frozenset(w) for c, w in classes.items()} for lang, classes in table.items()}


def grammar_for(lang: str | None) -> Grammar:
    """The grammar of `lang`; English for None or a language the table lacks."""
    table = _table()
    key = lang if lang in table else "en"
    return Grammar(key, table[key])


def grammar_languages() -> tuple[str, ...]:
    return tuple(sorted(_table()))


def guess_language(texts: list[str], declared: str | None, languages: tuple[str, ...]) -> str | None:
    """A text's language among the coded ones: as declared, else the one whose function words it uses
    most (the `function` class); None when it uses none."""
    if declared in languages:
        return declared
    table = _table()
    counts = dict.fromkeys(languages, 0)
    for text in texts[:20]:
        for word in fold_key(text).split():
            for lang in languages:
                if word in table.get(lang, {}).get("function", ()):
                    counts[lang] += 1
    best = max(counts, key=lambda k: counts[k]) if counts else None
    return best if best is not None and counts[best] > 0 else None
