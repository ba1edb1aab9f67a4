"""Data shipped with Parallax (brief template, icons, desktop file), found via importlib.resources."""
