/**
 * Worker entry (a piscina task module): analyses a batch of documents into term lists so the
 * main thread only inserts them. Build entry for electron-vite: `out/main/index-worker.js`.
 */
import { analyzeDoc, type AnalyzedDoc } from './analyze-doc';
import type { DocInput } from './documents';

/** Analyse one batch. */
export default function analyzeBatch(docs: DocInput[]): AnalyzedDoc[] {
  return docs.map(analyzeDoc);
}
