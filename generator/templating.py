"""Templates: a registry of folders, a sandboxed Jinja environment, and facts → speech tree.

A template is a folder with `template.yaml` (its name, Chinese name, when to use it, and its
fields declared as data) and `speech.j2` (Jinja writing the line markup of markup.py).  The
built-in folders ship inside the package; `--template-dir` folders come first and may add or
override templates.  Jinja runs in an immutable sandbox with StrictUndefined: user values are
data, never code, and a template that reaches for Python internals is refused.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import cache, partial
from pathlib import Path
from typing import Any, NamedTuple

from . import reading, yaml_reader
from .advice import advice
from .data_cache import load_data
from .dates import DateError, format_date
from .errors import InputError, Problem, did_you_mean, suggestion
from .fields import Field, Locator, Validator, fields_from_data
from .glue.meeting import approver, occasion_of, this_body
from .glue.wording import Glue
from .lazy_re import LazyPattern
from .lexicon import DISTRIBUTIVE
from .markup import MarkupError, parse_markup
from .model import Section, Speech
from .numerals import spoken, to_chinese
from .outline_io import OUTLINE_FIELDS, outline_from_data
from .outline_io import speech_from_values as outline_values_to_speech
from .phrase_bank import phrase
from .resources import cache_dir, templates_dir

BUILTIN_DIR = templates_dir()
OUTLINE = "outline"
_TEMPLATE_FIELD = OUTLINE_FIELDS[0]
_END_PUNCTUATION = "。！？!?；;，,、：:"


class Template(NamedTuple):
    """A template as declared in its folder."""

    name: str
    title: str
    description: str
    fields: tuple[Field, ...]
    folder: Path

    @property
    def is_outline(self) -> bool:
        return self.name == OUTLINE


@cache
def _read_template(folder: Path) -> Template:
    """A template's declaration; its name is its folder's, so a lookup reads one folder only."""
    declaration = folder / "template.yaml"
    data = _declaration_data(declaration, "模板声明(template.yaml)") or {}
    try:
        if not isinstance(data, Mapping):
            raise ValueError("应为“键: 值”的形式(name、title、description、fields)")
        name = folder.name
        if data.get("name") not in (None, name):
            raise ValueError(f"name“{data['name']}”应与文件夹名“{name}”一致")
        fields = OUTLINE_FIELDS if name == OUTLINE else (
            _TEMPLATE_FIELD, *fields_from_data(_included(data.get("fields") or [])))
        if name != OUTLINE and not (folder / "speech.j2").is_file():
            raise ValueError("缺少 speech.j2")
        return Template(name, str(data.get("title", name)), str(data.get("description", "")),
                        fields, folder)
    except ValueError as error:
        raise InputError(Problem(f"模板声明有误:{error}", str(declaration))) from None


def _declaration_data(path: Path, what: str) -> Any:
    """A declaration file's data.  The built-in ones ship with the package and are checked by
    its tests, so they are read from the parsed copy in the cache folder (a few ms of every
    render, issue 9); a user's are read with positions and the Chinese hints."""
    if path.is_relative_to(BUILTIN_DIR):
        return load_data(path)
    return yaml_reader.load(reading.read_text(path, reading.MAX_OUTLINE, what), str(path))


def _included(items: Any) -> Any:
    """Field declarations with each `- include: NAME` replaced by templates/NAME.fields.yaml:
    the fields every built-in template shares (glue choice, the speaker's own voice).  An
    `examples:` mapping beside it (key → value) gives this template's example for a shared
    field, so that its scaffold fills it in (each scaffold its own 主办单位: the glue is chosen
    by the organiser, and scaffolds without one closed alike)."""
    if not isinstance(items, list):
        return items
    out: list[Any] = []
    for item in items:
        if isinstance(item, Mapping) and "include" in item and set(item) <= {"include",
                                                                             "examples"}:
            shared = BUILTIN_DIR / f"{item['include']}.fields.yaml"
            if not shared.is_file():
                raise ValueError(f"include 的字段文件不存在:{shared.name}")
            examples = item.get("examples") or {}
            fields = _declaration_data(shared, "模板共用字段") or []
            unknown = set(examples) - {f.get("key") for f in fields}
            if unknown:
                raise ValueError("include 的 examples 里有共用字段中没有的键:"
                                 + "、".join(sorted(map(str, unknown))))
            out.extend({**f, "example": examples[f["key"]]} if f.get("key") in examples else f
                       for f in fields)
        else:
            out.append(item)
    return out


