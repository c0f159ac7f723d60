"""Arshif (أرشيف): a static-site archive generator for Arabic news."""

__version__ = "0.1.0"
