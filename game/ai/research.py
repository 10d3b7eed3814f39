"""Where a computer player's research money goes: every tech some goal wants money for, as an `Ask` valued by
the goal's prize per money (the winning chain's by `moon_value`, twice that on its critical path), and the
funding orders that meet the asks, the most valuable first, as far as the cash allows."""

from __future__ import annotations

from operator import attrgetter
from typing import NamedTuple

from game.ai import spending
from game.ai.chain import chain, critical, prep, stepping_slack
from game.ai.facts import Turn
from game.ai.flight_value import floor
from game.ai.temper import BARGAIN, CRITICAL, FIRST, SLACK, SLACK_LATE, SURPLUS, WINDFALL
from game.engine.actions import Action, FundResearch


class Ask(NamedTuple):
    """Money some goal wants put into a tech this turn. Asks sort loudest first: by value, then class, then
    the order they were made in (a goal's techs, most critical first)."""

    value: int  # minus what a unit of money here is worth (per mille of prize per money)
    klass: int  # whose ask it is: the winning chain's (CRITICAL, SLACK, SLACK_LATE) or another goal's
    order: int
    tech: str


_ask = tuple.__new__  # Ask without the call through its generated __new__ (a few dozen a turn)
_TECH, _RISK_TECH = attrgetter("tech"), attrgetter("risk", "tech")  # of a StepOdds


