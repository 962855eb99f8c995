#!/usr/bin/env python3
"""Writes src/main/resources/packs/healthcheck-v1.yaml, the default 数字体检 pack (3 modules, 23
categories, 296 indicators). The YAML is the source of truth the application loads; this script only
saves typing the advice templates. Run: python3 tools/packs/healthcheck_v1.py"""
import json
import pathlib

RANKS = ["一级巡视员", "二级巡视员", "一级调研员", "二级调研员", "三级调研员", "四级调研员", "一级主任科员",
         "二级主任科员", "三级主任科员", "四级主任科员", "一级科员", "二级科员"]
LEADER = "post_level is not null"
ZHENG = "post_level in ['厅局级正职', '县处级正职', '乡科级正职']"
FU = "post_level in ['厅局级副职', '县处级副职', '乡科级副职']"
CHU = "post_level in ['县处级正职', '县处级副职']"
KE = "post_level in ['乡科级正职', '乡科级副职']"
PARTY = "political_status in ['中共党员', '中共预备党员']"
DEGREE_HIGH = "(ft_education = '研究生' or is_education = '研究生')"
BACHELOR = "ft_education in ['研究生', '大学本科']"
BACHELOR_ANY = "(ft_education in ['研究生', '大学本科'] or is_education in ['研究生', '大学本科'])"
YOUNG = "age(birth_date) < 36"
OLD56 = "age(birth_date) >= 56"
CITY, COUNTY, TOWN = "市直", "县直", "乡镇"


def ranks(first, last):
    return "[" + ", ".join("'%s'" % r for r in RANKS[RANKS.index(first):RANKS.index(last) + 1]) + "]"


def share(cond, base=None):
    if base is None:
        return "count(where %s) / count()" % cond
    return "count(where %s and %s) / count(where %s)" % (cond, base, base)


def retire(years):
    return "years_until(retirement_date) >= 0 and years_until(retirement_date) < %s" % years


def hi(red=None, yellow=None, blue=None):
    return {"direction": "higher", "red": red, "yellow": yellow, "blue": blue}


def lo(red=None, yellow=None, blue=None):
    return {"direction": "lower", "red": red, "yellow": yellow, "blue": blue}


def band(low, high, blue, yellow):
    return {"direction": "band", "low": low, "high": high, "blue": blue, "yellow": yellow}


def i(name, formula, unit, legend, hint=None, tiers=None, types=None):
    return dict(name=name, formula=formula, unit=unit, legend=legend, hint=hint, tiers=tiers, types=types)


