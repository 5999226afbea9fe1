"""Sources: noun phrases that name speakers, and the registry that resolves them.

A noun phrase is read from word tokens (:func:`subject_before`, :func:`phrase_after`)
and classified (:func:`classify`) as a pronoun, a name with or without titles
("Kremlin spokesman Dmitry Peskov", "Mr. Stoltenberg"), a role description ("the
Kremlin press secretary"), an organisation ("the ministry", "TASS"), a document
("the statement") or a group ("officials"). :class:`Registry` keeps one entity per
real speaker: surnames, role descriptions and pronouns resolve to people met
before, and aliases and roles accumulate on them.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from briefings.model import MentionKind, OrgKind, OtherKind
from briefings.text._sentences import Token

__all__: list[str] = []


def _words(words: str) -> frozenset[str]:
    """The whitespace-separated words of ``words``."""
    return frozenset(words.split())


PRONOUNS = _words("""he she they it i we him her them his their its""")
_SUBJECT_PRONOUNS = _words("""he she they it i we""")


def contracted_pronoun(low: str) -> str:
    """``he`` for ``he's`` / ``he’d``, ``they`` for ``they've``: a subject pronoun
    with its auxiliary run on, else ``""``."""
    for mark in ("'", "’"):
        base, sep, rest = low.partition(mark)
        if sep and base in _SUBJECT_PRONOUNS and rest in {"s", "ve", "d", "ll", "re", "m"}:
            return base
    return ""


HONORIFICS = _words("""mr. mrs. ms. dr. prof. sen. rep. gov. gen. lt. col. adm. rev. amb. sir""")

ROLE_WORDS = _words(
    """lobbyist lobbyists operative pollster chairwoman host anchor commentator pundit
    writer blogger sponsor donor trustee fellow scholar veteran resident voter delegate
    surrogate spokesman spokeswoman spokesperson spokespeople spokesmen spokeswomen secretary
    minister president leader ambassador envoy diplomat aide adviser advisor official
    chief head director chairman chairwoman chair senator governor mayor representative
    congressman congresswoman candidate nominee commander general prosecutor judge
    attorney lawyer economist analyst expert professor researcher negotiator premier
    chancellor king queen prince pope deputy manager ceo founder member lawmaker
    legislator strategist officer correspondent reporter editor columnist author vice
    press foreign defense defence interior finance prime national security senior top
    former acting first assistant general-secretary secretary-general counselor
    counsellor consul attaché attache speaker whip nominee democrat republican activist
    campaigner organizer organiser historian scientist physician doctor surgeon
    economist pollster consultant operative staffer aides chief-of-staff executive
    founder owner investor administrator commissioner superintendent sheriff inspector
    employee speechwriter contractor
    detective sergeant captain lieutenant colonel major admiral marshal mp mps deputies
    ombudsman rapporteur observer monitor coordinator director-general ministers
    officials advisers advisors experts analysts sources source diplomats"""
)
# lower-case role words that head a role description ("the spokesman")
ROLE_HEADS = frozenset(
    w
    for w in ROLE_WORDS
    if w
    not in {
        "vice",
        "press",
        "foreign",
        "defense",
        "defence",
        "interior",
        "finance",
        "prime",
        "national",
        "security",
        "senior",
        "top",
        "former",
        "acting",
        "first",
        "assistant",
    }
)
_ROLE_GROUPS: dict[str, str] = {
    "spokesman": "spokesperson",
    "spokeswoman": "spokesperson",
    "spokesperson": "spokesperson",
    "spokespeople": "spokesperson",
    "secretary": "secretary",
    "president": "leader",
    "leader": "leader",
    "premier": "leader",
    "chancellor": "leader",
    "king": "leader",
    "queen": "leader",
    "ambassador": "diplomat",
    "envoy": "diplomat",
    "diplomat": "diplomat",
    "consul": "diplomat",
    "aide": "aide",
    "adviser": "aide",
    "advisor": "aide",
    "counselor": "aide",
    "lawmaker": "legislator",
    "legislator": "legislator",
    "speaker": "legislator",
    "mp": "legislator",
    "senator": "legislator",
    "congressman": "legislator",
    "congresswoman": "legislator",
    "representative": "legislator",
}
ORG_WORDS = _words(
    """convention association society league caucus
    ministry department office kremlin government administration house committee council
    agency campaign party commission court company bank union embassy parliament senate
    congress duma military army navy police pentagon service services bureau institute
    foundation center centre organization organisation corporation group alliance
    coalition board authority authorities cabinet staff team secretariat mission
    headquarters command directorate network newspaper magazine daily weekly radio
    television tv channel station website outlet press agency"""
)
DOCUMENT_WORDS = _words(
    """statement report letter poll survey study document communique communiqué memo
    article website readout transcript release resolution decree declaration note
    message post tweet filing lawsuit complaint indictment analysis review paper
    announcement notice order bill law treaty agreement ruling verdict
    sign signs banner banners placard placards poster posters t-shirt t-shirts shirt
    shirts headline caption billboard email memoir editorial records polls reports
    documents emails statements surveys studies filings memos transcripts results data
    figures estimates numbers statistics"""
)
GROUP_WORDS = _words(
    """officials analysts experts critics people observers lawmakers residents sources
    diplomats aides advisers advisors activists supporters opponents voters members
    leaders ministers authorities investigators prosecutors scientists economists
    democrats republicans witnesses others many some most allies strategists donors
    delegates protesters demonstrators employees workers veterans conservatives
    liberals progressives evangelicals operatives pollsters researchers historians
    scholars commentators pundits insiders respondents participants superdelegates
    spectators marchers specialists foes reporters journalists students fans attendees
    backers followers employees staffers advocates rivals editors investors friends
    forecasters bankers insurers confidants"""
)
ANONYMOUS_WORDS = frozenset(["source", "sources", "insider", "insiders"])
NEWS_AGENCIES = _words(
    """tass interfax ria novosti ria-novosti reuters ap afp xinhua sputnik bloomberg kyodo
    yonhap efe ansa dpa upi anadolu prensa latina itar-tass itar tanjug bernama"""
)
MEDIA_WORDS = _words(
    """cnn bbc msnbc nbc abc cbs npr pbs fox rt izvestia kommersant vedomosti rbc politico
    axios times post journal guardian telegraph independent news tribune herald
    chronicle gazette observer economist newsweek time atlantic hill breitbart
    huffington vox slate bloomberg al jazeera euronews opciones pravda rossiyskaya
    gazeta"""
)
COUNTRIES = _words(
    """russia moscow washington china beijing ukraine kiev kyiv america britain london
    france paris germany berlin japan tokyo iran tehran israel jerusalem turkey ankara
    india delhi pakistan cuba havana belarus minsk syria damascus korea seoul pyongyang
    vietnam hanoi poland warsaw brussels europe nato u.s. us usa u.s.a. uk u.k. eu
    kremlin whitehall"""
)
# words that make a capitalised phrase a place or an institution, not a person
US_STATES = _words(
    """alabama alaska arizona arkansas california colorado connecticut delaware florida
    hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland
    massachusetts michigan minnesota mississippi missouri montana nebraska nevada
    ohio oklahoma oregon pennsylvania tennessee texas utah vermont wisconsin wyoming"""
)
PLACE_WORDS = _words(
    """united states kingdom nations union republic federation east west north south new
    city county island islands street avenue square hall university college school
    america american europe european africa african asia asian arab gulf sea ocean river
    valley mountains region province state district capital airport hotel club fund post
    times news journal daily tribune herald street court"""
)
# capitalised words that start a sentence but are not part of a name
_NOT_NAME = _words(
    """but and yet so then now meanwhile however also still while when as if because
    although though after before since where which who that this these those there here
    in on at for with by from during under over about into upon thus hence instead
    indeed moreover furthermore nevertheless nonetheless besides later earlier today
    yesterday tomorrow asked speaking commenting answering responding writing according
    last next in an a the its his her their our my your both all each monday tuesday
    wednesday thursday friday saturday sunday yes no well oh please thank thanks"""
)
_SKIP_BACK = _words(
    """also further later again repeatedly then previously earlier recently once separately
    additionally subsequently has had have was is were are would will reportedly
    publicly firmly flatly categorically strongly explicitly clearly has already even
    openly bluntly privately simply initially originally first finally quickly frankly
    emphatically personally directly formally officially specifically just immediately
    elsewhere may might could can should must did does do however himself herself
    themselves itself meanwhile too still now instead though often sometimes"""
)
_GENERIC_DET = _words(
    """the a an this that these those his her their its our my your one another some many
    several most few two three four five both each every"""
)
_CLAUSE_OPENERS = _words("""and but that while though because""")
_CONNECTORS = _words("""of to for at in on""")
# capitalised at a sentence's start, never a name on their own
_FUNCTION_WORDS = _words("""you we i to even just such only not what why how either neither""")
_QUANTIFIERS = _words(
    """another one anyone everyone someone somebody nobody anybody everybody none other
    others few several both all each every"""
)
_PLURAL_QUANTIFIERS = _words("""everyone everybody others few several both all""")
_AFTER_DET = _words("""one another some several two three four many""")
_DETERMINERS = _words("""the a an this that these those""")
# set differences used in loops, computed once
_NOT_NAME_NOR_DET = _NOT_NAME - _DETERMINERS
_NOT_NAME_BUT_OF = _NOT_NAME - {"of"}


def _bare(low: str) -> str:
    """A lower-cased word without its possessive ending."""
    return low.removesuffix("’s").removesuffix("'s")


def _is_role(tok: Token) -> bool:
    return _bare(tok.low).rstrip(".") in ROLE_WORDS or tok.low in HONORIFICS


def _np_word(tok: Token) -> bool:
    if not tok.is_word:
        return tok.text in {"-", "–", "&"}
    if tok.is_cap:
        return True
    return (
        tok.low in ROLE_WORDS
        or tok.low in GROUP_WORDS
        or tok.low in DOCUMENT_WORDS
        or (tok.low in ORG_WORDS)
    )


_DASHES = frozenset({"-", "—", "–"})
_TIME_HEADS = _words(
    """week month year weekend morning night monday tuesday wednesday thursday friday
    saturday sunday"""
)
# words of a time phrase ending in "ago" ("less than two weeks ago", "a few days ago")
_AGO_WORDS = _words(
    """a an few several some many just only about nearly almost less more than one two
    three four five six seven eight nine ten eleven twelve minutes minute hours hour days
    day weeks week months month years year moments decades decade"""
)
# roles held for someone else: "a spokesman for X" is not X
_PRINCIPAL_ROLES = _words(
    """spokesman spokeswoman spokesperson aide aides adviser advisor lawyer attorney
    representative assistant counsel staffer friend ally supporter surrogate strategist
    confidant deputy"""
)

# what a named one can own and speak through: "Ayotte’s campaign", "Lee's office"
_OWNED_HEADS = ORG_WORDS | DOCUMENT_WORDS | GROUP_WORDS

# a quantifier standing alone for a source ('“...,” tweeted another.', not "other")
_LONE_SOURCES = _words("""another one someone somebody others several""")

_POSSESSIVE_DETS = _words("""his her their its""")

_WEEKDAYS = _words("""monday tuesday wednesday thursday friday saturday sunday""")
_DAY_PARTS = _words("""morning afternoon evening night""")
_DAY_LEADS = _words("""on last this next later earlier late early that""")
# prepositions of an adverbial between a subject and its verb ("Trump at the time said")
_ADVERBIAL_PREPS = _words("""at in during on over throughout within""")


def subject_before(
    toks: Sequence[Token], k: int, lo: int = 0, *, appositive: bool = True
) -> tuple[int, int] | None:
    """The noun phrase ending just before token ``k`` (skipping adverbs and
    auxiliaries: ``Peskov also said``), as a token range, or ``None``. With
    ``appositive``, ``Smith, a professor at Yale, said`` gives ``Smith``; an
    adverbial in between is stepped over (``Trump at the time said``)."""
    j = k
    # "Priebus on Thursday said", "Lee later Monday told", "Lee Monday night said":
    # a day between the subject and its verb is a time, not a name
    x = j
    if x - 2 > lo and toks[x - 1].low in _DAY_PARTS and toks[x - 2].low in _WEEKDAYS:
        x -= 1
    if x - 1 > lo and toks[x - 1].low in _WEEKDAYS:
        x -= 1
        if x - 1 > lo and toks[x - 1].low in _DAY_LEADS:
            x -= 1
        j = x
    if j - 2 > lo and toks[j - 1].low == "ago":
        # "The State Department less than two weeks ago said": a time, not the subject
        x = j - 2
        while x > lo and j - x <= 6 and toks[x].low in _AGO_WORDS:
            x -= 1
        if x < j - 2:
            j = x + 1
    if j - 1 > lo and toks[j - 1].low in _TIME_HEADS and not toks[j - 1].is_cap:
        j -= 1
        if j - 1 > lo and toks[j - 1].low in {"last", "this", "next", "that"}:
            j -= 1  # "Feinstein (D-Calif.) last week said": a time, not the subject
        else:
            j = k
    found = _subject_before(toks, j, lo, appositive=appositive)
    if found is None and j != k:
        # "a survey released Wednesday found": the day ends a longer phrase
        found = _subject_before(toks, k, lo, appositive=appositive)
    if (
        found is not None
        and found[0] - 2 > lo
        and toks[found[0] - 1].low == "by"
        and toks[found[0] - 2].low.endswith(("ed", "en", "wn"))
        and not toks[found[0] - 2].is_cap
    ):
        # "A letter from the Legion obtained by The Associated Press warns": the
        # letter, not the agent of the participle
        outer = _subject_before(toks, found[0] - 2, lo, appositive=False)
        if outer is not None:
            return outer
    if (
        found is not None
        and found[0] - 2 > lo
        and toks[found[0] - 1].low in {"to", "with"}
        and toks[found[0] - 2].low.endswith("ing")
        and not toks[found[0] - 2].is_cap
    ):
        # "Another source speaking to Fox News said": the one speaking, not the outlet
        outer = _subject_before(toks, found[0] - 2, lo, appositive=False)
        if outer is not None:
            return outer
    if (
        found is not None
        and found[0] - 2 > lo
        and toks[found[0]].low in _DETERMINERS
        and toks[found[0] - 1].low in {"of", "at", "from"}
        and toks[found[0] - 2].is_cap
        and toks[found[0] - 2].low not in _NOT_NAME
        and not _is_role(toks[found[0] - 2])
    ):
        # "David Albo of the Institute wrote": the person, then where they work
        outer = _subject_before(toks, found[0] - 1, lo, appositive=False)
        if outer is not None:
            return (outer[0], found[1])
    if (
        found is not None
        and found[0] - 1 > lo
        and toks[found[0] - 1].low in _ADVERBIAL_PREPS
        and not toks[found[0]].is_cap
    ):
        outer = _subject_before(toks, found[0] - 1, lo, appositive=False)
        if outer is not None:
            return outer
    return found


def _not_a_subject(toks: Sequence[Token], rng: tuple[int, int], lo: int) -> bool:
    """A comma-set piece that is no subject: a party and state tag (``R-Ky.``), a
    state's abbreviation (``Mich.``) or a place after a preposition (``of Flint``)."""
    words = "".join(t.text for t in toks[rng[0] : rng[1]])
    if len(words) <= 8 and words[:2] in {"R-", "D-", "I-"}:
        return True
    if rng[1] - rng[0] <= 2 and words.endswith(".") and len(words) <= 6:
        return True
    return rng[0] > lo and toks[rng[0] - 1].low in {"of", "in", "from", "at"}


