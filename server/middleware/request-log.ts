// One pino line per request — id, method, path (never the query, and one-time tokens replaced), status and
// time — written only when its level is enabled, so a busy public endpoint pays for a counter and a timer.
// `req.log` is a child logger bound to the request id, made the first time something logs through it.
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

declare module 'http' {
  interface IncomingMessage {
    id: number;
    log: Logger;
  }
}

/** The path as logged: no query string, one-time tokens (consent links, invitations) as [token]. */
export function loggedPath(url: string): string {
  // routes match without regard to case, so the mask does too
  return url.split('?')[0].replace(/^(\/api\/(?:consent|invitations)\/)[^/]+/i, '$1[token]');
}

export function requestLog(logger: Logger, options: { ignore?: (url: string) => boolean } = {}): RequestHandler {
  let lastId = 0;
  return (req, res, next) => {
    const id = ++lastId;
    req.id = id;
    let child: Logger | undefined;
    Object.defineProperty(req, 'log', {
      configurable: true,
      enumerable: false,
      get: () => (child ??= logger.child({ reqId: id })),
    });
    if (options.ignore?.(req.url)) return next();
    const started = performance.now();
    const url = req.originalUrl;
    const done = () => {
      res.removeListener('finish', done);
      res.removeListener('close', done);
      const status = res.writableFinished ? res.statusCode : 499;
      const level = status >= 500 ? 'error' : status >= 400 ? 'info' : 'debug';
      if (!logger.isLevelEnabled(level)) return;
      logger[level](
        {
          reqId: id,
          req: { id, method: req.method, path: loggedPath(url) },
          res: { statusCode: status },
          responseTime: Math.round(performance.now() - started),
        },
        res.writableFinished ? 'request completed' : 'request aborted',
      );
    };
    res.on('finish', done);
    res.on('close', done);
    next();
  };
}
