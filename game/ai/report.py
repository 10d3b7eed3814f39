"""The balance report of a batch of computer-vs-computer games: a text summary, and a self-contained HTML page.

Everything is read from the batch's `Tally` (game.ai.stats: counts gathered one game at a time, so a
batch of any size costs the same) and the rule book (milestone names and historical dates); shown odds
against outcomes come from the games' flight logs (`game.ai.calibration`). The page draws its charts as
inline SVG written here, so it opens anywhere with no file, script or network beside it.
"""

from __future__ import annotations

import html
import math
from collections.abc import Iterable
from typing import Any

from game.ai import calibration
from game.ai.stats import (
    HISTORY_COLUMNS,
    NEVER,
    MilestoneStats,
    Share,
    Summary,
    Tally,
    median,
    median_counted,
    parse_date,
    quantile,
    quantile_counted,
    summarize,
    wilson,
)
from game.ai.usage import KINDS as USE_KINDS
from game.ai.usage import PackageUse
from game.engine.rules import Ruleset

__all__ = [  # the statistics live in game.ai.stats; the report's readers have long found them here
    "NEVER",
    "MilestoneStats",
    "Share",
    "Summary",
    "Tally",
    "median",
    "parse_date",
    "quantile",
    "render_html",
    "summarize",
    "text_summary",
    "wilson",
]


# ------------------------------------------------------------------------------------------------ text summary


def text_summary(s: Summary) -> str:
    rules = s.rules
    label = rules.date_label
    n = s.games
    lines = [f"{'side':<12}{'wins':>6}{'share':>8}{'95% CI':>16}{'avg prestige':>14}{'avg deaths':>12}"]
    for sh in s.sides:
        lo, hi = sh.ci
        pres = s.tally.prestige[sh.label] / max(1, n)
        deaths = s.tally.deaths[sh.label] / max(1, n)
        lines.append(f"{sh.label:<12}{sh.wins:>6}{sh.rate:>8.0%}{f'{lo:.0%}–{hi:.0%}':>16}{pres:>14.1f}{deaths:>12.2f}")
    lines.append(f"{'draw':<12}{s.draws:>6}{s.draws / max(1, n):>8.0%}")
    if s.levels:
        lines.append("")
        lines.append(f"{'level':<16}{'wins':>6}{'games':>7}{'share':>8}{'95% CI':>16}")
        for sh in s.levels:
            lo, hi = sh.ci
            lines.append(f"{sh.label:<16}{sh.wins:>6}{sh.games:>7}{sh.rate:>8.0%}{f'{lo:.0%}–{hi:.0%}':>16}")
    lines.append("")
    lines.append(f"{'milestone':<22}{'reached':>8}{'median first':>14}{'history':>10}{'off':>7}  first by")
    for m in s.milestones:
        med = label(m.median_reached) if m.median_reached < NEVER else "-"
        hist = label(m.history) if m.history is not None else "-"
        off = f"{m.off_turns / rules.settings.turns_per_year:+.1f}y" if m.off_turns is not None else ""
        who = " ".join(f"{sd}:{c}" for sd, c in m.by_side.items()) if m.reached else ""
        lines.append(f"{m.id:<22}{m.reached:>8}{med:>14}{hist:>10}{off:>7}  {who}")
    return "\n".join(lines)


# ------------------------------------------------------------------------------------------------ SVG


_PALETTE = ["#3468c4", "#c82626", "#2a9d55", "#d48a17", "#7a4fb5", "#148a9a"]


def _esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def _side_colour(rules: Ruleset, side: str, i: int) -> str:
    try:
        r, g, b = rules.side(side).color
        return f"#{r:02x}{g:02x}{b:02x}"
    except KeyError:
        return _PALETTE[i % len(_PALETTE)]


