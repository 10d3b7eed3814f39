"""The turn's log in the player's language: one line per kind of domain event (the launch report, the
dashboard's and the newspaper's summaries all read it from here)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from game.engine import events as ev


class Words:
    """What a log line is made of, in the player's language: the names of sides, missions, steps and crews."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.tr = app.tr
        self.rules = app.session.rules

    def side(self, e: Any) -> str:
        side = getattr(e, "side", None)
        return self.app.side_name(side) if side else ""

    def mission(self, m: str) -> str:
        return self.app.stext(self.rules.missions[m].name) if m in self.rules.missions else m

    def step(self, m: str, s: str) -> str:
        mission = self.rules.missions.get(m)
        st = next((x for x in mission.steps if x.id == s), None) if mission else None
        return self.app.stext(st.name) if st and st.name else s

    def failed_key(self, e: ev.MissionFailed) -> str:
        """A failed flight's line: a crewed one always says what became of the crew, who may have lived."""
        if e.crew_lost:
            return "log.crew_lost"
        mission = self.rules.missions.get(e.mission)
        return "log.crew_safe" if mission is not None and mission.crew else "log.failed"

    def crew(self, c: str) -> str:
        return self.app.crew_name(c)

    def won(self, side: str | None) -> str:
        tr, app = self.tr, self.app
        if app.session.over():
            return tr("log.won", side=app.side_name(side)) if side else tr("log.draw")
        # a game that plays on after the result (Setup.play_on)
        end = self.rules.date_label(self.rules.settings.end)
        return tr("log.won_play_on", side=app.side_name(side), date=end) if side else tr("log.draw_play_on", date=end)


# One line of the log per kind of event; kinds not listed are left out of the log.
_LOG: dict[type, Callable[[Words, Any], str]] = {
    ev.MissionLaunched: lambda w, e: w.tr("log.launched", side=w.side(e), mission=w.mission(e.mission)),
    ev.MissionSucceeded: lambda w, e: w.tr("log.succeeded", side=w.side(e), mission=w.mission(e.mission)),
    ev.MissionPartlySucceeded: lambda w, e: w.tr(
        "log.partial", side=w.side(e), mission=w.mission(e.mission), step=w.step(e.mission, e.step)
    ),
    ev.MissionFailed: lambda w, e: w.tr(
        w.failed_key(e), side=w.side(e), mission=w.mission(e.mission), step=w.step(e.mission, e.step)
    ),
    ev.MissionScrubbed: lambda w, e: w.tr("log.scrubbed", side=w.side(e), mission=w.mission(e.mission)),
    ev.MilestoneAchieved: lambda w, e: w.tr(
        f"log.milestone{min(e.rank, 3)}", side=w.side(e), name=w.app.stext(w.rules.milestones[e.milestone].name),
        p=e.prestige,
    ),
    ev.CrewDied: lambda w, e: w.tr("log.died", side=w.side(e), name=w.crew(e.crew)),
    ev.TechCompleted: lambda w, e: w.tr("log.tech", name=w.app.stext(w.rules.techs[e.tech].name), r=e.reliability),
    ev.ResearchRushed: lambda w, e: w.tr("log.rushed", name=w.app.stext(w.rules.techs[e.tech].name), n=e.points),
    ev.ReliabilityBought: lambda w, e: w.tr(
        "log.tested", name=w.app.stext(w.rules.techs[e.tech].name), n=e.points, r=e.reliability
    ),
    ev.CrewTrained: lambda w, e: w.tr("log.trained", name=w.crew(e.crew)),
    ev.CrewInjured: lambda w, e: w.tr("log.injured", name=w.crew(e.crew)),
    ev.CrewRetired: lambda w, e: w.tr("log.retired", name=w.crew(e.crew)),
    ev.CrewRecovered: lambda w, e: w.tr("log.recovered", name=w.crew(e.crew)),
    ev.BudgetSet: lambda w, e: w.tr("log.budget", n=e.budget, year=e.year),
    ev.EventFired: lambda w, e: w.tr("log.news", title=w.app.stext(f"event.{e.event}.title")),
    ev.IntelReported: lambda w, e: w.tr("log.intel", side=w.app.side_name(e.about)),
    ev.GameWon: lambda w, e: w.won(e.side),
    ev.SideJoined: lambda w, e: w.tr("log.joined", side=w.side(e)),
}


def describe(screen: Any, e: Any) -> str:
    """One line of the log for a domain event, or '' for events the log leaves out."""
    line = _LOG.get(type(e))
    return line(Words(screen.app), e) if line else ""
