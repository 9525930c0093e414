#!/usr/bin/env python3
"""Generates a large, realistic OneStop catalogue file for the benchmark (python3 stdlib only).

The output follows docs/catalogue-format.md (JSON): ~20 departments, ~25 categories across the
facets topic / life-event / audience, and N services (default 10,000) with trilingual names,
summaries, Markdown bodies, eligibility and fees. English uses British spelling ("licence"), so a
search for the American "license" is a real test. Traditional (zh-HK) and Simplified (zh-CN) text is
assembled from matched word pairs, so the two scripts say the same thing.

Optionally also writes the list of service page paths the benchmark rotates over.

    python3 bench/generate-catalogue.py --out /tmp/catalogue.json --services 10000 \
        --page-paths /tmp/pages.txt --pages 300 --seed 42

The output is deterministic for a given seed.
"""
import argparse
import json
import math
import random
import re
import sys

# --- departments: code, (en, zh-HK, zh-CN), phone -------------------------------------------------
DEPARTMENTS = [
    ("TD", ("Transport Department", "運輸署", "运输署"), "+852 2804 2600"),
    ("IRD", ("Inland Revenue Department", "稅務局", "税务局"), "+852 187 8088"),
    ("IMMD", ("Immigration Department", "入境事務處", "入境事务处"), "+852 2824 6111"),
    ("FEHD", ("Food and Environmental Hygiene Department", "食物環境衞生署", "食物环境卫生署"), "+852 2868 0000"),
    ("HD", ("Housing Department", "房屋署", "房屋署"), "+852 2712 2712"),
    ("LD", ("Labour Department", "勞工處", "劳工处"), "+852 2717 1771"),
    ("SWD", ("Social Welfare Department", "社會福利署", "社会福利署"), "+852 2343 2255"),
    ("EDB", ("Education Bureau", "教育局", "教育局"), "+852 2891 0088"),
    ("DH", ("Department of Health", "衞生署", "卫生署"), "+852 2961 8989"),
    ("BD", ("Buildings Department", "屋宇署", "屋宇署"), "+852 2626 1616"),
    ("LANDS", ("Lands Department", "地政總署", "地政总署"), "+852 2525 6000"),
    ("CED", ("Customs and Excise Department", "香港海關", "香港海关"), "+852 2815 7711"),
    ("CR", ("Companies Registry", "公司註冊處", "公司注册处"), "+852 2234 9933"),
    ("IPD", ("Intellectual Property Department", "知識產權署", "知识产权署"), "+852 2961 6901"),
    ("EPD", ("Environmental Protection Department", "環境保護署", "环境保护署"), "+852 2838 3111"),
    ("LCSD", ("Leisure and Cultural Services Department", "康樂及文化事務署", "康乐及文化事务署"), "+852 2414 5555"),
    ("RVD", ("Rating and Valuation Department", "差餉物業估價署", "差饷物业估价署"), "+852 2152 0111"),
    ("WSD", ("Water Supplies Department", "水務署", "水务署"), "+852 2824 5000"),
    ("AFCD", ("Agriculture, Fisheries and Conservation Department", "漁農自然護理署", "渔农自然护理署"), "+852 2708 8885"),
    ("TID", ("Trade and Industry Department", "工業貿易署", "工业贸易署"), "+852 2392 2922"),
]

# --- categories: slug, facet, (en, zh-HK, zh-CN) ---------------------------------------------------
CATEGORIES = [
    ("transport", "topic", ("Transport and driving", "運輸及駕駛", "运输及驾驶")),
    ("tax", "topic", ("Tax", "稅務", "税务")),
    ("immigration", "topic", ("Immigration and identity documents", "入境及身份證明文件", "入境及身份证明文件")),
    ("food-and-hygiene", "topic", ("Food and hygiene", "食物及衞生", "食物及卫生")),
    ("housing", "topic", ("Housing", "房屋", "房屋")),
    ("employment", "topic", ("Employment and labour", "就業及勞工", "就业及劳工")),
    ("welfare", "topic", ("Social welfare", "社會福利", "社会福利")),
    ("education", "topic", ("Education", "教育", "教育")),
    ("health", "topic", ("Health", "醫療衞生", "医疗卫生")),
    ("buildings-and-land", "topic", ("Buildings and land", "樓宇及土地", "楼宇及土地")),
    ("business-and-trade", "topic", ("Business and trade", "商業及貿易", "商业及贸易")),
    ("environment", "topic", ("Environment", "環境", "环境")),
    ("leisure-and-culture", "topic", ("Leisure and culture", "康樂及文化", "康乐及文化")),
    ("water-and-rates", "topic", ("Water, rates and rent", "水費、差餉及地租", "水费、差饷及地租")),
    ("having-a-baby", "life-event", ("Having a baby", "生兒育女", "生儿育女")),
    ("moving-home", "life-event", ("Moving home", "搬屋", "搬家")),
    ("starting-a-business", "life-event", ("Starting a business", "開辦業務", "开办业务")),
    ("getting-married", "life-event", ("Getting married", "結婚", "结婚")),
    ("retiring", "life-event", ("Retiring", "退休", "退休")),
    ("finding-a-job", "life-event", ("Finding a job", "求職", "求职")),
    ("bereavement", "life-event", ("When someone dies", "親人離世", "亲人离世")),
    ("residents", "audience", ("Residents", "市民", "市民")),
    ("businesses", "audience", ("Businesses", "企業", "企业")),
    ("visitors", "audience", ("Visitors", "旅客", "旅客")),
    ("students", "audience", ("Students", "學生", "学生")),
    ("older-people", "audience", ("Older people", "長者", "长者")),
]

