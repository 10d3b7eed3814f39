"""The scripted bots' books for one turn: orders drawn up against a PlayerView with `game.engine`'s public helpers.

Nothing here plans: each bot module decides what to research, fly and answer (with `roads.py`, what a goal
takes, and `choices.py`, what an event's choice stakes). `Orders` asks the engine what a flight's odds are
and what research money is useful, and keeps the turn's books (cash left, hardware booked, crews taken), so
that every order a bot gives is legal when it is applied, in order. Everything is rebuilt from the view
each turn: a bot keeps no state.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from game.ai.bots.choices import cash_at_worst
from game.engine import (
    Action,
    BuyHardware,
    Choice,
    CrewStatus,
    Decide,
    FundResearch,
    Mission,
    PlanMission,
    PlayerView,
    RecruitCrew,
    best_crew,
    hardware_unlocked,
    mission_odds,
    order_cost,
    rush_extra,
    useful_funding,
)

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
        self.rushed: set[str] = set()  # techs of `funding` ordered rushed past their rate cap
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
        amount = useful_funding(self.rules, me, self.rules.techs[tech], ts, False)
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

    def rush(self, techs: Iterable[str], keep: int = 0) -> list[str]:
        """Rush the unfinished techs of `techs` already funded to their rate cap, in order, while the spare cash
        (less `keep`) pays what the points beyond the cap cost (the engine's `useful_funding`, rushed). Returns
        the techs rushed."""
        rules, me = self.rules, self.me
        out: list[str] = []
        for t in techs:
            ts, tech = me.techs[t], rules.techs[t]
            if ts.done or t in self.rushed or t not in self.funding:
                continue
            if self.funding[t] < useful_funding(rules, me, tech, ts, False):
                continue  # money is short for it, not idle
            extra = rush_extra(rules, me, tech, ts)
            if 0 < extra <= self.spare - keep:
                self.funding[t] += extra
                self.rushed.add(t)
                out.append(t)
        return out

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
            open_now = self.view.open_choices.get(d.id, d.choices)  # a choice whose condition fails is refused
            choices = tuple(c for c in event.choices if c.id in open_now)
            if not choices:
                continue
            chosen = pick(choices)
            self.actions.append(Decide(self.side, d.id, chosen.id))
            self.cash -= max(0, cash_at_worst(chosen.effects))

    # -- the orders

    def _order(self, action: Action, cost: int) -> None:
        self.actions.append(action)
        self.cash -= cost

    def done(self) -> list[Action]:
        """The turn's orders: those given so far, then the research standing orders that change."""
        out = list(self.actions)
        was_rushed = set(self.me.rushed)
        for tech, ts in self.me.techs.items():
            amount = self.funding.get(tech, 0)
            rushed = tech in self.rushed
            if amount != ts.funding or rushed != (tech in was_rushed):
                out.append(FundResearch(self.side, tech, amount, rushed))
        return out
