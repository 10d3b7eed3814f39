"""Hard: plans ahead by information-set Monte Carlo over a few candidate plans, when the race is on.

Through most of the game hard plays its own heuristic plan (the `hard` temper: it spies, hurries a
prize the rival is about to take, and starts the winning chain's critical research early). Once the
race for the winning mission is on (either side within a few turns of flying it), each turn the
planner proposes its orders under a few tempers (steady, all-in for the race, bolder at the launch
pad, more careful). When they differ, hard samples what the rival's hidden programme might be,
using only what its PlayerView shows (the rival's public record, its intelligence estimates and the
rule book), and plays each candidate forward on the deterministic engine to the end of the race in
each sample, the rival played by the normal planner with its own personality. Another plan replaces
the steady one only when it wins clearly more of those games. The samples never see the real game:
they are built from the view alone (see `determinize`).

(Earlier turns were searched too, with short rollouts scored by a heuristic; measured over hundreds
of games that cost hard more games than it won it, so the search now waits for the race.)
"""

from __future__ import annotations

from dataclasses import replace

from game.ai.chain import chain, climbs, eta, flyable_someday
from game.ai.facts import Turn
from game.ai.knowledge import knowledge
from game.ai.planner import plan_turn
from game.ai.temper import TEMPERS, Temper
from game.engine.actions import Action, EndTurn
from game.engine.batch import apply_orders
from game.engine.conditions import holds
from game.engine.rng import Rng
from game.engine.state import (
    PHASE_PLANNING,
    CrewState,
    CrewStatus,
    GameState,
    IntelEstimate,
    SideState,
    TechState,
)
from game.engine.view import PlayerView, player_view

HARD = TEMPERS["hard"]
# The plans hard weighs; the first is its own way of playing.
CANDIDATES: dict[str, Temper] = {
    "steady": HARD,
    "all_in": replace(HARD, name="all_in", prestige_worth=0, moon_value=HARD.moon_value * 4, savings=HARD.savings * 2),
    "bold": replace(
        HARD,
        name="bold",
        victory_odds=max(10, HARD.victory_odds - 15),
        victory_dash=max(10, HARD.victory_dash - 10),
        min_crewed=max(10, HARD.min_crewed - 10),
        min_uncrewed=max(10, HARD.min_uncrewed - 10),
    ),
    "careful": replace(HARD, name="careful", victory_odds=HARD.victory_odds + 12, victory_dash=HARD.victory_dash + 10),
}
SAMPLES = 8  # rival programmes sampled per decision once the race is on
HORIZON = 16  # turns each candidate is played forward (to the end of the race, as a rule)
WIN = 10_000  # score of a won game, against the heuristic scores of unfinished ones
MARGIN = 150  # score per sample by which another plan must beat the steady one (2.5 turns in the race)


def plan_ahead(view: PlayerView, rng: Rng) -> list[Action]:
    """The orders of the candidate plan that does best, on average, against sampled rival programmes."""
    if view.over:
        return []
    if not view.rivals or not _race_on(view):
        return plan_turn(view, HARD, rng.clone())
    proposals: list[tuple[str, Temper, list[Action]]] = []
    seen: list[list[Action]] = []
    for name, temper in CANDIDATES.items():
        actions = plan_turn(view, temper, rng.clone())
        if actions not in seen:
            seen.append(actions)
            proposals.append((name, temper, actions))
    if len(proposals) == 1:
        return proposals[0][2]
    worlds = [determinize(view, Rng.from_seed(rng.next64())) for _ in range(SAMPLES)]
    scores = []
    for _name, temper, actions in proposals:
        score = 0
        for i, world in enumerate(worlds):
            score += rollout(world.clone(), view.side, actions, temper, HORIZON, seed=i)
        scores.append(score)
    # A few samples are noisy: another plan replaces the steady one only when it is clearly better.
    best = max(range(len(proposals)), key=lambda i: (scores[i], -i))
    if scores[best] - scores[0] < MARGIN * len(worlds):
        best = 0
    return proposals[best][2]


def _race_on(view: PlayerView) -> bool:
    """Whether this side or a rival looks within a few turns of flying the winning mission."""
    turn = Turn(view, HARD, Rng(0))
    for m in turn.k.victory_missions:
        if m in view.me.milestones:
            continue
        if flyable_someday(turn, m) and eta(turn, m) <= 3:
            return True
        if turn.rival_close(m):
            return True
    return False


# ----------------------------------------------------------------------------------------------- sampling


def determinize(view: PlayerView, rng: Rng) -> GameState:
    """A whole game state consistent with what `view` shows: this side exactly as it is, each rival
    sampled from its public record, this side's intelligence estimate of it and the rule book."""
    rules = view.rules
    sides: dict[str, SideState] = {}
    for side in rules.sides:
        if side.id == view.side:
            sides[side.id] = view.me.clone()
        else:
            sides[side.id] = _sample_rival(view, side.id, rng)
    firsts = {k: list(v) for k, v in view.firsts.items()}
    state = GameState(rules, rng.next64() & 0xFFFFFFFF, view.turn, PHASE_PLANNING, sides, Rng(rng.next64()))
    state.firsts = firsts
    state.public_log = list(view.public_log)
    state.next_decision = 1_000_000
    # A rival has already lived through the one-off events whose moment has come: it would have met them.
    for rival_id, rival in sides.items():
        if rival_id != view.side:
            for e in rules.events.values():
                if (
                    e.once
                    and e.fires_alone()
                    and (not e.sides or rival_id in e.sides)
                    and holds(e.when, state, rival_id)
                ):
                    rival.events_fired[e.id] = view.turn
    return state


