"""Replication with the hub, offline first: one round (round.py) pushes what this kiosk made and
pulls what others made; guests.py applies the pulled guests, facts.py the organiser's decisions and
the badges printed elsewhere, checks.py decides what pulled data may be trusted; join.py makes a
fresh data dir a replica of one event; watch.py is the loop that runs rounds as soon as something
changed. Callers import from the module that holds what they need."""
