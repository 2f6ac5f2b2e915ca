"""The one YAML reader for everything a user writes: outlines, template facts, profiles,
`--map` files and `template.yaml` declarations.

Every value keeps its line and column, so a problem three levels down names file:line:column.
PyYAML's own messages are English and differ between its C loader (used when present) and
its pure-Python one, so a failed parse is explained from the text itself: the lines around
the error are examined for the mistakes people make (Tab indentation, a full-width colon
after a key as in `标题：…`, no space after `:`, a colon inside a value, a line indented under
a finished value) and the message names the line where the mistake is, in Chinese.  Deep
nesting and self-referring anchors are refused before anything recurses on them.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

import yaml

from .errors import InputError, KeyPath, Problem
from .han import is_han
from .lazy_re import LazyPattern

Locator = Callable[[KeyPath], tuple[int | None, int | None]]

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
#: Nesting no outline, profile or declaration needs (an outline is ~8 levels deep); beyond it a
#: file is a mistake or an attack, refused before Python's recursion limit is near.
MAX_DEPTH = 64
#: Values in one file; guards against alias bombs that expand a small file into millions.
MAX_NODES = 200_000

#: The shapes of the usual mistakes, for hints on a file that failed to parse (compiled only
#: then: their non-ASCII classes cost ~2 ms, which every good file would pay at import).
_KEY = r"[^\s:：#'\"\[\]{}\-][^:：\s]{0,23}"
_FULL_WIDTH_KEY = LazyPattern(rf"^(\s*(?:-\s+)?)({_KEY})：")
#: A line that is structure, not text: a list item or a "key:".
_STRUCTURE = LazyPattern(rf"^(?:-\s|({_KEY})[:：])")
#: A full-width space (U+3000, what a Chinese input method types) where YAML needs spaces.
#: YAML takes it for text, never for indentation (YAML 1.1 §4.2: only spaces indent).
FULL_WIDTH_INDENT = "行首是全角空格(中文输入法下打的空格);缩进只能用半角空格,请改掉"


def _indented_full_width(line: str) -> bool:
    """Whether a line is structure ("- …", "key: …") indented with full-width spaces."""
    return line.startswith("\u3000") and bool(_STRUCTURE.match(line.lstrip(" \u3000")))
_NO_SPACE_KEY = LazyPattern(rf"^(\s*(?:-\s+)?)({_KEY}):(?=[^\s/])")
_KEY_VALUE = LazyPattern(rf"^(\s*(?:-\s+)?)({_KEY}):\s+(\S.*)$")

#: A value opening on * or & (a name hidden as "*同志"), which YAML reads as a reference.
_REFERENCE = "值以“*”或“&”开头时会被当作 YAML 的引用;请给整段文字加引号,如 谁: \"*同志\""
#: Fallbacks by PyYAML's wording (both loaders'), when the text shows no known mistake.
_GENERIC = (
    ("mapping values are not allowed",
     "这里不能出现“: ”;若文字本身含有冒号加空格,请给整段文字加引号"),
    ("could not find expected ':'", "缺少“: ”,或上一行的引号没有配对"),
    ("did not find expected key", "缩进不一致,或列表项与字段混在同一层"),
    ("did not find expected '-' indicator", "缩进不一致,或列表项与字段混在同一层"),
    # "谁: *同志", "**同志" for a hidden name (a fact copier): to YAML a value opening on * or
    # & is a reference, and "无法解析" said nothing of it
    ("found undefined alias", _REFERENCE),
    ("while scanning an alias", _REFERENCE),
    ("while scanning an anchor", _REFERENCE),
    ("found unexpected end of stream", "文件在引号或括号配对之前就结束了"),
    ("did not find expected node content",
     "这里缺少内容:括号“[ ]”“{ }”没有配对,或文字以“[”“{”开头却没有加引号"),
    ("found unknown escape character", "双引号内的反斜杠转义不合法,可改用单引号"),
    ("expected <block end>", "缩进不一致"),
    ("exceeded maximum nesting depth", f"嵌套层数过多(超过 {MAX_DEPTH} 层),请检查括号和缩进"),
    ("but found another document", "一个文件只能有一份内容(发现了多个以 --- 分隔的文档)"),
    ("found character", "这里有不能出现在 YAML 中的字符(如 Tab、@、`、%),可给整段文字加引号"),
    ("found a tab character", "不能用 Tab 缩进,请改用空格"),
)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _content(line: str) -> int:
    """Where a line's fields start: after a list item's "- ", as the item's next field is
    indented ("  - 小标题: 一" then "    段落: …" was told 缩进不一致 when a later character on
    that line was the error, a tester)."""
    stripped = line.lstrip(" ")
    if not stripped.startswith("- "):
        return _indent(line)
    return len(line) - len(stripped[1:].lstrip(" "))


def _opens_mapping(lines: list[str], number: int, prefix: str) -> bool:
    """Whether `key：…` on line `number` was meant as a key.  Outside a list item it can only
    be; as a list item ("- 同志们：") it is ordinary text unless the next line is indented
    under it as the item's next field ("- 小标题：…" then "  段落: …")."""
    if "-" not in prefix:
        return True
    following = next((line for line in lines[number:] if line.strip()), "")
    return _indent(following) > _indent(prefix)


