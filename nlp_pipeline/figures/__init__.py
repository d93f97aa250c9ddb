"""Figures: every quantity a Finnish agenda states (percent, money, counts, fractions, areas, durations).

``add_component(nlp)`` appends the registered ``figures`` spaCy component, which sets
``doc._.figures: list[Figure]``; ``parse_finnish_number`` is the pure-Python number grammar.
"""
from .component import FigureExtractor, add_component
from .numbers import parse_finnish_number, render_digits, render_millions, render_percent, render_words

__all__ = [
    "FigureExtractor",
    "add_component",
    "parse_finnish_number",
    "render_digits",
    "render_millions",
    "render_percent",
    "render_words",
]
