"""The autograd topic, torch side: cases land here as they are implemented.

See ``shared.interface.autograd`` for the functions this module must provide.
"""
