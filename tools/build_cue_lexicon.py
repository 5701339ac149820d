"""Generate ``kgbuild/data/cue_lexicon.json``: attribution cues, each with its kind and complements.

    git clone https://github.com/propbank/propbank-frames
    python tools/build_cue_lexicon.py --propbank propbank-frames

``--propbank`` is a checkout of propbank/propbank-frames (a folder with ``frames/*.xml``) or a bare
clone / git directory of it (its ``HEAD`` is read with ``git archive``). The output is derived from
**PropBank frame files** (CC BY-SA 4.0; so is the generated file, see
``kgbuild/data/cue_lexicon.LICENSE.md``): rolesets, their aliases (verbs, nouns, adjectives,
light-verb constructions), their numbered arguments and annotated examples, and the links PropBank
gives from each roleset to **VerbNet** classes and **FrameNet** frames (only the class and frame
names are used, as PropBank states them).

What an attribution is follows the PARC scheme (Pareti 2016, "PARC 3.0: A corpus of attribution
relations", LREC; Pareti 2015, PhD thesis, Edinburgh): a *source*, a *cue* and a *content*. The
cue classes are grouped into nine kinds (``KINDS``): assertions, beliefs and opinions,
evidentials, directives and proposals, accusations, denials, commitments, evaluations that carry a
proposition, and announcements.

How a lemma gets its kind, in order:

1. ``PROTOTYPES``: the cue lemmas that define each kind in the scheme ("say", "believe", "show",
   "urge", "accuse", "deny", "promise", "criticize", "announce", ...). They fix the kind of their
   own lemma and nothing else.
2. Otherwise the roleset's links vote: every VerbNet class (``VERBNET_KINDS``) and FrameNet frame
   (``FRAME_KINDS``) it is linked to gives one vote to its kind; the kind with most votes wins, ties
   going to the earlier kind of ``KINDS``. A roleset whose gloss lists a prototype as one of its
   comma-separated senses ("call.03: demand") votes for that prototype's kind, once.
3. A lemma with several attributive rolesets sums their votes.

A roleset is attributive when it has at least one vote. Complements come from the roleset's
annotated examples in which the predicate is used as a verb: a numbered argument (not a recipient,
``GOL``) that opens with "that" gives ``that``; with "to" ``to`` (an infinitive: "urged X to act");
with "of"/"for" from ARG2 up ``of``/``for`` ("accused X of lying", "criticised X for ..."); with a
quotation mark ``quote``; with a wh-word or "whether"/"if" ``wh``. Nouns and adjectives listed as
aliases of an attributive roleset are nominal cues ("the allegation that", "his claim that") with
the roleset's kind; the verbs of its light-verb aliases ("make_claim") are the light verbs whose
subject is the source of a nominal cue. British spellings (-ise, -isation) are added for -ize words.

Output keys: ``verbs`` / ``nouns`` / ``adjectives``: lemma -> {kind, complements (verbs), rolesets,
classes}; ``light_verbs``: verb -> number of attributive light-verb aliases it appears in; ``perception``: the
verb is linked to a perception class (``PERCEPTION``) and to no class of saying, and frames a claim
only with a that-clause.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tarfile
import tempfile
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "kgbuild" / "data" / "cue_lexicon.json"

KINDS = ("assertion", "belief", "evidence", "directive", "accusation", "denial", "commitment", "evaluation",
         "announcement")

# The cue lemmas by which the scheme defines its classes (PARC's attribution cues as grouped in
# kgbuild's issue 14). They decide the kind of their own lemma only.
PROTOTYPES: dict[str, tuple[str, ...]] = {
    "assertion": ("say", "state", "add", "note", "write", "tweet", "tell", "explain", "claim", "insist", "assert",
                  "mention", "comment", "remark", "reply", "respond", "answer", "maintain", "contend", "complain",
                  "admit", "acknowledge", "concede", "recall", "describe"),
    "belief": ("think", "believe", "argue", "doubt", "fear", "expect", "hope", "feel", "know", "suspect", "assume",
               "worry", "predict", "realize", "understand", "guess", "imagine", "mean", "conclude", "consider"),
    "evidence": ("show", "find", "suggest", "indicate", "prove", "demonstrate", "imply", "estimate",
                 "discover"),
    "directive": ("urge", "demand", "ask", "propose", "recommend", "request", "order", "advise", "appeal",
                  "press", "encourage", "instruct", "implore", "beg", "plead"),
    "accusation": ("accuse", "allege", "blame", "charge", "indict"),
    "denial": ("deny", "dispute", "reject", "refute", "rebut", "contest", "dismiss", "disavow", "contradict"),
    "commitment": ("promise", "pledge", "vow", "warn", "threaten", "swear", "guarantee", "commit", "caution",
                   "assure"),
    "evaluation": ("praise", "criticize", "condemn", "denounce", "applaud", "welcome", "hail", "slam", "fault",
                   "commend", "decry", "attack", "thank"),
    "announcement": ("announce", "confirm", "reveal", "disclose", "report", "declare", "publish", "release",
                     "unveil", "inform", "notify"),
}

# VerbNet classes (as PropBank links them) -> kind. Communication (37.x), cognition and judgement
# (29.x, 33), desire (32.x, 62), indication (78), discovery (84) and perception with a clause (30.1).
VERBNET_KINDS: dict[str, str] = {
    "say-37.7": "assertion", "transfer_mesg-37.1.1": "assertion", "tell-37.2": "assertion",
    "manner_speaking-37.3": "assertion", "lecture-37.11": "assertion", "complain-37.8": "assertion",
    "inquire-37.1.2": "directive", "interrogate-37.1.3": "directive",
    "confess-37.10": "announcement", "reflexive_appearance-48.1.2": "announcement",
    "conjecture-29.5": "belief", "consider-29.9": "belief", "comprehend-87.2": "belief", "wish-62": "belief",
    "long-32.2": "belief",
    "indicate-78": "evidence", "declare-29.4": "evidence", "discover-84": "evidence", "see-30.1": "evidence",
    "advise-37.9": "directive", "urge-58.1": "directive", "order-58.3": "directive", "beg-58.2": "directive",
    "promise-37.13": "commitment",
    "judgment-33.1": "evaluation",
}

# FrameNet frames (as PropBank links them) -> kind.
FRAME_KINDS: dict[str, str] = {
    "Statement": "assertion", "Telling": "assertion", "Communication": "assertion",
    "Communication_response": "assertion", "Communication_manner": "assertion", "Complaining": "assertion",
    "Text_creation": "assertion",
    "Opinion": "belief", "Certainty": "belief", "Awareness": "belief", "Expectation": "belief",
    "Predicting": "belief", "Coming_to_believe": "belief", "Regard": "belief", "Desiring": "belief",
    "Cogitation": "belief",
    "Evidence": "evidence", "Reasoning": "evidence", "Becoming_aware": "evidence", "Estimating": "evidence",
    "Request": "directive", "Attempt_suasion": "directive", "Questioning": "directive", "Suasion": "directive",
    "Notification_of_charges": "accusation",
    "Affirm_or_deny": "denial", "Respond_to_proposal": "denial",
    "Commitment": "commitment", "Warning": "commitment",
    "Judgment_communication": "evaluation", "Judgment_direct_address": "evaluation", "Judgment": "evaluation",
    "Reveal_secret": "announcement", "Publishing": "announcement",
}

# Perception (VerbNet see-30.1, sight-30.2; FrameNet Perception_experience): "saw that ..." reports what
# the source perceived, "saw the car hit the wall" does not; such verbs frame a claim only with "that".
PERCEPTION = {"vn:see-30.1", "vn:sight-30.2", "fn:Perception_experience", "fn:Perception_active"}

# FrameNet frames that hold both polarities: only rolesets glossed as negative are denials; the
# others get no vote from these frames.
_BOTH_POLARITIES = {"Affirm_or_deny", "Respond_to_proposal"}
_NEGATIVE_GLOSS = re.compile(r"\b(deny|denial|refute|reject|dispute|contradict|rebut|disavow|negate|turn down)\b")
_NOMINAL_STARTS = {"the", "a", "an", "her", "him", "them", "his", "their", "its", "our", "my", "your", "us", "me",
                   "this", "that", "these", "those", "whom", "which", "what", "all", "some", "any", "one"}
_WH = ("whether", "if", "why", "how", "what", "who", "when", "where", "which")
_QUOTES = ("``", '"', "\u201c", "'")


@dataclass
class Roleset:
    id: str
    gloss: str
    aliases: list[tuple[str, str]]  # (pos, text)
    classes: list[str]  # "vn:say-37.7", "fn:Statement"
    roles: dict[str, str]  # n -> function tag
    examples: list[tuple[str, list[tuple[str, str]]]] = field(default_factory=list)  # (rel, [(ARGn, text)])


def _vn_class(name: str) -> str:
    """"say-37.7-1" -> "say-37.7" (the class, not its subclass), "transfer_mesg-37.1.1" kept."""
    base = name
    while base not in VERBNET_KINDS and base.count("-") > 1:
        base = base.rsplit("-", 1)[0]
    return base


def read_rolesets(frames: Path) -> list[Roleset]:
    found = []
    for path in sorted(frames.glob("*.xml")):
        try:
            root = ET.parse(path).getroot()
        except ET.ParseError as exc:
            print(f"skipped {path.name}: {exc}", file=sys.stderr)
            continue
        for rs in root.iter("roleset"):
            classes = []
            for link in rs.iter("lexlink"):
                cls, resource = link.get("class") or "", link.get("resource")
                tag = f"vn:{_vn_class(cls)}" if resource == "VerbNet" else f"fn:{cls}" if resource == "FrameNet" else ""
                if tag and tag not in classes:
                    classes.append(tag)
            aliases = [(a.get("pos") or "", (a.text or "").strip()) for a in rs.iter("alias") if a.text]
            roles = {r.get("n") or "": (r.get("f") or "").upper() for r in rs.iter("role")}
            examples = []
            for ex in rs.iter("example"):
                rel = next((r.text or "" for r in ex.iter("rel")), "")
                args = [(a.get("type") or "", (a.text or "").strip()) for a in ex.iter("arg")]
                examples.append((rel.strip(), [(t, x) for t, x in args if re.fullmatch(r"ARG\d", t)]))
            found.append(Roleset(rs.get("id") or "", (rs.get("name") or "").lower(), aliases, classes, roles,
                                 examples))
    return found


def prototype_kind(lemma: str) -> str | None:
    return next((kind for kind, lemmas in PROTOTYPES.items() if lemma in lemmas), None)


def _link_kind(tag: str) -> str | None:
    source, name = tag.split(":", 1)
    return VERBNET_KINDS.get(name) if source == "vn" else FRAME_KINDS.get(name)


def votes(rs: Roleset) -> Counter[str]:
    """The kinds this roleset's VerbNet classes, FrameNet frames and gloss vote for."""
    tally: Counter[str] = Counter()
    for tag in rs.classes:
        source, name = tag.split(":", 1)
        kind = VERBNET_KINDS.get(name) if source == "vn" else FRAME_KINDS.get(name)
        if kind == "denial" and name in _BOTH_POLARITIES and not _NEGATIVE_GLOSS.search(rs.gloss):
            kind = None  # "concede", "accept": the positive half of the frame is no attribution of its own
        if kind:
            tally[kind] += 1
    senses = {s.strip() for s in re.split(r"[,;/]", rs.gloss)}
    for sense in senses:
        kind = prototype_kind(sense)
        if kind:
            tally[kind] += 1
            break
    return tally


