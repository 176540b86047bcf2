"""Read one parsed sentence: which missions changed, and which relations, as the sentence says.

A change word ("closed", "geschlossen", "rappelé") pairs with the nearest mission word of its clause
("embassy", "Botschaft", "ambassadeur"); a relation word ("cut", "rompió") with the nearest relations word
("diplomatic ties", "relaciones"). Who and where come from the words around them (`parties`), how the
sentence reports it and when from its mode and date words (`modes`).
"""

from __future__ import annotations

from dyad.doc import MissionChange, RelationChange, Trigger
from dyad.missions.lexicon import Cue, CueMatch
from dyad.missions.modes import mode_of, status_of, stored_status, when
from dyad.missions.parties import (
    Context,
    Parties,
    mission_parties,
    reciprocal,
    subject_of,
)
from dyad.missions.phrases import anchor_list, attributes, host_phrase
from dyad.missions.sentence import Anchor, Parsed
from dyad.text.dates import DateMention, date_words, find_dates, is_before

_RELATION_GAP = 6
_OPENINGS = ("opened",)  # a reopening may be an envoy's: "reinstated its envoy in Paris"

__all__ = ["Context", "read"]


def read(
    parsed: Parsed, sentence: int, doc_date: str | None, context: Context, exclusive: dict[str, str] | None = None
) -> tuple[list[MissionChange], list[RelationChange]]:
    """The mission and relation changes of one sentence (every mode: the caller keeps the news).

    `exclusive` maps a state to the one whose recognition excludes it (CHN <-> TWN).
    """
    missions: list[MissionChange] = []
    relations: list[RelationChange] = []
    dates = find_dates(parsed.folded, doc_date, date_words(parsed.lex.lang))
    # a dateless sentence after the lede, within a paragraph that tells the past, tells the past too
    context.narrating_past = context.past and not dates and sentence >= _LEDE
    for cue, rel_noun in _relation_pairs(parsed):
        relations.extend(_relation_changes(parsed, cue, rel_noun, sentence, doc_date, dates, context, exclusive or {}))
    for cue, noun in _pairs(parsed):
        missions.extend(
            _mission_changes(
                parsed, cue, noun, sentence, doc_date, dates, context, missions, [r for r in relations if r.news]
            )
        )
    if not missions:
        missions.extend(_their_turn(parsed, sentence, doc_date, dates, context, [r for r in relations if r.news]))
    subject = subject_of(parsed, len(parsed.tokens), set())
    if subject:
        context.subject = [a.country for a in subject]
    context.past = _tells_past(parsed, dates, doc_date, context.past)
    return missions, relations


_LEDE = 3  # the first sentences (headline, lede) give the news


def _tells_past(parsed: Parsed, dates: list[DateMention], doc_date: str | None, before: bool) -> bool:
    """Whether the story is telling the past after this sentence: it dates something before the article,
    or uses the past perfect outside reported speech ("had broken off ties"); a date of the article's
    days brings it back to the news."""
    if any(not (d.past or is_before(d.date, doc_date)) for d in dates):
        return False
    if any(m.cue.value == "present" for m in parsed.role_matches("mode")):
        return False  # "has withdrawn", "ha roto": the present perfect tells today's news
    speech = [m.start for m in parsed.role_matches("mode") if m.cue.value == "speech"]
    pluperfect = any(
        m.cue.value == "pluperfect" and not any(i < m.start for i in speech) for m in parsed.role_matches("mode")
    )
    return bool(dates) or pluperfect or before


# ---------------------------------------------------------------------------------------- pairing


def _gap(parsed: Parsed, a: CueMatch, b: CueMatch) -> float:
    """Words between two cues, not counting articles and possessives, a country's name as one word, nor an
    insert between commas; a mission word before its change word counts half a word more (most languages
    put the object after)."""
    lo, hi = (a.end, b.start) if a.end <= b.start else (b.end, a.start)
    commas = [k for k in range(lo, hi) if parsed.word(k) == ","]
    words, i = 0, lo
    while i < hi:
        if len(commas) >= 2 and commas[0] <= i <= commas[-1]:
            i += 1  # "L'ambassade, fermée au début de la guerre, a rouvert": an insert between commas
            continue
        anchor = parsed.anchor_at(i)
        if anchor is not None:
            words += 0 if anchor.end in (b.start, a.start) else 1  # "the Saudi embassy": part of the noun
            i = max(anchor.end, i + 1)
            continue
        tok = parsed.tokens[i]
        name = i > 0 and parsed.text[tok.start : tok.start + 1].isupper()  # "Fernando Marín": an apposition
        words += 0 if parsed.is_("article", i) or parsed.is_("possessive", i) or name else 1
        i += 1
    return words + (0.5 if b.end <= a.start else 0.0)


