/**
 * Rules that recognise the furniture of scraped news pages. Each rule is general: it looks at a
 * line's shape (length, separators, punctuation) plus a small vocabulary of the words such
 * widgets are made of, in Vietnamese and English, never at one site's exact strings.
 */
import { isAllCaps, isCapitalised, splitOnSeparators, wordCount, endsLikeSentence } from './line-shape';

/** Names of languages as written on language switchers, and their short codes. */
const LANGUAGE_NAMES =
  /^(tiếng việt|việt nam|vietnamese|english|tiếng anh|français|francais|french|deutsch|español|espanol|русский|中文|简体中文|繁體中文|日本語|한국어|ລາວ|ភាសាខ្មែរ|ไทย|vi|vn|en|eng|fr|de|es|ru|zh|cn|ja|jp|ko|kr|lo|km|th)$/iu;

/** A language switcher: "Tiếng Việt | English", "VI / EN". */
export function isLanguageSwitcher(line: string): boolean {
  if (line.length > 80) return false;
  const parts = line.split(/\s*[|/·•]\s*|\s{2,}/u).map((p) => p.trim()).filter(Boolean);
  return parts.length >= 2 && parts.every((p) => LANGUAGE_NAMES.test(p));
}

/** A menu or breadcrumb: several short items between separators, no sentence punctuation. */
export function isMenuLine(line: string): boolean {
  if (line.length > 160 || endsLikeSentence(line)) return false;
  const parts = splitOnSeparators(line);
  if (parts.length < 2) return false;
  const short = parts.every((p) => wordCount(p) <= 5 && p.length <= 40);
  const strongSep = /[»›>|]/u.test(line);
  return short && (parts.length >= 3 || (strongSep && parts.every((p) => wordCount(p) <= 3)));
}

/** Words that share, comment, print, follow and navigation widgets are made of. */
const WIDGET_WORDS = new Set(
  (
    'chia sẻ bài viết gửi in bình luận ý kiến bạn đọc thích lưu theo dõi quay lại về trang chủ đầu ' +
    'lên top tweet share this article story page post on facebook twitter zalo linkedin email e-mail ' +
    'print comment comments like save follow us back to tweet copy link sao chép liên kết báo ' +
    'xem tiếp tục đọc trả lời reply read more font size cỡ chữ a+ a- nghe audio tải về download pdf ' +
    'đánh giá rate tags tag từ khóa từ khoá keywords đã copied thành công mới nhất cũ nhất see more readers reader views ' +
    'đăng ký subscribe loading'
  ).split(' '),
);

/** A share/comment/print widget label ("Chia sẻ bài viết", "Share this article", "BÌNH LUẬN"). */
export function isWidgetLine(line: string): boolean {
  if (line.length > 60) return false;
  const words = line.toLowerCase().match(/[\p{L}\p{N}+-]+/gu) ?? [];
  if (words.length === 0) return true; // only symbols: icons, bullets, "|||"
  if (words.length > 6 || words.every((w) => /^\d+$/.test(w))) return false;
  return words.every((w) => WIDGET_WORDS.has(w) || /^\d+$/.test(w));
}

/** Field labels of a comment or contact form ("Họ tên:(*)", "Email (*)", "Gửi bình luận"). */
export function isFormLine(line: string): boolean {
  if (line.length > 80) return false;
  if (/\(\s*\*\s*\)|\*\s*$/.test(line)) return true;
  return /^(họ\s*(và\s*)?tên|tên\s+của\s+bạn|your\s+name|name|email|e-mail|điện\s+thoại|số\s+điện\s+thoại|nội\s+dung|mã\s+(xác\s+nhận|bảo\s+vệ)|captcha|tiêu\s+đề|gửi|gửi\s+(ý\s+kiến|bình\s+luận|bài|góp\s+ý)|website|submit|send|post\s+comment|leave\s+a\s+(reply|comment)|quy\s+định\s+bình\s+luận|nhập\s+.*)\s*[:：]?\s*$/iu.test(line.trim());
}

/** A strong footer mark: copyright, "all rights reserved", a press licence. Safe anywhere. */
export function isStrongFooter(line: string): boolean {
  if (line.length > 300) return false;
  return /©|\(c\)\s*\d{4}|copyright|all rights reserved|bản quyền thuộc|giữ bản quyền|giấy phép (số|xuất bản|hoạt động|thiết lập)|gp\s*số|license no|licence no/iu.test(line);
}

