export type NoticeStatus = 'upcoming' | 'open' | 'closed';

type CallRef = { id: string; title: string; programme: string };

/** One row of GET /api/notices */
export type NoticeSummary = {
  id: string;
  call: CallRef;
  startsOn: string;
  endsOn: string;
  workingDays: number;
  status: NoticeStatus;
  count: number;
};

export type NoticeItem = {
  applicationId: string;
  company: { name: string; uscc: string };
  amount: number;
  score: number | null;
  status: 'listed' | 'revoked';
};

/** GET /api/notices/:id (public), and what publishing answers */
export type PublicNotice = {
  id: string;
  call: CallRef;
  startsOn: string;
  endsOn: string;
  workingDays: number;
  status: NoticeStatus;
  publishedAt: string;
  items: NoticeItem[];
};

/** One item of GET /api/calls/:id/notices (officer) */
export type OfficerNotice = PublicNotice & { objections: { pending: number; upheld: number; dismissed: number } };

export type PublishInput = { workingDays?: number; startsOn?: string };

export type ObjectionInput = { applicationId: string; name: string; contact: string; organisation?: string; content: string };

export type ObjectionReceipt = { id: string; reference: string; receivedAt: string };

export type ObjectionStatus = 'pending' | 'upheld' | 'dismissed';

/** One item of GET /api/notices/:id/objections (officer) */
export type Objection = {
  id: string;
  reference: string;
  applicationId: string;
  company: { name: string; uscc: string };
  name: string;
  contact: string;
  organisation: string | null;
  content: string;
  receivedAt: string;
  status: ObjectionStatus;
  resolution: null | { reason: string; at: string };
};

/** GET /api/calls/:id (the title only) */
export type CallTitle = { id: string; title: string };
