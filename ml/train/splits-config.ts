/**
 * The validation and test splits are rebuilt from this seed for every seed and architecture, so cards compare and
 * `--eval-only` reproduces them; changing either number changes which inputs training must avoid.
 */
export const EVAL_SEED = 20_260_000;
/** Inputs per difficulty in each split (fewer where the difficulty has fewer distinct inputs). */
export const EVAL_PER_LENGTH = 256;
