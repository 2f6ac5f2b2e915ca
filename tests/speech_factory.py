"""A realistic long speech for writer tests and benchmarks: 4 levels, leads, about 5,000 characters.

The paragraphs are built from a fixed pool of typical sentences, so the speech reads like the
genre, contains Latin digits (2025年, 5G) and quotes, and is the same on every run.
"""

from __future__ import annotations

from generator.model import Section, Speech

_SENTENCES = (
    "过去一年，全市上下坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实党中央决策部署。",
    "我们聚焦“两个维护”，把讲政治的要求贯穿工作全过程，推动各项工作取得新成效。",
    "全年完成重点项目128个，新建5G基站2400个，地区生产总值增长6.2%，主要指标好于预期。",
    "各级各部门主动担当作为，统筹发展和安全，守住了不发生系统性风险的底线。",
    "同时也要清醒看到，发展不平衡不充分的问题仍然突出，一些干部能力作风与新要求还有差距。",
    "要坚持问题导向，拿出过硬措施，以钉钉子精神抓好落实，确保各项任务按期完成。",
    "要强化统筹协调，建立健全工作台账，定期调度通报，对推进不力的严肃问责。",
    "要加强队伍建设，教育引导广大干部树牢正确政绩观，敢于担当、善于作为。",
)

TITLE = "在全市2025年经济工作会议暨优化营商环境推进大会上的讲话"


def paragraph(seed: int, sentences: int = 3) -> str:
    """A paragraph of ``sentences`` pool sentences, chosen by ``seed`` (deterministic)."""
    return "".join(_SENTENCES[(seed * 3 + k) % len(_SENTENCES)] for k in range(sentences))


def long_speech() -> Speech:
    """45 paragraphs of text in a realistic shape: 3 top points, sub-points down to level 4."""
    counter = iter(range(1000))

    def para(sentences: int = 4) -> str:
        return paragraph(next(counter), sentences)

    def level4(name: str) -> list[Section]:
        return [Section(heading=f"{name}第{k}项措施", paragraphs=[para(2)]) for k in (1, 2)]

    sections = [
        Section(heading="2024年工作回顾", role="review", paragraphs=[para(), para()], sections=[
            Section(heading="经济运行稳中向好", paragraphs=[para(), para()]),
            Section(heading="改革开放持续深化", paragraphs=[para(), para()]),
            Section(heading="民生福祉不断增进", paragraphs=[para()]),
        ]),
        Section(heading="准确把握当前形势", role="situation", paragraphs=[para()], sections=[
            Section(heading="看到机遇", paragraphs=[para(), para()]),
            Section(heading="正视挑战", paragraphs=[para(), para()]),
        ]),
        Section(heading="扎实做好2025年重点工作", role="tasks", sections=[
            Section(heading="着力扩大有效需求", sections=[
                Section(heading="抓项目投资", paragraphs=[para(), para()]),
                Section(heading="促消费升级", paragraphs=[para()], sections=level4("促消费")),
            ]),
            Section(heading="着力优化营商环境", paragraphs=[para()], sections=[
                Section(heading="深化“放管服”改革", paragraphs=[para(), para()]),
                Section(heading="强化要素保障", paragraphs=[para()], sections=level4("要素")),
            ]),
            Section(heading="着力保障改善民生", paragraphs=[para(), para()]),
        ]),
        Section(heading="切实加强组织保障", role="guarantee", paragraphs=[para()], sections=[
            Section(heading="压实工作责任", paragraphs=[para(), para()]),
            Section(heading="改进工作作风", paragraphs=[para(), para()]),
        ]),
    ]
    return Speech(
        title=TITLE,
        speaker="张三",
        date="2025年1月5日",
        salutation="同志们：",
        opening=[
            "这次会议的主要任务是，总结2024年工作，分析当前形势，部署2025年重点任务。" + para(3),
            "下面，我讲四点意见。",
        ],
        sections=sections,
        closing=["同志们，新的一年任务艰巨、使命光荣。让我们更加紧密地团结在以习近平同志为核心的"
                 "党中央周围，真抓实干、奋勇争先，为全面完成全年目标任务而努力奋斗！"],
        signoff=["谢谢大家！"],
    )


# Chinese characters only: no punctuation (which may hang or be pushed to the next line) and no
# Latin (half width), so every body line holds exactly the grid's characters.
_PLAIN = "党政机关公文格式国家标准规定版心每页排二十二行每行排二十八个字正文用三号仿宋体字"


def grid_speech(paragraphs: int = 30, chars: int = 110) -> Speech:
    """Body paragraphs of ``chars`` plain characters; 110 = 26 + 3 × 28 fills exactly 4 lines."""
    text = _PLAIN * (chars // len(_PLAIN) + 2)
    return Speech(
        title="版心网格测试",
        speaker="李四",
        date="2025年3月1日",
        salutation="同志们：",
        opening=[text[k % len(_PLAIN):][:chars] for k in range(paragraphs)],
    )
