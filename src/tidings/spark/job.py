"""The Spark job (driver side): plan the pieces, code them on the executors, write Parquet.

    report = run_spark(["cc-news/"], "out/", master="local[2]")

Each piece is one task (``tidings.spark.plan``); each task codes its documents with the same
pipeline function as ``tidings code`` (``tidings.spark.worker``). The coded rows cross from Python
to the JVM once, into one cached frame (memory, then disk), and two datasets are written from it,
each shuffled by day so that a day is a few files, not one per task: ``OUTPUT/mentions`` partitioned by ``date`` and
``OUTPUT/documents`` partitioned by ``published``, in the Parquet contract of ``tidings.parquet``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from tidings.config import Settings
from tidings.errors import SparkError, UsageError
from tidings.ingest import Selection
from tidings.parquet import DOCUMENTS, MENTIONS, PARTITIONS, document_schema, mention_schema
from tidings.spark.plan import MIN_PIECE_BYTES, Piece, plan_pieces
from tidings.spark.worker import STATS, code_partition

__all__ = ["SparkReport", "require_spark", "run_spark", "spark_session", "submitted"]

INSTALL_HINT = "pip install 'tidings[spark]' (or make install-extras)"


@dataclass
class SparkReport:
    output: str
    pieces: int = 0
    documents: int = 0
    failed: int = 0
    events: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    failures: list[tuple[str, str]] = field(default_factory=list)  # (origin, reason), the first ones
    pipelines_loaded: int = 0  # spaCy pipelines loaded on the executors (one per executor process)
    workers: int = 0  # executor processes that coded a partition
    coder: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"output": self.output, "pieces": self.pieces, "documents": self.documents, "failed": self.failed,
                "events": self.events, "skipped": dict(self.skipped), "pipelines_loaded": self.pipelines_loaded,
                "workers": self.workers, "coder": self.coder}


def _java() -> str | None:
    home = os.environ.get("JAVA_HOME")
    if home and Path(home, "bin", "java").exists():
        return str(Path(home, "bin", "java"))
    return shutil.which("java")


def require_spark() -> None:
    """Raise a one-line ``UsageError`` when PySpark or Java is missing."""
    try:
        import pyspark  # noqa: F401
    except ImportError:
        raise UsageError(f"tidings spark needs PySpark: {INSTALL_HINT}") from None
    if _java() is None:
        raise UsageError("tidings spark needs Java 17 (Debian: apt-get install openjdk-17-jre-headless), "
                         "on PATH or in $JAVA_HOME")


def submitted() -> bool:
    """True inside a driver that ``spark-submit`` started: the master is spark-submit's."""
    return "PYSPARK_GATEWAY_PORT" in os.environ


def spark_session(master: str | None = "local[*]", conf: dict[str, str] | None = None) -> Any:
    """A SparkSession for tidings: in local mode the executors run this Python; Spark logs only
    errors. ``master`` None: spark-submit's when submitted, else ``local[*]``."""
    require_spark()
    from pyspark.sql import SparkSession

    if master is None and not submitted():
        master = "local[*]"
    local = master is not None and master.startswith("local")
    if local:
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    builder = SparkSession.builder.appName("tidings")
    if master is not None:
        builder = builder.master(master)
    settings = {"spark.ui.showConsoleProgress": "false"}
    if local and not os.environ.get("PYSPARK_PYTHON"):
        os.environ["PYSPARK_PYTHON"] = sys.executable  # PySpark reads only the variable; executors run this Python
    settings.update(conf or {})
    for key, value in settings.items():
        builder = builder.config(key, value)
    try:
        spark = builder.getOrCreate()
    except Exception as exc:  # noqa: BLE001 - the JVM did not start: say why in one line
        first = (str(exc).strip().splitlines() or [exc.__class__.__name__])[0]
        raise UsageError(f"cannot start Spark (master {master or 'from spark-submit'}): {first[:200]}") from exc
    spark.sparkContext.setLogLevel("ERROR")
    return spark


_EXCEPTION = re.compile(r"^[A-Za-z_][\w.]*(Error|Exception|Exit)(: .*)?$")


def _cause(message: str) -> str:
    """The line of a Spark failure that says what went wrong: the Python exception of the task
    when there is one, not the Java stack around it."""
    lines = [ln.strip() for ln in message.splitlines() if ln.strip() and not ln.strip().startswith("at ")]
    found = [ln for ln in lines if _EXCEPTION.match(ln) and not ln.startswith(("org.apache.", "py4j.", "java."))]
    return found[-1] if found else (lines[0] if lines else "unknown error")


def _record(names: dict[str, tuple[str, ...]], item: tuple[str, dict[str, Any]]) -> tuple[Any, ...]:
    """A row of the job's one frame: the mention, the document or the partition's counts (as JSON)."""
    kind, row = item
    if kind == STATS:
        return None, None, json.dumps(row)
    values = tuple(row[n] for n in names[kind])
    return (values, None, None) if kind == MENTIONS else (None, values, None)


