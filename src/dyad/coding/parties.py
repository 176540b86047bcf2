"""Who an act's parties are, beyond the clause reading of `roles.py`. Facts of news syntax (the function words are
the sentence's language's, dyad/coding/grammar.py; the verbs of saying are English and Spanish):

* a list of subjects ("The UAE and Egypt withdrew their diplomats from Qatar") gives one event per
  subject towards the object; the members act on each other only in a joint act (they agree, meet,
  sign, cooperate, cut ties or fight: roots 03-06, 08, 16 and 19, save the acts one party does to another
  listed in data/lexicon/one_way_codes.tsv: praise, visit, sanction ...) or when the sentence says so
  ("each other", "one another");
* a statement (010-019) is about someone: its target is whom it is addressed to ("told X", "said to X")
  or whom it is about (the subject of what was said: "said Y would ...", "Y did ..., X said"), never an
  actor met elsewhere in the sentence ("Ghana opened an embassy in Lima, the ministry said": not Lima);
* whoever a trailing attribution names (", the foreign ministry said", "according to X") reports the
  act; it is no party to it;
* a subject pronoun after a verb of saying ("X announced they will ...") is the sayer: the actors
  between it and the act are objects of other verbs;
* a world region ("West Africa", "Europe") is no state: it never acts, and is a party only when the
  sentence names no other;
* in an absolute phrase set off by a comma (", with Canada threatening to retaliate"), the actor between
  "with" and the gerund is the gerund's subject, not an object of the clause before it;
* a phrase of time opened by "since" names a past event to date the act by ("has promised free
  elections since its independence from Britain"): its actors are no objects of the clause before it;
* the noun of an act followed by "from X" ("drew criticism from China", "faced warnings from the EU",
  "aid from Japan") names X as who did it; the clause's subject is whom it is aimed at;
* a state named in a phrase about a matter ("in a Russian spying case", "over the Belarus espionage
  probe") says what the matter is about: it is no object of the act;
* a state that names a border in a phrase a preposition opens ("near the Somali border", "at the border
  with Syria", "along the frontier between X and Y") says where the act happened: no object of it, save
  for a show of force, which is aimed across the border ("massed troops near the Ukrainian border");
  a border with no preposition before it is the object ("reopened its border with Syria");
* a state that names a sea or coast ("a freighter stopped in the Gulf of Oman", "off the coast of
  Yemen") names water, not the state: no object of what was done there;
* a state named as where a cargo or vessel was going ("rifles destined for Italy", "a freighter sailing
  to Greece") is no object of an act done to the cargo or vessel; a gift's or delivery's destination is
  its recipient, so acts of visiting, cooperating, aid and yielding (roots 04-08) keep it;
* the noun of a joint act followed by "between X and Y" ("a ceasefire between Israel and Hamas", "talks
  between India and China", "welcomed the agreement between X and Y") names its two parties, who act on
  each other, whoever announced, hosted or welcomed it; a verb does not ("Egypt mediated between X and
  Y" is Egypt's act on both).
"""

from __future__ import annotations

from functools import lru_cache

from dyad.coding.grammar import Grammar
from dyad.coding.spans import UNARY, ActorSpan, Roles, after_preposition, enclosed, locative
from dyad.coding.triggers import TriggerMatch
from dyad.data._load import read_tsv
from dyad.doc import Mention

# Roots of acts two parties do together: a list of subjects with no object acts on each other.
JOINT_ROOTS = frozenset(("03", "04", "05", "06", "08", "16", "19"))
RECIPROCAL = (("each", "other"), ("one", "another"))
REPORTING = frozenset(
    """said says say announced announces added adds stated states told tells reported confirmed noted
    explained wrote tweeted insisted declared warned claimed indicated vowed pledged promised believes
    believed hoped hopes expects expected dijo afirmó anunció señaló indicó aseguró""".split()
)
SUBJECT_PRONOUNS = frozenset(("they", "it", "he", "she", "we"))
# Words that cannot stand between a reporter and its verb of saying (they open another clause).
_NOT_BETWEEN = frozenset((",", "that", "and", "who", "which", "to", "of", '"', "'"))
# A noun after these is an adjunct of purpose or time ("recalled their ambassadors for consultations").
_ADJUNCT = frozenset("for after before during since amid following despite ahead until tras para".split())
BETWEEN = "a joint act's noun with 'between X and Y': they are its parties"


