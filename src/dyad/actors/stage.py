"""The `actors` pipeline stage: fills `doc.mentions` and `doc.home_country`."""

from __future__ import annotations

from dyad.actors.context import home_country, resolve_context
from dyad.actors.headlines import without_headline_words
from dyad.actors.matcher import NameMatcher, NameTable, name_table
from dyad.actors.persons import with_surnames
from dyad.actors.resolve import choose_senses, hits_to_mentions
from dyad.doc import Document
from dyad.pipeline import stage
from dyad.resources import Resources


@stage("actors", requires=("sentences",), provides=("mentions",))
def make_actor_resolver(*, resources: Resources, user_dicts: list[str] | None = None) -> ActorResolver:
    """`user_dicts` in the config are layered like `--dict`: Resources(user_dicts=...) carries them."""
    if user_dicts:
        from pathlib import Path

        resources = Resources(user_dicts=(*resources.user_dicts, *(Path(p) for p in user_dicts)),
                              cache=resources.cache)
    table = resources.compiled("actors-names", lambda: _names(resources), NameTable)
    return ActorResolver(NameMatcher(table), resources)


def _names(resources: Resources) -> NameTable:
    return name_table(resources, extra_names=(*resources.roles, *resources.anaphora))


class ActorResolver:
    def __init__(self, matcher: NameMatcher, resources: Resources):
        self.matcher = matcher
        self.resources = resources

    def __call__(self, doc: Document) -> Document:
        found = [(sentence, self.matcher.find(sentence.text)) for sentence in doc.sentences]
        senses = choose_senses((h for _, hits in found for h in hits), doc.text, self.resources)
        mentions = []
        for sentence, hits in found:
            found_here = hits_to_mentions(hits, sentence.text, sentence.index, doc.date, self.resources, senses)
            mentions.extend(without_headline_words(found_here, sentence.text, sentence.lang or doc.lang))
        doc.home_country = doc.home_country or home_country(mentions)
        texts = {s.index: s.text for s in doc.sentences}
        starts = frozenset(
            s.index
            for i, s in enumerate(doc.sentences)
            if i == 0 or "\n" in doc.text[doc.sentences[i - 1].end : s.start]
        )
        resolved = resolve_context(mentions, texts, doc.home_country, self.resources, starts)
        doc.mentions = with_surnames(resolved, texts, self.resources)
        return doc
