"""``spark-submit .../tidings/spark/__main__.py INPUT... --output DIR``: ``tidings spark`` as a
Spark application (cluster deploy mode), with spark-submit's master; also ``python -m tidings.spark``."""

import sys

from tidings.cli import main

if __name__ == "__main__":
    main(["spark", *sys.argv[1:]])
