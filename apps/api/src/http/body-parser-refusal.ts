import type { HttpRefusal } from './http-refusal.js';

/** What body-parser (through http-errors) attaches to the errors it passes on. */
interface BodyParserError {
  readonly status?: number;
  readonly type?: string;
  readonly code?: string;
  readonly charset?: string;
  readonly encoding?: string;
}

/** The content encodings body-parser inflates; anything else is refused with 415. */
const ENCODINGS = 'gzip, deflate, br or identity';

/**
 * A refusal for a body the parser could not read, in words of our own: the parser's messages
 * quote the body back and name its internals. Undefined for its own failures (5xx), which are
 * ours to log rather than the caller's to fix.
 */
export function bodyParserRefusal(error: unknown, limitBytes: number): HttpRefusal | undefined {
  const failure = (error ?? {}) as BodyParserError;
  const status = failure.status ?? 500;
  if (status >= 500) return undefined;
  switch (failure.type) {
    case 'entity.too.large':
      return { status, code: 'PAYLOAD_TOO_LARGE', message: `The request body is larger than ${limitBytes} bytes` };
    case 'entity.parse.failed':
      return { status, code: 'BAD_REQUEST', message: 'The request body is not valid JSON' };
    case 'charset.unsupported':
      return { status, code: 'BAD_REQUEST', message: `Charset "${failure.charset}" is not supported; send the body in UTF-8` };
    case 'encoding.unsupported':
      return {
        status,
        code: 'BAD_REQUEST',
        message: `Content-Encoding "${failure.encoding}" is not supported; send ${ENCODINGS}`,
      };
    case 'request.size.invalid':
      return { status, code: 'BAD_REQUEST', message: 'The request body is not as long as its Content-Length says' };
  }
  if (failure.code?.startsWith('Z_')) {
    return { status, code: 'BAD_REQUEST', message: 'The request body does not decode with its Content-Encoding' };
  }
  return { status, code: status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST', message: 'The request body could not be read' };
}
