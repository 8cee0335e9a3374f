// Hard cases of ../shared/gold/NOTES.md, each on a real sentence from the seeds.
import { describe, expect, it } from "vitest";
import { extract } from "../scripts/extract/index";
import type { Section } from "../src/lib/schema";

const run = (text: string, sections: Section[] = []) => extract({ text, sections }).mentions;
const values = (text: string) => run(text).map((m) => m.normalizedValue);
const one = (text: string, raw: string) => {
  const m = run(text).find((x) => x.raw === raw);
  if (!m) throw new Error(`no mention ${raw} in ${text}`);
  return m;
};

describe("numbers and units", () => {
  it("folds full-width digits and keeps offsets (004: 居民健康档案28．65万人，建档率94．88％)", () => {
    const text = "全县累计建立居民健康档案28．65万人，建档率94．88％，完成国家常规免疫规划疫苗预防接种10568人次";
    const m = one(text, "28．65");
    expect(m.value).toBe(28.65);
    expect(m.normalizedValue).toBe(286500);
    expect(m.normalizedUnit).toBe("人");
    expect(text.slice(m.start, m.end)).toBe("28．65");
    expect(one(text, "94．88")).toMatchObject({ value: 94.88, unit: "％", normalizedUnit: "%" });
  });
  it("reads the full-width minus of a negative per mille (人口自然增长率为－2．53‰)", () => {
    const m = one("符合政策生育率为100％，人口自然增长率为－2．53‰，全县出生婴儿性别比为105．59，", "－2．53");
    expect(m.value).toBe(-2.53);
    expect(m.unit).toBe("‰");
    expect(m.indicator).toBe("natural_growth_rate");
  });
  it("applies 万/亿 and 多 in either place (总投资1.2亿多元, 检查车辆20多万台次)", () => {
    const a = one("总投资1.2亿多元,在李堡、南莫、曲塘3个农村区域医疗卫生中心建设", "1.2");
    expect(a).toMatchObject({ normalizedValue: 120000000, qualifier: "more_than", normalizedUnit: "元" });
    const b = one("出动医务人员1500多人次，检查车辆20多万台次，排查人员60多万人次", "20");
    expect(b).toMatchObject({ normalizedValue: 200000, qualifier: "more_than" });
    expect(one("每日可检测0.288万管；", "0.288").normalizedValue).toBe(2880);
  });
  it("keeps 万 as a per-10,000 denominator, not a multiplier (编制总数大于1.19/万) and marks the norm a target", () => {
    const m = one("人员编制总数达到138人,超过了县级疾控中心编制总数大于1.19/万。", "1.19");
    expect(m).toMatchObject({ normalizedValue: 1.19, unit: "/万", kind: "target", qualifier: "more_than" });
  });
  it("reads rates above 100% (全人群第二针接种覆盖率为112.19%)", () => {
    expect(one("截至6月20日21时，我区全人群第二针接种覆盖率为112.19%；", "112.19")).toMatchObject({
      normalizedValue: 112.19,
      indicator: "covid_vax_dose2_coverage_total",
      asOf: "截至6月20日",
    });
  });
  it("stores the staffing norm 床人比1：1.5 as 1.5 staff per bed, a target", () => {
    const m = run("按床人比1：1.5的比例，可配备工作人员****人。")[0]!;
    expect(m).toMatchObject({ normalizedValue: 1.5, unit: "人/床", kind: "target" });
  });
  it("handles per-population ratios written once for two values", () => {
    const ms = run("每千常住人口拥有执业（助理）医师1.7人、护士2.5人。");
    expect(ms.map((m) => [m.normalizedValue, m.indicator])).toEqual([
      [1.7, "doctors_per_1000"],
      [2.5, "nurses_per_1000"],
    ]);
  });
});

describe("qualifiers", () => {
  it.each([
    ["党组会议集体学习 20 余次，", "20", "more_than", "余"],
    ["外海大桥健康服务站核酸检测约70.73万人次；", "70.73", "approx", "约"],
    ["累计近4.4万人参与直播活动，", "4.4", "nearly", "近"],
    ["发布防疫宣传报道超过500篇（次），", "500", "more_than", "超过"],
    ["流调队伍每班次不少于6人24小时轮班，", "6", "at_least", "不少于"],
    ["90％以上的村卫生室能提供中医药服务。", "90", "at_least", "以上"],
  ])("%s", (text, raw, qualifier, qualifierText) => {
    expect(one(text, raw)).toMatchObject({ qualifier, qualifierText });
  });
  it("does not read 约 in 签约 as approx (共签约186人)", () => {
    expect(one("各村卫生室全部完成签约,共签约186人。", "186").qualifier).toBeNull();
  });
});

describe("Chinese numerals", () => {
  it("counts 两家/三个/六家 with a classifier", () => {
    expect(one("指定辖区内三个社区卫生服务中心作为长效针治疗机构", "三").normalizedValue).toBe(3);
    expect(one("以市人民医院、中医院两家三级医院为依托", "两")).toMatchObject({ normalizedValue: 2, indicator: "tertiary_hospitals" });
    expect(one("县人民医院建成肿瘤防治、重症监护等五大临床服务中心，", "五").normalizedValue).toBe(5);
  });
  it.each([
    "全面贯彻党的十九大和十九届历次全会精神",
    "组建江海区“三人小组”机动队伍",
    "打造中医药进校园“五个一”（一套操、一本书）",
    "进一步增强“四个意识”，坚定“四个自信”，做到“两个维护”",
    "病例和聚集性疫情两个底线，慎终如始",
    "巩固区人民医院三大中心建设，通过五大中心的创建",
    "学校托幼机构97间次、二次供水单位9间次",
    "新建一幢6层综合楼",
    "按第七次全国人口普查海安874334人计算",
  ])("no value from the name in %s", (text) => {
    const cn = run(text).filter((m) => !/\d/.test(m.raw));
    expect(cn).toEqual([]);
  });
});

