import pino, { type DestinationStream, type Logger } from 'pino';

// Paths that may carry secrets or personal data are censored wherever they appear in a log line.
export const REDACTED_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.passwordHash',
  '*.csrfToken',
  '*.idNumber',
  '*.*.idNumber',
  'members[*].idNumber',
  '*.members[*].idNumber',
  '*.coreMembers[*].idNumber',
  '*.*.coreMembers[*].idNumber',
  '*.secretKey',
  '*.previousSecretKeys',
  '*.token',
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'huiqi' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}
