"""The modules topic, jax side: cases land here as they are implemented.

See ``shared.interface.modules`` for the functions this module must provide.
"""
