import type { Localized } from '../../lib/i18n';

export type Call = {
  id: string;
  programme: string;
  title: string;
  opensAt: string;
  closesAt: string;
  graceMinutes: number;
  budget: number;
  committed: number;
  reviewersPerApplication: number;
  ruleSet: { id: string; version: number } | null;
  awardScheme: unknown;
};

export type CallInput = {
  programme: string;
  title: string;
  opensAt: string;
  closesAt: string;
  graceMinutes: number;
  budget: number;
  reviewersPerApplication: number;
};

export type ProgrammeName = { code: string; name: Localized };
