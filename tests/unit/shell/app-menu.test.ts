import { describe, expect, it } from 'vitest';
import { appMenuTemplate, menuItems } from '../../../src/main/shell-policy/app-menu.js';

function template(platform: string, development: boolean) {
  const clicked: string[] = [];
  const items = menuItems(
    appMenuTemplate(platform, development, {
      openVaultFile: () => clicked.push('open'),
      lock: () => clicked.push('lock'),
    }),
  );
  return { items, clicked };
}

describe('application menu', () => {
  it.each(['linux', 'win32', 'darwin'])('has Open Vault File…, Lock and Quit on %s', (platform) => {
    const { items, clicked } = template(platform, false);
    const byId = (id: string) => items.find((item) => item.id === id);
    expect(byId('open-vault')?.label).toBe('Open Vault File…');
    expect(byId('open-vault')?.accelerator).toBe('CmdOrCtrl+O');
    expect(byId('lock')?.accelerator).toBe('CmdOrCtrl+L');
    expect(byId('quit')?.role).toBe('quit');
    byId('open-vault')?.click?.();
    byId('lock')?.click?.();
    expect(clicked).toEqual(['open', 'lock']);
  });

  it('offers devtools and reload only in development', () => {
    const roles = (development: boolean) =>
      template('linux', development).items.map((item) => item.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).not.toContain('reload');
    expect(roles(true)).toContain('toggleDevTools');
  });

  it('keeps copy and paste working in fields (Edit roles) on every platform', () => {
    for (const platform of ['linux', 'darwin']) {
      const roles = template(platform, false).items.map((item) => item.role);
      expect(roles).toEqual(expect.arrayContaining(['copy', 'paste', 'cut', 'selectAll']));
    }
  });
});