def research_asks(turn: Turn, goals: list[str], surplus: bool = False) -> list[Ask]:
    """Every tech some goal wants money for, the most valuable first.

    A goal's techs are worth its prize per money still to spend; the winning chain's are worth
    `moon_value` per money, twice that on its critical path (or whenever a rival looks level on the
    road to victory), half of it where the slack is long. The classes say whose ask it is: the winning
    chain's (CRITICAL, SLACK, SLACK_LATE) or another goal's (WINDFALL, BARGAIN, SURPLUS). With
    `surplus`, only the poor bargains (asked for when money is left over); without it, the goals whose
    asks those are go into `turn.poor_goals`, so the second pass walks only them.
    """
    t = turn.temper
    available, techs_in = turn.available_mask(), turn.k.techs_in
    victory = turn.style.w("victory")
    moon = t.moon_value * victory // 100
    # The winning mission's most critical research goes before everything, unless the personality puts
    # less than the usual weight on victory (a small agency that cannot outspend the leaders): then it
    # is weighed like the rest of the winning chain.
    first = FIRST if victory >= 100 else moon * 2
    asks: list[Ask] = []
    n = 0
    stepping = chain(turn)
    missions, needs_mask, ratios = turn.k.missions, turn.needs_mask, turn.ratio
    poor: list[str] = []  # the goals of the poor bargains, met while they are left out
    for m in goals:
        facts = missions[m]
        if m in stepping and (turn.pressed or stepping_slack(turn, m) <= t.near):
            # A stepping stone the winning mission will soon wait for: its research is the race's too.
            # (Further off, it is weighed like any other goal.)
            if surplus:
                continue
            if turn.pressed or stepping_slack(turn, m) <= t.slack:
                value, klass = -moon * 2, CRITICAL
            else:
                value, klass = -moon, SLACK
            for _, tech in critical(turn, m):
                asks.append(_ask(Ask, (value, klass, n, tech)))
                n += 1
            if not needs_mask[m]:
                for tech in unready(turn, m, floor(turn, m) + t.margin):
                    asks.append(_ask(Ask, (value, klass, n, tech)))
                    n += 1
            continue
        if facts.wins:
            if surplus:
                continue
            for slack, tech in critical(turn, m):
                if slack <= t.slack:
                    asks.append(_ask(Ask, (-first, CRITICAL, n, tech)))  # a turn lost here is a turn lost in the race
                elif turn.pressed:
                    asks.append(_ask(Ask, (-moon * 2, CRITICAL, n, tech)))
                elif slack <= t.near:
                    asks.append(_ask(Ask, (-moon, SLACK, n, tech)))
                else:
                    asks.append(_ask(Ask, (-moon // 2, SLACK_LATE, n, tech)))
                n += 1
            if not needs_mask[m]:
                aim = t.victory_research * victory // 100
                for tech in unready(turn, m, aim):
                    asks.append(_ask(Ask, (-first, CRITICAL, n, tech)))
                    n += 1
            else:
                # Reliability is bought a few points a turn at most: start on the hardware already in hand.
                for tech in prep(turn, m):
                    asks.append(_ask(Ask, (-moon * (2 if turn.pressed else 1), SLACK, n, tech)))
                    n += 1
            continue
        ratio = ratios.get(m, 0)
        klass = WINDFALL if ratio >= t.windfall else BARGAIN if ratio >= t.min_ratio else SURPLUS
        if (klass == SURPLUS) != surplus:
            if klass == SURPLUS:
                poor.append(m)
            continue
        needs = needs_mask[m]
        for tech in techs_in(needs & available):
            asks.append(_ask(Ask, (-ratio, klass, n, tech)))
            n += 1
        if not needs:
            for tech in unready(turn, m, floor(turn, m) + t.margin):
                asks.append(_ask(Ask, (-ratio, klass, n, tech)))
                n += 1
    if not surplus:
        turn.poor_goals = poor
    asks.sort()
    return asks


def unready(turn: Turn, m: str, target: int) -> list[str]:
    """Finished techs whose reliability keeps `m`'s odds under `target` percent, riskiest step first."""
    got = turn.chance_of(m)
    if got is None or got[0] >= target:
        return []
    techs, mine = turn.rules.techs, turn.me.techs
    order = []
    seen: set[str] = set()
    for tech in map(_TECH, sorted(got[1], key=_RISK_TECH, reverse=True)):  # (ties: the same tech)
        if tech not in seen and mine[tech].reliability < techs[tech].ceiling:
            seen.add(tech)
            order.append(tech)
    return order


def demand(turn: Turn, asks: list[Ask], only: tuple[int, ...] = ()) -> tuple[int, int]:
    """What research would use this turn on the asks: on all of them, and on those of these classes only (all,
    if none given). One pass: the planner reads both every turn."""
    total = kept = 0
    counted: set[str] = set()
    guarded: set[str] = set()
    for _, klass, _, tech in asks:
        if tech not in counted:
            counted.add(tech)
            total += turn.useful(tech)
        if tech not in guarded and (not only or klass in only):
            guarded.add(tech)
            kept += turn.useful(tech)
    return total, kept


def fund_research(turn: Turn, asks: list[Ask], cash: int, out: list[Action], keep: int = 0) -> None:
    """Fund the asks, loudest first, from `cash` (less the level's reserve, times its research share); the
    asks of other goals than the winning chain's leave `keep` alone. Then the poor bargains, if money is left (of
    the goals `research_asks` found them in: `turn.poor_goals`)."""
    me, side, t = turn.me, turn.side, turn.temper
    # (comparisons rather than min() and max(): see `flight_value._floor_of`)
    share = t.research_share * turn.style.w("research") // 100
    if share > 100:
        share = 100
    left = cash - turn.income * t.reserve
    left = left * share // 100 if left > 0 else 0
    if turn.blundering:
        left = left * 2 // 3  # a timid turn: money left idle
    funding: dict[str, int] = {}
    for batch in (asks, None):
        if batch is None:
            if left <= keep:
                break
            batch = research_asks(turn, turn.poor_goals, surplus=True)  # the long tail, only when money is left
        for _, klass, _, tech in batch:
            if left <= 0 and left <= keep:
                break  # no room for any ask: the rest could only pass by
            room = left if klass in (CRITICAL, SLACK) else left - keep
            if room <= 0:
                if klass in (CRITICAL, SLACK):
                    break
                continue
            if tech in funding:
                continue
            amount = turn.useful(tech)
            if amount > room:  # (not min(): see `flight_value._floor_of`)
                amount = room
            if amount > 0:
                funding[tech] = amount
                left -= amount
    rushed: set[str] = set()
    # (with nothing left beyond `keep`, no money is idle whoever rushes: the rival's record is not read)
    if t.spend_idle and turn.rules.settings.rush_cap and left > keep:
        # (chasing a rival that rushes the Moon, it keeps no income back: a quarter lost there is the race)
        idle = 0 if t.chase and turn.rival_rushing() else turn.income * t.idle_keep // 100
        rushed = spending.rush(turn, asks, funding, left - keep - idle)
    want = funding.get
    if rushed or me.rushed:
        out += [
            FundResearch(side, tech, want(tech, 0), tech in rushed)
            for tech, ts in me.techs.items()
            if ts.funding != want(tech, 0) or (tech in rushed) != me.is_rushed(tech)
        ]
        return
    out += [FundResearch(side, tech, want(tech, 0)) for tech, ts in me.techs.items() if ts.funding != want(tech, 0)]
