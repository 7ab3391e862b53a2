"""Exports of stored events: JSON lines, CSV, Parquet and GDELT 2.0 Events (tab-separated); and of
commitments (promises tracked to delivery): JSON lines, CSV and Parquet."""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Iterable
from datetime import date as Date
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from tidings.records import FLAT_COLUMNS, Event, Happening, event_to_flat

if TYPE_CHECKING:
    from tidings.commitments import Commitment

__all__ = ["COMMITMENT_COLUMNS", "COMMITMENT_FORMATS", "FORMATS", "GDELT_COLUMNS", "GDELT_MENTION_COLUMNS", "commitment_row",
           "flat_row", "gdelt_mention_row", "gdelt_row", "write_commitments", "write_events", "write_gdelt"]

FORMATS = ("jsonl", "csv", "parquet", "gdelt")
COMMITMENT_FORMATS = ("jsonl", "csv", "parquet")

# GDELT 2.0 Events table, in its column order.
GDELT_COLUMNS = (
    "GLOBALEVENTID SQLDATE MonthYear Year FractionDate "
    "Actor1Code Actor1Name Actor1CountryCode Actor1KnownGroupCode Actor1EthnicCode Actor1Religion1Code "
    "Actor1Religion2Code Actor1Type1Code Actor1Type2Code Actor1Type3Code "
    "Actor2Code Actor2Name Actor2CountryCode Actor2KnownGroupCode Actor2EthnicCode Actor2Religion1Code "
    "Actor2Religion2Code Actor2Type1Code Actor2Type2Code Actor2Type3Code "
    "IsRootEvent EventCode EventBaseCode EventRootCode QuadClass GoldsteinScale NumMentions NumSources "
    "NumArticles AvgTone "
    "Actor1Geo_Type Actor1Geo_FullName Actor1Geo_CountryCode Actor1Geo_ADM1Code Actor1Geo_ADM2Code "
    "Actor1Geo_Lat Actor1Geo_Long Actor1Geo_FeatureID "
    "Actor2Geo_Type Actor2Geo_FullName Actor2Geo_CountryCode Actor2Geo_ADM1Code Actor2Geo_ADM2Code "
    "Actor2Geo_Lat Actor2Geo_Long Actor2Geo_FeatureID "
    "ActionGeo_Type ActionGeo_FullName ActionGeo_CountryCode ActionGeo_ADM1Code ActionGeo_ADM2Code "
    "ActionGeo_Lat ActionGeo_Long ActionGeo_FeatureID DATEADDED SOURCEURL"
).split()

# GDELT 2.0 Mentions table, in its column order (one row per mention of an event).
GDELT_MENTION_COLUMNS = (
    "GLOBALEVENTID EventTimeDate MentionTimeDate MentionType MentionSourceName MentionIdentifier SentenceID "
    "Actor1CharOffset Actor2CharOffset ActionCharOffset InRawText Confidence MentionDocLen MentionDocTone "
    "MentionDocTranslationInfo Extras"
).split()


def global_event_id(event_id: str) -> str:
    """GDELT's integer GLOBALEVENTID for a tidings id."""
    return str(int(hashlib.sha1(event_id.encode()).hexdigest()[:12], 16))


def flat_row(ev: Event) -> dict[str, Any]:
    """The event as one flat CSV row: actors and trigger expanded, lists as JSON text."""
    row = event_to_flat(ev)
    row["quantities"] = json.dumps(row["quantities"], ensure_ascii=False) if row["quantities"] else ""
    row["trace"] = " | ".join(row["trace"])
    return row


def _fraction(d: Date) -> str:
    return f"{d.year + (d.timetuple().tm_yday / 365.0):.4f}"


