// Indicator topics: the catalogue may name them by key (group: "covid") or in Chinese
// (topic: "疫情防控"); the site always shows Chinese, in a stable order.
import { zh } from "./corpus";
const TOPIC_BY_KEY: Record<string, string> = {
  covid: "疫情防控",
  resources: "医疗资源",
  workforce: "人才队伍",
  public_health: "公共卫生",
  maternal_child: "妇幼健康",
  tcm: "中医药",
  supervision: "监督执法",
  elderly: "老龄与托育",
  party: "党建",
  population: "人口",
  disease_control: "疾病防控",
  occupational: "职业健康",
  services: "医疗服务",
  patriotic_health: "爱国卫生",
  finance: "财政投入",
};

export const OTHER_TOPIC = "其他";

export const TOPIC_ORDER = [...Object.values(TOPIC_BY_KEY), OTHER_TOPIC];

export function topicLabel(raw: string | null): string {
  if (!raw) return OTHER_TOPIC;
  return TOPIC_BY_KEY[raw] ?? raw;
}

export function compareTopics(a: string, b: string): number {
  const ia = TOPIC_ORDER.indexOf(a);
  const ib = TOPIC_ORDER.indexOf(b);
  return (ia < 0 ? 999 : ia) - (ib < 0 ? 999 : ib) || zh.compare(a, b);
}

/** A URL-safe anchor for a topic heading. */
export function topicSlug(topic: string): string {
  const key = Object.entries(TOPIC_BY_KEY).find(([, v]) => v === topic)?.[0];
  return key ?? `t-${[...topic].map((c) => c.codePointAt(0)!.toString(16)).join("")}`;
}
