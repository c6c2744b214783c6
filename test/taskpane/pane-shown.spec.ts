import { whenPaneShown, type AddinVisibility, type PageVisibility } from '../../src/taskpane/pane-shown';

class Page implements PageVisibility {
  listeners = new Set<() => void>();
  constructor(public visibilityState: string) {}
  addEventListener(_type: 'visibilitychange', listener: () => void): void {
    this.listeners.add(listener);
  }
  removeEventListener(_type: 'visibilitychange', listener: () => void): void {
    this.listeners.delete(listener);
  }
  show(): void {
    this.visibilityState = 'visible';
    for (const listener of [...this.listeners]) listener();
  }
}

class Addin implements AddinVisibility {
  handler: ((message: { visibilityMode: string }) => void) | undefined;
  onVisibilityModeChanged(handler: (message: { visibilityMode: string }) => void): Promise<unknown> {
    this.handler = handler;
    return Promise.resolve();
  }
}

async function settled(promise: Promise<void>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  for (let i = 0; i < 5; i++) await Promise.resolve();
  return done;
}

describe('whenPaneShown: the pane reads the workbook when it is shown, not when a formula starts the runtime', () => {
  it('given the pane opened by the user, then the reads start at once', async () => {
    expect(await settled(whenPaneShown(new Page('visible'), new Addin()))).toBe(true);
  });

  it('given the runtime started by a formula with the pane hidden, then nothing is read until Office shows the pane', async () => {
    const page = new Page('hidden');
    const addin = new Addin();
    const shown = whenPaneShown(page, addin);
    expect(await settled(shown)).toBe(false);
    addin.handler!({ visibilityMode: 'Hidden' });
    expect(await settled(shown)).toBe(false);
    addin.handler!({ visibilityMode: 'Taskpane' });
    expect(await settled(shown)).toBe(true);
    expect(page.listeners.size).toBe(0);
  });

  it('given a host without Office.addin, then the page becoming visible starts the reads', async () => {
    const page = new Page('hidden');
    const shown = whenPaneShown(page);
    expect(await settled(shown)).toBe(false);
    page.show();
    expect(await settled(shown)).toBe(true);
  });
});
