"""reader: read Arabic articles in a terminal, correctly shaped and right to left."""

__version__ = "0.1.0"
