"""Reviews of claims: a fact-checker's rating of a claim, published as schema.org ``ClaimReview``.

A review is a node with its own IRI, attributed (PROV) to its reviewer at the time it was made,
linked to the claim it rates, and kept in a named graph of its own under ``curation/reviews/``,
which builds never touch. It keeps what was reviewed (the sentence, the figure, the document
and its version), so that when a document is read again and the claim changes, the review still
says what it rated and is marked ``stale``; when the document is removed, ``orphaned``. Claim ids
are derived from their content, which makes both decidable.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, TypedDict, get_args

import pyoxigraph as ox
from rdflib import Literal

from . import build as rdf
from . import queries
from .build import Triple
from .errors import InputError, NotFoundError
from .lookup import GraphView
from .model import Claim, Rating, content_id
from .ontology import Gazetteer
from .records import DocumentRecord
from .store import GraphStore, text_or_none
from .terms import ntriples
from .vocab import CG, PROV, RDF, RDFS, SDO, XSD

#: Each rating with the number ClaimReview's ``ratingValue`` carries (0 for unverifiable).
RATINGS: dict[str, int] = {name: (n if name != "unverifiable" else 0) for n, name in enumerate(get_args(Rating), 1)}
WORST_RATING, BEST_RATING = 1, 5


@dataclass(frozen=True)
class Review:
    """One rating of one claim, with what was reviewed as it was then."""

    claim: str
    rating: str
    note: str
    reviewer: str
    published: datetime
    claim_text: str
    document: str
    document_sha: str
    figure: str | None = None
    support: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        return content_id("review", self.claim, self.reviewer, self.published.isoformat(), self.rating, self.note)

    @property
    def rating_value(self) -> int:
        return RATINGS[self.rating]


class ReviewRecord(TypedDict):
    """A review as ``GET /reviews`` and ``kg reviews`` give it."""

    id: str
    claim: str
    rating: str
    rating_value: int
    note: str
    reviewer: str
    published: str
    status: str
    claim_text: str
    figure: str | None
    document: str
    support: list[str]


def new_review(view: GraphView, claim_id: str, rating: str, note: str, reviewer: str,
               support: Sequence[str] = (), now: datetime | None = None) -> Review:
    """A review of a claim of ``view``; an unknown rating, claim or supporting id is an error."""
    if rating not in RATINGS:
        raise InputError(f"unknown rating {rating!r}; use one of {', '.join(RATINGS)}")
    if not reviewer.strip():
        raise InputError("a review needs a reviewer (KG_REVIEWER)")
    claim = view.claim(claim_id)
    documents_by_id = {d["id"]: d for d in view.documents.values()}
    for ref in support:
        if ref not in view.claims and ref not in documents_by_id:
            raise NotFoundError(f"no claim or document with id {ref!r} to support the rating")
    doc = view.documents[claim.document]
    return Review(claim=claim.id, rating=rating, note=note.strip(), reviewer=reviewer.strip(),
                  published=(now or datetime.now(timezone.utc)).replace(microsecond=0),
                  claim_text=claim.text, document=claim.document, document_sha=doc["sha256"],
                  figure=claim.figure.surface if claim.figure else None, support=tuple(dict.fromkeys(support)))


def review_triples(review: Review, view: GraphView) -> Iterator[Triple]:
    """A review as RDF: a ``schema:ClaimReview`` and ``prov:Entity``, attributed to its reviewer."""
    r, who = rdf.review_iri(review.id), rdf.reviewer_iri(review.reviewer)
    yield r, RDF.type, CG.Review
    yield r, CG.reviewedClaim, rdf.claim_iri(review.claim)
    yield r, CG.rating, Literal(review.rating)
    yield r, SDO.ratingValue, Literal(review.rating_value)
    if review.note:
        yield r, SDO.reviewBody, Literal(review.note)
    yield r, PROV.wasAttributedTo, who
    yield r, PROV.generatedAtTime, Literal(review.published.isoformat(), datatype=XSD.dateTime)
    yield r, CG.reviewedText, Literal(review.claim_text)
    yield r, CG.reviewedDocument, Literal(review.document)
    yield r, CG.reviewedVersion, Literal(review.document_sha)
    if review.figure:
        yield r, CG.reviewedFigure, Literal(review.figure)
    documents_by_id = {d["id"] for d in view.documents.values()}
    for ref in review.support:
        target = rdf.document_iri_for_id(ref) if ref in documents_by_id else rdf.claim_iri(ref)
        yield r, CG.supportedBy, target


def reviewer_triples(name: str) -> Iterator[Triple]:
    who = rdf.reviewer_iri(name)
    yield who, RDF.type, PROV.Agent
    yield who, RDFS.label, Literal(name)


def add_review(store: GraphStore, review: Review, view: GraphView) -> None:
    """Write a review into its own graph (a build never touches it), and its reviewer into the
    reviewers' graph, where each reviewer is described once however many reviews they write."""
    store.replace_graph(rdf.review_graph(review.id), review_triples(review, view))
    known = store.dump(ox.RdfFormat.N_TRIPLES, rdf.REVIEWERS_GRAPH).decode("utf-8")
    store.replace_graph_text(rdf.REVIEWERS_GRAPH, known + ntriples(reviewer_triples(review.reviewer)))


