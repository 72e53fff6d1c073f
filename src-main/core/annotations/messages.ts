/** Plain-words reports of what happened to the user's annotations at start, in English and Vietnamese. */
import type { Annotation } from '../../shared/types';

/** A message in both UI languages. */
export interface Bilingual {
  en: string;
  vi: string;
}

function counts(list: readonly Annotation[]): Bilingual {
  const h = list.filter((a) => a.kind === 'highlight').length;
  const n = list.length - h;
  const en = [`${h} highlight${h === 1 ? '' : 's'}`, ...(n ? [`${n} note${n === 1 ? '' : 's'}`] : [])].join(', ');
  const vi = [`${h} đoạn tô sáng`, ...(n ? [`${n} ghi chú`] : [])].join(', ');
  return { en, vi };
}

/** annotations.json was damaged and a backup was restored. */
export function restoredMessage(movedAside: string, backupDate: string, restored: readonly Annotation[]): Bilingual {
  const c = counts(restored);
  return {
    en: `annotations.json was damaged; it was kept as ${movedAside} and your annotations from the backup of ${backupDate} were restored (${c.en}).`,
    vi: `Tệp annotations.json bị hỏng; tệp đã được giữ lại với tên ${movedAside} và chú thích của bạn từ bản sao lưu ngày ${backupDate} đã được khôi phục (${c.vi}).`,
  };
}

/** annotations.json was damaged and no usable backup existed. */
export function noBackupMessage(movedAside: string): Bilingual {
  return {
    en: `annotations.json was damaged; it was kept as ${movedAside}. No usable backup was found, so Folio started with an empty list of annotations.`,
    vi: `Tệp annotations.json bị hỏng; tệp đã được giữ lại với tên ${movedAside}. Không tìm thấy bản sao lưu dùng được, nên Folio bắt đầu với danh sách chú thích trống.`,
  };
}

/** Some records could not be read and were set aside. */
export function quarantineMessage(count: number): Bilingual {
  return {
    en: `${count} annotation record${count === 1 ? '' : 's'} could not be read; ${count === 1 ? 'it was' : 'they were'} kept aside in annotations.json (under "quarantine"), not deleted.`,
    vi: `${count} bản ghi chú thích không đọc được; chúng được giữ riêng trong annotations.json (mục "quarantine"), không bị xóa.`,
  };
}

/** The file was upgraded from an older format. */
export function migratedMessage(from: number, count: number): Bilingual {
  return {
    en: `Annotations were upgraded from an older format (version ${from}); ${count} kept. A copy of the old file is in the backups folder.`,
    vi: `Chú thích đã được nâng cấp từ định dạng cũ (phiên bản ${from}); giữ lại ${count} mục. Bản sao tệp cũ nằm trong thư mục backups.`,
  };
}

/** Joins several messages into one per language. */
export function joinMessages(parts: readonly Bilingual[]): Bilingual | undefined {
  if (parts.length === 0) return undefined;
  return { en: parts.map((p) => p.en).join(' '), vi: parts.map((p) => p.vi).join(' ') };
}

/** A lock left by a process that is gone was taken over (never judged by its age or date). */
export function lockTakeoverMessage(t: { pid: number | null; hostname: string | null; futureDated: boolean; reason: 'not-running' | 'pid-reused' | 'unreadable' }): Bilingual {
  if (t.reason === 'unreadable') {
    return {
      en: 'annotations.lock was unreadable and unchanged for a while; Folio took it over.',
      vi: 'Tệp annotations.lock không đọc được và không đổi trong một lúc; Folio đã tiếp quản nó.',
    };
  }
  const whyEn = t.reason === 'pid-reused' ? 'its process number now belongs to another program' : 'that process is no longer running';
  const whyVi = t.reason === 'pid-reused' ? 'số tiến trình đó nay thuộc về chương trình khác' : 'tiến trình đó không còn chạy';
  const dateEn = t.futureDated ? ' The lock was dated in the future (a clock was wrong); its date was not used.' : '';
  const dateVi = t.futureDated ? ' Khóa mang ngày trong tương lai (đồng hồ bị sai); ngày đó không được dùng.' : '';
  return {
    en: `Folio took over annotations.lock left by process ${t.pid ?? '?'} on this computer: ${whyEn}.${dateEn}`,
    vi: `Folio đã tiếp quản annotations.lock do tiến trình ${t.pid ?? '?'} trên máy này để lại: ${whyVi}.${dateVi}`,
  };
}

/** Journal lines failed their checksum: skipped, and the journal kept aside as `keptAs`. */
export function journalDamageMessage(count: number, keptAs: string): Bilingual {
  return {
    en: `${count} line${count === 1 ? '' : 's'} of the annotation journal could not be read and ${count === 1 ? 'was' : 'were'} skipped; the journal was kept as ${keptAs}.`,
    vi: `${count} dòng trong nhật ký chú thích không đọc được và đã được bỏ qua; nhật ký được giữ lại với tên ${keptAs}.`,
  };
}

/** The store opened without writing: the folder is read-only or the disk is full. */
export function degradedOpenMessage(problem: 'disk-full' | 'read-only'): Bilingual {
  return problem === 'disk-full'
    ? {
        en: 'The disk is full: annotations can be read but new ones cannot be saved until some space is freed. Nothing was lost.',
        vi: 'Ổ đĩa đã đầy: vẫn đọc được chú thích nhưng chưa lưu được chú thích mới cho đến khi giải phóng bớt dung lượng. Không có gì bị mất.',
      }
    : {
        en: 'This library folder is read-only: annotations can be read but not saved here. Open it with --data DIR to keep annotations elsewhere.',
        vi: 'Thư mục thư viện này chỉ đọc: có thể xem chú thích nhưng không lưu được ở đây. Mở thư viện với --data DIR để lưu chú thích ở nơi khác.',
      };
}

/** annotations.json belongs to another library: shown as a notice, never adopted silently. */
export function foreignStoreMessage(count: number): Bilingual {
  return {
    en: `The annotations.json in this library comes from another library (${count} annotation${count === 1 ? '' : 's'}). Folio did not adopt it: your own annotations are shown, and saving is paused until you merge it (its annotations are added; the newest edit wins) or move it away.`,
    vi: `Tệp annotations.json trong thư viện này đến từ một thư viện khác (${count} chú thích). Folio không tự nhận nó: chú thích của bạn vẫn được hiển thị, và việc lưu tạm dừng cho đến khi bạn gộp nó vào (thêm các chú thích của nó; bản sửa mới nhất được giữ) hoặc chuyển nó đi chỗ khác.`,
  };
}
