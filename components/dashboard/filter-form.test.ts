// The filter form's HTML as the server sends it: what a reader without JavaScript gets.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { FilterOptions } from "@/db/queries/filter-options";
import { inLocale } from "@/components/testing/in-locale";
import { FilterForm } from "./filter-form";

const base: Omit<FilterOptions, "statements" | "subjects"> = {
  tracks: [{ slug: "un-hrc", name: "UN Human Rights Council" }],
  rounds: [{ slug: "hrc-37", name: "HRC 37", startDate: "2018-02-26" }],
  categories: [{ slug: "legal-reform", name: "Legal reform" }],
  addressees: ["chinese_government"],
};

function render(options: FilterOptions, filters = {}, locale: "en" | "zh" = "en"): string {
  return renderToStaticMarkup(inLocale(createElement(FilterForm, { filters, options }), locale));
}

/** The attributes of the one element that has this id. */
function attributesOf(html: string, id: string): Record<string, string> {
  const tags = [...html.matchAll(/<([a-z]+)\s([^>]*)>/g)].filter((m) => m[2]!.includes(`id="${id}"`));
  expect(tags).toHaveLength(1);
  return { tag: tags[0]![1]!, ...Object.fromEntries([...tags[0]![2]!.matchAll(/([\w-]+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!])) };
}

describe("the dashboard filter form", () => {
  it("offers short lists as selects with every option", () => {
    const html = render({
      ...base,
      statements: { kind: "all", items: [{ slug: "joint-letter-2015", title: "Joint letter", date: "2015-08-01" }] },
      subjects: { kind: "all", items: [{ slug: "liu-xia", name: "Liu Xia", kind: "person" }, { slug: "rtl", name: "Re-education", kind: "practice" }] },
    });
    expect(attributesOf(html, "filter-statement")).toMatchObject({ tag: "select", name: "statement" });
    expect(html).toMatch(/<select id="filter-statement"[^>]*>.*<option value="joint-letter-2015">Joint letter \(2015\)<\/option>/);
    expect(html).toMatch(/<select id="filter-subject"[^>]*>.*<option value="liu-xia">Liu Xia<\/option><option value="rtl">Re-education \(law or practice\)<\/option>/);
    expect(html).not.toContain("<datalist");
  });

  it("turns long lists into labelled text inputs that submit the slug, with a hint and the current choice named", () => {
    const html = render(
      { ...base, statements: { kind: "search", selected: null }, subjects: { kind: "search", selected: { slug: "person-7", name: "Wang Wei", kind: "person" } } },
      { subject: "person-7", statement: "statement-9" },
    );
    expect(html).not.toMatch(/<select[^>]*name="(subject|statement)"/);
    expect(html).toContain('<label for="filter-subject"');
    expect(attributesOf(html, "filter-subject")).toMatchObject({
      tag: "input",
      name: "subject",
      type: "text",
      value: "person-7",
      list: "filter-subject-suggestions",
      "aria-describedby": "filter-subject-hint",
    });
    expect(html).toContain('<datalist id="filter-subject-suggestions"></datalist>');
    expect(html).toMatch(/<p id="filter-subject-hint"[^>]*>.*Now: Wang Wei\..*Type a name in English or Chinese/);
    expect(attributesOf(html, "filter-statement")).toMatchObject({ tag: "input", name: "statement", type: "text", value: "statement-9", "aria-describedby": "filter-statement-hint" });
    expect(html).toMatch(/<p id="filter-statement-hint"[^>]*>Enter the statement(&#x27;|')s identifier/);
    // Statements cannot be searched through the API: no suggestion list that would stay empty.
    expect(attributesOf(html, "filter-statement")).not.toHaveProperty("list");
    expect(html).not.toContain("filter-statement-suggestions");
    // The other filters stay selects.
    expect(attributesOf(html, "filter-track")).toMatchObject({ tag: "select", name: "track" });
  });

  it("in Chinese: its labels, its options' words and the address it sends to are Chinese", () => {
    const html = render({ ...base, statements: { kind: "all", items: [] }, subjects: { kind: "all", items: [] } }, {}, "zh");
    expect(html).toContain('action="/zh"');
    expect(html).toContain(">议程</label>");
    expect(html).toContain(">中国政府</option>");
    expect(html).toContain("应用筛选");
    expect(html).not.toContain("Apply filters");
  });
});
