export * from './catalog';
export * from './models';
export * from './runs';
