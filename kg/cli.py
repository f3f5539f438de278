"""The ``kg`` command: build, extract, query, export and validate the graph (``api.cli`` adds
``kg serve``, the service on top of this library).

Every command that uses the store takes ``--store DIR`` (or ``KG_STORE``). Errors are one line
on stderr and a non-zero exit status. Each command imports what it uses, so that the command line
starts in a fraction of a second.
"""

from __future__ import annotations

import contextlib
import json
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, cast, get_args

import click
from pydantic import ValidationError

from .config import Settings
from .errors import ConfigError, InputError, KGError, QueryError
from .model import EXPORT_FORMATS, STATUSES, Rating

if TYPE_CHECKING:
    from .records import ClaimRecord

DEFAULT_SEEDS = "seeds"


class _Group(click.Group):
    """Turns the library's errors into one line and an exit status."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except KGError as exc:
            click.echo(f"kg: error: {exc}", err=True)
            status = 2 if isinstance(exc, InputError | QueryError | ConfigError) else 1
            ctx.exit(status)
        except OSError as exc:  # a file or folder the user named cannot be read or written
            where = f"{exc.filename}: " if exc.filename else ""
            click.echo(f"kg: error: {where}{exc.strerror or exc}", err=True)
            ctx.exit(2)


def load_settings(store: str | None) -> Settings:
    try:
        return Settings(store=store) if store else Settings()
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'settings'}: {e['msg']}" for e in exc.errors())
        raise ConfigError(f"the settings are wrong: {problems}") from exc


store_option = click.option(
    "--store", "store", envvar="KG_STORE", default=None, metavar="DIR", help="Store folder (default ./kg-data)."
)


@click.group(cls=_Group)
@click.version_option(package_name="claimgraph")
def main() -> None:
    """A claim-provenance knowledge graph: figures, who says them, whom they cite, who agrees."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@store_option
@click.option("--progress/--no-progress", default=True, help="Show a progress bar on stderr.")
@click.option("--workers", type=click.IntRange(1, 256), default=1, show_default=True,
              help="Worker processes that parse and extract (for large corpora).")
@click.option("--dask", "dask_address", metavar="ADDRESS", default=None,
              help="Parse, extract and reconcile on a Dask cluster: a scheduler address (tcp://host:8786) "
                   "or local:N for N local worker processes.")
def build(paths: tuple[str, ...], store: str | None, progress: bool, workers: int, dask_address: str | None) -> None:
    """Ingest files or folders (default seeds/) into the store."""
    from tqdm import tqdm

    from . import pipeline
    from .backend import open_store
    from .workers import open_workers

    settings = load_settings(store)
    graph = open_store(settings)
    bars: list[tqdm] = []

    def plan(total: int) -> None:
        bars.append(tqdm(total=total, unit="doc", desc="kg build", file=sys.stderr, disable=not progress or total == 0))

    def read(_: object) -> None:
        bars[0].update(1)

    def verdicts(total: int) -> Callable[[], object]:
        bars.append(tqdm(total=total, unit="partition", desc="kg build: verdicts", file=sys.stderr,
                         disable=not progress or total == 0))
        return lambda: bars[-1].update(1)

    try:
        with open_workers(settings, processes=workers, dask=dask_address) as pool:
            report = pipeline.build(paths or [DEFAULT_SEEDS], graph, settings,
                                    progress=read, on_plan=plan, workers=pool,
                                    verdict_progress=verdicts)
    finally:
        for bar in bars:
            bar.close()
        graph.close()
    for _, error in report.failed:
        click.echo(f"kg: error: {error.message}", err=True)
    click.echo(f"kg build: {report.summary()} -> {settings.store}", err=True)
    if report.failed:
        sys.exit(2)


@main.command(name="extract")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl", show_default=True)
def extract_command(paths: tuple[str, ...], fmt: str) -> None:
    """Run the whole pipeline in memory on PATHS and print the claims."""
    from . import pipeline, records

    extraction = pipeline.extract_claims(paths, load_settings(None))
    _print_records(records.claim_records(extraction.claims, extraction.relations), fmt)


