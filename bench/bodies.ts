// The response bodies the benchmark server sends. They follow the shapes of the YCLIENTS samples
// (GET /company/{id}/, GET /companies, GET /records/{company_id}) with invented, deterministic values,
// including Cyrillic text, so the byte counts and the UTF-8 decoding work resemble real answers.

/** Small deterministic generator (xorshift32), so every run serves byte-identical bodies. */
export class Dice {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9;
  }
  next(): number {
    let x = this.state;
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    this.state = x;
    return x / 0x100000000;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)];
  }
}

const SALON_NAMES = ["Ля Визаж", "Бархат", "Северное сияние", "Мята", "Лофт", "Белая орхидея", "Шарм", "Точка красоты"];
const STREETS = ["ул. Талалихина", "Большой Саввинский пер.", "Ленинский пр-т", "ул. Профсоюзная", "наб. Фонтанки"];
const CITIES: ReadonlyArray<[number, string]> = [
  [1, "Москва"],
  [2, "Санкт-Петербург"],
  [3, "Казань"],
];
const SERVICES = ["Стрижка женская", "Окрашивание корней", "Маникюр с покрытием", "Наращивание волос", "Укладка"];
const STAFF_NAMES = ["Анна Смирнова", "Мария Кузнецова", "Ольга Попова", "Елена Васильева", "Ирина Новикова"];
const SPECIALISATIONS = ["парикмахер-стилист", "мастер маникюра", "колорист", "бровист"];
const FIRST_NAMES = ["Екатерина", "Дарья", "Наталья", "Светлана", "Юлия", "Алексей", "Дмитрий"];
const LABELS = ["Постоянный клиент", "Сотрудник не важен", "Первый визит", "Оплата картой"];
const COMMENTS = ["", "", "не записывать", "перезвонить за день", "просила мастера Анну"];

const pad = (n: number) => String(n).padStart(2, "0");

function dateOf(dayOffset: number, hour: number): { date: string; datetime: string } {
  const day = new Date(Date.UTC(2024, 2, 1 + dayOffset, hour, 0, 0));
  const ymd = `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}`;
  return { date: `${ymd} ${pad(hour)}:00:00`, datetime: `${ymd}T${pad(hour)}:00:00+03:00` };
}

/** A company the way GET /companies lists it and GET /company/{id}/ starts it (~560 bytes as JSON). */
export function fakeCompany(id: number): Record<string, unknown> {
  const dice = new Dice(id * 2654435761);
  const [cityId, city] = dice.pick(CITIES);
  return {
    id,
    title: `${dice.pick(SALON_NAMES)} ${id % 100}`,
    short_descr: "Салон красоты",
    logo: "https://yclients.com/images/no-master.png",
    active: 1,
    phone: `+7900${String(1000000 + (id % 9000000)).padStart(7, "0")}`,
    country_id: 1,
    country: "Россия",
    city_id: cityId,
    city,
    timezone_name: "Europe/Moscow",
    address: `${dice.pick(STREETS)}, д. ${dice.int(1, 120)}`,
    coordinate_lat: 55.5 + dice.next(),
    coordinate_lon: 37.3 + dice.next(),
    phone_confirmation: dice.next() < 0.5,
    active_staff_count: dice.int(1, 12),
    next_slot: "2024-03-23T10:10:00+0300",
    currency_short_title: "р",
    group_priority: 900 + (id % 50),
  };
}

