"""The converter's version, in a module of its own so that anything may import it cheaply
(``converter/__init__.py`` re-exports it; it appears in batch stamps and HTTP user agents)."""

__version__ = "0.1.0"
