"""No seams: every template, with every optional field left out alone and every pair left out
together, reads as finished Chinese — nothing dangles, nothing doubles, no phrase loses its
subject, the response fits the agenda, and every fact still given is still in the draft."""

from __future__ import annotations

import itertools
import re
from functools import cache

import pytest
from conftest import EXAMPLES
from test_genre_templates import ALL, recap, scaffold_data, speech_from

from generator.blocks import blocks
from generator.fields import Field
from generator.glue.agenda import agenda_kind
from generator.templating import get_template
from generator.text_writer import render_text

#: Facts for the optional fields a scaffold leaves empty, by key: plausible, and generic
#: enough for every template.
FILL: dict[str, object] = {
    "subtitle": "——在全县重点工作推进会议上的讲话",
    "salutation": "同志们：",
    "earlier_response": "我完全同意",
    "heading": ["压实工作责任", "强化督查问效", "改进工作作风", "加强统筹协调", "严明工作纪律",
                "夯实基层基础", "提升服务水平", "健全长效机制"],
    "causes": "上级的正确领导和全体同志的共同努力",
    "outlook": "今年的改革发展任务依然艰巨繁重",
    "goal": "圆满完成全年各项目标任务",
    "signoff": "谢谢大家！",
    "organiser": "县委办公室",
    "judgement": "我看，这次会议开得很及时，也很有必要",
    "request": "会后，请各位把今天的要求原原本本带回去",
    "modest_close": "我就讲这些",
    "greeting": "大家上午好！",
    "guests": "前来指导的各位领导和来宾",
    "commended": "受到表彰的先进集体和先进个人",
    "on_behalf": "县委",
    "owner": "县交通运输局",
    "deadline": "9月30日",
    "season": "年初",
    "variant": 2,
    "close": [["各单位要对照这些要求，逐条抓好落实。"], ["这几项工作环环相扣，不能顾此失彼。"],
              ["对落实不力的，要及时督促整改。"], ["各牵头部门要每月报告一次进展。"]],
    "intro": [["要坚持问题导向，逐项推进。"], ["这项工作群众关注度高，必须抓紧抓好。"],
              ["要把握节奏，分步实施。"], ["要注重统筹，形成合力。"]],
    "paragraphs": [["要结合实际细化措施，确保取得实效。"], ["要建立工作台账，逐月对账销号。"],
                   ["要加强部门协作，及时解决推进中的难点。"], ["要及时总结经验，推动面上工作。"]],
    "closing": ["同志们，任务已经明确，请大家抓紧抓实。"],
    "context": ["当前，各项工作正处在爬坡过坎的关键阶段。"],
    "problems": ["工作推进还不够平衡", "有的同志作风还不够扎实"],
    "earlier": ["县应急管理局通报了近期安全生产形势"],
    "agenda": [{"谁": "县发展改革局", "类型": "交流发言", "内容": "重点项目"}],
}
#: Fields a user's own closing paragraphs replace (the template's help says so).
SUPERSEDED = {"outlook", "goal", "leadership"}
#: Facts that only qualify another: with all of their anchors left out there is nothing for
#: them to say (on whose behalf, with no one to congratulate or thank).
ANCHORS = {"on_behalf": ("commended", "thanked"), "earlier_response": ("earlier", "agenda")}
#: Fields that choose the glue and never show as text themselves.
INVISIBLE = {"template", "organiser", "level", "meeting_kind", "season", "speaker_place",
             "variant", "kind", "numbering", "type"}
#: A response to earlier items that does not fit what they were (issue 14's tells).
MISFITS = {
    "notice": ("学习领会", "相互学习", "取长补短"),
    "exchange": ("学习领会", "举一反三", "对照检查"),
    "statement": ("学习领会", "举一反三"),
    "commendation": ("举一反三", "对照检查", "学习领会"),
    "report": ("举一反三", "取长补短", "相互学习"),
    "speech": ("举一反三", "取长补短", "相互学习"),
}
DEBRIS = re.compile(
    r"、[、，。：；！]|，[，。：；！、]|：[。，；：]|。[，。、]|“”|（）|\(\)|《》|【】|\{|\}|None"
    r"|贡献作出|贡献而努力|向表示|代表向|在的(?:坚强|正确)领导|为而|就讲[一二三四五六七八九十两几]|由负责|，前完成|是的结果|让我们，|希望，|确保。|同志们，。"
)
DOUBLED = re.compile(r"([\u4e00-\u9fff]{2,8})\1")
#: A meeting named for a verb whose purpose is that verb again ("召开……部署会，主要是部署……").
MEETING_VERB = re.compile(
    r"(部署|推进|动员|调度|分析|总结|表彰|培训|座谈|交流|选举)(?:大)?会(?:议)?$")


#: Keys whose FILL is a list of alternatives: each use takes the next, as a writer would not
#: repeat one sentence under every part.
VARIED = {"heading", "close", "intro", "paragraphs"}


