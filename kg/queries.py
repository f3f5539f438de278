"""Named SPARQL queries. Values are passed as bindings, never formatted into the text.

Every query runs with the default graph as the union of the store's graphs and the prefixes
of ``kg.vocab.PREFIXES``.
"""

from __future__ import annotations

DOCUMENT_VERSIONS = """
SELECT ?file ?sha WHERE { ?doc a cg:Document ; cg:fileName ?file ; cg:sha256 ?sha }
"""

DOCUMENTS = """
SELECT ?doc ?file ?title ?publisher ?published ?url ?sha ?media (COUNT(DISTINCT ?claim) AS ?claims) WHERE {
  ?doc a cg:Document ; cg:fileName ?file ; cg:sha256 ?sha ; dcterms:format ?media .
  OPTIONAL { ?doc dcterms:title ?title }
  OPTIONAL { ?doc dcterms:publisher/rdfs:label ?publisher }
  OPTIONAL { ?doc dcterms:issued ?published }
  OPTIONAL { ?doc schema:url ?url }
  OPTIONAL { ?claim schema:appearance ?doc }
}
GROUP BY ?doc ?file ?title ?publisher ?published ?url ?sha ?media
ORDER BY ?file
"""

DOCUMENT_AUTHORS = """
SELECT ?doc ?name WHERE {
  ?doc a cg:Document ; prov:qualifiedAttribution ?link .
  ?link cg:chainIndex ?index ; prov:agent ?person .
  ?doc dcterms:creator ?person .
  ?person rdfs:label ?name .
}
ORDER BY ?doc ?index
"""

DOCUMENT_TEXT = """
SELECT ?text WHERE { ?doc cg:text ?text }
"""

COUNT_TRIPLES = """
SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }
"""

COUNT_CLAIMS = """
SELECT (COUNT(DISTINCT ?claim) AS ?n) WHERE { ?claim schema:appearance ?doc }
"""

COUNT_VERDICTS = """
SELECT (COUNT(DISTINCT ?verdict) AS ?n) WHERE { ?verdict cg:claim ?claim }
"""
