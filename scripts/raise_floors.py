"""Raise the quality-gate floors in eval/baseline.json to the figures measured now (never lower them).

    .venv/bin/python scripts/raise_floors.py
"""

import json

from tidings.gate import measure, raise_floors

if __name__ == "__main__":
    floors = raise_floors(measure())
    print(json.dumps(floors, indent=1, sort_keys=True))
