"""The story page of the report (``story.html``): disputes with both sides, events reported by several
articles, claims and their repetitions, corroborations, and the articles and their events in time order."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from kgbuild.report.data import Article, ClaimInfo
from kgbuild.report.html import page_html
from kgbuild.story.types import ClaimRef, ClaimRelation, Story
from kgbuild.wording import counted

__all__ = ["STORY_PAGE", "render_story"]

STORY_PAGE = "story.html"
TYPE_NAMES = {"denial": "denial", "negation": "negation", "different-number": "different figures",
              "retraction": "retraction or correction", "corroboration": "corroboration"}
CSS = """
.dispute{display:grid;grid-template-columns:1fr 1fr;gap:14px;border-top:1px solid var(--line);padding:12px 0}
.dispute:first-of-type{border-top:0}
.dispute-side{border-left:4px solid var(--claim);padding:2px 0 2px 12px}
.dispute-side.against{border-left-color:#b91c1c}
.dispute-side blockquote{margin:4px 0;font:italic 15px/1.5 Georgia,serif}
.dispute-kind{grid-column:1/-1;margin:0;font-size:.9rem;color:var(--muted)}
.story-table{width:100%;border-collapse:collapse;table-layout:fixed}
.story-table th,.story-table td{text-align:left;vertical-align:top;padding:6px 8px;border-top:1px solid var(--line);
  overflow-wrap:anywhere}
.story-table ul{margin:0;padding-left:18px}
@media (max-width:800px){.dispute{grid-template-columns:1fr}}
"""


class _Corpus:
    """Lookups from the story's IRIs to the articles' pages, labels and claims."""

    def __init__(self, articles: Sequence[Article]) -> None:
        self.articles = {a.iri: a for a in articles}
        self.claims: dict[str, tuple[Article, ClaimInfo]] = {c.iri: (a, c) for a in articles for c in a.claims}

    def article_link(self, iri: str, prefix: str = "") -> str:
        article = self.articles.get(iri)
        if article is None:
            return escape(iri)
        outlet = article.label(article.publisher) if article.publisher else ""
        when = f", {article.published}" if article.published else ""
        return (f'<a href="{prefix}articles/{escape(article.name)}.html">{escape(article.headline)}</a> '
                f'<span class="small">{escape(outlet)}{escape(when)}</span>')

    def chain(self, ref: ClaimRef) -> str:
        found = self.claims.get(ref.claim)
        if found is None:
            return ""
        article, claim = found
        names = [article.label(link.agent) for link in claim.chain]
        return '<ul class="chain">' + "".join(f"<li>{escape(n)}</li>" for n in names) + "</ul>"

    def claim_side(self, ref: ClaimRef, css: str) -> str:
        speaker = escape(ref.speaker_label or "an unnamed source")
        negated = ' <span class="flag hedged">negated</span>' if ref.negated else ""
        return (f'<div class="dispute-side {css}"><strong>{speaker}</strong> <span class="small">({escape(ref.cue)})'
                f'</span>{negated}<blockquote>{escape(ref.text)}</blockquote>'
                f'<div class="small">in {self.article_link(ref.article)}</div>{self.chain(ref)}</div>')


def _dispute(corpus: _Corpus, relation: ClaimRelation, repeated: int) -> str:
    evidence = "; ".join(relation.evidence)
    also = f" · also against {counted(repeated, 'other repetition')}" if repeated else ""
    first = "against" if relation.contradicts else "for"
    return (f'<div class="dispute" id="{escape(relation.iri.rsplit("/", 1)[-1])}">'
            f'<p class="dispute-kind">{escape(TYPE_NAMES[relation.type])} · {escape(evidence)}{escape(also)}</p>'
            f"{corpus.claim_side(relation.source, first)}{corpus.claim_side(relation.target, 'for')}</div>")


def _distinct(relations: Sequence[ClaimRelation], story: Story) -> list[tuple[ClaimRelation, int]]:
    """One entry per relation between the same claims, counting a story claim's repetitions as one claim:
    the first relation and how many more there are."""
    cluster = {m.claim: c.iri for c in story.claims for m in c.members}
    first: dict[tuple[str, str, str], ClaimRelation] = {}
    more: dict[tuple[str, str, str], int] = {}
    for relation in relations:
        key = (relation.type, cluster.get(relation.source.claim, relation.source.claim),
               cluster.get(relation.target.claim, relation.target.claim))
        if key in first:
            more[key] = more.get(key, 0) + 1
        else:
            first[key] = relation
    return [(relation, more.get(key, 0)) for key, relation in first.items()]


def render_story(story: Story, articles: Sequence[Article]) -> str:
    """The story page, linking to the article pages of the same site."""
    corpus = _Corpus(articles)
    disputes = [r for r in story.relations if r.contradicts]
    supports = [r for r in story.relations if not r.contradicts]
    dispute_html = ("".join(_dispute(corpus, r, n) for r, n in _distinct(disputes, story))
                    or '<p class="small">No disputed claims.</p>')
    support_html = ("".join(_dispute(corpus, r, n) for r, n in _distinct(supports, story))
                    or '<p class="small">No corroborations.</p>')
    event_rows = []
    for event in story.events:
        members = "".join(f"<li>{escape(', '.join(m.triggers) or m.lemma)} ({escape(m.kind)}) in "
                          f"{corpus.article_link(m.article)}</li>" for m in event.members)
        event_rows.append(f"<tr><td><ul>{members}</ul></td><td>{escape('; '.join(event.evidence))}</td></tr>")
    events_html = (f'<table class="story-table"><thead><tr><th style="width:62%">Mentions</th><th>What matched'
                   f'</th></tr></thead><tbody>{"".join(event_rows)}</tbody></table>' if event_rows else
                   '<p class="small">No event is reported by several articles.</p>')
    claim_rows = []
    for claim in story.claims:
        repetitions = "".join(f"<li>{escape(m.text)} <span class='small'>({escape(m.speaker_label or 'unnamed')}, "
                              f"{escape(m.cue)})</span> in {corpus.article_link(m.article)}{corpus.chain(m)}</li>"
                              for m in claim.members)
        source = next((m.speaker_label for m in claim.members if m.speaker == claim.source), "") if claim.source else ""
        claim_rows.append(f"<tr><td>{escape(source or 'unnamed or several')}</td><td><ul>{repetitions}</ul></td></tr>")
    claims_html = (f'<table class="story-table"><thead><tr><th style="width:22%">Original source</th><th>'
                   f'Repetitions (each with its chain: who reported whom)</th></tr></thead><tbody>'
                   f'{"".join(claim_rows)}</tbody></table>' if claim_rows else
                   '<p class="small">No claim is repeated across articles.</p>')
    timeline = _timeline(story, articles, corpus)
    body = (f'<header class="top"><p class="crumb"><a href="index.html">All articles</a></p><h1>The story across '
            f'{len(articles)} articles</h1><ul class="counts"><li>{counted(len(story.events), "event")} reported by '
            f"several articles</li><li>{counted(len(story.claims), 'repeated claim')}</li>"
            f"<li>{counted(len(disputes), 'dispute')}</li><li>{counted(len(supports), 'corroboration')}</li></ul>"
            f"</header>\n"
            f'<div class="wrap"><section class="panel" aria-labelledby="disputes-h"><h2 id="disputes-h">Who disputes '
            f"whom</h2>{dispute_html}</section>"
            f'<section class="panel" aria-labelledby="events-h"><h2 id="events-h">Events reported by several '
            f"articles</h2>{events_html}</section>"
            f'<section class="panel" aria-labelledby="claims-h"><h2 id="claims-h">Claims and their repetitions</h2>'
            f"{claims_html}</section>"
            f'<section class="panel" aria-labelledby="supports-h"><h2 id="supports-h">Corroborations</h2>'
            f"{support_html}</section>"
            f'<section class="panel" aria-labelledby="timeline-h"><h2 id="timeline-h">Timeline across articles</h2>'
            f"{timeline}</section></div>\n<footer>Generated by kgbuild story from <code>{escape(story.iri)}</code>."
            f"</footer>")
    return page_html("The story across the articles", body, CSS)


def _timeline(story: Story, articles: Sequence[Article], corpus: _Corpus) -> str:
    """The articles by publication date, each with the story events it reports."""
    events_of: dict[str, list[str]] = {}
    for event in story.events:
        for member in event.members:
            events_of.setdefault(member.article, []).append(", ".join(member.triggers) or member.lemma)
    rows = []
    for article in sorted(articles, key=lambda a: (a.published or "9999", a.iri)):
        reported = "; ".join(sorted(set(events_of.get(article.iri, [])))) or "–"
        rows.append(f"<tr><td>{escape(article.published or 'undated')}</td><td>{corpus.article_link(article.iri)}"
                    f"</td><td>{escape(reported)}</td></tr>")
    return (f'<table class="story-table"><thead><tr><th style="width:14%">Published</th><th style="width:46%">'
            f'Article</th><th>Story events it reports</th></tr></thead><tbody>{"".join(rows)}</tbody></table>')
