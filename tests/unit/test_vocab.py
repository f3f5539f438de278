"""The Python vocabulary and the ontology must declare the same terms."""

from __future__ import annotations

from rdflib import OWL, RDF, RDFS, Literal
from rdflib.tools.defined_namespace_creator import get_target_namespace_elements

from kg.ontology import ontology_dir, vocabulary
from kg.vocab import CG

from support import ROOT


def test_code_and_ontology_declare_the_same_terms():
    elements, source_lines, *_ = get_target_namespace_elements(vocabulary(), str(CG._NS))
    in_ontology = {iri[len(str(CG._NS)):] for iri, _ in elements}
    in_code = set(CG.__annotations__)
    assert in_ontology - in_code == set(), "terms missing from kg/vocab.py: regenerate it"
    assert in_code - in_ontology == set(), "terms in kg/vocab.py that the ontology lacks"
    # The generated lines carry the comments too: a changed comment is drift as well.
    code = (ROOT / "kg" / "vocab.py").read_text(encoding="utf-8")
    for line in source_lines:
        assert line in code, f"kg/vocab.py is out of date at: {line.strip()}"


def test_every_term_has_a_label_and_a_comment():
    g = vocabulary()
    for term in (s for s in g.subjects(RDF.type, None) if str(s).startswith(str(CG._NS))):
        assert isinstance(g.value(term, RDFS.label), Literal), f"{term} has no rdfs:label"
        assert isinstance(g.value(term, RDFS.comment), Literal), f"{term} has no rdfs:comment"


def test_shapes_are_beside_the_vocabulary():
    assert (ontology_dir() / "shapes.ttl").is_file()
    assert OWL.Ontology in set(vocabulary().objects(None, RDF.type))
