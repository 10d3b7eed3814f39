"""The heuristic computer player: reads only a PlayerView and gives one turn's orders.

Each turn it looks at every mission that would bring a new milestone (a *goal*), works out what
research each still needs and how long that takes at full rate, and values each goal by its prize
per unit of money still to spend beyond what the winning mission (the Moon landing in the default
campaign) needs anyway. Research money then goes first to the winning mission's critical path and
to the reliability its odds lack; then to the good bargains among the goals; then to the winning
chain's techs that still have slack; then to the rest. A flight is ordered when its odds clear a
floor and it pays on average for its hardware, the prestige a failure costs, the crew it may lose,
counting what it teaches the hardware the player still needs; money that research cannot use this
turn counts for less, so an idle treasury buys flights. How bold, patient and single-minded it is
comes from a `Temper` (the level of play) and the side's AI personality (scenario data).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from game.ai.knowledge import MEMO_LIMIT, Knowledge, Prizes, knowledge
from game.engine import crew as engine_crew
from game.engine import odds as engine_odds
from game.engine.actions import (
    Action,
    BuyHardware,
    Decide,
    FundIntelligence,
    FundResearch,
    PlanMission,
    RecruitCrew,
)
from game.engine.effects import Effect
from game.engine.odds import MissionOdds
from game.engine.rng import Rng
from game.engine.view import PlayerView
from game.engine.vocab import WHO_SELF, Quantity, Stake

ALIVE = ("active", "training", "injured")
GONE = frozenset(("dead", "retired"))
CREW_WORTH = 20  # money a trained crew member is worth to a programme
# Research asks, loudest first.
CRITICAL, WINDFALL, SLACK, BARGAIN, SLACK_LATE, SURPLUS = 0, 1, 2, 3, 4, 5
FIRST = 10**9  # the value of an ask that must be met before any other


@dataclass(frozen=True, slots=True)
class Temper:
    """How a level of play behaves. The numbers are percent unless said otherwise."""

    name: str
    research_share: int = 100  # of the cash left after launches, what research may take this turn
    slack: int = 2  # turns of slack under which a tech on the winning chain counts as critical
    min_uncrewed: int = 30  # lowest success chance it launches a probe at
    min_crewed: int = 55  # lowest success chance it launches a crew at
    max_crew_loss: int = 80  # per mille chance of losing the crew it accepts, before the prize's pull
    boldness: int = 3  # prestige points of a prize that take one percent off the floor
    margin: int = 10  # reliability research continues until a goal's odds clear its floor by this
    victory_odds: int = 45  # success chance the winning mission waits for when the rival looks far
    victory_dash: int = 30  # ... and what it settles for when the rival looks close
    victory_research: int = 80  # success chance reliability research on the winning mission aims at
    victory_prep: int = (
        88  # reliability it raises the winning mission's finished hardware to while the rest is researched
    )
    workable: int = 75  # reliability it expects to research a tech to before its flights can teach it
    prestige_worth: int = 3  # money one point of prestige is worth beyond what it adds to the budget
    min_ratio: int = 500  # per mille of prize per money a goal must promise to be a bargain
    windfall: int = 1000  # ... and to come before the winning chain's techs with slack (it pays for itself)
    idle_money: int = 30  # percent: what money research cannot use this turn is worth to it
    blunder: int = 0  # percent chance a turn goes wrong in a believable way
    intel: int = 2  # spending a turn on intelligence
    reserve: int = 0  # turns of income kept in cash
    rival_watch: bool = True  # hurries a prize the rival looks ready to take
    spares: int = 2  # crew kept beyond the largest crew it plans to fly
    horizon: int = 6  # turns ahead it recruits crew for a goal
    tests: bool = True  # flies test flights when what they teach is worth their price
    savings: int = 300  # percent of a turn's income put by for test flights as the winning mission nears
    savings_horizon: int = 4  # ... from this many turns before its research is done
    race_watch: bool = True  # puts the winning chain before everything when a rival looks level or ahead on it
    race_margin: int = -5  # percent of the road's research cost by which it must lead to feel safe
    moon_value: int = (
        1500  # per mille: what a unit of money on the winning chain is worth, against goals' prize per money
    )
    rival_share: int = 50  # percent of what a first hands the rival (its shock money) it counts against the first
    turn_worth: int = 100  # money a turn sooner for the winning mission is worth, once its research is capped by time
    protect: tuple[int, ...] = (CRITICAL, SLACK)  # research asks of these classes keep their money from other flights
    near: int = 8  # turns of slack under which the winning chain's techs still come before other goals' bargains
    stepping_turns: int = 4  # turns of `turn_worth` a stepping stone of the winning mission adds to its prize


TEMPERS: dict[str, Temper] = {
    "easy": Temper(
        "easy",
        research_share=75,
        slack=0,
        min_uncrewed=25,
        min_crewed=35,
        max_crew_loss=200,
        margin=0,
        victory_odds=30,
        victory_dash=20,
        near=0,
        protect=(CRITICAL,),
        race_watch=False,
        savings=0,
        victory_research=45,
        min_ratio=300,
        idle_money=60,
        blunder=35,
        turn_worth=50,
        stepping_turns=1,
        intel=0,
        reserve=1,
        rival_watch=False,
        tests=False,
    ),
    # Normal keeps to its own timetable when the rival looks ready to take a prize; hard hurries the
    # prize and searches ahead (see search.py). Both fund the same spying: measured over 800 games, hard
    # spending more on it than normal lost more research than the better estimates won back.
    "normal": Temper("normal", rival_watch=False, turn_worth=60),
    "hard": Temper("hard", slack=4, near=12),
}


@dataclass(frozen=True, slots=True)
class Style:
    """A side's AI personality as the planner reads it: weights keyed by tech line, milestone or habit.

    Habits (100 is neutral): `victory` (how soon reliability work on the winning mission starts and how
    high it aims; below 100, its most critical research no longer goes before everything), `crewed` and `uncrewed` (prizes of flights with and without a crew), `caution`
    (raises every floor), `intel` (intelligence spending), `research` (share of cash put into research).
    """

    weights: dict[str, int] = field(default_factory=dict)
    risk: int = 50
    key: tuple[tuple[str, int], ...] = field(init=False, repr=False, compare=False)  # the weights, sorted

    def __post_init__(self) -> None:
        # A hashable form of the weights: Knowledge keeps its per-personality tables under it.
        object.__setattr__(self, "key", tuple(sorted(self.weights.items())))

    def w(self, key: str) -> int:
        return self.weights.get(key, 100)


@dataclass(frozen=True, slots=True)
class Strategy:
    """A fixed restriction on what the planner may pursue (the balance-testing bots); the default is free."""

    only_winning: bool = False  # goals, flights and research only for the winning mission (test flights allowed)
    no_crew: bool = False  # never recruits nor flies a crew
    one_line: str | None = None  # researches only this tech line and what it needs


FREE = Strategy()

_STYLES: dict[tuple[int, str], tuple[object, Style]] = {}


def style_for(view: PlayerView) -> Style:
    """The side's AI personality as a Style (built once per rule book and side)."""
    rules = view.rules
    hit = _STYLES.get((id(rules), view.side))
    if hit is not None and hit[0] is rules:
        return hit[1]
    pid = rules.side(view.side).ai_personality or ""
    p = rules.ai_personalities.get(pid)
    style = Style(dict(p.weights), p.risk) if p is not None else Style()
    if len(_STYLES) > 64:
        _STYLES.clear()
    _STYLES[(id(rules), view.side)] = (rules, style)
    return style


