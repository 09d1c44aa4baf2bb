export * from './domain';
export * from './grader-spec';
export * from './family';
export * from './probe';
export * from './pair';
export * from './suite';
export * from './outcome';
