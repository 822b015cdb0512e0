"""hrdialogue.dialogue (domain package; never imports Django)."""
