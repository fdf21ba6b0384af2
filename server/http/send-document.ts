// Evidence files go out as private attachments that no cache keeps.
import type { Response } from 'express';

export function sendDocument(res: Response, document: { filename: string; mediaType: string }, content: Buffer): void {
  res.attachment(document.filename);
  res.type(document.mediaType).setHeader('Cache-Control', 'private, no-store');
  res.send(content);
}
