import { Suspense } from 'react';
import { CompareView } from '../_components/compare-view';
import { Loading } from '../_components/states';

export const metadata = { title: 'Compare models — Sawtooth' };

export default function ComparePage() {
  return (
    <>
      <h1>Compare models</h1>
      <p className="subtitle">
        Up to four models on one sawtooth chart; per family, the difference to the first model with a paired 95% interval
        and McNemar&apos;s test (Holm-corrected). The URL keeps the whole view: copy it to share.
      </p>
      <Suspense fallback={<Loading what="comparison" />}>
        <CompareView />
      </Suspense>
    </>
  );
}
