import QRCode from "qrcode";
import { describe, expect, it } from "vitest";
import { drawQrCode } from "./qr-code";

const URI = "otpauth://totp/Dialogue%20Scorecard:rita%40example.org?secret=JBSWY3DPEHPK3PXP&issuer=Dialogue%20Scorecard&digits=6&period=30";

/** The dark modules a drawing covers, read back from its path. */
function darkModules(path: string): Set<string> {
  const cells = new Set<string>();
  for (const [, x, y, w] of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) for (let i = 0; i < Number(w); i++) cells.add(`${Number(x) + i},${y}`);
  return cells;
}

describe("drawQrCode", () => {
  it("draws exactly the dark modules of the code, inside a four-module quiet zone", () => {
    const { modules } = QRCode.create(URI, { errorCorrectionLevel: "M" });
    const drawing = drawQrCode(URI);
    expect(drawing.size).toBe(modules.size + 8);
    const expected = new Set<string>();
    for (let r = 0; r < modules.size; r++) for (let c = 0; c < modules.size; c++) if (modules.data[r * modules.size + c]) expected.add(`${c + 4},${r + 4}`);
    expect(darkModules(drawing.path)).toEqual(expected);
  });

  it("is only path commands, so it can be rendered as an attribute and never as markup", () => {
    expect(drawQrCode(URI).path).toMatch(/^(M\d+ \d+h\d+v1h-\d+z)+$/);
  });
});
