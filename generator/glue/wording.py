"""One speech's glue: each conventional move's wording, chosen by the facts.

The stock (outlines/moves.yaml) holds, per move, variants attested in real speeches and the
situations each one fits (meeting kind, the speaker's place on the agenda, time of year, one or
several items, what the earlier agenda items were).  A template asks `glue.say(move, …)`; the
glue keeps the variants that fit, then picks one deterministically from facts that do not
change while a draft is edited — the organiser, its level, the meeting kind, the template —
and the user's `套话版本`.  So two offices' drafts differ, the same input gives the same bytes,
and fixing a typo in the title, the date or a paragraph never changes the glue.  Within one
speech no attested formula is used twice: a variant sharing a part with one already used is
passed over while another fits (a formula: a run of four characters of glue).

Glue carries the user's facts rather than standing alone: the subject of the meeting's name
(全县农业农村工作会议 → 农业农村, named by the glue at most three times), the period the
task sums up, the level's words.  Third blind reading (issue 14): a sentence of glue that read
the same under every template was the commonest tell, the fill-in closing above all, so the
closing comes in several shapes (a demand, confidence, a summing-up, the season, the occasion,
the appeal), and an agenda is answered item by item.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Mapping
from typing import Any

from ..lazy_re import LazyPattern
from ..lexicon import DISTRIBUTIVE, FESTIVAL_PEOPLE, NON_PARTY_BODIES, alternation
from ..numerals import announced
from .agenda import VOTED, agenda_items
from .formulas import (
    CLAUSE,
    HEADING_START,
    clauses,
    filled_by,
    grams,
    headings,
    runs,
    sentences,
    unpunctuated,
)
from .meeting import (
    INSTITUTIONS,
    MEETING_VERB,
    approver,
    general,
    kind_of,
    level_of,
    period_of,
    review_period,
    season_of,
    subject_of,
    this_body,
    year_of,
)
from .speakers import address_of, leads, leads_any, post_of, spoken_name
from .stock import Variant, load_stock

#: Agenda kinds by how strongly they shape the response, strongest first: after a
#: commendation the response is to learn from the commended, whatever else was said.
_RESPONSE_ORDER = ("commendation", "testimony", "speech", "report", "deployment", "notice",
                   "briefing", "exchange", "statement", "other")


#: What a name of a body ends on (plain strings: a compiled pattern costs ~0.2 ms a process):
#: "政府系统办公室" is addressed as itself, "机要保密" as
#: "各级机要保密部门" ("请各级机要保密认真对照" lacked its noun: a blind reader, round 9).
_BODY_END = ("办", "室", "厅", "局", "部", "委", "部门", "机关", "系统", "单位", "机构")


#: A lecture's theme that is a sentence of its own, not a name of work ("党员在工地上要有个党员的
#: 样子", "在服务群众中践行初心"): said unquoted after 围绕/就 it reads as a clause pasted in (two
#: blind readers, final reading); so is a question ("农村党员怎样在产业发展中带好头").
_CLAUSE_WORDS = ("要", "是", "有", "，", "怎样", "如何", "怎么")


#: A theme that opens with a preposition is a clause too: "我就以高质量党建引领教育强市建设谈
#: 三点意见" reads 就以… (a bench draft, round 17); quoted, the theme reads as a title.
_CLAUSE_START = ("在", "以", "把", "用", "为", "对", "按照", "围绕", "通过", "让", "从", "向")


#: Agenda kinds that mean another leader has already spoken: the speaker comes later.
_LATER = ("speech", "deployment")


#: Slots that only help a variant along: a variant may leave them unused.  Every other slot a
#: template passes is a fact of the user's and must appear in the chosen wording.
_CONTEXT = {"work", "occasion", "default_goal", "meeting", "problems", "called", "also_called",
            "heading", "below", "said", "incident", "after_thanks"}


#: Slots the glue fills itself when the user gave none: the level words, the leadership clause,
#: and a stock outlook for the time of year.  A variant using them fits either way.
_FILLED = {"count", "all", "area", "under", "outlook", "period"}


#: What comes after a deed's doer: the verbs and adverbs a deed's story opens with.
#: (A verb of founding opens a deed, not a unit's name: "牵头成立劳务合作社，…" lost its 有的
#: as if 合作社 were the doer, a fact writer, cr10.)
_DEED_VERBS = (r"(?:在|把|以|从|带领|带队|带的|所带|坚守|扎根|累计|先后|连续|坚持|全年|率先|积极"
               r"|主动|创新|建成|获得|荣获|获评|几十年|多年|\d"
               r"|牵头|成立|组建|创办|创建|领办|兴办|筹建|引进|改造)")


#: What a department or a team of a unit is called after its name.
_DEPARTMENTS = ("部", "处", "科", "室", "局", "所", "站", "中心", "团队", "队")
#: A deed that names its own doer before what they did: a person by title ("王磊同学",
#: "指导教师马建军"), a unit ("桂花村党支部", "县一中", "实验小学"), or a bare name of two to
#: four characters just before a deed's verb ("王磊坚守山区教学点18年"; not one of the verbs
#: themselves).
_NAMES_DOER = LazyPattern(
    r"^(?:[^，。；]{0,16}?(?:同学|同志|老师|教师|先生|女士|师傅|医生|护士|民警|干警|书记|主任|校长"
    r"|院长|局长|镇长|村长|站长|队长|班长|组长)"
    rf"(?=\w{{0,5}}{_DEED_VERBS})"
    rf"|(?!{_DEED_VERBS})\w{{1,6}}"
    rf"{alternation(('村', '社区', '合作社', '车间', '班组', '一中', '二中', *INSTITUTIONS))}"
    r"(?:党支部|党委|党总支)?"
    # a department or a team of a unit ("普惠金融部的客户经理团队…", reading g22's set)
    rf"|(?!{_DEED_VERBS})\w{{2,6}}{alternation(_DEPARTMENTS)}(?=的|\w{{0,6}}{_DEED_VERBS})"
    rf"|(?!{_DEED_VERBS})\w{{2,4}}(?={_DEED_VERBS}))")


#: A 我的看法 that answers the earlier items itself (刚才…, 报告…, 我完全赞同).
_OWN_VERDICT = LazyPattern(r"刚才|讲话|报告|发言|赞同|同意")


#: A meeting that pushes the year's own tasks to their end (年终推进, 冲刺, 收官).
_PUSH = LazyPattern(r"推进|冲刺|决战|收官|攻坚|调度")
#: A response that agrees with what was said (我完全同意, 我完全赞同).
_ENDORSES = re.compile(r"同意|赞同")
#: Meetings whose delegates vote on the earlier report: an election, a founding congress.
_CONGRESSES = ("election", "founding")
#: A response of the user's that names the item it judges first ("庞思远同志的报告，对…作了
#: 全面部署，我完全同意"): its own sentence, not a clause run on after the last item.
_NAMES_ITEM = LazyPattern(r"^[^，。；]{0,16}?(?:的|所作的|作的)?(?:报告|讲话|发言|部署|通报|决定)")
#: A deed that already says which of them it speaks of ("有的…", "其中，…").
_DIVIDED = tuple(DISTRIBUTIVE) + ("其中",)


#: Wordings for cadres and their units: the level words ({all}: 各处室、各年级), a territory's
#: 改革发展稳定, the year's tasks, 干事创业, 凝心聚力 and 作出更大贡献.
_CADRES_WORDING = re.compile(r"\{all\}|改革发展稳定|干事创业|各项工作|目标任务|工作任务"
                             r"|更大贡献|凝心聚力")


#: A run of five characters said three times in one sentence: "各级政府系统办公室要…把政府系统
#: 办公室工作的各项任务逐项落实到位，以实际行动开创政府系统办公室工作新局面" (the organiser in
#: {all}, {work} and {goal} at once; a blind reader, round 18).
_RUN = 5


def _said_thrice(text: str) -> bool:
    """Whether `text` (a wording filled, its outlook included) holds some five-character run
    three times: "今年政府办公室工作…各级政府办公室…开创政府办公室工作新局面" across a closing's
    two sentences (a blind reader, g23) as within one."""
    return any(text.count(text[at:at + _RUN]) >= 3 for at in range(len(text) - _RUN + 1))


#: Wording that convenes the meeting: "…我们在这里举行专题党课", "…隆重召开大会", "今天由我给
#: 大家上一次党课".  When the user's background has convened it, a wording that does so again
#: gives way ("按照…安排，今天由我和大家一起上一次党课。在…之际，我们在这里举行专题党课", a blind
#: reader, round 13).
_CONVENES = LazyPattern(r"召开|举行|集会|[上讲](?:一|这)?[次堂场课]?(?:专题)?党课")


#: Where a clause convenes a meeting; it is this one unless the clause recalls another ("去年召开
#: 的…", "三中全会召开以来").
_CONVENING_VERB = LazyPattern(
    r"召开|举行|(?<=隆重)集会|在这里集会|[上讲](?:一|这)?[次堂场]?(?:专题)?党课")


#: A lecture's background that says the speaker has come to study with the members convenes
#: it: "今天结合项目实际，和大家一起学习探讨" was followed by a convening "今天，我给大家讲一次党
#: 课，与同志们共同交流" that said it again (a blind reader's seam, reading r26).
_LECTURE_CONVENING = LazyPattern(
    _CONVENING_VERB.pattern
    + r"|[和与同跟](?:大家|同志们|各位)(?:一起|一道|共同)?(?:学习|交流|探讨|分享)")


_PAST = ("去年", "上年", "前年", "上次", "此前", "以前", "过去", "曾", "先后", "多次", "已")


_AFTER = ("以来", "之后", "以后", "后", "前夕", "时", "期间")


def _convenes_this(paragraph: str, lecture: bool = False) -> int | None:
    """Where the sentence of `paragraph` that convenes this meeting starts, or None; a
    `lecture` is also convened by a sentence that sets out to study with the members."""
    for found in (_LECTURE_CONVENING if lecture else _CONVENING_VERB).finditer(paragraph):
        clause_start = max(paragraph.rfind(mark, 0, found.start()) for mark in "，。；！？") + 1
        clause = paragraph[clause_start:found.start()]
        if any(word in clause for word in _PAST) or \
                paragraph[found.end():].startswith(_AFTER):
            continue
        return max(paragraph.rfind(mark, 0, found.start()) for mark in "。！？") + 1
    return None


def _turns(weighted: list[Variant], seed: int, version: int) -> list[Variant]:
    """The wordings in the order they are tried: first the one the seed draws from `weighted`
    (a variant listed once per unit of its weight), stepped on by the 套话版本 through the
    distinct wordings, then the rest in turn.

    The draw is made among the wordings that fit and are fresh, not among all of them: when
    the draw fell on a stale one and passed to the next in the list, the wording listed after
    the often-stale ones (借此机会… after 借此机会，我代表…; 今天… after 今天，我们召开…) took their
    share, and "我想讲N个方面的意见", absent from the 29 real announcements of the phrase-stock
    pool, opened 9 of the 42 bench drafts' points while "下面，我讲N点意见", the commonest real
    one, opened 3 (two blind readers named the repeated rare one, reading o5).

    Wordings of one `family` take one turn between them (the heaviest one's weight), and the
    seed's next digits pick the member: five outlooks said "…任务艰巨（繁重、使命光荣），责任
    重大", so the formula the issue's readers named first closed 40% of 390 drafts' outlooks
    (glue_spread) and 5 of the gallery's 15 closings, each wording alone no commoner than the
    rest.  The 套话版本 steps on to the next family, so "换一种说法" changes the formula."""
    units: list[list[Variant]] = []
    for i, variant in enumerate(weighted):
        if any(variant is w for w in weighted[:i]):
            continue
        home = next((u for u in units if variant.family and u[0].family == variant.family), None)
        if home is None:
            units.append([variant])
        else:
            home.append(variant)
    tickets = [unit for unit in units for _ in range(max(v.weight for v in unit))]
    drawn = tickets[seed % len(tickets)]
    at = (next(i for i, unit in enumerate(units) if unit is drawn) + version) % len(units)
    member = seed // len(tickets)
    return [v for unit in units[at:] + units[:at]
            for v in unit[member % len(unit):] + unit[:member % len(unit)]]


def _seed(*keys: str) -> int:
    digest = hashlib.sha256("\x1f".join(keys).encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big")


class Glue:
    """One speech's glue: built per render from the validated facts."""

    def __init__(self, template: str, facts: Mapping[str, Any]) -> None:
        self.stock = load_stock()
        meeting = str(facts.get("meeting") or "")
        self.meeting = meeting
        self.facts = facts
        self.items = agenda_items(facts, self.stock)
        # whether an earlier item says the vote is over ("大会选举产生了新一届工会委员会"): the
        # closing then does not ask the hall to vote well (craft review 8)
        self.voted = any(VOTED.search(text) for text, _ in self.items)
        # whether the speech is to pupils: a salutation calling 同学们 and no 同志 ("各位老师、
        # 同学们："), where the wordings for cadres and units do not fit (tried on every wording)
        salutation = str(facts.get("salutation") or "")
        self.students = "同学" in salutation and "同志" not in salutation
        name_level = level_of(meeting) or level_of(str(facts.get("organiser") or ""))
        self.level = facts.get("level") or name_level or "县"
        if name_level and any(lv["level"] == name_level and lv.get("refines") == self.level
                              for lv in self.stock.levels):
            # the user's level is the kind the name says more exactly: 银行 for a 支行's own
            # meeting speaks to its outlets, not "各支行" (a paired reviewer, cr13)
            self.level = name_level
        self.kind = facts.get("meeting_kind") or kind_of(template, meeting, facts)
        kinds = {kind for _, kind in self.items}
        self.place = facts.get("speaker_place") or (
            "later" if kinds & set(_LATER) else "first")
        self.season = facts.get("season") or season_of(meeting, facts.get("purpose"))
        self.year = year_of(str(facts.get("date") or ""), meeting)
        self.honoured = self._honoured(facts)
        # a party body's election, unless the meeting or the body names another kind
        self.party = not any(word in f"{meeting}{facts.get('organisation') or ''}"
                             for word in NON_PARTY_BODIES)
        self.subject = subject_of(meeting)
        self.general = general(meeting)
        review = facts.get("review") or {}
        intro = review.get("intro") if isinstance(review, Mapping) else None
        self.period = (review_period(str(intro[0])) if intro else None) or period_of(
            str(facts.get("purpose") or ""), self.season)
        self.version = int(facts.get("variant") or 0)
        self.template = template
        self.key = "|".join([str(facts.get("organiser") or ""), self.level, self.kind, template])
        # The user's own opening sentences count as said: "今天结合项目实际，和大家一起学习探讨。
        # 今天这堂党课…我和大家一起交流…" repeated the user's words a line later (a blind reader,
        # round 13).
        self._used = set(grams(" ".join(str(p) for p in facts.get("context") or ())))
        # So do the clauses of everything else the user wrote, by a longer run: "这是全体党员政治
        # 生活中的一件大事" opened an election whose own paragraph on its significance said it
        # (a pairs reader, pairs11).  Four characters (扎实工作, 抓好落实) would pass over most
        # closings for any body text and leave one to close a fifth more drafts (glue_spread).
        self._text = " ".join(sentences(facts))
        # how the user's own headings begin: a heading of the glue's that begins alike reads
        # as a second of theirs ("二、大力弘扬先进典型的可贵精神" beside the user's "三、大力弘扬
        # 劳模精神…", craft review 9)
        self._heading_starts = {str(h)[:HEADING_START] for h in headings(facts)}
        self._written = runs(self._text, CLAUSE)
        self._said: set[str] = set()  # the variants chosen, as written
        self._subject_said = 0  # how often the glue has named the meeting's subject
        self._memo: dict[tuple, str] = {}
        words = next((lv for lv in self.stock.levels if lv["level"] == self.level), {})
        self.words = {"all": str(words.get("all", "各级各部门")),
                      "area": str(words.get("area", ""))}
        named = meeting + " " + str(facts.get("organiser") or "")
        # a level's other name for its area, as the table gives it (a 乡 rallies 全乡上下)
        self.words["area"] = next((str(a["area"]) for a in words.get("areas", ())
                                   if re.search(a["match"], named)), self.words["area"])
        if self.kind == "lecture":  # a lecture speaks to the members, not to 各社区、各科室
            self.words["all"] = "全体党员"
        if template == "office-work":  # an office meeting's audience is the offices (round 9)
            system = unpunctuated(str(facts.get("system") or "办公室"))
            self.words["all"] = "各级" + system + ("" if system.endswith(_BODY_END) else "部门")
        self.speaker = str(facts.get("speaker") or "")
        self.address = address_of(str(facts.get("salutation") or ""))
        self.convened = any(_convenes_this(str(p), self.kind == "lecture") is not None
                            for p in facts.get("context") or ())

    # -- agenda ---------------------------------------------------------------------------

    def _honoured(self, facts: Mapping[str, Any]) -> str:
        """"groups" when the commended, as the facts name them (表彰对象, or the commendation
        read out on the agenda), are only households or units (十佳文明户, 先进集体): then
        "受到表彰的同志" does not fit.  Else "people"."""
        named = " ".join([str(facts.get("commended") or ""), *(  # what was read, not who read it
            text.split("宣读")[-1] for text, kind in self.items if kind == "commendation")])
        words = self.stock.honoured
        if not named.strip():
            return "people"
        groups = bool(words) and re.search(words["groups"], named)
        return "groups" if groups and not re.search(words["people"], named) else "people"

    def greeted(self, thanked: str | None) -> str | None:
        """The people of the festival the meeting is held for ("教师节表彰大会" → 全县广大教师
        和教育工作者), greeted before the thanked (the thanked themselves when they are they), or
        None: at a 教师节 meeting "向长期关心支持教育事业的社会各界人士致以节日的问候" greeted
        the supporters for a festival not theirs (the Left list of craft review 9); the genre
        greets the teachers and thanks the supporters.  The thanked are the festival's people
        when the lexicon's words for them name them (FESTIVAL_PEOPLE).  Only the festival's
        greetings ("致以节日的问候…") have the {greeted} slot."""
        people, named = next(((people, named) for festival, people, named in FESTIVAL_PEOPLE
                              if re.search(festival, self.meeting)), (None, ""))
        if not people:
            return None
        if thanked and re.search(named, thanked):
            return thanked  # the user's own words for them
        return (self.word("area") if self.territorial else "") + people  # 全县广大教师…

    @property
    def agenda_kinds(self) -> list[str]:
        return [kind for _, kind in self.items]

    def earlier(self, response: str | None = None) -> str:
        """刚才，… and a response that fits what the earlier items were, or nothing without items.

        Two shapes, as real openings go: the items together and one response to them all
        (刚才，A，B，讲得都很好…), three speeches in four; or each item followed by a word on
        it, then what the audience is to do (刚才，A作了工作报告，总结成绩客观…；B…。请大家…).
        The share is counted from the phrase-stock pool: of 30 real "刚才…" openings, 5 weigh
        the items one by one (round 9; it was three in four, and a reader named the verdict on
        every item a form filled in), so one organiser in six takes that shape.  The user's own
        response always takes the joint shape."""
        if not self.items:
            return ""
        clauses = [unpunctuated(text) for text, _ in self.items]
        joint = "；" if any(len(c) > 30 for c in clauses) else "，"
        if not response and _OWN_VERDICT.search(str(self.facts.get("judgement") or "")):
            # the speaker judges the items himself ("刚才书衡书记的讲话…我完全赞同"): the
            # glue's word on them before it said it twice (craft review 7)
            return "刚才，" + joint.join(clauses) + "。"
        reply = unpunctuated(response) if response else None
        # A decision read out among other items, the commended congratulated later by the
        # speaker himself: a joint word would answer the decision too ("…宣读了表彰决定，我完全
        # 同意，请…举一反三", a fact writer, round 9), so each item is answered on its own.
        read_out = self.facts.get("commended") and "commendation" in self.agenda_kinds
        if not response and not read_out and (_seed(self.key, "earlier") + self.version) % 6:
            reply = self._joint_reply()
        if not response and reply is None:
            audience = "" if read_out else self.say("earlier_audience", item=self._answered())
            # the last item a word can be said of: an item of no listed kind (a film watched,
            # an oath taken) has none, and after it the items before went unanswered (a fact
            # writer: "…作了发言；全体师生观看了…纪录片。")
            kinds = self.agenda_kinds
            last = max((n for n, kind in enumerate(kinds) if kind != "other"),
                       default=len(clauses) - 1)
            # A word on a notice of problems, which the hall must act on ("…通报了排查发现的
            # 问题；" went unanswered, a fact writer), and on the items after it, answered
            # together when no request follows ("…3家单位党委作了交流发言。" went unanswered, a
            # fact writer): "C作了交流发言，D作了表态发言，讲得都很好".  The first item has its
            # word only when fewer than two are said otherwise: a verdict after each item read
            # as a form to two readers (round 9; reading g21, 6 of 32 snippets, three items
            # with three words among them).
            notices = {n for n, kind in enumerate(kinds) if kind == "notice"}
            weighed = notices or {0}
            rest = [n for n in range(max(weighed) + 1, last + 1)]
            together = ""
            if rest and not audience:
                rest_kinds = {kinds[n] for n in rest}
                if len(rest) > 1 and not (read_out and "commendation" in rest_kinds):
                    together = self.say("earlier_response", item="+".join(sorted(rest_kinds)))
                if not together and not (read_out and kinds[last] == "commendation"):
                    weighed.add(last)  # "…作了交流发言。" after a decision read out went
                    # unanswered (craft review 6)
            if len(weighed) + bool(together) < 2:
                weighed.add(0)
            answered = []
            for n, clause in enumerate(clauses):
                word = (self.say("item_response", item=kinds[n], nth=n, said=clause)
                        if n in weighed else "")
                if together and n == last:
                    word = together
                answered.append(f"{clause}，{word}" if word else clause)
            if together:  # the items answered together are said as one clause
                first = rest[0]
                answered[first:last + 1] = ["，".join(answered[first:last + 1])]
            return "刚才，" + "；".join(answered) + (f"，{audience}。" if audience else "。")
        said = "刚才，" + joint.join(clauses)
        if reply and _NAMES_ITEM.match(reply):  # a sentence of its own: "…作了交流发言，
            return f"{said}。{reply}。"             # 庞思远同志的报告，对…" (a fact writer, cr10)
        return f"{said}，{reply}。" if reply else f"{said}。"

    def _joint_reply(self) -> str | None:
        """One response to all the earlier items, or None when none can be said (then each
        item is answered on its own)."""
        return self.say("earlier_response", item=self._answered()) or None

    def _answered(self) -> str:
        """What a response to the whole agenda must answer, as `say` takes it: every kind of
        item ("report+exchange"), since "请大家认真抓好贯彻落实" answers a report and not an
        exchange of experience (three fact writers named it, round 9); only the commendation
        when one was read, as learning from the commended comes before all else — unless the
        speaker congratulates them himself (表彰对象 given): then "希望受到表彰的同志…" would come
        before his own congratulation (round 4), and the commendation is not answered; "none"
        when nothing is left to answer (no variant fits it, so nothing is said)."""
        kinds = set(self.agenda_kinds)
        if "commendation" in kinds and not self.facts.get("commended"):
            return "commendation"
        return "+".join(sorted(kinds - {"commendation"})) or "none"

    @property
    def runs_on(self) -> bool:
        """Whether this organiser's openings say the earlier items in the purpose's paragraph
        (one "今天…主要任务是…。刚才，…" paragraph) rather than in one of their own: three in
        five, as 11 of the 18 real openings that begin with their purpose and go on to the
        earlier items or the announcement do (the corpus and the stored pages).  Chosen by the
        stable facts, so a typo fixed never moves a paragraph break."""
        return (_seed(self.key, "run on") + self.version) % 5 < 3

    @property
    def territorial(self) -> bool:
        """Whether the audience is a territory's whole people (全县上下), not an office, a
        system, a firm or an institution's staff."""
        return (self.level in _TERRITORIES and self.template != "office-work"
                and not _SECTOR.search(self.meeting))

    def rallied(self, purpose: str | None) -> str | None:
        """The purpose with the call on the whole area a good writer adds to it ("…部署今年重点
        任务，动员全县上下统一思想、提高认识"), put before its last clause when that clause says
        what the call is for ("…，动员全区上下…，确保全区安全度汛"); the purpose as given otherwise.

        Measured on the stored pages: real purpose sentences run 107 characters (median, 104
        sentences) and 39% carry such a call; the bench drafts' ran 66 and blind readers named
        "a short generic opener" the tell of 5 of 18 generated openings (round 20).  Said for
        half the organisers (the stable facts choose), only where the call is the genre's: a
        territory's meeting (全县上下; not an office, a firm, a system or an institution), of a
        kind the stock has a wording for, and a purpose under RALLY_LENGTH characters that does
        not call on anyone itself."""
        said = unpunctuated(purpose)
        if (not said or len(said) >= RALLY_LENGTH or _RALLIES.search(said)
                or not self.territorial or (_seed(self.key, "rally") + self.version) % 2):
            return purpose
        call = self.say("rally")
        if not call:
            return purpose
        aim = _AIM.search(said)
        if aim:
            return f"{said[:aim.start()]}，{call}，{aim[1]}"
        return f"{said}，{call}"

    def sorts(self, purpose: str | None) -> tuple[str | None, str | None]:
        """The two sorts of meeting the purpose makes this one, in the order it names them
        ("总结…，部署…" → 总结会, 部署会), for "这次会议既是一次总结会，也是一次部署会"; (None,
        None) when it names fewer than two.  Only a clause's own act counts: "…，为推进乡村振兴
        作贡献" does not make a 推进会.  Read from the user's own verbs (the stock's
        `sorts`), so the characterisation says nothing the purpose does not: six sites' real
        openings characterise their meeting so, a skeleton the purpose stock lacked."""
        names: list[str] = []
        for clause in re.split("[，、；]", unpunctuated(purpose)):
            act = clause.removeprefix("进一步")
            for manner in _MANNERS:  # 全面总结, 研究部署: the act follows its manner
                act = act.removeprefix(manner)
            name = next((sort["name"] for sort in self.stock.sorts
                         if act.startswith(tuple(sort["verbs"].split("|")))), None)
            if name and name not in names:
                names.append(name)
        return (names[0], names[1]) if len(names) > 1 else (None, None)

    def named(self, meeting: str, purpose: str | None) -> str:
        """The meeting as the purpose statement names it: "这次会议" when its name and its
        purpose share their verb (召开部署会，主要是部署… reads as a tautology)."""
        verb = MEETING_VERB.search(meeting or "")
        said = unpunctuated(purpose or "")
        if verb and (said.startswith(verb[1]) or (verb[1] in _ACTS_ONCE and verb[1] in said)):
            return THIS_MEETING  # "召开…部署会，主要任务是……部署秋冬季…" (craft review 6)
        if len(said) >= _SHARED and said[:_SHARED] in (meeting or ""):
            return THIS_MEETING  # "召开这次全县纪念五四运动107周年暨…大会，主要目的是纪念五四
            # 运动107周年" (craft review 7)
        return meeting

    # -- the moves ------------------------------------------------------------------------

    def fits(self, variant: Variant, role: str | None, count: int | None,
             slots: Mapping[str, Any], voice: str | None = None,
             item: str | None = None) -> bool:
        when = variant.when
        if when.get("role") != role or when.get("voice") != voice:
            return False
        if when.get("after") == "items" and not self.items:
            return False  # "借此机会，我讲三点意见" right after the purpose borrows nothing (m1)
        if when.get("after") == "convening" and not self.convened:
            return False  # "会议的主要任务是" leans on the user's own sentence convening it
        if when.get("work") == "none" and slots.get("work"):
            return False  # a fallback for meetings whose name gives no subject
        if when.get("general") and not self.general:
            return False  # all of a territory's work: its general meeting only
        if when.get("territorial") and not self.territorial:
            return False  # a territory's units vying (争先进位), not a school's staff
        if "kind" in when and self.kind not in when["kind"] and not (
                when.get("after_vote") and self.kind == "election" and self.voted):
            return False  # after the vote an election closes as a founding does
        if "named" in when and not re.search(when["named"], self.meeting):
            return False  # "讲一堂党课" only where the meeting's name says it is one
        if "not_named" in when and re.search(when["not_named"], self.meeting):
            return False  # and nobody "召开" a lecture
        if self.students and _CADRES_WORDING.search(variant.text):
            return False  # "今年全校改革发展稳定的任务十分繁重。希望各处室、各年级凝聚起干事
            # 创业的强大力量" said to a hall of pupils (craft review 8)
        if re.search(r"\{area\}(?:上下|干部群众)", variant.text) and not self.territorial:
            return False  # "有全市上下的共同努力" closed a meeting of the city's office staff (g3),
            # and "凝聚着全市干部群众的心血和汗水" praised its own review (pairs9)
        if "about" in when and not re.search(when["about"], str(slots.get("heading") or "")):
            return False  # "事业成败，关键在人" opens a part on people, not one on accountability
        if any(re.search(pattern, str(slots.get(slot) or ""))
               for slot, pattern in when.get("unless", {}).items()):
            return False  # "对莅临大会的各位领导的到来表示欢迎" says they came twice
        if not all(re.search(pattern, str(slots.get(slot) or ""))
                   for slot, pattern in when.get("only", {}).items()):
            return False  # "找准了问题，也讲清了原因" of a report on rain and water levels, which
            # gave no causes (three reviewers, cr10–cr12): only of what an inspection found
        if "就{topic}" in variant.text and str(slots.get("topic") or "").startswith("在"):
            return False  # "我想就在服务纳税人中…" reads as 就在, "right at" (round 9)
        topic = str(slots.get("topic") or "")
        if "结合{topic}" in variant.text and (topic.startswith(_CLAUSE_START) or any(
                word in topic for word in _CLAUSE_WORDS)):
            return False  # one 结合 a theme, not a sentence: "我结合从思想上入党，…" (review 5)
        if any(str(slots.get(slot) or "").startswith("从") and "从" in variant.text
               for slot in ("work", "topic")):
            return False  # "从讲政治的高度认识从思想上入党的重要意义" (craft review 5)
        if "{goal}" in variant.text and not _serves(variant.text, str(
                slots.get("goal") or slots.get("default_goal") or "")):
            return False  # "为为集团…提供坚强保证作出…贡献" (craft review 5)
        if len(self.items) < 2 and re.search(r"得都|都很|都讲", variant.text):
            return False  # "村党支部书记作了工作报告，讲得都很到位" for one speaker (tester 11)
        if self.convened and _CONVENES.search(variant.text):
            return False  # the user's background said it: "…隆重召开大会…召开这次会议，…"
        by = str(slots.get("by") or "")
        if by and "受{by}" in variant.text and leads_any(self.speaker, by):
            return False  # the 街道党工委's own secretary is not "受街道党工委的委托" (round 9)
        if by and post_of(self.speaker) and "代表{by}" in variant.text and not leads_any(
                self.speaker.replace("副", ""), by):
            return False  # its head or a deputy speaks for it; a member (镇党委委员) or a
            # guest is 受…委托 (craft review 6)
        if when.get("problems") == "given" and not slots.get("problems"):
            return False  # "…成绩和存在的问题" heads a review that names no problem
        if when.get("honoured", self.honoured) != self.honoured:
            return False
        if when.get("party") and not self.party:
            return False  # "全体党员政治生活中的一件大事" at a villagers' election (review 6)
        if "place" in when and when["place"] != self.place:
            return False
        if "season" in when and self.season not in when["season"]:
            return False
        if "since" in when and self.year and self.year < int(when["since"]):
            return False  # "新的征程上" in a speech of 2015 (craft review 8)
        if "agenda" in when and "受到表彰" in variant.text and self.facts.get("commended"):
            return False  # the speaker congratulates them after the items: "希望受到表彰的同志
            # 戒骄戒躁" before his "在此，…表示热烈的祝贺" exhorted before it (craft review 9)
        if when.get("before_vote") and self.voted:
            return False
        if "unless_said" in when and re.search(when["unless_said"], self._text):
            return False  # "今年是…承上启下的一年" after the user's own "开局之年" (a fact writer)
        if "count" in when and count is not None and when["count"] != ("one" if count == 1
                                                                      else "many"):
            return False
        if count == 1 and "{count}" in variant.text:
            return False  # "讲一点意见", "谈一点体会": in none of the stored pages (g25)
        if "agenda" in when:  # item: one kind, or "report+exchange" to answer them all
            answered = item.split("+") if item else [next(
                (k for k in _RESPONSE_ORDER if k in self.agenda_kinds), "other")]
            if not all(kind in when["agenda"] for kind in answered):
                return False
            if not all(kind in answered for kind in when.get("answers", ())):
                return False  # "…相互学习借鉴" only where an exchange of experience was heard
            if self.place == "later" and "speech" in answered and not _ENDORSES.search(
                    variant.text):
                return False  # a second speaker answers the first's speech by agreeing with
                # it ("…作了讲话，请大家认真抓好贯彻落实" said nothing of his own: three
                # reviewers, cr10–cr12)
            if "report" in answered and self.kind in _CONGRESSES:
                return False  # a congress judges the outgoing body's report by its vote: the
                # higher body's man praising it ("既总结了成绩，也分析了问题，很有针对性") spoke
                # over the delegates' heads (a reviewer, cr10)
        used = set(re.findall(r"\{(\w+)\}", variant.text))
        given = {name for name, value in slots.items() if value}
        wanted = used - _FILLED - ({"goal"} if slots.get("default_goal") else set())
        if "under" in used:  # "在…的坚强领导下，" when a leadership is given, nothing when not
            used.add("leadership")
        return wanted <= given and given - _CONTEXT <= used

    def say(self, move: str, role: str | None = None, count: int | None = None,
            nth: Any = None, voice: str | None = None, item: str | None = None,
            **slots: Any) -> str:
        """The move's wording for these facts, its slots filled; "" when nothing fits.

        `nth` tells apart two uses of one move in a speech (the lead-in of each task part),
        which then take different variants while there are any; `voice` ("modest") asks for
        the variants written to lead into the speaker's own modest close; `item` answers one
        agenda item of that kind rather than the agenda as a whole.  A move the template gives no
        `work` takes the subject of the meeting's name, so glue carries the user's facts."""
        # The key is the call as the template made it: a template renders its body twice (once
        # to count the parts it announces), and both renders must read the same.
        memo = (move, role, count, str(nth), voice, item,
                tuple(sorted((k, str(v)) for k, v in slots.items())))
        if memo in self._memo:
            return self._memo[memo]
        if move not in self.stock.moves:
            # a template's typo ("不存在的环节") said nothing, without a word (a tester)
            raise ValueError(f"没有名为“{move}”的环节;可用的环节:{'、'.join(self.stock.moves)}")
        worn = self._subject_said >= subject_times(self.subject)
        if "work" not in slots:  # the meeting's own subject, while it is not yet worn out
            slots["work"] = None if worn else self.subject
        elif worn and self.subject and slots["work"] == self.subject and (
                move.endswith("_heading") or len(self.subject) >= LONG_SUBJECT):
            slots["work"] = None  # a template's heading passes it too ("…确保深化医药卫生体制
            # 改革各项任务…" was its fourth naming in a speech of 900 characters, review 5)
        if move in self.stock.once and any(key[0] == move and text for key, text
                                           in self._memo.items()):
            self._memo[memo] = ""
            return ""
        def fitting() -> list[Variant]:
            return [v for v in self.stock.moves.get(move, ())
                    if self.fits(v, role, count, slots, voice, item) for _ in range(v.weight)]

        variants = fitting()
        if move.endswith("_heading"):  # one that begins as a heading of the user's does not
            # stand beside it, while another fits
            variants = [v for v in variants
                        if v.text[:HEADING_START] not in self._heading_starts] or variants
        if not variants and voice is not None:  # a voice is a preference: the modest
            voice = None                        # closings gave no wording for "做一名…"
            variants = fitting()                # and the user's 寄语 was lost (craft review 5)
        if not variants and move.endswith("_heading") and not slots.get("work") and \
                self.subject:  # a heading only says it with the subject: named once more
            slots = {**slots, "work": self.subject}
            variants = fitting()
        if not variants and slots.get("below") and move.endswith("_heading"):
            slots = {**slots, "below": None}  # so is not saying what the points below say: an
            variants = fitting()              # echo beats a part with no heading (a lead-in
                                              # may go unsaid)
        # Only a wording that convenes again keeps every fact (批准召开 with a background that
        # convenes): the fact comes first.  The convening move itself needs no second try: its
        # arrangement goes before the user's own convening sentence (`arranged`).
        if not variants and self.convened and move != "convening":
            self.convened = False
            try:
                variants = fitting()
            finally:
                self.convened = True
        text = ""
        if variants:
            # fresh: shares no formula-sized run with what was said or with the facts it
            # is filled with (a closing outlook "…保障党员民主权利…" then "认真行使民主权利"),
            # and is not a short wording said already (有亮点、有见地 has no four-character run).
            # Only the facts it is filled with: "{org}今天召开党员大会，进行换届选举" restates a
            # meeting named …换届选举党员大会 without carrying its name, and counting the
            # unused name left two of seven election wordings to the bench's six elections.
            facts = {k: grams(str(v)) for k, v in slots.items()
                     if v and not (k == "default_goal" and slots.get("goal"))}
            fresh = [v for v in variants if v.text not in self._said
                     and not grams(v.text) & (self._used | filled_by(v.text, facts))
                     and not clauses(v.text) & self._written]
            if not fresh and item is not None:  # the same word on a second item reads as a
                self._memo[memo] = ""           # form: that item goes without one
                return ""
            chosen = self._draw(fresh or variants, _seed(self.key, move, role or ""),
                                lambda v: not _said_thrice(
                                    self._fill(v.text, count, slots)))
            self._used |= grams(chosen.text)
            self._said.add(chosen.text)
            if "{work}" in chosen.text and slots.get("work") and self.subject and \
                    self.subject in str(slots["work"]):
                self._subject_said += 1
            text = self._fill(chosen.text, count, slots)
        self._memo[memo] = text
        return text

    def _draw(self, candidates: list[Variant], seed: int,
              reads_well: Callable[[Variant], bool]) -> Variant:
        """The seed's wording among `candidates`; one that does not read well filled ("召开全县
        党委信息工作培训会，…党委信息工作会议精神…党委信息工作的质量" says a run thrice) is
        left out and the draw made again among the rest, not passed on to the wording listed
        after it, which took every such share ("今天的会议，主要任务是" opened one bench draft in
        ten).  The first draw when none reads well."""
        first = drawn = _turns(candidates, seed, self.version)[0]
        while not reads_well(drawn):
            candidates = [v for v in candidates if v.text != drawn.text]
            if not candidates:
                return first
            drawn = _turns(candidates, seed, self.version)[0]
        return drawn

    def _fill(self, text: str, count: int | None, slots: Mapping[str, Any]) -> str:
        """The wording with its slots filled, its outlook included: a wording is tried filled
        before it is chosen, so that a run said three times across its sentences is seen
        (`_said_thrice`; the outlook, a move of its own, is then said once and memoised)."""
        values = {k: unpunctuated(str(v)) for k, v in slots.items() if v}
        values |= self.words
        if "approved_by" in values:
            values["approved_by"] = approver(values["approved_by"])
        if "org" in values:  # "…第十二届村民委员会新一届委员会" (craft review 6, a copier)
            values["org"] = this_body(values["org"])
            if values["org"].endswith("委员会"):
                text = text.replace("{org}新一届委员会", "新一届{org}")
        if "meeting" in values:
            values["meeting"] = spoken_name(values["meeting"], self.speaker)
            if "这次{meeting}" in text:  # "这次2019年全区信访工作会议" (a fact copier)
                values["meeting"] = re.sub(r"^20\d\d年度?", "", values["meeting"])
        if count is not None:
            values["count"] = announced(int(count))
        leadership = values.get("leadership")
        # "在县委的坚强领导下" is not said by the 县委书记 himself (a fact writer, round 9)
        own = bool(leadership) and leads(self.speaker, str(leadership))
        values["under"] = f"在{leadership}的坚强领导下，" if leadership and not own else ""
        values.setdefault("goal", values.get("default_goal", ""))
        values.setdefault("period", self.period)
        topic = values.get("topic", "")
        clause = topic.startswith(_CLAUSE_START) or any(word in topic for word in _CLAUSE_WORDS)
        inner = topic.replace("“", "‘").replace("”", "’")  # quotes inside quotes are single:
        if "“{topic}”" in text:  # "就“践行‘三严三实’，严以修身”" (a fact copier)
            values["topic"] = inner
        elif clause:  # a theme said as a sentence
            values["topic"] = f"“{inner}”"
        if "{work}的" in text and _OWN_DE.search(values.get("work", "")):  # a theme with its own
            values["work"] = f"“{values['work']}”"  # 的: "认识“守好群众的健康门”的重要意义"
        if "{area}{work}" in text:  # 机关 + 机关党建, 县直机关 + 机关党建: the shared word once
            text = text.replace("{area}{work}", _joined(values["area"], values.get("work", "")))
        if "{outlook}" in text and "outlook" not in values:
            outlook = self.say("outlook", work=slots.get("work") or self.subject)
            values["outlook"] = unpunctuated(outlook)
            if not values["outlook"]:  # none fits this meeting: the appeal follows the address
                text = text.replace("{outlook}。", "")  # ("乡亲们，。希望…", review 6)
        if text.startswith("同志们，"):  # the closing calls on whom the salutation called
            text = self.address + text[3:]
        filled = re.sub(r"\{(\w+)\}", lambda m: values.get(m[1], ""), text)
        # 确保{goal} with a goal that says 确保 itself; {deadline}前 with a deadline's own 前
        return _BEFORE.sub(r"\1", _ONCE.sub(r"\1", filled))

    def arranged(self, context: Any, arrangement: str | None) -> list[str]:
        """The user's background, with the arrangement the meeting follows put before the
        sentence of it that convenes the meeting ("按照局党委今年的党建工作安排，在…之际，我们在
        这里举行专题党课…") when that sentence stands in for the glue's convening: the fact is
        kept, and the meeting is convened once."""
        paragraphs = [str(p) for p in context or ()]
        if not arrangement:
            return paragraphs
        for at, paragraph in enumerate(paragraphs):
            if (start := _convenes_this(paragraph, self.kind == "lecture")) is not None:
                paragraphs[at] = (f"{paragraph[:start]}按照{unpunctuated(arrangement)}，"
                                  f"{paragraph[start:]}")
                break
        return paragraphs

    def deeds(self, deeds: list[str], after_thanks: bool) -> str:
        """What the commended did, after the lead ("这些先进典型，有的…；有的…。"), each deed read
        on its own: one that names its doer ("王磊同学在省赛中获得一等奖", "县一中…") or already
        says which of them it speaks of ("有的…", "其中…") takes no 有的 ("有的王磊同学…", a fact
        writer; "有的有的…", a tester), the others keep theirs, and the lead then says "…中，".
        One deed alone, naming no doer, is "他们…"."""
        lead = self.say("deeds_lead", after_thanks=after_thanks)
        said = [unpunctuated(deed) for deed in deeds]
        own = [bool(_NAMES_DOER.match(deed)) or deed.startswith(_DIVIDED) for deed in said]
        if len(said) == 1 and not after_thanks and not own[0]:
            return f"他们{said[0]}。"
        if all(own) and after_thanks:  # each names its doer after the congratulation to
            lead = "其中，"  # them: "这些先进典型中，X教授带领…" read as a sentence with no
            # verb to two craft reviewers (5, 6)
        elif any(own):  # "这些先进典型中，王磊老师…；有的…" (a tester's mixed list)
            lead = lead.replace("这些先进典型，", "这些先进典型中，")
        return lead + "；".join(deed if named else "有的" + deed
                                for deed, named in zip(said, own, strict=True)) + "。"

    @property
    def aim(self) -> str | None:
        """What the purpose says the meeting is all for, its last clause when it opens on 确保
        ("…，确保全区安全度汛"), or None: the closing that names it echoes the
        meeting's own goal, where "圆满完成全年各项目标任务" closed 12 of 41 drafts from real
        pages' facts whatever they were for (craft review 9)."""
        found = _GOAL_AIM.search(unpunctuated(self.facts.get("purpose")))
        return found[1] if found else None

    def year_goal(self) -> str:
        """The goal a closing names when the user gave none: the purpose's own aim, else the
        year's tasks, or, at the year's end, a good start to the next ("就一定能够圆满完成全年各
        项目标任务" said on 27 December reads as if the year were still ahead: a fact writer,
        round 9); to pupils, their progress (the year's tasks are their teachers', craft
        review 8)."""
        if self.students:
            return "取得更加优异的成绩"
        if self.aim:
            return self.aim
        if self.season == "年末" and not (self.kind == "progress" or _PUSH.search(self.meeting)):
            return "实现明年工作的良好开局"
        return "圆满完成全年各项目标任务"  # a year-end push is for this year's tasks (a
        # reviewer, cr11: "就一定能够实现明年工作的良好开局" closed a November 推进会)

    def word(self, name: str) -> str:
        """A level word: all (各乡镇、各部门…) or area (全县…)."""
        return self.words[name]


#: A meeting's verbs said once however far into the purpose they come again (`named`); a
#: 总结表彰大会 that is "就是要总结…，表彰…" names its meeting in full, as real openings do.
_ACTS_ONCE = ("部署", "推进", "动员", "调度")


#: How many of the purpose's first characters, found in the meeting's name, make the name
#: a repetition (`named`).
_SHARED = 6


#: The meeting as glue names it when its own name would repeat the purpose's verb (`named`).
THIS_MEETING = "这次会议"


#: Words of manner before a purpose clause's act (全面总结, 研究部署, 回顾总结), in the order
#: they stack.
_MANNERS = ("全面", "认真", "隆重", "深入", "回顾", "研究")


#: A purpose that calls on its audience itself takes no second call (动员…, 激励…, 统一思想…).
_RALLIES = LazyPattern(r"动员|激励|号召|引导|凝聚|上下|统一思想|鼓足干劲|行动起来|比学赶超")


#: A purpose's last clause saying what it is all for: the call goes before it, as real ones put it.
_AIM = LazyPattern(r"，((?:确保|为|坚决|努力|全力|推动)[^，]*)$")


#: A purpose's last clause that names the goal it is for, as a closing can name it again.
_GOAL_AIM = LazyPattern(r"，(确保[^，；。]{4,30})$")


#: Levels whose people are "全县上下": a territory's, not an office's, a firm's or a school's.
_TERRITORIES = frozenset(("省", "市", "区", "县", "街道", "乡镇", "村"))


#: A 乡 (township) named as such, where the 乡镇 level's area word is 全镇 (the scaffold of an
#: emergency meeting of 全乡… rallied 全镇上下, round g1).
#: A territory's meeting of one sector's staff (全市办公室工作会议, 全县教育系统…) calls on
#: them, not on 全市上下.
_SECTOR = LazyPattern(r"办公室|系统|机关")


#: A purpose this long is a writer's full sentence already (real ones: median 107 characters
#: with the frame, so about 80 without it): no call is added.
RALLY_LENGTH = 70


#: A 的 of a theme's own ("守好乡村群众的健康门"), not of a fixed term (党的建设): before the
#: wording's own 的 it reads as 的…的 ("认识守好乡村群众的健康门的重要意义", noticed in the bench
#: drafts), so the theme is quoted.
_OWN_DE = re.compile(r"(?<!党)的")


#: Words a slot's fact may repeat from the wording around it: said once.
_ONCE = re.compile(r"(确保|坚决|努力|全力|这次)\1")


#: A deadline given with its own 前 before the wording's "前完成" ("7月15日前前完成", a tester).
_BEFORE = re.compile(r"(?<=[日月底])(之前|以前|前)前")


#: A goal said as being someone (做一名…党员, 争当…): one strives for it ("为做一名合格党员
#: 而努力奋斗") but contributes nothing to it ("为做一名…作出新的更大贡献", craft review 5).
_BEING = LazyPattern(r"^(?:在[^，]{1,10})?(?:做|当|成为|争做|争当)")


#: A goal that something does not happen ("今冬明春不发生较大森林火灾"): ensured, never given
#: a foundation or a contribution ("为…不发生…奠定坚实基础", craft review 6).
_NOT_HAPPENING = LazyPattern(r"^[^，]{0,8}?(?:不发生|不出现|杜绝|零事故|无事故)")


#: Wordings a goal of being someone does not fit: one ensured ("确保做一名…党员"), or
#: achieved by units or by a whole "we" ("各乡镇、各部门…就一定能够做一名…", tester 11).
_NOT_ONE = LazyPattern(r"确保\{goal\}|\{all\}|能够\{goal\}|让我们")


#: What "为{goal}…" goes on to give the goal, a contribution or a foundation.
_GIVES_TO = LazyPattern(r"为\{goal\}(?:作出|做出|贡献|打下|奠定|开好局)")


def _serves(wording: str, goal: str) -> bool:
    """Whether a closing's wording reads with this goal: "为{goal}" never with one that is
    itself a 为 clause ("为集团高质量发展提供坚强保证" gave "为为…"; its own wording "以实际
    行动{goal}" fits); a goal of being someone (做一名…党员) is neither contributed to,
    ensured, nor reached by units or by a whole "we"."""
    goal = unpunctuated(goal)
    if "为{goal}" in wording and goal.startswith("为"):
        return False
    if _NOT_HAPPENING.search(goal) and _GIVES_TO.search(wording):
        return False
    return not (_BEING.search(goal) and (_GIVES_TO.search(wording) or _NOT_ONE.search(
        wording)))


#: How often the glue names the meeting's subject by itself ("党建工作…党建工作…"): a writer
#: names it two or three times and then leaves it out; five times reads as a form filled in.
#: Wording a template words itself with the subject (a heading) counts too.
SUBJECT_TIMES = 3


#: A subject this long is named twice at most: "深化医药卫生体制改革工作" four times in 900
#: characters read as a form (craft review 5); a writer shortens it or leaves it out.
LONG_SUBJECT = 6


def subject_times(subject: str | None) -> int:
    """How often the glue may name a subject of this length."""
    return SUBJECT_TIMES if len(subject or "") < LONG_SUBJECT else 2


def _joined(area: str, work: str) -> str:
    """The area and the work run together with the words they share said once: 县直机关 +
    机关党建 → 县直机关党建 ("县直机关机关党建工作…", a seam test with the party-building
    scaffold's organiser), 机关 + 机关党建 → 机关党建; a work that names the area already
    stands alone (机关 + 政府机关深化作风建设: "机关政府机关…", a fact copier)."""
    if area and area in work:
        return work
    shared = next((n for n in range(min(len(area), len(work)), 1, -1)
                   if area.endswith(work[:n])), 0)
    return area + work[shared:]
