/** Errors of the PDF export, with a stable `code` the UI translates. */

/** Stable error codes of the PDF export. */
export type PdfExportErrorCode = 'PDF_FONTS_MISSING' | 'PDF_BAD_OPTIONS' | 'PDF_NOTHING_TO_EXPORT';

/** An export failure; `message` is English, `code` is for the UI. */
export class PdfExportError extends Error {
  constructor(
    readonly code: PdfExportErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'PdfExportError';
  }
}
