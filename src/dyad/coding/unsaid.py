"""The subject a verb leaves unsaid (Spanish, Portuguese: grammar flag `pro_drop`).

These languages drop a subject the reader already knows: after a sentence that names the acting
government, the next one often starts with its verb ("Later that day, [it] expelled the envoy of X"). Such a
sentence names only the target, so it has no pair of actors of its own. Its verb's ending still says
who acts, third person singular, so the subject of the sentence before stands in, when:

* the language drops subjects (flag `pro_drop`);
* the verb is finite and no subject of its own stands before it in its clause: no actor, no name,
  no noun phrase opened by a determiner (only adverbs, a fronted prepositional phrase, clitics);
* the verb agrees in number with the subject carried (`plural_verb` endings, "acusaron", "acusaram", for
  one opened by a `plural_determiner`, "las autoridades"), is no first-person form (`first_person_verb`,
  "condenamos"), no impersonal or passive "se" form (`impersonal`), no participle;
* every actor the sentence names stands after the verb; the first one, of another country than the
  subject carried, is the target.

Which subject is carried (a state actor, the first one no preposition governs) is the caller's to say.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from dyad.coding.grammar import Grammar
from dyad.coding.spans import ActorSpan, Roles, after_preposition
from dyad.coding.triggers import TriggerMatch
from dyad.doc import Mention
from dyad.text.tokens import Token

UNSAID = "unsaid subject: the previous sentence's"
_FINITE = ("", "fut", "cond")
_BOUNDARIES = frozenset({",", ";", ":", "(", ")", "«", "»", '"', "“", "”", "—", "-"})


@dataclass(frozen=True, slots=True)
class Subject:
    """A sentence's subject a next one may leave unsaid, and whether it is plural ("las autoridades")."""

    mention: Mention
    plural: bool


def first_subject(tokens: list[Token], spans: list[ActorSpan], grammar: Grammar) -> Subject | None:
    """The sentence's first actor that no preposition governs: its subject, as far as word order tells;
    plural when a plural article opens it ("Las autoridades ...")."""
    norms = [t.norm for t in tokens]
    span = next((s for s in spans if after_preposition(norms, s, grammar) is None), None)
    if span is None:
        return None
    plural = span.first > 0 and norms[span.first - 1] in grammar.of("plural_determiner")
    return Subject(span.mention, plural or norms[span.first] in grammar.of("plural_determiner"))


def _ends(word: str, cls: str, grammar: Grammar) -> bool:
    endings = tuple(w[1:] for w in grammar.of(cls) if w.startswith("-"))
    return bool(endings) and word.endswith(endings)


def agrees(word: str, plural: bool, grammar: Grammar) -> bool:
    """A third-person verb form of the subject's number: "acusó" for "el Gobierno", "acusaron" for "las
    autoridades"; a first-person form ("condenamos") agrees with neither."""
    if _ends(word, "first_person_verb", grammar):
        return False
    return _ends(word, "plural_verb", grammar) == plural


def own_subject_before(tokens: list[Token], verb: int, grammar: Grammar) -> bool:
    """Whether the sentence names a subject before the verb: a capitalised name standing free (at the
    start, after a pause or a conjunction) right before it ("Maduro acusó", ", Maduro acusó"), or a noun
    phrase opened by a determiner that no preposition governs ("el ministro acusó"). A fronted prepositional
    phrase ("En su respuesta, ...", "en declaraciones a la radio") and adverbs ("Más tarde, ...") are no
    subject; an article right before the verb is a clitic pronoun ("la acusó")."""
    determiners, prepositions = grammar.of("determiner"), grammar.of("preposition")
    grammatical = determiners | prepositions | grammar.of("function")
    free_before = _BOUNDARIES | grammar.of("conjunction") | grammar.of("and")
    for i in range(verb):
        tok = tokens[i]
        if tok.text[:1].isupper() and tok.norm not in grammatical:
            # a name runs up to the verb ("Maduro acusó", "Nicolás Maduro acusó"); "Más tarde, acusó" is none
            runs_to_verb = i + 1 == verb or tokens[i + 1].text[:1].isupper()
            if runs_to_verb and (i == 0 or tokens[i - 1].norm in free_before):
                return True
        if tok.norm in determiners and i + 1 < verb and not (i > 0 and tokens[i - 1].norm in prepositions):
            return True
    return False


def unsaid_subject_roles(
    tokens: list[Token], trigger: TriggerMatch, spans: list[ActorSpan], carried: Subject, grammar: Grammar
) -> Roles | None:
    """The carried subject as the source of a verb with no subject of its own, the first actor after the
    verb (its object) the target."""
    if not grammar.flag("pro_drop") or trigger.pattern.nominal or trigger.pattern.reverse:
        return None
    if trigger.form not in _FINITE or not spans or any(s.first <= trigger.start_token for s in spans):
        return None
    target = min(spans, key=lambda s: s.first).mention
    if target.country is None or target.country == carried.mention.country:
        return None
    verb = tokens[trigger.start_token]
    if not agrees(verb.norm, carried.plural, grammar):
        return None
    if trigger.start_token > 0 and tokens[trigger.start_token - 1].norm in grammar.of("impersonal"):
        return None
    if own_subject_before(tokens, trigger.start_token, grammar):
        return None
    # The subject is in the verb's ending: the carried actor stands at the verb, no text of this sentence.
    mention = carried.mention
    source = replace(mention, sentence=target.sentence, start=verb.start, end=verb.start,
                     why=f"{UNSAID} ({mention.why})" if mention.why else UNSAID)
    return Roles(source, target, UNSAID, structural=False)
