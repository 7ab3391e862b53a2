"""``tidings actors lookup``: how a mention resolves on a date, why, and where each reading comes from."""

from __future__ import annotations

from tidings.actors.kb import Candidate, KnowledgeBase, load_kb, normalize_alias

__all__ = ["lookup"]


def _source(src: str | None) -> str:
    if not src:
        return "source unknown"
    if src.startswith("Phoenix."):
        return f"PETRARCH-2/Phoenix {src}"
    if src.startswith("user:"):
        return f"your --actors file {src[5:]}"
    if src == "pycountry":
        return "pycountry (ISO 3166)"
    return f"project data/actors/{src}"


def _roles(kb: KnowledgeBase, cand: Candidate) -> list[str]:
    """Every dated term of a person, the one that applies marked."""
    pid = cand.entry.pid
    if cand.entry.kind != "person" or not pid:
        return []
    lines = []
    for t in sorted(kb.people.get(pid, ()), key=lambda t: (t.start or "", t.end or "")):
        mark = "*" if t == cand.entry else " "
        span = "default" if t.fallback else f"{t.start or '…'} to {t.end or 'now'}"
        lines.append(f"      {mark} {t.code or '-':<10} {span:<26} {t.office or ''}  [{_source(t.source)}]")
    return lines


def lookup(mention: str, date: str | None, extra: tuple[str, ...] = ()) -> list[str]:
    kb = load_kb(extra)
    lines = [f"{mention!r} on {date or 'an unspecified date'} (knowledge base {kb.version}):"]
    cands = kb.candidates(mention, date)
    if cands:
        for c in cands:
            who = f" id {c.entry.pid}" if c.entry.kind == "person" and c.entry.pid else ""
            lines.append(f"  {c.code or '(unresolved)':<12} score {c.score:.2f}  {c.entry.name} [{c.entry.kind}{who}] - {c.why}")
            lines.append(f"      from {_source(c.entry.source)}")
            lines.extend(_roles(kb, c))
        return lines
    agent = kb.agent(mention)
    if agent is not None:
        lines.append(f"  {agent.sector or '(no sector)':<12} sector agent {normalize_alias(mention)!r}; combine with a "
                     "country, e.g. 'Belarusian " + normalize_alias(mention) + "'")
        lines.append(f"      from {_source(agent.source)}")
        return lines
    words = normalize_alias(mention).split()
    if len(words) > 1:
        # a compound phrase: resolve it as the coder would, through the pipeline's actor component
        from tidings.nlp import load_pipeline

        nlp = load_pipeline()
        doc = nlp.make_doc(mention)
        doc.user_data["tidings_published"] = date
        for _, proc in nlp.pipeline:
            if getattr(proc, "name", "") == "tidings_coder":
                break
            doc = proc(doc)
        resolver = doc._.actor_index
        found = resolver.resolve(doc[:].root, date, follow_coref=False)
        parts = ", ".join(t.text for t in doc if t.i in resolver.at) or "named entity"
        for a in found:
            lines.append(f"  {a.code or '(unresolved)':<12} {a.name or a.text} [{a.kind}] - composed from {parts}")
        if found:
            return lines
    lines.append("  no match: tidings keeps such mentions as text with code null")
    return lines
