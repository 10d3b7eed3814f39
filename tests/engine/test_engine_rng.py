"""The game's dice: a die cast unread moves the stream on exactly as a read one."""

from game.engine.rng import Rng


def test_a_die_skipped_leaves_the_stream_where_a_die_read_would():
    read, skipped = Rng.from_seed(1957), Rng.from_seed(1957)
    for n in (100, 7, 1 << 64):
        read.below(n)
        skipped.skip()
        assert skipped.state == read.state
        assert [skipped.below(1000) for _ in range(5)] == [read.below(1000) for _ in range(5)]
