"""Every number a player is shown about a mission or a research: chances, costs, times. UI, AI and rules share these."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, NamedTuple

from game.engine.actions import Action, BuildFacility, BuyHardware, BuyReliability, PlanMission, RecruitCrew
from game.engine.index import compiled
from game.engine.records import quick_init
from game.engine.rules import Milestone, Mission, Ruleset, Tech
from game.engine.state import LaunchRecord, SideState, TechState


class StepOdds(NamedTuple):
    """One step's odds (a named tuple: immutable, and cheap to build by the hundred each turn)."""

    step: str
    tech: str
    chance: int  # percent this step passes
    crew_bonus: int
    risk: int = 0  # per mille of all flights that go wrong at this step (failure, crew loss or a flaw)


_step_odds = tuple.__new__  # StepOdds without the call through its generated __new__


@quick_init
@dataclass(frozen=True, slots=True)
class MissionOdds:
    """Chances in per-mille (thousandths) so that they add to 1000."""

    steps: tuple[StepOdds, ...]
    success: int
    partial: int
    failure: int
    crew_lost: int


def crew_bonus(rules: Ruleset, side: SideState, crew: tuple[str, ...], skill: str | None) -> int:
    if not skill or not crew:
        return 0
    total = sum([side.crews[c].skills.get(skill, 0) for c in crew if c in side.crews])
    avg = total // len(crew)
    return (avg - 50) // rules.settings.skill_divisor


def step_chance(rules: Ruleset, reliability: int, difficulty: int, bonus: int) -> int:
    """The percent chance that a step passes: the tech's reliability (0 while unfinished), less the step's
    difficulty, plus the crew's bonus, within the scenario's bounds. The one rule every projection and the
    dice use (through `mission_odds`)."""
    s = rules.settings
    chance = reliability - difficulty + bonus
    # (conditionals rather than min/max: asked for every step of every flight a computer player prices)
    return s.min_chance if chance < s.min_chance else s.max_chance if chance > s.max_chance else chance


def chance_gain(rules: Ruleset, chance: int, points: int) -> int:
    """The percent points a step now at `chance` gains when its tech gains `points` of reliability: `step_chance`
    with them added (point for point, up to the scenario's ceiling). What a test campaign can still buy for a
    step; a step held up at the floor is counted from the floor."""
    return step_chance(rules, chance + points, 0, 0) - chance


def step_bonuses(rules: Ruleset, side: SideState) -> dict[str, int]:
    """Step kind -> the percent points the side's facilities add to a step of that kind (the one rule for them;
    worked out once per set of facilities and kept on the ruleset's index)."""
    key = tuple(side.facilities)
    memo = compiled(rules).facility_bonuses
    got = memo.get(key)
    if got is None:
        got = {}
        for fid in key:
            f = rules.facilities[fid]
            for kind in f.kinds:
                got[kind] = got.get(kind, 0) + f.bonus
        memo[key] = got
    return got


def facility_bonus(rules: Ruleset, side: SideState, kind: str) -> int:
    """Percent points the side's facilities add to the chance of a step of this kind."""
    return step_bonuses(rules, side).get(kind, 0) if side.facilities else 0