def between_parties(norms: list[str], spans: list[ActorSpan], trigger: TriggerMatch, g: Grammar) -> list[Roles] | None:
    """The two parties a joint act's noun names after "between" (`g.of("between")`), each acting on the
    other; None when the trigger is no such noun or no two actors joined by "and" follow it."""
    if not trigger.pattern.nominal or not _joint_code(trigger.pattern.code, g):
        return None
    at = trigger.end_token
    if at + 1 < len(norms) and _plain_word(norms[at], g):
        at += 1  # one word of the same noun phrase may come first: "a ceasefire agreement between X and Y"
    if at >= len(norms) or norms[at] not in g.of("between"):
        return None
    first = at + 1
    while first < len(norms) and norms[first] in g.of("determiner"):
        first += 1
    after = sorted((s for s in spans if s.first >= first), key=lambda s: s.first)
    if len(after) < 2 or after[0].first != first:
        return None
    a, b = after[0], next((s for s in after[1:] if s.first > after[0].last), None)
    if b is None or a.mention.code == b.mention.code:
        return None
    gap = [w for w in norms[a.last + 1 : b.first] if w not in g.of("determiner")]
    if not gap or not all(w in g.of("and") for w in gap):
        return None
    return [Roles(a.mention, b.mention, BETWEEN), Roles(b.mention, a.mention, BETWEEN)]


def detached(norms: list[str], spans: list[ActorSpan], after: int, g: Grammar) -> list[tuple[int, int]]:
    """The token ranges after token `after` whose actors are no objects of the trigger's clause, each up to
    the next comma or the sentence's end: an absolute phrase (", with Y backing Z") and a phrase of time
    opened by a word of `g.of("since")` (English "since": "since its independence from Britain", but not
    what follows it: "missing since 1943, to Venafro, Italy")."""
    out = []
    for i in range(after, len(norms)):
        if norms[i] in g.of("since") or _absolute_actor(norms, spans, i, g) is not None:
            close = next((j for j in range(i + 2, len(norms)) if norms[j] in (",", ";", ":", ".")), len(norms))
            out.append((i, close))
    return out


def outside(span: ActorSpan, ranges: list[tuple[int, int]]) -> bool:
    """The actor starts in none of `ranges`."""
    return not any(a <= span.first < b for a, b in ranges)


FROM_AGENT = "the act's noun with 'from X': X did it, to the clause's subject"


def from_agent_roles(
    norms: list[str], spans: list[ActorSpan], trigger: TriggerMatch, before: list[ActorSpan], g: Grammar
) -> list[Roles] | None:
    """A nominal trigger right before a word of `g.of("agent_from")` (English "from") and an actor: that
    actor (and those joined to it by "and") acted, on the clause's subject (the last subject-like actor
    before the trigger); None when the trigger is no such noun or the clause names no subject."""
    at = trigger.end_token
    if not trigger.pattern.nominal or at >= len(norms) or norms[at] not in g.of("agent_from") or not before:
        return None
    first = at + 1
    while first < len(norms) and norms[first] in g.of("determiner"):
        first += 1
    ordered = sorted(spans, key=lambda s: s.first)
    agents = [s for s in ordered if s.first == first][:1]
    for s in ordered:
        if agents and s.first > agents[-1].last and _joined_by_and(norms, agents[-1], s, g):
            agents.append(s)
    target = before[-1].mention
    found = [Roles(a.mention, target, FROM_AGENT) for a in agents if a.mention.code != target.code]
    return found or None