def _diagnose(lines: list[str], first: int, last: int) -> tuple[int, int, str] | None:
    """(line, column, hint) of a known mistake on lines first..last (1-based), nearest the
    error first; None when the text shows none of them."""
    window = range(min(last, len(lines)), max(first, 1) - 1, -1)
    for number in window:
        line = lines[number - 1]
        leading = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in leading:
            return number, leading.index("\t") + 1, "不能用 Tab 缩进,请改用空格"
        if _indented_full_width(line):
            return number, 1, FULL_WIDTH_INDENT
    for number in window:
        line = lines[number - 1]
        if (match := _FULL_WIDTH_KEY.match(line)) and _opens_mapping(lines, number, match[1]):
            key = match[2]
            return (number, match.end(), f"“{key}”后面是全角冒号“：”;字段名后应写半角冒号加空格,"
                    f"如“{key}: …”")
        if match := _NO_SPACE_KEY.match(line):
            key = match[2]
            return (number, match.end(), f"“{key}:”后面缺少空格;字段名的冒号后要空一格,"
                    f"如“{key}: …”")
    for number in window:
        line = lines[number - 1]
        if not (match := _KEY_VALUE.match(line)) or match[3][0] in "\"'":
            continue
        value = match[3].rstrip()
        if value.endswith(":") and ": " not in value:
            # "称呼: 各位党员同志:" — the salutation's own colon typed half-width (a tester)
            return (number, match.start(3) + len(value),
                    f"“{match[2]}”的值以半角冒号“:”结尾;称呼一类文字末尾的冒号请写全角“：”,"
                    f"如 {match[2]}: {value[:-1]}：")
        if ": " in value:
            return (number, match.start(3) + 1,
                    f"“{match[2]}”的值中含有“: ”(冒号加空格);请给整段文字加引号,"
                    f"如 {match[2]}: \"{match[3][:12]}…\"")
    if last >= 2 and last <= len(lines):
        here, above = lines[last - 1], lines[last - 2]
        if (above.strip() and _KEY_VALUE.match(above) and _indent(here) > _content(above)
                and not above.rstrip().endswith((":", "|", ">"))):
            return last, _indent(here) + 1, ("缩进不一致:这一行比上一行缩进得多,"
                                             "但上一行的字段已经写了值")
    return None


def mistake(text: str, lines: int = 5) -> Problem | None:
    """A known mistake among the first lines of a text that parsed but not as "key: value"
    (`标题：…` alone is one plain string to YAML); None when there is none."""
    found = _diagnose(text.splitlines(), 1, lines)
    return Problem(f"YAML 格式错误:{found[2]}", None, found[0], found[1]) if found else None


