"""Passive voice, and German clauses whose verb comes last or whose subject follows the verb.

* A passive participle follows a form of "be" ("was expelled", "fue expulsado", "a été expulsé",
  "foi expulso"), not of "have" ("ha expulsado", "a expulsé" are active); where the matcher knows the
  verb form, only a participle can be passive ("foi visitar" is not), and French "s'est réuni" (a
  reflexive) and "est arrivé" (a verb of motion) are active. German puts its passive auxiliary
  anywhere before the participle ("Der Botschafter *wurde* am Montag *ausgewiesen*").
* German: in "Russland hat den Botschafter ausgewiesen" and "..., dass Russland den Botschafter
  ausweist" the verb closes the clause, so both actors come before it: the subject is the first (one
  that no accusative or dative article marks as an object: "den Botschafter"). In "Am Montag wies
  Russland den Botschafter aus" the subject follows the verb. The passive's agent follows "von" or
  "durch", before the participle.
"""

from __future__ import annotations

from dyad.coding.grammar import Grammar
from dyad.coding.spans import ActorSpan, Roles, after_preposition, enclosed, group, locative, object_marked, pairs
from dyad.coding.triggers import TriggerMatch

_TAGGED = ("de", "fr", "pt")  # languages whose verb forms the matcher tags (participle, infinitive ...)


def is_passive(norms: list[str], trigger: TriggerMatch, left: int, right: int, g: Grammar) -> bool:
    start = trigger.start_token
    if trigger.pattern.nominal or start == 0:
        return False
    if g.lang in _TAGGED and trigger.form != "part":
        return False
    if g.flag("verb_final"):
        clause = range(left, right)
        if any(norms[i] in g.of("werden") for i in clause if i != start):
            return True
        # a headline's participle with no auxiliary and its agent after "von": "Dörfer von X angegriffen"
        return not any(norms[i] in g.of("auxiliary") for i in clause) and any(
            norms[i] in g.of("by") for i in range(left, start)
        )
    if norms[start].endswith(("ing", "ando", "iendo")):  # "is sending" is active
        return False
    be = g.of("be")
    if _bare_passive(norms, trigger, g):
        return True
    if norms[start - 1] in be:
        aux = start - 1
    elif start > 1 and norms[start - 2] in be and norms[start - 1].endswith(("ly", "ment", "mente")):
        aux = start - 2
    elif _joined_to_a_passive(norms, trigger, g):
        return True
    else:
        return False
    if aux > 0 and norms[aux - 1] in g.of("reflexive"):
        return False  # "s'est réuni", "se sont entretenus"
    return norms[start] not in g.of("unaccusative")  # "est arrivé"


def _joined_to_a_passive(norms: list[str], trigger: TriggerMatch, g: Grammar) -> bool:
    """ "was summoned and reprimanded", "fue convocado y amonestado": a participle joined by "and" to one
    right after a passive auxiliary shares its voice, unless an object follows it ("was summoned and
    criticised the decision": a second, active verb of the same subject)."""
    start, end = trigger.start_token, trigger.head_end
    if start < 3 or norms[start - 1] not in g.of("and") or norms[start - 3] not in g.of("be"):
        return False
    return end >= len(norms) or norms[end] in g.of("passive_after")


def _bare_passive(norms: list[str], trigger: TriggerMatch, g: Grammar) -> bool:
    """A participle of an act done to someone, with no auxiliary before it and a preposition or a pause
    after it ("Three Indian soldiers killed in clash with Chinese troops", "two sailors, arrested by ..."):
    the past tense would take its object right after the verb, so this is a headline's or a reduced
    relative clause's passive, and its subject suffered the act."""
    start, end = trigger.start_token, trigger.head_end
    if norms[start] not in g.of("bare_passive") or norms[start - 1] in g.of("auxiliary"):
        return False
    return end >= len(norms) or norms[end] in g.of("passive_after")


