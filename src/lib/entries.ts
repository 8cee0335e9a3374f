// All report entries from the content collection, as plain data.
import { getCollection } from "astro:content";
import type { ReportEntry } from "./schema";

let cached: ReportEntry[] | null = null;

export async function allReports(): Promise<ReportEntry[]> {
  if (!cached) cached = (await getCollection("reports")).map((e) => e.data as ReportEntry);
  return cached;
}
