"""The scripted bots' shared toolbox: one turn's orders drawn up against a PlayerView with `game.engine`'s public helpers.

Nothing here plans: each bot module decides what to research, fly and answer. The toolbox only knows how
to ask the engine (what a milestone takes, what a flight's odds are, what research money is useful) and
keeps the turn's books (cash left, hardware booked, crews taken), so that every order it gives is legal
when it is applied, in order. Everything is rebuilt from the view each turn: a bot keeps no state.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from game.engine import (
    Action,
    BuyHardware,
    Choice,
    CrewStatus,
    Decide,
    Effect,
    FundResearch,
    Mission,
    PlanMission,
    PlayerView,
    Quantity,
    RecruitCrew,
    Ruleset,
    Stake,
    best_crew,
    hardware_unlocked,
    mission_odds,
    order_cost,
    own_needs,
    useful_funding,
)

SELF = "self"


# ------------------------------------------------------------------------------------------ what a goal takes


def victory_milestones(rules: Ruleset) -> list[str]:
    """The milestones a side must reach itself to win (what the victory conditions ask for)."""
    wanted: list[str] = []
    for v in rules.victory:
        _, milestones, _ = own_needs(v.when)
        wanted += [m for m in milestones if m not in wanted]
    return wanted


def closure(rules: Ruleset, techs: Iterable[str]) -> set[str]:
    """The techs and every prerequisite under them."""
    out: set[str] = set()
    stack = list(techs)
    while stack:
        t = stack.pop()
        if t not in out:
            out.add(t)
            stack.extend(rules.techs[t].requires)
    return out


def research_left(view: PlayerView, techs: Iterable[str]) -> int:
    """Research points still to spend to finish all of `techs` (and their prerequisites)."""
    me = view.me
    return sum(
        view.rules.techs[t].cost - me.techs[t].progress for t in closure(view.rules, techs) if not me.techs[t].done
    )


def slot_hardware(view: PlayerView, options: Iterable[str]) -> str:
    """The option of a slot that is least research away (the most reliable among those already unlocked)."""
    rules, me = view.rules, view.me

    def key(hw: str) -> tuple[int, int, int]:
        tech = rules.hardware[hw].tech
        return (research_left(view, [tech]), -me.reliability(tech), rules.hardware[hw].unit_cost)

    return min(options, key=key)


def mission_techs(view: PlayerView, mission: Mission) -> set[str]:
    """The techs (prerequisites included) of the cheapest way to fill every slot of `mission`, and those its
    availability asks for."""
    techs = {view.rules.hardware[slot_hardware(view, s.options)].tech for s in mission.slots}
    techs |= set(own_needs(mission.available)[0])
    return closure(view.rules, techs)


def missions_for(rules: Ruleset, milestone: str) -> list[Mission]:
    return [m for m in rules.missions.values() if milestone in m.milestones]


def cheapest_mission(view: PlayerView, milestone: str) -> Mission | None:
    """The mission that earns `milestone` for the least research still to do (None if none does)."""
    options = missions_for(view.rules, milestone)
    if not options:
        return None
    return min(options, key=lambda m: (research_left(view, mission_techs(view, m)), m.cost, m.id))


@dataclass(frozen=True, slots=True)
class Road:
    """What reaching some milestones takes: the missions to fly, prerequisites first, and the techs."""

    missions: tuple[str, ...]
    techs: frozenset[str]


def road_to(view: PlayerView, milestones: Iterable[str]) -> Road:
    """The missions (stepping stones before the missions they open) and techs that reach `milestones`."""
    missions: list[str] = []
    techs: set[str] = set()
    seen: set[str] = set()

    def reach(milestone: str) -> None:
        if milestone in seen or milestone in view.me.milestones:
            return
        seen.add(milestone)
        mission = cheapest_mission(view, milestone)
        if mission is None:
            return
        need_techs, need_milestones, _ = own_needs(mission.available)
        for m in need_milestones:
            reach(m)
        techs.update(mission_techs(view, mission))
        techs.update(closure(view.rules, need_techs))
        if mission.id not in missions:
            missions.append(mission.id)

    for m in milestones:
        reach(m)
    return Road(tuple(missions), frozenset(techs))


def flight_techs(view: PlayerView, missions: Iterable[str]) -> set[str]:
    """The techs whose reliability the steps of `missions` test (with the hardware a slot would use)."""
    rules = view.rules
    out: set[str] = set()
    for mid in missions:
        m = rules.missions[mid]
        chosen = {s.id: rules.hardware[slot_hardware(view, s.options)].tech for s in m.slots}
        out.update(chosen[st.slot] for st in m.steps)
    return out


def _chain_lengths(view: PlayerView, techs: Iterable[str]) -> tuple[dict[str, int], dict[str, list[str]]]:
    """For each unfinished tech of `techs`: the rate-capped quarters of the longest chain it starts (itself and
    the techs of `techs` waiting on it), and those techs."""
    rules, me = view.rules, view.me
    todo = [t for t in techs if not me.techs[t].done]
    todo_set = set(todo)
    after: dict[str, list[str]] = {t: [] for t in todo}
    for t in todo:
        for r in rules.techs[t].requires:
            if r in todo_set:
                after[r].append(t)
    memo: dict[str, int] = {}

    def length(t: str) -> int:
        if t not in memo:
            tech = rules.techs[t]
            quarters = -(-(tech.cost - me.techs[t].progress) // tech.rate_cap)
            memo[t] = quarters + max((length(d) for d in after[t]), default=0)
        return memo[t]

    for t in todo:
        length(t)
    return memo, after


def critical_order(view: PlayerView, techs: Iterable[str]) -> list[str]:
    """The unfinished techs of `techs`, longest chain of rate-capped quarters first: the ones that hold the
    goal back most are funded first."""
    lengths, _ = _chain_lengths(view, techs)
    return sorted(lengths, key=lambda t: (-lengths[t], t))


def critical_chain(view: PlayerView, techs: Iterable[str]) -> list[str]:
    """The longest chain of rate-capped research among the unfinished `techs`: what sets the goal's date."""
    lengths, after = _chain_lengths(view, techs)
    chain: list[str] = []
    ready = [t for t in lengths if not any(r in lengths for r in view.rules.techs[t].requires)]
    step = max(ready, key=lambda t: (lengths[t], t), default=None)
    while step is not None:
        chain.append(step)
        step = max(after[step], key=lambda t: (lengths[t], t), default=None)
    return chain