def _nearest(parsed: Parsed, cue: CueMatch, nouns: list[CueMatch], limit: int) -> tuple[float, CueMatch] | None:
    best: tuple[float, CueMatch] | None = None
    for noun in nouns:
        score = _gap(parsed, cue, noun) + (0 if parsed.clause[noun.start] == parsed.clause[cue.start] else limit / 2)
        if score <= limit and (best is None or score < best[0]):
            best = (score, noun)
    return best


def _pairs(parsed: Parsed) -> list[tuple[CueMatch, CueMatch | None]]:
    """Each change word with its mission word; a word that reads better as a relation change is left out."""
    limit = parsed.lex.settings["gap"]
    rel_nouns = parsed.role_matches("relations")
    out: list[tuple[CueMatch, CueMatch | None]] = []
    for cue in parsed.role_matches("change"):
        if _of_something_else(parsed, cue):
            continue
        # staff ("diplomats") pairs only with a change that says what it does to them ("withdrew", "expelled")
        # an opening is a mission's, never an ambassador's: "the inauguration was attended by the UAE's
        # ambassador to Tonga" opens no Emirati mission in Tonga
        nouns = [
            n for n in parsed.role_matches("noun")
            if (n.cue.value != "staff" or cue.cue.value.count("|") == 2 or cue.cue.needs == "alone")
            and (n.cue.needs != "definite" or parsed.is_("definite", n.start - 1))
            and (n.cue.needs != "owned" or _owned(parsed, n))
            and not (n.cue.value == "ambassador" and cue.cue.value in _OPENINGS)
        ]
        best = _nearest(parsed, cue, nouns, limit)
        rel = _nearest(parsed, cue, rel_nouns, _RELATION_GAP)
        twin = any(m.cue.role == "relation" and m.start == cue.start for m in parsed.matches)
        if twin and rel is not None and (best is None or rel[0] <= best[0]):
            continue
        if best is not None and (_acts_on_its_own_object(parsed, cue, best[1]) or _acts_on_a_way(parsed, cue, best[1])):
            continue
        if best is not None:
            # "the visa section of the embassy was closed": the service the mission word qualifies changed
            service = [n for n in nouns if n.cue.value == "service" and 0 <= best[1].start - n.end <= 3]
            out.append((cue, service[0] if service else best[1]))
        elif cue.cue.needs == "alone":
            out.append((cue, None))
    return out


_PREPOSITIONS = ("host", "from", "owner", "with", "agent", "dest", "between")


def _acts_on_its_own_object(parsed: Parsed, cue: CueMatch, noun: CueMatch) -> bool:
    """ "Nas ruas que cercam a entrada da embaixada, membros do Exército retiram grandes blocos", "Near the
    embassy, police closed the road": a mission word a preposition governs before a comma is where it
    happens, and a change verb after the comma with an object of its own (a word that is no preposition,
    no mission word and no state) acts on that object."""
    if noun.start >= cue.start or not any(parsed.word(k) == "," for k in range(noun.end, cue.start)):
        return False
    if any(parsed.word(k) == "," for k in range(0, noun.start)):
        return False
    # the sentence opens with a phrase that is no noun phrase: a preposition ("Near", "Em frente à", "Nas")
    first = 0
    if (
        parsed.is_("article", first) or parsed.is_("possessive", first) or parsed.anchor_at(first) is not None
        or any(m.start == first and m.cue.role in ("noun", "change") for m in parsed.matches)
    ):
        return False
    k = cue.end
    while parsed.is_("article", k):
        k += 1
    if k >= len(parsed.tokens) or not parsed.word(k).isalpha() or parsed.anchor_at(k) is not None:
        return False
    if any(parsed.is_(role, k) for role in (*_PREPOSITIONS, "possessive", "conj", "boundary", "pronoun")):
        return False
    return not any(m.start <= k < m.end for m in parsed.matches)