def _joined_by_and(norms: list[str], a: ActorSpan, b: ActorSpan, g: Grammar) -> bool:
    gap = [w for w in norms[a.last + 1 : b.first] if w not in g.of("determiner")]
    return bool(gap) and all(w in g.of("and") for w in gap)


def about_a_matter(norms: list[str], span: ActorSpan, g: Grammar) -> bool:
    """The actor qualifies a noun of `g.of("matter")` ("case", "probe", "scandal" ...; English) at most two
    words after it, in a phrase opened by a word of `g.of("matter_prep")` ("in", "over"): "arrested a
    second suspect in a Russian spying case" arrests no Russian."""
    prep = after_preposition(norms, span, g)
    if prep is None or prep not in g.of("matter_prep"):
        return False
    return any(w in g.of("matter") for w in norms[span.last + 1 : span.last + 3])


def names_a_border(norms: list[str], span: ActorSpan, g: Grammar) -> bool:
    """The actor only qualifies a border (a word of `g.of("border")`) in a phrase opened by a preposition:
    "the Somali border" or "Turkey's border" right after the actor, or "the border with X", "the frontier
    between X and Y" right before it. English only so far (the class is empty elsewhere)."""
    border = g.of("border")
    if not border:
        return False
    if span.last + 1 < len(norms) and norms[span.last + 1] in border:
        return _opened_by_preposition(norms, span.first - 1, g)  # "near the Somali border"
    link = g.of("border_link")
    for k in range(span.first - 1, max(span.first - 6, 0), -1):
        if norms[k] in link and norms[k - 1] in border:
            return _opened_by_preposition(norms, k - 2, g)  # "at the border with Syria"
        if not (norms[k] in g.of("determiner") or norms[k] in g.of("and") or _plain_word(norms[k], g)):
            return False
    return False


def _opened_by_preposition(norms: list[str], at: int, g: Grammar) -> bool:
    """A preposition of place (`g.of("border_prep")`) at `at`, or before the determiners and words of
    `g.of("border_modifier")` that end there ("near the disputed", "along its"): the border phrase is a
    place, not an object. Not "on" or "over", which also name what talks are about ("a deal on the Irish
    border")."""
    skip = g.of("determiner") | g.of("border_modifier")
    while at >= 0 and norms[at] in skip:
        at -= 1
    return at >= 0 and norms[at] in g.of("border_prep")


def names_a_sea(norms: list[str], span: ActorSpan, g: Grammar) -> bool:
    """The actor names a sea or coast after "of" in a phrase a preposition of place opens ("in the Gulf of
    Oman", "off the coast of Yemen", "into the Sea of Japan"): a stretch of water, not the state. English
    only so far (the classes `sea`, `sea_prep` are empty elsewhere)."""
    if after_preposition(norms, span, g) not in g.of("of"):
        return False
    i = span.first - 1
    while i >= 0 and norms[i] not in g.of("of"):
        i -= 1
    if i < 1 or norms[i - 1] not in g.of("sea"):
        return False
    k = i - 2
    while k >= 0 and norms[k] in g.of("determiner"):
        k -= 1
    return k >= 0 and norms[k] in g.of("sea_prep")


def cargo_destination(norms: list[str], span: ActorSpan, g: Grammar) -> bool:
    """The actor follows a word of `g.of("bound_for")` and the preposition after it ("bound for", "en route
    to", "heading to"): where a cargo or vessel was going. English only so far."""
    i = span.first - 1
    while i >= 0 and norms[i] in g.of("determiner"):
        i -= 1
    return i >= 1 and norms[i] in g.of("destination_prep") and norms[i - 1] in g.of("bound_for")


def _plain_word(word: str, g: Grammar) -> bool:
    """A word that may stand inside a noun phrase: no function word, preposition, article or conjunction."""
    closed = g.of("function") | g.of("preposition") | g.of("determiner") | g.of("and") | g.of("be")
    return word.isalpha() and word not in closed and word not in g.of("relative")


