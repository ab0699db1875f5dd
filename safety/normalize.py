"""Text normalisation for the detector: from whatever people type to plain lowercase tokens.

Rules, in order (each one exists because people type that way on a phone):
1. Emoji that carry meaning here become marker tokens (🔪 -> `xknife`, 😭 -> `xcry`).
2. Unicode NFKC and case folding; accents, combining marks, zero-width and control
   characters removed; Cyrillic and Greek look-alike letters mapped to Latin.
3. Leetspeak inside a word (`k1ll`, `d!e`, `$uicide`) mapped to letters; a word spelt
   out with spaces or dots (`k i l l`, `k.i.l.l`) or split in two (`sui cide`) joined.
4. Sentence ends (`.`, `!`, `?`, new lines) become a boundary token `|`: a phrase never
   matches across one.
5. Stretched letters (`diiiie`), slang and contractions (`kms`, `wanna`, `dont`) and typos
   of lexicon words (`suicde`) rewritten, using the lexicon's vocabulary.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Mapping

from rapidfuzz.distance import OSA
from rapidfuzz.process import extractOne

from safety.spelling import counts, ill_as_i_will, slips, unstretched

BOUNDARY = "|"
MAX_WORD = 40

EMOJI = {
    "🔪": " xknife ",
    "🗡": " xknife ",
    "🩸": " xblood ",
    "💊": " xpills ",
    "🪦": " xgrave ",
    "⚰": " xgrave ",
    "🔫": " xgun ",
    "🪢": " xrope ",
    "🫠": " xcry ",
    "😭": " xcry ",
    "😢": " xcry ",
    "💔": " xcry ",
    "☠": " xgrave ",
    "🌉": " xbridge ",
    "🪒": " xknife ",
    "💀": " xskull ",
}

HOMOGLYPHS = str.maketrans(
    "аеорсухіјѕкмтнвԁɡӏαβεικνορτυχηωзѵ",
    "aeopcyxijskmthbdglabeikvoptuxnw3v",
)
LEET = str.maketrans("01345@$!|7", "oieasasilt")
LEET_CHARS = frozenset("01345@$!|7")
_SPELLED_OUT = re.compile(r"^(?:[a-z][.\-_*·]){2,}[a-z]$")
_CHUNK = re.compile(r"\S+")
_WORD = re.compile(r"[a-z0-9]+|[.!?\n]")
_RUN3 = re.compile(r"(.)\1{2,}")
_RUN2 = re.compile(r"(.)\1+")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'"})
_CONTRACTIONS = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"\bwon't\b", "will not"),
        (r"\bcan't\b", "can not"),
        (r"\bshan't\b", "shall not"),
        (r"(?<=[a-z])n't\b", " not"),
        (r"(?<=[a-z])'ll\b", " will"),
        (r"(?<=[a-z])'re\b", " are"),
        (r"(?<=[a-z])'ve\b", " have"),
        (r"(?<=\bi)'m\b", " am"),
        (r"(?<=[a-z])'d\b", " would"),
    )
)
# A capital I inside a lowercase word is an l in disguise ("kiII" -> "kill").
_CAPITAL_I_AS_L = re.compile(r"(?<=[a-z])I+")
_ASCII_CONTROLS = re.compile(r"[\x00-\x09\x0b-\x1f\x7f]")
_DROP_CATEGORIES = frozenset({"Mn", "Me", "Cf", "Cs", "Co", "Cn"})


class Normaliser:
    """Turns text into tokens; built once from the lexicon's vocabulary and rewrites."""

    def __init__(
        self,
        *,
        vocabulary: frozenset[str],
        rewrites: Mapping[str, tuple[str, ...]],
        fuzzy_targets: frozenset[str],
        short_targets: frozenset[str] = frozenset(),
    ) -> None:
        self._short = short_targets
        self._vocabulary = vocabulary | frozenset(rewrites)
        self._rewrites = dict(rewrites)
        by_letter: dict[str, list[str]] = {}
        for word in sorted(fuzzy_targets):
            by_letter.setdefault(word[0], []).append(word)
        self._fuzzy = {letter: tuple(words) for letter, words in by_letter.items()}
        self._targets = fuzzy_targets
        # Per-word results are pure, so they are memoised (bounded: people type anything).
        self._word = functools.lru_cache(maxsize=1 << 16)(self._word_uncached)

    def tokens(self, text: str) -> tuple[str, ...]:
        """The normalised tokens of `text`, with `|` at sentence boundaries."""
        raw: list[str] = []
        for chunk in _CHUNK.findall(_clean(text)):
            raw.extend(self._split_chunk(chunk))
        out: list[str] = []
        for token in self._join_split_words(self._join_spelled_out(raw)):
            if token == BOUNDARY:
                if out and out[-1] != BOUNDARY:
                    out.append(BOUNDARY)
                continue
            # No lexicon word is that long: skip the rewrites, and keep the cache small.
            out.extend(self._word(token) if len(token) <= MAX_WORD else (token,))
        return ill_as_i_will(out)

    def _join_spelled_out(self, tokens: list[str]) -> list[str]:
        """Join runs of three or more single letters: `k i l l` -> `kill`.

        A run that spells several words (`k i l l m y s e l f`) is split back into
        lexicon words when it can be.
        """
        out: list[str] = []
        run: list[str] = []
        for token in [*tokens, BOUNDARY]:
            if len(token) == 1 and token.isalpha():
                run.append(token)
                continue
            if len(run) >= 3:
                out.extend(self._segment("".join(run)))
            else:
                out.extend(run)
            run = []
            out.append(token)
        return out[:-1]

    def _segment(self, letters: str) -> list[str]:
        """Split letters into the fewest known words, or keep them whole."""
        if letters in self._vocabulary or len(letters) > MAX_WORD:
            return [letters]
        best: list[list[str] | None] = [[]] + [None] * len(letters)
        for end in range(1, len(letters) + 1):
            for start in range(max(0, end - 12), end):
                head = best[start]
                word = letters[start:end]
                if head is None or word not in self._vocabulary or (len(word) < 2 and word != "i"):
                    continue
                current = best[end]
                if current is None or len(head) + 1 < len(current):
                    best[end] = [*head, word]
        found = best[-1]
        return found if found else [letters]

    def _join_split_words(self, tokens: list[str]) -> list[str]:
        """Join a lexicon word split in two by a space (`sui cide`, `kil l`)."""
        if not tokens:
            return tokens
        out: list[str] = []
        skip = False
        for first, second in zip(tokens, [*tokens[1:], BOUNDARY], strict=True):
            if skip:
                skip = False
                continue
            joined = first + second
            unknown = first not in self._vocabulary or second not in self._vocabulary
            if unknown and joined.isalpha() and joined in self._targets:
                out.append(joined)
                skip = True
            else:
                out.append(first)
        return out

    def _split_chunk(self, chunk: str) -> list[str]:
        """Rules 3 and 4 for one whitespace-separated chunk."""
        if _SPELLED_OUT.match(chunk):
            return [re.sub(r"[^a-z]", "", chunk)]
        if "'" in chunk:
            chunk = _expand_contractions(chunk)
        core = chunk.strip('.,;:!?"()[]{}<>*~_-')
        if core and _is_leet(core):
            start = chunk.index(core)
            word = core.translate(LEET)
            if word not in self._vocabulary and "1" in core:
                other = core.replace("1", "l").translate(LEET)
                word = other if other in self._vocabulary else word
            chunk = chunk[:start] + word + chunk[start + len(core) :]
        tokens = _WORD.findall(chunk)
        return [BOUNDARY if token in ".!?\n" else token for token in tokens]

    def _word_uncached(self, token: str) -> tuple[str, ...]:
        if token in self._rewrites:
            return self._rewrites[token]
        if token.isdigit():
            # A number of five or more ("took 30") reads as "many" to the lexicon.
            return ("xnum",) if len(token) > 1 or token >= "5" else (token,)
        if token in self._vocabulary:
            return (token,)
        for candidate in unstretched(token):
            if candidate in self._rewrites:
                if len(candidate) < 3 and not _RUN3.search(token):
                    continue  # "odd" is no "od" (overdose): a double letter is no stretch
                return self._rewrites[candidate]
            if candidate in self._vocabulary:
                return (candidate,)
        shorter = _RUN3.sub(r"\1\1", token)
        return (self._corrected(shorter),)

    def _corrected(self, token: str) -> str:
        """A lexicon word one or two edits away (by length), or the token unchanged.

        Three- and four-letter words get only the commonest slips: two letters swapped
        (`dei`, `wnat`) or one letter left out after the first (`lfe`).
        """
        if len(token) in (3, 4) and token.isalpha():
            return next((c for c in slips(token) if c in self._short), token)
        if len(token) < 4 or token[0] not in self._fuzzy:
            return token
        limit = 1 if len(token) < 8 else 2
        found = extractOne(
            token,
            self._fuzzy[token[0]],
            scorer=OSA.distance,
            score_cutoff=limit,
        )
        return str(found[0]) if found else token


