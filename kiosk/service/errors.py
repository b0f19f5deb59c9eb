"""Errors the service layer raises for the CLI and the window to show as one clear line."""


class KioskError(Exception):
    """A refusal a person can act on (bad input, missing event, full workshop...)."""


class NoEventError(KioskError):
    def __init__(self) -> None:
        super().__init__("no event in this data dir: run 'kiosk demo' or 'kiosk event create --name ...'")
