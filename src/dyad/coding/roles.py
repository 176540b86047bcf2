"""Who did it and to whom: the source and target of a trigger, from the clause around it.

Rules over tokens, not a parser (the fast path never loads a model):

* the source is the subject-like actor before the trigger in its clause: the nearest one that is
  not the object of a preposition ("the president *of* X"), not inside an apposition or a
  relative clause that closes before the trigger ("X, *an ally of Y*, condemned Z");
* the target is the nearest actor after it that is not a place after "in"/"at" (unless nothing
  else is there), else an actor before the source;
* passive voice ("was backed by X") and reversed patterns ("received aid from X") swap them;
  a nominal trigger takes its source from "by X" / "X's" and its target from what follows;
* a fronted participle ("After opening its embassy in Caracas, North Korea ...") takes its
  source from the main clause;
* reported speech ("X said that Y attacked Z") needs nothing special: the clause of "attacked"
  starts at "that", so Y is its subject, and the saying is a separate, weaker candidate;
* coordinated sources with no target ("X and Y will sign") act on each other, both directions;
  with a target ("Saudi Arabia, Egypt and Bahrain cut ties with Qatar") each of them acts on it;
* the words each rule looks for are the sentence's language's (dyad/coding/grammar.py); German word
  order and the passive of every language are read in dyad/coding/voice.py.
"""

from __future__ import annotations

from dyad.coding.grammar import Grammar, grammar_for
from dyad.coding.parties import (
    about_a_matter,
    absolute_subject,
    attribution,
    between_parties,
    cargo_destination,
    detached,
    from_agent_roles,
    inverted_speaker,
    is_region,
    joint,
    members,
    names_a_border,
    names_a_sea,
    outside,
    sayer,
    settle,
    statement_target,
    subject_list,
)
from dyad.coding.spans import (
    UNARY,
    ActorSpan,
    Roles,
    after_preposition,
    clause_bounds,
    coordinated,
    enclosed,
    group,
    locative,
    names_both,
    pairs,
    possessive,
    token_spans,
)
from dyad.coding.triggers import TriggerMatch
from dyad.coding.voice import is_passive, verb_final_roles
from dyad.doc import Mention
from dyad.text.tokens import Token

__all__ = [
    "UNARY", "ActorSpan", "Roles", "aimed_at_a_place", "assign_roles", "clause_bounds", "fallback_roles",
    "only_places", "sufferers", "token_spans",
]


def assign_roles(
    tokens: list[Token], trigger: TriggerMatch, mentions: list[Mention], grammar: Grammar | None = None,
    verbs: frozenset[int] = frozenset(),
) -> list[Roles]:
    """Source and target of `trigger` (several pairs for coordinated actors), by the rules above;
    `grammar` is the sentence's language's (English when None); `verbs`, where the sentence's verb
    triggers start (a comma before another verb closes the trigger's clause). The rules of
    `parties.py` settle what the clause reading finds: a world region is a party only when the
    sentence names no other, a statement needs whom it is addressed to or about, a list of subjects
    acts on its object."""
    if len(mentions) < 2 or not tokens:
        return []
    g = grammar or grammar_for(None)
    states = [m for m in mentions if not is_region(m)]
    found = _clause_roles(tokens, trigger, states, g, verbs) if len(states) >= 2 else []
    if not found and len(states) < len(mentions):
        found = _clause_roles(tokens, trigger, mentions, g, verbs)
    return settle([t.norm for t in tokens], token_spans(tokens, mentions), trigger, found, g)


