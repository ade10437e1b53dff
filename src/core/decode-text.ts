// Bytes to text. Plans are UTF-8 (a BOM and CRLF are fine). Anything else is refused with a hint
// naming what it looks like, unless the user names the encoding (GB18030 is the common case).

type DecodeResult =
  { ok: true; text: string } | { ok: false; code: 'file-encoding' | 'file-binary' | 'file-text-too-long'; looksLike: string };

/** Node's error when decoded text would be longer than a string can be (2^29 - 24 UTF-16 units). */
const tooLongForAString = (error: unknown): boolean => (error as { code?: unknown } | null)?.code === 'ERR_STRING_TOO_LONG';
const TOO_LONG = { ok: false, code: 'file-text-too-long', looksLike: 'text' } as const;

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

/** File signatures of what people save by mistake in place of CSV or YAML text. */
const signatures: { looksLike: string; prefix: readonly number[] }[] = [
  { looksLike: 'zip', prefix: [0x50, 0x4b, 0x03, 0x04] }, // .xlsx, .docx, .et saved as OOXML
  { looksLike: 'ole2', prefix: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] }, // .xls, .doc, .et, .wps
  { looksLike: 'png', prefix: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { looksLike: 'jpeg', prefix: [0xff, 0xd8, 0xff] },
  { looksLike: 'pdf', prefix: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
];

type Refusal = Extract<DecodeResult, { ok: false }>;

/** What a file's first bytes say: a renamed binary or UTF-16 (refused), else the bytes after any UTF-8 BOM. */
function opening(bytes: Uint8Array): Refusal | { ok: true; body: Uint8Array } {
  for (const { looksLike, prefix } of signatures) {
    if (startsWith(bytes, prefix)) return { ok: false, code: 'file-binary', looksLike };
  }
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return { ok: false, code: 'file-encoding', looksLike: 'utf-16' };
  return { ok: true, body: startsWith(bytes, UTF8_BOM) ? bytes.subarray(3) : bytes };
}

/** UTF-8 that throws on anything else; the BOM is dealt with by opening() */
const strictUtf8 = () => new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decodeText(bytes: Uint8Array, encoding?: string): DecodeResult {
  const start = opening(bytes);
  if (!start.ok) return start;
  const body = start.body;
  if (encoding && !/^utf-?8$/i.test(encoding)) {
    // a named encoding is the fallback for files that are not UTF-8: UTF-8 files beside them stay readable
    try {
      return { ok: true, text: normaliseNewlines(strictUtf8().decode(body)) };
    } catch (error) {
      if (tooLongForAString(error)) return TOO_LONG;
      try {
        return { ok: true, text: normaliseNewlines(new TextDecoder(encoding, { fatal: true }).decode(bytes)) };
      } catch (named) {
        if (tooLongForAString(named)) return TOO_LONG;
        return { ok: false, code: 'file-encoding', looksLike: encoding };
      }
    }
  }
  if (body.includes(0))
    return looksLikeUtf16(body)
      ? { ok: false, code: 'file-encoding', looksLike: 'utf-16' }
      : { ok: false, code: 'file-binary', looksLike: 'binary' };
  try {
    return { ok: true, text: normaliseNewlines(strictUtf8().decode(body)) };
  } catch (error) {
    // valid UTF-8 too long for one string (a file over 512 MiB with --max-file-size raised) is not an encoding problem
    if (tooLongForAString(error)) return TOO_LONG;
    return { ok: false, code: 'file-encoding', looksLike: looksLikeGb18030(body) ? 'gb18030' : 'unknown' };
  }
}

/** UTF-16 text without a BOM: most zero bytes fall on one parity (the high byte of ASCII). */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 4096);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample.length; i += 1) {
    if (sample[i] !== 0) continue;
    if (i % 2 === 0) even += 1;
    else odd += 1;
  }
  const zeros = even + odd;
  return zeros >= sample.length / 8 && Math.max(even, odd) >= zeros * 0.9;
}

function looksLikeGb18030(bytes: Uint8Array): boolean {
  try {
    const text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    return /[\u4e00-\u9fff]/.test(text);
  } catch {
    return false;
  }
}

/** CRLF and bare CR become LF; line numbers stay those an editor shows. */
function normaliseNewlines(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/**
 * Bytes to text a chunk at a time, for a file read in pieces. It answers only for text decodeText
 * reads as UTF-8, and gives the same text: a binary signature, a UTF-16 mark, a zero byte or a
 * sequence that is not UTF-8 makes push or end return undefined, and the caller then reads the
 * whole file with decodeText, which says what the file is (or tries the named encoding).
 */
export class Utf8ChunkDecoder {
  private readonly decoder = strictUtf8();
  /** the first bytes, kept until there are enough to check for a signature or a byte order mark */
  private head: Uint8Array | undefined = new Uint8Array(0);
  /** the last chunk ended in a carriage return, which a line feed may follow */
  private carriageReturn = false;

  push(bytes: Uint8Array): string | undefined {
    if (this.head === undefined) return this.decode(bytes, false);
    const head = new Uint8Array(this.head.length + bytes.length);
    head.set(this.head);
    head.set(bytes, this.head.length);
    this.head = head;
    return head.length < HEAD_BYTES ? '' : this.first(false);
  }

  end(): string | undefined {
    if (this.head !== undefined) return this.first(true);
    return this.decode(new Uint8Array(0), true);
  }

  private first(last: boolean): string | undefined {
    const start = opening(this.head!);
    this.head = undefined;
    return start.ok ? this.decode(start.body, last) : undefined;
  }

  private decode(bytes: Uint8Array, last: boolean): string | undefined {
    if (bytes.includes(0)) return undefined;
    let decoded: string;
    try {
      decoded = this.decoder.decode(bytes, { stream: !last });
    } catch {
      return undefined; // not UTF-8, or the file ends inside a character
    }
    // CRLF and bare CR become LF, as normaliseNewlines does, across chunk ends too
    let text = this.carriageReturn ? `\r${decoded}` : decoded;
    this.carriageReturn = !last && text.endsWith('\r');
    if (this.carriageReturn) text = text.slice(0, -1);
    return normaliseNewlines(text);
  }
}

/** enough for the longest signature */
const HEAD_BYTES = Math.max(...signatures.map(({ prefix }) => prefix.length));
