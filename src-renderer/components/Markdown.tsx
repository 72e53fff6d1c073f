/**
 * A safe Markdown view for notes: the shared note parser (`@shared/note-markdown`, also used by
 * the PDF) rendered as React elements — never as HTML, so a note cannot inject markup. Links
 * show their text (URL on hover) but are not clickable in the note view; unsafe ones are text.
 */
import { useMemo, type ReactNode } from 'react';
import { parseNote, type NoteBlock, type NoteInline } from '@shared/note-markdown';

function inlines(nodes: readonly NoteInline[]): ReactNode[] {
  return nodes.map((n, i) => {
    switch (n.type) {
      case 'text':
        return n.text;
      case 'br':
        return <br key={i} />;
      case 'code':
        return <code key={i}>{n.text}</code>;
      case 'strong':
        return <strong key={i}>{inlines(n.children)}</strong>;
      case 'em':
        return <em key={i}>{inlines(n.children)}</em>;
      case 'del':
        return <del key={i}>{inlines(n.children)}</del>;
      case 'link':
        return (
          <span key={i} className="md-link" title={n.href}>
            {inlines(n.children)}
          </span>
        );
    }
  });
}

function blocks(list: readonly NoteBlock[]): ReactNode[] {
  return list.map((b, i) => {
    switch (b.type) {
      case 'paragraph':
        return <p key={i}>{inlines(b.children)}</p>;
      case 'heading':
        return (
          <p key={i} className="md-heading">
            {inlines(b.children)}
          </p>
        );
      case 'list': {
        const items = b.items.map((item, j) => <li key={j}>{blocks(item)}</li>);
        return b.ordered ? (
          <ol key={i} start={b.start === 1 ? undefined : b.start}>
            {items}
          </ol>
        ) : (
          <ul key={i}>{items}</ul>
        );
      }
      case 'quote':
        return <blockquote key={i}>{blocks(b.children)}</blockquote>;
      case 'code':
        return (
          <pre key={i}>
            <code>{b.text}</code>
          </pre>
        );
      case 'table':
        return (
          <div key={i} className="md-table">
            <table>
              <thead>
                <tr>
                  {b.head.map((cell, j) => (
                    <th key={j} style={b.align[j] ? { textAlign: b.align[j] } : undefined}>
                      {inlines(cell)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {b.rows.map((row, r) => (
                  <tr key={r}>
                    {row.map((cell, j) => (
                      <td key={j} style={b.align[j] ? { textAlign: b.align[j] } : undefined}>
                        {inlines(cell)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      case 'rule':
        return <hr key={i} />;
    }
  });
}

export interface MarkdownProps {
  text: string;
}

/** Renders note Markdown as safe React elements. */
export function Markdown({ text }: MarkdownProps) {
  // Notebook lists re-render many cards: parse a note once per text.
  const parsed = useMemo(() => parseNote(text), [text]);
  return <div className="markdown">{blocks(parsed)}</div>;
}