def mission_odds(
    rules: Ruleset,
    side: SideState,
    mission: Mission,
    hardware: tuple[tuple[str, str], ...],
    crew: tuple[str, ...],
    window: str = "",
) -> MissionOdds:
    """The odds of flying `mission` with this hardware and crew in launch window `window` ("": the default):
    every step's chance is `step_chance`, the window's `risk` counted as extra difficulty."""
    # Priced hundreds of times a turn by the computer players: each slot's tech and reliability are read once
    # (a slot carries several steps), `crew_bonus` is asked once per skill and each step's odds are built as a
    # plain tuple; a side with no facility never asks for their bonus.
    haste = rules.launch_window(window).risk
    all_hardware, techs = rules.hardware, side.techs
    flown: dict[str, tuple[str, int]] = {}  # slot -> (its tech, the reliability it flies at: 0 while unfinished)
    for slot, h in hardware:
        tech = all_hardware[h].tech
        ts = techs.get(tech)
        flown[slot] = (tech, ts.reliability if ts is not None and ts.done else 0)
    extras = step_bonuses(rules, side) if side.facilities else None
    bonuses: dict[str, int] = {}  # steps that use the same skill get the same crew bonus
    deadly = bool(mission.crew)
    # Walk the steps keeping the probability of still flying, with or without a non-critical failure so far,
    # exactly: as a count out of `scale`, 100 to the power of the steps walked (each step multiplies it by its
    # chance in percent). The lost crews' share counts a step's `fatal` percent of its risk out of `scale`
    # times 100: only the last step's part is rounded down (`// 100` at the end).
    # (A scale that grows with the walk keeps the numbers small for as long as it can: a mission's odds are
    # priced hundreds of times a game.)
    scale, clean, flawed = 1, 1, 0
    lost = 0  # (failure is what is left: worked out at the end)
    steps: list[StepOdds] = []
    for st in mission.steps:
        tech, reliability = flown[st.slot]
        skill = st.skill
        if skill and crew:
            bonus = bonuses.get(skill)
            if bonus is None:
                bonus = bonuses[skill] = crew_bonus(rules, side, crew, skill)
        else:
            bonus = 0
        # the facilities' bonus counts in the chance; the odds' `crew_bonus` stays the crew's own
        extra = extras.get(st.kind, 0) if extras else 0
        p = step_chance(rules, reliability, st.difficulty + haste, bonus + extra)
        scale *= 100
        if st.critical:
            risk = (clean + flawed) * (100 - p)
            if deadly:
                lost = lost * 100 + risk * st.fatal
            clean, flawed = clean * p, flawed * p
        else:
            risk = clean * (100 - p)
            if deadly:
                lost *= 100
            flawed = flawed * 100 + risk
            clean = clean * p
        steps.append(_step_odds(StepOdds, (st.id, tech, p, bonus, risk * 1000 // scale)))
    success, partial, lost = clean * 1000 // scale, flawed * 1000 // scale, lost // 100 * 1000 // scale
    # Rounding: give the crumbs to failure so the four add up exactly.
    return MissionOdds(tuple(steps), success, partial, 1000 - success - partial - lost, lost)


def research_points(side: SideState, money: int) -> int:
    return money * side.research_rate // 100


def rush_points(rules: Ruleset, tech: Tech) -> int:
    """Research points a turn a rushed tech takes beyond its rate cap: the scenario's `rush_cap` percent of it."""
    return tech.rate_cap * rules.settings.rush_cap // 100


def research_points_for(
    rules: Ruleset, side: SideState, tech: Tech, ts: TechState, money: int, rush: bool | None = None
) -> int:
    """The research points `money` buys on the tech in one turn (the one rule `useful_funding`,
    `turns_to_finish` and the resolution share): at the side's research rate up to the tech's rate cap; while
    the tech is rushed, each point beyond costs `rush_premium` percent more, up to `rush_points` of them.
    (Points beyond what the tech still needs are the caller's to drop.) `rush` as in `useful_funding`."""
    points = money * side.research_rate // 100
    cap = tech.rate_cap
    if points <= cap:
        return points
    if ts.done or not (side.is_rushed(tech.id) if rush is None else rush):
        return cap
    rate = max(1, side.research_rate)
    extra = (money + (cap * 100 // -rate)) * rate // (100 + rules.settings.rush_premium)
    limit = rush_points(rules, tech)
    return cap + (extra if extra < limit else limit)


def useful_funding(rules: Ruleset, side: SideState, tech: Tech, ts: TechState, rush: bool | None = None) -> int:
    """The most money a turn the tech can usefully take now (more is not spent): what its rate cap's points
    cost, and while it is rushed what its rushed points cost at the premium (`research_points_for`). `rush`
    asks as if the tech were (True) or were not (False) rushed; None: as the side has ordered."""
    # (comparisons rather than min() and max(), which parse keyword arguments on every call in CPython 3.11:
    # the computer players and the resolution ask this for every tech funded, every quarter)
    if ts.done:
        if ts.reliability >= tech.ceiling:
            return 0
        points = tech.rate_cap
    else:
        left = tech.cost - ts.progress
        points = tech.rate_cap if tech.rate_cap < left else left
    rate = side.research_rate if side.research_rate > 1 else 1
    money = -(-points * 100 // rate)
    if not ts.done and (side.is_rushed(tech.id) if rush is None else rush) and rules.settings.rush_cap:
        extra = min(rush_points(rules, tech), tech.cost - ts.progress - points)
        if extra > 0:
            money += -(-extra * (100 + rules.settings.rush_premium) // rate)
    return money


def rush_extra(rules: Ruleset, side: SideState, tech: Tech, ts: TechState) -> int:
    """What ordering the tech rushed adds to the most it can usefully take a turn (`useful_funding`): its points
    beyond the rate cap at the premium; 0 when it is finished or the scenario offers no rushing."""
    return useful_funding(rules, side, tech, ts, True) - useful_funding(rules, side, tech, ts, False)


def turns_rushing_saves(rules: Ruleset, side: SideState, tech: Tech, ts: TechState) -> int:
    """The turns ordering the tech rushed (at the most it can use rushed) would save against funding it with the
    most it can use unrushed; 0 when rushing would not finish it sooner, or it is finished."""
    plain = turns_to_finish(rules, side, tech, ts, useful_funding(rules, side, tech, ts, False), False)
    rushed = turns_to_finish(rules, side, tech, ts, useful_funding(rules, side, tech, ts, True), True)
    if rushed is None:
        return 0
    if plain is None:
        return rushed  # (never unrushed: any finish is a saving; not reached while a rate cap is positive)
    return plain - rushed if plain > rushed else 0


def turns_to_finish(
    rules: Ruleset, side: SideState, tech: Tech, ts: TechState, funding: int, rush: bool | None = None
) -> int | None:
    """Turns until the tech is finished at this funding; None if never, 0 if done. `rush` as in `useful_funding`."""
    if ts.done:
        return 0
    points = research_points_for(rules, side, tech, ts, funding, rush)
    if points <= 0:
        return None
    return -(-(tech.cost - ts.progress) // points)


def expected_reliability_gain(rules: Ruleset, side: SideState, tech: Tech, ts: TechState, funding: int) -> int:
    """The average reliability points a turn of research at this funding adds to a finished tech."""
    if not ts.done:
        return 0
    points = research_points_for(rules, side, tech, ts, funding)
    return reliability_gain(rules, tech, ts.reliability, points, 100)


def reliability_point_cost(rules: Ruleset, tech: Tech) -> int:
    """What one reliability point of a finished tech costs in research, in hundredths of a research point
    (so that no rounding creeps in): `research_improve` percent of the tech's research cost, or of the
    scenario's `improve_floor` if that is more. The one rule behind `reliability_gain` (what research buys)
    and `reliability_point_price` (what it is shown to cost)."""
    s = rules.settings
    cost = tech.cost if tech.cost > s.improve_floor else s.improve_floor
    return cost * s.research_improve


def reliability_point_price(rules: Ruleset, tech: Tech, research_rate: int, premium: int = 0) -> int:
    """The money that buys one reliability point of a finished tech at average luck, well below its
    ceiling (`reliability_point_cost` turned into money at the research rate), `premium` percent more."""
    return max(1, reliability_point_cost(rules, tech) * (100 + premium) // (100 * max(1, research_rate)))


def test_point_price(rules: Ruleset, tech: Tech) -> int:
    """What one reliability point bought by a test campaign (`BuyReliability`) costs: research's price at the
    list research rate (100: a side's research rate does not cheapen tests), `test_premium` percent more."""
    return reliability_point_price(rules, tech, 100, rules.settings.test_premium)


def test_room(rules: Ruleset, side: SideState, tech: str) -> int:
    """The reliability points a test campaign can still buy on `tech` this turn: the scenario's `test_cap` less
    what the side bought on it this turn, never past the tech's ceiling; 0 while the tech is unfinished."""
    ts = side.techs.get(tech)
    if ts is None or not ts.done:
        return 0
    bought = sum(p.count for p in side.bought if p.order == "buy_reliability" and p.subject == tech)
    room = rules.settings.test_cap - bought
    headroom = rules.techs[tech].ceiling - ts.reliability
    return max(0, room if room < headroom else headroom)


def order_cost(rules: Ruleset, action: Action) -> int:
    """The cash an order takes when it is given (refunded if a planned flight is cancelled); 0 for standing
    orders, whose money is paid at resolution (see `planned_spending`)."""
    cost = _ORDER_COSTS.get(type(action))
    return 0 if cost is None else cost(rules, action)


def launch_price(rules: Ruleset, mission: Mission, window: str) -> int:
    """What flying `mission` in launch window `window` costs: the mission's price and the window's share of it
    (`LaunchWindow.cost` percent, rounded up). The one rule behind a planned flight's `order_cost`."""
    extra = rules.launch_window(window).cost
    return mission.cost + -(-mission.cost * extra // 100)


_ORDER_COSTS: dict[type, Callable[[Ruleset, Any], int]] = {
    PlanMission: lambda rules, a: launch_price(rules, rules.missions[a.mission], a.window),
    BuyHardware: lambda rules, a: rules.hardware[a.hardware].unit_cost * a.count,
    RecruitCrew: lambda rules, a: rules.settings.recruit_cost,
    BuildFacility: lambda rules, a: rules.facilities[a.facility].cost,
    BuyReliability: lambda rules, a: test_point_price(rules, rules.techs[a.tech]) * a.points,
}


def milestone_prestige(milestone: Milestone, rank: int) -> int:
    """The prestige a milestone brings the side that reaches it `rank`th (1 first, 2 second, later after)."""
    return by_rank(rank, milestone.first, milestone.second, milestone.later)


# The outcomes of a flight that count as a success of its mission (a partial success earns its prestige too).
SUCCESSES = frozenset({"success", "partial"})


def flight_prestige(mission: Mission, earlier: int) -> int:
    """The prestige a success of `mission` that wins no first earns, when the side has flown it with success
    `earlier` times before: its `prestige.success`, divided by those earlier successes (at least one). The
    first repeat of a first still makes the news in full, the ones after less and less (the tenth satellite
    launch is routine), so a cheap mission flown again every quarter is no bank of prestige."""
    return mission.prestige.success // max(1, earlier)


def successes(log: Iterable[LaunchRecord], side: str) -> Counter[str]:
    """How many times `side` has flown each mission with success (in full or in part), from the public record."""
    return Counter(r.mission for r in log if r.side == side and r.outcome in SUCCESSES)


def by_rank(rank: int, first: int, second: int, later: int) -> int:
    """Which of a milestone's prizes the `rank`th side to reach it takes (1 first, 2 second, later after): the
    rule of `milestone_prestige`, for a prize reckoned otherwise (a computer player's weighted one)."""
    return first if rank == 1 else second if rank == 2 else later


def reliability_gain(rules: Ruleset, tech: Tech, reliability: int, points: int, luck: int) -> int:
    """Reliability points research adds to a finished tech.

    A point costs `reliability_point_cost`; `luck` is a percent roll (50..150); returns shrink over the
    last 20 points below the ceiling.
    """
    room = tech.ceiling - reliability
    if room <= 0 or points <= 0:
        return 0
    gain = points * luck // reliability_point_cost(rules, tech)
    gain = gain * min(room, 20) // 20
    return max(1, min(room, gain))


def next_budget(rules: Ruleset, side: SideState) -> int:
    """The yearly budget the side will get at the next new year if nothing else changes.

    The same sum `_upkeep` sets: base plus yearly growth, plus lasting changes from events,
    plus the scenario's shares of this year's prestige gain (for one year, and for good), within
    the side's bounds.
    """
    r = rules.side(side.id)
    budget = side.budget_base + r.budget_growth + side.budget_mod + budget_from_prestige(rules, side)
    return max(r.min_budget, min(r.max_budget, budget))


def prestige_budget_percent(rules: Ruleset) -> int:
    """The percent of this year's prestige gain that `budget_from_prestige` puts into next year's budget
    (the one-year share and the lasting one together)."""
    s = rules.settings
    return s.prestige_to_budget + s.prestige_to_base


def budget_from_prestige(rules: Ruleset, side: SideState) -> int:
    """What this year's prestige gain adds to next year's budget: the one-year share and the lasting one."""
    s = rules.settings
    return side.prestige_year * s.prestige_to_budget // 100 + lasting_from_prestige(rules, side)


def lasting_from_prestige(rules: Ruleset, side: SideState) -> int:
    """The part of `budget_from_prestige` that stays in every later year's budget."""
    return max(0, side.prestige_year) * rules.settings.prestige_to_base // 100


@quick_init
@dataclass(frozen=True, slots=True)
class Spending:
    """What a side's standing orders will really cost at the next resolution."""

    research: tuple[tuple[str, int], ...]  # (tech, money), after the useful cap and any pro-rata cut
    intelligence: int
    ordered: int  # what the orders ask for, before caps and cuts
    wanted: tuple[tuple[str, int], ...] = ()  # (tech, money) after the useful cap, before any cut for want of cash
    needed: int = 0  # what the orders would cost were cash no limit: `wanted` and the intelligence ordered

    @property
    def total(self) -> int:
        return sum(m for _, m in self.research) + self.intelligence

    @property
    def short(self) -> bool:
        """Cash does not cover the orders: research is cut pro rata, then intelligence gets what is left."""
        return self.needed > self.total


def planned_spending(rules: Ruleset, side: SideState, can_research: Callable[[str], bool]) -> Spending:
    """Research funding capped at what each tech can use, scaled down pro rata when cash runs
    short, then intelligence from what is left: exactly what resolution will charge.

    `can_research(tech)` says whether an unfinished tech's prerequisites are met.
    """
    # (comparisons rather than min() and max(): see `useful_funding`; asked for each side every quarter)
    wanted: list[tuple[str, int]] = []
    ordered = side.intel
    total = 0
    for tech_id, ts in side.techs.items():
        if ts.funding <= 0:
            continue
        ordered += ts.funding
        if not ts.done and not can_research(tech_id):
            continue
        useful = useful_funding(rules, side, rules.techs[tech_id], ts)
        spend = ts.funding if ts.funding < useful else useful
        if spend > 0:
            wanted.append((tech_id, spend))
            total += spend
    cash = side.cash if side.cash > 0 else 0
    research = tuple(wanted)
    left = cash - total
    if total > cash:
        cut = [(t, w * cash // total) for t, w in wanted]
        research = tuple((t, w) for t, w in cut if w > 0)
        left = cash - sum([w for _, w in research])
    room = left if left > 0 else 0
    intel = side.intel if side.intel < room else room
    return Spending(research, intel, ordered, tuple(wanted), total + side.intel)


def instalment(rules: Ruleset, budget: int, turn: int) -> int:
    """The part of a yearly budget paid in at the start of turn `turn` (the last turn of a year takes the remainder)."""
    tpy = rules.settings.turns_per_year
    return budget // tpy + (budget % tpy if turn % tpy == tpy - 1 else 0)
