"""``kgbuild story``: the same event and claim across articles, and who disputes whom, on examples/story/."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from rdflib import Graph, URIRef

from conftest import EXAMPLES
from kgbuild.cli import app
from kgbuild.out.serialize import Format
from kgbuild.rdf.vocab import KG
from kgbuild.runner.story import StoryBuild, build_story, write_story
from kgbuild.story.claims import _candidates, _Claim
from kgbuild.story.text import Content, content_of
from kgbuild.story.types import ClaimRef

CORPUS = EXAMPLES / "story" / "port-strike.jsonl"
LAYER = EXAMPLES / "story" / "port-strike-story.ttl"


@pytest.fixture(scope="module")
def built() -> StoryBuild:
    return build_story([CORPUS])


def _speakers(relation) -> tuple[str, str]:
    return relation.source.speaker_label, relation.target.speaker_label


def test_the_committed_story_layer_is_rebuilt(built: StoryBuild, tmp_path: Path) -> None:
    out = tmp_path / "layer.ttl"
    write_story(built, out, Format.ttl, layer_only=True)
    assert out.read_bytes() == LAYER.read_bytes(), (
        f"regenerate with `kgbuild story {CORPUS} --layer-only -o {LAYER}` if intended")


def test_the_strike_is_one_event_across_two_articles(built: StoryBuild) -> None:
    strike = [e for e in built.story.events if {"walked", "went"} <= {t for m in e.members for t in m.triggers}]
    assert len(strike) == 1, built.story.events
    assert len(strike[0].articles) == 2
    assert "place Port of Rotterdam" in strike[0].evidence


def test_a_claim_repeated_by_three_outlets_is_one_story_claim_with_its_chains(built: StoryBuild) -> None:
    [claim] = [c for c in built.story.claims if "wage increase" in c.members[0].text]
    assert len(claim.articles) == 3 and {m.speaker_label for m in claim.members} == {"Niek Jansen"}
    assert claim.source and claim.source.endswith("niek-jansen")
    chains = {m.article.rsplit("/", 1)[-1]: m for m in claim.members}
    # the Daily Ledger relays the Courier: its repetition keeps the longer chain
    g = built.corpus
    daily = URIRef(chains["port-strike-daily"].claim)
    reporters = {str(g.value(a, KG.agent)) for a in g.objects(daily, KG.hasAttribution)}
    assert any(r.endswith("harbour-courier") for r in reporters), reporters


def test_denials_contradict_what_they_deny_and_agree_with_its_negation(built: StoryBuild) -> None:
    kinds = {(r.type, *_speakers(r)) for r in built.story.relations}
    assert ("denial", "employers' association", "Niek Jansen") in kinds
    assert ("denial", "Port of Rotterdam Authority", "Several shipping lines") in kinds
    assert ("negation", "Anna de Vries", "Several shipping lines") in kinds
    assert not any(t == "denial" and {a, b} == {"Port of Rotterdam Authority", "Anna de Vries"}
                   for t, a, b in kinds)  # denying X agrees with "not X"
    assert ("corroboration", "Tom Bakker", "Lisa Smit") in kinds


def test_the_layer_conforms_and_a_broken_one_does_not(built: StoryBuild) -> None:
    from kgbuild.config import Settings
    from kgbuild.runner.story import _validate

    assert built.conforms and built.violations == []
    broken = Graph()
    for triple in built.layer:
        if triple[1] not in (KG.contradicts, KG.evidence):
            broken.add(triple)
    messages = {v.message for v in _validate(broken, built.corpus, Settings())}
    assert any("kg:contradicts or kg:supports" in m for m in messages), messages
    assert any("evidence" in m for m in messages), messages


def test_same_bytes_whatever_the_order_and_jobs(tmp_path: Path, runner) -> None:
    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    outputs = []
    for n, jobs in enumerate((1, 2, 1)):
        shuffled = tmp_path / f"corpus-{n}.jsonl"
        order = lines[:]
        random.Random(n).shuffle(order)
        shuffled.write_text("\n".join(order) + "\n", encoding="utf-8")
        out = tmp_path / f"story-{n}.trig"
        result = runner.invoke(app, ["story", str(shuffled), "-o", str(out), "--jobs", str(jobs)])
        assert result.exit_code == 0, result.output
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1] == outputs[2]


def test_story_of_built_graph_files_equals_story_of_articles(tmp_path: Path, runner, built: StoryBuild) -> None:
    graph = tmp_path / "built.nt"
    assert runner.invoke(app, ["build", str(CORPUS), "-o", str(graph)]).exit_code == 0
    layer = tmp_path / "layer.ttl"
    result = runner.invoke(app, ["story", str(graph), "--layer-only", "-o", str(layer)])
    assert result.exit_code == 0, result.output
    assert layer.read_bytes() == LAYER.read_bytes()
    assert "3 articles; " in result.output and ", 1 repeated claim, " in result.output


def test_competency_queries_answer_on_the_story(tmp_path: Path, runner) -> None:
    out = tmp_path / "story.ttl"
    assert runner.invoke(app, ["story", str(CORPUS), "-o", str(out)]).exit_code == 0
    rows = {}
    for name in ("story-events", "story-claims", "disputed-claims"):
        result = runner.invoke(app, ["query", str(out), "-q", name, "-f", "json"])
        assert result.exit_code == 0, result.output
        rows[name] = json.loads(result.stdout)
    outlets = {r["outlet"] for r in rows["story-events"] if r.get("outlet")}
    assert {"Harbour Courier", "Euro Wire"} <= {o.removeprefix("The ") for o in outlets}, outlets
    agents = {r["agent"].removeprefix("The ") for r in rows["story-claims"]}
    assert agents >= {"Niek Jansen", "Harbour Courier", "Daily Ledger"}, agents
    disputes = {(r["type"], r.get("disputer"), r.get("speaker")) for r in rows["disputed-claims"]}
    assert ("denial", "Port of Rotterdam Authority", "Several shipping lines") in disputes


def test_content_words_figures_and_negation() -> None:
    a = content_of("Russian officials had postponed a meeting with Qatari officials")
    b = content_of("Russia postponed the meeting with Qatar")
    assert a.words >= b.words  # demonyms count as their country; "postponed" ~ "postponed"
    assert content_of("at least 1.3 billion dollars").numbers == {1.3e9}
    assert content_of("the company didn't know").negated and not content_of("the company knew").negated


def test_candidates_leave_out_words_too_common_to_tell_claims_apart() -> None:
    """10,000 claims sharing one word give no candidate pair (not 50 million); rarer shared words do."""
    def claim(i: int, words: set[str]) -> _Claim:
        ref = ClaimRef(f"a{i}", f"c{i}", "", "", "", "assertion", "say", False)
        return _Claim(ref, Content(frozenset(words), frozenset(), False), False)

    claims = [claim(i, {"said", f"w{i}"}) for i in range(10_000)]
    claims += [claim(10_000, {"said", "rare"}), claim(10_001, {"said", "rare"})]
    assert _candidates(claims) == {(10_000, 10_001)}


def test_the_story_page_lists_both_sides(tmp_path: Path, runner) -> None:
    site = tmp_path / "site"
    result = runner.invoke(app, ["story", str(CORPUS), "-o", str(tmp_path / "s.ttl"), "--report", str(site)])
    assert result.exit_code == 0, result.output
    page = (site / "story.html").read_text(encoding="utf-8")
    assert page.count('class="dispute-side') >= 8
    assert "Port of Rotterdam Authority" in page and "ships had been diverted to Antwerp" in page
    assert 'href="story.html"' in (site / "index.html").read_text(encoding="utf-8")
