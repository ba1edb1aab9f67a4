"""assist layer."""
