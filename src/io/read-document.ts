// A published document's text, for `plan-check draft`: .txt and .md as UTF-8, GB18030 or UTF-16 with
// its byte-order mark, .docx through its own XML (src/io/read-docx.ts). Word's old .doc, WPS's .wps,
// PDF and scanned images are refused with a hint, by extension and by their first bytes.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeText } from '../core/decode-text.js';

type DocumentRead =
  | { ok: true; text: string; markdown: boolean }
  | { ok: false; code: 'draft-unsupported-file' | 'file-unreadable' | 'file-encoding' | 'file-empty'; args: Record<string, string> };

const REFUSED: Record<string, string> = {
  '.doc': 'doc',
  '.wps': 'wps',
  '.pdf': 'pdf',
  '.png': 'image',
  '.jpg': 'image',
  '.jpeg': 'image',
  '.tif': 'image',
  '.tiff': 'image',
  '.bmp': 'image',
  '.ofd': 'ofd',
  '.rtf': 'rtf',
};

export async function readDocument(file: string): Promise<DocumentRead> {
  const extension = path.extname(file).toLowerCase();
  if (REFUSED[extension]) return { ok: false, code: 'draft-unsupported-file', args: { kind: REFUSED[extension]! } };
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    return { ok: false, code: 'file-unreadable', args: { reason: (error as NodeJS.ErrnoException).code ?? String(error) } };
  }
  if (bytes.length === 0) return { ok: false, code: 'file-empty', args: {} };
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (extension === '.docx' || zip) {
    if (!zip) return { ok: false, code: 'draft-unsupported-file', args: { kind: 'not-docx' } };
    const { readDocxText } = await import('./read-docx.js');
    const text = readDocxText(bytes);
    return text === undefined
      ? { ok: false, code: 'draft-unsupported-file', args: { kind: 'not-docx' } }
      : { ok: true, text, markdown: false };
  }
  const markdown = extension === '.md' || extension === '.markdown';
  // Notepad's “Unicode” is UTF-16 with a byte-order mark: unambiguous, so read it
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
  if (utf16) {
    try {
      const text = new TextDecoder(utf16, { fatal: true }).decode(bytes.subarray(2)).replace(/\r\n?/g, '\n');
      return { ok: true, text, markdown };
    } catch {
      return { ok: false, code: 'file-encoding', args: { looksLike: 'utf-16' } };
    }
  }
  const decoded = decodeText(bytes, 'gb18030');
  if (!decoded.ok) {
    const kind =
      decoded.looksLike === 'pdf'
        ? 'pdf'
        : decoded.looksLike === 'ole2'
          ? 'doc'
          : decoded.looksLike === 'png' || decoded.looksLike === 'jpeg'
            ? 'image'
            : undefined;
    if (kind) return { ok: false, code: 'draft-unsupported-file', args: { kind } };
    return { ok: false, code: 'file-encoding', args: { looksLike: decoded.looksLike } };
  }
  return { ok: true, text: decoded.text, markdown };
}