# --- actions: key -> (en template, zh-HK template, zh-CN template); {o} is the object -----------------
ACTIONS = {
    "apply": ("Apply for {a}", "申請{o}", "申请{o}"),
    "renew": ("Renew {a}", "續領{o}", "续领{o}"),
    "replace": ("Replace a lost or damaged {n}", "補領遺失或損毀的{o}", "补领遗失或损毁的{o}"),
    "change": ("Change the details on {a}", "更改{o}資料", "更改{o}资料"),
    "cancel": ("Cancel {a}", "取消{o}", "取消{o}"),
    "transfer": ("Transfer {a}", "轉讓{o}", "转让{o}"),
    "check": ("Check the progress of {a} application", "查詢{o}申請進度", "查询{o}申请进度"),
    "appeal": ("Appeal against a decision on {a}", "就{o}的決定提出上訴", "就{o}的决定提出上诉"),
    "book": ("Book an appointment for {a}", "預約辦理{o}", "预约办理{o}"),
    "pay": ("Pay for {a}", "繳付{o}費用", "缴付{o}费用"),
    "register": ("Register {a}", "登記{o}", "登记{o}"),
    "file": ("File {a}", "遞交{o}", "递交{o}"),
    "extend": ("Extend {a}", "延長{o}", "延长{o}"),
    "copy": ("Get a certified copy of {a}", "索取{o}核證副本", "索取{o}核证副本"),
    "exempt": ("Apply for an exemption from {a}", "申請豁免{o}", "申请豁免{o}"),
}

KIND_ACTIONS = {
    "licence": ["apply", "renew", "replace", "change", "cancel", "check", "appeal", "transfer", "pay"],
    "document": ["apply", "renew", "replace", "change", "check", "book", "copy"],
    "registration": ["register", "change", "cancel", "copy", "check", "appeal"],
    "tax": ["file", "pay", "check", "appeal", "extend", "exempt"],
    "benefit": ["apply", "check", "appeal", "change", "cancel", "renew"],
    "booking": ["book", "cancel", "pay", "change", "check"],
}

