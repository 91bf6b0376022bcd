/**
 * Business minutes for 1 million (created, first reply) pairs over 2025 in Europe/Berlin with the
 * German public holidays, beside (a) a straightforward date-fns implementation that walks day by
 * day and (b) dayjs-business-time and moment-business-time, on samples, in the same run. Those
 * packages work in the host's zone, so this process runs with TZ=Europe/Berlin.
 * Targets (issue #3): ≥ 10 million pairs a second; ≥ 100x faster than (a); ≥ 1000x faster than (b).
 */
process.env.TZ = "Europe/Berlin";

import { pathToFileURL } from "node:url";
import { TZDate } from "@date-fns/tz";
import { addDays, format, getDay, startOfDay } from "date-fns";
import dayjs from "dayjs";
import dayjsBusinessTime from "dayjs-business-time";
import moment from "moment";
import "moment-business-time";
import { quantile } from "simple-statistics";
import { businessCalendar, businessMinutes, percentiles } from "../src/index.js";
import { measure, ratioRow } from "./lib.js";

const HOLIDAYS = [
  "2025-01-01",
  "2025-04-18",
  "2025-04-21",
  "2025-05-01",
  "2025-05-29",
  "2025-06-09",
  "2025-10-03",
  "2025-12-25",
  "2025-12-26",
];
const ZONE = "Europe/Berlin";

/** (a) The straightforward way: walk the days with date-fns and add each day's overlap. */
function dateFnsWalk(start: number, end: number): number {
  let total = 0;
  for (let day = startOfDay(new TZDate(start, ZONE)); day.getTime() < end; day = addDays(day, 1)) {
    const weekday = getDay(day);
    if (weekday === 0 || weekday === 6 || HOLIDAYS.includes(format(day, "yyyy-MM-dd"))) continue;
    const open = new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), 9, 0, ZONE).getTime();
    const close = new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), 17, 0, ZONE).getTime();
    const from = Math.max(open, start);
    const to = Math.min(close, end);
    if (to > from) total += to - from;
  }
  return total / 60_000;
}

/** moment-business-time's working minutes from a to b (its types do not declare the plugin method). */
function workingDiff(later: number, earlier: number): number {
  const m = moment(later) as unknown as {
    workingDiff(other: moment.Moment, unit: "minutes", precise: boolean): number;
  };
  return m.workingDiff(moment(earlier), "minutes", true);
}

function pairs(count: number): { created: Float64Array; replied: Float64Array } {
  const created = new Float64Array(count);
  const replied = new Float64Array(count);
  let seed = 2025;
  const next = (): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 4294967296;
  };
  const yearStart = Date.UTC(2025, 0, 1);
  for (let i = 0; i < count; i++) {
    created[i] = yearStart + Math.floor(next() * 364 * 86_400) * 1000;
    replied[i] = created[i]! + Math.floor(-Math.log(1 - next()) * 8 * 3600) * 1000; // mean 8 hours
  }
  return { created, replied };
}