def _acts_on_a_way(parsed: Parsed, cue: CueMatch, noun: CueMatch) -> bool:
    """ "Police closed the street outside the embassy", "a polícia fechou a avenida diante da embaixada": a
    street, road or bridge between a change verb and the mission word after it is what the verb closes or
    reopens, the mission only where it lies; "closed the road and the embassy" (a list) still closes both."""
    if noun.start < cue.end:
        return False
    ways = [k for k in range(cue.end, noun.start) if parsed.role_at("passage", k)]
    if not ways:
        return False
    between = range(ways[0] + 1, noun.start)
    return not any(parsed.word(k) == "," or parsed.is_("conj", k) or parsed.is_("boundary", k) for k in between)


def _owned(parsed: Parsed, noun: CueMatch) -> bool:
    """A word that is a mission word only with the state it serves: after it ("representantes de México y
    España", not "representantes de sectores como la cultura"), or the subject's, by a possessive and a
    place ("llamó a consultas a su representante en Lima", not "sus representantes" alone)."""
    if parsed.is_("possessive", noun.start - 1) and parsed.is_("host", noun.end):
        return True
    j = noun.end + 1
    while parsed.is_("article", j):
        j += 1
    return parsed.is_("owner", noun.end) and parsed.anchor_at(j) is not None


def _owner_named_after(parsed: Parsed, noun: CueMatch | None) -> bool:
    """ "chamou o embaixador da Namíbia": a state names its own envoy with a possessive or a demonym, not with
    its own name after "of"; an owner so named is another state, whose envoy is summoned, not recalled."""
    if noun is None or not parsed.is_("owner", noun.end):
        return False
    j = noun.end + 1
    while parsed.is_("article", j):
        j += 1
    return parsed.anchor_at(j) is not None


def _of_something_else(parsed: Parsed, cue: CueMatch) -> bool:
    """ "la retirada de obstáculos", "the closure of the border", "die Schließung der Grenze": a change noun
    whose "of" names, within a few words, neither a mission word nor a state changes something else. A
    change word is a noun when an article, a possessive or a preposition stands before it ("trasladó de
    forma temporal su embajada", "foi expulso do país", "decidió retirar de forma permanente" are verbs)."""
    before = cue.start - 1
    last = parsed.word(cue.end - 1)
    infinitive = any(last.endswith(e) and m == "intent" and len(last) > len(e) + 3 for e, m in parsed.lex.endings)
    noun = any(parsed.is_(role, before) for role in ("article", "possessive", "host")) and not infinitive
    if not noun or not parsed.is_("owner", cue.end):
        return False
    j = cue.end + 1
    if parsed.is_("possessive", j):
        return False  # "el cierre de su sede": its own, likely the mission under another name
    while parsed.is_("article", j) or parsed.is_("filler", j):
        j += 1
    if any(start == j for start, _ in attributes(parsed)):
        return False  # "die Wiedereröffnung der Mitte Februar geschlossenen Botschaft": a mission word follows
    if parsed.is_("activity", j):
        return False  # "la reprise des activités (à l'ambassade)": a mission's own activity is the mission
    if j >= len(parsed.tokens) or not parsed.word(j).isalpha():
        return False
    starts = {m.start for m in parsed.matches if m.cue.role in ("noun", "relations")}
    return not any(k in starts or parsed.anchor_at(k) is not None for k in range(j, min(j + 3, len(parsed.tokens))))


def _relation_pairs(parsed: Parsed) -> list[tuple[CueMatch, CueMatch | None]]:
    limit = parsed.lex.settings["gap"]
    nouns, rel_nouns = parsed.role_matches("noun"), parsed.role_matches("relations")
    out: list[tuple[CueMatch, CueMatch | None]] = []
    for cue in parsed.role_matches("relation"):
        rel = _nearest(parsed, cue, rel_nouns, _RELATION_GAP)
        if rel is None:
            if cue.cue.needs == "alone":
                out.append((cue, None))
            continue
        twin = any(m.cue.role == "change" and m.start == cue.start for m in parsed.matches)
        best = _nearest(parsed, cue, nouns, limit) if twin else None
        if best is None or rel[0] <= best[0]:
            out.append((cue, rel[1]))
    return out


