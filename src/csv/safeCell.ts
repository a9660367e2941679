// What makes a spreadsheet read a cell as a formula (OWASP "CSV injection").
const FORMULA_START = /^[=+\-@\t\r]/;
// "+33 1 23 45 67 89": at worst arithmetic, never a function call or a link, so phone numbers stay as they are.
const PHONE_NUMBER = /^\+\d[\d .-]*$/;
const NEUTRALISED = /^'[=+\-@\t\r]/;

/** Prefixes with ' a text cell that a spreadsheet would run as a formula. */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) && !PHONE_NUMBER.test(value) ? `'${value}` : value;
}

/** Undoes neutraliseCell, so that a file we wrote imports back to the same values. */
export function restoreCell(value: string): string {
  return value.charCodeAt(0) === 0x27 && NEUTRALISED.test(value) ? value.slice(1) : value;
}
