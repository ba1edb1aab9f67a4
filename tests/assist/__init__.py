"""Tests of the assist layer: names, mentions, link suggestions and their evaluation."""