/** One appointment in the shape of GET /records/{company_id} items (~1.6 kB as JSON). */
export function fakeRecord(id: number, companyId: number): Record<string, unknown> {
  const dice = new Dice(id * 40503 + 7);
  const staffId = dice.int(1, 40);
  const serviceCount = dice.int(1, 3);
  const services = Array.from({ length: serviceCount }, (_, i) => {
    const cost = dice.int(8, 60) * 100;
    return {
      id: dice.int(1, 500) + i,
      title: dice.pick(SERVICES),
      cost,
      cost_to_pay: cost,
      manual_cost: cost,
      cost_per_unit: cost,
      discount: 0,
      first_cost: cost,
      amount: 1,
    };
  });
  const when = dateOf(dice.int(0, 60), dice.int(9, 20));
  const visitId = 8_000_000 + id;
  const labels = Array.from({ length: dice.int(0, 2) }, () => ({
    id: String(dice.int(10000, 99999)),
    title: dice.pick(LABELS),
    color: "#009800",
    icon: "unlock",
    font_color: "#ffffff",
  }));
  return {
    id,
    company_id: companyId,
    staff_id: staffId,
    services,
    goods_transactions: [],
    staff: {
      id: staffId,
      name: dice.pick(STAFF_NAMES),
      specialization: dice.pick(SPECIALISATIONS),
      position: { id: 1, title: "Мастер" },
      avatar: "https://yclients.com/images/no-master-sm.png",
      avatar_big: "https://yclients.com/images/no-master.png",
      rating: dice.int(0, 5),
      votes_count: dice.int(0, 200),
    },
    client: {
      id: 18_000_000 + dice.int(0, 999_999),
      name: dice.pick(FIRST_NAMES),
      phone: 79_000_000_000 + dice.int(0, 99_999_999),
      email: `client${id}@example.com`,
      success_visits_count: dice.int(0, 40),
      fail_visits_count: dice.int(0, 3),
      discount: 0,
    },
    comer: null,
    clients_count: 1,
    date: when.date,
    datetime: when.datetime,
    create_date: "2024-02-16T20:35:11+0300",
    comment: dice.pick(COMMENTS),
    online: dice.next() < 0.6,
    visit_attendance: 0,
    attendance: dice.pick([0, 1, 2, -1]),
    confirmed: 1,
    seance_length: 3600,
    length: 3600,
    sms_before: 0,
    sms_now: 0,
    sms_now_text: "",
    email_now: 0,
    notified: 0,
    master_request: dice.int(0, 1),
    api_id: "",
    from_url: "",
    review_requested: 0,
    visit_id: String(visitId),
    created_user_id: 1_073_232,
    deleted: false,
    paid_full: 0,
    prepaid: false,
    prepaid_confirmed: false,
    last_change_date: "2024-02-16T20:35:15+0300",
    custom_color: "",
    custom_font_color: "",
    record_labels: labels,
    activity_id: 0,
    custom_fields: [],
    documents: [
      {
        id: 8_172_893 + id,
        type_id: 7,
        storage_id: 0,
        user_id: 746_310,
        company_id: companyId,
        number: 4000 + (id % 1000),
        comment: "",
        date_created: when.date,
        category_id: 0,
        visit_id: visitId,
        record_id: id,
        type_title: "Визит",
        is_sale_bill_printed: false,
      },
    ],
    sms_remain_hours: 5,
    email_remain_hours: 1,
    bookform_id: 0,
    record_from: "",
    is_mobile: 0,
    is_sale_bill_printed: false,
    consumables: [],
    finance_transactions: [],
  };
}

export const BENCH_COMPANY_ID = 4564;
export const PAGE_SIZE = 50;
/** meta.total_count of the generated /companies listing the pagination memory test walks. */
export const PAGED_TOTAL = 100_000;

/** GET /company/{id}/: one small object (the "tiny" body). */
export function smallBody(): string {
  return JSON.stringify({ success: true, data: fakeCompany(BENCH_COMPANY_ID), meta: {} });
}

/** A page of 50 appointments (the "records page" body). */
export function recordsPageBody(): string {
  const data = Array.from({ length: PAGE_SIZE }, (_, i) => fakeRecord(100_000 + i, BENCH_COMPANY_ID));
  return JSON.stringify({ success: true, data, meta: { page: 1, total_count: 1234 } });
}

/** One page of the 100 000-company listing, generated on request so the server holds nothing. */
export function companiesPageBody(page: number, count: number): string {
  const first = (page - 1) * count + 1;
  const last = Math.min(PAGED_TOTAL, first + count - 1);
  const data: Record<string, unknown>[] = [];
  for (let id = first; id <= last; id++) data.push(fakeCompany(id));
  return JSON.stringify({ success: true, data, meta: { page, count: data.length, total_count: PAGED_TOTAL } });
}
