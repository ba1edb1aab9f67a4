"""The benchmark: `make bench` (python -m tests.bench)."""