def _verb_use(rel: str, verbs: set[str]) -> bool:
    """Whether the example's predicate word is a form of one of the verb aliases."""
    word = rel.lower().split(" ")[0]
    return any(word.startswith(v[: max(3, len(v) - 2)]) for v in verbs)


def complements(rs: Roleset) -> set[str]:
    verbs = {text.split("_")[0] for pos, text in rs.aliases if pos == "v"}
    nouns = {text for pos, text in rs.aliases if pos == "n"}
    found: set[str] = set()
    for rel, args in rs.examples:
        if not _verb_use(rel, verbs) or (rel.lower() in nouns and not rel.lower().endswith("ing")):
            continue
        for label, text in args:
            n = label[3:]
            low = text.lower()
            if n == "0" or rs.roles.get(n) == "GOL" or not low:
                continue
            first, second = [*low.split(" "), ""][:2]
            if first == "that":
                found.add("that")
            elif first == "to" and second not in _NOMINAL_STARTS and text.split(" ")[1:2] != [second.title()]:
                found.add("to")  # an infinitive, not "to her" / "to the board"
            elif first in ("of", "for") and n >= "2":
                found.add("of" if first == "of" else "for")
            elif first in _QUOTES:
                found.add("quote")
            elif first in _WH:
                found.add("wh")
    return found


