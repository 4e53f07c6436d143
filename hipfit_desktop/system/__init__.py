"""The machine: user folders, keeping the screen awake, generated sound files."""
