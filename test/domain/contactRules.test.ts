import type { FieldKey } from '../../src/domain/contactFields';
import { readContactPhone, readPhoneType } from '../../src/domain/contactPhone';
import { checkContactRow, isValidSipUri, type RowRules } from '../../src/domain/contactRules';

const webex: RowRules = { region: 'FR', contactMethod: 'any' };
const company: RowRules = { region: 'FR', contactMethod: 'workPhoneOrEmail', fixedPhoneTypes: { 1: 'work', 2: 'other', 3: 'other' } };

const row = (values: Partial<Record<FieldKey, string>>) => (field: FieldKey) => values[field] ?? '';
const codes = (values: Partial<Record<FieldKey, string>>, rules = webex) => checkContactRow(row(values), rules).errors.map((e) => e.code);

describe('phone numbers', () => {
  test.each([
    ['a French national number with spaces', '01 23 45 67 01', '+33123456701'],
    ['dots', '06.12.34.56.78', '+33612345678'],
    ['dashes', '06-12-34-56-78', '+33612345678'],
    ['E.164', '+33612345678', '+33612345678'],
    ['00 as the international prefix', '0033 6 12 34 56 78', '+33612345678'],
    ['a German number with 00 (seed 004)', '00491222333444555', '+491222333444555'],
    ['a national number that lost its leading 0 in a spreadsheet', '612345678', '+33612345678'],
  ])('%s is read as E.164', (_name, raw, e164) => {
    expect(readContactPhone(raw, 'work', 'FR')).toEqual({ value: e164 });
  });

  test('the default region decides how a national number is read', () => {
    expect(readContactPhone('02 555 12 34', 'work', 'BE')).toEqual({ value: '+3225551234' });
  });

  test('a number of the default region that lost its + is read as international, with a phone_plus_added warning', () => {
    expect(readContactPhone('33 6 12 34 56 78', 'work', 'FR')).toEqual({
      value: '+33612345678',
      warning: { code: 'phone_plus_added', details: { value: '33 6 12 34 56 78', e164: '+33612345678' } },
    });
    expect(readContactPhone('3225551234', 'work', 'BE')).toMatchObject({ value: '+3225551234', warning: { code: 'phone_plus_added' } });
    // A national number is no such case: 612345678 lost its leading 0, not a "+".
    expect(readContactPhone('612345678', 'work', 'FR')).toEqual({ value: '+33612345678' });
  });

  test('a possible but not valid number is kept with a phone_not_valid warning (seed 004 US numbers)', () => {
    expect(readContactPhone('0015551234567', 'work', 'FR')).toEqual({
      value: '+15551234567',
      warning: { code: 'phone_not_valid', details: { value: '0015551234567', e164: '+15551234567' } },
    });
  });

  test.each([
    ['scientific notation', '3.36123E+10', 'phone_scientific_notation'],
    ['French scientific notation', '3,36123E+10', 'phone_scientific_notation'],
    ['a foreign number that lost its +', '4915112345678', 'phone_lost_plus'],
    ['too short', '0612', 'phone_invalid'],
    ['letters', '01 23 AB CD EF', 'phone_invalid'],
    ['an unknown country code', '+999123456', 'phone_invalid'],
    ['text around the number', 'tel: 0612345678', 'phone_invalid'],
  ])('%s is refused with %s', (_name, raw, code) => {
    expect(readContactPhone(raw, 'work', 'FR')).toMatchObject({ error: code });
  });

  test('phone_lost_plus suggests the number with its +', () => {
    expect(readContactPhone('4915112345678', 'mobile', 'FR')).toEqual({
      error: 'phone_lost_plus',
      details: { value: '4915112345678', suggestion: '+4915112345678' },
    });
  });

  test.each([
    ['12', true],
    ['4021', true],
    ['12 34', true],
    ['1234567890', true],
    ['1', false],
    ['12345678901', false],
    ['+33123456701', false],
    ['40a1', false],
  ])('work_extension %s accepted: %s (2 to 10 digits, never E.164)', (raw, ok) => {
    const reading = readContactPhone(raw, 'work_extension', 'FR');
    if (ok) expect(reading).toEqual({ value: raw.replace(/\s/g, '') });
    else expect(reading).toMatchObject({ error: 'extension_invalid' });
  });

  test.each([
    ['work', 'work'],
    ['Work', 'work'],
    [' MOBILE ', 'mobile'],
    ['work_extension', 'work_extension'],
    ['Work_Extension', 'work_extension'],
    ['work extension', 'work_extension'],
    ['Work-Extension', 'work_extension'],
    ['work_ext', undefined],
    ['ho me', 'home'],
    ['other', 'other'],
    ['fax', undefined],
    ['portable', undefined],
  ])('phone type %j is read as %s', (input, type) => {
    expect(readPhoneType(input)).toBe(type);
  });
});

