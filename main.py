"""Run kiosk from a checkout: `python main.py [--data-dir DIR] [COMMAND ...]` (no command: the window)."""

from kiosk.cli.main import main

if __name__ == "__main__":
    raise SystemExit(main())
