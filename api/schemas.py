"""Response models of the JSON API."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from kg.model import Rating


class ErrorOut(BaseModel):
    """Every error response: a code and a message that says what went wrong."""

    error: str = Field(description="Short error class, e.g. not_found, bad_request.")
    message: str


class HealthOut(BaseModel):
    status: str
    documents: int
    claims: int


class CompactOut(BaseModel):
    """What compacting the store did."""

    status: str
    seconds: float = Field(description="How long the compaction took.")


class DocumentOut(BaseModel):
    """A document as ingested, with the number of claims read from it."""

    id: str
    file: str
    title: str | None
    authors: list[str]
    publisher: str | None
    published: str | None = Field(description="ISO date, or null when the text gives none.")
    url: str | None
    sha256: str
    media_type: str
    claims: int


class Page(BaseModel):
    total: int
    offset: int
    limit: int


class DocumentPage(Page):
    items: list[DocumentOut]


class ActorOut(BaseModel):
    role: str = Field(description="agent, patient or recipient")
    name: str
    entity: str | None = Field(None, description="The entity id when the alias table knows the actor.")


class ReviewOut(BaseModel):
    """A fact-checker's review of a claim."""

    id: str
    claim: str = Field(description="The reviewed claim's id.")
    rating: str = Field(description="true, mostly-true, mixed, misleading, false or unverifiable")
    rating_value: int = Field(description="The rating as ClaimReview's ratingValue: 1 (false) to 5 (true); "
                              "0 for unverifiable.")
    note: str
    reviewer: str
    published: str = Field(description="When the review was made (ISO 8601, UTC).")
    status: str = Field(description="current (the claim is as reviewed), stale (its document was read again "
                        "since) or orphaned (its document is gone).")
    claim_text: str = Field(description="The reviewed sentence, as it was.")
    figure: str | None
    document: str
    support: list[str] = Field(description="Ids of claims or documents that support the rating.")


class ReviewIn(BaseModel):
    """A review to add: the rating, a note, and what supports it."""

    model_config = ConfigDict(extra="forbid")

    rating: Rating
    note: str = Field("", max_length=10_000)
    support: list[Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{16}$")]] = Field(
        [], max_length=50, description="Ids of claims or documents that support the rating.")


class ClaimBrief(BaseModel):
    """A claim as listed beside another one's sources: its figure read as a value or interval, its
    scope and its sources, without the lists of its own verdicts (its own lookup has them)."""

    id: str
    document: str
    kind: str = Field(description="figure or event")
    start: int = Field(description="Offset of the figure (or key phrase) in the document's text.")
    end: int
    text: str = Field(description="The sentence.")
    figure: str | None
    value: float | None
    low: float | None
    high: float | None
    qualifier: str | None = Field(description="exact, approx, at_least, at_most or range")
    confidence: float | None
    modality: str
    unit: str | None
    subject: str | None
    measure: str | None
    time: str | None = Field(description="ISO 8601 year, date or start/end interval.")
    time_text: str | None
    place: str | None
    event: str | None
    event_type: str | None = Field(None, description="The kind of event: statement, agreement, meeting, movement, "
                                   "attack, legal, economic, personnel, policy, disaster, contest or protest.")
    participants: list[str]
    actors: list[ActorOut] = Field([], description="An event's actors by role: agent, patient, recipient.")
    figures: list[str] = Field([], description="An event's figure claims: those of its own clause.")
    sources: list[str] = Field(description="The attribution chain, outermost first, without the document.")
    independent_sources: int
    single_source_story: bool = False
    circular_reporting: bool = Field(False, description="The attribution chain passes through sources that "
                                     "cite one another.")


class ClaimOut(ClaimBrief):
    """One claim: its figure read as a value or interval, its scope, its sources and its verdicts."""

    corroborates: list[str]
    conflicts: list[str]
    changes: list[str] = Field([], description="Claims of the same measure at other times.")
    reviews: list[ReviewOut] = Field([], description="Fact-checkers' reviews of the claim (one claim's lookups only).")


class ReviewPage(Page):
    items: list[ReviewOut]


class ClaimPage(Page):
    items: list[ClaimOut]


class ChainLink(BaseModel):
    label: str
    kind: str = Field(description="document, named, anonymous, group or data")
    iri: str
    entity: str | None = None
    phrase: str | None = None


class Root(BaseModel):
    iri: str
    label: str


class TextQuoteSelector(BaseModel):
    type: Literal["TextQuoteSelector"]
    exact: str
    prefix: str
    suffix: str


class TextPositionSelector(BaseModel):
    type: Literal["TextPositionSelector"]
    start: int
    end: int


#: A W3C Web Annotation selector, told apart by its ``type``; each carries only its own fields.
Selector = Annotated[TextQuoteSelector | TextPositionSelector, Field(discriminator="type")]


class EvidenceOut(BaseModel):
    """W3C Web Annotation: the document and selectors of the sentence and of the figure's span."""

    type: str
    source: str
    selector: list[Selector]
    span: list[Selector]


class VerdictOut(BaseModel):
    kind: str
    basis: str
    reason: str
    tolerance: float | None
    relative_difference: float | None
    scope: str | None
    similarity: float | None = None


class RelatedClaim(BaseModel):
    claim: ClaimBrief
    document: DocumentOut
    chain: list[ChainLink]
    roots: list[Root]
    verdict: VerdictOut


class SourcesOut(BaseModel):
    """The provenance of one claim."""

    claim: ClaimOut
    documents: list[DocumentOut] = Field(description="The documents that carry the claim or the listed claims that corroborate it.")
    chain: list[ChainLink] = Field(description="From the document to the root, outermost first.")
    roots: list[Root]
    evidence: EvidenceOut
    corroborated_by: list[RelatedClaim] = Field(description="Claims that agree, ``related`` of them from "
                                                "``related_offset`` by claim id (the claim lists all).")
    conflicts_with: list[RelatedClaim] = Field(description="Claims that disagree, listed as ``corroborated_by``.")
    series: list[RelatedClaim] = Field([], description="The same measure reported at other times, listed alike.")
    independent_sources: int
    single_source_story: bool
    reviews: list[ReviewOut] = Field([], description="Fact-checkers' reviews of the claim, newest first.")


class EntityOut(BaseModel):
    id: str
    iri: str
    label: str
    type: str
    aliases: list[str]
    claims: int


class EntityPage(Page):
    items: list[EntityOut]


class EntityDetail(EntityOut):
    claim_ids: list[str]


class RelationOut(VerdictOut):
    id: str
    a: ClaimOut
    b: ClaimOut


class RelationPage(Page):
    items: list[RelationOut]


class IngestOut(BaseModel):
    """What ingesting one document did."""

    status: str = Field(description="added, replaced, unchanged or removed")
    document: DocumentOut
    claims: int = Field(description="Claims in the whole graph after the build.")
    verdicts: int
