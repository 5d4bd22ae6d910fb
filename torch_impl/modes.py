"""The modes topic, torch side: cases land here as they are implemented.

See ``shared.interface.modes`` for the functions this module must provide.
"""
