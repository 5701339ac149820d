"""Generate ``kgbuild/data/predicates.tsv``: eventive predicates, typed, with their argument structure.

    git clone https://github.com/propbank/propbank-frames
    git clone https://github.com/globalwordnet/english-wordnet
    python tools/build_predicate_lexicon.py --propbank propbank-frames --wordnet english-wordnet

Sources (both read from their public repositories; see ``kgbuild/data/LICENSES.md``):

* **PropBank frame files** (propbank/propbank-frames, CC BY-SA 4.0): every roleset, its aliases
  (verbs, event nominals, light-verb constructions, phrasal verbs), its numbered arguments with
  their function tags (PAG proto-agent, PPT proto-patient, GOL goal/recipient, DIR source, LOC ...)
  and its links to FrameNet frames and VerbNet classes. A lemma takes the first roleset that lists
  it (PropBank numbers a lemma's most common sense first; see ``_preference``).
* **Open English WordNet** (globalwordnet/english-wordnet, CC BY 4.0, from Princeton WordNet):
  lexicographer files and hypernyms. An event nominal is kept when one of its two most frequent
  senses is an act, event, phenomenon, process or communication ("sale", "flight", "ban"; for a
  noun PropBank lists without a verb, its most frequent sense must be an act or event, or one of
  its two most frequent senses fall under a typed anchor: "disaster"); a noun
  that PropBank does not list is added when its most frequent sense is an event ("earthquake") or an
  act, gathering or phenomenon under one of the typed anchors below ("storm", "meeting", "election").

Typing: each predicate's class comes from its roleset's FrameNet frame (``FRAME_CLASSES``), else
its VerbNet class (``VERBNET_CLASSES``), else, for nouns, the WordNet hypernym anchors of its
eventive senses (``WORDNET_ANCHORS``); a predicate none of them types stays ``Event``. The
classes are those of ``ontology/kgbuild.ttl``; their alignment with ESO and SEM is declared there.

Output: one line per (part of speech, lemma): ``pos lemma roleset class frame verbnet args``;
``pos`` is ``v`` (verb; phrasal verbs as "push back"), ``n`` (event noun), ``l`` (light verb +
event noun, "make offer"), ``a`` (aspectual verb, from FrameNet's aspectual frames: "begin",
"continue"); ``args`` lists the roleset's arguments as ``0:PAG 1:PPT 2:GOL``.
"""

from __future__ import annotations

import argparse
import re
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "kgbuild" / "data" / "predicates.tsv"

