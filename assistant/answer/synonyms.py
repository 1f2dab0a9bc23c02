"""A small, general English thesaurus for matching paraphrased questions ("at whose request" ~ "at the behest of").

No package on the registries carries WordNet data that works offline, so these groups are hand-written: common
words that questions use in place of the words a document uses. Each group is a set of interchangeable words;
matching goes through stems, so one form per word is enough.
"""

from __future__ import annotations

from functools import lru_cache

from assistant.terms import stem

GROUPS = """
request behest ask demand urging
accept take admit host shelter welcome receive harbor
help aid assist support assistance backing
start begin launch initiate commence
introduce add
version release
end stop finish halt cease terminate
kill die death dead fatal fatality casualty
cut sever break end rupture split
tie relation relationship link
country nation state
leader head chief
ancestor forebear forefather predecessor
reason cause motive why
say state announce declare claim tell remark speak talk
blame accuse attribute
respond response react reaction reply
deny reject refute dispute acknowledge admit
attack assault strike hack breach cyberattack
happen occur
damage harm destruction disruption
big large huge massive vast
small little tiny minor
important significant crucial pivotal key vital major
angry anger infuriate enrage outrage ire
fear worry concern threat
goal aim objective purpose intent
lesson takeaway moral insight
plan intend strategy
expel eject oust
punish retaliate retaliation revenge reprisal penalize penalise payback retribution
see regard consider perceive deem classify designate
open establish set create found
move relocate transfer shift
buy purchase acquire
sell trade
result consequence outcome effect implication
historic historical unprecedented first
weak vulnerable fragile
strong robust powerful firm
ally partner friend
enemy adversary foe opponent
war conflict fight warfare clash confrontation
meet meeting summit
agree accord deal treaty pact agreement
rule govern regime government administration
law rule norm regulation convention
money cost fund funding price
prevent stop block deter
investigate probe inquiry examine
recognize acknowledge recognise
hide conceal cover
show demonstrate reveal display
keep maintain retain preserve sustain
arrive arrival come reach
required mandatory compulsory obligatory
largest biggest greatest
hyphen dash
delete remove erase
folder directory
camp compound encampment
tool utility program
quit exit
anonymous anonymously unnamed unidentified
prefer opt choose pick favor favour
guess speculate
meant intended designed
replace substitute
proof evidence
standing position
chore task
ambition aspiration
limit restrict constrain
verify check validate
terminal tty console
unpack extract decompress uncompress
option flag
error failure
benefit advantage
problem issue challenge difficulty
repo repository
tarball archive
writer author
expect anticipate predict
""".strip().splitlines()


@lru_cache(maxsize=1)
def _table() -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for line in GROUPS:
        stems = {stem(word) for word in line.split()}
        for s in stems:
            table.setdefault(s, set()).update(stems - {s})
    return {k: frozenset(v) for k, v in table.items()}


def synonyms(term_stem: str) -> frozenset[str]:
    """Stems that may stand in for ``term_stem`` (empty when the thesaurus has none)."""
    return _table().get(term_stem, frozenset())
