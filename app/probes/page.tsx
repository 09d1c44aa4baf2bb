import { ProbesWorkspace } from './_components/probes-workspace';

export const metadata = { title: 'Probes — Sawtooth' };

export default function ProbesPage() {
  return (
    <>
      <h1>Probes</h1>
      <p className="subtitle">Suites of paired probes: an easy and a hard version of one skill. Browse them, add your own, try them on a model.</p>
      <ProbesWorkspace />
    </>
  );
}
