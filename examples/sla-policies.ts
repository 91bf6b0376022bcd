/**
 * The service norms in the sources as SLA policies (examples, not defaults), each checked on
 * hand-worked tickets:
 * - Osipov: mass-market / B2C, reply within a minute; B2B by e-mail within a couple of hours;
 *   different times for different request types.
 * - Zhary: social networks, within an hour (30 minutes is the optimum).
 * - UA-agency: prompt communication, an answer within 24 hours, in working hours.
 * Run: npx tsx examples/sla-policies.ts
 */
import { addBusinessMinutes, businessCalendar, sla, type SlaPolicy } from "cx-metrics";
import { check, checkText, finish, heading, isMain } from "./lib/check.js";

const WEEKDAY = [["09:00", "17:00"]] as const;

/** Mon-Fri 09:00-17:00 in Kyiv, the working hours the UA-agency norm runs in. */
export const officeHours = businessCalendar({
  timeZone: "Europe/Kyiv",
  week: { mon: WEEKDAY, tue: WEEKDAY, wed: WEEKDAY, thu: WEEKDAY, fri: WEEKDAY },
});

/** Osipov: B2C chats within a minute, B2B e-mail within two working hours, complaints escalated sooner. */
export const osipovPolicy: SlaPolicy = {
  targets: [
    {
      name: "B2C chat: reply within a minute (Osipov)",
      metric: "first-response",
      minutes: 1,
      clock: "calendar",
      channel: "chat",
    },
    {
      name: "complaint: reply within an hour (Osipov: time by request type)",
      metric: "first-response",
      minutes: 60,
      clock: "business",
      type: "complaint",
    },
    {
      name: "B2B e-mail: reply within two hours (Osipov)",
      metric: "first-response",
      minutes: 120,
      clock: "business",
      channel: "email",
    },
  ],
};

/** Zhary: social networks within an hour; 30 minutes is the optimum. */
export const zharyPolicy: SlaPolicy = {
  targets: [
    {
      name: "social: reply within an hour (Zhary)",
      metric: "first-response",
      minutes: 60,
      clock: "calendar",
      channel: "social",
    },
  ],
};
/** Zhary's optimum, tracked as its own target. */
export const zharyOptimum: SlaPolicy = {
  targets: [
    {
      name: "social: reply within 30 minutes (Zhary's optimum)",
      metric: "first-response",
      minutes: 30,
      clock: "calendar",
      channel: "social",
    },
  ],
};

/** UA-agency: answer within 24 hours, counted in working hours. */
export const uaAgencyPolicy: SlaPolicy = {
  targets: [
    {
      name: "answer within 24 working hours (UA-agency)",
      metric: "first-response",
      minutes: 24 * 60,
      clock: "business",
    },
  ],
};

export function run(): void {
  heading("SLA norms of the sources as policies (hand-worked tickets)");
  const chats = [
    { id: "c1", channel: "chat", createdAt: "2025-03-10T12:00:00+02:00", firstResponseAt: "2025-03-10T12:00:40+02:00" },
    { id: "c2", channel: "chat", createdAt: "2025-03-10T12:00:00+02:00", firstResponseAt: "2025-03-10T12:02:00+02:00" },
    {
      id: "e1",
      channel: "email",
      createdAt: "2025-03-10T16:30:00+02:00",
      firstResponseAt: "2025-03-11T10:00:00+02:00",
    }, // 30 + 60 = 90 working minutes
    {
      id: "e2",
      channel: "email",
      type: "complaint",
      createdAt: "2025-03-10T10:00:00+02:00",
      firstResponseAt: "2025-03-10T11:30:00+02:00",
    }, // 90 > 60
  ];
  const osipov = sla(chats, osipovPolicy, { calendar: officeHours });
  check("Osipov policy: met", osipov.met, 2, "by hand: c1 (40 s) and e1 (90 working minutes)");
  check("Osipov policy: breached", osipov.breached, 2, "by hand: c2 (2 min > 1) and e2 (complaint, 90 > 60)");
  check("Osipov policy: SLA %", osipov.percent!, 50, "UA-agency formula: 2 / 4 × 100");

  const social = [
    { channel: "social", createdAt: "2025-03-10T20:00:00+02:00", firstResponseAt: "2025-03-10T20:25:00+02:00" },
    { channel: "social", createdAt: "2025-03-10T20:00:00+02:00", firstResponseAt: "2025-03-10T20:45:00+02:00" },
    { channel: "social", createdAt: "2025-03-10T20:00:00+02:00", firstResponseAt: "2025-03-10T21:30:00+02:00" },
  ];
  check(
    "Zhary: within an hour, %",
    sla(social, zharyPolicy).percent!,
    (100 * 2) / 3,
    "by hand: 25 and 45 minutes of 3 replies",
  );
  check(
    "Zhary: within the 30-minute optimum, %",
    sla(social, zharyOptimum).percent!,
    100 / 3,
    "by hand: only the 25-minute reply",
  );

  // 24 working hours from Friday 15:00 on 9-17 weekdays: 2 h Friday + 8 Monday + 8 Tuesday + 6 Wednesday.
  const due = addBusinessMinutes(officeHours, "2025-03-07T15:00:00+02:00", 24 * 60);
  checkText(
    "UA-agency: due time of a Friday 15:00 request",
    due.toISOString(),
    "2025-03-12T13:00:00.000Z",
    "by hand: Wednesday 15:00 Kyiv",
  );
  const late = sla(
    [{ createdAt: "2025-03-07T15:00:00+02:00", firstResponseAt: "2025-03-12T15:30:00+02:00" }],
    uaAgencyPolicy,
    { calendar: officeHours },
  );
  check(
    "UA-agency: a reply on Wednesday 15:30 overran by",
    late.breaches[0]!.overrunMinutes,
    30,
    "by hand: 30 working minutes",
  );
}

if (isMain(import.meta.url)) {
  run();
  finish();
}
