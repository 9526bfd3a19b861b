"""Turn a snippet of HTML (a feed entry's body) into plain text, one block per line."""

from __future__ import annotations

import html

import lxml.html
from lxml import etree

# Elements whose end starts a new line in the text.
BLOCK_TAGS = (
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "tr", "section", "article", "header", "footer", "figcaption", "pre",
)  # fmt: skip
DROPPED_TAGS = ("script", "style", "noscript", "iframe", "object", "embed", "template")


def html_fragment_to_text(fragment: str) -> str:
    """Return the text of an HTML fragment: blocks on their own lines, blank lines dropped."""
    if "<" not in fragment:
        return join_lines(html.unescape(fragment))
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return join_lines(html.unescape(fragment))
    for element in list(root.iter(*DROPPED_TAGS)):
        element.drop_tree()
    for element in root.iter(*BLOCK_TAGS):
        element.tail = "\n" + (element.tail or "")
    return join_lines(root.text_content())


def join_lines(text: str) -> str:
    """Strip each line, collapse runs of spaces, and drop empty lines."""
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)
