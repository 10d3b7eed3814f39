"""The version of the rules the engine plays: a save records it, and a log replays only under the rules it was played by.

Raise RULES_VERSION in the commit that changes what a game does from the same seed and orders (the
commit that rewrites the golden games' logs: see tests/golden/README.md). A save made under other
rules still loads from its snapshot and plays on; `spacerace replay` then reports that the rules
changed instead of a mismatch.

1: the rules until flights flew at the odds of the moment they launched.
2: every flight flies at the odds settled at the end of planning (the odds the player was shown).
3: an event's choices may carry conditions and an event a `default`: the content format grew, so every
   ruleset's fingerprint, and with it every state hash, moved; the same orders play the same games as under 2.
4: victory modes (`victory_modes` in content, `Setup.victory`): the default campaign gained Moon race and Space
   age, so its fingerprint (and every hash of its packages) moved; a game in the default mode plays as under 3.
5: sides may join later (`joins`, `GameState.waiting`): the content format grew, so every fingerprint and hash
   moved; a game without late sides plays as under 4.
6: events may be kept from sides that join later (`latecomers: false`), and the default campaign's launch
   steps name their kind (the launch show): the content grew; a game without late sides plays as under 5.
7: facilities (`facilities` in content, `BuildFacility`, `SideState.facilities`) add to the odds of their step
   kinds; `improve_floor` prices reliability research; the default campaign gained early programmes (sounding
   rockets, nose cone and animal flights, the science and reconnaissance satellites), three facilities and
   retuned research caps. Content without facilities and a floor hashes as before.
8: events may carry `risks` (odds that grow while conditions hold) and a `weight` (drawn, one at most a turn,
   with the settings' `event_draw`), and `compare` reads a tech's `flights`; the default campaign's disasters
   became risks of a hurried lunar ship and its chance events are drawn.
9: the default campaign's event choices are trade-offs (answers with conditions, new amounts) and its application
   satellites are cheaper and pay back more, so they fly on history's pace: its games play differently.
10: launch windows (`launch_windows` in content, `PlanMission.window`): flights fly in window order, inside a
   window the side with fewer firsts first (no coin), and simultaneous victories go to the first crew home.
11: the default campaign's planetary probe costs 90 research points (was 130) and takes up to 25 a turn (was 20):
   with fewer drawn events to speed it, the Venus flyby had slipped to 3.2 years after history.
12: the default campaign's sides have lasting head starts on the lines history gave them (Soviet probes, Voskhod,
   the spacewalk, stations; American hydrogen engines), the Mercury 13 come in 1962 and the Soviet side starts with
   R-7 test articles, a satellite launcher, dog cabins and Luna probes: history's side takes most contested firsts,
   and Space age is even.
13: the default campaign's Soviet budget grows 15 a year (was 10) up to 600 (was 550): with the stronger
   computer player the US won three games of four.
14: the default campaign's start budgets are 125 for the US (was 100) and 140 for the USSR (was 110): the
   normal player launched in under half its quarters, the Moon's critical research taking the rest.
15: the default campaign's German specialists leaving the USSR are a choice (their guidance studies, or
   Korolev's bureau on the satellite launcher), like the US's German team.
16: the default campaign's start budgets are 135 a year for both sides and the Soviet budget grows 10 a year to
   550 again (korolev_lives: +12 to 650 again): with 13 and 14 on top of 12's head starts, the Soviet side won
   two games of three.
17: the china_1966 mod aims at the robotic Moon from 1966 (start progress, personality), its `later` prizes are
   the first less three quarters of the second, its prestige comes with Project 651, and the superpowers'
   answers to it cost each 40 a year: its games play differently.
18: a victory mode may carry its own `end` (after it, prestige decides; a game played on goes on to the scenario's
   end): the content format grew, so every fingerprint and hash moved; a game plays as under 17.
19: the default campaign's Moon programme has drawn fortunes (events_programme.yaml: setbacks, breakthroughs,
   budget swings, the joint Moon offer) and its Moon race ends at 1970-Q4, after which prestige decides.
20: the default campaign's middle firsts wait for history's dates (two-seat capsule from 1962-Q2, Moon probes
   from 1962, the robotic explorer from 1967, Mars only in its launch windows from 1964, a week in orbit on
   fuel cells), the Soviet probe and two-seat head starts are smaller, the Apollo fire more likely and Soyuz 1
   less, and all-up testing and a crash programme are open only to the side not ahead.
21: the default campaign's crash programme also cuts the budget by 40 a year.
22: spending beyond the rate caps: a tech may be rushed (`FundResearch.rush`: points beyond its rate cap at a
   premium, a lower reliability when finished) and reliability bought by a test campaign (`BuyReliability`),
   both priced by new settings the default campaign sets (rush_cap, rush_premium, rush_malus, test_cap,
   test_premium).
23: the default campaign prices rushing and test campaigns (rush_cap 50, rush_premium 400, rush_malus 15,
   test_cap 10, test_premium 300), and the US budget grows 18 a year (was 20): with the computer players
   spending their idle cash on both, the US won 55 % of normal games at 20.
24: the china_1966 mod adds two firsts of the 1970s (a Venus landing, an Earth resources satellite), Project
   651 brings 30 prestige (was 40), the Sino-Soviet split costs the USSR 5 prestige and Nixon's visit to
   Beijing (1972) brings the US 5.
25: the default campaign's joint Moon offer stands a finished Moon rocket down by 25 reliability (was 40).
26: the default campaign's lunar flights and spacewalks lose their crew less often when a step fails (abort
   modes), and the Apollo fire's chance a quarter is 4 % (+15 below reliability 90).
27: the default campaign's Moon flights lose their crew still less often: a failed lift-off from the Moon kills
   in 30 % of cases (was 40), a failed burn home in 45 % (was 60).
28: the default campaign's crash programme is open only to a side 20 prestige behind, brings 200 points on the
   Moon rocket and the lander (was 300), and has a bill: both lose 20 reliability once finished (crash_shortcuts).
29: the default campaign's lunar sample return and lunar rover firsts bring 14 prestige (was 8), 5 to the second
   (was 3): the Space age's robotic Moon counts as it did for the public.
30: back to 8 prestige (3 to the second) for sample return and rover (at 14 the normal player chased them and
   the US won 54 % of Moon races); the space station's first brings 12 (was 15), its second 5 (was 6).
31: the default campaign's sample return and rover firsts bring 12 prestige (was 8), 4 to the second (was 3): the
   Space age leaned to the USSR (normal's US won 43.7 % of 600 games; now 49.2 % of 800), the Moon race stays even.
32: a success that wins no first earns its mission's success prestige divided by the side's earlier successes of
   that mission (`odds.flight_prestige`; was the full prestige every time): a satellite launched three times a
   quarter for fifteen years was worth more than every first of the era.
33: the default campaign's Soyuz 1 loss is a risk of a lunar ship under reliability 90 (8 % a quarter, more below
   70 and 60; was a ship with fewer than three steps flown), and a corps of twelve or more draws training
   accidents five times as often as a smaller one (was twice): a careful programme suffered each nearly as often
   as a rushing one (Soyuz 1 14 % against 25 %, training accidents 30 % against 42 %).
34: the default campaign's sample return and rover firsts bring 17 prestige, 5 to the second (were 12 / 4), the
   space station's 28 / 12 (was 12 / 5): in the Space age the 1970s had nothing worth a treasury that piled up
   unspent; and the all-up test brings 100 points on the Moon rocket (was 200) with a likelier, dearer failure,
   staging +6 heavy launcher reliability (was +4): the all-up test won 56 % of the games it was forced in.
35: the default campaign's satellite is worth 14 (was 15), radiation belts 8 (was 5), long-duration flight
   10 (was 6) and rendezvous 11 (was 8): normal's US won 44 % of Space age games against normal on seeds 1-400;
   and the engine cluster's test stand costs 35 and brings +5 Moon rocket reliability (was 30 and +6): it won 55 %
   of the games it was forced in.
36: the default campaign's debate over the Moon programme's cost is put to a pledged side more often (weight 12,
   was 5; again after two years, was three): offered in under a quarter of the games, its answers' shares were
   luck (the trim won 57 % of 178 whatever the stakes).
37: the default campaign's robotic Moon firsts (sample return, rover) bring 21 prestige (were 17): with rules 36,
   normal's US won only 44.5 % of Space age games against normal on seeds 10001-10400.
38: the default campaign's staged Moon rocket testing brings +9 heavy launcher reliability and 30 points on the
   Moon rocket (was +6 and none): the all-up test, forced with the sides played both ways, won 54.7 % of 786 games
   (the line is 55 %); now 52.0 % of 978.
"""

from __future__ import annotations

RULES_VERSION = 38
