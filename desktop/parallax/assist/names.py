"""Keys and scores for personal names as news outlets transliterate them from Arabic.

One Arabic name reaches English news in many spellings (فالح الفياض: Falah al-Fayadh,
Faleh al-Fayyad, Faleh al-Fayad). Edit distance on the raw strings is fooled both ways:
"Bashar al-Assad" and "Hafez al-Assad" share most letters, "Othman" and "Osman" few.
So names are first reduced to a key per word (articles dropped, digraphs and doubled
letters folded), and words are then compared with an edit distance in which the
variations transliteration produces (short vowels, t/s for ث, d/z for ذ) cost little.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from anyascii import anyascii


def word_set(text: str) -> frozenset[str]:
    """The whitespace-separated words of a word list written as one string."""
    return frozenset(text.split())


# A full name scoring at least this much against another is taken to be the same person.
SAME_PERSON = 0.85
# A surname alone matches a full name with at most this score, so that a bare "Assad"
# never outranks a full-name match.
PARTIAL_FACTOR = 0.9

# The Arabic article in its spellings; dropped wherever it stands ("al-Assad", "Al Assad").
_ARTICLES = frozenset({"al", "el", "il", "ul"})
# Assimilated forms ("ad-Din", "ash-Shaabi"): dropped only when written with a hyphen or in
# lower case, since "As" or "An" alone may be an English word caught by the extractor.
_ASSIMILATED = frozenset(
    {"ad", "adh", "an", "ar", "as", "ash", "at", "az", "ed", "en", "er", "es", "esh", "et", "ez"}
)
# Words that form one name with the word after them ("Abd al-Rahman", "Abu Bakr").
_COMPOUND_HEADS = {
    "abd": "abd", "abdul": "abd", "abdel": "abd", "abdal": "abd", "abdol": "abd", "abdil": "abd",
    "abu": "abu", "abou": "abu", "abo": "abu", "bin": "bin", "ben": "bin", "ibn": "bin",
    "bint": "bint", "umm": "um", "um": "um",
}  # fmt: skip
TITLES = word_set(
    """president mr mrs ms miss dr h.e he sheikh shaikh sayyed sayyid general gen lieutenant
    lt colonel col major maj brigadier minister prime premier king prince emir advisor adviser
    envoy chief commander ambassador foreign defense defence security national deputy vice
    secretary speaker senator judge imam ayatollah sir governor mayor field marshal admiral
    captain capt sergeant sgt professor prof interior spokesman spokeswoman official leader
    head mp pm mufti cleric"""
)
DEMONYMS = word_set(
    """syrian iraqi iranian russian kurdish turkish american british french lebanese saudi
    jordanian egyptian israeli palestinian qatari emirati yemeni arab us u.s uk german
    chinese afghan pakistani libyan shiite sunni shia muslim christian alawite druze yazidi
    """
)
# Head words of organisations: a name containing one is not stripped of "titles".
ORG_WORDS = word_set(
    """army ministry council command units unit forces force party front group organization
    organisation agency committee network news times tv brigade brigades movement union
    nations government bank company corporation university court parliament assembly office
    department police guard guards operations center centre room coalition alliance
    mobilization mobilisation authority service services radio press staff"""
)

_VOWELS = frozenset("aeiu")  # "o" is folded into "u" by the key
_CLOSE = frozenset("aei")  # short vowels transliterated as a, e or i
_CHEAP_PAIRS = frozenset(
    {frozenset(p) for p in ("ts", "dz", "sz", "gj", "iy", "uw", "kc")}
)  # ث as th/s/t, ذ as dh/z/d, ج as j/g, vowel letters and their glides
_DIGRAPHS = [
    ("ph", "f"), ("dh", "d"), ("th", "t"), ("kh", "k"), ("gh", "g"), ("ck", "k"), ("q", "k"),
    ("ou", "u"), ("oo", "u"), ("ee", "i"), ("ei", "ai"), ("aa", "a"), ("ii", "i"),
]  # fmt: skip
_DIPHTHONG = re.compile(r"[ae]y(?![aeiou])")
_ABD = re.compile(r"^abd(?:al|ul|el|il|ol|oul|u)(?=[a-z]{3})")
_SPLIT = re.compile(r"[\s\-‐‑–_/]+")
_NOT_LETTER = re.compile(r"[^a-z]")
_DOUBLED = re.compile(r"(.)\1+")


@dataclass(frozen=True, slots=True)
class ParsedName:
    """A name as a tuple of word keys, titles stripped; the last key is the surname."""

    keys: tuple[str, ...]

    @property
    def full(self) -> bool:
        return len(self.keys) >= 2

    @property
    def surname(self) -> str:
        return self.keys[-1] if self.keys else ""


@functools.lru_cache(maxsize=65536)
def word_key(word: str) -> str:
    """The spelling-independent key of one name word: "Fayyadh" and "Fayad" give "fayad".

    Transliterates with anyascii, lower-cases, drops apostrophes and the signs for ʿayn and
    hamza, folds "Abdul"/"Abdel" into "abd", digraphs (dh, th, kh, gh, q, ou, ee, ei/ey/ay)
    and doubled letters, and writes "o" as "u".
    """
    text = _NOT_LETTER.sub("", anyascii(word).lower())
    text = _ABD.sub("abd", text)
    for old, new in _DIGRAPHS:
        text = text.replace(old, new)
    text = _DIPHTHONG.sub("ai", _DOUBLED.sub(r"\1", text)).replace("o", "u")
    return _DOUBLED.sub(r"\1", text)


@functools.lru_cache(maxsize=65536)
def parse_name(name: str) -> ParsedName:
    """Word keys of a name with leading titles, demonyms and Arabic articles removed.

    "Syrian President Bashar al-Assad" gives ("bashar", "asad"); "Abd al-Rahman" is one
    word, "abdrahman". Organisation names keep their leading words.
    """
    words = _words(name)
    lowered = [w.lower().rstrip(".") for w in words]
    if not ORG_WORDS.intersection(lowered):
        while len(words) > 1 and (lowered[0] in TITLES or lowered[0] in DEMONYMS):
            words, lowered = words[1:], lowered[1:]
    return ParsedName(tuple(k for k in _merge_compounds(words) if k))


def _words(name: str) -> list[str]:
    """Name words with possessives, articles and assimilated articles removed."""
    text = re.sub(r"'s\b", "", anyascii(name).strip())  # "Abadi's envoy"
    text = text.replace("'", "").replace("`", "")
    text = re.sub(r"(?<=[a-z])\.(?=[A-Z])", ". ", text)  # "Mr.Faleh"
    pieces = [(m.group(0), m.end()) for m in re.finditer(r"[^\s\-‐‑–_/]+", text)]
    kept: list[str] = []
    for index, (word, end) in enumerate(pieces):
        low = word.lower()
        hyphened = end < len(text) and text[end] in "-‐‑"
        last = index == len(pieces) - 1
        if not last and (
            low in _ARTICLES or (low in _ASSIMILATED and (hyphened or word.islower()))
        ):
            continue
        kept.append(word)
    return kept


def _merge_compounds(words: list[str]) -> list[str]:
    """Keys, with "Abu", "Abd", "bin" … joined to the word that follows them."""
    keys: list[str] = []
    pending = ""
    for word in words:
        head = _COMPOUND_HEADS.get(word.lower().rstrip("."))
        if head is not None and not pending:
            pending = head
            continue
        keys.append(pending + word_key(word))
        pending = ""
    if pending:
        keys.append(pending)
    return keys


def _substitution(a: str, b: str, initial: bool) -> float:
    """What replacing letter a by b costs: little for the variants transliteration makes."""
    if a == b:
        return 0.0
    if a in _CLOSE and b in _CLOSE:
        # An initial a- against e-/i- is a different name (Abadi, Ebadi); e/i is not.
        return 1.0 if initial and "a" in (a, b) else 0.3
    if a in _VOWELS and b in _VOWELS:
        return 1.0 if initial else 0.6
    return 0.5 if frozenset((a, b)) in _CHEAP_PAIRS else 1.0


def _indel(c: str) -> float:
    """Dropping a vowel or an "h" costs less: Hussein/Husein, Abdallah/Abdalla."""
    if c in _VOWELS or c == "h":
        return 0.5
    return 0.6 if c in "yw" else 1.0


@functools.lru_cache(maxsize=131072)
def word_similarity(a: str, b: str) -> float:
    """1 minus a transliteration-weighted edit distance over the longer key's length."""
    if a == b:
        return 1.0 if a else 0.0
    if not a or not b:
        return 0.0
    previous = [0.0]
    for c in b:
        previous.append(previous[-1] + _indel(c))
    for i, ca in enumerate(a):
        current = [previous[0] + _indel(ca)]
        for j, cb in enumerate(b):
            current.append(
                min(
                    previous[j] + _substitution(ca, cb, i == 0 and j == 0),
                    previous[j + 1] + _indel(ca),
                    current[j] + _indel(cb),
                )
            )
        previous = current
    return max(0.0, 1.0 - previous[-1] / max(len(a), len(b)))


