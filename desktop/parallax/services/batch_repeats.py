"""Files of one import batch that repeat an earlier file of the same batch.

The same page is often saved twice, under two names or as HTML and as text. Before the
import these files only show as new; they are found here, by their text (the same
checksum) or their body (nearly the same shingles), so the review can leave the later
one out.
"""

from __future__ import annotations

from dataclasses import dataclass

from parallax.ingest.neardup import NearDuplicateIndex


@dataclass(frozen=True, slots=True)
class BatchRepeat:
    """This file repeats `earlier_path`, read before it in the same batch: the very same
    text (`exact`), or a body `similarity` alike (page chrome around it may differ)."""

    earlier_path: str
    similarity: float
    exact: bool = False


class BatchRepeats:
    """The files of a batch read so far, in order."""

    def __init__(self) -> None:
        self._paths: list[str] = []
        self._bodies: list[str] = []
        self._by_checksum: dict[str, str] = {}
        self._index = NearDuplicateIndex(self._bodies.__getitem__)

    def add(self, path: str, checksum: str, body: str) -> BatchRepeat | None:
        """Remember this file (its text's `text_sha256` and its body); say which earlier
        file it repeats, if any."""
        earlier = self._by_checksum.get(checksum)
        found = BatchRepeat(earlier, 1.0, exact=True) if earlier is not None else None
        if found is None:
            match = self._index.find(body)
            if match is not None:
                found = BatchRepeat(self._paths[match.article_id], match.similarity)
        self._by_checksum.setdefault(checksum, path)
        self._index.add(len(self._bodies), body)
        self._paths.append(path)
        self._bodies.append(body)
        return found