def _clean(text: str) -> str:
    """Rules 1 and 2: emoji markers, NFKC, case folding, marks removed, homoglyphs mapped."""
    for emoji, marker in EMOJI.items():
        if emoji in text:
            text = text.replace(emoji, marker)
    if "I" in text:
        text = _CAPITAL_I_AS_L.sub(lambda run: "l" * len(run.group()), text)
    if text.isascii():
        return counts(_ASCII_CONTROLS.sub(" ", text.lower()))
    text = counts(unicodedata.normalize("NFKC", text).casefold())
    decomposed = unicodedata.normalize("NFD", text)
    kept = []
    for char in decomposed:
        category = unicodedata.category(char)
        if category in _DROP_CATEGORIES:
            continue
        kept.append(" " if category == "Cc" and char != "\n" else char)
    return "".join(kept).translate(HOMOGLYPHS).translate(_APOSTROPHES)


def _expand_contractions(chunk: str) -> str:
    """`he'll` -> `he will`, `won't` -> `will not`; other apostrophes are dropped."""
    for pattern, replacement in _CONTRACTIONS:
        chunk = pattern.sub(replacement, chunk)
    return chunk.replace("'", "")


def _is_leet(core: str) -> bool:
    """True for a word mixing letters with digits or symbols used as letters (`k1ll`)."""
    has_letter = any("a" <= char <= "z" for char in core)
    has_leet = any(char in LEET_CHARS for char in core)
    only_word_chars = all(("a" <= char <= "z") or char in LEET_CHARS for char in core)
    return has_letter and has_leet and only_word_chars
