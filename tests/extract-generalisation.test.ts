// Held-out style generalisation set: sentences written the way OTHER county health bureaus
// phrase their work reports (not taken from the five seeds). Each sentence is put into a tiny
// report (title line + numbered sections, so section roles work) and run through analyseText.
// For each sentence the test lists EVERY mention expected in it (so false positives fail too)
// with value, unit as written, normalizedValue, kind, qualifier and, where the catalogue has a
// suitable indicator, its id (`id: null` asserts no indicator; omitted means not checked).
// Batches A–G were written in that order; B, D, E, F and G were run against the extractor before
// any change made for them, so their first results are held-out estimates (docs/extraction.md).
import { describe, expect, it } from "vitest";
import { analyseText } from "../scripts/pipeline/report";
import type { Mention } from "../src/lib/schema";

interface Exp {
  /** The number as written. */
  raw: string;
  v: number;
  /** Unit as written (null: unitless). */
  u: string | null;
  /** normalizedValue; defaults to v. */
  n?: number;
  /** kind; defaults to actual in the summary section, target in the plan section. */
  k?: "actual" | "target";
  q?: "approx" | "more_than" | "nearly" | "at_least" | "at_most" | null;
  id?: string | null;
}

interface Case {
  s: string;
  /** Put the sentence in the plan section (三、下半年工作计划). */
  plan?: boolean;
  m: Exp[];
}

const TITLE = "某某县卫生健康局2023年上半年工作总结";

function reportOf(sentence: string, plan: boolean): string {
  const summary = plan ? "全县卫生健康工作稳步推进。" : sentence;
  const planText = plan ? sentence : "持续抓好各项重点工作。";
  return [
    TITLE,
    "",
    "一、上半年工作完成情况",
    "（一）重点工作推进情况",
    summary,
    "二、存在的问题",
    "基层服务能力仍然薄弱。",
    "三、下半年工作计划",
    planText,
    "",
  ].join("\n");
}

function mentionsOf(sentence: string, plan: boolean): { text: string; ms: Mention[] } {
  const text = reportOf(sentence, plan);
  const r = analyseText(text, { sha256: "0", encoding: "utf-8", format: "text", warnings: [] });
  const from = text.indexOf(sentence);
  const to = from + sentence.length;
  return { text, ms: r.mentions.filter((m) => m.start >= from && m.end <= to) };
}

