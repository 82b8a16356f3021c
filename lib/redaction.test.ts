import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileNameMatcher, excerptAround, LINK_WITHHELD, NAME_WITHHELD } from "./redaction";

const W = NAME_WITHHELD;
const matcherFor = (...items: string[][]) => compileNameMatcher(items.map((names) => ({ names })));

describe("withholding names in Latin script", () => {
  const m = matcherFor(["Gao Yu", "高瑜"]);

  it("finds a name in any case and however its parts are spaced or joined", () => {
    for (const written of ["Gao Yu", "GAO YU", "gao  yu", "Gao\u00a0Yu", "Gao\nYu", "Gao-Yu", "GaoYu", "gao_yu", "Gao\u3000Yu"]) {
      expect(m.redact(`Free ${written} now.`), written).toBe(`Free ${W} now.`);
    }
  });

  it("finds a name written with accents, full-width letters or a soft hyphen", () => {
    expect(m.redact("Gāo Yǔ was sentenced")).toBe(`${W} was sentenced`);
    expect(m.redact("Ｇａｏ Ｙｕ was sentenced")).toBe(`${W} was sentenced`);
    expect(m.redact("Ga\u00ado Yu was sentenced")).toBe(`${W} was sentenced`);
    // A decomposed accent is part of the letter: the whole of it goes.
    expect(m.redact("Ga\u0304o Yu.")).toBe(`${W}.`);
  });

  it("matches whole words only: a name inside a longer word is not that name", () => {
    expect(m.redact("Gao Yuan and Gaoyu2 and XGao Yu stay")).toBe("Gao Yuan and Gaoyu2 and XGao Yu stay");
    expect(matcherFor(["Li"]).redact("Libya and Li, Li's case")).toBe(`Libya and ${W}, ${W}'s case`);
  });

  it("keeps punctuation, possessives and the text around the name", () => {
    expect(m.redact("(Gao Yu, Wang Bingzhang) and Gao Yu's appeal.")).toBe(`(${W}, Wang Bingzhang) and ${W}'s appeal.`);
  });

  it("leaves a text without any name unchanged, the same string", () => {
    const text = "Released on medical parole in 2015.";
    expect(m.redact(text)).toBe(text);
    expect(m.redact(null)).toBeNull();
    expect(m.redact("")).toBe("");
  });
});

describe("withholding names in Chinese", () => {
  const m = matcherFor(["Gao Yu", "高瑜"]);

  it("finds a Chinese name inside Chinese text, which has no spaces between words", () => {
    expect(m.redact("记者高瑜被判刑。")).toBe(`记者${W}被判刑。`);
    expect(m.redact("高 瑜获准保外就医")).toBe(`${W}获准保外就医`);
  });

  it("finds a Latin name written right against Chinese characters", () => {
    expect(m.redact("记者Gao Yu被判刑")).toBe(`记者${W}被判刑`);
  });

  it("finds a name mixing both scripts", () => {
    expect(matcherFor(["隐秘人vq7"]).redact("据报道隐秘人vq7仍被关押，隐秘人 VQ7 也是。")).toBe(`据报道${W}仍被关押，${W} 也是。`);
  });

  it("finds full-width and compatibility forms of Chinese characters", () => {
    // U+F9E4 is a compatibility form of 理.
    expect(matcherFor(["李和平"]).redact("李和平 and 李和平")).toBe(`${W} and ${W}`);
    expect(matcherFor(["理想"]).redact("\uF9E4想")).toBe(W);
  });
});

