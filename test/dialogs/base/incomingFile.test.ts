import { incomingFile, pastedFile, UPLOAD_EVENT } from '../../../dialogs/base/incomingFile';

describe('which activities carry a file to import', () => {
  test('a Teams personal-chat file: its pre-authorised downloadUrl', () => {
    const activity = {
      type: 'message',
      attachments: [
        { contentType: 'text/html', content: '<p>here</p>' },
        {
          contentType: 'application/vnd.microsoft.teams.file.download.info',
          name: 'contacts.xlsx',
          contentUrl: 'https://contoso.sharepoint.com/personal/a/Documents/contacts.xlsx',
          content: { downloadUrl: 'https://contoso.sharepoint.com/download?token=x', uniqueId: 'u', fileType: 'xlsx' },
        },
      ],
    };
    expect(incomingFile(activity)).toEqual({ kind: 'url', url: 'https://contoso.sharepoint.com/download?token=x', fileName: 'contacts.xlsx' });
  });

  test('a Web Chat or Emulator attachment: its contentUrl', () => {
    const activity = { type: 'message', attachments: [{ contentType: 'text/csv', name: 'a.csv', contentUrl: 'https://directline.botframework.com/att/1' }] };
    expect(incomingFile(activity)).toEqual({ kind: 'url', url: 'https://directline.botframework.com/att/1', fileName: 'a.csv' });
  });

  test('images, cards and Teams HTML copies of the message are not files', () => {
    const attachments = [
      { contentType: 'image/png', contentUrl: 'https://smba.trafficmanager.net/img' },
      { contentType: 'application/vnd.microsoft.card.adaptive', content: {} },
      { contentType: 'text/html', content: '<p>x</p>' },
    ];
    expect(incomingFile({ type: 'message', attachments })).toBeUndefined();
  });

  test('the upload-link event: the kept file', () => {
    expect(incomingFile({ type: 'event', name: UPLOAD_EVENT, value: { token: 't', fileName: 'up.csv' } })).toEqual({ kind: 'kept', token: 't', fileName: 'up.csv' });
    expect(incomingFile({ type: 'event', name: 'other', value: { token: 't' } })).toBeUndefined();
  });

  test('pasted text is a file when it has a header and at least one row', () => {
    expect(pastedFile('Display Name,Phone Number 1\nA,0612', 'p.csv')).toMatchObject({ kind: 'text', fileName: 'p.csv' });
    expect(pastedFile('just one line', 'p.csv')).toBeUndefined();
    expect(pastedFile('header\n\n  \n', 'p.csv')).toBeUndefined();
  });
});
