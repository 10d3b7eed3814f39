"""What hard does that normal does not: it plays the rush plan (game/ai/rush.py); and its planner temper (kept for
tools that ask the planner as hard) counts the whole story a first sets off for the rival, and values a lasting
budget more."""

from __future__ import annotations

import dataclasses

import pytest

from game.ai import rush
from game.ai.bots.kit import Orders
from game.ai.bots.roads import critical_order, road_to, slack, victory_milestones
from game.ai.facts import Turn
from game.ai.goals import choose_goals
from game.ai.levels import PLAYERS
from game.ai.planner import plan_turn
from game.ai.runner import game_setup, play_turn
from game.ai.rush import landing_purse, rush_turn
from game.ai.temper import TEMPERS, Temper
from game.ai.value import _queued, effects_value, first_bonus
from game.engine import PlayerView, is_over, new_game, player_view, useful_funding
from game.engine.actions import Action, FundResearch
from game.engine.rng import Rng
from game.engine.rules import Ruleset
from game.engine.vocab import Quantity


def _satellite_bonus(campaign: Ruleset, level: str, **temper: object) -> int:
    state = new_game(campaign, None, 1)
    turn = Turn(player_view(state, "ussr"), dataclasses.replace(TEMPERS[level], **temper), Rng(0))
    choose_goals(turn)
    return first_bonus(turn, "satellite")


def test_a_crisis_counts_the_events_it_queues(campaign: Ruleset) -> None:
    story = _queued(campaign.events, "sputnik_crisis")
    assert story[0] == "sputnik_crisis"
    assert {"arpa_founded", "nasa_founded", "education_act"} <= set(story)
    assert len(story) == len(set(story))


def test_hard_counts_what_a_first_hands_the_rival(campaign: Ruleset) -> None:
    # The Sputnik crisis it would hand the rival founds agencies that speed its research for good: hard
    # counts them, normal only the crisis itself (and never below nothing).
    normal = _satellite_bonus(campaign, "normal")
    hard = _satellite_bonus(campaign, "hard")
    assert hard < normal
    assert _satellite_bonus(campaign, "hard", rival_share=400) < 0
    assert _satellite_bonus(campaign, "normal", rival_share=400) == 0


def test_only_hard_shuns_gifts() -> None:
    assert TEMPERS["hard"].shun_gifts
    assert not TEMPERS["normal"].shun_gifts and not TEMPERS["easy"].shun_gifts


def _budget_value(campaign: Ruleset, level: str) -> int:
    state = new_game(campaign, None, 1)
    turn = Turn(player_view(state, "us"), TEMPERS[level], Rng(0))
    ask = next(c for c in campaign.events["cuban_missile_crisis"].choices if c.id == "ask_for_more")
    budget = tuple(e for e in ask.effects if any(s.quantity == Quantity.BUDGET for s in e.stakes()))
    assert budget
    return effects_value(turn, budget)


def test_hard_values_a_lasting_budget_at_twice_normal(campaign: Ruleset) -> None:
    normal = _budget_value(campaign, "normal")
    assert normal > 0
    assert _budget_value(campaign, "hard") == 2 * normal


def test_only_hard_plays_the_rush_plan(campaign: Ruleset) -> None:
    # Hard's orders are the rush plan's (game/ai/rush.py), not the planner's; easy and normal keep the planner.
    assert TEMPERS["hard"].rush
    assert not TEMPERS["normal"].rush and not TEMPERS["easy"].rush
    state = new_game(campaign, None, 1)
    view = player_view(state, "us")
    rush = rush_turn(view, TEMPERS["hard"], Rng(0))
    assert PLAYERS["hard"](view, Rng(0)) == rush
    assert PLAYERS["normal"](view, Rng(0)) == plan_turn(view, TEMPERS["normal"], Rng(0))
    assert rush != plan_turn(view, TEMPERS["hard"], Rng(0))


def test_the_rush_funds_the_landings_road_before_its_flights(campaign: Ruleset) -> None:
    # The first quarter: every tech it funds is on the landing's road, and the one that holds the landing back
    # longest (of those it may research now) is among them.
    state = new_game(campaign, None, 1)
    view = player_view(state, "ussr")
    orders = rush_turn(view, TEMPERS["hard"], Rng(0))
    funded = [o.tech for o in orders if isinstance(o, FundResearch) and o.amount > 0]
    road = road_to(view, victory_milestones(campaign))
    assert funded and set(funded) <= road.techs
    first = next(t for t in critical_order(view, road.techs) if t in view.available_techs)
    assert first in funded