class Planner:
    # A planner is built twice a turn and its attributes are read thousands of times: slots are quicker.
    # fmt: off
    __slots__ = (
        "_available", "_best", "_chain", "_chance", "_climb", "_close", "_crewed", "_crews", "_eta", "_eta_techs",
        "_first", "_floor", "_flyable", "_ft", "_goals", "_hw", "_hw_cost", "_hw_key", "_hw_techs", "_latest",
        "_lessons", "_lw", "_milestone_prize", "_needs_mask", "_odds", "_pool", "_priced", "_prize", "_teachable",
        "_tech_workable_cost", "_tried", "_turns", "_uncrewed", "_urgent", "_useful", "_victory_mask",
        "_victory_techs", "_victory_wait", "_wanted", "_weighted", "blundering", "done", "done_mask", "income", "k",
        "me", "pressed", "pw", "rate", "ratio", "rem", "rival_known", "rng", "rules", "side_crew", "strategy", "style",
        "t", "turns_left", "view"
    )
    # fmt: on

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
        self.strategy = strategy or FREE
        s = self.rules.settings
        self.income = self.me.budget // s.turns_per_year
        self.rate = max(1, self.me.research_rate)
        techs = self.me.techs
        cost, bit = self.k.cost, self.k.bit
        done: set[str] = set()
        rem: dict[str, int] = {}
        done_mask = 0
        for t, ts in techs.items():  # (one pass: this runs for every planner)
            if ts.done:
                done.add(t)
                rem[t] = 0
                done_mask |= bit[t]
            else:
                rem[t] = cost[t] - ts.progress
        self.done, self.rem, self.done_mask = done, rem, done_mask
        # Per hardware: (research still needed for it, -reliability, unit cost): how near to flying it is.
        # Per hardware tech: the money research would need to bring it up to a workable reliability.
        progress, point_cost = self.k.progress(done_mask), self.k.point_costs(self.rate)
        workable = temper.workable
        need_of: dict[str, int] = {}
        rel_of: dict[str, int] = {}
        workable_cost: dict[str, int] = {}
        for tech in progress.done_hardware:
            need_of[tech] = 0
            rel_of[tech] = rel = techs[tech].reliability
            workable_cost[tech] = (workable - rel) * point_cost[tech] if rel < workable else 0
        for tech, unfinished, base in progress.open_hardware:
            need_of[tech] = need = sum(map(rem.__getitem__, unfinished))
            rel_of[tech] = 0
            rel = base if need else 0
            workable_cost[tech] = (workable - rel) * point_cost[tech] if rel < workable else 0
        self._tech_workable_cost = workable_cost
        self._hw_key = {h: (need_of[tech], -rel_of[tech], unit) for h, tech, unit in self.k.hardware_rows}
        self.blundering = temper.blunder > 0 and rng.below(100) < temper.blunder
        self.turns_left = max(1, s.end - view.turn + 1)
        # Prestige gained this year raises next year's budget; near the end only the final count matters.
        years = min(5, max(0, self.turns_left // s.turns_per_year - 1))  # later budgets, the next few counted
        feeds = (s.prestige_to_budget + s.prestige_to_base * years) // 100 if self.turns_left > s.turns_per_year else 0
        self.pw = feeds + temper.prestige_worth
        self.side_crew = self.k.crew_of_side[view.side]
        self.rival_known = self._rival_known()
        self.pressed = self._race_pressure()
        self.ratio: dict[str, int] = {}
        self._prize: dict[str, int] = {}
        self._milestone_prize: dict[str, int] = {}
        self._eta: dict[str, int] = {}
        self._first: dict[str, int] = {}
        self._urgent: set[str] | None = None
        self._ft: dict[str, int] = {}
        self._latest: dict[str, int] = {}
        self._turns: dict[str, int] = {}
        self._chance: dict[str, tuple[int, list[tuple[int, str, int, bool]]] | None] = {}
        self._victory_techs: set[str] | None = None
        self._victory_mask = 0
        self._wanted: set[str] | None = None
        self._goals: list[str] = []
        self._pool: tuple[int, frozenset[str]] | None = None
        self._crews: dict[str, tuple[str, ...] | None] = {}
        self._lw: dict[str, int] | None = None
        self._weighted = self.k.weighted_milestones(self.style.key)
        self._crewed, self._uncrewed = self.style.w("crewed"), self.style.w("uncrewed")
        self._floor: dict[str, int] = {}
        self._close: dict[str, bool] = {}
        self._chain: tuple[str, ...] | None = None
        self._flyable: dict[str, bool] | None = None
        self._climb: dict[str, dict[str, int]] = {}
        self._victory_wait: int | None = None
        self._lessons: dict[str, tuple[int, int]] | None = None
        self._teachable: int | None = None
        self._useful: dict[str, int] = {}
        self._available: int | None = None
        self._tried: set[str] | None = None  # what the rivals have flown lately
        self._odds: dict[tuple[str, tuple[tuple[str, str], ...], tuple[str, ...]], MissionOdds] = {}
        self._priced: dict[
            tuple[str, tuple[tuple[str, str], ...], tuple[str, ...]], tuple[MissionOdds, int | None]
        ] = {}
        self._survey()

    def _survey(self) -> None:
        """Every mission's flight with the hardware nearest to flying (see `Knowledge.survey`)."""
        # The pick of every slot with several options: nearest to ready, most reliable, cheapest.
        keys = self._hw_key
        best: dict[tuple[str, ...], str] = {}
        for options in self.k.option_sets:
            if len(options) == 2:  # most are: one comparison is quicker than min()
                a, b = options
                best[options] = b if keys[b] < keys[a] else a
            else:
                best[options] = min(options, key=keys.__getitem__)
        self._best = best
        survey = self.k.survey(tuple(best.values()), self.done_mask)
        # Shared with every planner that meets the same picks and finished techs: read only.
        self._hw, self._needs_mask, self._hw_cost, self._hw_techs, self._eta_techs = (
            survey.hardware,
            survey.needs_mask,
            survey.price,
            survey.techs,
            survey.gates,
        )

    # ------------------------------------------------------------------ what things need

    def finish_time(self, tech: str) -> int:
        """Turns until `tech` could be finished with every prerequisite researched at full rate."""
        return self.finish_times()[tech]

    def finish_times(self) -> dict[str, int]:
        """`finish_time` of every tech, worked out at once (prerequisites first) on first use; `_latest` gets,
        for every tech, the latest finish time among it and its prerequisites, and `_turns` each unfinished
        tech's own research time."""
        ft = self._ft
        if not ft:
            # Techs with nothing unfinished in their closure stay at 0; the schedule walks the others.
            rem, latest, turns = self.rem, self._latest, self._turns
            ft.update(self.k.zeros)
            latest.update(self.k.zeros)
            for t, requires, rate_cap, done in self.k.progress(self.done_mask).schedule:
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

    def hardware_for(self, m: str) -> tuple[tuple[str, str], ...]:
        """For each slot, the option nearest to ready (least research), then the most reliable, then the cheapest."""
        return self._hw[m]

    def best_option(self, options: tuple[str, ...]) -> str:
        """Of these hardware options, the nearest to ready (least research), then the most reliable, then the cheapest."""
        got = self._best.get(options)
        if got is None:
            got = min(options, key=self._hw_key.__getitem__)
        return got

    def needs_mask(self, m: str) -> int:
        """`needs` as a mask of Knowledge.bit."""
        return self._needs_mask[m]

    def needs(self, m: str) -> tuple[str, ...]:
        """Unfinished techs a mission still needs (its hardware's and those its availability asks for), prerequisites first."""
        return self.k.techs_in(self._needs_mask[m])

    def techs_in(self, mask: int) -> tuple[str, ...]:
        return self.k.techs_in(mask)

    def eta(self, m: str) -> int:
        """Turns until the research `m` needs is done (for a winning mission, and its stepping stones flown)."""
        got = self._eta.get(m)
        if got is None:
            # The latest finish among the techs it flies on and asks for, and their unfinished prerequisites.
            if not self._ft:
                self.finish_times()
            got = max(map(self._latest.__getitem__, self._eta_techs[m]), default=0)
            if self.k.missions[m].wins:
                got = max([got] + [self.eta(c) + 1 for c in self.chain()])
            self._eta[m] = got
        return got

    def chain(self) -> tuple[str, ...]:
        """The stepping stones the winning mission still waits for: for each milestone its availability asks for
        that this side has not earned yet, the flight that earns it nearest to ready."""
        if self._chain is None:
            self._chain = ()  # a guard: eta() of a winning mission asks for the chain
            mine, k = self.me.milestones, self.k
            flyable, eta, price = self.flyable_someday, self.eta, self._hw_cost
            out: list[str] = []
            for v in k.victory_missions:
                for ms in k.stepping[v]:
                    if ms in mine:
                        continue
                    best = best_key = None  # the earner that flies soonest, then cheapest
                    for e in k.earners.get(ms, ()):
                        if flyable(e):
                            key = (eta(e), price[e], e)
                            if best_key is None or key < best_key:
                                best, best_key = e, key
                    if best is not None and best not in out:
                        out.append(best)
            self._chain = tuple(out)
        return self._chain

    def points(self, m: str) -> int:
        return sum(self.rem[t] for t in self.needs(m))

    def victory_techs(self) -> set[str]:
        """Techs the winning mission still needs, or flies on."""
        if self._victory_techs is None:
            hardware_bit, needs_mask, hardware = self.k.hardware_bit, self._needs_mask, self._hw
            mask = flies = 0
            for m in (*self.k.victory_missions, *self.chain()):
                mask |= needs_mask[m]
                for _, h in hardware[m]:
                    flies |= hardware_bit[h]
            self._victory_techs = set(self.k.techs_in(mask | flies))
            self._victory_mask = mask
        return self._victory_techs

    def wanted_techs(self) -> set[str]:
        """Techs the winning mission and the bargains among the goals fly on, or still need."""
        if self._wanted is None:
            wanted = set(self.victory_techs())
            for m in self._goals:
                if self.ratio.get(m, 0) >= self.t.min_ratio:
                    wanted.update(self.k.tech_of[h] for _, h in self.hardware_for(m))
            self._wanted = wanted
        return self._wanted

    # ------------------------------------------------------------------ what things are worth

    def prize(self, m: str) -> int:
        """Prestige the mission's new milestones would bring, weighted by the personality."""
        got = self._prize.get(m)
        if got is None:
            self._prizes((m,))
            got = self._prize[m]
        return got

    def _prizes(
        self, missions: Iterable[str], worth: dict[str, int] | None = None, prizes: dict[str, int] | None = None
    ) -> None:
        """`prize` of each of `missions`, worked out in one pass (into `prizes` and, for each milestone's part,
        `worth`, if given)."""
        mine, firsts, first_events = self.me.milestones, self.view.firsts, self.k.first_events
        weighted, facts = self._weighted, self.k.missions
        crewed, uncrewed = self._crewed, self._uncrewed
        if worth is None:
            worth = self._milestone_prize  # each milestone's part, worked out once
        if prizes is None:
            prizes = self._prize
        for m in missions:
            value = 0
            for ms_id, first, second, later in weighted[m]:
                got = worth.get(ms_id)
                if got is None:
                    got = 0
                    if ms_id not in mine:
                        reached = len(firsts.get(ms_id, ()))
                        got = first if reached == 0 else second if reached == 1 else later
                        if reached == 0 and ms_id in first_events:
                            got += self.first_bonus(ms_id)
                    worth[ms_id] = got
                value += got
            if value > 0:
                value = value * (crewed if facts[m].crew else uncrewed) // 100
            prizes[m] = value

    def _goal_prizes(self) -> Prizes:
        """`prize` of the `Knowledge.prize_missions`, with the part of each of their milestones: remembered
        across the planners of a personality by the milestones this side has, how many sides have reached
        each, and the first bonuses (all change a few times a game)."""
        k, mine, firsts = self.k, self.me.milestones, self.view.firsts
        bonuses = tuple([self.first_bonus(ms) for ms in k.prize_firsts if ms not in mine and not firsts.get(ms)])
        key = (frozenset(mine), frozenset(zip(firsts, map(len, firsts.values()), strict=True)), bonuses)
        memo = k.prizes(self.style.key)
        got = memo.get(key)
        if got is None:
            worth: dict[str, int] = {}  # (it gets the milestones of `prize_missions`: `prize_milestones`)
            prize: dict[str, int] = {}
            self._prizes(k.prize_missions, worth, prize)
            weight = k.line_weights(self.style.key)
            got = Prizes(
                worth,
                prize,
                tuple(
                    (m, wins, payoff, weight[m])
                    for m, wins, payoff in k.goal_rows
                    if wins or prize[m] > 0 or payoff > 0
                ),
            )
            if len(memo) > MEMO_LIMIT // 10:
                memo.clear()
            memo[key] = got
        self._prize.update(got.prize)
        self._milestone_prize.update(got.worth)
        return got

    def first_bonus(self, ms: str) -> int:
        """What the events that being first to `ms` sets off are worth to this side, in prestige points:
        its own (a lasting budget, say) less half of what they give the rival."""
        got = self._first.get(ms)
        if got is None:
            events, side = self.rules.events, self.view.side
            fired = self.me.events_fired
            counted = []
            for event_id, by in self.k.first_events[ms]:
                e = events[event_id]
                if by == "self":
                    if (e.sides and side not in e.sides) or (e.once and event_id in fired):
                        continue
                elif e.sides and not any(r.id in e.sides for r in self.view.rivals):
                    continue
                counted.append((event_id, by))
            got = 0
            if counted:
                # Shared by the planners that weigh these events alike: the key holds all `effects_value` reads.
                wanted, done, techs = self.wanted_techs(), self.done, self.k.first_techs[ms]
                years = min(8, self.turns_left // self.rules.settings.turns_per_year + 1)
                key = (
                    tuple(counted),
                    years,
                    self.pw,
                    self.me.budget,
                    self.rate,
                    self.t.rival_share,
                    tuple(map(wanted.__contains__, techs)),
                    tuple(map(done.__contains__, techs)),
                )
                memo = self.k.first_bonuses
                got = memo.get(key)
                if got is None:
                    got = self._first_bonus(counted)
                    if len(memo) > MEMO_LIMIT:
                        memo.clear()
                    memo[key] = got
            self._first[ms] = got
        return got

    def _first_bonus(self, counted: list[tuple[str, str]]) -> int:
        """`first_bonus` of these events (event, for whom)."""
        events = self.rules.events
        got = 0
        for event_id, by in counted:
            e = events[event_id]
            value = self.effects_value(e.effects) + max((self.effects_value(c.effects) for c in e.choices), default=0)
            if by == "self":
                got += value
            else:
                got -= value * self.t.rival_share // 100
        return max(0, got) // max(1, self.pw)

    def worth(self, m: str) -> int:
        """The prize in money, plus what a first success pays in budget or cash."""
        prize = self.prize(m)
        facts = self.k.missions[m]
        if prize <= 0 and not (facts.payoff > 0 and m in self.view.available_missions):
            return 0
        return prize * self.pw + max(0, facts.payoff)

    def gain(self, m: str) -> int:
        """What a success of `m` is worth in money: its prize and payoff (or a repeat's prestige), and for a
        stepping stone of the winning mission, the turns the winning mission would otherwise wait."""
        worth = self.worth(m)
        gain = worth if self.prize(m) else worth + self.rules.missions[m].prestige.success * self.pw
        if m in self.chain():
            gain += self.t.turn_worth * self.t.stepping_turns
        return gain

    def flyable_someday(self, m: str) -> bool:
        """Whether `m` could be flown one day: its crew exists, and it is available or can be made so."""
        table = self._flyable
        if table is None:
            table = self._flyable = self._flyable_table()
        got = table.get(m)
        if got is None:
            table[m] = False  # a guard against milestones that ask for each other
            got = table[m] = self._flyable_someday(m)
        return got

    def _flyable_table(self) -> dict[str, bool]:
        """`flyable_someday` of every mission, shared by the planners that see the same available missions,
        milestones and crew (it seldom changes between turns); this planner's own, filled as asked, where
        the answer could depend on the order of asking (milestones that ask for each other) or on the
        hardware picks (a one-line strategy)."""
        k = self.k
        if k.prerequisite_loops or self.strategy.one_line is not None:
            return {}
        # Only what the answers read: the milestones some mission must have earned first, and of `crew_pool`,
        # whether there are enough people for each crew and which traits some crew asks for (found without
        # looking at all of a side's dozens of people).
        crews, largest = self.me.crews, k.largest_crew
        enough = 0
        for c in self.side_crew:
            if enough >= largest:
                break
            if crews[c].status not in GONE:
                enough += 1
        traits: set[str] = set()
        for c, asked in k.trait_holders[self.view.side]:
            if crews[c].status not in GONE:
                traits |= asked
        key = (
            self.strategy,
            self.view.available_missions,
            k.prerequisite_milestones.intersection(self.me.milestones),
            enough,
            frozenset(traits),
        )
        got = k.flyable.get(key)
        if got is None:
            got = self._flyable = {}  # filled by asking for every mission
            for m in k.missions:
                self.flyable_someday(m)
            if len(k.flyable) > MEMO_LIMIT // 10:
                k.flyable.clear()
            k.flyable[key] = got
        return got

    def _flyable_someday(self, m: str) -> bool:
        facts = self.k.missions[m]
        st = self.strategy
        if st is not FREE:  # (a Strategy() given explicitly restricts nothing either)
            if st.no_crew and facts.crew:
                return False
            if st.only_winning and not (facts.wins or m in self.k.stepping_missions):
                return False
            if st.one_line is not None and not self._in_line(m):
                return False
        if facts.crew:
            mine, traits = self.crew_pool()
            if mine < facts.crew or not traits.issuperset(facts.traits):
                return False
        if m in self.view.available_missions:
            return True
        if facts.gated:
            return False
        earned, earners = self.me.milestones, self.k.earners
        for ms in facts.prereqs:
            if ms not in earned and not any(self.flyable_someday(e) for e in earners.get(ms, ())):
                return False
        return bool(facts.asks or facts.prereqs)

    def crew_pool(self) -> tuple[int, frozenset[str]]:
        """How many of the side's people can still fly one day, and the traits among them."""
        if self._pool is None:
            crews = self.me.crews
            mine = [c for c in self.side_crew if crews[c].status not in GONE]
            self._pool = (len(mine), self.k.traits_among(mine))
        return self._pool

    def _in_line(self, m: str) -> bool:
        line = self.strategy.one_line
        return any(self.k.line_of[self.k.tech_of[h]] == line for _, h in self.hardware_for(m))

    def hardware_cost(self, m: str) -> int:
        """The price of the flight with the hardware `hardware_for` picks."""
        return self._hw_cost[m]

    def point_cost(self, tech: str) -> int:
        """Money research pays for one point of reliability on a finished tech (well below its ceiling)."""
        return self.k.point_costs(self.rate)[tech]

    # ------------------------------------------------------------------ the rival, from public record and estimates

    def _rival_known(self) -> int:
        """Techs some rival is known to have, as a mask: from intelligence estimates and from what it has flown."""
        bit, shown = self.k.bit, self.k.shown_mask
        known = 0
        for r in self.view.rivals:
            if r.estimate is not None:
                for t, rel in r.estimate.techs.items():
                    if rel > 0:
                        known |= bit[t]
        rivals = {r.id for r in self.view.rivals}
        for rec in self.view.public_log:
            if rec.side in rivals and rec.outcome != "scrubbed":
                known |= shown[rec.mission]
        return known

    def _race_pressure(self) -> bool:
        """Whether a rival looks level with or ahead of this side on the road to the winning mission (by the
        research cost of the techs each is known to have finished): then nothing else may slow the race."""
        if not self.t.race_watch:
            return False
        k = self.k
        mine = k.cost_in(k.road_mask & self.done_mask)
        theirs = k.cost_in(k.road_mask & self.rival_known)
        total = k.cost_in(k.road_mask) or 1
        return theirs * 100 >= mine * 100 - total * self.t.race_margin

    def rival_close(self, m: str) -> bool:
        """Whether a rival looks able to fly `m` soon: it has tried it lately, or is known to have its hardware."""
        if not self.t.rival_watch:
            return False
        got = self._close.get(m)
        if got is None:
            if self._tried is None:
                rivals = {r.id for r in self.view.rivals}
                self._tried = {rec.mission for rec in self.view.public_log[-24:] if rec.side in rivals}
            known = self.rival_known
            got = m in self._tried or all(options & known for options in self.k.slot_options_mask[m])
            self._close[m] = got
        return got

    # ------------------------------------------------------------------ the turn

    def plan(self) -> list[Action]:
        out: list[Action] = []
        goals = self.goals()
        self._goals = goals
        self._decide(out)
        asks = self.research_asks(goals)
        cash = self.me.cash
        # Other flights may not touch what the winning chain's research wants this turn, nor the price
        # of the winning flight once its techs are all done.
        savings = self._savings(goals)
        victory_reserve = self._victory_reserve(goals)
        keep = self.income * self.t.reserve + victory_reserve
        reserve = keep + self._demand(asks, self.t.protect)
        # Money is idle if research cannot use it: most turns it can, and its demand is counted only so far.
        room = cash - reserve - savings
        idle = max(0, room - self._demand(asks, enough=room)) if room > 0 else 0
        cash = self._launch(goals, cash, idle, (keep, reserve), savings, out)
        cash = self._recruit(goals, cash, out)
        # Research leaves the price of the winning flight in the bank once every tech for it is in hand, and
        # the other goals leave the savings for its test flights alone. The resolution pays intelligence after
        # research: research leaves its money too, or the spying would be cut to nothing when cash is short.
        intel = self.t.intel * self.style.w("intel") // 100
        self._research(asks, cash - victory_reserve - intel, out, keep=savings)
        if self.me.intel != intel:
            out.append(FundIntelligence(self.view.side, intel))
        return out

    def goals(self) -> list[str]:
        """Missions worth working toward: the winning one first, then the others, the best prize per money
        still to spend (beyond what the winning mission needs anyway) first."""
        winning = []
        scored = []
        self.victory_techs()
        rem, rate, pw = self.rem.__getitem__, self.rate, self.pw
        not_victory, available = ~self._victory_mask, self.view.available_missions
        needs_mask, hardware_cost, hardware_techs = self._needs_mask, self._hw_cost, self._hw_techs
        workable_cost = self._tech_workable_cost.__getitem__
        flyable: Callable[[str], bool] = self.flyable_someday
        techs_in = self.k.techs_in
        table = self._flyable
        if table is None:
            table = self._flyable = self._flyable_table()
        if len(table) == len(self.k.missions):
            flyable = table.__getitem__  # every answer is in (and final): read them directly
        # Every prize but, if a first bonus goes into it, the winning mission's (worked out only for a flight it
        # may still fly).
        prizes = self._prize
        rows = self._goal_prizes().rows  # (the others could only pass by)
        ratios = self.ratio
        for m, wins, payoff, line_weight in rows:
            if wins:
                if m not in self.me.milestones and flyable(m) and self.prize(m) > 0:
                    winning.append((self.eta(m), m))
                continue
            prize = prizes[m]
            if prize <= 0 and not (payoff and m in available):
                continue
            if not flyable(m):
                continue
            worth = (prize * pw + payoff) * line_weight // 100
            extra_mask = needs_mask[m] & not_victory
            extra = sum(map(rem, techs_in(extra_mask))) * 100 // rate if extra_mask else 0
            ratio = worth * 1000 // (extra + sum(map(workable_cost, hardware_techs[m])) + hardware_cost[m] + 25)
            ratios[m] = ratio
            scored.append((-ratio, m))
        scored.sort()
        ranked = [m for _, m in scored]
        if self.blundering and len(ranked) > 2:
            # A believable mistake: it falls for a distant prize this turn.
            i = self.rng.below(len(ranked))
            ranked.insert(0, ranked.pop(i))
            self.ratio[ranked[0]] = max(self.ratio.values())
        winning.sort()
        chain = self.chain()
        return [m for _, m in winning] + list(chain) + [m for m in ranked if m not in chain]

    def line_weight(self, m: str) -> int:
        """The personality's strongest weight among the tech lines the mission's hardware comes from."""
        lw = self._lw
        if lw is None:
            if not self.style.weights:
                return 100
            lw = self._lw = self.k.line_weights(self.style.key)
        return lw[m]

    # -- decisions --------------------------------------------------------------------------

    def _decide(self, out: list[Action]) -> None:
        for d in self.me.decisions:
            choices = self.view.open_choices.get(d.id, d.choices)  # only what can be chosen now
            if not choices:
                continue
            if self.blundering:
                pick = choices[self.rng.below(len(choices))]
            else:
                event = self.rules.events[d.event]
                values = {c.id: self.effects_value(c.effects) for c in event.choices if c.id in choices}
                pick = max(choices, key=lambda c: (values.get(c, -(10**9)), -choices.index(c)))
            out.append(Decide(self.view.side, d.id, pick))

    def effects_value(self, effects: tuple[Effect, ...]) -> int:
        """What a set of effects is worth to this side now, in money.

        `first_bonus` remembers these values across planners under a key of everything read here (years
        left, prestige worth, budget, research rate, which techs are wanted and finished): whatever this
        comes to read must join that key.
        """
        years = min(8, self.turns_left // self.rules.settings.turns_per_year + 1)
        value = 0
        wanted = self.wanted_techs()
        for e in effects:
            for stake in e.stakes():
                worth = _WORTH.get(stake.quantity)
                if worth is not None:
                    value += worth(self, stake, 1 if stake.target == WHO_SELF else -1, years, wanted)
            outcomes = e.outcomes()
            if outcomes:
                total = sum(max(0, w) for w, _ in outcomes) or 1
                value += sum(self.effects_value(fx) * max(0, w) for w, fx in outcomes) // total
        return value

    def _tech_points_value(self, tech: str, amount: int, wanted: set[str]) -> int:
        share = 100 if tech in wanted else 25
        if tech in self.done:
            return amount * self.point_cost(tech) * share // 100  # reliability points, at research's price
        return amount * 100 // self.rate * share // 100

    # -- launches ---------------------------------------------------------------------------

    def floor(self, m: str) -> int:
        """The lowest success chance it flies `m` at: a great prize, or a rival at the door, make it bolder."""
        got = self._floor.get(m)
        if got is None:
            got = self._floor[m] = self._floor_of(m)
        return got

    def _floor_of(self, m: str) -> int:
        facts = self.k.missions[m]
        t = self.t
        caution = self.style.w("caution")
        if facts.wins:
            base = t.victory_dash if self.rival_close(m) else t.victory_odds
            return base * caution // 100
        base = max(t.min_crewed, self.style.risk) if facts.crew else t.min_uncrewed
        base = base * caution // 100
        prize = self.prize(m)
        base -= min(15, prize // max(1, t.boldness))
        if prize > 0 and self.rival_close(m):
            base -= 10
        return max(10, base)

    def max_crew_loss(self, m: str) -> int:
        if self.k.missions[m].wins:
            return self.t.max_crew_loss + 300
        return self.t.max_crew_loss + min(120, self.prize(m) * 4)

    def flight_margin(self, m: str, worth: int | None, price: int) -> int | None:
        """What a flight is worth beyond its price (`worth` from `flight_worth`); the winning flight's margin
        is its success chance."""
        if worth is None or self.k.missions[m].wins:
            return worth
        return worth - price

    def odds_of(self, m: str, hardware: tuple[tuple[str, str], ...], crew: tuple[str, ...]) -> MissionOdds:
        """The odds the flight would fly at if ordered this turn: the engine's `mission_odds` on the side as
        planning leaves it (what this turn's research, training and flights teach counts from the next), the
        chances its dice will use. Kept for the turn."""
        key = (m, hardware, crew)
        got = self._odds.get(key)
        if got is None:
            rules = self.rules
            got = self._odds[key] = engine_odds.mission_odds(rules, self.me, rules.missions[m], hardware, crew)
        return got

    def priced(
        self, m: str, hardware: tuple[tuple[str, str], ...], crew: tuple[str, ...]
    ) -> tuple[MissionOdds, int | None]:
        """The odds of a flight and its `flight_worth`: they depend on nothing else, so each flight is priced once a turn."""
        key = (m, hardware, crew)
        got = self._priced.get(key)
        if got is None:
            odds = self.odds_of(m, hardware, crew)
            got = self._priced[key] = (odds, self.flight_worth(m, odds))
        return got

    def flight_worth(self, m: str, odds: MissionOdds) -> int | None:
        """What a flight at these odds is worth before its price, on average (None if it fails the floor or
        risks its crew too much). It earns its prize, loses the prestige of a failure, may lose its crew,
        and teaches the hardware it flies; the winning flight's worth is its success chance."""
        facts = self.k.missions[m]
        chance = (odds.success + odds.partial) // 10
        floor = self.floor(m) if facts.milestones or facts.payoff > 0 else 0  # a test flight is for learning
        if self.blundering and not facts.wins:
            floor -= 15  # over-eager
        if chance < floor or (facts.crew and odds.crew_lost > self.max_crew_loss(m)):
            return None
        if facts.wins:
            return chance
        pw = self.pw
        prestige = self.rules.missions[m].prestige
        fail = max(0, -prestige.failure) * pw
        death = max(0, -prestige.death) * pw + facts.crew * CREW_WORTH
        gain = self.gain(m)
        expected = (odds.success + odds.partial) * gain - odds.failure * fail - odds.crew_lost * death
        steps = [(so.tech, so.chance, st[3]) for so, st in zip(odds.steps, facts.steps, strict=True)]
        return (expected + self.learning(m, steps) * 1000) // 1000

    def learning(self, m: str, steps: list[tuple[str, int, bool]]) -> int:
        """Money's worth of the reliability a flight teaches the techs it tests (those this side still needs).

        `steps` is (tech, chance, critical) for each step, in order.
        """
        s = self.rules.settings
        success, failure = s.flight_learning, s.failure_learning
        prices = self.lesson_prices()
        reach = 1000
        value = 0
        for tech, chance, critical in steps:
            price = prices.get(tech)
            if price is not None:
                tenths = (chance * success + (100 - chance) * failure) * reach // 10_000
                value += tenths * price[0] // price[1]
            if critical:
                reach = reach * chance // 100
        return value

    def lesson_prices(self) -> dict[str, tuple[int, int]]:
        """For each tech a flight can usefully teach (wanted, below its ceiling), what a tenth of a reliability
        point is worth in money, as a fraction (numerator, denominator)."""
        if self._lessons is None:
            urgent = self.urgent_techs()
            techs, mine, point_cost = self.rules.techs, self.me.techs, self.k.point_costs(self.rate)
            lessons: dict[str, tuple[int, int]] = {}
            for tech in self.wanted_techs():
                t = techs[tech]
                if mine[tech].reliability < t.ceiling:
                    if tech in urgent:
                        # Research climbs a few points a turn at most: points taught are turns saved.
                        lessons[tech] = (self.t.turn_worth, 10 * self.k.climb_rate[tech])
                    else:
                        lessons[tech] = (point_cost[tech], 10)
            self._lessons = lessons
        return self._lessons

    def urgent_techs(self) -> set[str]:
        """The winning mission's finished hardware techs while its odds fall short: research is capped by
        time, so what a flight teaches them is worth more than research's price."""
        if self._urgent is None:
            self._urgent = set()
            for m in self.k.victory_missions:
                if m in self.me.milestones:
                    continue
                if not self.needs_mask(m):
                    got = self.chance_of(m)
                    if got is not None and got[0] < self.t.victory_research:
                        self._urgent.update(self.k.tech_of[h] for _, h in self.hardware_for(m))
                else:
                    self._urgent.update(self._prep(m))
        return self._urgent

    def _prep(self, m: str) -> list[str]:
        """Finished hardware techs of the winning mission still under the reliability it will want."""
        techs, mine, tech_of = self.rules.techs, self.me.techs, self.k.tech_of
        aim = self.t.victory_prep
        out = []
        for _, h in self.hardware_for(m):
            tech = tech_of[h]
            if tech in self.done and tech not in out and mine[tech].reliability < min(aim, techs[tech].ceiling):
                out.append(tech)
        return out

    def promising(self, m: str, floor: int) -> bool:
        """A quick screen before pricing a flight exactly: could it clear its floor and pay its way?"""
        facts = self.k.missions[m]
        if not facts.milestones and facts.payoff <= 0:
            return True  # a test flight: priced with the hardware that most needs testing
        got = self.chance_of(m)
        if got is None:
            return False
        chance, steps = got
        if chance < floor:
            return False
        if facts.wins:
            return True
        prestige = self.rules.missions[m].prestige
        gain = self.gain(m)
        fail = max(0, -prestige.failure) * self.pw
        best = chance * gain - (100 - chance) * fail + self.learning(m, [(t, c, k) for _, t, c, k in steps]) * 100
        cheapest = self.hardware_cost(m) * min(100, self.t.idle_money)
        return best > cheapest

    def _teaches(self, m: str) -> bool:
        """Whether some hardware the mission can fly is wanted, finished and still below its ceiling."""
        if self._teachable is None:
            # Wanted techs below their ceiling are those a lesson has a price for.
            bit = self.k.bit
            self._teachable = sum(bit[t] for t in self.lesson_prices() if t in self.done)
        return bool(self.k.options_mask[m] & self._teachable)

    def _savings(self, goals: list[str]) -> int:
        """Money put by for the winning mission's test flights as its research nears the end."""
        for m in goals:
            if self.k.missions[m].wins:
                if self.eta(m) <= self.t.savings_horizon:
                    return self.income * self.t.savings // 100
                return 0
        return 0

    def _victory_reserve(self, goals: list[str]) -> int:
        """Cash kept for the winning flight once its techs are all done and its odds are nearly good enough."""
        for m in goals:
            if self.k.missions[m].wins and not self.needs_mask(m) and not self.chain():
                got = self.chance_of(m)
                if got is not None and got[0] >= self.floor(m) - 15:
                    return self.hardware_cost(m)
        return 0

    def _launch(
        self, goals: list[str], cash: int, idle: int, reserves: tuple[int, int], savings: int, out: list[Action]
    ) -> int:
        """Price every flight that could go this turn, then order the best: the winning flight first, then by
        what each is worth beyond its price, per unit of price."""
        rules, me, side, k = self.rules, self.me, self.view.side, self.k
        limit = rules.settings.max_missions_per_turn - len(me.plan)
        if limit <= 0:
            return cash
        available, needs_mask = self.view.available_missions, self._needs_mask
        candidates = [m for m in goals if m in available and not needs_mask[m]]  # (the rest need research)
        # Flights that pay without a milestone (a lasting service), and test flights.
        for m in k.service_missions:
            if m not in candidates and m in available and self.worth(m) > 0:
                candidates.append(m)
        tests = []
        if self.t.tests:
            tests = [m for m in k.test_missions if m in available and self._teaches(m)]
            candidates += tests
        stock = self.stock()
        stocked = any(n > 0 for n in stock.values())
        chain = self.chain()
        offers = []
        for m in candidates:
            facts = k.missions[m]
            if (facts.crew and self.strategy.no_crew) or self.needs_mask(m):
                continue
            if not self.promising(m, self.floor(m) - (15 if self.blundering else 0) - 3):
                continue
            plan = self._flight(m, stock, set())
            if plan is None:
                continue
            hardware, crew, _, price = plan
            if m in tests and not stocked and not self._test_may_pay(m, hardware, price):
                continue
            margin = self.flight_margin(m, self.priced(m, hardware, crew)[1], price)
            if margin is not None:
                first = 0 if facts.wins else 1 if m in chain else 2
                offers.append((first, -margin * 1000 // max(1, price), m, plan))
        offers.sort(key=lambda o: o[:3])
        busy: set[str] = set()
        flown = 0
        from_stock = False  # whether a flight ordered so far took hardware from stock
        for _, _, m, first_plan in offers:
            if flown >= limit:
                break
            facts = k.missions[m]
            # The plan priced above stands until an earlier flight takes hardware from stock or its crew (what
            # it buys, it flies: the stock it leaves is the same).
            replan = from_stock or not busy.isdisjoint(first_plan[1])
            plan = self._flight(m, stock, busy) if replan else first_plan
            if plan is None:
                continue
            hardware, crew, buy, price = plan
            worth = self.priced(m, hardware, crew)[1]
            test = not facts.milestones and facts.payoff <= 0
            # Idle money is cheap money; the savings kept for test flights count as idle for them.
            cheap = min(price, idle + (savings if test else 0))
            felt = price - cheap + cheap * self.t.idle_money // 100
            margin = self.flight_margin(m, worth, felt)
            if margin is None or (margin <= 0 and not facts.wins):
                continue
            # The winning flight may spend everything. A flight that pays back more than twice its price may
            # take the winning chain's research money for the turn; a test flight, the savings kept for tests.
            keep, reserve = reserves
            beats_moon = m in chain or (margin + price) * 1000 >= price * 2 * self.t.moon_value
            limit_cash = 0 if facts.wins else keep if beats_moon else reserve if test else reserve + savings
            if price > cash - limit_cash:
                continue
            for h, n in buy.items():
                out.append(BuyHardware(side, h, n))
                stock[h] = stock.get(h, 0) + n
            for _, h in hardware:
                stock[h] -= 1
            from_stock = from_stock or sum(buy.values()) < len(hardware)
            cash -= price
            if test:
                spent = min(cheap, savings)
                savings -= spent
                idle -= cheap - spent
            else:
                idle -= cheap
            busy.update(crew)
            out.append(PlanMission(side, m, hardware, crew))
            flown += 1
        return cash

    def stock(self) -> dict[str, int]:
        """Hardware in stock that no planned flight has taken yet."""
        me = self.me
        return {h: n - me.reserved_hardware(h) for h, n in me.hardware.items() if n}

    def _test_may_pay(self, m: str, hardware: tuple[tuple[str, str], ...], price: int) -> bool:
        """A quick screen before pricing a test flight exactly: could it pay its way at all this turn?

        Most test flights cannot. With no crew and nothing in stock, the flight keeps this plan whatever
        flies before it (see `_launch`): at best it earns its gain and its lessons at the highest odds its
        steps allow, at least it costs its price as idle money.
        """
        facts = self.k.missions[m]
        share = self.t.idle_money
        if facts.crew or share < 0:
            return True  # (a crew's bonus, or idle money dearer than cash: no cheap bound)
        rules = self.rules
        keys, tech_of, step_chance = self._hw_key, self.k.tech_of, engine_odds.step_chance
        chosen = dict(hardware)
        steps = []
        reach, scale = 1000, 1  # per mille of flights that pass every critical step, at most
        for slot, difficulty, _, critical in facts.steps:
            h = chosen[slot]
            chance = step_chance(rules, -keys[h][1], difficulty, 0)  # no crew, no bonus
            steps.append((tech_of[h], chance, critical))
            if critical:
                reach *= chance
                scale *= 100
        # As in `flight_worth`, with the odds of a success (or partial success) at their highest.
        fail = max(0, -self.rules.missions[m].prestige.failure) * self.pw
        expected = max(0, reach // scale * (self.gain(m) + fail)) - 1000 * fail
        return (expected + self.learning(m, steps) * 1000) // 1000 > min(price, price * share // 100)

    def _flight(
        self, m: str, stock: dict[str, int], busy: set[str]
    ) -> tuple[tuple[tuple[str, str], ...], tuple[str, ...], dict[str, int], int] | None:
        """Hardware (most reliable unlocked option, stock first; for a test flight, what most needs testing),
        crew, what to buy and the price."""
        k, done = self.k, self.done
        facts = k.missions[m]
        left = dict(stock)
        buy: dict[str, int] = {}
        hardware = []
        test = not facts.milestones and facts.payoff <= 0
        urgent = self.urgent_techs() if test else set()
        for slot, options in facts.slots:
            best: str | None = options[0]
            if len(options) > 1:
                # With none in stock and none to test, the survey's pick: the most reliable, then the cheapest.
                best = self._flight_option(options, left, urgent) if left or urgent else self.best_option(options)
            if best is None or k.tech_of[best] not in done:
                return None
            hardware.append((slot, best))
            if left.get(best, 0) > 0:
                left[best] -= 1
            else:
                buy[best] = buy.get(best, 0) + 1
        crew = self.crew_for(m, busy)
        if crew is None:
            return None
        rules, side, order_cost = self.rules, self.view.side, engine_odds.order_cost
        flight = PlanMission(side, m, tuple(hardware), crew)
        price = order_cost(rules, flight) + sum(order_cost(rules, BuyHardware(side, h, n)) for h, n in buy.items())
        return flight.hardware, crew, buy, price

    def _flight_option(self, options: tuple[str, ...], left: dict[str, int], urgent: set[str]) -> str | None:
        """Of a slot's unlocked options: what most needs testing (for a test flight), then the most reliable,
        then one in stock, then the cheapest."""
        tech_of, techs, keys, done = self.k.tech_of, self.rules.techs, self._hw_key, self.done
        best, best_key = None, None
        for h in options:
            tech = tech_of[h]
            if tech not in done:
                continue
            _, neg_rel, unit_cost = keys[h]
            key = (
                0 if tech in urgent and -neg_rel < techs[tech].ceiling else 1,
                neg_rel,
                0 if left.get(h, 0) > 0 else 1,
                unit_cost,
            )
            if best_key is None or key < best_key:
                best, best_key = h, key
        return best

    def crew_for(self, m: str, busy: set[str]) -> tuple[str, ...] | None:
        """The crew the engine picks as the best for `m` among the ready people not in `busy` (`crew.best_crew`;
        the pick with nobody busy is kept for the turn)."""
        if busy:
            return engine_crew.best_crew(self.rules, self.me, self.rules.missions[m], busy)
        got = self._crews.get(m, False)
        if got is False:
            got = self._crews[m] = engine_crew.best_crew(self.rules, self.me, self.rules.missions[m])
        return got

    # -- crews ------------------------------------------------------------------------------

    def _recruit(self, goals: list[str], cash: int, out: list[Action]) -> int:
        if self.strategy.no_crew:
            return cash
        rules, me, k = self.rules, self.me, self.k
        crewed = [m for m in goals if k.missions[m].crew]
        if not crewed:
            return cash
        crews = me.crews
        alive = [c for c in self.side_crew if crews[c].status in ALIVE]
        # Crew enough for every crewed goal is enough for those due soon, and there may be no one to
        # recruit: both are cheaper to see than when each goal is due.
        if self._crew_wanted(crewed, alive) is None:
            return cash
        candidates = [
            c for c in self.side_crew if crews[c].status == "candidate" and rules.crews[c].available <= self.view.turn
        ]
        if not candidates:
            return cash
        soon = [m for m in crewed if self.eta(m) <= self.t.horizon]
        wanted = self._crew_wanted(soon, alive) if soon else None
        if wanted is None:
            return cash
        need, traits = wanted
        skills: dict[str, int] = {}
        for m in soon:
            for s, n in k.missions[m].skills:
                skills[s] = skills.get(s, 0) + n
        candidates.sort(key=lambda c: (-sum(crews[c].skills.get(s, 0) * n for s, n in skills.items()), c))
        side, order_cost = self.view.side, engine_odds.order_cost
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

    def _crew_wanted(self, missions: list[str], alive: list[str]) -> tuple[int, set[str]] | None:
        """(people, traits) these missions want, spares counted; None if the living crew has them."""
        k = self.k
        need = max(k.missions[m].crew for m in missions) + self.t.spares
        if self.blundering:
            need -= 1
        traits = {t for m in missions for t in k.missions[m].traits}
        return None if len(alive) >= need and traits <= k.traits_among(alive) else (need, traits)

    # -- research ---------------------------------------------------------------------------

    def research_asks(self, goals: list[str], surplus: bool = False) -> list[tuple[int, int, int, str]]:
        """(-value, class, order, tech) for every tech some goal wants money for, the most valuable first.

        A goal's techs are worth its prize per money still to spend; the winning chain's are worth
        `moon_value` per money, twice that on its critical path (or whenever a rival looks level on the
        road to victory), half of it where the slack is long. The classes say whose ask it is: the winning
        chain's (CRITICAL, SLACK, SLACK_LATE) or another goal's (WINDFALL, BARGAIN, SURPLUS). With
        `surplus`, only the poor bargains (asked for when money is left over).
        """
        t = self.t
        available, techs_in = self.available_mask(), self.k.techs_in
        moon = t.moon_value * self.style.w("victory") // 100
        # The winning mission's most critical research goes before everything, unless the personality puts
        # less than the usual weight on victory (a small agency that cannot outspend the leaders): then it
        # is weighed like the rest of the winning chain.
        first = FIRST if self.style.w("victory") >= 100 else moon * 2
        asks: list[tuple[int, int, int, str]] = []
        n = 0
        chain = self.chain()
        missions, needs_mask, ratios = self.k.missions, self._needs_mask, self.ratio
        only_winning = self.strategy.only_winning
        for m in goals:
            facts = missions[m]
            if m in chain and (self.pressed or self._stepping_slack(m) <= t.near):
                # A stepping stone the winning mission will soon wait for: its research is the race's too.
                # (Further off, it is weighed like any other goal.)
                if surplus:
                    continue
                if self.pressed or self._stepping_slack(m) <= t.slack:
                    value, klass = -moon * 2, CRITICAL
                else:
                    value, klass = -moon, SLACK
                for _, tech in self._critical(m):
                    asks.append((value, klass, n, tech))
                    n += 1
                if not self.needs(m):
                    for tech in self._unready(m, self.floor(m) + t.margin):
                        asks.append((value, klass, n, tech))
                        n += 1
                continue
            if facts.wins:
                if surplus:
                    continue
                for slack, tech in self._critical(m):
                    if slack <= t.slack:
                        asks.append((-first, CRITICAL, n, tech))  # a turn lost here is a turn lost in the race
                    elif self.pressed:
                        asks.append((-moon * 2, CRITICAL, n, tech))
                    elif slack <= t.near:
                        asks.append((-moon, SLACK, n, tech))
                    else:
                        asks.append((-moon // 2, SLACK_LATE, n, tech))
                    n += 1
                if not self.needs(m):
                    aim = t.victory_research * self.style.w("victory") // 100
                    for tech in self._unready(m, aim):
                        asks.append((-first, CRITICAL, n, tech))
                        n += 1
                else:
                    # Reliability is bought a few points a turn at most: start on the hardware already in hand.
                    for tech in self._prep(m):
                        asks.append((-moon * (2 if self.pressed else 1), SLACK, n, tech))
                        n += 1
                continue
            if only_winning:
                continue
            ratio = ratios.get(m, 0)
            klass = WINDFALL if ratio >= t.windfall else BARGAIN if ratio >= t.min_ratio else SURPLUS
            if (klass == SURPLUS) != surplus:
                continue
            needs = needs_mask[m]
            for tech in techs_in(needs & available):
                asks.append((-ratio, klass, n, tech))
                n += 1
            if not needs:
                for tech in self._unready(m, self.floor(m) + t.margin):
                    asks.append((-ratio, klass, n, tech))
                    n += 1
        if self.strategy.one_line is not None:
            asks = [a for a in asks if self._line_ok(a[3])]
        asks.sort()
        return asks

    def available_mask(self) -> int:
        """The techs this side can put research money into now, as a mask."""
        if self._available is None:
            self._available = sum(map(self.k.bit.__getitem__, self.view.available_techs))
        return self._available

    def _stepping_slack(self, m: str) -> int:
        """Turns a stepping stone can wait: how long the winning mission's own research still takes, less its own."""
        if self._victory_wait is None:
            ft = self.finish_times()
            own = 0
            for v in self.k.victory_missions:
                if v not in self.me.milestones:
                    own = max([own] + [ft[t] for t in self.needs(v)] + list(self._climbs(v).values()))
            self._victory_wait = own
        return self._victory_wait - self.eta(m) - 1

    def _demand(
        self, asks: list[tuple[int, int, int, str]], only: tuple[int, ...] = (), enough: int | None = None
    ) -> int:
        """What research would use this turn on the asks (of these classes only, if given); with `enough`,
        counted only until it reaches that much (more could only add to it)."""
        total = 0
        counted: set[str] = set()
        for _, klass, _, tech in asks:
            if tech not in counted and (not only or klass in only):
                counted.add(tech)
                total += self.useful(tech)
                if enough is not None and total >= enough:
                    break
        return total

    def useful(self, tech: str) -> int:
        """The most money research on `tech` can use this turn (the engine's `useful_funding`, kept per turn)."""
        got = self._useful.get(tech)
        if got is None:
            rules, me = self.rules, self.me
            got = self._useful[tech] = engine_odds.useful_funding(rules, me, rules.techs[tech], me.techs[tech])
        return got

    def _research(self, asks: list[tuple[int, int, int, str]], cash: int, out: list[Action], keep: int = 0) -> None:
        me, side, t = self.me, self.view.side, self.t
        share = min(100, t.research_share * self.style.w("research") // 100)
        left = max(0, cash - self.income * t.reserve) * share // 100
        if self.blundering:
            left = left * 2 // 3  # a timid turn: money left idle
        funding: dict[str, int] = {}
        for batch in (asks, None):
            if batch is None:
                if left <= keep:
                    break
                batch = self.research_asks(self._goals, surplus=True)  # the long tail, only when money is left
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
                amount = min(self.useful(tech), room)
                if amount > 0:
                    funding[tech] = amount
                    left -= amount
        want = funding.get
        out += [FundResearch(side, tech, want(tech, 0)) for tech, ts in me.techs.items() if ts.funding != want(tech, 0)]

    def _line_ok(self, tech: str) -> bool:
        line = self.strategy.one_line
        if self.k.line_of[tech] == line:
            return True
        # Prerequisites of the line's unfinished techs are part of the line's programme.
        k = self.k
        return any(k.line_of[d] == line and tech in k.closure[d] for d in self.rules.techs if d not in self.done)

    def _critical(self, m: str) -> list[tuple[int, str]]:
        """(slack in turns, tech) for the techs of `m` that can be researched now, most critical first.

        A mission is ready when every tech it needs is researched and the hardware it flies has climbed
        to the reliability it wants; the climb takes turns too, and counts in every tech's slack.
        """
        needs = self.needs(m)
        if not needs:
            return []
        climb = self._climbs(m)
        ft = self.finish_times()
        turns, dependents = self._turns, self.k.dependents
        # Turns that must follow each tech: prerequisites come first in `needs`, so walking it backwards
        # settles every dependent among them (those already in `after`) before the tech itself.
        after: dict[str, int] = {}
        ready = max(climb.values(), default=0)  # when the mission could fly
        for tech in reversed(needs):
            longest = climb.get(tech, 0)
            for d in dependents[tech]:
                then = after.get(d)
                if then is not None and turns[d] + then > longest:
                    longest = turns[d] + then
            after[tech] = longest
            if ft[tech] + longest > ready:
                ready = ft[tech] + longest
        if self.k.missions[m].wins:
            ready = max(ready, self.eta(m))  # no sooner than its stepping stones
        available = self.view.available_techs
        out = sorted([(ready - ft[t] - after[t], -after[t], t) for t in needs if t in available])
        return [(slack, tech) for slack, _, tech in out]

    def _climbs(self, m: str) -> dict[str, int]:
        """Turns each hardware tech of `m` needs from where it is (or from its base, if unfinished) until a flight
        has the reliability the winning mission wants: research at full rate to climb there, and the quarter
        after it (a flight flies at the odds planning leaves it: the research of its own quarter counts from
        the next)."""
        got = self._climb.get(m)
        if got is None:
            got = self._climb[m] = self._climbs_of(m)
        return got

    def _climbs_of(self, m: str) -> dict[str, int]:
        techs, mine, tech_of, climb_rate = self.rules.techs, self.me.techs, self.k.tech_of, self.k.climb_rate
        aim = self.t.victory_prep
        out: dict[str, int] = {}
        for _, h in self.hardware_for(m):
            tech = tech_of[h]
            t = techs[tech]
            rel = mine[tech].reliability if tech in self.done else t.base
            target = min(aim, t.ceiling)
            if rel < target:
                # (+1: the last points come slower; +1: the flight comes the quarter after the research)
                out[tech] = -(-(target - rel) // climb_rate[tech]) + 2
        return out

    def _unready(self, m: str, target: int) -> list[str]:
        """Finished techs whose reliability keeps `m`'s odds under `target` percent, riskiest step first."""
        got = self.chance_of(m)
        if got is None or got[0] >= target:
            return []
        techs, mine = self.rules.techs, self.me.techs
        order = []
        seen: set[str] = set()
        for _, tech, _, _ in sorted(got[1], reverse=True):
            if tech not in seen and mine[tech].reliability < techs[tech].ceiling:
                seen.add(tech)
                order.append(tech)
        return order

    def chance_of(self, m: str) -> tuple[int, list[tuple[int, str, int, bool]]] | None:
        """(percent chance of a success or partial success, [(risk, tech, chance, critical) per step]) of `m` with its
        best hardware and crew, at the odds it would fly at this turn (`odds_of`); None while some of its hardware
        is not researched. A step's risk is the per mille of flights that go wrong there."""
        got = self._chance.get(m, False)
        if got is not False:
            return got
        got = None
        if not self.needs_mask(m):
            facts = self.k.missions[m]
            crew = self.crew_for(m, set()) or ()
            if len(crew) != facts.crew:
                crew = ()
            odds = self.odds_of(m, self.hardware_for(m), crew)
            steps = [(so.risk, so.tech, so.chance, st[3]) for so, st in zip(odds.steps, facts.steps, strict=True)]
            got = ((odds.success + odds.partial) // 10, steps)
        self._chance[m] = got
        return got


@dataclass(frozen=True, slots=True)
class FlightValue:
    """What a computer player makes of one flight it could order this turn (see `value_flight`)."""

    mission: str
    hardware: tuple[tuple[str, str], ...]  # its pick for each slot
    crew: tuple[str, ...]  # its pick of crew (the engine's best crew)
    odds: MissionOdds  # the odds it reasons with: the engine's, for the side as planning leaves it
    price: int  # the cash the orders take: the flight's and the hardware's it must buy
    worth: int | None  # what the flight is worth on average before its price; None: it would not fly it


def value_flight(view: PlayerView, mission: str, level: str = "normal") -> FlightValue | None:
    """The heuristic planner's valuation of flying `mission` this turn with the hardware and crew it would pick
    (None if it cannot: the mission is not available, its hardware not researched, or no crew is ready). Every
    number in it comes from the engine's rules (`mission_odds`, `order_cost`, `reliability_point_price`,
    `best_crew`)."""
    if mission not in view.available_missions:
        return None
    planner = Planner(view, TEMPERS.get(level, TEMPERS["normal"]), Rng(0))
    planner._goals = planner.goals()  # (what it wants, as when it plans)
    plan = planner._flight(mission, planner.stock(), set())
    if plan is None:
        return None
    hardware, crew, _, price = plan
    odds, worth = planner.priced(mission, hardware, crew)
    return FlightValue(mission, hardware, crew, odds, price, worth)


def plan_turn(
    view: PlayerView, temper: Temper, rng: Rng, style: Style | None = None, strategy: Strategy | None = None
) -> list[Action]:
    """One turn's orders from the heuristic planner (EndTurn not included)."""
    if view.over:
        return []
    return Planner(view, temper, rng, style, strategy).plan()


# What a change to each quantity is worth to a planner, in money: (planner, the change, +1 for its own side and
# -1 for its rivals', years of budget left, the techs it wants). (The sign goes in before any rounding down.)
_WORTH: dict[Quantity, Callable[[Planner, Stake, int, int, set[str]], int]] = {
    Quantity.BUDGET: lambda p, s, sign, years, wanted: sign * s.amount * years,
    Quantity.CASH: lambda p, s, sign, years, wanted: sign * s.amount,
    Quantity.PRESTIGE: lambda p, s, sign, years, wanted: sign * s.amount * p.pw,
    Quantity.RESEARCH: lambda p, s, sign, years, wanted: sign * p._tech_points_value(s.tech or "", s.amount, wanted),
    Quantity.RELIABILITY: lambda p, s, sign, years, wanted: (
        sign * p._tech_points_value(s.tech or "", s.amount, wanted) if s.tech in p.done else 0
    ),
    Quantity.RESEARCH_RATE: lambda p, s, sign, years, wanted: (
        sign * s.amount * (p.me.budget * years * 6 // 10) // max(1, p.rate)
    ),
    Quantity.MORALE: lambda p, s, sign, years, wanted: sign * s.amount // 2,
    Quantity.CREW_LOST: lambda p, s, sign, years, wanted: -sign * CREW_WORTH * s.amount,
    Quantity.CREW_INJURED: lambda p, s, sign, years, wanted: -sign * 3 * s.amount,
}
