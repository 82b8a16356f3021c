// An import's problems in Chinese: the catalogue holds only sentences the import says, and a row's
// sentences are said one by one, a cell's refusal through the validation catalogue.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import { localizeImportProblem } from "./import-problems";

const SOURCE = ["db/import/import-csv.ts", "lib/import/csv.ts"].map((file) => readFileSync(path.resolve(__dirname, "../..", file), "utf8")).join("\n");

// Sentences the source composes from a word it adds ("column" + "s", "the " + label + " it names differ").
const COMPOSED = new Set(["needsColumns", "diffPeople", "diffLaws"]);

describe("import problems in the page's language", () => {
  it("hold only sentences the import says", () => {
    const missing = Object.entries(en.importProblem).filter(([key, message]) => !COMPOSED.has(key) && !message.split(/\{\w+\}/).every((part) => SOURCE.includes(part)));
    expect(missing.map(([key]) => key)).toEqual([]);
  });

  it("leave English as it is", () => {
    expect(localizeImportProblem("The file is empty.", "en")).toBe("The file is empty.");
  });

  it("say each sentence of a row's problem in Chinese", () => {
    expect(localizeImportProblem("The category “No such category” does not exist: add it in the workspace's reference data first. The benchmark ID “free-lawyers-2015” is already on line 2.", "zh")).toBe(
      "类别“No such category”不存在：请先在工作区的参考数据中添加。基准编号“free-lawyers-2015”已在第 2 行出现。",
    );
    expect(localizeImportProblem("The row has 3 cells; the header has 5.", "zh")).toBe("这一行有 3 个单元格；表头有 5 个。");
  });

  it("say a stored benchmark's differences one by one", () => {
    expect(
      localizeImportProblem(
        "The benchmark “b” is already stored and differs: its title is “A”, the file says “B”; its retirement date is none, the file says “2020-01-01”. An import never changes a stored benchmark: correct the row, or change the benchmark in the workspace first.",
        "zh",
      ),
    ).toBe("基准“b”已存储，但有所不同：其标题为“A”，文件中为“B”；其停用日期为无，文件中为“2020-01-01”。导入从不修改已存储的基准：请更正这一行，或先在工作区中修改该基准。");
  });

  it("find a name that matches several records, not a list of differences", () => {
    expect(localizeImportProblem("The person “Li” names 2 different records; rename one of them first.", "zh")).toBe("人物“Li”对应 2 条不同的记录；请先重命名其中一条。");
  });

  it("say a cell the row schema refused through the validation catalogue", () => {
    expect(localizeImportProblem("Choose a status.", "zh")).toBe(localizeImportProblem("Choose a status.", "zh"));
    expect(localizeImportProblem("Choose a status.", "zh")).not.toBe("Choose a status.");
  });
});
