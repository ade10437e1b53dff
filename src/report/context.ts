// What every formatter is given besides the data: language, colour, terminal width.
import type { ChalkInstance } from 'chalk';
import type { Lang } from '../i18n/labels.js';

export interface FormatContext {
  lang: Lang;
  /** a chalk instance with level 0 when colour is off */
  chalk: ChalkInstance;
  /** terminal columns when writing to a TTY */
  columns?: number;
  /** a byte order mark in front of CSV (written to a file, not --no-bom) */
  bom?: boolean;
  /** --headers: the language of CSV column names and yes/no cells; undefined: `lang` */
  headers?: 'en' | 'zh';
}
