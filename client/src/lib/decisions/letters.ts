/** Letters (立项通知书 and the rest) as the API sends them, and where to download and verify them. */
import type { LetterKind } from './labels';

/** One version of a letter: GET /api/applications/:id/letters, and `letters` of an application. */
export type Letter = {
  id: string;
  reference: string;
  kind: LetterKind | string;
  version: number;
  language: string;
  sha256: string;
  verifyCode: string;
  issuedAt: string;
  status: 'current' | 'superseded';
  supersededBy: string | null;
  reissueReason: string | null;
};

export function letterPdfUrl(letterId: string): string {
  return `/api/letters/${encodeURIComponent(letterId)}/pdf`;
}

/** The public verification page of a letter (the QR code printed on it points here too). */
export function verifyPath(code: string): string {
  return `/verify/${encodeURIComponent(code)}`;
}

