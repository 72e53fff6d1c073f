/** Types for write-file-atomic 6 (the package ships none). */
declare module 'write-file-atomic' {
  interface Options { encoding?: BufferEncoding; mode?: number; fsync?: boolean; chown?: { uid: number; gid: number } }
  function writeFileAtomic(file: string, data: string | Uint8Array, options?: Options): Promise<void>;
  export default writeFileAtomic;
}
