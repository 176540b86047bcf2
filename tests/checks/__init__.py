"""Tests of the checks stage (issue 6)."""
