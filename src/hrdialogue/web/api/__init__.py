"""The REST API (django-ninja): consultations, stakeholders, resolutions, replies, exports.

Token auth; the same permission predicates as the pages (each app's `rules.py`).
"""
