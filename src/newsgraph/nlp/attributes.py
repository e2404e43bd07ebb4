"""The model's attribute rules (tag -> part of speech and morphology, a few word exceptions),
applied with dictionary lookups instead of spaCy's Matcher.

The model's `attribute_ruler` runs all its rules (179 in en_core_web_sm) as Matcher patterns
over every token: about a seventh of the model's time on news text. Nearly all of them test one
token for exact values of its tag, lower case, dependency label or whitespace; those become one
lookup per token and group of tested attributes. The few longer patterns stay in a Matcher of
their own. Rules are then applied in the ruler's order, later ones overriding earlier ones, so
the tokens come out exactly as the ruler leaves them (`tests/nlp/test_attributes.py` compares
the two on real articles).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs  # the ruler's own way of setting them

# Token attributes a rule may test by lookup, as `Doc.to_array` gives them.
_LOOKUP = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE}
_COLUMNS = list(_LOOKUP)


@dataclass(frozen=True)
class TokenTest:
    """One token of a pattern: exact values of some attributes, and values others must not have."""

    tested: tuple[int, ...]  # columns of `_COLUMNS`
    values: tuple[int, ...]
    excluded: tuple[tuple[int, frozenset[int]], ...] = ()

    def passes(self, row: list[int]) -> bool:
        return all(row[c] == v for c, v in zip(self.tested, self.values, strict=True)) and not any(
            row[c] in values for c, values in self.excluded
        )


@dataclass(frozen=True)
class Entry:
    """A rule's pattern found from its first token: the tests of the tokens after it, and which
    token of the match the rule sets."""

    rule: int
    first: TokenTest
    rest: tuple[TokenTest, ...]
    index: int


class FastAttributeRules:
    """Applies an `AttributeRuler`'s rules with the same result, faster."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.vocab = nlp.vocab
        self.attrs: list[dict[int, Any]] = []
        self.indices: list[int] = []
        # columns tested on a match's first token -> their values -> rules
        self.first: dict[tuple[int, ...], dict[Any, list[Entry]]] = {}
        self.keys: list[tuple[Callable[[list[int]], Any], dict[Any, list[Entry]]]] = []
        self.matcher = Matcher(nlp.vocab, validate=False)  # patterns a lookup cannot take

    def take_rules(self, ruler: AttributeRuler) -> None:
        """Copy the rules of a loaded ruler (its patterns, attributes and token indices)."""
        self.attrs = list(ruler.attrs)
        self.indices = list(ruler.indices)
        for rule, index in enumerate(self.indices):
            for pattern in ruler.matcher.get(str(rule))[1]:
                sequences = self._exact_sequences(pattern)
                if sequences is None:
                    self.matcher.add(str(rule), [pattern])
                    continue
                for head, *rest in sequences:
                    entries = self.first.setdefault(head.tested, {}).setdefault(_key(head.values), [])
                    entries.append(Entry(rule, head, tuple(rest), index))
        self.keys = [(itemgetter(*tested), table) for tested, table in self.first.items()]

    def _exact_sequences(self, pattern: list[dict[str, Any]]) -> list[list[TokenTest]] | None:
        """The pattern as every sequence of token tests it stands for ({"IN": [...]} spelled
        out), or None when it tests anything else (regular expressions, operators)."""
        sequences: list[list[TokenTest]] = [[]]
        for token in pattern:
            options = _token_tests(token, self.vocab.strings)
            if options is None:
                return None
            sequences = [[*sequence, test] for sequence in sequences for test in options]
        return sequences if pattern else None

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        rows = doc.to_array([_LOOKUP[c] for c in _COLUMNS]).tolist()
        found: set[tuple[int, int]] = set()
        for position, row in enumerate(rows):
            for key, table in self.keys:
                for entry in table.get(key(row), ()):
                    if entry.first.excluded and not entry.first.passes(row):
                        continue
                    end = position + 1 + len(entry.rest)
                    if entry.rest and not _followed_by(rows, position + 1, entry.rest):
                        continue
                    found.add((entry.rule, position + entry.index if entry.index >= 0 else end + entry.index))
        strings = self.vocab.strings
        for match_id, start, end in self.matcher(doc, allow_missing=True, as_spans=False):
            rule = int(strings[match_id])
            index = self.indices[rule]
            found.add((rule, start + index if index >= 0 else end + index))
        # The ruler applies its rules in order, so that a later rule overrides an earlier one.
        for rule, position in sorted(found):
            set_token_attrs(doc[position], self.attrs[rule])
        return doc


def _key(values: tuple[int, ...]) -> Any:
    """Values as `itemgetter` gives them: a single value bare."""
    return values[0] if len(values) == 1 else values


def _token_tests(token: dict[str, Any], strings: Any) -> list[TokenTest] | None:
    """A one-token pattern as the tests it stands for, or None."""
    if any(a not in _LOOKUP for a in token):
        return None
    exact: list[tuple[int, list[int]]] = []
    excluded: list[tuple[int, frozenset[int]]] = []
    for attribute, value in sorted(token.items()):
        column = _COLUMNS.index(attribute)
        if isinstance(value, dict) and len(value) == 1 and set(value) <= {"IN", "NOT_IN"}:
            ((kind, options),) = value.items()
        elif isinstance(value, (str, bool)):
            kind, options = "IN", [value]
        else:
            return None
        hashes = _hashes(attribute, options, strings)
        if hashes is None:
            return None
        if kind == "IN":
            exact.append((column, hashes))
        else:
            excluded.append((column, frozenset(hashes)))
    if not exact:
        return None  # nothing to look the token up by
    combinations: list[tuple[int, ...]] = [()]
    for _, options in exact:
        combinations = [(*c, option) for c in combinations for option in dict.fromkeys(options)]
    tested = tuple(column for column, _ in exact)
    return [TokenTest(tested, values, tuple(excluded)) for values in combinations]


def _hashes(attribute: str, options: Any, strings: Any) -> list[int] | None:
    """Pattern values as `Doc.to_array` gives them (string hashes; 0 or 1 for IS_SPACE)."""
    if not isinstance(options, list):
        return None
    if attribute == "IS_SPACE":
        return [int(o) for o in options] if all(isinstance(o, bool) for o in options) else None
    return [strings.add(o) for o in options] if all(isinstance(o, str) for o in options) else None


def _followed_by(rows: list[list[int]], start: int, tests: tuple[TokenTest, ...]) -> bool:
    return start + len(tests) <= len(rows) and all(test.passes(rows[start + i]) for i, test in enumerate(tests))


@Language.factory("newsgraph_attribute_rules")
def make_attribute_rules(nlp: Language, name: str) -> FastAttributeRules:
    return FastAttributeRules(nlp, name)


def speed_up_attribute_ruler(nlp: Language, name: str = "attribute_ruler") -> None:
    """Put a `FastAttributeRules` with the model's rules in place of its attribute ruler."""
    if name not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe(name)
    if not isinstance(ruler, AttributeRuler):
        return
    fast = nlp.replace_pipe(name, "newsgraph_attribute_rules")
    assert isinstance(fast, FastAttributeRules)
    fast.take_rules(ruler)
