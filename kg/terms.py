"""Terms as the store holds them: rdflib terms crossing to Oxigraph (``to_ox``), and triples
written as N-Triples text (``ntriples``, or term by term with ``iri`` and ``literal`` where a
build writes millions of one shape). Every term goes through Oxigraph's own types, which check
IRIs and escape literals, so text written either way is the same.

>>> from rdflib import Literal, URIRef
>>> ntriples([(URIRef("https://example.org/s"), URIRef("https://example.org/p"), Literal('say "hi"'))])
'<https://example.org/s> <https://example.org/p> "say \\\\"hi\\\\"" .\\n'
>>> literal('say "hi"') == str(to_ox(Literal('say "hi"')))
True
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

Triple = tuple[Node, Node, Node]

_SURROGATE = re.compile("[\ud800-\udfff]")


def _text(value: str) -> str:
    """Text RDF can carry: a lone surrogate (only reachable through escaped input) becomes U+FFFD."""
    return value if value.isascii() else _SURROGATE.sub("\ufffd", value)


def to_ox(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """An rdflib term as an Oxigraph term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(_text(str(term)), language=term.language)
        if term.datatype:
            return ox.Literal(_text(str(term)), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(_text(str(term)))
    raise ValueError(f"Unexpected rdflib term: {term!r}")


def resource(term: Node) -> ox.NamedNode | ox.BlankNode:
    """An rdflib IRI or blank node (a triple's subject) as an Oxigraph term."""
    found = to_ox(term)
    if isinstance(found, ox.Literal):
        raise ValueError(f"a literal cannot be a subject or predicate: {term!r}")
    return found


def iri(value: str) -> str:
    """An IRI as N-Triples writes it (``ValueError`` for one that is not an IRI)."""
    return str(ox.NamedNode(value))


def literal(value: str, datatype: URIRef | None = None) -> str:
    """A literal (a string, or a lexical form of ``datatype``) as N-Triples writes it."""
    if datatype is None:
        return str(ox.Literal(_text(value)))
    return str(ox.Literal(_text(value), datatype=ox.NamedNode(str(datatype))))


def ntriples(triples: Iterable[Triple]) -> str:
    """Triples as N-Triples text, one line a triple."""
    iris: dict[Node, str] = {}  # subjects and predicates repeat: write each once
    literals: dict[Literal, str] = {}  # so do kinds, bases, units and tolerances

    def named(term: Node) -> str:
        found = iris.get(term)
        if found is None:
            found = iris[term] = iri(str(term))
        return found

    def subject(term: Node) -> str:
        return named(term) if type(term) is URIRef else str(resource(term))

    def obj(term: Node) -> str:
        if type(term) is URIRef:
            return named(term)
        if type(term) is Literal:
            found = literals.get(term)
            if found is None:
                found = literals[term] = str(to_ox(term))
            return found
        return str(to_ox(term))

    return "".join(f"{subject(s)} {named(p)} {obj(o)} .\n" for s, p, o in triples)
