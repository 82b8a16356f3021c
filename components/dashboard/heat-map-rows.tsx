"use client";
// The heat map's rows, drawn in the browser from one short line per benchmark. Rendered on the server
// as well (the HTML holds every cell), but what React sends to hydrate them is only these lines: as
// server-rendered cells, each of thousands of cells would be sent twice, once as HTML and once again
// in the page's React payload.
import type { Status } from "@/lib/domain";
import { STATUS_BADGE, STATUS_CODES } from "@/lib/status-style";

const STATUS_OF_CODE = new Map(Object.entries(STATUS_CODES).map(([status, code]) => [code, status as Status]));

export interface HeatMapRowLine {
  id: number;
  /** The benchmark's page in the reader's language. */
  href: string;
  title: string;
  /** Set when the title is not in the page's language (an English fallback on a Chinese page). */
  lang?: string;
  /** One letter per round in view (STATUS_CODES). */
  cells: string;
}

export interface HeatMapGroupLines {
  key: string;
  name: string;
  lang?: string;
  rows: HeatMapRowLine[];
}

/**
 * Each scored cell is a link named from the table's own headers (aria-labelledby: the row's benchmark,
 * the column's round, the status), so no title is repeated in a cell; the other cells say what they
 * are in a word, read with the row and column headers around them.
 */
export function HeatMapRows({ groups, roundSlugs, idPrefix, words }: { groups: HeatMapGroupLines[]; roundSlugs: string[]; idPrefix: string; words: { notApplicable: string; notScored: string } }) {
  return groups.map((group) => (
    <tbody key={group.key}>
      <tr>
        <th scope="rowgroup" colSpan={roundSlugs.length + 1} className="bg-stone-100 px-2 py-1 text-left text-xs font-semibold uppercase tracking-wide">
          <span lang={group.lang}>{group.name}</span>
        </th>
      </tr>
      {group.rows.map((row) => (
        <tr key={row.id} className="border-b border-stone-100">
          <th scope="row" id={`${idPrefix}b${row.id}`} className="sticky left-0 max-w-[22rem] bg-stone-50 px-2 py-1 text-left font-normal">
            <a href={row.href} lang={row.lang}>
              {row.title}
            </a>
          </th>
          {[...row.cells].map((code, i) => {
            if (code === ".")
              return (
                <td key={i} data-cell="not-applicable">
                  <span aria-hidden="true">·</span>
                  <span className="sr-only">{words.notApplicable}</span>
                </td>
              );
            const status = STATUS_OF_CODE.get(code);
            if (!status)
              return (
                <td key={i} data-cell="not-scored">
                  <span aria-hidden="true">–</span>
                  <span className="sr-only">{words.notScored}</span>
                </td>
              );
            return (
              <td key={i}>
                <a href={`${row.href}#round-${roundSlugs[i]}`} data-status={status} aria-labelledby={`${idPrefix}b${row.id} ${idPrefix}r${i} ${idPrefix}s${code}`}>
                  {STATUS_BADGE[status].symbol}
                </a>
              </td>
            );
          })}
        </tr>
      ))}
    </tbody>
  ));
}