/** Footer fields (address, phone, fax, hotline, visitor counters, editors) in a page's tail. */
export function isFooterLine(line: string): boolean {
  if (isStrongFooter(line)) return true;
  if (line.length > 200) return false;
  return /^(địa chỉ|trụ sở|address|văn phòng|điện thoại|đt|tel|phone|fax|e-?mail|hotline|đường dây nóng|lượt truy cập|lượt xem|đang truy cập|đang online|online|trực tuyến|visitors?|hôm nay|tổng (số )?lượt|tổng biên tập|phó tổng biên tập|chịu trách nhiệm|cơ quan chủ quản|((đề nghị|vui lòng|yêu cầu)\s+)?ghi rõ nguồn|please (cite|credit)|powered by|thiết kế bởi|designed by|contact us|liên hệ|about us|privacy policy|terms of (use|service)|điều khoản|chính sách)(?![\p{L}\p{N}])/iu.test(
    line.trim(),
  );
}

/** Headings that introduce lists of other articles ("Tin liên quan", "Related stories"). */
export function isRelatedHeading(line: string): boolean {
  if (line.length > 50 || endsLikeSentence(line.replace(/:$/, ''))) return false;
  return /^(tin|bài|bài viết|các tin|các bài|tin tức|chủ đề)?\s*(liên quan|khác|cùng chuyên mục|mới( nhất| đăng)?|đọc nhiều( nhất)?|xem nhiều( nhất)?|nổi bật|đã đưa)\s*:?$|^(xem thêm|đọc thêm|có thể bạn quan tâm|bạn có thể quan tâm|related( stories| articles| news| posts| content)?|more (stories|news|from|on)\b.*|read (more|next|also)|see also|you (may|might) also like|most (read|popular|viewed)|latest( news| stories)?|trending|recommended( for you)?|also in .*)\s*:?$/iu.test(
    line.trim(),
  );
}

/** A photo caption: ends with a credit such as "Ảnh: Q. Hùng", "(Ảnh: TTXVN)", "Photo: Reuters". */
export function isCaptionLine(line: string): boolean {
  if (line.length > 400) return false;
  const t = line.trim();
  if (/^(tin|bài)\s*(,|và)?\s*ảnh\s*:/iu.test(t)) return false; // "Tin, ảnh: Name" is a byline
  return /(^|[\s.(\-–—])(ảnh|nguồn ảnh|photo|picture|image|credit|ảnh minh họa|ảnh minh hoạ)\s*(:|minh (họa|hoạ))\s*[^.]{1,60}\)?\.?$|\((ảnh|photo)[^)]{0,60}\)\.?$|^(ảnh|photo)\s*:/iu.test(t) ||
    // English credits: "… Photo by VnExpress/Name", "… — VNA/VNS Photo Name", "(Photo courtesy of X)".
    /(^|[\s.(])(photo|picture|image)s?\s+(by|courtesy of|credit)\s+[^.]{1,60}\)?\.?$/iu.test(t) ||
    /[—–-]\s*[\p{Lu}\p{N}][\p{L}\p{N}/+.&-]*\s+([Pp]hoto|PHOTO|[Ảả]nh|ẢNH)s?\s+[^.]{1,50}\.?$/u.test(t);
}

/** Source line: "Nguồn: Danvan.vn", "Source: Example News", "Theo báo Nhân Dân". Returns the source. */
export function matchSource(line: string): string | null {
  if (line.length > 120) return null;
  const t = line.trim().replace(/^\(|\)$/g, '');
  let m = /^(nguồn|source|nguồn tin|via)\s*[:：]\s*(.+)$/iu.exec(t);
  if (m?.[2]) return m[2].trim().replace(/[.]$/, '');
  m = /^theo\s+((báo|tạp chí|trang|cổng|đài|website|thông tấn xã|tờ)\s+.+|[\p{L}\d-]+\.(vn|com|net|org|gov\.vn|com\.vn)\b.*|ttxvn.*|vtv.*|vov.*)$/iu.exec(t);
  if (m?.[1]) return m[1].trim().replace(/[.]$/, '');
  return null;
}

/** Prefixes that introduce a byline ("Tác giả:", "Tin, ảnh:", "By", "—"). */
const BYLINE_PREFIX = /^(?:by|tác giả|bài và ảnh|bài, ảnh|tin và ảnh|tin, ảnh|tin ảnh|ảnh và bài|bài|pv|phóng viên|nhóm phóng viên|thực hiện|theo|written by|reporting by|story by|reported by|[—–-])\s*[:：]?\s+(.+)$/iu;

/**
 * Byline: "Kỳ Nam", "H. Hạnh", "Quốc Hùng - Văn Minh", "Theo Mai Anh", "By John Smith",
 * "NGUYỄN HẢI" (returned as "Nguyễn Hải"), "Hà Linh (TTXVN)" (the outlet goes to `matchBylineSource`).
 * A bare name needs two words: one capitalised word ("Website", "VNS") is a label or an agency code.
 */
