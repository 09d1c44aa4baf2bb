export * from './cache';
export * from './catalog';
export * from './models';
export * from './profile-cache';
export * from './runs';
export * from './sessions';
export * from './user-suites';
export * from './work-queue';