export const CASES: Case[] = [
  // ── 家庭医生签约
  {
    s: "全县组建家庭医生签约服务团队126个，签约居民18.6万人，常住人口签约率42.3%，重点人群签约率76.5%。",
    m: [
      { raw: "126", v: 126, u: "个", id: "family_doctor_teams" },
      { raw: "18.6", v: 18.6, u: "万人", n: 186000, id: "family_doctor_signups" },
      { raw: "42.3", v: 42.3, u: "%", id: "family_doctor_signup_rate" },
      { raw: "76.5", v: 76.5, u: "%", id: "family_doctor_signup_rate_key_groups" },
    ],
  },
  {
    s: "家庭医生签约人数达到152,386人，签约率为38.92%。",
    m: [
      { raw: "152,386", v: 152386, u: "人", id: "family_doctor_signups" },
      { raw: "38.92", v: 38.92, u: "%", id: "family_doctor_signup_rate" },
    ],
  },
  // ── 慢病管理
  {
    s: "高血压患者规范管理人数为12,568人，规范管理率达到65.2%；2型糖尿病患者规范管理3,215人，规范管理率63.8%。",
    m: [
      { raw: "12,568", v: 12568, u: "人", id: "hypertension_patients_standard_managed" },
      { raw: "65.2", v: 65.2, u: "%", id: "hypertension_standard_management_rate" },
      { raw: "3,215", v: 3215, u: "人", id: "diabetes_patients_standard_managed" },
      { raw: "63.8", v: 63.8, u: "%", id: "diabetes_standard_management_rate" },
    ],
  },
  {
    s: "在管高血压患者2.35万人，在管糖尿病患者0.86万人。",
    m: [
      { raw: "2.35", v: 2.35, u: "万人", n: 23500, id: "hypertension_patients_managed" },
      { raw: "0.86", v: 0.86, u: "万人", n: 8600, id: "diabetes_patients_managed" },
    ],
  },
  {
    s: "高血压患者规范管理率为62.15％，糖尿病患者规范管理率为60.02％。",
    m: [
      { raw: "62.15", v: 62.15, u: "％", id: "hypertension_standard_management_rate" },
      { raw: "60.02", v: 60.02, u: "％", id: "diabetes_standard_management_rate" },
    ],
  },
  // ── 健康档案
  {
    s: "居民电子健康档案建档率为91.6%，健康档案使用率62.3%。",
    m: [
      { raw: "91.6", v: 91.6, u: "%", id: "health_records_rate" },
      { raw: "62.3", v: 62.3, u: "%", id: "health_records_use_rate" },
    ],
  },
  {
    s: "累计建立居民电子健康档案 45.62 万份，电子建档率 92.3 ％。",
    m: [
      { raw: "45.62", v: 45.62, u: "万份", n: 456200, id: "health_records" },
      { raw: "92.3", v: 92.3, u: "％", id: "health_records_rate" },
    ],
  },
  // ── 老年人
  {
    s: "65岁及以上老年人健康管理率达到68.5%，为2.3万名老年人免费健康体检。",
    m: [
      { raw: "68.5", v: 68.5, u: "%", id: "elderly_health_management_rate" },
      { raw: "2.3", v: 2.3, u: "万名", n: 23000, id: "elderly_health_exams" },
    ],
  },
  {
    s: "65岁以上老年人健康管理人数3.12万人，健康管理率71.3%。",
    m: [
      { raw: "3.12", v: 3.12, u: "万人", n: 31200, id: "elderly_health_managed" },
      { raw: "71.3", v: 71.3, u: "%", id: "elderly_health_management_rate" },
    ],
  },
  // ── 妇幼: 死亡率
  {
    s: "全县孕产妇死亡率为0，婴儿死亡率为2.15‰，5岁以下儿童死亡率为3.08‰。",
    m: [
      { raw: "0", v: 0, u: null, id: "maternal_mortality_rate" },
      { raw: "2.15", v: 2.15, u: "‰", id: "infant_mortality_rate" },
      { raw: "3.08", v: 3.08, u: "‰", id: "under5_mortality_rate" },
    ],
  },
  {
    s: "孕产妇死亡率为12.5/10万，婴儿死亡率控制在4‰以内。",
    m: [
      { raw: "12.5", v: 12.5, u: "/10万", id: "maternal_mortality_rate" },
      { raw: "4", v: 4, u: "‰", q: "at_most", id: "infant_mortality_rate" },
    ],
  },
  {
    s: "确保孕产妇死亡率控制在15/10万以下、婴儿死亡率控制在5‰以下。",
    m: [
      { raw: "15", v: 15, u: "/10万", k: "target", q: "at_most", id: "maternal_mortality_rate" },
      { raw: "5", v: 5, u: "‰", k: "target", q: "at_most", id: "infant_mortality_rate" },
    ],
  },
  {
    s: "孕产妇系统管理率93.5%，3岁以下儿童系统管理率92.1%，住院分娩率100%。",
    m: [
      { raw: "93.5", v: 93.5, u: "%", id: "maternal_systematic_management_rate" },
      { raw: "92.1", v: 92.1, u: "%", id: "child_systematic_management_rate" },
      { raw: "100", v: 100, u: "%", id: "hospital_delivery_rate" },
    ],
  },
  {
    s: "0-6岁儿童健康管理率达到93.2%，7岁以下儿童健康管理率95.1%。",
    m: [
      { raw: "93.2", v: 93.2, u: "%", id: "child_health_management_rate" },
      { raw: "95.1", v: 95.1, u: "%", id: "child_health_management_rate" },
    ],
  },
  {
    s: "全县0～3岁婴幼儿家庭科学育儿指导服务率达85%。",
    m: [{ raw: "85", v: 85, u: "%", id: null }],
  },
  {
    s: "新生儿疾病筛查率达98.6%，新生儿听力筛查率97.2%。",
    m: [
      { raw: "98.6", v: 98.6, u: "%", id: "newborn_disease_screening_rate" },
      { raw: "97.2", v: 97.2, u: "%", id: "newborn_hearing_screening_rate" },
    ],
  },
  {
    s: "完成两癌筛查1.2万人，其中宫颈癌筛查6,000人、乳腺癌筛查6,000人。",
    m: [
      { raw: "1.2", v: 1.2, u: "万人", n: 12000, id: "two_cancer_screenings" },
      { raw: "6,000", v: 6000, u: "人", id: "cervical_cancer_screenings" },
      { raw: "6,000", v: 6000, u: "人", id: "breast_cancer_screenings" },
    ],
  },
  {
    s: "免费为农村适龄妇女开展“两癌”筛查8,560人。",
    m: [{ raw: "8,560", v: 8560, u: "人", id: "two_cancer_screenings" }],
  },
  // ── 免疫规划
  {
    s: "适龄儿童国家免疫规划疫苗接种率保持在95%以上，共接种一类疫苗3.6万剂次。",
    m: [
      { raw: "95", v: 95, u: "%", q: "at_least", id: "nip_vaccination_rate" },
      { raw: "3.6", v: 3.6, u: "万剂次", n: 36000, id: "nip_vaccinations" },
    ],
  },
  {
    s: "适龄儿童免疫规划疫苗接种率达 ９８．６５ ％ 以上。",
    m: [{ raw: "９８．６５", v: 98.65, u: "％", q: "at_least", id: "nip_vaccination_rate" }],
  },
  {
    s: "接种流感疫苗2.1万余剂，65岁以上老年人肺炎疫苗接种率35.6%。",
    m: [
      { raw: "2.1", v: 2.1, u: "万剂", n: 21000, q: "more_than" },
      { raw: "35.6", v: 35.6, u: "%", id: null },
    ],
  },
  // ── 资源: 每千人口
  {
    s: "全县每千人口执业（助理）医师数2.86人，每千人口注册护士数3.12人，每千人口医疗卫生机构床位数6.35张。",
    m: [
      { raw: "2.86", v: 2.86, u: "人", id: "doctors_per_1000" },
      { raw: "3.12", v: 3.12, u: "人", id: "nurses_per_1000" },
      { raw: "6.35", v: 6.35, u: "张", id: "beds_per_1000" },
    ],
  },
  {
    s: "每千人医师数达2.5人，每千人护士数2.9人，每千人床位数5.8张。",
    m: [
      { raw: "2.5", v: 2.5, u: "人", id: "doctors_per_1000" },
      { raw: "2.9", v: 2.9, u: "人", id: "nurses_per_1000" },
      { raw: "5.8", v: 5.8, u: "张", id: "beds_per_1000" },
    ],
  },
  {
    s: "每万人口全科医生数达到3.2人，全县共有全科医生86人。",
    m: [
      { raw: "3.2", v: 3.2, u: "人", id: "gps_per_10k" },
      { raw: "86", v: 86, u: "人", id: "general_practitioners" },
    ],
  },
  // ── 机构
  {
    s: "全县共有医疗卫生机构356个，其中县级公立医院3家、乡镇卫生院18家、村卫生室286个、民营医院9家。",
    m: [
      { raw: "356", v: 356, u: "个", id: "health_institutions_total" },
      { raw: "3", v: 3, u: "家", id: "county_public_hospitals" },
      { raw: "18", v: 18, u: "家", id: "township_health_centers" },
      { raw: "286", v: 286, u: "个", id: "village_clinics" },
      { raw: "9", v: 9, u: "家", id: "private_hospitals" },
    ],
  },
  {
    s: "全县共有乡镇卫生院15所，社区卫生服务中心3个，村卫生室210个，个体诊所46家。",
    m: [
      { raw: "15", v: 15, u: "所", id: "township_health_centers" },
      { raw: "3", v: 3, u: "个", id: "community_health_centers" },
      { raw: "210", v: 210, u: "个", id: "village_clinics" },
      { raw: "46", v: 46, u: "家", id: "private_clinics" },
    ],
  },
  {
    s: "全县十八个乡镇卫生院均设置了发热诊室。",
    m: [{ raw: "十八", v: 18, u: "个", id: "township_health_centers" }],
  },
  {
    s: "组建紧密型县域医共体两个，覆盖全县乡镇卫生院。",
    m: [{ raw: "两", v: 2, u: "个", id: "county_medical_alliances" }],
  },
  {
    s: "新建村卫生室20个，改造提升乡镇卫生院5所。",
    plan: true,
    m: [
      { raw: "20", v: 20, u: "个", id: null },
      { raw: "5", v: 5, u: "所", id: null },
    ],
  },
  // ── 人员
  {
    s: "全县卫生技术人员2,468人，其中执业（助理）医师896人、注册护士1,032人。",
    m: [
      { raw: "2,468", v: 2468, u: "人", id: "health_tech_staff" },
      { raw: "896", v: 896, u: "人", id: "licensed_doctors" },
      { raw: "1,032", v: 1032, u: "人", id: "registered_nurses" },
    ],
  },
  {
    s: "卫技人员达3156名，较上年增加128名。",
    m: [
      { raw: "3156", v: 3156, u: "名", id: "health_tech_staff" },
      { raw: "128", v: 128, u: "名", id: null },
    ],
  },
  // ── 医疗服务
  {
    s: "全县医疗机构完成门急诊156.8万人次，同比增长8.6%；出院病人5.2万人次，同比增长5.3%。",
    m: [
      { raw: "156.8", v: 156.8, u: "万人次", n: 1568000, id: "outpatient_visits" },
      { raw: "8.6", v: 8.6, u: "%", id: null },
      { raw: "5.2", v: 5.2, u: "万人次", n: 52000, id: "inpatient_discharges" },
      { raw: "5.3", v: 5.3, u: "%", id: null },
    ],
  },
  {
    s: "县级医院门急诊人次达到62.35万，出院人次3.1万。",
    m: [
      { raw: "62.35", v: 62.35, u: "万", n: 623500, id: "outpatient_visits" },
      { raw: "3.1", v: 3.1, u: "万", n: 31000, id: "inpatient_discharges" },
    ],
  },
  {
    s: "全县医疗卫生机构总诊疗人次达到1,235,688人次，其中基层医疗卫生机构诊疗68.5万人次。",
    m: [
      { raw: "1,235,688", v: 1235688, u: "人次", id: "total_consultations" },
      { raw: "68.5", v: 68.5, u: "万人次", n: 685000, id: "primary_care_consultations" },
    ],
  },
  {
    s: "县域内就诊率达到90.2%，基层就诊率为65.3%，居民住院率12.6%。",
    m: [
      { raw: "90.2", v: 90.2, u: "%", id: "in_county_treatment_rate" },
      { raw: "65.3", v: 65.3, u: "%", id: "primary_care_visit_rate" },
      { raw: "12.6", v: 12.6, u: "%", id: "hospitalization_rate" },
    ],
  },
  {
    s: "力争县域内就诊率达到90%左右。",
    plan: true,
    m: [{ raw: "90", v: 90, u: "%", q: "approx", id: "in_county_treatment_rate" }],
  },
  // ── 经费、投资
  {
    s: "下达基本公共卫生服务项目资金2,856.3万元，人均补助标准提高到89元。",
    m: [
      { raw: "2,856.3", v: 2856.3, u: "万元", n: 28563000, id: "basic_public_health_funding" },
      { raw: "89", v: 89, u: "元", id: "basic_public_health_per_capita_subsidy" },
    ],
  },
  {
    s: "基本公卫项目经费到位率100%，人均基本公共卫生服务经费补助标准为84元/人。",
    m: [
      { raw: "100", v: 100, u: "%", id: null },
      { raw: "84", v: 84, u: "元/人", id: "basic_public_health_per_capita_subsidy" },
    ],
  },
  {
    s: "县人民医院迁建项目总投资5.8亿元，已完成投资3.2亿元，占年度计划的62.5%。",
    m: [
      { raw: "5.8", v: 5.8, u: "亿元", n: 580000000, id: "health_projects_investment" },
      { raw: "3.2", v: 3.2, u: "亿元", n: 320000000, id: null },
      { raw: "62.5", v: 62.5, u: "%", id: null },
    ],
  },
  {
    s: "全年争取上级项目资金3,200万元。",
    m: [{ raw: "3,200", v: 3200, u: "万元", n: 32000000, k: "actual", id: null }],
  },
  {
    s: "计划投资1.5亿元新建县妇幼保健院，设置床位200张。",
    m: [
      { raw: "1.5", v: 1.5, u: "亿元", n: 150000000, k: "target" },
      { raw: "200", v: 200, u: "张", k: "target", id: null },
    ],
  },
  {
    s: "投入资金１２０万元，为全县７５个村卫生室配备智能健康一体机７５台。",
    m: [
      { raw: "１２０", v: 120, u: "万元", n: 1200000, id: null },
      { raw: "７５", v: 75, u: "个" },
      { raw: "７５", v: 75, u: "台", id: null },
    ],
  },
  {
    s: "发放计划生育奖励扶助金386.4万元，惠及4,832人。",
    m: [
      { raw: "386.4", v: 386.4, u: "万元", n: 3864000, id: "family_planning_reward_funds" },
      { raw: "4,832", v: 4832, u: "人", id: "family_planning_assistance_beneficiaries" },
    ],
  },
  {
    s: "为全县1.5万名65周岁以上老年人购买意外伤害保险，投入资金45万元。",
    m: [
      { raw: "1.5", v: 1.5, u: "万名", n: 15000 },
      { raw: "45", v: 45, u: "万元", n: 450000 },
    ],
  },
  // ── 监督执法
  {
    s: "卫生监督检查各类单位1,286户次，立案查处28起，罚款金额12.56万元。",
    m: [
      { raw: "1,286", v: 1286, u: "户次", id: "supervision_inspections" },
      { raw: "28", v: 28, u: "起", id: "enforcement_cases" },
      { raw: "12.56", v: 12.56, u: "万元", n: 125600, id: "fines_amount" },
    ],
  },
  {
    s: "全年立案45件，结案43件，罚没款共计8.6万元。",
    m: [
      { raw: "45", v: 45, u: "件", id: "enforcement_cases" },
      { raw: "43", v: 43, u: "件", id: null },
      { raw: "8.6", v: 8.6, u: "万元", n: 86000, id: "penalties_total" },
    ],
  },
  {
    s: "检查公共场所单位326家，合格率为97.5%，下达监督意见书45份。",
    m: [
      { raw: "326", v: 326, u: "家", id: null },
      { raw: "97.5", v: 97.5, u: "%", id: null },
      { raw: "45", v: 45, u: "份", id: null },
    ],
  },
  // ── 疾控
  {
    s: "全年共筛查肺结核可疑症状者1,562人，发现并治疗活动性肺结核患者46例，成功治疗率95.6%。",
    m: [
      { raw: "1,562", v: 1562, u: "人", id: "tb_suspects_screened" },
      { raw: "46", v: 46, u: "例", id: "tb_patients_registered" },
      { raw: "95.6", v: 95.6, u: "%", id: "tb_treatment_success_rate" },
    ],
  },
  {
    s: "开展艾滋病检测5.8万人次，新发现HIV感染者12例。",
    m: [
      { raw: "5.8", v: 5.8, u: "万人次", n: 58000, id: "hiv_tests" },
      { raw: "12", v: 12, u: "例", id: "hiv_new_infections" },
    ],
  },
  {
    s: "2023年1-6月，全县共报告法定传染病12种1,386例，无甲类传染病报告。",
    m: [
      { raw: "12", v: 12, u: "种", id: null },
      { raw: "1,386", v: 1386, u: "例", id: "notifiable_disease_reports" },
    ],
  },
  {
    s: "严重精神障碍患者报告患病率4.52‰，规范管理率92.6%。",
    m: [
      { raw: "4.52", v: 4.52, u: "‰", id: "smi_reported_prevalence" },
      { raw: "92.6", v: 92.6, u: "%", id: "smi_standard_management_rate" },
    ],
  },
  {
    s: "截至6月底，全县累计报告新冠病毒感染者0例。",
    m: [{ raw: "0", v: 0, u: "例", id: null }],
  },
  // ── 托育、医养、中医、健康素养、卫生创建
  {
    s: "全县现有托育机构15家，提供托位860个，每千人口托位数达到3.2个。",
    m: [
      { raw: "15", v: 15, u: "家", id: "childcare_institutions" },
      { raw: "860", v: 860, u: "个", id: "childcare_places" },
      { raw: "3.2", v: 3.2, u: "个", id: "childcare_places_per_1000" },
    ],
  },
  {
    s: "全年新增托位300个，每千人口托位数达到3.5个。",
    plan: true,
    m: [
      { raw: "300", v: 300, u: "个", id: null },
      { raw: "3.5", v: 3.5, u: "个", id: "childcare_places_per_1000" },
    ],
  },
  {
    s: "建成医养结合机构6家，床位1,200张。",
    m: [
      { raw: "6", v: 6, u: "家", id: "integrated_elderly_care_institutions" },
      { raw: "1,200", v: 1200, u: "张", id: null },
    ],
  },
  {
    s: "建成乡镇卫生院中医馆12个，推广中医药适宜技术15项。",
    m: [
      { raw: "12", v: 12, u: "个", id: "tcm_halls" },
      { raw: "15", v: 15, u: "项", id: "tcm_appropriate_techniques" },
    ],
  },
  {
    s: "居民健康素养水平达到28.6%，较上年提高2.3个百分点。",
    m: [
      { raw: "28.6", v: 28.6, u: "%", id: "health_literacy_rate" },
      { raw: "2.3", v: 2.3, u: "个百分点", id: null },
    ],
  },
  {
    s: "居民健康素养水平提高到30%以上。",
    plan: true,
    m: [{ raw: "30", v: 30, u: "%", q: "at_least", id: "health_literacy_rate" }],
  },
  {
    s: "新创建国家卫生乡镇2个、省级卫生乡镇3个。",
    m: [
      { raw: "2", v: 2, u: "个", id: "national_health_towns" },
      { raw: "3", v: 3, u: "个", id: "provincial_health_towns" },
    ],
  },
  // ── 人口
  {
    s: "全年出生人口3,562人，出生人口性别比106.8，人口出生率8.56‰。",
    m: [
      { raw: "3,562", v: 3562, u: "人", id: "live_births" },
      { raw: "106.8", v: 106.8, u: "男/100女", id: "sex_ratio_at_birth" },
      { raw: "8.56", v: 8.56, u: "‰", id: "birth_rate" },
    ],
  },
  {
    s: "全县户籍人口52.3万人，常住人口46.8万人。",
    m: [
      { raw: "52.3", v: 52.3, u: "万人", n: 523000, id: "registered_population" },
      { raw: "46.8", v: 46.8, u: "万人", n: 468000, id: "resident_population" },
    ],
  },
  // ── 其他活动计数
  {
    s: "全年开展义诊活动56场次，服务群众1.2万余人次。",
    m: [
      { raw: "56", v: 56, u: "场次" },
      { raw: "1.2", v: 1.2, u: "万人次", n: 12000, q: "more_than" },
    ],
  },
  {
    s: "开展健康教育讲座320场，发放宣传资料5.6万份。",
    m: [
      { raw: "320", v: 320, u: "场" },
      { raw: "5.6", v: 5.6, u: "万份", n: 56000 },
    ],
  },
  {
    s: "120急救中心全年出车8,652次，平均急救反应时间12分钟。",
    m: [{ raw: "8,652", v: 8652, u: "次", id: "ambulance_dispatches" }],
  },
  {
    s: "全年无偿献血3,215人次，献血量105.6万毫升。",
    m: [
      { raw: "3,215", v: 3215, u: "人次" },
      { raw: "105.6", v: 105.6, u: "万毫升", n: 1056000 },
    ],
  },
  {
    s: "完成职业健康检查3,452人，职业病危害项目申报率95%。",
    m: [
      { raw: "3,452", v: 3452, u: "人" },
      { raw: "95", v: 95, u: "%", id: "occupational_hazard_declaration_rate" },
    ],
  },
  {
    s: "县人民医院成功创建三级乙等医院，新增省级临床重点专科2个。",
    m: [{ raw: "2", v: 2, u: "个", id: "provincial_key_specialties" }],
  },
  {
    s: "全市排名第3位，较去年前移5位。",
    m: [
      { raw: "3", v: 3, u: "位" },
      { raw: "5", v: 5, u: "位" },
    ],
  },
  {
    s: "全县卫生健康系统共有基层党组织32个，党员586名。",
    m: [
      { raw: "32", v: 32, u: "个" },
      { raw: "586", v: 586, u: "名" },
    ],
  },
  // ── plan-section targets and goal words
  {
    s: "力争家庭医生签约率达到45%以上，高血压、糖尿病患者规范管理率均达到65%。",
    plan: true,
    m: [
      { raw: "45", v: 45, u: "%", q: "at_least", id: "family_doctor_signup_rate" },
      { raw: "65", v: 65, u: "%" },
    ],
  },
  {
    s: "确保全县适龄儿童免疫规划疫苗接种率保持在90%以上。",
    m: [{ raw: "90", v: 90, u: "%", k: "target", q: "at_least", id: "nip_vaccination_rate" }],
  },
  {
    s: "到2025年，居民健康素养水平达到35%，每千人口执业（助理）医师数达到3.2人。",
    plan: true,
    m: [
      { raw: "35", v: 35, u: "%", id: "health_literacy_rate" },
      { raw: "3.2", v: 3.2, u: "人", id: "doctors_per_1000" },
    ],
  },
  {
    s: "下半年计划完成“两癌”筛查任务4000人，新增家庭医生签约1.5万人。",
    m: [
      { raw: "4000", v: 4000, u: "人", k: "target", id: "two_cancer_screenings" },
      { raw: "1.5", v: 1.5, u: "万人", n: 15000, k: "target" },
    ],
  },
  // ── negatives
  { s: "6月30日前完成全县0-6岁儿童健康体检，每季度开展1次督导检查。", m: [] },
  { s: "严格落实24小时值班制度，每季度至少开展1次应急演练。", m: [] },
  { s: "“十四五”期间，积极创建三级甲等综合医院，全面落实一类疫苗免费接种。", m: [] },
  { s: "于2023年3月15日召开全县卫生健康工作会议，印发《某县卫生健康事业发展规划（2021-2025年）》（某卫发〔2023〕12号）。", m: [] },
  { s: "全县二级以上公立医院均开展日间手术，县乡村三级医疗卫生服务网络不断健全。", m: [] },
  { s: "每年为65岁以上老年人免费体检1次，为35-64岁妇女提供宫颈癌筛查。", m: [] },
  { s: "开通12320卫生热线和120急救电话，实现5G急救车全覆盖。", m: [] },
  { s: "第三季度召开第2次工作推进会，落实“一村一医”，抓好两个责任落实。", m: [] },
  { s: "患者在3个工作日内完成转诊，居家隔离期满7天后解除。", m: [] },
  { s: "全县每千人口中有多少名医生，是衡量医疗资源的重要指标。", m: [] },
];

