"""Rebuild fengong-pages.pdf: a 分工表 of 24 rows that runs over four pages, as Word → LibreOffice
print it (the header is not repeated on the second page). Needs python-docx and LibreOffice:

    python tests/data/pdf/make_fengong_pdf.py
    soffice --headless --convert-to pdf --outdir tests/data/pdf /tmp/fengong-pages.docx
"""

import docx

TASKS = [
    (
        "推动各级机关和国有企事业单位等带头参与消费扶贫。",
        "扶贫办",
        "中央统战部、中央和国家机关工委、教育部等",
    ),
    ("推动东西部地区建立消费扶贫协作机制。", "扶贫办", "发展改革委、人力资源社会保障部、商务部等"),
    ("动员民营企业等社会力量参与消费扶贫。", "全国工商联", "发展改革委、民政部、农业农村部等"),
    ("打通供应链条。", "商务部", "发展改革委、农业农村部等"),
    ("拓展销售途径。", "商务部", "扶贫办、发展改革委、工业和信息化部、财政部等"),
    ("加快流通服务网点建设。", "商务部", "发展改革委、交通运输部、邮政局、供销合作总社等"),
    ("加快农产品标准化体系建设。", "农业农村部", "科技部、市场监管总局等"),
    ("提升农产品规模化供给水平。", "农业农村部", "财政部、商务部等"),
]
DEADLINES = ["2019年底前", "持续推进", "2020年6月底前", "长期坚持"]


def main() -> None:
    d = docx.Document()
    d.add_paragraph("消费扶贫重点任务分工表")
    rows = 24
    table = d.add_table(rows=rows + 1, cols=5)
    table.style = "Table Grid"
    for c, text in enumerate(["序号", "重点任务", "牵头单位", "配合单位", "完成时限"]):
        table.cell(0, c).text = text
    for r in range(rows):
        task, lead, support = TASKS[r % len(TASKS)]
        filler = "坚持政府引导、社会参与、市场运作、创新机制。"
        values = [str(r + 1), task + filler, lead, support, DEADLINES[r % len(DEADLINES)]]
        for c, text in enumerate(values):
            table.cell(r + 1, c).text = text
    d.save("/tmp/fengong-pages.docx")


if __name__ == "__main__":
    main()