def _roots(extra_dirs: Sequence[Path]) -> list[Path]:
    """Template roots, the one that wins first: the last --template-dir … the built-ins."""
    roots = [Path(d).resolve() for d in reversed(extra_dirs)]
    for root in roots:
        if root.is_file():
            raise InputError(Problem("这是一个文件,不是模板目录;--template-dir 后面应写存放模板的"
                                     "文件夹(其中每个模板一个子文件夹)", str(root)))
        if not root.is_dir():
            raise InputError(Problem("模板目录不存在", str(root)))
        if (root / "template.yaml").is_file():
            # the template's own folder named: "没有名为“我的模板”的模板" (a tester)
            raise InputError(Problem(
                f"这个文件夹本身就是一个模板(“{root.name}”);--template-dir 要写存放模板的上一级"
                f"文件夹:{root.parent}", str(root)))
    return [*roots, BUILTIN_DIR]


def templates(extra_dirs: Sequence[Path] = (),
              unreadable: list[InputError] | None = None) -> dict[str, Template]:
    """Every available template by name: the built-ins, overridden by `--template-dir` ones.

    A folder whose declaration cannot be read is left out, and its error appended to
    `unreadable` when a list is given: one Explorer copy, "我的 - 副本", made every template of
    the folder unlistable (a tester, round 2).  Asked for by name, it still gives its own
    error."""
    found: dict[str, Template] = {}
    for folder in _folders(extra_dirs):
        try:
            found[folder.name] = _read_template(folder)
        except InputError as error:
            if unreadable is not None:
                unreadable.append(error)
    return found


def _folders(extra_dirs: Sequence[Path]) -> list[Path]:
    """Template folders, the built-ins first, so a --template-dir one of the same name wins."""
    return [folder for root in reversed(_roots(extra_dirs))
            for folder in sorted(p for p in root.iterdir() if (p / "template.yaml").is_file())]


def get_template(name: str, extra_dirs: Sequence[Path] = ()) -> Template:
    if name and not name.startswith(".") and "/" not in name and "\\" not in name:
        for root in _roots(extra_dirs):
            if (root / name / "template.yaml").is_file():
                return _read_template(root / name)
    available = templates(extra_dirs)
    hint = suggestion(did_you_mean(name, list(available)))
    raise InputError(f"没有名为“{name}”的模板。{hint}可用的模板:{'、'.join(available)}"
                     "(speechgen templates 可查看说明)")


# Filters a speech writer needs.  They take user values as data and return plain text.

def chinese_number(value: int) -> str:
    return to_chinese(int(value))


def spoken_number(value: int) -> str:
    """A count before a measure word, as numerals.spoken says it: 两点, 三个方面."""
    return spoken(int(value))


def enumerate_points(items: Iterable[str], verb: str = "是") -> str:
    """一是…;二是…;三是…。 — the inline enumeration of the genre, one sentence.

    A single item is not enumerated: "一是" promises a "二是" the listener then waits for.
    Its verb stays unless it is the bare copula 是 (一要加强学习 → 要加强学习).  Items that
    each open on a word for some of a group (lexicon.DISTRIBUTIVE: "有的乡镇…", "少数村…") are
    divided already and run on without numbers ("有的…；少数…。"): a pairs reader named the same
    "一是…二是…三是…" problem list in every draft as the program's skeleton (pairs6).
    """
    parts = [str(item).strip().rstrip(_END_PUNCTUATION) for item in items]
    parts = [p for p in parts if p]
    if len(parts) == 1:
        return ("" if verb == "是" else verb) + parts[0] + "。"
    if verb == "是" and all(p.startswith(DISTRIBUTIVE) for p in parts):
        return "；".join(parts) + "。"
    body = "；".join(f"{to_chinese(i)}{verb}{p}" for i, p in enumerate(parts, 1))
    return body + "。" if body else ""