// Batch B: written after batch A's fixes and measured before any further change, as a fresh
// held-out estimate (see docs/extraction.md for the figures).
export const CASES_B: Case[] = [
  {
    s: "截至2023年6月底，全县共有各级各类医疗卫生机构412家，编制床位2860张，实有床位3125张。",
    m: [
      { raw: "412", v: 412, u: "家", id: "health_institutions_total" },
      { raw: "2860", v: 2860, u: "张", id: null },
      { raw: "3125", v: 3125, u: "张", id: "beds_total" },
    ],
  },
  {
    s: "全县卫生健康系统在岗职工5,863人，其中卫生技术人员4,721人，占80.5%。",
    m: [
      { raw: "5,863", v: 5863, u: "人", id: "health_staff_total" },
      { raw: "4,721", v: 4721, u: "人", id: "health_tech_staff" },
      { raw: "80.5", v: 80.5, u: "%", id: null },
    ],
  },
  {
    s: "每千常住人口拥有执业（助理）医师2.95名、注册护士3.41名、医疗机构床位6.8张。",
    m: [
      { raw: "2.95", v: 2.95, u: "名", id: "doctors_per_1000" },
      { raw: "3.41", v: 3.41, u: "名", id: "nurses_per_1000" },
      { raw: "6.8", v: 6.8, u: "张", id: "beds_per_1000" },
    ],
  },
  {
    s: "全年完成门诊服务98.6万人次、住院服务4.2万人次，分别增长6.2%、3.8%。",
    m: [
      { raw: "98.6", v: 98.6, u: "万人次", n: 986000, id: "outpatient_visits" },
      { raw: "4.2", v: 4.2, u: "万人次", n: 42000, id: "inpatient_discharges" },
      { raw: "6.2", v: 6.2, u: "%", id: null },
      { raw: "3.8", v: 3.8, u: "%", id: null },
    ],
  },
  {
    s: "基层医疗卫生机构诊疗量占总诊疗量的58.3%。",
    m: [{ raw: "58.3", v: 58.3, u: "%", id: "primary_care_visit_rate" }],
  },
  {
    s: "65岁以上老年人接受健康管理4.86万人，管理率达70.12％。",
    m: [
      { raw: "4.86", v: 4.86, u: "万人", n: 48600, id: "elderly_health_managed" },
      { raw: "70.12", v: 70.12, u: "％", id: "elderly_health_management_rate" },
    ],
  },
  {
    s: "孕产妇死亡率、婴儿死亡率分别为0和2.37‰。",
    m: [
      { raw: "0", v: 0, u: null, id: "maternal_mortality_rate" },
      { raw: "2.37", v: 2.37, u: "‰", id: "infant_mortality_rate" },
    ],
  },
  {
    s: "全县法定报告传染病发病率为215.6/10万，低于全市平均水平。",
    m: [{ raw: "215.6", v: 215.6, u: "/10万" }],
  },
  {
    s: "开展0-36个月儿童中医药健康管理服务，管理率达到72.5%。",
    m: [{ raw: "72.5", v: 72.5, u: "%", id: "tcm_health_management_rate_children" }],
  },
  {
    s: "卫生监督员对辖区312家医疗机构开展全覆盖监督检查，责令整改23家，警告15家。",
    m: [
      { raw: "312", v: 312, u: "家", id: null },
      { raw: "23", v: 23, u: "家", id: null },
      { raw: "15", v: 15, u: "家", id: null },
    ],
  },
  {
    s: "办理医疗机构执业登记校验186家，新审批设置医疗机构7家。",
    m: [
      { raw: "186", v: 186, u: "家", id: null },
      { raw: "7", v: 7, u: "家", id: "new_medical_institutions" },
    ],
  },
  {
    s: "全县公立医院医疗服务收入占医疗收入比例达32.6%，药占比下降至28.4%。",
    m: [
      { raw: "32.6", v: 32.6, u: "%" },
      { raw: "28.4", v: 28.4, u: "%" },
    ],
  },
  {
    s: "完成免费孕前优生健康检查1,260对，目标人群覆盖率95.2%。",
    m: [
      { raw: "1,260", v: 1260, u: "对" },
      { raw: "95.2", v: 95.2, u: "%", id: null },
    ],
  },
  {
    s: "累计发放各类奖扶资金1,562.38万元，惠及群众2.1万人。",
    m: [
      { raw: "1,562.38", v: 1562.38, u: "万元", n: 15623800, id: "family_planning_reward_funds" },
      { raw: "2.1", v: 2.1, u: "万人", n: 21000 },
    ],
  },
  {
    s: "全县登记在册严重精神障碍患者1,856人，在册患者管理率96.3%，规范管理率90.1%。",
    m: [
      { raw: "1,856", v: 1856, u: "人" },
      { raw: "96.3", v: 96.3, u: "%" },
      { raw: "90.1", v: 90.1, u: "%", id: "smi_standard_management_rate" },
    ],
  },
  {
    s: "全县现有中医类别执业（助理）医师215人，县中医院开放床位380张。",
    m: [
      { raw: "215", v: 215, u: "人", id: null },
      { raw: "380", v: 380, u: "张", id: null },
    ],
  },
  {
    s: "二〇二三年上半年，全县接报突发公共卫生事件2起，处置率100%。",
    m: [
      { raw: "2", v: 2, u: "起", id: "public_health_emergencies_reported" },
      { raw: "100", v: 100, u: "%", id: null },
    ],
  },
  {
    s: "建成省级示范村卫生室12个，甲级村卫生室占比达到65%。",
    m: [
      { raw: "12", v: 12, u: "个", id: null },
      { raw: "65", v: 65, u: "%", id: null },
    ],
  },
  {
    s: "全县共有执业医师1,125人、执业助理医师238人。",
    m: [
      { raw: "1,125", v: 1125, u: "人", id: null },
      { raw: "238", v: 238, u: "人", id: null },
    ],
  },
  {
    s: "医疗费用增长控制在10%以内，次均门诊费用156.3元，次均住院费用5,862元。",
    m: [
      { raw: "10", v: 10, u: "%", q: "at_most" },
      { raw: "156.3", v: 156.3, u: "元" },
      { raw: "5,862", v: 5862, u: "元" },
    ],
  },
  {
    s: "孕产妇住院分娩率保持100%。",
    m: [{ raw: "100", v: 100, u: "%", id: "hospital_delivery_rate" }],
  },
  {
    s: "为全县7所中小学校的1,920名学生开展脊柱侧弯筛查。",
    m: [
      { raw: "7", v: 7, u: "所", id: null },
      { raw: "1,920", v: 1920, u: "名" },
    ],
  },
  {
    s: "乡村医生队伍312人，其中具有执业（助理）医师资格的86人。",
    m: [
      { raw: "312", v: 312, u: "人", id: "village_doctors" },
      { raw: "86", v: 86, u: "人", id: null },
    ],
  },
  {
    s: "全年活产数3,286人，低出生体重儿发生率2.9%，出生缺陷发生率为86.2/万。",
    m: [
      { raw: "3,286", v: 3286, u: "人", id: "live_births" },
      { raw: "2.9", v: 2.9, u: "%", id: null },
      { raw: "86.2", v: 86.2, u: "/万", id: null },
    ],
  },
  {
    s: "将进一步提高居民健康素养水平，力争到年底达到27%以上。",
    m: [{ raw: "27", v: 27, u: "%", k: "target", q: "at_least", id: "health_literacy_rate" }],
  },
  {
    s: "持续推进县域医共体建设，力争县域就诊率达到92%、基层就诊率达到65%。",
    plan: true,
    m: [
      { raw: "92", v: 92, u: "%", id: "in_county_treatment_rate" },
      { raw: "65", v: 65, u: "%", id: "primary_care_visit_rate" },
    ],
  },
  {
    s: "新建、改扩建乡镇卫生院3所、村卫生室25个，总投资约1.2亿元。",
    plan: true,
    m: [
      { raw: "3", v: 3, u: "所", id: null },
      { raw: "25", v: 25, u: "个", id: null },
      { raw: "1.2", v: 1.2, u: "亿元", n: 120000000, q: "approx" },
    ],
  },
  { s: "落实“两个允许”要求，推行“先诊疗后付费”和“一站式”结算服务，实行“1+N”团队模式。", m: [] },
  {
    s: "全县3家二级医院通过等级复审，县人民医院通过三级医院评审。",
    m: [{ raw: "3", v: 3, u: "家" }],
  },
  { s: "每周开展2次巡诊，每月开展1次集中培训，每半年开展1次考核。", m: [] },
  { s: "落实15分钟健康服务圈建设，实现30分钟急救圈全覆盖。", m: [] },
  { s: "开展第35个全国爱眼日、第17个世界高血压日宣传活动。", m: [] },
  { s: "为全县0～6岁儿童和孕产妇提供13项基本公共卫生服务。", m: [] },
  {
    s: "全县城乡居民医保参保率达到96.8%，参保人数41.3万人。",
    m: [
      { raw: "96.8", v: 96.8, u: "%" },
      { raw: "41.3", v: 41.3, u: "万人", n: 413000 },
    ],
  },
  {
    s: "累计完成适龄女孩HPV疫苗免费接种3,265人，接种率为85.2%。",
    m: [
      { raw: "3,265", v: 3265, u: "人" },
      { raw: "85.2", v: 85.2, u: "%" },
    ],
  },
  {
    s: "全年采供血8.6吨，血液报废率控制在1%以下。",
    m: [
      { raw: "8.6", v: 8.6, u: "吨" },
      { raw: "1", v: 1, u: "%", q: "at_most" },
    ],
  },
  {
    s: "全县婴幼儿照护服务机构达到22家，可提供托位1,350个，每千人口拥有3岁以下婴幼儿托位数3.1个。",
    m: [
      { raw: "22", v: 22, u: "家", id: "childcare_institutions" },
      { raw: "1,350", v: 1350, u: "个", id: "childcare_places" },
      { raw: "3.1", v: 3.1, u: "个", id: "childcare_places_per_1000" },
    ],
  },
  {
    s: "上半年全县共完成新生儿听力筛查1,452人，筛查率97.8%。",
    m: [
      { raw: "1,452", v: 1452, u: "人", id: "newborn_hearing_screenings" },
      { raw: "97.8", v: 97.8, u: "%", id: "newborn_hearing_screening_rate" },
    ],
  },
  {
    s: "签约家庭医生的慢病患者达3.6万人，重点人群签约覆盖率达到68.4%。",
    m: [
      { raw: "3.6", v: 3.6, u: "万人", n: 36000 },
      { raw: "68.4", v: 68.4, u: "%", id: "family_doctor_signup_rate_key_groups" },
    ],
  },
  {
    s: "全县共有二级以上医院5家，其中三级医院1家。",
    m: [
      { raw: "5", v: 5, u: "家" },
      { raw: "1", v: 1, u: "家", id: "tertiary_hospitals" },
    ],
  },
];

