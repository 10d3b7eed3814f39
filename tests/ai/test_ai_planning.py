"""What the heuristic planner makes of a mission gated by the side's own milestones (stepping stones)."""

from __future__ import annotations

from game.ai.knowledge import knowledge
from game.ai.planner import TEMPERS, Planner
from game.engine import new_game, player_view
from game.engine.rng import Rng
from game.engine.rules import Ruleset


def planner_for(rules: Ruleset, side: str, done: tuple[str, ...] = (), milestones: tuple[str, ...] = ()) -> Planner:
    state = new_game(rules, None, 1)
    me = state.sides[side]
    for tech in done:
        ts = me.techs[tech]
        ts.progress, ts.done, ts.reliability = rules.techs[tech].cost, True, 90
    for ms in milestones:
        me.milestones[ms] = state.turn
    return Planner(player_view(state, side), TEMPERS["normal"], Rng(0))


def test_the_landings_stepping_stones_are_read_from_its_availability(campaign: Ruleset):
    k = knowledge(campaign)
    steps = set(k.stepping["crewed_lunar_landing"])
    assert steps == {"docking", "spacewalk", "lunar_soft_landing", "lunar_orbit_probe", "crewed_lunar_orbit"}
    assert "docking_mission" in k.stepping_missions and "spacewalk_mission" in k.stepping_missions
    assert k.missions["crewed_lunar_landing"].gated is False, "own milestones can be earned, not waited for"


def test_a_gated_landing_is_worked_toward_through_its_stepping_stones(campaign: Ruleset):
    p = planner_for(campaign, "us")
    assert "crewed_lunar_landing" not in p.view.available_missions
    assert p.flyable_someday("crewed_lunar_landing")
    chain = p.chain()
    earned_by = {ms for m in chain for ms in campaign.missions[m].milestones}
    assert {"docking", "spacewalk", "lunar_soft_landing", "lunar_orbit_probe", "crewed_lunar_orbit"} <= earned_by
    goals = p.goals()
    assert goals[0] == "crewed_lunar_landing" and goals[1 : 1 + len(chain)] == list(chain)
    # The landing cannot come before its last stepping stone has flown.
    assert p.eta("crewed_lunar_landing") > max(p.eta(m) for m in chain)
    # Their techs are part of the winning chain's research.
    assert p.needs("docking_mission")[-1] in p.victory_techs()


def test_stepping_stones_already_earned_leave_the_chain(campaign: Ruleset):
    earned = ("docking", "spacewalk", "lunar_soft_landing", "lunar_orbit_probe")
    p = planner_for(campaign, "ussr", milestones=earned)
    assert [ms for m in p.chain() for ms in campaign.missions[m].milestones if ms in earned] == []
    assert "crewed_lunar_orbit" in {ms for m in p.chain() for ms in campaign.missions[m].milestones}
    everything = planner_for(campaign, "ussr", milestones=(*earned, "crewed_lunar_orbit"))
    assert everything.chain() == ()


def test_the_orders_leave_money_for_the_intelligence_they_fund(campaign: Ruleset):
    # The resolution pays research first and intelligence from what is left: orders that spend every coin
    # on research would cut the spying to nothing.
    from game.ai import choose_actions
    from game.ai.runner import ai_rng
    from game.engine import EndTurn, is_over
    from game.engine.batch import apply_orders

    turns = short = 0
    for level in ("normal", "hard"):
        state = new_game(campaign, None, 2)
        while not is_over(state) and state.turn < campaign.settings.start + 40:
            for i, side in enumerate(campaign.side_ids):
                orders = choose_actions(player_view(state, side), level, ai_rng(2, i, state.turn))
                state, _, _ = apply_orders(state, orders, in_place=True)
                me = state.sides[side]
                turns += 1
                short += sum(t.funding for t in me.techs.values()) + me.intel > me.cash
                state, _, _ = apply_orders(state, [EndTurn(side)], in_place=True)
    assert turns > 100 and short * 10 <= turns, f"{short} of {turns} turns ordered more than the cash in hand"


def test_a_personality_that_plays_down_victory_does_not_put_its_research_before_everything(campaign: Ruleset):
    from game.ai.planner import FIRST, Style

    state = new_game(campaign, None, 1)
    view = player_view(state, "us")
    goals = Planner(view, TEMPERS["normal"], Rng(0)).goals()
    eager = Planner(view, TEMPERS["normal"], Rng(0), Style())
    eager.goals()
    assert any(value == -FIRST for value, *_ in eager.research_asks(goals)), "the winning mission's critical research"
    modest = Planner(view, TEMPERS["normal"], Rng(0), Style({"victory": 20}))
    modest.goals()
    asks = modest.research_asks(goals)
    assert asks and all(value > -FIRST for value, *_ in asks)


def test_the_europe_mods_consortium_flies_its_own_programme():
    # A third agency with a small budget: it flies satellites and crews of its own rather than spend every
    # coin on a Moon race the superpowers are years ahead in.
    from game.ai.runner import play_game
    from game.content.load import load_scenario

    rules = load_scenario("race_1955", ["europe"]).ruleset
    launches = [play_game(rules, seed, {})[0].sides["europe"].launches for seed in (1, 2, 3, 4)]
    assert sum(launches) >= 4, launches


