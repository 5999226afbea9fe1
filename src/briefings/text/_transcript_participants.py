"""Who takes part in a transcript: people named in the title and header, and the
entities behind the speaker labels.

"Press Briefing by Press Secretary Jen Psaki" names Jen Psaki, Press Secretary, so
``MS. PSAKI`` is her; ``President of Russia Vladimir Putin`` and ``Vladimir Putin``
are one person; ``Reuters`` as a questioner's label is an outlet.
"""

from __future__ import annotations

import attrs

from briefings.model import Organization, OrgKind, OtherEntity, OtherKind, Person, Role
from briefings.text._transcript_labels import ADDRESS_ONLY, HONORIFICS, LabelHit, Side

__all__: list[str] = []


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


_ROLE_WORDS = _wordset(
    """press secretary deputy principal assistant senior special national security advisor
    adviser director coordinator communications strategic spokesperson spokesman
    spokeswoman minister ministry foreign prime president vice ambassador envoy chief
    staff counselor counsellor administrator department of for the and state nsc
    affairs economic council chair chairman chairwoman representative trade treasury
    defense energy education commerce homeland labor agriculture health interior
    justice transportation attorney general surgeon under acting office house white
    united states u.s. us un government governor senator mayor admiral commander
    officer official commission committee affairs european asian international global
    public policy domestic legislative intergovernmental management budget cabinet
    majority minority leader speaker regional bureau head"""
)
_STOPS = _wordset(
    """aboard en route in at on via following after during with to regarding from
    remarks statement statements interview briefing gaggle call conference"""
)


def _title_case(word: str) -> str:
    if word.isupper() and len(word) > 1 and not word.endswith("."):
        return "-".join(p[:1] + p[1:].lower() for p in word.split("-"))
    return word


