import { RunList } from '../_components/run-list';
import { ImportResultsForm } from './_components/import-results-form';
import { StartRunForm } from './_components/start-run-form';

export const metadata = { title: 'Runs — Sawtooth' };

export default function RunsPage() {
  return (
    <>
      <h1>Runs</h1>
      <p className="subtitle">Start an evaluation, import results from other tools, and follow every run.</p>
      <details className="disclosure" open>
        <summary><h2>Start a run</h2></summary>
        <StartRunForm />
      </details>
      <details className="disclosure">
        <summary><h2>Import results</h2></summary>
        <ImportResultsForm />
      </details>
      <h2>All runs</h2>
      <RunList />
    </>
  );
}
