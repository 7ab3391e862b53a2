"""Raise the quality-gate floors in eval/baseline.json to the figures measured now (never lower them).

    .venv/bin/python scripts/raise_floors.py
"""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.gate import measure, raise_floors  # noqa: E402  (the gate lives with the tests)

if __name__ == "__main__":
    floors = raise_floors(measure())
    print(json.dumps(floors, indent=1, sort_keys=True))