def _syntax_error(error: yaml.YAMLError, text: str, filename: str | None) -> InputError:
    if isinstance(error, yaml.reader.ReaderError):  # a control character (BEL, ESC …)
        # The C loader counts its position in UTF-8 bytes, the Python one in characters: the
        # character's first place in the text is where either stopped.
        at = max(text.find(chr(error.character)), 0) if isinstance(error.character, int) else 0
        return InputError(Problem(
            f"YAML 格式错误:这里有一个看不见的控制字符(U+{error.character:04X}),多半是从别处"
            "复制来的;请删去它", filename, text.count("\n", 0, at) + 1,
            at - text.rfind("\n", 0, at)))
    if not isinstance(error, yaml.MarkedYAMLError):
        return InputError(Problem("YAML 格式错误:无法解析", filename))
    mark = error.problem_mark or error.context_mark
    if "escape" in (error.problem or "") and error.problem_mark:
        # before the quote test: the quotes are paired, a backslash inside "…" starts an escape
        # ("D:\材料\…" was told as an unclosed quote, a tester)
        escape = error.problem_mark
        return InputError(Problem(
            "YAML 格式错误:双引号里的反斜杠“\\”表示转义,这里的转义不合法(常见于 Windows 路径);"
            "请把这段文字的双引号改成单引号,或把 \\ 写成两个", filename, escape.line + 1,
            escape.column + 1))
    if "quoted scalar" in (error.context or "") and error.context_mark:
        mark = error.context_mark  # where the unclosed quote opens, not where the file ends
        quote = mark.line + 1, mark.column + 1
        return InputError(Problem("YAML 格式错误:引号没有配对(从这里开始的引号直到文件末尾都没有"
                                  "结束)", filename, *quote))
    flow = error.context or ""
    if ("flow sequence" in flow or "flow mapping" in flow) and error.context_mark:
        # Point at the bracket that opens, not where parsing gave up.
        opening = "[" if "sequence" in flow else "{"
        closing = "]" if opening == "[" else "}"
        return InputError(Problem(
            f"YAML 格式错误:从这里开始的“{opening}”没有配对的“{closing}”;写在一行的列表要用"
            f"“{closing}”结束,文字本身以“{opening}”开头时请给整段文字加引号", filename,
            error.context_mark.line + 1, error.context_mark.column + 1))
    line = mark.line + 1 if mark else None
    column = mark.column + 1 if mark else None
    detail = error.problem or ""
    if line is not None:
        context = error.context_mark.line + 1 if error.context_mark else line - 1
        found = _diagnose(text.splitlines(), min(context, line - 1), line)
        if found is not None and "nesting depth" not in detail:
            return InputError(Problem(f"YAML 格式错误:{found[2]}", filename, found[0], found[1]))
    said = f"{detail} {error.context or ''}"
    hint = next((h for key, h in _GENERIC if key in said), "无法解析")
    lines = text.splitlines()
    if line is not None and line > len(lines):  # the parser gave up at the end of the file:
        filled = [n for n, here in enumerate(lines, 1) if here.strip()]  # name the last line
        line, column = (filled[-1], None) if filled else (line, column)  # a person wrote
    return InputError(Problem(f"YAML 格式错误:{hint}", filename, line, column))


def compose(text: str, filename: str | None) -> yaml.Node | None:
    """The node tree of a one-document YAML text (None when empty), every error in Chinese,
    checked for depth, size and self-reference so that walking it cannot recurse forever."""
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as error:
        raise _syntax_error(error, text, filename) from None
    except RecursionError:  # the pure-Python loader recurses per nesting level
        raise InputError(Problem(f"YAML 格式错误:嵌套层数过多(超过 {MAX_DEPTH} 层),"
                                 "请检查括号和缩进", filename)) from None
    if text.startswith("\u3000") or "\n\u3000" in text:
        # parsed, but as text: "　- 小标题: 甲" was told as an unknown field "- 小标题" (a tester)
        for number, line in enumerate(text.splitlines(), 1):
            if _indented_full_width(line):
                raise InputError(Problem(f"YAML 格式错误:{FULL_WIDTH_INDENT}", filename,
                                         number, 1))
    if root is not None:
        _check_shape(root, filename)
    return root


def _check_shape(root: yaml.Node, filename: str | None) -> None:
    """Refuse nesting deeper than MAX_DEPTH, an anchor that contains itself, and alias bombs;
    iteratively, so the check itself cannot overflow the stack."""
    count = 0
    stack: list[tuple[yaml.Node, int, frozenset[int]]] = [(root, 1, frozenset())]
    while stack:
        node, depth, above = stack.pop()
        count += 1
        if count > MAX_NODES:
            raise InputError(Problem("YAML 内容过于庞大(可能含有层层展开的锚点引用),"
                                     "未读取", filename))
        mark = node.start_mark
        if id(node) in above:
            raise InputError(Problem("YAML 格式错误:锚点(&名称)在自己的内容中引用了自己(*名称),"
                                     "形成了循环", filename, mark.line + 1, mark.column + 1))
        if depth > MAX_DEPTH:
            raise InputError(Problem(f"YAML 格式错误:嵌套层数过多(超过 {MAX_DEPTH} 层),"
                                     "请检查括号和缩进", filename, mark.line + 1,
                                     mark.column + 1))
        if isinstance(node, yaml.MappingNode):
            inner = above | {id(node)}
            for key, value in node.value:
                stack.append((key, depth + 1, inner))
                stack.append((value, depth + 1, inner))
        elif isinstance(node, yaml.SequenceNode):
            inner = above | {id(node)}
            stack.extend((item, depth + 1, inner) for item in node.value)


