import { RunList } from '../_components/run-list';

export default function RunsPage() {
  return (
    <>
      <h1>Runs</h1>
      <p className="subtitle">Every evaluation, newest first.</p>
      <RunList />
    </>
  );
}
