import { describe, expect, it } from 'vitest';
import { previewText } from './preview';

describe('previewText', () => {
  it('returns short text on one line', () => {
    expect(previewText('a\n b\tc')).toBe('a b c');
  });
  it('keeps head and tail of long text within the limit', () => {
    const text = `${'a'.repeat(300)}${'z'.repeat(300)}`;
    const preview = previewText(text, 50);
    expect(preview).toHaveLength(50);
    expect(preview.startsWith('aaa')).toBe(true);
    expect(preview.endsWith('zzz')).toBe(true);
    expect(preview).toContain(' … ');
  });
});
