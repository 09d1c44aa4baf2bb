const ARCH_LABELS: Record<string, string> = { llm: 'LLM', ctm: 'CTM', transformer: 'Transformer', lstm: 'LSTM' };

/** The architecture tag shown next to a model everywhere (leaderboard, model page, compare). */
export function ArchTag({ arch }: { arch: string }) {
  return <span className={`tag arch-${arch}`}>{ARCH_LABELS[arch] ?? arch}</span>;
}

export const ARCH_OPTIONS = Object.entries(ARCH_LABELS).map(([value, label]) => ({ value, label }));