def _code(settings: Settings, date: str | None, select: Selection,
          pieces: Iterable[Piece]) -> Iterator[tuple[str, dict[str, Any]]]:
    return code_partition(pieces, settings=settings, date=date, select=select)


def _clear(output: str, overwrite: bool) -> None:
    if "://" in output and not output.startswith("file://"):
        return  # a cluster file system: Spark's own save mode decides
    root = Path(output.removeprefix("file://"))
    if root.exists() and (not root.is_dir() or any(root.iterdir())):
        if not overwrite:
            raise UsageError(f"output {output} exists and is not empty (use --overwrite to replace it)")
        for name in (MENTIONS, DOCUMENTS):
            shutil.rmtree(root / name, ignore_errors=True)


def run_spark(paths: Iterable[str], output: str, *, master: str | None = None, settings: Settings | None = None,
              date: str | None = None, select: Selection | None = None, partitions: int | None = None,
              overwrite: bool = False, conf: dict[str, str] | None = None, spark: Any = None) -> SparkReport:
    """Code ``paths`` on Spark and write the Parquet datasets under ``output``.

    ``partitions`` is how many pieces to aim for (default: 4 per core of the cluster); ``spark`` a
    SparkSession to use (default: the active one); either is left running. Otherwise a session is
    started on ``master`` (default: spark-submit's, else ``local[*]``) with ``conf`` and stopped at the end.
    """
    settings = settings or Settings()
    select = select or Selection()
    paths = list(paths)
    if not paths:
        raise UsageError("give files, directories or URLs to code")
    if spark is None:
        require_spark()
    _clear(output, overwrite)
    if spark is None:
        from pyspark.sql import SparkSession

        active = SparkSession.getActiveSession()  # e.g. a notebook's: use it and leave it running
        own = active is None
        spark = active or spark_session(master, conf)
    else:
        own = False
    try:
        return _run(spark, paths, output, settings=settings, date=date, select=select, partitions=partitions,
                    overwrite=overwrite)
    finally:
        if own:
            spark.stop()


def _run(spark: Any, paths: list[str], output: str, *, settings: Settings, date: str | None, select: Selection,
         partitions: int | None, overwrite: bool) -> SparkReport:
    from py4j.protocol import Py4JError
    from pyspark import StorageLevel
    from pyspark.errors import PySparkException
    from pyspark.sql.pandas.types import from_arrow_schema
    from pyspark.sql.types import StringType, StructField, StructType

    sc = spark.sparkContext
    pieces = plan_pieces(paths, slices=partitions or sc.defaultParallelism * 4,
                         min_bytes=1 if partitions else MIN_PIECE_BYTES)
    report = SparkReport(output=output, pieces=len(pieces))
    schemas = {MENTIONS: mention_schema(), DOCUMENTS: document_schema()}
    rows = sc.parallelize(pieces, max(len(pieces), 1)).mapPartitions(partial(_code, settings, date, select))
    # one pass through Python: each row becomes a record with a struct for its kind, the frame is
    # cached in the JVM (columnar, spilling to disk), and both datasets are written from the cache
    union = StructType([StructField(MENTIONS, from_arrow_schema(schemas[MENTIONS])),
                        StructField(DOCUMENTS, from_arrow_schema(schemas[DOCUMENTS])),
                        StructField(STATS, StringType())])
    frame = spark.createDataFrame(rows.map(partial(_record, {k: tuple(v.names) for k, v in schemas.items()})), union,
                                  verifySchema=False)
    frame = frame.persist(StorageLevel.MEMORY_AND_DISK)
    mode = "overwrite" if overwrite else "errorifexists"
    try:
        for name in (MENTIONS, DOCUMENTS):
            column = PARTITIONS[name]
            (frame.where(frame[name].isNotNull()).select(f"{name}.*").repartition(column)
             .write.mode(mode).partitionBy(column).parquet(f"{output.rstrip('/')}/{name}"))
        stats = [json.loads(r[0]) for r in frame.where(frame[STATS].isNotNull()).select(STATS).collect()]
    except (Py4JError, PySparkException) as exc:
        raise SparkError(f"the Spark job failed: {_cause(str(exc))[:300]}") from exc
    finally:
        frame.unpersist()
    for s in stats:
        report.documents += s["documents"]
        report.failed += s["failed"]
        report.events += s["events"]
        report.pipelines_loaded += s["pipelines_loaded"]
        report.skipped.update(s["skipped"])
        report.failures.extend(tuple(f) for f in s["failures"])
        report.coder = report.coder or s["coder"]
    report.workers = len({s["pid"] for s in stats})
    return report
