"""One workout, from plan to summary: the plan compiler, the session engine, cue decisions and words."""
