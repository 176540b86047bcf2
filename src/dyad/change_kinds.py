"""The kinds of change the store records (dyad/store/changes.py says what each means).

Apart from the store so that the command line can offer them without importing SQLAlchemy.
"""

KINDS = ("mission opened", "mission closed", "relations severed", "relations restored", "goldstein break")
