"""Distributed coding with Apache Spark (optional: ``pip install 'tidings[spark]'`` and Java 17).

    from tidings.spark import run_spark
    report = run_spark(["cc-news/"], "out/", master="local[2]")

``plan`` cuts the inputs into pieces (one task each), ``worker`` codes a partition's pieces with
the pipeline loaded once per executor process, ``job`` runs it and writes the Parquet datasets of
``tidings.parquet``. PySpark is imported only when a job starts.
"""

from tidings.spark.job import SparkReport, require_spark, run_spark, spark_session
from tidings.spark.plan import Piece, plan_pieces
from tidings.spark.worker import code_partition

__all__ = ["Piece", "SparkReport", "code_partition", "plan_pieces", "require_spark", "run_spark", "spark_session"]
