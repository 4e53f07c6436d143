"""Moving a window's session forward under the fake clock, as the window tests need it."""

from __future__ import annotations


def reach(window, clock, done):  # type: ignore[no-untyped-def]
    """Run the window's session until `done(session)`: each countdown to its end, each own-pace step pressed
    after 2 s. Returns the session there."""
    for _ in range(5000):
        session = window.driver.session
        if done(session):
            return session
        if session.segment.kind.startswith("self_paced"):
            clock.advance(2)
            window.session_page.next_step()
        else:
            clock.advance(session.remaining())
            window.driver.wake()
    raise AssertionError("never got there")