def gdelt_row(ev: Event, *, url: str | None = None, added: str = "") -> list[str]:
    """One GDELT 2.0 Events row; columns tidings does not know are left empty."""
    values: dict[str, str] = dict.fromkeys(GDELT_COLUMNS, "")
    values["GLOBALEVENTID"] = global_event_id(ev.event_id or ev.mention_id)
    if ev.date:
        d = Date.fromisoformat(ev.date)
        values.update(SQLDATE=d.strftime("%Y%m%d"), MonthYear=d.strftime("%Y%m"), Year=str(d.year), FractionDate=_fraction(d))
    for n, actor in ((1, ev.source), (2, ev.target)):
        if actor is None:
            continue
        code = actor.code or ""
        values[f"Actor{n}Code"] = code
        values[f"Actor{n}Name"] = (actor.name or actor.text or "").upper()
        if actor.country:
            values[f"Actor{n}CountryCode"] = actor.country
        if code[:3] in ("IGO", "NGO") or actor.kind == "group" and code and not actor.country:
            values[f"Actor{n}KnownGroupCode"] = code[3:6] if code[:3] in ("IGO", "NGO") else code[:3]
        roles = [code[i:i + 3] for i in range(3 if actor.country or code[:3] in ("IGO", "NGO") else 0, len(code), 3)]
        for k, role in enumerate(roles[:3], 1):
            values[f"Actor{n}Type{k}Code"] = role
    values["IsRootEvent"] = "1" if ev.sentence_index == 0 else "0"
    values["EventCode"] = ev.cameo
    values["EventBaseCode"] = ev.cameo[:3]
    values["EventRootCode"] = ev.cameo_root
    values["QuadClass"] = str(ev.quad_class)
    values["GoldsteinScale"] = f"{ev.goldstein:.1f}"
    values["NumMentions"] = values["NumSources"] = values["NumArticles"] = "1"
    if ev.location is not None:
        from tidings.places.gdelt import action_geo

        values.update({f"ActionGeo_{k}": v for k, v in action_geo(ev.location).items()})
    values["DATEADDED"] = added
    values["SOURCEURL"] = url or ev.doc_id
    return [values[c] for c in GDELT_COLUMNS]


def write_events(events: Iterable[Event], fmt: str, out: str | Path | IO[str], *,
                 urls: dict[str, str] | None = None, added: str = "") -> int:
    """Write events in ``fmt`` to a path or an open text stream; returns the number written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    events = list(events)
    if fmt == "parquet":  # typed and nested, the contract Spark's output shares (tidings.parquet)
        import pyarrow.parquet as pq

        from tidings.parquet import mentions_table

        pq.write_table(mentions_table(events), str(out))
        return len(events)
    own = isinstance(out, (str, Path))
    fh: IO[str] = open(out, "w", encoding="utf-8", newline="") if isinstance(out, (str, Path)) else out
    try:
        if fmt == "jsonl":
            for e in events:
                fh.write(json.dumps(e.to_dict(), ensure_ascii=False) + "\n")
        elif fmt == "csv":
            rows = csv.DictWriter(fh, fieldnames=list(FLAT_COLUMNS))
            rows.writeheader()
            for e in events:
                rows.writerow(flat_row(e))
        else:
            cells = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
            for e in events:
                cells.writerow(gdelt_row(e, url=(urls or {}).get(e.doc_id), added=added))
    finally:
        if own:
            fh.close()
    return len(events)


def _stamp(day: str | None) -> str:
    return day.replace("-", "") + "000000" if day else ""


def gdelt_event_row(h: Happening, rep: Event, *, url: str | None = None, added: str = "") -> list[str]:
    """One GDELT 2.0 Events row for an event: its representative mention's coding, its counts."""
    from dataclasses import replace

    values = dict(zip(GDELT_COLUMNS, gdelt_row(replace(rep, event_id=h.event_id, date=h.date, source=h.source,
                                                       target=h.target, cameo=h.cameo, cameo_root=h.cameo_root,
                                                       location=h.location), url=url, added=added), strict=True))
    values.update(NumMentions=str(h.num_mentions), NumSources=str(h.num_sources), NumArticles=str(h.num_articles))
    return [values[c] for c in GDELT_COLUMNS]


def gdelt_mention_row(ev: Event, h: Happening, doc: dict[str, Any]) -> list[str]:
    """One GDELT 2.0 Mentions row: which document mentions the event, where, how surely."""
    ident = doc.get("url") or doc.get("origin") or ev.doc_id
    values = {
        "GLOBALEVENTID": global_event_id(h.event_id), "EventTimeDate": _stamp(h.first_seen),
        "MentionTimeDate": _stamp(doc.get("published")), "MentionType": "1" if str(ident).startswith("http") else "2",
        "MentionSourceName": doc.get("source") or "", "MentionIdentifier": ident, "SentenceID": str(ev.sentence_index + 1),
        "Actor1CharOffset": "-1", "Actor2CharOffset": "-1", "ActionCharOffset": str(ev.trigger.start), "InRawText": "1",
        "Confidence": str(round(ev.confidence * 100)), "MentionDocLen": str(doc.get("length") or ""),
        "MentionDocTone": "", "MentionDocTranslationInfo": "", "Extras": "",
    }
    return [values[c] for c in GDELT_MENTION_COLUMNS]