# --- objects: (en noun, article, zh-HK, zh-CN, dept, kind, categories, popularity) -----------------
O = [
    ("driving licence", "a", "駕駛執照", "驾驶执照", "TD", "licence", ["transport", "residents"], 9),
    ("learner driving licence", "a", "學習駕駛執照", "学习驾驶执照", "TD", "licence", ["transport", "residents"], 7),
    ("vehicle licence", "a", "車輛牌照", "车辆牌照", "TD", "licence", ["transport", "residents"], 9),
    ("vehicle registration", "a", "車輛登記", "车辆登记", "TD", "registration", ["transport", "residents"], 7),
    ("personalised vehicle registration mark", "a", "自訂車輛登記號碼", "自订车辆登记号码", "TD", "licence", ["transport"], 4),
    ("driving test", "a", "駕駛考試", "驾驶考试", "TD", "booking", ["transport", "residents"], 8),
    ("international driving permit", "an", "國際駕駛許可證", "国际驾驶许可证", "TD", "document", ["transport", "visitors"], 5),
    ("parking permit", "a", "泊車許可證", "泊车许可证", "TD", "licence", ["transport", "moving-home"], 5),
    ("salaries tax return", "a", "薪俸稅報稅表", "薪俸税报税表", "IRD", "tax", ["tax", "residents"], 10),
    ("profits tax return", "a", "利得稅報稅表", "利得税报税表", "IRD", "tax", ["tax", "businesses"], 8),
    ("property tax", "", "物業稅", "物业税", "IRD", "tax", ["tax", "buildings-and-land"], 6),
    ("tax demand note", "a", "稅單", "税单", "IRD", "tax", ["tax", "residents"], 8),
    ("stamp duty", "", "印花稅", "印花税", "IRD", "tax", ["tax", "moving-home"], 6),
    ("business registration certificate", "a", "商業登記證", "商业登记证", "IRD", "document", ["business-and-trade", "starting-a-business", "businesses"], 8),
    ("passport", "a", "護照", "护照", "IMMD", "document", ["immigration", "residents"], 10),
    ("identity card", "an", "身份證", "身份证", "IMMD", "document", ["immigration", "residents"], 10),
    ("birth registration", "a", "出生登記", "出生登记", "IMMD", "registration", ["immigration", "having-a-baby"], 7),
    ("marriage registration", "a", "結婚登記", "结婚登记", "IMMD", "registration", ["immigration", "getting-married"], 7),
    ("death registration", "a", "死亡登記", "死亡登记", "IMMD", "registration", ["immigration", "bereavement"], 5),
    ("employment visa", "an", "就業簽證", "就业签证", "IMMD", "document", ["immigration", "employment", "visitors"], 6),
    ("student visa", "a", "學生簽證", "学生签证", "IMMD", "document", ["immigration", "education", "students"], 6),
    ("visit visa", "a", "訪港簽證", "访港签证", "IMMD", "document", ["immigration", "visitors"], 6),
    ("food business licence", "a", "食物業牌照", "食物业牌照", "FEHD", "licence", ["food-and-hygiene", "starting-a-business", "businesses"], 7),
    ("restaurant licence", "a", "食肆牌照", "食肆牌照", "FEHD", "licence", ["food-and-hygiene", "businesses"], 7),
    ("liquor licence", "a", "酒牌", "酒牌", "FEHD", "licence", ["food-and-hygiene", "businesses"], 5),
    ("hawker licence", "a", "小販牌照", "小贩牌照", "FEHD", "licence", ["food-and-hygiene", "businesses"], 4),
    ("niche for ashes", "a", "骨灰龕位", "骨灰龛位", "FEHD", "booking", ["bereavement", "residents"], 4),
    ("market stall tenancy", "a", "街市檔位租約", "街市档位租约", "FEHD", "licence", ["food-and-hygiene", "businesses"], 3),
    ("public rental housing", "", "公共租住房屋", "公共租住房屋", "HD", "benefit", ["housing", "moving-home", "residents"], 9),
    ("Home Ownership Scheme flat", "a", "居屋單位", "居屋单位", "HD", "benefit", ["housing", "moving-home", "residents"], 8),
    ("rent assistance", "", "租金援助", "租金援助", "HD", "benefit", ["housing", "welfare", "residents"], 5),
    ("employees' compensation claim", "an", "僱員補償申索", "雇员补偿申索", "LD", "benefit", ["employment", "residents"], 5),
    ("job vacancy listing", "a", "職位空缺", "职位空缺", "LD", "registration", ["employment", "finding-a-job", "businesses"], 6),
    ("employment agency licence", "an", "職業介紹所牌照", "职业介绍所牌照", "LD", "licence", ["employment", "businesses"], 3),
    ("Old Age Living Allowance", "the", "長者生活津貼", "长者生活津贴", "SWD", "benefit", ["welfare", "retiring", "older-people"], 8),
    ("Comprehensive Social Security Assistance", "", "綜合社會保障援助", "综合社会保障援助", "SWD", "benefit", ["welfare", "residents"], 8),
    ("disability allowance", "a", "傷殘津貼", "伤残津贴", "SWD", "benefit", ["welfare", "residents"], 6),
    ("child care centre place", "a", "幼兒中心服務", "幼儿中心服务", "SWD", "benefit", ["welfare", "having-a-baby"], 5),
    ("student financial assistance", "", "學生資助", "学生资助", "EDB", "benefit", ["education", "students"], 7),
    ("Primary One school place", "a", "小一學位", "小一学位", "EDB", "benefit", ["education", "moving-home"], 7),
    ("school registration", "a", "學校註冊", "学校注册", "EDB", "registration", ["education", "businesses"], 3),
    ("vaccination record", "a", "疫苗接種記錄", "疫苗接种记录", "DH", "document", ["health", "residents"], 7),
    ("medical practitioner registration", "a", "醫生註冊", "医生注册", "DH", "registration", ["health"], 3),
    ("Elderly Health Care Voucher", "an", "長者醫療券", "长者医疗券", "DH", "benefit", ["health", "retiring", "older-people"], 8),
    ("building works permit", "a", "建築工程許可證", "建筑工程许可证", "BD", "licence", ["buildings-and-land", "businesses"], 4),
    ("minor works notification", "a", "小型工程通知", "小型工程通知", "BD", "registration", ["buildings-and-land", "residents"], 4),
    ("registered contractor", "a", "註冊承建商", "注册承建商", "BD", "registration", ["buildings-and-land", "businesses"], 3),
    ("lease modification", "a", "地契修訂", "地契修订", "LANDS", "licence", ["buildings-and-land", "businesses"], 3),
    ("short term tenancy", "a", "短期租約", "短期租约", "LANDS", "licence", ["buildings-and-land", "businesses"], 3),
    ("import licence", "an", "進口許可證", "进口许可证", "CED", "licence", ["business-and-trade", "businesses"], 5),
    ("export licence", "an", "出口許可證", "出口许可证", "CED", "licence", ["business-and-trade", "businesses"], 5),
    ("dutiable commodities permit", "a", "應課稅品許可證", "应课税品许可证", "CED", "licence", ["business-and-trade", "tax", "businesses"], 4),
    ("local company", "a", "本地公司", "本地公司", "CR", "registration", ["business-and-trade", "starting-a-business", "businesses"], 7),
    ("annual return", "an", "周年申報表", "周年申报表", "CR", "tax", ["business-and-trade", "businesses"], 6),
    ("trade mark", "a", "商標", "商标", "IPD", "registration", ["business-and-trade", "starting-a-business", "businesses"], 5),
    ("patent", "a", "專利", "专利", "IPD", "registration", ["business-and-trade", "businesses"], 4),
    ("waste disposal licence", "a", "廢物處置牌照", "废物处置牌照", "EPD", "licence", ["environment", "businesses"], 3),
    ("vehicle emission test", "a", "車輛廢氣測試", "车辆废气测试", "EPD", "booking", ["environment", "transport"], 4),
    ("sports facility", "a", "康體設施", "康体设施", "LCSD", "booking", ["leisure-and-culture", "residents"], 8),
    ("library card", "a", "圖書證", "图书证", "LCSD", "document", ["leisure-and-culture", "residents", "students"], 6),
    ("rates", "", "差餉", "差饷", "RVD", "tax", ["water-and-rates", "moving-home", "residents"], 8),
    ("government rent", "", "地租", "地租", "RVD", "tax", ["water-and-rates", "buildings-and-land"], 6),
    ("water account", "a", "水費帳戶", "水费账户", "WSD", "registration", ["water-and-rates", "moving-home", "residents"], 7),
    ("water bill", "a", "水費單", "水费单", "WSD", "tax", ["water-and-rates", "residents"], 8),
    ("dog licence", "a", "狗隻牌照", "狗只牌照", "AFCD", "licence", ["environment", "residents"], 5),
    ("fishing vessel licence", "a", "漁船牌照", "渔船牌照", "AFCD", "licence", ["environment", "businesses"], 3),
    ("animal trader licence", "an", "動物售賣商牌照", "动物售卖商牌照", "AFCD", "licence", ["environment", "businesses"], 3),
    ("certificate of origin", "a", "產地來源證", "产地来源证", "TID", "document", ["business-and-trade", "businesses"], 5),
    ("SME loan guarantee", "an", "中小企信貸保證", "中小企信贷保证", "TID", "benefit", ["business-and-trade", "starting-a-business", "businesses"], 5),
]