def relative_who(toks: Sequence[Token], k: int, lo: int = 0) -> int:
    """The token of a relative ``who`` that is the subject of the verb at ``k``
    (``who has in the past described``, ``who also said``), or -1."""
    j = k
    steps = 0
    while j > lo and steps < 6:
        steps += 1
        t = toks[j - 1]
        if t.low == "who":
            return j - 1
        if t.is_word and not t.is_cap and (t.low in _SKIP_BACK or t.low.endswith("ly")):
            j -= 1
            continue
        if (
            j - 3 >= lo
            and toks[j - 3].low in _ADVERBIAL_PREPS
            and toks[j - 2].low in {"the", "a", "that", "this"}
            and t.is_word
            and not t.is_cap
        ):
            j -= 3  # "in the past", "at the time"
            continue
        break
    return -1


# prepositions whose object is no subject ("C against the plan, forcing her ..., said X")
_OBJECT_PREPOSITIONS = _words("""against for to with about into onto toward towards upon""")


def _subject_before(
    toks: Sequence[Token], k: int, lo: int, *, appositive: bool
) -> tuple[int, int] | None:
    j = k
    while (
        j > lo
        and (toks[j - 1].low in _SKIP_BACK or toks[j - 1].low.endswith("ly"))
        and (toks[j - 1].is_word and not toks[j - 1].is_cap)
    ):
        j -= 1
    if j <= lo:
        return None
    if toks[j - 1].text == ")":
        # "Rep. Elijah Cummings (D-Md.) said": step over the parenthesis
        c = j - 1
        while c > lo and j - c < 12 and toks[c].text != "(":
            c -= 1
        if toks[c].text == "(" and c > lo:
            j = c
    last = toks[j - 1]
    if last.low in _SUBJECT_PRONOUNS or contracted_pronoun(last.low):
        return (j - 1, j)  # "he said", "he's said"
    if last.text in _DASHES and appositive:
        # "A former candidate -- John McCain, who lost in 2008 -- said": the name
        c = j - 1
        while c > lo and toks[c - 1].text == "-":
            c -= 1  # the closing dash, "--" being two tokens
        x = c - 1
        while x > lo and c - x < 30 and toks[x].text not in _DASHES | {".", ";", ":"}:
            x -= 1
        if x > lo and toks[x].text in _DASHES:
            inner = phrase_after(toks, x + 1, c)
            while x > lo and toks[x - 1].text == "-":
                x -= 1  # the opening dash
            if inner is not None and toks[inner[0]].is_cap and toks[inner[1] - 1].is_cap:
                return inner
            return subject_before(toks, x, lo, appositive=False)
        return None
    if last.text == "," and appositive:
        # "Smith, a professor, said"; "Carr, 31, a photographer, said"; "Sanders,
        # meanwhile, who sits ..., said": up to three comma-set pieces back
        end = j - 1
        fallback = None
        located = None
        for _ in range(3):
            c = end - 1
            # (a "." inside one sentence is an abbreviation's: "R-Wis.", "Mich.")
            while c > lo and end - c < 30 and toks[c].text not in {",", ";", ":"}:
                c -= 1
            if not (c > lo and toks[c].text == "," and end - 1 - c >= 1):
                break
            found = subject_before(toks, c, lo, appositive=False)
            if (
                found is not None
                and found[0] > lo
                and toks[found[0] - 1].low in _OBJECT_PREPOSITIONS
            ):
                # "C against the plan, forcing her to ..., said Ann Lee": an object,
                # and no subject before the cue (which is inverted)
                end = c
                continue
            if found is not None:
                if not _not_a_subject(toks, found, lo):
                    return found
                if (
                    found[0] - 2 >= lo
                    and toks[found[0] - 1].low in {"in", "from", "of", "at"}
                    and toks[found[0] - 2].is_word
                ):
                    # "a woman in Worcester, Massachusetts, told him": who is there
                    outer = subject_before(toks, found[0] - 1, lo, appositive=False)
                    if outer is not None and not _not_a_subject(toks, outer, lo):
                        located = located or outer
                fallback = fallback or found
            end = c
        if located is not None:
            return located
        if fallback is not None:
            # "In the primary, Gov. Ann Lee (R-Ohio), said": no subject before the
            # piece, which is then the subject itself
            own = subject_before(toks, j - 1, lo, appositive=False)
            if own is not None and not _not_a_subject(toks, own, lo) and toks[own[0]].is_cap:
                return own
        return fallback
    share = poll_share(toks, lo, j)
    if share >= 0 and (
        share == lo
        or toks[share - 1].text in {",", ";", ":", "—"}
        or toks[share - 1].low in {"and", "but", "while", "whereas", "after", "as", "that"}
    ):
        return (share, j)  # "47 percent said", "after half said so": poll respondents
    generic = _generic_np(toks, j, lo)
    if generic is not None:
        return generic
    last = toks[j - 1]
    if (
        j - 3 >= lo
        and toks[j - 2].low == "of"
        and _is_role(toks[j - 3])
        and last.is_word
        and last.low not in _NOT_NAME
        and last.low not in {"our", "my", "your", "us", "them", "him", "me"}
    ):
        # "the secretary of state said": a role with its complement
        role = subject_before(toks, j - 2, lo, appositive=False)
        if role is not None:
            return (role[0], j)
    i = j
    steps = 0
    # "Channel 9", "Fox 5": a number closing a name
    numbered = j - 2 > lo and toks[j - 1].low.isdigit() and toks[j - 2].is_cap
    if numbered:
        i -= 1
    while i > lo and steps < 12:
        t = toks[i - 1]
        if _np_word(t) or (t.low in _CONNECTORS and i - 1 > lo and i < j and toks[i - 2].is_word):
            i -= 1
        elif t.low in _DETERMINERS or t.low.endswith(("’s", "'s")):
            i -= 1
            break
        else:
            break
        steps += 1
    # drop leading connectors and sentence words ("But", "However")
    while i < j and (toks[i].low in _CONNECTORS or toks[i].low in _NOT_NAME_NOR_DET):
        i += 1
    if i >= j:
        return None
    head = toks[j - 2] if numbered else toks[j - 1]
    if not (head.is_cap or head.low in ROLE_WORDS or head.low in GROUP_WORDS) and (
        head.low not in DOCUMENT_WORDS and head.low not in ORG_WORDS
    ):
        return None
    if head.low in _CONNECTORS:
        return None
    return (i, j)