# FrameNet frame -> kgbuild class. The frames are those PropBank links its rolesets to; the
# grouping follows ESO (the frames ESO 0.6 lists for each of its classes) where ESO has a class.
FRAME_CLASSES: dict[str, str] = {
    # conflict and security
    "Attack": "Attack", "Cause_harm": "Attack", "Use_firearm": "Attack", "Hostile_encounter": "ConflictEvent",
    "Invading": "Invasion", "Conquering": "Occupation", "Colonization": "Occupation", "Surrendering": "ConflictEvent",
    "Bearing_arms": "ConflictEvent", "Military_operation": "ConflictEvent", "Quarreling": "ConflictEvent",
    "Revenge": "Attack", "Defend": "ConflictEvent", "Besieging": "Attack",
    "Killing": "Killing", "Execution": "Killing", "Death": "DeathEvent",
    # diplomacy, meetings, agreements
    "Come_together": "MeetingEvent", "Meet_with": "MeetingEvent", "Assemble": "MeetingEvent",
    "Social_event": "MeetingEvent", "Visiting": "MeetingEvent", "Discussion": "Negotiation",
    "Make_agreement_on_action": "AgreementEvent", "Sign_agreement": "AgreementEvent",
    "Change_event_time": "ScheduleChange", "Change_event_duration": "ScheduleChange",
    # speech acts
    "Statement": "StatementEvent", "Reporting": "StatementEvent", "Telling": "StatementEvent",
    "Reveal_secret": "StatementEvent", "Request": "StatementEvent", "Questioning": "StatementEvent",
    "Communication_response": "StatementEvent", "Complaining": "StatementEvent", "Commitment": "StatementEvent",
    "Judgment_communication": "StatementEvent", "Predicting": "StatementEvent", "Attempt_suasion": "StatementEvent",
    "Expressing_publicly": "StatementEvent", "Bragging": "StatementEvent", "Speak_on_topic": "StatementEvent",
    "Communication": "StatementEvent", "Summarizing": "StatementEvent", "Emphasizing": "StatementEvent",
    "Respond_to_proposal": "StatementEvent", "Deny_or_grant_permission": "PolicyEvent",
    # movement and transport
    "Self_motion": "MovementEvent", "Motion": "MovementEvent", "Travel": "MovementEvent",
    "Cause_motion": "MovementEvent", "Cotheme": "MovementEvent", "Traversing": "MovementEvent",
    "Intentional_traversing": "MovementEvent", "Operate_vehicle": "MovementEvent", "Ride_vehicle": "MovementEvent",
    "Use_vehicle": "MovementEvent", "Mass_motion": "MovementEvent", "Motion_directional": "MovementEvent",
    "Arriving": "Arrival", "Vehicle_landing": "Arrival", "Departing": "Departure", "Quitting_a_place": "Departure",
    "Setting_out": "Departure", "Vehicle_departure_initial_state": "Departure", "Escaping": "Departure",
    "Fleeing": "Departure", "Temporary_leave": "Departure", "Bringing": "Transport", "Delivery": "Transport",
    "Sending": "Transport", "Dispersal": "Transport",
    # possession and commerce (ESO ChangeOfPossession and its subclasses)
    "Giving": "TransferOfPossession", "Getting": "TransferOfPossession", "Receiving": "TransferOfPossession",
    "Supply": "TransferOfPossession", "Transfer": "TransferOfPossession", "Taking": "TransferOfPossession",
    "Surrendering_possession": "TransferOfPossession", "Exchange": "TransferOfPossession",
    "Commercial_transaction": "Transaction", "Commerce_collect": "Transaction", "Renting": "Transaction",
    "Renting_out": "Transaction", "Lending": "Transaction", "Borrowing": "Transaction",
    "Commerce_buy": "Purchase", "Importing": "Purchase", "Commerce_sell": "Sale", "Exporting": "Sale",
    "Commerce_pay": "Payment", "Funding": "Payment", "Expend_resource": "Payment",
    "Amalgamation": "Merger", "Cause_to_amalgamate": "Merger",
    "Earnings_and_losses": "EconomicEvent", "Change_of_quantity_of_possession": "QuantityChange",
    "Change_position_on_a_scale": "QuantityChange", "Cause_change_of_position_on_a_scale": "QuantityChange",
    "Cause_expansion": "QuantityChange", "Expansion": "QuantityChange", "Proliferating_in_number": "QuantityChange",
    "Cause_proliferation_in_number": "QuantityChange", "Improvement_or_decline": "QuantityChange",
    "Manufacturing": "Production", "Building": "Production", "Creating": "Production",
    "Intentionally_create": "Production", "Processing_materials": "Production",
    # work and organisations
    "Hiring": "Appointment", "Get_a_job": "Appointment", "Appointing": "Appointment",
    "Becoming_a_member": "Appointment", "Firing": "LeavingOffice", "Quitting": "LeavingOffice",
    "Being_employed": "Employment", "Employing": "Employment", "Working": "Employment",
    "Change_of_leadership": "ChangeOfLeadership",
    # politics and law
    "Prohibiting_or_licensing": "PolicyEvent", "Imposing_obligation": "PolicyEvent",
    "Reforming_a_system": "PolicyEvent", "Enforcing": "PolicyEvent", "Protest": "Protest",
    "Arrest": "Arrest", "Imprisonment": "LegalEvent", "Trial": "Trial", "Try_defendant": "Trial",
    "Verdict": "Verdict", "Legal_rulings": "Verdict", "Sentencing": "Verdict", "Rewards_and_punishments": "Verdict",
    "Corporal_punishment": "Verdict", "Notification_of_charges": "LegalEvent", "Criminal_investigation": "LegalEvent",
    "Committing_crime": "CrimeEvent", "Theft": "CrimeEvent", "Robbery": "CrimeEvent", "Kidnapping": "CrimeEvent",
    "Piracy": "CrimeEvent", "Abusing": "CrimeEvent", "Forging": "CrimeEvent", "Intentional_deception": "CrimeEvent",
    # disasters, accidents, damage
    "Catastrophe": "DisasterEvent", "Weather": "DisasterEvent", "Precipitation": "DisasterEvent",
    "Fire_burning": "Fire", "Setting_fire": "Fire", "Explosion": "Fire", "Impact": "Accident",
    "Damaging": "Damage", "Destroying": "Damage", "Render_nonfunctional": "Damage", "Cause_to_fragment": "Damage",
    "Breaking_apart": "Damage",
    # health
    "Medical_conditions": "HealthEvent", "Cure": "HealthEvent", "Medical_intervention": "HealthEvent",
    "Experience_bodily_harm": "Injury", "Giving_birth": "Birth", "Recovery": "HealthEvent",
    # science, technology, culture, sport
    "Research": "ResearchEvent", "Scrutiny": "ResearchEvent", "Operational_testing": "ResearchEvent",
    "Inspecting": "ResearchEvent", "Achieving_first": "ResearchEvent",
    "Publishing": "CulturalEvent", "Performing_arts": "CulturalEvent", "Rite": "CulturalEvent",
    "Text_creation": "CulturalEvent", "Create_representation": "CulturalEvent", "Recording": "CulturalEvent",
    "Competition": "ContestEvent", "Finish_competition": "ContestEvent", "Beat_opponent": "ContestEvent",
    "Win_prize": "ContestEvent", "Surpassing": "ContestEvent",
}

