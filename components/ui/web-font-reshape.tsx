"use client";
// Chinese text laid out while its web-font slice (app/fonts/noto-sans-sc.css) was still loading can
// stay in the fallback font after the slice arrives: on a computer without a Chinese system font that
// fallback is empty boxes. Chromium keeps the shaping of such a text, for its font settings, after the
// load: the same heading inserted afresh with the same style is boxes too, while one whose font
// settings differ in any way is drawn in the web font (checked with e2e/chinese-font.spec.ts, which
// asks the browser which font drew each Chinese text). So, each time fonts finish loading, the page's
// font settings change by a feature no font here has ("cv99", app/globals.css): nothing looks different,
// and every text is shaped again with the slices now loaded.
import { useEffect } from "react";

const CHINESE_FAMILY = "Noto Sans SC";

const isChineseFace = (face: FontFace) => face.family.replaceAll('"', "") === CHINESE_FAMILY;

export function WebFontReshape() {
  useEffect(() => {
    let generation = 0;
    const reshape = () => document.documentElement.style.setProperty("--web-font-generation", String(++generation));
    // Slices that arrived before hydration: the text shaped while they loaded is shaped again now.
    if ([...document.fonts].some((face) => isChineseFace(face) && face.status === "loaded")) reshape();
    const onLoaded = (event: FontFaceSetLoadEvent) => {
      if (event.fontfaces.some(isChineseFace)) reshape();
    };
    document.fonts.addEventListener("loadingdone", onLoaded);
    return () => document.fonts.removeEventListener("loadingdone", onLoaded);
  }, []);
  return null;
}
