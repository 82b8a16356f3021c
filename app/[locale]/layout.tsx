import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Dialogue Scorecard", template: "%s · Dialogue Scorecard" },
  description:
    "Which civil-society demands made around human-rights dialogues with China were met, round by round, 2012–2018.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