# VerbNet class (number part) -> kgbuild class, for rolesets without a FrameNet link.
VERBNET_CLASSES: dict[str, str] = {
    "battle-36.4": "ConflictEvent", "attack-60.1": "Attack", "murder-42.1": "Killing", "poison-42.2": "Killing",
    "subjugate-42.3": "Occupation", "hit-18.1": "Attack", "spank-18.3": "Attack", "destroy-44": "Damage",
    "meet-36.3": "MeetingEvent", "correspond-36.1": "Negotiation", "say-37.7": "StatementEvent",
    "tell-37.2": "StatementEvent", "complain-37.8": "StatementEvent", "advise-37.9": "StatementEvent",
    "promise-37.13": "StatementEvent", "confess-37.10": "StatementEvent", "lecture-37.11": "StatementEvent",
    "overstate-37.12": "StatementEvent", "transfer_mesg-37.1": "StatementEvent", "inquire-37.1": "StatementEvent",
    "judgment-33.1": "StatementEvent", "run-51.3": "MovementEvent", "escape-51.1": "MovementEvent",
    "leave-51.2": "Departure", "reach-51.8": "Arrival", "vehicle-51.4": "MovementEvent",
    "nonvehicle-51.4": "MovementEvent", "waltz-51.5": "MovementEvent", "chase-51.6": "MovementEvent",
    "accompany-51.7": "MovementEvent", "send-11.1": "Transport", "carry-11.4": "Transport", "drive-11.5": "Transport",
    "bring-11.3": "Transport", "give-13.1": "TransferOfPossession", "contribute-13.2": "TransferOfPossession",
    "future_having-13.3": "TransferOfPossession", "get-13.5": "TransferOfPossession",
    "obtain-13.5": "TransferOfPossession", "exchange-13.6": "TransferOfPossession", "pay-68": "Payment",
    "price-54.4": "EconomicEvent", "bill-54.5": "Payment", "earn-54.6": "EconomicEvent", "cost-54.2": "EconomicEvent",
    "hire-13.5": "Appointment", "appoint-29.1": "Appointment", "resign-10.11": "LeavingOffice",
    "fire-10.10": "LeavingOffice", "employment-95.3": "Employment", "work-73.2": "Employment",
    "steal-10.5": "CrimeEvent", "rob-10.6": "CrimeEvent", "cheat-10.6": "CrimeEvent", "prosecute-33.2": "Trial",
    "confine-92": "LegalEvent", "banish-10.2": "LegalEvent", "forbid-64.4": "PolicyEvent",
    "calibratable_cos-45.6": "QuantityChange", "caused_calibratable_cos-45.6": "QuantityChange",
    "multiply-108": "QuantityChange", "build-26.1": "Production", "create-26.4": "Production",
    "performance-26.7": "CulturalEvent", "establish-55.5": "Production", "weather-57": "DisasterEvent",
    "die-42.4": "DeathEvent", "disappearance-48.2": "DeathEvent", "birth-28.2": "Birth",
    "investigate-35.4": "ResearchEvent", "search-35.2": "ResearchEvent", "marry-36.2": "CulturalEvent",
    "amalgamate-22.2": "Merger", "win-13.5": "ContestEvent",
}

