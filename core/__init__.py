"""Definitions every layer shares (the languages): plain Python, imports no app, so settings can use it."""
