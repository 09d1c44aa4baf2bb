/**
 * Starting points for common OpenAI-compatible services: base URL, the usual name of the key variable, and an
 * example model name. Prices are left to the person (they change; the cost preview uses what is entered).
 */
export interface ModelPreset {
  id: string;
  name: string;
  kind: 'hosted API' | 'gateway' | 'local server';
  baseUrl: string;
  apiKeyEnv: string;
  exampleModel: string;
}

export const MODEL_PRESETS: readonly ModelPreset[] = [
  { id: 'openai', name: 'OpenAI', kind: 'hosted API', baseUrl: 'https://api.openai.com/v1', apiKeyEnv: 'OPENAI_API_KEY', exampleModel: 'gpt-4o-mini' },
  { id: 'anthropic', name: 'Anthropic (OpenAI-compatible)', kind: 'hosted API', baseUrl: 'https://api.anthropic.com/v1', apiKeyEnv: 'ANTHROPIC_API_KEY', exampleModel: 'claude-3-5-haiku-latest' },
  { id: 'gemini', name: 'Google Gemini (OpenAI-compatible)', kind: 'hosted API', baseUrl: 'https://generativelanguage.googleapis.com/v1beta/openai', apiKeyEnv: 'GEMINI_API_KEY', exampleModel: 'gemini-2.0-flash' },
  { id: 'deepseek', name: 'DeepSeek', kind: 'hosted API', baseUrl: 'https://api.deepseek.com/v1', apiKeyEnv: 'DEEPSEEK_API_KEY', exampleModel: 'deepseek-chat' },
  { id: 'groq', name: 'Groq', kind: 'hosted API', baseUrl: 'https://api.groq.com/openai/v1', apiKeyEnv: 'GROQ_API_KEY', exampleModel: 'llama-3.1-8b-instant' },
  { id: 'together', name: 'Together AI', kind: 'hosted API', baseUrl: 'https://api.together.xyz/v1', apiKeyEnv: 'TOGETHER_API_KEY', exampleModel: 'meta-llama/Llama-3.3-70B-Instruct-Turbo' },
  { id: 'openrouter', name: 'OpenRouter', kind: 'gateway', baseUrl: 'https://openrouter.ai/api/v1', apiKeyEnv: 'OPENROUTER_API_KEY', exampleModel: 'openai/gpt-4o-mini' },
  { id: 'ollama', name: 'Ollama', kind: 'local server', baseUrl: 'http://127.0.0.1:11434/v1', apiKeyEnv: '', exampleModel: 'llama3.2' },
  { id: 'vllm', name: 'vLLM', kind: 'local server', baseUrl: 'http://127.0.0.1:8000/v1', apiKeyEnv: '', exampleModel: 'Qwen/Qwen2.5-1.5B-Instruct' },
  { id: 'llama-cpp', name: 'llama.cpp server', kind: 'local server', baseUrl: 'http://127.0.0.1:8080/v1', apiKeyEnv: '', exampleModel: 'local-model' },
  { id: 'lm-studio', name: 'LM Studio', kind: 'local server', baseUrl: 'http://127.0.0.1:1234/v1', apiKeyEnv: '', exampleModel: 'local-model' },
];
