// The localized text as the server sends it: the lang attribute only where the text's language is not the page's.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { LocalizedText } from "./localized-text";

const render = (props: Parameters<typeof LocalizedText>[0]) => renderToStaticMarkup(createElement(LocalizedText, props));

describe("LocalizedText", () => {
  it("shows the Chinese text on a Chinese page without a lang of its own", () => {
    expect(render({ locale: "zh", en: "Legal reform", zh: "法律改革" })).toBe("<span>法律改革</span>");
  });

  it("marks the English fallback on a Chinese page lang=en", () => {
    expect(render({ locale: "zh", en: "Legal reform", zh: null })).toBe('<span lang="en">Legal reform</span>');
  });

  it("shows the English text on an English page unmarked", () => {
    expect(render({ locale: "en", en: "Legal reform", zh: "法律改革" })).toBe("<span>Legal reform</span>");
  });

  it("renders in the element asked for", () => {
    expect(render({ locale: "zh", en: "Legal reform", zh: "", as: "h2" })).toBe('<h2 lang="en">Legal reform</h2>');
  });
});