_POLL_HEADS = _words(
    """percent % half third thirds quarter quarters majority plurality minority
    two-thirds three-quarters three-fourths one-third one-quarter one-half two-fifths
    three-fifths"""
)
_POLL_MODS = _words(
    """about nearly almost around roughly some just only barely over under more less fewer
    than a the"""
)
_NUMBER_WORDS = _words(
    """one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy
    eighty ninety hundred"""
)


def _is_number(tok: Token) -> bool:
    """``47``, ``47.5``, ``four``, ``Sixty-six``."""
    if tok.low.replace(".", "", 1).isdigit():
        return True
    return all(w in _NUMBER_WORDS for w in tok.low.split("-"))


def poll_share(toks: Sequence[Token], i: int, j: int) -> int:
    """Where the share of a poll's respondents ending at token ``j`` starts (``47
    percent``, ``About four in 10``, ``Nearly half``, ``a third``), else -1; no
    further back than ``i``."""
    if j - 1 < i:
        return -1
    head = toks[j - 1].low
    k = j - 1
    if head in {"10", "ten"} and k - 2 >= i and toks[k - 1].low in {"in", "of"}:
        if not _is_number(toks[k - 2]):
            return -1
        k -= 2
    elif head in {"percent", "%"}:
        if not (k - 1 >= i and _is_number(toks[k - 1])):
            return -1
        k -= 1
    elif head not in _POLL_HEADS:
        return -1
    while k > i and j - k < 8 and toks[k - 1].low in _POLL_MODS:
        k -= 1
    return k