def parse(text: str, filename: str | None, allow_empty: bool = False,
          notes: list[Problem] | None = None) -> tuple[Any, Locator]:
    """Plain data (every scalar as its source string, null as None) and where each value
    sits; a key written twice in one mapping is refused at its second place.  A text with no
    content is refused unless `allow_empty` (then the data is None).  `notes` receives what is
    legal YAML but probably not meant (see `_flow_splits`)."""
    root = compose(text, filename)
    if root is None:
        if allow_empty:
            return None, lambda path: (None, None)
        raise InputError(Problem("文件里没有内容", filename))
    marks: dict[KeyPath, tuple[int, int]] = {}

    def convert(node: yaml.Node, path: KeyPath) -> Any:
        marks.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
        if isinstance(node, yaml.MappingNode):
            out: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                key = convert(key_node, path + ("\0key",))
                key = "" if key is None else str(key) if not isinstance(key, str) else key
                if key in out:
                    raise _repeated(key, marks[path + (key,)][0], key_node, filename)
                marks[path + (key,)] = (key_node.start_mark.line + 1,
                                       key_node.start_mark.column + 1)
                out[key] = convert(value_node, path + (key,))
            return out
        if isinstance(node, yaml.SequenceNode):
            if notes is not None and node.flow_style:
                notes.extend(_flow_splits(node, text, filename))
            return [convert(item, path + (i,)) for i, item in enumerate(node.value)]
        if node.tag == "tag:yaml.org,2002:null":
            return None
        return node.value

    data = convert(root, ())  # depth is bounded by compose, so this recursion is too

    def locate(path: KeyPath) -> tuple[int | None, int | None]:
        # A list written as its one item ("正文:" then "  小标题: …", which the fields take
        # as a one-item list) has no index 0 in the file: its fields sit under the key itself
        # (an error in that item was placed at the 正文 line, a tester).
        while 0 in path and path not in marks:
            at = path.index(0)
            if path[:at] + path[at + 1:] not in marks:
                break
            path = path[:at] + path[at + 1:]
        while path and path not in marks:
            path = path[:-1]
        return marks.get(path, (None, None))

    return data, locate


def _flow_splits(node: yaml.SequenceNode, text: str,
                 filename: str | None) -> list[Problem]:
    """Half-width commas that split a flow list `[…]` between two Chinese characters: in
    `[一年来,全区…]` YAML reads two items where the writer meant one paragraph with a comma."""
    found = []
    for before, after in itertools.pairwise(node.value):
        plain = (None, "")  # the pure-Python loader says None, the C loader ""
        if not (isinstance(before, yaml.ScalarNode) and isinstance(after, yaml.ScalarNode)
                and before.style in plain and after.style in plain):
            continue
        between = text[before.end_mark.index:after.start_mark.index]
        if (between == "," and before.value and after.value and is_han(before.value[-1])
                and is_han(after.value[0])):
            mark = before.end_mark
            found.append(Problem(
                f"方括号列表中“{before.value[-6:]},{after.value[:6]}”处的半角逗号把文字分成了"
                "两项;若是一段话,请改用全角逗号“，”或给整段文字加引号",
                filename, mark.line + 1, mark.column + 1))
    return found


def _repeated(key: str, first: int, node: yaml.Node, filename: str | None) -> InputError:
    """A key written twice in one mapping: YAML keeps the last silently."""
    return InputError(Problem(f"字段“{key}”重复出现(第 {first} 行已写过);请删去其中一处",
                              filename, node.start_mark.line + 1, node.start_mark.column + 1))


def _refuse_repeated_keys(root: yaml.Node, filename: str | None) -> None:
    """The same check for data read without positions (a template's declaration): a label
    written twice in one field had the last win, and the outline was then told its title was
    missing (a tester, round 4)."""
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.MappingNode):
            seen: dict[str, int] = {}
            for key_node, value_node in node.value:
                if isinstance(key_node, yaml.ScalarNode):
                    if key_node.value in seen:
                        raise _repeated(key_node.value, seen[key_node.value], key_node, filename)
                    seen[key_node.value] = key_node.start_mark.line + 1
                stack.append(value_node)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)


def load(text: str, filename: str | None) -> Any:
    """Typed data (true → True, 16 → 16), as YAML itself reads it, with the same checks."""
    root = compose(text, filename)
    if root is None:
        return None
    _refuse_repeated_keys(root, filename)
    try:
        return yaml.constructor.SafeConstructor().construct_document(root)
    except yaml.YAMLError as error:
        raise _syntax_error(error, text, filename) from None
