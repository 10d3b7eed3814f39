"""What a computer player works out once per ruleset: prerequisite chains, what each mission needs, what wins.

Everything here is derived from the public rule book alone (never from a game state), so it is
shared by every side, every level and every game played with the same Ruleset. Some tables also
remember answers the planners work out from their own PlayerView (the flights a set of hardware
picks makes, the traits among a side's people, ...): pure functions of what they are keyed by, kept
because the same keys come back turn after turn.
"""

from __future__ import annotations

from operator import itemgetter

from game.ai.knowledge_records import FlightShape, GoalRow, MissionFacts, PrizeTable, Progress, Survey
from game.ai.rule_reading import effect_techs, effects_money, firsts, has_loop, own_milestones, research_stakes, union
from game.ai.temper import Style, style_of
from game.engine import odds
from game.engine.actions import BuyHardware, PlanMission
from game.engine.conditions import own_needs
from game.engine.rules import Ruleset

__all__ = ["MEMO_LIMIT", "Knowledge", "effects_money", "forget_all", "knowledge"]

MEMO_LIMIT = 20_000  # entries a remembered table may hold before it starts afresh


class Knowledge:
    """Per-ruleset tables; build once with `knowledge(rules)`.

    `races` says whether the player plans its programme around the ruleset's victories (their missions are the
    winning missions, their prerequisites the stepping stones and their techs the road), or plays none of them
    as a race to win, every first counting by its prize alone (`Knowledge.prizes_only`).
    """

    def __init__(self, rules: Ruleset, races: bool = True) -> None:
        self.rules = rules
        self.races = races
        self._prizes_only: Knowledge | None = None
        techs = rules.techs
        self.closure: dict[str, tuple[str, ...]] = {}
        for t in techs:
            self._close(t)
        self.dependents: dict[str, tuple[str, ...]] = {
            t: tuple(d for d, tech in techs.items() if t in tech.requires) for t in techs
        }
        # Techs in an order where prerequisites come first; bit i of a mask stands for order[i].
        order: dict[str, None] = {}
        for t in techs:
            order.update(dict.fromkeys(self.closure[t]))
        self.order = tuple(order)
        self.bit = {t: 1 << i for i, t in enumerate(self.order)}
        # Per four bits of a mask (lowest first), the techs each of their 16 values stands for (see `techs_in`).
        self.nibbles = tuple(
            tuple(tuple(t for i, t in enumerate(self.order[base : base + 4]) if value >> i & 1) for value in range(16))
            for base in range(0, len(self.order), 4)
        )
        self.closure_mask = {t: sum(self.bit[x] for x in self.closure[t]) for t in techs}
        self.cost = {t: tech.cost for t, tech in techs.items()}
        self._cost_in: dict[int, int] = {}
        self._techs_in: dict[int, tuple[str, ...]] = {}
        self._settled_after: dict[int, tuple[tuple[str, tuple[str, ...]], ...]] = {}
        self.tech_of = {h: hw.tech for h, hw in rules.hardware.items()}
        self.hardware_mask = {h: self.closure_mask[hw.tech] for h, hw in rules.hardware.items()}
        self.hardware_bit = {h: self.bit[hw.tech] for h, hw in rules.hardware.items()}
        self.hardware_techs = tuple(dict.fromkeys(hw.tech for hw in rules.hardware.values()))
        self.zeros = dict.fromkeys(self.order, 0)
        self._progress: dict[int, Progress] = {}
        # Per mission, the techs of every hardware option it has, and of each slot's options.
        self.options_mask = {
            m.id: sum({self.bit[rules.hardware[h].tech] for s in m.slots for h in s.options})
            for m in rules.missions.values()
        }
        self.slot_options_mask = {
            m.id: tuple(sum({self.bit[rules.hardware[h].tech] for h in s.options}) for s in m.slots)
            for m in rules.missions.values()
        }
        # What flying a mission shows the world about the techs behind it: the slots with one option.
        self.shown_by: dict[str, frozenset[str]] = {}
        for m in rules.missions.values():
            shown: set[str] = set()
            for slot in m.slots:
                if len(slot.options) == 1:
                    shown.update(self.closure[rules.hardware[slot.options[0]].tech])
            self.shown_by[m.id] = frozenset(shown)
        self.shown_mask = {m: sum(self.bit[t] for t in shown) for m, shown in self.shown_by.items()}
        self._goal_rows: dict[tuple[tuple[str, int], ...], tuple[GoalRow, ...]] = {}
        self._prize_tables: dict[tuple[tuple[str, int], ...], PrizeTable] = {}
        self.line_of = {t: tech.line for t, tech in techs.items()}
        self.victory_milestones = (
            frozenset(ms for v in rules.victory for ms in own_milestones(v.when)) if races else frozenset()
        )
        self.missions: dict[str, MissionFacts] = {}
        for m in rules.missions.values():
            asks, prereqs, gated = own_needs(m.available)
            skills: dict[str, int] = {}
            for st in m.steps:
                if st.skill and st.critical:
                    skills[st.skill] = skills.get(st.skill, 0) + 1
            lines = frozenset(self.line_of[self.tech_of[h]] for s in m.slots for h in s.options)
            self.missions[m.id] = MissionFacts(
                id=m.id,
                slots=tuple((s.id, s.options) for s in m.slots),
                asks=tuple(asks),
                prereqs=tuple(prereqs),
                gated=gated,
                crew=m.crew,
                traits=m.crew_traits,
                skills=tuple(sorted(skills.items())),
                steps=tuple((st.slot, st.difficulty, st.skill, st.critical) for st in m.steps),
                critical=tuple(st.critical for st in m.steps),
                milestones=m.milestones,
                wins=any(ms in self.victory_milestones for ms in m.milestones),
                lines=lines,
                payoff=effects_money(m.effects, years=8),
                failure_cost=max(0, -m.prestige.failure),
                death_cost=max(0, -m.prestige.death),
                research=research_stakes(m.effects),
                asks_mask=union(self.closure_mask[t] for t in asks),
                choices=tuple(s.options for s in m.slots if len(s.options) > 1),
            )
        self.victory_missions = tuple(m for m, f in self.missions.items() if f.wins)
        # Every set of options some slot offers (when it offers more than one), and per mission the flights
        # met so far by the options picked (see `shape`).
        self.option_sets = tuple(dict.fromkeys(o for f in self.missions.values() for o in f.choices))
        self.shapes: dict[str, dict[tuple[str, ...], FlightShape]] = {}
        self._surveys: dict[tuple[tuple[str, ...], int], Survey] = {}
        self._flights: dict[tuple[str, ...], Survey] = {}
        self._point_costs: dict[int, dict[str, int]] = {}
        self.hardware_price: dict[str, int] = {}
        self.flight_price: dict[str, int] = {}
        self.hardware_on: dict[str, tuple[tuple[str, int], ...]] = {}  # tech -> (hardware, unit cost) on it
        self.climb_rate: dict[str, int] = {}
        self._engine: tuple[object, ...] = ()
        self.follow_engine()
        self._traits: dict[tuple[str, ...], frozenset[str]] = {}
        # Who earns each milestone, and the milestones a winning mission must have earned first (its
        # stepping stones: in the default campaign, the landing asks for Gemini's docking and spacewalk).
        earners: dict[str, list[str]] = {}
        for mid, f in self.missions.items():
            for ms in f.milestones:
                if ms not in f.prereqs:
                    earners.setdefault(ms, []).append(mid)
        self.earners = {ms: tuple(ms_earners) for ms, ms_earners in earners.items()}
        # Whether some mission's prerequisite milestones are earned only through missions that (in the end)
        # ask for its own; `flyable` keeps planners' answers on whether missions can be flown one day.
        self.prerequisite_loops = has_loop(
            {m: [e for ms in f.prereqs for e in self.earners.get(ms, ())] for m, f in self.missions.items()}
        )
        self.flyable: dict[tuple[object, ...], dict[str, bool]] = {}
        # All those answers read of a side's milestones and people (see `chain._flyable_table`).
        self.prerequisite_milestones = frozenset(ms for f in self.missions.values() for ms in f.prereqs)
        self.largest_crew = max((f.crew for f in self.missions.values()), default=0)
        self.crew_traits = frozenset(t for f in self.missions.values() for t in f.traits)
        self.stepping: dict[str, tuple[str, ...]] = {}
        for mid in self.victory_missions:
            seen: dict[str, None] = {}
            todo = list(self.missions[mid].prereqs)
            while todo:
                ms = todo.pop()
                if ms in seen:
                    continue
                seen[ms] = None
                for earner in self.earners.get(ms, ()):
                    todo.extend(self.missions[earner].prereqs)
            self.stepping[mid] = tuple(seen)
        self.stepping_missions = frozenset(
            earner for steps in self.stepping.values() for ms in steps for earner in self.earners.get(ms, ())
        )
        self.service_missions = tuple(m for m, f in self.missions.items() if f.payoff > 0)
        self.test_missions = tuple(m for m, f in self.missions.items() if not f.milestones and f.payoff <= 0)
        # Missions whose every success earns prestige of its own, a repeat's too (`Temper.repeats` flies them).
        self.repeat_missions = tuple(m for m in self.missions if rules.missions[m].prestige.success > 0)
        self._weighted: dict[tuple[tuple[str, int], ...], dict[str, tuple[tuple[str, int, int, int], ...]]] = {}
        # Every tech some winning mission could need, whichever hardware it flies: the road to victory.
        road: set[str] = set()
        for mid in (*self.victory_missions, *sorted(self.stepping_missions)):
            f = self.missions[mid]
            for _, options in f.slots:
                for h in options:
                    road.update(self.closure[self.tech_of[h]])
            for tech in f.asks:
                road.update(self.closure[tech])
        self.road_mask = sum(self.bit[t] for t in road)
        # Events that being first to a milestone sets off: milestone -> [(event, for whom: self or rival)].
        self.first_events: dict[str, list[tuple[str, str]]] = {}
        for e in rules.events.values():
            for ms, by in firsts(e.when):
                self.first_events.setdefault(ms, []).append((e.id, by))
        # The missions whose prizes `goals.choose_goals` works out together every turn (every one that cannot
        # win, and the winning ones too unless a first bonus goes into theirs: those wait for a flight it may fly).
        self.prize_missions = tuple(
            m for m, f in self.missions.items() if not f.wins or not any(ms in self.first_events for ms in f.milestones)
        )
        # Per milestone with first events, the techs their effects name (what they are worth depends on).
        self.first_techs = {
            ms: tuple(dict.fromkeys(t for e, _ in events for t in effect_techs(rules.events[e])))
            for ms, events in self.first_events.items()
        }
        self.first_bonuses: dict[tuple[object, ...], int] = {}
        self.crew_of_side = {
            s.id: tuple(c for c, member in rules.crews.items() if member.side == s.id) for s in rules.sides
        }
        # Per side, (person, the turn from which the side can recruit them), soonest first.
        self.recruitable_from = {
            side: tuple(sorted(((c, rules.crews[c].available) for c in crew), key=itemgetter(1)))
            for side, crew in self.crew_of_side.items()
        }
        # Each side's AI personality (scenario data), as the planner reads it.
        self.styles: dict[str, Style] = {s.id: style_of(rules, s.id) for s in rules.sides}
        # Per side, its people with traits some crew asks for, and those traits.
        self.trait_holders = {
            side: tuple(
                (c, self.crew_traits.intersection(rules.crews[c].traits))
                for c in crew
                if self.crew_traits.intersection(rules.crews[c].traits)
            )
            for side, crew in self.crew_of_side.items()
        }

    def techs_in(self, mask: int) -> tuple[str, ...]:
        """The techs a mask of `bit`s stands for, prerequisites first (remembered: the same masks come back)."""
        got = self._techs_in.get(mask)
        if got is None:
            out: list[str] = []
            rest = mask
            for techs in self.nibbles:  # (four bits at a time: a mask met first often has dozens)
                if rest & 15:
                    out += techs[rest & 15]
                rest >>= 4
                if not rest:
                    break
            got = tuple(out)
            if len(self._techs_in) > MEMO_LIMIT:
                self._techs_in.clear()
            self._techs_in[mask] = got
        return got

    def settled_after(self, mask: int) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """The techs of a mask, dependents first, each with its dependents among them: the order in which what
        must follow each tech is settled (`chain.critical`). Remembered, like `techs_in`."""
        got = self._settled_after.get(mask)
        if got is None:
            techs = self.techs_in(mask)
            got = tuple((t, tuple([d for d in self.dependents[t] if self.bit[d] & mask])) for t in reversed(techs))
            if len(self._settled_after) > MEMO_LIMIT:
                self._settled_after.clear()
            self._settled_after[mask] = got
        return got

    def progress(self, done_mask: int) -> Progress:
        """What is left open once the techs of `done_mask` are finished (remembered: it changes a few times a game)."""
        got = self._progress.get(done_mask)
        if got is None:
            # (lists built, then frozen: quicker than tuples of generators; a new set of finished techs comes
            # a few dozen times a game, and each is walked here once)
            techs, closure_mask, bit = self.rules.techs, self.closure_mask, self.bit
            unfinished = ~done_mask
            open_ = {t for t in self.order if closure_mask[t] & unfinished}  # something unfinished in its closure
            got = Progress(
                schedule=tuple(
                    [
                        (
                            t,
                            tuple([r for r in techs[t].requires if r in open_]),
                            techs[t].rate_cap,
                            bool(bit[t] & done_mask),
                        )
                        for t in self.order
                        if t in open_
                    ]
                ),
                unfinished=tuple([t for t in self.order if not bit[t] & done_mask]),
                done_hardware=tuple([t for t in self.hardware_techs if bit[t] & done_mask]),
                open_hardware=tuple(
                    [
                        (t, self.techs_in(closure_mask[t] & unfinished), techs[t].base)
                        for t in self.hardware_techs
                        if not bit[t] & done_mask
                    ]
                ),
            )
            if len(self._progress) > MEMO_LIMIT // 10:
                self._progress.clear()
            self._progress[done_mask] = got
        return got

    def prizes_only(self) -> Knowledge:
        """The same ruleset's tables for a player who races for no victory (built once, on first use)."""
        if not self.races:
            return self
        if self._prizes_only is None:
            self._prizes_only = Knowledge(self.rules, races=False)
        self._prizes_only.follow_engine()
        return self._prizes_only

    def follow_engine(self) -> None:
        """Work out the engine's prices the planners read: what an order costs (`odds.order_cost`) and what a
        reliability point costs (`odds.reliability_point_price` in money, `odds.reliability_point_cost` in
        research).

        They are remembered with the functions they came from and worked out again (with every table that
        holds one) when the engine's are not those: a test that swaps a rule sees the planners follow it.
        """
        engine = (odds.order_cost, odds.reliability_point_price, odds.reliability_point_cost)
        if engine == self._engine:
            return
        self._engine = engine
        rules = self.rules
        self.shapes = {m: {} for m in self.missions}
        self._surveys.clear()
        self._flights.clear()
        self._point_costs.clear()
        self.hardware_price = {h: odds.order_cost(rules, BuyHardware("", h, 1)) for h in rules.hardware}
        # What ordering each mission's flight costs, in the default window (the engine's price of a flight reads
        # its mission and window, not the hardware or crew it flies).
        self.flight_price = {m: odds.order_cost(rules, PlanMission("", m, ())) for m in rules.missions}
        on: dict[str, list[tuple[str, int]]] = {t: [] for t in self.hardware_techs}
        for h, hw in rules.hardware.items():
            on[hw.tech].append((h, self.hardware_price[h]))
        self.hardware_on = {t: tuple(rows) for t, rows in on.items()}
        # Reliability points a turn of research at full rate buys a finished tech (well below its ceiling, at
        # average luck): its research points over what a point costs (in hundredths of research points).
        cost = odds.reliability_point_cost
        self.climb_rate = {t: max(1, x.rate_cap * 100 // max(1, cost(rules, x))) for t, x in rules.techs.items()}

    def point_costs(self, rate: int) -> dict[str, int]:
        """Per tech, the money research at `rate` pays for a point of reliability (`odds.reliability_point_price`;
        remembered: rates change seldom)."""
        got = self._point_costs.get(rate)
        if got is None:
            rules, price = self.rules, odds.reliability_point_price
            got = {t: price(rules, tech, rate) for t, tech in rules.techs.items()}
            if len(self._point_costs) > MEMO_LIMIT // 10:
                self._point_costs.clear()
            self._point_costs[rate] = got
        return got

    def shape(self, mission: str, chosen: tuple[str, ...]) -> FlightShape:
        """The flight `mission` makes with `chosen` in its slots of several options (in slot order)."""
        got = self.shapes[mission].get(chosen)
        if got is None:
            f = self.missions[mission]
            picks = iter(chosen)
            hardware = tuple((slot, options[0] if len(options) == 1 else next(picks)) for slot, options in f.slots)
            got = self.shapes[mission][chosen] = FlightShape(
                hardware=hardware,
                needs_mask=union((f.asks_mask, *(self.hardware_mask[h] for _, h in hardware))),
                price=self.flight_price[mission] + sum(self.hardware_price[h] for _, h in hardware),
                techs=tuple(dict.fromkeys(self.tech_of[h] for _, h in hardware)),
            )
        return got

    def survey(self, picks: tuple[str, ...], done_mask: int) -> Survey:
        """Every mission's flight when the slots offering `option_sets` take `picks` (in that order) and the
        techs of `done_mask` are finished. Remembered: both change seldom from one turn to the next."""
        key = (picks, done_mask)
        got = self._surveys.get(key)
        if got is None:
            # What the picks alone decide is shared by the surveys of every set of finished techs.
            flights = self._flights.get(picks)
            if flights is None:
                best = dict(zip(self.option_sets, picks, strict=True))
                flights = Survey({}, {}, {}, {}, {})  # (needs_mask: with nothing finished)
                for m, f in self.missions.items():
                    flight = self.shape(m, tuple(best[o] for o in f.choices))
                    flights.hardware[m] = flight.hardware
                    flights.needs_mask[m] = flight.needs_mask
                    flights.price[m] = flight.price
                    flights.techs[m] = flight.techs
                    flights.gates[m] = tuple(dict.fromkeys((*flight.techs, *f.asks)))
                if len(self._flights) > MEMO_LIMIT // 10:
                    self._flights.clear()
                self._flights[picks] = flights
            unfinished = ~done_mask
            got = Survey(
                flights.hardware,
                {m: mask & unfinished for m, mask in flights.needs_mask.items()},
                flights.price,
                flights.techs,
                flights.gates,
            )
            if len(self._surveys) > MEMO_LIMIT // 10:
                self._surveys.clear()
            self._surveys[key] = got
        return got

    def traits_among(self, crew: list[str]) -> frozenset[str]:
        """Every trait some of `crew` has (remembered: a side's people change seldom)."""
        key = tuple(crew)
        got = self._traits.get(key)
        if got is None:
            got = frozenset(t for c in crew for t in self.rules.crews[c].traits)
            if len(self._traits) > MEMO_LIMIT:
                self._traits.clear()
            self._traits[key] = got
        return got

    def cost_in(self, mask: int) -> int:
        """The research cost of the techs a mask of `bit`s stands for (remembered, like `techs_in`)."""
        got = self._cost_in.get(mask)
        if got is None:
            got = sum(map(self.cost.__getitem__, self.techs_in(mask)))
            if len(self._cost_in) > MEMO_LIMIT:
                self._cost_in.clear()
            self._cost_in[mask] = got
        return got

    def weighted_milestones(self, key: tuple[tuple[str, int], ...]) -> dict[str, tuple[tuple[str, int, int, int], ...]]:
        """Per mission, (milestone, first, second, later prestige) with the weights (by milestone id; `key` is
        them as sorted pairs) applied."""
        got = self._weighted.get(key)
        if got is None:
            weights = dict(key)
            table = self.rules.milestones
            got = {}
            for m, f in self.missions.items():
                rows = []
                for ms in f.milestones:
                    w = weights.get(ms, 100)
                    x = table[ms]
                    rows.append((ms, x.first * w // 100, x.second * w // 100, x.later * w // 100))
                got[m] = tuple(rows)
            self._weighted[key] = got
        return got

    def prize_table(self, key: tuple[tuple[str, int], ...]) -> PrizeTable:
        """`weighted_milestones` turned about for `prize_missions`: per milestone, the missions that earn it.
        (One per personality, like `goal_rows`: a few per ruleset.)"""
        got = self._prize_tables.get(key)
        if got is None:
            weighted = self.weighted_milestones(key)
            rows: dict[str, tuple[str, int, int, int, list[str]]] = {}
            for m in self.prize_missions:
                for ms, first, second, later in weighted[m]:
                    rows.setdefault(ms, (ms, first, second, later, []))[4].append(m)
            got = self._prize_tables[key] = PrizeTable(
                rows=tuple(
                    (ms, first, second, later, tuple(ms_missions))
                    for ms, first, second, later, ms_missions in rows.values()
                ),
                zeros=dict.fromkeys(self.prize_missions, 0),
                crewed=tuple(bool(self.missions[m].crew) for m in self.prize_missions),
            )
        return got

    def goal_rows(self, key: tuple[tuple[str, int], ...]) -> tuple[GoalRow, ...]:
        """Every mission as `goals` weighs it, in mission order, for the personality with weights `key` (sorted
        pairs): whether it wins, its payoff, and the strongest weight among its hardware's tech lines."""
        got = self._goal_rows.get(key)
        if got is None:
            weights = dict(key)
            got = self._goal_rows[key] = tuple(
                GoalRow(m, f.wins, max(0, f.payoff), max((weights.get(line, 100) for line in f.lines), default=100))
                for m, f in self.missions.items()
            )
        return got

    def _close(self, tech: str) -> tuple[str, ...]:
        got = self.closure.get(tech)
        if got is not None:
            return got
        self.closure[tech] = ()  # a guard against cycles (validation forbids them)
        out: dict[str, None] = {}
        for req in self.rules.techs[tech].requires:
            for t in self._close(req):
                out[t] = None
        out[tech] = None
        self.closure[tech] = tuple(out)
        return self.closure[tech]


_CACHE: dict[int, tuple[Ruleset, Knowledge]] = {}


def forget_all() -> None:
    """Drop every ruleset's tables and everything they remember: the next `knowledge` call builds afresh.
    (Tests use it to play games with every cache cold: a remembered answer must never change a decision.)"""
    _CACHE.clear()


def knowledge(rules: Ruleset) -> Knowledge:
    """The tables for `rules`, built on first use (the ruleset is kept alive with them, so its id stays unique)."""
    hit = _CACHE.get(id(rules))
    if hit is not None and hit[0] is rules:
        hit[1].follow_engine()
        return hit[1]
    if len(_CACHE) > 16:
        _CACHE.clear()
    k = Knowledge(rules)
    _CACHE[id(rules)] = (rules, k)
    return k
