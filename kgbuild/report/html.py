"""Rendering report pages as self-contained HTML (standard library only).

Every page carries its CSS, SVG and a tiny script inline and references nothing outside itself
but sibling pages, so the site opens from the file system with no network. Output is a pure
function of the articles: the same graph gives the same bytes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from html import escape

from kgbuild.report.data import ActorInfo, Article, ClaimInfo, EventInfo, Span, TimeInfo
from kgbuild.report.svg import EDGE_STYLES, KIND_STYLES, graph_svg, short
from kgbuild.report.text import Mark, mark_up

__all__ = ["page_html", "render_article", "render_index"]

KIND_NAMES = {"Person": "person", "Organization": "organisation", "GPE": "country, city or region (GPE)",
              "Location": "location", "Group": "group", "Anonymous": "anonymous source", "Other": "other actor"}

CSS = """
:root{--ink:#111827;--muted:#4b5563;--line:#e5e7eb;--paper:#fff;--claim:#4338ca;--event:#d97706;--bg:#f8fafc}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg)}
a{color:#1d4ed8}
a:focus-visible,[tabindex]:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
header.top{background:var(--paper);border-bottom:1px solid var(--line);padding:16px 24px}
header.top h1{margin:4px 0 6px;font-size:1.55rem;line-height:1.25}
.meta{color:var(--muted);margin:0;font-size:.92rem}
.crumb{font-size:.9rem}
.counts{display:flex;flex-wrap:wrap;gap:8px;margin:10px 0 0;padding:0;list-style:none}
.counts li{background:var(--bg);border:1px solid var(--line);border-radius:999px;padding:2px 10px;font-size:.88rem}
.legend{display:flex;flex-wrap:wrap;gap:6px 14px;margin:10px 0 0;padding:0;list-style:none;font-size:.85rem}
.wrap{max-width:1280px;margin:0 auto;padding:16px 24px}
.layout{display:grid;grid-template-columns:minmax(0,1fr) 400px;gap:24px;align-items:start}
.panel{background:var(--paper);border:1px solid var(--line);border-radius:10px;padding:14px 18px;margin:0 0 20px}
.panel h2{font-size:1.1rem;margin:0 0 8px}
.panel h3{font-size:.95rem;margin:12px 0 6px;color:var(--muted)}
.text{white-space:pre-wrap;overflow-wrap:anywhere;font:16.5px/1.85 Georgia,"Times New Roman",serif;margin:0}
.side{display:flex;flex-direction:column}
.inspector{position:sticky;top:12px;z-index:3;max-height:calc(100vh - 24px);overflow:auto;
  box-shadow:0 4px 14px rgba(0,0,0,.06)}
.hint{color:var(--muted);font-size:.88rem;margin:0}
.card.default{display:block}
.card{display:none;border-left:4px solid var(--claim);padding:4px 0 4px 12px;margin:8px 0}
.card h3{margin:0 0 4px;color:var(--ink);font-size:1rem}
.card blockquote{margin:4px 0 8px;font:italic 15px/1.5 Georgia,serif}
.card dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 10px;margin:0;font-size:.9rem}
.card dt{color:var(--muted)}
.card dd{margin:0}
.chain{list-style:none;margin:0;padding:0}
.chain li{display:inline}
.chain li+li::before{content:" → ";color:var(--muted)}
.flag{display:inline-block;border-radius:4px;padding:0 6px;font-size:.8rem;margin:1px 2px 1px 0;border:1px solid}
.flag.anon{color:#9a3412;border-color:#fdba74;background:#fff7ed}
.flag.named{color:#166534;border-color:#86efac;background:#f0fdf4}
.flag.hedged{color:#854d0e;border-color:#fde047;background:#fefce8}
.flag.negated{color:#991b1b;border-color:#fca5a5;background:#fef2f2}
.flag.evidence{color:#1e3a8a;border-color:#93c5fd;background:#eff6ff}
.flag.plain{color:var(--muted);border-color:var(--line)}
/* marks in the text: colour plus a second cue (border style and letter badge) */
.actor{--k:#4b5563;border-bottom:2px var(--ks,solid) var(--k);background:color-mix(in srgb,var(--k) 11%,transparent);
  border-radius:2px}
.badge,.actor:not(.cont)::before{display:inline-block;font:700 10px/1.35 system-ui,sans-serif;color:#fff;
  background:var(--k);border-radius:3px;padding:0 3px;margin-right:2px;vertical-align:.3em}
.actor:not(.cont)::before{content:attr(data-badge);content:attr(data-badge) / ""}
.trigger{outline:1.5px dashed var(--event);outline-offset:-1px;border-radius:3px;background:#fffbeb}
.trigger:not(.cont)::after{content:"E";content:"E" / "";font:700 9px/1 system-ui,sans-serif;color:var(--event);
  vertical-align:.7em;margin-left:1px}
.time{background:#f1f5f9;box-shadow:inset 0 -2px 0 #94a3b8}
.cue{font-style:italic;font-weight:700}
.claim,.legend-claim{text-decoration:underline solid var(--claim) 2px;text-underline-offset:.32em;cursor:pointer;
  text-decoration-skip-ink:none}
.claim:not(.cont)::before{content:attr(data-n);content:attr(data-n) / "";display:inline-block;
  font:700 10px/1.35 system-ui,sans-serif;color:#fff;background:var(--claim);border-radius:8px;padding:0 4px;
  margin-right:3px;vertical-align:.3em}
.claim:hover,.claim:focus-within{background:#eef2ff}
.claim:focus{outline:2px solid var(--claim);outline-offset:1px}
.claim:target{background:#e0e7ff}
.lit{background:#fde68a!important;outline:2px solid #f59e0b}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{text-align:left;vertical-align:top;border-bottom:1px solid var(--line);padding:6px 8px}
th{background:var(--bg);position:sticky;top:0}
.num{text-align:right;font-variant-numeric:tabular-nums}
.list{list-style:none;margin:0;padding:0}
.list>li{border-bottom:1px solid var(--line);padding:6px 0}
.list>li:last-child{border-bottom:0}
.source .desc,.event .desc,.small{color:var(--muted);font-size:.85rem}
.events{display:grid;grid-template-columns:repeat(auto-fill,minmax(280px,1fr));gap:10px;list-style:none;margin:0;
  padding:0}
.event{border:1px solid var(--line);border-left:4px solid var(--event);border-radius:6px;padding:6px 10px}
.event h3{margin:0 0 2px;font-size:.95rem;color:var(--ink)}
.event dl{display:grid;grid-template-columns:max-content 1fr;gap:0 8px;margin:0;font-size:.86rem}
.event dt{color:var(--muted)}
.event dd{margin:0}
.chip{white-space:nowrap}
.source .chip,.card .chip{white-space:normal}
.graph-wrap{overflow-x:auto}
/* the claims table fits its column: the claim text gets the widest share and every cell wraps */
.claims-wrap{overflow-x:auto}
.claims-table{table-layout:fixed;font-size:.85rem}
.claims-table th,.claims-table td{padding:6px 5px;overflow-wrap:break-word;hyphens:auto}
.claims-table .chip{white-space:normal}
.claims-table .flag{display:inline-block;white-space:nowrap;margin:0 0 2px}
.c-num{width:3em}.c-text{width:29%}.c-who{width:16%}.c-via{width:15%}.c-cue{width:10%}.c-kind{width:11%}
.c-quote{width:9%}.c-status{width:5.4em}
.graph-wrap svg{max-width:100%;height:auto;min-width:860px}
.timeline svg{max-width:100%;height:auto}
.bar{position:absolute;left:0;top:0;height:8px;background:#f97316;border-radius:4px}
.bar-bg{position:relative;display:inline-block;width:80px;height:8px;background:var(--line);border-radius:4px;
  margin-right:6px;vertical-align:middle}
td.num{white-space:nowrap}
main{min-width:0}
footer{color:var(--muted);font-size:.8rem;padding:8px 24px 24px;max-width:1280px;margin:0 auto}
@media (max-width:900px){
  .layout{grid-template-columns:minmax(0,1fr)}
  .wrap{padding:10px 12px}
  header.top{padding:12px}
  header.top h1{font-size:1.25rem}
  .text{font-size:16px;line-height:1.75}
  .inspector{position:fixed;top:auto;bottom:0;left:0;right:0;margin:0;max-height:45vh;border-radius:10px 10px 0 0;
    padding:0 14px;border-width:0;box-shadow:0 -4px 16px rgba(0,0,0,.15)}
  .inspector>h2,.inspector .hint,.card.default{display:none}
  .panel{padding:12px}
  th,td{padding:4px}
  .hide-narrow{display:none}
}
"""

# Counts visible claim, source and event elements, whether the claims table scrolls sideways and how many
# timeline labels stick out of their picture (for checks from a headless browser; harmless otherwise).
SCRIPT = """addEventListener("load",function(){function v(s){var n=0;document.querySelectorAll(s).forEach(function(e){
var r=e.getBoundingClientRect(),c=getComputedStyle(e);if(r.width>0&&r.height>0&&c.visibility!=="hidden"&&
c.display!=="none")n++});return String(n)}var d=document.body.dataset;d.visibleClaims=v(".claim");
d.visibleSources=v(".source");d.visibleEvents=v(".event");d.visibleGraph=v("svg.graph");
d.visibleDisputes=v(".dispute-side");
var w=document.querySelector(".claims-wrap"),h=document.querySelector(".claims-table th:nth-child(2)");
if(w){d.claimsScroll=String(w.scrollWidth>w.clientWidth+1?1:0);d.claimColumn=String(Math.round(h.offsetWidth))}
var clipped=0;document.querySelectorAll(".timeline svg text").forEach(function(t){var b=t.getBBox(),
vb=t.ownerSVGElement.viewBox.baseVal;if(b.x<-.5||b.x+b.width>vb.width+.5)clipped++});d.clippedLabels=String(clipped)});"""


def _e(text: object) -> str:
    return escape(str(text))


def _page(title: str, body: str, extra_css: str = "") -> str:
    return ('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            '<meta name="referrer" content="no-referrer">\n'
            f"<title>{_e(title)}</title>\n<style>{CSS}{extra_css}</style>\n</head>\n"
            f"<body>\n{body}\n<script>{SCRIPT}</script>\n</body>\n</html>\n")


def page_html(title: str, body: str, extra_css: str = "") -> str:
    """A self-contained page with the report's style and script, for pages built elsewhere (the story page)."""
    return _page(title, body, extra_css)


def _pct(share: float | None) -> str:
    return "–" if share is None else f"{round(share * 100)}%"


class _ArticlePage:
    """Builds one article page; ids of actors and events are stable within the page."""

    def __init__(self, article: Article) -> None:
        self.a = article
        self.actor_ids = {iri: f"actor-{i}" for i, iri in enumerate(sorted(article.actors), 1)}
        self.event_ids = {e.iri: f"event-{e.number}" for e in article.events}
        self.claims_by_iri = {c.iri: c for c in article.claims}
        # the card shown before any claim is selected: the first with a reporter, else the first
        self.default = next((c for c in article.claims if len(c.chain) > 1), article.claims[0] if article.claims
                            else None)

    # -- small pieces -----------------------------------------------------------
    def actor_chip(self, iri: str, *, link: bool = True) -> str:
        actor = self.a.actors.get(iri)
        if actor is None:
            return _e(iri.rsplit("/", 1)[-1])
        kind = actor.display_kind
        colour, badge, _ = KIND_STYLES[kind]
        name = f'<a href="#{self.actor_ids[iri]}">{_e(actor.label)}</a>' if link else _e(actor.label)
        return (f'<span class="chip"><span class="badge" style="--k:{colour}" title="{_e(KIND_NAMES[kind])}">'
                f"{_e(badge)}</span>{name}</span>")

    def ref_chip(self, iri: str) -> str:
        if iri in self.a.actors:
            return self.actor_chip(iri)
        event = next((e for e in self.a.events if e.iri == iri), None)
        if event is not None:
            return f'<a class="chip" href="#{self.event_ids[iri]}">E{event.number} {_e(event.lemma)}</a>'
        return _e(iri.rsplit("/", 1)[-1])

    def quote(self, span: Span | None) -> str:
        if span is None:
            return ""
        return _e(self.a.text[span.start:span.end])

    # -- the text -----------------------------------------------------------------
    def marks(self) -> list[Mark]:
        a = self.a
        marks: list[Mark] = []
        for c in a.claims:
            if c.span is None:
                continue
            n = str(c.number)
            marks.append(Mark(c.span.start, c.span.end, "claim", {"data-claim": n, "data-n": f"C{n}"}, layer=0,
                              first_attrs={"id": f"claim-{n}", "tabindex": "0", "aria-describedby": f"card-{n}"}))
        shared: dict[tuple[Span, str], list[str]] = {}
        for c in a.claims:
            for span, cls in ((c.speaker_span, "speaker"), (c.cue_span, "cue")):
                if span is not None:
                    shared.setdefault((span, cls), []).append(str(c.number))
        for (span, cls), numbers in sorted(shared.items()):
            marks.append(Mark(span.start, span.end, cls, {"data-of": " ".join(numbers)}, layer=1))
        for e in a.events:
            for span in e.triggers:
                marks.append(Mark(span.start, span.end, f"trigger ev-{e.kind}",
                                  {"data-event": str(e.number), "title": f"Event E{e.number}: {e.lemma} ({e.kind})"},
                                  layer=2))
        for iri in sorted(a.actors):
            actor = a.actors[iri]
            kind = actor.display_kind
            colour, badge, style = KIND_STYLES[kind]
            for span in actor.mentions:
                marks.append(Mark(span.start, span.end, f"actor k-{kind}",
                                  {"data-badge": badge, "title": f"{KIND_NAMES[kind]}: {actor.label}",
                                   "style": f"--k:{colour};--ks:{style}"}, layer=3))
        for time in sorted(a.times.values(), key=lambda t: (t.span or Span(0, 0), t.iri)):
            if time.span is not None:
                marks.append(Mark(time.span.start, time.span.end, "time", {"title": _time_title(time)}, layer=3))
        return marks

    def claim_css(self) -> str:
        chosen = "body:has(.claim:is(:hover,:focus-within),.claim:target,.card:target)"
        rules = [f"{chosen} .card.default,{chosen} .inspector .hint{{display:none}}"]
        for c in self.a.claims:
            n = c.number
            on = f'body:has(.claim[data-claim="{n}"]:is(:hover,:focus-within))'
            rules.append(f"{on} #card-{n},body:has(#claim-{n}:target) #card-{n},#card-{n}:target{{display:block}}")
            rules.append(f'{on} [data-of~="{n}"]{{background:#fde68a;outline:2px solid #f59e0b}}')
        return "\n" + "\n".join(rules) + "\n"

    # -- panels --------------------------------------------------------------------
    def card(self, c: ClaimInfo) -> str:
        a = self.a
        anonymous = a.is_anonymous(c.speaker)
        flags = [f'<span class="flag {"anon" if anonymous else "named"}">'
                 f'{"anonymous source" if anonymous else "named source"}</span>']
        source = self.a.actors.get(c.speaker)
        if source is not None and source.evidence:
            flags.append('<span class="flag evidence">evidence source (document, poll, study, data)</span>')
        if c.hedged:
            flags.append(f'<span class="flag hedged">hedged{": " + _e(", ".join(c.hedges)) if c.hedges else ""}</span>')
        if c.negated:
            flags.append('<span class="flag negated">negated</span>')
        if not c.hedged and not c.negated:
            flags.append('<span class="flag plain">not hedged, not negated</span>')
        chain = "".join(f'<li>{self.actor_chip(link.agent)} <span class="small">({_e(link.role)})</span></li>'
                        for link in c.chain) or f"<li>{self.actor_chip(c.speaker)}</li>"
        about = ", ".join(self.ref_chip(iri) for iri in c.about) or "–"
        words = self.a.text[c.speaker_span.start:c.speaker_span.end] if c.speaker_span else ""
        speaker = self.a.actors.get(c.speaker)
        same = speaker is not None and words.strip().lower() == speaker.label.lower()
        speaker_words = f' <span class="small">“{self.quote(c.speaker_span)}”</span>' if words and not same else ""
        part_of = ""
        if c.part_of and c.part_of in self.claims_by_iri:
            outer = self.claims_by_iri[c.part_of].number
            part_of = f'<dt>Part of</dt><dd><a href="#claim-{outer}">C{outer}</a></dd>'
        default = " default" if c is self.default else ""
        return (f'<section class="card{default}" id="card-{c.number}" aria-labelledby="card-{c.number}-h">'
                f'<h3 id="card-{c.number}-h">Claim C{c.number} <span class="small">{_e(c.quote_type)}</span></h3>'
                f"<blockquote>{_e(c.text)}</blockquote><dl>"
                f"<dt>Said by</dt><dd>{self.actor_chip(c.speaker)}{speaker_words}</dd>"
                f"<dt>Cue</dt><dd>“{_e(c.cue)}”</dd>"
                f"<dt>Kind</dt><dd>{_e(c.kind or '–')}</dd>"
                f'<dt>Chain</dt><dd><ol class="chain">{chain}</ol></dd>'
                f"<dt>Status</dt><dd>{''.join(flags)}</dd>"
                f"<dt>About</dt><dd>{about}</dd>{part_of}"
                f'<dt>Where</dt><dd><a href="#claim-{c.number}">in the text</a> · '
                f'<a href="#row-{c.number}">in the table</a></dd></dl></section>')

    def source_item(self, iri: str) -> str:
        a, actor = self.a, self.a.actors[iri]
        said = [c for c in a.claims if c.speaker == iri]
        reported = [c for c in a.claims if any(link.agent == iri and link.position > 0 for link in c.chain)]
        details = []
        if actor.description and actor.description != actor.label:
            details.append(f"“{_e(actor.description)}”")
        for name, value in (("role", actor.source_role), ("number", actor.number), ("qualifier", actor.qualifier)):
            if value:
                details.append(f"{name}: <i>{_e(value)}</i>")
        if actor.titles:
            details.append("title: " + _e(", ".join(actor.titles)))
        uses = []
        if said:
            uses.append("said " + " ".join(f'<a href="#claim-{c.number}">C{c.number}</a>' for c in said))
        if reported:
            uses.append(f"reported {len(reported)} claim{'s' if len(reported) != 1 else ''}")
        if iri in a.cited:
            uses.append("cited by the article")
        if iri == a.publisher:
            uses.append("publisher")
        for nr in a.non_responses:
            if nr.actor == iri:
                uses.append(_e(nr.cue))
        desc = f'<div class="desc">{"; ".join(details)}</div>' if details else ""
        return (f'<li class="source {"anonymous" if actor.anonymous else "named"}" id="{self.actor_ids[iri]}">'
                f'{self.actor_chip(iri, link=False)}{desc}<div class="small">{" · ".join(uses)}</div></li>')

    def sources_panel(self) -> str:
        sources = self.a.sources
        named = [iri for iri in sources if not self.a.is_anonymous(iri)]
        anonymous = [iri for iri in sources if self.a.is_anonymous(iri)]
        parts = ['<section class="panel" id="sources" aria-labelledby="sources-h"><h2 id="sources-h">Sources</h2>']
        for title, group in ((f"Named ({len(named)})", named), (f"Anonymous ({len(anonymous)})", anonymous)):
            parts.append(f"<h3>{title}</h3>")
            items = "".join(self.source_item(iri) for iri in group)
            parts.append(f'<ul class="list">{items}</ul>' if items else '<p class="small">none</p>')
        others = [iri for iri in sorted(self.a.actors, key=lambda i: (self.a.actors[i].label.lower(), i))
                  if iri not in sources and self.a.actors[iri].display_kind not in ("GPE", "Location")]
        if others:
            parts.append(f"<h3>Other actors ({len(others)})</h3><p>")
            parts.append(" ".join(f'<span id="{self.actor_ids[iri]}">{self.actor_chip(iri, link=False)}</span>'
                                  for iri in others))
            parts.append("</p>")
        parts.append("</section>")
        return "".join(parts)

    def places_panel(self) -> str:
        a = self.a
        places = [iri for iri in a.actors if a.actors[iri].display_kind in ("GPE", "Location")]
        places.sort(key=lambda i: (-len(a.actors[i].mentions), a.actors[i].label.lower(), i))
        as_place = Counter(iri for e in a.events for role, iri in e.participants if role == "place")
        rows = []
        for iri in places:
            actor = a.actors[iri]
            where = f", place of {as_place[iri]} event{'s' if as_place[iri] != 1 else ''}" if as_place[iri] else ""
            anchor = "" if iri in a.sources else f' id="{self.actor_ids[iri]}"'
            rows.append(f"<li{anchor}>{self.actor_chip(iri, link=False)} "
                        f'<span class="small">{len(actor.mentions)} mention{"s" if len(actor.mentions) != 1 else ""}'
                        f"{where}</span></li>")
        body = f'<ul class="list">{"".join(rows)}</ul>' if rows else '<p class="small">No places.</p>'
        return f'<section class="panel" id="places" aria-labelledby="places-h"><h2 id="places-h">Places</h2>{body}' \
               "</section>"

    def timeline_panel(self) -> str:
        a = self.a
        dated = sorted((t for t in a.times.values() if t.date or t.begin or t.end),
                       key=lambda t: (t.date or t.begin or t.end or "", t.iri))
        undated = sorted((t for t in a.times.values() if not (t.date or t.begin or t.end)),
                         key=lambda t: (t.span or Span(0, 0), t.iri))
        parts = ['<section class="panel timeline" id="dates" aria-labelledby="dates-h"><h2 id="dates-h">Dates</h2>']
        if a.published:
            parts.append(f'<p class="small">Published {_e(a.published)}</p>')
        if dated:
            parts.append(_timeline_svg(dated, a.published))
            events_at = {t: [e for e in a.events if t in e.times] for t in a.times}
            items = []
            for t in dated:
                evs = ", ".join(f'<a href="#{self.event_ids[e.iri]}">E{e.number} {_e(e.lemma)}</a>'
                                for e in events_at[t.iri])
                items.append(f"<li><b>{_e(_time_title(t))}</b> “{_e(t.label)}”"
                             f'{" — " + evs if evs else ""}</li>')
            parts.append(f'<ul class="list">{"".join(items)}</ul>')
        else:
            parts.append('<p class="small">No normalised dates.</p>')
        if undated:
            parts.append("<h3>Not normalised</h3><p>" + ", ".join(f"“{_e(t.label)}”" for t in undated) + "</p>")
        parts.append("</section>")
        return "".join(parts)

    def claims_table(self) -> str:
        a = self.a
        rows = []
        for c in a.claims:
            anonymous = a.is_anonymous(c.speaker)
            status = [f'<span class="flag {"anon" if anonymous else "named"}">{"anon." if anonymous else "named"}'
                      "</span>"]
            if c.hedged:
                status.append('<span class="flag hedged">hedged</span>')
            if c.negated:
                status.append('<span class="flag negated">negated</span>')
            reporters = ", ".join(self.actor_chip(link.agent) for link in c.chain if link.position > 0) or "–"
            rows.append(f'<tr id="row-{c.number}"><td class="num"><a href="#claim-{c.number}">C{c.number}</a></td>'
                        f"<td>{_e(short(c.text, 140))}</td><td>{self.actor_chip(c.speaker)}</td>"
                        f'<td class="hide-narrow">{reporters}</td><td>“{_e(c.cue)}”</td><td>{_e(c.kind or "–")}</td>'
                        f'<td class="hide-narrow">{_e(c.quote_type)}</td><td>{"".join(status)}</td></tr>')
        cols = ('<colgroup><col class="c-num"><col class="c-text"><col class="c-who"><col class="c-via hide-narrow">'
                '<col class="c-cue"><col class="c-kind"><col class="c-quote hide-narrow"><col class="c-status">'
                "</colgroup>")
        body = (f'<div class="claims-wrap"><table class="claims-table">{cols}<thead><tr><th class="num">#</th>'
                f'<th>Claim</th><th>Said by</th><th class="hide-narrow">Reported by</th><th>Cue</th><th>Kind</th>'
                f'<th class="hide-narrow">Quote</th><th>Status</th></tr></thead><tbody>{"".join(rows)}</tbody></table>'
                "</div>" if rows else '<p class="small">No claims.</p>')
        share = _pct(a.anonymous_share)
        return (f'<section class="panel" id="claims" aria-labelledby="claims-h"><h2 id="claims-h">Claims '
                f'<span class="small">({len(a.claims)}; {share} rest on anonymous sources)</span></h2>{body}</section>')

    def event_item(self, e: EventInfo) -> str:
        by_role: dict[str, list[str]] = {}
        for role, iri in e.participants:
            by_role.setdefault(role, []).append(self.actor_chip(iri))
        for role, text in e.texts:
            by_role.setdefault(role, []).append(f"“{_e(text)}”")
        rows = [f"<dt>{_e(role)}</dt><dd>{', '.join(chips)}</dd>" for role, chips in by_role.items()]
        if e.conveys in self.a.claim_numbers:
            number = self.a.claim_numbers[e.conveys]
            rows.append(f'<dt>says</dt><dd><a href="#claim-{number}">C{number}</a></dd>')
        times = [self.a.times[t] for t in e.times if t in self.a.times]
        if times:
            rows.append("<dt>when</dt><dd>" + "; ".join(f"“{_e(t.label)}”" + (f" ({_e(_time_title(t))})"
                        if t.date or t.begin or t.end else "") for t in times) + "</dd>")
        if e.instruments:
            rows.append(f"<dt>with</dt><dd>{_e('; '.join(e.instruments))}</dd>")
        status = [_e(e.modality)] + (["negated"] if e.negated else []) + ([_e(e.roleset)] if e.roleset else [])
        words = sorted({self.a.text[s.start:s.end] for s in e.triggers})
        return (f'<li class="event" id="{self.event_ids[e.iri]}"><h3>E{e.number} {_e(e.lemma)} '
                f'<span class="small">{_e(e.kind)} · {", ".join(status)}</span></h3>'
                f'<div class="desc">{len(e.triggers)} mention{"s" if len(e.triggers) != 1 else ""}: '
                f'{_e(", ".join(words))}</div>{"<dl>" + "".join(rows) + "</dl>" if rows else ""}</li>')

    def events_panel(self) -> str:
        items = "".join(self.event_item(e) for e in self.a.events)
        body = f'<ul class="events">{items}</ul>' if items else '<p class="small">No events.</p>'
        return (f'<section class="panel" id="events" aria-labelledby="events-h"><h2 id="events-h">Events '
                f'<span class="small">({len(self.a.events)})</span></h2>{body}</section>')

    def legend(self) -> str:
        items = [f'<li><span class="actor" style="--k:{colour};--ks:{style}" data-badge="{_e(badge)}">'
                 f"{_e(KIND_NAMES[kind])}</span></li>" for kind, (colour, badge, style) in KIND_STYLES.items()]
        items.append('<li><span class="legend-claim">claim</span> (hover, focus or select it)</li>')
        items.append('<li><span class="cue">cue</span></li><li><span class="trigger">event</span></li>'
                     '<li><span class="time">time</span></li>')
        return f'<ul class="legend" aria-label="Legend">{"".join(items)}</ul>'

    def render(self) -> str:
        a = self.a
        meta = [f"Published {_e(a.published)}" if a.published else "No publication date"]
        if a.authors:
            meta.append("by " + ", ".join(_e(a.label(author)) for author in a.authors))
        if a.publisher:
            meta.append(f"publisher {_e(a.label(a.publisher))}")
        if a.language:
            meta.append(f"language {_e(a.language)}")
        if a.url:
            meta.append(f'<span class="small">{_e(a.url)}</span>')
        if a.source_url and a.source_url != a.url:
            meta.append(f'<span class="small">fetched from {_e(a.source_url)}</span>')
        if a.record:
            meta.append(f'<span class="small">archive record {_e(a.record)}</span>')
        counts = (f"<li>{len(a.actors)} actors</li><li>{len(a.events)} events</li><li>{len(a.claims)} claims</li>"
                  f"<li>{len(a.sources)} sources</li><li>{_pct(a.anonymous_share)} of claims rest on anonymous "
                  "sources</li>")
        text = mark_up(a.text, self.marks())
        cards = "".join(self.card(c) for c in a.claims)
        body = (f'<header class="top"><nav class="crumb"><a href="../index.html">← All articles</a></nav>'
                f"<h1>{_e(a.headline)}</h1><p class=\"meta\">{' · '.join(meta)}</p>"
                f'<ul class="counts">{counts}</ul>{self.legend()}</header>\n'
                f'<div class="wrap"><div class="layout">\n<main>'
                f'<section class="panel" aria-labelledby="text-h"><h2 id="text-h">Article</h2>'
                f'<div class="text">{text}</div></section>\n'
                f"{self.claims_table()}\n{self.events_panel()}\n</main>\n"
                f'<div class="side"><aside class="panel inspector" aria-labelledby="inspector-h" aria-live="polite">'
                f'<h2 id="inspector-h">Claim details</h2><p class="hint">Hover a claim, focus it with Tab, or '
                f"select one in the table to see its source chain. For example:</p>{cards}</aside>\n"
                f"{self.sources_panel()}\n{self.places_panel()}\n{self.timeline_panel()}</div>\n</div>\n"
                f'<section class="panel" id="graph" aria-labelledby="graph-h"><h2 id="graph-h">Graph</h2>'
                f'<div class="graph-wrap">{graph_svg(a)}</div></section></div>\n'
                f'<footer>Generated by kgbuild from <code>{_e(a.iri)}</code>.</footer>')
        return _page(a.headline, body, self.claim_css())


def _time_title(t: TimeInfo) -> str:
    if t.date:
        return t.date
    if t.begin or t.end:
        return f"{t.begin or '…'} – {t.end or '…'}"
    return "not normalised"


def _days(iso: str) -> int:
    from datetime import date

    try:
        return date.fromisoformat(iso[:10]).toordinal()
    except ValueError:
        return 0


def _timeline_svg(times: Sequence[TimeInfo], published: str | None) -> str:
    """A small horizontal timeline: points for dates, bars for ranges, a tick for the publication date."""
    width, left, right, row = 360, 12, 12, 22
    points = [d for t in times for d in (t.date, t.begin, t.end) if d] + ([published] if published else [])
    days = [_days(d) for d in points]
    lo, hi = min(days), max(days)
    span = max(hi - lo, 1)

    def x(iso: str) -> float:
        return left + (_days(iso) - lo) / span * (width - left - right) if hi > lo else width / 2

    height = 30 + row * len(times)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
           f'height="{height}" role="img" aria-label="Timeline of normalised dates" font-family="system-ui" '
           f'font-size="11"><line x1="{left}" y1="{height - 14}" x2="{width - right}" y2="{height - 14}" '
           f'stroke="#9ca3af"/>']
    out.append(f'<text x="{left}" y="{height - 2}" fill="#4b5563">{_e(min(points, key=_days))}</text>')
    if hi > lo:
        out.append(f'<text x="{width - right}" y="{height - 2}" text-anchor="end" fill="#4b5563">'
                   f"{_e(max(points, key=_days))}</text>")
    if published:
        px = x(published)
        out.append(f'<line x1="{px:.1f}" y1="4" x2="{px:.1f}" y2="{height - 14}" stroke="#2563eb" '
                   f'stroke-dasharray="3 2"><title>published {_e(published)}</title></line>')
    for i, t in enumerate(times):
        y = 14 + i * row
        if t.date:
            cx = x(t.date)
            out.append(f'<circle cx="{cx:.1f}" cy="{y}" r="5" fill="#d97706"/>')
            anchor_x = cx
        else:
            x1, x2 = x(t.begin or t.end or ""), x(t.end or t.begin or "")
            out.append(f'<rect x="{x1:.1f}" y="{y - 4}" width="{max(x2 - x1, 4):.1f}" height="8" rx="4" '
                       f'fill="#fdba74"/>')
            anchor_x = (x1 + x2) / 2
        label = f"{short(t.label, 22)} ({_time_title(t)})"
        anchor, lx = _label_place(anchor_x, len(label) * LABEL_CHAR_WIDTH, width)
        out.append(f'<text x="{lx:.1f}" y="{y + 4}" text-anchor="{anchor}" fill="#111827">{_e(label)}</text>')
    out.append("</svg>")
    return "".join(out)


LABEL_CHAR_WIDTH = 6.6  # px per character of an 11 px system-ui label, generously (digits and capitals)


def _label_place(at: float, text_width: float, width: float) -> tuple[str, float]:
    """Where a timeline label goes: right of its mark if it fits there, else left of it, else as far right as
    it fits (over its mark, but inside the picture)."""
    if at + 9 + text_width <= width:
        return "start", at + 9
    if at - 9 - text_width >= 0:
        return "end", at - 9
    return "start", max(0.0, width - text_width)


def render_article(article: Article) -> str:
    """The HTML page of one article (text with marks, claim details, panels, graph picture)."""
    return _ArticlePage(article).render()


def render_index(articles: Iterable[Article], *, top: int = 10, story: str | None = None) -> str:
    """The corpus index: per-article counts, most cited sources and most frequent actors; ``story`` is the
    relative link of the story page, when there is one."""
    articles = list(articles)
    rows = []
    for a in articles:
        share = a.anonymous_share
        bar = (f'<span class="bar-bg"><span class="bar" style="width:{round((share or 0) * 80)}px"></span></span>'
               if share is not None else "")
        rows.append(f'<tr class="article-row"><td><a href="articles/{_e(a.name)}.html">{_e(a.headline)}</a>'
                    f'<div class="small">{_e(a.published or "")}</div></td><td class="num">{len(a.actors)}</td>'
                    f'<td class="num">{len(a.events)}</td><td class="num">{len(a.claims)}</td>'
                    f'<td class="num">{bar}{_pct(share)}</td></tr>')
    cited: Counter[str] = Counter()
    cited_articles: dict[str, set[str]] = {}
    labels: dict[str, ActorInfo] = {}
    mentions: Counter[str] = Counter()
    mention_articles: dict[str, set[str]] = {}
    for a in articles:
        for c in a.claims:
            if c.speaker in a.actors:
                cited[c.speaker] += 1
                cited_articles.setdefault(c.speaker, set()).add(a.name)
        for iri, actor in a.actors.items():
            labels.setdefault(iri, actor)
            if actor.mentions:
                mentions[iri] += len(actor.mentions)
                mention_articles.setdefault(iri, set()).add(a.name)
    total_claims = sum(len(a.claims) for a in articles)
    anonymous_claims = sum(a.is_anonymous(c.speaker) for a in articles for c in a.claims)

    def ranked(counts: Counter[str], where: dict[str, set[str]], noun: str) -> str:
        items = sorted(counts.items(), key=lambda kv: (-kv[1], labels[kv[0]].label.lower(), kv[0]))[:top]
        if not items:
            return '<p class="small">none</p>'
        lis = []
        for iri, n in items:
            actor = labels[iri]
            colour, badge, _ = KIND_STYLES[actor.display_kind]
            docs = sorted(where[iri])
            lis.append(f'<li class="{"source" if noun == "claims" else "actor-row"}"><span class="badge" '
                       f'style="--k:{colour}" title="{_e(KIND_NAMES[actor.display_kind])}">{_e(badge)}</span>'
                       f'{_e(actor.label)} <span class="small">{n} {noun if n != 1 else noun[:-1]} in {len(docs)} '
                       f'article{"s" if len(docs) != 1 else ""}</span></li>')
        return f'<ol class="list">{"".join(lis)}</ol>'

    share = _pct(anonymous_claims / total_claims if total_claims else None)
    table = (f'<div class="graph-wrap"><table><thead><tr><th>Article</th><th class="num">Actors</th>'
             f'<th class="num">Events</th><th class="num">Claims</th><th class="num">Anonymous</th></tr></thead>'
             f'<tbody>{"".join(rows)}</tbody></table></div>' if rows else '<p class="small">No articles.</p>')
    body = (f'<header class="top"><h1>Knowledge graph report</h1><p class="meta">{len(articles)} '
            f'article{"s" if len(articles) != 1 else ""}, {total_claims} claims, {share} of them resting on '
            f"anonymous sources</p>"
            + (f'<p class="crumb"><a href="{_e(story)}">The story across these articles</a>: events reported by '
               f"several articles, repeated claims, who disputes whom</p>" if story else "")
            + "</header>\n"
            f'<div class="wrap"><div class="layout"><main><section class="panel" aria-labelledby="articles-h">'
            f'<h2 id="articles-h">Articles</h2>{table}</section></main>'
            f'<div class="side"><section class="panel" aria-labelledby="cited-h"><h2 id="cited-h">Most cited '
            f"sources</h2>{ranked(cited, cited_articles, 'claims')}</section>"
            f'<section class="panel" aria-labelledby="frequent-h"><h2 id="frequent-h">Most frequent actors</h2>'
            f"{ranked(mentions, mention_articles, 'mentions')}</section></div></div></div>\n"
            f"<footer>Generated by kgbuild. Edges in the article graphs: "
            f"{', '.join(EDGE_STYLES)}.</footer>")
    return _page("Knowledge graph report", body)
