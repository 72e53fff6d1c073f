/** The note parser is loaded for snippets only once a note holds Markdown; plain notes read the same either way. */
import { describe, expect, it } from 'vitest';
import { notePlainTextFor } from '../../src-main/core/note-plain-text';
import { notePlainText } from '../../src-main/shared/note-markdown';
import { normaliseNote } from '../../src-main/shared/note-markup';

describe('notePlainTextFor', () => {
  it('keeps plain notes as they are without the parser, then uses the parser once a note needs it', async () => {
    const plainNotes = ['Độ mặn tăng nhanh, 4 g/l.', 'Hỏi lại ông Tư\r\nvề lịch thời vụ.  '];
    const light = await notePlainTextFor(() => plainNotes);
    expect(light).toBe(normaliseNote);
    // What the light converter gives is what the parser would give.
    for (const n of plainNotes) expect(light(n)).toBe(notePlainText(n));
    let asked = 0;
    const full = await notePlainTextFor(() => (asked++, [...plainNotes, '**Ý chính**: [báo cáo](https://example.org)']));
    expect(full('**Ý chính**: [báo cáo](https://example.org)')).toBe('Ý chính: báo cáo');
    // Kept: later calls neither scan the notes nor fall back to the light converter.
    expect(await notePlainTextFor(() => (asked++, []))).toBe(full);
    expect(asked).toBe(1);
  });
});
