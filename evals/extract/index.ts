export { stripReasoning } from './reasoning';
export { findBoxed, latexToText, joinDisplayMath } from './latex';
export { stripMarkdown, findBold } from './markdown';
export { findMarkers, statesAnswer } from './markers';
export { answerCandidates, type Candidate } from './candidates';
export { findNumbers, parseWholeNumber, formatValue, type NumberToken } from './numbers';
export { normalizeText, containsPhrase } from './normalize-text';
export { isRefusal } from './refusal';
export { readFinalAnswer, NO_ANSWER, AMBIGUOUS, REFUSAL, type Reader, type Reading, type FinalAnswer } from './final-answer';