def _generic_np(toks: Sequence[Token], j: int, lo: int) -> tuple[int, int] | None:
    """``his longtime personal physician``, ``one New Hampshire Democrat``: up to five
    words after a determiner, ending in a noun-like word."""
    head = toks[j - 1]
    if not head.is_word or head.low in _SKIP_BACK or head.low in _CONNECTORS:
        return None
    if head.low in _NOT_NAME or head.low in {"or", "nor", "than"}:
        return None
    if head.low.endswith(("ing", "ed")) and not head.is_cap:
        return None
    i = j - 1
    while i > lo and j - i <= 5:
        t = toks[i - 1]
        if t.low in _GENERIC_DET:
            return (i - 1, j)
        if not t.is_word or t.low in _CONNECTORS or t.low in _SKIP_BACK or t.low in _NOT_NAME:
            break
        i -= 1
    # "legal experts say", "Iowa biofuels advocates say": a plural noun phrase that
    # opens its clause
    plural = (
        head.low.endswith("s") and not head.low.endswith(("ss", "us", "is")) and len(head.low) > 3
    )
    opens_clause = (
        i == lo or toks[i - 1].text in {",", ";", ":", "—"} or (toks[i - 1].low in _CLAUSE_OPENERS)
    )
    if plural and not head.is_cap and j - i <= 4 and opens_clause:
        return (i, j)
    return None


def _lower_title_end(
    toks: Sequence[Token], i: int, stop: int, also_not: frozenset[str] = frozenset()
) -> int:
    """The end of a run of up to five lower-case title words from ``i`` ("retired
    neurosurgeon", "top foreign policy aide"): no pronoun, no "-ly" adverb, no
    word that ends a name phrase (nor one of ``also_not``)."""
    x = i
    while (
        x < stop
        and x - i < 5
        and toks[x].is_word
        and not toks[x].is_cap
        and toks[x].low not in _NOT_NAME_BUT_OF
        and toks[x].low not in also_not
        and toks[x].low not in PRONOUNS
        and not toks[x].low.endswith("ly")
    ):
        x += 1
    return x


