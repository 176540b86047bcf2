"""Actors: find who is named in a sentence and resolve it to a CAMEO-style code."""
