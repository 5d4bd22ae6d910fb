"""The advanced topic, jax side: cases land here as they are implemented.

See ``shared.interface.advanced`` for the functions this module must provide.
"""
