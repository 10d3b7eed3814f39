"""The rules of Space Race: a pure, deterministic state machine driven by a Ruleset. Standard library only."""

from game.engine.actions import (
    Action,
    BuyHardware,
    CancelMission,
    Decide,
    EndTurn,
    FundIntelligence,
    FundResearch,
    IllegalAction,
    PlanMission,
    RecruitCrew,
    Rejection,
    action_from_dict,
    action_to_dict,
)
from game.engine.game import (
    Outcome,
    Setup,
    apply,
    is_over,
    legal_actions,
    new_game,
    outcome,
    pick_crew,
    state_hash,
    suggest_plan,
    validate,
)
from game.engine.odds import MissionOdds, mission_odds
from game.engine.rules import Ruleset
from game.engine.serialize import state_from_dict, state_to_dict
from game.engine.state import GameState, SideState
from game.engine.view import PlayerView, RivalView, player_view

__all__ = [
    "Action", "BuyHardware", "CancelMission", "Decide", "EndTurn", "FundIntelligence", "FundResearch",
    "GameState", "IllegalAction", "MissionOdds", "Outcome", "PlanMission", "PlayerView", "RecruitCrew",
    "Rejection", "RivalView", "Ruleset", "Setup", "SideState", "action_from_dict", "action_to_dict", "apply",
    "is_over", "legal_actions", "mission_odds", "new_game", "outcome", "pick_crew", "player_view",
    "state_from_dict", "state_hash", "state_to_dict", "suggest_plan", "validate",
]
