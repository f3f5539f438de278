"""Every term the seed graph uses is declared in the vocabulary."""

from __future__ import annotations

from rdflib import RDF

from kg.ontology import vocabulary


def test_every_term_the_graph_uses_is_declared(seed_store):
    declared = {str(s) for s in vocabulary().subjects(RDF.type, None)}
    used = {
        row["t"]
        for row in seed_store.select(
            "SELECT DISTINCT ?t WHERE { { ?s ?t ?o } UNION { ?s a ?t } FILTER(STRSTARTS(STR(?t), STR(cg:))) }"
        )
    }
    assert used and used <= declared, f"undeclared terms: {sorted(used - declared)}"
