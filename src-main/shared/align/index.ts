/** Paragraph alignment of two language versions (Gale–Church), shared by the reader and the PDF export. */
export * from './align';
export * from './length-model';
export * from './anchors';