MODULES = [
    ("A", "队伍结构", [
        ("年龄结构", "优化年龄梯次结构，加大年轻干部招录和选拔力度", [
            i("30周岁及以下干部占比", share("age(birth_date) < 31"), "%", hi(2, 4, 6)),
            i("35周岁及以下干部占比", share(YOUNG), "%", hi(8, 12, 15)),
            i("36至40周岁干部占比", share("age(birth_date) >= 36 and age(birth_date) < 41"), "%", band(8, 30, 4, 8)),
            i("41至45周岁干部占比", share("age(birth_date) >= 41 and age(birth_date) < 46"), "%", band(8, 30, 4, 8)),
            i("46至50周岁干部占比", share("age(birth_date) >= 46 and age(birth_date) < 51"), "%", band(8, 30, 4, 8)),
            i("51至55周岁干部占比", share("age(birth_date) >= 51 and age(birth_date) < 56"), "%", lo(35, 28, 22),
              "有计划地做好临近退休干部的工作交接和岗位补充"),
            i("56周岁及以上干部占比", share(OLD56), "%", lo(20, 15, 12), "提前谋划退休空缺补充，防止出现断档"),
            i("45周岁以上干部占比", share("age(birth_date) >= 46"), "%", lo(70, 60, 55)),
            i("50周岁以上干部占比", share("age(birth_date) >= 51"), "%", lo(50, 40, 35)),
            i("55周岁以上干部占比", share("age(birth_date) >= 56"), "%", lo(25, 18, 14)),
            i("40周岁及以下干部占比", share("age(birth_date) < 41"), "%", hi(15, 22, 28)),
            i("25周岁及以下干部占比", share("age(birth_date) < 26"), "%", band(0, 10, 3, 6)),
            i("平均年龄", "avg(age(birth_date))", "岁", band(36, 45, 2, 4)),
            i("男干部平均年龄", "avg(age(birth_date) where gender = '男')", "岁", band(36, 46, 2, 4)),
            i("女干部平均年龄", "avg(age(birth_date) where gender = '女')", "岁", band(34, 44, 2, 4)),
            i("领导干部平均年龄", "avg(age(birth_date) where %s)" % LEADER, "岁", band(42, 55, 2, 4)),
            i("35周岁及以下干部人数", "count(where %s)" % YOUNG, "人", hi(1, 2, 3)),
            i("36至45周岁干部人数（年龄断层监测）", "count(where age(birth_date) >= 36 and age(birth_date) < 46)", "人",
              hi(1, 2, 3), "补充中间年龄段干部，防止年龄断层"),
            i("60周岁及以上在职干部人数", "count(where age(birth_date) >= 60)", "人", lo(1, 0),
              "核实是否已达法定退休年龄并及时办理退休手续"),
        ]),
        ("性别结构", "重视女干部培养选拔，优化性别结构", [
            i("女干部占比", share("gender = '女'"), "%", hi(15, 20, 25)),
            i("女性领导干部占比（占领导干部）", share("gender = '女'", LEADER), "%", hi(10, 15, 20)),
            i("女性正职领导干部人数", "count(where gender = '女' and %s)" % ZHENG, "人", hi(None, None, 1)),
            i("35周岁及以下干部中女干部占比", share("gender = '女'", YOUNG), "%", hi(20, 30, 35)),
            i("女干部中研究生学历占比", share("ft_education = '研究生'", "gender = '女'"), "%", hi(3, 6, 10)),
            i("女干部中中共党员占比", share(PARTY, "gender = '女'"), "%", hi(55, 65, 72)),
            i("男干部占比", share("gender = '男'"), "%", band(40, 75, 5, 10), "统筹男女干部配备比例"),
            i("女干部人数", "count(where gender = '女')", "人", hi(1, 2, 3)),
            i("女性县处级领导干部人数", "count(where gender = '女' and %s)" % CHU, "人", hi(None, None, 1), tiers=[CITY]),
            i("女性乡科级领导干部占比（占乡科级领导干部）", share("gender = '女'", KE), "%", hi(10, 15, 20)),
        ]),
        ("学历结构", "加大高学历人才引进和在职学历教育，提升队伍学历层次", [
            i("全日制研究生学历占比", share("ft_education = '研究生'"), "%", hi(3, 6, 10)),
            i("全日制大学本科及以上学历占比", share(BACHELOR), "%", hi(60, 70, 75)),
            i("全日制大学专科及以下学历占比", share("ft_education in ['大学专科', '中专', '高中及以下']"), "%", lo(30, 25, 20)),
            i("全日制中专及以下学历占比", share("ft_education in ['中专', '高中及以下']"), "%", lo(8, 5, 3)),
            i("高中及以下学历人数", "count(where ft_education = '高中及以下')", "人", lo(2, 1, 0)),
            i("在职研究生学历占比", share("is_education = '研究生'"), "%", hi(1, 2, 4)),
            i("最高学历研究生占比", share(DEGREE_HIGH), "%", hi(5, 8, 12)),
            i("最高学历大学本科及以上占比", share(BACHELOR_ANY), "%", hi(70, 80, 85)),
            i("硕士及以上学位占比", share("(ft_degree in ['博士', '硕士'] or is_degree in ['博士', '硕士'])"), "%", hi(3, 6, 10)),
            i("博士学位人数", "count(where ft_degree = '博士' or is_degree = '博士')", "人", hi(None, None, 1), tiers=[CITY]),
            i("学士及以上学位占比", share("(ft_degree in ['博士', '硕士', '学士'] or is_degree in ['博士', '硕士', '学士'])"), "%",
              hi(60, 70, 78)),
            i("35周岁及以下干部本科及以上学历占比", share(BACHELOR, YOUNG), "%", hi(85, 90, 95)),
            i("领导干部研究生学历占比", share(DEGREE_HIGH, LEADER), "%", hi(None, None, 3)),
            i("领导干部大学本科及以上学历占比", share(BACHELOR_ANY, LEADER), "%", hi(55, 65, 75)),
        ]),
        ("专业结构", "结合单位职能优化专业结构，补充紧缺专业人才", [
            i("经济管理类专业占比", share("major_category = '经济管理类'"), "%", band(10, 45, 5, 10)),
            i("法学类专业占比", share("major_category = '法学类'"), "%", band(8, 60, 5, 10)),
            i("文史哲类专业占比", share("major_category = '文史哲类'"), "%", band(5, 40, 5, 10)),
            i("理工类专业占比", share("major_category = '理工类'"), "%", band(5, 50, 5, 10)),
            i("信息技术类专业占比", share("major_category = '信息技术类'"), "%", hi(2, 4, 6),
              "加快引进数字化改革急需的信息技术类专业人才"),
            i("农林水产类专业占比", share("major_category = '农林水产类'"), "%", hi(2, 4, 6), tiers=[TOWN]),
            i("海洋类专业人数", "count(where major_category = '海洋类')", "人", hi(None, None, 1)),
            i("医学类专业占比", share("major_category = '医学类'"), "%", band(0, 35, 10, 20)),
            i("教育类专业占比", share("major_category = '教育类'"), "%", band(0, 35, 10, 20)),
            i("其他类专业占比", share("major_category = '其他'"), "%", lo(15, 12, 9)),
            i("经济法律类专业合计占比", share("major_category in ['经济管理类', '法学类']"), "%", band(20, 75, 5, 10)),
            i("理工信息类专业合计占比", share("major_category in ['理工类', '信息技术类']"), "%", band(10, 50, 5, 10)),
            i("海洋与农林水产类专业合计占比", share("major_category in ['海洋类', '农林水产类']"), "%", hi(3, 6, 10),
              tiers=[TOWN]),
            i("审判检察机关法学类专业占比", share("major_category = '法学类'"), "%", hi(40, 50, 60),
              types=["审判检察机关"]),
        ]),
        ("政治面貌与民族", "加强党员发展和党外、少数民族干部培养使用", [
            i("中共党员占比", share(PARTY), "%", hi(60, 70, 75)),
            i("中共预备党员占比", share("political_status = '中共预备党员'"), "%", band(0, 5, 2, 4)),
            i("共青团员占比", share("political_status = '共青团员'"), "%", band(0, 15, 5, 10)),
            i("党外干部占比", share("political_status in ['民主党派', '群众']"), "%", band(10, 30, 5, 10)),
            i("群众占比", share("political_status = '群众'"), "%", lo(30, 25, 20)),
            i("少数民族干部占比", share("ethnicity != '汉族'"), "%", hi(None, None, 1)),
            i("少数民族干部人数", "count(where ethnicity != '汉族')", "人", hi(None, None, 1), tiers=[CITY]),
            i("领导干部中共党员占比", share(PARTY, LEADER), "%", hi(85, 90, 95)),
            i("党外领导干部人数", "count(where %s and political_status in ['民主党派', '群众'])" % LEADER, "人",
              hi(None, None, 1), tiers=[CITY]),
            i("35周岁及以下干部中共党员占比", share(PARTY, YOUNG), "%", hi(40, 50, 60)),
            i("民主党派干部人数", "count(where political_status = '民主党派')", "人", hi(None, None, 1), tiers=[CITY]),
        ]),
        ("职级结构", "按职数科学开展职级晋升，优化职级梯次", [
            i("二级巡视员及以上职级占比", share("rank_level in %s" % ranks("一级巡视员", "二级巡视员")), "%", lo(3, 2, 1),
              tiers=[CITY]),
            i("一级调研员占比", share("rank_level = '一级调研员'"), "%", lo(25, 20, 16), tiers=[CITY]),
            i("二级调研员占比", share("rank_level = '二级调研员'"), "%", lo(30, 25, 20)),
            i("三级调研员占比", share("rank_level = '三级调研员'"), "%", lo(50, 42, 35)),
            i("四级调研员占比", share("rank_level = '四级调研员'"), "%", lo(20, 16, 13)),
            i("一级主任科员占比", share("rank_level = '一级主任科员'"), "%", band(5, 25, 5, 10)),
            i("二级主任科员占比", share("rank_level = '二级主任科员'"), "%", band(5, 25, 5, 10)),
            i("三级主任科员占比", share("rank_level = '三级主任科员'"), "%", band(3, 25, 5, 10)),
            i("四级主任科员占比", share("rank_level = '四级主任科员'"), "%", band(3, 25, 5, 10)),
            i("一级科员占比", share("rank_level = '一级科员'"), "%", band(2, 25, 5, 10)),
            i("二级科员占比", share("rank_level = '二级科员'"), "%", band(0, 15, 5, 10)),
            i("调研员层次占比", share("rank_level in %s" % ranks("一级调研员", "四级调研员")), "%", lo(85, 78, 72)),
            i("主任科员层次占比", share("rank_level in %s" % ranks("一级主任科员", "四级主任科员")), "%", band(30, 70, 10, 20)),
            i("科员层次占比", share("rank_level in ['一级科员', '二级科员']"), "%", band(5, 40, 10, 20)),
            i("四级调研员及以上职级占比", share("rank_level in %s" % ranks("一级巡视员", "四级调研员")), "%", lo(85, 78, 72)),
            i("二级主任科员及以上职级占比", share("rank_level in %s" % ranks("一级巡视员", "二级主任科员")), "%",
              band(60, 92, 5, 10)),
            i("四级主任科员及以上职级占比", share("rank_level in %s" % ranks("一级巡视员", "四级主任科员")), "%",
              band(40, 85, 10, 20)),
            i("一级主任科员及以上职级占比", share("rank_level in %s" % ranks("一级巡视员", "一级主任科员")), "%",
              band(55, 88, 5, 10)),
        ]),
        ("领导职务结构", "按核定职数配齐配强领导班子，优化班子年龄和专业结构", [
            i("领导职务干部占比", share(LEADER), "%", band(15, 35, 5, 10)),
            i("县处级正职领导干部人数", "count(where post_level = '县处级正职')", "人", hi(1), "尽快配齐单位主要负责人",
              tiers=[CITY]),
            i("县处级副职领导干部人数", "count(where post_level = '县处级副职')", "人", hi(None, 1, 2), tiers=[CITY]),
            i("乡科级正职领导干部人数", "count(where post_level = '乡科级正职')", "人", hi(1), "尽快配齐单位主要负责人",
              tiers=[COUNTY, TOWN]),
            i("乡科级副职领导干部人数", "count(where post_level = '乡科级副职')", "人", hi(None, 1, 2), tiers=[COUNTY, TOWN]),
            i("领导干部中45周岁及以下占比", share("age(birth_date) < 46", LEADER), "%", hi(None, None, 5)),
            i("领导干部中50周岁以上占比", share("age(birth_date) >= 51", LEADER), "%", lo(99, 90, 85)),
            i("领导干部任现职务平均年限", "avg(years_since(post_since) where %s)" % LEADER, "年", lo(8, 6, 5),
              "加大领导干部交流轮岗力度"),
            i("县处级领导干部平均年龄", "avg(age(birth_date) where %s)" % CHU, "岁", band(45, 57, 1.5, 3), tiers=[CITY]),
            i("乡科级领导干部平均年龄", "avg(age(birth_date) where %s)" % KE, "岁", band(40, 55, 1.5, 3)),
            i("乡科级正职领导干部平均年龄", "avg(age(birth_date) where post_level = '乡科级正职')", "岁", band(42, 57, 1.5, 3)),
            i("领导干部中选调生占比", share("source = '选调生'", LEADER), "%", hi(None, None, 5)),
            i("乡科级领导干部中研究生学历占比", share(DEGREE_HIGH, KE), "%", hi(None, None, 3)),
        ]),
        ("来源结构", "拓宽选人用人渠道，优化干部来源结构", [
            i("考录干部占比", share("source = '考录'"), "%", band(40, 85, 5, 10)),
            i("选调生占比", share("source = '选调生'"), "%", hi(3, 6, 9), "加大选调生招录和培养力度"),
            i("遴选干部占比", share("source = '遴选'"), "%", band(0, 20, 5, 10)),
            i("调任干部占比", share("source = '调任'"), "%", lo(25, 20, 15), "严格控制调任比例，规范调任程序"),
            i("军转干部占比", share("source = '军转'"), "%", lo(30, 25, 20)),
            i("考录和选调生合计占比", share("source in ['考录', '选调生']"), "%", hi(55, 65, 70)),
            i("35周岁及以下干部中选调生占比", share("source = '选调生'", YOUNG), "%", hi(None, None, 5)),
            i("领导干部中选调生和遴选干部占比", share("source in ['选调生', '遴选']", LEADER), "%", hi(None, None, 5)),
            i("遴选干部人数", "count(where source = '遴选')", "人", hi(None, None, 1), tiers=[CITY]),
            i("遴选和调任合计占比", share("source in ['遴选', '调任']"), "%", band(0, 30, 5, 10)),
        ]),
        ("年轻干部配备", "加强优秀年轻干部发现培养和选拔使用", [
            i("35周岁及以下领导干部人数", "count(where %s and %s)" % (LEADER, YOUNG), "人", hi(None, None, 1)),
            i("40周岁及以下领导干部占比（占领导干部）", share("age(birth_date) < 41", LEADER), "%", hi(None, None, 1)),
            i("45周岁及以下领导干部占比（占领导干部）", share("age(birth_date) < 46", LEADER), "%", hi(None, None, 5)),
            i("35周岁及以下乡科级领导干部人数", "count(where %s and %s)" % (KE, YOUNG), "人", hi(None, None, 1),
              tiers=[COUNTY, TOWN]),
            i("40周岁及以下县处级领导干部人数", "count(where %s and age(birth_date) < 41)" % CHU, "人", hi(None, None, 1),
              tiers=[CITY]),
            i("30周岁及以下干部人数", "count(where age(birth_date) < 31)", "人", hi(1, 2, 3)),
            i("35周岁及以下干部中研究生学历占比", share(DEGREE_HIGH, YOUNG), "%", hi(5, 10, 15)),
            i("35周岁及以下二级主任科员及以上职级人数",
              "count(where %s and rank_level in %s)" % (YOUNG, ranks("一级巡视员", "二级主任科员")), "人", hi(None, None, 1)),
            i("35周岁及以下选调生人数", "count(where %s and source = '选调生')" % YOUNG, "人", hi(None, None, 1)),
            i("年轻干部与56周岁及以上干部人数比", "count(where %s) / count(where %s)" % (YOUNG, OLD56), "%", hi(50, 80, 100),
              "加大年轻干部补充力度，保持队伍新老交替"),
        ]),
    ]),
    ("B", "配备使用", [
        ("编制使用", "严格编制管理，及时补充空编，消化超编", [
            i("空编率", "(authorized_headcount - count()) / authorized_headcount", "%", lo(20, 15, 10),
              "制定补员计划，通过考录、遴选、调任及时补充空编"),
            i("空编数", "authorized_headcount - count()", "人", lo(20, 10, 5), "制定补员计划，及时补充空编"),
            i("超编人数", "count() - authorized_headcount", "人", lo(3, 1, 0), "严格控制进人，制定超编消化计划"),
            i("编制使用率", "count() / authorized_headcount", "%", band(85, 100, 5, 15)),
            i("领导职务干部占编制数比例", "count(where %s) / authorized_headcount" % LEADER, "%", band(10, 35, 5, 10)),
            i("实有干部人数", "count()", "人", hi(1, 3, 5), "核实单位人员配备情况，保障工作力量"),
            i("35周岁及以下干部占编制数比例", "count(where %s) / authorized_headcount" % YOUNG, "%", hi(6, 10, 13),
              "用好空编招录年轻干部"),
        ]),
        ("职数使用", "严格按核定职数配备，不得超职数配备，空缺职数及时研究补充", [
            i("县处级正职领导职数使用率",
              "count(where post_level = '县处级正职') / sum(quota.quota where kind = 'LEADER' and level = '县处级正职')", "%",
              hi(50, 70, 80), tiers=[CITY]),
            i("县处级副职领导职数使用率",
              "count(where post_level = '县处级副职') / sum(quota.quota where kind = 'LEADER' and level = '县处级副职')", "%",
              hi(50, 70, 80), tiers=[CITY]),
            i("乡科级正职领导职数使用率",
              "count(where post_level = '乡科级正职') / sum(quota.quota where kind = 'LEADER' and level = '乡科级正职')", "%",
              hi(50, 70, 80)),
            i("乡科级副职领导职数使用率",
              "count(where post_level = '乡科级副职') / sum(quota.quota where kind = 'LEADER' and level = '乡科级副职')", "%",
              hi(50, 70, 80)),
            i("县处级正职超职数配备人数",
              "count(where post_level = '县处级正职') - sum(quota.quota where kind = 'LEADER' and level = '县处级正职')", "人",
              lo(1, 0), tiers=[CITY]),
            i("县处级副职超职数配备人数",
              "count(where post_level = '县处级副职') - sum(quota.quota where kind = 'LEADER' and level = '县处级副职')", "人",
              lo(1, 0), tiers=[CITY]),
            i("乡科级正职超职数配备人数",
              "count(where post_level = '乡科级正职') - sum(quota.quota where kind = 'LEADER' and level = '乡科级正职')", "人",
              lo(1, 0)),
            i("乡科级副职超职数配备人数",
              "count(where post_level = '乡科级副职') - sum(quota.quota where kind = 'LEADER' and level = '乡科级副职')", "人",
              lo(1, 0)),
            i("领导职数总体使用率", "count(where %s) / sum(quota.quota where kind = 'LEADER')" % LEADER, "%", hi(60, 75, 85)),
            i("领导职数空缺数", "sum(quota.quota where kind = 'LEADER') - count(where %s)" % LEADER, "人", lo(3, 2, 1)),
            i("超职数配备领导干部总人数", "count(where %s) - sum(quota.quota where kind = 'LEADER')" % LEADER, "人", lo(1, 0)),
        ] + [
            i("%s职级职数使用率" % r,
              "count(where rank_level = '%s') / sum(quota.quota where kind = 'RANK' and level = '%s')" % (r, r), "%",
              lo(120, 110, 100), "按职数从严把握职级晋升，超职数的暂停晋升并逐步消化", tiers)
            for r, tiers in [("一级调研员", [CITY]), ("二级调研员", [CITY, COUNTY]), ("三级调研员", None),
                             ("四级调研员", None), ("一级主任科员", None), ("二级主任科员", None),
                             ("三级主任科员", [COUNTY, TOWN])]
        ] + [
            i("%s超职级职数人数" % r,
              "count(where rank_level = '%s') - sum(quota.quota where kind = 'RANK' and level = '%s')" % (r, r), "人",
              lo(2, 1, 0), "按职数从严把握职级晋升，超职数的暂停晋升并逐步消化", tiers)
            for r, tiers in [("一级调研员", [CITY]), ("二级调研员", [CITY, COUNTY]), ("三级调研员", None),
                             ("四级调研员", None), ("一级主任科员", None), ("二级主任科员", None),
                             ("三级主任科员", [COUNTY, TOWN])]
        ] + [
            i("职级职数总体使用率",
              "count(where rank_level in %s) / sum(quota.quota where kind = 'RANK')" % ranks("一级调研员", "三级主任科员"),
              "%", band(70, 100, 10, 20)),
        ]),
        ("招录调任", "统筹考录、遴选、调任计划，保持人员合理补充", [
            i("近三年考录（含选调生）人员占比",
              share("source in ['考录', '选调生'] and years_since(work_start_date) < 3"), "%", hi(2, 4, 6)),
            i("近一年考录人数", "count(where source in ['考录', '选调生'] and years_since(work_start_date) < 1)", "人",
              hi(None, None, 1)),
            i("近一年选调生人数", "count(where source = '选调生' and years_since(work_start_date) < 1)", "人",
              hi(None, None, 1)),
            i("近三年选调生人数", "count(where source = '选调生' and years_since(work_start_date) < 3)", "人",
              hi(None, None, 1)),
            i("近三年遴选人数", "count(where source = '遴选' and years_since(joined_unit_date) < 3)", "人", hi(None, None, 1),
              tiers=[CITY]),
            i("近三年调任人数", "count(where source = '调任' and years_since(joined_unit_date) < 3)", "人", lo(5, 3, 2),
              "严格控制调任数量，规范调任程序"),
            i("近三年军转安置人数", "count(where source = '军转' and years_since(joined_unit_date) < 3)", "人", lo(5, 3, 2)),
            i("近三年新进人员中研究生学历占比", share("ft_education = '研究生'", "years_since(joined_unit_date) < 3"), "%",
              hi(5, 10, 15)),
            i("近三年新进人员中35周岁及以下占比", share(YOUNG, "years_since(joined_unit_date) < 3"), "%", hi(30, 45, 55)),
        ]),
        ("交流轮岗", "制定交流轮岗计划，推动长期在同一单位任职干部有序交流", [
            i("同一单位任职满5年人员占比", share("years_since(joined_unit_date) >= 5"), "%", lo(70, 60, 50)),
            i("同一单位任职满10年未交流人数", "count(where years_since(joined_unit_date) >= 10)", "人", lo(20, 12, 8)),
            i("同一单位任职满10年未交流人员占比", share("years_since(joined_unit_date) >= 10"), "%", lo(40, 30, 20)),
            i("同一单位任职满15年未交流人数", "count(where years_since(joined_unit_date) >= 15)", "人", lo(10, 6, 4)),
            i("同一单位任职满15年未交流人员占比", share("years_since(joined_unit_date) >= 15"), "%", lo(25, 18, 12)),
            i("领导干部同一单位任职满10年人数", "count(where %s and years_since(joined_unit_date) >= 10)" % LEADER, "人",
              lo(5, 3, 2)),
            i("领导干部任现职务满5年人数", "count(where %s and years_since(post_since) >= 5)" % LEADER, "人", lo(3, 2, 1)),
            i("领导干部任现职务满10年人数", "count(where %s and years_since(post_since) >= 10)" % LEADER, "人", lo(1, 0)),
            i("乡科级正职同一单位任职满10年人数",
              "count(where post_level = '乡科级正职' and years_since(joined_unit_date) >= 10)", "人", lo(1, 0),
              tiers=[COUNTY, TOWN]),
            i("近一年交流进入人员占比", share("years_since(joined_unit_date) < 1 and years_since(work_start_date) >= 1"), "%",
              hi(2, 4, 6)),
            i("近三年交流进入人员占比", share("years_since(joined_unit_date) < 3 and years_since(work_start_date) >= 3"), "%",
              hi(5, 10, 15)),
            i("本单位平均任职年限", "avg(years_since(joined_unit_date))", "年", lo(12, 9, 7)),
        ]),
        ("晋升节奏", "畅通职级晋升通道，统筹把握晋升节奏，激励干部担当作为", [
            i("任现职级满3年未晋升人数", "count(where years_since(rank_since) >= 3)", "人", lo(24, 18, 15)),
            i("任现职级满3年未晋升人员占比", share("years_since(rank_since) >= 3"), "%", lo(45, 35, 25)),
            i("任现职级满5年未晋升人数", "count(where years_since(rank_since) >= 5)", "人", lo(5, 3, 1)),
            i("任现职级满5年未晋升人员占比", share("years_since(rank_since) >= 5"), "%", lo(15, 10, 5)),
            i("任现职级满8年未晋升人数", "count(where years_since(rank_since) >= 8)", "人", lo(2, 1, 0)),
            i("任现职级满10年未晋升人数", "count(where years_since(rank_since) >= 10)", "人", lo(1, 0)),
            i("平均任现职级年限", "avg(years_since(rank_since))", "年", lo(4, 3.5, 3)),
            i("一级科员任职满3年未晋升人数", "count(where rank_level = '一级科员' and years_since(rank_since) >= 3)", "人",
              lo(3, 2, 1)),
            i("四级主任科员任职满4年未晋升人数",
              "count(where rank_level = '四级主任科员' and years_since(rank_since) >= 4)", "人", lo(3, 2, 1)),
            i("二级主任科员任职满4年未晋升人数",
              "count(where rank_level = '二级主任科员' and years_since(rank_since) >= 4)", "人", lo(3, 2, 1)),
            i("领导干部任现职级满5年人数", "count(where %s and years_since(rank_since) >= 5)" % LEADER, "人", lo(3, 2, 1)),
            i("35周岁及以下任现职级满3年人员占比", share("years_since(rank_since) >= 3", YOUNG), "%", lo(50, 38, 30)),
            i("近一年职级晋升人员占比", share("years_since(rank_since) < 1"), "%", band(10, 40, 5, 10)),
            i("任现职级时间缺失人数", "count(where rank_since is null)", "人", lo(2, 1, 0), "补齐干部职级任职信息"),
        ]),
        ("进出流动", "保持干部队伍合理流动，关注新进人员培养", [
            i("近一年新进本单位人数", "count(where years_since(joined_unit_date) < 1)", "人", hi(None, None, 1)),
            i("近一年新进本单位人员占比", share("years_since(joined_unit_date) < 1"), "%", band(3, 25, 2, 5)),
            i("近三年新进本单位人员占比", share("years_since(joined_unit_date) < 3"), "%", band(10, 50, 5, 10)),
            i("参加工作3年内人员占比", share("years_since(work_start_date) < 3"), "%", band(2, 20, 2, 5)),
            i("工龄30年以上人员占比", share("years_since(work_start_date) >= 30"), "%", lo(40, 30, 25)),
            i("本单位任职不满1年的领导干部人数", "count(where %s and years_since(joined_unit_date) < 1)" % LEADER, "人",
              lo(3, 2, 1)),
            i("近三年新进人员平均年龄", "avg(age(birth_date) where years_since(joined_unit_date) < 3)", "岁",
              band(25, 40, 3, 6)),
            i("近三年新进人员中女干部占比", share("gender = '女'", "years_since(joined_unit_date) < 3"), "%", hi(20, 30, 35)),
        ]),
        ("退休预测", "按2025年起施行的渐进式延迟法定退休年龄规定，提前做好退休干部接续补充", [
            i("未来1年内到龄退休人数", "count(where %s)" % retire(1), "人", lo(5, 3, 2)),
            i("未来1年内到龄退休人员占比", share(retire(1)), "%", lo(10, 6, 4)),
            i("未来2年内到龄退休人数", "count(where %s)" % retire(2), "人", lo(8, 5, 3)),
            i("未来3年内到龄退休人数", "count(where %s)" % retire(3), "人", lo(10, 6, 4)),
            i("未来3年内到龄退休人员占比", share(retire(3)), "%", lo(20, 12, 8)),
            i("未来4年内到龄退休人员占比", share(retire(4)), "%", lo(22, 15, 10)),
            i("未来5年内到龄退休人数", "count(where %s)" % retire(5), "人", lo(15, 10, 6)),
            i("未来5年内到龄退休人员占比", share(retire(5)), "%", lo(25, 18, 12)),
            i("已达法定退休年龄仍在职人数", "count(where years_until(retirement_date) < 0)", "人", lo(1, 0),
              "及时办理到龄干部退休手续"),
            i("领导干部未来3年内到龄退休人数", "count(where %s and %s)" % (LEADER, retire(3)), "人", lo(3, 2, 1)),
            i("未来5年内到龄退休领导干部占比（占领导干部）", share(retire(5), LEADER), "%", lo(70, 60, 50)),
            i("未来5年退休人数与35周岁及以下人数比", "count(where %s) / count(where %s)" % (retire(5), YOUNG), "%",
              lo(150, 100, 70)),
            i("男干部未来3年内到龄退休人数", "count(where gender = '男' and %s)" % retire(3), "人", lo(8, 5, 3)),
            i("女干部未来3年内到龄退休人数", "count(where gender = '女' and %s)" % retire(3), "人", lo(5, 3, 2)),
        ]),
        ("梯队储备", "建立健全梯次合理的后备干部队伍", [
            i("40周岁及以下二级主任科员及以上人员占比",
              share("age(birth_date) < 41 and rank_level in %s" % ranks("一级巡视员", "二级主任科员")), "%", hi(5, 8, 12)),
            i("45周岁及以下四级调研员及以上人数",
              "count(where age(birth_date) < 46 and rank_level in %s)" % ranks("一级巡视员", "四级调研员"), "人",
              hi(None, None, 1)),
            i("可提拔乡科级副职后备人数（40周岁及以下二级主任科员及以上非领导）",
              "count(where age(birth_date) < 41 and rank_level in %s and post_level is null)"
              % ranks("一级巡视员", "二级主任科员"), "人", hi(None, 1, 2)),
            i("后备人选与领导职数比",
              "count(where age(birth_date) < 41 and rank_level in %s and post_level is null) / "
              "sum(quota.quota where kind = 'LEADER')" % ranks("一级巡视员", "二级主任科员"), "%", hi(30, 50, 80)),
            i("35周岁及以下本科以上三级主任科员及以上人数",
              "count(where %s and %s and rank_level in %s)" % (YOUNG, BACHELOR, ranks("一级巡视员", "三级主任科员")), "人",
              hi(None, None, 1)),
            i("35周岁及以下研究生学历人数", "count(where %s and %s)" % (YOUNG, DEGREE_HIGH), "人", hi(None, None, 1)),
            i("41至45周岁一级主任科员及以上非领导干部人数",
              "count(where age(birth_date) >= 41 and age(birth_date) < 46 and rank_level in %s and post_level is null)"
              % ranks("一级巡视员", "一级主任科员"), "人", hi(None, None, 1)),
            i("乡科级副职中40周岁及以下占比", share("age(birth_date) < 41", "post_level = '乡科级副职'"), "%", hi(None, None, 5),
              tiers=[COUNTY, TOWN]),
            i("县处级副职中45周岁及以下占比", share("age(birth_date) < 46", "post_level = '县处级副职'"), "%", hi(None, None, 5),
              tiers=[CITY]),
        ]),
    ]),
    ("C", "教育管理", [
        ("教育培训", "落实干部教育培训规划，确保年度培训学时达标", [
            i("培训学时达标率（年度90学时）", "count(training where year = eval_year and hours >= 90) / count()", "%",
              hi(70, 80, 90)),
            i("年度培训学时未达标人数", "count(training where year = eval_year and hours < 90)", "人", lo(10, 5, 2)),
            i("人均培训学时", "sum(training.hours where year = eval_year) / count()", "学时", hi(80, 90, 100)),
            i("培训学时不足60学时人数", "count(training where year = eval_year and hours < 60)", "人", lo(5, 3, 1)),
            i("培训学时不足45学时人数", "count(training where year = eval_year and hours < 45)", "人", lo(3, 1, 0)),
            i("领导干部培训学时达标率（年度110学时）",
              "count(training where year = eval_year and hours >= 110 and %s) / count(where %s)" % (LEADER, LEADER), "%",
              hi(50, 60, 70)),
            i("领导干部人均培训学时", "sum(training.hours where year = eval_year and %s) / count(where %s)" % (LEADER, LEADER),
              "学时", hi(95, 105, 115)),
            i("35周岁及以下干部培训学时达标率",
              "count(training where year = eval_year and hours >= 90 and %s) / count(where %s)" % (YOUNG, YOUNG), "%",
              hi(70, 80, 90)),
            i("50周岁以上干部培训学时达标率",
              "count(training where year = eval_year and hours >= 90 and age(birth_date) >= 51) / "
              "count(where age(birth_date) >= 51)", "%", hi(70, 80, 90)),
            i("女干部培训学时达标率",
              "count(training where year = eval_year and hours >= 90 and gender = '女') / count(where gender = '女')", "%",
              hi(70, 80, 90)),
            i("男干部培训学时达标率",
              "count(training where year = eval_year and hours >= 90 and gender = '男') / count(where gender = '男')", "%",
              hi(70, 80, 90)),
            i("年度无培训记录人数", "count() - count(training where year = eval_year)", "人", lo(3, 1, 0),
              "核实未参训人员情况，及时补训并录入学时"),
            i("培训学时150学时以上人员占比", "count(training where year = eval_year and hours >= 150) / count()", "%",
              band(5, 35, 5, 10)),
            i("试用期内人员培训学时达标率",
              "count(training where year = eval_year and hours >= 90 and years_until(probation_end) > 0) / "
              "count(where years_until(probation_end) > 0)", "%", hi(60, 80, 90), "落实新录用公务员初任培训"),
            i("县处级领导干部人均培训学时",
              "sum(training.hours where year = eval_year and %s) / count(where %s)" % (CHU, CHU), "学时", hi(90, 100, 110),
              tiers=[CITY]),
        ]),
        ("年度考核", "严格执行年度考核优秀等次比例，强化考核结果运用", [
            x for k, label in [(1, "上一年度"), (2, "前两年度"), (3, "前三年度")] for x in [
                i("%s考核优秀等次比例" % label,
                  "count(assessment where year = eval_year - %d and result = '优秀') / count(assessment where year = eval_year - %d)"
                  % (k, k), "%", band(12, 20, 3, 6), "严格按不超过20%的比例确定优秀等次，防止优秀等次过多或过少"),
                i("%s考核称职及以上比例" % label,
                  "count(assessment where year = eval_year - %d and result in ['优秀', '称职']) / "
                  "count(assessment where year = eval_year - %d)" % (k, k), "%", hi(90, 95, 98)),
                i("%s考核基本称职等次人数" % label,
                  "count(assessment where year = eval_year - %d and result = '基本称职')" % k, "人", lo(2, 1, 0),
                  "对基本称职人员进行诫勉谈话并加强跟踪管理"),
                i("%s考核不称职等次人数" % label,
                  "count(assessment where year = eval_year - %d and result = '不称职')" % k, "人", lo(1, 0),
                  "按规定对不称职人员进行调整处理"),
                i("%s考核不确定等次人数" % label,
                  "count(assessment where year = eval_year - %d and result = '不确定等次')" % k, "人", lo(2, 1, 0)),
            ]
        ] + [
            i("近三年累计优秀等次人次占比",
              "count(assessment where year >= eval_year - 3 and result = '优秀') / count(assessment where year >= eval_year - 3)",
              "%", band(12, 20, 3, 6)),
            i("近三年基本称职及以下等次人次",
              "count(assessment where year >= eval_year - 3 and result in ['基本称职', '不称职'])", "人次", lo(3, 2, 1)),
            i("近三年不确定等次人次", "count(assessment where year >= eval_year - 3 and result = '不确定等次')", "人次",
              lo(2, 1, 0)),
            i("上一年度考核参与率", "count(assessment where year = eval_year - 1) / count()", "%", hi(80, 90, 95),
              "核实未参加年度考核人员情况"),
        ]),
        ("领导干部考核", "强化领导班子和领导干部考核，考准考实", [
            i("领导干部上一年度考核优秀比例",
              "count(assessment where year = eval_year - 1 and result = '优秀' and %s) / "
              "count(assessment where year = eval_year - 1 and %s)" % (LEADER, LEADER), "%", band(10, 25, 5, 10)),
            i("非领导干部上一年度考核优秀比例",
              "count(assessment where year = eval_year - 1 and result = '优秀' and post_level is null) / "
              "count(assessment where year = eval_year - 1 and post_level is null)", "%", band(10, 20, 3, 6)),
            i("领导干部近三年基本称职及以下人次",
              "count(assessment where year >= eval_year - 3 and result in ['基本称职', '不称职'] and %s)" % LEADER, "人次",
              lo(1, 0)),
            i("正职领导干部上一年度考核优秀比例",
              "count(assessment where year = eval_year - 1 and result = '优秀' and %s) / "
              "count(assessment where year = eval_year - 1 and %s)" % (ZHENG, ZHENG), "%", band(10, 40, 10, 20)),
            i("副职领导干部上一年度考核优秀比例",
              "count(assessment where year = eval_year - 1 and result = '优秀' and %s) / "
              "count(assessment where year = eval_year - 1 and %s)" % (FU, FU), "%", band(10, 30, 5, 10)),
            i("县处级领导干部近三年优秀人次占比",
              "count(assessment where year >= eval_year - 3 and result = '优秀' and %s) / "
              "count(assessment where year >= eval_year - 3 and %s)" % (CHU, CHU), "%", band(10, 30, 5, 10), tiers=[CITY]),
            i("乡科级领导干部近三年优秀人次占比",
              "count(assessment where year >= eval_year - 3 and result = '优秀' and %s) / "
              "count(assessment where year >= eval_year - 3 and %s)" % (KE, KE), "%", band(10, 30, 5, 10)),
            i("领导干部上一年度考核参与率",
              "count(assessment where year = eval_year - 1 and %s) / count(where %s)" % (LEADER, LEADER), "%",
              hi(90, 95, 99)),
            i("35周岁及以下干部上一年度考核优秀比例",
              "count(assessment where year = eval_year - 1 and result = '优秀' and %s) / "
              "count(assessment where year = eval_year - 1 and %s)" % (YOUNG, YOUNG), "%", band(8, 25, 4, 8)),
            i("领导干部近三年称职及以上比例",
              "count(assessment where year >= eval_year - 3 and result in ['优秀', '称职'] and %s) / "
              "count(assessment where year >= eval_year - 3 and %s)" % (LEADER, LEADER), "%", hi(90, 95, 98)),
        ]),
        ("奖励表彰", "健全激励机制，及时表彰奖励担当作为的优秀干部", [
            i("近三年受奖励人次占比", "count(record where kind = 'REWARD' and year >= eval_year - 3) / count()", "%",
              hi(3, 5, 7)),
            i("近三年受奖励人次", "count(record where kind = 'REWARD' and year >= eval_year - 3)", "人次", hi(None, None, 1)),
            i("近三年嘉奖人次",
              "count(record where kind = 'REWARD' and year >= eval_year - 3 and description = '嘉奖')", "人次",
              hi(None, None, 1)),
            i("近三年记三等功人次",
              "count(record where kind = 'REWARD' and year >= eval_year - 3 and description = '记三等功')", "人次",
              band(0, 5, 1, 3)),
            i("近三年优秀公务员表彰人次",
              "count(record where kind = 'REWARD' and year >= eval_year - 3 and description = '优秀公务员')", "人次",
              band(0, 5, 1, 3)),
            i("上一年度受奖励人次", "count(record where kind = 'REWARD' and year = eval_year - 1)", "人次", hi(None, None, 1)),
            i("上一年度嘉奖人次",
              "count(record where kind = 'REWARD' and year = eval_year - 1 and description = '嘉奖')", "人次",
              hi(None, None, 1)),
            i("领导干部近三年受奖励人次占比（占领导干部）",
              "count(record where kind = 'REWARD' and year >= eval_year - 3 and %s) / count(where %s)" % (LEADER, LEADER),
              "%", band(0, 40, 10, 20)),
            i("35周岁及以下干部近三年受奖励人次",
              "count(record where kind = 'REWARD' and year >= eval_year - 3 and %s)" % YOUNG, "人次", hi(None, None, 1)),
            i("近三年受奖励人次中非领导干部占比",
              "count(record where kind = 'REWARD' and year >= eval_year - 3 and post_level is null) / "
              "count(record where kind = 'REWARD' and year >= eval_year - 3)", "%", hi(50, 60, 70),
              "奖励表彰向基层一线和非领导干部倾斜"),
            i("女干部近三年受奖励人次占比（占女干部）",
              "count(record where kind = 'REWARD' and year >= eval_year - 3 and gender = '女') / count(where gender = '女')",
              "%", hi(3, 5, 7)),
        ]),
        ("监督问责", "加强日常监督管理，深化以案促改，做好受处分干部教育管理", [
            i("近三年受处分人次", "count(record where kind = 'DISCIPLINE' and year >= eval_year - 3)", "人次", lo(2, 1, 0)),
            i("近三年受处分人次占比", "count(record where kind = 'DISCIPLINE' and year >= eval_year - 3) / count()", "%",
              lo(3, 2, 1)),
            i("上一年度受处分人次", "count(record where kind = 'DISCIPLINE' and year = eval_year - 1)", "人次", lo(1, 0)),
            i("近三年警告处分人次",
              "count(record where kind = 'DISCIPLINE' and year >= eval_year - 3 and description = '警告')", "人次",
              lo(2, 1, 0)),
            i("近三年记过处分人次",
              "count(record where kind = 'DISCIPLINE' and year >= eval_year - 3 and description = '记过')", "人次",
              lo(1, 0)),
            i("近三年记大过处分人次",
              "count(record where kind = 'DISCIPLINE' and year >= eval_year - 3 and description = '记大过')", "人次",
              lo(0)),
            i("近三年降级处分人次",
              "count(record where kind = 'DISCIPLINE' and year >= eval_year - 3 and description = '降级')", "人次", lo(0)),
            i("近三年撤职及以上处分人次",
              "count(record where kind = 'DISCIPLINE' and year >= eval_year - 3 and description in ['撤职', '开除'])",
              "人次", lo(0)),
            i("领导干部近三年受处分人次",
              "count(record where kind = 'DISCIPLINE' and year >= eval_year - 3 and %s)" % LEADER, "人次", lo(0),
              "严肃追究领导干部责任，加强班子监督"),
            i("35周岁及以下干部近三年受处分人次",
              "count(record where kind = 'DISCIPLINE' and year >= eval_year - 3 and %s)" % YOUNG, "人次", lo(1, 0),
              "加强年轻干部日常教育管理监督"),
            i("近三年受处分与受奖励人次比",
              "count(record where kind = 'DISCIPLINE' and year >= eval_year - 3) / "
              "count(record where kind = 'REWARD' and year >= eval_year - 3)", "%", lo(30, 20, 10)),
            i("近三年受处分人次中领导干部占比",
              "count(record where kind = 'DISCIPLINE' and year >= eval_year - 3 and %s) / "
              "count(record where kind = 'DISCIPLINE' and year >= eval_year - 3)" % LEADER, "%", lo(50, 30, 20)),
        ]),
        ("试用期与登记", "规范新录用人员试用期管理，及时完善公务员登记信息", [
            i("试用期内人员人数", "count(where years_until(probation_end) > 0)", "人", band(0, 5, 2, 4)),
            i("试用期内人员占比", share("years_until(probation_end) > 0"), "%", lo(15, 10, 8)),
            i("试用期3个月内到期人数",
              "count(where years_until(probation_end) > 0 and years_until(probation_end) <= 0.25)", "人", lo(None, None, 0),
              "提前做好试用期满考核和任职定级"),
            i("试用期内人员中研究生学历占比", share("ft_education = '研究生'", "years_until(probation_end) > 0"), "%",
              hi(5, 10, 20)),
            i("参公人员占比", share("staff_kind = '参公人员'"), "%", band(0, 40, 10, 20)),
            i("全日制学历信息缺失人数", "count(where ft_education is null)", "人", lo(1, 0), "补齐干部学历信息"),
            i("专业类别信息缺失人数", "count(where major_category is null)", "人", lo(1, 0), "补齐干部专业信息"),
            i("参加工作时间缺失人数", "count(where work_start_date is null)", "人", lo(1, 0), "补齐干部参加工作时间"),
            i("领导职务任职时间缺失人数", "count(where %s and post_since is null)" % LEADER, "人", lo(0),
              "补齐领导职务任职时间"),
            i("上一年度考核结果缺失人数",
              "count(where years_since(work_start_date) >= 2) - count(assessment where year = eval_year - 1)", "人",
              lo(3, 1, 0), "补录年度考核结果"),
            i("在职学历学位信息不完整人数", "count(where is_education is not null and is_degree is null)", "人", lo(1, 0),
              "补齐在职学历学位信息"),
        ]),
    ]),
]