// Batch C: cases found while reviewing batch B's failures (life expectancy, 倍, 近千, lists with
// a bare 万), added together with their fixes.
export const CASES_C: Case[] = [
  {
    s: "全县人均预期寿命达到78.6岁，居民健康水平稳步提高。",
    m: [{ raw: "78.6", v: 78.6, u: "岁", id: "life_expectancy" }],
  },
  {
    s: "全县近千名医务人员参与核酸采样。",
    m: [{ raw: "千", v: 1000, u: "名", q: "nearly" }],
  },
  {
    s: "县级医院四级手术量同比增长1.2倍。",
    m: [{ raw: "1.2", v: 1.2, u: "倍", id: null }],
  },
  {
    s: "门急诊、出院人次分别为62.3万、3.1万。",
    m: [
      { raw: "62.3", v: 62.3, u: "万", n: 623000, id: "outpatient_visits" },
      { raw: "3.1", v: 3.1, u: "万", n: 31000, id: "inpatient_discharges" },
    ],
  },
  {
    s: "全县65岁以上老年人5.6万人，占总人口的18.2%。",
    m: [
      { raw: "5.6", v: 5.6, u: "万人", n: 56000 },
      { raw: "18.2", v: 18.2, u: "%", id: null },
    ],
  },
  { s: "年满18岁、身体健康的居民均可参加无偿献血，3岁以下婴幼儿免费接种。", m: [] },
];

