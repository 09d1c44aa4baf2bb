export * from './cache';
export * from './catalog';
export * from './models';
export * from './runs';
export * from './user-suites';
