/**
 * A small, safe Markdown view for notes: paragraphs, line breaks, lists, **bold**, *italic*,
 * `code` and [links](url) rendered as React elements — never as HTML, so a note cannot inject markup.
 * Links show their text and URL but are not clickable in the note view.
 */
import type { ReactNode } from 'react';

// `_x_` is emphasis only at word edges, so snake_case and __dunder__ names stay literal.
const INLINE = /(\*\*[^*]+\*\*|\*[^*\s][^*]*\*|(?<![\p{L}\p{N}_])_[^_\s][^_]*_(?![\p{L}\p{N}_])|`[^`]+`|\[[^\]]+\]\([^)]+\))/gu;

function inline(text: string, key: string): ReactNode[] {
  return text.split(INLINE).map((part, i) => {
    const k = `${key}-${i}`;
    if (/^\*\*.+\*\*$/.test(part)) return <strong key={k}>{part.slice(2, -2)}</strong>;
    if (/^(\*|_).+(\*|_)$/.test(part) && part.length > 2) return <em key={k}>{part.slice(1, -1)}</em>;
    if (/^`.+`$/.test(part)) return <code key={k}>{part.slice(1, -1)}</code>;
    const link = /^\[([^\]]+)\]\(([^)]+)\)$/.exec(part);
    if (link) return <span key={k} className="md-link" title={link[2]}>{link[1]}</span>;
    return part;
  });
}

export interface MarkdownProps {
  text: string;
}

/** Renders note Markdown as safe React elements. */
export function Markdown({ text }: MarkdownProps) {
  const blocks = text.split(/\n{2,}/).filter((b) => b.trim());
  return (
    <div className="markdown">
      {blocks.map((block, b) => {
        const lines = block.split('\n');
        if (lines.every((l) => /^\s*([-*]|\d+\.)\s+/.test(l))) {
          const ordered = /^\s*\d+\./.test(lines[0] ?? '');
          const items = lines.map((l, i) => <li key={i}>{inline(l.replace(/^\s*([-*]|\d+\.)\s+/, ''), `${b}-${i}`)}</li>);
          return ordered ? <ol key={b}>{items}</ol> : <ul key={b}>{items}</ul>;
        }
        const heading = /^(#{1,6})\s+(.*)$/.exec(block);
        if (heading && lines.length === 1) return <p key={b} className="md-heading">{inline(heading[2] ?? '', `${b}`)}</p>;
        return (
          <p key={b}>
            {lines.flatMap((l, i) => (i ? [<br key={`br${i}`} />, ...inline(l, `${b}-${i}`)] : inline(l, `${b}-${i}`)))}
          </p>
        );
      })}
    </div>
  );
}
