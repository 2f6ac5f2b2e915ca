"""Who is speaking and who spoke before: posts, names and the bodies they head.

The glue names a colleague as the hall hears him (镇长邓晓梅同志), the meeting as its own leader
says it aloud (全镇…), and answers a deputy's remarks differently from a superior's; all of it is
read from the speaker's line ("县委副书记、县长　唐志刚") and the agenda's `who`.
"""

from __future__ import annotations

import re

from ..lazy_re import LazyPattern
from ..lexicon import OFFICES, called

#: What the head of a body is called after its name: 县委书记, 协会会长.  A deputy (副书记) is
#: none: he speaks 受…委托 and under the body's leadership (an examples writer, round 9).
_HEADS = frozenset(("书记", "主任", "局长", "部长", "县长", "市长", "区长", "镇长", "乡长", "主席",
                    "会长", "董事长", "总经理", "校长", "院长"))


#: What a place's name ends on, before the body's own name (南关街道 + 党工委).
_PLACE_END = ("省", "市", "县", "区", "镇", "乡", "街道", "村", "社区")


#: A meeting named after its organiser's place ("岔河镇" + "2025年工作会议").  In the room its
#: own leaders call the organiser 全镇, 全县: of 112 "召开…" openings in the corpus and the
#: stored real pages, 49 say 全 + level and none a real place's name (one 某某县); three
#: bench drafts saying "今天，我们召开岔河镇2025年工作会议" were each called machine-made by a
#: blind reader (round 17).
_OWN_PLACE = LazyPattern(r"^(?:中共)?(?![全各本])\w{2,3}?(省|市|区|县|镇|乡|街道)(?=\w)")


#: After the place, a body of its own keeps the level's character (河口镇党委… → 镇党委…) …
_PLACE_BODY = ("党委", "党工委", "政府", "人民政府", "人大", "政协", "纪委", "委")


#: … and another organisation keeps the whole name (江源市东城中学…, 铁山区社区…).
_ANOTHER_BODY = LazyPattern(r"中学|小学|学校|大学|学院|医院|公司|集团|村|社区|街道|镇|乡|局|厂")


#: Words ending in a level's character that name no place (智慧城市, 五一社区, 特色小镇, 统筹城乡).
_NOT_A_PLACE = frozenset(("社区", "城区", "园区", "景区", "片区", "小区", "矿区", "库区", "牧区",
                          "山区", "灾区", "辖区", "校区", "厂区", "城市", "超市", "都市", "夜市",
                          "集市", "上市", "城镇", "小镇", "乡镇", "城乡", "家乡", "故乡"))


#: A post of the place's own leadership (县委书记, 副县长, 镇党委书记, 街道党工委书记).
_OWN_POST = ("委", "长", "政府", "党委", "党工委", "人大", "政协", "纪委", "办事处")


#: A firm's full name before its meeting: its own staff say 公司, 集团 ("召开集团2025年度党建…
#: 会议", a real opening of the blind pool) — 集团 when the whole name holds it (市交通投资集团
#: 有限公司 → 集团; a cut at its first 集团 left "有限公司" and lost the rest: craft review 5).
_OWN_FIRM = LazyPattern(
    r"^\w{2,16}?(?:集团(?:股份)?有限(?:责任)?公司|集团公司|(?:股份)?有限(?:责任)?公司|公司|集团)"
    r"(?=[\w“])")


def post_of(speaker: str) -> str:
    """The post in a speaker's line ("区委常委、常务副区长　吕志诚" → 区委常委、常务副区长);
    str.split parts at the full-width space too."""
    return (speaker.split() or [""])[0]


def spoken_name(meeting: str, speaker: str) -> str:
    """The meeting as its organiser's own leader names it aloud: "岔河镇2025年工作会议" →
    "全镇2025年工作会议", "河口镇党委扩大会议" → "镇党委扩大会议", "恒通包装材料有限公司
    2024年度先进表彰大会" → "公司2024年度先进表彰大会" (said by 公司董事长).  Only a speaker
    whose post is in the place's own leadership (镇党委书记, 副县长) says so; anyone else (the
    副市长 at a county's meeting, a bureau's head, nobody named) says the name in full."""
    title = post_of(speaker)
    firm = _OWN_FIRM.match(meeting)
    own = "集团" if firm and "集团" in firm[0] else "公司"
    if firm and title.startswith(own):  # 公司董事长, 集团党委书记: the firm's own
        return own + meeting[firm.end():]
    found = _OWN_PLACE.match(meeting)
    if not found or meeting[found.end() - 2:found.end()] in _NOT_A_PLACE:
        return meeting
    if not any(found[1] + post in title for post in _OWN_POST):
        return meeting  # no speaker, or one from another level or a department: a guest
    rest = meeting[found.end():]
    if rest.startswith(_PLACE_BODY):
        return found[1] + rest
    if _ANOTHER_BODY.search(rest):
        return meeting
    return "全" + found[1] + rest


