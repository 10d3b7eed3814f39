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
12: a victory mode may carry its own `end` (after it, prestige decides; a game played on goes on to the scenario's
   end): the content format grew, so every fingerprint and hash moved; a game plays as under 11.
13: the default campaign's Moon programme has drawn fortunes (events_programme.yaml: setbacks, breakthroughs,
   budget swings, the joint Moon offer) and its Moon race ends at 1970-Q4, after which prestige decides.
"""

from __future__ import annotations

RULES_VERSION = 13
