/**
 * Word lists for the synthetic corpus. The head of the Vietnamese list is hand-written (common
 * syllables, roughly by frequency); the tail is filled with phonotactically valid syllables
 * (onset × rhyme × tone, with the c/k/g/gh/ng/ngh spelling rules and stop finals taking only
 * sắc/nặng), so the corpus has a few thousand distinct syllables with a realistic Zipf head.
 */
import { normalizeTonePlacement } from '../../src-main/core/search/fold';

const HEAD = `của và các có là được trong cho không những với người một này đã để năm đến về từ khi ra nhiều
theo làm trên tại cũng đó như thì sẽ phải vào nhà nước đi sau hơn lại chỉ nhưng hai việc ông mới bị còn nói họ thể
vì đang đồng công ngày số nên động cùng đây nhất phát nhân thành hội đất quan hiện sự tôi chúng rất biết sinh lên gia
cao đầu định trường quốc dân tế kinh xã giao thời chính tình ta chủ nghĩa học con điều lý giữa trước thế bằng năng mình
tiến tiếp quả lực hành đạo mặt vẫn hoạt tác dụng vụ thông tin ngoài kết tổ chức bộ trình sản xuất thực hợp thứ phần hệ
luôn hình thường chuyện tư đời giới tiếng việt nam hà nội bản thân mà nhận ý kiến yêu cầu hoặc nếu đều tháng trung ương
tỉnh huyện xây dựng bảo vệ phòng an ninh quân đội lãnh đảng cộng viên cán cơ sở pháp luật quyền lợi ích nghiên cứu khoa
kỹ thuật văn hóa giáo dục y môi tài nguyên nông nghiệp thương mại tư doanh phố tiền hàng thị giá trị mức độ tăng trưởng
giảm nhanh chậm lớn nhỏ mạnh yếu tốt xấu cũ đẹp khó dễ sâu rộng dài ngắn nhiệt tâm lòng tay mắt chân lửa trời biển sông
núi rừng cây hoa lá chim cá gà trâu bò lúa gạo cơm ăn uống ngủ chơi đọc viết nghe nhìn thấy muốn cần nghĩ yêu ghét sợ
vui buồn đau khổ sống chết già trẻ em anh chị cha mẹ vợ chồng bạn thầy cô sĩ kỹ sư chiến tranh hòa bình độc lập tự do
hạnh phúc đoàn thống cách mạng kháng lịch sử truyền dân tộc tổ quê hương làng xóm phường đường sân vườn cửa bàn ghế
sách báo chữ lời câu bài thơ nhạc phim ảnh màu đỏ xanh vàng trắng đen sáng tối đêm chiều mùa xuân hạ thu đông mưa nắng
gió bão lạnh nóng ấm dương đương thuỷ thủy hoà`;

/** Multi-syllable words injected as units, so the corpus has real bigrams and phrases. */
export const COMPOUNDS = `dân chủ|chính phủ|kinh tế|xã hội|phát triển|nhân dân|thành phố|giáo dục|văn hóa|lịch sử|
quốc gia|cơ sở|hội đồng|chủ tịch|ủy ban|nhà nước|pháp luật|an ninh|quân đội|môi trường|tài nguyên|nông nghiệp|
công nghiệp|thương mại|đầu tư|doanh nghiệp|thị trường|giá trị|tăng trưởng|khoa học|kỹ thuật|nghiên cứu|học sinh|
sinh viên|giáo viên|bác sĩ|bệnh viện|sức khỏe|gia đình|quê hương|đất nước|dân tộc|độc lập|tự do|hạnh phúc|hòa bình|
chiến tranh|cách mạng|kháng chiến|đoàn kết|thống nhất|truyền thống|phát triển kinh tế|hội đồng nhân dân|
ủy ban nhân dân|dân chủ cơ sở|chủ nghĩa xã hội|cộng hòa xã hội chủ nghĩa|đường phố|con đường|thời gian|
hoạt động|tổ chức|quản lý|chính sách|thông tin|báo chí|lãnh đạo|cán bộ|đảng viên|công dân|quyền lợi|
trách nhiệm|nhiệm vụ|kế hoạch|mục tiêu|kết quả|hiệu quả|chất lượng|số lượng|nguồn lực|nhân lực|
thủy lợi|hòa giải|thuỷ sản|hoà nhập|dương lịch|đương nhiệm|Hà Nội|Sài Gòn|Việt Nam|Hồ Chí Minh|Đà Nẵng`
  .split('|')
  .map((s) => s.trim());

