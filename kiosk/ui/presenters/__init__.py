"""Presenters: the check-in flow as plain Python, driving a narrow view interface (no widgets)."""