#: the lower-case words _np_word takes
_NP_NOUNS = ROLE_WORDS | GROUP_WORDS | DOCUMENT_WORDS | ORG_WORDS


def _any_possessive(toks: Sequence[Token], a: int, b: int) -> bool:
    """Whether a token of ``[a, b)`` ends with a possessive ``’s``."""
    return any(toks[y].low.endswith(("’s", "'s")) for y in range(a, b))


def phrase_after(toks: Sequence[Token], k: int, hi: int | None = None) -> tuple[int, int] | None:
    """The noun phrase starting at token ``k`` (``said Peskov``, ``according to the
    ministry``, ``quoted by TASS``), as a token range, or ``None``."""
    hi = len(toks) if hi is None else hi
    while k < hi and toks[k].is_cap and toks[k].low in _NOT_NAME_NOR_DET:
        k += 1
    if k >= hi:
        return None
    if toks[k].low in PRONOUNS:
        if (
            toks[k].low in _POSSESSIVE_DETS
            and k + 1 < hi
            and toks[k + 1].is_word
            and toks[k + 1].low not in PRONOUNS  # (one level only: "his his his ...")
        ):
            # "added his campaign manager Jeff Weaver": a title and a name after it
            named = phrase_after(toks, k + 1, hi)
            if named is not None and named[0] == k + 1 and toks[named[1] - 1].is_cap:
                return (k, named[1])
        return (k, k + 1)
    i = k
    if toks[i].low in {"another", "one"} and (k + 1 >= hi or not toks[k + 1].is_word):
        return (k, k + 1)  # '“...,” tweeted another.'
    if toks[i].low in _DETERMINERS or toks[i].low in _AFTER_DET:
        i += 1  # "said one New Hampshire Democrat", "said another aide"
    start_words = i
    stop = min(hi, k + 16)  # no name with its titles is longer
    if i == k and toks[i].is_word and not toks[i].is_cap:
        # "said retired neurosurgeon Ben Carson", "said master of ceremonies Asab Lee":
        # lower-case titles before a name
        x = _lower_title_end(toks, i, stop)
        if x > i and x < stop and toks[x].is_cap and toks[x].low not in _NOT_NAME:
            i = x
    possessed = False  # a possessive among the tokens from start_words (once, always)
    while i < stop:
        t = toks[i]
        low = t.low
        if (
            (
                # _np_word(t), inline: this loop is hot
                ((t.is_cap or low in _NP_NOUNS) if t.is_word else t.text in {"-", "–", "&"})
                and not (t.is_cap and low in _NOT_NAME and i > start_words)
            )
            or (
                low in {"of", "to", "for"}
                and i > start_words
                and i + 1 < hi
                and toks[i + 1].is_cap
                and toks[i + 1].low not in _NOT_NAME
            )
            or low.endswith(("’s", "'s"))
            # "former Pennsylvania Gov. and party chairman Ed Rendell": two titles
            or (low == "and" and i > start_words and toks[i - 1].low in HONORIFICS)
        ):
            i += 1
        elif t.is_word and not t.is_cap and (possessed or _any_possessive(toks, start_words, i)):
            possessed = True  # i only grows: a possessive seen stays before it
            # "said Clinton’s top foreign policy aide Jake Sullivan": lower-case
            # words after a possessive go on when a name follows them
            x = _lower_title_end(toks, i, stop, also_not=_SKIP_BACK)
            if x == i or x >= hi or not toks[x].is_cap or toks[x].low in _NOT_NAME:
                break
            i = x
        else:
            break
    if i == start_words and i > k:
        # "says a narrator", "said the group's director": a described source
        while i < stop and toks[i].is_word and not toks[i].is_cap and toks[i].low not in _NOT_NAME:
            if toks[i].low in _SKIP_BACK or toks[i].low.endswith("ly"):
                break
            i += 1
        if i - start_words > 4:
            return None
    if start_words > k and i > start_words:
        # "said a former U.S. law enforcement official": names and nouns go on
        x = i
        while (
            x < stop
            and x - start_words < 7
            and toks[x].is_word
            and toks[x].low not in _NOT_NAME
            and toks[x].low not in {"to", "of", "who", "whose", "and", "or"}
            and toks[x].low not in _SKIP_BACK
            and not toks[x].low.endswith("ly")
        ):
            x += 1
        if x > i and x < hi and (not toks[x].is_word or toks[x].low in {"who", "whose"}):
            i = x  # (up to a relative clause: "a former U.S. law enforcement official who")
    if i == start_words:
        return None
    return (k, i)


# --------------------------------------------------------------------------- classification


@attrs.frozen
class Phrase:
    """A classified source phrase.

    ``kind`` is one of ``pronoun``, ``person``, ``role``, ``org``, ``document``,
    ``group``. For a person, ``name`` is the name and ``role`` the title before
    it; for a role, ``role`` is the description without its article.
    """

    kind: str
    start: int
    end: int
    name: str = ""
    role: str = ""
    mention_kind: MentionKind = MentionKind.NAME
    org_kind: OrgKind = OrgKind.OTHER
    other_kind: OtherKind = OtherKind.OTHER


def _org_kind(words: Sequence[str]) -> OrgKind:
    low = [w.lower() for w in words]
    if any(w in NEWS_AGENCIES for w in low):
        return OrgKind.NEWS_AGENCY
    if any(w in MEDIA_WORDS for w in low):
        return OrgKind.MEDIA
    if len(low) == 1 and low[0] in COUNTRIES and low[0] != "kremlin":
        return OrgKind.COUNTRY
    if any(w in {"nato", "un", "u.n.", "eu", "who", "imf", "osce", "brics"} for w in low):
        return OrgKind.INTERNATIONAL
    if any(w in {"party", "campaign", "democrats", "republicans", "gop"} for w in low):
        return OrgKind.POLITICAL
    if any(w in {"company", "corporation", "inc.", "corp.", "bank"} for w in low):
        return OrgKind.COMPANY
    return (
        OrgKind.GOVERNMENT
        if any(
            w in {"ministry", "department", "kremlin", "government", "administration", "house"}
            for w in low
        )
        else OrgKind.OTHER
    )


#: classify's answers by the words of the phrase (see :func:`classify`); bounded
_CLASSIFIED: dict[tuple[str, int], Phrase | None] = {}
_CLASSIFIED_MAX = 8192
_CLASSIFIED_LONGEST = 120  # characters; a longer phrase is classified afresh
_MISS = Phrase("", 0, 0)


