export { createEndpointScheduler, type EndpointScheduler, type EndpointSchedulerOptions, type ScheduledResult, type SchedulerStats } from './endpoint-scheduler';
