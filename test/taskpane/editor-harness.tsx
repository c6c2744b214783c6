import { fireEvent, render } from '@testing-library/react';
import { useState } from 'react';
import type { GradingTable, Locale } from '../../src/engine';
import { getPreset } from '../../src/engine/presets';
import { LocaleProvider } from '../../src/taskpane/components/pane-text';
import { TableEditor } from '../../src/taskpane/components/table-editor';
import { SheetDataContext, type SheetData } from '../../src/taskpane/editors/sheet-data';
import { compileDraft } from '../../src/taskpane/session';

/** A deep copy of a preset, to edit in a test. */
export function preset(id: string): GradingTable {
  const table = getPreset(id);
  if (!table) throw new Error(`no preset ${id}`);
  return JSON.parse(JSON.stringify(table)) as GradingTable;
}

/**
 * Renders the table editor as the pane does (draft state, problems from the engine, the sheet's data
 * when given); `latest()` is the draft now.
 */
export function renderEditor(initial: unknown, locale: Locale = 'en-US', sheet?: SheetData) {
  let current = initial;
  function Harness() {
    const [draft, setDraft] = useState(initial);
    const compiled = compileDraft(draft, []);
    return (
      <LocaleProvider value={locale}>
        <SheetDataContext.Provider value={sheet}>
          <TableEditor
            draft={draft}
            problems={compiled.ok ? [] : compiled.problems}
            onChange={(next) => {
              current = next;
              setDraft(next);
            }}
          />
        </SheetDataContext.Provider>
      </LocaleProvider>
    );
  }
  const view = render(<Harness />);
  return { ...view, latest: () => current as GradingTable };
}

/**
 * The control with this aria-label. Testing Library's getByLabelText walks every label of the
 * document for each query: on a 30-input rules table that takes minutes in jsdom.
 */
export function byLabel<T extends HTMLElement = HTMLInputElement>(label: string): T {
  const labelled = [...document.querySelectorAll(`[aria-label="${label.replace(/"/g, '\\"')}"]`)];
  const byField = [...document.querySelectorAll('label')]
    .filter((l) => l.textContent === label && l.htmlFor)
    .map((l) => document.getElementById(l.htmlFor));
  const found = labelled.length > 0 ? labelled : byField;
  if (found.length !== 1) throw new Error(`${found.length} controls labelled ${label}`);
  return found[0] as T;
}

/** Types a value into the control with this aria-label. */
export function typeInto(label: string, value: string): void {
  fireEvent.change(byLabel(label), { target: { value } });
}

/** Clicks the button with this aria-label or text. */
export function click(name: string): void {
  const labelled = document.querySelectorAll(`button[aria-label="${name.replace(/"/g, '\\"')}"]`);
  const buttons =
    labelled.length > 0
      ? [...labelled]
      : [...document.querySelectorAll('button')].filter((b) => b.textContent === name);
  if (buttons.length !== 1) throw new Error(`${buttons.length} buttons named ${name}`);
  fireEvent.click(buttons[0]!);
}