# WordNet synsets (by a sense key of one member) under which a noun's eventive sense is typed, most
# specific first. Members are given for reading; the sense key is what is looked up.
WORDNET_ANCHORS: tuple[tuple[str, str], ...] = (
    ("election%1:04:01::", "ElectionEvent"),            # a vote to select the winner of a position
    ("vote%1:04:00::", "ElectionEvent"),                # the opinion expressed by voting
    ("invasion%1:04:00::", "Invasion"),
    ("attack%1:04:00::", "Attack"),                     # military attack, onslaught
    ("attack%1:04:02::", "Attack"),                     # the act of attacking
    ("bombing%1:04:00::", "Attack"),
    ("military_action%1:04:00::", "ConflictEvent"),     # combat, fighting, war
    ("war%1:04:00::", "ConflictEvent"),
    ("conflict%1:04:00::", "ConflictEvent"),            # struggle, battle
    ("crime%1:04:00::", "CrimeEvent"),
    ("trial%1:04:02::", "Trial"),
    ("legal_action%1:04:00::", "LegalEvent"),           # lawsuit, suit, action
    ("arrest%1:04:00::", "Arrest"),
    ("disaster%1:11:00::", "DisasterEvent"),            # calamity, catastrophe
    ("storm%1:19:00::", "DisasterEvent"),
    ("geological_phenomenon%1:19:00::", "DisasterEvent"),  # earthquake, eruption
    ("fire%1:11:00::", "Fire"),
    ("explosion%1:11:00::", "Fire"),
    ("accident%1:11:00::", "Accident"),
    ("crash%1:11:00::", "Accident"),
    ("death%1:11:00::", "DeathEvent"),
    ("killing%1:04:00::", "Killing"),
    ("illness%1:26:00::", "HealthEvent"),
    ("injury%1:11:00::", "Injury"),
    ("meeting%1:14:00::", "MeetingEvent"),               # a formally arranged gathering (summit, conference)
    ("meeting%1:04:00::", "MeetingEvent"),               # the social act of assembling
    ("conference%1:14:00::", "MeetingEvent"),
    ("negotiation%1:10:00::", "Negotiation"),
    ("agreement%1:10:00::", "AgreementEvent"),          # understanding, treaty, deal
    ("transaction%1:04:00::", "Transaction"),
    ("merger%1:04:00::", "Merger"),
    ("takeover%1:04:01::", "Merger"),
    ("acquisition%1:04:00::", "TransferOfPossession"),
    ("production%1:04:00::", "Production"),
    ("launching%1:04:00::", "ProductLaunch"),
    ("introduction%1:04:01::", "ProductLaunch"),
    ("employment%1:04:00::", "Employment"),
    ("appointment%1:04:00::", "Appointment"),
    ("resignation%1:10:00::", "LeavingOffice"),
    ("dismissal%1:04:00::", "LeavingOffice"),
    ("bankruptcy%1:26:00::", "Bankruptcy"),
    ("recession%1:26:00::", "EconomicEvent"),
    ("economic_crisis%1:26:00::", "EconomicEvent"),
    ("increase%1:11:00::", "QuantityChange"),
    ("decrease%1:11:00::", "QuantityChange"),
    ("change_of_magnitude%1:04:00::", "QuantityChange"),
    ("contest%1:04:00::", "ContestEvent"),              # competition, match, race, game
    ("protest%1:04:00::", "Protest"),
    ("research%1:04:00::", "ResearchEvent"),
    ("experiment%1:04:00::", "ResearchEvent"),
    ("discovery%1:04:00::", "ResearchEvent"),
    ("performance%1:04:01::", "CulturalEvent"),
    ("ceremony%1:11:00::", "CulturalEvent"),
    ("festival%1:04:00::", "CulturalEvent"),
    ("publication%1:04:01::", "CulturalEvent"),
    ("statement%1:10:00::", "StatementEvent"),
    ("announcement%1:10:00::", "StatementEvent"),
    ("travel%1:04:00::", "MovementEvent"),              # journey, trip, flight
    ("flight%1:04:00::", "MovementEvent"),
    ("ban%1:10:00::", "PolicyEvent"),                   # prohibition
    ("legislation%1:04:00::", "PolicyEvent"),
    ("sanction%1:04:02::", "PolicyEvent"),
)