def british(word: str) -> list[str]:
    """"criticize" -> "criticise", "organization" -> "organisation"."""
    out = [word]
    if re.search(r"iz(e|es|ed|ing|ation|ations)$", word) and len(word) > 5:
        out.append(re.sub(r"iz(e|es|ed|ing|ation|ations)$", lambda m: "is" + m.group(1), word))
    return out


def _kind(lemma: str, tally: Counter[str]) -> str:
    return prototype_kind(lemma) or max(KINDS, key=lambda k: (tally[k], -KINDS.index(k)))


def build(rolesets: list[Roleset]) -> dict:
    tallies: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    comps: dict[str, set[str]] = defaultdict(set)
    sets: dict[tuple[str, str], list[str]] = defaultdict(list)
    classes: dict[tuple[str, str], list[str]] = defaultdict(list)
    light: Counter[str] = Counter()
    for rs in rolesets:
        tally = votes(rs)
        lemma_of_set = rs.id.rsplit(".", 1)[0]
        proto = prototype_kind(lemma_of_set) if "_" not in lemma_of_set else None
        if not tally and not proto:
            continue
        if proto and not tally:
            tally = Counter({proto: 1})
        comp = complements(rs)
        for pos, text in rs.aliases:
            if pos not in ("v", "n", "j", "l") or not re.fullmatch(r"[a-z_-]+", text):
                continue
            if pos == "l":
                light[text.split("_")[0]] += 1
                continue
            if "_" in text and pos != "v":
                continue
            key_pos = {"v": "verbs", "n": "nouns", "j": "adjectives"}[pos]
            lemma = text.replace("_", " ")
            tallies[(key_pos, lemma)] += tally
            sets[(key_pos, lemma)].append(rs.id)
            for tag in rs.classes:
                if tag not in classes[(key_pos, lemma)]:
                    classes[(key_pos, lemma)].append(tag)
            if pos == "v":
                comps[lemma] |= comp
    out: dict = {"verbs": {}, "nouns": {}, "adjectives": {}}
    for (key_pos, lemma), tally in sorted(tallies.items()):
        entry = {"kind": _kind(lemma, tally), "rolesets": sorted(set(sets[(key_pos, lemma)])),
                 "classes": sorted(classes[(key_pos, lemma)])}
        if key_pos == "verbs":
            entry["complements"] = sorted(comps[lemma])
            linked = set(classes[(key_pos, lemma)])
            if PERCEPTION & linked and not any(_link_kind(tag) in ("assertion", "announcement") for tag in linked):
                entry["perception"] = True  # "see", "hear"; not "note" or "tell", which also say
        for spelling in british(lemma):
            out[key_pos].setdefault(spelling, entry)
    out["light_verbs"] = dict(sorted(light.items()))
    return out