def _clause_roles(
    tokens: list[Token], trigger: TriggerMatch, mentions: list[Mention], g: Grammar, verbs: frozenset[int]
) -> list[Roles]:
    spans = token_spans(tokens, mentions)
    norms = [t.norm for t in tokens]
    start, head_end = trigger.start_token, trigger.head_end
    left, right = clause_bounds(norms, start, head_end, g, verbs)
    if trigger.particle is not None:
        right = max(right, trigger.particle + 1)
    passive = is_passive(norms, trigger, left, right, g)
    resolved = _resolution_roles(norms, spans, trigger, g)
    if resolved is not None:
        return resolved
    parties = between_parties(norms, spans, trigger, g)
    if parties is not None:
        return parties
    grouped = _expelled_from(norms, spans, trigger, right, g)
    if grouped is not None:
        return grouped
    posted = _posted_envoy_roles(norms, spans, trigger, (left, right), passive, g)
    if posted is not None:
        return posted
    adjectival = _adjective_roles(norms, spans, trigger, right, g)
    if adjectival is not None:
        return adjectival
    attributed = _attributed_roles(norms, spans, trigger, right, g)
    if attributed is not None:
        return attributed
    suffered = _victims_roles(norms, spans, trigger, left, right, g)
    if suffered is not None:
        return suffered
    relative = _relative_roles(norms, spans, trigger, right, g)
    if relative is not None:
        return relative
    if g.flag("verb_final"):
        nouns = frozenset(t.index for t in tokens[1:] if t.text[:1].isupper())
        found = verb_final_roles(norms, spans, trigger, (left, right), passive, g, nouns)
        if found:
            return found
    before_all = [s for s in spans if left <= s.first and s.last < start]
    before = [s for s in before_all if after_preposition(norms, s, g) is None and not enclosed(norms, s, start, g)]
    said = sayer(norms, spans, left, start, g)
    if said is not None and (not before or before[-1].first > said[0]):
        before = said[1]  # "X announced they will be joining Y and withdrawing ...": X acts
    shared = None if trigger.pattern.nominal else _shared_subject(norms, spans, start, verbs, g)
    if shared is not None:
        # "X met Y and signed ...", "X recognised Y, cutting ties with Z": Y is the first verb's object
        before = [s for s in shared if s.first >= left] or shared[-1:]
    absolute = absolute_subject(norms, before_all, start, g)
    if absolute is not None:
        before = [absolute]  # ", with Canada threatening to retaliate": Canada threatens
    from_agent = from_agent_roles(norms, spans, trigger, before, g)
    if from_agent is not None:
        return from_agent  # "X drew criticism from Y": Y criticised X
    after = [s for s in spans if head_end <= s.first < right and not attribution(norms, s, g)]
    # "X blocked the plan, with Y backing Z", "... since its independence from Britain": no objects
    away = detached(norms, spans, head_end, g)
    after = [s for s in after if outside(s, away) and not about_a_matter(norms, s, g)]
    after = [s for s in after if not _only_a_place(norms, s, trigger, g)]
    # Actors inside the object phrase ("embassy of X") count as after.
    after += [s for s in spans if start < s.first < head_end and s.last >= head_end - 1]
    after.sort(key=lambda s: s.first)
    means = range(head_end, trigger.end_token) if trigger.pattern.means else range(0)
    after = _prefer_objects(norms, after, g, means=means, head_end=head_end)
    nominal = trigger.pattern.nominal
    if trigger.pattern.speaker:
        return _speaker_roles(norms, spans, start, g)
    speaker = inverted_speaker(norms, spans, trigger, g) if trigger.pattern.code.startswith("01") else None
    if speaker is not None:
        # '"...," said Brazil's president': the speaker follows the verb; the statement is about what precedes
        about = statement_target(norms, [s for s in spans if s is not speaker], trigger, speaker.mention, g)
        if about is None:
            return [Roles(speaker.mention, speaker.mention, UNARY, structural=False)]
        return [Roles(speaker.mention, about, "a verb of saying before its subject: the speaker follows it")]
    if not before and _fronted(norms, left, start, g):
        main = [
            s for s in spans if s.first >= trigger.end_token and "," in norms[trigger.end_token : s.first]
        ]
        if main:
            source = main[0].mention
            target = next(
                (s.mention for s in after if s.mention.code != source.code and s.first < main[0].first), None
            )
            if target is not None:
                return [Roles(source, target, "fronted clause: source from the main clause")]
    by_agent = [s for s in after if after_preposition(norms, s, g) in g.of("by")]
    if nominal and not by_agent:
        # "el ataque de X contra Y", "the attack of X on Y": "de"/"of" names the agent when a
        # patient follows after "contra"/"against"/"on"; German also "der Angriff Russlands auf ...".
        of_agent = next(
            (
                s for s in after
                if s.first - head_end <= 3
                and (
                    after_preposition(norms, s, g) in g.of("of")
                    or norms[s.first - 1] in g.of("of")  # French "du", "des" are articles too
                    or (g.flag("verb_final") and s.first == head_end)
                )
            ),
            None,
        )
        # a visit or meeting names its place instead: "la visita de X a Y", "a visita de X a Y" (the
        # Portuguese "a" is also an article, so the word right before the place is read)
        visit = trigger.pattern.code.startswith("04")
        if of_agent is not None and any(
            s.first > of_agent.last
            and (
                after_preposition(norms, s, g) in g.of("against")
                or (visit and s.first > 0 and norms[s.first - 1] in g.of("destination"))
            )
            for s in after
        ):
            by_agent = [of_agent]
    if passive or nominal:
        if by_agent:
            agent = by_agent[0].mention
            later = [s.mention for s in after if s.first > by_agent[0].last and s.mention.code != agent.code]
            aimed = [
                s.mention
                for s in after
                if s.first > by_agent[0].last and after_preposition(norms, s, g) in g.of("against")
                and s.mention.code != agent.code
            ]
            patient = None
            if nominal:  # "the attack by X on Y": what follows the agent is the patient
                patient = next(iter(aimed or later), None)
            if patient is None:
                patient = next((s.mention for s in reversed(before) if s.mention.code != agent.code), None)
            if patient is None:
                patient = next(
                    (s.mention for s in after if s.mention.code != agent.code and s is not by_agent[0]), None
                )
            if patient is not None:
                why = "passive: agent after 'by'" if passive else "nominal trigger: agent after 'by'"
                return [Roles(agent, patient, why)]
        if passive and before and trigger.pattern.code in _OWNED_OBJECTS and _inside_object(before[-1], trigger):
            # "the new US embassy in Germany was opened": the mission's owner acts, on the place it is in.
            holder = before[-1].mention
            place = next((s.mention for s in reversed(before_all) if s.mention.code != holder.code), None)
            place = place or next((s.mention for s in after if s.mention.code != holder.code), None)
            if place is not None:
                return [Roles(holder, place, "passive: the subject is the pattern's object; its owner acts")]
        if passive and before:
            # "X was attacked" with no agent: X is the target; the source may precede it.
            patient = before[-1].mention
            agent_span = next((s for s in after if s.mention.code != patient.code), None)
            if agent_span is not None and norms[agent_span.first - 1] in ("from", "de", "von"):
                return [Roles(agent_span.mention, patient, "passive: agent after 'from'")]
    if nominal:
        owner = next((s for s in reversed(before_all) if s.last >= start - 3 and possessive(norms, s)), None)
        if owner is not None:
            # "Obama's executive order against ...": the owner acts.
            target = next((s.mention for s in after if s.mention.code != owner.mention.code), None)
            if target is None:
                target = next(
                    (
                        s.mention
                        for s in reversed(before_all)
                        if s.first < owner.first and s.mention.code != owner.mention.code
                    ),
                    None,
                )
            if target is not None:
                return [Roles(owner.mention, target, "nominal trigger: the possessor acts")]
    if not before and passive:
        return []  # "The attack by X on Y was condemned": who condemned is not said
    if not before:
        if before_all:
            before = before_all[-1:]
        elif nominal and len(after) >= 2:
            against = next(
                (a for a in after if g.flag("nominal_against") and after_preposition(norms, a, g) in g.of("against")),
                None,
            )
            doer = next((a for a in after if against is not None and a.mention.code != against.mention.code), None)
            if against is not None and doer is not None:
                # "Protestos em Madrid contra o governo chinês": what the act is against is its target
                why = "nominal trigger: the actor after 'against' is its target"
                return [Roles(doer.mention, against.mention, why)]
            return [Roles(after[0].mention, after[1].mention, "nominal trigger: actors after it in order")]
        else:
            return []
    source = before[-1].mention
    why = "subject before the trigger, object after it"
    adjunct = start > 0 and norms[start - 1] == "," and norms[start].endswith("ing")  # "..., killing X"
    # A dateline ("NAIROBI —") stands first in the opening sentence but is no one's subject.
    subject = next((s for s in before if not s.mention.filed_from), before[0])
    if (
        (nominal or adjunct or (start > 0 and norms[start - 1] in g.of("infinitive")))
        and len(before) >= 2
        and subject.mention.code != before[-1].mention.code
        and not coordinated(norms, before, g)
    ):
        # "X held Y as human shields", "X called Y to discuss": the clause's subject acts.
        source = subject.mention
        why = "subject of the clause (the trigger is a noun or an infinitive)"
        # The object sits just before "to" (a short adjunct like "on Wednesday" may come between).
        # A bare group there ("sent doctors to help") is the means, not the one helped.
        object_before_to = (
            norms[start - 1] in g.of("infinitive")
            and start - 1 - before[-1].last <= 3
            and before[-1].mention.country is not None
        )
        if object_before_to or not any(s.mention.code != source.code for s in after):
            # "X called Y to discuss ...": the main verb's object is the one acted with or on,
            # not an actor further along the infinitive's own clause.
            return [Roles(source, before[-1].mention, why + "; its object is the target")]
    others = [s for s in after if s.mention.code != source.code]
    # "recalled its ambassador from Syria": the source's own envoy is no target
    target_span = next(iter([s for s in others if not _owned_by(norms, s, source, g)] or others), None)
    target = target_span.mention if target_span is not None else None
    twin = next(
        (s.mention for s in before if s.first == before[-1].first and s.mention.code != source.code), None
    )
    if twin is None and names_both(source, g):
        # "the minister of X said both governments will sign": the other government is X.
        twin = next(
            (
                s.mention
                for s in reversed(spans)
                if s.mention.country and s.mention.country != source.country and s.mention.kind != "anaphor"
            ),
            None,
        )
    if twin is not None and target is None:
        # One phrase that names two actors ("both governments", "ambos gobiernos"): they act on each other.
        return [
            Roles(twin, source, "a phrase naming both actors: each acts on the other"),
            Roles(source, twin, "a phrase naming both actors: each acts on the other"),
        ]
    if (
        target_span is not None and locative(norms, target_span, g) and coordinated(norms, before, g) is not None
        and trigger.pattern.code not in _OWNED_OBJECTS
    ):
        # "Armenia and Azerbaijan signed a peace agreement in Washington": a place, not a party; but the
        # place of the subjects' own mission or envoys is the state they act on ("their envoys in X")
        target = None
    listed = [s.mention for s in subject_list(norms, before, g)] if not passive else [source]
    if target is None and len(listed) > 1:
        if joint(trigger, norms, g):
            partner = listed[-2]
            return [
                Roles(partner, source, "coordinated actors act on each other"),
                Roles(source, partner, "coordinated actors act on each other"),
            ]
        # "Bolivia and Chile called for a ceasefire ... and said Israel ...": a list of subjects does not
        # act on itself; the object may be named further on in the sentence
        beyond: Mention | None = next(
            (
                s.mention for s in spans
                if s.first >= head_end and s.mention not in listed and not locative(norms, s, g)
            ),
            None,
        )
        if beyond is None:
            return []
        why = "a list of subjects; its object named later in the sentence"
        return [Roles(m, beyond, why, structural=False) for m in listed if m.code != beyond.code]
    if target is None:
        # "Laut der Regierung X hat Y ... bombardiert": X reports it; "Iran says its navy seized a tanker":
        # Iran speaks, and no actor after the act leaves it without a named target, not with its speaker
        earlier = [
            s.mention for s in before_all
            if s.mention.code != source.code and not attribution(norms, s, g)
            and not _speaker_of(norms, s, before[-1], g)
        ]
        if not earlier:
            reported = any(s.first >= head_end and attribution(norms, s, g) for s in spans)
            # "Syria has agreed to allow the convoys, the UN said": Syria alone acts; the UN reports it
            return [Roles(source, source, UNARY, structural=False)] if reported and not passive else []
        target, why = earlier[-1], "target before the source (no actor after the trigger)"
        if passive:
            source, target, why = target, source, "passive: the subject is the target"
    elif passive:
        if trigger.pattern.code[:2] in _FORCE and target_span is not None and locative(norms, target_span, g):
            # "a soldier killed in Afghanistan": the place is where he died, not who killed him
            return []
        source, target, why = target, source, "passive without 'by': the subject is the target"
    elif not trigger.pattern.reverse and why.startswith("subject before") and target_span is not None:
        # "Saudi Arabia, Egypt, Bahrain and the UAE cut ties with Qatar": each of them acts on Qatar;
        # "recalled its ambassadors from Chile and Peru": it acts on each of them.
        # a list's inner members may look like an apposition ("Saudi Arabia, the UAE, Bahrain and Egypt"):
        # the list is read over every subject-like actor before the trigger
        subjects = [s for s in before_all if after_preposition(norms, s, g) is None]
        return pairs(group(norms, subjects, before[-1], g), group(norms, after, target_span, g), why)
    # A passive with no agent names who suffered the act, not who did it: the source is a guess.
    roles = Roles(source, target, why, structural=not (passive and why.startswith("passive")))
    if trigger.pattern.reverse:
        roles = Roles(target, source, "reversed pattern: the object is the source")
    return [roles]




