"""hrdialogue.drafting (domain package; never imports Django)."""
