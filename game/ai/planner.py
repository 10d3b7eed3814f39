"""The heuristic computer player: reads only a PlayerView and gives one turn's orders.

Each turn it looks at every mission that would bring a new milestone (a *goal*), works out what
research each still needs and how long that takes at full rate, and ranks the goals by prize per
unit of money still to spend. Money then goes, in order, to the launches that are ready and whose
odds clear its nerve; to the techs on the critical path of the winning mission (the Moon landing
in the default campaign); to the other goals by rank; to reliability where a goal's odds are still
too poor; and back to the winning mission's chain. How bold, how patient and how single-minded it
is comes from a `Temper` (the level of play) and the side's AI personality (scenario data).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from game.ai.knowledge import Knowledge, knowledge
from game.engine.actions import (
    Action,
    BuyHardware,
    Decide,
    FundIntelligence,
    FundResearch,
    PlanMission,
    RecruitCrew,
)
from game.engine.effects import (
    AddBudget,
    AddCash,
    AddPrestige,
    CrewMorale,
    Effect,
    InjureCrew,
    LoseCrew,
    ModifyReliability,
    RandomOneOf,
    ResearchProgress,
    ResearchRate,
)
from game.engine.odds import MissionOdds, mission_odds, useful_funding
from game.engine.rng import Rng
from game.engine.view import PlayerView

ACTIVE = "active"
ALIVE = ("active", "training", "injured")


@dataclass(frozen=True, slots=True)
class Temper:
    """How a level of play behaves. The numbers are percent unless said otherwise."""

    name: str
    research_share: int = 95  # of the cash left after launches, what research may take this turn
    victory_share: int = 70  # of research money, what the winning mission's critical techs may take first
    slack: int = 3  # turns of slack under which a tech on the winning chain counts as critical
    min_uncrewed: int = 50  # lowest success chance it launches a probe at
    min_crewed: int = 62  # lowest success chance it launches a crew at
    max_crew_loss: int = 60  # per mille chance of losing the crew it accepts, before the prize's pull
    boldness: int = 3  # prestige points of a prize that take one percent off the floor
    margin: int = 8  # reliability research continues until a goal's odds clear its floor by this
    victory_odds: int = 62  # success chance the winning mission waits for when the rival is far
    victory_dash: int = 35  # ... and what it settles for when the rival looks close
    prestige_worth: int = 4  # money one point of prestige is worth to it
    blunder: int = 0  # percent chance a turn goes wrong in a believable way
    intel: int = 2  # spending a turn on intelligence
    reserve: int = 0  # turns of income kept in cash
    rival_watch: bool = True  # hurries a prize the rival looks ready to take
    spares: int = 2  # crew kept beyond the largest crew it plans to fly
    horizon: int = 6  # turns ahead it recruits crew for a goal
    goals: int = 6  # goals it researches toward at once, besides the winning chain
    tests: bool = True  # flies cheap test flights when research alone is capped


TEMPERS: dict[str, Temper] = {
    "easy": Temper(
        "easy",
        research_share=70,
        victory_share=35,
        slack=1,
        min_uncrewed=35,
        min_crewed=40,
        max_crew_loss=150,
        margin=0,
        victory_odds=35,
        victory_dash=25,
        blunder=35,
        intel=0,
        reserve=1,
        rival_watch=False,
        goals=8,
        tests=False,
    ),
    "normal": Temper("normal"),
    "hard": Temper("hard"),
}


@dataclass(frozen=True, slots=True)
class Style:
    """A side's AI personality as the planner reads it: weights keyed by tech line, milestone or habit.

    Habits (100 is neutral): `victory` (the winning mission's pull on research money), `crewed`
    and `uncrewed` (prizes of flights with and without a crew), `caution` (raises every floor),
    `intel` (intelligence spending), `research` (share of spare cash put into research).
    """

    weights: dict[str, int] = field(default_factory=dict)
    risk: int = 50

    def w(self, key: str) -> int:
        return self.weights.get(key, 100)


@dataclass(frozen=True, slots=True)
class Strategy:
    """A fixed restriction on what the planner may pursue (the balance-testing bots); None means free."""

    only_winning: bool = False  # goals, flights and research only for the winning mission
    no_crew: bool = False  # never recruits nor flies a crew
    one_line: str | None = None  # researches only this tech line and what it needs


def style_for(view: PlayerView) -> Style:
    rules = view.rules
    pid = rules.side(view.side).ai_personality or ""
    p = rules.ai_personalities.get(pid)
    return Style(dict(p.weights), p.risk) if p is not None else Style()


class Planner:
    def __init__(
        self, view: PlayerView, temper: Temper, rng: Rng, style: Style | None = None, strategy: Strategy | None = None
    ) -> None:
        self.view = view
        self.rules = view.rules
        self.me = view.me
        self.k: Knowledge = knowledge(view.rules)
        self.t = temper
        self.rng = rng
        self.style = style if style is not None else style_for(view)
        self.strategy = strategy or Strategy()
        s = self.rules.settings
        self.income = self.me.budget // s.turns_per_year
        self.rate = max(1, self.me.research_rate)
        techs = self.me.techs
        self.done = {t for t, ts in techs.items() if ts.done}
        self.rem = {t: (0 if ts.done else self.rules.techs[t].cost - ts.progress) for t, ts in techs.items()}
        self.blundering = temper.blunder > 0 and rng.below(100) < temper.blunder
        self._hw_need: dict[str, int] = {}
        self._ft: dict[str, int] = {}
        self._needs: dict[str, tuple[str, ...]] = {}
        self._hw: dict[str, tuple[tuple[str, str], ...]] = {}
        self.rival_techs = self._rival_techs()
        self.turns_left = max(1, self.rules.settings.end - view.turn + 1)

    # ------------------------------------------------------------------ what things need

    def tech_need(self, tech: str) -> int:
        """Research points still needed to finish `tech` and every prerequisite."""
        got = self._hw_need.get(tech)
        if got is None:
            got = sum(self.rem[t] for t in self.k.closure[tech])
            self._hw_need[tech] = got
        return got

    def finish_time(self, tech: str) -> int:
        """Turns until `tech` could be finished with every prerequisite researched at full rate."""
        got = self._ft.get(tech)
        if got is not None:
            return got
        if tech in self.done:
            got = 0
        else:
            cap = self.rules.techs[tech].rate_cap
            own = -(-self.rem[tech] // cap)
            got = own + max((self.finish_time(r) for r in self.rules.techs[tech].requires), default=0)
        self._ft[tech] = got
        return got

    def hardware_for(self, m: str) -> tuple[tuple[str, str], ...]:
        """For each slot, the option nearest to ready (least research), then the most reliable, then the cheapest."""
        got = self._hw.get(m)
        if got is not None:
            return got
        me, k, hw_table = self.me, self.k, self.rules.hardware
        picked = []
        for slot, options in k.missions[m].slots:
            best, best_key = options[0], None
            for h in options:
                tech = k.tech_of[h]
                key = (self.tech_need(tech), -me.reliability(tech), hw_table[h].unit_cost)
                if best_key is None or key < best_key:
                    best, best_key = h, key
            picked.append((slot, best))
        got = tuple(picked)
        self._hw[m] = got
        return got

    def needs(self, m: str) -> tuple[str, ...]:
        """Unfinished techs a mission still needs (its hardware's and those its availability asks for), prerequisites first."""
        got = self._needs.get(m)
        if got is not None:
            return got
        out: dict[str, None] = {}
        k = self.k
        for _, h in self.hardware_for(m):
            for t in k.closure[k.tech_of[h]]:
                if t not in self.done:
                    out[t] = None
        for tech in k.missions[m].asks:
            for t in k.closure[tech]:
                if t not in self.done:
                    out[t] = None
        got = tuple(out)
        self._needs[m] = got
        return got

    def eta(self, m: str) -> int:
        return max((self.finish_time(t) for t in self.needs(m)), default=0)

    def points(self, m: str) -> int:
        return sum(self.rem[t] for t in self.needs(m))

    # ------------------------------------------------------------------ what things are worth

    def prize(self, m: str) -> int:
        """Prestige the mission's new milestones would bring, weighted by the personality."""
        facts = self.k.missions[m]
        value = 0
        for ms_id in facts.milestones:
            if ms_id in self.me.milestones:
                continue
            ms = self.rules.milestones[ms_id]
            reached = len(self.view.firsts.get(ms_id, ()))
            base = ms.first if reached == 0 else ms.second if reached == 1 else ms.later
            value += base * self.style.w(ms_id) // 100
        if value > 0:
            value = value * self.style.w("crewed" if facts.crew else "uncrewed") // 100
        return value

    def worth(self, m: str) -> int:
        """The prize in money, plus what a first success pays in budget or cash."""
        prize = self.prize(m)
        facts = self.k.missions[m]
        if prize <= 0 and not (facts.payoff > 0 and m in self.view.available_missions):
            return 0
        return prize * self.t.prestige_worth + max(0, facts.payoff)

    def flyable_someday(self, m: str) -> bool:
        facts = self.k.missions[m]
        st = self.strategy
        if st.no_crew and facts.crew:
            return False
        if st.only_winning and not facts.wins:
            return False
        if st.one_line is not None and not self._in_line(m):
            return False
        if facts.crew:
            mine = [
                c for c in self.k.crew_of_side[self.view.side] if self.me.crews[c].status not in ("dead", "retired")
            ]
            if len(mine) < facts.crew:
                return False
            for trait in facts.traits:
                if not any(trait in self.rules.crews[c].traits for c in mine):
                    return False
        if m in self.view.available_missions:
            return True
        return not facts.gated and bool(facts.asks)

    def _in_line(self, m: str) -> bool:
        line = self.strategy.one_line
        return any(self.k.line_of[self.k.tech_of[h]] == line for _, h in self.hardware_for(m))

    # ------------------------------------------------------------------ the rival, from public record and estimates

    def _rival_techs(self) -> set[str]:
        """Techs some rival is known to have: from intelligence estimates and from what it has flown."""
        known: set[str] = set()
        for r in self.view.rivals:
            if r.estimate is not None:
                known.update(t for t, rel in r.estimate.techs.items() if rel > 0)
        rivals = {r.id for r in self.view.rivals}
        k = self.k
        for rec in self.view.public_log:
            if rec.side in rivals and rec.outcome != "scrubbed":
                for _, options in k.missions[rec.mission].slots:
                    if len(options) == 1:
                        known.update(k.closure[k.tech_of[options[0]]])
        return known

    def rival_close(self, m: str) -> bool:
        """Whether a rival looks able to fly `m` (or another flight to the same milestones) soon."""
        if not self.t.rival_watch:
            return False
        facts = self.k.missions[m]
        rivals = {r.id for r in self.view.rivals}
        for rec in self.view.public_log[-24:]:
            if rec.side in rivals and rec.mission == m:
                return True
        k = self.k
        return all(any(k.tech_of[h] in self.rival_techs for h in options) for _, options in facts.slots)

    # ------------------------------------------------------------------ the turn

    def plan(self) -> list[Action]:
        out: list[Action] = []
        self._decide(out)
        cash = self.me.cash
        goals = self.goals()
        cash = self._launch(goals, cash, out)
        cash = self._recruit(goals, cash, out)
        self._research(goals, cash, out)
        intel = self.t.intel * self.style.w("intel") // 100
        if self.me.intel != intel:
            out.append(FundIntelligence(self.view.side, intel))
        return out

    def goals(self) -> list[str]:
        """Missions worth working toward, best prize per money still to spend first (the winning ones lead)."""
        scored = []
        winning = []
        for m, facts in self.k.missions.items():
            if facts.wins:
                if m not in self.me.milestones and self.flyable_someday(m) and self.prize(m) > 0:
                    winning.append((self.eta(m), self.points(m), m))
                continue
            worth = self.worth(m)
            if worth <= 0 or not self.flyable_someday(m):
                continue
            cost = self.points(m) * 100 // self.rate + self.reliability_cost(m) + self.hardware_cost(m)
            weight = max((self.style.w(line) for line in self._lines(m)), default=100)
            scored.append((-(worth * weight * 10 // (cost + 25)), m))
        scored.sort()
        ranked = [m for _, m in scored]
        if self.blundering and len(ranked) > 2:
            # A believable mistake: it falls for a showy but distant prize this turn.
            i = self.rng.below(len(ranked))
            ranked.insert(0, ranked.pop(i))
        winning.sort()
        return [m for *_, m in winning] + ranked

    def _lines(self, m: str) -> list[str]:
        k = self.k
        return [k.line_of[t] for t in self.needs(m)] or [k.line_of[k.tech_of[h]] for _, h in self.hardware_for(m)]

    def hardware_cost(self, m: str) -> int:
        hw = self.rules.hardware
        return sum(hw[h].unit_cost for _, h in self.hardware_for(m)) + self.rules.missions[m].cost

    def reliability_cost(self, m: str) -> int:
        """Money that research would need to bring the mission's finished techs up to this player's comfort."""
        k, me = self.k, self.me
        target = self.t.victory_odds if k.missions[m].wins else 70
        cost = 0
        improve = self.rules.settings.research_improve
        for _, h in self.hardware_for(m):
            tech = k.tech_of[h]
            rel = me.reliability(tech) if tech in self.done else self.rules.techs[tech].base
            if rel < target + 15:
                cost += (target + 15 - rel) * self.rules.techs[tech].cost * improve // self.rate
        return cost

    # -- decisions --------------------------------------------------------------------------

    def _decide(self, out: list[Action]) -> None:
        for d in self.me.decisions:
            if self.blundering:
                pick = d.choices[self.rng.below(len(d.choices))]
            else:
                event = self.rules.events[d.event]
                values = {c.id: self.effects_value(c.effects) for c in event.choices if c.id in d.choices}
                pick = max(d.choices, key=lambda c: (values.get(c, -(10**9)), -d.choices.index(c)))
            out.append(Decide(self.view.side, d.id, pick))

    def effects_value(self, effects: tuple[Effect, ...]) -> int:
        """What a set of effects is worth to this side now, in money."""
        years = min(8, self.turns_left // self.rules.settings.turns_per_year + 1)
        value = 0
        wanted = self._wanted_techs()
        for e in effects:
            if e.__class__ is AddBudget:
                value += e.amount * years * (1 if e.target == "self" else -1)  # type: ignore[union-attr]
            elif e.__class__ is AddCash:
                value += e.amount * (1 if e.target == "self" else -1)  # type: ignore[union-attr]
            elif e.__class__ is AddPrestige:
                value += e.amount * self.t.prestige_worth * (1 if e.target == "self" else -1)  # type: ignore[union-attr]
            elif isinstance(e, ResearchProgress):
                sign = 1 if e.target == "self" else -1
                value += sign * self._tech_points_value(e.tech, e.amount, wanted)
            elif isinstance(e, ModifyReliability):
                sign = 1 if e.target == "self" else -1
                if e.tech in self.done:
                    value += sign * self._tech_points_value(e.tech, e.amount, wanted)
            elif isinstance(e, ResearchRate):
                spend = self.me.budget * years * 6 // 10
                value += e.amount * spend // 100 * (1 if e.target == "self" else -1)
            elif isinstance(e, CrewMorale):
                value += e.amount // 2
            elif isinstance(e, LoseCrew):
                value -= 15 * e.count
            elif isinstance(e, InjureCrew):
                value -= 3 * e.count
            elif isinstance(e, RandomOneOf) and e.options:
                total = sum(max(0, o.weight) for o in e.options) or 1
                value += sum(self.effects_value(o.effects) * max(0, o.weight) for o in e.options) // total
        return value

    def _tech_points_value(self, tech: str, amount: int, wanted: set[str]) -> int:
        share = 100 if tech in wanted else 25
        if tech in self.done:
            # Reliability points: what research would have paid for them.
            per_point = self.rules.techs[tech].cost * self.rules.settings.research_improve // self.rate
            return amount * per_point * share // 100
        return amount * 100 // self.rate * share // 100

    def _wanted_techs(self) -> set[str]:
        wanted: set[str] = set()
        for m in self.k.victory_missions:
            wanted.update(self.needs(m))
            wanted.update(self.k.tech_of[h] for _, h in self.hardware_for(m))
        return wanted

    # -- launches ---------------------------------------------------------------------------

    def floor(self, m: str) -> int:
        """The lowest success chance it flies `m` at: a great prize, or a rival at the door, make it bolder."""
        facts = self.k.missions[m]
        t = self.t
        caution = self.style.w("caution")
        if facts.wins:
            base = t.victory_dash if self.rival_close(m) else t.victory_odds
            return base * caution // 100
        base = max(t.min_crewed, self.style.risk) if facts.crew else t.min_uncrewed
        base = base * caution // 100
        base -= min(20, self.prize(m) // max(1, t.boldness))
        if self.rival_close(m) and self.prize(m) > 0:
            base -= 10
        return max(10, base)

    def max_crew_loss(self, m: str) -> int:
        prize = self.prize(m)
        if self.k.missions[m].wins:
            return self.t.max_crew_loss + 300
        return self.t.max_crew_loss + min(120, prize * 4)

    def _launch(self, goals: list[str], cash: int, out: list[Action]) -> int:
        rules, me, side = self.rules, self.me, self.view.side
        limit = rules.settings.max_missions_per_turn - len(me.plan)
        if limit <= 0:
            return cash
        stock = {h: n - me.reserved_hardware(h) for h, n in me.hardware.items() if n}
        busy: set[str] = set()
        candidates = [m for m in goals if m in self.view.available_missions]
        # Flights that pay without a milestone (a lasting service) come after the prizes.
        for m, facts in self.k.missions.items():
            if m not in candidates and m in self.view.available_missions and facts.payoff > 0 and self.worth(m) > 0:
                candidates.append(m)
        reserve = self._launch_reserve(goals)
        flown = 0
        for m in candidates:
            if flown >= limit:
                break
            facts = self.k.missions[m]
            if facts.crew and self.strategy.no_crew:
                continue
            plan = self._flight(m, stock, busy)
            if plan is None:
                continue
            hardware, crew, buy, price = plan
            if price > cash - (0 if facts.wins else reserve):
                continue
            odds = mission_odds(rules, me, rules.missions[m], hardware, crew)
            chance = (odds.success + odds.partial) // 10
            floor = self.floor(m)
            if self.blundering and not facts.wins:
                floor -= 15  # over-eager
            if chance < floor or (facts.crew and odds.crew_lost > self.max_crew_loss(m)):
                continue
            for h, n in buy.items():
                out.append(BuyHardware(side, h, n))
                stock[h] = stock.get(h, 0) + n
            for _, h in hardware:
                stock[h] -= 1
            cash -= price
            busy.update(crew)
            out.append(PlanMission(side, m, hardware, crew))
            flown += 1
        return cash

    def _launch_reserve(self, goals: list[str]) -> int:
        """Cash kept for the winning flight once its techs are all done."""
        for m in goals:
            if self.k.missions[m].wins and not self.needs(m):
                return self.hardware_cost(m)
        return 0

    def _flight(
        self, m: str, stock: dict[str, int], busy: set[str]
    ) -> tuple[tuple[tuple[str, str], ...], tuple[str, ...], dict[str, int], int] | None:
        """Hardware (most reliable unlocked option, stock first), crew, what to buy and the price."""
        rules, me, k = self.rules, self.me, self.k
        facts = k.missions[m]
        left = dict(stock)
        buy: dict[str, int] = {}
        hardware = []
        price = rules.missions[m].cost
        for slot, options in facts.slots:
            best, best_key = None, None
            for h in options:
                tech = k.tech_of[h]
                if tech not in self.done:
                    continue
                key = (-me.reliability(tech), 0 if left.get(h, 0) > 0 else 1, rules.hardware[h].unit_cost)
                if best_key is None or key < best_key:
                    best, best_key = h, key
            if best is None:
                return None
            hardware.append((slot, best))
            if left.get(best, 0) > 0:
                left[best] -= 1
            else:
                buy[best] = buy.get(best, 0) + 1
                price += rules.hardware[best].unit_cost
        crew = self.crew_for(m, busy)
        if crew is None:
            return None
        return tuple(hardware), crew, buy, price

    def crew_for(self, m: str, busy: set[str]) -> tuple[str, ...] | None:
        """The ready crew best at the skills the mission's critical steps lean on, meeting its traits."""
        facts = self.k.missions[m]
        if facts.crew == 0:
            return ()
        me = self.me
        taken = busy | me.busy_crew()
        ready = [c for c in self.k.crew_of_side[self.view.side] if me.crews[c].status == ACTIVE and c not in taken]
        if len(ready) < facts.crew:
            return None
        skills = facts.skills

        def merit(c: str) -> tuple[int, str]:
            sk = me.crews[c].skills
            return (-sum(sk.get(s, 0) * n for s, n in skills) - sum(sk.values()) // 20, c)

        ready.sort(key=merit)
        crew: list[str] = []
        for trait in facts.traits:
            having = [c for c in ready if trait in self.rules.crews[c].traits and c not in crew]
            if not having:
                return None
            crew.append(having[0])
        for c in ready:
            if len(crew) >= facts.crew:
                break
            if c not in crew:
                crew.append(c)
        return tuple(crew) if len(crew) == facts.crew else None

    # -- crews ------------------------------------------------------------------------------

    def _recruit(self, goals: list[str], cash: int, out: list[Action]) -> int:
        if self.strategy.no_crew:
            return cash
        rules, me = self.rules, self.me
        soon = [m for m in goals[: self.t.goals + 2] if self.k.missions[m].crew and self.eta(m) <= self.t.horizon]
        if not soon:
            return cash
        need = max(self.k.missions[m].crew for m in soon) + self.t.spares
        if self.blundering:
            need -= 1
        traits = {t for m in soon for t in self.k.missions[m].traits}
        mine = self.k.crew_of_side[self.view.side]
        alive = [c for c in mine if me.crews[c].status in ALIVE]
        candidates = [
            c for c in mine if me.crews[c].status == "candidate" and rules.crews[c].available <= self.view.turn
        ]
        if not candidates:
            return cash
        skills: dict[str, int] = {}
        for m in soon:
            for s, n in self.k.missions[m].skills:
                skills[s] = skills.get(s, 0) + n
        candidates.sort(key=lambda c: (-sum(me.crews[c].skills.get(s, 0) * n for s, n in skills.items()), c))
        cost = rules.settings.recruit_cost
        for trait in sorted(traits):
            if not any(trait in rules.crews[c].traits for c in alive):
                for c in candidates:
                    if trait in rules.crews[c].traits and cash >= cost:
                        out.append(RecruitCrew(self.view.side, c))
                        cash -= cost
                        alive.append(c)
                        candidates.remove(c)
                        break
        for c in candidates:
            if len(alive) >= need or cash < cost:
                break
            out.append(RecruitCrew(self.view.side, c))
            cash -= cost
            alive.append(c)
        return cash

    # -- research ---------------------------------------------------------------------------

    def _research(self, goals: list[str], cash: int, out: list[Action]) -> None:
        rules, me, side, t = self.rules, self.me, self.view.side, self.t
        share = t.research_share * self.style.w("research") // 100
        budget = max(0, cash - self.income * t.reserve) * min(100, share) // 100
        if self.blundering:
            budget = budget * 2 // 3  # a timid turn: money left idle
        funding: dict[str, int] = {}
        left = budget

        def give(tech: str, limit: int | None = None) -> int:
            nonlocal left
            if left <= 0 or tech in funding:
                return 0
            if self.strategy.one_line is not None and not self._line_ok(tech):
                return 0
            want = useful_funding(rules, me, rules.techs[tech], me.techs[tech])
            amount = min(want, left, want if limit is None else limit)
            if amount > 0:
                funding[tech] = amount
                left -= amount
                return amount
            return 0

        available = self.view.available_techs
        winning = [m for m in goals if self.k.missions[m].wins]
        others = [m for m in goals if not self.k.missions[m].wins][: t.goals]
        # 1. The critical path of the winning mission, up to its share.
        cap = budget * min(100, t.victory_share * self.style.w("victory") // 100) // 100
        for m in winning[:1]:
            for tech in self._critical(m, t.slack):
                if cap <= 0:
                    break
                cap -= give(tech, cap)
            if not self.needs(m):
                for tech in self._unready(m, self.floor(m) + t.margin):
                    if cap <= 0:
                        break
                    cap -= give(tech, cap)
        # 2. The other goals by rank: what they need, then reliability where their odds are poor.
        if not self.strategy.only_winning:
            for m in others:
                if left <= 0:
                    break
                for tech in self.needs(m):
                    if tech in available:
                        give(tech)
                if not self.needs(m):
                    for tech in self._unready(m, self.floor(m) + t.margin):
                        give(tech)
        # 3. Whatever is left goes on down the winning chain.
        for m in winning[:1]:
            for tech in self._critical(m, 10**6):
                if tech in available:
                    give(tech)
            for tech in self._unready(m, 95):
                give(tech)
        for tech, ts in me.techs.items():
            want = funding.get(tech, 0)
            if ts.funding != want:
                out.append(FundResearch(side, tech, want))

    def _line_ok(self, tech: str) -> bool:
        line = self.strategy.one_line
        if self.k.line_of[tech] == line:
            return True
        # Prerequisites of the line's techs are part of the line's programme.
        return any(
            self.k.line_of[d] == line and tech in self.k.closure[d] for d in self.rules.techs if d not in self.done
        )

    def _critical(self, m: str, slack: int) -> list[str]:
        """Techs of `m` that can be researched now, most critical first, whose slack is at most `slack` turns."""
        needs = self.needs(m)
        if not needs:
            return []
        inside = set(needs)
        after: dict[str, int] = {}
        turns = {t: -(-self.rem[t] // self.rules.techs[t].rate_cap) for t in needs}
        for tech in reversed(needs):  # prerequisites come first in `needs`, so dependents are settled
            after[tech] = max((turns[d] + after[d] for d in self.k.dependents[tech] if d in inside), default=0)
        eta = self.eta(m)
        out = []
        for tech in needs:
            if tech in self.view.available_techs:
                s = eta - self.finish_time(tech) - after[tech]
                if s <= slack:
                    out.append((s, -after[tech], tech))
        out.sort()
        return [tech for *_, tech in out]

    def _unready(self, m: str, target: int) -> list[str]:
        """Finished techs whose reliability keeps `m`'s odds under `target` percent, weakest step first."""
        odds = self.odds_of(m)
        if odds is None:
            return []
        if (odds.success + odds.partial) // 10 >= target:
            return []
        techs = self.rules.techs
        order = []
        seen: set[str] = set()
        for so in sorted(odds.steps, key=lambda so: -so.risk):
            if so.tech not in seen and self.me.techs[so.tech].reliability < techs[so.tech].ceiling:
                seen.add(so.tech)
                order.append(so.tech)
        return order

    def odds_of(self, m: str) -> MissionOdds | None:
        """The odds of `m` with its best hardware and crew, as if flown now (a crew of average skill if none is free)."""
        hardware = self.hardware_for(m)
        if any(self.k.tech_of[h] not in self.done for _, h in hardware):
            return None
        crew = self.crew_for(m, set()) or ()
        if len(crew) != self.k.missions[m].crew:
            crew = ()
        return mission_odds(self.rules, self.me, self.rules.missions[m], hardware, crew)


def plan_turn(
    view: PlayerView, temper: Temper, rng: Rng, style: Style | None = None, strategy: Strategy | None = None
) -> list[Action]:
    """One turn's orders from the heuristic planner (EndTurn not included)."""
    if view.over:
        return []
    return Planner(view, temper, rng, style, strategy).plan()


def with_temper(temper: Temper, **changes: object) -> Temper:
    return replace(temper, **changes)  # type: ignore[arg-type]