# Roots whose object a border or a destination may well be: a show of force is aimed across the border,
# a visit, cooperation, aid or a concession goes to where it is sent.
_TOWARDS_A_PLACE = frozenset({"04", "05", "06", "07", "08", "15"})


def _only_a_place(norms: list[str], span: ActorSpan, trigger: TriggerMatch, g: Grammar) -> bool:
    """The actor after the trigger only says where the act happened or where its object was going ("arrested
    three men near the Somali border", "seized a freighter in the Gulf of Oman", "rifles destined for
    Italy"): no object of the act."""
    if trigger.pattern.code[:2] in _TOWARDS_A_PLACE:
        return False
    return names_a_border(norms, span, g) or names_a_sea(norms, span, g) or cargo_destination(norms, span, g)


def _shared_subject(
    norms: list[str], spans: list[ActorSpan], start: int, verbs: frozenset[int], g: Grammar
) -> list[ActorSpan] | None:
    """The subject-like actors before the previous verb, when the trigger shares that verb's subject: a verb
    coordinated with it ("X met Y and signed ...", "se reunirá con Y y firmará ...") or a gerund after a comma
    ("X recognised Y, cutting ties with Z", "rompendo laços com Z", ", en rompant"). The actors between the
    two verbs are the first one's objects, not the subject. None when the trigger shares no subject, or no
    verb trigger or no subject stands before it."""
    j = start - 1
    ands = g.of("and")
    while (
        j >= 0 and start - j <= 2 and norms[j] not in ands  # Portuguese "e" is also "é" folded
        and (norms[j] in g.of("auxiliary") or norms[j] in g.of("reflexive"))
    ):
        j -= 1  # "y ha firmado", "et s'est entretenu"
    if j < 0:
        return None
    gerund = g.of("gerund")
    endings = tuple(w[1:] for w in gerund if w.startswith("-"))
    marked = norms[j] in gerund and j > 0 and norms[j - 1] == ","
    if marked:
        j -= 1  # ", en rompant"
    elif not (
        norms[j] in ands
        or (norms[j] == "," and endings and norms[start].endswith(endings) and len(norms[start]) > 5)
    ):
        return None
    earlier = [v for v in verbs if v < j]
    if not earlier:
        if not marked:
            return None
        # ", en lâchant des roquettes" after a verb no pattern knows ("X vise Y"): the gerund's marker
        # still says it shares the sentence's subject, its first actor that no preposition governs
        free = [s for s in spans if s.last < j and after_preposition(norms, s, g) is None]
        first = next((s for s in free if not attribution(norms, s, g)), None)
        return [first] if first is not None else None
    verb = max(earlier)
    subjects = [
        s
        for s in spans
        if s.last < verb
        and after_preposition(norms, s, g) is None
        and not enclosed(norms, s, verb, g)
        and not attribution(norms, s, g)
    ]
    return subjects or None


