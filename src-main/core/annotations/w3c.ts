/**
 * Export and import as W3C Web Annotation JSON-LD (https://www.w3.org/TR/annotation-model/,
 * https://www.w3.org/TR/annotation-vocab/): an AnnotationCollection whose first page holds every
 * annotation. A highlight targets its article with a TextQuoteSelector and a
 * TextPositionSelector; its note is a TextualBody (purpose commenting, text/markdown) and each tag
 * a TextualBody with purpose tagging. What the model has no term for (article id, language,
 * colour, paragraph) goes in `folio:` properties, so a Folio export re-imports losslessly.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { HIGHLIGHT_COLORS, LANGS, type Annotation } from '../../shared/types';
import { validateAnnotation } from './schema';

const FOLIO_NS = 'urn:x-folio:';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function toIri(id: string): string {
  return UUID.test(id) ? `urn:uuid:${id}` : `${FOLIO_NS}annotation:${encodeURIComponent(id)}`;
}

function fromIri(iri: string): string {
  if (iri.startsWith('urn:uuid:')) return iri.slice('urn:uuid:'.length);
  if (iri.startsWith(`${FOLIO_NS}annotation:`)) return decodeURIComponent(iri.slice(`${FOLIO_NS}annotation:`.length));
  return iri;
}

/** One annotation as a W3C Annotation object. */
function toW3CAnnotation(a: Annotation, source: string): Record<string, unknown> {
  const body: Record<string, unknown>[] = [];
  if (a.note) body.push({ type: 'TextualBody', value: a.note, format: 'text/markdown', purpose: 'commenting' });
  for (const tag of a.tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
  const target: Record<string, unknown> = { source };
  if (a.target) {
    target.selector = [a.target.quote, a.target.position];
    target.styleClass = `folio-${a.color}`;
    target['folio:paragraph'] = a.target.paragraph;
  }
  return {
    id: toIri(a.id),
    type: 'Annotation',
    motivation: a.kind === 'highlight' ? 'highlighting' : 'commenting',
    created: a.created,
    modified: a.updated,
    ...(body.length ? { body } : {}),
    target,
    'folio:articleId': a.articleId,
    'folio:lang': a.lang,
    'folio:color': a.color,
  };
}

/** A W3C AnnotationCollection (JSON-LD) of `annotations`; `articleUri` names each target's source. */
export function toW3C(annotations: Annotation[], articleUri: (a: Annotation) => string): object {
  return {
    '@context': ['http://www.w3.org/ns/anno.jsonld', { folio: FOLIO_NS }],
    id: `${FOLIO_NS}collection:${randomUUID()}`,
    type: 'AnnotationCollection',
    label: 'Folio annotations',
    total: annotations.length,
    first: {
      type: 'AnnotationPage',
      startIndex: 0,
      items: annotations.map((a) => toW3CAnnotation(a, articleUri(a))),
    },
  };
}

const BodySchema = z.object({
  type: z.string().optional(),
  value: z.string(),
  purpose: z.string().optional(),
  format: z.string().optional(),
});

const SelectorSchema = z.looseObject({ type: z.string() });

const TargetSchema = z.union([
  z.string(),
  z.looseObject({
    source: z.string(),
    selector: z.union([SelectorSchema, z.array(SelectorSchema)]).optional(),
    styleClass: z.string().optional(),
    'folio:paragraph': z.number().int().min(0).optional(),
  }),
]);

const W3CAnnotationSchema = z.looseObject({
  id: z.string().min(1).optional(),
  type: z.union([z.literal('Annotation'), z.array(z.string()).refine((t) => t.includes('Annotation'))]),
  motivation: z.union([z.string(), z.array(z.string())]).optional(),
  created: z.string().optional(),
  modified: z.string().optional(),
  body: z.union([BodySchema, z.array(BodySchema)]).optional(),
  target: z.union([TargetSchema, z.array(TargetSchema).min(1)]),
  'folio:articleId': z.string().optional(),
  'folio:lang': z.enum(LANGS).optional(),
  'folio:color': z.enum(HIGHLIGHT_COLORS).optional(),
});

const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** The list of candidate annotation objects inside a collection, a page, an array or one annotation. */
function itemsOf(json: unknown): unknown[] {
  if (Array.isArray(json)) return json;
  if (json && typeof json === 'object') {
    const o = json as Record<string, unknown>;
    const first = o.first;
    if (first && typeof first === 'object' && Array.isArray((first as Record<string, unknown>).items)) {
      return (first as { items: unknown[] }).items;
    }
    if (Array.isArray(o.items)) return o.items;
    return [json];
  }
  return [];
}

/** Options for `fromW3C`. */
export interface FromW3COptions {
  /** Maps a target source IRI to an article id when the item has no `folio:articleId`. */
  articleIdForSource?: (source: string) => string | undefined;
  /** Clock for items without timestamps. */
  now?: () => Date;
}

/** Converts one validated W3C item; returns an Annotation or a reason. */
function fromItem(item: z.infer<typeof W3CAnnotationSchema>, opts: FromW3COptions): Annotation | string {
  const target = asArray(item.target)[0];
  const source = typeof target === 'string' ? target : target?.source ?? '';
  const articleId = item['folio:articleId'] ?? opts.articleIdForSource?.(source);
  if (!articleId) return `no folio:articleId and the source ${source || '(none)'} is not a known article`;
  const selectors = typeof target === 'string' || !target ? [] : asArray(target.selector);
  const quote = selectors.find((s) => s.type === 'TextQuoteSelector');
  const position = selectors.find((s) => s.type === 'TextPositionSelector');
  const bodies = asArray(item.body);
  const note = bodies.find((b) => b.purpose === 'commenting' || (b.purpose === undefined && b.type === 'TextualBody'));
  const styleColor = typeof target === 'object' ? /^folio-(\w+)$/.exec(target.styleClass ?? '')?.[1] : undefined;
  const color = item['folio:color'] ?? (HIGHLIGHT_COLORS as readonly string[]).find((c) => c === styleColor) ?? 'yellow';
  const now = (opts.now ?? (() => new Date()))().toISOString();
  const created = item.created ?? item.modified ?? now;
  const candidate = {
    id: item.id ? fromIri(item.id) : randomUUID(),
    articleId,
    lang: item['folio:lang'] ?? 'und',
    kind: quote ? 'highlight' : 'note',
    target: quote
      ? {
          quote: { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix ?? '', suffix: quote.suffix ?? '' },
          position: position
            ? { type: 'TextPositionSelector', start: position.start, end: position.end }
            : { type: 'TextPositionSelector', start: 0, end: 1 },
          paragraph: typeof target === 'object' ? target['folio:paragraph'] ?? 0 : 0,
        }
      : null,
    color,
    note: note?.value ?? '',
    tags: bodies.filter((b) => b.purpose === 'tagging').map((b) => b.value),
    created,
    updated: item.modified ?? created,
  };
  const v = validateAnnotation(candidate);
  return v.ok ? v.value : v.reason;
}

/**
 * Reads W3C Web Annotation JSON (a collection, a page, an array or a single annotation),
 * validating every item; items that cannot be used are listed in `errors`, never thrown.
 * Import the result with `AnnotationStore.importAnnotations` (idempotent by id).
 */
export function fromW3C(json: unknown, opts: FromW3COptions = {}): { annotations: Annotation[]; errors: string[] } {
  const annotations: Annotation[] = [];
  const errors: string[] = [];
  itemsOf(json).forEach((raw, i) => {
    const parsed = W3CAnnotationSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      errors.push(`item ${i + 1}: not a W3C annotation (${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'})`);
      return;
    }
    const r = fromItem(parsed.data, opts);
    if (typeof r === 'string') errors.push(`item ${i + 1}: ${r}`);
    else annotations.push(r);
  });
  return { annotations, errors };
}
