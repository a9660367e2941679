import { parseCommand } from '../../../dialogs/base/commands';

describe('typed task phrases go straight to a task of a flow, with what follows as typed', () => {
  test.each([
    ['create list Fournisseurs Île', 'distributionLists', 'create', 'Fournisseurs Île'],
    ['Créer une liste de diffusion  Clients VIP', 'distributionLists', 'create', 'Clients VIP'],
    ['liste VIP', 'distributionLists', 'show', 'VIP'],
    ['show list Clients VIP', 'distributionLists', 'show', 'Clients VIP'],
    ['search jean.dupont@acme.fr', 'contacts', 'search', 'jean.dupont@acme.fr'],
    ['Rechercher un contact 06 12 34', 'contacts', 'search', '06 12 34'],
    ['Ajouter un contact', 'contacts', 'add', ''],
    ['add a contact', 'contacts', 'add', ''],
    ['supprimer des contacts', 'contacts', 'delete', ''],
  ])('%j → %s / %s, rest %j', (text, action, task, restText) => {
    expect(parseCommand(text)).toMatchObject({ action, restText, value: { do: task } });
  });

  test('the longer flow phrases still win over the task phrases', () => {
    expect(parseCommand('list users')).toEqual({ action: 'listUsers', rest: '', restText: '' });
    expect(parseCommand('liste des utilisateurs')).toEqual({ action: 'listUsers', rest: '', restText: '' });
    expect(parseCommand('listes de diffusion')).toEqual({ action: 'distributionLists', rest: '', restText: '' });
    expect(parseCommand('listes')).toEqual({ action: 'distributionLists', rest: '', restText: '' });
    expect(parseCommand('Contacts Éloïse')).toEqual({ action: 'contacts', rest: 'eloise', restText: 'Éloïse' });
  });
});
