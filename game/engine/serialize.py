"""GameState <-> plain JSON-ready data, for hashing and for the snapshot inside a save."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from game.engine.rng import Rng
from game.engine.state import (
    CrewState,
    CrewStatus,
    Decision,
    GameState,
    IntelEstimate,
    LaunchRecord,
    PlannedMission,
    SideState,
    TechState,
)

if TYPE_CHECKING:
    from game.engine.rules import Ruleset


def _side_to_dict(s: SideState) -> dict[str, Any]:
    return {
        "id": s.id,
        "cash": s.cash,
        "budget": s.budget,
        "budget_base": s.budget_base,
        "budget_mod": s.budget_mod,
        "prestige": s.prestige,
        "prestige_year": s.prestige_year,
        "research_rate": s.research_rate,
        "techs": {k: [t.progress, t.done, t.reliability, t.funding, t.flights, t.failures] for k, t in s.techs.items()},
        "hardware": dict(s.hardware),
        "crews": {
            k: {"status": c.status, "skills": dict(c.skills), "morale": c.morale, "training_left": c.training_left,
                "injured_until": c.injured_until, "flights": c.flights}
            for k, c in s.crews.items()
        },
        "plan": [{"mission": p.mission, "hardware": [list(h) for h in p.hardware], "crew": list(p.crew), "cost": p.cost} for p in s.plan],
        "intel": s.intel,
        "milestones": dict(s.milestones),
        "flags": dict(s.flags),
        "events_fired": dict(s.events_fired),
        "decisions": [{"id": d.id, "event": d.event, "choices": list(d.choices)} for d in s.decisions],
        "ended": s.ended,
        "deaths": s.deaths,
        "launches": s.launches,
        "intel_reports": {
            k: {"about": r.about, "turn": r.turn, "error": r.error, "cash": r.cash, "budget": r.budget,
                "techs": dict(r.techs), "active_crew": r.active_crew}
            for k, r in s.intel_reports.items()
        },
        "history": [list(h) for h in s.history],
    }


def state_to_dict(state: GameState) -> dict[str, Any]:
    d = {
        "seed": state.seed,
        "turn": state.turn,
        "phase": state.phase,
        "sides": {k: _side_to_dict(s) for k, s in state.sides.items()},
        "rng": state.rng.state,
        "flags": dict(state.flags),
        "queued": [list(q) for q in state.queued],
        "firsts": {k: [list(x) for x in v] for k, v in state.firsts.items()},
        "public_log": [[r.turn, r.side, r.mission, r.outcome, list(r.crew)] for r in state.public_log],
        "winner": state.winner,
        "end_reason": state.end_reason,
        "next_decision": state.next_decision,
        "actions_applied": state.actions_applied,
    }
    if state.play_on:  # only when set, so that the states (and hashes) of ordinary games stay as they were
        d["play_on"] = True
        d["decided"] = state.decided
    return d


def _in_order(table: dict[str, Any], order: Iterable[str]) -> dict[str, Any]:
    """`table` with the ids the ruleset knows first, in the ruleset's order.

    The engine iterates sides, techs and crews when it casts dice, so their order is part of the
    game: a snapshot whose keys were sorted (or shuffled) on the way must not change what happens next.
    """
    return {**{k: table[k] for k in order if k in table}, **table}


def _side_from_dict(rules: Ruleset, d: dict[str, Any]) -> SideState:
    return SideState(
        id=d["id"],
        cash=d["cash"],
        budget=d["budget"],
        budget_base=d["budget_base"],
        budget_mod=d["budget_mod"],
        prestige=d["prestige"],
        prestige_year=d["prestige_year"],
        research_rate=d["research_rate"],
        techs={k: TechState(*v) for k, v in _in_order(d["techs"], rules.techs).items()},
        hardware=_in_order(d["hardware"], rules.hardware),
        crews={
            k: CrewState(CrewStatus(c["status"]), dict(c["skills"]), c["morale"], c["training_left"], c["injured_until"], c["flights"])
            for k, c in _in_order(d["crews"], rules.crews).items()
        },
        plan=[PlannedMission(p["mission"], tuple((a, b) for a, b in p["hardware"]), tuple(p["crew"]), p["cost"]) for p in d["plan"]],
        intel=d["intel"],
        milestones=dict(d["milestones"]),
        flags=dict(d["flags"]),
        events_fired=dict(d["events_fired"]),
        decisions=[Decision(x["id"], x["event"], tuple(x["choices"])) for x in d["decisions"]],
        ended=d["ended"],
        deaths=d["deaths"],
        launches=d["launches"],
        intel_reports={k: IntelEstimate(**r) for k, r in d["intel_reports"].items()},
        history=[tuple(h) for h in d["history"]],  # type: ignore[misc]
    )


def state_from_dict(rules: Ruleset, d: dict[str, Any]) -> GameState:
    """Rebuild a state; raises KeyError, TypeError or ValueError on data of the wrong shape."""
    return GameState(
        rules=rules,
        seed=d["seed"],
        turn=d["turn"],
        phase=d["phase"],
        sides={k: _side_from_dict(rules, s) for k, s in _in_order(d["sides"], rules.side_ids).items()},
        rng=Rng(d["rng"]),
        flags=dict(d["flags"]),
        queued=[(a, b, c) for a, b, c in d["queued"]],
        firsts={k: [(a, b) for a, b in v] for k, v in d["firsts"].items()},
        public_log=[LaunchRecord(t, s, m, o, tuple(c)) for t, s, m, o, c in d["public_log"]],
        winner=d["winner"],
        end_reason=d["end_reason"],
        next_decision=d["next_decision"],
        actions_applied=d["actions_applied"],
        play_on=bool(d.get("play_on", False)),
        decided=int(d.get("decided", 0)),
    )
