import type { MeetingFilter } from "../../src/schema/meeting-filter.input";
import type { FixtureMeeting } from "./fixture-records";
import { sourceKindOf, TOPIC_TREE } from "./generated-records";

/**
 * The contract's MeetingFilter semantics in plain TypeScript, over fixture meetings, as an independent oracle for
 * the SQL compiler. Text matching is whole-word presence, which equals full-text search for the generated vocabulary.
 */
export function matchesMeeting(meeting: FixtureMeeting, filter: MeetingFilter): boolean {
  const conditions: boolean[] = [];
  const any = <T>(values: readonly T[] | null | undefined, test: (value: T) => boolean) => {
    if (values != null) conditions.push(values.some(test));
  };
  any(filter.coalitions, (slug) => meeting.coalition === slug);
  any(filter.topics, (slug) => (meeting.topics ?? []).some((topic) => isSameOrBelow(topic, slug)));
  any(filter.states, (code) => (meeting.participants ?? []).some((participant) => participant.state === code));
  any(filter.officials, (slug) => (meeting.participants ?? []).some((participant) => participant.official === slug));
  if (filter.from != null) conditions.push(meeting.date != null && periodEnd(meeting) >= filter.from);
  if (filter.to != null) conditions.push(meeting.date != null && meeting.date <= filter.to);
  any(filter.formats, (format) => meeting.format === format);
  any(filter.levels, (level) => meeting.level === level);
  any(filter.statuses, (status) => meeting.status === status);
  any(filter.locatedIn, (code) => meeting.locatedIn === code);
  if (filter.text != null) conditions.push(meetingWords(meeting).has(filter.text.toLowerCase()));
  if (filter.minSources != null) conditions.push(new Set(meeting.sources ?? []).size >= filter.minSources);
  any(filter.sourceKinds, (kind) => (meeting.sources ?? []).some((source) => sourceKindOf(source) === kind));
  if (filter.and) conditions.push(filter.and.every((child) => matchesMeeting(meeting, child)));
  if (filter.or) conditions.push(filter.or.some((child) => matchesMeeting(meeting, child)));
  if (filter.not) conditions.push(!matchesMeeting(meeting, filter.not));
  return conditions.every(Boolean);
}

const PARENT = new Map(TOPIC_TREE);

function isSameOrBelow(topic: string, ancestor: string): boolean {
  for (let current: string | null | undefined = topic; current; current = PARENT.get(current)) {
    if (current === ancestor) return true;
  }
  return false;
}

/** The last day a (possibly month- or year-precise) date stands for. */
function periodEnd(meeting: FixtureMeeting): string {
  const date = meeting.date as string;
  if (meeting.datePrecision === "YEAR") return `${date.slice(0, 4)}-12-31`;
  if (meeting.datePrecision === "MONTH") {
    const [year, month] = date.split("-").map(Number);
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return `${date.slice(0, 7)}-${String(last).padStart(2, "0")}`;
  }
  return date;
}

function meetingWords(meeting: FixtureMeeting): Set<string> {
  const texts = [meeting.title, meeting.summary ?? {}, ...(meeting.outcomes ?? []).map((outcome) => outcome.summary)];
  return new Set(texts.flatMap((text) => Object.values(text)).flatMap((text) => text.toLowerCase().split(/\s+/)));
}

/** The contract's order: DATE with undated meetings last in either direction, ties by slug ascending. */
export function compareByDate(direction: "ASC" | "DESC") {
  return (a: FixtureMeeting, b: FixtureMeeting): number => {
    if (a.date !== b.date) {
      if (a.date == null) return 1;
      if (b.date == null) return -1;
      const byDate = a.date < b.date ? -1 : 1;
      return direction === "ASC" ? byDate : -byDate;
    }
    return a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0;
  };
}
