"""agenda-nlp: Finnish meeting agendas into structured facts in DuckDB and draft report text."""

__version__ = "0.1.0"