# Roots of force: who suffered them is no agent ("were killed in an air strike"), nor is the place it happened.
_FORCE = ("18", "19", "20")

# Codes whose object belongs to the one who acts: "the embassy was opened", "the ambassador was recalled".
_OWNED_OBJECTS = ("054", "161")


def _adjective_roles(
    norms: list[str], spans: list[ActorSpan], trigger: TriggerMatch, right: int, g: Grammar
) -> list[Roles] | None:
    """"den russischen Angriff auf die Ukraine", "o ataque russo contra a Ucrânia": the demonym that
    qualifies the noun acted, whoever the clause's subject is ("X condemned ..."); with no other party
    named the act is the demonym's own, not the subject's, so the clause gives no roles. None when no
    demonym qualifies the trigger."""
    agent = _adjective_agent(norms, spans, trigger, g)
    if agent is None:
        return None
    others = [
        s
        for s in spans
        if max(agent.last, trigger.head_end - 1) < s.first < right and s.mention.code != agent.mention.code
    ]
    aimed = [s for s in others if after_preposition(norms, s, g) in g.of("against")]
    patient = next(iter(aimed or others), None)
    if patient is None:
        return []
    return [Roles(agent.mention, patient.mention, "nominal trigger: the demonym qualifying it acts")]


# How far after a nominal trigger its "attributed to" may stand: "une frappe de drone attribuée à la Turquie".
_ATTRIBUTED_REACH = 4


def _attributed_roles(
    norms: list[str], spans: list[ActorSpan], trigger: TriggerMatch, right: int, g: Grammar
) -> list[Roles] | None:
    """ "une frappe attribuée à la Turquie a touché un village", "un ataque atribuido a Rusia": the actor the act is
    attributed to (`attributed`, a participle right after the noun) did it, on the next other actor of the clause.
    None when no such participle follows the trigger, or no other party is named."""
    if not trigger.pattern.nominal:
        return None
    head_end = trigger.head_end
    at = next(
        (i for i in range(head_end, min(right, head_end + _ATTRIBUTED_REACH)) if norms[i] in g.of("attributed")), None
    )
    if at is None:
        return None
    agent = next((s for s in spans if at < s.first <= at + 3), None)
    if agent is None:
        return None
    # the actor after "by" is who attributes it ("attribuée à la Turquie par l'Irak"), no party to the act
    patient = next(
        (
            s
            for s in spans
            if agent.last < s.first < right
            and s.mention.code != agent.mention.code
            and after_preposition(norms, s, g) not in g.of("by")
        ),
        None,
    )
    if patient is None:
        return None
    return [Roles(agent.mention, patient.mention, "nominal trigger: the actor it is attributed to acts")]