def absolute_subject(norms: list[str], spans: list[ActorSpan], start: int, g: Grammar) -> ActorSpan | None:
    """The actor of an absolute phrase (", with X V-ing ...") when the trigger at `start` is its gerund;
    None when the trigger stands in no such phrase."""
    actor = next((s for s in spans if s.last == start - 1), None)
    if actor is None or _absolute_actor(norms, spans, actor.first - 1, g) is not actor:
        return None
    return actor


def _absolute_actor(norms: list[str], spans: list[ActorSpan], at: int, g: Grammar) -> ActorSpan | None:
    """The actor after the word at `at` when it opens an absolute phrase: a comma, a word of
    `g.of("absolute_with")` (English "with"), determiners, an actor, then a gerund."""
    if at <= 0 or norms[at] not in g.of("absolute_with") or norms[at - 1] != ",":
        return None
    endings = tuple(w[1:] for w in g.of("gerund") if w.startswith("-"))
    first = at + 1
    while first < len(norms) and norms[first] in g.of("determiner"):
        first += 1
    actor = next((s for s in spans if s.first == first), None)
    if actor is None or not endings or actor.last + 1 >= len(norms):
        return None
    gerund = norms[actor.last + 1]
    return actor if gerund.endswith(endings) and len(gerund) > 5 else None


def is_region(m: Mention) -> bool:
    """A world region ("West Africa", "the Middle East"): no state; a regional organisation ("Southeast Asian
    nations": ASEAN) is one."""
    return m.kind == "region" and not m.code.startswith("IGO")


def subject_list(norms: list[str], before: list[ActorSpan], g: Grammar) -> list[ActorSpan]:
    """The list of subjects that ends with `before[-1]` ("The UAE, Bahrain and Egypt"), in order."""
    if not before:
        return []
    last = before[-1]
    # one phrase may name several ("the three Andean nations"): each is a subject
    group = [s for s in before if (s.first, s.last) == (last.first, last.last)]
    for s in reversed([s for s in before if s.last < last.first]):
        between = norms[s.last + 1 : group[0].first]
        if not between or not all(_joins(w, g) for w in between):
            break
        if not any(w in g.of("and") for w in between) and not any(
            w in g.of("and") for w in norms[group[0].last + 1 : group[-1].first]
        ):
            break  # "X, Y" with no "and" after it: an apposition, not a list
        group.insert(0, s)
    return group


def joint(trigger: TriggerMatch, norms: list[str], g: Grammar) -> bool:
    """Whether the act can be done by two parties to each other ("signed", "met", "clashed"); a noun after a
    preposition is no such act ("recalled their ambassadors for consultations")."""
    start = trigger.start_token
    before = start - 1
    while before >= 0 and norms[before] in g.of("determiner"):
        before -= 1
    adjunct = trigger.pattern.nominal and before >= 0 and norms[before] in _ADJUNCT
    if _joint_code(trigger.pattern.code, g) and not adjunct:
        return True
    pairs = set(zip(norms, norms[1:], strict=False))
    return any(p in pairs for p in RECIPROCAL)


@lru_cache(maxsize=8)
def _one_way_codes(lang: str) -> tuple[str, ...]:
    """The codes of `data/lexicon/one_way_codes.tsv` checked in `lang`: acts of the joint roots that one
    party does to another."""
    rows = read_tsv("lexicon/one_way_codes.tsv", ("code", "langs", "act"))
    return tuple(row["code"] for row in rows if lang in row["langs"].split("|"))


def _joint_code(code: str, g: Grammar) -> bool:
    """An act two parties can do to each other: one of the joint roots, and not one of its one-way codes."""
    return code[:2] in JOINT_ROOTS and not code.startswith(_one_way_codes(g.lang))


