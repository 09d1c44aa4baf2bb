/** One stored answer as the user sees it. Model output is rendered as text, never as HTML (React escapes it). */
export interface TranscriptView {
  outcome: 'pass' | 'fail' | 'error' | 'refusal';
  response: string | null;
  extracted: string | null;
  reason: string;
  runId: number;
  sample: number;
  ticks: number | null;
}

export function Transcript({ title, prompt, answer, transcript, note }: { title: string; prompt: string; answer: string; transcript: TranscriptView | null; note?: string }) {
  return (
    <section className="transcript-side" aria-label={title}>
      <h4>{title}{note ? <span className="ci"> · {note}</span> : null}</h4>
      <div className="ci">Prompt</div>
      <pre className="transcript prompt">{prompt}</pre>
      <div className="kv"><span className="ci">Expected</span> <code>{answer}</code></div>
      {transcript ? (
        <>
          <div className="kv">
            <span className="ci">Extracted</span> <code>{transcript.extracted ?? '—'}</code>{' '}
            <span className={`outcome-${transcript.outcome}`}>{transcript.outcome}</span>
            {transcript.ticks != null ? <span className="ci"> · {transcript.ticks} ticks</span> : null}
          </div>
          <div className="ci">Response (run #{transcript.runId}{transcript.sample > 1 ? `, sample ${transcript.sample}` : ''})</div>
          <pre className="transcript" data-testid="transcript-response">{transcript.response ?? '(no response)'}</pre>
          <div className="ci">{transcript.reason}</div>
        </>
      ) : (
        <p className="ci">No stored answer.</p>
      )}
    </section>
  );
}
