/**
 * Removes a model's visible reasoning so that only its answer is graded.
 *
 * Reasoning models wrap their chain of thought in tags (DeepSeek-R1 and Qwen3 `<think>`, others `<reasoning>`,
 * `<thinking>`, `<thought>`, OpenThoughts `<|begin_of_thought|>`, Kimi `◁think▷`). Numbers inside that block are
 * intermediate work, never the answer.
 */

interface TagPair {
  open: string;
  close: string;
}

const REASONING_TAGS: TagPair[] = [
  { open: '<think>', close: '</think>' },
  { open: '<thinking>', close: '</thinking>' },
  { open: '<reasoning>', close: '</reasoning>' },
  { open: '<thought>', close: '</thought>' },
  { open: '<|begin_of_thought|>', close: '<|end_of_thought|>' },
  { open: '◁think▷', close: '◁/think▷' },
];

/** Wrappers around the answer itself: the tags go, their content stays. */
const ANSWER_WRAPPERS = /<\|(?:begin|end)_of_solution\|>/g;

export interface StrippedReasoning {
  /** The response without reasoning blocks. */
  text: string;
  /** True when the response opened a reasoning block and never closed it (usually: cut off mid-thought). */
  unclosed: boolean;
}

export function stripReasoning(response: string): StrippedReasoning {
  let text = response;
  let unclosed = false;
  for (const { open, close } of REASONING_TAGS) {
    const lower = () => text.toLowerCase();
    // Closed blocks, one at a time (they can repeat: some models think, answer, think again).
    for (;;) {
      const start = lower().indexOf(open);
      if (start < 0) break;
      const end = lower().indexOf(close, start + open.length);
      if (end < 0) break;
      text = text.slice(0, start) + '\n' + text.slice(end + close.length);
    }
    // A close tag without its opener: the chat template sent `<think>` as part of the prompt (DeepSeek-R1 distills),
    // so everything before the close tag is reasoning.
    const strayClose = lower().lastIndexOf(close);
    if (strayClose >= 0) text = text.slice(strayClose + close.length);
    // An opener that never closes: the rest is unfinished reasoning, not an answer.
    const strayOpen = lower().indexOf(open);
    if (strayOpen >= 0) {
      if (text.slice(0, strayOpen).trim() === '') unclosed = true;
      text = text.slice(0, strayOpen);
    }
  }
  return { text: text.replace(ANSWER_WRAPPERS, '\n').trim(), unclosed };
}
