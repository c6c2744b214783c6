import { Button, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { localize } from '../../i18n';
import { usePaneText } from '../components/pane-text';
import { useStyles } from '../components/styles';
import { calibratedThresholds, proposeThresholds, targetSharesOf, type Proposal } from './calibration';
import type { PartEditorProps } from './draft';
import { EditorGrid } from './editor-grid';
import { printShare, ShareCell } from './share-cell';
import { useSheetData } from './sheet-data';

/**
 * "Propose thresholds": fixed thresholds that reach target shares of customers on the current sheet,
 * with the shares they reach; the manager freezes them into the table.
 */
export function CalibrationPanel({ table, set }: PartEditorProps) {
  const { t, locale } = usePaneText();
  const styles = useStyles();
  const data = useSheetData();
  const tierKey = table.tiers.map((tier) => tier.id).join('\n');
  const [targets, setTargets] = useState(() => ({ key: tierKey, shares: targetSharesOf(table) }));
  const [proposal, setProposal] = useState<Proposal>();
  const [frozen, setFrozen] = useState(false);
  if (!calibratedThresholds(table)) return null;
  // Tiers added, removed or renamed: start again from the table's own targets.
  const shares = targets.key === tierKey ? targets.shares : targetSharesOf(table);
  const proposed = proposal?.ok ? proposal.calibration : undefined;

  const rows = table.tiers.map((tier, k) => {
    const threshold = proposed?.thresholds[k];
    return [
      <Text key="tier">{`${tier.id} ${localize(tier.label, locale)}`}</Text>,
      <ShareCell
        key="target"
        label={t('calibrate.target-of', { tier: tier.id })}
        value={shares[k]}
        onChange={(v) => {
          const next = [...shares];
          next[k] = v ?? 0;
          setTargets({ key: tierKey, shares: next });
          setProposal(undefined);
        }}
      />,
      <Text key="bound">
        {threshold === undefined ? '' : threshold.gte === undefined ? t('threshold.rest') : `≥ ${threshold.gte}`}
      </Text>,
      <Text key="reached">{proposed ? printShare(proposed.shares[k]!) : ''}</Text>,
    ];
  });

  return (
    <section className={styles.section} aria-label={t('calibrate.title')}>
      <Text weight="semibold">{t('calibrate.title')}</Text>
      {!data ? (
        <Text>{t('calibrate.no-data')}</Text>
      ) : (
        <>
          <EditorGrid
            label={t('calibrate.title')}
            headers={[t('threshold.tier'), t('calibrate.target'), t('calibrate.proposed'), t('calibrate.reached')]}
            rows={rows}
            rowName={(k) => table.tiers[k]?.id ?? String(k + 1)}
          />
          <div className={styles.row}>
            <Button
              size="small"
              onClick={() => {
                setFrozen(false);
                setProposal(proposeThresholds(table, data, shares));
              }}
            >
              {t('calibrate.propose')}
            </Button>
            {proposed && (
              <Button
                size="small"
                appearance="primary"
                onClick={() => {
                  set((copy) => {
                    const method = copy.method;
                    if (method.kind === 'scorecard' || method.kind === 'matrix')
                      method.thresholds = proposed.thresholds;
                  });
                  setProposal(undefined);
                  setFrozen(true);
                }}
              >
                {t('calibrate.freeze')}
              </Button>
            )}
          </div>
          <div role="status" aria-live="polite">
            {proposed && <Text>{t('calibrate.scored', { count: proposed.scored })}</Text>}
            {proposal && !proposal.ok && <Text>{t(`calibrate.${proposal.reason}`)}</Text>}
            {frozen && <Text>{t('calibrate.frozen')}</Text>}
          </div>
        </>
      )}
    </section>
  );
}
