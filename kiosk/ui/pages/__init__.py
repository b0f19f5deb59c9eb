"""The pages the main window shell stacks: check-in, attendees, settings."""
