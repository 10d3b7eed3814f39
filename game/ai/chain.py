"""The winning chain and its slack: when each mission's research could be done, which flights the winning
mission waits for (its stepping stones), which techs are on its critical path, and what can be flown one day.

Every answer is worked out on first use and kept on the `Turn` for the rest of the turn.
"""

from __future__ import annotations

from game.ai.facts import GONE, Turn
from game.ai.knowledge import MEMO_LIMIT


def finish_times(turn: Turn) -> dict[str, int]:
    """Turns until each tech could be finished with every prerequisite researched at full rate, worked out at
    once (prerequisites first) on first use; `turn.latest` gets, for every tech, the latest finish time among it
    and its prerequisites, and `turn.research_turns` each unfinished tech's own research time."""
    ft = turn.finish
    if not ft:
        # Techs with nothing unfinished in their closure stay at 0; the schedule walks the others.
        rem, latest, turns = turn.rem, turn.latest, turn.research_turns
        ft.update(turn.k.zeros)
        latest.update(turn.k.zeros)
        for t, requires, rate_cap, done in turn.k.progress(turn.done_mask).schedule:
            before = last = 0
            for r in requires:
                if ft[r] > before:
                    before = ft[r]
                if latest[r] > last:
                    last = latest[r]
            if not done:
                turns[t] = n = -(-rem[t] // rate_cap)
                ft[t] = before = before + n
                if before > last:
                    last = before
            latest[t] = last
    return ft


def eta(turn: Turn, m: str) -> int:
    """Turns until the research `m` needs is done (for a winning mission, and its stepping stones flown)."""
    got = turn.eta_.get(m)
    if got is None:
        # The latest finish among the techs it flies on and asks for, and their unfinished prerequisites.
        if not turn.finish:
            finish_times(turn)
        # (a loop rather than max(), which parses keyword arguments on every call in CPython 3.11)
        latest, got = turn.latest, 0
        for t in turn.eta_techs[m]:
            if latest[t] > got:
                got = latest[t]
        if turn.k.missions[m].wins:
            for c in chain(turn):
                after = eta(turn, c) + 1
                if after > got:
                    got = after
        turn.eta_[m] = got
    return got


def chain(turn: Turn) -> tuple[str, ...]:
    """The stepping stones the winning mission still waits for: for each milestone its availability asks for
    that this side has not earned yet, the flight that earns it nearest to ready."""
    if turn.chain_ is None:
        turn.chain_ = ()  # a guard: eta() of a winning mission asks for the chain
        mine, k, price = turn.me.milestones, turn.k, turn.price
        out: list[str] = []
        for v in k.victory_missions:
            for ms in k.stepping[v]:
                if ms in mine:
                    continue
                best = best_key = None  # the earner that flies soonest, then cheapest
                for e in k.earners.get(ms, ()):
                    if flyable_someday(turn, e):
                        key = (eta(turn, e), price[e], e)
                        if best_key is None or key < best_key:
                            best, best_key = e, key
                if best is not None and best not in out:
                    out.append(best)
        turn.chain_ = tuple(out)
    return turn.chain_


def victory_techs(turn: Turn) -> set[str]:
    """Techs the winning mission still needs, or flies on."""
    if turn.victory_techs_ is None:
        hardware_bit, needs_mask, hardware = turn.k.hardware_bit, turn.needs_mask, turn.hardware
        mask = flies = 0
        for m in (*turn.k.victory_missions, *chain(turn)):
            mask |= needs_mask[m]
            for _, h in hardware[m]:
                flies |= hardware_bit[h]
        turn.victory_techs_ = set(turn.k.techs_in(mask | flies))
        turn.victory_mask = mask
    return turn.victory_techs_


def wanted_techs(turn: Turn) -> set[str]:
    """Techs the winning mission and the bargains among the goals fly on, or still need.

    While the goals are being chosen (their prizes count what a first's events are worth, which reads this
    set) the bargains are not known yet: it holds the winning mission's techs alone until `choose_goals`
    has put the goals in `turn.goals`, and is worked out again from them after.
    """
    if turn.wanted is None:
        wanted = set(victory_techs(turn))
        flies_on, ratio, least = turn.hardware_techs, turn.ratio, turn.temper.min_ratio
        for m in turn.goals:
            if ratio.get(m, 0) >= least:
                wanted.update(flies_on[m])  # (the survey's techs of `turn.hardware[m]`, each once)
        turn.wanted = wanted
    return turn.wanted


# ---------------------------------------------------------------------- what can be flown one day


def flyable_someday(turn: Turn, m: str) -> bool:
    """Whether `m` could be flown one day: its crew exists, and it is available or can be made so."""
    table = turn.flyable
    if table is None:
        table = turn.flyable = _flyable_table(turn)
    got = table.get(m)
    if got is None:
        table[m] = False  # a guard against milestones that ask for each other
        got = table[m] = _flyable_someday(turn, m)
    return got


def flyable_table(turn: Turn) -> dict[str, bool]:
    """`flyable_someday` of every mission asked so far (every mission, once `goals` has run)."""
    table = turn.flyable
    if table is None:
        table = turn.flyable = _flyable_table(turn)
    return table


def _flyable_table(turn: Turn) -> dict[str, bool]:
    """`flyable_someday` of every mission, shared by the turns that see the same available missions,
    milestones and crew (it seldom changes between turns); this turn's own, filled as asked, where
    the answer could depend on the order of asking (milestones that ask for each other)."""
    k = turn.k
    if k.prerequisite_loops:
        return {}
    # Only what the answers read: the milestones some mission must have earned first, and of `crew_pool`,
    # whether there are enough people for each crew and which traits some crew asks for (found without
    # looking at all of a side's dozens of people).
    crews, largest = turn.me.crews, k.largest_crew
    enough = 0
    for c in turn.own_people:
        if enough >= largest:
            break
        if crews[c].status not in GONE:
            enough += 1
    traits: set[str] = set()
    for c, asked in k.trait_holders[turn.side]:
        if crews[c].status not in GONE:
            traits |= asked
    key = (
        turn.view.available_missions,
        k.prerequisite_milestones.intersection(turn.me.milestones),
        enough,
        frozenset(traits),
    )
    got = k.flyable.get(key)
    if got is None:
        got = turn.flyable = {}  # filled by asking for every mission
        for m in k.missions:
            flyable_someday(turn, m)
        if len(k.flyable) > MEMO_LIMIT // 10:
            k.flyable.clear()
        k.flyable[key] = got
    return got


def _flyable_someday(turn: Turn, m: str) -> bool:
    facts = turn.k.missions[m]
    if facts.crew:
        mine, traits = turn.crew_pool()
        if mine < facts.crew or not traits.issuperset(facts.traits):
            return False
    if m in turn.view.available_missions:
        return True
    if facts.gated:
        return False
    earned, earners = turn.me.milestones, turn.k.earners
    for ms in facts.prereqs:
        if ms not in earned and not any(flyable_someday(turn, e) for e in earners.get(ms, ())):
            return False
    return bool(facts.asks or facts.prereqs)


# ---------------------------------------------------------------------- slack on the critical path


def stepping_slack(turn: Turn, m: str) -> int:
    """Turns a stepping stone can wait: how long the winning mission's own research still takes, less its own."""
    if turn.victory_wait is None:
        ft = finish_times(turn)
        own = 0
        for v in turn.k.victory_missions:
            if v not in turn.me.milestones:
                # (comparisons, not max(): see `flight_value._floor_of`)
                for t in turn.needs(v):
                    if ft[t] > own:
                        own = ft[t]
                for turns in climbs(turn, v).values():
                    if turns > own:
                        own = turns
        turn.victory_wait = own
    return turn.victory_wait - eta(turn, m) - 1


def critical(turn: Turn, m: str) -> list[tuple[int, str]]:
    """(slack in turns, tech) for the techs of `m` that can be researched now, most critical first.

    A mission is ready when every tech it needs is researched and the hardware it flies has climbed
    to the reliability it wants; the climb takes turns too, and counts in every tech's slack.
    """
    return _slacks(turn, m, turn.view.available_techs)


def slacks(turn: Turn, m: str) -> list[tuple[int, str]]:
    """`critical` for every unfinished tech `m` needs, researchable now or not."""
    return _slacks(turn, m, None)


def _slacks(turn: Turn, m: str, available: frozenset[str] | set[str] | None) -> list[tuple[int, str]]:
    mask = turn.needs_mask[m]
    if not mask:
        return []
    climb = climbs(turn, m)
    ft = finish_times(turn)
    turns = turn.research_turns
    # Turns that must follow each tech: walking the techs it needs dependents first settles every dependent
    # among them before the tech itself.
    after: dict[str, int] = {}
    # (comparisons rather than max(): see `flight_value._floor_of`; asked for each goal every quarter)
    ready = 0  # when the mission could fly
    for wait in climb.values():
        if wait > ready:
            ready = wait
    for tech, dependents in turn.k.settled_after(mask):
        longest = climb.get(tech, 0)
        for d in dependents:
            then = turns[d] + after[d]
            if then > longest:
                longest = then
        after[tech] = longest
        if ft[tech] + longest > ready:
            ready = ft[tech] + longest
    if turn.k.missions[m].wins:
        wait = eta(turn, m)  # no sooner than its stepping stones
        if wait > ready:
            ready = wait
    out = sorted([(ready - ft[t] - a, -a, t) for t, a in after.items() if available is None or t in available])
    return [(slack, tech) for slack, _, tech in out]


def climbs(turn: Turn, m: str) -> dict[str, int]:
    """Turns each hardware tech of `m` needs from where it is (or from its base, if unfinished) until a flight
    has the reliability the winning mission wants: research at full rate to climb there, and the quarter
    after it (a flight flies at the odds planning leaves it: the research of its own quarter counts from
    the next)."""
    got = turn.climbs.get(m)
    if got is None:
        got = turn.climbs[m] = _climbs_of(turn, m)
    return got


def _climbs_of(turn: Turn, m: str) -> dict[str, int]:
    techs, mine, tech_of, climb_rate = turn.rules.techs, turn.me.techs, turn.k.tech_of, turn.k.climb_rate
    aim = turn.temper.victory_prep
    out: dict[str, int] = {}
    for _, h in turn.hardware[m]:
        tech = tech_of[h]
        t = techs[tech]
        rel = mine[tech].reliability if tech in turn.done else t.base
        target = aim if aim < t.ceiling else t.ceiling  # (not min(): see `flight_value._floor_of`)
        if rel < target:
            # (+1: the last points come slower; +1: the flight comes the quarter after the research)
            out[tech] = -(-(target - rel) // climb_rate[tech]) + 2
    return out


def prep(turn: Turn, m: str) -> list[str]:
    """Finished hardware techs of the winning mission still under the reliability it will want."""
    techs, mine, tech_of = turn.rules.techs, turn.me.techs, turn.k.tech_of
    aim = turn.temper.victory_prep
    out = []
    for _, h in turn.hardware[m]:
        tech = tech_of[h]
        rel = mine[tech].reliability
        if tech in turn.done and tech not in out and rel < aim and rel < techs[tech].ceiling:
            out.append(tech)
    return out