# Qualifiers multiply the base services into the thousands, as real catalogues do (per district,
# per kind of applicant, per variant). (slug part, en suffix, zh-HK suffix, zh-CN suffix, extra category)
DISTRICTS = [
    ("central-and-western", "Central and Western", "中西區", "中西区"), ("wan-chai", "Wan Chai", "灣仔", "湾仔"),
    ("eastern", "Eastern", "東區", "东区"), ("southern", "Southern", "南區", "南区"),
    ("yau-tsim-mong", "Yau Tsim Mong", "油尖旺", "油尖旺"), ("sham-shui-po", "Sham Shui Po", "深水埗", "深水埗"),
    ("kowloon-city", "Kowloon City", "九龍城", "九龙城"), ("wong-tai-sin", "Wong Tai Sin", "黃大仙", "黄大仙"),
    ("kwun-tong", "Kwun Tong", "觀塘", "观塘"), ("kwai-tsing", "Kwai Tsing", "葵青", "葵青"),
    ("tsuen-wan", "Tsuen Wan", "荃灣", "荃湾"), ("tuen-mun", "Tuen Mun", "屯門", "屯门"),
    ("yuen-long", "Yuen Long", "元朗", "元朗"), ("north", "North", "北區", "北区"),
    ("tai-po", "Tai Po", "大埔", "大埔"), ("sha-tin", "Sha Tin", "沙田", "沙田"),
    ("sai-kung", "Sai Kung", "西貢", "西贡"), ("islands", "Islands", "離島", "离岛"),
]
QUALIFIERS = [("", "", "", "", None)]
QUALIFIERS += [(s, f" – {en} District", f"（{hk}區）" if not hk.endswith("區") else f"（{hk}）",
                f"（{cn}区）" if not cn.endswith("区") else f"（{cn}）", "residents") for s, en, hk, cn in DISTRICTS]
