// One file per multipart request, kept in memory (content is sniffed and stored in PostgreSQL in one transaction).
import multer from 'multer';
import { MAX_UPLOAD_BYTES } from '../modules/applications/upload-document.ts';

export const singleFileUpload = multer({ storage: multer.memoryStorage(), limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5 }, defParamCharset: 'utf8' }).single('file');