def _frames_folder(propbank: Path, tmp: Path) -> Path:
    if (propbank / "frames").is_dir():
        return propbank / "frames"
    data = subprocess.run(["git", "--git-dir", str(propbank), "archive", "HEAD", "frames"], check=True,
                          capture_output=True).stdout
    with tarfile.open(fileobj=BytesIO(data)) as tar:
        tar.extractall(tmp, filter="data")
    return tmp / "frames"


def _commit(propbank: Path) -> str:
    git = ["git", "-C", str(propbank)] if (propbank / "frames").is_dir() else ["git", "--git-dir", str(propbank)]
    done = subprocess.run([*git, "rev-parse", "HEAD"], capture_output=True, text=True)
    return done.stdout.strip() if done.returncode == 0 else "unknown"


def _dump(document: dict) -> str:
    """JSON with one line per lemma, so that a regeneration diffs by lemma."""
    parts = []
    for key, value in document.items():
        if isinstance(value, dict) and value and all(isinstance(v, dict) for v in value.values()):
            inner = ",\n".join(f"  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in value.items())
            parts.append(f"{json.dumps(key)}: {{\n{inner}\n }}")
        else:
            parts.append(f"{json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}")
    return "{\n " + ",\n ".join(parts) + "\n}\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--propbank", type=Path, required=True, help="propbank/propbank-frames: checkout or git dir")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        lexicon = build(read_rolesets(_frames_folder(args.propbank, Path(tmp))))
    document = {
        "_doc": "Attribution cues (PARC: source, cue, content) with their kind, generated by "
                "tools/build_cue_lexicon.py from PropBank frame files and the VerbNet classes and FrameNet "
                "frames PropBank links them to. Do not edit by hand: change the script and regenerate.",
        "_source": f"PropBank frames, github.com/propbank/propbank-frames @ {_commit(args.propbank)}",
        "_license": "CC BY-SA 4.0 (derived from PropBank frames); see cue_lexicon.LICENSE.md",
        "kinds": list(KINDS),
        **lexicon,
    }
    args.out.write_text(_dump(document), encoding="utf-8")
    print(f"{args.out}: {len(lexicon['verbs'])} verbs, {len(lexicon['nouns'])} nouns, "
          f"{len(lexicon['adjectives'])} adjectives, {len(lexicon['light_verbs'])} light verbs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
