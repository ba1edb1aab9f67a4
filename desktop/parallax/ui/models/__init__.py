"""Qt item models: ids plus a lazily filled cache of rows from services."""
