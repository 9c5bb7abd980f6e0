"""dossier: a static documentary website generator. The stages are listed in `dossier.pipeline`."""

__version__ = "0.1.0"