def _victims_roles(
    norms: list[str], spans: list[ActorSpan], trigger: TriggerMatch, left: int, right: int, g: Grammar
) -> list[Roles] | None:
    """"Four soldiers were killed in an air strike", "died in a clash with X": the clause's subject
    suffered the act the noun names, so it is the target, never the agent (the rule of "subject before
    the trigger" would make the dead the attackers). The agent is the demonym before the noun ("an
    Israeli air strike"), else the actor after "by"; with none named the act has no known agent and
    the clause gives no roles. None when the trigger is no act of force after a verb of suffering
    (grammar classes `suffered`, `suffered_in`), or when a partner follows "with" ("killed in a clash
    with Thai troops": the subject's side fought too, a joint act the usual reading gets right)."""
    found = victim_of(norms, spans, trigger, left, g)
    if found is None:
        return None
    prep, victim = found
    start = trigger.start_token
    after = [s for s in spans if trigger.head_end <= s.first < right and s.mention.code != victim.code]
    agent = next(
        (s for s in spans if prep < s.first and s.last == start - 1 and s.mention.kind == "demonym"), None
    )
    agent = agent or next((s for s in after if after_preposition(norms, s, g) in g.of("by")), None)
    if agent is None and any(after_preposition(norms, s, g) in g.of("with") for s in after):
        # "killed in a clash with Thai troops": both sides fought; the subject is a party to the clash
        # (a joint act, read either way round), so the usual reading stands
        return None
    if agent is None or agent.mention.code == victim.code:
        return []
    why = "passive sense: those who suffered the act are its target; its agent named with the noun"
    agents = [a for a in group(norms, after, agent, g) if a.mention.code != victim.code] or [agent]
    return [Roles(a.mention, victim, why) for a in agents]


def victim_of(
    norms: list[str], spans: list[ActorSpan], trigger: TriggerMatch, left: int, g: Grammar
) -> tuple[int, Mention] | None:
    """The actor that suffered an act of force (roots 18-20) named in a phrase after a verb of suffering
    ("were killed in an air strike", "died during clashes"), with the position of "in"/"during"; None
    when the trigger stands in no such phrase. The words between "in" and the trigger are the noun
    phrase's own (an article, a demonym), so the trigger is a noun there whatever the matcher read."""
    start = trigger.start_token
    if trigger.pattern.code[:2] not in _FORCE or norms[start] in g.of("mutual"):
        return None  # "died in fighting", "killed in an Afghan clash": their side fought too
    prep = next(
        (i for i in range(start - 1, max(left, start - 5) - 1, -1) if norms[i] in g.of("suffered_in")), None
    )
    if prep is None:
        return None
    between = norms[prep + 1 : start]
    if prep == 0 or any(w in (",", ";", ":", ".") or w in g.of("preposition") for w in between):
        return None  # "in a clash with Thai troops": "troops" is no act the victims suffered
    verb = prep - 1
    if norms[verb].endswith("ly") and verb > 0:  # "killed reportedly in"
        verb -= 1
    if norms[verb] not in g.of("suffered"):
        return None
    victims = [
        s for s in spans
        if left <= s.first and s.last < verb and after_preposition(norms, s, g) is None
        and not enclosed(norms, s, verb, g)
    ]
    return (prep, victims[-1].mention) if victims else None


def _relative_roles(
    norms: list[str], spans: list[ActorSpan], trigger: TriggerMatch, right: int, g: Grammar
) -> list[Roles] | None:
    """A relative clause set off by a comma, on the actor it hangs on (the antecedent):

    * its pronoun is its subject ("recibió a su homólogo de Perú, Juan Pérez, quien realiza una visita
      oficial al país"): the antecedent acts, not the main clause's subject; a visit with no place
      named is to the main clause's subject, who received the visitor ("al país", "a nuestro país");
    * an actor follows "que" ("Ouattara, que le président français recevra vendredi"): that actor is
      the clause's subject and acts on the antecedent.

    None when the trigger is in no such clause."""
    found = _relative_clause(norms, spans, trigger.start_token, g)
    if found is None:
        return None
    antecedent, subject = found
    if subject is not None:
        return [Roles(subject.mention, antecedent.mention, "relative clause: its subject acts on what it hangs on")]
    code = antecedent.mention.code
    after = [s for s in spans if trigger.head_end <= s.first < right and s.mention.code != code]
    if after:
        return [Roles(antecedent.mention, after[0].mention, "relative clause: the actor it hangs on acts")]
    if trigger.pattern.code.startswith("04"):
        host = next(
            (
                s
                for s in spans
                if s.last < antecedent.first and s.mention.code != code and after_preposition(norms, s, g) is None
            ),
            None,
        )
        if host is not None:
            return [Roles(antecedent.mention, host.mention, "relative clause: a visit to the one who received it")]
    return []


def _relative_clause(
    norms: list[str], spans: list[ActorSpan], start: int, g: Grammar
) -> tuple[ActorSpan, ActorSpan | None] | None:
    """The antecedent of a ", quien/qui/que ..." clause before `start` (the actor just before the comma, or
    before a name set off by commas: "su homólogo de Perú, Juan Pérez, quien"), and the clause's own
    subject when an actor follows "que" (an object relative), else None for it."""
    rel = None
    for i in range(start - 1, max(0, start - 8), -1):
        if norms[i] in (".", ";", ":"):
            return None
        if norms[i - 1] == "," and (norms[i] in g.of("relative_pronoun") or norms[i] == "que"):
            rel = i
            break
    if rel is None:
        return None
    inside = [s for s in spans if rel < s.first < start]
    if inside and norms[rel] != "que":
        return None
    comma = rel - 1
    found = [s for s in spans if s.last == comma - 1]
    if not found:
        opening = next((k for k in range(comma - 1, max(-1, comma - 6), -1) if norms[k] == ","), None)
        if opening is not None:
            found = [s for s in spans if s.last == opening - 1]
    if not found:
        return None
    subject = next((s for s in inside if after_preposition(norms, s, g) is None), None) if inside else None
    if inside and subject is None:
        return None
    return found[-1], subject


