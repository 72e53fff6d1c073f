/**
 * A hand edit of an article version's metadata (title, date, author, source, language, tags):
 * validated the same way from the CLI, the API and the edits file. Pure: the renderer imports it.
 */
import { z } from 'zod';

/** One version's edited fields; an absent field keeps what the parser found, null clears it. */
export const MetadataEditSchema = z.object({
  title: z.string().trim().min(1).max(500).optional(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?$/, 'date must be YYYY-MM-DD or YYYY-MM-DDTHH:MM').nullable().optional(),
  author: z.string().trim().max(200).nullable().optional(),
  source: z.string().trim().max(200).nullable().optional(),
  lang: z.enum(['vi', 'en', 'und']).optional(),
  tags: z.array(z.string().trim().min(1).max(80)).max(100).optional(),
}).strict();

/** A validated metadata edit. */
export type MetadataEdit = z.infer<typeof MetadataEditSchema>;