# Aspectual frames: their verbs are not events themselves when they take an event ("began to fall",
# "continued the talks"); the event is their complement.
ASPECTUAL_FRAMES = {"Activity_start", "Activity_finish", "Activity_ongoing", "Activity_stop", "Activity_pause",
                    "Activity_resume", "Process_start", "Process_continue", "Process_end", "Process_stop",
                    "Process_resume", "Cause_to_continue"}

EVENTIVE_LEXFILES = {"04", "11", "19", "22"}  # noun.act, noun.event, noun.phenomenon, noun.process
NOMINAL_LEXFILES = EVENTIVE_LEXFILES | {"10", "26"}  # event nominals may also name a communication or state
WORDNET_ONLY_LEXFILES = {"11"}  # a noun PropBank lacks whose first sense is an event ("earthquake", "accident")
TIME_LEXFILE = "28"  # noun.time
ANCHORED_LEXFILES = {"04", "11", "14", "19"}  # ... or an act, gathering or phenomenon under a typed anchor ("storm")
PROPBANK_POS = {"v": "v", "n": "n", "l": "l"}
# Copulas, auxiliaries and raising verbs: never an event of their own ("is", "has", "did", "seems").
SKIP_VERBS = {"be", "have", "do", "seem", "become", "get", "let", "tend"}


@dataclass
class Roleset:
    id: str
    aliases: list[tuple[str, str]]  # (pos, lemma with spaces)
    args: dict[str, str]  # n -> function tag
    frames: list[str]
    verbnet: list[str]


@dataclass
class Sense:
    key: str
    synset: str

    @property
    def lexfile(self) -> str:
        return self.key.split("%")[1].split(":")[1]


@dataclass
class WordNet:
    senses: dict[tuple[str, str], list[Sense]] = field(default_factory=dict)  # (lemma, pos) -> senses in order
    hypernyms: dict[str, list[str]] = field(default_factory=dict)
    by_key: dict[str, str] = field(default_factory=dict)  # sense key -> synset

    def ancestors(self, synset: str) -> list[str]:
        """The synset and all its hypernyms, breadth first."""
        seen, queue = [synset], [synset]
        while queue:
            for parent in self.hypernyms.get(queue.pop(0), []):
                if parent not in seen:
                    seen.append(parent)
                    queue.append(parent)
        return seen