def verb_final_roles(
    norms: list[str], spans: list[ActorSpan], trigger: TriggerMatch, bounds: tuple[int, int], passive: bool, g: Grammar,
    nouns: frozenset[int] = frozenset(),
) -> list[Roles] | None:
    """German roles where word order differs from English; None leaves the trigger to the general rules.
    `nouns`: the tokens capitalised inside the sentence (German nouns)."""
    if trigger.pattern.nominal or trigger.pattern.speaker:
        return None
    left, right = bounds
    start, head_end = trigger.start_token, trigger.head_end
    clause = [s for s in spans if left <= s.first < right]
    if passive:
        agent = next((s for s in clause if after_preposition(norms, s, g) in g.of("by")), None)
        if agent is None:
            return None
        others = [s for s in clause if s is not agent and s.mention.code != agent.mention.code]
        # the subject, else an actor after a preposition: "Gegen Nordkorea wurden von Japan Sanktionen verhängt"
        patient = next(iter([s for s in others if after_preposition(norms, s, g) is None] or others), None)
        if patient is None:
            return None
        found = [Roles(agent.mention, patient.mention, "passive: agent after 'von'")]
        return [Roles(r.target, r.source, r.why) for r in found] if trigger.pattern.reverse else found
    headline = _headline_participle(norms, spans, trigger, bounds, g)
    if headline is not None:
        return headline
    subjects = [
        s for s in clause
        if after_preposition(norms, s, g) is None and not object_marked(norms, s, g, nouns)
        and not enclosed(norms, s, start, g)
    ]
    if not subjects:
        return None
    before = [s for s in subjects if s.last < start]
    # after the verb, up to a comma: "Soldaten nach Libyen entsenden, um die Regierung ... zu stützen"
    after = [s for s in clause if s.first >= head_end and "," not in norms[head_end : s.first]]
    if before and after:
        return None  # subject before the verb, object after it: the general rules read that
    if before:
        why = "the verb closes its clause: its subject comes first"
        source = before[0]
        rest = [s for s in clause if s.first > source.last and s.last < start]
    elif trigger.form in ("", "fut", "cond") and len(after) >= 2:
        why = "the subject follows the verb"
        source = next((s for s in after if s in subjects), after[0])
        rest = [s for s in after if s.first > source.last]
    else:
        return None
    sources = group(norms, clause, source, g)
    codes = {s.mention.code for s in sources}
    others = [s for s in rest if s.mention.code not in codes and s not in sources]
    others.sort(key=lambda s: (locative(norms, s, g), s.first))  # direct objects before places
    if not others:
        return None
    found = pairs(sources, group(norms, clause, others[0], g), why)
    if trigger.pattern.reverse:  # "Sechs Zivilisten starben durch eine Granate aus X": X acts on them
        return [Roles(r.target, r.source, why + "; reversed pattern: the object is the source") for r in found]
    return found


_STOPS = (".", ";", ":", "!", "?")
_SPEAKER_TOKENS = 5  # "Israels Armee:", "Auswärtiges Amt:": a headline's speaker is a short phrase


def _headline_participle(
    norms: list[str], spans: list[ActorSpan], trigger: TriggerMatch, bounds: tuple[int, int], g: Grammar
) -> list[Roles] | None:
    """"X: ... Ziele im Libanon angegriffen": a participle closing a clause with no auxiliary in it is a
    headline's passive, and the short phrase before the colon names who did it (its own report of its
    act); the actors of the clause suffered it. Without such a speaker the general rules decide."""
    right = bounds[1]
    if trigger.form != "part":
        return None
    # the colon may lie before the clause's bounds: "Mehr als 300 Ziele" opens no clause with "als"
    colon = next((i for i in range(trigger.start_token - 1, -1, -1) if norms[i] in _STOPS), None)
    if colon is None or colon < 1 or norms[colon] != ":":
        return None
    left = colon + 1
    if any(norms[i] in g.of("auxiliary") for i in range(left, right)):
        return None
    opening = left - 1  # the speaker's phrase runs back from the colon to the sentence's start or a stop
    while opening > 0 and norms[opening - 1] not in (".", ";", ":", "!", "?", "\n"):
        opening -= 1
    if left - 1 - opening > _SPEAKER_TOKENS:
        return None
    speakers = [s for s in spans if opening <= s.first and s.last < left - 1]
    if not speakers:
        return None
    speaker = speakers[-1]
    clause = [s for s in spans if left <= s.first < right and s.mention.code != speaker.mention.code]
    if not clause:
        return None
    clause.sort(key=lambda s: (locative(norms, s, g), s.first))  # what was hit before where
    why = "a headline's bare participle: the speaker before the colon acts"
    found = pairs([speaker], group(norms, clause, clause[0], g), why)
    if trigger.pattern.reverse:
        return [Roles(r.target, r.source, r.why) for r in found]
    return found
