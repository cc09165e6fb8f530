"""Recognisers for the things facts are about: organisations, people, events, documents, places.

Each takes folded sentence text (kg.text.normalize.fold) and Resources, and returns spans with
offsets into that text. Extractors combine them into facts.
"""
