"""Version strings. The coder version names both the code and the knowledge it used."""

__version__ = "0.1.0"
