package cn.zugong.indicator.internal.run;

import cn.zugong.indicator.RetirementLaw;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's limit, written by hand from the pack's formulas (packs/healthcheck-v1.yaml) and the decided
 * definitions of issue 15 for the evaluation date 2026-11-01 known at the latest knowledge — NOT generated from
 * the engine's compiled pack, so that it checks the engine as well as timing it (ADR 054). The roster is read
 * as of the date (ADR 050): person_version rows valid on the date, known at KNOWN_AT, in service; the facts
 * valid and known likewise, joined to the person's version of the date (their unit, rank and post then).
 * Per fact table one scan grouped by unit computes every distinct aggregate the 296 formulas need, each
 * named; {@link #INDICATORS} then says, per indicator, which named aggregates make its numerator and its
 * denominator ("max0 x - y": the positive part per unit). Ages and years are written as the date bounds
 * they mean for 2026-11-01 (age &lt; 36 ⇔ born after 1990-11-01; years_since(x) &gt;= 5 ⇔ x on or before
 * 2021-11-01; eval_year = 2026); averages add whole years (周岁). The statutory retirement bounds {rm0}… of
 * men and women cadres come from {@link RetirementLaw} (the law, not the engine); women at 县处级 or above
 * retire at exactly 60 (written here as dates). has() is an anti-join ({@link #ANTI}). Counts are written
 * {@code count_if(…)}: DuckDB's own form; PostgreSQL and H2 get {@code count(*) filter (where …)}.
 */
final class HandLimit {

    static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);
    /** Known at: the latest knowledge (the engine's Engine.LATEST, written here as the literal below). */
    static final java.time.LocalDateTime KNOWN_AT = java.time.LocalDateTime.of(9999, 12, 30, 0, 0);

    private static final String TOP6 = "'一级巡视员', '二级巡视员', '一级调研员', '二级调研员', '三级调研员', '四级调研员'";
    private static final String TOP7 = TOP6 + ", '一级主任科员'";
    private static final String TOP8 = TOP7 + ", '二级主任科员'";
    private static final String PARTY = "'中共党员', '中共预备党员'";
    private static final String XC = "'县处级正职', '县处级副职'";
    private static final String XK = "'乡科级正职', '乡科级副职'";

    /** Ranked 县处级 or above for the women's rule of 组通字〔2015〕14号 (retire at 60): posts and ranks (DEFINITIONS 7). */
    private static final String SENIOR = "(coalesce(p.post_level, '') in ('厅局级正职', '厅局级副职', '县处级正职', '县处级副职')"
            + " or coalesce(p.rank_level, '') in (" + TOP6 + "))";

    /**
     * Statutory retirement after the date and less than n years after it (未来N年内 starts after the date): men
     * and other women cadres by the 2025 law's birth-date bounds (retiring after the date: {rm0s}/{rw0s};
     * before date + n years: {rm…}/{rw…}); women at 县处级 or above retire on their 60th birthday, so within
     * (0, n) years ⇔ born in [1966-11-02, (1966 + n)-11-01).
     */
    private static String retiresWithin(int years) {
        return "((p.gender = '男' and p.birth_date >= {rm0s} and p.birth_date < {rm" + 12 * years + "})"
                + " or (p.gender = '女' and %SENIOR% and p.birth_date >= date '1966-11-02' and p.birth_date < date '"
                + (1966 + years) + "-11-01')"
                + " or (p.gender = '女' and not %SENIOR% and p.birth_date >= {rw0s} and p.birth_date < {rw" + 12 * years + "}))";
    }

    /** The person's version valid on the date, known at KNOWN_AT, in service (ADR 050). */
    private static final String PERSON_AS_OF = "p.valid_from <= date '2026-11-01' and p.valid_to > date '2026-11-01'"
            + " and p.recorded_at <= timestamp '9999-12-30 00:00:00' and p.superseded_at > timestamp '9999-12-30 00:00:00'"
            + " and p.service_status = '在职'";

    /** A fact row valid on the date and known at KNOWN_AT. */
    private static String factAsOf(String f) {
        return f + ".valid_from <= date '2026-11-01' and " + f + ".valid_to > date '2026-11-01' and " + f
                + ".recorded_at <= timestamp '9999-12-30 00:00:00' and " + f
                + ".superseded_at > timestamp '9999-12-30 00:00:00'";
    }

    /** Whole years (周岁) from a date column to 2026-11-01: the anniversary on the day counts. */
    private static String wholeYears(String col) {
        return "(2026 - extract(year from " + col + ") - case when extract(month from " + col + ") * 100 + extract(day from "
                + col + ") > 1101 then 1 else 0 end)";
    }

    static final String PERSON = """
            select p.unit_id,
              count(*) as all_,
              count_if(p.birth_date > date '1995-11-01') as a_lt31,
              count_if(p.birth_date > date '1990-11-01') as a_lt36,
              count_if(p.birth_date > date '1985-11-01' and p.birth_date <= date '1990-11-01') as a_36_41,
              count_if(p.birth_date > date '1980-11-01' and p.birth_date <= date '1985-11-01') as a_41_46,
              count_if(p.birth_date > date '1975-11-01' and p.birth_date <= date '1980-11-01') as a_46_51,
              count_if(p.birth_date > date '1970-11-01' and p.birth_date <= date '1975-11-01') as a_51_56,
              count_if(p.birth_date <= date '1970-11-01') as a_ge56,
              count_if(p.birth_date <= date '1981-11-01') as a_ge45,
              count_if(p.birth_date <= date '1976-11-01') as a_ge50,
              count_if(p.birth_date <= date '1971-11-01') as a_ge55,
              count_if(p.birth_date > date '1985-11-01') as a_lt41,
              count_if(p.birth_date > date '2000-11-01') as a_lt26,
              count_if(p.birth_date > date '1980-11-01' and p.birth_date <= date '1990-11-01') as a_36_46,
              sum(years(p.birth_date)) as age_yrs,
              count_if(p.birth_date is not null) as bd_nn,
              sum(years(p.birth_date)) filter (where p.gender = '男') as age_yrs_m,
              count_if(p.birth_date is not null and p.gender = '男') as bd_nn_m,
              sum(years(p.birth_date)) filter (where p.gender = '女') as age_yrs_f,
              count_if(p.birth_date is not null and p.gender = '女') as bd_nn_f,
              sum(years(p.birth_date)) filter (where p.post_level is not null) as age_yrs_post,
              count_if(p.birth_date is not null and p.post_level is not null) as bd_nn_post,
              sum(years(p.birth_date)) filter (where p.post_level in (%XC%)) as age_yrs_xc,
              count_if(p.birth_date is not null and p.post_level in (%XC%)) as bd_nn_xc,
              sum(years(p.birth_date)) filter (where p.post_level in (%XK%)) as age_yrs_xk,
              count_if(p.birth_date is not null and p.post_level in (%XK%)) as bd_nn_xk,
              sum(years(p.birth_date)) filter (where p.post_level = '乡科级正职') as age_yrs_kz,
              count_if(p.birth_date is not null and p.post_level = '乡科级正职') as bd_nn_kz,
              sum(years(p.birth_date)) filter (where p.joined_unit_date > date '2023-11-01') as age_yrs_j3,
              count_if(p.birth_date is not null and p.joined_unit_date > date '2023-11-01') as bd_nn_j3,
              sum(years(p.post_since)) filter (where p.post_level is not null) as ps_yrs,
              count_if(p.post_since is not null and p.post_level is not null) as ps_nn,
              sum(years(p.joined_unit_date)) as j_yrs,
              count_if(p.joined_unit_date is not null) as j_nn,
              sum(years(p.rank_since)) as rs_yrs,
              count_if(p.rank_since is not null) as rs_nn,
              count_if(p.gender = '女') as f,
              count_if(p.gender = '男') as m,
              count_if(p.post_level is not null) as post,
              count_if(p.gender = '女' and p.post_level is not null) as f_post,
              count_if(p.gender = '女' and p.post_level in ('厅局级正职', '县处级正职', '乡科级正职')) as f_chief,
              count_if(p.gender = '女' and p.birth_date > date '1990-11-01') as f_lt36,
              count_if(p.gender = '女' and (p.ft_education = '研究生' or p.is_education = '研究生')) as f_any_grad,
              count_if(p.gender = '女' and p.political_status in (%PARTY%)) as f_party,
              count_if(p.gender = '女' and p.post_level in (%XC%)) as f_xc,
              count_if(p.gender = '女' and p.post_level in (%XK%)) as f_xk,
              count_if(p.post_level in (%XK%)) as xk,
              count_if(p.post_level in (%XC%)) as p_xc,
              count_if(p.ft_education = '研究生') as grad,
              count_if(p.ft_education in ('研究生', '大学本科')) as ug,
              count_if(p.ft_education in ('大学专科', '中专', '高中及以下')) as lowedu,
              count_if(p.ft_education in ('中专', '高中及以下')) as lowedu2,
              count_if((p.ft_education = '高中及以下' and (p.is_education is null or p.is_education = '高中及以下'))
                or (p.ft_education is null and p.is_education = '高中及以下')) as hs_highest,
              count_if(p.is_education = '研究生') as is_grad,
              count_if(p.ft_education = '研究生' or p.is_education = '研究生') as any_grad,
              count_if(p.ft_education in ('研究生', '大学本科') or p.is_education in ('研究生', '大学本科')) as any_ug,
              count_if(p.ft_degree in ('博士', '硕士') or p.is_degree in ('博士', '硕士')) as any_master,
              count_if(p.ft_degree = '博士' or p.is_degree = '博士') as any_phd,
              count_if(p.ft_degree in ('博士', '硕士', '学士') or p.is_degree in ('博士', '硕士', '学士')) as any_bachelor,
              count_if(p.birth_date > date '1990-11-01' and (p.ft_education in ('研究生', '大学本科') or p.is_education in ('研究生', '大学本科'))) as any_ug_lt36,
              count_if(p.post_level is not null and (p.ft_education = '研究生' or p.is_education = '研究生')) as any_grad_post,
              count_if(p.post_level is not null and (p.ft_education in ('研究生', '大学本科') or p.is_education in ('研究生', '大学本科'))) as any_ug_post,
              count_if(p.major_category = '经济管理类') as mc_econ,
              count_if(p.major_category = '法学类') as mc_law,
              count_if(p.major_category = '文史哲类') as mc_lit,
              count_if(p.major_category = '理工类') as mc_sci,
              count_if(p.major_category = '信息技术类') as mc_it,
              count_if(p.major_category = '农林水产类') as mc_agri,
              count_if(p.major_category = '海洋类') as mc_sea,
              count_if(p.major_category = '医学类') as mc_med,
              count_if(p.major_category = '教育类') as mc_edu,
              count_if(p.major_category = '其他') as mc_other,
              count_if(p.major_category in ('经济管理类', '法学类')) as mc_econ_law,
              count_if(p.major_category in ('理工类', '信息技术类')) as mc_sci_it,
              count_if(p.major_category in ('海洋类', '农林水产类')) as mc_sea_agri,
              count_if(p.political_status in (%PARTY%)) as party,
              count_if(p.political_status = '中共预备党员') as prob_party,
              count_if(p.political_status = '共青团员') as league,
              count_if(p.political_status in ('民主党派', '群众')) as nonparty,
              count_if(p.political_status = '群众') as mass,
              count_if(p.ethnicity <> '汉族') as minority,
              count_if(p.post_level is not null and p.political_status in (%PARTY%)) as party_post,
              count_if(p.post_level is not null and p.political_status in ('民主党派', '群众')) as nonparty_post,
              count_if(p.birth_date > date '1990-11-01' and p.political_status in (%PARTY%)) as party_lt36,
              count_if(p.political_status = '民主党派') as democ,
              count_if(p.rank_level in ('一级巡视员', '二级巡视员')) as r_xsy,
              count_if(p.rank_level = '一级调研员') as r_dy1,
              count_if(p.rank_level = '二级调研员') as r_dy2,
              count_if(p.rank_level = '三级调研员') as r_dy3,
              count_if(p.rank_level = '四级调研员') as r_dy4,
              count_if(p.rank_level = '一级主任科员') as r_zr1,
              count_if(p.rank_level = '二级主任科员') as r_zr2,
              count_if(p.rank_level = '三级主任科员') as r_zr3,
              count_if(p.rank_level = '四级主任科员') as r_zr4,
              count_if(p.rank_level = '一级科员') as r_ky1,
              count_if(p.rank_level = '二级科员') as r_ky2,
              count_if(p.rank_level in ('一级调研员', '二级调研员', '三级调研员', '四级调研员')) as r_dy,
              count_if(p.rank_level in ('一级主任科员', '二级主任科员', '三级主任科员', '四级主任科员')) as r_zr,
              count_if(p.rank_level in ('一级科员', '二级科员')) as r_ky,
              count_if(p.rank_level in (%TOP6%)) as r_top6,
              count_if(p.rank_level in (%TOP8%)) as r_top8,
              count_if(p.rank_level in (%TOP8%, '三级主任科员', '四级主任科员')) as r_top10,
              count_if(p.rank_level in (%TOP7%)) as r_top7,
              count_if(p.rank_level in ('一级调研员', '二级调研员', '三级调研员', '四级调研员', '一级主任科员', '二级主任科员', '三级主任科员')) as r_dy_zr3,
              count_if(p.post_level = '县处级正职') as p_xz,
              count_if(p.post_level = '县处级副职') as p_xf,
              count_if(p.post_level = '乡科级正职') as p_kz,
              count_if(p.post_level = '乡科级副职') as p_kf,
              count_if(p.post_level is not null and p.birth_date > date '1980-11-01') as post_lt46,
              count_if(p.post_level is not null and p.birth_date <= date '1976-11-01') as post_ge50,
              count_if(p.post_level is not null and p.source = '选调生') as xds_post,
              count_if(p.post_level in (%XK%) and (p.ft_education = '研究生' or p.is_education = '研究生')) as any_grad_xk,
              count_if(p.source = '考录') as s_kl,
              count_if(p.source = '选调生') as s_xds,
              count_if(p.source = '遴选') as s_lx,
              count_if(p.source = '调任') as s_dr,
              count_if(p.source = '军转') as s_jz,
              count_if(p.source in ('考录', '选调生')) as s_kl_xds,
              count_if(p.source = '选调生' and p.birth_date > date '1990-11-01') as xds_lt36,
              count_if(p.post_level is not null and p.source in ('选调生', '遴选')) as xds_lx_post,
              count_if(p.source in ('遴选', '调任')) as s_lx_dr,
              count_if(p.post_level is not null and p.birth_date > date '1990-11-01') as post_lt36,
              count_if(p.post_level is not null and p.birth_date > date '1985-11-01') as post_lt41,
              count_if(p.post_level in (%XK%) and p.birth_date > date '1990-11-01') as xk_lt36,
              count_if(p.post_level in (%XC%) and p.birth_date > date '1985-11-01') as xc_lt41,
              count_if(p.birth_date > date '1990-11-01' and (p.ft_education = '研究生' or p.is_education = '研究生')) as any_grad_lt36,
              count_if(p.birth_date > date '1990-11-01' and p.rank_level in (%TOP8%)) as top8_lt36,
              count_if(p.source in ('考录', '选调生') and p.work_start_date > date '2023-11-01') as new3_klxds,
              count_if(p.source in ('考录', '选调生') and p.work_start_date > date '2025-11-01') as new1_klxds,
              count_if(p.source = '选调生' and p.work_start_date > date '2025-11-01') as new1_xds,
              count_if(p.source = '选调生' and p.work_start_date > date '2023-11-01') as new3_xds,
              count_if(p.source = '遴选' and p.joined_unit_date > date '2023-11-01') as lx_j3,
              count_if(p.source = '调任' and p.joined_unit_date > date '2023-11-01') as dr_j3,
              count_if(p.source = '军转' and p.joined_unit_date > date '2023-11-01') as jz_j3,
              count_if((p.ft_education = '研究生' or p.is_education = '研究生') and p.joined_unit_date > date '2023-11-01') as any_grad_j3,
              count_if(p.joined_unit_date > date '2023-11-01') as j3,
              count_if(p.birth_date > date '1990-11-01' and p.joined_unit_date > date '2023-11-01') as lt36_j3,
              count_if(p.joined_unit_date <= date '2021-11-01') as j_ge5,
              count_if(p.joined_unit_date <= date '2016-11-01') as j_ge10,
              count_if(p.joined_unit_date <= date '2011-11-01') as j_ge15,
              count_if(p.post_level is not null and p.joined_unit_date <= date '2016-11-01') as post_j10,
              count_if(p.post_level is not null and p.post_since <= date '2021-11-01') as post_ps5,
              count_if(p.post_level is not null and p.post_since <= date '2016-11-01') as post_ps10,
              count_if(p.post_level = '乡科级正职' and p.joined_unit_date <= date '2016-11-01') as kz_j10,
              count_if(p.joined_unit_date > date '2025-11-01' and p.work_start_date <= date '2025-11-01') as j1_ws1,
              count_if(p.joined_unit_date > date '2023-11-01' and p.work_start_date <= date '2023-11-01') as j3_ws3,
              count_if(p.rank_since <= date '2023-11-01') as rs3,
              count_if(p.rank_since <= date '2021-11-01') as rs5,
              count_if(p.rank_since <= date '2018-11-01') as rs8,
              count_if(p.rank_since <= date '2016-11-01') as rs10,
              count_if(p.rank_level = '一级科员' and p.rank_since <= date '2023-11-01') as ky1_rs3,
              count_if(p.rank_level = '四级主任科员' and p.rank_since <= date '2022-11-01') as zr4_rs4,
              count_if(p.rank_level = '二级主任科员' and p.rank_since <= date '2022-11-01') as zr2_rs4,
              count_if(p.post_level is not null and p.rank_since <= date '2021-11-01') as post_rs5,
              count_if(p.rank_since <= date '2023-11-01' and p.birth_date > date '1990-11-01') as rs3_lt36,
              count_if(p.rank_since > date '2025-11-01') as rs_lt1,
              count_if(p.rank_since is null) as rs_null,
              count_if(p.joined_unit_date > date '2025-11-01') as j1,
              count_if(p.work_start_date > date '2023-11-01') as ws_lt3,
              count_if(p.work_start_date <= date '1996-11-01') as ws_ge30,
              count_if(p.post_level is not null and p.joined_unit_date > date '2025-11-01') as post_j1,
              count_if(p.gender = '女' and p.joined_unit_date > date '2023-11-01') as f_j3,
              count_if(%RET1%) as ret_lt1,
              count_if(%RET2%) as ret_lt2,
              count_if(%RET3%) as ret_lt3,
              count_if(%RET4%) as ret_lt4,
              count_if(%RET5%) as ret_lt5,
              count_if((p.gender = '男' and p.birth_date < {rm0s}) or (p.gender = '女' and %SENIOR% and p.birth_date <= date '1966-11-01')
                or (p.gender = '女' and not %SENIOR% and p.birth_date < {rw0s})) as ret_le0,
              count_if(p.post_level is not null and %RET3%) as post_ret_lt3,
              count_if(p.post_level is not null and %RET5%) as ret_lt5_post,
              count_if(p.gender = '男' and p.birth_date >= {rm0s} and p.birth_date < {rm36}) as m_ret_lt3,
              count_if(p.gender = '女' and %RET3%) as f_ret_lt3,
              count_if(p.birth_date > date '1985-11-01' and p.rank_level in (%TOP8%)) as top8_lt41,
              count_if(p.birth_date > date '1980-11-01' and p.rank_level in (%TOP6%)) as top6_lt46,
              count_if(p.post_level is null and p.birth_date > date '1985-11-01' and p.rank_level in (%TOP8%)) as top8_lt41_nopost,
              count_if(p.birth_date > date '1990-11-01' and (p.ft_education in ('研究生', '大学本科') or p.is_education in ('研究生', '大学本科'))
                and p.rank_level in (%TOP8%, '三级主任科员')) as lt36_anyug_top9,
              count_if(p.post_level is null and p.birth_date > date '1980-11-01' and p.birth_date <= date '1985-11-01' and p.rank_level in (%TOP7%)) as top7_41_46_nopost,
              count_if(p.post_level = '乡科级副职' and p.birth_date > date '1985-11-01') as kf_lt41,
              count_if(p.post_level = '县处级副职' and p.birth_date > date '1980-11-01') as xf_lt46,
              count_if(p.probation_end > date '2026-11-01') as prob,
              count_if(p.probation_end > date '2026-11-01' and p.probation_end <= date '2027-02-01') as prob_3m,
              count_if((p.ft_education = '研究生' or p.is_education = '研究生') and p.probation_end > date '2026-11-01') as any_grad_prob,
              count_if(p.staff_kind = '参公人员') as cg,
              count_if(p.ft_education is null) as fte_null,
              count_if(p.major_category is null) as mc_null,
              count_if(p.work_start_date is null) as ws_null,
              count_if(p.post_level is not null and p.post_since is null) as post_ps_null,
              count_if(p.is_education is not null and p.is_degree is null) as isedu_nodeg
            from person_version p
            where %PV%
            group by p.unit_id""";

    static final String ASSESSMENT = """
            select p.unit_id,
              count_if(a.fact_year = 2025) as as_y1,
              count_if(a.fact_year = 2025 and a.result = '优秀') as as_y1_ex,
              count_if(a.fact_year = 2025 and a.result in ('优秀', '称职')) as as_y1_ok,
              count_if(a.fact_year = 2025 and a.result = '基本称职') as as_y1_basic,
              count_if(a.fact_year = 2025 and a.result = '不称职') as as_y1_bad,
              count_if(a.fact_year = 2025 and a.result = '不确定等次') as as_y1_unk,
              count_if(a.fact_year between 2024 and 2025) as as_2y,
              count_if(a.fact_year between 2024 and 2025 and a.result = '优秀') as as_2y_ex,
              count_if(a.fact_year between 2024 and 2025 and a.result in ('优秀', '称职')) as as_2y_ok,
              count_if(a.fact_year between 2024 and 2025 and a.result = '基本称职') as as_2y_basic,
              count_if(a.fact_year between 2024 and 2025 and a.result = '不称职') as as_2y_bad,
              count_if(a.fact_year between 2024 and 2025 and a.result = '不确定等次') as as_2y_unk,
              count_if(a.fact_year between 2023 and 2025) as as_3y,
              count_if(a.fact_year between 2023 and 2025 and a.result = '优秀') as as_3y_ex,
              count_if(a.fact_year between 2023 and 2025 and a.result in ('优秀', '称职')) as as_3y_ok,
              count_if(a.fact_year between 2023 and 2025 and a.result = '基本称职') as as_3y_basic,
              count_if(a.fact_year between 2023 and 2025 and a.result = '不称职') as as_3y_bad,
              count_if(a.fact_year between 2023 and 2025 and a.result in ('基本称职', '不称职')) as as_3y_weak,
              count_if(a.fact_year between 2023 and 2025 and a.result = '不确定等次') as as_3y_unk,
              count_if(a.fact_year = 2025 and a.result = '优秀' and p.post_level is not null) as as_y1_ex_post,
              count_if(a.fact_year = 2025 and p.post_level is not null) as as_y1_post,
              count_if(a.fact_year = 2025 and a.result = '优秀' and p.post_level is null) as as_y1_ex_nopost,
              count_if(a.fact_year = 2025 and p.post_level is null) as as_y1_nopost,
              count_if(a.fact_year between 2023 and 2025 and a.result in ('基本称职', '不称职') and p.post_level is not null) as as_3y_weak_post,
              count_if(a.fact_year = 2025 and a.result = '优秀' and p.post_level in ('厅局级正职', '县处级正职', '乡科级正职')) as as_y1_ex_chief,
              count_if(a.fact_year = 2025 and p.post_level in ('厅局级正职', '县处级正职', '乡科级正职')) as as_y1_chief,
              count_if(a.fact_year = 2025 and a.result = '优秀' and p.post_level in ('厅局级副职', '县处级副职', '乡科级副职')) as as_y1_ex_dep,
              count_if(a.fact_year = 2025 and p.post_level in ('厅局级副职', '县处级副职', '乡科级副职')) as as_y1_dep,
              count_if(a.fact_year between 2023 and 2025 and a.result = '优秀' and p.post_level in (%XC%)) as as_3y_ex_xc,
              count_if(a.fact_year between 2023 and 2025 and p.post_level in (%XC%)) as as_3y_xc,
              count_if(a.fact_year between 2023 and 2025 and a.result = '优秀' and p.post_level in (%XK%)) as as_3y_ex_xk,
              count_if(a.fact_year between 2023 and 2025 and p.post_level in (%XK%)) as as_3y_xk,
              count_if(a.fact_year = 2025 and a.result = '优秀' and p.birth_date > date '1990-11-01') as as_y1_ex_lt36,
              count_if(a.fact_year = 2025 and p.birth_date > date '1990-11-01') as as_y1_lt36,
              count_if(a.fact_year between 2023 and 2025 and a.result in ('优秀', '称职') and p.post_level is not null) as as_3y_ok_post,
              count_if(a.fact_year between 2023 and 2025 and p.post_level is not null) as as_3y_post
            from person_assessment a join person_version p on p.person_id = a.person_id and %PV%
            where %FV(a)%
            group by p.unit_id""";

    static final String TRAINING = """
            select p.unit_id,
              count_if(t.fact_year = 2026 and t.hours >= 90) as t_ge90,
              count_if(t.fact_year = 2026 and t.hours < 90) as t_lt90,
              count_if(t.fact_year = 2026 and t.hours < 60) as t_lt60,
              count_if(t.fact_year = 2026 and t.hours < 45) as t_lt45,
              count_if(t.fact_year = 2026 and t.hours >= 150) as t_ge150,
              sum(t.hours) filter (where t.fact_year = 2026) as t_hours,
              count_if(t.fact_year = 2026 and t.hours >= 110 and p.post_level is not null) as t_ge110_post,
              sum(t.hours) filter (where t.fact_year = 2026 and p.post_level is not null) as t_hours_post,
              sum(t.hours) filter (where t.fact_year = 2026 and p.post_level in (%XC%)) as t_hours_xc,
              count_if(t.fact_year = 2026 and t.hours >= 90 and p.birth_date > date '1990-11-01') as t_ge90_lt36,
              count_if(t.fact_year = 2026 and t.hours >= 90 and p.birth_date <= date '1976-11-01') as t_ge90_ge50,
              count_if(t.fact_year = 2026 and t.hours >= 90 and p.gender = '女') as t_ge90_f,
              count_if(t.fact_year = 2026 and t.hours >= 90 and p.gender = '男') as t_ge90_m,
              count_if(t.fact_year = 2026 and t.hours >= 90 and p.probation_end > date '2026-11-01') as t_ge90_prob
            from person_training t join person_version p on p.person_id = t.person_id and %PV%
            where %FV(t)%
            group by p.unit_id""";

    static final String RECORD = """
            select p.unit_id,
              count_if(r.kind = 'REWARD' and r.fact_year between 2024 and 2026) as rw3,
              count_if(r.kind = 'REWARD' and r.fact_year between 2024 and 2026 and r.description = '嘉奖') as rw3_jj,
              count_if(r.kind = 'REWARD' and r.fact_year between 2024 and 2026 and r.description = '记三等功') as rw3_sdg,
              count_if(r.kind = 'REWARD' and r.fact_year between 2024 and 2026 and r.description = '优秀公务员') as rw3_yx,
              count_if(r.kind = 'REWARD' and r.fact_year = 2025) as rw_y1,
              count_if(r.kind = 'REWARD' and r.fact_year = 2025 and r.description = '嘉奖') as rw_y1_jj,
              count_if(r.kind = 'REWARD' and r.fact_year between 2024 and 2026 and p.post_level is not null) as rw3_post,
              count_if(r.kind = 'REWARD' and r.fact_year between 2024 and 2026 and p.birth_date > date '1990-11-01') as rw3_lt36,
              count_if(r.kind = 'REWARD' and r.fact_year between 2024 and 2026 and p.post_level is null) as rw3_nopost,
              count_if(r.kind = 'REWARD' and r.fact_year between 2024 and 2026 and p.gender = '女') as rw3_f,
              count_if(r.kind = 'DISCIPLINE' and r.fact_year between 2024 and 2026) as dc3,
              count_if(r.kind = 'DISCIPLINE' and r.fact_year = 2025) as dc_y1,
              count_if(r.kind = 'DISCIPLINE' and r.fact_year between 2024 and 2026 and r.description = '警告') as dc3_jg,
              count_if(r.kind = 'DISCIPLINE' and r.fact_year between 2024 and 2026 and r.description = '记过') as dc3_jgo,
              count_if(r.kind = 'DISCIPLINE' and r.fact_year between 2024 and 2026 and r.description = '记大过') as dc3_jdg,
              count_if(r.kind = 'DISCIPLINE' and r.fact_year between 2024 and 2026 and r.description = '降级') as dc3_jj,
              count_if(r.kind = 'DISCIPLINE' and r.fact_year between 2024 and 2026 and r.description in ('撤职', '开除')) as dc3_cz,
              count_if(r.kind = 'DISCIPLINE' and r.fact_year between 2024 and 2026 and p.post_level is not null) as dc3_post,
              count_if(r.kind = 'DISCIPLINE' and r.fact_year between 2024 and 2026 and p.birth_date > date '1990-11-01') as dc3_lt36
            from person_record r join person_version p on p.person_id = r.person_id and %PV%
            where %FV(r)%
            group by p.unit_id""";

    /**
     * has(): people in service on the date without a training row of eval_year (C0112), and people who
     * started work before 1 January of eval_year - 1 without an assessment for that year (C0610), both
     * facts as of the date.
     */
    static final String ANTI = """
            select p.unit_id,
              count_if(t.person_id is null) as no_train,
              count_if(p.work_start_date < date '2025-01-01' and a.person_id is null) as no_assess_y1
            from person_version p
            left join (select distinct t.person_id from person_training t where t.fact_year = 2026 and %FV(t)%) t
              on t.person_id = p.person_id
            left join (select distinct a.person_id from person_assessment a where a.fact_year = 2025 and %FV(a)%) a
              on a.person_id = p.person_id
            where %PV%
            group by p.unit_id""";

    static final String UNIT = """
            select u.node_id, sum(u.authorized_headcount) as hc
            from unit u
            group by u.node_id""";

    static final String QUOTA = """
            select q.unit_id,
              sum(q.quota) filter (where q.kind = 'LEADER') as q_l,
              sum(q.quota) filter (where q.kind = 'LEADER' and q.level = '县处级正职') as q_l_xz,
              sum(q.quota) filter (where q.kind = 'LEADER' and q.level = '县处级副职') as q_l_xf,
              sum(q.quota) filter (where q.kind = 'LEADER' and q.level = '乡科级正职') as q_l_kz,
              sum(q.quota) filter (where q.kind = 'LEADER' and q.level = '乡科级副职') as q_l_kf,
              sum(q.quota) filter (where q.kind = 'RANK') as q_r,
              sum(q.quota) filter (where q.kind = 'RANK' and q.level = '一级调研员') as q_r_dy1,
              sum(q.quota) filter (where q.kind = 'RANK' and q.level = '二级调研员') as q_r_dy2,
              sum(q.quota) filter (where q.kind = 'RANK' and q.level = '三级调研员') as q_r_dy3,
              sum(q.quota) filter (where q.kind = 'RANK' and q.level = '四级调研员') as q_r_dy4,
              sum(q.quota) filter (where q.kind = 'RANK' and q.level = '一级主任科员') as q_r_zr1,
              sum(q.quota) filter (where q.kind = 'RANK' and q.level = '二级主任科员') as q_r_zr2,
              sum(q.quota) filter (where q.kind = 'RANK' and q.level = '三级主任科员') as q_r_zr3
            from unit_post_quota q
            group by q.unit_id""";

    /**
     * Per indicator: code, numerator, denominator (null: not a ratio). A side is named aggregates joined
     * by " + " / " - ", or "max0 " before them for the positive part per unit. A count whose roll-up levels
     * are shown per 100 staff (the pack's per_100_staff levels) carries the unit's head-count "all_" as its
     * denominator at every level, as the engine stores it.
     */
    static final String[][] INDICATORS = {
        {"A0101", "a_lt31", "all_"}, {"A0102", "a_lt36", "all_"}, {"A0103", "a_36_41", "all_"},
        {"A0104", "a_41_46", "all_"}, {"A0105", "a_46_51", "all_"}, {"A0106", "a_51_56", "all_"},
        {"A0107", "a_ge56", "all_"}, {"A0108", "a_ge45", "all_"}, {"A0109", "a_ge50", "all_"},
        {"A0110", "a_ge55", "all_"}, {"A0111", "a_lt41", "all_"}, {"A0112", "a_lt26", "all_"},
        {"A0113", "age_yrs", "bd_nn"}, {"A0114", "age_yrs_m", "bd_nn_m"}, {"A0115", "age_yrs_f", "bd_nn_f"},
        {"A0116", "age_yrs_post", "bd_nn_post"}, {"A0117", "a_lt36", null}, {"A0118", "a_36_46", null},
        {"A0119", "ret_le0", "all_"},
        {"A0201", "f", "all_"}, {"A0202", "f_post", "post"}, {"A0203", "f_chief", null}, {"A0204", "f_lt36", "a_lt36"},
        {"A0205", "f_any_grad", "f"}, {"A0206", "f_party", "f"}, {"A0207", "m", "all_"}, {"A0208", "f", null},
        {"A0209", "f_xc", null}, {"A0210", "f_xk", "xk"},
        {"A0301", "grad", "all_"}, {"A0302", "ug", "all_"}, {"A0303", "lowedu", "all_"}, {"A0304", "lowedu2", "all_"},
        {"A0305", "hs_highest", "all_"}, {"A0306", "is_grad", "all_"}, {"A0307", "any_grad", "all_"}, {"A0308", "any_ug", "all_"},
        {"A0309", "any_master", "all_"}, {"A0310", "any_phd", null}, {"A0311", "any_bachelor", "all_"},
        {"A0312", "any_ug_lt36", "a_lt36"}, {"A0313", "any_grad_post", "post"}, {"A0314", "any_ug_post", "post"},
        {"A0401", "mc_econ", "all_"}, {"A0402", "mc_law", "all_"}, {"A0403", "mc_lit", "all_"},
        {"A0404", "mc_sci", "all_"}, {"A0405", "mc_it", "all_"}, {"A0406", "mc_agri", "all_"}, {"A0407", "mc_sea", null},
        {"A0408", "mc_med", "all_"}, {"A0409", "mc_edu", "all_"}, {"A0410", "mc_other", "all_"},
        {"A0411", "mc_econ_law", "all_"}, {"A0412", "mc_sci_it", "all_"}, {"A0413", "mc_sea_agri", "all_"},
        {"A0414", "mc_law", "all_"},
        {"A0501", "party", "all_"}, {"A0502", "prob_party", "all_"}, {"A0503", "league", "all_"},
        {"A0504", "nonparty", "all_"}, {"A0505", "mass", "all_"}, {"A0506", "minority", "all_"}, {"A0507", "minority", null},
        {"A0508", "party_post", "post"}, {"A0509", "nonparty_post", null}, {"A0510", "party_lt36", "a_lt36"},
        {"A0511", "democ", null},
        {"A0601", "r_xsy", "all_"}, {"A0602", "r_dy1", "all_"}, {"A0603", "r_dy2", "all_"}, {"A0604", "r_dy3", "all_"},
        {"A0605", "r_dy4", "all_"}, {"A0606", "r_zr1", "all_"}, {"A0607", "r_zr2", "all_"}, {"A0608", "r_zr3", "all_"},
        {"A0609", "r_zr4", "all_"}, {"A0610", "r_ky1", "all_"}, {"A0611", "r_ky2", "all_"}, {"A0612", "r_dy", "all_"},
        {"A0613", "r_zr", "all_"}, {"A0614", "r_ky", "all_"}, {"A0615", "r_top6", "all_"}, {"A0616", "r_top8", "all_"},
        {"A0617", "r_top10", "all_"}, {"A0618", "r_top7", "all_"},
        {"A0701", "post", "all_"}, {"A0702", "p_xz", null}, {"A0703", "p_xf", null}, {"A0704", "p_kz", null},
        {"A0705", "p_kf", null}, {"A0706", "post_lt46", "post"}, {"A0707", "post_ge50", "post"},
        {"A0708", "ps_yrs", "ps_nn"}, {"A0709", "age_yrs_xc", "bd_nn_xc"}, {"A0710", "age_yrs_xk", "bd_nn_xk"},
        {"A0711", "age_yrs_kz", "bd_nn_kz"}, {"A0712", "xds_post", "post"}, {"A0713", "any_grad_xk", "xk"},
        {"A0801", "s_kl", "all_"}, {"A0802", "s_xds", "all_"}, {"A0803", "s_lx", "all_"}, {"A0804", "s_dr", "all_"},
        {"A0805", "s_jz", "all_"}, {"A0806", "s_kl_xds", "all_"}, {"A0807", "xds_lt36", "a_lt36"},
        {"A0808", "xds_lx_post", "post"}, {"A0809", "s_lx", null}, {"A0810", "s_lx_dr", "all_"},
        {"A0901", "post_lt36", null}, {"A0902", "post_lt41", "post"}, {"A0903", "post_lt46", "post"},
        {"A0904", "xk_lt36", null}, {"A0905", "xc_lt41", null}, {"A0906", "a_lt31", null},
        {"A0907", "any_grad_lt36", "a_lt36"}, {"A0908", "top8_lt36", null}, {"A0909", "xds_lt36", null},
        {"A0910", "a_lt36", "a_ge56"},
        {"B0101", "max0 hc - all_", "hc"}, {"B0102", "max0 hc - all_", null}, {"B0103", "max0 all_ - hc", null}, {"B0104", "all_", "hc"},
        {"B0105", "post", "hc"}, {"B0106", "all_", null}, {"B0107", "a_lt36", "hc"},
        {"B0201", "p_xz", "q_l_xz"}, {"B0202", "p_xf", "q_l_xf"}, {"B0203", "p_kz", "q_l_kz"}, {"B0204", "p_kf", "q_l_kf"},
        {"B0205", "max0 p_xz - q_l_xz", null}, {"B0206", "max0 p_xf - q_l_xf", null}, {"B0207", "max0 p_kz - q_l_kz", null},
        {"B0208", "max0 p_kf - q_l_kf", null}, {"B0209", "post", "q_l"}, {"B0210", "max0 q_l - post", null},
        {"B0211", "max0 post - q_l", null}, {"B0212", "r_dy1", "q_r_dy1"}, {"B0213", "r_dy2", "q_r_dy2"},
        {"B0214", "r_dy3", "q_r_dy3"}, {"B0215", "r_dy4", "q_r_dy4"}, {"B0216", "r_zr1", "q_r_zr1"},
        {"B0217", "r_zr2", "q_r_zr2"}, {"B0218", "r_zr3", "q_r_zr3"}, {"B0219", "max0 r_dy1 - q_r_dy1", null},
        {"B0220", "max0 r_dy2 - q_r_dy2", null}, {"B0221", "max0 r_dy3 - q_r_dy3", null}, {"B0222", "max0 r_dy4 - q_r_dy4", null},
        {"B0223", "max0 r_zr1 - q_r_zr1", null}, {"B0224", "max0 r_zr2 - q_r_zr2", null}, {"B0225", "max0 r_zr3 - q_r_zr3", null},
        {"B0226", "r_dy_zr3", "q_r"},
        {"B0301", "new3_klxds", "all_"}, {"B0302", "new1_klxds", null}, {"B0303", "new1_xds", null},
        {"B0304", "new3_xds", null}, {"B0305", "lx_j3", null}, {"B0306", "dr_j3", null}, {"B0307", "jz_j3", null},
        {"B0308", "any_grad_j3", "j3"}, {"B0309", "lt36_j3", "j3"},
        {"B0401", "j_ge5", "all_"}, {"B0402", "j_ge10", "all_"}, {"B0403", "j_ge10", "all_"}, {"B0404", "j_ge15", "all_"},
        {"B0405", "j_ge15", "all_"}, {"B0406", "post_j10", "all_"}, {"B0407", "post_ps5", "all_"},
        {"B0408", "post_ps10", "all_"}, {"B0409", "kz_j10", "all_"}, {"B0410", "j1_ws1", "all_"}, {"B0411", "j3_ws3", "all_"},
        {"B0412", "j_yrs", "j_nn"},
        {"B0501", "rs3", null}, {"B0502", "rs3", "all_"}, {"B0503", "rs5", null}, {"B0504", "rs5", "all_"},
        {"B0505", "rs8", "all_"}, {"B0506", "rs10", "all_"}, {"B0507", "rs_yrs", "rs_nn"}, {"B0508", "ky1_rs3", "all_"},
        {"B0509", "zr4_rs4", "all_"}, {"B0510", "zr2_rs4", "all_"}, {"B0511", "post_rs5", "all_"},
        {"B0512", "rs3_lt36", "a_lt36"}, {"B0513", "rs_lt1", "all_"}, {"B0514", "rs_null", "all_"},
        {"B0601", "j1", null}, {"B0602", "j1", "all_"}, {"B0603", "j3", "all_"}, {"B0604", "ws_lt3", "all_"},
        {"B0605", "ws_ge30", "all_"}, {"B0606", "post_j1", null}, {"B0607", "age_yrs_j3", "bd_nn_j3"},
        {"B0608", "f_j3", "j3"},
        {"B0701", "ret_lt1", "all_"}, {"B0702", "ret_lt1", "all_"}, {"B0703", "ret_lt2", "all_"}, {"B0704", "ret_lt3", "all_"},
        {"B0705", "ret_lt3", "all_"}, {"B0706", "ret_lt4", "all_"}, {"B0707", "ret_lt5", "all_"},
        {"B0708", "ret_lt5", "all_"}, {"B0709", "ret_le0", "all_"}, {"B0710", "post_ret_lt3", "all_"},
        {"B0711", "ret_lt5_post", "post"}, {"B0712", "ret_lt5", "a_lt36"}, {"B0713", "m_ret_lt3", "all_"},
        {"B0714", "f_ret_lt3", "all_"},
        {"B0801", "top8_lt41", "all_"}, {"B0802", "top6_lt46", null}, {"B0803", "top8_lt41_nopost", null},
        {"B0804", "top8_lt41_nopost", "q_l"}, {"B0805", "lt36_anyug_top9", null}, {"B0806", "any_grad_lt36", null},
        {"B0807", "top7_41_46_nopost", null}, {"B0808", "kf_lt41", "p_kf"}, {"B0809", "xf_lt46", "p_xf"},
        {"C0101", "t_ge90", "all_"}, {"C0102", "t_lt90", "all_"}, {"C0103", "t_hours", "all_"}, {"C0104", "t_lt60", "all_"},
        {"C0105", "t_lt45", "all_"}, {"C0106", "t_ge110_post", "post"}, {"C0107", "t_hours_post", "post"},
        {"C0108", "t_ge90_lt36", "a_lt36"}, {"C0109", "t_ge90_ge50", "a_ge50"}, {"C0110", "t_ge90_f", "f"},
        {"C0111", "t_ge90_m", "m"}, {"C0112", "no_train", "all_"}, {"C0113", "t_ge150", "all_"},
        {"C0114", "t_ge90_prob", "prob"}, {"C0115", "t_hours_xc", "p_xc"},
        {"C0201", "as_y1_ex", "as_y1"}, {"C0202", "as_y1_ok", "as_y1"}, {"C0203", "as_y1_basic", "all_"},
        {"C0204", "as_y1_bad", "all_"}, {"C0205", "as_y1_unk", "all_"},
        {"C0206", "as_2y_ex", "as_2y"}, {"C0207", "as_2y_ok", "as_2y"}, {"C0208", "as_2y_basic", "all_"},
        {"C0209", "as_2y_bad", "all_"}, {"C0210", "as_2y_unk", "all_"},
        {"C0211", "as_3y_ex", "as_3y"}, {"C0212", "as_3y_ok", "as_3y"}, {"C0213", "as_3y_basic", "all_"},
        {"C0214", "as_3y_bad", "all_"}, {"C0215", "as_3y_unk", "all_"},
        {"C0216", "as_3y_ex", "as_3y"}, {"C0217", "as_3y_weak", "all_"}, {"C0218", "as_3y_unk", "all_"},
        {"C0219", "as_y1", "all_"},
        {"C0301", "as_y1_ex_post", "as_y1_post"}, {"C0302", "as_y1_ex_nopost", "as_y1_nopost"},
        {"C0303", "as_3y_weak_post", "all_"}, {"C0304", "as_y1_ex_chief", "as_y1_chief"},
        {"C0305", "as_y1_ex_dep", "as_y1_dep"}, {"C0306", "as_3y_ex_xc", "as_3y_xc"},
        {"C0307", "as_3y_ex_xk", "as_3y_xk"}, {"C0308", "as_y1_post", "post"}, {"C0309", "as_y1_ex_lt36", "as_y1_lt36"},
        {"C0310", "as_3y_ok_post", "as_3y_post"},
        {"C0401", "rw3", "all_"}, {"C0402", "rw3", null}, {"C0403", "rw3_jj", null}, {"C0404", "rw3_sdg", null},
        {"C0405", "rw3_yx", null}, {"C0406", "rw_y1", null}, {"C0407", "rw_y1_jj", null}, {"C0408", "rw3_post", "post"},
        {"C0409", "rw3_lt36", null}, {"C0410", "rw3_nopost", "rw3"}, {"C0411", "rw3_f", "f"},
        {"C0501", "dc3", "all_"}, {"C0502", "dc3", "all_"}, {"C0503", "dc_y1", "all_"}, {"C0504", "dc3_jg", "all_"},
        {"C0505", "dc3_jgo", "all_"}, {"C0506", "dc3_jdg", "all_"}, {"C0507", "dc3_jj", "all_"}, {"C0508", "dc3_cz", "all_"},
        {"C0509", "dc3_post", "all_"}, {"C0510", "dc3_lt36", "all_"}, {"C0511", "dc3", "rw3"}, {"C0512", "dc3_post", "dc3"},
        {"C0601", "prob", null}, {"C0602", "prob", "all_"}, {"C0603", "prob_3m", null}, {"C0604", "any_grad_prob", "prob"},
        {"C0605", "cg", "all_"}, {"C0606", "fte_null", "all_"}, {"C0607", "mc_null", "all_"}, {"C0608", "ws_null", "all_"},
        {"C0609", "post_ps_null", "all_"}, {"C0610", "no_assess_y1", "all_"}, {"C0611", "isedu_nodeg", "all_"},
    };

    /** The hand-written queries in the order run, as this database wants them written. */
    static List<String> queries(boolean duckdb) {
        List<String> out = new ArrayList<>();
        for (String sql : List.of(PERSON, ASSESSMENT, TRAINING, RECORD, ANTI, UNIT, QUOTA)) {
            out.add(render(sql, duckdb));
        }
        return out;
    }

    private static String render(String sql, boolean duckdb) {
        String s = sql.replace("%TOP6%", TOP6).replace("%TOP7%", TOP7).replace("%TOP8%", TOP8)
                .replace("%PARTY%", PARTY).replace("%XC%", XC).replace("%XK%", XK);
        for (int y = 1; y <= 5; y++) {
            s = s.replace("%RET" + y + "%", retiresWithin(y));
        }
        s = s.replace("%SENIOR%", SENIOR).replace("%PV%", PERSON_AS_OF);
        for (String f : List.of("a", "t", "r")) {
            s = s.replace("%FV(" + f + ")%", factAsOf(f));
        }
        s = java.util.regex.Pattern.compile("years\\((p\\.\\w+)\\)").matcher(s)
                .replaceAll(m -> java.util.regex.Matcher.quoteReplacement(wholeYears(m.group(1))));
        // retirement on or before the date: the first birth retiring strictly after it is the bound
        s = s.replace("{rm0s}", "date '" + RetirementLaw.firstBirthRetiringFrom(AS_OF, RetirementLaw.Group.MAN, true) + "'");
        s = s.replace("{rw0s}", "date '" + RetirementLaw.firstBirthRetiringFrom(AS_OF, RetirementLaw.Group.WOMAN_CADRE,
                true) + "'");
        for (int months = 0; months <= 60; months += 12) {
            s = s.replace("{rm" + months + "}", "date '" + RetirementLaw.firstBirthRetiringFrom(
                    AS_OF.plusMonths(months), RetirementLaw.Group.MAN, false) + "'");
            s = s.replace("{rw" + months + "}", "date '" + RetirementLaw.firstBirthRetiringFrom(
                    AS_OF.plusMonths(months), RetirementLaw.Group.WOMAN_CADRE, false) + "'");
        }
        return duckdb ? s : countFilter(s);
    }

    /** count_if(c) → count(*) filter (where c), for PostgreSQL and H2 (balanced parentheses). */
    static String countFilter(String s) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (true) {
            int at = s.indexOf("count_if(", i);
            if (at < 0) {
                return out.append(s, i, s.length()).toString();
            }
            int depth = 1;
            int j = at + "count_if(".length();
            int start = j;
            while (depth > 0) {
                char ch = s.charAt(j++);
                depth += ch == '(' ? 1 : ch == ')' ? -1 : 0;
            }
            out.append(s, i, at).append("count(*) filter (where ").append(s, start, j - 1).append(')');
            i = j;
        }
    }

    /** One query's result: unit ids, column names and values by row (read as the engine reads: doubles). */
    record Table(String[] names, long[] units, double[][] values) {
    }

    /** Runs the queries; values are read into arrays only (the maps by name are built after the timing). */
    static List<Table> run(Connection con, List<String> queries) throws SQLException {
        List<Table> out = new ArrayList<>();
        try (Statement st = con.createStatement()) {
            for (String sql : queries) {
                long start = System.nanoTime();
                try (ResultSet rs = st.executeQuery(sql)) {
                    ResultSetMetaData md = rs.getMetaData();
                    int n = md.getColumnCount() - 1;
                    String[] names = new String[n];
                    for (int c = 0; c < n; c++) {
                        names[c] = md.getColumnLabel(c + 2).toLowerCase();
                    }
                    List<Long> units = new ArrayList<>();
                    List<double[]> rows = new ArrayList<>();
                    while (rs.next()) {
                        units.add(rs.getLong(1));
                        double[] row = new double[n];
                        for (int c = 0; c < n; c++) {
                            double v = rs.getDouble(c + 2);
                            row[c] = rs.wasNull() ? 0 : v; // a sum over no rows is NULL: 0, as the engine reads it
                        }
                        rows.add(row);
                    }
                    out.add(new Table(names, units.stream().mapToLong(Long::longValue).toArray(),
                            rows.toArray(double[][]::new)));
                }
                String from = sql.substring(sql.indexOf("\nfrom ") + 6);
                System.out.println("limit " + from.substring(0, from.indexOf(' ')) + ": " + (System.nanoTime() - start)
                        / 1_000_000 + " ms");
            }
        }
        return out;
    }

    /** Named aggregates by unit id, over every table (a unit without rows in a table has none: 0). */
    static Map<Long, Map<String, Double>> byUnit(List<Table> tables) {
        Map<Long, Map<String, Double>> byUnit = new HashMap<>();
        for (Table t : tables) {
            for (int r = 0; r < t.units().length; r++) {
                Map<String, Double> values = byUnit.computeIfAbsent(t.units()[r], k -> new HashMap<>());
                for (int c = 0; c < t.names().length; c++) {
                    values.put(t.names()[c], t.values()[r][c]);
                }
            }
        }
        return byUnit;
    }

    /** One side of an indicator from the named aggregates. */
    static double side(String expr, Map<String, Double> values) {
        if (expr.startsWith("max0 ")) {
            return Math.max(0, side(expr.substring(5), values)); // positive part per unit (DEFINITIONS 1)
        }
        double total = 0;
        int sign = 1;
        for (String token : expr.split(" ")) {
            if (token.equals("+") || token.equals("-")) {
                sign = token.equals("+") ? 1 : -1;
                continue;
            }
            double v = values == null ? 0 : values.getOrDefault(token, 0.0);
            total += sign * v;
        }
        return total;
    }

    /** The names every side refers to, for a check that each is computed by some query. */
    static Map<String, String> references() {
        Map<String, String> refs = new LinkedHashMap<>();
        for (String[] ind : INDICATORS) {
            for (int s = 1; s <= 2; s++) {
                if (ind[s] != null) {
                    for (String token : ind[s].split(" ")) {
                        if (!token.equals("+") && !token.equals("-") && !token.equals("max0")) {
                            refs.put(token, ind[0]);
                        }
                    }
                }
            }
        }
        return refs;
    }

    private HandLimit() {
    }
}
