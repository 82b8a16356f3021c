import { describe, expect, it } from "vitest";
import { contentLang, detectTextLang, localized, localizedOption, optionName } from "./localized";

describe("localized", () => {
  it("gives the Chinese text on a Chinese page", () => {
    expect(localized("zh", "Release the detained", "释放被拘留者")).toEqual({ text: "释放被拘留者", lang: "zh" });
  });

  it("falls back to the English, marked en, where there is no Chinese text", () => {
    expect(localized("zh", "Release the detained", null)).toEqual({ text: "Release the detained", lang: "en" });
    expect(localized("zh", "Release the detained", undefined)).toEqual({ text: "Release the detained", lang: "en" });
  });

  it("says a withheld name in Chinese in a Chinese text, and leaves the English fallback's marker English", () => {
    expect(localized("zh", "Free [name withheld]", "释放［name］").text).toBe("释放［name］");
    expect(localized("zh", "Free [name withheld]", "释放[name withheld]")).toEqual({ text: "释放［姓名已隐去］", lang: "zh" });
    expect(localized("zh", "Free [name withheld]", null)).toEqual({ text: "Free [name withheld]", lang: "en" });
    expect(localized("en", "Free [name withheld]", "释放[name withheld]").text).toBe("Free [name withheld]");
  });

  it("never gives a blank Chinese text", () => {
    expect(localized("zh", "Release the detained", "  ")).toEqual({ text: "Release the detained", lang: "en" });
    expect(localized("zh", "Release the detained", "")).toEqual({ text: "Release the detained", lang: "en" });
  });

  it("gives the English text on an English page even where a Chinese one exists", () => {
    expect(localized("en", "Release the detained", "释放被拘留者")).toEqual({ text: "Release the detained", lang: "en" });
    expect(localized(undefined, "Release the detained", "释放被拘留者")).toEqual({ text: "Release the detained", lang: "en" });
  });

  it("reads zh-Hans and zh-CN as Chinese and anything else as English", () => {
    expect(contentLang("zh-Hans")).toBe("zh");
    expect(contentLang("zh-CN")).toBe("zh");
    expect(contentLang("fr")).toBe("en");
    expect(contentLang(null)).toBe("en");
  });
});

describe("detectTextLang", () => {
  it("reads a Chinese rationale as Chinese", () => {
    expect(detectTextLang("政府仍未释放任何被拘留的律师。")).toBe("zh");
  });

  it("keeps a Chinese rationale that names something in English Chinese", () => {
    expect(detectTextLang("政府仍未释放 Ilham Tohti")).toBe("zh");
  });

  it("keeps an English rationale quoting a Chinese name English", () => {
    expect(detectTextLang("Ilham Tohti (伊力哈木·土赫提) remains in prison")).toBe("en");
  });

  it("reads text with no letters at all as English", () => {
    expect(detectTextLang("")).toBe("en");
    expect(detectTextLang("2019-03-01 — 42%")).toBe("en");
  });

  it("counts traditional characters as Han too", () => {
    expect(detectTextLang("釋放所有被任意拘押的人權捍衛者")).toBe("zh");
  });
});

describe("optionName", () => {
  it("names a record in a select by its Chinese name on a Chinese page, by its English one otherwise, never blank", () => {
    expect(optionName("zh", "Universal Periodic Review", "普遍定期审议")).toBe("普遍定期审议");
    expect(optionName("en", "Universal Periodic Review", "普遍定期审议")).toBe("Universal Periodic Review");
    expect(optionName("zh", "Universal Periodic Review", null)).toBe("Universal Periodic Review");
    expect(optionName("zh", "Universal Periodic Review", "  ")).toBe("Universal Periodic Review");
  });
});

describe("localizedOption", () => {
  it("gives a checkbox's record name in the language it is written in, the interface's note apart", () => {
    expect(localizedOption("zh", "upr", "Universal Periodic Review", "普遍定期审议")).toEqual({ value: "upr", label: "普遍定期审议", lang: "zh" });
    expect(localizedOption("zh", "upr", "Universal Periodic Review", null)).toEqual({ value: "upr", label: "Universal Periodic Review", lang: "en" });
    expect(localizedOption("en", "ilham-tohti", "Ilham Tohti", "伊力哈木·土赫提", "（保密）")).toEqual({ value: "ilham-tohti", label: "Ilham Tohti", lang: "en", note: "（保密）" });
  });
});
