"""hrdialogue: the consultations and the dialogue that UN human-rights resolutions call for."""

__version__ = "0.1.0"
