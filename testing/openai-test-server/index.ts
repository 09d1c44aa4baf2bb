export { startOpenAITestServer, type OpenAITestServer, type OpenAITestServerOptions, type RequestLogEntry } from './server';
export type { Fault, FaultRule, StatusFault } from './faults';
