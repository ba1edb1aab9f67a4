"""Event-link suggestions measured on ECB+ cross-document event coreference.

Each event mention's sentence stands for a passage. For every gold event chain spanning
two or more documents, a mention's sentence is the query; the candidates are the other
documents' sentences of the same topic; a candidate is relevant when it holds a mention
of the same chain. Following the corpus convention, only sentences listed in
`ECBplus_coreference_sentences.csv` take part (annotation elsewhere is incomplete).
No publication dates exist in ECB+, so dates count only where a sentence writes one in full.
"""

from __future__ import annotations

import csv
import logging
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from parallax.assist.link_suggest import (
    DEFAULT_WEIGHTS,
    CandidatePool,
    Passage,
    Weights,
    rank_links,
    resolve_dates,
)
from parallax.assist.mentions import find_name_candidates
from parallax.eval.metrics import RankingScores

logger = logging.getLogger(__name__)

SENTENCES_CSV = "ECBplus_coreference_sentences.csv"
_EVENT_TAGS = ("ACTION_", "NEG_ACTION_")


@dataclass(slots=True)
class EcbDocument:
    """One ECB+ document: sentence texts and, per event chain, the sentences mentioning it."""

    name: str
    topic: str
    sentences: dict[int, str] = field(default_factory=dict)
    chains: dict[str, set[int]] = field(default_factory=dict)


def read_document(path: Path) -> EcbDocument:
    """Parse one CAT XML file: tokens joined by spaces, event chains by instance id."""
    root = ET.parse(path).getroot()
    name = path.name.removesuffix(".xml")
    words: dict[int, list[str]] = defaultdict(list)
    token_sentence: dict[str, int] = {}
    for token in root.iter("token"):
        sentence = int(token.get("sentence", "0"))
        words[sentence].append(token.text or "")
        token_sentence[token.get("t_id", "")] = sentence
    event_sentences: dict[str, int] = {}
    markables = root.find("Markables")
    for markable in markables if markables is not None else ():
        anchors = [a.get("t_id", "") for a in markable.iter("token_anchor")]
        if markable.tag.startswith(_EVENT_TAGS) and anchors and anchors[0] in token_sentence:
            event_sentences[markable.get("m_id", "")] = token_sentence[anchors[0]]
    chains: dict[str, set[int]] = defaultdict(set)
    for relation in root.iter("CROSS_DOC_COREF"):
        for source in relation.iter("source"):
            m_id = source.get("m_id", "")
            if m_id in event_sentences:
                chains[relation.get("note", "")].add(event_sentences[m_id])
    return EcbDocument(
        name=name,
        topic=name.split("_", 1)[0],
        sentences={n: " ".join(w) for n, w in sorted(words.items())},
        chains=dict(chains),
    )


def listed_sentences(csv_path: Path) -> set[tuple[str, int]]:
    """(document name, sentence number) pairs of the evaluation convention."""
    with csv_path.open(newline="", encoding="utf-8") as handle:
        rows = csv.DictReader(handle)
        return {(f"{r['Topic']}_{r['File']}", int(r["Sentence Number"])) for r in rows}


def find_corpus(root: Path) -> tuple[list[Path], Path]:
    """The XML files and the sentence list under an ECB+ folder; raises if either is absent."""
    csv_paths = sorted(root.rglob(SENTENCES_CSV))
    files = sorted(p for p in root.rglob("*.xml") if p.name.endswith(("ecb.xml", "ecbplus.xml")))
    if not csv_paths or not files:
        raise FileNotFoundError(f"no ECB+ documents and {SENTENCES_CSV} under {root}")
    return files, csv_paths[0]


@dataclass(frozen=True, slots=True)
class Query:
    chain: str
    document: str
    sentence: int
    relevant: frozenset[tuple[str, int]]
    first_of_chain: bool


