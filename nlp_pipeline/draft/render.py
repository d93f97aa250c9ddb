"""Writing a draft out: Markdown with footnotes, JSON for audit, docx with a numbered source table,
and a PNG chart of the compared figures."""
from __future__ import annotations

import dataclasses
import io
import json
from pathlib import Path

from .compare import Comparison, DraftError, Source
from .compose import Draft, compose, tellable
from .finnish import figure_label, templates


def _footnotes(draft: Draft, sources: dict[str, Source]) -> tuple[list[list[int]], list[tuple[Source, list[str]]]]:
    """Number the cited source sentences in order of first citation.

    Figures stated in the same source sentence share one note. Returns each sentence's note numbers
    and the notes as (source, ids).
    """
    notes: dict[tuple[str, str], tuple[int, Source, list[str]]] = {}
    refs = []
    for s in draft.sentences():
        numbers = []
        for i in s.ids:
            src = sources.get(i)
            if src is None:
                continue
            n, _, ids = notes.setdefault((src.doc_id, src.sentence), (len(notes) + 1, src, []))
            if i not in ids:
                ids.append(i)
            if n not in numbers:
                numbers.append(n)
        refs.append(numbers)
    return refs, [(src, ids) for _, src, ids in notes.values()]


def _describe(src: Source) -> str:
    """Document and section as a note names them: ``Aluehallitus, 8.9.2025, ”Otsikko” (file); selostus``."""
    when = f"{src.meeting_date:%-d.%-m.%Y}" if src.meeting_date else None
    doc = ", ".join(x for x in (src.body, when, f"”{src.title}”" if src.title else None) if x)
    doc = f"{doc} ({src.source})" if doc else src.source
    section = templates()["section_kinds"].get(src.section_kind or "", src.section_kind)
    return f"{doc}; {section}" if section else doc


def to_markdown(draft: Draft, sources: dict[str, Source]) -> str:
    refs, notes = _footnotes(draft, sources)
    lines = [f"# {draft.title}", "", f"*{draft.meetings}*", ""]
    k = 0
    for block in draft.blocks:
        lines += [f"{'#' * block.level} {block.heading}", ""]
        if block.sentences:
            texts = []
            for s in block.sentences:
                texts.append(s.text + "".join(f"[^{n}]" for n in refs[k]))
                k += 1
            lines += [" ".join(texts), ""]
    lines += [f"## {templates()['headings']['sources']}", ""]
    for n, (src, ids) in enumerate(notes, 1):
        lines.append(f"[^{n}]: {_describe(src)}: ”{src.sentence}” [{', '.join(ids)}]")
    return "\n".join(lines) + "\n"


