"""Whom a computer player recruits: enough people for the crewed goals due within its horizon, spares
counted, with every trait some of them ask for, the most skilled at what those missions lean on first."""

from __future__ import annotations

from game.ai.chain import eta
from game.ai.facts import ALIVE, Turn
from game.engine import odds as engine_odds
from game.engine.actions import Action, RecruitCrew


def recruit(turn: Turn, goals: list[str], cash: int, out: list[Action]) -> int:
    """Order the recruits the crewed goals want; returns the cash left."""
    rules, me, k = turn.rules, turn.me, turn.k
    crewed = [m for m in goals if k.missions[m].crew]
    if not crewed:
        return cash
    crews, now = me.crews, turn.view.turn
    # Whom it could recruit first: in many quarters nobody, and then what it wants does not matter. (Read from
    # the people recruitable soonest: the scan stops at the first the date does not allow yet.)
    candidates = []
    for c, available in k.recruitable_from[turn.side]:
        if available > now:
            break
        if crews[c].status == "candidate":
            candidates.append(c)
    if not candidates:
        return cash
    alive = [c for c in turn.own_people if crews[c].status in ALIVE]
    # Crew enough for every crewed goal is enough for those due soon: cheaper to see than when each goal is due.
    if _crew_wanted(turn, crewed, alive) is None:
        return cash
    soon = [m for m in crewed if eta(turn, m) <= turn.temper.horizon]
    wanted = _crew_wanted(turn, soon, alive) if soon else None
    if wanted is None:
        return cash
    need, traits = wanted
    skills: dict[str, int] = {}
    for m in soon:
        for s, n in k.missions[m].skills:
            skills[s] = skills.get(s, 0) + n
    weights = list(skills.items())

    def merit(c: str) -> tuple[int, str]:
        """The most skilled at what the missions lean on first (a plain loop: asked of dozens of candidates)."""
        got = 0
        held = crews[c].skills
        for s, n in weights:
            got -= held.get(s, 0) * n
        return got, c

    candidates.sort(key=merit)
    side, order_cost = turn.side, engine_odds.order_cost
    for trait in sorted(traits):
        if not any(trait in rules.crews[c].traits for c in alive):
            for c in candidates:
                if trait in rules.crews[c].traits:
                    order = RecruitCrew(side, c)
                    cost = order_cost(rules, order)
                    if cash >= cost:
                        out.append(order)
                        cash -= cost
                        alive.append(c)
                        candidates.remove(c)
                        break
    for c in candidates:
        if len(alive) >= need:
            break
        order = RecruitCrew(side, c)
        cost = order_cost(rules, order)
        if cash < cost:
            break
        out.append(order)
        cash -= cost
        alive.append(c)
    return cash


def _crew_wanted(turn: Turn, missions: list[str], alive: list[str]) -> tuple[int, set[str]] | None:
    """(people, traits) these missions want, spares counted; None if the living crew has them."""
    # (one loop rather than max() and a set of a generator each: asked every quarter)
    need, traits = 0, set()
    for m in missions:
        facts = turn.k.missions[m]
        if facts.crew > need:
            need = facts.crew
        traits.update(facts.traits)
    need += turn.temper.spares
    if turn.blundering:
        need -= 1
    return None if len(alive) >= need and traits <= turn.k.traits_among(alive) else (need, traits)
