// The enrolment QR code, drawn on the server as one SVG path: the otpauth:// address (which holds the secret)
// never leaves the server as an image request or reaches a third-party renderer.
import QRCode from "qrcode";

export interface QrDrawing {
  /** Modules per side, the quiet zone included: the SVG's viewBox is 0 0 size size. */
  size: number;
  /** One path of unit squares, a horizontal run of dark modules per subpath. */
  path: string;
}

/** Four light modules around the code, as the standard asks, so a camera finds its edges. */
const QUIET_ZONE = 4;

export function drawQrCode(text: string): QrDrawing {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const n = modules.size;
  const parts: string[] = [];
  for (let row = 0; row < n; row++) {
    let col = 0;
    while (col < n) {
      if (!modules.data[row * n + col]) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && modules.data[row * n + col]) col++;
      parts.push(`M${start + QUIET_ZONE} ${row + QUIET_ZONE}h${col - start}v1h-${col - start}z`);
    }
  }
  return { size: n + 2 * QUIET_ZONE, path: parts.join("") };
}
