import type { ModelArch } from '../../evals/contracts/model-endpoint';

/** How an architecture is written in the UI: acronyms upper-case, "Transformer" as a word (not "TRANSFORMER"). */
const NAMES: Record<ModelArch, string> = { llm: 'LLM', ctm: 'CTM', transformer: 'Transformer', lstm: 'LSTM' };

export function archName(arch: string): string {
  return NAMES[arch as ModelArch] ?? arch;
}
