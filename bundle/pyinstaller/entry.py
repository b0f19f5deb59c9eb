"""The bundle's program: what a double-click starts (no arguments: the window on the demo event)."""

from kiosk.cli.main import main

raise SystemExit(main())
