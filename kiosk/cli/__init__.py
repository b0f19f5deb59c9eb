"""Headless commands. Nothing here imports Qt or OpenCV at module level: commands start fast."""
