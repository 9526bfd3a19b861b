"""Resolve mentions to things in the world: places (gazetteer), actors, dates, numbers."""