def join_dunhao(items: Iterable[str]) -> str:
    return "、".join(str(item).strip() for item in items if str(item).strip())


def chinese_date(value: Any) -> str:
    try:
        return format_date(value)
    except DateError as error:
        raise InputError(str(error)) from None


def sentence(text: str | None) -> str:
    """A clause as a finished sentence: trailing commas become 。; an existing end is kept.
    A closing quote ends it only after an end mark ("…说：“…。”"): "牢牢把握“十二个坚持”"
    ran on into its paragraph without one (a fact copier)."""
    text = (text or "").strip()
    if not text:
        return ""
    if text[-1] in "。！？!?…" or (text[-1] == "”" and text[-2:-1] in tuple("。！？!?…")):
        return text
    return text.rstrip(_END_PUNCTUATION) + "。"


def clause(text: str | None) -> str:
    """A value to be followed by more words: its closing punctuation removed."""
    return (text or "").strip().rstrip(_END_PUNCTUATION)


#: A paragraph that already tells the listener a list follows ("…重点抓好以下几个方面的工作。",
#: "…主要有："): the glue adds no second lead-in after it, which blind readers took for a seam.
_ANNOUNCES_LIST = re.compile(r"(?:以下|如下|下列|下面)[^。！？；]{0,16}[。：:]?$|[：:]$")


def announces_list(text: Any) -> bool:
    return bool(_ANNOUNCES_LIST.search(str(text or "").strip()))


def counting(text: Any) -> bool:
    """A paragraph that states figures (2024年… 9亿千瓦时, 3.2小时): "主要表现在以下几个方面"
    after it reads as a seam (third blind reading), the figures being the judgement already.
    An ordinal is no figure: "…迎来第41个教师节" sets the scene and opens the speech."""
    return bool(re.search(r"(?<![第\d.])\d[\d.]*\s*(?:%|个|名|家|亩|人|户|项|件|元|亿|万|吨|小时"
                          r"|千瓦时)", str(text or "")))


#: A first sentence that dates the occasion ("在第41个教师节到来之际…", "七一前夕…", "金秋九月，
#: 我们迎来了…", "再过两天就是…"): the convention opens a speech with it, before the purpose.
_DATES_THE_OCCASION = re.compile(r"^[^。！？]{0,40}?(?:之际|前夕|来临|到来|迎来|即将|周年|佳节)"
                                 r"|^再过[^。！？，]{1,6}就是")


def dates_occasion(text: Any) -> bool:
    return bool(_DATES_THE_OCCASION.search(str(text or "").strip()))


#: Words by which a heading already asks something of its audience: "书记要亲自抓",
#: "必须守住底线", "决不允许…".  Such a heading is said as it stands; "要" before it doubles the
#: demand ("要书记要亲自抓", named by a fact writer, round 9).
#: "希望大家…" asks already too: "要希望大家放眼全局" (a lone part of a commendation drafted
#: from a real page's facts).
_DEMANDING = ("要", "必须", "务必", "应当", "应该", "需要", "不能", "不得", "决不", "坚决", "切实",
              "希望")


def demanding(text: Any) -> bool:
    return any(word in str(text or "") for word in _DEMANDING)


#: A heading that names its topic first and then what is to become of it ("已列入清单的隐患
#: 限期整改", "受灾群众的生活全部安置到位"): "要" before it read "要已列入清单的隐患…" aloud
#: (a fact writer); such a heading is a sentence as written.  Read by its shape: a phrase with
#: 的 before a noun, then an adverb of how or when.
_TOPIC_FIRST = LazyPattern(
    r"^[^，、；]{1,20}?的\w{1,6}?"
    r"(?:要|须|必须|限期|立即|及时|全部|全面|一律|尽快|按时|逐一|逐项|统一|均|都|已|一并)")


