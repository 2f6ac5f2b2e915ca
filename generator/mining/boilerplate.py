"""Site noise as data: header, footer, between-speech and in-text patterns.

Aggregator pages wrap the speeches in their own furniture.  Each rule is one line here; a new
site's noise is a new line, never a new branch in the code.  Patterns see normalised lines
(full-width punctuation, trimmed).
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class NoiseRule:
    """kind: header (drop the line), footer (the page's content ends here), between (drop the
    line), pagination (drop the line; the text before it continues on another page, so it is
    cut off here), inline (cut the match out of text)."""

    kind: str
    pattern: re.Pattern[str]


def _rules(kind: str, *patterns: str) -> list[NoiseRule]:
    return [NoiseRule(kind, re.compile(p)) for p in patterns]


RULES: list[NoiseRule] = [
    *_rules(
        "header",
        r"^时间：\d{4}-\d",
        r"^\|? ?收藏本文",
        r"^简介：",
        r"^下面是小编(整理|为大家|收集)",
        r"^(作者|来源|发布时间|浏览次数|点击)：",
        r"^当前位置：",
        r"^(首页|主页) ?[>›»]",
        r"^字号[：:]?\s*[大中小]",
        r"^(【?(打印|关闭|收藏)(本页|窗口)?】? ?){2,}$",
        r"^(责任编辑|文章来源|来源|编辑|审核|供稿|录入)：",
        r"^【?字体：",
        r"^分享到",
        r"^(扫一扫|扫描二维码)",
        r"^(阅读|浏览|点击)(次数|量)?：\s*\d+",
    ),
    *_rules(
        "footer",
        r"^下载.*(word格式文档|\.docx?)$",
        r"^将本文档下载到",
        r"^声明：本文内容由",
        r"^相关范文推荐$",
        r"^猜你喜欢$",
        r"^推荐度",
        r"^点击下载",
        r"^欢迎下载DOC格式",
        r"^(相关|热门|推荐|猜你)(文章|阅读|范文|推荐|喜欢)：?$",
        r"^免责声明",
        r"(Copyright|©)",
        r"^(上一篇|下一篇)：",
        r"^本文(网址|链接|地址)：",
        r"^版权(声明|所有)",
    ),
    *_rules(
        "between",
        r"^看过.*的人还看了：?$",
        r"^(相关|延伸)阅读：?$",
        r"\.{6}$",  # a teaser snippet: "同志们:今天的会议……......"
    ),
    *_rules(
        "pagination",
        r"^(\[\d+\])+下一页$",
        r"^(上一页|下一页|第\d+页|共\d+页)( |$)",
        r"^(\d+ ){2,}\d+$",
    ),
    *_rules(
        "inline",
        r"本文来自\S{0,4}之音网",
        r"公务员之家版权所有",
        r"爱思范文(网)?\d*",
        r"(更多|本文)(精彩)?内容(请)?(访问|来自)\S{0,12}(网|\.com|\.cn)",
        r"`",
    ),
]

#: Page-title count hints: "(共含18篇)", "(推荐18篇)", "[大全5篇]", "(5篇模版)".
COUNT_HINT = re.compile(
    r"[（\[【](?:共含|共|推荐|大全|精选)?(\d+|[一二三四五六七八九十]+)篇(?:模版|材料|范文)?[）\]】]"
)


def classify(line: str) -> str | None:
    """The kind of noise a whole line is, or None when it is content."""
    for rule in RULES:
        if rule.kind != "inline" and rule.pattern.search(line):
            return rule.kind
    return None


def strip_inline(line: str) -> str:
    """Cut watermarks out of a content line."""
    for rule in RULES:
        if rule.kind == "inline":
            line = rule.pattern.sub("", line)
    return line
