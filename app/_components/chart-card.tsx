'use client';

import Link from 'next/link';
import { useRef, useState, type ReactNode } from 'react';
import { downloadPng, downloadSvg, standaloneSvg, type LegendEntry } from './chart-export';

/**
 * A chart in a card, with "SVG" and "PNG" export buttons. The chart inside must be a recharts chart (its main SVG is
 * the direct child of .recharts-wrapper). `filename` has no extension. Every chart links to the "How to read this"
 * page (at the `howToRead` section when given).
 */
export function ChartCard({ filename, legend, testId, children, footer, howToRead }: { filename: string; legend?: readonly LegendEntry[]; testId?: string; children: ReactNode; footer?: ReactNode; howToRead?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);
  const chartSvg = (): string => {
    const svg = ref.current?.querySelector<SVGSVGElement>('.recharts-wrapper > svg');
    if (!svg) throw new Error('the chart has not been drawn yet');
    return standaloneSvg(svg, legend);
  };
  const run = (fn: () => void | Promise<void>) => async () => {
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <div className="card chart-card" data-testid={testId} ref={ref}>
      <div className="chart-actions" role="group" aria-label="Export chart">
        <Link href={`/how-to-read${howToRead ? `#${howToRead}` : ''}`} className="small how-to-read-link">How to read this</Link>
        <button type="button" className="small" onClick={run(() => downloadSvg(chartSvg(), filename))}>Export SVG</button>
        <button type="button" className="small" onClick={run(() => downloadPng(chartSvg(), filename))}>Export PNG</button>
      </div>
      {children}
      {footer}
      {error ? <p className="error-state" role="alert">Export failed: {error}</p> : null}
    </div>
  );
}
