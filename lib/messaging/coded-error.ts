/**
 * Errors the seller reads in their language, whichever side throws them. A failed reply carries
 * only its error's text (rpc.ts), so the text itself names what went wrong: `<family>:<code>`,
 * then a detail. Each family declares its codes once and the options page says each code from
 * the catalogue: backup problems (protocol-backup.ts) and refusals (refusals.ts).
 */

/**
 * The text of an error of `family` with `code` and an optional detail.
 * @example codedErrorMessage('backup', 'truncated', 'plans: 3 of 5 rows') // 'backup:truncated plans: 3 of 5 rows'
 */
export function codedErrorMessage(family: string, code: string, detail = ''): string {
  return `${family}:${code}${detail ? ` ${detail}` : ''}`;
}

/**
 * The code (one of `codes`) and detail an error of `family` carries, or undefined for any other error.
 * @example codedErrorOf('backup', ['truncated'], new Error('backup:truncated plans: 3 of 5 rows')) // { code: 'truncated', detail: 'plans: 3 of 5 rows' }
 */
export function codedErrorOf<C extends string>(family: string, codes: readonly C[], error: unknown): { code: C; detail: string } | undefined {
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  const prefix = `${family}:`;
  if (!message.startsWith(prefix)) return undefined;
  const rest = message.slice(prefix.length);
  const space = rest.indexOf(' ');
  const code = (space < 0 ? rest : rest.slice(0, space)) as C;
  if (!codes.includes(code)) return undefined;
  return { code, detail: space < 0 ? '' : rest.slice(space + 1) };
}
