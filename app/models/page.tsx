import Link from 'next/link';
import { ModelTable } from './_components/model-table';

export const metadata = { title: 'Models — Sawtooth' };

export default function ModelsPage() {
  return (
    <>
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <h1>Models</h1>
        <Link className="button primary" href="/models/new">Add a model</Link>
      </div>
      <p className="subtitle">
        OpenAI-compatible endpoints. A key is never stored or shown: a model names the environment variable that holds it,
        and the server reads that variable when it sends a request. Models from <code>sawtooth.config.json</code> are
        read-only here, because the file is read again at every start and would undo an edit made in the dashboard.
      </p>
      <ModelTable />
    </>
  );
}