QUALIFIERS += [
    ("individuals", " for individuals", "（個人適用）", "（个人适用）", "residents"),
    ("companies", " for companies", "（公司適用）", "（公司适用）", "businesses"),
    ("sole-proprietors", " for sole proprietors", "（獨資經營者適用）", "（独资经营者适用）", "businesses"),
    ("partnerships", " for partnerships", "（合夥業務適用）", "（合伙业务适用）", "businesses"),
    ("non-residents", " for non-residents", "（非本港居民適用）", "（非本港居民适用）", "visitors"),
    ("older-people", " for older people", "（長者適用）", "（长者适用）", "older-people"),
    ("people-with-disabilities", " for people with disabilities", "（殘疾人士適用）", "（残疾人士适用）", "residents"),
    ("students", " for students", "（學生適用）", "（学生适用）", "students"),
    ("temporary", " (temporary)", "（臨時）", "（临时）", None),
    ("express", " (express service)", "（特快服務）", "（特快服务）", None),
    ("by-post", " by post", "（郵寄辦理）", "（邮寄办理）", None),
    ("on-behalf", " on behalf of someone else", "（代他人辦理）", "（代他人办理）", None),
]

# --- sentence pools: parallel (en, zh-HK, zh-CN); {o}/{n} = object, {d} = department -------------
SUMMARY_ONLINE = [
    ("You can do this online with your OneStop ID and pay by card.", "你可使用OneStop帳戶在網上辦理，並以信用卡付款。", "你可使用OneStop账户在网上办理，并以信用卡付款。"),
    ("Apply online and get a decision by email.", "在網上申請，並以電郵收取結果。", "在网上申请，并以电邮收取结果。"),
    ("Most people can finish this online in about 15 minutes.", "大部分人可在約15分鐘內於網上完成。", "大部分人可在约15分钟内于网上完成。"),
]
SUMMARY_COUNTER = [
    ("You need to go to a counter in person with the original documents.", "你須親身帶同文件正本到櫃位辦理。", "你须亲身带同文件正本到柜位办理。"),
    ("Submit the paper form by post or at a service counter.", "以郵寄或到服務櫃位遞交紙本表格。", "以邮寄或到服务柜位递交纸本表格。"),
]
SUMMARY_INTRO = [
    ("How to {act} with the {d}.", "如何向{d}{act}。", "如何向{d}{act}。"),
    ("{Act} – who can apply, what you need and what it costs.", "{act}：申請資格、所需文件及費用。", "{act}：申请资格、所需文件及费用。"),
    ("Find out how to {act} and how long it takes.", "了解如何{act}及所需時間。", "了解如何{act}及所需时间。"),
]
ELIGIBILITY = [
    ("You must be 18 or over and hold a valid Hong Kong identity card.", "你必須年滿18歲並持有有效香港身份證。", "你必须年满18岁并持有有效香港身份证。"),
    ("Open to permanent residents and to people with the right to land.", "適用於香港永久性居民及擁有入境權人士。", "适用于香港永久性居民及拥有入境权人士。"),
    ("The business must hold a valid business registration certificate.", "業務必須持有有效商業登記證。", "业务必须持有有效商业登记证。"),
    ("Anyone may apply; some applicants have to pass a means test.", "任何人均可申請，部分申請人須通過入息及資產審查。", "任何人均可申请，部分申请人须通过入息及资产审查。"),
    ("You must have lived in Hong Kong for at least one year.", "你必須已在香港居住最少一年。", "你必须已在香港居住最少一年。"),
    ("You must be aged 65 or over.", "你必須年滿65歲。", "你必须年满65岁。"),
]
DOCUMENTS = [
    ("your identity card", "你的身份證", "你的身份证"),
    ("proof of address issued in the last three months", "最近三個月內發出的住址證明", "最近三个月内发出的住址证明"),
    ("a recent colour photograph", "近照一張", "近照一张"),
    ("your business registration certificate", "你的商業登記證", "你的商业登记证"),
    ("the completed application form", "已填妥的申請表格", "已填妥的申请表格"),
    ("your tenancy agreement", "你的租約", "你的租约"),
    ("a medical certificate", "醫生證明書", "医生证明书"),
    ("the vehicle registration document", "車輛登記文件", "车辆登记文件"),
    ("your tax file number", "你的稅務檔案號碼", "你的税务档案号码"),
    ("a letter from your employer", "僱主證明信", "雇主证明信"),
    ("bank statements for the last three months", "最近三個月的銀行月結單", "最近三个月的银行月结单"),
    ("your birth certificate", "你的出生證明書", "你的出生证明书"),
    ("your marriage certificate", "你的結婚證書", "你的结婚证书"),
    ("your passport", "你的護照", "你的护照"),
]
GENERAL = [
    ("Check that your details are correct before you submit the application.", "遞交申請前，請核對你的資料是否正確。", "递交申请前，请核对你的资料是否正确。"),
    ("If you apply late you may have to pay a surcharge.", "逾期申請或須繳付附加費。", "逾期申请或须缴付附加费。"),
    ("We will contact you if we need more information about your {n}.", "如需更多有關{o}的資料，我們會聯絡你。", "如需更多有关{o}的资料，我们会联络你。"),
    ("You can authorise another person to collect the {n} for you.", "你可授權他人代為領取{o}。", "你可授权他人代为领取{o}。"),
    ("Keep your reference number: you need it to check the progress of your application.", "請保留參考編號，以便查詢申請進度。", "请保留参考编号，以便查询申请进度。"),
    ("Applications received after 5pm are processed on the next working day.", "下午5時後收到的申請會於下一個工作天處理。", "下午5时后收到的申请会于下一个工作天处理。"),
    ("Giving false information is an offence and may lead to prosecution.", "提供虛假資料屬違法，或會被檢控。", "提供虚假资料属违法，或会被检控。"),
    ("The {d} may inspect the premises before a decision is made.", "{d}或會在作出決定前視察有關處所。", "{d}或会在作出决定前视察有关处所。"),
    ("Services for people with disabilities are available at every counter.", "各服務櫃位均為殘疾人士提供服務。", "各服务柜位均为残疾人士提供服务。"),
    ("You will get an acknowledgement by email or SMS.", "你會經電郵或短訊收到確認通知。", "你会经电邮或短讯收到确认通知。"),
    ("Your personal data is used only to process this application.", "你的個人資料只會用於處理是次申請。", "你的个人资料只会用于处理是次申请。"),
    ("Renew at least one month before your {n} expires to avoid a gap.", "請於{o}屆滿前最少一個月續期，以免中斷。", "请于{o}届满前最少一个月续期，以免中断。"),
]
STEPS_ONLINE = [
    ("Sign in with your OneStop ID.", "以OneStop帳戶登入。", "以OneStop账户登入。"),
    ("Fill in the online form.", "填寫網上表格。", "填写网上表格。"),
    ("Upload copies of your documents.", "上載文件副本。", "上载文件副本。"),
    ("Pay online by card, FPS or PPS.", "以信用卡、轉數快或繳費靈在網上付款。", "以信用卡、转数快或缴费灵在网上付款。"),
    ("Download the result when it is ready.", "結果備妥後可於網上下載。", "结果备妥后可于网上下载。"),
]
STEPS_COUNTER = [
    ("Book an appointment or take a queue ticket.", "預約或輪候籌號。", "预约或轮候筹号。"),
    ("Bring the original documents to the counter.", "帶同文件正本到櫃位。", "带同文件正本到柜位。"),
    ("Pay the fee by cash, cheque or EPS.", "以現金、支票或易辦事繳付費用。", "以现金、支票或易办事缴付费用。"),
    ("Collect the result in person.", "親身領取結果。", "亲身领取结果。"),
]
HEADINGS = {
    "who": ("Who can apply", "申請資格", "申请资格"),
    "need": ("What you need", "所需文件", "所需文件"),
    "how": ("How to apply", "申請方法", "申请方法"),
    "time": ("How long it takes", "處理時間", "处理时间"),
    "more": ("More information", "其他資料", "其他资料"),
    "contact": ("Contact", "查詢", "查询"),
}