_RESOLUTION_GAP = 3  # "résolution condamnant", "resolución que condena", "Resolution zur Verurteilung"


def _resolution_roles(
    norms: list[str], spans: list[ActorSpan], trigger: TriggerMatch, g: Grammar
) -> list[Roles] | None:
    """"L'Assemblée générale a adopté une résolution condamnant X", "die Generalversammlung hat eine
    Resolution zur Verurteilung der Annexion ... durch X verabschiedet": an act named right after
    "resolution" is the resolution's content, done by whoever adopted it (the agent after "par"/"von"
    of the adopting verb, else the subject before "resolution") to what it names: the agent of the
    act it condemns ("durch X") before anyone else. With no verb of adopting in the sentence the
    content has no known agent ("X vetoed a resolution condemning Y": X is no condemner): no roles.
    None when no "resolution" stands right before the trigger."""
    start = trigger.start_token
    marks = [i for i in range(max(0, start - _RESOLUTION_GAP), start) if norms[i] in g.of("resolution")]
    adopting = [i for i, w in enumerate(norms) if w in g.of("adopt")]
    if not marks:
        return None
    if not adopting:
        return []  # "X vetoed a resolution condemning Y": the content is the resolution's, not X's
    mark = marks[-1]
    by = [s for s in spans if s.first > adopting[0] and after_preposition(norms, s, g) in g.of("by")]
    subjects = [s for s in spans if s.last < mark and after_preposition(norms, s, g) is None]
    if not by and not subjects:
        return None
    adopter = (by or subjects)[0]
    content = [s for s in spans if s.first >= trigger.head_end and s.mention.code != adopter.mention.code]
    if not content:
        return None
    agents = [s for s in content if after_preposition(norms, s, g) in g.of("by")]
    target = (agents or content)[0]
    return [Roles(adopter.mention, target.mention, "a resolution's content: its adopter acts on what it names")]


# Codes of sending people away: expelling a state's envoys or staff (166), deporting its people (174).
_SENDING_AWAY = ("166", "174")


def _expelled_from(
    norms: list[str], spans: list[ActorSpan], trigger: TriggerMatch, right: int, g: Grammar
) -> list[Roles] | None:
    """"the expulsion of two Russian diplomats from Germany", "die Ausweisung russischer Diplomaten aus
    Deutschland", "expulsion de diplomates français d'Algérie": the first party after an expulsion's
    noun is a group of one state's people, and right after it (`sent_from`) the state they were sent
    away from, which expelled them. None unless both stand in that order."""
    if not trigger.pattern.nominal or not trigger.pattern.code.startswith(_SENDING_AWAY):
        return None
    group = next((s for s in spans if trigger.start_token < s.first < right), None)
    if group is None or group.mention.kind not in ("demonym", "role") or group.last + 2 >= len(norms):
        return None
    if norms[group.last + 1] not in g.of("sent_from"):
        return None
    origin = next((s for s in spans if s.first == group.last + 2 and s.first < right), None)
    # a noun after the preposition: "Bolivien" is a state there, whatever French adjective it also spells
    if origin is None or origin.mention.kind == "role" or origin.mention.country == group.mention.country:
        return None
    return [Roles(origin.mention, group.mention, "a group of one state's people expelled from the state after it")]


def _posted_envoy_roles(
    norms: list[str], spans: list[ActorSpan], trigger: TriggerMatch, bounds: tuple[int, int], passive: bool, g: Grammar
) -> list[Roles] | None:
    """ "The French ambassador in Moscow was summoned", "l'ambassadeur de France à Moscou a été convoqué": a
    host summons, reprimands or expels the envoys posted to it (`host_acts_on_envoy`), so in a passive that
    names no agent the state of the envoy's post (`posted` right after the envoy) is the one that acts. None
    when the clause is no such passive, or names its agent ("by ...")."""
    left, right = bounds
    if not passive or trigger.pattern.code not in g.of("host_acts_on_envoy"):
        return None
    if any(
        trigger.head_end <= s.first < right and after_preposition(norms, s, g) in g.of("by") for s in spans
    ):
        return None
    before = sorted((s for s in spans if left <= s.first and s.last < trigger.start_token), key=lambda s: s.first)
    for guest, post in zip(before, before[1:], strict=False):
        envoy = any(norms[i] in g.of("envoy") for i in range(max(left, guest.first - 1), guest.last + 2))
        gap = [w for w in norms[guest.last + 1 : post.first] if w not in g.of("determiner")]
        if envoy and len(gap) == 1 and gap[0] in g.of("posted") and post.mention.country and (
            post.mention.country != guest.mention.country
        ):
            return [Roles(post.mention, guest.mention, "passive with no agent: the envoy's host acts")]
    return None