# ---------------------------------------------------------------------------------------- the records


def _again(parsed: Parsed, cue: CueMatch) -> bool:
    """An "again" word in the few words before the change word, or in it."""
    return any(parsed.role_at("again", i) for i in range(max(0, cue.start - 5), cue.end))


def _trigger(parsed: Parsed, cue: CueMatch) -> Trigger:
    start, end = parsed.tokens[cue.start].start, parsed.tokens[cue.end - 1].end
    return Trigger(parsed.text[start:end], start, end)


def _mission_changes(
    parsed: Parsed,
    cue: CueMatch,
    noun: CueMatch | None,
    sentence: int,
    doc_date: str | None,
    dates: list[DateMention],
    context: Context,
    earlier: list[MissionChange],
    relations: list[RelationChange],
) -> list[MissionChange]:
    noun_kind = noun.cue.value if noun is not None else "ambassador"
    if noun_kind == "service":
        return []  # "suspended its consular services", "die Visastelle geschlossen": the mission stays open
    status = status_of(cue, noun_kind)
    if status == "-" and _told_to_leave_by_a_deadline(parsed, cue, noun_kind):
        status = "ambassador expelled"
    if status == "-":
        return []
    if _declares_a_leader(parsed, cue, status) or _civilians_leave(parsed, cue, noun):
        return []
    if _declares_a_people(parsed, cue, noun, status):
        return []
    if status == "opened" and _again(parsed, cue):
        status = "reopened"  # "wieder eröffnet", "de nuevo abierta"
    mode = mode_of(parsed, cue, status, noun)
    date, mode = when(parsed, cue, mode, doc_date, dates, status, context.narrating_past)
    parties: Parties = mission_parties(parsed, cue, noun, status, context, earlier, relations)
    if cue.cue.needs == "own" and (
        not (parties.subject and set(parties.owners) <= set(parties.subject)) or _owner_named_after(parsed, noun)
    ):
        return []  # "convocou o seu embaixador" recalls it; "convocou o embaixador de Israel" summons another's
    if status == "relocated" and not any(city for _, city in parties.hosts):
        return []  # "moved" without the city it moved to is no relocation
    stored, plan, mode_name = stored_status(status, mode.mode)
    if status == "reopened":
        stored, plan = ("opened", None) if stored == "reopened" else (stored, "opened" if plan else None)
    kind = {"ambassador": "embassy", "staff": "embassy"}.get(noun_kind, noun_kind)
    noun_text = parsed.span_text(noun.start, noun.end) if noun is not None else ""
    pairs = reciprocal(parsed, cue, noun, parties)
    if not pairs and _unnamed_several(noun, parties):
        return []
    why = parties.why
    if pairs:
        why = [*why, "each in the other's country"]
    else:
        pairs = [(o, h, city) for o in dict.fromkeys(parties.owners) for h, city in parties.hosts]
    rule = (
        f"{parsed.lex.lang} change '{cue.cue.text}' ({status}) + mission word '{noun_text or '-'}'; "
        + "; ".join(why)
        + f"; {mode.why}"
    )
    out = []
    for owner, host, city in pairs:
        if owner != host:
            out.append(
                MissionChange(
                    owner,
                    host,
                    city,
                    kind,
                    stored,
                    mode_name,
                    date,
                    sentence,
                    _trigger(parsed, cue),
                    rule,
                    plan=plan,
                    from_city=parties.from_city,
                    noun=noun_text,
                    district=parties.districts.get(city) if city else None,
                )
            )
    if out and out[-1].news:
        context.mission = (out[-1].sender, out[-1].host)
        context.main = context.main or context.mission
        context.change = status
    return out


