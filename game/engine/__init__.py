"""The rules of Space Race: a pure, deterministic state machine driven by a Ruleset. Standard library only.

Everything a computer player may use is exported here (docs/ai.md): the view it is handed, the orders it
gives, and the engine's own rules for odds, crews, costs, research and availability, each taking a
`PlayerView` or the `SideState` it holds as `view.me`, never a `GameState`.
"""

from game.engine.actions import (
    Action,
    BuildFacility,
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
from game.engine.availability import hardware_unlocked
from game.engine.conditions import own_needs
from game.engine.crew import best_crew, crew_ready, pick_crew
from game.engine.odds import (
    MissionOdds,
    StepOdds,
    crew_bonus,
    expected_reliability_gain,
    facility_bonus,
    instalment,
    milestone_prestige,
    mission_odds,
    next_budget,
    order_cost,
    planned_spending,
    reliability_point_cost,
    reliability_point_price,
    research_points,
    step_chance,
    turns_to_finish,
    useful_funding,
)
from game.engine.orders import plan_from_stock
from game.engine.rng import Rng, player_rng
from game.engine.rules import Choice, Facility, Mission, Ruleset, Tech
from game.engine.serialize import state_to_dict
from game.engine.state import CrewStatus, GameState, SideState
from game.engine.version import RULES_VERSION
from game.engine.view import PlayerView, RivalView, player_view
from game.engine.vocab import Effect, Quantity, Stake

__all__ = [
    "RULES_VERSION",
    "Action",
    "BuildFacility",
    "BuyHardware",
    "CancelMission",
    "CancelOrder",
    "Choice",
    "CrewStatus",
    "Decide",
    "Effect",
    "EndTurn",
    "Facility",
    "FundIntelligence",
    "FundResearch",
    "GameState",
    "IllegalAction",
    "Mission",
    "MissionOdds",
    "Outcome",
    "PlanMission",
    "PlayerView",
    "Quantity",
    "RecruitCrew",
    "Rejection",
    "RejectionCode",
    "RivalView",
    "Rng",
    "Ruleset",
    "Setup",
    "SideState",
    "Stake",
    "StepOdds",
    "Tech",
    "apply",
    "best_crew",
    "crew_bonus",
    "crew_ready",
    "expected_reliability_gain",
    "facility_bonus",
    "hardware_unlocked",
    "instalment",
    "is_over",
    "legal_actions",
    "milestone_prestige",
    "mission_odds",
    "new_game",
    "next_budget",
    "order_cost",
    "outcome",
    "own_needs",
    "pick_crew",
    "plan_from_stock",
    "planned_spending",
    "player_rng",
    "player_view",
    "reliability_point_cost",
    "reliability_point_price",
    "research_points",
    "state_hash",
    "state_to_dict",
    "step_chance",
    "suggest_plan",
    "turns_to_finish",
    "useful_funding",
    "validate",
]