def test_an_answer_that_costs_cash_leaves_the_flights_within_the_cash_left(campaign: Ruleset):
    # Seed 7, normal as the USSR against bot_probes: in 1968-Q1 it answers an event by paying 10 and used
    # to order hardware with the cash it had before the answer (the purchase was refused).
    from game.ai import choose_actions
    from game.ai.runner import ai_rng, game_setup
    from game.engine import EndTurn, is_over, validate
    from game.engine.batch import apply_orders

    levels = {"us": "bot_probes", "ussr": "normal"}
    state = new_game(campaign, game_setup(campaign, levels), 7)
    refused = []
    answered = 0
    for _ in range(200):
        if is_over(state):
            break
        for i, side in enumerate(campaign.side_ids):
            if is_over(state):
                break
            for order in choose_actions(player_view(state, side), levels[side], ai_rng(7, i, state.turn)):
                if side == "ussr":
                    answered += type(order).__name__ == "Decide"
                    if validate(state, order) is not None:
                        refused.append((campaign.date_label(state.turn), order))
                state, _, _ = apply_orders(state, [order], in_place=True)
            state, _, _ = apply_orders(state, [EndTurn(side)], in_place=True)
    assert answered > 0 and refused == []


def test_research_points_that_save_turns_on_a_rate_capped_path_count_in_the_german_team_answer(campaign: Ruleset):
    # The US's German rocket team: points on the orbital launcher (the rocket line, capped by time, is the
    # landing's critical path) against more points on the satellite, fewer on the launcher, and prestige.
    # Priced at money alone the satellite answer looks richer; priced also by the turns they save, the
    # launcher's points are worth more time than the civilian answer's.
    from game.ai.goals import choose_goals
    from game.ai.value import time_value
    from game.engine import EndTurn
    from game.engine.batch import apply_orders

    state = new_game(campaign, None, 1)
    while not state.sides["us"].decisions:
        state, _, _ = apply_orders(state, [EndTurn(s) for s in campaign.side_ids], in_place=True)
    decision = state.sides["us"].decisions[0]
    assert decision.event == "german_team_us"
    p = Planner(player_view(state, "us"), TEMPERS["normal"], Rng(0))
    choose_goals(p.turn)
    answers = {c.id: c.effects for c in campaign.events[decision.event].choices}
    assert time_value(p.turn, answers["army_team"]) > time_value(p.turn, answers["civilian_project"]) >= 0


def test_the_landing_odds_it_accepts_fall_as_the_rival_visibly_nears_the_moon(campaign: Ruleset):
    from game.ai.flight_value import floor

    normal = TEMPERS["normal"]
    floors = []
    steps = knowledge(campaign).stepping["crewed_lunar_landing"]
    for n in range(len(steps) + 1):
        state = new_game(campaign, None, 1)
        for ms in steps[:n]:
            state.sides["ussr"].milestones[ms] = state.turn  # public: the rival's record shows them
        p = Planner(player_view(state, "us"), normal, Rng(0))
        floors.append(floor(p.turn, "crewed_lunar_landing"))
    assert floors[0] == normal.victory_odds
    assert floors == sorted(floors, reverse=True) and floors[-1] < floors[0]
    assert floors[-1] >= normal.victory_dash


def test_a_prize_worth_it_flies_in_several_copies_in_one_quarter(campaign: Ruleset):
    from collections import Counter

    from game.ai import choose_actions
    from game.ai.runner import ai_rng
    from game.engine import EndTurn, PlanMission, is_over
    from game.engine.batch import apply_orders

    copies = 0
    state = new_game(campaign, None, 3)
    for _ in range(120):
        if is_over(state):
            break
        for i, side in enumerate(campaign.side_ids):
            orders = choose_actions(player_view(state, side), "normal", ai_rng(3, i, state.turn))
            flights = Counter(o.mission for o in orders if isinstance(o, PlanMission))
            copies += sum(n - 1 for n in flights.values())
            state, _, _ = apply_orders(state, [*orders, EndTurn(side)], in_place=True)
    assert copies > 0


def test_the_turns_it_counts_on_end_at_its_modes_deadline(campaign: Ruleset):
    # A Moon race that prestige decides at its own deadline (before the scenario's end) leaves fewer turns
    # for prestige to raise budgets than a Space age game played to the scenario's end.
    from game.engine.setup import Setup

    turns = {}
    for mode in ("moon_race", "space_age"):
        state = new_game(campaign, Setup(victory=mode), 1)
        turns[mode] = Planner(player_view(state, "us"), TEMPERS["normal"], Rng(0)).turn.turns_left
    assert campaign.end_of("moon_race") < campaign.settings.end
    assert turns["moon_race"] == campaign.end_of("moon_race") - state.turn + 1
    assert turns["space_age"] == campaign.settings.end - state.turn + 1
