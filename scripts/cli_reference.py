"""Print the README's command-line reference (every command and option), made from the commands.

    .venv/bin/python scripts/cli_reference.py
"""

from tidings.cli.reference import render_reference

if __name__ == "__main__":
    print(render_reference(), end="")
