"""Benchmark helpers for tidings: a reproducible synthetic news corpus (see `corpus.generate`)."""
