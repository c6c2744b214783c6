/**
 * In the shared runtime, the task pane's page loads whenever the runtime starts,
 * also when only a TIERWISE formula calculates and the pane is closed. The pane
 * reads the workbook when it is first shown, not in the background, so that a
 * pane opened later does not show the data region as it was back then.
 */

export interface PageVisibility {
  readonly visibilityState: string;
  addEventListener(type: 'visibilitychange', listener: () => void): void;
  removeEventListener(type: 'visibilitychange', listener: () => void): void;
}

/** Office.addin of the shared runtime (SharedRuntime 1.1); absent outside it. */
export interface AddinVisibility {
  onVisibilityModeChanged(
    handler: (message: { visibilityMode: string }) => void,
  ): Promise<() => Promise<void>> | Promise<unknown>;
}

/** Resolves once the pane is visible: at once when it already is, else on the first sign that it is shown. */
export function whenPaneShown(page: PageVisibility, addin?: AddinVisibility): Promise<void> {
  if (page.visibilityState === 'visible') return Promise.resolve();
  return new Promise((shown) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      page.removeEventListener('visibilitychange', onPage);
      shown();
    };
    const onPage = () => {
      if (page.visibilityState === 'visible') finish();
    };
    page.addEventListener('visibilitychange', onPage);
    void addin
      ?.onVisibilityModeChanged((message) => {
        if (message.visibilityMode === 'Taskpane') finish();
      })
      .catch(() => undefined);
  });
}
