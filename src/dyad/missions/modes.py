"""How a sentence reports a change (its mode), when the change happened, and the status it stores.

The mode comes from the cue file's `mode` words: before the change word ("will", "agreed to", "not",
"threatened to", "after a long"), just after it ("since"), or anywhere ("within 48 hours": an expulsion
ordered); from a verb ending (Spanish "cerrará"); from a question mark; and from the date: a change
dated well before the article is background. When several apply, the first of `PRECEDENCE` wins.

    future / infinitive   a plan ("will reopen", "to reopen"): stored as `planned`
    intent                a decision or agreement ("agreed to reopen"): a plan, except for acts done by
                          deciding them (an expulsion, a recall, a closure, a break of relations)
    command / order       an order given ("ordered to close", "within 72 hours"): done
    historical            background ("after a 12-year closure", "had been shut since"), not stored
    subordinate           told in a clause of time or concession the sentence's news does not stand in
                          ("when Brazil closed its embassy, ...", "pese a la ruptura de relaciones"), not stored
    negated, hypothetical, question   not stored
    undated               "no date was given for ...": negated for a reopening, future for an opening
    indefinite            "sine die" after it: negated for a reopening (a return put off), else nothing
"""

from __future__ import annotations

from dataclasses import dataclass

from dyad.missions.lexicon import CueMatch
from dyad.missions.phrases import attributes, in_attribute
from dyad.missions.sentence import Parsed
from dyad.text.dates import DateMention, date_words, find_dates, is_before, nearest_date

