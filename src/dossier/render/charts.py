"""Small charts drawn at build time as inline SVG (no JavaScript, no images to load)."""

from __future__ import annotations

from html import escape

from dossier.timex import MONTH_NAMES


def _month_label(key: str) -> str:
    """ "2024-03" → "Mar 2024"; a bar for a whole year ("2024") keeps its year."""
    if "-" not in key:
        return key
    year, month = key.split("-")
    return f"{MONTH_NAMES[int(month) - 1][:3]} {year}"


def monthly_bars(
    series: tuple[tuple[str, int], ...], title: str, ident: str = "chart", width: int = 640, height: int = 120
) -> str:
    """Mentions per month as bars; every bar has a tooltip and the whole chart a text alternative."""
    if not series or not any(n for _, n in series):
        return ""
    peak = max(n for _, n in series)
    gap = 2 if len(series) < 60 else 0
    left, bottom, top = 4, 22, 14
    bar_width = max((width - left * 2) / len(series) - gap, 1)
    plot_height = height - bottom - top
    described = ", ".join(f"{_month_label(m)}: {n}" for m, n in series if n)
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-labelledby="{ident}-title" '
        f'xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{ident}-title">{escape(title)} — {escape(described)}</title>',
        f'<line class="axis" x1="{left}" y1="{height - bottom}" x2="{width - left}" y2="{height - bottom}"/>',
    ]
    for index, (month, count) in enumerate(series):
        x = left + index * (bar_width + gap)
        bar = plot_height * count / peak if peak else 0
        y = height - bottom - bar
        parts.append(
            f'<rect class="bar" x="{x:.1f}" y="{y:.1f}" width="{bar_width:.1f}" height="{bar:.1f}">'
            f"<title>{escape(_month_label(month))}: {count}</title></rect>"
        )
    parts.append(
        f'<text class="label" x="{left}" y="{height - 6}">{escape(_month_label(series[0][0]))}</text>'
    )
    if len(series) > 1:
        parts.append(
            f'<text class="label" x="{width - left}" y="{height - 6}" text-anchor="end">'
            f"{escape(_month_label(series[-1][0]))}</text>"
        )
    parts.append(f'<text class="label" x="{left}" y="{top - 3}">peak {peak}</text>')
    parts.append("</svg>")
    return "".join(parts)
