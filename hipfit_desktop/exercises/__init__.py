"""What the exercises and routines are: the strict YAML reader and the validated, frozen catalogue."""
