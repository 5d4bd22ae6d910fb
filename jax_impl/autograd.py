"""The autograd topic, jax side: cases land here as they are implemented.

See ``shared.interface.autograd`` for the functions this module must provide.
"""