def read_propbank(folder: Path) -> list[Roleset]:
    rolesets = []
    for path in sorted((folder / "frames").glob("*.xml")):
        try:
            tree = ET.parse(path)
        except ET.ParseError as exc:
            print(f"{path.name}: skipped ({exc})", file=sys.stderr)
            continue
        for rs in tree.iter("roleset"):
            aliases = [(a.get("pos", ""), (a.text or "").strip().lower().replace("_", " "))
                       for a in rs.iter("alias")]
            args = {r.get("n", ""): (r.get("f") or "").upper() for r in rs.iter("role")}
            links = rs.findall(".//lexlinks/lexlink")

            def best(resource: str, links: list = links) -> list[str]:
                found = [(-float(x.get("confidence") or 0), x.get("class") or "") for x in links
                         if x.get("resource") == resource]
                return list(dict.fromkeys(c for _, c in sorted(found) if c))

            rolesets.append(Roleset(rs.get("id", ""), aliases, args, best("FrameNet"), best("VerbNet")))
    return sorted(rolesets, key=_roleset_order)


def _roleset_order(rs: Roleset) -> tuple[str, int]:
    base, _, number = rs.id.rpartition(".")
    return base, int(number) if number.isdigit() else 99


def _preference(roleset: str, lemma: str) -> tuple[int, bool, str]:
    """Which roleset a lemma listed by several takes: a predicate's first sense (".01") over later
    ones, then the roleset of the lemma's own predicate ("fly.01" for "flight" over "flee.05")."""
    base, _, number = roleset.rpartition(".")
    return int(number) if number.isdigit() else 99, base.replace("_", " ") != lemma, base


def read_wordnet(folder: Path) -> WordNet:
    wn = WordNet()
    yaml_dir = folder / "src" / "yaml"
    for path in sorted(yaml_dir.glob("entries-*.yaml")):
        entries = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        for lemma, by_pos in entries.items():
            for pos, entry in by_pos.items():
                senses = [Sense(s["id"], s["synset"]) for s in entry.get("sense", [])]
                wn.senses.setdefault((str(lemma).lower(), pos), []).extend(senses)
                for s in senses:
                    wn.by_key[s.key] = s.synset
    for path in sorted(yaml_dir.glob("noun.*.yaml")):
        synsets = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        for sid, synset in synsets.items():
            wn.hypernyms[sid] = list(synset.get("hypernym", [])) + list(synset.get("instance_hypernym", []))
    return wn


def frame_class(rs: Roleset) -> tuple[str, str, str]:
    """(class, FrameNet frame, VerbNet class) of a roleset: the first linked frame that types it, else
    the first VerbNet class that does; the frame and class columns name what typed it."""
    for frame in rs.frames:
        if frame in FRAME_CLASSES:
            return FRAME_CLASSES[frame], frame, ""
    for vn in rs.verbnet:
        parts = vn.split("-")
        if len(parts) >= 2:
            key = f"{parts[0]}-{'.'.join(parts[1].split('.')[:2])}"
            for candidate in (key, f"{parts[0]}-{parts[1].split('.')[0]}"):
                if candidate in VERBNET_CLASSES:
                    return VERBNET_CLASSES[candidate], "", vn
    return "", "", ""


def anchor_class(wn: WordNet, senses: list[Sense], anchors: dict[str, str]) -> str:
    for sense in senses:
        for synset in wn.ancestors(sense.synset):
            if synset in anchors:
                return anchors[synset]
    return ""


def eventive_nominal(wn: WordNet, lemma: str, deverbal: bool) -> list[Sense] | None:
    """The eventive senses among a PropBank nominal's most frequent, or None if it has none. A deverbal
    noun (its roleset also lists a verb: "sale", "flight") may be eventive in either of its two most
    frequent senses; a noun-only roleset's noun ("other", "chance") only in its first."""
    senses = wn.senses.get((lemma, "n"))
    if senses is None:
        return [] if " " not in lemma else None  # not in WordNet ("airstrike"): trust PropBank
    if not deverbal:
        return senses[:1] if senses[0].lexfile in EVENTIVE_LEXFILES else None
    top = [s for s in senses[:2] if s.lexfile in NOMINAL_LEXFILES]
    return top or None


