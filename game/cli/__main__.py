"""`python -m game.cli`: the `spacerace` command."""

from game.cli import main

raise SystemExit(main())
