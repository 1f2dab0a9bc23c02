"""Word-level text handling shared by BM25 and the answerer: tokens, stopwords, stems."""

from __future__ import annotations

import re
from functools import lru_cache

_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)
_POSSESSIVE = re.compile(r"['’]s$")
# a command-line option ("-N", "-xvf", "--no-clobber") where a word could start, else a word token
_OPTION_OR_TOKEN = re.compile(r"(?<![\w\-])(?P<option>--?[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*)(?![\w\-])"
                              r"|(?P<token>[^\W_]+(?:['’][^\W_]+)?)", re.UNICODE)
_HYPHENATED = re.compile(r"(?<=\w)\u2010[ \t]*\n\s*(?=\w)")

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before being below
    between both but by can could did do does doing down during each few for from further had has have having he
    her here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not
    now of off on once only or other our ours ourselves out over own same she should so some such than that the
    their theirs them themselves then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your yours yourself yourselves s t don
    did does done get got whose tell told please many much one ones us any anyone anything ever""".split()
)
ARTICLES = frozenset({"the", "a", "an"})
"""The English articles."""


# Irregular verb forms (general English) whose stem would not meet the base form's: "frozen" and "freeze", "written"
# and "write". Forms that are also common other words ("left", "found", "bound", "saw", "lay", "rose", "fell", "lit")
# are left out.
_IRREGULAR = {form: base for base, *forms in (line.split() for line in """
    arise arose arisen
    begin began begun
    break broke broken
    bring brought
    build built
    buy bought
    catch caught
    choose chose chosen
    come came
    draw drew drawn
    drive drove driven
    eat ate eaten
    fall fallen
    fight fought
    fly flew flown
    forbid forbade forbidden
    forget forgot forgotten
    freeze froze frozen
    give gave given
    go went gone
    grow grew grown
    hide hid hidden
    hold held
    keep kept
    know knew known
    lose lost
    make made
    mean meant
    meet met
    override overrode overridden
    overwrite overwrote overwritten
    pay paid
    rewrite rewrote rewritten
    rise risen
    run ran
    seek sought
    sell sold
    send sent
    shake shook shaken
    show shown
    speak spoke spoken
    spend spent
    steal stole stolen
    stand stood
    strike struck
    swear swore sworn
    take took taken
    teach taught
    tear tore torn
    think thought
    throw threw thrown
    understand understood
    wake woke woken
    wear wore worn
    win won
    withdraw withdrew withdrawn
    write wrote written
    """.split("\n") if line.strip()) for form in forms}


@lru_cache(maxsize=1)
def _stemmer():
    import Stemmer

    return Stemmer.Stemmer("english")


def unhyphenated(text: str) -> str:
    """The text with words hyphenated across a line break (U+2010, as man pages are rendered) joined again."""
    return _HYPHENATED.sub("", text) if "\u2010" in text else text


def words(text: str) -> list[str]:
    """Lower-cased word tokens, possessive ’s dropped; a word typeset across a line break with a hyphenation
    hyphen (U+2010, as man pages are rendered: "de‐\n    fault") is one word. A command-line option is a token of
    its own: a short one keeps its case and stands for its letter ("-N" is not "-n"), a long one ("--no-clobber")
    is followed by its words."""
    text = unhyphenated(text)
    if "-" not in text:
        tokens = _TOKEN.findall(text.lower())
    else:
        tokens = []
        for match in _OPTION_OR_TOKEN.finditer(text):
            option, token = match.group("option"), match.group("token")
            if option is None:
                tokens.append(token.lower())
            elif option.startswith("--"):
                tokens += [option.lower(), *_TOKEN.findall(option.lower())]
            else:
                tokens.append(option if len(option) == 2 else option.lower())
    for i, token in enumerate(tokens):
        if "'" in token or "’" in token:  # rare: the regex work only where an apostrophe is
            tokens[i] = _POSSESSIVE.sub("", token).replace("’", "'")
    return tokens


def stem(word: str) -> str:
    """Snowball English stem of one lower-case word (of its base form for an irregular verb form: "frozen")."""
    return _stemmer().stemWord(_IRREGULAR.get(word, word))


def content_stems(text: str) -> list[str]:
    """Stems of the non-stopword tokens, in order (duplicates kept, as BM25 wants)."""
    return _stemmer().stemWords([_IRREGULAR.get(w, w) for w in words(text) if w not in STOPWORDS])


ABBREVIATIONS = {
    "pm": "prime minister", "fm": "foreign minister", "us": "united states", "usa": "united states",
    "uk": "united kingdom", "eu": "european union", "un": "united nations", "nato": "nato",
    "govt": "government", "gov": "government", "intl": "international", "dept": "department",
}


# Clipped words of technical English and the words they are cut from ("spec" for "specification"): a question's
# clipped word the documents never use is looked for as the full word (``query.correct``).
CLIPPED = {
    "spec": "specification", "config": "configuration", "repo": "repository", "dir": "directory",
    "env": "environment", "arg": "argument", "param": "parameter", "info": "information", "doc": "documentation",
    "db": "database", "pkg": "package", "msg": "message", "lib": "library", "tmp": "temporary", "temp": "temporary",
    "num": "number", "cmd": "command", "attr": "attribute", "func": "function", "var": "variable",
    "dict": "dictionary", "admin": "administrator", "stat": "statistics", "perf": "performance", "app": "application",
    "max": "maximum", "min": "minimum", "prev": "previous", "auto": "automatic", "exe": "executable",
    "yr": "year", "yrs": "years", "hrs": "hours", "mins": "minutes", "ppl": "people",  # chat English
}


CAPITALS = {
    "washington": "united states", "moscow": "russia", "beijing": "china", "london": "united kingdom",
    "paris": "france", "berlin": "germany", "brussels": "european union", "tehran": "iran", "tirana": "albania",
    "ankara": "turkey", "jerusalem": "israel", "kyiv": "ukraine", "kiev": "ukraine", "rome": "italy", "tokyo": "japan",
    "ottawa": "canada", "baghdad": "iraq", "damascus": "syria", "belgrade": "serbia", "athens": "greece",
}
"""Capitals that news writing names for their governments ("what did Washington ask of Tirana?"), general English."""

PEOPLES = {
    "americans": "United States", "british": "United Kingdom", "brits": "United Kingdom", "french": "France",
    "germans": "Germany", "italians": "Italy", "spanish": "Spain", "russians": "Russia", "chinese": "China",
    "japanese": "Japan", "iranians": "Iran", "israelis": "Israel", "turks": "Turkey", "greeks": "Greece",
    "albanians": "Albania", "serbians": "Serbia", "serbs": "Serbia", "ukrainians": "Ukraine", "poles": "Poland",
    "indians": "India", "canadians": "Canada", "mexicans": "Mexico", "egyptians": "Egypt", "saudis": "Saudi Arabia",
}
"""A country's people ("the americans", "Israelis") and the country meant by them, general English."""


def people_country(word: str) -> str | None:
    """The country a people's name stands for (``PEOPLES``), its singular too ("americans", "american" → "United
    States"); None for any other word."""
    return PEOPLES.get(word) or PEOPLES.get(f"{word}s")


def expand_abbreviations(text: str) -> str:
    """The expansions of common abbreviations found in text (PM → prime minister), space-joined."""
    return " ".join(ABBREVIATIONS[w] for w in words(text) if w in ABBREVIATIONS)