def _named_org(text: str, body: Sequence[Token], start: int, end: int) -> Phrase:
    """An organisation named by the whole phrase (its determiner left out)."""
    return Phrase(
        "org",
        start,
        end,
        name=text[body[0].start : end],
        org_kind=_org_kind([t.text for t in body]),
        mention_kind=MentionKind.NAME,
    )


def _document(text: str, body: Sequence[Token], start: int, end: int) -> Phrase:
    """A document named by the whole phrase ("a joint statement by X", "records")."""
    return Phrase(
        "document",
        start,
        end,
        name=text[body[0].start : end],
        mention_kind=MentionKind.OTHER,
        other_kind=OtherKind.DOCUMENT,
    )


def _unnamed(start: int, end: int, name: str, kind: OtherKind) -> Phrase:
    """A source phrase that names no one: a group, an anonymous source, a description."""
    return Phrase("group", start, end, name=name, mention_kind=MentionKind.OTHER, other_kind=kind)


def classify(text: str, toks: Sequence[Token], i: int, j: int) -> Phrase | None:
    """Read the tokens ``[i, j)`` as a source phrase.

    The answer depends on nothing but the phrase's own characters: its tokens are
    those the tokeniser finds in them (they start and end at token boundaries), and
    every name and role is cut from them. So an answer is kept by those characters
    and handed out again, moved to where the phrase now stands (a text names the
    same few people over and over).
    """
    got = classify_words(text, toks, i, j)
    if got is None or not 0 <= i < j <= len(toks):
        return got
    start = toks[i].start
    if got.start == start:
        return got
    shift = start - got.start  # (a phrase may end short of its last token: "he's")
    return Phrase(
        got.kind,
        start,
        got.end + shift,
        got.name,
        got.role,
        got.mention_kind,
        got.org_kind,
        got.other_kind,
    )


def classify_words(text: str, toks: Sequence[Token], i: int, j: int) -> Phrase | None:
    """:func:`classify`, but the phrase as first read from the same characters: its
    kinds, name and role are this phrase's, its ``start`` and ``end`` may be another
    place's (for a reader that looks at the words only)."""
    if not 0 <= i < j <= len(toks):
        return _classify(text, toks, i, j)
    start, end = toks[i].start, toks[j - 1].end
    if end - start > _CLASSIFIED_LONGEST:
        return _classify(text, toks, i, j)  # not kept: the memory stays small
    key = (text[start:end], j - i)
    got = _CLASSIFIED.get(key, _MISS)
    if got is _MISS:
        got = _classify(text, toks, i, j)
        if len(_CLASSIFIED) >= _CLASSIFIED_MAX:
            _CLASSIFIED.clear()
        _CLASSIFIED[key] = got
    return got


