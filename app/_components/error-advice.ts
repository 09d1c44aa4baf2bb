/** What a person can do about each kind of error a run or a connection test reports. */
export function errorAdvice(kind: string, model?: { apiKeyEnv?: string | null; baseUrl?: string | null; modelName?: string | null }): string {
  const keyVar = model?.apiKeyEnv ? `set ${model.apiKeyEnv} in the dashboard server's environment and restart it` : 'name the API key variable on the model (Models page) and set it in the server environment';
  switch (kind) {
    case 'rate_limited': return 'The endpoint is throttling: lower the concurrency of the run, then Retry errors.';
    case 'timeout': return 'Answers took too long: raise the timeout, lower concurrency, or check that the server is not overloaded.';
    case 'connection': return `Nothing answered at ${model?.baseUrl ?? 'the base URL'}: is the server running, and is the URL right (ending in /v1)?`;
    case 'server_error': return 'The endpoint failed on its side (5xx): wait a little, then Retry errors.';
    case 'bad_request': return 'The endpoint refused the request: check the model name, max tokens and the reasoning flag on the model.';
    case 'auth': return `The key was refused or missing: ${keyVar}.`;
    case 'not_found': return `The endpoint does not serve "${model?.modelName ?? 'this model'}": check the model name (GET /v1/models lists them).`;
    case 'content_filter': return 'The provider filtered the answer; nothing to retry. Rephrase the probe if this is unexpected.';
    case 'truncated': return 'The answer hit the token limit: raise max tokens on the model or the run.';
    case 'empty_answer': return 'The model returned no text (often a reasoning model out of tokens): raise max tokens.';
    case 'malformed_response': return 'The endpoint answered with something that is not an OpenAI chat completion: check the base URL.';
    default: return 'See the reason column of the results below; Retry errors asks these probes again.';
  }
}