def near(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by at most one inserted, deleted or changed letter."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :]
    return a[i:] == b[i + 1 :]


def split_role_name(chunk: str) -> tuple[str, str | None] | None:
    """``("Jen Psaki", "Press Secretary")`` from ``Press Secretary Jen Psaki``."""
    words = [w.strip(",;") for w in chunk.replace("\xa0", " ").split()]
    words = [w for w in words if w]
    if not words:
        return None
    k = len(words)
    # the name: trailing capitalised words that are not role words, at most three
    start = k
    while start > 0 and k - start < 3:
        w = words[start - 1]
        if not w[:1].isupper() or w.lower() in _ROLE_WORDS:
            break
        start -= 1
    if start == k:
        return None
    if k - start == 3 and not (len(words[start + 1]) <= 2 or words[start + 1].endswith(".")):
        start += 1  # three words only with a middle initial ("Antony J. Blinken")
    shout = all(w.isupper() for w in words if any(c.isalpha() for c in w))
    fix = _title_case if shout else str  # keep "NSC" in a title written in mixed case
    name = " ".join(fix(w) for w in words[start:])
    role = " ".join(fix(w) for w in words[:start])
    if role.lower().startswith("the "):
        role = role[4:]
    if len(name.split()) < 2 and not role:
        return None
    return name, (role or None)


def _cut(chunk: str) -> str:
    kept: list[str] = []
    for w in chunk.replace("\xa0", " ").split():
        bare = w.strip(",;:")
        if bare.lower() in _STOPS or any(c.isdigit() for c in bare):
            break
        if bare[:1].islower() and bare.lower() not in {"of", "for", "the", "and"}:
            break
        kept.append(w)
        if w.endswith((",", ";", ":")):
            break
    return " ".join(kept).rstrip(",;:")


def people_in_title(title: str) -> list[tuple[str, str | None]]:
    """The people a title names as briefers, with their roles."""
    t = " ".join(title.replace("\xa0", " ").split())
    low = t.lower()
    chunks: list[str] = []
    by = low.find(" by ")
    if by >= 0:
        rest = t[by + 4 :]
        for part in rest.replace(" AND ", " and ").split(" and "):
            chunks.append(_cut(part))
    else:
        poss = max(t.find("'s "), t.find("’s "))
        if poss > 0:
            chunks.append(_cut(t[:poss]))
        else:
            for marker in (" Remarks", " Statement", " Interview", " Press Conference"):
                cut = t.find(marker)
                if cut > 0:
                    chunks.append(_cut(t[:cut]))
                    break
    out: list[tuple[str, str | None]] = []
    for chunk in chunks:
        if not chunk or "official" in chunk.lower():
            continue
        got = split_role_name(chunk)
        if got is not None:
            out.append(got)
    return out


def name_role_line(line: str) -> tuple[str, str | None] | None:
    """``("Jalina Porter", "Principal Deputy Spokesperson")`` from the header line."""
    name, _, role = line.partition(",")
    name = " ".join(name.split())
    role = " ".join(role.split())
    return (name, role or None) if name else None


@attrs.define
class Cast:
    """The entities of one transcript, built up label by label (dict look-ups only,
    so thousands of distinct labels stay linear)."""

    people: list[Person] = attrs.field(factory=list)
    organizations: list[Organization] = attrs.field(factory=list)
    others: list[OtherEntity] = attrs.field(factory=list)
    briefer_ids: list[str] = attrs.field(factory=list)
    _by_key: dict[str, str | None] = attrs.field(factory=dict)
    _names: dict[str, int] = attrs.field(factory=dict)  # NAME -> index in people
    _surnames: dict[str, int] = attrs.field(factory=dict)  # last word(s) -> index
    _firsts: dict[str, int] = attrs.field(factory=dict)  # first name -> index
    _org_ids: dict[str, str] = attrs.field(factory=dict)
    _other_ids: dict[str, str] = attrs.field(factory=dict)
    _briefers: set[str] = attrs.field(factory=set)

    def _brief(self, eid: str) -> None:
        if eid not in self._briefers:
            self._briefers.add(eid)
            self.briefer_ids.append(eid)

    def _index(self, i: int) -> None:
        words = self.people[i].name.upper().split()
        self._names.setdefault(" ".join(words), i)
        for k in range(1, len(words)):
            self._surnames.setdefault(" ".join(words[k:]), i)
        if len(words) >= 2:
            self._firsts.setdefault(words[0], i)

    def add_person(self, name: str, role: str | None, *, briefer: bool = False) -> str:
        """The id of the person named ``name`` (added, or merged with a known one)."""
        up = " ".join(name.upper().split())
        i = self._names.get(up)
        if i is None and len(up.split()) == 1:
            i = self._surnames.get(up)
            if i is None:
                i = self._firsts.get(up)  # "as Karine said" is Karine Jean-Pierre
        if i is not None:
            p = self.people[i]
            if role and all(r.title != role for r in p.roles):
                self.people[i] = attrs.evolve(p, roles=(*p.roles, Role(title=role)))
            if briefer:
                self._brief(p.id)
            return p.id
        pid = f"p{len(self.people) + 1}"
        roles = (Role(title=role),) if role else ()
        self.people.append(Person(id=pid, name=name, roles=roles))
        self._index(len(self.people) - 1)
        if briefer:
            self._brief(pid)
        return pid

    def add_alias(self, pid: str, alias: str) -> None:
        """Record ``alias`` (a label as printed) for person ``pid``."""
        i = int(pid[1:]) - 1
        p = self.people[i]
        if alias != p.name and alias not in p.aliases:
            self.people[i] = attrs.evolve(p, aliases=(*p.aliases, alias))

    def outlet(self, name: str) -> str:
        """The id of the news outlet ``name``."""
        if name not in self._org_ids:
            oid = f"o{len(self.organizations) + 1}"
            self.organizations.append(Organization(id=oid, name=name, kind=OrgKind.MEDIA))
            self._org_ids[name] = oid
        return self._org_ids[name]

    def organization(self, name: str, kind: OrgKind) -> str:
        """The id of the organisation ``name`` (merged with a known one of that name)."""
        if name not in self._org_ids:
            oid = f"o{len(self.organizations) + 1}"
            self.organizations.append(Organization(id=oid, name=name, kind=kind))
            self._org_ids[name] = oid
        return self._org_ids[name]

    def source(self, name: str, kind: OtherKind) -> str:
        """The id of a source that is neither person nor organisation (not a briefer)."""
        if name not in self._other_ids:
            xid = f"x{len(self.others) + 1}"
            self.others.append(OtherEntity(id=xid, name=name, kind=kind))
            self._other_ids[name] = xid
        return self._other_ids[name]

    def other(self, name: str) -> str:
        """The id of the anonymous source ``name`` (``Senior Administration Official``)."""
        if name not in self._other_ids:
            xid = f"x{len(self.others) + 1}"
            self.others.append(OtherEntity(id=xid, name=name, kind=OtherKind.ANONYMOUS))
            self._other_ids[name] = xid
        xid = self._other_ids[name]
        self._brief(xid)
        return xid

    def _match_surname(self, words: list[str]) -> str | None:
        target = " ".join(words).upper()
        i = self._names.get(target)
        if i is None:
            i = self._surnames.get(target)
        if i is None and len(target) >= 5:
            # a misspelt label (MR. KRUGER for Alan Krueger, Angela Markel)
            for k, p in enumerate(self.people[:50]):
                up = p.name.upper()
                tail = " ".join(up.split()[-len(words) :])
                if near(tail, target) or near(up, target):
                    i = k
                    break
        return None if i is None else self.people[i].id

    def resolve(self, hit: LabelHit, side: Side, keys: set[str]) -> str | None:
        """The entity id behind an official's label (None for press and moderators)."""
        if side is not Side.OFFICIAL:
            return None
        if hit.key in self._by_key:
            return self._by_key[hit.key]
        got = self._resolve(hit, keys)
        self._by_key[hit.key] = got
        if got is not None and got.startswith("p"):
            self.add_alias(got, hit.text)
        if got is not None:
            self._brief(got)
        return got

    def complete_names(self, text: str) -> None:
        """Give a person known by surname only (``MR. SULLIVAN``) the first name the
        text writes before it (``Jake Sullivan``), when it does."""
        single = [i for i, p in enumerate(self.people) if " " not in p.name][:20]
        for i in single:
            p = self.people[i]
            if not p.name[:1].isupper():
                continue
            at, tries = text.find(p.name), 0
            while at >= 0 and tries < 50:
                tries += 1
                after = text[at + len(p.name) : at + len(p.name) + 1]
                k = at - 1
                if k >= 0 and text[k] in " \xa0" and not after.isalpha():
                    j = k
                    while j > 0 and (text[j - 1].isalpha() or text[j - 1] in "-'’"):
                        j -= 1
                    first = text[j:k]
                    if (
                        len(first) >= 2
                        and first[0].isupper()
                        and not first.isupper()
                        and first.lower() not in _ROLE_WORDS
                        and first.upper().rstrip(".") not in HONORIFICS
                        and first.lower() not in {"the", "and", "but", "with", "from", "for"}
                    ):
                        full = f"{first} {p.name}"
                        self.people[i] = attrs.evolve(p, name=full, aliases=(*p.aliases, p.name))
                        break
                at = text.find(p.name, at + 1)

    def _resolve(self, hit: LabelHit, known: set[str]) -> str | None:
        key = hit.key
        words = key.split()
        base = hit.text if hit.note is None else hit.text[: hit.text.find("(")].strip()
        printed = base.replace("\xa0", " ").split()
        if key in {"A", "ANSWER"}:
            return self.briefer_ids[0] if self.briefer_ids else None
        if "OFFICIAL" in words or words[-1] == "OFFICIALS":
            return self.other(" ".join(_title_case(w) for w in printed))
        if words[0] == "THE":
            role = " ".join(_title_case(w) for w in printed[1:])
            for p in self.people:
                if any(r.title.lower().endswith(role.lower()) for r in p.roles):
                    return p.id
            return self.add_person("The " + role, role, briefer=True)
        if not hit.mixed:
            # MS. PSAKI, SECRETARY BLINKEN, FOREIGN MINISTER KULEBA, LEAVITT
            k = 0
            while k < len(words) - 1 and words[k] in HONORIFICS:
                k += 1
            rest = words[k:]
            role_words = [w for w in printed[:k] if w.rstrip(".").upper() not in ADDRESS_ONLY]
            caps_role = " ".join(_title_case(w) for w in role_words) or None
            found = self._match_surname(rest)
            if found is not None:
                if caps_role:
                    self.add_person(self._name(found), caps_role)
                self.add_alias(found, hit.text)
                return found
            return self.add_person(" ".join(_title_case(w) for w in printed[k:]), caps_role)
        # mixed case: "Zhao Lijian", "President of Russia Vladimir Putin", "Dr. Walensky"
        for n in range(len(words) - 1, 1, -1):
            if " ".join(words[-n:]) in known:
                name = " ".join(printed[-n:])
                prefix = " ".join(printed[:-n]) or None
                found = self._match_surname(name.upper().split())
                return self.add_person(self._name(found) if found else name, prefix)
        k = 0
        while k < len(words) - 1 and words[k] in ADDRESS_ONLY:
            k += 1
        found = self._match_surname(words[k:])
        if found is not None:
            return found
        got = split_role_name(" ".join(printed[k:]))
        if got is None:
            return self.add_person(" ".join(printed[k:]), None)
        return self.add_person(got[0], got[1])

    def _name(self, pid: str) -> str:
        return self.people[int(pid[1:]) - 1].name
