// One file per multipart request, kept in memory (content is sniffed and stored in PostgreSQL in one transaction).
import type { RequestHandler } from 'express';
import multer from 'multer';
import { AppError } from '../errors/app-error.ts';
import { MAX_UPLOAD_BYTES } from '../modules/applications/upload-document.ts';

/** Longest stored file name, in UTF-16 units (what the document store keeps). */
export const MAX_FILENAME_LENGTH = 200;

const parseSingleFile = multer({
  storage: multer.memoryStorage(),
  limits: {
    fileSize: MAX_UPLOAD_BYTES,
    files: 1,
    fields: 5,
    parts: 6,
    // the form has one short text field (kind): long names or values, or nested names (a[b]), are not a form we sent
    fieldNameSize: 100,
    fieldSize: 4096,
    fieldNestingDepth: 0,
    headerPairs: 20,
  },
  defParamCharset: 'utf8',
}).single('file');

/** Names that reach for prototypes; multer's body has none, but nothing downstream should have to know that. */
const FORBIDDEN_FIELDS = new Set(['__proto__', 'constructor', 'prototype']);

/** C0 and C1 controls, and the characters that reorder or hide text (bidi marks, embeddings, overrides, isolates; BOM). */
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * The name a file may be kept under: its last path segment (either slash), without control or bidi characters,
 * never "." or "..", at most MAX_FILENAME_LENGTH units and cut between characters, keeping a short extension.
 * An empty result lets the store name the file itself.
 */
export function cleanFilename(name: string): string {
  const last = name.replace(/\\/g, '/').split('/').pop() ?? '';
  const cleaned = last.replace(UNSAFE_CHARACTERS, '').replace(LONE_SURROGATE, '\ufffd').trim();
  if (/^\.*$/.test(cleaned)) return '';
  if (cleaned.length <= MAX_FILENAME_LENGTH) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 && cleaned.length - dot <= 16 ? cleaned.slice(dot) : '';
  let kept = '';
  for (const character of cleaned.slice(0, cleaned.length - extension.length)) {
    if (kept.length + character.length + extension.length > MAX_FILENAME_LENGTH) break;
    kept += character;
  }
  return kept + extension;
}

export const singleFileUpload: RequestHandler = (req, res, next) => {
  parseSingleFile(req, res, (error?: unknown) => {
    if (error) return next(error);
    const fields = req.body && typeof req.body === 'object' ? Object.keys(req.body as object) : [];
    if (fields.some((field) => FORBIDDEN_FIELDS.has(field))) return next(new AppError('invalid_upload', { log: 'prototype field name in the form' }));
    if (req.file) req.file.originalname = cleanFilename(req.file.originalname);
    next();
  });
};
