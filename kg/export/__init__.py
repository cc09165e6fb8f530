"""Serializers: each module writes an rdflib Graph to one file format."""