def complete(name: str) -> dict:
    """The scaffold with every optional field it leaves empty filled from FILL."""
    data = scaffold_data(name)
    uses = dict.fromkeys(VARIED, 0)

    def fact(key: str) -> object:
        if key not in VARIED:
            return FILL[key]
        options = FILL[key]
        assert isinstance(options, list)
        uses[key] += 1
        return options[(uses[key] - 1) % len(options)]

    def fill(fields: tuple[Field, ...], holder: dict) -> None:
        for spec in fields:
            if spec.key == "template":
                continue
            if spec.label not in holder:
                if spec.key in FILL:
                    holder[spec.label] = fact(spec.key)
                elif spec.type == "group":
                    holder[spec.label] = {}
                elif spec.type == "list" and spec.fields:
                    holder[spec.label] = [{}]
                else:
                    continue
            value = holder[spec.label]
            if spec.fields and isinstance(value, dict):
                fill(spec.fields, value)
            elif spec.fields and isinstance(value, list) and value and isinstance(value[0], dict):
                for item in value:
                    fill(spec.fields, item)

    data.setdefault("标题", f"在{data['会议名称']}上的讲话")  # a title names its meeting
    fill(get_template(name).fields, data)
    return data


def optional_paths(name: str, data: dict) -> list[tuple]:
    paths = []

    def walk(fields, holder, prefix):
        for spec in fields:
            if spec.label not in holder or spec.key == "template":
                continue
            if not spec.required:
                paths.append((*prefix, spec.label))
            value = holder[spec.label]
            if spec.fields and isinstance(value, dict):
                walk(spec.fields, value, (*prefix, spec.label))
            elif spec.fields and isinstance(value, list) and value and isinstance(value[0], dict):
                walk(spec.fields, value[0], (*prefix, spec.label, 0))

    walk(get_template(name).fields, data, ())
    return paths


def without(data: dict, *paths: tuple) -> dict:
    import copy

    data = copy.deepcopy(data)
    for path in sorted(paths, key=len, reverse=True):
        holder = data
        try:
            for key in path[:-1]:
                holder = holder[key]
            del holder[path[-1]]
        except (KeyError, IndexError, TypeError):
            pass  # an ancestor is already gone
    return data


def visible_facts(name: str, data: dict) -> list[str]:
    """Every text the user gave that a reader must find in the draft."""
    out: list[str] = []

    hidden = INVISIBLE | (SUPERSEDED if data.get(_label(name, "closing")) else set())
    hidden |= {key for key, anchors in ANCHORS.items()
               if not any(data.get(_label(name, anchor)) for anchor in anchors)}

    def walk(fields, holder):
        for spec in fields:
            if spec.label not in holder or spec.key in hidden:
                continue
            value = holder[spec.label]
            if spec.fields and isinstance(value, dict):
                walk(spec.fields, value)
            elif spec.fields and isinstance(value, list):
                for item in value:
                    if isinstance(item, dict):
                        walk(spec.fields, item)
            elif isinstance(value, list):
                out.extend(str(v) for v in value)
            elif value not in (None, "") and spec.type not in ("date", "number", "bool"):
                out.append(str(value))

    walk(get_template(name).fields, data)
    return [fact.strip().rstrip("。！？；，、：,.;:").removesuffix("的结果") for fact in out]


#: Two sentences in a row that each announce the list to come ("…抓好以下几个方面的工作。
#: 重点要认真抓好以下几点："): the user's intro already said it and the glue said it again.
_LIST_AHEAD = "(?:以下|如下|下列)"
LEAD_TWICE = re.compile(f"{_LIST_AHEAD}[^。！？\n]{{0,16}}[。：:][^。！？\n]{{0,24}}{_LIST_AHEAD}")


def seams(name: str, data: dict) -> list[str]:
    """What a reader would stumble on in this draft."""
    speech = speech_from(data)
    text = render_text(speech)
    found = [f"debris {m[0]!r}" for m in DEBRIS.finditer(text)]
    found += [f"doubled {m[0]!r}" for m in DOUBLED.finditer(text)]
    found += [f"lead-in twice {m[0]!r}" for m in LEAD_TWICE.finditer(text)]
    found += [f"lone sub-point {s.sections[0].heading[:20]!r}" for _, s in speech.walk()
              if len(s.sections) == 1]
    written = list(blocks(speech))
    for here, after in zip(written, [*written[1:], None], strict=True):
        ends_open = here.kind == "body" and here.text.endswith(("：", "，", "、", "是"))
        if ends_open and (after is None or after.kind not in ("heading", "lead")):
            found.append(f"dangling {here.text[-20:]!r}")
        if here.kind == "body" and "一是" in here.text and "二是" not in here.text:
            found.append(f"一是 alone {here.text[:20]!r}")
    sentences = [s for s in re.split(r"[。！？；\n]", text) if len(s) >= 8]
    found += [f"repeated {s!r}" for s, n in _counts(sentences).items() if n > 1]
    kinds = [agenda_kind(str(t)) for t in data.get(_label(name, "earlier"), []) or []]
    kinds += [_KIND_NAMES.get(e["类型"], "other") for e in data.get("议程", []) or []]
    response = recap(speech)
    if data.get(_label(name, "commended")):  # he congratulates them himself: not answered
        kinds = [kind for kind in kinds if kind != "commendation"]
    if kinds and response and not data.get(_label(name, "earlier_response")):
        # the response answers every kind of item heard (a commendation before all else): a
        # word is a misfit when it fits none of them ("相互学习" after a report alone, not
        # after a report and an exchange of experience)
        answered = {"commendation"} if "commendation" in kinds else set(kinds)
        unfit = set.intersection(*(set(MISFITS.get(kind, ())) for kind in answered))
        found += [f"misfit {word} after {'+'.join(sorted(answered))}" for word in sorted(unfit)
                  if word in response]
    verb = MEETING_VERB.search(str(data.get("会议名称") or ""))
    if verb:
        said = re.escape(str(data["会议名称"])) + f"[^。]*?(?:主要|目的)[^。]{{0,4}}是：?{verb[1]}"
        found += [f"tautology {m[0]!r}" for m in re.finditer(said, text)]
    for fact in visible_facts(name, data):
        if fact and fact not in text and not _rallied_in(fact, text):
            found.append(f"lost fact {fact[:20]!r}")
    return found