def share_chart(shares: list[Share], colours: list[str], width: int = 520) -> str:
    """Horizontal bars with 95 % Wilson whiskers and the 50 % line."""
    row, left, right = 34, 130, 60
    h = row * len(shares) + 40
    plot = width - left - right
    parts = [f'<svg viewBox="0 0 {width} {h}" width="{width}" height="{h}" role="img" class="chart">']
    for x in range(0, 101, 25):
        px = left + plot * x / 100
        parts.append(f'<line x1="{px:.1f}" y1="10" x2="{px:.1f}" y2="{h - 24}" class="grid"/>')
        parts.append(f'<text x="{px:.1f}" y="{h - 8}" class="tick" text-anchor="middle">{x}%</text>')
    mid = left + plot * 0.5
    parts.append(f'<line x1="{mid:.1f}" y1="6" x2="{mid:.1f}" y2="{h - 24}" class="fair"/>')
    for i, (sh, col) in enumerate(zip(shares, colours, strict=True)):
        y = 14 + i * row
        lo, hi = sh.ci
        parts.append(f'<text x="{left - 8}" y="{y + 15}" class="label" text-anchor="end">{_esc(sh.label)}</text>')
        parts.append(
            f'<rect x="{left}" y="{y + 3}" width="{plot * sh.rate:.1f}" height="18" fill="{col}" opacity="0.85"/>'
        )
        x0, x1 = left + plot * lo, left + plot * hi
        parts.append(f'<line x1="{x0:.1f}" y1="{y + 12}" x2="{x1:.1f}" y2="{y + 12}" class="whisker"/>')
        for xx in (x0, x1):
            parts.append(f'<line x1="{xx:.1f}" y1="{y + 6}" x2="{xx:.1f}" y2="{y + 18}" class="whisker"/>')
        parts.append(f'<text x="{left + plot + 6}" y="{y + 16}" class="value">{sh.rate:.0%}</text>')
    parts.append("</svg>")
    return "".join(parts)


