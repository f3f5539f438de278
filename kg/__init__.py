"""A claim-provenance knowledge graph: who says which figure, whom they cite, who agrees.

The stages run one way: ``ingest`` -> ``extract`` -> ``normalize`` -> ``build`` ->
``reconcile`` -> ``export``; ``pipeline`` composes them and ``store`` keeps the result.
"""

__version__ = "0.1.0"
