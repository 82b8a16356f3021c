/** The small inline marker for a demo score. */
export function DemoLabel() {
  return (
    <span className="rounded bg-amber-200 px-1 py-0.5 text-[0.65rem] font-bold uppercase tracking-wide text-amber-950" title="Demonstration data shipped with the app">
      Demo
    </span>
  );
}