def same_person_score(a: str, b: str) -> float:
    """How likely two written names denote one person, 0–1; `SAME_PERSON` and up means yes.

    Both full names: the weaker of given-name and surname similarity, less a little per
    unmatched middle name, so a shared surname alone (Bashar/Hafez al-Assad) is not enough.
    A surname alone against a full name scores at most `PARTIAL_FACTOR`; whether it may be
    attached is the caller's decision (see `aliases.group_aliases`).
    """
    return parsed_score(parse_name(a), parse_name(b))


@functools.lru_cache(maxsize=131072)
def parsed_score(x: ParsedName, y: ParsedName) -> float:
    """`same_person_score` on names already parsed (cheaper in loops)."""
    if not x.keys or not y.keys:
        return 0.0
    if x.full and y.full:
        return _full_score(x.keys, y.keys)
    surname = word_similarity(x.surname, y.surname)
    if x.full or y.full:
        return surname * PARTIAL_FACTOR
    return surname


def _full_score(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    scores = [word_similarity(a[0], b[0]), word_similarity(a[-1], b[-1])]
    middle_a, middle_b = a[1:-1], b[1:-1]
    scores.extend(word_similarity(p, q) for p, q in zip(middle_a, middle_b, strict=False))
    penalty = 0.03 * abs(len(middle_a) - len(middle_b))
    return max(0.0, min(scores) - penalty)
