"""A lunr index of the search documents, built with lunr's own Builder: the reference that
generator/search/indexer.py's `bm25_postings` and the browser engine (search.js) are tested against.
Test code only: the site's index is computed without lunr."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from lunr.builder import Builder

from generator.search.indexer import FIELDS, Doc, analyzed, encode_varints


class TermListBuilder(Builder):  # type: ignore[misc]
    """lunr's Builder for documents whose fields are already lists of terms.

    `add` leaves the builder in exactly the state lunr's own `add` would (same term indexes, term
    frequencies, field lengths and postings) without making a Token object per word, which is
    where lunr spends its time; `build` (BM25 weights, vectors, token set) is lunr's, unchanged.
    No token metadata is kept (the metadata whitelist must stay empty).
    """

    def add(self, doc: dict[str, Any], attributes: dict[str, Any] | None = None) -> None:
        assert not self.metadata_whitelist
        doc_ref = str(doc[self._ref])
        self._documents[doc_ref] = attributes or {}
        self.document_count += 1
        for field_name in self._fields:
            terms = [str(t).lower() for t in doc[field_name]]
            field_ref = f"{field_name}/{doc_ref}"
            field_terms: defaultdict[str, int] = defaultdict(int)
            for term in terms:
                field_terms[term] += 1
            self.field_term_frequencies[field_ref] = field_terms
            self.field_lengths[field_ref] = len(terms)
            for term in field_terms:
                posting = self.inverted_index.get(term)
                if posting is None:
                    posting = {name: {} for name in self._fields}
                    posting["_index"] = self.term_index
                    self.term_index += 1
                    self.inverted_index[term] = posting
                if doc_ref not in posting[field_name]:
                    posting[field_name][doc_ref] = defaultdict(list)


def build_lunr(docs: Sequence[Doc], builder_class: type[Builder] = TermListBuilder) -> Any:
    """The lunr index over the analyzed fields (no lunr pipeline: the analyzer did the work)."""
    builder = builder_class()
    builder.ref("n")
    for name, boost in FIELDS:
        builder.field(name, boost=boost)
    for n, doc in enumerate(docs):
        builder.add(analyzed(doc, n))
    return builder.build()


def term_postings(index: Any) -> dict[str, list[Any]]:
    """term → [term_index, flat postings per field], from a built lunr index."""
    field_names = [name for name, _ in FIELDS]
    weights: dict[tuple[str, int], dict[int, float]] = {}
    for field_ref, vector in index.field_vectors.items():
        name, ref = field_ref.split("/", 1)
        elements = vector.elements
        weights[(name, int(ref))] = {elements[i]: elements[i + 1] for i in range(0, len(elements), 2)}
    out: dict[str, list[Any]] = {}
    for term in sorted(index.inverted_index):
        posting = index.inverted_index[term]
        term_index = posting["_index"]
        row: list[Any] = [term_index]
        for name in field_names:
            docs = sorted(int(ref) for ref in posting.get(name, {}))
            flat: list[int] = []
            prev = 0
            for n in docs:
                flat.append(n - prev)
                flat.append(round(weights[(name, n)][term_index] * 1000))
                prev = n
            row.append(encode_varints(flat))
        out[term] = row
    return out
