"""Benchmarks run from the Makefile (`make bench`); each module is runnable with `python -m`."""
