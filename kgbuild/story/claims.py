"""The same claim across articles, and claims that contradict or support each other.

Claims are compared by their content (``kgbuild.story.text``: content words, figures and what they count,
negation) and their attribution (who said it, with which cue). Two claims have the **same content** when
their content words overlap (Dice) from ``SAME_CONTENT`` on, when they share a specific figure ("310,000")
and two words, or when the shorter is nearly contained in the other. Then:

* a **denial** (``kg:attributionKind`` "denial": deny, reject, dispute …) asserts the negative of its
  content: it contradicts a claim that asserts that content ("denial"; from ``DENIAL_OVERLAP`` on, as a
  denial is usually worded shorter) and agrees with one that negates it;
* the same content asserted and negated contradict ("negation");
* the same counted thing with another figure ("82 settlements" / "28 settlements") contradict
  ("different-number"; "retraction" when one claim's cue corrects or withdraws);
* otherwise the same content is a **repetition** when the two come from the same original source (the
  same speaker, speakers whose names share most words, or an unnamed one) in different articles —
  repetitions form one story claim — and a **corroboration** (supports) when two different sources state it.

A claim that only relays another ("the Courier reported that Jansen said ...") is compared through the claim
it contains, whose attribution chain names the relay. Candidates come from an index of content words,
leaving out words that more than ``COMMON_SHARE`` of the claims use (they say nothing about sameness), so
the work follows the number of claims, not its square.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from kgbuild.report.data import Article
from kgbuild.story.text import Content, containment, content_of, dice
from kgbuild.story.types import ClaimRef, ClaimRelation, StoryClaim

__all__ = ["link_claims"]

SAME_CONTENT = 0.6  # Dice of content words: the same content whoever says it
SAME_SOURCE_CONTENT = 0.5  # ... when the same source says it
DENIAL_OVERLAP = 0.4  # ... for a denial, whose content is usually worded shorter than what it denies
CONTAINED = 0.8  # a shorter claim whose words are this share of another's ...
CONTAINED_WORDS = 3  # ... and at least this many
SAME_SPEAKER = 0.5  # Dice of the words of two speakers' names that makes them one source
COMMON_SHARE = 0.2
MIN_COMMON = 20  # below this many claims, no word is too common to index
DENIAL_KINDS = frozenset({"denial"})
RETRACTION_CUES = frozenset({"correct", "retract", "withdraw", "revise", "amend", "clarify"})


@dataclass(frozen=True)
class _Claim:
    ref: ClaimRef
    content: Content
    anonymous: bool  # the speaker is an anonymous source, or none
    speaks_for: frozenset[str] = frozenset()  # the speaker and the organisations it is affiliated with

    @property
    def denial(self) -> bool:
        return self.ref.kind in DENIAL_KINDS

    @property
    def negative(self) -> bool:
        """Whether the claim asserts the negative of its content words (negated, or a denial, not both)."""
        return self.content.negated != self.denial


def _claims(articles: Sequence[Article]) -> list[_Claim]:
    found = []
    for article in articles:
        relays = {claim.part_of for claim in article.claims if claim.part_of}
        for claim in article.claims:
            if claim.iri in relays:
                continue  # "X reported that Y said Z": compared as Z, whose chain has X as a reporter
            speaker = article.actors.get(claim.speaker)
            ref = ClaimRef(article.iri, claim.iri, claim.text, claim.speaker, speaker.label if speaker else "",
                           claim.kind, claim.cue_lemma or claim.cue.lower(), claim.negated)
            content = content_of(claim.text)
            content = replace(content, negated=content.negated or claim.negated)
            orgs = {iri for iri in speaker.affiliations if iri in article.actors and
                    article.actors[iri].kind == "Organization"} if speaker else set()
            found.append(_Claim(ref, content, speaker is None or speaker.anonymous or speaker.kind == "Group",
                                frozenset({claim.speaker, *orgs} - {""})))
    return sorted(found, key=lambda c: (c.ref.article, c.ref.claim))


def _candidates(claims: Sequence[_Claim]) -> set[tuple[int, int]]:
    index: dict[str, list[int]] = defaultdict(list)
    for i, claim in enumerate(claims):
        for word in claim.content.words:
            index[word].append(i)
    limit = max(MIN_COMMON, int(COMMON_SHARE * len(claims)))
    pairs = set()
    for members in index.values():
        if len(members) > limit:
            continue
        for n, i in enumerate(members):
            for j in members[n + 1:]:
                pairs.add((i, j))
    return pairs


def _same_source(a: _Claim, b: _Claim) -> bool:
    """The same speaker node, or one speaking for the other's organisation (its spokeswoman), speakers whose
    names share most words ("President's Office", "Office of the President of Ukraine") or where one is
    the other's acronym ("NHTSA"), or a speaker who is not named."""
    if a.anonymous or b.anonymous or a.speaks_for & b.speaks_for:
        return True
    name_a, name_b = a.ref.speaker_label, b.ref.speaker_label
    if _is_acronym(name_a, name_b) or _is_acronym(name_b, name_a):
        return True
    return dice(content_of(name_a).words, content_of(name_b).words) >= SAME_SPEAKER


