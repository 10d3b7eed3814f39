"""The facts of one turn for one computer player, built once from its PlayerView and read by every stage.

A `Turn` holds what the view says (money, finished techs, what each hardware pick leaves to research,
what the rivals are known to have) and, filled as the stages first ask, what follows from it this
turn (finish times, the winning chain, prizes, flight odds...). The stages (chain, value, goals,
flights, launches, research, crew, events) are functions of a Turn; nothing in it outlives the turn.
What holds for the whole rule book lives in `knowledge` (one `Knowledge` per ruleset).
"""

from __future__ import annotations

from collections import Counter

from game.ai.knowledge import Knowledge, knowledge
from game.ai.temper import Style, Temper
from game.engine import crew as engine_crew
from game.engine import odds as engine_odds
from game.engine.odds import MissionOdds, StepOdds
from game.engine.rng import Rng
from game.engine.view import PlayerView

ALIVE = frozenset(("active", "training", "injured"))  # (sets: a status is looked up, not compared three times)
GONE = frozenset(("dead", "retired"))

Hardware = tuple[tuple[str, str], ...]  # (slot, hardware) for each slot of a mission


class Turn:
    # A turn's facts are read thousands of times by the stages: slots are quicker.
    # fmt: off
    __slots__ = (
        "available_mask_",
        "best_pick",
        "blundering",
        "chain_",
        "chance",
        "climbs",
        "crewed_weight",
        "crews",
        "done",
        "done_mask",
        "effect_years",
        "eta_",
        "eta_techs",
        "finish",
        "first_bonus_",
        "floors",
        "flyable",
        "goals",
        "hardware",
        "hardware_rank",
        "hardware_techs",
        "income",
        "k",
        "latest",
        "lesson_prices_",
        "me",
        "milestone_prize",
        "needs_mask",
        "odds",
        "own_people",
        "pool",
        "poor_goals",
        "pressed",
        "prestige_worth",
        "price",
        "priced",
        "prize",
        "rate",
        "ratio",
        "rem",
        "research_turns",
        "rival_known",
        "rival_near",
        "rival_rushing_",
        "rivals_tried",
        "rng",
        "rules",
        "side",
        "style",
        "successes_",
        "teachable",
        "temper",
        "turns_left",
        "uncrewed_weight",
        "urgent",
        "useful_",
        "victory_mask",
        "victory_techs_",
        "victory_wait",
        "view",
        "wanted",
        "weighted",
        "winning_slacks_",
        "workable_cost",
    )
    # fmt: on

    def __init__(self, view: PlayerView, temper: Temper, rng: Rng, style: Style | None = None) -> None:
        self.view = view
        self.rules = rules = view.rules
        self.side = view.side
        self.me = me = view.me
        self.k: Knowledge = knowledge(rules) if temper.races else knowledge(rules).prizes_only()
        self.temper = temper
        self.rng = rng
        self.style = style if style is not None else self.k.styles[view.side]
        s = rules.settings
        self.income = me.budget // s.turns_per_year
        # (comparisons rather than min() and max(): see `flight_value._floor_of`)
        self.rate = me.research_rate if me.research_rate > 1 else 1
        techs = me.techs
        cost, bit = self.k.cost, self.k.bit
        # (the engine's set of finished techs: no pass over every tech, which runs for every turn of every player)
        done = view.finished_techs
        done_mask = sum(map(bit.__getitem__, done))
        progress, point_cost = self.k.progress(done_mask), self.k.point_costs(self.rate)
        rem = {t: cost[t] - techs[t].progress for t in progress.unfinished}  # research points each still needs
        self.done, self.rem, self.done_mask = done, rem, done_mask
        # Per hardware: (research still needed for it, -reliability, unit cost): how near to flying it is.
        # Per hardware tech: the money research would need to bring it up to a workable reliability.
        # (Filled tech by tech: the hardware on a tech shares its research and reliability.)
        hardware_on = self.k.hardware_on
        workable = temper.workable
        rank: dict[str, tuple[int, int, int]] = {}
        workable_cost: dict[str, int] = {}
        for tech in progress.done_hardware:
            rel = techs[tech].reliability
            workable_cost[tech] = (workable - rel) * point_cost[tech] if rel < workable else 0
            for h, unit in hardware_on[tech]:
                rank[h] = (0, -rel, unit)
        for tech, unfinished, base in progress.open_hardware:
            need = 0
            for t in unfinished:  # (a few techs: a loop costs less than setting up sum(map(...)))
                need += rem[t]
            rel = base if need else 0
            workable_cost[tech] = (workable - rel) * point_cost[tech] if rel < workable else 0
            for h, unit in hardware_on[tech]:
                rank[h] = (need, 0, unit)
        self.workable_cost = workable_cost
        self.hardware_rank = rank
        self.blundering = temper.blunder > 0 and rng.below(100) < temper.blunder
        left = view.last_turn - view.turn + 1
        self.turns_left = left if left > 1 else 1
        # Prestige gained this year raises next year's budget; near the end only the final count matters.
        years = self.turns_left // s.turns_per_year - 1  # later budgets, the next few counted
        years = 0 if years < 0 else 5 if years > 5 else years
        feeds = (s.prestige_to_budget + s.prestige_to_base * years) // 100 if self.turns_left > s.turns_per_year else 0
        self.prestige_worth = feeds + temper.prestige_worth  # money one point of prestige is worth to it
        # The years an event's lasting effects count for it (`value.effects_value`): those left, and this one, up to 8.
        years = self.turns_left // s.turns_per_year + 1
        self.effect_years = years if years < 8 else 8
        self.own_people = self.k.crew_of_side[view.side]
        self.rival_known = self._rival_known()
        self.pressed = self._race_pressure()
        # Filled by the stages as they first ask (see each stage for what they hold).
        self.ratio: dict[str, int] = {}  # goal -> per mille of prize per money still to spend (goals)
        self.goals: list[str] = []
        self.poor_goals: list[str] = []  # the goals whose research asks are poor bargains (`research_asks`)
        self.prize: dict[str, int] = {}
        self.milestone_prize: dict[str, int] = {}
        self.weighted = self.k.weighted_milestones(self.style.key)
        self.crewed_weight, self.uncrewed_weight = self.style.w("crewed"), self.style.w("uncrewed")
        self.eta_: dict[str, int] = {}
        self.first_bonus_: dict[str, int] = {}
        self.urgent: set[str] | None = None
        self.finish: dict[str, int] = {}
        self.latest: dict[str, int] = {}
        self.research_turns: dict[str, int] = {}
        self.chance: dict[str, tuple[int, tuple[StepOdds, ...]] | None] = {}
        self.victory_techs_: set[str] | None = None
        self.victory_mask = 0
        self.wanted: set[str] | None = None
        self.pool: tuple[int, frozenset[str]] | None = None
        self.crews: dict[str, tuple[str, ...] | None] = {}
        self.floors: dict[str, int] = {}
        self.rival_near: dict[str, bool] = {}
        self.chain_: tuple[str, ...] | None = None
        self.flyable: dict[str, bool] | None = None
        self.climbs: dict[str, dict[str, int]] = {}
        self.victory_wait: int | None = None
        self.winning_slacks_: dict[str, int] | None = None
        self.lesson_prices_: dict[str, tuple[int, int]] | None = None
        self.teachable: int | None = None
        self.useful_: dict[str, int] = {}
        self.available_mask_: int | None = None
        self.rivals_tried: set[str] | None = None  # what the rivals have flown lately
        self.rival_rushing_: bool | None = None
        self.successes_: Counter[str] | None = None
        self.odds: dict[tuple[str, Hardware, tuple[str, ...]], MissionOdds] = {}
        self.priced: dict[tuple[str, Hardware, tuple[str, ...]], tuple[MissionOdds, int | None]] = {}
        self._survey()

    def _survey(self) -> None:
        """Every mission's flight with the hardware nearest to flying (see `Knowledge.survey`)."""
        # The pick of every slot with several options: nearest to ready, most reliable, cheapest.
        keys = self.hardware_rank
        best: dict[tuple[str, ...], str] = {}
        for options in self.k.option_sets:
            if len(options) == 2:  # most are: one comparison is quicker than min()
                a, b = options
                best[options] = b if keys[b] < keys[a] else a
            else:  # (the first of the least, as min() with a key: a keyword makes min() parse its arguments slowly)
                pick = options[0]
                for h in options[1:]:
                    if keys[h] < keys[pick]:
                        pick = h
                best[options] = pick
        self.best_pick = best
        survey = self.k.survey(tuple(best.values()), self.done_mask)
        # Shared with every turn that meets the same picks and finished techs: read only.
        self.hardware: dict[str, Hardware] = survey.hardware
        self.needs_mask: dict[str, int] = survey.needs_mask  # unfinished techs each mission still needs
        self.price: dict[str, int] = survey.price  # the flight's price with that hardware
        self.hardware_techs: dict[str, tuple[str, ...]] = survey.techs
        self.eta_techs: dict[str, tuple[str, ...]] = survey.gates

    # ------------------------------------------------------------------ what things need

    def hardware_for(self, m: str) -> Hardware:
        """For each slot, the option nearest to ready (least research), then the most reliable, then the cheapest."""
        return self.hardware[m]

    def best_option(self, options: tuple[str, ...]) -> str:
        """Of these hardware options, the nearest to ready (least research), then the most reliable, then the cheapest."""
        got = self.best_pick.get(options)
        if got is None:
            got = min(options, key=self.hardware_rank.__getitem__)
        return got

    def needs(self, m: str) -> tuple[str, ...]:
        """Unfinished techs a mission still needs (its hardware's and those its availability asks for), prerequisites first."""
        return self.k.techs_in(self.needs_mask[m])

    def point_cost(self, tech: str) -> int:
        """Money research pays for one point of reliability on a finished tech (well below its ceiling)."""
        return self.k.point_costs(self.rate)[tech]

    def available_mask(self) -> int:
        """The techs this side can put research money into now, as a mask."""
        if self.available_mask_ is None:
            self.available_mask_ = sum(map(self.k.bit.__getitem__, self.view.available_techs))
        return self.available_mask_

    def useful(self, tech: str) -> int:
        """The most money research on `tech` can use this turn within its rate cap (the engine's
        `useful_funding`, not rushed, kept per turn): a rush is paid only from idle money (`spending.rush`)."""
        got = self.useful_.get(tech)
        if got is None:
            rules, me = self.rules, self.me
            got = self.useful_[tech] = engine_odds.useful_funding(rules, me, rules.techs[tech], me.techs[tech], False)
        return got

    def stock(self) -> dict[str, int]:
        """Hardware in stock that no planned flight has taken yet."""
        me = self.me
        if not me.plan:  # (as a turn's planning starts: nothing is taken)
            return {h: n for h, n in me.hardware.items() if n}
        return {h: n - me.reserved_hardware(h) for h, n in me.hardware.items() if n}

    def crew_pool(self) -> tuple[int, frozenset[str]]:
        """How many of the side's people can still fly one day, and the traits among them."""
        if self.pool is None:
            crews = self.me.crews
            mine = [c for c in self.own_people if crews[c].status not in GONE]
            self.pool = (len(mine), self.k.traits_among(mine))
        return self.pool

    # ------------------------------------------------------------------ flights at the engine's odds

    def crew_for(self, m: str, busy: set[str]) -> tuple[str, ...] | None:
        """The crew the engine picks as the best for `m` among the ready people not in `busy` (`crew.best_crew`;
        the pick with nobody busy is kept for the turn)."""
        if busy:
            return engine_crew.best_crew(self.rules, self.me, self.rules.missions[m], busy)
        got = self.crews.get(m, False)
        if got is False:
            got = self.crews[m] = engine_crew.best_crew(self.rules, self.me, self.rules.missions[m])
        return got

    def odds_of(self, m: str, hardware: Hardware, crew: tuple[str, ...]) -> MissionOdds:
        """The odds the flight would fly at if ordered this turn: the engine's `mission_odds` on the side as
        planning leaves it (what this turn's research, training and flights teach counts from the next), the
        chances its dice will use. Kept for the turn."""
        key = (m, hardware, crew)
        got = self.odds.get(key)
        if got is None:
            rules = self.rules
            got = self.odds[key] = engine_odds.mission_odds(rules, self.me, rules.missions[m], hardware, crew)
        return got

    def chance_of(self, m: str) -> tuple[int, tuple[StepOdds, ...]] | None:
        """(percent chance of a success or partial success, the odds of each step) of `m` with its best hardware and
        crew, at the odds it would fly at this turn (`odds_of`); None while some of its hardware is not researched.
        (Whether each step is critical: `MissionFacts.critical`.)"""
        got = self.chance.get(m, False)
        if got is not False:
            return got
        got = None
        if not self.needs_mask[m]:
            facts = self.k.missions[m]
            crew = self.crew_for(m, set()) or ()
            if len(crew) != facts.crew:
                crew = ()
            odds = self.odds_of(m, self.hardware[m], crew)
            got = ((odds.success + odds.partial) // 10, odds.steps)
        self.chance[m] = got
        return got

    # ------------------------------------------------------------------ the rival, from public record and estimates

    def _rival_known(self) -> int:
        """Techs some rival is known to have, as a mask: from intelligence estimates and from what it has flown."""
        bit, shown, side = self.k.bit, self.k.shown_mask, self.side
        known = 0
        for r in self.view.rivals:
            if r.estimate is not None:
                for t, rel in r.estimate.techs.items():
                    if rel > 0:
                        known |= bit[t]
        # (each mission flown once: the log holds the same few missions many times over; every side in it but
        # this one is a rival)
        for m in {rec.mission for rec in self.view.public_log if rec.side != side and rec.outcome != "scrubbed"}:
            known |= shown[m]
        return known

    def _race_pressure(self) -> bool:
        """Whether a rival looks level with or ahead of this side on the road to the winning mission (by the
        research cost of the techs each is known to have finished): then nothing else may slow the race."""
        if not self.temper.race_watch:
            return False
        k = self.k
        mine = k.cost_in(k.road_mask & self.done_mask)
        theirs = k.cost_in(k.road_mask & self.rival_known)
        total = k.cost_in(k.road_mask) or 1
        return theirs * 100 >= mine * 100 - total * self.temper.race_margin

    def rival_rushing(self) -> bool:
        """Whether a rival visibly rushes its hardware: its public record shows a test flight (a mission with no
        milestone and no payoff) flown more than once in one quarter, which a planner never does."""
        got = self.rival_rushing_
        if got is None:
            rivals = {r.id for r in self.view.rivals}
            tests = set(self.k.test_missions)  # (missions with no milestone and no payoff)
            got = False
            seen: set[tuple[int, str, str]] = set()
            for rec in self.view.public_log:
                if rec.mission in tests and rec.side in rivals:
                    key = (rec.turn, rec.side, rec.mission)
                    if key in seen:
                        got = True
                        break
                    seen.add(key)
            self.rival_rushing_ = got
        return got

    def flight_prestige(self, m: str) -> int:
        """What a success of `m` that wins no first would earn this side now (the engine's `flight_prestige`; the
        side's successes read from the public record once a turn)."""
        mission = self.rules.missions[m]
        if not mission.prestige.success:
            return 0
        if self.successes_ is None:
            self.successes_ = engine_odds.successes(self.view.public_log, self.side)
        return engine_odds.flight_prestige(mission, self.successes_[m])

    def rival_close(self, m: str) -> bool:
        """Whether a rival looks able to fly `m` soon: it has tried it lately, or is known to have its hardware."""
        if not self.temper.rival_watch:
            return False
        got = self.rival_near.get(m)
        if got is None:
            if self.rivals_tried is None:
                rivals = {r.id for r in self.view.rivals}
                self.rivals_tried = {rec.mission for rec in self.view.public_log[-24:] if rec.side in rivals}
            known = self.rival_known
            got = m in self.rivals_tried or all(options & known for options in self.k.slot_options_mask[m])
            self.rival_near[m] = got
        return got
