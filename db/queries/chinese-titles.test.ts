// The published aggregates carry each benchmark's Chinese title beside the English, with the same
// confidential names withheld, and a dashboard in Chinese reads and sorts by it.
import { rawGet, rawRun, rawValue } from "@/db/testing/raw-sql";
import { beforeEach, describe, expect, it } from "vitest";
import { NAME_WITHHELD } from "@/lib/redaction";
import { openDatabase, type Db } from "../client";
import { refreshPublishedAggregates } from "../commands/published-aggregates";
import { migrateDatabase } from "../migrate";
import { loadSeed } from "../seed/load";
import { getDashboardSummary } from "./dashboard-summary";

let db: Db;
beforeEach(async () => {
  db = openDatabase(":memory:");
  await migrateDatabase(db);
  await loadSeed(db);
});

const stored = async (slug: string) =>
  (await rawGet(db, "SELECT pb.title, pb.title_zh AS titleZh FROM public_benchmarks pb JOIN benchmarks b ON b.id = pb.benchmark_id WHERE b.slug = ?", slug)) as
    | { title: string; titleZh: string | null }
    | undefined;

describe("Chinese titles in the published aggregates", () => {
  it("the rebuild stores every public benchmark's Chinese title, and each change copies it", async () => {
    expect(await stored("release-xu-zhiyong")).toEqual({ title: "Release Xu Zhiyong", titleZh: "释放许志永" });
    const mismatched = (await rawValue(db, "SELECT count(*) FROM public_changes pc JOIN benchmarks b ON b.id = pc.benchmark_id WHERE pc.title_zh IS DISTINCT FROM b.title_zh"));
    expect((await rawValue(db, "SELECT count(*) FROM public_changes WHERE title_zh IS NOT NULL"))).toBeGreaterThan(0);
    expect(mismatched).toBe(0);
  });

  it("an edited Chinese title reaches the stored row at the next refresh; a cleared one is stored as none", async () => {
    (await rawRun(db, "UPDATE benchmarks SET title_zh = '立即释放许志永' WHERE slug = 'release-xu-zhiyong'"));
    await refreshPublishedAggregates(db);
    expect((await stored("release-xu-zhiyong"))?.titleZh).toBe("立即释放许志永");
    (await rawRun(db, "UPDATE benchmarks SET title_zh = NULL WHERE slug = 'release-xu-zhiyong'"));
    await refreshPublishedAggregates(db);
    expect((await stored("release-xu-zhiyong"))?.titleZh).toBeNull();
  });

  it("a confidential person's Chinese name is withheld from the stored Chinese title, the change rows and the dashboard in Chinese", async () => {
    (await rawRun(db, "INSERT INTO subjects (slug, kind, name, name_zh, confidential) VALUES ('zhang-san', 'person', 'Zhang San', '张三', 1)"));
    (await rawRun(db, "UPDATE benchmarks SET title_zh = '释放许志永和张三' WHERE slug = 'release-xu-zhiyong'"));
    await refreshPublishedAggregates(db);

    expect((await stored("release-xu-zhiyong"))?.titleZh).toBe(`释放许志永和${NAME_WITHHELD}`);
    const everywhere = (await rawValue(db, "SELECT (SELECT count(*) FROM public_benchmarks WHERE title_zh LIKE '%张三%') + (SELECT count(*) FROM public_changes WHERE title_zh LIKE '%张三%')"));
    expect(everywhere).toBe(0);

    const summary = await getDashboardSummary(db, {}, { lang: "zh" });
    const titles = JSON.stringify([summary.heatMap, summary.changes]);
    expect(titles).toContain(`释放许志永和${NAME_WITHHELD}`);
    expect(titles).not.toContain("张三");
  });

  it("a dashboard in Chinese sorts each category's rows by the Chinese title (within a first round), where English sorts by the English", async () => {
    const runs = async (lang: "en" | "zh") =>
      (await getDashboardSummary(db, {}, { lang })).heatMap.flatMap((g) => {
        const byDate = new Map<string, Array<{ slug: string; title: string }>>();
        for (const { benchmark: b } of g.rows) byDate.set(b.appliesFromDate, [...(byDate.get(b.appliesFromDate) ?? []), { slug: b.slug, title: lang === "zh" ? (b.titleZh ?? b.title) : b.title }]);
        return [...byDate.values()].filter((rows) => rows.length > 1);
      });
    const zh = await runs("zh");
    expect(zh.length).toBeGreaterThan(0);
    for (const rows of zh) expect(rows.map((r) => r.title)).toEqual(rows.map((r) => r.title).sort());
    // The same rows in another order: sorting by the English title would not give this one.
    const en = await runs("en");
    expect(zh.map((rows) => rows.map((r) => r.slug).sort())).toEqual(en.map((rows) => rows.map((r) => r.slug).sort()));
    expect(zh.map((rows) => rows.map((r) => r.slug))).not.toEqual(en.map((rows) => rows.map((r) => r.slug)));
  });
});
