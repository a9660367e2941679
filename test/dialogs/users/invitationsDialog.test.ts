import fs from 'node:fs';
import path from 'node:path';
import { sandboxSeed } from '../../../src/directory/lowdb/seed';
import { createMailer, MailSendError, type Mailer } from '../../../src/platform/mail/invitationMail';
import { ActivationLinks } from '../../../src/services/activationLinks';
import { InvitationService } from '../../../src/services/invitationService';
import { validateCard } from '../../helpers/cardSchema';
import { buttonData, cardOf, HARNESS_BASE_URL, openHarness, visibleText, type Harness } from '../../helpers/dialogHarness';

const PENDING = ['m.lefevre@sandbox.example', 'toto.titi@sandbox.example'];

const outbox = (h: Harness) => {
  const dir = path.join(h.dataDir, 'outbox');
  return fs.existsSync(dir) ? fs.readdirSync(dir) : [];
};
const invitedAt = async (h: Harness, email: string) => (await h.directory.findUserByEmail(email))?.invitedAt;
const cards = (replies: Awaited<ReturnType<Harness['say']>>) => replies.map(cardOf).filter(Boolean);

/** The harness's invitations, but through a mail server that refuses everything until `ok` is set. */
function failingMail(h: Harness): { ok: boolean } {
  const state = { ok: false };
  const real = createMailer({ outboxDir: path.join(h.dataDir, 'outbox') });
  const mailer: Mailer = {
    send: async (message) => {
      if (!state.ok) throw new MailSendError('421 4.3.0 mail server unavailable');
      return real.send(message);
    },
  };
  h.services.invitations = new InvitationService(h.directory, {
    links: new ActivationLinks(path.join(h.dataDir, 'activation'), { ttlMs: 10 * 24 * 3600_000 }),
    mailer,
    from: 'Provisio <p@example.com>',
    baseUrl: () => HARNESS_BASE_URL,
  });
  return state;
}

