"""How a computer player is disposed to play: the level's temper and the side's personality.

A `Temper` is the level of play (easy, normal, hard: how bold, patient and single-minded); a `Style`
is the side's AI personality from the scenario data (weights by tech line, milestone or habit). Every
stage of the planner reads them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.engine.rules import Ruleset

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
    hoard: int = 2  # quarters of income in cash beyond which idle money feels cheaper still (0: never)
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
    shun_gifts: bool = False  # a first whose events give the rival more than itself counts less than its prestige
    turn_worth: int = 100  # money a turn sooner for the winning mission is worth, once its research is capped by time
    protect: tuple[int, ...] = (CRITICAL, SLACK)  # research asks of these classes keep their money from other flights
    near: int = 8  # turns of slack under which the winning chain's techs still come before other goals' bargains
    stepping_turns: int = 4  # turns of `turn_worth` a stepping stone of the winning mission adds to its prize
    taste: int = 20  # percent of the best answer's worth within which event answers are a matter of taste
    taste_money: int = 25  # ... plus this much money (both 0: always the answer it values most)
    budget_worth: int = 100  # percent: what a lasting budget point is worth to it, against its years of income
    spend_idle: bool = True  # rushes its bargains' research and tests a prize flight's hardware from idle cash
    idle_keep: int = 75  # ... beyond this percent of a turn's income
    # Once a rival visibly rushes the Moon (`Turn.rival_rushing`): the idle cash beyond `keep` also rushes the
    # winning chain's critical research (`spending.CHASED`), and the landing flies at `victory_dash`.
    chase: bool = False
    idle_tests: bool = False  # a quarter with no flight flies the cheapest wanted test flight from idle money
    # Whether it plans its programme around the ruleset's victories (their missions are its winning missions);
    # off, no mission is a race to win and every first counts by its prize alone (where prestige decides).
    races: bool = True
    repeats: bool = False  # flies again, for its prestige, a mission whose firsts it holds
    guard_quarters: int = 0  # quarters of a danger's odds a flight that ends it for good is weighed against (0: none)
    # The rush plan (game/ai/rush.py), played instead of the planner's pipeline when `rush` is on.
    rush: bool = False
    rush_first: int = 450  # per mille a first still open must count at
    rush_stepping: int = 450  # ... a stepping stone of the landing
    rush_landing: int = 300  # ... the landing
    rush_stepping_copies: int = 2  # flights of a stepping stone a quarter
    rush_landing_copies: int = 3  # flights of the landing a quarter
    rush_crews: int = 10  # people it keeps serving
    rush_purse: bool = False  # keeps the landing's price from other spending once only its flights stand before it
    rush_chain: int = (
        -1
    )  # quarters of slack under which a road tech is rushed past its rate cap with idle cash (-1: never)


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
        hoard=0,
        blunder=35,
        turn_worth=50,
        stepping_turns=1,
        intel=0,
        # A hesitant programme keeps a year's income in the bank against bad times: the money it
        # leaves idle is the research and flights normal buys with it (one quarter's: normal won 73.5 %
        # of 200 games, 70 % as the USSR; three: 88.5 %, 84 % as the USSR; benchmarks/balance.py). On
        # rules 35's first drafts, whose early firsts were worth less to the USSR, three quarters' let
        # normal's USSR beat easy in only 78-79 % of 400 Space age games.
        reserve=4,
        rival_watch=False,
        tests=False,
        spend_idle=False,
    ),
    # Normal keeps to its own timetable when the rival looks ready to take a prize; hard hurries the
    # prize and starts the winning chain's critical research sooner. Both fund the same spying: measured over 800 games, hard
    # spending more on it than normal lost more research than the better estimates won back.
    # Normal chases a rival that visibly rushes the Moon (test flights in copies, which no planner flies):
    # on 200 games a seed range (1 and 10001, sides swapped), bot_moon_rush vs normal 53.5/48 % -> 40/42.5 %,
    # bot_gambler 49.5/45.5 % -> 40/46 %; normal-vs-normal games stay the same to the byte (docs/ai.md).
    # And a quarter it would fly nothing, it flies the cheapest test flight of hardware it still wants taught from
    # the idle money beyond a quarter's income: normal's US launched in 60.4/61.1 % of its quarters to the landing
    # (200 normal-vs-normal games a seed range), now 63.8/64.3 % (the USSR 61.9/62.4 -> 62.6/62.9 %).
    "normal": Temper("normal", rival_watch=False, turn_worth=60, chase=True, idle_tests=True),
    # Hard also counts the whole story a first sets off for the rival (a crisis that founds agencies and
    # speeds its research for good) at four times its worth to itself, and lets a first go that hands the
    # rival more than it brings: measured on 200 games against normal and each of the strongest bots,
    # the first change that moved them (docs/ai.md).
    # And it answers events by its valuation alone, never by taste, with a lasting budget point at twice a
    # year's income a year left: money that compounds into research and flights until the landing (the
    # gambler bot, which beats normal two games in three, takes the budget answers; measured below).
    # Hard plays the rush plan (game/ai/rush.py) rather than the planner: the planner's temper above is what a
    # tool asking the planner as hard gets. Measured on 200 games a matchup (seeds 1 and 10001, sides swapped):
    # the rush beat normal in 60 % (62 % without racing launch windows), hard's planner in 56.5 %; the gambler
    # bot beat it in 53 % (the planner: 65 %). Flying a first only at 60 % odds rather than 45 % beat normal in
    # 66.5 % but lost more to the gambler bot on seeds 10001 (docs/ai.md).
    # The cash the rush leaves idle rushes the road's research within two quarters of the critical chain past
    # its rate cap (the engine's rushed price): hard vs normal 57 % -> 84 % on 200 games (as the US 45 -> 84 %),
    # where keeping a quarter's income back first gave 68 % and test campaigns lost ground (docs/ai.md).
    # It flies the landing's stepping stones from 35 % odds (was 45 %): on seeds nobody had tuned on (20001 and
    # 40001, 400 each, both sides each seed) hard's USSR beat normal in only 64.2 and 66.5 % of its games, its
    # stepping stones waiting on the less reliable Soviet hardware while normal's US landed; now 72.5 and 71.5 %
    # (the US 73.5 / 76.0 -> 78.8 / 75.0 %). 40 % gave 72.0 % at 40001 but 62.5 % at 30001; 30 % lost ground.
    # And once only the landing's own flights stand before it, it keeps the landing's price from test flights,
    # firsts and rushed research (`rush.landing_purse`): in about one game in eight it lost, the landing was
    # ready and its odds good but the cash was not there. Hard's USSR vs normal, 400 seeds each from 1, 10001,
    # 20001 and 40001 (both sides each seed): 73.5/65.8/72.5/71.5 -> 76.2/68.8/77.2/74.5 %; the US
    # 76.0/75.0/78.8/75.0 -> 77.0/78.5/79.0/78.8 %. Keeping it only until the landing first flies: 74.5/68.5/
    # 76.2/73.8 % (the US 77.2/78.0/79.0/77.8 %).
    "hard": Temper(
        "hard",
        slack=4,
        near=12,
        shun_gifts=True,
        rival_share=400,
        taste=0,
        taste_money=0,
        budget_worth=200,
        rush=True,
        rush_stepping=350,
        rush_chain=2,
        rush_purse=True,
    ),
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


def style_of(rules: Ruleset, side: str) -> Style:
    """The side's AI personality as a Style (no personality: every weight neutral)."""
    personality = rules.ai_personalities.get(rules.side(side).ai_personality or "")
    return Style(dict(personality.weights), personality.risk) if personality is not None else Style()
