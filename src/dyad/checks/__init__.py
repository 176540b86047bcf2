"""Checks: names and flags of the wrong country, stale titles and old names (issue 6); see stage.py."""
