"""Where the game keeps the player's things: the platform's folders, the variables that move them, and a test
suite that never writes to the real ones."""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs
import pytest

from game import paths
from game.cli import main
from game.content.packages import builtin_dir, user_mods_dir
from game.io import saves_dir
from game.ui.settings import Settings, config_path

OVERRIDES = ("SPACERACE_HOME", "SPACERACE_SAVES", "SPACERACE_CONFIG", "SPACERACE_MODS", "SPACERACE_SCENARIOS")


@pytest.fixture
def no_overrides(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """No SPACERACE_* variable set, and the platform's folders (as platformdirs finds them) in a scratch place."""
    for var in OVERRIDES:
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setattr(platformdirs, "user_data_path", lambda app, appauthor=None: tmp_path / "data" / app)
    monkeypatch.setattr(platformdirs, "user_config_path", lambda app, appauthor=None: tmp_path / "config" / app)
    return tmp_path


def test_the_suite_writes_nothing_under_the_real_user_folders(real_user_folders: tuple[Path, ...]) -> None:
    written = [p.resolve() for p in paths.written_paths()]
    written += [saves_dir().resolve(), config_path().resolve(), user_mods_dir().resolve()]
    written.append(Settings().saves().resolve())
    for real in real_user_folders:
        real = real.resolve()
        inside = [str(p) for p in written if p == real or p.is_relative_to(real)]
        assert not inside, f"the game would write under the real {real}: {inside}"
    assert paths.old_save_places() == []  # no test imports saves from the real old places


@pytest.mark.usefixtures("real_environment")
def test_the_guard_above_would_see_a_real_folder(real_user_folders: tuple[Path, ...]) -> None:
    # Outside the tests the saves folder is a real one (nothing is written here): the check above can fail.
    assert paths.saves_dir().resolve().is_relative_to(real_user_folders[0].resolve())
    assert config_path().resolve().is_relative_to(real_user_folders[1].resolve())


def test_by_default_everything_is_in_the_platforms_folders_not_the_working_folder(
    no_overrides: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    elsewhere = no_overrides / "started_here"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    data, config = no_overrides / "data" / "spacerace", no_overrides / "config" / "spacerace"
    assert saves_dir() == Settings().saves() == data / "saves"
    assert paths.autosaves_dir() == data / "saves"
    assert user_mods_dir() == data / "mods"
    assert config_path() == config / "settings.json"
    for p in paths.written_paths():
        assert not p.resolve().is_relative_to(elsewhere), p


def test_the_platform_folders_are_platformdirs_for_this_game(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in OVERRIDES:
        monkeypatch.delenv(var, raising=False)
    assert paths.data_dir() == platformdirs.user_data_path("spacerace", appauthor=False)
    assert paths.config_dir() == platformdirs.user_config_path("spacerace", appauthor=False)


@pytest.mark.skipif(sys.platform != "linux", reason="XDG folders are Linux's")
def test_on_linux_the_xdg_variables_are_honoured(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for var in OVERRIDES:
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "d"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "c"))
    assert saves_dir() == tmp_path / "d" / "spacerace" / "saves"
    assert config_path() == tmp_path / "c" / "spacerace" / "settings.json"


def test_spacerace_home_moves_everything_and_each_variable_wins_over_it(
    no_overrides: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = no_overrides / "home"
    monkeypatch.setenv("SPACERACE_HOME", str(home))
    assert (saves_dir(), config_path(), user_mods_dir()) == (home / "saves", home / "settings.json", home / "mods")
    monkeypatch.setenv("SPACERACE_SAVES", str(no_overrides / "s"))
    monkeypatch.setenv("SPACERACE_CONFIG", str(no_overrides / "cfg"))  # a folder: settings.json inside it
    monkeypatch.setenv("SPACERACE_MODS", str(no_overrides / "m"))
    monkeypatch.setenv("SPACERACE_SCENARIOS", str(no_overrides / "sc"))
    assert saves_dir() == no_overrides / "s"
    assert config_path() == no_overrides / "cfg" / "settings.json"
    assert user_mods_dir() == no_overrides / "m"
    assert builtin_dir() == no_overrides / "sc"
    monkeypatch.setenv("SPACERACE_CONFIG", str(no_overrides / "mine.json"))  # a file: used as it is
    assert config_path() == no_overrides / "mine.json"


def test_a_folder_the_player_chose_in_settings_is_kept(no_overrides: Path) -> None:
    assert Settings(save_dir=str(no_overrides / "chosen")).saves() == no_overrides / "chosen"


def test_autosaves_go_to_the_autosaves_folder(tmp_path: Path, tiny_scenario) -> None:  # type: ignore[no-untyped-def]
    from game.engine import Setup
    from game.io import GameRecord, autosave

    record = GameRecord.start(tiny_scenario, Setup(controllers=(("red", "human"), ("blue", "human"))), 1)
    assert autosave(record).parent == paths.autosaves_dir()


# ------------------------------------------------------------------------------ spacerace paths


def test_spacerace_paths_prints_every_folder_one_labelled_line_each(
    capsys: pytest.CaptureFixture[str], no_overrides: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SPACERACE_SAVES", str(no_overrides / "my saves"))
    assert main(["paths"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    lines = {line.split(":", 1)[0]: line.split(":", 1)[1].strip() for line in out.splitlines()}
    data = no_overrides / "data" / "spacerace"
    assert lines["saves"] == f"{no_overrides / 'my saves'}  (set by SPACERACE_SAVES)"
    assert lines["autosaves"].startswith(str(no_overrides / "my saves"))
    assert "NAME.json.1" in lines["backups"]
    assert lines["settings file"] == str(no_overrides / "config" / "spacerace" / "settings.json")
    assert lines["user mods"] == str(data / "mods")
    assert lines["shipped scenarios"].startswith(str(builtin_dir()))
    assert (builtin_dir() / "race_1955" / "manifest.yaml").is_file()
    assert lines["assets"].startswith(str(paths.assets_dir()))
    assert (paths.assets_dir() / "theme.json").is_file()
    assert len(lines) == len(out.splitlines()) == len(paths.places())


def test_spacerace_paths_takes_no_arguments(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["paths", "extra"]) == 2
    _, err = capsys.readouterr()
    assert len(err.splitlines()) == 1 and err.startswith("spacerace: error: ")


# ------------------------------------------------------------------------------ the docs say the same


ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("doc", ["README.md", "docs/guide.md"])
def test_the_docs_say_where_saves_are_on_each_platform_and_how_backups_are_named(
    doc: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from platformdirs.macos import MacOS
    from platformdirs.unix import Unix

    from game.io.atomic import backup_path

    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("HOME", "/HOME")
    text = (ROOT / doc).read_text(encoding="utf-8")
    for platform in (Unix, MacOS):
        saves = Path(platform("spacerace", appauthor=False).user_data_dir) / "saves"
        assert f"`{str(saves).replace('/HOME', '~')}/`" in text, (doc, platform.__name__)
    assert "%LOCALAPPDATA%\\spacerace\\saves\\" in text
    assert "`spacerace paths`" in text
    for n in (1, 3):
        assert f"`{backup_path(Path('NAME.json'), n).name}`" in text


def test_settings_an_earlier_release_kept_elsewhere_are_read_then_written_in_the_new_place(
    no_overrides: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Earlier releases kept settings in $XDG_CONFIG_HOME/spacerace (or ~/.config) on every platform; macOS and
    # Windows now keep them elsewhere (here: no_overrides' config folder).
    monkeypatch.setenv("XDG_CONFIG_HOME", str(no_overrides / "old_config"))
    old = no_overrides / "old_config" / "spacerace" / "settings.json"
    old.parent.mkdir(parents=True)
    old.write_text('{"language": "vi", "volume": 20}', encoding="utf-8")
    assert paths.old_settings_file() == old
    s = Settings.load()
    assert (s.language, s.volume) == ("vi", 20)
    s.save()
    assert config_path().is_file() and config_path() != old and old.is_file()
    old.write_text('{"language": "en"}', encoding="utf-8")
    assert Settings.load().language == "vi"  # the new file wins from then on


def test_where_the_settings_did_not_move_there_is_no_old_file(
    no_overrides: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(no_overrides / "config"))  # as on Linux: the same place
    assert paths.old_settings_file() is None
    monkeypatch.setenv("SPACERACE_CONFIG", str(no_overrides / "chosen.json"))
    assert paths.old_settings_file() is None
