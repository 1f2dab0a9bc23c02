"""A yes/no question whether there are any of something, followed by a fragment asking for them: "does the article
give any exact dates?" + "which?" asks "Which exact dates does the article give?"; "are there any links at the
end?" + "how many?" asks "How many links are there at the end?".

Read from the words: such a question puts its noun after "any", and the fragment holds nothing but the asking
words (general English), so the fragment's wh-word takes the place of "any".
"""

from __future__ import annotations

import re

OPENER = r"^\W*(?:(?:and|so|ok|okay)\W+)?"
"""An opening word of conversation before a fragment, read past ("and which?", "ok how many?")."""
_ASKS_LIST = re.compile(r"(?i)" + OPENER + r"(?P<wh>which(?: ones?)?|what(?: ones?| are they)?|"
                        r"such as|like what|like|for example|examples?|e\.?g\.?|name (?:them|some|one)|how many)"
                        r"(?: exactly| then)?\W*$")
"""A fragment that asks for the things a yes/no question asked about ("which?", "such as?", "how many?")."""

_AFTER_NOUN = r"(?:in|on|at|about|for|from|of|under|after|before|apart|besides|other|except|beyond|to|by|with|since)"
_ANY = re.compile(rf"(?i){OPENER}(?:(?P<lead>[^,?]+),\s*)?(?:(?P<there>(?:are|is|were|was) "
                  rf"there)|(?P<aux>does|do|did|has|have|had|can|could|will|would) (?P<subject>.+?) (?P<verb>\w+)) "
                  rf"any (?P<noun>(?:(?!{_AFTER_NOUN}\b)"
                  rf"[\w'-]+\s*)+?)(?P<rest>\s+{_AFTER_NOUN}\b[^?]*)?\W*$")
"""A yes/no question for any of something: "are there any X [in Y]?", "[apart from Z,] does the article give any X
[about Y]?"."""


def listing_question(fragment: str, previous: str) -> str | None:
    """The question a list-asking ``fragment`` ("which?", "such as?", "how many?") asks after ``previous``, a yes/no
    question whether there are any of something; None for any other pair."""
    asked = _ASKS_LIST.match(fragment)
    found = _ANY.match(previous)
    if asked is None or found is None:
        return None
    wh = "How many" if asked.group("wh").lower() == "how many" else "Which"
    noun, rest = found.group("noun").strip(), (found.group("rest") or "").rstrip()
    rest += f", {found.group('lead').strip()}" if found.group("lead") else ""  # "apart from X, does it have any Y?"
    if found.group("there"):
        return f"{wh} {noun} {found.group('there').lower()}{rest}?"
    return f"{wh} {noun} {found.group('aux').lower()} {found.group('subject')} {found.group('verb')}{rest}?"