# Channel mixes with weights: digital-first, hybrid, paper-only.
CHANNEL_MIXES = [
    (["online-submission", "e-payment", "e-delivery", "sign-in", "counter"], 22),
    (["online-submission", "e-payment", "sign-in", "counter"], 15),
    (["online-submission", "counter"], 14),
    (["online-submission", "e-payment", "counter"], 10),
    (["online-submission", "e-payment", "e-delivery", "sign-in"], 6),
    (["online-submission", "sign-in"], 4),
    (["e-payment", "counter"], 6),
    (["counter"], 20),
    (["online-submission"], 3),
]
PLEDGES = [None, None, 0, 1, 3, 5, 7, 10, 10, 14, 21, 28, 30, 45, 60, 90]


def pick(rng, pool, k):
    return rng.sample(pool, k)


def slugify(text):
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return re.sub(r"-+", "-", slug)


def trim_slug(slug, limit=72):
    if len(slug) <= limit:
        return slug
    cut = slug[:limit]
    return cut[: cut.rfind("-")] if "-" in cut else cut


def tri(en, hk, cn):
    return {"en": en, "zh-HK": hk, "zh-CN": cn}


def fill(triple, **kw):
    en, hk, cn = triple
    return (en.format(**{k: v[0] for k, v in kw.items()}),
            hk.format(**{k: v[1] for k, v in kw.items()}),
            cn.format(**{k: v[2] for k, v in kw.items()}))


