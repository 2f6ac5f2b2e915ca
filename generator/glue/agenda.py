"""The earlier items on the agenda, as the speech answers them: "刚才，…".

An item is a free-text sentence (its kind read from its verb) or a structured entry (who, which
kind, about what); either becomes a clause told as done and its kind, which picks the response
(作了工作报告 → 学习领会; 通报了 → 对照检查; 宣读了表彰决定 → 学习先进).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from .formulas import unpunctuated
from .speakers import comrade, junior
from .stock import Stock, load_stock

#: A notice is answered by what it notified: problems and accidents (对照检查、举一反三) or a
#: situation, a forecast, the results of an assessment (认清形势、心中有数) — "…通报了综合考评
#: 结果，给大家敲响了警钟" at an awards meeting (a blind reader, final reading of round 10).
_NOTICES = ("notice", "briefing")


#: What a commendation read out is, when its 内容 names it (决定, 通报, 命令…).
_READ_OUT = re.compile(r"决定|通报|通知|名单|命令|嘉奖令")


#: An item's topic that says the item's own act ("代表市委作机关作风整顿动员报告", a fact
#: copier): the act is said as done, not followed by the kind's act again.
_OWN_ACT = re.compile(r"作(?!了)(?=[^，。；]{0,24}(?:报告|讲话|发言|说明|动员|部署)$)")


#: An earlier item that says the vote is over.
VOTED = re.compile(r"选举产生了|选出了|当选为|(?:选举|投票)[^。；，]{0,6}结果")


#: Words an agenda phrase adds ("作了具体部署", "作了重要讲话") that the item's own subject may
#: hold already.
_PHRASE_WORDS = ("具体", "重要", "全面")


def agenda_kind(text: str) -> str:
    """An agenda item written as one sentence: its kind, read from its verb."""
    for entry in load_stock().agenda:
        if entry["verbs"] and re.search(entry["verbs"], text):
            return str(entry["kind"])
    return "other"


#: Verbs an agenda item of no listed kind begins with, which take 了 after them: "宣读学校
#: 校友总会…的批复" is said "宣读了…".
_ITEM_VERBS = ("宣读", "观看", "传达", "学习", "介绍", "签订", "颁发", "举行", "播放", "领读",
               "宣布", "通报", "解读", "展示", "汇报")


#: Acts an item of no listed kind may be named by, done with 进行了 ("入党宣誓" → "进行了入党宣誓").
_ITEM_ACTS = ("宣誓", "仪式", "签约", "授旗", "揭牌", "颁奖", "宣讲", "表决", "选举", "投票",
              "签字", "演示", "观摩", "授牌", "表演")


#: Agenda kinds whose speakers in a row are said in one clause (`agenda_items`).
_SPOKEN_IN_TURN = ("exchange", "testimony", "statement")


def _done(about: str) -> str:
    """An item of no listed kind told as done, as "刚才，…" tells it: "宣读…批复" → "宣读了…批复",
    "入党宣誓" → "进行了入党宣誓" ("刚才，…新党员入党宣誓。" read as a headline, a fact writer).
    Wording with its own 了 ("为…颁了奖"; not 了解), or that starts with a preposition or is a
    noun phrase the rules do not know, is kept as written: "进行了为…颁了奖" and "进行了上半年
    工作情况" were worse than the user's words (a tester)."""
    if re.search("了(?!解)", about) or about.startswith(("为", "向", "对", "给", "就", "由")):
        return about
    for verb in _ITEM_VERBS:
        if about.startswith(verb):
            return f"{verb}了{about[len(verb):]}"
    return f"进行了{about}" if about.endswith(_ITEM_ACTS) else about


def agenda_items(facts: Mapping[str, Any], stock: Stock) -> list[tuple[str, str]]:
    """(clause, kind) for each earlier item: free text first, then structured entries
    (`facts["earlier"]`, `facts["agenda"]`), the clause as "刚才，" goes on to tell it."""
    out = [(str(text), agenda_kind(str(text))) for text in facts.get("earlier") or ()]
    names = {str(e["name"]): str(e["kind"]) for e in stock.agenda}
    entries: list[tuple[str, str, str]] = []  # (who, kind, about)
    for entry in facts.get("agenda") or ():
        kind = names.get(str(entry.get("kind") or ""), entry.get("kind") or "other")
        kind = kind if kind in stock.agenda_phrases else "other"
        about = unpunctuated(entry.get("about"))
        who = comrade(unpunctuated(entry.get("who")))
        if entries and not about and entries[-1][1:] == (kind, ""):
            # two speakers of one kind in a row, neither saying on what: one clause, as
            # the hall heard it ("李华同志、王强同志作了发言", not a clause each; a tester)
            entries[-1] = (f"{entries[-1][0]}、{who}", kind, "")
        else:
            entries.append((who, kind, about))
    speaker = str(facts.get("speaker") or "")
    joinable = False  # whether the last item is a structured entry with its topic
    last_who = None
    for who, kind, about in entries:
        with_about, bare = stock.agenda_phrases[kind]
        if about.startswith(("代表", "受", "结合", "围绕", "针对", "就")):
            # "陆昊书记就代表团中央…" (a fact copier): whom he spoke for; "几位同志就结合
            # 自身…的体会" (craft review 8): the topic brings its own preposition
            with_about = with_about.replace("就{about}", "{about}")
        if kind == "other" and about:
            about = _done(about)
        if kind == "commendation":  # "宣读了宣读了《…决定》" (a fact copier)
            about = re.sub(r"^宣读(?:了)?", "", about)
        if kind == "commendation" and about and not _READ_OUT.search(about):
            # "宣读了2024年度优秀共产党员和先进基层党组织" read the honoured, not the
            # decision (craft review 6): what is read out is the decision on them
            about = f"关于表彰{about.removeprefix('表彰')}的决定"
        own_act = _OWN_ACT.search(about)
        if own_act:  # "代表市委作机关作风整顿动员报告" says its act: not "…报告作了工作报告"
            said = f"{who}{about[:own_act.start()]}作了{about[own_act.start() + 1:]}"
        else:
            said = (with_about if about else bare).format(who=who, about=about)
        if kind == "speech" and junior(who, speaker):
            # a deputy's remarks are answered as work laid out, not "我们要认真学习领会"
            # (a tester)
            said, kind = said.replace("重要讲话", "讲话"), "deployment"
        for word in _PHRASE_WORDS:  # "对…具体工作作了具体部署": the item's own word once
            if word in about:
                said = said.replace(f"作了{word}", "作了")
        if kind in _NOTICES:  # 类型: 通报 — what was notified says which kind
            kind = agenda_kind(said)
        act = "作了" + bare.split("作了", 1)[1] if "作了" in bare else ""
        if (about and joinable and kind in _SPOKEN_IN_TURN and out[-1][1] == kind
                and act and out[-1][0].endswith(act) and said.endswith(act)):
            # "清河区就…作了交流发言；桃源镇就…作了交流发言" (craft review 7): speakers
            # of one kind in a row, each on a topic, are one clause, their act said once
            out[-1] = (f"{out[-1][0][:-len(act)]}，{said}", kind)
            continue
        if who == last_who and said.startswith(who):
            # one speaker's items in a row name him once: "有关负责同志传达了…；有关负责
            # 同志通报了…；有关负责同志宣读了…" read as a form (craft review 8)
            said = said[len(who):]
        out.append((said, kind))
        joinable, last_who = bool(about), who
    return out
