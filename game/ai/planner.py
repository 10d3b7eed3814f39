"""A heuristic computer player: reads only a PlayerView and chooses a turn's orders.

It ranks the missions that would bring new milestones by prestige per unit of research still
needed, funds the techs on the way to the best of them, buys hardware and recruits crew for
them, and flies whatever is ready when the odds clear its nerve.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.engine.actions import (
    Action,
    BuyHardware,
    Decide,
    FundIntelligence,
    FundResearch,
    PlanMission,
    RecruitCrew,
)
from game.engine.conditions import All, Condition, HasTech
from game.engine.effects import AddBudget, AddCash, AddPrestige
from game.engine.odds import mission_odds, useful_funding
from game.engine.rng import Rng
from game.engine.rules import Mission, Ruleset
from game.engine.state import SideState
from game.engine.view import PlayerView


@dataclass(frozen=True, slots=True)
class Temper:
    """How a level of play behaves; the numbers are its whole difference from another level."""

    name: str
    targets: int = 3  # missions it recruits and buys for at once; research follows the whole ranking
    research_share: int = 75  # percent of spare cash put into research
    min_uncrewed: int = 55  # lowest success chance, percent, it launches a probe at
    min_crewed: int = 70
    max_crew_loss: int = 40  # per mille
    ready_reliability: int = 70  # reliability it researches a tech up to before relying on it
    blunder: int = 0  # percent chance a decision is made at random
    intel: int = 2  # spending a turn on intelligence
    reserve_turns: int = 1  # turns of income kept back


TEMPERS: dict[str, Temper] = {
    "easy": Temper("easy", targets=4, research_share=60, min_uncrewed=40, min_crewed=55, max_crew_loss=90,
                   ready_reliability=60, blunder=25, intel=0),
    "normal": Temper("normal"),
    "hard": Temper("hard", targets=2, research_share=85, min_uncrewed=55, min_crewed=72, max_crew_loss=35,
                   ready_reliability=75, blunder=0, intel=3),
}


def _closure(rules: Ruleset, me: SideState, tech: str, out: dict[str, None]) -> None:
    if tech in out or me.techs[tech].done:
        return
    for req in rules.techs[tech].requires:
        _closure(rules, me, req, out)
    out[tech] = None


def _own_techs_asked(cond: Condition | None) -> list[str]:
    """Techs a condition needs this side to have (looking through `all` only)."""
    if isinstance(cond, HasTech) and cond.who == "self":
        return [cond.tech]
    if isinstance(cond, All):
        return [t for c in cond.of for t in _own_techs_asked(c)]
    return []


class Planner:
    def __init__(self, view: PlayerView, temper: Temper, rng: Rng) -> None:
        self.view = view
        self.rules = view.rules
        self.me = view.me
        self.t = temper
        self.rng = rng
        personality = self.rules.ai_personalities.get(self.rules.side(view.side).ai_personality or "")
        self.weights = dict(personality.weights) if personality else {}
        self.risk = personality.risk if personality else 50

    # -- valuation ---------------------------------------------------------------------------

    def mission_value(self, m: Mission) -> int:
        value = 0
        for ms_id in m.milestones:
            if ms_id in self.me.milestones:
                continue
            ms = self.rules.milestones[ms_id]
            reached = len(self.view.firsts.get(ms_id, ()))
            base = ms.first if reached == 0 else ms.second if reached == 1 else ms.later
            value += base * self.weights.get(ms_id, 100) // 100
        if m.id not in self.view.available_missions:
            return value  # what a flight pays counts only when it can fly now
        for e in m.effects:
            if isinstance(e, AddBudget):
                value += e.amount * 2
            elif isinstance(e, (AddCash, AddPrestige)):
                value += e.amount
        return value

    def slot_choice(self, slot_options: tuple[str, ...]) -> str:
        """The option needing the least research still, then the most reliable."""
        best, best_key = slot_options[0], None
        for hw in slot_options:
            tech = self.rules.hardware[hw].tech
            need: dict[str, None] = {}
            _closure(self.rules, self.me, tech, need)
            remaining = sum(self.rules.techs[t].cost - self.me.techs[t].progress for t in need)
            key = (remaining, -self.me.reliability(tech), self.rules.hardware[hw].unit_cost)
            if best_key is None or key < best_key:
                best, best_key = hw, key
        return best

    def mission_techs(self, m: Mission) -> list[str]:
        """Unfinished techs the mission needs: its hardware's, and any its availability asks this side to have."""
        need: dict[str, None] = {}
        for slot in m.slots:
            _closure(self.rules, self.me, self.rules.hardware[self.slot_choice(slot.options)].tech, need)
        for tech in _own_techs_asked(m.available):
            _closure(self.rules, self.me, tech, need)
        return list(need)

    def remaining_cost(self, m: Mission) -> int:
        cost = sum(self.rules.techs[t].cost - self.me.techs[t].progress for t in self.mission_techs(m))
        for slot in m.slots:
            tech = self.rules.hardware[self.slot_choice(slot.options)].tech
            deficit = self.t.ready_reliability - self.me.reliability(tech)
            if self.me.techs[tech].done and deficit > 0:
                cost += deficit * self.rules.settings.research_improve
        return cost

    def targets(self) -> list[Mission]:
        scored = []
        for m in self.rules.missions.values():
            value = self.mission_value(m)
            if value <= 0 or not self._flyable_someday(m):
                continue
            line_weight = 100
            for t in self.mission_techs(m):
                line_weight = max(line_weight, self.weights.get(self.rules.techs[t].line, 100))
            score = value * line_weight * 1000 // (self.remaining_cost(m) + 20)
            scored.append((score, m.id, m))
        scored.sort(key=lambda x: (-x[0], x[1]))
        if self.t.blunder and scored and self.rng.below(100) < self.t.blunder:
            self.rng_shuffle(scored)
        return [m for _, _, m in scored]

    def rng_shuffle(self, items: list) -> None:  # type: ignore[type-arg]
        for i in range(len(items) - 1, 0, -1):
            j = self.rng.below(i + 1)
            items[i], items[j] = items[j], items[i]

    def _flyable_someday(self, m: Mission) -> bool:
        if m.crew:
            mine = [c for c, cs in self.me.crews.items() if cs.status not in ("dead", "retired")]
            if len(mine) < m.crew:
                return False
            for trait in m.crew_traits:
                if not any(trait in self.rules.crews[c].traits for c in mine):
                    return False
        if m.id in self.view.available_missions:
            return True
        # Unavailable: worth working toward only while research can still change that.
        return m.available is not None and bool(self.mission_techs(m))

    # -- the turn ----------------------------------------------------------------------------

    def plan(self) -> list[Action]:
        rules, me, side = self.rules, self.me, self.view.side
        out: list[Action] = []
        for d in me.decisions:
            pick = d.choices[self.rng.below(len(d.choices))] if self.t.blunder else self._best_choice(d.event, d.choices)
            out.append(Decide(side, d.id, pick))
        income = me.budget // rules.settings.turns_per_year
        ranking = self.targets()
        targets = ranking[: self.t.targets]
        cash = me.cash
        # Fly what is ready first: hardware bought now flies this turn.
        cash = self._launch(targets, cash, out)
        # Crew for the targets.
        cash = self._recruit(targets, cash, out)
        # Research: the techs on the way to the targets, then reliability of what they use.
        spare = max(0, cash + income - income * self.t.reserve_turns)
        research_budget = spare * self.t.research_share // 100
        wanted: dict[str, int] = {}
        for m in ranking:
            if sum(wanted.values()) >= research_budget:
                break
            for t in self.mission_techs(m):
                if t in self.view.available_techs and t not in wanted:
                    wanted[t] = useful_funding(rules, me, rules.techs[t], me.techs[t])
            for tech in self._unready_techs(m):
                if tech not in wanted:
                    wanted[tech] = useful_funding(rules, me, rules.techs[tech], me.techs[tech])
        funding: dict[str, int] = {}
        for t, amount in wanted.items():
            give = min(amount, research_budget)
            if give <= 0:
                break
            funding[t] = give
            research_budget -= give
        for t, ts in me.techs.items():
            want = funding.get(t, 0)
            if ts.funding != want:
                out.append(FundResearch(side, t, want))
        if me.intel != self.t.intel:
            out.append(FundIntelligence(side, self.t.intel))
        return out

    def floor(self, m: Mission) -> int:
        """The lowest success chance it flies `m` at: a great prize is worth a bolder flight."""
        base = max(self.t.min_crewed, self.risk) if m.crew else self.t.min_uncrewed
        return base - min(25, self.mission_value(m) // 3)

    def max_crew_loss(self, m: Mission) -> int:
        return self.t.max_crew_loss + min(60, self.mission_value(m))

    def _unready_techs(self, m: Mission) -> list[str]:
        """Finished techs a mission relies on whose reliability still keeps its odds below this player's nerve."""
        rules, me = self.rules, self.me
        hardware = tuple((slot.id, self.slot_choice(slot.options)) for slot in m.slots)
        techs = [rules.hardware[h].tech for _, h in hardware]
        if not all(me.techs[t].done for t in techs):
            return []
        crew = self._crew_for(m, set()) or tuple(c for c in me.crews if self.view.crew_ready(c))[: m.crew]
        if len(crew) < m.crew:
            crew = ()
        odds = mission_odds(rules, me, m, hardware, crew) if len(crew) == m.crew else None
        if odds is not None:
            chance = (odds.success + odds.partial) // 10
            if chance >= self.floor(m) + 5 and (not m.crew or odds.crew_lost <= self.max_crew_loss(m)):
                return []
            # The weakest steps first: that is where money buys the most odds.
            weakest = sorted(odds.steps, key=lambda so: so.chance)
            order = list(dict.fromkeys(so.tech for so in weakest))
        else:
            order = list(dict.fromkeys(techs))
        return [t for t in order if me.techs[t].reliability < rules.techs[t].ceiling]

    def _best_choice(self, event_id: str, choices: tuple[str, ...]) -> str:
        event = self.rules.events[event_id]
        best, best_value = choices[0], None
        for ch in event.choices:
            if ch.id not in choices:
                continue
            value = 0
            for e in ch.effects:
                if isinstance(e, AddBudget):
                    value += e.amount * 3
                elif isinstance(e, (AddCash, AddPrestige)):
                    value += e.amount * (2 if isinstance(e, AddPrestige) else 1)
            if best_value is None or value > best_value:
                best, best_value = ch.id, value
        return best

    def _recruit(self, targets: list[Mission], cash: int, out: list[Action]) -> int:
        rules, me = self.rules, self.me
        crewed = [m for m in targets if m.crew]
        if not crewed:
            return cash
        need = max(m.crew for m in crewed) + 2
        traits = {t for m in crewed for t in m.crew_traits}
        alive = [c for c, cs in me.crews.items() if cs.status in ("active", "training", "injured")]
        candidates = [
            c for c, cs in me.crews.items()
            if cs.status == "candidate" and rules.crews[c].available <= self.view.turn
        ]
        candidates.sort(key=lambda c: (-sum(me.crews[c].skills.values()), c))
        for trait in traits:
            if not any(trait in rules.crews[c].traits for c in alive):
                for c in candidates:
                    if trait in rules.crews[c].traits and cash >= rules.settings.recruit_cost:
                        out.append(RecruitCrew(self.view.side, c))
                        cash -= rules.settings.recruit_cost
                        alive.append(c)
                        candidates.remove(c)
                        break
        for c in candidates:
            if len(alive) >= need or cash < rules.settings.recruit_cost:
                break
            out.append(RecruitCrew(self.view.side, c))
            cash -= rules.settings.recruit_cost
            alive.append(c)
        return cash

    def _launch(self, targets: list[Mission], cash: int, out: list[Action]) -> int:
        rules, me, side = self.rules, self.me, self.view.side
        flown = 0
        stock = {h: n - me.reserved_hardware(h) for h, n in me.hardware.items()}
        busy: set[str] = set()
        candidates = [m for m in targets if m.id in self.view.available_missions]
        for m in rules.missions.values():
            if m not in candidates and m.id in self.view.available_missions and self.mission_value(m) > 0:
                candidates.append(m)
        for m in candidates:
            if flown + len(me.plan) >= rules.settings.max_missions_per_turn:
                break
            hardware = []
            left = dict(stock)
            buy: dict[str, int] = {}
            ok = True
            for slot in m.slots:
                options = [h for h in slot.options if self.view.hardware_unlocked(h)]
                if not options:
                    ok = False
                    break
                options.sort(key=lambda h: (-me.reliability(rules.hardware[h].tech), rules.hardware[h].unit_cost, h))
                hw = options[0]
                hardware.append((slot.id, hw))
                if left.get(hw, 0) > 0:
                    left[hw] -= 1
                else:
                    buy[hw] = buy.get(hw, 0) + 1
            if not ok:
                continue
            crew = self._crew_for(m, busy)
            if crew is None:
                continue
            odds = mission_odds(rules, me, m, tuple(hardware), crew)
            chance = (odds.success + odds.partial) // 10
            if chance < self.floor(m) or (m.crew and odds.crew_lost > self.max_crew_loss(m)):
                continue
            price = sum(rules.hardware[h].unit_cost * n for h, n in buy.items()) + m.cost
            if price > cash:
                continue
            for h, n in buy.items():
                out.append(BuyHardware(side, h, n))
            cash -= price
            stock = left
            busy.update(crew)
            out.append(PlanMission(side, m.id, tuple(hardware), crew))
            flown += 1
        return cash

    def _crew_for(self, m: Mission, busy: set[str]) -> tuple[str, ...] | None:
        return self.view.best_crew(m.id, busy)


def choose_actions(view: PlayerView, level: str = "normal", rng: Rng | None = None) -> list[Action]:
    """The orders a computer player of `level` gives this turn (EndTurn not included)."""
    temper = TEMPERS.get(level, TEMPERS["normal"])
    return Planner(view, temper, rng or Rng.from_seed(view.turn)).plan()
