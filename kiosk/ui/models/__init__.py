"""Qt item models for the lists and tables of the window (tested with no view attached)."""
