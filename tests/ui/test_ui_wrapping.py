"""Text is wrapped by pygame-ce (Font.render's wraplength), not by hand: whole words on each line in English,
Vietnamese and Russian (no diacritic torn from its letter), a cut only after a whole word, and the line count the
layout reserves is the one drawn."""

from __future__ import annotations

from typing import Any

import pygame
import pytest

from game.ui import draw
from game.ui.i18n import Translator

KEYS = ("odds.legend", "budget.projection_note", "tutorial.goal.text", "settings.where", "settings.safe")


def greedy_lines(s: str, size: int, width: int) -> int:
    """How many lines a word-by-word wrap needs: the oracle pygame's wrapping must agree with."""
    f = draw.font(size)
    n = 0
    for para in s.split("\n"):
        cur = ""
        for w in para.split(" "):
            trial = w if not cur else cur + " " + w
            if f.size(trial)[0] <= width or not cur:
                cur = trial
            else:
                n, cur = n + 1, w
        n += 1
    return n


def texts(lang: str) -> list[str]:
    tr = Translator(lang)
    out = [tr(k, lo=1, hi=2, path="/tmp/x") for k in KEYS]
    assert all(s != k for s, k in zip(out, KEYS, strict=True))  # every key is in every language
    return out


@pytest.mark.parametrize("lang", ["en", "vi", "ru"])
def test_pygame_wraps_whole_words_in_every_language(app: Any, lang: str) -> None:
    for s in texts(lang):
        for width in (180, 260, 420):
            assert not draw.breaks_word(s, 14, width)
            assert draw.line_count(s, 14, width) == greedy_lines(draw.clean(s), 14, width), (lang, s, width)


@pytest.mark.parametrize("lang", ["vi", "ru"])
def test_a_cut_paragraph_ends_after_a_whole_word(app: Any, lang: str) -> None:
    s = max(texts(lang), key=len)
    words = draw.clean(s).split(" ")
    for room in (1, 2, 3):
        shown = draw.cut_to(s, 14, 200, False, room)
        assert shown.endswith(" …")
        kept = shown[: -len(" …")].split(" ")
        assert kept == words[: len(kept)], (lang, shown)  # a prefix of whole words: no letter or mark torn off
        assert draw.line_count(shown, 14, 200) <= room


def test_no_wrapped_line_is_wider_than_its_box_or_starts_with_a_space(app: Any) -> None:
    lh = draw.font(14).get_linesize()
    for lang in ("en", "vi", "ru"):
        for s in texts(lang):
            for width in range(60, 420):
                if draw.breaks_word(s, 14, width):
                    continue  # a word wider than the box is broken inside itself: another test's case
                img = draw.wrapped(s, 14, width)
                for k in range(img.get_height() // lh):
                    ink = img.subsurface((0, k * lh, img.get_width(), lh)).get_bounding_rect()
                    assert ink.right <= width + 1 and ink.x <= 2, (lang, s, width, k, ink)


def test_a_paragraph_uses_the_height_it_reports_and_draws_inside_its_box(app: Any) -> None:
    s = Translator("ru")("odds.legend")
    surf = pygame.Surface((400, 400), pygame.SRCALPHA)  # clear: only the text leaves ink
    box = pygame.Rect(10, 10, 200, 300)
    used = draw.paragraph(surf, s, box, 14, draw.TEXT, gap=3)
    assert used == draw.line_count(s, 14, 200) * (draw.font(14).get_linesize() + 3)
    ink = surf.get_bounding_rect()
    assert box.contains(ink) and ink.height > draw.font(14).get_linesize()


def test_a_word_wider_than_its_box_is_cut_with_an_ellipsis_not_broken(app: Any) -> None:
    block = draw.fit_block("Сверхтяжёлая-ракета-носитель", 60, 40, 14, False, 12)
    assert block.cut and block.text.endswith("…")
    assert not draw.breaks_word(block.text, block.size, 60)


def test_nothing_wraps_by_hand_any_more() -> None:
    assert not hasattr(draw, "wrap")