describe('Webex template rows', () => {
  test('a row with a display name and a typed number gives a draft', () => {
    const check = checkContactRow(row({ displayName: 'fournisseur 1', phone1: '0123456701', phoneType1: 'work' }), webex);
    expect(check.errors).toEqual([]);
    expect(check.draft).toMatchObject({ displayName: 'fournisseur 1', phoneNumbers: [{ value: '+33123456701', type: 'work' }] });
  });

  test('every field reaches the draft', () => {
    const check = checkContactRow(
      row({
        displayName: 'Ada L',
        contactUuid: 'u-1',
        firstName: 'Ada',
        lastName: 'Lovelace',
        phone1: '0612345678',
        phoneType1: 'mobile',
        phone3: '4021',
        phoneType3: 'work_extension',
        email: 'ada@example.com',
        sipUri: 'sip:ada@example.com',
        title: 'Countess',
        companyName: 'Analytical',
        street: '1 rue',
        city: 'Paris',
        state: 'IDF',
        country: 'France',
        zip: '75001',
        group2: 'VIP',
      }),
      webex,
    );
    expect(check.draft).toEqual({
      contactUuid: 'u-1',
      displayName: 'Ada L',
      firstName: 'Ada',
      lastName: 'Lovelace',
      phoneNumbers: [
        { value: '+33612345678', type: 'mobile' },
        { value: '4021', type: 'work_extension' },
      ],
      email: 'ada@example.com',
      sipUri: 'sip:ada@example.com',
      title: 'Countess',
      companyName: 'Analytical',
      address: { street: '1 rue', city: 'Paris', state: 'IDF', country: 'France', zip: '75001' },
      groupRefs: [{ field: 'group2', value: 'VIP' }],
    });
  });

  test.each([
    ['no display name', { phone1: '0123456701', phoneType1: 'work' }, ['display_name_required']],
    ['no phone, e-mail nor SIP URI', { displayName: 'A' }, ['contact_method_required']],
    ['a number without its type', { displayName: 'A', phone1: '0123456701' }, ['phone_type_required']],
    ['an unknown type', { displayName: 'A', phone1: '0123456701', phoneType1: 'fax' }, ['phone_type_invalid']],
    ['a bad e-mail', { displayName: 'A', email: 'a@b' }, ['email_invalid']],
    ['a bad SIP URI', { displayName: 'A', sipUri: 'not a uri' }, ['sip_invalid']],
    ['several problems at once', { phone2: '0612', phoneType2: 'mobile', email: 'x' }, ['display_name_required', 'phone_invalid', 'email_invalid']],
  ])('%s is refused', (_name, values, expected) => {
    expect(codes(values as Partial<Record<FieldKey, string>>)).toEqual(expected);
  });

  test.each([
    ['an e-mail', { displayName: 'A', email: 'a@example.com' }],
    ['a SIP URI', { displayName: 'A', sipUri: 'a@example.webex.com' }],
    ['a number in slot 5 only', { displayName: 'A', phone5: '0612345678', phoneType5: 'home' }],
  ])('%s is enough to reach the contact', (_name, values) => {
    expect(codes(values as Partial<Record<FieldKey, string>>)).toEqual([]);
  });

  test('phone_type_invalid lists the allowed types and names the type column', () => {
    const [error] = checkContactRow(row({ displayName: 'A', phone2: '0612345678', phoneType2: 'portable' }), webex).errors;
    expect(error).toEqual({ field: 'phoneType2', code: 'phone_type_invalid', details: { value: 'portable', allowed: 'work, work_extension, mobile, home, other' } });
  });

  test('a type without a number is a warning, not an error', () => {
    const check = checkContactRow(row({ displayName: 'A', email: 'a@example.com', phoneType4: 'mobile' }), webex);
    expect(check.errors).toEqual([]);
    expect(check.warnings).toEqual([{ field: 'phoneType4', code: 'phone_type_without_number', details: { value: 'mobile' } }]);
  });

  test('a possible-but-not-valid number is accepted with a warning on its column', () => {
    const check = checkContactRow(row({ displayName: 'A', phone1: '0015551234567', phoneType1: 'work' }), webex);
    expect(check.draft?.phoneNumbers).toEqual([{ value: '+15551234567', type: 'work' }]);
    expect(check.warnings).toEqual([expect.objectContaining({ field: 'phone1', code: 'phone_not_valid' })]);
  });
});

describe('company-contacts rows', () => {
  test('the work number is "work" and the optional ones "other", without any Type column', () => {
    const check = checkContactRow(row({ displayName: 'Maria Beck', email: 'maria.beck@email.com', phone1: '0015551234567', phone2: '0015559999123' }), company);
    expect(check.errors).toEqual([]);
    expect(check.draft?.phoneNumbers).toEqual([
      { value: '+15551234567', type: 'work' },
      { value: '+15559999123', type: 'other' },
    ]);
  });

  test.each([
    ['no name', { email: 'a@example.com' }, ['display_name_required']],
    ['neither work phone nor e-mail', { displayName: 'A', phone2: '0612345678' }, ['phone_or_email_required']],
  ])('%s is refused', (_name, values, expected) => {
    expect(codes(values as Partial<Record<FieldKey, string>>, company)).toEqual(expected);
  });

  test('a work phone alone is enough', () => {
    expect(codes({ displayName: 'A', phone1: '0612345678' }, company)).toEqual([]);
  });
});

test.each([
  ['jdoe@example.com', true],
  ['sip:jdoe@example.com', true],
  ['sips:jdoe@example.com:5061;transport=tls', true],
  ['jdoe@example.call.ciscospark.com', true],
  ['jdoe', false],
  ['sip:@example.com', false],
  ['jdoe@', false],
  ['j doe@example.com', false],
])('SIP URI %s valid: %s', (uri, valid) => {
  expect(isValidSipUri(uri)).toBe(valid);
});
