"""The article's graph as an inline SVG picture, laid out in pure Python (deterministic).

Four layers, left to right: sources (hexagons), claims (diamonds), events (rectangles) and the
other actors (circles). Within a layer, nodes are ordered by a few barycentre sweeps to reduce
crossings; ties keep text order. Mentions are left out; only claims, their speakers and
reporters, events with participants and the actors they involve are drawn.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from kgbuild.report.data import Article

__all__ = ["EDGE_STYLES", "KIND_STYLES", "graph_svg", "short"]

# kind -> (colour, badge letter, underline style)
KIND_STYLES: dict[str, tuple[str, str, str]] = {
    "Person": ("#2563eb", "P", "solid"),
    "Organization": ("#7c3aed", "O", "double"),
    "GPE": ("#047857", "G", "dotted"),
    "Location": ("#a16207", "L", "dashed"),
    "Group": ("#be185d", "Gr", "dashed"),
    "Anonymous": ("#c2410c", "?", "dotted"),
    "Other": ("#4b5563", "•", "solid"),
}
# edge label -> (colour, dash pattern, width, opacity)
EDGE_STYLES: dict[str, tuple[str, str, float, float]] = {
    "saidBy": ("#111827", "", 1.6, 0.9),
    "reportedBy": ("#111827", "6 3", 1.2, 0.8),
    "hasAgent": ("#15803d", "", 1.4, 0.85),
    "hasPatient": ("#b91c1c", "", 1.4, 0.85),
    "hasRecipient": ("#7c3aed", "", 1.4, 0.85),
    "hasPlace": ("#0369a1", "2 3", 1.4, 0.85),
    "hasParticipant": ("#6b7280", "", 1.0, 0.7),
    "about": ("#6366f1", "1 3", 1.0, 0.55),
}
CLAIM_COLOUR, EVENT_COLOUR = "#4338ca", "#d97706"
ROLE_EDGES = {"agent": "hasAgent", "patient": "hasPatient", "recipient": "hasRecipient", "place": "hasPlace",
              "participant": "hasParticipant"}
COLUMNS = ("source", "claim", "event", "actor")
COLUMN_X = {"source": 215, "claim": 455, "event": 775, "actor": 1045}
WIDTH, ROW, TOP, LEGEND_H = 1240, 30, 96, 70


@dataclass
class _Node:
    key: str
    column: str
    label: str
    title: str
    colour: str
    badge: str = ""
    order: float = 0.0
    y: float = 0.0


def short(text: str, limit: int = 30) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] if " " in text[: limit - 1] else text[: limit - 1]
    return cut.rstrip(",;:.") + "…"


def _text_width(text: str) -> float:
    """Rough width of ``text`` at 12 px in a sans-serif font (layout only needs an estimate)."""
    return sum(3.4 if ch in "iljtf.,:;'’ |!" else 8.6 if ch in "MWmw" else 6.6 for ch in text)


def _nodes_and_edges(article: Article) -> tuple[dict[str, _Node], list[tuple[str, str, str]]]:
    nodes: dict[str, _Node] = {}
    edges: list[tuple[str, str, str]] = []

    def actor_node(iri: str, column: str) -> str:
        key = f"a:{iri}"
        if key not in nodes:
            actor = article.actors.get(iri)
            kind = actor.display_kind if actor else "Other"
            colour, badge, _ = KIND_STYLES.get(kind, KIND_STYLES["Other"])
            label = actor.label if actor else iri.rsplit("/", 1)[-1]
            nodes[key] = _Node(key, column, short(label, 28), f"{kind}: {label}", colour, badge,
                               order=len(nodes))
        return key

    sources = set(article.sources)
    for claim in article.claims:
        key = f"c:{claim.iri}"
        nodes[key] = _Node(key, "claim", f"C{claim.number} {short(claim.text, 26)}",
                           f"Claim C{claim.number}: {claim.text}", CLAIM_COLOUR, order=claim.number)
        if claim.speaker:
            edges.append((key, actor_node(claim.speaker, "source"), "saidBy"))
        for link in claim.chain:
            if link.position > 0:
                edges.append((key, actor_node(link.agent, "source"), "reportedBy"))
    events = [e for e in article.events if e.participants]
    for event in events:
        key = f"e:{event.iri}"
        nodes[key] = _Node(key, "event", f"E{event.number} {short(event.lemma, 18)} · {event.kind}",
                           f"Event E{event.number}: {event.lemma} ({event.kind}, {event.modality})",
                           EVENT_COLOUR, order=event.number)
        for role, iri in event.participants:
            edges.append((key, actor_node(iri, "source" if iri in sources else "actor"), ROLE_EDGES[role]))
    for claim in article.claims:
        for iri in claim.about:
            if f"e:{iri}" in nodes:
                edges.append((f"c:{claim.iri}", f"e:{iri}", "about"))
            elif iri in article.actors:
                edges.append((f"c:{claim.iri}", actor_node(iri, "source" if iri in sources else "actor"), "about"))
    return nodes, sorted(set(edges))


def _order(nodes: dict[str, _Node], edges: list[tuple[str, str, str]]) -> dict[str, list[_Node]]:
    """Barycentre sweeps: each layer sorted by the mean rank of its neighbours in the others."""
    columns = {c: sorted((n for n in nodes.values() if n.column == c), key=lambda n: (n.order, n.key))
               for c in COLUMNS}
    neighbours: dict[str, list[str]] = {k: [] for k in nodes}
    for a, b, _ in edges:
        neighbours[a].append(b)
        neighbours[b].append(a)

    def rank() -> dict[str, float]:
        return {n.key: (i + 0.5) / len(col) for col in columns.values() for i, n in enumerate(col)}

    for sweep in range(6):
        for column in (("source", "event", "actor") if sweep % 2 == 0 else ("event", "actor", "claim")):
            ranks = rank()
            col = columns[column]
            keyed = []
            for i, n in enumerate(col):
                near = [ranks[m] for m in neighbours[n.key]]
                keyed.append((sum(near) / len(near) if near else ranks[n.key], i, n))
            columns[column] = [n for _, _, n in sorted(keyed, key=lambda t: (round(t[0], 9), t[1]))]
    return columns


def _hexagon(x: float, y: float, r: float) -> str:
    pts = [(x - r, y), (x - r / 2, y - r * 0.87), (x + r / 2, y - r * 0.87), (x + r, y),
           (x + r / 2, y + r * 0.87), (x - r / 2, y + r * 0.87)]
    return " ".join(f"{px:.1f},{py:.1f}" for px, py in pts)


def _shape(node: _Node, x: float, y: float) -> str:
    fill = node.colour
    if node.column == "source":
        return f'<polygon points="{_hexagon(x, y, 11)}" fill="{fill}"/>'
    if node.column == "claim":
        points = f"{x:.1f},{y - 10:.1f} {x + 10:.1f},{y:.1f} {x:.1f},{y + 10:.1f} {x - 10:.1f},{y:.1f}"
        return f'<polygon points="{points}" fill="{fill}"/>'
    if node.column == "event":
        return f'<rect x="{x - 11:.1f}" y="{y - 8:.1f}" width="22" height="16" rx="3" fill="{fill}"/>'
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="10" fill="{fill}"/>'


def _legend() -> str:
    parts = ['<g class="legend" font-size="12">']
    shapes = (("source", "#374151", "source (speaker, reporter)"), ("claim", CLAIM_COLOUR, "claim"),
              ("event", EVENT_COLOUR, "event"), ("actor", "#374151", "actor"))
    x = 20.0
    for column, colour, text in shapes:
        parts.append(_shape(_Node("", column, "", "", colour), x + 10, 22))
        parts.append(f'<text x="{x + 26:.0f}" y="26">{escape(text)}</text>')
        x += 44 + 7.0 * len(text)
    for kind, (colour, badge, _) in KIND_STYLES.items():
        parts.append(f'<circle cx="{x + 9:.0f}" cy="22" r="9" fill="{colour}"/>'
                     f'<text x="{x + 9:.0f}" y="26" class="badge">{escape(badge)}</text>'
                     f'<text x="{x + 22:.0f}" y="26">{escape(kind)}</text>')
        x += 34 + 7.0 * len(kind)
    x = 20.0
    for label, (colour, dash, width, _) in EDGE_STYLES.items():
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        parts.append(f'<line x1="{x:.0f}" y1="52" x2="{x + 34:.0f}" y2="52" stroke="{colour}" '
                     f'stroke-width="{width + 0.6}"'
                     f'{dash_attr} marker-end="url(#arrow-{label})"/>'
                     f'<text x="{x + 42:.0f}" y="56">{escape(label)}</text>')
        x += 60 + 7.0 * len(label)
    parts.append("</g>")
    return "".join(parts)


def graph_svg(article: Article) -> str:
    """An ``<svg>`` element (no external references) picturing the article's graph."""
    nodes, edges = _nodes_and_edges(article)
    columns = _order(nodes, edges)
    rows = max([len(col) for col in columns.values()] + [1])
    height = TOP + rows * ROW + 20
    for col in columns.values():
        step = rows * ROW / max(len(col), 1)
        for i, node in enumerate(col):
            node.y = TOP + 10 + (i + 0.5) * step
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" '
           f'height="{height}" role="img" aria-labelledby="graph-title graph-desc" class="graph" '
           f'font-family="system-ui, sans-serif">',
           f'<title id="graph-title">Graph of “{escape(article.headline)}”</title>',
           f'<desc id="graph-desc">{sum(n.column == "claim" for n in nodes.values())} claims, '
           f'{sum(n.column == "source" for n in nodes.values())} sources, '
           f'{sum(n.column == "event" for n in nodes.values())} events and '
           f'{sum(n.column == "actor" for n in nodes.values())} other actors, with their links.</desc>',
           "<defs>"]
    for label, (colour, _, _, _) in EDGE_STYLES.items():
        out.append(f'<marker id="arrow-{label}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
                   f'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="{colour}"/>'
                   "</marker>")
    out.append("</defs>")
    out.append("<style>.badge{font-size:10px;font-weight:700;fill:#fff;text-anchor:middle}"
               ".label{fill:#111827;paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}"
               ".colhead{font-weight:700;font-size:14px;text-anchor:middle;fill:#111827}</style>")
    out.append('<rect width="100%" height="100%" fill="#fff"/>')
    out.append(_legend())
    headings = {"source": "Sources", "claim": "Claims", "event": "Events", "actor": "Actors"}
    for column in COLUMNS:
        out.append(f'<text x="{COLUMN_X[column]}" y="{TOP - 4}" class="colhead">{headings[column]} '
                   f'({len(columns[column])})</text>')
    out.append('<g class="edges" fill="none">')
    for a, b, label in sorted(edges, key=lambda e: (list(EDGE_STYLES).index(e[2]) * -1, e)):
        na, nb = nodes[a], nodes[b]
        x1, y1, x2, y2 = COLUMN_X[na.column], na.y, COLUMN_X[nb.column], nb.y
        sign = 1 if x2 > x1 else -1
        # rightward edges leave after the label (labels sit right of the node), leftward ones from the node
        x1 = x1 + 15 + _text_width(na.label) + 4 if sign > 0 and na.column != "source" else x1 + 12 * sign
        x2 = x2 - 13 * sign
        mid = (x1 + x2) / 2
        colour, dash, width, opacity = EDGE_STYLES[label]
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        out.append(f'<path d="M{x1:.1f},{y1:.1f} C{mid:.1f},{y1:.1f} {mid:.1f},{y2:.1f} {x2:.1f},{y2:.1f}" '
                   f'stroke="{colour}" stroke-width="{width}" stroke-opacity="{opacity}"{dash_attr} '
                   f'marker-end="url(#arrow-{label})" class="edge {label}"><title>{escape(na.title)} '
                   f'—{label}→ {escape(nb.title)}</title></path>')
    out.append("</g>")
    out.append('<g class="nodes" font-size="12">')
    for column in COLUMNS:
        x = COLUMN_X[column]
        for node in columns[column]:
            anchor, lx = ("end", x - 16) if column == "source" else ("start", x + 15)
            badge = (f'<text x="{x}" y="{node.y + 4:.1f}" class="badge">{escape(node.badge)}</text>'
                     if node.badge else "")
            out.append(f'<g class="node n-{column}"><title>{escape(node.title)}</title>{_shape(node, x, node.y)}{badge}'
                       f'<text x="{lx}" y="{node.y + 4:.1f}" text-anchor="{anchor}" class="label">'
                       f"{escape(node.label)}</text></g>")
    out.append("</g></svg>")
    return "\n".join(out)
