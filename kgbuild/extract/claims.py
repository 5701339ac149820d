"""Claims: reported speech with its cue and speaker."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from kgbuild.extract.names import clean_name
from kgbuild.extract.spans import char_mention, token_mention
from kgbuild.extract.table import ActorTable
from kgbuild.model import ActorKind, Claim, Document, Event, NonResponse

__all__ = ["find_claims", "FoundClaims"]


@dataclass
class FoundClaims:
    claims: list[Claim] = field(default_factory=list)
    non_responses: list[NonResponse] = field(default_factory=list)
    header_sources: list[str] = field(default_factory=list)


def find_claims(sdoc: Doc, document: Document, table: ActorTable, events: list[Event]) -> FoundClaims:
    found = FoundClaims()
    for tok in sdoc:
        if tok.lemma_ not in {"say", "add", "note", "stress"}:
            continue
        comps = [c for c in tok.children if c.dep_ == "ccomp"]
        subjects = [c for c in tok.children if c.dep_ == "nsubj"]
        if not comps or not subjects:
            continue
        comp, subj = comps[0], subjects[0]
        sub = list(comp.subtree)
        content = char_mention(sdoc.text, sub[0].idx, sub[-1].idx + len(sub[-1].text))
        subj_span = sdoc[subj.left_edge.i: subj.right_edge.i + 1]
        speaker = table.at(subj_span.start_char, subj_span.end_char)
        if speaker is None:
            speaker = table.add_local(clean_name(subj_span.text).lower() or "speaker", clean_name(subj_span.text)
                                      or subj_span.text, ActorKind.GROUP, anonymous=True,
                                      description=subj_span.text)
        found.claims.append(Claim(key=f"{content.start}-{content.end}", content=content, cue=token_mention(tok),
                                  cue_lemma=tok.lemma_, speaker=speaker,
                                  speaker_mention=char_mention(sdoc.text, subj_span.start_char, subj_span.end_char)))
    return found
