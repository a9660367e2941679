'use strict';
// Synthetic data for the import benchmark: a directory of contacts and a Webex-template file whose rows
// update, leave unchanged or create contacts, with numbers typed the French way.

const HEADER = [
  'Display Name', 'Contact UUID', 'First Name', 'Last Name',
  ...[1, 2, 3, 4, 5].flatMap((n) => [`Phone Number ${n}`, `Phone Number ${n} Type`]),
  'Contact Email', 'SIP URI', 'Title', 'Company Name',
  'Address Street', 'Address City', 'Address State', 'Address Country', 'Address Zip',
  ...[1, 2, 3, 4, 5].map((n) => `Group ID ${n}`),
];

const digits = (i, width) => String(i).padStart(width, '0');
const spaced = (eight) => eight.replace(/(..)(..)(..)(..)/, '$1 $2 $3 $4');

/** Contact i of the directory: +33 1 4x xx xx xx work number, e-mail ci@example.com. */
function contact(i, at) {
  return {
    id: `00000000-0000-4000-8000-${digits(i, 12)}`,
    displayName: `Contact ${i}`,
    firstName: 'Jean',
    lastName: `Dupont ${i}`,
    phoneNumbers: [{ value: `+331${digits(40000000 + i, 8)}`, type: 'work' }],
    email: `c${i}@example.com`,
    title: 'Acheteur',
    companyName: 'Société, SA',
    address: { street: '1 rue de la Paix', city: 'Paris', country: 'France', zip: '75001' },
    groupIds: [],
    createdAt: at,
    updatedAt: at,
  };
}

function directoryContacts(count, at = new Date().toISOString()) {
  return Array.from({ length: count }, (_, i) => contact(i, at));
}

function csvCell(value) {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * `rows` rows: a third update existing contacts (a mobile number added), a third are unchanged,
 * a third are new. Existing ones are taken from the end of a directory of `directorySize`.
 */
function importFile(rows, directorySize) {
  const lines = [HEADER.join(',')];
  for (let r = 0; r < rows; r++) {
    const kind = r % 3;
    const i = kind === 2 ? directorySize + r : directorySize - rows + r;
    const work = `01 ${spaced(digits(40000000 + i, 8))}`;
    const mobile = kind === 0 ? `06 ${spaced(digits(i, 8))}` : '';
    const cells = [
      `Contact ${i}`, '', 'Jean', `Dupont ${i}`,
      work, 'work', mobile, mobile ? 'mobile' : '', '', '', '', '', '', '',
      `c${i}@example.com`, '', 'Acheteur', 'Société, SA',
      '1 rue de la Paix', 'Paris', '', 'France', '75001',
      '', '', '', '', '',
    ];
    lines.push(cells.map(csvCell).join(','));
  }
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}

module.exports = { directoryContacts, importFile };
