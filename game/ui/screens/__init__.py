"""One module per screen; each screen builds its widgets, handles events and returns a transition."""
