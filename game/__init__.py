"""Space Race: a turn-based strategy game of the Cold War race to the Moon."""

__version__ = "0.1.0"
