"""Shown odds against outcomes: the launches of simulate's flight logs grouped by the odds they were shown.

If the odds a player is shown are the odds the dice use, then over many launches the share that
counted (a success or a partial success: the mission's milestones and prestige are earned either
way) matches the shown chance of counting, `success + partial`, and the crews lost match the sum of
the shown `crew_lost` odds. Issue 10 states the targets, checked here from the `flights` of each
game (see schemas/simulate.schema.json):

- launches are grouped in 10-point bands of shown chance to count (0–10 %, ..., 90–100 %); in every
  band with at least `MIN_LAUNCHES` launches, the realised rate is within `BAND_SLACK` (3 points)
  plus `Z` (2.5) standard errors of the band's mean shown chance;
- crews lost in flight are within `CREW_SLACK` (10 %) of the sum of the shown `crew_lost` odds,
  plus `Z` standard errors.

A standard error here is the spread the realised figure would have if every launch's outcome were
drawn at exactly its shown odds: for a band of n launches with shown chances p, sqrt(sum p(1-p)) / n;
for crews, sqrt(sum q(1-q)) over the shown crew-loss chances q.
"""

from __future__ import annotations

import html
import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

BAND_POINTS = 10  # width of a band of shown odds, in percentage points
MIN_LAUNCHES = 50  # a band with fewer launches is shown but not checked
BAND_SLACK = 0.03  # 3 points...
CREW_SLACK = 0.10  # ...or 10 % of the crews expected lost...
Z = 2.5  # ...plus this many standard errors
COUNTED = ("success", "partial")  # the results with which a mission counts


@dataclass(frozen=True, slots=True)
class Band:
    """The launches shown between `low` and `low + BAND_POINTS` percent chance to count."""

    low: int  # percent
    launches: int
    shown: float  # mean shown chance to count
    realised: float  # share of them that counted
    se: float  # standard error of `realised` if the dice use the shown odds

    @property
    def allowed(self) -> float:
        return BAND_SLACK + Z * self.se

    @property
    def met(self) -> bool | None:
        """Within bounds; None when the band has too few launches to say."""
        if self.launches < MIN_LAUNCHES:
            return None
        return abs(self.realised - self.shown) <= self.allowed

    @property
    def label(self) -> str:
        return f"{self.low}–{self.low + BAND_POINTS} %"


@dataclass(frozen=True, slots=True)
class CrewLosses:
    expected: float  # sum of the shown crew_lost odds
    lost: int  # launches that lost their crew
    se: float

    @property
    def allowed(self) -> float:
        return CREW_SLACK * self.expected + Z * self.se

    @property
    def met(self) -> bool:
        return abs(self.lost - self.expected) <= self.allowed


@dataclass(frozen=True, slots=True)
class Calibration:
    launches: int
    bands: tuple[Band, ...]  # every band, empty ones included, lowest first
    crews: CrewLosses


