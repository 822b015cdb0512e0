"""The Django web platform: the only place in hrdialogue that imports Django."""
