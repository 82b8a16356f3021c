"use client";
// Marks <html data-hydrated> once React has hydrated the page and run its effects (this one is the
// last in the tree, so it runs after the rest). Browser tests wait for it rather than for network
// idle, which Next's prefetches can keep from ever arriving.
import { useEffect } from "react";

export function HydrationMark() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = "";
  }, []);
  return null;
}