#: A purpose's last clause saying what it is all for ("…，确保全乡安全度汛"): the glue may put
#: its call on the area (动员全乡上下…) before it, as real purpose sentences do.
_AIM = re.compile(r"，((?:确保|为|坚决|努力|全力|推动)[^，]*)$")


def _rallied_in(fact: str, text: str) -> bool:
    """The fact is in the text whole but for a call put before its aim, in its own order."""
    aim = _AIM.search(fact)
    if not aim:
        return False
    head = fact[:aim.start()] + "，"
    at = text.find(head)
    return at >= 0 and re.match(r"[^。，]*(?:，[^。，]*){0,3}?，" + re.escape(aim[1]),
                                text[at + len(head):]) is not None


_KIND_NAMES = {"工作报告": "report", "讲话": "speech", "通报": "notice", "交流发言": "exchange",
               "表彰决定": "commendation", "表态发言": "statement", "部署": "deployment"}


def _label(name: str, key: str) -> str:
    return next((f.label for f in get_template(name).fields if f.key == key), key)


def _counts(items: list[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for item in items:
        counts[item] = counts.get(item, 0) + 1
    return counts


@cache
def cases(name: str) -> tuple[dict, list[tuple]]:
    data = complete(name)
    return data, optional_paths(name, data)


@pytest.mark.parametrize("name", ALL)
def test_complete_facts_read_without_a_seam(name):
    data, paths = cases(name)
    assert len(paths) >= 20, paths  # the shared glue and voice fields are all there
    assert seams(name, data) == []


@pytest.mark.parametrize("name", ALL)
def test_every_optional_field_left_out_alone(name):
    data, paths = cases(name)
    problems = {path: found for path in paths if (found := seams(name, without(data, path)))}
    assert problems == {}


@pytest.mark.parametrize("name", ALL)
def test_every_pair_of_optional_fields_left_out_together(name):
    data, paths = cases(name)
    problems = {}
    for pair in itertools.combinations(paths, 2):
        if found := seams(name, without(data, *pair)):
            problems[pair] = found
    assert problems == {}, f"{len(problems)} pairs, e.g. {next(iter(problems.items()))}"


@pytest.mark.parametrize("name", ALL)
def test_every_wording_the_glue_can_choose_reads_without_a_seam(name):
    """套话版本 1–12 walk each move through its variants; levels and places vary the fit."""
    data, _ = cases(name)
    problems = {}
    for version, (level, place) in zip(range(1, 13), itertools.cycle(
            [("省", "先讲"), ("乡镇", "后讲"), ("企业", "先讲"), ("学校", "后讲"),
             ("机关", "先讲"), ("村", "后讲")]), strict=False):
        chosen = data | {"套话版本": version, "主办层级": level, "讲话次序": place}
        if found := seams(name, chosen):
            problems[(version, level, place)] = found
    assert problems == {}


@pytest.mark.parametrize("example", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.stem)
def test_an_intro_that_announces_its_list_gets_no_second_lead_in(example):
    """Users end an intro with "…重点抓好以下几个方面的工作。"; the glue must not add its own."""
    from generator.pipeline import load_speech

    text = render_text(load_speech(example))
    assert not LEAD_TWICE.search(text), LEAD_TWICE.search(text)


@pytest.mark.parametrize("version", range(0, 6))
def test_a_meeting_named_for_its_verb_is_not_said_to_do_it_again(version):
    """部署会，主要是部署…: the purpose statement calls it 这次会议 instead (a reader's tell)."""
    data = scaffold_data("special-deployment") | {
        "会议名称": "全县秋冬季森林防火部署会", "会议目的": "部署今冬明春森林防火工作",
        "套话版本": version}
    text = render_text(speech_from(data))
    assert "部署今冬明春森林防火工作" in text
    assert not any(found.startswith("tautology") for found in seams("special-deployment", data))
    assert "部署会，主要" not in text and "部署会的主要" not in text