def load_reviews(store: GraphStore) -> list[Review]:
    """Every review in the store, oldest first."""
    support: dict[str, list[str]] = {}
    for row in store.select(queries.REVIEW_SUPPORT):
        target = str(row["target"])
        support.setdefault(str(row["review"]), []).append(
            rdf.claim_id_of(target) if target.startswith(str(rdf.claim_iri(""))) else rdf.document_id_of(target))
    out = []
    for row in store.select(queries.REVIEWS):
        iri = str(row["review"])
        out.append(Review(
            claim=rdf.claim_id_of(row["claim"]), rating=str(row["rating"]), note=text_or_none(row.get("note")) or "",
            reviewer=str(row["reviewer"]), published=datetime.fromisoformat(str(row["published"])),
            claim_text=str(row["text"]), document=str(row["file"]), document_sha=str(row["sha"]),
            figure=text_or_none(row.get("figure")), support=tuple(support.get(iri, ())),
        ))
    return sorted(out, key=lambda r: (r.published, r.id))


def status(review: Review, view: GraphView) -> str:
    """``current`` while the claim and its document's version are as reviewed; ``stale`` when the
    document was read again (the claim changed, or its text did around it); ``orphaned`` when the
    document is gone."""
    document = view.documents.get(review.document)
    if document is None:
        return "orphaned"
    if review.claim in view.claims and document["sha256"] == review.document_sha:
        return "current"
    return "stale"


def record(review: Review, view: GraphView) -> ReviewRecord:
    return {
        "id": review.id, "claim": review.claim, "rating": review.rating, "rating_value": review.rating_value,
        "note": review.note, "reviewer": review.reviewer, "published": review.published.isoformat(),
        "status": status(review, view), "claim_text": review.claim_text, "figure": review.figure,
        "document": review.document, "support": list(review.support),
    }


def select(reviews: Iterable[Review], view: GraphView, claim: str | None = None, rating: str | None = None,
           state: str | None = None, claims: Iterable[str] | None = None) -> list[Review]:
    """Reviews, newest first, of one claim, of one rating, in one status, or of the given claims."""
    wanted = set(claims) if claims is not None else None
    found = [r for r in reviews if (not claim or r.claim == claim) and (not rating or r.rating == rating)
             and (wanted is None or r.claim in wanted) and (not state or status(r, view) == state)]
    return sorted(found, key=lambda r: (r.published.isoformat(), r.id), reverse=True)


def search(reviews: Iterable[Review], view: GraphView, claim: str | None = None, rating: str | None = None,
           state: str | None = None, claims: Iterable[str] | None = None) -> list[ReviewRecord]:
    """The records of ``select``."""
    return [record(r, view) for r in select(reviews, view, claim, rating, state, claims)]


def of_claim(store: GraphStore, view: GraphView, claim_id: str) -> list[ReviewRecord]:
    """The reviews of one claim, newest first."""
    return search(load_reviews(store), view, claim=claim_id)


# ------------------------------------------------------------------------------------ ClaimReview

