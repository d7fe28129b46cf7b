"""newsevents: political event data from news.

Reads articles and writes down, as structured CAMEO/PLOVER-coded records,
who did what to whom, when, where, and according to whom.
"""

__version__ = "0.1.0"