def _their_turn(
    parsed: Parsed,
    sentence: int,
    doc_date: str | None,
    dates: list[DateMention],
    context: Context,
    relations: list[RelationChange],
) -> list[MissionChange]:
    """ "Puis ce fut le tour des représentants diplomatiques syriens en Italie et en Espagne": a sentence
    with no change word of its own that gives the turn to missions named after a turn phrase reports the
    story's last change again, for them."""
    turns = parsed.role_matches("turn")
    if not turns or context.change is None:
        return []
    turn = turns[0]
    # the missions named after the phrase, or before it where the verb comes last ("war der ... Botschafter
    # in Santiago an der Reihe")
    near = [n for n in parsed.role_matches("noun") if -8 <= n.start - turn.end <= 4 and n.start != turn.start]
    if not near:
        return []
    noun = min(near, key=lambda n: abs(n.start - turn.end))
    said = Cue(turn.cue.text, turn.cue.words, "change", context.change, "", "before")
    cue = CueMatch(turn.start, turn.end, said)
    return _mission_changes(parsed, cue, noun, sentence, doc_date, dates, context, [], relations)


def _unnamed_several(noun: CueMatch | None, parties: Parties) -> bool:
    """One state's missions in the plural, none of them placed by the sentence ("the US reopened 18 of
    the 19 embassies it had closed", "the other shuttered embassies"): several missions and no host named
    for any, so none is the story's mission; "A and B reopened their embassies" is each in the other's."""
    return noun is not None and noun.cue.needs == "plural" and not parties.named_host and len(set(parties.owners)) == 1


def _told_to_leave_by_a_deadline(parsed: Parsed, cue: CueMatch, noun_kind: str) -> bool:
    """A mission told to leave within a deadline ("the Iranian mission was asked to leave within 48
    hours") has its diplomats expelled; without one ("staff at the embassy were ordered to leave the
    country because of the threat") it may be an evacuation, and a leaving word says nothing of it."""
    expels = cue.cue.value.split("|")[0] == "ambassador expelled"
    deadline = any(m.cue.value == "order" for m in parsed.role_matches("mode"))
    return expels and noun_kind not in ("ambassador", "staff") and deadline


_CIVILIANS_REACH = 8


def _civilians_leave(parsed: Parsed, cue: CueMatch, noun: CueMatch | None) -> bool:
    """ "urged its citizens in Yemen to leave the country", "appelle ses ressortissants à quitter le pays": a
    leaving word with no mission word, whose leavers are a state's citizens or its companies, is advice or an
    evacuation; no envoy is expelled."""
    if noun is not None or cue.cue.needs != "alone":
        return False
    reach = range(max(0, cue.start - _CIVILIANS_REACH), cue.start)
    return any(parsed.role_at("civilians", k) for k in reach) or any(_a_people_at(parsed, k) for k in reach)


def _a_people_at(parsed: Parsed, k: int) -> bool:
    """ "vuelos para los canadienses que quieren abandonar el país": a demonym after an article, with no noun of its
    own after it, names the people of a state, not its envoy."""
    anchor = parsed.anchor_at(k)
    if anchor is None or anchor.start != k or anchor.kind != "demonym" or not parsed.is_("article", k - 1):
        return False
    return not any(m.start == anchor.end and m.cue.role == "noun" for m in parsed.matches)


def _declares_a_leader(parsed: Parsed, cue: CueMatch, status: str) -> bool:
    """ "declared President Lula persona non grata": the person an expulsion word names is a state's
    leader, not its envoy; no ambassador is expelled."""
    if status != "ambassador expelled" or cue.cue.needs != "alone":
        return False
    declared = parsed.anchor_at(cue.start - 1)
    return declared is not None and declared.kind == "leader"


def _declares_a_people(parsed: Parsed, cue: CueMatch, noun: CueMatch | None, status: str) -> bool:
    """ "Les Espagnols, déclarés persona non grata, doivent quitter la Russie", "the Russians declared persona
    non grata": an expulsion word with no mission word, whose clause opens with a people named by its
    demonym ("the Spaniards"), expels that state's nationals (its diplomats or staff, the ambassador not
    named among them), and the state named after it is the expelling one: no mission change is read."""
    if status != "ambassador expelled" or cue.cue.needs != "alone" or noun is not None:
        return False
    clause = parsed.clause[cue.start]
    first = next((a for a in parsed.anchors if a.end <= cue.start and parsed.clause[a.start] == clause), None)
    if first is None:
        first = next((a for a in parsed.anchors if a.end <= cue.start), None)
    return first is not None and first.kind == "demonym" and first.start > 0 and parsed.is_("article", first.start - 1)


