/** Embeds go in an iframe on another site: no header, no footer, just the chart and its credits. */
export default function EmbedLayout({ children }: { children: React.ReactNode }) {
  return <main className="bg-white p-3">{children}</main>;
}