@main.command(name="text")
@click.argument("path", type=click.Path())
@click.option("--json", "as_json", is_flag=True, help="Print the document's metadata as JSON instead.")
def text_command(path: str, as_json: bool) -> None:
    """Print exactly the text that claim offsets point into: what the reader kept of PATH."""
    from . import ingest

    doc = ingest.read_document(path, max_bytes=load_settings(None).max_document_bytes)
    if not as_json:
        sys.stdout.write(doc.text)
        return
    click.echo(json.dumps({
        "file": doc.key, "title": doc.title, "authors": list(doc.authors), "publisher": doc.publisher,
        "published": doc.published.isoformat() if doc.published else None, "url": doc.url,
        "language": doc.language, "media_type": doc.media_type, "sha256": doc.sha256, "characters": len(doc.text),
        "boilerplate": [{"start": b.start, "end": b.end, "kind": b.kind} for b in doc.boilerplate],
    }, indent=2, ensure_ascii=False))


def _print_records(records: Sequence[ClaimRecord], fmt: str) -> None:
    from . import export

    if fmt == "jsonl":
        for record in records:
            click.echo(json.dumps(record, ensure_ascii=False))
    else:
        click.echo(export.claims_table(records))


@main.command()
@store_option
@click.option("--conflicts", is_flag=True, help="List the conflicts between claims, with their reasons.")
@click.option("--document", default=None, help="Only claims of this file name.")
@click.option("--measure", default=None, help="Only claims whose measure key contains this text.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
def claims(store: str | None, conflicts: bool, document: str | None, measure: str | None, fmt: str) -> None:
    """List the claims in the store (or the conflicts between them)."""
    from . import export, paging
    from .backend import open_store

    graph = open_store(load_settings(store), read_only=True)
    if conflicts:
        rows = []
        for r in paging.relations_page(graph, "conflicts", 0, paging.ALL)[1]:
            a, b = cast("ClaimRecord", r["a"]), cast("ClaimRecord", r["b"])
            if fmt == "jsonl":
                click.echo(json.dumps({"a": a, "b": b, "reason": r["reason"], "basis": r["basis"]}, ensure_ascii=False))
                continue
            rows.append([f"{a['id']} {a['figure']} ({str(a['document'])[:12]}; {' > '.join(a['sources']) or 'document'})",
                         f"{b['id']} {b['figure']} ({str(b['document'])[:12]}; {' > '.join(b['sources']) or 'document'})",
                         str(r["reason"])])
        if fmt == "table":
            click.echo(export.table(["claim", "conflicts with", "reason"], rows, width=70, whole=["reason"]))
        return
    _print_records(paging.claims_page(graph, 0, paging.ALL, document=document, measure=measure)[1], fmt)


@main.command()
@click.argument("claim_id")
@store_option
def sources(claim_id: str, store: str | None) -> None:
    """The provenance of one claim: documents, attribution chain, evidence, who agrees or disagrees."""
    from . import lookup
    from .backend import open_store

    graph = open_store(load_settings(store), read_only=True)
    view = lookup.GraphView(graph, around=claim_id)  # the claim and its neighbours, not every claim
    click.echo(json.dumps(lookup.provenance(graph, view, claim_id), indent=2, ensure_ascii=False))


@main.command()
@click.argument("sparql")
@store_option
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv", "tsv", "xml"]), default="table")
def query(sparql: str, store: str | None, fmt: str) -> None:
    """Run a read-only SPARQL query on the store."""
    from . import export
    from .backend import open_store

    graph = open_store(load_settings(store), read_only=True)
    click.echo(export.query_result(graph, sparql, fmt))


@main.command(name="export")
@store_option
@click.option("--format", "fmt", type=click.Choice([*EXPORT_FORMATS, "claimreview"]), default="ttl",
              show_default=True, help="RDF, gexf, graphml, csv, or claimreview (the reviews as schema.org JSON-LD).")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), default=None, help="File to write (default stdout).")
