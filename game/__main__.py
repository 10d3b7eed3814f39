"""`python -m game` runs the same command line as `spacerace`."""

from game.cli import main

raise SystemExit(main())
