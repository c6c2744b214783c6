/**
 * The steps after Data, loaded when first shown: the table editors, the preview, Apply and History are
 * not needed for the pane's first render, so their code is in chunks of their own (ADR 0024). The pane
 * preloads them once it has rendered; a step whose chunk is in renders at once, without the spinner.
 */
import { lazy, type ComponentType } from 'react';

interface LazyStep<P> {
  Component: ComponentType<P>;
  preload: () => Promise<unknown>;
}

function lazyStep<P>(load: () => Promise<ComponentType<P>>): LazyStep<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const preload = () => (loading ??= load().then((component) => (loaded = component)));
  // A thenable that is already settled lets React render a loaded step without suspending.
  const settled = (component: ComponentType<P>) => ({
    then: (done: (module: { default: ComponentType<P> }) => void) => done({ default: component }),
  });
  const Component = lazy(
    () =>
      (loaded ? settled(loaded) : preload().then((component) => ({ default: component }))) as Promise<{
        default: ComponentType<P>;
      }>,
  );
  return { Component, preload };
}

const table = lazyStep(() => import('./table-step').then((m) => m.TableStep));
const preview = lazyStep(() => import('./preview-step').then((m) => m.PreviewStep));
const apply = lazyStep(() => import('./apply-step').then((m) => m.ApplyStep));
const history = lazyStep(() => import('./history-step').then((m) => m.HistoryStep));

export const TableStep = table.Component;
export const PreviewStep = preview.Component;
export const ApplyStep = apply.Component;
export const HistoryStep = history.Component;

/** Loads every step's chunk (once). */
export function preloadSteps(): Promise<unknown> {
  return Promise.all([table, preview, apply, history].map((step) => step.preload()));
}