def attribution(norms: list[str], span: ActorSpan, g: Grammar) -> bool:
    """The actor reports the act: ", the foreign ministry said", ", said the ministry", "according to X",
    "as reported by X"; or hears the report: "told reporters"."""
    i = span.first - 1
    while i >= 0 and norms[i] in g.of("determiner"):
        i -= 1
    # ", the ministry said", ", an AFP photographer said", ", officials also said"
    after = norms[span.last + 1 : span.last + 4]
    said = next((k for k, w in enumerate(after) if w in REPORTING), None)
    if i >= 0 and norms[i] == "," and said is not None:
        return not any(w in _NOT_BETWEEN for w in after[:said])
    if i >= 1 and norms[i] in REPORTING and norms[i - 1] == ",":
        return True
    if i >= 1 and norms[i] == "by" and norms[i - 1] in REPORTING | {"quoted", "cited"}:
        return True  # "as reported by Azeri media"
    told = g.of("told")
    if i >= 1 and norms[i] not in told and norms[i] in g.of("complement") and norms[i - 1] in told:
        i -= 1  # "disse à AFP", "dijo a EFE", "a déclaré à l'AFP"
    if i >= 0 and norms[i] in told and span.mention.sector == "MED":
        return True  # "told reporters": the press is the channel of a report, not its addressee
    # "according to X", "según X", "segundo X", "selon X", "laut X"
    return any(
        i + 1 >= len(words) and norms[i + 1 - len(words) : i + 1] == words
        for words in (phrase.split() for phrase in g.of("according"))
    )


def sayer(
    norms: list[str], spans: list[ActorSpan], left: int, start: int, g: Grammar
) -> tuple[int, list[ActorSpan]] | None:
    """ "X announced they will be joining Y and withdrawing ...": (the pronoun's token, the subjects before it)
    for a subject pronoun that follows a verb of saying (or "that" after one); else None."""
    pronoun = next(
        (
            i
            for i in range(max(left, 1), start)
            if norms[i] in SUBJECT_PRONOUNS
            and (norms[i - 1] in REPORTING or (norms[i - 1] == "that" and i >= 2 and norms[i - 2] in REPORTING))
        ),
        None,
    )
    if pronoun is None:
        return None
    subjects = [s for s in spans if s.last < pronoun and after_preposition(norms, s, g) is None]
    subjects = [s for s in subjects if not enclosed(norms, s, pronoun, g)]
    return (pronoun, subjects) if subjects else None


def inverted_speaker(norms: list[str], spans: list[ActorSpan], trigger: TriggerMatch, g: Grammar) -> ActorSpan | None:
    """ '"...," said Brazil's president': a verb of saying after a quote or comma, its subject after it."""
    start = trigger.start_token
    if start == 0 or norms[start - 1] not in (",", '"', "'", "”", "“"):
        return None
    # the press told is no speaker: ", disse à Reuters o porta-voz ..."
    nxt = next((s for s in spans if s.first >= trigger.head_end and not attribution(norms, s, g)), None)
    if nxt is None:
        return None
    told = [s.last + 1 for s in spans if trigger.head_end <= s.first and s.last < nxt.first]
    if nxt.first - max([trigger.head_end, *told]) > 2 or after_preposition(norms, nxt, g) is not None:
        return None
    return nxt


def statement_target(
    norms: list[str], spans: list[ActorSpan], trigger: TriggerMatch, source: Mention, g: Grammar
) -> Mention | None:
    """Whom a statement is addressed to or about, or None when the sentence names no one so.

    After the trigger: the first actor that is no place ("told X", "said X would", "concern about X").
    Before it, only when the saying closes the sentence ("Y has done ..., X said"): the subject of what
    was said. Else a place after the trigger ("denied charges in Estonia"), and last a region."""
    after = [
        s
        for s in spans
        if s.first >= trigger.head_end and s.mention.code != source.code and not attribution(norms, s, g)
    ]
    first = next((s for s in after if _addressee(norms, s, g)), None)
    if first is not None:
        return first.mention
    start = trigger.start_token
    if start > 0 and any(w in (",", '"', "'") for w in norms[max(0, start - 4) : start]):
        content = [s for s in spans if s.last < start and s.mention is not source]
        subject = next((s for s in content if after_preposition(norms, s, g) is None), None)
        if subject is not None and subject.mention.code != source.code and not is_region(subject.mention):
            return subject.mention
    place = next((s for s in after if not is_region(s.mention)), None) or next(iter(after), None)
    return place.mention if place is not None else None


