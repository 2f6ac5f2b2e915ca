"""A saved web page's visible text, one line per block element (``speechgen mine`` on .html).

Kept apart from ``sources`` so that ``html.parser`` is imported only for pages that need it.
"""

from __future__ import annotations

from html.parser import HTMLParser


class _HtmlText(HTMLParser):
    """Text of a saved web page, one line per block element, scripts and styles left out."""

    BLOCKS = frozenset(
        ("p", "br", "div", "li", "tr", "td", "section", "article")
        + tuple(f"h{n}" for n in range(1, 7))
    )
    # The <title> carries the site's name and SEO words; the visible heading is the title.
    SKIP = frozenset(("script", "style", "noscript", "title"))

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self.skipping += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data.replace("\n", " "))


def html_lines(text: str) -> list[str]:
    """A saved web page as lines, as if the reader had copied its text."""
    parser = _HtmlText()
    parser.feed(text)
    parser.close()
    return "".join(parser.parts).splitlines()