def export_command(store: str | None, fmt: str, output: str | None) -> None:
    """Export the whole graph: RDF, GEXF for Gephi, GraphML, CSV of the claims, or the reviews' ClaimReview feed."""
    from . import export, lookup, reviews
    from .backend import open_store

    settings = load_settings(store)
    graph = open_store(settings, read_only=True)
    if fmt == "claimreview":
        data = reviews.export_feed(graph, settings.public_url)
        if output:
            Path(output).write_bytes(data)
        else:
            sys.stdout.buffer.write(data)
        return
    # Written as the store is read, in bounded memory.
    with open(output, "wb") if output else contextlib.nullcontext(sys.stdout.buffer) as out:
        if fmt in export.RDF_FORMATS:
            export.write_rdf(graph, fmt, out)
        else:
            lookup.write_export(graph, fmt, out)


@main.command()
@click.argument("claim_id")
@store_option
@click.option("--rating", required=True, type=click.Choice(get_args(Rating)), help="The rating on the fixed scale.")
@click.option("--note", default="", help="Why: what the reviewer found.")
@click.option("--support", multiple=True, metavar="ID", help="A claim or document id that supports the rating "
              "(repeat for several).")
def review(claim_id: str, store: str | None, rating: str, note: str, support: tuple[str, ...]) -> None:
    """Review a claim: a rating, a note, and what supports it, published under KG_REVIEWER."""
    from . import reviews
    from .backend import open_store

    settings = load_settings(store)
    graph = open_store(settings)
    try:
        view = reviews.view_of(graph, [], [claim_id, *support])
        found = reviews.new_review(view, claim_id, rating, note, settings.reviewer, support)
        reviews.add_review(graph, found, view)
        graph.flush()
    finally:
        graph.close()
    click.echo(f"kg review: {found.id} rates {claim_id} {rating} ({settings.reviewer})", err=True)


@main.command(name="reviews")
@store_option
@click.option("--status", type=click.Choice(STATUSES), default=None, help="Only reviews in this status.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "claimreview"]), default="table",
              show_default=True)
def reviews_command(store: str | None, status: str | None, fmt: str) -> None:
    """List the reviews, newest first: rating, status (current, stale, orphaned), claim and note."""
    from . import export, reviews
    from .backend import open_store

    settings = load_settings(store)
    graph = open_store(settings, read_only=True)
    every = reviews.load_reviews(graph)
    view = reviews.view_of(graph, every)
    found = reviews.select(every, view, state=status)
    if fmt == "claimreview":
        click.echo(reviews.feed_bytes(found, view, settings.public_url).decode("utf-8"))
        return
    listed = [reviews.record(r, view) for r in found]
    if fmt == "jsonl":
        for r in listed:
            click.echo(json.dumps(r, ensure_ascii=False))
    else:
        rows = [[r["id"], r["rating"], r["status"], r["claim"], r["figure"] or "", r["reviewer"], r["note"]]
                for r in listed]
        click.echo(export.table(["id", "rating", "status", "claim", "figure", "reviewer", "note"], rows, width=50))


@main.command()
@click.argument("names", nargs=-1, required=True)
@store_option
def remove(names: tuple[str, ...], store: str | None) -> None:
    """Remove documents by file name and recompute the verdicts (reviews of their claims stay,
    orphaned). Reads are faster again after ``kg compact``."""
    from . import pipeline
    from .backend import open_store

    settings = load_settings(store)
    graph = open_store(settings, create=False)
    try:
        report = pipeline.remove_documents(names, graph, settings)
    finally:
        graph.close()
    click.echo(f"kg remove: {report.summary()} -> {settings.store}", err=True)


@main.command()
@store_option
def compact(store: str | None) -> None:
    """Compact the store's files: reads are faster after documents were removed or replaced."""
    import time

    from .backend import open_store

    settings = load_settings(store)
    graph = open_store(settings, create=False)
    started = time.perf_counter()
    try:
        graph.compact()
    finally:
        graph.close()
    click.echo(f"kg compact: {settings.store} in {time.perf_counter() - started:.1f} s", err=True)


@main.command()
@store_option
def validate(store: str | None) -> None:
    """Check the store against the SHACL shapes of ontology/shapes.ttl."""
    from . import shacl
    from .backend import open_store

    graph = open_store(load_settings(store), read_only=True)
    conforms, report = shacl.validate(graph)
    click.echo(report if not conforms else "kg validate: the graph conforms to the shapes")
    if not conforms:
        sys.exit(1)



if __name__ == "__main__":
    main()
