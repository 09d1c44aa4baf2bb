import Link from 'next/link';
import type { SortDirection, SortKey } from './leaderboard-rows';

/** Every column header says what it measures and links to its section of the "How to read this" page. */
const COLUMNS: Array<{ key: SortKey; label: string; numeric?: boolean; title: string; anchor: string }> = [
  { key: 'model', label: 'Model', title: 'The model; its page has the full profile', anchor: 'profile' },
  { key: 'index', label: 'Verdict · index', numeric: true, title: 'Jagged when at least one family has a flipped tooth (hard right / easy wrong significantly beyond chance, Holm-corrected); the index is the share of pairs flipped beyond chance (95% interval), 0 without a flipped tooth', anchor: 'verdict' },
  { key: 'easy', label: 'Easy acc', numeric: true, title: 'Share of easy probes answered right (95% interval); refusals and errors left out. "chance" is what guessing alone would score', anchor: 'accuracy' },
  { key: 'hard', label: 'Hard acc', numeric: true, title: 'Share of hard probes answered right (95% interval); refusals and errors left out', anchor: 'accuracy' },
  { key: 'j', label: 'Inversion J', numeric: true, title: 'Of the hard probes solved, the share whose easy twin failed (95% bootstrap interval). Noise and guessing raise it too: read it with its interval', anchor: 'inversion' },
  { key: 'u', label: 'Unevenness U', numeric: true, title: 'Standard deviation of easy accuracy across the evaluated families (includes binomial noise)', anchor: 'unevenness' },
  { key: 'runs', label: 'Runs', numeric: true, title: 'The runs this row rests on: by default the latest completed run on this suite', anchor: 'runs' },
];

const PROFILE_TITLE = 'Each tooth is one family, from its easy accuracy (left) to its hard accuracy (right); red teeth climb (hard above easy); families not evaluated are left out';

/** Number of columns of a leaderboard row: select, rank, the sortable columns, profile and last run. */
export const LEADERBOARD_COLUMNS = COLUMNS.length + 4;

function SortableHeader({ column: c, sort, onSort }: { column: (typeof COLUMNS)[number]; sort: { key: SortKey; direction: SortDirection }; onSort: (key: SortKey) => void }) {
  return (
    <th className={c.numeric ? 'num' : undefined} aria-sort={sort.key === c.key ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'} title={c.title}>
      <button type="button" className="sort-button" onClick={() => onSort(c.key)}>
        {c.label}
        <span aria-hidden="true" className="sort-mark">{sort.key === c.key ? (sort.direction === 'asc' ? '▲' : '▼') : '↕'}</span>
      </button>
      {/* A no-break space keeps the "?" with the header's last word when a header wraps. */}
      {'\u00a0'}
      <Link href={`/how-to-read#${c.anchor}`} className="ci" aria-label={`How to read ${c.label}`}>?</Link>
    </th>
  );
}

/**
 * The leaderboard's header row: Model, then its profile thumbnail (so the shape sits beside the name, on screen at any
 * width), then the sortable numbers. Headers may wrap, so the table fits a 1280 px screen.
 */
export function LeaderboardHead({ sort, onSort, rankedBy }: { sort: { key: SortKey; direction: SortDirection }; onSort: (key: SortKey) => void; rankedBy: string }) {
  const [model, ...numbers] = COLUMNS;
  return (
    <thead className="wrap-headers">
      <tr>
        <th><span className="visually-hidden">Select</span></th>
        <th className="num" title={`Rank by ${rankedBy}`}>
          Rank{'\u00a0'}<Link href="/how-to-read#rank" className="ci" aria-label="How to read the rank">?</Link>
        </th>
        <SortableHeader column={model!} sort={sort} onSort={onSort} />
        <th title={PROFILE_TITLE}>Profile{'\u00a0'}<Link href="/how-to-read#profile" className="ci" aria-label="How to read the profile">?</Link></th>
        {numbers.map((c) => <SortableHeader key={c.key} column={c} sort={sort} onSort={onSort} />)}
        <th title="The newest run of this model on this suite (any status)">Last run</th>
      </tr>
    </thead>
  );
}
