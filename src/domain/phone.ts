import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/** Reads what a person typed ("06 34 33 32 11", "+33634333211", "0033 6…") as E.164, or undefined. */
export function toE164(input: string, region: string): string | undefined {
  const cleaned = input.trim().replace(/^00/, '+');
  const parsed = parsePhoneNumberFromString(cleaned, region as CountryCode);
  return parsed?.isPossible() ? parsed.number : undefined;
}

/** "+33634333211" → "+33 6 34 33 32 11" for people; E.164 stays the stored form. */
export function formatPhone(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}