def _relation_changes(
    parsed: Parsed,
    cue: CueMatch,
    noun: CueMatch | None,
    sentence: int,
    doc_date: str | None,
    dates: list[DateMention],
    context: Context,
    exclusive: dict[str, str],
) -> list[RelationChange]:
    change = cue.cue.value
    if change == "established" and _again(parsed, cue):
        change = "restored"  # "wieder diplomatische Beziehungen aufzunehmen"
    mode = mode_of(parsed, cue, change)
    date, mode = when(parsed, cue, mode, doc_date, dates, change, context.narrating_past)
    first = min(cue.start, noun.start) if noun is not None else cue.start
    last = max(cue.end, noun.end) if noun is not None else cue.end
    partners: list[Anchor] = []
    previous: str | None = None
    if change == "recognition":
        # "switching ties from Taiwan to China", "recognising Beijing as the sole government of China"
        hosts, origins, _ = host_phrase(parsed, last, limit=8)
        partners = [a for a in hosts or anchor_list(parsed, last)[0][:1] if a.country in exclusive]
        if not partners:
            return []
        previous = origins[0].country if origins else exclusive[partners[0].country]
    else:
        # "cut ties with Taiwan"; "broke relations with Taiwan and established them with China"
        scan = cue.start if noun is not None and noun.start < cue.start else first
        for j in range(scan, min(len(parsed.tokens), last + 6)):
            if parsed.is_("with", j) or parsed.is_("between", j):
                found, _ = anchor_list(parsed, j + 1)
                if found:
                    partners = found
                    break
    gerund = parsed.lex.form("gerund", parsed.word(cue.start))
    subject = subject_of(parsed, first, {a.start for a in partners}, gerund=gerund)
    if subject is None:
        return []
    subject_codes = [a.country for a in subject]
    partner_codes = list(dict.fromkeys(a.country for a in partners if a.country not in subject_codes))
    if not subject_codes and not partner_codes:
        pair = context.relation or context.mission
        if pair is None:
            return []
        subject_codes, partner_codes = [pair[0]], [pair[1]]
    elif not subject_codes:
        subject_codes = [c for c in (context.relation or context.mission or ()) if c not in partner_codes][:1]
    if not partner_codes and len(set(subject_codes)) == 2:
        subject_codes, partner_codes = subject_codes[:1], subject_codes[1:]
    if not partner_codes:
        partner_codes = _counterpart(parsed, subject_codes, context, cue)
    stored, plan, mode_name = stored_status(change, mode.mode)
    if stored == "recognition":
        stored = "recognition switched"
    noun_text = parsed.span_text(noun.start, noun.end) if noun is not None else "-"
    rule = (
        f"{parsed.lex.lang} relation '{cue.cue.text}' ({change}) + '{noun_text}'; "
        f"{', '.join(subject_codes) or '?'} with {', '.join(partner_codes) or '?'}; {mode.why}"
    )
    out = []
    for a in dict.fromkeys(subject_codes):
        for b in partner_codes:
            if a != b and b != previous:
                out.append(
                    RelationChange(
                        a,
                        b,
                        stored,
                        mode_name,
                        date,
                        sentence,
                        _trigger(parsed, cue),
                        rule,
                        plan=plan,
                        previous=previous,
                    )
                )
    if out and out[-1].news:
        context.relation = (out[-1].a, previous or out[-1].b)
    return out


def _counterpart(parsed: Parsed, subject: list[str], context: Context, cue: CueMatch) -> list[str]:
    """The other party when the sentence names none after "with": the story's, else another country of
    the clause, else the story's country."""
    for pair in (context.relation, context.mission):
        if pair is not None and len(subject) == 1 and subject[0] in pair:
            return [pair[1] if subject[0] == pair[0] else pair[0]]
    clause = parsed.clause[cue.start]
    others = [a.country for a in parsed.anchors if a.country not in subject and parsed.clause[a.start] == clause]
    if others:
        return others[:1]
    return [context.home] if context.home and context.home not in subject else []
