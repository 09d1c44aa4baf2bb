'use client';

import { useQuery } from '@tanstack/react-query';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useTRPC } from '../_trpc/client';

export const DEFAULT_SUITE = 'core';

/**
 * The suite a page shows, from its URL (`?suite=`, default core), and a setter that keeps the rest of the query.
 * Every number on the page belongs to this one suite: suites never pool.
 */
export function useSuiteParam(): [string, (suite: string) => void] {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const suite = params.get('suite') || DEFAULT_SUITE;
  const setSuite = (next: string) => {
    const query = new URLSearchParams(params.toString());
    if (next === DEFAULT_SUITE) query.delete('suite');
    else query.set('suite', next);
    const text = query.toString();
    router.replace(text ? `${pathname}?${text}` : pathname, { scroll: false });
  };
  return [suite, setSuite];
}

/** The suite selector: the suites that have completed runs (core first), plus the one shown. */
export function SuiteSelect({ suite, onChange }: { suite: string; onChange: (suite: string) => void }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.models.suites.queryOptions());
  const suites = [...new Set([suite, ...(query.data ?? [])])];
  return (
    <label>
      Suite{' '}
      <select value={suite} onChange={(e) => onChange(e.target.value)} data-testid="suite-select">
        {suites.map((id) => <option key={id} value={id}>{id}</option>)}
      </select>
    </label>
  );
}