PRECEDENCE = (
    "question", "negated", "hypothetical", "historical", "subordinate", "command", "order", "future", "intent",
    "infinitive",
)  # fmt: skip
_RECENT = 7  # days before the article in which a change told in the past perfect is still its news
_WINDOW = 10  # words before the change word that its mode words may stand in
# Acts done by being decided and announced: "decided to expel" is an expulsion, "decided to reopen" a plan.
_IMMEDIATE = (
    "closed", "suspended", "ambassador expelled", "ambassador recalled", "severed", "downgraded", "recognition",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Mode:
    mode: str
    why: str
    perfect: bool = False  # background only for its past perfect ("had closed"): a date may make it news


def _undated(status: str) -> str:
    """What "no date was given for ..." makes of the change it names: a reopening with no date is no plan
    (the mission stays closed until further notice); an opening with no date is still a plan, its day
    not yet set ("sin dar una fecha para su apertura" of an embassy just built)."""
    return "negated" if status == "reopened" else "future"


def mode_of(parsed: Parsed, cue: CueMatch, status: str, noun: CueMatch | None = None) -> Mode:
    """The mode of the change a cue says (with the mission word it pairs with), and the words that decided it."""
    if parsed.text.rstrip().endswith("?") or parsed.text.lstrip().startswith("¿"):
        return Mode("question", "a question")
    clause = parsed.clause[cue.start]
    found: dict[str, str] = {}
    speech = any(m.cue.value == "speech" and m.end <= cue.start for m in parsed.role_matches("mode"))
    changes = [c for c in parsed.matches if c.cue.role in ("change", "relation") and c is not cue]
    spans = attributes(parsed)
    undated = [m for m in parsed.role_matches("mode") if m.cue.value == "undated"]
    perfect = ""
    for m in parsed.role_matches("mode"):
        value, scope = m.cue.value, m.cue.scope
        if any(u is not m and u.start <= m.start and m.end <= u.end for u in undated):
            continue  # the "sin" of "sin dar una fecha": the phrase as a whole says what it does
        if any(c.start <= m.start and m.end <= c.end for c in changes):
            continue  # "ordered" inside another change ("ordered out") gives no mode to this one
        if in_attribute(spans, m.start, m.end, cue):
            continue  # "die seit Jahren geschlossene Botschaft": the participle's "seit", not this change's
        if scope == "sentence":
            hit = True
        elif scope == "adjacent":  # "to move", "para reabrir": right before the change word
            hit = m.end == cue.start
        elif scope == "clause":  # German puts the modal verb second and the changed verb last
            hit = m.end <= cue.start and parsed.clause[m.start] == clause
        elif scope == "after":
            hit = cue.end <= m.start < cue.end + 3 and parsed.clause[m.start] == clause
        elif scope == "rest":  # "denied reports that Spain would close ...": what follows it, clause or not
            hit = m.end <= cue.start
        elif scope == "object":  # "nach mehrwöchiger Schließung", "tras el cierre": the act a preposition governs
            hit = (
                m.end <= cue.start <= m.end + 2
                and not _ended(parsed, m.end, cue.start)
                and not any(m.end <= c.start < cue.start for c in changes)  # its first act only
                and not parsed.lex.form("gerund", parsed.word(cue.start))  # "after closing ..." may be news
                # needs=noun: only a change noun after its article ("trotz der Schließung"), never the verb
                # that follows a fronted phrase ("Trotz der Proteste schloss Peru ...")
                and (m.cue.needs != "noun" or any(parsed.is_(r, cue.start - 1) for r in ("article", "possessive")))
            )
        elif scope == "span":  # "when Brazil closed its embassy, ...": the clause it opens, up to its comma
            hit = (
                m.end <= cue.start
                and parsed.clause[m.end - 1] == clause
                and not _comma_between(parsed, m.end, cue.start)
            )
        elif scope == "later":  # "the reopening of the embassy is planned for May": the clause's predicate
            hit = m.start >= cue.end and parsed.clause[m.start] == clause
        else:
            window = parsed.lex.settings.get("window", _WINDOW)
            # a mode phrase may end in the change word itself: "after freezing ties"; a prepositional one
            # (needs=phrase) ends at a comma or an actor: "After seven years without ties, A and B reopened"
            hit = (
                cue.start - window <= m.start < cue.start
                and m.end <= cue.end
                # a phrase ending in a clause word belongs to the clause it opens: "countries that recognize"
                and parsed.clause[m.end - 1] == clause
                and not (m.cue.needs == "phrase" and _ended(parsed, m.end, cue.start))
            )
        if value == "pluperfect":  # "had closed": background, unless reported ("said it had closed")
            value = "" if speech else "historical"
            if hit and value and "historical" not in found:
                perfect = f"'{parsed.span_text(m.start, m.end)}'"
        if value == "undated":
            value = _undated(status)
        if value == "indefinite":
            # "sine die": a return put off indefinitely is none; a recall "sine die" is still a recall
            value = "negated" if status == "reopened" else ""
        if hit and value and value not in ("speech", "present"):
            found.setdefault(value, f"'{parsed.span_text(m.start, m.end)}'")
    word = parsed.text[parsed.tokens[cue.start].start : parsed.tokens[cue.end - 1].end].lower()
    for ending, mode in parsed.lex.endings:
        if word.endswith(ending) and len(word) > len(ending) + 3:
            found.setdefault(mode, f"the ending -{ending}")
    # a verb in the future before it governs it too: "fermera son ambassade et demandera à l'ambassadeur de quitter"
    window = parsed.lex.settings.get("window", _WINDOW)
    for i in range(max(0, cue.start - window), cue.start):
        if parsed.clause[i] != clause:
            continue
        before = parsed.text[parsed.tokens[i].start : parsed.tokens[i].end].lower()
        for ending, mode in parsed.lex.endings:
            if mode == "future" and before.endswith(ending) and len(before) > len(ending) + 3:
                found.setdefault(mode, f"'{before}'")
    if cue.end - cue.start == 1 and parsed.word(cue.start - 1) == "," and parsed.lex.form(
        "participle", parsed.word(cue.start)
    ):
        found.setdefault("historical", "a participle after a comma: the state it is in")
    if (
        parsed.lex.settings.get("attributive")
        and noun is not None
        and noun.end == cue.start
        and cue.end - cue.start == 1
        and parsed.lex.form("participle", parsed.word(cue.start))
    ):
        # "una embajada cerrada", "l'ambassade fermée": where the participle differs from the past tense,
        # one right after its mission word qualifies it (the state it is in), it does not tell an act
        found.setdefault("historical", "a participle right after its mission word: the state it is in")
    if "order" in found and status != "ambassador expelled":
        del found["order"]  # a deadline orders an expulsion; "reopen within 45 days" is still a plan
    for mode in PRECEDENCE:
        if mode in found:
            return Mode(mode, f"{mode}: {found[mode]}", perfect=mode == "historical" and found[mode] == perfect)
    return Mode("factual", "factual")


def _comma_between(parsed: Parsed, start: int, end: int) -> bool:
    return any(parsed.word(i) == "," for i in range(start, end))


def _ended(parsed: Parsed, start: int, end: int) -> bool:
    """Whether a prepositional phrase ("after years of closure", "sin relaciones", "nach zwölf Jahren") ends
    before the change word: a comma or an actor (the main clause's subject) stands between them."""
    return any(parsed.word(i) == "," or parsed.anchor_at(i) is not None for i in range(start, end))


def when(
    parsed: Parsed,
    cue: CueMatch,
    mode: Mode,
    doc_date: str | None,
    dates: list[DateMention],
    status: str,
    narrating_past: bool = False,
) -> tuple[str | None, Mode]:
    """The change's date from the nearest date words (None without any: the story's news day applies,
    see stage.news_day), and the mode it implies. A plan looks forward ("on Monday" is the next one)."""
    start, end = parsed.tokens[cue.start].start, parsed.tokens[cue.end - 1].end
    planned = mode.mode in ("future", "infinitive") or (mode.mode in ("intent", "command") and status not in _IMMEDIATE)
    if planned or (mode.mode == "hypothetical" and status in ("opened", "reopened")):
        dates = find_dates(parsed.folded, doc_date, date_words(parsed.lex.lang), forward=True)
    dates = [d for d in dates if not _anothers_date(parsed, cue, _token_at(parsed, d.start))]
    if mode.mode in ("order", "command") and status == "ambassador expelled":
        # "ordered to leave Madrid before 30 September": an expulsion order's date after the article is its
        # deadline, not the day the order was given
        dates = [d for d in dates if not _after(d.date, doc_date)]
    clause = parsed.clause[cue.start]
    here = [d for d in dates if parsed.clause[_token_at(parsed, d.start)] == clause] or dates
    near = nearest_date(here, start, end)
    if near is None:
        present = any(m.cue.value == "present" and m.end <= cue.start for m in parsed.role_matches("mode"))
        if narrating_past and not present and mode.mode in ("factual", "command", "intent"):
            return None, Mode("historical", "historical: the paragraph tells the past")
        return None, mode
    if (
        mode.mode == "hypothetical"
        and status in ("opened", "reopened")
        and len(near.date) == 10
        and _after(near.date, doc_date)
        and not _qualified_noun(parsed, cue)
    ):
        # "podrían reabrir el 2 de mayo": an opening that may happen on a set day is a scheduled one (a plan);
        # a closure that may happen on a day stays a threat
        return near.date, Mode("future", f"future: may happen on {near.date}, a set day after the article")
    if mode.perfect and len(near.date) == 10 and not near.past and not is_before(near.date, doc_date, _RECENT):
        # "les autorités avaient ordonné vendredi la fermeture": a past perfect dated in the article's own
        # days tells a change of the news, told before another; undated or older, it is background
        return near.date, Mode("factual", f"factual: a past perfect dated {near.date}, in the article's days")
    if mode.mode in ("factual", "order", "command", "intent") and (near.past or is_before(near.date, doc_date)):
        return near.date, Mode("historical", f"historical: dated {near.date}, before the article")
    if mode.mode == "factual" and _after(near.date, doc_date):
        # "la reapertura ... para el próximo mes": a change dated after the article is still to come
        return near.date, Mode("future", f"future: dated {near.date}, after the article")
    return near.date, mode


def _qualified_noun(parsed: Parsed, cue: CueMatch) -> bool:
    """ "ministers talked on Monday about a possible reopening": a change noun an adjective calls possible is
    what another verb speaks of; a day in its sentence is that verb's, not a day set for the change."""
    return any(
        m.cue.needs == "qualifier" and m.end <= cue.start and cue.start - m.end <= 1
        for m in parsed.role_matches("mode")
    )


def _anothers_date(parsed: Parsed, cue: CueMatch, i: int) -> bool:
    """Whether the date at token i belongs to another word than this change: it stands in an attributive
    phrase ("die Mitte Februar geschlossene Botschaft wird wieder geöffnet"), in a relative clause after the
    change word, or after a change word that follows this one after a comma ("rouvre son ambassade à Damas,
    fermée en 2012": the closure's date)."""
    if in_attribute(attributes(parsed), i, i + 1, cue):
        return True
    if any(_opens_relative(parsed, k) and parsed.clause[k] == parsed.clause[i] for k in range(cue.end, i)):
        return True  # "fermé son ambassade, cinq mois après le coup qui a chassé le président le 26 juillet"
    return any(
        c.cue.role == "change" and cue.end <= c.start and c.end <= i and parsed.word(c.start - 1) == ","
        for c in parsed.matches
    )


def _opens_relative(parsed: Parsed, k: int) -> bool:
    """Whether token k opens a relative clause, whose verb a date after it belongs to: a relative word after a
    comma, or one that is no article ("qui", "which", "que"; German "die" only after a comma), or a participle
    after a comma (", anunciado por los presidentes el 17 de diciembre")."""
    after_comma = k > 0 and parsed.word(k - 1) == ","
    if not parsed.is_("relative", k):
        tok = parsed.tokens[k]
        lower = parsed.text[tok.start : tok.start + 1].islower()
        return after_comma and lower and parsed.lex.form("participle", parsed.word(k))
    return after_comma or not parsed.is_("article", k)


def _after(date: str, doc_date: str | None) -> bool:
    """Whether a (possibly imprecise) date lies after the document's day, month or year."""
    return doc_date is not None and date > doc_date[: len(date)]


def _token_at(parsed: Parsed, offset: int) -> int:
    return next((t.index for t in parsed.tokens if t.end > offset), len(parsed.tokens) - 1)


def status_of(cue: CueMatch, noun_kind: str) -> str:
    """A cue's status for the mission word: "A|B|C" is A for an ambassador, B for a mission, C for its
    staff ("-" = no change to the mission)."""
    parts = cue.cue.value.split("|")
    if len(parts) == 1:
        return parts[0]
    index = {"ambassador": 0, "staff": 2}.get(noun_kind, 1)
    return parts[min(index, len(parts) - 1)]


def stored_status(status: str, mode: str) -> tuple[str, str | None, str]:
    """(status, plan, mode) as stored: a plan is `planned`; a decided immediate act is done."""
    if mode in ("intent", "command") and status in _IMMEDIATE:
        return status, None, "factual"  # "decided to expel", "ordered the closure": done by deciding
    if mode == "future" and status == "severed":
        return status, None, "factual"  # "will cut all ties": a break of relations is made by announcing it
    if mode == "order":
        return status, None, mode
    if mode in ("future", "intent", "infinitive", "command"):
        return "planned", status, mode  # "agreed to reopen", "ordered the reopening": still to be done
    return status, None, mode