def _classify(text: str, toks: Sequence[Token], i: int, j: int) -> Phrase | None:
    """:func:`classify` without its memory (the reference it is tested against)."""
    words = toks[i:j]
    if not words:
        return None
    start, end = words[0].start, words[-1].end
    if len(words) == 1 and words[0].low in PRONOUNS:
        return Phrase("pronoun", start, end, name=words[0].low, mention_kind=MentionKind.PRONOUN)
    if len(words) == 1 and (base := contracted_pronoun(words[0].low)):
        # "he's said": the mention is the pronoun, without its auxiliary
        return Phrase(
            "pronoun", start, start + len(base), name=base, mention_kind=MentionKind.PRONOUN
        )
    det = words[0].low in _DETERMINERS
    body = words[1:] if det else words
    if not body:
        return None
    if len(body) >= 3 and not body[-1].is_cap and _bare(body[-1].low) in _OWNED_HEADS:
        # "Mrs. Clinton's campaign", "New Hampshire Sen. Kelly Ayotte’s campaign": what
        # belongs to the one named (from the possessor on), not a person
        p = next((x for x in range(1, len(body) - 1) if body[x].low.endswith(("’s", "'s"))), -1)
        if p > 0 and all(not t.is_cap for t in body[p + 1 :]):
            owned = _classify(text, toks, i + (1 if det else 0) + p, j)
            return None if owned is None else attrs.evolve(owned, start=start, end=end)
    if len(body) == 1 and not det and body[0].low in _LONE_SOURCES:
        # '“...,” tweeted another.': an unnamed source
        plural = body[0].low in _PLURAL_QUANTIFIERS
        return _unnamed(
            start, end, body[0].text, OtherKind.GROUP if plural else OtherKind.ANONYMOUS
        )
    if (
        len(body) >= 3
        and body[-1].is_cap
        and all(t.is_cap or t.low in {"of", "for", "and", "on", "the", "to", "&"} for t in body)
        and any(
            body[x].is_cap
            and _bare(body[x].low) in ORG_WORDS
            and body[x + 1].low in {"of", "for", "on", "to"}
            for x in range(len(body) - 1)
        )
        and not any(t.low in HONORIFICS for t in body)
    ):
        # "the National Association of Criminal Defense Lawyers": an organisation whose
        # name goes on past its head word
        return _named_org(text, body, start, end)
    low = [_bare(t.low) for t in body]
    head = low[-1]
    for c in range(min(3, len(body) - 1)):
        if low[c] in DOCUMENT_WORDS and low[c + 1] in {"by", "from", "of", "issued", "released"}:
            # "a joint statement by the European Commission": the document speaks
            return _document(text, body, start, end)
    if head in NEWS_AGENCIES or (
        len(body) <= 3 and all(t.is_cap for t in body) and any(w in MEDIA_WORDS for w in low)
    ):
        return _named_org(text, body, start, end)
    if head in DOCUMENT_WORDS and (det or not body[-1].is_cap):
        return _document(text, body, start, end)
    if poll_share(toks, i, j) == i:
        # "47 percent", "About four in 10": the share of a poll's respondents
        return _unnamed(start, end, text[start:end], OtherKind.GROUP)
    if head in GROUP_WORDS and (not body[-1].is_cap or _bare(body[-1].low) == head):
        # ("Republicans said", "Critics say": capitalised at the start of a sentence)
        kind = OtherKind.ANONYMOUS if head in ANONYMOUS_WORDS else OtherKind.GROUP
        return _unnamed(start, end, text[body[0].start : end], kind)
    # name part: trailing capitalised non-role words
    n = len(body)
    k = n
    while (
        k > 0
        and body[k - 1].is_cap
        and not _is_role(body[k - 1])
        and (body[k - 1].low not in ORG_WORDS or body[k - 1].low == "house")
    ):
        k -= 1
    name_toks = list(body[k:])
    role_toks = list(body[:k])
    # "Joel Pollak of Breitbart California": a name, then an affiliation
    for c, t in enumerate(body):
        if t.low in {"of", "from", "at"} and c > 0 and all(b.is_cap for b in body[:c]):
            # "Sen. Maria Cantwell of Washington": titles, a name, then a place
            r = 0
            while r < c and _is_role(body[r]):
                r += 1
            if r < c and not any(_is_role(b) for b in body[r:c]):
                name_toks, role_toks = list(body[r:c]), list(body[:r])
                break
    else:
        if (
            len(role_toks) >= 2
            and role_toks[-1].low in {"for", "to"}
            and _bare(role_toks[-2].low) in _PRINCIPAL_ROLES
            and 1 <= len(name_toks) <= 2
        ):
            # "a spokesman for Ann Lee", "an aide to Trump": someone unnamed who
            # speaks for the one named
            return _unnamed(start, end, text[body[0].start : end], OtherKind.ANONYMOUS)
        # "Ambassador to Havana Viktor Koronelli": a place after the connector
        if role_toks and role_toks[-1].low in _CONNECTORS and len(name_toks) >= 2:
            role_toks.append(name_toks.pop(0))
        elif role_toks and len(role_toks) >= 2 and role_toks[-2].low in _CONNECTORS:
            pass
    if name_toks and any(
        t.low in ORG_WORDS or t.low in COUNTRIES or t.low in NEWS_AGENCIES or t.low in PLACE_WORDS
        for t in name_toks
    ):
        if not role_toks or all(not _is_role(t) for t in role_toks):
            return Phrase(
                "org",
                start,
                end,
                name=text[body[0].start : end],
                org_kind=_org_kind([t.text for t in body]),
            )
        first_low = _bare(name_toks[0].low)
        if not (
            len(name_toks) >= 2
            and first_low not in ORG_WORDS
            and first_low not in COUNTRIES
            and first_low not in NEWS_AGENCIES
            and first_low not in PLACE_WORDS
        ):
            name_toks = []
        # (else "Rep. Steve Israel": a title, then a name whose surname is a country's)
    if (
        name_toks
        and len(name_toks) == 1
        and name_toks[0].text.isupper()
        and len(name_toks[0].text) > 1
        and not role_toks
    ):
        # an acronym: an organisation
        return Phrase("org", start, end, name=name_toks[0].text, org_kind=_org_kind(low))
    if len(name_toks) == 1 and name_toks[0].low in US_STATES:
        # a state is a place, not a person: "Ohio said" (its government), "People in
        # Ohio said" (a group)
        if not role_toks:
            return Phrase("org", start, end, name=text[body[0].start : end])
        return _unnamed(start, end, text[body[0].start : end], OtherKind.GROUP)
    if len(name_toks) == 1 and not role_toks:
        low0 = name_toks[0].low
        if low0 in _FUNCTION_WORDS:
            return None  # "You", "Even", "Why": a capitalised word, not a name
        if low0 in _QUANTIFIERS:
            # "Several said", "Another wrote", "Someone called it ...": unnamed sources
            plural = low0 in _PLURAL_QUANTIFIERS
            kind = OtherKind.GROUP if plural else OtherKind.ANONYMOUS
            return _unnamed(start, end, text[body[0].start : end], kind)
    if name_toks and all(t.low in _WEEKDAYS or t.low == "super" for t in name_toks):
        # "Thursday", "Super Tuesday": a day, not a person; "a survey released
        # Wednesday" is the survey
        cut = j - len(name_toks)
        while cut > i and toks[cut - 1].low in _DAY_LEADS | {"released", "published", "issued"}:
            cut -= 1
        return _classify(text, toks, i, cut) if cut > i else None
    if name_toks:
        name = text[name_toks[0].start : name_toks[-1].end].removesuffix("’s").removesuffix("'s")
        role = " ".join(t.text for t in role_toks if t.low not in HONORIFICS).strip()
        mk = MentionKind.TITLE_NAME if role_toks else MentionKind.NAME
        return Phrase("person", start, end, name=name, role=role, mention_kind=mk)
    if (head in ROLE_HEADS or any(_is_role(t) for t in body)) and not (
        # "The Democratic National Committee": an organisation named by its head word
        head in ORG_WORDS and body[-1].is_cap
    ):
        if not any(_bare(t.low) in ROLE_HEADS for t in body):
            return None
        return Phrase(
            "role",
            start,
            end,
            role=text[body[0].start : end].removesuffix("’s").removesuffix("'s"),
            mention_kind=MentionKind.ROLE,
        )
    if head in ORG_WORDS or any(w in COUNTRIES for w in low):
        return Phrase(
            "org",
            start,
            end,
            name=text[body[0].start : end],
            org_kind=_org_kind([t.text for t in body]),
            mention_kind=MentionKind.OTHER if det else MentionKind.NAME,
        )
    if words[-1].is_word and len(words) >= 2:
        # "his longtime physician", "a narrator": a source described, not named
        return _unnamed(start, end, text[words[1].start : end], OtherKind.OTHER)
    return None


# --------------------------------------------------------------------------- registry


def _group(word: str) -> str:
    return _ROLE_GROUPS.get(word, word)


def _role_key(role: str) -> tuple[str, frozenset[str]]:
    words = [w.strip(".,").lower() for w in role.replace("-", " ").split()]
    words = [w for w in words if w and w not in _DETERMINERS]
    heads = [w for w in words if w in ROLE_HEADS]
    if "press" in words and "secretary" in words:
        head = "spokesperson"
    elif "head" in words and "state" in words:
        head = "leader"
    elif "foreign" in words and "minister" in words:
        head = "diplomat"
    elif heads:
        head = _group(heads[-1])
    else:
        head = ""
    mods = frozenset(w for w in role.split() if w[:1].isupper() and w.lower() not in ROLE_WORDS)
    return head, frozenset(m.lower().strip(".,") for m in mods)


def _close(a: str, b: str) -> bool:
    """Surnames equal or one typo apart (``Koronelli`` / ``Koronolli``)."""
    if a == b:
        return True
    if len(a) < 6 or len(a) != len(b) or a[:3] != b[:3]:
        return False
    return sum(x != y for x, y in zip(a, b, strict=True)) == 1


