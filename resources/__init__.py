"""Data shipped with Parallax (brief template, icons, desktop file).

Found with importlib.resources as the package `parallax.resources`.
"""