def _sample_rival(view: PlayerView, rival_id: str, rng: Rng) -> SideState:
    rules, me = view.rules, view.me
    r = view.rival(rival_id)
    side = rules.side(rival_id)
    est: IntelEstimate | None = r.estimate
    k = knowledge(rules)
    tpy = rules.settings.turns_per_year
    years = max(0, view.turn // tpy - rules.settings.start // tpy)
    base = side.budget + side.budget_growth * years
    budget = est.budget if est is not None else max(base, me.budget * 9 // 10)
    # Techs the rival is known to have: estimated, or shown by what it has flown.
    known: dict[str, int] = {}
    if est is not None:
        known.update({t: rel for t, rel in est.techs.items() if rel > 0})
    for rec in view.public_log:
        if rec.side == rival_id and rec.outcome != "scrubbed":
            for _, options in k.missions[rec.mission].slots:
                if len(options) == 1:
                    for t in k.closure[k.tech_of[options[0]]]:
                        known.setdefault(t, rules.techs[t].base + 10)
    techs: dict[str, TechState] = {}
    for t, tech in rules.techs.items():
        if t in known:
            rel = max(1, min(tech.ceiling, known[t]))
            techs[t] = TechState(progress=tech.cost, done=True, reliability=rel)
            continue
        # Not known to be finished: about as far along as this side is with it, give or take.
        mine = me.techs[t]
        own = tech.cost if mine.done else mine.progress
        guess = own * (60 + rng.below(61)) // 100
        techs[t] = TechState(progress=min(tech.cost - 1, guess))
    crews: dict[str, CrewState] = {}
    active = est.active_crew if est is not None else 4
    for cid in k.crew_of_side[rival_id]:
        member = rules.crews[cid]
        status = CrewStatus.ACTIVE if member.available <= view.turn and active > 0 else CrewStatus.CANDIDATE
        if status == CrewStatus.ACTIVE:
            active -= 1
        crews[cid] = CrewState(status, dict(member.skills), rules.settings.morale_start)
    dead = r.deaths
    for c in crews.values():
        if dead <= 0:
            break
        if c.status == CrewStatus.ACTIVE:
            c.status = CrewStatus.DEAD
            dead -= 1
    cash = est.cash if est is not None else me.cash
    history = [(turn, prestige, budget, cash) for turn, prestige in r.history]
    return SideState(
        id=rival_id,
        cash=cash,
        budget=budget,
        budget_base=base,
        budget_mod=max(0, budget - base),
        prestige=r.prestige,
        prestige_year=0,
        research_rate=side.research_rate,
        techs=techs,
        hardware={h: 0 for h in rules.hardware},
        crews=crews,
        milestones=dict(r.milestones),
        launches=r.launches,
        deaths=r.deaths,
        history=history,
    )


# ----------------------------------------------------------------------------------------------- playing forward


def rollout(state: GameState, side: str, first: list[Action], temper: Temper, horizon: int, seed: int = 0) -> int:
    """Play `first` then `temper`'s plans for `side` (the rivals as the normal planner) for `horizon` turns
    on `state` (which is consumed), and score the result for `side`."""
    rules = state.rules
    normal = TEMPERS["normal"]
    rng = Rng.from_seed(seed * 7919 + state.turn)
    for turn in range(horizon):
        for other in rules.side_ids:
            if state.phase != PHASE_PLANNING:
                break
            if other == side:
                orders = first if turn == 0 else plan_turn(player_view(state, side), temper, rng)
            else:
                orders = plan_turn(player_view(state, other), normal, rng)
            state, _, _ = apply_orders(state, [*orders, EndTurn(other)], in_place=True)
        if state.phase != PHASE_PLANNING:
            break
    return score(state, side)


def score(state: GameState, side: str) -> int:
    """Who is ahead: a finished game by its result; otherwise by how soon each side could fly the winning
    mission, then prestige and money."""
    if state.phase != PHASE_PLANNING:
        if state.winner == side:
            return WIN
        return -WIN if state.winner is not None else 0
    mine = _race_turns(state, side)
    value = 0
    for other in state.sides:
        if other != side:
            value += 60 * (_race_turns(state, other) - mine)
            value += (state.sides[side].prestige - state.sides[other].prestige) * 2
    value += (state.sides[side].cash + state.sides[side].budget // 4) // 10
    return value


def _race_turns(state: GameState, side: str) -> int:
    """Turns until `side` could fly its winning mission at fair odds: research, then the climb of its hardware,
    and a flight for each stepping stone still to fly (each takes a turn, and they often fail)."""
    turn = Turn(player_view(state, side), TEMPERS["normal"], Rng(0))
    best = 10_000
    for m in turn.k.victory_missions:
        if m in state.sides[side].milestones:
            return 0
        if not flyable_someday(turn, m):
            continue
        climb = max(climbs(turn, m).values(), default=0)
        best = min(best, eta(turn, m) + climb + 2 * len(chain(turn)))
    return min(best, 200)
