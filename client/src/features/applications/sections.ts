/**
 * The wizard's task list: the fact schema's top-level facts grouped into sections by what they are
 * about (the schema has no groups of its own). Money goes to "R&D and revenue", people to "Staff",
 * IP, standards and awards to "IP", yes/no declarations and dates to "Basics"; the rest to "Other".
 * A section with more than six facts is split so that each page of the task list stays short.
 */
import type { MessageKey } from '../../lib/i18n';
import type { FieldNode, ObjectNode } from '../../lib/facts/fact-schema';

export type SectionKind = 'basics' | 'staff' | 'finance' | 'ip' | 'other';

export type FactSection = { key: string; kind: SectionKind; part: number; parts: number; fields: FieldNode[] };

export const SECTION_TITLES: Record<SectionKind, MessageKey> = {
  basics: 'wizard.section.basics',
  staff: 'wizard.section.staff',
  finance: 'wizard.section.finance',
  ip: 'wizard.section.ip',
  other: 'wizard.section.other',
};

const ORDER: SectionKind[] = ['basics', 'staff', 'finance', 'ip', 'other'];
const MAX_PER_SECTION = 6;

const STAFF = /staff|employee|talent|member|team|people|person|leader|headcount|graduate|doctor|phd|expert/i;
const IP_PREFIX = /^ip|Ip[A-Z0-9]/;
const IP = /patent|intellectual|trademark|copyright|software|standard|award|prize|certificate|achievement/i;
const RD = /^rd[A-Z]|Rd[A-Z]|^rd$/;
const FINANCE = /revenue|sales|income|asset|cost|expense|profit|tax|valuation|investment|financ|capital|funding|growth/i;

function kindOf(field: FieldNode): SectionKind {
  if (field.unit === 'yuan' || field.unit === 'usd' || FINANCE.test(field.name) || RD.test(field.name)) return 'finance';
  if (IP_PREFIX.test(field.name) || IP.test(field.name)) return 'ip';
  if (STAFF.test(field.name)) return 'staff';
  if (field.kind === 'boolean' || field.kind === 'date' || field.kind === 'enum' || field.kind === 'string') return 'basics';
  return 'other';
}

export function sectionsOf(schema: ObjectNode): FactSection[] {
  const byKind = new Map<SectionKind, FieldNode[]>();
  for (const field of schema.fields) {
    const kind = kindOf(field);
    byKind.set(kind, [...(byKind.get(kind) ?? []), field]);
  }
  const sections: FactSection[] = [];
  for (const kind of ORDER) {
    const fields = byKind.get(kind) ?? [];
    if (fields.length === 0) continue;
    const parts = Math.ceil(fields.length / MAX_PER_SECTION);
    const size = Math.ceil(fields.length / parts);
    for (let part = 0; part < parts; part++) {
      sections.push({ key: parts > 1 ? `${kind}-${part + 1}` : kind, kind, part: part + 1, parts, fields: fields.slice(part * size, (part + 1) * size) });
    }
  }
  return sections;
}

/** The section holding a top-level fact, for links from error messages. */
export function sectionOfFact(sections: FactSection[], name: string): FactSection | undefined {
  return sections.find((section) => section.fields.some((field) => field.name === name));
}
