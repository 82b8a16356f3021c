import type { QrDrawing } from "@/lib/auth/qr-code";

/** A QR code drawn on the server, as inline SVG: black modules on white, crisp at any size. */
export function QrCode({ drawing, label }: { drawing: QrDrawing; label: string }) {
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 ${drawing.size} ${drawing.size}`}
      width={drawing.size * 5}
      height={drawing.size * 5}
      shapeRendering="crispEdges"
      className="rounded border border-stone-300 bg-white"
      data-testid="two-factor-qr"
    >
      <rect width={drawing.size} height={drawing.size} fill="#fff" />
      <path d={drawing.path} fill="#000" />
    </svg>
  );
}
