"""The `actors` pipeline stage: fills `doc.mentions` and `doc.home_country`."""

from __future__ import annotations

from pathlib import Path

from dyad.actors.matcher import NameMatcher
from dyad.actors.resolve import hits_to_mentions, home_country, resolve_context
from dyad.doc import Document
from dyad.pipeline import stage
from dyad.resources import Resources


@stage("actors", requires=("sentences",), provides=("mentions",))
def make_actor_resolver(*, resources: Resources, user_dicts: list[str] | None = None):
    del user_dicts  # user dictionaries arrive through Resources(user_dicts=...)
    matcher = NameMatcher(resources, extra_names=resources.roles)
    return ActorResolver(matcher, resources)


class ActorResolver:
    def __init__(self, matcher: NameMatcher, resources: Resources):
        self.matcher = matcher
        self.resources = resources

    def __call__(self, doc: Document) -> Document:
        mentions = []
        for sentence in doc.sentences:
            hits = self.matcher.find(sentence.text)
            mentions.extend(hits_to_mentions(hits, sentence.text, sentence.index, doc.date, self.resources))
        doc.home_country = doc.home_country or home_country(mentions)
        texts = {s.index: s.text for s in doc.sentences}
        doc.mentions = resolve_context(mentions, texts, doc.home_country, self.resources)
        return doc


def load_user_dicts(paths: list[str]) -> list[Path]:
    return [Path(p) for p in paths]