def restated(heading: Any, paragraph: Any) -> bool:
    """Whether a paragraph's first sentence already says every character of a heading ("稳面积"
    before "要稳住播种面积…"): a lone point's heading said before it reads "要稳面积。要稳住…"
    (a tester), and drops no word of the user's when left out."""
    head = [char for char in str(heading or "") if "\u4e00" <= char <= "\u9fff"]
    first = re.split(r"[。！？]", str(paragraph or ""), maxsplit=1)[0]
    return bool(head) and all(char in first for char in head)


def orders(text: Any) -> bool:
    """Whether a heading reads as an order once "要" goes before it: not one that names its
    topic first (_TOPIC_FIRST)."""
    return not _TOPIC_FIRST.match(str(text or ""))


#: A heading that names a field and the new result it is to reach, with no verb ("智慧消防新突
#: 破", "基层治理新局面"): "要智慧消防新突破" has no verb (a lone point drafted from a real page's
#: facts).  Said as "智慧消防要实现新突破", with the verb the result goes with in the genre
#: (取得新成效, 迈上新台阶, 开创新局面; CORPUS.md's closings and headings).
_NEW_RESULT_VERBS = {"突破": "实现", "提升": "实现", "跨越": "实现", "成效": "取得", "进展": "取得",
                     "成绩": "取得", "台阶": "迈上", "局面": "开创", "篇章": "谱写", "高度": "达到",
                     "水平": "达到", "气象": "展现", "面貌": "展现", "作为": "有", "变化": "有"}
_NEW_RESULT = LazyPattern(
    r"^(?P<field>[^，、；。]{2,16}?)新(?P<result>" + "|".join(_NEW_RESULT_VERBS) + r")$")


#: Headings that are no order however "要" goes before them (craft review 8, drafts from real
#: pages' facts): a sentence of their own with 是 ("要双拥工作是根基"), a quoted or titled
#: topic first ("要“两学一做”，关键在于学好党章"), and a lecture's expository heading, a noun
#: naming what is explained ("要廉政的内涵和历史沿革", "要概述").  实事求是 is an order's object.
_NO_ORDER = LazyPattern(
    r"^[“《「‘]"
    r"|^[^，。；]{2,14}?(?<!实事求)是(?![非否])"
    r"|(?:内涵|沿革|概述|综述|含义|由来|历程|渊源|演变|要义|本质特征|主要特征|基本特征|启示)$"
    # a thing done ("要群众路线写进了党章"), where a lecture begins ("要从老墙根…说起") and a
    # subject with the result it reached, a review's heading under the tasks ("要全市基层党建工作
    # 取得明显成效"), fact copiers
    r"|[^为]了|^从.*(?:说起|谈起|讲起)$"
    r"|^[^，。；]{2,16}?(?:工作|建设|事业|质量|队伍|作风|组织|党建|环境|秩序)"
    r"(?:取得|实现|迈上|开创|得到|达到|走在)")


def demand(heading: Any) -> str:
    """A heading said as a demand of the audience, for a point said alone without its number:
    "提升…能力" → "要提升…能力"; one that asks already ("书记要亲自抓", `demanding`) or names
    its topic first ("已列入清单的隐患限期整改", `orders`) or is no order at all (`_NO_ORDER`)
    stays as written; a field and its new result gets the verb the result goes with
    ("智慧消防要实现新突破")."""
    text = str(heading or "")
    if demanding(text) or not orders(text) or _NO_ORDER.search(text):
        return text
    found = _NEW_RESULT.match(text)
    if found and not any(verb in found["field"] for verb in set(_NEW_RESULT_VERBS.values())):
        return f"{found['field']}要{_NEW_RESULT_VERBS[found['result']]}新{found['result']}"
    return "要" + text


#: The kind of body a name ends with, by which it is called once named ("石门村金穗粮食种植
#: 专业合作社" → 合作社): "做好石门村金穗粮食种植专业合作社工作" read its whole name into a
#: formula (a fact writer).
_BODY_KIND = re.compile(r"(?:合作社|协会|商会|联合会|研究会|促进会|学会|基金会|联谊会|联盟)$")
#: Names this long or shorter are said whole: "区商会" and a party body ("区商会党委", which
#: has no short name of its kind) stay as written.
_SHORT_ENOUGH = 8


