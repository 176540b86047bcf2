"""Event coding: from a sentence with actors, who did what to whom (CAMEO, PLOVER, mode, date, place)."""