def _adjective_agent(norms: list[str], spans: list[ActorSpan], trigger: TriggerMatch, g: Grammar) -> ActorSpan | None:
    """The demonym that qualifies a nominal trigger, on the side the language puts its adjectives
    (grammar class `adjective_agent`: "der russische Angriff", "les frappes israéliennes"). A trigger
    phrase with "de"/"of" in it names a group ("expulsão de diplomatas"): a demonym after it qualifies
    the group ("diplomatas russos", who were expelled), not the act."""
    side = g.of("adjective_agent")
    if not trigger.pattern.nominal or not side:
        return None
    start, head_end = trigger.start_token, trigger.head_end
    if "before" in side:
        found = next((s for s in spans if s.last == start - 1 and s.mention.kind == "demonym"), None)
        if found is not None:
            return found
    if "after" in side and not any(w in g.of("of") for w in norms[start:head_end]):
        return next((s for s in spans if s.first == head_end and s.mention.kind == "demonym"), None)
    return None


def _inside_object(span: ActorSpan, trigger: TriggerMatch) -> bool:
    """An actor that is the pattern's object itself ("the US embassy", "die US-Botschaft")."""
    obj = trigger.object_span
    return obj is not None and obj[0] <= span.last and span.first < obj[1] and span.last < trigger.start_token


def _owned_by(norms: list[str], span: ActorSpan, source: Mention, g: Grammar) -> bool:
    """ "its ambassador", "su embajador", "ihren Botschafter": a role the source owns (a possessive before it,
    at most one word between) of the source's own country."""
    if span.mention.country is None or span.mention.country != source.country:
        return False
    return any(norms[i] in g.of("possessive") for i in range(max(0, span.first - 2), span.first))


def _speaker_roles(norms: list[str], spans: list[ActorSpan], start: int, g: Grammar) -> list[Roles]:
    """ "X said (that) Y must stop": X is the source, Y the target."""
    subjects = [s for s in spans if s.last < start and after_preposition(norms, s, g) is None]
    if len(subjects) < 2:
        return []
    target = subjects[-1].mention
    source = next((s.mention for s in subjects if s.mention.code != target.code), None)
    if source is None or subjects[0].mention is target:
        return []
    return [Roles(source, target, "modal in reported speech: the speaker demands of the subject")]


def _prefer_objects(
    norms: list[str], after: list[ActorSpan], g: Grammar, means: range = range(0), head_end: int | None = None
) -> list[ActorSpan]:
    """Direct objects first, places after "in"/"at" last ("met in Caracas with X"); an actor past a comma after
    the trigger is in another clause or adjunct ("struck targets near Damascus, ... raids on Iranian-linked
    sites"): it comes after every actor of the trigger's own clause, places included.

    `means`: the tokens of the pattern's object words ("sent 200 *doctors*"): a bare group there
    is what was sent or given, not the one it went to.
    """

    def rank(s: ActorSpan) -> int:
        if locative(norms, s, g) or after_preposition(norms, s, g) in g.of("adjunct"):
            return 2  # "opened an embassy in Jerusalem following the US": the act is towards neither first
        # A bare group with no country ("send troops into Kosovo") is more often the act's means.
        bare = _bare_group(norms, s, g)
        if bare and (s.mention.sector in ("MIL", "COP") or s.first in means):
            return 3  # "sent troops into Kosovo": the place is the party
        if s.mention.country is None and s.mention.sector == "GOV":
            return 3  # "recalled the ambassadors in Argentina" (but "met his Turkish counterpart" is a party)
        return 0

    # what was sent or given is never whom it went to ("Cuba sent doctors": the doctors are not a party)
    kept = [s for s in after if not (s.first in means and _bare_group(norms, s, g))]

    def beyond(s: ActorSpan) -> bool:
        return head_end is not None and "," in norms[head_end : s.first]

    return sorted(kept, key=lambda s: (beyond(s), rank(s), s.first))


def _bare_group(norms: list[str], s: ActorSpan, g: Grammar) -> bool:
    """A group with no country of its own words: none at all, one from the story ("doctors" in a story
    about Cuba), or the subject's ("its troops")."""
    if s.mention.sector in ("IGO", "NGO"):
        return False
    return (
        s.mention.country is None
        or s.mention.why.startswith("context:")
        or (s.first > 0 and norms[s.first - 1] in g.of("possessive"))
    )


def fallback_roles(
    tokens: list[Token], trigger: TriggerMatch | None, mentions: list[Mention], grammar: Grammar | None = None
) -> list[Roles]:
    """A best guess from word order alone: the first subject-like actor acts on the next other one (a world
    region only when the sentence names no other; with a trigger, under the rules of `parties.py`)."""
    g = grammar or grammar_for(None)
    states = [m for m in mentions if not is_region(m)]
    found = _word_order(tokens, trigger, states, g) if states else []
    if not found and len(states) < len(mentions):
        found = _word_order(tokens, trigger, mentions, g)
    norms, spans = [t.norm for t in tokens], token_spans(tokens, mentions)
    if trigger is not None:
        victim = _sufferer(norms, spans, trigger, g)
        if victim is not None:
            # "were killed in an air strike near X", "a soldier killed in Afghanistan": the dead did not
            # strike, whatever the word order
            found = [r for r in found if r.source.code != victim.code]
    if trigger is None:
        # no act named: two members of a list ("Peru and Chile ...") are no pair, a region never acts
        return [r for r in found if not is_region(r.source) and not members(norms, spans, r, g)]
    return settle(norms, spans, trigger, found, g)


def sufferers(tokens: list[Token], triggers: list[TriggerMatch], mentions: list[Mention], g: Grammar) -> set[str]:
    """The codes of the actors a sentence names as suffering an act of force (`_sufferer`): no reading
    of the sentence, by word order or from a word like "soldiers", makes them the agent of force."""
    norms, spans = [t.norm for t in tokens], token_spans(tokens, mentions)
    found = (_sufferer(norms, spans, t, g) for t in triggers)
    return {m.code for m in found if m is not None}


