"""The ``kg`` command as installed: the library's commands (``kg.cli``) and ``kg serve``."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli import DEFAULT_SEEDS, load_settings, main, store_option


@main.command()
@store_option
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
def serve(store: str | None, host: str, port: int) -> None:
    """Serve the API on the store, building it from seeds/ first when it is empty."""
    from kg.query_workers import start_worker_server

    start_worker_server()  # the query workers load while the service does
    import uvicorn

    from kg import pipeline, refresh
    from kg.backend import open_store

    from .main import create_app

    settings = load_settings(store)
    graph = open_store(settings)
    try:
        if not graph.select(pipeline.queries.DOCUMENT_VERSIONS) and not Path(DEFAULT_SEEDS).is_dir():
            click.echo(f"kg serve: the store {settings.store} is empty and there is no {DEFAULT_SEEDS}/ folder here "
                       "to build it from; serving an empty graph. Add documents with `kg build PATH` (stop the "
                       "service first) or POST /documents.", err=True)
        elif not graph.select(pipeline.queries.DOCUMENT_VERSIONS):
            click.echo(f"kg serve: the store is empty; building it from {DEFAULT_SEEDS}/", err=True)
            report = pipeline.build([DEFAULT_SEEDS], graph, settings)
            click.echo(f"kg build: {report.summary()}", err=True)
        else:  # verdicts cut short by a crash are recomputed before anyone reads them
            refresh.refresh(graph, settings, changed=False)
        uvicorn.run(create_app(settings, store=graph), host=host, port=port, log_level=settings.log_level.lower())
    finally:
        graph.close()


if __name__ == "__main__":
    main()
