"""The thin Qt layer: adapters and widgets. Timing and plan logic stay in the pure-Python core."""
