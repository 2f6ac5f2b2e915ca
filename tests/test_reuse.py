"""No glue sentence reused across templates (issue 14, third blind reading): readers spotted the
same sentence under different templates with only the names swapped.  Every template's scaffold
and every example is rendered; a sentence of 14 characters or more that the user did not write
must not appear in the drafts of two different templates.  Sign-off lines are excepted: a short
wish ends speeches of any kind."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import yaml
from conftest import EXAMPLES, ROOT
from test_genre_templates import ALL, scaffold_data, speech_from

from generator.glue.stock import load_stock
from generator.pipeline import load_speech
from generator.text_writer import render_text

LONG = 14


def sentences(text: str) -> set[str]:
    """The draft's sentences of LONG Chinese characters or more (punctuation not counted)."""
    return {s.strip() for s in re.split(r"[。！？；：\n]", text)
            if len(re.findall(r"[\u4e00-\u9fff]", s)) >= LONG}


def drafts() -> list[tuple[str, str, str]]:
    """(template, what the user wrote, the draft) for every scaffold and example."""
    out = []
    for name in ALL:
        data = scaffold_data(name)
        out.append((name, yaml.safe_dump(data, allow_unicode=True), render_text(speech_from(data))))
    for path in sorted(Path(EXAMPLES).glob("*.yaml")):
        speech = load_speech(path)
        out.append((speech.template, path.read_text(encoding="utf-8"), render_text(speech)))
    return out


def shared(written: list[tuple[str, str, str]]) -> dict[str, set[str]]:
    """Sentences the users did not write found under more than one template, with the
    templates; sign-off lines excepted."""
    signoffs = {v.text.rstrip("！。") for v in load_stock().moves["signoff"] if v.text}
    seen: dict[str, set[str]] = defaultdict(set)
    for template, user_text, draft in written:
        user = re.sub(r"\s", "", user_text)
        for sentence in sentences(draft):
            if sentence not in user and sentence not in signoffs:
                seen[sentence].add(template)
    return {s: templates for s, templates in seen.items() if len(templates) > 1}


def test_no_glue_sentence_appears_under_two_templates():
    found = shared(drafts())
    assert found == {}, f"{len(found)} sentences, e.g. {next(iter(found.items()))}"


def test_the_check_catches_a_sentence_two_templates_share():
    """A check that cannot fail proves nothing: one glue sentence in two templates' drafts is
    caught; the same sentence written by the user, or a sign-off, is not."""
    glue = "并希望大家在今后的工作中能体现出来"
    written = [("party-lecture", "", f"在这里，我想讲两个方面的内容。{glue}。"),
               ("work-conference", "", f"下面，我讲三点意见。{glue}。"
                                       "最后，祝大家工作顺利、万事如意！"),
               ("commendation", "", "最后，祝大家工作顺利、万事如意！")]
    assert shared(written) == {glue: {"party-lecture", "work-conference"}}
    assert shared([(t, glue, d) for t, _, d in written]) == {}


#: A run of text a template writes itself, as literal text or as a string in an expression.
_LITERAL = re.compile(r"[\u4e00-\u9fff，、；：]{14,}")


def test_no_template_writes_the_same_sentence_as_another():
    """Text a template writes itself, not through the glue, is its own: names swapped into
    one frame under two templates was a tell."""
    seen: dict[str, set[str]] = defaultdict(set)
    for source in (ROOT / "templates").glob("*/speech.j2"):
        text = re.sub(r"\{#.*?#\}", "|", source.read_text("utf-8"), flags=re.S)
        for run in _LITERAL.findall(text):
            if len(re.findall(r"[\u4e00-\u9fff]", run)) >= LONG:
                seen[run].add(source.parent.name)
    assert {run: names for run, names in seen.items() if len(names) > 1} == {}
