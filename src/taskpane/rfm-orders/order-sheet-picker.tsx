import { Dropdown, Field, Option } from '@fluentui/react-components';

export interface OrderSheetPickerProps {
  sheets: readonly string[];
  value: string;
  label: string;
  onChange: (sheet: string) => void;
}

/** The sheet RFM from orders reads: a drop-down of the workbook's sheets. */
export function OrderSheetPicker({ sheets, value, label, onChange }: OrderSheetPickerProps) {
  return (
    <Field label={label}>
      <Dropdown
        value={value}
        selectedOptions={[value]}
        onOptionSelect={(_e, d) => d.optionValue !== undefined && onChange(d.optionValue)}
      >
        {sheets.map((name) => (
          <Option key={name} value={name}>
            {name}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
