"""Readers that turn files into canonical article text and metadata (no network, ever)."""
