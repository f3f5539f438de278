"""The Python vocabulary and the ontology must declare the same terms."""

from __future__ import annotations

from pathlib import Path

from rdflib import OWL, RDF, RDFS, Literal
from rdflib.tools.defined_namespace_creator import get_target_namespace_elements

from kg.ontology import ontology_dir, vocabulary
from kg.vocab import CG


def test_code_and_ontology_declare_the_same_terms():
    elements, source_lines, *_ = get_target_namespace_elements(vocabulary(), str(CG._NS))
    in_ontology = {iri[len(str(CG._NS)):] for iri, _ in elements}
    in_code = set(CG.__annotations__)
    assert in_ontology - in_code == set(), "terms missing from kg/vocab.py: regenerate it"
    assert in_code - in_ontology == set(), "terms in kg/vocab.py that the ontology lacks"
    # The generated lines carry the comments too: a changed comment is drift as well.
    code = (Path(__file__).parent.parent / "kg" / "vocab.py").read_text(encoding="utf-8")
    for line in source_lines:
        assert line in code, f"kg/vocab.py is out of date at: {line.strip()}"


def test_every_term_has_a_label_and_a_comment():
    g = vocabulary()
    for term in (s for s in g.subjects(RDF.type, None) if str(s).startswith(str(CG._NS))):
        assert isinstance(g.value(term, RDFS.label), Literal), f"{term} has no rdfs:label"
        assert isinstance(g.value(term, RDFS.comment), Literal), f"{term} has no rdfs:comment"


def test_every_term_the_graph_uses_is_declared(seed_store):
    declared = {str(s) for s in vocabulary().subjects(RDF.type, None)}
    used = {
        row["t"]
        for row in seed_store.select(
            "SELECT DISTINCT ?t WHERE { { ?s ?t ?o } UNION { ?s a ?t } FILTER(STRSTARTS(STR(?t), STR(cg:))) }"
        )
    }
    assert used and used <= declared, f"undeclared terms: {sorted(used - declared)}"


def test_shapes_are_beside_the_vocabulary():
    assert (ontology_dir() / "shapes.ttl").is_file()
    assert OWL.Ontology in set(vocabulary().objects(None, RDF.type))