#: The last character of a unit's name, by which its bodies are called short: 厅党组, 局党委,
#: 院党委, 校党委, 行党委.
_UNIT_CHARS = "厅局部委院校司处行所站"


def leads(speaker: str, body: str) -> bool:
    """Whether the speaker ("南关街道党工委书记　周明") is the head of `body` ("街道党工委"):
    its title names the body, after a place's name at most, and then a head's post.  "团县委书记"
    does not lead 县委, nor "县委组织部部长"."""
    return any(_heads(post, body) for post in post_of(speaker).split("、"))


def leads_any(speaker: str, bodies: str) -> bool:
    """Whether the speaker heads one of the bodies a 委托方 names ("镇党委、镇政府")."""
    return any(leads(speaker, body) for body in bodies.split("、"))


def _heads(post: str, body: str) -> bool:
    """One post of a speaker's ("集团党委书记" of "集团党委书记、董事长", who said "在集团党委的
    坚强领导下" of his own committee when only the whole line was read, a fact writer)."""
    if body.endswith("会") and post.endswith(body[:-1] + "长"):
        return True  # 董事会 → 董事长, 理事会 → 理事长
    at = post.find(body)
    # "厅党组" for "省交通运输厅党组": a body named by its unit's last character is that
    # unit's whatever the full name before it ("在厅党组的坚强领导下" was said by the 厅党组书记
    # himself, a fact writer)
    if at < 0 or (at and not post[:at].endswith(_PLACE_END) and body[0] not in _UNIT_CHARS):
        return False
    return post[at + len(body):] in _HEADS


#: An office (the lexicon's, as bylines name them), then a person's name of two or three
#: characters at the end of an agenda entry's who ("集团党委副书记倪红"): a colleague named at a
#: meeting is "…倪红同志".  What ends in an office itself, or in 助理/代表/同志 ("县长助理",
#: "主任委员"), names nobody new.
_NAMED = re.compile(rf"{OFFICES}[\u4e00-\u9fff]{{2,3}}$")


_POST_END = re.compile(rf"(?:{OFFICES}|助理|代表|同志)$")


#: Levels of government, highest first, as a post names its own ("市委副书记", "县长").
_LEVELS = "省市县区乡镇村"


#: A department's head ("县委组织部部长", "县教育局局长", "县政府办公室主任").
_DEPARTMENT_HEAD = LazyPattern(r"(?:局|部|办|办公室|委员会|中心|所|站)(?:局长|部长|主任|所长|站长)")


def junior(who: str, speaker: str) -> bool:
    """Whether an agenda item's speaker ranks below this speech's, whose speech is then no
    "重要讲话" of his ("刚才，常务副县长…作了重要讲话" said by the county head, a fact writer):
    a deputy (副…) or a department's head, when the speaker is neither and no higher level's
    man.  Unknown (no speaker given, or a deputy speaking) is not junior."""
    post = post_of(speaker)
    if not post or "副" in post or _DEPARTMENT_HEAD.search(post):
        return False
    if not ("副" in who or _DEPARTMENT_HEAD.search(who)):
        return False
    level = next((_LEVELS.index(c) for c in post if c in _LEVELS), None)
    theirs = next((_LEVELS.index(c) for c in who if c in _LEVELS), None)
    return level is None or theirs is None or theirs >= level


def comrade(who: str) -> str:
    """An agenda entry's speaker as the hall hears him named: "镇长邓晓梅" → "镇长邓晓梅同志";
    a body, a post without a name and a name already called 同志 stay as written.  "集团党委
    副书记倪红作了工作报告" sounded curt to a fact writer."""
    # written as a byline ("县长　王伟", as 讲话人 is): the name joins its post in a sentence
    who = re.sub(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff]{2,3}$)", "", who)
    return f"{who}同志" if _NAMED.search(who) and not _POST_END.search(who) else who


def address_of(salutation: str) -> str:
    """How the closing calls on the audience: as the salutation did when it did not say 同志
    ("各位党员：" … "各位党员，希望大家…"; a fact writer named "各位党员：" then "同志们，" in
    round 9), else "同志们"."""
    hall = called(salutation)
    # "各位党员同志" is one address and is said again ("同志们，" closed a lecture that opened
    # on it, a fact writer); "各位领导、同志们" closes on its 同志们
    own = "同志" not in hall or ("、" not in hall and not hall.endswith("同志们"))
    return hall if hall and own and len(hall) <= 16 else "同志们"
