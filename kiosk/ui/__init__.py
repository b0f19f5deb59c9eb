"""The staff window. Everything Qt lives under this package; nothing outside it imports Qt."""
