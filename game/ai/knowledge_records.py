"""The records `Knowledge` hands out: a mission's facts as the planners read them, a mission as `goals` weighs
it, a flight's shape for a hardware pick, what a set of finished techs leaves open, and every mission's flight
for a set of picks. Pure data, built by `knowledge.py` and read only."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple


@dataclass(frozen=True, slots=True)
class MissionFacts:
    id: str
    slots: tuple[tuple[str, tuple[str, ...]], ...]  # (slot, hardware options)
    asks: tuple[str, ...]  # own techs its availability asks for
    prereqs: tuple[str, ...]  # own milestones its availability asks for (flights that must come first)
    gated: bool  # availability asks for more than own techs and milestones (flags, dates, a rival's doings)
    crew: int
    traits: tuple[str, ...]
    skills: tuple[tuple[str, int], ...]  # skill -> how many critical steps lean on it
    steps: tuple[tuple[str, int, str | None, bool], ...]  # (slot, difficulty, skill, critical)
    critical: tuple[bool, ...]  # whether each step is critical, in order (beside its odds' `StepOdds`)
    milestones: tuple[str, ...]
    wins: bool  # achieving it meets a victory condition
    lines: frozenset[str]  # tech lines of every option's tech
    payoff: int  # lasting budget / cash / prestige it pays on success, in money
    failure_cost: int  # prestige a failure costs (0 if none)
    death_cost: int  # prestige a crew lost costs (0 if none)
    research: tuple[tuple[str, int], ...]  # (tech, points) of research a success brings its own side
    asks_mask: int  # the techs `asks` stands for and their prerequisites, as a mask of Knowledge.bit
    choices: tuple[tuple[str, ...], ...]  # the options of each slot with more than one, in slot order


class GoalRow(NamedTuple):
    """A mission as `goals` weighs it (see `Knowledge.goal_rows`)."""

    mission: str
    wins: bool  # achieving it meets a victory condition
    payoff: int  # what a success pays in lasting budget, cash or prestige, in money (0 if nothing)
    line_weight: int  # the personality's strongest weight among its hardware's tech lines


@dataclass(frozen=True, slots=True)
class FlightShape:
    """A mission flown with a given hardware pick: what it flies, needs and costs, whatever the state of play."""

    hardware: tuple[tuple[str, str], ...]  # (slot, hardware)
    needs_mask: int  # the techs of that hardware and of the mission's asks, with their prerequisites
    price: int  # the flight's and the hardware's price
    techs: tuple[str, ...]  # the hardware's techs, each once


@dataclass(frozen=True, slots=True)
class Progress:
    """What a set of finished techs leaves open (see `Knowledge.progress`)."""

    # (tech, its prerequisites with something unfinished among their own, rate cap, finished) for every
    # tech with something unfinished in its closure, prerequisites first: finish times are worked out along it.
    schedule: tuple[tuple[str, tuple[str, ...], int, bool], ...]
    unfinished: tuple[str, ...]  # the techs not finished, prerequisites first
    done_hardware: tuple[str, ...]  # the finished hardware techs
    # (tech, the unfinished techs of its closure, its base reliability) per unfinished hardware tech
    open_hardware: tuple[tuple[str, tuple[str, ...], int], ...]


@dataclass(frozen=True, slots=True)
class Survey:
    """Every mission's flight for one set of slot picks and finished techs (see `Knowledge.survey`)."""

    hardware: dict[str, tuple[tuple[str, str], ...]]
    needs_mask: dict[str, int]  # unfinished techs it still needs
    price: dict[str, int]
    techs: dict[str, tuple[str, ...]]  # its hardware's techs, each once
    gates: dict[str, tuple[str, ...]]  # its hardware's techs and its asks, each once: its research ends with theirs


@dataclass(frozen=True, slots=True)
class PrizeTable:
    """The prizes of `Knowledge.prize_missions` for one personality, milestone by milestone (see
    `Knowledge.prize_table`)."""

    # (milestone, first, second, later prestige with the personality's weight, the prize missions that earn it
    # (a mission once for each time it names the milestone)) for every milestone some prize mission earns
    rows: tuple[tuple[str, int, int, int, tuple[str, ...]], ...]
    zeros: dict[str, int]  # every prize mission at 0, in mission order (read only)
    crewed: tuple[bool, ...]  # per prize mission, in that order, whether it flies a crew