def queries_for_topic(docs: Sequence[EcbDocument], listed: set[tuple[str, int]]) -> list[Query]:
    """One query per (chain, mentioning sentence) for chains in two or more documents."""
    where: dict[str, set[tuple[str, int]]] = defaultdict(set)
    for doc in docs:
        for chain, sentences in doc.chains.items():
            where[chain].update((doc.name, s) for s in sentences if (doc.name, s) in listed)
    found: list[Query] = []
    for chain, places in sorted(where.items()):
        if len({d for d, _ in places}) < 2:
            continue
        for rank, (doc, sentence) in enumerate(sorted(places, key=_doc_order)):
            relevant = frozenset(p for p in places if p[0] != doc)
            found.append(Query(chain, doc, sentence, relevant, rank == 0))
    return found


def _doc_order(place: tuple[str, int]) -> tuple[str, int, int]:
    doc, sentence = place
    rest = doc.split("_", 1)[-1]
    number = int("".join(ch for ch in rest if ch.isdigit()) or 0)
    return (rest.removeprefix(str(number)), number, sentence)


def _passage(doc_index: int, doc: EcbDocument, sentence: int) -> Passage:
    text = doc.sentences[sentence]
    names = tuple(dict.fromkeys((c.name,) for c in find_name_candidates(text)))
    dates = tuple(resolve_dates(text, None))
    return Passage(doc_index, sentence, sentence + 1, text, dates, names)


@dataclass(slots=True)
class EcbResult:
    """Scores over all queries and over the first mention of each chain only."""

    all_mentions: RankingScores
    first_mention: RankingScores
    topics: int
    documents: int
    chains: int
    candidates: int


def evaluate(root: Path, weights: Weights = DEFAULT_WEIGHTS) -> EcbResult:
    """Rank each query's candidates and score the rankings; see the module docstring."""
    files, csv_path = find_corpus(root)
    listed = listed_sentences(csv_path)
    by_topic: dict[str, list[EcbDocument]] = defaultdict(list)
    for path in files:
        doc = read_document(path)
        by_topic[doc.topic].append(doc)
    every, first = RankingScores(), RankingScores()
    chains: set[str] = set()
    candidates = 0
    for topic in sorted(by_topic, key=_numeric):
        docs = sorted(by_topic[topic], key=lambda d: _doc_order((d.name, 0)))
        pool, places = _topic_pool(docs, listed)
        candidates += len(places)
        for query in queries_for_topic(docs, listed):
            chains.add(query.chain)
            ranked = _rank(query, docs, pool, places, weights)
            every.add(ranked, query.relevant)
            if query.first_of_chain:
                first.add(ranked, query.relevant)
    return EcbResult(every, first, len(by_topic), len(files), len(chains), candidates)


def _topic_pool(
    docs: Sequence[EcbDocument], listed: set[tuple[str, int]]
) -> tuple[CandidatePool, list[tuple[str, int]]]:
    passages, places = [], []
    for index, doc in enumerate(docs):
        for sentence in doc.sentences:
            if (doc.name, sentence) in listed:
                passages.append(_passage(index, doc, sentence))
                places.append((doc.name, sentence))
    return CandidatePool(passages), places


def _rank(
    query: Query,
    docs: Sequence[EcbDocument],
    pool: CandidatePool,
    places: Sequence[tuple[str, int]],
    weights: Weights,
) -> list[tuple[str, int]]:
    doc_index = next(i for i, d in enumerate(docs) if d.name == query.document)
    source = _passage(doc_index, docs[doc_index], query.sentence)
    suggestions = rank_links(
        source,
        pool,
        limit=len(places),
        keep=lambda p: p.article_id != doc_index,
        weights=weights,
    )
    return [(docs[s.article_id].name, s.start) for s in suggestions]


def _numeric(topic: str) -> tuple[int, str]:
    return (int(topic), topic) if topic.isdigit() else (10**9, topic)


def summary(result: EcbResult) -> dict[str, object]:
    return {
        "topics": result.topics,
        "documents": result.documents,
        "cross_document_event_chains": result.chains,
        "candidate_sentences": result.candidates,
        "first_mention_per_chain": result.first_mention.as_dict(),
        "every_mention": result.all_mentions.as_dict(),
    }