def calibrate(results: Iterable[dict[str, Any]]) -> Calibration:
    """Shown against realised over the `flights` of every game (results as `GameResult.to_dict` writes them)."""
    bands = 100 // BAND_POINTS
    n = [0] * bands
    shown = [0.0] * bands
    counted = [0] * bands
    variance = [0.0] * bands
    expected = crew_variance = 0.0
    lost = launches = 0
    for game in results:
        for flight in game.get("flights", ()):
            odds = flight["odds"]
            p = odds["success"] + odds["partial"]
            # Bands by whole thousandths, so that a chance of exactly 0.3 falls in 30–40 % whatever the float.
            b = min(bands - 1, round(p * 1000) // (BAND_POINTS * 10))
            n[b] += 1
            shown[b] += p
            variance[b] += p * (1 - p)
            counted[b] += flight["result"] in COUNTED
            q = odds["crew_lost"]
            expected += q
            crew_variance += q * (1 - q)
            lost += flight["result"] == "crew_lost"
            launches += 1
    out = tuple(
        Band(
            b * BAND_POINTS,
            n[b],
            shown[b] / n[b] if n[b] else 0.0,
            counted[b] / n[b] if n[b] else 0.0,
            math.sqrt(variance[b]) / n[b] if n[b] else 0.0,
        )
        for b in range(bands)
    )
    return Calibration(launches, out, CrewLosses(expected, lost, math.sqrt(crew_variance)))


def target_rows(c: Calibration) -> list[tuple[str, str, bool | None]]:
    """The calibration's rows of the balance targets table: (target, measured, met or None)."""
    rows: list[tuple[str, str, bool | None]] = []
    for band in c.bands:
        if not band.launches:
            continue
        target = f"launches shown {band.label} to count (success or partial): realised within 3 points + 2.5 SE"
        if band.met is None:
            rows.append((target, f"{band.launches} launches: fewer than {MIN_LAUNCHES}, not checked", None))
            continue
        measured = (
            f"{band.launches} launches, shown {band.shown:.1%}, realised {band.realised:.1%} "
            f"(off {100 * (band.realised - band.shown):+.1f} points, allowed ±{100 * band.allowed:.1f})"
        )
        rows.append((target, measured, band.met))
    cr = c.crews
    rows.append(
        (
            "crews lost in flight within 10 % + 2.5 SE of the shown crew_lost odds",
            f"{cr.lost} lost, {cr.expected:.1f} shown (off {cr.lost - cr.expected:+.1f}, allowed ±{cr.allowed:.1f})",
            cr.met,
        )
    )
    return rows


# ------------------------------------------------------------------------------------------------ the report


def chart(c: Calibration, size: int = 360) -> str:
    """Realised against shown, one dot per band (bigger: more launches) with its allowed range, and the diagonal."""
    pad = 40  # left and bottom, for the ticks
    plot = size - pad - 12

    def x(p: float) -> float:
        return pad + plot * p

    def y(p: float) -> float:
        return 10 + plot * (1 - p)

    parts = [f'<svg viewBox="0 0 {size} {size}" width="{size}" height="{size}" role="img" class="chart">']
    for k in range(0, 101, 20):
        v = k / 100
        parts.append(f'<line x1="{x(v):.1f}" y1="{y(0):.1f}" x2="{x(v):.1f}" y2="{y(1):.1f}" class="grid"/>')
        parts.append(f'<line x1="{x(0):.1f}" y1="{y(v):.1f}" x2="{x(1):.1f}" y2="{y(v):.1f}" class="grid"/>')
        parts.append(f'<text x="{x(v):.1f}" y="{y(0) + 14:.1f}" class="tick" text-anchor="middle">{k}%</text>')
        parts.append(f'<text x="{x(0) - 4:.1f}" y="{y(v) + 4:.1f}" class="tick" text-anchor="end">{k}%</text>')
    parts.append(f'<line x1="{x(0):.1f}" y1="{y(0):.1f}" x2="{x(1):.1f}" y2="{y(1):.1f}" class="fair"/>')
    parts.append(f'<text x="{x(1):.1f}" y="{y(0) + 28:.1f}" class="label" text-anchor="end">shown →</text>')
    parts.append(f'<text x="{x(0) + 4:.1f}" y="{y(1) + 12:.1f}" class="label">↑ realised</text>')
    biggest = max((b.launches for b in c.bands), default=1) or 1
    for b in c.bands:
        if not b.launches:
            continue
        lo, hi = max(0.0, b.shown - b.allowed), min(1.0, b.shown + b.allowed)
        parts.append(
            f'<line x1="{x(b.shown):.1f}" y1="{y(lo):.1f}" x2="{x(b.shown):.1f}" y2="{y(hi):.1f}" class="whisker"/>'
        )
        r = 2 + 6 * math.sqrt(b.launches / biggest)
        colour = "#18794e" if b.met else "#b42318" if b.met is False else "#999"
        parts.append(f'<circle cx="{x(b.shown):.1f}" cy="{y(b.realised):.1f}" r="{r:.1f}" fill="{colour}"/>')
    parts.append("</svg>")
    return "".join(parts)


def section(c: Calibration) -> str:
    """The report's section: what was checked, the chart and the table of bands."""
    if not c.launches:
        return ""
    out = [
        "<h2>Shown odds against outcomes</h2>",
        "<p class='note'>Every launch of the flight log, grouped by the chance it was shown at the end of "
        "planning that the mission would count (success or partial success), against the share that did. "
        "A dot is a band (bigger: more launches), the whisker the range allowed around its mean shown chance "
        f"(3 points plus 2.5 standard errors; bands of fewer than {MIN_LAUNCHES} launches, grey, are not "
        "checked), the dashed line where shown and realised agree.</p>",
        chart(c),
        "<table><tr><th>shown chance to count</th><th>launches</th><th>mean shown</th><th>realised</th>"
        "<th>allowed</th><th>met?</th></tr>",
    ]
    for b in c.bands:
        if not b.launches:
            continue
        mark = "" if b.met is None else ("<span class='ok'>yes</span>" if b.met else "<span class='bad'>no</span>")
        out.append(
            f"<tr><td>{html.escape(b.label)}</td><td>{b.launches}</td><td>{b.shown:.1%}</td><td>{b.realised:.1%}</td>"
            f"<td>±{100 * b.allowed:.1f} points</td><td>{mark}</td></tr>"
        )
    cr = c.crews
    mark = "<span class='ok'>yes</span>" if cr.met else "<span class='bad'>no</span>"
    out.append("</table>")
    out.append(
        f"<p class='note'>Crews lost in flight: {cr.lost}, against {cr.expected:.1f} by the shown odds "
        f"(allowed ±{cr.allowed:.1f}: 10 % plus 2.5 standard errors): {mark}. Over {c.launches} launches.</p>"
    )
    return "\n".join(out)
