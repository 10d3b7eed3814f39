"""The rules of Space Race: a pure, deterministic state machine driven by a Ruleset. Standard library only."""

from game.engine.actions import (
    Action,
    BuyHardware,
    CancelMission,
    CancelOrder,
    Decide,
    EndTurn,
    FundIntelligence,
    FundResearch,
    IllegalAction,
    PlanMission,
    RecruitCrew,
    Rejection,
    RejectionCode,
)
from game.engine.api import (
    Outcome,
    Setup,
    apply,
    is_over,
    legal_actions,
    new_game,
    outcome,
    state_hash,
    suggest_plan,
    validate,
)
from game.engine.crew import best_crew, crew_ready, pick_crew
from game.engine.odds import (
    MissionOdds,
    crew_bonus,
    mission_odds,
    order_cost,
    reliability_point_cost,
    reliability_point_price,
    step_chance,
)
from game.engine.rng import player_rng
from game.engine.rules import Ruleset
from game.engine.serialize import state_to_dict
from game.engine.state import GameState, SideState
from game.engine.version import RULES_VERSION
from game.engine.view import PlayerView, RivalView, player_view

__all__ = [
    "RULES_VERSION",
    "Action",
    "BuyHardware",
    "CancelMission",
    "CancelOrder",
    "Decide",
    "EndTurn",
    "FundIntelligence",
    "FundResearch",
    "GameState",
    "IllegalAction",
    "MissionOdds",
    "Outcome",
    "PlanMission",
    "PlayerView",
    "RecruitCrew",
    "Rejection",
    "RejectionCode",
    "RivalView",
    "Ruleset",
    "Setup",
    "SideState",
    "apply",
    "best_crew",
    "crew_bonus",
    "crew_ready",
    "is_over",
    "legal_actions",
    "mission_odds",
    "new_game",
    "order_cost",
    "outcome",
    "pick_crew",
    "player_rng",
    "player_view",
    "reliability_point_cost",
    "reliability_point_price",
    "state_hash",
    "state_to_dict",
    "step_chance",
    "suggest_plan",
    "validate",
]