describe('send invitations', () => {
  test('with no pending user, it says so and sends nothing', async () => {
    const everyoneActive = (now: Date) => {
      const data = sandboxSeed(now);
      for (const user of data.users) Object.assign(user, { status: 'active', activatedAt: now.toISOString() });
      return data;
    };
    const h = await openHarness('fr-FR', { seed: everyoneActive });
    const replies = await h.say('envoyer les invitations');
    expect(visibleText(replies)).toBe("Tous les utilisateurs ont activé leur compte : il n'y a aucune invitation à envoyer.");
    expect(outbox(h)).toEqual([]);
  });

  test('French: the list (count and names), the irreversibility note, Send, then the result card; one e-mail per pending user', async () => {
    const h = await openHarness('fr-FR');
    const list = await h.say('envoyer les invitations');
    const text = visibleText(list);
    expect(text).toContain("2 utilisateurs n'ont pas activé leur compte :");
    expect(text).toContain('Marc Lefèvre, Toto Titi');
    expect(text).toContain("L'envoi est irréversible");
    expect(text).toContain('valable 10 jours');
    for (const card of cards(list)) expect(validateCard(card)).toEqual([]);
    expect(outbox(h)).toEqual([]);

    const result = await h.say(buttonData(list, /^Envoyer$/));
    expect(visibleText(result)).toContain('Invitations — 2 envoyées · 0 ignorée · 0 échec');
    expect(visibleText(result)).toContain('Toto Titi — toto.titi@sandbox.example');
    for (const card of cards(result)) expect(validateCard(card)).toEqual([]);
    expect(outbox(h)).toHaveLength(2);
    for (const email of PENDING) expect(await invitedAt(h, email)).toEqual(expect.any(String));
    expect((await h.directory.listAudit()).map((a) => [a.action, a.flow, a.actor.name])).toEqual([['user.invite', 'sendInvitations', 'Julien Rouchon']]);
  });

  test('English, typed: a second sending within 24 hours skips them, and the list said it would', async () => {
    const h = await openHarness('en-US');
    await h.say('send invitations');
    expect(visibleText(await h.say('send'))).toContain('2 sent · 0 skipped · 0 failed');

    const list = visibleText(await h.say('send invitations'));
    expect(list).toContain('2 users have not activated their account:');
    expect(list).toContain('2 of them were invited less than 24 hours ago and will be skipped');
    const result = visibleText(await h.say('yes'));
    expect(result).toContain('Invitations — 0 sent · 2 skipped (already invited less than 24 h ago) · 0 failed');
    expect(result).toContain('Toto Titi — toto.titi@sandbox.example: already invited less than 24 hours ago');
    expect(outbox(h)).toHaveLength(2);
  });

  test('more than ten pending users: the first ten names, then "…"', async () => {
    const h = await openHarness('en-US');
    const meetings = (await h.directory.listLicenses()).find((l) => l.name === 'Webex Meetings')!;
    for (let i = 0; i < 10; i++) {
      await h.directory.createUser({ firstName: 'Test', lastName: `Zulu${i}`, email: `zulu${i}@example.com`, licenseIds: [meetings.id] }, { actor: { id: 't', name: 't', role: 'admin' }, flow: 't' });
    }
    const text = visibleText(await h.say('send invitations'));
    expect(text).toContain('12 users have not activated their account:');
    expect(text).toMatch(/^Marc Lefèvre, Toto Titi, Test Zulu0, .*Test Zulu7, …$/m);
    expect(text).not.toContain('Zulu8');
  });

  test.each([['the Cancel button', { action: 'cancel' }], ['typing "annuler"', 'annuler']])('%s sends nothing and writes nothing', async (_name, answer) => {
    const h = await openHarness('fr-FR');
    await h.say('envoyer les invitations');
    expect(visibleText(await h.say(answer))).toContain("Annulé. Rien n'a été modifié.");
    expect(outbox(h)).toEqual([]);
    expect(await h.directory.listAudit()).toEqual([]);
    expect(fs.existsSync(path.join(h.dataDir, 'activation'))).toBe(false);
  });

  test('an answer that is neither Send nor Cancel asks again, sending nothing', async () => {
    const h = await openHarness('en-US');
    await h.say('send invitations');
    const replies = await h.say('maybe later');
    expect(visibleText(replies)).toContain('Click "Send" to send the invitations, or "Cancel".');
    expect(outbox(h)).toEqual([]);
    expect(visibleText(await h.say('send'))).toContain('2 sent');
  });

  test('"resend the invitation" from the user list sends to that one user only, with the result card and no list', async () => {
    const h = await openHarness('en-US');
    const list = await h.say('users pending');
    const toto = (await h.directory.findUserByEmail('toto.titi@sandbox.example'))!;
    const buttons = cards(list).flatMap((card: any) => JSON.stringify(card).match(/"userId":"[^"]+"/g) ?? []);
    expect(buttons).toHaveLength(2);
    const resend = buttonData(list, /^Resend the invitation$/);
    expect(resend).toEqual({ action: 'sendInvitations', userId: (await h.directory.findUserByEmail('m.lefevre@sandbox.example'))!.id });

    const lefevreInvitedAt = await invitedAt(h, 'm.lefevre@sandbox.example');
    const result = await h.say({ action: 'sendInvitations', userId: toto.id });
    const text = visibleText(result);
    expect(text).toContain('Invitations — 1 sent · 0 skipped · 0 failed');
    expect(text).not.toContain('have not activated');
    expect(outbox(h)).toHaveLength(1);
    expect(await invitedAt(h, 'toto.titi@sandbox.example')).toEqual(expect.any(String));
    expect(await invitedAt(h, 'm.lefevre@sandbox.example')).toBe(lefevreInvitedAt);

    // A second click within 24 hours is skipped, as Webex does.
    const again = visibleText(await h.say({ action: 'sendInvitations', userId: toto.id }));
    expect(again).toContain('0 sent · 1 skipped (already invited less than 24 h ago) · 0 failed');
    expect(outbox(h)).toHaveLength(1);
  });

  test('the list offers "resend" for pending users only', async () => {
    const h = await openHarness('en-US');
    const list = await h.say('users');
    const ids = cards(list).flatMap((card: any) => [...JSON.stringify(card).matchAll(/"userId":"([^"]+)"/g)].map((m) => m[1]));
    const pending = (await h.directory.listUsers({ status: 'pending' })).map((u) => u.id);
    expect(ids.sort()).toEqual(pending.sort());
  });

  test('a user created in the chat gets the invitation at once; when it cannot be sent, the user exists and the card offers to resend', async () => {
    const h = await openHarness('en-US');
    const mail = failingMail(h);
    await h.say('add user');
    await h.say('Ada Lovelace ada@example.com');
    await h.say('Webex Meetings');
    const done = await h.say('yes');
    const text = visibleText(done);
    expect(text).toContain('User Ada Lovelace created');
    expect(text).toContain('Pending (invitation not sent yet)');
    expect(text).toContain('The user is created, but the invitation was not sent: the e-mail could not be sent (421 4.3.0 mail server unavailable).');
    const ada = (await h.directory.findUserByEmail('ada@example.com'))!;
    expect(ada).toMatchObject({ status: 'pending' });
    expect(ada.invitedAt).toBeUndefined();
    expect(outbox(h)).toEqual([]);

    const resend = buttonData(done, /^Resend the invitation$/);
    expect(resend).toEqual({ action: 'sendInvitations', userId: ada.id });
    const failedAgain = await h.say(resend);
    expect(visibleText(failedAgain)).toContain('0 sent · 0 skipped · 1 failed');
    expect(visibleText(failedAgain)).toContain('Ada Lovelace — ada@example.com: the e-mail could not be sent (421 4.3.0 mail server unavailable)');
    expect(await invitedAt(h, 'ada@example.com')).toBeUndefined();

    mail.ok = true;
    const retry = buttonData(failedAgain, /^Try again$/);
    expect(retry).toEqual({ action: 'sendInvitations', userId: ada.id });
    const sent = await h.say(retry);
    expect(visibleText(sent)).toContain('1 sent · 0 skipped · 0 failed');
    expect(outbox(h)).toHaveLength(1);
    expect(await invitedAt(h, 'ada@example.com')).toEqual(expect.any(String));
  });
});
