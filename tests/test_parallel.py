"""parallel.py: results in order, with this process working beside the forked workers."""

import multiprocessing
import os
import time

import pytest

from dossier.parallel import MIN_ITEMS, Aside, aside, each_item, workers


def _where(offset, item):
    return item + offset, os.getpid()


def _slowly(offset, item):  # long enough for the worker to start and take chunks too
    time.sleep(0.002)
    return _where(offset, item)


@pytest.mark.skipif(workers() < 2 or "fork" not in multiprocessing.get_all_start_methods(),
                    reason="needs two cores and fork")
def test_results_come_in_order_made_by_this_process_and_a_worker():
    items = list(range(MIN_ITEMS * 2 + 7))  # not a whole number of chunks
    results = list(each_item(_slowly, 1000, items, chunksize=10))
    assert [value for value, _ in results] == [item + 1000 for item in items]
    by_process = {pid for _, pid in results}
    assert os.getpid() in by_process  # this process took its turns
    assert len(by_process) == workers()  # and each worker its own
    assert all(len({pid for _, pid in results[start:start + 10]}) == 1 for start in range(0, len(items), 10))


_DONE = multiprocessing.get_context("fork").Value("q", 0) if "fork" in multiprocessing.get_all_start_methods() else None


def _counted(offset, item):
    with _DONE.get_lock():
        _DONE.value += 1
    return _where(offset, item)


@pytest.mark.skipif(workers() < 2 or "fork" not in multiprocessing.get_all_start_methods(),
                    reason="needs two cores and fork")
def test_while_this_process_does_its_own_work_first_the_workers_take_the_chunks():
    items = list(range(MIN_ITEMS + 50))
    _DONE.value = 0
    ran_first = []

    def first():  # busy until the workers have done every item (or 60 s, if they never take them all)
        ran_first.append(os.getpid())
        deadline = time.monotonic() + 60
        while _DONE.value < len(items) and time.monotonic() < deadline:
            time.sleep(0.01)

    results = list(each_item(_counted, 0, items, chunksize=10, first=first))
    assert ran_first == [os.getpid()]
    assert [value for value, _ in results] == items  # still in order
    assert os.getpid() not in {pid for _, pid in results}  # nothing was left for this process


def test_first_runs_before_the_items_when_they_are_few():
    calls = []
    results = list(each_item(lambda _, item: calls.append(item), None, [1, 2], first=lambda: calls.append("first")))
    assert calls == ["first", 1, 2] and results == [None, None]


def test_few_items_are_done_here():
    assert {pid for _, pid in each_item(_where, 0, list(range(5)))} == {os.getpid()}


def test_closing_early_stops_cleanly():
    results = each_item(_where, 0, list(range(MIN_ITEMS * 3)), chunksize=8)
    first = [next(results) for _ in range(20)]
    results.close()
    assert [value for value, _ in first] == list(range(20))


def _twice(value):
    if value < 0:
        raise ValueError("negative")
    return os.getpid(), value * 2


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="needs fork")
def test_aside_runs_in_a_child_and_hands_back_its_result_or_its_error():
    pid, value = aside(_twice, 21)
    assert value == 42 and pid != os.getpid()
    with pytest.raises(ValueError, match="negative"):
        aside(_twice, -1)


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="needs fork")
def test_two_asides_started_one_after_the_other_work_at_the_same_time():
    both = multiprocessing.get_context("fork").Event()
    first = Aside(both.wait, 30)  # True once the second has started, False after 30 s alone
    second = Aside(both.set)
    assert first.result() is True and second.result() is None  # asked in this order: started, not when asked
