"""The organisers' occupancy screen: read-only figures for a second monitor or a projector."""
