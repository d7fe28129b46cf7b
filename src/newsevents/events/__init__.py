"""The event stage: CAMEO trigger patterns matched on dependency parses."""

from .coder import EventCoder, Match
from .patterns import Pattern, PatternError, PatternIndex, compile_pattern, default_index

__all__ = ["EventCoder", "Match", "Pattern", "PatternError", "PatternIndex", "compile_pattern", "default_index"]
