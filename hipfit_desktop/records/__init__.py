"""The training log: SQLite history, resume checkpoints, week summary, export and import. No Qt."""