describe("several names and items", () => {
  it("withholds every name of every item: the English name, the Chinese name and other spellings", () => {
    const m = matcherFor(["Tashi Wangchuk", "扎西文色", "Zhaxi Wense"], ["Black jails"]);
    expect(m.redact("Tashi Wangchuk (扎西文色, also Zhaxi Wense) spoke of black jails.")).toBe(`${W} (${W}, also ${W}) spoke of ${W}.`);
  });

  it("prefers the longer of two overlapping names, and still finds the shorter one alone", () => {
    const m = matcherFor(["Liu Xia"], ["Liu Xiaobo"]);
    expect(m.redact("Liu Xiaobo's wife Liu Xia.")).toBe(`${W}'s wife ${W}.`);
    expect(m.names("Liu Xiaobo and Liu Xia").map((n) => n.items)).toEqual([[1], [0]]);
    const chinese = matcherFor(["刘晓"], ["刘晓波"]);
    expect(chinese.redact("刘晓波")).toBe(W);
  });

  it("tells which item a name belongs to however it was spaced or joined", () => {
    const m = matcherFor(["Liu Xia"], ["Gao Yu"]);
    expect(m.names("GaoYu, Gao-Yu, GAO  yu and Liu·Xia").map((n) => n.items)).toEqual([[1], [1], [1], [0]]);
  });

  it("finds a name among a thousand others, each in both scripts", () => {
    const many = Array.from({ length: 1000 }, (_, i) => [`Person${i} Surname${i}`, `人名${String.fromCodePoint(0x4e00 + i)}${String.fromCodePoint(0x4f00 + i)}`]);
    const m = matcherFor(...many);
    expect(m.redact("Met person999 surname999 and 人名\u4e01\u4f01 today; Person5 alone stays.")).toBe(`Met ${W} and ${W} today; Person5 alone stays.`);
    expect(m.names("人名\u4e01\u4f01").map((n) => n.items)).toEqual([[1]]);
  });

  it("when only the shorter name is confidential, the longer name that contains it stays (Latin words)", () => {
    expect(matcherFor(["Liu Xia"]).redact("Liu Xiaobo died in custody.")).toBe("Liu Xiaobo died in custody.");
  });

  it("says which items a name belongs to, with offsets in the original text", () => {
    const m = matcherFor(["Wu Gan"], ["Xie Yang", "谢阳"], ["Wu Gan"]);
    const text = "Ｗｕ Gan and 谢 阳";
    const found = m.names(text);
    expect(found.map((f) => [text.slice(f.start, f.end), f.items])).toEqual([
      ["Ｗｕ Gan", [0, 2]],
      ["谢 阳", [1]],
    ]);
  });

  it("ignores names too short to withhold without wiping out ordinary text", () => {
    const m = matcherFor(["X", "王", " - "]);
    expect(m.isEmpty).toBe(true);
    expect(m.redact("X said 王 was there")).toBe("X said 王 was there");
  });

  it("offers an anchor per name for a quick database filter", () => {
    expect([...matcherFor(["Tashi Wangchuk", "扎西文色"]).anchors].sort()).toEqual(["wangchuk", "扎"]);
  });
});

describe("addresses", () => {
  const m = matcherFor(["Gao Yu", "高瑜"]);

  it("withholds a link whose address names the person, also %-encoded", () => {
    expect(m.redactUrl("https://news.example/2015/gao-yu-sentenced")).toBe(LINK_WITHHELD);
    expect(m.redactUrl(`https://news.example/${encodeURIComponent("高瑜")}`)).toBe(LINK_WITHHELD);
    expect(m.redactUrl("https://news.example/%E9%AB%98%ZZ")).toBe("https://news.example/%E9%AB%98%ZZ");
    expect(m.redactUrl("https://news.example/medical-parole")).toBe("https://news.example/medical-parole");
    expect(m.redactUrl(null)).toBeNull();
  });
});

describe("properties", () => {
  const name = fc.constantFrom("Gao Yu", "高瑜", "Liu Xia", "Hidden Person vq7");
  const m = matcherFor(["Gao Yu", "高瑜"], ["Liu Xia"], ["Hidden Person vq7"]);
  const filler = fc.string({ maxLength: 20 }).map((s) => s.replace(/[\p{L}\p{N}]/gu, " "));

  it("a name set between non-letters never survives redaction, in any case", () => {
    fc.assert(
      fc.property(filler, name, filler, fc.boolean(), (before, n, after, upper) => {
        const written = upper ? n.toUpperCase() : n;
        const out = m.redact(`${before} ${written} ${after}`);
        expect(out.toLowerCase()).not.toContain(n.toLowerCase());
        expect(out).toContain(W);
      }),
    );
  });

  it("a text without letters of any name comes back unchanged", () => {
    fc.assert(
      fc.property(fc.string().map((s) => s.replace(/[gaoyuliuxhdenprsvq7高瑜]/giu, "")), (text) => {
        expect(m.redact(text)).toBe(text);
      }),
    );
  });
});

describe("excerptAround", () => {
  it("shows the text around a match, cut at spaces, marked where it was cut", () => {
    const text = `${"word ".repeat(30)}Gao Yu ${"more ".repeat(30)}`;
    const [found] = matcherFor(["Gao Yu"]).names(text);
    const excerpt = excerptAround(text, found!, 20);
    expect(excerpt.match).toBe("Gao Yu");
    expect(excerpt.before).toMatch(/^…word/);
    expect(excerpt.after).toMatch(/more…$/);
  });

  it("shows a short text whole", () => {
    expect(excerptAround("Free Gao Yu.", { start: 5, end: 11 })).toEqual({ before: "Free ", match: "Gao Yu", after: "." });
  });
});