export function benchTime(): string[] {
  const calendar = businessCalendar({
    timeZone: ZONE,
    week: {
      mon: [["09:00", "17:00"]],
      tue: [["09:00", "17:00"]],
      wed: [["09:00", "17:00"]],
      thu: [["09:00", "17:00"]],
      fri: [["09:00", "17:00"]],
    },
    holidays: HOLIDAYS,
  });
  const N = 1_000_000;
  const { created, replied } = pairs(N);
  const ours = (from: number, to: number): number => {
    let sum = 0;
    for (let i = from; i < to; i++) sum += businessMinutes(calendar, created[i]!, replied[i]!);
    return sum;
  };
  businessMinutes(calendar, created[0]!, replied[0]!); // builds the index (not part of the per-pair cost)

  dayjs.extend(dayjsBusinessTime);
  const nineToFive = [{ start: "09:00:00", end: "17:00:00" }];
  dayjs.setBusinessTime({
    sunday: null,
    monday: nineToFive,
    tuesday: nineToFive,
    wednesday: nineToFive,
    thursday: nineToFive,
    friday: nineToFive,
    saturday: null,
  });
  dayjs.setHolidays(HOLIDAYS);
  moment.updateLocale("en", {
    workinghours: {
      0: null,
      1: ["09:00:00", "17:00:00"],
      2: ["09:00:00", "17:00:00"],
      3: ["09:00:00", "17:00:00"],
      4: ["09:00:00", "17:00:00"],
      5: ["09:00:00", "17:00:00"],
      6: null,
    },
    holidays: HOLIDAYS,
  } as moment.LocaleSpecification);

  // Agreement on a sample: the independent implementations must give the same minutes.
  const SAMPLE_A = 20_000;
  const SAMPLE_B = 1_000;
  let disagreeWalk = 0;
  let disagreeDayjs = 0;
  let disagreeMoment = 0;
  for (let i = 0; i < SAMPLE_B; i++) {
    const mine = businessMinutes(calendar, created[i]!, replied[i]!);
    if (Math.abs(mine - dateFnsWalk(created[i]!, replied[i]!)) > 1e-9) disagreeWalk++;
    if (Math.abs(mine - dayjs(replied[i]!).businessMinutesDiff(dayjs(created[i]!))) > 1) disagreeDayjs++;
    if (Math.abs(mine - workingDiff(replied[i]!, created[i]!)) > 1e-6) disagreeMoment++;
  }

  const t = measure(
    [
      { name: "ours", run: () => ours(0, N) },
      {
        name: "walk",
        run: () => {
          let s = 0;
          for (let i = 0; i < SAMPLE_A; i++) s += dateFnsWalk(created[i]!, replied[i]!);
          return s;
        },
      },
      {
        name: "dayjs",
        run: () => {
          let s = 0;
          for (let i = 0; i < SAMPLE_B; i++) s += dayjs(replied[i]!).businessMinutesDiff(dayjs(created[i]!));
          return s;
        },
      },
      {
        name: "moment",
        run: () => {
          let s = 0;
          for (let i = 0; i < SAMPLE_B; i++) s += workingDiff(replied[i]!, created[i]!);
          return s;
        },
      },
    ],
    5,
  );
  const perPair = (name: string, count: number): number => (t.get(name)!.median * 1e6) / count; // ns (median round)
  const range = (name: string, count: number): string =>
    `${((t.get(name)!.min * 1e6) / count).toFixed(0)}-${((t.get(name)!.max * 1e6) / count).toFixed(0)}`;
  const oursNs = perPair("ours", N);
  const pairsPerSecond = 1e9 / oursNs;
  const durations = Float64Array.from(replied, (r, i) => (r - created[i]!) / 60_000);
  const plain = Array.from(durations);
  const q = measure(
    [
      { name: "ours", run: () => percentiles(plain, [50, 90, 95]) },
      { name: "simple-statistics", run: () => quantile(plain, [0.5, 0.9, 0.95]) },
    ],
    7,
  );
  return [
    `business minutes, ${N.toLocaleString("en")} (created, first reply) pairs over 2025, Europe/Berlin, 9 holidays (median (min-max) of 5 rounds)`,
    `  cx-metrics: ${oursNs.toFixed(0)} ns a pair (${range("ours", N)}) = ${(pairsPerSecond / 1e6).toFixed(1)} million pairs a second  (target ≥ 10 million: ${pairsPerSecond >= 1e7 ? "met" : "MISSED"})`,
    `  (a) date-fns day walk, ${SAMPLE_A.toLocaleString("en")} pairs: ${perPair("walk", SAMPLE_A).toFixed(0)} ns a pair (${range("walk", SAMPLE_A)}) = ${(perPair("walk", SAMPLE_A) / oursNs).toFixed(0)}x slower  (target ≥ 100x: ${perPair("walk", SAMPLE_A) / oursNs >= 100 ? "met" : "MISSED"})`,
    `  (b) dayjs-business-time, ${SAMPLE_B.toLocaleString("en")} pairs: ${perPair("dayjs", SAMPLE_B).toFixed(0)} ns a pair (${range("dayjs", SAMPLE_B)}) = ${(perPair("dayjs", SAMPLE_B) / oursNs).toFixed(0)}x slower  (target ≥ 1000x: ${perPair("dayjs", SAMPLE_B) / oursNs >= 1000 ? "met" : "MISSED"})`,
    `  (b) moment-business-time, ${SAMPLE_B.toLocaleString("en")} pairs: ${perPair("moment", SAMPLE_B).toFixed(0)} ns a pair (${range("moment", SAMPLE_B)}) = ${(perPair("moment", SAMPLE_B) / oursNs).toFixed(0)}x slower  (target ≥ 1000x: ${perPair("moment", SAMPLE_B) / oursNs >= 1000 ? "met" : "MISSED"})`,
    `  agreement on ${SAMPLE_B} pairs: date-fns walk differs on ${disagreeWalk}, moment-business-time on ${disagreeMoment}, dayjs-business-time (whole minutes) by more than 1 minute on ${disagreeDayjs}`,
    "",
    `percentiles 50/90/95 of ${N.toLocaleString("en")} durations (median (min-max) of 7 rounds)`,
    ratioRow("  percentiles vs simple-statistics quantile", q.get("ours")!, q.get("simple-statistics")!, 2),
  ];
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const line of benchTime()) console.log(line);
}