// Batch D: written after batch B/C's fixes and measured before any further change (a second
// fresh held-out estimate; figures in docs/extraction.md).
export const CASES_D: Case[] = [
  {
    s: "全县共有卫生健康人才6,258名，每万人口拥有全科医生2.8名。",
    m: [
      { raw: "6,258", v: 6258, u: "名" },
      { raw: "2.8", v: 2.8, u: "名", id: "gps_per_10k" },
    ],
  },
  {
    s: "截至目前，全县高血压患者登记管理18,562人，规范管理率72.36%；糖尿病患者登记管理6,235人，规范管理率70.15%。",
    m: [
      { raw: "18,562", v: 18562, u: "人", id: "hypertension_patients_managed" },
      { raw: "72.36", v: 72.36, u: "%", id: "hypertension_standard_management_rate" },
      { raw: "6,235", v: 6235, u: "人", id: "diabetes_patients_managed" },
      { raw: "70.15", v: 70.15, u: "%", id: "diabetes_standard_management_rate" },
    ],
  },
  {
    s: "0～6岁儿童眼保健和视力检查覆盖率为92.3%。",
    m: [{ raw: "92.3", v: 92.3, u: "%", id: null }],
  },
  {
    s: "全县适龄儿童免疫规划疫苗报告接种率均在90%以上。",
    m: [{ raw: "90", v: 90, u: "%", q: "at_least", id: "nip_vaccination_rate" }],
  },
  {
    s: "全年共处置突发公共卫生事件3起，应急处置及时率100%。",
    m: [
      { raw: "3", v: 3, u: "起" },
      { raw: "100", v: 100, u: "%", id: null },
    ],
  },
  {
    s: "全县现有托育服务机构36家，总托位2,150个。",
    m: [
      { raw: "36", v: 36, u: "家", id: "childcare_institutions" },
      { raw: "2,150", v: 2150, u: "个", id: "childcare_places" },
    ],
  },
  {
    s: "完成国家卫生县城复审，创建省级卫生村56个。",
    m: [{ raw: "56", v: 56, u: "个", id: null }],
  },
  {
    s: "全年办理医师执业注册变更426人次，护士执业注册312人次。",
    m: [
      { raw: "426", v: 426, u: "人次", id: null },
      { raw: "312", v: 312, u: "人次", id: null },
    ],
  },
  {
    s: "全县卫生健康系统共有在职职工4,562人。",
    m: [{ raw: "4,562", v: 4562, u: "人", id: "health_staff_total" }],
  },
  {
    s: "全县城乡居民健康素养水平为25.37％，比上年提升3.12个百分点。",
    m: [
      { raw: "25.37", v: 25.37, u: "％", id: "health_literacy_rate" },
      { raw: "3.12", v: 3.12, u: "个百分点", id: null },
    ],
  },
  {
    s: "全县医疗卫生机构实有床位2,386张，其中医院床位1,652张、基层医疗卫生机构床位734张。",
    m: [
      { raw: "2,386", v: 2386, u: "张", id: "beds_total" },
      { raw: "1,652", v: 1652, u: "张", id: null },
      { raw: "734", v: 734, u: "张", id: null },
    ],
  },
  {
    s: "开展“蓝盾”专项行动，检查各类单位586家次，下达卫生监督意见书215份，行政处罚12家，罚款4.6万元。",
    m: [
      { raw: "586", v: 586, u: "家次" },
      { raw: "215", v: 215, u: "份", id: null },
      { raw: "12", v: 12, u: "家" },
      { raw: "4.6", v: 4.6, u: "万元", n: 46000, id: "fines_amount" },
    ],
  },
  {
    s: "全县15个乡镇卫生院中，有12个达到“优质服务基层行”基本标准，3个达到推荐标准。",
    m: [
      { raw: "15", v: 15, u: "个" },
      { raw: "12", v: 12, u: "个", id: null },
      { raw: "3", v: 3, u: "个", id: null },
    ],
  },
  {
    s: "2024年，力争全县家庭医生签约服务覆盖率达到50%，重点人群签约服务覆盖率达到80%以上。",
    plan: true,
    m: [
      { raw: "50", v: 50, u: "%", id: "family_doctor_signup_rate" },
      { raw: "80", v: 80, u: "%", q: "at_least", id: "family_doctor_signup_rate_key_groups" },
    ],
  },
  {
    s: "完成村卫生室标准化建设30个，培训乡村医生500人次。",
    plan: true,
    m: [
      { raw: "30", v: 30, u: "个", id: null },
      { raw: "500", v: 500, u: "人次", id: null },
    ],
  },
  {
    s: "婴儿死亡率和5岁以下儿童死亡率分别控制在3.12‰和4.25‰。",
    m: [
      { raw: "3.12", v: 3.12, u: "‰", q: null, id: "infant_mortality_rate" },
      { raw: "4.25", v: 4.25, u: "‰", id: "under5_mortality_rate" },
    ],
  },
  {
    s: "全县孕产妇死亡率0/10万。",
    m: [{ raw: "0", v: 0, u: "/10万", id: "maternal_mortality_rate" }],
  },
  {
    s: "全年下拨基本公共卫生服务补助资金1,865万元，拨付率100%。",
    m: [
      { raw: "1,865", v: 1865, u: "万元", n: 18650000, id: "basic_public_health_funding" },
      { raw: "100", v: 100, u: "%", id: null },
    ],
  },
  { s: "严格执行“四不两直”督查制度，落实“三查七对”制度。", m: [] },
  {
    s: "开展第36个爱国卫生月活动，全县出动志愿者3,200余人次，清理垃圾860吨。",
    m: [
      { raw: "3,200", v: 3200, u: "人次", q: "more_than" },
      { raw: "860", v: 860, u: "吨" },
    ],
  },
  {
    s: "全县二级及以上医院均设立了老年医学科，占比100%。",
    m: [{ raw: "100", v: 100, u: "%" }],
  },
  {
    s: "项目建成后，将新增床位300张。",
    m: [{ raw: "300", v: 300, u: "张", k: "target", id: null }],
  },
  {
    s: "疫苗冷链设备配备率达100%，全年接收、分发疫苗12.6万支。",
    m: [
      { raw: "100", v: 100, u: "%" },
      { raw: "12.6", v: 12.6, u: "万支", n: 126000 },
    ],
  },
  {
    s: "全县人口老龄化率为21.5%，高于全国平均水平2.7个百分点。",
    m: [
      { raw: "21.5", v: 21.5, u: "%" },
      { raw: "2.7", v: 2.7, u: "个百分点" },
    ],
  },
  {
    s: "全县门诊、住院次均费用分别为128.6元、6,235元，同比分别下降2.1%、3.4%。",
    m: [
      { raw: "128.6", v: 128.6, u: "元" },
      { raw: "6,235", v: 6235, u: "元" },
      { raw: "2.1", v: 2.1, u: "%" },
      { raw: "3.4", v: 3.4, u: "%" },
    ],
  },
];

