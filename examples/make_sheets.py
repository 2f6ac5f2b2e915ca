"""Rebuild the batch examples: 各乡镇会议.xlsx and 各乡镇会议.csv (work-conference template).

Run from anywhere: `python examples/make_sheets.py`.  The sheets are laid out the way a county
office would send them, mistakes included, so `speechgen batch` can be tried on them:

- 各乡镇会议.xlsx: a title line, a header merged over two rows (工作回顾 over 总体评价 and
  存在问题1/2), real date cells, a multi-line cell for 前面讲话, the tasks on a second sheet
  工作任务 (one row per 小项, joined by 序号, the task's cells merged down its rows), the
  保障措施 points on a sheet 保障措施.小项, and an instructions sheet that is ignored.
  Row 6 (河西乡) has a date that does not exist and a task without a heading.
- 各乡镇会议.csv: the same facts flattened as Excel saves CSV in China (GBK), tasks as numbered
  columns (工作任务1.小标题 …); row 4 (青山镇) has no 会议名称.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

HERE = Path(__file__).resolve().parent

TOWNS = [
    ("城关镇", "张建国", dt.date(2025, 1, 6), "镇长刘卫东同志作了政府工作报告", "全镇"),
    ("河西乡", "李红梅", "2025年2月30日", "乡长周强同志通报了2024年重点工作完成情况", "全乡"),
    ("青山镇", "王志刚", dt.date(2025, 1, 8), "镇人大主席陈静同志宣读了表彰决定", "全镇"),
    ("柳溪乡", "赵文博", dt.date(2025, 1, 9), "乡党委副书记孙丽同志传达了县委经济工作会议精神",
     "全乡"),
    ("白沙镇", "钱永军", dt.date(2025, 1, 10), "镇长吴海涛同志作了工作报告", "全镇"),
]

#: Each town's own review and problems, as its office's annual summary words them.
REVIEW = {
    "城关镇": "2024年，全镇完成固定资产投资4.86亿元，同比增长7.2%；新引进项目9个，"
              "农村居民人均可支配收入2.31万元，同比增长6.4%。",
    "河西乡": "2024年，全乡新增高标准农田3200亩，粮食总产2.74万吨，"
              "村集体经营性收入全部达到6万元以上。",
    "青山镇": "2024年，全镇茶叶种植面积达到1.26万亩，茶产业综合产值1.38亿元，同比增长11.3%。",
    "柳溪乡": "2024年，全乡完成农村公路提质改造26.4公里，新建村级光伏电站4座，"
              "人居环境整治考核排全县第5位。",
    "白沙镇": "2024年，全镇规模以上工业产值达到12.7亿元，同比增长8.9%；"
              "新增市场主体318户，完成税收收入6340万元。",
}
PROBLEMS = {
    "城关镇": ("项目建设后劲还不够足，全年新开工亿元以上项目仅2个",
              "一些干部担当作为的劲头还不够强"),
    "河西乡": ("农产品加工链条短，粮食就地转化率不到20%", "村级后备干部储备不足"),
    "青山镇": ("茶叶以毛茶销售为主，品牌效益不明显", "集镇基础设施欠账较多"),
    "柳溪乡": ("村集体经济增收渠道单一", "个别村“两委”班子战斗力不强"),
    "白沙镇": ("工业企业技术改造投入不足", "安全生产隐患排查整治还不够彻底"),
}

TASKS = [
    ("坚持项目为王，推动经济发展提质增效", "经济工作是中心工作，项目建设是经济工作的生命线。", [
        ("着力抓好项目建设", "要紧盯全年招商引资目标，落实领导包联项目制度，确保签约项目早开工、"
         "开工项目早投产、投产项目早见效。"),
        ("着力壮大特色产业", "要立足资源禀赋，做强特色种植和农产品加工，"
         "培育一批带动能力强的龙头企业。"),
    ]),
    ("坚持民生为本，持续增进群众福祉", "", [
        ("扎实办好民生实事", "要把有限的财力更多用于保障和改善民生，"
         "确保年初确定的10件民生实事件件落地。"),
        ("切实维护安全稳定", "要压紧压实安全生产责任，常态化开展隐患排查整治，"
         "坚决守住不发生重大事故的底线。"),
    ]),
]

GUARANTEE = [
    ("切实加强组织领导", "各村（社区）党组织书记和各站所负责同志要亲自抓、负总责，"
     "把各项任务分解到岗、落实到人。"),
    ("切实转变工作作风", "要大兴调查研究之风，力戒形式主义、官僚主义，以作风攻坚推动工作落实。"),
]

HEADER = ["序号", "乡镇", "会议名称", "讲话人", "日期", "会议任务", "前面讲话",
          "工作回顾", "", "", "领导核心", "奋斗目标"]
SUBHEADER = ["", "", "", "", "", "", "", "总体评价", "存在问题1", "存在问题2", "", ""]


def facts(number: int) -> list:
    town, speaker, date, earlier, scope = TOWNS[number - 1]
    return [
        number, town, f"{town}2025年经济工作会议", f"{town[-1]}党委书记　{speaker}", date,
        f"总结2024年{scope}经济工作，分析当前形势，安排部署2025年重点任务",
        f"{earlier}\n会议表彰了2024年度先进集体和先进个人",
        REVIEW[town], *PROBLEMS[town],
        f"{town[-1]}党委", f"奋力谱写{town}高质量发展新篇章",
    ]


def make_xlsx(path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "会议"
    sheet.append(["2025年各乡镇经济工作会议讲话稿资料表"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
    sheet.append(HEADER)
    sheet.append(SUBHEADER)
    for column, name in enumerate(HEADER, 1):
        if name and name != "工作回顾":
            sheet.merge_cells(start_row=2, start_column=column, end_row=3, end_column=column)
    sheet.merge_cells("H2:J2")
    for number in range(1, len(TOWNS) + 1):
        sheet.append(facts(number))
    for row in sheet.iter_rows(min_row=4):
        row[4].number_format = "yyyy年m月d日"
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in sheet.iter_rows(max_row=3):
        for cell in row:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(horizontal="center", vertical="center")
    for letter, width in zip("ABCDEFGHIJKL", (6, 10, 26, 20, 16, 40, 40, 40, 24, 24, 12, 30),
                             strict=True):
        sheet.column_dimensions[letter].width = width

    tasks = book.create_sheet("工作任务")
    tasks.append(["序号", "小标题", "引言", "小项.小标题", "小项.段落"])
    for number in range(1, len(TOWNS) + 1):
        for heading, intro, items in TASKS:
            first = tasks.max_row + 1
            for index, (item, text) in enumerate(items):
                task_heading = heading if index == 0 else None
                if number == 2 and index == 0 and heading.startswith("坚持民生"):
                    task_heading = None  # the mistake: this task has no heading
                tasks.append([number if index == 0 else None, task_heading,
                              intro if index == 0 else None, item, text])
            if number == 2 and heading.startswith("坚持民生"):
                continue  # left unmerged, so the empty heading is a fresh item
            last = tasks.max_row
            for column in (1, 2, 3):
                tasks.merge_cells(start_row=first, start_column=column, end_row=last,
                                  end_column=column)

    guarantee = book.create_sheet("保障措施.小项")
    guarantee.append(["序号", "小标题", "段落"])
    for number in range(1, len(TOWNS) + 1):
        for heading, text in GUARANTEE:
            guarantee.append([number, heading, text])

    notes = book.create_sheet("填表说明")
    for line in ("每行一个乡镇,一行生成一篇讲话稿。", "工作任务表中,序号对应“会议”表的序号;"
                 "一个任务有几个小项就写几行,任务的小标题只写在第一行。"):
        notes.append([line])
    book.save(path)


def make_csv(path: Path) -> None:
    header = ["乡镇", "会议名称", "讲话人", "日期", "会议任务", "前面讲话", "工作回顾.总体评价"]
    for number, (_heading, _intro, items) in enumerate(TASKS, 1):
        header += [f"工作任务{number}.小标题", f"工作任务{number}.引言"]
        header += [f"工作任务{number}.小项{i}.小标题" for i in range(1, len(items) + 1)]
    rows = [header]
    for number in range(1, len(TOWNS) + 1):
        values = facts(number)
        date = values[4]
        row = [values[1], values[2] if number != 3 else "", values[3],
               f"{date.year}/{date.month}/{date.day}" if isinstance(date, dt.date) else "2025/2/3",
               values[5], values[6], values[7]]
        for heading, intro, items in TASKS:
            row += [heading, intro, *(item for item, _text in items)]
        rows.append(row)
    with path.open("w", encoding="gbk", newline="") as handle:
        csv.writer(handle).writerows(rows)


if __name__ == "__main__":
    make_xlsx(HERE / "各乡镇会议.xlsx")
    make_csv(HERE / "各乡镇会议.csv")
    print("已生成:各乡镇会议.xlsx、各乡镇会议.csv")