def short_name(text: Any) -> str:
    """An organisation as its own members call it after its full name was said: the kind of
    body its name ends with, when the name is longer than _SHORT_ENOUGH; else the name."""
    name = str(text or "")
    found = _BODY_KIND.search(name)
    return found[0] if found and len(name) > _SHORT_ENOUGH else name


FILTERS = {
    "cn": chinese_number,
    "demand": demand,
    "spoken": spoken_number,
    "enum": enumerate_points,
    "dunhao": join_dunhao,
    "cn_date": chinese_date,
    "sentence": sentence,
    "clause": clause,
    "short_name": short_name,
    "occasion": occasion_of,
    "approver": approver,
    "this_body": this_body,
}


@cache
def _environment(search_path: tuple[Path, ...]):
    # Imported here: jinja2 costs ~50 ms and rendering an outline does not need it.
    from jinja2 import FileSystemBytecodeCache, FileSystemLoader, StrictUndefined, TemplateNotFound
    from jinja2.loaders import split_template_path

    from .sandbox import BudgetedSandbox

    # Compiling base, macros, moves and a speech template costs ~30 ms a process; the cache
    # keys on each template's source, so an edited template is compiled afresh.
    folder = cache_dir()
    class _Loader(FileSystemLoader):
        """A template file read as every user file is (`reading.decode`): a speech.j2 saved
        by Notepad as "ANSI" (GBK) ended in a UnicodeDecodeError traceback, and one saved
        "UTF-8 with BOM" had its first line refused (a tester)."""

        def get_source(self, environment: Any, template: str) -> tuple[str, str, Any]:
            for root in self.searchpath:
                path = Path(root, *split_template_path(template))
                if path.is_file():
                    mtime = path.stat().st_mtime
                    return _template_text(path), str(path), partial(_unchanged, path, mtime)
            raise TemplateNotFound(template)

    env = BudgetedSandbox(
        bytecode_cache=FileSystemBytecodeCache(str(folder)) if folder else None,
        loader=_Loader([str(p) for p in search_path]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
        auto_reload=False,
        # an optional fact left out is None: printed, it read "None" in a draft (a tester)
        finalize=lambda value: "" if value is None else value,
    )
    env.filters.update(FILTERS)
    env.tests["announcing"] = announces_list
    env.tests["counting"] = counting
    env.tests["dating"] = dates_occasion
    env.tests["restated"] = restated
    env.globals["phrase"] = phrase  # the phrase bank's glue, chosen by a template's variant field
    return env


def _template_text(path: Path) -> str:
    """A template file's text, read as every user file is (an empty one is allowed: it
    renders nothing, which `speech_from_facts` tells)."""
    return reading.read_text(path, reading.MAX_OUTLINE, "模板文件(UTF-8 或 GBK 文本)",
                             allow_empty=True)


def _unchanged(path: Path, mtime: float) -> bool:
    """Whether a template file is as it was loaded (Jinja's "up to date" test)."""
    try:
        return path.stat().st_mtime == mtime
    except OSError:
        return False


def render_markup(template: Template, values: Mapping[str, Any],
                  extra_dirs: Sequence[Path] = ()) -> str:
    """The template's markup for validated values; template bugs become InputError."""
    from jinja2 import TemplateError, TemplateNotFound, TemplateSyntaxError
    from jinja2.exceptions import SecurityError, UndefinedError

    from .sandbox import RangeBudget, TooMuchWork

    search_path = (template.folder, *(Path(d).resolve() for d in extra_dirs), BUILTIN_DIR)
    env = _environment(search_path)
    where = str(template.folder / "speech.j2")

    def refuse(message: str, error: BaseException) -> InputError:
        return InputError(Problem(message, *_template_line(error, where)))

    try:
        # Each render gets its own glue: it remembers the formulas this speech has used.
        # Each render also gets its own range(), which counts the items of all its loops.
        return env.get_template("speech.j2").render({**values, "range": RangeBudget(),
                                                     "glue": Glue(template.name, values)})
    except InputError:
        raise  # a filter's own message about the user's facts
    except SecurityError as error:
        raise refuse("模板试图访问受保护的内部属性(如 __class__),已拒绝执行", error) from error
    except TemplateSyntaxError as error:
        unknown = re.search(r"No (filter|test) named '([^']+)'", error.message or "")
        message = (f"模板用了不存在的{'过滤器' if unknown[1] == 'filter' else '测试'}"
                   f"“{unknown[2]}”" if unknown else
                   "模板语法错误:请检查 {% %}、{{ }} 是否配对,指令是否写对")
        raise InputError(Problem(message, error.filename or where, error.lineno)) from error
    except TemplateNotFound as error:
        raise refuse(f"模板要引用的文件“{error.name}”不存在;请检查文件名,或把它放进模板文件夹",
                     error) from error
    except UndefinedError as error:
        raise refuse(_undefined(error.message or ""), error) from error
    except TemplateError as error:
        raise refuse(f"模板出错,无法生成{advice('debug')}", error) from error
    except TooMuchWork as error:
        raise refuse(str(error), error) from error
    except OverflowError as error:  # the sandbox's cap on one range()
        from jinja2.sandbox import MAX_RANGE

        raise refuse(f"模板中的循环过大:range() 最多 {MAX_RANGE} 项,已停止", error) from error
    except RecursionError as error:
        raise refuse("模板中的宏或继承层层调用自己,无法结束,已停止", error) from error
    except Exception as error:  # an expression that fails on the facts: {{ title + 1 }}, 1 // 0
        raise refuse(f"模板中的表达式运行出错({type(error).__name__}: {error});请检查这一行",
                     error) from error


def _undefined(message: str) -> str:
    """Jinja's UndefinedError in words: the variable not declared, or the item not there."""
    if name := re.search(r"'([^']+)' is undefined|has no attribute '([^']+)'", message):
        return (f"模板使用了未声明的变量 {name[1] or name[2]};请在 template.yaml 中声明,"
                "或检查拼写")
    if item := re.search(r"has no element (\S+)", message):
        return f"模板取了列表中不存在的第 {item[1]} 项(从 0 数起);请先判断列表有多长"
    return "模板使用了未声明的变量;请在 template.yaml 中声明,或检查拼写"


def _template_line(error: BaseException, where: str) -> tuple[str, int | None]:
    """(file, line) of the template line that raised `error`: Jinja rewrites the traceback so
    its frames carry the template's own file and line.  The innermost template frame wins;
    without one, speech.j2 and no line.  Runtime errors gave no line at all (a tester)."""
    found: tuple[str, int | None] = (where, None)
    tb = error.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            found = (filename, tb.tb_lineno)
        tb = tb.tb_next
    return found


def speech_from_facts(template: Template, values: Mapping[str, Any],
                      extra_dirs: Sequence[Path] = ()) -> Speech:
    markup = render_markup(template, values, extra_dirs)
    where = str(template.folder / "speech.j2")
    try:
        speech = parse_markup(markup, template.name)
    except MarkupError as error:
        raise InputError(Problem(str(error), where, _source_line(template, error.line))) from None
    if not template.is_outline:
        _unnumber_lone_part(speech)
    if not (speech.title or "").strip():
        # an empty speech.j2 wrote a 1-byte draft, exit 0; one without "title:" a draft with
        # no title (a tester, round 4)
        raise InputError(Problem("模板输出的讲话稿没有标题:speech.j2 里应有一行“title: …”,"
                                 "且它的值不能为空" if markup.strip() else
                                 "模板没有输出任何内容;请检查 speech.j2", where))
    return speech


#: A weak scheme (``Scheme.strong`` false): its lone item leading its paragraph has no marker
#: (numbering.numbered).
LONE_SCHEME = "首先，"


def _unnumber_lone_part(speech: Speech) -> None:
    """A draft of one part only says it as a paragraph led by its heading, not under a lone
    "一、": "下面，我讲一点意见。一、管好用好集体资产…" with no 二、 is the seam a lone "一是"
    is (craft review 5).  A part with points of its own keeps its number (its points hang on
    it), and so does one the template numbered its own way.  Its heading is then said as a
    demand ("要管好用好集体资产…。"), as a lone point below a part is (macros.j2 ``lone``)."""
    if len(speech.sections) != 1:
        return
    part = speech.sections[0]
    if len(part.sections) > 1 and not part.numbering and part.heading:
        _raise_points(speech, part)
        return
    if part.sections or not part.paragraphs or part.numbering or not part.heading:
        return
    part.numbering = LONE_SCHEME
    part.lead = True
    part.heading = _lone_heading(part)


def _lone_heading(part: Section) -> str:
    """A lone part's heading said without its number: as a demand, as a lone point is
    (macros.lone), where the part asks things of its audience; not a lesson's or a situation's
    ("要…形势严峻")."""
    return demand(part.heading) if part.role in ("tasks", "guarantee") else part.heading


def _raise_points(speech: Speech, part: Section) -> None:
    """A lone part's points are the speech's own: "一、压紧压实责任…" over (一)(二) with no 二、
    is the lone-number seam again (craft review 9).  The heading is said in the opening as the
    sentence the points serve ("要压紧压实责任，全力做好…各项工作。"), the part's lead-in after it;
    the points take the first level (一、二、), and what closes the part goes before the
    speech's closing."""
    speech.opening += [sentence(_lone_heading(part)), *part.paragraphs]
    for point in part.sections:
        point.lead = None
        point.role = point.role or part.role
    speech.sections = part.sections
    speech.closing[:0] = part.closing


def _source_line(template: Template, output: str) -> int | None:
    """The speech.j2 line an output line most likely came from: the one line that begins with
    the output line's first four characters, None when not exactly one does (a line that
    begins with {{ }} is not found).  An unknown line was placed only by its number in the
    output (a tester)."""
    head = output.strip()[:4]
    if not head:
        return None
    try:
        lines = _template_text(template.folder / "speech.j2")
    except InputError:
        return None
    found = [n for n, line in enumerate(lines.splitlines(), 1) if line.strip().startswith(head)]
    return found[0] if len(found) == 1 else None


def template_name(data: Mapping[str, Any], chosen: str | None = None) -> tuple[str, str | None]:
    """Which template a document asks for, and the key it used (None when given or defaulted).

    The one place that decides "outline or template": an explicit choice wins, then the
    document's `template:`/`模板:` field, else the outline itself.
    """
    if chosen:
        return str(chosen).strip(), None
    key = next((k for k in _TEMPLATE_FIELD.names if data.get(k)), None)
    return (str(data[key]).strip(), key) if key else (OUTLINE, None)


def speech_from_values(template: Template, values: Mapping[str, Any],
                       extra_dirs: Sequence[Path] = ()) -> Speech:
    """Validated values → the tree: an outline is the tree already, facts go through Jinja."""
    if template.is_outline:
        speech = outline_values_to_speech(values)
        speech.template = OUTLINE
        return speech
    return speech_from_facts(template, values, extra_dirs)


def build_speech(data: Any, locate: Locator, filename: str | None,
                 template_name_: str | None = None, extra_dirs: Sequence[Path] = ()) -> Speech:
    """Any input document → the speech tree, through the template it names (or is given).

    An outline without --template-dir is read without the template registry: reading the
    registry's folders would cost more than the whole outline.
    """
    if not isinstance(data, Mapping):
        raise InputError(Problem("提纲的最外层应为“字段: 值”的形式", filename))
    name, key = template_name(data, template_name_)
    _roots(extra_dirs)  # a missing --template-dir is the option's fault, not the document's
    if name == OUTLINE and not extra_dirs:
        speech = outline_from_data(data, locate, filename)
        speech.template = OUTLINE
        return speech
    try:
        template = get_template(name, extra_dirs)
    except InputError as error:
        # An unknown name is the outline's fault; a broken template.yaml keeps its own place.
        line, column = locate((key,)) if key else (None, None)
        problems = [p if p.file else
                    Problem(p.message, filename, line, column, key, ("template",) if key else ())
                    for p in error.problems]
        raise InputError(problems) from None
    validator = Validator(filename, locate)
    values = validator.group(data, template.fields)
    if validator.problems:
        raise InputError(validator.problems)
    return speech_from_values(template, values, extra_dirs)
