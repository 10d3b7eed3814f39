"""A new game: every side's state at the scenario's start, from the ruleset, the setup and the seed."""

from __future__ import annotations

from dataclasses import dataclass

from game.engine.conditions import holds
from game.engine.rng import Rng
from game.engine.rules import Ruleset
from game.engine.state import PHASE_PLANNING, CrewState, CrewStatus, GameState, SideState, TechState
from game.engine.upkeep import pay_instalment, record_history


@dataclass(frozen=True, slots=True)
class Setup:
    """Who plays each side: `human` or `ai:<level>`; the engine records it and plays no differently."""

    controllers: tuple[tuple[str, str], ...] = ()
    options: tuple[tuple[str, str], ...] = ()
    play_on: bool = False  # after a side wins, play on to the end date (the result stands); for the era's later firsts
    victory: str = ""  # the ruleset's victory mode (`Ruleset.victory_modes`); "": its default

    def controller(self, side: str) -> str:
        return dict(self.controllers).get(side, "human")


def victory_mode(rules: Ruleset, mode: str) -> str:
    """The mode a game is kept under: "" for the ruleset's default (so that a default game is the same game
    whether or not its mode was named); raises ValueError for a mode the ruleset does not have."""
    try:
        rules.victories_in(mode)
    except KeyError:
        known = ", ".join(m.id for m in rules.victory_modes)
        has = f"it has: {known}" if known else "it has none"
        raise ValueError(f"no victory mode {mode!r} in {rules.id} ({has})") from None
    return "" if mode == rules.default_mode else mode


def new_game(rules: Ruleset, setup: Setup | None = None, seed: int = 0) -> GameState:
    s = rules.settings
    sides: dict[str, SideState] = {}
    for side in rules.sides:
        techs = {t: TechState() for t in rules.techs}
        for tech_id, points in side.start_progress:
            techs[tech_id].progress = min(points, rules.techs[tech_id].cost)
        for tech_id, rel in side.start_techs:
            tech = rules.techs[tech_id]
            techs[tech_id] = TechState(progress=tech.cost, done=True, reliability=min(rel or tech.base, tech.ceiling))
        crews = {
            cid: CrewState(CrewStatus.CANDIDATE, dict(c.skills), s.morale_start)
            for cid, c in rules.crews.items()
            if c.side == side.id
        }
        for cid in side.start_crew:
            crews[cid].status = CrewStatus.ACTIVE
        hardware = {h: 0 for h in rules.hardware}
        for h, n in side.start_hardware:
            hardware[h] = n
        sides[side.id] = SideState(
            id=side.id,
            cash=side.start_cash,
            budget=side.budget,
            budget_base=side.budget,
            budget_mod=0,
            prestige=side.prestige,
            prestige_year=0,
            research_rate=side.research_rate,
            techs=techs,
            hardware=hardware,
            crews=crews,
        )
    state = GameState(rules, seed, s.start, PHASE_PLANNING, sides, Rng.from_seed(seed))
    state.play_on = setup is not None and setup.play_on
    state.victory_mode = victory_mode(rules, setup.victory if setup is not None else "")
    # Milestones reached before the start: ranked by date (then side order); no prestige is paid.
    reached = sorted(
        (turn, order, i, side.id, ms) for i, side in enumerate(rules.sides) for ms, turn, order in side.start_milestones
    )
    for turn, _, _, side_id, ms in reached:
        state.sides[side_id].milestones[ms] = turn
        state.firsts.setdefault(ms, []).append((side_id, turn))
    # A side with a `joins` condition that does not hold yet waits (see game.engine.joining).
    state.waiting = [side.id for side in rules.sides if side.joins is not None and not holds(side.joins, state, side.id)]
    for side_state in state.sides.values():
        if side_state.id in state.waiting:
            side_state.ended = True  # a waiting side's planning counts as ended: turns resolve without it
            continue
        pay_instalment(state, side_state, [])
        record_history(state, side_state)
    return state
