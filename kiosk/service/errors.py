"""Errors the service layer raises for the CLI and the window to show as one clear line."""


class KioskError(Exception):
    """A refusal a person can act on (bad input, missing event, full workshop...)."""


class NoEventError(KioskError):
    def __init__(self) -> None:
        super().__init__("no event in this data dir: run 'kiosk demo' or 'kiosk event create --name ...'")


class VenueFull(KioskError):
    """The venue holds as many people as its capacity: nobody more is checked in."""

    def __init__(self, inside: int, capacity: int) -> None:
        super().__init__(f"the venue is full ({inside}/{capacity} inside)")
        self.inside, self.capacity = inside, capacity


class WorkshopFull(KioskError):
    def __init__(self, workshop: str, taken: int, capacity: int) -> None:
        super().__init__(f"workshop {workshop!r} is full ({taken}/{capacity})")
        self.workshop, self.taken, self.capacity = workshop, taken, capacity
