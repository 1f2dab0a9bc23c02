"""The follow-up resolver's choices, in one typed place (fitted by ``python -m assistant.followup_fit``)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FollowupParams:
    """The resolver's choices, fitted on the tuning parts of the conversations (``python -m assistant.followup_fit``,
    2026-11-30, 45 answerable and 13 unanswerable follow-ups): 26 right, 5 refused, 4 false refusals (27 right
    since "the first one" reads as "the first <noun>", checked at these values). More words of
    the previous question cost answers (gist_terms 3: -3; context_terms 2/4/8, the old "(previous terms)": -3 to
    -5); topic_phrases 2 traded a right answer for a false refusal; short_words (1-3) and use_answer tied."""

    short_words: int = 2  # a question with at most this many content words of its own is short
    gist_terms: int = 2  # words of the previous question that stand for "that" / fill a fragment
    topic_phrases: int = 1  # phrases of the previous question (subject, object) that "it" stands for
    use_answer: bool = True  # the previous answer supplies what "he" or "which X ... it" points to
    context_terms: int = 0  # at most this many more words of the previous question, in brackets after the question
    parallel_swap: bool = True  # a fragment replaces the previous question's word nearest it in meaning (tune: +2)
    claim_words: int = 1  # words of the previous answer's claim a lone "why?" carries (issue 16j tune: 1, 2, 3 +1)
    aspect_lead: bool = True  # "what about the scale, how bad was it?": a lead naming no proper noun, before a question
    # unlike the previous one, is an aspect of the previous turn's topic, which follows the question (16 tune: +2 -0)
    named_words: int = 3  # a verbless question with this many content words names what it asks: no fragment (16m: 4;
    # 16o: 3, the tune fragments of three are all "what about X?", cued by that; probe: "bsd copyright holder?")


PARAMS = FollowupParams()


@dataclass(frozen=True)
class AddedParams:
    """What a follow-up adds, looked for in its answer and near the previous one (``assistant.followup_adds``;
    issue 16r, chosen on the tune conversations of fifteen collections and the article's)."""

    refuse_parts: tuple[str, ...] = ("NOUN", "PROPN", "ADJ")  # words whose absence from every cited sentence refuses
    # (+4 right refusals: apache-httpd, command-manuals, debian-faq, licences; -1 right answer: sqlite-manual;
    # verbs too moved no refusal and cost "what did that *lead* to?", answered by "it *resulted* in ...")
    found_parts: tuple[str, ...] = ("NOUN", "PROPN", "ADJ", "VERB")  # words a sentence near the previous answer
    # must all hold to answer a follow-up the answerer refused
    near_paragraphs: int = 0  # paragraphs after the previous answer's best citation looked in (0: its own)
    found_after: int = 1  # sentences after the one found that the answer goes on with


ADDED = AddedParams()


@dataclass(frozen=True)
class AttachedParams:
    """A value a follow-up asks for, looked for beside its own verb (``assistant.followup_attached``; issue 16t,
    chosen on the tune conversations of fifteen collections and the article's)."""

    kinds: tuple[str, ...] = ("date", "place", "number")  # values asked ("when ...?", "where ...?", "how many ...?")
    # that must sit by the verb
    placing: tuple[str, ...] = ("locate", "situate", "base")  # verbs (lemmas) that only say where a thing is
    # ("where is it *located*?" asks where it is: no event of its own to find beside the place)
    catenative: tuple[str, ...] = ("want", "wish", "hope", "intend", "plan", "try", "attempt", "seek", "mean",
                                   "expect", "like", "end", "wind", "manage", "continue", "start", "begin", "keep")
    # verbs (lemmas) of intent or of aspect whose complement's verb is the one asked about ("where did they *want*
    # them *moved* from?": moved; "how many did they *end up* taking?": taking)
    found_after: int = 1  # sentences after the one holding the verb that the answer goes on with


ATTACHED = AttachedParams()


@dataclass(frozen=True)
class CaseParams:
    """Initials typed in lower case, written as the documents write them (``assistant.followup_case``; issue 16w,
    chosen on the tune conversations of fifteen collections: "mek", "nato" in the article's)."""

    min_letters: int = 2  # shorter is a letter, not initials
    max_letters: int = 5  # longer words in capitals are emphasis or keywords ("DEFERRED"), not initials
    min_count: int = 3  # times the documents write the word, all in capitals


CASE = CaseParams()
