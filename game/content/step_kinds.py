"""What kind of moment of a flight each mission step is (liftoff, staging, landing...), and the guess from its id.

A step's kind is display data: the launch animation draws each step by its kind (a liftoff from the pad, a
stage falling away, an orbit drawn as an orbit), so a package's new missions animate with no code written
for them. Where a package does not say, `infer` guesses from the words of the step's id; the shipped
packages say it for every step.

Where a step happens follows from the steps before it: `transfer` carries the craft to the destination
(the Moon, or a planet for a flyby or cruise), `ascent` there lifts it off that body, and `reentry` and
`recovery` bring it home.
"""

from __future__ import annotations

from typing import Literal, get_args

StepKind = Literal[
    "ascent",  # liftoff and climb (from the pad, or from the surface of the body the craft is on)
    "staging",  # a spent stage falls away and the next lights
    "suborbital",  # up and down again on a ballistic arc, short of orbit
    "orbit_insertion",  # the burn that ends in orbit about the body the craft is at
    "orbit",  # flying in orbit (days aloft, a capsule's circuits)
    "operations",  # the work the flight is for, where the craft is: a beacon, photographs, life support, tests
    "transfer",  # leaving for another body, or on the way to it (injection, cruise, corrections)
    "flyby",  # passing close by a body without stopping
    "impact",  # striking a body on purpose
    "landing",  # descent and touchdown on a body
    "eva",  # a crew member outside: a spacewalk, a moonwalk, getting back in
    "rendezvous",  # meeting another craft
    "docking",  # joining another craft
    "deorbit",  # the retro burn that brings a craft down out of orbit
    "reentry",  # through the atmosphere, home
    "recovery",  # splashdown or touchdown, and the pick-up
]
KINDS: tuple[str, ...] = get_args(StepKind)

# (kind, words): the first rule with a word of the step's id (split on "_") gives its kind. The order
# matters: "descent_engine_test" is a test (operations), not a landing; "warhead_reentry" a reentry.
_RULES: tuple[tuple[str, frozenset[str]], ...] = (
    ("staging", frozenset({"staging", "stage", "separation"})),
    ("reentry", frozenset({"reentry", "entry"})),
    ("recovery", frozenset({"recovery", "splashdown"})),
    ("deorbit", frozenset({"retrofire", "deorbit"})),
    ("orbit_insertion", frozenset({"insertion"})),
    ("transfer", frozenset({"injection", "escape", "cruise", "transfer", "midcourse", "trajectory"})),
    ("flyby", frozenset({"flyby"})),
    ("impact", frozenset({"impact", "impactor"})),
    ("docking", frozenset({"docking", "dock", "berthing"})),
    ("rendezvous", frozenset({"rendezvous"})),
    ("eva", frozenset({"eva", "spacewalk", "moonwalk", "ingress", "egress"})),
    ("operations", frozenset({"test", "operations", "experiment"})),
    ("landing", frozenset({"landing", "descent", "touchdown"})),
    ("ascent", frozenset({"launch", "ascent", "liftoff"})),
    ("suborbital", frozenset({"ballistic", "suborbital", "arc", "hop"})),
    ("orbit", frozenset({"orbit", "orbital", "orbits"})),
)
FALLBACK = "operations"  # a step whose id says nothing known: work done where the craft is


def infer(step_id: str) -> str:
    """The kind a step's id suggests, for packages that leave `kind` out (see the module's rules)."""
    words = set(step_id.lower().split("_"))
    return next((kind for kind, keys in _RULES if words & keys), FALLBACK)
