"""Measurement, apart from the code that serves requests: search latency and quality, import speed and
the served site (`make bench-search`, `make search-quality`, `make bench-import`, `make bench`; README.md)."""
