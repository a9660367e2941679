import { detailPatch, fieldOfLabel, fieldPatch, phoneTypeOf, readDetail, saidDone, splitPhone } from '../../../dialogs/contacts/contactText';

describe('typed contact details (the add and edit prompts read them)', () => {
  test.each([
    ['+33 6 12 34 56 78 mobile', { target: { nextPhone: true }, value: '+33 6 12 34 56 78 mobile' }],
    ['jean@acme.fr', { target: { field: 'email' }, value: 'jean@acme.fr' }],
    ['sip:jean@acme.fr', { target: { field: 'sipUri' }, value: 'sip:jean@acme.fr' }],
    ['title: Buyer', { target: { field: 'title' }, value: 'Buyer' }],
    ['Société : ACME', { target: { field: 'companyName' }, value: 'ACME' }],
    ["Nom d'affichage : Jean D.", { target: { field: 'displayName' }, value: 'Jean D.' }],
    ['E-mail: j@x.fr', { target: { field: 'email' }, value: 'j@x.fr' }],
    ['téléphone 3 : 01 23 45 67 89 work', { target: { field: 'phone3' }, value: '01 23 45 67 89 work' }],
    ['Type de téléphone 2 : home', { target: { field: 'phoneType2' }, value: 'home' }],
    ['portable : 06 12 34 56 78', { target: { nextPhone: true, type: 'mobile' }, value: '06 12 34 56 78' }],
    ['code postal : 69001', { target: { field: 'zip' }, value: '69001' }],
    ['city: -', { target: { field: 'city' }, value: '' }],
  ])('%j is read', (typed, detail) => {
    expect(readDetail(typed)).toEqual(detail);
  });

  test.each(['hello', 'colour: blue', '', '<script>alert(1)</script>'])('%j is not a detail', (typed) => {
    expect(readDetail(typed)).toBeUndefined();
  });

  test.each([
    ['+33 6 12 34 56 78 mobile', { number: '+33 6 12 34 56 78', type: 'mobile' }],
    ['mobile 06 12 34 56 78', { number: '06 12 34 56 78', type: 'mobile' }],
    ['4021 poste interne', { number: '4021', type: 'work_extension' }],
    ['01 23 45 67 89 Travail', { number: '01 23 45 67 89', type: 'work' }],
    ['3,36123E+10 mobile', { number: '3,36123E+10', type: 'mobile' }],
    ['0612 mobil', { number: '0612', type: 'mobil' }],
    ['0612', { number: '0612' }],
    ['abc', { number: 'abc' }],
  ])('a number and its type: %j', (typed, split) => {
    expect(splitPhone(typed)).toEqual(split);
  });

  test('types and labels in French and English', () => {
    expect(['domicile', 'Home', 'autre', 'WORK', 'work_extension'].map(phoneTypeOf)).toEqual(['home', 'home', 'other', 'work', 'work_extension']);
    expect(['Prénom', 'first name', 'Fonction', 'URI SIP', 'phone 5', 'tel2', 'Pays'].map(fieldOfLabel)).toEqual(['firstName', 'firstName', 'title', 'sipUri', 'phone5', 'phone2', 'country']);
    expect(['fin', 'Terminé', 'done', "c'est tout"].every(saidDone)).toBe(true);
    expect(saidDone('fine')).toBe(false);
  });

  test('a new number takes the first free slot, with its type; none when all five are taken', () => {
    const detail = readDetail('06 12 34 56 78 mobile')!;
    expect(detailPatch({ phone1: '+331', phoneType1: 'work' }, detail)).toEqual({ phone2: '06 12 34 56 78', phoneType2: 'mobile' });
    const full = Object.fromEntries([1, 2, 3, 4, 5].flatMap((n) => [[`phone${n}`, `0${n}`], [`phoneType${n}`, 'work']]));
    expect(detailPatch(full, detail)).toBeUndefined();
  });

  test('a number keeps its current type unless another is said; clearing it clears its type', () => {
    const current = { phone1: '+33612345678', phoneType1: 'mobile' };
    expect(fieldPatch(current, 'phone1', '06 99 88 77 66')).toEqual({ phone1: '06 99 88 77 66', phoneType1: 'mobile' });
    expect(fieldPatch(current, 'phone1', '06 99 88 77 66 home')).toEqual({ phone1: '06 99 88 77 66', phoneType1: 'home' });
    expect(fieldPatch(current, 'phone1', '')).toEqual({ phone1: '', phoneType1: '' });
    expect(fieldPatch(current, 'phoneType1', 'portable')).toEqual({ phoneType1: 'mobile' });
    expect(fieldPatch(current, 'title', 'Buyer')).toEqual({ title: 'Buyer' });
  });
});
