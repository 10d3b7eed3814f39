"""Packaging glue: a built wheel carries the shipped scenarios and assets inside the `game` package.

They stay at the repository's top level (where players and modders find them); this copies them into
`game/_data/` of the build, where `game.resources.shipped` finds them once installed. Everything else is
declared in pyproject.toml.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

SHIPPED = ("scenarios", "assets")
IGNORE = shutil.ignore_patterns("__pycache__", "*.pyc", "*.tmp")


class BuildWithData(build_py):
    def run(self) -> None:
        super().run()
        root = Path(__file__).resolve().parent
        for name in SHIPPED:
            target = Path(self.build_lib) / "game" / "_data" / name
            if target.exists():
                shutil.rmtree(target)
            shutil.copytree(root / name, target, ignore=IGNORE)


setup(cmdclass={"build_py": BuildWithData})
