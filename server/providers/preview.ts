/**
 * A one-line excerpt of model text for an error message, at most `maxChars` long. When the text is longer it keeps
 * the start (what the model was doing) and the end (where it was cut off), which together tell a person whether
 * to raise the token limit or whether the model was rambling.
 */
export function previewText(text: string, maxChars = 200): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  if (oneLine.length <= maxChars) return oneLine;
  const marker = ' … ';
  const room = maxChars - marker.length;
  const head = Math.ceil(room * 0.7);
  return oneLine.slice(0, head) + marker + oneLine.slice(oneLine.length - (room - head));
}
