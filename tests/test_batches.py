"""``core.batches``: work deferred in a bulk run happens once, at its end, and not at all when it fails."""

import pytest

from core.batches import batch, defer, in_batch


def test_outside_a_batch_the_work_happens_at_once():
    done = []
    defer(done.append, 1)
    assert done == [1] and not in_batch()


def test_in_a_batch_each_distinct_call_happens_once_at_the_end_in_order():
    done = []
    with batch():
        assert in_batch()
        for value in (2, 1, 2, 3, 1):
            defer(done.append, value)
        assert done == []
    assert done == [2, 1, 3] and not in_batch()


def test_a_failed_batch_does_none_of_its_work():
    done = []
    with pytest.raises(ValueError), batch():
        defer(done.append, 1)
        raise ValueError("the run failed")
    assert done == [] and not in_batch()
