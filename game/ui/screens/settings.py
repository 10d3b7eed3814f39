"""The settings page: language, sound, window size, text size, tooltips, colours, guide, autosaves."""

from __future__ import annotations

import pygame

from game.ui import draw
from game.ui.screens.base import Pop, Screen, Transition
from game.ui.screens.registry import register
from game.ui.settings import AUTOSAVE_GAMES, LANGUAGES, SCALES, SIZES

UI_LANGUAGES = LANGUAGES  # the languages the UI is completely translated into


@register
class SettingsScreen(Screen):
    name = "settings"

    ROWS = ("settings.language", "settings.volume", "settings.music", "settings.sound", "settings.size", "settings.fullscreen",
            "settings.scale", "settings.tooltips", "settings.safe", "settings.guide", "settings.autosaves")

    def layout(self) -> tuple[int, int, int, int, int]:
        """(x of the controls, y of the first row, row pitch, control height, control width): the rows share
        what lies between the title and Back, so every row stays on the window at any text size."""
        w, h = self.app.size
        top = self.s(30) + draw.font(round(30 * self.app.scale), True).get_linesize() + self.s(12)
        room = h - self.s(80) - top  # Back's row is s(70) from the bottom
        row = min(self.s(50), room // len(self.ROWS))
        label_w = max(draw.font(round(16 * self.app.scale)).size(self.tr(k))[0] for k in self.ROWS)
        x = self.s(60) + min(label_w, self.s(300)) + self.s(24)
        return x, top, row, row - max(4, row // 8), min(self.s(320), w - x - self.s(60))

    def build(self) -> None:
        _, h = self.app.size
        st = self.app.settings
        x, y, row, bh, bw = self.layout()
        langs = list(UI_LANGUAGES)
        self.dropdown((x, y, bw, bh), [self.tr(f"lang.{lang}") for lang in langs], langs.index(st.language) if st.language in langs else 0,
                      lambda i: self.set_language(langs[i]), self.tr("tip.settings.language"))
        y += row
        self.button((x, y, self.s(60), bh), "–", lambda: self.volume(-10), self.tr("tip.settings.volume_down"))
        self.button((x + self.s(200), y, self.s(60), bh), "+", lambda: self.volume(10), self.tr("tip.settings.volume_up"))
        y += row
        self.button((x, y, self.s(60), bh), "–", lambda: self.music_volume(-10), self.tr("tip.settings.music_down"))
        self.button((x + self.s(200), y, self.s(60), bh), "+", lambda: self.music_volume(10), self.tr("tip.settings.music_up"))
        y += row
        self.button((x, y, bw, bh), self.tr("common.off" if st.muted else "common.on"), self.mute, self.tr("tip.menu.mute"))
        y += row
        sizes = list(SIZES) if tuple(st.size) in SIZES else [tuple(st.size), *SIZES]  # a size dragged by hand is kept
        self.dropdown((x, y, bw, bh), [f"{a} × {b}" for a, b in sizes], sizes.index(tuple(st.size)),
                      lambda i: self.set_size(sizes[i]), self.tr("tip.settings.size"))
        y += row
        self.button((x, y, bw, bh), self.tr("common.on" if st.fullscreen else "common.off"), self.fullscreen,
                    self.tr("tip.settings.fullscreen"))
        y += row
        scales = list(SCALES) if st.scale in SCALES else [st.scale, *SCALES]
        self.scale_button = self.dropdown((x, y, bw, bh), [f"{n} %" for n in scales], scales.index(st.scale),
                                          lambda i: self.set_scale(scales[i]), self.tr("tip.settings.scale"))
        y += row
        self.button((x, y, bw, bh), self.tr("common.on" if st.tooltips else "common.off"), self.tooltips,
                    self.tr("tip.settings.tooltips"))
        y += row
        self.button((x, y, bw, bh), self.tr("common.on" if st.safe_colours else "common.off"), self.safe,
                    self.tr("tip.settings.safe"))
        y += row
        self.button((x, y, bw, bh), self.tr("settings.replay_guide"), self.guide, self.tr("tip.settings.guide"),
                    enabled=st.tutorial_done)
        y += row
        keeps = list(AUTOSAVE_GAMES) if st.autosave_games in AUTOSAVE_GAMES else [st.autosave_games, *AUTOSAVE_GAMES]
        self.dropdown((x, y, bw, bh), [self.tr("settings.autosaves_n", n=n) for n in keeps], keeps.index(st.autosave_games),
                      lambda i: self.set_autosaves(keeps[i]), self.tr("tip.settings.autosaves"))
        self.button((self.s(60), h - self.s(70), self.s(200), self.s(44)), self.tr("common.back"), lambda: Pop(),
                    self.tr("tip.common.back"))
        self.focus = 0

    def changed(self) -> Transition | None:
        self.app.save_settings()
        self.rebuild()
        return None

    def set_language(self, lang: str) -> Transition | None:
        self.app.set_language(lang)
        return self.changed()

    def volume(self, d: int) -> Transition | None:
        st = self.app.settings
        st.volume = max(0, min(100, st.volume + d))
        self.app.audio.set(st.volume, st.muted, st.music_volume)
        self.app.play("beep")
        return self.changed()

    def music_volume(self, d: int) -> Transition | None:
        st = self.app.settings
        st.music_volume = max(0, min(100, st.music_volume + d))
        self.app.audio.set(st.volume, st.muted, st.music_volume)
        return self.changed()

    def mute(self) -> Transition | None:
        self.app.toggle_mute()
        return self.changed()

    def set_size(self, size: tuple[int, int]) -> Transition | None:
        self.app.settings.size = size
        self.app.apply_display()
        return self.changed()

    def fullscreen(self) -> Transition | None:
        self.app.settings.fullscreen = not self.app.settings.fullscreen
        self.app.apply_display()
        return self.changed()

    def set_scale(self, scale: int) -> Transition | None:
        self.app.settings.scale = scale
        pointer = pygame.mouse.get_focused() and self.scale_button.rect.collidepoint(pygame.mouse.get_pos())
        self.app.retheme()
        t = self.changed()
        if pointer:  # the layout grew or shrank under the pointer: keep it on this control, not on the next one down
            pygame.mouse.set_pos(self.scale_button.rect.center)
        return t

    def tooltips(self) -> Transition | None:
        self.app.settings.tooltips = not self.app.settings.tooltips
        return self.changed()

    def safe(self) -> Transition | None:
        self.app.settings.safe_colours = not self.app.settings.safe_colours
        return self.changed()

    def guide(self) -> Transition | None:
        self.app.settings.tutorial_done = False
        return self.changed()

    def set_autosaves(self, n: int) -> Transition | None:
        self.app.settings.autosave_games = n
        return self.changed()

    def draw(self, surf: pygame.Surface) -> None:
        w, h = self.app.size
        st = self.app.settings
        draw.text(surf, self.tr("settings.title"), (self.s(60), self.s(30)), round(30 * self.app.scale), draw.TEXT, True)
        fs = round(16 * self.app.scale)
        x, y, row, bh, _ = self.layout()
        lh = draw.font(fs).get_linesize()
        for key in self.ROWS:
            draw.text(surf, self.tr(key), (self.s(60), y + (bh - lh) // 2), fs, draw.DIM, width=x - self.s(84))
            if key in ("settings.volume", "settings.music"):
                value = st.volume if key == "settings.volume" else st.music_volume
                draw.text(surf, f"{value} %", (x + self.s(130), y + (bh - lh) // 2), fs, draw.TEXT, True, align="center")
            y += row
        if self.app.settings_path:  # beside Back, where no row reaches
            draw.paragraph(surf, self.tr("settings.where", path=str(self.app.settings_path)),
                           pygame.Rect(self.s(280), h - self.s(70), w - self.s(300), self.s(60)), round(13 * self.app.scale),
                           draw.DIM, gap=0)