def object_phrase(obj):
    noun, article = obj[0], obj[1]
    return f"{article} {noun}" if article else noun


def make_service(rng, obj, action, qualifier, dept_names):
    noun, article, o_hk, o_cn, dept, kind, cats, popularity = obj
    q_slug, q_en, q_hk, q_cn, q_cat = qualifier
    en_t, hk_t, cn_t = ACTIONS[action]
    a = object_phrase(obj)
    # "Check the progress of a passport application" reads better without "the" + possessive clash.
    act_en = en_t.format(a=a, n=noun)
    act_hk = hk_t.format(o=o_hk)
    act_cn = cn_t.format(o=o_cn)
    name = (act_en + q_en, act_hk + q_hk, act_cn + q_cn)
    slug = trim_slug(slugify(f"{action}-{noun}" + (f"-{q_slug}" if q_slug else "")))

    channels = rng.choices([m for m, _ in CHANNEL_MIXES], weights=[w for _, w in CHANNEL_MIXES])[0]
    online = "online-submission" in channels
    d = dept_names[dept]
    lower_first = act_en[0].lower() + act_en[1:]
    intro = fill(rng.choice(SUMMARY_INTRO), act=(lower_first, act_hk, act_cn), Act=(act_en, act_hk, act_cn), d=d)
    # "{Act}" is only in the English template; Chinese uses {act} in its place.
    how = rng.choice(SUMMARY_ONLINE if online else SUMMARY_COUNTER)
    summary = tuple(f"{x} {y}" if i == 0 else f"{x}{y}" for i, (x, y) in enumerate(zip(intro, how)))

    o = (noun, o_hk, o_cn)
    body = [[], [], []]

    def para(triple):
        for i, t in enumerate(fill(triple, n=o, o=o, d=d)):
            body[i].append(t)

    def heading(key):
        for i, t in enumerate(HEADINGS[key]):
            body[i].append(f"## {t}")

    def bullets(items, numbered=False):
        for i in range(3):
            body[i].append("\n".join((f"{n + 1}. " if numbered else "- ") + it[i] for n, it in enumerate(items)))

    para(rng.choice(GENERAL))
    heading("who")
    eligibility = rng.choice(ELIGIBILITY)
    para(eligibility)
    heading("need")
    bullets(pick(rng, DOCUMENTS, rng.randint(2, 5)))
    heading("how")
    steps = STEPS_ONLINE[: rng.randint(3, 5)] if online else STEPS_COUNTER[: rng.randint(2, 4)]
    bullets(steps, numbered=True)
    if online and "counter" in channels:
        para(("You can also apply in person at any {d} counter.", "你亦可親身到{d}任何櫃位申請。", "你亦可亲身到{d}任何柜位申请。"))
    pledge = rng.choice(PLEDGES)
    heading("time")
    if pledge is None:
        para(("There is no fixed processing time for this service.", "此服務沒有服務承諾時間。", "此服务没有服务承诺时间。"))
    elif pledge == 0:
        para(("Most applications are processed on the same day.", "大部分申請即日處理。", "大部分申请即日处理。"))
    else:
        para((f"We aim to process complete applications within {pledge} working days.",
              f"我們會在{pledge}個工作天內處理資料齊備的申請。", f"我们会在{pledge}个工作天内处理资料齐备的申请。"))
    heading("more")
    for g in pick(rng, GENERAL, rng.randint(3, 6)):
        para(g)
    heading("contact")
    para((f"Contact the {{d}} on {DEPT_PHONE[dept]} or at enquiry@{dept.lower()}.gov.example.",
          f"請致電{DEPT_PHONE[dept]}或電郵至enquiry@{dept.lower()}.gov.example聯絡{{d}}。",
          f"请致电{DEPT_PHONE[dept]}或电邮至enquiry@{dept.lower()}.gov.example联络{{d}}。"))

    fee_amount = rng.choice([0, 0, 35, 50, 90, 140, 215, 370, 450, 900, 1245, 2620, 5400])
    fees = ("Free", "免費", "免费") if fee_amount == 0 else \
        (f"HK${fee_amount}", f"港幣{fee_amount}元", f"港币{fee_amount}元")

    categories = list(dict.fromkeys(cats + ([q_cat] if q_cat else [])))
    status = rng.choices(["live", "planned", "retired"], weights=[90, 6, 4])[0]
    base = 10 ** (popularity / 2.0 + 1)  # popular objects: ~1e6 a year; rare ones ~1e3
    usage = int(base * math.exp(rng.gauss(0, 1.2)) / (8 if q_slug else 1))
    external = f"https://eservices.{dept.lower()}.gov.example/{slug}" if rng.random() < 0.04 else None
    if external and "online-submission" not in channels:
        channels = ["online-submission"] + channels
    return {
        "slug": slug,
        "department": dept,
        "status": status,
        "categories": categories,
        "channels": channels,
        "name": tri(*name),
        "summary": tri(*summary),
        "body": tri(*("\n\n".join(b) for b in body)),
        "eligibility": tri(*eligibility),
        "fees": tri(*fees),
        "pledgedWorkingDays": pledge,
        "externalUrl": external,
        "usage": usage,
    }