// Batch E: written after batch D's fixes and measured before any further change (a third fresh
// estimate): colon labels, other programmes, and more negatives.
export const CASES_E: Case[] = [
  {
    s: "门急诊人次：62.35万人次，同比增长5.2%。",
    m: [
      { raw: "62.35", v: 62.35, u: "万人次", n: 623500, id: "outpatient_visits" },
      { raw: "5.2", v: 5.2, u: "%", id: null },
    ],
  },
  {
    s: "孕产妇死亡率：0；婴儿死亡率：2.1‰。",
    m: [
      { raw: "0", v: 0, u: null, id: "maternal_mortality_rate" },
      { raw: "2.1", v: 2.1, u: "‰", id: "infant_mortality_rate" },
    ],
  },
  {
    s: "全县报告手足口病病例326例，较去年同期下降15.3%。",
    m: [
      { raw: "326", v: 326, u: "例" },
      { raw: "15.3", v: 15.3, u: "%", id: null },
    ],
  },
  {
    s: "设置狂犬病暴露处置门诊3个，处置犬伤患者2,156人次。",
    m: [
      { raw: "3", v: 3, u: "个", id: null },
      { raw: "2,156", v: 2156, u: "人次", id: null },
    ],
  },
  {
    s: "发放电子健康卡12.8万张，电子健康卡普及率达到45.6%。",
    m: [
      { raw: "12.8", v: 12.8, u: "万张", n: 128000 },
      { raw: "45.6", v: 45.6, u: "%" },
    ],
  },
  {
    s: "全年共为4,235名特扶对象发放特别扶助金1,268.5万元。",
    m: [
      { raw: "4,235", v: 4235, u: "名" },
      { raw: "1,268.5", v: 1268.5, u: "万元", n: 12685000, id: "family_planning_special_assistance_funds" },
    ],
  },
  {
    s: "全县现有百岁老人126人，发放长寿补贴45.4万元。",
    m: [
      { raw: "126", v: 126, u: "人" },
      { raw: "45.4", v: 45.4, u: "万元", n: 454000 },
    ],
  },
  {
    s: "新发展党员8名，开展主题党日活动48次。",
    m: [
      { raw: "8", v: 8, u: "名" },
      { raw: "48", v: 48, u: "次" },
    ],
  },
  {
    s: "全县有职业健康检查机构2家，接害劳动者职业健康检查率92.6%。",
    m: [
      { raw: "2", v: 2, u: "家" },
      { raw: "92.6", v: 92.6, u: "%", id: "occupational_health_exam_rate" },
    ],
  },
  {
    s: "全县法定传染病报告发病率为258.36/10万。",
    m: [{ raw: "258.36", v: 258.36, u: "/10万", id: null }],
  },
  {
    s: "1—6月，全县出生人口1,865人，其中男婴968人。",
    m: [
      { raw: "1,865", v: 1865, u: "人", id: "live_births" },
      { raw: "968", v: 968, u: "人" },
    ],
  },
  {
    s: "全县共有县级医院4家（其中综合医院2家、中医院1家、妇幼保健院1家）。",
    m: [
      { raw: "4", v: 4, u: "家" },
      { raw: "2", v: 2, u: "家", id: null },
      { raw: "1", v: 1, u: "家", id: null },
      { raw: "1", v: 1, u: "家", id: null },
    ],
  },
  {
    s: "全县卫生健康系统共争取中央、省级项目资金1.36亿元。",
    m: [{ raw: "1.36", v: 1.36, u: "亿元", n: 136000000, k: "actual" }],
  },
  {
    s: "力争年底前县人民医院通过三级医院评审，新增省级重点专科1个。",
    plan: true,
    m: [{ raw: "1", v: 1, u: "个", id: "provincial_key_specialties" }],
  },
  {
    s: "下一步，我局将投入资金2,000万元，改造提升8个乡镇卫生院。",
    m: [
      { raw: "2,000", v: 2000, u: "万元", n: 20000000, k: "target" },
      { raw: "8", v: 8, u: "个", k: "target", id: null },
    ],
  },
  {
    s: "全县医疗机构药品网上集中采购率100%，基本药物配备使用率达到60%以上。",
    m: [
      { raw: "100", v: 100, u: "%" },
      { raw: "60", v: 60, u: "%", q: "at_least" },
    ],
  },
  { s: "2022年度全县卫生健康工作在全市考核中获得第一名。", m: [] },
  { s: "坚持“一月一调度、一季一通报”制度，推行“1+1+N”签约服务模式。", m: [] },
  {
    s: "主要指标完成情况：城乡居民电子健康档案建档率95.1%，规范化电子健康档案覆盖率68.2%。",
    m: [
      { raw: "95.1", v: 95.1, u: "%", id: "health_records_rate" },
      { raw: "68.2", v: 68.2, u: "%" },
    ],
  },
  {
    s: "每千常住人口拥有3岁以下婴幼儿托位3.8个。",
    m: [{ raw: "3.8", v: 3.8, u: "个", id: "childcare_places_per_1000" }],
  },
  {
    s: "乡镇卫生院、村卫生室分别达到18家和226个。",
    m: [
      { raw: "18", v: 18, u: "家", id: "township_health_centers" },
      { raw: "226", v: 226, u: "个", id: "village_clinics" },
    ],
  },
  {
    s: "全县家庭医生签约服务团队达到158个，签约服务人数21.3万人。",
    m: [
      { raw: "158", v: 158, u: "个", id: "family_doctor_teams" },
      { raw: "21.3", v: 21.3, u: "万人", n: 213000, id: "family_doctor_signups" },
    ],
  },
  {
    s: "严重精神障碍患者管理率96.5%，规范服药率85.3%。",
    m: [
      { raw: "96.5", v: 96.5, u: "%" },
      { raw: "85.3", v: 85.3, u: "%" },
    ],
  },
  {
    s: "全县卫生技术人员中，高级职称126人，中级职称538人。",
    m: [
      { raw: "126", v: 126, u: "人", id: "staff_senior_title" },
      { raw: "538", v: 538, u: "人", id: "staff_intermediate_title" },
    ],
  },
  {
    s: "上半年共接种新冠病毒疫苗1.2万剂次，其中加强针0.8万剂次。",
    m: [
      { raw: "1.2", v: 1.2, u: "万剂次", n: 12000 },
      { raw: "0.8", v: 0.8, u: "万剂次", n: 8000 },
    ],
  },
];