describe("negatives: dates, ranges, durations, frequencies, names", () => {
  it.each([
    ["江海区于5月5日-5月7日开展了江海重点人员核酸检测工作", []],
    ["3-11岁人群第一针覆盖率为116.45%", [116.45]],
    ["全县0—36月儿童纳入中医药健康管理覆盖率57．88％", [57.88]],
    ["目标人群为项目实施区镇35-64周岁妇女", []],
    ["对未落实整改的医疗机构关停1-3个月", []],
    ["流调队伍每班次不少于6人24小时轮班", [6]],
    ["完成签约后每月由签约的村级家庭医生上门服务1次", []],
    ["对南通市内一次解除隔离3人以内的由各区镇接驳专车进行转运", []],
    ["防护医用防护口罩(N95或同等级别口罩)5080个", [5080]],
    ["5·12护士节期间开展活动", []],
    ["建党100周年之际", []],
    ["确诊4号染色体异常1例，21三体0例", [1, 0]],
    ["在全省57个县（市）中排名第16位", [16]],
    ["位于五邑路438号核酸检测实验室", []],
    ["43项指标数据已到达2022年全国目标值", [43]],
  ])("%s", (text, want) => {
    expect(values(text)).toEqual(want);
  });
});

describe("kind", () => {
  it("marks goal phrasing as target (2023年拟建设市级临床重点专科1个，县级临床重点专科2个)", () => {
    const ms = run("2023年拟建设市级临床重点专科1个，县级临床重点专科2个。");
    expect(ms.map((m) => [m.kind, m.indicator])).toEqual([
      ["target", "municipal_key_specialties"],
      ["target", "county_key_specialties"],
    ]);
  });
  it("keeps 完成任务数的73.36% actual, but the quota itself a target", () => {
    expect(one("已培训3668人次，完成任务数的73.36%。", "73.36").kind).toBe("actual");
    expect(one("2021年度我市“两癌”检查任务数为4.83万人,", "4.83")).toMatchObject({ kind: "target", indicator: "two_cancer_screenings" });
  });
  it("marks everything in a plan section as target", () => {
    const text = "加快区级两家公立医院创建老年友善医疗机构。";
    const plan: Section = { id: "3", rank: 1, depth: 1, marker: "三、", title: "下一步工作计划", start: 0, end: text.length, role: "plan" };
    expect(run(text, [plan])[0]).toMatchObject({ kind: "target", section: "3", normalizedValue: 2 });
  });
  it("reads 达到 as actual when it reports an achieved value", () => {
    expect(one("60岁以上人群第一剂次接种覆盖率达到90.53%，", "90.53").kind).toBe("actual");
  });
});

describe("lists, restated values and labels", () => {
  it("gives each item of a list with a total its own value and indicator", () => {
    const ms = run("医疗卫生机构在职 686 人，其中在编 272 人，编外人员 414 人（含劳务派遣）。按职称分：正高 6 人，副高 34 人，中级 170 人，初级及以下 476 人；");
    expect(ms.map((m) => m.indicator)).toEqual([
      "health_staff_total", "health_staff_establishment", "health_staff_non_establishment",
      "staff_senior_title_full", "staff_senior_title_associate", "staff_intermediate_title", "staff_junior_title",
    ]);
  });
  it("maps only the defining mention of a restated value (3家集中隔离点 … 3个集中隔离点)", () => {
    const ms = run("目前我市共有盈拓生态园、白甸汇丰大酒店、格林豪泰汽车站店3家集中隔离点,我市场自评均达到相关标准要求。3个集中隔离点共有房间198间,");
    expect(ms.map((m) => [m.normalizedValue, m.indicator])).toEqual([
      [3, "quarantine_sites"],
      [3, null],
      [198, "quarantine_rooms"],
    ]);
  });
  it("uses the disease named before a generic rate (规范管理率 after 高血压患者/糖尿病患者)", () => {
    const ms = run("规范管理高血压患者25258人，规范管理率100％；规范管理糖尿病患者7777人，规范管理率100％；");
    expect(ms.map((m) => m.indicator)).toEqual([
      "hypertension_patients_standard_managed", "hypertension_standard_management_rate",
      "diabetes_patients_standard_managed", "diabetes_standard_management_rate",
    ]);
  });
  it("keeps scope-of-activity counts unmapped (共检查辖区内 104 家医疗机构)", () => {
    expect(one("共检查辖区内 104 家医疗机构，其中公立医疗机构 40 家", "104").indicator).toBeNull();
  });
  it("reads the label after the number in verb + number + noun (完成 1037 例宫颈癌免费筛查)", () => {
    const m = one("完成 1037 例宫颈癌免费筛查，完成 69 名新生儿疾病筛查和听力筛查。", "1037");
    expect(m.indicator).toBe("cervical_cancer_screenings");
    expect(m.label).toContain("宫颈癌");
    expect(m.quote).toContain("1037");
  });
  it("skips a parenthesis between count and label (全县15间（…13间乡镇卫生院）发热诊室)", () => {
    const ms = run("已完成全县15间（县中医院、县妇幼保健计划生育服务中心及13间乡镇卫生院）发热诊室建设任务");
    expect(ms.map((m) => [m.normalizedValue, m.kind])).toEqual([
      [15, "actual"],
      [13, "actual"],
    ]);
    expect(ms[0]!.indicator).toBe("fever_consultation_rooms");
  });
});