def milestone_chart(s: Summary, width: int = 900) -> str:
    """One row per milestone: each game's date of the first to reach it (dots), the median (bar), the
    historical date (diamond) and the ±2 years around it (band)."""
    rules = s.rules
    tpy = rules.settings.turns_per_year
    start, end = rules.settings.start, rules.settings.end + 1
    row, left, right = 22, 170, 70
    ms = s.milestones
    h = row * len(ms) + 44
    plot = width - left - right

    def x(turn: float) -> float:
        return left + plot * (turn - start) / max(1, end - start)

    parts = [f'<svg viewBox="0 0 {width} {h}" width="{width}" height="{h}" role="img" class="chart">']
    first_year = start // tpy
    for year in range(first_year, end // tpy + 1):
        px = x(year * tpy)
        if px < left - 0.5 or px > left + plot + 0.5:
            continue
        parts.append(f'<line x1="{px:.1f}" y1="8" x2="{px:.1f}" y2="{h - 26}" class="grid"/>')
        if year % 2 == 0:
            parts.append(f'<text x="{px:.1f}" y="{h - 10}" class="tick" text-anchor="middle">{year}</text>')
    for i, m in enumerate(ms):
        y = 12 + i * row
        cy = y + row / 2
        parts.append(f'<text x="{left - 8}" y="{cy + 4:.1f}" class="label" text-anchor="end">{_esc(m.id)}</text>')
        if m.history is not None:
            a, b = x(m.history - 2 * tpy), x(m.history + 2 * tpy)
            parts.append(f'<rect x="{a:.1f}" y="{y + 3}" width="{b - a:.1f}" height="{row - 6}" class="band"/>')
        counts = m.dates
        biggest = max(counts.values(), default=1)
        for d, c in sorted(counts.items()):
            r = 1.5 + 4.5 * math.sqrt(c / biggest)
            parts.append(f'<circle cx="{x(d + 0.5):.1f}" cy="{cy:.1f}" r="{r:.1f}" class="dot"/>')
        if m.median_reached < NEVER:
            mx = x(m.median_reached + 0.5)
            parts.append(f'<line x1="{mx:.1f}" y1="{y + 2}" x2="{mx:.1f}" y2="{y + row - 2}" class="median"/>')
        if m.history is not None:
            hx = x(m.history + 0.5)
            parts.append(
                f'<path d="M{hx:.1f},{cy - 6:.1f} L{hx + 5:.1f},{cy:.1f} L{hx:.1f},{cy + 6:.1f} '
                f'L{hx - 5:.1f},{cy:.1f} Z" class="history"/>'
            )
        pct = m.reached / max(1, m.games)
        parts.append(f'<text x="{left + plot + 6}" y="{cy + 4:.1f}" class="value">{pct:.0%}</text>')
    parts.append("</svg>")
    return "".join(parts)


def series_chart(tally: Tally, column: int, title: str, width: int = 440, height: int = 240) -> str:
    """Median and 10–90 % band over the games of one `history` column (1 prestige, 2 budget, 3 cash), per side."""
    rules = tally.rules
    left, right, top, bottom = 48, 12, 16, 28
    plot_w, plot_h = width - left - right, height - top - bottom
    at = HISTORY_COLUMNS.index(column)
    per_side = {side: {t: columns[at] for t, columns in by_turn.items()} for side, by_turn in tally.history.items()}
    turns = sorted({t for d in per_side.values() for t in d})
    if not turns:
        return ""
    # Only years most games reached, so the line is not the story of a few long games.
    n = tally.games
    turns = [t for t in turns if max(sum(d.get(t, {}).values()) for d in per_side.values()) >= max(1, n // 4)]
    if not turns:
        return ""
    lo_v = min(min(quantile_counted(d.get(t, {}), 0.1) for t in turns) for d in per_side.values())
    hi_v = max(max(quantile_counted(d.get(t, {}), 0.9) for t in turns) for d in per_side.values())
    lo_v = min(0.0, lo_v)
    span = (hi_v - lo_v) or 1.0
    t0, t1 = turns[0], turns[-1]

    def x(t: float) -> float:
        return left + plot_w * (t - t0) / max(1, t1 - t0)

    def y(v: float) -> float:
        return top + plot_h * (1 - (v - lo_v) / span)

    parts = [f'<svg viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" class="chart">']
    parts.append(f'<text x="{left}" y="11" class="label">{_esc(title)}</text>')
    for k in range(5):
        v = lo_v + span * k / 4
        parts.append(f'<line x1="{left}" y1="{y(v):.1f}" x2="{left + plot_w}" y2="{y(v):.1f}" class="grid"/>')
        parts.append(f'<text x="{left - 4}" y="{y(v) + 4:.1f}" class="tick" text-anchor="end">{v:.0f}</text>')
    tpy = rules.settings.turns_per_year
    for t in turns:
        if t % (tpy * 4) == 0:
            parts.append(f'<text x="{x(t):.1f}" y="{height - 8}" class="tick" text-anchor="middle">{t // tpy}</text>')
    for i, (side, by_turn) in enumerate(
        sorted(per_side.items(), key=lambda kv: rules.side_ids.index(kv[0]) if kv[0] in rules.side_ids else 99)
    ):
        col = _side_colour(rules, side, i)
        pts = [t for t in turns if by_turn.get(t)]
        if not pts:
            continue
        upper = " ".join(f"{x(t):.1f},{y(quantile_counted(by_turn[t], 0.9)):.1f}" for t in pts)
        lower = " ".join(f"{x(t):.1f},{y(quantile_counted(by_turn[t], 0.1)):.1f}" for t in reversed(pts))
        parts.append(f'<polygon points="{upper} {lower}" fill="{col}" opacity="0.15"/>')
        line = " ".join(f"{x(t):.1f},{y(quantile_counted(by_turn[t], 0.5)):.1f}" for t in pts)
        parts.append(f'<polyline points="{line}" fill="none" stroke="{col}" stroke-width="2"/>')
        parts.append(f'<text x="{left + 6 + 60 * i}" y="{top + 12}" class="value" fill="{col}">{_esc(side)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def histogram(values: list[int], labels: list[str], colour: str, width: int = 440, height: int = 180) -> str:
    left, bottom, top = 30, 26, 10
    if not values:
        return ""
    biggest = max(values) or 1
    bw = (width - left - 10) / len(values)
    parts = [f'<svg viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" class="chart">']
    plot_h = height - top - bottom
    for i, (v, lab) in enumerate(zip(values, labels, strict=True)):
        bh = plot_h * v / biggest
        px = left + i * bw
        parts.append(
            f'<rect x="{px + 1:.1f}" y="{top + plot_h - bh:.1f}" width="{bw - 2:.1f}" height="{bh:.1f}" fill="{colour}" opacity="0.8"/>'
        )
        if len(values) <= 14 or i % 2 == 0:
            parts.append(
                f'<text x="{px + bw / 2:.1f}" y="{height - 10}" class="tick" text-anchor="middle">{_esc(lab)}</text>'
            )
        if v:
            parts.append(
                f'<text x="{px + bw / 2:.1f}" y="{top + plot_h - bh - 2:.1f}" class="tick" text-anchor="middle">{v}</text>'
            )
    parts.append("</svg>")
    return "".join(parts)


def usage_section(packages: list[PackageUse], games: int) -> str:
    """The content-use report: per package, a table of each kind's records with how often they happened,
    and what never happened, named in red."""
    out = ["<h2 id='content-use'>Content use</h2>"]
    out.append(
        f"<p class='note'>What the {games} games used of each package's content: how many times each event "
        "fired, each choice was taken and each mission launched; in how many games each side reached each "
        "milestone and researched each tech. A record belongs to every package that added or changed it.</p>"
    )
    for pkg in packages:
        counts = ", ".join(
            f"{noun} {pkg.count(kind)[0]} of {pkg.count(kind)[1]} {verb}"
            for kind, verb, noun in USE_KINDS
            if pkg.count(kind)[1]
        )
        out.append(f"<h3>{_esc(pkg.role)} {_esc(pkg.id)}</h3><p class='note'>{_esc(counts)}</p>")
        never = [(noun, verb, pkg.never[kind]) for kind, verb, noun in USE_KINDS if pkg.never.get(kind)]
        if never:
            out.append("<ul class='never'>")
            for noun, verb, ids in never:
                out.append(f"<li><span class='bad'>{_esc(noun)} never {_esc(verb)}</span>: {_esc(', '.join(ids))}</li>")
            out.append("</ul>")
        rows = []
        for kind, verb, noun in USE_KINDS:
            for u in pkg.used.get(kind, ()):
                sides = ", ".join(f"{side} {k}" for side, k in u.by_side.items())
                rows.append(
                    f"<tr><td>{_esc(noun)} {_esc(verb)}</td><td>{_esc(u.id)}</td><td>{u.times}</td>"
                    f"<td>{u.games}</td><td>{_esc(sides)}</td></tr>"
                )
        if rows:
            out.append(
                "<table><tr><th>what</th><th>id</th><th>times</th><th>games</th><th>by side</th></tr>"
                + "".join(rows)
                + "</table>"
            )
    return "\n".join(out)


# ------------------------------------------------------------------------------------------------ the page

_CSS = """
body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:2em auto;max-width:1000px;color:#222;padding:0 1em}
h1{font-size:1.5em;margin-bottom:.2em} h2{font-size:1.15em;margin-top:2em;border-bottom:1px solid #ddd;padding-bottom:.2em}
p.note{color:#555;font-size:.9em} table{border-collapse:collapse;font-size:.9em;margin:.5em 0}
td,th{padding:.25em .7em;border-bottom:1px solid #eee;text-align:right} th{background:#f6f6f6}
td:first-child,th:first-child{text-align:left} .ok{color:#18794e;font-weight:600} .bad{color:#b42318;font-weight:600}
.chart{display:block;margin:.5em 0;font-size:11px} .grid{stroke:#e4e4e4} .fair{stroke:#888;stroke-dasharray:4 3}
.tick{fill:#666;font-size:10px} .label{fill:#222;font-size:11px} .value{fill:#222;font-size:11px}
.whisker{stroke:#222;stroke-width:1.4} .dot{fill:#3468c4;opacity:.55} .median{stroke:#111;stroke-width:2.5}
.history{fill:#d48a17;stroke:#7a4a00} .band{fill:#d48a17;opacity:.13} .row{display:flex;flex-wrap:wrap;gap:1.5em}
"""


def render_html(
    rules: Ruleset,
    results: Tally | Iterable[dict[str, Any]],
    *,
    title: str,
    setup: str = "",
    targets: list[tuple[str, str, bool | None]] | None = None,
    sections: list[tuple[str, Summary]] | None = None,
    usage: list[PackageUse] | None = None,
) -> str:
    """The whole report page. `sections` adds win-rate charts of further batches (one per matchup); `usage`,
    the content-use report (`game.ai.usage.content_use`) of these games."""
    s = summarize(rules, results)
    tally = s.tally
    label = rules.date_label
    tpy = rules.settings.turns_per_year
    n = tally.games
    out: list[str] = ["<!doctype html><html lang='en'><head><meta charset='utf-8'>"]
    out.append(f"<title>{_esc(title)}</title><style>{_CSS}</style></head><body>")
    out.append(f"<h1>{_esc(title)}</h1>")
    out.append(f"<p class='note'>{_esc(setup)} — {n} games. Intervals are 95 % Wilson score intervals.</p>")
    if targets:
        out.append("<h2>Targets</h2><table><tr><th>target</th><th>measured</th><th>met?</th></tr>")
        for name, measured, met in targets:
            mark = "" if met is None else ("<span class='ok'>yes</span>" if met else "<span class='bad'>no</span>")
            out.append(f"<tr><td>{_esc(name)}</td><td>{_esc(measured)}</td><td>{mark}</td></tr>")
        out.append("</table>")
    out.append("<h2>Who wins</h2>")
    colours = [_side_colour(rules, sh.label, i) for i, sh in enumerate(s.sides)]
    out.append("<p class='note'>Win share per side (bar), its 95 % interval (whisker) and the fair 50 % (dashed).</p>")
    out.append(share_chart(s.sides, colours))
    rows = "".join(
        f"<tr><td>{_esc(sh.label)}</td><td>{sh.wins}</td><td>{sh.games}</td><td>{sh.rate:.1%}</td>"
        f"<td>{sh.ci[0]:.1%} – {sh.ci[1]:.1%}</td></tr>"
        for sh in s.sides
    )
    out.append(f"<table><tr><th>side</th><th>wins</th><th>games</th><th>share</th><th>95 % CI</th></tr>{rows}")
    out.append(
        f"<tr><td>draw</td><td>{s.draws}</td><td>{n}</td><td>{s.draws / max(1, n):.1%}</td><td></td></tr></table>"
    )
    if s.levels:
        out.append("<p class='note'>Win share per level of play, over the games it played against another level.</p>")
        out.append(share_chart(s.levels, [_PALETTE[(i + 2) % len(_PALETTE)] for i in range(len(s.levels))]))
    for heading, extra in sections or []:
        out.append(f"<h3>{_esc(heading)}</h3>")
        shares = extra.levels or extra.sides
        out.append(share_chart(shares, [_PALETTE[(i + 2) % len(_PALETTE)] for i in range(len(shares))]))
        rows = "".join(
            f"<tr><td>{_esc(sh.label)}</td><td>{sh.wins}</td><td>{sh.games}</td><td>{sh.rate:.1%}</td>"
            f"<td>{sh.ci[0]:.1%} – {sh.ci[1]:.1%}</td></tr>"
            for sh in shares
        )
        out.append(f"<table><tr><th></th><th>wins</th><th>games</th><th>share</th><th>95 % CI</th></tr>{rows}</table>")
    reasons = tally.reasons
    out.append(
        "<p class='note'>How games end: "
        + ", ".join(f"{_esc(k)} {v}" for k, v in sorted(reasons.items()))
        + f"; median end {label(median_counted(tally.ends))}.</p>"
    )
    out.append("<h2>Milestones against history</h2>")
    out.append(
        "<p class='note'>Each dot is the date a milestone was first reached (bigger: more games); the black bar is "
        "the median of the games that reached it; the diamond is the historical date and the shaded band the two "
        "years either side. The percentage is the share of games in which anyone reached it.</p>"
    )
    out.append(milestone_chart(s))
    out.append(
        "<table><tr><th>milestone</th><th>reached</th><th>median (reached)</th><th>median (all games)</th>"
        "<th>history</th><th>off by</th><th>first by</th></tr>"
    )
    for m in s.milestones:
        med = label(m.median_reached) if m.median_reached < NEVER else "never"
        med_all = label(m.median_all) if m.median_all < NEVER else "never"
        hist = (
            f"{label(m.history)} ({m.history_side})"
            if m.history is not None and m.history_side
            else (label(m.history) if m.history is not None else "-")
        )
        off = m.off_turns
        if off is None:
            off_s, cls = "", ""
        else:
            off_s = f"{off / tpy:+.1f} y"
            cls = "ok" if abs(off) <= 2 * tpy else "bad"
        who = ", ".join(f"{sd} {c}" for sd, c in m.by_side.items() if c)
        out.append(
            f"<tr><td>{_esc(m.id)}</td><td>{m.reached / max(1, n):.0%}</td><td>{med}</td><td>{med_all}</td>"
            f"<td>{_esc(hist)}</td><td class='{cls}'>{off_s}</td><td>{_esc(who)}</td></tr>"
        )
    out.append("</table>")
    out.append(calibration.section(tally.flights.calibration()))  # empty when the results carry no flights
    out.append("<h2>Deaths</h2><div class='row'>")
    for i, side in enumerate(rules.side_ids):
        died = tally.death_counts[side]
        top = max(died, default=0)
        counts = [died.get(k, 0) for k in range(top + 1)]
        out.append(
            f"<div><p class='note'>{_esc(side)}: crew lost per game (mean {tally.deaths[side] / max(1, n):.2f})</p>"
            + histogram(counts, [str(k) for k in range(top + 1)], _side_colour(rules, side, i))
            + "</div>"
        )
    out.append("</div>")
    out.append("<h2>Budgets and prestige over time</h2>")
    out.append(
        "<p class='note'>Median (line) and the middle 80 % of games (band), at the start of each year.</p><div class='row'>"
    )
    out.append(series_chart(tally, 2, "yearly budget"))
    out.append(series_chart(tally, 1, "prestige"))
    out.append(series_chart(tally, 3, "cash in hand"))
    out.append("</div>")
    if usage is not None:
        out.append(usage_section(usage, n))
    out.append("<h2>End dates</h2>")
    by_year: dict[int, int] = {}
    for end, games in tally.ends.items():
        by_year[end // tpy] = by_year.get(end // tpy, 0) + games
    years = sorted(by_year)
    if years:
        span = list(range(years[0], years[-1] + 1))
        out.append(histogram([by_year.get(y, 0) for y in span], [str(y) for y in span], "#555", width=600))
    out.append("</body></html>")
    return "\n".join(out)