def _is_acronym(short: str, name: str) -> bool:
    """``short`` is the acronym of ``name``, or of its last words ("NHTSA", "U.S. National Highway Traffic
    Safety Administration")."""
    letters = short.replace(".", "")
    if len(letters) < 2 or not letters.isupper() or " " in short.strip():
        return False
    initials = "".join(w[0] for w in name.replace(".", "").split() if w[:1].isupper())
    return len(initials) >= len(letters) and initials.endswith(letters)


def _conflicting_figures(a: Content, b: Content) -> list[str]:
    """Words both claims count with different figures ("82 settlements" / "28 settlements")."""
    mine: dict[str, set[float]] = {}
    for word, value in a.quantities:
        mine.setdefault(word, set()).add(value)
    found = set()
    for word, value in b.quantities:
        if word in mine and value not in mine[word]:
            found.add(f"{word} {', '.join(f'{n:g}' for n in sorted(mine[word]))} / {value:g}")
    return sorted(found)


def _relate(a: _Claim, b: _Claim) -> tuple[str, _Claim, _Claim, list[str]] | None:
    """("repetition" | a relation type, from, to, evidence) for two claims, or None.

    The same content: content words overlapping (Dice) from ``SAME_CONTENT`` on, or a specific figure in
    common with at least two words ("310,000 vehicles" recalled), or a shorter claim nearly contained in
    the other. A denial asserts the negative of its content: denying "ships were diverted" agrees with
    "ships were not diverted" and contradicts "ships were diverted".
    """
    words_a, words_b = a.content.words, b.content.words
    overlap, shared = dice(words_a, words_b), len(words_a & words_b)
    figures = a.content.specific_numbers & b.content.specific_numbers
    similar = (overlap >= SAME_CONTENT or (shared >= 2 and bool(figures))
               or (shared >= CONTAINED_WORDS and containment(words_a, words_b) >= CONTAINED))
    evidence = [f"content overlap {overlap:.2f}"] + [f"figure {n:g}" for n in sorted(figures)]
    if a.negative != b.negative:
        denier = next((c for c in (a, b) if c.denial), None)
        if denier is not None and (similar or overlap >= DENIAL_OVERLAP):
            other = b if denier is a else a
            return "denial", denier, other, [*evidence, f"cue {denier.ref.cue}"]
        if not similar:
            return None
        negative, positive = (a, b) if a.negative else (b, a)
        return "negation", negative, positive, [*evidence, "one negated"]
    conflicts = _conflicting_figures(a.content, b.content)
    if conflicts and (shared >= 2 or similar):
        retracting = next((c for c in (a, b) if c.ref.cue in RETRACTION_CUES), None)
        figures_note = [f"figures {c}" for c in conflicts]
        if retracting is not None:
            other = b if retracting is a else a
            return "retraction", retracting, other, [*evidence, *figures_note, f"cue {retracting.ref.cue}"]
        return "different-number", a, b, [*evidence, *figures_note]
    if a.ref.article == b.ref.article:
        return None
    if _same_source(a, b) and (similar or overlap >= SAME_SOURCE_CONTENT):
        return "repetition", a, b, [*evidence, f"source {a.ref.speaker_label or b.ref.speaker_label or 'unnamed'}"]
    if similar and not _same_source(a, b):
        return "corroboration", a, b, [*evidence, f"sources {a.ref.speaker_label} / {b.ref.speaker_label}"]
    return None


def link_claims(articles: Sequence[Article], base: str) -> tuple[list[StoryClaim], list[ClaimRelation]]:
    """The story claims (repetitions across articles) and the claim relations of ``articles``."""
    claims = _claims(articles)
    parent = list(range(len(claims)))
    evidence_of: dict[int, set[str]] = defaultdict(set)
    relations = []

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in sorted(_candidates(claims)):
        found = _relate(claims[i], claims[j])
        if found is None:
            continue
        kind, source, target, evidence = found
        if kind == "repetition":
            ri, rj = root(i), root(j)
            if ri != rj:
                parent[rj] = ri
                evidence_of[ri] |= evidence_of.pop(rj, set())
            evidence_of[ri].update(evidence)
            continue
        relations.append(ClaimRelation(_iri(base, "relation", [kind, source.ref.claim, target.ref.claim]), kind,
                                       source.ref, target.ref, tuple(evidence)))
    groups: dict[int, list[_Claim]] = defaultdict(list)
    for i, claim in enumerate(claims):
        groups[root(i)].append(claim)
    story_claims = []
    for r, members in groups.items():
        if len({m.ref.article for m in members}) < 2:
            continue
        named = sorted({m.ref.speaker for m in members if not m.anonymous})
        story_claims.append(StoryClaim(_iri(base, "claim", [m.ref.claim for m in members]),
                                       tuple(sorted(m.ref for m in members)), named[0] if len(named) == 1 else "",
                                       tuple(sorted(evidence_of[r]))))
    return sorted(story_claims, key=lambda c: c.iri), sorted(relations, key=lambda r: r.iri)


def _iri(base: str, kind: str, keys: list[str]) -> str:
    head, rest = (keys[0], sorted(keys[1:])) if kind == "relation" else ("", sorted(keys))
    digest = hashlib.sha1("\n".join([head, *rest]).encode()).hexdigest()[:16]
    return f"{base}story/{kind}/{digest}"