DEPT_PHONE = {code: phone for code, _, phone in DEPARTMENTS}


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--out", required=True, help="catalogue file to write (.json)")
    p.add_argument("--services", type=int, default=10000)
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--page-paths", help="also write this many service page paths (see --pages) to this file")
    p.add_argument("--pages", type=int, default=300)
    args = p.parse_args()
    rng = random.Random(args.seed)

    dept_names = {code: names for code, names, _ in DEPARTMENTS}
    combos = [(obj, action, q) for obj in O for action in KIND_ACTIONS[obj[5]] for q in QUALIFIERS]
    base = [c for c in combos if not c[2][0]]
    qualified = [c for c in combos if c[2][0]]
    rng.shuffle(qualified)
    chosen = base + qualified
    if args.services > len(chosen):
        sys.exit(f"Only {len(chosen)} distinct services can be generated; asked for {args.services}.")
    chosen = chosen[: args.services]

    services, seen = [], set()
    for obj, action, q in chosen:
        s = make_service(rng, obj, action, q, dept_names)
        slug, n = s["slug"], 2
        while s["slug"] in seen:
            s["slug"] = f"{slug}-{n}"
            n += 1
        seen.add(s["slug"])
        services.append(s)
    rng.shuffle(services)

    catalogue = {
        "departments": [{
            "code": code, "name": tri(*names),
            "email": f"enquiry@{code.lower()}.gov.example", "phone": phone,
            "website": f"https://www.{code.lower()}.gov.example",
        } for code, names, phone in DEPARTMENTS],
        "categories": [{
            "slug": slug, "facet": facet, "name": tri(*names),
            "description": tri(f"Services about {names[0].lower()}.", f"有關{names[1]}的服務。", f"有关{names[2]}的服务。"),
        } for slug, facet, names in CATEGORIES],
        "services": services,
    }
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(catalogue, f, ensure_ascii=False, indent=1)

    if args.page_paths:
        # Pages in all three languages, English most often, over a fixed sample of services.
        sample = rng.sample(services, min(args.pages, len(services)))
        prefixes = rng.choices(["", "/zh-hk", "/zh-cn"], weights=[5, 3, 2], k=len(sample))
        with open(args.page_paths, "w", encoding="utf-8") as f:
            for s, prefix in zip(sample, prefixes):
                f.write(f"{prefix}/services/{s['slug']}\n")

    print(f"Wrote {len(DEPARTMENTS)} departments, {len(CATEGORIES)} categories and {len(services)} services "
          f"({len(combos)} possible) to {args.out}.")


if __name__ == "__main__":
    main()