// Batch F: written after batch E's fixes and measured before any further change: mostly other
// phrasings of concepts the catalogue already has (the weak point of batches B, D and E).
export const CASES_F: Case[] = [
  {
    s: "全县常住人口家庭医生签约覆盖率为35.8%，高血压规范管理率达到63.5%。",
    m: [
      { raw: "35.8", v: 35.8, u: "%", id: "family_doctor_signup_rate" },
      { raw: "63.5", v: 63.5, u: "%", id: "hypertension_standard_management_rate" },
    ],
  },
  {
    s: "糖尿病患者健康管理人数5,236人。",
    m: [{ raw: "5,236", v: 5236, u: "人", id: "diabetes_patients_managed" }],
  },
  {
    s: "全县有村卫生室245所，乡村医生386名。",
    m: [
      { raw: "245", v: 245, u: "所", id: "village_clinics" },
      { raw: "386", v: 386, u: "名", id: "village_doctors" },
    ],
  },
  {
    s: "全县执业（助理）医师总数达1,568人，注册护士总数1,892人。",
    m: [
      { raw: "1,568", v: 1568, u: "人", id: "licensed_doctors" },
      { raw: "1,892", v: 1892, u: "人", id: "registered_nurses" },
    ],
  },
  {
    s: "全县共有医疗卫生机构床位3,256张，每千常住人口床位数5.86张。",
    m: [
      { raw: "3,256", v: 3256, u: "张", id: "beds_total" },
      { raw: "5.86", v: 5.86, u: "张", id: "beds_per_1000" },
    ],
  },
  {
    s: "门诊量达到45.6万人次，住院病人1.8万人次。",
    m: [
      { raw: "45.6", v: 45.6, u: "万人次", n: 456000, id: "outpatient_visits" },
      { raw: "1.8", v: 1.8, u: "万人次", n: 18000, id: "inpatient_discharges" },
    ],
  },
  {
    s: "全县孕产妇产前检查率96.5%，产后访视率93.2%。",
    m: [
      { raw: "96.5", v: 96.5, u: "%" },
      { raw: "93.2", v: 93.2, u: "%", id: "postpartum_visit_rate" },
    ],
  },
  {
    s: "全县结核病患者成功治疗率达90%以上，肺结核患者规范管理率95.6%。",
    m: [
      { raw: "90", v: 90, u: "%", q: "at_least", id: "tb_treatment_success_rate" },
      { raw: "95.6", v: 95.6, u: "%", id: null },
    ],
  },
  {
    s: "全县居民健康素养水平提升至26.8%，适龄儿童免疫规划疫苗接种率均保持在95%以上。",
    m: [
      { raw: "26.8", v: 26.8, u: "%", id: "health_literacy_rate" },
      { raw: "95", v: 95, u: "%", q: "at_least", id: "nip_vaccination_rate" },
    ],
  },
  {
    s: "全年查处违法案件36件，罚没款12.8万元。",
    m: [
      { raw: "36", v: 36, u: "件", id: "enforcement_cases" },
      { raw: "12.8", v: 12.8, u: "万元", n: 128000, id: "penalties_total" },
    ],
  },
  {
    s: "全县建成标准化村卫生室198个。",
    m: [{ raw: "198", v: 198, u: "个", id: null }],
  },
  {
    s: "全县共有公立医院6家、民营医院11家。",
    m: [
      { raw: "6", v: 6, u: "家" },
      { raw: "11", v: 11, u: "家", id: "private_hospitals" },
    ],
  },
  {
    s: "确保全年出生缺陷发生率控制在100/万以下。",
    m: [{ raw: "100", v: 100, u: "/万", k: "target", q: "at_most", id: null }],
  },
  {
    s: "全县CT、DR等大型医用设备28台。",
    m: [{ raw: "28", v: 28, u: "台" }],
  },
  {
    s: "截至6月30日，全县累计报告艾滋病病毒感染者和病人156例，存活128例。",
    m: [
      { raw: "156", v: 156, u: "例", id: null },
      { raw: "128", v: 128, u: "例", id: null },
    ],
  },
  {
    s: "0-3岁婴幼儿托位数达到1,260个，每千人口拥有婴幼儿托位2.8个。",
    m: [
      { raw: "1,260", v: 1260, u: "个", id: "childcare_places" },
      { raw: "2.8", v: 2.8, u: "个", id: "childcare_places_per_1000" },
    ],
  },
  {
    s: "全县现有医养结合机构5家，医养结合床位860张。",
    m: [
      { raw: "5", v: 5, u: "家", id: "integrated_elderly_care_institutions" },
      { raw: "860", v: 860, u: "张", id: null },
    ],
  },
  {
    s: "全县新生儿遗传代谢性疾病筛查率和听力筛查率分别为98.2%和96.7%。",
    m: [
      { raw: "98.2", v: 98.2, u: "%", id: "newborn_disease_screening_rate" },
      { raw: "96.7", v: 96.7, u: "%", id: "newborn_hearing_screening_rate" },
    ],
  },
  {
    s: "全年出生人口4,125人，人口自然增长率为-1.85‰。",
    m: [
      { raw: "4,125", v: 4125, u: "人", id: "live_births" },
      { raw: "-1.85", v: -1.85, u: "‰", id: "natural_growth_rate" },
    ],
  },
  {
    s: "下半年计划新招聘卫生专业技术人员120名。",
    m: [{ raw: "120", v: 120, u: "名", k: "target", id: "staff_recruitment_planned" }],
  },
];

