import { Text } from '@fluentui/react-components';
import { usePaneText } from '../components/pane-text';
import { useStyles } from '../components/styles';
import { AbcEditor } from './abc-editor';
import { CalibrationPanel } from './calibration-panel';
import { DecayCapsEditor } from './decay-caps-editor';
import type { PartEditorProps } from './draft';
import { InputsGrid } from './inputs-grid';
import { MatrixEditor } from './matrix-editor';
import { RfmEditor } from './rfm-editor';
import { RulesEditor } from './rules-editor';
import { ScorecardEditor } from './scorecard-editor';
import { TiersGrid } from './tiers-grid';
import { TimeEditor } from './time-editor';

/** Every part of a grading table as grids: tiers, inputs, then the method's own editor. */
export function TableParts(props: PartEditorProps) {
  const { t } = usePaneText();
  const styles = useStyles();
  const kind = props.table.method.kind;
  return (
    <>
      <section className={styles.section} aria-label={t('table.tiers')}>
        <Text weight="semibold">{t('table.tiers')}</Text>
        <TiersGrid {...props} />
      </section>
      <section className={styles.section} aria-label={t('input.title')}>
        <Text weight="semibold">{t('input.title')}</Text>
        <InputsGrid {...props} />
      </section>
      {kind !== 'rfm' && kind !== 'abc' && <TimeEditor {...props} />}
      {kind === 'scorecard' && <ScorecardEditor {...props} />}
      {kind === 'scorecard' && <DecayCapsEditor {...props} />}
      {kind === 'rules' && <RulesEditor {...props} />}
      {kind === 'matrix' && <MatrixEditor {...props} />}
      {(kind === 'scorecard' || kind === 'matrix') && <CalibrationPanel {...props} />}
      {kind === 'rfm' && <RfmEditor {...props} />}
      {kind === 'abc' && <AbcEditor {...props} />}
    </>
  );
}
