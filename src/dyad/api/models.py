"""Request and response bodies of the JSON routes (pydantic), as in ../shared/contract.md.

Events and findings are the library's own `to_dict()` objects; the models here describe them
for the OpenAPI document and validate what comes in.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

MAX_TEXT = 1_000_000  # characters; the byte limit of the server usually bites first

CODE_PATTERN = r"^[A-Za-z0-9]{3,12}$"  # an ISO alpha-3 country or a CAMEO-style actor code
DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"  # YYYY, YYYY-MM or YYYY-MM-DD
LANG_PATTERN = r"^[A-Za-z]{2,3}$"


def _iso_date(value: str | None) -> str | None:
    if value is None or value == "":
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise ValueError(f"'{value[:40]}' is not a date like 2015-06-23") from None


class ActorsRequest(BaseModel):
    """A text whose actors to find: `{"text", "date"?, "lang"?}`."""

    model_config = ConfigDict(extra="forbid")
    text: str = Field(min_length=1, max_length=MAX_TEXT, description="The article's plain text.")
    date: str | None = Field(None, description="Document date, YYYY-MM-DD, for relative dates and leaders.")
    lang: str | None = Field(
        None, pattern=LANG_PATTERN, description="Language code (en, es, ...); guessed when absent."
    )

    @field_validator("date")
    @classmethod
    def _date(cls, value: str | None) -> str | None:
        return _iso_date(value)


class CodeRequest(ActorsRequest):
    """A text to code: `{"text", "date"?, "lang"?, "fast"?}`."""

    fast: bool = Field(False, description="Rules only.")


class CheckRequest(BaseModel):
    """A text or an HTML page to check: `{"text" or "html", "date"?}`."""

    model_config = ConfigDict(extra="forbid")
    text: str | None = Field(None, max_length=MAX_TEXT)
    html: str | None = Field(None, max_length=MAX_TEXT)
    date: str | None = None
    lang: str | None = Field(
        None, pattern=LANG_PATTERN, description="Language code (en, es, ...); guessed when absent."
    )

    @field_validator("date")
    @classmethod
    def _date(cls, value: str | None) -> str | None:
        return _iso_date(value)

    @model_validator(mode="after")
    def _one_of(self) -> CheckRequest:
        if not (self.text and self.text.strip()) and not (self.html and self.html.strip()):
            raise ValueError("give 'text' or 'html'")
        return self


class DocumentRequest(CheckRequest):
    """An article to store: `{"text" or "html", "url"?, "date"?, "title"?, "lang"?}`."""

    url: str | None = Field(
        None,
        max_length=2000,
        pattern=r"^https?://\S+$",
        description="Where the article lives; a second article under it is a new version.",
    )
    title: str | None = Field(None, max_length=500)


class DocumentCreated(BaseModel):
    id: str
    version: int
    status: str = Field(description="new | updated | unchanged")
    events: int


class Health(BaseModel):
    status: str
    version: str
    store: dict[str, int]


class Actor(BaseModel):
    text: str
    start: int
    end: int
    code: str
    country: str | None
    sector: str | None
    name: str


class MentionOut(Actor):
    """One actor mention, as `dyad actors` prints it: offsets in its sentence and in the text."""

    model_config = ConfigDict(extra="allow")
    doc_id: str
    sentence: int
    kind: str
    why: str
    confidence: float
    doc_start: int
    doc_end: int


class EventOut(BaseModel):
    """One coded event, as `dyad code` prints it."""

    model_config = ConfigDict(extra="allow")
    doc_id: str
    sentence: int
    sentence_text: str
    source: Actor
    target: Actor
    cameo: str
    root: str
    plover: str | None
    quad: int
    penta: int
    goldstein: float
    mode: str
    confidence: float
    date: str | None
    location: dict[str, Any] | None
    trigger: dict[str, Any] | None


class FindingOut(BaseModel):
    """One finding, as `dyad check` prints it."""

    model_config = ConfigDict(extra="allow")
    doc_id: str
    kind: str
    severity: str
    text: str
    start: int
    end: int
    says: str | None
    context: str | None
    suggest: str | None
    evidence: list[str]
    message: str


class MissionOut(BaseModel):
    model_config = ConfigDict(extra="allow")
    sender: str
    host: str
    city: str | None
    district: str | None
    kind: str
    status: str | None
    since: str | None
    until: str | None
    from_: str | None = Field(
        default=None, alias="from", description="where the status comes from: news (the articles) or reference"
    )
    sources: list[dict[str, Any]]


class ErrorOut(BaseModel):
    error: str
    message: str
    details: list[dict[str, Any]] | None = None