def build(propbank: Path, wordnet: Path) -> list[tuple[str, ...]]:
    rolesets = read_propbank(propbank)
    wn = read_wordnet(wordnet)
    anchors = {}
    for key, cls in WORDNET_ANCHORS:
        if key not in wn.by_key:
            raise SystemExit(f"WordNet anchor {key} is not in this WordNet")
        anchors.setdefault(wn.by_key[key], cls)
    rows: dict[tuple[str, str], tuple[str, ...]] = {}
    for rs in rolesets:
        cls, frame, verbnet = frame_class(rs)
        args = " ".join(f"{n}:{f}" for n, f in sorted(rs.args.items()) if n.isdigit() and f)
        for pos, lemma in rs.aliases:
            if pos not in PROPBANK_POS or not re.fullmatch(r"[a-z][a-z' -]*[a-z]", lemma):
                continue
            key = (pos, lemma)
            if pos == "v" and lemma in SKIP_VERBS:
                continue
            if key in rows and _preference(rows[key][2], lemma) <= _preference(rs.id, lemma):
                continue
            typed = cls
            if pos == "n":
                senses = eventive_nominal(wn, lemma, deverbal=any(p == "v" for p, _ in rs.aliases))
                anchored = anchor_class(wn, wn.senses.get((lemma, "n"), [])[:2], anchors)
                if senses is None and not anchored:
                    continue
                typed = typed or (anchor_class(wn, senses, anchors) if senses else "") or anchored
            rows[key] = (pos, lemma, rs.id, typed or "Event", frame, verbnet, args)
    for rs in rolesets:
        if set(rs.frames) & ASPECTUAL_FRAMES:
            for pos, lemma in rs.aliases:
                if pos == "v" and re.fullmatch(r"[a-z]+", lemma):
                    frame = next(f for f in rs.frames if f in ASPECTUAL_FRAMES)
                    rows.setdefault(("a", lemma), ("a", lemma, rs.id, "", frame, "", ""))
    for (lemma, pos), senses in sorted(wn.senses.items()):
        if pos != "n" or ("n", lemma) in rows or not re.fullmatch(r"[a-z][a-z' -]*[a-z]", lemma):
            continue
        if not senses:
            continue
        if any(s.lexfile == TIME_LEXFILE for s in senses[:3]):
            continue  # "time", "moment", "occasion": mostly a time, not an event
        typed = anchor_class(wn, [s for s in senses[:1] if s.lexfile in ANCHORED_LEXFILES], anchors)
        if senses[0].lexfile in WORDNET_ONLY_LEXFILES or typed:
            rows[("n", lemma)] = ("n", lemma, "", typed or "Event", "", "", "")
    return [rows[k] for k in sorted(rows)]


HEADER = """\
# Eventive predicates for kgbuild.extract.events, generated by tools/build_predicate_lexicon.py.
# From PropBank frame files (propbank/propbank-frames, CC BY-SA 4.0) and Open English WordNet
# (globalwordnet/english-wordnet, CC BY 4.0; Princeton WordNet licence). This file is licensed
# CC BY-SA 4.0 (see LICENSES.md). Columns: pos lemma roleset class frame verbnet args.
"""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--propbank", type=Path, required=True, help="a checkout of propbank/propbank-frames")
    ap.add_argument("--wordnet", type=Path, required=True, help="a checkout of globalwordnet/english-wordnet")
    ap.add_argument("-o", "--output", type=Path, default=OUT)
    args = ap.parse_args()
    rows = build(args.propbank, args.wordnet)
    text = HEADER + "".join("\t".join(row) + "\n" for row in rows)
    args.output.write_text(text, encoding="utf-8")
    counts: dict[str, int] = defaultdict(int)
    for row in rows:
        counts[row[0]] += 1
    print(f"{args.output}: {len(rows)} predicates ({dict(counts)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