export function matchByline(line: string): string | null {
  const t = line.trim();
  if (t.length > 80) return null;
  const m = BYLINE_PREFIX.exec(t);
  let name = (m?.[1] ?? t).trim();
  const outlet = /^(.+?)\s*\(([^()]{2,40})\)$/u.exec(name);
  if (outlet?.[1]) name = outlet[1].trim();
  else name = name.replace(/^\(|\)$/g, '').trim();
  if (!isNameLike(name)) return null;
  if (!m && name.split(/\s+/u).length < 2) return null;
  return titleCaseName(name);
}

/** The outlet of a "Name (Outlet)" byline, or null. */
export function matchBylineSource(line: string): string | null {
  const m = /^(.+?)\s*\(([^()]{2,40})\)$/u.exec(line.trim().replace(BYLINE_PREFIX, '$1'));
  return m?.[1] && m[2] && isNameLike(m[1].trim()) ? m[2].trim() : null;
}

/** A name printed in capitals ("NGUYỄN VĂN AN") as people write it ("Nguyễn Văn An"). */
export function titleCaseName(name: string): string {
  if (!isAllCaps(name)) return name;
  return name.toLowerCase().replace(/(^|[\s\-–.(])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
}

/** A short run of capitalised words and initials, optionally joined by "-", ",", "và", "and". */
function isNameLike(s: string): boolean {
  if (s.length < 2 || s.length > 50 || /\d/.test(s)) return false;
  if (/[!?;:…"“”]/.test(s)) return false;
  const names = s.split(/\s*(?:[-–,&]|(?<![\p{L}\p{N}])(?:và|and)(?![\p{L}\p{N}]))\s*/u).filter(Boolean);
  if (names.length === 0 || names.length > 4) return false;
  return names.every((n) => {
    const words = n.split(/\s+/);
    return words.length >= 1 && words.length <= 4 && (isCapitalised(n) || isAllCaps(n)) &&
      words.every((w) => /^\p{Lu}[\p{L}'’]*\.?$/u.test(w) || /^\p{Lu}\.$/u.test(w));
  });
}

/** "Lượt xem: 1.234", "Views: 56", "1,204 views": a view counter. */
export function isViewCounter(line: string): boolean {
  return /^(lượt xem|lượt đọc|số lượt xem|lượt truy cập|views?|reads?|đã xem)\s*[:：]?\s*[\d.,]+$|^[\d.,]+\s+(lượt xem|views?|reads?)$/iu.test(line.trim());
}

/** "[Quay lại] [In bài] [Gửi bài]": a row of bracketed links. */
export function isLinkRow(line: string): boolean {
  return /^(?:\[[^\]]{1,30}\]\s*[|·]?\s*){2,}$/u.test(line.trim());
}

/** "Tags: …", "Từ khóa: …", "Chủ đề: …", "#tag #tag": a tag list. */
export function isTagsLine(line: string): boolean {
  const t = line.trim();
  if (t.length > 200) return false;
  return /^(tags?|từ khóa|từ khoá|chủ đề|keywords?|topics?)\s*[:：]/iu.test(t) || /^(#[\p{L}\p{N}_-]+\s*){1,10}$/u.test(t);
}

/** "Trở lại Thời sự", "Back to News", "Về trang chủ": a link back to a section. */
export function isBackLink(line: string): boolean {
  const t = line.trim();
  return t.length <= 50 && !endsLikeSentence(t) && /^(trở lại|trở về|quay lại|quay về|về|back to|return to)\s+\S/iu.test(t) && wordCount(t) <= 6;
}

/** Comment-section headers: "Ý kiến (12)", "3 thoughts on “…”", "Bình luận của bạn", "Readers' views". */
export function isCommentHeader(line: string): boolean {
  const t = line.trim();
  if (t.length > 140) return false;
  return /^\d+\s+(thoughts?|comments?|responses?|replies|bình luận|ý kiến)(?![\p{L}\p{N}])/iu.test(t) ||
    /^(ý kiến|bình luận|comments?|readers'? (views|comments))\s*(\(\d+\)|của bạn|bạn đọc)?\s*:?$/iu.test(t);
}

/** Newsletter boxes: "Đăng ký nhận bản tin", "Get our newsletter", "… in your inbox every morning." */
export function isNewsletterLine(line: string): boolean {
  const t = line.trim();
  return wordCount(t) <= 16 && /newsletter|subscribe|sign up|đăng ký nhận|nhận bản tin|your inbox|hộp thư của bạn|qua email của bạn/iu.test(t);
}
