"""Repairs of a spaCy parse where the small English model is wrong in a way the grammar itself rules out.

``do_support_verb``: after "do"/"does"/"did" and its subject the bare verb must follow ("what did a western diplomat
*compare* hosting the MEK to?"), but the tagger often reads the subject's head and the verb as one compound noun
("diplomat compare", "albania host", "client support") and makes the verb the root noun. The subject is then lost to
everything that reads the parse: the person "he" stands for, the question's focus phrase, the verb a yes/no
question asks about. The repair makes the root a verb again, the compound its subject, the words of the subject's
phrase the parser hung on the root the subject's again, and a wh-phrase it took for a second subject ("*who* did the
council blame?") the verb's object.
"""

from __future__ import annotations

from typing import Any

_DO = "do"
_BARE_NOUN = "NN"  # the tag the verb's base form gets when read as a noun ("compare", "host", "support")
# Words of the subject's noun phrase the parser hung on the root noun ("the july 2022 cyberattack hit")
_NOUN_PHRASE_DEPS = frozenset({"det", "amod", "nmod", "compound", "nummod", "poss"})
_WH_TAGS = frozenset({"WP", "WDT", "WP$"})


def do_support_verb(doc: Any) -> Any:
    """``doc`` with its root made a verb when it is a singular noun led by "do"-support and by a noun compounded
    onto it right before it (the subject's head), with no modifier or bare verb after it; otherwise unchanged. Edits
    the doc in place and returns it."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ != "NOUN" or root.tag_ != _BARE_NOUN or root.i == 0:
        return doc
    subject = doc[root.i - 1]
    if subject.dep_ != "compound" or subject.head.i != root.i or subject.pos_ not in ("NOUN", "PROPN"):
        return doc
    if any(t.i > root.i and t.dep_ in ("amod", "compound") for t in root.children):
        return doc  # a modifier after the noun: the verb is that word ("what does the echoes section *open* by ...")
    if any(t.tag_ == "VB" and t.i > root.i for t in root.subtree):
        return doc  # the bare verb comes later ("what did the police officer in the photo *stand* in front of?")
    aux = next((t for t in root.children if t.dep_ == "aux" and t.lemma_.lower() == _DO and t.i < subject.i), None)
    if aux is None:
        return doc
    for word in list(root.children):
        if aux.i < word.i < subject.i and word.dep_ in _NOUN_PHRASE_DEPS:
            word.head = subject
    for word in doc[:aux.i]:  # "*who* did the council blame?", "which *group* does albania host?": the object
        if word.dep_ == "nsubj" and word.head.i in (aux.i, root.i) and _asks(word):
            word.dep_, word.head = "dobj", root
    root.pos_, root.tag_ = "VERB", "VB"
    subject.dep_ = "nsubj"
    return doc


def _asks(word: Any) -> bool:
    """A wh-word, or a noun a wh-word determines ("which group")."""
    return word.tag_ in _WH_TAGS or any(c.tag_ in _WH_TAGS and c.dep_ == "det" for c in word.children)