#: The JSON-LD context of the feed: schema.org's terms, without fetching schema.org's own context.
SCHEMA_CONTEXT = {"@vocab": str(SDO._NS)}


def claim_review(review: Review, view: GraphView, base_url: str) -> dict[str, Any]:
    """One review as schema.org ``ClaimReview`` JSON-LD (without its ``@context``)."""
    claim = view.claims.get(review.claim)
    appearances = [_appearance(d) for d in _documents_of(review, claim, view)]
    item: dict[str, Any] = {"@type": "Claim", "appearance": appearances}
    if appearances:
        item["firstAppearance"] = appearances[0]
    author = _claim_author(claim, view)
    if author is not None:
        item["author"] = author
    node: dict[str, Any] = {
        "@type": "ClaimReview",
        "@id": str(rdf.review_iri(review.id)),
        "url": f"{base_url.rstrip('/')}/reviews/{review.id}",
        "claimReviewed": review.claim_text,
        "datePublished": review.published.date().isoformat(),
        "author": {"@type": "Organization", "name": review.reviewer},
        "reviewRating": {"@type": "Rating", "ratingValue": review.rating_value, "bestRating": BEST_RATING,
                         "worstRating": WORST_RATING, "alternateName": review.rating},
        "itemReviewed": item,
    }
    if review.note:
        node["reviewBody"] = review.note
    return node


def claim_review_feed(reviews: Iterable[Review], view: GraphView, base_url: str) -> dict[str, Any]:
    """Reviews as one JSON-LD document of ``ClaimReview`` nodes."""
    return {"@context": SCHEMA_CONTEXT, "@graph": [claim_review(r, view, base_url) for r in reviews]}


def _documents_of(review: Review, claim: Claim | None, view: GraphView) -> list[DocumentRecord]:
    """Where the claim appeared: its own document and those of the reports that agree with it."""
    files = [review.document]
    if claim is not None:
        files += [view.claims[view.other(r, claim.id)].document for r in view.links[claim.id]["corroborates"]]
    return [view.documents[f] for f in dict.fromkeys(files) if f in view.documents]


def _appearance(doc: DocumentRecord) -> dict[str, Any]:
    out: dict[str, Any] = {"@type": "CreativeWork", "headline": doc["title"] or doc["file"]}
    if doc["url"]:
        out["url"] = doc["url"]
    if doc["published"]:
        out["datePublished"] = doc["published"]
    if doc["publisher"]:
        out["publisher"] = {"@type": "Organization", "name": doc["publisher"]}
    return out


def _claim_author(claim: Claim | None, view: GraphView) -> dict[str, Any] | None:
    """Who the claim is from: the root of its attribution chain (its last source), else its publisher."""
    if claim is None:
        return None
    if claim.sources:
        source = claim.sources[-1]
        if source.entity is not None:
            person = Gazetteer.load().types.get(source.entity) == "person"
        else:
            person = source.kind == "named"  # a name the alias table does not know: mostly people
        return {"@type": "Person" if person else "Organization", "name": source.label}
    doc = view.documents.get(claim.document)
    name = doc["publisher"] if doc else None
    return {"@type": "Organization", "name": name} if name else None


def feed_bytes(reviews: Iterable[Review], view: GraphView, base_url: str) -> bytes:
    """Reviews as one ClaimReview JSON-LD document, in UTF-8."""
    return json.dumps(claim_review_feed(reviews, view, base_url), ensure_ascii=False, indent=2).encode("utf-8")


def view_of(store: GraphStore, reviews: Iterable[Review], more: Iterable[str] = ()) -> GraphView:
    """What the reviews' records and feed read: their claims (and ``more`` claims or documents),
    those their notes cite, and the documents of all these; not every claim or document of the
    store."""
    reviews = list(reviews)
    ids = {c for r in reviews for c in (r.claim, *r.support)} | set(more)
    return GraphView(store, only=sorted(ids),
                     with_documents=[*(content_id("document", r.document) for r in reviews), *ids])


def export_feed(store: GraphStore, base_url: str, view: GraphView | None = None) -> bytes:
    """Every review as one ClaimReview JSON-LD document (``kg export --format claimreview``)."""
    found = load_reviews(store)
    return feed_bytes(found, view or view_of(store, found), base_url)