def write_gdelt(happenings: Iterable[Happening], mentions: Iterable[Event], documents: Iterable[dict[str, Any]],
                out: str | Path | IO[str], mentions_out: str | Path | IO[str] | None = None, *, added: str = "") -> tuple[int, int]:
    """GDELT 2.0 Events (one row per event) and, with ``mentions_out``, Mentions (one row per
    mention of an exported event); returns the numbers of rows written."""
    by_id = {m.mention_id: m for m in mentions}
    docs = {d["doc_id"]: d for d in documents}
    events = [h for h in happenings if h.representative.get("mention_id") in by_id]

    def open_(target: str | Path | IO[str]) -> tuple[IO[str], bool]:
        if isinstance(target, (str, Path)):
            return open(target, "w", encoding="utf-8", newline=""), True
        return target, False

    fh, own = open_(out)
    try:
        cells = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
        for h in events:
            rep = by_id[h.representative["mention_id"]]
            doc = docs.get(rep.doc_id, {})
            cells.writerow(gdelt_event_row(h, rep, url=doc.get("url") or doc.get("origin"), added=added))
    finally:
        if own:
            fh.close()
    n_mentions = 0
    if mentions_out is not None:
        mh, own = open_(mentions_out)
        try:
            cells = csv.writer(mh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
            for h in events:
                for mid in h.mentions:
                    if mid in by_id:
                        ev = by_id[mid]
                        cells.writerow(gdelt_mention_row(ev, h, docs.get(ev.doc_id, {})))
                        n_mentions += 1
        finally:
            if own:
                mh.close()
    return len(events), n_mentions


# One flat row per commitment (CSV, Parquet): the evidence chain is JSON text in ``evidence``.
COMMITMENT_COLUMNS = (
    "commitment_id", "promiser_code", "promiser_name", "beneficiary_code", "beneficiary_name", "beneficiary_inferred",
    "cameo", "what", "object", "amount_kind", "amount_value", "amount_unit", "amount_text", "delivered", "deadline",
    "deadline_precision", "first_stated", "as_of", "status", "evidence",
)


def commitment_row(c: Commitment) -> dict[str, Any]:
    """A commitment as one flat row; its evidence chain as JSON text."""
    d = c.to_dict()
    amount = d["amount"] or {}
    return {
        "commitment_id": d["commitment_id"], "promiser_code": c.promiser.code, "promiser_name": c.promiser.name or c.promiser.text,
        "beneficiary_code": c.beneficiary.code, "beneficiary_name": c.beneficiary.name or c.beneficiary.text,
        "beneficiary_inferred": d["beneficiary_inferred"], "cameo": d["cameo"], "what": d["what"], "object": d["object"],
        "amount_kind": amount.get("kind"), "amount_value": amount.get("value"), "amount_unit": amount.get("unit"),
        "amount_text": amount.get("text"), "delivered": d["delivered"], "deadline": d["deadline"],
        "deadline_precision": d["deadline_precision"], "first_stated": d["first_stated"], "as_of": d["as_of"],
        "status": d["status"], "evidence": json.dumps(d["evidence"], ensure_ascii=False),
    }


def write_commitments(commitments: Iterable[Commitment], fmt: str, out: str | Path | IO[str]) -> int:
    """Write commitments in ``fmt`` (jsonl, csv or parquet) to a path or an open text stream;
    returns the number written."""
    if fmt not in COMMITMENT_FORMATS:
        raise ValueError(f"unknown commitment format {fmt!r}")
    items = list(commitments)
    if fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        rows = [commitment_row(c) for c in items]
        table = pa.Table.from_pylist(rows) if rows else pa.table({c: pa.array([], pa.string()) for c in COMMITMENT_COLUMNS})
        pq.write_table(table, str(out))
        return len(items)
    own = isinstance(out, (str, Path))
    fh: IO[str] = open(out, "w", encoding="utf-8", newline="") if isinstance(out, (str, Path)) else out
    try:
        if fmt == "jsonl":
            for c in items:
                fh.write(json.dumps(c.to_dict(), ensure_ascii=False) + "\n")
        else:
            writer = csv.DictWriter(fh, fieldnames=list(COMMITMENT_COLUMNS))
            writer.writeheader()
            for c in items:
                writer.writerow(commitment_row(c))
    finally:
        if own:
            fh.close()
    return len(items)
