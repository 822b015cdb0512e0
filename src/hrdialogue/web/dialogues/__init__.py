"""Dialogues: Polis-style statements and votes, with the opinion math of `hrdialogue.dialogue`."""
