from __future__ import annotations

import pytest

from dossier.extract.sentences import split_sentences

CASES = [
    ("Two sentences. Here.", ["Two sentences.", "Here."]),
    ("U.S. forces left. The base closed.", ["U.S. forces left.", "The base closed."]),
    ("He met U.S. officials in Baghdad.", ["He met U.S. officials in Baghdad."]),
    ("Gen. Ryder spoke. On Jan. 4 it ended.", ["Gen. Ryder spoke.", "On Jan. 4 it ended."]),
    ("Lloyd J. Austin said so.", ["Lloyd J. Austin said so."]),
    ("“It ended,” he said. “Now it starts.”", ["“It ended,” he said.", "“Now it starts.”"]),
    ("## A heading\n\nA paragraph. Another one.", ["A heading", "A paragraph.", "Another one."]),
    ("Did it? Yes! 2024 was long.", ["Did it?", "Yes!", "2024 was long."]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_split_sentences(text: str, expected: list[str]) -> None:
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == expected
    assert all(text[s.start : s.end] == s.text for s in sentences)