def _addressee(norms: list[str], s: ActorSpan, g: Grammar) -> bool:
    """An actor after a statement's trigger it can be addressed to or about: not a place ("said in Moscow"),
    not the one reporting it, not a region."""
    return not locative(norms, s, g) and not attribution(norms, s, g) and not is_region(s.mention)


def settle(
    norms: list[str], spans: list[ActorSpan], trigger: TriggerMatch, found: list[Roles], g: Grammar
) -> list[Roles]:
    """The clause reading's roles under the rules above: a statement keeps only a target it is addressed to
    or about (else it is dropped); members of a list of subjects do not act on each other unless the act
    is joint; a region never acts."""
    out: list[Roles] = []
    by_mention = {id(s.mention): s for s in spans}
    for roles in found:
        if is_region(roles.source):
            continue
        if roles.why == BETWEEN:
            out.append(roles)  # the two members of "between X and Y" do act on each other
            continue
        if trigger.pattern.code.startswith("01"):
            span = by_mention.get(id(roles.target))
            fits = statement_target(norms, spans, trigger, roles.source, g)
            after_ok = span is not None and span.first >= trigger.head_end and _addressee(norms, span, g)
            if not after_ok and fits is not roles.target:
                if fits is None:
                    # "The White House declined to comment": a statement addressed to no one named; each
                    # speaker once, as a one-actor event
                    if not any(r.source is roles.source for r in out):
                        out.append(Roles(roles.source, roles.source, UNARY, structural=False))
                    continue
                roles = Roles(roles.source, fits, roles.why + "; a statement's target is whom it is about")
        acting_together = joint(trigger, norms, g) and _subject(norms, spans, roles.source, g)
        towards_another = _object_named(norms, spans, trigger, roles, g)
        if members(norms, spans, roles, g) and not (acting_together and not towards_another):
            # "Peru and Chile condemned ...", "visited Benin, Eritrea and Botswana on a tour"; and a joint
            # act with its object named ("Mexico and Chile recalled their envoys from Caracas") is towards it
            continue
        out.append(roles)
    return out


def _object_named(norms: list[str], spans: list[ActorSpan], trigger: TriggerMatch, roles: Roles, g: Grammar) -> bool:
    """Another actor than the two stands after the trigger, not as a place ("held talks in Geneva"): the act's
    object."""
    parties = {m.country or m.code for m in (roles.source, roles.target)}
    return any(
        s.first >= trigger.head_end and (s.mention.country or s.mention.code) not in parties
        and not locative(norms, s, g)
        for s in spans
    )


def members(norms: list[str], spans: list[ActorSpan], roles: Roles, g: Grammar) -> bool:
    """Source and target are two members of one list ("Colombia and Chile", "the UAE, Bahrain and Egypt")."""
    by_mention = {id(s.mention): s for s in spans}
    a, b = by_mention.get(id(roles.source)), by_mention.get(id(roles.target))
    if a is None or b is None or a is b:
        return False
    first, last = (a, b) if a.first < b.first else (b, a)
    inside = sorted((s for s in spans if first.last < s.first and s.last < last.first), key=lambda s: s.first)
    chain = [first, *inside, last]
    gaps = [norms[x.last + 1 : y.first] for x, y in zip(chain, chain[1:], strict=False)]
    return all(gap and all(_joins(w, g) for w in gap) for gap in gaps) and any(
        w in g.of("and") for gap in gaps for w in gap
    )


def _subject(norms: list[str], spans: list[ActorSpan], m: Mention, g: Grammar) -> bool:
    """The actor stands where a subject does: after no preposition."""
    span = next((s for s in spans if s.mention is m), None)
    return span is not None and after_preposition(norms, span, g) is None


def _joins(word: str, g: Grammar) -> bool:
    """A word that may stand between two members of a list: "and", a comma, an article ("and the rebels")."""
    return word in g.of("and") or word == "," or word in g.of("determiner")
