// One file per multipart request, kept in memory (content is sniffed and stored in PostgreSQL in one transaction).
import type { RequestHandler } from 'express';
import multer from 'multer';
import { AppError } from '../errors/app-error.ts';
import { MAX_UPLOAD_BYTES } from '../modules/applications/upload-document.ts';
import { cleanFilename } from '../lib/filename.ts';

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

export const singleFileUpload: RequestHandler = (req, res, next) => {
  parseSingleFile(req, res, (error?: unknown) => {
    if (error) return next(error);
    const fields = req.body && typeof req.body === 'object' ? Object.keys(req.body as object) : [];
    if (fields.some((field) => FORBIDDEN_FIELDS.has(field))) return next(new AppError('invalid_upload', { log: 'prototype field name in the form' }));
    if (req.file) req.file.originalname = cleanFilename(req.file.originalname);
    next();
  });
};
