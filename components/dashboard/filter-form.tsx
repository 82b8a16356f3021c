import { Link } from "@/components/ui/navigation";
import type { FilterOptions, StatementOption } from "@/db/queries/filter-options";
import { ADDRESSEE_LABELS, type Addressee } from "@/lib/domain";
import { subjectOptionLabel } from "@/lib/filter-suggestions";
import { formatDate } from "@/lib/format";
import { hasFilters, type DashboardFilters } from "@/lib/validation/dashboard-filters";
import { SearchField } from "./search-field";

function Select({
  name,
  label,
  value,
  options,
}: {
  name: keyof DashboardFilters;
  label: string;
  value: string | undefined;
  options: Array<{ value: string; label: string }>;
}) {
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={`filter-${name}`} className="text-xs font-medium text-stone-700">
        {label}
      </label>
      <select
        id={`filter-${name}`}
        name={name}
        defaultValue={value ?? ""}
        className="w-full rounded border border-stone-400 bg-white px-2 py-1.5 text-sm"
      >
        <option value="">All</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

const statementLabel = (s: StatementOption) => `${s.title} (${formatDate(s.date, "year")})`;

/** A plain GET form: the filters live in the URL, so a copied link reproduces the view, with or without JavaScript. */
export function FilterForm({ filters, options }: { filters: DashboardFilters; options: FilterOptions }) {
  const roundOptions = options.rounds.map((r) => ({ value: r.slug, label: r.name }));
  return (
    <form method="get" action="/" aria-label="Filters" className="rounded border border-stone-200 bg-white p-4">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Select name="track" label="Track" value={filters.track} options={options.tracks.map((t) => ({ value: t.slug, label: t.name }))} />
        <Select name="from" label="From round" value={filters.from} options={roundOptions} />
        <Select name="to" label="To round" value={filters.to} options={roundOptions} />
        <Select name="category" label="Category" value={filters.category} options={options.categories.map((c) => ({ value: c.slug, label: c.name }))} />
        <Select
          name="addressee"
          label="Addressed to"
          value={filters.addressee}
          options={options.addressees.map((a) => ({ value: a, label: ADDRESSEE_LABELS[a as Addressee] ?? a }))}
        />
        {options.statements.kind === "all" ? (
          <Select
            name="statement"
            label="Raised by statement"
            value={filters.statement}
            options={options.statements.items.map((s) => ({ value: s.slug, label: statementLabel(s) }))}
          />
        ) : (
          <SearchField
            name="statement"
            label="Raised by statement"
            defaultValue={filters.statement}
            selectedLabel={options.statements.selected && statementLabel(options.statements.selected)}
            hint={
              <>
                Enter the statement&apos;s identifier: the end of its address on the <Link href="/statements">statements</Link> page, after
                “/statements/”.
              </>
            }
          />
        )}
        {options.subjects.kind === "all" ? (
          <Select
            name="subject"
            label="Person or law"
            value={filters.subject}
            options={options.subjects.items.map((s) => ({ value: s.slug, label: subjectOptionLabel(s.name, s.kind) }))}
          />
        ) : (
          <SearchField
            name="subject"
            label="Person or law"
            defaultValue={filters.subject}
            selectedLabel={options.subjects.selected && subjectOptionLabel(options.subjects.selected.name, options.subjects.selected.kind)}
            suggestFrom={["/api/v1/people", "/api/v1/laws"]}
            hint={
              <>
                Type a name in English or Chinese and choose a suggestion, or enter the identifier at the end of a{" "}
                <Link href="/people">person&apos;s</Link> or <Link href="/laws">law&apos;s</Link> page address.
              </>
            }
          />
        )}
        <div className="flex items-end gap-3">
          <button type="submit" className="rounded bg-blue-800 px-4 py-1.5 text-sm font-medium text-white hover:bg-blue-900">
            Apply filters
          </button>
          {hasFilters(filters) && <Link href="/">Clear</Link>}
        </div>
      </div>
    </form>
  );
}