// Batch G: written after batch F's fixes and measured before any further change: hospital
// efficiency, demography and more formats.
export const CASES_G: Case[] = [
  {
    s: "全县人均期望寿命达到79.2岁，村医平均年龄52.6岁。",
    m: [
      { raw: "79.2", v: 79.2, u: "岁", id: "life_expectancy" },
      { raw: "52.6", v: 52.6, u: "岁", id: null },
    ],
  },
  {
    s: "每千人口拥有执业（助理）医师2.6人，较上年增加0.2人。",
    m: [
      { raw: "2.6", v: 2.6, u: "人", id: "doctors_per_1000" },
      { raw: "0.2", v: 0.2, u: "人", id: null },
    ],
  },
  {
    s: "截至2023年6月，全县共有3家医院通过二级甲等医院评审。",
    m: [{ raw: "3", v: 3, u: "家" }],
  },
  {
    s: "全年共办理出生医学证明1,236份，筹集资金1.2亿余元。",
    m: [
      { raw: "1,236", v: 1236, u: "份" },
      { raw: "1.2", v: 1.2, u: "亿元", n: 120000000, q: "more_than" },
    ],
  },
  {
    s: "全县12个乡镇（街道）均设立了计生协会。",
    m: [{ raw: "12", v: 12, u: "个" }],
  },
  {
    s: "全县千人口床位数达到6.2张，千人口执业（助理）医师数2.4人。",
    m: [
      { raw: "6.2", v: 6.2, u: "张", id: "beds_per_1000" },
      { raw: "2.4", v: 2.4, u: "人", id: "doctors_per_1000" },
    ],
  },
  {
    s: "县医院床位使用率为85.3%，平均住院日7.8天。",
    m: [
      { raw: "85.3", v: 85.3, u: "%", id: "bed_occupancy_rate" },
      { raw: "7.8", v: 7.8, u: "天", id: "average_length_of_stay" },
    ],
  },
  { s: "全县已建成15分钟医疗服务圈，3月24日开展世界防治结核病日宣传。", m: [] },
  {
    s: "全县有50岁以上乡村医生126人，占比40.6%。",
    m: [
      { raw: "126", v: 126, u: "人" },
      { raw: "40.6", v: 40.6, u: "%" },
    ],
  },
  {
    s: "全年共接到12320热线投诉86件，办结率100%。",
    m: [
      { raw: "86", v: 86, u: "件" },
      { raw: "100", v: 100, u: "%" },
    ],
  },
  {
    s: "印制发放《健康教育手册》2万册。",
    m: [{ raw: "2", v: 2, u: "万册", n: 20000 }],
  },
  {
    s: "每万人口拥有公共卫生人员7.5人。",
    m: [{ raw: "7.5", v: 7.5, u: "人", id: null }],
  },
  {
    s: "全县妇女“两癌”检查完成8,236人，任务完成率102.9%。",
    m: [
      { raw: "8,236", v: 8236, u: "人", id: "two_cancer_screenings" },
      { raw: "102.9", v: 102.9, u: "%", id: null },
    ],
  },
  {
    s: "全县农村卫生厕所普及率达到92.5%，完成农村户厕改造1,350户。",
    m: [
      { raw: "92.5", v: 92.5, u: "%" },
      { raw: "1,350", v: 1350, u: "户", id: "rural_toilet_renovation" },
    ],
  },
  {
    s: "全县累计建成国家级健康促进示范县1个、健康村56个、健康家庭1,200户。",
    m: [
      { raw: "1", v: 1, u: "个" },
      { raw: "56", v: 56, u: "个" },
      { raw: "1,200", v: 1200, u: "户" },
    ],
  },
  {
    s: "全年开展食品安全风险监测样品286份，检测项次1,542项次。",
    m: [
      { raw: "286", v: 286, u: "份" },
      { raw: "1,542", v: 1542, u: "项次" },
    ],
  },
  {
    s: "全县严重精神障碍患者在管1,562人，在管率97.8%。",
    m: [
      { raw: "1,562", v: 1562, u: "人", id: "smi_patients_managed" },
      { raw: "97.8", v: 97.8, u: "%" },
    ],
  },
  {
    s: "县人民医院开放床位850张，全年出院病人3.2万人次，病床使用率91.2%。",
    m: [
      { raw: "850", v: 850, u: "张", id: null },
      { raw: "3.2", v: 3.2, u: "万人次", n: 32000 },
      { raw: "91.2", v: 91.2, u: "%" },
    ],
  },
  {
    s: "全县建成120急救站点12个，配备急救车辆26辆。",
    m: [
      { raw: "12", v: 12, u: "个" },
      { raw: "26", v: 26, u: "辆", id: "ambulances" },
    ],
  },
  {
    s: "力争全县人均预期寿命达到80岁以上。",
    plan: true,
    m: [{ raw: "80", v: 80, u: "岁", q: "at_least", id: "life_expectancy" }],
  },
];

describe("generalisation set: held-out style sentences", () => {
  it("has 60+ sentences", () => {
    expect(CASES.length + CASES_B.length + CASES_C.length + CASES_D.length + CASES_E.length + CASES_F.length + CASES_G.length).toBeGreaterThanOrEqual(60);
  });
  it.each([
    ...CASES.map((c, i) => [`A${String(i + 1).padStart(2, "0")}`, c.s, c] as const),
    ...CASES_B.map((c, i) => [`B${String(i + 1).padStart(2, "0")}`, c.s, c] as const),
    ...CASES_C.map((c, i) => [`C${String(i + 1).padStart(2, "0")}`, c.s, c] as const),
    ...CASES_D.map((c, i) => [`D${String(i + 1).padStart(2, "0")}`, c.s, c] as const),
    ...CASES_E.map((c, i) => [`E${String(i + 1).padStart(2, "0")}`, c.s, c] as const),
    ...CASES_F.map((c, i) => [`F${String(i + 1).padStart(2, "0")}`, c.s, c] as const),
    ...CASES_G.map((c, i) => [`G${String(i + 1).padStart(2, "0")}`, c.s, c] as const),
  ])("%s %s", (_n, _s, c) => {
    const plan = c.plan ?? false;
    const { text, ms } = mentionsOf(c.s, plan);
    const got = ms.map((m) => text.slice(m.start, m.end));
    expect(got, "mentions found").toEqual(c.m.map((e) => e.raw));
    c.m.forEach((e, i) => {
      const m = ms[i]!;
      const want: Record<string, unknown> = {
        value: e.v,
        unit: e.u,
        normalizedValue: e.n ?? e.v,
        kind: e.k ?? (plan ? "target" : "actual"),
        qualifier: e.q ?? null,
      };
      if (e.id !== undefined) want.indicator = e.id;
      const have: Record<string, unknown> = {};
      for (const k of Object.keys(want)) have[k] = (m as unknown as Record<string, unknown>)[k];
      expect(have, `mention ${e.raw}`).toEqual(want);
    });
  });
});
