"""Who said what: direct and reported speech with its speaker.

The rules work on the prose of one article, sentence by sentence, with the
quotation marks of each paragraph found first, so that a quotation running
over several sentences (or paragraphs) is one statement. A statement is a
*cue* (a speech verb of :mod:`.lexicon`, or "according to") plus a *speaker*
phrase next to it plus the *content* its frame allows:

    “…,” X said.          “…,” said X.          X said: “…”
    X said (that) …       X told Vox (that) …   According to X, …
    …, X said.            …, according to X.    X, a senior fellow at …, said …
    X urged Y to …        X accused Y of …      X described Y as …
    X demanded the release of …                 X claimed to have …
    …, adding that …      X rejected A and accused Y of …  (the same speaker)

Speaker phrases are resolved by :mod:`.speakers`. A cue inside a quotation or
inside another statement's content is part of that statement. Headlines and
lines without a sentence's punctuation carry no statements.

:mod:`.cues` finds the cues, :mod:`.speaker_spans` where the speaker phrase of
each one lies, :mod:`.contents` what it attributes, and :mod:`.statements`
puts these together, sentence by sentence (:func:`find_statements`).
"""

from __future__ import annotations

from dossier.extract.quotes.cues import Cue, find_cues
from dossier.extract.quotes.quotations import Quotation, find_quotations
from dossier.extract.quotes.statements import find_statements

__all__ = ["Cue", "Quotation", "find_cues", "find_quotations", "find_statements"]
