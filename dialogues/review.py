"""The review pack: static HTML pages a clinician reads, one per flow, with an index."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from html import escape
from pathlib import Path

from dialogues.approval import Status, status
from dialogues.bubbles import node_messages
from dialogues.diagram import svg
from dialogues.library import END, Library, content_hash
from dialogues.problems import Problem
from dialogues.schema import Action, Condition, Flow, Node
from dialogues.validate import reading_grade

LEGEND = (
    "Blue: waits for the person · grey: goes on at once · green: end · yellow: another "
    "flow. Arrows to the topics menu are left out."
)
STATUS_WORDS = {"draft": "draft", "approved": "approved", "changed": "CHANGED SINCE APPROVAL"}
CSS = """
body{font:16px/1.45 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;
color:#1d2330}a{color:#2456a6}table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #dde;padding:.4rem;text-align:left;vertical-align:top}
.status{font-weight:600;padding:.1rem .5rem;border-radius:.6rem}.draft{background:#eee}
.approved{background:#d9f2df}.changed{background:#ffd9d2;color:#8a1c0a}
.node{border:1px solid #dde;border-radius:.7rem;padding:.6rem 1rem;margin:1rem 0}
.node h3{margin:.2rem 0 .5rem;font-size:1rem}.kind{color:#667;font-weight:400}
.chat{background:#eef3f8;border-radius:.7rem;padding:.6rem;max-width:32rem}
.bubble{background:#fff;border-radius:.9rem .9rem .9rem .2rem;padding:.45rem .75rem;
margin:.3rem 0;white-space:pre-wrap;box-shadow:0 1px 1px #ccd}
.buttons{display:flex;flex-wrap:wrap;gap:.3rem;margin-top:.3rem}
.button{border:1px solid #9ab;border-radius:.5rem;padding:.2rem .6rem;background:#f8fbff;
font-size:.9rem}.ways,.actions{margin:.5rem 0 0;padding-left:1.2rem}
.meta td:first-child{width:11rem}
.problem{color:#8a1c0a}.map{overflow-x:auto;border:1px solid #eee;border-radius:.5rem}
"""


def write_pack(library: Library, out: Path, *, problems: Sequence[Problem] = ()) -> list[Path]:
    """Write index.html and one page per flow into `out`; return the paths written."""
    out.mkdir(parents=True, exist_ok=True)
    pages = [out / "index.html"]
    pages[0].write_text(index_page(library, problems), encoding="utf-8")
    for flow_id in sorted(library.flows):
        path = out / f"{flow_id}.html"
        path.write_text(flow_page(library, library.flows[flow_id], problems), encoding="utf-8")
        pages.append(path)
    return pages


def index_page(library: Library, problems: Sequence[Problem] = ()) -> str:
    """Every flow with its area, version, review status and reading level."""
    rows = []
    for flow_id in sorted(library.flows):
        flow = library.flows[flow_id]
        rows.append(
            f'<tr><td><a href="{escape(flow_id)}.html">{escape(flow.title)}</a><br>'
            f"<small>{escape(flow_id)}</small></td><td>{escape(flow.area)}</td>"
            f"<td>{flow.version}</td><td>{_status(flow)}</td><td>{len(flow.nodes)}</td>"
            f"<td>{reading_grade(flow):.1f}</td></tr>"
        )
    body = (
        "<h1>Waypoint conversations: review pack</h1>"
        "<p>Each page shows a flow as the person will read it, where every button leads, "
        "and what is kept. Approve a flow with <code>python -m dialogues approve FLOW "
        '--reviewer "Name, role"</code>.</p>'
        "<table><tr><th>Flow</th><th>Area</th><th>Version</th><th>Review</th><th>Nodes</th>"
        f"<th>Reading grade</th></tr>{''.join(rows)}</table>{_problems(problems)}"
    )
    return page("Waypoint review pack", body)


def flow_page(library: Library, flow: Flow, problems: Sequence[Problem] = ()) -> str:
    """One flow: metadata, map, then every node as it reads in the chat."""
    review = flow.review
    reviewers = ", ".join(f"{r.name} ({r.role})" for r in review.reviewers) or "none yet"
    meta = [
        ("Area", escape(flow.area)),
        ("Version", str(flow.version)),
        ("Review", _status(flow)),
        ("Reviewers", escape(reviewers)),
        ("Approved on", escape(str(review.date or "—"))),
        ("Review note", escape(review.note or "—")),
        ("Content hash", f"<code>{escape(content_hash(flow))}</code>"),
        ("Approved hash", f"<code>{escape(review.approved_hash or '—')}</code>"),
        ("Reading grade", f"{reading_grade(flow):.1f} (Flesch–Kincaid; aim for 7 or below)"),
        ("Fields it touches", _fields(library, flow)),
        ("Starts at", f'<a href="#n-{escape(flow.start)}">{escape(flow.start)}</a>'),
    ]
    own = [p for p in problems if p.file == library.file(flow.id)]
    body = (
        f'<p><a href="index.html">← all flows</a></p><h1>{escape(flow.title)}</h1>'
        '<table class="meta">'
        + "".join(f"<tr><td>{k}</td><td>{v}</td></tr>" for k, v in meta)
        + f"</table>{_problems(own)}<h2>Map</h2><p><small>{LEGEND}</small></p>"
        f'<div class="map">{svg(library, flow)}</div>'
        "<h2>Every node</h2>"
        + "".join(_node(library, flow, node_id, node) for node_id, node in flow.nodes.items())
        + '<p id="end"><em>end</em>: the conversation rests; the person can type /topics.</p>'
    )
    return page(f"{flow.title}: Waypoint review", body)


def page(title: str, body: str) -> str:
    """A whole review page around `body`, in the pack's style."""
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{escape(title)}'
        f'</title><meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<style>{CSS}</style></head><body>{body}</body></html>\n"
    )


def _status(flow: Flow) -> str:
    return status_badge(status(flow))


def status_badge(state: Status) -> str:
    """A review status as the pack shows it: draft, approved, CHANGED SINCE APPROVAL."""
    return f'<span class="status {state}">{STATUS_WORDS[state]}</span>'


def _problems(problems: Sequence[Problem]) -> str:
    if not problems:
        return ""
    items = "".join(f'<li class="problem">{escape(str(p))}</li>' for p in problems)
    return f"<h2>Problems the validator found</h2><ul>{items}</ul>"


def _node(library: Library, flow: Flow, node_id: str, node: Node) -> str:
    kind = next(iter(node.ways_on), "no way on")
    messages = node_messages(flow.id, node_id, node)
    chat = "".join(f'<p class="bubble">{escape(m.text)}</p>' for m in messages)
    buttons = messages[-1].buttons if messages else ()
    if buttons:
        chat += (
            '<div class="buttons">'
            + "".join(f'<span class="button">{escape(b.label)}</span>' for b in buttons)
            + "</div>"
        )
    ways = "".join(f"<li>{w}</li>" for w in _ways(library, flow, node))
    actions = "".join(f"<li>{escape(_action(library, a))}</li>" for a in node.do)
    return (
        f'<section class="node" id="n-{escape(node_id)}"><h3>{escape(node_id)} '
        f'<span class="kind">· {escape(kind)}</span></h3>'
        + (f'<div class="chat">{chat}</div>' if chat else "<p><em>(says nothing)</em></p>")
        + (
            f'<p>When entered, after the bubbles:</p><ul class="actions">{actions}</ul>'
            if actions
            else ""
        )
        + (f'<ul class="ways">{ways}</ul>' if ways else "")
        + "</section>"
    )


def _ways(library: Library, flow: Flow, node: Node) -> Iterator[str]:
    def go(target: str) -> str:
        return _link(library, flow, target)

    if node.listing is not None:
        listing = node.listing
        which = "hidden " if listing.hidden else ""
        yield (
            f"One of their {which}kept {escape(_label(library, listing.field))}, each a button "
            f"(held as <code>{escape(listing.var)}</code>) → {go(listing.to)}"
        )
    for choice in node.choices or ():
        also = f" (also: {escape(', '.join(choice.synonyms))})" if choice.synonyms else ""
        if choice.worries:
            also += f" (worries it answers: {escape(', '.join(choice.worries))})"
        saves = ""
        if choice.hold is not None:
            held, var = escape(choice.hold.value), escape(choice.hold.var)
            saves = f" · holds “{held}” as <code>{var}</code>"
        if choice.collect is not None:
            held, var = escape(choice.collect.value), escape(choice.collect.var)
            saves = f" · adds “{held}” to <code>{var}</code>"
        if choice.save is not None:
            saves = (
                f" · keeps “{escape(choice.save.value)}” in "
                f"{escape(_label(library, choice.save.field))}"
            )
        yield f"“{escape(choice.label)}”{also} → {go(choice.to)}{saves}"
    if node.ask is not None:
        ask = node.ask
        kept = (
            f"kept in {escape(_label(library, ask.field))}"
            if ask.field
            else f"kept as <code>{escape(str(ask.var))}</code> for this conversation"
        )
        yield f"Typed answer ({kept}) → {go(ask.then)}"
        yield f"“{escape(ask.skip)}” (skip) → {go(ask.skip_to or ask.then)}"
    if node.scale is not None:
        sc = node.scale
        var = f" as <code>{escape(sc.var)}</code>" if sc.var else ""
        rate = f"; rates the last {escape(_label(library, sc.rate))} entry" if sc.rate else ""
        yield f"A number {sc.min}–{sc.max}{var}{rate} → {go(sc.then)}"
    if node.next is not None:
        yield f"Goes on at once → {go(node.next)}"
    for arm in node.branch or ():
        when = "otherwise" if arm.if_ is None else f"if {_condition(library, arm.if_)}"
        yield f"{escape(when)} → {go(arm.target)}"
    if node.end:
        yield 'The conversation rests (<a href="#end">end</a>).'


def _link(library: Library, flow: Flow, target: str) -> str:
    where = library.resolve(flow.id, target)
    if where is None:
        return f'<span class="problem">{escape(target)} (does not resolve)</span>'
    if where == END:
        return '<a href="#end">end</a>'
    other, node = where
    href = f"#n-{node}" if other == flow.id else f"{other}.html#n-{node}"
    text = node if other == flow.id else f"{library.flows[other].title}: {node}"
    return f'<a href="{escape(href)}">{escape(text)}</a>'


def _label(library: Library, field_name: str | None) -> str:
    spec = library.fields.get(field_name or "")
    return f"“{spec.label}”" if spec else f"“{field_name}”"


def _condition(library: Library, cond: Condition) -> str:
    if cond.hidden is not None:
        return f"they have hidden something in {_label(library, cond.hidden)}"
    if cond.has is not None:
        return f"they have kept something in {_label(library, cond.has)}"
    if cond.fact is not None:
        return f"{cond.fact.replace('_', ' ')} is {'yes' if cond.is_ else 'no'}"
    if cond.mentions is not None:
        return f"{cond.var} mentions any of: {', '.join(cond.mentions)}"
    if cond.at_least is not None:
        return f"{cond.var} is at least {cond.at_least}"
    if cond.at_most is not None:
        return f"{cond.var} is at most {cond.at_most}"
    return f"{cond.var} is “{cond.is_}”"


def _action(library: Library, action: Action) -> str:
    if action.show == "crisis_lines":
        return "Shows the crisis lines for their country."
    if action.show is not None:
        return f"Shows their kept {_label(library, action.show)}."
    if action.lines is not None:
        kinds = ", ".join(kind.replace("_", " ") for kind in action.lines)
        return f"Shows their country's lines of these kinds: {kinds} (the emergency number first)."
    if action.keep is not None:
        return f"Keeps what they typed ({action.keep.var}) in {_label(library, action.keep.field)}."
    if action.schedule_checkback is not None:
        return f"Sends a discreet check-back in {action.schedule_checkback.minutes} minutes."
    if action.open is not None:
        return {
            "country": "Lets them pick their country.",
            "checkins": "Opens the check-in settings.",
        }[action.open]
    if action.consent is not None:
        return "Records that they agreed to Waypoint keeping their things."
    if action.forget is not None:
        return f"Clears their kept {_label(library, action.forget)}."
    if action.drop is not None:
        kept = _label(library, action.drop.field)
        return f"Takes the one in {action.drop.var} out of their {kept}."
    if action.hide is not None:
        kept = _label(library, action.hide.field)
        return f"Hides the one in {action.hide.var} from suggestions (still in their {kept})."
    if action.unhide is not None:
        kept = _label(library, action.unhide.field)
        return f"Suggests the one in {action.unhide.var} from their {kept} again."
    if action.copy_ is not None:
        return "Sends a picture and a text copy of their safety plan, to keep outside Waypoint."
    return "Keeps today's check-in (mood, urge and note from this conversation)."


def _fields(library: Library, flow: Flow) -> str:
    touched: dict[str, set[str]] = {}
    for node in flow.nodes.values():
        for choice in node.choices or ():
            if choice.save:
                touched.setdefault(choice.save.field, set()).add("saves")
        if node.ask and node.ask.field:
            touched.setdefault(node.ask.field, set()).add("saves")
        if node.listing is not None:
            touched.setdefault(node.listing.field, set()).add("lists")
        if node.scale and node.scale.rate:
            touched.setdefault(node.scale.rate, set()).add("rates")
        for action in node.do:
            if action.keep is not None:
                touched.setdefault(action.keep.field, set()).add("saves")
            if action.drop is not None:
                touched.setdefault(action.drop.field, set()).add("removes")
            for hides in (action.hide, action.unhide):
                if hides is not None:
                    touched.setdefault(hides.field, set()).add("hides")
            for name, verb in ((action.show, "shows"), (action.forget, "clears")):
                if name and name != "crisis_lines":
                    touched.setdefault(name, set()).add(verb)
    if not touched:
        return "none"
    return "; ".join(
        f"{escape(_label(library, name))} ({', '.join(sorted(verbs))})"
        for name, verbs in sorted(touched.items())
    )
