"""CLI commands, one module each; each exposes ``command``."""