def _rich_view(campaign: Ruleset, side: str, cash: int) -> PlayerView:
    state = new_game(campaign, None, 1)
    state.sides[side].cash = cash
    return player_view(state, side)


def test_the_rush_rushes_the_critical_chain_with_idle_cash(campaign: Ruleset) -> None:
    # A treasury research cannot use at its rate caps: the techs holding the landing back are rushed at the
    # engine's rushed price, and nothing off the road or with slack is.
    view = _rich_view(campaign, "us", 100_000)
    orders = rush_turn(view, TEMPERS["hard"], Rng(0))
    rushed = [o for o in orders if isinstance(o, FundResearch) and o.rush]
    assert rushed
    road = road_to(view, victory_milestones(campaign))
    waits = slack(view, road.techs)
    me = view.me
    for o in rushed:
        assert waits[o.tech] <= TEMPERS["hard"].rush_chain
        assert o.amount == useful_funding(campaign, me, campaign.techs[o.tech], me.techs[o.tech], True)


def test_the_rush_never_rushes_money_it_lacks(campaign: Ruleset) -> None:
    # With no more cash than the plain funding takes, nothing is rushed, and the books never go below zero.
    view = _rich_view(campaign, "us", 100_000)
    books = Orders(view)
    books.fund_all(critical_order(view, road_to(view, victory_milestones(campaign)).techs))
    tight = _rich_view(campaign, "us", books.research_bill)
    assert not any(isinstance(o, FundResearch) and o.rush for o in rush_turn(tight, TEMPERS["hard"], Rng(0)))
    tech = critical_order(view, road_to(view, victory_milestones(campaign)).techs)[0]
    one = Orders(_rich_view(campaign, "us", books.funding[tech]))
    assert one.fund(tech) and one.rush([tech]) == []
    rich = Orders(view)
    rich.fund(tech)
    assert rich.rush([tech]) == [tech] and rich.spare >= 0


def test_the_books_take_back_a_rush_no_longer_wanted(campaign: Ruleset) -> None:
    # A tech rushed last quarter and not this one gets a standing order without the rush.
    state = new_game(campaign, None, 1)
    tech = next(iter(player_view(state, "us").available_techs))
    state.sides["us"].rushed.append(tech)
    books = Orders(player_view(state, "us"))
    assert FundResearch("us", tech, 0, False) in books.done()


def _books(view: PlayerView, temper: Temper, monkeypatch: pytest.MonkeyPatch) -> tuple[int, int]:
    """The cash the rush plan leaves unspoken for by its orders (its books' `spare` when it is done), and the most
    its purse could keep: the purse, or what was left once the road's own flights were ordered if less."""
    seen: list[int] = []
    kept = [0]

    def watch_purse(books: Orders, *args: object) -> int:
        purse = landing_purse(books, *args)
        kept[0] = min(purse, books.spare)
        return purse

    def watch_done(books: Orders) -> list[Action]:
        seen.append(books.spare)
        return done(books)

    done = Orders.done
    monkeypatch.setattr(rush, "landing_purse", watch_purse)
    monkeypatch.setattr(Orders, "done", watch_done)
    rush.rush_turn(view, temper, Rng(0))
    monkeypatch.undo()
    return seen[-1], kept[0]


def test_the_rush_keeps_the_landings_price_once_only_its_flights_are_left(
    campaign: Ruleset, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Played on as hard's USSR against normal until the landing is all its road has left: once its flights are
    # ordered, it keeps the landing's next price (less a quarter's income) from what it would otherwise spend on
    # test flights and research.
    hard = TEMPERS["hard"]
    assert hard.rush_purse
    spendthrift = dataclasses.replace(hard, rush_purse=False)
    goal = victory_milestones(campaign)
    state = new_game(campaign, game_setup(campaign, {"ussr": "hard", "us": "normal"}), 10002)
    checked = 0
    while not is_over(state):
        view = player_view(state, "ussr")
        road = road_to(view, goal)
        if road.missions == ("crewed_lunar_landing",):
            landing = campaign.missions["crewed_lunar_landing"]
            books = Orders(view)
            purse = landing_purse(books, view, road, {landing.id})
            assert purse == max(0, books.price(landing, books.hardware(landing)) - view.instalment())
            spare, kept = _books(view, hard, monkeypatch)
            assert spare >= kept
            if _books(view, spendthrift, monkeypatch)[0] < kept:
                checked += 1
        for side in campaign.side_ids:
            if not is_over(state):
                state, _ = play_turn(state, side, "hard" if side == "ussr" else "normal", 10002)
    assert checked  # the purse kept money the spendthrift spent
