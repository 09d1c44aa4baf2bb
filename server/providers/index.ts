export type { ChatMessage, ChatRequest, ChatResult, ChatSuccess, ChatFailure, Provider, ProviderError, TokenUsage } from './types';
export { createOpenAICompatibleProvider, DEFAULT_MAX_RESPONSE_CHARS, DEFAULT_TIMEOUT_MS, type OpenAICompatibleOptions } from './openai-compatible';
export { onAbort } from './on-abort';