WORDS = {"higher": "低于", "lower": "高于"}
LINES = {"red": "红色预警线", "yellow": "黄色预警线", "blue": "蓝色提示线"}


def advice(legend, hint):
    d = legend["direction"]
    out = {}
    for colour in ["red", "yellow", "blue"]:
        if d != "band" and legend[colour] is None:
            continue
        if d == "band":
            head = "{name}为 {value}{unit}，%s {low}{unit}—{high}{unit} 的合理区间。" % (
                "严重偏离" if colour == "red" else "略微偏离" if colour == "blue" else "明显偏离")
        else:
            head = "{name}为 {value}{unit}，%s {threshold}{unit} 的%s。" % (WORDS[d], LINES[colour])
        tail = {"red": "建议%s，并列入本年度整改重点。", "yellow": "建议%s。", "blue": "请关注变化趋势，适时%s。"}[colour] % hint
        out[colour] = head + tail
    return out


def q(value):
    return json.dumps(value, ensure_ascii=False)


def main():
    lines = ["# 数字体检 default pack. Generated by tools/packs/healthcheck_v1.py; formulas: docs/adr/007.",
             "pack:", "  code: healthcheck", "  version: 1", "  name: " + q("公务员队伍数字体检指标体系（第1版）"),
             "modules:"]
    counts = []
    for m_index, (letter, m_name, categories) in enumerate(MODULES, 1):
        lines += ["  - code: " + letter, "    name: " + q("模块%s %s" % ("一二三"[m_index - 1], m_name)),
                  "    categories:"]
        for c_index, (c_name, hint, indicators) in enumerate(categories, 1):
            c_code = "%s%02d" % (letter, c_index)
            lines += ["      - code: " + c_code, "        name: " + q(c_name), "        indicators:"]
            counts.append(len(indicators))
            for n, ind in enumerate(indicators, 1):
                legend = {k: v for k, v in ind["legend"].items() if v is not None}
                lines += ["          - code: %s%02d" % (c_code, n), "            name: " + q(ind["name"]),
                          "            formula: " + q(ind["formula"]), "            unit: " + q(ind["unit"])]
                applies = {}
                if ind["tiers"]:
                    applies["tiers"] = ind["tiers"]
                if ind["types"]:
                    applies["unit_types"] = ind["types"]
                if applies:
                    lines.append("            applies_to: " + q(applies))
                lines.append("            legend: " + q(legend))
                lines.append("            advice:")
                for colour, text in advice(ind["legend"], ind["hint"] or hint).items():
                    lines.append("              %s: %s" % (colour, q(text)))
    total = sum(counts)
    print("modules=%d categories=%d indicators=%d per category=%s" % (len(MODULES), len(counts), total, counts))
    assert len(MODULES) == 3 and len(counts) == 23 and total == 296, "pack must be 3/23/296"
    out = pathlib.Path(__file__).resolve().parents[2] / "src/main/resources/packs/healthcheck-v1.yaml"
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
