"""The missions screen's crew pick: the heading that names what the crew buttons compare, the buttons (a face, a
name and the skill numbers the steps call on), picking by hand and the engine's best crew."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pygame

from game.ui import draw, portraits
from game.ui.screens.mission_scroll import CREW_SHOWN

if TYPE_CHECKING:
    from game.ui.screens.base import Transition
    from game.ui.screens.game import GameScreen

    _Screen = GameScreen
else:
    _Screen = object


class CrewPicking(_Screen):
    """Mixed into the missions screen (`MissionScreen`), whose chosen mission, crew and layout it reads."""

    mission: str
    crew: list[str]
    skills_shown: list[str]

    if TYPE_CHECKING:  # the scrolling body's (`mission_scroll`), mixed in beside this one

        def stack_width(self) -> int: ...

        def in_body(self, rect: Any) -> bool: ...

    # -- who can fly, and what the buttons show -----------------------------------------------

    def free_crew(self) -> list[str]:
        v = self.view
        busy = v.me.busy_crew()
        return [c for c in v.me.crews if v.crew_ready(c) and c not in busy]

    def used_skills(self) -> list[str]:
        """The skills this mission's steps call on, in the order they are flown: what the crew buttons show."""
        return list(dict.fromkeys(st.skill for st in self.view.rules.missions[self.mission].steps if st.skill))

    def shown_skills(self, crews: list[str], width: int) -> list[str]:
        """The skills the crew buttons `width` wide have room for: all the steps call on, or the first few, so
        that every surname is read whole beside its numbers (the rest are in the tip). Played by hand: three
        numbers left 'S…' of a name."""
        used = self.used_skills()
        for n in range(len(used), 0, -1):
            if all(
                self.fits(f"{self.crew_name(c).split()[-1]} {self.skill_numbers(c, used[:n])}", width, "#small")
                for c in crews
            ):
                return used[:n]
        return used[:1]  # not even one beside a whole surname: one number, the surname as long as it can be

    def skill_numbers(self, cid: str, skills: list[str]) -> str:
        cs = self.view.me.crews[cid]
        return "/".join(str(cs.skills.get(k, 0)) for k in skills)

    def crew_label(self, cid: str, skills: str, width: int) -> str:
        """A crew button's label: the name and the skills the steps call on. Where that is cut off the surname
        stands for the name, shortened if it must be: the numbers are what the player compares (the face is
        beside the button, the full name in its tip)."""
        label = f"{self.crew_name(cid)} {skills}".strip()
        if self.fits(label, width, "#small"):
            return label
        return self.shortened(self.crew_name(cid).split()[-1], skills, width, "#small")

    def shortened(self, head: str, tail: str, width: int, object_id: str) -> str:
        """`head tail` on a button `width` wide: `head` cut short with an ellipsis where it must be, never `tail`
        (the count or the numbers the player reads)."""
        label, cut = f"{head} {tail}".strip(), len(head)
        while cut > 1 and not self.fits(label, width, object_id):
            cut -= 1
            label = f"{head[:cut].rstrip()}… {tail}".strip()
        return label

    # -- the heading ---------------------------------------------------------------------------

    def crew_heading_room(self, mid: pygame.Rect) -> int:
        """How wide the crew heading may run in the middle column `mid`: up to the stack's picture."""
        return mid.width - 20 - self.stack_width() - self.s(8)  # (a panel's inner width is 20 less)

    def crew_heading(self, width: int) -> tuple[str, str]:
        """The crew heading: how many are chosen, the skills whose numbers the buttons show, the traits the
        mission asks for. On one line where it fits `width`, else the count on the first line and the rest on a
        second in smaller type. Played by hand: the Moon landing's read "Crew: 0 of 3 chosen · Piloting / Sp…"."""
        m = self.view.rules.missions[self.mission]
        count = self.tr("missions.crew_pick", n=len(self.crew), need=m.crew)
        named = self.__dict__.get("skills_shown", self.used_skills())
        rest = [" / ".join(self.term("skill", k) for k in named)] if named else []
        if m.crew_traits:
            rest.append(self.tr("missions.traits", what=", ".join(self.term("trait", t) for t in m.crew_traits)))
        whole = " · ".join([count, *rest])
        if draw.font(round(14 * self.app.scale), True).size(draw.clean(whole))[0] <= width:
            return whole, ""
        return count, " · ".join(rest)

    def crew_heading_extra(self, mid: pygame.Rect) -> int:
        """How much lower the crew buttons start because the heading takes a second line (0 when it does not)."""
        if not self.crew_heading(self.crew_heading_room(mid))[1]:
            return 0
        return draw.font(round(12 * self.app.scale)).get_linesize()

    def draw_crew_heading(self, surf: pygame.Surface, mid: pygame.Rect, inner: pygame.Rect, y: int) -> None:
        """The heading at `y`, each line only where the column's scrolled body shows it whole."""
        beside = self.crew_heading_room(mid)  # the stack stands to the right
        first, second = self.crew_heading(beside)
        fs, small = round(14 * self.app.scale), round(12 * self.app.scale)
        line = draw.font(fs, True).get_linesize()
        if self.in_body((inner.x, y, beside, line)):
            draw.text(surf, first, (inner.x, y), fs, draw.ACCENT, True, beside)
        if second:
            y += line
            if self.in_body((inner.x, y, beside, draw.font(small).get_linesize())):
                size = draw.shrink(second, small, beside, least=0.75)
                draw.text(surf, second, (inner.x, y), size, draw.ACCENT, False, beside)
        warn = (inner.x, y + self.s(26), beside, draw.font(small).get_linesize())
        if not self.free_crew() and self.in_body(warn):
            draw.text(surf, self.tr("missions.no_free_crew"), warn[:2], small, draw.WARN, width=beside)

    # -- the buttons ---------------------------------------------------------------------------

    crew_cols: int = 2  # crew buttons a row: two, or one where two would cut a surname (see choose_skills)

    def crew_button_width(self, mid: pygame.Rect, strip: int, cols: int | None = None) -> int:
        cols = cols or self.crew_cols
        return (mid.width - self.s(20) - strip - self.s(10) * (cols - 1)) // cols

    def choose_skills(self, mid: pygame.Rect, strip: int) -> None:
        """How many crew buttons a row, and the skills they show: first, because the heading names the skills and
        how many lines it takes places the buttons (played by hand: the heading measured the last mission's skills
        and its second line lay under the buttons). Two a row where every surname reads whole beside its first
        number, else one a row (the column scrolls): at 1280×720 with 150 % text two a row read "Ш… 72"."""
        free = self.free_crew()[:CREW_SHOWN]
        room = self.crew_button_width(mid, strip, 2) - self.s(34) - self.s(2)
        first = self.used_skills()[:1]
        two = all(
            self.fits(f"{self.crew_name(c).split()[-1]} {self.skill_numbers(c, first)}", room, "#small") for c in free
        )
        self.crew_cols = 2 if two else 1
        self.skills_shown = self.shown_skills(free, self.crew_button_width(mid, strip) - self.s(34) - self.s(2))
        while len(self.skills_shown) > 1 and not self.crew_heading_fits(mid):  # the heading names every skill shown
            self.skills_shown = self.skills_shown[:-1]

    def crew_heading_fits(self, mid: pygame.Rect) -> bool:
        room = self.crew_heading_room(mid)
        second = self.crew_heading(room)[1]
        small = round(12 * self.app.scale)
        return not second or draw.font(draw.shrink(second, small, room, least=0.75)).size(draw.clean(second))[0] <= room

    def build_crew(self, mid: pygame.Rect, y: int, strip: int) -> None:
        """The crew buttons, two a row from `y` (below the heading), and "Pick the best crew" under them; each only
        where the column's body shows it whole (it scrolls when they do not all fit: `mission_scroll`)."""
        v = self.view
        free = self.free_crew()[:CREW_SHOWN]
        cols = self.crew_cols
        bw = self.crew_button_width(mid, strip)
        face = self.s(34)
        y += self.s(26) + self.crew_heading_extra(mid)
        for shown, cid in enumerate(free):
            bx, by = mid.x + self.s(10) + (shown % cols) * (bw + self.s(10)), y + (shown // cols) * self.s(38)
            if not self.in_body((bx, by, bw, self.s(34))):
                continue
            cs = v.me.crews[cid]
            # the skills the steps call on that fit (named in the heading above); all of them in the tip
            skills = self.skill_numbers(cid, self.skills_shown)
            every = ", ".join(f"{self.term('skill', k)} {val}" for k, val in cs.skills.items())
            self.picture((bx, by, face, face), portraits.crew_portrait(v.rules, cid, face))
            label = self.crew_label(cid, skills, bw - face - self.s(2))
            self.button(
                (bx + face + self.s(2), by, bw - face - self.s(2), self.s(34)),
                label,
                lambda c=cid: self.toggle_crew(c),
                self.tr(
                    "tip.missions.crew",
                    name=self.crew_name(cid),
                    morale=cs.morale,
                    flights=cs.flights,
                    skills=every,
                ),
                selected=cid in self.crew,
                object_id="#small",
            )
        y += -(-len(free) // cols) * self.s(38) + self.s(4)
        best = (mid.x + self.s(10), y, mid.width - self.s(20) - strip, self.s(32))
        if self.in_body(best):
            self.button(
                best, self.tr("missions.best_crew"), self.best_crew, self.tr("tip.missions.best_crew"), key=pygame.K_c
            )
        else:  # scrolled out of sight: its key still picks
            self.keys[pygame.K_c] = self.best_crew

    # -- picking -------------------------------------------------------------------------------

    def toggle_crew(self, cid: str) -> Transition | None:
        need = self.view.rules.missions[self.mission].crew
        if cid in self.crew:
            self.crew.remove(cid)
        elif len(self.crew) < need:
            self.crew.append(cid)
        else:
            self.crew = [*self.crew[1:], cid] if self.crew else [cid]
        self.rebuild()
        return None

    def best_crew(self) -> Transition | None:
        c = self.view.best_crew(self.mission)
        if c is None:
            self.app.status = self.tr("missions.no_crew")
        else:
            self.crew = list(c)
        self.rebuild()
        return None
