"""What the benchmarks share: the plan they run and the busy thread they compete with."""

from __future__ import annotations

import statistics
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from hipfit_desktop.exercises.catalog import load_catalog
from hipfit_desktop.settings.model import Settings
from hipfit_desktop.workout.plan import Plan, compile_plan


def guided_plan() -> Plan:
    """The full session with every exercise on guided tempo: no step waits for a key press."""
    catalog = load_catalog()
    settings = Settings()
    for exercise_id in catalog.exercises:
        settings = settings.with_exercise(exercise_id, pace="guided")
    return compile_plan(catalog.routine("full-hip-session"), catalog, settings)


@contextmanager
def busy_thread(enabled: bool = True) -> Iterator[None]:
    """A CPU-bound Python thread competing for the interpreter for as long as the block runs."""
    stop = threading.Event()

    def burn() -> None:
        total = 0
        while not stop.is_set():
            for i in range(10_000):
                total += i * i

    worker = threading.Thread(target=burn, daemon=True)
    if enabled:
        worker.start()
    try:
        yield
    finally:
        stop.set()
        if enabled:
            worker.join()


def figures(seconds: list[float]) -> dict[str, float]:
    """Count, median, 99th percentile and worst of a list of latenesses, in milliseconds."""
    if not seconds:
        return {"samples": 0, "p50_ms": float("nan"), "p99_ms": float("nan"), "max_ms": float("nan")}
    ordered = sorted(seconds)
    return {
        "samples": len(ordered),
        "p50_ms": 1000 * statistics.median(ordered),
        "p99_ms": 1000 * ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))],
        "max_ms": 1000 * ordered[-1],
    }
