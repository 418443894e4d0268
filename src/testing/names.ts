// Invented people and places: word lists and the draws that put them together. Names are common given names
// and surnames put together at random; phones are random digits; none of it describes a real person.
import { intBetween, pick, type Random } from "./prng.js";

/** A word list written as text: the words between white space. */
const words = (list: string): string[] => list.trim().split(/\s+/);

const FEMALE_NAMES = words(`Анна Мария Елена Ольга Наталья Ирина Татьяна Светлана
  Юлия Дарья Ксения Алина Виктория Полина Вероника Екатерина`);
const MALE_NAMES = words(`Алексей Дмитрий Сергей Андрей Михаил Иван Николай Павел Артём Максим Егор Роман`);
/** Surname stems; the feminine form adds "а". */
const SURNAMES = words(`Смирнов Кузнецов Попов Соколов Лебедев Козлов Новиков Морозов Волков Соловьёв
  Васильев Зайцев Павлов Семёнов Голубев Виноградов Богданов Воробьёв Фёдоров Михайлов`);
const MALE_PATRONYMICS = words(`Алексеевич Дмитриевич Сергеевич Андреевич Игоревич Павлович Викторович`);
const FEMALE_PATRONYMICS = MALE_PATRONYMICS.map((p) => p.replace(/ич$/, "на"));

/** Seven in ten people are women. */
export const drawFemale = (rnd: Random): boolean => rnd() < 0.7;
export const drawSurnameStem = (rnd: Random): string => pick(rnd, SURNAMES);

/** A name and patronymic drawn for a surname stem (the feminine surname adds "а"). */
export function fullName(rnd: Random, female: boolean, stem: string) {
  const name = pick(rnd, female ? FEMALE_NAMES : MALE_NAMES);
  return {
    name,
    surname: female ? stem + "а" : stem,
    patronymic: pick(rnd, female ? FEMALE_PATRONYMICS : MALE_PATRONYMICS),
  };
}

/** A person's names and sex (`sex_id` 2 a woman, 1 a man). */
export function person(rnd: Random): { name: string; surname: string; patronymic: string; sex_id: number } {
  const female = drawFemale(rnd);
  return { ...fullName(rnd, female, drawSurnameStem(rnd)), sex_id: female ? 2 : 1 };
}

/** A made-up Russian mobile number, digits only. */
export const phone = (rnd: Random): string => "79" + String(intBetween(rnd, 0, 999_999_999)).padStart(9, "0");

/** A `YYYY-MM-DD` birth date in the years given. */
export function birthDate(rnd: Random, firstYear: number, lastYear: number): string {
  const two = (n: number) => String(n).padStart(2, "0");
  return `${intBetween(rnd, firstYear, lastYear)}-${two(intBetween(rnd, 1, 12))}-${two(intBetween(rnd, 1, 28))}`;
}

const MOSCOW_STREETS = ["ул. Тверская", "ул. Арбат", "Ленинский пр-т", "ул. Профсоюзная", "ул. Покровка"];
const PETERSBURG_STREETS = ["Невский пр-т", "ул. Рубинштейна", "Каменноостровский пр-т", "ул. Марата"];
export const CITIES = [
  { id: 2, title: "Москва", lat: 55.75, lon: 37.62, streets: MOSCOW_STREETS },
  { id: 3, title: "Санкт-Петербург", lat: 59.94, lon: 30.31, streets: PETERSBURG_STREETS },
];

export const CHAIN_TITLES = ["Лаванда", "Белый лотос", "Мята", "Ла Роза", "Северное сияние"];

export const POSITIONS = ["Мастер", "Топ-мастер", "Стилист", "Администратор"];

/** The service catalogue the seeder samples from, section by section: price in roubles, duration in minutes. */
const SERVICES: ReadonlyArray<[section: string, title: string, price: number, minutes: number]> = [
  ["Парикмахерские услуги", "Стрижка женская", 2500, 60],
  ["Парикмахерские услуги", "Стрижка мужская", 1500, 45],
  ["Парикмахерские услуги", "Окрашивание в один тон", 5500, 120],
  ["Парикмахерские услуги", "Укладка", 1800, 45],
  ["Ногтевой сервис", "Маникюр с покрытием гель-лак", 2200, 90],
  ["Ногтевой сервис", "Маникюр без покрытия", 1300, 60],
  ["Ногтевой сервис", "Педикюр", 2700, 90],
  ["Косметология", "Чистка лица", 4000, 90],
  ["Косметология", "Массаж лица", 2500, 45],
  ["Косметология", "Пилинг", 3200, 60],
  ["Брови и ресницы", "Коррекция бровей", 900, 30],
  ["Брови и ресницы", "Окрашивание бровей", 800, 30],
  ["Брови и ресницы", "Ламинирование ресниц", 2800, 60],
];
const SPECIALIZATIONS = {
  "Парикмахерские услуги": "Парикмахер-стилист",
  "Ногтевой сервис": "Мастер маникюра",
  Косметология: "Косметолог",
  "Брови и ресницы": "Бровист",
};
export const CATALOGUE = Object.entries(SPECIALIZATIONS).map(([section, specialization]) => ({
  title: section,
  specialization,
  services: SERVICES.filter((s) => s[0] === section).map(([, title, price, minutes]) => ({ title, price, minutes })),
}));

/** Weekly patterns (0 = Sunday): days on and working hours. */
export const SCHEDULES: ReadonlyArray<{ days: number[]; from: string; to: string }> = [
  { days: [1, 2, 3, 4, 5], from: "10:00", to: "19:00" },
  { days: [2, 3, 4, 5, 6], from: "11:00", to: "20:00" },
  { days: [1, 3, 5, 6], from: "09:00", to: "18:00" },
  { days: [0, 2, 4, 6], from: "12:00", to: "21:00" },
  { days: [1, 2, 4, 5, 0], from: "10:00", to: "20:00" },
];
