"""A question in plain words: chat shorthand spelled out, idioms said plainly, discourse filler dropped.

"why did rama pull the plug on ties w/ iran", "what yr did it all come to a head?" and "how come X agreed to it in
the first place?" ask what "why did Rama end ties with Iran", "what year did it all reach a crisis?" and "why did X
agree to it?" ask. Left as typed, their words ("plug", "w", "yr", "head", "first place") are rare in any corpus, so
they weigh most in term coverage and look like the detail a document lacks: the nearest passage scores low and the
question is refused. Every entry is general English (chat shorthand and common idioms of questions), none a
document's phrasing; an idiom is listed only when technical text seldom writes its words literally ("get rid of",
"give up" and "figure out" are left as typed: manuals write them; "back out of" was dropped: "what gets me back out
of the virtualenv?").
"""

from __future__ import annotations

import re

# Chat shorthand, matched as a whole token: what it stands for. Not "u", "r", "bc", "diff", "info" or
# "esp": tokens a manual may hold as a name (a permission letter, a program, a register).
SHORTHAND: dict[str, str] = {
    "w/": "with", "w/o": "without", "b/c": "because", "cuz": "because", "coz": "because", "yr": "year",
    "yrs": "years", "thru": "through", "tho": "though", "ppl": "people", "abt": "about", "smth": "something",
    "sth": "something", "wrt": "about", "pls": "please", "plz": "please", "govt": "government", "devs": "developers",
    "folks": "people",
}
_SHORTHAND = re.compile(r"(?<![\w/])(" + "|".join(re.escape(k) for k in sorted(SHORTHAND, key=len, reverse=True))
                        + r")(?![\w/])", re.IGNORECASE)

_OPENING_R = re.compile(r"^(\W*)r(?= (?:there|they|we|you|these|those|the|any|all|some)\b)", re.IGNORECASE)
"""A question opening with "r" for "are" ("r there any talks?"): a letter standing alone only there (not "r" as
a name elsewhere: "what does r do?")."""

_YOU_U = re.compile(r"\b(can|could|would|will|do|did|should|have|are)\s+u(?=\s+(?!(?:and|or|nor)\b)[a-z])",
                    re.IGNORECASE)
""""u" for "you" after the verb that opens a request ("can u list the sections"): a letter standing alone only there
(not "u" as a permission letter: "chmod u+x", "what does u mean in chmod?")."""

