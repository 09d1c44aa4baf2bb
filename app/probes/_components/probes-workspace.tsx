'use client';

import { useState } from 'react';
import { AddPairForm } from './add-pair-form';
import { ImportPairedForm } from './import-paired-form';
import { ImportProbesForm } from './import-probes-form';
import { ProbeHealth } from './probe-health';
import { SuiteBrowser } from './suite-browser';

/** The Probes page: browse a suite, add a pair, import a file; a save or an import shows its suite in the browser. */
export function ProbesWorkspace() {
  const [suiteId, setSuiteId] = useState('');
  return (
    <>
      <SuiteBrowser suiteId={suiteId} onSuiteChange={setSuiteId} />
      <details className="disclosure">
        <summary><h2>Probe health</h2></summary>
        <ProbeHealth suiteId={suiteId} />
      </details>
      <details className="disclosure" open>
        <summary><h2>Add a probe pair</h2></summary>
        <AddPairForm onSaved={setSuiteId} />
      </details>
      <details className="disclosure">
        <summary><h2>Import a paired dataset</h2></summary>
        <ImportPairedForm onImported={setSuiteId} />
      </details>
      <details className="disclosure">
        <summary><h2>Import a probe file</h2></summary>
        <ImportProbesForm onImported={setSuiteId} />
      </details>
    </>
  );
}
