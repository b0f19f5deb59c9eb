"""Controllers the main window composes: each owns one job of the staff window (the hub-sync light,
the camera, the printer's light and settings section, the database check) and talks to the widgets
it is given; the window only builds and wires them."""
