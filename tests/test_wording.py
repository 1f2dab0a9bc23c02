"""A question read in plain words: shorthand, idioms and filler (``assistant.answer.wording``)."""

from __future__ import annotations

import pytest

from assistant.answer.wording import plain_wording


@pytest.mark.parametrize(("typed", "plain"), [
    ("why did rama pull the plug on diplomatic ties w/ iran", "why did rama end diplomatic ties with iran"),
    ("what yr did it all come to a head?", "what year did it all reach a crisis?"),
    ("how come they agreed to it in the first place?", "why they agreed to it?"),
    ("why did albania let them in to begin with?", "why did albania let them in?"),
    ("Does Iran expect to hit back at Albania?", "Does Iran expect to retaliate against Albania?"),
    ("how many yrs between the two?", "how many years between the two?"),
    ("so whats next for the guild?", "so what is the future for the guild?"),
    ("table got bigger even tho no rows show up, why?", "table got bigger even though no rows show up, why?"),
    ("is the option enabled or not?", "is the option enabled?"),
    ("when did things finally boil over?", "when did things finally erupt?"),
    ("copy W/O the header", "copy without the header"),
    ("why is it a bad idea to monkeypatch open?", "why is it not recommended to monkeypatch open?"),
    ("is turning on lookups a good idea?", "is turning on lookups recommended?"),
    ("why do I need to run update first?", "why do I have to run update first?"),
    ("what needs to be in the file?", "what has to be in the file?"),
    ("is a war far-fetched?", "is a war unlikely?"),
    ("how long has it been at odds with the govt?", "how long has it been in conflict with the government?"),
    ("who did albania side with?", "who did albania align with?"),
    ("who did they pin it on?", "who did they blame it on?"),
    ("who did the report pin the blame on?", "who did the report blame?"),
    ("what's its main headache now?", "what's its main challenge now?"),
    ("and the 2nd?", "and the second?"),
    ("r there any talks going on?", "are there any talks going on?"),
    ("why bother using them though?", "why using them though?"),
    ("what did they do once they got there?", "what did they do once they arrived there?"),
    ("when did they get there?", "when did they arrive there?"),
    ("what did the group keep doing from its base?", "what did the group continue doing from its base?"),
    ("whats the 3rd step in the 1st section", "whats the third step in the first section"),
    ("can u list the sections in the table of contents", "can you list the sections in the table of contents"),
    ("could u tell me who blamed iran", "could you tell me who blamed iran"),
    ("which group is at loggerheads with the regime?", "which group is in conflict with the regime?"),
    ("how far back does their beef with the regime go?", "how far back does their conflict with the regime go?"),
    ("what did the allies put on the table?", "what did the allies offer?"),
    ("why was the flood such a big deal?", "why was the flood such significant?"),
    ("how come the new policy winds the council up?", "why the new policy anger the council?"),
    ("how many devs have to approve it?", "how many developers have to approve it?"),
    ("who did tirana pin the july 2022 cyberattack on?", "who did tirana blame the july 2022 cyberattack on?"),
    ("give or take, how many folks came?", "roughly, how many people came?"),
    ("acording to the opening, what set it off?", "acording to the intro, what set it off?"),
    ("who did the council point the finger at?", "who did the council blame?"),
    ("what was the friction about, per the opening?", "what was the friction about, per the intro?"),
    ("which country had albania's back on the cyber side?", "which country supported albania on the cyber side?"),
    ("did they see it so right away?", "did they see it so immediately?"),
])
def test_plain_wording_spells_out_shorthand_idioms_and_drops_filler(typed: str, plain: str) -> None:
    assert plain_wording(typed) == plain


@pytest.mark.parametrize("typed", [
    "what does chmod u+x do?",  # a permission letter, not "you"
    "do u and g mean user and group in chmod?",  # a letter before "and", not a verb
    "how do I get rid of the warning?",  # manuals write "get rid of"
    "what does bc do with -l?",  # a program's name, not "because"
    "where is /usr/share/doc/yr/w/ kept?",  # inside a path: no shorthand
    "why does gzip follow symlinks?",
    "what command gets me back out of the virtualenv?",  # "back out of" said literally
    "do I hit back to return to the menu?",  # a key, not a retaliation
    "should I pull the plug before opening the case?",  # a cable
    "is there no need to restart?",  # the noun "need"
    "which tools are needed to build it?",
    "what happened on July 1st?",  # a day of a month stays a date
    "is the 3rd of May a holiday?",
    "how do I pin the header row?",
    "how do I pin the package on stable?",  # apt's pinning, not a blame
    "what does r do with the -x flag?",  # "r" as a name, not opening the question
    "how long does apt keep the downloaded files?",  # "keep" with an object, not "keep doing"
    "what's next?",  # what follows, not a future
    "where does the script wind up when it exits?",  # "wind up" alone: ends up
    "does the process wind up in the background?",
    "why is iran opening an interest section?",  # something opened, not the document's start
    "according to the opening lesson, what grows?",
    "what happens in the opening of the file?",
    "what does finger show about a user?",  # the program, not an accusation
    "got a .deb with a weird file name, how do i check it?",  # a file's extension is no full stop to close up
    "how do I get back to the menu?",
])
def test_plain_wording_leaves_literal_words_alone(typed: str) -> None:
    assert plain_wording(typed) == typed


def test_a_question_of_filler_alone_is_kept_as_typed() -> None:
    assert plain_wording("at all?") == "at all?"
    assert plain_wording("how come?") == "why?"


def test_a_follow_up_is_resolved_in_plain_words(assistant) -> None:
    """The resolver reads the question as the answerer does: "r there ...?" is an existential question, not "there"
    pointing at a place of the earlier turn ("R albania any talks ...")."""
    answer = assistant.ask("r there any talks going on to restore ties?",
                           history=["what stage are albania and iran at now?"])
    assert answer.abstained and "albania" not in (answer.searched or "").lower()
    blamed = assistant.ask("who did they pin it on?", history=["when was albania hit by the big cyberattack?"])
    assert not blamed.abstained and "blame" in (blamed.searched or "") and "Foreign Ministry" in blamed.answer