def only_places(tokens: list[Token], mentions: list[Mention], g: Grammar) -> set[str]:
    """The codes of the actors a sentence names only as a border or a sea where something happened or as
    where a cargo or vessel was going (`names_a_border`, `names_a_sea`, `cargo_destination`), and nowhere
    else: no reading of the sentence, the model's included, makes them the object of an act done there
    (`_TOWARDS_A_PLACE` aside)."""
    norms, spans = [t.norm for t in tokens], token_spans(tokens, mentions)
    placed = [names_a_border(norms, s, g) or names_a_sea(norms, s, g) or cargo_destination(norms, s, g) for s in spans]
    elsewhere = {s.mention.code for s, p in zip(spans, placed, strict=True) if not p}
    return {s.mention.code for s, p in zip(spans, placed, strict=True) if p} - elsewhere


def aimed_at_a_place(root: str, target_code: str, places: set[str]) -> bool:
    """An act whose target the sentence names only as a place (`only_places`), unless the act is one that a
    place may well receive (a show of force, a visit, cooperation, aid, a concession)."""
    return target_code in places and root not in _TOWARDS_A_PLACE


def _sufferer(norms: list[str], spans: list[ActorSpan], trigger: TriggerMatch, g: Grammar) -> Mention | None:
    """Who suffered an act of force by the sentence's structure: the subject of a verb of suffering before
    the act's noun (`victim_of`, unless a partner in a joint act follows "with"), or the subject of a
    passive verb of force ("were killed", "killed in"); None when no such actor is named."""
    found = victim_of(norms, spans, trigger, 0, g)
    if found is not None:
        joint_act = any(after_preposition(norms, s, g) in g.of("with") for s in spans if s.first >= trigger.head_end)
        return None if joint_act else found[1]
    if trigger.pattern.code[:2] not in _FORCE or trigger.pattern.nominal:
        return None
    left, right = clause_bounds(norms, trigger.start_token, trigger.head_end, g)
    if not is_passive(norms, trigger, left, right, g):
        return None
    if any(after_preposition(norms, s, g) in g.of("with") for s in spans if trigger.head_end <= s.first < right):
        return None  # "were killed in a clash with Thai troops": their side fought too
    before = [
        s for s in spans
        if left <= s.first and s.last < trigger.start_token and after_preposition(norms, s, g) is None
    ]
    return before[-1].mention if before else None


def _word_order(
    tokens: list[Token], trigger: TriggerMatch | None, mentions: list[Mention], g: Grammar
) -> list[Roles]:
    norms = [t.norm for t in tokens]
    spans = [s for s in token_spans(tokens, mentions) if not attribution(norms, s, g)]  # "according to X"
    if trigger is not None and trigger.pattern.means:
        sent = range(trigger.head_end, trigger.end_token)
        spans = [s for s in spans if not (s.first in sent and _bare_group(norms, s, g))]
    if trigger is not None:
        away = detached(norms, spans, trigger.head_end, g)
        # the same phrases are no objects by word order either
        spans = [s for s in spans if outside(s, away) and not about_a_matter(norms, s, g)]
        spans = [s for s in spans if s.last < trigger.start_token or not _only_a_place(norms, s, trigger, g)]
    if not spans:
        return []
    subjects = [s for s in spans if after_preposition(norms, s, g) is None] or spans
    anchor = trigger.start_token if trigger is not None else len(tokens)
    before = [s for s in subjects if s.last < anchor]
    if not before and trigger is not None:
        hosted = _hosted_at_home(norms, spans, trigger, g)
        if hosted is not None:
            return [hosted]
    source_span = before[0] if before else subjects[0]
    source = source_span.mention
    others = [s for s in spans if s.mention.code != source.code]
    if not others:
        others = [s for s in spans if s is not source_span]
        if not others:
            return []
    later = [s for s in others if s.first > source_span.last]
    target = (later or others)[0].mention
    return [Roles(source, target, "word order: no structural reading", structural=False)]


# Where a meeting's host is: a place after "at/in", or a seat of government after "to" ("welcomed X to the
# Elysee"); a country after "to" is more often where someone is sent than where they are received.
_HOST_PLACES = ("capital", "city", "place", "seat", "country")


def _hosted_at_home(norms: list[str], spans: list[ActorSpan], trigger: TriggerMatch, g: Grammar) -> Roles | None:
    """"The Prime Minister hosted Canadian Prime Minister X at Downing Street": a meeting verb (root 04)
    whose subject is a role no country was found for, with no actor before it. Word order would make
    the guest, the first actor named, the host; the guest is the verb's object, and the place the
    meeting is at, of another country, names the host's."""
    if trigger.pattern.code[:2] != "04" or trigger.pattern.nominal or trigger.start_token == 0:
        return None
    after = [s for s in spans if s.first >= trigger.head_end]
    if not after or after_preposition(norms, after[0], g) is not None:
        return None
    guest = after[0].mention
    for s in after[1:]:
        prep = after_preposition(norms, s, g)
        at_home = prep in g.of("locative") or (prep in g.of("destination") and s.mention.kind == "seat")
        if at_home and s.mention.kind in _HOST_PLACES and s.mention.country not in (None, guest.country):
            # read from the verb's object and its place phrase, not from word order: the role head may not swap it
            return Roles(s.mention, guest, "an unnamed subject hosting its object at home")
    return None


def _speaker_of(norms: list[str], actor: ActorSpan, subject: ActorSpan, g: Grammar) -> bool:
    """A verb of saying stands between `actor` and the act's subject: the actor reports the act."""
    return actor.last < subject.first and any(norms[i] in g.of("say") for i in range(actor.last + 1, subject.first))


def _fronted(norms: list[str], left: int, start: int, g: Grammar) -> bool:
    openers = g.of("participle_opener")
    return any(norms[i] in openers for i in range(max(0, left - 1), min(start + 1, left + 4)))