def slack(view: PlayerView, techs: Iterable[str]) -> dict[str, int]:
    """For each unfinished tech of `techs`, the quarters its research could wait without holding back the
    longest chain (0 on the critical chain itself)."""
    lengths, _ = _chain_lengths(view, techs)
    longest = max(lengths.values(), default=0)
    rules = view.rules
    # A tech's chain counts what waits on it; what it waits on comes first, so its start is also held back.
    before: dict[str, int] = {}

    def wait(t: str) -> int:
        if t not in before:
            tech = rules.techs[t]
            before[t] = max(
                (
                    wait(r) + -(-(rules.techs[r].cost - view.me.techs[r].progress) // rules.techs[r].rate_cap)
                    for r in tech.requires
                    if r in lengths
                ),
                default=0,
            )
        return before[t]

    return {t: longest - lengths[t] - wait(t) for t in lengths}


def quarters_to(view: PlayerView, techs: Iterable[str]) -> int:
    """Quarters of rate-capped research at least before every tech of `techs` is finished (0 when they are)."""
    lengths, _ = _chain_lengths(view, closure(view.rules, techs))
    return max(lengths.values(), default=0)


def list_price(rules: Ruleset, mission: Mission) -> int:
    """What a flight of `mission` costs with the cheapest unit in every slot and none in store."""
    return mission.cost + sum(min(rules.hardware[h].unit_cost for h in slot.options) for slot in mission.slots)


# ------------------------------------------------------------------------------------------ the turn's books


class Orders:
    """One turn's orders as they are drawn up, with the books kept: cash left, hardware and crews booked."""

    def __init__(self, view: PlayerView) -> None:
        self.view = view
        self.rules = view.rules
        self.me = view.me
        self.side = view.side
        self.cash = view.me.cash
        self.actions: list[Action] = []
        self.funding: dict[str, int] = {}  # tech -> money a turn it is to get (every other tech: none)
        self.stock = {hw: view.me.free_hardware(hw) for hw in view.rules.hardware}
        self.busy: set[str] = set(view.me.busy_crew())
        self.launches = len(view.me.plan)
        self.flown: list[str] = []

    # -- money

    @property
    def research_bill(self) -> int:
        return sum(self.funding.values())

    @property
    def spare(self) -> int:
        """Cash not yet spoken for by this turn's orders and the research they fund."""
        return self.cash - self.research_bill

    def fund(self, tech: str, keep: int = 0) -> bool:
        """Fund `tech` at the most it can use a turn, if it can be researched and the cash (less `keep`) allows."""
        me = self.me
        ts = me.techs[tech]
        if tech in self.funding or (not ts.done and tech not in self.view.available_techs):
            return False
        amount = useful_funding(self.rules, me, self.rules.techs[tech], ts)
        if amount <= 0:
            return False
        amount = min(amount, self.spare - keep)
        if amount <= 0:
            return False
        self.funding[tech] = amount
        return True

    def fund_all(self, techs: Iterable[str], keep: int = 0) -> None:
        for t in techs:
            self.fund(t, keep)

    def improve(self, techs: Iterable[str], below: int, keep: int = 0) -> None:
        """Buy reliability for the finished techs of `techs` still under `below` percent, weakest first."""
        me = self.me
        done = [t for t in techs if me.techs[t].done and me.techs[t].reliability < below]
        for t in sorted(done, key=lambda t: (me.techs[t].reliability, t)):
            self.fund(t, keep)

    # -- crews

    def serving(self) -> int:
        active = (CrewStatus.ACTIVE, CrewStatus.TRAINING, CrewStatus.INJURED)
        return sum(1 for c in self.me.crews.values() if c.status in active)

    def recruit(self, wanted: int, keep: int = 0) -> None:
        """Recruit the most skilled candidates who may join, until `wanted` are serving."""
        rules, turn = self.rules, self.view.turn
        candidates = [
            cid
            for cid, c in self.me.crews.items()
            if c.status == CrewStatus.CANDIDATE and rules.crews[cid].available <= turn
        ]
        candidates.sort(key=lambda cid: (-sum(v for _, v in rules.crews[cid].skills), cid))
        have = self.serving()
        for cid in candidates:
            if have >= wanted or self.spare - keep < rules.settings.recruit_cost:
                return
            self._order(RecruitCrew(self.side, cid), rules.settings.recruit_cost)
            have += 1

    # -- flights

    def hardware(self, mission: Mission, prefer: dict[str, str] | None = None) -> tuple[tuple[str, str], ...] | None:
        """Unlocked hardware for every slot: the preferred unit where given, else the most reliable (then cheapest)."""
        rules, me = self.rules, self.me
        picked: list[tuple[str, str]] = []
        for slot in mission.slots:
            options = [h for h in slot.options if hardware_unlocked(me, rules, h)]
            if prefer and prefer.get(slot.id) in options:
                options = [prefer[slot.id]]
            if not options:
                return None
            best = max(options, key=lambda h: (me.reliability(rules.hardware[h].tech), -rules.hardware[h].unit_cost))
            picked.append((slot.id, best))
        return tuple(picked)

    def price(self, mission: Mission, hardware: tuple[tuple[str, str], ...]) -> int:
        """What flying `mission` with `hardware` costs now: the launch and the units not in store."""
        need: dict[str, int] = {}
        for _, hw in hardware:
            need[hw] = need.get(hw, 0) + 1
        units = sum(max(0, n - self.stock[hw]) * self.rules.hardware[hw].unit_cost for hw, n in need.items())
        return mission.cost + units

    def chance(self, mission_id: str, prefer: dict[str, str] | None = None) -> int:
        """Per mille this mission would count (success or partial) if flown now with the best crew, 0 if it cannot fly."""
        m = self.rules.missions[mission_id]
        hardware = self.hardware(m, prefer)
        crew = best_crew(self.rules, self.me, m, self.busy)
        if hardware is None or crew is None:
            return 0
        odds = mission_odds(self.rules, self.me, m, hardware, crew)
        return odds.success + odds.partial

    def fly(
        self,
        mission_id: str,
        at_least: int,
        copies: int = 1,
        prefer: dict[str, str] | None = None,
        keep: int = 0,
        max_loss: int = 1000,
    ) -> int:
        """Plan up to `copies` flights of a mission that may fly now, each only if it counts at `at_least` per
        mille or better, loses its crew at `max_loss` per mille or less and the spare cash (less `keep`)
        pays for it. Buys the hardware it lacks. Returns how many were planned."""
        rules = self.rules
        if mission_id not in self.view.available_missions:
            return 0
        m = rules.missions[mission_id]
        planned = 0
        while planned < copies and self.launches < rules.settings.max_missions_per_turn:
            hardware = self.hardware(m, prefer)
            crew = best_crew(rules, self.me, m, self.busy)
            if hardware is None or crew is None:
                break
            odds = mission_odds(rules, self.me, m, hardware, crew)
            if odds.success + odds.partial < at_least or odds.crew_lost > max_loss:
                break
            if self.price(m, hardware) > self.spare - keep:
                break
            for _, hw in hardware:
                if self.stock[hw] <= 0:
                    self._order(BuyHardware(self.side, hw, 1), rules.hardware[hw].unit_cost)
                    self.stock[hw] += 1
                self.stock[hw] -= 1
            plan = PlanMission(self.side, mission_id, hardware, crew)
            self._order(plan, order_cost(rules, plan))
            self.busy.update(crew)
            self.launches += 1
            self.flown.append(mission_id)
            planned += 1
        return planned

    def test_flights(self, techs: Iterable[str]) -> list[tuple[str, dict[str, str]]]:
        """Uncrewed missions that earn nothing but test one of `techs`: (mission, the slot to fill with it), the
        missions testing it on the most steps first."""
        rules, me = self.rules, self.me
        out: list[tuple[int, str, str, dict[str, str]]] = []
        for tech in techs:
            if not me.techs[tech].done:
                continue
            units = [h for h, hw in rules.hardware.items() if hw.tech == tech]
            for m in rules.missions.values():
                if m.crew or m.milestones or m.effects:
                    continue
                for slot in m.slots:
                    unit = next((h for h in units if h in slot.options), None)
                    if unit is not None:
                        steps = sum(1 for st in m.steps if st.slot == slot.id)
                        out.append((-steps, tech, m.id, {slot.id: unit}))
        out.sort(key=lambda x: (x[0], x[1], x[2]))
        return [(mid, prefer) for _, _, mid, prefer in out]

    def test_fly(self, techs: Iterable[str], keep: int = 0, at_least: int = 0) -> int:
        """Uncrewed test flights of the least reliable of `techs` (finished, below their ceiling), one at a time
        while launches and the spare cash (less `keep`) last: a step flown teaches even when the flight fails.
        Returns how many were planned."""
        rules, me = self.rules, self.me
        flown = 0
        while self.launches < rules.settings.max_missions_per_turn:
            weakest = sorted(
                (me.techs[t].reliability, t)
                for t in set(techs)
                if me.techs[t].done and me.techs[t].reliability < rules.techs[t].ceiling
            )
            planned = False
            for _, tech in weakest:
                for mission, prefer in self.test_flights([tech]):
                    if self.fly(mission, at_least, 1, prefer, keep):
                        planned = True
                        break
                if planned:
                    break
            if not planned:
                return flown
            flown += 1
        return flown

    # -- decisions

    def decide(self, pick: Callable[[tuple[Choice, ...]], Choice]) -> None:
        """Answer every pending decision with `pick`'s choice (what it costs in cash is booked at once)."""
        for d in self.view.decisions:
            event = self.rules.events[d.event]
            choices = tuple(c for c in event.choices if c.id in d.choices)
            if not choices:
                continue
            chosen = pick(choices)
            cost = -sum(s.amount for s in stakes(chosen.effects) if s.quantity == Quantity.CASH and s.target == SELF)
            self.actions.append(Decide(self.side, d.id, chosen.id))
            self.cash -= max(0, cost)

    # -- the orders

    def _order(self, action: Action, cost: int) -> None:
        self.actions.append(action)
        self.cash -= cost

    def done(self) -> list[Action]:
        """The turn's orders: those given so far, then the research standing orders that change."""
        out = list(self.actions)
        for tech, ts in self.me.techs.items():
            amount = self.funding.get(tech, 0)
            if amount != ts.funding:
                out.append(FundResearch(self.side, tech, amount))
        return out


# ------------------------------------------------------------------------------------------ what a choice stakes


def stakes(effects: Iterable[Effect]) -> list[Stake]:
    """Every stake of `effects`; a random effect's options are weighed by their odds (amounts scaled)."""
    out: list[Stake] = []
    for e in effects:
        options = e.outcomes()
        if options:
            total = sum(max(0, w) for w, _ in options) or 1
            for w, inner in options:
                out += [s._replace(amount=s.amount * max(0, w) // total) for s in stakes(inner)]
        else:
            out += list(e.stakes())
    return out


# What a unit of each quantity is worth to a sound plan, in money (a budget point pays every later year).
WORTH: dict[Quantity, int] = {
    Quantity.BUDGET: 6,
    Quantity.CASH: 1,
    Quantity.PRESTIGE: 4,
    Quantity.RESEARCH: 1,
    Quantity.RELIABILITY: 3,
    Quantity.RESEARCH_RATE: 30,
    Quantity.MORALE: 1,
    Quantity.CREW_INJURED: -10,
    Quantity.CREW_LOST: -30,
}


CRITICAL = 8  # how much more research is worth on the chain that sets the goal's date (it saves quarters)


def worth(choice: Choice, wanted: Iterable[str] = (), critical: Iterable[str] = ()) -> int:
    """A choice's value in money to a side that wants the techs `wanted` (research elsewhere counts a fifth,
    on the `critical` chain eight times)."""
    wanted, critical = set(wanted), set(critical)
    total = 0
    for s in stakes(choice.effects):
        value = s.amount * WORTH.get(s.quantity, 0)
        if s.tech in critical:
            value *= CRITICAL
        elif s.tech is not None and s.tech not in wanted:
            value //= 5
        total += value if s.target == SELF else -value
    return total


def best_choice(wanted: Iterable[str], critical: Iterable[str] = ()) -> Callable[[tuple[Choice, ...]], Choice]:
    """The choice worth most to a side that wants the techs `wanted` and waits on the `critical` chain."""
    wanted, critical = frozenset(wanted), frozenset(critical)
    return lambda choices: max(choices, key=lambda c: (worth(c, wanted, critical), c.id))


# What a unit lost of each quantity puts at risk (the riskiest answer puts the most at stake).
RISK: dict[Quantity, int] = {
    Quantity.BUDGET: 4,
    Quantity.CASH: 1,
    Quantity.PRESTIGE: 5,
    Quantity.RESEARCH: 1,
    Quantity.RELIABILITY: 3,
    Quantity.RESEARCH_RATE: 20,
    Quantity.MORALE: 2,
    Quantity.CREW_INJURED: 15,
    Quantity.CREW_LOST: 40,
}


def risk(choice: Choice) -> int:
    """What a choice puts at stake for its own side: every loss it brings, and a gamble's worst outcome."""
    total = 0
    for e in choice.effects:
        options = e.outcomes()
        worst = [s for _, inner in options for s in stakes(inner)] if options else list(e.stakes())
        for s in worst:
            loss = -s.amount if s.quantity not in (Quantity.CREW_INJURED, Quantity.CREW_LOST) else s.amount
            if s.target == SELF and loss > 0:
                total += loss * RISK.get(s.quantity, 1)
    return total


# ------------------------------------------------------------------------------------------ prizes


def open_prizes(view: PlayerView, crewed: bool | None = None) -> list[str]:
    """The milestones this side has not reached that some mission earns, richest prize first; with `crewed`,
    only those earned by crewed (True) or uncrewed (False) missions."""
    out: list[tuple[int, str]] = []
    for ms in view.rules.milestones:
        _, prestige = view.prize(ms)
        if prestige <= 0:
            continue
        missions = missions_for(view.rules, ms)
        if not missions or (crewed is not None and all(bool(m.crew) != crewed for m in missions)):
            continue
        out.append((-prestige, ms))
    return [ms for _, ms in sorted(out)]


def is_first(view: PlayerView, milestone: str) -> bool:
    """Whether nobody has reached `milestone` yet (the first's prize is still there)."""
    return not view.firsts.get(milestone)
