"""hrdialogue.analysis (domain package; never imports Django)."""