def _jsonable(obj):
    if dataclasses.is_dataclass(obj):
        return {f.name: _jsonable(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, dict):
        return {k: _jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_jsonable(v) for v in obj]
    if hasattr(obj, "isoformat"):
        return obj.isoformat()
    return obj


def to_json(comparison: Comparison, draft: Draft) -> str:
    return json.dumps({"comparison": _jsonable(comparison), "draft": _jsonable(draft)}, ensure_ascii=False,
                      indent=2) + "\n"


def to_docx(draft: Draft, sources: dict[str, Source]) -> bytes:
    from docx import Document
    from docx.shared import Cm, Pt

    refs, notes = _footnotes(draft, sources)
    doc = Document()
    doc.add_heading(draft.title, 0)
    doc.add_paragraph(draft.meetings).runs[0].italic = True
    k = 0
    for block in draft.blocks:
        doc.add_heading(block.heading, block.level - 1)
        if block.sentences:
            para = doc.add_paragraph()
            for s in block.sentences:
                para.add_run(s.text)
                if refs[k]:
                    para.add_run(",".join(map(str, refs[k]))).font.superscript = True
                para.add_run(" ")
                k += 1
    doc.add_heading(templates()["headings"]["sources"], 1)
    table = doc.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    table.autofit = False
    widths = [Cm(1.0), Cm(5.0), Cm(8.0), Cm(2.5)]  # the source sentence gets the room
    for cell, text in zip(table.rows[0].cells, ("Nro", "Asiakirja ja osio", "Lähdelause", "Tunnisteet")):
        cell.text = text
    for n, (src, ids) in enumerate(notes, 1):
        for cell, text in zip(table.add_row().cells, (str(n), _describe(src), src.sentence, ", ".join(ids))):
            cell.text = text
            for run in cell.paragraphs[0].runs:
                run.font.size = Pt(8)
    for column, width in zip(table.columns, widths):  # grid widths for LibreOffice, cell widths for Word
        column.width = width
        for cell in column.cells:
            cell.width = width
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def render(comparison: Comparison, format: str = "md", out: str | Path | None = None,
           rewrite_model: str | Path | None = None) -> str | bytes:
    """The draft as Markdown, JSON or docx (bytes); written to ``out`` as well when given.

    With ``rewrite_model`` each sentence is offered to that local model (see rewrite.py); a rewrite
    that loses a number, name or period is refused and the template sentence kept, with a warning.
    """
    draft = compose(comparison)
    if rewrite_model is not None:
        from .rewrite import rewrite_draft
        draft = rewrite_draft(draft, rewrite_model)
    if format == "md":
        result: str | bytes = to_markdown(draft, comparison.sources)
    elif format == "json":
        result = to_json(comparison, draft)
    elif format == "docx":
        result = to_docx(draft, comparison.sources)
    else:
        raise ValueError(f"unknown format {format!r}: md, docx or json")
    if out is not None:
        path = Path(out)
        if isinstance(result, bytes):
            path.write_bytes(result)
        else:
            path.write_text(result, encoding="utf-8")
    return result


def _short(text: str, width: int = 38) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def render_chart(comparison: Comparison, path: str | Path, limit: int = 24) -> Path:
    """Horizontal paired bars of the figures stated in both periods, one panel per unit.

    Grey and black with hatching so it survives black-and-white printing; values are printed at
    the bar ends so the reader need not read the axis. A page holds about ``limit`` pairs:
    organisation-wide ones come first, and the title says when some were left out.
    """
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    c = comparison
    names = {g.goal_key: g.name for g in c.goals}
    told = sorted((p for p in c.pairs if p.then and p.now and tellable(p)), key=lambda p: p.goal_key is not None)
    pairs = told[:limit]
    units = sorted({p.unit for p in pairs}, key=lambda u: (u != "percent", u))
    heads = templates()["headings"]
    if not units:
        raise DraftError(f"{path}: no figure is stated in both periods, nothing to chart")
    height = sum(1.0 + 0.55 * sum(p.unit == u for p in pairs) for u in units)
    fig, axes = plt.subplots(len(units), 1, figsize=(8.3, max(3.0, height)), squeeze=False)
    for ax, unit in zip(axes[:, 0], units):
        group = [p for p in pairs if p.unit == unit]
        labels = [_short(figure_label(p.subject, p.qualifier, p.unit))
                  + (f"\n{_short(names.get(p.goal_key, ''), 44)}" if p.goal_key else "") for p in group]
        ys = range(len(group))
        bars = ((c.then.period, "then", "0.7", ""), (c.now.period, "now", "0.15", "//"))
        for offset, (label, side, colour, hatch) in zip((-0.2, 0.2), bars):
            values = [getattr(p, side).value for p in group]
            drawn = ax.barh([y + offset for y in ys], values, height=0.38, color=colour, hatch=hatch,
                            edgecolor="black", label=label)
            ax.bar_label(drawn, labels=[f"{v:g}".replace(".", ",") for v in values], padding=3, fontsize=8)
        ax.set_yticks(list(ys), labels, fontsize=8)
        ax.invert_yaxis()
        ax.set_xlabel(heads["chart_axes"].get(unit, unit))
        ax.margins(x=0.15)
        ax.legend(fontsize=8, loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=2, frameon=False)
        ax.spines[["top", "right"]].set_visible(False)
    title = heads["chart_title"].format(then=c.then.period, now=c.now.period)
    if len(told) > len(pairs):
        title += "\n" + heads["chart_subset"].format(shown=len(pairs), total=len(told))
    if c.scope_changed:
        title += f"\n{heads['chart_scope_note']}"
    fig.suptitle(title, fontsize=11)
    fig.tight_layout()
    path = Path(path)
    fig.savefig(path, dpi=200)
    plt.close(fig)
    return path
