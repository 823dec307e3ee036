"""Words as the search compares them: folded (lower case, no accents) and matched with a
crude stem, for marking the words of a summary and for finding the views below pages
(subroutes.py), which are not in the database's search index."""

import unicodedata


def fold(text):
    """Lower case without accents: "Développement" -> "developpement"."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def matches(word, term):
    """Whether the folded ``word`` is the folded search ``term``, or shares its stem."""
    if word == term:
        return True
    # A crude stem: French and Spanish inflect the end of the word.
    stem = min(len(term), 5)
    return len(term) >= 4 and len(word) >= stem and word[:stem] == term[:stem]
