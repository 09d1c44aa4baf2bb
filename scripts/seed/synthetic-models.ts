import type { ErrorKind } from '../../evals/contracts';

/**
 * The made-up models `sawtooth seed` fills a database with. Each has an overall skill, a few skill "holes" (families
 * where its easy probes are much harder for it than for others: the jagged pattern the dashboard exists to show),
 * an error rate with a mix of error kinds, a latency, a price, and for the CTM a thinking time in ticks.
 */
export interface SyntheticModel {
  id: string;
  label: string;
  arch: 'llm' | 'ctm' | 'transformer' | 'lstm';
  /** Logit offset: higher passes more. */
  skill: number;
  /** Extra skill per domain (local models are narrow: good at algorithmic, poor at olympiad). */
  domainSkill: Record<string, number>;
  /** Share of (model, family) cells that get a skill hole on the easy tier. */
  holeRate: number;
  errorRate: number;
  errorKinds: Array<[ErrorKind, number]>;
  latencyMs: [median: number, spread: number];
  price: { input: number; output: number } | null;
  reportsTicks: boolean;
}

const API_ERRORS: Array<[ErrorKind, number]> = [
  ['rate_limited', 5], ['timeout', 3], ['server_error', 2], ['truncated', 2], ['content_filter', 1], ['empty_answer', 1], ['malformed_response', 0.3],
];

export const SYNTHETIC_MODELS: SyntheticModel[] = [
  { id: 'seed-frontier-a', label: 'Frontier A', arch: 'llm', skill: 2.6, domainSkill: { olympiad: -0.6 }, holeRate: 0.12, errorRate: 0.01, errorKinds: API_ERRORS, latencyMs: [1400, 0.6], price: { input: 2.5, output: 10 }, reportsTicks: false },
  { id: 'seed-frontier-b', label: 'Frontier B', arch: 'llm', skill: 2.2, domainSkill: { commonsense: 0.5 }, holeRate: 0.15, errorRate: 0.012, errorKinds: API_ERRORS, latencyMs: [1100, 0.6], price: { input: 3, output: 15 }, reportsTicks: false },
  { id: 'seed-reasoner', label: 'Reasoner R', arch: 'llm', skill: 3.0, domainSkill: { olympiad: 0.8, commonsense: -0.4 }, holeRate: 0.1, errorRate: 0.03, errorKinds: [['truncated', 6], ['timeout', 4], ['rate_limited', 2], ['empty_answer', 2]], latencyMs: [9000, 0.8], price: { input: 1.1, output: 4.4 }, reportsTicks: false },
  { id: 'seed-open-70b', label: 'Open 70B', arch: 'llm', skill: 1.4, domainSkill: { algorithmic: -0.5 }, holeRate: 0.2, errorRate: 0.008, errorKinds: API_ERRORS, latencyMs: [800, 0.5], price: { input: 0.6, output: 0.8 }, reportsTicks: false },
  { id: 'seed-open-8b', label: 'Open 8B', arch: 'llm', skill: 0.3, domainSkill: { olympiad: -1.2, algorithmic: -0.6 }, holeRate: 0.25, errorRate: 0.005, errorKinds: [['connection', 2], ['timeout', 1], ['truncated', 1]], latencyMs: [300, 0.4], price: null, reportsTicks: false },
  { id: 'seed-ctm', label: 'CTM (seeded)', arch: 'ctm', skill: -0.8, domainSkill: { algorithmic: 2.2, arithmetic: 0.6, olympiad: -1.5, commonsense: -1.2 }, holeRate: 0.2, errorRate: 0.001, errorKinds: [['connection', 1]], latencyMs: [25, 0.5], price: null, reportsTicks: true },
  { id: 'seed-transformer', label: 'Transformer (seeded)', arch: 'transformer', skill: -1.0, domainSkill: { algorithmic: 1.8, arithmetic: 0.4, olympiad: -1.6, commonsense: -1.3 }, holeRate: 0.25, errorRate: 0.001, errorKinds: [['connection', 1]], latencyMs: [12, 0.5], price: null, reportsTicks: false },
  { id: 'seed-lstm', label: 'LSTM (seeded)', arch: 'lstm', skill: -1.6, domainSkill: { algorithmic: 1.4, olympiad: -1.8, commonsense: -1.5 }, holeRate: 0.3, errorRate: 0.001, errorKinds: [['connection', 1]], latencyMs: [6, 0.4], price: null, reportsTicks: false },
];
