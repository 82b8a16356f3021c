"use client";

import { useRef } from "react";
import { useTranslations } from "next-intl";

/**
 * Saves the chart drawn on screen as SVG or PNG, stamped with its data version and filters so a
 * copy pasted into a briefing still says what it shows.
 */
export function ChartDownload({ fileBase, stamp, embedHref, children }: { fileBase: string; stamp: string; embedHref?: string; children: React.ReactNode }) {
  const t = useTranslations("charts");
  const ref = useRef<HTMLDivElement>(null);

  function stampedSvg(): { text: string; width: number; height: number } | null {
    const svg = ref.current?.querySelector("svg.recharts-surface");
    if (!svg) return null;
    const width = Number(svg.getAttribute("width")) || svg.clientWidth;
    const height = (Number(svg.getAttribute("height")) || svg.clientHeight) + 28;
    const copy = svg.cloneNode(true) as SVGSVGElement;
    copy.setAttribute("xmlns", "http://www.w3.org/2000/svg");
    copy.setAttribute("width", String(width));
    copy.setAttribute("height", String(height));
    copy.setAttribute("viewBox", `0 0 ${width} ${height}`);
    copy.style.background = "#ffffff";
    const background = document.createElementNS("http://www.w3.org/2000/svg", "rect");
    background.setAttribute("width", "100%");
    background.setAttribute("height", "100%");
    background.setAttribute("fill", "#ffffff");
    copy.insertBefore(background, copy.firstChild);
    const label = document.createElementNS("http://www.w3.org/2000/svg", "text");
    label.setAttribute("x", "8");
    label.setAttribute("y", String(height - 10));
    label.setAttribute("font-size", "11");
    label.setAttribute("font-family", "sans-serif");
    label.setAttribute("fill", "#44403c");
    label.setAttribute("class", "chart-stamp");
    label.textContent = stamp;
    copy.appendChild(label);
    return { text: new XMLSerializer().serializeToString(copy), width, height };
  }

  function save(blob: Blob, extension: string) {
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = `${fileBase}.${extension}`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  }

  function downloadSvg() {
    const svg = stampedSvg();
    if (svg) save(new Blob([svg.text], { type: "image/svg+xml" }), "svg");
  }

  function downloadPng() {
    const svg = stampedSvg();
    if (!svg) return;
    const image = new Image();
    image.onload = () => {
      const canvas = document.createElement("canvas");
      canvas.width = svg.width * 2;
      canvas.height = svg.height * 2;
      const context = canvas.getContext("2d")!;
      context.scale(2, 2);
      context.drawImage(image, 0, 0);
      canvas.toBlob((blob) => blob && save(blob, "png"), "image/png");
    };
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg.text)}`;
  }

  return (
    <div>
      <div ref={ref}>{children}</div>
      <p className="mt-1 flex gap-3 text-xs print:hidden">
        <span>{t("save")}</span>
        <button type="button" onClick={downloadSvg} className="underline">SVG</button>
        <button type="button" onClick={downloadPng} className="underline">PNG</button>
        {embedHref && (
          <a href={embedHref} className="ml-auto">
            {t("embed")}
          </a>
        )}
      </p>
    </div>
  );
}
