/** @jest-environment jsdom */
import { screen } from '@testing-library/react';

import { preset, renderEditor } from './editor-harness';

/** Every console.error React printed while `body` ran (React reports key problems there). */
function errorsDuring(body: () => void): string[] {
  const spy = jest.spyOn(console, 'error').mockImplementation(() => {});
  try {
    body();
    return spy.mock.calls.map((call) => call.map(String).join(' '));
  } finally {
    spy.mockRestore();
  }
}

describe('a table whose inputs (or tiers) share an id while it is edited', () => {
  it.each(['payment-scorecard', 'business-class', 'bank-segment', 'abc', 'bank-value'])(
    'given %s with its second input and second tier renamed to the first one, then the editor shows the problem and React warns of no key',
    (id) => {
      const table = preset(id);
      if (table.inputs[1]) table.inputs[1].id = table.inputs[0]!.id;
      table.tiers[1]!.id = table.tiers[0]!.id;
      const errors = errorsDuring(() => renderEditor(table));
      expect(errors).toEqual([]);
      const shared = [...new Set([table.inputs[1]?.id, table.tiers[0]!.id].filter((x) => x !== undefined))];
      for (const sharedId of shared)
        expect(screen.getAllByText(`'${sharedId}' is used twice`, { exact: false })).not.toEqual([]);
    },
  );
});