@attrs.define
class EntityRec:
    """A speaker being assembled: kind ``person``, ``org`` or ``other``."""

    id: str
    kind: str
    name: str
    aliases: list[str] = attrs.Factory(list)
    roles: list[str] = attrs.Factory(list)
    org_kind: OrgKind = OrgKind.OTHER
    other_kind: OtherKind = OtherKind.OTHER
    last: int = -1
    named: bool = True  # false for a person known only by a role description

    @property
    def surname(self) -> str:
        """The last word of the name, lower-cased."""
        return self.name.split()[-1].lower() if self.name else ""


_SCAN = 40  # candidates looked at per lookup: constant work however long the text


def _bucket(surname: str) -> tuple[int, str]:
    return len(surname), surname[:3]


@attrs.define
class Registry:
    """One :class:`EntityRec` per real speaker, with indexes so that every lookup
    costs the same however many entities the text names."""

    entities: list[EntityRec] = attrs.Factory(list)
    known: set[str] = attrs.Factory(set)  # lower-cased surnames and aliases of people
    _counts: dict[str, int] = attrs.Factory(dict)
    _by_surname: dict[tuple[int, str], list[EntityRec]] = attrs.Factory(dict)
    _by_role: dict[str, list[tuple[EntityRec, frozenset[str]]]] = attrs.Factory(dict)
    _by_name: dict[tuple[str, str], EntityRec] = attrs.Factory(dict)
    _last_org: EntityRec | None = None
    _documents: dict[str, EntityRec] = attrs.Factory(dict)  # head noun -> latest document

    def _new(self, kind: str, name: str, **kw: object) -> EntityRec:
        prefix = {"person": "p", "org": "o", "other": "x"}[kind]
        n = self._counts.get(prefix, 0) + 1
        self._counts[prefix] = n
        rec = EntityRec(id=f"{prefix}{n}", kind=kind, name=name, **kw)  # type: ignore[arg-type]
        self.entities.append(rec)
        return rec

    def _index_person(self, rec: EntityRec) -> None:
        sur = rec.surname
        if sur:
            bucket = self._by_surname.setdefault(_bucket(sur), [])
            if rec not in bucket:
                bucket.append(rec)
            self.known.add(sur)

    def _add_role(self, rec: EntityRec, role: str) -> None:
        if not role or len(rec.roles) >= _SCAN or role in rec.roles:
            return
        rec.roles.append(role)
        head, mods = _role_key(role)
        if head:
            self._by_role.setdefault(head, []).append((rec, mods))

    def person(self, name: str, role: str, pos: int) -> EntityRec:
        """The person called ``name`` (found by surname, or new)."""
        words = name.split()
        sur = words[-1].lower()
        found = None
        for rec in reversed(self._by_surname.get(_bucket(sur), ())[-_SCAN:]):
            if _close(rec.surname, sur):
                found = rec
                break
        # a person found keeps its name, its place in the index and its surname in
        # ``known`` unless renamed: only a new or renamed one is indexed again
        named = True
        if found is None:
            found = self._new("person", name)
        elif len(words) > len(found.name.split()) and _close(found.surname, sur):
            if found.name not in found.aliases:
                found.aliases.append(found.name)
            found.name = name
        else:
            named = False
            if name != found.name and len(found.aliases) < _SCAN and name not in found.aliases:
                found.aliases.append(name)
        if role:
            self._add_role(found, role)
        found.last = pos
        if named:
            self._index_person(found)
        if found.aliases:
            self.known.update(a.lower() for a in found.aliases[-2:])
        return found

    def by_role(self, role: str, pos: int) -> EntityRec | None:
        """The person most recently met who holds a role like ``role``."""
        head, mods = _role_key(role)
        if not head:
            return None
        best: EntityRec | None = None
        for rec, m in self._by_role.get(head, [])[-_SCAN:]:
            if mods and m and not (mods & m):
                continue
            if best is None or rec.last > best.last:
                best = rec
        if best is not None:
            best.last = max(best.last, pos)
        return best

    def role_person(self, role: str, pos: int) -> EntityRec:
        """A person known only by a role description (``the ambassador``)."""
        rec = self.by_role(role, pos)
        if rec is not None:
            return rec
        words = role.split()
        if words and words[0].lower() in _DETERMINERS:
            words = words[1:]
        title = " ".join(words) or role
        rec = self._new("person", title, named=False)
        self._add_role(rec, title)
        rec.last = pos
        return rec

    def org(self, name: str, kind: OrgKind, pos: int) -> EntityRec:
        """The organisation called ``name`` (found by name, or new)."""
        key = ("org", name.lower().removeprefix("the ").strip())
        rec = self._by_name.get(key)
        if rec is None:
            rec = self._new("org", name, org_kind=kind)
            self._by_name[key] = rec
        rec.last = pos
        self._last_org = rec
        return rec

    def other(self, name: str, kind: OtherKind, pos: int) -> EntityRec:
        """A group, document or anonymous source called ``name``."""
        key = ("other", name.lower())
        rec = self._by_name.get(key)
        words = name.lower().split()
        if rec is None and kind is OtherKind.DOCUMENT and len(words) == 1:
            # "the statement" after "a joint statement by ...": the same document
            rec = self._documents.get(words[0])
        if rec is None:
            rec = self._new("other", name, other_kind=kind)
            self._by_name[key] = rec
        if kind is OtherKind.DOCUMENT:
            for w in words:
                if w in DOCUMENT_WORDS:
                    self._documents[w] = rec
                    break
        rec.last = pos
        return rec

    def merge_roles(self) -> dict[str, EntityRec]:
        """Fold each person known only by a role ("the Russian leader", met before
        the name) into the one named person who holds that role, if there is one.
        Returns ``{merged id: the named person}``."""
        merged: dict[str, EntityRec] = {}
        for rec in self.entities:
            if rec.kind != "person" or rec.named or not rec.roles:
                continue
            head, mods = _role_key(rec.roles[0])
            targets = {
                id(r): r
                for r, m in self._by_role.get(head, ())
                if r.named and not (mods and m and not (mods & m))
            }
            if len(targets) == 1:
                target = next(iter(targets.values()))
                merged[rec.id] = target
                for role in rec.roles:
                    if role not in target.roles:
                        target.roles.append(role)
        return merged

    def last_org(self, before: int) -> EntityRec | None:
        """The organisation met most recently, if before ``before``."""
        rec = self._last_org
        return rec if rec is not None and rec.last < before else None