# Idioms and what they say plainly (the base form: matching goes through stems).
IDIOMS: tuple[tuple[str, str], ...] = (
    (r"how come", "why"),
    (r"how so", "why"),
    (r"pull(?:s|ed|ing)? the plug on", "end"),  # not "pull the plug" alone: said of a cable
    (r"(?:come|comes|came|coming) to a head", "reach a crisis"),
    (r"own(?:s|ed|ing)? up(?: to)?", "admit"),
    (r"hit(?:s|ting)? back (?:at|against)", "retaliate against"),  # not "hit Back to return"
    (r"str(?:ike|ikes|uck|iking) back (?:at|against)", "retaliate against"),
    (r"boil(?:s|ed|ing)? over", "erupt"),
    (r"flare(?:s|d)? up|flaring up", "erupt"),
    (r"turn(?:s|ed|ing)? a blind eye(?: to)?", "ignore"),
    (r"in the wake of", "after"),
    (r"(?:call|calls|called|calling) off", "cancel"),
    (r"(?:kick|kicks|kicked|kicking) off", "start"),
    (r"(?:step|steps|stepped|stepping) down", "resign"),
    (r"(?:put|puts|putting) up with", "tolerate"),
    (r"(?:a )?(?:bad|poor|terrible) idea", "not recommended"),  # documentation's words for advice
    (r"(?:a )?(?:good|great) idea", "recommended"),
    (r"give or take", "roughly"),  # not a giving or a taking
    (r"far[- ]fetched", "unlikely"),
    (r"at odds with", "in conflict with"),
    (r"at loggerheads with", "in conflict with"),
    (r"beefs? with", "conflict with"),  # "their beef with the regime": a quarrel, not meat
    (r"(?:put|puts|putting) on the table", "offer"),
    (r"(?:a )?big deal", "significant"),
    (r"(?:wind|winds|winding|wound) (\w+(?: \w+)?) up\b(?! (?:in|at|with|being|as)\b)", r"anger \1"),  # "winds iran up"
    (r"(?:side|sides|sided|siding) with", "align with"),
    (r"(?<!\bthe )(?<!\ba )(?<!\ban )(?<!\bno )(?<!\bany )need to", "have to"),  # the verb, not "the need to":
    (r"needs to", "has to"),  # documents write "must", "required", "have to" (not "needed to": "the tools needed to")
    (r"pin(?:s|ned|ning)? the blame on", "blame"),
    (r"point(?:s|ed|ing)? (?:the |an accusing |a )?finger at", "blame"),
    (r"pin(?:s|ned|ning)?(?= (?:it|that|this|them) on\b)", "blame"),  # "who did they pin it on?"
    (r"(?<=\bwho )((?:did|do|does|would|will)(?: [\w'’-]+){1,3}) pin(?= [\w\s'’-]{1,40}? on\b)", r"\1 blame"),
    # "who did tirana pin the july 2022 cyberattack on?" (not "how do i pin the package on stable?")
    (r"why (?:even )?bother(?: with)?", "why"),  # "why bother using them?": why use them
    (r"(?:got|gotten) there", "arrived there"),
    (r"(?:get|gets|getting) there", "arrive there"),
    (r"(?:kept|keeps|keep|keeping) (?:on )?(?=\w+ing\b)", "continue "),  # "kept doing": continued doing
    (r"what(?:['’]?s| is| comes) next for", "what is the future for"),  # not "what's next?": what follows
    (r"(?:(?<=according to )|(?<=acording to )|(?<=per )|(?<=in ))the opening(?! (?:of|lessons?|lines?)\b)",
     "the intro"),  # the document's start, not something opened ("the opening of an interest section")
    (r"(?:has|had|have|having) (\w+)['’]s back", r"supported \1"),  # "which country had albania's back?"
    (r"(?:right|straight) away", "immediately"),
    (r"headaches", "challenges"),
    (r"headache", "challenge"),
)
_IDIOMS = tuple((re.compile(rf"\b{pattern}\b", re.IGNORECASE), plain) for pattern, plain in IDIOMS)

# An ordinal in digits ("the 2nd one"), not in a date ("July 1st", "the 1st of May"): the word documents write.
ORDINALS: dict[str, str] = {"1st": "first", "2nd": "second", "3rd": "third", "4th": "fourth", "5th": "fifth",
                            "6th": "sixth", "7th": "seventh", "8th": "eighth", "9th": "ninth", "10th": "tenth"}
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_ORDINAL = re.compile(rf"(?<![\w/])({'|'.join(ORDINALS)})\b(?! of {_MONTH})", re.IGNORECASE)
_AFTER_MONTH = re.compile(rf"\b{_MONTH}\s*$", re.IGNORECASE)


def _ordinal_word(m: re.Match[str]) -> str:
    """The ordinal's word, unless a month names it a day."""
    return m.group(1) if _AFTER_MONTH.search(m.string[:m.start()]) else ORDINALS[m.group(1).lower()]


# Discourse filler: words that frame the question and hold nothing a passage would say.
FILLER = re.compile(
    r"\b(?:in the first place|to begin with|to start with|if at all|at all|after all|by the way|anyways?|of course|"
    r"on earth|the heck|the hell|or not|btw|fyi|imo|imho|tbh)\b", re.IGNORECASE)


def plain_wording(question: str) -> str:
    """The question with shorthand spelled out, idioms said plainly and filler dropped (unchanged when it holds
    none; never empty: a question of filler alone is kept as typed)."""
    text = _SHORTHAND.sub(lambda m: SHORTHAND[m.group(1).lower()], question)
    text = _OPENING_R.sub(r"\1are", text)
    text = _YOU_U.sub(r"\1 you", text)
    text = _ORDINAL.sub(_ordinal_word, text)
    for pattern, plain in _IDIOMS:
        text = pattern.sub(plain, text)
    text = FILLER.sub(" ", text)
    text = re.sub(r"\s+([?.!,;:])(?!\w)", r"\1", " ".join(text.split()))  # not "a .deb", "in .htaccess"
    return text if any(ch.isalnum() for ch in text) else question
