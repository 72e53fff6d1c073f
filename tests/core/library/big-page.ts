/** A generated article page of about `bytes` bytes (Vietnamese paragraphs in nested markup). */
export function bigPage(bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const p = `<div class="c"><p>Đoạn ${i}: nông dân <b>đồng bằng</b> sông Cửu Long <a href="/x${i}">trồng lúa</a> quanh năm, mùa nước nổi về lại đánh cá trên đồng.</p></div>\n`;
    parts.push(p);
    size += Buffer.byteLength(p);
  }
  return `<!doctype html><html lang="vi"><head><title>Mùa nước nổi</title></head><body><article><h1>Mùa nước nổi</h1>${parts.join('')}</article></body></html>`;
}