const ONSETS = ['', 'b', 'c', 'ch', 'd', 'đ', 'g', 'gh', 'gi', 'h', 'k', 'kh', 'l', 'm', 'n', 'ng', 'ngh', 'nh', 'p', 'ph', 'qu', 'r', 's', 't', 'th', 'tr', 'v', 'x'];
const SONORANT_RHYMES = `a ai am an ang anh ao au ay ăm ăn ăng âm ân âng âu ây e em en eng eo ê êm ên ênh êu i ia im in inh iu
iêm iên iêng iêu o oa oai oan oang oanh oe oi om on ong ô ôi ôm ôn ông ơ ơi ơm ơn u ua ui um un ung uôi uôm uôn uông
uy uya uyên ư ưa ưi ưng ươi ươn ương ưu`.split(/\s+/);
const STOP_RHYMES = `ac ach at ap ăc ăt ăp âc ât âp ep et êch êt ich ip it iêc iêp iêt oc op ot oat ôc ôp ôt ơp ơt uc up ut uôc
uôt ưc ưt ươc ươp ươt uyêt`.split(/\s+/);
const TONES = ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
const STOP_TONES = ['\u0301', '\u0323'];

function allowed(onset: string, rhyme: string): boolean {
  const front = /^[ieê]/.test(rhyme);
  if (['k', 'gh', 'ngh'].includes(onset)) return front;
  if (['c', 'g', 'ng'].includes(onset)) return !front;
  if (onset === 'qu') return !/^[uoôơư]/.test(rhyme);
  if (onset === 'gi') return !rhyme.startsWith('i');
  return true;
}

/** Deterministic shuffle (mulberry32-seeded Fisher–Yates). */
export function shuffled<T>(items: readonly T[], rand: () => number): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j] as T, a[i] as T];
  }
  return a;
}

export { mulberry32 } from '../../tests/support/prng';

/** `size` distinct Vietnamese syllables, most frequent first. */
export function vietnameseSyllables(size: number, rand: () => number): string[] {
  const out = new Set<string>(HEAD.split(/\s+/).filter(Boolean));
  const extra: string[] = [];
  for (const onset of ONSETS) {
    for (const rhyme of SONORANT_RHYMES) if (allowed(onset, rhyme)) for (const t of TONES) extra.push(normalizeTonePlacement((onset + rhyme + t).normalize('NFC')));
    for (const rhyme of STOP_RHYMES) if (allowed(onset, rhyme)) for (const t of STOP_TONES) extra.push(normalizeTonePlacement((onset + rhyme + t).normalize('NFC')));
  }
  for (const s of shuffled(extra, rand)) {
    if (out.size >= size) break;
    out.add(s);
  }
  return [...out];
}

/** English words for the translated versions, most frequent first. */
export const ENGLISH = `the of and to in a is that for it as was with be by on not he this are or his from at which but have
an they you were her she there been one all we their has would when if so no will more can out other into some could
them time these two may then do first any my now such like our over man me even most made after also did many before must
through back years where much your way well down should because each just those people state how too little world very
still own see men work long get here between both life being under never day same another know while last might us great
old year off come since against go came right used take three states himself few house use during without again place
american around however home small found thought went say part once general high upon school every does got united left
number course war until always away something fact though water less public put think almost hand enough far took head yet
government system better set told nothing night end why called did eyes find going look asked later knew point next
democracy grassroots commune ward province district council committee economy development history culture education
river mountain village street road rice harvest festival market price growth policy law people nation freedom independence`
  .split(/\s+/)
  .filter(Boolean);
