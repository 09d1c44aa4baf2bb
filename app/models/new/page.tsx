import { ModelForm } from '../_components/model-form';

export const metadata = { title: 'Add a model — Sawtooth' };

export default function NewModelPage() {
  return (
    <>
      <h1>Add a model</h1>
      <p className="subtitle">Any OpenAI-compatible chat endpoint: OpenAI, OpenRouter, vLLM, Ollama, llama.cpp, LM Studio, …</p>
      <ModelForm />
    </>
  );
}
