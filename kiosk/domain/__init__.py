"""Pure check-in rules and data: no Qt, no I/O, testable without a display or a database."""
