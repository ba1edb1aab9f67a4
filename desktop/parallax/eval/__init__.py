"""Measurements of the assist layer on public gold data: `python -m parallax.eval`.

Reads the development corpora from `../shared/devdata/` beside the checkout (or the
folders given with --ecbplus and --timeml); nothing from them is copied into the project.
"""
